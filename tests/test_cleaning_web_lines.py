"""The web's own lines in more wordings (issue 11, ninth and tenth rounds): a wire's credit line that names
its reporter ("Reported by ...; Editing by ..."), a story's state ("Check back for updates"), a
player's or a widget's message, the site's invitations, a blog's stamp with its author first, a
post's or a story's navigation.  General web boilerplate, written here; each goes wherever it
stands, and a line of the article in nearby words stays."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_cleaning_shapes import _article

_HEAD = "Ferry runs aground in fog off the northern cape\n\n"
_P1 = "The ferry ran aground shortly after midnight in thick fog, the port authority said on Monday.\n\n"
_P2 = "Rescue boats reached the ferry within an hour and took the passengers to the harbour.\n\n"
_P3 = "The harbour master said the channel would reopen on Wednesday after divers checked it.\n\n"
_FRONT = '+++\noutlet = "Harbour Herald"\nurl = "https://example.org/ferry"\n+++\n\n'

WEB_LINES = [
    "Reported by Jane Doe; Editing by John Roe",
    "This is a breaking news story. Check back for updates.",
    "More to follow.",
    "Link copied!",
    "Have a story idea? Tell us.",
    "Something went wrong. Please try again later.",
    "This video is no longer available.",
    "Loading tweet...",
    "A post shared by Harbour Herald (@harbourherald)",
    "For more news, visit our website.",
    "234 people are reading this",
    "About the author: Jane Doe has reported from the region since 2010.",
    "Jane Doe covers defence and security for the Harbour Herald.",
    "You are here: Home » News » World",
    "Posted by Jane Doe on Monday, June 3, 2024",
    "Previous: Navy chief visits the port",
    "Next: Ferry owners face questions over safety",
    "Short link:",
    "Follow Jane Doe on Twitter: or e-mail her at jdoe@example.org",
    "Please let us know if you're having issues with commenting.",
    "Harbour Herald's website can also be accessed at herald.example.org.",
    "(Harbour Navy/Petty Officer 2nd Class Jane Doe)",
    "The harbour master speaks during a visit to the quay in the old port. [Bay Wire Photo]",
    "There are no comments. Be the first to add a comment.",
    "Search module is not installed.",
    "(Read more ferry stories.)",
    "$.get('//' + window.location.host + '/ajax/module.aspx?id=44&lang=2', function (data) { $('#nk44').html(data); });",
    # the tenth round: a control alone on its line, the site's app, club and affiliate notes, its contacts
    "Share it :", "Suggest to a friend:", "Font size:", "Updated at:", "Sort:", "Print:", "No stories found.",
    "Close this search box.", "Get the news faster.", "Tap to install our app.", "In two easy steps:",
    "2. Tap to add to home screen.", "Unlock exclusive insights today!",
    "We may earn a commission from links on this page.",
    "To contact the reporter on this story: Jane Doe in Harbour City at jdoe@example.org",
    "Story by Harbour Wire.", "Follow our coverage of the storm on the @harbourherald Telegram channel.",
    "Join the Harbour Club for curated content and exclusive offers.", "You can read: Ferry owner faces questions",
    # the eleventh round: the site's appeal for support and its browser's notices
    "Alerts like this can be switched off: notifications can be managed in your settings.",
    "Your contributions help us keep our reporting free for everyone.",
    "We keep every story open to all readers, with no paywall.",
    "%d bloggers like this:", "Our next webinar is on 4 May: the harbour and its neighbours.",
]


@pytest.mark.parametrize("where", ["middle", "end"])
@pytest.mark.parametrize("line", WEB_LINES)
def test_a_web_line_goes(tmp_path: Path, line: str, where: str) -> None:
    body = _HEAD + _P1 + (line + "\n\n" if where == "middle" else "") + _P2 + _P3 + (line + "\n\n" if where == "end" else "")
    article = _article(tmp_path, _FRONT + body, "page.md")
    assert line not in [p.text for p in article.paragraphs]


ARTICLE_LINES = [
    "The navy said more details would follow once divers had checked the hull.",
    "Jane Doe, who covers the port for a local radio station, said she saw the flares.",
    "Investigators said something went wrong with the ferry's radar shortly before midnight.",
    "Next, the ministry said, divers will search the wreck for the missing.",
    "The video is available on the ministry's website, the navy said.",
    "There are no comments yet from the ferry's owners, the port authority said.",
    "The ministry said it would read more of the logs before it decided.",
    "The harbour master said your support helped the rescue crews, the mayor told families.",
    "Our next step is to ask the court, the minister said.",
    "The navy said it would share its findings with the port authority.",
    "The minister will join the club of leaders who visited the port this year.",
    "Rescuers said they tried to install pumps on the ferry before it listed.",
]


@pytest.mark.parametrize("line", ARTICLE_LINES)
def test_the_articles_lines_in_nearby_words_stay(tmp_path: Path, line: str) -> None:
    article = _article(tmp_path, _FRONT + _HEAD + _P1 + line + "\n\n" + _P2 + _P3, "page.md")
    assert line in [p.text for p in article.paragraphs]
