"""Text anchors that survive edits to the articles they point into.

A note must never silently attach to the wrong sentence.  An anchor records
the article, its content hash, the exact quote, ~32 characters of context on
each side and the character offsets.  Re-anchoring against the current corpus
tries, in order: the recorded offsets (same file content, or the same quote
with agreeing context still there), the quote found again with its context,
and finally a fuzzy match - accepted only when one place clearly wins.
Anything else is `orphaned`: kept and listed, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from .model import Article, Corpus, Ref
from .text.lexicons import NEGATION

CONTEXT = 32
FUZZY_MIN = 85.0      # rapidfuzz score a fuzzy match needs at all
FUZZY_MARGIN = 10.0   # how far the runner-up must trail for the match to count

AnchorStatus = Literal["exact", "moved", "orphaned"]
EXACT: AnchorStatus = "exact"
MOVED: AnchorStatus = "moved"
ORPHANED: AnchorStatus = "orphaned"


@dataclass(frozen=True)
class Anchor:
    """Where a note points: a quote in one article, with context and offsets."""

    article: str
    sha256: str
    quote: str
    prefix: str
    suffix: str
    start: int
    end: int
    # keys of a hand-edited or newer notes file this version does not know: written back as read
    extra: dict = field(default_factory=dict, compare=False, hash=False, repr=False)


@dataclass(frozen=True)
class Placement:
    """Where an anchor lands in the current corpus, and how sure we are.

    `status` is exact (nothing moved), moved (found again elsewhere or after an
    edit) or orphaned (cannot be placed; `article`/`start`/`end` are None).
    """

    status: AnchorStatus
    article: str | None = None
    start: int | None = None
    end: int | None = None
    ref: Ref | None = None
    method: str = ""

    @property
    def placed(self) -> bool:
        return self.status != ORPHANED


def make_anchor(article: Article, start: int, end: int) -> Anchor:
    """An anchor for `article.source_text[start:end]`."""
    text = article.source_text
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span {start}-{end} is outside {article.id}")
    return Anchor(article.id, article.sha256, text[start:end],
                  text[max(0, start - CONTEXT):start], text[end:end + CONTEXT], start, end)


def anchor_for_ref(corpus: Corpus, ref: Ref) -> Anchor:
    """An anchor on a sentence (or a whole paragraph when `ref.sentence` is None)."""
    article = corpus.article(ref.article)
    paragraph = article.paragraphs[ref.paragraph]
    span = paragraph if ref.sentence is None else paragraph.sentences[ref.sentence]
    return make_anchor(article, span.start, span.end)


def ref_at(article: Article, start: int, end: int) -> Ref | None:
    """The sentence (or paragraph) holding most of a span, for pairing and sides."""
    middle = (start + end) // 2
    for paragraph in article.paragraphs:
        if paragraph.start <= middle < paragraph.end or paragraph.start <= start < paragraph.end:
            for sentence in paragraph.sentences:
                if sentence.start <= middle < sentence.end:
                    return Ref(article.id, paragraph.index, sentence.index)
            return Ref(article.id, paragraph.index)
    return None


def resolve(anchor: Anchor, corpus: Corpus) -> Placement:
    """Place `anchor` in the current corpus (see the module docstring)."""
    article = _find_article(anchor, corpus)
    if article is None:
        return Placement(ORPHANED, method="article missing")
    found = (_at_offsets(anchor, article) or _by_quote(anchor, article)
             or _by_fuzzy(anchor, article))
    if found is None:
        return Placement(ORPHANED, method="quote not found unambiguously")
    start, end, method = found
    unchanged = method == "offsets" and article.id == anchor.article
    return Placement(EXACT if unchanged else MOVED, article.id, start, end,
                     ref_at(article, start, end), method)


def _find_article(anchor: Anchor, corpus: Corpus) -> Article | None:
    """The anchored article by file id, else one with the same content (renamed)."""
    try:
        return corpus.article(anchor.article)
    except KeyError:
        same = [a for a in corpus.articles if a.sha256 == anchor.sha256]
        return same[0] if len(same) == 1 else None


def _at_offsets(anchor: Anchor, article: Article) -> tuple[int, int, str] | None:
    """The recorded offsets, if they still hold the quote in the same context."""
    text = article.source_text
    if text[anchor.start:anchor.end] != anchor.quote:
        return None
    if article.sha256 == anchor.sha256 or _context_score(anchor, text, anchor.start, anchor.end) > 0:
        return anchor.start, anchor.end, "offsets"
    return None


def _by_quote(anchor: Anchor, article: Article) -> tuple[int, int, str] | None:
    """The quote found verbatim; with several hits the context must pick one."""
    text, quote = article.source_text, anchor.quote
    hits = _occurrences(text, quote)
    if not hits:
        return None
    if len(hits) == 1:
        return hits[0], hits[0] + len(quote), "quote"
    scored = sorted(((_context_score(anchor, text, h, h + len(quote)), h) for h in hits), reverse=True)
    (best, where), (second, _) = scored[0], scored[1]
    if best > 0 and best > second:
        return where, where + len(quote), "quote and context"
    return None


def _occurrences(text: str, needle: str) -> list[int]:
    hits, at = [], text.find(needle)
    while at != -1:
        hits.append(at)
        at = text.find(needle, at + 1)
    return hits


def _context_score(anchor: Anchor, text: str, start: int, end: int) -> int:
    """How many characters of the recorded prefix and suffix still surround a hit."""
    before = text[max(0, start - len(anchor.prefix)):start]
    after = text[end:end + len(anchor.suffix)]
    return _common_suffix(before, anchor.prefix) + _common_prefix(after, anchor.suffix)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])


def _by_fuzzy(anchor: Anchor, article: Article) -> tuple[int, int, str] | None:
    """A near match of the quote, accepted only when no other place comes close.

    The best alignment is blanked out and the search repeated: if the
    runner-up is nearly as good (a repeated boilerplate sentence, a look-alike
    claim), the note is orphaned rather than attached to the wrong one.
    """
    from rapidfuzz import fuzz

    quote, text = anchor.quote, article.source_text
    if len(quote.strip()) < 12 or not text:
        return None  # too short for a fuzzy match to mean anything
    best = fuzz.partial_ratio_alignment(quote, text, score_cutoff=FUZZY_MIN)
    if best is None:
        return None
    start, end = _refine(quote, text, *_snap(text, best.dest_start, best.dest_end))
    masked = text[:start] + "\0" * (end - start) + text[end:]
    runner = fuzz.partial_ratio_alignment(quote, masked)
    if runner is not None and runner.score > best.score - FUZZY_MARGIN:
        return None
    if polarity_changed(quote, text[start:end]):
        return None  # "unsafe" -> "safe", "did act" -> "did not act": another claim, not an edit
    return start, end, f"fuzzy {best.score:.0f}"


_NEGATING_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non", "non-")


def polarity_changed(old: str, new: str) -> bool:
    """True when the edit from `old` to `new` flips a negation ('did act' / 'did not act';
    'never used' / 'did not use' keeps it), or turns a word into its negated form
    ('unsafe' / 'safe'): near in characters, opposite in meaning."""
    before, after = _words(old), _words(new)
    if sum(w in NEGATION for w in before) % 2 != sum(w in NEGATION for w in after) % 2:
        return True
    gone, added = set(before) - set(after), set(after) - set(before)
    return any(_negates(a, b) or _negates(b, a) for a in gone for b in added)


def _negates(word: str, base: str) -> bool:
    return any(word == prefix + base for prefix in _NEGATING_PREFIXES)


def _words(text: str) -> list[str]:
    """Lower-case words, a contraction's "n't" counted as a negation of its own."""
    words = re.findall(r"[a-z]+(?:'[a-z]+)?(?:-[a-z]+)*", text.lower().replace("’", "'"))
    return words + ["n't" for w in words if w.endswith("n't") and w not in NEGATION]


def _refine(quote: str, text: str, start: int, end: int, slack: int = 3) -> tuple[int, int]:
    """Nudge the ends of a fuzzy hit so it covers what the quote covered (e.g. its final stop)."""
    from rapidfuzz import fuzz

    best = (fuzz.ratio(quote, text[start:end]), 0, start, end)
    for ds in range(-slack, slack + 1):
        for de in range(-slack, slack + 1):
            s, e = start + ds, end + de
            if 0 <= s < e <= len(text):
                score = (fuzz.ratio(quote, text[s:e]), -abs(ds) - abs(de), s, e)
                best = max(best, score)
    return best[2], best[3]


def _snap(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a fuzzy hit to whole words so a quote never starts mid-word."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end
