"""What the reader's start path imports, and when (issue 14: start-up time).

The reader forks its engine child after `tui.ui.app._import_shared`: what is imported there is
imported once for both processes, and is no longer imported while the first dispute is painted.
Each check runs in a fresh interpreter, so modules other tests imported do not count."""

import subprocess
import sys
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _run(code: str) -> None:
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_word_diff_is_imported_before_the_fork():
    """The first dispute's differing words need the word diff (on rapidfuzz), and the child's
    pairing needs rapidfuzz: imported before the fork, neither pays for it on its way to the
    first dispute (a first launch painted the result only after importing rapidfuzz)."""
    _run("import sys\n"
         "from tui.ui import app\n"
         "assert 'rapidfuzz' not in sys.modules\n"
         "app._import_shared()\n"
         "assert 'tui.engine.export.worddiff' in sys.modules and 'rapidfuzz' in sys.modules\n"
         "assert 'textual' not in sys.modules\n")


def test_the_reader_imports_no_file_writer_before_it_writes():
    """Saving settings (and notes, exports) writes atomically with a random temporary name:
    `secrets`, `hmac` and `hashlib` are imported when something is saved, not while the
    first dispute is on its way."""
    _run("import sys\n"
         "import tui.ui.reader\n"
         "bad = [m for m in ('secrets', 'hmac', 'tui.engine.atomic') if m in sys.modules]\n"
         "assert not bad, bad\n")


def test_a_first_launch_reads_no_notes_store_in_the_engine_child(tmp_path):
    """A corpus opened for the first time has no notes file: the engine child learns that
    there are no decisions without importing the notes store, its TOML reader and views
    (~25 ms before the first result), and finds what the store would: nothing to apply,
    no problem in a writable folder."""
    _run("import sys\n"
         "from pathlib import Path\n"
         "from tui.engine.text.loading import load_corpus\n"
         "from tui.resources import bundled_seeds\n"
         "from tui.ui.background import notes_inputs\n"
         "corpus = load_corpus(bundled_seeds())\n"
         f"for path in (Path({str(tmp_path / 'n.toml')!r}), None):  # given, and the default place\n"
         "    got = notes_inputs(corpus, path)\n"
         "    assert got == ([], [], None), got\n"
         "bad = [m for m in ('tui.engine.notes.store', 'tui.engine.notes.tomlfile',\n"
         "                   'tui.engine.notes.views', 'tui.engine.notes.records') if m in sys.modules]\n"
         "assert not bad, bad\n")


def test_the_notes_package_names_everything_it_exports():
    """The notes package imports a module on a name's first use: every name it exports
    resolves to the module's own object, and nothing is imported before it is asked for."""
    _run("import sys, importlib\n"
         "import tui.engine.notes as notes\n"
         "assert 'tui.engine.notes.store' not in sys.modules\n"
         "assert sorted(notes.__all__) == sorted(notes._MODULE_OF)\n"
         "for name in notes.__all__:\n"
         "    home = importlib.import_module('tui.engine.notes.' + notes._MODULE_OF[name])\n"
         "    assert getattr(notes, name) is getattr(home, name), name\n"
         "try:\n"
         "    notes.nothing_here\n"
         "except AttributeError:\n"
         "    pass\n"
         "else:\n"
         "    raise AssertionError('an unknown name resolved')\n")


def test_a_small_corpus_imports_no_process_pool():
    """Loading and pairing use a process pool only for a large corpus: the sample's analysis
    (the reader's engine child on a first launch) imports neither `multiprocessing` nor
    `concurrent.futures` (~25 ms of its way to the first dispute)."""
    _run("import sys\n"
         "from tui.ui import app\n"
         "app._import_shared()\n"
         "import tui.ui.background\n"
         "from tui.engine.text.loading import load_corpus\n"
         "from tui.engine.analysis import analyse\n"
         f"analyse(load_corpus({str(SEEDS)!r}))\n"
         "bad = [m for m in ('multiprocessing', 'concurrent.futures') if m in sys.modules]\n"
         "assert not bad, bad\n")
