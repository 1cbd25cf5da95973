"""The engine child's way with a large corpus: cached results first, else a preview.

For a folder of PREVIEW_FROM article files or more (tui.ui.background), the
child looks for, in this order: the analysis reached through a link entry
(the corpus key and the notes file's bytes: nothing is loaded or unpickled
here, the cached pickles are forwarded as they are); the loaded corpus
(keyed by the files' bytes: reading and cleaning a thousand articles is
skipped); else it analyses PREVIEW_ARTICLES articles that tell one story
(tui.engine.text.preview) and sends them before it loads the whole folder.  The
full analysis always goes as ("lean", ...) and ("rest", ...) frames.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from . import background

if TYPE_CHECKING:
    from ..engine.model import Corpus

BACKGROUND_NICE = 10  # the full analysis after a preview runs below the reader's priority


def listed_articles(path: Path, follow_links: bool) -> tuple[list[Path], list] | None:
    """The files and skipped entries of the corpus at `path` (listed once, not read)."""
    from ..engine.text.listing import listing

    try:
        return listing(path, follow_links)
    except OSError:
        return None


def text_articles(listed: tuple[list[Path], list]) -> int:
    from ..engine.text.listing import text_article

    return sum(1 for file in listed[0] if text_article(file))


def child_large(path: Path, notes_path: Path | None, send: Callable[[tuple], None],
                 progress: Callable[[str, int, int], None], follow_links: bool,
                 listed: tuple[list[Path], list]) -> None:
    """A large corpus: the cached analysis, else the cached corpus or a preview first,
    then the result in two parts."""
    from ..engine import cache

    total = text_articles(listed)
    key = cache.corpus_key(path, follow_links, listed) if cache.cache_dir() is not None else None
    link = cache.link_key(key, _notes_file(path, notes_path)) if key is not None else None
    analysis_key = cache.load_link(link) if link is not None else None
    parts = cache.load_parts(analysis_key) if analysis_key is not None else None
    if parts is not None:  # warm: neither the corpus nor the notes are read here
        send(("lean", parts[0], None))
        send(("rest", parts[1]))
        return
    corpus = cache.load_corpus_entry(key) if key is not None else None
    previewed = corpus is None
    if corpus is None:
        _preview(path, notes_path, send, follow_links, total, listed[0])
        corpus = background._load(path, send, follow_links, announce=False, progress=progress)
        if corpus is None:
            return
        if key is not None:
            cache.store_corpus(key, corpus)
    try:
        links, fixes, problem = background.notes_inputs(corpus, notes_path)
        parts = cache.cached_parts(corpus, links, fixes)
        if parts is None:
            if not previewed:  # a corpus seen before, with new notes decisions
                _preview(path, notes_path, send, follow_links, total, corpus)
            parts = cache.analysed_parts(corpus, links, fixes, progress)
        if link is not None and problem is None:
            cache.store_link(link, cache.cache_key(corpus, links, fixes))
    except Exception as exc:
        send(("error", f"{type(exc).__name__}: {exc}"))
        return
    send(("lean", parts[0], problem))
    send(("rest", parts[1]))


def _notes_file(path: Path, notes_path: Path | None) -> Path:
    """The notes file the reader will use for the corpus at `path`."""
    if notes_path is not None:
        return notes_path
    try:
        from ..engine.notes.location import default_notes_path
    except ImportError:  # a build without the notes engine
        return path / "reconcile-notes.toml"
    return default_notes_path(path)


def _preview(path: Path, notes_path: Path | None, send: Callable[[tuple], None],
             follow_links: bool, total: int, source: Corpus | list[Path]) -> None:
    """Analyse background.PREVIEW_ARTICLES articles of one story (of a loaded corpus, or of the
    listed files, loaded from `path`) and send them to be shown while the rest is
    analysed; any failure is left to the full analysis to report."""
    from dataclasses import replace

    from ..engine.analysis import analyse
    from ..engine.text.listing import text_article
    from ..engine.text.loading import load_corpus
    from ..engine.text.preview import central

    try:
        if isinstance(source, list):
            files = [file for file in source if text_article(file)]
            part = load_corpus(path, follow_links, only=set(central(files, background.PREVIEW_ARTICLES)))
        else:
            corpus = source
            chosen = set(central([article.path for article in corpus.articles], background.PREVIEW_ARTICLES))
            part = replace(corpus, articles=tuple(a for a in corpus.articles if a.path in chosen))
        links, fixes, _ = background.notes_inputs(part, notes_path)
        analysis = analyse(part, links, fixes)
    except Exception:
        return
    send(("preview", analysis, total))
    _yield_to_the_reader()


def _yield_to_the_reader() -> None:
    """Once a preview is on screen the user reads it: the rest of the analysis (and the
    loading pool it starts, whose processes inherit this) gives way to the reader's
    process when both want a core, so keys pressed meanwhile are answered at once.  On an
    otherwise idle machine the analysis takes no longer: nothing else wants the cores."""
    try:
        os.nice(BACKGROUND_NICE)
    except (AttributeError, OSError):  # no nice on this platform: same result, slower keys
        pass
