"""The cleaner on shapes that real pages carry (issue 11): each rule on a short page written here."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write
from tui.engine.loading import load_corpus
from tui.engine.model import Article


def _article(folder: Path, text: str, name: str = "page.txt") -> Article:
    write(folder, name, text)
    return load_corpus(folder).articles[0]


def _reasons(article: Article) -> dict[str, str]:
    return {d.text[:24]: d.reason for d in article.dropped}


def test_the_title_is_never_a_date_line_nor_a_row_of_controls(tmp_path: Path) -> None:
    """A notice above the article is not its first prose, so the real headline below it is
    still in the header; a line carrying a date or control separators is never the title."""
    article = _article(tmp_path, (
        "Today's Edition | March 3, 2025\n\n"
        "Dear reader, online ads enable us to deliver the journalism you value. Please support us.\n\n"
        "Ferry runs aground off the northern cape; crew safe\n\n"
        "The ferry ran aground shortly after midnight in thick fog, the port authority said on Monday.\n"))
    assert article.title == "Ferry runs aground off the northern cape; crew safe"
    reasons = _reasons(article)
    assert reasons["Today's Edition | March "].startswith("page header")
    assert reasons["Dear reader, online ads "] == "site notice or advertisement"


def test_the_title_is_never_a_breadcrumb_nor_an_address(tmp_path: Path) -> None:
    article = _article(tmp_path, (
        "Home > World > Ferry runs aground off the northern cape\n\n"
        "www.example.com/world/ferry-runs-aground-off-the-cape\n\n"
        "Ferry runs aground off the northern cape\n\n"
        "The ferry ran aground shortly after midnight in thick fog, the port authority said on Monday.\n"))
    assert article.title == "Ferry runs aground off the northern cape"


def test_a_headline_that_names_its_speaker_is_a_claim(tmp_path: Path) -> None:
    """'...: Foreign Secretary' or '... - coast guard' attributes the headline: it stays
    text as well as the title; a credit ('...: AFP') is no speaker."""
    article = _article(tmp_path, (
        "Patrol Boat Rammed Near The Reef, Two Sailors Hurt: Navy Spokesman\n\n"
        "Ferry crew refused to obey orders - coast guard\n\n"
        "The navy said the frigate rammed the patrol boat near the lighthouse early on Monday.\n\n"
        "A frigate sails past the lighthouse at dawn. Photo: AFP\n"))
    texts = [p.text for p in article.paragraphs]
    assert article.title == "Patrol Boat Rammed Near The Reef, Two Sailors Hurt: Navy Spokesman"
    assert texts[:2] == ["Patrol Boat Rammed Near The Reef, Two Sailors Hurt: Navy Spokesman",
                         "Ferry crew refused to obey orders - coast guard"]
    assert _reasons(article)["A frigate sails past the"] == "photo caption or credit"
