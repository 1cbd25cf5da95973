"""Re-anchoring: a note stays on its passage through edits, or is orphaned - never misplaced."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write
from tui.engine.anchors import EXACT, MOVED, ORPHANED, anchor_for_ref, make_anchor, resolve
from tui.engine.text.loading import load_corpus
from tui.engine.model import Corpus, Ref

P1 = "The Pentagon said a Russian jet struck the propeller of the drone over the Black Sea."
P2 = ("Moscow denied any contact and said the drone crashed after a sharp maneuver. "
      "The ministry added that its fighters never used their weapons.")
P3 = "Officials on both sides said they would keep talking to avoid escalation."
TEXT = "\n\n".join([P1, P2, P3]) + "\n"
QUOTE = "The ministry added that its fighters never used their weapons."


def corpus_with(folder: Path, text: str, name: str = "a.txt") -> Corpus:
    write(folder, name, text)
    write(folder, "other.txt", "An unrelated article about weather in the mountains today.\n")
    return load_corpus(folder)


@pytest.fixture()
def anchored(tmp_path: Path):
    corpus = corpus_with(tmp_path, TEXT)
    article = corpus.article("a.txt")
    start = article.source_text.index(QUOTE)
    return tmp_path, make_anchor(article, start, start + len(QUOTE))


def test_unchanged_article_is_exact(anchored):
    folder, anchor = anchored
    placed = resolve(anchor, load_corpus(folder))
    assert (placed.status, placed.start, placed.end) == (EXACT, anchor.start, anchor.end)
    assert placed.ref == Ref("a.txt", 1, 1)


def test_paragraph_inserted_at_top_moves_the_note(anchored):
    folder, anchor = anchored
    text = "A new first paragraph was added by the editor this morning.\n\n" + TEXT
    corpus = corpus_with(folder, text)
    placed = resolve(anchor, corpus)
    assert placed.status == MOVED
    assert corpus.article("a.txt").source_text[placed.start:placed.end] == QUOTE
    assert placed.ref == Ref("a.txt", 2, 1)


def test_word_edited_near_the_quote_still_finds_it(anchored):
    folder, anchor = anchored
    corpus = corpus_with(folder, TEXT.replace("sharp maneuver", "sudden maneuver"))
    placed = resolve(anchor, corpus)
    assert placed.status == MOVED
    assert corpus.article("a.txt").source_text[placed.start:placed.end] == QUOTE


def test_word_edited_inside_the_quote_is_a_fuzzy_move(anchored):
    folder, anchor = anchored
    edited = QUOTE.replace("never used", "did not use")
    corpus = corpus_with(folder, "Intro line that shifts offsets.\n\n" + TEXT.replace(QUOTE, edited))
    placed = resolve(anchor, corpus)
    assert placed.status == MOVED and placed.method.startswith("fuzzy")
    assert corpus.article("a.txt").source_text[placed.start:placed.end] == edited


def test_deleted_sentence_is_orphaned_not_reattached(anchored):
    folder, anchor = anchored
    corpus = corpus_with(folder, TEXT.replace(" " + QUOTE, ""))
    placed = resolve(anchor, corpus)
    assert placed.status == ORPHANED and placed.ref is None


def test_ambiguous_fuzzy_match_is_orphaned(tmp_path: Path):
    """Two equally close look-alikes: refuse to choose."""
    sentence = "The drone was lost over the Black Sea on Tuesday morning."
    corpus = corpus_with(tmp_path, sentence + "\n")
    anchor = anchor_for_ref(corpus, Ref("a.txt", 0, 0))
    twins = ("The drone was lost over the Black Sea on Monday morning.\n\n"
             "Filler paragraph with nothing in common at all here.\n\n"
             "The drone was lost over the Black Sea on Friday morning.\n")
    assert resolve(anchor, corpus_with(tmp_path, twins)).status == ORPHANED


def test_repeated_quote_is_settled_by_context(tmp_path: Path):
    text = "First it rained. Then (Source: X) we left.\n\nLater it rained. Then (Source: X) we stayed.\n"
    corpus = corpus_with(tmp_path, text)
    article = corpus.article("a.txt")
    start = text.index("(Source: X) we stayed") 
    anchor = make_anchor(article, start, start + len("(Source: X)"))
    shifted = corpus_with(tmp_path, "New lead sentence here.\n\n" + text)
    placed = resolve(anchor, shifted)
    assert placed.status == MOVED
    assert shifted.article("a.txt").source_text[placed.end:placed.end + 10] == " we stayed"


def test_missing_article_is_orphaned_and_renamed_file_is_found(anchored):
    folder, anchor = anchored
    (folder / "a.txt").rename(folder / "renamed.txt")
    placed = resolve(anchor, load_corpus(folder))
    assert placed.status == MOVED and placed.article == "renamed.txt"
    (folder / "renamed.txt").write_text(P1 + "\n", encoding="utf-8")
    assert resolve(anchor, load_corpus(folder)).status == ORPHANED


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tui.engine.model import Article, Case  # noqa: E402

WORDS = st.sampled_from("the drone jet Russian US said sea Black struck maneuver denied crash "
                        "officials Pentagon ministry propeller fuel".split())
SENTENCES = st.lists(WORDS, min_size=3, max_size=12).map(lambda w: " ".join(w).capitalize() + ".")


def _corpus(text: str) -> Corpus:
    import hashlib

    article = Article("a.txt", Path("a.txt"), None, None, None, (), (), text,
                      hashlib.sha256(text.encode()).hexdigest())
    return Corpus(Path("."), "t", Case(), (article,))


@settings(max_examples=200, deadline=None)
@given(sentences=st.lists(SENTENCES, min_size=2, max_size=8), pick=st.integers(0, 7),
       insert=st.text(min_size=1, max_size=80), where=st.floats(0, 1), before=st.booleans())
def test_edits_elsewhere_never_misplace_a_note(sentences, pick, insert, where, before):
    """Insert anything outside the quote: the note lands on the quote, or is orphaned - never elsewhere."""
    text = " ".join(sentences)
    quote = sentences[pick % len(sentences)]
    start = text.index(quote)
    anchor = make_anchor(_corpus(text).articles[0], start, start + len(quote))
    cut = int(where * start) if before else start + len(quote) + int(where * (len(text) - start - len(quote)))
    edited = text[:cut] + insert + text[cut:]
    placed = resolve(anchor, _corpus(edited))
    if placed.placed and not placed.method.startswith("fuzzy"):
        assert edited[placed.start:placed.end] == quote
    if edited.count(quote) == 1 and text.count(quote) == 1:
        assert placed.placed and edited[placed.start:placed.end] == quote


@pytest.mark.parametrize("quote,edited", [
    ("The Pentagon called the intercept unsafe and unprofessional on Tuesday.",
     "The Pentagon called the intercept safe and professional on Tuesday."),
    ("The ministry said its pilots did not act against the drone at any time.",
     "The ministry said its pilots did act against the drone at any time."),
])
def test_a_flipped_claim_orphans_the_note(tmp_path: Path, quote: str, edited: str):
    """Issue 15 #23: a note on "unsafe" never moves to "safe": near in letters, opposite in meaning."""
    corpus = corpus_with(tmp_path, quote + "\n\n" + P3 + "\n")
    article = corpus.article("a.txt")
    anchor = make_anchor(article, 0, len(quote))
    placed = resolve(anchor, corpus_with(tmp_path, "A new first line.\n\n" + edited + "\n\n" + P3 + "\n"))
    assert placed.status == ORPHANED
