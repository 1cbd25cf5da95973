"""Article text is untrusted: make it safe to put on a terminal.

Text from a corpus may carry ANSI escape sequences, C0/C1 control characters
and Unicode bidi controls that would reorder or hide what the reader shows.
These helpers strip them *for display only* (the engine's spans are never
touched) and always build `rich.text.Text`, never markup, so `[bold]` or
`[@click=app.quit]` in an article is shown literally and does nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rich.text import Text

_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"          # CSI ... final byte
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL or ST
    r"|\x1b[P^_X][^\x1b]*(?:\x1b\\)?"   # DCS, PM, APC, SOS strings
    r"|\x1b[@-Z\\-_]?"                  # other two-byte escapes, or a lone ESC
    r"|\x9b[0-?]*[ -/]*[@-~]"           # 8-bit CSI
)
_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"      # C0 (except tab, newline) and C1 controls
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidi marks, embeddings, isolates
    "\ufff9-\ufffb"                     # interlinear annotation controls
    "\u200b\u2060\ufeff\u180e]"          # zero-width spaces: they hide differences ("ne\u200bver");
)                                       # joiners (ZWJ, ZWNJ) stay: scripts and emoji need them
_CR = re.compile(r"\r\n?")


def clean(raw: str | None) -> str:
    """`raw` with escape sequences, control characters and bidi controls removed.

    Tabs become spaces so cell widths stay predictable; newlines are kept.
    """
    if not raw:
        return ""
    text = _ANSI.sub("", raw)
    text = _CR.sub("\n", text)   # a lone CR is a line break, not a glue between words
    text = _CONTROL.sub("", text)
    return text.replace("\t", " ")


def plain(raw: str | None, style: str = "") -> Text:
    """A `Text` of cleaned `raw`: never parsed as markup."""
    return Text(clean(raw), style=style)


def one_line(raw: str | None, limit: int | None = None) -> str:
    """Cleaned `raw` on one line (newlines to spaces), cut to `limit` with an ellipsis."""
    text = " ".join(clean(raw).split())
    if limit is not None and len(text) > limit:
        text = text[: max(limit - 1, 0)] + "…"
    return text


def join(parts: Iterable[tuple[str, str]]) -> Text:
    """A `Text` built from (raw, style) parts, each cleaned separately.

    Cleaning per part keeps highlight boundaries right even when a part
    contained characters that were removed.
    """
    text = Text()
    for raw, style in parts:
        text.append(clean(raw), style=style or None)
    return text
