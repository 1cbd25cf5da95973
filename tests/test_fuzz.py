"""Fuzz (issue 15, "done when"): random corpora, case files and notes files, hostile by
construction, fed to `reconcile export` and to the reader under Pilot.

The promise under test is the one a corpus from someone else needs: no traceback, no
hang, no leak.  Bad input is one line for the user; reading never changes the user's
case file or a damaged notes file; every quote in the JSON export is the article's text
at its span; the reader's engine child is gone once the reader is; nothing is left in
the corpus folder but what the app writes on purpose.

The inputs mix the classes of issue 15 (Rich markup, ANSI and OSC escapes, bidi and
zero-width characters, C1 controls, lone CR and CRLF, NUL bytes, byte-order marks,
UTF-16, very long lines, empty and binary files, odd file names, links out of the
folder, a FIFO) into news prose where two sides say things, so the engine has claims
to attribute and facts to dispute, not only noise to skip.  All text is written here.
"""

from __future__ import annotations

import asyncio
import html
import io
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from test_ui_support import _private_config, settle  # noqa: F401 - the fixture keeps the config private
from tui.cli import UserError, main
from tui.engine.text.casefile import CASE_FILE
from tui.engine.text.loading import load_corpus
from tui.engine.model import Corpus, display_text
from tui.engine.notes import NOTES_FILE, NoteStore

# RECONCILE_FUZZ=10 runs ten times the examples (a longer hunt; the suite's default stays fast)
SCALE = int(os.environ.get("RECONCILE_FUZZ", "1"))
EXPORT_SECONDS = 30   # one export of a few small articles takes well under a second
READER_SECONDS = 60   # open, analyse, a dozen keys, quit
# Anything printed to a terminal or written to an export: no C0/C1 control but newline and
# tab, no direction override.
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# What the app may add to a corpus folder on purpose: extracted pages, the notes file
# (and its backup and lock) once the user saves a note.
INTENDED = {".reconcile", NOTES_FILE, f"{NOTES_FILE}.bak", f".{NOTES_FILE}.lock"}

# --------------------------------------------------------------------------
# Strategies: what a hostile folder is made of

# Speakers the engine knows a side of without a case file (a state, its seat, its ministry)
# and two it knows only from the case file; each side tells its own versions of one event.
SIDE_A = ("Alpha Ministry", "The Pentagon", "Washington", "A U.S. general")
SIDE_B = ("Beta Office", "Russia's Defense Ministry", "Moscow", "The Kremlin")
THINGS = ("the drone", "the drone", "the drone", "the patrol ship")
VERSIONS_A = ("was struck by a Russian fighter jet", "was in international waters",
              "was hit by a missile over neutral waters")
VERSIONS_B = ("crashed after a sharp maneuver", "crossed into the closed zone",
              "did not come into contact with any fighter jet")
HOSTILE = (
    "[bold]loud[/bold]", "[@click=app.quit]click[/]", "[/]", "\x1b[31mred\x1b[0m", "\x1b[2J",
    "\x1b]0;pwned\x07", "\x1b]52;c;c2VjcmV0\x07", "\u202eevil\u202c", "\u2066iso\u2069",
    "ne\u200bver", "a\u200db", "\ufeff", "\x85", "\x9b2J", "\x90q", "\r", "\r\n", "\x00",
    "\x0c", "\t", "<script>alert(1)</script>", "&amp;", "`code`", "```", "\n# heading\n",
    "\n---\n", "\n+++\n", "\n> quote\n", "\n* item\n", "\n1. item\n", "\\", "|a|b|", "nan",
    "\U0001f680", "e\u0301", "\u4e2d\u6587", "\u0645\u0631\u062d\u0628\u0627", "\u00a0",
    "(Source: Wire)", "{tag}", "U.S.", "Gen.", "...", "\u2026",
)


@st.composite
def sentence(draw: st.DrawFn) -> str:
    """A sentence in which one side asserts a version of the event, in a news shape."""
    side_a = draw(st.booleans())
    actor = draw(st.sampled_from(SIDE_A if side_a else SIDE_B) | st.sampled_from(("He", "Officials")))
    thing = draw(st.sampled_from(THINGS))
    version = draw(st.sampled_from(VERSIONS_A if side_a else VERSIONS_B))
    shapes = (f"{actor} said {thing} {version}.",
              f"\u201c{thing.capitalize()} {version},\u201d {actor} said.",
              f'"{thing.capitalize()} {version}," said {actor}.',
              f"According to {actor}, {thing} {version}.",
              f"{actor} denied that {thing} {draw(st.sampled_from(VERSIONS_B if side_a else VERSIONS_A))}.",
              f"{thing.capitalize()} {version}, {actor} told reporters on Tuesday.",
              f"{actor} rejected the claim that {thing} {draw(st.sampled_from(VERSIONS_B if side_a else VERSIONS_A))}.")
    return draw(st.sampled_from(shapes))


FRAGMENT = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=12))
LONG_LINE = st.integers(2_000, 12_000).map(lambda n: ("said the drone crashed " * (n // 23 + 1))[:n])
PIECE = st.one_of(*[sentence()] * 6, FRAGMENT, FRAGMENT, LONG_LINE)   # mostly prose
PARAGRAPH = st.lists(PIECE, min_size=1, max_size=4).map(" ".join)
BREAK = st.sampled_from(["\n\n", "\r\n\r\n", "\r\r", "\n", "\n \n", "\r"])


@st.composite
def body(draw: st.DrawFn) -> str:
    """Paragraphs ended by every kind of break: LF, CRLF, a lone CR (old Mac), none."""
    paragraphs = draw(st.lists(PARAGRAPH, min_size=2, max_size=7))
    return "".join(p + draw(BREAK) for p in paragraphs)


def raw(text: str) -> bytes:
    """The bytes of `text` as a file holds them: a non-UTF-8 file name stays its own bytes."""
    return text.encode("utf-8", "surrogateescape")


def toml_string(text: str) -> str:
    """A TOML basic string holding `text` (tomli_w escapes every control character)."""
    return tomli_w.dumps({"v": text})[4:].strip()


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    """Front matter of each kind the loader knows, and the ways it goes wrong."""
    title = draw(st.one_of(sentence(), FRAGMENT))
    return draw(st.sampled_from((
        "",
        f"---\ntitle: {title}\noutlet: {draw(FRAGMENT)}\ndate: 2023-03-15\n---\n",
        f"+++\ntitle = {toml_string(title)}\noutlet = {toml_string(draw(FRAGMENT))}\n+++\n",
        "+++\ntitle = \n+++\n",                                   # damaged TOML front matter
        "+++\nx = " + "[" * 600 + "]" * 600 + "\n+++\n",          # nested past the parser's depth
        "---\ntitle: a" + " " * 5_000 + "b\n---\n",               # was quadratic (issue 15 #32)
        "---\ntitle: never closed\n",
        "\ufeff---\ntitle: after a BOM\n---\n",
    )))


def page(title: str, text: str, escape: bool) -> str:
    """A saved web page around the article's paragraphs (raw or escaped)."""
    quote = html.escape if escape else str
    paragraphs = "".join(f"<p>{quote(p)}</p>\n" for p in text.split("\n\n") if p.strip())
    return (f"<html><head><title>{quote(title)}</title></head><body><nav>Home | World</nav>"
            f"<article><h1>{quote(title)}</h1>\n{paragraphs}</article></body></html>")


ENCODINGS = st.sampled_from(("utf-8",) * 6 + ("utf-8-sig", "utf-16", "utf-16-le", "utf-32", "latin-1"))


@st.composite
def mangled(draw: st.DrawFn, text: str) -> bytes:
    """`text` in some encoding, sometimes cut mid-character or with a NUL or junk spliced in."""
    data = text.encode(draw(ENCODINGS), errors="replace")
    how = draw(st.sampled_from(("as is",) * 6 + ("cut", "nul", "junk")))
    at = draw(st.integers(0, len(data)))
    if how == "cut":
        return data[:at]
    if how == "nul":
        return data[:at] + b"\x00" + data[at:]
    if how == "junk":
        return data[:at] + draw(st.binary(min_size=1, max_size=64)) + data[at:]
    return data


@st.composite
def article(draw: st.DrawFn) -> tuple[str, bytes, str]:
    """A suffix, the file's bytes and its text: mostly prose a side tells (so the engine has
    work), else a file that is no article (empty, blank, binary, another suffix)."""
    if draw(st.sampled_from(("prose",) * 4 + ("odd",))) == "odd":
        suffix = draw(st.sampled_from((".txt", ".md", ".html", ".markdown", ".TXT", ".json", "")))
        data = draw(st.sampled_from((b"", b"\n \r\n\t\n", b"\x00" * 64)) | st.binary(min_size=1, max_size=400))
        return suffix, data, ""
    suffix = draw(st.sampled_from((".txt", ".md", ".html")))
    text = draw(body())
    if suffix == ".md":
        text = draw(front_matter()) + text
    elif suffix == ".html":
        text = page(draw(st.one_of(sentence(), FRAGMENT)), text, draw(st.booleans()))
    return suffix, draw(mangled(text)), text


STEMS = ("a", "b c", "new\nline", "tab\there", "[bold]x[/bold]", "\x1b]0;t\x07\x1b[2J", "\u202eevil",
         "\u00fc-umlaut", "-dash", "#hash", os.fsdecode(b"lat-\xe9"), "x" * 120, "sub dir/inner",
         ".hidden", "a\rb", "\u200bzero")


@dataclass(frozen=True)
class Folder:
    """A corpus folder to write: files (name, bytes), the case and notes files, extras."""

    files: tuple[tuple[str, bytes], ...]
    case: bytes | None
    notes: bytes | None
    extras: frozenset[str]


def file_name(index: int, stem: str, suffix: str) -> str:
    return f"{index:02d} {stem}{suffix}"


# --------------------------------------------------------------------------
# Case files and notes files: valid, damaged, and in between


def valid_case(title: str, name: str, first_file: str | None) -> dict:
    case = {"title": title,
            "sides": [{"id": "a", "name": name, "actors": [SIDE_A[0], {"name": SIDE_A[1],
                                                                        "aliases": ["Pentagon"]}]},
                      {"id": "b", "name": "Beta", "actors": list(SIDE_B[:3])}],
            "facts": [{"title": "The crash", "terms": ["crashed", "struck"]}]}
    if first_file is not None:
        case["articles"] = [{"file": first_file, "title": title, "outlet": name, "date": "2024-11"}]
    return case


@st.composite
def damaged(draw: st.DrawFn, text: str) -> bytes:
    """Valid TOML text broken in one of the ways files break: cut, a stray byte, not UTF-8."""
    data = raw(text)
    at = draw(st.integers(0, len(data)))
    how = draw(st.sampled_from(("cut", "byte", "latin", "junk")))
    if how == "cut":
        return data[:at]
    if how == "byte":
        return data[:at] + draw(st.sampled_from((b"[", b"=", b'"', b"\n[[", b"\xff", b"\x00"))) + data[at:]
    if how == "latin":
        return data + b'\n# caf\xe9\n'
    return draw(st.binary(max_size=200))


@st.composite
def case_file(draw: st.DrawFn, first_file: str | None) -> bytes | None:
    title, name = draw(st.one_of(sentence(), FRAGMENT)), draw(st.one_of(FRAGMENT, st.just("Alpha")))
    good = tomli_w.dumps(valid_case(title or "t", name or "Alpha", first_file))
    if draw(st.sampled_from(("usable", "usable", "broken"))) == "usable":   # or none
        return draw(st.sampled_from((None, raw(good), raw("\ufeff" + good))))
    return draw(st.one_of(
        damaged(good),
        st.just(b'title = "x"\nsides = ' + b"[" * 600 + b"]" * 600 + b"\n"),
        st.just(b'[[sides]]\nid = "a"\nactors = [{ name = "" }]\n'),
        st.just(b'[[sides]]\nid = "a"\nactors = ["Alpha Ministry"]\n'
                b'[[sides]]\nid = "b"\nactors = ["alpha ministry"]\n'),
        st.just(raw(good) + b'colour = "red"\n'),
        st.text(max_size=80).map(str.encode),
    ))


def anchor(first_file: str, start: int, end: int, quote: str) -> dict:
    return {"article": first_file, "sha256": "0" * 64, "start": start, "end": end, "quote": quote,
            "prefix": "", "suffix": ""}


def valid_notes(first_file: str, start: int, end: int, quote: str, text: str, extra: bool) -> dict:
    """A notes file with one of each record; `extra` adds keys a newer version might write."""
    when = datetime(2026, 3, 15, 10, 2, 11, tzinfo=timezone.utc)
    spot = anchor(first_file, start, end, quote)
    note = {"id": "n1", "text": text, "verdict": "refuted", "tags": ["fuel dump", text[:8]],
            "created": when, "updated": when, "fact": "f1", "anchor": dict(spot)}
    doc = {"schema": "reconcile.notes/1", "corpus": "/somewhere",
           "notes": [note, {**note, "id": "n2", "anchor": None}],
           "links": [{"id": "l1", "same": True, "created": when, "updated": when, "a": spot, "b": spot}],
           "sides": [{"id": "s1", "side": "a", "speaker": SIDE_B[0], "created": when, "updated": when},
                     {"id": "s2", "side": "b", "anchor": spot, "created": when, "updated": when}]}
    doc["notes"][1].pop("anchor")
    if extra:
        doc["future_field"] = float("nan")
        note["mood"] = "grim"
        note["anchor"]["context_hash"] = "abc"
    return doc


@st.composite
def notes_file(draw: st.DrawFn, first_file: str | None, text: str) -> bytes | None:
    """Notes on the first article: on a passage of its text (so most anchors land), or on
    offsets and a quote that may not be there at all."""
    start = draw(st.integers(-5, max(len(text) - 1, 0)))
    end = start + draw(st.integers(-3, 120))
    quote = text[max(start, 0):max(end, 0)] if draw(st.booleans()) else draw(st.one_of(sentence(), FRAGMENT))
    good = tomli_w.dumps(valid_notes(first_file or "missing.txt", start, end, quote,
                                     draw(st.one_of(FRAGMENT, sentence())), draw(st.booleans())))
    if draw(st.sampled_from(("usable", "usable", "broken"))) == "usable":   # or none
        return draw(st.sampled_from((None, raw(good), raw("\ufeff" + good))))
    return draw(st.one_of(
        damaged(good),
        st.just(raw(good.replace('verdict = "refuted"', 'verdict = "true"'))),
        st.just(b'schema = "reconcile.notes/9"\n'),
        st.just(b'schema = "reconcile.notes/1"\nx = ' + b"{a=" * 600 + b"1" + b"}" * 600 + b"\n"),
    ))


# Entries that are no regular file: a link out of the folder (to a "key"), a broken link,
# FIFOs (reading one hangs), and a notes file that is a link (never written through).
EXTRAS = ("link out", "broken link", "fifo", "fifo notes", "fifo case", "linked notes")


@st.composite
def folder(draw: st.DrawFn) -> Folder:
    stems = draw(st.lists(st.sampled_from(STEMS), min_size=2, max_size=4))
    files, texts = [], []
    for index, stem in enumerate(stems):
        suffix, data, text = draw(article())
        files.append((file_name(index, stem, suffix), data))
        texts.append(text)
    first = next((i for i, (name, _) in enumerate(files) if name.endswith((".txt", ".md"))), None)
    name = files[first][0] if first is not None else None
    quoted = texts[first] if first is not None else ""
    return Folder(tuple(files), draw(case_file(name)), draw(notes_file(name, quoted)),
                  frozenset(draw(st.sets(st.sampled_from(EXTRAS)))))


# --------------------------------------------------------------------------
# Writing the folder, and what to compare after


SECRET = "SECRET-KEY-MATERIAL-4f1c"
SECRET_TEXT = f"{SECRET}: the user's key said the drone crashed.\n"


def write_folder(spec: Folder, root: Path) -> Path:
    """The corpus folder of `spec` under `root`, with a secret outside it that a link points to."""
    corpus = root / "corpus"
    corpus.mkdir()
    for name, data in spec.files:
        path = corpus / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    if spec.case is not None:
        (corpus / CASE_FILE).write_bytes(spec.case)
    if spec.notes is not None:
        (corpus / NOTES_FILE).write_bytes(spec.notes)
    secret = root / "id_key"
    secret.write_text(SECRET_TEXT)
    if "link out" in spec.extras:
        (corpus / "appendix.txt").symlink_to(secret)
    if "broken link" in spec.extras:
        (corpus / "gone.md").symlink_to(root / "nowhere.md")
    if "fifo" in spec.extras:
        os.mkfifo(corpus / "pipe.txt")
    if "fifo case" in spec.extras and spec.case is None:
        os.mkfifo(corpus / CASE_FILE)
    if spec.notes is None and "fifo notes" in spec.extras:
        os.mkfifo(corpus / NOTES_FILE)
    elif spec.notes is None and "linked notes" in spec.extras:
        (corpus / NOTES_FILE).symlink_to(secret)
    return corpus


def listing(corpus: Path) -> dict[str, bytes | None]:
    """Every entry under the folder (not following links), with a regular file's bytes."""
    out: dict[str, bytes | None] = {}
    for path in sorted(corpus.rglob("*")):
        rel = path.relative_to(corpus).as_posix()
        out[rel] = path.read_bytes() if path.is_file() and not path.is_symlink() else None
    return out


def assert_nothing_left(before: dict[str, bytes | None], corpus: Path) -> None:
    """No entry of the folder changed or vanished; new ones are only what the app means to write."""
    after = listing(corpus)
    for rel, data in before.items():
        assert rel in after, f"{rel!r} was deleted"
        if rel not in INTENDED:
            assert after[rel] == data, f"{rel!r} was changed"
    new = [rel for rel in after if rel not in before and rel.split("/")[0] not in INTENDED]
    assert not new, f"left in the corpus folder: {new}"
    assert (corpus.parent / "id_key").read_text() == SECRET_TEXT, "written through a link"


def child_pids() -> set[int]:
    """This process's children (zombies included: an unreaped child is a leak too)."""
    pids: set[int] = set()
    for task in Path("/proc/self/task").glob("*/children"):
        try:
            pids.update(int(pid) for pid in task.read_text().split())
        except FileNotFoundError:   # a thread that ended between the listing and the read
            continue
    return pids


class Hang(BaseException):
    """Raised by the alarm: an export or a reader session took far longer than it may.
    A BaseException, so no `except Exception` in the code under test can swallow it."""


@contextmanager
def hang_guard(seconds: float) -> Iterator[None]:
    """Turn a hang into a failure (in process a timeout is the only way to see one)."""
    def ring(signum, frame):
        raise Hang(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def notes_damaged(corpus: Path) -> bool:
    """The notes file exists and cannot be used: the app must then never write it."""
    path = corpus / NOTES_FILE
    return path.exists() and NoteStore(path, corpus).unreadable is not None


# --------------------------------------------------------------------------
# The export


def export(corpus: Path, fmt: str) -> tuple[int, str, str]:
    """`reconcile export CORPUS --format FMT` in this process: exit code, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err), hang_guard(EXPORT_SECONDS):
        code = main(["export", str(corpus), "--format", fmt])
    return code, out.getvalue(), err.getvalue()


def assert_user_lines(code: int, out: str, err: str) -> None:
    """Success with warnings, or failure in exactly one line after them; all safe to print."""
    assert code in (0, 1), (code, err)
    lines = err.splitlines()
    assert err == "" or err.endswith("\n")
    assert all(line.startswith("reconcile: ") for line in lines), err
    assert not any(CONTROLS.search(line) for line in lines), err
    assert "Traceback" not in err
    if code == 1:
        assert out == "" and lines and not lines[-1].startswith("reconcile: warning: "), err
        assert all(line.startswith("reconcile: warning: ") for line in lines[:-1]), err
    else:
        assert all(line.startswith("reconcile: warning: ") for line in lines), err


def assert_spans(document: dict, corpus: Corpus) -> None:
    """Every paragraph, sentence and account quote is the article's text at its span."""
    sources = {a.id: a.source_text for a in corpus.articles}
    assert [a["id"] for a in document["articles"]] == list(sources)
    for art in document["articles"]:
        source = sources[art["id"]]
        for p in art["paragraphs"]:
            assert p["text"] == display_text(source[p["start"]:p["end"]])
            for s in p["sentences"]:
                assert p["start"] <= s["start"] < s["end"] <= p["end"]
                assert s["text"] == display_text(source[s["start"]:s["end"]])
                if s["speaker_span"]:
                    assert 0 <= s["speaker_span"][0] < s["speaker_span"][1] <= len(source)
        for d in art["dropped"]:
            assert 0 <= d["start"] <= d["end"] <= len(source)
    for fact in document["facts"]:
        for acc in fact["accounts"]:
            if acc["start"] is not None:
                quoted = display_text(sources[acc["article"]][acc["start"]:acc["end"]])
                assert acc["text"] == quoted, (acc, quoted)
    for note in document["notes"]:
        if note["placement"]:
            place = note["placement"]
            assert 0 <= place["start"] <= place["end"] <= len(sources[place["article"]])


def check_export(corpus: Path) -> None:
    """Both text exports: a valid document or one line; the user's files untouched."""
    before = listing(corpus)
    code, out, err = export(corpus, "json")
    assert_user_lines(code, out, err)
    assert not CONTROLS.search(out.replace("\n", "").replace("\t", ""))
    assert SECRET not in out
    if code == 0:
        assert_spans(json.loads(out), load_corpus(corpus))
    md_code, md, md_err = export(corpus, "markdown")
    assert_user_lines(md_code, md, md_err)
    assert md_code == code, (err, md_err)
    assert not CONTROLS.search(md.replace("\n", "").replace("\t", ""))
    assert SECRET not in md
    assert_nothing_left(before, corpus)


@settings(max_examples=40 * SCALE, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow,
                                                                   HealthCheck.data_too_large])
@given(spec=folder())
def test_export_of_a_hostile_folder(spec: Folder) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        check_export(write_folder(spec, Path(tmp)))


@settings(max_examples=3 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                      HealthCheck.data_too_large])
@given(spec=folder())
def test_export_in_its_own_process(spec: Folder) -> None:
    """What a terminal gets: the real standard error (a library's logging or warnings would
    show here, not in process), the real exit code, UTF-8 bytes, and a hang that is killed.
    Two hash seeds must give the same bytes (issue 15 #14: output is deterministic)."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_folder(spec, Path(tmp))
        before = listing(corpus)
        outputs = []
        for fmt, seed in (("json", "1"), ("json", "2"), ("markdown", "3")):
            done = subprocess.run([sys.executable, "-m", "tui", "export", str(corpus), "--format", fmt],
                                  capture_output=True, timeout=2 * EXPORT_SECONDS,
                                  env={**os.environ, "PYTHONHASHSEED": seed})
            out, err = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
            assert_user_lines(done.returncode, out, err)
            assert SECRET not in out
            outputs.append(done.stdout + done.stderr)
        assert outputs[0] == outputs[1], "the export differs between two runs"
        assert_nothing_left(before, corpus)


# --------------------------------------------------------------------------
# The reader under Pilot

# Keys that move, open and close every screen, write notes and decisions; never quit
# (the end of the session quits), never the palette (it can fetch URLs).  Single keys,
# and the sequences a user types to get somewhere (a note saved, a pair marked, a side
# fixed, a note edited or deleted from the list), so sessions reach the deep states.
KEY = st.sampled_from((
    "n", "p", "j", "k", "enter", "escape", "d", "c", "tab", "shift+tab", "N", "a", "f", "m",
    "equals_sign", "x", "S", "1", "2", "s", "e", "y", "ctrl+s", "question_mark", "slash", "down",
    "up", "space", "backspace", "h", "l", "r", "M", "v", "D", "u", "ctrl+r", "o", "g", "G"))
SEQUENCE = st.sampled_from((
    ("a", "[", "b", "]", "\x1b", "ctrl+s"), ("tab", "j", "a", "t", "tab", "tab", "x", ",", "y", "f2"),
    ("N", "enter"), ("N", "e", "z", "ctrl+s"), ("N", "d", "y"), ("N", "slash", "r", "escape", "escape"),
    ("S", "1"), ("tab", "S", "s", "2"), ("m", "tab", "j", "equals_sign"), ("m", "n", "x"),
    ("enter", "d", "j", "c", "1", "2", "s", "escape", "escape"), ("slash", "d", "r", "down", "enter"),
    ("f", "f", "n", "p"),
    # the workbench: merge, move or split, make a dispute, rename, find, undo and redo
    ("M", "n", "M"), ("tab", "v", "enter"), ("tab", "v", "down", "enter"),
    ("tab", "m", "l", "D", "t", "enter"), ("r", "t", "enter"),
    ("enter", "j", "m", "escape", "tab", "D", "t", "enter"), ("enter", "slash", "t", "enter", "n"),
    ("y", "d", "u", "u", "ctrl+r"),
))
KEYS = st.lists(st.one_of(KEY.map(lambda key: (key,)), SEQUENCE), min_size=2, max_size=8).map(
    lambda chunks: [key for chunk in chunks for key in chunk])


# 60x20 is below the size the reader is made for: it must scroll or say so, never crash.
SIZES = st.sampled_from(((80, 24), (100, 30), (200, 60), (60, 20)))


async def read_folder(corpus: Path, keys: list[str], size: tuple[int, int] = (100, 30)) -> None:
    """Open the reader as the CLI does (engine child included), press `keys`, quit."""
    from textual.worker import Worker, WorkerState

    from tui.ui.app import open_reader

    try:
        app = open_reader(corpus, "dark", None)
    except UserError as exc:   # a corpus that cannot be opened: one line, as the export says
        assert "\n" not in str(exc)
        return
    failed: list[BaseException | None] = []

    def watch(message) -> None:
        if isinstance(message, Worker.StateChanged) and message.state == WorkerState.ERROR:
            failed.append(message.worker.error)

    async with app.run_test(size=size, message_hook=watch) as pilot:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
        await settle(pilot)
        assert app.is_running
        assert app.engine_error is None, app.engine_error
        app.exit()
    assert not failed, failed
    assert not app.is_running and app.return_code in (0, None)


@settings(max_examples=15 * SCALE, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow,
                                                                   HealthCheck.data_too_large])
@given(spec=folder(), keys=KEYS, size=SIZES)
def test_reader_on_a_hostile_folder(spec: Folder, keys: list[str], size: tuple[int, int]) -> None:
    children = child_pids()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_folder(spec, Path(tmp))
        before = listing(corpus)
        damaged_notes = notes_damaged(corpus)
        with hang_guard(READER_SECONDS):
            asyncio.run(read_folder(corpus, keys, size))
        assert child_pids() <= children, "the engine's child outlived the reader"
        after = listing(corpus)
        assert after.get(CASE_FILE) == before.get(CASE_FILE)
        if damaged_notes:
            assert after.get(NOTES_FILE) == before.get(NOTES_FILE)
            assert f"{NOTES_FILE}.bak" not in after
        else:   # what the reader saved, it (and the export) can read back
            assert not notes_damaged(corpus), NoteStore(corpus / NOTES_FILE, corpus).unreadable
        assert_nothing_left(before, corpus)
