"""The disputes screen's view: the facts of the corpus in a list, the selected one's accounts
side by side, and the progress line while the engine works.  It shows the app's results as
they change (it watches `ReaderState.results`); nothing is recomputed.  The keys that act on
what it shows are the screen's (`tui.ui.screens.disputes`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Footer, OptionList

from ...engine.model import Account, Analysis, Corpus, Fact
from .. import resume
from ..labels import FILTERS, article_label, open_dispute, passes
from ..results import Results, same_engine_result
from ..safe_text import one_line
from ..widgets.dispute_panes import Column, DisputePanes
from ..widgets.fact_list import FactList
from ..widgets.progress_line import ProgressLine
from ..widgets.title_bar import TitleBar
from .footer_order import EssentialKeysFirst

if TYPE_CHECKING:
    from ...engine.notes import NoteIndex
    from ..reader import ReaderApp

NARROW = 100  # below this width the fact list goes above the panes (the screen's -narrow class)


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


class DisputesView(EssentialKeysFirst):
    """Fact list on the left (or top), the selected fact's accounts in aligned panes."""

    if TYPE_CHECKING:  # the reader's own app: its methods are what this screen calls
        app: ReaderApp

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
        self.marked: Account | None = None  # the first passage of a hand-made pairing
        self.jumped_from: tuple[str | None, str] | None = None  # (fact, filter) before a jump
        self.note_index: NoteIndex | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar(id="title")
        yield ProgressLine(len(self.corpus.articles), id="progress")
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

    @property
    def loading_shown(self) -> bool:
        """Whether the progress line is shown (the engine is at work, or a preview is)."""
        return self.query_one(ProgressLine).display

    @loading_shown.setter
    def loading_shown(self, shown: bool) -> None:
        self.query_one(ProgressLine).display = shown

    def show_progress(self, stage: str, done: int, total: int) -> None:
        """Progress reported by the engine."""
        self.query_one(ProgressLine).stage(stage, done, total)

    def use_corpus(self, corpus: Corpus) -> None:
        """Articles were added: the panes read the new corpus; its analysis follows."""
        self.corpus = corpus
        self.query_one(DisputePanes).corpus = corpus
        self.query_one(ProgressLine).articles = len(corpus.articles)

    def show_preview(self, shown: int, total: int) -> None:
        """The facts shown are a preview (of `shown` of `total` articles): keep the
        progress line, saying so, until the full analysis replaces them."""
        self.query_one(ProgressLine).preview(shown, total)

    def end_preview(self, analysis: Analysis) -> None:
        """The same facts, now with their pairs: the progress line goes, nothing else moves."""
        self.analysis = analysis
        self.query_one(ProgressLine).done()

    def set_analysis(self, analysis: Analysis) -> None:
        """The engine's results arrived: fill the list, select the fact the user was on
        when they last closed this corpus (with its filter), else the first dispute.
        Replacing a preview keeps the user's place: the same fact (by id, else by
        title) under the same filter."""
        progress = self.query_one(ProgressLine)
        previewed = progress.previewing and self.analysis is not None
        shown = self.current_fact if previewed else None
        self.analysis = analysis
        progress.done()
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
        if fact is not None:   # after the frame that shows it: the facts n and p go to
            self.call_after_refresh(self._prepare_next, fact, 1)

    def _prepare_next(self, shown: Fact, step: int) -> None:
        """Render ahead, while the reader is idle, the fact `n` (step 1) and then the one
        `p` (-1) would show, so that either key draws at once; one per idle moment, so a
        key pressed meanwhile waits for one fact's rendering at most."""
        fact_list = self.query_one(FactList)
        if fact_list.current is not shown or fact_list.highlighted is None:
            return   # the reader moved on
        target = self._dispute_after(fact_list.highlighted, step)
        if target is not None:
            self.query_one(DisputePanes).prepare(fact_list.facts[target])
            fact_list.prepare(target)
        if step > 0:
            self.call_after_refresh(self._prepare_next, shown, -1)

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
        fact_list.set_title(title)

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
        i = self._dispute_after(start, step)
        if i is None:
            return
        what = "disputed fact" if any(open_dispute(f) for f in facts) else "fact in this list"
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

    def _dispute_after(self, start: int, step: int) -> int | None:
        """The list index `n` (step 1) or `p` (-1) goes to from `start`, wrapping around;
        with a filter that shows no dispute (the agreed facts), they step through what is
        shown.  `start` itself when it is the only one; None for an empty list."""
        facts = self.query_one(FactList).facts
        disputes = any(open_dispute(f) for f in facts)
        count = len(facts)
        for n in range(1, count + 1):
            i = (start + step * n) % count
            if not disputes or open_dispute(facts[i]):
                return i
        return None

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

    def show_facts(self, analysis: Analysis) -> None:
        """The same engine result with the user's reviews applied: keep the place."""
        self.analysis = analysis
        self.refresh_list()
        self.query_one(DisputePanes).repaint()

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
