"""Issue 14: the paint after `n` finds its lines finished ahead (panes, list, scrollbars), and a
line drawn before is the same finished `Strip` (so the compositor's caches on it hit), never one
finished under other colours."""

from __future__ import annotations

import pytest

from test_ui_support import _private_config, fixture_analysis, settle, sync  # noqa: F401
from textual._styles_cache import StylesCache
from textual.screen import Screen
from textual.visual import Visual
from tui.ui.app import ReconcileApp
from tui.ui.widgets.fact_list import FactList
from tui.ui.widgets.panes_body import PanesBody
from tui.ui.widgets.reason_box import ReasonBox

SIZE = (100, 30)


@pytest.fixture
def app(seeds, tmp_path) -> ReconcileApp:
    return ReconcileApp(seeds, theme_name="dark", notes_path=tmp_path / "n.toml",
                        analysis=fixture_analysis(seeds))


def _during_paints(monkeypatch, record) -> None:
    """Call `record(name, *args)` for the styles cache's line finishing and the scrollbars'
    renders that happen while the screen paints (not while the reader is idle)."""
    painting = [False]
    refresh, render_line, to_strips = (Screen._compositor_refresh, StylesCache.render_line,
                                       Visual.to_strips)

    def paint(self):
        painting[0] = True
        try:
            return refresh(self)
        finally:
            painting[0] = False

    def finish(self, styles, y, *args):
        if painting[0]:
            record("line", self, y)
        return render_line(self, styles, y, *args)

    def strips(widget, *args, **kwargs):
        if painting[0]:
            record("strips", widget)
        return to_strips(widget, *args, **kwargs)

    monkeypatch.setattr(Screen, "_compositor_refresh", paint)
    monkeypatch.setattr(StylesCache, "render_line", finish)
    monkeypatch.setattr(Visual, "to_strips", staticmethod(strips))


@sync
async def test_the_paint_after_n_finds_its_lines_made(app, monkeypatch):
    """While the reader is idle, the panes' lines of the fact `n` leads to, the list's lines
    with that fact highlighted and the reason under the panes are drawn and finished: the
    paint after the key makes none of them (it finished and rendered every line anew)."""
    async with app.run_test(size=(100, 18)) as pilot:   # most facts scroll in the panes
        await settle(pilot)
        await pilot.pause(0.3)
        screen = app.screen
        body, facts = screen.query_one(PanesBody), screen.query_one(FactList)
        why = screen.query_one(ReasonBox)
        made: list[tuple] = []
        _during_paints(monkeypatch, lambda *what: made.append(what))
        for _ in range(6):
            made.clear()
            await pilot.press("n")
            await pilot.pause(0.3)
            assert body.lines
            assert not [w for w in made if w[1] is body._styles_cache], made
            list_rows = facts._styles_cache._rows
            assert not [w for w in made if w[1] is facts._styles_cache and w[2] in list_rows]
            assert not [w for w in made if w[1] is why or w[1] is why._styles_cache], made


@sync
async def test_a_scrollbar_drawn_ahead_is_not_drawn_again(app, monkeypatch):
    """`KeptBar.prepare` draws the bar for a coming range and position; the paint that shows
    that range draws nothing through Rich, and its lines look as a plain scrollbar's."""
    async with app.run_test(size=(100, 18)) as pilot:
        await settle(pilot)
        await pilot.pause(0.2)
        body = app.screen.query_one(PanesBody)
        for _ in range(6):   # a fact taller than the panes
            if body.show_vertical_scrollbar:
                break
            await pilot.press("n")
            await pilot.pause(0.2)
        bar = body.vertical_scrollbar
        virtual, window = body.virtual_size.height, body.size.height
        assert body.show_vertical_scrollbar and virtual > window + 5
        bar.prepare(virtual, window, 5)
        made: list[tuple] = []
        _during_paints(monkeypatch, lambda *what: made.append(what))
        body.scroll_to(y=5, animate=False, immediate=True)
        await pilot.pause(0.2)
        assert bar.position == 5 and bar.window_virtual_size == virtual
        assert not [w for w in made if w[0] == "strips" and w[1] is bar], made
        kept = [strip.text for strip in bar.render_lines(bar.size.region)]
        bar._bars.clear()
        bar.refresh()
        assert [strip.text for strip in bar.render_lines(bar.size.region)] == kept


@sync
async def test_a_line_drawn_before_is_the_same_line(app):
    """`n` then `p`: the panes show the first fact's lines again, as the very `Strip`s
    finished the first time; after a theme change none of them is reused."""
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.pause(0.2)
        body = app.screen.query_one(PanesBody)
        first = body.render_lines(body.size.region)
        await pilot.press("n", "p")
        await pilot.pause(0.2)
        again = body.render_lines(body.size.region)
        assert all(a is b for a, b in zip(first, again))
        app.theme = "light"
        await pilot.pause(0.2)
        light = body.render_lines(body.size.region)
        assert not any(a is b for a, b in zip(first, light))
        assert [s.text for s in light] == [s.text for s in first]


@sync
async def test_lines_prepared_ahead_from_a_stale_line_map_are_skipped(app, monkeypatch):
    """The list's line map can be older than an option's rendered lines (a refill racing an
    idle prepare; found by the hostile-folder fuzz test): preparing ahead is only a saving,
    so it prepares nothing then, instead of raising IndexError in the reader."""
    async with app.run_test(size=(100, 18)) as pilot:
        await settle(pilot)
        facts = app.screen.query_one(FactList)
        monkeypatch.setattr(FactList, "_get_option_render", lambda self, option, style: [])
        facts.prepare(1)
