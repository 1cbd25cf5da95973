"""The user's word on facts (confirm, dismiss, rename), its file records, undo, and exports."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import write
from tui.engine.analysis import analyse
from tui.engine.anchors import anchor_for_ref
from tui.engine.text.loading import load_corpus
from tui.engine.model import Corpus
from tui.engine.notes import NOTES_FILE, open_store
from tui.engine.reviews import apply_reviews

US = ("The Pentagon said a Russian jet struck the drone's propeller over international waters.\n\n"
      "The Pentagon said the jet dumped fuel on the drone before the collision.\n")
RU = ("Moscow said the drone crashed after a sharp maneuver and denied any contact with its jets.\n\n"
      "Moscow said the drone flew with its transponder off near the border.\n")
CASE = ('[[sides]]\nid = "us"\nname = "United States"\nactors = ["Pentagon"]\n\n'
        '[[sides]]\nid = "ru"\nname = "Russia"\nactors = ["Moscow"]\n')


@pytest.fixture()
def corpus(tmp_path: Path) -> Corpus:
    write(tmp_path, "us.txt", US)
    write(tmp_path, "ru.txt", RU)
    write(tmp_path, "reconcile.toml", CASE)
    return load_corpus(tmp_path)


def _disputed(corpus: Corpus):
    analysis = analyse(corpus)
    fact = next(f for f in analysis.facts if f.status == "disputed")
    return analysis, fact


def test_reviews_mark_and_rename_facts_and_survive_a_new_fact_id(corpus: Corpus):
    analysis, fact = _disputed(corpus)
    store = open_store(corpus)
    anchor = anchor_for_ref(corpus, fact.accounts[0].ref)
    store.review_fact(fact.id, anchor, verdict="confirmed", title="Did the jet hit the drone?")
    again = open_store(corpus)
    [review] = again.reviews
    assert (review.verdict, review.title, review.anchor) == ("confirmed", "Did the jet hit the drone?",
                                                              anchor)
    shown = {f.id: f for f in apply_reviews(analysis, again).facts}[fact.id]
    assert (shown.review, shown.title, shown.engine_title) == ("confirmed",
                                                               "Did the jet hit the drone?", fact.title)
    # A later engine names the fact otherwise: the review follows its anchored sentence.
    renumbered = replace(analysis, facts=tuple(replace(f, id=f.id + "-new") for f in analysis.facts))
    moved = {f.id: f for f in apply_reviews(renumbered, again).facts}[fact.id + "-new"]
    assert moved.review == "confirmed"
    # A second word on the same fact replaces the first; clearing both removes the record.
    again.review_fact(fact.id, anchor, verdict="dismissed")
    assert [r.verdict for r in again.reviews] == ["dismissed"]
    again.review_fact(fact.id, anchor)
    assert again.reviews == []


def test_undo_and_redo_walk_the_sessions_changes(corpus: Corpus):
    _, fact = _disputed(corpus)
    store = open_store(corpus)
    anchor = anchor_for_ref(corpus, fact.accounts[0].ref)
    store.review_fact(fact.id, anchor, verdict="confirmed")
    store.review_fact(fact.id, anchor, verdict="dismissed")
    assert store.undo() == "reviews" and store.reviews[0].verdict == "confirmed"
    assert store.undo() == "reviews" and store.reviews == []
    assert store.undo() is None
    assert store.redo() == "reviews" and store.reviews[0].verdict == "confirmed"
    assert open_store(corpus).reviews[0].verdict == "confirmed"  # every step is on disk


def test_exports_carry_the_users_word(corpus: Corpus):
    _, fact = _disputed(corpus)
    store = open_store(corpus)
    store.review_fact(fact.id, anchor_for_ref(corpus, fact.accounts[0].ref), verdict="dismissed",
                      title="Not a real dispute")
    run = [sys.executable, "-m", "tui.cli", "export", str(corpus.path)]
    document = json.loads(subprocess.run(run, capture_output=True, text=True, check=True).stdout)
    exported = next(f for f in document["facts"] if f["id"] == fact.id)
    assert exported["review"] == "dismissed" and exported["title"] == "Not a real dispute"
    assert exported["engine_title"] == fact.title
    others = [f for f in document["facts"] if f["id"] != fact.id]
    assert all("review" not in f and "engine_title" not in f for f in others)
    markdown = subprocess.run(run + ["--format", "markdown"], capture_output=True, text=True,
                              check=True).stdout
    assert "- **Not a real dispute** - " in markdown and "dismissed by the user" in markdown
    assert "### 1. Not a real dispute" not in markdown  # dismissed: not among the disputes


def test_a_damaged_review_is_a_clear_error(corpus: Corpus):
    (corpus.path / NOTES_FILE).write_text('schema = "reconcile.notes/1"\n\n[[reviews]]\nid = "r"\n'
                                          'fact = "f"\nverdict = "maybe"\n', encoding="utf-8")
    store = open_store(corpus)
    assert store.read_only and "verdict 'maybe' is not one of confirmed, dismissed" in store.problem


def test_a_dispute_the_user_makes_is_a_fact_first_in_every_export(corpus: Corpus):
    """Issue 13: [[facts]] in the notes file: a dispute made from two sentences the engine
    never joined; each passage an account with the side the engine read; first in exports."""
    from tui.engine.model import Ref

    store = open_store(corpus)
    refs = (Ref("us.txt", 1, 0), Ref("ru.txt", 1, 0))
    made = store.make_fact("Was the drone's transponder on?",
                           tuple(anchor_for_ref(corpus, r) for r in refs))
    analysis = apply_reviews(analyse(corpus), open_store(corpus))
    first = analysis.facts[0]
    assert first.id == f"user-{made.id[:8]}" and first.review == "made"
    assert first.status == "disputed" and [a.ref for a in first.accounts] == list(refs)
    assert [a.side for a in first.accounts] == ["us", "ru"]
    run = [sys.executable, "-m", "tui.cli", "export", str(corpus.path)]
    document = json.loads(subprocess.run(run, capture_output=True, text=True, check=True).stdout)
    assert document["facts"][0]["title"] == "Was the drone's transponder on?"
    assert document["facts"][0]["review"] == "made"
    # Its sentences gone from the articles, the made fact is left out, not guessed.
    write(corpus.path, "ru.txt", "Moscow said nothing more.\n")
    fresh = load_corpus(corpus.path)
    assert all(f.review != "made" for f in apply_reviews(analyse(fresh), open_store(fresh)).facts)


def test_renaming_a_dispute_the_user_made_keeps_it_theirs_and_the_file_readable(corpus: Corpus):
    """r on a made dispute saved a review with the verdict 'made', which the notes file's
    reader refuses: the file then opened read-only as damaged. The rename now saves no
    verdict, the dispute stays the user's, and a verdict the reader refuses is never saved."""
    from tui.engine.model import Ref

    store = open_store(corpus)
    store.make_fact("Was the transponder on?",
                    tuple(anchor_for_ref(corpus, r) for r in (Ref("us.txt", 1, 0), Ref("ru.txt", 1, 0))))
    made = apply_reviews(analyse(corpus), open_store(corpus)).facts[0]
    store = open_store(corpus)
    anchor = anchor_for_ref(corpus, made.accounts[0].ref)
    with pytest.raises(ValueError, match="made"):
        store.review_fact(made.id, anchor, verdict="made", title="Renamed")  # type: ignore[arg-type]
    store.review_fact(made.id, anchor, verdict=None, title="Was the transponder off?")
    again = open_store(corpus)
    assert not again.read_only, again.problem
    shown = apply_reviews(analyse(corpus), again).facts[0]
    assert (shown.review, shown.title) == ("made", "Was the transponder off?")


def test_merging_facts_and_moving_an_account_regroup_every_export(corpus: Corpus):
    """Issue 13: [[moves]]: a fact merged into another (its accounts join, it goes) and one
    account moved into another fact (out of every fact that held it)."""
    analysis = analyse(corpus)
    assert len(analysis.facts) >= 2
    a, b = analysis.facts[0], analysis.facts[1]
    store = open_store(corpus)
    first = lambda fact: anchor_for_ref(corpus, fact.accounts[0].ref)  # noqa: E731
    store.move(a.id, first(a), fact=b.id, fact_anchor=first(b))
    merged = {f.id: f for f in apply_reviews(analysis, open_store(corpus)).facts}
    assert b.id not in merged
    assert {x.ref for x in b.accounts} <= {x.ref for x in merged[a.id].accounts}
    assert "merged by the user" in [str(e) for e in merged[a.id].evidence]
    store.undo()
    moved_ref = b.accounts[-1].ref
    store.move(a.id, first(a), account=anchor_for_ref(corpus, moved_ref))
    regrouped = apply_reviews(analysis, open_store(corpus)).facts
    holders = [f.id for f in regrouped if any(x.ref == moved_ref for x in f.accounts)]
    assert holders == [a.id]
    document = subprocess.run([sys.executable, "-m", "tui.cli", "export", str(corpus.path)],
                              capture_output=True, text=True, check=True).stdout
    exported = {f["id"]: f for f in json.loads(document)["facts"]}
    assert "an account moved here by the user" in exported[a.id]["evidence"]


def test_an_account_split_off_is_a_fact_of_its_own(corpus: Corpus):
    """Issue 13: a fact that is really two: an account moved into a new fact (NEW_FACT), which
    later moves can join by its id."""
    from tui.engine.notes import NEW_FACT

    analysis = analyse(corpus)
    fact = next(f for f in analysis.facts if len(f.accounts) >= 3)
    taken, joining = fact.accounts[1].ref, fact.accounts[2].ref
    store = open_store(corpus)
    split = store.move(NEW_FACT, None, account=anchor_for_ref(corpus, taken))
    facts = apply_reviews(analysis, open_store(corpus)).facts
    ids = [f.id for f in facts]
    alone = facts[ids.index(fact.id) + 1]
    assert alone.id == f"split-{split.id[:8]}" and [a.ref for a in alone.accounts] == [taken]
    assert taken not in [a.ref for a in facts[ids.index(fact.id)].accounts]
    store.move(alone.id, anchor_for_ref(corpus, taken), account=anchor_for_ref(corpus, joining))
    grown = {f.id: f for f in apply_reviews(analysis, open_store(corpus)).facts}[alone.id]
    assert [a.ref for a in grown.accounts] == [taken, joining]
