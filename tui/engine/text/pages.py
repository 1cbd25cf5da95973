"""Web pages in: the main text and metadata of an HTML page, as a Markdown article.

A saved page or a fetched one carries its article among menus, cookie banners,
share bars, related-story lists and comments.  trafilatura is the field's
standard extractor for the main text and the metadata (title, author, date,
site name), with htmldate behind it for dates a page hides; we use it rather
than write our own, and import it only when a page is read, so a folder of
text files never pays for it.  The extracted article is written as Markdown
with TOML front matter, so the rest of the engine reads it like any article
(and the cleaner still drops what the extractor kept), and it is stored, so
notes anchor to text that does not change when the extractor does.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timezone

MAX_PAGE_BYTES = 5 * 1024 * 1024   # a news page is far smaller; anything bigger is not one
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Page:
    """An article taken out of a web page."""

    title: str | None
    outlet: str | None
    author: str | None
    date: str | None
    paragraphs: tuple[str, ...]


class PageError(ValueError):
    """A page with no article text in it; str() is a one-line reason."""


def extract(html: str, url: str | None = None) -> Page:
    """The article of an HTML page: its paragraphs and metadata."""
    import trafilatura  # lazily: a folder of text files never imports it

    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=False,
                               include_images=False, favor_precision=True) or ""
    paragraphs = tuple(p for line in text.splitlines() if (p := _SPACE.sub(" ", line).strip()))
    if not paragraphs:
        raise PageError("no article text found in the page")
    meta = trafilatura.extract_metadata(html, default_url=url)
    date = meta.date if meta else None
    if not date:
        from htmldate import find_date  # comes with trafilatura

        date = find_date(html, url=url, original_date=True)
    return Page(title=(meta.title if meta else None) or None, outlet=(meta.sitename if meta else None) or None,
                author=(meta.author if meta else None) or None, date=date or None, paragraphs=paragraphs)


def to_markdown(page: Page, url: str | None, page_sha256: str, fetched: datetime | None = None) -> str:
    """The article as Markdown with TOML front matter: what the corpus folder keeps."""
    import tomli_w

    meta = {k: v for k, v in (("title", page.title), ("outlet", page.outlet), ("author", page.author),
                              ("date", page.date), ("url", url)) if v}
    if fetched is not None:
        meta["fetched"] = fetched.astimezone(timezone.utc).replace(microsecond=0).isoformat()
    meta["page_sha256"] = page_sha256
    meta["text_sha256"] = text_key(page.paragraphs)
    return "+++\n" + tomli_w.dumps(meta) + "+++\n\n" + "\n\n".join(page.paragraphs) + "\n"


def text_key(paragraphs: tuple[str, ...] | list[str]) -> str:
    """A hash of an article's words, to tell the same text under another address."""
    words = _SPACE.sub(" ", " ".join(paragraphs)).strip().casefold()
    return hashlib.sha256(words.encode()).hexdigest()


def page_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def now() -> datetime:
    return datetime.now(timezone.utc)
