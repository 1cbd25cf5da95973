"""The cleaner's guard for claim paragraphs (issue 11, seventh round): a line that tells something
(a finite verb with its subject, a quotation in any quotation marks, quoted words however few) is
kept as text where shape or position alone would have dropped it.  Pages written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_cleaning_shapes import _article
from tui.engine.text.tells import has_finite_verb, has_measure, tells

_BODY = ("The ferry ran aground shortly after midnight in thick fog, the port authority said on Monday.\n\n"
         "Rescue boats reached the ferry within an hour and took the passengers to the harbour.\n\n")
_FRONT = '+++\noutlet = "Harbour Herald"\nurl = "https://example.org/ferry"\n+++\n\n'


def _texts(folder: Path, text: str, name: str = "page.md") -> tuple[list[str], str | None, dict[str, str]]:
    article = _article(folder, text, name=name)
    return [p.text for p in article.paragraphs], article.title, {d.text: d.reason for d in article.dropped}


def test_a_saved_pages_headline_that_tells_is_its_first_paragraph_too(tmp_path: Path) -> None:
    """Front matter without a title: the headline is the title and, since it says what happened
    (a verb with its subject), the outlet's one-line account too."""
    texts, title, _ = _texts(tmp_path, _FRONT + "NEWS\n\nHarbour pilots plan to strike over the grounding\n\n" + _BODY)
    assert title == "Harbour pilots plan to strike over the grounding"
    assert texts[0] == "Harbour pilots plan to strike over the grounding"


def test_a_saved_pages_section_name_taken_as_title_stays_out(tmp_path: Path) -> None:
    """A section's name picked as the title names no act: it is not made a paragraph."""
    texts, title, _ = _texts(tmp_path, _FRONT + "Maritime Safety in the Northern Waters\n\n" + _BODY)
    assert title == "Maritime Safety in the Northern Waters"
    assert texts[0].startswith("The ferry ran aground")


def test_a_bare_text_files_headline_is_its_title_only(tmp_path: Path) -> None:
    """No front matter (as the sample's files): the headline stays the title only."""
    texts, title, _ = _texts(tmp_path, "Harbour pilots plan to strike over the grounding\n\n" + _BODY, name="page.txt")
    assert title == "Harbour pilots plan to strike over the grounding"
    assert texts[0].startswith("The ferry ran aground")


def test_a_headline_in_straight_single_quotes_above_the_title_stays(tmp_path: Path) -> None:
    """A line quoting someone's words in straight single quotes is a claim like one in curly
    quotes, even above the line chosen as the title (where taglines go); an apostrophe inside a
    word ("the port's") opens no quotation."""
    texts, _, reasons = _texts(tmp_path, (
        "Owners 'hid all the damage' from inspectors before it sailed\n\n"
        "'The crew did everything they could to keep the passengers safe and calm'\n\n" + _BODY), name="page.txt")
    assert "Owners 'hid all the damage' from inspectors before it sailed" in texts
    assert not reasons.get("Owners 'hid all the damage' from inspectors before it sailed")


def test_quoted_words_are_no_label_however_short(tmp_path: Path) -> None:
    """Two quoted words standing between paragraphs are a quoted subheading: someone's words,
    kept; an unquoted two-word label there still goes."""
    texts, _, reasons = _texts(tmp_path, (
        "Ferry runs aground off the northern cape\n\n" + _BODY + "'Total chaos'\n\n"
        "The harbour master said the channel would reopen on Tuesday after the divers finish.\n\n"
        "Latest stories\n\n"), name="page.txt")
    assert "'Total chaos'" in texts
    assert "Latest stories" in reasons


@pytest.mark.parametrize(("line", "expected"), [
    ("Harbour police remain on hunt for the gunmen", True),
    ("Japan plans to arrest the trawler captain", True),
    ("2 die after speedboat capsizes off the island", True),
    ("Ministry has 10 questions to the harbour board", True),
    ("Seven launch pads targeted in overnight raid", True),
    ("Foreign and Military Affairs", False),
    ("Russia's Special Operation in the North", False),
    ("The missile strike on the port", False),
    ("Published 23 May 2021, 15:10", False),
])
def test_a_finite_verb_needs_a_subject_before_it(line: str, expected: bool) -> None:
    assert has_finite_verb(line) is expected


def test_a_figure_with_its_unit_tells() -> None:
    assert has_measure("Patrol boat came within 50 metres of the ferry")
    assert not has_measure("Posted 12:49, May 20")
    assert tells("Coast guard says ferry crew ignored warnings")
