"""The Markdown report: what the engine found, readable without the app."""

from __future__ import annotations

from .model import Analysis


def to_markdown(analysis: Analysis) -> str:
    """A Markdown report of the corpus, its articles and their disputed facts."""
    corpus = analysis.corpus
    lines = [f"# {corpus.title}", ""]
    if corpus.sides:
        lines += ["Sides: " + ", ".join(s.name for s in corpus.sides), ""]
    lines += ["## Articles", ""]
    for article in corpus.articles:
        title = article.title or article.id
        extra = ", ".join(x for x in (article.outlet, article.date) if x)
        lines.append(f"- **{title}**" + (f" ({extra})" if extra else "") + f" - `{article.id}`")
    lines.append("")
    return "\n".join(lines)
