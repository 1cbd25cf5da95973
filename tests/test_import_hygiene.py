"""The engine must not import Textual: it runs headless and is tested headless."""

import subprocess
import sys


def test_engine_does_not_import_textual():
    code = (
        "import sys, tui.engine.analysis, tui.engine.loading, tui.engine.export, tui.engine.report\n"
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
    code = ("import sys; from tui.engine.loading import load_corpus; from tui.engine.analysis import analyse\n"
            "from tui.resources import bundled_seeds\n"
            "analyse(load_corpus(bundled_seeds()))\n"
            "assert 'trafilatura' not in sys.modules and 'lxml' not in sys.modules\n")
    subprocess.run([sys.executable, "-c", code], check=True)


def _imports(path) -> set[str]:
    """Absolute names of the modules a source file imports (relative imports resolved)."""
    import ast

    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[:len(package.split(".")) - node.level + 1] if node.level else []
            name = ".".join([*base, node.module] if node.module else base)
            found.add(name)
            found |= {f"{name}.{alias.name}" for alias in node.names}
    return found


ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent


def test_the_layers_import_only_downwards():
    """Issue 12: the engine imports no UI, no CLI and no Textual or Rich (it is tested
    headless); the reader never imports the command line (they once imported each other)."""
    rules = {"tui/engine": ("tui.ui", "tui.cli", "textual", "rich"), "tui/ui": ("tui.cli",)}
    crossing = []
    for folder, banned in rules.items():
        for path in sorted((ROOT / folder).rglob("*.py")):
            for name in _imports(path):
                if any(name == b or name.startswith(b + ".") for b in banned):
                    crossing.append(f"{path.relative_to(ROOT)} imports {name}")
    assert not crossing, crossing
