"""Start-up CPU cuts that must change no result (issue 14)."""

from __future__ import annotations

import os
import subprocess
import sys

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
