"""`tomllib` on Python 3.11+, the `tomli` backport on 3.10: one import for every reader,
and the one way to read TOML that may come from someone else (`parse`, `decode`)."""

import sys

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

__all__ = ["decode", "parse", "tomllib"]


def parse(text: str) -> dict:
    """`tomllib.loads`, but a leading byte-order mark is allowed (editors write one) and
    nesting too deep for the parser's recursion is a TOMLDecodeError, never a crash."""
    try:
        return tomllib.loads(text.removeprefix("\ufeff"))
    except RecursionError:
        raise tomllib.TOMLDecodeError("nested too deeply") from None


def decode(data: bytes) -> str:
    """A TOML file's text: UTF-8 (with or without a byte-order mark), else a TOMLDecodeError."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise tomllib.TOMLDecodeError(f"not UTF-8 text (at byte {exc.start})") from None
