"""Help: every key of the reader, read from the bindings themselves so it can
never drift from what the keys actually do."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

INTRO = ("reconcile puts each disputed fact in front of you with both sides' versions side by "
         "side. Status is always an icon and a word: ✖ disputed, ✔ agreed, ◐ one-sided. "
         "Highlighted words are the ones the other version lacks. Mouse works too: click a fact "
         "or an account.")


def binding_rows(groups: list[tuple[str, list[Binding]]],
                 keymap: dict[str, str] | None = None) -> Table:
    """A table of (where, keys, what) from Textual Binding lists, with the user's keymap
    applied and each binding's id (what the keymap names) after what it does."""
    table = Table(box=None, show_header=True, header_style="bold", expand=True, pad_edge=False)
    table.add_column("where", no_wrap=True)
    table.add_column("keys", no_wrap=True, style="bold")
    table.add_column("what it does", ratio=1)
    for where, bindings in groups:
        for binding in bindings:
            bound = (keymap or {}).get(binding.id or "", binding.key)
            keys = " / ".join(_key(k.strip()) for k in bound.split(","))
            what = Text(binding.tooltip or binding.description)
            if binding.id:
                what.append(f"  {binding.id}", style="dim")
            table.add_row(where, keys, what)
            where = ""
    return table


def _key(key: str) -> str:
    return {"question_mark": "?", "slash": "/", "left_square_bracket": "[",
            "right_square_bracket": "]", "escape": "esc", "enter": "enter",
            "equals_sign": "="}.get(key, key)


class HelpScreen(ModalScreen[None]):
    """Every key, grouped by where it works."""

    BINDINGS = [
        Binding("escape,question_mark", "dismiss", "Close", id="help.close",
                tooltip="Close the help"),
        # A modal screen hides the app's bindings: q quits here too, as the help lists it.
        Binding("q", "app.quit", "Quit", show=False, id="help.quit", tooltip="Quit reconcile"),
        Binding("j,down", "scroll(1)", "Down", show=False, id="help.down", tooltip="Scroll"),
        Binding("k,up", "scroll(-1)", "Up", show=False, id="help.up", tooltip="Scroll"),
    ]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 90%; max-width: 110; height: 90%;
        border: round $primary; background: $surface; padding: 0 1; }
    """

    def __init__(self, groups: list[tuple[str, list[Binding]]],
                 keymap: dict[str, str] | None = None) -> None:
        super().__init__()
        self.groups = groups
        self.keymap = keymap

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "keys (esc to close)"
            yield Static(Text(INTRO + "\n"))
            yield Static(binding_rows(self.groups, self.keymap))

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def action_scroll(self, step: int) -> None:
        self.query_one(VerticalScroll).scroll_relative(y=step * 3, animate=False)
