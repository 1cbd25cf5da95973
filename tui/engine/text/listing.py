"""Which files of a folder are articles: the listing the loader reads, in a stable order.

A corpus can come from someone else: links out of its folder and FIFOs, sockets or
devices are listed as skipped entries, never read.  Kept apart from the reading so the
reader's engine child can size and key a large folder (tui.engine.cache) without loading it.
"""

from __future__ import annotations

import re
import stat
from pathlib import Path

from ..model import Skipped, path_text

PAGE_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = (".md", ".markdown", ".txt", *PAGE_SUFFIXES)
OWN_FILES = re.compile(r"^(reconcile\.toml|reconcile-notes\.toml(\.bak)?|.*\.tmp)$")


def text_article(file: Path) -> bool:
    """A Markdown or plain-text article (read by the loader's pool; pages are extracted)."""
    suffix = file.suffix.lower()
    return suffix in ARTICLE_SUFFIXES and suffix not in PAGE_SUFFIXES


def listing(path: Path, follow_links: bool = False) -> tuple[list[Path], list[Skipped]]:
    """The files `load_corpus(path)` would read, in its order, and the entries it skips
    (the reader sizes its preview and keys its corpus cache by them without loading)."""
    path = Path(path)
    if path.is_dir():
        return folder_files(path, follow_links)
    return ([path] if regular(path) else []), []


def folder_files(folder: Path, follow_links: bool) -> tuple[list[Path], list[Skipped]]:
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
        elif regular(file):
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


def regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False

