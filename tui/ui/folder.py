"""The corpus folder the reader has open: pages added to it, its case file written and
edited, and the screenshots and exports saved in it (its hidden `.reconcile` folder, so the
next load does not list them as skipped files; else the user's data folder)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual import work
from textual.app import SystemCommand
from textual.screen import Screen

from ..engine.model import Case, Corpus
from .decisions import Decisions


class FolderActions(Decisions):
    """Adding pages, writing the case file, the side editor, screenshots and exports."""

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
        store = self.notes_store
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
            self.call_from_thread(self.use_corpus, corpus)

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
        self.use_corpus(fresh)
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
