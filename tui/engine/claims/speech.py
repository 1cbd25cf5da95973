"""Reporting verbs and their speakers in one text: "X said ...", "..., said X",
"according to X", "the statement said", "he added".

Every reporting verb outside quotation marks is found with the phrase that
names its speaker (its subject, agent or inverted subject), and the phrase is
classed: a name, a pronoun, a generic head ("the statement") or a role ("the
ambassador").  Which side a phrase stands for is decided later, by
attribution, which knows the case and the sentences around it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..text.lexicons import (
    ADVERBIAL_OPENERS,
    PRESS,
    AUXILIARIES,
    GAZETTEER,
    GENERIC_HEADS,
    HOSTILE,
    HOSTILE_KEYS,
    LEADING_NOISE,
    MONTHS,
    PASSIVE,
    PERSON_ROLE_PATTERN,
    PERSON_ROLES,
    PRONOUNS,
    REPORTING_PHRASES,
    REPORTING_VERBS,
    ROLE_HEADS,
    SPEAKER_NOUNS,
    SPEECH_ACT,
    WEEKDAYS,
)
from ..model import Corpus
from ..text.boilerplate import word_alternation
from ..text.speakers import first_speaker
from .sides import SideMatcher, countries_in, is_gazetteer_name

# The verbs factored by their shared prefixes (`word_alternation`): the same matches as the
# longest-first alternation (a text follows one path of the prefix tree, longest first), found
# in half the time, as the engine branches on each letter once instead of trying 150 verbs.
_VERB = re.compile(r"(?<![\w'’-])(" + word_alternation((*REPORTING_PHRASES, *REPORTING_VERBS)) + r")(?![\w'’-])")
_ACT = re.compile(SPEECH_ACT)
_ACCORDING = re.compile(r"(?<![\w])[Aa]ccording to\s+([^,;.”\"]+(?:\.[A-Z][^,;.”\"]*)*)")
_BOUNDARY = re.compile(r"[,;:“”\"—]|(?<![\w])(?:that|which|who|whom|what|while|because|although|"
                       r"though|whereas|if|when|after|before|until)(?![\w])")
_CLAUSE_START = re.compile(r"[;:“”\"()—]|(?<![\w])that(?![\w])")
_WORD = re.compile(r"[\w.'’-]+")
_BAD_END = frozenset("the a an of to in on at by for with from his her their its our my your "
                     "this that these those and or but as about over into against".split())
# A phrase with a modal is a clause, not a speaker: "Ukraine must report about details".
_MODALS = frozenset("must should would could will can may might shall cannot".split())
_DETERMINERS = frozenset("the a an one two both some several unnamed senior top".split())
_CONDITIONAL = frozenset("if unless whether once until".split())
# People and bodies who speak without an office ("the organisers alleged", "rights groups
# accused ...", "survivors said"): speakers by their head noun, like SPEAKER_NOUNS' officials.
_PEOPLE = frozenset("""group groups organisers organizers organiser organizer activists activist
campaigners campaigner lawmakers lawmaker legislators prosecutors prosecutor police witnesses
witness survivors survivor relatives family families passengers crew lawyers lawyer attorney
attorneys organisation organization organisations organizations charity charities union party
movement association foundation coalition alliance network residents investigators
medic medics doctor doctors nurse nurses paramedic paramedics owner owners manager managers operator
operators company companies firm firms correspondent correspondents contributor reporter reporters
journalist journalists editor parliamentarian parliamentarians deputy deputies assailant attacker gunman
suspect court judge mission ceo executive man woman eyewitness eyewitnesses release palace services
opposition scientist professor researcher coordinator""".split())
# Reporting verbs whose next noun is their object, never an inverted speaker:
# "X, in turn, accused Canada of ..." is X's accusation, not Canada's.
_TAKES_OBJECT = frozenset("""accused accuses blamed blames urged urges warned warns told tells called calls
condemned condemns demanded demands rejected rejects dismissed dismisses denied denies slammed slams
lambasted lambasts criticised criticized criticises criticizes""".split())
_TOPIC_LABELS = frozenset("report reports review analysis update timeline".split())   # "Crash report: ..."
_STRUCK = re.compile(r"\s+(?:into|against|shut|down|onto|through)\b")   # "a shell slammed into": an act
_PREPOSITIONS = frozenset("in on at to for with by from after before despite during into over under about".split())
# A relative clause or an "including ..." aside is never itself the speaker: in "the
# command, which overlooks the border, said", the phrase before "said" is the aside.
_ASIDE = frozenset("which who whom whose where when including".split())
_ADVERB = re.compile(r"\w+ly$|also|further|since|already|later|earlier|then|again|once|still")
OPEN_QUOTES = ("“", '"', "‘")
# A publication date a page copy glued before the first words ("date 2019-02-28 India said").
_DATE_PREFIX = re.compile(r"date:?\s+\d{4}-\d{2}-\d{2}\s+", re.I)
# When, after the subject ("Minister X on Thursday told ...", "Beijing earlier this week
# alleged ..."): not part of who speaks.
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=lambda m: (-len(m), m))) + r")\.?"
# A date ("August 23, 2023", "17 January"): a month always with its day, so "may" stays a modal.
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?)"
_WHEN = (r"(?:(?:(?:this|last)\s+)?(?:" + "|".join(sorted(WEEKDAYS)) + r"|week|month|year|yesterday|today|tonight)"
         r"(?:\s+(?:morning|afternoon|evening|night))?|in\s+the\s+(?:morning|afternoon|evening)|later\s+in\s+the\s+day)")
# A date after the subject, apart: in _WHEN it made three patterns compile 2 ms each at every start.
_DATE_AFTER = re.compile(r"(?:\s+on)?\s+" + _DATE + r"$", re.I)
# The comma inside a date, which is no clause's boundary ("agencies on August 23, 2023 said").
_DATE_COMMA = re.compile(r"(?<=\d),(?=\s+\d{4}\b)")
# Compiled on first use (re keeps it): the rare paths' patterns cost every start nothing.
_WHEN_ONLY = r"(?i)\s*(?:(?:on|late|early|earlier|later)\s+)*" + _WHEN + r"\s*"
_WHEN_AFTER = re.compile(r"(?:\s+(?:on|late|early|earlier|later))*\s+" + _WHEN + r"(?:\s*\([^()]{1,20}\))?$", re.I)
_WHEN_BEFORE = re.compile(r"(?:(?:on|late|early|earlier|later)\s+)*" + _WHEN + r",?\s+", re.I)
# A statement's occasion before its speaker: "In a statement issued on Sunday Armenia's ministry said".
_STATEMENT_BEFORE = re.compile(r"In\s+an?\s+(?:[\w-]+\s+)?statement(?:\s+(?:issued|released|published|posted))?"
                               r"(?:\s+(?:(?:on|late|early)\s+)?\w+day)?,?\s+(?=[A-Z])")
_DASH_END = re.compile(r"(?:\s*[-–—]+)?\s*$")
# What may follow an inverted speaker ("..., said Austin at a briefing."): not a
# verb, which would make the phrase the subject of the reported clause
# ("said the plane was flying").
_AFTER_INVERTED = re.compile(r"\s*(?:$|[.,;:!?)]|(?:at|in|on|during|after|before|from|to|of|who|when|"
                             r"while|late|early|last|this|on|regarding)\b)")


_NOT_VOICED = re.compile(rf"(?i)\b(?:analysts?|experts?|observers?|witness(?:es)?|residents?|sources?|{PRESS}|"
                         r"q|question|reporters?|journalists?|correspondents?|host|interviewer|"
                         r"agency|news|reuters|associated press|afp|report|reports|website|"
                         r"times|post|journal|herald|tribune|daily|gazette|telegraph|guardian|cnn|bbc|"
                         r"bloomberg|magazine|channel|radio|"
                         r"investigators?|inspectors?|council|(?:u\.?n\.?|united nations)(?![.\s]+(?:ambassador|envoy|representative)))\b")


def relays(speaker: str) -> bool:
    """A speaker who passes on what others say: the press, analysts, sources, investigators."""
    return bool(_NOT_VOICED.search(speaker))


# Words of hostility: a speaker who names one side in such a sentence speaks against it.
_HOSTILE = re.compile(HOSTILE)
_HOSTILE_KEYS = re.compile(word_alternation(HOSTILE_KEYS))
# The letters a case-blind match reads as plain ones that lower case does not turn into them:
# dotless i, capital I with a dot, long s and the Kelvin sign (every other letter a case-blind
# "i", "s" or "k" matches is one whose lower case is that letter).
_ODD_FOLDS = re.compile("[\u0131\u0130\u017f\u212a]")


@lru_cache(maxsize=65536)   # the same sentences are read for speakers, for narrators and for sides
def hostile(text: str) -> bool:
    """Whether the text holds a word of hostility.  The pattern opens on a word boundary and
    forty-odd words, which the engine tries at every position (27 µs a sentence): a text is
    scanned with it only when its lower case holds one of the words' keys (one sentence in
    five), or when it holds a letter a case-blind match folds otherwise."""
    if _HOSTILE_KEYS.search(text.lower()) is None and (text.isascii() or _ODD_FOLDS.search(text) is None):
        return False
    return bool(_HOSTILE.search(text))


@dataclass(frozen=True)
class Claim:
    """A reporting verb with its speaker phrase, as found in one text.

    `kind` is "named" (the phrase names someone), "pronoun" ("he") or
    "generic" ("the statement"); the last two refer back to the last speaker.
    """

    speaker: str
    start: int
    end: int
    verb: str
    verb_at: int
    kind: str


def find_claims(text: str, matcher: SideMatcher | None = None) -> list[Claim]:
    """Every attribution in `text` in reading order (verbs inside quotes are skipped)."""
    if matcher is None:
        return _find_claims(text, None)
    found = matcher.claims.get(text)
    if found is None:
        found = tuple(_find_claims(text, matcher))
        if len(matcher.claims) < 65536:
            matcher.claims[text] = found
    return list(found)


def title_case(text: str) -> bool:
    """A headline in Title Case ("Russia Tells A Very Different Story"): every word is
    capitalised, so a country's next words are no name."""
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


# The reporting verbs a Title Case headline capitalises: "X Says ...", "..., Officials Say".
_TITLE_VERB = re.compile(r"(?<![\w'’-])(?:Says?|Said|Claims?|Denies|Deny|Accuses|Warns|Insists|Admits|Confirms"
                         r"|Alleges|Blames|Rejects|Reports)(?![\w'’-])")


def _find_claims(text: str, matcher: SideMatcher | None) -> list[Claim]:
    if _TITLE_VERB.search(text) and title_case(text):   # same length: the spans hold
        text = _TITLE_VERB.sub(lambda m: m.group(0).lower(), text)
    quoted = _quoted(text)
    candidates: list[Claim | None] = [
        _claim(text, m.start(1), m.start(1) + len(m.group(1).rstrip()), "according to", m.start(), matcher)
        for m in _scan(_ACCORDING, "ccording to", text) if not quoted[m.start()]]   # inside a quote: the quoted speaker's source
    candidates += [_for_verb(text, m.start(), m.end(), m.group(0), matcher)
                   for m in [*_VERB.finditer(text), *_ACT.finditer(text)] if not quoted[m.start()]]
    candidates += [_quoted_as(text, m, matcher) for m in _scan(_QUOTED_AS, "quoted", text) if not quoted[m.start()]]
    candidates += [_claim(text, m.start("who"), m.end("who"), "quoted", m.start(), matcher)   # "TV quoted X as saying"
                   for m in _scan(_QUOTES_AS, "quoted", text) if not quoted[m.start()]]
    candidates += _cites(text, quoted, matcher)
    if text.lstrip().startswith(_LABELS) and (label := re.match(_QUOTE_FROM, text)) is not None:
        candidates.append(_claim(text, label.start(1), label.end(1), ":", label.end(1), matcher))
    # a headline's "State Dept: ..." or "Syria: ...", not its topic ("Crash report: ...")
    first = first_speaker(text) or _named_first(text, matcher)
    if first is not None and text[:first[1]].split()[-1].lower() not in _TOPIC_LABELS:
        candidates.append(_claim(text, first[0], first[1], ":", first[1], matcher))
    if ":" in text and (last := _named_last(text, matcher)) is not None:
        candidates.append(_claim(text, last[0], last[1], ":", last[0] - 1, matcher))
    found = [c for c in candidates if c is not None and c.speaker]
    if found and all(relays(c.speaker) for c in found):
        found += _quoted_tags(text, quoted, matcher)
    return sorted({(c.verb_at, c.start): c for c in found}.values(), key=lambda c: c.verb_at)


# A quotation labelled with its speaker: 'Quote from X: "..."', 'Statement by X on the strike: "..."'
# (compiled on first use: few texts open so).
_LABELS = ("Quote", "Statement", "Comment", "Response")
_QUOTE_FROM = (r"\s*(?:Quote|Statement|Comment|Response)\s+(?:from|of|by)\s+((?:the\s+)?[A-Z][^:;“”\"]{0,60}?)"
               r"(?:\s+(?:in response to|on|about|regarding)\s[^:“”\"]{0,120})?:\s*[“\"]")
# A quotation's own closing tag: "..., Seoul officials said Thursday," (a few words, then the mark).
_TAG_CLOSES = re.compile(r"(?:\s+[\w’'-]+){0,3}\s*[,.]?\s*[”\"]")


def _quoted_tags(text: str, quoted: list[bool], matcher: SideMatcher | None) -> list[Claim]:
    """The speakers a quotation names at its own end, where only the press passes it on:
    '"Soldiers shot him at sea, Seoul military officials said Thursday," AFP reported' is
    the officials' claim, relayed by the agency."""
    tags = [_for_verb(text, m.start(), m.end(), m.group(0), matcher) for m in _VERB.finditer(text)
            if quoted[m.start()] and _TAG_CLOSES.match(text, m.end())]
    return [c for c in tags if c is not None and c.speaker and not relays(c.speaker)]


def _scan(pattern: re.Pattern[str], literal: str, text: str) -> Iterator[re.Match[str]] | tuple[()]:
    """The pattern's matches in the text, scanned only when the text holds `literal`, which every
    match holds (a pattern that opens on a lookbehind is tried at every position of a text)."""
    return pattern.finditer(text) if literal in text else ()


_CAPITALS = frozenset(c.capital for c in GAZETTEER if c.capital)
_NAME_COLON = re.compile(r"([A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,2}):\s+(?=(?:\S+\s+){3}\S)")


def _named_first(text: str, matcher: SideMatcher | None) -> tuple[int, int] | None:
    """Where a headline's speaker stands when it is a country, a party or a person the case
    knows, named alone before a colon ("Syria: we hit the plane at close range", "Vucic: ...")."""
    m = _NAME_COLON.match(text)
    if not m:
        return None
    who = m.group(1)
    if who in _CAPITALS or (who.isupper() and len(who) > 4):
        return None   # "New Delhi: India on Friday ...", "BOROVIA: ...": a paper's dateline
    named = (matcher is not None and matcher.is_name(who)) or is_gazetteer_name(who)
    return m.span(1) if named else None


_NAME_LAST = re.compile(r"\S[^:]{10,}:\s+([A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,2})\s*$")


def _named_last(text: str, matcher: SideMatcher | None) -> tuple[int, int] | None:
    """Where a headline's speaker stands when it is named alone after a closing colon, a
    person or body the case knows ("Fake attack was staged: Lavrov"); a country there is the
    topic ("Three things to know: Ukraine")."""
    m = _NAME_LAST.match(text)
    if not m or matcher is None or is_gazetteer_name(m.group(1)) or (
            " " not in m.group(1) and matcher.sides_in(m.group(1), places=True)):   # "U.S. Navy" speaks
        return None
    return m.span(1) if matcher.is_name(m.group(1)) else None


def _quoted(text: str) -> list[bool]:
    """Which characters sit inside double quotation marks.

    A straight quote after a word and before a space or a stop closes ("... in any
    way", the president said); one that closes a quotation opened in an earlier
    sentence makes everything before it quoted (its speaker comes after it)."""
    out = [False] * (len(text) + 1)
    start: int | None = None
    for i, opens in _marks(text):
        if opens:
            start = i
        else:
            lo = 0 if start is None else start
            out[lo:i + 1] = [True] * (i + 1 - lo)
            start = None
    if start is not None:
        out[start:len(text)] = [True] * (len(text) - start)
    return out


def quote_ends(text: str) -> tuple[int | None, bool]:
    """Where a quotation opened before `text` closes in it (None if none does), and whether
    `text` leaves a quotation open: what a quotation over several sentences is traced by."""
    inside, closed_at = False, None
    for i, opens in _marks(text):
        if not opens and not inside and closed_at is None:
            closed_at = i
        inside = opens
    return closed_at, inside


_QUOTE_MARK = re.compile(r"[“”\"]")


def _marks(text: str) -> list[tuple[int, bool]]:
    """(position, opens) of each double quotation mark: True where it opens a quotation,
    False where it closes one; a straight quote opens or closes by the characters around it.
    An opening mark typed where a quotation should close ('... who it is, “he wrote.') closes
    it: inside a quotation, a mark before a lower-case word is its end and the tag after it."""
    out: list[tuple[int, bool]] = []
    inside = False
    for m in _QUOTE_MARK.finditer(text):
        ch, i = m.group(0), m.start()
        if ch == "“":
            inside = not (inside and text[i + 1:i + 2].islower())
        else:
            inside = False if ch == "”" else not (inside or _closes(text, i))
        out.append((i, inside))
    return out


def _closes(text: str, i: int) -> bool:
    """Whether the straight quote at `i` ends a quotation: a word before it, a space or a
    stop after it."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and before not in "([{" and (after.isspace() or after in ",.;:!?)—–-")


# Up to the last spaced dash of a speaker phrase (and a "but"/"and" after it), or a wire's hyphen
# after its agency ("SEOUL (Reuters) - X said").
_BEFORE_DASH = re.compile(r"(?:\s(?:--|—|–)|\)\s?-)\s+(?:(?:but|and)\s+)?(?=\S)(?!.*\s(?:--|—|–)\s)")


def _claim(text: str, start: int, end: int, verb: str, verb_at: int,
           matcher: SideMatcher | None) -> Claim | None:
    """A Claim for the speaker phrase text[start:end], classified."""
    dash = _BEFORE_DASH.search(text, start, end)
    if dash:   # "Harbor City, June 9 -- Petrov": a dateline or a wire's prefix before the dash
        start = dash.end()
    while start < end and text[start] in " ,-–—•*":   # a list's bullet: "- X said ..."
        start += 1
    prefix = _DATE_PREFIX.match(text, start, end)
    if prefix:
        start = prefix.end()
    while end > start and text[end - 1] in " ,":
        end -= 1
    if text[end - 1:end] == "." and not re.search(r"(?:\b[A-Z]\.)+$|\b(?:Jr|Sr)\.$", text[start:end]):
        end -= 1
    when = _WHEN_AFTER.search(text, start, end) or _DATE_AFTER.search(text, start, end)
    if when and when.start() > start:
        end = when.start()
    when = _WHEN_BEFORE.match(text, start, end) or _STATEMENT_BEFORE.match(text, start, end)
    if when and when.end() < end:
        start = when.end()
    phrase = text[start:end]
    if not _speakerish(phrase, matcher, noun=verb == "according to") \
            or _adjective_before(phrase, verb) or _gerund_before(phrase, verb, matcher) \
            or (verb in ("reports", "claims") and phrase.split()[-1].lower() in _REPORT_COMPOUNDS
                and not re.match(r"\s+that\b", text[end + len(verb) + 1:])):
        return None   # "... contradicts previous media reports": a noun, no one reports
    return Claim(phrase, start, end, verb, verb_at, _kind(phrase, matcher))


_WINDOW = 1500   # characters before a verb where its subject can be: longer is no subject
_TAIL = 120      # enough for the last few words before a verb
_LAST_WORD = re.compile(r"([\w’'-]+)\s*$")


def _for_verb(text: str, vs: int, ve: int, verb: str, matcher: SideMatcher | None) -> Claim | None:
    """The speaker of the verb at text[vs:ve]: agent, inverted subject or subject.

    Only the `_WINDOW` characters before the verb are searched, so a long
    paragraph without full stops and with many reporting verbs costs linear time.
    """
    if verb.lower() in _TAKES_OBJECT and re.match(r"\s+to\s", text[ve:]):
        return None   # "India warned to withdraw troops": a headline's passive, India was warned
    if verb.lower().startswith("slam") and _STRUCK.match(text, ve):
        return None
    if verb.lower() == "claim" and not _PLURAL_BEFORE.search(text, 0, vs):
        return None   # "the Turkish claim that ...": a noun; "survivors claim that ...": a verb
    lo = max(0, vs - _WINDOW)
    pre = text[lo:vs]
    if _is_passive(pre):
        # the agent comes before the reported clause: not "It was claimed that paint used by X ..."
        agent = re.match(r"(?:\s+(?!that\b)[\w’'.-]+,?){0,6}?\s+by\s+([^,;.”\"]+?)(?=\s+(?:who|which|that)\b|[,;”\"]|\.\s|\.?$)",
                         text[ve:])
        if not agent:
            return None
        end = ve + agent.end(1)
        capitals = list(re.finditer(r"\b[A-Z][\w.’'-]*", agent.group(1)))
        if capitals:  # "by Petrov within hours" -> "Petrov"; "by the Russian media" whole
            end = ve + agent.start(1) + capitals[-1].end()
            if head := _HEAD_AFTER.match(text, end):
                end = head.end()
        return _claim(text, ve + agent.start(1), end, verb, vs, matcher)
    stripped = _DASH_END.sub("", pre[-_TAIL:])  # wire copy writes "...," - said X
    if stripped.endswith(("”", '"', ",”", ',"', ",")) and verb.lower() not in _TAKES_OBJECT:
        after = _np_after(text, ve)
        if after and _AFTER_INVERTED.match(text[after[1]:]):
            inverted = _claim(text, after[0], after[1], verb, vs, matcher)
            if inverted is not None or text[after[0]:after[1]].split()[0].lower() not in _PREPOSITIONS:
                return inverted   # '..., X, said in a statement, "...': no one is "in a statement", X is
    return _subject(text, _strip_auxiliaries(pre), verb, vs, matcher, lo)


# "X was quoted (on Sunday by the agency) as saying ...": X speaks.
_QUOTED_AS = re.compile(r"(?<![\w])(?:was|were|has been|have been)\s+quoted\b[^.;:\"“”]{0,80}?\sas\s+saying\b")
# "State TV quoted the ministry's spokesman X as saying ...": X speaks, the broadcaster relays.
_QUOTES_AS = re.compile(r"(?<![\w])quoted\s+(?!as\b)(?P<who>[^.;:\"“”,]{2,80}?)\s+as\s+saying\b")


# "TASS cited a security source as saying / claiming that ...": the one cited speaks, the one citing relays.
_CITES_AS = re.compile(r"(?<![\w])cited\s+(?!as\b)(?P<who>[^.;:\"“”,]{2,80}?)\s+(?:as\s+)?(?:saying|claiming)\b")


def _cites(text: str, quoted: list[bool], matcher: SideMatcher | None) -> list[Claim | None]:
    """The one an outlet cites ("RIA cited the ministry as saying"), or, where that is an unnamed
    source, the outlet that cites it: a state agency's source speaks for the agency's state (and
    "a source" is someone new, who refers back to no speaker before)."""
    out: list[Claim | None] = []
    for m in _scan(_CITES_AS, "cited", text):
        if quoted[m.start()]:
            continue
        cited = _claim(text, m.start("who"), m.end("who"), "cited", m.start(), matcher)
        out.append(_quoted_as(text, m, matcher, "cited") if cited is None or relays(cited.speaker) else cited)
    return out


def _quoted_as(text: str, m: re.Match[str], matcher: SideMatcher | None, verb: str = "quoted") -> Claim | None:
    lo = max(0, m.start() - _WINDOW)
    return _subject(text, _strip_auxiliaries(text[lo:m.start()]), verb, m.start(), matcher, lo)


def _is_passive(pre: str) -> bool:
    words = _WORD.findall(pre[-_TAIL:])[-3:]
    while words and _ADVERB.fullmatch(words[-1].lower()) and words[-1].lower() not in PASSIVE:
        words.pop()
    return bool(words) and words[-1].lower() in (*PASSIVE, "as")


# An inverted speaker given by role, then name: "said UN peacekeeping chief Jean-Pierre Lacroix",
# "said defence ministry spokesman Igor Konashenkov", "said army spokesman Lt. Col. Peter Lerner".
_ROLE_THEN_NAME = re.compile(
    r"\s+((?:the\s+)?(?:[A-Z][\w.’'-]*\s+(?:(?:and|of)\s+(?=[A-Z]))?){0,3}(?:[a-z][a-z-]*\s+){0,3}?"
    rf"(?:{PERSON_ROLE_PATTERN})\s+(?:[A-Z][\w.’'-]*\s+){{0,4}}[A-Z][\w’'-]+)")


def _np_after(text: str, pos: int) -> tuple[int, int] | None:
    """A speaker noun phrase right after an inverted verb ("said Austin", "added the ministry",
    "said military spokesman X")."""
    if (named := _ROLE_THEN_NAME.match(text, pos)) and _AFTER_INVERTED.match(text, named.end(1)):
        return named.span(1)
    m = re.match(r"\s+((?:the\s+|a\s+)?(?:[A-Z][\w.’'-]*)(?:\s+(?:of\s+the\s+|of\s+)?[A-Z][\w.’'-]*)*)", text[pos:])
    if m and m.group(1).lower() in WEEKDAYS:
        # '..., an adviser to the maker, said Tuesday during a briefing': a day, not a speaker; but
        # "..., said Wednesday a statement of the presidency": the speaker after the day
        after_day = pos + m.end(1)
        return _np_after(text, after_day) if re.match(r"\s+(?:a|an|the)\s", text[after_day:]) else None
    if m and (m.group(1)[0].isupper() or len(m.group(1).split()) > 1):
        tail = re.match(r"(?:\s+[a-z]+){1,2}", text[pos + m.end(1):])   # "the Indian official"
        if tail and tail.group(0).split()[-1] in SPEAKER_NOUNS:
            return pos + m.start(1), pos + m.end(1) + tail.end()
        return pos + m.start(1), pos + m.end(1)
    words = list(re.finditer(r"[A-Za-z’'-]+", text[pos:pos + 60]))[:4]
    if (not words or text[pos:pos + words[0].start()].strip() or not words[0].group(0).islower()
            or words[0].group(0).endswith("ing")):   # "reported quoting the command": no speaker
        return None
    for k in range(len(words), 0, -1):  # the longest run of words ending on a speaker noun ("the senior IDF official")
        run = words[:k]
        if run[-1].group(0) in SPEAKER_NOUNS and all(
                not text[pos + a.end():pos + b.start()].strip() for a, b in zip(run, run[1:])):
            end = pos + run[-1].end()
            of = re.match(r"\s+of\s+(?:the\s+)?(?:[A-Za-z][\w’'-]*)(?:\s+[A-Z][\w’'-]*){0,3}", text[end:])
            return pos + words[0].start(), end + (of.end() if of else 0)
    return None


# The head noun after a capitalised modifier in an agent ("by the Russian media", "by Chinese officials").
_HEAD_AFTER = re.compile(rf"\s+(?:{PRESS}|{'|'.join(sorted(SPEAKER_NOUNS))})\b")
_GOES_ON = re.compile(r"\s(?:continu(?:e|es|ed)|went on|goes on|go on)\s+to\s*$")


_TIMES = re.compile(r"\s(?:several|many|multiple|numerous|repeated|two|three|four) times\s*$|\s(?:once )?again\s*$")


# Where a speaker said it, set between the speaker and the verb: "X in a letter to the council on
# Friday wrote", "X at a press conference said".
_VENUE = (r"\s(?:in|at|during)\s+(?:a|an|the|his|her|its|their)\s+(?:[\w’'-]+\s+){0,3}?"   # compiled on first use
          r"(?:statement|interview|letter|briefing|conference|speech|post|tweet|message|address|"
          r"appearance|broadcast|session)\b[^,;:“”\"()]{0,100}$")


def _strip_auxiliaries(pre: str) -> str:
    """Drop "has also", "did not", "continue to" and adverbs between a subject and its verb (a
    capitalised word ending in -ly is a name: "Melanie Joly announced")."""
    while True:
        tail = pre[-_TAIL:]   # an end-anchored search tries every position: only the tail
        if m := _GOES_ON.search(tail) or _TIMES.search(tail) or re.search(_VENUE, tail):
            # "X continue to insist", "X has several times accused", "X in an interview with CNN said"
            pre = pre[:len(pre) - len(tail) + m.start()]
            continue
        m = _LAST_WORD.search(tail)
        if not m or not (m.group(1).lower() in AUXILIARIES or re.fullmatch(r"[a-z]\w*ly", m.group(1))):
            return pre
        pre = pre[:len(pre) - len(tail) + m.start()]


def _subject(text: str, pre: str, verb: str, verb_at: int, matcher: SideMatcher | None,
             lo: int = 0) -> Claim | None:
    """The subject phrase before a verb (`pre` is text[lo:...]), skipping appositives and
    adverbial openers.  A short aside in parentheses ("the Security Service (SSU)") is read
    as part of the phrase around it, not as a clause of its own."""
    pre = _DATE_COMMA.sub(" ", _ASIDE_IN_PARENS.sub(lambda m: " " * len(m.group(0)), pre))
    bounds = list(_BOUNDARY.finditer(pre))
    if bounds and bounds[-1].group(0) == "who" and not pre[bounds[-1].end():].strip():
        return _antecedent(text, pre[:bounds[-1].start()], verb, verb_at, matcher, lo)
    start = bounds[-1].end() if bounds else 0
    if bounds and bounds[-1].group(0) in _RELATIVE and _CLAUSE_VERB.match(pre, start):
        # "The official who spoke on condition of anonymity said": the clause describes the subject
        found = _subject(text, pre[:bounds[-1].start()], verb, verb_at, matcher, lo)
        if found is not None:
            return found
    if bounds and bounds[-1].group(0) == "," and re.fullmatch(_WHEN_ONLY, pre[start:]):
        # "X's spokesperson, Y, on Wednesday claimed": the appositive's comma, then only when
        pre = pre[:start]
    if matcher and bounds and _AND_END.fullmatch(pre[start:].strip()):
        return _first_subject(text, 0, verb, verb_at, matcher, unknown=True)   # 'X echoed "..." but added that'
    if pre[start:].strip():
        start = _skip_noise(pre, start)
        if fronted := _FRONTED.match(pre, start):   # "..., a charge Israel denies": Israel denies it
            start = fronted.end()
        if matcher and _AND_END.search(pre[start:]):
            return _first_subject(text, lo + start, verb, verb_at, matcher)
        start = _after_clause(pre, start)
        return _claim(text, lo + start, lo + len(pre), verb, verb_at, matcher)
    if not bounds or bounds[-1].group(0) != ",":
        return None
    comma = bounds[-1].start()
    if (found := _before_participle(text, pre, comma, verb, verb_at, matcher, lo)) is not None:
        return found
    opens = list(_CLAUSE_START.finditer(pre, 0, comma))
    clause = opens[-1].end() if opens else 0
    parts = [(m.start(), m.end()) for m in re.finditer(r"[^,]+", pre[clause:comma])]
    parts = [(clause + a, clause + b) for a, b in parts if pre[clause + a:clause + b].strip()]
    while len(parts) > 1 and (_adverbial(pre[_skip_noise(pre, parts[0][0]):parts[0][1]])
                              or _FINITE.search(pre, parts[0][0], parts[0][1])):
        parts.pop(0)   # "But Petrov, in his first comments, said": "But" opens, Petrov speaks;
        # "... that Moscow is preparing an attack, X, an adviser, said": the clause reported, then X
    while len(parts) > 1 and pre[parts[-1][0]:parts[-1][1]].strip()[:1].islower():
        parts.pop()
    if not parts or _adverbial(pre[_skip_noise(pre, parts[0][0]):parts[0][1]]):
        return None
    for first in parts:   # "The strikes are lawful, appropriate and proportionate, X, a spokesperson, said":
        # the clause reported runs over commas without a finite verb the loop above knows; then X
        found = _claim(text, lo + _skip_noise(pre, first[0]), lo + parts[-1][1], verb, verb_at, matcher)
        if found is not None:
            return found
    return None


_COMMA_WORDS = re.compile(r",\s+([\w’'-]+)\s+([\w’'-]+)")


def _before_participle(text: str, pre: str, comma: int, verb: str, verb_at: int, matcher: SideMatcher | None,
                       lo: int) -> Claim | None:
    """The speaker of "X, commenting on a report that Y had known of it, said": X, before a
    participle phrase set between commas (which may hold a clause of its own)."""
    marks = [m for m in _COMMA_WORDS.finditer(pre, 0, comma) if _participle_opens([m.group(1), m.group(2)])]
    if not marks:
        return None
    at = marks[-1].start()
    bounds = list(_BOUNDARY.finditer(pre, 0, at))
    start = _skip_noise(pre, bounds[-1].end() if bounds else 0)
    return _claim(text, lo + start, lo + at, verb, verb_at, matcher) if pre[start:at].strip() else None


def _antecedent(text: str, pre: str, verb: str, verb_at: int, matcher: SideMatcher | None,
                lo: int) -> Claim | None:
    """The speaker of "..., X, who told reporters": X, the phrase between the comma before
    "who" and the boundary before it (not a clause without that comma)."""
    pre = pre.rstrip()
    if not pre.endswith(","):
        return None
    bounds = list(_BOUNDARY.finditer(pre, 0, len(pre) - 1))
    start = bounds[-1].end() if bounds else 0
    if agents := list(_PASSIVE_BY.finditer(pre, start, len(pre) - 1)):   # "The claims are denied by X, who"
        start = agents[-1].end()
    return _claim(text, lo + _skip_noise(pre, start), lo + len(pre) - 1, verb, verb_at, matcher)


# What a present plural verb follows: a plural noun ("survivors", "the Houthis"), not "Russia's",
# or a pronoun; a determiner or an adjective before "claim" makes it a noun.
_PLURAL_BEFORE = re.compile(r"(?:(?<![’'])\b\w+[^\Ws’']s|\b(?:they|we|I|you|who|which))\s+$", re.I)
_PASSIVE_BY = re.compile(r"\b(?:is|are|was|were|been|being)\s+(?:\w+ly\s+)?\w+ed\s+by\s+")


_AND_END = re.compile(r"(?:^|\s)(?:and|then|but)\s*$")
# What a verb answers, set before its subject: "a charge [that] Israel denies", "claims Moscow rejects".
_FRONTED = re.compile(r"\s*(?:(?:a|an|the|this|that|such)\s+)?(?:charges?|claims?|allegations?|accusations?|"
                      r"assertions?|accounts?|versions?)\s+(?=[A-Z])")
_PRESS_HEAD = re.compile(PRESS)
_AND_THE = re.compile(r"\sand\s+(?=(?:the|a|an|its|their)\s)")


def _after_clause(pre: str, start: int) -> int:
    """Where the subject starts in "The compound was far from the zone and the army said": after
    the "and" that closes a clause of its own (a finite verb in it), not inside "Israel and the
    US said" (a joint subject)."""
    ands = list(_AND_THE.finditer(pre, start))
    if ands and _FINITE.search(pre, start, ands[-1].start()):
        return ands[-1].end()
    return start


_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|may|might|can|could)\b")   # a clause, not a name
_ASIDE_IN_PARENS = re.compile(r"\((?:[^()\s]+ ?){1,3}\)")   # "(SSU)", "(local time)", "(Kerch)"
_RELATIVE = frozenset("who which that".split())
# A relative clause's own verb right after the pronoun ("who spoke", "that organized"), not a
# clause's subject ("that the navy ...", "that he ...").
_CLAUSE_VERB = re.compile(r"\s+(?!(?:the|a|an|this|these|those|its|his|her|their|our|he|she|it|they|we|i|you|"
                          r"there|some|many|most|all|no|one|two|both|each|any)\b)[a-z]+(?:ed|ly)?\b")


def opening_name(text: str, start: int, matcher: SideMatcher) -> tuple[str, int, int] | None:
    """(side, start, end) of a name the case or the gazetteer knows that opens the text at
    `start` (after "the" at most): the subject of what follows."""
    found = matcher.match(text[start:start + 60])
    if not found or text[start:start + found[1]].strip().lower() not in ("", "the"):
        return None
    return found[0], start + found[1], start + found[2]


def _first_subject(text: str, start: int, verb: str, verb_at: int, matcher: SideMatcher,
                   unknown: bool = False) -> Claim | None:
    """The subject of coordinated verbs ("China's Wang commented on X and said that ..."): the
    name that opens the clause, or a title holding a side's name ("The Ministry of Defense of
    the X Federation commented ... and stated"); with `unknown`, a name the case does not know
    too ('Police chief X echoed "..." but added').  A dateline before it is skipped."""
    if dateline := re.compile(_DATELINE).match(text, start):
        start = dateline.end()
    found = opening_name(text, start, matcher)
    if found:
        return _claim(text, found[1], found[2], verb, verb_at, matcher)
    named = re.compile(_OPENING_NAME).match(text, start)
    if not named or _GERUND.fullmatch(named.group(1)) or not (unknown or matcher.match(named.group(1))):
        return None   # "Speaking at the meeting, X deplored ...": a participle, no name
    return _claim(text, named.start(1), named.end(1), verb, verb_at, matcher)


_DATELINE = r"\s*[A-Z][A-Z.'’ ]{1,30}(?:,[^-–—]{1,40})?\s+[-–—]+\s+"   # "SEOUL - ", "CITY, May 3 (Agency) - " (compiled on first use)


# The name and title opening a clause: capitalised words, joined by "of", "the", "and" or a
# person's role ("Police chief X", "The Ministry of Defense of the Y Federation"), up to its verb.
_OPENING_NAME = (rf"\s*((?:[A-Z][\w.’'-]*|{PERSON_ROLE_PATTERN})"   # compiled on first use
                 rf"(?:\s+(?:(?:of|the|and|de)\s+)*(?:[A-Z][\w.’'-]*|{PERSON_ROLE_PATTERN}))*)(?=\s+[a-z])")


def _skip_noise(pre: str, start: int) -> int:
    """Skip leading connectives ("But", "although") of a subject phrase."""
    while True:
        m = re.match(r"\s*([\w’'-]+)\s+", pre[start:])
        if not m or m.group(1).lower() not in LEADING_NOISE:
            return start
        start += m.end()


def _adverbial(part: str) -> bool:
    """A leading phrase that sets the scene ("Back home", "Most recently", "Asked about it")."""
    words = part.split()
    return not words or words[0].lower() in ADVERBIAL_OPENERS or _participle_opens(words) or (
        words[0].lower().endswith("ly") and not (len(words) > 1 and words[1][:1].isupper()))   # not "Sally Roe"


def _participle_opens(words: list[str]) -> bool:
    """"Commenting on the bombing", "Referring to the claims": a participle and its preposition
    set the scene (not "Beijing officials")."""
    return len(words) > 1 and words[0].lower().endswith("ing") and words[1].lower() in _PREPOSITIONS


def _names_party(phrase: str, matcher: SideMatcher | None) -> bool:
    """Whether a phrase names a side (its case file's actors) or a country of the gazetteer."""
    return bool((matcher and matcher.match(phrase)) or countries_in(phrase))


def _speakerish(phrase: str, matcher: SideMatcher | None, noun: bool = False) -> bool:
    """Whether a phrase can be a speaker: a name, a pronoun, a body, a country.

    With `noun` the phrase is a noun phrase whatever its last word: "according to Ukrainian
    reports" gives a country's account (reports there report nothing), "according to media
    reports" no one's."""
    words = phrase.split()
    if not words or words[0].lower() in _CONDITIONAL:
        return False   # "If the Philippines insists ...": a condition, not a report
    if words[0].lower() in _PREPOSITIONS or words[0].lower() in _ASIDE:
        return False   # "In response to the Chinese claims, X said": "claims" is a noun there
    if len(words) > 12 and not _long_title(words):
        return False
    last = words[-1].lower()
    if last in _BAD_END or last.endswith(("'s", "’s")) or any(w.lower() in _MODALS for w in words):
        return False
    if noun and words[-1] in REPORTING_VERBS:   # "according to media reports": whose, unsaid
        return _names_party(phrase, matcher)
    # "Ukraine has neither confirmed nor": a clause with its own verb, not a name (but "an informed
    # source": a participle after its article is an adjective)
    if any(w in REPORTING_VERBS and words[i].lower() not in _DETERMINERS for i, w in enumerate(words[1:])):
        return False
    if len(words) == 1 and last in PRONOUNS:
        return True
    if any(_head(w) in SPEAKER_NOUNS for w in words) or last.strip(".,") in _PEOPLE \
            or _PRESS_HEAD.fullmatch(last.strip(".,")):
        return True   # an official, a group, or the press ("the state television website reported")
    if _names_party(phrase, matcher):
        return True
    if _described(phrase) or _head_then_name(words):
        return True
    body = words[1:] if words[0].lower() in _DETERMINERS else words
    return bool(body) and all(w.lstrip("(")[:1].isupper() or w in _NAME_WORDS or _PARTICLE.match(w)
                              or _COMPOUND.fullmatch(w) for w in body)   # "(ISW)": a name's initials


_NAME_WORDS = frozenset("of the and de for".split())
_PARTICLE = re.compile(r"(?:al|el|bin|ibn|van|von|der|da|di|du|le|la)(?:-[A-Z]|$)")   # "al-Zamli", "von der"
_COMPOUND = re.compile(r"[a-z\d]+(?:-[a-z]+)+")   # "a stern-faced Lee", "24-year-old X": a name's epithet
# "Jane Roe, executive editor of the Daily": a person's name, then what she is.
_DESCRIBED = re.compile(r"(?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'-]*,\s+(?:(?:the|a|an)\s+)?[a-z][\w-]*\s.*")


def _described(phrase: str) -> bool:
    """A name and its description in apposition ("Jane Roe, executive editor of the Daily"): the
    name speaks, whatever her title is (her role may be no speaker noun)."""
    return bool(_DESCRIBED.fullmatch(phrase))


def _head_then_name(words: list[str]) -> bool:
    """A speaker noun, then a name ("maritime security company Ambrey", "medical charity Doctors
    Without Borders", "health director-general Dr X"), or a speaker noun's "of" ("the owner of
    the ship"): the noun says who speaks, though the words before it are lower case."""
    heads = [i for i, w in enumerate(words) if _noun_head(w)]
    if not heads:
        return False
    after = words[heads[-1] + 1:]
    return bool(after) and (all(w.lstrip("(")[:1].isupper() for w in after) or after[0] == "of")


def _noun_head(word: str) -> bool:
    """A speaker noun or a person noun, or one as part of a hyphenated title ("director-general")."""
    return any(_head(part) in SPEAKER_NOUNS or part.lower() in _PEOPLE for part in word.split("-"))


def _long_title(words: list[str]) -> bool:
    """A title too long for the usual bound that still names one person: "The head of the
    Defense Intelligence of the Ministry of Defense Kyrylo Budanov" (a role, bodies joined by
    "of", then a name; no other lower-case word)."""
    return len(words) <= 18 and words[-1][:1].isupper() and all(
        w[:1].isupper() or w.lower() in _NAME_WORDS or w.lower() in SPEAKER_NOUNS for w in words)


def _head(word: str) -> str:
    """A word as a speaker noun: lower case, without punctuation, and a person's role in the
    singular ("the border guards", "the foreign ministers"; not "reports", which relay)."""
    word = word.lower().strip(".,")
    return word[:-1] if word[:-1] in _PLURAL_HEADS and word.endswith("s") else word


_PLURAL_HEADS = PERSON_ROLES | {"guard"}


_ADJECTIVES = frozenset(c.demonyms[0] for c in GAZETTEER if c.demonyms)


def _adjective_before(phrase: str, verb: str) -> bool:
    """Whether a "speaker" is the adjective of a noun the verb's form also spells: "rival
    Dutch and Russian claims focus on ...", "Iranian reports say" (no one speaks there)."""
    words = phrase.split()
    return (verb.endswith("s") and words[-1] in _ADJECTIVES and not words[-1].endswith("s")
            and words[0].lower() not in ("a", "an"))


def _gerund_before(phrase: str, verb: str, matcher: SideMatcher | None) -> bool:
    """Whether a "speaker" is a participle whose object the verb's form also spells: "Giving
    details about the clash, X said" (no one "details" there)."""
    return (verb.endswith("s") and bool(_GERUND.fullmatch(phrase))
            and not (matcher and matcher.match(phrase)) and not countries_in(phrase))


_GERUND = re.compile(r"[A-Z][a-z]{2,}ing")
# Nouns that make "reports" and "claims" nouns after them: "media reports", "intelligence claims".
_REPORT_COMPOUNDS = frozenset("media press news intelligence newspaper television tv radio unconfirmed previous "
                              "earlier initial conflicting local".split())


def _kind(phrase: str, matcher: SideMatcher | None) -> str:
    """named, pronoun ("he") or generic ("the statement", "Officials")."""
    words = phrase.split()
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return "pronoun"
    if _names_party(phrase, matcher):
        return "named"
    # The first word may be capitalised only because it opens the sentence.
    if not any(w[:1].isupper() for w in words[1:]):
        if words[-1].lower().strip(".,") in GENERIC_HEADS or (
                len(words) == 2 and words[0].lower() == "the" and words[1].lower() in _NAMED_BEFORE):
            return "generic"
        if role_head(phrase):
            return "role"
    return "named"


# Bodies named again by their kind alone ("the group said", "the forces added"): the body named
# before, as "the statement" is (not "a rights group", which is new).
_NAMED_BEFORE = frozenset("group organisation organization forces movement".split())


def role_head(phrase: str) -> str | None:
    """The role a speaker phrase names without a name: "the ambassador",
    "the press service of the navy" -> "service", "the country's defence minister"."""
    words = re.findall(r"[\w’'-]+", phrase.lower())
    if "of" in words[1:]:
        words = words[:words.index("of", 1)]
    head = words[-1].split("-")[-1] if words else ""   # "the attorney-general"
    return head if head in ROLE_HEADS else None




def speaker_phrases(corpus: Corpus) -> Iterator[tuple[str, str]]:
    """Every speaker phrase the rules find, with its sentence, before any side is known
    (for infer_sides)."""
    for article in corpus.articles:
        for paragraph in article.paragraphs:
            for sentence in paragraph.sentences:
                if title_case(sentence.text):
                    continue   # a headline's speaker counts once its article is read, not in choosing the sides
                for claim in find_claims(sentence.text):
                    yield claim.speaker, sentence.text
