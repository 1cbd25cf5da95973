"""A scrolling view of many text blocks that renders only what is on screen.

Why: one widget per paragraph made an article of 20,000 paragraphs take over a
minute to open and seconds per key (every key laid out every widget).  Here
the blocks (a paragraph, a compare row) are Rich renderables built on demand;
a block's height is estimated from its length until it is first drawn, so the
view opens at once and keys stay quick however long the article.  When a block
above the top of the view changes height, the view scrolls by the same amount,
so the text being read never jumps.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate

from rich.console import RenderableType
from textual.binding import Binding
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..themes import follow_theme


@dataclass(frozen=True)
class Block:
    """One block of the view: `build(width)` makes its renderable; `chars` sizes its estimate."""

    build: Callable[[int], RenderableType]
    chars: int
    columns: int = 1  # side-by-side cells share the width (a compare row)


CACHED_BLOCKS = 400  # rendered blocks kept; the rest are rebuilt when scrolled back to


class LongText(ScrollView, can_focus=True):
    """Blocks stacked vertically, rendered lazily line by line (Textual's line API)."""

    DEFAULT_CSS = "LongText { height: 1fr; overflow-x: hidden; scrollbar-gutter: stable; }"

    # The keys of less and vim, beside the arrows and page keys every scroll view has.
    BINDINGS = [
        Binding("g", "scroll_home", "Top", show=False, tooltip="Go to the top"),
        Binding("G", "scroll_end", "Bottom", show=False, tooltip="Go to the bottom"),
        Binding("space", "page_down", "Page down", show=False, tooltip="Scroll down a page"),
        Binding("ctrl+d", "half_page(1)", "Half page down", show=False,
                tooltip="Scroll down half a page"),
        Binding("ctrl+u", "half_page(-1)", "Half page up", show=False,
                tooltip="Scroll up half a page"),
    ]

    def __init__(self, blocks: Sequence[Block] = (), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._blocks: list[Block] = list(blocks)
        self._heights: list[int] = []
        self._exact: list[bool] = []
        self._starts: list[int] = [0]
        self._lines: OrderedDict[int, list[Strip]] = OrderedDict()
        self._width = 0

    # -- public ------------------------------------------------------------------------------

    def set_blocks(self, blocks: Sequence[Block]) -> None:
        """Replace the content (the view keeps its scroll position only if the caller does)."""
        self._blocks = list(blocks)
        self._reset()

    def restyle(self) -> None:
        """Rebuild every block's text, e.g. after a theme change (heights do not change)."""
        self._lines.clear()
        self.refresh()

    def refresh_block(self, index: int) -> None:
        """Draw block `index` again (its look changed, not its text)."""
        self._lines.pop(index, None)
        self.refresh()

    def block_at_top(self) -> int:
        """The block at the top line of the view."""
        return self._block_at(round(self.scroll_offset.y))

    def blocks_in_view(self) -> range:
        """The blocks on screen, in whole or in part."""
        top = round(self.scroll_offset.y)
        bottom = top + max(1, self.scrollable_content_region.height) - 1
        return range(self._block_at(top), self._block_at(bottom) + 1)

    def scroll_to_block(self, index: int, center: bool = False) -> None:
        """Put block `index` at the top of the view, or in its middle."""
        if not self._blocks:
            return
        index = max(0, min(index, len(self._blocks) - 1))
        self._rendered(index)  # its height is exact from here on
        y = self._starts[index]
        if center:
            y -= max(0, (self.scrollable_content_region.height - self._heights[index]) // 2)
        self.scroll_to(y=max(0, y), animate=False, immediate=True)

    # Jumps are instant: an animated jump across a long article draws every page on the way.
    def action_scroll_home(self) -> None:
        self.scroll_home(animate=False)

    def action_scroll_end(self) -> None:
        self.scroll_end(animate=False)

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)

    def action_half_page(self, step: int) -> None:
        self.scroll_relative(y=step * max(1, self.scrollable_content_region.height // 2),
                             animate=False)

    # -- Textual hooks -----------------------------------------------------------------------

    def on_mount(self) -> None:
        self._reset()
        follow_theme(self, self.restyle)

    def on_resize(self) -> None:
        if self._content_width() != self._width:
            top = self.block_at_top()
            self._reset()
            self.scroll_to_block(top)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        line = round(scroll_y) + y
        if not self._blocks or line >= self._starts[-1]:
            return Strip.blank(width, self.rich_style)
        index = self._block_at(line)
        strips = self._rendered(index)
        offset = line - self._starts[index]
        strip = strips[offset] if offset < len(strips) else Strip.blank(width)
        return strip.crop_extend(scroll_x, scroll_x + width, self.rich_style).apply_style(
            self.rich_style)

    # -- heights ----------------------------------------------------------------------------

    def _content_width(self) -> int:
        return max(1, self.scrollable_content_region.width)

    def _reset(self) -> None:
        """Estimate every height for the current width; measured heights are forgotten."""
        self._width = self._content_width()
        self._heights = [self._estimate(block) for block in self._blocks]
        self._exact = [False] * len(self._blocks)
        self._lines.clear()
        self._restack()

    def _estimate(self, block: Block) -> int:
        per_line = max(1, self._width // block.columns - 3)
        return -(-block.chars * 11 // (10 * per_line)) + 1  # word wrap wastes about a tenth

    def _restack(self) -> None:
        self._starts = [0, *accumulate(self._heights)]
        self.virtual_size = Size(self._width, self._starts[-1])
        self.refresh()

    def _block_at(self, line: int) -> int:
        return max(0, min(bisect_right(self._starts, line) - 1, len(self._blocks) - 1))

    def _rendered(self, index: int) -> list[Strip]:
        """Block `index`'s lines, from the cache or rendered now (which makes its height exact)."""
        if index in self._lines:
            self._lines.move_to_end(index)
            return self._lines[index]
        block = self._blocks[index]
        console = self.app.console
        options = console.options.update_width(self._width)
        lines = [Strip(segments, self._width)
                 for segments in console.render_lines(block.build(self._width), options)]
        self._lines[index] = lines
        if len(self._lines) > CACHED_BLOCKS:
            self._lines.popitem(last=False)
        if not self._exact[index]:
            self._apply([(index, len(lines))])
        return lines

    def _apply(self, measured: list[tuple[int, int]]) -> None:
        """Record exact heights; text above the view's top moves the view with it."""
        top = round(self.scroll_offset.y)
        shift = 0
        changed = False
        for index, height in measured:
            self._exact[index] = True
            delta = height - self._heights[index]
            if delta:
                if self._starts[index + 1] <= top:
                    shift += delta
                self._heights[index] = height
                changed = True
        if changed:
            self._restack()
            if shift:
                self.scroll_to(y=top + shift, animate=False, immediate=True)
