"""The fact list's line for a fact: its status in words, its title, each side's answer."""

from __future__ import annotations

from tui.engine.model import Fact
from tui.ui.widgets.fact_list import fact_prompt


def _fact(status: str) -> Fact:
    return Fact("f1", "Was it deliberate, and why?", status, 1, (), (),  # type: ignore[arg-type]
                positions=(("a", "a deliberate incursion"), ("b", "a provocation")))


def test_the_sides_answers_are_set_against_each_other_only_when_they_conflict():
    """'x ↔ y' says the two answers clash: an agreed fact's answers stand side by side."""
    assert "a deliberate incursion ↔ a provocation" in fact_prompt(_fact("disputed")).plain
    agreed = fact_prompt(_fact("agreed")).plain
    assert "a deliberate incursion · a provocation" in agreed and "↔" not in agreed
