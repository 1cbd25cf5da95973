"""Status: is a question disputed, agreed, or told by one side only, and why.

A question both sides answer is `disputed` when their answers conflict, and
each conflict is kept as evidence the reader can show: a denial of the other
side's claim, an explicit answer ("a different explanation", "however"), a
term one side negates and the other asserts, contested terms (international
vs territorial), different numbers, or different values for a question whose
answers are values (a weather balloon vs a surveillance balloon).  On
questions of conduct, intent and blame the two sides' words are judgements
of each other, so two sides answering is itself the conflict.  An admission
("does not deny", "acknowledged") is agreement, not a denial.  `agreed` is
left for answers with no conflict at all.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text.lexicons import ANTONYMS, CONTRAST, MONTHS, NEGATION
from ..model import Evidence, EvidenceKind, Status
from ..text.textnorm import normalise, term
from .aspects import BY_ID, OTHER
from .questions import Answer
from .roles import swapped
from .units import DENIAL_RE, Unit, acts_of

# An answer that says it contradicts ("a different explanation", "contrary to",
# "pushed back"), unlike an opener ("however", "on the other hand") or a hedge ("claims").
_EXPLICIT = re.compile("|".join(c for c in CONTRAST if c != "on the other hand"))
# Aspects whose answers judge the other side: both sides answering is the conflict.
JUDGEMENTS = frozenset({"conduct", "intent", "blame"})
# Questions whose answers may be who did it: two sides swapping the actor is their conflict.
WHO_DID_IT = frozenset({"action", "outcome", "blame", "intent", "conduct", OTHER})
_ADMISSION = re.compile(r"(?:not|n't|never)\s+(?:\w+\s+)?(?:deny|denied|denies|dispute|disputed|disputes|reject)"
                        r"|\b(?:acknowledged|admitted|admits|acknowledges|conceded|concedes)\b", re.I)
_WORDS = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
_ANTONYM_TERMS = [(term(a), term(b)) for a, b in ANTONYMS]


def decide(aspect: str, units: list[Unit], members: list[int],
           answers: list[Answer]) -> tuple[Status, list[Evidence]]:
    """The status of one question and the evidence for a dispute."""
    group = [units[i] for i in members]
    sides = sorted({u.side for u in group if u.side})
    evidence = _evidence(aspect, group, set(members), answers, sides)
    if len(sides) < 2:
        return "one-sided", []
    strong = [e for e in evidence if e.kind in (_STRONG if aspect != OTHER else _EXPLICIT_KINDS) or _denies_phrase(e)]
    weak = [e for e in evidence if e.kind not in _STRONG and (e.kind != "values" or BY_ID[aspect].valued)]
    conflict = strong or (weak if _substantial(group, sides) and not _admitted(group) else [])
    return ("disputed" if conflict else "agreed"), evidence if conflict else []


# Evidence that two answers conflict on its own; the rest (different words for a
# value, judgements, a bare "however") only where the question is a real thread
# of the story: several articles, each side answering more than once.
_STRONG = frozenset({"denial", "answer", "cause", "roles", "negation", "contested", "numbers"})
# Outside the questions, clauses meet on shared words only: a dispute there needs a side
# to say so (a denial, an explicit answer) or incompatible causes.
_EXPLICIT_KINDS = frozenset({"denial", "answer", "cause"})
_THREAD_ARTICLES = 2
_THREAD_ANSWERS = 2


def _denies_phrase(e: Evidence) -> bool:
    """A negation of two words the other side says as they stand ("no maritime militia" against
    "the ships are maritime militia"): a dispute even outside the questions."""
    return e.kind == "negation" and len(e.words.split()) > 2


def _substantial(group: list[Unit], sides: list[str]) -> bool:
    return (len({u.ref.article for u in group}) >= _THREAD_ARTICLES
            and all(sum(u.side == s for u in group) >= _THREAD_ANSWERS for s in sides[:2]))


def _admitted(group: list[Unit]) -> bool:
    return any(_ADMISSION.search(u.text) for u in group)


def _evidence(aspect: str, group: list[Unit], members: set[int], answers: list[Answer],
              sides: list[str]) -> list[Evidence]:
    out: list[Evidence] = []
    for u in group:
        if _ADMISSION.search(u.text):
            continue
        for m in DENIAL_RE.finditer(normalise(u.text)):
            out.append(Evidence("denial", m.group(0).lower(), u.side))
    denied = {e.words for e in out}
    for a in answers:
        if a.u in members and a.v in members and a.cue not in ("apposition", *denied):
            kind: EvidenceKind = ("cause" if a.causes is not None
                                  else "answer" if _EXPLICIT.search(a.cue) else "cue")
            out.append(Evidence(kind, a.cue))
    if len(sides) < 2:
        return _unique(out)
    by_side = {s: [u for u in group if u.side == s] for s in sides[:2]}
    first, second = (by_side[s] for s in sides[:2])
    if aspect in WHO_DID_IT:   # who acted: not a question of where, what or how many
        out += swapped(sides[0], acts_of(first), sides[1], acts_of(second))
    out += _negated(first, second) + _negated(second, first)
    out += _contested(first, second)
    out += _numbers(first, second)
    if aspect in JUDGEMENTS:
        out.append(Evidence("judgement", f"{_words(first, aspect)} ↔ {_words(second, aspect)}"))
    else:
        out += _values(first, second, aspect)
    return _unique(out)


_STRENGTH = {"cause": 0, "denial": 1, "answer": 2, "roles": 3, "negation": 4, "contested": 5, "numbers": 6,
             "cue": 7, "values": 8, "judgement": 9}


def _unique(evidence: list[Evidence]) -> list[Evidence]:
    """Each reason once, the most direct first (a cause or a denial before a shared cue)."""
    seen: dict[str, Evidence] = {}
    for e in evidence:
        seen.setdefault(str(e), e)
    return sorted(seen.values(), key=lambda e: _STRENGTH[e.kind])


def _negated(a: list[Unit], b: list[Unit]) -> list[Evidence]:
    """Terms both sides use, negated in side a's clause only ("did not come in contact")."""
    b_terms = {t for u in b for t in u.terms}
    b_plain = {t for u in b if not _has_negation(u.text) for t in u.terms}
    out = []
    for u in a:
        if _ADMISSION.search(u.text):
            continue   # "does not deny that ...": the negation is of a denial
        words = _WORDS.findall(normalise(u.text))
        tokens = [w.lower() for w in words]
        for k, tok in enumerate(tokens):
            if tok in NEGATION or tok.endswith("n't"):
                for j, (later, raw) in enumerate(zip(tokens[k + 1:k + 6], words[k + 1:k + 6]), k + 1):
                    t = term(later)
                    if t and t in b_terms and t in b_plain and not raw[:1].isupper():   # a name is no claim
                        out.append(Evidence("negation", _phrase(tok, tokens[j:j + 2], b), u.side))
                        break
    return out[:2]


def _phrase(negation: str, tokens: list[str], b: list[Unit]) -> str:
    """The words a negation denies: two the other side says as they stand ("no maritime militia"
    against "are maritime militia"), else the first."""
    pair = f" {' '.join(tokens)} "
    if len(tokens) == 2 and term(tokens[1]) and any(
            pair in _spaced_words(u.text) for u in b if not _has_negation(u.text)):
        return f"{negation}{pair.rstrip()}"
    return f"{negation} {tokens[0]}"


@lru_cache(maxsize=65536)
def _spaced_words(text: str) -> str:
    """A text's words, lower case, one space between and around them: for phrase lookups."""
    return f" {' '.join(_WORDS.findall(normalise(text).lower()))} "


@lru_cache(maxsize=65536)
def _has_negation(text: str) -> bool:
    return any(w.lower() in NEGATION or w.lower().endswith("n't") for w in _WORDS.findall(normalise(text)))


def _contested(a: list[Unit], b: list[Unit]) -> list[Evidence]:
    """One side uses a term, the other only its counterpart (international vs territorial)."""
    ta = {t: w for u in a for t, w in u.terms.items()}
    tb = {t: w for u in b for t, w in u.terms.items()}
    out = []
    for x, y in _ANTONYM_TERMS:
        for p, q, sp, sq in ((x, y, ta, tb), (y, x, ta, tb)):
            if p in sp and q in sq and p not in sq and q not in sp:
                out.append(Evidence("contested", f"{sp[p]} ↔ {sq[q]}"))
    return out


def _numbers(a: list[Unit], b: list[Unit]) -> list[Evidence]:
    """Different counts of one thing: each side gives a count of it the other never gives
    ("at least 45 soldiers" against "four of its soldiers"); the same count told by both
    ("20 soldiers") is agreement on that count."""
    ca, cb = _counts(a), _counts(b)
    for noun in sorted(set(ca) & set(cb)):
        only_a, only_b = ca[noun] - cb[noun], cb[noun] - ca[noun]
        if only_a and only_b:
            return [Evidence("numbers", f"{'/'.join(sorted(only_a))} ↔ {'/'.join(sorted(only_b))} {noun}")]
    return []


_WORD_NUMBERS = {w: str(k) for k, w in enumerate("zero one two three four five six seven eight nine ten eleven "
                                                 "twelve".split())}
_BEFORE_NOUN = frozenset("of its their the his her our your more than other others additional".split())


def _counts(units: list[Unit]) -> dict[str, set[str]]:
    """Counts a side states, by the thing counted: numbers that are not years, dates or times,
    each with the first word after it that is not a name, a possessive or "of"."""
    out: dict[str, set[str]] = {}
    for u in units:
        words = _WORDS.findall(normalise(u.text))
        low = [w.lower() for w in words]
        for k, w in enumerate(low):
            value = _WORD_NUMBERS.get(w) or (w.replace(",", "") if w.replace(",", "").isdigit() else None)
            if value is None or value == "0" or (len(value) == 4 and value[:2] in ("19", "20")):
                continue
            near = low[max(0, k - 1):k] + low[k + 1:k + 2]
            if any(n in MONTHS for n in near) or (k and low[k - 1] in ("at", "on")):
                continue
            noun = next((term(x) for x, raw in zip(low[k + 1:k + 5], words[k + 1:k + 5])
                         if x not in _BEFORE_NOUN and not raw[:1].isupper() and term(x)), None)
            if noun:
                out.setdefault(noun, set()).add(value)
    return out


def _values(a: list[Unit], b: list[Unit], aspect: str) -> list[Evidence]:
    """Each side answers with words of the aspect the other never uses."""
    wa, wb = _aspect_words(a, aspect), _aspect_words(b, aspect)
    only_a, only_b = [w for w in wa if w not in wb], [w for w in wb if w not in wa]
    if only_a and only_b:
        return [Evidence("values", f"{wa[only_a[0]]} ↔ {wb[only_b[0]]}")]
    return []


def _aspect_words(units: list[Unit], aspect: str) -> dict[str, str]:
    """The aspect's words the units use, by their matching term, each as first written
    (the reader is shown "inside", never the term "insid")."""
    seen: dict[str, str] = {}
    for u in units:
        for w in u.aspects.get(aspect, ()):
            seen.setdefault(term(w) or w, w)
    return seen


def _words(units: list[Unit], aspect: str) -> str:
    """The aspect's words one side uses most, for a judgement's evidence."""
    counts: dict[str, int] = {}
    for u in units:
        for w in u.aspects.get(aspect, ()):
            counts[w] = counts.get(w, 0) + 1
    return max(sorted(counts), key=lambda w: counts[w]) if counts else "…"
