"""Pick a fact from the list (to move an account into it), or a new fact of its own (to split
it off): type to narrow, enter to pick."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from ...engine.model import Fact
from ...engine.marks import status_label
from ..safe_text import one_line, plain


class FactPicker(ModalScreen[str | None]):
    """Dismisses with the chosen fact's id, NEW for a new fact, or None when cancelled."""

    NEW = "\0new"  # no fact id starts with a NUL

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="pick.cancel",
                        tooltip="Close without choosing")]

    DEFAULT_CSS = """
    FactPicker { align: center middle; }
    FactPicker > Vertical { width: 80%; max-width: 110; height: 70%; padding: 0 1;
                            background: $panel; border: round $primary; }
    FactPicker OptionList { height: 1fr; }
    """

    def __init__(self, facts: list[Fact], prompt: str) -> None:
        super().__init__()
        self.facts, self.prompt = facts, prompt

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.prompt
            yield Input(placeholder="type to narrow the list", id="pick-query")
            yield OptionList(id="pick-list")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one(Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def on_input_submitted(self) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            self.dismiss(options.get_option_at_index(options.highlighted or 0).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def _fill(self, query: str) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        wanted = query.strip().casefold()
        label = "+ a new fact of its own (split it off)"
        if wanted in label:
            options.add_option(Option(plain(label), id=self.NEW))
        options.add_options(
            Option(plain(f"{status_label(f.status)}  {one_line(f.title, 90)}"), id=f.id)
            for f in self.facts if wanted in f.title.casefold())
        if options.option_count:
            options.highlighted = 0

    def action_cancel(self) -> None:
        self.dismiss(None)
