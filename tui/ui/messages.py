"""The reader's messages, typed and handled with `@on` by the app, which owns the state:
the engine's results and progress (posted by the worker that reads them), and the notes
file's changes (posted by the dialogs, which need not know the app's methods; a test's
bare app simply ignores them).  Kept light: the reader imports this at start-up."""

from __future__ import annotations

from itertools import count
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from ..engine.model import Analysis
    from textual.app import App

    from ..engine.notes import NoteStore

_ORDER = count(1)

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


class AnalysisArrived(Message):
    """The engine's results: the full analysis, or while it works on a large corpus a
    preview (`total` is then how many articles the full analysis covers).  One message for
    both, so both reach the screen the same way: the app's one handler sets `results`.

    `order` grows with every message made: the first paint may take the latest results
    before their message is dispatched, and an older one dispatched later is ignored.
    """

    def __init__(self, analysis: Analysis, total: int | None = None, problem: str | None = None) -> None:
        super().__init__()
        self.analysis, self.total, self.problem = analysis, total, problem
        self.order = next(_ORDER)


class AnalysisProgress(Message):
    """A progress report from the engine: `done` of `total` in `stage`."""

    def __init__(self, stage: str, done: int, total: int) -> None:
        super().__init__()
        self.stage, self.done, self.total = stage, done, total


def show_change(app: App, kind: str, store: NoteStore) -> None:
    """Tell the app that records of `kind` changed (it shows them as `DecisionsChanged` says)."""
    app.post_message(NotesChanged() if kind == "notes" else DecisionsChanged(kind, store))
