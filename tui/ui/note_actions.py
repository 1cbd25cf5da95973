"""Opening the notes dialogs from the reader, and telling it what changed.

`open_editor(app, fact, account)` and `open_notes_list(app)` are the entry points the
app calls (see the reader's annotate and notes actions); the dialogs themselves are in
`screens/` (note_editor, notes_list, side_picker).
"""

from __future__ import annotations


from textual.app import App

from ..engine.anchors import anchor_for_ref
from ..engine.model import Account, Fact, Ref
from ..engine.notes import (SAVE_ERRORS, Note, target_for)
from .messages import NotesChanged, show_change
from .notes_host import NotesHost

from .screens.note_editor import NoteEditor
from .screens.notes_list import NoteJump, NotesList
from .screens.side_picker import SideChoice, SidePicker


def open_editor(app: NotesHost, fact: Fact | None, account: Account | None,
                ref: Ref | None = None) -> None:
    """`a` in the reader: a new note on the selected fact or account, or on a sentence."""
    corpus = app.corpus
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

    app.push_screen(SidePicker(app.corpus.sides, account), chosen)


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


def _notes_changed(app: App) -> None:
    """Tell the app to redraw note markers (a bare app ignores the message)."""
    app.post_message(NotesChanged())
