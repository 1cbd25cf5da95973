"""Notes, pairing fixes and side corrections, kept safe in one TOML file.

A fact-checker's notes are the work product, so this module is about not
losing them: every save is atomic with a `.bak` of the previous version; a
file we cannot read (bad TOML, another schema) is opened read-only and never
overwritten; a file changed by someone else while we run is merged, not
clobbered.  Notes point into the corpus through `anchors.Anchor`, re-placed on
every load, and a note that cannot be placed is kept and listed as orphaned.

No Textual here: the reader, the export and the tests all use this module.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .anchors import ORPHANED, Anchor, Placement, anchor_for_ref, resolve
from .atomic import can_write_in, locked, writable_mode, write_atomic
from .model import Account, Corpus, Fact, Link, Ref, SideFix
from .userdirs import user_dir

from .tomlcompat import parse, tomllib

SCHEMA = "reconcile.notes/1"
NOTES_FILE = "reconcile-notes.toml"
VERDICTS = ("unverified", "supported", "refuted", "misleading", "unclear")
KINDS = ("notes", "links", "sides", "reviews", "facts", "moves")  # arrays of tables in the file
REVIEWS = ("confirmed", "dismissed")  # the user's word on a fact the engine found
NEW_FACT = "new"  # a move's `into` when the account is split off into a fact of its own
_AT = re.compile(r"\(at line (\d+), column (\d+)\)")


def now() -> datetime:
    """The current time, UTC, to the microsecond (merge compares these)."""
    return datetime.now(timezone.utc)


def new_id() -> str:
    import uuid  # here, not at the top: the reader's engine process reads notes, never adds one

    return str(uuid.uuid4())


@dataclass(frozen=True)
class Note:
    """A user's note: text, verdict and tags on a fact and/or an anchored passage.

    `fact` is the engine's fact id when the note was written on a fact; the
    anchor (a sentence of one account) is what survives re-analysis, so notes
    on facts carry one too whenever the fact had an account.  `extra` keeps
    keys written by a newer version, so saving never drops them.
    """

    id: str
    text: str
    verdict: str = "unverified"
    tags: tuple[str, ...] = ()
    created: datetime = field(default_factory=now)
    updated: datetime = field(default_factory=now)
    fact: str | None = None
    anchor: Anchor | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class PairFix:
    """The user's word on two passages: the same fact (`same`) or not."""

    id: str
    a: Anchor
    b: Anchor
    same: bool
    created: datetime = field(default_factory=now)
    updated: datetime = field(default_factory=now)
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class SideCorrection:
    """The user's word on a side: a speaker's statements, or one passage, belong to `side`.

    `side` None means "no side" (e.g. a neutral narrator wrongly assigned).
    """

    id: str
    side: str | None
    speaker: str | None = None
    anchor: Anchor | None = None
    created: datetime = field(default_factory=now)
    updated: datetime = field(default_factory=now)
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class FactReview:
    """The user's word on a fact: `verdict` confirmed or dismissed (None: only renamed),
    and/or a `title` of their own.

    `fact` is the engine's id when the user decided; `anchor`, the fact's first
    account, finds the fact again when a later engine gives it another id.
    """

    id: str
    fact: str
    verdict: str | None = None
    title: str | None = None
    anchor: Anchor | None = None
    created: datetime = field(default_factory=now)
    updated: datetime = field(default_factory=now)
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class UserFact:
    """A dispute the user made from sentences the engine never joined (`anchors`, two or
    more, usually one per side), with the user's `title`."""

    id: str
    title: str
    anchors: tuple[Anchor, ...]
    created: datetime = field(default_factory=now)
    updated: datetime = field(default_factory=now)
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Move:
    """The user regrouping facts: one account (`account`, its sentence) moved into the fact
    `into` (NEW_FACT: split off into a fact of its own), or, without an account, the whole
    fact `fact` merged into `into`.  Facts are named by id and by the anchor of their first
    account, as reviews are."""

    id: str
    into: str
    into_anchor: Anchor | None = None
    fact: str | None = None
    fact_anchor: Anchor | None = None
    account: Anchor | None = None
    created: datetime = field(default_factory=now)
    updated: datetime = field(default_factory=now)
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


Record = Note | PairFix | SideCorrection | FactReview | UserFact | Move
Change = tuple[str, str, Record | None]  # kind, record id, the record before (None: absent)


@dataclass(frozen=True)
class NotesData:
    """Everything in a notes file, keyed by record id per kind."""

    notes: dict[str, Note] = field(default_factory=dict)
    links: dict[str, PairFix] = field(default_factory=dict)
    sides: dict[str, SideCorrection] = field(default_factory=dict)
    reviews: dict[str, FactReview] = field(default_factory=dict)
    facts: dict[str, UserFact] = field(default_factory=dict)
    moves: dict[str, Move] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def kind(self, name: str) -> dict[str, Any]:
        return getattr(self, name)


class NotesFileError(ValueError):
    """A notes file we cannot use; str() is `path:line:column: problem`."""

    def __init__(self, path: Path, line: int, column: int, problem: str) -> None:
        self.path, self.line, self.column, self.problem = path, line, column, problem
        super().__init__(f"{path}:{line}:{column}: {problem}")


class NotesReadOnly(RuntimeError):
    """Raised on save when the store must not write; str() says why."""


# What a save can raise, each with a message for the user: the file must not be
# written, the disk refused, or the notes cannot be written as TOML unchanged.
SAVE_ERRORS = (NotesReadOnly, OSError, ValueError)


# --------------------------------------------------------------------------
# Where the notes file lives


def data_dir() -> Path:
    """The per-user folder for notes of read-only corpora (env var overrides)."""
    return user_dir("data")


def default_notes_path(corpus_path: Path) -> Path:
    """`reconcile-notes.toml` beside the corpus when we can write there, else the data dir.

    The bundled sample may sit inside a read-only installation, and a corpus
    may live on a read-only share: their notes go to a per-corpus file in the
    user's data folder, named from a hash of the corpus path so two corpora
    never share one.  A notes file already beside the corpus is always the one
    used, even when the folder became read-only: its notes are read (and the
    store opens read-only), never hidden behind an empty file elsewhere.
    """
    corpus_path = Path(corpus_path).resolve()
    folder = corpus_path if corpus_path.is_dir() else corpus_path.parent
    beside = folder / NOTES_FILE
    if not _is_bundled(folder) and (beside.exists() or beside.is_symlink() or can_write_in(folder)):
        return beside
    digest = hashlib.sha256(str(corpus_path).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    name = re.sub(r"[^\w.-]+", "_", corpus_path.name) or "corpus"
    return data_dir() / "notes" / f"{name}-{digest}.toml"


def _is_bundled(folder: Path) -> bool:
    """The sample shipped with reconcile: its notes never go inside the package.

    An installed package may be writable (a virtualenv) but is replaced on
    every upgrade, which would silently delete the notes.
    """
    package = Path(__file__).resolve().parent.parent
    try:
        from ..resources import bundled_seeds

        if folder == bundled_seeds().resolve():
            return True
    except (ImportError, FileNotFoundError):
        pass
    return folder.is_relative_to(package)


# --------------------------------------------------------------------------
# Reading


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
        for kind, build in (("notes", self.note), ("links", self.link), ("sides", self.side),
                            ("reviews", self.review), ("facts", self.fact), ("moves", self.move)):
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
# reconcile notes: your notes, pairing fixes and side corrections for one corpus.
# Safe to read and to edit by hand (keep it valid TOML); the schema is described
# in the README under "Notes".  Written atomically; the previous version is *.bak.
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
    for kind, table_of in _WRITERS:
        for record in sorted(data.kind(kind).values(), key=_order):
            cached = (fragments or {}).get(id(record))
            block = cached[1] if cached and cached[0] is record else _block(kind, table_of(record))
            used[id(record)] = (record, block)
            blocks.append(block)
    if fragments is not None:
        fragments.clear()
        fragments.update(used)
    return "\n".join(blocks)


# A table too long to write inline: with it last, every table of the array is
# written as a `[[kind]]` block, and its own block is cut off again.
_LONG = {"_": "x" * 120}


def _block(kind: str, table: dict[str, Any]) -> str:
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


def _order(record: Record) -> tuple[datetime, str]:
    return record.created, record.id


def _anchor_table(anchor: Anchor) -> dict[str, Any]:
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
        table["anchor"] = _anchor_table(note.anchor)
    return table


def _link_table(link: PairFix) -> dict[str, Any]:
    return {"id": link.id, "same": link.same, "created": link.created, "updated": link.updated,
            **link.extra, "a": _anchor_table(link.a), "b": _anchor_table(link.b)}


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
        table["anchor"] = _anchor_table(record.anchor)
    return table


def _fact_table(fact: UserFact) -> dict[str, Any]:
    return {"id": fact.id, "title": fact.title, "created": fact.created, "updated": fact.updated,
            **fact.extra, "anchors": [_anchor_table(a) for a in fact.anchors]}


def _move_table(move: Move) -> dict[str, Any]:
    table: dict[str, Any] = {"id": move.id, "into": move.into}
    if move.fact is not None:
        table["fact"] = move.fact
    table.update({"created": move.created, "updated": move.updated, **move.extra})
    for key in ("into_anchor", "fact_anchor", "account"):
        if getattr(move, key) is not None:
            table[key] = _anchor_table(getattr(move, key))
    return table


_WRITERS = (("notes", _note_table), ("links", _link_table), ("sides", _side_table),
            ("reviews", _review_table), ("facts", _fact_table), ("moves", _move_table))


# --------------------------------------------------------------------------
# Merging


def merge(base: NotesData, mine: NotesData, theirs: NotesData) -> NotesData:
    """Three-way merge by record id: both sides' additions and deletions survive.

    `base` is the file as we last read or wrote it.  A record changed on both
    sides keeps the newer `updated`; one deleted on one side and untouched on
    the other stays deleted; one deleted on one side but edited on the other
    is kept (an edit is newer work than a deletion).
    """
    out = NotesData(extra={**mine.extra, **theirs.extra})
    for kind in KINDS:
        b, m, t = base.kind(kind), mine.kind(kind), theirs.kind(kind)
        for rid in sorted(set(b) | set(m) | set(t)):
            kept = _merge_one(b.get(rid), m.get(rid), t.get(rid))
            if kept is not None:
                out.kind(kind)[rid] = kept
    return out


def _merge_one(base: Record | None, mine: Record | None, theirs: Record | None) -> Record | None:
    if mine is None or theirs is None:
        survivor = mine if theirs is None else theirs
        if survivor is None or base is None:
            return survivor  # added on one side (or gone on both)
        return survivor if survivor != base else None  # deleted on the other side unless edited
    return theirs if theirs.updated > mine.updated else mine


# --------------------------------------------------------------------------
# The store


def _digest(raw: bytes | None) -> str | None:
    return None if raw is None else hashlib.sha256(raw).hexdigest()


class NoteStore:
    """The notes file of one corpus, loaded, and saved at once on every change.

    `read_only` is set (with `problem` saying why) when the file cannot be
    parsed or its folder cannot be written; then nothing is ever written and
    saves raise NotesReadOnly, so the user's file is never overwritten.
    """

    def __init__(self, path: Path, corpus_path: Path | None = None) -> None:
        self.path = Path(path)
        self.corpus_path = corpus_path
        self.problem: str | None = None
        self.error: NotesFileError | None = None
        self.unreadable: str | None = None  # set when the file exists but could not be loaded
        self.reloaded = 0  # how many saves found the file changed by someone else
        self._data = NotesData()
        self._base = NotesData()
        self._digest: str | None = None
        self._fragments: Fragments = {}
        self._fragments_lock = threading.Lock()
        self._undo: list[Change] = []  # (kind, record id, the record before the change)
        self._redo: list[Change] = []
        self._load()

    # -- state ---------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return self.problem is not None

    @property
    def notes(self) -> list[Note]:
        return sorted(self._data.notes.values(), key=_order)

    @property
    def links(self) -> list[PairFix]:
        return sorted(self._data.links.values(), key=_order)

    @property
    def side_fixes(self) -> list[SideCorrection]:
        return sorted(self._data.sides.values(), key=_order)

    @property
    def reviews(self) -> list[FactReview]:
        return sorted(self._data.reviews.values(), key=_order)

    @property
    def moves(self) -> list[Move]:
        return sorted(self._data.moves.values(), key=_order)

    @property
    def user_facts(self) -> list[UserFact]:
        return sorted(self._data.facts.values(), key=_order)

    def note(self, note_id: str) -> Note | None:
        return self._data.notes.get(note_id)

    def _load(self) -> None:
        try:
            data, raw = read_notes(self.path)
        except NotesFileError as exc:
            self.error, self.unreadable = exc, str(exc)
            self.problem = f"{exc} - opened read-only, the file will not be overwritten"
            return
        except OSError as exc:
            self.unreadable = f"{self.path}: cannot read ({exc.strerror or exc})"
            self.problem = f"{self.unreadable} - opened read-only"
            return
        self._data = self._base = data
        self._remember(raw)
        folder = self.path.parent
        if folder.is_dir() and not can_write_in(folder):
            self.problem = (f"{folder}: folder is not writable - notes opened read-only "
                            "(--notes FILE keeps new notes elsewhere)")
        elif raw is not None and not os.access(self.path, os.W_OK):
            self.problem = f"{self.path}: file is read-only - notes opened read-only"
        else:
            try:
                writable_mode(self.path)
            except OSError as exc:
                self.problem = f"{exc} - notes opened read-only"

    def _remember(self, raw: bytes | None) -> None:
        self._digest = _digest(raw)

    def changed_on_disk(self) -> bool:
        """True when the file's bytes differ from what we last read or wrote.

        Compares the content hash every time: mtime and size alone miss two
        same-length saves within one file-system clock tick, and notes files
        are small enough to hash on every save.
        """
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            raw = None
        except OSError:
            return False
        return _digest(raw) != self._digest

    # -- changes (each one written at once) ------------------------------------

    def save_note(self, note: Note) -> Note:
        """Add or replace a note and write the file; returns the note as stored."""
        stored = replace(note, updated=now()) if note.id in self._data.notes else note
        self._commit("notes", stored.id, stored)
        return stored

    def delete_note(self, note_id: str) -> None:
        self._commit("notes", note_id, None)

    def add_link(self, a: Anchor, b: Anchor, same: bool) -> PairFix:
        """Record 'same fact' or 'not the same' for two passages (replaces an earlier word)."""
        for old in self.links:
            if {old.a, old.b} == {a, b}:
                self._commit("links", old.id, None)
        link = PairFix(new_id(), a, b, same)
        self._commit("links", link.id, link)
        return link

    def delete_link(self, link_id: str) -> None:
        self._commit("links", link_id, None)

    def set_side(self, side: str | None, *, speaker: str | None = None,
                 anchor: Anchor | None = None) -> SideCorrection:
        """Record that a speaker (or one passage) belongs to `side`."""
        for old in self.side_fixes:
            if old.speaker == speaker and old.anchor == anchor:
                self._commit("sides", old.id, None)
        fix = SideCorrection(new_id(), side, speaker, anchor)
        self._commit("sides", fix.id, fix)
        return fix

    def delete_side_fix(self, fix_id: str) -> None:
        self._commit("sides", fix_id, None)

    def make_fact(self, title: str, anchors: tuple[Anchor, ...]) -> UserFact:
        """Record a dispute the user made from two passages or more."""
        fact = UserFact(new_id(), title, anchors)
        self._commit("facts", fact.id, fact)
        return fact

    def move(self, into: str, into_anchor: Anchor | None, *, fact: str | None = None,
             fact_anchor: Anchor | None = None, account: Anchor | None = None) -> Move:
        """Record a merge (`fact` into `into`) or an account moved into `into`."""
        move = Move(new_id(), into, into_anchor, fact, fact_anchor, account)
        self._commit("moves", move.id, move)
        return move

    def delete_move(self, move_id: str) -> None:
        self._commit("moves", move_id, None)

    def delete_user_fact(self, fact_id: str) -> None:
        self._commit("facts", fact_id, None)

    def delete_review(self, review_id: str) -> None:
        self._commit("reviews", review_id, None)

    def review_fact(self, fact: str, anchor: Anchor | None, *, verdict: str | None = None,
                    title: str | None = None) -> FactReview | None:
        """Record the user's word on a fact (replacing an earlier one); returns the review,
        or None when nothing is left to record (the verdict and title were cleared)."""
        old = next((r for r in self.reviews if r.fact == fact), None)
        if verdict is None and not title:
            if old is not None:
                self._commit("reviews", old.id, None)
            return None
        review = FactReview(old.id if old else new_id(), fact, verdict, title or None, anchor,
                            created=old.created if old else now())
        self._commit("reviews", review.id, review)
        return review

    # -- undo (this session's changes, one record at a time) -------------------

    def undo(self) -> str | None:
        """Undo the session's last change; returns its kind ("notes", ...), or None."""
        return self._replay(self._undo, self._redo)

    def redo(self) -> str | None:
        """Make the last undone change again; returns its kind, or None."""
        return self._replay(self._redo, self._undo)

    def _replay(self, source: list[Change], target: list[Change]) -> str | None:
        if not source:
            return None
        kind, rid, record = source[-1]
        current = self._data.kind(kind).get(rid)
        self._commit(kind, rid, record, replaying=True)  # raises like a save; nothing moves
        source.pop()
        target.append((kind, rid, current))
        return kind

    def prepare(self, stopped: Callable[[], bool] = lambda: False) -> None:
        """Write each record's TOML block ahead of the first save; safe in a thread.

        With ten thousand notes, writing every block takes seconds; done while
        the user reads or types, the first save only joins them.  `stopped` ends
        the work early (the app is quitting).
        """
        for kind, table_of in _WRITERS:
            for record in list(self._data.kind(kind).values()):
                if stopped():
                    return
                if id(record) not in self._fragments:
                    block = _block(kind, table_of(record))
                    with self._fragments_lock:
                        self._fragments.setdefault(id(record), (record, block))

    def reload(self) -> None:
        """Re-read the file, merging in-memory changes (used when it changed on disk)."""
        if self.read_only:
            return
        with locked(self.path):
            self._merge_from_disk()

    def _commit(self, kind: str, rid: str, record: Record | None, replaying: bool = False) -> None:
        """Write the change, and only then hold it in memory: a failed save leaves
        no phantom record behind, and the next save starts from what is on disk."""
        if self.read_only:
            raise NotesReadOnly(self.problem or "read-only")
        with locked(self.path):
            self._merge_from_disk()
            records = dict(self._data.kind(kind))
            before = records.get(rid)
            if record is None:
                records.pop(rid, None)
            else:
                records[rid] = record
            data = replace(self._data, **{kind: records})
            with self._fragments_lock:
                raw = dump_notes(data, self.corpus_path, self._fragments).encode("utf-8")
            write_atomic(self.path, raw)
            self._data = self._base = data
            self._remember(raw)
        if not replaying:
            self._undo.append((kind, rid, before))
            self._redo.clear()

    def _merge_from_disk(self) -> None:
        """If someone else changed the file since we read it, merge instead of clobbering."""
        if not self.changed_on_disk():
            return
        try:
            theirs, raw = read_notes(self.path)
        except NotesFileError as exc:
            self.error = exc
            self.problem = f"{exc} - the file was changed outside reconcile; not overwriting it"
            raise NotesReadOnly(self.problem) from None
        if raw is None:
            theirs = self._base  # the file vanished: rewrite our notes rather than drop them
        self._data = merge(self._base, self._data, theirs)
        self._base = theirs
        self._remember(raw)
        self.reloaded += 1

    # -- against the corpus ----------------------------------------------------

    def placements(self, corpus: Corpus) -> dict[str, Placement]:
        """Where each anchored note lands now (notes without an anchor are absent)."""
        return {n.id: resolve(n.anchor, corpus) for n in self.notes if n.anchor is not None}

    def orphaned(self, corpus: Corpus) -> list[Note]:
        placed = self.placements(corpus)
        return [n for n in self.notes if n.id in placed and placed[n.id].status == ORPHANED]

    def engine_inputs(self, corpus: Corpus) -> tuple[list[Link], list[SideFix]]:
        """The user's pairing and side decisions resolved for `analyse`.

        A decision whose passages cannot be placed any more is left out (the
        engine must not act on a guess); `unresolved_decisions` lists them.
        """
        links = []
        for link in self.links:
            a, b = ref_of(link.a, corpus), ref_of(link.b, corpus)
            if a is not None and b is not None:
                links.append(Link(a, b, link.same))
        fixes = []
        for fix in self.side_fixes:
            ref = ref_of(fix.anchor, corpus) if fix.anchor is not None else None
            if fix.anchor is None or ref is not None:
                fixes.append(SideFix(fix.side, ref, fix.speaker))
        return links, fixes

    def unresolved_decisions(self, corpus: Corpus) -> list[Record]:
        """Pairing fixes and side corrections whose passages are orphaned."""
        bad: list[Record] = [x for x in self.links
                             if ref_of(x.a, corpus) is None or ref_of(x.b, corpus) is None]
        bad += [x for x in self.side_fixes if x.anchor is not None and ref_of(x.anchor, corpus) is None]
        return bad


def ref_of(anchor: Anchor | None, corpus: Corpus) -> Ref | None:
    """Where an anchor lies in the corpus now, or None when it cannot be placed."""
    if anchor is None:
        return None
    placed = resolve(anchor, corpus)
    return placed.ref if placed.placed else None


def open_store(corpus: Corpus, notes_path: Path | None = None) -> NoteStore:
    """The store for `corpus`: `--notes FILE` when given, else the default place."""
    path = notes_path if notes_path is not None else default_notes_path(corpus.path)
    return NoteStore(path, corpus.path)


def new_note(text: str, verdict: str = "unverified", tags: Iterable[str] = (),
             fact: str | None = None, anchor: Anchor | None = None) -> Note:
    """A fresh note with a new id and the current time."""
    if verdict not in VERDICTS:
        raise ValueError(f"verdict {verdict!r} is not one of {', '.join(VERDICTS)}")
    stamp = now()
    return Note(new_id(), text, verdict, tuple(t for t in tags if t), stamp, stamp, fact, anchor)


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags typed comma separated, as the field says: 'fuel dump, video' -> ('fuel dump', 'video');
    inner spaces collapsed, without empties or duplicates, order kept."""
    seen: dict[str, None] = {}
    for tag in text.split(","):
        tag = " ".join(tag.split())
        if tag:
            seen.setdefault(tag, None)
    return tuple(seen)


# --------------------------------------------------------------------------
# Plain data for the JSON export


def anchor_dict(anchor: Anchor) -> dict[str, Any]:
    return _anchor_table(anchor)


def note_dict(note: Note, placement: Placement | None) -> dict[str, Any]:
    """One note for the JSON export, with where (and how surely) it lands now."""
    out: dict[str, Any] = {
        "id": note.id, "text": note.text, "verdict": note.verdict, "tags": list(note.tags),
        "created": note.created.isoformat(), "updated": note.updated.isoformat(),
        "fact": note.fact,
        "anchor": anchor_dict(note.anchor) if note.anchor else None,
        "status": placement.status if placement else None,
        "placement": None,
    }
    if placement is not None and placement.placed:
        ref = placement.ref
        out["placement"] = {"article": placement.article, "start": placement.start,
                            "end": placement.end, "method": placement.method,
                            "paragraph": ref.paragraph if ref else None,
                            "sentence": ref.sentence if ref else None}
    return out


def notes_json(store: NoteStore, corpus: Corpus) -> list[dict[str, Any]]:
    """Every note of the store, placed against `corpus`, for `to_document`."""
    placed = store.placements(corpus)
    return [note_dict(n, placed.get(n.id)) for n in store.notes]


# --------------------------------------------------------------------------
# What a note is written on, and which notes sit where (for the reader)


@dataclass(frozen=True)
class NoteTarget:
    """What the user pressed `a` on: a fact, one account of it, or a passage.

    `label` describes it for the editor's header; `anchor.quote` is the text
    shown (always as plain text: it comes from an untrusted article).
    """

    label: str
    fact: str | None = None
    anchor: Anchor | None = None

    @property
    def quote(self) -> str:
        return self.anchor.quote if self.anchor else ""


def target_for(corpus: Corpus, fact: Fact | None = None, account: Account | None = None,
               ref: Ref | None = None) -> NoteTarget | None:
    """The note target for a selected fact and/or account (or a bare passage).

    A note on a whole fact is anchored to its first account's sentence, so it
    can still be found when the engine renumbers facts on a later run.
    """
    chosen = account.ref if account is not None else ref
    if chosen is None and fact is not None and fact.accounts:
        chosen = fact.accounts[0].ref
    anchor = _safe_anchor(corpus, chosen)
    if fact is None and anchor is None:
        return None
    if fact is not None and account is not None:
        label = f"{fact.title} - {account.speaker or _side_name(corpus, account.side)}"
    elif fact is not None:
        label = fact.title
    else:
        label = f"{chosen.article} ¶{chosen.paragraph + 1}" if chosen else "passage"
    return NoteTarget(label, fact.id if fact is not None else None, anchor)


def _side_name(corpus: Corpus, side: str | None) -> str:
    """A side's name for a label (never its id), or what an unattributed account is."""
    names = {s.id: s.name for s in corpus.sides}
    return names.get(side, side) if side else "unattributed account"


def _safe_anchor(corpus: Corpus, ref: Ref | None) -> Anchor | None:
    if ref is None:
        return None
    try:
        return anchor_for_ref(corpus, ref)
    except (KeyError, IndexError, ValueError):
        return None


@dataclass(frozen=True)
class NoteIndex:
    """Notes placed against one corpus, looked up by fact or by sentence.

    A note's anchor decides where it belongs; its fact id is used only for a
    note without an anchor, because fact ids may be renumbered by a later run
    and a note must never drift onto a different fact.

    Build it once per analysis (`NoteIndex.build`) and after each save; the
    reader uses it to draw note markers on facts and accounts.
    """

    placements: dict[str, Placement]
    by_ref: dict[Ref, tuple[Note, ...]]
    by_fact: dict[str, tuple[Note, ...]]
    orphaned: tuple[Note, ...]

    @classmethod
    def build(cls, store: NoteStore, corpus: Corpus) -> NoteIndex:
        placements = store.placements(corpus)
        by_ref: dict[Ref, list[Note]] = {}
        by_fact: dict[str, list[Note]] = {}
        orphaned = []
        for note in store.notes:
            placed = placements.get(note.id)
            if note.fact is not None and note.anchor is None:  # the anchor, when there is one, rules
                by_fact.setdefault(note.fact, []).append(note)
            if placed is not None and placed.ref is not None:
                by_ref.setdefault(placed.ref, []).append(note)
            elif placed is not None and not placed.placed:
                orphaned.append(note)
        return cls(placements, {k: tuple(v) for k, v in by_ref.items()},
                   {k: tuple(v) for k, v in by_fact.items()}, tuple(orphaned))

    def for_ref(self, ref: Ref) -> tuple[Note, ...]:
        return self.by_ref.get(ref, ())

    def for_fact(self, fact: Fact) -> tuple[Note, ...]:
        """Notes written on the fact or anchored in any of its accounts' sentences."""
        seen: dict[str, Note] = {n.id: n for n in self.by_fact.get(fact.id, ())}
        for account in fact.accounts:
            for note in self.for_ref(account.ref):
                seen.setdefault(note.id, note)
        return tuple(seen.values())
