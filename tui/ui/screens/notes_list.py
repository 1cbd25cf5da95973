"""The notes list: browse, filter, edit, delete and jump to notes.

It takes the store, the corpus and the placed notes in its constructor and answers with a
`NoteJump` (or None) through `dismiss`.  Note text is shown as plain `Text`, never markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Select, Static

from ...engine.anchors import Placement
from ...engine.marks import paragraph_label
from ...engine.model import Corpus
from ...engine.notes import (KINDS, SAVE_ERRORS, VERDICTS, Note, RecordKind, NoteIndex, NoteStore)
from ...engine.notes.views import decisions
from ..safe_text import one_line, plain
from ..messages import show_change
from .note_editor import ConfirmDelete, NoteEditor

DECIDED = "decision:"  # row keys of decisions in the notes list: "decision:<kind>:<id>"
VERDICT_MARK = {"unverified": "?", "supported": "✔", "refuted": "✖", "misleading": "!",
                "unclear": "~"}


@dataclass(frozen=True)
class NoteJump:
    """The notes list's answer when the user asks to go to a note's place."""

    note: Note
    placement: Placement | None



class NotesList(ModalScreen[NoteJump | None]):
    """Browse every note and decision: filter by verdict or tag/text, jump, edit, delete.

    Dismisses with a NoteJump when the user presses enter on a note, else None.
    Orphaned notes are listed too (status "orphaned"), so nothing is hidden; the user's
    decisions (pairings, side fixes, reviews) follow the notes and can be deleted here.
    """

    DEFAULT_CSS = """
    NotesList { align: center middle; }
    NotesList > Vertical { width: 95%; height: 90%; border: thick $accent; background: $surface; }
    NotesList #notes-path { color: $text-muted; }
    NotesList #notes-problem { color: $error; }
    NotesList Horizontal { height: auto; }
    NotesList Select { width: 24; }
    NotesList Input { width: 1fr; }
    NotesList DataTable { height: 1fr; }
    NotesList #notes-preview { height: auto; max-height: 8; border-top: solid $accent; }
    NotesList #notes-keys { color: $text-muted; }
    """
    BINDINGS = [
        Binding("enter", "jump", "Go to", id="notes.jump", tooltip="Go to the annotated place"),
        Binding("e", "edit", "Edit", id="notes.edit", tooltip="Edit the selected note"),
        Binding("d,delete", "delete", "Delete", id="notes.delete", tooltip="Delete the selected note"),
        Binding("slash", "filter", "Filter", id="notes.filter", key_display="/",
                tooltip="Filter by tag or text"),
        Binding("escape", "close", "Close", id="notes.close", tooltip="Back to the reader"),
    ]

    def __init__(self, store: NoteStore, corpus: Corpus, titles: dict[str, str] | None = None,
                 index: NoteIndex | None = None) -> None:
        """`titles` (fact id -> title) names the facts that reviews and moves decided on;
        `index` is the notes already placed on `corpus` (the reader's), else they are placed."""
        super().__init__()
        self.store, self.corpus, self.titles = store, corpus, titles
        self.index = index if index is not None else NoteIndex.build(store, corpus)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(plain(f"Notes: {self.store.path}"), id="notes-path")
            if self.store.problem:
                yield Static(plain(self.store.problem), id="notes-problem")
            with Horizontal():
                yield Select([(v, v) for v in VERDICTS], prompt="any verdict", id="notes-verdict")
                yield Input(placeholder="tag or text", id="notes-query")
            yield DataTable(cursor_type="row", zebra_stripes=True, id="notes-table")
            yield Static(id="notes-preview")
            yield Static(Text("enter go to · e edit · d delete · / filter · escape close"),
                         id="notes-keys")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        # the note itself second: on an 80-column terminal the last columns are off screen
        table.add_columns("verdict", "note", "tags", "where", "place")
        self.refresh_rows()
        table.focus()

    def visible_notes(self) -> list[Note]:
        """The notes passing the verdict and tag/text filters, oldest first."""
        verdict = self.query_one(Select).value
        query = self.query_one("#notes-query", Input).value.strip().casefold()
        out = []
        for note in self.store.notes:
            if verdict != Select.NULL and note.verdict != verdict:
                continue
            if query and not (any(query == t.casefold() for t in note.tags)
                              or query in note.text.casefold()):
                continue
            out.append(note)
        return out

    def refresh_rows(self) -> None:
        table = self.query_one(DataTable)
        if not table.columns:  # a filter event before on_mount set the table up
            return
        table.clear()
        width = max(24, self.app.size.width // 2 - 8)
        for note in self.visible_notes():
            placed = self.index.placements.get(note.id)
            table.add_row(Text(f"{VERDICT_MARK.get(note.verdict, '')} {note.verdict}"),
                          plain(one_line(note.text, width)),
                          plain(one_line(", ".join(note.tags), 24)),
                          plain(self._where(note, placed)),
                          Text(placed.status if placed else "fact"), key=note.id)
        for key, what, where in self.visible_decisions():
            table.add_row(Text("⚑ decision"), plain(one_line(what, width)), Text(""),
                          plain(one_line(where, 40)), Text(""), key=key)
        self._preview()

    def visible_decisions(self) -> list[tuple[str, str, str]]:
        """(row key, what was decided, where) for each pairing, side, review and made dispute
        passing the text filter (decisions have no verdict: a verdict filter hides them)."""
        if self.query_one(Select).value != Select.NULL:
            return []
        query = self.query_one("#notes-query", Input).value.strip().casefold()
        rows = [(f"{DECIDED}{d.kind}:{d.id}", d.what, d.where)
                for d in decisions(self.store, self.corpus, self.titles)]
        return [row for row in rows if not query or query in row[1].casefold()]

    def _where(self, note: Note, placed: Placement | None) -> str:
        if placed is not None and placed.ref is not None:
            ref = placed.ref
            return f"{ref.article} {paragraph_label(ref.paragraph)}"
        if note.anchor is not None:
            return f"{note.anchor.article} (was)"
        return f"fact {note.fact}" if note.fact else ""

    def _selected_key(self) -> str | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def selected(self) -> Note | None:
        key = self._selected_key()
        return self.store.note(key) if key and not key.startswith(DECIDED) else None

    def selected_decision(self) -> tuple[RecordKind, str] | None:
        """(kind, record id) of the selected decision row, if one is selected."""
        key = self._selected_key()
        if not key or not key.startswith(DECIDED):
            return None
        kind, rid = key[len(DECIDED):].split(":", 1)
        return (kind, rid) if kind in KINDS else None

    def _preview(self) -> None:
        note = self.selected()
        preview = self.query_one("#notes-preview", Static)
        if self.selected_decision() is not None:
            preview.update(Text("A decision the engine honours: d deletes it (u undoes)."))
            return
        if note is None:
            preview.update(Text("No notes." if not self.store.notes else "No note matches the filter."))
            return
        text = plain(note.text)
        if note.anchor is not None:
            text = Text.assemble(plain(f"“{one_line(note.anchor.quote, 200)}”\n", "italic"), text)
        preview.update(text)

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self._preview()

    @on(DataTable.RowSelected)
    def _selected(self) -> None:
        self.action_jump()

    @on(Select.Changed)
    @on(Input.Changed)
    def _filters_changed(self) -> None:
        self.refresh_rows()

    @on(Input.Submitted)
    def _query_done(self) -> None:
        self.query_one(DataTable).focus()

    def action_filter(self) -> None:
        self.query_one("#notes-query", Input).focus()

    def action_jump(self) -> None:
        note = self.selected()
        if note is not None:
            self.dismiss(NoteJump(note, self.index.placements.get(note.id)))

    def action_edit(self) -> None:
        note = self.selected()
        if note is not None:
            self.app.push_screen(NoteEditor(self.store, None, note), self._changed)

    def action_delete(self) -> None:
        decision = self.selected_decision()
        if decision is not None:
            self._delete_decision(*decision)
            return
        note = self.selected()
        if note is None:
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.store.delete_note(note.id)
            except SAVE_ERRORS as exc:
                self.notify(f"Not deleted: {exc}", severity="error", markup=False)
                return
            self._changed(None)

        self.app.push_screen(ConfirmDelete(note), answered)

    def _delete_decision(self, kind: RecordKind, rid: str) -> None:
        """Delete a decision at once (u undoes it) and let the reader show the change."""
        try:
            self.store.delete(kind, rid)
        except SAVE_ERRORS as exc:
            self.notify(f"Not deleted: {exc}", severity="error", markup=False)
            return
        self.notify("Decision deleted (u undoes).", timeout=3)
        show_change(self.app, kind, self.store)
        self._changed(None)

    def action_close(self) -> None:
        self.dismiss(None)

    def _changed(self, _result: Any) -> None:
        self.index = NoteIndex.build(self.store, self.corpus)
        self.refresh_rows()
