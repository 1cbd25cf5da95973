"""Pairing: find the passages that tell the same fact across articles.

Why it works this way:

* Outlets rewrite each other, so exact wording is weak evidence.  Each
  passage is reduced to content terms (textnorm: case, spelling, stop words,
  light stemming) and two passages are compared by the *informative* terms they
  share, each weighted by its inverse document frequency: sharing a rare name,
  number or technical word says far more than sharing "drone" in a corpus about
  a drone.  A rapidfuzz token score adds the surface view, and everything is
  combined into one 0..100 score (see `score_pair`).
* Comparing every passage with every other grows with the square of the
  corpus.  Blocking with an inverted index on informative terms means only
  passages that share at least one such term are ever scored.
* Pairing is out of order and one-to-many: articles reorder, split and merge
  paragraphs, and an unpaired passage is itself information (an omission).
* Paragraph pairs take the best of the paragraph-level score and their best
  sentence pair, so a one-sentence paragraph that restates one sentence of a
  long paragraph still pairs.
* Reports of one event tell it in roughly the same order, so a paragraph
  candidate just under the threshold that neighbours the alignment of two
  same-event articles gets a small bonus (`context.by_context`).
* Near-identical paragraphs across articles are wire copy (reprints of one
  source text); articles with many of them are grouped in `Pairing.wire`.
* The user's anchors (`Link`) override the engine in both directions.

The modules, in the order `pair_corpus` uses them: `units` (passages, idf, the score),
`probes` (blocking and scoring, pooled for a large corpus), `context` (paragraph pairs and
the alignment bonus), `links` (the user's decisions, wire copy), `articles` (article pairs,
dates); `tuning` holds every threshold.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from ..model import ArticleRelation, Corpus, Link, Pair
from ..parallel import Background
from . import tuning
from .articles import article_rows, date_gap, date_range
from .context import by_context, lift, to_pairs
from .links import apply_links, is_wire, mark_wire, passage_text, shared_words
from .probes import far_apart, pair_units
from .tuning import MIN_SHARED, THRESHOLD, Progress
from .units import all_units, idf_weights, score_pair

__all__ = ["MIN_SHARED", "THRESHOLD", "Pairing", "date_gap", "date_range", "idf_weights", "is_wire",
           "pair_corpus", "passage_text", "score_pair", "shared_words"]


@dataclass(frozen=True)
class Pairing:
    """The pairs (sentence and paragraph level), article similarity and wire-copy groups.

    `article_similarity` holds JSON-ready dicts (exported as is); `wire` holds
    one dict per group of articles that reprint one source text.
    """

    pairs: tuple[Pair, ...] = ()
    article_similarity: tuple[ArticleRelation, ...] = ()
    wire: tuple[dict, ...] = ()
    warnings: tuple[str, ...] = ()
    pending: Background[tuple[list[ArticleRelation], list[dict]]] | None = None

    def complete(self) -> Pairing:
        """This pairing with its article rows and wire groups, waiting for them if they are still
        computed in the background (`pair_corpus(..., background=True)`)."""
        if self.pending is None:
            return self
        similarity, wire = self.pending.result()
        return replace(self, article_similarity=tuple(similarity), wire=tuple(wire), pending=None)


def pair_corpus(corpus: Corpus, links: Sequence[Link] = (), progress: Progress | None = None,
                background: bool = False, after_probes: Callable[[], None] | None = None) -> Pairing:
    """Sentence and paragraph pairs across the corpus's articles, article similarity, wire copy.

    With `background`, the article rows (a tenth of a large corpus's analysis; nothing else
    in pairing needs them) are computed in a forked child while the caller goes on with the
    pairs: the result's `complete()` holds them.  `after_probes` is called once the sentence
    probes are done and their process pool closed: from there pairing's steps run in this
    process only, so the caller may fork work for the other core."""
    report = progress or (lambda stage, done, total: None)
    sentences, paragraphs = all_units(corpus.articles)
    far = far_apart(corpus.articles)
    sentence_band: dict = {}
    paragraph_band: dict = {}
    limited: dict = {}
    sentence_scores = pair_units(sentences, "sentences", report, far, band=sentence_band, stats=limited)
    if after_probes is not None:
        after_probes()
    long_paragraphs = [u for u in paragraphs
                       if len(corpus.articles[u.article].paragraphs[u.ref.paragraph].sentences) > 1]
    paragraph_scores = lift(pair_units(paragraphs, "paragraphs", report, far, long_paragraphs,
                                       band=paragraph_band, stats=limited),
                            sentence_scores, sentences, paragraphs)
    band = lift(paragraph_band, sentence_band, sentences, paragraphs)
    paragraph_scores.update(by_context(corpus, paragraph_scores, band, paragraphs, far))
    pairs = to_pairs(sentence_scores, sentences, "sentence") + to_pairs(paragraph_scores, paragraphs,
                                                                        "paragraph")
    pairs = apply_links(corpus, pairs, links)
    pairs = mark_wire(pairs, {u.ref: u.words for u in sentences})
    report("articles", 0, 1)
    rows = Background(lambda: article_rows(corpus, pairs, paragraphs), fork=background)
    report("articles", 1, 1)
    ordered = sorted(pairs, key=_pair_order)   # a new list: the rows read `pairs` as they were
    warnings = tuple(
        f"{stage}: over {tuning.MAX_COPY_PAIRS:,} pairs, so from there on the copies of a reprinted "
        f"passage were paired with its first copy only, not each with every partner "
        f"({n['copies_limited']:,} groups of copies)"
        for stage, n in limited.items() if n.get("copies_limited"))
    pairing = Pairing(tuple(ordered), warnings=warnings, pending=rows)
    return pairing if background else pairing.complete()


def _pair_order(p: Pair) -> tuple:
    """Paragraph pairs first, then by place: Ref's own order, as plain values (comparing the
    dataclasses called Python code a million times on a thousand articles).  A paragraph
    sorts before its sentences."""
    a, b = p.a, p.b
    return (p.kind != "paragraph", a.article, a.paragraph, -1 if a.sentence is None else a.sentence,
            b.article, b.paragraph, -1 if b.sentence is None else b.sentence)
