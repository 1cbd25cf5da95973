"""Load a folder of article files into a Corpus (the articles read in a pool when many).

Files are untrusted: they may be binary, mis-encoded, empty or huge.  Each
problem becomes a warning or a skipped entry naming the file, never a crash.
Offsets everywhere are character offsets into the decoded text of the file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection
from pathlib import Path

from ..environment import turned_off
from ..model import Article, Case, Corpus, Skipped, path_text
from ..parallel import collector_paused
from .articles import load_article, load_page
from .casefile import read_case
from .listing import ARTICLE_SUFFIXES, PAGE_SUFFIXES, folder_files, regular, text_article


class CorpusError(ValueError):
    """A corpus that cannot be opened; str() is a one-line message for users."""


def load_corpus(path: Path, follow_links: bool = False, only: Collection[Path] | None = None,
                progress: Callable[[str, int, int], None] | None = None,
                meanwhile: Callable[[], None] | None = None) -> Corpus:
    """Load every article under `path` (a folder, or a single article file).

    A corpus can come from someone else, so links that lead out of its folder
    (to a key, to /etc/passwd) are skipped and listed unless `follow_links`;
    FIFOs, sockets and devices are never read (they hang or never end).
    `only` reads only those of the folder's text articles (files `listing`
    gave) and nothing else: the reader's preview of a large corpus.
    `progress` receives ("loading", done, total) as text articles are read.
    `meanwhile` is called once, in this process, while a pool reads the files (before they are
    read here when there is no pool): the caller's own next steps, such as importing the
    engine's stages, done while this process would only wait.
    """
    path = Path(path)
    if not path.exists():
        raise CorpusError(f"{path}: no such file or folder")
    if not path.is_dir() and not regular(path):
        raise CorpusError(f"{path}: not a folder or a regular file")
    folder = path if path.is_dir() else path.parent
    case = read_case(folder)
    skipped: list[Skipped] = []
    if only is not None:  # listed by the caller (`listing`): the folder is not walked again
        files = sorted(file for file in only if text_article(file))
    elif path.is_dir():
        files, skipped = folder_files(folder, follow_links)
    else:
        files = [path]
    articles: list[Article] = []
    texts = [(file, path_text(file.relative_to(folder).as_posix())) for file in files
             if file.suffix.lower() in ARTICLE_SUFFIXES and file.suffix.lower() not in PAGE_SUFFIXES]
    with collector_paused():   # tens of thousands of new objects that all live on (see `parallel`)
        loaded = dict(zip((file for file, _ in texts), _load_articles(texts, case, progress, meanwhile)))
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
                   progress: Callable[[str, int, int], None] | None = None,
                   meanwhile: Callable[[], None] | None = None
                   ) -> list[tuple[Article | None, str | None]]:
    """load_article for each (file, rel), in order; in a process pool for a large corpus.

    Why a pool: reading, parsing and cleaning are a quarter of a thousand-article
    analysis, and articles do not depend on each other.  Results come back in
    the files' order, so the corpus is the same as when loaded in one process.
    `RECONCILE_NO_POOL=1` keeps it in one process.
    """
    report = progress or (lambda stage, done, total: None)
    waiting = [meanwhile] if meanwhile is not None else []

    def wait() -> None:
        """Run `meanwhile`, once whatever path the loading takes."""
        while waiting:
            waiting.pop()()

    def serially() -> list[tuple[Article | None, str | None]]:
        wait()
        out: list[tuple[Article | None, str | None]] = []
        for number, (file, rel) in enumerate(texts):
            if number % 50 == 0:
                report("loading", number, len(texts))
            out.append(load_article(file, rel, case))
        return out

    workers = min(4, os.cpu_count() or 1)
    if len(texts) < POOL_MIN_ARTICLES or workers < 2 or turned_off("pool"):
        return serially()
    import multiprocessing   # a large corpus only: the pool's modules cost a small one's start ~25 ms
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    try:
        context = multiprocessing.get_context("fork")
    except ValueError:   # no fork (Windows): one process
        return serially()
    chunk = max(1, len(texts) // (workers * 8))
    try:
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            out: list[tuple[Article | None, str | None]] = []
            results = pool.map(_load_one, texts, [case] * len(texts), chunksize=chunk)   # every chunk sent
            wait()
            for result in results:
                if len(out) % chunk == 0:
                    report("loading", len(out), len(texts))
                out.append(result)
            return out
    except (OSError, BrokenProcessPool):   # no processes to be had: do it here
        return serially()


def _load_one(item: tuple[Path, str], case: Case | None) -> tuple[Article | None, str | None]:
    file, rel = item
    return load_article(file, rel, case)

