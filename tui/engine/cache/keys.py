"""What a cache entry is named by: a hash of everything its content depends on.

The package version and the engine's own source files are in every key, so a changed
engine never reads old results; an analysis's key adds the corpus (every article's path
and bytes, the case file, skipped files, warnings) and the user's links and side fixes;
a corpus's key, the folder's listing and every file's bytes, read without parsing.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

from ..model import Corpus, Link, SideFix

_FORMAT = b"reconcile-analysis-cache-2"


def engine_sources() -> list[Path]:
    """The engine's source files, all of `tui/engine` (this package is one folder down)."""
    return sorted(Path(__file__).resolve().parent.parent.rglob("*.py"))


def _engine_fingerprint() -> bytes:
    """A hash of the engine's source files: a changed engine never reads old results."""
    digest = hashlib.sha256()
    for path in engine_sources():
        digest.update(path.name.encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"?")
    return digest.digest()


def cache_key(corpus: Corpus, links: Sequence[Link] = (), fixes: Sequence[SideFix] = ()) -> str:
    """The hex key of the analysis of `corpus` with these links and fixes."""
    from ... import __version__

    digest = hashlib.sha256(_FORMAT)

    def part(value: str | bytes) -> None:
        data = value.encode("utf-8", "surrogatepass") if isinstance(value, str) else value
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)

    part(__version__)
    part(_engine_fingerprint())
    part(str(corpus.path))
    part(corpus.title)
    part(repr(corpus.skipped))
    part(repr(corpus.warnings))
    part(str(len(corpus.articles)))
    for article in corpus.articles:
        part(article.id)
        part(str(article.path))
        part(article.sha256)
    case_path = corpus.case.path
    part(str(case_path))
    part(repr(corpus.case))
    if case_path is not None:
        try:
            part(Path(case_path).read_bytes())
        except OSError:
            part(b"unreadable case file")  # whatever was loaded, do not trust a cached result
            part(os.urandom(16))
    part(repr(tuple(links)))
    part(repr(tuple(fixes)))
    return digest.hexdigest()


def corpus_key(path: Path, follow_links: bool = False,
               listed: tuple[list[Path], list] | None = None) -> str | None:
    """The hex key of the corpus `load_corpus(path, follow_links)` would load, from the
    folder's listing and every file's bytes (no parsing), or None when it cannot be
    keyed that way: a folder with saved web pages (their extracts are kept apart,
    beside the corpus), or a file that cannot be read or is too large.  `listed`
    is `listing.listing(path, follow_links)` when the caller has it already."""
    from ... import __version__
    from ..text.casefile import CASE_FILE
    from ..text.decoding import MAX_ARTICLE_BYTES
    from ..text.listing import PAGE_SUFFIXES, listing

    path = Path(path)
    try:
        files, skipped = listed if listed is not None else listing(path, follow_links)
    except OSError:
        return None
    digest = hashlib.sha256(_FORMAT + b"-corpus")

    def part(value: str | bytes) -> None:
        data = value.encode("utf-8", "surrogatepass") if isinstance(value, str) else value
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)

    for value in (__version__, _engine_fingerprint(), str(path), str(path.resolve()),
                  repr(follow_links), repr(skipped), str(len(files))):
        part(value)
    folder = path if path.is_dir() else path.parent
    for file in [folder / CASE_FILE, *files]:
        if file.suffix.lower() in PAGE_SUFFIXES:
            return None
        try:
            if file.stat().st_size > MAX_ARTICLE_BYTES:
                return None
            part(str(file))
            part(file.read_bytes())
        except FileNotFoundError:
            part(b"absent")
        except OSError:
            return None
    return digest.hexdigest()


def link_key(corpus_key: str, notes_file: Path) -> str:
    """The key of the link from a cached corpus and this notes file to its analysis."""
    digest = hashlib.sha256(_FORMAT + b"-link")
    digest.update(corpus_key.encode())
    digest.update(str(notes_file).encode("utf-8", "surrogatepass") + b"\0")
    try:
        digest.update(b"file\0" + notes_file.read_bytes())
    except FileNotFoundError:
        digest.update(b"absent")
    except OSError:
        digest.update(os.urandom(16))  # unreadable: never the same link twice
    return digest.hexdigest()
