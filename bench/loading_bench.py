"""Loading speed: the seeds and a 20 MB file, against reading the same bytes.

Run: python bench/loading_bench.py
The baseline (read + decode + split lines) is measured in the same run, so the
ratio holds on a noisy machine even when absolute times drift.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from tui.engine.text.loading import load_corpus
from tui.resources import bundled_seeds


def best_of(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def baseline(folder: Path) -> None:
    for path in folder.glob("*.txt"):
        path.read_bytes().decode("utf-8", errors="replace").splitlines()


def main() -> None:
    seeds = bundled_seeds()
    t_seeds = best_of(lambda: load_corpus(seeds), 20)
    t_base = best_of(lambda: baseline(seeds), 20)
    print(f"seeds: load {t_seeds * 1000:.1f} ms, read baseline {t_base * 1000:.2f} ms, "
          f"ratio {t_seeds / t_base:.0f}x")
    paragraph = ("The U.S. military said the drone was in international airspace when it was hit. "
                 "“We know that the intercept was intentional,” Gen. Milley said.\n\n")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "big.txt").write_text(paragraph * (20_000_000 // len(paragraph)), encoding="utf-8")
        t_big = best_of(lambda: load_corpus(folder), 2)
        t_big_base = best_of(lambda: baseline(folder), 2)
        size = (folder / "big.txt").stat().st_size / 1e6
    print(f"{size:.0f} MB file: load {t_big:.2f} s ({size / t_big:.1f} MB/s), "
          f"read baseline {t_big_base:.3f} s, ratio {t_big / t_big_base:.0f}x")
    print(f"per MB: seeds {t_seeds / 0.023 * 1000:.0f} ms/MB vs big {t_big / size * 1000:.0f} ms/MB "
          f"(similar figures mean linear growth)")


if __name__ == "__main__":
    main()
