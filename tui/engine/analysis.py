"""One entry point for the whole engine: corpus -> pairs -> claims -> facts (-> fact pairs).

Screens and the export both call `analyse`, so they can never disagree.
`progress` receives (stage, done, total) for long corpora.  `links` and
`fixes` are the user's pairing decisions and side corrections from the notes
file; the engine honours them over its own scores.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from .claims.attribution import attribute
from .factpairs import fact_pairs
from .facts import build_facts
from .model import Analysis, Corpus, Link, SideFix
from .pairing import pair_corpus
from .claims.inference import infer_sides

Progress = Callable[[str, int, int], None]


def analyse(corpus: Corpus, links: Sequence[Link] = (), fixes: Sequence[SideFix] = (),
            progress: Progress | None = None) -> Analysis:
    """Run every stage of the engine on a loaded corpus."""
    report = progress or (lambda stage, done, total: None)
    if not corpus.sides:  # no case file: sides come from the speakers, marked inferred
        report("sides", 0, 1)
        corpus = replace(corpus, case=replace(corpus.case, sides=infer_sides(corpus)))
    pairing = pair_corpus(corpus, links, report)
    report("claims", 0, 1)  # one step each, but seconds on a large corpus: say which
    attributions = attribute(corpus, pairing.pairs, fixes)
    report("facts", 0, 1)
    facts = build_facts(corpus, pairing.pairs, attributions)
    pairs = pairing.pairs + tuple(fact_pairs(corpus, facts, pairing.pairs, links))
    return Analysis(corpus, pairs, pairing.article_similarity, attributions, facts,
                    warnings=pairing.warnings)
