"""Markdown files to cleaning units: markdown-it's block tokens and their line maps."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from .cleaning import Line, Unit, is_list_block, split_lines

if TYPE_CHECKING:   # imported on the first Markdown file only
    from markdown_it import MarkdownIt


@cache
def _markdown() -> MarkdownIt:
    """The CommonMark parser, built on first use: plain-text corpora never import markdown-it.

    Only the block tokens and their line maps are read, so the inline rules (emphasis, links,
    entities inside each paragraph: 40% of the parse) are left out; the block tokens are the same."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").disable("inline")


_BLOCK_KINDS = {"heading_open": "heading", "html_block": "html", "fence": "code",
                "code_block": "code", "hr": "rule", "table_open": "table"}


def markdown_units(text: str, body_start: int) -> list[Unit]:
    """Units of a Markdown file from markdown-it's block tokens and their line maps."""
    lines = split_lines(text, body_start, len(text))
    tokens = _markdown().parse(text[body_start:])
    units: list[Unit] = []
    skip_until = -1
    for token in tokens:
        if token.map is None or token.map[0] < skip_until:
            continue
        block = [ln for ln in lines[token.map[0]:token.map[1]] if ln.text.strip()]
        if not block:
            continue
        if token.type in ("bullet_list_open", "ordered_list_open") and is_list_block(block):
            units.append(Unit(block, "list", "list of headlines or links"))
            skip_until = token.map[1]
        elif token.type in _BLOCK_KINDS:
            kind = _BLOCK_KINDS[token.type]
            units.append(Unit(block, kind, None if kind == "heading" else f"{kind} block"))
            skip_until = token.map[1]
        elif token.type == "paragraph_open":
            units.append(Unit([Line(ln.start + _indent(ln.text), ln.end, ln.text.strip()) for ln in block]))
    return units


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())
