"""Add articles by URL: paste one or more page addresses; the app fetches them into the
corpus folder (`tui.engine.adding`) and analyses the folder again."""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from ..safe_text import plain

_URL = re.compile(r"https?://\S+")


def urls_in(text: str) -> list[str]:
    """Every http(s) address in pasted text, in order, once each."""
    return list(dict.fromkeys(m.group(0).rstrip(").,;'\"") for m in _URL.finditer(text)))


class AddUrlsScreen(ModalScreen[list[str] | None]):
    """Paste addresses (one a line, or any text that holds them); ctrl+s adds, escape cancels."""

    DEFAULT_CSS = """
    AddUrlsScreen { align: center middle; }
    AddUrlsScreen > Vertical { width: 90%; max-width: 100; height: auto; max-height: 90%;
                               border: thick $accent; background: $surface; padding: 0 1; }
    AddUrlsScreen TextArea { height: 8; }
    AddUrlsScreen #add-hint, AddUrlsScreen #add-keys { color: $text-muted; }
    AddUrlsScreen #add-error { color: $error; }
    """
    BINDINGS = [
        Binding("ctrl+s", "add", "Add", priority=True, id="add.go", tooltip="Fetch the pages and add them"),
        Binding("f2", "add", "Add", show=False, priority=True, id="add.go_alt",
                tooltip="Add (for terminals where ctrl+s is taken)"),
        Binding("escape", "cancel", "Cancel", id="add.cancel", tooltip="Close without adding"),
    ]

    def __init__(self, folder: str) -> None:
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(plain("Add articles by URL"), id="add-title")
            yield Static(plain(f"Each page is fetched, its article taken out and saved in {self.folder}."),
                         id="add-hint")
            yield TextArea(id="add-urls")
            yield Static("", id="add-error")
            yield Static(plain("ctrl+s / F2 add · esc cancel"), id="add-keys")

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_add(self) -> None:
        urls = urls_in(self.query_one(TextArea).text)
        if not urls:
            self.query_one("#add-error", Static).update(plain("No http(s) address in the text."))
            return
        self.dismiss(urls)

    def action_cancel(self) -> None:
        self.dismiss(None)
