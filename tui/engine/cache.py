"""A disk cache of finished analyses, so a second launch on the same corpus skips the engine.

An entry is the pickled `Analysis`, named by a hash of everything the result
depends on: the package version, the engine's own source files, every
article's path and bytes (`Article.sha256`), the case file's bytes and
what was read from it, the
corpus's skipped files and warnings, and the user's links and side fixes
passed to `analyse`.  Change any of them and the key changes: the cache can
save time, never change a result.

The folder is `platformdirs.user_cache_dir("reconcile")`, or
`RECONCILE_CACHE_DIR`; `RECONCILE_NO_CACHE=1` turns the cache off.  Entries
are written atomically (temporary file, then `os.replace`); an entry that
cannot be read or unpickled is treated as a miss and rewritten, never an
error.  Only the newest `KEEP` entries are kept.

Unpickling runs code, and a cache folder can be shared or planted, so every
entry starts with an HMAC-SHA256 of its bytes under a per-user key kept
outside the cache (`cache.key` in the user's data folder, mode 0600).  An
entry whose MAC does not verify is never unpickled; without a usable key the
cache is off.

An entry holds the analysis as two pickles, the part the reader's first
paint needs (corpus, attributions, facts) and the pairs: the reader's engine
child sends the first as soon as it is read and the pairs after it, so a
large corpus shows its disputes before the pairs are unpickled (`split`,
`load_parts`).  A second kind of entry (`.corpus`) holds a loaded corpus,
named by a hash of the folder's listing and every file's bytes
(`corpus_key`): a warm launch on a large folder skips reading and cleaning
it.  A third (`.link`) names the analysis entry of a corpus key and a notes
file's bytes, so that a warm launch finds the analysis without unpickling the
corpus to compute its key.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import pickle
import struct
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from .environment import turned_off
from .model import Analysis, Corpus, Link, SideFix
from .atomic import write_atomic
from .userdirs import user_dir

KEEP = 20                  # entries kept in the folder (newest first)
SUFFIX = ".analysis"
CORPUS_SUFFIX = ".corpus"
LINK_SUFFIX = ".link"
_LENGTH = struct.Struct("<Q")
_STALE_TEMP = 3600         # seconds after which a leftover temporary file is removed
_FORMAT = b"reconcile-analysis-cache-2"
_KEY_FILE = "cache.key"
_KEY_BYTES = 32


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is turned off."""
    if turned_off("cache"):
        return None
    return user_dir("cache")


def _secret() -> bytes | None:
    """The per-user key that signs entries, created on first use; None when unusable."""
    path = user_dir("data") / _KEY_FILE
    for _ in range(2):
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except FileNotFoundError:
            _create_secret(path)
            continue
        except OSError:
            return None
        with os.fdopen(fd, "rb") as file:
            key = file.read(_KEY_BYTES + 1)
        return key if len(key) == _KEY_BYTES else None
    return None


def _create_secret(path: Path) -> None:
    """Write a new random key, readable by the user only; a race leaves one of the two."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except OSError:
        return
    with os.fdopen(fd, "wb") as file:
        file.write(secrets.token_bytes(_KEY_BYTES))


def _mac(key: bytes, data: bytes) -> bytes:
    return hmac.new(key, data, hashlib.sha256).digest()


def _engine_fingerprint() -> bytes:
    """A hash of the engine's source files: a changed engine never reads old results."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).resolve().parent.rglob("*.py")):
        digest.update(path.name.encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"?")
    return digest.digest()


def cache_key(corpus: Corpus, links: Sequence[Link] = (), fixes: Sequence[SideFix] = ()) -> str:
    """The hex key of the analysis of `corpus` with these links and fixes."""
    from .. import __version__

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


def load(key: str, folder: Path | None = None) -> Analysis | None:
    """The cached analysis for `key`, or None (missing, unreadable, corrupt, cache off)."""
    parts = load_parts(key, folder)
    if parts is None:
        return None
    try:
        analysis = join(pickle.loads(parts[0]), pickle.loads(parts[1]))
    except Exception:  # a damaged entry: a miss, rewritten by the next store
        return None
    return analysis


def load_parts(key: str, folder: Path | None = None) -> tuple[bytes, bytes] | None:
    """The entry's two pickles (see `split`), verified but not unpickled, or None."""
    body = _read_entry(f"{key}{SUFFIX}", folder)
    if body is None or len(body) < _LENGTH.size:
        return None
    (size,) = _LENGTH.unpack_from(body)
    start = _LENGTH.size
    if start + size > len(body):
        return None
    return body[start:start + size], body[start + size:]


def split(analysis: Analysis) -> tuple[bytes, bytes]:
    """The analysis as two pickles: without its pairs (all the disputes screen shows), and
    (pairs, article_similarity), which are most of its size and unpickling time."""
    lean = replace(analysis, pairs=(), article_similarity=())
    return (pickle.dumps(lean, protocol=pickle.HIGHEST_PROTOCOL),
            pickle.dumps((analysis.pairs, analysis.article_similarity), protocol=pickle.HIGHEST_PROTOCOL))


def join(lean: object, rest: object) -> Analysis:
    """The analysis `split` took apart; TypeError for parts that are not one."""
    if not isinstance(lean, Analysis) or not isinstance(rest, tuple) or len(rest) != 2:
        raise TypeError("not a split analysis")
    return replace(lean, pairs=rest[0], article_similarity=rest[1])


def _read_entry(name: str, folder: Path | None) -> bytes | None:
    """The body of the entry `name` if its MAC verifies under this user's key, else None."""
    folder = cache_dir() if folder is None else folder
    if folder is None:
        return None
    secret = _secret()
    if secret is None:
        return None
    path = folder / name
    try:
        data = path.read_bytes()
    except OSError:
        return None
    mac, body = data[:_KEY_BYTES], data[_KEY_BYTES:]
    if not hmac.compare_digest(mac, _mac(secret, body)):
        return None  # not written by this user's reconcile: never unpickled
    try:
        os.utime(path)  # recently used entries survive pruning
    except OSError:
        pass
    return body


def store(key: str, analysis: Analysis, folder: Path | None = None,
          parts: tuple[bytes, bytes] | None = None) -> bool:
    """Write the entry atomically and prune the folder; False when it could not be written.

    `parts` is `split(analysis)` when the caller has it already.
    """
    try:
        lean, rest = parts or split(analysis)
    except Exception:
        return False
    return _write_entry(f"{key}{SUFFIX}", _LENGTH.pack(len(lean)) + lean + rest, folder)


def _write_entry(name: str, body: bytes, folder: Path | None) -> bool:
    folder = cache_dir() if folder is None else folder
    secret = _secret()
    if folder is None or secret is None:
        return False
    try:
        write_atomic(folder / name, _mac(secret, body) + body, keep_backup=False, durable=False)
    except Exception:  # a full disk or a read-only folder costs speed, not the result
        return False
    prune(folder)
    return True


def prune(folder: Path, keep: int = KEEP) -> None:
    """Keep the newest `keep` entries; remove old leftover temporary files."""
    try:
        names = list(os.scandir(folder))
    except OSError:
        return
    entries: dict[str, list[tuple[float, str]]] = {SUFFIX: [], CORPUS_SUFFIX: [], LINK_SUFFIX: []}
    now = time.time()
    for entry in names:
        try:
            kind = next((suffix for suffix in entries if entry.name.endswith(suffix)), None)
            if kind is not None:
                entries[kind].append((entry.stat().st_mtime, entry.path))
            elif entry.name.endswith(".tmp") and now - entry.stat().st_mtime > _STALE_TEMP:
                os.unlink(entry.path)
        except OSError:
            continue
    for found in entries.values():  # each kind keeps its own newest `keep`
        found.sort(reverse=True)
        for _, path in found[keep:]:
            try:
                os.unlink(path)
            except OSError:
                pass


def analyse_cached(corpus: Corpus, links: Sequence[Link] = (), fixes: Sequence[SideFix] = (),
                   progress: Callable[[str, int, int], None] | None = None) -> Analysis:
    """`analyse(corpus, links, fixes, progress)`, read from the cache when it is there."""
    folder = cache_dir()
    key = cache_key(corpus, links, fixes) if folder is not None else None
    if key is not None:
        cached = load(key, folder)
        if cached is not None:
            return cached
    from .analysis import analyse

    analysis = analyse(corpus, links, fixes, progress)
    if key is not None:
        store(key, analysis, folder)
    return analysis


def cached_parts(corpus: Corpus, links: Sequence[Link] = (),
                 fixes: Sequence[SideFix] = ()) -> tuple[bytes, bytes] | None:
    """The cached entry's two pickles for this analysis (see `split`), or None."""
    folder = cache_dir()
    return load_parts(cache_key(corpus, links, fixes), folder) if folder is not None else None


def analysed_parts(corpus: Corpus, links: Sequence[Link] = (), fixes: Sequence[SideFix] = (),
                   progress: Callable[[str, int, int], None] | None = None) -> tuple[bytes, bytes]:
    """`split(analyse_cached(...))`, a cached entry's pickles forwarded as they are (the
    reader's engine child sends them on; unpickling them here would only cost time)."""
    parts = cached_parts(corpus, links, fixes)
    if parts is not None:
        return parts
    from .analysis import analyse

    analysis = analyse(corpus, links, fixes, progress)
    parts = split(analysis)
    folder = cache_dir()
    if folder is not None:
        store(cache_key(corpus, links, fixes), analysis, folder, parts)
    return parts


def corpus_key(path: Path, follow_links: bool = False,
               listed: tuple[list[Path], list] | None = None) -> str | None:
    """The hex key of the corpus `load_corpus(path, follow_links)` would load, from the
    folder's listing and every file's bytes (no parsing), or None when it cannot be
    keyed that way: a folder with saved web pages (their extracts are kept apart,
    beside the corpus), or a file that cannot be read or is too large.  `listed`
    is `loading.listing(path, follow_links)` when the caller has it already."""
    from .. import __version__
    from .text.casefile import CASE_FILE
    from .text.loading import MAX_ARTICLE_BYTES, PAGE_SUFFIXES, listing

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


def load_corpus_entry(key: str, folder: Path | None = None) -> Corpus | None:
    """The corpus cached under `key` (see `corpus_key`), or None."""
    body = _read_entry(f"{key}{CORPUS_SUFFIX}", folder)
    if body is None:
        return None
    try:
        corpus = pickle.loads(body)
    except Exception:
        return None
    return corpus if isinstance(corpus, Corpus) else None


def store_corpus(key: str, corpus: Corpus, folder: Path | None = None) -> bool:
    """Keep a loaded corpus under `key`; False when it could not be written."""
    try:
        body = pickle.dumps(corpus, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:
        return False
    return _write_entry(f"{key}{CORPUS_SUFFIX}", body, folder)


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


def load_link(key: str, folder: Path | None = None) -> str | None:
    """The analysis key the link `key` names, or None."""
    body = _read_entry(f"{key}{LINK_SUFFIX}", folder)
    if body is None or len(body) != 64:
        return None
    try:
        return body.decode("ascii")
    except UnicodeDecodeError:
        return None


def store_link(key: str, analysis_key: str, folder: Path | None = None) -> bool:
    return _write_entry(f"{key}{LINK_SUFFIX}", analysis_key.encode("ascii"), folder)
