"""The analysis cache saves time and never changes a result."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tui.engine import cache
from tui.engine.cache import entries as signed, keys
from tui.engine.analysis import analyse
from tui.engine.text.loading import load_corpus
from tui.engine.model import Link, Ref, SideFix

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(autouse=True)
def cache_folder(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("RECONCILE_CACHE_DIR", str(folder))
    monkeypatch.delenv("RECONCILE_NO_CACHE", raising=False)
    return folder


@pytest.fixture
def corpus_folder(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"*{cache.SUFFIX}")) if folder.exists() else []


def test_cached_analysis_equals_a_fresh_one(corpus_folder, cache_folder):
    corpus = load_corpus(corpus_folder)
    first = cache.analyse_cached(corpus)
    assert len(entries(cache_folder)) == 1
    cached = cache.load(cache.cache_key(corpus))
    assert cached is not None and cached is not first
    assert cached == first == analyse(corpus)
    assert cache.analyse_cached(load_corpus(corpus_folder)) == analyse(corpus)


def test_second_run_reads_the_cache_and_skips_the_engine(corpus_folder, monkeypatch):
    corpus = load_corpus(corpus_folder)
    fresh = cache.analyse_cached(corpus)
    import tui.engine.analysis as engine

    def fail(*args, **kwargs):
        raise AssertionError("the engine ran although the result was cached")

    monkeypatch.setattr(engine, "analyse", fail)
    assert cache.analyse_cached(load_corpus(corpus_folder)) == fresh


def test_editing_an_article_misses_the_cache(corpus_folder, cache_folder):
    corpus = load_corpus(corpus_folder)
    before = cache.analyse_cached(corpus)
    article = next(corpus_folder.glob("*.txt"))
    article.write_text(article.read_text(encoding="utf-8") + "\nOne more sentence here.\n",
                       encoding="utf-8")
    edited = load_corpus(corpus_folder)
    assert cache.cache_key(edited) != before
    assert cache.load(cache.cache_key(edited)) is None
    after = cache.analyse_cached(edited)
    assert after == analyse(edited) and after != before
    assert len(entries(cache_folder)) == 2


def test_editing_the_case_file_misses_the_cache(corpus_folder):
    corpus = load_corpus(corpus_folder)
    cache.analyse_cached(corpus)
    before = cache.cache_key(corpus)
    assert cache.load(before) is not None
    case = corpus_folder / "reconcile.toml"
    case.write_text(case.read_text(encoding="utf-8") + "\n# a comment changes the bytes\n",
                    encoding="utf-8")
    edited = load_corpus(corpus_folder)
    assert cache.cache_key(edited) != before
    assert cache.load(cache.cache_key(edited)) is None


def test_links_and_fixes_are_part_of_the_key(corpus_folder):
    corpus = load_corpus(corpus_folder)
    a, b = corpus.articles[0].id, corpus.articles[1].id
    link = Link(Ref(a, 0, 0), Ref(b, 0, 0), same=True)
    fix = SideFix(side=None, speaker="somebody")
    keys = {cache.cache_key(corpus), cache.cache_key(corpus, [link]),
            cache.cache_key(corpus, [], [fix]), cache.cache_key(corpus, [link], [fix])}
    assert len(keys) == 4
    assert cache.analyse_cached(corpus, [link], [fix]) == analyse(corpus, [link], [fix])


def test_a_corrupt_entry_is_ignored_and_rewritten(corpus_folder, cache_folder):
    corpus = load_corpus(corpus_folder)
    cache.analyse_cached(corpus)
    [entry] = entries(cache_folder)
    for damage in (b"not a pickle", b"", entry.read_bytes()[:100]):
        entry.write_bytes(damage)
        assert cache.load(cache.cache_key(corpus)) is None
        assert cache.analyse_cached(corpus) == analyse(corpus)
        assert cache.load(cache.cache_key(corpus)) == analyse(corpus)


def test_an_entry_of_the_wrong_type_is_a_miss(corpus_folder, cache_folder):
    import pickle

    corpus = load_corpus(corpus_folder)
    cache_folder.mkdir()
    key = cache.cache_key(corpus)
    data = pickle.dumps({"not": "an analysis"})
    secret = signed._secret()
    assert secret is not None
    (cache_folder / f"{key}{cache.SUFFIX}").write_bytes(signed._mac(secret, data) + data)
    assert cache.load(key) is None


class _Planted:
    """A pickle that creates a file when it is loaded: what a hostile cache entry would do."""

    def __init__(self, target: Path) -> None:
        self.target = target

    def __reduce__(self):
        return (Path.touch, (self.target,))


def test_a_planted_pickle_is_never_loaded(corpus_folder, cache_folder, tmp_path):
    """Issue 15 #18: an entry not signed with this user's key is not unpickled."""
    import pickle

    corpus = load_corpus(corpus_folder)
    key = cache.cache_key(corpus)
    ran = tmp_path / "code-ran"
    cache_folder.mkdir()
    entry = cache_folder / f"{key}{cache.SUFFIX}"
    body = pickle.dumps(_Planted(ran))
    for planted in (body, b"\0" * 32 + body, signed._mac(b"k" * 32, body) + body):
        entry.write_bytes(planted)
        assert cache.load(key) is None
        assert not ran.exists()
    assert cache.analyse_cached(corpus) == analyse(corpus)   # and the entry is rewritten, signed
    assert cache.load(key) == analyse(corpus)


def test_the_key_is_private_and_a_planted_link_turns_the_cache_off(tmp_path, monkeypatch):
    data = tmp_path / "data"
    monkeypatch.setenv("RECONCILE_DATA_DIR", str(data))
    key = signed._secret()
    assert key is not None and len(key) == 32 and signed._secret() == key
    assert (data / "cache.key").stat().st_mode & 0o777 == 0o600
    (data / "cache.key").unlink()
    outside = tmp_path / "attacker-key"
    outside.write_bytes(b"k" * 32)
    (data / "cache.key").symlink_to(outside)
    assert signed._secret() is None


def test_an_unwritable_cache_folder_is_not_an_error(corpus_folder, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way")
    monkeypatch.setenv("RECONCILE_CACHE_DIR", str(blocker / "cache"))
    corpus = load_corpus(corpus_folder)
    assert cache.analyse_cached(corpus) == analyse(corpus)


def test_no_cache_turns_it_off(corpus_folder, cache_folder, monkeypatch):
    monkeypatch.setenv("RECONCILE_NO_CACHE", "1")
    assert cache.cache_dir() is None
    corpus = load_corpus(corpus_folder)
    assert cache.analyse_cached(corpus) == analyse(corpus)
    assert not cache_folder.exists()


def test_default_folder_is_the_user_cache_dir(monkeypatch):
    from platformdirs import user_cache_dir

    monkeypatch.delenv("RECONCILE_CACHE_DIR")
    assert cache.cache_dir() == Path(user_cache_dir("reconcile"))


def test_pruning_keeps_the_newest_entries(cache_folder, seeds):
    analysis = analyse(seeds)
    for number in range(cache.KEEP + 5):
        assert cache.store(f"{number:064x}", analysis)
        os.utime(cache_folder / f"{number:064x}{cache.SUFFIX}", (number, number))
    cache.prune(cache_folder)
    kept = {path.name for path in entries(cache_folder)}
    assert len(kept) == cache.KEEP
    assert f"{cache.KEEP + 4:064x}{cache.SUFFIX}" in kept and f"{0:064x}{cache.SUFFIX}" not in kept
    assert not list(cache_folder.glob("*.tmp"))


def test_the_forked_reader_engine_fills_and_reads_the_cache(seeds, tmp_path, cache_folder):
    from tui.ui.background import ForkedAnalysis, can_fork

    if not can_fork():
        pytest.skip("fork is not available here")
    first = list(ForkedAnalysis(seeds, tmp_path / "n.toml").frames())
    assert first[-1][0] == "result" and any(f[0] == "progress" for f in first)
    assert len(entries(cache_folder)) == 1
    second = list(ForkedAnalysis(seeds, tmp_path / "n.toml").frames())
    assert [f[0] for f in second] == ["result"]  # no engine stages: read from the cache
    assert second[-1][1] == first[-1][1] == analyse(seeds)


def test_a_result_already_sent_is_taken_without_waiting(seeds, tmp_path, cache_folder):
    import time

    from tui.ui.background import ForkedAnalysis, can_fork

    if not can_fork():
        pytest.skip("fork is not available here")
    list(ForkedAnalysis(seeds, tmp_path / "n.toml").frames())  # fills the cache
    forked = ForkedAnalysis(seeds, tmp_path / "n.toml")
    deadline = time.monotonic() + 20
    while (frame := forked.result_if_ready()) is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert frame is not None and frame[0] == "result" and frame[1] == analyse(seeds)
    assert list(forked.frames()) == [frame]  # the worker's reading replays it


@pytest.mark.parametrize("stream", [b"\x00\x10", "cut", "garbage"])
def test_a_child_killed_mid_frame_is_an_error_not_a_crash(stream):
    """Issue 15 #29: the OOM killer can stop the engine's child in the middle of a frame."""
    import io
    import pickle

    from tui.ui.background import _HEADER, ForkedAnalysis

    body = pickle.dumps(("progress", "pairs", 1, 2))
    data = {"cut": _HEADER.pack(len(body)) + body[:5],
            "garbage": _HEADER.pack(8) + b"\x80\x05junk!"}.get(stream, stream)
    forked = ForkedAnalysis.__new__(ForkedAnalysis)
    forked._pipe = io.BytesIO(data)
    assert forked._read_frame() == ("error", "the engine process ended without a result")


def test_the_key_covers_every_engine_source_file():
    """The cache is a package one folder down: its keys must still hash the whole engine
    (a changed stage that the key missed would serve an old result)."""
    import tui.engine

    names = {path.relative_to(Path(tui.engine.__file__).parent).as_posix() for path in keys.engine_sources()}
    assert {"model.py", "analysis.py", "text/loading.py", "facts/status.py", "cache/keys.py"} <= names


def test_the_reader_engine_sends_its_result_before_storing_it(seeds, tmp_path, cache_folder, monkeypatch):
    """A first launch's result goes to the reader before the child writes its cache entry
    (pickling and signing it is off the way to the first dispute); the entry is still
    written, whether the reader waits for the child (its worker) or not (the first paint)."""
    import time

    from tui.engine.cache import analyses
    from tui.ui.background import ForkedAnalysis, can_fork

    if not can_fork():
        pytest.skip("fork is not available here")
    real = analyses.store

    def slow_store(*args, **kwargs):
        time.sleep(1.5)
        return real(*args, **kwargs)

    monkeypatch.setattr(analyses, "store", slow_store)  # the child inherits it
    for notes in ("a.toml", "b.toml"):
        start = time.monotonic()
        forked = ForkedAnalysis(seeds, tmp_path / notes)
        while (frame := forked.result_if_ready()) is None and time.monotonic() - start < 20:
            time.sleep(0.005)
        assert frame is not None and frame[0] == "result" and time.monotonic() - start < 1.4
        forked.close()  # as the first paint does: the child is not killed
        deadline = time.monotonic() + 20
        while not entries(cache_folder) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(entries(cache_folder)) == 1
    shutil.rmtree(cache_folder)
    frames = list(ForkedAnalysis(seeds, tmp_path / "n.toml").frames())
    assert frames[-1][0] == "result" and len(entries(cache_folder)) == 1  # the worker waited


def test_the_reader_engine_analyses_a_small_corpus_without_the_cycle_collector(seeds, tmp_path, monkeypatch):
    """The engine child analyses a small corpus with the cycle collector off (its passes
    over the engine's objects cost ~3% of a first launch's way to the first dispute, and
    the process ends soon after)."""
    import gc

    from tui.ui import background

    if not background.can_fork():
        pytest.skip("fork is not available here")
    real = background.analyse_here

    def spy(*args, **kwargs):
        analysis, _ = real(*args, **kwargs)
        return analysis, f"collector on: {gc.isenabled()}"

    monkeypatch.setattr(background, "analyse_here", spy)  # the child inherits it
    frames = list(background.ForkedAnalysis(seeds, tmp_path / "n.toml").frames())
    assert frames[-1][0] == "result" and frames[-1][2] == "collector on: False"
