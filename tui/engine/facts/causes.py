"""Causes: two sides explaining one outcome by different causes disagree.

"The drone was ditched after a Russian jet struck its propeller" against "the
drone went into a sharp maneuver, resulting in its crash": neither denies the
other, and they share few words, but both explain the same outcome (crash,
ditched, downed, sank, shot down and loss are one outcome; so are kinds of
death and injury) through a causal connector.  Such a pair is an answer that
holds both causes (`Answer.causes`, shown as "cause: X ↔ Y"), so the two clauses
meet in one question and the reader sees both causes.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..text.lexicons import (
    CAUSAL_BACKWARD,
    CAUSAL_FORWARD,
    OUTCOME_PHRASES,
    OUTCOMES,
)
from ..text.textnorm import normalise
from .questions import Answer, similarity
from .roles import what_is_said
from .units import Unit, content_terms

_FORWARD = re.compile(r"(?<![\w])(?:" + "|".join(CAUSAL_FORWARD) + r")(?![\w])", re.I)
_BACKWARD = re.compile(r"(?<![\w])(?:" + "|".join(CAUSAL_BACKWARD) + r")(?![\w])", re.I)
OUTCOME_RE = re.compile(r"(?<![\w])(?:" + "|".join(list(OUTCOME_PHRASES) + sorted(OUTCOMES, key=len, reverse=True))
                        + r")(?![\w])", re.I)
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’]*|\d[\d,.]*")
_DETERMINERS = frozenset("a an the its his her their our this that".split())
_OUTCOME_REACH = 6      # words between a forward connector and its outcome


@dataclass(frozen=True)
class Cause:
    """A clause that explains an outcome: what happened and, in its words, why."""

    outcome: str            # the outcome's kind ("loss"), shared by its synonyms
    terms: frozenset[str]   # the cause's content terms
    phrase: str             # the cause's key words, for evidence and positions


def _outcome(text: str) -> str | None:
    m = OUTCOME_RE.search(text)
    if not m:
        return None
    word = m.group(0).lower()
    return OUTCOME_PHRASES.get(word) or next(
        (kind for p, kind in OUTCOME_PHRASES.items() if re.fullmatch(p, word)), None) or OUTCOMES.get(word)


def cause_of(text: str, skip: frozenset[str]) -> Cause | None:
    """The outcome a clause explains and its cause, when a causal connector
    ties them: "X, resulting in its crash" or "it was ditched after X"."""
    for m in _FORWARD.finditer(text):
        head = " ".join(_TOKEN.findall(text[m.end():])[:_OUTCOME_REACH])
        kind = _outcome(head)
        if kind:
            return _make(kind, text[:m.start()], skip)
    for m in _BACKWARD.finditer(text):
        kind = _outcome(text[:m.start()])
        if kind:
            return _make(kind, text[m.end():], skip)
    return None


def _make(kind: str, cause: str, skip: frozenset[str]) -> Cause | None:
    cause = what_is_said(cause).strip(" ,;.")
    cause = re.sub(r"[\s,]+(?:that|which|who|and|but)$", "", cause, flags=re.I)
    terms = frozenset(t for t, w in content_terms(cause, skip).items() if normalise(w) not in OUTCOMES)
    return Cause(kind, terms, _phrase(cause)) if terms else None


def _phrase(cause: str) -> str:
    """The cause's last conjunct from its last determiner: "struck its propeller",
    "sharp maneuver" (the noun phrase alone when it has two words or more)."""
    conjunct = [c for c in re.split(r",\s*|\s+and\s+|\s+then\s+", cause) if c.strip()][-1]
    tokens = _TOKEN.findall(conjunct)
    dets = [k for k, t in enumerate(tokens) if t.lower() in _DETERMINERS]
    if dets and len(tokens) - dets[-1] - 1 >= 2:
        words = tokens[dets[-1] + 1:]
    elif dets and dets[-1] > 0:
        words = tokens[dets[-1] - 1:]
    else:
        words = tokens[-3:]
    return " ".join(words[-4:])


def cause_answers(units: list[Unit], skip: frozenset[str], idf: dict[str, float]) -> list[Answer]:
    """Incompatible causes: two sides' clauses that explain the same outcome by
    different causes are one disagreement.

    Gated tightly: both clauses need a causal connector tied to an outcome
    word of the same kind, the sides must differ, the clauses must share a
    term (one event, not two crashes), and the causes must share less than
    half their terms.  The strongest-worded pair comes first.
    """
    causes = {u.index: c for u in units if (c := cause_of(u.text, skip))}
    tally = Counter((units[i].side, c.outcome) for i, c in causes.items())
    out = []
    for i, a in causes.items():
        for j, b in causes.items():
            if j <= i or a.outcome != b.outcome or units[i].side == units[j].side:
                continue
            if similarity(units[i], units[j], idf) <= 0.0:
                continue   # nothing in common: another event's outcome
            if len(a.terms & b.terms) * 2 >= min(len(a.terms), len(b.terms)):
                continue   # the same cause told twice: not a disagreement
            first, second = sorted((i, j), key=lambda k: (-tally[(units[k].side, a.outcome)], units[k].side))
            weight = len(a.phrase.split()) + len(b.phrase.split())
            out.append((-weight, i, j, Answer(j, i, causes=(causes[first].phrase, causes[second].phrase))))
    out.sort(key=lambda x: x[:3])
    return [a for *_, a in out]


def cause_phrases(answers: list[Answer], units: list[Unit], members: set[int],
                  skip: frozenset[str]) -> dict[str, str]:
    """Each side's cause, as written, from the first cause answer inside a question."""
    for a in answers:
        if a.causes is not None and a.u in members and a.v in members:
            return {units[k].side or "": c.phrase for k in (a.u, a.v) if (c := cause_of(units[k].text, skip))}
    return {}
