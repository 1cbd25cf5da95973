"""The compare view's layout of two articles from the engine's pairs (no Textual needed)."""

from __future__ import annotations

from tui.engine.model import Pair, Ref
from tui.ui.alignment import Row, align, between, fact_only, paragraph_scores


def pair(a: int, b: int, score: float = 50.0, origin: str = "engine", sentence: int | None = None) -> Pair:
    kind = "paragraph" if sentence is None else "sentence"
    return Pair(Ref("L", a, sentence), Ref("R", b, sentence), score, (), kind, origin)


def test_in_order_pairs_align_with_gaps_opposite_the_rest() -> None:
    rows = align(3, 3, paragraph_scores([pair(0, 0), pair(2, 1)], "L", "R"))
    assert rows == [Row(0, 0, 50.0), Row(1, None), Row(2, 1, 50.0), Row(None, 2)]


def test_out_of_order_pair_keeps_a_pointer_to_its_partner() -> None:
    rows = align(2, 2, paragraph_scores([pair(0, 1, 80.0), pair(1, 0, 40.0)], "L", "R"))
    assert Row(0, 1, 80.0) in rows
    assert Row(1, None, left_elsewhere=(0,)) in rows and Row(None, 0, right_elsewhere=(1,)) in rows


def test_scores_are_read_in_either_article_order() -> None:
    flipped = Pair(Ref("R", 2), Ref("L", 1), 60.0, (), "paragraph")
    assert paragraph_scores([flipped], "L", "R") == {(1, 2): 60.0}


def test_fact_only_marks_pairs_no_word_evidence_supports() -> None:
    pairs = [pair(0, 0, origin="fact"), pair(0, 0, origin="fact", sentence=1),
             pair(1, 1, origin="fact"), pair(1, 1, sentence=0),
             pair(2, 2)]
    assert fact_only(pairs, "L", "R") == {(0, 0)}
    assert fact_only(pairs, "R", "L") == {(0, 0)}
    assert fact_only(pairs, "L", "X") == set()


def test_between_keeps_only_the_two_articles_pairs_in_either_order() -> None:
    inside, flipped = pair(0, 0), Pair(Ref("R", 1), Ref("L", 2), 50.0, (), "paragraph")
    outside = Pair(Ref("L", 0), Ref("X", 0), 50.0, (), "paragraph")
    assert between([inside, outside, flipped], "L", "R") == [inside, flipped]
