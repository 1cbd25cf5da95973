"""Score the engine on real cases (multi-outlet coverage with a reader's gold), in process.

The cases live outside git (third parties' texts): by default `.cases/*/` in
the checkout, each with `articles/`, `casefile.toml` and `gold.toml` (format:
`../shared/cases-kit/README.md`).  Each case is analysed twice, as
`../shared/cases-kit/run.py` does with the installed command: zero-config (no
case file) and with the user's case file; both are scored with the kit's own
`score_case.score` and its one-to-one matching, so the figures are the kit's.

    python bench/real_cases.py [CASE_DIR ...] [--kit DIR] [-v]

Prints a line per case and mode, then the totals; with `-v`, the kit's
per-dispute explanation for each case.  Running in process (no export file,
no subprocess) makes a round over a dozen cases take seconds.
"""

from __future__ import annotations

import argparse
import io
import shutil
import sys
import tempfile
import time
from contextlib import redirect_stdout
from pathlib import Path

import tomli_w

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.engine.analysis import analyse  # noqa: E402
from tui.engine.export.jsondoc import to_document  # noqa: E402
from tui.engine.text.loading import load_corpus  # noqa: E402
from tui.engine.tomlcompat import tomllib  # noqa: E402


def _kit(path: Path):
    sys.path.insert(0, str(path))
    import run  # noqa: PLC0415
    import score_case  # noqa: PLC0415
    return run, score_case


def _document(articles: Path, casefile: Path | None, work: Path, sparse: str = "") -> tuple[dict, float]:
    folder = work / ("case" if casefile else "zero")
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(articles, folder, ignore=shutil.ignore_patterns("reconcile.toml", "gold.toml"))
    if casefile:
        (folder / "reconcile.toml").write_text(_sparse(casefile.read_text(encoding="utf-8"), sparse), encoding="utf-8")
    t0 = time.perf_counter()
    doc = to_document(analyse(load_corpus(folder)))
    return doc, time.perf_counter() - t0


def _sparse(casefile: str, keep: str) -> str:
    """The case file as a hastier user writes it: `names` keeps only each side's name,
    `first` only its first actor; "" leaves it whole."""
    if not keep:
        return casefile
    case = tomllib.loads(casefile)
    for side in case.get("sides", []):
        side["actors"] = side.get("actors", [])[:1] if keep == "first" else []
    return tomli_w.dumps(case)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cases", nargs="*", type=Path)
    parser.add_argument("--kit", type=Path, default=ROOT.parent / "shared" / "cases-kit")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--mode", choices=("both", "zero", "case"), default="both")
    parser.add_argument("--markdown", action="store_true", help="one table row per case and mode")
    parser.add_argument("--sparse", choices=("names", "first"), default="",
                        help="read each case file with only the sides' names, or only their first actors")
    args = parser.parse_args(argv)
    run, score_case = _kit(args.kit)
    cases = args.cases or sorted(p for p in (ROOT / ".cases").glob("*/") if (p / "gold.toml").exists())
    totals = {"zero": [0, 0, 0, 0, 0], "case": [0, 0, 0, 0, 0]}  # o2o, gold, disputed, matched, unattributed
    if args.markdown:
        print("| case | mode | disputes one-to-one | strict | disputed facts (matching) | side accuracy | "
              "cue sentences without a side | analysis |\n|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases:
            gold = tomllib.loads((case / "gold.toml").read_text(encoding="utf-8"))
            for mode in ("zero", "case"):
                if args.mode not in ("both", mode):
                    continue
                casefile = case / "casefile.toml" if mode == "case" else None
                doc, dt = _document(case / "articles", casefile, Path(tmp) / case.name, args.sparse)
                res = score_case.score(gold, doc)
                o2o, n = run.one_to_one(res["disputes"]), res["gold_disputes"]
                sa = res["side_accuracy"]
                t = totals[mode]
                t[0] += o2o
                t[1] += n
                t[2] += res["disputed_facts"]
                t[3] += res["disputed_matched"]
                acc = "n/a" if sa["share"] is None else f"{sa['share']:.2f}"
                if args.markdown:
                    print(f"| {case.name} | {mode} | {o2o}/{n} | {res['found_strict']}/{n} | "
                          f"{res['disputed_facts']} ({res['disputed_matched']}) | {acc} "
                          f"({sa['correct']}/{sa['total']}) | {sa['unattributed_cue_sentences']} | {dt:.2f} s |")
                    continue
                print(f"{case.name:22} {mode:4} one-to-one {o2o}/{n}  strict {res['found_strict']}/{n}  "
                      f"loose {res['found_loose']}/{n}  disputed {res['disputed_facts']} "
                      f"(matched {res['disputed_matched']})  side acc {acc} ({sa['correct']}/{sa['total']}, "
                      f"no side {sa['unattributed_cue_sentences']})  {dt:.2f}s")
                if args.verbose:
                    buf = io.StringIO()
                    with redirect_stdout(buf):
                        score_case.report(res, True)
                    print(buf.getvalue())
    for mode, (o2o, n, disputed, matched, _) in totals.items():
        if n:
            print(f"TOTAL {mode}: one-to-one {o2o}/{n} = {o2o / n:.2f}; disputed facts {disputed}, "
                  f"matching a gold dispute {matched}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
