"""Where a corpus's notes file lives: beside the corpus, or in the user data folder for
the bundled sample and folders that cannot be written."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from ..atomic import can_write_in
from ..userdirs import user_dir

NOTES_FILE = "reconcile-notes.toml"  # here, not in `records`: finding it needs no records


def data_dir() -> Path:
    """The per-user folder for notes of read-only corpora (env var overrides)."""
    return user_dir("data")


def default_notes_path(corpus_path: Path) -> Path:
    """`reconcile-notes.toml` beside the corpus when we can write there, else the data dir.

    The bundled sample may sit inside a read-only installation, and a corpus
    may live on a read-only share: their notes go to a per-corpus file in the
    user's data folder, named from a hash of the corpus path so two corpora
    never share one.  A notes file already beside the corpus is always the one
    used, even when the folder became read-only: its notes are read (and the
    store opens read-only), never hidden behind an empty file elsewhere.
    """
    corpus_path = Path(corpus_path).resolve()
    folder = corpus_path if corpus_path.is_dir() else corpus_path.parent
    beside = folder / NOTES_FILE
    if not _is_bundled(folder) and (beside.exists() or beside.is_symlink() or can_write_in(folder)):
        return beside
    digest = hashlib.sha256(str(corpus_path).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    name = re.sub(r"[^\w.-]+", "_", corpus_path.name) or "corpus"
    return data_dir() / "notes" / f"{name}-{digest}.toml"


def _is_bundled(folder: Path) -> bool:
    """The sample shipped with reconcile: its notes never go inside the package.

    An installed package may be writable (a virtualenv) but is replaced on
    every upgrade, which would silently delete the notes.
    """
    package = Path(__file__).resolve().parents[2]  # tui/
    try:
        from ...resources import bundled_seeds

        if folder == bundled_seeds().resolve():
            return True
    except (ImportError, FileNotFoundError):
        pass
    return folder.is_relative_to(package)


def folder_problem(folder: Path) -> str | None:
    """Why notes kept in `folder` must open read-only: the folder exists but cannot be
    written (a file there could never be saved). None when it can be, or is not there yet."""
    if folder.is_dir() and not can_write_in(folder):
        return (f"{folder}: folder is not writable - notes opened read-only "
                "(--notes FILE keeps new notes elsewhere)")
    return None


def no_file_yet(path: Path) -> bool:
    """True when nothing, not even a dangling link, is at `path` (a store opened there is
    empty); an error other than 'not found' (a folder that cannot be searched) is False,
    left to the store to report."""
    try:
        os.lstat(path)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return False
