"""Issue 14: `n` and `p` draw the panes from lines kept per fact and width, and a new fact
does not lay the screen out again unless its reason's height changes."""

from __future__ import annotations

import pytest

from test_ui_support import _private_config, fixture_analysis, screen_text, settle, sync  # noqa: F401
from textual.screen import Screen
from tui.ui.app import ReconcileApp
from tui.ui.widgets.dispute_panes import DisputePanes
from tui.ui.widgets.panes_body import PanesBody

SIZE = (100, 30)


@pytest.fixture
def app(seeds, tmp_path) -> ReconcileApp:
    return ReconcileApp(seeds, theme_name="dark", notes_path=tmp_path / "n.toml",
                        analysis=fixture_analysis(seeds))


@sync
async def test_each_fact_is_rendered_once(app, monkeypatch):
    """Rich lays a fact's table out once per width and cursor: once the facts `n` and `p`
    lead to have been shown (or rendered ahead), more keys draw from what the body kept
    (the whole table was rendered again on every key)."""
    rendered: list[str] = []
    table = DisputePanes._table

    def counted(self):
        rendered.append(self.fact.id)
        return table(self)

    monkeypatch.setattr(DisputePanes, "_table", counted)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", "p")
        await pilot.pause(0.1)
        seen = len(rendered)
        assert seen
        for key in "npnnpp":
            await pilot.press(key)
            await pilot.pause()
        assert len(rendered) == seen, rendered
        panes = app.screen.query_one(DisputePanes)
        assert panes.fact is not None and panes.fact.accounts[0].speaker in screen_text(app)


def _count_layouts(monkeypatch) -> list[int]:
    """A list that grows by one each time the screen is laid out."""
    layouts: list[int] = []
    refresh_layout = Screen._refresh_layout

    def counted(self, *args, **kwargs):
        layouts.append(1)
        return refresh_layout(self, *args, **kwargs)

    monkeypatch.setattr(Screen, "_refresh_layout", counted)
    return layouts


@sync
async def test_the_next_fact_is_drawn_without_a_layout(app, monkeypatch):
    """A fact whose reason takes as many lines as the last one's, and as tall a table (no
    scrollbar coming or going), changes no widget's size: the screen is not laid out again
    (a layout and the frames after it cost most of a key)."""
    layouts = _count_layouts(monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.pause(0.2)
        why, body = app.screen.query_one("#why"), app.screen.query_one(PanesBody)
        first = why.outer_size.height, body.show_vertical_scrollbar
        for key in "npnp":
            layouts.clear()
            await pilot.press(key)
            await pilot.pause(0.1)
            assert (why.outer_size.height, body.show_vertical_scrollbar) == first
            assert not layouts, key


@sync
async def test_a_highlight_move_repaints_two_options(app, monkeypatch):
    """`n` repaints the fact list's old and new highlighted options and its title line,
    not every line of the list (an OptionList repaints all of them on a highlight move)."""
    from tui.ui.widgets.fact_list import FactList

    painted: list[int] = []
    render_line = FactList.render_line

    def counted(self, y):
        painted.append(y)
        return render_line(self, y)

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.pause(0.2)
        facts = app.screen.query_one(FactList)
        old = facts.highlighted
        monkeypatch.setattr(FactList, "render_line", counted)
        await pilot.press("n")
        await pilot.pause(0.1)
        heights = facts._heights
        assert facts.highlighted != old
        assert 0 < len(painted) <= heights[old] + heights[facts.highlighted], painted
        assert f"{facts.highlighted + 1}/{len(facts.facts)}" in screen_text(app)


@sync
async def test_a_new_height_alone_does_not_redraw_the_body(app, monkeypatch):
    """The reason under the panes changing height resizes the body: Textual repaints it in
    that frame; the body asking for another repaint cost a second frame per such key."""
    from textual import events
    from textual.geometry import Size

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.pause(0.2)
        body = app.screen.query_one(PanesBody)
        asked: list[int] = []
        monkeypatch.setattr(body, "refresh", lambda *a, **k: asked.append(1))
        width, height = body.size
        body.on_resize(events.Resize(Size(width, height - 1), body.virtual_size))
        assert not asked


@sync
async def test_a_taller_reason_lays_the_screen_out_once(seeds, tmp_path, monkeypatch):
    """A reason one line taller than the last one's resizes the reason box, the body and its
    scrollbar: one layout; Textual then asked for a second one (and its frame) because each
    resized widget's scroll range is a reactive that lays the screen out."""
    from dataclasses import replace

    from tui.engine.model import Evidence

    analysis = fixture_analysis(seeds)
    facts = list(analysis.facts)
    facts[1] = replace(facts[1], evidence=facts[1].evidence + (Evidence(
        "cue", "a second reason, long enough to take the reason box to a third line of text"),))
    app = ReconcileApp(seeds, theme_name="dark", notes_path=tmp_path / "n.toml",
                       analysis=replace(analysis, facts=tuple(facts)))
    layouts = _count_layouts(monkeypatch)
    async with app.run_test(size=(100, 20)) as pilot:
        await settle(pilot)
        await pilot.pause(0.2)
        why, body = app.screen.query_one("#why"), app.screen.query_one(PanesBody)
        for key, lines in (("n", 3), ("p", 2)):
            layouts.clear()
            await pilot.press(key)
            await pilot.pause(0.2)
            assert why.outer_size.height == lines and body.show_vertical_scrollbar
            assert len(layouts) == 1, key


@sync
async def test_the_first_fact_is_rendered_once_for_the_first_paint(seeds, tmp_path, monkeypatch):
    """A tall first fact is rendered once for the first paint, at the width its scrollbar
    leaves: the panes' lower bound of its lines says it will not fit (it was rendered at
    the full width first, then again one column narrower: a table's layout thrown away on
    the way to the first dispute)."""
    from tui.engine.analysis import analyse

    renders: list[tuple[object, int]] = []
    lines_at = PanesBody._lines_at

    def counted(self, width):
        if self._kept_at(width) is None:
            renders.append((self._owner, width))
        return lines_at(self, width)

    monkeypatch.setattr(PanesBody, "_lines_at", counted)
    app = ReconcileApp(seeds, theme_name="dark", notes_path=tmp_path / "n.toml", analysis=analyse(seeds))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        body = app.screen.query_one(PanesBody)
        first = app.screen.query_one(DisputePanes).fact
        width = body.size.width
        assert body.virtual_size.height > body.size.height   # the sample's first fact is tall
    assert [w for owner, w in renders if owner is first] == [width - 1]
