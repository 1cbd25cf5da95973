"""The cleaner on real cases by fold: junk dropped and keep lines kept, per fold of cases, in process.

A rule written from some cases' failures is measured on the others: the cases (given as folders)
are sorted by name and dealt into `--folds` folds (case i into fold i % folds), and each fold's
figures are printed apart, so a rule developed on folds 0-1 is read on folds 2-3.  Two keys: the
kit's (a line's hashed first 40 characters, `../shared/cases-kit/run.py`'s `cleaning`) and the
prefix key (a gold line is the start of a kept paragraph after the same normalisation; a gold
line under 38 characters must equal it), which the kit's key undercounts (docs/quality.md).

    python bench/cleaning_folds.py CASE_DIR ... [--folds 4] [--kit DIR] [--fail]

With `--fail`, each junk line kept and keep line lost, with its case, file and fold; with `--why`
also the line and, for a keep line lost, the cleaner's reason (or the title it became).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import unicodedata
from pathlib import Path

os.environ["RECONCILE_NO_POOL"] = "1"
os.environ["RECONCILE_NO_CACHE"] = "1"
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.engine.text.articles import load_article  # noqa: E402
from tui.engine.tomlcompat import tomllib  # noqa: E402

PREFIX_MIN = 38   # a gold line this long is a line's first 40 characters; a shorter one is the whole line


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().casefold()


def case_document(case: Path) -> dict:
    """The case's articles as the kit's scorer reads an export: kept paragraphs by file."""
    articles = []
    for path in sorted((case / "articles").iterdir()):
        article, _ = load_article(path, path.name)
        if article:
            articles.append({"path": str(path), "title": article.title,
                             "paragraphs": [{"text": p.text} for p in article.paragraphs],
                             "dropped": [(d.text, d.reason) for d in article.dropped]})
    return {"articles": articles}


def why_lost(article: dict, gold_line: str) -> str:
    """The reason a keep line went: the drop that holds it, or the title it was taken as."""
    for text, reason in article.get("dropped", []):
        if norm(text).startswith(gold_line[:30]):
            return reason
    if norm(article.get("title") or "").startswith(gold_line[:30]):
        return "taken as the title only"
    return "not found (split or trimmed)"


def _copy_of_kept(article: dict, gold_line: str, listed: int) -> bool:
    """Is a junk line "kept" only as the key of another copy?  The page prints the line more than
    once (a headline above and below its picture), the cleaner kept one copy and dropped at least
    as many as the gold lists as junk: a 40-character key cannot tell which copy it meant."""
    dropped = sum(1 for text, _ in article.get("dropped", []) if norm(text).startswith(gold_line))
    return dropped >= listed > 0


def score_case(case: Path, kit_cleaning, fail: bool, fold: int, why: bool = False) -> list[int]:  # type: ignore[no-untyped-def]
    """[junk dropped (kit), junk dropped (prefix), junk, keep kept (kit), keep kept (prefix), keep,
    junk kept that is a copy of a kept line (see `_copy_of_kept`)]."""
    gold = tomllib.loads((case / "gold.toml").read_text())
    document = case_document(case)
    junk_kit, junk_n, keep_kit, keep_n = kit_cleaning(gold, document)
    kept = {Path(a["path"]).name: [norm(p["text"]) for p in a["paragraphs"]] for a in document["articles"]}
    by_file = {Path(a["path"]).name: a for a in document["articles"]}
    junk_prefix = keep_prefix = copies = 0
    for entry in gold.get("junk", []):
        g = norm(entry["text"])
        if any(p.startswith(g) if len(g) >= PREFIX_MIN else p == g for p in kept.get(entry["file"], [])):
            listed = sum(1 for e in gold.get("junk", []) if e["file"] == entry["file"] and norm(e["text"]) == g)
            copy = _copy_of_kept(by_file.get(entry["file"], {}), g, listed)
            copies += copy
            if fail:
                print(f"  fold {fold}  junk kept  {case.name}/{entry['file']} ({entry.get('kind')})"
                      + (" [a copy of a kept line: the copies it lists were dropped]" if copy else "")
                      + (f"\n      {g}" if why else ""))
        else:
            junk_prefix += 1
    for entry in gold.get("keep", []):
        g = norm(entry["text"])
        if any(p.startswith(g) for p in kept.get(entry["file"], [])):
            keep_prefix += 1
        elif fail:
            print(f"  fold {fold}  keep lost  {case.name}/{entry['file']}"
                  + (f"\n      {g}\n      -> {why_lost(by_file.get(entry['file'], {}), g)}" if why else ""))
    return [junk_kit, junk_prefix, junk_n, keep_kit, keep_prefix, keep_n, copies]


def line(name: str, s: list[int]) -> str:
    return (f"{name:8} junk {s[1]}/{s[2]} = {s[1] / max(s[2], 1):.3f} (kit {s[0]}; {s[6]} kept are copies)   "
            f"keep {s[4]}/{s[5]} = {s[4] / max(s[5], 1):.3f} (kit {s[3]})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cases", nargs="+", type=Path)
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--kit", type=Path, default=ROOT.parent / "shared" / "cases-kit")
    parser.add_argument("--fail", action="store_true")
    parser.add_argument("--why", action="store_true", help="with --fail: the line and the reason it went")
    args = parser.parse_args()
    sys.path.insert(0, str(args.kit))
    from run import cleaning  # type: ignore[import-not-found]  # noqa: PLC0415
    cases = sorted((c for c in args.cases if (c / "gold.toml").exists()), key=lambda c: c.name)
    total = [0] * 7
    for fold in range(args.folds):
        members = cases[fold::args.folds]
        s = [0] * 7
        for case in members:
            s = [a + b for a, b in zip(s, score_case(case, cleaning, args.fail or args.why, fold, args.why))]
        total = [a + b for a, b in zip(total, s)]
        print(line(f"fold {fold}", s) + "   " + " ".join(c.name for c in members))
    print(line("all", total))


if __name__ == "__main__":
    main()
