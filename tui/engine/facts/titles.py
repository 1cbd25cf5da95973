"""Titles: a neutral question for each fact, and each side's position in its own words.

The question comes from the aspect ("Where was the drone, and whose territory
was it?"), naming the incident's object when the accounts name one; the
positions are each side's most telling short run of words on that question,
quoted from its own accounts ("international airspace", "violated the state
border"), so the reader sees the disagreement before opening a single account.
"""

from __future__ import annotations

import re
from collections import Counter

from ..lexicons import DENIAL, NEGATION, REPORTING_PARTICIPLES, REPORTING_VERBS
from ..textnorm import normalise, term
from .aspects import BY_ID
from .units import Unit

# Things an incident happens to: what a question names when the accounts do.
OBJECTS = ("drone", "aircraft", "plane", "jet", "fighter", "bomber", "helicopter", "balloon", "airship",
           "airliner", "flight", "ship", "vessel", "boat", "warship", "destroyer", "frigate", "tanker",
           "submarine", "trawler", "pipeline", "pipelines", "convoy", "hospital", "satellite")
_OBJECT_TERMS = {term(o): o for o in OBJECTS}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
_VERBS = "|".join(sorted(REPORTING_VERBS - DENIAL, key=len, reverse=True))
# A reporting frame to cut off: "According to X," or "X said (... that)".
_FRAME = re.compile(r"^(?:.*?\b(?i:according to) [^,]+,\s*|[^“\"]{0,80}?\b(?:" + _VERBS + r")\b"
                    r"(?:\s+(?:[^\s,“\"]+\s+){0,3}?that\b)?\s+)")
_MAX_POSITION = 40


def incident_object(units: list[Unit]) -> str | None:
    """The thing most accounts are about (the drone, the tanker), if any."""
    counts: Counter[str] = Counter()
    for u in units:
        for t in u.terms:
            if t in _OBJECT_TERMS:
                counts[_OBJECT_TERMS[t]] += 1
    if not counts:
        return None
    word, n = max(sorted(counts.items()), key=lambda kv: kv[1])
    return word if n >= 2 else None


def question(aspect: str, obj: str | None) -> str:
    a = BY_ID[aspect]
    return a.question.format(obj=obj) if obj else a.question_bare


def position(units: list[Unit], aspect: str, idf: dict[str, float], other: set[str]) -> str:
    """A side's most telling short run of words on the question (at most four words):
    its aspect words count most, its own terms fully, terms the other side shares
    little; a negation or denial may lead it ("did not violate", "denied any role")."""
    asked = {term(w) or w for u in units for w in u.aspects.get(aspect, ())}
    score: dict[str, float] = {}
    for u in units:
        tokens = _WORD.findall(_FRAME.sub("", u.text))
        value: list[float | None] = []
        for t in tokens:
            low, key = normalise(t).lower(), term(t)
            if low in NEGATION or low in DENIAL:
                value.append(1.0)
            elif low in REPORTING_PARTICIPLES or key is None or key not in u.terms:
                value.append(None)
            else:
                v = idf.get(key, 1.0) * (0.3 if key in other else 1.0) * (2.0 if key in asked else 1.0)
                value.append(v * (0.5 if t[:1].isupper() else 1.0))
        for i, vi in enumerate(value):
            if vi is None:
                continue
            for j in range(i, min(len(tokens), i + 4)):
                words = " ".join(tokens[i:j + 1])
                if len(words) > _MAX_POSITION:
                    break
                if value[j] is None or term(tokens[j]) not in u.terms:
                    continue
                got = sum(v for v in value[i:j + 1] if v) - 0.4 * (j - i)
                score[words] = max(score.get(words, 0.0), got)
    return max(sorted(score), key=lambda k: score[k]) if score else ""
