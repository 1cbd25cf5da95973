"""The cleaner on pages written for these tests: the rules are general, not the seeds'."""

from __future__ import annotations

from tests.conftest import write
from tui.engine.text.loading import load_corpus

WRAPPED = """\
Coastal Herald
Your town, every morning
Monday, March 3, 2025

Port authority says ferry ran aground in fog

By Jane Doe, Staff Writer

The regional port authority said on Monday that the ferry ran aground
shortly after midnight in thick fog, and that all 212 passengers were
brought ashore without injury.

The operator disputed that account. It said the captain had reported a
steering failure before the ship touched the sandbank, and that fog played
no part.

Share this article
Read more: Harbour news

Trending Now
Council Approves New Budget After Long Debate
Local Team Wins Championship in Overtime Thriller
Storm Warning Issued for Weekend Across the Coast
"""

MARKDOWN = """\
+++
title = "Ferry grounding: operator blames steering"
outlet = "Bay Wire"
date = 2025-03-04
+++

# Ferry grounding: operator blames steering

The operator of the ferry said a steering failure, not fog, caused the grounding on Monday.

<div class="ad">advert</div>

- [Council budget approved](https://example.com/a)
- [Team wins title](https://example.com/b)
- [Storm warning issued](https://example.com/c)

The port authority stood by its account. (Source: Bay Wire)

Advertisement
"""


def test_plain_text_page(tmp_path):
    write(tmp_path, "herald.txt", WRAPPED)
    article = load_corpus(tmp_path).articles[0]
    assert article.title == "Port authority says ferry ran aground in fog"
    assert [p.text[:40] for p in article.paragraphs] == [
        "Port authority says ferry ran aground in",   # a headline reporting a claim: title and text
        "The regional port authority said on Mond",
        "The operator disputed that account. It s",
    ]
    assert "midnight in thick fog, and that all 212 passengers were brought ashore" in article.paragraphs[1].text
    reasons = {d.text: d.reason for d in article.dropped}
    assert reasons["Coastal Herald"].startswith("page header")
    assert reasons["Monday, March 3, 2025"] == "dateline"
    assert reasons["By Jane Doe, Staff Writer"] == "byline"
    assert reasons["Share this article"] == "share or read-more trailer"
    assert any(r == "list of headlines or links" and "Council Approves" in t for t, r in reasons.items())


def test_markdown_page(tmp_path):
    write(tmp_path, "wire.md", MARKDOWN)
    article = load_corpus(tmp_path).articles[0]
    assert (article.title, article.outlet, article.date) == (
        "Ferry grounding: operator blames steering", "Bay Wire", "2025-03-04")
    assert [p.text for p in article.paragraphs] == [
        "The operator of the ferry said a steering failure, not fog, caused the grounding on Monday.",
        "The port authority stood by its account.",
    ]
    assert article.paragraphs[1].source == "Bay Wire"
    reasons = sorted(d.reason for d in article.dropped)
    assert reasons == sorted([   # the front matter gives the title: the heading repeats it
        "front matter (metadata)", "duplicated title", "html block",
        "list of headlines or links", "navigation label",
    ])


def test_yaml_style_front_matter(tmp_path):
    write(tmp_path, "a.md", "---\ntitle: Talks resume\noutlet: Wire\n---\n\nThe two sides said talks would resume next week in Geneva.\n")
    article = load_corpus(tmp_path).articles[0]
    assert (article.title, article.outlet) == ("Talks resume", "Wire")


def test_case_file_overrides_metadata(tmp_path):
    write(tmp_path, "a.md", "+++\ntitle = \"From front matter\"\n+++\nThe two sides said talks would resume next week.\n")
    write(tmp_path, "reconcile.toml", '[[articles]]\nfile = "a.md"\ntitle = "From the case file"\n')
    assert load_corpus(tmp_path).articles[0].title == "From the case file"


def test_one_line_per_paragraph_without_blank_lines(tmp_path):
    text = ("The ministry said the aircraft left the area safely. (Source: Wire)\n"
            "Officials on the other side said the aircraft had been forced down. (Source: Wire)\n")
    write(tmp_path, "a.txt", text)
    article = load_corpus(tmp_path).articles[0]
    assert len(article.paragraphs) == 2 and all(p.source == "Wire" for p in article.paragraphs)


def test_wrapped_text_keeps_sentences_that_end_at_the_margin(tmp_path):
    text = (
        "The coast guard said the tanker drifted for six hours before tugs\n"
        "reached it. Officials said no oil had leaked from the damaged hull at\n"
        "any point during the operation, and that the crew of nineteen was safe.\n"
        "Short last line.\n"
        "\n"
        "The owners said the engine failed because of contaminated fuel that\n"
        "was loaded in port, a claim the port authority rejected on Friday.\n"
    )
    write(tmp_path, "a.txt", text)
    paragraphs = load_corpus(tmp_path).articles[0].paragraphs
    assert len(paragraphs) == 2
    assert paragraphs[0].text.endswith("the crew of nineteen was safe. Short last line.")


def test_short_lede_without_title_is_kept(tmp_path):
    write(tmp_path, "a.md", "The navy has captured 23 pirates.\n\n"
          "The pirates were about to board a vessel in the gulf when they were apprehended by sailors.\n")
    assert len(load_corpus(tmp_path).articles[0].paragraphs) == 2


def test_last_paragraph_with_trailing_timestamp_is_kept(tmp_path):
    write(tmp_path, "a.md", "The quarterback completed his first 17 passes in a row on Sunday night.\n\n"
          "If so, his late flourish leaves him with 3,907 yards and 26 touchdowns. Dec. 18 - 11:14 pm et\n")
    paragraphs = load_corpus(tmp_path).articles[0].paragraphs
    assert len(paragraphs) == 2 and paragraphs[1].text.startswith("If so")


def test_headline_with_for_is_not_a_byline(tmp_path):
    write(tmp_path, "a.txt", "Trial Begins for Kraft Shooting Suspect\n\n"
          "The trial of the man accused of the shooting began on Monday in the county court.\n\n"
          "Jane Q Smith for Coastal News\n")
    dropped = {d.text: d.reason for d in load_corpus(tmp_path).articles[0].dropped}
    assert dropped == {"Trial Begins for Kraft Shooting Suspect": "title (kept as the article's title)",
                       "Jane Q Smith for Coastal News": "byline"}


REAL_PAGE_FURNITURE = """\
+++
title = "Navy says patrol boat was rammed"
outlet = "Harbour Times"
+++

Navy says patrol boat was rammed

Frigate crossed the line and struck the boat, the navy says

WATER CANNON. A coast guard ship sprays a wooden boat near the reef.

Also read: Storm closes the northern port for a second day

The navy said the frigate rammed the patrol boat near the lighthouse early on Monday, injuring two sailors.

Dear reader, online ads enable us to deliver the journalism you value. Please support us.

Petrov rejected the account and said the boat had swerved into the frigate's path.

Download the new Harbour Times app here:

Please enter your comment!
"""


def test_real_page_furniture_goes_and_claims_stay(tmp_path):
    """Captions, teasers, notices and comment prompts are dropped with a true reason; a
    headline-shaped line that reports a claim stays; the front matter's title is only repeated."""
    write(tmp_path, "page.md", REAL_PAGE_FURNITURE)
    article = load_corpus(tmp_path).articles[0]
    texts = [p.text for p in article.paragraphs]
    assert texts[:2] == ["Navy says patrol boat was rammed",   # the given title's line reports a claim
                         "Frigate crossed the line and struck the boat, the navy says"]
    assert any(t.startswith("The navy said the frigate rammed") for t in texts)
    assert any(t.startswith("Petrov rejected the account") for t in texts)
    reasons = {d.text[:20]: d.reason for d in article.dropped}
    assert reasons["WATER CANNON. A coas"] == "photo caption or credit"
    assert reasons["Also read: Storm clo"] == "teaser for another story"
    assert reasons["Dear reader, online "] == "site notice or advertisement"
    assert reasons["Download the new Har"] == "site notice or advertisement"
    assert reasons["Please enter your co"] == "comment form"


def test_more_page_furniture_in_its_usual_words(tmp_path):
    page = ("We use cookies to improve your experience. Accept all\n\n"
            "The navy said the frigate rammed the patrol boat near the lighthouse early on Monday.\n\n"
            "Whether $5 or $50, every contribution counts. Support us to deliver journalism.\n\n"
            "What happened at the lighthouse?\n\n"
            "In this image taken from a video, a frigate sails near the lighthouse.\n\n"
            "WASHINGTON, 5 Feb 2023:\n\n"
            "Petrov said the boat swerved into the frigate's path, and called the navy's account a lie.\n\n"
            "[Copyright The Harbour Press, Ltd.]\n")
    write(tmp_path, "page.txt", page)
    article = load_corpus(tmp_path).articles[0]
    assert len(article.paragraphs) == 2
    reasons = {d.text[:16]: d.reason for d in article.dropped}
    assert reasons["We use cookies t"] == "site notice or advertisement"   # never taken for the title
    assert reasons["Whether $5 or $5"] == "site notice or advertisement"
    assert reasons["What happened at"] == "subheading (a question standing alone)"
    assert reasons["In this image ta"] == "photo caption or credit"
    assert reasons["WASHINGTON, 5 Fe"] == "dateline or byline"
    assert reasons["[Copyright The H"] == "site notice or advertisement"


def test_a_list_inside_the_story_that_carries_its_sentences_punctuation_is_text(tmp_path):
    """An official's instructions quoted as a list in the middle of a story: "Everyone in the
    flood zone must:", "switch off the power;", "take your papers;", "go to higher ground.".
    The items are the sentence's own words (they had gone as labels)."""
    write(tmp_path, "a.md", "The river burst its banks on Tuesday night and the water is still rising in the valley.\n\n"
          "The regional emergency service said that everyone in the flood zone must:\n\n"
          "switch off the power;\n\ntake your papers;\n\ngo to higher ground.\n\n"
          "Rescue teams reached the lower villages by boat before dawn on Wednesday morning.\n")
    article = load_corpus(tmp_path).articles[0]
    kept = [p.text for p in article.paragraphs]
    assert {"switch off the power;", "take your papers;", "go to higher ground."} <= set(kept)


def test_a_list_a_closing_sentence_introduces_is_text_not_a_footer(tmp_path):
    """The last paragraphs of a story: "The aviation agency identified the seven passengers as:"
    and a name a line.  The names are what the sentence lists, kept as text (they had gone as a
    footer and as labels); a footer's "Follow us:" and its links still go."""
    write(tmp_path, "a.md", "The plane crashed on Wednesday evening north of the capital, killing all ten on board.\n\n"
          "The aviation agency identified the passengers as:\n\nAnna Berg\n\nJonas Lind\n\n"
          "The crew members were identified as:\n\nCaptain Erik Dahl\n\nCo-pilot Mia Holm\n\n"
          "Follow us:\n\nFacebook\n\nTwitter\n")
    article = load_corpus(tmp_path).articles[0]
    kept = [p.text for p in article.paragraphs]
    assert kept[-5:] == ["Anna Berg", "Jonas Lind", "The crew members were identified as:",
                         "Captain Erik Dahl", "Co-pilot Mia Holm"]
    assert {d.text for d in article.dropped} >= {"Follow us:", "Facebook", "Twitter"}
