"""One entry point for the whole engine: corpus -> pairs -> claims -> facts (-> fact pairs).

Screens and the export both call `analyse`, so they can never disagree.
`progress` receives (stage, done, total) for long corpora.  `links` and
`fixes` are the user's pairing decisions and side corrections from the notes
file; the engine honours them over its own scores.  A reprint (an article that is
nearly all one earlier article's text) is analysed once, as its original: the
stages run on the other articles, and the facts' accounts name the reprints
(`pairing.reprints`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from .claims.attribution import attribute
from .factpairs import fact_pairs
from .facts import build_facts
from .model import Analysis, Corpus, Link, SideFix
from .pairing import pair_corpus
from .pairing.reprints import find_reprints, spread
from .claims.inference import infer_sides

Progress = Callable[[str, int, int], None]


def analyse(corpus: Corpus, links: Sequence[Link] = (), fixes: Sequence[SideFix] = (),
            progress: Progress | None = None) -> Analysis:
    """Run every stage of the engine on a loaded corpus."""
    report = progress or (lambda stage, done, total: None)
    named = {r.article for link in links for r in (link.a, link.b)} | {f.ref.article for f in fixes if f.ref}
    report("reprints", 0, 1)   # seconds at 10,000 articles: the progress line names it
    reprinted = find_reprints(corpus.articles, keep=named)
    ids = reprinted.ids
    # the stages run on the originals; the analysis keeps every article (the reader opens them)
    work = replace(corpus, articles=tuple(a for a in corpus.articles if a.id not in ids)) if ids else corpus
    if not corpus.sides:  # no case file: sides come from the speakers, marked inferred
        report("sides", 0, 1)
        case = replace(corpus.case, sides=infer_sides(work))
        corpus, work = replace(corpus, case=case), replace(work, case=case)
    pairing = pair_corpus(work, links, report)
    report("claims", 0, 1)  # one step each, but seconds on a large corpus: say which
    attributions = attribute(work, pairing.pairs, fixes)
    report("facts", 0, 1)
    facts = build_facts(work, pairing.pairs, attributions)
    pairs = pairing.pairs + tuple(fact_pairs(work, facts, pairing.pairs, links))
    facts, attributions = spread(facts, attributions, reprinted)
    return Analysis(corpus, pairs, pairing.article_similarity, attributions, facts,
                    warnings=pairing.warnings, reprints=tuple(reprinted.reprints))
