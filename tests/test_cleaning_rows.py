"""Claims printed as rows (issue 11, ninth round): a timeline's, a table's or a list's lines, a
speaker's tag, a short headline that tells, a quotation in other marks and its speaker below it.
Each was dropped as a "label" for its shape alone; each stays now, wherever it stands, and the
page's own rows of that shape (a counter, a stamp, a post's signature, a question) still go.
Pages written here, one line set in a short article; in a plain text file and a saved page."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_cleaning_shapes import _article

_HEAD = "Ferry runs aground in fog off the northern cape\n\n"
_BODY = ("The ferry ran aground shortly after midnight in thick fog, the port authority said on Monday.\n\n"
         "Rescue boats reached the ferry within an hour and took the passengers to the harbour.\n\n")
_TAIL = "The harbour master said the channel would reopen on Wednesday after divers checked it.\n\n"
_FRONT = '+++\noutlet = "Harbour Herald"\nurl = "https://example.org/ferry"\n+++\n\n'


def _kept(folder: Path, lines: list[str], saved: bool) -> tuple[list[str], dict[str, str]]:
    text = (_FRONT if saved else "") + _HEAD + _BODY + "".join(line + "\n\n" for line in lines) + _TAIL
    article = _article(folder, text, "page.md" if saved else "page.txt")
    return [p.text for p in article.paragraphs], {d.text: d.reason for d in article.dropped}


ROWS = {
    "a timeline's rows, dated and timed": ["June 3 - Ferry runs aground", "June 6 - Minister resigns",
                                           "10:42 - First distress call", "11:15 – Rescue boats arrive"],
    "a timeline's row dated the ISO way": ["2024-06-03: Navy reports two warning shots."],
    "a box of figures": ["Passengers: 212", "Injured: 14 (3 seriously)", "2023: 14 incidents, 2 deaths",
                         "Damage: $4.5 million"],
    "a table's rows between bars": ["| Killed | 12 |", "| Injured | 40 |"],
    "numbered demands without a verb": ["1) An independent inquiry", "2) Withdrawal of troops from the port",
                                        "(3) Apology by the navy"],
    "bulleted facts": ["- Captain detained by police", "* Channel closed since Sunday", "• 212 passengers, 31 crew"],
    "a speaker's or a live blog's tag before what it says": ["Owners: pilot ignored warnings",
                                                             "UN: civilians must be protected",
                                                             "UPDATE: Death toll rises to 14"],
    "short headlines that report or count": ["Navy denies involvement", "TWO DEAD AFTER FERRY SINKS",
                                             "Death toll rises to 14",
                                             "12 killed, 40 injured", "More than 200 missing"],
    "a quotation in guillemets or low marks": ["«We will respond»", "„Wir haben nicht geschossen“"],
}


@pytest.mark.parametrize("saved", [False, True], ids=["text file", "saved page"])
@pytest.mark.parametrize("shape", list(ROWS))
def test_a_claim_printed_as_a_row_stays(tmp_path: Path, shape: str, saved: bool) -> None:
    texts, reasons = _kept(tmp_path, ROWS[shape], saved)
    for line in ROWS[shape]:
        assert line in texts, (line, reasons.get(line))


@pytest.mark.parametrize("saved", [False, True], ids=["text file", "saved page"])
def test_a_quotations_speaker_on_the_line_below_stays(tmp_path: Path, saved: bool) -> None:
    """"— Navy spokesman" under a quotation alone says whose words they are."""
    lines = ['"We fired only warning flares."', "— Navy spokesman", "“The ship was in our waters.”",
             "- Foreign Minister Jane Doe"]
    texts, reasons = _kept(tmp_path, lines, saved)
    for line in lines:
        assert line in texts, (line, reasons.get(line))


PAGE_ROWS = ["Views: 866", "Updated: 10:42", "June 3, 2024 - 10:42", "What happened", "Who launched the missile",
             "- Harbour Herald (@harbourherald) June 3, 2024", "• Date: 2024-06-03", "Tel: 0123 456 789",
             "Published 7 months ago"]


@pytest.mark.parametrize("line", PAGE_ROWS)
def test_the_pages_own_rows_of_that_shape_still_go(tmp_path: Path, line: str) -> None:
    """A counter, a stamp, a contact, a post's signature or a question heading states nothing."""
    texts, _ = _kept(tmp_path, [line], saved=True)
    assert line not in texts


def test_a_speakers_line_goes_with_the_pull_quote_above_it(tmp_path: Path) -> None:
    """A pull quote (printed again in a kept paragraph) goes, and its speaker's line with it."""
    quote = "“We fired only warning flares at the ferry”"
    lines = [quote, "— Navy spokesman",
             "“We fired only warning flares at the ferry,” a navy spokesman told reporters on Tuesday."]
    texts, _ = _kept(tmp_path, lines, saved=True)
    assert quote not in texts and "— Navy spokesman" not in texts


END_ROWS = {
    "a timeline": ["June 3 - Ferry runs aground", "June 4 - Navy sends divers", "June 5 - Owners blame pilot",
                   "June 6 - Minister resigns"],
    "a box of figures": ["Passengers: 212", "Crew: 31", "Injured: 14 (3 seriously)", "Missing: 2"],
    "numbered demands": ["1) An independent inquiry", "2) Withdrawal of troops from the port", "(3) Apology by the navy"],
    "a vote's results": ["Northport 1,204 votes (52.1%)", "Southport 1,101 votes (47.9%)", "Turnout: 61%"],
}


@pytest.mark.parametrize("saved", [False, True], ids=["text file", "saved page"])
@pytest.mark.parametrize("shape", list(END_ROWS))
def test_rows_closing_the_article_stay(tmp_path: Path, shape: str, saved: bool) -> None:
    """An article may end on its timeline or its figures: four such rows below the last paragraph
    are no footer and no list of other stories' headlines."""
    text = (_FRONT if saved else "") + _HEAD + _BODY + _TAIL + "".join(line + "\n\n" for line in END_ROWS[shape])
    article = _article(tmp_path, text, "page.md" if saved else "page.txt")
    texts = [p.text for p in article.paragraphs]
    for line in END_ROWS[shape]:
        assert line in texts, (line, {d.text: d.reason for d in article.dropped}.get(line))


def test_bulleted_headlines_below_the_article_still_go(tmp_path: Path) -> None:
    """Below the article a run of bulleted headlines is a list of other stories."""
    lines = ["• Storm closes airport for second day", "• Port workers strike over pay",
             "• Island ferry fares rise again", "• New bridge opens to traffic"]
    article = _article(tmp_path, _FRONT + _HEAD + _BODY + _TAIL + "".join(line + "\n\n" for line in lines), "page.md")
    texts = [p.text for p in article.paragraphs]
    assert not any(line in texts for line in lines)


TOP_ROWS = {
    "a timeline": ["June 3 - Ferry runs aground", "June 4 - Navy sends divers", "10:42 - First distress call",
                   "14:00 GMT: Coast guard reports all passengers safe"],
    "highlights in bullets": ["• Navy sends divers to the wreck", "• 212 passengers, 31 crew",
                              "- Captain detained by police"],
    "a box of figures": ["Passengers: 212", "Injured: 14 (3 seriously)"],
}


@pytest.mark.parametrize("saved", [False, True], ids=["text file", "saved page"])
@pytest.mark.parametrize("shape", list(TOP_ROWS))
def test_rows_under_the_headline_stay_and_none_is_the_title(tmp_path: Path, shape: str, saved: bool) -> None:
    """Highlights, a timeline or figures set between the headline and the first paragraph are
    the article's, not a masthead's; the longest of them is never taken for the title."""
    text = (_FRONT if saved else "") + _HEAD + "".join(line + "\n\n" for line in TOP_ROWS[shape]) + _BODY + _TAIL
    article = _article(tmp_path, text, "page.md" if saved else "page.txt")
    texts = [p.text for p in article.paragraphs]
    assert article.title == _HEAD.strip()
    for line in TOP_ROWS[shape]:
        assert line in texts, (line, {d.text: d.reason for d in article.dropped}.get(line))
