"""Start the reader: the engine first, then Textual.

`run_reader(path, ...)` is what the CLI calls (`open_reader` builds the app).
It forks the engine into a child process *before* loading the corpus or
importing Textual, so loading and analysis (on the second core) overlap
Textual's import, start-up and first paint; then it builds the Textual app
(`tui.ui.reader.ReaderApp`) on the corpus the child sends, and the app reads
the child's results in a worker; if they are already there (a cached
analysis usually is), they are handed to the app directly and its first
paint shows the first dispute.  `ReconcileApp(corpus, ...)` does the same
for a corpus already loaded (tests, the bench).  Where forking is not
possible the corpus is loaded here and the app runs the engine in a thread
worker after its first paint.  Nothing here imports Textual.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..engine.model import Analysis, Corpus
    from .background import ForkedAnalysis
    from .reader import ReaderApp

SWITCH_INTERVAL = 0.001  # seconds a thread waits for the interpreter lock (Python's default: 0.005)


def run_reader(path: Path, theme_name: str | None = None,
               notes_path: Path | None = None, follow_links: bool = False) -> int:
    """Open the reader on the corpus at `path` and run it until the user quits; the exit
    status is Textual's (1 after a crash, so scripts and shells see the failure).

    The cycle collector is off until the app's first paint (the app turns it
    back on): start-up only builds what lives as long as the app (modules,
    widgets, styles), and the collector's passes over it cost ~4 ms.

    Textual writes each finished frame to the terminal from a thread.  While
    the UI thread stays busy (after the first paint: the layout pass for the
    start-up resize, the footer's keys), that thread waited one switch
    interval (5 ms by default) for the interpreter lock at every step, and
    the first frame reached the screen 10-20 ms after it was ready; 1 ms lets
    frames through at once.
    """
    sys.setswitchinterval(SWITCH_INTERVAL)
    gc.disable()
    try:
        app = open_reader(path, theme_name, notes_path, follow_links)
        app.run()
        _print_warnings(app.corpus.warnings)
        return app.return_code or 0
    finally:
        gc.enable()


def _print_warnings(warnings: tuple[str, ...]) -> None:
    """What the export prints, printed after the reader too: the toast may have gone unread."""
    from ..errors import printable

    for warning in warnings:
        print(f"reconcile: warning: {printable(warning)}", file=sys.stderr)


def open_reader(path: Path, theme_name: str | None = None,
                notes_path: Path | None = None, follow_links: bool = False) -> ReaderApp:
    """The reader app for the corpus at `path`, loaded and analysed by the engine's child.

    Raises tui.errors.UserError for a corpus that cannot be opened or an unknown
    theme (the engine child is stopped then).
    """
    from .background import ForkedAnalysis, can_fork

    forked = None
    if can_fork():
        _import_shared()
        try:
            forked = ForkedAnalysis(path, notes_path, follow_links)
        except OSError:
            forked = None
    if forked is None:
        return ReconcileApp(_load(path, follow_links), theme_name, notes_path)
    try:
        _import_reader()
        corpus = _loaded_by_child(forked)
        if corpus is None:  # the child failed unexpectedly: load here, where errors show
            forked.close()
            return ReconcileApp(_load(path, follow_links), theme_name, notes_path)
        return _build(corpus, theme_name, notes_path, None, forked)
    except BaseException:
        forked.close()
        raise


def _import_shared() -> None:
    """Import, once and before the fork, the engine modules both processes need.

    The parent unpickles the corpus and the analysis (the model's types, pairs
    included) and highlights the first dispute's differing words (the word
    diff, on rapidfuzz); the child builds the analysis (pairing scores with
    rapidfuzz too).  Imported here, that work is done once instead of once on
    each core, and a first launch's result no longer waits for the parent to
    import rapidfuzz before it can be painted.
    """
    from ..engine import model  # noqa: F401
    from ..engine.export import worddiff  # noqa: F401


def _load(path: Path, follow_links: bool) -> Corpus:
    """Load the corpus in this process; bad input becomes a UserError."""
    from ..errors import UserError
    from ..engine.text.casefile import CaseFileError
    from ..engine.text.loading import CorpusError, load_corpus

    try:
        return load_corpus(path, follow_links)
    except (CorpusError, CaseFileError) as exc:
        raise UserError(str(exc)) from None


def _loaded_by_child(forked: ForkedAnalysis) -> Corpus | None:
    """The corpus the child loaded; its bad-input message becomes a UserError."""
    from ..errors import UserError
    from .background import CorpusLoadError

    try:
        return forked.loaded_corpus()
    except CorpusLoadError as exc:
        raise UserError(str(exc)) from None


def ReconcileApp(corpus: Corpus, theme_name: str | None = None,  # noqa: N802 - a factory named as the app
                 notes_path: Path | None = None, analysis: Analysis | None = None) -> ReaderApp:
    """The reader app for `corpus`, with its engine already at work.

    `analysis` skips the engine (tests pass a hand-built one).  Raises
    tui.errors.UserError for an unknown theme; the engine child is stopped then.
    """
    from .background import ForkedAnalysis, can_fork

    forked = None
    if analysis is None and can_fork():
        try:
            forked = ForkedAnalysis(corpus, notes_path)
        except OSError:
            forked = None
    try:
        _import_reader()
        return _build(corpus, theme_name, notes_path, analysis, forked)
    except BaseException:
        if forked is not None:
            forked.close()
        raise


def _build(corpus: Corpus, theme_name: str | None, notes_path: Path | None,
           analysis: Analysis | None, forked: ForkedAnalysis | None) -> ReaderApp:
    """The ReaderApp, given the engine's result at once if the child has already sent it.

    Then the first paint shows the first dispute instead of "Reading the
    articles…" (a cached analysis, a small corpus).
    """
    from .reader import ReaderApp

    early = forked.result_if_ready() if forked is not None else None
    if forked is not None and early is not None and early[2] is None:  # notes problems: as usual
        analysis = early[1]
        forked.close()
        forked = None
    return ReaderApp(corpus, theme_name=theme_name, notes_path=notes_path,
                     analysis=analysis, forked=forked)


def _import_reader() -> None:
    """Import Textual and the reader once, without the cycle collector.

    Imports only create long-lived objects (modules, classes, CSS), so the
    collector's passes over them are wasted start-up time; afterwards they are
    frozen out of its way.
    """
    if "tui.ui.reader" in sys.modules:
        return
    collecting = gc.isenabled()
    gc.disable()
    try:
        from . import reader  # noqa: F401
    finally:
        if collecting:
            gc.enable()
        gc.freeze()
