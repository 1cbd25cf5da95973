#!/usr/bin/env python
"""Pairing benchmark on ECB+ (982 real news articles with gold cross-document sentence pairs).

Not a test: it prints figures.  Run from the repository root:

    python bench/pairing_bench.py                 # everything (about 2 minutes on 2 cores)
    python bench/pairing_bench.py --only quality  # or: speed
    python bench/pairing_bench.py --ecbplus PATH  # default: ../shared/ecbplus next to the repo

Quality: per ECB+ sub-topic folder (one corpus each), the engine's paragraph pairs (ECB+ has
one sentence per paragraph) against gold.json `pairs`, matched by character span; precision,
recall, F1 at the engine's threshold and average precision of its ranking, pooled and averaged
over sub-topics, next to the naive baseline (rapidfuzz token_set_ratio on lower-cased
sentences, all cross-document pairs, best threshold chosen with hindsight) computed in the
same run.  Then the harder test: both sub-topics of a topic in one corpus (different events),
where every cross-sub-topic pair is wrong.

Speed: pair_corpus on the first 100 and on all articles pooled into one corpus: wall time,
peak traced memory (tracemalloc, separate run) and the process's peak RSS; the growth ratio
100 -> all; full rapidfuzz.process.cdist (workers=-1) over all sentences, measured on a random
subsample and extrapolated quadratically (said so in the output); and how much of what brute
force finds the blocking keeps.

cdist needs numpy (a benchmark-only dependency: `pip install numpy`); the engine does not.
ECB+ 1.0: Cybulska and Vossen, LREC 2014, CC BY 3.0.
"""

from __future__ import annotations

import argparse
import bisect
import gc
import json
import random
import resource
import sys
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.engine import pairing  # noqa: E402
from tui.engine.analysis import analyse  # noqa: E402
from tui.engine.text.loading import load_corpus  # noqa: E402
from tui.engine.model import Article, Corpus  # noqa: E402

MIXED = True
README_BASELINE = "README of ECB+: naive baseline AP 0.134 pooled (0.241 averaged), best F1 0.26 at 56"

Key = tuple[tuple[str, int], tuple[str, int]]


def key(a: tuple[str, int], b: tuple[str, int]) -> Key:
    return (a, b) if a <= b else (b, a)


# --- gold ----------------------------------------------------------------------------------------

def folders(ecb: Path) -> list[Path]:
    return sorted((p for p in (ecb / "cases").iterdir() if p.is_dir()),
                  key=lambda p: (int(p.name.split("_")[0]), p.name))


def locate(corpus: Corpus) -> dict[str, tuple[str, list[int]]]:
    """doc name -> (article id, sorted paragraph starts) to map gold spans onto paragraphs."""
    return {Path(a.id).stem: (a.id, [p.start for p in a.paragraphs]) for a in corpus.articles}


def paragraph_of(where: dict, doc: str, start: int, corpus: Corpus) -> tuple[str, int] | None:
    if doc not in where:
        return None
    article_id, starts = where[doc]
    n = bisect.bisect_right(starts, start) - 1
    if n < 0 or start >= corpus.article(article_id).paragraphs[n].end:
        return None  # the gold sentence was removed by cleaning (e.g. taken as the title)
    return article_id, n


def gold_pairs(folder: Path, corpus: Corpus) -> tuple[set[Key], int]:
    """Gold paragraph pairs of one sub-topic and how many could not be mapped."""
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    where = locate(corpus)
    out: set[Key] = set()
    lost = 0
    for p in gold["pairs"]:
        a = paragraph_of(where, p["a"]["doc"], p["a"]["start"], corpus)
        b = paragraph_of(where, p["b"]["doc"], p["b"]["start"], corpus)
        if a is None or b is None:
            lost += 1
        elif a[0] != b[0]:
            out.add(key(a, b))
    return out, lost


# --- metrics -------------------------------------------------------------------------------------

def average_precision(ranked: list[tuple[float, Key]], gold: set[Key]) -> float:
    """AP of a ranking against gold; gold pairs never ranked count as misses."""
    hits, total = 0, 0.0
    for n, (_, k) in enumerate(sorted(ranked, key=lambda x: -x[0]), 1):
        if k in gold:
            hits += 1
            total += hits / n
    return total / max(1, len(gold))


def prf(found: set[Key], gold: set[Key]) -> tuple[float, float, float]:
    tp = len(found & gold)
    p, r = tp / max(1, len(found)), tp / max(1, len(gold))
    return p, r, 2 * p * r / max(1e-9, p + r)


def engine_ranked(corpus: Corpus) -> list[tuple[float, Key]]:
    return [(p.score, key((p.a.article, p.a.paragraph), (p.b.article, p.b.paragraph)))
            for p in pairing.pair_corpus(corpus).pairs if p.kind == "paragraph"]


def analysed(corpus: Corpus) -> list[tuple[float, Key]]:
    """The whole engine's paragraph pairs: pairing plus the facts stage's pairs (sides inferred)."""
    return [(p.score, key((p.a.article, p.a.paragraph), (p.b.article, p.b.paragraph)))
            for p in analyse(corpus).pairs if p.kind == "paragraph"]


def baseline_ranked(corpus: Corpus) -> list[tuple[float, Key]]:
    """token_set_ratio on lower-cased paragraphs, every cross-article pair (the naive baseline)."""
    import numpy as np
    from rapidfuzz import process

    items = [((a.id, p.index), p.text.lower()) for a in corpus.articles for p in a.paragraphs]
    texts = [t for _, t in items]
    matrix = process.cdist(texts, texts, scorer=fuzz.token_set_ratio, workers=-1, dtype=np.uint8)
    out = []
    for i in range(len(items)):
        row = matrix[i]
        for j in range(i + 1, len(items)):
            if items[i][0][0] != items[j][0][0]:
                out.append((float(row[j]), key(items[i][0], items[j][0])))
    return out


def best_f1(ranked: list[tuple[float, Key]], gold: set[Key]) -> tuple[float, float]:
    """Best F1 over all thresholds (chosen with hindsight) and its threshold."""
    ranked = sorted(ranked, key=lambda x: -x[0])
    best, at, tp = 0.0, 0.0, 0
    for n, (s, k) in enumerate(ranked, 1):
        tp += k in gold
        if n == len(ranked) or ranked[n][0] != s:
            p, r = tp / n, tp / max(1, len(gold))
            f1 = 2 * p * r / max(1e-9, p + r)
            if f1 > best:
                best, at = f1, s
    return best, at


# --- quality -------------------------------------------------------------------------------------

def quality(ecb: Path) -> None:
    print("== quality: ECB+ sub-topics, paragraph (= sentence) pairs vs gold.json pairs")
    pooled = {"engine": [], "engine_all": [], "baseline": [], "with_facts": []}
    gold_all: set[Key] = set()
    per = {"p": [], "r": [], "ap": [], "bap": []}
    lost_total = 0
    t0 = time.perf_counter()
    for folder in folders(ecb):
        corpus = load_corpus(folder)
        gold, lost = gold_pairs(folder, corpus)
        lost_total += lost
        found = engine_ranked(corpus)
        saved = pairing.tuning.THRESHOLD, pairing.tuning.MIN_SHARED
        # For AP, rank every pair that shares an indexed term, not only those the
        # pre-filter would score: AP charges every gold pair left unranked as a miss.
        pairing.tuning.THRESHOLD, pairing.tuning.MIN_SHARED = 0.0, 0.0
        try:
            ranked = engine_ranked(corpus)
        finally:
            pairing.tuning.THRESHOLD, pairing.tuning.MIN_SHARED = saved
        base = baseline_ranked(corpus)
        tag = lambda xs, name=folder.name: [(s, (name, k)) for s, k in xs]  # noqa: E731 - keys unique per folder
        pooled["engine"] += tag(found)
        pooled["with_facts"] += tag(analysed(corpus))
        pooled["engine_all"] += tag(ranked)
        pooled["baseline"] += tag(base)
        gold_all |= {(folder.name, k) for k in gold}
        p, r, _ = prf({k for _, k in found}, gold)
        per["p"].append(p)
        per["r"].append(r)
        per["ap"].append(average_precision(ranked, gold))
        per["bap"].append(average_precision(base, gold))
    mean = lambda xs: sum(xs) / max(1, len(xs))  # noqa: E731
    p, r, f1 = prf({k for _, k in pooled["engine"]}, gold_all)
    print(f"gold pairs {len(gold_all)} (+{lost_total} whose sentence cleaning removed as title, "
          f"header or dateline, left out below); {time.perf_counter() - t0:.0f} s")
    print(f"engine   @ threshold {pairing.THRESHOLD:.0f}: precision {p:.3f} recall {r:.3f} F1 {f1:.3f} "
          f"(averaged over sub-topics: precision {mean(per['p']):.3f} recall {mean(per['r']):.3f})")
    fp, fr, ff1 = prf({k for _, k in pooled["with_facts"]}, gold_all)
    print(f"engine + fact pairs (analyse): precision {fp:.3f} recall {fr:.3f} F1 {ff1:.3f}")
    ap = average_precision(pooled["engine_all"], gold_all)
    bap = average_precision(pooled["baseline"], gold_all)
    ef1, eat = best_f1(pooled["engine_all"], gold_all)
    bf1, bat = best_f1(pooled["baseline"], gold_all)
    print(f"engine   average precision {ap:.3f} pooled ({mean(per['ap']):.3f} averaged); "
          f"best F1 {ef1:.3f} at {eat:.0f}")
    print(f"baseline average precision {bap:.3f} pooled ({mean(per['bap']):.3f} averaged); "
          f"best F1 {bf1:.3f} at {bat:.0f}")
    print(f"ratios engine/baseline: AP pooled {ap / max(1e-9, bap):.2f}x, "
          f"AP averaged {mean(per['ap']) / max(1e-9, mean(per['bap'])):.2f}x, F1 {f1 / max(1e-9, bf1):.2f}x")
    print(f"({README_BASELINE}; precision is a lower bound: only selected sentences were annotated)")
    if MIXED: mixed(ecb)


def mixed(ecb: Path) -> None:
    """Both sub-topics of each topic in one corpus: cross-sub-topic pairs are wrong."""
    by_topic: dict[str, list[Path]] = {}
    for f in folders(ecb):
        by_topic.setdefault(f.name.split("_")[0], []).append(f)
    cross = total = same_ok = same_n = other_wrong = other_n = 0
    for parts in by_topic.values():
        if len(parts) != 2:
            continue
        corpora = [load_corpus(f) for f in parts]
        side = {a.id: n for n, c in enumerate(corpora) for a in c.articles}
        corpus = replace(corpora[0], articles=corpora[0].articles + corpora[1].articles)
        result = pairing.pair_corpus(corpus)
        for p in result.pairs:
            if p.kind == "paragraph":
                total += 1
                cross += side[p.a.article] != side[p.b.article]
        for row in result.article_similarity:
            if side[row["a"]] == side[row["b"]]:
                same_n += 1
                same_ok += row["relation"] == "same event"
            else:
                other_n += 1
                other_wrong += row["relation"] == "same event"
    print(f"mixed sub-topics: {cross} of {total} paragraph pairs cross sub-topics "
          f"({cross / max(1, total):.1%} wrong); article pairs labelled 'same event': "
          f"{same_ok}/{same_n} listed same-sub-topic pairs, {other_wrong}/{other_n} listed cross-sub-topic pairs")


# --- speed ---------------------------------------------------------------------------------------

def pooled_corpus(ecb: Path, limit: int | None) -> Corpus:
    articles: list[Article] = []
    first = None
    for folder in folders(ecb):
        corpus = load_corpus(folder)
        first = first or corpus
        articles.extend(corpus.articles)
        if limit and len(articles) >= limit:
            break
    assert first is not None
    return replace(first, articles=tuple(articles[:limit] if limit else articles))


def timed(corpus: Corpus) -> tuple[float, float, int]:
    """(seconds, peak traced MB, sentence pairs) of pair_corpus on one corpus."""
    gc.collect()
    t = time.perf_counter()
    result = pairing.pair_corpus(corpus)
    seconds = time.perf_counter() - t
    del result
    gc.collect()
    tracemalloc.start()
    result = pairing.pair_corpus(corpus)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return seconds, peak, sum(p.kind == "sentence" for p in result.pairs)


def speed(ecb: Path, sample: int, cdist_threshold: int) -> None:
    print("== speed: pair_corpus on pooled ECB+ articles (2 cores)")
    rows = {}
    for limit in (100, None):
        corpus = pooled_corpus(ecb, limit)
        n_sent = sum(len(p.sentences) for a in corpus.articles for p in a.paragraphs)
        n_para = sum(len(a.paragraphs) for a in corpus.articles)
        seconds, peak, n_pairs = timed(corpus)
        rows[limit] = (corpus, seconds, n_sent)
        print(f"{len(corpus.articles):5d} articles, {n_para} paragraphs, {n_sent} sentences: "
              f"{seconds:.2f} s, peak traced {peak:.0f} MB, {n_pairs} sentence pairs")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    big, big_s, n_big = rows[None]
    small_s, n_small = rows[100][1], rows[100][2]
    print(f"process peak RSS {rss:.0f} MB (includes loading every article and this script)")
    print(f"growth 100 -> {len(big.articles)} articles: time x{big_s / small_s:.1f} "
          f"for x{n_big / n_small:.1f} sentences (quadratic would be x{(n_big / n_small) ** 2:.0f})")
    cdist_vs_engine(big, big_s, sample, cdist_threshold)


def cdist_vs_engine(corpus: Corpus, engine_s: float, sample: int, threshold: int) -> None:
    """Full cdist time (extrapolated from a subsample) and how much of what it finds we keep."""
    import numpy as np
    from rapidfuzz import process

    sents = [(a.id, p.index, s.index, s.text) for a in corpus.articles for p in a.paragraphs
             for s in p.sentences]
    rng = random.Random(7)
    picked = sorted(rng.sample(range(len(sents)), min(sample, len(sents))))
    texts = [sents[i][3].lower() for i in picked]
    t = time.perf_counter()
    matrix = process.cdist(texts, texts, scorer=fuzz.token_set_ratio, workers=-1, dtype=np.uint8)
    sample_s = time.perf_counter() - t
    full_s = sample_s * (len(sents) / len(picked)) ** 2
    print(f"cdist token_set_ratio, workers=-1, on {len(picked)} of {len(sents)} sentences: "
          f"{sample_s:.1f} s -> extrapolated quadratically to all: {full_s:.0f} s")
    print(f"speed ratio cdist(all, extrapolated) / engine: {full_s / engine_s:.0f}x")

    # Brute force with the engine's own scorer on the subsample, against the blocked run.
    units = pairing.units.units_of(corpus.articles, "sentence")
    idf, _ = pairing.idf_weights(units)
    pairing.units.prepare(units, idf)
    result = pairing.pair_corpus(corpus)
    found = {(p.a, p.b) for p in result.pairs if p.kind == "sentence"}
    found |= {(b, a) for a, b in found}
    brute, kept = 0, 0
    cd_pairs, cd_kept, cd_content, cd_content_kept = 0, 0, 0, 0
    missed: list[str] = []
    for x, i in enumerate(picked):
        u = units[i]
        row = matrix[x]
        for y in range(x + 1, len(picked)):
            v = units[picked[y]]
            if u.article == v.article:
                continue
            if row[y] >= threshold:
                hit = (u.ref, v.ref) in found
                cd_pairs += 1
                cd_kept += hit
                if u.terms and v.terms:  # not a stray quote mark or "He was." alone
                    cd_content += 1
                    cd_content_kept += hit
                    if not hit and len(missed) < 3:
                        missed.append(f"{u.text!r} / {v.text!r}")
            if pairing.units.score_units(u, v, idf) >= pairing.THRESHOLD:
                brute += 1
                kept += (u.ref, v.ref) in found
    print(f"blocking recall: of {brute} subsample pairs that brute force with the engine's scorer puts "
          f"at >= {pairing.THRESHOLD:.0f}, the blocked engine reports {kept / max(1, brute):.1%}")
    print(f"cdist recall: of {cd_pairs} subsample pairs cdist puts at token_set_ratio >= {threshold}, "
          f"the engine reports {cd_kept / max(1, cd_pairs):.1%}; of the {cd_content} whose sentences "
          f"both hold a content word (not a lone quote mark), {cd_content_kept / max(1, cd_content):.1%}")
    if missed:
        print("  cdist pairs the engine does not report, e.g.: " + "; ".join(missed))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ecbplus", type=Path, default=ROOT.parent / "shared" / "ecbplus")
    parser.add_argument("--only", choices=("quality", "speed"))
    parser.add_argument("--sample", type=int, default=3000, help="sentences in the cdist subsample")
    parser.add_argument("--cdist-threshold", type=int, default=90)
    args = parser.parse_args()
    if not (args.ecbplus / "cases").is_dir():
        sys.exit(f"pairing_bench: no ECB+ corpus at {args.ecbplus} (use --ecbplus PATH)")
    if args.only in (None, "quality"):
        quality(args.ecbplus)
    if args.only in (None, "speed"):
        speed(args.ecbplus, args.sample, args.cdist_threshold)


if __name__ == "__main__":
    main()
