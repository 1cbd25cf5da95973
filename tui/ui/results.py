"""What the reader shows of the engine's work, as one value the app holds (`ReaderState.results`).

Kept apart (no Textual) so the screens that watch it and the app that sets it share one
definition, and a change is told from a new result the same way in both.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..engine.model import Analysis, Fact


@dataclass(frozen=True, eq=False)   # compared by identity: a value set is a value shown
class Results:
    """The analysis on screen, with the user's reviews, made disputes and moves applied.

    `engine_facts` are the engine's own facts, before those decisions, which are applied
    again on every change; `preview_of` is set while a large corpus's preview is shown:
    how many articles the full analysis, still being made, covers.
    """

    analysis: Analysis
    engine_facts: tuple[Fact, ...]
    preview_of: int | None = None


def same_engine_result(old: Results, new: Results) -> bool:
    """Whether `new` shows the engine result `old` showed (with other decisions applied, or
    its pairs added after a preview of its facts) rather than a new run's."""
    return new.engine_facts is old.engine_facts and new.analysis.corpus is old.analysis.corpus
