#!/usr/bin/env python
"""How the source and compare views cope with a very long article (issue 15 #37).

Writes two folders: one with an article of 20,000 paragraphs (about 3.5 MB) and a short one,
one with a 50-paragraph article and the same short one (the baseline, measured in the same
run, since the machine is noisy). For each, under Textual's Pilot, it opens the source view
(at paragraph 15,000, or the last), then compare, and presses a few keys. It prints the wall
time to open, the CPU time per key, and the ratios long / baseline.

    python bench/long_document.py [--paragraphs 20000]

Measured 2026-11-30 with a widget per paragraph (before): 72 s to open the source view and
18 s per key, on a 1.8 MB article (the issue's figures). With `LongText`, on a 3.5 MB article:
source 0.5 s, compare 0.8 s, keys 20-70 ms CPU.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import tempfile
import time
from pathlib import Path

from tui.engine.text.loading import load_corpus
from tui.engine.model import Analysis, Ref
from tui.ui.app import ReconcileApp

WORDS = ("the patrol boat turned back at dusk when the coast guard said a ship had crossed "
         "into waters the ministry called its own").split()
KEYS = ("j", "pagedown", "end", "home", "k")


def write_folder(folder: Path, paragraphs: int) -> None:
    """A long article of generated sentences (no real text) and a short one to compare with."""
    rng = random.Random(1)
    lines = [" ".join(rng.choice(WORDS) for _ in range(14)).capitalize() + ", the ministry said."
             for _ in range(paragraphs)]
    (folder / "long.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    (folder / "short.txt").write_text("\n\n".join(lines[:50]) + "\n", encoding="utf-8")


async def measure(folder: Path) -> dict[str, float]:
    """Seconds to open each view, and the mean CPU seconds per key in it."""
    corpus = load_corpus(folder)
    app = ReconcileApp(corpus, theme_name="dark", notes_path=folder / "notes.toml",
                       analysis=Analysis(corpus))
    paragraphs = len(corpus.article("long.txt").paragraphs)
    out: dict[str, float] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for view in ("source", "compare"):
            start = time.perf_counter()
            if view == "source":
                app.open_source("long.txt", Ref("long.txt", min(15000, paragraphs - 1), 0))
            else:
                app.open_compare("long.txt", "short.txt")
            await pilot.pause()
            await pilot.pause()
            out[f"{view} open"] = time.perf_counter() - start
            cpu = time.process_time()
            for key in KEYS:
                await pilot.press(key)
                await pilot.pause()
            out[f"{view} key"] = (time.process_time() - cpu) / len(KEYS)
            await pilot.press("escape")
            await pilot.pause()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=20000)
    args = parser.parse_args()
    results = {}
    for name, paragraphs in (("baseline", 50), ("long", args.paragraphs)):
        with tempfile.TemporaryDirectory() as tmp:
            write_folder(Path(tmp), paragraphs)
            results[name] = asyncio.run(measure(Path(tmp)))
    print(f"{'':14} {'50 paragraphs':>14} {f'{args.paragraphs:,} paragraphs':>18} {'ratio':>7}")
    for what in results["long"]:
        base, long = results["baseline"][what], results["long"][what]
        print(f"{what:14} {base:13.3f}s {long:17.3f}s {long / base:6.1f}x")


if __name__ == "__main__":
    main()
