"""Notes as W3C Web Annotation JSON-LD, so they can travel to other tools.

Each note becomes an `Annotation` whose target is the article file with a
`TextQuoteSelector` (exact, prefix, suffix) and a `TextPositionSelector`
(code-point offsets into the decoded file, as the W3C model counts them).
The quote selector is what other tools re-anchor with; the positions are
those of the current corpus when the note could be placed, else the recorded
ones.  The verdict is an `assessing` body and each tag a `tagging` body.
"""

from __future__ import annotations

from typing import Any

from ..anchors import Anchor, Placement
from ..model import Corpus
from ..notes import Note, NoteStore
from .jsondoc import dumps

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
_LOCAL = {"reconcile": "urn:reconcile:", "anchorStatus": "reconcile:anchorStatus",
          "fact": "reconcile:fact"}


def to_w3c(store: NoteStore, corpus: Corpus) -> dict[str, Any]:
    """An AnnotationCollection holding every note of the store."""
    placed = store.placements(corpus)
    items = [annotation(n, placed.get(n.id), corpus) for n in store.notes]
    return {
        "@context": [CONTEXT, _LOCAL],
        "id": corpus.path.resolve().as_uri() + "#reconcile-notes",
        "type": "AnnotationCollection",
        "label": f"reconcile notes: {corpus.title}",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def to_w3c_json(store: NoteStore, corpus: Corpus) -> str:
    return dumps(to_w3c(store, corpus))


def annotation(note: Note, placement: Placement | None, corpus: Corpus) -> dict[str, Any]:
    """One note as a Web Annotation."""
    body: list[dict[str, Any]] = [
        {"type": "TextualBody", "value": note.text, "format": "text/plain", "purpose": "commenting"},
        {"type": "TextualBody", "value": note.verdict, "purpose": "assessing"},
    ]
    body += [{"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in note.tags]
    out: dict[str, Any] = {
        "id": f"urn:uuid:{note.id}",
        "type": "Annotation",
        "motivation": "commenting" if note.verdict == "unverified" else "assessing",
        "created": note.created.isoformat(),
        "modified": note.updated.isoformat(),
        "body": body,
        "target": _target(note, placement, corpus),
    }
    if placement is not None:
        out["anchorStatus"] = placement.status
    if note.fact is not None:
        out["fact"] = note.fact
    return out


def _target(note: Note, placement: Placement | None, corpus: Corpus) -> dict[str, Any] | str:
    anchor = note.anchor
    if anchor is None:  # a note on a fact with no passage: point at the fact
        return f"urn:reconcile:fact:{note.fact}"
    if placement is not None and placement.placed and placement.article is not None:
        article = corpus.article(placement.article)
        text = article.source_text
        start, end = placement.start or 0, placement.end or 0
        live = Anchor(article.id, article.sha256, text[start:end],
                      text[max(0, start - 32):start], text[end:end + 32], start, end)
        return _selectors(live, corpus)
    return _selectors(anchor, corpus)


def _selectors(anchor: Anchor, corpus: Corpus) -> dict[str, Any]:
    folder = corpus.path if corpus.path.is_dir() else corpus.path.parent
    source = folder / anchor.article
    return {
        "source": source.resolve().as_uri(),
        "selector": [
            {"type": "TextQuoteSelector", "exact": anchor.quote, "prefix": anchor.prefix,
             "suffix": anchor.suffix},
            {"type": "TextPositionSelector", "start": anchor.start, "end": anchor.end},
        ],
    }
