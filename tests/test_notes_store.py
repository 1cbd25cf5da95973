"""The notes file: round trips, atomic saves, damaged files left alone, merges, default place."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import write
from tui.engine import notes as notes_mod
from tui.engine.notes import location as notes_location
from tui.engine.notes import store as notes_store
from tui.engine.notes import tomlfile as notes_toml
from tui.engine.anchors import anchor_for_ref
from tui.engine.atomic import backup_path, locked
from tui.engine.text.loading import load_corpus
from tui.engine.model import Corpus, Link, Ref, SideFix
from tui.engine.notes import (NOTES_FILE, SCHEMA, NoteStore, NotesReadOnly, default_notes_path,
                              dump_notes, new_note, open_store, parse_notes, parse_tags)

ROOT = Path(__file__).resolve().parent.parent
TEXT = ("The Pentagon said a Russian jet struck the drone's propeller.\n\n"
        "Moscow said the drone crashed after a sharp maneuver. It denied any contact.\n")


@pytest.fixture()
def corpus(tmp_path: Path) -> Corpus:
    folder = tmp_path / "corpus"
    write(folder, "us.txt", TEXT)
    write(folder, "ru.txt", "Russia's Defense Ministry said its jets did not touch the drone.\n")
    return load_corpus(folder)


def test_round_trip_keeps_every_field(corpus: Corpus):
    store = open_store(corpus)
    assert store.path == corpus.path / NOTES_FILE and not store.read_only
    anchor = anchor_for_ref(corpus, Ref("us.txt", 1, 1))
    saved = store.save_note(new_note("Denial, no evidence.\nSee TASS.", "refuted", ["contact", "x"],
                                     fact="f1", anchor=anchor))
    store.save_note(new_note("fact only", fact="f2"))
    store.add_link(anchor, anchor_for_ref(corpus, Ref("ru.txt", 0, 0)), same=True)
    store.set_side("ru", speaker="Moscow")
    store.set_side(None, anchor=anchor)
    again = open_store(corpus)
    assert again.notes == store.notes and again.note(saved.id) == saved
    assert again.links == store.links and again.side_fixes == store.side_fixes
    text = store.path.read_text(encoding="utf-8")
    assert f'schema = "{SCHEMA}"' in text and "Denial, no evidence.\nSee TASS." in text


def test_a_save_writes_only_the_changed_record(corpus: Corpus, monkeypatch):
    """Issue 15 #38: with 10,000 notes each save dumped and re-read the whole 6.8 MB file on
    the UI thread (seconds).  A save now writes the one changed record's block and joins the
    others, which a reopened store prepares ahead (in a thread in the reader)."""
    store = open_store(corpus)
    for n in range(30):
        store.save_note(new_note(f"note {n}\nsecond line", tags=["t"]))
    written: list[str] = []
    real = notes_toml.write_block

    def counted(kind, table):
        written.append(table["id"])
        return real(kind, table)

    for module in (notes_toml, notes_store):  # saves write in one, prepare() in the other
        monkeypatch.setattr(module, "write_block", counted)
    changed = store.save_note(new_note("one more"))
    assert written == [changed.id]
    again = open_store(corpus)
    again.prepare()
    assert len(written) == 32
    again.save_note(new_note("after prepare"))
    assert len(written) == 33
    assert len(open_store(corpus).notes) == 32 and open_store(corpus).notes == again.notes


def test_prepare_stops_when_told(corpus: Corpus, monkeypatch):
    store = open_store(corpus)
    store.save_note(new_note("a"))
    again = open_store(corpus)
    again.prepare(stopped=lambda: True)
    assert again._fragments == {}


def test_engine_inputs_resolve_against_the_current_corpus(corpus: Corpus):
    store = open_store(corpus)
    a, b = anchor_for_ref(corpus, Ref("us.txt", 1, 1)), anchor_for_ref(corpus, Ref("ru.txt", 0, 0))
    store.add_link(a, b, same=False)
    store.add_link(a, b, same=True)  # a later word replaces the earlier one
    store.set_side("us", speaker="Pentagon")
    store.set_side("ru", anchor=a)
    write(corpus.path, "us.txt", "A new first paragraph was added by the editor this morning.\n\n" + TEXT)
    links, fixes = store.engine_inputs(load_corpus(corpus.path))
    assert links == [Link(Ref("us.txt", 2, 1), Ref("ru.txt", 0, 0), True)]
    assert fixes == [SideFix("us", None, "Pentagon"), SideFix("ru", Ref("us.txt", 2, 1), None)]
    write(corpus.path, "us.txt", "Nothing of the old text remains in this file.\n")
    fresh = load_corpus(corpus.path)
    assert store.engine_inputs(fresh) == ([], [SideFix("us", None, "Pentagon")])
    assert len(store.unresolved_decisions(fresh)) == 2


def test_save_keeps_the_previous_version_as_bak(corpus: Corpus):
    store = open_store(corpus)
    store.save_note(new_note("first"))
    first = store.path.read_bytes()
    store.save_note(new_note("second"))
    assert backup_path(store.path).read_bytes() == first
    assert [n.text for n in open_store(corpus).notes] == ["first", "second"]


def test_edit_and_delete(corpus: Corpus):
    store = open_store(corpus)
    note = store.save_note(new_note("draft"))
    edited = store.save_note(note.__class__(**{**note.__dict__, "text": "final"}))
    assert edited.updated >= note.updated and edited.created == note.created
    assert [n.text for n in open_store(corpus).notes] == ["final"]
    store.delete_note(note.id)
    assert open_store(corpus).notes == []


@pytest.mark.parametrize("content, where, words", [
    ('schema = "reconcile.notes/1"\n[[notes]\nid = "x"\n', ":2:", "not valid TOML"),
    ('title = "something else"\n', ":1:1:", "not a reconcile notes file"),
    ('# c\nschema = "reconcile.notes/9"\n', ":2:1:", "reconcile.notes/9"),
    ('schema = "reconcile.notes/1"\n\n[[notes]]\nid = "a"\ntext = "t"\nverdict = "true"\n'
     'created = 2024-01-01T00:00:00Z\nupdated = 2024-01-01T00:00:00Z\n', ":3:1:", "verdict"),
])
def test_damaged_file_is_never_overwritten(corpus: Corpus, content: str, where: str, words: str):
    path = corpus.path / NOTES_FILE
    path.write_text(content, encoding="utf-8")
    store = open_store(corpus)
    assert store.read_only and where in (store.problem or "") and words in (store.problem or "")
    with pytest.raises(NotesReadOnly):
        store.save_note(new_note("would clobber"))
    assert path.read_text(encoding="utf-8") == content
    assert not backup_path(path).exists()


def test_file_damaged_while_running_is_not_overwritten(corpus: Corpus):
    store = open_store(corpus)
    store.save_note(new_note("mine"))
    store.path.write_text("schema = oops\n", encoding="utf-8")
    with pytest.raises(NotesReadOnly, match=":1:"):
        store.save_note(new_note("another"))
    assert store.path.read_text(encoding="utf-8") == "schema = oops\n"


def test_concurrent_change_is_merged_not_clobbered(corpus: Corpus):
    a = open_store(corpus)
    shared = a.save_note(new_note("shared, first words"))
    doomed = a.save_note(new_note("to be deleted"))
    b = open_store(corpus)
    b.save_note(new_note("from b"))                       # b adds
    a.delete_note(doomed.id)                               # a deletes (b untouched it)
    b_view = b.note(shared.id)
    b.save_note(b_view.__class__(**{**b_view.__dict__, "text": "b's edit"}))
    a_view = a.note(shared.id)                             # a still holds the first words
    a.save_note(a_view.__class__(**{**a_view.__dict__, "text": "a's later edit"}))
    final = {n.text for n in open_store(corpus).notes}
    assert final == {"a's later edit", "from b"}
    assert a.reloaded >= 1 and b.reloaded >= 1


def test_newest_edit_wins_on_conflict(corpus: Corpus):
    a = open_store(corpus)
    note = a.save_note(new_note("v0"))
    b = open_store(corpus)
    a.save_note(note.__class__(**{**note.__dict__, "text": "older edit by a"}))
    time.sleep(0.001)
    b.save_note(note.__class__(**{**note.__dict__, "text": "newer edit by b"}))
    a.save_note(new_note("unrelated"))  # a must pick up b's newer edit, not re-write its own
    assert {n.text for n in open_store(corpus).notes} == {"newer edit by b", "unrelated"}


def test_default_path_beside_a_writable_corpus(corpus: Corpus):
    assert default_notes_path(corpus.path) == corpus.path.resolve() / NOTES_FILE


def test_default_path_falls_back_to_data_dir(corpus: Corpus, tmp_path: Path, monkeypatch):
    """A read-only corpus (e.g. the bundled sample in site-packages) gets a per-corpus data file."""
    monkeypatch.setenv("RECONCILE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(notes_location, "can_write_in", lambda folder: folder != corpus.path.resolve())
    path = default_notes_path(corpus.path)
    assert path.parent == tmp_path / "data" / "notes" and path.name.startswith("corpus-")
    other = default_notes_path(tmp_path)  # a different corpus gets a different file
    assert other != path
    store = open_store(corpus)
    store.save_note(new_note("kept in the data dir"))
    assert store.path == path and path.exists() and not (corpus.path / NOTES_FILE).exists()


def test_notes_beside_a_corpus_that_became_read_only_are_read(corpus: Corpus, tmp_path: Path, monkeypatch):
    """Issue 15 #22: the existing file beside the corpus wins over an empty one in the data folder."""
    open_store(corpus).save_note(new_note("written while the folder was writable"))
    monkeypatch.setenv("RECONCILE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(notes_location, "can_write_in", lambda folder: folder != corpus.path.resolve())
    store = open_store(corpus)
    assert store.path == corpus.path.resolve() / NOTES_FILE
    assert [n.text for n in store.notes] == ["written while the folder was writable"]
    assert store.read_only and "--notes" in (store.problem or "")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can write anywhere")
def test_really_read_only_folder(corpus: Corpus, tmp_path: Path, monkeypatch):  # pragma: no cover
    monkeypatch.setenv("RECONCILE_DATA_DIR", str(tmp_path / "data"))
    corpus.path.chmod(0o555)
    try:
        assert default_notes_path(corpus.path).is_relative_to(tmp_path / "data")
    finally:
        corpus.path.chmod(0o755)


def test_bundled_sample_gets_a_usable_notes_path(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("RECONCILE_DATA_DIR", str(tmp_path))
    path = default_notes_path(ROOT / "seeds")
    assert path.is_relative_to(tmp_path)  # never inside the package, even when writable


def test_parse_tags():
    """Issue 15 #6: tags are comma separated; a tag may hold spaces."""
    assert parse_tags(" a, b  c,a,, ") == ("a", "b c")
    assert parse_tags("collision, video, fuel dump") == ("collision", "video", "fuel dump")


TOMLISH = st.sampled_from(['"', "'", '"""', "'''", "\\", "\n", "\r\n", "\r", "\t", "#", "[", "]",
                           "=", "\x00", "\x7f", "\u2028", "\ufeff", "é", "😀", "\\u0041", " "])
TEXTS = st.one_of(st.text(), st.lists(st.one_of(TOMLISH, st.text(max_size=5))).map("".join),
                  st.text(min_size=1, max_size=3).map(lambda s: s * 4000))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, tags=st.lists(st.text(min_size=1, max_size=8), max_size=3), quote=TEXTS)
def test_any_note_text_round_trips_exactly(text: str, tags: list[str], quote: str):
    from tui.engine.anchors import Anchor

    anchor = Anchor("a b/ü.txt", "0" * 64, quote, quote[:32], quote[-32:], 0, len(quote))
    note = new_note(text, "misleading", tags, fact=text[:10], anchor=anchor)
    data = notes_mod.NotesData(notes={note.id: note})
    back = parse_notes(dump_notes(data), Path("n.toml"))
    assert back.notes[note.id] == note


WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from tui.engine.notes import NoteStore, new_note
    store = NoteStore(Path(sys.argv[1]))
    i = 0
    while True:
        i += 1
        store.save_note(new_note(f"note {i} " + "x" * 100_000))
        print(i, flush=True)
""")

RAW_WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from tui.engine.atomic import write_atomic
    docs = [b"schema = 'reconcile.notes/1'\\n# " + bytes([65 + k]) * 8_000_000 + b"\\n" for k in (0, 1)]
    i = 0
    print(0, flush=True)
    while True:
        write_atomic(Path(sys.argv[1]), docs[i % 2])
        i += 1
""")


def _kill_after(script: str, path: Path, delay: float) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", script, str(path)], env=env,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    proc.stdout.readline()
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stdout.close()


def test_killed_store_writer_leaves_a_readable_file(tmp_path: Path):
    """SIGKILL a process saving notes in a loop; the file and its .bak must always load."""
    path = tmp_path / NOTES_FILE
    for delay in (0.1, 0.25, 0.4):
        _kill_after(WRITER, path, delay)
        store = NoteStore(path)
        assert not store.read_only, store.problem
        assert store.notes and all(n.text.endswith("x" * 100_000) for n in store.notes)
        assert not NoteStore(backup_path(path)).read_only


def test_killed_atomic_writer_leaves_old_or_new_bytes(tmp_path: Path):
    """Kill mid-write (8 MB writes, so most kills land inside one): whole old or whole new file."""
    path = tmp_path / "f.toml"
    expected = {b"schema = 'reconcile.notes/1'\n# " + bytes([65 + k]) * 8_000_000 + b"\n" for k in (0, 1)}
    for delay in (0.05, 0.12, 0.2, 0.31, 0.45, 0.6):
        _kill_after(RAW_WRITER, path, delay)
        if path.exists():
            assert path.read_bytes() in expected
        if backup_path(path).exists():
            assert backup_path(path).read_bytes() in expected
    leftovers = list(tmp_path.glob(".*.tmp"))  # a kill inside a write leaves only a hidden temp
    assert all(p.name.startswith(".f.toml") for p in leftovers)


def test_stale_temporaries_are_swept(tmp_path: Path):
    from tui.engine.atomic import sweep_temps, write_atomic

    path = tmp_path / NOTES_FILE
    stale, fresh = tmp_path / f".{NOTES_FILE}.dead.tmp", tmp_path / f".{NOTES_FILE}.live.tmp"
    stale.write_bytes(b"half")
    fresh.write_bytes(b"half")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    write_atomic(path, b"x")
    assert not stale.exists() and fresh.exists() and sweep_temps(path) == 0


def test_targets_and_index(corpus: Corpus):
    from tui.engine.model import Account, Fact
    from tui.engine.notes import NoteIndex, target_for

    account = Account("ru", Ref("us.txt", 1, 0), "Moscow said ...", "Moscow")
    fact = Fact("f9", "Maneuver", "disputed", 1, (), (account,))
    assert target_for(corpus) is None
    on_fact = target_for(corpus, fact)
    assert on_fact.fact == "f9" and on_fact.quote.startswith("Moscow said the drone")
    assert target_for(corpus, fact, account).label == "Maneuver - Moscow"
    store = open_store(corpus)
    a = store.save_note(new_note("on the account", anchor=on_fact.anchor, fact="f-old-id"))
    b = store.save_note(new_note("on the fact only", fact="f9"))
    store.save_note(new_note("elsewhere", anchor=anchor_for_ref(corpus, Ref("us.txt", 0, 0))))
    index = NoteIndex.build(store, corpus)
    assert {n.id for n in index.for_fact(fact)} == {a.id, b.id}  # anchor rules, not the old fact id
    assert [n.text for n in index.for_ref(Ref("us.txt", 0, 0))] == ["elsewhere"]
    assert index.orphaned == ()


def test_a_save_keeps_the_files_permissions(corpus: Corpus):
    """Issue 15 #19: a private notes file (and its backup) stays private."""
    store = open_store(corpus)
    store.save_note(new_note("first"))
    os.chmod(store.path, 0o600)
    store.save_note(new_note("second"))
    store.save_note(new_note("third"))
    assert store.path.stat().st_mode & 0o777 == 0o600
    assert backup_path(store.path).stat().st_mode & 0o777 == 0o600


def test_a_linked_notes_file_is_never_written_through(corpus: Corpus, tmp_path: Path):
    """Issue 15 #19: a planted link neither sends the save elsewhere nor is replaced by a file."""
    target = tmp_path / "elsewhere.toml"
    target.write_text(f'schema = "{SCHEMA}"\n')
    (corpus.path / NOTES_FILE).symlink_to(target)
    store = open_store(corpus)
    assert store.read_only and "link" in (store.problem or "")
    with pytest.raises(NotesReadOnly):
        store.save_note(new_note("x"))
    assert target.read_text() == f'schema = "{SCHEMA}"\n' and (corpus.path / NOTES_FILE).is_symlink()


def test_a_read_only_notes_file_is_refused_even_to_root(corpus: Corpus, monkeypatch):
    store = open_store(corpus)
    store.save_note(new_note("first"))
    os.chmod(store.path, 0o444)
    monkeypatch.setattr(os, "access", lambda *a, **k: True)   # what root is told
    again = open_store(corpus)
    assert again.read_only and "read-only" in (again.problem or "")
    os.chmod(store.path, 0o644)


def test_a_planted_lock_link_creates_nothing(corpus: Corpus, tmp_path: Path):
    victim = tmp_path / "created-by-the-lock"
    (corpus.path / f".{NOTES_FILE}.lock").symlink_to(victim)
    store = open_store(corpus)
    with pytest.raises(OSError):
        store.save_note(new_note("x"))
    assert not victim.exists()


def test_the_notes_lock_makes_a_second_writer_wait(tmp_path: Path):
    """Issue 12: while one process holds the notes lock, another waits for it (the fcntl lock
    it replaces did nothing on Windows; filelock locks there too). The lock file is private."""
    import threading

    target = tmp_path / NOTES_FILE
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from pathlib import Path; from tui.engine.atomic import locked\n"
         f"with locked(Path({str(target)!r})):\n    print('held', flush=True); sys.stdin.readline()\n"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        entered = threading.Event()

        def second_writer() -> None:
            with locked(target):
                entered.set()

        threading.Thread(target=second_writer, daemon=True).start()
        assert not entered.wait(0.5), "the second writer went in while the first held the lock"
        holder.communicate("\n", timeout=30)           # the first writer is done
        assert entered.wait(30)
    finally:
        holder.kill()
    assert os.stat(tmp_path / f".{NOTES_FILE}.lock").st_mode & 0o077 == 0


def test_a_failed_save_leaves_no_phantom_and_the_next_one_works(corpus: Corpus, monkeypatch):
    """Issue 15 #20: memory changes only after the write succeeds."""
    store = open_store(corpus)
    store.save_note(new_note("kept"))
    real = notes_store.write_atomic

    def refuse(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(notes_store, "write_atomic", refuse)
    with pytest.raises(OSError):
        store.save_note(new_note("phantom"))
    assert [n.text for n in store.notes] == ["kept"]
    monkeypatch.setattr(notes_store, "write_atomic", real)
    store.save_note(new_note("later"))
    assert [n.text for n in open_store(corpus).notes] == ["kept", "later"]


def test_nan_kept_from_the_file_does_not_block_saves(corpus: Corpus):
    """Issue 15 #20/#25: an unknown key holding nan survives and saves still work."""
    path = corpus.path / NOTES_FILE
    path.write_text(f"schema = \"{SCHEMA}\"\nfuture_field = nan\n")
    store = open_store(corpus)
    store.save_note(new_note("after nan"))
    text = path.read_text()
    assert "future_field = nan" in text and "after nan" in text


def test_a_fifo_notes_file_is_not_read(corpus: Corpus):
    """Issue 15 #36: a FIFO named like the notes file would hang the reader."""
    os.mkfifo(corpus.path / NOTES_FILE)
    store = open_store(corpus)
    assert store.read_only and "not a regular file" in (store.problem or "")


def test_unknown_keys_inside_an_anchor_survive_a_save(corpus: Corpus):
    """Issue 15 #21: keys a newer version (or a person) adds to [notes.anchor] are written back."""
    store = open_store(corpus)
    store.save_note(new_note("first", anchor=anchor_for_ref(corpus, Ref("us.txt", 0, 0))))
    path = store.path
    path.write_text(path.read_text().replace("[notes.anchor]\n", '[notes.anchor]\nselector = "css:p.lede"\n'))
    again = open_store(corpus)
    again.save_note(new_note("second"))
    assert 'selector = "css:p.lede"' in path.read_text()


def test_the_child_reads_decisions_as_the_store_does(tmp_path):
    """The engine child's short way for a corpus without a notes file gives what the store
    gives; with a file it reads the store (a side correction is applied, not skipped)."""
    from tui.engine.notes import open_store
    from tui.engine.text.loading import load_corpus
    from tui.resources import bundled_seeds
    from tui.ui.background import notes_inputs

    corpus = load_corpus(bundled_seeds())
    path = tmp_path / "n.toml"
    store = open_store(corpus, path)
    assert notes_inputs(corpus, path) == (*store.engine_inputs(corpus), store.problem) == ([], [], None)
    path.write_text("not = [toml\n")
    links, fixes, problem = notes_inputs(corpus, path)
    assert problem is not None and problem == open_store(corpus, path).problem
