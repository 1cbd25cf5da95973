"""Turn a raw article file into clean paragraphs, recording everything removed.

Two stages.  Structure: cut the file into units (candidate paragraphs) - for
plain text by blank lines and by joining lines hard-wrapped mid-sentence, for
Markdown by markdown-it's blocks.  Furniture: decide which units are page
furniture by position (before the first / after the last line of prose) and by
shape (see `furniture`), and trim tags and trailers from paragraph edges.
Every removed piece becomes a `Dropped` with its reason and exact span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Dropped, Paragraph, Sentence, display_text
from . import boilerplate as b
from . import furniture as f
from .captions import LEADING_CAPTION, TRAILING_CAPTION, leading_caption, trailing_caption
from .pagetalk import address_reason, page_talk_reason
from .neighbours import (between_furniture, caption_copies, embedded_posts, gallery_titles, headline_list_below,
                         headline_pairs_amid, off_topic_tail, other_script_lines, subheadings_amid,
                         teasers_under_headings)
from .rows import is_row, speakers_under_quotes, states_row
from .repetition import later_copies, pull_quotes, repeated
from .tells import has_measure, tells
from .sentences import skip_space, split_spans, trim_end
from .titles import HEADER_UNITS, deck_index, headline_is_text, pick_title, title_lines

DECK_WORDS = 6     # a standfirst says something; a shorter line under the headline is a label
TAIL_RUN = 6       # so many pieces of furniture in a row, naming other stories, end the article


@dataclass
class Line:
    start: int
    end: int
    text: str


@dataclass
class Unit:
    """Consecutive lines that form one candidate paragraph (or a non-text block)."""

    lines: list[Line]
    kind: str = "text"  # text | heading | list | html | code | rule
    reason: str | None = None
    meta: dict = field(default_factory=dict)

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end

    @property
    def text(self) -> str:
        return " ".join(line.text.strip() for line in self.lines)


@dataclass(frozen=True)
class Cleaned:
    title: str | None
    paragraphs: tuple[Paragraph, ...]
    dropped: tuple[Dropped, ...]


def split_lines(source: str, start: int, end: int) -> list[Line]:
    """Lines of source[start:end] with spans that exclude newline and trailing space."""
    lines, pos = [], start
    for brk in _LINE_END.finditer(source, start, end):
        text = source[pos:brk.start()].rstrip()
        lines.append(Line(pos, pos + len(text), text))
        pos = brk.end()
    if pos < end:
        text = source[pos:end].rstrip()
        lines.append(Line(pos, pos + len(text), text))
    return lines


_LINE_END = re.compile(r"\r\n?|\n")   # a lone \r ends a line too (old Mac files)


def text_units(lines: list[Line]) -> list[Unit]:
    """Units of a plain-text region: blocks split at blank lines, then at sentence ends."""
    units: list[Unit] = []
    block: list[Line] = []
    for line in [*lines, Line(0, 0, "")]:
        if line.text.strip():
            block.append(Line(line.start + _lead(line.text), line.end, line.text.strip()))
            continue
        if block:
            units.extend(_block_units(block))
        block = []
    return units


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip())


def is_list_block(lines: list[Line]) -> bool:
    """Three or more lines that read like headlines or links, not wrapped prose."""
    if len(lines) < 3:
        return False
    listy = sum(1 for ln in lines
                if f.is_headline(ln.text) or f.label_reason(ln.text) or f.is_link_line(ln.text))
    return listy / len(lines) >= 0.6


def _block_units(block: list[Line]) -> list[Unit]:
    if is_list_block(block):
        return [Unit(block, "list", "list of headlines or links", {"plain": True})]
    units: list[Unit] = []
    current: list[Line] = []
    width = _wrap_width(block)
    for line in block:
        if current and not _continues(current[-1].text, line.text, width):
            units.append(Unit(current))
            current = []
        current.append(line)
    if current:
        units.append(Unit(current))
    return units


def _wrap_width(block: list[Line]) -> int | None:
    """The column a hard-wrapped block was wrapped at, or None if it is not wrapped.

    Wrapped text has most lines (all but paragraph ends) close to one width;
    there a line that ends a sentence at full width is still mid-paragraph.
    """
    if len(block) < 3:
        return None
    widest = max(len(line.text) for line in block)
    if widest > 100:
        return None
    full = sum(1 for line in block[:-1] if len(line.text) >= 0.8 * widest)
    return widest if full >= 0.7 * (len(block) - 1) else None


def _continues(previous: str, line: str, width: int | None = None) -> bool:
    """Is `line` the hard-wrapped continuation of `previous`?"""
    if width and len(previous) >= 0.8 * width and not f.label_reason(line):
        return True
    if f.ends_sentence(previous) or len(previous) < 30:
        return False
    if f.label_reason(line) or (f.is_headline(previous) and f.is_headline(line)):
        return False
    return True


def clean(source: str, units: list[Unit], known_title: str | None = None, saved_page: bool = False) -> Cleaned:
    """Classify units into title, paragraphs and dropped furniture.

    `known_title` is the title the front matter or the case file gives: then
    the page's own line that repeats it is the first paragraph, once, and its
    other copies go ("duplicated title"); a headline-shaped line under it (a
    standfirst such as "..., Germany says") stays article text.  `saved_page`
    says the file carries front matter (a page saved from the web): its
    headline is the outlet's one-line account there too, so the line chosen
    as the title stays the first paragraph when it tells something (`tells`)
    even if the front matter names no title (a section's name picked as the
    title does not; a bare text file's headline is its title only, as the
    sample's are).
    """
    units = _explode_header_lists(units)
    prose = [i for i, u in enumerate(units) if u.kind == "text" and f.is_body_prose(u.text)]
    first, last = (prose[0], prose[-1]) if prose else (len(units), -1)
    listed = _listed_after(units, last)
    last = max(listed, default=last)
    listed |= _punctuated_items(units, first, last)
    texts = [u.text if u.kind == "text" else None for u in units]
    foreign = other_script_lines(texts)
    title, title_index = (known_title, None) if known_title else pick_title(units, first, foreign)
    title_key = f.normal_key(title) if title else None
    repeats = repeated(texts)
    deck = deck_index(units, title_index, title_key)
    reasons: list[str | None] = []
    claimed_title = False   # the headline stays text too, once (see `titles.headline_is_text`)
    for i, unit in enumerate(units):
        headline_claim = unit.kind == "text" and f.is_claim(unit.text)
        if i == title_index:
            told = headline_claim or f.tells_toll(unit.text) or (
                saved_page and headline_is_text(unit) and tells(unit.text) and not _browser_title(unit.text, texts))
            reason = None if told else "title (kept as the article's title)"
        else:
            reason = _reason(unit, i, (first, last, title_index, deck), title_key, repeats.get(i), i in listed)
        if reason == "duplicated title" and not claimed_title and title_index is None \
                and headline_is_text(unit, title_key or ""):
            reason = None
        claimed_title |= reason is None and title_key is not None and f.normal_key(unit.text) == title_key
        reasons.append(reason)
    for i in foreign:
        reasons[i] = reasons[i] or "line in another script than the article (its headline or dateline in the original)"
    embedded_posts(texts, reasons)
    caption_copies(texts, reasons)
    headline = title_lines(texts, title_index, title_key)
    teasers_under_headings(texts, reasons, headline)
    between_furniture(texts, reasons, headline | ({deck} if deck is not None else set()))
    headline_list_below(texts, reasons, last)
    headline_pairs_amid(texts, reasons, first, last)
    subheadings_amid(texts, reasons)
    gallery_titles(texts, reasons)
    _page_tail(units, reasons)
    off_topic_tail(texts, reasons, title, first)
    later_copies(texts, reasons)
    pull_quotes(texts, reasons)
    speakers_under_quotes(texts, reasons)
    dropped: list[Dropped] = []
    paragraphs: list[Paragraph] = []
    for unit, reason in zip(units, reasons):
        if reason:
            dropped.append(Dropped(unit.start, unit.end, display_text(source[unit.start:unit.end]), reason))
            continue
        paragraph, trimmed = _paragraph(source, unit, len(paragraphs))
        dropped.extend(trimmed)
        if paragraph:
            paragraphs.append(paragraph)
    dropped.sort(key=lambda d: d.start)
    return Cleaned(title, tuple(paragraphs), tuple(dropped))


def _browser_title(text: str, texts: list[str | None]) -> bool:
    """"Headline | Site" (the browser's title) where the page prints the headline alone too."""
    head = f.without_site_name(text)
    return head != text and any(t is not None and f.normal_key(t) == f.normal_key(head) for t in texts)


def _page_tail(units: list[Unit], reasons: list[str | None]) -> None:
    """Drop the other stories' teasers below the article.

    The article has ended once, after its text, a long run of furniture names other
    stories ("Most popular", "Latest stories", "Comments"): what follows are their
    headlines and first sentences, which read like prose.  A claim still stays.
    """
    run: list[int] = []
    seen_text = False
    for i in range(len(units)):
        if reasons[i] is None:
            if len(run) >= TAIL_RUN and seen_text and any(f.names_other_stories(units[j].text) for j in run):
                _drop_tail(units, reasons, i)
                return
            seen_text, run = True, []
        else:
            run.append(i)


def _drop_tail(units: list[Unit], reasons: list[str | None], start: int) -> None:
    for i in range(start, len(units)):
        if reasons[i] is None and not (units[i].kind == "text" and f.is_claim(units[i].text)):
            reasons[i] = "teaser for another story (below the article's end)"


def _explode_header_lists(units: list[Unit]) -> list[Unit]:
    """A "list" before the first prose is a page header: judge its lines one by one."""
    out: list[Unit] = []
    first_prose = next((i for i, u in enumerate(units[:HEADER_UNITS])
                        if u.kind == "text" and f.is_body_prose(u.text)), HEADER_UNITS)
    for i, unit in enumerate(units):
        if unit.kind == "list" and unit.meta.get("plain") and i < first_prose:
            out.extend(Unit([line]) for line in unit.lines)
        else:
            out.append(unit)
    return out


LIST_INTRO_WORDS = 6   # a sentence that introduces the list below it with a colon, not a footer's "Follow us:"
LIST_ITEM_WORDS = 8


def _listed_after(units: list[Unit], last: int) -> set[int]:
    """The short lines of the lists that follow the article's last prose line, each introduced by
    a sentence ending in a colon ("The agency identified the seven passengers as:" and one name a
    line): what the sentence lists, not the page's footer or its labels."""
    items: set[int] = set()
    k = last if last >= 0 and _introduces_list(units[last]) else last + 1   # the last prose may be the first intro
    while 0 <= last and k < len(units) and _introduces_list(units[k]):
        j = k + 1
        while j < len(units) and units[j].kind == "text" and len(f.words(units[j].text)) <= LIST_ITEM_WORDS \
                and not units[j].text.rstrip().endswith(":"):
            items.add(j)
            j += 1
        if j == k + 1:
            break
        items.add(k)
        k = j
    return items


_ITEM_GOES_ON = (";", ",")   # a list item that the sentence introducing the list goes on after


def _punctuated_items(units: list[Unit], first: int, last: int) -> set[int]:
    """The items of a list inside the article that the sentence before it introduces with a
    colon and that carry its punctuation ("... everyone in the danger zone must:", "turn off
    all appliances;", "take documents;", "leave the area."): the sentence's own words, each
    short, not a label.  A related-stories list under a colon ends its lines with no ';'."""
    items: set[int] = set()
    for k in range(max(first, 0), min(last, len(units) - 1)):
        if not _introduces_list(units[k]):
            continue
        j = k + 1
        while j <= last and units[j].kind == "text" and units[j].text.rstrip().endswith(_ITEM_GOES_ON):
            j += 1
        if j > k + 1 and j <= last and units[j].kind == "text" and units[j].text.rstrip().endswith("."):
            j += 1   # the list's last item closes the sentence
        items.update(range(k + 1, j))
    return items


def _introduces_list(unit: Unit) -> bool:
    return (unit.kind == "text" and unit.text.rstrip().endswith(":") and len(f.words(unit.text)) >= LIST_INTRO_WORDS
            and not f.label_reason(unit.text) and not page_talk_reason(unit.text))


def _reason(unit: Unit, i: int, marks: tuple[int, int, int | None, int | None],
            title_key: str | None, repeat: str | None = None, listed: bool = False) -> str | None:
    """Why this unit is furniture, or None if it is article text.

    `marks` are the first and last prose units, the title unit and the unit under
    the headline: a page header is what stands before the prose (and a sentence
    only if it stands before the title, like a tagline), except a standfirst of six
    words or more in sentence case right under the headline; a footer is what
    follows the prose.
    """
    first, last, title_index, deck = marks
    text = unit.text
    if unit.reason:
        return unit.reason
    if title_key and title_key in (f.normal_key(text), f.normal_key(f.without_site_name(text))):
        return "duplicated title"
    if unit.kind == "heading":
        return "heading"
    label = f.label_reason(text) or repeat or address_reason(text)
    if label == "dateline" and states_row(text):
        label = None   # "2024-06-03: Navy reports two warning shots.": a timeline's row, not the page's date
    if label:
        return label
    if f.is_claim(text) or listed or b.SOURCE_OF_CLAIM.match(text):   # what someone said, or an item a
        return None   # sentence lists (`_listed_after`), or where the claims come from: text wherever it stands
    talk = page_talk_reason(text)
    if talk:
        return talk
    if f.is_byline(text, for_shape=i > last >= 0):
        return "byline"
    if i == deck and len(f.words(text)) >= DECK_WORDS and not f.is_headline(text):
        return None   # a standfirst, in sentence case (Title Case there is a row of sections or another headline)
    before_title = title_index is not None and i < title_index
    if i < first and i < HEADER_UNITS and not f.is_prose(text) and not (title_index is not None and i > title_index
                                                                       and is_row(text, bullets=True)) and (
            before_title or not f.ends_sentence(text)):
        return "page header (masthead or tagline)"
    if i > last >= 0 and not f.ends_sentence(text) and not is_row(text) and not _CUT_OFF.match(text) and (
            len(f.words(text)) <= 6 or f.is_headline(text)):
        return "page footer"
    if (f.is_short_label(text) and not (has_measure(text) and not _AGO.search(text))   # "Yes 97.8%": a figure given
            and not states_row(text) and not (i > last >= 0 and _CUT_OFF.match(text)) and not _QUOTED.search(text)):
        return "short line without sentence punctuation (label or subheading)"
    return None


# Prose cut off where the page (or the copy of it) ends: a quotation opened, or a sentence opened
# on a connective ('"We have', "However, what li"); a footer's line opens neither way.
_CUT_OFF = re.compile(r"[\"“‘]\s*\w|(?:however|but|yet|still|meanwhile|moreover|instead|nevertheless),\s", re.I)
# Someone's words in quotation marks: a line that quotes is no label ("Kerry 'personally engaged'").
_QUOTED = re.compile(r"(?<!\w)[\"“‘’'][^\"“”‘’']{3,}[\"”’'](?!\w)")
_AGO = re.compile(r"\bago\b", re.I)   # "published 7 months ago": the page's stamp, not a figure


def _paragraph(source: str, unit: Unit, index: int) -> tuple[Paragraph | None, list[Dropped]]:
    """Trim tags and trailers from the unit's edges, then split it into sentences."""
    start, end = unit.start, unit.end
    dropped: list[Dropped] = []
    tag = f.TEMPLATE_TAG.match(source, start, end)
    if tag:
        dropped.append(Dropped(tag.start(), tag.end(), tag.group(0).strip(), "template or ad tag"))
        start = skip_space(source, tag.end(), end)
    trail = b.BREADCRUMB.match(source, start, end)
    if trail:
        dropped.append(Dropped(start, trail.end(), display_text(source[start:trail.end()]).strip(),
                               "navigation breadcrumb"))
        start = skip_space(source, trail.end(), end)
    paragraph_source, source_span = None, None
    tail = f.SOURCE_TAG.search(source, start, end)
    if tail:
        paragraph_source = tail.group("source").strip()
        source_span = (skip_space(source, tail.start(), end), tail.end())
        end = trim_end(source, start, tail.start())
    spans = split_spans(source[start:end], start)
    while spans and f.sentence_reason(source[spans[-1][0]:spans[-1][1]]):
        s, e = spans.pop()
        dropped.append(Dropped(s, e, display_text(source[s:e]), f.sentence_reason(source[s:e]) or ""))
    while spans and f.sentence_reason(source[spans[0][0]:spans[0][1]]):
        s, e = spans.pop(0)
        dropped.append(Dropped(s, e, display_text(source[s:e]), f.sentence_reason(source[s:e]) or ""))
    if len(spans) > 1 and leading_caption(source[spans[0][0]:spans[0][1]]):
        s, e = spans.pop(0)
        dropped.append(Dropped(s, e, display_text(source[s:e]), LEADING_CAPTION))
    if len(spans) > 1 and trailing_caption(source[spans[-1][0]:spans[-1][1]]):
        s, e = spans.pop()
        dropped.append(Dropped(s, e, display_text(source[s:e]), TRAILING_CAPTION))
    if not spans:
        return None, dropped
    start, end = spans[0][0], spans[-1][1]
    sentences = tuple(Sentence(k, s, e, display_text(source[s:e])) for k, (s, e) in enumerate(spans))
    text = display_text(source[start:end])
    return Paragraph(index, start, end, text, sentences, paragraph_source, source_span), dropped

