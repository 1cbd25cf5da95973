"""Property: every span the loader produces maps back to the text it claims."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.engine.text.articles import load_article
from tui.engine.model import Article, display_text

WORDS = st.sampled_from(
    ["the", "drone", "U.S.", "Gen.", "said", "“We", "know,”", "Jr.", "…", "...", "Russia’s",
     "(Source: TASS)", "{tag}", "0:00", "Read", "more", "It", "was.", "Why?", "no!", "\"quote", "ends\"",
     "Leave", "a", "Reply", "\u00a0", "Moscow", "By", "Capt.", "x" * 30]
)
LINE = st.lists(WORDS, min_size=0, max_size=25).map(" ".join)
SEPARATOR = st.sampled_from(["\n", "\n\n", "\r\n", "\n \n", "  \n"])
DOCUMENT = st.lists(st.tuples(LINE, SEPARATOR), min_size=1, max_size=25).map(
    lambda parts: "".join(line + sep for line, sep in parts)
)


def check_spans(article: Article) -> None:
    source = article.source_text
    previous_end = -1
    for paragraph in article.paragraphs:
        assert paragraph.text == display_text(source[paragraph.start:paragraph.end])
        assert paragraph.start > previous_end
        previous_end = paragraph.end
        assert paragraph.sentences
        for sentence in paragraph.sentences:
            assert paragraph.start <= sentence.start < sentence.end <= paragraph.end
            assert sentence.text == display_text(source[sentence.start:sentence.end])
            assert sentence.text == sentence.text.strip()
        if paragraph.source_span:
            start, end = paragraph.source_span
            assert paragraph.source in source[start:end]
    for dropped in article.dropped:
        assert 0 <= dropped.start <= dropped.end <= len(source)
    assert_nothing_silently_dropped(article)


def assert_nothing_silently_dropped(article: Article) -> None:
    """Every visible character is in a paragraph, a source tag or a dropped piece."""
    covered = bytearray(len(article.source_text))
    spans = [(p.start, p.end) for p in article.paragraphs]
    spans += [p.source_span for p in article.paragraphs if p.source_span]
    spans += [(d.start, d.end) for d in article.dropped]
    for start, end in spans:
        covered[start:end] = b"\x01" * (end - start)
    lost = [i for i, ch in enumerate(article.source_text) if not ch.isspace() and not covered[i]]
    assert not lost, article.source_text[lost[0]:lost[0] + 40]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=DOCUMENT, suffix=st.sampled_from([".txt", ".md"]))
def test_spans_map_back(tmp_path: Path, text: str, suffix: str) -> None:
    path = tmp_path / f"a{suffix}"
    path.write_text(text, encoding="utf-8", newline="")
    article, _ = load_article(path, path.name)
    if article is not None:
        check_spans(article)


def test_seed_spans_map_back(seeds) -> None:
    for article in seeds.articles:
        check_spans(article)
