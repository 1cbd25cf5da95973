"""The sample's exports, byte for byte (issue 12): a refactor must not change them.

A deliberate change of what the engine finds or how it is written shows here first:
look at the diff, then write the new exports with
`RECONCILE_UPDATE_GOLD=1 pytest tests/test_sample_export.py` and say why in the commit.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import SEEDS
from tui.cli import main

GOLD = Path(__file__).parent / "gold" / "sample_export"
FILES = {"json": "export.json", "markdown": "report.md", "html": "report.html",
         "w3c": "annotations.json"}


@pytest.mark.parametrize("fmt", sorted(FILES))
def test_the_samples_export_is_unchanged(tmp_path, monkeypatch, fmt):
    monkeypatch.setenv("RECONCILE_NO_CACHE", "1")
    out = tmp_path / FILES[fmt]
    assert main(["export", str(SEEDS), "--format", fmt, "-o", str(out),
                 "--notes", str(tmp_path / "no-notes.toml")]) == 0
    gold = GOLD / FILES[fmt]
    # where the repository and the test's folder are is not the export's content
    made = out.read_bytes().replace(str(tmp_path).encode(), b"<tmp>").replace(
        str(SEEDS.resolve()).encode(), b"<sample>")
    if os.environ.get("RECONCILE_UPDATE_GOLD") == "1":
        gold.write_bytes(made)
    assert made == gold.read_bytes(), (
        f"the sample's {fmt} export changed: compare {out} with {gold}; if deliberate, "
        "RECONCILE_UPDATE_GOLD=1 pytest tests/test_sample_export.py")
