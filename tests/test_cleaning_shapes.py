"""The cleaner on shapes that real pages carry (issue 11): each rule on a short page written here."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write
from tui.engine.text.loading import load_corpus
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


def test_captions_by_their_description_and_their_closing_credit(tmp_path: Path) -> None:
    """A caption says what the picture shows ('is seen in this image taken from video') or closes
    with its credit, even when long; an agency's sign-off closes a caption only when the text
    dates its picture, and a wire paragraph signed off by the agency stays."""
    long_caption = ("Crew members in orange suits carry a stretcher along the quay of the harbour while a "
                    "tug pushes the damaged ferry towards the dry dock, as the inquiry into the grounding "
                    "of the ship off the northern cape continues. Picture by Jane Doe, Bay Wire")
    article = _article(tmp_path, (
        "The ferry ran aground shortly after midnight in thick fog, the port authority said on Monday.\n\n"
        "A tug pushing a ferry towards the harbour is seen in this still image taken from video Tuesday.\n\n"
        f"{long_caption}\n\n"
        "Sailors rest on the quay next to the ferry at the harbour, March 3, 2025 before the inquiry. -Reuters\n\n"
        "The ferry carries about two hundred passengers a day between the islands and the mainland. - AFP\n"))
    reasons = _reasons(article)
    assert reasons["A tug pushing a ferry to"] == "photo caption or credit"
    assert reasons["Crew members in orange s"] == "photo caption or credit"
    assert reasons["Sailors rest on the quay"] == "photo caption or credit"
    assert article.paragraphs[-1].text.startswith("The ferry carries about two hundred")


def test_a_caption_with_a_credit_is_a_caption_even_when_it_says_denied(tmp_path: Path) -> None:
    """A caption is not a claim because it says "denied": its closing credit outweighs the verb.
    A quotation with a credit still stays (only the credit goes), and so does a longer paragraph."""
    body = "The ferry ran aground shortly after midnight in thick fog, the port authority said on Monday.\n\n"
    article = _article(tmp_path, body + (
        "The operator denied that the captain was to blame. Credit: Bay Wire\n\n"
        "“The captain did everything right that night,” the operator said. Credit: Bay Wire\n\n"
        "The operator denied blame. It said the fog lifted at two. It said the crew saw the buoy. Credit: Bay Wire\n"))
    assert _reasons(article)["The operator denied that"] == "photo caption or credit"
    assert [p.text[:20] for p in article.paragraphs][1:] == ["“The captain did eve", "The operator denied "]
    assert article.paragraphs[1].text.endswith("the operator said.")


def test_a_caption_glued_after_a_claim_goes_alone(tmp_path: Path) -> None:
    """"... denied any fault. Harbour master Jane Doe.(Bay Wire File Photo)": the picture's
    label and its credit go, the claim before them stays (the paragraph went whole)."""
    body = "The ferry ran aground shortly after midnight in thick fog, the port authority said on Monday.\n\n"
    article = _article(tmp_path, body + (
        "The harbour master denied any fault in the grounding on Monday. "
        "Harbour master Jane Doe.(Bay Wire File Photo)\n\n"
        "Divers will inspect the hull on Wednesday, the operator said.\n"))
    assert article.paragraphs[1].text == "The harbour master denied any fault in the grounding on Monday."
    assert _reasons(article)["Harbour master Jane Doe."] == "photo caption (a picture's label and credit after the text)"


def test_captions_by_their_credit_forms_their_positions_and_their_present_tense(tmp_path: Path) -> None:
    """Credits in parentheses, a picture agency's line and a source pair close a caption; people
    placed in a dated picture ("centre", "right") and a dated present-tense action mark one too,
    even with a reporting verb; a dated present tense that is not a caption's ("who speaks",
    a noun "talks", "must stand"), a place in undated prose ("(left)"), a trademark "(R)" and
    a quotation whose opening mark was lost ('..., " said X, who is seen in the video') stay."""
    article = _article(tmp_path, (
        "The ferry ran aground shortly after midnight in thick fog, the port authority said on Monday.\n\n"
        "The harbour master says the channel will reopen soon (Jane Doe/Bay Wire)\n\n"
        "Crew members wait on the quay on March 3, 2025 after the grounding. -/Bay Wire via Getty Images\n\n"
        "Passengers leave the ferry on Monday. Rescue Team/Social Media\n\n"
        "The captain, left, and the harbour master, right, inspect the hull at the dry dock on Tuesday.\n\n"
        "Jane Roe, the operator's chief, speaks to reporters at the harbour on March 4, 2025.\n\n"
        "The harbour master, who speaks for the port, said on Monday that the channel was closed.\n\n"
        "The council said talks on Tuesday would settle who pays for the salvage of the ship.\n\n"
        "The operator said the port must stand ready on Friday to close the channel again.\n\n"
        "Few doubted that the captain (left) would steer the ferry better than the mate.\n\n"
        "Bay Ferries, an Award (R) -winning operator, runs the ferry between the islands.\n\n"
        "I saw the hull crack,\" said a passenger, who is seen in the video holding her son on the deck.\n"))
    reasons = _reasons(article)
    for start in ("The harbour master says ", "Crew members wait on the", "Passengers leave the fer",
                  "The captain, left, and t", "Jane Roe, the operator's"):
        assert reasons[start] == "photo caption or credit", start
    assert [p.text[:24] for p in article.paragraphs][1:] == [
        "The harbour master, who ", "The council said talks o", "The operator said the po",
        "Few doubted that the cap", "Bay Ferries, an Award (R", "I saw the hull crack,\" s"]


def test_a_quoted_phrase_is_not_a_quotation(tmp_path: Path) -> None:
    """A caption quoting a phrase ("expresses 'deep regret'") is still a caption; a line that is
    wholly a quoted sentence in single quotes is a quotation, and stays even as the given title."""
    article = _article(tmp_path, (
        "+++\ntitle = \"‘Turn back now or we open fire!’: ferry turned away off the cape\"\n+++\n\n"
        "‘Turn back now or we open fire!’: ferry turned away off the cape\n\n"
        "The ferry ran aground shortly after midnight in thick fog, the port authority said on Monday.\n\n"
        "Harbour master Jane Doe on March 3 expresses “deep regret” over the grounding (Bay Wire)\n"),
        name="page.md")
    assert article.paragraphs[0].text.startswith("‘Turn back now")
    assert _reasons(article)["Harbour master Jane Doe "] == "photo caption or credit"


def test_a_breadcrumb_goes_and_the_headline_at_its_end_stays_once(tmp_path: Path) -> None:
    """The trail before the headline is navigation; the headline stays (it reports a claim)
    as its own line when the page prints it again, else as the rest of the breadcrumb."""
    body = "The ferry ran aground shortly after midnight in thick fog, the port authority said on Monday.\n"
    twice = _article(tmp_path / "a", (
        "Home > World > Ferry ran aground in fog, says port authority\n\n"
        "Ferry ran aground in fog, says port authority\n\n" + body))
    assert _reasons(twice)["Home > World > Ferry ran"] == "navigation breadcrumb"
    assert [p.text for p in twice.paragraphs][0] == "Ferry ran aground in fog, says port authority"
    once = _article(tmp_path / "b", "Home » World » Ferry ran aground in fog, says port authority\n\n" + body)
    assert once.paragraphs[0].text == "Ferry ran aground in fog, says port authority"
    assert _reasons(once)["Home » World »"] == "navigation breadcrumb"


def test_a_line_cut_with_an_ellipsis_that_repeats_another_is_dropped(tmp_path: Path) -> None:
    article = _article(tmp_path, (
        "HomeWorldFerry operator says the captain reported a steering failure before the grounding...\n\n"
        "Ferry operator says the captain reported a steering failure before the grounding on the sandbank\n\n"
        "The ferry ran aground shortly after midnight in thick fog, the port authority said on Monday.\n"))
    assert _reasons(article)["HomeWorldFerry operator "] == "cut copy of another line (breadcrumb or teaser)"
    assert article.paragraphs[0].text.startswith("Ferry operator says the captain")


def test_the_same_caption_twice_in_a_row_goes_but_a_repeated_claim_stays(tmp_path: Path) -> None:
    article = _article(tmp_path, (
        "The ferry ran aground shortly after midnight in thick fog, the port authority said on Monday.\n\n"
        "A ferry lies on the sandbank off the cape.\n\n"
        "A ferry lies on the sandbank off the cape.\n\n"
        "The operator said a steering failure, not the fog, caused the grounding of the ship.\n\n"
        "The operator said a steering failure, not the fog, caused the grounding of the ship.\n"))
    reasons = [d.reason for d in article.dropped]
    assert reasons == ["the same caption or teaser twice in a row"] * 2
    assert len(article.paragraphs) == 3


def test_a_headline_shaped_line_between_paragraphs_stays(tmp_path: Path) -> None:
    """Six words or more without sentence punctuation between paragraphs may be another story's
    headline, but as often a claim printed headline-style: it stays; five words or fewer go."""
    article = _article(tmp_path, (
        "The ferry ran aground shortly after midnight in thick fog, the port authority said on Monday.\n\n"
        "Ferry crossed into the closed channel without clearance\n\n"
        "Island news in brief\n\n"
        "The council met the operator on Tuesday to agree on new rules for sailing in fog.\n"))
    assert [p.text[:20] for p in article.paragraphs][1] == "Ferry crossed into t"
    assert _reasons(article)["Island news in brief"].startswith("short line without sentence punctuation")


def test_teasers_below_the_end_of_the_article_are_dropped(tmp_path: Path) -> None:
    """A long run of furniture naming other stories ends the article: the teasers below it read
    like prose but are not the article's text; a claim below it still stays."""
    furniture = "\n\n".join(["Share", "Email", "Comments (0)", "Latest stories", "Most popular", "Opinion"])
    article = _article(tmp_path, (
        "The ferry ran aground shortly after midnight in thick fog, the port authority said on Monday.\n\n"
        f"{furniture}\n\n"
        "Island life moves to the rhythm of the tides, and the tides are changing fast this year.\n\n"
        "The mayor said the harbour will reopen on Friday after the inquiry.\n"))
    reasons = _reasons(article)
    assert reasons["Island life moves to the"] == "teaser for another story (below the article's end)"
    assert article.paragraphs[-1].text.startswith("The mayor said the harbour")


def test_a_dropped_caption_still_says_who_is_pictured(tmp_path: Path) -> None:
    """Without a case file, a person introduced only in a photo caption ("Britain's Prime
    Minister X visits ...") still joins that country's side: the caption is dropped from the
    text, not from what the page says about who is who."""
    from tui.engine.analysis import analyse

    write(tmp_path, "a.txt", (
        "Russia's defence ministry said the British destroyer entered Russian waters off the cape.\n\n"
        "Britain's Prime Minister Jon Berg visits a barracks in the north on Thursday. Photo: Bay Wire\n\n"
        "Berg insisted the destroyer was entirely right to sail through international waters.\n"))
    write(tmp_path, "b.txt", (
        "Russia's defence ministry said its patrol ship fired warning shots at the British destroyer.\n\n"
        "The British defence ministry said no shots were fired and the ship sailed on safely.\n"))
    analysis = analyse(load_corpus(tmp_path))
    article = analysis.corpus.article("a.txt")
    assert article.dropped[0].reason == "photo caption or credit"
    berg = next((p.index, s.index) for p in article.paragraphs for s in p.sentences if "Berg insisted" in s.text)
    sides = {s.id: s.name for s in analysis.corpus.sides}
    who = next(w for ref, w in analysis.attributions.items()
               if (ref.article, ref.paragraph, ref.sentence) == ("a.txt", *berg))
    assert sides.get(who.side or "") == "United Kingdom"


def test_wire_notes_and_datelines_in_other_languages_are_dropped(tmp_path: Path) -> None:
    article = _article(tmp_path, (
        "The ferry ran aground shortly after midnight in thick fog, the port authority said on Monday.\n\n"
        "ATTENTION EDITORS - THIS IMAGE WAS PROVIDED BY A THIRD PARTY.\n\n"
        "Lundi 3 mars 2025\n\n"
        "3 марта 2025 года\n\n"
        "The council met the operator on Tuesday to agree on new rules for sailing in fog.\n"))
    reasons = _reasons(article)
    assert reasons["ATTENTION EDITORS - THIS"] == "site notice or advertisement"
    assert reasons["Lundi 3 mars 2025"] == "dateline"
    assert reasons["3 марта 2025 года"] == "dateline"
    assert len(article.paragraphs) == 2


def test_the_title_is_never_a_control_label(tmp_path: Path) -> None:
    article = _article(tmp_path, (
        "✕ Close the menu and return to the front page\n\n"
        "Share this story with your friends and family\n\n"
        "Ferry runs aground off the northern cape\n\n"
        "The ferry ran aground shortly after midnight in thick fog, the port authority said on Monday.\n"))
    assert article.title == "Ferry runs aground off the northern cape"


def test_a_question_standing_alone_is_a_subheading_even_with_a_reporting_verb(tmp_path: Path) -> None:
    """'What has the operator said?' asks and quotes no one: a subheading; 'assured' reports."""
    article = _article(tmp_path, (
        "The ferry ran aground shortly after midnight in thick fog, the port authority said on Monday.\n\n"
        "What has the operator said?\n\n"
        "The crew kept to the marked channel at all times, assured the operator\n\n"
        "The operator said a steering failure, not the fog, caused the grounding of the ship.\n"))
    assert _reasons(article)["What has the operator sa"] == "subheading (a question standing alone)"
    alleged = _article(tmp_path / "b", "Ferry's Alleged Saboteur Held\n\n" + (
        "The ferry ran aground shortly after midnight in thick fog, the port authority said on Monday.\n"))
    assert alleged.title == "Ferry's Alleged Saboteur Held"   # "alleged" describes; it reports nothing,
    assert alleged.paragraphs[0].text.startswith("The ferry ran")   # so the headline is not text as well
    assert [p.text[:20] for p in article.paragraphs][1] == "The crew kept to the"


def test_teasers_under_a_related_heading_and_with_a_lost_separator(tmp_path: Path) -> None:
    """A headline under 'Check also' is another story's teaser, up to the next sentence; so is
    'Read' with its colon lost ('Read  Headline', two spaces where the separator was)."""
    article = _article(tmp_path, (
        "The ferry ran aground shortly after midnight in thick fog, the port authority said on Monday.\n\n"
        "Read  Council approves new budget for the harbour\n\n"
        "The operator said a steering failure, not the fog, caused the grounding of the ship.\n\n"
        "Check Also\n\n"
        "Island school reopens after the summer storms\n\n"
        "The harbour will reopen on Friday once divers have checked the channel for debris.\n"))
    reasons = _reasons(article)
    assert reasons["Read  Council approves n"] == "teaser for another story"
    assert reasons["Island school reopens af"] == "teaser for another story (under a related-stories heading)"
    assert article.paragraphs[-1].text.startswith("The harbour will reopen")


def test_a_line_in_another_script_than_the_page_is_dropped(tmp_path: Path) -> None:
    """The site's headline left in its own script over an English article goes; the article stays."""
    article = _article(tmp_path, (
        "Ferry ran aground in fog - port authority\n\n"
        "Паром сел на мель в тумане - портовая служба\n\n"
        "The ferry ran aground shortly after midnight in thick fog, the port authority said on Monday.\n"))
    assert _reasons(article)["Паром сел на мель в тума"].startswith("line in another script")
    assert article.paragraphs[-1].text.startswith("The ferry ran aground")


def test_a_standfirst_under_the_headline_stays_but_a_row_of_sections_goes(tmp_path: Path) -> None:
    """A sentence-case line of six words or more right under the headline is the standfirst; in
    Title Case the same place holds a row of sections or another story's headline."""
    body = "The ferry ran aground shortly after midnight in thick fog, the port authority said on Monday.\n"
    deck = _article(tmp_path / "a", (
        "Ferry runs aground off the northern cape as fog closes the harbour\n\n"
        "Divers begin checking the channel for debris\n\n" + body))
    assert deck.title == "Ferry runs aground off the northern cape as fog closes the harbour"
    assert deck.paragraphs[0].text.startswith("Divers begin checking")
    sections = _article(tmp_path / "b", (
        "+++\ntitle = \"Ferry runs aground off the northern cape\"\n+++\n\n"
        "Ferry runs aground off the northern cape\n\n"
        "Harbour News Island Weather Politics Local Sport\n\n" + body), name="page.md")
    assert _reasons(sections)["Harbour News Island Weat"].startswith("page header")


def test_a_headline_between_two_pieces_of_furniture_goes(tmp_path: Path) -> None:
    """A video's title between the dateline and a donation notice is not the article's text; the
    same line between two paragraphs stays, and so does a standfirst under the headline (and the
    page's own headline under the given title, the article's first paragraph)."""
    article = _article(tmp_path, (
        "+++\ntitle = \"Ferry runs aground off the northern cape\"\n+++\n\n"
        "Ferry runs aground off the northern cape\n\n"
        "The operator blames a steering failure for the grounding of its ship.\n\n"
        "Monday 3 March 2025 21:10 GMT\n\n"
        "Drone footage shows the ferry on the sandbank\n\n"
        "Support us with a donation today.\n\n"
        "The ferry ran aground shortly after midnight in thick fog, the port authority said on Monday.\n\n"
        "Divers film the hull on the sandbank at dawn\n\n"
        "The operator said a steering failure, not the fog, caused the grounding of the ship.\n"),
        name="page.md")
    assert _reasons(article)["Drone footage shows the "] == \
        "headline between page furniture (a video's or a picture's title)"
    assert [p.text[:20] for p in article.paragraphs] == [
        "Ferry runs aground o", "The operator blames ", "The ferry ran agroun", "Divers film the hull",
        "The operator said a "]


def test_view_counters_glued_to_a_headline_go_and_the_headline_stays(tmp_path: Path) -> None:
    """'Headline - Operator 03/03/2025 10:00. Total views 866. Views today - 4.' is the headline
    with the page's counters after it: the counters go, the headline is judged alone."""
    article = _article(tmp_path, (
        "Ferry kept to the marked channel in line with the rules of the port - Bay Ferries "
        "03/03/2025 10:00:12. Total views 866. Views today — 4.\n\n"
        "The ferry ran aground shortly after midnight in thick fog, the port authority said on Monday.\n\n"
        "Total views 120.\n"))
    assert article.paragraphs[0].text.startswith("Ferry kept to the marked channel")
    reasons = _reasons(article)
    assert reasons["Total views 866."] == reasons["Views today — 4."] == "view counter"
    assert reasons["Total views 120."] == "site notice or advertisement"


def test_a_list_of_headlines_below_the_article_goes_without_a_heading(tmp_path: Path) -> None:
    """Four or more headlines in a row after the article's last paragraph are other stories,
    even with no "Related" heading above them; one that reports a claim stays; three
    headline-shaped lines (a list the article itself ends on) stay too."""
    headlines = ["Harbour festival draws record crowds to the old town", "Ferry operator names new chief executive",
                 "Minister accuses rival of stalling the port budget", "Storm season forecast to start early",
                 "New bridge opens to traffic after five years"]
    prose = "The ferry ran aground shortly after midnight in thick fog, the port authority said on Monday.\n\n"
    article = _article(tmp_path / "list", prose + "\n\n".join(headlines) + "\n")
    reasons = _reasons(article)
    assert reasons["Harbour festival draws re"[:24]] == "teaser for another story (a list of headlines below the article)"
    assert reasons["New bridge opens to traf"[:24]].startswith("teaser")
    assert any(p.text.startswith("Minister accuses rival") for p in article.paragraphs)
    short = _article(tmp_path / "short", prose + "\n\n".join(headlines[:3]) + "\n")
    assert not any("list of headlines" in d.reason for d in short.dropped)
