"""Bad input: every problem is a one-line message naming the file, never a traceback."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.conftest import write
from tui.cli import main
from tui.engine.text.casefile import CaseFileError
from tui.engine.text.loading import CorpusError, load_corpus

ARTICLE = "The ministry said the drone crashed into the sea after a sharp maneuver on Tuesday.\n"


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_missing_path(tmp_path, capsys):
    code, _, err = run(["export", str(tmp_path / "nope")], capsys)
    assert code == 1
    assert err.count("\n") == 1 and "nope: no such file or folder" in err
    with pytest.raises(CorpusError):
        load_corpus(tmp_path / "nope")


def test_empty_folder(tmp_path, capsys):
    code, _, err = run(["export", str(tmp_path)], capsys)
    assert code == 1 and str(tmp_path) in err and "no articles" in err


def test_folder_with_one_article(tmp_path, capsys):
    write(tmp_path, "one.txt", ARTICLE)
    code, out, _ = run(["export", str(tmp_path)], capsys)
    assert code == 0 and '"one.txt"' in out


def test_not_utf8_is_decoded_with_replacement_and_warned(tmp_path, capsys):
    write(tmp_path, "latin.txt", "The caf\xe9 owner said the talks were useful and would go on.\n".encode("latin-1"))
    corpus = load_corpus(tmp_path)
    assert "\ufffd" in corpus.articles[0].paragraphs[0].text
    code, _, err = run(["export", str(tmp_path)], capsys)
    assert code == 0 and "latin.txt: not valid UTF-8" in err


def test_binary_file_skipped_and_warned(tmp_path, capsys):
    write(tmp_path, "good.txt", ARTICLE)
    write(tmp_path, "blob.txt", bytes(range(256)) * 8)
    corpus = load_corpus(tmp_path)
    assert [a.id for a in corpus.articles] == ["good.txt"]
    assert corpus.skipped[0].path == "blob.txt" and corpus.skipped[0].reason == "binary file"
    _, _, err = run(["export", str(tmp_path)], capsys)
    assert "blob.txt: skipped, binary file" in err


def test_empty_file_skipped(tmp_path):
    write(tmp_path, "good.txt", ARTICLE)
    write(tmp_path, "empty.md", "")
    write(tmp_path, "blank.txt", "\n \n\t\n")
    corpus = load_corpus(tmp_path)
    assert {s.path: s.reason for s in corpus.skipped} == {"empty.md": "empty file", "blank.txt": "empty file"}


def test_unknown_extensions_listed_as_skipped(tmp_path):
    write(tmp_path, "good.txt", ARTICLE)
    write(tmp_path, "photo.jpg", b"\xff\xd8\xff")
    write(tmp_path, "notes.pdf", b"%PDF-1.4")
    write(tmp_path, ".hidden.txt", ARTICLE)
    corpus = load_corpus(tmp_path)
    assert [s.path for s in corpus.skipped] == ["notes.pdf", "photo.jpg"]
    assert "not an article file (.jpg)" in [s.reason for s in corpus.skipped]


def test_twenty_megabyte_file_loads_in_linear_time(tmp_path):
    paragraph = ("The U.S. military said the drone was in international airspace when it was hit. "
                 "“We know that the intercept was intentional,” Gen. Milley said.\n\n")
    big = write(tmp_path / "big", "big.txt", paragraph * (20_000_000 // len(paragraph)))
    small = write(tmp_path / "small", "small.txt", paragraph * (2_000_000 // len(paragraph)))
    t0 = time.perf_counter()
    load_corpus(small.parent)
    t_small = time.perf_counter() - t0
    t0 = time.perf_counter()
    corpus = load_corpus(big.parent)
    t_big = time.perf_counter() - t0
    assert len(corpus.articles[0].paragraphs) == 20_000_000 // len(paragraph)
    assert t_big < 25 * max(t_small, 0.05), (t_small, t_big)  # 10x the data, no quadratic blow-up


def test_one_huge_line_loads(tmp_path):
    write(tmp_path, "line.txt", "A sentence that goes on, " * 200_000 + "and ends.")
    corpus = load_corpus(tmp_path)
    assert len(corpus.articles[0].paragraphs) == 1


@pytest.mark.parametrize(
    "toml, line, column, problem",
    [
        ('title = "x"\n[[sides]]\nid = "us"\nname = \n', 4, 8, "Invalid value"),
        ('[[sides]]\nid = "us"\n[[sides]]\nid = "us"\n', 3, 1, "used twice"),
        ('title = "x"\ncolour = "red"\n', 2, 1, "unknown key 'colour'"),
        ('[[sides]]\nname = "United States"\n', 1, 1, "needs 'id'"),
        ('[[sides]]\nid = "us"\nactors = [3]\n', 3, 1, "each actor"),
        ('[[articles]]\nfile = "a.txt"\ndate = 5\n', 3, 1, "'date' must be"),
    ],
)
def test_invalid_case_file_names_line_and_column(tmp_path, capsys, toml, line, column, problem):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "reconcile.toml", toml)
    with pytest.raises(CaseFileError) as caught:
        load_corpus(tmp_path)
    assert (caught.value.line, caught.value.column) == (line, column)
    assert problem in caught.value.problem
    code, _, err = run(["export", str(tmp_path)], capsys)
    assert code == 1 and f"reconcile.toml:{line}:{column}:" in err and "Traceback" not in err


def test_single_file_as_corpus(tmp_path, capsys):
    path = write(tmp_path, "one.md", "# Title here\n\n" + ARTICLE)
    code, out, _ = run(["export", str(path)], capsys)
    assert code == 0 and '"Title here"' in out


def test_unwritable_output(tmp_path, capsys):
    write(tmp_path, "a.txt", ARTICLE)
    code, _, err = run(["export", str(tmp_path), "-o", str(tmp_path / "no" / "out.json")], capsys)
    assert code == 1 and "out.json: cannot write" in err


def test_a_link_out_of_the_corpus_is_skipped_and_listed(tmp_path, capsys):
    """Issue 15 #16: a planted link to a key or /etc/passwd never reaches an export."""
    corpus = tmp_path / "corpus"
    write(corpus, "one.txt", ARTICLE)
    secret = tmp_path / "id_key.txt"
    secret.write_text("PRIVATE KEY MATERIAL that must never leave this machine.\n")
    (corpus / "appendix.txt").symlink_to(secret)
    (corpus / "inside.txt").symlink_to(corpus / "one.txt")   # a link within the folder is read
    (corpus / "broken.txt").symlink_to(tmp_path / "gone.txt")
    code, out, err = run(["export", str(corpus)], capsys)
    assert code == 0 and "PRIVATE KEY" not in out
    assert "appendix.txt: skipped, a link out of the corpus folder" in err
    assert "broken.txt: skipped, a broken link" in err
    assert '"inside.txt"' in out
    code, out, _ = run(["export", "--follow-links", str(corpus)], capsys)
    assert code == 0 and "PRIVATE KEY" in out


def test_fifos_are_skipped_and_listed_and_never_opened(tmp_path, capsys):
    """Issue 15 #36: a FIFO would hang the reader; a FIFO as PATH is no corpus."""
    import os

    write(tmp_path, "one.txt", ARTICLE)
    os.mkfifo(tmp_path / "reconcile-notes-feed.txt")
    code, out, err = run(["export", str(tmp_path)], capsys)
    assert code == 0 and '"one.txt"' in out
    assert "reconcile-notes-feed.txt: skipped, not a regular file" in err
    code, _, err = run(["export", str(tmp_path / "reconcile-notes-feed.txt")], capsys)
    assert code == 1 and err.count("\n") == 1 and "not a folder or a regular file" in err


def test_a_full_disk_on_stdout_is_one_line(tmp_path):
    """Issue 15 #31: `reconcile export > /dev/full` says so in one line, exit 1."""
    import subprocess
    import sys

    write(tmp_path, "a.txt", ARTICLE)
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "tui.cli", "export", str(tmp_path)], stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=60, check=False)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == ["reconcile: cannot write the output (No space left on device)"]


def test_utf16_and_utf32_files_are_text(tmp_path, capsys):
    """Issue 15 #39: Windows tools save UTF-16 with a byte-order mark; it is not binary."""
    (tmp_path / "wide.txt").write_bytes(ARTICLE.encode("utf-16"))
    (tmp_path / "wider.txt").write_bytes(ARTICLE.encode("utf-32"))
    corpus = load_corpus(tmp_path)
    assert [a.paragraphs[0].text for a in corpus.articles] == [ARTICLE.strip()] * 2
    assert not corpus.skipped and not corpus.warnings


def test_a_byte_order_mark_in_toml_files_is_allowed(tmp_path):
    """Issue 15 #39: a BOM in the case file (or notes file) is no '1:1: Invalid statement'."""
    from tui.engine.notes import SCHEMA, NoteStore

    write(tmp_path, "a.txt", ARTICLE)
    (tmp_path / "reconcile.toml").write_text('\ufefftitle = "With a BOM"\n', encoding="utf-8")
    assert load_corpus(tmp_path).title == "With a BOM"
    notes = tmp_path / "notes.toml"
    notes.write_text(f'\ufeffschema = "{SCHEMA}"\n', encoding="utf-8")
    assert not NoteStore(notes).read_only


DEEP = "x = " + "[" * 600 + "]" * 600 + "\n"


def test_deeply_nested_toml_is_an_error_not_a_crash(tmp_path, capsys, monkeypatch):
    """Issue 15 #26/#27: 600 nested arrays or a settings file that is not UTF-8 never crash."""
    from tui.engine.notes import NoteStore
    from tui.ui.config import load_settings

    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "b.md", "+++\n" + DEEP + "+++\n" + ARTICLE)
    loaded = load_corpus(tmp_path)
    assert len(loaded.articles) == 2          # front matter: ignored with a warning, text kept
    assert any("b.md: front matter (not valid TOML, ignored: nested too deeply)" in w for w in loaded.warnings)
    notes = tmp_path / "notes.toml"
    notes.write_text(DEEP)
    store = NoteStore(notes)
    assert store.read_only and "nested too deeply" in (store.problem or "")
    (tmp_path / "reconcile.toml").write_text(DEEP)
    code, _, err = run(["export", str(tmp_path)], capsys)
    assert code == 1 and err.count("\n") == 1 and "nested too deeply" in err
    config = tmp_path / "config"
    monkeypatch.setenv("RECONCILE_CONFIG_DIR", str(config))
    for content in (DEEP.encode(), b"theme = \"\xff\xfe\"\n"):
        write(config, "settings.toml", "")
        (config / "settings.toml").write_bytes(content)
        settings, problem = load_settings()
        assert settings == {} and problem


def test_front_matter_with_a_long_run_of_spaces_is_read_in_linear_time(tmp_path):
    """Issue 15 #32: `title: a` + 64k spaces + `b` took 25 s (a lazy group before \\s*$)."""
    write(tmp_path, "a.md", "---\ntitle: a" + " " * 64_000 + "b\n---\n" + ARTICLE)
    started = time.perf_counter()
    article = load_corpus(tmp_path).articles[0]
    assert time.perf_counter() - started < 2.0
    assert article.title is not None and article.title.startswith("a") and article.title.endswith("b")


@pytest.mark.parametrize("fmt", ["json", "markdown", "html", "w3c"])
def test_exports_hold_no_control_characters(tmp_path, capsys, fmt):
    """Issue 15 #17: OSC 52, CSI (7- and 8-bit) and direction overrides in article text never
    reach a terminal through an export; JSON keeps the exact text, escaped."""
    import json
    import re

    hostile = ("The Pentagon said a Russian jet \x1b]52;c;ZWNobyBoaQ==\x07struck the drone \x9b2J "
               "near the \u202eborder.\n\nMoscow said the drone crashed after a sharp maneuver.\n")
    write(tmp_path, "a.txt", hostile)
    code, out, _ = run(["export", str(tmp_path), "--format", fmt], capsys)
    assert code == 0
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", out)
    if fmt == "json":
        texts = [p["text"] for a in json.loads(out)["articles"] for p in a["paragraphs"]]
        assert any("\x9b2J" in t and "\u202e" in t for t in texts)


def test_a_file_name_that_is_not_utf8(tmp_path, capsys):
    """Issue 15 #24: a Latin-1 file name gives valid UTF-8 exports and notes, never a traceback."""
    import json
    import os

    from tui.engine.anchors import anchor_for_ref
    from tui.engine.model import Ref
    from tui.engine.notes import new_note, open_store

    os.makedirs(tmp_path / "c")
    with open(os.path.join(os.fsencode(tmp_path / "c"), b"lat-\xe9.txt"), "wb") as handle:
        handle.write(ARTICLE.encode())
    out = tmp_path / "out.json"
    code, _, err = run(["export", str(tmp_path / "c"), "-o", str(out)], capsys)
    assert code == 0, err
    [article] = json.loads(out.read_bytes().decode("utf-8"))["articles"]
    assert article["id"] == "lat-\\xe9.txt"
    corpus = load_corpus(tmp_path / "c")
    store = open_store(corpus)
    store.save_note(new_note("on a Latin-1 name", anchor=anchor_for_ref(corpus, Ref(article["id"], 0, 0))))
    assert [n.text for n in open_store(corpus).notes] == ["on a Latin-1 name"]
    for fmt in ("markdown", "html", "w3c"):
        code, text, _ = run(["export", str(tmp_path / "c"), "--format", fmt], capsys)
        assert code == 0 and text.encode("utf-8")


def test_an_unreadable_case_file_is_one_line(tmp_path, capsys, monkeypatch):
    """Issue 15 #28 (root reads everything, so the refusal is simulated)."""
    write(tmp_path, "a.txt", ARTICLE)
    case = tmp_path / "reconcile.toml"
    case.write_text('title = "x"\n')
    real = Path.read_bytes

    def refuse(self):
        if self == case:
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    code, _, err = run(["export", str(tmp_path)], capsys)
    assert code == 1 and err == f"reconcile: {case}:1:1: cannot read (Permission denied)\n"


def test_a_reader_crash_exits_with_a_failure_status(tmp_path, monkeypatch):
    """Issue 15 #31: a crash in the reader must not exit 0."""
    from tui.ui import app as app_module

    class Crashed:
        return_code = 1
        corpus = type("C", (), {"warnings": ()})()

        def run(self):
            return None

    monkeypatch.setattr(app_module, "open_reader", lambda *a, **k: Crashed())
    write(tmp_path, "a.txt", ARTICLE)
    assert main([str(tmp_path)]) == 1


def test_huge_and_binary_files_are_judged_before_they_are_read(tmp_path):
    """Issue 15 #30: a 3 GiB file is skipped by its size, a NUL file by its first 8 KiB."""
    write(tmp_path, "a.txt", ARTICLE)
    with open(tmp_path / "huge.txt", "wb") as handle:
        handle.truncate(3 * 1024 ** 3)          # sparse: costs no disk
    with open(tmp_path / "zeros.txt", "wb") as handle:
        handle.truncate(40 * 1024 ** 2)
    started = time.perf_counter()
    corpus = load_corpus(tmp_path)
    assert time.perf_counter() - started < 2.0
    reasons = {s.path: s.reason for s in corpus.skipped}
    assert reasons["huge.txt"].startswith("too large for an article (3072 MB")
    assert reasons["zeros.txt"] == "binary file"


def test_running_out_of_memory_is_one_line(tmp_path, capsys, monkeypatch):
    """Issue 15 #15: 2,000 articles ended in a MemoryError traceback inside json.dumps."""
    from tui.engine.export import jsondoc as export

    def exhausted(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(export, "write_json", exhausted)
    write(tmp_path, "a.txt", ARTICLE)
    code, _, err = run(["export", str(tmp_path)], capsys)
    assert code == 1 and err.startswith("reconcile: out of memory") and err.count("\n") == 1


@pytest.mark.parametrize("toml,problem", [
    ('[[sides]]\nid = "a"\nactors = [{ name = "" }]\n', "each actor is a name"),
    ('[[sides]]\nid = "a"\nactors = ["Petrov"]\n[[sides]]\nid = "b"\nactors = [{ name = "Olsen", aliases = ["petrov"] }]\n',
     "'petrov' is listed under both sides 'a' and 'b'"),
])
def test_case_file_actors_are_checked(tmp_path, capsys, toml, problem):
    """Issue 15 #40: an empty actor name and an actor under both sides are errors, not silence."""
    write(tmp_path, "a.txt", ARTICLE)
    (tmp_path / "reconcile.toml").write_text(toml)
    code, _, err = run(["export", str(tmp_path)], capsys)
    assert code == 1 and problem in err and err.count("\n") == 1


def test_line_breaks_in_names_cannot_shape_the_report(tmp_path, capsys):
    """Issue 15 #40: a file name or case-file title with line breaks stays on its line."""
    write(tmp_path, "a.txt", ARTICLE)
    (tmp_path / "reconcile.toml").write_text('title = "Case\\n\\n---\\n\\n```\\n- item"\n')
    code, out, _ = run(["export", str(tmp_path), "--format", "markdown"], capsys)
    assert code == 0
    assert out.splitlines()[0].startswith("# Case ") and "item" in out.splitlines()[0]
    assert "\n```" not in out and "\n- item" not in out


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_report_holds_no_control_characters_from_the_case_file_or_front_matter(tmp_path, capsys, fmt):
    """Found by the fuzz (issue 15 #17): a side name, outlet or title with ESC, a C1 CSI or a
    direction override reached the Markdown report (and HTML) raw; shown escaped instead."""
    import re

    write(tmp_path, "reconcile.toml", 'title = "Case \\u001b]0;x\\u0007"\n[[sides]]\nid = "a"\n'
                                      'name = "\\u001b[2JAlpha"\nactors = ["Alpha Ministry"]\n'
                                      '[[articles]]\nfile = "a.md"\noutlet = "Wire \\u009b2J"\n')
    write(tmp_path, "a.md", "---\ntitle: Raw \x1b[31mred \u202eevil\n---\n"
                            "The Alpha Ministry said the drone crashed after a sharp maneuver.\n")
    code, out, _ = run(["export", str(tmp_path), "--format", fmt], capsys)
    assert code == 0
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", out)
    assert "\\x1b" in out and "\\u202eevil" in out
