"""Facts: group paired sentences into facts and decide which are disputed (stub)."""

from __future__ import annotations

from collections.abc import Sequence

from .model import Attribution, Corpus, Fact, Pair, Ref


def build_facts(corpus: Corpus, pairs: Sequence[Pair],
                attributions: dict[Ref, Attribution]) -> tuple[Fact, ...]:
    """The corpus's facts, disputes first by rank."""
    return ()
