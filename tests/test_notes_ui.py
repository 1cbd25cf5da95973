"""The note editor and notes list, driven by Pilot in a tiny host app."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest
from textual import on
from textual.widgets import DataTable, Input, Select, Static, TextArea

from tests.conftest import write
from tui.engine.anchors import anchor_for_ref
from tui.engine.text.loading import load_corpus
from tui.engine.model import Account, Corpus, Fact, Ref
from tui.engine.notes import NOTES_FILE, NoteStore, new_note, open_store, target_for
from tui.ui.notes_host import NotesHost
from tui.ui.messages import DecisionsChanged, NotesChanged
from tui.ui.note_actions import open_editor, open_notes_list
from tui.ui.screens.note_editor import NoteEditor
from tui.ui.screens.notes_list import NoteJump, NotesList

TEXT = ("The Pentagon said a Russian jet [bold]struck[/bold] the drone's propeller.\n\n"
        "Moscow said the drone crashed after a sharp maneuver.\n")


@pytest.fixture()
def corpus(tmp_path: Path) -> Corpus:
    write(tmp_path / "c", "a.txt", TEXT)
    return load_corpus(tmp_path / "c")


def sync(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async Pilot test without an async pytest plugin (none is a dependency)."""
    @functools.wraps(test)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))
    return wrapper


class Host(NotesHost):
    """Stands in for the reader: records results and jumps."""

    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self._corpus, self.results, self.opened = corpus, [], []
        self.changed = 0

    @property
    def corpus(self) -> Corpus:
        return self._corpus

    def open_source(self, article: str, ref: Ref | None) -> None:
        self.opened.append(ref)

    def run_analysis(self) -> None:
        """Replaced by a test that counts the engine's runs."""

    @on(NotesChanged)
    def notes_changed(self) -> None:
        self.changed += 1

    @on(DecisionsChanged)
    def decided(self, message: DecisionsChanged) -> None:
        self.run_analysis()


@sync
async def test_editor_saves_to_disk_with_ctrl_s(corpus: Corpus):
    app = Host(corpus)
    store = open_store(corpus)
    target = target_for(corpus, ref=Ref("a.txt", 0, 0))
    async with app.run_test() as pilot:
        app.push_screen(NoteEditor(store, target), app.results.append)
        await pilot.pause()
        quote = app.screen.query_one("#note-quote", Static)
        assert "[bold]struck[/bold]" in str(quote.render())  # markup shown literally
        app.screen.query_one(TextArea).text = 'Line one\nsaid "struck" = [x]'
        app.screen.query_one(Select).value = "refuted"
        app.screen.query_one("#note-tags", Input).value = "collision, video"
        await pilot.press("ctrl+s")
        await pilot.pause()
    (note,) = app.results
    assert note.text == 'Line one\nsaid "struck" = [x]' and note.verdict == "refuted"
    assert note.tags == ("collision", "video") and note.anchor == target.anchor
    assert NoteStore(corpus.path / NOTES_FILE).notes == [note]


@sync
async def test_ctrl_s_right_after_typing_saves_every_key(corpus: Corpus):
    """Keys typed just before ctrl+s (a fast typist, a paste, a terminal sending them in one
    read) are in the note: ctrl+s is a priority key the app handled before the text box had
    taken the keys queued for it, and the note was saved without them ("Nothing to save")."""
    from textual import events

    app = Host(corpus)
    store = open_store(corpus)
    async with app.run_test() as pilot:
        app.push_screen(NoteEditor(store, target_for(corpus, ref=Ref("a.txt", 0, 0))),
                        app.results.append)
        await pilot.pause()
        for key in ("q", "u", "i", "c", "k", "ctrl+s"):
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await pilot.pause()
        await pilot.pause()
    assert [note.text for note in app.results] == ["quick"]


@sync
async def test_escape_cancels_and_asks_twice_when_dirty(corpus: Corpus):
    app = Host(corpus)
    store = open_store(corpus)
    async with app.run_test() as pilot:
        app.push_screen(NoteEditor(store, target_for(corpus, ref=Ref("a.txt", 1, 0))), app.results.append)
        await pilot.pause()
        await pilot.press("h", "i", "escape")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None] and not (corpus.path / NOTES_FILE).exists()


@sync
async def test_read_only_store_keeps_the_editor_open(corpus: Corpus):
    (corpus.path / NOTES_FILE).write_text("not = [toml\n", encoding="utf-8")
    app = Host(corpus)
    store = open_store(corpus)
    async with app.run_test() as pilot:
        app.push_screen(NoteEditor(store, target_for(corpus, ref=Ref("a.txt", 0, 0))))
        await pilot.pause()
        await pilot.press("o", "k", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert "Not saved" in str(app.screen.query_one("#note-error", Static).render())
        assert app.screen.query_one(TextArea).text == "ok"
    assert (corpus.path / NOTES_FILE).read_text(encoding="utf-8") == "not = [toml\n"


@sync
async def test_open_editor_entry_point_on_a_fact(corpus: Corpus):
    app = Host(corpus)
    fact = Fact("f1", "Collision", "disputed", 1, (), (Account("us", Ref("a.txt", 0, 0), "x", "Pentagon"),))
    async with app.run_test() as pilot:
        open_editor(app, fact, None)
        await pilot.pause()
        await pilot.press("o", "k", "ctrl+s")
        await pilot.pause()
    (note,) = app.notes_store.notes
    assert note.fact == "f1" and note.anchor.quote.startswith("The Pentagon") and app.changed == 1


@sync
async def test_notes_list_filters_jumps_edits_and_deletes(corpus: Corpus):
    store = open_store(corpus)
    keep = store.save_note(new_note("about the jet", "refuted", ["collision"],
                                    anchor=anchor_for_ref(corpus, Ref("a.txt", 1, 0))))
    store.save_note(new_note("about video", "unverified", ["video"]))
    app = Host(corpus)
    app.notes_store = store
    async with app.run_test() as pilot:
        open_notes_list(app)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NotesList) and screen.query_one(DataTable).row_count == 2
        screen.query_one(Select).value = "refuted"
        await pilot.pause()
        assert [n.id for n in screen.visible_notes()] == [keep.id]
        screen.query_one(Select).clear()
        screen.query_one("#notes-query", Input).value = "video"
        await pilot.pause()
        assert [n.text for n in screen.visible_notes()] == ["about video"]
        screen.query_one("#notes-query", Input).value = ""
        await pilot.pause()
        screen.query_one(DataTable).focus()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")  # deletes the first row: the note on the jet
        await pilot.pause()
        assert [n.text for n in store.notes] == ["about video"]
        await pilot.press("e")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        editor.query_one(TextArea).text = "about the video, edited"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NotesList)
        assert [n.text for n in open_store(corpus).notes] == ["about the video, edited"]
        await pilot.press("escape")
        await pilot.pause()


@sync
async def test_enter_jumps_to_the_place(corpus: Corpus):
    store = open_store(corpus)
    store.save_note(new_note("jet", anchor=anchor_for_ref(corpus, Ref("a.txt", 1, 0))))
    app = Host(corpus)
    async with app.run_test() as pilot:
        app.push_screen(NotesList(store, corpus), app.results.append)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    (jump,) = app.results
    assert isinstance(jump, NoteJump) and jump.placement.ref == Ref("a.txt", 1, 0)


CASE = '[[sides]]\nid = "us"\nname = "United States"\n[[sides]]\nid = "ru"\nname = "Russia"\n'


@sync
async def test_side_picker_and_pair_marks_are_stored_and_rerun_the_engine(tmp_path: Path):
    from tui.ui.note_actions import mark_pair, open_side_fix

    write(tmp_path / "c", "a.txt", TEXT)
    write(tmp_path / "c", "reconcile.toml", CASE)
    corpus = load_corpus(tmp_path / "c")
    reruns = []
    app = Host(corpus)
    app.run_analysis = lambda: reruns.append(1)
    account = Account("us", Ref("a.txt", 1, 0), "Moscow said ...", "Moscow")
    async with app.run_test() as pilot:
        assert app.notes_store is app.notes_store  # opened once
        open_side_fix(app, account)
        await pilot.pause()
        await pilot.press("s", "2")  # everything Moscow says -> Russia
        await pilot.pause()
        open_side_fix(app, account)
        await pilot.pause()
        await pilot.press("0")       # this sentence only -> no side
        await pilot.pause()
        mark_pair(app, Ref("a.txt", 0, 0), Ref("a.txt", 1, 0), same=False)
        await pilot.pause()
    links, fixes = NoteStore(corpus.path / NOTES_FILE).engine_inputs(corpus)
    assert [(f.side, f.speaker, f.ref) for f in fixes] == [("ru", "Moscow", None),
                                                           (None, None, Ref("a.txt", 1, 0))]
    assert [(x.a, x.b, x.same) for x in links] == [(Ref("a.txt", 0, 0), Ref("a.txt", 1, 0), False)]
    assert len(reruns) == 3


@sync
async def test_the_editor_below_80x24_reaches_verdict_tags_and_keys(corpus: Corpus):
    """Issue 15 #13: at 60x14 the verdict, tags and save hint were cut off the screen."""
    app = Host(corpus)
    store = open_store(corpus)
    async with app.run_test(size=(60, 14)) as pilot:
        app.push_screen(NoteEditor(store, target_for(corpus, ref=Ref("a.txt", 0, 0))))
        await pilot.pause()
        screen = app.screen
        for selector in ("#note-verdict", "#note-tags", "#note-keys"):
            widget = screen.query_one(selector)
            if selector != "#note-keys":
                widget.focus()
            else:
                widget.scroll_visible(animate=False)
            await pilot.pause()
            visible = widget.region.intersection(screen.region)
            assert visible.height >= 1, selector


@sync
async def test_the_notes_list_at_80x24_shows_the_note(tmp_path: Path):
    """Issue 15 #8: at 80x24 the notes list lost its note column (article ids are long)."""
    name = "000_7f4c5cce0065053c_the_long_name_a_page_saver_gives.txt"
    write(tmp_path / "c", name, TEXT)
    corpus = load_corpus(tmp_path / "c")
    store = open_store(corpus)
    store.save_note(new_note("Denial without evidence, see the radar track", "misleading",
                             ["radar", "transponder"], anchor=target_for(corpus, ref=Ref(name, 0, 0)).anchor))
    app = Host(corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(NotesList(store, corpus))
        await pilot.pause()
        shown = "\n".join("".join(s.text for s in strip) for strip in app.screen._compositor.render_strips())
        row = next(line for line in shown.splitlines() if "misleading" in line)
        assert "Denial without" in row   # in the table's row, not only in the preview below


@sync
async def test_the_notes_list_shows_and_deletes_decisions(corpus: Corpus):
    """Issue 13: N lists the user's decisions (pairings, side fixes, reviews) after the notes,
    and d deletes one at once (the store's undo brings it back)."""
    store = open_store(corpus)
    anchor = anchor_for_ref(corpus, Ref("a.txt", 0, 0))
    store.save_note(new_note("a note"))
    store.set_side("ru", speaker="the ministry")
    store.review_fact("f1", anchor, verdict="dismissed")
    app = Host(corpus)
    app.notes_store = store
    async with app.run_test(size=(120, 30)) as pilot:
        open_notes_list(app)
        await pilot.pause()
        screen = app.screen
        table = screen.query_one(DataTable)
        assert table.row_count == 3
        await pilot.press("down", "down")
        assert screen.selected_decision()[0] == "reviews"
        await pilot.press("d")
        await pilot.pause()
        assert store.reviews == [] and table.row_count == 2
        await pilot.press("down")  # the side fix, now last
        await pilot.press("d")
        await pilot.pause()
        assert store.side_fixes == [] and len(store.notes) == 1
    assert store.undo() == "sides" and store.side_fixes
