"""The footer's order: quit, help and search, then the focused widget's keys, then the rest.

Textual lists the focused widget's keys first, which is what makes the footer follow the
focus; at 80 columns the screen's and the app's keys then fall off the end, and a new user
would lose the three they need most.
"""

from __future__ import annotations

from textual.screen import ActiveBinding, Screen

FIRST = ("app.quit", "app.help", "app.search")


class EssentialKeysFirst(Screen):
    """A screen whose footer starts with quit, help and search, wherever the focus is."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        bindings = super().active_bindings
        first = {key: active for key, active in bindings.items() if active.binding.id in FIRST}
        return {**first, **bindings}
