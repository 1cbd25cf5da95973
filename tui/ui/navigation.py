"""Moving about the reader: the screens over the disputes (source, compare, search, help)
and the palette's jumps.  Screens are imported when first opened: start-up builds only
the disputes screen."""

from __future__ import annotations

from typing import Any

from textual.binding import Binding

from ..engine.model import Ref
from .labels import FILTERS
from .screens.disputes import DisputesScreen
from .state import ReaderState


class Navigation(ReaderState):
    """Opening screens and jumping to facts, from keys, the palette and the notes list."""

    user_keymap: dict[str, str]   # the user's keys by binding id (the help screen shows them)

    def pop_to_disputes(self) -> DisputesScreen | None:
        while len(self.screen_stack) > 1 and not isinstance(self.screen, DisputesScreen):
            self.pop_screen()
        return self.disputes_screen

    def open_source(self, article_id: str, ref: Ref | None) -> None:
        from .screens.source import SourceScreen

        try:
            article = self.corpus.article(article_id)
        except KeyError:
            self.notify("That article is not in the corpus.", severity="warning")
            return
        self.push_screen(SourceScreen(self.corpus, article, ref))

    def open_compare(self, left: str | None, right: str | None,
                     marks: tuple[Ref, ...] = ()) -> None:
        """Compare two articles, opening on the sentences `marks` (highlighted).

        A missing left article is the corpus's first; a missing right one is the
        article that shares most pairs with the left, so the view has something to align.
        """
        from .screens.compare import CompareScreen

        ids = [a.id for a in self.corpus.articles]
        if len(ids) < 2:
            self.notify("Compare needs at least two articles.", severity="warning")
            return
        left = left if left in ids else ids[0]
        if right not in ids or right == left:
            right = self._closest_article(left, ids)
        self.push_screen(CompareScreen(self.corpus, self.analysis, left, right, marks))

    def _closest_article(self, left: str, ids: list[str]) -> str:
        """The article most paired with `left`, else the next one in the corpus."""
        shared: dict[str, int] = {}
        for pair in self.analysis.pairs if self.analysis else ():
            if left in (pair.a.article, pair.b.article):
                other = pair.b.article if pair.a.article == left else pair.a.article
                shared[other] = shared.get(other, 0) + 1
        following = [i for i in ids[ids.index(left) + 1:] + ids if i != left]
        return max(following, key=lambda i: shared.get(i, 0)) if shared else following[0]

    def compare_with(self, article_id: str) -> None:
        """Palette 'Compare with: ...': the selected account's article beside `article_id`."""
        disputes = self.pop_to_disputes()
        left = disputes.compare_choice()[0] if disputes is not None else None
        if left is None or left == article_id:
            left = next((a.id for a in self.corpus.articles if a.id != article_id), None)
        self.open_compare(left, article_id)

    def switch_view(self, name: str) -> None:
        """Palette 'View: ...' commands."""
        disputes = self.pop_to_disputes()
        if name == "compare" and disputes is not None:
            disputes.action_compare()
        elif name == "source" and disputes is not None:
            disputes.action_open_source()
        elif name == "help":
            self.action_help()

    def on_disputes(self, action: str, *args: object) -> None:
        """Palette: run a disputes-screen action (review, rename, mark, move...) on its selection."""
        disputes = self.pop_to_disputes()
        if disputes is not None:
            getattr(disputes, action)(*args)

    def jump_to_fact(self, fact_id: str) -> None:
        disputes = self.pop_to_disputes()
        if disputes is not None and not disputes.jump_to(fact_id):
            self.notify("That fact is not in the current results.", severity="warning")

    def set_filter(self, name: str) -> None:
        disputes = self.pop_to_disputes()
        if disputes is not None and name in FILTERS:
            disputes.set_filter(name)

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.binding_groups(), self.user_keymap))

    def binding_groups(self) -> list:
        """Every binding of the reader, grouped by where it works (for the help screen)."""
        from .screens.compare import CompareScreen
        from .screens.search import SearchScreen
        from .screens.source import SourceScreen
        from .widgets.dispute_panes import ACCOUNT_KEYS, DisputePanes
        from .widgets.fact_list import FACT_KEYS, FactList
        from .widgets.long_text import LongText
        from .screens import note_editor, notes_list, side_picker
        from .screens.help import HelpScreen
        from .screens.rename import RenameFact
        from .screens.side_editor import SideEditor

        shared = {b.id for b in (*FACT_KEYS, *ACCOUNT_KEYS)}  # bound on the screen too, hidden
        palette = Binding("ctrl+p", "command_palette", "Palette",
                          tooltip="Command palette: jump to a fact, switch view, filter, theme")
        return [
            ("everywhere", [*self.BINDINGS, palette]),
            ("disputes", [b for b in DisputesScreen.BINDINGS
                          if isinstance(b, Binding) and b.id not in shared]),
            ("the selected fact", FACT_KEYS),
            ("the selected account", ACCOUNT_KEYS),
            ("fact list", [*(b for b in FactList.BINDINGS if b not in FACT_KEYS),
                           Binding("up,down", "", tooltip="Move in the list (mouse: click)")]),
            ("panes", [b for b in DisputePanes.BINDINGS if b not in ACCOUNT_KEYS]),
            ("compare", list(CompareScreen.BINDINGS)),
            ("source", list(SourceScreen.BINDINGS)),
            ("source and compare text", list(LongText.BINDINGS)),
            ("note editor", list(note_editor.NoteEditor.BINDINGS)),
            ("notes list", list(notes_list.NotesList.BINDINGS)),
            ("delete a note", list(note_editor.ConfirmDelete.BINDINGS)),
            ("side picker", list(side_picker.SidePicker.BINDINGS)),
            ("rename a fact", list(RenameFact.BINDINGS)),
            ("side editor", [*(b for b in SideEditor.BINDINGS if isinstance(b, Binding) and b.show),
                             Binding("1,2,3,4,5,6,7,8,9", "", key_display="1-9",
                                     tooltip="Move the selected actor to that side"),
                             Binding("0", "", tooltip="Put the selected actor on no side")]),
            ("help", list(HelpScreen.BINDINGS)),
            ("search", list(SearchScreen.BINDINGS)),
        ]

    def action_search(self) -> None:
        from .screens.search import SearchScreen

        if isinstance(self.screen, SearchScreen):
            return
        self.push_screen(SearchScreen(self.corpus, self.analysis), self._search_done)

    def _search_done(self, result: tuple[str, Any] | None) -> None:
        if not result:
            return
        kind, key = result
        if kind == "fact":
            self.jump_to_fact(key)
        elif kind == "ref":
            self.pop_to_disputes()
            self.open_source(key.article, key)
