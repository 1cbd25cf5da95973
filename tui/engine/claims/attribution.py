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
from collections.abc import Callable, Sequence

from ..text.lexicons import BODY_HEADS, GENERIC_HEADS, PERSON_ROLE, PERSON_ROLE_PATTERN, PRESS, REPORTING_PARTICIPLES, REPORTING_VERBS, SPEAKER_NOUNS
from ..model import Article, Attribution, Corpus, Pair, Ref, SideFix, source_offsets
from .placement import (apply_fixes, by_hostility, by_surname, home_officials, inherit, national_bodies, state_media,
                        state_organs, voice)
from .sides import SideMatcher, is_gazetteer_name, matcher_for
from .speech import OPEN_QUOTES, Claim, find_claims, opening_name, quote_ends, relays, role_head
from .turns import ASKERS, BULLET, Last as _Last, dateline_end, label as label_of, turn as turn_of


def attribute(corpus: Corpus, pairs: Sequence[Pair] = (),
              fixes: Sequence[SideFix] = (), read: dict[Ref, Attribution] | None = None) -> dict[Ref, Attribution]:
    """An Attribution for every sentence of the corpus.

    `read` is `read_speakers(corpus)` when the caller already has it (computed beside pairing:
    it reads no pair); it is completed here, in place."""
    matcher = matcher_for(corpus.sides)
    out = read_speakers(corpus) if read is None else read
    inherit(out, pairs)
    for article in corpus.articles:
        voice(article, out, matcher)
    return apply_fixes(out, fixes)


def read_speakers(corpus: Corpus) -> dict[Ref, Attribution]:
    """The attributions each article's text gives, and the placing of speakers across the
    corpus: everything of `attribute` that reads no pair and no fix."""
    matcher = matcher_for(corpus.sides)
    out: dict[Ref, Attribution] = {}
    for article in corpus.articles:
        out.update(_attribute_article(article, matcher))
        _quoted_before(article, out, matcher)
        home_officials(article, out, matcher)
    by_surname(out)
    by_hostility(corpus, out, matcher)
    state_organs(corpus, out)
    national_bodies(corpus, out, matcher)
    return out


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
    label: _Last | None = None   # "Igor Ivanov, spokesman of the ministry:" speaks the next paragraph
    points: _Last | None = None   # ... and the points of a list after it
    text_by: _Last | None = None   # "Statement by X:" speaks the paragraphs of the statement below it
    carried_before = False   # the sentence before took its speaker from the one before it
    prior = ""   # the sentence before's text
    person: _Last | None = None   # the person named last in a sentence given to a state: whom "she" means
    for paragraph in article.paragraphs:
        previous = before if _introduces_quote(article, before) else None
        # a label speaks the paragraph after it, and every point of a list that follows it
        bullet = bool(BULLET.match(paragraph.text))
        turn = turn_of(article, paragraph, matcher, answerer) or label or (points if bullet else None) or text_by
        points = (label or points) if bullet else None
        label = label_of(paragraph, matcher)
        if label is not None:
            text_by = label if label.whole_text else None
        if turn is not None and turn.speaker not in ASKERS:
            answerer = turn
        for sentence in paragraph.sentences:
            told, prior = prior, sentence.text
            ref = Ref(article.id, paragraph.index, sentence.index)
            raw = article.source_text[sentence.start:sentence.end]
            offsets = source_offsets(raw, sentence.start)
            claims = [c for c in find_claims(sentence.text, matcher) if not _BY_THE_WAY.search(sentence.text, 0, c.start)]
            subject = _subject_of(sentence.text, matcher, offsets, claims)
            referent = subject or (person if person and _personal(claims) else last)
            if not subject and _personal(claims, _SHE) and referent and _is_body(referent.speaker):
                referent = _latest_person(history) or referent   # "she" is no military
            who = _choose(claims, matcher, referent, offsets, history, sentence.text, told, last)
            person = None   # "X claimed ..., but Ms Y said ...", given to the state X: "she" next is Ms Y
            if who is not None and _impersonal(who.speaker, matcher):
                person = _last_person(claims, matcher, referent, offsets, history, sentence.text, told, last)
            if who is None and subject and _PARTICIPLE.search(sentence.text):
                who = subject   # "Russian authorities have been reluctant, saying there were no grounds"
            if who is None and turn is not None:
                who = turn      # a question's or an answer's own words in a press-conference transcript
            carried = who is None
            if who is None and previous and previous.speaker and (
                    _opens_quote(sentence.text) or (last and last.according and _CONTINUES.match(sentence.text))):
                who = _Last(previous.speaker, previous.side, previous.speaker_span)
            elif who is None and before is not None and before.speaker and _ADDS.match(sentence.text):
                who = _Last(before.speaker, before.side, before.speaker_span)   # "X said ... Also, 34 were killed."
            if who is None:
                out[ref] = previous = before = Attribution(ref, None, None)
                carried_before = False
                continue
            if who.side and _RECIPROCAL.search(sentence.text) and len(matcher.sides_in(who.speaker)) > 1:
                who = _Last(who.speaker, None, who.span)   # "A and B blamed each other": neither's claim
            if before is not None and (before.speaker is None and _POINTS_BACK.match(sentence.text)
                                       or carried_before and _tags(sentence.text, before, article)):
                out[before.ref] = Attribution(before.ref, who.speaker, who.side, who.span)
            out[ref] = previous = before = Attribution(ref, who.speaker, who.side, who.span)
            carried_before = carried
            last = who
            if who.side:
                history.append(who)
    return out


_HE_SHE = frozenset({"he", "she"})
_SHE = frozenset({"she"})


def _personal(claims: Sequence[Claim], pronouns: frozenset[str] = _HE_SHE) -> bool:
    """A claim whose speaker is "he" or "she" (or one of `pronouns`): a person, never a state or a body."""
    return any(c.kind == "pronoun" and c.speaker.lower() in pronouns for c in claims)


# The last words of bodies' names: what "she" does not mean when a person spoke before.  ("He"
# may: translated prose calls a ministry "he".)
_BODIES = frozenset("""military army navy ministry government authorities forces command office agency department
embassy committee council police kremlin pentagon administration guard coastguard service services headquarters
media""".split())


def _is_body(speaker: str) -> bool:
    """Whether a speaker is a body ("The South Korean military"), by its last word, and no
    person holding a post in one ("The director general of the ... office")."""
    words = re.findall(r"[\w’'-]+", re.sub(r"\([^)]*\)", " ", speaker).lower())
    return bool(words) and words[-1] in _BODIES and not PERSON_ROLE.search(speaker)


def _latest_person(history: Sequence[_Last]) -> _Last | None:
    """The article's latest placed speaker that is no body: whom a "she" after a body's claim means
    ("Kim said ... The military claimed ... '...,' she added")."""
    return next((e for e in reversed(history) if not _is_body(e.speaker) and e.speaker.lower() not in _HE_SHE), None)


def _impersonal(speaker: str, matcher: SideMatcher) -> bool:
    """A state's name ("Iran", a side's own name): what "she" cannot mean.  (Bodies are left
    out: translated prose calls a ministry "he", and "the source" is a person.)"""
    return is_gazetteer_name(speaker) or (matcher.is_name(speaker) and bool(matcher.sides_in(speaker, places=True)))


def _last_person(claims: Sequence[Claim], matcher: SideMatcher, last: _Last | None, offsets: list[int],
                 history: Sequence[_Last], text: str, before: str, previous: _Last | None) -> _Last | None:
    """The person named last among a sentence's claims ("X claimed ..., but Ms Y said ...": Ms
    Y), with a side: whom a "she" in the next sentence means when the sentence went to X."""
    named = [c for c in claims if c.kind == "named" and not _impersonal(c.speaker, matcher)]
    if not named:
        return None
    return _resolve(max(named, key=lambda c: c.start), matcher, last, offsets, history, text, before, previous)


_QUOTE_RUN_MAX = 12   # sentences a quotation may run before its speaker is named


def _quoted_before(article: Article, out: dict[Ref, Attribution], matcher: SideMatcher) -> None:
    """A quotation that runs over several sentences, or paragraphs, and names its speaker
    only where it closes ('"... in any way," the president said.') is that speaker's
    throughout: the sentences inside it take the speaker named after the closing mark."""
    run: list[Ref] = []
    for paragraph in article.paragraphs:
        for sentence in paragraph.sentences:
            ref = Ref(article.id, paragraph.index, sentence.index)
            closed_at, left_open = quote_ends(sentence.text)
            if run and closed_at is not None:
                who = out[ref]
                named = any(c.verb_at > closed_at for c in find_claims(sentence.text, matcher))
                if who.speaker and named and len(run) <= _QUOTE_RUN_MAX:
                    for r in run:
                        if out[r].speaker is None:
                            out[r] = Attribution(r, who.speaker, who.side, who.speaker_span)
                run = []
            if left_open:
                run = [ref]
            elif run and closed_at is None:
                run.append(ref)


_RECIPROCAL = re.compile(r"\b(?:each other|one another)\b|\btrad(?:ed|e|ing) (?:blame|accusations|charges)", re.I)

# A sentence that attributes the one before it: "This was stated by X",
# "That was reported by the ministry's press service", "X said this".
_POINTS_BACK = re.compile(
    r"\s*(?:(?:This|That|These|Such|So)\b[^.]{0,20}?\b(?:was|were|is|are|has been|have been)\s+(?:\w+ly\s+)?"
    r"(?:stated|said|reported|announced|written|noted|declared|claimed|emphasized|emphasised|stressed)\b"
    r"|[^.“”\"]{2,60}?\b(?:said|stated|wrote|added|noted)\s+(?:this|so)\b)")


# A sentence that is only a speaker and a verb ("Nebenzia responded."): the tag of a quotation
# that ended in a question or an exclamation, which the sentence splitter cut off.
_BARE_TAG = re.compile(r"\s*[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}\s+(?:\w+ly\s+)?(?:" +
                       "|".join(sorted(REPORTING_VERBS)) + r")\s*[.!]?\s*$")


def _tags(text: str, before: Attribution, article: Article) -> bool:
    """Whether `text` is the bare tag of the quotation before it ('“Does X understand ...?”
    Nebenzia responded.'): that quotation is the tag's speaker's, not the one it was carried
    from (the person it addresses, quoted in the paragraph before)."""
    said = article.sentence(before.ref.paragraph, before.ref.sentence or 0).text.rstrip()
    return bool(_BARE_TAG.match(text)) and said[-2:-1] in ("?", "!") and said[-1:] in "”\"’"


def _introduces_quote(article: Article, before: Attribution | None) -> bool:
    """Whether the last sentence of the previous paragraph hands its speaker on to
    a quotation opening the next: it ends with a colon or is itself a quotation."""
    if before is None or not before.speaker or before.ref.sentence is None:
        return False
    text = article.sentence(before.ref.paragraph, before.ref.sentence).text.rstrip()
    return text.endswith((":", "”", '"')) or _opens_quote(text) or bool(_REPORTS_THAT.search(text))


# "X confirmed that ...": a speaker who reports in the paragraph before an untagged quotation is its
# speaker, as the quotation's source is named once in news copy.
_REPORTS_THAT = re.compile(r"^[^“”\"]*\b(?:said|says|confirmed|stated|announced|reported|noted|added|told)\b[^“”\"]*\.$")


# A report inside a clause of time or cause ("X flew balloons south, after it warned of ..."): the
# sentence is the narrator's account, not the report's.
_BY_THE_WAY = re.compile(r"(?i)\b(?:after|before|since|until|because|when|once)\s+$")
# A sentence that adds to the statement before it, in the wire's translated style: "Also, ...".
_ADDS = re.compile(r"(?:Also|In addition|Additionally|Furthermore|Moreover),\s")
# A sentence that carries on an "according to" account: "It then entered ...".
_CONTINUES = re.compile(r"(?:It|They|He|She)\s+(?:then|later|next|subsequently)\b")
_PARTICIPLE = re.compile(r",\s+(?:" + "|".join(sorted(REPORTING_PARTICIPLES)) + r")\b")


def _subject_of(text: str, matcher: SideMatcher, offsets: list[int], claims: Sequence[Claim]) -> _Last | None:
    """An actor that opens the sentence (after any dateline): what "it"/"he" later in it refers to.

    "He said: The other side's troops ..." is not a dateline: a reporting verb sits in it."""
    lead = dateline_end(text)
    lead = lead if not any(c.verb_at < lead for c in claims) else 0
    found = opening_name(text, lead, matcher)
    if not found:
        return None
    side, start, end = found
    if _personal(claims) and _impersonal(text[start:end], matcher) and _COMMON_NOUN.match(text, end):
        return None   # "The Chinese side was asked to ..., he said": "he" is no state nor its side
    return _Last(text[start:end], side, (offsets[start], offsets[end - 1] + 1))


# A lower-case word after a state's name, no person's role: "(The Israeli) planes", "(Israel) deliberately".
_COMMON_NOUN = re.compile(rf"\s+(?!(?:{PERSON_ROLE_PATTERN})\b)[a-z]")


def _opens_quote(text: str) -> bool:
    return text.lstrip().startswith(OPEN_QUOTES)


def _choose(claims: list[Claim], matcher: SideMatcher, last: _Last | None, offsets: list[int],
            history: Sequence[_Last] = (), text: str = "", before: str = "",
            previous: _Last | None = None) -> _Last | None:
    """The sentence's speaker: the first claim with a side, else the first.

    A denial after the main claim ("..., which Ukraine denies", "..., hours after New
    Delhi rejected ...", "a claim rejected by X") answers it: the sentence is the main
    claim's (on the real cases, preferring such denials put 6 sentences on the wrong side)."""
    # "X notes that, according to the other side's assertion, ...": a source named inside what an
    # official reports is what the official cites, not the sentence's speaker (inside what the press
    # reports, it is: "The paper reported that, according to officials, ...")
    claims = [c for c in claims if c.verb != "according to" or not any(
        d.verb != "according to" and d.verb_at < c.verb_at and _THAT.search(text, d.verb_at, c.verb_at)
        and not relays(d.speaker) for d in claims)]
    # "He said that the other side's army was aware ... and accused ...": what a person reports
    # is no speaker of the sentence, though the person has no side yet
    claims = [c for c in claims if not any(d.kind == "pronoun" and d.verb_at < c.verb_at
                                           and _THAT.search(text, d.verb_at, c.start) for d in claims)]
    resolved = [_resolve(c, matcher, last, offsets, history, text, before, previous) for c in claims]
    return next((r for r in resolved if r.side), resolved[0] if resolved else None)


_THAT = re.compile(r"\bthat\b")


_THE_COUNTRYS = re.compile(r"(?i)(?:the\s+)?(?:country|nation|state)[’']s\s")
# The press as the speaker: "Israeli media", "the independent outlet Meduza" (a press noun, then its name).
_PRESS = re.compile(rf"(?i)\b(?:{PRESS})(?-i:\s+[A-Z][\w’'.-]*){{0,3}}$")
_STATE_PRESS = re.compile(r"(?i)\b(?:state|state-run|state-owned|official|government|military)\b")


def _resolve(claim: Claim, matcher: SideMatcher, last: _Last | None, offsets: list[int],
             history: Sequence[_Last] = (), text: str = "", before: str = "",
             previous: _Last | None = None) -> _Last:
    """The speaker a claim names, with its side.  `last` is what a pronoun refers to (the
    sentence's opening actor, else the speaker before); a generic head ("the statement read")
    refers to the speaker before, `previous`, and only without one to the opening actor: in
    "The Kiev regime uses civilians as shields, the statement read" the statement is not the
    regime's."""
    span = (offsets[claim.start], offsets[claim.end - 1] + 1)
    if _THE_COUNTRYS.match(claim.speaker):
        named = matcher.sides_in(text[:claim.start], places=True)
        if len(named) == 1:   # "Turkish ships ..., according to the country's ministry"
            return _Last(claim.speaker, next(iter(named)), span)
        if not named and (side := matcher.last_place(before)):   # "... near Tajikistan's post. The country's committee said"
            return _Last(claim.speaker, side, span)
    if claim.kind == "pronoun":
        return _Last(last.speaker, last.side, last.span) if last else _Last(claim.speaker, None, span)
    press = _PRESS.search(claim.speaker)
    if press and not _STATE_PRESS.search(claim.speaker):
        return _Last(claim.speaker, None, span)   # "Israeli media reported": the press, not the government
    found = matcher.match(claim.speaker) or matcher.match(state_media(claim.speaker) or "")
    if press and not found:   # "the state media also claimed": the state broadcaster named before
        found = (side, 0, 0) if (side := _latest_side(history, lambda s: bool(_STATE_PRESS.search(s)))) else None
    if found:   # a side's name, or its state news agency ("IRNA reported")
        return _Last(claim.speaker, found[0], span, claim.verb == "according to")
    if side := _named_before(claim.speaker, history):
        return _Last(claim.speaker, side, span)
    if (party := _party_noun(claim.speaker)) and (side := matcher.role_side(party)):
        return _Last(claim.speaker, side, span)   # "the opposition says", a case file naming "Venezuelan opposition"
    if claim.kind in ("generic", "role"):
        side = _role_side(claim.speaker, history, matcher)
        if side:
            return _Last(claim.speaker, side, span)
    elif claim.kind == "named" and (side := _body_side(claim.speaker, history) or _short_name_side(claim.speaker, history)):
        return _Last(claim.speaker, side, span)
    if claim.kind == "generic" and (referent := previous or last):
        return _Last(claim.speaker, referent.side, span)
    return _Last(claim.speaker, None, span)


_TITLES = frozenset("spokesman spokeswoman spokesperson minister secretary chief commander head director".split())
_NOT_BODY = frozenset("the a an its their his her".split())


# Parties that are no state's body, named by their noun alone ("the opposition", "her family").
_PARTY_NOUNS = frozenset("opposition family relatives rebels protesters activists lawyer lawyers".split())
_OWNERS = _NOT_BODY - {"a", "an"}   # "a lawyer" is anyone's


def _party_noun(phrase: str) -> str | None:
    """The noun of a party named by it alone, after a determiner: what the one side whose case-file
    actors carry it ("Venezuelan opposition", "Amini family") is called in the texts."""
    words = phrase.lower().split()
    return words[1] if len(words) == 2 and words[0] in _OWNERS and words[1] in _PARTY_NOUNS else None


def _named_before(phrase: str, history: Sequence[_Last]) -> str | None:
    """The side of a body named again by the first words of its full name ("the General Staff"
    after "The General Staff of the Ukrainian Armed Forces"): the article's latest placed
    speaker whose name begins with those words, all capitalised and two at least."""
    key = _name_words(phrase)
    if len(key) < 2 or not all(w[:1].isupper() for w in key):
        return None
    size, low = len(key), [w.lower() for w in key]
    return _latest_side(history, lambda speaker: (len(words := _name_words(speaker)) > size
                                                  and [w.lower() for w in words[:size]] == low))


def _name_words(phrase: str) -> list[str]:
    words = re.findall(r"[\w’'-]+", phrase)
    return words[1:] if words[:1] in (["the"], ["The"]) else words


def _short_name_side(phrase: str, history: Sequence[_Last]) -> str | None:
    """The side of a body named again by its head word ("Military intelligence said" after "the
    Defence Intelligence of the Ministry of Defence of X"): the latest placed speaker of the
    article with that word.  Not a word every side's bodies share ("ministry", "office")."""
    words = re.findall(r"[\w’'-]+", phrase.lower())
    head = words[-1] if words and len(words) <= 3 and words[0] not in ("a", "an") else ""   # "a rights group" is new
    if len(head) < 5 or head in SPEAKER_NOUNS or head in GENERIC_HEADS:
        return None
    word = re.compile(rf"(?<![\w-]){re.escape(head)}(?![\w-])", re.I)
    return _latest_side(history, lambda speaker: bool(word.search(speaker)))


def _body_side(phrase: str, history: Sequence[_Last]) -> str | None:
    """The side of a named official introduced by a body the article placed before:
    "Coast guard spokesman X" after "the Greek coast guard said", "Ministry spokesman X"
    after "Turkey's foreign ministry said".  The latest such speaker of the article.  A body it
    is: a minister ("Defence Minister X") holds a post, and every state has a defence ministry."""
    words = re.findall(r"[\w’'-]+", phrase.lower())
    title = next((k for k, w in enumerate(words) if w in _TITLES), None)
    body = [w for w in words[:title] if w not in _NOT_BODY] if title else []
    if not any(w in BODY_HEADS for w in body):
        return None
    return _latest_side(history, lambda speaker: set(body) <= set(re.findall(r"[\w’'-]+", speaker.lower())))


def _role_side(phrase: str, history: Sequence[_Last], matcher: SideMatcher) -> str | None:
    """The side of a role named without a name ("the ambassador"): the latest
    speaker of the article with that role, else the one side whose actors in
    the case file carry it."""
    head = role_head(phrase)
    if head is None:
        return None
    word = re.compile(rf"(?<![\w-]){re.escape(head)}(?![\w-])", re.I)
    return _latest_side(history, lambda speaker: bool(word.search(speaker))) or matcher.role_side(head)


def _latest_side(history: Sequence[_Last], names: Callable[[str], bool]) -> str | None:
    """The side of the article's latest placed speaker whose phrase `names` accepts."""
    return next((e.side for e in reversed(history) if e.side and names(e.speaker)), None)
