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

from ..text.lexicons import DENIAL, NEGATION, REPORTING_PARTICIPLES
from ..text.textnorm import STOP_WORDS, normalise, term
from .aspects import BY_ID, OTHER
from .roles import what_is_said
from .questions import similarity
from .units import Unit

# Things an incident happens to: what a question names when the accounts do.
OBJECTS = ("drone", "aircraft", "plane", "jet", "fighter", "bomber", "helicopter", "balloon", "airship",
           "airliner", "flight", "ship", "vessel", "boat", "warship", "destroyer", "frigate", "tanker",
           "submarine", "trawler", "pipeline", "pipelines", "convoy", "satellite")
_OBJECT_TERMS = {term(o): o for o in OBJECTS}
# What an incident that is an act rather than a craft's encounter is called: when far more articles
# name one of these than the craft, the story is the strike, not the craft ("suicide drones" in a
# story of missile strikes), and questions stay bare.
_EVENT_TERMS = frozenset(t for w in """strike strikes airstrike airstrikes attack attacks explosion
explosions blast blasts shelling clash clashes killing""".split() if (t := term(w)))
_ACT_SHARE = 1.5   # articles naming the act, for each naming the craft, that make the act the story
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
_MAX_POSITION = 40
# Words that say that someone speaks, not what they say: no side's position is "claims and called" or
# "Jane Doe told reporters".  Verbs that are acts too ("warned", "demanded", "denied") stay, and so
# does any word the question asks ("informed about the exercises" answers whether warnings were given).
_SAYING = frozenset("""said says say stated states told tells claimed claim alleged reported reports added adds
noted notes quoted stressed emphasized emphasised asserted asserts insisted insists called described explained
remarked mentioned wrote tweeted posted according reportedly allegedly purportedly supposedly reporters
journalists""".split()) | REPORTING_PARTICIPLES


def incident_object(units: list[Unit]) -> str | None:
    """The thing the story happens to (the drone, the tanker): the craft most accounts
    name, when a third of the articles or more name it and no act (a strike, an explosion)
    is named in half as many again; else none, and questions stay bare."""
    where: dict[str, set[str]] = {}
    events: dict[str, set[str]] = {}
    count: Counter[str] = Counter()
    for u in units:
        for t in u.terms:
            if t in _OBJECT_TERMS:
                where.setdefault(_OBJECT_TERMS[t], set()).add(u.ref.article)
                count[_OBJECT_TERMS[t]] += 1
            elif t in _EVENT_TERMS:
                events.setdefault(t, set()).add(u.ref.article)
    articles = len({u.ref.article for u in units})
    spread = [w for w in sorted(where) if len(where[w]) >= max(3, articles / 3)]
    if not spread:
        return None
    best = max(spread, key=lambda w: count[w])
    act = max((len(a) for a in events.values()), default=0)
    return None if act >= _ACT_SHARE * len(where[best]) else best


def question(aspect: str, obj: str | None, group: list[Unit], idf: dict[str, float]) -> str:
    """The neutral question of an aspect; for a fact outside the aspects, its most central claim."""
    if aspect == OTHER:
        return central(group, idf)
    a = BY_ID[aspect]
    return a.question.format(obj=obj) if obj else a.question_bare


NARROWER_MAX = 80   # a narrower question's title, its word first so a clipped line still shows it


def narrower(question: str, word: str, group: list[Unit]) -> str:
    """A narrower question's title, its word first: "On “international waters”, where was the
    drone, and whose territory was it?"; the word alone when its phrase makes it too long."""
    for said in (_phrase(word, group), word):
        title = f"On “{said}”, {question[:1].lower()}{question[1:]}"
        if len(title) <= NARROWER_MAX:
            break
    return title


def _phrase(word: str, group: list[Unit]) -> str:
    """The word with the neighbour most of its clauses give it ("law" -> "international law",
    "territory" -> "Russian territory"), as first written: a lone word repeats the broad
    question ("whose territory was it, on “territory”?") or says little."""
    counts: Counter[str] = Counter()
    written: dict[str, str] = {}
    at = re.compile(rf"(?i)(?:([^\W\d_]+)\s+)?\b({re.escape(word)})\b(?:\s+([^\W\d_]+))?")
    for u in group:
        seen = set()
        for m in at.finditer(u.text):
            for other, phrase in ((m.group(1), f"{m.group(1)} {m.group(2)}"), (m.group(3), f"{m.group(2)} {m.group(3)}")):
                if other and other.lower() not in STOP_WORDS and len(other) > 2:
                    seen.add(phrase.lower())
                    written.setdefault(phrase.lower(), phrase)
        counts.update(seen)
    best = min(counts.items(), key=lambda kv: (-kv[1], kv[0]), default=None)
    return written[best[0]] if best and best[1] >= 2 else word


_TITLE_MAX = 60          # a title a reader takes in at a glance
_QUOTE = re.compile(r"[“\"]([^”\"]{12,})[”\"]")
_BREAK = frozenset("""while which who whom whose that because although though but and as after before when
where since until unless if than so for with without about over under into from of at by to in on
between toward towards against among through across during upon onto via per like""".split())


def central(group: list[Unit], idf: dict[str, float]) -> str:
    """The most central clause of a group as a short heading: the claim (a
    quotation, or what follows "X said"), cut at a natural break before
    `_TITLE_MAX` characters and ending on a content word."""
    best = max(group, key=lambda u: (sum(similarity(u, v, idf) for v in group if v is not u), -u.index))
    text = best.text
    quoted = _QUOTE.search(text)
    text = quoted.group(1) if quoted and len(quoted.group(1).split()) >= 4 else what_is_said(text)
    text = re.split(r"(?<=[a-z0-9’'][.!?])\s+(?=[A-Z“\"])", text.strip(" ,;…"))[0].strip(" ,;.…")
    text = re.sub(r"^(?:(?:and|but|that|which|while|who|so|yet)\s+)+", "", text, flags=re.I)
    text = re.sub(r"^(?:(?:\w+\s+){1,2}(?:know|knows|believe|believes|think|thinks)\s+that\s+)", "", text,
                  flags=re.I)
    text = re.sub(r"^(?:it|he|she|they|we|i|you)\s+(?:(?:has|have|had|was|were|is|are|will|would|could|can|"
                  r"also|still|been|being)\s+)*(?=\w)", "", text, flags=re.I)
    title = _trim(text.split())
    return title[:1].upper() + title[1:] if title else "Untitled"


def _trim(words: list[str]) -> str:
    """Words from the start, at most `_TITLE_MAX` characters, cut before a
    comma or a linking word when there is one past the middle."""
    def content(w: str) -> bool:
        w = normalise(w.strip(",;:()“”\"")).lower()
        return bool(w) and term(w) is not None and w not in _BREAK
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


def _position(units: list[Unit], aspect: str, idf: dict[str, float], other: set[str], plain: bool) -> str:
    """A side's most telling short run of words on the question (at most four words):
    its aspect words count most, its own terms fully, terms the other side shares
    little; a negation or denial may lead it ("did not violate", "denied any role")."""
    asked = {term(part) or part for u in units for w in u.aspects.get(aspect, ()) for part in w.split()}
    score: dict[str, float] = {}
    for u in units:
        tokens = _WORD.findall(_said_before(u) if plain else what_is_said(u.text))
        speaker = set(_WORD.findall(u.speaker or "")) if plain else set()
        saying = _SAYING if plain else frozenset()
        value: list[float | None] = []
        ends: list[bool] = []  # a run may end on the token: it has a value and is one of the unit's terms
        for t in tokens:
            low, key = normalise(t).lower(), term(t)
            if low in NEGATION or low in DENIAL:
                value.append(1.0)
            elif (low in saying and key not in asked) or t in speaker or key is None or key not in u.terms:
                value.append(None)
            else:
                v = idf.get(key, 1.0) * (0.3 if key in other else 1.0) * (2.0 if key in asked else 1.0)
                value.append(v * (0.5 if t[:1].isupper() else 1.0))
            ends.append(value[-1] is not None and key in u.terms)
        for i, vi in enumerate(value):
            if vi is None:
                continue
            words, total = tokens[i], 0.0
            for j in range(i, min(len(tokens), i + 4)):
                if j > i:
                    words = f"{words} {tokens[j]}"
                if len(words) > _MAX_POSITION:
                    break
                total += value[j] or 0.0  # the run's values, added in order as sum() did
                if ends[j]:
                    score[words] = max(score.get(words, 0.0), total - 0.4 * (j - i))
    return max(sorted(score), key=lambda k: score[k]) if score else ""


_CLOSED_QUOTE = re.compile(r"[”\"»],?\s*(?:[-–—]\s*)?(?:\S+\s*)?$")


def _said_before(u: Unit) -> str:
    """What a unit says, without a trailing attribution after its quotation: in '"...," states
    the commentary of X regarding the incident, published on its website' the words after the
    speaker tell where it was said, not what (unless they go on: "adding that ...")."""
    said, speaker = what_is_said(u.text), u.speaker or ""
    at = said.find(speaker) if speaker else -1
    if at <= 0 or not _CLOSED_QUOTE.search(said[:at].rstrip()):
        return said
    goes_on = any(w in REPORTING_PARTICIPLES or w == "that" for w in _WORD.findall(said[at + len(speaker):].lower()))
    return said if goes_on else said[:at]   # "..., X said, adding that ...": what X added is said too


def position(units: list[Unit], aspect: str, idf: dict[str, float], other: set[str]) -> str:
    """A side's most telling short run of words on the question (at most four words), read
    without the words that only say who speaks, unless nothing else is left."""
    return _position(units, aspect, idf, other, True) or _position(units, aspect, idf, other, False)
