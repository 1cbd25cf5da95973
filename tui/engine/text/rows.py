"""Rows that state something: a timeline's, a table's, a list's or a headline's line kept short.

The cleaner takes a short line without a sentence end for a label ("Most read", "Share this").
Articles print claims in that shape too, one to a line: a timeline ("June 3 - Ferry runs
aground", "10:42 - First distress call"), a box of figures ("Injured: 14 (3 seriously)",
"2023: 14 incidents, 2 deaths"), numbered demands ("1) An independent inquiry"), a speaker or a
live blog's tag before what it says ("Owners: pilot ignored warnings", "UPDATE: Death toll rises
to 14"), and short headlines that tell ("Navy denies involvement", "12 killed, 40 injured").
`states_row` reads those shapes; the cleaner keeps such a line as text wherever a label's shape
alone would have dropped it.  Each test reads the row's shape and what its words do, never a
topic: a row that names a web page's counter ("Views: 866"), stamp ("Updated: 10:42") or
contact ("Tel: 0123 456") states nothing about the story.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import furniture as f
from .tells import has_finite_verb
from .tokens import words

_MONTH = f.b.MONTH + r"\.?"
_DAY = (rf"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
        rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}})")
_CLOCK = r"\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?|gmt|utc|cet|est|local time|hrs))?"
# A timeline's row: when, a dash or a colon, then what happened.
_TIMELINE_ROW = re.compile(rf"^\s*(?:{_DAY}(?:,?\s+(?:at\s+)?{_CLOCK})?|{_CLOCK})\s*[-–—:|]\s*(?P<event>[^\W\d_\"“‘'].*)$", re.I)
# A row of figures: a label of a few words (or a year), a colon, then the figures.
_FIGURE_ROW = re.compile(r"^\s*\|?\s*(?P<label>[^\W\d_](?:[^\W\d]|[ '’-]){0,30}?|\d{4})\s*[:|]\s*(?P<value>[$€£¥]?\d.*)$")
# A numbered item: "1) An independent inquiry", "(3) Apology by the navy", "2. Withdrawal of troops".
_NUMBERED = re.compile(r"^\s*(?:\(\d{1,2}\)|\d{1,2}[.)])\s+(?P<item>[^\W\d_].*)$")
# A share given in a row: "Northport 1,204 votes (52.1%)", "Turnout: 61%" (not an offer: "Save 50%").
_SHARE_ROW = re.compile(r"^(?P<row>(?!.*\b(?:off|save|discount|sale)\b).*\d\s*(?:%|per ?cent\b).*)$", re.I)
# A bulleted item: "- Captain detained by police", "• 212 passengers, 31 crew".
_BULLET = re.compile(r"^\s*[-–•*·]\s+(?P<item>\S.*)$")
# A tag or a speaker before what it says: "Owners: pilot ignored ...", "UPDATE: Death toll rises ...".
_TAGGED = re.compile(r"^\s*(?P<who>[^\W\d_](?:[^\W\d]|[ .'’-]){0,40}?)\s*:\s+(?P<head>\S.*)$")
# What a page counts, stamps or lists about itself, and its contacts: such a row states nothing.
_PAGE_WORDS = frozenset("""view views comment comments share shares like likes read reads reading page pages photo
photos image images picture pictures video videos gallery slide slides updated published posted modified
date time duration length tel telephone phone fax mobile email e-mail call whatsapp issue vol volume no number edition
episode part chapter season follow followers subscribers rating price isbn id ref copyright file previous next prev
newer older related latest also see watch listen""".split())
_STAMP = re.compile(r"\b(?:updated|published|posted|modified|ago|min(?:ute)?s? read)\b", re.I)
_FIGURE = re.compile(r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|scores|hundreds"
                     r"|thousands)\b", re.I)   # a count in words: "TWO DEAD AFTER FERRY SINKS"
# A count of things ("212 passengers"), not a date's day or year ("September 29, 2016").
_COUNT = re.compile(rf"(?<![\d,.:/-])\d[\d,.]*\s+(?!{_MONTH})[^\W\d_]", re.I)
TAG_WORDS = 4     # "Foreign Ministry spokesman:"; a longer "label" before a colon is a sentence
SHARE_ROW_WORDS = 12   # a row of a vote's or a poll's results, not a paragraph citing a share
EVENT_WORDS = 3   # "June 3 - Ferry runs aground": fewer words after the date are a stamp's ("June 3 - 10:42")


def states_row(line: str) -> bool:
    """Is this short line a row that states something (see the module's docstring)?"""
    if _STAMP.search(line) or "?" in line:
        return False   # a page's stamp, or a subheading that asks
    for pattern, states in _ROWS:
        match = pattern.match(line)
        if match and states(match):
            return True
    return f.tells_toll(line) or (has_finite_verb(line) and (f.has_claim_word(line) or _FIGURE.search(line) is not None))


def is_row(line: str, bullets: bool = False) -> bool:
    """A timeline's, a table's or a numbered list's row: the article's below its prose too, where
    a run of headlines is a list of other stories (a bulleted headline is as often one of those)."""
    if _STAMP.search(line) or "?" in line:
        return False
    return any((match := pattern.match(line)) is not None and states(match) for pattern, states in _ROWS[:5 if bullets else 4])


def _event(match: re.Match[str]) -> bool:
    event = match.group("event")
    return (len(words(event)) >= EVENT_WORDS or has_finite_verb(event)) and not f.is_date(event) \
        and not f.unfit_title(event) == "address"


def _figures(match: re.Match[str]) -> bool:
    return not _names_page(match.group("label")) and not f.is_date(match.group("value"))


def _item(match: re.Match[str]) -> bool:
    return len(words(match.group("item"))) >= EVENT_WORDS


def _share(match: re.Match[str]) -> bool:
    return not f.ends_sentence(match.group("row")) and len(words(match.group("row"))) <= SHARE_ROW_WORDS


def _bullet(match: re.Match[str]) -> bool:
    item = match.group("item")
    return "@" not in item and (has_finite_verb(item) or _COUNT.search(item) is not None)   # "@": a post's signature


def _tagged(match: re.Match[str]) -> bool:
    who = match.group("who")
    return len(words(who)) <= TAG_WORDS and not _names_page(who) and has_finite_verb(match.group("head"))


_ROWS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], bool]], ...] = (
    (_TIMELINE_ROW, _event), (_FIGURE_ROW, _figures), (_NUMBERED, _item), (_SHARE_ROW, _share), (_BULLET, _bullet),
    (_TAGGED, _tagged))


def _names_page(text: str) -> bool:
    return any(w.lower() in _PAGE_WORDS for w in words(text))


# A quotation's speaker on the line below it: "— Navy spokesman", "- Foreign Minister Jane Doe".
_SPEAKER_ROW = re.compile(r"^\s*[—–-]\s*(?P<who>[^\W\d_][^.!?:|/@]*)$")
SPEAKER_ROW_WORDS = 8
_SHAPE_REASONS = ("short line without sentence punctuation", "subheading")


def speakers_under_quotes(texts: list[str | None], reasons: list[str | None]) -> None:
    """Keep the speaker's line under a kept quotation alone: it says whose words they are, which
    the reading needs to attribute the claim; dropped for its shape alone, the quote loses its speaker.
    A pull quote dropped above it takes its speaker along (the paragraph quoting it names them)."""
    for i in range(1, len(texts)):
        text, above = texts[i], texts[i - 1]
        if text is None or above is None or reasons[i - 1] is not None or not (reasons[i] or "").startswith(_SHAPE_REASONS):
            continue
        match = _SPEAKER_ROW.match(text)
        if match and len(words(match.group("who"))) <= SPEAKER_ROW_WORDS and f.quotes_words(above):
            reasons[i] = None
