"""A one-line title bar; unlike Textual's Header it renders the (untrusted) corpus
title as plain Text and has no clock, so screenshots and snapshots are stable."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ..safe_text import one_line


class TitleBar(Static):
    """'reconcile ─ <corpus title> ─ <where you are>'."""

    DEFAULT_CSS = """
    TitleBar { dock: top; height: 1; background: $panel; color: $foreground; padding: 0 1; }
    """

    def set_title(self, title: str, where: str = "") -> None:
        text = Text()
        text.append("reconcile", style="bold")
        text.append(" ─ " + one_line(title))
        if where:
            text.append(" ─ " + one_line(where), style="italic")
        self.update(text)
