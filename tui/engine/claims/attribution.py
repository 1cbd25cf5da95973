"""Attribution: who asserts each sentence, and for which side.

News prose names its sources in a handful of shapes: "X said ...", "...,"
X said", "said X", "according to X", "as outlined by X", "X offered a
different explanation", and continuations ("It reported ...", "he added",
"the statement said", an unattributed quote after an attributed one) that
point back to the last speaker.  We find every reporting verb outside
quotation marks, read its subject (or agent, or inverted subject), and pick
the sentence's speaker: the side that rejects a claim owns the sentence
("he pushed back against X's claim"), otherwise the first speaker with a side
(so "the newspaper reported that, according to officials, ..." belongs to the
officials).  Speakers map to sides through the case file's actors, then the
country gazetteer.  Unattributed sentences paired with an attributed one in
another article inherit its side, marked inferred; the user's fixes come last.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..text.lexicons import (
    ADVERBIAL_OPENERS,
    AUXILIARIES,
    GENERIC_HEADS,
    LEADING_NOISE,
    PASSIVE,
    PRONOUNS,
    REJECTION_VERBS,
    REPORTING_PARTICIPLES,
    REPORTING_PHRASES,
    REPORTING_VERBS,
    ROLE_HEADS,
    SPEAKER_NOUNS,
    SPEECH_ACT,
)
from ..model import Article, Attribution, Corpus, Pair, Paragraph, Ref, SideFix, source_offsets
from .sides import SideMatcher, countries_in, is_gazetteer_name, matcher_for

_VERB = re.compile(
    r"(?<![\w'’-])(" + "|".join(sorted([*REPORTING_PHRASES, *REPORTING_VERBS], key=len, reverse=True))
    + r")(?![\w'’-])")
_ACT = re.compile(SPEECH_ACT)
_ACCORDING = re.compile(r"(?<![\w])[Aa]ccording to\s+([^,;.”\"]+(?:\.[A-Z][^,;.”\"]*)*)")
_BOUNDARY = re.compile(r"[,;:“”\"—]|(?<![\w])(?:that|which|who|whom|what|while|because|although|"
                       r"though|whereas|if|when)(?![\w])")
_CLAUSE_START = re.compile(r"[;:“”\"()—]|(?<![\w])that(?![\w])")
_WORD = re.compile(r"[\w.'’-]+")
_BAD_END = frozenset("the a an of to in on at by for with from his her their its our my your "
                     "this that these those and or but as".split())
_DETERMINERS = frozenset("the a an one two both some several unnamed senior top".split())
_CONDITIONAL = frozenset("if unless whether once until".split())
# Reporting verbs whose next noun is their object, never an inverted speaker:
# "X, in turn, accused Canada of ..." is X's accusation, not Canada's.
_TAKES_OBJECT = frozenset("""accused accuses blamed blames urged urges warned warns told tells called calls
condemned condemns demanded demands rejected rejects dismissed dismisses denied denies""".split())
_PREPOSITIONS = frozenset("in on at to for with by from after before despite during into over under about".split())
# A relative clause or an "including ..." aside is never itself the speaker: in "the
# command, which overlooks the border, said", the phrase before "said" is the aside.
_ASIDE = frozenset("which who whom whose where when including".split())
_ADVERB = re.compile(r"\w+ly$|also|further|since|already|later|earlier|then|again|once|still")
_OPEN_QUOTES = ("“", '"', "‘")
_DASH_END = re.compile(r"(?:\s*[-–—]+)?\s*$")
# What may follow an inverted speaker ("..., said Austin at a briefing."): not a
# verb, which would make the phrase the subject of the reported clause
# ("said the plane was flying").
_AFTER_INVERTED = re.compile(r"\s*(?:$|[.,;:!?)]|(?:at|in|on|during|after|before|from|to|of|who|when|"
                             r"while|late|early|last|this|on)\b)")
# A sentence that carries on an "according to" account: "It then entered ...".
_CONTINUES = re.compile(r"(?:It|They|He|She)\s+(?:then|later|next|subsequently)\b")


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
    rejection: bool
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


def _find_claims(text: str, matcher: SideMatcher | None) -> list[Claim]:
    quoted = _quoted(text)
    candidates: list[Claim | None] = [
        _claim(text, m.start(1), m.start(1) + len(m.group(1).rstrip()), "according to", m.start(), matcher)
        for m in _ACCORDING.finditer(text)]
    candidates += [_for_verb(text, m.start(), m.end(), m.group(0), matcher)
                   for m in [*_VERB.finditer(text), *_ACT.finditer(text)] if not quoted[m.start()]]
    found = [c for c in candidates if c is not None and c.speaker]
    return sorted({(c.verb_at, c.start): c for c in found}.values(), key=lambda c: c.verb_at)


def _quoted(text: str) -> list[bool]:
    """Which characters sit inside double quotation marks."""
    if "“" not in text and "”" not in text and '"' not in text:
        return [False] * (len(text) + 1)
    inside, out = False, []
    for ch in text:
        if ch == "“":
            inside = True
        elif ch == "”":
            out.append(inside)
            inside = False
            continue
        elif ch == '"':
            inside = not inside
        out.append(inside)
    out.append(False)
    return out


def _claim(text: str, start: int, end: int, verb: str, verb_at: int,
           matcher: SideMatcher | None) -> Claim | None:
    """A Claim for the speaker phrase text[start:end], classified."""
    while start < end and text[start] in " ,":
        start += 1
    prefix = _DATE_PREFIX.match(text, start, end)
    if prefix:
        start = prefix.end()
    while end > start and text[end - 1] in " ,":
        end -= 1
    if text[end - 1:end] == "." and not re.search(r"(?:\b[A-Z]\.)+$|\b(?:Jr|Sr)\.$", text[start:end]):
        end -= 1
    phrase = text[start:end]
    if not _speakerish(phrase, matcher):
        return None
    rejection = verb.lower() in REJECTION_VERBS
    return Claim(phrase, start, end, verb, verb_at, rejection, _kind(phrase, matcher))


_WINDOW = 1500   # characters before a verb where its subject can be: longer is no subject
_TAIL = 120      # enough for the last few words before a verb
_LAST_WORD = re.compile(r"([\w’'-]+)\s*$")


def _for_verb(text: str, vs: int, ve: int, verb: str, matcher: SideMatcher | None) -> Claim | None:
    """The speaker of the verb at text[vs:ve]: agent, inverted subject or subject.

    Only the `_WINDOW` characters before the verb are searched, so a long
    paragraph without full stops and with many reporting verbs costs linear time.
    """
    lo = max(0, vs - _WINDOW)
    pre = text[lo:vs]
    if _is_passive(pre):
        agent = re.match(r"(?:\s+[\w’'.-]+){0,6}?\s+by\s+([^,;.”\"]+?)(?=\s+(?:who|which|that)\b|[,;”\"]|\.\s|\.?$)",
                         text[ve:])
        if not agent:
            return None
        end = ve + agent.end(1)
        capitals = list(re.finditer(r"\b[A-Z][\w.’'-]*", agent.group(1)))
        if capitals:  # "by Petrov within hours" -> "Petrov"
            end = ve + agent.start(1) + capitals[-1].end()
        return _claim(text, ve + agent.start(1), end, verb, vs, matcher)
    stripped = _DASH_END.sub("", pre[-_TAIL:])  # wire copy writes "...," - said X
    if stripped.endswith(("”", '"', ",”", ',"', ",")) and verb.lower() not in _TAKES_OBJECT:
        after = _np_after(text, ve)
        if after and _AFTER_INVERTED.match(text[after[1]:]):
            return _claim(text, after[0], after[1], verb, vs, matcher)
    return _subject(text, _strip_auxiliaries(pre), verb, vs, matcher, lo)


def _is_passive(pre: str) -> bool:
    words = _WORD.findall(pre[-_TAIL:])[-3:]
    while words and _ADVERB.fullmatch(words[-1].lower()) and words[-1].lower() not in PASSIVE:
        words.pop()
    return bool(words) and words[-1].lower() in (*PASSIVE, "as")


def _np_after(text: str, pos: int) -> tuple[int, int] | None:
    """A speaker noun phrase right after an inverted verb ("said Austin", "added the ministry")."""
    m = re.match(r"\s+((?:the\s+|a\s+)?(?:[A-Z][\w.’'-]*)(?:\s+(?:of\s+the\s+|of\s+)?[A-Z][\w.’'-]*)*)", text[pos:])
    if m and (m.group(1)[0].isupper() or len(m.group(1).split()) > 1):
        tail = re.match(r"(?:\s+[a-z]+){1,2}", text[pos + m.end(1):])   # "the Indian official"
        if tail and tail.group(0).split()[-1] in SPEAKER_NOUNS:
            return pos + m.start(1), pos + m.end(1) + tail.end()
        return pos + m.start(1), pos + m.end(1)
    words = list(re.finditer(r"[a-z’'-]+", text[pos:pos + 60]))[:4]
    if not words or text[pos:pos + words[0].start()].strip():
        return None
    for k in range(len(words), 0, -1):  # the longest run of lower-case words ending on a speaker noun
        run = words[:k]
        if run[-1].group(0) in SPEAKER_NOUNS and all(
                not text[pos + a.end():pos + b.start()].strip() for a, b in zip(run, run[1:])):
            end = pos + run[-1].end()
            of = re.match(r"\s+of\s+(?:the\s+)?(?:[A-Za-z][\w’'-]*)(?:\s+[A-Z][\w’'-]*){0,3}", text[end:])
            return pos + words[0].start(), end + (of.end() if of else 0)
    return None


def _strip_auxiliaries(pre: str) -> str:
    """Drop "has also", "did not" and adverbs between a subject and its verb."""
    while True:
        tail = pre[-_TAIL:]   # an end-anchored search tries every position: only the tail
        m = _LAST_WORD.search(tail)
        if not m or not (m.group(1).lower() in AUXILIARIES or re.fullmatch(r"\w+ly", m.group(1))):
            return pre
        pre = pre[:len(pre) - len(tail) + m.start()]


def _subject(text: str, pre: str, verb: str, verb_at: int, matcher: SideMatcher | None,
             lo: int = 0) -> Claim | None:
    """The subject phrase before a verb (`pre` is text[lo:...]), skipping appositives and
    adverbial openers."""
    bounds = list(_BOUNDARY.finditer(pre))
    start = bounds[-1].end() if bounds else 0
    if pre[start:].strip():
        start = _skip_noise(pre, start)
        return _claim(text, lo + start, lo + len(pre), verb, verb_at, matcher)
    if not bounds or bounds[-1].group(0) != ",":
        return None
    comma = bounds[-1].start()
    opens = list(_CLAUSE_START.finditer(pre, 0, comma))
    clause = opens[-1].end() if opens else 0
    parts = [(m.start(), m.end()) for m in re.finditer(r"[^,]+", pre[clause:comma])]
    parts = [(clause + a, clause + b) for a, b in parts if pre[clause + a:clause + b].strip()]
    while len(parts) > 1 and _adverbial(pre[parts[0][0]:parts[0][1]]):
        parts.pop(0)
    while len(parts) > 1 and pre[parts[-1][0]:parts[-1][1]].strip()[:1].islower():
        parts.pop()
    if not parts or _adverbial(pre[parts[0][0]:parts[0][1]]):
        return None
    return _claim(text, lo + _skip_noise(pre, parts[0][0]), lo + parts[-1][1], verb, verb_at, matcher)


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
    return not words or words[0].lower() in ADVERBIAL_OPENERS or words[0].lower().endswith("ly")


def _speakerish(phrase: str, matcher: SideMatcher | None) -> bool:
    """Whether a phrase can be a speaker: a name, a pronoun, a body, a country."""
    words = phrase.split()
    if not words or len(words) > 12 or words[0].lower() in _CONDITIONAL:
        return False   # "If the Philippines insists ...": a condition, not a report
    if words[0].lower() in _PREPOSITIONS or words[0].lower() in _ASIDE:
        return False   # "In response to the Chinese claims, X said": "claims" is a noun there
    if len(words) > 12:
        return False
    last = words[-1].lower()
    if last in _BAD_END or last.endswith(("'s", "’s")):
        return False
    if len(words) == 1 and last in PRONOUNS:
        return True
    if any(w.lower().strip(".,") in SPEAKER_NOUNS for w in words):
        return True
    if (matcher and matcher.match(phrase)) or countries_in(phrase):
        return True
    body = words[1:] if words[0].lower() in _DETERMINERS else words
    return bool(body) and all(w[:1].isupper() or w in ("of", "the", "and", "de", "for") for w in body)


def _kind(phrase: str, matcher: SideMatcher | None) -> str:
    """named, pronoun ("he") or generic ("the statement", "Officials")."""
    words = phrase.split()
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return "pronoun"
    if (matcher and matcher.match(phrase)) or countries_in(phrase):
        return "named"
    # The first word may be capitalised only because it opens the sentence.
    if not any(w[:1].isupper() for w in words[1:]):
        if words[-1].lower().strip(".,") in GENERIC_HEADS:
            return "generic"
        if role_head(phrase):
            return "role"
    return "named"


def role_head(phrase: str) -> str | None:
    """The role a speaker phrase names without a name: "the ambassador",
    "the press service of the navy" -> "service", "the country's defence minister"."""
    words = re.findall(r"[\w’'-]+", phrase.lower())
    if "of" in words[1:]:
        words = words[:words.index("of", 1)]
    return words[-1] if words and words[-1] in ROLE_HEADS else None


@dataclass
class _Last:
    speaker: str
    side: str | None
    span: tuple[int, int] | None
    according: bool = False  # "According to X, ...": what follows may still be X's account


def attribute(corpus: Corpus, pairs: Sequence[Pair] = (),
              fixes: Sequence[SideFix] = ()) -> dict[Ref, Attribution]:
    """An Attribution for every sentence of the corpus."""
    matcher = matcher_for(corpus.sides)
    out: dict[Ref, Attribution] = {}
    for article in corpus.articles:
        out.update(_attribute_article(article, matcher))
    _by_surname(out)
    _by_hostility(corpus, out, matcher)
    _inherit(out, pairs)
    for article in corpus.articles:
        _voice(article, out, matcher)
    return _apply_fixes(out, fixes)


# Words of hostility: a speaker who names one side in such a sentence speaks against it.
_HOSTILE = re.compile(r"(?i)\b(?:accus\w*|condemn\w*|blam\w*|denounc\w*|criticis\w*|criticiz\w*|"
                      r"sanction\w*|hijack\w*|violat\w*|illegal\w*|aggress\w*|provocat\w*|provok\w*|"
                      r"lie|lies|lying|false\w*|groundless|baseless|unfounded|deni\w*|deny|reject\w*|"
                      r"dismiss\w*|unacceptable|outrage\w*|reckless|irresponsible|hostile|piracy|terror\w*|"
                      r"demand\w*|must)\b")
_AGAINST_MIN = 2   # hostile sentences naming one side, and none the other, that place a speaker


def _by_hostility(corpus: Corpus, out: dict[Ref, Attribution], matcher: SideMatcher) -> None:
    """Give a side to a person the case never names, by whom they speak against.

    "Hunt said Iran's seizure of the tanker was illegal", "Glaz called the
    European accusations groundless": a speaker whose hostile sentences name
    one side, twice or more and never the other, speaks for the other side
    (marked inferred).  Only with two sides, and never for the press, analysts
    or international bodies.
    """
    sides = [s.id for s in corpus.sides]
    if len(sides) != 2:
        return
    against: dict[str, Counter[str]] = {}
    for ref, who in out.items():
        key = _unplaced(who)
        if key is None:
            continue
        text = corpus.article(ref.article).sentence(ref.paragraph, ref.sentence or 0).text
        named = matcher.sides_in(text.replace(who.speaker or "", " "))
        if len(named) == 1 and _HOSTILE.search(text):
            against.setdefault(key, Counter())[next(iter(named))] += 1
    for ref, who in list(out.items()):
        votes = against.get(_unplaced(who) or "")
        if not votes or len(votes) != 1:
            continue
        target, n = votes.most_common(1)[0]
        if n >= _AGAINST_MIN:
            side = next(s for s in sides if s != target)
            out[ref] = Attribution(ref, who.speaker, side, who.speaker_span, inferred=True)


def _by_surname(out: dict[Ref, Attribution]) -> None:
    """A person introduced in full with a side ("Russian Ambassador Vassily Nebenzia") keeps
    it when later named alone ("Nebenzia said"), anywhere in the corpus, unless the
    surname is read for both sides."""
    known: dict[str, set[str]] = {}
    for who in out.values():
        if who.side and not who.inferred and who.speaker and (name := _person(who.speaker)):
            known.setdefault(name, set()).add(who.side)
    for ref, who in list(out.items()):
        sides = known.get(_person(who.speaker or "") or "", set()) if not who.side and who.speaker else set()
        if len(sides) == 1:
            out[ref] = Attribution(ref, who.speaker, next(iter(sides)), who.speaker_span)


def _unplaced(who: Attribution) -> str | None:
    """What a speaker without a side is known by across the corpus: a person's surname, or
    a party that is neither side (an ally such as the EU); None for the press and the like."""
    if who.side or not who.speaker or _NOT_VOICED.search(who.speaker):
        return None
    parties = countries_in(who.speaker)
    if parties:
        return parties[0].id
    return _person(who.speaker)


def _person(speaker: str) -> str | None:
    """The surname of a speaker phrase that names a person ("Foreign Secretary Jeremy Hunt"
    -> "Hunt"), or None for bodies and roles."""
    words = re.findall(r"[A-Z][\w’'-]+", speaker)
    if not words or words[-1].lower() in ROLE_HEADS or words[-1].lower() in SPEAKER_NOUNS:
        return None
    return words[-1]


_VOICE_SHARE = 0.75   # an article whose attributed sentences are this much one side's ...
_VOICE_MIN = 2        # ... and at least this many, narrates that side's version


def _voice(article: Article, out: dict[Ref, Attribution], matcher: SideMatcher) -> None:
    """Unattributed sentences of an article that speaks for one side take that side, inferred.

    State media and a side's own outlets tell its version in their own voice
    ("the supply ship forcefully entered despite warnings") between the
    sentences they attribute; a wire story quoting both sides has no voice.
    A page published by a side's own body (a ministry's or a coast guard's
    site, named as the outlet) speaks for it throughout.
    """
    refs = [Ref(article.id, p.index, s.index) for p in article.paragraphs for s in p.sentences]
    side = _official_outlet(article.outlet, matcher)
    if side is None:
        sides = [side for r in refs if (side := out[r].side) and not out[r].inferred]
        if len(sides) < _VOICE_MIN:
            return
        side = max(sorted(set(sides)), key=sides.count)
        if sides.count(side) < _VOICE_SHARE * len(sides):
            return
    for r in refs:
        who = out[r]
        if who.side is None and (who.speaker is None or _voiced(who.speaker)):
            out[r] = Attribution(r, who.speaker, side, who.speaker_span, inferred=True)


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


_NOT_VOICED = re.compile(r"(?i)\b(?:analysts?|experts?|observers?|witness(?:es)?|residents?|sources?|media|"
                         r"q|question|reporters?|journalists?|correspondents?|host|interviewer|"
                         r"agency|news|reuters|associated press|afp|report|reports|newspaper|website|"
                         r"times|post|journal|herald|tribune|daily|gazette|telegraph|guardian|cnn|bbc|"
                         r"bloomberg|press|magazine|channel|tv|television|radio|broadcaster|outlet|"
                         r"investigators?|inspectors?|u\.?n\.?|united nations|council)\b")


def _voiced(speaker: str) -> bool:
    """A named speaker an article gives no party: its own side's official, whom a
    side's outlet need not introduce ("Hunt said"), unless it names another party
    or is the press, an analyst or an international body."""
    return not countries_in(speaker) and not _NOT_VOICED.search(speaker)


def _attribute_article(article: Article, matcher: SideMatcher) -> dict[Ref, Attribution]:
    """Attributions of one article, carrying the last speaker for continuations.

    Besides pronouns and generic heads, two forms reach across sentences: a
    quotation that opens a paragraph continues the previous paragraph's
    quoted speaker (or the speaker whose sentence ended with a colon), and a
    sentence that points back ("This was stated by X.", "X said this.")
    gives its speaker to the unattributed sentence before it.
    """
    out: dict[Ref, Attribution] = {}
    last: _Last | None = None
    history: list[_Last] = []
    before: Attribution | None = None   # the sentence before, across paragraphs
    answerer: _Last | None = None   # in a transcript, who answers ("Tan Kefei: ...", then "A: ...")
    for paragraph in article.paragraphs:
        previous = before if _introduces_quote(article, before) else None
        turn = _turn(article, paragraph, matcher, answerer)
        if turn is not None and turn.speaker not in _ASKERS:
            answerer = turn
        for sentence in paragraph.sentences:
            ref = Ref(article.id, paragraph.index, sentence.index)
            raw = article.source_text[sentence.start:sentence.end]
            offsets = source_offsets(raw, sentence.start)
            subject = _subject_of(sentence.text, matcher, offsets)
            who = _choose(find_claims(sentence.text, matcher), matcher, subject or last, offsets, history)
            if who is None and subject and _PARTICIPLE.search(sentence.text):
                who = subject   # "Russian authorities have been reluctant, saying there were no grounds"
            if who is None and turn is not None:
                who = turn      # a question's or an answer's own words in a press-conference transcript
            if who is None and previous and previous.speaker and (
                    _opens_quote(sentence.text) or (last and last.according and _CONTINUES.match(sentence.text))):
                who = _Last(previous.speaker, previous.side, previous.speaker_span)
            if who is None:
                out[ref] = previous = before = Attribution(ref, None, None)
                continue
            if before is not None and before.speaker is None and _POINTS_BACK.match(sentence.text):
                out[before.ref] = Attribution(before.ref, who.speaker, who.side, who.span)
            out[ref] = previous = before = Attribution(ref, who.speaker, who.side, who.span)
            last = who
            if who.side:
                history.append(who)
    return out


# A transcript's turn: "Tan Kefei: On May 26, ...", "Reporter: ...", "A: ...".
_TURN = re.compile(r"(?P<who>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}):\s+\S")
_ASKERS = frozenset("Q Question Reporter Journalist Correspondent Host Interviewer".split())
_ANSWERS = frozenset("A Answer".split())
_NOT_TURN = frozenset("""photo image video watch read also update note source editor live breaking
exclusive related file credit caption warning""".split())


def _turn(article: Article, paragraph: Paragraph, matcher: SideMatcher, answerer: _Last | None) -> _Last | None:
    """Who speaks a transcript paragraph ("Name: words"), or None for other paragraphs.

    A name the case or the gazetteer places is that side's; "Q:" or "Reporter:"
    asks (no side); "A:" is the last named answerer.  A place before a colon is
    a dateline ("New Delhi: ..."), and labels ("Photo:", "Read also:") are not
    speakers.
    """
    m = _TURN.match(paragraph.text)
    if not m:
        return None
    name = m.group("who")
    if name in _ANSWERS:
        return answerer
    if name in _ASKERS:
        return _Last(name, None, None)
    if name.split()[0].lower() in _NOT_TURN or is_gazetteer_name(name) or name.isupper() and len(name) > 3:
        return None
    found = matcher.match(name)
    start = paragraph.start + m.start("who")
    return _Last(name, found[0] if found else None, (start, start + len(name)))


# A sentence that attributes the one before it: "This was stated by X",
# "That was reported by the ministry's press service", "X said this".
_POINTS_BACK = re.compile(
    r"\s*(?:(?:This|That|These|Such|So)\b[^.]{0,20}?\b(?:was|were|is|are|has been|have been)\s+(?:\w+ly\s+)?"
    r"(?:stated|said|reported|announced|written|noted|declared|claimed|emphasized|emphasised|stressed)\b"
    r"|[^.“”\"]{2,60}?\b(?:said|stated|wrote|added|noted)\s+(?:this|so)\b)")


def _introduces_quote(article: Article, before: Attribution | None) -> bool:
    """Whether the last sentence of the previous paragraph hands its speaker on to
    a quotation opening the next: it ends with a colon or is itself a quotation."""
    if before is None or not before.speaker or before.ref.sentence is None:
        return False
    text = article.sentence(before.ref.paragraph, before.ref.sentence).text.rstrip()
    return text.endswith((":", "”", '"')) or _opens_quote(text)


_PARTICIPLE = re.compile(r",\s+(?:" + "|".join(sorted(REPORTING_PARTICIPLES)) + r")\b")


# A dateline before the first sentence of a story: "New Delhi [India], June 20 (ANI):",
# "MANILA, Philippines —", "BEIJING (Reuters) -".  The place is where it was written.
_DATELINE = re.compile(r"^(?:date:?\s+\d{4}-\d{2}-\d{2}\s+|(?:[A-Z][\w.'’-]*\s?){1,3}(?:\[[^\]]{1,30}\])?"
                       r"(?:,\s*[\w .]{2,30}?)?(?:\s*\([^)]{1,30}\))?\s*(?::|—|–|\s-)\s+)+", re.I)
# A publication date a page copy glued before the first words ("date 2019-02-28 India said").
_DATE_PREFIX = re.compile(r"date:?\s+\d{4}-\d{2}-\d{2}\s+", re.I)


def _subject_of(text: str, matcher: SideMatcher, offsets: list[int]) -> _Last | None:
    """An actor that opens the sentence (after any dateline): what "it"/"he" later in it refers to."""
    dateline = _DATELINE.match(text)
    lead = dateline.end() if dateline else 0
    found = matcher.match(text[lead:lead + 60])
    if not found or text[lead:lead + found[1]].strip().lower() not in ("", "the"):
        return None
    side, start, end = found[0], found[1] + lead, found[2] + lead
    return _Last(text[start:end], side, (offsets[start], offsets[end - 1] + 1))


def _opens_quote(text: str) -> bool:
    return text.lstrip().startswith(_OPEN_QUOTES)


def _choose(claims: list[Claim], matcher: SideMatcher, last: _Last | None,
            offsets: list[int], history: Sequence[_Last] = ()) -> _Last | None:
    """The sentence's speaker: a rejecting side first, then the first with a side."""
    resolved = [(c, _resolve(c, matcher, last, offsets, history)) for c in claims]
    for pick in ([r for r in resolved if r[0].rejection and r[1].side],
                 [r for r in resolved if r[1].side], resolved):
        if pick:
            return pick[0][1]
    return None


def _resolve(claim: Claim, matcher: SideMatcher, last: _Last | None, offsets: list[int],
             history: Sequence[_Last] = ()) -> _Last:
    span = (offsets[claim.start], offsets[claim.end - 1] + 1)
    if claim.kind == "pronoun":
        return _Last(last.speaker, last.side, last.span) if last else _Last(claim.speaker, None, span)
    found = matcher.match(claim.speaker)
    if found:
        return _Last(claim.speaker, found[0], span, claim.verb == "according to")
    if claim.kind in ("generic", "role"):
        side = _role_side(claim.speaker, history, matcher)
        if side:
            return _Last(claim.speaker, side, span)
    if claim.kind == "generic" and last:
        return _Last(claim.speaker, last.side, span)
    return _Last(claim.speaker, None, span)


def _role_side(phrase: str, history: Sequence[_Last], matcher: SideMatcher) -> str | None:
    """The side of a role named without a name ("the ambassador"): the latest
    speaker of the article with that role, else the one side whose actors in
    the case file carry it."""
    head = role_head(phrase)
    if head is None:
        return None
    word = re.compile(rf"(?<![\w-]){re.escape(head)}(?![\w-])", re.I)
    for earlier in reversed(history):
        if earlier.side and word.search(earlier.speaker):
            return earlier.side
    return matcher.role_side(head)


def _inherit(out: dict[Ref, Attribution], pairs: Sequence[Pair], min_score: float = 60.0) -> None:
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


def _apply_fixes(out: dict[Ref, Attribution], fixes: Sequence[SideFix]) -> dict[Ref, Attribution]:
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


def speaker_phrases(corpus: Corpus) -> Iterator[tuple[str, str]]:
    """Every speaker phrase the rules find, with its sentence, before any side is known
    (for infer_sides)."""
    for article in corpus.articles:
        for paragraph in article.paragraphs:
            for sentence in paragraph.sentences:
                for claim in find_claims(sentence.text):
                    yield claim.speaker, sentence.text
