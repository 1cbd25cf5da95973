"""Helpers that use the machine better without changing a result: the cycle collector paused
while the engine builds its many objects, and one stage run in a forked process beside another.

Why pause the collector: the engine allocates millions of small objects (units, pairs, refs)
that live until the end, and never cycles worth collecting (at 982 articles the collector's
passes found about 500 objects in total).  Each full pass walks every live object: with the
corpus and its pairs in memory, a tenth of the analysis's CPU time went to passes that freed
nothing.

Why a forked process: the machine has two cores and most stages run one after the other in one
process.  A stage whose input is ready and whose result is small (the inferred sides, the article
rows) runs in a forked child while the parent goes on with a stage that does not need it; the
child sends its result back pickled.  The child runs the same function on the same input, so
the result is the same as in one process; where fork is unavailable, with `RECONCILE_NO_POOL=1`,
or when threads are running (a fork copies no thread but the caller's), the stage runs in the
parent at once (and again there, should a child fail).
"""

from __future__ import annotations

import gc
import os
import pickle
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Generic, TypeVar

from .environment import turned_off

T = TypeVar("T")
I = TypeVar("I")


@contextmanager
def collector_paused(keep: bool = False) -> Iterator[None]:
    """Run the block with the cycle collector off, turning it back on after (if it was on).

    With `keep`, for objects that live until the process ends (an export's analysis): when
    the block leaves many objects (KEEP_FROM) in the youngest generation, which holds everything
    made while the collector was off, they are set outside every later pass (`gc.freeze`: every
    object tracked now) before it is on again.  Without it, its first passes after the pause
    walk all of them (0.3-0.5 s for each of two passes at 982 articles); a block that made few
    freezes nothing (a process that runs many small exports keeps collecting their cycles)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            if keep and gc.get_count()[0] >= KEEP_FROM:
                gc.freeze()
            gc.enable()


#: Objects left in the youngest generation from which `collector_paused(keep=True)` freezes them:
#: a pass over fewer costs a few milliseconds (the sample's export leaves about 30,000; 982 articles, millions).
KEEP_FROM = 200_000


class Background(Generic[T]):
    """A function's result, computed in a forked child when that is possible (`result()`
    waits for it), else computed at once, here.

    `work` must not depend on what the parent changes after the fork: it runs either on the
    state of the moment of the call or, should the child fail, again in the parent."""

    def __init__(self, work: Callable[[], T], fork: bool = True) -> None:
        self._work = work
        self._pid = 0
        self._fd = -1
        self._done: tuple[T] | None = None
        if fork and can_fork():
            self._start()
        if not self._pid:
            self._done = (work(),)

    def _start(self) -> None:
        read, write = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read)
            os.close(write)
            return
        if pid == 0:   # the child: compute, send, and leave without running the parent's exit code
            os.close(read)
            status = 1
            try:
                data = pickle.dumps(self._work(), pickle.HIGHEST_PROTOCOL)
                with os.fdopen(write, "wb") as out:
                    out.write(data)
                status = 0
            finally:
                os._exit(status)
        os.close(write)
        self._pid, self._fd = pid, read

    @property
    def forked(self) -> bool:
        """Whether a child is computing the result (else `result()` will)."""
        return self._pid != 0

    def result(self) -> T:
        """The work's result: the child's when it sent one, else computed here."""
        if self._done is not None:
            return self._done[0]
        if self._pid:
            with os.fdopen(self._fd, "rb") as pipe:
                data = pipe.read()
            _, status = os.waitpid(self._pid, 0)
            self._pid = 0
            if status == 0 and data:
                self._done = (pickle.loads(data),)
                return self._done[0]
        self._done = (self._work(),)
        return self._done[0]


def can_fork() -> bool:
    """Whether a stage may run in a forked child: fork exists, pools are not turned off, and
    this is the process's only thread."""
    return hasattr(os, "fork") and not turned_off("pool") and threading.active_count() == 1


def in_two(items: Sequence[I], work: Callable[[Sequence[I]], list[T]], fork: bool = True,
           weight: Callable[[I], float] | None = None) -> list[T]:
    """`work(items)` as the concatenation of `work` on the first and on the second half, the
    second computed in a forked child meanwhile (`Background`).

    For a stage that maps each item on its own (`work` must give for a list the concatenation
    of what it gives for its parts) and whose result is small beside its time: at 982 articles
    the facts stage ran in one process while the second core was idle for over a second.
    `weight` (an item's share of the work) puts the cut where half the work is done, not
    half the items: the facts' largest questions come first, and the articles with the most
    sided sentences last, so halves by count kept one process waiting for the other."""
    half = len(items) // 2 if weight is None else halfway(items, weight)
    if not fork or half == 0 or half == len(items):
        return work(items)
    rest = Background(lambda: work(items[half:]))
    return work(items[:half]) + rest.result()


def halfway(items: Sequence[I], weight: Callable[[I], float]) -> int:
    """The number of first items whose weights reach half of the total (at least 1 when any)."""
    weights = [weight(item) for item in items]
    total, done = sum(weights), 0.0
    for n, w in enumerate(weights):
        done += w
        if done * 2 >= total:
            return n + 1
    return len(items)
