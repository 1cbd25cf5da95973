"""The reader's state has one owner (issue 12): results reach the screen one way, the notes
store is opened once, and the layout follows the width through breakpoints and reader.tcss."""

from __future__ import annotations

from dataclasses import replace

from test_ui_support import _private_config, fixture_analysis, screen_text, settle, sync  # noqa: F401
from tui.engine.anchors import anchor_for_ref
from tui.engine.notes import NoteIndex, NoteStore, new_note, open_store
from tui.ui.app import ReconcileApp
from tui.ui.messages import AnalysisArrived
from tui.ui.widgets.dispute_panes import DisputePanes

SIZE = (100, 30)


def _app(seeds, tmp_path, analysis=None) -> ReconcileApp:
    return ReconcileApp(seeds, theme_name="dark", notes_path=tmp_path / "notes.toml",
                        analysis=analysis or fixture_analysis(seeds))


@sync
async def test_a_preview_and_the_full_analysis_arrive_the_same_way(seeds, tmp_path):
    """Both are an AnalysisArrived; the app's one handler sets `results`, the screen shows it."""
    full = fixture_analysis(seeds)
    app = _app(seeds, tmp_path, full)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        preview = replace(full, facts=full.facts[:2])
        app.post_message(AnalysisArrived(preview, total=9))
        await pilot.pause()
        assert app.analysis is preview and app.preview_total == 9
        assert app.screen.analysis is preview and app.screen.query_one("#progress").display
        again = replace(full, facts=(*full.facts,))   # a new run's facts
        app.post_message(AnalysisArrived(again))
        await pilot.pause()
        assert app.analysis is again and app.preview_total is None and app.corpus is again.corpus
        assert app.screen.analysis is again and not app.screen.query_one("#progress").display


@sync
async def test_results_older_than_those_shown_are_ignored(seeds, tmp_path):
    """The first paint may take the latest results before their message is handled; a
    preview's message handled after them must not bring the preview back."""
    full = fixture_analysis(seeds)
    app = _app(seeds, tmp_path, full)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        older = AnalysisArrived(replace(full, facts=full.facts[:1]), total=9)
        newer = AnalysisArrived(replace(full, facts=(*full.facts,)))
        app.post_message(newer)
        app.post_message(older)
        await pilot.pause()
        assert app.analysis is newer.analysis and app.preview_total is None
        assert not app.screen.query_one("#progress").display


@sync
async def test_the_notes_store_is_opened_once_and_its_notes_placed_once(seeds, tmp_path, monkeypatch):
    """The markers' index, the notes list and the editor share one store, and the list
    reads the markers' index: the notes file was read and its anchors placed once per user
    of it before."""
    store = open_store(seeds, tmp_path / "notes.toml")
    first = fixture_analysis(seeds).facts[0].accounts[0]
    store.save_note(new_note("a note on the first account", anchor=anchor_for_ref(seeds, first.ref)))
    opened: list[NoteStore] = []
    real_init = NoteStore.__init__

    def counted(self, *args, **kwargs):
        opened.append(self)
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(NoteStore, "__init__", counted)
    placed: list[NoteIndex] = []
    real_build = NoteIndex.build.__func__

    def build(cls, *args):
        placed.append(real_build(cls, *args))
        return placed[-1]

    monkeypatch.setattr(NoteIndex, "build", classmethod(build))
    app = _app(seeds, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.pause(0.4)   # the notes are placed after the first paint
        await settle(pilot)
        assert "✎1" in screen_text(app)
        await pilot.press("N")
        await pilot.pause()
        assert app.screen.index is app.note_index and len(placed) == 1
        await pilot.press("escape")
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        app.run_analysis()   # a re-run (after a pairing or side decision) reads the same store
        await settle(pilot)
        assert app.analysis is not None and app.analysis.pairs
    assert len(opened) == 1 and app.notes_store is opened[0]


@sync
async def test_the_fact_list_goes_above_the_panes_on_a_narrow_terminal(seeds, tmp_path):
    """The screen's -narrow class (HORIZONTAL_BREAKPOINTS) and reader.tcss, not inline styles."""
    app = _app(seeds, tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        column, panes = screen.query_one("#facts-column"), screen.query_one(DisputePanes)
        assert column.region.y == panes.region.y and column.region.right <= panes.region.x
        await pilot.resize_terminal(80, 30)
        await pilot.pause()
        assert screen.has_class("-narrow")
        assert column.region.bottom <= panes.region.y and column.region.height == 8
        assert column.region.width == 80
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        assert screen.has_class("-wide") and column.region.right <= panes.region.x
        assert not column.styles.inline.has_rule("width")


@sync
async def test_a_decision_made_while_new_articles_are_analysed_runs_on_them(seeds, tmp_path, monkeypatch):
    """Articles added (or a case file written) start a run on the folder read again; a
    pairing or side decision made before its result must run on that folder too, not on
    the corpus of the analysis still shown."""
    import threading

    from tui.engine import cache

    read: list = []
    first_done = threading.Event()
    real = cache.analyse_cached

    def recorded(corpus, *args, **kwargs):
        read.append(corpus)
        if len(read) == 1:
            first_done.wait(10)   # the run on the new folder is still working
        return real(corpus, *args, **kwargs)

    monkeypatch.setattr(cache, "analyse_cached", recorded)
    app = _app(seeds, tmp_path)
    fresh = replace(seeds, title="read again")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.use_corpus(fresh)
        await pilot.pause(0.2)
        app.run_analysis()   # a decision's re-run
        await pilot.pause(0.2)
        first_done.set()
        await settle(pilot)
    assert len(read) == 2 and read[0] is fresh and read[1] is fresh


@sync
async def test_results_in_quick_succession_place_the_notes_once(seeds, tmp_path, monkeypatch):
    """Two results within the delay before the notes are placed (a re-run right after
    another): the notes are placed once, on the last; each result started a placing, and
    the second cancelled the first (an exclusive worker) when it had not finished."""
    store = open_store(seeds, tmp_path / "notes.toml")
    first = fixture_analysis(seeds).facts[0].accounts[0]
    store.save_note(new_note("a note", anchor=anchor_for_ref(seeds, first.ref)))
    placed: list = []
    real_build = NoteIndex.build.__func__

    def build(cls, store, corpus):
        placed.append(corpus)
        return real_build(cls, store, corpus)

    monkeypatch.setattr(NoteIndex, "build", classmethod(build))
    full = fixture_analysis(seeds)
    app = _app(seeds, tmp_path, full)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.pause(0.5)
        placed.clear()
        runs = [replace(full, facts=(*full.facts,)) for _ in range(2)]
        for run in runs:
            app.post_message(AnalysisArrived(run))
            await pilot.pause(0.05)
        await pilot.pause(0.6)
        await settle(pilot)
        assert placed == [runs[-1].corpus]


class _SlowChild:
    """An engine child whose result arrives `delay` seconds after the reader starts reading it."""

    def __init__(self, analysis, delay: float) -> None:
        self.analysis, self.delay = analysis, delay

    def frames(self):
        import time

        time.sleep(self.delay)
        yield ("result", self.analysis, None)

    def close(self) -> None:
        pass


@sync
async def test_the_first_paint_of_a_small_corpus_waits_for_a_result_on_its_way(seeds, tmp_path, monkeypatch):
    """A first launch on a small corpus: the engine child's result, 0.1 s after the screen
    is built, is the first frame's (a progress screen painted, thrown away and replaced cost
    a second full paint on the way to the first dispute)."""
    from tui.ui.reader import ReaderApp
    from tui.ui.screens.disputes import DisputesScreen

    app = ReaderApp(seeds, theme_name="dark", notes_path=tmp_path / "notes.toml",
                    forked=_SlowChild(fixture_analysis(seeds), 0.1))  # type: ignore[arg-type]
    first: list[object] = []
    real = DisputesScreen._compositor_refresh

    def refresh(screen) -> None:
        if not first:
            first.append(app.results)
        real(screen)

    monkeypatch.setattr(DisputesScreen, "_compositor_refresh", refresh)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
    assert first and first[0] is not None
