"""Furniture that shows itself by what stands around it, not by its own words.

A headline under a "Check also" heading is another story's teaser, though it reads like
any headline; a line in another script than the rest of the page (the headline or the
dateline left in the site's own language) is not the article's text.  A line judged
alone cannot tell; judged beside its neighbours it can.  A claim keeps its place.
"""

from __future__ import annotations

from collections import Counter

from . import furniture as f

TEASER_RUN = 4          # at most so many headlines follow one "related stories" heading
OTHER_SCRIPT_WORDS = 25  # a headline or a dateline, not a paragraph of the article
OTHER_SCRIPT_SHARE = 0.8


def teasers_under_headings(texts: list[str | None], reasons: list[str | None]) -> None:
    """Drop the headlines that follow a heading naming other stories ("Check also",
    "Related"): lines without a sentence end that report no claim, up to the next sentence."""
    for i, text in enumerate(texts):
        if text is None or reasons[i] is None or not f.names_other_stories(text):
            continue
        for j in range(i + 1, min(i + 1 + TEASER_RUN, len(texts))):
            nxt = texts[j]
            if nxt is None or reasons[j] is not None:
                break
            if f.ends_sentence(nxt) or f.is_claim(nxt) or len(f.words(nxt)) < 3:
                break
            reasons[j] = "teaser for another story (under a related-stories heading)"


def other_script_lines(texts: list[str | None]) -> set[int]:
    """Short lines written in another script than the page (a Cyrillic headline over an English
    article): the site's headline or dateline in its own language, never the article's title."""
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
