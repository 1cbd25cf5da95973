"""The article's title among a page's first lines, and the lines that repeat it.

A page prints its headline once or more (the browser's "Headline | Site", the headline,
again under a picture) among mastheads, datelines and controls.  The title is the longest
headline-shaped line of the page's header that is none of those (nor a timeline's or a table's row); what a page glues before
it (a breadcrumb, a date label) is cut.  When the front matter gives the title, the page's
own copy is the article's first paragraph: the given title is metadata.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from . import boilerplate as b
from . import furniture as f
from .rows import is_row

HEADER_UNITS = 10  # page headers sit in the first few units of a file
HEADLINE_TEXT_WORDS = 4  # a headline, not a label ("Opinion", "World news")


class Block(Protocol):
    """A unit of the page as the cleaner cuts it: its kind (text, heading, list ...) and text."""

    @property
    def kind(self) -> str: ...

    @property
    def text(self) -> str: ...


def pick_title(units: Sequence[Block], first_prose: int, foreign: set[int]) -> tuple[str | None, int | None]:
    """The article title: a heading, else the longest headline-shaped header line in the page's script."""
    header = range(min(first_prose, HEADER_UNITS, len(units)))
    for i in header:
        if units[i].kind == "heading":
            return units[i].text.lstrip("#").strip(), i
    best: int | None = None
    for i in header:
        text = units[i].text
        if units[i].kind != "text" or i in foreign or f.unfit_title(text) or f.label_reason(text) or is_row(text):
            continue
        if len(f.words(text)) < 3 or f.ends_sentence(text.rstrip("?!")) or f.is_byline(text, for_shape=False):
            continue
        if best is None or len(text) > len(units[best].text):
            best = i
    return (bare_title(units[best].text), best) if best is not None else (None, None)


def bare_title(text: str) -> str:
    """The headline without what a page glues before it: a breadcrumb ("Home / News / ") or a date
    label ("date 2023-02-05 "); a title is never a trail of links or a date."""
    trail = b.BREADCRUMB.match(text)
    if trail and trail.end() < len(text):
        text = text[trail.end():]
    date = b.LEADING_DATE.match(text)
    return text[date.end():] if date else text


def deck_index(units: Sequence[Block], title_index: int | None, title_key: str | None) -> int | None:
    """The unit right under the headline (the title line, or the line repeating a given title):
    where a standfirst stands."""
    if title_index is not None:
        return title_index + 1
    if title_key is None:
        return None
    return next((i + 1 for i, u in enumerate(units[:HEADER_UNITS]) if f.normal_key(u.text) == title_key), None)


def title_lines(texts: list[str | None], title_index: int | None, title_key: str | None) -> set[int]:
    """The units that are the article's headline: the title line and the lines repeating the title."""
    same = {i for i, t in enumerate(texts) if t is not None and title_key and f.normal_key(t) == title_key}
    return same | ({title_index} if title_index is not None else set())


def headline_is_text(unit: Block, title_key: str | None = None) -> bool:
    """Is this copy of a title the front matter or the case file gives the article's first
    paragraph too?  Yes when it is the headline itself (not the browser's "Headline | Site")
    of HEADLINE_TEXT_WORDS words or more: the outlet's one-line account of what happened ("X
    rams Y", "Talks collapse over Z"), which readers compare like any paragraph; the given title
    is only metadata, so dropping the line loses the claim.  (Without a given title the headline
    is the title, as the sample's are, unless the file is a saved page: see `cleaning.clean`.)
    Without `title_key` the unit is the title line itself."""
    return (unit.kind == "text" and len(f.words(unit.text)) >= HEADLINE_TEXT_WORDS
            and (title_key is None or f.normal_key(unit.text) == title_key))
