"""Word-level differences between two versions of one fact.

The reader highlights the words one version has that the other lacks.  The
diff runs on token lists (rapidfuzz's Levenshtein opcodes accept any sequence
of hashables), comparing matching keys (case, curly quotes and US/UK spelling
folded) so "behaviour" against "behavior" is no difference, while every op
carries character spans into the *shown* texts so the UI can mark them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Indel

from ..text.textnorm import tokens, word_key


@dataclass(frozen=True)
class DiffOp:
    """One run of tokens: "equal", "replace", "delete" (only in a) or "insert" (only in b).

    `a_span`/`b_span` are character offsets into a and b (empty spans for the
    side that has nothing); `a_words`/`b_words` are the shown words.
    """

    tag: str
    a_span: tuple[int, int]
    b_span: tuple[int, int]
    a_words: tuple[str, ...]
    b_words: tuple[str, ...]


def word_diff(a: str, b: str) -> list[DiffOp]:
    """The token-level edit script turning a into b, with spans into both texts."""
    ta, ka = _keyed(a)
    tb, kb = _keyed(b)
    runs = _merge([(op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end)
                   for op in Indel.opcodes(ka, kb)])
    return [DiffOp(tag, _span(ta, s1, e1, len(a)), _span(tb, s2, e2, len(b)),
                   tuple(a[t[1]:t[2]] for t in ta[s1:e1]), tuple(b[t[1]:t[2]] for t in tb[s2:e2]))
            for tag, s1, e1, s2, e2 in runs]


@lru_cache(maxsize=16384)
def _keyed(text: str) -> tuple[list[tuple[str, int, int]], list[str]]:
    """A text's tokens and their matching keys, once per text: an export diffs one
    passage against each of its partners (read only; callers never change them)."""
    toks = tokens(text)
    return toks, [word_key(t[0]) for t in toks]


def _merge(ops: list[tuple[str, int, int, int, int]]) -> list[tuple[str, int, int, int, int]]:
    """Join a delete next to an insert into one "replace": the reader sees one changed phrase.

    Indel (insertions and deletions only) keeps every shared word aligned,
    which Levenshtein's substitutions would trade away for a shorter script.
    """
    out: list[tuple[str, int, int, int, int]] = []
    for op in ops:
        if out and {out[-1][0], op[0]} == {"delete", "insert"}:
            prev = out.pop()
            op = ("replace", prev[1], op[2], prev[3], op[4])
        elif out and out[-1][0] == "replace" and op[0] in ("delete", "insert"):
            prev = out.pop()
            op = ("replace", prev[1], op[2], prev[3], op[4])
        out.append(op)
    return out


def _span(toks: list[tuple[str, int, int]], start: int, end: int, length: int) -> tuple[int, int]:
    """Character span of tokens[start:end]; an empty span at the insertion point if none."""
    if start < end:
        return toks[start][1], toks[end - 1][2]
    at = toks[start][1] if start < len(toks) else length
    return at, at


def diff_summary(a: str, b: str) -> dict[str, list]:
    """JSON-ready difference: the words only a has, only b has, and their spans.

    Words are listed in text order; a replaced run counts on both sides.
    """
    a_only, b_only, a_spans, b_spans = _summary(a, b)
    return {"a_only": list(a_only), "b_only": list(b_only),
            "a_spans": [list(s) for s in a_spans], "b_spans": [list(s) for s in b_spans]}


@lru_cache(maxsize=4096)
def _summary(a: str, b: str) -> tuple[tuple, tuple, tuple, tuple]:
    """diff_summary's content, once per distinct pair of texts (a one-sentence paragraph
    pairs as a paragraph and as a sentence); immutable, so a cached copy is never changed."""
    a_only: list[str] = []
    b_only: list[str] = []
    a_spans: list[tuple[int, int]] = []
    b_spans: list[tuple[int, int]] = []
    ta, ka = _keyed(a)
    tb, kb = _keyed(b)
    # word_diff's runs, without making the words and spans of the equal ones (most of a
    # text), which the summary never reads
    for tag, s1, e1, s2, e2 in _merge([(op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end)
                                       for op in Indel.opcodes(ka, kb)]):
        if tag in ("delete", "replace"):
            a_only.extend(a[t[1]:t[2]] for t in ta[s1:e1])
            a_spans.append(_span(ta, s1, e1, len(a)))
        if tag in ("insert", "replace"):
            b_only.extend(b[t[1]:t[2]] for t in tb[s2:e2])
            b_spans.append(_span(tb, s2, e2, len(b)))
    return tuple(a_only), tuple(b_only), tuple(a_spans), tuple(b_spans)
