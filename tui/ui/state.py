"""The reader's state and its one owner: the engine's results, held by the app as they arrive.

`results` (a reactive, `tui.ui.results.Results`) holds the analysis on screen; the
corpus is that analysis's (with the sides the engine inferred), or the loaded one until
the first results arrive.  Results come one way: a thread worker reads the engine's
child process (started before Textual, `tui.ui.app`) or, for re-runs, runs the engine,
and posts an `AnalysisArrived` for a large corpus's preview and for the full analysis
alike; one handler sets `results`.  The first paint may run that handler early on
results already in, so the first frame shows the first dispute.  The screens watch
`results`, `progress` and `note_index` instead of being called with them.  The notes
file is opened once (`NotesHost.notes_store`) and placed on each new result once.
"""

from __future__ import annotations

import gc
import threading
from dataclasses import replace
from typing import TYPE_CHECKING

from textual import on, work
from textual.reactive import var
from textual.timer import Timer
from textual.worker import Worker, WorkerState

from ..engine.model import Analysis, Corpus
from .messages import AnalysisArrived, AnalysisProgress
from .notes_host import NotesHost
from .results import Results, same_engine_result
from .screens.disputes import DisputesScreen

if TYPE_CHECKING:
    from pathlib import Path

    from ..engine.notes import Note, NoteIndex, NoteStore
    from .background import ForkedAnalysis

FIRST_PAINT_WAIT = 0.03  # seconds the first paint waits for an engine child that is finishing
# ... and for the child analysing a small corpus whole: a first launch on the sample had its
# result 0.1-0.2 s after the first paint began, which then painted a progress screen, threw it
# away and painted the dispute (the result waited for the progress frame; 150-350 ms of the
# way to the first dispute under load, against a blank screen for as long as the wait)
SMALL_CORPUS_WAIT = 0.25
INDEX_AFTER = 0.25       # seconds from a result to placing the notes: after its first paint


class ReaderState(NotesHost):
    """The engine's results, its progress and the notes placed on them; the engine's runs."""

    results: var[Results | None] = var(None, always_update=True, init=False)
    progress: var[tuple[str, int, int] | None] = var(None, init=False)
    note_index: var[NoteIndex | None] = var(None, always_update=True, init=False)

    def __init__(self, corpus: Corpus, notes_path: Path | None, analysis: Analysis | None,
                 forked: ForkedAnalysis | None) -> None:
        """`analysis` is shown at once (tests pass a hand-built one); `forked` is the engine
        already running in a child process."""
        super().__init__(notes_path)
        self._loaded = corpus
        self._folder_changed = False   # `_loaded` is newer than the analysis shown (use_corpus)
        self.engine_error: str | None = None   # why the last analysis failed, for the empty screen
        self._forked = forked
        self._reading_child: ForkedAnalysis | None = None
        self._arrived = threading.Event() if forked is not None else None  # set as results are posted
        self._latest = AnalysisArrived(analysis) if analysis is not None else None
        self._shown_order = 0   # the `order` of the last AnalysisArrived handled
        self._indexed_on: tuple[Corpus, tuple[Note, ...]] | None = None  # what note_index placed
        # one placing of the notes pending at a time: a second one started while the first
        # was starting cancelled it (an exclusive worker), work thrown away
        self._index_timer: Timer | None = None

    @property
    def corpus(self) -> Corpus:
        """The corpus shown: the analysis's, else as loaded (before the first results)."""
        results = self.results
        return results.analysis.corpus if results is not None else self._loaded

    @property
    def analysis(self) -> Analysis | None:
        results = self.results
        return results.analysis if results is not None else None

    @property
    def preview_total(self) -> int | None:
        """While a preview is shown: how many articles the full analysis covers."""
        results = self.results
        return results.preview_of if results is not None else None

    @property
    def disputes_screen(self) -> DisputesScreen | None:
        return next((s for s in self.screen_stack if isinstance(s, DisputesScreen)), None)

    # -- the engine's runs ------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="analysis", exit_on_error=False)
    def run_analysis(self, corpus: Corpus | None = None) -> None:
        """The engine, off the UI thread; progress and results come back as messages.

        The first run reads the child process; re-runs (after the user changes a pairing
        or side decision, adds articles or writes the case file) compute here, on
        `corpus`, else the folder as read again if it changed, else the corpus shown.
        """
        forked, self._forked = self._forked, None
        self._reading_child = forked   # still killed by on_unmount if the user quits meanwhile
        if forked is None:
            self._post(self._analysed_here(corpus or (self._loaded if self._folder_changed
                                                      else self.corpus)))
            return
        for frame in forked.frames():
            if frame[0] == "progress":
                self.post_message(AnalysisProgress(*frame[1:]))
            elif frame[0] == "preview":
                self._post(AnalysisArrived(frame[1], total=frame[2]))
            elif frame[0] == "result":
                self._post(AnalysisArrived(frame[1], problem=frame[2]))
            else:
                raise RuntimeError(frame[1])

    def _analysed_here(self, corpus: Corpus) -> AnalysisArrived:
        """The engine in this process, on the pairing and side decisions of the app's notes
        store (not a second one read from the file); a result cached by an earlier run on
        the same corpus and decisions is read instead (tui.engine.cache)."""
        from ..engine.cache import analyse_cached

        def progress(stage: str, done: int, total: int) -> None:
            self.post_message(AnalysisProgress(stage, done, total))

        store = self.notes_store
        links, fixes = store.engine_inputs(corpus)
        return AnalysisArrived(analyse_cached(corpus, links, fixes, progress), problem=store.problem)

    def _post(self, message: AnalysisArrived) -> None:
        """Post results, kept too for a first paint that takes them before the message."""
        self._latest = message
        if self._arrived is not None:
            self._arrived.set()
        self.post_message(message)

    def take_early_results(self, wait: float | None = None) -> None:
        """Before the first paint: show the results already in (given at start, or sent by
        an engine child that finishes within `wait` seconds: by default SMALL_CORPUS_WAIT
        for a corpus the child analyses whole, else FIRST_PAINT_WAIT) through the handler
        their message runs, so the first frame shows the first dispute instead of a progress
        screen replaced a moment later at the cost of a second full paint."""
        if wait is None:
            from .background import PREVIEW_FROM

            small = len(self._loaded.articles) < PREVIEW_FROM
            wait = SMALL_CORPUS_WAIT if small else FIRST_PAINT_WAIT
        if self._latest is None and self._arrived is not None:
            self._arrived.wait(wait)
        latest = self._latest
        if latest is not None:
            self._arrive(latest)

    @on(AnalysisArrived)
    def _arrive(self, message: AnalysisArrived) -> None:
        """The one way results are shown: a preview, the full analysis, the pairs of the
        facts on screen (a large corpus's warm start: reviews applied stay applied)."""
        if message.order <= self._shown_order:
            return   # taken by the first paint already, or older than what is shown
        self._shown_order = message.order
        if message.problem:
            self.notify(message.problem, severity="error", markup=False, timeout=15)
        if message.total is None:
            self._folder_changed = False
        old, analysis = self.results, message.analysis
        if old is not None and analysis.facts is old.engine_facts:
            analysis = replace(analysis, facts=old.analysis.facts)
        self.results = Results(analysis, message.analysis.facts, message.total)

    @on(AnalysisProgress)
    def _progressed(self, message: AnalysisProgress) -> None:
        self.progress = (message.stage, message.done, message.total)

    def watch_results(self, old: Results | None, new: Results | None) -> None:
        """A full result came in: keep it out of the cycle collector's way (its pauses showed
        as slow key presses) and place the notes on it once it is painted (once for results
        in quick succession)."""
        if new is None or new.preview_of is not None:
            return
        if old is not None and old.preview_of is None and same_engine_result(old, new):
            return   # decisions applied to the same result: nothing new to keep or place
        gc.freeze()
        if self._index_timer is not None:   # results in quick succession: place the last one
            self._index_timer.stop()
        self._index_timer = self.set_timer(INDEX_AFTER, self.index_notes)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The engine failed: say why; a preview shown stays, said to be one."""
        if event.worker.group != "analysis" or event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        # the child's failures arrive as RuntimeError("ValueError: ..."): say them as sent
        self.engine_error = str(error) if type(error) is RuntimeError else f"{type(error).__name__}: {error}"
        shown = self.results
        if shown is not None and shown.preview_of is not None:
            self.notify(f"The engine failed on the whole folder ({self.engine_error}); showing "
                        f"{len(shown.analysis.corpus.articles)} of its {shown.preview_of} articles.",
                        severity="error", markup=False, timeout=30)
            self.results = Results(shown.analysis, shown.engine_facts)  # the place stays
            return
        self.notify(f"The engine failed: {self.engine_error}", severity="error", markup=False,
                    timeout=15)
        self.results = Results(Analysis(self.corpus), ())

    def use_corpus(self, corpus: Corpus) -> None:
        """The folder changed (articles added, a case file written): the screen reads the
        new articles at once, the engine runs on them."""
        self._loaded, self._folder_changed = corpus, True
        disputes = self.disputes_screen
        if disputes is not None:
            disputes.use_corpus(corpus)
        self.run_analysis(corpus)

    def on_unmount(self) -> None:
        """Stop the engine's child, whether it is waiting to be read or being read: a child
        left working kept the terminal blank and a core busy after the user quit."""
        for forked in (self._forked, self._reading_child):
            if forked is not None:
                forked.close()

    # -- the user's decisions on the results ---------------------------------------------------

    @work(thread=True, exclusive=True, group="notes", exit_on_error=False)
    def index_notes(self) -> None:
        """Place the notes on the corpus shown (off the UI thread), once per result and per
        change: the note markers read this index, and the reviews are applied."""
        if self.results is None:
            return
        try:
            from ..engine.notes import NoteIndex
        except ImportError:
            return
        if not self.notes_open and not self.notes_file().exists():
            return   # no notes yet: the store opens when the user first needs it
        store, corpus = self.notes_store, self.corpus
        placed = (corpus, tuple(store.notes))
        index = NoteIndex.build(store, corpus)
        self.call_from_thread(self._indexed, index, store, placed)

    def _indexed(self, index: NoteIndex, store: NoteStore,
                 placed: tuple[Corpus, tuple[Note, ...]]) -> None:
        self._indexed_on = placed
        self.note_index = index
        if store.reviews:
            self.reviews_changed(store)

    def placed_notes(self) -> NoteIndex | None:
        """The markers' index, for the notes list, if it placed these very notes on the
        corpus shown (else None: a note saved since is placed by the list)."""
        placed, index = self._indexed_on, self.note_index
        if placed is None or index is None or placed[0] is not self.corpus:
            return None
        return index if placed[1] == tuple(self.notes_store.notes) else None

    def reviews_changed(self, store: NoteStore) -> None:
        """Apply the notes file's reviews to the engine's facts (no new analysis needed)."""
        from ..engine.reviews import apply_reviews

        results = self.results
        if results is None:
            return
        engine = replace(results.analysis, facts=results.engine_facts)
        self.results = Results(apply_reviews(engine, store), results.engine_facts, results.preview_of)
