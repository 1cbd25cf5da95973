"""Which words to highlight: an adapter over the engine's `word_diff`.

The pairing engine owns word-level differences (`tui.engine.export.worddiff`); the
reader only draws them.  The module is imported lazily (not needed for the
first paint), and if it is missing or its result has a shape this adapter does
not know, the reader shows the text without highlights rather than failing.
"""

from __future__ import annotations

import re
from functools import lru_cache

Spans = tuple[tuple[int, int], ...]
_NO_DIFF = None


@lru_cache(maxsize=1)
def _engine_word_diff():
    try:
        from ..engine.export.worddiff import word_diff
    except ImportError:
        return _NO_DIFF
    return word_diff


@lru_cache(maxsize=2048)
def differing_spans(text: str, other: str) -> Spans:
    """Character spans of `text` holding words that `other` lacks (may be empty)."""
    word_diff = _engine_word_diff()
    if word_diff is None or not text or not other:
        return ()
    try:
        result = word_diff(text, other)
    except Exception:  # a bug in the engine must not break reading
        return ()
    return _spans_for_first(result, text)


def _spans_for_first(result, text: str) -> Spans:
    """Normalise the engine's result to spans in `text` (the first argument)."""
    side = result
    for name in ("only_a", "a_only", "removed", "a", "left"):
        if hasattr(result, name):
            side = getattr(result, name)
            break
    else:
        if isinstance(result, tuple) and len(result) == 2 and not _is_span(result):
            side = result[0]
    spans: list[tuple[int, int]] = []
    for item in side or ():
        if hasattr(item, "a_span") and hasattr(item, "tag"):  # DiffOp, spans into both
            if item.tag in ("replace", "delete"):
                spans.append(tuple(item.a_span))
        elif _is_span(item):
            spans.append((int(item[0]), int(item[1])))
        elif hasattr(item, "start") and hasattr(item, "end"):
            spans.append((int(item.start), int(item.end)))
        elif isinstance(item, str) and item.strip():
            spans.extend(_find_word(text, item))
    return tuple(sorted({s for s in spans if 0 <= s[0] < s[1] <= len(text)}))


def _is_span(item) -> bool:
    return (isinstance(item, tuple) and len(item) == 2
            and all(isinstance(v, int) for v in item))


def _find_word(text: str, word: str) -> list[tuple[int, int]]:
    pattern = r"(?<!\w)" + re.escape(word) + r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]
