"""Start the reader: the engine first, then Textual.

`ReconcileApp(corpus, ...)` is what the CLI calls.  It forks the engine into a
child process *before* importing Textual, so the analysis (on the second
core) overlaps Textual's import, start-up and first paint; then it builds the
Textual app (`tui.ui.reader.ReaderApp`), which reads the child's results in a
worker; if they are already there (a cached analysis usually is), they are
handed to the app directly and its first paint shows the first dispute.  Where forking is not possible the app runs the engine in a thread
worker after its first paint.  Nothing here imports Textual.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..engine.model import Analysis, Corpus

if TYPE_CHECKING:
    from .reader import ReaderApp


def ReconcileApp(corpus: Corpus, theme_name: str | None = None,  # noqa: N802 - the CLI's name
                 notes_path: Path | None = None, analysis: Analysis | None = None) -> ReaderApp:
    """The reader app for `corpus`, with its engine already at work.

    `analysis` skips the engine (tests pass a hand-built one).  Raises
    tui.cli.UserError for an unknown theme; the engine child is stopped then.
    """
    from .background import ForkedAnalysis, can_fork

    forked = None
    if analysis is None and can_fork():
        try:
            forked = ForkedAnalysis(corpus, notes_path)
        except OSError:
            forked = None
    try:
        if "tui.ui.reader" not in sys.modules:
            _import_reader()
        from .reader import ReaderApp

        # The engine may be done already (a cached analysis, a small corpus): then the
        # first paint shows the first dispute instead of "Reading the articles…".
        early = forked.result_if_ready() if forked is not None else None
        if early is not None and early[2] is None:  # a notes problem goes the usual way
            analysis = early[1]
            forked.close()
            forked = None

        return ReaderApp(corpus, theme_name=theme_name, notes_path=notes_path,
                         analysis=analysis, forked=forked)
    except BaseException:
        if forked is not None:
            forked.close()
        raise


def _import_reader() -> None:
    """Import Textual and the reader once, without the cycle collector.

    Imports only create long-lived objects (modules, classes, CSS), so the
    collector's passes over them are wasted start-up time; afterwards they are
    frozen out of its way.
    """
    gc.disable()
    try:
        from . import reader  # noqa: F401
    finally:
        gc.enable()
        gc.freeze()
