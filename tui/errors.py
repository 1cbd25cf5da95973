"""Errors the user caused, and text safe to print about them.

Shared by the command line and the reader (which raises a UserError for a corpus or theme it
cannot open), so neither imports the other: the reader once took these from `tui.cli`, which
imports the reader, an import circle.
"""

from __future__ import annotations

import re


class UserError(Exception):
    """An error caused by the user's input; printed as one line, exit 1."""


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """Text safe to print to a terminal: control and direction characters shown escaped,
    so a file name or a page address can never move the cursor or fake a second line."""
    return _CONTROL.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)
