"""Where the reader was in each corpus: the fact and the filter, so reopening a folder lands
where the user left it instead of on the first dispute with the filter reset.

Kept in the user data folder (`resume.json`, JSON: it is read while the first dispute is
being shown, and a TOML reader cost that moment 10-15 ms of imports), keyed by the corpus
folder's resolved path, the most recent 100 corpora only.  Losing this file loses nothing but
the place, so every error reading or writing it is ignored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..engine.userdirs import user_dir

RESUME_FILE = "resume.json"
KEEP = 100


@dataclass(frozen=True)
class Place:
    """The fact the reader showed (its id) and the list's filter."""

    fact: str | None
    filter: str


def _path() -> Path:
    return user_dir("data") / RESUME_FILE


def _key(corpus_path: Path) -> str:
    return str(Path(corpus_path).resolve())


def _read() -> dict:
    try:
        places = json.loads(_path().read_bytes()).get("places", {})
    except Exception:  # noqa: BLE001 - a lost place is no error worth showing
        return {}
    return places if isinstance(places, dict) else {}


def load(corpus_path: Path) -> Place | None:
    """Where the reader was in this corpus, if it was ever opened."""
    entry = _read().get(_key(corpus_path))
    if not isinstance(entry, dict) or not isinstance(entry.get("filter"), str):
        return None
    fact = entry.get("fact")
    return Place(fact if isinstance(fact, str) else None, entry["filter"])


def save(corpus_path: Path, place: Place) -> None:
    """Remember the place (most recent last; the oldest beyond KEEP are forgotten)."""
    from ..engine.atomic import write_atomic  # saving is never on the way to the first paint

    places = _read()
    places.pop(_key(corpus_path), None)
    entry = {"filter": place.filter} | ({"fact": place.fact} if place.fact else {})
    places[_key(corpus_path)] = entry
    places = dict(list(places.items())[-KEEP:])
    try:
        write_atomic(_path(), json.dumps({"places": places}, ensure_ascii=False, indent=1)
                     .encode("utf-8"), keep_backup=False)
    except (OSError, TypeError, ValueError):
        pass
