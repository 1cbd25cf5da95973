"""Claims as the facts stage reads them: one clause of one sentence, with its side and span.

A sentence often carries more than one claim ("X struck its propeller while
it was flying in international airspace"), and sometimes both sides ("their
navy says four were hurt; the ministry says one"), so the unit is the clause,
cut at "while", ", which", ", who", "and that", a semicolon and "a claim
that".  A clause with its own named speaker takes that speaker's side; "X's
claim that Y" gives Y to X's side as a claim *reported by* the sentence's
side, never as X's own words.  Every unit keeps its exact span in the source
file, so the reader never has to search for it again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..claims.speech import find_claims
from ..claims.sides import SideMatcher
from ..text.lexicons import DENIAL, NEGATION, REJECTION_VERBS, REPORTING_PARTICIPLES
from ..model import Attribution, Corpus, Ref, source_offsets
from ..text.textnorm import normalise, scan
from .roles import Act, Acts, act_of

_SPLIT = re.compile(
    r",?\s+(?=while\s)|,\s+(?=which\s)|,\s+(?=who\s)|;\s+|,?\s+(?=and\s+that\s)"
    r"|,\s+(?=(?:an?\s+)?(?:claim|accusation|allegation|assertion|action|move|step|decision)s?\s+that\s)"
    r"|,\s+(?=an?\s+(?:claim|accusation|allegation|assertion)s?\s+(?:\w+\s+){1,4}?(?:denied|rejected|dismissed|"
    r"disputed)\b)")
_EMBEDDED = re.compile(r"[’']s\s+(?:(?:claims?|assertions?|allegations?|accusations?|versions?)\s+(?:that\s+|of\s+)?"
                       r"|(?:announcements?|statements?|charges?|suggestions?)\s+that\s+)(?P<what>.+)$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*|\d[\d,.]*")
DENIAL_RE = re.compile(r"(?<![\w])(?:" + "|".join(sorted(DENIAL | REJECTION_VERBS - {"pushed"},
                       key=lambda w: (-len(w), w))) + r")(?![\w])", re.I)


@dataclass
class Unit:
    """One clause with the side that asserts it and where it is in the source."""

    index: int
    ref: Ref
    text: str
    start: int                  # offsets into the article's source file
    end: int
    side: str | None
    speaker: str | None
    inferred: bool
    reported_by: str | None = None   # the side whose sentence reports this claim of the other's
    link: str | None = None          # a cue tying it to the clause before it ("denied", "claim")
    terms: dict[str, str] = field(default_factory=dict)   # matching term -> the word as written
    aspects: dict[str, tuple[str, ...]] = field(default_factory=dict)
    background: bool = False         # about another event than the corpus's own (set by build_facts)
    act: Act | None = None           # who did what to whom, when its shape shows it
    actor_side: str | None = None    # the side its actor's phrase names, if one
    tags: tuple[tuple[str, tuple[str, ...]], ...] | None = None   # `aspects.tag` of its text, once read

    @property
    def stems(self) -> frozenset[str]:
        return frozenset(self.terms)


def build_units(corpus: Corpus, attributions: dict[Ref, Attribution], matcher: SideMatcher,
                skip: frozenset[str]) -> list[Unit]:
    """Clauses of every sentence that has a side, in corpus order."""
    units: list[Unit] = []
    for article in corpus.articles:
        for paragraph in article.paragraphs:
            for sentence in paragraph.sentences:
                ref = Ref(article.id, paragraph.index, sentence.index)
                who = attributions.get(ref)
                if not who or not who.side:
                    continue
                offsets = source_offsets(article.source_text[sentence.start:sentence.end], sentence.start)
                previous_side = None
                for a, b, side, speaker, link, reported in _clauses(sentence.text, who, matcher):
                    terms = content_terms(sentence.text[a:b], skip)
                    gapped = bool(previous_side) and side != previous_side   # "; the ministry says one"
                    previous_side = side
                    if side and (terms or gapped):
                        units.append(Unit(len(units), ref, sentence.text[a:b], offsets[a], offsets[b - 1] + 1,
                                          side, speaker, who.inferred, reported, link, terms))
                        _read_act(units[-1], matcher)
    return units


def _read_act(unit: Unit, matcher: SideMatcher) -> None:
    """The clause's act and the one side its actor's phrase names (a flag, a demonym)."""
    unit.act = act_of(unit.text)
    if unit.act:
        named = matcher.sides_in(unit.act.actor)
        unit.actor_side = next(iter(named)) if len(named) == 1 else None


def acts_of(units: list[Unit]) -> Acts:
    """The acts some of the units tell, each with the side its actor's phrase names."""
    return [(u.act, u.actor_side) for u in units if u.act]


def content_terms(text: str, skip: frozenset[str] = frozenset()) -> dict[str, str]:
    """Matching terms of a text (the pipeline pairing uses) minus names, with their surface words."""
    out: dict[str, str] = {}
    for t, _, word in scan(text):
        if t not in skip and len(t) > 2:
            out.setdefault(t, word.lower())
    return out


Clause = tuple[int, int, "str | None", "str | None", "str | None", "str | None"]


def _clauses(text: str, who: Attribution, matcher: SideMatcher) -> list[Clause]:
    """(start, end, side, speaker, link, reported_by) of each clause of a sentence."""
    spans = [part for span in clause_spans(text) for part in _but_other(text, span, who, matcher)]
    out: list[Clause] = []
    for i, (a, b) in enumerate(spans):
        piece = text[a:b]
        side, speaker, link = who.side, who.speaker, None
        own = find_claims(piece, matcher)
        named = [(c, found) for c in own if (found := matcher.match(c.speaker))]
        lead = piece.lstrip().lower()
        if named and len(spans) > 1:
            side, speaker = named[0][1][0], named[0][0].speaker
        elif i and lead.startswith("which") and not own:
            side, speaker = None, None   # the writer's aside, not the speaker's claim
        elif i and re.match(r"who\s", lead) and not own:
            side, speaker = out[-1][2], out[-1][3]   # "..., rejected by X, who accused Y": X's words
        if i and re.match(r"(?:a|an|the)\s+(?:claim|accusation|allegation|assertion)|who\s", lead):
            denial = DENIAL_RE.search(piece)
            link = denial.group(0).lower() if denial else "apposition"
        embedded = _EMBEDDED.search(piece)
        holder = _holder(piece[:embedded.start()], matcher) if embedded else None
        if embedded and holder and holder[0] != side:
            denial = DENIAL_RE.search(piece[:embedded.start("what")])
            out.append(_trimmed(text, a, b, side, speaker, link, None))
            what_end = a + embedded.start("what") + _claim_end(embedded.group("what"))
            out.append(_trimmed(text, a + embedded.start("what"), what_end, holder[0], holder[1],
                                denial.group(0).lower() if denial else "claim", side))
            continue
        out.append(_trimmed(text, a, b, side, speaker, link, None))
    return out


_BUT = re.compile(r",?\s+but\s+")
# "While X maintains ..., Y claimed ...": the contrast opens the sentence; Y's words follow the comma.
_WHILE = re.compile(r"\s*(?:While|Whereas|Although|Though)\s[^,]*,\s+")


def _but_other(text: str, span: tuple[int, int], who: Attribution, matcher: SideMatcher) -> list[tuple[int, int]]:
    """A clause cut at ", but" where the other side speaks after it: "X said it fired warning
    shots, but Y denied the claim" is two sides' clauses, each with its own speaker; so is
    "While X maintains ..., Y claimed ..."."""
    a, b = span
    cuts = [(m.start(), m.end()) for m in _BUT.finditer(text, a, b)]
    if (opening := _WHILE.match(text, a, b)) is not None:
        cuts.insert(0, (opening.end(), opening.end()))
    for start, end in cuts:
        found = [f for c in find_claims(text[end:b], matcher) if (f := matcher.match(c.speaker))]
        if found and found[0][0] != who.side:
            return [(a, start), (start, b)]
    return [span]


# The words that may follow a side's name before the possessive ("the Ukraine government's").
_BODY_TAIL = re.compile(r"(?:\s+(?:defen[cs]e|foreign|state|military|armed|security|government|ministry|army|navy|"
                        r"forces|officials|authorities|side|leadership))*\s*$", re.I)


def _holder(before: str, matcher: SideMatcher) -> tuple[str, str] | None:
    """(side, name) of whoever holds the claim in "... X's claim that": the name that
    ends right before the possessive ("Petrov rejected Olsen's claim" is Olsen's), or before
    the body it names ("the Ukraine government's announcement")."""
    words = list(re.finditer(r"[\w’'.-]+", before))
    for k in range(max(0, len(words) - 5), len(words)):
        tail = before[words[k].start():]
        found = matcher.match(tail)
        if found and (found[2] >= len(tail.rstrip()) - 1 or _BODY_TAIL.fullmatch(tail, found[2])):
            return found[0], tail[found[1]:found[2]]
    return None


_CLAIM_END = re.compile(r",\s+(?:" + "|".join(sorted(REPORTING_PARTICIPLES | {"vowing", "while", "but", "and",
                                                                             "calling", "urging"})) + r")\b")


def _claim_end(what: str) -> int:
    """Where the other side's claim inside "X rejected Y's claim that ..." ends: before
    the rejecting side's own words go on (", vowing to ...", ", calling it ...")."""
    m = _CLAIM_END.search(what)
    return m.start() if m else len(what)


def _trimmed(text: str, a: int, b: int, side: str | None, speaker: str | None, link: str | None,
             reported_by: str | None) -> Clause:
    """A clause span without the spaces and commas at its edges."""
    while a < b and text[a] in " ,;":
        a += 1
    while b > a and text[b - 1] in " ,;":
        b -= 1
    return (a, b, side, speaker, link, reported_by)


def clause_spans(text: str) -> list[tuple[int, int]]:
    """Clause spans; a piece of fewer than four words joins its neighbour."""
    cuts = [(m.start(), m.end()) for m in _SPLIT.finditer(text) if 0 < m.start() < len(text)]
    spans, start = [], 0
    for cut_start, cut_end in cuts:
        spans.append((start, cut_start))
        start = cut_end
    spans.append((start, len(text)))
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and (len(_WORD.findall(text[a:b])) < 4 or len(_WORD.findall(text[out[-1][0]:out[-1][1]])) < 4):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def negated(text: str) -> bool:
    """Whether a clause carries a negation ("did not", "never", "no")."""
    return any(normalise(t).lower() in NEGATION or t.lower().endswith("n't") for t in _WORD.findall(text))
