"""The command line: version, help, usage errors, the JSON export's schema."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tui import __version__
from tui.cli import main


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0 and capsys.readouterr().out.strip() == f"reconcile {__version__}"


@pytest.mark.parametrize("argv", [["--help"], ["export", "--help"]])
def test_help(argv, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 0 and "usage: reconcile" in capsys.readouterr().out


@pytest.mark.parametrize("argv", [["--bogus"], ["export", "--format", "pdf"], ["a", "b"]])
def test_bad_usage_exits_2(argv, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2


def test_export_json_schema(tmp_path):
    out = tmp_path / "seeds.json"
    assert main(["export", "--format", "json", "-o", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["schema"] == "reconcile.export/4"
    assert set(doc) >= {"schema", "corpus", "articles", "pairs", "facts", "article_similarity"}
    assert [s["id"] for s in doc["corpus"]["sides"]] == ["us", "ru"]
    article = doc["articles"][0]
    assert set(article) >= {"id", "path", "title", "outlet", "date", "paragraphs", "dropped"}
    paragraph = article["paragraphs"][0]
    assert set(paragraph) >= {"index", "text", "start", "end", "source", "sentences"}
    assert set(paragraph["sentences"][0]) >= {"index", "text", "start", "end", "side", "speaker"}
    assert set(article["dropped"][0] if article["dropped"] else {"text", "start", "end", "reason"}) >= {
        "text", "start", "end", "reason"}


def test_export_from_other_directory_uses_bundled_sample(tmp_path):
    result = subprocess.run([sys.executable, "-m", "tui", "export"], cwd=tmp_path,
                            capture_output=True, text=True, check=True)
    assert len(json.loads(result.stdout)["articles"]) == 5


def test_export_markdown(capsys):
    assert main(["export", "--format", "markdown"]) == 0
    assert capsys.readouterr().out.startswith("# ")


def test_the_export_is_the_same_whatever_the_hash_seed(tmp_path):
    """Same input, same output, byte for byte: nothing may follow Python's string hash order."""
    import os
    import subprocess
    import sys

    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"export-{seed}.json"
        env = dict(os.environ, PYTHONHASHSEED=seed, RECONCILE_CACHE_DIR=str(tmp_path / f"cache-{seed}"))
        subprocess.run([sys.executable, "-m", "tui", "export", "--format", "json", "-o", str(out)],
                       check=True, env=env, capture_output=True)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
