"""Write a file so that a crash at any moment leaves the old or the new version.

The notes file holds a fact-checker's work, so it is never written in place:
the new text goes to a hidden temporary file in the same folder (same file
system, so the final rename is atomic), is flushed and fsynced, and only then
replaces the old file with `os.replace`.  The previous version is kept as
`<name>.bak`, itself written the same way.  Temporary names start with a dot
and end in `.tmp`, so the corpus loader never mistakes them for articles.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _random_tag() -> str:
    """Eight random hex digits for a temporary name: `secrets.token_hex(4)` itself, without
    importing `secrets` (with `random`, `base64` and `hmac`) where a folder is only probed."""
    return os.urandom(4).hex()


def backup_path(path: Path) -> Path:
    """Where the previous version of `path` is kept."""
    return path.with_name(path.name + ".bak")


def write_atomic(path: Path, data: bytes, keep_backup: bool = True, durable: bool = True) -> None:
    """Replace `path` by `data` atomically, keeping the old version as `.bak`.

    `durable=False` skips the fsyncs: still never half a file, but a crash may
    lose the write (right for a cache, where a lost entry only costs time).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = writable_mode(path)
    tmp = _write_temp(path, data, durable, mode)
    try:
        if keep_backup and mode is not None:
            _replace_with(backup_path(path), path.read_bytes(), mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    if durable:
        _fsync_dir(path.parent)
    sweep_temps(path)


def sweep_temps(path: Path, older_than: float = 600.0) -> int:
    """Remove temporaries left by writers killed mid-save (only old ones: a live
    writer's temp is seconds old).  Returns how many were removed."""
    import time

    removed = 0
    for tmp in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            if time.time() - tmp.stat().st_mtime > older_than:
                tmp.unlink()
                removed += 1
    return removed


def writable_mode(path: Path) -> int | None:
    """The permission bits a new version of `path` keeps (None: no file yet).

    Raises OSError, with a message for the user, for what must not be replaced:
    a link (a planted one would send the write elsewhere; replacing it would
    cut the user's own), something that is not a regular file, and a file its
    owner made read-only (root could write it, but the owner said no).
    """
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(info.st_mode):
        raise OSError(f"{path}: is a link; reconcile does not write through links (name its target instead)")
    if not stat.S_ISREG(info.st_mode):
        raise OSError(f"{path}: not a regular file")
    if not info.st_mode & 0o222:
        raise OSError(f"{path}: file is read-only")
    return stat.S_IMODE(info.st_mode)


def _replace_with(path: Path, data: bytes, mode: int | None = None) -> None:
    """Atomically make `path` hold `data` (no backup of its own)."""
    tmp = _write_temp(path, data, mode=mode)
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _write_temp(path: Path, data: bytes, durable: bool = True, mode: int | None = None) -> Path:
    """A fully written (and, when `durable`, fsynced) hidden temporary file beside `path`,
    with permission bits `mode` (the umask's default when None)."""
    tmp = path.with_name(f".{path.name}.{_random_tag()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o644 if mode is None else 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            if mode is not None and hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), mode)
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return tmp


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); harmless where unsupported."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Serialise check-then-write between processes sharing one notes file.

    The lock is a hidden sibling file (`.<name>.lock`): locking the notes file
    itself would not work, because `os.replace` swaps it for a new inode.
    `filelock` locks on POSIX and on Windows alike (an fcntl lock did nothing
    on Windows), and refuses a planted link at the lock's name (O_NOFOLLOW).
    It is imported here, when a note is saved, never on the way to the first paint.
    """
    from filelock import FileLock

    path.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(path.with_name(f".{path.name}.lock"), mode=0o600):
        yield


def can_write_in(folder: Path) -> bool:
    """True when a file can really be created in `folder`.

    `os.access` is not enough: it says yes to root on a read-only mount and
    knows nothing about some network file systems, so we try it.
    """
    probe = folder / f".reconcile-probe-{_random_tag()}.tmp"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except OSError:
        return False
    os.close(fd)
    with contextlib.suppress(OSError):
        probe.unlink()
    return True
