"""Pairing on the bundled sample and on small made-up corpora: shape, anchors, wire, articles."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from pathlib import Path

from conftest import write
from tui.engine.analysis import analyse
from tui.engine.export.jsondoc import to_document
from tui.engine.text.loading import load_corpus
from tui.engine.model import Corpus, Link, Ref
from tui.engine.pairing import date_gap, is_wire, pair_corpus

TASS, AP1, AP2, Y2017, Y2024 = ("000_7f4c5cce0065053c.txt", "001_7c66d4f0f52cdbbc.txt",
                                "002_da9a1b498ebd98ed.txt", "003_35747907ac07a596.txt",
                                "004_59a28452e44ba236.txt")


def paragraph_pairs(corpus: Corpus, **kw) -> set[tuple[Ref, Ref]]:
    return {(p.a, p.b) for p in pair_corpus(corpus, **kw).pairs if p.kind == "paragraph"}


def test_pairs_are_well_formed(seeds: Corpus) -> None:
    order = {a.id: n for n, a in enumerate(seeds.articles)}
    pairs = pair_corpus(seeds).pairs
    assert any(p.kind == "sentence" for p in pairs) and any(p.kind == "paragraph" for p in pairs)
    for p in pairs:
        assert 0 <= p.score <= 100
        assert p.kind in ("sentence", "paragraph")
        assert (p.a.sentence is None) == (p.b.sentence is None) == (p.kind == "paragraph")
        assert order[p.a.article] < order[p.b.article]
        assert p.terms and p.origin == "engine"
        paragraph = seeds.article(p.a.article).paragraphs[p.a.paragraph]
        shown = paragraph.text if p.a.sentence is None else paragraph.sentences[p.a.sentence].text
        assert p.a_text == shown  # the text shown is never normalised


def test_seeds_pair_fast(seeds: Corpus) -> None:
    pair_corpus(seeds)
    started = time.perf_counter()
    pair_corpus(seeds)
    assert time.perf_counter() - started < 1.0


def test_one_to_many_and_out_of_order(seeds: Corpus) -> None:
    """002 splits one paragraph of 001 into three, and tells the story in another order."""
    pairs = paragraph_pairs(seeds)
    lavrov = {b.paragraph for a, b in pairs if a == Ref(AP1, 12) and b.article == AP2}
    assert len(lavrov) >= 3
    crossings = [(a.paragraph, b.paragraph) for a, b in pairs if a.article == AP1 and b.article == AP2]
    assert any(x[0] < y[0] and x[1] > y[1] for x in crossings for y in crossings)


def test_user_links_override_the_engine(seeds: Corpus) -> None:
    engine = pair_corpus(seeds).pairs
    strong = next(p for p in engine if p.kind == "paragraph" and p.score >= 90)
    weak_a, weak_b = Ref(TASS, 5), Ref(Y2024, 6)
    assert not any({p.a, p.b} == {weak_a, weak_b} for p in engine)
    links = [Link(strong.a, strong.b, same=False), Link(weak_b, weak_a, same=True)]
    pairs = pair_corpus(seeds, links).pairs
    assert not any((p.a, p.b) == (strong.a, strong.b) for p in pairs)
    # "not the same" on two paragraphs also drops the sentence pairs between them
    assert not any((Ref(p.a.article, p.a.paragraph), Ref(p.b.article, p.b.paragraph))
                   == (strong.a, strong.b) for p in pairs)
    forced = [p for p in pairs if {p.a, p.b} == {weak_a, weak_b}]
    assert len(forced) == 1 and forced[0].origin == "user" and forced[0].score == 100
    assert forced[0].a == weak_a  # put in corpus order whatever order the user gave


def test_stale_link_is_ignored(seeds: Corpus) -> None:
    pairs = pair_corpus(seeds, [Link(Ref(TASS, 99), Ref(AP1, 0), same=True)]).pairs
    assert not any(p.origin == "user" for p in pairs)


def test_progress_is_reported(seeds: Corpus) -> None:
    calls: list[tuple[str, int, int]] = []
    pair_corpus(seeds, progress=lambda stage, done, total: calls.append((stage, done, total)))
    stages = {c[0] for c in calls}
    assert {"sentences", "paragraphs", "articles"} <= stages
    assert all(0 <= done <= total for _, done, total in calls)
    for stage in stages:
        last = [c for c in calls if c[0] == stage][-1]
        assert last[1] == last[2]


def test_analyse_names_every_stage_in_order(seeds: Corpus) -> None:
    """After pairing, claims and facts say when they start: on a large corpus they take seconds."""
    from tui.engine.analysis import analyse

    stages: list[str] = []
    analyse(seeds, progress=lambda stage, done, total: stages.append(stage))
    order = list(dict.fromkeys(stages))
    assert order[-2:] == ["claims", "facts"] and "sentences" in order
    assert order[0] == "reprints"   # seconds at 10,000 articles, before anything else


def test_wire_copy_groups_the_two_ap_versions(seeds: Corpus) -> None:
    result = pair_corpus(seeds)
    assert [g["articles"] for g in result.wire] == [[AP1, AP2]]
    wire_pairs = [p for p in result.pairs if p.wire]
    assert wire_pairs and all({p.a.article, p.b.article} == {AP1, AP2} for p in wire_pairs)
    assert not any(p.wire and TASS in (p.a.article, p.b.article) for p in result.pairs)


def test_is_wire_tells_reprint_from_rewrite() -> None:
    reprint = ("If the call between the two ministers was de-escalatory in private, it was not "
               "apparent from the public statements.")
    edited = ("If the call between the two ministers led to de-escalation in private, it was not "
              "apparent from the public statements afterwards.")
    rewrite = "The public statements after the ministers' call showed no sign of de-escalation."
    assert is_wire(reprint, reprint.replace("ministers", "Ministers"))
    assert is_wire(reprint, edited)
    assert not is_wire(reprint, rewrite)
    assert not is_wire("He was 77.", "He was 77.")  # too short to tell


def test_article_similarity_tells_events_apart(seeds: Corpus) -> None:
    rows = {(r["a"], r["b"]): r for r in pair_corpus(seeds).article_similarity}
    assert len(rows) == 10
    for pair in ((TASS, AP1), (TASS, AP2), (AP1, AP2)):
        assert rows[pair]["relation"] == "same event", rows[pair]
    for other in (Y2017, Y2024):
        for r in rows.values():
            if other in (r["a"], r["b"]):
                assert r["relation"] != "same event", r
    assert rows[(AP1, AP2)]["wire"] and rows[(AP1, AP2)]["a_paired"] > 0.5
    json.dumps(list(rows.values()))


def test_dates_far_apart_need_more_evidence(seeds: Corpus) -> None:
    """The same passages pair less when the case file dates the articles years apart."""
    undated = replace(seeds, articles=tuple(replace(a, date=None) for a in seeds.articles))
    dated = paragraph_pairs(seeds)
    assert paragraph_pairs(undated) > dated
    assert date_gap("2023-03-15", "2024-11").days > 500
    assert date_gap("2024-11", "2024-11-27").days == 0
    assert date_gap(None, "2024") is None


def test_paraphrase_and_spelling_pair(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "The defence ministry said the aggressive behaviour of the pilots was "
                             "intentional and the drone sank in 1,200 metres of water.\n\n"
                             "Tourists crowded the beaches of the southern coast over the weekend.\n")
    write(tmp_path, "b.txt", "Pilots' aggressive behavior was intentional, the Defense Ministry "
                             "said; the drone sank in 1200 meters of water.\n\n"
                             "The central bank raised interest rates by half a point on Thursday.\n")
    pairs = pair_corpus(load_corpus(tmp_path)).pairs
    para = [p for p in pairs if p.kind == "paragraph"]
    assert [(p.a.paragraph, p.b.paragraph) for p in para] == [(0, 0)]
    assert {"behaviour", "1,200"} <= set(para[0].terms)  # shared, shown as written in a


def test_stop_words_alone_do_not_pair(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "It was said that they would be there when it was over.\n")
    write(tmp_path, "b.txt", "They said it would be over when they were there.\n")
    assert pair_corpus(load_corpus(tmp_path)).pairs == ()


def test_export_carries_pairs_with_word_differences(seeds: Corpus) -> None:
    document = json.loads(json.dumps(to_document(analyse(seeds), diffs=True)))
    pairs = document["pairs"]
    assert pairs and document["article_similarity"]
    for p in pairs:
        assert set(p) >= {"a", "b", "score", "kind", "terms", "origin", "diff"}
        assert set(p["diff"]) >= {"a_only", "b_only"}
    crash = next(p for p in pairs if p["kind"] == "sentence" and "9" in p["terms"]
                 and p["a"]["article"] == AP1 and p["b"]["article"] == AP2)
    assert "sprayed" in crash["diff"]["b_only"] and "propeller" not in crash["diff"]["b_only"]


def test_export_diffs_only_the_pairs_the_facts_use(seeds: Corpus) -> None:
    """Issue 14: diffs of every pair were a quarter of a large export's time; by default
    only pairs joining two accounts of one fact carry one, and the rest are otherwise unchanged."""
    analysis = analyse(seeds)
    lean = to_document(analysis, all_pairs=True)["pairs"]
    full = to_document(analysis, diffs=True, all_pairs=True)["pairs"]
    places = {}
    for n, fact in enumerate(analysis.facts):
        for account in fact.accounts:
            for ref in (account.ref, account.ref.whole_paragraph):
                places.setdefault(ref, set()).add(n)
    assert len(lean) == len(full)
    for pair, short, long in zip(analysis.pairs, lean, full):
        used = pair.origin != "engine" or bool(places.get(pair.a, set()) & places.get(pair.b, set()))
        assert short["diff"] == (long["diff"] if used else None)
        assert {**short, "diff": None} == {**long, "diff": None}
    assert any(p["diff"] is None for p in lean) and any(p["diff"] for p in lean)


def test_export_leaves_out_the_weak_pairs_no_fact_uses_unless_asked(seeds: Corpus) -> None:
    """Issue 14: half of a large export's pairs scored just over the threshold and joined no two
    accounts of one fact (14 MB of a 41 MB document at 982 articles). The export leaves them out
    and counts them; --all-pairs writes every pair, as before."""
    from tui.engine.export.jsondoc import PAIRS_MIN_SCORE

    analysis = analyse(seeds)
    everything, lean = to_document(analysis, all_pairs=True), to_document(analysis)
    kept = {(p["a"]["article"], p["a"]["paragraph"], p["a"].get("sentence"),
             p["b"]["article"], p["b"]["paragraph"], p["b"].get("sentence"), p["kind"]) for p in lean["pairs"]}
    left_out = [p for p in everything["pairs"]
                if (p["a"]["article"], p["a"]["paragraph"], p["a"].get("sentence"), p["b"]["article"],
                    p["b"]["paragraph"], p["b"].get("sentence"), p["kind"]) not in kept]
    assert left_out and len(lean["pairs"]) + len(left_out) == len(everything["pairs"])
    assert all(p["score"] < PAIRS_MIN_SCORE and p["origin"] == "engine" and not p["wire"] and p["diff"] is None
               for p in left_out)
    assert lean["pairs_left_out"] == {"count": len(left_out), "score_under": PAIRS_MIN_SCORE}
    assert everything["pairs_left_out"] == {"count": 0, "score_under": None}
    assert [p for p in everything["pairs"] if p not in left_out] == lean["pairs"]   # the rest as they were
    assert any(p["score"] < PAIRS_MIN_SCORE and p["diff"] for p in lean["pairs"])   # a fact's weak pair stays


def test_degenerate_corpora(tmp_path: Path, seeds: Corpus) -> None:
    empty = replace(seeds, articles=())
    assert pair_corpus(empty).pairs == () and pair_corpus(empty).article_similarity == ()
    one = replace(seeds, articles=seeds.articles[:1])
    assert pair_corpus(one).pairs == ()
    write(tmp_path, "a.txt", "\n")
    write(tmp_path, "b.txt", "Only one sentence here about a harbour.\n")
    result = pair_corpus(load_corpus(tmp_path))
    assert result.pairs == () and len(result.article_similarity) <= 1


def test_a_link_from_a_paragraph_to_a_sentence_sorts_with_the_sentence_pairs(seeds: Corpus) -> None:
    """A user link from a whole paragraph to one sentence is a sentence-level pair whose first
    place names no sentence; sorting it among the engine's pairs of that paragraph's sentences
    compared None with a number and raised.  The paragraph now sorts before its sentences."""
    engine = pair_corpus(seeds).pairs
    some = next(p for p in engine if p.kind == "sentence" and p.a.article == AP1)
    paragraph = Ref(AP1, some.a.paragraph)
    target = next(p.b for p in engine if p.kind == "sentence" and p.b.article != AP1 and p.b != some.b)
    pairs = pair_corpus(seeds, [Link(paragraph, target, same=True)]).pairs
    mine = [n for n, p in enumerate(pairs) if p.origin == "user"]
    theirs = [n for n, p in enumerate(pairs) if p.kind == "sentence" and p.a == some.a]
    assert len(mine) == 1 and pairs[mine[0]].kind == "sentence" and mine[0] < min(theirs)


def test_wire_copy_is_marked_without_hashing_a_ref(monkeypatch) -> None:
    """`mark_wire` looks places up as plain tuples (a Ref's dataclass __hash__ is Python code,
    called 300,000 times at 1,000 articles) and flags the same pairs."""
    from tui.engine.model import Ref, TextPair
    from tui.engine.pairing.links import mark_wire
    text = "The ferry left the harbour at dawn with forty passengers on board"
    other = "A ferry carrying forty passengers left the harbour before dawn on Monday"
    s1, s2, s3 = Ref("a.md", 1, 0), Ref("b.md", 4, 0), Ref("c.md", 2, 0)
    words = {s1: tuple(text.lower().split()), s2: tuple(text.lower().split()), s3: tuple(other.lower().split())}
    pairs = [TextPair(s1, s2, 90.0, (), "sentence", "engine", text, text),
             TextPair(s1, s3, 60.0, (), "sentence", "engine", text, other),
             TextPair(Ref("a.md", 1), Ref("b.md", 4), 90.0, (), "paragraph", "engine", text, text),
             TextPair(Ref("a.md", 1), Ref("c.md", 2), 60.0, (), "paragraph", "engine", text, other)]
    hashed = []
    monkeypatch.setattr(Ref, "__hash__", lambda self: hashed.append(self) or 0)
    assert [p.wire for p in mark_wire(pairs, words)] == [True, False, True, False]
    assert not hashed


def test_word_codes_give_indel_the_figures_of_the_word_tuples():
    """The probes compare words as one character each (`units._word_codes`): the Indel figure
    must be the tuples' own, also past the surrogate code points (a level of 60,000 words)."""
    from rapidfuzz.distance import Indel

    from tui.engine.pairing.units import Unit, idf_weights, prepare, score_units

    def unit(n: int, words: list[str]) -> Unit:
        return Unit(Ref("a", n, 0), n, " ".join(words), dict.fromkeys(words, 1.0), words=tuple(words))

    filler = [unit(1000 + n, [f"w{k}" for k in range(n * 600, n * 600 + 600)]) for n in range(100)]
    late = [f"w{k}" for k in range(59_000, 59_012)]
    pairs = [(unit(0, ["the", "drone", "fell", "into", "the", "sea"]), unit(1, ["a", "drone", "fell", "in", "the", "sea"])),
             (unit(2, late), unit(3, late[:6] + ["x"] + late[6:])), (unit(4, []), unit(5, ["one"]))]
    units = filler + [u for pair in pairs for u in pair]
    idf, _ = idf_weights(units)
    prepare(units, idf)
    for u in units:
        assert isinstance(u.codes, str) and len(u.codes) == len(u.words)
        u.codes.encode("utf-8")   # no lone surrogate
    for u, v in pairs:
        assert Indel.similarity(u.codes, v.codes) == Indel.similarity(u.words, v.words)
        expected = score_units(replace(u, codes=u.words), replace(v, codes=v.words), idf)
        assert score_units(u, v, idf) == expected


def test_a_probe_sends_back_only_the_scores_pairing_records(seeds: Corpus, monkeypatch) -> None:
    """A probe runs in a pool worker for a large corpus: of its scored candidates it sends back
    only those pairing records (at `below` or more, or a copy group's), and counts the rest;
    the pairs and the count of candidates are those of recording every score."""
    from tui.engine.pairing import probes, tuning, units as unit_module
    from tui.engine.pairing.units import units_of

    units = units_of(seeds.articles, "sentence")
    scored: list[float] = []
    real = probes.score_against

    def counting(*args, **kwargs):
        scores = real(*args, **kwargs)
        scored.extend(scores)
        return scores

    monkeypatch.setattr(probes, "score_against", counting)
    monkeypatch.setattr(unit_module, "score_against", counting)   # the copy groups' own scores
    sent: list[tuple[int, int, float]] = []
    real_probe = probes._probe

    def probe(job, j):
        count, found = real_probe(job, j)
        sent.extend((i, j, score) for i, score in found)
        return count, found

    monkeypatch.setattr(probes, "_probe", probe)
    stats: dict = {}
    band: dict = {}
    pairs = probes.pair_units(units, "sentences", lambda *a: None, set(), stats=stats, band=band)
    below = min(tuning.THRESHOLD, tuning.CONTEXT_FLOOR)
    assert pairs and stats["sentences"]["candidates"] == len(scored)
    groups = probes._copies(units)[0]
    assert groups and len(sent) < len(scored)
    assert all(score >= below or i in groups or j in groups for i, j, score in sent)
