"""Long documents stay interactive: the source and compare views draw only what is on screen
(issue 15 #37: one widget per paragraph made a 20,000-paragraph article take 72 s to open)."""

from __future__ import annotations

from pathlib import Path

from conftest import write
from test_ui_support import _private_config, screen_text, settle, sync  # noqa: F401
from tui.engine.text.loading import load_corpus
from tui.engine.model import Analysis, Ref
from tui.ui.app import ReconcileApp
from tui.ui.screens.compare import CompareScreen
from tui.ui.screens.source import SourceScreen
from tui.ui.widgets.long_text import CACHED_BLOCKS, LongText

PARAGRAPHS = 5000


def _app(tmp_path: Path) -> ReconcileApp:
    long = "\n\n".join(f"Paragraph {n} says the patrol boat turned back at dusk." for n in
                       range(1, PARAGRAPHS + 1))
    write(tmp_path, "long.txt", long + "\n")
    write(tmp_path, "short.txt", "The patrol boat turned back at dusk, the navy said.\n")
    corpus = load_corpus(tmp_path)
    return ReconcileApp(corpus, theme_name="dark", notes_path=tmp_path / "notes.toml",
                        analysis=Analysis(corpus, (), (), {}, ()))


async def _source(app: ReconcileApp, pilot) -> SourceScreen:
    """The long article's source view, opened at its top."""
    await settle(pilot)
    app.open_source("long.txt", None)
    await pilot.pause()
    return app.screen


def _drawn(app: ReconcileApp) -> int:
    """Blocks rendered so far: what is on screen (and was), never the whole article."""
    return len(app.screen.query_one(LongText)._lines)


@sync
async def test_a_long_article_opens_at_its_place_drawing_only_the_screen(tmp_path):
    app = _app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.open_source("long.txt", Ref("long.txt", 3999, 0))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, SourceScreen)
        assert "¶4000 Paragraph 4000 says" in screen_text(app)
        assert len(app.screen.query("*")) < 30 and _drawn(app) < 40
        await pilot.press("end")
        assert f"¶{PARAGRAPHS} Paragraph {PARAGRAPHS} says" in screen_text(app)
        await pilot.press("home", "pagedown", "j")
        assert "¶1 Paragraph 1 says" not in screen_text(app)
        assert _drawn(app) <= CACHED_BLOCKS
        body = app.screen.query_one(LongText)
        await pilot.press("g")
        assert body.scroll_offset.y == 0
        await pilot.press("space")
        page = body.scroll_offset.y
        await pilot.press("ctrl+d")
        assert page > 20 and body.scroll_offset.y == page + page // 2
        await pilot.press("ctrl+u", "ctrl+u")
        assert body.scroll_offset.y == page - page // 2
        await pilot.press("G")
        assert f"¶{PARAGRAPHS} Paragraph" in screen_text(app)


@sync
async def test_a_long_article_compares_drawing_only_the_screen(tmp_path):
    app = _app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.open_compare("long.txt", "short.txt")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert "¶1 Paragraph 1 says" in screen_text(app) and _drawn(app) < 40
        await pilot.press("end")
        assert f"¶{PARAGRAPHS} Paragraph {PARAGRAPHS} says" in screen_text(app)


@sync
async def test_find_in_the_article_highlights_and_steps_through_matches(tmp_path):
    """Issue 13: '/' in the source view finds in the article (not the corpus search), enter
    goes to the first match after the view's top, n/p step and wrap, escape closes the box."""
    app = _app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        source = await _source(app, pilot)
        await pilot.press("slash", *"Paragraph 4321 ", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SourceScreen) and source.find_text == "Paragraph 4321"
        assert "¶4321 Paragraph 4321 says" in screen_text(app)
        await pilot.press("n")
        assert "wrapped around" in " ".join(str(n.message) for n in app._notifications)
        await pilot.press("slash", "escape")
        assert isinstance(app.screen, SourceScreen) and not source.has_class("-finding")
        await pilot.press("slash", *"no such words", "enter")
        assert "Not found in this article" in " ".join(str(n.message) for n in app._notifications)
        await pilot.press("escape")
        assert not isinstance(app.screen, SourceScreen)


@sync
async def test_a_sentence_in_no_fact_can_be_annotated_from_the_source(tmp_path):
    """Issue 13: a sentence cursor in the source view (j/k, the view follows it) and 'a' writes
    a note on that sentence, though the engine found no fact at all."""
    from tui.ui.screens.note_editor import NoteEditor

    app = _app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        source = await _source(app, pilot)
        await pilot.press("j")
        assert source.cursor == Ref("long.txt", 0, 0)
        for _ in range(40):
            await pilot.press("j")
        assert source.cursor == Ref("long.txt", 40, 0)
        assert "¶41 Paragraph 41 says" in screen_text(app)
        await pilot.press("k", "a")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"checked against the log", "ctrl+s")
        await pilot.pause()
        [note] = app.notes_store.notes
        assert note.anchor.quote == "Paragraph 40 says the patrol boat turned back at dusk."
        assert note.fact is None and note.text == "checked against the log"
