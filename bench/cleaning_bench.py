"""Cleaning speed: CPU seconds spent in `clean` while loading a folder of articles.

Run: python bench/cleaning_bench.py FOLDER [--repeat N]
Loads FOLDER in process (no worker pool, no cache) N times and prints the best CPU time spent
inside cleaning.clean (as articles.py calls it) and in the whole load. CPU time, not wall time: the machine is shared.
The per-line caches are emptied before each run, so every run pays for its first look at a line.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

os.environ["RECONCILE_NO_POOL"] = "1"
os.environ["RECONCILE_NO_CACHE"] = "1"

from tui.engine.text import articles, captions, furniture, loading, tokens  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    original = articles.clean
    spent = [0.0]

    def timed(*a, **k):  # type: ignore[no-untyped-def]
        t0 = time.process_time()
        try:
            return original(*a, **k)
        finally:
            spent[0] += time.process_time() - t0

    articles.clean = timed  # type: ignore[assignment]
    runs = []
    for _ in range(args.repeat):
        spent[0] = 0.0
        for fn in [*vars(furniture).values(), *vars(captions).values(), *vars(tokens).values()]:
            if hasattr(fn, "cache_clear"):
                fn.cache_clear()
        t0 = time.process_time()
        corpus = loading.load_corpus(args.folder)
        runs.append((spent[0], time.process_time() - t0))
    print(f"{len(corpus.articles)} articles: clean {min(r[0] for r in runs):.2f} s CPU, "
          f"load {min(r[1] for r in runs):.2f} s CPU (best of {args.repeat})")


if __name__ == "__main__":
    main()
