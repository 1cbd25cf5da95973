"""The engine's use of the machine (issue 14): the cycle collector paused while it builds its
objects, and stages run in a forked child beside others, with the same results."""

from __future__ import annotations

import gc
import os
import shutil
from pathlib import Path

import pytest

from conftest import SEEDS
from tui.engine import analysis as analysis_module
from tui.engine import pairing as pairing_module
from tui.engine.analysis import analyse
from tui.engine.export.jsondoc import to_json
from tui.engine.parallel import Background, can_fork, collector_paused
from tui.engine.text.loading import load_corpus

needs_fork = pytest.mark.skipif(not can_fork(), reason="no fork here (or pools turned off, or threads)")


def test_the_collector_is_paused_while_the_engine_runs_and_on_again_after(seeds, monkeypatch) -> None:
    seen: list[bool] = []
    attribute = analysis_module.attribute

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return attribute(*args, **kwargs)

    monkeypatch.setattr(analysis_module, "attribute", spy)
    assert gc.isenabled()
    analyse(seeds)
    assert seen == [False]
    assert gc.isenabled()


def test_a_paused_collector_stays_paused_after_a_nested_pause() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_kept_pause_sets_what_it_made_outside_later_passes(monkeypatch) -> None:
    """After a long pause the youngest generation holds everything made meanwhile: turning the
    collector on made its next passes walk it all.  `keep` freezes it first."""
    from tui.engine import parallel

    gc.unfreeze()
    try:
        with collector_paused(keep=True):
            made = [[n] for n in range(parallel.KEEP_FROM + 1000)]
        assert gc.isenabled()
        assert gc.get_freeze_count() >= len(made)
        gc.unfreeze()
        with collector_paused():
            made = [[n] for n in range(parallel.KEEP_FROM + 1000)]
        assert gc.get_freeze_count() == 0
        with collector_paused(keep=True):   # a few objects: a pass costs little, nothing frozen
            made = [[n] for n in range(1000)]
        assert gc.get_freeze_count() == 0
    finally:
        gc.unfreeze()


def test_the_export_runs_with_the_collector_paused_and_keeps_its_objects(tmp_path, monkeypatch) -> None:
    from tui import cli
    from tui.engine import parallel

    seen: list[bool] = []
    export = cli._export

    def spy(args):
        seen.append(gc.isenabled())
        return export(args)

    monkeypatch.setattr(cli, "_export", spy)
    monkeypatch.setattr(parallel, "KEEP_FROM", 0)   # the sample is small: taken as large
    gc.unfreeze()
    try:
        assert cli.main(["export", str(SEEDS), "--format", "json", "-o", str(tmp_path / "out.json")]) == 0
        assert seen == [False] and gc.isenabled() and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


@needs_fork
def test_a_background_result_comes_from_a_child() -> None:
    job = Background(os.getpid)
    assert job.forked
    assert job.result() != os.getpid()
    assert Background(lambda: {"rows": [1, 2.5, "x"]}).result() == {"rows": [1, 2.5, "x"]}


@needs_fork
def test_a_child_that_fails_is_done_again_here() -> None:
    parent = os.getpid()

    def work() -> str:
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return "done here"

    assert Background(work).result() == "done here"


def test_without_fork_the_work_is_done_at_once() -> None:
    done: list[int] = []
    job = Background(lambda: done.append(1) or len(done), fork=False)
    assert done == [1] and not job.forked
    assert job.result() == 1 and done == [1]


def _pids_file_spy(module, name: str, log: Path, monkeypatch) -> None:
    """Wrap module.name so that every call appends its process id to `log` (a child's memory is
    not the parent's: a file is)."""
    original = getattr(module, name)

    def spy(*args, **kwargs):
        with log.open("a") as handle:
            handle.write(f"{name} {os.getpid()}\n")
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, spy)


@needs_fork
@pytest.mark.parametrize("case_file", [False, True])
def test_sides_speakers_and_article_rows_run_beside_the_rest_with_the_same_export(tmp_path, monkeypatch,
                                                                                 case_file: bool) -> None:
    """A corpus taken as large: side inference (without a case file), the reading of each
    article's speakers and the article rows run in children, and the export is the same bytes
    as in one process."""
    folder = tmp_path / "sample"
    shutil.copytree(SEEDS, folder)
    if not case_file:
        (folder / "reconcile.toml").unlink()
    corpus = load_corpus(folder)
    monkeypatch.setenv("RECONCILE_NO_POOL", "1")
    alone = to_json(analyse(corpus))
    monkeypatch.delenv("RECONCILE_NO_POOL")
    monkeypatch.setattr(analysis_module, "BACKGROUND_MIN_ARTICLES", 1)
    log = tmp_path / "pids.txt"
    _pids_file_spy(analysis_module, "infer_sides", log, monkeypatch)
    _pids_file_spy(analysis_module, "read_speakers", log, monkeypatch)
    _pids_file_spy(pairing_module, "article_rows", log, monkeypatch)
    beside = to_json(analyse(corpus))
    assert beside == alone
    calls = dict(line.split() for line in log.read_text().splitlines())
    assert set(calls) == {"read_speakers", "article_rows"} | ({"infer_sides"} if not case_file else set())
    assert all(int(pid) != os.getpid() for pid in calls.values()), calls


def test_the_control_byte_count_is_the_per_byte_rule() -> None:
    """decoding._control_ratio counts in C what a loop over every byte counted: all bytes
    under 32 but tab, newline, form feed, carriage return and escape."""
    from tui.engine.text.decoding import _control_ratio

    every = bytes(range(256))
    rule = sum(1 for b in every if b < 32 and b not in (9, 10, 12, 13, 27))
    assert rule == 27
    assert _control_ratio(every) == rule / 256
    assert _control_ratio(b"") == 0.0
    assert _control_ratio(b"plain text\r\n\t\x1b[0m") == 0.0
    assert _control_ratio(b"\x00\x01ab") == 0.5


def test_token_words_are_the_tokens_words() -> None:
    from tui.engine.text.textnorm import token_words, tokens

    text = "U.S. officials said 1,200 people\u2019s homes \u2014 in Kyiv's east \u2014 were hit; 3.5% more."
    assert token_words(text) == [t[0] for t in tokens(text)]


@needs_fork
def test_a_long_section_written_by_two_processes_is_the_same_text(seeds, tmp_path, monkeypatch) -> None:
    """Articles, pairs and article rows from their halves: the second half encoded by a child
    into a temporary file, copied after the first; the same document as in one process."""
    from tui.engine.export import jsondoc

    analysis = analyse(seeds)
    monkeypatch.setenv("RECONCILE_NO_POOL", "1")
    alone = to_json(analysis)
    monkeypatch.delenv("RECONCILE_NO_POOL")
    monkeypatch.setattr(jsondoc, "SPLIT_MIN_ARTICLES", 2)
    monkeypatch.setattr(jsondoc, "SPLIT_MIN_ELEMENTS", 2)
    log = tmp_path / "pids.txt"
    _pids_file_spy(jsondoc, "_write_tail", log, monkeypatch)
    assert to_json(analysis) == alone
    pids = [int(line.split()[1]) for line in log.read_text().splitlines()]
    assert len(pids) == 3 and os.getpid() not in pids
    assert jsondoc.to_document(analysis)["articles"] == [jsondoc._article(a, analysis.attributions)
                                                        for a in analysis.corpus.articles]


@needs_fork
def test_a_result_larger_than_a_pipe_comes_back_whole() -> None:
    big = "x" * (4 << 20)
    job = Background(lambda: [big, os.getpid()])
    text, pid = job.result()
    assert text == big and pid != os.getpid()


def test_pairing_calls_back_between_the_sentence_and_the_paragraph_probes(seeds, monkeypatch) -> None:
    """The caller forks its work for the idle core once the sentence probes' pool is closed,
    not during it (three processes on two cores slowed the probes)."""
    from tui.engine.pairing import probes

    order: list[str] = []
    pair_units = probes.pair_units

    def spy(units, stage, *args, **kwargs):
        order.append(stage)
        return pair_units(units, stage, *args, **kwargs)

    monkeypatch.setattr(pairing_module, "pair_units", spy)
    pairing_module.pair_corpus(seeds, after_probes=lambda: order.append("called back"))
    assert order == ["sentences", "called back", "paragraphs"]


@needs_fork
def test_in_two_computes_the_second_half_in_a_child_and_joins_in_order() -> None:
    from tui.engine.parallel import in_two

    def work(part) -> list[tuple[int, int]]:
        return [(x * x, os.getpid()) for x in part]

    got = in_two(list(range(7)), work)
    assert [x for x, _ in got] == [x * x for x in range(7)]
    pids = [pid for _, pid in got]
    assert pids[:3] == [os.getpid()] * 3 and os.getpid() not in pids[3:]
    assert in_two([], work) == [] and [x for x, _ in in_two([3], work)] == [9]
    assert {pid for _, pid in in_two(list(range(4)), work, fork=False)} == {os.getpid()}


@needs_fork
def test_in_two_cuts_where_half_the_weight_is_done() -> None:
    """With weights the child takes the items after half the work, not after half the items:
    a heavy first item leaves the rest to the child; the result is the same list."""
    from tui.engine.parallel import halfway, in_two

    def work(part) -> list[tuple[int, int]]:
        return [(x * x, os.getpid()) for x in part]

    weights = {0: 10, 1: 1, 2: 1, 3: 1, 4: 1, 5: 1}
    got = in_two(list(range(6)), work, weight=weights.__getitem__)
    assert [x for x, _ in got] == [x * x for x in range(6)]
    pids = [pid for _, pid in got]
    assert pids[0] == os.getpid() and os.getpid() not in pids[1:]
    assert halfway([1, 1, 1, 1], float) == 2 and halfway([1, 1, 1, 5], float) == 4 and halfway([0, 0], float) == 1
    assert [x for x, _ in in_two([2, 3], work, weight=lambda x: 0 if x == 3 else 1)] == [4, 9]   # all weight first


@needs_fork
@pytest.mark.parametrize("case_file", [False, True])
def test_the_facts_made_in_two_processes_are_those_made_in_one(tmp_path, monkeypatch, case_file: bool) -> None:
    """From facts.TWO_PROCESSES_FROM articles the clauses of the second half of the articles,
    then the facts of the second half of the questions, are made in a child: the same export,
    its clauses numbered as in one list."""
    from tui.engine import facts as facts_module
    from tui.engine.facts import units as units_module

    folder = tmp_path / "sample"
    shutil.copytree(SEEDS, folder)
    if not case_file:
        (folder / "reconcile.toml").unlink()
    corpus = load_corpus(folder)
    monkeypatch.setattr(facts_module, "TWO_PROCESSES_FROM", 10**9)
    alone = to_json(analyse(corpus))
    monkeypatch.setattr(facts_module, "TWO_PROCESSES_FROM", 1)
    log = tmp_path / "pids.txt"
    _pids_file_spy(units_module, "_clauses", log, monkeypatch)
    numbered: list[list[int]] = []
    ask = facts_module.ask

    def spy(corpus, units, *args, **kwargs):
        numbered.append([u.index for u in units])
        return ask(corpus, units, *args, **kwargs)

    monkeypatch.setattr(facts_module, "ask", spy)
    assert to_json(analyse(corpus)) == alone
    assert numbered and numbered[0] == list(range(len(numbered[0])))
    pids = {line.split()[1] for line in log.read_text().splitlines()}
    assert str(os.getpid()) in pids and len(pids) == 2


@needs_fork
def test_the_clauses_come_to_the_questions_with_their_aspects_read(tmp_path, monkeypatch) -> None:
    """The aspects each clause's words ask are read where the clauses are made (in both
    processes), and `ask` reads them from there: the same as reading them in `ask`."""
    from tui.engine import facts as facts_module
    from tui.engine.facts.aspects import tag

    corpus = load_corpus(SEEDS)
    monkeypatch.setattr(facts_module, "TWO_PROCESSES_FROM", 1)
    seen: list[bool] = []
    ask = facts_module.ask

    def spy(corpus, units, *args, **kwargs):
        seen.extend(u.tags is not None and u.tags == tag(u.text) for u in units)
        return ask(corpus, units, *args, **kwargs)

    monkeypatch.setattr(facts_module, "ask", spy)
    analyse(corpus)
    assert seen and all(seen)
