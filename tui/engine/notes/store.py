"""The notes store: every change written at once, atomically, merged with other writers,
never over a file it cannot read; with the session's undo and redo."""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from ..anchors import ORPHANED, Anchor, Placement, resolve
from ..atomic import locked, writable_mode, write_atomic
from ..model import Corpus, Link, Ref, SideFix
from .location import default_notes_path, folder_problem
from .merge import merge
from .records import (
    REVIEWS,
    VERDICTS,
    RecordKind,
    ReviewVerdict,
    Change,
    FactReview,
    Move,
    Note,
    NotesData,
    NotesFileError,
    NotesReadOnly,
    PairFix,
    Record,
    SideCorrection,
    UserFact,
    new_id,
    now,
)
from .tomlfile import (
    WRITERS,
    Fragments,
    dump_notes,
    read_notes,
    record_order,
    write_block,
)


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
        return sorted(self._data.notes.values(), key=record_order)

    @property
    def links(self) -> list[PairFix]:
        return sorted(self._data.links.values(), key=record_order)

    @property
    def side_fixes(self) -> list[SideCorrection]:
        return sorted(self._data.sides.values(), key=record_order)

    @property
    def reviews(self) -> list[FactReview]:
        return sorted(self._data.reviews.values(), key=record_order)

    @property
    def moves(self) -> list[Move]:
        return sorted(self._data.moves.values(), key=record_order)

    @property
    def user_facts(self) -> list[UserFact]:
        return sorted(self._data.facts.values(), key=record_order)

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
        self.problem = folder_problem(self.path.parent) or self._file_problem(raw)

    def _file_problem(self, raw: bytes | None) -> str | None:
        """Why the file read (`raw`; None: no file yet) cannot be replaced, if it cannot."""
        if raw is not None and not os.access(self.path, os.W_OK):
            return f"{self.path}: file is read-only - notes opened read-only"
        try:
            writable_mode(self.path)
        except OSError as exc:
            return f"{exc} - notes opened read-only"
        return None

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

    def delete(self, kind: RecordKind, rid: str) -> None:
        """Delete the record `rid` of `kind` ("links", "reviews", ...): the notes list deletes
        any decision this way."""
        self._commit(kind, rid, None)

    def set_side(self, side: str | None, *, speaker: str | None = None,
                 anchor: Anchor | None = None) -> SideCorrection:
        """Record that a speaker (or one passage) belongs to `side`."""
        for old in self.side_fixes:
            if old.speaker == speaker and old.anchor == anchor:
                self._commit("sides", old.id, None)
        fix = SideCorrection(new_id(), side, speaker, anchor)
        self._commit("sides", fix.id, fix)
        return fix

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

    def review_fact(self, fact: str, anchor: Anchor | None, *, verdict: ReviewVerdict | None = None,
                    title: str | None = None) -> FactReview | None:
        """Record the user's word on a fact (replacing an earlier one); returns the review,
        or None when nothing is left to record (the verdict and title were cleared)."""
        if verdict is not None and verdict not in REVIEWS:   # what the file's reader refuses
            raise ValueError(f"verdict {verdict!r} is not one of {', '.join(REVIEWS)}")
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
        for kind, table_of in WRITERS:
            for record in list(self._data.kind(kind).values()):
                if stopped():
                    return
                if id(record) not in self._fragments:
                    block = write_block(kind, table_of(record))
                    with self._fragments_lock:
                        self._fragments.setdefault(id(record), (record, block))

    def _commit(self, kind: RecordKind, rid: str, record: Record | None, replaying: bool = False) -> None:
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
