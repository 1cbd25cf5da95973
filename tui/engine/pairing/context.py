"""Paragraph pairs: lifted from their best sentence pair, and the near misses that the two
articles' alignment supports; then TextPairs."""

from __future__ import annotations

from collections import defaultdict

from ..model import Corpus, PairKind, TextPair
from . import tuning
from .units import Unit, shared_terms


def lift(paragraph_scores: dict, sentence_scores: dict, sentences: list[Unit],
         paragraphs: list[Unit]) -> dict[tuple[int, int], tuple[float, tuple[str, ...]]]:
    """Paragraph pairs: the better of the paragraph-level score and the best sentence pair inside."""
    index = {u.ref: n for n, u in enumerate(paragraphs)}
    paragraph_of = [index[u.ref.whole_paragraph] for u in sentences]   # once per sentence, not pair
    out = dict(paragraph_scores)
    for (i, j), (score, shared) in sentence_scores.items():
        key = (paragraph_of[i], paragraph_of[j])
        if key not in out or out[key][0] < score:
            out[key] = (score, shared)
    return out


def by_context(corpus: Corpus, scores: dict, band: dict, paragraphs: list[Unit],
               far: set[tuple[int, int]]) -> dict[tuple[int, int], tuple[float, tuple[str, ...]]]:
    """Paragraph candidates just under the threshold that their articles' alignment supports.

    Two reports of one event tell it in roughly the same order (the lead
    first), so between articles the first pass already judges the same event,
    a candidate that neighbours a paired paragraph pair (diagonally: the
    paragraphs before or after both) or sits at the same relative place in
    both articles gains tuning.CONTEXT_BONUS.  Only candidates that already share
    most of the evidence (tuning.CONTEXT_FLOOR) and articles that share a good part
    of their paragraphs qualify, so unrelated topics never pair this way.
    """
    arts = corpus.articles
    anchors: dict[tuple[int, int], set[tuple[int, int]]] = defaultdict(set)
    for (i, j), (score, _) in scores.items():
        if score >= tuning.CONTEXT_ANCHOR:
            u, v = paragraphs[i], paragraphs[j]
            if u.article > v.article:
                u, v = v, u
            anchors[(u.article, v.article)].add((u.ref.paragraph, v.ref.paragraph))
    same = set()
    for (x, y), ps in anchors.items():
        if (x, y) in far:
            continue
        share_x = len({i for i, _ in ps}) / max(1, len(arts[x].paragraphs))
        share_y = len({j for _, j in ps}) / max(1, len(arts[y].paragraphs))
        if max(share_x, share_y) >= tuning.SAME_EVENT_MAX and min(share_x, share_y) >= tuning.SAME_EVENT_MIN:
            same.add((x, y))
    out = {}
    # Candidates under tuning.CONTEXT_ANCHOR: the band the first pass left out and,
    # with a threshold below it, the weaker pairs it kept.
    below = [(k, s) for k, s in scores.items() if tuning.CONTEXT_FLOOR <= s[0] < tuning.CONTEXT_ANCHOR]
    below += [(k, s) for k, s in band.items() if k not in scores]
    for (i, j), (score, shared) in below:
        u, v = paragraphs[i], paragraphs[j]
        if u.article > v.article:
            u, v = v, u
        if (u.article, v.article) not in same:
            continue
        p, q = u.ref.paragraph, v.ref.paragraph
        ps = anchors[(u.article, v.article)]
        near = (p - 1, q - 1) in ps or (p + 1, q + 1) in ps
        place = abs(p / len(arts[u.article].paragraphs) - q / len(arts[v.article].paragraphs))
        bonus = tuning.CONTEXT_BONUS * max(float(near), 1 - place / tuning.CONTEXT_POSITION)
        if bonus > 0 and score + bonus >= tuning.THRESHOLD:
            if shared and isinstance(shared[0], Unit):
                shared = shared_terms(*shared)
            out[(i, j)] = (round(min(100.0, score + bonus), 1), shared)
    return out


def to_pairs(scores: dict, units: list[Unit], kind: PairKind) -> list[TextPair]:
    """TextPairs in corpus order, their terms shown as written in the first passage.

    The shown words depend only on the two texts and the shared terms: kept per such triple,
    as copies of a story pair the same two texts over and over."""
    pairs = []
    shown: dict[tuple, tuple[str, ...]] = {}
    for (i, j), (score, shared) in scores.items():
        if units[i].article > units[j].article:
            i, j = j, i
        u, v = units[i], units[j]
        key = (shared, u.text, v.text)
        words = shown.get(key)
        if words is None:
            words = shown[key] = tuple(dict.fromkeys(u.shown.get(t) or v.shown.get(t) or t for t in shared))
        pairs.append(TextPair(u.ref, v.ref, score, words, kind, "engine", u.text, v.text))
    return pairs
