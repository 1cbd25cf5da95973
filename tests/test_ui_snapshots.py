"""Snapshot tests of every screen on the seeds (pytest-textual-snapshot).

Fixed terminal sizes and themes, a hand-built Analysis (so the pictures do not
move while the engine improves), workers finished before the picture.  One
snapshot uses the real engine; regenerate with `pytest --snapshot-update`
after an engine change and look at the SVGs.
"""

from __future__ import annotations

import pytest

from test_ui_support import _private_config, fixture_analysis, settle  # noqa: F401
from tui.engine.model import Analysis
from tui.ui.app import ReconcileApp


def _app(seeds, tmp_path, theme="dark", analysis="fixture"):
    if analysis == "fixture":
        analysis = fixture_analysis(seeds)
    app = ReconcileApp(seeds, theme_name=theme, notes_path=tmp_path / "notes.toml", analysis=analysis)
    notify = app.notify

    def lasting(*args, **kwargs):   # a 3 s toast expired before the picture on a loaded machine
        return notify(*args, **{**kwargs, "timeout": 600})
    app.notify = lasting  # type: ignore[method-assign]
    return app


def _before(*keys):
    async def run(pilot):
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await settle(pilot)
        # a blinking cursor is drawn or not by the time the snapshot is taken: under load the
        # fact picker's filter was caught without it
        for field in pilot.app.screen.query("Input"):
            field.cursor_blink = False
        await pilot.pause()
    return run


@pytest.mark.parametrize("size", [(100, 30), (80, 24), (160, 40)])
def test_disputes(snap_compare, seeds, tmp_path, size):
    assert snap_compare(_app(seeds, tmp_path), terminal_size=size, run_before=_before())


@pytest.mark.parametrize("theme", ["light", "high-contrast"])
def test_disputes_themes(snap_compare, seeds, tmp_path, theme):
    assert snap_compare(_app(seeds, tmp_path, theme), terminal_size=(100, 30),
                        run_before=_before())


def test_disputes_right_pane_and_side_less_account(snap_compare, seeds, tmp_path):
    assert snap_compare(_app(seeds, tmp_path), terminal_size=(100, 30),
                        run_before=_before("n", "n", "tab", "tab"))


def test_one_sided(snap_compare, seeds, tmp_path):
    assert snap_compare(_app(seeds, tmp_path), terminal_size=(80, 24),
                        run_before=_before("j", "j", "j", "j"))


@pytest.mark.parametrize("size", [(100, 30), (80, 24)])
def test_compare(snap_compare, seeds, tmp_path, size):
    assert snap_compare(_app(seeds, tmp_path), terminal_size=size,
                        run_before=_before("c", "2"))


@pytest.mark.parametrize("size", [(100, 30), (80, 24)])
def test_source_with_dropped_text(snap_compare, seeds, tmp_path, size):
    assert snap_compare(_app(seeds, tmp_path), terminal_size=size,
                        run_before=_before("enter", "d"))


def test_help(snap_compare, seeds, tmp_path):
    assert snap_compare(_app(seeds, tmp_path), terminal_size=(100, 30),
                        run_before=_before("question_mark"))


def test_empty_corpus_state(snap_compare, seeds, tmp_path):
    assert snap_compare(_app(seeds, tmp_path, analysis=Analysis(seeds)),
                        terminal_size=(80, 24), run_before=_before())


def test_disputes_real_engine(snap_compare, seeds, tmp_path):
    assert snap_compare(_app(seeds, tmp_path, analysis=None), terminal_size=(100, 30),
                        run_before=_before())


def test_search(snap_compare, seeds, tmp_path):
    async def run(pilot):
        await settle(pilot)
        await pilot.press("slash")
        await pilot.pause()
        pilot.app.screen.query_one("Input").cursor_blink = False
        await pilot.press(*"propeller")
        await settle(pilot)
    assert snap_compare(_app(seeds, tmp_path), terminal_size=(100, 30), run_before=run)


# Issue 13's new screens and states, at the smallest and a large terminal.
WORKBENCH = {
    "reviewed": ("y", "n", "d", "r", *"Mine", "enter"),        # marks and a renamed fact
    "fact_picker": ("tab", "v"),                                  # move an account: pick a fact
    "rename": ("r",),                                             # the title prompt
    "source_cursor_and_find": ("enter", "j", "j", "slash", *"drone", "enter"),
}


@pytest.mark.parametrize("size", [(80, 24), (160, 50)])
@pytest.mark.parametrize("state", sorted(WORKBENCH))
def test_workbench(snap_compare, seeds, tmp_path, size, state):
    assert snap_compare(_app(seeds, tmp_path), terminal_size=size,
                        run_before=_before(*WORKBENCH[state]))


@pytest.mark.parametrize("size", [(80, 24), (160, 50)])
def test_side_editor(snap_compare, tmp_path, size):
    """E: the sides, their actors and other names (on a copy: the sample is never edited)."""
    import shutil

    from conftest import SEEDS
    from tui.engine.text.loading import load_corpus

    shutil.copytree(SEEDS, tmp_path / "sample")
    corpus = load_corpus(tmp_path / "sample")
    app = ReconcileApp(corpus, theme_name="dark", notes_path=tmp_path / "notes.toml",
                       analysis=fixture_analysis(corpus))
    assert snap_compare(app, terminal_size=size, run_before=_before("E", "down", "down"))
