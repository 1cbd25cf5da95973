"""The reader application: opens on the disputes, the engine's results arrive later.

Paint first, compute after: the disputes screen appears at once with a
progress line; the engine runs in a child process started before Textual was
imported (see `tui.ui.app`) or, failing that, in a thread worker, and its
result is posted back as a message; screens only read that result.  Themes come from TOML files (bundled and
the user's), and the chosen one is remembered in the user's config folder.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from textual import on, work
from textual.app import App, SystemCommand
from textual.screen import Screen
from textual.binding import Binding
from textual.message import Message
from textual.worker import Worker, WorkerState

from ..engine.model import Analysis, Case, Corpus, Fact, Ref
from .background import ForkedAnalysis
from . import config
from .commands import ReconcileCommands
from .labels import FILTERS
from .messages import APPLIED_AT_ONCE, DecisionsChanged, NotesChanged
from .screens.disputes import DisputesScreen
from .themes import APP_VARIABLES, DEFAULT_THEME, load_themes

if TYPE_CHECKING:
    from ..engine.anchors import Anchor
    from ..engine.notes import NoteStore, ReviewVerdict

T = TypeVar("T")


FIRST_PAINT_WAIT = 0.03  # seconds the first paint waits for an engine child that is finishing


class AnalysisReady(Message):
    """The engine finished; carries its results to the UI thread."""

    def __init__(self, analysis: Analysis) -> None:
        super().__init__()
        self.analysis = analysis


class AnalysisPreview(Message):
    """A large corpus's first results, shown while the engine works on: the first
    articles' analysis, or the whole analysis before its pairs (`total` articles in all)."""

    def __init__(self, analysis: Analysis, total: int) -> None:
        super().__init__()
        self.analysis, self.total = analysis, total


class AnalysisProgress(Message):
    """A progress report from the engine's worker."""

    def __init__(self, stage: str, done: int, total: int) -> None:
        super().__init__()
        self.stage, self.done, self.total = stage, done, total


def _load_theme_set():
    from ..resources import bundled_themes

    try:
        bundled = bundled_themes()
    except FileNotFoundError:
        bundled = Path("/nonexistent")
    return load_themes(bundled, config.user_themes_dir())


def _warnings_summary(warnings: tuple[str, ...]) -> str:
    """The corpus's warnings (skipped files, bad encodings) in one toast; all are printed on quit."""
    shown = "\n".join(warnings[:3])
    more = f"\n… and {len(warnings) - 3} more" if len(warnings) > 3 else ""
    return f"{len(warnings)} warning{'s' if len(warnings) != 1 else ''} (printed again when you quit):\n{shown}{more}"


class ReaderApp(App[None]):
    """The reader: disputes (default), compare and source screens, help and search."""

    TITLE = "reconcile"
    COMMANDS = App.COMMANDS | {ReconcileCommands}
    ENABLE_COMMAND_PALETTE = True
    # The compact footer leaves a one-cell margin right of the palette key, where the end of
    # an overflowing list of keys showed through (a stray letter at 80 columns).
    CSS = "Footer.-compact FooterKey.-command-palette { margin-right: 0; padding-right: 1; }"
    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit reconcile"),
        Binding("question_mark", "help", "Help", id="app.help", key_display="?",
                tooltip="Show every key"),
        Binding("slash", "search", "Search", id="app.search", key_display="/",
                tooltip="Search facts and the articles' text"),
        Binding("a", "annotate", "Note", show=False, id="app.annotate",
                tooltip="Annotate the selected fact or account"),
        Binding("u", "undo", "Undo", show=False, id="app.undo",
                tooltip="Undo the last change to notes, reviews, pairings or sides"),
        Binding("ctrl+r", "redo", "Redo", show=False, id="app.redo",
                tooltip="Make the last undone change again"),
        Binding("N", "notes", "Notes", show=False, id="app.notes",
                tooltip="Browse, filter, edit and jump to notes"),
        Binding("E", "edit_sides", "Sides", show=False, id="app.sides",
                tooltip="Edit the sides: add, rename, add actors, move an actor (saved to the "
                        "case file)"),
    ]

    async def action_quit(self) -> None:
        """Quit, unless the screen holds unsaved work and asks first (the note editor).

        Asked once the focused widget has taken the keys typed before the quit key, so
        text still on its way into the note editor counts as unsaved work.
        """
        (self.screen.focused or self.screen).call_later(self._quit_unless_asked)

    def _quit_unless_asked(self) -> None:
        confirm = getattr(self.screen, "confirm_quit", None)
        if confirm is None or confirm():
            self.exit()

    def __init__(self, corpus: Corpus, theme_name: str | None = None,
                 notes_path: Path | None = None, analysis: Analysis | None = None,
                 forked: ForkedAnalysis | None = None) -> None:
        """`analysis` skips the engine (tests pass a hand-built one); `forked` is the
        engine already running in a child process.

        Raises tui.errors.UserError for an unknown `theme_name`, before anything is drawn.
        """
        super().__init__()
        self.corpus = corpus
        self.notes_path = notes_path
        self.analysis: Analysis | None = analysis
        self._given_analysis = analysis is not None
        self._startup_messages: list[str] = []
        self.engine_error: str | None = None   # why the last analysis failed, for the empty screen
        self.marked_ref: Ref | None = None  # m: a sentence kept for D (make a dispute)
        if corpus.warnings:
            self._startup_messages.append(_warnings_summary(corpus.warnings))
        found = _load_theme_set()
        self._startup_messages += found.errors
        for theme in found.themes.values():
            self.register_theme(theme)
        self._theme_names = sorted(found.themes)
        settings, problem = config.load_settings()
        if problem:
            self._startup_messages.append(f"settings ignored: {problem}")
        chosen: str | None
        if theme_name is not None:
            if theme_name not in self.available_themes:
                from ..errors import UserError

                names = ", ".join(self._theme_names) or "none"
                broken = "".join(f"; {error}" for error in found.errors)
                raise UserError(f"unknown theme '{theme_name}'; available: {names} "
                                f"(or any Textual built-in theme, e.g. textual-dark){broken}")
            chosen = theme_name
        else:
            saved = settings.get("theme")
            chosen = saved if isinstance(saved, str) and saved in self.available_themes else None
            if saved and chosen is None:
                self._startup_messages.append(f"saved theme '{saved}' is not available")
            chosen = chosen or (DEFAULT_THEME if DEFAULT_THEME in self.available_themes
                                else "textual-dark")
        self.theme = chosen
        self._apply_keymap(settings.get("keymap"))
        self._remember_theme = False
        self._forked = forked
        self._child_result: threading.Event | None = None  # set when the child's result is in
        self._from_child: Analysis | None = None
        self._preview_total: int | None = None  # articles in all while a preview is shown

    def _apply_keymap(self, keymap: object) -> None:
        """The user's own keys: `[keymap]` in settings.toml maps a binding id (the help screen
        and docs/reader.md list them) to keys, e.g. `"disputes.next" = "j,ctrl+n"`."""
        self.user_keymap: dict[str, str] = {}
        if keymap is None:
            return
        known = {b.id for _, bindings in self.binding_groups() for b in bindings if b.id}
        good = {k: v for k, v in keymap.items() if k in known and isinstance(v, str)} \
            if isinstance(keymap, dict) else {}
        bad = sorted(set(keymap) - set(good)) if isinstance(keymap, dict) else ["(not a table)"]
        if bad:
            self._startup_messages.append("keymap: ignored " + ", ".join(bad)
                                          + " (unknown binding ids, or keys that are not text)")
        self.user_keymap = good
        self.set_keymap(good)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's commands, with a screenshot that is saved where it can be and says where."""
        for command in super().get_system_commands(screen):
            if command.title == "Screenshot":
                yield SystemCommand("Screenshot", "Save an SVG of the screen in the corpus's "
                                    ".reconcile/screenshots (or the data folder) and say where",
                                    lambda: self.set_timer(0.1, self.screenshot_here))
            else:
                yield command

    def _output_folder(self, kind: str) -> Path:
        """Where the reader writes screenshots and exports: the corpus's hidden .reconcile
        folder (so the next load does not list them as skipped files), else the data folder."""
        from ..engine.atomic import can_write_in
        from ..engine.userdirs import user_dir

        corpus = self.corpus.path if self.corpus.path.is_dir() else self.corpus.path.parent
        return corpus / ".reconcile" / kind if can_write_in(corpus) else user_dir("data") / kind

    def screenshot_here(self) -> None:
        """Textual's own saved to ~/Downloads and failed without a word when it did not exist."""
        folder = self._output_folder("screenshots")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = self.save_screenshot(path=str(folder))
        except OSError as exc:
            self.notify(f"Screenshot not saved: {folder}: {exc.strerror or exc}", severity="error",
                        markup=False)
            return
        self.notify(f"Screenshot saved to {path}", markup=False, timeout=6)

    @work(thread=True, group="export", exit_on_error=False)
    def export_here(self, fmt: str) -> None:
        """Palette 'Export: ...': the analysis as shown (with the user's decisions) and the
        notes, written to the output folder; the path is said when done."""
        from time import strftime

        from ..engine.atomic import write_atomic
        from ..engine.export.report import to_html, to_markdown

        analysis = self.analysis
        if analysis is None:
            self.call_from_thread(self.notify, "Nothing to export yet: the engine is reading.")
            return
        store = self._notes_ui().store_for(self)
        folder = self._output_folder("exports")
        path = folder / f"reconcile-{strftime('%Y%m%d-%H%M%S')}.{ {'markdown': 'md'}.get(fmt, fmt)}"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if fmt == "json":
                from ..engine.export.jsondoc import write_json
                from ..engine.notes import notes_json

                with open(path, "w", encoding="utf-8") as out:
                    write_json(analysis, out, notes_json(store, analysis.corpus))
            else:
                markdown = to_markdown(analysis, store)
                text = markdown if fmt == "markdown" else to_html(markdown, analysis.corpus.title)
                write_atomic(path, text.encode("utf-8"), keep_backup=False)
        except OSError as exc:
            self.call_from_thread(self.notify, f"Not exported: {path}: {exc.strerror or exc}",
                                  severity="error", markup=False)
            return
        self.call_from_thread(self.notify, f"Exported to {path}", markup=False, timeout=8)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """Side colours and the dispute highlight for themes that do not set them."""
        return dict(APP_VARIABLES)

    # -- start: paint first, compute after -------------------------------------------------

    def get_default_screen(self) -> DisputesScreen:
        """The disputes screen is the base of the stack: one screen to build at start."""
        return DisputesScreen(self.corpus)

    def on_mount(self) -> None:
        for message in self._startup_messages:
            self.notify(message, severity="warning", markup=False, timeout=8)
        self._remember_theme = True
        if self.analysis is not None:
            self.call_after_refresh(self._deliver, self.analysis)
        elif self._forked is not None:
            self._child_result = threading.Event()
            self.run_analysis()  # only waits on the child's pipe: no competition for the CPU
        else:
            self.call_after_refresh(self.run_analysis)  # paint first, compute after
        self.call_after_refresh(self._started)

    def _started(self) -> None:
        """After the first paint: the cycle collector on again (`tui.ui.app.run_reader`
        keeps it off while start-up builds what lives as long as the app), with
        what start-up built frozen out of its way."""
        gc.enable()
        gc.freeze()

    @work(thread=True, exclusive=True, group="analysis", exit_on_error=False)
    def run_analysis(self) -> Analysis:
        """The engine, off the UI thread; progress and result come back as messages.

        The first run reads the child process started in `__init__`; re-runs
        (after the user changes a pairing or side decision) compute here.
        """
        from .background import analyse_here

        forked, self._forked = self._forked, None
        self._reading_child = forked   # still killed by on_unmount if the user quits meanwhile
        if forked is not None:
            for frame in forked.frames():
                if frame[0] == "progress":
                    self.post_message(AnalysisProgress(*frame[1:]))
                elif frame[0] == "preview":
                    self._from_child = frame[1]
                    self._preview_total = frame[2]
                    if self._child_result is not None:
                        self._child_result.set()
                    self.post_message(AnalysisPreview(frame[1], frame[2]))
                elif frame[0] == "result":
                    analysis, problem = frame[1], frame[2]
                    self._from_child = analysis
                    if self._child_result is not None:
                        self._child_result.set()
                    break
                else:
                    raise RuntimeError(frame[1])
        else:
            def progress(stage: str, done: int, total: int) -> None:
                self.post_message(AnalysisProgress(stage, done, total))

            analysis, problem = analyse_here(self.corpus, self.notes_path, progress)
        if problem:
            self.call_from_thread(self.notify, problem, severity="error", markup=False,
                                  timeout=15)
        self.post_message(AnalysisReady(analysis))
        return analysis

    def analysis_for_first_paint(self) -> Analysis | None:
        """The analysis for the disputes screen's first paint, if the engine has it by then.

        A child process that is finishing (a first launch on a small corpus)
        gets up to FIRST_PAINT_WAIT: then the first paint shows the first
        dispute, instead of a progress screen that is replaced a moment later
        at the cost of a second full paint.
        """
        if self.analysis is None and self._child_result is not None:
            self._child_result.wait(FIRST_PAINT_WAIT)
            self.analysis = self._from_child  # AnalysisReady or AnalysisPreview follows
            if self.analysis is not None and self.analysis.corpus is not self.corpus:
                self.corpus = self.analysis.corpus
        return self.analysis

    @property
    def preview_total(self) -> int | None:
        """While a preview is shown: how many articles the full analysis covers."""
        return self._preview_total

    def _notes_ui(self):
        """The notes screens (imported on first use: start-up does not pay for them)."""
        from . import notes_ui

        return notes_ui

    def notes_changed(self) -> None:
        """Notes were saved or deleted: rebuild the markers."""
        self.index_notes()

    @on(NotesChanged)
    def _notes_saved(self) -> None:
        self.notes_changed()

    @on(DecisionsChanged)
    def _decided(self, message: DecisionsChanged) -> None:
        """A dialog changed decisions: facts take reviews, made disputes and moves at once;
        pairings and sides need the engine to run again."""
        if message.kind in APPLIED_AT_ONCE:
            self.reviews_changed(message.store)
        else:
            self.notes_changed()
            self.run_analysis()

    @work(thread=True, exclusive=True, group="notes", exit_on_error=False)
    def index_notes(self) -> None:
        """Place the notes on this analysis (off the UI thread) for the markers."""
        if self.analysis is None:
            return
        try:
            from ..engine.notes import NoteIndex
        except ImportError:
            return
        store = getattr(self, "notes_store", None)
        if store is None:
            path = self.notes_path
            if path is None:
                from ..engine.notes import default_notes_path

                path = default_notes_path(self.corpus.path)
            if not Path(path).exists():
                return
            from ..engine.notes import open_store

            store = open_store(self.corpus, self.notes_path)
        index = NoteIndex.build(store, self.corpus)
        self.call_from_thread(self._set_note_index, index)
        if store.reviews:
            self.call_from_thread(self.reviews_changed, store)

    def _set_note_index(self, index) -> None:
        self.note_index = index
        disputes = self.disputes_screen
        if disputes is not None and disputes.ready:
            disputes.show_notes(index)

    def reviews_changed(self, store) -> None:
        """Apply the notes file's reviews to the engine's facts (no new analysis needed)."""
        from dataclasses import replace

        from ..engine.reviews import apply_reviews

        if self.analysis is None:
            return
        engine = replace(self.analysis, facts=getattr(self, "engine_facts", self.analysis.facts))
        self.analysis = apply_reviews(engine, store)
        disputes = self.disputes_screen
        if disputes is not None and disputes.ready:
            disputes.show_facts(self.analysis)

    def _decide(self, change: Callable[[NoteStore], T]) -> tuple[bool, T | None]:
        """Write one decision about the facts (`change` on the notes store) and show the
        facts with it: (True, what `change` returned), or (False, None) with the reason
        said when the store refused the save."""
        from ..engine.notes import SAVE_ERRORS

        store = self._notes_ui().store_for(self)
        try:
            done = change(store)
        except SAVE_ERRORS as exc:
            self.notify(f"Not saved: {exc}", severity="error", markup=False)
            return False, None
        self.reviews_changed(store)
        return True, done

    def _first_anchor(self, fact: Fact | None) -> Anchor | None:
        """The anchor a decision keeps of a fact: its first account's sentence."""
        from ..engine.anchors import anchor_for_ref

        return anchor_for_ref(self.corpus, fact.accounts[0].ref) if fact and fact.accounts else None

    def review_fact(self, fact, verdict: ReviewVerdict | None, title: str | None, done: str) -> None:
        """Record the user's word on a fact (y, d, r on the disputes screen) and say `done`."""
        anchor = self._first_anchor(fact)
        saved, _ = self._decide(lambda store: store.review_fact(fact.id, anchor, verdict=verdict,
                                                                title=title))
        if saved:
            self.notify(f"{done}: {fact.engine_title or fact.title} (u undoes)", timeout=3,
                        markup=False)

    def regroup(self, into: Fact | None, done: str, *, fact: Fact | None = None,
                account: Ref | None = None) -> None:
        """Merge `fact` into `into`, or move the account at `account` into it (None: split it
        off into a fact of its own), and show the fact that grew."""
        from ..engine.anchors import anchor_for_ref
        from ..engine.notes import NEW_FACT
        from ..engine.reviews import split_id

        moved = anchor_for_ref(self.corpus, account) if account else None
        _, move = self._decide(lambda store: store.move(
            into.id if into else NEW_FACT, self._first_anchor(into), fact=fact.id if fact else None,
            fact_anchor=self._first_anchor(fact), account=moved))
        if move is not None:
            self.jump_to_fact(into.id if into else split_id(move))
            self.notify(f"{done} (u undoes)", timeout=3, markup=False)

    def mark_ref(self, ref: Ref, text: str) -> None:
        """Remember a sentence (m) for a dispute made from it and another one (D)."""
        self.marked_ref = ref
        self.notify(f"Marked: {text[:60]}. Select a sentence of the other side (an account, "
                    "or the source view's cursor) and press D to make a dispute of the two.",
                    timeout=6, markup=False)

    def make_dispute(self, ref: Ref | None) -> None:
        """D: a dispute the engine missed, made from the marked sentence and `ref`."""
        from .screens.rename import RenameFact

        marked = self.marked_ref
        if marked is None or ref is None or marked == ref:
            self.notify("Press m on one sentence, then D on another.", timeout=3)
            return

        def named(title: str | None) -> None:
            if title:
                self._save_made((marked, ref), title)

        self.push_screen(RenameFact("", "a question for the dispute you make (e.g. Who fired "
                                        "first?) · enter make it · escape cancel"), named)

    def _save_made(self, refs: tuple[Ref, Ref], title: str) -> None:
        from ..engine.anchors import anchor_for_ref
        from ..engine.reviews import made_id

        anchors = tuple(anchor_for_ref(self.corpus, r) for r in refs)
        _, made = self._decide(lambda store: store.make_fact(title, anchors))
        if made is None:
            return
        self.marked_ref = None
        self.pop_to_disputes()
        self.jump_to_fact(made_id(made))
        self.notify(f"Made the dispute: {title} (u undoes)", timeout=3, markup=False)

    def action_undo(self) -> None:
        self._replay("undo")

    def action_redo(self) -> None:
        self._replay("redo")

    def _replay(self, which: str) -> None:
        """Undo or redo one change of this session, then show its effect."""
        from ..engine.notes import SAVE_ERRORS

        store = self._notes_ui().store_for(self)
        try:
            kind = getattr(store, which)()
        except SAVE_ERRORS as exc:
            self.notify(f"Not {which}ne: {exc}", severity="error", markup=False)
            return
        if kind is None:
            self.notify(f"Nothing to {which} in this session.", timeout=2)
            return
        self._notes_ui().show_change(self, kind, store)
        what = {"notes": "a note", "links": "a pairing", "sides": "a side correction",
                "reviews": "a confirm, dismiss or rename", "facts": "a dispute you made",
                "moves": "a merge or move"}.get(kind, f"a change to {kind}")
        self.notify(f"{which.capitalize()}ne: {what}.", timeout=2)

    def on_analysis_progress(self, message: AnalysisProgress) -> None:
        disputes = self.disputes_screen
        if disputes is not None and disputes.ready:
            disputes.show_progress(message.stage, message.done, message.total)

    def on_analysis_preview(self, message: AnalysisPreview) -> None:
        """Show a large corpus's first results; the full analysis replaces them."""
        analysis = message.analysis
        if self._preview_total is None:
            return  # the full result is already in
        self.analysis = analysis
        self.engine_facts = analysis.facts
        self.corpus = analysis.corpus
        disputes = self.disputes_screen
        if disputes is not None and disputes.ready:
            if disputes.corpus is not analysis.corpus:
                disputes.use_corpus(analysis.corpus)
            if disputes.analysis is not analysis:
                disputes.set_analysis(analysis)
            disputes.show_preview(len(analysis.corpus.articles), message.total)

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        if self._preview_total is not None and self.analysis is not None \
                and message.analysis.facts is getattr(self, "engine_facts", None):
            self._add_pairs(message.analysis)
            return
        self._preview_total = None
        if message.analysis.corpus is not self.corpus:  # the full corpus after its preview
            self.corpus = message.analysis.corpus
            disputes = self.disputes_screen
            if disputes is not None:
                disputes.use_corpus(self.corpus)
        self._deliver(message.analysis)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "analysis" and event.state == WorkerState.ERROR:
            error = event.worker.error
            # the child's failures arrive as RuntimeError("ValueError: ..."): say them as sent
            self.engine_error = str(error) if type(error) is RuntimeError else f"{type(error).__name__}: {error}"
            shown = self.analysis if self._preview_total is not None else None
            if shown is not None:  # what was done stays: the preview, said to be one
                self.notify(f"The engine failed on the whole folder ({self.engine_error}); showing "
                            f"{len(shown.corpus.articles)} of its {self._preview_total} articles.",
                            severity="error", markup=False, timeout=30)
                self._preview_total = None
                disputes = self.disputes_screen
                if disputes is not None and disputes.ready:
                    disputes.set_analysis(shown)  # the progress line goes, the place stays
                self._deliver(shown)
                return
            self.notify(f"The engine failed: {self.engine_error}", severity="error", markup=False,
                        timeout=15)
            self._deliver(Analysis(self.corpus))

    def on_unmount(self) -> None:
        """Stop the engine's child, whether it is waiting to be read or being read: a child
        left working kept the terminal blank and a core busy after the user quit."""
        for forked in (getattr(self, "_forked", None), getattr(self, "_reading_child", None)):
            if forked is not None:
                forked.close()

    def _add_pairs(self, analysis: Analysis) -> None:
        """The pairs of the facts already on screen (a large corpus's warm start): the
        list is not filled again (391 facts took ~80 ms of the UI thread)."""
        from dataclasses import replace

        self._preview_total = None
        self.analysis = replace(analysis, facts=self.analysis.facts if self.analysis else analysis.facts)
        disputes = self.disputes_screen
        if disputes is not None and disputes.ready:
            disputes.end_preview(self.analysis)
        gc.freeze()

    def _deliver(self, analysis: Analysis) -> None:
        self.engine_facts = analysis.facts  # before reviews: they are applied again on change
        self.analysis = analysis
        disputes = self.disputes_screen
        # A screen not mounted yet picks the analysis up in its on_mount; one that did
        # (an analysis given at start) is not filled and painted a second time.
        if disputes is not None and disputes.ready and disputes.analysis is not analysis:
            disputes.set_analysis(analysis)
        # The corpus and analysis live as long as the app: keep the cycle collector from
        # walking them again and again (its pauses showed as slow key presses).
        gc.freeze()
        # after the first dispute is painted: the notes engine's imports would compete with it
        self.set_timer(0.25, self.index_notes)

    @property
    def disputes_screen(self) -> DisputesScreen | None:
        return next((s for s in self.screen_stack if isinstance(s, DisputesScreen)), None)

    # -- navigation ---------------------------------------------------------------------------

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

    def watch_theme(self, name: str) -> None:
        """Remember a theme the user picks (not one given with --theme at start)."""
        if not getattr(self, "_remember_theme", False):
            return
        problem = config.save_setting("theme", name)
        if problem:
            self.notify(problem, severity="warning", markup=False)

    # -- actions ----------------------------------------------------------------------------

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
        from . import notes_ui
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
            ("note editor", list(notes_ui.NoteEditor.BINDINGS)),
            ("notes list", list(notes_ui.NotesList.BINDINGS)),
            ("delete a note", list(notes_ui.ConfirmDelete.BINDINGS)),
            ("side picker", list(notes_ui.SidePicker.BINDINGS)),
            ("rename a fact", list(RenameFact.BINDINGS)),
            ("side editor", [*(b for b in SideEditor.BINDINGS if isinstance(b, Binding) and b.show),
                             Binding("1,2,3,4,5,6,7,8,9", "", key_display="1-9",
                                     tooltip="Move the selected actor to that side"),
                             Binding("0", "", tooltip="Put the selected actor on no side")]),
            ("help", list(HelpScreen.BINDINGS)),
            ("search", list(SearchScreen.BINDINGS)),
        ]

    def action_add_urls(self) -> None:
        """Ask for page addresses to fetch into the corpus folder (not into the bundled sample)."""
        from ..resources import bundled_seeds
        from .screens.add_urls import AddUrlsScreen

        folder = self.corpus.path
        if folder.resolve() == bundled_seeds().resolve():
            self.notify("The bundled sample is read-only: open your own folder (reconcile FOLDER) to add "
                        "articles.", severity="warning", markup=False, timeout=8)
            return
        self.push_screen(AddUrlsScreen(str(folder)), self._add_urls_done)

    def _add_urls_done(self, urls: list[str] | None) -> None:
        if urls:
            self.notify(f"Fetching {len(urls)} page{'s' if len(urls) != 1 else ''}…", markup=False)
            self.add_urls(urls)

    @work(thread=True, exclusive=True, group="add", exit_on_error=False)
    def add_urls(self, urls: list[str]) -> None:
        """Fetch the pages into the corpus folder, load it again, and analyse it."""
        from ..engine.adding import add_urls
        from ..engine.text.loading import load_corpus

        results = add_urls(urls, self.corpus.path)
        added = [r for r in results if r.file]
        for r in results:
            if r.problem:
                self.call_from_thread(self.notify, f"{r.url}: {r.problem}", severity="error", markup=False,
                                      timeout=10)
        there = sum(1 for r in results if r.duplicate_of)
        summary = f"{len(added)} added" + (f", {there} already there" if there else "")
        self.call_from_thread(self.notify, summary, markup=False)
        if added:
            corpus = load_corpus(self.corpus.path, self.corpus.follow_links)
            self.call_from_thread(self._use_corpus, corpus)

    def write_case_file(self) -> None:
        """Palette: write reconcile.toml from the sides the engine inferred, never over an
        existing one, then read the folder again with it."""
        from ..engine.text.casefile import CASE_FILE

        corpus = self.analysis.corpus if self.analysis else self.corpus
        target = corpus.path / CASE_FILE
        if self._is_bundled(corpus):
            return
        if target.exists():
            self.notify(f"{target} exists; edit it (it is never overwritten).", markup=False,
                        timeout=5)
        elif not corpus.sides:
            self.notify("No sides inferred yet: nothing to write.", timeout=4)
        elif self.save_case(Case(corpus.title or None, corpus.sides)) is None:
            self.notify(f"Wrote {target}: check the sides and actors there (or press E).",
                        markup=False, timeout=8)

    def _is_bundled(self, corpus: Corpus) -> bool:
        """The bundled sample's case file is part of the install: say so, never write it."""
        from ..resources import bundled_seeds

        if corpus.path.resolve() != bundled_seeds().resolve():
            return False
        self.notify("The bundled sample has its case file; open a folder of your own.", timeout=4)
        return True

    def save_case(self, case: Case) -> str | None:
        """Write `case` as the folder's reconcile.toml and read the folder again with it.
        Returns None, or the one-line problem (also shown) when it could not be written."""
        from ..engine.text.casefile import CaseFileError, write_case
        from ..engine.text.loading import CorpusError, load_corpus

        try:
            path = write_case(self.corpus.path, case)
            fresh = load_corpus(path.parent, self.corpus.follow_links)
        except (OSError, CorpusError, CaseFileError) as exc:
            self.notify(f"Not written: {exc}", severity="error", markup=False)
            return str(exc)
        self._use_corpus(fresh)
        return None

    def action_edit_sides(self) -> None:
        """E: the side editor, on the case file's sides or, without one, the inferred ones."""
        from dataclasses import replace

        from ..engine.text.casefile import CASE_FILE, CaseFileError, read_case
        from .screens.side_editor import SideEditor

        corpus = self.analysis.corpus if self.analysis else self.corpus
        if self._is_bundled(corpus):
            return
        try:
            case = read_case(corpus.path)
        except CaseFileError as exc:
            self.notify(f"Fix the case file first: {exc}", severity="error", markup=False)
            return
        if not (corpus.path / CASE_FILE).exists():
            case = replace(case, title=corpus.title or None, sides=corpus.sides)
        self.push_screen(SideEditor(case, corpus.path / CASE_FILE, self.save_case))

    def _use_corpus(self, corpus: Corpus) -> None:
        """The folder changed (articles added): read it again and run the engine on it."""
        self.corpus = corpus
        disputes = self.disputes_screen
        if disputes is not None:
            disputes.use_corpus(corpus)
        self.run_analysis()

    def action_search(self) -> None:
        from .screens.search import SearchScreen

        if isinstance(self.screen, SearchScreen):
            return
        self.push_screen(SearchScreen(self.corpus, self.analysis), self._search_done)

    def _search_done(self, result) -> None:
        if not result:
            return
        kind, key = result
        if kind == "fact":
            self.jump_to_fact(key)
        elif kind == "ref":
            self.pop_to_disputes()
            self.open_source(key.article, key)

    def action_annotate(self) -> None:
        """Annotate the selected fact or account: the notes editor when it is installed."""
        disputes = self.disputes_screen
        fact = disputes.current_fact if disputes else None
        account = disputes.current_account if disputes else None
        self._notes_ui().open_editor(self, fact, account)

    def action_notes(self) -> None:
        self._notes_ui().open_notes_list(self)

    def action_fix_side(self) -> None:
        disputes = self.disputes_screen
        self._notes_ui().open_side_fix(self, disputes.current_account if disputes else None)

    def mark_pair(self, a, b, same: bool) -> None:
        """Store the user's pairing decision between two passages; the engine re-runs."""
        self._notes_ui().mark_pair(self, a, b, same)
