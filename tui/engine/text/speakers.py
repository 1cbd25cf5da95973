"""Headlines that name their speaker first: "State Dept: ...", "Defence Ministry: ...".

The cleaner never drops a claim; a headline opened by its speaker and a colon is one, as a
headline closed by its speaker is (`furniture.is_attributed_headline`).  A label before a colon
("Explainer:", "Source:") names no one who speaks.
"""

from __future__ import annotations

import re

from .lexicons import ROLE_HEADS, SPEAKER_NOUNS
from .tokens import words

# The words of a picture's or a text's credit ("Photo: X", "Source: X", "... : AFP"): no speaker.
CREDIT_WORDS = frozenset("photo photos image images picture file credit video source afp ap reuters getty pa"
                         " epa xinhua tass anadolu ani pti ians upi dpa efe".split())


# A headline that names its speaker first: "State Dept: idea that ...", "Defence ministry: X ...".
_SPEAKER_FIRST = re.compile(r"^\s*(?P<who>[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,5})\s*:\s+(?P<head>\S.*)$")
_ROLE_ABBREVIATIONS = frozenset("dept mod mfa mod's mfa's".split())


def speaks_first(line: str) -> bool:
    """A headline opened by its speaker, a role or a body ("State Dept:", "Russian MoD:", "Defence
    Ministry:"), before four words or more of what it says.  Not a label ("Explainer:", "Watch:",
    "Tags:", "Source:"): those name no one who speaks."""
    return first_speaker(line) is not None


def first_speaker(line: str) -> tuple[int, int] | None:
    """Where the speaker a headline names first stands in `line` ("State Dept: ..."), or None."""
    match = _SPEAKER_FIRST.match(line)
    if not match or len(words(match.group("head"))) < 4:
        return None
    who = [w.lower().rstrip(".") for w in match.group("who").split()]
    if len(who) > 4 and not match.group("head").startswith(("“", '"')):
        return None   # a long label only before its quotation: "Israel's Communications Minister X: “...”"
    if all(w in CREDIT_WORDS for w in who):
        return None   # "Source: Mayor of X": a credit's label, not a speaker
    if not any(w in SPEAKER_NOUNS or w in ROLE_HEADS or w in _ROLE_ABBREVIATIONS for w in who):
        return None
    return match.span("who")
