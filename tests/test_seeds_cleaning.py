"""Cleaning the bundled sample: every piece of page furniture is dropped with a
reason, every real paragraph is kept whole (checked against a careful reading)."""

from __future__ import annotations

from tui.engine.model import Corpus

# (article, reason, a piece of the dropped text) from reading the raw files.
EXPECTED_DROPS = [
    ("001_7c66d4f0f52cdbbc.txt", "page header (masthead or tagline)", "London Daily"),
    ("001_7c66d4f0f52cdbbc.txt", "page header (masthead or tagline)", "Focus on the big picture."),
    ("001_7c66d4f0f52cdbbc.txt", "dateline", "Wednesday, Jan 07, 2026"),
    ("001_7c66d4f0f52cdbbc.txt", "title (kept as the article's title)", "resume contact to discuss drone"),
    ("001_7c66d4f0f52cdbbc.txt", "duplicated title", "resume contact to discuss drone"),
    ("001_7c66d4f0f52cdbbc.txt", "navigation label", "Newsletter"),
    ("001_7c66d4f0f52cdbbc.txt", "navigation label", "Related Articles"),
    ("001_7c66d4f0f52cdbbc.txt", "list of headlines or links", "Béla Tarr"),
    ("002_da9a1b498ebd98ed.txt", "title (kept as the article's title)", "‘Prevent miscalculation’"),
    ("002_da9a1b498ebd98ed.txt", "comment form", "Leave a Reply"),
    ("002_da9a1b498ebd98ed.txt", "comment form", "Required fields are marked"),
    ("003_35747907ac07a596.txt", "title (kept as the article's title)", "enhanced communications"),
    ("003_35747907ac07a596.txt", "template or ad tag", "{mosads}"),
    ("003_35747907ac07a596.txt", "navigation label", "Most Popular"),
    ("003_35747907ac07a596.txt", "navigation label", "Load more"),
    ("003_35747907ac07a596.txt", "navigation label", "See all Video"),
    ("004_59a28452e44ba236.txt", "share or read-more trailer", "Read Full Article at RT.com."),
    ("004_59a28452e44ba236.txt", "byline", "Mark B Thomas for TROIB News"),
]

# Paragraph counts from reading: one per real paragraph of each article.
PARAGRAPHS = {
    "000_7f4c5cce0065053c.txt": 9,
    "001_7c66d4f0f52cdbbc.txt": 18,
    "002_da9a1b498ebd98ed.txt": 22,
    "003_35747907ac07a596.txt": 15,
    "004_59a28452e44ba236.txt": 8,   # the headline reports a claim ("..., Says MOD"): text as well as title
}


def test_every_piece_of_furniture_dropped_with_reason(seeds: Corpus):
    for article_id, reason, piece in EXPECTED_DROPS:
        article = seeds.article(article_id)
        assert any(d.reason == reason and piece in d.text for d in article.dropped), (article_id, reason, piece)


def test_nothing_else_dropped(seeds: Corpus):
    """The 001 headline list is one drop; no real text appears in `dropped`."""
    total = sum(len(a.dropped) for a in seeds.articles)
    assert total == len(EXPECTED_DROPS)


def test_real_paragraphs_kept_whole(seeds: Corpus):
    assert {a.id: len(a.paragraphs) for a in seeds.articles} == PARAGRAPHS
    for article in seeds.articles:
        for paragraph in article.paragraphs:
            assert paragraph.text[0].isupper() or paragraph.text[0] in "“‘\"", paragraph.text
            if paragraph.text != article.title:   # a headline that reports a claim stays text, unpunctuated
                assert paragraph.text.rstrip("”’\"")[-1] in ".!?", paragraph.text


def test_hard_wrapped_lines_joined(seeds: Corpus):
    texts = [p.text for p in seeds.article("001_7c66d4f0f52cdbbc.txt").paragraphs]
    assert any("Crimean Peninsula, which Russia seized in 2014" in t for t in texts)
    assert any("military ships operating in the Black Sea, which has been closed" in t for t in texts)


def test_source_tags_recorded_not_shown(seeds: Corpus):
    tass = seeds.article("000_7f4c5cce0065053c.txt")
    assert all(p.source == "TASS" for p in tass.paragraphs)
    assert not any("(Source" in p.text for p in tass.paragraphs)
    for p in tass.paragraphs:
        start, end = p.source_span
        assert tass.source_text[start:end] == "(Source: TASS)"
    assert tass.outlet == "TASS"


def test_titles(seeds: Corpus):
    assert seeds.article("001_7c66d4f0f52cdbbc.txt").title == "US, Russian military chiefs resume contact to discuss drone"
    assert seeds.article("004_59a28452e44ba236.txt").title.startswith("Russian and US Top Generals")


def test_quotations_stay_whole(seeds: Corpus):
    milley = seeds.article("001_7c66d4f0f52cdbbc.txt").paragraphs[9]
    assert milley.sentences[0].text == (
        "“We know that the intercept was intentional. We know that the aggressive behavior "
        "was intentional,” Milley said."
    )
