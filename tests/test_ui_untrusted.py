"""Article text is untrusted: markup, escape codes and bidi controls must be shown
inert on every screen (never interpreted, never sent to the terminal)."""

from __future__ import annotations

from test_ui_support import _private_config, screen_text, settle, sync  # noqa: F401
from tui.engine.text.loading import load_corpus
from tui.engine.model import Account, Analysis, Evidence, Fact, Pair, Ref
from tui.ui.app import ReconcileApp
from tui.ui.safe_text import clean
from tui.ui.screens.compare import CompareScreen
from tui.ui.screens.source import SourceScreen

EVIL = "[@click=app.quit]click me[/] [bold]loud[/bold] \x1b[31mred\x1b[0m \u202eevil\u202c \x1b]0;pwned\x07"

CASE = '''title = "[bold]Case[/bold] \\u001b[2J"
[[sides]]
id = "a"
name = "[@click=app.quit]Side A"
actors = ["Alpha Ministry"]
[[sides]]
id = "b"
name = "[red]Side B[/red]"
actors = ["Beta Office"]
'''


def _corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "reconcile.toml").write_text(CASE, encoding="utf-8")
    for name, who in (("one.txt", "Alpha Ministry"), ("two.txt", "Beta Office")):
        (folder / name).write_text(
            f"The {who} said the aircraft {EVIL} was hit by a missile near the coast.\n\n"
            f"A second paragraph says {EVIL} the ship sank in the night, officials said.\n",
            encoding="utf-8")
    return load_corpus(folder)


def _analysis(corpus) -> Analysis:
    one, two = corpus.articles[0], corpus.articles[1]
    acc_a = Account("a", Ref(one.id, 0, 0), one.paragraphs[0].sentences[0].text, EVIL)
    acc_b = Account("b", Ref(two.id, 0, 0), two.paragraphs[0].sentences[0].text, "Beta Office")
    fact = Fact("evil", f"Fact {EVIL}", "disputed", 1, (Evidence("cue", EVIL),), (acc_a, acc_b))
    pairs = (Pair(Ref(one.id, 0, 0), Ref(two.id, 0, 0), 80.0),
             Pair(Ref(one.id, 1), Ref(two.id, 1), 90.0, kind="paragraph"))
    return Analysis(corpus, pairs, (), {}, (fact,))


def _assert_inert(app) -> None:
    text = screen_text(app)
    assert app.is_running
    assert "\x1b" not in text and "\u202e" not in text and "\x07" not in text
    assert "[@click=app.quit]" in text or "[bold]" in text, text


def test_clean_strips_escapes_and_bidi():
    assert clean(EVIL) == "[@click=app.quit]click me[/] [bold]loud[/bold] red evil "


@sync
async def test_untrusted_text_is_inert_on_every_screen(tmp_path):
    corpus = _corpus(tmp_path)
    app = ReconcileApp(corpus, theme_name="dark", notes_path=tmp_path / "notes.toml",
                       analysis=_analysis(corpus))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        _assert_inert(app)
        await pilot.click("#body", offset=(5, 2))  # a click on the text must not quit
        await pilot.press("enter", "d")
        assert isinstance(app.screen, SourceScreen)
        _assert_inert(app)
        await pilot.press("escape", "c")
        assert isinstance(app.screen, CompareScreen)
        _assert_inert(app)
        await pilot.click("#body", offset=(5, 1))
        await pilot.press("escape", "slash", *"missile")
        await pilot.pause()
        _assert_inert(app)
        await pilot.press("escape", "question_mark")
        await pilot.press("escape")
        app.action_command_palette()
        await pilot.pause()
        await pilot.press(*"Jump")
        await pilot.pause(0.3)
        assert app.is_running
        await pilot.press("escape")
        await settle(pilot)
        assert app.is_running


@sync
async def test_untrusted_corpus_with_the_real_engine(tmp_path):
    corpus = _corpus(tmp_path)
    app = ReconcileApp(corpus, theme_name="dark", notes_path=tmp_path / "notes.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n", "enter", "d", "escape", "c", "escape")
        assert app.is_running
        assert "\x1b" not in screen_text(app)


def test_clean_turns_a_lone_cr_into_a_break_and_drops_zero_width_spaces():
    """Issue 15 #40: 'jets\\rmade' showed as 'jetsmade'; a zero-width space hid a difference."""
    assert clean("jets\rmade") == "jets\nmade" and clean("a\r\nb") == "a\nb"
    assert clean("ne\u200bver") == "never" and clean("\u2060x\ufeff") == "x"
    assert clean("\u200d\u200c") == "\u200d\u200c"   # joiners stay: scripts and emoji need them


def test_a_lone_cr_ends_a_line_in_a_text_file(tmp_path):
    from tui.engine.text.loading import load_corpus

    (tmp_path / "a.txt").write_bytes(b"The Pentagon said a jet struck the drone.\rThe jets made contact.\n")
    [article] = load_corpus(tmp_path).articles
    assert [p.text for p in article.paragraphs] == ["The Pentagon said a jet struck the drone.",
                                                    "The jets made contact."]
