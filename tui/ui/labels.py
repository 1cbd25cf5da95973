"""Words and icons the screens share, so status is never shown by colour alone."""

from __future__ import annotations

from ..engine.marks import paragraph_label
from ..engine.model import Article, Corpus, Fact, Ref

# "to review": the disputes the user has neither confirmed nor dismissed yet.
FILTERS = ("all", "disputed", "to review", "agreed", "one-sided")
REVIEW_MARKS = {"confirmed": "☑ confirmed", "dismissed": "☒ dismissed", "made": "✚ yours"}


def passes(fact: Fact, name: str) -> bool:
    """Whether the list filter `name` shows the fact."""
    if name == "all":
        return True
    if name == "to review":
        return fact.status == "disputed" and fact.review is None
    return fact.status == name


def open_dispute(fact: Fact) -> bool:
    """A dispute the user has not dismissed: what n and p step through."""
    return fact.status == "disputed" and fact.review != "dismissed"


def ref_label(ref: Ref) -> str:
    """'¶4 s2' for humans: paragraphs and sentences counted from 1."""
    label = paragraph_label(ref.paragraph)
    if ref.sentence is not None:
        label += f" s{ref.sentence + 1}"
    return label


def article_label(article: Article) -> str:
    """The outlet and title, or the file name when the text names neither."""
    parts = [p for p in (article.outlet, article.title) if p]
    return " · ".join(parts) if parts else article.id


def find_article(corpus: Corpus, article_id: str) -> Article | None:
    """The article, or None when a result points at an article no longer loaded."""
    try:
        return corpus.article(article_id)
    except KeyError:
        return None
