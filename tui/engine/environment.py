"""Every environment variable reconcile reads, read here and nowhere else.

- `RECONCILE_CONFIG_DIR`, `RECONCILE_DATA_DIR`, `RECONCILE_CACHE_DIR`: another folder than
  platformdirs' for settings, notes kept outside the corpus, and the analysis cache (tests and
  portable setups must never touch the real ones);
- `RECONCILE_NO_CACHE`, `RECONCILE_NO_POOL`, `RECONCILE_NO_FORK`: turn off the analysis cache,
  the worker processes of loading and pairing, and the reader's forked engine child.

A switch is on when set to anything but empty or "0", so `RECONCILE_NO_POOL=0` means what it says.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

Folder = Literal["config", "data", "cache"]
Switch = Literal["cache", "pool", "fork"]


def folder_override(kind: Folder) -> Path | None:
    """The folder `RECONCILE_<KIND>_DIR` names, or None when it is not set (or empty)."""
    value = os.environ.get(f"RECONCILE_{kind.upper()}_DIR")
    return Path(value) if value else None


def turned_off(what: Switch) -> bool:
    """Whether `RECONCILE_NO_<WHAT>` turns that part off."""
    return os.environ.get(f"RECONCILE_NO_{what.upper()}", "").strip() not in ("", "0")
