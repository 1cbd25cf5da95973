"""A fact's title from the user: renaming one (an empty line gives back the engine's title)
or naming a dispute they make.  One line, prefilled; enter keeps it, escape cancels."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class RenameFact(ModalScreen[str | None]):
    """Dismisses with the title typed (maybe ""), or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="rename.cancel",
                        tooltip="Close without renaming")]

    DEFAULT_CSS = """
    RenameFact { align: center middle; }
    RenameFact > Vertical { width: 80%; max-width: 100; height: auto; padding: 1 2;
                            background: $panel; border: round $primary; }
    RenameFact #rename-help { color: $text-muted; }
    """

    def __init__(self, title: str,
                 help_text: str = "enter rename · empty: the engine's title · escape cancel") -> None:
        super().__init__()
        self.current, self.help_text = title, help_text

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Input(self.current, id="rename-title", select_on_focus=True)
            yield Static(self.help_text, id="rename-help", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
