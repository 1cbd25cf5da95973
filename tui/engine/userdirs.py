"""The user's folders for reconcile: config, data and cache.

Each is platformdirs' folder for "reconcile", unless `RECONCILE_<KIND>_DIR`
names another one: tests and portable setups must never touch the real ones.
Nothing is created here.
"""

from __future__ import annotations

from pathlib import Path

from .environment import Folder, folder_override


def user_dir(kind: Folder) -> Path:
    """The folder of `kind` ("config", "data" or "cache"), the env override first."""
    override = folder_override(kind)
    if override is not None:
        return override
    import platformdirs

    finder = {"config": platformdirs.user_config_dir, "data": platformdirs.user_data_dir,
              "cache": platformdirs.user_cache_dir}[kind]
    return Path(finder("reconcile"))
