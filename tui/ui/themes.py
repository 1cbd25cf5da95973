"""Theme files (TOML) turned into Textual `Theme` objects.

A theme file gives Textual's base colours plus three app variables that the
reader's CSS uses: `side-a` and `side-b` (the two sides' colours) and
`dispute` (the background of words that differ between versions).  Bundled
themes live in `themes/`; a user adds more by dropping files into the config
folder's `themes/`.  A bad file is reported, never fatal.

    name = "dark"
    dark = true
    primary = "#4c9be8"
    ...
    [variables]
    side-a = "#5fa8ff"
    side-b = "#ff9f43"
    dispute = "#7a4e00"
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from pathlib import Path

from ..engine.tomlcompat import decode, parse, tomllib

from textual.theme import Theme

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.dom import DOMNode

DEFAULT_THEME = "dark"
APP_VARIABLES = {"side-a": "#5fa8ff", "side-b": "#ff9f43", "dispute": "#8a5a00"}
_COLOURS = ("primary", "secondary", "warning", "error", "success", "accent",
            "foreground", "background", "surface", "panel", "boost")


class ThemeFileError(ValueError):
    """A theme file that cannot become a Theme."""


@dataclass
class ThemeSet:
    """Themes found in the folders, and the problems with the files that were not."""

    themes: dict[str, Theme] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def theme_from_toml(path: Path) -> Theme:
    """Read one theme file; raises ThemeFileError with the file and the problem."""
    try:
        data = parse(decode(path.read_bytes()))
    except tomllib.TOMLDecodeError as exc:
        raise ThemeFileError(f"{path.name}: {exc}") from None
    except OSError as exc:
        raise ThemeFileError(f"{path.name}: cannot read ({exc.strerror})") from None
    name = data.get("name", path.stem)
    if not isinstance(name, str) or not name.strip():
        raise ThemeFileError(f"{path.name}: 'name' must be a non-empty string")
    if "primary" not in data:
        raise ThemeFileError(f"{path.name}: 'primary' colour is required")
    variables = data.get("variables", {})
    if not isinstance(variables, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in variables.items()):
        raise ThemeFileError(f"{path.name}: [variables] must map names to colour strings")
    kwargs = {}
    for key in _COLOURS:
        if key in data:
            if not isinstance(data[key], str):
                raise ThemeFileError(f"{path.name}: '{key}' must be a colour string")
            kwargs[key] = data[key]
    for key in ("luminosity_spread", "text_alpha"):
        if key in data:
            if not isinstance(data[key], (int, float)):
                raise ThemeFileError(f"{path.name}: '{key}' must be a number")
            kwargs[key] = float(data[key])
    theme = Theme(name=name.strip(), dark=bool(data.get("dark", True)),
                  variables={**APP_VARIABLES, **variables}, **kwargs)
    try:
        theme.to_color_system().generate()
        _check_colours(theme.variables)
    except Exception as exc:  # Textual raises several types for bad colours
        raise ThemeFileError(f"{path.name}: {exc}") from None
    return theme


def _check_colours(variables: dict[str, str]) -> None:
    from textual.color import Color

    for key in APP_VARIABLES:
        Color.parse(variables[key].split()[0])


def load_themes(*folders: Path) -> ThemeSet:
    """Every `*.toml` theme in `folders`, later folders overriding earlier ones."""
    found = ThemeSet()
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                theme = theme_from_toml(path)
            except ThemeFileError as exc:
                found.errors.append(f"theme file {exc}")
                continue
            found.themes[theme.name] = theme
    return found


def follow_theme(node: DOMNode, redraw: Callable[[], None]) -> None:
    """Redraw `node`'s text that was built from component styles when the theme changes (once
    the new theme's styles apply): Textual restyles widgets, not text already rendered."""
    node.app.theme_changed_signal.subscribe(node, lambda _theme: node.call_after_refresh(redraw))
