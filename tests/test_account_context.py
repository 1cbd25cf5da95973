"""An account's clause shown in its sentence: found by its span in the source, not by search."""

from __future__ import annotations

from pathlib import Path

from conftest import write
from tui.engine.text.loading import load_corpus
from tui.engine.model import Account, Ref
from tui.ui.widgets.account_card import clause_at, context

TEXT = "The ministry said the boat sank, and the navy said the boat sank too.\n"


def test_a_clause_told_twice_in_a_sentence_is_placed_where_the_engine_read_it(tmp_path: Path):
    write(tmp_path, "a.txt", TEXT)
    corpus = load_corpus(tmp_path)
    article = corpus.article("a.txt")
    sentence = article.paragraphs[0].sentences[0]
    second = article.source_text.index("the boat sank", article.source_text.index("navy"))
    account = Account("m", Ref("a.txt", 0, 0), "the boat sank", "the navy",
                      start=second, end=second + len("the boat sank"))
    assert clause_at(account, sentence) == second - sentence.start
    before, after = context(account, article)
    assert before.endswith("the navy said") and after == "too."
    # Without a span (a pinned fact's whole sentence), the first place the text is found.
    bare = Account("m", Ref("a.txt", 0, 0), "the boat sank", None)
    assert clause_at(bare, sentence) == sentence.text.index("the boat sank")
