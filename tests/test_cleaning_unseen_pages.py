"""The cleaner's fifth round on real pages (issue 11), from pages no rule had been tuned on:
the page's own headline under a given title, captions without a credit word, credits of other
forms, embedded posts, live-blog and browser notices.  Each rule on a page written here."""

from __future__ import annotations

from pathlib import Path

from tests.test_cleaning_shapes import _article
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
