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
    account stays text once, whatever its verb; the second copy goes as the duplicated title;
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
    assert [d.reason for d in article.dropped].count("duplicated title") == 1
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
