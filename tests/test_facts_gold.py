"""Claims against hand-written gold: side accuracy, dispute recall and precision.

Gold files identify sentences by file and a verbatim snippet (resolved here,
never by index) so they survive changes to the splitter.  Run this file
directly to print the figures:  python tests/test_facts_gold.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import unicodedata
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from tui.engine.analysis import analyse
from tui.engine.text.loading import load_corpus
from tui.engine.model import Analysis, Ref

TESTS = Path(__file__).resolve().parent
SEEDS = TESTS.parent / "seeds"
HORMUZ = TESTS / "corpora" / "hormuz"
HAINAN = TESTS / "corpora" / "hainan"

# Thresholds the rules actually reach (see the printed figures); they fail
# when a change makes attribution or dispute finding worse.
# Precision here is the share of disputed facts that match one of the gold's
# disputes; the gold lists only the main ones, so a real but minor dispute (or
# a background one, ranked last) counts against it.
FLOORS = {
    # every gold dispute, since a large question's narrower questions stand beside it
    # (before: 5 of 6 and 4 of 5, one fact holding two disputes)
    "seeds": {"side_accuracy": 0.95, "narration_clean": 0.9, "dispute_recall": 1.0,
              "dispute_precision": 0.35},
    "hormuz": {"side_accuracy": 0.9, "narration_clean": 0.9, "dispute_recall": 1.0,
               "dispute_precision": 0.5},
    # Written and annotated before the engine ever ran on it.  Its first run
    # scored side 0.71, dispute recall 0.25, precision 0.50; the general bugs
    # it exposed were then fixed (see README), so it is no longer held out.
    # (Its precision floor was 0.4 until a claim that asks no aspect joined its answer's questions:
    # "the EP-3 was on autopilot" then meets "distorted the facts" in an 11th disputed fact.)
    "hainan": {"side_accuracy": 0.9, "narration_clean": 0.9, "dispute_recall": 1.0,
               "dispute_precision": 0.35},
}
# Without the case file, sides come from the gazetteer and the text alone.
NO_CASE_FLOORS = {"seeds": 0.85, "hormuz": 0.8, "hainan": 0.7}

def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    return " ".join(text.replace("“", '"').replace("”", '"').split()).casefold()


def find_ref(analysis: Analysis, file: str, quote: str) -> Ref:
    """The one sentence of `file` that contains `quote`."""
    article = analysis.corpus.article(file)
    hits = [Ref(file, p.index, s.index) for p in article.paragraphs for s in p.sentences
            if _norm(quote) in _norm(s.text)]
    assert len(hits) == 1, f"{file}: {quote!r} matches {len(hits)} sentences"
    return hits[0]


def evaluate(analysis: Analysis, gold: dict) -> dict[str, float]:
    """Side accuracy, speaker accuracy, narration cleanliness, dispute recall/precision."""
    sides = speakers = speaker_n = 0
    for item in gold["sentence"]:
        who = analysis.attributions[find_ref(analysis, item["file"], item["quote"])]
        sides += (who.side or "") == item["side"]
        if item["speaker"]:
            speaker_n += 1
            speakers += _norm(item["speaker"]) in _norm(who.speaker or "")
    narration = [(n["file"], q) for n in gold.get("narration", []) for q in n["quotes"]]
    clean = sum(1 for f, q in narration
                if not (w := analysis.attributions[find_ref(analysis, f, q)]).side or w.inferred)
    matched, disputed = match_disputes(analysis, gold["dispute"])
    return {
        "side_accuracy": sides / len(gold["sentence"]),
        "speaker_accuracy": speakers / max(speaker_n, 1),
        "narration_clean": clean / max(len(narration), 1),
        "dispute_recall": len(matched) / len(gold["dispute"]),
        "dispute_precision": len(matched) / max(disputed, 1),
        "sentences": len(gold["sentence"]),
        "disputes_gold": len(gold["dispute"]),
        "disputes_found": disputed,
    }


def match_disputes(analysis: Analysis, disputes: list[dict]) -> tuple[dict[int, str], int]:
    """One-to-one matching of found disputed facts to gold disputes (greedy by overlap)."""
    found = [f for f in analysis.facts if f.status == "disputed"]
    scores = []
    for i, fact in enumerate(found):
        for j, gold in enumerate(disputes):
            hits = {side: sum(1 for s in snippets for a in fact.accounts
                              if a.side == side and _norm(s) in _norm(a.text))
                    for side, snippets in gold["accounts"].items()}
            required = all(any(_norm(s) in _norm(a.text) for a in fact.accounts)
                           for s in gold.get("required", ()))
            if all(hits.values()) and required:
                scores.append((sum(hits.values()), i, j))
    used_f, matched = set(), {}
    for _, i, j in sorted(scores, reverse=True):
        if i not in used_f and j not in matched:
            used_f.add(i)
            matched[j] = found[i].id
    return matched, len(found)


def _run(corpus_path: Path, gold_path: Path) -> dict[str, float]:
    gold = tomllib.loads(gold_path.read_text(encoding="utf-8"))
    return evaluate(analyse(load_corpus(corpus_path)), gold)


CASES = {"seeds": (SEEDS, TESTS / "gold" / "seed_claims.toml"),
         "hormuz": (HORMUZ, HORMUZ / "gold.toml"),
         "hainan": (HAINAN, HAINAN / "gold.toml")}


@pytest.mark.parametrize("name", sorted(CASES))
def test_claims_meet_gold(name: str) -> None:
    figures = _run(*CASES[name])
    print(f"\n{name}: " + ", ".join(f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}"
                                    for k, v in figures.items()))
    for key, floor in FLOORS[name].items():
        assert figures[key] >= floor, f"{name}: {key} {figures[key]:.2f} < {floor}"


def _run_without_case(name: str, tmp: Path) -> dict[str, float]:
    corpus_path, gold_path = CASES[name]
    folder = tmp / name
    shutil.copytree(corpus_path, folder, ignore=shutil.ignore_patterns("*.toml"))
    analysis = analyse(load_corpus(folder))
    assert all(side.inferred for side in analysis.corpus.sides)
    return evaluate(analysis, tomllib.loads(gold_path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("name", sorted(CASES))
def test_sides_inferred_without_case_file_meet_gold(name: str, tmp_path: Path) -> None:
    figures = _run_without_case(name, tmp_path)
    print(f"\n{name} (no case file): side_accuracy={figures['side_accuracy']:.2f} "
          f"dispute_recall={figures['dispute_recall']:.2f} "
          f"dispute_precision={figures['dispute_precision']:.2f}")
    assert figures["side_accuracy"] >= NO_CASE_FLOORS[name]


def test_gold_snippets_resolve_uniquely() -> None:
    """Each gold snippet names exactly one sentence (find_ref asserts it)."""
    for corpus_path, gold_path in CASES.values():
        analysis = analyse(load_corpus(corpus_path))
        gold = tomllib.loads(gold_path.read_text(encoding="utf-8"))
        for item in gold["sentence"]:
            find_ref(analysis, item["file"], item["quote"])


def test_matching_is_one_to_one(seeds) -> None:
    """A single fact cannot satisfy two gold disputes: duplicates cost precision."""
    analysis = analyse(seeds)
    gold = tomllib.loads((TESTS / "gold" / "seed_claims.toml").read_text(encoding="utf-8"))
    matched, _ = match_disputes(analysis, gold["dispute"])
    assert len(set(matched.values())) == len(matched)


if __name__ == "__main__":
    for case in sorted(CASES):
        figures = _run(*CASES[case])
        print(case, {k: round(v, 3) if isinstance(v, float) else v for k, v in figures.items()})
        figures = _run_without_case(case, Path(tempfile.mkdtemp()))
        print(case, "without case file",
              {k: round(v, 3) if isinstance(v, float) else v for k, v in figures.items()})
