"""Roles: two sides telling one act with its actor and its target swapped disagree.

"A Chinese ship rammed the Philippine vessel" against "the Philippine vessel
intentionally rammed the Chinese ship", or "the trawler rammed the patrol boat"
against "the patrol boat cut across the trawler's bow and caused the
collision": the clauses share their words and neither denies the other, yet
each side makes the other's craft the one that acted.  No word says so; the
order does.  A clause's act is read from its shape after the reporting frame:
an act verb (ram, collide, fire on, enter ...), the noun phrase before it as
the actor and the words after it as the target; a passive with an agent ("was
rammed by the trawler") swaps them.  Two sides disagree on who did it when
each names the other's party as the actor of the same kind of act, or when
their actors are each other's targets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Evidence
from ..text.lexicons import ACTS, AUXILIARIES, NEGATION, PASSIVE, PRONOUNS, REPORTING_VERBS, WEEKDAYS
from ..text.textnorm import normalise, term

_VERBS = "|".join(sorted(REPORTING_VERBS, key=lambda w: (-len(w), w)))
# The reporting frame before a claim: "According to X," or "X said (... that)".
FRAME = re.compile(r"^(?:.*?\b(?i:according to) [^,]+,\s*|[^“\"]{0,80}?\b(?:" + _VERBS + r")\b"
                   r"(?:\s+(?:[^\s,“\"]+\s+){0,3}?that\b)?\s+)")


def what_is_said(text: str) -> str:
    """The text after its opening frame ("X said on Monday that ..."); the whole text when the
    frame would take most of it: a trailing attribution ("The frigate fired first, X said.")
    is no frame, and stripping it would leave nothing of what was said."""
    rest = FRAME.sub("", text, count=1)
    return rest if len(rest) * 2 >= len(text) else text

_KIND = {w: kind for kind, words in ACTS.items() for w in words.split()}
_LETTERS = re.compile(r"[a-z]+")   # most clauses tell no act: a cheap look for an act word first
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W_]+(?:[-'][^\W_]+)*|[,;:.!?]")
# Forms that are nouns as often as verbs ("a missile attack on", "the strike"): an act only
# when a target follows at once ("hit the drone", "attacked Poland").
_NOUN_TOO = frozenset("""
attack attacks strike strikes fire fires launch launches crash crashes hit hits cut cuts bomb bombs shell
shells approach approaches block blocks chase chases cross crosses tail tails shot shots ram rams
""".split())
_DETERMINERS = frozenset("a an the its their his her our this that these those one some any two".split())
# Words that end a noun phrase read back from a verb or on from a preposition.
_STOP = frozenset("""
in on at near after before while and which that who of off over when during with inside outside into
from as but to said says say told by for than then where because if whether it they he she we
""".split())
_BEFORE_BY = frozenset("down up twice again repeatedly then".split())   # "shot down by X"
_PARTICLES = frozenset("down up into across at on upon onto with against".split())
_JOINED = frozenset("and or & nor".split())
_PARENTHESES = re.compile(r"\s*\([^()]*\)")
_PHRASE_WORDS = 6       # an actor or target phrase is read this far at most
_SAID_WORDS = 4         # the actor's last words shown in the evidence


@dataclass(frozen=True)
class Act:
    """Who did what to whom in one clause: the actor's and the targets' phrases, the
    act's kind, and `said`, the actor and verb as written, for the evidence shown."""

    kind: str
    actor: str              # the actor's noun phrase, as written
    target: str             # the words that name its target
    said: str

    @property
    def actor_head(self) -> str | None:
        words = self.actor.split()
        return term(words[-1].lower()) if words else None

    @property
    def target_terms(self) -> frozenset[str]:
        return frozenset(t for w in self.target.split() if (t := term(w.lower().removesuffix("'s"))))


@lru_cache(maxsize=65536)   # reprints repeat their clauses
def act_of(text: str) -> Act | None:
    """The first act a clause tells with a readable actor, or None."""
    if _KIND.keys().isdisjoint(_LETTERS.findall(text.lower())):
        return None
    words = _TOKEN.findall(what_is_said(_PARENTHESES.sub("", normalise(text))))
    for k, w in enumerate(words):
        kind = _KIND.get(w.lower())
        if kind is None or (k and words[k - 1].lower() in _DETERMINERS) or not _verb_here(words, k):
            continue   # "the collision", "a missile attack on": a noun, not the act
        if any(v.lower() in NEGATION or v.lower().endswith("n't") for v in words[max(0, k - 3):k]):
            continue   # "was not fired by": an act denied, not told
        act = _passive(words, k, kind) or _active(words, k, kind)
        if act:
            return act
    return None


def _verb_here(words: list[str], k: int) -> bool:
    """Whether an act word that can be a noun reads as a verb: a target follows it."""
    if words[k].lower() not in _NOUN_TOO:
        return True
    nxt = words[k + 1] if k + 1 < len(words) else ""
    return nxt.lower() in _DETERMINERS or nxt.lower() in _PARTICLES or nxt[:1].isupper()


def _active(words: list[str], k: int, kind: str) -> Act | None:
    actor = _back(words, k)
    target = _on(words, k + 1)
    if not actor or not target or _negated(actor):
        return None   # no target: "drone shot down over the strait" may be a passive
    return Act(kind, " ".join(actor), " ".join(target), f"{' '.join(actor[-_SAID_WORDS:])} {words[k]}")


def _passive(words: list[str], k: int, kind: str) -> Act | None:
    """"X was rammed by Y": Y acts on X."""
    by = next((j for j in range(k + 1, min(len(words), k + 4)) if words[j].lower() == "by"), None)
    if by is None or any(w.lower() not in _BEFORE_BY and not w.lower().endswith("ly") for w in words[k + 1:by]):
        return None   # "rammed the boat by mistake": active
    actor = _on(words, by + 1)
    target = _back(words, k)
    if not actor or _negated(actor):
        return None
    return Act(kind, " ".join(actor), " ".join(target), f"{words[k]} by {' '.join(actor[-_SAID_WORDS:])}")


def _back(words: list[str], k: int) -> list[str]:
    """The noun phrase ending before word k, read back over adverbs, auxiliaries and a
    time ("a Philippine vessel on Saturday intentionally rammed")."""
    phrase: list[str] = []
    j = k - 1
    while j >= 0 and len(phrase) < _PHRASE_WORDS:
        w, low = words[j], words[j].lower()
        if not phrase and (low.endswith("ly") or low in AUXILIARIES or low in PASSIVE):
            j -= 1
            continue
        if not phrase and low in WEEKDAYS and j and words[j - 1].lower() == "on":
            j -= 2
            continue
        if low in _STOP or low in _DETERMINERS or not w[0].isalpha():
            break
        phrase.insert(0, w)
        j -= 1
    if not phrase or phrase[-1].lower() in PRONOUNS or (j >= 0 and words[j].lower() in _JOINED):
        return []   # "Chinese and Philippine ships collided": no one actor
    return phrase


def _negated(phrase: list[str]) -> bool:
    """"No shots were fired": nobody acted."""
    return any(w.lower() in NEGATION for w in phrase)


def _on(words: list[str], k: int) -> list[str]:
    """The words after position k that name a target or an agent, up to a stop."""
    out: list[str] = []
    for w in words[k:k + _PHRASE_WORDS + 3]:
        low = w.lower()
        if not w[0].isalpha():
            break
        if low in _DETERMINERS or (not out and low in _PARTICLES):
            continue
        if low in _STOP:
            break
        out.append(w)
        if len(out) == _PHRASE_WORDS:
            break
    return out


Acts = list[tuple[Act, "str | None"]]   # a side's acts, each with the side its actor's phrase names


def swapped(side_a: str, a: Acts, side_b: str, b: Acts) -> list[Evidence]:
    """Evidence that two sides tell one act with swapped roles."""
    pair = _swap(side_a, a, side_b, b)
    return [Evidence("roles", f"{pair[0].said} ↔ {pair[1].said}")] if pair else []


def role_positions(side_a: str, a: Acts, side_b: str, b: Acts) -> dict[str, str]:
    """Each side's version of the swapped act, as written ("Turkish trawler rammed")."""
    pair = _swap(side_a, a, side_b, b)
    return {side_a: pair[0].said, side_b: pair[1].said} if pair else {}


def _swap(side_a: str, a: Acts, side_b: str, b: Acts) -> tuple[Act, Act] | None:
    """The first acts of the two sides told with swapped roles: side a's act by side b's
    party against side b's act of the same kind by side a's party (the side an actor's
    phrase names comes with each act: None when it names none or both), or actors that
    are each other's targets."""
    for x, sx in a:
        for y, sy in b:
            if x.kind != y.kind:
                continue
            if sx == side_b and sy == side_a:
                return x, y
            hx, hy = x.actor_head, y.actor_head
            if hx and hy and hx != hy and hx in y.target_terms and hy in x.target_terms:
                return x, y
    return None
