"""A large corpus in the reader: a preview first, then the full analysis in its place (issue 14).

The thresholds are lowered so the bundled sample (five articles) counts as large,
and the child's full analysis waits for a flag file, so the preview is on screen
for as long as the test needs it.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from test_ui_support import _private_config, sync  # noqa: F401
from tui.engine import cache
from tui.engine.text.listing import listing
from tui.engine.text.loading import load_corpus
from tui.engine.text.preview import central
from tui.resources import bundled_seeds
from tui.ui import background

SIZE = (100, 30)


@pytest.fixture
def large(tmp_path, monkeypatch) -> Path:
    """The sample, counted as large; the cache in a private folder."""
    if not background.can_fork():
        pytest.skip("the engine runs in a child process only where fork is available")
    folder = tmp_path / "corpus"
    shutil.copytree(bundled_seeds(), folder)
    monkeypatch.setenv("RECONCILE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("RECONCILE_NO_CACHE", raising=False)
    monkeypatch.setattr(background, "PREVIEW_FROM", 3)
    monkeypatch.setattr(background, "PREVIEW_ARTICLES", 3)
    return folder


def _held_until(flag: Path, monkeypatch) -> None:
    """The child's full analysis starts only once `flag` exists (at most 30 s)."""
    real = cache.analysed_parts

    def held(*args, **kwargs):
        deadline = time.monotonic() + 30
        while not flag.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        return real(*args, **kwargs)

    monkeypatch.setattr(cache, "analysed_parts", held)


async def _until(pilot, condition, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        await pilot.pause(0.05)
    assert condition()


@sync
async def test_the_preview_shows_first_and_the_full_analysis_keeps_the_place(large, tmp_path, monkeypatch):
    from tui.ui.app import open_reader

    go = tmp_path / "go"
    _held_until(go, monkeypatch)
    app = open_reader(large, "dark", tmp_path / "n.toml")
    async with app.run_test(size=SIZE) as pilot:
        await _until(pilot, lambda: app.analysis is not None)
        screen = app.screen
        assert len(app.corpus.articles) == 3  # the preview's corpus, not yet the folder's five
        await _until(pilot, lambda: "Showing 3 of 5 articles" in str(screen.query_one("#progress").render()))
        screen.set_filter("disputed")
        target = next(f for f in screen.facts if f.title == "Was it deliberate, and why?")
        assert screen.jump_to(target.id)
        go.touch()
        await _until(pilot, lambda: len(app.corpus.articles) == 5 and not screen.loading_shown)
        assert app.analysis is not None and len(app.analysis.corpus.articles) == 5
        assert screen.filter == "disputed"
        assert screen.current_fact is not None and screen.current_fact.title == target.title
        assert screen.current_fact.id != target.id  # found again by its title
        assert not screen.query_one("#progress").display


@sync
async def test_a_warm_start_shows_the_facts_then_adds_the_pairs(large, tmp_path):
    from tui.engine.analysis import analyse
    from tui.ui.app import open_reader

    list(background.ForkedAnalysis(large, tmp_path / "n.toml").frames())  # fills both caches
    assert list((tmp_path / "cache").glob(f"*{cache.CORPUS_SUFFIX}"))
    forked = background.ForkedAnalysis(large, tmp_path / "n.toml")
    assert forked.loaded_corpus() is not None
    frames = [frame[0] for frame in forked.frames()]
    assert frames == ["preview", "result"]  # no engine stages: both read from the cache
    app = open_reader(large, "dark", tmp_path / "n.toml")
    async with app.run_test(size=SIZE) as pilot:
        await _until(pilot, lambda: app.analysis is not None and bool(app.analysis.pairs))
        assert app.analysis == analyse(load_corpus(large))


@sync
async def test_the_pairs_after_the_facts_do_not_fill_the_list_again(large, tmp_path, monkeypatch):
    """The warm start's second part: 391 facts filled again took ~80 ms of the UI thread."""
    from dataclasses import replace

    from tui.ui.app import open_reader
    from tui.ui.messages import AnalysisArrived
    from tui.ui.widgets.fact_list import FactList

    app = open_reader(large, "dark", tmp_path / "n.toml")
    async with app.run_test(size=SIZE) as pilot:
        await _until(pilot, lambda: app.analysis is not None and len(app.analysis.corpus.articles) == 5
                     and app.preview_total is None and not app.screen.loading_shown)
        full = app.analysis
        lean = replace(full, pairs=(), article_similarity=())
        fills = []
        real_show = FactList.show

        def counted(self, *args, **kwargs):
            fills.append(args[0])
            return real_show(self, *args, **kwargs)

        monkeypatch.setattr(FactList, "show", counted)
        app.post_message(AnalysisArrived(lean, len(lean.corpus.articles)))
        await _until(pilot, lambda: app.screen.query_one("#progress").display)  # "Reading the pairs"
        shown = len(fills)
        app.post_message(AnalysisArrived(replace(lean, pairs=full.pairs)))
        await _until(pilot, lambda: bool(app.analysis.pairs))
        await pilot.pause(0.05)
        assert len(fills) == shown and app.analysis.pairs == full.pairs
        assert not app.screen.query_one("#progress").display


def test_an_edited_article_misses_the_corpus_cache(large):
    key = cache.corpus_key(large)
    assert key is not None and key == cache.corpus_key(large)
    corpus = load_corpus(large)
    assert cache.store_corpus(key, corpus)
    assert cache.load_corpus_entry(key) == corpus
    article = sorted(large.glob("*.txt"))[0]
    article.write_text(article.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    assert cache.corpus_key(large) != key
    (large / "page.html").write_text("<html><body><p>Saved page.</p></body></html>")
    assert cache.corpus_key(large) is None  # extracts kept beside the corpus: never keyed


def test_the_preview_takes_the_articles_of_one_story(tmp_path):
    texts = {"00": "The Fenwick orchestra played in Galloway. ",
             "01": "Ministers Arkwell and Brenner met in Castavia about the Dellmore treaty. ",
             "02": "The Fenwick orchestra toured Galloway again. ",
             "03": "Arkwell told Castavia radio the Dellmore treaty is dead; Brenner disagreed. ",
             "04": "Weather: Quillon expects rain. ",
             "05": "Brenner and Arkwell left Castavia for Oslund without the Dellmore treaty. ",
             "06": "Sport: Tarrowby won at home. "}
    for name, text in texts.items():
        (tmp_path / f"{name}.md").write_text(text * 3, encoding="utf-8")
    files = listing(tmp_path)[0]
    assert [f.name for f in central(files, 3)] == ["01.md", "03.md", "05.md"]
    assert central(files, 10) == files


def test_a_large_frame_is_unpickled_while_other_threads_run():
    """pickle.loads of a large result held the interpreter lock: keys waited seconds."""
    import pickle
    import threading

    data = pickle.dumps([(str(n), n, (n, n + 1.5)) for n in range(400_000)],
                        protocol=pickle.HIGHEST_PROTOCOL)
    ticks: list[float] = []
    done = threading.Event()

    def tick() -> None:
        while not done.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    thread = threading.Thread(target=tick)
    thread.start()
    started = time.perf_counter()
    value = background.loads(data)
    ended = time.perf_counter()
    done.set()
    thread.join()
    assert value == pickle.loads(data)
    during = [t for t in ticks if started <= t <= ended]
    assert len(during) >= 3, "no other thread ran while the frame was unpickled"


def test_a_warm_start_follows_the_link_and_an_edited_notes_file_misses_it(large, tmp_path, monkeypatch):
    notes = tmp_path / "n.toml"
    list(background.ForkedAnalysis(large, notes).frames())  # fills the caches and the link
    assert list((tmp_path / "cache").glob(f"*{cache.LINK_SUFFIX}"))

    def unread(*args, **kwargs):
        raise RuntimeError("the notes were read")

    monkeypatch.setattr(background, "notes_inputs", unread)
    warm = list(background.ForkedAnalysis(large, notes).frames())
    assert [frame[0] for frame in warm] == ["preview", "result"]  # neither corpus nor notes read
    notes.write_text("# my notes\n", encoding="utf-8")
    edited = list(background.ForkedAnalysis(large, notes).frames())
    assert edited[-1] == ("error", "RuntimeError: the notes were read")


@sync
async def test_a_failure_after_the_preview_keeps_the_preview_and_says_so(large, tmp_path, monkeypatch):
    from tui.ui.app import open_reader

    def broken(*args, **kwargs):
        raise MemoryError("out of memory")

    monkeypatch.setattr(cache, "analysed_parts", broken)
    app = open_reader(large, "dark", tmp_path / "n.toml")
    async with app.run_test(size=SIZE) as pilot:
        await _until(pilot, lambda: app.engine_error is not None)
        screen = app.screen
        await _until(pilot, lambda: not screen.query_one("#progress").display)
        assert app.analysis is not None and app.analysis.facts  # the preview, not an empty screen
        assert len(app.analysis.corpus.articles) == 3
        assert not screen.query_one("#progress").display
        assert any("showing 3 of its 5 articles" in n.message for n in app._notifications)


def test_the_preview_takes_a_reprint_once(tmp_path):
    story = "Ministers Arkwell and Brenner met in Castavia about the Dellmore treaty. "
    for copy in range(4):   # one article reprinted four times, one word changed each time
        (tmp_path / f"a{copy}.md").write_text(story * 2 + f"Filed {copy}.", encoding="utf-8")
    (tmp_path / "b.md").write_text("Arkwell said in Castavia the Dellmore talks failed. ", encoding="utf-8")
    (tmp_path / "c.md").write_text("Brenner blamed Arkwell for the Dellmore collapse. ", encoding="utf-8")
    chosen = [f.name for f in central(listing(tmp_path)[0], 3)]
    assert sum(name.startswith("a") for name in chosen) == 1 and {"b.md", "c.md"} <= set(chosen)


def test_a_corpus_of_only_some_files_holds_the_same_articles(large):
    full = load_corpus(large)
    files = listing(large)[0]
    chosen = [f for f in files if f.suffix == ".txt"][1:3]
    part = load_corpus(large, only=set(chosen))
    assert part.articles == tuple(a for a in full.articles if a.path in set(chosen))
    assert part.case == full.case and not part.skipped


@sync
async def test_a_warm_start_places_the_notes(large, tmp_path):
    """A warm start shows the facts first and adds their pairs after; the notes were never
    placed on them, so no note marker showed until a note was saved."""
    from tui.engine.anchors import anchor_for_ref
    from tui.engine.analysis import analyse
    from tui.engine.notes import new_note, open_store
    from tui.ui.app import open_reader

    notes = tmp_path / "n.toml"
    corpus = load_corpus(large)
    account = analyse(corpus).facts[0].accounts[0]
    open_store(corpus, notes).save_note(new_note("a note", anchor=anchor_for_ref(corpus, account.ref)))
    for launch in ("cold", "warm"):
        app = open_reader(large, "dark", notes)
        async with app.run_test(size=SIZE) as pilot:
            await _until(pilot, lambda app=app: app.analysis is not None and bool(app.analysis.pairs)
                         and app.preview_total is None)
            await _until(pilot, lambda app=app: app.note_index is not None, seconds=5)
            assert app.note_index.for_ref(account.ref), launch


def test_the_analysis_after_a_preview_gives_way_to_the_reader(large, tmp_path, monkeypatch):
    """Once the preview is sent, the engine child lowers its priority: keys pressed while it
    analyses the whole folder are answered first (the loading pool inherits it).  Not
    before: until the preview arrives the user waits for the child."""
    from tui.ui import large_corpus

    events: list[object] = []
    monkeypatch.setattr(large_corpus.os, "nice", lambda step: events.append(("nice", step)))
    files = listing(large, False)[0]
    large_corpus._preview(large, tmp_path / "n.toml", lambda frame: events.append(frame[0]),
                          False, len(files), files)
    assert events == ["preview", ("nice", large_corpus.BACKGROUND_NICE)]
    assert large_corpus.BACKGROUND_NICE > 0
