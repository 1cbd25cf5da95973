"""The reader application: opens on the disputes, the engine's results arrive later.

Paint first, compute after: the disputes screen appears at once with a progress
line; the engine runs in a child process started before Textual was imported (see
`tui.ui.app`) or, failing that, in a thread worker.  The app is built in layers, one
job each: the state and the engine's runs (`state`), moving between screens
(`navigation`), the user's decisions (`decisions`), the corpus folder (`folder`), and
here start-up: themes (TOML files, bundled and the user's; the chosen one remembered in
the user's config folder), settings and the user's keymap.  Styles are in `reader.tcss`.
"""

from __future__ import annotations

import gc
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from ..engine.model import Analysis, Corpus
from . import config
from .background import ForkedAnalysis
from .commands import ReconcileCommands
from .folder import FolderActions
from .screens.disputes import DisputesScreen
from .themes import APP_VARIABLES, DEFAULT_THEME, ThemeSet, load_themes

def _load_theme_set() -> ThemeSet:
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


class ReaderApp(FolderActions):
    """The reader: disputes (default), compare and source screens, help and search."""

    TITLE = "reconcile"
    COMMANDS = App.COMMANDS | {ReconcileCommands}
    ENABLE_COMMAND_PALETTE = True
    CSS_PATH = "reader.tcss"
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
        super().__init__(corpus, notes_path, analysis, forked)
        self._startup_messages: list[str] = []
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
        if self._forked is not None:
            self.run_analysis()  # only waits on the child's pipe: no competition for the CPU
        elif self.results is None and self._latest is None:
            self.call_after_refresh(self.run_analysis)  # paint first, compute after
        self.call_after_refresh(self._started)

    def _started(self) -> None:
        """After the first paint: the cycle collector on again (`tui.ui.app.run_reader`
        keeps it off while start-up builds what lives as long as the app), with
        what start-up built frozen out of its way."""
        gc.enable()
        gc.freeze()

    def watch_theme(self, name: str) -> None:
        """Remember a theme the user picks (not one given with --theme at start)."""
        if not getattr(self, "_remember_theme", False):
            return
        problem = config.save_setting("theme", name)
        if problem:
            self.notify(problem, severity="warning", markup=False)
