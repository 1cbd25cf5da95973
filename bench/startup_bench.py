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

3. The same key echo for the bare app (`n` there rewrites its one line), so the
   reader's `n` -> repaint percentiles have a baseline from the same run (goal:
   the reader's 90th percentile within 2x the bare app's).
4. `--base DIR`: a second checkout (e.g. main, or an older commit in a scratch
   worktree) whose reader is launched in the same rounds, interleaved with this
   one's (start-up, the tmux key rounds and `--busy`), so a change is measured
   against its base in one session.
5. `--busy FOLDER`: a large folder opened cold; `n` is pressed while the engine
   still analyses it (the progress line on screen) and each key's time to a
   changed pane is reported (goal: within 50 ms).
6. CPU on each start's critical path, alternated for each checkout: the engine child's from
   the fork to its result (cold) and the reader's from launch to its first frame (warm).

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

ROOT = Path(__file__).resolve().parent.parent

BARE_APP = '''
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App):
    BINDINGS = [("n", "next", "Next")]
    presses = 0

    def compose(self):
        yield Header()
        yield Static("BARE-READY: a static screen", id="line")
        yield Footer()

    def action_next(self):
        self.presses += 1
        self.query_one("#line", Static).update(f"BARE-READY: key {self.presses}")

Bare().run()
'''

# CPU per `n` in one checkout (run in a subprocess with that checkout first on sys.path):
# the reader's whole work for a press (key, frames, layouts, rendering ahead), as process CPU
# over presses 0.15 s apart less the CPU of as many idle 0.15 s waits.
KEYS_CPU = '''
import asyncio, sys, tempfile, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from textual import events
from tui.engine.text.loading import load_corpus
from tui.resources import bundled_seeds
from tui.ui.app import ReconcileApp

async def main(presses):
    app = ReconcileApp(load_corpus(bundled_seeds()), theme_name="dark",
                       notes_path=Path(tempfile.mkdtemp()) / "n.toml")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause(0.5)
        start = time.process_time()
        for _ in range(presses):
            await pilot.pause(0.15)
        idle = time.process_time() - start
        start = time.process_time()
        for _ in range(presses):
            app.post_message(events.Key("n", "n"))
            await pilot.pause(0.15)
        print((time.process_time() - start - idle) / presses * 1000)

asyncio.run(main(int(sys.argv[2])))
'''

# CPU of the reader's engine child from the fork to its result frame, cold (an empty cache), on
# the sample: the cold start's critical path.  Run in a subprocess from a checkout (its `tui`
# first on sys.path): argv = [LOG, CACHE_DIR].  The time is taken before each frame's body goes
# out (a reader may stop a child once it has its result).
CHILD_CPU = '''
import os, sys, time
sys.path.insert(0, os.getcwd())
log, cache = sys.argv[1], sys.argv[2]
os.environ["RECONCILE_CACHE_DIR"] = cache
from pathlib import Path
from tui.resources import bundled_seeds
from tui.ui import app, background
app._import_shared()
real = background._child

class Out:
    def __init__(self, out):
        self.out = out
    def write(self, data):
        if len(data) > 8:
            Path(log).write_text(str(time.process_time() * 1000))
        return self.out.write(data)
    def flush(self):
        self.out.flush()

background._child = lambda source, notes, out, *rest: real(source, notes, Out(out), *rest)
frames = list(background.ForkedAnalysis(bundled_seeds(), Path(cache) / "notes.toml").frames())
assert frames[-1][0] == "result", frames[-1][:2]
'''

# The reader launched from a checkout with its first frame's process CPU written to $RECONCILE_BENCH_LOG
# (warm, that frame shows the first dispute): the warm start's critical path.
PARENT_CPU = '''
import os, sys, time
sys.path.insert(0, os.getcwd())
from tui.ui import app
imported = app._import_reader

def import_reader():
    imported()
    from textual.app import App
    display = App._display

    def first(self, screen, renderable):
        display(self, screen, renderable)
        if not os.path.exists(os.environ["RECONCILE_BENCH_LOG"]):
            with open(os.environ["RECONCILE_BENCH_LOG"], "w") as out:
                out.write(str(time.process_time() * 1000))
    App._display = first

app._import_reader = import_reader
from tui.cli import main
sys.argv[0] = "reconcile"
sys.exit(main())
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


def reader_command(tree: Path, work: Path, cache: Path, folder: Path | None = None) -> str:
    """`reconcile` from the checkout `tree` (run from there, so `python -m tui` imports its tui)."""
    notes = work / f"notes-{tree.name}.toml"
    where = f" {folder}" if folder is not None else ""
    return (f"cd {tree} && {base_env(work)} RECONCILE_CACHE_DIR={cache} {sys.executable} -m tui "
            f"--theme dark --notes {notes}{where}")


def startup(runs: int, work: Path, trees: list[tuple[str, Path]]) -> dict[str, list[float]]:
    """Seconds to the first screen, run by run: the bare app, and each tree's reader cold
    and warm (keys 'bare', 'NAME cold', 'NAME warm'), interleaved in every round."""
    bare = work / "bare_app.py"
    bare.write_text(BARE_APP)
    bare_cmd = f"{base_env(work)} {sys.executable} {bare}"
    time_to_marker(bare_cmd, "BARE-READY")  # warm the file and bytecode caches for all
    commands: dict[str, tuple[str, Path | None]] = {}
    for name, tree in trees:
        cold_cache, warm_cache = work / f"cache-cold-{name}", work / f"cache-warm-{name}"
        commands[f"{name} cold"] = (reader_command(tree, work, cold_cache), cold_cache)
        commands[f"{name} warm"] = (reader_command(tree, work, warm_cache), None)
        time_to_marker(commands[f"{name} warm"][0], READY)  # fill the warm analysis cache
        if not any(warm_cache.glob("*.analysis")):
            raise RuntimeError(f"the reader wrote no analysis cache in {warm_cache}")
    times: dict[str, list[float]] = {"bare": [], **{label: [] for label in commands}}
    for _ in range(runs):
        times["bare"].append(time_to_marker(bare_cmd, "BARE-READY"))
        for label, (command, emptied) in commands.items():
            if emptied is not None:
                shutil.rmtree(emptied, ignore_errors=True)
            times[label].append(time_to_marker(command, READY))
    return times


def startup_report(times: dict[str, list[float]]) -> list[str]:
    """Medians, and each launch's ratio to the bare app of its own round (median and range)."""
    bare = times["bare"]
    lines = [f"launch to first paint, bare Textual app: median {statistics.median(bare) * 1000:.0f} ms"]
    for label, runs in times.items():
        if label == "bare":
            continue
        ratios = sorted(r / b for r, b in zip(runs, bare))
        lines.append(f"launch to first dispute on screen, reconcile {label}: median "
                     f"{statistics.median(runs) * 1000:.0f} ms, ratio to bare "
                     f"{statistics.median(runs) / statistics.median(bare):.2f}x (per round: median "
                     f"{statistics.median(ratios):.2f}x, {ratios[0]:.2f}-{ratios[-1]:.2f}x)")
    return lines


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


def keys_cpu(trees: list[tuple[str, Path]], presses: int, rounds: int = 2) -> dict[str, list[float]]:
    """CPU ms per `n` (Pilot, the sample) for each checkout, alternated in `rounds`."""
    cpu: dict[str, list[float]] = {name: [] for name, _ in trees}
    for _ in range(rounds):
        for name, tree in trees:
            out = subprocess.run([sys.executable, "-c", KEYS_CPU, str(tree), str(presses)],
                                 capture_output=True, text=True, cwd=tree, check=True)
            cpu[name].append(float(out.stdout.split()[-1]))
    return cpu


def start_cpu(trees: list[tuple[str, Path]], work: Path, rounds: int) -> dict[str, list[float]]:
    """CPU ms on each start's critical path, alternated in `rounds`: the engine child's to its
    result, cold ('NAME child'), and the reader's to its first frame, warm ('NAME parent')."""
    parent = work / "parent_cpu.py"
    parent.write_text(PARENT_CPU)
    cpu: dict[str, list[float]] = {}
    for _ in range(rounds):
        for name, tree in trees:
            log, cache = work / "cpu.log", work / f"cache-cpu-{name}"
            shutil.rmtree(cache, ignore_errors=True)
            env = dict(os.environ) if AS_IS else {
                **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
                "PYTHONPYCACHEPREFIX": str(work / "pycache")}
            subprocess.run([sys.executable, "-c", CHILD_CPU, str(log), str(cache)], cwd=tree,
                           check=True, env=env)
            cpu.setdefault(f"{name} child", []).append(float(log.read_text()))
            log.unlink()
            command = reader_command(tree, work, work / f"cache-warm-{name}").replace(
                " -m tui ", f" {parent} ").replace(" RECONCILE_CACHE_DIR=",
                                                   f" RECONCILE_BENCH_LOG={log} RECONCILE_CACHE_DIR=", 1)
            time_to_marker(command, READY)
            cpu.setdefault(f"{name} parent", []).append(float(log.read_text()))
            log.unlink()
    return cpu


def screen(socket: str, skip: tuple[str, ...] = ()) -> str:
    """The pane's text, less the lines holding any of `skip` (a line that changes by itself)."""
    text = tmux(socket, "capture-pane", "-p", "-t", "b").stdout
    return "\n".join(line for line in text.splitlines() if not any(s in line for s in skip))


def key_echo(command: str, marker: str, presses: int, skip: tuple[str, ...] = (),
             while_shown: str | None = None, timeout: float = 30.0) -> list[float]:
    """Milliseconds from send-keys n to a changed pane, in a real terminal.

    At the last dispute `n` changes nothing: the key turns to `p` (and back).
    `while_shown`: stop pressing once this text has left the screen (the
    engine's progress line).  Lines holding any of `skip` are not compared.
    """
    socket = f"rcbench-{uuid.uuid4().hex[:8]}"
    times: list[float] = []
    try:
        tmux(socket, "new-session", "-d", "-s", "b", "-x", SIZE[0], "-y", SIZE[1], command)
        deadline = time.perf_counter() + timeout
        while marker not in screen(socket):
            if time.perf_counter() > deadline:
                raise RuntimeError(f"{marker!r} never appeared for: {command}")
            time.sleep(0.01)
        if while_shown is None:
            time.sleep(0.5)
        key = "n"
        for _ in range(presses):
            if while_shown is not None and while_shown not in screen(socket):
                break
            before = screen(socket, skip)
            start = time.perf_counter()
            tmux(socket, "send-keys", "-t", "b", key)
            while screen(socket, skip) == before:
                if time.perf_counter() - start > 1.0:  # no change: at the last dispute
                    key = "p" if key == "n" else "n"
                    break
                time.sleep(0.001)
            else:
                times.append((time.perf_counter() - start) * 1000)
            time.sleep(0.3)  # let notifications and repaints finish
    finally:
        tmux(socket, "kill-server")
    return times


def p90(times: list[float]) -> float:
    return statistics.quantiles(times, n=10, method="inclusive")[-1]


def percentiles(times: list[float]) -> str:
    """'median M, p90 P, max X ms (N presses)'."""
    if len(times) < 2:
        return f"{len(times)} press(es): too few to tell"
    return (f"median {statistics.median(times):.1f}, p90 {p90(times):.1f}, max {max(times):.1f} ms "
            f"({len(times)} presses)")


def busy_keys(folder: Path, work: Path, presses: int, tree: Path = ROOT) -> list[float]:
    """`n` pressed while the engine analyses a large folder (cold): ms to a changed pane."""
    cache = work / "cache-busy"
    shutil.rmtree(cache, ignore_errors=True)
    progress = ("Showing ", "Analysing ", "Reading the pairs")
    return key_echo(reader_command(tree, work, cache, folder), READY, presses, skip=progress,
                    while_shown="analysing", timeout=300)


def key_rounds(presses: int, work: Path, trees: list[tuple[str, Path]],
               blocks: int = 3) -> dict[str, list[float]]:
    """tmux key echo of the bare app and `n` in each tree's reader (warm), interleaved in
    blocks: {'bare': [...], NAME: [...]}."""
    bare_cmd = f"{base_env(work)} {sys.executable} {work / 'bare_app.py'}"
    readers = {name: reader_command(tree, work, work / f"cache-warm-{name}") for name, tree in trees}
    times: dict[str, list[float]] = {"bare": [], **{name: [] for name in readers}}
    per_block = max(2, presses // blocks)
    for _ in range(blocks):
        times["bare"] += key_echo(bare_cmd, "BARE-READY", per_block)
        for name, reader in readers.items():
            times[name] += key_echo(reader, READY, per_block)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="startup runs of each app")
    parser.add_argument("--presses", type=int, default=30, help="key presses to time")
    parser.add_argument("--as-is", action="store_true",
                        help="keep the environment's PYTHONDONTWRITEBYTECODE (no bytecode cache)")
    parser.add_argument("--base", type=Path, metavar="DIR",
                        help="a second checkout whose reader is timed in the same rounds")
    parser.add_argument("--busy", type=Path, metavar="FOLDER",
                        help="also time keys while the engine analyses this (large) folder")
    parser.add_argument("--busy-rounds", type=int, default=1, metavar="N",
                        help="cold launches on the --busy folder (each tree's, interleaved)")
    parser.add_argument("--keys-only", action="store_true",
                        help="skip the start-up rounds and the Pilot presses")
    args = parser.parse_args()
    global AS_IS
    AS_IS = args.as_is
    if shutil.which("tmux") is None:
        print("tmux is required for the real-terminal measurements", file=sys.stderr)
        return 1
    trees = [("this", ROOT)] + ([("base", args.base.resolve())] if args.base else [])
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        os.environ["RECONCILE_CONFIG_DIR"] = str(work / "config")
        os.environ["RECONCILE_CACHE_DIR"] = str(work / "cache-warm-this")
        times = startup(0 if args.keys_only else args.runs, work, trees)
        print("bytecode: " + ("as the environment has it" if AS_IS else
                              "cached (private PYTHONPYCACHEPREFIX, filled by the warm-up)"))
        if not args.keys_only:
            print(f"tmux, {args.runs} rounds; cold: analysis cache empty, warm: filled "
                  "(goal: <= 1.3x the bare app)")
            for line in startup_report(times):
                print(line)
            for label, runs in start_cpu(trees, work, max(2, args.runs // 2)).items():
                print(f"CPU on the start's critical path, reconcile {label} ("
                      + ("cold, fork to result" if label.endswith("child") else
                         "warm, launch to the first frame") + f"): median {statistics.median(runs):.0f} "
                      f"ms ({min(runs):.0f}-{max(runs):.0f}, {len(runs)} rounds)")
            pilot = asyncio.run(pilot_repaint(args.presses))
            print(f"key n -> next dispute rendered (Pilot): {percentiles(pilot)}")
        for name, runs in keys_cpu(trees, args.presses).items():
            print(f"CPU per n, reconcile {name} (Pilot, all of a press's work, per round): "
                  + ", ".join(f"{ms:.1f}" for ms in runs) + " ms")
        keys = key_rounds(args.presses, work, trees)
        bare = keys.pop("bare")
        print(f"key echo, bare app (tmux send-keys -> pane changed): {percentiles(bare)}")
        for name, real in keys.items():
            print(f"key n -> pane changed, reconcile {name} (tmux): {percentiles(real)}")
            if len(bare) > 1 and len(real) > 1:
                print(f"p90 ratio reconcile {name} / bare: {p90(real) / p90(bare):.2f}x (goal "
                      "<= 2x; both include tmux's and the polling's latency)")
        if args.busy is not None:
            busy: dict[str, list[float]] = {name: [] for name, _ in trees}
            for _ in range(args.busy_rounds):
                for name, tree in trees:
                    busy[name] += busy_keys(args.busy.resolve(), work, args.presses * 2, tree)
            for name, times in busy.items():
                print(f"key n while the engine analyses {args.busy} ({name}, tmux, cold): "
                      f"{percentiles(times)} (goal: within 50 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
