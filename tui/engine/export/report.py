"""The Markdown report: what the engine found and what the user noted, readable without the app.

The report is for a reader who never opens `reconcile`: each disputed fact
with every side's words quoted and sourced (article, outlet, paragraph), then
the notes and verdicts written on it; notes that could not be placed any more
are listed at the end, never dropped.  Article text and note text are
untrusted, so every piece of them is escaped and renders literally - in the
Markdown and in the HTML made from it (`to_html`, markdown-it with raw HTML
disabled).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..anchors import ORPHANED, Placement
from ..marks import paragraph_label, status_label
from ..model import Account, Analysis, Article, Corpus, Fact, Ref, path_text
from ..notes import Note, NoteStore
from ..notes.views import decisions, side_label

_INLINE_SPECIAL = re.compile(r"([\\`*\[\]<>&|~{}!#]|(?<![^\W_])_|_(?![^\W_]))")
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+(?=[.)]))")
# C0 (but tab and newline) and C1 controls and direction overrides: a report is read in a
# terminal too (`reconcile export --format markdown | less -R`), where they would act.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def inert(text: str) -> str:
    """`text` with every control character shown escaped ('\\x1b'), as the CLI prints them."""
    return _CONTROL.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)


def md_escape(text: str) -> str:
    """Text that Markdown shows exactly as written (no emphasis, links, HTML, lists), on one
    line: a line break in a file name or a case-file string cannot start a block of its own.
    Control characters (from a case file, front matter, article text) are shown escaped."""
    text = " ".join(text.splitlines())
    text = inert(_INLINE_SPECIAL.sub(r"\\\1", text))
    return _LINE_START.sub(_escape_line_start, text, count=1)


def _escape_line_start(match: re.Match[str]) -> str:
    """'- x' -> '\\- x' but '1. x' -> '1\\. x' (a backslash before a digit is literal)."""
    lead, mark = match.group(1), match.group(2)
    return lead + (mark + "\\" if mark[0].isdigit() else "\\" + mark)


def md_quote(text: str) -> list[str]:
    """A block quote of `text`, keeping its line breaks and blank lines."""
    out = []
    for line in text.splitlines() or [""]:
        stripped = line.lstrip(" \t")
        indent = "\u00a0" * (len(line) - len(stripped))  # no accidental code block
        out.append(f"> {indent}{md_escape(stripped)}  ".rstrip() + ("  " if stripped else ""))
    return out


@dataclass(frozen=True)
class _Placed:
    note: Note
    placement: Placement | None


def to_markdown(analysis: Analysis, store: NoteStore | None = None) -> str:
    """A Markdown report of the corpus, its disputed facts and the notes on them."""
    corpus = analysis.corpus
    placed = _place(store, corpus)
    used: set[str] = set()
    # A dispute the user dismissed is listed briefly with the other facts, marked so.
    disputed = [f for f in analysis.facts if f.status == "disputed" and f.review != "dismissed"]
    shown = {f.id for f in disputed}
    others = [f for f in analysis.facts if f.id not in shown]
    body: list[str] = ["## Disputed facts", ""]
    if not disputed:
        body += ["No disputed facts were found.", ""]
    for number, fact in enumerate(disputed, 1):
        body += _fact(number, fact, corpus, _notes_on(fact, placed, used))
    if others:
        body += ["## Other facts", ""]
        for fact in others:
            body += _fact_brief(fact, corpus, _notes_on(fact, placed, used))
    rest = [p for p in placed if p.note.id not in used]
    orphans = [p for p in rest if not _is_placed(p)]
    body += _loose_notes(corpus, [p for p in rest if _is_placed(p)]) + _orphans(orphans)
    body += _decisions(store, analysis)
    lines = _header(corpus, store, len(placed), len(orphans)) + _articles(corpus) + body
    return "\n".join(lines).rstrip() + "\n"


def _decisions(store: NoteStore | None, analysis: Analysis) -> list[str]:
    """The user's decisions (pairings, sides, reviews, made disputes, moves), which changed
    what the engine found, so a reader of the report can tell the engine's reading from the
    user's corrections."""
    titles = {f.id: f.title for f in analysis.facts}
    found = decisions(store, analysis.corpus, titles) if store is not None else []
    if not found:
        return []
    return ["## Your decisions", "", *(f"- {md_escape(d.what)} ({md_escape(d.where)})" for d in found), ""]


def _place(store: NoteStore | None, corpus: Corpus) -> list[_Placed]:
    if store is None:
        return []
    where = store.placements(corpus)
    return [_Placed(n, where.get(n.id)) for n in store.notes]


def _is_placed(item: _Placed) -> bool:
    """Anchored and found; a note without an anchor counts as placed only on its fact."""
    return item.placement is not None and item.placement.status != ORPHANED


def _header(corpus: Corpus, store: NoteStore | None, count: int, orphaned: int) -> list[str]:
    lines = [f"# {md_escape(corpus.title)}", "", f"Corpus: {md_escape(path_text(corpus.path))}", ""]
    if corpus.sides:
        lines += ["Sides: " + ", ".join(md_escape(s.name) for s in corpus.sides), ""]
    if store is not None:
        lines += [f"Notes: {count} from {md_escape(path_text(store.path))}"
                  + (f", {orphaned} orphaned (listed at the end)" if orphaned else ""), ""]
    return lines


def _articles(corpus: Corpus) -> list[str]:
    lines = ["## Articles", ""]
    for article in corpus.articles:
        extra = ", ".join(md_escape(x) for x in (article.outlet, article.date) if x)
        line = f"- **{md_escape(article.title or article.id)}**" + (f" ({extra})" if extra else "")
        lines.append(line + (f" - {md_escape(article.id)}" if article.title else ""))
    return lines + [""]


def _notes_on(fact: Fact, placed: Sequence[_Placed], used: set[str]) -> list[_Placed]:
    """Notes anchored in one of the fact's accounts' sentences (or, with no anchor, on its id).

    The anchor rules: a fact id may be renumbered by a later run, so an
    anchored note is never put under a fact by its id alone.
    """
    refs = {a.ref for a in fact.accounts}
    whole_paragraphs = {r for r in refs if r.sentence is None}
    found = []
    for item in placed:
        ref = item.placement.ref if _is_placed(item) and item.placement else None
        by_id = item.note.anchor is None and item.note.fact == fact.id
        on_account = ref is not None and (ref in refs or ref.whole_paragraph in whole_paragraphs)
        if item.note.id not in used and (by_id or on_account):
            used.add(item.note.id)
            found.append(item)
    return found


def _fact(number: int, fact: Fact, corpus: Corpus, notes: list[_Placed]) -> list[str]:
    lines = [f"### {number}. {md_escape(fact.title)}", "",
             f"Status: {status_label(fact.status)}{_review_mark(fact)}  "]
    if fact.evidence:   # sides by name, as the reader shows them ("denied (Russia)")
        names = {s.id: s.name for s in corpus.sides}
        lines.append("Why: " + "; ".join(md_escape(e.named(names)) for e in fact.evidence))
    for answering, answer in fact.positions:
        lines.append(f"{md_escape(side_label(corpus, answering))}: {md_escape(answer)}  ")
    lines.append("")
    for side, accounts in _by_side(fact.accounts):
        lines += [f"#### {md_escape(side_label(corpus, side))}", ""]
        for account in accounts:
            if account.reported_by:   # the other side's sentence telling this side's claim: not a quote
                lines += [f"As reported by {md_escape(side_label(corpus, account.reported_by))}: "
                          f"{md_escape(account.text)} ({_source(account, corpus)})", ""]
                continue
            lines += md_quote(account.text)
            lines += [">", "> — " + _source(account, corpus), ""]
    lines += _note_blocks(notes, corpus)
    return lines


def _review_mark(fact: Fact) -> str:
    """The user's word on the fact, after its status: ' · confirmed by the user' and the
    engine's own title when the user renamed it."""
    mark = f" · {fact.review} by the user" if fact.review else ""
    if fact.engine_title:
        mark += f" · the engine's title: {md_escape(fact.engine_title)}"
    return mark


def _fact_brief(fact: Fact, corpus: Corpus, notes: list[_Placed]) -> list[str]:
    sides = ", ".join(md_escape(side_label(corpus, s)) for s, _ in _by_side(fact.accounts))
    lines = [f"- **{md_escape(fact.title)}** - {status_label(fact.status)}"
             + _review_mark(fact) + (f" ({sides})" if sides else ""), ""]
    return lines + _note_blocks(notes, corpus) if notes else lines


def _by_side(accounts: Iterable[Account]) -> list[tuple[str | None, list[Account]]]:
    groups: dict[str | None, list[Account]] = {}
    for account in accounts:
        groups.setdefault(account.side, []).append(account)
    return list(groups.items())


def _source(account: Account, corpus: Corpus) -> str:
    """Who said it and where: speaker, outlet, article title, file and paragraph."""
    article = _article(corpus, account.ref.article)
    parts = []
    if account.speaker:
        parts.append(md_escape(account.speaker) + (" (side inferred)" if account.inferred else ""))
    parts.append(_where(article, account.ref, account.ref.article))
    if account.reprints:   # analysed once, as this original: still named, so they can be found
        parts.append(f"also in {len(account.reprints)} reprint{'s' if len(account.reprints) > 1 else ''}: "
                     + ", ".join(md_escape(r.article) for r in account.reprints))
    return ", ".join(parts)


def _article(corpus: Corpus, article_id: str) -> Article | None:
    try:
        return corpus.article(article_id)
    except KeyError:
        return None


def _where(article: Article | None, ref: Ref | None, article_id: str) -> str:
    """'*Outlet*, "Title", file ¶n (source tag)' - enough to find the passage by hand."""
    parts = []
    if article is not None and article.outlet:
        parts.append(f"*{md_escape(article.outlet)}*")
    if article is not None and article.title:
        parts.append(f"“{md_escape(article.title)}”")
    place = md_escape(article_id)
    if ref is not None:
        place += f" {paragraph_label(ref.paragraph)}"
        if article is not None and ref.paragraph < len(article.paragraphs):
            tag = article.paragraphs[ref.paragraph].source
            if tag:
                place += f" ({md_escape(tag)})"
    return ", ".join(parts + [place])


def _note_blocks(notes: Sequence[_Placed], corpus: Corpus) -> list[str]:
    if not notes:
        return []
    lines = [f"Notes ({len(notes)}):", ""]
    for item in notes:
        lines += _note_block(item, corpus)
    return lines


def _note_block(item: _Placed, corpus: Corpus) -> list[str]:
    note, placement = item.note, item.placement
    head = f"**Note - {note.verdict}**"
    if note.tags:
        head += " · tags: " + ", ".join(md_escape(t) for t in note.tags)
    head += f" · updated {note.updated.strftime('%Y-%m-%d %H:%M UTC')}"
    lines = [head + "  "]
    if note.anchor is not None:
        status = placement.status if placement else ORPHANED
        article_id = placement.article if placement and placement.article else note.anchor.article
        ref = placement.ref if placement else None
        lines.append(f"On “{md_escape(_short(note.anchor.quote))}” - "
                     f"{_where(_article(corpus, article_id), ref, article_id)} ({status})")
    lines.append("")
    return lines + md_quote(note.text) + [""]


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _loose_notes(corpus: Corpus, items: list[_Placed]) -> list[str]:
    """Notes on passages that are not part of any fact the engine reports."""
    if not items:
        return []
    return ["## Notes on other passages", ""] + [x for item in items for x in _note_block(item, corpus)]


def _orphans(items: list[_Placed]) -> list[str]:
    """Notes whose passage is gone or ambiguous: kept, with what they pointed at."""
    if not items:
        return []
    lines = ["## Orphaned notes", "",
             "These notes could not be placed in the current articles (the quoted passage was "
             "deleted or changed beyond recognition). They are kept in the notes file.", ""]
    for item in items:
        note = item.note
        head = f"**Note - {note.verdict}**"
        if note.tags:
            head += " · tags: " + ", ".join(md_escape(t) for t in note.tags)
        lines.append(head + "  ")
        if note.anchor is not None:
            lines.append(f"Was on “{md_escape(_short(note.anchor.quote))}” in "
                         f"{md_escape(note.anchor.article)}")
        elif note.fact is not None:
            lines.append(f"Was on fact {md_escape(note.fact)} (no longer found)")
        lines += [""] + md_quote(note.text) + [""]
    return lines


# --------------------------------------------------------------------------
# HTML

_CSS = """
body { font: 16px/1.5 system-ui, sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem;
       color: #1d1d1f; background: #fff; }
h1, h2, h3 { line-height: 1.2; } h2 { border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
blockquote { margin: .5rem 0 .5rem 0; padding: .2rem 1rem; border-left: 4px solid #c9c9d1;
             background: #f6f6f8; }
.sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1.5rem; }
.side h4 { margin: .5rem 0; border-bottom: 2px solid #c9c9d1; }
@media (prefers-color-scheme: dark) {
  body { color: #e8e8ea; background: #161618; } blockquote { background: #222226; border-color: #555; }
}
"""


# Where a side's block ends: the next side, fact or section heading, or a fact's notes.
# Article text never renders as these tags: the report escapes it (no heading, no raw HTML).
_BLOCK = re.compile(r"^(?=<h[234]>|<p>Notes \(\d+\):</p>)", re.M)


def _sides_side_by_side(body: str) -> str:
    """Each dispute's sides (an <h4> and its quotes) as columns that stack on a phone."""
    out: list[str] = []
    run: list[str] = []
    for chunk in _BLOCK.split(body):
        if chunk.startswith("<h4>"):
            run.append(f'<section class="side">\n{chunk}</section>\n')
            continue
        if run:
            out.append('<div class="sides">\n' + "".join(run) + "</div>\n")
            run = []
        out.append(chunk)
    if run:
        out.append('<div class="sides">\n' + "".join(run) + "</div>\n")
    return "".join(out)


def to_html(markdown: str, title: str) -> str:
    """One self-contained page (inline CSS, no scripts, no external links) from the report."""
    from markdown_it import MarkdownIt

    renderer = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    body = _sides_side_by_side(renderer.render(markdown))
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{html.escape(inert(title))}</title>\n<style>{_CSS}</style>\n</head>\n"
            f"<body>\n{body}</body>\n</html>\n")
