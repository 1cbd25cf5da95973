"""Start-up CPU cuts that must change no result (issue 14)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# Every regular expression an engine module keeps at module level (alone, in a tuple, or in
# an object such as a KeyedPattern), printed one a line.
_ENGINE_PATTERNS = '''
import importlib, pkgutil, re, sys
import tui.engine

for info in pkgutil.walk_packages(tui.engine.__path__, "tui.engine."):
    importlib.import_module(info.name)


def patterns(value, depth=0):
    if isinstance(value, re.Pattern):
        yield value.pattern
    elif isinstance(value, (tuple, list)) and depth < 2:
        for item in value:
            yield from patterns(item, depth + 1)
    elif type(value).__module__.startswith("tui.") and hasattr(value, "__dict__") and depth < 2:
        for item in vars(value).values():
            yield from patterns(item, depth + 1)


for name, module in sorted(sys.modules.items()):
    if name.startswith("tui.engine"):
        for attribute, value in sorted(vars(module).items()):
            for pattern in patterns(value):
                print(name, attribute, repr(pattern))
'''


def _engine_patterns(seed: str) -> str:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    return subprocess.run([sys.executable, "-c", _ENGINE_PATTERNS], env=env, check=True,
                          capture_output=True, text=True).stdout


def test_the_engine_patterns_are_the_same_strings_whatever_the_hash_seed():
    """An alternation joined from a word set in the set's order was another string in every
    process (its words of one length in another order): re's cache never knew it, and a
    pattern should not depend on the hash seed. Sorted by length, then text."""
    first = _engine_patterns("1")
    assert first.count("\n") > 100
    assert _engine_patterns("2") == first
    assert _engine_patterns("3") == first


def test_the_notices_are_scanned_form_by_form_without_their_joined_pattern():
    """The notices (a KeyedPattern of ~80 forms) are searched one keyed form at a time: the
    whole alternation, ~20 ms to compile, is compiled only when asked for, never on the way
    to the sample's result. Asked for, it is every form joined."""
    code = ("from tui.engine.text import boilerplate as b\n"
            "from tui.engine.text.loading import load_corpus\n"
            "from tui.resources import bundled_seeds\n"
            "load_corpus(bundled_seeds())\n"
            "assert 'pattern' not in vars(b.NOTICE), 'compiled at start'\n"
            "assert b.NOTICE.pattern.pattern == '|'.join(form for _, form in b.NOTICE.forms)\n")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_engine_imports_no_secrets_on_its_way_to_a_result(tmp_path):
    """Probing whether the corpus folder can hold the notes names a temporary file with
    os.urandom, as `secrets.token_hex` does, without importing `secrets` (and `random`,
    `base64`, `hmac` with it): a few ms of every launch's engine work before its result."""
    shutil.copytree(SEEDS, tmp_path / "corpus")
    code = ("import sys\n"
            "from pathlib import Path\n"
            "from tui.engine.text.loading import load_corpus\n"
            "from tui.ui.background import analyse_here\n"
            f"corpus = load_corpus(Path({str(tmp_path / 'corpus')!r}))\n"
            "analysis, problem = analyse_here(corpus, None, lambda *report: None)\n"
            "assert analysis.facts and problem is None, problem\n"
            "assert 'secrets' not in sys.modules\n")
    env = dict(os.environ, RECONCILE_NO_CACHE="1", RECONCILE_DATA_DIR=str(tmp_path / "data"))
    subprocess.run([sys.executable, "-c", code], env=env, check=True)
