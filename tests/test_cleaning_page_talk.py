"""Furniture of unknown sites known by whom it talks to or about (issue 11, sixth round): the page
speaking of itself, the page speaking to its reader about the site, a line of addresses or
markup, a widget's pictograph.  Each rule on a page written here; claims and article text
that share a word with them stay."""

from __future__ import annotations

from pathlib import Path

from tests.test_cleaning_shapes import _article
from tui.engine.model import Article
from tui.engine.text.pagetalk import address_reason, page_talk_reason

_BODY = ("The ferry ran aground shortly after midnight in thick fog, the port authority said on Monday.\n\n"
         "Rescue boats reached the ferry within an hour and took the passengers to the harbour.\n\n")


def _texts(article: Article) -> list[str]:
    return [p.text for p in article.paragraphs]


def _reason_of(article: Article, start: str) -> str | None:
    return next((d.reason for d in article.dropped if d.text.startswith(start)), None)


def test_the_page_speaking_of_itself_goes(tmp_path: Path) -> None:
    """"This site uses ...", "This post is for ...", "Disclaimer: this story is ...", "..., this
    feature is currently unavailable": the page's own noun as a sentence's subject."""
    article = _article(tmp_path, (
        _BODY +
        "This portal relies on a spam filter. Comments are held until someone reads them.\n\n"
        "This site uses a filter against spam. Read how the filter handles what you type.\n\n"
        "This post is for members of the harbour club only\n\n"
        "Disclaimer: this story is produced automatically from a wire feed.\n\n"
        "Sorry, this feature is currently unavailable. Please try again later.\n"))
    texts = _texts(article)
    assert len(texts) == 3, texts   # the two paragraphs, and the line whose subject is no page noun
    assert _reason_of(article, "This post is") == "site notice (the page speaks of itself)"
    assert _reason_of(article, "Sorry, this feature") == "site notice (the page speaks of itself)"


def test_the_page_speaking_to_its_reader_about_the_site_goes(tmp_path: Path) -> None:
    """The reader's pronoun beside a word of the site's dealings with readers (subscribe, comment
    data, sign in) goes; a paragraph that addresses its reader about anything else stays."""
    article = _article(tmp_path, (
        _BODY +
        "Give three stories to a friend each month when you subscribe.\n\n"
        "Get live alerts on you phone, subscribe now.\n\n"
        "Learn how your comment data is stored by the site.\n\n"
        "Once on board, you can reach the upper deck by the stairs at the stern, the crew said.\n\n"
        "If you look at the chart, the reef lies well inside the channel's marked edge.\n"))
    texts = _texts(article)
    assert texts[2:] == ["Once on board, you can reach the upper deck by the stairs at the stern, the crew said.",
                         "If you look at the chart, the reef lies well inside the channel's marked edge."]
    assert _reason_of(article, "Give three") == "site notice (the page speaks to its reader about the site)"


def test_a_press_question_to_a_spokesperson_stays() -> None:
    """'Q: ... What is your comment?' addresses the spokesperson, not the reader: no site word."""
    assert page_talk_reason("Q: The ferry's owner says the reef was not charted. What is your comment?") is None


def test_a_line_of_addresses_or_markup_goes_even_when_its_slug_reads_as_a_claim(tmp_path: Path) -> None:
    """A URL alone, a date label before a URL whose slug says "tells", a page's XPath: no word of
    the article.  A sentence that cites an address stays."""
    article = _article(tmp_path, (
        "date 2024-05-02 https://news.example.org/20240502/minister-tells-mayor-ferry-was-safe-12345.html\n\n"
        + _BODY +
        "https://img.example.org/images/sharing/article/1234567.jpg?99887766\n\n"
        "/html/head/meta[@name='og:title']/@content /html/head/meta[@name='og:image']/@content\n\n"
        "The port authority published its report at www.example.org/reports on Friday.\n"))
    texts = _texts(article)
    assert texts == [*(p for p in _BODY.split("\n\n") if p), "The port authority published its report at "
                     "www.example.org/reports on Friday."]
    assert address_reason("https://img.example.org/a/b.jpg") == "web address or page markup (no words of the article)"


def test_a_line_opening_with_a_pictograph_goes() -> None:
    """A player's or widget's label opening with an emoji; a bulleted sentence opens with
    punctuation, not a symbol, and stays."""
    assert page_talk_reason("\U0001f399\ufe0f Voice is machine-read. Errors may occur.") is not None
    assert page_talk_reason("• Rescue boats reached the ferry within an hour.") is None


def test_a_caption_whose_credit_follows_a_dash_goes(tmp_path: Path) -> None:
    """"... the survey ship - Credit: Coast Guard": a credit after a spaced dash closes a caption,
    as one after a full stop does.  A hyphenated word before "credit" is no such dash."""
    article = _article(tmp_path, (
        "Patrol boats escorting the survey ship near the cape - Credit: Northland Coast Guard\n\n" + _BODY +
        "The bank said the loan was a well-earned credit: the port had repaid every debt on time.\n"))
    texts = _texts(article)
    assert not any("Credit: Northland" in t for t in texts)
    assert texts[-1].startswith("The bank said the loan")


def test_a_picture_agencys_caption_dateline_goes(tmp_path: Path) -> None:
    """"HARBOUR CITY, NORTHLAND – MAY 3: The mayor holds ...": the picture agency's caption. A story's
    dateline in capitals without the dash ("HARBOUR CITY, MAY 3:") opens prose and stays."""
    article = _article(tmp_path, (
        _BODY +
        "HARBOUR CITY, NORTHLAND – MAY 3: The mayor holds a press conference at the pier after the grounding\n\n"
        "HARBOUR CITY, MAY 3: The mayor opened an inquiry into the grounding on Wednesday, her office said.\n"))
    texts = _texts(article)
    assert not any(t.startswith("HARBOUR CITY, NORTHLAND") for t in texts)
    assert texts[-1].startswith("HARBOUR CITY, MAY 3: The mayor opened")


def test_a_still_image_caption_and_credits_with_initials_go(tmp_path: Path) -> None:
    """"A still image shows ...", a credit whose name holds initials or a rank ("(Coast Guard
    Petty Officer Jane Q. Doe/Navy)"), and one named after its owner ("... Northland Navy photo by
    Jane Q. Doe"): captions.  Prose that says what footage shows stays."""
    article = _article(tmp_path, (
        _BODY +
        "A still image shows what are said to be rescue divers at an unknown location\n\n"
        "The harbour master speaks to divers at the pier on May 3, 2024. (Coast Guard Petty Officer "
        "Jane Q. Doe/Navy)\n\n"
        "The ferry, pictured, ran aground at the reef's northern edge. Northland Navy photo by Petty "
        "Officer 2nd Class John R. Roe\n\n"
        "Footage released by the operator shows the ferry listing as the tide went out.\n"))
    texts = _texts(article)
    assert texts[2:] == ["Footage released by the operator shows the ferry listing as the tide went out."], texts


def test_home_page_breadcrumb_and_related_materials_label_go(tmp_path: Path) -> None:
    """"Home Page > Remarks" is a breadcrumb and "Related materials:" a label; the line under the
    label stays (a related box names other stories, a label alone does not make one)."""
    article = _article(tmp_path, (
        "Home Page > Spokesperson's Remarks\n\n" + _BODY +
        "Related materials:\n\n"
        "The grounding of the ferry at the northern cape by night\n\n"
        "The harbour master said the channel would reopen on Tuesday after the divers finish.\n"))
    texts = _texts(article)
    assert not any("Home Page" in t or "Remarks" in t or "Related" in t for t in texts), texts
    assert "The grounding of the ferry at the northern cape by night" in texts


def test_a_headline_that_names_its_speaker_first_is_a_claim(tmp_path: Path) -> None:
    """"Harbour Dept: ..." and "Northland MoD: ..." open with their speaker: under a given title
    the page's headline stays as the first paragraph, as one naming its speaker last does.  A
    label ("Explainer:") or a credit ("Source: ...") names no speaker."""
    from tui.engine.text.furniture import is_claim
    article = _article(tmp_path, (
        '+++\ntitle = "Harbour Dept: idea that the reef moved is nonsense"\n+++\n\n'
        "Harbour Dept: idea that the reef moved is nonsense\n\n" + _BODY), name="page.md")
    assert _texts(article)[0] == "Harbour Dept: idea that the reef moved is nonsense"
    assert is_claim("Northland MoD: ferry crew prepared the grounding in advance")
    assert not is_claim("Explainer: why ferries run aground in fog")
    assert not is_claim("Source: Mayor of Harbour City Jane Doe")
