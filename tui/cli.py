"""The `reconcile` command: open the reader, or export headlessly.

Exit codes: 0 success, 1 bad input (a one-line message naming the file),
2 bad usage.  User errors never print a traceback.  Textual is imported only
when the reader opens, so `reconcile export` starts fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from . import __version__
from .errors import UserError, printable

FORMATS = ("json", "markdown", "html", "w3c")


def _reader_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reconcile",
        description="Compare competing accounts of one event. "
        "Opens the reader on PATH (default: the bundled sample). "
        "Run 'reconcile export --help' for the headless export.",
    )
    parser.add_argument("path", nargs="?", type=Path, help="folder of articles (.md, .txt)")
    parser.add_argument("--theme", help="theme name (see the themes/ folder)")
    parser.add_argument("--notes", type=Path, help="notes file (default: beside the corpus)")
    _follow_links_option(parser)
    parser.add_argument("--version", action="version", version=f"reconcile {__version__}")
    return parser


def _export_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reconcile export",
        description="Write what the engine finds in PATH (default: the bundled sample).",
    )
    parser.add_argument("path", nargs="?", type=Path, help="folder of articles (.md, .txt)")
    parser.add_argument("--format", choices=FORMATS, default="json", help="output format")
    parser.add_argument("-o", "--output", type=Path, help="write to FILE instead of stdout")
    parser.add_argument("--notes", type=Path, help="notes file (default: beside the corpus)")
    parser.add_argument("--diffs", action="store_true",
                        help="json: the word difference of every pair (default: only of the pairs "
                             "that join two accounts of one fact)")
    parser.add_argument("--all-pairs", action="store_true",
                        help="json: every pair the engine found (default: the weak pairs that no fact "
                             "uses are left out and counted; see docs/export.md)")
    _follow_links_option(parser)
    return parser


def _follow_links_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--follow-links", action="store_true",
                        help="read files that links lead to outside the folder (skipped by default)")


def _add_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reconcile add",
        description="Fetch web pages, take out each one's article, and add it to a corpus folder "
        "as NN_site.md (the raw page is kept under FOLDER/.pages/).",
    )
    parser.add_argument("urls", nargs="*", metavar="URL", help="page addresses (http or https)")
    parser.add_argument("--to", type=Path, default=Path("."), metavar="FOLDER",
                        help="the corpus folder (default: the current folder)")
    parser.add_argument("--from", dest="from_file", type=Path, metavar="FILE",
                        help="read the URLs from FILE, one a line ('#' starts a comment)")
    parser.add_argument("--force", action="store_true", help="replace an article already added from a URL")
    parser.add_argument("--timeout", type=float, default=20.0, metavar="S", help="seconds to wait for a page")
    return parser


def run_add(args: argparse.Namespace) -> int:
    """Add articles by URL: one line per URL (added, already there, or why not); exit 1 if any failed."""
    from .engine.adding import Added, add_urls

    urls = list(args.urls)
    if args.from_file is not None:
        try:
            lines = args.from_file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise UserError(f"{args.from_file}: cannot be read ({getattr(exc, 'strerror', None) or exc})") from None
        urls += [line.split("#", 1)[0].strip() for line in lines if line.split("#", 1)[0].strip()]
    if not urls:
        raise UserError("add: no URL given (as arguments or with --from FILE)")
    tty = sys.stderr.isatty()

    def report(k: int, n: int, added: Added) -> None:
        bar = f"[{'#' * (20 * k // n):<20}] " if tty else ""
        if added.file:
            what = f"added as {added.file.name}"
        elif added.duplicate_of:
            what = f"already there as {added.duplicate_of.name}"
        else:
            what = f"failed: {added.problem}"
        print(f"reconcile: {bar}{k}/{n} {printable(added.url)}: {printable(what)}", file=sys.stderr)

    try:
        results = add_urls(urls, args.to, force=args.force, timeout=args.timeout, progress=report)
    except OSError as exc:
        raise UserError(f"{args.to}: cannot write ({exc.strerror})") from None
    failed = sum(1 for r in results if r.problem)
    added = sum(1 for r in results if r.file)
    print(f"reconcile: {added} added, {len(results) - added - failed} already there, {failed} failed "
          f"(in {printable(str(args.to))})", file=sys.stderr)
    return 1 if failed else 0


def _corpus_path(path: Path | None) -> Path:
    if path is not None:
        return path
    from .resources import bundled_seeds

    return bundled_seeds()


def run_export(args: argparse.Namespace) -> int:
    """`reconcile export`, with the cycle collector off throughout: the corpus and its analysis
    live until the export ends, and turning it on between the stages made it walk them all
    (`parallel.collector_paused`)."""
    from .engine.parallel import collector_paused

    with collector_paused(keep=True):
        return _export(args)


def _export(args: argparse.Namespace) -> int:
    from .engine.text.casefile import CaseFileError
    from .engine.text.loading import CorpusError, load_corpus

    try:
        corpus = load_corpus(_corpus_path(args.path), args.follow_links, meanwhile=_import_stages)
    except (CorpusError, CaseFileError) as exc:
        raise UserError(str(exc)) from None
    from .engine.analysis import analyse
    for warning in corpus.warnings:
        print(f"reconcile: warning: {printable(warning)}", file=sys.stderr)
    store = _notes_store(corpus, args.notes)
    links, fixes = store.engine_inputs(corpus)
    from .engine.reviews import apply_reviews

    analysis = apply_reviews(analyse(corpus, links, fixes), store)
    for warning in analysis.warnings:
        print(f"reconcile: warning: {printable(warning)}", file=sys.stderr)
    if args.format == "json":   # streamed: the document of a large corpus never sits in memory
        from .engine.export.jsondoc import write_json
        from .engine.notes import notes_json

        notes = notes_json(store, corpus)
        _write_stream(lambda out: write_json(analysis, out, notes, args.diffs, args.all_pairs), args.output)
        return 0
    _write(_render(args.format, analysis, store), args.output)
    return 0


def _import_stages() -> None:
    """Import what the export runs after loading (the engine's stages, the notes, the JSON
    writer) while a pool loads a large corpus: a third of a second this process would
    otherwise spend before loading, with the other cores idle."""
    from .engine import analysis, notes, reviews   # noqa: F401
    from .engine.export import jsondoc   # noqa: F401


def _notes_store(corpus, notes: Path | None):
    """The notes file for export: read, never written; a damaged one stops the export."""
    from .engine.notes import open_store

    store = open_store(corpus, notes)
    if store.unreadable:
        raise UserError(store.unreadable)
    if notes is not None and not notes.exists():
        print(f"reconcile: warning: {notes}: no notes file yet; exporting without notes",
              file=sys.stderr)
    return store


def _render(fmt: str, analysis, store) -> str:
    """The export text in format `fmt` (one of FORMATS)."""
    corpus = analysis.corpus
    if fmt == "json":
        from .engine.export.jsondoc import to_json
        from .engine.notes import notes_json

        return to_json(analysis, notes_json(store, corpus))
    if fmt == "w3c":
        from .engine.export.w3c import to_w3c_json

        return to_w3c_json(store, corpus)
    from .engine.export.report import to_html, to_markdown

    markdown = to_markdown(analysis, store)
    return markdown if fmt == "markdown" else to_html(markdown, corpus.title)


def _write(text: str, output: Path | None) -> None:
    if output is None:
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except OSError as exc:   # a full disk, a closed pipe: one line, never a traceback
            _discard_stdout()
            raise UserError(f"cannot write the output ({exc.strerror or exc})") from None
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UserError(f"{output}: cannot write ({exc.strerror})") from None


def _write_stream(write: Callable[[TextIO], None], output: Path | None) -> None:
    """Let `write` stream the output to stdout, or to FILE through a temporary file beside
    it (renamed when complete: a failure never leaves half a document under FILE's name)."""
    if output is None:
        try:
            write(sys.stdout)
            sys.stdout.flush()
        except OSError as exc:
            _discard_stdout()
            raise UserError(f"cannot write the output ({exc.strerror or exc})") from None
        return
    tmp = output.with_name(f".{output.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8", buffering=1 << 20) as handle:
            write(handle)
        os.replace(tmp, output)
    except OSError as exc:
        raise UserError(f"{output}: cannot write ({exc.strerror})") from None
    finally:
        if tmp.exists():
            tmp.unlink()


def _discard_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's flush at exit fails no second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def run_reader(args: argparse.Namespace) -> int:
    """Open the reader; the engine's child process loads the corpus (see tui.ui.app)."""
    from .ui.app import run_reader as run

    return run(_corpus_path(args.path), theme_name=args.theme, notes_path=args.notes,
               follow_links=args.follow_links)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        if argv[:1] == ["export"]:
            return run_export(_export_parser().parse_args(argv[1:]))
        if argv[:1] == ["add"]:
            return run_add(_add_parser().parse_args(argv[1:]))
        return run_reader(_reader_parser().parse_args(argv))
    except UserError as exc:
        print(f"reconcile: {printable(str(exc))}", file=sys.stderr)
        return 1
    except MemoryError:   # past this machine's memory: one line, never a traceback
        print("reconcile: out of memory: the corpus is too large for this machine's memory; "
              "try a smaller folder", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
