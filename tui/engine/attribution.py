"""Attribution: who asserts each sentence, and for which side (stub)."""

from __future__ import annotations

from collections.abc import Sequence

from .model import Attribution, Corpus, Pair, Ref, SideFix


def attribute(corpus: Corpus, pairs: Sequence[Pair] = (),
              fixes: Sequence[SideFix] = ()) -> dict[Ref, Attribution]:
    """An Attribution for every sentence of the corpus."""
    return {}
