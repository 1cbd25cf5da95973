"""The user's pairing decisions, and wire copy (passages one article reprints from another)."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz.distance import Indel

from ..model import Corpus, Link, PairKind, Ref, TextPair
from ..text.textnorm import surface_terms, terms
from . import tuning
from .units import word_keys


def apply_links(corpus: Corpus, pairs: list[TextPair], links: Sequence[Link]) -> list[TextPair]:
    """The user's decisions win: same=True forces a pair (score 100), same=False removes it.

    A "not the same" decision on two paragraphs also removes the sentence
    pairs between them: the user has said those paragraphs tell different facts.
    Without links the pairs stand as they are (a thousand articles' pairs cost a second
    of keys to find nothing).
    """
    if not links:
        return pairs
    def key(a: Ref, b: Ref) -> frozenset[Ref]:
        return frozenset((a, b))

    removed = {key(link.a, link.b) for link in links if not link.same}
    kept = [p for p in pairs if key(p.a, p.b) not in removed
            and key(p.a.whole_paragraph, p.b.whole_paragraph) not in removed]
    forced = {key(link.a, link.b): link for link in links if link.same}
    kept = [p for p in kept if key(p.a, p.b) not in forced]
    order = {a.id: n for n, a in enumerate(corpus.articles)}
    for link in forced.values():
        a, b = sorted((link.a, link.b), key=lambda r: (order.get(r.article, len(order)), r))
        text_a, text_b = passage_text(corpus, a), passage_text(corpus, b)
        if text_a is None or text_b is None:
            continue  # a stale anchor to a passage that no longer exists
        kind: PairKind = "paragraph" if a.sentence is None and b.sentence is None else "sentence"
        kept.append(TextPair(a, b, 100.0, shared_words(text_a, text_b), kind, "user", text_a, text_b))
    return kept


def shared_words(text_a: str, text_b: str) -> tuple[str, ...]:
    """Up to 8 content terms two passages share, as written in the first (for pairs the
    engine did not score: user anchors and fact pairs)."""
    shown = surface_terms(text_a)
    return tuple(shown[t] for t in sorted(shown.keys() & set(terms(text_b))))[:8]


def passage_text(corpus: Corpus, ref: Ref) -> str | None:
    """The text of a paragraph or sentence reference; None when it no longer exists."""
    try:
        article = corpus.article(ref.article)
        paragraph = article.paragraphs[ref.paragraph]
        return paragraph.text if ref.sentence is None else paragraph.sentences[ref.sentence].text
    except (KeyError, IndexError):
        return None


def is_wire(a: str, b: str) -> bool:
    """Two passages are wire copy when one keeps nearly every word of the other, in order.

    A rewrite reorders and replaces words; a reprint keeps them, perhaps
    trimming a clause or splitting a paragraph.  So: the longest common word
    subsequence covers most of the shorter passage and much of the longer.
    """
    return same_words(word_keys(a), word_keys(b))


def same_words(wa: Sequence[str], wb: Sequence[str]) -> bool:
    if min(len(wa), len(wb)) < tuning.WIRE_MIN_WORDS:
        return False
    common = Indel.similarity(wa, wb) / 2
    return (common >= tuning.WIRE_SHORT * min(len(wa), len(wb))
            and common >= tuning.WIRE_LONG * max(len(wa), len(wb)))


def mark_wire(pairs: list[TextPair], words: dict[Ref, tuple[str, ...]]) -> list[TextPair]:
    """Flag wire-copy sentence pairs, and the paragraph pairs that hold one.

    `words` holds each sentence's word keys, already computed for scoring.  The verdict is
    kept per pair of texts: copies of a story pair the same two sentences over and over
    (ten copies of two articles: a hundred pairs of the same two texts).
    """
    def flagged(p: TextPair) -> TextPair:
        return TextPair(p.a, p.b, p.score, p.terms, p.kind, p.origin, p.a_text, p.b_text, True)

    verdicts: dict[tuple[str, str], bool] = {}
    # Places as plain tuples, hashed in C: a Ref's dataclass __hash__ is Python code, and a
    # thousand articles looked up 300,000 of them here.
    keys = {(r.article, r.paragraph, r.sentence): w for r, w in words.items()}

    def wire(p: TextPair) -> bool:
        key = (p.a_text, p.b_text)
        found = verdicts.get(key)
        if found is None:
            a, b = p.a, p.b
            wa = keys.get((a.article, a.paragraph, a.sentence))
            wb = keys.get((b.article, b.paragraph, b.sentence))
            found = same_words(wa, wb) if wa is not None and wb is not None else is_wire(p.a_text, p.b_text)
            verdicts[key] = found
        return found

    out = [flagged(p) if p.kind == "sentence" and wire(p) else p for p in pairs]
    wire_paragraphs = {(p.a.article, p.a.paragraph, None, p.b.article, p.b.paragraph, None)
                       for p in out if p.wire}   # each side's whole paragraph
    return [flagged(p) if p.kind == "paragraph" and not p.wire
            and (p.a.article, p.a.paragraph, p.a.sentence, p.b.article, p.b.paragraph, p.b.sentence)
            in wire_paragraphs else p for p in out]
