"""Photo captions and their credits: what a picture's text looks like, and when it outweighs a claim.

A caption describes its picture ("In this image ...", "X, centre, ...", a dated present-tense
action: "X speaks at ... on Jan. 8") or closes with its credit ("Photo: AFP", "(Jane Doe/Bay
Wire)", "-/AFP via Getty Images").  Such a short paragraph is a caption even when it says
"said": the credit outweighs the reporting verb, unless it quotes someone's words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Article
from . import boilerplate as b
from .lexicons import REPORTING_VERBS
from .sentences import skip_space, split_spans
from .tokens import CACHE, words

LONG_CAPTION = 160  # words: a military caption ("... in this image provided by ... (Navy photo/Released)")
ACTION_WITHIN = 14   # a caption's subject (a name and its role) comes before its present-tense verb
DATED_WORDS = 10     # a picture's description dated at its end is a sentence, not a "Published: <date>" line
NAMED_CREDIT_WORDS = 40  # a caption closed by a name in parentheses is short: prose that ends so is a wire's
_CREDIT_TAIL_END = re.compile(r"(?:" + b.CREDIT_TAIL + r")\s*$")


LEADING_CAPTION = "photo caption (a dated picture's description before the text)"
TRAILING_CAPTION = "photo caption (a picture's label and credit after the text)"
CAPTION_REASONS = frozenset({"photo caption or credit", "the same caption or teaser twice in a row", LEADING_CAPTION,
                             TRAILING_CAPTION})
LABEL_WORDS = 8   # a picture's label before its credit: "Defence minister Jane Doe.(Wire File Photo)"


def captions(article: Article) -> list[str]:
    """The article's dropped photo captions (which say who is pictured)."""
    return [d.text for d in article.dropped if d.reason in CAPTION_REASONS]


@lru_cache(maxsize=CACHE)
def is_caption(text: str) -> bool:
    """A photo caption: a credit or a picture's description in a short paragraph, or a
    longer one that closes with its credit ("... Picture by Jane Doe, PA Wire")."""
    count = len(words(text))
    if count <= 40 and b.CAPTION.search(text):
        return True
    if count <= NAMED_CREDIT_WORDS and _named_credit(text) and _sentences(text) <= 2 and not reports(text):
        return True   # "... where it sank. (Coast Guard Command)": the picture's source
    if count <= 80 and (credit_at_end(text) or (_describes_picture(text) and _sentences(text) <= 2)):
        return True
    # a wire or military caption runs longer: it says what the picture shows and closes with its credit
    return count <= LONG_CAPTION and bool(b.CAPTION_PHRASE.search(text)) and credit_at_end(text) is not None


def _describes_picture(text: str, in_prose: bool = True) -> bool:
    """Words only a caption uses: "In this image ...", "is seen in this photo", people placed in
    a dated picture ("X, centre, and Y, right, ... on Monday"), or a present-tense action dated in
    its first sentence ("X speaks at ... on Jan. 8").  With `in_prose` False, "is seen in the
    video" is left out: prose says it of footage too ("..., who is seen in the video ...")."""
    if b.CAPTION_OPEN.match(text) or b.PICTURE_DATELINE.match(text) or (in_prose and b.CAPTION_PHRASE.search(text)):
        return True
    if not b.CAPTION_DAY.search(text):
        return False   # no date anywhere: none in the first sentence either (and no sentence split)
    if len(words(text)) >= DATED_WORDS and b.CAPTION_DATED_END.search(text) and _sentences(text) == 1 \
            and not reports(text):
        return True   # "A ferry lists after ..., Mar. 3, 2025.": a picture dated at its end
    if b.CAPTION_POSITION.search(text) or (b.CAPTION_POSITION_LETTER.search(text) and not reports(text)):
        return True   # a letter alone is a party's in politics ("Senator X (R) said"): only where no one reports
    first = _first_sentence(text)
    action = b.CAPTION_ACTION.search(first)
    return bool(action and len(words(first[:action.start()])) <= ACTION_WITHIN and b.CAPTION_DAY.search(first))


def trailing_caption(sentence: str) -> bool:
    """A paragraph's last sentence that only names a picture and credits it ("Defence minister
    Jane Doe.(Wire File Photo)"): a caption the page glued after the text."""
    credit = credit_at_end(sentence)
    label = sentence[:credit] if credit is not None else ""
    return 0 < len(words(label)) <= LABEL_WORDS and not reports(label)


def _glued_after_claim(text: str) -> bool:
    """A paragraph that reports before a trailing caption ("..., X denied any role. Defence
    minister X.(Wire Photo)")."""
    spans = split_spans(text)
    return len(spans) > 1 and trailing_caption(text[spans[-1][0]:spans[-1][1]]) \
        and reports(text[:spans[-1][0]])


def leading_caption(sentence: str) -> bool:
    """A paragraph's first sentence that describes a dated picture and reports nothing ("X (1st
    L) and Y pose for photos ..., April 15, 2012.", "In this photo released by ..., workers clear
    ..."): a caption the page glued before the text."""
    return bool(b.CAPTION_DAY.search(sentence)) and _describes_picture(sentence, in_prose=False) \
        and not reports(sentence)


def _named_credit(text: str) -> bool:
    """Does the text close with a picture's source in parentheses ("(Coast Guard Command)")?"""
    match = b.NAMED_CREDIT.search(text) if text.endswith(")") else None
    return match is not None and any(w.lower() in b.CREDIT_SOURCES for w in words(match.group("name")))


def reports(text: str) -> bool:
    """Does the text hold a reporting verb ("said", "denied")?  Then a date or a name in
    parentheses at its end does not make it a caption: prose reports, a caption shows."""
    return any(w.lower() in REPORTING_VERBS for w in words(text))


def _first_sentence(text: str) -> str:
    spans = split_spans(text)
    return text[spans[0][0]:spans[0][1]] if spans else text


def _sentences(text: str) -> int:
    """How many sentences of three words or more (a page cut mid-sentence leaves a stub)."""
    return sum(1 for s, e in split_spans(text) if len(words(text[s:e])) >= 3)


def caption_outweighs_claim(text: str) -> bool:
    """A caption that says "said" or "denies" is still a caption (issue 11): its closing credit
    or its picture words outweigh the reporting verb, as long as it is short (two sentences
    at most before the credit) and quotes no one's words beyond a phrase."""
    if has_quotation(text) or len(words(text)) > 80:
        return False
    credit = credit_at_end(text)
    body = text[:credit] if credit else text
    if _sentences(body) > 2:
        return False
    first = _first_sentence(body)
    if credit is None and leading_caption(first) and reports(body[body.find(first) + len(first):]):
        return False   # a caption glued before a claim: the caption goes alone (cleaning._paragraph)
    if credit is not None and _glued_after_claim(text):
        return False   # a caption glued after a claim: the caption goes alone (cleaning._paragraph)
    return credit is not None or _describes_picture(body, in_prose=False)


# A quotation of someone's words: a quoted clause (four words or more, or one closing with its
# own sentence end), not a quoted phrase ("expressed 'deep regret'").
_QUOTE_CLOSED = re.compile(r"\w[,.!?][”\"]\s+(?:said|says|added|told|asked)\b")
_QUOTED = re.compile(r"[“\"]([^“”\"]{1,600})[”\"]|‘((?:[^‘’]|’(?=\w))+)’(?!\w)")
# Straight single quotes, where no letter stands outside them (an apostrophe inside a word,
# "Kiev's", is no quotation mark): read only for single quotes, and only in a line holding one.
_STRAIGHT_QUOTED = re.compile(r"(?<![\w'])'((?:[^'\n]|'(?=\w)){1,300})'(?![\w'])")


def has_quotation(text: str, single: bool = False) -> bool:
    """Does the text quote a clause (in double quotes, or in single ones; only single with `single`,
    since any double quote already makes a line a claim)?"""
    if not single and _QUOTE_CLOSED.search(text):
        return True   # '..., " said X': a quotation whose opening mark the page lost
    for match in _QUOTED.finditer(text):
        inner = ((match.group(2) if single else match.group(1) or match.group(2)) or "").strip()
        if _quotes_a_clause(inner):
            return True
    if single and "'" in text:
        return any(_quotes_a_clause(m.group(1).strip()) for m in _STRAIGHT_QUOTED.finditer(text))
    return False


def _quotes_a_clause(inner: str) -> bool:
    return len(words(inner)) >= 4 or inner[-1:] in ".!?…"


_CREDIT_KEYS = ("photo", "image", "picture", "credit", "courtesy", "pic", "representa")


def _may_credit(text: str) -> bool:
    """Can `b.CREDIT` match at all? Each of its forms holds a credit word or a slash; testing
    that first spares the pattern's scan of most paragraphs."""
    if "/" in text:
        return True
    low = text.lower()
    return any(key in low for key in _CREDIT_KEYS)


# The body a credit names before its own word, after the caption's last sentence: "... Navy photo by ...".
_CREDIT_OWNER = re.compile(r"[.!?”\"’)]\s+(?P<owner>(?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w.'’-]*)$")
_DASHES = (" -", " –", " —")   # "... the vessel - Credit: Agency": a dash, spaced, before the credit


def credit_at_end(text: str) -> int | None:
    """Where a photo credit that closes the text after its last sentence starts: "Photo: AFP",
    "(Jane Doe/Bay Wire)", "-/AFP via Getty Images", or an agency's sign-off after a dated
    description ("..., June 16, 2020. -Reuters")."""
    stripped = text.rstrip()
    ends = [m.start() for m in b.CREDIT.finditer(stripped) if m.end() == len(stripped)] if _may_credit(stripped) else []
    # each form of CREDIT_TAIL closes with ")" or "]", holds "/" or "©", says "via" or names its "Source: "
    may_tail = (stripped.endswith((")", "]")) or "/" in stripped or "via " in stripped or "Source: " in stripped
                or "©" in stripped)
    tail = _CREDIT_TAIL_END.search(stripped) if may_tail else None
    if tail:
        ends.append(skip_space(stripped, tail.start()))
    signoff = b.AGENCY_SIGNOFF.search(stripped)
    if signoff and b.DATE_ANYWHERE.search(stripped):
        ends.append(signoff.start())
    for start in ends:
        before = stripped[:start].rstrip()
        if start > 0 and (stripped[start] in "([©-–—" or before[-1:] in ".!?”\"’)" or before.endswith(_DASHES)):
            return start
        owner = _CREDIT_OWNER.search(before)
        if owner:
            return owner.start("owner")   # "... in the sea. U.S. Navy photo by Jane Doe"
    return None
