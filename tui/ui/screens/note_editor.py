"""The note editor: write or edit one note, saved to disk at once through the notes store.

It takes what it needs in its constructor (a NoteStore, a target) and hands the saved note
back through `dismiss`, so it works in any host app.  When the store is read-only (a damaged
notes file, an unwritable folder) it says why and keeps the typed text on screen.  Quotes
come from untrusted files and are shown as plain `Text`, never as markup.
"""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Select, Static, TextArea

from ...engine.notes import (SAVE_ERRORS, VERDICTS, Note, NoteStore, NoteTarget,
                            new_note, parse_tags)
from ..safe_text import one_line, plain


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
