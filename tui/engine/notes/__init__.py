"""Notes, pairing fixes and side corrections, kept safe in one TOML file.

A fact-checker's notes are the work product, so this module is about not
losing them: every save is atomic with a `.bak` of the previous version; a
file we cannot read (bad TOML, another schema) is opened read-only and never
overwritten; a file changed by someone else while we run is merged, not
clobbered.  Notes point into the corpus through `anchors.Anchor`, re-placed on
every load, and a note that cannot be placed is kept and listed as orphaned.

No Textual here: the reader, the export and the tests all use this package.  Its
modules, in the order data flows: `records` (what the file holds), `location` (where it
lives), `tomlfile` (reading and writing the TOML), `merge` (two writers), `store` (the
reader's and the export's handle on it) and `views` (plain data for exports, and which
notes sit where).
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .location import NOTES_FILE, data_dir, default_notes_path
    from .records import (
                          KINDS,
                          NEW_FACT,
                          REVIEWS,
                          SAVE_ERRORS,
                          SCHEMA,
                          VERDICTS,
                          FactReview,
                          Move,
                          Note,
                          NotesData,
                          NotesFileError,
                          NotesReadOnly,
                          PairFix,
                          Record,
                          RecordKind,
                          ReviewVerdict,
                          SideCorrection,
                          UserFact,
                          Verdict,
                          new_id,
                          now,
    )
    from .store import NoteStore, new_note, open_store, parse_tags, ref_of
    from .tomlfile import dump_notes, parse_notes, read_notes
    from .views import NoteIndex, NoteTarget, anchor_dict, note_dict, notes_json, target_for


# Where each name lives: the package imports a module when one of its names is first used,
# so that the reader's engine child, which only needs to know that there is no notes file
# yet (`location`), does not import the store, the TOML reader and the views (~25 ms of a
# first launch's critical path).  `merge` (the function) is not among them: importing the
# `merge` module binds that name in the package to the module; import it from `.merge`.
_HOMES = {
    "location": ("NOTES_FILE", "data_dir", "default_notes_path"),
    "records": ("KINDS", "NEW_FACT", "REVIEWS", "SAVE_ERRORS", "SCHEMA", "VERDICTS",
                "FactReview", "Move", "Note", "NotesData", "NotesFileError", "NotesReadOnly",
                "PairFix", "Record", "RecordKind", "ReviewVerdict", "SideCorrection", "UserFact",
                "Verdict", "new_id", "now"),
    "store": ("NoteStore", "new_note", "open_store", "parse_tags", "ref_of"),
    "tomlfile": ("dump_notes", "parse_notes", "read_notes"),
    "views": ("NoteIndex", "NoteTarget", "anchor_dict", "note_dict", "notes_json", "target_for"),
}
_MODULE_OF = {name: module for module, names in _HOMES.items() for name in names}


def __getattr__(name: str) -> object:
    """A package name, imported from its module on first use (PEP 562)."""
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = ["KINDS", "NEW_FACT", "NOTES_FILE", "REVIEWS", "SAVE_ERRORS", "SCHEMA", "VERDICTS",
           "FactReview", "Move", "Note", "NoteIndex", "NoteStore", "NoteTarget", "NotesData",
           "NotesFileError", "NotesReadOnly", "PairFix", "Record", "RecordKind",
           "ReviewVerdict", "SideCorrection", "UserFact", "Verdict",
           "anchor_dict", "data_dir", "default_notes_path", "dump_notes", "new_id",
           "new_note", "note_dict", "notes_json", "now", "open_store", "parse_notes",
           "parse_tags", "read_notes", "ref_of", "target_for"]
