"""The cache's files: each entry signed with an HMAC under a per-user key, written
atomically, and the folder pruned to its newest entries.

Unpickling runs code and a cache folder can be shared or planted: an entry whose MAC
does not verify under this user's key (`cache.key` in the data folder, mode 0600) is
never returned, so never unpickled; without a usable key the cache is off.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import time
from pathlib import Path

from ..atomic import write_atomic
from ..environment import turned_off
from ..userdirs import user_dir

KEEP = 20                  # entries kept in the folder (newest first)
SUFFIX = ".analysis"
CORPUS_SUFFIX = ".corpus"
LINK_SUFFIX = ".link"
_STALE_TEMP = 3600         # seconds after which a leftover temporary file is removed
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
    import secrets  # only a first launch creates the key

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except OSError:
        return
    with os.fdopen(fd, "wb") as file:
        file.write(secrets.token_bytes(_KEY_BYTES))


def _mac(key: bytes, data: bytes) -> bytes:
    return hmac.new(key, data, hashlib.sha256).digest()


def read_entry(name: str, folder: Path | None) -> bytes | None:
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


def write_entry(name: str, body: bytes, folder: Path | None) -> bool:
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

