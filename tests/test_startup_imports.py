"""What the reader's start path imports, and when (issue 14: start-up time).

The reader forks its engine child after `tui.ui.app._import_shared`: what is imported there is
imported once for both processes, and is no longer imported while the first dispute is painted.
Each check runs in a fresh interpreter, so modules other tests imported do not count."""

import subprocess
import sys


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
