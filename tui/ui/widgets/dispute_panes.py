"""Two aligned panes: side A's accounts of a fact on the left, side B's on the right.

The accounts are laid out as one table: row i holds the i-th account of both
sides, so a row is as tall as the longer version, the panes stay aligned and
they scroll together; one widget update repaints a fact (fast `n`).  Accounts
with no side (narration, analysts) follow below the table.  A side with no
account gets a line saying so: omissions are shown, not hidden.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.css.styles import RulesMap
from textual.visual import visualize
from textual.widgets import Static

from ...engine.model import Account, Corpus, Fact, Ref
from ...engine.marks import status_label
from ..labels import find_article
from ..safe_text import clean, one_line
from ..themes import follow_theme
from .account_card import account_text, side_by_side
from .panes_body import PanesBody
from .reason_box import ReasonBox


# Accounts painted per pane at first; the rest follow as the cursor moves down.  A
# fact of thirty accounts costs a paint of thirty cards on every key otherwise.
SHOWN_ROWS = 6
WHY_LINES = 3  # the reason for a fact's status takes at most this many lines


@dataclass(frozen=True)
class Column:
    """A pane's side: its id in the engine's results and its display name."""

    side: str | None
    name: str


class RenderOnce:
    """A renderable whose lines are computed once per width and then reused.

    Textual renders a widget's content twice for each paint, once to measure
    its height and once to draw it; for the accounts table (the costliest part
    of showing a fact) the second pass reuses the first.  The table ignores
    the height it is offered, so the width is the whole key.
    """

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable
        self._lines: dict[int, list[Segment]] = {}

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        segments = self._lines.get(options.max_width)
        if segments is None:
            segments = self._lines[options.max_width] = list(console.render(self.renderable,
                                                                             options))
        return segments


# Keys that act on the selected account: shown in the footer while the panes have the focus
# (the disputes screen binds them too, hidden, so they also work from the fact list).
ACCOUNT_KEYS = [
    Binding("m", "screen.mark", "Mark", id="disputes.mark",
            tooltip="Mark the selected account, to pair it by hand with another"),
    Binding("equals_sign", "screen.link(True)", "Same fact", id="disputes.same", key_display="=",
            tooltip="The marked and the selected account tell the same fact"),
    Binding("x", "screen.link(False)", "Not same", id="disputes.not-same",
            tooltip="The marked and the selected account are not the same fact"),
    Binding("D", "screen.make_dispute", "Make dispute", id="disputes.make-dispute",
            tooltip="Make a dispute of the marked account (m) and the selected one"),
    Binding("S", "app.fix_side", "Fix side", id="disputes.fix-side",
            tooltip="Correct the side of the selected account (or its speaker)"),
    Binding("v", "screen.move_account", "Move", id="disputes.move",
            tooltip="Move the selected account into another fact, or split it off into a "
                    "fact of its own (pick from a list)"),
]


class DisputePanes(Vertical, can_focus=True):
    """The selected fact's accounts, side by side, with the reason for its status."""

    BINDINGS = [
        Binding("j,down", "move(1)", "Down", show=False, id="panes.down",
                tooltip="Next account in this pane"),
        Binding("k,up", "move(-1)", "Up", show=False, id="panes.up",
                tooltip="Previous account in this pane"),
        Binding("left,h", "column(-1)", "Left pane", show=False, id="panes.left",
                tooltip="Select the left pane"),
        Binding("right,l", "column(1)", "Right pane", show=False, id="panes.right",
                tooltip="Select the right pane"),
        Binding("enter", "screen.open_source", "Source", id="panes.source",
                tooltip="Open the source article of the selected account"),
        *ACCOUNT_KEYS,
    ]

    COMPONENT_CLASSES = {"panes--side-a", "panes--side-b", "panes--side-none",
                         "panes--sentence", "panes--context", "panes--diff", "panes--meta",
                         "panes--selected", "panes--missing"}

    DEFAULT_CSS = """
    DisputePanes { height: 1fr; border: round $panel-lighten-2; }
    DisputePanes:focus { border: round $primary; }
    DisputePanes > #titles { height: 1; }
    DisputePanes .pane-title { width: 1fr; text-style: bold; padding: 0 1; }
    DisputePanes #title-a { color: $side-a; }
    DisputePanes #title-b { color: $side-b; }
    DisputePanes:focus .pane-title.-active { background: $primary 30%; }
    DisputePanes .pane-title.-active { text-style: bold underline; }
    DisputePanes > #body { height: 1fr; scrollbar-size-vertical: 1; }
    DisputePanes > #why { height: auto; max-height: WHY_LINES; padding: 0 1; background: $panel; }
    DisputePanes > .panes--side-a { color: $side-a; }
    DisputePanes > .panes--side-b { color: $side-b; }
    DisputePanes > .panes--side-none { color: $text-muted; }
    DisputePanes > .panes--sentence { color: $text; }
    DisputePanes > .panes--context { color: $text-muted; }
    DisputePanes > .panes--diff { background: $dispute; text-style: bold underline; }
    DisputePanes > .panes--meta { color: $text-muted; text-style: italic; }
    DisputePanes > .panes--selected { background: $boost; }
    DisputePanes > .panes--missing { color: $text-muted; text-style: italic; }
    """.replace("WHY_LINES", str(WHY_LINES))

    class Selected(Message):
        """The selected account changed (or None: nothing to select)."""

        def __init__(self, account: Account | None) -> None:
            super().__init__()
            self.account = account

    def __init__(self, corpus: Corpus, columns: tuple[Column, Column], **kwargs) -> None:
        super().__init__(**kwargs)
        self.corpus = corpus
        self.columns = columns
        self.fact: Fact | None = None
        self.placeholder: Text | None = None
        self.accounts: list[list[Account]] = [[], [], []]
        self.column = 0
        self.index = 0
        self.shown = SHOWN_ROWS
        self.note_count: Callable[[Ref], int] | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="titles"):
            yield Static(Text(one_line(self.columns[0].name)), id="title-a",
                         classes="pane-title -active")
            yield Static(Text(one_line(self.columns[1].name)), id="title-b",
                         classes="pane-title")
        yield PanesBody(id="body")
        yield ReasonBox(Text(""), id="why")

    @property
    def corpus(self) -> Corpus:
        """The articles the accounts quote (their paragraphs give the context shown)."""
        return self._corpus

    @corpus.setter
    def corpus(self, corpus: Corpus) -> None:
        self._corpus = corpus
        if self.is_mounted:
            self.query_one(PanesBody).forget()

    def set_columns(self, columns: tuple[Column, Column]) -> None:
        self.columns = columns
        self.query_one(PanesBody).forget()
        for title, column in zip(self.query(".pane-title").results(Static), columns):
            title.update(Text(one_line(column.name)))

    def show(self, fact: Fact | None, placeholder: Text | None = None) -> None:
        """Show `fact`'s accounts (or `placeholder` when there is no fact)."""
        self.fact = fact
        self.placeholder = placeholder
        self.accounts = self._split(fact)
        self.column, self.index = self.first_column(), 0
        self.shown = SHOWN_ROWS
        why = self._why()
        height = self._body_height(why)
        # the screen is laid out again only when the reason's height changes (or the scrollbar
        # comes or goes): the body keeps its size, and a layout costs a frame's worth of CPU
        changed = height != self._shown_body_height()
        self.query_one(ReasonBox).show(why, layout=changed)
        self._paint(home=True, height=height if changed else None)
        self.post_message(self.Selected(self.selected))

    def prepare(self, fact: Fact | None) -> None:
        """Render `fact` as `show` would show it, into the lines the body keeps, while the
        reader is idle: the `n` or `p` that shows it then draws at once."""
        if fact is None or fact is self.fact or not self.size:
            return
        saved = self.fact, self.accounts, self.column, self.index, self.shown
        try:
            self.fact, self.accounts = fact, self._split(fact)
            self.column, self.index, self.shown = self.first_column(), 0, SHOWN_ROWS
            why = self._why()
            height = self._body_height(why)
            self.query_one(PanesBody).prepare(self._key(), fact, self._table, height,
                                              self._lines_at_least)
            if height is not None:
                self.query_one(ReasonBox).prepare(why, self.size.height - 1 - height)
        finally:
            self.fact, self.accounts, self.column, self.index, self.shown = saved

    def _split(self, fact: Fact | None) -> list[list[Account]]:
        """The fact's accounts by pane: the left side's, the right side's, those of neither."""
        sides = [c.side for c in self.columns]
        accounts: list[list[Account]] = [[], [], []]
        for account in fact.accounts if fact is not None else ():
            accounts[sides.index(account.side) if account.side in sides else 2].append(account)
        return accounts

    def _body_height(self, why: Text) -> int | None:
        """The body's height once `why` is shown below it (None before the first layout)."""
        if not self.size:
            return None
        box = self.query_one(ReasonBox)
        lines = visualize(box, why, markup=False).get_height(cast(RulesMap, box.styles),
                                                              self.size.width - 2)
        return self.size.height - 1 - min(WHY_LINES, lines)

    def _shown_body_height(self) -> int | None:
        return self.query_one(PanesBody).outer_size.height if self.size else None

    def first_column(self) -> int:
        return next((c for c in range(3) if self.accounts[c]), 0)

    def last_column(self) -> int:
        return max((c for c in range(3) if self.accounts[c]), default=0)

    def _paint(self, home: bool = False, height: int | None = None) -> None:
        """Show the fact with the cursor where it is.  The body renders when it knows its
        width, and keeps what it rendered per fact, cursor and width: `n` then `p` is free.
        `height`: the body's height after the layout under way (the reason's changed)."""
        body = self.query_one(PanesBody)
        if self.fact is None:
            placeholder = self.placeholder or Text("")
            body.show(("placeholder", id(placeholder)), placeholder, lambda: placeholder, home,
                      height)
        else:
            body.show(self._key(), self.fact, self._table, home, height, self._lines_at_least)
        for i, title in enumerate(self.query(".pane-title")):
            title.set_class(i == self.column, "-active")

    def _key(self) -> tuple:
        """What the table shows of the fact besides the width: the cursor, the rows shown."""
        return "fact", self.column, self.index, self.shown

    def _table(self) -> RenderOnce:
        style = self.get_component_rich_style
        left, right, other = self.accounts
        table = side_by_side()
        rows = max(len(left), len(right), 1)
        for i in range(min(rows, self.shown)):
            table.add_row(self._cell(0, i, right[0].text if right else None),
                          self._cell(1, i, left[0].text if left else None))
        parts: list = [table]
        hidden = [len(c) - self.shown for c in (left, right)]
        if max(hidden) > 0:   # a long fact paints its first accounts; moving down shows the rest
            parts += [Text(f"… {max(hidden)} more account{'s' if max(hidden) != 1 else ''} in a pane: "
                           "move down (j / ↓) to show them", style=style("panes--meta")), Text("")]
        for i, account in enumerate(other[:self.shown]):
            parts.append(self._card(account, 2, i, None))
            parts.append(Text(""))
        return RenderOnce(Group(*parts))

    def _lines_at_least(self, width: int) -> int:
        """About the fewest lines `_table` can take at the body's `width`, from the accounts
        alone: a card is its speaker line, its sentence (a column is at most half the width)
        and its source line, a row the taller card and a blank line.  Only which width the
        body renders first depends on it (a tall fact is rendered once, at the width its
        scrollbar leaves), never what is drawn."""
        left, right, other = self.accounts
        column = max(1, width // 2)

        def card(account: Account) -> int:
            return 2 + -(-len(" ".join(account.text.split())) // column)

        lines = 0
        for i in range(min(max(len(left), len(right), 1), self.shown)):
            lines += 1 + max((card(pane[i]) for pane in (left, right) if i < len(pane)), default=1)
        return lines + sum(card(account) + 1 for account in other[:self.shown])

    def _cell(self, column: int, i: int, other: str | None) -> Text:
        accounts = self.accounts[column]
        if i < len(accounts):
            return self._card(accounts[i], column, i, other)
        if i == 0:
            name = one_line(self.columns[column].name)
            return Text(f"no account from {name} in any article",
                        style=self.get_component_rich_style("panes--missing"))
        return Text("")

    def _card(self, account: Account, column: int, i: int, other: str | None) -> Text:
        side_style = ("panes--side-a", "panes--side-b", "panes--side-none")[column]
        article = find_article(self.corpus, account.ref.article)
        selected = column == self.column and i == self.index
        notes = self.note_count(account.ref) if self.note_count else 0
        # a pane's text width: half the widget (or all of it for the side-less list), less padding
        width = (self.size.width if column == 2 else self.size.width // 2) - 3
        text = account_text(account, article, other, self.get_component_rich_style,
                            side_style, selected, notes, width if width > 0 else None)
        text.stylize(Style(meta={"account": (column, i)}))
        return text

    def _why(self) -> Text:
        fact = self.fact
        if fact is None:
            return Text("")
        text = Text()
        text.append(f"why {status_label(fact.status)}: ", style="bold")
        names = {c.side: c.name.removesuffix(" (inferred)") for c in self.columns if c.side}
        reasons = [one_line(e.named(names)) for e in fact.evidence if clean(str(e)).strip()]
        missing = [c.name for c, accounts in zip(self.columns, self.accounts) if not accounts]
        if missing and fact.status == "one-sided":
            reasons.append("no account from " + " or ".join(one_line(m) for m in missing))
        text.append("; ".join(reasons) if reasons else "the engine gave no reason")
        return text

    @property
    def selected(self) -> Account | None:
        """The account under the cursor, if the fact has any."""
        accounts = self.accounts[self.column]
        return accounts[self.index] if self.index < len(accounts) else None

    def select(self, column: int, index: int) -> None:
        """Move the cursor to one account (ignored if there is none there)."""
        if not self.accounts[column]:
            return
        self.column = column
        self.index = max(0, min(index, len(self.accounts[column]) - 1))
        if self.index >= self.shown - 1:
            self.shown = self.index + SHOWN_ROWS
        self._paint()
        self.post_message(self.Selected(self.selected))

    def next_column(self, step: int = 1) -> bool:
        """Select the next pane holding accounts; False when there is none that way."""
        column = self.column + step
        while 0 <= column < 3:
            if self.accounts[column]:
                self.select(column, 0)
                return True
            column += step
        return False

    def action_move(self, step: int) -> None:
        self.select(self.column, self.index + step)

    def action_column(self, step: int) -> None:
        self.next_column(step)

    def on_panes_body_clicked(self, message: PanesBody.Clicked) -> None:
        self.focus()
        self.select(message.column, message.index)

    def repaint(self) -> None:
        """Redraw the current fact (theme, note markers or reviews changed): what the body
        kept was drawn with the old ones."""
        self.query_one(PanesBody).forget()
        self._paint()

    def on_mount(self) -> None:
        follow_theme(self, self.repaint)
