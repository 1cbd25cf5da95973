"""The dispute panes' scrolling body: the accounts table drawn from lines kept per fact and width.

Why: as a `Static` in a scrolling container, the table was rendered whole by Rich on every `n`
to measure its height, the screen was laid out again because that height changed, and each
frame cropped the whole table again.  Here the body is a fixed-size scroll view (the panes'
`1fr`): its lines are rendered once per content and width and kept (so `n` then `p` is drawn
from what is kept), a new fact changes only the scroll range (the screen is laid out again
only when the scrollbar appears or goes), and a frame copies the lines on screen (Textual's
line API, like `LongText`).  The lines are made as a `Static` makes them, so they look the same.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import cast

from rich.console import RenderableType
from rich.style import Style
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.visual import Visual, visualize
from textual.widget import Widget

from .line_memo import KeptBar, LineMemo, keep_lines, vertical_bar

NEAR = 4  # one column narrower wraps a table into fewer than this many more lines (or a tenth)
KEPT = 32  # rendered contents kept (a fact per cursor position and width); a few MB at most


class SteadyBar(KeptBar):
    """A scrollbar whose new height does not lay the screen out a second time.

    Textual sets a resized widget's scroll range as a reactive that asks for another layout;
    a scrollbar has nothing to lay out, and that second layout (with its frame) followed every
    key whose fact's reason under the panes took another number of lines."""

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size,
                      layout: bool = True) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)


class PanesBody(ScrollView, can_focus=False):
    """The accounts table; a click selects the account under the pointer."""

    DEFAULT_CSS = "PanesBody { overflow-x: hidden; overflow-y: auto; }"

    class Clicked(Message):
        """An account was clicked: its column and its index in that column."""

        def __init__(self, column: int, index: int) -> None:
            super().__init__()
            self.column, self.index = column, index

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        keep_lines(self)
        self._key: Hashable = None
        self._owner: object = None
        self._build: Callable[[], RenderableType] = str
        self._at_least: Callable[[int], int] | None = None
        self._lines: list[Strip] = []
        self._view: tuple[int, int, Style] | None = None
        self._kept: OrderedDict[tuple[int, Hashable, int], tuple[object, list[Strip]]] = OrderedDict()

    def show(self, key: Hashable, owner: object, build: Callable[[], RenderableType],
             home: bool = False, height: int | None = None,
             at_least: Callable[[int], int] | None = None) -> None:
        """Draw `build()`'s renderable.  Lines rendered for the same `key` and width while
        `owner` (the fact shown) is the same object are reused: `key` must say everything
        the renderable depends on besides the width (the cursor, the rows shown).
        `height`: the body's height once a layout under way is done, if it changes.
        `at_least(width)`: a cheap lower bound of the renderable's lines at `width`, if the
        owner has one (which width is rendered first; never what is drawn)."""
        self._key, self._owner, self._build, self._at_least = key, owner, build, at_least
        self._lay_out(height)
        if home:
            self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    def prepare(self, key: Hashable, owner: object, build: Callable[[], RenderableType],
                height: int | None = None, at_least: Callable[[int], int] | None = None) -> None:
        """Render and keep what `show` with these arguments would draw; nothing is drawn."""
        shown = self._key, self._owner, self._build, self._at_least
        self._key, self._owner, self._build, self._at_least = key, owner, build, at_least
        try:
            fitted = self._fit(height)
        finally:
            self._key, self._owner, self._build, self._at_least = shown
        if fitted is not None:   # and the finished lines its first paint shows (from the top)
            lines, width = fitted
            style = self.visual_style.rich_style
            rows = self.size.height if height is None else height
            memo = cast(LineMemo, self._styles_cache)
            memo.finish(line.crop_extend(0, width, style) for line in lines[:rows])
            if len(lines) > rows:
                cast(KeptBar, self.vertical_scrollbar).prepare(len(lines), rows, height=rows)

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        """The scrollbar, made as `Widget.vertical_scrollbar` makes it, but steady."""
        return vertical_bar(self, SteadyBar)

    def forget(self) -> None:
        """Drop every kept rendering (the theme, the notes or the corpus changed)."""
        self._kept.clear()

    @property
    def lines(self) -> list[Strip]:
        """The lines of the content shown (all of them, not only those on screen)."""
        return self._lines

    # -- Textual hooks -----------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        """Lines for the new width; a new height alone changes nothing drawn (Textual
        repaints a resized widget itself), so the frame after a layout is not doubled."""
        lines = self._lines
        self._lay_out()
        if self._lines is not lines:
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        where = event.style.meta.get("account") if event.style else None
        if where:
            column, index = where
            self.post_message(self.Clicked(column, index))

    def render_lines(self, crop: Region) -> list[Strip]:
        # the width, scroll offset and style, once for all the lines of a paint (each costs
        # a walk of styles and geometry: per line, that was most of drawing a kept line)
        self._view = (self.scrollable_content_region.width, round(self.scroll_offset.y),
                      self.visual_style.rich_style)
        try:
            return super().render_lines(crop)
        finally:
            self._view = None

    def render_line(self, y: int) -> Strip:
        width, top, style = self._view or (self.scrollable_content_region.width,
                                           round(self.scroll_offset.y),
                                           self.visual_style.rich_style)
        line = top + y
        if line >= len(self._lines):
            return Strip.blank(width, style)
        return self._lines[line].crop_extend(0, width, style)

    # -- lines ---------------------------------------------------------------------------------

    def _lay_out(self, height: int | None = None) -> None:
        """Take the lines for the current width, and set the scroll range."""
        fitted = self._fit(height)
        if fitted is not None:
            self._lines, width = fitted
            self._set_range(Size(width, len(self._lines)), height)

    def _fit(self, height: int | None) -> tuple[list[Strip], int] | None:
        """The lines for the body's width and `height` (its own if None), and their width: a
        scrollbar takes a column when they are more than fit, as a scrolling container does
        for a tall child.  The narrower lines are rendered first when they will be needed:
        at most a few more than fit is the only case that needs both.  They will be when the
        last content overflowed, or when the owner's lower bound says this one will (the
        first fact shown: rendered at the full width first, its lines were thrown away)."""
        width = self.size.width
        height = self.size.height if height is None else height
        bar = self.styles.scrollbar_size_vertical
        if width <= bar:
            return None
        if self._kept_at(width) is None and self._likely_taller(width, height + NEAR):
            narrow = self._lines_at(width - bar)   # the last content overflowed: this may too
            if len(narrow) > height + max(NEAR, len(narrow) // 10):
                return narrow, width - bar
        lines = self._lines_at(width)
        if len(lines) > height and bar:
            return self._lines_at(width - bar), width - bar
        return lines, width

    def _likely_taller(self, width: int, lines: int) -> bool:
        """Whether the content about to be rendered at `width` has more than `lines` lines,
        by the last content's height or the owner's lower bound."""
        if self.virtual_size.height > lines:
            return True
        return self._at_least is not None and self._at_least(width) > lines

    def _kept_at(self, width: int) -> list[Strip] | None:
        at = (id(self._owner), self._key, width)
        kept = self._kept.get(at)
        if kept is None or kept[0] is not self._owner:
            return None
        self._kept.move_to_end(at)
        return kept[1]

    def _lines_at(self, width: int) -> list[Strip]:
        kept = self._kept_at(width)
        if kept is not None:
            return kept
        at = (id(self._owner), self._key, width)
        visual = visualize(self, self._build(), markup=False)
        lines = Visual.to_strips(self, visual, width, None, self.visual_style)
        self._kept[at] = (self._owner, lines)
        if len(self._kept) > KEPT:
            self._kept.popitem(last=False)
        return lines

    def _set_range(self, size: Size, height: int | None = None) -> None:
        """The scroll range.  Setting `virtual_size` lays the screen out again; that is only
        needed when the scrollbar appears or goes, not when the range merely changes.
        `height`: the body's height after a layout under way (it sets the range then)."""
        if size == self.virtual_size:
            return
        bar_before = self.virtual_size.height > self.size.height
        bar_after = size.height > (self.size.height if height is None else height)
        if bar_before != bar_after or height is not None or not self.container_size:
            self.virtual_size = size
            return
        self.set_reactive(Widget.virtual_size, size)
        self._scroll_update(size)
