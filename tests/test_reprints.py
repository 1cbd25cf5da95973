"""Issue 14: a reprint (an article nearly all one earlier article's text) is analysed once.

Ten copies of a story made a hundred times its pairs, and every stage after pairing walked them.
A reprint is now set aside before pairing: the facts' accounts from its original name the same
sentence in it, its sentences get the original's sides, and the export lists it.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import exports_under_seeds
from jsonschema import Draft202012Validator

from tui.engine.analysis import analyse
from tui.engine.export.jsondoc import to_document
from tui.engine.model import Link, Ref
from tui.engine.pairing.reprints import find_reprints
from tui.engine.text.loading import load_corpus

SCHEMA = json.loads((Path(__file__).resolve().parent.parent / "docs" / "export.schema.json")
                    .read_text(encoding="utf-8"))

CASE = ('title = "Dam"\n[[sides]]\nid = "n"\nname = "Norland"\nactors = ["Norland water ministry"]\n'
        '[[sides]]\nid = "s"\nname = "Sudmark"\nactors = ["Sudmark energy office"]\n')

STORY = [
    "The Norland water ministry said the dam on the Velka river released 300 cubic metres a second on Monday.",
    "The ministry said the release followed three days of heavy rain over the upper valley.",
    "The Sudmark energy office denied that the rain caused the release and said the dam was opened to drain its lake.",
    "The energy office said the flood damaged 40 farms and a bridge near the border town of Ostrava.",
    "The Norland water ministry rejected the claim and said its engineers warned Sudmark the evening before.",
    "The ministry added that the gates were closed again by Tuesday morning.",
    "The Sudmark energy office said no warning reached its engineers before the water arrived.",
    "Both governments said talks on the river would resume next month in a neutral city.",
    "A joint commission set up in 1998 is meant to share gauge readings every hour.",
    "The commission has not met since the spring, officials on both sides said.",
]
OWN = [
    "Farmers along the lower river said fields of maize and barley stood under water for a week.",
    "Local radio reported long queues at the only open crossing as trucks waited for the bridge.",
    "An engineer who asked not to be named described the gauges as old and often broken.",
    "Insurers in the capital said they had received hundreds of claims from the valley.",
    "Schools in two villages stayed closed while the roads were cleared of mud and branches.",
]


def _article(date: str, sentences: list[str]) -> str:
    body = "\n\n".join(" ".join(sentences[k:k + 2]) for k in range(0, len(sentences), 2))
    return f"+++\ndate = \"{date}\"\n+++\n\n{body}\n"


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    (folder / "reconcile.toml").write_text(CASE, encoding="utf-8")
    changed = [s.replace("heavy rain", "heavy rains") for s in STORY]
    texts = {
        "a-original.md": _article("2024-05-06", STORY),
        "b-reprint.md": _article("2024-05-07", changed),              # one word changed
        "c-reprint.md": _article("2024-05-08", STORY[:8]),            # the last paragraph trimmed
        "d-excerpt.md": _article("2024-05-07", STORY[2:4]),           # a fifth of it: not a reprint
        "e-own.md": _article("2024-05-07", STORY[:6] + OWN),          # its own reporting added: not one
        "f-other.md": _article("2024-05-07", [
            "Sudmark's energy office said the Norland dam was opened without warning to drain the lake.",
            "Norland's water ministry said the rain forced the release and that Sudmark was warned.",
            "The flood cut the bridge near Ostrava and covered 40 farms, the energy office said."]),
    }
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_reprint_is_found_with_its_earliest_original_and_an_excerpt_is_not(tmp_path: Path) -> None:
    corpus = load_corpus(_corpus(tmp_path / "c"))
    found = find_reprints(corpus.articles)
    assert {(r.article, r.original) for r in found.reprints} == {
        ("b-reprint.md", "a-original.md"), ("c-reprint.md", "a-original.md")}
    b = next(r for r in found.reprints if r.article == "b-reprint.md")
    assert 0.9 <= b.share < 1.0 and 0.9 <= b.covers < 1.0
    # the sentence with the changed word is still the same sentence, at its place
    assert Ref("b-reprint.md", 0, 1) in found.places[Ref("a-original.md", 0, 1)]


def test_of_two_identical_undated_articles_the_first_by_id_is_the_original(tmp_path: Path) -> None:
    text = "\n\n".join(STORY) + "\n"
    for name in ("z.txt", "m.txt", "q.txt"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    found = find_reprints(load_corpus(tmp_path).articles)
    assert sorted((r.article, r.original) for r in found.reprints) == [("q.txt", "m.txt"), ("z.txt", "m.txt")]


def test_a_reprint_is_not_paired_and_the_accounts_of_its_original_name_it(tmp_path: Path) -> None:
    analysis = analyse(load_corpus(_corpus(tmp_path / "c")))
    assert {r.article for r in analysis.reprints} == {"b-reprint.md", "c-reprint.md"}
    paired = {ref.article for p in analysis.pairs for ref in (p.a, p.b)}
    assert "a-original.md" in paired and not paired & {"b-reprint.md", "c-reprint.md"}
    accounts = [a for f in analysis.facts for a in f.accounts]
    assert not {a.ref.article for a in accounts} & {"b-reprint.md", "c-reprint.md"}
    named = [a for a in accounts if a.ref.article == "a-original.md" and a.reprints]
    assert named
    for account in named:   # each reprint's sentence at the original's place
        assert {r.article for r in account.reprints} <= {"b-reprint.md", "c-reprint.md"}
        assert all((r.paragraph, r.sentence) == (account.ref.paragraph, account.ref.sentence)
                   for r in account.reprints)
    # the reprint's sentences carry the original's side, and its speaker where it stands
    original = analysis.attributions[Ref("a-original.md", 0, 0)]
    copy = analysis.attributions[Ref("c-reprint.md", 0, 0)]
    assert original.side == "n" and (copy.side, copy.speaker) == (original.side, original.speaker)
    source = analysis.corpus.article("c-reprint.md").source_text
    assert copy.speaker_span and source[slice(*copy.speaker_span)] == original.speaker


def test_the_export_lists_the_reprints_and_follows_the_schema(tmp_path: Path) -> None:
    doc = to_document(analyse(load_corpus(_corpus(tmp_path / "c"))))
    Draft202012Validator(SCHEMA).validate(doc)
    assert [(r["article"], r["original"]) for r in doc["reprints"]] == [
        ("b-reprint.md", "a-original.md"), ("c-reprint.md", "a-original.md")]
    assert len(doc["articles"]) == 6   # every article is still there to open
    listed = {r["article"] for f in doc["facts"] for a in f["accounts"] for r in a.get("reprints", ())}
    assert listed == {"b-reprint.md", "c-reprint.md"}


def test_an_article_the_users_decisions_name_is_never_a_reprint(tmp_path: Path) -> None:
    corpus = load_corpus(_corpus(tmp_path / "c"))
    link = Link(Ref("b-reprint.md", 0, 0), Ref("f-other.md", 0, 0), True)
    analysis = analyse(corpus, links=[link])
    assert {r.article for r in analysis.reprints} == {"c-reprint.md"}
    assert any("b-reprint.md" in (p.a.article, p.b.article) for p in analysis.pairs)


def test_an_article_that_gives_one_sentence_another_speaker_is_not_a_reprint(tmp_path: Path) -> None:
    """Nine sentences in ten the same, but one claim is someone else's: two accounts, not one."""
    (tmp_path / "a.txt").write_text("\n\n".join(STORY) + "\n", encoding="utf-8")
    other = [s.replace("The Norland water ministry rejected", "The Sudmark energy office rejected")
             for s in STORY]
    (tmp_path / "b.txt").write_text("\n\n".join(other) + "\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("\n\n".join(STORY).replace("40 farms", "45 farms") + "\n",
                                    encoding="utf-8")
    assert not find_reprints(load_corpus(tmp_path).articles).reprints


def test_the_reader_and_the_report_name_the_reprints_of_an_account(tmp_path: Path) -> None:
    from rich.style import Style

    from tui.engine.export.report import to_markdown
    from tui.ui.widgets.account_card import account_text

    analysis = analyse(load_corpus(_corpus(tmp_path / "c")))
    account = next(a for f in analysis.facts for a in f.accounts if len(a.reprints) == 2)
    card = account_text(account, analysis.corpus.article(account.ref.article), None,
                        lambda name: Style(), "", False, width=100).plain
    assert "also in 2 reprints: b-reprint.md, c-reprint.md" in card
    assert "also in 2 reprints: b-reprint.md, c-reprint.md" in to_markdown(analysis)


def test_an_export_with_reprints_is_the_same_bytes_whatever_the_hash_seed(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c")
    for name in ("g-reprint.md", "h-reprint.md"):   # undated copies: the order falls to the ids
        (corpus / name).write_text("\n\n".join(STORY) + "\n", encoding="utf-8")
    outputs = exports_under_seeds(corpus)
    assert outputs[0] == outputs[1]
    assert [r["article"] for r in json.loads(outputs[0])["reprints"]] == [
        "b-reprint.md", "c-reprint.md", "g-reprint.md", "h-reprint.md"]
