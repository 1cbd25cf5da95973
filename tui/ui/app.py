"""The reader application (first cut: the loaded articles, as plain text)."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from ..engine.model import Corpus


class ReconcileApp(App[None]):
    """Shows every article of the corpus; article text is rendered as plain Text."""

    TITLE = "reconcile"
    BINDINGS = [Binding("q", "quit", "Quit", id="quit", tooltip="Quit reconcile")]

    def __init__(self, corpus: Corpus, theme_name: str | None = None,
                 notes_path: Path | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.sub_title = corpus.title

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll():
            for article in self.corpus.articles:
                yield Static(Text(article.title or article.id, style="bold"))
                for paragraph in article.paragraphs:
                    yield Static(Text(paragraph.text))
        yield Footer()
