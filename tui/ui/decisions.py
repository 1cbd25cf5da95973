"""The user's decisions on the reader's results: reviews, merges and moves, made disputes,
pairings and side corrections, notes, and their undo.

Each is written to the notes store the app owns and shown at once: reviews, made
disputes and moves are applied to the engine's facts (`reviews_changed`); pairings and
side corrections need the engine to run again.  The dialogs tell the app with
`NotesChanged` / `DecisionsChanged`, handled here with `@on`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from textual import on

from ..engine.model import Fact, Ref
from .messages import APPLIED_AT_ONCE, DecisionsChanged, NotesChanged, show_change
from .navigation import Navigation

if TYPE_CHECKING:
    from types import ModuleType

    from ..engine.anchors import Anchor
    from ..engine.notes import NoteStore, ReviewVerdict

T = TypeVar("T")


class Decisions(Navigation):
    """The reader's decisions, written through the notes store and shown at once."""

    marked_ref: Ref | None = None  # m: a sentence kept for D (make a dispute)

    def _note_actions(self) -> ModuleType:
        """The notes screens (imported on first use: start-up does not pay for them)."""
        from . import note_actions

        return note_actions

    def notes_changed(self) -> None:
        """Notes were saved or deleted: rebuild the markers."""
        self.index_notes()

    @on(NotesChanged)
    def _notes_saved(self) -> None:
        self.notes_changed()

    @on(DecisionsChanged)
    def _decided(self, message: DecisionsChanged) -> None:
        """A dialog changed decisions: facts take reviews, made disputes and moves at once;
        pairings and sides need the engine to run again."""
        if message.kind in APPLIED_AT_ONCE:
            self.reviews_changed(message.store)
        else:
            self.notes_changed()
            self.run_analysis()

    def _decide(self, change: Callable[[NoteStore], T]) -> tuple[bool, T | None]:
        """Write one decision about the facts (`change` on the notes store) and show the
        facts with it: (True, what `change` returned), or (False, None) with the reason
        said when the store refused the save."""
        from ..engine.notes import SAVE_ERRORS

        store = self.notes_store
        try:
            done = change(store)
        except SAVE_ERRORS as exc:
            self.notify(f"Not saved: {exc}", severity="error", markup=False)
            return False, None
        self.reviews_changed(store)
        return True, done

    def _first_anchor(self, fact: Fact | None) -> Anchor | None:
        """The anchor a decision keeps of a fact: its first account's sentence."""
        from ..engine.anchors import anchor_for_ref

        return anchor_for_ref(self.corpus, fact.accounts[0].ref) if fact and fact.accounts else None

    def review_fact(self, fact, verdict: ReviewVerdict | None, title: str | None, done: str) -> None:
        """Record the user's word on a fact (y, d, r on the disputes screen) and say `done`."""
        anchor = self._first_anchor(fact)
        saved, _ = self._decide(lambda store: store.review_fact(fact.id, anchor, verdict=verdict,
                                                                title=title))
        if saved:
            self.notify(f"{done}: {fact.engine_title or fact.title} (u undoes)", timeout=3,
                        markup=False)

    def regroup(self, into: Fact | None, done: str, *, fact: Fact | None = None,
                account: Ref | None = None) -> None:
        """Merge `fact` into `into`, or move the account at `account` into it (None: split it
        off into a fact of its own), and show the fact that grew."""
        from ..engine.anchors import anchor_for_ref
        from ..engine.notes import NEW_FACT
        from ..engine.reviews import split_id

        moved = anchor_for_ref(self.corpus, account) if account else None
        _, move = self._decide(lambda store: store.move(
            into.id if into else NEW_FACT, self._first_anchor(into), fact=fact.id if fact else None,
            fact_anchor=self._first_anchor(fact), account=moved))
        if move is not None:
            self.jump_to_fact(into.id if into else split_id(move))
            self.notify(f"{done} (u undoes)", timeout=3, markup=False)

    def mark_ref(self, ref: Ref, text: str) -> None:
        """Remember a sentence (m) for a dispute made from it and another one (D)."""
        self.marked_ref = ref
        self.notify(f"Marked: {text[:60]}. Select a sentence of the other side (an account, "
                    "or the source view's cursor) and press D to make a dispute of the two.",
                    timeout=6, markup=False)

    def make_dispute(self, ref: Ref | None) -> None:
        """D: a dispute the engine missed, made from the marked sentence and `ref`."""
        from .screens.rename import RenameFact

        marked = self.marked_ref
        if marked is None or ref is None or marked == ref:
            self.notify("Press m on one sentence, then D on another.", timeout=3)
            return

        def named(title: str | None) -> None:
            if title:
                self._save_made((marked, ref), title)

        self.push_screen(RenameFact("", "a question for the dispute you make (e.g. Who fired "
                                        "first?) · enter make it · escape cancel"), named)

    def _save_made(self, refs: tuple[Ref, Ref], title: str) -> None:
        from ..engine.anchors import anchor_for_ref
        from ..engine.reviews import made_id

        anchors = tuple(anchor_for_ref(self.corpus, r) for r in refs)
        _, made = self._decide(lambda store: store.make_fact(title, anchors))
        if made is None:
            return
        self.marked_ref = None
        self.pop_to_disputes()
        self.jump_to_fact(made_id(made))
        self.notify(f"Made the dispute: {title} (u undoes)", timeout=3, markup=False)

    def action_undo(self) -> None:
        self._replay("undo")

    def action_redo(self) -> None:
        self._replay("redo")

    def _replay(self, which: str) -> None:
        """Undo or redo one change of this session, then show its effect."""
        from ..engine.notes import SAVE_ERRORS

        store = self.notes_store
        try:
            kind = getattr(store, which)()
        except SAVE_ERRORS as exc:
            self.notify(f"Not {which}ne: {exc}", severity="error", markup=False)
            return
        if kind is None:
            self.notify(f"Nothing to {which} in this session.", timeout=2)
            return
        show_change(self, kind, store)
        what = {"notes": "a note", "links": "a pairing", "sides": "a side correction",
                "reviews": "a confirm, dismiss or rename", "facts": "a dispute you made",
                "moves": "a merge or move"}.get(kind, f"a change to {kind}")
        self.notify(f"{which.capitalize()}ne: {what}.", timeout=2)

    def action_annotate(self) -> None:
        """Annotate the selected fact or account: the notes editor when it is installed."""
        disputes = self.disputes_screen
        fact = disputes.current_fact if disputes else None
        account = disputes.current_account if disputes else None
        self._note_actions().open_editor(self, fact, account)

    def action_notes(self) -> None:
        self._note_actions().open_notes_list(self)

    def action_fix_side(self) -> None:
        disputes = self.disputes_screen
        self._note_actions().open_side_fix(self, disputes.current_account if disputes else None)

    def mark_pair(self, a, b, same: bool) -> None:
        """Store the user's pairing decision between two passages; the engine re-runs."""
        self._note_actions().mark_pair(self, a, b, same)
