"""The default screen: the disputes view (`disputes_view`) and its keys, which move through
the facts and record the user's decisions on them (reviews, merges, moves, pairings, made
disputes) through the app."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual.binding import Binding

from ..safe_text import one_line
from ..widgets.dispute_panes import ACCOUNT_KEYS
from ..widgets.fact_list import FACT_KEYS
from .disputes_view import NARROW, DisputesView, columns_for

if TYPE_CHECKING:
    from ...engine.notes import ReviewVerdict

__all__ = ["NARROW", "DisputesScreen", "columns_for", "hidden"]


def hidden(bindings: list[Binding]) -> list[Binding]:
    """Copies of `bindings` that act but are not shown in the footer."""
    return [replace(b, show=False) for b in bindings]


class DisputesScreen(DisputesView):
    """The disputes: the view, and the keys that act on its selection."""

    BINDINGS = [
        Binding("n,]", "next_dispute(1)", "Next", id="disputes.next", key_display="n",
                tooltip="Next disputed fact"),
        # not in the footer, which at 80 columns cut "Search": n's partner, listed under ? help
        Binding("p,[", "next_dispute(-1)", "Prev", id="disputes.previous", key_display="p", show=False,
                tooltip="Previous disputed fact"),
        Binding("ctrl+o,backspace", "jump_back", "Back", show=False, id="disputes.back",
                key_display="ctrl+o", tooltip="Back to the fact you were on before the last jump "
                                              "(search, notes list, palette); again: forth"),
        Binding("tab", "switch_pane(1)", "Pane", id="disputes.pane",
                tooltip="Switch between the fact list and the two panes"),
        Binding("shift+tab", "switch_pane(-1)", "Pane back", show=False,
                id="disputes.pane-back", tooltip="Switch panes backwards"),
        Binding("enter", "open_source", "Source", id="disputes.source",
                tooltip="Open the source article of the selected account"),
        Binding("c", "compare", "Compare", id="disputes.compare",
                tooltip="Compare the selected account's article with the other side's"),
        Binding("a", "app.annotate", "Note", id="disputes.annotate",
                tooltip="Annotate the selected fact or account"),
        # the fact list's and the panes' own keys, shown in the footer where they act and
        # bound here too (hidden) so that each works whichever of the two has the focus
        *hidden(FACT_KEYS), *hidden(ACCOUNT_KEYS),
    ]

    def action_mark(self) -> None:
        """Remember the selected account; `=` or `x` on another one records the decision."""
        account = self.current_account
        if account is None:
            self.notify("Select an account in the panes first (tab).", timeout=3)
            return
        self.marked = account
        self.app.marked_ref = account.ref
        self.notify(f"Marked: {one_line(account.text, 60)}. Select another account, then "
                    "= (same fact), x (not the same) or D (make a dispute of the two).",
                    timeout=6, markup=False)

    def action_link(self, same: bool) -> None:
        """Store "same fact" / "not the same" between the marked and the selected account."""
        account = self.current_account
        if self.marked is None or account is None:
            self.notify("Press m on one account, then = or x on another.", timeout=3)
            return
        if account.ref.article == self.marked.ref.article:
            self.notify("Pick an account from another article.", timeout=3)
            return
        self.app.mark_pair(self.marked.ref, account.ref, same)
        self.marked = None

    def action_review(self, verdict: ReviewVerdict) -> None:
        """Confirm or dismiss the selected fact; the same key again takes the word back."""
        fact = self.current_fact
        if fact is None:
            self.notify("Select a fact first.", timeout=2)
            return
        taken_back = fact.review == verdict
        self.app.review_fact(fact, verdict=None if taken_back else verdict,
                             title=fact.title if fact.engine_title else None,
                             done="Review taken back" if taken_back else verdict.capitalize())

    def action_rename(self) -> None:
        from .rename import RenameFact

        fact = self.current_fact
        if fact is None:
            self.notify("Select a fact first.", timeout=2)
            return
        engine_title = fact.engine_title or fact.title

        def renamed(title: str | None) -> None:
            if title is not None:
                own = title if title and title != engine_title else None
                self.app.review_fact(fact, verdict=None if fact.review == "made" else fact.review, title=own,
                                     done="Renamed" if own else "The engine's title is back")

        self.app.push_screen(RenameFact(fact.title), renamed)

    def action_merge(self) -> None:
        """M marks a fact; M on another fact merges the marked fact into this one."""
        fact = self.current_fact
        if fact is None:
            return
        marked = self.merge_from
        if marked is None or marked.id == fact.id:
            self.merge_from = fact
            self.notify(f"Marked for merging: {one_line(fact.title, 60)}. Select the fact to "
                        "merge it into and press M.", timeout=5, markup=False)
            return
        self.merge_from = None
        self.app.regroup(fact, f"Merged into: {one_line(fact.title, 60)}", fact=marked)

    def action_move_account(self) -> None:
        from .fact_picker import FactPicker

        account = self.current_account
        if account is None:
            self.notify("Select an account in the panes first (tab).", timeout=3)
            return
        others = [f for f in self.analysis.facts if f.id != self.current_id] \
            if self.analysis else []

        def picked(fact_id: str | None) -> None:
            if fact_id == FactPicker.NEW:
                self.app.regroup(None, "Split off into a fact of its own", account=account.ref)
                return
            target = next((f for f in others if f.id == fact_id), None)
            if target is not None:
                self.app.regroup(target, f"Account moved into: {one_line(target.title, 60)}",
                                 account=account.ref)

        self.app.push_screen(FactPicker(others, "move the account into which fact?"), picked)

    def action_make_dispute(self) -> None:
        account = self.current_account
        self.app.make_dispute(account.ref if account else None)
