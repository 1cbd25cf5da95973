"""Where an export's time and memory go: CPU and peak memory after each engine stage.

Run: python bench/stages.py FOLDER [OUT.json]   (RECONCILE_NO_CACHE=1 is set here)

Loads FOLDER, analyses it and writes the JSON export (to OUT.json, else a temporary file)
as `reconcile export` does, with the process pools as configured (`RECONCILE_NO_POOL=1`
keeps one process), and prints one line per stage: CPU time of this process and its pools
(user + system; a pool's workers are counted once they have ended), this process's own CPU
time ("own": on an idle machine, the stage's share of the export's wall time when its children
keep up), wall time, and the peak resident memory so far.  Stages nested in pairing (units, probes, lift, context, pairs,
wire copy, article rows) are listed before `pair_corpus`, which includes them.  The machine
is shared: compare two runs made in one session, stage by stage.

From 200 articles on, side inference, the reading of each article's speakers and the article
rows run in forked children beside the other stages (`tui.engine.parallel`): they are not
listed, and their CPU is counted in `analyse` (the whole analysis, listed last of the engine's
lines) when it waits for them;
`RECONCILE_NO_POOL=1` runs every stage here, each on its own line.
"""

from __future__ import annotations

import functools
import importlib
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_PAIRING = "tui.engine.pairing"
_ANALYSIS = "tui.engine.analysis"
STAGES = [(_PAIRING, "all_units"), (_PAIRING, "pair_units"), (_PAIRING, "lift"), (_PAIRING, "by_context"),
          (_PAIRING, "to_pairs"), (_PAIRING, "mark_wire"), (_PAIRING, "article_rows"),
          (_ANALYSIS, "find_reprints"), (_ANALYSIS, "infer_sides"), (_ANALYSIS, "read_speakers"),
          (_ANALYSIS, "pair_corpus"), (_ANALYSIS, "attribute"),
          (_ANALYSIS, "build_facts"), (_ANALYSIS, "fact_pairs"), (_ANALYSIS, "spread")]


def cpu() -> float:
    """CPU seconds of this process and its ended children."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own_cpu() + children.ru_utime + children.ru_stime


def own_cpu() -> float:
    """CPU seconds of this process alone: on an idle machine, with the children finishing
    before they are waited for, its time is the export's (the critical path)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    return me.ru_utime + me.ru_stime


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


Row = tuple[str, float, float, float, float]


def timed(name: str, call: Callable, rows: list[Row]) -> Callable:
    """`call`, recording (name, CPU, own CPU, wall, peak MB) in `rows` each time it returns
    in this process (a forked child's calls are its own)."""
    parent = os.getpid()

    @functools.wraps(call)
    def run(*args, **kwargs):
        started, own, wall = cpu(), own_cpu(), time.perf_counter()
        try:
            return call(*args, **kwargs)
        finally:
            if os.getpid() == parent:
                rows.append((name, cpu() - started, own_cpu() - own, time.perf_counter() - wall, peak_mb()))
    return run


def main(argv: list[str]) -> int:
    if not argv:
        sys.exit(__doc__.split("\n\n")[1])
    os.environ["RECONCILE_NO_CACHE"] = "1"
    rows: list[Row] = []
    for module, name in STAGES:
        where = importlib.import_module(module)
        setattr(where, name, timed(name, getattr(where, name), rows))
    from tui.engine.analysis import analyse
    from tui.engine.export.jsondoc import write_json
    from tui.engine.text.loading import load_corpus

    from tui.engine.parallel import collector_paused

    with collector_paused(keep=True), tempfile.TemporaryDirectory() as tmp:   # as `reconcile export`
        corpus = timed("load_corpus", load_corpus, rows)(Path(argv[0]))
        analysis = timed("analyse", analyse, rows)(corpus)
        out = Path(argv[1]) if len(argv) > 1 else Path(tmp) / "export.json"
        with open(out, "w", encoding="utf-8") as handle:
            timed("write_json", write_json, rows)(analysis, handle, [])
        size = out.stat().st_size / 1e6
    for name, seconds, own, wall, peak in rows:
        print(f"{name:14} cpu {seconds:7.1f} s  own {own:7.1f} s  wall {wall:7.1f} s  peak {peak:6.0f} MB")
    print(f"this process alone: {own_cpu():.1f} s CPU")
    print(f"{len(corpus.articles)} articles ({len(analysis.reprints)} reprints), {len(analysis.pairs)} pairs, "
          f"{size:.1f} MB written; "
          f"warnings: {list(analysis.warnings)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
