"""Sides: match a speaker phrase to a side.

Names of actors come from the case file (or `inference` without one); the only
built-in knowledge is the country gazetteer in `lexicons`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..text.lexicons import BODY_HEADS, GAZETTEER, HOMES, PATRONS, PERSON_ROLE_PATTERN, Country
from ..model import Side


def _latin_folds() -> dict[int, str]:
    """A Latin letter with a diacritic to its plain letter ("č" -> "c", "ı" -> "i"): one page
    writes "Vučić" or "Yıldırım" where another writes "Vucic", "Yildirim"."""
    folds = {ord("ı"): "i", ord("ł"): "l", ord("Ł"): "L", ord("đ"): "d", ord("Đ"): "D",
             ord("ø"): "o", ord("Ø"): "O"}
    for code in range(0xC0, 0x250):
        base = unicodedata.normalize("NFD", chr(code))[0]
        if base != chr(code) and base.isascii() and base.isalpha():
            folds[code] = base
    return folds


_APOS = str.maketrans({ord("’"): "'", ord("‘"): "'", **_latin_folds()})


def normalise(text: str) -> str:
    """Curly apostrophes to straight ones and Latin letters without their diacritics; same
    length, so spans survive.  An ASCII text has none of them (a test checks): it is returned
    as it is, where `str.translate` looked each of its characters up."""
    return text if text.isascii() else text.translate(_APOS)


@lru_cache(maxsize=4096)
def name_pattern(name: str) -> re.Pattern[str]:
    """Whole-word pattern for a name; all-caps acronyms ("US") match case-sensitively."""
    name = normalise(name.strip())
    body = r"\s+".join(re.escape(w) for w in name.split())
    flags = 0 if re.fullmatch(r"[A-Z][A-Z.]*", name) else re.I
    return re.compile(rf"(?<![\w'.-]){body}(?![\w]|-(?!{_ALIGNED}))", flags)


# "Russian-installed official", "Saudi-led coalition": a compound that aligns its noun with
# the country names it ("Russian-speaking" does not).
_ALIGNED = r"(?:installed|backed|appointed|controlled|led|sponsored|allied|aligned|funded|run|held)\b"
_ALIGNED_AFTER = re.compile(_ALIGNED, re.I)


# Ignoring case, an ASCII letter matches only ASCII letters and these four
# (İ ı ſ K: i, i, s, k), so without them a lower-cased text shows every match.
_ASCII_FOLDS = "\u0130\u0131\u017f\u212a"


@lru_cache(maxsize=4096)
def _needles(name: str) -> tuple[bool, tuple[str, ...]] | None:
    """(ignores case, words) that any match of name_pattern(name) contains; None: unknown."""
    name = normalise(name.strip())
    words = tuple(name.split())
    if re.fullmatch(r"[A-Z][A-Z.]*", name):
        return False, words
    if all(w.isascii() for w in words):
        return True, tuple(w.lower() for w in words)
    return None


def _lowered(text: str) -> str | None:
    """`text` lower-cased for the needle test, or None when case folding could mislead it."""
    if text.isascii() or not any(ch in text for ch in _ASCII_FOLDS):
        return text.lower()
    return None


def _absent(name: str, text: str, low: str | None) -> bool:
    """True when name_pattern(name) cannot match in `text` (`low` = _lowered(text)).

    A cheap test that saves compiling and running most gazetteer patterns.
    """
    needles = _needles(name)
    if needles is None:
        return False
    ignore_case, words = needles
    if ignore_case:
        if low is None:
            return False
        text = low
    for word in words:
        if word not in text:
            return True
    return False


def _span(name: str, text: str, low: str | None) -> tuple[int, int] | None:
    """Where name_pattern(name).search(text) matches (`low` = _lowered(text)).

    A name of ASCII words is found with str.find and the pattern's boundary
    and space tests, without compiling it: in a text with none of the four
    folds, lower() keeps every position and maps only ASCII letters to ASCII
    letters; \\w is str.isalnum() or "_", \\s is str.isspace().
    """
    if _absent(name, text, low):
        return None
    needles = _needles(name)
    if needles is not None and needles[1] and (low is not None or not needles[0]):
        hay = low if needles[0] and low is not None else text
        first, rest = needles[1][0], needles[1][1:]
        at = hay.find(first)
        while at >= 0:
            end = _rest_end(hay, text, at + len(first), rest)
            before = text[at - 1] if at else ""
            if end is not None and (not before or not (before.isalnum() or before in "_'.-")):
                if _name_ends(text, end):
                    return at, end
            at = hay.find(first, at + 1)
        return None
    found = name_pattern(name).search(text)
    return found.span() if found else None


def _name_ends(text: str, end: int) -> bool:
    """The boundary test of name_pattern's end, as str tests."""
    after = text[end] if end < len(text) else ""
    if after == "-":
        return bool(_ALIGNED_AFTER.match(text, end + 1))
    return not after or not (after.isalnum() or after == "_")


def _rest_end(hay: str, text: str, end: int, rest: tuple[str, ...]) -> int | None:
    """End of r"\\s+".join(rest) after `end` (a word never starts with a space, so
    the greedy \\s+ never backtracks), or None."""
    for word in rest:
        k = end
        while k < len(text) and text[k].isspace():
            k += 1
        if k == end or not hay.startswith(word, k):
            return None
        end = k + len(word)
    return end


# A name right after these is where a speaker was sent, or what its office deals with, not whom
# it speaks for: "its envoy to France", "the ambassador in Moscow", "Britain's embassy in Kyiv",
# "the Office for Kosovo" (of Serbia's government), "the special envoy for Iran".
_DESTINATION = re.compile(r"(?:(?<![\w-])to|(?:ambassador|envoy|embassy|consulate|mission|representative|"
                          r"correspondent|delegation|attach[eé])\s+(?:in|at|to|for)|(?:office|ministry|"
                          r"commissioner|committee|council|agency|department|coordinator)\s+for)\s+(?:the\s+)?$",
                          re.I)
# A body named for what it deals with: "the Taiwan Affairs Office" (of the State Council) is not Taiwan's.
AFFAIRS_AFTER = r"\s+(?:and\s+[A-Z]\w+\s+)?Affairs\b"
_AFFAIRS_OF = re.compile(AFFAIRS_AFTER)


_ALNUM = re.compile(r"[^\W_]+")


def _alnum_words(low: str) -> frozenset[str]:
    return frozenset(_ALNUM.findall(low))


@lru_cache(maxsize=8192)
def _first_word(name: str) -> str:
    """The first run of letters and digits of a name, lower-cased ("U.S." -> "u")."""
    m = _ALNUM.search(normalise(name).lower())
    return m.group(0) if m else ""


class _EntryIndex:
    """Entries by the first word of their name, so a text finds the names it could hold
    from its own words: one dict probe per word, not a test per name (a case file of
    10,000 actors made every speaker phrase try all of them; export ran 70x slower)."""

    def __init__(self, entries: list[_Entry]) -> None:
        self.entries = entries
        by_word: dict[str, list[int]] = {}
        for k, entry in enumerate(entries):
            by_word.setdefault(_first_word(entry.name), []).append(k)
        self.by_word = by_word

    def present(self, text: str, low: str | None) -> list[_Entry]:
        """The entries whose name could match `text`, in entry order: its first word is
        among the text's words.

        Exact: a match of a name contains its first word's letters as a whole run
        (the name pattern's boundaries), in any case; with the four case folds that
        could mislead a lower-cased test (`low` is None), every entry is a candidate.
        """
        if low is None:
            return self.entries
        words = _alnum_words(low)
        if len(words) < len(self.by_word):
            hits = [k for w in words if w in self.by_word for k in self.by_word[w]]
        else:
            hits = [k for w, ks in self.by_word.items() if w in words for k in ks]
        return [self.entries[k] for k in sorted(hits)]


@dataclass(frozen=True)
class _Entry:
    name: str
    side: str
    weight: int  # actors beat countries at the same position
    given: bool = False   # a user named it (a side's role words come from these alone)
    place: bool = False   # the side's country ("Armenian", "Yerevan"), or its own name


class SideMatcher:
    """Finds which side a speaker phrase belongs to: earliest, then longest, match."""

    def __init__(self, sides: tuple[Side, ...]) -> None:
        entries: list[_Entry] = []
        self.side_ids = tuple(s.id for s in sides)
        named = frozenset(s.id for s in sides if not s.inferred)   # sides the user named actors for
        countries = [country_of(side) for side in sides]
        for side, country in zip(sides, countries):
            for actor in side.actors:
                given = side.id in named and not actor.learned
                entries.extend(_Entry(n, side.id, 2, given, n == side.name) for n in actor.names if n.strip())
            if country:
                entries.extend(_Entry(n, side.id, 1, place=True) for c in (country, *_clients(country), *_home(country, countries))
                               for n in country_names(c))
        self.entries = entries + _surnames(entries) + _initialisms(entries) + _singulars(entries)
        self.index = _EntryIndex(self.entries)
        self.parts = _person_parts(entries)
        self._roles: dict[str, str | None] = {}
        self._matches: dict[str, tuple[str, int, int] | None] = {}
        self.claims: dict[str, tuple] = {}  # text -> its claims (speech.find_claims)

    def sides_in(self, text: str, places: bool = False) -> set[str]:
        """Every side that some name in `text` belongs to (with `places`, only the sides'
        countries and own names: "Armenian", "Yerevan", not "security agencies")."""
        norm = normalise(text)
        low = _lowered(norm)
        return {e.side for e in self.index.present(norm, low)
                if (e.place or not places) and _span(e.name, norm, low)}

    def last_place(self, text: str) -> str | None:
        """The side of the country named last in `text`: what "the country's ministry" at the
        start of the next sentence refers back to."""
        norm = normalise(text)
        ends = [(m.end(), e.side) for e in self.index.present(norm, _lowered(norm)) if e.place
                for m in name_pattern(e.name).finditer(norm)]
        return max(ends)[1] if ends else None

    def role_side(self, role: str) -> str | None:
        """The one side whose actors' names carry a role word ("ambassador"), or None.  Only
        actors a user named: a body learned from the text ("Liberation Army") makes no role
        ("the army" in an Indian paper is India's)."""
        if role not in self._roles:   # once per role word: it tries every actor's name
            sides = {e.side for e in self.entries if e.given
                     and _span(role, normalise(e.name), _lowered(normalise(e.name)))}
            self._roles[role] = next(iter(sides)) if len(sides) == 1 else None
        return self._roles[role]

    def match(self, phrase: str) -> tuple[str, int, int] | None:
        """(side id, start, end) of the best name in `phrase`, or None."""
        try:
            return self._matches[phrase]
        except KeyError:
            pass
        found = self._match(phrase)
        if len(self._matches) < 65536:
            self._matches[phrase] = found
        return found

    def is_name(self, phrase: str) -> bool:
        """Whether the whole phrase is one name a side goes by ("Iran", "Vucic"), nothing around it."""
        found = self.match(phrase)
        return found is not None and found[1:] == (0, len(phrase))

    def _match(self, phrase: str) -> tuple[str, int, int] | None:
        text = normalise(phrase)
        bare = text.strip()
        if bare in self.parts:   # "Gan said": one word of a person the case names in full
            start = text.index(bare)
            return self.parts[bare], start, start + len(bare)
        titled = _TITLE_THEN_PART.fullmatch(bare)
        if titled and titled.group(1) in self.parts:   # "Captain Zhan" for "Zhan Qixiong"
            start = text.index(bare) + titled.start(1)
            return self.parts[titled.group(1)], start, start + len(titled.group(1))
        low = _lowered(text)
        best: tuple[int, int, int, str] | None = None
        for entry in self.index.present(text, low):
            found = _span(entry.name, text, low)
            for _ in range(3):
                if not found or not (_DESTINATION.search(text, 0, found[0]) or _AFFAIRS_OF.match(text, found[1])):
                    break
                blank = " " * (found[1] - found[0])  # a destination or a body's subject, not the speaker's country: look further
                text_b = text[:found[0]] + blank + text[found[1]:]
                found = _span(entry.name, text_b, _lowered(text_b))
            if not found:
                continue
            key = (found[0], -(found[1] - found[0]), -entry.weight, entry.side)
            if best is None or key < best:
                best = key
        if best is None:
            return None
        start, neg_len, _, side = best
        return side, start, start - neg_len


_NOT_SURNAME = frozenset("""force forces army navy ministry office department command council agency
guard corps service committee government administration embassy party union house state states
kingdom republic federation
times news daily post herald tribune gazette telegraph journal press network television radio mail
express chronicle observer review today online media channel""".split())   # an outlet's last word
_NOT_LAST = _NOT_SURNAME | BODY_HEADS   # no person's surname: an outlet's, a body's or a role's last word


def _surnames(entries: list[_Entry]) -> list[_Entry]:
    """A person named in full also speaks by surname ("Raveesh Kumar" ... "Kumar said"),
    as news style has it: the last word of a name of capitalised words, unless it
    names a body ("Air Force") or a role ("External Affairs Minister") or two sides'
    actors share it."""
    known = {normalise(e.name).lower() for e in entries}
    found: dict[str, set[str]] = {}
    for e in entries:
        words = normalise(e.name).split()
        last = words[-1] if words else ""
        if (e.weight == 2 and len(words) >= 2 and all(w[:1].isupper() for w in words) and len(last) >= 2
                and last.isalpha() and last.lower() not in _NOT_LAST and last.lower() not in known
                and not is_gazetteer_name(last) and not is_gazetteer_name(e.name)):   # "North Korean" is no person
            found.setdefault(last, set()).add(e.side)
    return _one_sided(found)


# Last words of a body's name that news abbreviates by its initials ("the UN", "the IDF").
_ABBREVIATED = BODY_HEADS | frozenset("nations forces force union front corps organization organisation".split())
_SMALL_WORDS = frozenset("of for the and on in".split())


def _singulars(entries: list[_Entry]) -> list[_Entry]:
    """A group a user names in the plural ("survivors", "migrants", "residents") speaks by one
    of its members too ("a survivor said"): one lower-case word, not where another entry
    has the singular already."""
    known = {normalise(e.name).lower() for e in entries}
    out = []
    for e in entries:
        word = normalise(e.name)
        if e.weight == 2 and word.isalpha() and word.islower() and (one := _singular(word)) and one not in known:
            out.append(_Entry(one, e.side, e.weight, e.given))
    return out


def _singular(word: str) -> str | None:
    """"survivors" -> "survivor", "families" -> "family", "witnesses" -> "witness"; None if no plural."""
    if len(word) < 5 or not word.endswith("s") or word.endswith("ss"):
        return None
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    return word[:-1]


def _initialisms(entries: list[_Entry]) -> list[_Entry]:
    """A body named in full also goes by its initials ("United Nations" ... "the UN peacekeeping
    chief", "U.N."; "Israel Defense Forces" ... "IDF"), matched in capitals only, as an
    actor's acronym is; not where two sides' bodies share them or a name is spelt so."""
    known = {normalise(e.name) for e in entries}
    found: dict[str, set[str]] = {}
    for e in entries:
        words = [w for w in normalise(e.name).split() if w.lower() not in _SMALL_WORDS]
        if (e.weight == 2 and len(words) >= 2 and all(w[:1].isupper() and w.isalpha() for w in words)
                and words[-1].lower() in _ABBREVIATED):
            letters = "".join(w[0] for w in words)
            for form in (letters, ".".join(letters) + ".") if len(letters) <= 3 else (letters,):
                if form not in known:
                    found.setdefault(form, set()).add(e.side)
    return _one_sided(found)


def _one_sided(found: dict[str, set[str]]) -> list[_Entry]:
    """An actor's entry for each name that only one side's actors give (a surname, initials)."""
    return [_Entry(name, next(iter(s)), 2) for name, s in found.items() if len(s) == 1]


# A title, then one word of a person's name: "Captain Zhan", "Mr. Kan", "President Xi".
_TITLE_THEN_PART = re.compile(rf"(?i:mr|mrs|ms|dr|capt|{PERSON_ROLE_PATTERN})\.?\s+([A-Z][\w-]+)")


def _person_parts(entries: list[_Entry]) -> dict[str, str]:
    """Each word of a person's full name, for a speaker named by that word alone.

    Many naming customs put the family name first ("Gan Yu" ... "Gan said"),
    others last ("Raveesh Kumar" ... "Kumar said"); a one-word speaker phrase is
    matched case-sensitively against every word of such names, when only one
    side's people carry it.
    """
    found: dict[str, set[str]] = {}
    for e in entries:
        words = normalise(e.name).split()
        if e.weight != 2 or len(words) < 2 or not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
            continue
        if any(w.lower() in _NOT_SURNAME for w in words):
            continue
        for w in words:   # a double name's parts too: "Amir-Abdollahian" ... "Abdollahian said"
            for part in {w, *w.split("-")}:
                if len(part) >= 2 and part[:1].isupper():
                    found.setdefault(part, set()).add(e.side)
    return {w: next(iter(s)) for w, s in found.items() if len(s) == 1}


@lru_cache(maxsize=8)
def matcher_for(sides: tuple[Side, ...]) -> SideMatcher:
    """One shared matcher per set of sides, so attribution and facts share its memos."""
    return SideMatcher(sides)


@lru_cache(maxsize=1)
def _gazetteer_names() -> frozenset[str]:
    return frozenset(normalise(n).lower() for c in GAZETTEER for n in country_names(c))


def is_gazetteer_name(word: str) -> bool:
    """Whether a single word is one of the gazetteer's names ("Russia", "Iranian", "Kremlin")."""
    return normalise(word).lower() in _gazetteer_names()


def _clients(country: Country) -> list[Country]:
    """The de facto states a state backs (lexicons.PATRONS): a side's names include theirs."""
    return [c for c in GAZETTEER if PATRONS.get(c.id) == country.id]


def _home(party: Country, taken: list[Country | None]) -> list[Country]:
    """The state a movement holds ground in (lexicons.HOMES), when no side stands for it (the
    sides' own countries are `taken`)."""
    home = next((c for c in GAZETTEER if c.id == HOMES.get(party.id)), None)
    return [home] if home and home not in taken else []


def country_names(country: Country) -> tuple[str, ...]:
    """Every way the gazetteer names a country: names, demonyms, capital."""
    names = (*country.names, *country.demonyms)
    return (*names, country.capital) if country.capital else names


def country_of(side: Side) -> Country | None:
    """The gazetteer country a side stands for, read from its id, name or actors."""
    labels = [side.name, side.id, *(n for a in side.actors for n in a.names)]
    for label in labels:
        text = normalise(label)
        low = _lowered(text)
        for country in GAZETTEER:
            if any(not _absent(n, text, low) and name_pattern(n).fullmatch(text) for n in country_names(country)):
                return country
    text = normalise(side.name)
    low = _lowered(text)
    for country in GAZETTEER:
        if any(not _absent(n, text, low) and name_pattern(n).search(text) for n in country_names(country)):
            return country
    return None


def countries_in(text: str) -> list[Country]:
    """Gazetteer countries named in `text`, in order of first mention."""
    return list(_countries_in(text))


@lru_cache(maxsize=65536)
def _countries_in(text: str) -> tuple[Country, ...]:
    text = normalise(text)
    low = _lowered(text)
    found: list[tuple[int, Country]] = []
    for k, names in _gazetteer_candidates(low):
        hits = [m[0] for n in names for m in [_span(n, text, low)] if m]
        if hits:
            found.append((min(hits), GAZETTEER[k]))
    return tuple(c for _, c in sorted(found, key=lambda x: x[0]))


def _gazetteer_candidates(low: str | None) -> list[tuple[int, list[str]]]:
    """(gazetteer index, names) of the countries whose names could match, in gazetteer order.

    A name can match only where its first word is one of the text's words, so
    the text's words look up the names (one dict probe a word) instead of every
    name of every country being tried on every text.
    """
    index = _first_word_index()
    if low is None:   # case folds that could mislead a lower-cased test: try every name
        pairs = [kn for names in index.values() for kn in names]
    else:
        pairs = [kn for w in _alnum_words(low) & index.keys() for kn in index[w]]
    grouped: dict[int, list[str]] = {}
    for k, name in sorted(pairs):
        grouped.setdefault(k, []).append(name)
    return list(grouped.items())


@lru_cache(maxsize=1)
def _first_word_index() -> dict[str, tuple[tuple[int, str], ...]]:
    """First word of every gazetteer name -> (country index, name)."""
    index: dict[str, list[tuple[int, str]]] = {}
    for k, country in enumerate(GAZETTEER):
        for name in country_names(country):
            index.setdefault(_first_word(name), []).append((k, name))
    return {w: tuple(v) for w, v in index.items()}
