"""Pilot tests of the reader: every key, the screens, themes and the config folder."""

from __future__ import annotations

from dataclasses import replace

import pytest

from test_ui_support import _private_config, fixture_analysis, screen_text, settle, sync  # noqa: F401
from tui.engine.model import Analysis
from tui.ui.app import ReconcileApp
from tui.ui.screens.compare import CompareScreen
from tui.ui.screens.disputes import DisputesScreen
from tui.ui.screens.help import HelpScreen
from tui.ui.screens.search import SearchScreen
from tui.ui.screens.source import SourceScreen
from tui.ui.widgets.dispute_panes import DisputePanes
from tui.ui.widgets.fact_list import FactList

SIZE = (100, 30)
ROOT_SEEDS = __import__("pathlib").Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture
def app(seeds, tmp_path) -> ReconcileApp:
    return ReconcileApp(seeds, theme_name="dark", notes_path=tmp_path / "notes.toml",
                        analysis=fixture_analysis(seeds))


def current(app) -> str | None:
    return app.screen.query_one(FactList).current.id


@sync
async def test_opens_on_first_dispute_with_both_sides(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DisputesScreen)
        assert current(app) == "f-collision"
        text = screen_text(app)
        assert "United States" in text and "Russia" in text
        assert "✖ disputed" in text and "✔ agreed" in text and "◐ one-sided" in text
        assert "why ✖ disputed" in text


@pytest.mark.parametrize("forward,back", [("n", "p"), ("right_square_bracket",
                                                        "left_square_bracket")])
@sync
async def test_next_and_previous_dispute(app, forward, back):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        seen = [current(app)]
        for _ in range(3):
            await pilot.press(forward)
            seen.append(current(app))
        assert seen == ["f-collision", "f-transponder", "f-intercept", "f-collision"]
        assert "Wrapped around to the first disputed fact." in _toasts(app)
        assert "1/5 · ✖ 1/3" in app.screen.query_one(FactList).border_title
        await pilot.press(back)
        assert current(app) == "f-intercept"
        assert "3/5 · ✖ 3/3" in app.screen.query_one(FactList).border_title
        assert "Wrapped around to the last disputed fact." in _toasts(app)


def _toasts(app) -> str:
    return " ".join(str(n.message) for n in app._notifications)


@sync
async def test_j_k_and_arrows_move_in_the_fact_list(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "down")
        assert current(app) == "f-call"
        await pilot.press("k", "up")
        assert current(app) == "f-transponder"


@sync
async def test_tab_switches_panes_and_j_k_move_accounts(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        panes = app.screen.query_one(DisputePanes)
        await pilot.press("tab")
        assert panes.has_focus and panes.column == 0
        await pilot.press("j")
        assert panes.index == 1 and panes.selected.ref.article.startswith("002")
        await pilot.press("tab")
        assert panes.column == 1 and panes.selected.side == "ru"
        await pilot.press("tab")
        assert app.screen.query_one(FactList).has_focus
        await pilot.press("shift+tab")
        assert panes.has_focus and panes.column == 1


@sync
async def test_one_sided_fact_says_what_is_missing(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.jump_to_fact("f-video")
        await pilot.pause()
        assert "no account from Russia in" in screen_text(app)


@sync
async def test_enter_opens_source_and_d_shows_dropped(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "tab", "enter")
        assert isinstance(app.screen, SourceScreen)
        assert app.screen.article.id.startswith("000") and app.screen.ref.paragraph == 3
        await pilot.press("escape", "shift+tab", "enter")
        source = app.screen
        assert isinstance(source, SourceScreen) and source.article.id.startswith("001")
        assert "dropped:" not in screen_text(app)
        await pilot.press("d")
        await pilot.pause()
        assert source.has_class("-show-dropped")
        assert "dropped:" in screen_text(app), "on the screen, not only the class"  # issue 15 #1
        await pilot.press("d")
        await pilot.pause()
        assert "dropped:" not in screen_text(app)
        await pilot.press("j", "k")
        await pilot.press("c")
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, DisputesScreen)


@sync
async def test_compare_keys(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.ids == ["001_7c66d4f0f52cdbbc.txt", "000_7f4c5cce0065053c.txt"]
        await pilot.press("2")
        assert screen.ids[1].startswith("002")
        assert "aligned paragraph pairs" in screen_text(app)
        await pilot.press("s")
        assert screen.ids == ["002_da9a1b498ebd98ed.txt", "001_7c66d4f0f52cdbbc.txt"]
        await pilot.press("1")
        assert screen.ids[0].startswith("003")
        await pilot.press("j", "j", "k")
        await pilot.press("escape")
        assert isinstance(app.screen, DisputesScreen)


@sync
async def test_search_jumps_to_fact_and_to_text(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"transponder")
        await pilot.press("enter")
        assert current(app) == "f-transponder"
        await pilot.press("slash", *"Flynn", "enter")
        assert isinstance(app.screen, SourceScreen)
        assert app.screen.article.id.startswith("003")
        await pilot.press("escape", "slash", "escape")
        assert isinstance(app.screen, DisputesScreen)


@sync
async def test_filter_cycles(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("f")
        assert screen.filter == "disputed" and len(screen.facts) == 3
        await pilot.press("f")
        assert screen.filter == "to review" and len(screen.facts) == 3  # none reviewed yet
        await pilot.press("f")
        assert [f.id for f in screen.facts] == ["f-call"]
        await pilot.press("f", "f")
        assert screen.filter == "all"


@sync
async def test_help_lists_every_key(app):
    async with app.run_test(size=(120, 120)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for key in ("n / ]", "p / [", "tab", "enter", "c", "/", "a", "?", "q", "j", "k",
                    "ctrl+p", "esc", "d", "f"):
            assert f" {key} " in text, key
        await pilot.press("escape")
        assert isinstance(app.screen, DisputesScreen)


@sync
async def test_annotate_opens_the_note_editor(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert type(app.screen).__name__ == "NoteEditor"
        await pilot.press("escape")
        await pilot.pause()


@sync
async def test_ctrl_q_asks_before_quitting_with_a_typed_note(app):
    """Issue 15 #2: ctrl+q in the note editor must not lose a typed note unasked."""
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("h", "i", "ctrl+q")
        await pilot.pause()
        assert app.is_running and type(app.screen).__name__ == "NoteEditor"
        assert "ctrl+q again" in screen_text(app)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


@sync
async def test_messages_say_what_is_true(app):
    """Issue 15 #7: n under a filter without disputes steps through what is shown; the why
    line names sides; an account's note label never shows a side id."""
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        screen.set_filter("agreed")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert said and not any("disputed" in m for m in said), said


def test_the_why_line_names_sides():
    from tui.engine.model import Evidence

    names = {"ru": "Russia", "us": "United States"}
    assert Evidence("denial", "denied", "ru").named(names) == "denied (Russia)"
    assert Evidence("cause", "cause: a ↔ b (1999)").named(names) == "cause: a ↔ b (1999)"
    # The side comes from the record, never from the words: a cue that ends in brackets stays.
    assert Evidence("cue", "a different account (us)").named(names) == "a different account (us)"


def test_note_labels_name_the_side_or_say_unattributed(seeds):
    from tui.engine.notes import target_for

    corpus = fixture_analysis(seeds).corpus
    fact = fixture_analysis(seeds).facts[0]
    account = replace(fact.accounts[0], speaker=None)
    side = {s.id: s.name for s in corpus.sides}[account.side]
    assert target_for(corpus, fact, account).label.endswith(f" - {side}")
    nobody = replace(account, side=None)
    assert target_for(corpus, fact, nobody).label.endswith(" - unattributed account")


@sync
async def test_q_quits(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


@sync
async def test_q_quits_from_the_help_too(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


@sync
async def test_mouse_click_selects_fact(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        fact_list = app.screen.query_one(FactList)
        await pilot.click(FactList, offset=(4, 3))
        await pilot.pause()
        assert fact_list.current.id != "f-collision"


@sync
async def test_palette_jump_and_theme_remembered(app, _private_config):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.action_command_palette()
        await pilot.pause()
        await pilot.press(*"Theme")   # one theme picker: Textual's, which lists ours too
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press(*"light")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "light"
        app.action_command_palette()
        await pilot.pause()
        await pilot.press(*"Jump to fact: agreed")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert current(app) == "f-call"
    assert 'theme = "light"' in (_private_config / "settings.toml").read_text()


@sync
async def test_empty_analysis_is_still_useful(seeds, tmp_path):
    app = ReconcileApp(seeds, theme_name="dark", notes_path=tmp_path / "n.toml",
                       analysis=Analysis(seeds))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "No facts yet" in text and "c compare" in text
        await pilot.press("c")
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("escape", "enter")
        assert isinstance(app.screen, SourceScreen)


@sync
async def test_real_engine_runs_in_a_worker(seeds, tmp_path):
    app = ReconcileApp(seeds, theme_name="dark", notes_path=tmp_path / "n.toml")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.analysis is not None
        screen = app.screen
        assert not screen.loading_shown
        if app.analysis.facts:
            assert screen.current_fact is not None
        await pilot.press("n", "c")
        await pilot.press("escape")


def test_unknown_theme_is_a_one_line_user_error(seeds, capsys, tmp_path):
    from tui.cli import main

    assert main(["--theme", "nope", "--notes", str(tmp_path / "n.toml")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unknown theme 'nope'" in err and "high-contrast" in err


@sync
async def test_user_theme_files_loaded_and_bad_ones_reported(seeds, tmp_path, _private_config):
    themes = _private_config / "themes"
    themes.mkdir()
    (themes / "mine.toml").write_text('name = "mine"\nprimary = "#336699"\n'
                                      '[variables]\nside-a = "#00ff00"\n')
    (themes / "broken.toml").write_text('name = "broken"\nprimary = \n')
    (themes / "badcolour.toml").write_text('name = "bad"\nprimary = "not a colour"\n')
    app = ReconcileApp(seeds, theme_name="mine", notes_path=tmp_path / "n.toml",
                       analysis=fixture_analysis(seeds))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "mine"
        assert app.theme_variables["side-a"] == "#00ff00"
        messages = " ".join(n.message for n in app._notifications)
        assert "broken.toml" in messages and "badcolour.toml" in messages


@sync
async def test_saved_theme_is_used_next_time(seeds, tmp_path, _private_config):
    (_private_config / "settings.toml").write_text('theme = "high-contrast"\n')
    app = ReconcileApp(seeds, notes_path=tmp_path / "n.toml", analysis=fixture_analysis(seeds))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "high-contrast"


@sync
async def test_note_markers_on_fact_and_account(seeds, tmp_path):
    from tui.engine.notes import new_note, open_store, target_for

    analysis = fixture_analysis(seeds)
    fact = analysis.facts[1]
    notes_path = tmp_path / "notes.toml"
    store = open_store(seeds, notes_path)
    target = target_for(seeds, fact, fact.accounts[0])
    store.save_note(new_note("check the transponder claim", anchor=target.anchor))
    app = ReconcileApp(seeds, theme_name="dark", notes_path=notes_path, analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.pause(0.4)
        await settle(pilot)
        assert "airspace ✎1" in screen_text(app)
        await pilot.press("n")
        assert "▶ ✎1 " in screen_text(app) or "● ✎1 " in screen_text(app)


def _colours_of(app, word: str) -> set[str]:
    strips = app.screen._compositor.render_strips()
    return {seg.style.color.name for strip in strips for seg in strip
            if seg.style and seg.style.color and word in seg.text}


@sync
async def test_theme_switch_restyles_the_panes(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "#ff9f43" in _colours_of(app, "Moscow")
        app.theme = "light"
        await settle(pilot)
        await pilot.pause(0.1)
        assert "#b35900" in _colours_of(app, "Moscow")


@sync
async def test_mouse_click_selects_an_account(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        panes = app.screen.query_one(DisputePanes)
        await pilot.click("#body", offset=(50, 1))
        await pilot.pause()
        assert panes.has_focus and panes.column == 1


@sync
async def test_engine_in_a_thread_when_fork_is_off(seeds, tmp_path, monkeypatch):
    monkeypatch.setenv("RECONCILE_NO_FORK", "1")
    app = ReconcileApp(seeds, theme_name="dark", notes_path=tmp_path / "n.toml")
    assert app._forked is None
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.analysis is not None and not app.screen.loading_shown


@sync
async def test_progress_line_while_the_engine_works(seeds, tmp_path):
    app = ReconcileApp(seeds, theme_name="dark", notes_path=tmp_path / "n.toml",
                       analysis=fixture_analysis(seeds))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        screen.loading_shown = True  # as before the results arrive
        screen.show_progress("pairing", 3, 12)
        await pilot.pause()
        assert "pairing ▰▰▰▱▱▱▱▱▱▱▱▱ 3/12" in str(screen.query_one("#progress").render())
        screen.show_progress("facts", 0, 1)
        await pilot.pause()
        assert "articles: facts…" in str(screen.query_one("#progress").render())


@sync
async def test_progress_reports_repaint_the_line_without_a_layout(seeds, tmp_path):
    """The engine reports progress 20 times a second: each report repaints the one-line
    progress line, and never lays the screen out again (a layout measures the fact list and
    the panes: keys pressed during a large folder's analysis waited for them)."""
    app = ReconcileApp(seeds, theme_name="dark", notes_path=tmp_path / "n.toml",
                       analysis=fixture_analysis(seeds))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        screen.loading_shown = True
        await pilot.pause()
        line = screen.query_one("#progress")
        layouts: list[bool] = []
        refresh = line.refresh

        def spy(*regions, layout=False, **kwargs):
            layouts.append(layout)
            return refresh(*regions, layout=layout, **kwargs)

        line.refresh = spy
        for done in range(1, 6):
            screen.show_progress("pairing", done, 12)
        await pilot.pause()
        assert layouts and not any(layouts)
        assert "pairing ▰▰▰▰▰▱▱▱▱▱▱▱ 5/12" in str(line.render())


def test_forked_engine_reports_progress_and_result(seeds, tmp_path):
    from tui.ui.background import ForkedAnalysis, can_fork

    if not can_fork():
        pytest.skip("fork is not available here")
    frames = list(ForkedAnalysis(seeds, tmp_path / "n.toml").frames())
    assert frames[-1][0] == "result"
    assert frames[-1][1].corpus.title == seeds.title


@sync
async def test_sides_inferred_without_a_case_file(tmp_path):
    import shutil

    from tui.engine.text.loading import load_corpus

    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in (ROOT_SEEDS).glob("*.txt"):
        shutil.copy(path, folder / path.name)
    corpus = load_corpus(folder)
    app = ReconcileApp(corpus, theme_name="dark", notes_path=tmp_path / "n.toml")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = [c.name for c in app.screen.query_one(DisputePanes).columns]
        assert app.analysis.corpus.sides and not corpus.sides
        assert all("(inferred)" in t for t in titles)
        assert "(inferred)" in screen_text(app)
        app.action_fix_side()   # issue 15 #3: the picker offers the inferred sides, not only "no side"
        await pilot.pause()
        text = screen_text(app)
        for number, side in enumerate(app.analysis.corpus.sides, 1):
            assert f"{number} {side.name}" in text


@sync
async def test_palette_compare_with_an_article(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.compare_with("004_59a28452e44ba236.txt")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.ids == ["001_7c66d4f0f52cdbbc.txt", "004_59a28452e44ba236.txt"]
        app.action_command_palette()
        await pilot.pause()
        await pilot.press(*"Compare with: TROIB")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)


@sync
async def test_mark_and_link_two_accounts_is_stored(app, tmp_path):
    """m on one account, = on another: a "same fact" decision lands in the notes file."""
    from tui.engine.notes import open_store

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        panes = app.screen.query_one(DisputePanes)
        await pilot.press("tab")
        first = panes.selected
        await pilot.press("m")
        assert app.screen.marked == first
        await pilot.press("tab")  # the other side's column: another article
        second = panes.selected
        assert second.ref.article != first.ref.article
        await pilot.press("equals_sign")
        await pilot.pause()
        assert app.screen.marked is None
        await pilot.press("m", "x")  # x on the same article is refused, nothing stored
        await pilot.pause()
    links = open_store(app.corpus, tmp_path / "notes.toml").engine_inputs(app.corpus)[0]
    assert [(link.a, link.b, link.same) for link in links] == [(first.ref, second.ref, True)]


@sync
async def test_a_long_fact_paints_its_first_accounts_and_the_rest_as_the_cursor_moves(seeds, tmp_path):
    """A fact of many accounts paints the first SHOWN_ROWS per pane and says how many
    more there are; moving down past them paints them."""
    from tui.ui.widgets.dispute_panes import SHOWN_ROWS, DisputePanes

    app = ReconcileApp(seeds, theme_name="dark", notes_path=tmp_path / "n.toml")
    async with app.run_test(size=(120, 60)) as pilot:
        await settle(pilot)
        panes = app.screen.query_one(DisputePanes)
        long = max(app.analysis.facts, key=lambda f: len(f.accounts))
        panes.show(long)
        await pilot.pause()
        column = max(range(2), key=lambda c: len(panes.accounts[c]))
        assert len(panes.accounts[column]) > SHOWN_ROWS

        def painted() -> tuple[int, str]:
            table, *rest = panes._table().renderable.renderables
            return table.row_count, " ".join(str(r) for r in rest)

        rows, after = painted()
        assert rows == SHOWN_ROWS and "more account" in after
        panes.select(column, len(panes.accounts[column]) - 1)
        await pilot.pause()
        rows, after = painted()
        assert rows == max(len(panes.accounts[0]), len(panes.accounts[1])) and "more account" not in after


@sync
async def test_warnings_reach_the_reader(tmp_path):
    """Issue 15 #5: a skipped file is said in the reader, not only by the export."""
    import shutil

    from tui.engine.text.loading import load_corpus

    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in ROOT_SEEDS.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    (folder / "gold.json").write_text("{}")
    corpus = load_corpus(folder)
    app = ReconcileApp(corpus, theme_name="dark", notes_path=tmp_path / "n.toml",
                       analysis=Analysis(corpus))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        said = " ".join(n.message for n in app._notifications)
        assert "gold.json: skipped, not an article file" in said


def test_warnings_are_printed_after_the_reader_quits(tmp_path, monkeypatch, capsys):
    from tui.cli import main
    from tui.ui import app as app_module

    class Quit:
        return_code = 0
        corpus = type("C", (), {"warnings": ("gold.json: skipped, not an article file",)})()

        def run(self):
            return None

    monkeypatch.setattr(app_module, "open_reader", lambda *a, **k: Quit())
    (tmp_path / "a.txt").write_text("The ministry said the drone crashed after a sharp maneuver.\n")
    assert main([str(tmp_path)]) == 0
    assert "reconcile: warning: gold.json: skipped, not an article file" in capsys.readouterr().err


@sync
async def test_quitting_during_the_analysis_stops_the_engine_child(seeds, tmp_path, monkeypatch):
    """Issue 15 #35: q while the engine works left a blank terminal and a busy child."""
    import os
    import time

    from tui.engine import cache
    from tui.ui.app import open_reader
    from tui.ui.background import can_fork

    if not can_fork():
        pytest.skip("the engine runs in a child process only where fork is available")
    monkeypatch.setattr(cache, "analyse_cached", lambda *a, **k: time.sleep(120))
    app = open_reader(seeds, "dark", tmp_path / "n.toml")
    pid = app._forked.pid
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.3)
        await pilot.press("q")
        await pilot.pause()
    with pytest.raises((ChildProcessError, ProcessLookupError)):
        os.waitpid(pid, os.WNOHANG)
        os.kill(pid, 0)


@sync
async def test_an_engine_failure_is_not_called_no_accounts(seeds, tmp_path, monkeypatch):
    """Issue 15 #39: after a failure the empty screen says so, not 'found no accounts'."""
    from tui.ui import background

    def broken(*args, **kwargs):
        raise ValueError("boom")

    monkeypatch.setattr(background, "analyse_here", broken)
    app = ReconcileApp(seeds, theme_name="dark", notes_path=tmp_path / "n.toml")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "The engine failed (ValueError: boom)" in text and "found no accounts" not in text


@sync
async def test_screenshot_is_saved_beside_the_corpus_and_says_where(tmp_path):
    """Issue 15 #10: Textual's screenshot went to ~/Downloads and failed silently without it."""
    import shutil

    from tui.engine.text.loading import load_corpus

    folder = tmp_path / "corpus"
    shutil.copytree(ROOT_SEEDS, folder)
    corpus = load_corpus(folder)
    app = ReconcileApp(corpus, theme_name="dark", notes_path=tmp_path / "n.toml", analysis=Analysis(corpus))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert titles.count("Theme") == 1 and "Screenshot" in titles
        app.screenshot_here()
        await pilot.pause()
        said = " ".join(n.message for n in app._notifications)
    [shot] = (folder / ".reconcile" / "screenshots").glob("*.svg")
    assert not load_corpus(folder).skipped
    assert f"Screenshot saved to {shot}" in said


@pytest.mark.parametrize("theme", ["light", "dark"])
@sync
async def test_the_fact_lists_title_and_counter_are_readable(seeds, tmp_path, theme):
    """Issue 15 #9: on the light theme they were white on white ($text-muted is 'auto')."""
    app = ReconcileApp(seeds, theme_name=theme, notes_path=tmp_path / "n.toml",
                       analysis=fixture_analysis(seeds))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        styles = app.screen.query_one(FactList).styles
        background = app.screen.styles.background
        for colour in (styles.border_title_color, styles.border_subtitle_color):
            seen = background.blend(colour, colour.a)
            assert abs(seen.brightness - background.brightness) > 0.35, (theme, colour)


@sync
async def test_source_lines_use_the_panes_width(app):
    """Issue 15 #8: the article title was cut at ~25 characters at any width."""
    async with app.run_test(size=(200, 40)) as pilot:
        await settle(pilot)
        lines = [line for line in screen_text(app).splitlines() if ".txt ¶" in line]
        assert lines, "the source line (label · file ¶n sm) stays on one line on a wide pane"
        labels = [part.split(" · 0")[0].split("│")[-1].strip() for line in lines for part in [line]]
        assert max(len(label) for label in labels) > 30, labels


def test_search_snippets_cut_at_words_and_mark_the_match():
    """Issue 15 #8: snippets were cut mid-word and the match was not highlighted."""
    from tui.ui.screens.search import _snippet

    text = ("The Defense Ministry said that Russian fighter jets did not use their airborne weapons and "
            "did not come into contact with the drone, which crashed into the sea after a sharp "
            "maneuver near Crimea on Tuesday morning.")
    snippet = _snippet(text, "SHARP maneuver", 60)
    body = snippet.plain.strip("…")
    assert text.find(body) >= 0 and text[text.find(body) - 1] == " " and text[text.find(body) + len(body)] == " "
    [span] = snippet.spans
    assert snippet.plain[span.start:span.end] == "sharp maneuver" and "reverse" in str(span.style)


@sync
async def test_the_footer_fits_80_columns(app):
    """Issue 15 #8: at 80x24 the footer cut 'Search'."""
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
        assert "/ Search" in footer and "^p palette" in footer


@sync
async def test_compare_opens_on_the_dispute_and_steps_through_differences(app):
    """Issue 13: compare opens on the selected account's paragraph with its sentence marked
    (not at ¶1), n/] and p/[ step through rows that differ, o follows an out-of-order link."""
    from test_ui_support import A0, A1
    from tui.engine.model import Ref
    from tui.ui.widgets.long_text import LongText

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.ids == [A1, A0] and screen.marks == (Ref(A1, 3, 0), Ref(A0, 3, 2))
        assert "¶4 The US military said" in screen_text(app)
        body = screen.query_one(LongText)
        top = body.block_at_top()
        await pilot.press("n")
        assert body.block_at_top() > top
        row = screen._rows[body.block_at_top()]
        assert row.left is None or row.right is None or \
            screen.articles[0].paragraphs[row.left].text != screen.articles[1].paragraphs[row.right].text
        await pilot.press("p", "g")
        assert body.block_at_top() == 0
        await pilot.press("o")
        assert "No out-of-order link on screen." in _toasts(app)  # A1 and A0 pair in order
        await pilot.press("G")
        for _ in range(len(screen._rows)):
            await pilot.press("n")
        assert "No later difference." in _toasts(app)


@sync
async def test_source_compare_picks_the_most_paired_article(app):
    """Issue 13: 'c' in the source view compares with the article sharing most pairs, not the
    next file, and opens on the sentence being read."""
    from test_ui_support import A1, A2
    from tui.engine.model import Ref

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_source(A1, Ref(A1, 9, 0))
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.ids == [A1, A2] and app.screen.marks == (Ref(A1, 9, 0),)
        assert "¶10" in screen_text(app)
        body = app.screen.query_one("#body")
        await pilot.press("g", "o")  # A1 ¶1 pairs with A2 ¶15, out of the pairs' order
        assert body.block_at_top() > 0
        row = app.screen._rows[body.block_at_top()]
        assert row.right == 14 or 0 in row.right_elsewhere


@sync
async def test_reopening_lands_where_the_user_left(seeds, tmp_path):
    """Issue 13: the reader reopens a corpus on the fact and filter the user left, not on the
    first dispute with the filter reset (kept in the user data folder, per corpus)."""
    def reader():
        return ReconcileApp(seeds, theme_name="dark", notes_path=tmp_path / "notes.toml",
                            analysis=fixture_analysis(seeds))

    first = reader()
    async with first.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", "f")  # the second dispute, then the "disputed" filter
        left_on, filter_ = current(first), first.screen.filter
        assert (left_on, filter_) == ("f-transponder", "disputed")
    again = reader()
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert current(again) == "f-transponder" and again.screen.filter == "disputed"


@sync
async def test_confirm_dismiss_rename_and_undo_facts(app, tmp_path):
    """Issue 13: y confirms, d dismisses (n then skips it), r renames, the 'to review' filter
    shows the disputes still unreviewed, u undoes and ctrl+r redoes; all in the notes file."""
    from tui.engine.notes import NoteStore

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("y")
        assert app.screen.current_fact.review == "confirmed"
        assert "☑ confirmed" in screen_text(app)
        await pilot.press("n", "d")
        assert app.screen.current_fact.review == "dismissed"
        await pilot.press("n", "n")  # f-intercept, then around to f-collision: f-transponder is skipped
        assert current(app) == "f-collision"
        await pilot.press("r", *"Who hit whom?", "enter")  # the old title is selected: replaced
        await pilot.pause()
        assert app.screen.current_fact.title == "Who hit whom?"
        assert app.screen.current_fact.engine_title == "Collision or sharp maneuver"
        app.screen.set_filter("to review")
        assert [f.id for f in app.screen.facts] == ["f-intercept"]
        app.screen.set_filter("all")
        stored = {r.fact: (r.verdict, r.title) for r in NoteStore(tmp_path / "notes.toml").reviews}
        assert stored == {"f-collision": ("confirmed", "Who hit whom?"),
                          "f-transponder": ("dismissed", None)}
        await pilot.press("u")
        titles = {f.id: f.title for f in app.screen.facts}
        assert titles["f-collision"] == "Collision or sharp maneuver"
        await pilot.press("u", "u")
        assert NoteStore(tmp_path / "notes.toml").reviews == []
        assert "Nothing to undo" not in _toasts(app)
        await pilot.press("u")
        assert "Nothing to undo in this session." in _toasts(app)
        await pilot.press("ctrl+r")
        assert [r.verdict for r in NoteStore(tmp_path / "notes.toml").reviews] == ["confirmed"]


@sync
async def test_reviews_in_the_notes_file_show_on_opening(seeds, tmp_path):
    from tui.engine.anchors import anchor_for_ref
    from tui.engine.notes import NoteStore

    analysis = fixture_analysis(seeds)
    fact = analysis.facts[1]
    NoteStore(tmp_path / "notes.toml").review_fact(
        fact.id, anchor_for_ref(seeds, fact.accounts[0].ref), verdict="dismissed", title="Mine")
    app = ReconcileApp(seeds, theme_name="dark", notes_path=tmp_path / "notes.toml",
                       analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.pause(0.5)
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = {f.id: f for f in app.screen.facts}[fact.id]
        assert (shown.review, shown.title) == ("dismissed", "Mine")
        assert "☒ dismissed" in screen_text(app)


@sync
async def test_the_users_keymap_rebinds_keys_and_help_shows_it(seeds, tmp_path, _private_config):
    """Issue 13: `[keymap]` in settings.toml maps binding ids to keys (Textual's set_keymap);
    unknown ids are reported, not fatal; help shows the keys in use and the ids to map."""
    (_private_config / "settings.toml").write_text(
        '[keymap]\n"disputes.next" = "ctrl+n"\n"no.such.binding" = "z"\n', encoding="utf-8")
    app = ReconcileApp(seeds, theme_name="dark", notes_path=tmp_path / "notes.toml",
                       analysis=fixture_analysis(seeds))
    async with app.run_test(size=(120, 80)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n")
        assert current(app) == "f-transponder"
        assert "no.such.binding" in _toasts(app)
        await pilot.press("question_mark")
        from rich.console import Console
        from tui.ui.screens.help import binding_rows

        console = Console(width=200, record=True, file=open("/dev/null", "w"))
        console.print(binding_rows(app.screen.groups, app.screen.keymap))
        text = console.export_text()
        assert "ctrl+n" in text and "disputes.next" in text and "note.save" in text


@sync
async def test_a_case_file_is_drafted_from_the_inferred_sides(tmp_path):
    """Issue 13: on a folder without a case file, the palette writes reconcile.toml from the
    inferred sides (never over an existing one) and the folder is read again with it."""
    from conftest import write
    from tui.engine.text.casefile import read_case
    from tui.engine.text.loading import load_corpus
    from tui.engine.model import Analysis, Side

    write(tmp_path, "a.txt", "The ministry said the ship was in its waters.\n")
    write(tmp_path, "b.txt", "The embassy said the ship never left open sea.\n")
    corpus = load_corpus(tmp_path)
    inferred = replace(corpus, case=replace(corpus.case, sides=(
        Side("north", "North", inferred=True), Side("south", "South", inferred=True))))
    app = ReconcileApp(corpus, theme_name="dark", notes_path=tmp_path / "n.toml",
                       analysis=Analysis(inferred))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.write_case_file()
        await pilot.pause()
        case = read_case(tmp_path)
        assert [(s.id, s.name) for s in case.sides] == [("north", "North"), ("south", "South")]
        assert "Wrote" in _toasts(app)
        before = (tmp_path / "reconcile.toml").read_bytes()
        app.write_case_file()
        await pilot.pause()
        assert "never overwritten" in _toasts(app)
        assert (tmp_path / "reconcile.toml").read_bytes() == before


@sync
async def test_make_a_dispute_from_two_sentences_in_the_source_views(app, tmp_path):
    """Issue 13: m on a sentence in one article's source view, D on a sentence in another's
    makes a dispute the engine missed: named by the user, first in the list, marked yours,
    in the notes file, and undone by u."""
    from test_ui_support import A0, A2
    from tui.engine.model import Ref
    from tui.engine.notes import NoteStore

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_source(A2, Ref(A2, 15, 0))
        await pilot.pause()
        await pilot.press("m", "escape")
        app.open_source(A0, Ref(A0, 2, 1))
        await pilot.pause()
        await pilot.press("D")
        await pilot.pause()
        await pilot.press(*"Was there video?", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DisputesScreen)
        fact = app.screen.current_fact
        assert fact.title == "Was there video?" and fact.review == "made"
        assert [a.ref for a in fact.accounts] == [Ref(A2, 15, 0), Ref(A0, 2, 1)]
        assert app.screen.facts[0].id == fact.id and "✚" in screen_text(app)
        assert len(NoteStore(tmp_path / "notes.toml").user_facts) == 1
        await pilot.press("u")
        assert NoteStore(tmp_path / "notes.toml").user_facts == []
        assert all(f.review != "made" for f in app.screen.facts)


@sync
async def test_the_place_is_kept_without_quitting(app, seeds):
    """A terminal closed or killed never quits: the place is saved once the reader settles."""
    from tui.ui import resume

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause(2.3)
        assert resume.load(seeds.path) == resume.Place("f-transponder", "all")


@sync
async def test_merge_two_facts_and_move_an_account(app, tmp_path):
    """Issue 13: M on one fact then M on another merges the first into the second; v on an
    account picks a fact to move it into; both in the notes file, both undone by u."""
    from tui.engine.notes import NoteStore
    from tui.ui.screens.fact_picker import FactPicker

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("M", "n", "M")  # f-collision into f-transponder
        facts = {f.id: f for f in app.screen.facts}
        assert "f-collision" not in facts and current(app) == "f-transponder"
        assert len(facts["f-transponder"].accounts) == 5
        await pilot.press("u")
        assert "f-collision" in {f.id for f in app.screen.facts}
        app.screen.jump_to("f-intercept")
        await pilot.press("tab", "v")
        await pilot.pause()
        assert isinstance(app.screen, FactPicker)
        await pilot.press(*"video", "enter")
        await pilot.pause()
        video = {f.id: f for f in app.screen.facts}["f-video"]
        assert len(video.accounts) == 2 and current(app) == "f-video"
        [move] = NoteStore(tmp_path / "notes.toml").moves
        assert move.into == "f-video" and move.account is not None
        await pilot.press("u")
        app.screen.jump_to("f-intercept")
        await pilot.press("v", "enter")  # the first choice: a fact of its own
        await pilot.pause()
        assert current(app).startswith("split-")
        assert len(app.screen.current_fact.accounts) == 1


@sync
async def test_export_from_the_reader(tmp_path):
    """Issue 13: the palette exports the analysis as shown (decisions included) to the
    corpus's .reconcile/exports and says where."""
    import json

    from conftest import write
    from tui.engine.analysis import analyse
    from tui.engine.text.loading import load_corpus

    write(tmp_path, "a.txt", "The ministry said the ship was in its waters.\n")
    write(tmp_path, "b.txt", "The embassy said the ship never left open sea.\n")
    corpus = load_corpus(tmp_path)
    app = ReconcileApp(corpus, theme_name="dark", notes_path=tmp_path / "n.toml",
                       analysis=analyse(corpus))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for fmt in ("json", "html"):
            app.export_here(fmt)
            await app.workers.wait_for_complete()
            await pilot.pause()
    files = sorted((tmp_path / ".reconcile" / "exports").iterdir(), key=lambda f: f.suffix)
    assert [f.suffix for f in files] == [".html", ".json"]
    assert json.loads(files[1].read_text())["schema"].startswith("reconcile.export/")
    assert "Exported to" in _toasts(app)


@sync
async def test_the_footer_follows_the_focus(app):
    """Issue 13: the fact list's keys (y d f) in the footer while it has the focus, the
    account keys (m = x) while the panes have it; quit, help and search always first."""
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
        assert footer.startswith("q Quit ? Help / Search") and "y Confirm" in footer
        assert "m Mark" not in footer
        await pilot.press("tab")
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
        assert footer.startswith("q Quit ? Help / Search") and "m Mark" in footer
        assert "= Same fact" in footer and "y Confirm" not in footer
        await pilot.press("y")  # the fact's keys still work from the panes
        await settle(pilot)
        assert app.screen.query_one("#facts").facts[0].review == "confirmed"


@sync
async def test_back_returns_to_the_fact_before_a_jump(app):
    """Issue 13: a jump (notes list, search, palette) can be undone with ctrl+o; again goes forth."""
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        disputes = app.screen
        start = disputes.current_id
        target = disputes.query_one(FactList).facts[-1].id
        app.jump_to_fact(target)
        await settle(pilot)
        assert disputes.current_id == target != start
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert disputes.current_id == start
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert disputes.current_id == target


@sync
async def test_theme_switch_restyles_the_source_text(app):
    """Issue 12: the source view's text follows the theme signal (it was redrawn by walking the
    screens for an `on_theme_change` method)."""
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        body = app.screen.query_one("#body")

        def numbers() -> set[str]:   # the paragraph numbers' colour, as the text view draws them
            strips = [body.render_line(y) for y in range(body.size.height)]
            return {seg.style.color.name for strip in strips for seg in strip
                    if seg.style and seg.style.color and "¶" in seg.text}

        before = numbers()
        app.theme = "light"
        await settle(pilot)
        await pilot.pause(0.1)
        after = numbers()
        assert before and after and before != after
