"""The default screen: the facts of the corpus, and the selected one's accounts
side by side.  It only reads the engine's `Analysis`; nothing is recomputed."""

from __future__ import annotations

import time
from dataclasses import replace
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Footer, OptionList, Static

from ...engine.model import Account, Analysis, Corpus, Fact
from .. import resume
from ..results import Results, same_engine_result
from ..labels import FILTERS, article_label, open_dispute, passes
from ..safe_text import one_line
from ..widgets.dispute_panes import ACCOUNT_KEYS, Column, DisputePanes
from ..widgets.fact_list import FACT_KEYS, FactList
from ..widgets.title_bar import TitleBar
from .footer_order import EssentialKeysFirst

if TYPE_CHECKING:
    from ...engine.notes import NoteIndex, ReviewVerdict
    from ..reader import ReaderApp

NARROW = 100  # below this width the fact list goes above the panes (the screen's -narrow class)


def hidden(bindings: list[Binding]) -> list[Binding]:
    """Copies of `bindings` that act but are not shown in the footer."""
    return [replace(b, show=False) for b in bindings]


def columns_for(analysis_or_corpus: Corpus, facts: tuple[Fact, ...] = ()) -> tuple[Column, Column]:
    """The two panes' sides: the case file's first two, else the sides the facts name."""
    sides = [Column(s.id, f"{s.name} (inferred)" if s.inferred else s.name)
             for s in analysis_or_corpus.sides[:2]]
    seen = {c.side for c in sides}
    for fact in facts:
        for account in fact.accounts:
            if len(sides) < 2 and account.side is not None and account.side not in seen:
                sides.append(Column(account.side, account.side))
                seen.add(account.side)
    while len(sides) < 2:
        sides.append(Column(f"\0side-{len(sides)}", f"Side {'AB'[len(sides)]}"))
    return sides[0], sides[1]


class DisputesScreen(EssentialKeysFirst):
    """Fact list on the left (or top), the selected fact's accounts in aligned panes."""

    if TYPE_CHECKING:  # the reader's own app: its methods are what this screen calls
        app: ReaderApp

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

    # the layout for each class is in reader.tcss; starting as -wide, a wide terminal's
    # first resize changes no class (a class change restyles every widget on the screen)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW, "-wide")]

    def __init__(self, corpus: Corpus) -> None:
        super().__init__(classes="-wide")
        self.corpus = corpus
        self.analysis: Analysis | None = None
        self.filter = "all"
        self.current_id: str | None = None
        self._place_timer: Timer | None = None  # saves the place once the reader settles
        self.merge_from: Fact | None = None  # M: the fact to merge into the next one
        self.loading_shown = True
        self._stage: tuple[str, int, int] | None = None
        self._preview: tuple[int, int] | None = None  # a preview's articles, and the corpus's
        self._started = time.monotonic()
        self.marked: Account | None = None  # the first passage of a hand-made pairing
        self.jumped_from: tuple[str | None, str] | None = None  # (fact, filter) before a jump
        self.note_index: NoteIndex | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar(id="title")
        yield Static(Text(f"Analysing {len(self.corpus.articles)} articles…"), id="progress")
        with Horizontal(id="main"):
            with Vertical(id="facts-column"):
                yield FactList(id="facts")
            yield DisputePanes(self.corpus, columns_for(self.corpus), id="panes")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(TitleBar).set_title(self.corpus.title, "disputes")
        self.query_one(FactList).border_title = "facts"
        self.query_one(DisputePanes).show(None, Text("Reading the articles…"))
        self.query_one(FactList).focus()
        self._ticker = self.set_interval(1.0, self._paint_progress)
        self.app.take_early_results()
        # the app owns the results: shown as they change, from the first paint on
        self.watch(self.app, "results", self._results_changed)
        self.watch(self.app, "progress", self._progress_changed, init=False)
        self.watch(self.app, "note_index", self.show_notes, init=False)

    # -- data from the app ------------------------------------------------------------

    def _results_changed(self, old: Results | None, new: Results | None) -> None:
        """Show the app's results as they changed: a new result fills the list (a preview's
        keeps the user's place); the same one with its pairs ends the preview without
        filling it again; the same one with the user's decisions applied keeps the place."""
        if new is None:
            return
        analysis = new.analysis
        if analysis.corpus is not self.corpus:   # the full corpus after its preview
            self.use_corpus(analysis.corpus)
        same = self.analysis is not None and old is not None and old is not new \
            and same_engine_result(old, new)
        if not same:
            self.set_analysis(analysis)
        elif old is not None and old.preview_of is not None and new.preview_of is None:
            self.end_preview(analysis)
        else:
            self.show_facts(analysis)
        if new.preview_of is not None and (not same or (old is not None and old.preview_of is None)):
            self.show_preview(len(analysis.corpus.articles), new.preview_of)

    def _progress_changed(self, progress: tuple[str, int, int] | None) -> None:
        if progress is not None:
            self.show_progress(*progress)

    def show_progress(self, stage: str, done: int, total: int) -> None:
        """Progress reported by the engine's worker."""
        self._stage = (stage, done, total)
        self._paint_progress()

    def _paint_progress(self) -> None:
        """'Analysing N articles: stage ▰▰▱▱ done/total · 12 s': the clock shows it is alive
        even while the engine is in a stage that reports nothing."""
        if not self.loading_shown:
            return
        if self._preview is not None:
            shown, total = self._preview
            text = Text(f"Showing {shown} of {total} articles, analysing all of them" if shown < total
                        else f"Reading the pairs of {total} articles")
        else:
            text = Text(f"Analysing {len(self.corpus.articles)} articles")
        if self._stage is not None:
            stage, done, total = self._stage
            text.append(f": {one_line(stage, 30)}")
            if total > 1:  # a one-step stage ("claims", "facts") has no bar to fill
                filled = round(12 * done / total)
                text.append(" " + "▰" * filled + "▱" * (12 - filled) + f" {done}/{total}")
            else:
                text.append("…")
        else:
            text.append("…")
        elapsed = time.monotonic() - self._started
        if elapsed >= 1:
            text.append(f" · {elapsed:.0f} s", style="dim")
        self.query_one("#progress", Static).update(text)

    def use_corpus(self, corpus: Corpus) -> None:
        """Articles were added: the panes read the new corpus; its analysis follows."""
        self.corpus = corpus
        self.query_one(DisputePanes).corpus = corpus

    def show_preview(self, shown: int, total: int) -> None:
        """The facts shown are a preview (of `shown` of `total` articles): keep the
        progress line, saying so, until the full analysis replaces them."""
        self._preview = (shown, total)
        self.loading_shown = True
        self.query_one("#progress").display = True
        self._ticker.resume()
        self._paint_progress()

    def end_preview(self, analysis: Analysis) -> None:
        """The same facts, now with their pairs: the progress line goes, nothing else moves."""
        self.analysis = analysis
        self._preview = None
        self.loading_shown = False
        self.query_one("#progress").display = False
        self._ticker.pause()

    def set_analysis(self, analysis: Analysis) -> None:
        """The engine's results arrived: fill the list, select the fact the user was on
        when they last closed this corpus (with its filter), else the first dispute.
        Replacing a preview keeps the user's place: the same fact (by id, else by
        title) under the same filter."""
        previewed = self._preview is not None and self.analysis is not None
        shown = self.current_fact if previewed else None
        self._preview = None
        self.analysis = analysis
        self.query_one("#progress").display = False
        self.loading_shown = False
        self._ticker.pause()
        panes = self.query_one(DisputePanes)
        new_columns = columns_for(analysis.corpus, analysis.facts)  # sides may be inferred
        if new_columns != panes.columns:
            panes.set_columns(new_columns)
        first = next((f.id for f in analysis.facts if f.status == "disputed"), None)
        if previewed:
            same = [f.id for f in self.facts if shown and f.id == shown.id] + \
                [f.id for f in self.facts if shown and f.title == shown.title]
            self.refresh_list(keep=same[0] if same else first)
            return
        place = resume.load(self.corpus.path) if analysis.facts else None
        if place is not None and place.filter in FILTERS:
            self.filter = place.filter
            if any(f.id == place.fact for f in self.facts):
                first = place.fact
        self.refresh_list(keep=first)

    def on_unmount(self) -> None:
        self._remember_place()

    def _remember_place(self) -> None:
        """Remember the fact and the filter for the next time this corpus is opened: on
        quitting, and two seconds after the reader settles on a fact (a terminal closed
        or killed never quits)."""
        if self.analysis is not None and self.analysis.facts:
            resume.save(self.corpus.path, resume.Place(self.current_id, self.filter))

    @property
    def facts(self) -> list[Fact]:
        """The facts the filter lets through, in the engine's order."""
        if self.analysis is None:
            return []
        return [f for f in self.analysis.facts if passes(f, self.filter)]

    def show_notes(self, index: NoteIndex | None) -> None:
        """Note markers on facts and accounts (a `NoteIndex` from the notes engine)."""
        self.note_index = index
        panes = self.query_one(DisputePanes)
        panes.note_count = (lambda ref: len(index.for_ref(ref))) if index else None
        self.refresh_list()
        panes.repaint()

    def _fact_notes(self, fact: Fact) -> int:
        return len(self.note_index.for_fact(fact)) if self.note_index is not None else 0

    def refresh_list(self, keep: str | None = None) -> None:
        facts = self.facts
        fact_list = self.query_one(FactList)
        fact_list.show(facts, keep or self.current_id, self._fact_notes)
        counts = {s: sum(f.status == s for f in self.analysis.facts) for s in FILTERS[1:]} \
            if self.analysis else {}
        self._title()
        fact_list.border_subtitle = " ".join(f"{n} {s}" for s, n in counts.items() if n)
        has_facts = bool(self.analysis and self.analysis.facts)
        self.query_one("#facts-column").display = has_facts
        if not has_facts and fact_list.has_focus:
            self.query_one(DisputePanes).focus()  # a hidden list must not keep the keys
        if not facts:
            self._show_fact(None)
        elif fact_list.current is not self.query_one(DisputePanes).fact:
            self._show_fact(fact_list.current)  # now, not a message hop later

    def _show_fact(self, fact: Fact | None) -> None:
        self.current_id = fact.id if fact else None
        self.query_one(DisputePanes).show(fact, self._empty_text())
        self._title()
        if self._place_timer is not None:
            self._place_timer.stop()
        self._place_timer = self.set_timer(2.0, self._remember_place)

    def _title(self) -> None:
        """The list's title: its filter and where the cursor is ("3/22"), and for a dispute
        which dispute of how many ("✖ 2/11"), so the reader always knows how far they are."""
        fact_list = self.query_one(FactList)
        title = f"{self.filter} (f)"
        facts, at = fact_list.facts, fact_list.highlighted
        if facts and at is not None and at < len(facts):
            title += f" · {at + 1}/{len(facts)}"
            disputes = [f for f in facts if f.status == "disputed"]
            if facts[at].status == "disputed" and len(disputes) != len(facts):
                title += f" · ✖ {disputes.index(facts[at]) + 1}/{len(disputes)}"
        fact_list.border_title = title

    def _empty_text(self) -> Text:
        """What to show without a fact: still a useful screen."""
        text = Text()
        if self.analysis is None:
            return Text("Reading the articles…")
        if self.analysis.facts:
            text.append(f"No {self.filter} facts. Press f to change the filter.\n")
            return text
        articles = self.corpus.articles
        text.append("No facts yet.", style="bold")
        failed = self.app.engine_error
        if failed:
            text.append(f" The engine failed ({one_line(failed)}), so nothing was compared; the "
                        "articles can still be read.\n")
        else:
            text.append(f" The engine found no accounts to compare in {len(articles)} "
                        f"article{'s' if len(articles) != 1 else ''}.\n")
        text.append("c compare two articles side by side · enter read an article · "
                    "/ search the text · ? all keys\n\n")
        for article in articles[:12]:
            text.append(" • ")
            text.append(one_line(article_label(article), 56))
            text.append(f" ({len(article.paragraphs)} ¶)\n", style="dim")
        if len(articles) > 12:
            text.append(f"   … and {len(articles) - 12} more\n", style="dim")
        return text

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        fact_list = self.query_one(FactList)
        if event.option_list is fact_list and \
                fact_list.current is not self.query_one(DisputePanes).fact:
            self._show_fact(fact_list.current)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # a click highlights; enter is bound to open the source

    # -- what other screens and the app ask ---------------------------------------------

    @property
    def current_fact(self) -> Fact | None:
        return self.query_one(FactList).current

    @property
    def current_account(self) -> Account | None:
        return self.query_one(DisputePanes).selected

    def jump_to(self, fact_id: str) -> bool:
        """Select a fact by id, widening the filter if it hides the fact; the fact and filter
        left are remembered for `ctrl+o` (back)."""
        if self.analysis is None:
            return False
        if fact_id != self.current_id:
            self.jumped_from = (self.current_id, self.filter)
        if fact_id not in {f.id for f in self.facts}:
            self.filter = "all"
            self.refresh_list(keep=fact_id)
        fact_list = self.query_one(FactList)
        for i, fact in enumerate(fact_list.facts):
            if fact.id == fact_id:
                fact_list.highlighted = i
                return True
        return False

    def action_jump_back(self) -> None:
        """Back to where the last jump (search, notes list, palette, a move) came from; again
        goes forth, like vim's ctrl+o and ''."""
        fact_id, filter_name = self.jumped_from or (None, self.filter)
        if fact_id is None:
            self.notify("No jump to go back from.", timeout=2)
            return
        here = (self.current_id, self.filter)
        if filter_name != self.filter:
            self.set_filter(filter_name)
        self.jump_to(fact_id)
        self.jumped_from = here

    def set_filter(self, name: str) -> None:
        self.filter = name
        self.refresh_list()

    # -- actions --------------------------------------------------------------------------

    def action_next_dispute(self, step: int) -> None:
        """Move to the next (step 1) or previous (-1) disputed fact in the list."""
        fact_list = self.query_one(FactList)
        facts = fact_list.facts
        start = fact_list.highlighted if fact_list.highlighted is not None else -step
        if not facts:
            self.notify("No facts in this list.", timeout=2)
            return
        # With a filter that shows no dispute (the agreed facts), n and p step through what is shown.
        wanted = "disputed" if any(open_dispute(f) for f in facts) else None
        count = len(facts)
        for n in range(1, count + 1):
            i = (start + step * n) % count
            if wanted is None or open_dispute(facts[i]):
                what = "disputed fact" if wanted else "fact in this list"
                if i == start:
                    self.notify(f"This is the only {what}.", timeout=2)
                    return
                wrapped = (i < start) if step > 0 else (i > start)
                fact_list.highlighted = i
                # Now, not when the list's OptionHighlighted message arrives: the list's
                # highlight would be painted in one frame and the panes a frame later.
                self._show_fact(fact_list.current)
                if wrapped:
                    where = "first" if step > 0 else "last"
                    self.notify(f"Wrapped around to the {where} {what}.", timeout=2)
                return

    def action_switch_pane(self, step: int) -> None:
        """Cycle focus: fact list -> left pane -> right pane -> fact list."""
        fact_list, panes = self.query_one(FactList), self.query_one(DisputePanes)
        if fact_list.has_focus:
            panes.focus()
            panes.select(panes.first_column() if step > 0 else panes.last_column(), 0)
        elif panes.has_focus:
            if not panes.next_column(step):
                fact_list.focus()
        else:
            fact_list.focus()

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

    def show_facts(self, analysis: Analysis) -> None:
        """The same engine result with the user's reviews applied: keep the place."""
        self.analysis = analysis
        self.refresh_list()
        self.query_one(DisputePanes).repaint()

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

    def action_cycle_filter(self) -> None:
        self.set_filter(FILTERS[(FILTERS.index(self.filter) + 1) % len(FILTERS)])

    def action_open_source(self) -> None:
        account = self.current_account
        if account is None and self.current_fact and self.current_fact.accounts:
            account = self.current_fact.accounts[0]
        if account is not None:
            self.app.open_source(account.ref.article, account.ref)
        elif self.corpus.articles:
            self.app.open_source(self.corpus.articles[0].id, None)

    def action_compare(self) -> None:
        left, right = self.compare_choice()
        panes = self.query_one(DisputePanes)
        shown = [a.ref for accounts in panes.accounts for a in accounts]
        marks = [ref for ref in shown if ref.article == left][:1] + \
            [ref for ref in shown if ref.article == right][:1]
        if panes.selected is not None:  # the selected account first, then the other side's
            marks = [panes.selected.ref] + [ref for ref in marks
                                            if ref.article != panes.selected.ref.article]
        self.app.open_compare(left, right, tuple(marks))

    def compare_choice(self) -> tuple[str | None, str | None]:
        """Articles to compare: the selected account's and the other side's first."""
        panes = self.query_one(DisputePanes)
        account = panes.selected
        if account is None:
            return None, None
        others = [a for c, accounts in enumerate(panes.accounts) if c != panes.column
                  for a in accounts if a.ref.article != account.ref.article]
        left = account.ref.article
        right = others[0].ref.article if others else None
        if panes.column == 1 and right is not None:
            left, right = right, left
        return left, right
