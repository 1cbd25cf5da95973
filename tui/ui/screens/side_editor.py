"""The side editor: add and rename sides, add actors, move an actor to another side.

It edits the case (`reconcile.toml`), the one place where names live: each change is
written at once (the previous file kept as `reconcile.toml.bak`) and the folder analysed
again, so every view and export follows.  Without a case file the editor starts from the
sides the engine inferred and the first change writes one.  `u` undoes this session's
changes one by one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...engine.text.casefile import (with_actor_moved, with_alias_split, with_side_added,
                                with_side_renamed)
from ...engine.model import Actor, Case, Side
from ..safe_text import one_line
from .rename import RenameFact

@dataclass(frozen=True)
class Row:
    """One line of the editor: a side, one of its actors, or another name of that actor."""

    side: Side
    actor: Actor | None = None
    alias: str | None = None

    @property
    def key(self) -> tuple[str, str | None, str | None]:
        """Which line this is, across saves (sides by id, actors by name)."""
        return self.side.id, self.actor.name if self.actor else None, self.alias


HELP = ("a add side · r rename side · n new actor · 1-9 move the actor (or one of its names) "
        "to that side · 0 to no side · u undo · esc close")


class SideEditor(ModalScreen[None]):
    """Sides and their actors in one list; keys edit the case and save it at once."""

    BINDINGS = [
        Binding("a", "add_side", "Add side", id="sides.add", tooltip="Add a side (you name it)"),
        Binding("r", "rename_side", "Rename", id="sides.rename",
                tooltip="Rename the selected side (or the side of the selected actor)"),
        Binding("n", "new_actor", "New actor", id="sides.new-actor",
                tooltip="Add an actor (a person or body) to the selected side"),
        Binding("u", "undo", "Undo", id="sides.undo", tooltip="Undo the last change made here"),
        Binding("escape", "close", "Close", id="sides.close", tooltip="Close the side editor"),
        *(Binding(str(n), f"move({n})", show=False) for n in range(10)),
    ]

    DEFAULT_CSS = """
    SideEditor { align: center middle; }
    SideEditor > Vertical { width: 80%; max-width: 100; height: 80%; padding: 0 1;
                            background: $panel; border: round $primary; }
    SideEditor OptionList { height: 1fr; }
    SideEditor .side-help { color: $text-muted; }
    """

    def __init__(self, case: Case, path: Path, save: Callable[[Case], str | None]) -> None:
        """`save` writes the case and analyses again; it returns a problem or None."""
        super().__init__()
        self.case, self.path, self.save = case, path, save
        self.history: list[Case] = []

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "sides"
            yield Static(Text(f"saved at each change to {self.path.name} in {self.path.parent.name}/",
                              style="italic"),
                         classes="side-help")
            yield OptionList(id="side-rows")
            yield Static(Text(HELP), classes="side-help")

    def on_mount(self) -> None:
        self._fill()
        self.query_one(OptionList).focus()

    def rows(self) -> list[Row]:
        """What the list shows, in order: each side, its actors, each actor's other names."""
        out: list[Row] = []
        for side in self.case.sides:
            out.append(Row(side))
            for actor in side.actors:
                out.append(Row(side, actor))
                out += [Row(side, actor, alias) for alias in actor.aliases if alias != actor.name]
        return out

    def selected(self) -> Row | None:
        rows, index = self.rows(), self.query_one(OptionList).highlighted
        return rows[index] if index is not None and index < len(rows) else None

    def _fill(self, keep: Row | None = None) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        for n, row in enumerate(self.rows()):
            options.add_option(Option(self._prompt(row)))
            if keep is not None and row.key == keep.key:
                options.highlighted = n
        if options.highlighted is None and options.option_count:
            options.highlighted = 0

    def _prompt(self, row: Row) -> Text:
        if row.actor is None:
            number = self.case.sides.index(row.side) + 1
            count = len(row.side.actors)
            return Text(f"{number if number < 10 else ' '} {one_line(row.side.name)}  "
                        f"({row.side.id}, {count} actor{'' if count == 1 else 's'})", style="bold")
        if row.alias is None:
            return Text(f"    {one_line(row.actor.name)}")
        return Text(f"      also {one_line(row.alias)}", style="dim")

    def _change(self, case: Case, keep: Row | None) -> None:
        """Save `case`; on success it is the editor's case, and the old one can be undone."""
        if self.save(case) is None:
            self.history.append(self.case)
            self.case = case
            self._fill(keep)

    def action_move(self, number: int) -> None:
        """Move the selected actor (or one of its names): 1-9 to that side, 0 to none.

        A binding rather than on_key: keys typed in one burst run in order, and a key
        handler would see the highlight before the arrow bindings before it had moved it."""
        row = self.selected()
        if row is None or row.actor is None:
            self.notify("Select an actor (or one of its names) to move.", timeout=3)
            return
        if number > len(self.case.sides):
            self.notify(f"There is no side {number}.", timeout=3)
            return
        side = self.case.sides[number - 1] if number else None
        target = side.id if side else None
        if row.alias is None:
            case = with_actor_moved(self.case, row.actor, target)
            moved = row.actor
        else:
            case = with_alias_split(self.case, row.actor, row.alias, target)
            moved = Actor(row.alias)
        self._change(case, Row(side, moved) if side else None)

    def action_add_side(self) -> None:
        def done(name: str | None) -> None:
            if name:
                case = with_side_added(self.case, name)
                self._change(case, Row(case.sides[-1]))

        self.app.push_screen(RenameFact("", "the new side's name (a country, a party) · enter add · "
                                            "escape cancel"), done)

    def action_rename_side(self) -> None:
        row = self.selected()
        if row is None:
            return
        side = row.side

        def done(name: str | None) -> None:
            if name:
                self._change(with_side_renamed(self.case, side.id, name), Row(side))

        self.app.push_screen(RenameFact(side.name, f"rename side {side.id} · enter rename · "
                                                   "escape cancel"), done)

    def action_new_actor(self) -> None:
        row = self.selected()
        if row is None:
            self.notify("Add a side first (a).", timeout=3)
            return
        side = row.side

        def done(name: str | None) -> None:
            if name:
                known = (a for s in self.case.sides for a in s.actors if a.name == name)
                actor = next(known, Actor(name))  # a name already listed keeps its aliases
                self._change(with_actor_moved(self.case, actor, side.id), Row(side, actor))

        self.app.push_screen(RenameFact("", f"a person or body speaking for {one_line(side.name)} "
                                            "· enter add · escape cancel"), done)

    def action_undo(self) -> None:
        if not self.history:
            self.notify("Nothing to undo here.", timeout=3)
            return
        previous = self.history[-1]
        if self.save(previous) is None:
            self.history.pop()
            self.case = previous
            self._fill()

    def action_close(self) -> None:
        self.dismiss(None)
