"""Source: the whole article, the current sentence highlighted, and on demand the
page furniture the cleaner dropped (with its reasons), in file order."""

from __future__ import annotations

import re
from functools import partial
from typing import TYPE_CHECKING

from rich.padding import Padding
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Input, Static

from ...engine.marks import paragraph_label
from ...engine.model import Article, Corpus, Dropped, Paragraph, Ref
from ..labels import ref_label
from ..safe_text import clean, one_line
from ..widgets.long_text import Block, LongText
from ..widgets.title_bar import TitleBar
from .footer_order import EssentialKeysFirst

if TYPE_CHECKING:
    from ..reader import ReaderApp


class SourceScreen(EssentialKeysFirst):
    """An article as the engine read it, with the account's sentence highlighted."""

    if TYPE_CHECKING:  # the reader's own app: its methods are what this class calls
        app: ReaderApp

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="source.back",
                tooltip="Back to the previous screen"),
        Binding("d", "toggle_dropped", "Dropped text", id="source.dropped",
                tooltip="Show or hide the page furniture the cleaner removed"),
        Binding("c", "compare", "Compare", id="source.compare",
                tooltip="Compare this article with another"),
        Binding("j", "sentence(1)", "Next sentence", show=False, id="source.down",
                tooltip="Move the sentence cursor down (arrows and the wheel scroll)"),
        Binding("k", "sentence(-1)", "Previous sentence", show=False, id="source.up",
                tooltip="Move the sentence cursor up"),
        Binding("a", "annotate", "Note", id="source.annotate",
                tooltip="Write a note on the sentence under the cursor"),
        Binding("m", "mark", "Mark", show=False, id="source.mark",
                tooltip="Mark the sentence under the cursor (then D on another: a dispute)"),
        Binding("D", "make_dispute", "Make dispute", show=False, id="source.make-dispute",
                tooltip="Make a dispute of the marked sentence and the one under the cursor"),
        Binding("slash", "find", "Find", id="source.find", key_display="/",
                tooltip="Find in this article (the corpus search is in the other views)"),
        Binding("n", "next_match(1)", "Next match", show=False, id="source.next-match",
                tooltip="Next match of the find"),
        Binding("p", "next_match(-1)", "Previous match", show=False, id="source.previous-match",
                tooltip="Previous match of the find"),
    ]

    COMPONENT_CLASSES = {"source--number", "source--here", "source--text", "source--current",
                         "source--meta", "source--dropped", "source--match", "source--cursor"}

    DEFAULT_CSS = """
    SourceScreen #head { height: auto; background: $panel; padding: 0 1; }
    SourceScreen #body { height: 1fr; }
    SourceScreen > .source--number { color: $text-muted; text-style: bold; }
    SourceScreen > .source--here { color: $accent; text-style: bold reverse; }
    SourceScreen > .source--text { color: $text; }
    SourceScreen > .source--current { background: $dispute; text-style: bold; }
    SourceScreen > .source--meta { color: $text-muted; text-style: italic; }
    SourceScreen > .source--dropped { color: $warning; text-style: bold italic; }
    SourceScreen > .source--match { background: $warning; color: $background; }
    SourceScreen > .source--cursor { text-style: reverse; }
    SourceScreen #find { dock: bottom; display: none; }
    SourceScreen.-finding #find { display: block; }
    """

    def __init__(self, corpus: Corpus, article: Article, ref: Ref | None) -> None:
        super().__init__()
        self.corpus = corpus
        self.article = article
        self.ref = ref
        self.find_text = ""  # the in-article find; its matches are highlighted
        self._match = -1  # the block of the match last jumped to
        # The sentence cursor (j/k): any sentence can be annotated, in a fact or not.
        self.cursor: Ref | None = ref if ref is not None and ref.sentence is not None else None

    def compose(self) -> ComposeResult:
        yield TitleBar(id="title")
        yield Static(self._head(), id="head")
        yield LongText(self._blocks(), id="body")
        yield Input(placeholder="find in this article (enter: go, escape: close)", id="find")
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

    def _pieces(self) -> list[Paragraph | Dropped]:
        """Paragraphs, and the dropped pieces when shown, in file order."""
        pieces: list[Paragraph | Dropped] = list(self.article.paragraphs)
        if self.has_class("-show-dropped"):
            pieces.extend(self.article.dropped)
            pieces.sort(key=lambda piece: piece.start)
        return pieces

    def _blocks(self) -> list[Block]:
        return [Block(partial(self._piece_text, piece), len(piece.text))
                for piece in self._pieces()]

    def _piece_text(self, piece: Paragraph | Dropped, _width: int = 0) -> Padding:
        """A paragraph with the account's sentence highlighted, or a dropped piece and its reason."""
        style = self.get_component_rich_style
        if isinstance(piece, Dropped):
            text = Text(f"dropped: {one_line(piece.reason)}\n", style=style("source--dropped"))
            text.append(clean(piece.text.strip()), style=style("source--meta"))
            return Padding(text, (0, 1, 1, 1))
        highlight = self._highlight(piece)
        number = style("source--here") if highlight is not None else style("source--number")
        text = Text(paragraph_label(piece.index), style=number)
        text.append(" ")
        if not piece.sentences:
            text.append(clean(piece.text), style=style("source--text"))
        cursor = self.cursor.sentence if self.cursor is not None and \
            self.cursor.paragraph == piece.index else None
        for i, sentence in enumerate(piece.sentences):
            if i:
                text.append(" ")
            current = style("source--current") if i == highlight else style("source--text")
            if i == cursor:
                current += style("source--cursor")
            text.append(clean(sentence.text), style=current)
        if piece.source:
            text.append(f"  {one_line(piece.source)}", style=style("source--meta"))
        if self.find_text:
            text.highlight_regex(re.compile(re.escape(self.find_text), re.IGNORECASE),
                                 style=style("source--match"))
        return Padding(text, (0, 1, 1, 1))

    def _highlight(self, paragraph: Paragraph) -> int | None:
        """The account's sentence in this paragraph (-1: the whole paragraph is meant), or None."""
        if self.ref is None or self.ref.paragraph != paragraph.index:
            return None
        return self.ref.sentence if self.ref.sentence is not None else -1

    def on_mount(self) -> None:
        self.query_one(TitleBar).set_title(self.corpus.title, "source")
        body = self.query_one("#body", LongText)
        body.focus()
        if self.ref is not None:
            here = next((n for n, piece in enumerate(self._pieces())
                         if isinstance(piece, Paragraph) and piece.index == self.ref.paragraph), 0)
            self.call_after_refresh(body.scroll_to_block, here, True)

    def action_toggle_dropped(self) -> None:
        """Show or hide the dropped pieces, keeping the reader's place; shown pieces that all
        lie off screen bring the nearest one into view, so the key never seems to do nothing."""
        body = self.query_one("#body", LongText)
        pieces = self._pieces()
        at = pieces[body.block_at_top()] if pieces else None
        self.toggle_class("-show-dropped")
        shown = self.has_class("-show-dropped")
        body.set_blocks(self._blocks())
        pieces = self._pieces()
        top = next((n for n, piece in enumerate(pieces) if piece is at), 0)
        body.scroll_to_block(top)
        dropped = [n for n, piece in enumerate(pieces) if isinstance(piece, Dropped)]
        if dropped:
            self.call_after_refresh(self._show_nearest, dropped, top)
        self.notify(f"{'Showing' if shown else 'Hiding'} {len(self.article.dropped)} "
                    "dropped pieces.", timeout=2)

    def _show_nearest(self, dropped: list[int], top: int) -> None:
        body = self.query_one("#body", LongText)
        if not any(n in body.blocks_in_view() for n in dropped):
            body.scroll_to_block(min(dropped, key=lambda n: abs(n - top)), center=True)

    def _stops(self) -> list[tuple[int, Ref]]:
        """Every sentence the cursor can rest on, with the block that shows it."""
        return [(n, Ref(self.article.id, piece.index, sentence.index))
                for n, piece in enumerate(self._pieces()) if isinstance(piece, Paragraph)
                for sentence in piece.sentences]

    def action_sentence(self, step: int) -> None:
        """Move the sentence cursor; it starts at the top of the view, and the view follows it."""
        body = self.query_one("#body", LongText)
        stops = self._stops()
        if not stops:
            return
        refs = [ref for _, ref in stops]
        in_view = body.blocks_in_view()
        if self.cursor in refs and stops[refs.index(self.cursor)][0] in in_view:
            at = min(max(0, refs.index(self.cursor) + step), len(stops) - 1)
        else:  # the cursor scrolled away (or never was): start from what is on screen
            at = next((n for n, (block, _) in enumerate(stops) if block >= in_view.start), 0)
        old = stops[refs.index(self.cursor)][0] if self.cursor in refs else None
        self.cursor = stops[at][1]
        block = stops[at][0]
        for changed in {old, block}:
            if changed is not None:
                body.refresh_block(changed)
        if block not in body.blocks_in_view() or block == in_view.stop - 1:
            body.scroll_to_block(block, center=True)

    def action_annotate(self) -> None:
        """A note on the sentence under the cursor (or the account's), in a fact or not."""
        from ..note_actions import open_editor

        ref = self.cursor or self.ref
        if ref is None:
            self.notify("Move the sentence cursor (j/k) to a sentence first.", timeout=3)
            return
        open_editor(self.app, None, None, ref)

    def _cursor_text(self) -> str:
        ref = self.cursor
        return self.article.sentence(ref.paragraph, ref.sentence).text if ref and \
            ref.sentence is not None else ""

    def action_mark(self) -> None:
        if self.cursor is None:
            self.notify("Move the sentence cursor (j/k) to a sentence first.", timeout=3)
            return
        self.app.mark_ref(self.cursor, self._cursor_text())

    def action_make_dispute(self) -> None:
        self.app.make_dispute(self.cursor)

    def action_find(self) -> None:
        self.add_class("-finding")
        find = self.query_one("#find", Input)
        find.value = self.find_text
        find.focus()

    @on(Input.Submitted, "#find")
    def _found(self, event: Input.Submitted) -> None:
        self.find_text = event.value.strip()
        self._close_find()
        self.query_one("#body", LongText).restyle()
        self._match = self.query_one("#body", LongText).block_at_top() - 1
        if self.find_text:
            self.action_next_match(1)

    def on_key(self, event: events.Key) -> None:
        if event.key == "escape" and self.has_class("-finding"):
            event.stop()
            event.prevent_default()
            self._close_find()

    def _close_find(self) -> None:
        self.remove_class("-finding")
        self.query_one("#body", LongText).focus()

    def action_next_match(self, step: int) -> None:
        """Go to the next (1) or previous (-1) paragraph holding the find, wrapping around."""
        if not self.find_text:
            self.notify("Press / to find words in this article.", timeout=2)
            return
        needle = self.find_text.lower()
        hits = [n for n, piece in enumerate(self._pieces()) if needle in piece.text.lower()]
        if not hits:
            self.notify(f"Not found in this article: {one_line(self.find_text, 40)}", timeout=3,
                        markup=False)
            return
        later = [n for n in hits if (n > self._match if step > 0 else n < self._match)]
        self._match = (later[0] if step > 0 else later[-1]) if later else \
            (hits[0] if step > 0 else hits[-1])
        self.query_one("#body", LongText).scroll_to_block(self._match, center=True)
        wrapped = "" if later else " (wrapped around)"
        self.notify(f"Match {hits.index(self._match) + 1}/{len(hits)} paragraphs{wrapped}",
                    timeout=2)

    def action_compare(self) -> None:
        marks = (self.ref,) if self.ref is not None else ()
        self.app.open_compare(self.article.id, None, marks)
