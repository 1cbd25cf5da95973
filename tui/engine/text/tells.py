"""Does a line tell something?  The cleaner's guard for claim paragraphs.

A page's furniture names things (a section, a site, a picture, a control); a line of the
article says that something happened or was said.  The tests here look for what makes a
sentence a statement: a finite verb with a subject before it ("Police remain on hunt", "Japan
plans to arrest ...", "Ministry has 10 questions"), a number with its unit ("within 50
metres"), or what `furniture.is_claim` already reads (a reporting verb, a quotation, a
speaker).  Such a line stays text wherever it stands and however short it is, unless a rule
that outweighs a claim (a caption with its credit, a related-stories list) has spoken first.

There is no tagger here: the finite verb is found with a lexicon of the verbs news tells
events with, in their base, third-person and past forms, and the auxiliaries; a base form
counts only after a plural subject ("missiles strike", "2 die"), since alone it is as often a
noun ("a missile strike").
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import furniture as f
from .tokens import CACHE

# The verbs news tells events with (base forms; the -s and -ed forms are made below).
_NEWS_VERBS = """
accept accuse act admit agree aim appear approve arrest ask attack avenge back ban block blame
blow board bomb call capsize capture carry cause chase claim close collide condemn confirm conduct
continue cross damage decide declare demand deny deploy destroy detail detain detect die disappoint
discuss down drift drop end enter escalate evacuate expect explode express face fail fear fire flee
force halt harass hunt identify impose injure intercept investigate join kill launch lead leave lift
lose meet mount mourn move need offer open oppose order patrol plan pledge praise prepare probe
protest pursue raise ram reach refuse regret reject release remain report rescue respond resume
retaliate return reveal rise sail sanction search seek seize send shell shoot show sign sink slam
spot start stop storm strike summon surround survive suspend talk target threaten track try urge
violate vow want warn welcome win withdraw wound
"""
_IRREGULAR = """
began begun blew brought came caught drew fell fled flew fought found gave held hit hid kept
knew led left lost made met paid put ran rose sank sent set shot sought sold spoke stood struck
sunk swore took thought told threw went won wrote
"""
_AUXILIARY = frozenset("""is are was were has have had will would can could may might must should shall does did
isn't aren't wasn't weren't hasn't haven't won't can't couldn't doesn't didn't""".split())
# Words after which a verb-shaped word is a noun or an infinitive: "the strike", "to arrest", "of attack".
_NOT_SUBJECT = frozenset("""a an the this that these those its his her their our my your of to for in on at by
with from into over under about after before against amid between during per via and or nor as than""".split())
_PLURAL_SUBJECTS = frozenset("police people men women children troops forces crew staff".split())


def _forms(base: str) -> tuple[str, str, str]:
    third = base + ("es" if base.endswith(("s", "sh", "ch", "x", "o")) else "s")
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        third = base[:-1] + "ies"
    if base.endswith("e"):
        past = base + "d"
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        past = base[:-1] + "ied"
    elif re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", base):   # one vowel and a stop: ram -> rammed
        past = base + base[-1] + "ed"
    else:
        past = base + "ed"
    return base, third, past


_BASES = frozenset(_NEWS_VERBS.split())
_FINITE = frozenset(form for base in _BASES for form in _forms(base)[1:]) | frozenset(_IRREGULAR.split())
_TOKEN = re.compile(r"\d[\d,.]*|[^\W\d_][\w’'.-]*")
# A number with its unit: a distance, a count of people, a share, a span of time.
_MEASURE = re.compile(
    r"\b\d[\d,.]*\s*(?:km|kilomet(?:re|er)s?|(?:nautical )?miles?|met(?:re|er)s?|feet|ft|knots|tonnes?|tons?"
    r"|%|per ?cent|people|persons|soldiers|troops|sailors|civilians|fishermen|crew|passengers"
    r"|hours?|minutes?|days?|weeks?|months?)\b", re.I)


@lru_cache(maxsize=CACHE)
def has_finite_verb(line: str) -> bool:
    """A verb of the news lexicon (or an auxiliary) with a word before it that can be its subject.

    "Japan plans to arrest ...", "Police Remain on Hunt", "7 pads targeted in ...": yes.
    "Russia's Special Operation in Ukraine", "Foreign and Military Affairs": no."""
    tokens = [t.lower().rstrip(".") for t in _TOKEN.findall(line)]
    for i, (prev, word) in enumerate(zip(tokens, tokens[1:])):
        if prev in _NOT_SUBJECT or prev.endswith(("'s", "’s")) or _is_month(tokens, i + 1):
            continue
        if word in _AUXILIARY or word in _FINITE:
            return True
        if word in _BASES and (prev[0].isdigit() or prev in _PLURAL_SUBJECTS
                               or (prev.endswith("s") and not prev.endswith(("ss", "us", "is")))
                               or prev.endswith("men")):
            return True
    return False


def _is_month(tokens: list[str], i: int) -> bool:
    """"May" beside a number is the month ("23 May 2021", "May 20"), not the verb."""
    return tokens[i] == "may" and any(t[:1].isdigit() for t in tokens[max(i - 1, 0):i + 2])


def has_measure(line: str) -> bool:
    """A number with its unit ("within 50 metres", "12 sailors"): a figure someone asserts."""
    return bool(_MEASURE.search(line))


@lru_cache(maxsize=CACHE)
def tells(line: str) -> bool:
    """Does the line state that something happened or was said (see the module's docstring)?"""
    return (f.is_claim(line) or has_finite_verb(line) or has_measure(line)
            or f.tells_toll(line) or f.tells_act(line))
