"""Three-way merge of notes data: two writers' additions and deletions both survive."""

from __future__ import annotations

from .records import KINDS, NotesData, Record


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
