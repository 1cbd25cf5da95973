"""The side picker: put an account's speaker (or that sentence alone) on a side."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from ...engine.model import Account, Side
from ..safe_text import one_line, plain


@dataclass(frozen=True)
class SideChoice:
    """The side picker's answer: the side (None = no side) and its scope."""

    side: str | None
    whole_speaker: bool


class SidePicker(ModalScreen[SideChoice | None]):
    """Correct who a passage belongs to: pick a side for this sentence or for its speaker.

    Digit keys pick a side (0 = no side); `s` toggles between "this sentence"
    and "everything this speaker says"; escape cancels.
    """

    DEFAULT_CSS = """
    SidePicker { align: center middle; }
    SidePicker > Vertical { width: 70; height: auto; border: thick $accent; background: $surface;
                            padding: 0 1; }
    """
    BINDINGS = [Binding("s", "toggle_scope", "Scope", id="side.scope",
                        tooltip="This sentence only, or everything by this speaker"),
                Binding("escape", "cancel", "Cancel", id="side.cancel"),
                *(Binding(str(n), f"pick({n})", show=False) for n in range(10))]

    def __init__(self, sides: tuple[Side, ...], account: Account) -> None:
        """`sides` are the analysis's: the case file's, or those inferred without one."""
        super().__init__()
        self.sides, self.account = sides[:9], account
        self.whole_speaker = False

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(plain(one_line(self.account.text, 200)), id="side-quote")
            lines = [f"{i} {side.name}" for i, side in enumerate(self.sides, 1)]
            yield Static(plain("\n".join(lines + ["0 no side"])))
            yield Static(id="side-scope")

    def on_mount(self) -> None:
        self._show_scope()

    def action_pick(self, number: int) -> None:
        """A digit: that side (0: none).  A binding, not a key handler, so that `s` typed
        just before it in one burst has toggled the scope first."""
        if number <= len(self.sides):
            side = None if number == 0 else self.sides[number - 1].id
            self.dismiss(SideChoice(side, self.whole_speaker))

    def action_toggle_scope(self) -> None:
        if self.account.speaker:
            self.whole_speaker = not self.whole_speaker
        self._show_scope()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _show_scope(self) -> None:
        speaker = self.account.speaker
        scope = (f"applies to: everything said by {speaker}" if self.whole_speaker
                 else "applies to: this sentence only")
        hint = " (s: change)" if speaker else ""
        self.query_one("#side-scope", Static).update(plain(scope + hint))


# --------------------------------------------------------------------------
# Entry points for the reader app
