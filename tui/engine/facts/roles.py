"""Roles: two sides telling one act with its actor and its target swapped disagree.

"The trawler rammed the patrol boat" against "the patrol boat cut across the
trawler's bow and caused the collision": the two clauses share their words and
neither denies the other, yet each side makes the other's vessel the one that
acted.  No word of either clause says so; the order does.  A clause's act is
read from its shape after the reporting frame: the actor is the head of the
noun phrase before the first verb, the targets are the words after the verb,
and a passive with an agent ("was rammed by the trawler") swaps the two.  Two
sides whose actors are each other's targets disagree on who did it.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Evidence
from ..text.lexicons import ADVERBIAL_OPENERS, AUXILIARIES, PASSIVE, PRONOUNS
from ..text.textnorm import normalise, term
from .causes import FRAME
from .units import Unit

_TOKEN = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*|[,;:.!?]")
# Past forms that do not end in -ed, of verbs that tell what someone did.
_IRREGULAR = frozenset("""
cut hit struck shot fired ran drove flew came went made took sent turned caught broke fell threw
sank sunk led left lost began tore swung bore shook stole hid held fought
""".split())
_DETERMINERS = frozenset("a an the its their his her our this that these those one some any".split())
# Words that end the agent's noun phrase after "by".
_PHRASE_END = frozenset("""
in on at near after before while and which that of off over when during with inside outside into
from as but to
""".split())
_PARTICLES = frozenset("across into towards toward down at on off up through".split())
_OPENERS = frozenset("that then but and so yet".split())
_PARENTHESES = re.compile(r"\s*\([^()]*\)")
_OPENER_WORDS = 10     # an opening phrase ends at a comma within this many words
_SUBJECT_WORDS = 6     # an actor further into the clause is not its subject
_TARGET_WORDS = 8      # the words after the verb that name its target


@dataclass(frozen=True)
class Act:
    """Who did what to whom in one clause, by matching terms; `said` is the actor and
    verb as written, for the evidence the reader is shown."""

    actor: str
    targets: frozenset[str]
    said: str


def _verb_at(words: list[str], k: int) -> bool:
    """Whether the k-th word reads as a verb: an auxiliary, an irregular past form, or a
    past form in -ed that does not follow a determiner ("the unmanned drone")."""
    w = words[k].lower()
    if w in AUXILIARIES or w in PASSIVE or w in _IRREGULAR:
        return True
    return len(w) > 4 and w.endswith("ed") and k > 0 and words[k - 1].lower() not in _DETERMINERS


def _head(words: list[str]) -> str | None:
    """The matching term of a noun phrase's last word, unless it is a pronoun or a
    function word (an actor no other clause can name)."""
    words = [w for w in words if not w.lower().endswith("ly")]
    if not words:
        return None
    last = words[-1].lower()
    if last in PRONOUNS or last in _DETERMINERS or last in _OPENERS or last in {"who", "which"}:
        return None
    return term(last) or None


def _terms(words: list[str]) -> frozenset[str]:
    return frozenset(t for w in words if (t := term(w.lower().removesuffix("'s"))))


@lru_cache(maxsize=65536)
def act_of(text: str) -> Act | None:
    """The act a clause tells, or None when its shape does not show one."""
    body = FRAME.sub("", _PARENTHESES.sub("", normalise(text)), count=1)
    words = _TOKEN.findall(body)
    while words and words[0].lower() in _OPENERS:
        words = words[1:]
    if words and words[0].lower() in ADVERBIAL_OPENERS and "," in words[:_OPENER_WORDS]:
        words = words[words.index(",") + 1:]   # "On the morning of May 3, a ship rammed ..."
    while words and words[0] in ",;:":
        words = words[1:]
    verb = next((k for k, _ in enumerate(words[:_SUBJECT_WORDS + 1]) if _verb_at(words, k)), None)
    if not verb or any(w in ",;:" for w in words[:verb]):
        return None
    after = list(itertools.takewhile(lambda w: w not in ",;:.!?", words[verb:verb + _TARGET_WORDS + 3]))
    subject = _head(words[:verb])
    if subject is None:
        return None
    if words[verb].lower() in PASSIVE and "by" in [w.lower() for w in after[:4]]:
        by = [w.lower() for w in after].index("by")
        phrase = []
        for w in after[by + 1:by + 5]:
            if w.lower() in _PHRASE_END or _verb_at(after, after.index(w)):
                break
            phrase.append(w)
        actor = _head(phrase)
        if actor is None or actor == subject:
            return None
        return Act(actor, frozenset({subject}), " ".join(after[1:by + 1] + phrase))
    targets = _terms(after[1:_TARGET_WORDS + 1]) - {subject}
    return Act(subject, targets, " ".join([words[verb - 1], *_verb_group(after)]))


def _verb_group(words: list[str]) -> list[str]:
    """The verb as the reader should see it: through its auxiliaries, with a particle
    ("cut across", "had rammed")."""
    k = 0
    while k < len(words) - 1 and (words[k].lower() in AUXILIARIES or words[k].lower() in PASSIVE):
        k += 1
    end = k + 2 if k + 1 < len(words) and words[k + 1].lower() in _PARTICLES else k + 1
    return words[:end]


def swapped(a: list[Unit], b: list[Unit]) -> list[Evidence]:
    """Acts of one side whose actor is the other side's target, and back."""
    acts_a = [(u, x) for u in a if u.aspects.get("action") and (x := act_of(u.text))]
    acts_b = [(u, y) for u in b if u.aspects.get("action") and (y := act_of(u.text))]
    for _, x in acts_a:
        for _, y in acts_b:
            if x.actor != y.actor and x.actor in y.targets and y.actor in x.targets:
                return [Evidence("roles", f"{x.said} ↔ {y.said}")]
    return []
