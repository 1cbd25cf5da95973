"""The cleaner's fifth round on real pages (issue 11), from pages no rule had been tuned on:
the page's own headline under a given title, captions without a credit word, credits of other
forms, embedded posts, live-blog and browser notices.  Each rule on a page written here."""

from __future__ import annotations

from pathlib import Path

from tests.test_cleaning_shapes import _article, _reasons
from tui.engine.model import Article

_BODY = ("The ferry ran aground shortly after midnight in thick fog, the port authority said on Monday.\n\n"
         "Rescue boats reached the ferry within an hour and took the passengers to the harbour.\n\n")


def _texts(article: Article) -> list[str]:
    return [p.text for p in article.paragraphs]


def test_the_pages_headline_under_a_given_title_is_the_first_paragraph_once(tmp_path: Path) -> None:
    """The front matter gives the title and the page prints it (twice): the outlet's one-line
    account stays text once, whatever its verb; the other copies go as the duplicated title (one
    with the site's name after a bar, as the browser shows it);
    a byline and a masthead around it do not make it a video's title."""
    article = _article(tmp_path, (
        '+++\ntitle = "Ferry and trawler collide in the fog off the cape"\n+++\n\n'
        "Ferry and trawler collide in the fog off the cape | Harbour Herald\n\n"
        "Ferry and trawler collide in the fog off the cape\n\n"
        "Ferry and trawler collide in the fog off the cape\n\n"
        "JANE ROE, Harbour Herald Writer\n\n" + _BODY), name="page.md")
    texts = _texts(article)
    assert texts[0] == "Ferry and trawler collide in the fog off the cape"
    assert texts.count("Ferry and trawler collide in the fog off the cape") == 1
    assert [d.reason for d in article.dropped].count("duplicated title") == 2   # with the site's name, and again
    assert "Harbour Herald Writer" not in " ".join(texts)
    assert article.title == "Ferry and trawler collide in the fog off the cape"


def test_browser_plugin_revision_channel_and_live_blog_notices_go(tmp_path: Path) -> None:
    """The web's notices in more forms: the browser ("IE 11 is not supported ... another
    browser"), a plugin's credit ("... Powered By :"), the story's revision note in parentheses,
    the outlet's channels ("For the latest headlines, follow our ... channel"), a live blog's
    intro and headings ("Here are the latest updates on ...:", "Key developments:") and its link
    ("Harbour news live: ...").  A sentence that says a thing is not supported stays."""
    article = _article(tmp_path, (
        "IE 11 is not supported. For an optimal experience visit our site on another browser.\n\n"
        "Ferry runs aground off the northern cape\n\n" + _BODY +
        "(News story updated with new information)\n\n"
        "For the latest headlines, follow our news channel online or via the app.\n\n"
        "The operator said the claim of a steering failure is not supported by the logs.\n\n"
        "Harbour news live: divers reach the hull\n\n"
        "Here are the latest updates on the grounding:\n\n"
        "Key developments:\n\n"
        "The harbour master said the channel would reopen on Tuesday after the divers finish.\n\n"
        "Auto Publish Powered By :\n"))
    texts = _texts(article)
    assert texts[0].startswith("The ferry ran aground")
    assert "The operator said the claim of a steering failure is not supported by the logs." in texts
    assert texts[-1].startswith("The harbour master said")
    assert len(texts) == 4


def test_a_related_list_goes_on_past_a_headline_already_dropped(tmp_path: Path) -> None:
    """Under "Read more:" / "Related readings:" every headline goes, also the one after a line
    that went already as the page's footer."""
    article = _article(tmp_path, (
        "Ferry runs aground off the northern cape\n\n" + _BODY +
        "Related readings:\n\n"
        "Lighthouse\n\n"
        "Port to inspect all ferries after the grounding\n\n"
        "Fishermen say fog warnings came too late\n"))
    texts = _texts(article)
    assert texts[-1].startswith("Rescue boats reached")
    reasons = _reasons(article)
    assert reasons["Fishermen say fog warnin"] == "teaser for another story (under a related-stories heading)"


def test_captions_dated_at_their_end_or_closed_by_a_source_go_prose_stays(tmp_path: Path) -> None:
    """A picture's description dated at its end after a comma, a "This photo taken on ... shows"
    caption, a caption closed by a source in parentheses ("(Coast Guard Command)", "(File)"),
    and a credit line alone ("Task Force / release") go.  Prose dated with its weekday, prose
    that reports, and prose closed by an outlet's tag stay."""
    article = _article(tmp_path, (
        "Ferry runs aground off the northern cape\n\n"
        "A patrol boat sustains damage to its bow after a collision with a trawler off the cape, Mar. 3, 2025.\n\n"
        "Regional Task Force for the Northern Cape / release\n\n" + _BODY +
        "This aerial photo taken on March 3, 2025 shows the ferry on the sandbank. (Harbour Agency)\n\n"
        "The place where the ferry ran aground off the northern cape. (Coast Guard Command)\n\n"
        "The captain checked the charts again on Tuesday, March 4, 2025.\n\n"
        "The harbour master said the bow was damaged in the collision, Mar. 3, 2025.\n\n"
        "The office is about 15 miles north of the harbour. (Harbour News Article)\n"))
    texts = _texts(article)
    assert not any(t.startswith(("A patrol boat", "Regional Task", "This aerial", "The place where")) for t in texts)
    assert texts[-3:] == ["The captain checked the charts again on Tuesday, March 4, 2025.",
                          "The harbour master said the bow was damaged in the collision, Mar. 3, 2025.",
                          "The office is about 15 miles north of the harbour. (Harbour News Article)"]
    assert _reasons(article)["A patrol boat sustains da"[:24]] == "photo caption or credit"


def test_bracketed_and_representational_credits_and_a_caption_printed_twice_go(tmp_path: Path) -> None:
    """"[Ministry via Agency]" closes a caption as "(Agency)" does; "Pic for representation" and
    "(Representational image)" are credits; a caption printed twice in one block is judged once,
    so its credit outweighs its "said" as in any caption."""
    caption = ("Ferry standoff: the harbour master said that the captain ignored the fog warning. He asked "
               "the operator to withdraw the ship from the route. (Representational image)")
    article = _article(tmp_path, (
        "Ferry runs aground off the northern cape\n\n" + _BODY +
        "A view of the harbour after the storm [Port Authority via Harbour Agency]\n\n"
        "Divers also reached the hull of the ferry. pic for representation\n\n"
        f"{caption} {caption}\n\n"
        "The operator said the ship would be towed off the sandbank on Tuesday, after the tide.\n"))
    texts = _texts(article)
    assert not any(t.startswith(("A view of", "Divers also", "Ferry standoff")) for t in texts)
    assert texts[-1].startswith("The operator said the ship")


def test_links_to_recordings_and_embedded_posts_go_a_post_with_a_claim_stays(tmp_path: Path) -> None:
    """"... in an interview (Audio MP3 sound)" and "Watch the interview with ..." link to a
    recording; a post's text (its picture link, or the line above its "— Name (@handle) date"
    signature) is an embedded post; a post that reports a claim stays."""
    article = _article(tmp_path, (
        "Ferry runs aground off the northern cape\n\n" + _BODY +
        "Ferry captain describes the grounding in an interview on Friday (Audio MP3 sound)\n\n"
        "Watch the interview with the ferry captain\n\n"
        "#Ferry aground again, harbour closed for the day pic.twitter.com/abc123\n\n"
        "— Harbour Watch (@harbourwatch) March 3, 2025\n\n"
        "Harbour closed for the day after the grounding #ferry\n\n"
        "— Harbour Watch (@harbourwatch) March 3, 2025\n\n"
        "The captain said the fog hid the reef from the bridge #ferry\n\n"
        "— Harbour Watch (@harbourwatch) March 3, 2025\n\n"
        "The operator said the ship would be towed off the sandbank on Tuesday, after the tide.\n"))
    texts = _texts(article)
    assert not any(t.startswith(("Ferry captain", "Watch the", "#Ferry", "Harbour closed", "— Harbour")) for t in texts)
    assert "The captain said the fog hid the reef from the bridge #ferry" in texts
    reasons = _reasons(article)
    assert reasons["Harbour closed for the day"[:24]] == "embedded social-media post"
    assert reasons["Watch the interview with the"[:24]] == "link to a recording (audio or video)"


def test_a_headline_that_tells_a_collision_a_complaint_a_belief_or_a_toll_is_text_too(tmp_path: Path) -> None:
    """Without a given title the headline is the title; when it reports a claim it is the first
    paragraph too: a collision or a bump told in the outlet's voice, a complaint, a belief with
    its clause ("worried that ..."), a toll of the dead and hurt, a cause ("X caused by Y")."""
    for headline in ("Trawler Bumped by Patrol Boat off the Cape", "Ferry and trawler collide in the fog",
                     "Harbour board had complained over ferry 'close calls'",
                     "Captain Worried That Fog Will Close The Harbour Again",
                     "About 30 people killed, 100 wounded in ferry fire off the cape",
                     "The Harbour Logs: Grounding Caused by Failed Steering Pump"):
        article = _article(tmp_path / str(len(headline)), headline + "\n\n" + _BODY)
        assert article.title == headline
        assert _texts(article)[0] == headline, headline
    plain = _article(tmp_path / "plain", "Ferry line to resume the island run next week\n\n" + _BODY)
    assert _texts(plain)[0].startswith("The ferry ran aground")


def test_a_short_passive_subheading_that_tells_an_act_stays_a_label_goes(tmp_path: Path) -> None:
    """"Harbour Shelled again", "Old pier removed" between paragraphs tell what happened; "What
    happened", "All rights reserved" and "Comments" are labels."""
    article = _article(tmp_path, (
        "Ferry runs aground off the northern cape\n\n" + _BODY +
        "Old pier removed\n\n"
        "The port authority took the old pier down overnight to make room for the tugs.\n\n"
        "What happened\n\n"
        "Harbour Shelled again\n\n"
        "Rockets struck the harbour on Sunday morning, the port authority said.\n\n"
        "All rights reserved\n"))
    texts = _texts(article)
    assert "Old pier removed" in texts and "Harbour Shelled again" in texts
    assert "What happened" not in texts and "All rights reserved" not in texts


def test_the_title_is_never_a_site_notice_a_syndication_line_a_date_label_or_a_breadcrumb(tmp_path: Path) -> None:
    """"Site is under construction", "View this article in another language", "X is part of the
    Y Division of Z PLC" and "News Agency of X via Y News Service (YNS)" are the site's notices
    and source lines, never the title; a date label or a breadcrumb glued before the headline
    is cut from the title."""
    for furniture in ("Site is under construction", "View this article in another language",
                      "Harbour Herald is part of the Coastal Markets Division of Coastal Media PLC",
                      "Central News Agency of the Isles via Island News Service (INS)"):
        article = _article(tmp_path / str(len(furniture)), (
            furniture + "\n\nFerry operator blames steering failure for grounding\n\n" + _BODY))
        assert article.title == "Ferry operator blames steering failure for grounding", furniture
        assert furniture not in _texts(article)
    dated = _article(tmp_path / "dated", (
        "date 2025-03-03 Ferry runs aground off the northern cape in thick fog, crew safe\n\n" + _BODY))
    assert dated.title == "Ferry runs aground off the northern cape in thick fog, crew safe"
    trail = _article(tmp_path / "trail", "Home / News / Ferry runs aground off the northern cape\n\n" + _BODY)
    assert trail.title == "Ferry runs aground off the northern cape"


def test_the_wire_and_the_publishers_own_lines_go(tmp_path: Path) -> None:
    """Lines every news site prints around an article: the wire's credits ("Reporting by ...",
    "Editing by ..."), a reprint note, "All rights reserved.", the standards line, "Story
    continues below", the age notice, "Last modified on", a channel to join, "3 min read",
    "Image source, Agency", "You might also like", "Privacy policy", "Tags: ...".  A sentence
    that merely mentions an editor's reporting stays."""
    furniture = ["Reporting by Jane Roe; Editing by John Doe", "(Writing by Jane Roe)",
                 "This article was originally published on Harbour Herald.", "All rights reserved.",
                 "Our Standards: The Harbour Trust Principles.", "Story continues below advertisement",
                 "This article is more than 2 years old", "Last modified on Mon 3 Mar 2025 10.24 GMT",
                 "Join our news channel for the latest updates", "3 min read", "Image source, Harbour Agency",
                 "You might also like", "Privacy policy", "Tags: ferry, harbour, fog"]
    article = _article(tmp_path, (
        "Ferry runs aground off the northern cape\n\n" + _BODY + "\n\n".join(furniture) + "\n\n"
        "The harbour master said the reporting by the crew was late and confused.\n"))
    texts = _texts(article)
    assert not [t for t in texts if t in furniture]
    assert texts[-1] == "The harbour master said the reporting by the crew was late and confused."
