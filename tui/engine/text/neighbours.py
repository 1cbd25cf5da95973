"""Furniture that shows itself by what stands around it, not by its own words.

A headline under a "Check also" heading is another story's teaser, though it reads like
any headline; a line in another script than the rest of the page (the headline or the
dateline left in the site's own language) is not the article's text.  A line judged
alone cannot tell; judged beside its neighbours it can.  A claim keeps its place, except
a headline under a related-stories heading, which links to another story.
"""

from __future__ import annotations

import re
from collections import Counter

from . import boilerplate as b
from . import furniture as f
from .tells import tells
from .rows import is_row

TEASER_RUN = 12         # at most so many headlines follow one "related stories" heading
TEASER_WORDS = (3, 24)  # a headline's length in words, with its speaker ("..., Minister says")
OTHER_SCRIPT_WORDS = 25  # a headline or a dateline, not a paragraph of the article
OTHER_SCRIPT_SHARE = 0.8
SANDWICH_WORDS = 12      # a headline or a caption's length, not a paragraph's
HEADLINE_LIST = 4        # so many headlines in a row below the article are a list of other stories
HEADLINE_WORDS = (3, 14)  # a headline's length in words
# A letter outside the Latin blocks (or a numeral, which the exact count then rules out).
_NON_LATIN_LETTER = re.compile(r"[^\W\d_\u0000-\u024f]")
_TITLE_REASONS = ("title (kept as the article's title)", "duplicated title")


def teasers_under_headings(texts: list[str | None], reasons: list[str | None], headline: set[int]) -> None:
    """Drop the headlines that follow a heading naming other stories ("Check also",
    "Related reading"): lines without a sentence end, up to the next sentence.

    Under such a heading a headline that reports a claim ("X accuses Y ...") goes too: it
    is a link to another story, not a paragraph of this one (it ends no sentence).  The run stops
    at the article's own headline (`headline`: a "Latest" ticker above it lists it too).  A
    teaser's first lines cut with an ellipsis go too, and the list goes on after them."""
    for i, text in enumerate(texts):
        if text is None or reasons[i] is None or not f.names_other_stories(text):
            continue
        for j in range(i + 1, min(i + 1 + TEASER_RUN, len(texts))):
            nxt = texts[j]
            if nxt is None or j in headline:
                break
            if reasons[j] is not None:
                continue   # furniture already (one of the list went as a footer): the list goes on
            if _cut_blurb(nxt):
                reasons[j] = "teaser for another story (its first lines, cut, under a related-stories heading)"
                continue
            if f.ends_sentence(nxt) or not TEASER_WORDS[0] <= len(f.words(nxt)) <= TEASER_WORDS[1]:
                break
            reasons[j] = "teaser for another story (under a related-stories heading)"


BLURB_WORDS = 60   # a teaser's first lines, not a paragraph


def _cut_blurb(text: str) -> bool:
    """A teaser's first lines cut short with an ellipsis ("Gas stations will be ... selling gas …"):
    the page links the rest; no paragraph of the article ends on a cut."""
    return text.rstrip().endswith(("…", "...")) and len(f.words(text)) <= BLURB_WORDS


def between_furniture(texts: list[str | None], reasons: list[str | None], keep: set[int]) -> None:
    """Drop a headline-shaped line that stands between two pieces of furniture (a dateline above,
    a notice below): a video's or a picture's title inside the page header, not the article's
    text.  Not a claim, not a sentence, not beside the title (that is the standfirst's place)."""
    for i in range(1, len(texts) - 1):
        text = texts[i]
        if text is None or reasons[i] is not None or i in keep:
            continue
        above, below = reasons[i - 1], reasons[i + 1]
        if not above or not below or above in _TITLE_REASONS or below in _TITLE_REASONS:
            continue
        if f.ends_sentence(text) or f.is_claim(text) or len(f.words(text)) > SANDWICH_WORDS:
            continue
        reasons[i] = "headline between page furniture (a video's or a picture's title)"


def headline_pairs_amid(texts: list[str | None], reasons: list[str | None], first: int, last: int) -> None:
    """Drop two or more Title Case headlines in a row between the article's paragraphs: links to
    other stories set into the text.  One alone may be a subheading, or a claim printed as a
    headline, and stays; a run of them is a list.  A claim ("X Accuses Y") stays, as everywhere."""
    run: list[int] = []
    for i in range(first + 1, last + 1):
        text = texts[i]
        if text is not None and reasons[i] is None and _title_case_headline(text):
            run.append(i)
            continue
        if len(run) >= 2:
            for j in run:
                reasons[j] = "teaser for another story (headlines set into the article)"
        run = []


def _title_case_headline(text: str) -> bool:
    low, high = HEADLINE_WORDS
    return (f.is_headline(text) and not f.ends_sentence(text) and not f.is_claim(text)
            and low <= len(f.words(text)) <= high)


def other_script_lines(texts: list[str | None]) -> set[int]:
    """Short lines written in another script than the page (a Cyrillic headline over an English
    article): the site's headline or dateline in its own language, never the article's title."""
    if not any(t and not t.isascii() and _NON_LATIN_LETTER.search(t) for t in texts):
        return set()   # every letter on the page is Latin (most pages): no line is in another script
    scripts = [_scripts(t) if t else Counter() for t in texts]
    page = sum(scripts, Counter())
    if not page:
        return set()
    main, _ = page.most_common(1)[0]
    found: set[int] = set()
    for i, text in enumerate(texts):
        if text is None or len(f.words(text)) > OTHER_SCRIPT_WORDS:
            continue
        own = scripts[i]
        total = sum(own.values())
        if total and own[main] <= (1 - OTHER_SCRIPT_SHARE) * total:
            found.add(i)
    return found


def _scripts(text: str) -> Counter[int]:
    """Letters by rough script: Latin as 0, others by their 128-code-point block."""
    if text.isascii():   # most lines: every letter Latin, counted without a look at each
        return Counter({0: sum(map(str.isalpha, text))})
    return Counter(0 if ord(c) < 0x250 else ord(c) >> 7 for c in text if c.isalpha())


def headline_list_below(texts: list[str | None], reasons: list[str | None], last_prose: int) -> None:
    """Drop a list of other stories' headlines below the article: HEADLINE_LIST or more lines
    in a row after its last paragraph of prose, each headline-long without a sentence end, or
    furniture already (some of the list may have gone as a footer or a label).

    The list needs no heading ("Related", "More news"): the run itself tells it, as no
    article ends on four headlines.  A headline in it that reports a claim ("X accuses Y")
    stays text, as everywhere, and so does a timeline's or a table's row ("June 3 - Ferry runs
    aground"): an article may end on a timeline."""
    run: list[int] = []
    for i in range(last_prose + 1, len(texts) + 1):
        text = texts[i] if i < len(texts) else None
        if text is not None and (reasons[i] is not None or (_headline_long(text) and not f.ends_sentence(text))):
            run.append(i)
            continue
        if len(run) >= HEADLINE_LIST:
            for j in run:
                if reasons[j] is None and not f.is_claim(texts[j] or "") and not is_row(texts[j] or ""):
                    reasons[j] = "teaser for another story (a list of headlines below the article)"
        run = []


def _headline_long(text: str) -> bool:
    low, high = HEADLINE_WORDS
    return low <= len(f.words(text)) <= high


def embedded_posts(texts: list[str | None], reasons: list[str | None]) -> None:
    """Drop embedded social-media posts: a line with the post's picture link
    ("... pic.twitter.com/..."), and the line right above a post's signature ("— Name (@handle)
    date"), which is the post's text.  The signature itself goes as a dateline.  A post that
    reports a claim or quotes someone ("...: General X") stays: the article may cite it alone."""
    for i, text in enumerate(texts):
        if text is None or reasons[i] is not None or f.is_claim(text):
            continue
        below = texts[i + 1] if i + 1 < len(texts) else None
        if b.POST_LINK.search(text) or (below is not None and b.POST_SIGNATURE.match(below)):
            reasons[i] = "embedded social-media post"


COPY_WORDS = 8          # a caption's copy is known by its first words
_CAPTION_REASONS = ("photo caption or credit", "site notice or advertisement")   # "© Agency / caption"


def caption_copies(texts: list[str | None], reasons: list[str | None]) -> None:
    """Drop a line that prints again the caption beside it: pages print a picture's text twice
    (its alt text, then the caption with a credit or a "©" tag glued on), and only one copy has
    the credit that gave it away.  The line's first words must stand in the dropped neighbour's
    text; a claim stays."""
    for i, text in enumerate(texts):
        beside = [j for j in (i - 1, i + 1) if 0 <= j < len(texts) and reasons[j] in _CAPTION_REASONS]
        if not beside or text is None or reasons[i] is not None or f.is_claim(text):
            continue   # most lines have no caption beside them: nothing to compare
        head = " ".join(text.lower().rstrip(".").split()[:COPY_WORDS])
        if len(head.split()) < 2:
            continue
        for j in beside:
            other = texts[j]
            if other is not None and head in " ".join(other.lower().split()):
                reasons[i] = "photo caption or credit (printed again beside its copy)"
                break


TAIL_TEASERS = 6        # at most so many paragraphs follow a box of other stories at the page's end
NAME_STEM = 4           # "Syria" and "Syrian" share a name's first letters
_NAME = re.compile(r"\b[A-Z][\w’'-]{3,}")
_CALENDAR = frozenset("mond tues wedn thur frid satu sund janu febr marc apri june july augu sept octo nove dece".split())


def off_topic_tail(texts: list[str | None], reasons: list[str | None], title: str | None, first: int) -> None:
    """Drop the paragraphs below a heading that names other stories ("Top stories", "Most read")
    standing after the article's text, when they name people or places (capitalised words, by
    their first letters; not days or months) and none that the headline or the article above
    names: the box's teasers are other stories' first lines, which tell of others.  One shared
    name keeps them all, as the article may go on there; a paragraph naming no one stays (no
    evidence either way); a claim stays, as everywhere."""
    for i in range(first + 1, len(texts)):
        text = texts[i]
        if text is None or reasons[i] is None or not f.names_other_stories(text):
            continue
        below = [j for j in range(i + 1, len(texts)) if texts[j] is not None and reasons[j] is None]
        if not 0 < len(below) <= TAIL_TEASERS:
            return
        names = _names(title or "").union(*(_names(t) for t, r in zip(texts[:i], reasons) if t and r is None))
        theirs = [_names(texts[j] or "") for j in below]
        if names and not any(own & names for own in theirs):
            for j, own in zip(below, theirs):
                if own and not f.is_claim(texts[j] or ""):
                    reasons[j] = "teaser for another story (below a box of other stories, naming none of the article's names)"
        return


def _names(text: str) -> set[str]:
    return {m.group(0)[:NAME_STEM].lower() for m in _NAME.finditer(text)} - _CALENDAR


SUBHEAD_WORDS = 16      # a subheading's or a set-in headline's length, not a paragraph's


def subheadings_amid(texts: list[str | None], reasons: list[str | None]) -> None:
    """Drop a line between two paragraphs of prose that ends no sentence and tells nothing (no
    verb with a subject, no claim, no figure): a subheading ("The conflict in the strait") or a
    headline set into the text without its verb ("Aid to militants in the province").  It
    carries no statement, so nothing the reader compares is lost; a line that tells stays."""
    for i in range(1, len(texts) - 1):
        text, above, below = texts[i], texts[i - 1], texts[i + 1]
        if text is None or above is None or below is None or reasons[i] is not None:
            continue
        if reasons[i - 1] is not None or reasons[i + 1] is not None or f.ends_sentence(text):
            continue
        if len(f.words(text)) <= SUBHEAD_WORDS and f.is_prose(above) and f.is_prose(below) and _bare(text) \
                and not tells(text):
            reasons[i] = "subheading (a line between two paragraphs that ends no sentence and tells nothing)"


_CLAUSE_MARKS = frozenset(",;:\"“”‘’'")


# Words that follow a plural noun in a heading without being its verb ("Strikes against ...").
_FUNCTION_WORDS = frozenset("""a an the this that these those its his her their of to for in on at by with from into
over under about after before against amid between during near off per via and or nor as than""".split())


def _bare(text: str) -> bool:
    """A heading's bare words: no comma, semicolon or colon (a sentence cut by the excerpt, "X,
    commented,"), no quotation marks (quoted words are someone's), opening with a capital, and
    no word after a plural noun that may be its verb though the lexicon lacks it ("Divers film
    the hull": `tells` knows the verbs of news, not every verb)."""
    if not text[:1].isupper() or _CLAUSE_MARKS.intersection(text):
        return False
    tokens = f.words(text)
    return not any(one.lower().endswith("s") and not one.lower().endswith("ss") and one.lower() not in _FUNCTION_WORDS
                   and two.islower() and two not in _FUNCTION_WORDS for one, two in zip(tokens, tokens[1:]))


GALLERY_TITLE_WORDS = 12   # a gallery's title, not a paragraph
_GALLERY_COUNTER = re.compile(r"^\d{1,3}\s*(?:/|of)\s*\d{1,3}$")


def gallery_titles(texts: list[str | None], reasons: list[str | None]) -> None:
    """Drop a gallery's title: a headline-long line without a sentence end right above the
    gallery's counter ("1/22", "1 of 12"), with nothing but furniture between (its subtitle).
    A claim stays, as everywhere."""
    for i, text in enumerate(texts):
        if text is None or reasons[i] is not None or f.ends_sentence(text) or f.is_claim(text):
            continue
        if len(f.words(text)) > GALLERY_TITLE_WORDS:
            continue
        for j in range(i + 1, min(i + 4, len(texts))):
            below = texts[j]
            if below is None or reasons[j] is None:
                break
            if _GALLERY_COUNTER.match(below.strip()):
                reasons[i] = "gallery title (above its counter)"
                break
