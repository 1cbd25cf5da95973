"""Run the engine without freezing the reader, on the second core when possible.

The first analysis runs in a forked child process started before Textual is
imported, so it overlaps Textual's start-up and first paint instead of
following them (on this 2-core target that is most of the time to the first
dispute).  Given a path rather than a loaded corpus, the child loads the
corpus too (about 45 ms of imports and reading that the parent would
otherwise spend before the fork) and sends it first.  The child sends
length-prefixed pickled frames over a pipe: ("corpus", corpus) or
("corpus-error", message) when it loads, then ("progress", stage, done,
total), then ("result", analysis, problem) or ("error", message).

A large corpus (PREVIEW_FROM article files or more) goes otherwise
(tui.ui.large_corpus), so that the reader shows disputes within seconds:
first ("preview", analysis, total), PREVIEW_ARTICLES articles of one story,
unless the cache has the result; then the full analysis as two pickles,
("lean", ...) without the pairs and ("rest", ...) with them, which the
parent turns into ("preview", analysis, total) and ("result", analysis,
problem), so the reader shows the facts while the pairs are unpickled.  The parent unpickles through a
reader that lets other threads run between pickle frames: a key pressed
while a large result arrives is still answered.  Where
fork is unavailable or unsafe (not Linux, threads already running) and for
later re-runs, the app runs the engine in a thread worker instead, on its
own notes store's decisions (tui.ui.state).  Either way that worker posts a
preview and a result alike as one `AnalysisArrived`.
"""

from __future__ import annotations

import gc
import io
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
PREVIEW_FROM = 150     # article files from which a corpus is previewed and cached as loaded
PREVIEW_ARTICLES = 50  # articles in the preview: 1-2 s of analysis at 1,000 articles


def notes_inputs(corpus: Corpus, notes_path: Path | None) -> tuple[list, list, str | None]:
    """The user's pairing links and side fixes from the notes file, and any problem.

    A corpus opened for the first time has no notes file: then there are no decisions
    and only its folder can be a problem, found without importing the store (its
    records, TOML reader and views), which the first launch's result would wait for.
    """
    try:
        from ..engine.notes.location import default_notes_path, folder_problem, no_file_yet
    except ImportError:  # a build without the notes engine
        return [], [], None
    path = notes_path if notes_path is not None else default_notes_path(corpus.path)
    if no_file_yet(path):
        return [], [], folder_problem(path.parent)
    from ..engine.notes import open_store

    store = open_store(corpus, path)
    links, fixes = store.engine_inputs(corpus)
    return links, fixes, store.problem


def analyse_here(corpus: Corpus, notes_path: Path | None,
                 progress: Callable[[str, int, int], None],
                 later: list[Callable[[], object]] | None = None) -> tuple[Analysis, str | None]:
    """The engine in the forked child, on the notes file's decisions.

    A result cached by an earlier launch on the same corpus, notes decisions
    and engine is read instead of recomputed (tui.engine.cache).  With
    `later`, the cache entry of a fresh result is not written here: what
    writes it is appended, for the child to run once it has sent the result.
    """
    from ..engine.cache import analyse_then_keep

    links, fixes, problem = notes_inputs(corpus, notes_path)
    analysis, keep = analyse_then_keep(corpus, links, fixes, progress)
    if later is None:
        keep()
    else:
        later.append(keep)
    return analysis, problem


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
        self._lean: tuple = (None, None)  # a large corpus's analysis without its pairs, and the problem
        self.corpus: Corpus | None = None if _is_path(source) else cast("Corpus", source)
        self._finished = False  # the result was read: the child only writes its cache entry

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
            elif frame[0] == "preview":  # a large corpus: the preview's, until the result's
                self.corpus = frame[1].corpus
                self._early.append(frame)
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
            frame = self._decoded(cast(tuple, loads(body)))
            self._finished = frame[0] == "result"
            return frame
        except (OSError, ValueError, EOFError, TypeError, pickle.UnpicklingError):
            return ended

    def _decoded(self, frame: tuple) -> tuple:
        """A large corpus's ("lean", ...) and ("rest", ...) frames as the reader's
        ("preview", ...) and ("result", ...)."""
        if frame[0] == "lean":
            lean = cast("Analysis", loads(frame[1]))
            self._lean = (lean, frame[2])
            return ("preview", lean, len(lean.corpus.articles))
        if frame[0] == "rest":
            from ..engine.cache import join

            lean, problem = self._lean
            return ("result", join(lean, loads(frame[1])), problem)
        return frame

    def result_if_ready(self) -> tuple | None:
        """The ("result", analysis, problem) frame if the child has already sent it, else None.

        Never waits for the child's work: it reads only frames that have
        started to arrive (a cached analysis is usually there before Textual
        has finished importing), and none past a preview (the reader shows
        that first).  Frames read here are replayed by `frames()`.
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
            self.close(wait=True)

    def close(self, wait: bool = False) -> None:
        """Reap the child (kill it if it is still working), then close the pipe.

        In that order: a worker thread blocked reading the pipe holds the
        reader's lock, so closing first would wait for a child that works on
        (quitting during the analysis hung); the killed child's end closes,
        the read returns, and the lock is free.  A child that has sent its
        result is writing its cache entry: it is never killed, but waited for
        (`wait`, the worker reading the frames) or reaped by a thread (the UI
        thread, which took the result before its first paint).
        """
        if self._pipe.closed:
            return
        try:
            done, _ = os.waitpid(self.pid, os.WNOHANG)
            if done == 0 and self._finished and wait:  # storing the result in the cache
                os.waitpid(self.pid, 0)
            elif done == 0 and self._finished:  # the same, reaped without holding up the UI
                threading.Thread(target=_reap, args=(self.pid,), daemon=True).start()
            elif done == 0:
                os.kill(self.pid, 9)
                os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        self._pipe.close()


def _reap(pid: int) -> None:
    """Wait for a child that has sent its result and is writing its cache entry."""
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass


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

    if _is_path(source):
        from .large_corpus import child_large, listed_articles, text_articles

        listed = listed_articles(Path(cast(Path, source)), follow_links)
        if listed is not None and text_articles(listed) >= PREVIEW_FROM:
            child_large(Path(cast(Path, source)), notes_path, send, progress, follow_links, listed)
            return
    gc.disable()  # a small corpus: its passes were ~3% of the way to the result, for no memory
    corpus = _load(Path(cast(Path, source)), send, follow_links) if _is_path(source) \
        else cast("Corpus", source)
    if corpus is None:
        return
    later: list[Callable[[], object]] = []
    try:
        analysis, problem = analyse_here(corpus, notes_path, progress, later)
    except Exception as exc:
        send(("error", f"{type(exc).__name__}: {exc}"))
        return
    send(("result", analysis, problem))
    for keep in later:  # the cache entry, written while the reader paints the result
        keep()


class _Yielding(io.RawIOBase):
    """Bytes read by pickle.load one frame (<= 64 KB) at a time, pausing between reads.

    pickle.loads of a large result holds the interpreter lock for seconds
    (26 MB of pairs at 1,000 articles): the reader's key presses waited for
    it.  Reading through this file, the unpickler returns to Python at every
    frame and `time.sleep(0)` hands the lock to a waiting thread.
    """

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self._bytes = data
        self._data = memoryview(data)
        self._at = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def,override]
        size = min(len(buffer), len(self._data) - self._at)
        buffer[:size] = self._data[self._at:self._at + size]
        self._at += size
        time.sleep(0)
        return size

    def readline(self, size: int | None = -1) -> bytes:
        limit = len(self._bytes) if size is None or size < 0 else min(len(self._bytes), self._at + size)
        end = self._bytes.find(b"\n", self._at, limit)
        stop = limit if end < 0 else end + 1
        line = bytes(self._data[self._at:stop])
        self._at = stop
        return line


def loads(data: bytes) -> object:
    """pickle.loads that lets other threads run while a large body is unpickled.

    Without the cycle collector meanwhile: the millions of new objects set off
    its full passes, which doubled the time and held the lock for 0.1-0.2 s
    each (the reader freezes what it keeps out of its way afterwards).
    """
    if len(data) < (1 << 20):
        return pickle.loads(data)
    collecting = gc.isenabled()
    gc.disable()
    try:
        return pickle.load(io.BufferedReader(_Yielding(data), 1 << 16))
    finally:
        if collecting:
            gc.enable()


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


def _load(path: Path, send: Callable[[tuple], None], follow_links: bool,
          announce: bool = True, progress: Callable[[str, int, int], None] | None = None) -> Corpus | None:
    """Load the corpus in the child and send it (or why it cannot be opened) first;
    `announce=False` sends only why it could not be loaded."""
    from ..engine.text.casefile import CaseFileError
    from ..engine.text.loading import CorpusError, load_corpus

    try:
        corpus = load_corpus(path, follow_links, progress=progress)
    except (CorpusError, CaseFileError) as exc:
        send(("corpus-error", str(exc)))
        return None
    except Exception as exc:
        send(("error", f"{type(exc).__name__}: {exc}"))
        return None
    if announce:
        send(("corpus", corpus))
    return corpus
