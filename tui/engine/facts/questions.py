"""Questions: group the sides' claims by what they answer, not by the words they share.

Each clause is tagged with the aspects it asks (`aspects.tag`); the clauses of
one aspect form a question.  A clause that only answers the other side ("X
denied the allegation", "However, Y offered a different account") asks
nothing in its own words: it is linked to the clause it answers (the other
side's, in its paragraph or the two before) and joins that clause's questions.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from ..lexicons import CONTRAST, CONTRAST_OPENERS, HEDGES
from ..model import Corpus, Ref
from .aspects import tag
from .units import DENIAL_RE, Unit

_CONTRAST = re.compile(r"(?<![\w])(?:" + "|".join(CONTRAST) + r")(?![\w])", re.I)
_OPENER = re.compile(r"^\W*(?:" + "|".join(CONTRAST_OPENERS) + r")(?![\w])|,\s*(?:however|though|"
                     r"by contrast|in contrast)\s*,", re.I)
_WINDOW = 2   # paragraphs back in which an answer looks for what it answers


@dataclass(frozen=True)
class Answer:
    """Unit `u` answers unit `v` of the other side; `cue` is the word that says so."""

    u: int
    v: int
    cue: str


@dataclass
class Question:
    """The clauses that answer one aspect of the incident."""

    aspect: str
    members: list[int]


def idf_of(corpus: Corpus, units: list[Unit]) -> dict[str, float]:
    """Inverse document frequency of terms over the corpus's clauses."""
    df: Counter[str] = Counter()
    for u in units:
        df.update(set(u.terms))
    n = max(len(units), 1)
    return {t: math.log((n + 1) / (c + 0.5)) for t, c in df.items()}


def similarity(a: Unit, b: Unit, idf: dict[str, float]) -> float:
    """Cosine of two clauses' idf-weighted terms."""
    shared = a.stems & b.stems
    if not shared:
        return 0.0
    norm = math.sqrt(sum(idf.get(t, 1.0) ** 2 for t in a.stems)) * math.sqrt(sum(idf.get(t, 1.0) ** 2 for t in b.stems))
    return sum(idf.get(t, 1.0) ** 2 for t in shared) / norm


def cue(text: str) -> str | None:
    """The words that mark a clause as an answer: denial, contrast, a hedged claim."""
    m = DENIAL_RE.search(text) or _CONTRAST.search(text) or _OPENER.search(text)
    if m:
        return re.sub(r"^\W+|\W+$", "", m.group(0).lower())
    for w in re.findall(r"[a-z]+", text.lower()):
        if w in HEDGES and w.startswith("claim"):
            return w
    return None


def ask(corpus: Corpus, units: list[Unit], idf: dict[str, float]) -> tuple[list[Question], list[Answer]]:
    """Questions with their clauses, and the answer links found on the way."""
    for u in units:
        u.aspects = dict(tag(u.text))
    answers = _answers(corpus, units, idf)
    for a in answers:
        if not units[a.u].aspects:
            units[a.u].aspects = dict(units[a.v].aspects)
    by_aspect: dict[str, list[int]] = {}
    for u in units:
        for aspect in u.aspects:
            by_aspect.setdefault(aspect, []).append(u.index)
    return [Question(k, v) for k, v in by_aspect.items()], answers


def _answers(corpus: Corpus, units: list[Unit], idf: dict[str, float]) -> list[Answer]:
    """Link each clause with an answer cue to the other side's clause it answers."""
    by_ref: dict[Ref, list[int]] = {}
    for u in units:
        by_ref.setdefault(u.ref, []).append(u.index)
    out = [Answer(u.index, u.index - 1, u.link) for u in units
           if u.link and u.index and units[u.index - 1].ref == u.ref and units[u.index - 1].side != u.side]
    for article in corpus.articles:
        order = [Ref(article.id, p.index, s.index) for p in article.paragraphs for s in p.sentences]
        position = {ref: k for k, ref in enumerate(order)}
        for ref in order:
            for i in by_ref.get(ref, []):
                u = units[i]
                said = cue(u.text)
                if u.link or not said:
                    continue
                earlier = [j for k in range(position[ref] - 1, -1, -1)
                           if order[k].paragraph >= ref.paragraph - _WINDOW
                           for j in by_ref.get(order[k], []) if units[j].side not in (u.side, None)]
                if not earlier:
                    continue
                scored = [(similarity(u, units[j], idf), -n, j) for n, j in enumerate(earlier)]
                best = max(scored)
                target = best[2] if best[0] > 0.05 or _OPENER.search(u.text) or said not in HEDGES else None
                if target is not None:
                    out.append(Answer(i, target, said))
    return out
