"""The reader's small persistent settings (the chosen theme) and where they live.

The folder is `platformdirs.user_config_dir("reconcile")`, or the folder
named by the `RECONCILE_CONFIG_DIR` environment variable: tests and
benchmarks set it so they never read or write a real user's configuration.
A settings file that cannot be read is ignored (reported by the caller), never
fatal: the reader must open even with a broken config.
"""

from __future__ import annotations

from pathlib import Path

from ..engine.tomlcompat import decode, parse, tomllib
from ..engine.userdirs import user_dir

SETTINGS_FILE = "settings.toml"


def config_dir() -> Path:
    """The user's config folder for reconcile (not created here)."""
    return user_dir("config")


def user_themes_dir() -> Path:
    """Where a user drops extra theme files."""
    return config_dir() / "themes"


def load_settings() -> tuple[dict, str | None]:
    """The saved settings and an error message when the file is unreadable."""
    path = config_dir() / SETTINGS_FILE
    try:
        return parse(decode(path.read_bytes())), None
    except FileNotFoundError:
        return {}, None
    except (OSError, tomllib.TOMLDecodeError) as exc:
        return {}, f"{path}: {exc}"


def save_setting(key: str, value: str) -> str | None:
    """Store one string setting; returns an error message instead of raising.

    Written to a temporary file and renamed so a crash never leaves half a file.  The
    writer (and its `secrets`, `hmac`, `hashlib`) is imported here, when the user picks a
    theme, not on the way to the first paint.
    """
    from ..engine.atomic import write_atomic

    settings, _ = load_settings()
    settings[key] = value
    path = config_dir() / SETTINGS_FILE
    try:
        import tomli_w

        write_atomic(path, tomli_w.dumps(settings).encode("utf-8"), keep_backup=False)
    except (OSError, TypeError, ValueError) as exc:
        return f"{path}: cannot save settings ({exc})"
    return None
