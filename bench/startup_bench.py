"""Startup and repaint benchmark for the reader (run: python bench/startup_bench.py).

1. Launch to first dispute, in a real terminal: `reconcile` on the bundled
   sample runs in tmux and the pane is polled (capture-pane) until the first
   dispute's "why ✖ disputed" line is on screen.  The same is done, in the same
   run and interleaved, for a bare Textual app that shows one static screen.
   The reader is timed twice per round: cold (its analysis cache emptied
   before every launch: a first launch on a corpus, engine included) and warm
   (the cache filled by an earlier launch: every later launch on an unchanged
   corpus).  Medians of N runs each, and each ratio against the bare app's
   median from the same rounds (goal: within 1.5x).
2. Key press to next dispute: `n` pressed with Textual's Pilot, timed until
   the next fact is fully rendered (goal: under 50 ms); and the same in tmux
   (send-keys until capture-pane shows the change), which adds tmux's own
   latency and the polling interval.

Uses a private tmux server and temporary config and cache folders.  Both apps
run with Python's bytecode cache on, in a private folder (PYTHONPYCACHEPREFIX)
filled by the warm-up launches, as an installed package or any ordinary
checkout has it: an environment with PYTHONDONTWRITEBYTECODE=1 would otherwise
recompile reconcile's own modules on every launch (about 40-60 ms) while
Textual's come precompiled from site-packages.  `--as-is` keeps the
environment's setting instead.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

BARE_APP = '''
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App):
    def compose(self):
        yield Header()
        yield Static("BARE-READY: a static screen")
        yield Footer()

Bare().run()
'''

READY = "why ✖ disputed"
AS_IS = False  # --as-is: keep the environment's bytecode settings
SIZE = ("100", "30")


def tmux(socket: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["tmux", "-L", socket, *args], capture_output=True, text=True)


def time_to_marker(command: str, marker: str, timeout: float = 30.0) -> float:
    """Seconds from starting `command` in a fresh tmux window to `marker` on screen."""
    socket = f"rcbench-{uuid.uuid4().hex[:8]}"
    try:
        start = time.perf_counter()
        tmux(socket, "new-session", "-d", "-s", "b", "-x", SIZE[0], "-y", SIZE[1], command)
        while time.perf_counter() - start < timeout:
            if marker in tmux(socket, "capture-pane", "-p", "-t", "b").stdout:
                return time.perf_counter() - start
            time.sleep(0.005)
        raise RuntimeError(f"{marker!r} never appeared for: {command}")
    finally:
        tmux(socket, "kill-server")


def base_env(work: Path) -> str:
    """The `env ...` prefix of every launched command."""
    env = f"env RECONCILE_CONFIG_DIR={work / 'config'} TERM=xterm-256color"
    if not AS_IS:
        env = f"env -u PYTHONDONTWRITEBYTECODE PYTHONPYCACHEPREFIX={work / 'pycache'} {env[4:]}"
    return env


def startup(runs: int, work: Path) -> tuple[float, float, float]:
    """Median seconds to the first screen: bare app, reader cold, reader warm."""
    bare = work / "bare_app.py"
    bare.write_text(BARE_APP)
    cold_cache, warm_cache = work / "cache-cold", work / "cache-warm"
    env = base_env(work)
    reader = f"{sys.executable} -m tui --theme dark --notes {work / 'notes.toml'}"
    cold_cmd = f"{env} RECONCILE_CACHE_DIR={cold_cache} {reader}"
    warm_cmd = f"{env} RECONCILE_CACHE_DIR={warm_cache} {reader}"
    bare_cmd = f"{env} {sys.executable} {bare}"
    time_to_marker(bare_cmd, "BARE-READY")  # warm the file and bytecode caches for both
    time_to_marker(warm_cmd, READY)  # and fill the warm analysis cache (written before the result)
    if not any(warm_cache.glob("*.analysis")):
        raise RuntimeError(f"the reader wrote no analysis cache in {warm_cache}")
    bare_times, cold_times, warm_times = [], [], []
    for _ in range(runs):
        bare_times.append(time_to_marker(bare_cmd, "BARE-READY"))
        shutil.rmtree(cold_cache, ignore_errors=True)
        cold_times.append(time_to_marker(cold_cmd, READY))
        warm_times.append(time_to_marker(warm_cmd, READY))
    return (statistics.median(bare_times), statistics.median(cold_times),
            statistics.median(warm_times))


async def pilot_repaint(presses: int) -> list[float]:
    """Milliseconds from the key event for n (or p) to the compositor painting the next fact.

    The key is posted as a real Key event (bindings, message handlers and the
    panes' update all run), and the clock stops when the screen's next
    compositor refresh after the update has finished: Textual's frame pacing
    is included, Pilot's own waiting is not.
    """
    from textual import events

    from tui.engine.text.loading import load_corpus
    from tui.resources import bundled_seeds
    from tui.ui.app import ReconcileApp

    corpus = load_corpus(bundled_seeds())
    app = ReconcileApp(corpus, theme_name="dark", notes_path=Path(tempfile.mkdtemp()) / "n.toml")
    times: list[float] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause(0.3)
        screen = app.screen
        panes = screen.query_one("DisputePanes")
        painted: list[float] = []
        original = screen._compositor_refresh

        def refresh() -> None:
            original()
            painted.append(time.perf_counter())

        screen._compositor_refresh = refresh
        if sum(f.status == "disputed" for f in screen.facts) < 2:
            raise RuntimeError("fewer than two disputes: nothing to step through")
        key = "n"
        for _ in range(presses):
            before = panes.fact
            start = time.perf_counter()
            app.post_message(events.Key(key, key))
            while panes.fact is before and time.perf_counter() - start < 1:
                await asyncio.sleep(0)
            if panes.fact is before:  # the last dispute: walk back
                key = "p" if key == "n" else "n"
                continue
            updated = time.perf_counter()
            while not painted or painted[-1] < updated:
                await asyncio.sleep(0.0005)
            times.append((painted[-1] - start) * 1000)
            await pilot.pause(0.05)
    return times


def tmux_repaint(presses: int, work: Path) -> list[float]:
    """Milliseconds from send-keys n to a changed pane, in a real terminal."""
    socket = f"rcbench-{uuid.uuid4().hex[:8]}"
    env = f"{base_env(work)} RECONCILE_CACHE_DIR={work / 'cache-warm'}"
    command = f"{env} {sys.executable} -m tui --theme dark --notes {work / 'notes.toml'}"
    times = []
    try:
        tmux(socket, "new-session", "-d", "-s", "b", "-x", SIZE[0], "-y", SIZE[1], command)
        deadline = time.perf_counter() + 30
        while READY not in tmux(socket, "capture-pane", "-p", "-t", "b").stdout:
            if time.perf_counter() > deadline:
                raise RuntimeError("the reader never showed a dispute")
            time.sleep(0.01)
        time.sleep(0.5)
        key = "n"
        for _ in range(presses):
            before = tmux(socket, "capture-pane", "-p", "-t", "b").stdout
            start = time.perf_counter()
            tmux(socket, "send-keys", "-t", "b", key)
            while True:
                now = tmux(socket, "capture-pane", "-p", "-t", "b").stdout
                if now != before:
                    break
                if time.perf_counter() - start > 1.0:  # no change: at the last dispute
                    key = "p" if key == "n" else "n"
                    break
                time.sleep(0.001)
            else:  # pragma: no cover
                pass
            elapsed = (time.perf_counter() - start) * 1000
            if elapsed < 1000:
                times.append(elapsed)
            time.sleep(0.3)  # let notifications and repaints finish
    finally:
        tmux(socket, "kill-server")
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="startup runs of each app")
    parser.add_argument("--presses", type=int, default=30, help="key presses to time")
    parser.add_argument("--as-is", action="store_true",
                        help="keep the environment's PYTHONDONTWRITEBYTECODE (no bytecode cache)")
    args = parser.parse_args()
    global AS_IS
    AS_IS = args.as_is
    if shutil.which("tmux") is None:
        print("tmux is required for the real-terminal measurements", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        os.environ["RECONCILE_CONFIG_DIR"] = str(work / "config")
        os.environ["RECONCILE_CACHE_DIR"] = str(work / "cache-warm")
        bare, cold, warm = startup(args.runs, work)
        print("bytecode: " + ("as the environment has it" if AS_IS else
                              "cached (private PYTHONPYCACHEPREFIX, filled by the warm-up)"))
        print(f"launch to first paint, bare Textual app (tmux, median of {args.runs}): "
              f"{bare * 1000:.0f} ms")
        print(f"launch to first dispute on screen, reconcile cold, analysis cache empty "
              f"(tmux, median of {args.runs}): {cold * 1000:.0f} ms")
        print(f"launch to first dispute on screen, reconcile warm, analysis cache filled "
              f"(tmux, median of {args.runs}): {warm * 1000:.0f} ms")
        print(f"startup ratio reconcile / bare: cold {cold / bare:.2f}x, warm {warm / bare:.2f}x "
              "(goal <= 1.5x)")
        pilot = asyncio.run(pilot_repaint(args.presses))
        print(f"key n -> next dispute rendered (Pilot, {len(pilot)} presses): median "
              f"{statistics.median(pilot):.1f} ms, max {max(pilot):.1f} ms (goal < 50 ms)")
        real = tmux_repaint(min(args.presses, 15), work)
        if real:
            print(f"key n -> pane changed (tmux send-keys/capture-pane, {len(real)} presses): "
                  f"median {statistics.median(real):.1f} ms, max {max(real):.1f} ms "
                  "(includes tmux and polling latency)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
