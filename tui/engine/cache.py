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
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import pickle
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from .environment import turned_off
from .model import Analysis, Corpus, Link, SideFix
from .atomic import write_atomic
from .userdirs import user_dir

KEEP = 20                  # entries kept in the folder (newest first)
SUFFIX = ".analysis"
_STALE_TEMP = 3600         # seconds after which a leftover temporary file is removed
_FORMAT = b"reconcile-analysis-cache-1"
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
    folder = cache_dir() if folder is None else folder
    if folder is None:
        return None
    secret = _secret()
    if secret is None:
        return None
    path = folder / f"{key}{SUFFIX}"
    try:
        data = path.read_bytes()
    except OSError:
        return None
    mac, body = data[:_KEY_BYTES], data[_KEY_BYTES:]
    if not hmac.compare_digest(mac, _mac(secret, body)):
        return None  # not written by this user's reconcile: never unpickled
    try:
        analysis = pickle.loads(body)
    except Exception:  # a damaged entry: a miss, rewritten by the next store
        return None
    if not isinstance(analysis, Analysis):
        return None
    try:
        os.utime(path)  # recently used entries survive pruning
    except OSError:
        pass
    return analysis


def store(key: str, analysis: Analysis, folder: Path | None = None) -> bool:
    """Write the entry atomically and prune the folder; False when it could not be written."""
    folder = cache_dir() if folder is None else folder
    secret = _secret()
    if folder is None or secret is None:
        return False
    try:
        data = pickle.dumps(analysis, protocol=pickle.HIGHEST_PROTOCOL)
        write_atomic(folder / f"{key}{SUFFIX}", _mac(secret, data) + data, keep_backup=False, durable=False)
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
    entries = []
    now = time.time()
    for entry in names:
        try:
            if entry.name.endswith(SUFFIX):
                entries.append((entry.stat().st_mtime, entry.path))
            elif entry.name.endswith(".tmp") and now - entry.stat().st_mtime > _STALE_TEMP:
                os.unlink(entry.path)
        except OSError:
            continue
    entries.sort(reverse=True)
    for _, path in entries[keep:]:
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
