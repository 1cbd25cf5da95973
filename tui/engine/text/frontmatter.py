"""Front matter: the metadata block (`+++` TOML or `---` key: value) at the top of a file."""

from __future__ import annotations

import re

from ..model import Dropped
from ..tomlcompat import parse as parse_toml
from ..tomlcompat import tomllib

FRONT_MATTER = "front matter (metadata)"
_TOML_FRONT = re.compile(r"\A\+\+\+[ \t]*\r?\n(.*?)^\+\+\+[ \t]*(\r?\n|\Z)", re.S | re.M)
_YAML_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*(\r?\n|\Z)", re.S | re.M)
_KEY_VALUE = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(.*)")   # linear: no lazy group before \s*$


def front_matter(text: str) -> tuple[dict, int, tuple[Dropped, ...]]:
    """Metadata from a `+++` TOML or `---` key: value block at the top of a file."""
    for pattern, read in ((_TOML_FRONT, _parse_toml), (_YAML_FRONT, _parse_key_values)):
        match = pattern.match(text)
        if match:
            meta, problem = read(match.group(1))
            reason = f"front matter (not valid TOML, ignored: {problem})" if problem else FRONT_MATTER
            drop = Dropped(0, match.end(), match.group(0).rstrip("\r\n"), reason)
            return meta, match.end(), (drop,)
    return {}, 0, ()


def _parse_toml(block: str) -> tuple[dict, str | None]:
    try:
        return parse_toml(block), None
    except tomllib.TOMLDecodeError as exc:
        return {}, str(exc)


def _parse_key_values(block: str) -> tuple[dict, str | None]:
    meta = {}
    for line in block.splitlines():
        match = _KEY_VALUE.fullmatch(line.strip())
        if match:
            meta[match.group(1).lower()] = match.group(2).strip().strip("\"'")
    return meta, None
