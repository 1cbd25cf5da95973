"""The real `reconcile` in a real terminal (tmux): opens on the disputes, `n` walks them.

Skipped when tmux is not installed.  Uses its own tmux server socket and a
private config folder, so it touches neither the user's tmux nor their settings.
"""

from __future__ import annotations

import shutil
from pathlib import Path
import subprocess
import sys
import time
import uuid

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Tmux:
    """A tmux server of our own with one window running a command."""

    def __init__(self, command: str, size: tuple[int, int]) -> None:
        self.socket = f"reconcile-test-{uuid.uuid4().hex[:8]}"
        self.run("new-session", "-d", "-s", "t", "-x", str(size[0]), "-y", str(size[1]), command)

    def run(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True)

    def capture(self) -> str:
        return self.run("capture-pane", "-p", "-t", "t").stdout

    def send(self, *keys: str) -> None:
        self.run("send-keys", "-t", "t", *keys)

    def wait_for(self, predicate, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.capture()
            if predicate(screen):
                return screen
            time.sleep(0.05)
        raise AssertionError(f"timed out; the screen was:\n{self.capture()}")

    def alive(self) -> bool:
        return self.run("has-session", "-t", "t").returncode == 0

    def kill(self) -> None:
        self.run("kill-server")


@pytest.fixture
def reader(tmp_path):
    config = tmp_path / "config"
    command = (f"env -u COLUMNS -u LINES RECONCILE_CONFIG_DIR={config} TERM=xterm-256color "
               f"{sys.executable} -m tui --theme dark --notes {tmp_path / 'notes.toml'}")
    tmux = Tmux(command, (100, 30))
    yield tmux
    tmux.kill()


def _pane_text(screen: str) -> str:
    """The right-hand part of the screen (the panes), to tell facts apart."""
    return "\n".join(line[36:] for line in screen.splitlines()[2:-3])


def test_reconcile_in_tmux(reader):
    first = reader.wait_for(lambda s: "why ✖ disputed" in s)
    assert "United States" in first and "Russia" in first
    seen = [_pane_text(first)]
    for _ in range(2):
        reader.send("n")
        screen = reader.wait_for(lambda s: _pane_text(s) not in seen and "why ✖ disputed" in s)
        seen.append(_pane_text(screen))
    reader.send("?")
    reader.wait_for(lambda s: "keys (esc to close)" in s)
    reader.send("Escape")
    reader.wait_for(lambda s: "keys (esc to close)" not in s)
    reader.send("c")
    reader.wait_for(lambda s: "─ compare" in s)
    reader.send("Escape")  # keys one at a time: ESC followed at once by a key reads as alt+key
    reader.wait_for(lambda s: "─ disputes" in s)
    reader.send("Enter")
    reader.wait_for(lambda s: "─ source" in s)
    reader.send("Escape")
    reader.wait_for(lambda s: "─ disputes" in s)
    reader.send("q")
    deadline = time.monotonic() + 10
    while reader.alive() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not reader.alive(), reader.capture()


def test_side_editor_keys_typed_in_one_burst(tmp_path):
    """Arrows and a digit in one terminal read: the digit moves the actor the arrows reached
    (a key handler saw the highlight before the arrows' bindings had moved it)."""
    from conftest import write

    folder = tmp_path / "corpus"
    write(folder, "a.txt", "The Harbour Ministry said the ship was in its waters.\n")
    write(folder, "b.txt", "The Coast Embassy said the ship never left open sea.\n")
    write(folder, "reconcile.toml", '[[sides]]\nid = "north"\nname = "North"\n'
          'actors = ["Harbour Ministry", "Port Office"]\n'
          '[[sides]]\nid = "south"\nname = "South"\nactors = ["Coast Embassy"]\n')
    command = (f"env -u COLUMNS -u LINES RECONCILE_CONFIG_DIR={tmp_path / 'config'} RECONCILE_NO_CACHE=1 "
               f"TERM=xterm-256color {sys.executable} -m tui --theme dark {folder}")
    tmux = Tmux(command, (100, 30))
    try:
        tmux.wait_for(lambda s: "─ disputes" in s and "Analysing" not in s)
        tmux.send("E")
        tmux.wait_for(lambda s: "─ sides" in s)
        tmux.send("Down", "Down", "2")            # North, Harbour Ministry, Port Office -> 2
        deadline = time.monotonic() + 10
        text = ""
        while time.monotonic() < deadline and "Port Office" not in text.split("south")[-1]:
            time.sleep(0.1)
            text = (folder / "reconcile.toml").read_text()
        assert "Port Office" in text.split('id = "south"')[-1], text
    finally:
        tmux.kill()


def _place(screen: str) -> str:
    """The fact list's filter and position ("all (f) · 3/21"): where the reader is."""
    import re

    found = re.search(r"─ (\w[^─]*? · \d+/\d+)", screen)
    return found.group(1) if found else ""


def test_the_workbench_flow_in_a_real_terminal(tmp_path):
    """Issue 13's walk, typed into a real terminal on a copy of the sample: confirm two
    disputes, dismiss one, merge two facts, split off an account, make a dispute of two
    accounts, annotate a sentence, undo the last two, quit; reopened, the reader is on the
    same fact and the first five decisions are in the notes file."""

    from tui.engine.notes import NoteStore

    folder = tmp_path / "sample"
    shutil.copytree(Path(__file__).resolve().parent.parent / "seeds", folder)
    notes = tmp_path / "notes.toml"
    command = (f"env -u COLUMNS -u LINES RECONCILE_CONFIG_DIR={tmp_path / 'config'} "
               f"RECONCILE_DATA_DIR={tmp_path / 'data'} "
               f"RECONCILE_CACHE_DIR={tmp_path / 'cache'} TERM=xterm-256color "
               f"{sys.executable} -m tui --theme dark --notes {notes} {folder}")

    def step(tmux: Tmux, *keys: str, then: str) -> str:
        """Type `keys` as a user would (not in one burst), wait for `then` and for the
        reader to finish what the key started (a refresh after a decision)."""
        for key in keys:
            tmux.send(key)
            time.sleep(0.15)
        screen = tmux.wait_for(lambda s: then in s)
        time.sleep(0.5)
        return screen

    tmux = Tmux(command, (120, 34))
    try:
        tmux.wait_for(lambda s: "why ✖ disputed" in s)
        step(tmux, "y", then="☑")
        step(tmux, "n", "y", then="2/")
        step(tmux, "n", "d", then="☒")
        step(tmux, "n", "M", then="Marked for merging")
        step(tmux, "n", "M", then="Merged into")
        step(tmux, "Tab", "v", then="move the account into which fact")
        step(tmux, "Enter", then="Split off into a fact")
        step(tmux, "m", then="Marked")
        step(tmux, "n", "D", then="a question for the dispute")   # an account of the next dispute
        step(tmux, "Who was where?", "Enter", then="Made the dispute")
        step(tmux, "Enter", then="─ source")
        step(tmux, "j", "a", then="Note on:")
        step(tmux, "Checked against the footage", "C-s", then="Note saved")
        step(tmux, "u", then="Undone: a note")
        step(tmux, "u", then="Undone: a dispute you made")
        step(tmux, "Escape", then="─ disputes")
        left = _place(tmux.capture())
        assert left.startswith("all (f) · ")
        tmux.send("q")
        deadline = time.monotonic() + 10
        while tmux.alive() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not tmux.alive()
    finally:
        tmux.kill()
    store = NoteStore(notes, folder)
    assert [r.verdict for r in store.reviews] == ["confirmed", "confirmed", "dismissed"]
    assert len(store.moves) == 2 and not store.user_facts and not store.notes
    again = Tmux(command, (120, 34))
    try:
        screen = again.wait_for(lambda s: "─ disputes" in s and "Analysing" not in s and "☑" in s)
        assert _place(screen) == left
    finally:
        again.kill()
