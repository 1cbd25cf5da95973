"""Compare: two articles side by side, paragraphs aligned like a diff of prose.

Alignment comes from the engine's pairs (`tui.ui.alignment` only lays them
out).  Both articles are one scrolling view of two-column rows, so wrapped text
stays aligned and scrolling is always in step; rows (and their word diffs) are
drawn only when they come into view, so long articles open at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.padding import Padding
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Footer, Static

from ...engine.marks import paragraph_label
from ...engine.model import Analysis, Article, Corpus, Pair, Paragraph, Ref
from ..alignment import Row, align, between, fact_only, paragraph_scores
from ..diffing import differing_spans
from ..labels import article_label
from ..safe_text import one_line
from ..widgets.account_card import clean_spans, diff_text, side_by_side
from ..widgets.long_text import Block, LongText
from ..widgets.title_bar import TitleBar
from .footer_order import EssentialKeysFirst

if TYPE_CHECKING:
    from ..reader import ReaderApp


class CompareScreen(EssentialKeysFirst):
    """Any two articles of the corpus, aligned paragraph by paragraph."""

    if TYPE_CHECKING:  # the reader's own app: its methods are what this class calls
        app: ReaderApp

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
        Binding("n,]", "difference(1)", "Next diff", id="compare.next", key_display="n",
                tooltip="Next row where the two versions differ (like ]c in vimdiff)"),
        Binding("p,[", "difference(-1)", "Previous difference", show=False,
                id="compare.previous", key_display="p",
                tooltip="Previous row where the two versions differ"),
        Binding("o", "follow", "Follow link", show=False, id="compare.follow",
                tooltip="Go to the partner of the first out-of-order paragraph in view"),
    ]

    COMPONENT_CLASSES = {"compare--number", "compare--text", "compare--diff",
                         "compare--meta", "compare--gap", "compare--here"}

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
    CompareScreen > .compare--here { text-style: bold reverse; }
    """

    def __init__(self, corpus: Corpus, analysis: Analysis | None, left: str, right: str,
                 marks: tuple[Ref, ...] = ()) -> None:
        super().__init__()
        self.corpus = corpus
        self.analysis = analysis
        self.ids = [left, right]
        self.marks = marks  # sentences to highlight; the view opens on the first one's row
        self._rows: list[Row] = []
        self._at = -1  # the row of the last difference visited with n / p

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
        self._at = -1
        body = self.query_one("#body", LongText)
        body.scroll_home(animate=False)
        here = self._row_of(self.marks[0]) if self.marks else None
        if here is not None:
            self.call_after_refresh(body.scroll_to_block, here, True)

    def _row_of(self, ref: Ref) -> int | None:
        """The row showing `ref`'s paragraph, when its article is on screen."""
        side = self.ids.index(ref.article) if ref.article in self.ids else None
        if side is None:
            return None
        return next((n for n, row in enumerate(self._rows)
                     if (row.left, row.right)[side] == ref.paragraph), None)

    def repaint(self) -> None:
        left, right = self.articles
        linked = between(self.analysis.pairs if self.analysis else (), left.id, right.id)
        rows, aligned = self.rows(linked)
        self._rows = rows
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
                                   aligned, left.id)
            if same_claim:
                left_cell.append("  ≈ the same side's claim in other words (paired by the facts "
                                 "stage)", style=self.get_component_rich_style("compare--meta"))
            table = side_by_side()
            table.add_row(left_cell, self._cell(rp, lp.text if lp and aligned else None,
                                                row.right_elsewhere, aligned, right.id))
            return Padding(table, (0, 0, 1, 0))  # one table's edge padding is its last row

        chars = max(len(lp.text) if lp else 0, len(rp.text) if rp else 0)
        return Block(build, chars, columns=2)

    def _cell(self, paragraph: Paragraph | None, other: str | None,
              elsewhere: tuple[int, ...], aligned: bool, article: str) -> Text:
        style = self.get_component_rich_style
        if paragraph is None:
            return Text("╱╱╱" if aligned else "", style=style("compare--gap"))
        text = Text(f"{paragraph_label(paragraph.index)} ", style=style("compare--number"))
        spans = differing_spans(paragraph.text, other) if other else ()
        body = diff_text(paragraph.text, spans, style("compare--text"), style("compare--diff"))
        for ref in self.marks:
            if ref.article == article and ref.paragraph == paragraph.index:
                for start, end in _sentence_spans(paragraph, ref.sentence):
                    body.stylize(style("compare--here"), start, end)
        text.append_text(body)
        if aligned and other is None:
            note = ("  ↔ matches " + ", ".join(paragraph_label(i) for i in elsewhere)
                    + " opposite, out of order") if elsewhere else "  (nothing opposite)"
            text.append(note, style=style("compare--meta"))
        return text

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

    def action_difference(self, step: int) -> None:
        """Scroll to the next (1) or previous (-1) row that is not the same text on both sides."""
        body = self.query_one("#body", LongText)
        left, right = self.articles
        # From the last difference visited while it is on screen (at the end of the text the
        # view cannot scroll it to the top), else from the top of the view.
        at = self._at if self._at in body.blocks_in_view() else body.block_at_top()
        order = range(at + 1, len(self._rows)) if step > 0 else range(at - 1, -1, -1)
        for n in order:
            row = self._rows[n]
            if row.left is None or row.right is None or \
                    left.paragraphs[row.left].text != right.paragraphs[row.right].text:
                self._at = n
                body.scroll_to_block(n)
                return
        self.notify(f"No {'later' if step > 0 else 'earlier'} difference.", timeout=2)

    def action_follow(self) -> None:
        """Go to the row of the partner of the first out-of-order paragraph in view."""
        body = self.query_one("#body", LongText)
        for n in body.blocks_in_view():
            row = self._rows[n]
            for side, partners in ((1, row.left_elsewhere), (0, row.right_elsewhere)):
                if partners:
                    target = self._row_of(Ref(self.ids[side], partners[0]))
                    if target is not None:
                        body.scroll_to_block(target)
                        return
        self.notify("No out-of-order link on screen.", timeout=2)

    def action_scroll(self, step: int) -> None:
        self.query_one("#body", LongText).scroll_relative(y=step * 3, animate=False)


def _sentence_spans(paragraph: Paragraph, sentence: int | None) -> list[tuple[int, int]]:
    """Where sentence `sentence` (None: all of them) lies in the paragraph's cleaned text."""
    spans, cursor = [], 0
    for s in paragraph.sentences:
        at = paragraph.text.find(s.text, cursor)
        if at < 0:
            continue
        cursor = at + len(s.text)
        if sentence is None or s.index == sentence:
            spans.append((at, cursor))
    return clean_spans(paragraph.text, spans)
