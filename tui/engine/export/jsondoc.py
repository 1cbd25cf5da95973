"""The JSON export: the engine's results as a stable, documented document.

The schema id `reconcile.export/4` promises field names and meanings; new
fields may be added, none removed or renamed without a new schema id.
(/2 against /1: a pair's `diff` is null unless the pair joins two accounts
of one fact, or the export was asked for every diff.  /3 against /2: engine
pairs scoring under PAIRS_MIN_SCORE that no fact uses and that are not wire
copy are left out unless every pair is asked for; `pairs_left_out` counts them.
/4 against /3: `reprints` lists the articles analysed as their original, and an
account names its sentence in them, `reprints`, when there are any.)

The document is written as a stream, one element (an article, a pair, a
fact) at a time through the C encoder: a thousand-article corpus made a
170 MB document, and building it whole (indented, in the pure-Python
encoder) took most of the export's time and 1.8 GB.  Each element sits on
one line, so the file is still one JSON document and diffs well by line.
"""

from __future__ import annotations

import io
import json
import math
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from ..parallel import Background, can_fork, collector_paused
from ..model import Account, Analysis, Article, Attribution, Fact, Pair, Ref, path_text

SCHEMA = "reconcile.export/4"

#: Engine pairs scoring under this, that join no two accounts of one fact and are not wire copy,
#: are left out of the export unless every pair is asked for (`all_pairs`, `--all-pairs`): on
#: news corpora they are about half of the pairs and of the document, and say the least.
PAIRS_MIN_SCORE = 50.0


def to_document(analysis: Analysis, notes: list[dict[str, Any]] | None = None,
                diffs: bool = False, all_pairs: bool = False) -> dict[str, Any]:
    """The export document as plain JSON-ready data (the streamed form, read back in memory).

    `notes` are the notes file's entries (see `notes.notes_json`), each with
    its anchor status; an empty list when there is no notes file.  `diffs`
    computes the word difference of every pair, not only of the pairs the
    facts use; `all_pairs` writes every pair (see PAIRS_MIN_SCORE).
    """
    return {key: (list(value) if isinstance(value, Iterator) else value.made() if isinstance(value, _Split) else value)
            for key, value in _sections(analysis, notes, diffs, all_pairs)}


def to_json(analysis: Analysis, notes: list[dict[str, Any]] | None = None, diffs: bool = False,
            all_pairs: bool = False) -> str:
    """The streamed document as one string (for small corpora and tests)."""
    out = io.StringIO()
    write_json(analysis, out, notes, diffs, all_pairs)
    return out.getvalue()


def write_json(analysis: Analysis, out: TextIO, notes: list[dict[str, Any]] | None = None,
               diffs: bool = False, all_pairs: bool = False) -> None:
    """Write the export document to `out`, one element at a time.

    Memory holds one element's text at a time, never the document: the
    document of a few thousand articles is larger than the analysis itself.  The cycle
    collector is paused meanwhile: its passes walked the whole analysis and freed nothing.
    """
    with collector_paused():
        out.write("{")
        for n, (key, value) in enumerate(_sections(analysis, notes, diffs, all_pairs)):
            out.write(("," if n else "") + f"\n{_encode(key)}: ")
            if isinstance(value, _Split):
                _write_split(value, out)
            elif isinstance(value, Iterator):
                _write_list(value, out)
            else:
                out.write(_encode(value))
        out.write("\n}\n")


def _write_list(items: Iterable[Any], out: TextIO) -> None:
    """A JSON list with one element a line."""
    _write_texts(map(_encode, items), out)


def _write_texts(texts: Iterable[str], out: TextIO) -> None:
    """A JSON list with one element a line, from the elements' JSON texts."""
    out.write("[")
    first = True
    for text in texts:
        out.write(("\n " if first else ",\n ") + text)
        first = False
    out.write("]" if first else "\n]")


#: From this many articles, or this many pairs or article rows, a section's second half is
#: encoded by a forked child (into a temporary file the parent then copies) while the parent
#: encodes the first half: a thousand articles' document is 2 s of one core's time.
SPLIT_MIN_ARTICLES = 200
SPLIT_MIN_ELEMENTS = 5000


@dataclass(frozen=True)
class _Split:
    """A section's elements and the function that makes each one's JSON-ready value (and,
    optionally, one that writes its JSON text directly: the same text, made quicker)."""

    items: Sequence[Any]
    make: Callable[[Any], Any]
    parallel_from: int
    encode: Callable[[Any], str] | None = None

    def made(self) -> list[Any]:
        return [self.make(item) for item in self.items]

    def text(self, item: Any) -> str:
        """The element's JSON text, as `_encode` writes its value."""
        return self.encode(item) if self.encode is not None else _encode(self.make(item))


def _same(item: Any) -> Any:
    return item


def _write_split(split: _Split, out: TextIO) -> None:
    """The list `_write_list` writes, the same text; for a long list, its second half is
    encoded in a forked child (`parallel.Background`) meanwhile, into a temporary file (the
    document never sits in memory)."""
    items = split.items
    half = len(items) // 2
    if len(items) < split.parallel_from or not can_fork():
        _write_texts(map(split.text, items), out)
        return
    with tempfile.TemporaryFile("w+", encoding="utf-8") as tail:
        job = Background(lambda: _write_tail(split, half, tail))
        out.write("[")
        for n in range(half):
            out.write((",\n " if n else "\n ") + split.text(items[n]))
        job.result()
        tail.seek(0)
        shutil.copyfileobj(tail, out, 1 << 20)
        out.write("\n]")


def _write_tail(split: _Split, start: int, tail: TextIO) -> int:
    """Elements from `start` on, each after its ",\n " separator, into `tail` (from its start:
    a child that failed half-way is done again here)."""
    tail.seek(0)
    tail.truncate()
    for item in split.items[start:]:
        tail.write(",\n " + split.text(item))
    tail.flush()
    return len(split.items) - start


def _sections(analysis: Analysis, notes: list[dict[str, Any]] | None,
              diffs: bool, all_pairs: bool = False) -> Iterator[tuple[str, Any]]:
    """The document's top-level keys in order; lists as iterators, made as they are written."""
    corpus = analysis.corpus
    yield "schema", SCHEMA
    yield "corpus", {
        "path": path_text(corpus.path),
        "title": corpus.title,
        "sides": [{"id": s.id, "name": s.name, "inferred": s.inferred} for s in corpus.sides],
        "skipped": [{"path": s.path, "reason": s.reason} for s in corpus.skipped],
        "warnings": [*corpus.warnings, *getattr(analysis, "warnings", ())],
    }
    attributions = analysis.attributions
    yield "articles", _Split(corpus.articles, lambda a: _article(a, attributions), SPLIT_MIN_ARTICLES)
    places = _fact_places(analysis.facts)
    written = [(p, _used(p, places)) for p in analysis.pairs]
    if not all_pairs:
        written = [(p, used) for p, used in written
                   if used or getattr(p, "wire", False) or p.score >= PAIRS_MIN_SCORE]
    pair_json = _PairJSON() if _C_ENCODE is not None else None
    yield "pairs", _Split(written, lambda pu: _pair(pu[0], diffs or pu[1]), SPLIT_MIN_ELEMENTS,
                          None if pair_json is None else lambda pu: pair_json(pu[0], diffs or pu[1]))
    yield "pairs_left_out", {"count": len(analysis.pairs) - len(written),
                             "score_under": None if all_pairs else PAIRS_MIN_SCORE}
    yield "article_similarity", _Split(analysis.article_similarity, _same, SPLIT_MIN_ELEMENTS)
    yield "reprints", iter([{"article": r.article, "original": r.original, "share": r.share, "covers": r.covers}
                            for r in getattr(analysis, "reprints", ())])
    yield "facts", (_fact(f) for f in analysis.facts)
    yield "notes", iter(notes or [])


# C1 controls (0x80-0x9f: 0x9b is an 8-bit CSI) and direction overrides, which JSON
# would write raw: written as \u escapes, the same data, harmless in a terminal.
_RAW_IN_JSON = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_ENCODER = json.JSONEncoder(ensure_ascii=False)   # no indent: the C encoder


def _c_encoder() -> Callable[[Any, int], Sequence[str]] | None:
    """What `_ENCODER.encode` runs, made once: it builds the C encoder anew for every call
    (a hundred thousand elements at 1,000 articles); None without the C module."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return None
    e = _ENCODER
    return make({} if e.check_circular else None, e.default, json.encoder.encode_basestring, e.indent,
                e.key_separator, e.item_separator, e.sort_keys, e.skipkeys, e.allow_nan)


_C_ENCODE = _c_encoder()


def _escape_raw(text: str) -> str:
    """The text with the characters `_RAW_IN_JSON` names escaped.  An ASCII text holds none of
    them but DEL: its check is a flag of the string and a byte search, where the pattern's scan
    read every character in Python's regex engine (nearly all of a large export's pairs and
    article rows are ASCII)."""
    if text.isascii() and "\x7f" not in text:
        return text
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def _encode(value: Any) -> str:
    """One element as compact JSON (C encoder) holding no control character."""
    if _C_ENCODE is None:
        return _escape_raw(_ENCODER.encode(value))
    return _escape_raw("".join(_C_ENCODE(value, 0)))


def dumps(document: Any) -> str:
    """Readable JSON (UTF-8, indented) that holds no control character but newlines.

    For small documents only (the W3C notes export): the indent runs Python's
    pure-Python encoder.
    """
    return _escape_raw(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def _article(article: Article, attributions: dict[Ref, Attribution]) -> dict[str, Any]:
    return {
        "id": article.id,
        "path": path_text(article.path),
        "title": article.title,
        "outlet": article.outlet,
        "date": article.date,
        "sha256": article.sha256,
        "paragraphs": [
            {
                "index": p.index,
                "text": p.text,
                "start": p.start,
                "end": p.end,
                "source": p.source,
                "sentences": [
                    _sentence(s.index, s.text, s.start, s.end,
                              attributions.get(Ref(article.id, p.index, s.index)))
                    for s in p.sentences
                ],
            }
            for p in article.paragraphs
        ],
        "dropped": [{"text": d.text, "start": d.start, "end": d.end, "reason": d.reason}
                    for d in article.dropped],
    }


def _sentence(index: int, text: str, start: int, end: int, who: Attribution | None) -> dict[str, Any]:
    return {
        "index": index,
        "text": text,
        "start": start,
        "end": end,
        "side": who.side if who else None,
        "speaker": who.speaker if who else None,
        "speaker_span": list(who.speaker_span) if who and who.speaker_span else None,
        "side_inferred": bool(who and who.inferred),
    }


def ref_dict(ref: Ref) -> dict[str, Any]:
    out: dict[str, Any] = {"article": ref.article, "paragraph": ref.paragraph}
    if ref.sentence is not None:
        out["sentence"] = ref.sentence
    return out


def _place(ref: Ref) -> tuple[str, int, int | None]:
    """A Ref as a plain tuple: hashed in C (a hundred thousand pairs' Refs hashed through the
    dataclass's Python __hash__ were a fifth of writing a large export)."""
    return ref.article, ref.paragraph, ref.sentence


def _fact_places(facts: Iterable[Fact]) -> dict[tuple[str, int, int | None], set[int]]:
    """Each account's sentence and paragraph (`_place`) -> the facts it tells (by position)."""
    places: dict[tuple[str, int, int | None], set[int]] = {}
    for n, fact in enumerate(facts):
        for account in fact.accounts:
            ref = account.ref
            places.setdefault(_place(ref), set()).add(n)
            places.setdefault((ref.article, ref.paragraph, None), set()).add(n)
    return places


def _used(pair: Pair, places: dict[tuple[str, int, int | None], set[int]]) -> bool:
    """Whether the pair joins two passages of one fact (the reader would show its diff),
    or the user pinned it."""
    if pair.origin != "engine":
        return True
    a = places.get(_place(pair.a))
    if not a:   # most pairs: no fact tells the first passage
        return False
    b = places.get(_place(pair.b))
    return bool(b and not a.isdisjoint(b))


def _pair(pair: Pair, with_diff: bool) -> dict[str, Any]:
    """A pair, with its word-level difference when asked (computed here, only when exported)."""
    return {"a": ref_dict(pair.a), "b": ref_dict(pair.b), "score": round(pair.score, 1),
            "kind": pair.kind, "terms": list(pair.terms), "origin": pair.origin,
            "wire": bool(getattr(pair, "wire", False)), "diff": _diff(pair) if with_diff else None}


def _diff(pair: Pair) -> dict[str, Any] | None:
    """The pair's word-level difference (a twentieth of the pairs at 1,000 articles ask for it:
    the rest skip the import and the texts)."""
    from .worddiff import diff_summary  # local: keeps this edit inside _pair
    a_text, b_text = getattr(pair, "a_text", ""), getattr(pair, "b_text", "")
    return diff_summary(a_text, b_text) if a_text or b_text else None


class _PairJSON:
    """Each pair's JSON text, the text `_encode(_pair(pair, with_diff))` gives, written out here
    instead of built as a dict for the encoder: a pair's places and shown terms recur from
    pair to pair (48,000 pairs at 982 articles), so each is encoded once.  Writing the pairs
    took 0.77 s of one process there, now 0.40 s."""

    def __init__(self) -> None:
        self._places: dict[tuple[str, int, int | None], str] = {}
        self._terms: dict[tuple[str, ...], str] = {}

    def __call__(self, pair: Pair, with_diff: bool) -> str:
        diff = _diff(pair) if with_diff else None
        wire = "true" if getattr(pair, "wire", False) else "false"
        return _escape_raw(
            f'{{"a": {self._place(pair.a)}, "b": {self._place(pair.b)}, "score": {_number(round(pair.score, 1))}, '
            f'"kind": {_string(pair.kind)}, "terms": {self._shown(pair.terms)}, "origin": {_string(pair.origin)}, '
            f'"wire": {wire}, "diff": {"null" if diff is None else _json(diff)}}}')

    def _place(self, ref: Ref) -> str:
        key = _place(ref)
        text = self._places.get(key)
        if text is None:
            text = self._places[key] = _json(ref_dict(ref))
        return text

    def _shown(self, terms: tuple[str, ...]) -> str:
        text = self._terms.get(terms)
        if text is None:
            text = self._terms[terms] = "[" + ", ".join(map(_string, terms)) + "]"
        return text


_string = json.encoder.encode_basestring   # what the encoder writes a string with (no ASCII escapes)


def _number(value: float) -> str:
    """A number as the encoder writes it: an int or a finite float by its repr."""
    if type(value) is int or (type(value) is float and math.isfinite(value)):
        return repr(value)
    return _json(value)


def _json(value: Any) -> str:
    """The encoder's text of a value, before `_escape_raw` (applied once to the whole element)."""
    return "".join(_C_ENCODE(value, 0)) if _C_ENCODE is not None else _ENCODER.encode(value)


def _fact(fact: Fact) -> dict[str, Any]:
    return _fact_fields(fact) | _review_fields(fact)


def _review_fields(fact: Fact) -> dict[str, Any]:
    """The user's word on the fact, present only when given (see docs/notes.md, "Curation")."""
    fields: dict[str, Any] = {}
    if fact.review is not None:
        fields["review"] = fact.review
    if fact.engine_title is not None:
        fields["engine_title"] = fact.engine_title
    return fields


def _fact_fields(fact: Fact) -> dict[str, Any]:
    return {
        "id": fact.id,
        "title": fact.title,
        "status": fact.status,
        "rank": fact.rank,
        "evidence": [str(e) for e in fact.evidence],
        "question": fact.question,
        "aspect": fact.aspect,
        "positions": [{"side": side, "text": text} for side, text in fact.positions],
        "background": fact.background,
        "accounts": [_account(a) for a in fact.accounts],
    }


def _account(account: Account) -> dict[str, Any]:
    """An account; `reprints` only when its article has reprints (most accounts have none)."""
    a = account
    out = {"side": a.side, **ref_dict(a.ref), "text": a.text, "speaker": a.speaker,
           "inferred": a.inferred, "start": a.start, "end": a.end, "reported_by": a.reported_by}
    if reprints := getattr(a, "reprints", ()):
        out["reprints"] = [ref_dict(r) for r in reprints]
    return out
