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
accept achieve act add admit advance affect agree aim allow announce answer appeal appear apply approve argue
arrest arrive ask assess assist attack attempt attend avenge avoid back ban bar battle bear beat become begin
believe blame block blow board bomb boost break bring build burn buy call capsize capture carry catch cause
celebrate challenge change charge chase check choose claim clash clear close collapse collide come commit
compare complete concern condemn confirm conduct consider continue control convict cost count cover crash create cross
cut damage deal decide declare defeat defend delay deliver demand deny deploy describe destroy detail detain
detect develop die disappoint discover discuss dismiss dispatch drift drive drop earn ease emerge end enter
escalate escape evacuate examine expand expect explain explode express extend face fail fall fear feel fight
file find fire fix flee fly follow force form free gain gather get give go grant grow halt handle happen
harass head hear help hide hit hold hope host hunt hurt identify ignore impose improve include increase injure
insist intercept introduce investigate invite issue join keep kill know land launch lead learn leave lift
limit link lose make mark meet miss monitor mount mourn move name need negotiate object obtain occupy offer
open order oppose overturn pass patrol pay plan play pledge plunge praise prepare present press prevent probe
promise protect protest prove provide publish pull pursue push quit raid raise rally ram reach react receive
record recover reduce refuse regret reject release remain remove renew repeat replace report request require
rescue resign resist respond resume retaliate return reveal rise risk rule run sail sanction save search
secure see seek seize sell send serve set settle shell shift shoot show shut sign sink slam slip spark speak
spend spot spread stage stand start stay step stop storm strike struggle submit suffer suggest summon support
surge surround survive suspect suspend sweep take talk target tell test threaten track trade train trigger try
turn undergo unveil urge use violate vote vow wait walk want warn watch welcome win withdraw work worry wound
"""
_IRREGULAR = """
became began begun blew bore broke brought built bought came caught chose dealt drew drove fell felt fled flew
fought found froze gave got grew heard held hid hit hung kept knew laid led left lost made meant met paid put
ran rang rode rose sank saw sent set shook shot shut sought sold spoke spread stole stood struck stuck sunk swept
swore took taught thought told threw tore understood went withdrew won wore wrote
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
    r"\b\d[\d,.]*\s*(?:%|(?:km|kilomet(?:re|er)s?|(?:nautical )?miles?|met(?:re|er)s?|feet|ft|knots|tonnes?|tons?"
    r"|per ?cent|people|persons|soldiers|troops|sailors|civilians|fishermen|crew|passengers"
    r"|hours?|minutes?|days?|weeks?|months?)\b)", re.I)   # "%" ends no word: no \b after it


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
