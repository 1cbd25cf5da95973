"""Sides without a case file: infer the two parties and the people who speak for them.

The two countries most named by the corpus's speakers become the sides (marked
inferred), and people introduced as "Russian Foreign Minister X" join their
country's side.  Reads speaker phrases from attribution, so it sits above both
attribution and sides and neither imports it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from ..text.boilerplate import word_alternation
from ..text.captions import captions
from ..text.lexicons import ANSWERING, BLOCS, GAZETTEER, HOMES, MONTHS, PATRONS, PERSON_ROLE, PERSON_ROLE_PATTERN, WEEKDAYS, Country
from ..model import Actor, Corpus, Side
from .speech import hostile, relays, speaker_phrases, title_case
from .sides import AFFAIRS_AFTER, countries_in, country_names, country_of, is_gazetteer_name, matcher_for, normalise

_INSTITUTION = frozenset("ministry command office department embassy forces force navy army guard corps staff "
                         "agency council service services".split())
_AGAINST = re.compile(ANSWERING)
_SUFFIX = frozenset("jr jr. sr sr. ii iii".split())
_GENERIC_BODY = _INSTITUTION | frozenset("""air foreign defense defence coast armed federal interior justice
security intelligence state national general general's prosecutor presidential naval military
central public home affairs external staff joint chiefs post news times daily tribune herald express
journal gazette press media advisor adviser ports maritime organization organisation commission department of the
channel television radio broadcaster""".split())
# The last words of bodies' names, learned whole ("Investigative Committee", "Fifth Fleet"), never
# alone: "Committee" or "Fleet" is no surname, and every side has one (the institutions too).
_BODY_END = _INSTITUTION | frozenset("""committee center centre society fleet government administration directorate prosecution
observatory council bureau authority assembly parliament court institute headquarters coalition alliance
group""".split())
# Words that end a capitalised run without naming anyone: places and titles.
_WHEN = WEEKDAYS | MONTHS
_NOT_A_NAME = frozenset("island islands sea ocean strait gulf bay peninsula province region coast river "
                        "city state states republic kingdom union nations according strip health "
                        "hospital complex camp airport credit".split()) | _WHEN


def infer_sides(corpus: Corpus) -> tuple[Side, ...]:
    """Two sides: the party most named by speakers, and the one that answers it.

    The first is the party whose speakers say most; the second, among the
    others, is the one whose speakers say most about the first and are spoken
    about by it (a state that merely chairs a meeting speaks, but neither
    accuses nor is accused), never the state the first holds ground in when it is a movement
    (nor the movement of a first state).  Ties fall to mentions in the text.
    """
    by_speaker: Counter[str] = Counter()
    by_text: Counter[str] = Counter()
    about: Counter[tuple[str, str]] = Counter()   # (speaker's party, party named in its sentence)
    against: Counter[tuple[str, str]] = Counter()   # the same, in answering words (denies, accuses ...)
    lookup = {c.id: c for c in GAZETTEER}
    phrases = list(speaker_phrases(corpus))
    for phrase, sentence in phrases:
        if relays(phrase):
            continue   # "Polish media reported": the press of a country is not its voice
        for country in countries_in(phrase)[:1]:
            by_speaker[country.id] += 1
            answers = bool(_AGAINST.search(sentence))
            for other in countries_in(sentence):
                if other.id != country.id:
                    about[(country.id, other.id)] += 2 if answers else 1
                    against[(country.id, other.id)] += answers
    for article in corpus.articles:
        for paragraph in article.paragraphs:
            for country in countries_in(paragraph.text):
                by_text[country.id] += 1
    ranked = sorted(lookup, key=lambda c: (-by_speaker[c], -by_text[c], c))
    present = [c for c in ranked if by_speaker[c] or by_text[c]]
    chosen = present[:1]
    if len(present) > 1:
        top = present[0]
        # a movement and the state it holds ground in are one camp (lexicons.HOMES), not two sides
        rivals = [c for c in present[1:] if top != HOMES.get(c) and c != HOMES.get(top)] or present[1:2]
        chosen.append(max(rivals, key=lambda c: (by_speaker[c] + about[(c, top)] + about[(top, c)],
                                                 by_text[c], -present.index(c))))
    learned: dict[str, list[str]] | None = None
    if len(chosen) == 1 or (len(chosen) == 2 and by_speaker[chosen[1]] <= _SILENT):
        first = lookup[chosen[0]]
        own = _spoken(phrases, _learn_people(corpus, [first]))
        if voice := _other_voice(phrases, first, set(own.get(first.id, [])), alone=len(chosen) == 1):
            return _country_side(first, own.get(first.id, [])), voice
        if len(chosen) == 1:
            learned = own   # the same people: learned for the one party alone
    if learned is None:
        learned = _spoken(phrases, _learn_people(corpus, [lookup[c] for c in chosen]))
    allies = _bloc_allies(chosen, [c for c in present if by_speaker[c]])
    for side, ally in _answering_allies(chosen, [c for c in present if by_speaker[c]], about, against):
        if ally not in allies[side]:
            allies[side].append(ally)
    return tuple(_country_side(lookup[c], learned[c], [lookup[a] for a in allies[c]]) for c in chosen)


def _country_side(country: Country, learned: Sequence[str], allies: Sequence[Country] = ()) -> Side:
    """An inferred side for a party of the gazetteer: its names and the people learned for it,
    then its allies."""
    names = tuple(dict.fromkeys((*country_names(country), *learned)))
    return Side(country.id, country.name,
                (Actor(country.name, names), *(Actor(a.name, country_names(a)) for a in allies)), inferred=True)


_SILENT = 1       # sentences a party may speak and still be no voice in the coverage
_VOICE_MIN = 3    # sentences about the first party that make the named speakers who are no state a side
_SPOKEN_NAME = re.compile(r"(?:[A-Z][\w'’.&-]*\s+(?:(?:of|for|and|&)\s+)*)*[A-Z][\w'’.&-]*")


def _other_voice(phrases: Sequence[tuple[str, str]], first: Country, own: set[str],
                 alone: bool = False) -> Side | None:
    """The other side when the state chosen to answer the first party barely speaks (a movement
    the first party accuses, whom the coverage never quotes): the named speakers that are no
    state and speak about the first party (a charity and its founder, a news network), as one
    side named after the one who speaks most.  A name is two words or more, initials ("WCK"),
    or the surname of such a name; not the first party's own people (`own`), nor the press that
    relays what others say; one of them at least speaks against the first party.  With the
    first party `alone` (the only state the coverage names: a government and a family, say), it
    is enough that they name it once; who holds an office of state
    ("Parliament Speaker X", "the police chief") is the state's, here and elsewhere, and the same
    sentence in copies of a story counts once."""
    # one speaker by its last word ("Lawyer Anna Vossberg", "Anna Vossberg", "Vossberg"): the forms
    # of its name with their counts, its distinct sentences (a wire story's copies say one once),
    # whether it names the first party and whether it speaks against it
    forms_of: dict[str, Counter[str]] = {}
    said: dict[str, set[str]] = {}
    naming: set[str] = set()
    against: set[str] = set()
    for phrase, sentence in phrases:
        if countries_in(phrase) or relays(phrase) or _OF_STATE.search(phrase):
            continue
        about = any(c.id == first.id for c in countries_in(sentence.replace(phrase, " ")))
        if not (alone or about):
            continue
        names = [n for n in _SPOKEN_NAME.findall(phrase) if n.lower() not in _NOT_A_NAME
                 and not all(w.lower() in _GENERIC_BODY for w in n.split())]   # "Defence Ministry" is anyone's
        name = max(names, key=len) if names else ""
        if name and not own.intersection(name.split()) and not is_gazetteer_name(name):
            last = name.split()[-1]
            forms_of.setdefault(last, Counter())[name] += 1
            said.setdefault(last, set()).add(sentence)
            if about:
                naming.add(last)
                if hostile(sentence):
                    against.add(last)
    speakers: list[tuple[str, Counter[str]]] = [   # some form of the name a full one
        (last, forms) for last, forms in forms_of.items() if last in naming
        and any(len(n.split()) > 1 or _ACRONYM.fullmatch(n) for n in forms)]
    if sum(len(said[last]) for last, _ in speakers) < _VOICE_MIN or not (alone or against & dict(speakers).keys()):
        return None
    # the side is named by the most quoted speaker's form said most, then the shortest
    speakers.sort(key=lambda speaker: (-sum(speaker[1].values()), min(speaker[1])))
    names = [n for _, forms in speakers for n in sorted(forms, key=lambda n: (-forms[n], len(n), n))]
    top = next(n for n in names if len(n.split()) > 1 or _ACRONYM.fullmatch(n))
    slug = re.sub(r"[^a-z0-9]+", "-", top.lower()).strip("-") or "other"
    return Side(slug, top, tuple(Actor(n, (n,)) for n in names), inferred=True)


# Who holds an office of state: an official, never the critic who speaks where no state does.
_OF_STATE = re.compile(r"(?i)\b(?:police|parliament|lawmakers?|speaker|authorities|government|ministry|ministers?|"
                       r"president|army|military|judiciary|prosecutors?|coroner|court|officials?|spokes(?:man|woman|person)|"
                       r"governor|commander|general|brig|colonel|sgt|sergeant|officer|detective|captain|lieutenant|major|"
                       r"admiral|mayor|senator|congress(?:man|woman)|secretary|director|inspector|chief|sheriff|"
                       r"deputy|ambassador|envoy|diplomat)\b")


SPARSE_ACTORS = 3   # a case-file side with fewer actors than this learns more from the texts


def learn_actors(corpus: Corpus) -> tuple[Side, ...]:
    """The case file's sides, each sparse one with the people and bodies the texts introduce with
    its country ("Indian Defence Minister X", "X, a spokesman for ...'s ministry"), as
    zero-config learns them: a user who names the two countries and few of their people
    should not be read worse than one who names none.  A learned name the user's sides
    place elsewhere stays theirs; learned actors are marked (they name no role)."""
    countries = {s.id: country_of(s) for s in corpus.sides if len(s.actors) < SPARSE_ACTORS}
    known = list({c.id: c for c in countries.values() if c}.values())
    if not known:   # a side the user gave its people needs none learned (and the analysis is ~20% faster)
        return corpus.sides
    learned = _spoken(list(speaker_phrases(corpus)), _learn_people(corpus, known))
    matcher = matcher_for(corpus.sides)
    out = []
    for side in corpus.sides:
        country = countries.get(side.id)
        names = [n for n in learned.get(country.id, []) if _theirs(matcher.match(n), side.id)] if country else []
        out.append(replace(side, actors=(*side.actors, Actor(names[0], tuple(names[1:]), learned=True)))
                   if names else side)
    return tuple(out)


def _theirs(match: tuple[str, int, int] | None, side: str) -> bool:
    return match is None or match[0] == side


def _spoken(phrases: Sequence[tuple[str, str]], learned: dict[str, list[str]]) -> dict[str, list[str]]:
    """Learned names that some speaker phrase uses: the people who speak."""
    speakers = {w for phrase, _ in phrases for w in re.findall(r"[\w'-]+", normalise(phrase))}
    return {c: [n for n in names if any(w in speakers for w in n.split())] for c, names in learned.items()}


_ALLY_MIN = 2   # answering sentences against a side that make a third party the other side's ally


def _answering_allies(chosen: list[str], speaking: list[str], about: Counter[tuple[str, str]],
                      against: Counter[tuple[str, str]]) -> list[tuple[str, str]]:
    """A third party that one side names, whose speakers answer that side again and again
    (as the other side does), and that neither answers the other side nor is answered by it,
    is the other side's ally (the US rejecting Russia's accusations beside the UK)."""
    if len(chosen) < 2:
        return []
    out = []
    for side, other in (chosen, chosen[::-1]):
        for c in speaking:
            if c in chosen:
                continue
            if (against[(c, other)] >= _ALLY_MIN and about[(other, c)] >= 1
                    and not against[(c, side)] and not against[(side, c)]):
                out.append((side, c))
    return out


def _bloc_allies(chosen: list[str], speaking: list[str]) -> dict[str, list[str]]:
    """A bloc side speaks with its members, a member side with its bloc, against a
    party outside it ("the EU and Lithuania against Belarus"), never when both
    sides belong to the bloc; a patron state speaks with the de facto state it
    backs (Armenia with Nagorno-Karabakh), a state with the movement that holds ground in it
    (Palestine with Hamas: lexicons.HOMES)."""
    out: dict[str, list[str]] = {c: [] for c in chosen}
    if len(chosen) < 2:
        return out
    for side, other in (chosen, chosen[::-1]):
        out[side] += [c for c, patron in PATRONS.items() if patron == side and c in speaking and c not in chosen]
        out[side] += [c for c, home in HOMES.items() if home == side and c in speaking and c not in chosen]
        for bloc, members in BLOCS.items():
            if other == bloc or other in members:
                continue
            if side == bloc:
                out[side] += [c for c in speaking if c in members and c not in chosen]
            elif side in members and bloc in speaking:
                out[side].append(bloc)
    return out


_NAME_RUN = r"((?:[A-Z][\w.'-]*\s+(?:of\s+(?:the\s+)?)?){0,5}[A-Z][\w'-]+(?:\s+(?:Jr|Sr)\.?)?)"


def _learn_people(corpus: Corpus, countries: list[Country]) -> dict[str, list[str]]:
    """People and bodies introduced with a country, in two rounds.

    Round one reads "Russian Foreign Minister X", "his US counterpart, X",
    "X, commander of U.S. ...", "Iran's Revolutionary Guard Corps (IRGC)",
    "Ukraine's security service (SBU)";
    round two does the same with the bodies learned in round one ("IRGC chief
    commander X").  "X ... his Russian counterpart" puts X on the other side.
    Photo captions are read too: not article text, but they often are where a
    page says who someone is ("Britain's Prime Minister X visits ...").
    """
    texts = [normalise(t) for a in corpus.articles for t in (*(p.text for p in a.paragraphs), *captions(a))
             if not title_case(t)]
    labels = {c.id: list(country_names(c)) for c in countries}
    votes = _Ballot()
    for _ in range(2):
        for side, names in labels.items():
            for text in texts:
                for run in _introduced(text, names):
                    _vote(votes, run, side)
            if len(labels) == 2:
                other = next(o for o in labels if o != side)
                for text in texts:
                    for run in _counterparts(text, names):
                        _vote(votes, run, other)
        learned = _elect(votes, list(labels))
        labels = {c: [*country_names(next(k for k in countries if k.id == c)), *learned[c]]
                  for c in labels}
    for side, acronym in _spelled_out(texts, labels):
        votes.add(acronym, acronym, side)
    return _elect(votes, list(labels))


_ACRONYM = re.compile(r"(?<![\w.'’-])[A-Z]{2,6}(?![\w-])")
_CAPITAL_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:of|for|and|the|on)\s+)*[A-Z][\w'’-]*)+")


def _spelled_out(texts: Sequence[str], labels: dict[str, list[str]]) -> list[tuple[str, str]]:
    """(side, acronym) for each time a text spells an acronym out with a side's name: "the
    IDF" where a page writes "Israel Defense Forces", "the CGA" where one writes "Taiwan's
    Coast Guard Administration".  A body named by its initials is otherwise nobody's."""
    wanted = {a for t in texts for a in _ACRONYM.findall(t) if not is_gazetteer_name(a)}
    if not wanted:
        return []
    owner = {n.lower(): side for side, names in labels.items() for n in names}
    out = []
    for text in texts:
        for run in _CAPITAL_RUN.finditer(text):
            words = [w for w in run.group().split() if w[:1].isupper()]
            for i in range(len(words)):
                for j in range(i + 2, len(words) + 1):
                    spelled = {"".join(w[0] for w in words[i:j]),
                               "".join(p[0] for w in words[i:j] for p in w.split("-") if p[:1].isupper())}
                    for acronym in spelled & wanted:
                        if side := _owner(words[max(0, i - 1):j + 1], owner):   # "Taiwan's CGA", "MEA of India"
                            out.append((side, acronym))
    return out


def _owner(words: list[str], owner: dict[str, str]) -> str | None:
    """The one side a run of capitalised words names ("Taiwan's", "Israel", "Chinese")."""
    found = {side for w in words if (side := owner.get(re.sub(r"['’]s$", "", w).lower()))}
    return next(iter(found)) if len(found) == 1 else None


def _alternation(names: Sequence[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(set(names), key=lambda n: (-len(n), n)))


@dataclass(frozen=True)
class _Patterns:
    """The compiled patterns of one name list: built once, not once per paragraph
    (rebuilding and re-escaping the list per paragraph was most of side inference)."""

    any_name: re.Pattern[str]
    named_run: re.Pattern[str]
    role_run: re.Pattern[str]
    role_posted_run: re.Pattern[str]
    run_role_of: re.Pattern[str]
    run_national_role: re.Pattern[str]
    body_run: re.Pattern[str]
    counterpart: re.Pattern[str]
    body_role_run: re.Pattern[str]
    body_initials: re.Pattern[str]


@lru_cache(maxsize=64)
def _patterns(names: tuple[str, ...]) -> _Patterns:
    alt = _alternation(names)
    name = f"(?:{alt})(?!{AFFAIRS_AFTER})"   # "the Taiwan Affairs Office" is not Taiwan's
    role = r"((?:[a-z-]+\s+){0,3}[a-z-]+)"
    talk = r"(?:said|says|spoke|speaks|talked|met|called|contacted|phoned|told|warned|cautioned)"
    return _Patterns(
        re.compile(word_alternation(tuple(set(names)))),   # a presence test: the names factored by prefix
        re.compile(rf"{_NOT_DESTINATION}{name}(?:'s)?\s+{_NAME_RUN}(?:\s+\(([A-Z]{{2,6}})\))?"),
        re.compile(rf"{_NOT_DESTINATION}{name}(?:'s)?\s+{role},?\s+{_NAME_RUN}"),
        re.compile(rf"{_NOT_DESTINATION}{name}(?:'s)?\s+((?:[a-z-]+\s+){{0,2}}[A-Za-z-]+)\s+{_POSTED},?\s+{_NAME_RUN}"),
        re.compile(rf"{_NAME_RUN},\s+(?:an?\s+|the\s+)?{role}{_OF_BODY}\s+"
                   rf"(?:(?:of|for|at)\s+(?:the\s+)?{name}(?![\w])|to\s+(?:the\s+)?{name}[’']s\s"
                   rf"|to\s+{name}\s+(?:[A-Z][\w-]*\s+){{0,2}}(?i:{PERSON_ROLE_PATTERN})\s)"),
        re.compile(rf"{_NAME_RUN},\s+(?:an?\s+|the\s+)?{name}(?:[’']s)?\s+"
                   rf"((?:[a-z-]+\s+){{0,3}}?(?i:{PERSON_ROLE_PATTERN}))\b"),
        re.compile(rf"{_NOT_DESTINATION}{name}(?:'s)?\s+{_NAME_RUN},\s+{_NAME_RUN}"),
        re.compile(rf"{_NAME_RUN}(?:,[^,.]*,)?\s+(?:[\w'-]+\s+){{0,3}}?{talk}\b[^.]{{0,40}}?"
                   rf"\b(?:his|her)\s+{name}\s+counterpart"),
        re.compile(rf"{_NOT_DESTINATION}{name}(?:'s)?\s+((?:[A-Z][\w-]*\s+){{1,4}}){role},?\s+{_NAME_RUN}"),
        re.compile(rf"{_NOT_DESTINATION}{name}(?:'s)?\s+{role}\s+\(([A-Z]{{2,6}})\)"),
    )


# The body a role serves, before its country: "an adviser [to the head of the Office of the
# President] of Ukraine" (each step a preposition, maybe "the", and one word), or after it: "an
# adviser to Ukraine's presidential office" or its office holder: "an aide to Russian President X"
# ("an envoy to Russia" alone is Russia's guest).
_OF_BODY = r"(?:\s+(?:to|of|in|at)\s+(?:the\s+)?[\w-]+){0,4}?"
# Where a role is posted: "ambassador to Malaysia", "envoy in Kuala Lumpur", "to the United Nations,":
# one capitalised word, the UN, or up to four words closed by a comma (the name follows it).
_POSTED = r"(?:to|in|at)\s+(?:the\s+)?((?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*,|United\s+Nations|[A-Z][\w.-]*)"
# "to Russia" names a destination ("its envoy to Russia, X"), not X's country.
_NOT_DESTINATION = r"(?<![\w.])(?<!\bto\s)(?<!\bto\sthe\s)"
# Roles that introduce a national who does not speak for the government.
_NOT_GOVERNMENT = frozenset("""opposition dissident critic critics activist activists journalist journalists
defector former exiled blogger lawyer victim victims spy agent double businessman tycoon ceo executive
airline airlines airways company carrier""".split())


def _introduced(text: str, names: Sequence[str]) -> list[str]:
    """Name runs that a country or known body introduces."""
    pats = _patterns(tuple(names))
    out: list[str] = []
    if not pats.any_name.search(text):   # every pattern below holds a name: nothing to find
        return out
    for m in pats.named_run.finditer(text):
        if _for_government(text, m.start(), m.group(1)):   # not "Azerbaijan Airlines Embraer": a carrier
            out.append(m.group(1))
            if m.group(2):
                out.append(m.group(2))
    for m in pats.role_run.finditer(text):
        if PERSON_ROLE.fullmatch(m.group(1).split()[-1]) and _for_government(text, m.start(), m.group(1)):
            out.append(m.group(2))
    for m in pats.role_posted_run.finditer(text):   # "North Korea's ambassador to Malaysia, X"
        place = f"{m.group(2)} {m.group(3).split()[0]}"   # not "... envoy in Kuala Lumpur"
        if (PERSON_ROLE.fullmatch(m.group(1).split()[-1]) and _for_government(text, m.start(), m.group(1))
                and not is_gazetteer_name(place)):
            out.append(m.group(3))
    for m in pats.run_role_of.finditer(text):
        if PERSON_ROLE.fullmatch(m.group(2).split()[-1].split("-")[0]) and _for_government(text, m.start(2), m.group(2)):
            out.append(m.group(1))
    for m in pats.run_national_role.finditer(text):   # "X, a Greek government spokesman"
        if _for_government(text, m.start(2), m.group(2)):
            out.append(m.group(1))
    for m in pats.body_run.finditer(text):
        if m.group(1).split()[-1].lower() in _INSTITUTION:
            out.append(m.group(2))
    for m in pats.body_role_run.finditer(text):   # "Chinese Foreign Ministry spokesperson X"
        if (m.group(1).split()[-1].lower() in _INSTITUTION and PERSON_ROLE.fullmatch(m.group(2).split()[-1])
                and _for_government(text, m.start(), m.group(2))):
            out.append(m.group(3))
    for m in pats.body_initials.finditer(text):   # "Ukraine's security service (SBU)"
        if m.group(1).split()[-1] in _INSTITUTION:
            out.append(m.group(2))
    return out


def _for_government(text: str, at: int, role: str = "") -> bool:
    """Not a dissident, victim or former official: "former Russian spy X", "opposition leader X"
    (in the words before it since the last comma: "among Chinese journalists, Chinese Foreign
    Ministry spokesperson X" is the ministry's)."""
    before = re.findall(r"[a-z-]+", re.split(r"[,;:.()]", text[max(0, at - 25):at])[-1].lower())[-2:]
    return not any(w in _NOT_GOVERNMENT for w in [*before, *role.lower().split()])


def _counterparts(text: str, names: Sequence[str]) -> list[str]:
    """"X said he spoke to his Russian counterpart": X is on the other side."""
    pats = _patterns(tuple(names))
    if "counterpart" not in text or not pats.any_name.search(text):
        return []
    return [m.group(1) for m in pats.counterpart.finditer(text)]


class _Ballot:
    """Votes for a side, counted by the name a person is known by (the surname or the
    body), with the fuller names each was written with ("Mark Milley")."""

    def __init__(self) -> None:
        self.sides: dict[str, Counter[str]] = {}
        self.full: dict[str, Counter[str]] = {}

    def add(self, key: str, name: str, side: str) -> None:
        self.sides.setdefault(key, Counter())[side] += 1
        self.full.setdefault(key, Counter())[name] += 1


def _elect(votes: _Ballot, sides: list[str]) -> dict[str, list[str]]:
    """Names whose votes clearly favour one side, each with its most used full form."""
    out: dict[str, list[str]] = {s: [] for s in sides}
    for key, counts in votes.sides.items():
        side, n = counts.most_common(1)[0]
        if side in out and n > sum(counts.values()) - n:
            full = max(sorted(votes.full[key]), key=lambda f: (votes.full[key][f], len(f)))
            out[side].extend(dict.fromkeys(n for n in (full, key) if len(n) >= 3))
    return out


def _vote(votes: _Ballot, run: str, side: str) -> None:
    words = [w for w in run.split() if w.lower() not in _SUFFIX]
    while len(words) > 1 and words[-1].lower() in _WHEN:   # "... Army Tuesday laid claim": the body, not the day
        words.pop()
    ends = [k for k, w in enumerate(words[:-1]) if w.endswith(".") and len(w) > 2]
    if ends:   # a run across a full stop ("... Valery Gerasimov. Milley"): the last sentence's words
        words = words[ends[-1] + 1:]
    if not words:
        return
    if words[-1].lower() in _BODY_END:
        # The body's name back to its first distinctive word ("Revolutionary Guard Corps");
        # "Air Force" or "Foreign Ministry" alone name nobody: every side has one.
        k = next((k for k in range(len(words) - 1, max(-1, len(words) - 5), -1)
                  if words[k].lower() not in _GENERIC_BODY and words[k][:1].isupper()), None)
        if k is None:
            return
        name = " ".join(words[k:]) if k < len(words) - 1 else " ".join(words[-2:])
    else:
        last = words[-1].removesuffix("'s")
        if (len(last) < 2 or not last[0].isupper() or "." in last or last.lower() in _NOT_A_NAME
                or last.lower() in _GENERIC_BODY or PERSON_ROLE.fullmatch(last)):
            return
        if is_gazetteer_name(last) or is_gazetteer_name(" ".join(words[-2:])):   # "Kuala Lumpur" names a place
            return
        # The person's name without the titles before it ("Defense Minister Sergei Shoigu"):
        # the matcher then knows both "Shoigu" and, alone, "Sergei"; "Gan Yu" is "Gan" later.
        person: list[str] = []
        for w in reversed(words[:-1]):
            if not w.isalpha() or w.lower() in _GENERIC_BODY or PERSON_ROLE.fullmatch(w) or len(person) == 2:
                break
            person.insert(0, w)
        votes.add(last, " ".join([*person, last]), side)
        return
    votes.add(name, name, side)
