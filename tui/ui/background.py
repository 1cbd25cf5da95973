"""Run the engine without freezing the reader, on the second core when possible.

The first analysis runs in a forked child process started before Textual is
imported, so it overlaps Textual's start-up and first paint instead of
following them (on this 2-core target that is most of the time to the first
dispute).  Given a path rather than a loaded corpus, the child loads the
corpus too (about 45 ms of imports and reading that the parent would
otherwise spend before the fork) and sends it first.  The child sends
length-prefixed pickled frames over a pipe: ("corpus", corpus) or
("corpus-error", message) when it loads, then ("progress", stage, done,
total), then ("result", analysis, problem) or ("error", message).  Where
fork is unavailable or unsafe (not Linux, threads already running) and for
later re-runs, `analyse_here` runs in the caller's thread instead.  Either
way the app reads the frames in a thread worker.
"""

from __future__ import annotations

import gc
import os
import pickle
import select
import struct
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, cast

from ..engine.environment import turned_off

if TYPE_CHECKING:  # the parent forks before it needs the engine's classes
    from ..engine.model import Analysis, Corpus

_HEADER = struct.Struct("<Q")
PROGRESS_EVERY = 0.05  # seconds between progress frames
PIPE_SIZE = 1 << 20  # bytes: the usual limit for an unprivileged process on Linux


def notes_inputs(corpus: Corpus, notes_path: Path | None) -> tuple[list, list, str | None]:
    """The user's pairing links and side fixes from the notes file, and any problem."""
    try:
        from ..engine.notes import open_store
    except ImportError:  # a build without the notes engine
        return [], [], None
    store = open_store(corpus, notes_path)
    links, fixes = store.engine_inputs(corpus)
    return links, fixes, store.problem


def analyse_here(corpus: Corpus, notes_path: Path | None,
                 progress: Callable[[str, int, int], None]) -> tuple[Analysis, str | None]:
    """The engine in this process (thread workers, re-runs, the forked child).

    A result cached by an earlier launch on the same corpus, notes decisions
    and engine is read instead of recomputed (tui.engine.cache).
    """
    from ..engine.cache import analyse_cached

    links, fixes, problem = notes_inputs(corpus, notes_path)
    return analyse_cached(corpus, links, fixes, progress), problem


def can_fork() -> bool:
    return (sys.platform.startswith("linux") and hasattr(os, "fork")
            and threading.active_count() == 1 and not turned_off("fork"))


class CorpusLoadError(Exception):
    """The child could not load the corpus; str() is the loader's one-line message."""


class ForkedAnalysis:
    """`analyse` in a child process; iterate `frames()` (blocking) for its reports.

    `source` is a loaded corpus, or the path of one for the child to load:
    then `loaded_corpus()` waits for it.
    """

    def __init__(self, source: Corpus | Path, notes_path: Path | None, follow_links: bool = False) -> None:
        read_fd, write_fd = os.pipe()
        _widen(write_fd)
        pid = os.fork()
        if pid == 0:  # the child: compute, report, leave without running the parent's cleanup
            gc.freeze()  # what the parent imported lives as long as this process
            gc.enable()  # the parent may start up without it (tui.ui.app.run_reader)
            os.close(read_fd)
            code = 0
            try:
                _child(source, notes_path, os.fdopen(write_fd, "wb"), follow_links)
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        os.close(write_fd)
        self.pid = pid
        self._pipe: BinaryIO = os.fdopen(read_fd, "rb")
        self._early: list[tuple] = []  # frames already read by `result_if_ready`
        self.corpus: Corpus | None = None if _is_path(source) else cast("Corpus", source)

    def loaded_corpus(self) -> Corpus | None:
        """The corpus the child loaded (waits for it), or None if the child failed otherwise.

        Raises CorpusLoadError for a corpus that cannot be opened (bad input).
        None leaves the caller to load the corpus itself, so that an unexpected
        error surfaces there as it would without the child.
        """
        if self.corpus is None:
            frame = self._read_frame()
            if frame[0] == "corpus-error":
                raise CorpusLoadError(frame[1])
            if frame[0] == "corpus":
                self.corpus = frame[1]
            else:
                self._early.append(frame)
        return self.corpus

    def _read_frame(self) -> tuple:
        """The next frame; a child that died mid-frame (the OOM killer) is an error frame."""
        ended = ("error", "the engine process ended without a result")
        try:
            header = self._pipe.read(_HEADER.size)
            if len(header) < _HEADER.size:
                return ended
            (size,) = _HEADER.unpack(header)
            body = self._pipe.read(size)
            if len(body) < size:
                return ended
            return pickle.loads(body)
        except (OSError, ValueError, EOFError, pickle.UnpicklingError):
            return ended

    def result_if_ready(self) -> tuple | None:
        """The ("result", analysis, problem) frame if the child has already sent it, else None.

        Never waits for the child's work: it reads only frames that have
        started to arrive (a cached analysis is usually there before Textual
        has finished importing).  Frames read here are replayed by `frames()`.
        """
        while not self._early or self._early[-1][0] == "progress":
            if self._pipe.closed or not select.select([self._pipe], [], [], 0)[0]:
                return None
            self._early.append(self._read_frame())
        frame = self._early[-1]
        return frame if frame[0] == "result" else None

    def frames(self) -> Iterator[tuple]:
        """Frames until the result or an error; a dead child is reported as an error."""
        try:
            while True:
                frame = self._early.pop(0) if self._early else self._read_frame()
                yield frame
                if frame[0] in ("result", "error"):
                    return
        finally:
            self.close()

    def close(self) -> None:
        """Reap the child (kill it if it is still working), then close the pipe.

        In that order: a worker thread blocked reading the pipe holds the
        reader's lock, so closing first would wait for a child that works on
        (quitting during the analysis hung); the killed child's end closes,
        the read returns, and the lock is free.
        """
        if self._pipe.closed:
            return
        try:
            done, _ = os.waitpid(self.pid, os.WNOHANG)
            if done == 0:
                os.kill(self.pid, 9)
                os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        self._pipe.close()


def _child(source: Corpus | Path, notes_path: Path | None, out: BinaryIO, follow_links: bool = False) -> None:
    def send(frame: tuple) -> None:
        data = pickle.dumps(frame, protocol=pickle.HIGHEST_PROTOCOL)
        out.write(_HEADER.pack(len(data)))
        out.write(data)
        out.flush()

    last: list = [0.0, None]  # when the last progress frame was sent, and its stage

    def progress(stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] >= PROGRESS_EVERY or done >= total or stage != last[1]:
            last[:] = [now, stage]
            send(("progress", stage, done, total))

    corpus = _load(Path(cast(Path, source)), send, follow_links) if _is_path(source) \
        else cast("Corpus", source)
    if corpus is None:
        return
    try:
        analysis, problem = analyse_here(corpus, notes_path, progress)
    except Exception as exc:
        send(("error", f"{type(exc).__name__}: {exc}"))
        return
    send(("result", analysis, problem))


def _widen(fd: int) -> None:
    """Make the pipe hold a whole corpus frame (75 KB for the sample; the default holds 64 KB).

    Otherwise the child would wait, before it can start the analysis, until
    the parent has finished importing Textual and reads the corpus.
    """
    try:
        import fcntl

        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, PIPE_SIZE)
    except (ImportError, AttributeError, OSError):
        pass  # a smaller pipe costs time, not correctness


def _is_path(source: object) -> bool:
    return isinstance(source, (str, os.PathLike))


def _load(path: Path, send: Callable[[tuple], None], follow_links: bool) -> Corpus | None:
    """Load the corpus in the child and send it (or why it cannot be opened) first."""
    from ..engine.casefile import CaseFileError
    from ..engine.loading import CorpusError, load_corpus

    try:
        corpus = load_corpus(path, follow_links)
    except (CorpusError, CaseFileError) as exc:
        send(("corpus-error", str(exc)))
        return None
    except Exception as exc:
        send(("error", f"{type(exc).__name__}: {exc}"))
        return None
    send(("corpus", corpus))
    return corpus
