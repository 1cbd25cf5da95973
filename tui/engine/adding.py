"""Add articles by URL: fetch each page, take out its article, and write it into a corpus.

Users have links, not tidy files.  For each URL the page is fetched (within a
time limit and a size limit, following a bounded number of redirects), its
article extracted (`pages`), and written as `NN_site.md` with TOML front
matter (title, outlet, author, date, url, fetched time, the page's sha256);
the raw page is kept under `FOLDER/.pages/` for provenance.  A URL already
in the folder, or the same text under another URL, is not added twice;
nothing is overwritten without `force`.  Every failure is one line naming the
URL and the reason, and the other URLs are still added.
"""

from __future__ import annotations

import re
import socket
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .atomic import write_atomic
from .text.frontmatter import front_matter
from .text.pages import MAX_PAGE_BYTES, PageError, extract, now, page_sha256, text_key, to_markdown

PAGES = ".pages"   # raw pages, beside the articles they became (hidden: never loaded)
MAX_REDIRECTS = 10
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_NUMBERED = re.compile(r"^(\d+)_")
_CHARSET = re.compile(r"charset=([\w-]+)", re.I)


@dataclass(frozen=True)
class Added:
    """What became of one URL: the file written, or the one it duplicates, or why not."""

    url: str
    file: Path | None = None
    duplicate_of: Path | None = None
    problem: str | None = None


class FetchError(Exception):
    """A page that could not be fetched; str() is a one-line reason."""


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS
    max_repeats = 2


def fetch(url: str, timeout: float) -> tuple[str, bytes, str | None]:
    """(final URL, body, charset) of an HTML page, or FetchError with the reason."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise FetchError("not an http(s) address")
    opener = urllib.request.build_opener(_Redirects())
    request = urllib.request.Request(url, headers={"User-Agent": "reconcile (+article reader)",
                                                   "Accept": "text/html,application/xhtml+xml"})
    try:
        with opener.open(request, timeout=timeout) as response:
            kind = response.headers.get_content_type()
            if kind not in _HTML_TYPES:
                raise FetchError(f"not an HTML page ({kind})")
            size = response.headers.get("Content-Length")
            if size and size.isdigit() and int(size) > MAX_PAGE_BYTES:
                raise FetchError(f"larger than {MAX_PAGE_BYTES // (1024 * 1024)} MB")
            body = response.read(MAX_PAGE_BYTES + 1)
            if len(body) > MAX_PAGE_BYTES:
                raise FetchError(f"larger than {MAX_PAGE_BYTES // (1024 * 1024)} MB")
            charset = _CHARSET.search(response.headers.get("Content-Type", ""))
            return response.geturl(), body, charset.group(1) if charset else None
    except urllib.error.HTTPError as exc:
        if exc.code in (301, 302, 303, 307, 308):
            raise FetchError("too many redirects (a redirect loop?)") from None
        raise FetchError(f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, (TimeoutError, socket.timeout)):
            raise FetchError(f"no answer within {timeout:g} s") from None
        raise FetchError(f"cannot connect ({exc.reason})") from None
    except TimeoutError:   # socket.timeout is its alias
        raise FetchError(f"no answer within {timeout:g} s") from None
    except (OSError, ValueError) as exc:
        raise FetchError(f"cannot fetch ({exc})") from None


def add_urls(urls: Iterable[str], folder: Path, force: bool = False, timeout: float = 20.0,
             progress: Callable[[int, int, Added], None] | None = None) -> list[Added]:
    """Fetch, extract and write each URL into `folder`; one `Added` per URL, in order."""
    folder.mkdir(parents=True, exist_ok=True)
    urls = list(dict.fromkeys(u.strip() for u in urls if u.strip()))
    known = _known(folder)
    out: list[Added] = []
    for k, url in enumerate(urls, 1):
        result = _add_one(url, folder, known, force, timeout)
        out.append(result)
        if progress:
            progress(k, len(urls), result)
    return out


def _add_one(url: str, folder: Path, known: dict[str, Path], force: bool, timeout: float) -> Added:
    if url in known and not force:
        return Added(url, duplicate_of=known[url])
    try:
        final, body, charset = fetch(url, timeout)
        page = extract(body.decode(charset or "utf-8", errors="replace"), final)
    except (FetchError, PageError) as exc:
        return Added(url, problem=str(exc))
    except LookupError:
        return Added(url, problem=f"unknown text encoding ({charset})")
    key = text_key(page.paragraphs)
    same = known.get(url) or known.get(final)
    if key in known and not (force and same == known[key]):
        return Added(url, duplicate_of=known[key])
    target = same if force and same else _new_name(folder, final)
    sha = page_sha256(body)
    raw = folder / PAGES / f"{target.stem}.html"
    raw.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(raw, body, keep_backup=False)
    write_atomic(target, to_markdown(page, url, sha, now()).encode(), keep_backup=False)
    known.update({url: target, final: target, key: target})
    return Added(url, file=target)


def _known(folder: Path) -> dict[str, Path]:
    """The URLs and text keys of the Markdown articles already in `folder`."""
    out: dict[str, Path] = {}
    for file in sorted(folder.glob("*.md")):
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        meta, body_start, _ = front_matter(text)
        if isinstance(meta.get("url"), str):
            out[meta["url"]] = file
        paragraphs = [p for p in re.split(r"\n\s*\n", text[body_start:]) if p.strip()]
        out[meta["text_sha256"] if isinstance(meta.get("text_sha256"), str) else text_key(paragraphs)] = file
    return out


def _new_name(folder: Path, url: str) -> Path:
    """`NN_site.md`: the next number in the folder and the site's name."""
    numbers = [int(m.group(1)) for f in folder.iterdir() if (m := _NUMBERED.match(f.name))]
    host = (urlsplit(url).hostname or "page").removeprefix("www.")
    site = re.sub(r"[^a-z0-9-]+", "-", host.split(".")[0].lower()).strip("-") or "page"
    n = max(numbers, default=0) + 1
    while (path := folder / f"{n:02d}_{site}.md").exists():
        n += 1
    return path
