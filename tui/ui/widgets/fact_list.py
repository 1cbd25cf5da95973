"""The list of facts: status by icon and word, a filter, j/k like the arrows."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from rich.text import Text
from textual.binding import Binding
from textual.geometry import Region
from textual.reactive import reactive
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...engine.model import Fact
from ...engine.marks import STATUS_ICONS
from ..labels import REVIEW_MARKS
from ..safe_text import one_line
from .line_memo import KeptBar, LineMemo, keep_lines, vertical_bar


def fact_prompt(fact: Fact, notes: int = 0) -> Text:
    """'✖ disputed  Title': the word keeps the status readable without colour.

    `notes` > 0 adds a '✎n' marker: the fact (or one of its accounts) has notes.
    """
    text = Text(no_wrap=False)
    text.append(f"{STATUS_ICONS.get(fact.status, '•')} ", style="bold")
    text.append(f"{fact.status:<9} ", style="italic")
    text.append(one_line(fact.title))
    if fact.background:
        text.append(" (another event)", style="dim")
    if len(fact.positions) > 1:   # each side's answer, in its own words; "↔" only where they conflict
        joiner = " ↔ " if fact.status == "disputed" else " · "
        text.append("  " + joiner.join(one_line(answer) for _, answer in fact.positions[:2]), style="italic dim")
    if fact.review:
        text.append(f" {REVIEW_MARKS[fact.review]}", style="bold" if fact.review == "confirmed"
                    else "dim strike")
    if notes:
        text.append(f" ✎{notes}", style="bold")
    return text


# Keys that act on the highlighted fact: shown in the footer while the list has the focus
# (the disputes screen binds them too, hidden, so they also work from the panes).
FACT_KEYS = [
    Binding("y", "screen.review('confirmed')", "Confirm", id="disputes.confirm",
            tooltip="Confirm the fact as the engine shows it (again: take it back)"),
    Binding("d", "screen.review('dismissed')", "Dismiss", id="disputes.dismiss",
            tooltip="Dismiss the fact: not a real dispute (again: take it back)"),
    Binding("f", "screen.cycle_filter", "Filter", id="disputes.filter",
            tooltip="Show all / disputed / to review / agreed / one-sided facts"),
    Binding("r", "screen.rename", "Rename", id="disputes.rename",
            tooltip="Give the fact a title of your own"),
    Binding("M", "screen.merge", "Merge", id="disputes.merge",
            tooltip="Mark this fact; M on another fact merges the marked one into it"),
]


class FactList(OptionList):
    """Facts of the corpus in the engine's rank order, filtered by status.

    A highlight move (`n`, `p`, j/k) repaints the two options it concerns and the title
    line, not the whole list as an `OptionList` does: every line repainted is a line the
    frame after a key has to compose and the terminal has to draw.
    """

    highlighted: reactive[int | None] = reactive(None, repaint=False)

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="fact-list.down",
                tooltip="Next fact in the list"),
        Binding("k", "cursor_up", "Up", show=False, id="fact-list.up",
                tooltip="Previous fact in the list"),
        Binding("enter", "screen.open_source", "Source", id="fact-list.source",
                tooltip="Open the source article of the selected account"),
        *FACT_KEYS,
    ]

    DEFAULT_CSS = """
    FactList {
        border: round $panel-lighten-2;
        /* not $text-muted: "auto" contrasts with the list's own (transparent) background
           and came out white on the light theme's white */
        border-title-color: $foreground-muted;
        border-subtitle-color: $foreground-muted;
        height: 1fr;
    }
    FactList:focus { border: round $primary; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        keep_lines(self)   # a scroll repaints every line: those drawn before are kept
        self.facts: list[Fact] = []
        self._view: tuple | None = None   # set while render_lines draws

    def show(self, facts: list[Fact], keep: str | None = None,
             notes: Callable[[Fact], int] | None = None) -> None:
        """Replace the list's facts, keeping `keep` (a fact id) highlighted if shown."""
        same = [f.id for f in facts] == [f.id for f in self.facts]
        self.facts = facts
        prompts = [Option(fact_prompt(f, notes(f) if notes else 0), id=f.id) for f in facts]
        if same and facts:  # only the markers changed: keep the highlight and scroll
            for i, option in enumerate(prompts):
                self.replace_option_prompt_at_index(i, option.prompt)
            return
        self.clear_options()
        self.add_options(prompts)
        if not facts:
            return
        index = next((i for i, f in enumerate(facts) if f.id == keep), 0)
        self.highlighted = index

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        """The scrollbar, made as `Widget.vertical_scrollbar` makes it, its lines kept."""
        return vertical_bar(self)

    def prepare(self, index: int) -> None:
        """Render, while the reader is idle, the lines a move of the highlight to `index`
        paints: that option highlighted and, if the list must scroll to it, the options it
        scrolls into view (as `scroll_to_highlight` scrolls: just far enough)."""
        if not self.is_mounted or not self.scrollable_content_region or \
                not 0 <= index < len(self.options):
            return
        self._update_lines()
        lines = self._line_cache.lines
        try:
            y, height = self._index_to_line[index], self._heights[index]
        except (KeyError, IndexError):
            return
        view = self.scrollable_content_region.height
        top = round(self.scroll_offset.y)
        top = y if y < top else (y + height - view if y + height > top + view else top)
        normal = self.get_visual_style("option-list--option")
        marked = self.get_visual_style("option-list--option", "option-list--option-highlighted")
        contents = []
        for option_index, offset in lines[max(0, top):top + view]:
            option = self.options[option_index]
            if option.disabled:
                continue
            strips = self._get_option_render(option, marked if option_index == index else normal)
            if offset >= len(strips):   # the line map is older than this option's lines: prepare nothing
                return
            contents.append(strips[offset])
        cast(LineMemo, self._styles_cache).finish(contents)
        if top != round(self.scroll_offset.y):   # its scrollbar's thumb moves too
            cast(KeptBar, self.vertical_scrollbar).prepare(self.virtual_size.height, view, top)

    def render_lines(self, crop: Region) -> list[Strip]:
        # what every line of a paint needs, looked up once (an `OptionList` looks up its
        # geometry, styles and line map again for each line: most of repainting a kept line)
        self._update_lines()
        padding = self.get_component_styles("option-list--option").padding
        self._view = (self._line_cache.lines, round(self.scroll_offset.y), padding,
                      self.get_visual_style("option-list--option"),
                      self.get_visual_style("option-list--option",
                                            "option-list--option-highlighted"))
        try:
            return super().render_lines(crop)
        finally:
            self._view = None

    def render_line(self, y: int) -> Strip:
        """As `OptionList.render_line` draws a plain or highlighted option's line, from what
        `render_lines` looked up; anything else (hover, disabled, past the end) as it does."""
        if self._view is None:
            return super().render_line(y)
        lines, top, padding, normal, marked = self._view
        if not 0 <= top + y < len(lines):
            return super().render_line(y)
        index, offset = lines[top + y]
        option = self.options[index]
        if option.disabled or (self._mouse_hovering_over == index and index != self.highlighted):
            return super().render_line(y)
        style = marked if index == self.highlighted else normal
        strips = self._option_render_cache.get((option, style, padding)) or \
            self._get_option_render(option, style)
        return strips[offset] if offset < len(strips) else super().render_line(y)

    def _watch_highlighted(self, old: int | None, new: int | None) -> None:
        for index in (old, new):
            if index is not None:
                self._refresh_option(index)

    def _refresh_option(self, index: int) -> None:
        """Repaint the lines of option `index` (all of the list if it has no lines)."""
        try:
            self.refresh_lines(self._index_to_line[index], self._heights[index])
        except (KeyError, IndexError):
            self.refresh()

    def set_title(self, title: str) -> None:
        """The border's title, repainting that line only (`border_title` repaints the list)."""
        if title == self.border_title:
            return
        self._border_title = self.render_str(title).expand_tabs(4).split()[0]
        top = -self.content_offset
        self.refresh(Region(top.x, top.y, self.outer_size.width, 1))

    @property
    def current(self) -> Fact | None:
        """The highlighted fact."""
        if self.highlighted is None or not self.facts:
            return None
        return self.facts[self.highlighted]
