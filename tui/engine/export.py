"""The JSON export: the engine's results as a stable, documented document.

The schema id `reconcile.export/1` promises field names and meanings; new
fields may be added, none removed or renamed without a new schema id.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .model import Analysis, Article, Attribution, Fact, Pair, Ref, path_text

SCHEMA = "reconcile.export/1"


def to_document(analysis: Analysis, notes: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The export document as plain JSON-ready data.

    `notes` are the notes file's entries (see `notes.notes_json`), each with
    its anchor status; an empty list when there is no notes file.
    """
    corpus = analysis.corpus
    return {
        "schema": SCHEMA,
        "corpus": {
            "path": path_text(corpus.path),
            "title": corpus.title,
            "sides": [{"id": s.id, "name": s.name, "inferred": s.inferred} for s in corpus.sides],
            "skipped": [{"path": s.path, "reason": s.reason} for s in corpus.skipped],
            "warnings": list(corpus.warnings),
        },
        "articles": [_article(a, analysis.attributions) for a in corpus.articles],
        "pairs": [_pair(p) for p in analysis.pairs],
        "article_similarity": list(analysis.article_similarity),
        "facts": [_fact(f) for f in analysis.facts],
        "notes": list(notes or []),
    }


def to_json(analysis: Analysis, notes: list[dict[str, Any]] | None = None) -> str:
    return dumps(to_document(analysis, notes))


# C1 controls (0x80-0x9f: 0x9b is an 8-bit CSI) and direction overrides, which JSON
# would write raw: written as \u escapes, the same data, harmless in a terminal.
_RAW_IN_JSON = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def dumps(document: Any) -> str:
    """Readable JSON (UTF-8, indented) that holds no control character but newlines."""
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def _article(article: Article, attributions: dict[Ref, Attribution]) -> dict[str, Any]:
    return {
        "id": article.id,
        "path": path_text(article.path),
        "title": article.title,
        "outlet": article.outlet,
        "date": article.date,
        "sha256": article.sha256,
        "paragraphs": [
            {
                "index": p.index,
                "text": p.text,
                "start": p.start,
                "end": p.end,
                "source": p.source,
                "sentences": [
                    _sentence(s.index, s.text, s.start, s.end,
                              attributions.get(Ref(article.id, p.index, s.index)))
                    for s in p.sentences
                ],
            }
            for p in article.paragraphs
        ],
        "dropped": [{"text": d.text, "start": d.start, "end": d.end, "reason": d.reason}
                    for d in article.dropped],
    }


def _sentence(index: int, text: str, start: int, end: int, who: Attribution | None) -> dict[str, Any]:
    return {
        "index": index,
        "text": text,
        "start": start,
        "end": end,
        "side": who.side if who else None,
        "speaker": who.speaker if who else None,
        "speaker_span": list(who.speaker_span) if who and who.speaker_span else None,
        "side_inferred": bool(who and who.inferred),
    }


def ref_dict(ref: Ref) -> dict[str, Any]:
    out: dict[str, Any] = {"article": ref.article, "paragraph": ref.paragraph}
    if ref.sentence is not None:
        out["sentence"] = ref.sentence
    return out


def _pair(pair: Pair) -> dict[str, Any]:
    """A pair with its word-level difference (computed here, only when exported)."""
    from .worddiff import diff_summary  # local: keeps this edit inside _pair
    a_text, b_text = getattr(pair, "a_text", ""), getattr(pair, "b_text", "")
    return {"a": ref_dict(pair.a), "b": ref_dict(pair.b), "score": round(pair.score, 1),
            "kind": pair.kind, "terms": list(pair.terms), "origin": pair.origin,
            "wire": bool(getattr(pair, "wire", False)),
            "diff": diff_summary(a_text, b_text) if a_text or b_text else None}


def _fact(fact: Fact) -> dict[str, Any]:
    return _fact_fields(fact) | _review_fields(fact)


def _review_fields(fact: Fact) -> dict[str, Any]:
    """The user's word on the fact, present only when given (see README "Curation")."""
    fields: dict[str, Any] = {}
    if fact.review is not None:
        fields["review"] = fact.review
    if fact.engine_title is not None:
        fields["engine_title"] = fact.engine_title
    return fields


def _fact_fields(fact: Fact) -> dict[str, Any]:
    return {
        "id": fact.id,
        "title": fact.title,
        "status": fact.status,
        "rank": fact.rank,
        "evidence": list(fact.evidence),
        "question": fact.question,
        "aspect": fact.aspect,
        "positions": [{"side": side, "text": text} for side, text in fact.positions],
        "background": fact.background,
        "accounts": [
            {"side": a.side, **ref_dict(a.ref), "text": a.text, "speaker": a.speaker,
             "inferred": a.inferred, "start": a.start, "end": a.end, "reported_by": a.reported_by}
            for a in fact.accounts
        ],
    }
