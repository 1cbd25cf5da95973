"""Split a paragraph into sentences with exact offsets.

News prose defeats naive splitting on ". ": titles and initials (Gen., Q.,
Jr.), dotted acronyms (U.S.), ellipses inside trimmed quotes, and quotations
that run over several sentences before their attribution ("... intentional.
We know ...," Milley said.).  A quotation is one claim, so the splitter does
not break inside an open double quote unless the quote never closes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Words that end with a period but rarely end a sentence.
TITLES = frozenset(
    "mr mrs ms dr gen capt col lt sgt cpl maj adm cmdr rep sen gov pres prof rev hon "
    "st mt ft no nos vs v fig approx dept est gen. lt.col brig".split()
)
# Abbreviations that may end a sentence: split only when a common sentence
# opener follows (e.g. "... in the U.S. The next day ...").
MAYBE_FINAL = frozenset(
    "jr sr inc corp co ltd llc etc al jan feb mar apr jun jul aug sep sept oct nov dec "
    "a.m p.m".split()
)
OPENERS = frozenset(
    "the a an he she it they we i you this that these those there but and so yet "
    "in on at after before when while as if however meanwhile earlier later his her "
    "their its our one some many most both".split()
)

_END = re.compile(r"[.!?]+|…|\.\.\.")
_CLOSERS = "\"'”’)]»"
_OPENERS_PUNCT = "\"'“‘([«"
_QUOTES = re.compile('[“”"]')
_QUOTE_LIMIT = 800  # an open quote longer than this is taken as unbalanced


def split_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Sentence spans (absolute, using `offset`) covering `text` without edge spaces."""
    spans: list[tuple[int, int]] = []
    start = skip_space(text, 0)
    for cut in _cuts(text):
        end = trim_end(text, start, cut)
        if end > start:
            spans.append((offset + start, offset + end))
        start = skip_space(text, cut)
    end = trim_end(text, start, len(text))
    if end > start:
        spans.append((offset + start, offset + end))
    return spans


def skip_space(text: str, i: int, end: int | None = None) -> int:
    """The first position at or after i (before `end`) that is not whitespace."""
    stop = len(text) if end is None else end
    while i < stop and text[i].isspace():
        i += 1
    return i


def trim_end(text: str, start: int, end: int) -> int:
    """The end of text[start:end] without trailing whitespace."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _cuts(text: str) -> Iterator[int]:
    """Positions just after each sentence end (after closing quotes)."""
    quote_open_at: int | None = None
    last = 0
    for match in _END.finditer(text):
        quote_open_at = _quote_state(text, last, match.start(), quote_open_at)
        last = match.start()
        end = match.end()
        while end < len(text) and text[end] in _CLOSERS:
            end += 1
        if end > match.end() and text[end - 1] == '"' and end < len(text) and text[end].isalpha():
            end -= 1  # a straight quote glued to the next word opens it: attack."The
        closed_quote = any(c in "”\"" for c in text[match.end():end])
        if not _is_boundary(text, match, end):
            continue
        if quote_open_at is not None and not closed_quote:
            if match.start() - quote_open_at < _QUOTE_LIMIT:
                continue
        if closed_quote:
            quote_open_at = None
            last = end
        yield end


def _quote_state(text: str, a: int, b: int, open_at: int | None) -> int | None:
    """Track whether a double quotation is open between positions a and b."""
    for match in _QUOTES.finditer(text, a, b):
        ch = match.group(0)
        if ch == "“":
            open_at = match.start()
        elif ch == "”":
            open_at = None
        else:
            open_at = match.start() if open_at is None else None
    return open_at


def _is_boundary(text: str, match: re.Match[str], end: int) -> bool:
    """Is the punctuation at `match` (closers up to `end`) a sentence end?"""
    if end >= len(text):
        return False
    if not text[end].isspace():
        return _run_together(text, match, end)
    nxt = skip_space(text, end)
    if nxt >= len(text):
        return False
    first = text[nxt]
    if not (first.isupper() or first.isdigit() or first in _OPENERS_PUNCT):
        return False
    mark = match.group(0)
    if mark in ("…", "...") and end == match.end():
        return False  # an ellipsis inside a sentence ("It's very aggressive. … We have")
    if mark != ".":
        return True
    word = _word_before(text, match.start())
    lower = word.lower().rstrip(".")
    next_word = re.match(r"[\w’']+", text[nxt:])
    opener = next_word is not None and next_word.group(0).lower() in OPENERS
    if lower in TITLES:
        return False
    if len(word) == 1 and word.isupper():
        return False  # an initial: "Charles Q. Brown"
    if "." in word or lower in MAYBE_FINAL:
        return opener  # "U.S." / "Jr." end a sentence only before an opener
    return True


def _run_together(text: str, match: re.Match[str], end: int) -> bool:
    """Two sentences with no space between them ("the border.The ministry").

    Pages copied out of browsers lose the space after a full stop.  Only a
    lower-case word of two or more letters before the mark (any word when a closing
    quotation mark follows it) and a capitalised word after it count, so "U.S.Navy",
    "Mr.Smith", "3.5" and "RT.com" stay whole.
    """
    if match.group(0) not in (".", "!", "?") or not re.match(r"[A-Z“\"][a-z]", text[end:end + 2]):
        if not (text[end:end + 1] in "“\"" and re.match(r"[A-Z]", text[end + 1:end + 2] or "")):
            return False
    word = _word_before(text, match.start())
    closed = end > match.end()   # a closing quote between them: 'in Kurdistan.”Iraq has denied'
    return len(word) >= 2 and word.isalpha() and (word.islower() or closed) and word.lower() not in TITLES


def _word_before(text: str, i: int) -> str:
    j = i
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] == "."):
        j -= 1
    return text[j:i]
