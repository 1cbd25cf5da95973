"""One file to one Article: decoded, its front matter read, cleaned, with its metadata.

Files are untrusted: each problem becomes (None, reason) or a warning naming the
file, never a crash.  A saved web page is extracted once and the extract kept beside
the corpus, so notes anchor to text that survives a newer extractor.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

from ..atomic import write_atomic
from ..model import Article, Case, Dropped
from .cleaning import Cleaned, clean, split_lines, text_units
from .decoding import decode, read_capped
from .frontmatter import FRONT_MATTER, front_matter
from .markdown import markdown_units

# Where a saved web page's extracted article is kept, beside the corpus (hidden, so
# never loaded twice): notes anchor to it, and it survives a newer extractor.
EXTRACTED = Path(".reconcile") / "extracted"


def load_article(file: Path, rel: str, case: Case | None = None) -> tuple[Article | None, str | None]:
    """One article, or (None, reason) when the file holds no usable text."""
    try:
        data, problem = read_capped(file)
    except OSError as exc:
        return None, f"cannot be read ({exc.strerror})"
    if data is None:
        return None, problem
    text, problem = decode(data)
    if text is None:
        return None, problem
    if not text.strip():
        return None, "empty file"
    warnings = (f"{rel}: {problem}",) if problem else ()
    markdown = file.suffix.lower() in (".md", ".markdown")
    return _from_text(rel, file, text, data, markdown, warnings, case), None


def _from_text(rel: str, file: Path, text: str, data: bytes, markdown: bool, warnings: tuple[str, ...],
               case: Case | None) -> Article:
    """An article from its decoded text: front matter, units, cleaning."""
    meta, body_start, front_drop = front_matter(text)
    warnings += tuple(f"{rel}: {d.reason}" for d in front_drop if d.reason != FRONT_MATTER)
    units = markdown_units(text, body_start) if markdown else text_units(split_lines(text, body_start, len(text)))
    given = case.meta_for(rel) if case else None
    cleaned = clean(text, units, (given and given.title) or _str(meta.get("title")), saved_page=bool(meta))
    dropped = (*front_drop, *cleaned.dropped)
    return _article(rel, file, text, data, meta, cleaned, dropped, warnings, case)


def load_page(file: Path, rel: str, folder: Path, case: Case | None = None) -> tuple[Article | None, str | None]:
    """A saved web page: its article, extracted once and stored beside the corpus.

    The article's text (and every span, and every note's anchor) is the stored
    Markdown, kept until the page itself changes; a folder that cannot be
    written to extracts again on each load, with a warning.
    """
    from .pages import MAX_PAGE_BYTES, PageError, extract, page_sha256, to_markdown

    try:
        if file.stat().st_size > MAX_PAGE_BYTES:
            return None, f"a web page over {MAX_PAGE_BYTES // (1024 * 1024)} MB"
        data = file.read_bytes()
    except OSError as exc:
        return None, f"cannot be read ({exc.strerror})"
    sha = page_sha256(data)
    stored = folder / EXTRACTED / f"{rel}.md"
    text = _stored_extract(stored, sha)
    warnings: tuple[str, ...] = ()
    if text is None:
        html, problem = decode(data)
        if html is None:
            return None, problem
        try:
            text = to_markdown(extract(html), None, sha)
        except PageError as exc:
            return None, str(exc)
        except ImportError as exc:   # a broken install of the extractor: one line, never a traceback
            return None, f"web pages cannot be read here ({str(exc).splitlines()[0]})"
        try:
            stored.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(stored, text.encode(), keep_backup=False)
        except OSError as exc:
            warnings = (f"{rel}: the extracted article could not be stored ({exc.strerror}); "
                        "notes on it may not find their place if the extractor changes",)
    return _from_text(rel, file, text, text.encode(), True, warnings, case), None


def _stored_extract(stored: Path, sha: str) -> str | None:
    """The stored extract of a page, if it was made from these very bytes."""
    try:
        text = stored.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    meta, _, _ = front_matter(text)
    return text if meta.get("page_sha256") == sha else None


def _article(rel: str, file: Path, text: str, data: bytes, meta: dict, cleaned: Cleaned,
             dropped: tuple[Dropped, ...], warnings: tuple[str, ...], case: Case | None) -> Article:
    given = case.meta_for(rel) if case else None
    sources = Counter(p.source for p in cleaned.paragraphs if p.source)
    tagged_outlet = sources.most_common(1)[0][0] if sources else None
    return Article(
        id=rel,
        path=file,
        title=(given and given.title) or _str(meta.get("title")) or cleaned.title,
        outlet=(given and given.outlet) or _str(meta.get("outlet") or meta.get("source")
                                                 or meta.get("publisher")) or tagged_outlet,
        date=(given and given.date) or _str(meta.get("date") or meta.get("published")),
        paragraphs=cleaned.paragraphs,
        dropped=dropped,
        source_text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        warnings=warnings,
        url=(given and given.url) or _str(meta.get("url") or meta.get("link")),
    )


def _str(value: object) -> str | None:
    if value is None or value == "":
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
