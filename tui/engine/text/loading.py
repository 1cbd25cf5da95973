"""Load a folder of article files into a Corpus.

Files are untrusted: they may be binary, mis-encoded, empty or huge.  Each
problem becomes a warning or a skipped entry naming the file, never a crash.
Offsets everywhere are character offsets into the decoded text of the file.
"""

from __future__ import annotations

import codecs
import hashlib
import multiprocessing
import os
import re
import stat
from collections import Counter
from collections.abc import Callable, Collection
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..atomic import write_atomic
from ..environment import turned_off
from ..model import Article, Case, Corpus, Dropped, Skipped, path_text
from ..tomlcompat import parse as parse_toml
from ..tomlcompat import tomllib
from .casefile import read_case
from .cleaning import Cleaned, Line, Unit, clean, is_list_block, split_lines, text_units

if TYPE_CHECKING:   # imported on the first Markdown file only
    from markdown_it import MarkdownIt

PAGE_SUFFIXES = (".html", ".htm")
MAX_ARTICLE_BYTES = 64 * 1024 * 1024   # a book is ~1 MB; a bigger "article" is a log or a dump
ARTICLE_SUFFIXES = (".md", ".markdown", ".txt", *PAGE_SUFFIXES)
# Where a saved web page's extracted article is kept, beside the corpus (hidden, so
# never loaded twice): notes anchor to it, and it survives a newer extractor.
EXTRACTED = Path(".reconcile") / "extracted"
OWN_FILES = re.compile(r"^(reconcile\.toml|reconcile-notes\.toml(\.bak)?|.*\.tmp)$")
FRONT_MATTER = "front matter (metadata)"
_TOML_FRONT = re.compile(r"\A\+\+\+[ \t]*\r?\n(.*?)^\+\+\+[ \t]*(\r?\n|\Z)", re.S | re.M)
_YAML_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*(\r?\n|\Z)", re.S | re.M)
_KEY_VALUE = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(.*)")   # linear: no lazy group before \s*$


_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),   # before UTF-16's:
              (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))  # FF FE starts both


class CorpusError(ValueError):
    """A corpus that cannot be opened; str() is a one-line message for users."""


def load_corpus(path: Path, follow_links: bool = False, only: Collection[Path] | None = None,
                progress: Callable[[str, int, int], None] | None = None) -> Corpus:
    """Load every article under `path` (a folder, or a single article file).

    A corpus can come from someone else, so links that lead out of its folder
    (to a key, to /etc/passwd) are skipped and listed unless `follow_links`;
    FIFOs, sockets and devices are never read (they hang or never end).
    `only` reads only those of the folder's text articles (files `listing`
    gave) and nothing else: the reader's preview of a large corpus.
    `progress` receives ("loading", done, total) as text articles are read.
    """
    path = Path(path)
    if not path.exists():
        raise CorpusError(f"{path}: no such file or folder")
    if not path.is_dir() and not _regular(path):
        raise CorpusError(f"{path}: not a folder or a regular file")
    folder = path if path.is_dir() else path.parent
    case = read_case(folder)
    skipped: list[Skipped] = []
    if only is not None:  # listed by the caller (`listing`): the folder is not walked again
        files = sorted(file for file in only if _text_article(file))
    elif path.is_dir():
        files, skipped = _files(folder, follow_links)
    else:
        files = [path]
    articles: list[Article] = []
    texts = [(file, path_text(file.relative_to(folder).as_posix())) for file in files
             if file.suffix.lower() in ARTICLE_SUFFIXES and file.suffix.lower() not in PAGE_SUFFIXES]
    loaded = dict(zip((file for file, _ in texts), _load_articles(texts, case, progress)))
    for file in files:
        rel = path_text(file.relative_to(folder).as_posix())
        if file.suffix.lower() not in ARTICLE_SUFFIXES:
            skipped.append(Skipped(rel, f"not an article file ({file.suffix or 'no extension'})"))
            continue
        if file.suffix.lower() in PAGE_SUFFIXES:
            article, problem = load_page(file, rel, folder, case)
        else:
            article, problem = loaded[file]
        if article is None:
            skipped.append(Skipped(rel, problem or "unreadable"))
        else:
            articles.append(article)
    if not articles:
        raise CorpusError(f"{path}: no articles (.md, .txt or .html files with text) found")
    warnings = tuple(f"{s.path}: skipped, {s.reason}" for s in skipped)
    warnings += tuple(w for a in articles for w in a.warnings)
    title = case.title or path_text(folder.resolve().name)
    return Corpus(folder, title, case, tuple(articles), tuple(skipped), warnings, follow_links)


#: From this many text articles on, they are read and cleaned in a process pool (when the
#: machine has more than one core and can fork): each is independent and CPU-bound, and
#: below this the pool's start costs more than it saves.
POOL_MIN_ARTICLES = 200


def _load_articles(texts: list[tuple[Path, str]], case: Case | None,
                   progress: Callable[[str, int, int], None] | None = None
                   ) -> list[tuple[Article | None, str | None]]:
    """load_article for each (file, rel), in order; in a process pool for a large corpus.

    Why a pool: reading, parsing and cleaning are a quarter of a thousand-article
    analysis, and articles do not depend on each other.  Results come back in
    the files' order, so the corpus is the same as when loaded in one process.
    `RECONCILE_NO_POOL=1` keeps it in one process.
    """
    report = progress or (lambda stage, done, total: None)

    def serially() -> list[tuple[Article | None, str | None]]:
        out: list[tuple[Article | None, str | None]] = []
        for number, (file, rel) in enumerate(texts):
            if number % 50 == 0:
                report("loading", number, len(texts))
            out.append(load_article(file, rel, case))
        return out

    workers = min(4, os.cpu_count() or 1)
    if len(texts) < POOL_MIN_ARTICLES or workers < 2 or turned_off("pool"):
        return serially()
    try:
        context = multiprocessing.get_context("fork")
    except ValueError:   # no fork (Windows): one process
        return serially()
    chunk = max(1, len(texts) // (workers * 8))
    try:
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            out: list[tuple[Article | None, str | None]] = []
            for result in pool.map(_load_one, texts, [case] * len(texts), chunksize=chunk):
                if len(out) % chunk == 0:
                    report("loading", len(out), len(texts))
                out.append(result)
            return out
    except (OSError, BrokenProcessPool):   # no processes to be had: do it here
        return serially()


def _load_one(item: tuple[Path, str], case: Case | None) -> tuple[Article | None, str | None]:
    file, rel = item
    return load_article(file, rel, case)


def _text_article(file: Path) -> bool:
    suffix = file.suffix.lower()
    return suffix in ARTICLE_SUFFIXES and suffix not in PAGE_SUFFIXES


def listing(path: Path, follow_links: bool = False) -> tuple[list[Path], list[Skipped]]:
    """The files `load_corpus(path)` would read, in its order, and the entries it skips
    (the reader sizes its preview and keys its corpus cache by them without loading)."""
    path = Path(path)
    if path.is_dir():
        return _files(path, follow_links)
    return ([path] if _regular(path) else []), []


def _files(folder: Path, follow_links: bool) -> tuple[list[Path], list[Skipped]]:
    """Files under folder in a stable order, without hidden entries or our own files,
    and the entries that are not read: links out of the folder, non-regular files."""
    root = folder.resolve()
    out: list[Path] = []
    skipped: list[Skipped] = []
    for file in sorted(folder.rglob("*")):
        rel = file.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts) or OWN_FILES.match(file.name):
            continue
        problem = _unreadable_entry(file, root, follow_links)
        if problem:
            skipped.append(Skipped(path_text(rel.as_posix()), problem))
        elif _regular(file):
            out.append(file)
    return out, skipped


def _unreadable_entry(file: Path, root: Path, follow_links: bool) -> str | None:
    """Why the entry at `file` must not be read, or None (folders are walked, not read)."""
    if file.is_symlink():
        try:
            target = file.resolve(strict=True)
        except (OSError, RuntimeError):
            return "a broken link"
        if not follow_links and not target.is_relative_to(root):
            return "a link out of the corpus folder (--follow-links reads it)"
    try:
        mode = file.stat().st_mode
    except OSError as exc:
        return f"unreadable ({exc.strerror or exc})"
    if stat.S_ISDIR(mode) or stat.S_ISREG(mode):
        return None
    return "not a regular file (a FIFO, socket or device)"


def _regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def decode(data: bytes) -> tuple[str | None, str | None]:
    """Text of a file and a warning; (None, reason) for binary data.

    UTF-16 and UTF-32 files (Windows tools save them) are known by their
    byte-order mark: their NULs are text, not a sign of binary data.
    """
    for bom, codec in _WIDE_BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), None
            except UnicodeDecodeError as exc:
                return data.decode(codec, errors="replace"), \
                    f"not valid {codec.upper()} at byte {exc.start}; decoded with replacement characters"
    if _binary(data[:8192]):
        return None, "binary file"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8-sig", errors="replace")
        return text, f"not valid UTF-8 at byte {exc.start}; decoded with replacement characters"


def _binary(head: bytes) -> bool:
    """NULs or many control bytes in the first 8 KiB (a wide-BOM text file is not binary)."""
    if head.startswith(tuple(bom for bom, _ in _WIDE_BOMS)):
        return False
    return b"\x00" in head or _control_ratio(head) > 0.1


def _control_ratio(data: bytes) -> float:
    if not data:
        return 0.0
    controls = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(data)


def load_article(file: Path, rel: str, case: Case | None = None) -> tuple[Article | None, str | None]:
    """One article, or (None, reason) when the file holds no usable text."""
    try:
        data, problem = _read_capped(file)
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
    cleaned = clean(text, units, (given and given.title) or _str(meta.get("title")))
    dropped = (*front_drop, *cleaned.dropped)
    return _article(rel, file, text, data, meta, cleaned, dropped, warnings, case)


def _read_capped(file: Path) -> tuple[bytes | None, str | None]:
    """The file's bytes, or (None, why) for one too large to be an article or binary at its
    start: decided from its size and first 8 KiB, before the rest is read (a 3 GiB log,
    a 1 GiB file of NULs)."""
    with file.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > MAX_ARTICLE_BYTES:
            return None, f"too large for an article ({size // (1024 * 1024)} MB; the limit is " \
                         f"{MAX_ARTICLE_BYTES // (1024 * 1024)} MB)"
        head = handle.read(8192)
        if _binary(head):
            return None, "binary file"
        return head + handle.read(MAX_ARTICLE_BYTES + 1 - len(head)), None


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
    )


def _str(value: object) -> str | None:
    if value is None or value == "":
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def front_matter(text: str) -> tuple[dict, int, tuple[Dropped, ...]]:
    """Metadata from a `+++` TOML or `---` key: value block at the top of a file."""
    for pattern, read in ((_TOML_FRONT, _parse_toml), (_YAML_FRONT, _parse_key_values)):
        match = pattern.match(text)
        if match:
            meta, problem = read(match.group(1))
            reason = f"front matter (not valid TOML, ignored: {problem})" if problem else FRONT_MATTER
            drop = Dropped(0, match.end(), match.group(0).rstrip("\r\n"), reason)
            return meta, match.end(), (drop,)
    return {}, 0, ()


def _parse_toml(block: str) -> tuple[dict, str | None]:
    try:
        return parse_toml(block), None
    except tomllib.TOMLDecodeError as exc:
        return {}, str(exc)


def _parse_key_values(block: str) -> tuple[dict, str | None]:
    meta = {}
    for line in block.splitlines():
        match = _KEY_VALUE.fullmatch(line.strip())
        if match:
            meta[match.group(1).lower()] = match.group(2).strip().strip("\"'")
    return meta, None


@cache
def _markdown() -> MarkdownIt:
    """The CommonMark parser, built on first use: plain-text corpora never import markdown-it."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


_BLOCK_KINDS = {"heading_open": "heading", "html_block": "html", "fence": "code",
                "code_block": "code", "hr": "rule", "table_open": "table"}


def markdown_units(text: str, body_start: int) -> list[Unit]:
    """Units of a Markdown file from markdown-it's block tokens and their line maps."""
    lines = split_lines(text, body_start, len(text))
    tokens = _markdown().parse(text[body_start:])
    units: list[Unit] = []
    skip_until = -1
    for token in tokens:
        if token.map is None or token.map[0] < skip_until:
            continue
        block = [ln for ln in lines[token.map[0]:token.map[1]] if ln.text.strip()]
        if not block:
            continue
        if token.type in ("bullet_list_open", "ordered_list_open") and is_list_block(block):
            units.append(Unit(block, "list", "list of headlines or links"))
            skip_until = token.map[1]
        elif token.type in _BLOCK_KINDS:
            kind = _BLOCK_KINDS[token.type]
            units.append(Unit(block, kind, None if kind == "heading" else f"{kind} block"))
            skip_until = token.map[1]
        elif token.type == "paragraph_open":
            units.append(Unit([Line(ln.start + _indent(ln.text), ln.end, ln.text.strip()) for ln in block]))
    return units


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())
