"""The note editor and the notes list: the reader's side of `engine.notes`.

Both screens take what they need in their constructors (a NoteStore, a
target, a corpus) and hand results back through `dismiss`, so they work in
any host app and are tested with a tiny one.  Every save goes straight to
disk through the store; when the store is read-only (a damaged notes file,
an unwritable folder) the editor says why and keeps the typed text on screen.
Quotes and note text come from untrusted files and are shown as plain
`Text`, never as markup.

`open_editor(app, fact, account)` and `open_notes_list(app)` are the two
entry points the app calls (see `ReconcileApp.action_annotate`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Select, Static, TextArea

from ..engine.anchors import Placement, anchor_for_ref
from ..engine.marks import paragraph_label
from ..engine.model import Account, Corpus, Fact, Ref, Side
from ..engine.notes import (KINDS, SAVE_ERRORS, VERDICTS, Note, RecordKind, NoteIndex, NoteStore, NoteTarget,
                            new_note, parse_tags, target_for)
from ..engine.notes.views import decisions
from .messages import DecisionsChanged, NotesChanged
from .notes_host import NotesHost
from .safe_text import one_line, plain

VERDICT_MARK = {"unverified": "?", "supported": "✔", "refuted": "✖", "misleading": "!",
                "unclear": "~"}


@dataclass(frozen=True)
class NoteJump:
    """The notes list's answer when the user asks to go to a note's place."""

    note: Note
    placement: Placement | None


def _place(note: Note | None) -> str:
    """Where an existing note points, for the editor's 'Note on:' line."""
    if note is None:
        return "new note"
    if note.anchor is not None:
        return f"{note.anchor.article} (the passage below)"
    return f"fact {note.fact}" if note.fact else "this corpus"


class NoteEditor(ModalScreen[Note | None]):
    """Write or edit one note; ctrl+s (or F2) saves to disk at once, escape cancels.

    Dismisses with the saved Note, or None when cancelled.  A failed save
    (read-only store, disk error) leaves the editor open with the text intact.
    """

    DEFAULT_CSS = """
    NoteEditor { align: center middle; }
    NoteEditor > VerticalScroll { width: 90%; max-width: 100; height: auto; max-height: 90%;
                                  border: thick $accent; background: $surface; padding: 0 1; }
    NoteEditor #note-target { color: $text-muted; }
    NoteEditor #note-quote { border-left: outer $accent; padding-left: 1; margin-bottom: 1;
                             max-height: 6; overflow-y: auto; }
    NoteEditor TextArea { height: 8; }
    NoteEditor Horizontal { height: auto; }
    NoteEditor Select { width: 24; }
    NoteEditor Input { width: 1fr; }
    NoteEditor #note-error { color: $error; }
    NoteEditor #note-keys { color: $text-muted; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True, id="note.save",
                tooltip="Save the note to the notes file now"),
        Binding("f2", "save", "Save", show=False, priority=True, id="note.save_alt",
                tooltip="Save (for terminals where ctrl+s is taken)"),
        Binding("escape", "cancel", "Cancel", id="note.cancel",
                tooltip="Close without saving (press twice if you typed something)"),
    ]

    def __init__(self, store: NoteStore, target: NoteTarget | None = None,
                 note: Note | None = None) -> None:
        """Edit `note` when given, else write a new note on `target`."""
        super().__init__()
        self.store, self.target, self.note = store, target, note
        self._armed_cancel = False
        self._armed_quit = False

    def compose(self) -> ComposeResult:
        note, target = self.note, self.target
        quote = note.anchor.quote if note and note.anchor else (target.quote if target else "")
        label = target.label if target else _place(note)
        with VerticalScroll():   # below 80x24 the verdict, tags and keys scroll into view
            yield Static(plain(f"Note on: {label}"), id="note-target")
            if quote:
                yield Static(plain(quote), id="note-quote")
            yield TextArea(note.text if note else "", id="note-text", soft_wrap=True,
                           placeholder="What does the evidence say?")
            with Horizontal():
                yield Select([(v, v) for v in VERDICTS], value=note.verdict if note else "unverified",
                             allow_blank=False, id="note-verdict")
                yield Input(", ".join(note.tags) if note else "", placeholder="tags, comma separated",
                            id="note-tags")
            yield Static(plain(self.store.problem or ""), id="note-error")
            yield Static(Text(f"ctrl+s / F2 save · escape cancel · {self.store.path}"), id="note-keys")

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        """Save once the focused field has taken the keys typed before ctrl+s: the key is a
        priority binding, run by the app ahead of the keys still queued for the text box."""
        (self.focused or self).call_later(self._save)

    def _save(self) -> None:
        text = self.query_one(TextArea).text
        verdict = str(self.query_one(Select).value)
        if verdict not in VERDICTS:   # the select offers no other
            return
        tags = parse_tags(self.query_one("#note-tags", Input).value)
        if not text.strip() and verdict == "unverified" and not tags:
            self._error("Nothing to save: write a note, pick a verdict or add a tag.")
            return
        draft = (replace(self.note, text=text, verdict=verdict, tags=tags) if self.note
                 else new_note(text, verdict, tags, self.target.fact if self.target else None,
                               self.target.anchor if self.target else None))
        try:
            saved = self.store.save_note(draft)
        except SAVE_ERRORS as exc:
            self._error(f"Not saved: {exc}")
            return
        self.dismiss(saved)

    def action_cancel(self) -> None:
        if self._dirty() and not self._armed_cancel:
            self._armed_cancel = True
            self._error("Unsaved text: press escape again to discard it, ctrl+s to save.")
            return
        self.dismiss(None)

    def confirm_quit(self) -> bool:
        """Asked by the reader before it quits: the first ctrl+q with a typed note
        only warns, as escape does, so quitting never loses a note unasked."""
        if self._dirty() and not self._armed_quit:
            self._armed_quit = True
            self._error("Unsaved note: press ctrl+q again to quit without it, ctrl+s to save.")
            return False
        return True

    def _dirty(self) -> bool:
        note = self.note
        return (self.query_one(TextArea).text != (note.text if note else "")
                or str(self.query_one(Select).value) != (note.verdict if note else "unverified")
                or parse_tags(self.query_one("#note-tags", Input).value) != (note.tags if note else ()))

    def _error(self, message: str) -> None:
        self.query_one("#note-error", Static).update(plain(message))


class ConfirmDelete(ModalScreen[bool]):
    """Ask before deleting a note (the .bak keeps the previous file either way)."""

    DEFAULT_CSS = """
    ConfirmDelete { align: center middle; }
    ConfirmDelete > Vertical { width: 60; height: auto; border: thick $error; background: $surface;
                               padding: 0 1; }
    """
    BINDINGS = [Binding("y", "answer(True)", "Delete", id="delete.yes"),
                Binding("n,escape", "answer(False)", "Keep", id="delete.no")]

    def __init__(self, note: Note) -> None:
        super().__init__()
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(plain("Delete this note?  y delete · n keep"))
            yield Static(plain(one_line(self.note.text, 200)))

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


DECIDED = "decision:"  # row keys of decisions in the notes list: "decision:<kind>:<id>"


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


def analysed_corpus(app: NotesHost) -> Corpus:
    """The corpus as the engine read it (with the sides it inferred), else as loaded."""
    return app.analysis.corpus if app.analysis is not None else app.corpus


def open_editor(app: NotesHost, fact: Fact | None, account: Account | None,
                ref: Ref | None = None) -> None:
    """`a` in the reader: a new note on the selected fact or account, or on a sentence."""
    corpus = analysed_corpus(app)
    target = target_for(corpus, fact, account, ref)
    if target is None:
        analysis = app.analysis
        if analysis is not None and not analysis.facts:
            app.notify("Nothing to annotate yet: the engine found no facts in this corpus.", timeout=4)
        else:
            app.notify("Select a fact or an account to annotate.", timeout=3)
        return
    store = app.notes_store

    def saved(note: Note | None) -> None:
        if note is not None:
            app.notify(f"Note saved to {store.path}", markup=False, timeout=3)
            _notes_changed(app)

    app.push_screen(NoteEditor(store, target), saved)


def open_notes_list(app: NotesHost) -> None:
    """`N` in the reader: browse notes; enter jumps to the note's fact or passage."""
    store = app.notes_store

    def done(jump: NoteJump | None) -> None:
        _notes_changed(app)
        if jump is not None:
            go_to(app, jump)

    analysis = app.analysis
    titles = {f.id: f.title for f in analysis.facts} if analysis else None
    app.push_screen(NotesList(store, app.corpus, titles, app.placed_notes()), done)


def go_to(app: NotesHost, jump: NoteJump) -> None:
    """Show the annotated place: the passage in its source when placed, else the fact."""
    placed = jump.placement
    if placed is not None and placed.ref is not None and hasattr(app, "open_source"):
        if hasattr(app, "pop_to_disputes"):
            app.pop_to_disputes()
        app.open_source(placed.ref.article, placed.ref)
    elif jump.note.fact is not None and jump.note.anchor is None and hasattr(app, "jump_to_fact"):
        app.jump_to_fact(jump.note.fact)
    else:
        app.notify("This note is orphaned: its passage is no longer in the articles.",
                   severity="warning", timeout=5)


def open_side_fix(app: NotesHost, account: Account | None) -> None:
    """Correct the side of the selected account (or of its speaker); re-runs the engine."""
    if account is None:
        app.notify("Select an account to correct its side.", timeout=3)
        return
    store = app.notes_store

    def chosen(choice: SideChoice | None) -> None:
        if choice is None:
            return
        try:
            if choice.whole_speaker and account.speaker:
                store.set_side(choice.side, speaker=account.speaker)
            else:
                store.set_side(choice.side, anchor=anchor_for_ref(app.corpus, account.ref))
        except SAVE_ERRORS as exc:
            app.notify(f"Not saved: {exc}", severity="error", markup=False)
            return
        app.notify("Side correction saved; re-reading the corpus.", timeout=3)
        show_change(app, "sides", store)

    app.push_screen(SidePicker(analysed_corpus(app).sides, account), chosen)


def mark_pair(app: NotesHost, a: Ref, b: Ref, same: bool) -> None:
    """Record that two passages tell the same fact (or not); re-runs the engine."""
    store = app.notes_store
    corpus = app.corpus
    try:
        store.add_link(anchor_for_ref(corpus, a), anchor_for_ref(corpus, b), same)
    except SAVE_ERRORS as exc:
        app.notify(f"Not saved: {exc}", severity="error", markup=False)
        return
    app.notify("Marked as the same fact." if same else "Marked as not the same fact.", timeout=3)
    show_change(app, "links", store)


def show_change(app: App, kind: str, store: NoteStore) -> None:
    """Tell the app that records of `kind` changed (it shows them as `DecisionsChanged` says)."""
    app.post_message(NotesChanged() if kind == "notes" else DecisionsChanged(kind, store))


def _notes_changed(app: App) -> None:
    """Tell the app to redraw note markers (a bare app ignores the message)."""
    app.post_message(NotesChanged())
