"""Aspects: the questions a contested incident raises, and the words that ask them.

Two governments telling one incident rarely use the same words: "an
intelligence ship" against "a research vessel", "in neutral waters" against
"inside the closed zone", "reckless" against "strictly by the rules".  What
they share is the question each sentence answers: what the object was, where
it was, who did what, whether warnings were given, how many were hurt, what
the evidence shows, who is to blame, whether it was lawful, whether it was
deliberate, what the response should be, what each side demands of the other,
what became of the people on board, how close the two came, how badly
something was damaged, whether people were evacuated.  Each aspect below lists ordinary
English news vocabulary that asks it; nothing here names a story, a place or
an actor.  A clause is tagged with the aspects its words ask (`tag`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..text.textnorm import normalise, term
from ..text.lexicons import PASSIVE


@dataclass(frozen=True)
class Aspect:
    """One question of an incident: its id, the neutral question, and its words."""

    id: str
    question: str          # with "{obj}" for the incident's object when one is known
    question_bare: str     # when no object is known
    words: frozenset[str]  # matching terms (textnorm.term of the listed words)
    phrases: tuple[str, ...] = ()  # multi-word cues, matched on lower-cased text
    valued: bool = True    # answers are values (a place, a number, a kind): different values conflict


def _terms(words: str) -> frozenset[str]:
    return frozenset(t for w in words.split() if (t := term(w)))


_LENGTH = r"(?:m|metres|meters|feet|ft|yards|km|kilometres|kilometers|miles|nautical miles)\b"

ASPECTS: tuple[Aspect, ...] = (
    Aspect("where", "Where was the {obj}, and whose territory was it?",
           "Where did it happen, and whose territory was it?",
           _terms("""airspace waters territorial territory border borders frontier boundary zone zones
                     coastline offshore nautical sovereign sovereignty jurisdiction intrusion intruded
                     intrude intruding incursion incursions trespass trespassed entered entering crossed
                     crossing infringe infringed infringement enclave inside outside kilometres kilometers
                     miles km"""),
           (r"international (?:waters|airspace)", r"neutral waters", r"line of (?:actual )?control",
            r"economic zone", r"\beez\b", r"high seas", r"no-fly zone", r"closed (?:area|zone)",
            r"(?:safe|humanitarian|evacuation) areas?\b")),
    Aspect("what", "What was the {obj}, and what was it for?", "What was it, and what was it for?",
           _terms("""surveillance spy spying espionage reconnaissance intelligence research scientific
                     weather meteorological civilian civil commercial airship cargo supplies supply
                     materials construction humanitarian purpose training exercise exercises drill
                     camp camps facility facilities target targets poison poisoned poisoning nerve
                     toxic chemical chemicals substance gas chlorine sarin weapon weapons munitions
                     equipment payload sensors instruments fishing"""),
           (r"nerve agent", r"military (?:target|installations?|site|sites)", r"training camp")),
    Aspect("action", "What happened to the {obj}: who did what?", "What happened: who did what?",
           _terms("""struck strike strikes hit collided collision collide contact touched rammed ram
                     fired firing shot shoot shooting downed attack attacked attacks bombed bombing
                     bombs dropped maneuver maneuvers intercept intercepted interception blocked
                     blocking block cannon cannons seized seizure seize boarded boarding detained
                     captured forced crash crashed explosion explosions blast exploded destroyed
                     sank sunk missile missiles rocket rockets shelling clash clashes ambush chased
                     expelled expulsion drove chase approached sabotage"""),
           (r"shot down", r"opened fire", r"water cannons?", r"brought down")),
    Aspect("warning", "Were warnings given, and were they heeded?", "Were warnings given, and were they heeded?",
           _terms("""warning warnings warned warn radio notice notified notify notification signal
                     signals hailed communication communications channel ignored ignoring informed
                     permission request requests demands alert alerted responded respond contacted
                     transponder mayday distress coordination uncoordinated deconfliction"""),
           (r"prior notice", r"advance notice", r"(?:no|any) response")),
    Aspect("toll", "Was anyone killed or hurt, and how many?", "Was anyone killed or hurt, and how many?",
           _terms("""killed kill dead died death deaths injured injuries wounded hurt casualties
                     casualty victims fatalities bodies survivors missing hospitalized hospitalised
                     eliminated toll harm harmed"""),
           ()),
    Aspect("evidence", "What does the evidence show?", "What does the evidence show?",
           _terms("""evidence proof prove proves proven video videos footage images photos photographs
                     satellite radar data recording recordings investigation investigators probe lab
                     laboratory laboratories samples tests tested analysis findings traces documents
                     testimony witnesses facts proofs confirmed confirm cctv cctvs camera cameras"""),
           ()),
    Aspect("blame", "Who is responsible?", "Who is responsible?",
           _terms("""responsible responsibility blame blamed blames behind culprit culprits perpetrator
                     perpetrators involvement involved guilty fault accuse accused accuses accusation
                     accusations allegation allegations orchestrated masterminded sponsored complicity
                     complicit culpability suspect suspects suspicion innocent"""),
           (r"(?:carried|was) behind", r"wanted for questioning")),
    Aspect("conduct", "Was it lawful and safe?", "Was it lawful and safe?",
           _terms("""lawful unlawful legal illegal illegally lawfully law laws legitimate illegitimate
                     violation violations violated violate violates breach breached convention rules
                     professional unprofessional professionally dangerous unsafe safe reckless
                     aggressive aggression hostile harassment harass harassing bullying coercive
                     restraint proportionate disproportionate self-defense justified unjustified
                     routine legally regulations agreement agreements consensus promise promises
                     commitment commitments obligations crime crimes criminal threat threaten
                     threatened threatening terror terrorism terrorist safety"""),
           (r"international law", r"in accordance with", r"right to self-defen[cs]e", r"status quo",
            r"rules of engagement", r"freedom of navigation")),
    Aspect("intent", "Was it deliberate, and why?", "Was it deliberate, and why?",
           _terms("""provocation provocations provocative provoke provoked deliberate deliberately
                     intentional intentionally accident accidental unintentional mistake motive motives
                     pretext staged stage fabricated fabrication fake hoax propaganda campaign plot
                     hysteria disinformation lie lies smear premeditated planned motivated
                     politicized politicised enmity hostility betrayal treacherous instigated instigate
                     instigation distract distracting distraction divert diverting diversion smokescreen
                     destabilize destabilise destabilizing destabilising"""),
           (r"false flag", r"cause trouble", r"play(?:ing)? with fire", r"stab(?:bed)? in the back",
            r"hostile act")),
    Aspect("response", "What response is justified?", "What response is justified?",
           _terms("""retaliation retaliate retaliatory response sanctions expel expelled summoned summon
                     protest protested countermeasures measures consequences punish punishment
                     apology apologize apologise compensation reciprocal ultimatum cooperation
                     cooperate access consular overreaction criminal prosecute prosecution reaction"""),
           (r"at a time and place", r"reserves? the right", r"criminal (?:case|investigation|proceedings)")),
    Aspect("demand", "What does each side demand of the other?", "What does each side demand of the other?",
           _terms("""precondition preconditions unconditionally unconditional urge urged urges urging
                     withdraw"""),
           (r"call(?:ed|s|ing)? on", r"hand(?:ed|s)? over", r"must (?:immediately )?(?:release|withdraw|stop|return)"),
           valued=False),
    Aspect("crew", "What became of the people on board, and how are they treated?",
           "What became of the people held, and how are they treated?",
           _terms("""crew crews crewmembers sailors passengers hostages detainees captives incommunicado
                     custody detention hospitality rescued rescue release released freed"""),
           (), valued=False),
    Aspect("distance", "How close did they come?", "How close did they come?",
           _terms("""distance distances proximity"""),
           (r"\bcloser\b", r"(?:dangerously|perilously|very|too|so) close\b", r"close range",
            r"close approach", r"\bwithin (?:about |some |only |just )?[\d,.]+ ?" + _LENGTH,
            r"[\d,.]+ ?" + _LENGTH + r" (?:away|from|of)\b")),
    Aspect("damage", "Was the {obj} damaged, and how badly?", "What was damaged, and how badly?",
           _terms("""damage damages damaged hole holes scrape scrapes scraped dent dents dented scratch
                     scratches scratched cracked punctured intact unscathed undamaged restored restore
                     repair repaired repairs ruins rubble collapsed shattered afloat buoyant buoyancy
                     sinking sank sunk"""),
           ()),
    Aspect("evacuation", "Were people evacuated, and was it needed?", "Were people evacuated, and was it needed?",
           _terms("""evacuation evacuations evacuate evacuated evacuating evacuees"""),
           (), valued=False),
    Aspect("outcome", "How did it end?", "How did it end?",
           _terms("""success successful successfully completed complete failed failure thwarted foiled
                     repelled retreated withdrew withdrawal returned escaped accomplished mission"""),
           (r"under control",)),
)

# Clauses that ask none of the aspects form questions of their own, named by
# their most central clause; their answers are not values.
OTHER = "other"
_WARN = frozenset(term(w) for w in "warn warned warns warning".split())
_REPORTING_USE = frozenset("that of against about".split())
_PLACE_NOUNS = frozenset("zone zones area areas haven havens corridor corridors".split())
BY_ID = {a.id: a for a in ASPECTS} | {OTHER: Aspect(OTHER, "", "", frozenset(), (), False)}


def literal_key(pattern: str) -> str:
    """The longest run of plain characters every match of `pattern` holds: outside any group
    or class, not escaped, not made optional by a quantifier ("" when there is none).  A
    top-level alternation has no such run."""
    runs, run, depth, i = [], "", 0, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "|" and depth == 0:
            return ""
        if char in "?*{" and depth == 0:
            run = run[:-1]   # the character before is optional
        if char == "\\" or char in "()[.^$?*{+|" or depth:
            runs.append(run)
            run = ""
            if char == "\\":
                i += 1
            elif char == "[":
                i = pattern.index("]", i + 2 if pattern[i + 1:i + 2] == "]" else i + 1)
            elif char == "{":
                i = pattern.index("}", i)
            depth += (char == "(") - (char == ")")
        else:
            run += char
        i += 1
    return max([*runs, run], key=len)


def _asked_by() -> dict[str, tuple[str, ...]]:
    """Each term's aspects, in ASPECTS' order: `tag` looks a token up once, not in every aspect."""
    found: dict[str, list[str]] = {}
    for aspect in ASPECTS:
        for word in aspect.words:
            found.setdefault(word, []).append(aspect.id)
    return {word: tuple(ids) for word, ids in found.items()}


_ASKED_BY = _asked_by()

# Each phrase with the run of its characters every match holds: a clause is scanned with a
# phrase only when it holds that run (forty phrases scanned in every clause were over half of
# `tag`'s time; a plain substring test costs a tenth of a scan).
_PHRASES = [(a.id, compiled, "" if compiled.flags & re.IGNORECASE else literal_key(p))
            for a in ASPECTS for p in a.phrases for compiled in [re.compile(p)]]
_TOKEN = re.compile(r"[^\W_]+(?:[-.'][^\W_]+)*")
MAX_ASPECTS = 4   # a clause answers at most this many of the 16 questions (3 cut some answers off)


@lru_cache(maxsize=65536)
def tag(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Every aspect a clause asks, with the words that ask it."""
    low = normalise(text).lower()
    hits: dict[str, list[str]] = {}
    tokens = _TOKEN.findall(low)
    for k, token in enumerate(tokens):
        t = term(token)
        if t is None:
            continue
        if t in _WARN and k + 1 < len(tokens) and tokens[k + 1] in _REPORTING_USE and not _received(tokens, k):
            continue   # "warned that ...", "warning of retaliation": a report or a threat, not a warning given
        if token == "safe" and k + 1 < len(tokens) and tokens[k + 1] in _PLACE_NOUNS:
            continue   # "a safe zone", "the safe area": where it happened, not whether it was safe
        if "-" in token and t not in _ASKED_BY:
            t = term(token.replace("-", "")) or t
        for aspect_id in _ASKED_BY.get(t, ()):
            hits.setdefault(aspect_id, []).append(token)
    for aspect_id, pattern, key in _PHRASES:
        if key in low:
            for m in pattern.finditer(low):
                hits.setdefault(aspect_id, []).append(m.group(0))
    return tuple((a.id, tuple(dict.fromkeys(hits[a.id]))) for a in ASPECTS if a.id in hits)


def _received(tokens: list[str], k: int) -> bool:
    """'Moscow was (not) warned about the raid': a warning given, or not, whatever follows."""
    return any(w in PASSIVE for w in tokens[max(k - 2, 0):k])


def strongest(tags: dict[str, tuple[str, ...]], weight: dict[str, float]) -> dict[str, tuple[str, ...]]:
    """The `MAX_ASPECTS` aspects a clause asks most: more of its words, and rarer in the corpus
    (where every sentence names the disputed waters, "where" tells little about one of them)."""
    order = {a.id: k for k, a in enumerate(ASPECTS)}
    ranked = sorted(tags, key=lambda k: (-len(tags[k]) * weight.get(k, 1.0), order[k]))
    return {k: tags[k] for k in ranked[:MAX_ASPECTS]}
