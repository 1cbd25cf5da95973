"""Rename a fact: one line of text, prefilled; enter keeps it, escape cancels, and an empty
line gives the fact back the engine's title."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class RenameFact(ModalScreen[str | None]):
    """Dismisses with the new title ("" for the engine's own), or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="rename.cancel",
                        tooltip="Close without renaming")]

    DEFAULT_CSS = """
    RenameFact { align: center middle; }
    RenameFact > Vertical { width: 80%; max-width: 100; height: auto; padding: 1 2;
                            background: $panel; border: round $primary; }
    RenameFact #rename-help { color: $text-muted; }
    """

    def __init__(self, title: str, engine_title: str) -> None:
        super().__init__()
        self.current, self.engine_title = title, engine_title

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Input(self.current, id="rename-title", select_on_focus=True)
            yield Static("enter rename · empty: the engine's title · escape cancel",
                         id="rename-help", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
