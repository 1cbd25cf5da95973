"""The notes file as TOML: reading it with errors that name line and column, and writing
it record by record, each block proven to read back unchanged."""

from __future__ import annotations

import errno
import re
import stat
from datetime import datetime, timezone
from pathlib import Path
from collections.abc import Callable
from typing import Any

from ..anchors import Anchor
from ..tomlcompat import parse, tomllib
from .records import (
    KINDS,
    REVIEWS,
    SCHEMA,
    VERDICTS,
    FactReview,
    Move,
    Note,
    NotesData,
    NotesFileError,
    PairFix,
    Record,
    RecordKind,
    SideCorrection,
    UserFact,
)

_AT = re.compile(r"\(at line (\d+), column (\d+)\)")


def parse_notes(text: str, path: Path) -> NotesData:
    """Parse a notes file, or raise NotesFileError with the line and column."""
    try:
        data = parse(text)
    except tomllib.TOMLDecodeError as exc:
        match = _AT.search(str(exc))
        line, col = (int(match.group(1)), int(match.group(2))) if match else _end_of(text)
        raise NotesFileError(path, line, col, "not valid TOML: " + _AT.sub("", str(exc)).strip()) from None
    return _Reader(path, text).build(data)


def _end_of(text: str) -> tuple[int, int]:
    """Line and column just past the text: tomllib reports 'at end of document' without one."""
    return text.count("\n") + 1, len(text) - (text.rfind("\n") + 1) + 1


def read_notes(path: Path) -> tuple[NotesData, bytes | None]:
    """The notes in `path` (empty when there is no file) and the raw bytes read."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):   # a FIFO or /dev/zero would hang or never end
            raise OSError(errno.EINVAL, "not a regular file")
        raw = path.read_bytes()
    except FileNotFoundError:
        return NotesData(), None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise NotesFileError(path, line, 1, "not UTF-8 text") from None
    return parse_notes(text, path), raw


class _Reader:
    """Turns parsed TOML into records, pointing errors at the offending table."""

    def __init__(self, path: Path, text: str) -> None:
        self.path, self.text = path, text

    def fail(self, key: str, nth: int, problem: str) -> NotesFileError:
        line, col = _locate(self.text, key, nth)
        return NotesFileError(self.path, line, col, problem)

    def build(self, data: dict[str, Any]) -> NotesData:
        schema = data.get("schema")
        if schema != SCHEMA:
            what = "no 'schema'" if schema is None else f"schema {schema!r}"
            raise self.fail("schema", 0, f"not a reconcile notes file ({what}; expected {SCHEMA!r})")
        out = NotesData(extra={k: v for k, v in data.items() if k not in (*KINDS, "schema")})
        readers: tuple[tuple[RecordKind, Callable[[dict, int], Record | None]], ...] = (
            ("notes", self.note), ("links", self.link), ("sides", self.side),
            ("reviews", self.review), ("facts", self.fact), ("moves", self.move))
        for kind, build in readers:
            items = data.get(kind, [])
            if not isinstance(items, list):
                raise self.fail(kind, 0, f"'{kind}' must be an array of tables ([[{kind}]])")
            for nth, table in enumerate(items):
                record = build(table, nth) if isinstance(table, dict) else None
                if record is None:
                    raise self.fail(kind, nth, f"[[{kind}]] entry {nth + 1} is not a table")
                if record.id in out.kind(kind):
                    raise self.fail(kind, nth, f"[[{kind}]] id {record.id!r} is used twice")
                out.kind(kind)[record.id] = record
        return out

    def _str(self, table: dict, key: str, kind: str, nth: int) -> str:
        value = table.get(key)
        if not isinstance(value, str):
            raise self.fail(kind, nth, f"[[{kind}]] entry {nth + 1}: '{key}' must be a string")
        return value

    def _opt(self, table: dict, key: str, kind: str, nth: int) -> str | None:
        """An optional string: absent is None, present must be a string."""
        return None if table.get(key) is None else self._str(table, key, kind, nth)

    def _time(self, table: dict, key: str, kind: str, nth: int) -> datetime:
        value = table.get(key)
        if not isinstance(value, datetime):
            raise self.fail(kind, nth, f"[[{kind}]] entry {nth + 1}: '{key}' must be a date-time")
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)

    def _anchor(self, value: Any, kind: str, nth: int, key: str) -> Anchor:
        where = f"[[{kind}]] entry {nth + 1}: '{key}'"
        if not isinstance(value, dict):
            raise self.fail(kind, nth, f"{where} must be a table")
        strings = {k: value.get(k) for k in ("article", "sha256", "quote", "prefix", "suffix")}
        ints = {k: value.get(k) for k in ("start", "end")}
        if not all(isinstance(v, str) for v in strings.values()):
            raise self.fail(kind, nth, f"{where} needs strings article, sha256, quote, prefix, suffix")
        if not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in ints.values()):
            raise self.fail(kind, nth, f"{where} needs whole numbers start and end")
        extra = {k: v for k, v in value.items() if k not in (*strings, *ints)}
        return Anchor(**strings, **ints, extra=extra)  # type: ignore[arg-type]

    def note(self, t: dict, nth: int) -> Note:
        verdict = self._str(t, "verdict", "notes", nth)
        if verdict not in VERDICTS:
            raise self.fail("notes", nth, f"[[notes]] entry {nth + 1}: verdict {verdict!r} is not one of "
                            + ", ".join(VERDICTS))
        tags = t.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(x, str) for x in tags):
            raise self.fail("notes", nth, f"[[notes]] entry {nth + 1}: 'tags' must be a list of strings")
        anchor = self._anchor(t["anchor"], "notes", nth, "anchor") if "anchor" in t else None
        known = {"id", "text", "verdict", "tags", "created", "updated", "fact", "anchor"}
        return Note(self._str(t, "id", "notes", nth), self._str(t, "text", "notes", nth), verdict,
                    tuple(tags), self._time(t, "created", "notes", nth),
                    self._time(t, "updated", "notes", nth),
                    self._opt(t, "fact", "notes", nth), anchor,
                    {k: v for k, v in t.items() if k not in known})

    def link(self, t: dict, nth: int) -> PairFix:
        same = t.get("same")
        if not isinstance(same, bool):
            raise self.fail("links", nth, f"[[links]] entry {nth + 1}: 'same' must be true or false")
        known = {"id", "a", "b", "same", "created", "updated"}
        return PairFix(self._str(t, "id", "links", nth), self._anchor(t.get("a"), "links", nth, "a"),
                       self._anchor(t.get("b"), "links", nth, "b"), same,
                       self._time(t, "created", "links", nth), self._time(t, "updated", "links", nth),
                       {k: v for k, v in t.items() if k not in known})

    def side(self, t: dict, nth: int) -> SideCorrection:
        speaker = self._opt(t, "speaker", "sides", nth)
        anchor = self._anchor(t["anchor"], "sides", nth, "anchor") if "anchor" in t else None
        if (speaker is None) == (anchor is None):
            raise self.fail("sides", nth, f"[[sides]] entry {nth + 1}: give either 'speaker' or 'anchor'")
        known = {"id", "side", "speaker", "anchor", "created", "updated"}
        return SideCorrection(self._str(t, "id", "sides", nth),
                              self._opt(t, "side", "sides", nth), speaker, anchor,
                              self._time(t, "created", "sides", nth), self._time(t, "updated", "sides", nth),
                              {k: v for k, v in t.items() if k not in known})


    def review(self, t: dict, nth: int) -> FactReview:
        verdict = self._opt(t, "verdict", "reviews", nth)
        if verdict is not None and verdict not in REVIEWS:
            raise self.fail("reviews", nth, f"[[reviews]] entry {nth + 1}: verdict {verdict!r} "
                            "is not one of " + ", ".join(REVIEWS))
        anchor = self._anchor(t["anchor"], "reviews", nth, "anchor") if "anchor" in t else None
        known = {"id", "fact", "verdict", "title", "anchor", "created", "updated"}
        return FactReview(self._str(t, "id", "reviews", nth), self._str(t, "fact", "reviews", nth),
                          verdict, self._opt(t, "title", "reviews", nth), anchor,
                          self._time(t, "created", "reviews", nth),
                          self._time(t, "updated", "reviews", nth),
                          {k: v for k, v in t.items() if k not in known})


    def fact(self, t: dict, nth: int) -> UserFact:
        anchors = t.get("anchors")
        if not isinstance(anchors, list) or len(anchors) < 2:
            raise self.fail("facts", nth, f"[[facts]] entry {nth + 1}: 'anchors' must list two "
                            "passages or more")
        known = {"id", "title", "anchors", "created", "updated"}
        return UserFact(self._str(t, "id", "facts", nth), self._str(t, "title", "facts", nth),
                        tuple(self._anchor(a, "facts", nth, "anchors") for a in anchors),
                        self._time(t, "created", "facts", nth),
                        self._time(t, "updated", "facts", nth),
                        {k: v for k, v in t.items() if k not in known})


    def move(self, t: dict, nth: int) -> Move:
        anchors = {k: self._anchor(t[k], "moves", nth, k) if k in t else None
                   for k in ("into_anchor", "fact_anchor", "account")}
        fact = self._opt(t, "fact", "moves", nth)
        if (fact is None) == (anchors["account"] is None):
            raise self.fail("moves", nth, f"[[moves]] entry {nth + 1}: give either 'fact' "
                            "(merge it) or 'account' (move it)")
        known = {"id", "into", "fact", "created", "updated", *anchors}
        return Move(self._str(t, "id", "moves", nth), self._str(t, "into", "moves", nth),
                    anchors["into_anchor"], fact, anchors["fact_anchor"], anchors["account"],
                    self._time(t, "created", "moves", nth), self._time(t, "updated", "moves", nth),
                    {k: v for k, v in t.items() if k not in known})


def _locate(text: str, key: str, nth: int) -> tuple[int, int]:
    """Line and column of the nth `[[key]]` or `key =` in the TOML text."""
    pattern = re.compile(rf"^[ \t]*(\[\[[ \t]*{re.escape(key)}[ \t]*\]\]|{re.escape(key)}[ \t]*=)", re.M)
    found = list(pattern.finditer(text))
    if not found:
        return 1, 1
    at = found[min(nth, len(found) - 1)].start(1)
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


# --------------------------------------------------------------------------
# Writing

_HEADER = """\
# reconcile notes: your notes and decisions (pairings, sides, reviews) for one corpus.
# Safe to read and to edit by hand (keep it valid TOML); the schema is described
# in reconcile's docs/notes.md.  Written atomically; the previous version is *.bak.
"""


Fragments = dict[int, tuple[Any, str]]  # id(record) -> (the record, kept alive; its TOML)


def dump_notes(data: NotesData, corpus_path: Path | None = None,
               fragments: Fragments | None = None) -> str:
    """The TOML text for `data`, stable in order so diffs stay small.

    Each record is written (and proven to read back) on its own, as one
    `[[notes]]`-style block; `fragments` keeps the blocks of records already
    written, so a save of one note among ten thousand writes one block and joins
    the rest (it took four seconds when the whole file was dumped and re-read).
    """
    doc: dict[str, Any] = {"schema": SCHEMA, **data.extra}
    if corpus_path is not None:
        doc["corpus"] = str(corpus_path)
    blocks = [_HEADER + _dump_verified(doc)]
    used: Fragments = {}
    for kind, table_of in WRITERS:
        for record in sorted(data.kind(kind).values(), key=record_order):
            cached = (fragments or {}).get(id(record))
            block = cached[1] if cached and cached[0] is record else write_block(kind, table_of(record))
            used[id(record)] = (record, block)
            blocks.append(block)
    if fragments is not None:
        fragments.clear()
        fragments.update(used)
    return "\n".join(blocks)


# A table too long to write inline: with it last, every table of the array is
# written as a `[[kind]]` block, and its own block is cut off again.
_LONG = {"_": "x" * 120}


def write_block(kind: str, table: dict[str, Any]) -> str:
    """One record as a `[[kind]]` block that reads back as exactly `table`."""
    import tomli_w  # only to write: reading the notes at start-up does not pay for it

    for multiline in (True, False):
        text = tomli_w.dumps({kind: [table, _LONG]}, multiline_strings=multiline)
        tail = f'\n[[{kind}]]\n_ = "{_LONG["_"]}"\n'
        if text.startswith(f"[[{kind}]]\n") and text.endswith(tail):
            block = text[:-len(tail)]
            back = tomllib.loads(block).get(kind)
            if isinstance(back, list) and len(back) == 1 and _same(back[0], table):
                return block
    raise ValueError("notes cannot be written as TOML without changing them")


def _dump_verified(doc: dict[str, Any]) -> str:
    """TOML for `doc` that is proven to read back identically.

    Multi-line strings read best, but tomli-w writes a carriage return inside
    them as a bare line break, which would change a note's text; so the
    readable form is used only when it survives a round trip.
    """
    import tomli_w

    for multiline in (True, False):
        text = tomli_w.dumps(doc, multiline_strings=multiline)
        if _same(tomllib.loads(text), doc):
            return text
    raise ValueError("notes cannot be written as TOML without changing them")


def _same(a: Any, b: Any) -> bool:
    """Equality where NaN equals NaN: a `nan` the user wrote in the file survives saves."""
    if isinstance(a, float) and isinstance(b, float) and a != a and b != b:
        return True
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return bool(a == b)


def record_order(record: Record) -> tuple[datetime, str]:
    return record.created, record.id


def anchor_table(anchor: Anchor) -> dict[str, Any]:
    return {"article": anchor.article, "sha256": anchor.sha256, "start": anchor.start,
            "end": anchor.end, "quote": anchor.quote, "prefix": anchor.prefix, "suffix": anchor.suffix,
            **anchor.extra}


def _note_table(note: Note) -> dict[str, Any]:
    table: dict[str, Any] = {"id": note.id, "verdict": note.verdict, "tags": list(note.tags),
                             "created": note.created, "updated": note.updated}
    if note.fact is not None:
        table["fact"] = note.fact
    table["text"] = note.text
    table.update(note.extra)
    if note.anchor is not None:
        table["anchor"] = anchor_table(note.anchor)
    return table


def _link_table(link: PairFix) -> dict[str, Any]:
    return {"id": link.id, "same": link.same, "created": link.created, "updated": link.updated,
            **link.extra, "a": anchor_table(link.a), "b": anchor_table(link.b)}


def _side_table(fix: SideCorrection) -> dict[str, Any]:
    return _dated({"id": fix.id}, {"side": fix.side, "speaker": fix.speaker}, fix)


def _review_table(review: FactReview) -> dict[str, Any]:
    return _dated({"id": review.id, "fact": review.fact},
                  {"verdict": review.verdict, "title": review.title}, review)


def _dated(table: dict[str, Any], optional: dict[str, Any],
           record: SideCorrection | FactReview) -> dict[str, Any]:
    """`table`, the `optional` fields that are set, the times, unknown keys, then the anchor."""
    table.update({key: value for key, value in optional.items() if value is not None})
    table.update({"created": record.created, "updated": record.updated, **record.extra})
    if record.anchor is not None:
        table["anchor"] = anchor_table(record.anchor)
    return table


def _fact_table(fact: UserFact) -> dict[str, Any]:
    return {"id": fact.id, "title": fact.title, "created": fact.created, "updated": fact.updated,
            **fact.extra, "anchors": [anchor_table(a) for a in fact.anchors]}


def _move_table(move: Move) -> dict[str, Any]:
    table: dict[str, Any] = {"id": move.id, "into": move.into}
    if move.fact is not None:
        table["fact"] = move.fact
    table.update({"created": move.created, "updated": move.updated, **move.extra})
    for key in ("into_anchor", "fact_anchor", "account"):
        if getattr(move, key) is not None:
            table[key] = anchor_table(getattr(move, key))
    return table


WRITERS: tuple[tuple[RecordKind, Callable[[Any], dict[str, Any]]], ...] = (
    ("notes", _note_table), ("links", _link_table), ("sides", _side_table),
    ("reviews", _review_table), ("facts", _fact_table), ("moves", _move_table))
