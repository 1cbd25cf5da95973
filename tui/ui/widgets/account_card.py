"""Render one side's account of a fact: the sentence in its paragraph, who said it, where.

Pure functions from the engine's `Account` to `rich.text.Text`, so the panes
can lay many accounts out in one table (aligned rows, one repaint) and restyle
from the theme's component styles on every render.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.style import Style
from rich.table import Table
from rich.text import Text

from ...engine.model import Account, Article, Sentence
from ..diffing import differing_spans
from ..labels import article_label, ref_label
from ..safe_text import clean, one_line

CONTEXT_CHARS = 90
SOURCE_CHARS = 40       # the article label when the pane's width is not known
MIN_SOURCE_CHARS = 20   # below this the label gets a line of its own
StyleOf = Callable[[str], Style]


def side_by_side() -> Table:
    """Two equal columns without borders or header, a blank line under each row: one side's
    text on the left, the other's on the right (the dispute panes and the compare view)."""
    table = Table(box=None, show_header=False, expand=True, padding=(0, 1, 1, 1), pad_edge=False)
    table.add_column(ratio=1)
    table.add_column(ratio=1)
    return table


def diff_text(raw: str, spans, base: Style | str, diff: Style | str) -> Text:
    """Cleaned `raw` styled `base`, with `spans` (words the other version lacks) styled `diff`."""
    text = Text(clean(raw), style=base)
    for start, end in clean_spans(raw, spans):
        text.stylize(diff, start, end)
    return text


def clean_spans(text: str, spans) -> list[tuple[int, int]]:
    """Map spans in raw `text` to spans in `clean(text)` (cleaning can remove characters)."""
    out = []
    for start, end in spans:
        a = len(clean(text[:start]))
        b = a + len(clean(text[start:end]))
        if b > a:
            out.append((a, b))
    return out


def context(account: Account, article: Article | None) -> tuple[str, str]:
    """The paragraph's text before and after the account's words.

    The engine may quote a clause rather than a whole sentence; the rest of
    that sentence is context too, so the reader sees the clause in place.
    """
    ref = account.ref
    if article is None or ref.sentence is None or ref.paragraph >= len(article.paragraphs):
        return "", ""
    sentences = article.paragraphs[ref.paragraph].sentences
    if ref.sentence >= len(sentences):
        return "", ""
    before = " ".join(s.text for s in sentences[: ref.sentence])
    after = " ".join(s.text for s in sentences[ref.sentence + 1:])
    sentence = sentences[ref.sentence].text
    at = clause_at(account, sentences[ref.sentence])
    if at >= 0:
        before = f"{before} {sentence[:at]}".strip()
        after = f"{sentence[at + len(account.text):]} {after}".strip()
    return before, after


def clause_at(account: Account, sentence: Sentence) -> int:
    """Where the account's clause starts in its sentence (-1: not in it). Its span in the
    source says where the engine read it, so a clause told twice in one sentence is shown
    in the right place; text searched for only when the span does not hold it."""
    if account.text and account.start is not None:
        at = account.start - sentence.start
        if at >= 0 and sentence.text[at:at + len(account.text)] == account.text:
            return at
    return sentence.text.find(account.text) if account.text else -1


def _closes(after: str) -> bool:
    """Does the context after a sentence start with punctuation that clings to it?
    A straight quote clings only when it closes (followed by a space or the end)."""
    first = after[:1]
    if first in "\"'":
        return after[1:2] in ("", " ", ",", ".", ";", ":")
    return first != "" and first in ",.;:!?)’”"


def _word_tail(text: str, limit: int) -> str:
    """The last `limit` characters of text, starting at a word (never "…ransponder")."""
    if len(text) <= limit:
        return text
    tail = text[-limit:]
    space = tail.find(" ")
    return tail[space + 1:] if 0 <= space < limit // 2 else tail


def _word_head(text: str, limit: int) -> str:
    """The first `limit` characters of text, ending at a word."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    space = head.rfind(" ")
    return head[:space] if space > limit // 2 else head


def account_text(account: Account, article: Article | None, other: str | None,
                 style: StyleOf, side_style: str, selected: bool, notes: int = 0,
                 width: int | None = None) -> Text:
    """Speaker line, the sentence in context with differing words marked, the source line
    (its article title as long as the pane's `width` allows)."""
    text = Text()
    marker = "▶ " if selected else "● "
    text.append(marker, style=style(side_style))
    if notes:   # first, short: at the end of a long speaker line it wrapped onto a line of its own
        text.append(f"✎{notes} ", style=Style(bold=True))
    text.append(one_line(account.speaker) or "unattributed",
                style=style(side_style) + Style(bold=True))
    if account.reported_by:   # the other side's sentence telling this claim: evidence, not a quote
        text.append("  (as reported by the other side)", style=style("panes--meta"))
    elif account.inferred:
        text.append("  (side inferred)", style=style("panes--meta"))
    text.append("\n")
    before, after = context(account, article)
    if before:
        cut = len(before) > CONTEXT_CHARS
        text.append(("…" if cut else "") + one_line(_word_tail(before, CONTEXT_CHARS)) + " ",
                    style=style("panes--context"))
    spans = differing_spans(account.text, other) if other else ()
    text.append_text(diff_text(account.text, spans, style("panes--sentence"),
                               style("panes--diff")))
    if after:
        cut = len(after) > CONTEXT_CHARS
        glue = "" if _closes(after) else " "
        text.append(glue + one_line(_word_head(after, CONTEXT_CHARS)) + ("…" if cut else ""),
                    style=style("panes--context"))
    text.append("\n")
    source = article_label(article) if article else account.ref.article
    place = f"{one_line(account.ref.article)} {ref_label(account.ref)}"
    if not width:
        line = f"{one_line(source, SOURCE_CHARS)} · {place}"
    elif width - len(place) - 3 >= MIN_SOURCE_CHARS:   # one line, the label as long as it fits
        line = f"{one_line(source, width - len(place) - 3)} · {place}"
    else:                                            # a narrow pane: label, then the place
        line = f"{one_line(source, width)}\n{place}"
    text.append(line, style=style("panes--meta"))
    if account.reprints:   # the same sentence in the reprints of its article (analysed once)
        text.append("\n" + reprints_line(account, width or SOURCE_CHARS * 2), style=style("panes--meta"))
    if selected:
        text.stylize(style("panes--selected"))
    return text


def reprints_line(account: Account, width: int) -> str:
    """'also in 9 reprints: a.md, b.md, …' within `width`: the user can still find and open them."""
    names = [r.article for r in account.reprints]
    head = f"also in {len(names)} reprint{'s' if len(names) > 1 else ''}: "
    return head + one_line(", ".join(names), max(8, width - len(head)))
