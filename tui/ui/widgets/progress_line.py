"""The disputes screen's progress line: what the engine is doing while the reader waits."""

from __future__ import annotations

import time

from rich.text import Text
from textual.timer import Timer
from textual.widgets import Static

from ..safe_text import one_line


class ProgressLine(Static):
    """'Analysing N articles: stage ▰▰▱▱ done/total · 12 s' while the engine works, and
    'Showing 50 of 982 articles, analysing all of them' over a large corpus's preview; the
    clock, ticking every second, shows it is alive even while the engine is in a stage
    that reports nothing.  Hidden once the full analysis is in."""

    def __init__(self, articles: int, *, id: str | None = None) -> None:
        super().__init__(Text(f"Analysing {articles} articles…"), id=id)
        self.articles = articles   # in the corpus being analysed
        self._stage: tuple[str, int, int] | None = None
        self._preview: tuple[int, int] | None = None  # a preview's articles, and the corpus's
        self._started = time.monotonic()
        self._ticker: Timer | None = None

    def on_mount(self) -> None:
        self._ticker = self.set_interval(1.0, self.paint)

    @property
    def previewing(self) -> bool:
        """Whether the facts on screen are a preview of a larger corpus."""
        return self._preview is not None

    def stage(self, stage: str, done: int, total: int) -> None:
        """Progress reported by the engine."""
        self._stage = (stage, done, total)
        self.paint()

    def preview(self, shown: int, total: int) -> None:
        """The facts shown are a preview of `shown` of `total` articles: the line stays,
        saying so, until the full analysis replaces them."""
        self._preview = (shown, total)
        self._show(True)
        self.paint()

    def done(self) -> None:
        """The full analysis is in: the line goes."""
        self._preview = None
        self._show(False)

    def _show(self, shown: bool) -> None:
        self.display = shown
        if self._ticker is not None:
            (self._ticker.resume if shown else self._ticker.pause)()

    def paint(self) -> None:
        if not self.display:
            return
        if self._preview is not None:
            shown, total = self._preview
            text = Text(f"Showing {shown} of {total} articles, analysing all of them" if shown < total
                        else f"Reading the pairs of {total} articles")
        else:
            text = Text(f"Analysing {self.articles} articles")
        if self._stage is not None:
            stage, done, total = self._stage
            text.append(f": {one_line(stage, 30)}")
            if total > 1:  # a one-step stage ("claims", "facts") has no bar to fill
                filled = round(12 * done / total)
                text.append(" " + "▰" * filled + "▱" * (12 - filled) + f" {done}/{total}")
            else:
                text.append("…")
        else:
            text.append("…")
        elapsed = time.monotonic() - self._started
        if elapsed >= 1:
            text.append(f" · {elapsed:.0f} s", style="dim")
        # One line high (reader.tcss) whatever it says: a repaint, never a layout of the
        # screen.  The engine reports 20 times a second, and a layout on each report
        # (the fact list and the panes measured again) delayed the keys pressed meanwhile.
        self.update(text, layout=False)
