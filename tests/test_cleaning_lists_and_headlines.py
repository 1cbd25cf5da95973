"""The cleaner's fourth round on real pages (issue 11): claim words from one lexicon, other
stories' headlines under a related heading, headline claims.  Each rule on a page written here."""

from __future__ import annotations

from pathlib import Path

from tests.test_cleaning_shapes import _article, _reasons
from tui.engine.model import Article
from tui.engine.text import furniture as f
from tui.engine.text import lexicons

_BODY = ("The ferry ran aground shortly after midnight in thick fog, the port authority said on Monday.\n\n"
         "Rescue boats reached the ferry within an hour and took the passengers to the harbour.\n\n")


def _texts(article: Article) -> list[str]:
    return [p.text for p in article.paragraphs]


def test_the_claim_words_are_the_reporting_verbs_less_the_furniture_senses() -> None:
    """One lexicon of claim words: the reporting verbs, without those furniture uses in other
    senses, plus the verbs of headlines."""
    assert "urges" in f._CLAIM_WORDS and "calls" in f._CLAIM_WORDS and "slams" in f._CLAIM_WORDS
    assert not {"read", "note", "posted", "alleged", "threatens"} & set(f._CLAIM_WORDS)
    assert set(f._CLAIM_WORDS) <= lexicons.REPORTING_VERBS | lexicons.HEADLINE_CLAIM_WORDS
    assert f.is_claim("Harbour chief calls the grounding a failure of the pilots")
    assert f.is_claim("Ferry owner urged to explain the delay in the rescue")
    assert not f.is_claim("Posted Mar. 3, 2025 at 10:24")


def test_a_headline_that_calls_or_urges_stays_text_as_well_as_the_title(tmp_path: Path) -> None:
    """A headline with a reporting verb ("calls", "urged") reports a claim: it is the title
    and the first paragraph, as "says" already was."""
    article = _article(tmp_path, "Harbour chief calls the grounding a failure of the pilots\n\n" + _BODY)
    assert article.title == "Harbour chief calls the grounding a failure of the pilots"
    assert _texts(article)[0] == "Harbour chief calls the grounding a failure of the pilots"


def test_headlines_under_a_related_heading_go_even_when_they_report_a_claim(tmp_path: Path) -> None:
    """Under "Related reading" the headlines are links to other stories, claims or not; a
    paragraph (a sentence) below them ends the list."""
    article = _article(tmp_path, (
        "Ferry runs aground off the northern cape\n\n" + _BODY +
        "Related Reading\n\n"
        "Port authority to inspect all ferries after grounding: spokesman\n\n"
        "Fishermen accuse the ferry line of ignoring fog warnings\n\n"
        "New lighthouse opens on the southern cape\n\n"
        "Minister vows \"full inquiry\" into harbour accidents\n\n"
        "Ferry line to add two ships, the company said on Friday, as demand grows.\n"))
    texts = _texts(article)
    assert not any(t.startswith(("Port authority", "Fishermen", "New lighthouse", "Minister vows")) for t in texts)
    assert texts[-1].startswith("Ferry line to add two ships")


def test_a_headline_wholly_in_quotation_marks_is_a_claim_and_a_control_is_no_title(tmp_path: Path) -> None:
    """`Fog hid the reef from the pilots` quotes someone's words: the title and the first
    paragraph; "Go to contents" above it is a control, never the title."""
    article = _article(tmp_path, "Go to contents\n\n`Fog Hid The Reef From The Pilots`\n\n" + _BODY)
    assert article.title == "`Fog Hid The Reef From The Pilots`"
    assert _texts(article)[0] == "`Fog Hid The Reef From The Pilots`"
    assert f.is_quoted_line("'Fog hid the reef'") and not f.is_quoted_line("'Fog'")


def test_a_statement_by_a_body_is_a_claim_and_a_ticker_above_it_does_not_take_it(tmp_path: Path) -> None:
    """"Press statement by the port authority on ..." names its author: title and first paragraph.
    A "Latest :" ticker above lists the same headline; that line is the title's, not a teaser."""
    article = _article(tmp_path, (
        "Latest :\n\n"
        "Press statement by the port authority on the grounding of the ferry\n\n"
        "Press statement by the port authority on the grounding of the ferry\n\n" + _BODY))
    assert article.title == "Press statement by the port authority on the grounding of the ferry"
    assert _texts(article)[0] == "Press statement by the port authority on the grounding of the ferry"
    assert _texts(article)[1].startswith("The ferry ran aground")


def test_a_site_operators_notice_a_long_military_caption_a_source_line_and_a_cut_fragment(tmp_path: Path) -> None:
    """Four furniture shapes of real pages: the operator's copyright notice, a caption of a
    hundred words that says what the picture shows and closes with its credit, "This is reported
    by Outlet with reference to Agency", and a fragment opening with an ellipsis."""
    caption = ("250301-N-AB123-045 NORTH CAPE (March 1, 2025) In this image provided by the Coast Guard the "
               "hull of the ferry can be seen on the reef, as the cutter, not pictured, approaches. "
               + "The cutter is deployed to the northern district in support of search and rescue. " * 6
               + "(Coast Guard photo/Released)")
    article = _article(tmp_path, (
        "This site is operated by a business owned by Example Media PLC and all copyright resides with them. "
        "Example Media PLC's registered office is 1 Harbour Road, Portsmouth. Registered in England and Wales.\n\n"
        + caption + "\n\n" + _BODY +
        "This is reported by Harbour News with reference to Coast Wire.\n\n"
        "...the fog was thicker than any of us had seen\n\n"
        "The port authority said the inquiry would report within a month.\n"))
    reasons = _reasons(article)
    assert reasons["This site is operated by"] == "site notice or advertisement"
    assert reasons["250301-N-AB123-045 NORTH"] == "photo caption or credit"
    assert reasons["This is reported by Harb"].startswith("source line")
    assert reasons["...the fog was thicker t"].startswith("fragment opening with an ellipsis")
    assert _texts(article)[-1] == "The port authority said the inquiry would report within a month."


def test_two_title_case_headlines_in_a_row_amid_the_text_are_links_one_is_a_subheading(tmp_path: Path) -> None:
    """Two Title Case headlines in a row between paragraphs link to other stories; a single one
    (a subheading) and a headline that reports a claim stay."""
    article = _article(tmp_path, (
        "Ferry runs aground off the northern cape\n\n" + _BODY +
        "Harbour Board Approves New Lighthouse For The Southern Cape\n\n"
        "Ferry Line Orders Two New Ships From Northern Yard\n\n"
        "The coast guard said the wreck would be towed to the harbour on Tuesday.\n\n"
        "Rescue Crews Praised By The Harbour Master\n\n"
        "The port authority said the inquiry would report within a month.\n"))
    texts = _texts(article)
    assert not any(t.startswith(("Harbour Board", "Ferry Line Orders")) for t in texts)
    assert "Rescue Crews Praised By The Harbour Master" in texts


def test_a_given_title_that_proves_or_reveals_stays_once_as_text(tmp_path: Path) -> None:
    """The front matter gives the title and the page repeats it: "X proves Y was Z" asserts what
    X holds, a claim, so the repeated line stays text once."""
    article = _article(tmp_path, (
        '+++\ntitle = "Survey proves the reef was missing from the charts"\n+++\n\n'
        "Survey proves the reef was missing from the charts\n\n" + _BODY), name="page.md")
    assert _texts(article)[0] == "Survey proves the reef was missing from the charts"
    assert f.is_claim("Harbour log reveals the pilot ignored the warning")


def test_a_given_title_that_tells_an_act_stays_once_as_text(tmp_path: Path) -> None:
    """"Trawler rams patrol boat off the cape" repeated under the front matter's title tells
    who did what in the outlet's own voice: a claim, kept as text once."""
    article = _article(tmp_path, (
        '+++\ntitle = "Trawler rams patrol boat off the northern cape"\n+++\n\n'
        "Trawler rams patrol boat off the northern cape\n\n" + _BODY), name="page.md")
    assert _texts(article)[0] == "Trawler rams patrol boat off the northern cape"
    assert f.is_claim("Navy shoots down a drone over the strait")


def test_a_backgrounder_teaser_goes_though_it_proves_something(tmp_path: Path) -> None:
    """"Backgrounder: X proves Y" links to the agency's background piece: a teaser, as "Also read:"."""
    article = _article(tmp_path, (
        "Ferry runs aground off the northern cape\n\n"
        "Backgrounder: Old charts prove the reef was always there\n\n"
        "Factbox: Ferries lost on the northern cape since 1990\n\n" + _BODY))
    reasons = _reasons(article)
    assert reasons["Backgrounder: Old charts"] == "teaser for another story"
    assert reasons["Factbox: Ferries lost on"] == "teaser for another story"


def test_only_the_controls_are_unfit_titles_not_headlines_that_open_alike() -> None:
    """"Go to contents" and "Back to top" are controls; "Back to school ..." is a headline."""
    assert f.unfit_title("Go to contents") == "controls" and f.unfit_title("Back to top") == "controls"
    assert f.unfit_title("Back to school: ferries resume the island run") is None
    assert f.unfit_title("Go to war over the reef, says admiral") is None
