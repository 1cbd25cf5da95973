"""Notes as plain data for the exports, what a note is written on, and which notes sit
where (for the reader)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..anchors import Anchor, Placement, anchor_for_ref
from ..marks import paragraph_label
from ..model import Account, Corpus, Fact, Ref
from .records import Note
from .store import NoteStore
from .tomlfile import anchor_table


def anchor_dict(anchor: Anchor) -> dict[str, Any]:
    return anchor_table(anchor)


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
        label = f"{chosen.article} {paragraph_label(chosen.paragraph)}" if chosen else "passage"
    return NoteTarget(label, fact.id if fact is not None else None, anchor)


def _side_name(corpus: Corpus, side: str | None) -> str:
    """A side's name for a label (never its id), or what an unattributed account is."""
    names = {s.id: s.name for s in corpus.sides}
    return names.get(side, side) if side else "unattributed account"


def side_label(corpus: Corpus, side: str | None) -> str:
    """A side's name as the reader shows it, "(inferred)" when no case file named it."""
    if side is None:
        return "Unattributed"
    found = next((s for s in corpus.sides if s.id == side), None)
    if found is None:
        return side
    return f"{found.name} (inferred)" if found.inferred else found.name


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


def _snippet(quote: str, width: int = 80) -> str:
    """A quote's first words, without its own quotation marks (it is quoted again)."""
    text = " ".join(quote.split()).strip("“”\"' ")
    return text if len(text) <= width else text[:width].rsplit(" ", 1)[0] + "…"


@dataclass(frozen=True)
class Decision:
    """One of the user's decisions, described for a list or a report: `kind` and `id` name
    its record in the notes file."""

    kind: str
    id: str
    what: str
    where: str


def decisions(store: NoteStore, corpus: Corpus, titles: dict[str, str] | None = None) -> list[Decision]:
    """Every pairing, side, review, made dispute and move in `store`, in that order.
    `titles` (fact id -> title) names the facts decided on; without it, their ids."""
    def fact(fact_id: str | None, anchor: Anchor | None = None) -> str:
        if titles and fact_id in titles:
            return f"“{titles[fact_id]}”"
        return f"the fact of “{_snippet(anchor.quote)}”" if anchor else f"fact {fact_id}"

    out = [Decision("links", x.id, f"{'same fact' if x.same else 'not the same fact'}: "
                    f"“{x.a.quote}” / “{x.b.quote}”", f"{x.a.article} · {x.b.article}")
           for x in store.links]
    out += [Decision("sides", x.id, "side of " + (f"“{x.anchor.quote}”" if x.anchor else x.speaker or "")
                     + f": {side_label(corpus, x.side) if x.side else 'no side'}",
                     x.anchor.article if x.anchor else "every statement") for x in store.side_fixes]
    out += [Decision("reviews", x.id, " · ".join(filter(None, (
                x.verdict, x.title and f"renamed “{x.title}”"))), fact(x.fact, x.anchor))
            for x in store.reviews]
    out += [Decision("facts", x.id, f"dispute made: {x.title}",
                     " · ".join(a.article for a in x.anchors)) for x in store.user_facts]
    out += [Decision("moves", x.id, f"moved “{x.account.quote}”" if x.account
                     else f"merged {fact(x.fact, x.fact_anchor)}", f"into {fact(x.into, x.into_anchor)}")
            for x in store.moves]
    return out
