"""Recognise page furniture by its shape: what a line looks like, not what it says.

The tests are general (length, punctuation, capitalisation, repetition, digits,
position on the page) plus a small lexicon of web boilerplate phrases (comment
forms, read-more trailers, navigation labels) that every news site shares.
Nothing here knows the sample articles.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import boilerplate as b
from .captions import caption_outweighs_claim, has_quotation, is_caption
from .speakers import CREDIT_WORDS, speaks_first
from .lexicons import CLAIM_WORDS, DEBUNK_LABELS, ROLE_HEADS, SECTION_LABELS, SPEAKER_NOUNS
from .sentences import split_spans
from .tokens import CACHE, words

_CLOSERS = "\"'”’)]»*"
_TERMINAL = ".!?…:"
SOURCE_TAG = re.compile(
    r"\s*\((?:source|sources|via|credit|credits)\s*:\s*(?P<source>[^()\n]{1,60})\)\s*$", re.I
)
TEMPLATE_TAG = re.compile(r"\s*(?:\{[A-Za-z_][\w-]*\}|\[\[[\w-]+\]\]|%%[\w-]+%%)")
DATE = re.compile(
    r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?"
    rf"(?:\d{{1,2}}\s+)?{b.MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|^\d{4}-\d{2}-\d{2}|^\d{1,2}/\d{1,2}/\d{2,4}|^\d{1,2}\.\d{1,2}\.\d{4}\b",
    re.I,
)
# A page's stamp: a label ("Updated:", "Published on") and nothing after it but dates, times and ages
# ("Published: Apr. 27, 2023 at 7:19 AM CDT|Updated: 30 minutes ago"), or nothing at all.
_STAMP_HEAD = re.compile(r"^(?:(?:last |first )?(?:updated|published|posted|modified)|date)(?: on)?\s*:?", re.I)
_STAMP_WORD = re.compile(
    rf"^(?:[\d:./,-]+(?:st|nd|rd|th)?,?|{b.MONTH}\.?,?|(?:mon|tues|wednes|thurs|fri|satur|sun)day,?|at|on|ago|[ap]\.?m\.?"
    r"|minutes?|hours?|days?|weeks?|(?:last )?(?:updated|published|posted|modified):?|(?-i:[A-Z]{2,4}))$", re.I)
# A one-word label standing over a section: "Background:", "Timeline:" (not a speaker's name: those are no lexicon word).
_SECTION_LABEL = re.compile(r"^(?:" + "|".join((*SECTION_LABELS, "key points", "in brief", "read also")) + r")\s*:$", re.I)
# A trail of the site's sections: "News > U.S.", "World » Europe » Balkans".
_TRAIL = re.compile(r"^[^>»›!?\n]{1,25}(?:\s[>»›]\s[^>»›!?\n]{1,25}){1,4}$")
# Another story's headline linked in square brackets: "[ Talks Collapse Over Port Fees - Bay Wire ]".
_BRACKETED = re.compile(r"^\[\s*(?P<inner>[^\[\]]{8,200}?)\s*\]$")
_TIMECODE = re.compile(r"^[\d:./\s-]+$")
_BY_LINE = re.compile(r"^(?:[Bb][Yy]:?\s+\S.*|.*\b(?:reporter|correspondent|staff writer)\b.*)$")
_FOR_LINE = re.compile(r"^(?:[A-Z][\w.'’-]*\s+){2,4}for\s+[A-Z]\S*(?:\s+[A-Z]\S*){0,3}$")
# A short dateline line: "China, June 25:", "New Delhi, Feb 27:".
_DATELINE_LINE = re.compile(
    rf"(?:{b.MONTH}\.?\s+\d{{1,2}}|\d{{1,2}}\s+{b.MONTH}\.?(?:\s+\d{{4}})?)\s*:\s*$"
    r"|\((?:AFP|AP|Reuters|UPI|ANI|PTI|IANS|TASS|Xinhua|dpa|EFE)\)\s*[-–—:]?\s*$"
    # a blog's stamp: "Posted on June 3, 2024 by Jane Doe"
    r"|^(?:posted|published|updated)(?: on)?\s+[^.]{0,20}\d{4}(?:\s+(?:at\s+)?[\d:.]+\s*(?:am|pm)?)?,?\s+by\s+\w"
    # or the name first: "Posted by Jane Doe on Monday, June 3, 2024"
    r"|^(?:posted|published|written) by [^.,]{1,40} on [^.]{0,30}\d{4}\s*$", re.I)
# A short question standing alone between paragraphs: a subheading ("What happened in the Black Sea?").
_SUBHEAD_QUESTION = re.compile(r"^[^“”\"‘’:]{3,80}\?$")
_ELLIPSIS = ("...", "…")
_REPORTS_FROM = re.compile(r"\breports? from\b", re.I)
# A line that reports what someone said: a speaker and a reporting verb, or a quotation.
_CLAIM_WORDS = tuple(sorted(CLAIM_WORDS, key=len, reverse=True))
# The prefilter's keys: the commonest first, then each word itself (a stem such as "stat" would
# let "statement" and "station" through to the pattern, which costs more than the extra keys).
_CLAIM_KEYS = ("said", "“", '"', "say", "told", "tell", *sorted(set(_CLAIM_WORDS) - {"said", "say", "says"}))
_CLAIM = b.KeyedPattern.with_keys(r"\b" + b.word_alternation(_CLAIM_WORDS) + r"\b|[“\"]\w", _CLAIM_KEYS)
_LINK_LINE = re.compile(
    r"^\s*(?:[-*+]|\d+[.)])?\s*(?:\[[^\]]*\]\([^)]*\)|<?https?://\S+>?|www\.\S+)\s*$", re.I
)


def is_link_line(line: str) -> bool:
    """A line that is only a link (Markdown or bare URL), as in link lists."""
    return bool(_LINK_LINE.match(line))


@lru_cache(maxsize=CACHE)
def ends_sentence(line: str) -> bool:
    """Does the line end like a sentence (after any source tag and closers)?"""
    stripped = SOURCE_TAG.sub("", line).rstrip().rstrip(_CLOSERS).rstrip()
    return bool(stripped) and stripped[-1] in _TERMINAL


@lru_cache(maxsize=CACHE)
def is_prose(line: str) -> bool:
    """A line that is certainly article text: a long sentence-shaped line."""
    count = len(words(line))
    return (count >= 8 and ends_sentence(line)) or (count >= 20 and not is_headline(line))


@lru_cache(maxsize=CACHE)
def is_body_prose(line: str) -> bool:
    """Prose that belongs to the article: a sentence-shaped line that is not a site notice
    ("Dear reader, online ads enable us ...") - such notices stand above the article too."""
    return is_prose(line) and not label_reason(line)


def is_headline(line: str) -> bool:
    """Title-case shape: most longer words capitalised, no closing period."""
    long_words = [w for w in words(line) if len(w) >= 4]
    if len(long_words) < 2 or len(line) > 200:
        return False
    capitals = sum(1 for w in long_words if w[0].isupper())
    return capitals / len(long_words) >= 0.6


def is_date(line: str) -> bool:
    return bool(DATE.match(line.strip()))


def is_stamp(line: str) -> bool:
    """A page's publication stamp: its label, then only dates, times and ages (or nothing)."""
    head = _STAMP_HEAD.match(line)
    return head is not None and all(_STAMP_WORD.match(w) for w in re.split(r"[\s|]+", line[head.end():]) if w)


def _bracketed_headline(line: str) -> bool:
    """A line wholly in square brackets that is a headline (Title Case, no sentence end): a link."""
    match = _BRACKETED.match(line)
    return match is not None and is_headline(match.group("inner")) and not ends_sentence(match.group("inner"))


_URL = re.compile(r"https?://|www\.\w|\w\.(?:com|org|net|co\.\w\w)\b", re.I)
_CONTROL_SEPARATOR = re.compile(r"\s[|>»›]\s|[|»›]")
_COUNTER = re.compile(r"\d[\d,.]*\s*(?:views?|comments?|shares?|reads?|likes?)\b|\b(?:views?|comments?|shares?)\s*[:(]?\s*\d",
                      re.I)


# A control's glyph or verb opening a line: "✕ Close", "☰ Menu", "Share this", "Print".
_CONTROL_START = re.compile(r"[^\w\s\"“‘'`(\[«]|(?:close|menu|share|print|email|search|log ?in|sign (?:in|up)"
                            r"|subscribe|skip|go to (?:the )?(?:main )?contents?|jump to|back to top)\b", re.I)


_ENDS_ON_DATE = re.compile(rf"{b.FULL_DATE_MONTH_FIRST}\.?\s*$|\b{b.FULL_DATE_DAY_FIRST}\.?\s*$", re.I)


def unfit_title(line: str) -> str | None:
    """Why a header line cannot be the article's title: a date, an address, a counter or a
    row of controls ("Today's Paper | <date>", "Total views 866"), or None if it can."""
    text = line.strip()
    if is_date(text) or ((b.DATE_ANYWHERE.search(text) or b.FOREIGN_DATE.search(text)) and len(words(text)) <= 8):
        return "date"
    if _ENDS_ON_DATE.search(text):
        return "caption (a picture's description ends on its date; a headline does not)"
    if _URL.search(text):
        return "address"
    if _COUNTER.search(text):
        return "counter"
    if _CONTROL_SEPARATOR.search(text) or _CONTROL_START.match(text):
        return "controls"
    return None


RELATED_WORDS = 60   # a related label with its teasers' headlines and cut first lines, not a paragraph


@lru_cache(maxsize=CACHE)
def label_reason(line: str) -> str | None:
    """Why a short standalone line is furniture, or None if it may be text.

    The word count is taken once and tested before each pattern it limits: the notice and
    dateline patterns cost ~0.1 ms a line, and most lines are paragraphs too long for them."""
    text = line.strip()
    if not text:
        return None
    if "view" in text.casefold():
        head = without_view_counters(text)
        if head and head != text:
            return label_reason(head)   # "Headline. Total views 866." is judged by its headline
    once = printed_twice(text)
    if once:
        return label_reason(once)   # a caption printed twice in one paragraph (the picture's text and its caption)
    if b.SOURCE_OF_CLAIM.match(text):
        return None   # where the claims below come from: text, kept with them
    n = len(words(text))
    if n <= 16 and b.COMMENT_FORM.search(text):
        return "comment form"
    if n <= 12 and b.TRAILER.match(text):
        return "share or read-more trailer"
    if b.NAV_LABEL.match(text.rstrip(" :»›>!")) or names_other_stories(text):
        return "navigation label"
    if n <= 30 and b.TEASER.match(text):
        return "teaser for another story"
    if n <= RELATED_WORDS and b.RELATED_TEASER.match(text):
        return "teaser for another story (opening with a related-stories label)"
    if n <= 40 and b.NOTICE.search(text):
        return "site notice or advertisement"
    if n <= 40 and (b.MEDIA_LINK.search(text) or (n <= 12 and b.WATCH_LINK.match(text) and not ends_sentence(text))):
        return "link to a recording (audio or video)"
    if n <= 16 and b.CREDIT_LINE.match(text):
        return "photo caption or credit"
    if b.CAPTION_LABEL.match(text) or (is_caption(text) and (not is_claim(text) or caption_outweighs_claim(text))):
        return "photo caption or credit"
    if n <= 10 and (_DATELINE_LINE.search(text) or _REPORTS_FROM.search(text)):
        return "dateline or byline"
    if n <= 16 and (b.SOURCE_LINE.match(text) or b.SYNDICATION.match(text)):
        return "source line (the outlet names the agency it reports from)"
    if n <= 12 and text.startswith(_ELLIPSIS) and not ends_sentence(text):
        return "fragment opening with an ellipsis (a pull quote or a cut teaser)"
    if n <= 8 and _SUBHEAD_QUESTION.match(text):   # asks, quotes no one: "What has X said?" claims nothing
        return "subheading (a question standing alone)"
    if n <= 6 and (is_date(text) or b.FOREIGN_DATE.search(text)):
        return "dateline"
    if n <= 16 and is_stamp(text):
        return "dateline (the page's stamp)"
    if n <= 8 and _TRAIL.match(text):
        return "navigation label (a trail of sections)"
    if n <= 3 and _SECTION_LABEL.match(text):
        return "subheading (a section's label)"
    if n <= 30 and text.startswith("[") and _bracketed_headline(text):
        return "teaser for another story (a headline linked in brackets)"
    if _TIMECODE.match(text):
        return "media player control"
    if not any(c.isalnum() for c in text):
        return "stray symbol"
    return None


TWICE_WORDS = 8   # a caption, not a chant: "Yes, yes" printed twice is no caption


def printed_twice(text: str) -> str | None:
    """The text's first half when the text is the same words twice ("Caption. (Credit) Caption.
    (Credit)"), as pages print a picture's text and its caption in one block; else None."""
    parts = text.split()
    half = len(parts) // 2
    if len(parts) < 2 * TWICE_WORDS or len(parts) % 2 or parts[:half] != parts[half:]:
        return None
    return " ".join(parts[:half])


def names_other_stories(line: str) -> bool:
    """A heading of the box of other stories below an article ("Most popular", "Comments (0)")."""
    return bool(b.OTHER_STORIES.match(line.strip().rstrip(" :»›>")))


@lru_cache(maxsize=CACHE)
def is_claim(line: str) -> bool:
    """A line that reports what someone said (a reporting verb, a quotation, or a headline
    attributed to its speaker): article text even when short or headline-shaped, and never
    dropped as page furniture."""
    if len(words(line)) < 4:
        return False
    return (has_claim_word(line) or is_attributed_headline(line) or speaks_first(line) or bool(_DEBUNKED.match(line))
            or has_quotation(line, single=True)
            or is_quoted_line(line) or bool(_STATEMENT_BY.search(line)))


# A claim labelled false: "Fake: X not involved in the strike" (what someone claims, and the page's verdict).
_DEBUNKED = re.compile(r"^\s*(?:" + "|".join(DEBUNK_LABELS) + r")\s*:\s*\S+(?:\s+\S+){3}", re.I)


def has_claim_word(line: str) -> bool:
    """A reporting verb or a quotation anywhere in the line, however short ("Navy denies involvement")."""
    return bool(_CLAIM.search(line))


# A line wholly in quotation marks, straight, curly or typewriter (`...`): a headline quoting
# someone's words ("'Attack sank the ship'"), a claim though its speaker stands below it.
_WHOLLY_QUOTED = re.compile(r"^\s*[`'‘](?P<inner>[^`'‘’]+)[`'’]\s*$")
QUOTED_LINE_WORDS = 3
# A toll: "About 30 people killed, 100 wounded in ...", "Blast kills 12" ("mother of 12 killed" is no toll).
_TOLL = b.KeyedPattern.with_keys(
    r"(?<!\bof )\b\d+(?:,\d{3})*\+?\s+(?:[a-z]+\s+){0,2}(?:killed|dead|wounded|injured|hurt|missing)\b"
    r"|\b(?:kills?|killing|wounds?|wounding|injures?|injuring)\s+(?:at least |more than |about |over )?\d",
    ("killed", "dead", "wounded", "injured", "hurt", "missing", "kill", "wound", "injur"))
# A statement named with its author: "Press statement by the ministry on ...".
_STATEMENT_BY = re.compile(r"\bstatement (?:by|from)\s+\S", re.I)


def tells_toll(line: str) -> bool:
    """Does the headline count the dead or hurt?  Then it asserts what happened (the sides dispute
    tolls as often as anything), so the article's headline is its first paragraph too."""
    return bool(_TOLL.search(line))


def is_quoted_line(line: str) -> bool:
    """A line of three words or more wholly inside single or typewriter quotation marks."""
    match = _WHOLLY_QUOTED.match(line)
    return match is not None and len(words(match.group("inner"))) >= QUOTED_LINE_WORDS


# A headline that names its speaker at the end: "... killed: Foreign Secretary",
# "... to the press — Russian embassy", "...: Erdogan".
_ATTRIBUTED = re.compile(
    r"^(?P<head>.+?)(?::|\s[—–-])\s+(?P<who>[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,4})\s*$")


def is_attributed_headline(line: str) -> bool:
    """A headline (no sentence end) followed by its speaker: a role ("Foreign Secretary",
    "Russian embassy") or one name; never a photo credit ("...: AFP")."""
    match = _ATTRIBUTED.match(line.strip())
    if not match or ends_sentence(match.group("head")) or len(words(match.group("head"))) < 4:
        return False
    who = [w.lower().rstrip(".") for w in match.group("who").split()]
    if any(w in CREDIT_WORDS for w in who):
        return False
    if any(w in SPEAKER_NOUNS or w in ROLE_HEADS for w in who):
        return True
    return len(who) == 1 and match.group("who")[0].isupper()


def is_byline(line: str, for_shape: bool = True) -> bool:
    """A byline: "By ..." anywhere; "Name Name for Outlet" only where asked.

    The second shape also fits title-case headlines ("Trial Begins for ..."),
    so callers accept it only after the article's prose (`for_shape=False`
    rejects it).
    """
    text = line.strip()
    if len(words(text)) > 10 or ends_sentence(text):
        return False
    return bool(_BY_LINE.match(text)) or (for_shape and bool(_FOR_LINE.match(text)))


def is_short_label(line: str) -> bool:
    """A few words with no sentence punctuation: a widget, heading or tagline.

    Five words at most: a longer line without punctuation between paragraphs may be
    a headline of another story, but as often a claim printed headline-style
    ("Balloon breached the airspace of ..."), and shape cannot tell them apart.
    A short passive headline that tells an act ("Old pier removed") is no label, nor are
    quoted words.
    """
    return len(words(line)) <= 5 and not ends_sentence(line) and not tells_act(line) and not quotes_words(line)


# A line wholly in quotation marks of any kind: "'Strict rules'", "“Never again”", "«Jamais»", "„Nie wieder“".
_ALL_QUOTED = re.compile(r"^\s*[`'‘“\"«‹„‚»›](?P<inner>[^`'‘’“”\"«»‹›„‚]+)[`'’”\"»›“‘«‹]\s*$")
QUOTED_LABEL_WORDS = 2


def quotes_words(line: str) -> bool:
    """A short line that is someone's words in quotation marks (two words or more): a quoted
    subheading says what was said, so it is no label, however short ("'Strict discipline'")."""
    match = _ALL_QUOTED.match(line)
    return match is not None and len(words(match.group("inner"))) >= QUOTED_LABEL_WORDS


# The participles of a page's own furniture ("All rights reserved", "Most commented", "Posts tagged").
_FURNITURE_PARTICIPLES = frozenset("""related sponsored featured recommended updated posted published reserved
required selected tagged viewed commented shared detected disabled enabled loaded supported continued approved
verified registered embedded subscribed based compiled edited translated produced powered licensed protected
limited closed saved added changed filed listed linked rated ranked submitted received happened occurred
followed""".split())
_WHEN = frozenset("again today yesterday overnight twice".split())
_ASKS = frozenset("what how why who when where which".split())   # "What happened" is a section's label


def tells_act(line: str) -> bool:
    """A short headline in the passive that tells an act: "Old pier removed", "Harbour shelled
    again".  It asserts what happened, so it is a subheading that is text, not a label."""
    found = list(words(line))
    if found and found[-1].lower() in _WHEN:
        found.pop()
    if not 2 <= len(found) <= 4 or not found[0][:1].isupper() or found[0].lower() in _ASKS:
        return False
    last = found[-1].lower()
    return last.endswith("ed") and len(last) > 4 and last not in _FURNITURE_PARTICIPLES


# A page's view counter as a sentence of its own: "Total views 866.", "Views today - 4.", "1,204 views".
_VIEW_COUNTER = re.compile(r"^(?:(?:total\s+)?views?(?:\s+today)?\s*[:—–-]?\s*\d[\d,.]*|\d[\d,.]*\s+views?)\s*[.!]?$", re.I)


def without_view_counters(text: str) -> str | None:
    """The text without the view counters closing it ("... Total views 866. Views today - 4."),
    or None when it is nothing but counters."""
    spans = split_spans(text)
    while spans and _VIEW_COUNTER.match(text[spans[-1][0]:spans[-1][1]]):
        spans.pop()
    return text[:spans[-1][1]] if spans else None


def sentence_reason(sentence: str) -> str | None:
    """Why a sentence at a paragraph's edge is furniture (trailer, form, counter), or None."""
    text = sentence.strip()
    if len(words(text)) > 16:
        return None
    if _VIEW_COUNTER.match(text):
        return "view counter"
    if b.TRAILER.match(text):
        return "share or read-more trailer"
    if b.COMMENT_FORM.search(text):
        return "comment form"
    if b.CREDIT.fullmatch(text):
        return "photo credit"
    return None


# "Headline | Site.com", "Headline - The Herald": the browser's title, the headline and the site's name.
_SITE_TAIL = re.compile(r"^(?P<head>.+?)\s+[|–—-]\s+(?P<site>[^|–—]{2,40})$")
SITE_WORDS = 4
_SITE_SEPARATORS = (" |", " -", " –", " —")


def without_site_name(line: str) -> str:
    """The line without a site's name after a bar or a dash (the page's title in the browser)."""
    if not any(sep in line for sep in _SITE_SEPARATORS):
        return line   # most lines: no separator, no scan
    match = _SITE_TAIL.match(line.strip())
    if match and len(words(match.group("site"))) <= SITE_WORDS:
        return match.group("head")
    return line


@lru_cache(maxsize=CACHE)
def normal_key(line: str) -> str:
    """A comparison key for spotting repeated lines (duplicated titles): `word_key`, then the
    line's figures ("Yes 95.4%" and "Yes 97.8%" are two lines)."""
    digits = figures(line)
    return word_key(line) + (" #" + " ".join(digits) if digits else "")


def word_key(line: str) -> str:
    """The line's words, lower-cased, with a closing quotation mark or apostrophe of either form
    left off ("'Genocide'" and "‘Genocide’" are one word: pages print a headline again in other
    quotation marks).  Without the figures, one line's key stands inside another's."""
    return " ".join(w.lower().rstrip("'’") for w in words(line))


_FIGURES = re.compile(r"\d+")


def figures(line: str) -> list[str]:
    """The runs of digits a line prints: lines that print other figures are other lines."""
    return _FIGURES.findall(line)
