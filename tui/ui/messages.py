"""Messages the reader's dialogs send the app when the notes file changed: typed, handled
with `@on` in the app, so the dialogs need not know the app's methods (a test's bare app
simply ignores them).  Kept light: the reader imports this at start-up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from ..engine.notes import NoteStore

#: Record kinds the engine's facts take at once (the rest need the engine to run again).
APPLIED_AT_ONCE = frozenset({"reviews", "facts", "moves"})


class NotesChanged(Message):
    """Notes were saved, edited or deleted: the note markers are drawn again."""


class DecisionsChanged(Message):
    """Records of `kind` changed in `store`: reviews, made disputes and moves are applied to
    the facts at once; pairings and side corrections need the engine to run again."""

    def __init__(self, kind: str, store: NoteStore) -> None:
        super().__init__()
        self.kind, self.store = kind, store
