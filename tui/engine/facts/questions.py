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
from collections.abc import Callable
from dataclasses import dataclass

from ..text.lexicons import (CONTRAST, CONTRAST_OPENERS, HEDGES, MONTHS, REJECTION_VERBS, REPORTING_PARTICIPLES,
                             REPORTING_VERBS, WEEKDAYS)
from ..model import Corpus, Ref
from .aspects import OTHER, strongest, tag
from .clusters import cluster
from .units import DENIAL_RE, Unit

_CONTRAST = re.compile(r"(?<![\w])(?:" + "|".join(CONTRAST) + r")(?![\w])", re.I)
_OPENER = re.compile(r"^\W*(?:" + "|".join(CONTRAST_OPENERS) + r")(?![\w])|,\s*(?:however|though|"
                     r"by contrast|in contrast)\s*,", re.I)
_WINDOW = 2   # paragraphs back in which an answer looks for what it answers
_ANSWER_SIM = 0.05   # the least likeness of an answer to what it answers, when no opener says so


@dataclass(frozen=True)
class Answer:
    """Unit `u` answers unit `v` of the other side; `said` is the word that says so.

    An answer found by `causes.cause_answers` has `causes` instead: the two incompatible
    causes the sides give (unit u's, then v's, strongest-held first), kept as a pair so no
    stage reads them back out of the text shown.
    """

    u: int
    v: int
    said: str = ""
    causes: tuple[str, str] | None = None

    @property
    def cue(self) -> str:
        """What the reader is shown: the answering word, or "cause: X ↔ Y"."""
        return f"cause: {self.causes[0]} ↔ {self.causes[1]}" if self.causes else self.said


@dataclass
class Question:
    """The clauses that answer one aspect of the incident."""

    aspect: str
    members: list[int]
    anchor: str = ""   # a sub-question's word both sides use ("withdraw"), as written


ANCHOR_MIN = 8        # a question with this many clauses may hold a narrower disagreement
ANCHOR_SHARE = 0.6    # the word's clauses are at most this share of the question's
ANCHOR_STEP = 20      # a question gets one more narrower question for each this many clauses ...
ANCHOR_MAX = 3        # ... up to this many: a reader steps through a few, not dozens


def anchored(q: Question, units: list[Unit], idf: dict[str, float]) -> list[Question]:
    """A large question's narrower questions: its clauses that use a rare word both sides
    use ("withdraw" inside "what does each side demand").

    Why: one aspect of an incident often holds several disagreements ("who must withdraw
    first" and "what the road changes", both demands).  Splitting the aspect's clauses apart
    leaves parts that one side alone answers; the narrower questions beside the broad one
    keep both, and the reader steps from the broad to the narrow.  The rarest word weighed
    by the side that uses it least, so both sides' clauses stand in it; then, in a question
    of ANCHOR_STEP clauses or more, the next rarest whose clauses are mostly others (one
    more for each ANCHOR_STEP clauses, ANCHOR_MAX in all)."""
    if len(q.members) < ANCHOR_MIN:
        return []
    by_term: dict[str, list[int]] = {}
    for m in q.members:
        for t in units[m].terms:
            by_term.setdefault(t, []).append(m)
    ranked: list[tuple[float, str]] = []
    for t, members in by_term.items():
        if not 2 <= len(members) <= ANCHOR_SHARE * len(q.members) or _framing(t, members, units):
            continue
        sides = Counter(units[m].side for m in members if units[m].side)
        if len(sides) > 1 and (weight := idf.get(t, 0.0) * min(sides.values())) > 0:
            ranked.append((weight, t))
    out: list[Question] = []
    taken: set[int] = set()
    wanted = min(1 + len(q.members) // ANCHOR_STEP, ANCHOR_MAX)
    for _, term in sorted(ranked, reverse=True):
        if len(out) == wanted:
            break
        members = by_term[term]
        if len(taken.intersection(members)) * 2 > len(members):
            continue   # mostly the clauses of a narrower question already asked
        taken.update(members)
        written = next(units[m].terms[term] for m in members)
        out.append(Question(q.aspect, sorted(members), written))
    return out


_NOT_ABOUT = REPORTING_VERBS | REPORTING_PARTICIPLES | WEEKDAYS | MONTHS


def _framing(term: str, members: list[int], units: list[Unit]) -> bool:
    """A word that frames speech in one of its clauses ("the statement detailed") or dates
    it ("on Thursday") says when or that someone spoke, not what the narrower disagreement
    is about."""
    return any(units[m].terms[term] in _NOT_ABOUT for m in members)


def idf_of(corpus: Corpus, units: list[Unit]) -> dict[str, float]:
    """Inverse document frequency of terms over the corpus's clauses."""
    df: Counter[str] = Counter()
    for u in units:
        df.update(set(u.terms))
    n = max(len(units), 1)
    return {t: math.log((n + 1) / (c + 0.5)) for t, c in df.items()}


def similarity(a: Unit, b: Unit, idf: dict[str, float]) -> float:
    """Cosine of two clauses' idf-weighted terms."""
    return _cosine(a, b, idf, {})


def cue(text: str) -> str | None:
    """The words that mark a clause as an answer: denial, contrast, a hedged claim."""
    m = DENIAL_RE.search(text) or _CONTRAST.search(text) or _OPENER.search(text)
    if m:
        return re.sub(r"^\W+|\W+$", "", m.group(0).lower())
    for w in re.findall(r"[a-z]+", text.lower()):
        if w in HEDGES and w.startswith("claim"):
            return w
    return None


def ask(corpus: Corpus, units: list[Unit], idf: dict[str, float],
        extra: Callable[[], list[Answer]] = list) -> tuple[list[Question], list[Answer]]:
    """Questions with their clauses, and the answer links found on the way.

    `extra` gives more answer links once aspects are known (incompatible causes).
    An answer joins every question of what it answers; clauses that ask no
    aspect are clustered on shared words into questions of their own ("other").
    """
    tags = [dict(tag(u.text) if u.tags is None else u.tags) for u in units]
    df = Counter(k for t in tags for k in t)
    weight = {k: math.log((len(units) + 1) / (n + 0.5)) for k, n in df.items()}
    for u, t in zip(units, tags):
        u.aspects = strongest(t, weight)
    answers = _answers(corpus, units, idf) + extra()
    for a in answers:
        for aspect, words in units[a.v].aspects.items():
            units[a.u].aspects.setdefault(aspect, words)
    for a in answers:   # what asks no aspect meets its rejection in the rejection's questions
        if not units[a.v].aspects and _ANSWERS.fullmatch(a.cue):
            units[a.v].aspects = dict(units[a.u].aspects)
    by_aspect: dict[tuple[str, bool], list[int]] = {}
    for u in units:
        for aspect in u.aspects:
            by_aspect.setdefault((aspect, u.background), []).append(u.index)
    questions = [part for (k, _), v in by_aspect.items() for part in _split(Question(k, v), units, idf, answers)]
    return questions + _others(units, idf, answers), answers


_OTHER_SIM = 0.22   # average similarity that makes aspect-less clauses one fact


def _others(units: list[Unit], idf: dict[str, float], answers: list[Answer]) -> list[Question]:
    """Clauses that ask none of the aspects, grouped on the words they share."""
    rest = [u.index for u in units if not u.aspects]
    local = {m: k for k, m in enumerate(rest)}
    sim = _sparse_similarity([set(units[m].terms) for m in rest], idf)
    must = [(local[a.u], local[a.v]) for a in answers if a.u in local and a.v in local]
    return [Question(OTHER, [rest[k] for k in part]) for part in cluster(len(rest), sim, _OTHER_SIM, must)]


_SPLIT_MIN = 1000      # a question with fewer clauses is one disagreement
_SPLIT_SIM = 0.15   # average similarity that keeps clauses in one sub-question
_ATTACH_SIM = 0.02  # a one-sided part joins the two-sided part it is this close to


def _split(q: Question, units: list[Unit], idf: dict[str, float], answers: list[Answer]) -> list[Question]:
    """One question per disagreement inside an aspect.

    Clauses are clustered on the terms they share besides the aspect's own
    words (which every member shares: the objects and actors are what tell
    "who shot down the F-16" from "who shot down the MiG").  Each part that
    both sides answer is a question; a part told by one side joins the
    two-sided part it is closest to, or a remainder that is a question of its
    own.  An answer stays with what it answers.
    """
    if len(q.members) < _SPLIT_MIN:
        return [q]
    local = {m: k for k, m in enumerate(q.members)}
    asked = {term for m in q.members for w in units[m].aspects.get(q.aspect, ()) if (term := _key(w))}
    terms = [{t for t in units[m].terms if t not in asked} for m in q.members]
    sim = _sparse_similarity(terms, idf)
    must = [(local[a.u], local[a.v]) for a in answers if a.u in local and a.v in local]
    parts = [[q.members[k] for k in part] for part in cluster(len(q.members), sim, _SPLIT_SIM, must)]
    two = [p for p in parts if len({units[m].side for m in p}) > 1]
    if len(two) < 2:
        return [q]
    rest: list[int] = []
    for p in parts:
        if p in two:
            continue
        scores = [(_average(sim, local, p, t), k) for k, t in enumerate(two)]
        best, k = max(scores)
        if best >= _ATTACH_SIM:
            two[k] = two[k] + p
        else:
            rest += p
    out = [Question(q.aspect, sorted(p)) for p in two]
    if len(rest) > 1:
        out.append(Question(q.aspect, sorted(rest)))
    return out


def _key(word: str) -> str | None:
    from ..text.textnorm import term
    return term(word) or word


def _sparse_similarity(terms: list[set[str]], idf: dict[str, float]) -> dict[int, dict[int, float]]:
    """Cosine of idf-weighted term sets, for the pairs that share a term."""
    index: dict[str, list[int]] = {}
    for i, ts in enumerate(terms):
        for t in ts:
            index.setdefault(t, []).append(i)
    # Sums over sets run in hash-seed order: fsum makes them exact, so the same in every run.
    norms = [math.sqrt(math.fsum(idf.get(t, 1.0) ** 2 for t in ts)) or 1.0 for ts in terms]
    sim: dict[int, dict[int, float]] = {}
    for i, ts in enumerate(terms):
        for j in sorted({j for t in ts for j in index[t] if j > i}):
            value = math.fsum(idf.get(t, 1.0) ** 2 for t in ts & terms[j]) / (norms[i] * norms[j])
            sim.setdefault(i, {})[j] = value
            sim.setdefault(j, {})[i] = value
    return sim


def _average(sim: dict[int, dict[int, float]], local: dict[int, int], a: list[int], b: list[int]) -> float:
    return sum(sim.get(local[x], {}).get(local[y], 0.0) for x in a for y in b) / (len(a) * len(b))


def _answers(corpus: Corpus, units: list[Unit], idf: dict[str, float]) -> list[Answer]:
    """Link each clause with an answer cue to the other side's clause it answers."""
    by_ref: dict[Ref, list[int]] = {}
    for u in units:
        by_ref.setdefault(u.ref, []).append(u.index)
    # Within a sentence, a clause of the other side answers the clause before it
    # ("their navy says four were hurt; the ministry says one").
    out = [Answer(u.index, u.index - 1, u.link or "; ") for u in units
           if u.index and units[u.index - 1].ref == u.ref and units[u.index - 1].side != u.side]
    for article in corpus.articles:
        order = [Ref(article.id, p.index, s.index) for p in article.paragraphs for s in p.sentences]
        position = {ref: k for k, ref in enumerate(order)}
        opened: dict[int, Answer] = {}   # paragraph -> the answer its first sentence gives
        for ref in order:
            for i in by_ref.get(ref, []):
                u = units[i]
                said = cue(u.text)
                lead = opened.get(ref.paragraph)
                if not said and lead and units[lead.u].side == u.side:
                    out.append(Answer(i, lead.v, lead.cue))   # the rest of a paragraph opened by an answer
                    continue
                if u.link or not said:
                    continue
                earlier = [j for k in range(position[ref] - 1, -1, -1)
                           if order[k].paragraph >= ref.paragraph - _WINDOW
                           for j in by_ref.get(order[k], []) if units[j].side not in (u.side, None)]
                if not earlier:
                    continue
                scored = [(similarity(u, units[j], idf), -n, j) for n, j in enumerate(earlier)]
                best = max(scored)
                target = best[2] if best[0] > _ANSWER_SIM or _OPENER.search(u.text) or said not in HEDGES else None
                if target is not None:
                    out.append(Answer(i, target, said))
                    if ref.sentence == 0 and _CONTRAST.search(u.text):
                        opened[ref.paragraph] = out[-1]
    return out + _denials_elsewhere(units, idf, {a.u for a in out})


# A side rejecting in words ("denied", "dismissed", "pushed back") or naming what the other side
# says ("the allegations", "Moscow's claims"); not "a false pretext", which accuses.
_ANSWERS = re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, sorted(REJECTION_VERBS | {"denial"}))) +
                      r"|claims?|allegations?|accusations?)(?![\w])", re.I)
_COMMON = 400   # a word in more clauses than this is too common to find what a denial answers by
_CANDIDATES = 100   # clauses a denial is compared with, at most: a large corpus does not pay the square


def _cosine(a: Unit, b: Unit, idf: dict[str, float], norms: dict[int, float]) -> float:
    """Cosine of two clauses' idf-weighted terms, each clause's norm kept in `norms` (a denial
    meets a hundred clauses).  The shared words are `a`'s looked up in `b`, in `a`'s order, and
    the sums are exact (fsum): the same value in every run, whatever the string hash seed."""
    dot = math.fsum(idf.get(t, 1.0) ** 2 for t in a.terms if t in b.terms)
    if not dot:
        return 0.0
    for u in (a, b):
        if u.index not in norms:
            norms[u.index] = math.sqrt(math.fsum(idf.get(t, 1.0) ** 2 for t in u.terms))
    return dot / (norms[a.index] * norms[b.index])


def _denials_elsewhere(units: list[Unit], idf: dict[str, float], linked: set[int]) -> list[Answer]:
    """A side's denial that answers nothing near it ("X dismissed the allegations of
    shelling", in an article that quotes no one else) answers the other side's clause, in
    another article, that it is most like (above the same floor as an answer near it).

    Why: a side's own statement often stands alone on its outlet's page while the claim it
    denies is told elsewhere; without the link the two land in different questions.  The
    candidates share a word with the denial that is not common, rarest first and a bounded
    number of them, so on a large corpus the search grows with the evidence, not with the
    corpus squared."""
    denials = [(u, m) for u in units if u.index not in linked and u.side and (m := _ANSWERS.search(u.text))]
    if not denials:
        return []
    index: dict[str, list[int]] = {}
    for v in units:
        if v.side:
            for t in v.terms:
                index.setdefault(t, []).append(v.index)
    out = []
    norms: dict[int, float] = {}
    for u, m in denials:
        candidates: set[int] = set()
        for t in sorted(u.terms, key=lambda t: (len(index.get(t, ())), t)):   # the rarest words first
            posting = index.get(t, ())
            if len(posting) > _COMMON or len(candidates) >= _CANDIDATES:
                break
            candidates.update(i for i in posting if units[i].side != u.side and units[i].ref.article != u.ref.article)
        scored = [(_cosine(u, units[i], idf, norms), -i, i) for i in candidates]
        if scored and (best := max(scored))[0] > _ANSWER_SIM:
            out.append(Answer(u.index, best[2], m.group(0).lower()))
    return out
