"""An app that owns a notes file: what the notes dialogs may ask of the reader, typed.

The reader (`tui.ui.state.ReaderState`) and the notes dialogs' test app both are
one, so the dialogs reach the store through `app.notes_store` instead of looking
for attributes on whatever app runs them.  The store is opened once, on first
use, from the UI thread or a worker (the notes index is built in one), and
lives as long as the app: its undo history, its lock and the anchors it placed
are not made again.  The notes engine is imported then, not at start-up.
"""

from __future__ import annotations

import threading
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.worker import get_current_worker

if TYPE_CHECKING:
    from ..engine.model import Analysis, Corpus
    from ..engine.notes import NoteIndex, NoteStore


class NotesHost(App[None]):
    """The notes file of `corpus`: `notes_path` (`--notes FILE`), else its default place."""

    def __init__(self, notes_path: Path | None = None) -> None:
        super().__init__()
        self.notes_path = notes_path
        self._notes: NoteStore | None = None
        self._notes_lock = threading.Lock()

    @property
    def corpus(self) -> Corpus:
        """The corpus the notes anchor to (the reader's: its analysis's)."""
        raise NotImplementedError

    @property
    def analysis(self) -> Analysis | None:
        """The engine's results, when the app has them (the dialogs' titles and hints)."""
        return None

    @property
    def notes_open(self) -> bool:
        """Whether the store was opened (a worker may skip a notes file that was never used)."""
        return self._notes is not None

    @property
    def notes_store(self) -> NoteStore:
        """The notes store, opened on first use; a read-only one is reported once, a
        writable one readies its first save in a worker."""
        with self._notes_lock:
            store = self._notes
            if store is None:
                from ..engine.notes import open_store

                store = self._notes = open_store(self.corpus, self.notes_path)
                self.call_later(self._store_opened, store)   # thread-safe: UI work on the UI thread
        return store

    @notes_store.setter
    def notes_store(self, store: NoteStore) -> None:
        """A store opened elsewhere (the dialogs' tests hand one in)."""
        with self._notes_lock:
            self._notes = store

    def _store_opened(self, store: NoteStore) -> None:
        if store.problem:
            self.notify(store.problem, severity="error", markup=False, timeout=15)
        else:
            self.run_worker(partial(_prepare, store), thread=True, group="notes-prepare")

    def placed_notes(self) -> NoteIndex | None:
        """The notes placed on `corpus`, if the app keeps them current (else None: the
        notes list places them itself)."""
        return None

    def notes_file(self) -> Path:
        """Where the notes file is or would be."""
        if self.notes_path is not None:
            return self.notes_path
        from ..engine.notes import default_notes_path

        return default_notes_path(self.corpus.path)


def _prepare(store: NoteStore) -> None:
    """Ready the store's first save in a thread, stopping when the app quits."""
    worker = get_current_worker()
    store.prepare(lambda: worker.is_cancelled)
