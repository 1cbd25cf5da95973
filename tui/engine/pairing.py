"""Pairing: find the passages that tell the same fact across articles (stub)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .model import Corpus, Link, Pair


@dataclass(frozen=True)
class Pairing:
    pairs: tuple[Pair, ...] = ()
    article_similarity: tuple[dict, ...] = ()


def pair_corpus(corpus: Corpus, links: Sequence[Link] = (), progress=None) -> Pairing:
    """Sentence and paragraph pairs across the corpus's articles."""
    return Pairing()
