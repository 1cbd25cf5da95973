"""The reason for a fact's status, under the dispute panes: lines kept per reason and size.

Why: the box is given a new `Text` on every `n`, and Textual wrapped and drew it anew in the
paint after the key; the reasons of the facts `n` and `p` lead to are drawn ahead, while the
reader is idle (`prepare`), and a reason shown before is drawn from the lines kept for it.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import cast

from rich.text import Text
from textual.geometry import Size
from textual.strip import Strip
from textual.visual import Visual, VisualType, visualize
from textual.widget import _RenderCache
from textual.widgets import Static

from .line_memo import LineMemo, keep_lines

KEPT = 64  # reasons kept (a line or three each)


def reason_key(why: Text) -> Hashable:
    """What a reason's lines depend on besides the box's size and style."""
    return why.plain, tuple(why.spans), str(why.style), why.justify, why.overflow


class ReasonBox(Static):
    """The reason for the fact's status, under the panes (one to a few lines)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        keep_lines(self)
        self._why: Hashable = None
        self._kept: dict[Hashable, list[Strip]] = {}

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size,
                      layout: bool = True) -> bool:
        # Its scroll range follows its height, set (as Textual does it) by a reactive that
        # asks for a second layout of the screen after each change of height; nothing
        # scrolls in this box.
        return super()._size_updated(size, virtual_size, container_size, layout=False)

    def show(self, why: Text, layout: bool) -> None:
        """Show `why` (`layout`: its height differs from the reason shown)."""
        self.update(why, layout=layout)
        self._why = reason_key(why)

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        self._why = None   # shown as given, not from kept lines (`show` keys what it shows)
        super().update(content, layout=layout)

    def prepare(self, why: Text, height: int) -> None:
        """Draw ahead (nothing is painted) `why` in a box `height` lines tall."""
        if not self.size or height <= 0:
            return
        lines = self._lines((reason_key(why), self.size.width, height), why)
        cast(LineMemo, self._styles_cache).finish(lines)

    def _render_content(self) -> None:
        width, height = self.size
        self._render_cache = _RenderCache(self.size, self._lines((self._why, width, height)))
        self._dirty_regions.clear()

    def _lines(self, key: tuple, why: Text | None = None) -> list[Strip]:
        key = (*key, self.visual_style)
        lines = self._kept.get(key) if key[0] is not None else None
        if lines is None:
            visual = visualize(self, why, markup=False) if why is not None else self._render()
            lines = Visual.to_strips(self, visual, key[1], key[2], self.visual_style)
            if key[0] is not None:
                if len(self._kept) >= KEPT:
                    self._kept.clear()
                self._kept[key] = lines
        return lines
