"""The marks the exports and the reader share, so a passage or a status reads the same in
both: the "¶n" paragraph label and the status icons (status is never shown by colour alone)."""

from __future__ import annotations

STATUS_ICONS = {"disputed": "✖", "agreed": "✔", "one-sided": "◐"}


def status_label(status: str) -> str:
    """Icon and word, e.g. '✖ disputed'."""
    return f"{STATUS_ICONS.get(status, '•')} {status}"


def paragraph_label(index: int) -> str:
    """'¶4' for the paragraph at index 3: people count paragraphs from 1."""
    return f"¶{index + 1}"
