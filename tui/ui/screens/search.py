"""Search facts and the articles' text; pick a result to jump there.

Returns ("fact", fact_id) or ("ref", Ref) to the caller, or None on escape.
"""

from __future__ import annotations

import re

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from ...engine.model import Analysis, Corpus, Ref
from ...engine.marks import status_label
from ..labels import ref_label
from ..safe_text import one_line

LIMIT = 200


def search(corpus: Corpus, analysis: Analysis | None,
           query: str) -> list[tuple[tuple[str, object], Text]]:
    """Facts whose title, evidence or accounts contain `query`, then matching sentences."""
    needle = query.casefold().strip()
    if not needle:
        return []
    results: list[tuple[tuple[str, object], Text]] = []
    for fact in analysis.facts if analysis else ():
        haystack = " ".join([fact.title, *map(str, fact.evidence), *(a.text for a in fact.accounts)])
        if needle in haystack.casefold():
            label = Text(f"{status_label(fact.status)}  ", style="bold")
            label.append(one_line(fact.title, 100))
            results.append((("fact", fact.id), label))
    for article in corpus.articles:
        for paragraph in article.paragraphs:
            for sentence in paragraph.sentences:
                if needle in sentence.text.casefold():
                    ref = Ref(article.id, paragraph.index, sentence.index)
                    label = Text(f"{one_line(article.id, 24)} {ref_label(ref)}  ", style="dim")
                    label.append_text(_snippet(sentence.text, query))
                    results.append((("ref", ref), label))
                    if len(results) >= LIMIT:
                        return results
    return results


def _snippet(text: str, query: str, width: int = 90) -> Text:
    """The part of `text` around the first match, on one line, cut at word boundaries,
    with the match highlighted."""
    flat = one_line(text)
    found = re.search(re.escape(query.strip()), flat, re.IGNORECASE)
    at, end_of_match = (found.start(), found.end()) if found else (0, 0)
    start = max(0, at - width // 3)
    if start:
        space = flat.find(" ", start, at)
        start = space + 1 if space >= 0 else start
    end = min(len(flat), start + width)
    if end < len(flat):
        space = flat.rfind(" ", max(end_of_match, start), end)
        end = space if space > end_of_match else end
    snippet = Text(("…" if start else "") + flat[start:end] + ("…" if end < len(flat) else ""))
    if found:
        shift = 1 if start else 0
        snippet.stylize("bold reverse", at - start + shift, end_of_match - start + shift)
    return snippet


class SearchScreen(ModalScreen[tuple[str, object] | None]):
    """Type to filter; enter or a click opens the highlighted result."""

    BINDINGS = [
        Binding("escape", "dismiss", "Close", id="search.close", tooltip="Close the search"),
        Binding("down", "move(1)", "Down", show=False, id="search.down",
                tooltip="Next result"),
        Binding("up", "move(-1)", "Up", show=False, id="search.up", tooltip="Previous result"),
    ]

    DEFAULT_CSS = """
    SearchScreen { align: center top; }
    SearchScreen > Vertical { width: 90%; max-width: 120; height: 80%; margin-top: 2;
        border: round $primary; background: $surface; }
    SearchScreen OptionList { height: 1fr; border: none; }
    """

    def __init__(self, corpus: Corpus, analysis: Analysis | None) -> None:
        super().__init__()
        self.corpus = corpus
        self.analysis = analysis
        self.keys: list[tuple[str, object]] = []

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "search facts and text"
            yield Input(placeholder="words to find… (enter opens, esc closes)")
            yield OptionList()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        results = search(self.corpus, self.analysis, event.value)
        options = self.query_one(OptionList)
        options.clear_options()
        self.keys = [key for key, _ in results]
        options.add_options([Option(label) for _, label in results])
        if results:
            options.highlighted = 0
        options.border_title = f"{len(results)} results" if event.value.strip() else ""

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._choose(self.query_one(OptionList).highlighted)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option_index)

    def _choose(self, index: int | None) -> None:
        if index is not None and index < len(self.keys):
            self.dismiss(self.keys[index])

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            current = options.highlighted if options.highlighted is not None else -1
            options.highlighted = max(0, min(current + step, options.option_count - 1))
