"""Finished lines kept per content line: repainting a line drawn before costs a lookup.

Why: Textual's styles cache turns each content line (a `Strip`) into a finished line (border,
padding, background), and the compositor then filters, cuts and encodes that line for the
terminal, each step cached on the finished `Strip` itself.  A line repainted after a scroll or a
new fact was a new `Strip` every time, so `n` paid all of it again for every line on screen even
when the content line was one drawn before (the panes' lines are kept per fact, the fact list's
per option).  `LineMemo` hands back the same finished `Strip` for the same content line under the
same styles, so the compositor's caches hit as well.  `KeptBar`, a scrollbar (its content is
rendered anew on every change), keeps its lines per range and position, and can draw ahead.

Lines are looked up by the content strip's identity (kept alive beside its finished line) under
the styles that shape a content row: the width, the colours, the border, the padding, the
opacity, the tint and the theme's ANSI colours; a focus or theme change finds nothing kept.  A
widget with an outline or a hatch is not memoised (those draw across rows).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any, cast

from textual._styles_cache import StylesCache
from textual.color import Color
from textual.css.styles import StylesBase
from textual.geometry import Size, Spacing
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget, _RenderCache

LIMIT = 2048  # finished lines kept per widget (a few screens of a long list): then start over


class LineMemo(StylesCache):
    """A widget's styles cache that reuses the finished line made for a content line."""

    def __init__(self) -> None:
        super().__init__()
        self._memo: dict[int, tuple[Strip, Hashable, Strip]] = {}
        self._context: Hashable = None
        self._contexts: dict[Hashable, Hashable] = {}
        self._rows = range(0)
        self._top = 0
        self._last: tuple | None = None   # the last render's arguments, for `finish`

    def render(self, styles: StylesBase, size: Size, base_background: Color, background: Color,
               *args: Any, **kwargs: Any) -> list[Strip]:
        """Note what shapes a content row in this render, then render as Textual does."""
        padding = kwargs.get("padding") or styles.padding
        content = kwargs.get("content_size") or size
        gutter = styles.gutter
        plain = not any(edge for edge, _ in styles.outline) and \
            not (styles.has_rule("hatch") and styles.hatch != "none")
        context: Hashable = (size.width, content.width, base_background, background, styles.border, padding,
                   kwargs.get("opacity", 1.0), styles.text_opacity, styles.tint,
                   id(kwargs.get("ansi_theme")), kwargs.get("native_ansi")) if plain else None
        if context is not None:   # equal contexts are one object: kept lines compare by `is`
            if len(self._contexts) >= 64:
                self._contexts.clear()
            context = self._contexts.setdefault(context, context)
        self._context = context
        self._top = gutter.top
        self._rows = range(gutter.top, min(size.height - gutter.bottom, gutter.top + content.height))
        _, filters, title, subtitle = args
        self._last = (styles, size, content, padding, base_background, background, title, subtitle,
                      kwargs.get("opacity", 1.0), kwargs.get("ansi_theme"),
                      kwargs.get("native_ansi"), filters)
        return super().render(styles, size, base_background, background, *args, **kwargs)

    def render_line(self, styles: StylesBase, y: int, size: Size, content_size: Size,
                    padding: Spacing, base_background: Color, background: Color,
                    render_content_line: Callable[[int], Strip], *rest: Any) -> Strip:
        if self._context is None or y not in self._rows:
            return super().render_line(styles, y, size, content_size, padding, base_background,
                                       background, render_content_line, *rest)
        content = render_content_line(y - self._top)
        kept = self._memo.get(id(content))
        if kept is not None and kept[0] is content and kept[1] is self._context:
            return kept[2]
        line = super().render_line(styles, y, size, content_size, padding, base_background,
                                   background, lambda _: content, *rest)
        if len(self._memo) >= LIMIT:
            self._memo.clear()
        self._memo[id(content)] = (content, self._context, line)
        return line


    def finish(self, contents: Iterable[Strip]) -> None:
        """Make, ahead of a paint (while the reader is idle), the finished lines of `contents`
        under the styles of the last render, and their filtered forms, which the compositor
        asks for next: a key that paints them finds them made."""
        if self._last is None or self._context is None:
            return
        (styles, size, content_size, padding, base_background, background, title, subtitle,
         opacity, ansi_theme, native_ansi, filters) = self._last
        for content in contents:
            kept = self._memo.get(id(content))
            if kept is not None and kept[0] is content and kept[1] is self._context:
                continue
            line = self.render_line(styles, self._top, size, content_size, padding, base_background,
                                    background, _constant(content), title, subtitle, opacity,
                                    ansi_theme, native_ansi)
            for line_filter in filters:
                line = line.apply_filter(line_filter, background)


def _constant(line: Strip) -> Callable[[int], Strip]:
    """A content-line callback that gives `line` for any row."""
    return lambda _: line


def keep_lines(widget: Widget) -> None:
    """Give `widget` a `LineMemo` (call in its `__init__`)."""
    widget._styles_cache = LineMemo()


class KeptBar(ScrollBar):
    """A scrollbar whose lines are kept per range and position.

    It is drawn again whenever its thumb moves or its range changes (every `n`), each time
    through Rich; here the lines for a range and position drawn before are those same `Strip`s
    (so their finished lines are in the memo), and `prepare` draws them ahead of a key."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        keep_lines(self)
        self._bars: dict[Hashable, list[Strip]] = {}

    def _render_content(self) -> None:
        self._render_cache = _RenderCache(self.size, self._lines_for(self.size))
        self._dirty_regions.clear()

    def _lines_for(self, size: Size) -> list[Strip]:
        """The bar's lines at `size` (drawn as `Widget._render_content` draws them) for its
        range and position now, kept per all that shapes them."""
        bar = self.render()
        key = (size, bar.virtual_size, bar.window_size, bar.position, bar.thickness,
               bar.vertical, bar.style, self.visual_style) \
            if isinstance(bar, ScrollBarRender) else None
        lines = self._bars.get(key) if key is not None else None
        if lines is None:
            lines = Visual.to_strips(self, self._render(), size.width, size.height,
                                     self.visual_style)
            if key is not None:
                if len(self._bars) >= 64:
                    self._bars.clear()
                self._bars[key] = lines
        return lines

    def prepare(self, virtual: int, window: int, position: float = 0,
                height: int | None = None) -> None:
        """Draw ahead (nothing is painted) the bar for a range of `virtual` lines of which
        `window` show from `position`, `height` lines tall (its height now if None): what
        the paint after a coming key shows."""
        if not self.size or not self.is_attached:
            return
        shown = self.window_virtual_size, self.window_size, self.position
        try:
            self._set_geometry(virtual, window, self.validate_position(position))
            lines = self._lines_for(Size(self.size.width, height or self.size.height))
            cast(LineMemo, self._styles_cache).finish(lines)
        finally:
            self._set_geometry(*shown)

    def _set_geometry(self, virtual: int, window: int, position: float) -> None:
        self.set_reactive(ScrollBar.window_virtual_size, virtual)
        self.set_reactive(ScrollBar.window_size, window)
        self.set_reactive(ScrollBar.position, position)


def vertical_bar(widget: Widget, bar: type[ScrollBar] = KeptBar) -> ScrollBar:
    """`widget`'s vertical scrollbar, made as `Widget.vertical_scrollbar` makes it but of class
    `bar` (for a widget's `vertical_scrollbar` property)."""
    if widget._vertical_scrollbar is None:
        widget._vertical_scrollbar = bar(vertical=True, name="vertical",
                                         thickness=widget.scrollbar_size_vertical)
        widget._vertical_scrollbar.display = False
        widget.app._start_widget(widget, widget._vertical_scrollbar)
    return widget._vertical_scrollbar
