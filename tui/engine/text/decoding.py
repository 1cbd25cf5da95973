"""Bytes to text: a file's encoding guessed from its byte-order mark, else UTF-8 with
replacement; binary data and files too large to be an article refused before they are read."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

MAX_ARTICLE_BYTES = 64 * 1024 * 1024   # a book is ~1 MB; a bigger "article" is a log or a dump

_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),   # before UTF-16's:
              (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))  # FF FE starts both


def decode(data: bytes) -> tuple[str | None, str | None]:
    """Text of a file and a warning; (None, reason) for binary data.

    UTF-16 and UTF-32 files (Windows tools save them) are known by their
    byte-order mark: their NULs are text, not a sign of binary data.
    """
    for bom, codec in _WIDE_BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), None
            except UnicodeDecodeError as exc:
                return data.decode(codec, errors="replace"), \
                    f"not valid {codec.upper()} at byte {exc.start}; decoded with replacement characters"
    if _binary(data[:8192]):
        return None, "binary file"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8-sig", errors="replace")
        return text, f"not valid UTF-8 at byte {exc.start}; decoded with replacement characters"


def _binary(head: bytes) -> bool:
    """NULs or many control bytes in the first 8 KiB (a wide-BOM text file is not binary)."""
    if head.startswith(tuple(bom for bom, _ in _WIDE_BOMS)):
        return False
    return b"\x00" in head or _control_ratio(head) > 0.1


#: The control bytes `_control_ratio` counts: all under 32 but tab, newline, form feed, carriage
#: return and escape.
_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def _control_ratio(data: bytes) -> float:
    """The share of control bytes, counted in C (deleting them; a loop over each of 8 KiB
    per file, twice, was a twentieth of loading a thousand articles)."""
    if not data:
        return 0.0
    return (len(data) - len(data.translate(None, _CONTROLS))) / len(data)


def read_capped(file: Path) -> tuple[bytes | None, str | None]:
    """The file's bytes, or (None, why) for one too large to be an article or binary at its
    start: decided from its size and first 8 KiB, before the rest is read (a 3 GiB log,
    a 1 GiB file of NULs)."""
    with file.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > MAX_ARTICLE_BYTES:
            return None, f"too large for an article ({size // (1024 * 1024)} MB; the limit is " \
                         f"{MAX_ARTICLE_BYTES // (1024 * 1024)} MB)"
        head = handle.read(8192)
        if _binary(head):
            return None, "binary file"
        return head + handle.read(MAX_ARTICLE_BYTES + 1 - len(head)), None
