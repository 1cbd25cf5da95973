"""Facts: group what the sides assert into facts and decide which are disputed.

A sentence often carries more than one fact ("X struck its propeller while it
was flying in international airspace"), so the unit is the clause, with the
sentence's attribution (a clause with its own reporting verb, or the claim a
speaker rejects, "Russia's claim its jets did not ...", gets its own side).
Clauses are grouped by average-linkage clustering of idf-weighted term
overlap, which does not chain everything the way connected components do; the
pairing engine's pairs strengthen links across articles.

Contradiction is rarely stated as overlap: a side answers the other with "a
different explanation", "however", a denial, or a hedged counter-claim about
the same event, in the next sentence or paragraph.  Such an answer is linked to
the other side's clause it shares most terms with (or whose contested
counterpart it uses: international vs national airspace), so the two versions
land in one fact.  Two sides' clauses that explain one outcome (crash, ditched,
downed ...) through a causal connector with different causes are one
disagreement too ("cause: X ↔ Y").  A fact is `disputed` when its accounts deny, negate or
contradict each other (the evidence lists the words), `agreed` when both sides
tell it without conflict, `one-sided` otherwise.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .claims.attribution import find_claims
from .lexicons import (ANTONYMS, CAUSAL_BACKWARD, CAUSAL_FORWARD, CONTRAST, CONTRAST_OPENERS, COUNTRIES,
                       DENIAL, HEDGES, NEGATION, OUTCOME_PHRASES, OUTCOMES, REJECTION_VERBS,
                       REPORTING_PARTICIPLES, REPORTING_VERBS, STOPWORDS)
from .model import Account, Attribution, Corpus, Fact, Pair, Ref
from .claims.sides import SideMatcher, country_names, matcher_for, normalise

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’]*|\d[\d,.]*")
# Clause boundaries: "while", non-restrictive "which"/"who", a resumptive noun
# ("..., a claim that ...", "..., actions that ..."), "and that", a semicolon.
_SPLIT = re.compile(
    r",?\s+(?=while\s)|,\s+(?=which\s)|,\s+(?=who\s)|;\s+|,?\s+(?=and\s+that\s)"
    r"|,\s+(?=(?:an?\s+)?(?:claim|accusation|allegation|assertion|action|move|step|decision)s?\s+that\s)")
_EMBEDDED = re.compile(r"(?P<who>[\w’'. -]{2,40}?)[’']s\s+(?:claim|assertion|allegation|accusation|version)s?"
                       r"\s+(?:that\s+)?(?P<what>.+)$")
_CONTRAST = re.compile(r"(?<![\w])(?:" + "|".join(CONTRAST) + r")(?![\w])", re.I)
_OPENER = re.compile(r"^\W*(?:" + "|".join(CONTRAST_OPENERS) + r")(?![\w])|,\s*(?:however|though|"
                     r"by contrast|in contrast)\s*,", re.I)
_DENIAL = re.compile(r"(?<![\w])(?:" + "|".join(sorted(DENIAL | REJECTION_VERBS - {"pushed"}, key=len,
                     reverse=True)) + r")(?![\w])", re.I)
_NOT_CONTENT = STOPWORDS | REPORTING_VERBS | DENIAL | HEDGES | REJECTION_VERBS
_MIN_SIM = 0.22          # average-linkage threshold for one fact
_WINDOW = 2             # paragraphs back in which an answer looks for what it answers
_DISPUTE_SIM = 0.08      # looser threshold between two disputes: one disagreement told twice
_ANSWER_SIM = 0.6        # strength of a contrast link between two sides' clauses


_SUFFIXES = ("ations", "ation", "ings", "ing", "edly", "ed", "es", "s", "ly")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A crude, predictable stem: drop one common suffix, keep six letters."""
    word = normalise(word).lower().removesuffix("'s")
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[:-len(suffix)]
            break
    return word[:6]


@dataclass
class _Unit:
    """One clause of a sentence with its side."""

    ref: Ref
    text: str
    side: str | None
    speaker: str | None
    inferred: bool
    stems: frozenset[str] = frozenset()
    words: dict[str, str] = field(default_factory=dict)  # stem -> a surface form
    order: int = 0
    link: str | None = None  # cue tying this clause to the one before it in its sentence


def build_facts(corpus: Corpus, pairs: Sequence[Pair],
                attributions: dict[Ref, Attribution]) -> tuple[Fact, ...]:
    """The corpus's facts, disputes first by rank."""
    matcher = matcher_for(corpus.sides)
    skip = _name_stems(corpus)
    units = _units(corpus, attributions, matcher, skip)
    if not units:
        return _rank(_pinned(corpus, attributions))
    idf = _idf(corpus, skip)
    sim = _similarity(units, idf, pairs)
    answers = _answers(corpus, units, attributions, sim)
    groups = _cluster(sim, len(units), [(a.u, a.v) for a in answers])
    groups = _join_disputes(groups, units, answers, sim)
    causes = _cause_answers(units, skip, sim)
    answers += causes
    groups = _attach_causes(groups, units, causes, answers)
    facts = [_fact(units, g, idf, answers, sim) for g in groups]
    facts = [f for f in facts if f is not None]
    return _rank(facts + _pinned(corpus, attributions))


def _name_stems(corpus: Corpus) -> frozenset[str]:
    """Names of actors and countries: they say who speaks, not what happened."""
    names = [n for s in corpus.sides for a in s.actors for n in a.names]
    names += [n for c in COUNTRIES for n in country_names(c)]
    return frozenset(_stem(w) for n in names for w in _TOKEN.findall(n))


@lru_cache(maxsize=65536)
def _token_term(token: str) -> tuple[str, str] | None:
    """(stem, surface word) of a content token, or None."""
    low = normalise(token).lower()
    if low in _NOT_CONTENT or len(low) < 3 or low in NEGATION:
        return None
    return _stem(token), low.removesuffix("'s")


def _terms(text: str, skip: frozenset[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for token in _TOKEN.findall(text):
        term = _token_term(token)
        if term is None:
            continue
        stem, word = term
        if stem not in skip and stem not in STOPWORDS:
            out.setdefault(stem, word)
    return out


def _units(corpus: Corpus, attributions: dict[Ref, Attribution], matcher: SideMatcher,
           skip: frozenset[str]) -> list[_Unit]:
    """Clauses of every sentence that has a side."""
    units: list[_Unit] = []
    for article in corpus.articles:
        for paragraph in article.paragraphs:
            for sentence in paragraph.sentences:
                ref = Ref(article.id, paragraph.index, sentence.index)
                who = attributions.get(ref)
                if not who or not who.side:
                    continue
                for text, side, speaker, link in _clauses(sentence.text, who, matcher):
                    terms = _terms(text, skip)
                    if side and terms:
                        units.append(_Unit(ref, text, side, speaker, who.inferred,
                                           frozenset(terms), terms, len(units), link))
    return units


def _clauses(text: str, who: Attribution,
             matcher: SideMatcher) -> list[tuple[str, str | None, str | None, str | None]]:
    """A sentence cut into clauses, each with the side that asserts it.

    A clause with its own named speaker takes that speaker's side; a "which"
    aside is the writer's; "X's claim that Y" splits into the rejecting
    clause and Y, X's claim, linked to each other.
    """
    merged = [text[a:b] for a, b in _clause_spans(text)]
    out: list[tuple[str, str | None, str | None, str | None]] = []
    for i, piece in enumerate(merged):
        side, speaker = who.side, who.speaker
        own = find_claims(piece, matcher)
        named = [(c, found) for c in own if (found := matcher.match(c.speaker))]
        lead = piece.lstrip().lower()
        link = None
        if named and (i or len(merged) > 1):
            side, speaker = named[0][1][0], named[0][0].speaker
        elif i and lead.startswith("which") and not own:
            side, speaker = None, None   # the writer's aside, not the speaker's claim
        if i and re.match(r"(?:a|an|the)\s+(?:claim|accusation|allegation|assertion)|who\s", lead):
            denial = _DENIAL.search(piece)
            link = denial.group(0).lower() if denial else "apposition"
        embedded = _EMBEDDED.search(piece)
        if embedded and (found := matcher.match(embedded.group("who"))) and found[0] != side:
            denial = _DENIAL.search(piece[:embedded.start("what")])
            out.append((piece.strip(), side, speaker, link))
            holder = embedded.group("who")[found[1]:found[2]]
            out.append((embedded.group("what").strip(), found[0], holder,
                        denial.group(0).lower() if denial else "claim"))
            continue
        out.append((piece.strip(), side, speaker, link))
    return out


def _clause_spans(text: str) -> list[tuple[int, int]]:
    """Clause spans; a piece of fewer than four words joins its neighbour."""
    cuts = [(m.start(), m.end()) for m in _SPLIT.finditer(text) if 0 < m.start() < len(text)]
    spans, start = [], 0
    for cut_start, cut_end in cuts:
        spans.append((start, cut_start))
        start = cut_end
    spans.append((start, len(text)))
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and (len(_TOKEN.findall(text[a:b])) < 4 or len(_TOKEN.findall(text[out[-1][0]:out[-1][1]])) < 4):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _idf(corpus: Corpus, skip: frozenset[str]) -> dict[str, float]:
    df: Counter[str] = Counter()
    n = 0
    for article in corpus.articles:
        for paragraph in article.paragraphs:
            for sentence in paragraph.sentences:
                n += 1
                df.update(set(_terms(sentence.text, skip)))
    return {t: math.log((n + 1) / (c + 0.5)) for t, c in df.items()}


def _norm(terms: frozenset[str], idf: dict[str, float]) -> float:
    return math.sqrt(sum(idf.get(t, 1.0) ** 2 for t in terms))


def _cosine(a: frozenset[str], b: frozenset[str], idf: dict[str, float],
            norm_a: float | None = None, norm_b: float | None = None) -> float:
    """Cosine of two term sets; pass their norms when known (the same sums)."""
    shared = a & b
    if not shared:
        return 0.0
    if norm_a is None:
        norm_a = _norm(a, idf)
    if norm_b is None:
        norm_b = _norm(b, idf)
    return sum(idf.get(t, 1.0) ** 2 for t in shared) / (norm_a * norm_b)


class _Sim(dict):
    """Sparse symmetric clause similarity: most clause pairs share no term."""

    def get2(self, i: int, j: int) -> float:
        return self.get(i, {}).get(j, 0.0)

    def put(self, i: int, j: int, value: float) -> None:
        self.setdefault(i, {})[j] = value
        self.setdefault(j, {})[i] = value


def _similarity(units: list[_Unit], idf: dict[str, float], pairs: Sequence[Pair]) -> _Sim:
    """Clause similarity over clauses that share a term; paired sentences get a lift."""
    paired = {(p.a, p.b) for p in pairs if p.kind == "sentence"}
    paired |= {(b, a) for a, b in paired}
    index: dict[str, list[int]] = {}
    for i, unit in enumerate(units):
        for stem in unit.stems:
            index.setdefault(stem, []).append(i)
    sim = _Sim()
    norms = [_norm(unit.stems, idf) for unit in units]
    for i, unit in enumerate(units):
        for j in sorted({j for stem in unit.stems for j in index[stem] if j > i}):
            s = _cosine(unit.stems, units[j].stems, idf, norms[i], norms[j])
            if (unit.ref, units[j].ref) in paired and s > 0.1:
                s = min(1.0, s + 0.15)
            sim.put(i, j, s)
    return sim


_ANTONYM_STEMS = [(_stem(a), _stem(b)) for a, b in ANTONYMS]


def _contested(a: frozenset[str], b: frozenset[str]) -> list[tuple[str, str]]:
    """Contested-term pairs: one clause uses a term, the other only its counterpart."""
    out = []
    for x, y in _ANTONYM_STEMS:
        for p, q in ((x, y), (y, x)):
            if p in a and q in b and p not in b and q not in a:
                out.append((p, q))
    return out


@dataclass(frozen=True)
class _Answer:
    """Clause `u` answers clause `v` of the other side; `cue` says how."""

    u: int
    v: int
    cue: str


def _answers(corpus: Corpus, units: list[_Unit], attributions: dict[Ref, Attribution],
             sim: _Sim) -> list[_Answer]:
    """Link each clause that answers the other side to the clause it answers."""
    by_ref: dict[Ref, list[int]] = {}
    for i, u in enumerate(units):
        by_ref.setdefault(u.ref, []).append(i)
    found = [_Answer(i, i - 1, u.link) for i, u in enumerate(units)
             if u.link and i and units[i - 1].ref == u.ref]
    for article in corpus.articles:
        order = [Ref(article.id, p.index, s.index) for p in article.paragraphs for s in p.sentences]
        for paragraph in article.paragraphs:
            found += _paragraph_answers(article, paragraph, units, by_ref, order, attributions, sim)
    for a in found:
        sim.put(a.u, a.v, max(sim.get2(a.u, a.v), _ANSWER_SIM))
    return found


def _paragraph_answers(article, paragraph, units: list[_Unit], by_ref: dict[Ref, list[int]],
                       order: list[Ref], attributions: dict[Ref, Attribution],
                       sim: _Sim) -> list[_Answer]:
    """Answers in one paragraph.

    A clause with its own cue answers what it points at.  A cue that opens
    the paragraph ("X offered a different explanation.") stands for the
    paragraph, but links only its strongest clause: tying every clause of the
    paragraph to a different clause of the other side would split one
    disagreement into many facts.  Other clauses answer only through
    contested terms.
    """
    opening = attributions.get(Ref(article.id, paragraph.index, 0))
    cue_para = _cue(paragraph.sentences[0].text) if opening and opening.side else None
    out: list[_Answer] = []
    inherited: list[tuple[float, _Answer]] = []
    fallback: dict[int, _Answer] = {}
    for sentence in paragraph.sentences:
        ref = Ref(article.id, paragraph.index, sentence.index)
        for i in by_ref.get(ref, []):
            if units[i].link:
                continue
            earlier = _earlier(units, by_ref, order, ref, units[i].side)
            own = _cue(units[i].text) or _cue(sentence.text)
            if own:
                best = _target(i, own, sentence.text, earlier, units, by_ref, order, sim)
                if best is not None:
                    out.append(_Answer(i, best, own))
                continue
            answering = bool(cue_para) and opening.side == units[i].side
            contested = _contested_answer(i, earlier, units, sim, 0.0 if answering else 0.05)
            best = _best(i, earlier, units, sim) if answering else None
            if best is not None:
                inherited.append((_score(i, best, units, sim), _Answer(i, best, cue_para)))
                if contested:
                    fallback[i] = contested
            elif contested:
                out.append(contested)
    if inherited:
        chosen = max(inherited, key=lambda x: x[0])[1]
        out.append(chosen)
        out += [a for i, a in fallback.items() if i != chosen.u]
    return out


def _target(i: int, cue: str, sentence: str, earlier: list[int], units: list[_Unit],
            by_ref: dict[Ref, list[int]], order: list[Ref], sim) -> int | None:
    """What a clause with its own cue answers: for "However, ..." the sentence
    before; otherwise the earlier clause it shares most with; a bare denial
    answers the sentence before it."""
    ref, side = units[i].ref, units[i].side
    if _OPENER.search(units[i].text) or _OPENER.search(sentence):
        best = _just_before(units, by_ref, order, ref, side)
        if best is not None:
            return best
    best = _best(i, earlier, units, sim)
    if best is None and cue not in HEDGES:
        best = _just_before(units, by_ref, order, ref, side)
    return best


def _score(i: int, j: int, units: list[_Unit], sim) -> float:
    return sim.get2(i, j) + 0.3 * len(_contested(units[i].stems, units[j].stems))


def _contested_answer(i: int, earlier: list[int], units: list[_Unit], sim,
                      min_sim: float = 0.05) -> _Answer | None:
    """Without a cue, a clause answers the other side when it shares a topic
    and uses the counterpart of its term (international vs territorial waters)."""
    scored = [(sim.get2(i, j), j, pair) for j in earlier if sim.get2(i, j) >= min_sim
              for pair in _contested(units[i].stems, units[j].stems)[:1]]
    if not scored:
        return None
    _, j, (x, y) = max(scored)
    return _Answer(i, j, f"{units[i].words.get(x, x)} ↔ {units[j].words.get(y, y)}")


_FORWARD = re.compile(r"(?<![\w])(?:" + "|".join(CAUSAL_FORWARD) + r")(?![\w])", re.I)
_BACKWARD = re.compile(r"(?<![\w])(?:" + "|".join(CAUSAL_BACKWARD) + r")(?![\w])", re.I)
_OUTCOME = re.compile(r"(?<![\w])(?:" + "|".join(list(OUTCOME_PHRASES) + sorted(OUTCOMES, key=len, reverse=True))
                      + r")(?![\w])", re.I)
_VERBS = "|".join(sorted(REPORTING_VERBS, key=len, reverse=True))
_SAYING = "|".join(sorted(REPORTING_VERBS - DENIAL - REJECTION_VERBS, key=len, reverse=True))
# A reporting frame to cut off: "According to X," or "X said (... that)"; the
# verb in lower case, so "United States" is no frame.
_FRAME_TEMPLATE = (r"^(?:.*?\b(?i:according to) [^,]+,\s*|[^“\"]{{0,80}}?\b(?:{verbs})\b"
                   r"(?:\s+(?:[^\s,“\"]+\s+){{0,3}}?that\b)?\s+)")
_FRAME = re.compile(_FRAME_TEMPLATE.format(verbs=_VERBS))
_FRAME_SAY = re.compile(_FRAME_TEMPLATE.format(verbs=_SAYING))   # keeps "denied", "rejected"
_DETERMINERS = frozenset("a an the its his her their our this that".split())
_OUTCOME_REACH = 6      # words between a forward connector and its outcome


@dataclass(frozen=True)
class _Cause:
    """A clause that explains an outcome: what happened and, in its words, why."""

    outcome: str            # the outcome's kind ("loss"), shared by its synonyms
    cause: str              # the cause as written
    stems: frozenset[str]   # the cause's content terms
    phrase: str             # the cause's key words, for evidence and titles


def _outcome(text: str) -> str | None:
    m = _OUTCOME.search(text)
    if not m:
        return None
    word = m.group(0).lower()
    return OUTCOME_PHRASES.get(word) or next(
        (kind for p, kind in OUTCOME_PHRASES.items() if re.fullmatch(p, word)), None) or OUTCOMES.get(word)


def _cause_of(text: str, skip: frozenset[str]) -> _Cause | None:
    """The outcome a clause explains and its cause, when a causal connector
    ties them: "X, resulting in its crash" or "it was ditched after X"."""
    for m in _FORWARD.finditer(text):
        after = text[m.end():]
        head = " ".join(_TOKEN.findall(after)[:_OUTCOME_REACH])
        kind = _outcome(head)
        if kind:
            return _make_cause(kind, text[:m.start()], skip)
    for m in _BACKWARD.finditer(text):
        kind = _outcome(text[:m.start()])
        if kind:
            return _make_cause(kind, text[m.end():], skip)
    return None


def _make_cause(kind: str, cause: str, skip: frozenset[str]) -> _Cause | None:
    cause = _FRAME.sub("", cause).strip(" ,;.")
    cause = re.sub(r"[\s,]+(?:that|which|who|and|but)$", "", cause, flags=re.I)
    stems = frozenset(s for s in _terms(cause, skip) if normalise(s) not in OUTCOMES)
    if not stems:
        return None
    return _Cause(kind, cause, stems, _cause_phrase(cause))


def _cause_phrase(cause: str) -> str:
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


def _cause_answers(units: list[_Unit], skip: frozenset[str], sim: _Sim) -> list[_Answer]:
    """Incompatible causes: two sides' clauses that explain the same outcome
    (crash, ditched, downed ...) by different causes are one disagreement.

    Gated tightly: both clauses need a causal connector tied to an outcome
    word of the same kind, the sides must differ, the clauses must share a
    term or be paired (one event, not two crashes), and the causes must share
    less than half their terms.  The strongest-worded pair comes first, so
    its cue is the one the evidence shows.
    """
    causes = {i: c for i, u in enumerate(units) if u.side and (c := _cause_of(u.text, skip))}
    tally = Counter((units[i].side, c.outcome) for i, c in causes.items())
    out = []
    for i, a in causes.items():
        for j, b in causes.items():
            if j <= i or a.outcome != b.outcome or units[i].side == units[j].side:
                continue
            if sim.get2(i, j) <= 0.0:
                continue   # nothing in common: another event's outcome
            if len(a.stems & b.stems) * 2 >= min(len(a.stems), len(b.stems)):
                continue   # the same cause told twice: not a disagreement
            first, second = sorted((i, j), key=lambda k: (-tally[(units[k].side, a.outcome)],
                                                          units[k].side))
            cue = f"cause: {causes[first].phrase} ↔ {causes[second].phrase}"
            weight = len(a.phrase.split()) + len(b.phrase.split())
            out.append((-weight, i, j, _Answer(j, i, cue)))
    out.sort(key=lambda x: x[:3])
    return [a for *_, a in out]


def _attach_causes(groups: list[list[int]], units: list[_Unit], causes: list[_Answer],
                   answers: list[_Answer]) -> list[list[int]]:
    """Put each side's version of a cause beside the other's.

    Only the causal clause itself moves, never its group, so a clause that
    clustered with unrelated ones cannot drag them along: it joins the group
    of the clause it contradicts when that group is a dispute (or larger).
    """
    groups = [list(g) for g in groups]
    where = {i: k for k, g in enumerate(groups) for i in g}
    for a in causes:
        ku, kv = where[a.u], where[a.v]
        if ku == kv:
            continue
        rank = lambda k: (_status(units, groups[k], answers)[0] == "disputed", len(groups[k]))  # noqa: E731
        anchor, mover = (kv, a.u) if rank(kv) >= rank(ku) else (ku, a.v)
        groups[where[mover]].remove(mover)
        groups[anchor].append(mover)
        where[mover] = anchor
    return [sorted(g) for g in groups if g]


@lru_cache(maxsize=8192)
def _cue(text: str) -> str | None:
    """The words that mark a clause as an answer: denial, contrast, a hedged claim."""
    m = _DENIAL.search(text) or _CONTRAST.search(text) or _OPENER.search(text)
    if m:
        return re.sub(r"^\W+|\W+$", "", m.group(0).lower())
    for w in _TOKEN.findall(text):
        if w.lower() in HEDGES and w.lower().startswith("claim"):
            return w.lower()
    return None


def _earlier(units: list[_Unit], by_ref: dict[Ref, list[int]], order: list[Ref], ref: Ref,
             side: str | None) -> list[int]:
    """The other side's clauses before `ref` in its paragraph or the `_WINDOW` before it."""
    out = []
    for before in reversed(order[:order.index(ref)]):
        if before.paragraph < ref.paragraph - _WINDOW:
            break
        out += [i for i in by_ref.get(before, []) if units[i].side not in (side, None)]
    return sorted(out)


def _best(i: int, earlier: list[int], units: list[_Unit], sim) -> int | None:
    """The earlier clause this one answers: most shared or contested terms."""
    scored = [(_score(i, j, units, sim), units[j].order, j) for j in earlier]
    scored = [s for s in scored if s[0] > 0.05]
    return max(scored)[2] if scored else None


def _just_before(units: list[_Unit], by_ref: dict[Ref, list[int]], order: list[Ref], ref: Ref,
                 side: str | None) -> int | None:
    """The other side's main clause in the sentence right before: what a bare "denied" answers."""
    k = order.index(ref)
    if k == 0:
        return None
    before = [j for j in by_ref.get(order[k - 1], []) if units[j].side not in (side, None)]
    return before[0] if before else None


def _cluster(sim: _Sim, n: int, must: list[tuple[int, int]]) -> list[list[int]]:
    """Average-linkage agglomerative clustering down to `_MIN_SIM`.

    An answer and the clause it answers start in one cluster (each answer
    links to one clause only, so this cannot chain a whole article).  Links
    are kept as sums over member pairs in a sparse table, and candidates in a
    heap checked on pop, so long corpora stay fast.
    """
    root = list(range(n))

    def find(i: int) -> int:
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    for a, b in must:
        root[find(a)] = find(b)
    members: dict[int, list[int]] = {}
    for i in range(n):
        members.setdefault(find(i), []).append(i)
    total: dict[int, dict[int, float]] = {c: {} for c in members}
    for i, row in sim.items():
        for j, value in row.items():
            a, b = find(i), find(j)
            if i < j and a != b:
                total[a][b] = total[b][a] = total[a].get(b, 0.0) + value
    average = lambda a, b: total[a].get(b, 0.0) / (len(members[a]) * len(members[b]))  # noqa: E731
    heap = [(-average(a, b), a, b) for a in total for b in total[a] if a < b]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in members or b not in members or abs(-neg - average(a, b)) > 1e-12:
            continue   # a stale entry: one side was merged since
        if -neg < _MIN_SIM:
            break
        for k, value in total.pop(b).items():
            del total[k][b]
            if k != a:
                total[a][k] = total[k][a] = total[a].get(k, 0.0) + value
        members[a] += members.pop(b)
        for k in total[a]:
            heapq.heappush(heap, (-average(a, k), min(a, k), max(a, k)))
    return [sorted(m) for m in members.values()]


def _average(sim: _Sim, xs: list[int], ys: list[int]) -> float:
    return sum(sim.get2(x, y) for x in xs for y in ys) / (len(xs) * len(ys))


def _evidence(units: list[_Unit], group: list[int], answers: list[_Answer]) -> list[str]:
    """Why a group is disputed: denials, answers, negated shared terms, contested terms."""
    members = set(group)
    out: list[str] = []
    for i in group:
        for m in _DENIAL.finditer(normalise(units[i].text)):
            out.append(f"{m.group(0).lower()} ({units[i].side})")
    said = {e.split(" (")[0] for e in out}
    cause = False
    for a in answers:
        if a.u in members and a.v in members and a.cue not in said and a.cue != "apposition":
            if a.cue.startswith("cause: "):
                if cause:
                    continue   # one cause pair tells the disagreement
                cause = True
            out.append(a.cue)
    sides = {units[i].side for i in group}
    if len(sides) > 1:
        for i in group:
            for j in group:
                if units[i].side >= units[j].side:
                    continue
                for x, y in _contested(units[i].stems, units[j].stems):
                    out.append(f"{units[i].words.get(x, x)} ↔ {units[j].words.get(y, y)}")
                out.extend(_negated(units[i], units[j]) + _negated(units[j], units[i]))
    return list(dict.fromkeys(out))


def _negated(a: _Unit, b: _Unit) -> list[str]:
    """Terms both clauses use, negated in `a` only ("did not come in contact")."""
    tokens = _lower_tokens(a.text)
    out = []
    for k, tok in enumerate(tokens):
        if tok in NEGATION or tok.endswith("n't"):
            for later in tokens[k + 1:k + 6]:
                stem = _stem(later)
                if stem in b.stems and stem in a.stems and not _has_negation(b.text):
                    out.append(f"{tok} {later}")
                    break
    return out


@lru_cache(maxsize=8192)
def _lower_tokens(text: str) -> tuple[str, ...]:
    return tuple(normalise(t).lower() for t in _TOKEN.findall(text))


@lru_cache(maxsize=8192)
def _has_negation(text: str) -> bool:
    return any(normalise(t).lower() in NEGATION for t in _TOKEN.findall(text))


def _status(units: list[_Unit], group: list[int], answers: list[_Answer]) -> tuple[str, list[str]]:
    """disputed / agreed / one-sided, with the evidence for a dispute."""
    sides = {units[i].side for i in group if units[i].side}
    evidence = _evidence(units, group, answers)
    denial = any("(" in e for e in evidence)
    if len(sides) > 1:
        return ("disputed" if evidence else "agreed"), evidence
    return ("disputed" if denial else "one-sided"), evidence


def _join_disputes(groups: list[list[int]], units: list[_Unit], answers: list[_Answer],
                   sim: _Sim) -> list[list[int]]:
    """Merge disputes about the same topic, most similar first (average linkage).

    One disagreement is often told in several places (a rejection in one
    article, the two versions in another); once both groups are known to be
    disputes, a low overlap is enough to say they are the same one.
    """
    statuses = [_status(units, g, answers)[0] for g in groups]
    disputed = [g for g, status in zip(groups, statuses) if status == "disputed"]
    others = [g for g, status in zip(groups, statuses) if status != "disputed"]
    while len(disputed) > 1:
        score, a, b = max((_average(sim, x, y), i, j) for i, x in enumerate(disputed)
                          for j, y in enumerate(disputed) if i < j)
        if score < _DISPUTE_SIM:
            break
        disputed[a] = sorted(disputed[a] + disputed.pop(b))
    return others + disputed


def _fact(units: list[_Unit], group: list[int], idf: dict[str, float],
          answers: list[_Answer], sim: _Sim) -> Fact | None:
    """A fact from a group of clauses, or None when it is a lone one-sided clause."""
    status, evidence = _status(units, group, answers)
    if len(group) < 2 and status != "disputed":
        return None
    accounts = _accounts(units, group)
    fact_id = _fact_id([a.text for a in accounts])
    evidence = tuple(evidence) if status == "disputed" else ()
    return Fact(fact_id, _title(units, group, idf, status, answers, sim), status, 0,
                evidence, _evidence_first(accounts, evidence))


def _evidence_first(accounts: tuple[Account, ...], evidence: tuple[str, ...]) -> tuple[Account, ...]:
    """Within each side, the accounts that carry the conflicting words come first,
    so the reader opens on "struck its propeller", not on a passing mention."""
    words = {w for e in evidence for w in re.findall(r"[^\W\d_]{4,}", e.lower())}

    def hits(account: Account) -> int:
        return sum(1 for w in words if w in account.text.lower())

    return tuple(sorted(accounts, key=lambda a: (a.side or "", -hits(a), a.ref)))


def _accounts(units: list[_Unit], group: list[int]) -> tuple[Account, ...]:
    """One account per side and sentence (clauses of one sentence joined)."""
    merged: dict[tuple[str | None, Ref], list[_Unit]] = {}
    for i in sorted(group, key=lambda i: units[i].order):
        merged.setdefault((units[i].side, units[i].ref), []).append(units[i])
    return tuple(
        Account(side, ref, " … ".join(u.text for u in us), us[0].speaker, us[0].inferred)
        for (side, ref), us in sorted(merged.items(), key=lambda kv: (kv[0][0] or "", kv[0][1]))
    )


_TITLE_MAX = 60          # a title a reader takes in at a glance
def _title(units: list[_Unit], group: list[int], idf: dict[str, float], status: str,
           answers: list[_Answer], sim: _Sim) -> str:
    """A short title made of the accounts' own words.

    A dispute reads "Topic: one side's version vs the other's" (the two
    causes of one outcome, the contested terms, or each side's most telling
    phrase); an agreed or one-sided fact is the most central clause, trimmed
    to its strongest run of words.
    """
    weight = _weights(units, group, idf)
    if status == "disputed" and len({units[i].side for i in group}) > 1:
        title = _dispute_title(units, group, idf, answers, weight)
        if title:
            return title
    return _central(units, group, weight, sim) or "Untitled"


def _weights(units: list[_Unit], group: list[int], idf: dict[str, float]) -> dict[str, float]:
    """How central each term is to the group: clauses using it, times its idf."""
    count = Counter(stem for i in group for stem in units[i].stems)
    return {stem: n * idf.get(stem, 1.0) for stem, n in count.items()}


def _upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _fits(*parts: str) -> str | None:
    topic, a, b = parts
    title = f"{_upper(topic)}: {a} vs {b}" if topic else f"{_upper(a)} vs {b}"
    return title if len(title) <= _TITLE_MAX else None


def _dispute_title(units: list[_Unit], group: list[int], idf: dict[str, float],
                   answers: list[_Answer], weight: dict[str, float]) -> str | None:
    members = set(group)
    by_side: dict[str, list[int]] = {}
    for i in group:
        by_side.setdefault(units[i].side or "", []).append(i)
    first, second = sorted(by_side, key=lambda s: (-len(by_side[s]), s))[:2]
    stems = {side: set().union(*(units[i].stems for i in ids)) for side, ids in by_side.items()}
    shared = stems[first] & stems[second]
    for a in answers:
        if a.cue.startswith("cause: ") and a.u in members and a.v in members:
            return _cause_title(units, a, shared, weight)
    pairs = []
    for i in by_side[first]:
        for j in by_side[second]:
            for x, y in _contested(units[i].stems, units[j].stems):
                a, b = _with_next(units[i], x), _with_next(units[j], y)
                same = bool(a[1]) and a[1] == b[1]
                pairs.append((same, bool(a[1] or b[1]), weight.get(x, 0) + weight.get(y, 0), a, b))
    if pairs:
        *_, a, b = max(pairs)
        if a[1] and a[1] == b[1]:
            title = _fits(a[1], a[0], b[0])
        elif a[1]:
            title = _fits(a[1], a[0], " ".join(w for w in b if w))
        else:
            title = _fits(b[1] or "", " ".join(w for w in a if w), b[0])
        if title:
            return title
    a = _run([units[i] for i in by_side[first]], idf, stems[second])
    b = _run([units[i] for i in by_side[second]], idf, stems[first])
    return _fits("", a, b) if a and b else None


def _with_next(unit: _Unit, stem: str) -> tuple[str, str | None]:
    """A contested term as written and the content word after it ("international", "airspace")."""
    tokens = _TOKEN.findall(unit.text)
    for k, token in enumerate(tokens):
        if _stem(token) == stem:
            after = tokens[k + 1] if k + 1 < len(tokens) else ""
            keep = after and _stem(after) in unit.stems and after[:1].islower()
            return token, (after if keep else None)
    return unit.words.get(stem, stem), None


def _cause_title(units: list[_Unit], answer: _Answer, shared: set[str],
                 weight: dict[str, float]) -> str | None:
    """The outcome (with the thing it happened to, when both causal clauses
    name it before the outcome) and each side's cause: "Crash: X vs Y"."""
    a, b = answer.cue.removeprefix("cause: ").split(" ↔ ")
    outcomes: Counter[str] = Counter()
    for k in (answer.u, answer.v):
        for m in _OUTCOME.finditer(units[k].text):
            outcomes[m.group(0)] += 1
    nouns = [w for w in outcomes if not w.lower().endswith("ed")] or list(outcomes)
    outcome = max(nouns, key=lambda w: (outcomes[w], -len(w), w))
    before = [_before_outcome(units[k].text) for k in (answer.u, answer.v)]
    both = [t for t in shared if all(t in b for b in before)
            and normalise(units[answer.u].words[t]) not in OUTCOMES]
    thing = max(both, key=lambda t: (weight.get(t, 0), t)) if both else None
    thing_word = units[answer.u].words[thing].removesuffix("’s").removesuffix("'s") if thing else ""
    for topic in (f"{thing_word} {outcome}".strip(), outcome):
        if title := _fits(topic, a, b):
            return title
    return _fits("", a, b)


_QUOTE = re.compile(r"[“\"]([^”\"]{12,})[”\"]")
_BREAK = frozenset("""while which who whom whose that because although though but and as after before when
where since until unless if than so for with without about over under into from of at by to in on
between toward towards against among through across during upon onto via per like""".split())


def _before_outcome(text: str) -> set[str]:
    """Terms before the first outcome word: the thing that crashed, not where."""
    m = _OUTCOME.search(text)
    return {_stem(t) for t in _TOKEN.findall(text[:m.start()] if m else "")}


def _central(units: list[_Unit], group: list[int], weight: dict[str, float], sim: _Sim) -> str:
    """The most central clause of the group as a short heading: the claim (a
    quotation, or what follows "X said"), cut at a natural break before
    `_TITLE_MAX` characters and ending on a content word."""
    best = max(group, key=lambda i: (sum(sim.get2(i, j) for j in group if j != i), -units[i].order))
    text = units[best].text
    quoted = _QUOTE.search(text)
    text = quoted.group(1) if quoted and len(quoted.group(1).split()) >= 4 else _FRAME_SAY.sub("", text)
    text = re.split(r"(?<=[a-z0-9’'][.!?])\s+(?=[A-Z“\"])", text.strip(" ,;…"))[0].strip(" ,;.…")
    text = re.sub(r"^(?:(?:and|but|that|which|while|who|so|yet)\s+)+", "", text, flags=re.I)
    text = re.sub(r"^(?:(?:\w+\s+){1,2}(?:know|knows|believe|believes|think|thinks)\s+that\s+)", "", text,
                  flags=re.I)
    text = re.sub(r"^(?:it|he|she|they|we|i|you)\s+(?:(?:has|have|had|was|were|is|are|will|would|could|can|"
                  r"also|still|been|being)\s+)*(?=\w)", "", text, flags=re.I)
    return _upper(_trim(text.split()))


def _trim(words: list[str]) -> str:
    """Words from the start, at most `_TITLE_MAX` characters, cut before a
    comma or a linking word when there is one past the middle."""
    def content(w: str) -> bool:
        w = normalise(w.strip(",;:()“”\"")).lower()
        return bool(w) and w not in STOPWORDS and w not in _BREAK
    out: list[str] = []
    for w in words:
        if len(" ".join(out + [w])) > _TITLE_MAX:
            break
        out.append(w)
    if len(out) < len(words):
        cuts = [k for k in range(len(out) // 2, len(out))
                if out[k].endswith(",") or normalise(out[k]).lower() in _BREAK]
        if cuts:
            out = out[:cuts[-1] + 1 if out[cuts[-1]].endswith(",") else cuts[-1]]
    while out and not content(out[-1]):
        out.pop()
    return " ".join(out).strip(" ,;:")


def _run(units: list[_Unit], idf: dict[str, float], exclude: set[str], most: int = 4) -> str:
    """A side's most telling short run of words (at most `most` words, 28
    characters): its own terms count fully, shared ones little, names half; a
    denial or negation may lead it ("denied any role", "never turned toward")."""
    score: Counter[str] = Counter()
    for unit in units:
        tokens = _TOKEN.findall(_FRAME_SAY.sub("", unit.text))
        value = []
        for k, t in enumerate(tokens):
            low, stem = normalise(t).lower(), _stem(t)
            if low in NEGATION or low in DENIAL:
                value.append(1.0)
            elif low in REPORTING_PARTICIPLES:
                value.append(None)
            elif stem in unit.stems:
                v = idf.get(stem, 1.0) * (0.3 if stem in exclude else 1.0)
                value.append(v * (0.5 if t[:1].isupper() and k > 0 else 1.0))
            else:
                value.append(None)
        for i in range(len(tokens)):
            if value[i] is None:
                continue
            for j in range(i, min(len(tokens), i + most)):
                words = " ".join(tokens[i:j + 1])
                if len(words) > 28:
                    break
                if value[j] is None or not _stem(tokens[j]) in unit.stems:
                    continue
                got = sum(v for v in value[i:j + 1] if v) - 0.4 * (j - i)
                score[words] = max(score[words], got)
    return max(sorted(score), key=lambda k: score[k]) if score else ""


def _fact_id(texts: list[str]) -> str:
    """A hash of the normalised member texts: stable across runs and orderings."""
    norm = sorted(re.sub(r"\W+", " ", normalise(t).lower()).strip() for t in texts)
    return "f-" + hashlib.sha1("\n".join(norm).encode()).hexdigest()[:10]


def _pinned(corpus: Corpus, attributions: dict[Ref, Attribution]) -> list[Fact]:
    """The case file's pinned facts: every sentence that uses one of the terms."""
    out = []
    for pin in corpus.case.pinned:
        terms = [re.compile(rf"(?<!\w){re.escape(t)}(?!\w)", re.I) for t in pin.terms or (pin.title,)]
        accounts = []
        for article in corpus.articles:
            for paragraph in article.paragraphs:
                for sentence in paragraph.sentences:
                    if any(t.search(sentence.text) for t in terms):
                        ref = Ref(article.id, paragraph.index, sentence.index)
                        who = attributions.get(ref) or Attribution(ref, None, None)
                        accounts.append(Account(who.side, ref, sentence.text, who.speaker, who.inferred))
        sides = {a.side for a in accounts if a.side}
        evidence = tuple(dict.fromkeys(
            f"{m.group(0).lower()} ({a.side})" for a in accounts if a.side
            for m in _DENIAL.finditer(normalise(a.text))))
        status = "disputed" if evidence else "agreed" if len(sides) > 1 else "one-sided"
        out.append(Fact("pin-" + hashlib.sha1(pin.title.encode()).hexdigest()[:10], pin.title,
                        status, 0, evidence, tuple(accounts)))
    return out


_STATUS_ORDER = {"disputed": 0, "agreed": 1, "one-sided": 2}


def _rank(facts: list[Fact]) -> tuple[Fact, ...]:
    """Most central first: disputes, then how many articles carry the fact, how many
    sides speak, and how directly they contradict (a denial or negation beats a cue)."""
    def key(f: Fact) -> tuple:
        articles = len({a.ref.article for a in f.accounts})
        sides = len({a.side for a in f.accounts if a.side})
        direct = any("(" in e or e.split()[0] in NEGATION for e in f.evidence)
        weight = 2 * articles + sides + (2 if direct else 1 if f.evidence else 0)
        return (_STATUS_ORDER[f.status], -weight, -len(f.accounts), f.id)
    ordered = sorted(facts, key=key)
    return tuple(Fact(f.id, f.title, f.status, i + 1, f.evidence, f.accounts)
                 for i, f in enumerate(ordered))
