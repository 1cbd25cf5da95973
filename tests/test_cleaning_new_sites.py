"""The cleaner on new sites' pages (issue 11, eighth round): captions written as sentences with a
wire's marks, teasers glued to a related-stories label, cut teasers with their date, pull quotes
printed a second time.  Each rule reads a shape, never a claim's words: a line that reports what
someone said stays unless a caption's or a teaser's mark says what it is.  Pages written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_cleaning_shapes import _article

_BODY = ("The ferry ran aground shortly after midnight in thick fog, the port authority said on Monday.\n\n"
         "Rescue boats reached the ferry within an hour and took the passengers to the harbour.\n\n")
_FRONT = '+++\noutlet = "Harbour Herald"\nurl = "https://example.org/ferry"\n+++\n\n'


def _cleaned(folder: Path, middle: str, tail: str = "") -> tuple[list[str], dict[str, str]]:
    article = _article(folder, _FRONT + "Ferry runs aground in fog off the northern cape\n\n" + _BODY + middle
                       + "The harbour master said the channel would reopen on Wednesday after divers checked it.\n\n"
                       + tail)
    return [p.text for p in article.paragraphs], {d.text: d.reason for d in article.dropped}


def test_a_caption_with_a_wires_position_letter_goes(tmp_path: Path) -> None:
    """"Jane Doe (R) leaves ... on June 3, 2024.": the letter places a person in the picture, as
    ", right," does; a dated line that places someone is a caption."""
    line = "Harbour master Jane Doe (R) leaves a meeting with ferry owners in Northport, on June 3, 2024."
    texts, reasons = _cleaned(tmp_path, line + "\n\n")
    assert line not in texts and reasons[line] == "photo caption or credit"


def test_a_partys_letter_beside_a_reporting_verb_is_no_caption(tmp_path: Path) -> None:
    """"Senator X (R) said ... on June 3": in politics the letter is a party's; someone reports, it stays."""
    line = "Senator John Roe (R) said the port would need new radar on June 3, 2024."
    texts, _ = _cleaned(tmp_path, line + "\n\n")
    assert line in texts


def test_a_caption_closed_by_an_agency_in_brackets_goes_even_when_it_says_insisted(tmp_path: Path) -> None:
    """"... off the cape [Reuters]": the agency in brackets, with no full stop before it, is the
    picture's credit, which outweighs the reporting verb of a one-line caption."""
    line = "Captain Jane Doe insisted the ferry was outside the channel [Reuters]"
    texts, reasons = _cleaned(tmp_path, line + "\n\n")
    assert line not in texts and reasons[line] == "photo caption or credit"


def test_a_wire_paragraph_tagged_with_its_agency_after_its_full_stop_stays(tmp_path: Path) -> None:
    """"... the minister said. [Reuters]": after a full stop the tag names the wire of a paragraph."""
    line = "The minister also said that the owners should pay for the salvage and the repairs. [Reuters]"
    texts, _ = _cleaned(tmp_path, line + "\n\n")
    assert line in texts


def test_a_caption_closed_by_source_agency_goes(tmp_path: Path) -> None:
    """"... in the capital. Source: AFP": the picture's source after its description."""
    line = "The harbour master arrives in Northport to discuss the salvage, which is expected to take weeks. Source: AFP"
    texts, reasons = _cleaned(tmp_path, line + "\n\n")
    assert line not in texts and reasons[line] == "photo caption or credit"


def test_a_photographers_credit_with_a_space_after_the_slash_goes(tmp_path: Path) -> None:
    """"... in the harbour. JANE DOE/ Getty Images": the credit pair written with a space."""
    line = "Divers accuse the owners of delays after new images show the hull in the harbour. JANE DOE/ Getty Images"
    texts, reasons = _cleaned(tmp_path, line + "\n\n")
    assert line not in texts and reasons[line] == "photo caption or credit"


def test_a_dated_caption_of_people_standing_guard_goes(tmp_path: Path) -> None:
    """"Officers stand guard ... on June 3, 2024.": a picture's present tense, dated."""
    line = ("Police officers stand guard at the entrance to the harbour in Northport on June 3, 2024. "
            "The port was closed after the ferry ran aground, the mayor announced.")
    texts, reasons = _cleaned(tmp_path, line + "\n\n")
    assert line not in texts and reasons[line] == "photo caption or credit"


def test_a_teaser_glued_to_its_related_label_goes_however_long(tmp_path: Path) -> None:
    """"Related coverage Headline Site - first lines...": the label opens a link to another
    story, its headline and cut first lines run past a label's length, and a claim in them stays
    another story's."""
    related = ("Related coverage Bridge Closed After Barge Strikes Pier in River Port Valley News - Officials in "
               "the river port have closed the old bridge after a barge struck one of its piers on Friday, "
               "engineers said...")
    glued = ("RELATED:Analysis: Why ferry owners face new rules after the winter stormsPilots demand more "
             "training hours in the northern channelsHarbour master: The port will reopen once divers have "
             "checked the channelReport: Insurers plan to raise premiums for older ferries")
    texts, reasons = _cleaned(tmp_path, related + "\n\n" + glued + "\n\n")
    assert related not in texts and glued not in texts
    assert reasons[related] == reasons[glued] == "teaser for another story (opening with a related-stories label)"


def test_a_sentence_opening_with_related_stays(tmp_path: Path) -> None:
    """"Related to the grounding, ...": the word opens a sentence, no label."""
    line = "Related to the grounding, the port authority said it would review the pilots' training."
    texts, _ = _cleaned(tmp_path, line + "\n\n")
    assert line in texts


_QUOTED_BODY = ("The harbour master said “the channel will stay closed until the divers have checked every "
                "metre of it,” adding that the ferry's owners would pay for the salvage.\n\n")


def test_a_pull_quote_the_text_prints_again_goes_and_the_paragraph_stays(tmp_path: Path) -> None:
    """A quotation alone with its speaker's name, set apart in large type: the paragraph that
    quotes it with its reporting verb keeps the claim."""
    pull = '"The channel will stay closed until the divers have checked every metre of it" The Harbour Master'
    texts, reasons = _cleaned(tmp_path, _QUOTED_BODY + pull + "\n\n")
    assert pull not in texts and reasons[pull].startswith("pull quote")
    assert any(t.startswith("The harbour master said “the channel") for t in texts)


def test_a_pull_quote_with_a_figure_goes_too(tmp_path: Path) -> None:
    """The quotation's figures are in the paragraph that quotes it, among the paragraph's other
    figures: the quotation is found there by its words."""
    body = ("The harbour master said “the channel will stay closed for 12 days until the divers have "
            "checked it,” adding that the ferry's 300 passengers were safe.\n\n")
    pull = '"The channel will stay closed for 12 days until the divers have checked it" The Harbour Master'
    texts, reasons = _cleaned(tmp_path, body + pull + "\n\n")
    assert pull not in texts and reasons[pull].startswith("pull quote")


def test_a_quotation_tied_to_its_speaker_or_printed_once_stays(tmp_path: Path) -> None:
    """'"...", X noted' is a sentence of the text (a comma and a reporting verb); a quotation the
    text prints nowhere else is the article's own."""
    noted = '"The channel will stay closed until the divers have checked every metre of it", the master noted'
    alone = '"No ferry will sail from this port until the inquiry has finished its work" The Harbour Master'
    texts, _ = _cleaned(tmp_path, _QUOTED_BODY + noted + "\n\n" + alone + "\n\n")
    assert noted in texts and alone in texts


def test_other_stories_first_lines_below_a_top_stories_box_go(tmp_path: Path) -> None:
    """Below "Top stories" after the article, paragraphs that name none of the names the headline
    and the first paragraph name (the Ferry, Monday) are other stories' first lines; one that
    reports ("officials said") stays, as a claim does everywhere."""
    box = ("Top stories\n\n"
           "Officials in Eastvale said a total of 40 houses were flooded after the river burst its banks.\n\n"
           "In 2026, the Westland government will raise the budget for schools by a tenth.\n\n")
    texts, reasons = _cleaned(tmp_path, "", tail=box)
    assert not any(t.startswith("In 2026, the Westland") for t in texts)
    assert any(t.startswith("Officials in Eastvale said") for t in texts)
    assert any(r.startswith("teaser for another story (below a box of other stories") for r in reasons.values())


def test_the_article_going_on_below_a_related_box_stays(tmp_path: Path) -> None:
    """One paragraph below the box names what the first paragraph names (Monday): the article may go
    on there, and all stays."""
    box = ("Top stories\n\n"
           "Officials in Eastvale said a total of 40 houses were flooded after the river burst its banks.\n\n"
           "Fishermen said the fog on Monday had been the thickest in years.\n\n")
    texts, _ = _cleaned(tmp_path, "", tail=box)
    assert any(t.startswith("Officials in Eastvale") for t in texts)
    assert any(t.startswith("Fishermen said the fog") for t in texts)


@pytest.mark.parametrize("line", [
    "Image used for representational purpose only",
    "Screenshot from a video posted on social media",
    "A file photo of the ferry in the harbour.",
    "This handout picture released by the Coast Guard shows the ferry in the harbour.",
    "To cite this article: Doe, J. (2024) Ferry runs aground",
    "Please cite Harbour Herald when using this material",
    "Reproduction of this material is prohibited without permission",
    "This material may not be published, broadcast, rewritten or redistributed.",
    "The views expressed in this article are the author's own.",
    "The opinions expressed are those of the author and do not necessarily reflect the views of Harbour Herald.",
    "Found a typo? Let us know",
    "Got a story? Contact our newsroom",
    "You have reached your limit of free articles",
    "Video Player is loading.",
    "Produced in association with Harbour Herald",
    "Jane Doe writes about defence and security. Follow her on Twitter @janedoe",
    "Jane Doe is a senior correspondent at Harbour Herald covering maritime affairs.",
    "Jane Doe has covered shipping for Harbour Herald since 2010.",
    "Jane Doe is editor & publisher of the Harbour Herald.",
    "Jane Doe is editor and publisher of Harbour Herald.",
    "Posted on June 3, 2024 by Jane Doe",
    "Read next: Harbour reopens after storm",
    "You might also be interested in",
    "Image caption: The ferry in the harbour",
    "The ferry in the harbour © Jane Doe",
    "The ferry in the harbour. © AFP",
    "Rescuers on the quay in Northport. (Screengrab)",
    "A general view of the harbour in Northport on June 3, 2024.",
    "An aerial view of the harbour in Northport.",
    "Already have an account? Sign in",
    "Create a free account to continue reading",
    "We rely on readers like you",
    "If you value our reporting, please consider donating",
    "Get the latest news on WhatsApp",
    "Link copied",
    "Add Harbour Herald to your Google News feed",
    "Written by Jane Doe | Edited by John Roe",
    "View all posts by Jane Doe",
    "We want to hear from you",
    "Loading...",
    "Audio is not supported in your browser",
    "Catch all the Latest News and Updates here",
    "Like this:",
    "Like Loading...",
    "This article first appeared in Harbour Herald",
    "A version of this article appeared in print on June 3, 2024",
    "Correction: An earlier version of this story misstated the ferry's name.",
    "Search for:",
    "Published: Jun. 3, 2024 at 9:15 AM EDT|Updated: 2 hours ago",
    "Updated:",
    "Loading Disqus Comments ...",
    "Disclaimer: Via Bay Wire – Checked",
    "Managing editor — Jane Doe. Terms of use. Privacy policy.",
    "* Included by the Ministry of Justice in the register of foreign agents.",
    "Harbour Herald has summarized what is known so far about the grounding.",
    "Read the latest news about the harbour on the channel Bay Wire on Telegram.",
    "[ Port Pilots Strike Over New Rules - Bay Wire ]",
    '<a href="https://example.org/img/ferry.jpg"><img src="https://example.org/img/ferry-small.jpg" /></a>',
    "Harbour Herald's Live Blog gives you all of the latest developments on the grounding.",
    "Background:",
    "03.06.2024, Northport.",
    "News > World",
    "To suggest a correction or clarification, write to us here",
    "You can also highlight the text and press Ctrl + Enter",
    "Stand with us, share this article!",
    "A Message from Harbour Herald:",
    "Bay Wire contributed reporting to this article.",
    "For more on the grounding in the northern channel, read the material on Harbour Herald.",
    "Divers at the site of the grounding in the northern channel. Coast Guard Command / Bay Wire",
    "A fisherman holds a net on the quay in Northport - JANE DOE/Bay Wire via Getty Images",
    "A damaged ferry and two tugs are shown.",
    "* Comment:",
    "Enter the characters that you see in the picture",
    "Space to play or pause, M to mute, left and right arrows to seek.",
    "Support the Harbour Herald!",
    "Now is the time to support independent journalism in the north.",
    "A pilot boat approaches the ferry in the channel.(AP: Jane Doe)",
    "By: Jane Doe, Harbour Herald",
    '* The Harbour Front ("HF") is a terrorist group banned in the Russian Federation.',
    "Expand Close Pilots stand on the quay as the ferry is towed into Northport.",
])
def test_web_boilerplate_in_new_wordings_goes(tmp_path: Path, line: str) -> None:
    """Captions, notices on citing and reusing the text, disclaimers, the reader asked for tips or
    stopped by a paywall, a player's state, the author's note, a blog's stamp, a teaser's label:
    the web's words, not one site's, between two paragraphs of the article."""
    texts, _ = _cleaned(tmp_path, line + "\n\n")
    assert line not in texts


@pytest.mark.parametrize("line", [
    "Jane Roe, a reporter for the Harbour Herald, was detained by the port police on Monday night.",
    "Jane Roe was a veteran correspondent for the Herald, her colleagues said after the funeral.",
    "Jane Roe is editor of the Herald, prosecutors said on Monday.",
    "Source: the harbour master in an interview with Bay Radio",
    "Source: Petrov at a council meeting convened after the strike on the harbour, broadcast by Bay Radio",
    "Updated: the port authority now says 14 crew were rescued",
    "[The ministry later denied that its divers had been at the wreck.]",
    "Fuel prices rose > 5% in May, the ministry said.",
    "The harbour master said the wreck is shown on the old charts of the channel.",
    "The minister said the views expressed by the envoy did not reflect the policy of his government.",
    "Reproduction of the accident by investigators took three days in the harbour basin.",
    "The port authority said on Telegram that the channel would reopen on Wednesday.",
    "Loading of the cargo resumed on Tuesday after the divers finished their checks.",
])
def test_article_text_near_those_words_stays(tmp_path: Path, line: str) -> None:
    """A journalist in the news (past tense, a comma's apposition) and a claim about views are the
    article's text."""
    texts, _ = _cleaned(tmp_path, line + "\n\n")
    assert line in texts


def test_a_subheading_that_tells_nothing_between_paragraphs_goes(tmp_path: Path) -> None:
    """"The dispute over the northern channel" between two paragraphs: no verb, no claim, no
    figure, no sentence end; a heading, and nothing the reader compares is lost."""
    line = "The dispute over the northern channel and its pilots"
    texts, reasons = _cleaned(tmp_path, line + "\n\n")
    assert line not in texts and reasons[line].startswith("subheading")


@pytest.mark.parametrize("line", [
    "Port Mayor Concerned over the Missing Harbour Divers",  # a headline's predicate without its copula
    "Harbour pilots demand a new inquiry",             # a verb with its subject
    "Rescue divers film the damaged hull at dawn",     # a verb the lexicon lacks, after a plural
    "The pilots of the ferry company, in a statement,",  # a sentence cut by the excerpt
    "'Strict rules for every pilot in the channel'",   # someone's words
])
def test_a_line_between_paragraphs_that_tells_or_is_cut_stays(tmp_path: Path, line: str) -> None:
    texts, _ = _cleaned(tmp_path, line + "\n\n")
    assert line in texts


def test_a_headline_printed_again_in_other_quotation_marks_goes(tmp_path: Path) -> None:
    """The page prints its headline twice, once with straight quotes and once with curly ones:
    one copy stays (the first paragraph), the other goes as the title printed again."""
    straight = "Mayor calls grounding a 'disgrace' as ferry stays stuck off the cape"
    curly = "Mayor calls grounding a ‘disgrace’ as ferry stays stuck off the cape"
    article = _article(tmp_path, '+++\noutlet = "Harbour Herald"\ntitle = "' + straight + '"\n+++\n\n'
                       + straight + "\n\n" + curly + "\n\n" + _BODY)
    texts = [p.text for p in article.paragraphs]
    assert texts.count(straight) + texts.count(curly) == 1


def test_a_gallery_title_above_its_counter_goes(tmp_path: Path) -> None:
    """"Storm season: ferries and harbours", its subtitle, then "1/12": a gallery's title set into
    the article; the same line with no counter below it stays."""
    gallery = "Storm Season: Ferries Stuck in the Northern Harbours\n\nWinter storms continue\n\n1/12\n\n"
    texts, reasons = _cleaned(tmp_path, gallery)
    assert "Storm Season: Ferries Stuck in the Northern Harbours" not in texts
    assert reasons["Storm Season: Ferries Stuck in the Northern Harbours"] == "gallery title (above its counter)"
    texts, _ = _cleaned(tmp_path, "Storm Season: Ferries Stuck in the Northern Harbours\n\n")
    assert "Storm Season: Ferries Stuck in the Northern Harbours" in texts


def test_rows_of_figures_stay_however_alike_their_words(tmp_path: Path) -> None:
    """A vote's results printed row by row ("1.- Yes 97.8% No 2.2%"): short, unpunctuated, each
    with the words of the one above, but each gives figures of its own; no row is a label, a
    caption printed twice or the headline printed again.  A page's stamp ("published 7 months
    ago") still goes."""
    rows = ["1.- Yes 97.8% No 2.2%", "2.- Yes 98.1% No 1.9%", "3.- Yes 95.4% No 4.6%"]
    texts, reasons = _cleaned(tmp_path, "".join(r + "\n\n" for r in rows) + "Published 7 months ago\n\n")
    assert [r for r in rows if r not in texts] == []
    assert "Published 7 months ago" in reasons


def test_a_caption_glued_before_the_text_goes_and_the_text_stays(tmp_path: Path) -> None:
    """"In this photo released by X, workers clear the rubble ..., Monday, April 1, 2024. An
    airstrike destroyed ..., state media said.": the page glued its picture's caption before a
    claim; the caption goes, the claim stays (a paragraph that reports is never dropped whole)."""
    caption = ("In this photo released by the port authority, divers inspect the hull of the ferry in "
               "Northport, Monday, April 1, 2024.")
    for claim in ("The ferry struck a reef that the charts did not show, the port authority said Monday.",
                  "The ferry struck a reef that the charts did not show, the port authority said Monday. "
                  "Its owners said the crew had followed the marked channel."):
        texts, reasons = _cleaned(tmp_path, caption + " " + claim + "\n\n")
        assert claim in texts and caption in reasons
        assert reasons[caption].startswith("photo caption")


@pytest.mark.parametrize("tail", ["\u201cWe have made", "However, what li", "\"The i"])
def test_prose_cut_off_where_the_page_ends_is_no_footer(tmp_path: Path, tail: str) -> None:
    """A copy of a page that ends in the middle of a quotation or of a sentence opened on a
    connective keeps that last line: it is the article's text cut off, not the page's footer."""
    texts, _ = _cleaned(tmp_path, "", tail + "\n")
    assert tail in texts


@pytest.mark.parametrize("line", ["\u2018Human error\u2019 and \u2018fog\u2019", "Pilot \u2018fully trained\u2019",
                                  "\u2019SLOW AND STEADY\u2019"])
def test_a_short_line_that_quotes_someone_is_no_label(tmp_path: Path, line: str) -> None:
    """A subheading made of someone's words in quotation marks carries what was said: it is
    kept, where an unquoted short line between paragraphs goes as a label."""
    texts, _ = _cleaned(tmp_path, line + "\n\n")
    assert line in texts
