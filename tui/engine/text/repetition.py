"""Furniture that shows itself by repetition: the same line twice, or a cut copy of another.

Pages print a picture's caption twice (the image's text and the caption under it),
a teaser's headline twice, and the article's own headline again, cut short, in a
breadcrumb or a "more on this" box.  A line judged alone cannot tell; a line
judged beside the page's other lines can.  A repeated line that reports a claim is
left alone unless the full line stands elsewhere on the page, so no claim is lost.
"""

from __future__ import annotations

import re

from . import boilerplate as b
from . import furniture as f
from .captions import reports

LEAD_WORDS = 10      # two captions are the same when their first words are
MAX_REPEAT_WORDS = 80
TAIL_WORDS = 6       # a cut copy is found by the last whole words before its ellipsis
_ELLIPSES = ("...", "…")
PULL_QUOTE_WORDS = (6, 50)   # a pull quote's quoted words: a clause, not a phrase; not a paragraph
SPEAKER_WORDS = 8            # its speaker's name and role after it ("The Port Authority's spokesman")
_PULL_QUOTE = re.compile(r"^[\"“](?P<quote>[^\"“”]+)[\"”]\s*(?P<speaker>[^.!?\"“”]*)$")


def repeated(texts: list[str | None]) -> dict[int, str]:
    """Reasons for the units (by index; None for non-text units) that repeat another."""
    keys = [f.normal_key(t) if t is not None else "" for t in texts]
    reasons: dict[int, str] = {}
    for i, text in enumerate(texts):
        if text is None:
            continue
        reason = _cut_copy(i, text, keys) or _breadcrumb_copy(i, text, keys)
        if reason:
            reasons[i] = reason
    for i in range(len(texts) - 1):
        if _twice_in_a_row(texts[i], texts[i + 1]):
            reasons.setdefault(i, "the same caption or teaser twice in a row")
            reasons.setdefault(i + 1, "the same caption or teaser twice in a row")
    return reasons


def _twice_in_a_row(first: str | None, second: str | None) -> bool:
    if first is None or second is None or f.is_claim(first) or f.is_claim(second):
        return False
    one, two = f.words(first), f.words(second)
    if not one or max(len(one), len(two)) > MAX_REPEAT_WORDS or f.figures(first) != f.figures(second):
        return False   # lines that print other figures are not one line printed twice ("Yes 97.8%", "Yes 95.4%")
    lead = min(LEAD_WORDS, len(one), len(two))
    if lead < LEAD_WORDS and len(one) != len(two):
        return False
    return [w.lower() for w in one[:lead]] == [w.lower() for w in two[:lead]]


def _cut_copy(i: int, text: str, keys: list[str]) -> str | None:
    """A line cut short with an ellipsis whose last whole words stand in another line."""
    stripped = text.rstrip()
    if not stripped.endswith(_ELLIPSES) or len(f.words(text)) > 40:
        return None
    body = f.words(stripped.rstrip(".… "))[:-1]   # the last word may be cut in half
    if len(body) < TAIL_WORDS:
        return None
    tail = " ".join(w.lower() for w in body[-TAIL_WORDS:])
    if any(j != i and len(key) > len(tail) and tail in key for j, key in enumerate(keys)):
        return "cut copy of another line (breadcrumb or teaser)"
    return None


def _breadcrumb_copy(i: int, text: str, keys: list[str]) -> str | None:
    """A breadcrumb trail ending in a headline that stands again on its own line."""
    trail = b.BREADCRUMB.match(text)
    if not trail:
        return None
    last = f.normal_key(text[trail.end():])
    if not f.is_claim(text[trail.end():]) or any(j != i and key == last for j, key in enumerate(keys)):
        return "navigation breadcrumb"
    return None


def later_copies(texts: list[str | None], reasons: list[str | None]) -> None:
    """Drop a headline printed again after its first copy was kept (a page prints its headline
    above and below the picture, or in a "more on this" box): the line is kept once, its
    first copy, so no claim is lost.  Only lines without a sentence end (headlines, not
    paragraphs) are judged."""
    seen: set[str] = set()
    for i, text in enumerate(texts):
        if text is None or reasons[i] is not None:
            continue
        key = f.normal_key(text)
        if key in seen and not f.ends_sentence(text):
            reasons[i] = "the headline printed again (kept once, above)"
        seen.add(key)


def pull_quotes(texts: list[str | None], reasons: list[str | None]) -> None:
    """Drop a pull quote: a line that is a quotation alone (its speaker's name may follow, with no
    sentence of its own) whose words the article prints again inside one of its kept paragraphs.
    The page sets a sentence of the text apart in large type; the paragraph that holds the
    quotation with its reporting verb stays, so no claim is lost."""
    keys = [f.word_key(t) if t is not None and reasons[j] is None else "" for j, t in enumerate(texts)]
    for i, text in enumerate(texts):
        match = _PULL_QUOTE.match(text.strip()) if text is not None and reasons[i] is None else None
        if match is None or not _speaker_alone(match.group("speaker")):
            continue
        quote = f.word_key(match.group("quote"))   # found inside a paragraph's words: no figures appended
        if not PULL_QUOTE_WORDS[0] <= len(quote.split()) <= PULL_QUOTE_WORDS[1]:
            continue
        if any(j != i and len(key) > len(quote) and quote in key for j, key in enumerate(keys)):
            reasons[i] = "pull quote (a quotation the article's text prints again, kept there)"


def _speaker_alone(tail: str) -> bool:
    """After a pull quote its speaker's name stands alone ("The Port Authority"); '", X said' is
    a sentence of the text quoting someone (a comma or a reporting verb ties the name to the quote)."""
    return (len(f.words(tail)) <= SPEAKER_WORDS and not tail.lstrip().startswith((",", "-", "–", "—"))
            and not reports(tail))
