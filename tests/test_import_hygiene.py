"""What is imported at run time: the engine must not import Textual (it runs headless and is
tested headless), and the export and a folder of text files load no more than they need.

Which module may import which (the engine no UI, CLI, Textual or Rich; the reader no CLI; the
engine's stages only downwards) is checked statically by import-linter: the contracts are in
pyproject.toml, and `lint-imports` runs in .ci/run before the tests."""

import subprocess
import sys


def test_engine_does_not_import_textual():
    code = (
        "import sys, tui.engine.analysis, tui.engine.text.loading, tui.engine.export.jsondoc, tui.engine.export.report\n"
        "import pkgutil, importlib, tui.engine\n"
        "for m in pkgutil.walk_packages(tui.engine.__path__, 'tui.engine.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = [m for m in sys.modules if m == 'textual' or m.startswith('textual.')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_export_path_does_not_import_textual(tmp_path):
    code = (
        "import sys; from tui.cli import main\n"
        f"main(['export', '-o', r'{tmp_path / 'out.json'}'])\n"
        "assert 'textual' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_folder_of_text_files_never_imports_the_page_extractor():
    """trafilatura is imported when a web page is read, never for text and Markdown files."""
    code = ("import sys; from tui.engine.text.loading import load_corpus; from tui.engine.analysis import analyse\n"
            "from tui.resources import bundled_seeds\n"
            "analyse(load_corpus(bundled_seeds()))\n"
            "assert 'trafilatura' not in sys.modules and 'lxml' not in sys.modules\n")
    subprocess.run([sys.executable, "-c", code], check=True)
