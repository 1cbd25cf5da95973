"""Compare: two articles side by side, paragraphs aligned like a diff of prose.

Alignment comes from the engine's pairs (`tui.ui.alignment` only lays them
out).  Both articles are one scrolling view of two-column rows, so wrapped text
stays aligned and scrolling is always in step; rows (and their word diffs) are
drawn only when they come into view, so long articles open at once.
"""

from __future__ import annotations

from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Static

from ...engine.model import Analysis, Article, Corpus, Pair, Paragraph
from ..alignment import Row, align, between, fact_only, paragraph_scores
from ..diffing import differing_spans
from ..labels import article_label
from ..safe_text import one_line
from ..widgets.account_card import diff_text
from ..widgets.long_text import Block, LongText
from ..widgets.title_bar import TitleBar


class CompareScreen(Screen):
    """Any two articles of the corpus, aligned paragraph by paragraph."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="compare.back",
                tooltip="Back to the previous screen"),
        Binding("1", "cycle(0)", "Left article", id="compare.left",
                tooltip="Show the next article in the left pane"),
        Binding("2", "cycle(1)", "Right article", id="compare.right",
                tooltip="Show the next article in the right pane"),
        Binding("s", "swap", "Swap", id="compare.swap", tooltip="Swap the two articles"),
        Binding("j", "scroll(1)", "Down", show=False, id="compare.down",
                tooltip="Scroll both articles down (also arrows, page keys, mouse wheel)"),
        Binding("k", "scroll(-1)", "Up", show=False, id="compare.up",
                tooltip="Scroll both articles up"),
    ]

    COMPONENT_CLASSES = {"compare--number", "compare--text", "compare--diff",
                         "compare--meta", "compare--gap"}

    DEFAULT_CSS = """
    CompareScreen #heads { height: auto; background: $panel; }
    CompareScreen .head { width: 1fr; padding: 0 1; text-style: bold; }
    CompareScreen #body { height: 1fr; }
    CompareScreen #legend { height: auto; color: $text-muted; padding: 0 1; }
    CompareScreen > .compare--number { color: $text-muted; text-style: bold; }
    CompareScreen > .compare--text { color: $text; }
    CompareScreen > .compare--diff { background: $dispute; text-style: bold underline; }
    CompareScreen > .compare--meta { color: $text-muted; text-style: italic; }
    CompareScreen > .compare--gap { color: $panel-lighten-2; }
    """

    def __init__(self, corpus: Corpus, analysis: Analysis | None, left: str, right: str) -> None:
        super().__init__()
        self.corpus = corpus
        self.analysis = analysis
        self.ids = [left, right]

    def compose(self) -> ComposeResult:
        yield TitleBar(id="title")
        with Horizontal(id="heads"):
            yield Static(id="head-left", classes="head")
            yield Static(id="head-right", classes="head")
        yield LongText(id="body")
        yield Static(id="legend")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(TitleBar).set_title(self.corpus.title, "compare")
        self.rebuild()
        self.query_one("#body").focus()

    @property
    def articles(self) -> tuple[Article, Article]:
        return self.corpus.article(self.ids[0]), self.corpus.article(self.ids[1])

    def rows(self, linked: list[Pair]) -> tuple[list[Row], bool]:
        """Aligned rows from the pairs between the two articles, or reading order when none."""
        left, right = self.articles
        scores = paragraph_scores(linked, left.id, right.id)
        if scores:
            return align(len(left.paragraphs), len(right.paragraphs), scores), True
        n = max(len(left.paragraphs), len(right.paragraphs))
        return [Row(i if i < len(left.paragraphs) else None,
                    i if i < len(right.paragraphs) else None) for i in range(n)], False

    def rebuild(self) -> None:
        """Lay out the two current articles."""
        left, right = self.articles
        for widget_id, article in (("#head-left", left), ("#head-right", right)):
            head = Text(one_line(article_label(article), 120))
            head.append(f"\n{one_line(article.id)}" + (f" · {one_line(article.date)}"
                                                       if article.date else ""), style="dim")
            self.query_one(widget_id, Static).update(head)
        self.repaint()
        self.query_one("#body", LongText).scroll_home(animate=False)

    def repaint(self) -> None:
        left, right = self.articles
        linked = between(self.analysis.pairs if self.analysis else (), left.id, right.id)
        rows, aligned = self.rows(linked)
        same_claim = fact_only(linked, left.id, right.id)
        self.query_one("#body", LongText).set_blocks(
            [self._block(row, aligned, (row.left, row.right) in same_claim) for row in rows])
        matched = sum(1 for r in rows if r.left is not None and r.right is not None)
        if aligned:
            legend = Text(f"{matched} aligned paragraph pairs · ")
            legend.append("highlighted", style="bold underline")
            legend.append(" words: missing from the other version · ╱╱ nothing opposite")
        else:
            legend = Text("The engine paired nothing between these two articles: "
                          "paragraphs in reading order, not aligned.")
        self.query_one("#legend", Static).update(legend)

    def _block(self, row: Row, aligned: bool, same_claim: bool) -> Block:
        """One row of the view, drawn when it comes into view."""
        left, right = self.articles
        lp = left.paragraphs[row.left] if row.left is not None else None
        rp = right.paragraphs[row.right] if row.right is not None else None

        def build(_width: int) -> Padding:
            left_cell = self._cell(lp, rp.text if rp and aligned else None, row.left_elsewhere,
                                   aligned)
            if same_claim:
                left_cell.append("  ≈ the same side's claim in other words (paired by the facts "
                                 "stage)", style=self.get_component_rich_style("compare--meta"))
            table = Table(box=None, show_header=False, expand=True, padding=(0, 1, 1, 1),
                          pad_edge=False)
            table.add_column(ratio=1)
            table.add_column(ratio=1)
            table.add_row(left_cell, self._cell(rp, lp.text if lp and aligned else None,
                                                row.right_elsewhere, aligned))
            return Padding(table, (0, 0, 1, 0))  # one table's edge padding is its last row

        chars = max(len(lp.text) if lp else 0, len(rp.text) if rp else 0)
        return Block(build, chars, columns=2)

    def _cell(self, paragraph: Paragraph | None, other: str | None,
              elsewhere: tuple[int, ...], aligned: bool) -> Text:
        style = self.get_component_rich_style
        if paragraph is None:
            return Text("╱╱╱" if aligned else "", style=style("compare--gap"))
        text = Text(f"¶{paragraph.index + 1} ", style=style("compare--number"))
        spans = differing_spans(paragraph.text, other) if other else ()
        text.append_text(diff_text(paragraph.text, spans, style("compare--text"),
                                   style("compare--diff")))
        if aligned and other is None:
            note = ("  ↔ matches " + ", ".join(f"¶{i + 1}" for i in elsewhere)
                    + " opposite, out of order") if elsewhere else "  (nothing opposite)"
            text.append(note, style=style("compare--meta"))
        return text

    def on_theme_change(self) -> None:
        self.query_one("#body", LongText).restyle()

    def action_cycle(self, side: int) -> None:
        """Show the next article (skipping the one in the other pane)."""
        ids = [a.id for a in self.corpus.articles]
        i = ids.index(self.ids[side])
        for step in range(1, len(ids) + 1):
            candidate = ids[(i + step) % len(ids)]
            if candidate != self.ids[1 - side]:
                self.ids[side] = candidate
                break
        self.rebuild()

    def action_swap(self) -> None:
        self.ids.reverse()
        self.rebuild()

    def action_scroll(self, step: int) -> None:
        self.query_one("#body", LongText).scroll_relative(y=step * 3, animate=False)
