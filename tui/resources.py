"""Find the bundled sample and themes, installed or in a source checkout.

A wheel carries them as `tui/_data/{seeds,themes}`; an editable install or a
source tree has them at the top of the repository.
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The folder `name` ("seeds" or "themes") shipped with the package."""
    for candidate in (_HERE / "_data" / name, _HERE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the bundled '{name}' folder is missing from this installation")


def bundled_seeds() -> Path:
    return data_dir("seeds")


def bundled_themes() -> Path:
    return data_dir("themes")
