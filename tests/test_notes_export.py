"""Exports with notes: JSON statuses, W3C Web Annotation shape, the Markdown report, the HTML page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tests.conftest import write
from tui.cli import main
from tui.engine.anchors import anchor_for_ref
from tui.engine.text.loading import load_corpus
from tui.engine.model import Account, Analysis, Corpus, Evidence, Fact, Ref
from tui.engine.notes import NOTES_FILE, new_note, open_store
from tui.engine.export.report import md_escape, md_quote, to_html, to_markdown

US = ("The Pentagon said a Russian Su-27 struck the propeller of the MQ-9 drone.\n\n"
      "Officials said the crew acted <script>alert(1)</script> and [click](javascript:alert(1)).\n\n"
      "The footage will be declassified soon according to officials.\n")
RU = ("Russia's Defense Ministry said the drone went into a sharp maneuver and crashed.\n\n"
      "The ministry said its jets did not use weapons or touch the drone at all.\n")
CASE = """title = "Drone <b>case</b>"
[[sides]]
id = "us"
name = "United States"
actors = ["Pentagon"]
[[sides]]
id = "ru"
name = "Russia"
actors = ["Defense Ministry"]
[[articles]]
file = "us.txt"
outlet = "Daily *News*"
"""


@pytest.fixture()
def corpus(tmp_path: Path) -> Corpus:
    folder = tmp_path / "corpus"
    write(folder, "us.txt", US)
    write(folder, "ru.txt", RU)
    write(folder, "reconcile.toml", CASE)
    return load_corpus(folder)


def _fact(corpus: Corpus) -> Fact:
    us, ru = Ref("us.txt", 0, 0), Ref("ru.txt", 0, 0)
    return Fact("f1", "Collision or sharp maneuver", "disputed", 1, (Evidence("cue", "struck ↔ sharp maneuver"),), (
        Account("us", us, corpus.article("us.txt").paragraphs[0].sentences[0].text, "Pentagon"),
        Account("us", Ref("us.txt", 1, 0), corpus.article("us.txt").paragraphs[1].text, None),
        Account("ru", ru, corpus.article("ru.txt").paragraphs[0].sentences[0].text, "Defense Ministry"),
    ))


@pytest.fixture()
def noted(corpus: Corpus):
    """Three notes: on the fact's US account, on a loose passage, and one to be orphaned."""
    store = open_store(corpus)
    store.save_note(new_note("Two US officials confirm.\n\n*Not* markdown: <b>x</b>", "supported",
                             ["collision"], fact="f1", anchor=anchor_for_ref(corpus, Ref("us.txt", 0, 0))))
    store.save_note(new_note("Check the footage.", "unverified", ["video"],
                             anchor=anchor_for_ref(corpus, Ref("us.txt", 2, 0))))
    store.save_note(new_note("Claim about weapons.", "misleading",
                             anchor=anchor_for_ref(corpus, Ref("ru.txt", 1, 0))))
    write(corpus.path, "ru.txt", RU.split("\n\n")[0] + "\n")  # the weapons sentence is deleted
    fresh = load_corpus(corpus.path)
    return fresh, open_store(fresh)


def test_markdown_report_reads_well(noted):
    corpus, store = noted
    report = to_markdown(Analysis(corpus, facts=(_fact(corpus),)), store)
    assert report.startswith("# Drone \\<b\\>case\\</b\\>\n")
    fact = report.index("### 1. Collision or sharp maneuver")
    us, ru = report.index("#### United States", fact), report.index("#### Russia", fact)
    assert "> The Pentagon said a Russian Su-27 struck the propeller" in report[us:ru]
    assert "Pentagon, *Daily \\*News\\**, us.txt ¶1" in report[us:ru]
    assert "Defense Ministry, ru.txt ¶1" in report[ru:]
    notes_at = report.index("**Note - supported**", ru)
    assert "> Two US officials confirm." in report[notes_at:]
    loose = report.index("## Notes on other passages")
    orphans = report.index("## Orphaned notes")
    assert fact < notes_at < loose < orphans
    assert "Check the footage." in report[loose:orphans]
    assert "Claim about weapons." in report[orphans:] and "(exact)" in report[fact:loose]


def test_reports_list_the_users_pairing_and_side_decisions(corpus: Corpus):
    """Issue 13: the report names the decisions that changed the engine's reading."""
    store = open_store(corpus)
    a, b = anchor_for_ref(corpus, Ref("us.txt", 0, 0)), anchor_for_ref(corpus, Ref("ru.txt", 0, 0))
    store.add_link(a, b, same=False)
    store.set_side("ru", speaker="the ministry")
    report = to_markdown(Analysis(corpus), store)
    decisions = report[report.index("## Your decisions"):]
    assert "- not the same fact: “The Pentagon said" in decisions and "(us.txt · ru.txt)" in decisions
    assert "- side of the ministry: Russia" in decisions


def test_html_report_puts_the_sides_side_by_side(noted):
    """Issue 13: the HTML report shows each dispute's sides as columns (a grid that stacks
    on a phone), the notes after them; the Markdown keeps one heading per side."""
    corpus, store = noted
    page = to_html(to_markdown(Analysis(corpus, facts=(_fact(corpus),)), store), corpus.title)
    grid = page.index('<div class="sides">')
    end = page.index("</div>", grid)
    columns = page[grid:end]
    assert columns.count('<section class="side">') == 2
    assert "<h4>United States</h4>" in columns and "<h4>Russia</h4>" in columns
    assert "Two US officials confirm." not in columns  # the fact's notes follow the columns
    assert "grid-template-columns" in page and 'name="viewport"' in page


def test_markdown_without_facts_or_notes_still_lists_articles(corpus: Corpus):
    report = to_markdown(Analysis(corpus))
    assert "## Articles" in report and "No disputed facts were found." in report


@pytest.mark.parametrize("text", ["*a* _b_ `c` <i>d</i> [e](f) ![g](h) &amp; # h", "1. one\n- two\n> three",
                                  "    code?\n\n\ttab", "trailing \\", "a|b~~c~~"])
def test_untrusted_text_renders_literally(text: str):
    rendered = MarkdownIt("commonmark", {"html": False}).render("\n".join(md_quote(text)))
    plain = re.sub(r"<[^>]+>", "", rendered).replace("&lt;", "<").replace("&gt;", ">")
    plain = plain.replace("&amp;", "&").replace("&quot;", '"').replace("\u00a0", " ")
    assert [line.strip() for line in plain.split("\n") if line.strip()] == \
        [line.strip() for line in text.split("\n") if line.strip()]
    assert "<em>" not in rendered and "<a " not in rendered and "<img" not in rendered
    assert md_escape("000_7f4c_x.txt") == "000_7f4c_x.txt"


def test_html_is_self_contained_and_escaped(noted):
    corpus, store = noted
    page = to_html(to_markdown(Analysis(corpus, facts=(_fact(corpus),)), store), corpus.title)
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "[click](javascript:alert(1))" in page  # shown as text, not a link
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page)
    assert "<title>Drone &lt;b&gt;case&lt;/b&gt;</title>" in page
    assert "&lt;b&gt;x&lt;/b&gt;" in page and "<a " not in page


def test_cli_json_has_notes_with_status(noted, tmp_path: Path):
    corpus, _ = noted
    out = tmp_path / "out.json"
    assert main(["export", str(corpus.path), "--format", "json", "-o", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    status = {n["text"].split("\n")[0]: n["status"] for n in doc["notes"]}
    assert status == {"Two US officials confirm.": "exact", "Check the footage.": "exact",
                      "Claim about weapons.": "orphaned"}
    placed = next(n for n in doc["notes"] if n["verdict"] == "supported")
    assert placed["placement"]["paragraph"] == 0 and placed["anchor"]["quote"].startswith("The Pentagon")


def test_cli_notes_option_and_moved_status(noted, tmp_path: Path):
    corpus, store = noted
    moved = tmp_path / "elsewhere.toml"
    moved.write_bytes(store.path.read_bytes())
    store.path.unlink()
    write(corpus.path, "us.txt", "An editor's note was added at the top of this story today.\n\n" + US)
    out = tmp_path / "out.json"
    assert main(["export", str(corpus.path), "--notes", str(moved), "-o", str(out)]) == 0
    statuses = sorted(n["status"] for n in json.loads(out.read_text(encoding="utf-8"))["notes"])
    assert statuses == ["moved", "moved", "orphaned"]


def test_cli_w3c_shape(noted, tmp_path: Path):
    corpus, _ = noted
    out = tmp_path / "notes.jsonld"
    assert main(["export", str(corpus.path), "--format", "w3c", "-o", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    assert doc["type"] == "AnnotationCollection" and doc["total"] == 3
    items = doc["first"]["items"]
    first = next(a for a in items if a["anchorStatus"] == "exact" and "collision" in str(a["body"]))
    assert first["type"] == "Annotation" and first["id"].startswith("urn:uuid:")
    assert first["motivation"] == "assessing"
    purposes = {b["purpose"]: b["value"] for b in first["body"]}
    assert purposes["assessing"] == "supported" and purposes["tagging"] == "collision"
    quote, position = first["target"]["selector"]
    assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
    text = corpus.article("us.txt").source_text
    assert text[position["start"]:position["end"]] == quote["exact"]
    assert first["target"]["source"].startswith("file://") and first["target"]["source"].endswith("us.txt")


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_cli_report_formats(noted, tmp_path: Path, fmt: str):
    corpus, _ = noted
    out = tmp_path / f"report.{fmt}"
    assert main(["export", str(corpus.path), "--format", fmt, "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "Orphaned notes" in text and "Check the footage." in text


def test_cli_damaged_notes_file_stops_export_with_position(corpus: Corpus, capsys):
    path = corpus.path / NOTES_FILE
    path.write_text('schema = "reconcile.notes/1"\nnotes = [1,\n', encoding="utf-8")
    assert main(["export", str(corpus.path)]) == 1
    err = capsys.readouterr().err
    assert f"{NOTES_FILE}:3:" in err and "not valid TOML" in err
    assert path.read_text(encoding="utf-8").endswith("[1,\n")


def test_reports_list_reviews_made_disputes_and_moves_by_title(corpus: Corpus):
    """Issue 13's done-when: every decision is in the report, facts named by their titles
    (a fact merged away, no longer in the analysis, by its first account's words)."""
    store = open_store(corpus)
    a, b = anchor_for_ref(corpus, Ref("us.txt", 0, 0)), anchor_for_ref(corpus, Ref("ru.txt", 0, 0))
    fact = Fact("f-1", "Who struck the drone?", "disputed", 0, (), ())
    store.review_fact("f-1", a, verdict="confirmed")
    store.make_fact("Was the transponder off?", (a, b))
    store.move("f-1", a, fact="f-gone", fact_anchor=b)
    report = to_markdown(Analysis(corpus, facts=(fact,)), store)
    decisions = report[report.index("## Your decisions"):]
    assert "- confirmed (“Who struck the drone?”)" in decisions
    assert "- dispute made: Was the transponder off? (us.txt · ru.txt)" in decisions
    assert "- merged the fact of “" in decisions and "into “Who struck the drone?”" in decisions


def test_a_side_decision_names_an_inferred_side_as_inferred(corpus: Corpus):
    """The report's decisions name sides as its facts do: "(inferred)" without a case file."""
    from dataclasses import replace

    inferred = replace(corpus, case=replace(corpus.case, sides=tuple(
        replace(s, inferred=True) for s in corpus.case.sides)))
    store = open_store(inferred)
    store.set_side("ru", speaker="the ministry")
    store.set_side(None, speaker="the envoy")
    decisions = to_markdown(Analysis(inferred), store).split("## Your decisions")[1]
    assert "- side of the ministry: Russia (inferred)" in decisions
    assert "- side of the envoy: no side" in decisions
