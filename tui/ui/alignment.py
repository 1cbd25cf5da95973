"""Align two articles' paragraphs like a diff of prose, from the engine's pairs.

The engine says which passages tell the same fact (`Analysis.pairs`); this
module only lays them out.  The longest in-order chain of matched paragraphs
(weighted by score) forms aligned rows; paragraphs between them stand alone
with a gap opposite, and a paragraph that matches out of order keeps a
pointer to its partner so the reader still sees the link.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..engine.model import Pair


@dataclass(frozen=True)
class Row:
    """One row of the compare view: a paragraph index per side (None is a gap)."""

    left: int | None
    right: int | None
    score: float = 0.0
    left_elsewhere: tuple[int, ...] = ()
    right_elsewhere: tuple[int, ...] = ()


def _oriented(pairs: Iterable[Pair], left: str, right: str) -> Iterator[tuple[tuple[int, int], Pair]]:
    """The pairs between two articles, each keyed (left paragraph, right paragraph)."""
    for pair in pairs:
        if pair.a.article == left and pair.b.article == right:
            yield (pair.a.paragraph, pair.b.paragraph), pair
        elif pair.a.article == right and pair.b.article == left:
            yield (pair.b.paragraph, pair.a.paragraph), pair


def between(pairs: Iterable[Pair], left: str, right: str) -> list[Pair]:
    """The pairs that join two articles: one pass over a corpus's pairs, shared by the
    functions below (each of which would otherwise make its own)."""
    return [pair for _, pair in _oriented(pairs, left, right)]


def paragraph_scores(pairs: Iterable[Pair], left: str, right: str) -> dict[tuple[int, int], float]:
    """Best pair score for each (left paragraph, right paragraph) of two articles."""
    scores: dict[tuple[int, int], float] = {}
    for key, pair in _oriented(pairs, left, right):
        scores[key] = max(scores.get(key, 0.0), float(pair.score))
    return scores


def fact_only(pairs: Iterable[Pair], left: str, right: str) -> set[tuple[int, int]]:
    """(left, right) paragraph pairs that only the facts stage paired: the same claim in other
    words, so the reader can say why two paragraphs with few shared words sit side by side."""
    origins: dict[tuple[int, int], set[str]] = {}
    for key, pair in _oriented(pairs, left, right):
        origins.setdefault(key, set()).add(pair.origin)
    return {key for key, found in origins.items() if found == {"fact"}}


def align(n_left: int, n_right: int, scores: dict[tuple[int, int], float]) -> list[Row]:
    """Rows for two articles of `n_left` and `n_right` paragraphs."""
    chain = _best_chain(sorted(scores.items()))
    matched_left = {i for i, _ in chain}
    matched_right = {j for _, j in chain}
    elsewhere_l: dict[int, list[int]] = {}
    elsewhere_r: dict[int, list[int]] = {}
    for (i, j) in scores:
        if (i, j) not in chain:
            elsewhere_l.setdefault(i, []).append(j)
            elsewhere_r.setdefault(j, []).append(i)
    rows: list[Row] = []
    i = j = 0
    for (ci, cj) in sorted(chain):
        while i < ci:
            rows.append(Row(i, None, left_elsewhere=tuple(sorted(elsewhere_l.get(i, ())))))
            i += 1
        while j < cj:
            rows.append(Row(None, j, right_elsewhere=tuple(sorted(elsewhere_r.get(j, ())))))
            j += 1
        rows.append(Row(ci, cj, scores[(ci, cj)]))
        i, j = ci + 1, cj + 1
    rows.extend(Row(k, None, left_elsewhere=tuple(sorted(elsewhere_l.get(k, ()))))
                for k in range(i, n_left) if k not in matched_left)
    rows.extend(Row(None, k, right_elsewhere=tuple(sorted(elsewhere_r.get(k, ()))))
                for k in range(j, n_right) if k not in matched_right)
    return rows


def _best_chain(items: list[tuple[tuple[int, int], float]]) -> set[tuple[int, int]]:
    """The strictly increasing chain of (i, j) matches with the largest total score.

    Quadratic in the number of matched paragraph pairs of two articles, which
    is small (tens); the engine already did the expensive matching.
    """
    if not items:
        return set()
    best = [score for _, score in items]
    back = [-1] * len(items)
    for k, ((i, j), score) in enumerate(items):
        for m in range(k):
            (pi, pj), _ = items[m]
            if pi < i and pj < j and best[m] + score > best[k]:
                best[k] = best[m] + score
                back[k] = m
    k = max(range(len(items)), key=best.__getitem__)
    chain: set[tuple[int, int]] = set()
    while k != -1:
        chain.add(items[k][0])
        k = back[k]
    return chain
