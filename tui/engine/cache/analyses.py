"""Analyses in the cache: stored as two pickles (what the disputes screen shows, then the
pairs), so the reader's engine child can send the first while the second is unpickled;
and the engine run through the cache (`analyse_cached`, `analysed_parts`)."""

from __future__ import annotations

import pickle
import struct
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from ..model import Analysis, Corpus, Link, SideFix
from .entries import SUFFIX, cache_dir, read_entry, write_entry
from .keys import cache_key

_LENGTH = struct.Struct("<Q")


def load(key: str, folder: Path | None = None) -> Analysis | None:
    """The cached analysis for `key`, or None (missing, unreadable, corrupt, cache off)."""
    parts = load_parts(key, folder)
    if parts is None:
        return None
    try:
        analysis = join(pickle.loads(parts[0]), pickle.loads(parts[1]))
    except Exception:  # a damaged entry: a miss, rewritten by the next store
        return None
    return analysis


def load_parts(key: str, folder: Path | None = None) -> tuple[bytes, bytes] | None:
    """The entry's two pickles (see `split`), verified but not unpickled, or None."""
    body = read_entry(f"{key}{SUFFIX}", folder)
    if body is None or len(body) < _LENGTH.size:
        return None
    (size,) = _LENGTH.unpack_from(body)
    start = _LENGTH.size
    if start + size > len(body):
        return None
    return body[start:start + size], body[start + size:]


def split(analysis: Analysis) -> tuple[bytes, bytes]:
    """The analysis as two pickles: without its pairs (all the disputes screen shows), and
    (pairs, article_similarity), which are most of its size and unpickling time."""
    lean = replace(analysis, pairs=(), article_similarity=())
    return (pickle.dumps(lean, protocol=pickle.HIGHEST_PROTOCOL),
            pickle.dumps((analysis.pairs, analysis.article_similarity), protocol=pickle.HIGHEST_PROTOCOL))


def join(lean: object, rest: object) -> Analysis:
    """The analysis `split` took apart; TypeError for parts that are not one."""
    if not isinstance(lean, Analysis) or not isinstance(rest, tuple) or len(rest) != 2:
        raise TypeError("not a split analysis")
    return replace(lean, pairs=rest[0], article_similarity=rest[1])

def store(key: str, analysis: Analysis, folder: Path | None = None,
          parts: tuple[bytes, bytes] | None = None) -> bool:
    """Write the entry atomically and prune the folder; False when it could not be written.

    `parts` is `split(analysis)` when the caller has it already.
    """
    try:
        lean, rest = parts or split(analysis)
    except Exception:
        return False
    return write_entry(f"{key}{SUFFIX}", _LENGTH.pack(len(lean)) + lean + rest, folder)


def analyse_cached(corpus: Corpus, links: Sequence[Link] = (), fixes: Sequence[SideFix] = (),
                   progress: Callable[[str, int, int], None] | None = None) -> Analysis:
    """`analyse(corpus, links, fixes, progress)`, read from the cache when it is there."""
    analysis, keep = analyse_then_keep(corpus, links, fixes, progress)
    keep()
    return analysis


def analyse_then_keep(corpus: Corpus, links: Sequence[Link] = (), fixes: Sequence[SideFix] = (),
                      progress: Callable[[str, int, int], None] | None = None
                      ) -> tuple[Analysis, Callable[[], object]]:
    """`analyse_cached`, with the storing of a fresh result left to the caller: `keep()`
    writes the entry (nothing for a result read from the cache).  The reader's engine
    child sends its result first and stores it after, off the way to the first dispute."""
    folder = cache_dir()
    key = cache_key(corpus, links, fixes) if folder is not None else None
    if key is not None:
        cached = load(key, folder)
        if cached is not None:
            return cached, _nothing
    from ..analysis import analyse

    analysis = analyse(corpus, links, fixes, progress)
    if key is None:
        return analysis, _nothing
    return analysis, lambda: store(key, analysis, folder)


def _nothing() -> None:
    """No entry to write."""


def cached_parts(corpus: Corpus, links: Sequence[Link] = (),
                 fixes: Sequence[SideFix] = ()) -> tuple[bytes, bytes] | None:
    """The cached entry's two pickles for this analysis (see `split`), or None."""
    folder = cache_dir()
    return load_parts(cache_key(corpus, links, fixes), folder) if folder is not None else None


def analysed_parts(corpus: Corpus, links: Sequence[Link] = (), fixes: Sequence[SideFix] = (),
                   progress: Callable[[str, int, int], None] | None = None) -> tuple[bytes, bytes]:
    """`split(analyse_cached(...))`, a cached entry's pickles forwarded as they are (the
    reader's engine child sends them on; unpickling them here would only cost time)."""
    parts = cached_parts(corpus, links, fixes)
    if parts is not None:
        return parts
    from ..analysis import analyse

    analysis = analyse(corpus, links, fixes, progress)
    parts = split(analysis)
    folder = cache_dir()
    if folder is not None:
        store(cache_key(corpus, links, fixes), analysis, folder, parts)
    return parts

