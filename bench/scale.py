"""Scale benchmark: `reconcile export` on 100 / 1,000 / 2,000 (and 10,000) news articles.

Run: python bench/scale.py [--sizes 100,1000,2000] [--huge] [--ecbplus PATH] [--keep DIR] [--reader 1000]

The folders are built here from the ECB+ articles (`../shared/ecbplus/cases/*/*.md`, 982 real
news articles): each size takes them in order, and past 982 each further copy of an article
gets a small change (one "the" becomes "that", a different one per copy), as reprints and
wire copies differ, so no two files are identical.  `--huge` adds 10,000 articles.

Each export runs in its own subprocess (RECONCILE_NO_CACHE=1, output to a file) and is
measured with os.wait4: wall time, CPU time (user + system) and peak resident memory.  The
machine is shared and noisy, so two baselines run in the same session, interleaved: a bare
`python -c pass` and the export of the bundled sample; the table gives each size's growth
against the previous one (time and memory against articles) so the ratios hold even when
absolute times drift.

`--reader N` (default 1000; 0 skips it) also opens the reader on the N-article folder in tmux
(as bench/startup_bench.py does for the sample) and times the first dispute on screen: cold
(empty analysis and corpus caches: a large corpus shows a preview of one story first) and
warm (the caches filled by an earlier full analysis), and, cold, the full analysis replacing
the preview.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Run:
    """One measured subprocess."""

    label: str
    articles: int
    wall: float
    cpu: float
    rss_mb: float
    out_mb: float
    ok: bool


def ecb_articles(ecbplus: Path) -> list[Path]:
    """The ECB+ article files in a stable order."""
    files = sorted((ecbplus / "cases").glob("*/*.md"))
    if not files:
        sys.exit(f"bench/scale.py: no ECB+ articles under {ecbplus}/cases (pass --ecbplus PATH)")
    return files


_THE = re.compile(r"(?<=\s)the(?=\s)")


def small_change(text: str, copy: int) -> str:
    """The article with its copy-th "the" after the front matter turned into "that"."""
    if copy == 0:
        return text
    head, sep, body = text.partition("\n+++\n") if text.startswith("+++") else ("", "", text)
    hits = list(_THE.finditer(body))
    if not hits:
        return text + f"\n\nCopy {copy}.\n"
    m = hits[(copy - 1) % len(hits)]
    return head + sep + body[:m.start()] + "that" + body[m.end():]


def build_folder(sources: list[Path], n: int, folder: Path) -> Path:
    """n articles: the sources in order, each further round a small change per copy."""
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(n):
        copy, src = divmod(k, len(sources))
        text = sources[src].read_text(encoding="utf-8")
        name = f"{copy:02d}_{sources[src].parent.name}_{sources[src].name}"
        (folder / name).write_text(small_change(text, copy), encoding="utf-8")
    return folder


def measure(label: str, argv: list[str], articles: int, out: Path | None, check: bool,
            timeout: float) -> Run:
    """Run argv in a subprocess and read its own resource usage (os.wait4)."""
    env = dict(os.environ, RECONCILE_NO_CACHE="1")
    started = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = started + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.02)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    ok = proc.returncode == 0
    if not ok:
        last = err.strip().splitlines()[-1:] or [f"exit {proc.returncode}"]
        print(f"  {label}: failed ({last[0][:120]})", file=sys.stderr)
    size = out.stat().st_size / 1e6 if out is not None and out.exists() else 0.0
    if ok and check and out is not None:
        with out.open(encoding="utf-8") as handle:
            json.load(handle)   # one valid document, as the case kit reads it
    return Run(label, articles, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, size, ok)


def export_argv(folder: Path | None, out: Path) -> list[str]:
    argv = [sys.executable, "-m", "tui", "export"]
    return argv + ([str(folder)] if folder is not None else []) + ["-o", str(out)]


def reader_times(folder: Path, work: Path, runs: int = 2) -> tuple[float, float, float]:
    """Median seconds to the first dispute on screen, cold and warm, and to the full analysis
    (cold), for `reconcile FOLDER` in tmux."""
    sys.path.insert(0, str(ROOT / "bench"))
    import startup_bench as sb

    cache = work / "reader-cache"
    cmd = (f"{sb.base_env(work)} RECONCILE_CACHE_DIR={cache} {sys.executable} -m tui --theme dark "
           f"--notes {work / 'reader-notes.toml'} {folder}")
    fill = ("import sys; from pathlib import Path; from tui.ui.background import ForkedAnalysis; "
            "list(ForkedAnalysis(Path(sys.argv[1]), Path(sys.argv[2])).frames())")
    sb.time_to_marker(cmd, sb.READY, timeout=300)  # warm the bytecode and file caches
    cold, full, warm = [], [], []
    for _ in range(runs):
        shutil.rmtree(cache, ignore_errors=True)
        cold.append(sb.time_to_marker(cmd, sb.READY, timeout=300))
        shutil.rmtree(cache, ignore_errors=True)
        full.append(_time_to_full(sb, cmd))
        subprocess.run([sys.executable, "-c", fill, str(folder), str(work / "reader-notes.toml")],
                       env=dict(os.environ, RECONCILE_CACHE_DIR=str(cache)), check=True)
        warm.append(sb.time_to_marker(cmd, sb.READY, timeout=300))
        shutil.rmtree(cache, ignore_errors=True)
    return statistics.median(cold), statistics.median(warm), statistics.median(full)


def _time_to_full(sb, cmd: str, timeout: float = 900) -> float:
    """Seconds (cold) until a dispute is on screen and no preview line is left."""
    import uuid

    socket = f"rcscale-{uuid.uuid4().hex[:8]}"
    try:
        start = time.perf_counter()
        sb.tmux(socket, "new-session", "-d", "-s", "b", "-x", sb.SIZE[0], "-y", sb.SIZE[1], cmd)
        while time.perf_counter() - start < timeout:
            screen = sb.tmux(socket, "capture-pane", "-p", "-t", "b").stdout
            if sb.READY in screen and "Showing" not in screen and "Reading the pairs" not in screen:
                return time.perf_counter() - start
            time.sleep(0.05)
        return float("nan")
    finally:
        sb.tmux(socket, "kill-server")


def table(runs: list[Run], baselines: list[Run]) -> str:
    """The results as a Markdown table, with growth against the previous size."""
    lines = ["| run | articles | wall s | CPU s | peak RSS MB | output MB | x articles | x wall | x RSS | "
             "wall growth exponent |", "|---|---|---|---|---|---|---|---|---|---|"]
    for b in baselines:
        lines.append(f"| {b.label}{'' if b.ok else ' (failed)'} | {b.articles} | {b.wall:.2f} | {b.cpu:.2f} | {b.rss_mb:.0f} | "
                     f"{b.out_mb:.1f} | | | | |")
    prev: Run | None = None
    for r in runs:
        grow = ["", "", "", ""]
        if prev is not None and prev.ok and r.ok:
            xa, xw, xm = r.articles / prev.articles, r.wall / prev.wall, r.rss_mb / prev.rss_mb
            grow = [f"{xa:.1f}", f"{xw:.1f}", f"{xm:.1f}", f"{math.log(xw) / math.log(xa):.2f}"]
        status = "" if r.ok else " (failed)"
        lines.append(f"| {r.label}{status} | {r.articles} | {r.wall:.2f} | {r.cpu:.2f} | {r.rss_mb:.0f} | "
                     f"{r.out_mb:.1f} | " + " | ".join(grow) + " |")
        prev = r
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ecbplus", type=Path, default=ROOT.parent / "shared" / "ecbplus")
    parser.add_argument("--sizes", default="100,1000,2000", help="comma-separated article counts")
    parser.add_argument("--huge", action="store_true", help="add 10,000 articles")
    parser.add_argument("--keep", type=Path, help="build the folders here and keep them")
    parser.add_argument("--check", action="store_true", help="json.load every output (costs memory here)")
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds per export")
    parser.add_argument("--reader", type=int, default=1000,
                        help="time the reader's first dispute on this size's folder (0: skip)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s] + ([10_000] if args.huge else [])
    sources = ecb_articles(args.ecbplus)
    work = Path(tempfile.mkdtemp(prefix="reconcile-scale-")) if args.keep is None else args.keep
    work.mkdir(parents=True, exist_ok=True)
    try:
        out = work / "out.json"
        baselines = [measure("python -c pass", [sys.executable, "-c", "pass"], 0, None, False, 60),
                     measure("sample (seeds/)", export_argv(None, out), 5, out, args.check, 300)]
        runs = []
        for n in sizes:
            folder = work / f"ecb-{n}"
            if not folder.exists():
                build_folder(sources, n, folder)
            runs.append(measure(f"export {n}", export_argv(folder, out), n, out, args.check, args.timeout))
            print(f"  {n} articles: {runs[-1].wall:.1f} s, {runs[-1].rss_mb:.0f} MB", file=sys.stderr)
            # the baselines again, interleaved: the table shows how much the machine drifted
            baselines.append(measure(f"sample again after {n}", export_argv(None, out), 5, out, False, 300))
        print(table(runs, baselines))
        if args.reader and shutil.which("tmux"):
            folder = work / f"ecb-{args.reader}"
            if not folder.exists():
                build_folder(sources, args.reader, folder)
            cold, warm, full = reader_times(folder, work)
            print(f"\nreader on {args.reader} articles (tmux, median of 2): first dispute cold {cold:.1f} s, "
                  f"warm {warm:.1f} s; full analysis on screen (cold) {full:.1f} s")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
