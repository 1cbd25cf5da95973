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

from .claims.attribution import attribute, read_speakers
from .factpairs import fact_pairs
from .facts import build_facts
from .model import Analysis, Attribution, Corpus, Link, Ref, Side, SideFix
from .pairing import pair_corpus
from .parallel import Background, can_fork, collector_paused
from .pairing.reprints import find_reprints, spread
from .claims.inference import infer_sides, learn_actors

Progress = Callable[[str, int, int], None]

#: From this many articles on, side inference and the reading of each article's speakers run
#: in a forked child while pairing runs here, and pairing's article rows while attribution and
#: facts run (`parallel.Background`): 1-3 s each of a thousand articles' analysis; below, the
#: fork costs more than it saves.
BACKGROUND_MIN_ARTICLES = 200


def analyse(corpus: Corpus, links: Sequence[Link] = (), fixes: Sequence[SideFix] = (),
            progress: Progress | None = None) -> Analysis:
    """Run every stage of the engine on a loaded corpus (the cycle collector paused: see
    `parallel`)."""
    with collector_paused():
        return _analyse(corpus, links, fixes, progress or (lambda stage, done, total: None))


def _analyse(corpus: Corpus, links: Sequence[Link], fixes: Sequence[SideFix], report: Progress) -> Analysis:
    named = {r.article for link in links for r in (link.a, link.b)} | {f.ref.article for f in fixes if f.ref}
    report("reprints", 0, 1)   # seconds at 10,000 articles: the progress line names it
    reprinted = find_reprints(corpus.articles, keep=named)
    ids = reprinted.ids
    # the stages run on the originals; the analysis keeps every article (the reader opens them)
    work = replace(corpus, articles=tuple(a for a in corpus.articles if a.id not in ids)) if ids else corpus
    large = len(work.articles) >= BACKGROUND_MIN_ARTICLES
    inferred = not corpus.sides   # no case file: sides come from the speakers, marked inferred
    report("sides", 0, 1)
    # pairing reads no side: for a large corpus it runs meanwhile
    sides = Background(lambda: infer_sides(work) if inferred else learn_actors(work), fork=large)
    read: list[Background[dict[Ref, Attribution]]] = []

    def speakers() -> None:
        """What each article says of its speakers reads no pair: read in a forked child while
        pairing's last steps (an idle core's worth of time) run here."""
        sided = _sided(work, sides)   # the sides child has ended: its result is read here, not in the next
        read.append(Background(lambda: read_speakers(sided)))

    pairing = pair_corpus(work, links, report, background=large, after_probes=speakers if large and can_fork() else None)
    # the user's own sides stay the analysis's (learned actors are the engine's reading, not the case file)
    corpus, work = _sided(corpus, sides) if inferred else corpus, _sided(work, sides)
    report("claims", 0, 1)  # one step each, but seconds on a large corpus: say which
    attributions = attribute(work, pairing.pairs, fixes, read=read[0].result() if read else None)
    report("facts", 0, 1)
    facts = build_facts(work, pairing.pairs, attributions)
    pairing = pairing.complete()   # the article rows, computed meanwhile for a large corpus
    pairs = pairing.pairs + tuple(fact_pairs(work, facts, pairing.pairs, links))
    facts, attributions = spread(facts, attributions, reprinted)
    return Analysis(corpus, pairs, pairing.article_similarity, attributions, facts,
                    warnings=pairing.warnings, reprints=tuple(reprinted.reprints))


def _sided(corpus: Corpus, sides: Background[tuple[Side, ...]]) -> Corpus:
    """The corpus with the sides the engine reads: inferred, or the case file's with learned actors."""
    return replace(corpus, case=replace(corpus.case, sides=sides.result()))
