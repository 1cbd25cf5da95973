"""Placing speakers across the corpus, after each article is read on its own.

A person named in full with a side keeps it when later named alone; a person
the case never names is placed by whom they speak against; unattributed
sentences take the side of their attributed partners in other articles, and
of an article that tells one side's version in its own voice; the user's
fixes come last.  Every side placed here but the fixes is marked inferred.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from urllib.parse import urlsplit

from rapidfuzz.distance import OSA

from ..text.lexicons import DEBUNK_LABELS, GAZETTEER, HOMES, NEGATION, BODY_HEADS, ROLE_HEADS, STATE_MEDIA
from ..model import Article, Attribution, Corpus, Pair, Ref, SideFix
from .sides import SideMatcher, countries_in, country_of, is_gazetteer_name
from .speech import hostile, relays


def _denounced(text: str, matcher: SideMatcher, speaker: str = "", places: bool = False) -> str | None:
    """The one side a hostile sentence names (its speaker's own phrase aside), else None."""
    if not hostile(text):
        return None
    named = matcher.sides_in(text.replace(speaker, " ") if speaker else text, places)
    return next(iter(named)) if len(named) == 1 else None


_AGAINST_MIN = 2   # hostile sentences naming one side, and none the other, that place a speaker
# In what a speaker says, "terror" tells what happened ("the terrorist attack in X", "reported to
# X's president about the terrorists"), not whom the speaker stands against: read as hostility it
# placed officials with the side they spoke for (a narrator calling a side's crews terrorists in
# its own words still denounces it, `_hostile_narrator`).
_TERROR = re.compile(r"(?i)\bterror\w*")
# "..., X said amid international condemnation of Y's strike": the circumstance is the writer's,
# not whom X stands against.
_AMID = re.compile(r"(?i)\bamid(?:st)?\b[^,.;:]*")


def by_hostility(corpus: Corpus, out: dict[Ref, Attribution], matcher: SideMatcher) -> None:
    """Give a side to a person the case never names, by whom they speak against.

    "Hunt said Iran's seizure of the tanker was illegal", "Glaz called the
    European accusations groundless": a speaker whose hostile sentences name
    one side, twice or more and never the other, speaks for the other side
    (marked inferred).  Only with two sides, and never for the press, analysts
    or international bodies; nor for a third party that the side itself speaks
    against (Russia's ministry denouncing Poland is not Ukraine's ally when
    Ukraine's own speakers accuse Russia).  A person a side's own speakers denounce by
    name counts as having denounced that side (`_named`).
    """
    sides = [s.id for s in corpus.sides]
    if len(sides) != 2:
        return
    against: dict[str, Counter[str]] = {}
    opposed: dict[str, set[str]] = {s: set() for s in sides}   # parties each side speaks against
    titled = {key for who in out.values() if (key := _titled(who, home=False))}   # officials: one sentence will do
    people = _people(out)
    for ref, who in out.items():
        key = _unplaced(who)
        if key is None and not (who.side and not who.inferred):
            continue
        text = _AMID.sub("", _TERROR.sub("", corpus.article(ref.article).sentence(ref.paragraph, ref.sentence or 0).text))
        if key is None:
            if hostile(text):
                opposed[who.side or ""].update(c.id for c in countries_in(text.replace(who.speaker or "", " ")))
                for person in _named(text, who.speaker, people):   # "X called Y's allegation absurd"
                    against.setdefault(person, Counter())[who.side or ""] += 1
        elif target := _denounced(text, matcher, who.speaker or ""):
            against.setdefault(key, Counter())[target] += 1
    for ref, who in list(out.items()):
        key = _unplaced(who) or ""
        votes = against.get(key)
        if not votes or len(votes) != 1:
            continue
        target, n = votes.most_common(1)[0]
        side = next(s for s in sides if s != target)
        if n >= (1 if key in titled else _AGAINST_MIN) and key not in opposed[side]:   # a party a side accuses is not its ally
            out[ref] = Attribution(ref, who.speaker, side, who.speaker_span, inferred=True)


_OF = re.compile(r"\bof\b")
_CAPITALISED = re.compile(r"[A-Z][\w’'-]+")   # a name's words
_POSSESSIVE = re.compile(r"[’']s$")


def _people(out: dict[Ref, Attribution]) -> set[str]:
    """The surnames of the unplaced speakers who are people ("the Ministry of External Affairs" is none)."""
    return {key for who in out.values()
            if (key := _unplaced(who)) and key[:1].isupper() and not _OF.search(who.speaker or "")}


def _named(text: str, speaker: str | None, people: set[str]) -> set[str]:
    """The people a side's speaker names in a hostile sentence: not that side's (a vote as if
    each had denounced it: "Blinken called Putin's allegation absurd")."""
    if not speaker or not people:
        return set()
    words = _CAPITALISED.findall(text.replace(speaker, " "))
    return people.intersection(w for word in words for w in (word, _POSSESSIVE.sub("", word)))


# An organ of a state named without its country: "the police", "the authorities", "the ministry".
_STATE_ORGAN = (r"(?i)(?:the\s+)?(?:(?:country|nation)['’]s\s+)?(?:police|authorities|government|judiciary|"   # compiled
                r"prosecutors?|prosecutor['’]s office|(?:interior\s+)?ministry|security forces|coroner)")   # on first use


def state_organs(corpus: Corpus, out: dict[Ref, Attribution]) -> None:
    """With one state among the sides and no party of the gazetteer against it (a government
    against a charity, a family, a broadcaster), its organs named without a country ("the
    police", "the authorities") are that state's: the other side has none.  Marked inferred."""
    countries = [country_of(side) for side in corpus.sides]
    states = [side.id for side, c in zip(corpus.sides, countries) if c and c.id not in HOMES]
    if len(states) != 1 or len(corpus.sides) < 2 or sum(c is None for c in countries) != len(corpus.sides) - 1:
        return   # a movement that governs where it holds ground (lexicons.HOMES) has its own police
    for ref, who in out.items():
        if who.side is None and who.speaker and re.fullmatch(_STATE_ORGAN, who.speaker.strip()):
            out[ref] = Attribution(ref, who.speaker, states[0], who.speaker_span, inferred=True)


# Bodies every state has, by their head words: named without a country, whose they are
# depends on the story ("the Coast Guard said", "Coast guard spokesman X").
_BODY = r"(coast\s*guard|foreign\s+ministry|defen[cs]e\s+ministry|border\s+guard|navy|air\s+force)\b"
_BARE_BODY = re.compile(r"(?i)\b" + _BODY)
_NATIONAL_BODY = re.compile(r"\b([A-Z][\w’'-]+)(?:[’']s)?\s+(?i:" + _BODY + ")")
_BODY_NAMES_MIN = 2   # times the corpus names one side's body so, and the other's never


def national_bodies(corpus: Corpus, out: dict[Ref, Attribution], matcher: SideMatcher) -> None:
    """A body every state has, named without a country ("the Coast Guard said"), is the one
    side's whose adjective the corpus puts before that body ("the Hellenic Coast Guard",
    "Greece's coast guard") twice or more, when it never puts the other side's there: then
    only one side's such body is in the story.  A person so placed ("Coast guard spokesman
    X") keeps the side when named by surname alone ("Mr. X").  Marked inferred."""
    wanted: dict[Ref, str] = {}   # unplaced speakers naming one such body, and none of a country
    for ref, who in out.items():
        if who.side is None and who.speaker and not relays(who.speaker) and not countries_in(who.speaker):
            bodies = {_body_key(m.group(1)) for m in _BARE_BODY.finditer(who.speaker)}
            if len(bodies) == 1:
                wanted[ref] = next(iter(bodies))
    if not wanted:
        return   # the corpus is read for its bodies' owners only when a speaker needs one
    owners: dict[str, Counter[str]] = {}
    for article in corpus.articles:
        for paragraph in article.paragraphs:
            for m in _NATIONAL_BODY.finditer(paragraph.text):
                if len(found := matcher.sides_in(m.group(1), places=True)) == 1:
                    owners.setdefault(_body_key(m.group(2)), Counter())[next(iter(found))] += 1
    sole = {body: next(iter(c)) for body, c in owners.items() if len(c) == 1 and c.total() >= _BODY_NAMES_MIN}
    placed: dict[str, set[str]] = {}   # the people so placed, by surname: "Mr. X" later is the same
    for ref, body in wanted.items():
        if side := sole.get(body):
            who = out[ref]
            out[ref] = Attribution(ref, who.speaker, side, who.speaker_span, inferred=True)
            if name := _person(who.speaker or ""):
                placed.setdefault(name, set()).add(side)
    for ref, who in out.items() if placed else ():
        if who.side is None and who.speaker and len(sides := placed.get(_person(who.speaker) or "", set())) == 1:
            out[ref] = Attribution(ref, who.speaker, next(iter(sides)), who.speaker_span, inferred=True)


def _body_key(words: str) -> str:
    return re.sub(r"\s+", "", words.lower()).replace("defense", "defence")


def home_officials(article: Article, out: dict[Ref, Attribution], matcher: SideMatcher) -> None:
    """Officials a paper named after a side's country introduces by title alone
    ("Foreign Minister X said" in a paper named for the country) are that country's:
    a paper gives a foreign official's nationality, never its own's.  The person's
    later sentences in the article ("X said") go with them.  Marked inferred."""
    if _official_outlet(article.outlet, matcher):
        return
    side = _outlet_side(article.outlet, matcher) or _filed_from(article, matcher)
    if side is None:
        return
    refs = _refs(article)
    home = {name for r in refs if (name := _titled(out[r]))}
    for r in refs:
        who = out[r]
        if not who.side and who.speaker and _voiced(who.speaker) and _person(who.speaker) in home:
            out[r] = Attribution(r, who.speaker, side, who.speaker_span, inferred=True)


def _outlet_side(outlet: str | None, matcher: SideMatcher) -> str | None:
    """The side an outlet belongs to: a side's country in its name ("The Japan Times"),
    or a side's state news agency ("KCNA", "Xinhua")."""
    found = matcher.match(outlet or "")
    if found and not _REGION_BEFORE.search((outlet or "")[:found[1]]):
        return found[0]
    country = state_media(outlet or "")
    match = matcher.match(country) if country else None
    return match[0] if match else None


_REGION_BEFORE = re.compile(r"(?i)\b(?:south|north|east|west|southern|northern|eastern|western|central)\s+$")


# Country codes that sites everywhere use for their sound ("news.tv", "app.io", "x.co", "y.me"),
# and the EU's, which names no outlet's country.
_GENERIC_CODES = frozenset("co me tv io ai fm ly cc ws to la gg su eu".split())


def _domain_side(url: str | None, matcher: SideMatcher) -> str | None:
    """The side of an outlet whose page sits under a side's country code ("pravda.com.ua",
    "azernews.az"): a paper of that country."""
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:   # "http://[broken": a front matter's typo, no country
        return None
    code = host.rsplit(".", 1)[-1] if host and "." in host else ""
    country = _BY_CODE.get(code) if code not in _GENERIC_CODES else None
    found = matcher.match(country.name) if country else None
    return found[0] if found else None


_BY_CODE = {c.id: c for c in GAZETTEER if len(c.id) == 2}
_AGENCIES = {name: country for country, names in STATE_MEDIA.items() for name in names}
_AGENCY = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, sorted(_AGENCIES, key=len, reverse=True)))
                     + r")(?![\w])")
# British style writes an agency's initials as a word ("Tass", "Wafa"): the name alone, or before
# "news agency" or "correspondent"; never "the al-Wafa hospital" or a person called Wafa who is quoted.
_WORDED = {name.title(): country for name, country in _AGENCIES.items() if name.isupper() and len(name) >= 4}
_AGENCY_WORD = re.compile(r"(?:^|(?<=\s))(?:an?\s+|the\s+)?(" + "|".join(map(re.escape, sorted(_WORDED))) +
                          r")(?:\s+(?:news\s+)?(?:agency|correspondent|reporter)\b|$)")
_COUNTRY_NAME = {c.id: c.name for c in GAZETTEER}


@lru_cache(maxsize=4096)
def state_media(outlet: str) -> str | None:
    """The name of the state whose news agency an outlet is ("Xinhua" -> "China")."""
    if m := _AGENCY.search(outlet):
        return _COUNTRY_NAME[_AGENCIES[m.group(1)]]
    m = _AGENCY_WORD.search(outlet.strip())
    return _COUNTRY_NAME[_WORDED[m.group(1)]] if m else None


def _refs(article: Article) -> list[Ref]:
    return [Ref(article.id, p.index, s.index) for p in article.paragraphs for s in p.sentences]


def _titled(who: Attribution, home: bool = True) -> str | None:
    """The surname of an unplaced speaker introduced by an official title and a name; with
    `home`, only one whom no country is given (an outlet's own officials)."""
    if who.side or not who.speaker or not (_voiced(who.speaker) if home else not relays(who.speaker)):
        return None
    return _person(who.speaker) if _role(who.speaker) else None


def _role(speaker: str) -> bool:
    """A speaker phrase with an official's role or a body in it ("Foreign Minister X", "the Foreign Office")."""
    return any(w in ROLE_HEADS for w in re.findall(r"[a-z]+", speaker.lower()))


def by_surname(out: dict[Ref, Attribution]) -> None:
    """A person introduced in full with a side ("Russian Ambassador Vassily Nebenzia") keeps
    it when later named alone ("Nebenzia said"), anywhere in the corpus, unless the
    surname is read for both sides."""
    known: dict[str, set[str]] = {}
    for who in out.values():
        if who.side and not who.inferred and who.speaker and (name := _person(who.speaker)):
            known.setdefault(name, set()).add(who.side)
    by_initial: dict[str, list[str]] = {}
    for name in known:
        if len(name) >= _MISSPELT_MIN:
            by_initial.setdefault(name[0], []).append(name)
    spelt: dict[str, set[str]] = {}   # each unknown surname looked up once
    for ref, who in list(out.items()):
        name = _person(who.speaker or "") if not who.side and who.speaker else None
        if not name:
            continue
        if name not in known and name not in spelt:
            spelt[name] = _misspelt(name, by_initial.get(name[0], []), known)
        sides = known.get(name) or spelt[name]
        if len(sides) == 1:
            out[ref] = Attribution(ref, who.speaker, next(iter(sides)), who.speaker_span)


_MISSPELT_MIN = 6   # letters a surname needs before one slip of the pen may be read as a known one


def _misspelt(name: str, candidates: list[str], known: dict[str, set[str]]) -> set[str]:
    """The sides of the one known surname that `name` misspells by a letter left out, added,
    changed or two swapped ("Nebeznya" for "Nebenzya", "Zelenskiy" for "Zelensky"), or spells
    with i what another transliteration spells with y ("Kirilenko" for "Kyrylenko"): long
    names with the same first letter (`candidates`)."""
    if len(name) < _MISSPELT_MIN:
        return set()
    folded = _y_as_i(name)
    near = [k for k in candidates if (abs(len(k) - len(name)) <= 1 and OSA.distance(k, name, score_cutoff=1) <= 1)
            or _y_as_i(k) == folded]
    return known[near[0]] if len(near) == 1 else set()


def _y_as_i(name: str) -> str:
    return name.lower().replace("y", "i")


def _unplaced(who: Attribution) -> str | None:
    """What a speaker without a side is known by across the corpus: a person's surname, or
    a party that is neither side (an ally such as the EU); None for the press and the like."""
    if who.side or not who.speaker or relays(who.speaker):
        return None
    parties = countries_in(who.speaker)
    if parties:
        return parties[0].id
    return _person(who.speaker)


def _person(speaker: str) -> str | None:
    """The surname of a speaker phrase that names a person ("Foreign Secretary Jeremy Hunt"
    -> "Hunt"), or None for bodies and roles."""
    words = _CAPITALISED.findall(speaker)
    if not words or words[-1].lower() in BODY_HEADS or words[-1] in _OPENING or _POSTED_TO.search(speaker):
        return None
    if len(words) > 1 and is_gazetteer_name(" ".join(words[-2:])):
        return None   # "South Korean legislators": a country's people, no surname "Korean"
    return words[-1]


# "the Permanent Representative to the United Nations": the capitals after "to" name the post,
# not the speaker.
_POSTED_TO = re.compile(r"\bto\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s*)+$")
_OPENING = frozenset("The A An This That These Those Its Their".split())   # a capital that only opens the phrase


_VOICE_SHARE = 0.75   # an article whose attributed sentences are this much one side's ...
_VOICE_MIN = 2        # ... and at least this many, narrates that side's version


def voice(article: Article, out: dict[Ref, Attribution], matcher: SideMatcher) -> None:
    """Unattributed sentences of an article that speaks for one side take that side, inferred.

    State media and a side's own outlets tell its version in their own voice
    ("the supply ship forcefully entered despite warnings") between the
    sentences they attribute; a wire story quoting both sides has no voice.
    A page published by a side's own body (a ministry's or a coast guard's
    site, named as the outlet), a paper named for a side's country and a side's
    state news agency speak for it throughout, whatever they quote: such a paper
    gives the other side's people their nationality and its own a title alone
    ("the Foreign Office said").  A person named by one word keeps the side the
    article gave them in full (`_same_person`).  Another outlet speaks for the
    side nearly all it attributes speaks for, unless its dateline files it from
    the other side's place; a paper under a side's country code that quotes
    no one side narrates that side's version (its narration only); failing
    that, its narration is the side its own hostile words favour
    (`_hostile_narrator`).
    """
    refs = _refs(article)
    _same_person(refs, out)
    own = _official_outlet(article.outlet, matcher) or _outlet_side(article.outlet, matcher)
    side = own or _debunker(article, matcher)   # before the sides it quotes: a debunking page quotes the other side
    filed = None
    if side is None:
        side, filed = _attributed_voice(refs, out), _filed_from(article, matcher)
        if side is not None and filed not in (None, side):
            side = None   # filed from the other side's capital: it quotes this side, it does not speak for it
        elif side is None and filed is None and (paper := _domain_side(article.url, matcher)):
            _narrate(refs, out, paper)   # quoting no one side, a paper of a side's country narrates its version
            return
    if side is None:
        if narrator := _hostile_narrator(article, refs, out, matcher):
            _narrate(refs, out, narrator)
        if filed:   # "ISLAMABAD: ... the Foreign Office said": the place's own
            for r in refs:
                who = out[r]
                if who.side is None and who.speaker and _voiced(who.speaker) and _role(who.speaker):
                    out[r] = Attribution(r, who.speaker, filed, who.speaker_span, inferred=True)
        return
    for r in refs:
        who = out[r]
        if who.side is None and (who.speaker is None or _voiced(who.speaker) or (own and _SOURCES.search(who.speaker))):
            out[r] = Attribution(r, who.speaker, side, who.speaker_span, inferred=True)


def _narrate(refs: list[Ref], out: dict[Ref, Attribution], side: str) -> None:
    """The sentences no one speaks take `side`, inferred; its speakers keep theirs (a country's
    paper names the other side's officials as often as its own)."""
    for r in refs:
        if out[r].side is None and out[r].speaker is None:
            out[r] = Attribution(r, None, side, None, inferred=True)


_HONORIFIC = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr|Gen|Col|Adm)\.?\s+)?([A-Z][\w’'-]+)$")


def _same_person(refs: list[Ref], out: dict[Ref, Attribution]) -> None:
    """A speaker named by one word ("Lee said") whom the article placed in full ("President
    Lee Myung-bak", family name first or last) keeps that person's side, not the article's."""
    sides: dict[str, set[str]] = {}
    for r in refs:
        who = out[r]
        if who.side and who.speaker:
            for word in _CAPITALISED.findall(who.speaker):
                if word.lower() not in BODY_HEADS:
                    sides.setdefault(word, set()).add(who.side)
    for r in refs:
        who = out[r]
        m = _HONORIFIC.match(who.speaker or "") if who.side is None else None
        if m and len(found := sides.get(m.group(1), set())) == 1:
            out[r] = Attribution(r, who.speaker, next(iter(found)), who.speaker_span, inferred=True)


# A wire's dateline: a place in capitals ("ISLAMABAD:", "KYIV (Reuters) -") or a place and a
# date ("Kyiv, June 9 --"); a headline's "Topic: ..." is none.
_DATELINE = re.compile(r"\s*(?:([A-Z][A-Z.' -]{2,30}?)|([A-Z][A-Za-z.' -]{2,30}?),\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2})\s*"
                       r"(?:\([^)]{2,30}\)\s*)?(?::|—|–|--?)\s")


def _filed_from(article: Article, matcher: SideMatcher) -> str | None:
    """The side whose place an article's dateline names ("ISLAMABAD: ...", "Kyiv, June 9 --")."""
    if not article.paragraphs or not article.paragraphs[0].sentences:
        return None
    m = _DATELINE.match(article.paragraphs[0].sentences[0].text)
    found = matcher.match((m.group(1) or m.group(2)).title()) if m else None
    return found[0] if found else None


def _attributed_voice(refs: list[Ref], out: dict[Ref, Attribution]) -> str | None:
    """The side nearly all of an article's attributed sentences give, if they are enough."""
    sides = [side for r in refs if (side := out[r].side) and not out[r].inferred]
    if len(sides) < _VOICE_MIN:
        return None
    side = max(sorted(set(sides)), key=sides.count)
    return side if sides.count(side) >= _VOICE_SHARE * len(sides) else None


# A headline that labels a claim false: "Fake: X bombed the theatre", "Myth: ...".
_DEBUNK = re.compile(r"^\s*(?:" + "|".join((*DEBUNK_LABELS, "false")) + r")\s*:\s*(?P<claim>\S.*)$", re.I)


def _debunker(article: Article, matcher: SideMatcher) -> str | None:
    """The side an outlet speaks for when its headline calls a claim about one side fake: a
    claim that accuses that side ("Fake: X bombed the theatre") is the other side's, so the
    outlet speaks for the accused; a claim that clears it ("Fake: X not involved") is its own,
    so the outlet speaks for the other side."""
    first = article.paragraphs[0].text if article.paragraphs else ""
    sides = list(matcher.side_ids)
    for text in (article.title or "", first):
        label = _DEBUNK.match(text)
        claim = label.group("claim") if label else ""
        named = matcher.sides_in(claim, places=True) if claim else set()
        if len(named) == 1 and len(sides) == 2:
            target = next(iter(named))
            cleared = any(w.lower() in NEGATION for w in re.findall(r"[\w’'-]+", claim))
            return next(s for s in sides if s != target) if cleared else target
    return None


_NARRATOR_MIN = 2   # the article's own hostile sentences against one side that make it the other's voice


def _hostile_narrator(article: Article, refs: list[Ref], out: dict[Ref, Attribution],
                      matcher: SideMatcher) -> str | None:
    """The side an outlet narrates for when its own words denounce the other side again and
    again ("the Yerevan terrorists", "an act of Armenian terrorism"), twice as often as the
    first (whom such words also name as the victim)."""
    sides = list(matcher.side_ids)
    if len(sides) != 2:
        return None
    against: Counter[str] = Counter()
    for r in refs:
        text = article.sentence(r.paragraph, r.sentence or 0).text
        if out[r].speaker is None and (target := _occupier(text, matcher) or _denounced(text, matcher, places=True)):
            against[target] += 1
    (target, n), *rest = against.most_common() or [("", 0)]
    if n < _NARRATOR_MIN or (rest and n < 2 * rest[0][1]):
        return None   # too few, or the other side named in hostile words nearly as often
    return next(s for s in sides if s != target)


# A side's forces named by an epithet only a partisan narrator uses: "the Russian occupiers",
# "Israeli occupation forces", "the Armenian invaders".
_OCCUPIER = re.compile(r"([A-Z][\w’'-]+)\s+(?:occupiers|invaders|aggressors|occupation\s+forces|occupying\s+forces)\b")


def _occupier(text: str, matcher: SideMatcher) -> str | None:
    """The one side a sentence calls occupiers or invaders, whatever else it names."""
    named = {side for m in _OCCUPIER.finditer(text) for side in matcher.sides_in(m.group(1), places=True)}
    return next(iter(named)) if len(named) == 1 else None


_OFFICIAL = re.compile(r"(?i)\b(?:ministry|government|embassy|mission|navy|army|coast guard|armed forces|"
                       r"office|president|presidency|kremlin|white house|state department|department|"
                       r"defen[cs]e|foreign affairs|military|command|council)\b")


def _official_outlet(outlet: str | None, matcher: SideMatcher) -> str | None:
    """The side whose own body published a page ("Ministry of Foreign Affairs of Ukraine",
    "China Coast Guard"), never a newspaper that carries a country's name."""
    if not outlet or not _OFFICIAL.search(outlet):
        return None
    found = matcher.match(outlet)
    return found[0] if found else None


# Unnamed sources: a side's own outlet (its body's page, a paper named for its country, its state
# agency) quotes them for that side; any other outlet's sources speak for no one.
_SOURCES = re.compile(r"(?i)^(?:the |an? |some |same |informed |senior |military |security )*sources?$")


def _voiced(speaker: str) -> bool:
    """A named speaker an article gives no party: its own side's official, whom a
    side's outlet need not introduce ("Hunt said"), unless it names another party
    or is the press, an analyst or an international body."""
    return not countries_in(speaker) and not relays(speaker)


def inherit(out: dict[Ref, Attribution], pairs: Sequence[Pair], min_score: float = 60.0) -> None:
    """Unattributed sentences take the side of attributed partners in other articles."""
    votes: dict[Ref, set[str]] = {}
    for pair in pairs:
        if pair.kind != "sentence" or pair.score < min_score or pair.a.article == pair.b.article:
            continue
        for mine, other in ((pair.a, pair.b), (pair.b, pair.a)):
            me, them = out.get(mine), out.get(other)
            if me and them and me.speaker is None and them.side and not them.inferred:
                votes.setdefault(mine, set()).add(them.side)
    for ref, sides in votes.items():
        if len(sides) == 1:
            out[ref] = Attribution(ref, None, next(iter(sides)), None, inferred=True)


def apply_fixes(out: dict[Ref, Attribution], fixes: Sequence[SideFix]) -> dict[Ref, Attribution]:
    """The user's corrections: by speaker first, then the more specific by sentence."""
    for fix in [f for f in fixes if f.speaker and not f.ref] + [f for f in fixes if f.ref]:
        for ref, who in list(out.items()):
            if fix.ref is not None and ref != fix.ref and not _within(ref, fix.ref):
                continue
            if fix.ref is None and (who.speaker or "").casefold() != (fix.speaker or "").casefold():
                continue
            out[ref] = Attribution(ref, who.speaker, fix.side, who.speaker_span, inferred=False)
    return out


def _within(ref: Ref, place: Ref) -> bool:
    """A sentence inside a paragraph-level ref (a fix may name a whole paragraph)."""
    return place.sentence is None and (ref.article, ref.paragraph) == (place.article, place.paragraph)
