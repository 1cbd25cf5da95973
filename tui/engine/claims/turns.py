"""Who speaks a whole paragraph, before its sentences are read: a transcript's turn ("Name:
words"), a label line that names the speaker of the paragraph below it, a statement's header over
the points of a list, and the dateline that opens a story.  Attribution asks these first."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Article, Paragraph
from ..text.lexicons import DEBUNK_LABELS, SECTION_LABELS
from .sides import SideMatcher, is_gazetteer_name
from .speech import find_claims, role_head


@dataclass
class Last:
    speaker: str
    side: str | None
    span: tuple[int, int] | None
    according: bool = False  # "According to X, ...": what follows may still be X's account
    whole_text: bool = False  # "Statement by X:": X speaks every paragraph below, to the next label


# A transcript's turn: "Tan Kefei: On May 26, ...", "Reporter: ...", "A: ...".
_TURN = re.compile(r"(?P<who>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}):\s+\S")
ASKERS = frozenset("Q Question Reporter Journalist Correspondent Host Interviewer".split())
_ANSWERS = frozenset("A Answer".split())
_NOT_TURN = frozenset("""photo image video watch read also update note source editor live breaking
exclusive related file credit caption warning reference""".split()) | set(SECTION_LABELS) | set(DEBUNK_LABELS)


def turn(article: Article, paragraph: Paragraph, matcher: SideMatcher, answerer: Last | None) -> Last | None:
    """Who speaks a transcript paragraph ("Name: words"), or None for other paragraphs.

    A name the case or the gazetteer places is that side's; "Q:" or "Reporter:"
    asks (no side); "A:" is the last named answerer.  A place before a colon is
    a dateline ("New Delhi: ..."), and labels ("Photo:", "Read also:") are not
    speakers.
    """
    m = _TURN.match(paragraph.text)
    if not m:
        return None
    name = m.group("who")
    if name in _ANSWERS:
        return answerer
    if name in ASKERS:
        return Last(name, None, None)
    if name.split()[0].lower() in _NOT_TURN or is_gazetteer_name(name) or name.isupper() and len(name) > 3:
        return None
    found = matcher.match(name)
    start = paragraph.start + m.start("who")
    return Last(name, found[0] if found else None, (start, start + len(name)))


_LABEL_WORDS = 14   # a speaker's name and title before a colon, no longer
# A line naming the source of the quotation below it: "Source: X in an interview with Y" (its side
# comes later, from the surname's other sentences).
_SOURCE_LINE = re.compile(r"^Source:\s+(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
                          r"(?:\s+(?:in|at|on|during|to|for|speaking)\b[^:“”\"]{0,80})?\.?$")


def label(paragraph: Paragraph, matcher: SideMatcher) -> Last | None:
    """The speaker a paragraph of its own names before a colon, for the paragraph after it
    ("Igor Ivanov, official spokesman of the Defence Ministry:"): a name or a title, no verb;
    or after a "Source:" label ("Source: X in an interview with Y")."""
    text = paragraph.text.strip()
    at = paragraph.start + paragraph.text.index(text)   # where the stripped text starts in the source
    if source := _SOURCE_LINE.match(text):   # "Source: X in an interview with Y", then "Quote: “...”"
        return _named(source.group("who"), None, at + source.start("who"))
    if by := _TEXT_BY.match(text):   # "Statement by X:", then the statement's paragraphs
        return _named(by.group("who"), found[0] if (found := matcher.match(by.group("who"))) else None,
                      at + by.start("who"), whole_text=True)
    if len(paragraph.sentences) == 1 and (header := _STATEMENT_HEADER.match(text, dateline_end(text))):
        found = matcher.match(header.group("who"))   # "X's statement about Y.", then its points
        if found and not find_claims(text, matcher):
            return _named(header.group("who"), found[0], at + header.start("who"))
    if not text.endswith(":") or len(paragraph.sentences) != 1 or len(text.split()) > _LABEL_WORDS:
        return None
    phrase = text[:-1].strip()
    found = matcher.match(phrase)
    if find_claims(text, matcher) or not (found or role_head(phrase)):
        return None
    return _named(phrase, found[0] if found else None, at + text.index(phrase))


def _named(speaker: str, side: str | None, start: int, whole_text: bool = False) -> Last:
    """The speaker a label names, with its span in the source."""
    return Last(speaker, side, (start, start + len(speaker)), whole_text=whole_text)


# A header over the full text of what someone said: "Statement by X:", "Full text of the remarks of X:".
# It speaks every paragraph after it that names no speaker of its own, up to the next label.
_TEXT_BY = re.compile(r"^(?:(?:the\s+)?full\s+text\s+of\s+(?:the\s+)?)?(?:statement|remarks|address|transcript|speech)"
                      r"\s+(?:by|of|from)\s+(?P<who>[^:“”\"]{3,80}?)\s*:$", re.I)
# A paragraph that only names a statement, whose points follow as a list: "The army's public
# relations statement about the seizure." (a dateline may open it).
_STATEMENT_HEADER = re.compile(r"(?P<who>[^.!?“”\"]{3,80}?)[’']s (?:[\w-]+ ){0,3}?(?:statement|communiqu[eé]|readout|"
                               r"announcement|press release)\b[^.!?“”\"]{0,120}[.:]?$")
# A point of a list: "• ...", "- ...", "* ...".
BULLET = re.compile(r"\s*[•·▪‣*–-]\s")


def dateline_end(text: str) -> int:
    """Where the text starts after its dateline ("WANA (Apr 27) – "), or 0."""
    dateline = _DATELINE.match(text)
    return dateline.end() if dateline else 0


# A dateline before the first sentence of a story: "New Delhi [India], June 20 (ANI):",
# "MANILA, Philippines —", "BEIJING (Reuters) -".  The place is where it was written.  A word is
# taken whole (the lookahead): the pattern matches the same, and a sentence that opens with no
# dateline fails at once instead of trying every way to cut its first words (a tenth of the time).
_DATELINE = re.compile(r"^(?:date:?\s+\d{4}-\d{2}-\d{2}\s+|(?:[A-Z][\w.'’-]*(?![\w.'’-])\s?){1,3}(?:\[[^\]]{1,30}\])?"
                       r"(?:,\s*[\w .]{2,30}?)?(?:\s*\([^)]{1,30}\))?\s*(?::|—|–|\s-)\s+)+", re.I)
