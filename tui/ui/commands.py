"""Command palette (ctrl+p): jump to a fact, switch views, filter (themes: Textual's "Theme").

Every hit's text is built as plain Content: fact titles come from untrusted
article text and must never be read as markup.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from ..engine.marks import status_label
from .labels import FILTERS, article_label
from .safe_text import one_line

if TYPE_CHECKING:
    from .reader import ReaderApp


class ReconcileCommands(Provider):
    """The reader's own commands, next to Textual's system commands."""

    def _commands(self) -> list[tuple[str, Callable[[], object], str | None]]:
        app = cast("ReaderApp", self.app)
        commands: list[tuple[str, Callable[[], object], str | None]] = [
            ("View: disputes", partial(app.switch_view, "disputes"), "The facts and both sides"),
            ("View: compare", partial(app.switch_view, "compare"), "Two articles side by side"),
            ("View: source", partial(app.switch_view, "source"), "The selected account's article"),
            ("View: help", partial(app.switch_view, "help"), "Every key"),
            ("Search facts and text", app.action_search, "Find words in facts and articles"),
            ("Add articles by URL…", app.action_add_urls, "Fetch pages into this folder and analyse them"),
            ("Note on the selected fact or account…", app.action_annotate, "key: a"),
            ("Notes list", app.action_notes, "Browse, filter, edit and jump to notes · key: N"),
            ("Fact: confirm", partial(app.on_disputes, "action_review", "confirmed"), "key: y"),
            ("Fact: dismiss", partial(app.on_disputes, "action_review", "dismissed"), "key: d"),
            ("Fact: rename…", partial(app.on_disputes, "action_rename"), "key: r"),
            ("Fact: merge (on one fact, then on the other)", partial(app.on_disputes, "action_merge"),
             "key: M"),
            ("Account: fix side…", app.action_fix_side, "Who the selected account speaks for · key: S"),
            ("Account: mark", partial(app.on_disputes, "action_mark"),
             "Then pair it with another, or make a dispute of the two · key: m"),
            ("Account: same fact as the marked one", partial(app.on_disputes, "action_link", True),
             "key: ="),
            ("Account: not the same fact as the marked one",
             partial(app.on_disputes, "action_link", False), "key: x"),
            ("Account: make a dispute with the marked one…",
             partial(app.on_disputes, "action_make_dispute"), "key: D"),
            ("Account: move to another fact…", partial(app.on_disputes, "action_move_account"),
             "Or split it off into a fact of its own · key: v"),
            ("Sides: edit…", app.action_edit_sides,
             "Add and rename sides, add actors, move an actor to another side · key: E"),
            ("Undo", app.action_undo, "The session's last change to notes, reviews, pairings or "
             "sides · key: u"),
            ("Redo", app.action_redo, "key: ctrl+r"),
            ("Export: HTML report", partial(app.export_here, "html"),
             "Both sides side by side, your decisions and notes, in .reconcile/exports"),
            ("Export: Markdown report", partial(app.export_here, "markdown"),
             "The report as Markdown, in .reconcile/exports"),
            ("Export: JSON", partial(app.export_here, "json"),
             "Everything the engine found, with provenance, in .reconcile/exports"),
            ("Case file: write reconcile.toml from the inferred sides", app.write_case_file,
             "Name the sides yourself: a draft to check and edit"),
        ]
        commands += [(f"Filter: {name}", partial(app.set_filter, name), f"Show {name} facts")
                     for name in FILTERS]
        for article in app.corpus.articles[:200]:
            label = f"Compare with: {one_line(article_label(article), 70)} ({one_line(article.id, 40)})"
            commands.append((label, partial(app.compare_with, article.id),
                             "The selected account's article beside this one"))
        analysis = getattr(app, "analysis", None)
        for fact in analysis.facts if analysis else ():
            label = f"Jump to fact: {status_label(fact.status)} {one_line(fact.title, 80)}"
            commands.append((label, partial(app.jump_to_fact, fact.id), None))   # one line each
        return commands

    async def discover(self) -> Hits:
        for label, callback, help_text in self._commands()[:12]:
            yield DiscoveryHit(Content(label), callback, text=label, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, callback, help_text in self._commands():
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, Content(label), callback, text=label, help=help_text)
