"""Words of a line, counted once: most of the cleaner's tests start by counting them.

A line is judged from several places (list blocks, wrapping, titles, prose, reasons), so the
tests on whole lines remember their answers for the last `CACHE` lines they saw.
"""

from __future__ import annotations

import re
from functools import lru_cache

CACHE = 8192        # lines remembered per test
_WORD = re.compile(r"[^\W\d_][\w’'.-]*", re.UNICODE)


@lru_cache(maxsize=CACHE)
def words(text: str) -> tuple[str, ...]:
    """The words of a text (a tuple: it is cached and shared)."""
    return tuple(_WORD.findall(text))
