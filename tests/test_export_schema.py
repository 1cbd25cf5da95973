"""The JSON export against its JSON Schema (docs/export.schema.json, `reconcile.export/4`).

The schema is strict where the format is fixed (every field required, no unknown key, enums for
statuses, kinds, origins, verdicts), so a field renamed, dropped or added without the schema
fails here; docs/export.md describes the same fields in words.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from conftest import write
from tui.cli import main
from tui.engine.anchors import anchor_for_ref
from tui.engine.model import Ref
from tui.engine.text.loading import load_corpus
from tui.engine.notes import new_note, open_store

SCHEMA = json.loads((Path(__file__).resolve().parent.parent / "docs" / "export.schema.json")
                    .read_text(encoding="utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA)

US = ("The agency said a patrol boat rammed the ferry near the harbour mouth at dawn.\n\n"
      "The agency said the ferry's radio was switched off before the crash.\n")
OTHER = ("The ministry said the ferry turned sharply and struck the patrol boat at dawn.\n\n"
         "The ministry said the ferry's radio worked the whole time.\n")
CASE = ('[[sides]]\nid = "a"\nname = "Agency"\nactors = ["agency"]\n\n'
        '[[sides]]\nid = "m"\nname = "Ministry"\nactors = ["ministry"]\n')


def _problems(document: dict) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(document)]


def _export(tmp_path: Path, *args: str) -> dict:
    out = tmp_path / "out.json"
    assert main(["export", *args, "-o", str(out)]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def test_the_schema_is_a_valid_draft_2020_12_schema():
    Draft202012Validator.check_schema(SCHEMA)


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> dict:
    return _export(tmp_path_factory.mktemp("sample"))


def test_the_sample_export_follows_the_schema(sample: dict):
    assert sample["facts"] and sample["pairs"] and sample["article_similarity"]
    assert _problems(sample) == []


def test_the_sample_export_with_every_diff_follows_the_schema(tmp_path: Path):
    document = _export(tmp_path, "--diffs")
    assert all(p["diff"] is not None for p in document["pairs"])
    assert _problems(document) == []


def test_an_export_with_notes_reviews_links_and_a_made_dispute_follows_the_schema(tmp_path: Path):
    folder = tmp_path / "corpus"
    write(folder, "a.txt", US)
    write(folder, "m.txt", OTHER)
    write(folder, "reconcile.toml", CASE)
    corpus = load_corpus(folder)
    store = open_store(corpus)
    here, there = anchor_for_ref(corpus, Ref("a.txt", 1, 0)), anchor_for_ref(corpus, Ref("m.txt", 1, 0))
    store.save_note(new_note("Placed.", "supported", ["radio"], anchor=here))
    store.save_note(new_note("On nothing.", "unclear"))
    store.add_link(here, there, same=True)
    store.make_fact("Was the radio on?", (here, there))
    document = _export(tmp_path, str(folder))
    made = document["facts"][0]
    store = open_store(load_corpus(folder))
    engine_fact = next(f for f in document["facts"] if "review" not in f)
    first = engine_fact["accounts"][0]
    store.review_fact(engine_fact["id"], anchor_for_ref(corpus, Ref(first["article"], first["paragraph"],
                                                                  first.get("sentence"))),
                      verdict="dismissed", title="Renamed")
    document = _export(tmp_path, str(folder))
    assert made["review"] == "made" and any(f.get("engine_title") for f in document["facts"])
    assert {p["origin"] for p in document["pairs"]} >= {"user"}
    assert {n["status"] for n in document["notes"]} == {"exact", None}
    assert _problems(document) == []


@pytest.mark.parametrize("change, where", [
    (lambda d: d["facts"][0].update(colour="red"), "facts/0"),             # an unknown field
    (lambda d: d["facts"][0].pop("status"), "facts/0"),                    # a field dropped
    (lambda d: d["facts"][0].update(status="maybe"), "facts/0/status"),    # a status not in the list
    (lambda d: d["pairs"][0].update(origin="guess"), "pairs/0/origin"),
    (lambda d: d["articles"][0]["paragraphs"][0]["sentences"][0].update(speaker_span=[1]),
     "articles/0/paragraphs/0/sentences/0/speaker_span"),
    (lambda d: d.update(schema="reconcile.export/1"), "schema"),
])
def test_the_schema_refuses_what_the_format_does_not_have(sample: dict, change, where: str):
    document = copy.deepcopy(sample)
    change(document)
    assert any(p.startswith(where + ":") for p in _problems(document)), _problems(document)
