"""Shared fixtures: the bundled sample, loaded once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.engine.text.loading import load_corpus
from tui.engine.model import Corpus

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session", autouse=True)
def _private_user_dirs(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never touch the real user's config, data or cache folders."""
    for name in ("RECONCILE_CONFIG_DIR", "RECONCILE_DATA_DIR", "RECONCILE_CACHE_DIR"):
        os.environ.setdefault(name, str(tmp_path_factory.mktemp(name.lower())))


@pytest.fixture(autouse=True)
def _fresh_reading_places(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> None:
    """Each test's reader opens on the first dispute: no test resumes where another left."""
    from tui.ui import resume

    place = tmp_path_factory.mktemp("resume") / resume.RESUME_FILE
    monkeypatch.setattr(resume, "_path", lambda: place)


@pytest.fixture(scope="session")
def seeds() -> Corpus:
    return load_corpus(SEEDS)


def write(folder: Path, name: str, text: str | bytes) -> Path:
    """Write one file into a test corpus folder."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def exports_under_seeds(corpus: Path, seeds: tuple[str, ...] = ("1", "2")) -> list[bytes]:
    """The JSON export of `corpus`, once per string hash seed, each in a fresh process."""
    import subprocess
    import sys

    outputs = []
    for seed in seeds:
        env = dict(os.environ, PYTHONHASHSEED=seed, RECONCILE_NO_CACHE="1")
        result = subprocess.run([sys.executable, "-m", "tui", "export", str(corpus)],
                                check=True, env=env, capture_output=True)
        outputs.append(result.stdout)
    return outputs
