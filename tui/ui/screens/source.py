"""Source: the whole article, the current sentence highlighted, and on demand the
page furniture the cleaner dropped (with its reasons), in file order."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static

from ...engine.model import Article, Corpus, Dropped, Paragraph, Ref
from ..labels import ref_label
from ..safe_text import clean, one_line
from ..widgets.title_bar import TitleBar


class ParagraphView(Widget):
    """One paragraph; the sentence `highlight` (an index) stands out."""

    COMPONENT_CLASSES = {"para--number", "para--text", "para--current", "para--meta"}

    DEFAULT_CSS = """
    ParagraphView { height: auto; padding: 0 1 1 1; }
    ParagraphView.-current { border-left: outer $accent; }
    ParagraphView > .para--number { color: $text-muted; text-style: bold; }
    ParagraphView > .para--text { color: $text; }
    ParagraphView > .para--current { background: $dispute; text-style: bold; }
    ParagraphView > .para--meta { color: $text-muted; text-style: italic; }
    """

    def __init__(self, paragraph: Paragraph, highlight: int | None) -> None:
        super().__init__(classes="-current" if highlight is not None else "")
        self.paragraph = paragraph
        self.highlight = highlight

    def render(self) -> Text:
        style = self.get_component_rich_style
        text = Text()
        text.append(f"¶{self.paragraph.index + 1} ", style=style("para--number"))
        sentences = self.paragraph.sentences
        if not sentences:
            text.append(clean(self.paragraph.text), style=style("para--text"))
        for i, sentence in enumerate(sentences):
            if i:
                text.append(" ")
            current = i == self.highlight
            text.append(clean(sentence.text),
                        style=style("para--current") if current else style("para--text"))
        if self.paragraph.source:
            text.append(f"  {one_line(self.paragraph.source)}", style=style("para--meta"))
        return text


class DroppedView(Static):
    """A piece of page furniture the cleaner removed, shown only on request."""

    DEFAULT_CSS = """
    DroppedView { height: auto; padding: 0 1 1 1; color: $text-muted; border-left: outer $warning; }
    """

    def __init__(self, dropped: Dropped) -> None:
        text = Text()
        text.append(f"dropped: {one_line(dropped.reason)}\n", style="bold italic")
        text.append(clean(dropped.text.strip()))
        super().__init__(text)
        self.display = False  # set by SourceScreen: a widget's own CSS cannot see the screen's class


class SourceScreen(Screen):
    """An article as the engine read it, with the account's sentence highlighted."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="source.back",
                tooltip="Back to the previous screen"),
        Binding("d", "toggle_dropped", "Dropped text", id="source.dropped",
                tooltip="Show or hide the page furniture the cleaner removed"),
        Binding("c", "compare", "Compare", id="source.compare",
                tooltip="Compare this article with another"),
        Binding("j", "scroll(1)", "Down", show=False, id="source.down", tooltip="Scroll down"),
        Binding("k", "scroll(-1)", "Up", show=False, id="source.up", tooltip="Scroll up"),
    ]

    DEFAULT_CSS = """
    SourceScreen #head { height: auto; background: $panel; padding: 0 1; }
    SourceScreen #body { height: 1fr; }
    """

    def __init__(self, corpus: Corpus, article: Article, ref: Ref | None) -> None:
        super().__init__()
        self.corpus = corpus
        self.article = article
        self.ref = ref

    def compose(self) -> ComposeResult:
        yield TitleBar(id="title")
        yield Static(self._head(), id="head")
        with VerticalScroll(id="body"):
            yield from self._pieces()
        yield Footer(compact=True)

    def _head(self) -> Text:
        article = self.article
        text = Text(one_line(article.title or article.id), style="bold")
        meta = [one_line(x) for x in (article.outlet, article.date, article.id) if x]
        text.append("\n" + " · ".join(meta), style="dim")
        if self.ref is not None:
            text.append(f" · at {ref_label(self.ref)}", style="dim")
        text.append(f" · {len(article.dropped)} dropped pieces (d)", style="dim")
        return text

    def _pieces(self) -> list[Widget]:
        """Paragraphs and dropped pieces interleaved by their position in the file."""
        items: list[tuple[int, Widget]] = []
        for paragraph in self.article.paragraphs:
            highlight = None
            if self.ref is not None and self.ref.paragraph == paragraph.index:
                highlight = self.ref.sentence if self.ref.sentence is not None else -1
            view = ParagraphView(paragraph, highlight)
            items.append((paragraph.start, view))
        items.extend((d.start, DroppedView(d)) for d in self.article.dropped)
        items.sort(key=lambda item: item[0])
        return [widget for _, widget in items]

    def on_mount(self) -> None:
        self.query_one(TitleBar).set_title(self.corpus.title, "source")
        body = self.query_one("#body", VerticalScroll)
        body.focus()
        current = self.query(ParagraphView).filter(".-current")
        if current:
            self.call_after_refresh(body.scroll_to_center, current.first(), animate=False)

    def action_toggle_dropped(self) -> None:
        self.toggle_class("-show-dropped")
        shown = self.has_class("-show-dropped")
        for view in self.query(DroppedView):
            view.display = shown
        self.notify(f"{'Showing' if shown else 'Hiding'} {len(self.article.dropped)} "
                    "dropped pieces.", timeout=2)

    def action_scroll(self, step: int) -> None:
        self.query_one("#body", VerticalScroll).scroll_relative(y=step * 3, animate=False)

    def action_compare(self) -> None:
        self.app.open_compare(self.article.id, None)
