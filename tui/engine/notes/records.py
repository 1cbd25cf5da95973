"""The records of a notes file - notes, pairing and side decisions, reviews, made
disputes and moves - and the errors a notes file can raise."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal, get_args

from ..anchors import Anchor

SCHEMA = "reconcile.notes/1"
Verdict = Literal["unverified", "supported", "refuted", "misleading", "unclear"]  # a note's
RecordKind = Literal["notes", "links", "sides", "reviews", "facts", "moves"]  # arrays of tables in the file
ReviewVerdict = Literal["confirmed", "dismissed"]  # the user's word on a fact the engine found
VERDICTS: tuple[Verdict, ...] = get_args(Verdict)
KINDS: tuple[RecordKind, ...] = get_args(RecordKind)
REVIEWS: tuple[ReviewVerdict, ...] = get_args(ReviewVerdict)
NEW_FACT = "new"  # a move's `into` when the account is split off into a fact of its own


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
    verdict: Verdict = "unverified"
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
    verdict: ReviewVerdict | None = None
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
Change = tuple[RecordKind, str, Record | None]  # kind, record id, the record before (None: absent)


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

    def kind(self, name: RecordKind) -> dict[str, Any]:
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
