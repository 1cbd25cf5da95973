"""Word-level differences: token opcodes with spans into the shown texts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.engine.text.textnorm import tokens
from tui.engine.export.worddiff import diff_summary, word_diff


def test_words_only_one_side_has() -> None:
    a = "A Russian fighter jet struck its propeller over the Black Sea."
    b = "A Russian fighter jet sprayed it with fuel and struck its propeller."
    d = diff_summary(a, b)
    assert d["b_only"] == ["sprayed", "it", "with", "fuel", "and"]
    assert d["a_only"] == ["over", "the", "Black", "Sea"]
    for start, end in d["a_spans"]:
        assert a[start:end] in ("over the Black Sea",)
    for start, end in d["b_spans"]:
        assert b[start:end] == "sprayed it with fuel and"


def test_spelling_case_and_quotes_are_no_difference() -> None:
    a = "“We know that the aggressive behavior was intentional,” he said."
    b = '"We know that the Aggressive behaviour was intentional," he said.'
    assert [op.tag for op in word_diff(a, b)] == ["equal"]


def test_replace_and_insert_spans() -> None:
    a = "The drone sank in deep water."
    b = "The drone crashed in deep water near Crimea."
    ops = [op for op in word_diff(a, b) if op.tag != "equal"]
    assert [(op.tag, op.a_words, op.b_words) for op in ops] == [
        ("replace", ("sank",), ("crashed",)), ("insert", (), ("near", "Crimea"))]
    insert = ops[1]
    assert insert.a_span[0] == insert.a_span[1] == len(a)  # insertion point at the end of a
    assert b[insert.b_span[0]:insert.b_span[1]] == "near Crimea"


def test_words_are_shown_as_written() -> None:
    d = diff_summary("Russia’s “sharp” maneuver", "Russia’s manoeuvre")
    assert d["a_only"] == ["sharp"]
    assert [op.a_words for op in word_diff("Russia’s claim", "the claim")][0] == ("Russia’s",)


def test_empty_sides() -> None:
    assert diff_summary("", "") == {"a_only": [], "b_only": [], "a_spans": [], "b_spans": []}
    assert diff_summary("", "two words")["b_only"] == ["two", "words"]


WORDS = st.lists(st.sampled_from(["drone", "sea", "Black", "the", "struck", "1,200", "jet", "’s"]),
                 max_size=12)


@given(WORDS, WORDS)
def test_ops_cover_both_token_lists_in_order(wa: list[str], wb: list[str]) -> None:
    a, b = " ".join(wa), " ".join(wb)
    ops = word_diff(a, b)
    assert [w for op in ops for w in op.a_words] == [a[t[1]:t[2]] for t in tokens(a)]
    assert [w for op in ops for w in op.b_words] == [b[t[1]:t[2]] for t in tokens(b)]
    for op in ops:
        if op.a_words:
            assert a[op.a_span[0]:op.a_span[1]].startswith(op.a_words[0])
        if op.b_words:
            assert b[op.b_span[0]:op.b_span[1]].endswith(op.b_words[-1])


def test_the_summary_reads_the_diff_without_making_its_equal_runs(monkeypatch) -> None:
    """`diff_summary` (every diff of an export) gives what `word_diff`'s ops say, without
    building the ops (their words and spans, of the equal runs too: most of a text)."""
    import tui.engine.export.worddiff as wd
    texts = [("The ferry left the harbour at dawn.", "A ferry left the port at dawn, officials said."),
             ("", "two words"), ("one two three", ""), ("Russia’s “sharp” maneuver", "Russia’s manoeuvre"),
             ("Four were hurt, the navy said.", "Four were hurt.")]
    expected = []
    for a, b in texts:
        ops = word_diff(a, b)
        old = [o for o in ops if o.tag in ("delete", "replace")]
        new = [o for o in ops if o.tag in ("insert", "replace")]
        expected.append({"a_only": [w for o in old for w in o.a_words], "b_only": [w for o in new for w in o.b_words],
                         "a_spans": [list(o.a_span) for o in old], "b_spans": [list(o.b_span) for o in new]})
    wd._summary.cache_clear()
    monkeypatch.setattr(wd, "DiffOp", None)   # making one would fail
    assert [diff_summary(a, b) for a, b in texts] == expected
