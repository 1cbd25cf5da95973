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


def test_a_caption_printed_again_beside_its_credited_copy_goes(tmp_path: Path) -> None:
    """The picture's text stands twice, once with its credit glued on: the bare copy goes too;
    a sentence of the article beside a caption stays."""
    texts, _, reasons = _texts(tmp_path, (
        "Ferry runs aground off the northern cape\n\n" + _BODY +
        "The stranded ferry at dawn.\n\nThe stranded ferry at dawn.Credit: Harbour Police\n\n"
        "The harbour master said the channel would reopen on Tuesday after the divers finish.\n"), name="page.txt")
    assert "The stranded ferry at dawn." not in texts
    assert reasons["The stranded ferry at dawn."].startswith("photo caption or credit")
    assert texts[-1].startswith("The harbour master said")


def test_a_headline_printed_twice_is_kept_once(tmp_path: Path) -> None:
    """A headline that reports a claim, printed above and below the picture: the first copy
    stays, the second goes as a copy."""
    head = "Captain: crew 'did all they could to save the ship'"
    texts, _, reasons = _texts(tmp_path, (
        _FRONT + "Ferry runs aground off the northern cape after engine failure\n\n" + head + "\n\nANKARA\n\n"
        + head + "\n\n" + _BODY))
    assert texts.count(head) == 1
    assert "the headline printed again (kept once, above)" in reasons.values()


def test_a_browser_title_is_not_made_a_paragraph_where_the_bare_headline_stands(tmp_path: Path) -> None:
    """"Headline - Site" taken as the title of a saved page is the browser's title: it is not
    made a paragraph when the page prints the headline alone too; a headline whose dash
    names its source ("... - coast guard") is."""
    texts, _, _ = _texts(tmp_path, (
        _FRONT + "Harbour pilots plan to strike over the grounding - Harbour Herald\n\n"
        "Harbour pilots plan to strike over the grounding\n\n" + _BODY))
    assert not any("Harbour Herald" in t for t in texts)
    texts, _, _ = _texts(tmp_path / "b", _FRONT + "Trawler crews rammed the ferry twice - coast guard\n\n" + _BODY)
    assert texts[0] == "Trawler crews rammed the ferry twice - coast guard"


def test_reading_time_courtesy_credit_and_a_request_about_the_site_go(tmp_path: Path) -> None:
    """The web's lines in more forms: a reading time with its update stamp, a credit that is only
    a courtesy, a request to the reader about the site ("please ... the privacy policy").  A
    sentence saying the crew asked for help, please or not, stays."""
    texts, _, reasons = _texts(tmp_path, (
        "Ferry runs aground off the northern cape\n\n"
        "3 min read Last Updated : Mar 3 2025 | 4:07 PM\n\n"
        "date 2025-03-03 To use the read-aloud service, please first accept the privacy policy below.\n\n"
        + _BODY + "Photo courtesy of the Harbour Police\n\n"
        "The captain said the crew radioed: please send tugs, the engine has failed.\n"), name="page.txt")
    assert reasons["3 min read Last Updated : Mar 3 2025 | 4:07 PM"]
    assert reasons["Photo courtesy of the Harbour Police"] == "photo caption or credit"
    assert any(r.startswith("site notice") for t, r in reasons.items() if "privacy policy" in t)
    assert texts[-1].startswith("The captain said the crew radioed")


def test_a_teasers_cut_first_lines_under_a_related_heading_go(tmp_path: Path) -> None:
    """Under "Check Also", a headline and the next story's first lines cut with an ellipsis: both
    are the other story's teaser; the list goes on after the cut lines."""
    texts, _, reasons = _texts(tmp_path, (
        "Ferry runs aground off the northern cape\n\n" + _BODY + "Check Also\n\n"
        "Harbour fees rise for the third year\n\n"
        "A promise kept! Ferry owners will have to fit new radar to every vessel before the …\n\n"
        "Dock workers vote on the new contract\n\n"
        "The harbour master said the channel would reopen on Tuesday after the divers finish.\n"), name="page.txt")
    assert not any(t.startswith("A promise kept!") for t in texts)
    assert "Dock workers vote on the new contract" not in texts
    assert texts[-1].startswith("The harbour master said")
    assert any("cut" in r for r in reasons.values())


def test_a_caption_ending_on_its_date_is_never_the_title(tmp_path: Path) -> None:
    """A picture's description ends on its date ("... on Oct. 13, 2016"); a headline does not, so
    the shorter headline above it is the title, though the caption is the longest header line."""
    _, title, _ = _texts(tmp_path, (
        "Ferry Runs Aground Off the Northern Cape\n\n"
        "The passenger ferry Northern Star sails out of the harbour at dawn on Oct. 13, 2016\n\n" + _BODY),
        name="page.txt")
    assert title == "Ferry Runs Aground Off the Northern Cape"


@pytest.mark.parametrize("line, kept", [
    ("Source: the port authority's evening briefing", True),
    ("Source: Northland state-owned news agency NPA", True),
    ("Source: Harbour Press Agency", False),
    ("Source: korrespondent", False),
    ("Source: Harbour Herald and agencies", False),
])
def test_a_line_naming_where_the_claims_come_from_is_kept(tmp_path: Path, line: str, kept: bool) -> None:
    """"Source: the port authority's evening briefing" tells whose claims the article reports
    (a lower-case word past a name): text, kept with them; "Source: Harbour Press Agency"
    credits a picture or a feed."""
    texts, _, dropped = _texts(tmp_path, _FRONT + "# The ferry\n\n" + _BODY + line + "\n\n"
                               + "Details: the ferry left port two hours late, the captain told the agency.\n")
    assert (line in texts) == kept
    assert (line in dropped) != kept
