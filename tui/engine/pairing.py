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
  same-event articles gets a small bonus (`_context`).
* Near-identical paragraphs across articles are wire copy (reprints of one
  source text); articles with many of them are grouped in `Pairing.wire`.
* The user's anchors (`Link`) override the engine in both directions.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from .environment import turned_off
from .model import Article, ArticleRelation, Corpus, Link, Pair, PairKind, Ref, Relation, TextPair
from .text.textnorm import is_number, scan, surface_terms, terms, tokens, word_key

Progress = Callable[[str, int, int], None]

#: A pair is reported at or above this score (0..100).
THRESHOLD = 40.0
#: Passages of two articles dated further apart than EVENT_MAX_GAP tell
#: different events; they pair only with this much more evidence.
OTHER_EVENT_MARGIN = 25.0
#: Candidates must share at least this share of the lighter passage's
#: informative weight before rapidfuzz is run on them (cheap pre-filter).
MIN_SHARED = 0.3
#: Terms in more than this share of passages are too common to block on.
MAX_DF_SHARE = 0.05
#: ... but in a small corpus every term is worth blocking on.
MIN_DF_CAP = 60
#: Passages are wire copy when their longest common word subsequence covers
#: this share of the shorter and of the longer passage.
WIRE_SHORT = 0.85
WIRE_LONG = 0.4
#: ... and the shorter passage has at least this many words (a short
#: sentence is identical by chance too often).
WIRE_MIN_WORDS = 6
#: Articles sharing at least this many wire sentences, and this share of the
#: shorter article's sentences, are reprints of one source text.
WIRE_MIN_SENTENCES = 3
WIRE_MIN_SHARE = 0.2
#: Articles whose dates lie further apart than this are about different events.
EVENT_MAX_GAP = timedelta(days=60)
#: Share of paragraphs paired (the better-covered / the less-covered article)
#: above which two articles tell the same event.
SAME_EVENT_MAX = 0.2
SAME_EVENT_MIN = 0.08
#: Articles sharing this much informative vocabulary (weighted Jaccard) are
#: at least about related events.
RELATED_MIN = 0.04
#: A passage whose exact text stands in this many articles or more is reprinted (wire copy):
#: only its first copy is matched against the other passages, and each score is given to
#: every copy.  The pairs are the same as when each copy is matched, but ten copies of a
#: story no longer make a hundred times the candidates to score.
COPIES_MIN = 2
#: ... until a level holds this many pairs: then (ten copies of every story make a hundred
#: pairs of each pair, past any memory) a copy pairs only with its first copy, and the
#: export says so in a warning.
MAX_COPY_PAIRS = 1_500_000
#: Up to this many articles, every article pair is listed in article_similarity.
SMALL_CORPUS = 20
#: Article context: between two articles the first pass judges the same event
#: (SAME_EVENT_MAX / SAME_EVENT_MIN of their paragraphs paired at CONTEXT_ANCHOR),
#: a paragraph candidate scoring at least CONTEXT_FLOOR gains up to CONTEXT_BONUS
#: when it neighbours a paired paragraph pair or sits at the corresponding place
#: (relative positions within CONTEXT_POSITION of each other).
CONTEXT_ANCHOR = 40.0
CONTEXT_FLOOR = 34.0
CONTEXT_BONUS = 4.0
CONTEXT_POSITION = 0.15


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


@dataclass
class _Unit:
    """One passage (sentence or paragraph) prepared for matching."""

    ref: Ref
    article: int
    text: str
    terms: dict[str, float]
    key: str = ""
    weight: float = 0.0
    words: tuple[str, ...] = ()
    shown: dict[str, str] = field(default_factory=dict)


def _unit(ref: Ref, article: int, text: str) -> _Unit:
    """A unit with term -> weight factor (the largest over the term's occurrences)
    and term -> the word as first written."""
    factors, shown = _scanned(text)
    return _Unit(ref, article, text, dict(factors), words=_word_keys(text), shown=dict(shown))


@lru_cache(maxsize=4096)
def _scanned(text: str) -> tuple[dict[str, float], dict[str, str]]:
    """The term factors and shown words of a text, once per text (a one-sentence
    paragraph is also a sentence); callers copy them."""
    factors: dict[str, float] = {}
    shown: dict[str, str] = {}
    for t, f, word in scan(text):
        if f > factors.get(t, 0.0):
            factors[t] = f
        if t not in shown:
            shown[t] = word[:-2] if word.endswith(("'s", "'S")) else word
    return factors, shown


@lru_cache(maxsize=4096)
def _word_keys(text: str) -> tuple[str, ...]:
    return tuple(word_key(t[0]) for t in tokens(text))


def pair_corpus(corpus: Corpus, links: Sequence[Link] = (), progress: Progress | None = None) -> Pairing:
    """Sentence and paragraph pairs across the corpus's articles, article similarity, wire copy."""
    report = progress or (lambda stage, done, total: None)
    sentences, paragraphs = _all_units(corpus.articles)
    far = _far_apart(corpus.articles)
    sentence_band: dict = {}
    paragraph_band: dict = {}
    limited: dict = {}
    sentence_scores = _pair_units(sentences, "sentences", report, far, band=sentence_band, stats=limited)
    long_paragraphs = [u for u in paragraphs
                       if len(corpus.articles[u.article].paragraphs[u.ref.paragraph].sentences) > 1]
    paragraph_scores = _lift(_pair_units(paragraphs, "paragraphs", report, far, long_paragraphs,
                                         band=paragraph_band, stats=limited),
                             sentence_scores, sentences, paragraphs)
    band = _lift(paragraph_band, sentence_band, sentences, paragraphs)
    paragraph_scores.update(_context(corpus, paragraph_scores, band, paragraphs, far))
    pairs = _to_pairs(sentence_scores, sentences, "sentence") + _to_pairs(paragraph_scores, paragraphs,
                                                                        "paragraph")
    pairs = _apply_links(corpus, pairs, links)
    pairs = _mark_wire(pairs, {u.ref: u.words for u in sentences})
    report("articles", 0, 1)
    similarity, wire = _articles(corpus, pairs, paragraphs)
    report("articles", 1, 1)
    pairs.sort(key=_pair_order)
    warnings = tuple(
        f"{stage}: over {MAX_COPY_PAIRS:,} pairs, so from there on the copies of a reprinted "
        f"passage were paired with its first copy only, not each with every partner "
        f"({n['copies_limited']:,} groups of copies)"
        for stage, n in limited.items() if n.get("copies_limited"))
    return Pairing(tuple(pairs), tuple(similarity), tuple(wire), warnings)


def _pair_order(p: Pair) -> tuple:
    """Paragraph pairs first, then by place: Ref's own order, as plain values (comparing the
    dataclasses called Python code a million times on a thousand articles).  A paragraph
    sorts before its sentences."""
    a, b = p.a, p.b
    return (p.kind != "paragraph", a.article, a.paragraph, -1 if a.sentence is None else a.sentence,
            b.article, b.paragraph, -1 if b.sentence is None else b.sentence)


# --- units and weights -------------------------------------------------------------------------

def _units(articles: Sequence[Article], kind: str) -> list[_Unit]:
    """Every sentence or every paragraph of the corpus, with its content terms."""
    units = []
    for ai, article in enumerate(articles):
        for p in article.paragraphs:
            if kind == "paragraph":
                units.append(_unit(Ref(article.id, p.index), ai, p.text))
            else:
                units.extend(_unit(Ref(article.id, p.index, s.index), ai, s.text)
                             for s in p.sentences)
    return units


def _all_units(articles: Sequence[Article]) -> tuple[list[_Unit], list[_Unit]]:
    """Every sentence and every paragraph, in the order of `_units`, made in one pass so that
    a one-sentence paragraph (most of them in wire-style news) is scanned once: its sentence
    follows it while the scan is still in the caches."""
    sentences: list[_Unit] = []
    paragraphs: list[_Unit] = []
    for ai, article in enumerate(articles):
        for p in article.paragraphs:
            paragraphs.append(_unit(Ref(article.id, p.index), ai, p.text))
            sentences.extend(_unit(Ref(article.id, p.index, s.index), ai, s.text) for s in p.sentences)
    return sentences, paragraphs


def idf_weights(units: Iterable[_Unit]) -> tuple[dict[str, float], dict[str, int]]:
    """Inverse document frequency of each term over the passages of one level.

    Numbers get a bonus: a shared "1,200" or "$32 million" pins a fact down
    better than a shared word of the same rarity.
    """
    df: dict[str, int] = defaultdict(int)
    n = 0
    for u in units:
        n += 1
        for t in u.terms:
            df[t] += 1
    idf = {t: math.log((n + 1) / (d + 0.5)) * (1.5 if is_number(t) else 1.0) for t, d in df.items()}
    return idf, df


def _prepare(units: list[_Unit], idf: dict[str, float]) -> None:
    for u in units:
        u.weight = sum(idf[t] * f for t, f in u.terms.items()) or 1e-9
        u.key = " ".join(sorted(u.terms))


# --- scoring ----------------------------------------------------------------------------------

def score_pair(shared: float, weight_a: float, weight_b: float, fuzzy: float, surface: float) -> float:
    """One calibrated 0..100 score from the evidence two passages share.

    `shared` is the idf weight of the shared terms, `weight_a`/`weight_b` the
    passages' own weights and `fuzzy` rapidfuzz's token_set_ratio (0..100) on
    their content terms; `surface` is the share of the shorter passage's words
    (stop words included) that appear in the same order in the other - it
    catches a rewrite that keeps a phrase ("of a US drone over the Black Sea")
    around a few changed words.  Dice rewards passages that are mostly the same;
    coverage rewards a short passage restated inside a longer one; the
    evidence factor keeps two passages that share one word from scoring high
    however short they are.
    """
    dice = 2 * shared / (weight_a + weight_b)
    cover = shared / min(weight_a, weight_b)
    evidence = 1 - math.exp(-shared / 7.0)
    raw = 0.35 * dice + 0.3 * cover + 0.15 * fuzzy / 100 + 0.2 * surface
    return round(100 * min(1.0, raw * (0.35 + 0.65 * evidence) * 1.25), 1)


def _pair_units(units: list[_Unit], stage: str, report: Progress, far: set[tuple[int, int]],
                keep: list[_Unit] | None = None, stats: dict | None = None,
                band: dict | None = None) -> dict[tuple[int, int], tuple[float, tuple[str, ...]]]:
    """Score the candidate pairs the inverted index finds; keep those at the threshold.

    Returns {(i, j): (score, shared terms)} with i < j (indices into `units`).
    With `keep`, only pairs with at least one side in `keep` are considered
    (the others come from the sentence level).  `stats`, when given, receives
    the number of candidates scored (the benchmark reports it).  `band`, when
    given, receives the candidates of same-date articles scoring from
    CONTEXT_FLOOR up to the threshold (for the article-context pass).
    """
    idf, df = idf_weights(units)
    _prepare(units, idf)
    keep_ids = {id(u) for u in keep} if keep is not None else set()
    probes = range(len(units)) if keep is None else [n for n, u in enumerate(units) if id(u) in keep_ids]
    groups, later = _copies(units)
    if later:
        probes = [n for n in probes if n not in later]
    postings = _postings(units, df, later)
    job = _Job(units, idf, postings, [MIN_SHARED * u.weight for u in units], set(probes), set(groups),
               keep is None)
    out: dict[tuple[int, int], tuple[float, tuple[str, ...]]] = {}
    scored = limited = 0
    art = job.art
    for j, found in _probe_all(job, probes, stage, report):
        v, aj = units[j], art[j]
        scored += len(found)
        for i, score in found:
            u = units[i]
            if i in groups or j in groups:   # the same score for every copy of either text
                limited += _spread(units, groups.get(i, [i]), groups.get(j, [j]), score, idf, far, out, band)
            elif score >= THRESHOLD + (OTHER_EVENT_MARGIN if (aj, art[i]) in far else 0):
                out[(i, j) if i < j else (j, i)] = (score, _shared_terms(u, v, idf))
            elif band is not None and score >= CONTEXT_FLOOR and (aj, art[i]) not in far:
                band[(i, j) if i < j else (j, i)] = (score, (u, v, idf))  # terms when promoted
    for first, group in groups.items():   # the copies of one text with each other
        if keep is None or id(units[first]) in keep_ids:
            scored += 1
            score = _score_units(units[first], units[group[1]], idf)
            limited += _spread(units, group, group, score, idf, far, out, band)
    if stats is not None:
        stats[stage] = {"units": len(units), "candidates": scored, "pairs": len(out),
                        "copies_limited": limited}
    return out


@dataclass
class _Job:
    """What every probe reads: the prepared units, idf, the inverted index, each unit's floor
    of shared rare weight (MIN_SHARED of its own), the probing units and the copy groups'
    first units.  `ordered`: every unit probes, so each pair is counted from its later unit."""

    units: list[_Unit]
    idf: dict[str, float]
    postings: dict[str, list[int]]
    floor: list[float]
    probing: set[int]
    copied: set[int]
    ordered: bool
    art: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.art = [u.article for u in self.units]


def _probe(job: _Job, j: int) -> list[tuple[int, float]]:
    """The candidates of unit j that pass the cheap filter, each with its pair score.

    The filter sums the idf of the blocking terms j shares with each unit before any
    rapidfuzz call: a pair sharing less than MIN_SHARED of both passages' weight is not
    scored (a pair of one article is scored only when either text is a copy group's).
    """
    idf, postings, units = job.idf, job.postings, job.units
    acc: dict[int, float] = {}
    get = acc.get
    for t in units[j].terms:
        plist = postings.get(t)
        if plist is None:
            continue
        w = idf[t]
        if job.ordered:   # postings are in unit order: the earlier units are a prefix
            for i in plist[:bisect_left(plist, j)]:
                acc[i] = get(i, 0.0) + w
        else:
            probing = job.probing
            for i in plist:
                if i != j and not (i > j and i in probing):
                    acc[i] = get(i, 0.0) + w
    art, floor, copied, v = job.art, job.floor, job.copied, units[j]
    aj, fj, j_copied = art[j], floor[j], j in job.copied
    return [(i, _score_units(units[i], v, idf)) for i, rare in acc.items()
            if not ((art[i] == aj and not (j_copied or i in copied)) or (rare < floor[i] and rare < fj))]


#: From this many probing units on, the probes run in a process pool (when the machine has
#: more than one core and can fork); below it the pool's start costs more than it saves.
POOL_MIN_PROBES = 5000
#: The job the pool's forked workers read (set just before the fork, cleared after).
_POOL_JOB: _Job | None = None


def _probe_all(job: _Job, probes: Sequence[int], stage: str,
               report: Progress) -> Iterator[tuple[int, list[tuple[int, float]]]]:
    """(j, its scored candidates) for each probe, in probe order, in a process pool for a
    large corpus.

    Why a pool: the probes (summing shared rare weight, then rapidfuzz) are most of
    pairing's time and each reads only the prepared units, so forked workers share them
    without copying.  The caller records the results in probe order, so the pairs are the
    same as in one process.  `RECONCILE_NO_POOL=1` keeps it in one process.
    """
    global _POOL_JOB
    total, done = len(probes), 0
    workers = min(4, os.cpu_count() or 1)
    if total >= POOL_MIN_PROBES and workers > 1 and not turned_off("pool"):
        size = max(1, total // (workers * 16))
        chunks = [probes[k:k + size] for k in range(0, total, size)]
        try:
            context = multiprocessing.get_context("fork")
            _POOL_JOB = job
            with ProcessPoolExecutor(workers, mp_context=context) as pool:
                for chunk, results in zip(chunks, pool.map(_probe_chunk, chunks)):
                    report(stage, done, total)
                    yield from zip(chunk, results)
                    done += len(chunk)
        except (ValueError, OSError, BrokenProcessPool):   # no fork or no processes: go on here
            pass
        finally:
            _POOL_JOB = None
    for n in range(done, total):
        if n % 1000 == 0:
            report(stage, n, total)
        yield probes[n], _probe(job, probes[n])
    report(stage, total, total)


def _probe_chunk(chunk: list[int]) -> list[list[tuple[int, float]]]:
    """In a forked worker: the probes of one chunk, read from the job the parent set."""
    assert _POOL_JOB is not None
    return [_probe(_POOL_JOB, j) for j in chunk]


def _copies(units: list[_Unit]) -> tuple[dict[int, list[int]], set[int]]:
    """Texts found in COPIES_MIN articles or more (reprints, wire copy): first unit -> every
    unit with that text (itself first), and the set of the later ones."""
    by_text: dict[str, list[int]] = {}
    for n, u in enumerate(units):
        by_text.setdefault(u.text, []).append(n)
    groups = {g[0]: g for g in by_text.values()
              if len(g) > 1 and len({units[n].article for n in g}) >= COPIES_MIN}
    return groups, {n for g in groups.values() for n in g[1:]}


def _spread(units: list[_Unit], left: list[int], right: list[int], score: float, idf: dict[str, float],
            far: set[tuple[int, int]], out: dict, band: dict | None) -> int:
    """Record one score for every pair of a copy of one text and a copy of another (or of
    the same), in different articles: what scoring each pair would have found.

    Past MAX_COPY_PAIRS pairs, only the first copies pair with each other (and, for one
    text, every copy with its first): returns 1 when it came to that, else 0.
    """
    limited = 0
    if len(out) >= MAX_COPY_PAIRS and (len(left) > 1 or len(right) > 1):
        limited = 1
        left, right = ([left[0]], right) if left is right else ([left[0]], [right[0]])
    shared: tuple[str, ...] | None = None
    for i in left:
        for j in right:
            ai, aj = units[i].article, units[j].article
            if i == j or ai == aj:
                continue
            key = (i, j) if i < j else (j, i)
            if score >= THRESHOLD + (OTHER_EVENT_MARGIN if (ai, aj) in far else 0):
                if shared is None:
                    shared = _shared_terms(units[i], units[j], idf)
                out[key] = (score, shared)
            elif band is not None and score >= CONTEXT_FLOOR and (ai, aj) not in far:
                band[key] = (score, (units[i], units[j], idf))
    return limited


def _postings(units: list[_Unit], df: dict[str, int],
              skip: set[int] | frozenset[int] = frozenset()) -> dict[str, list[int]]:
    """Inverted index: informative term -> units holding it, in unit order.

    Terms held by more than MAX_DF_SHARE of the units (and MIN_DF_CAP) are
    left out: they would make every passage a candidate for every other.
    The units in `skip` (later copies of a reprinted text) are left out too.
    """
    cap = max(MIN_DF_CAP, int(MAX_DF_SHARE * len(units)))
    postings: dict[str, list[int]] = defaultdict(list)
    for n, u in enumerate(units):
        if n in skip:
            continue
        for t in u.terms:
            if df[t] <= cap:
                postings[t].append(n)
    return postings


def _far_apart(articles: Sequence[Article]) -> set[tuple[int, int]]:
    """Article index pairs (both orders) whose dates say they report different events."""
    ranges = [(n, a.date) for n, a in enumerate(articles) if date_range(a.date)]
    out: set[tuple[int, int]] = set()
    for x, (i, di) in enumerate(ranges):
        for j, dj in ranges[x + 1:]:
            gap = date_gap(di, dj)
            if gap is not None and gap > EVENT_MAX_GAP:
                out.update(((i, j), (j, i)))
    return out


def _score_units(u: _Unit, v: _Unit, idf: dict[str, float]) -> float:
    """The pair score of two prepared units (see `score_pair`)."""
    a, b = u.terms, v.terms
    weight = sum(idf[t] * (f if f < b[t] else b[t]) for t, f in a.items() if t in b)
    surface = Indel.similarity(u.words, v.words) / 2 / max(1, min(len(u.words), len(v.words)))
    return score_pair(weight, u.weight, v.weight, fuzz.token_set_ratio(u.key, v.key), surface)


def _shared_terms(u: _Unit, v: _Unit, idf: dict[str, float]) -> tuple[str, ...]:
    """The most informative terms two units share, rarest first (shown with the pair)."""
    return tuple(sorted(u.terms.keys() & v.terms.keys(), key=lambda t: (-idf[t], t))[:8])


def _lift(paragraph_scores: dict, sentence_scores: dict, sentences: list[_Unit],
          paragraphs: list[_Unit]) -> dict[tuple[int, int], tuple[float, tuple[str, ...]]]:
    """Paragraph pairs: the better of the paragraph-level score and the best sentence pair inside."""
    index = {u.ref: n for n, u in enumerate(paragraphs)}
    paragraph_of = [index[u.ref.whole_paragraph] for u in sentences]   # once per sentence, not pair
    out = dict(paragraph_scores)
    for (i, j), (score, shared) in sentence_scores.items():
        key = (paragraph_of[i], paragraph_of[j])
        if key not in out or out[key][0] < score:
            out[key] = (score, shared)
    return out


def _context(corpus: Corpus, scores: dict, band: dict, paragraphs: list[_Unit],
             far: set[tuple[int, int]]) -> dict[tuple[int, int], tuple[float, tuple[str, ...]]]:
    """Paragraph candidates just under the threshold that their articles' alignment supports.

    Two reports of one event tell it in roughly the same order (the lead
    first), so between articles the first pass already judges the same event,
    a candidate that neighbours a paired paragraph pair (diagonally: the
    paragraphs before or after both) or sits at the same relative place in
    both articles gains CONTEXT_BONUS.  Only candidates that already share
    most of the evidence (CONTEXT_FLOOR) and articles that share a good part
    of their paragraphs qualify, so unrelated topics never pair this way.
    """
    arts = corpus.articles
    anchors: dict[tuple[int, int], set[tuple[int, int]]] = defaultdict(set)
    for (i, j), (score, _) in scores.items():
        if score >= CONTEXT_ANCHOR:
            u, v = paragraphs[i], paragraphs[j]
            if u.article > v.article:
                u, v = v, u
            anchors[(u.article, v.article)].add((u.ref.paragraph, v.ref.paragraph))
    same = set()
    for (x, y), ps in anchors.items():
        if (x, y) in far:
            continue
        share_x = len({i for i, _ in ps}) / max(1, len(arts[x].paragraphs))
        share_y = len({j for _, j in ps}) / max(1, len(arts[y].paragraphs))
        if max(share_x, share_y) >= SAME_EVENT_MAX and min(share_x, share_y) >= SAME_EVENT_MIN:
            same.add((x, y))
    out = {}
    # Candidates under CONTEXT_ANCHOR: the band the first pass left out and,
    # with a threshold below it, the weaker pairs it kept.
    below = [(k, s) for k, s in scores.items() if CONTEXT_FLOOR <= s[0] < CONTEXT_ANCHOR]
    below += [(k, s) for k, s in band.items() if k not in scores]
    for (i, j), (score, shared) in below:
        u, v = paragraphs[i], paragraphs[j]
        if u.article > v.article:
            u, v = v, u
        if (u.article, v.article) not in same:
            continue
        p, q = u.ref.paragraph, v.ref.paragraph
        ps = anchors[(u.article, v.article)]
        near = (p - 1, q - 1) in ps or (p + 1, q + 1) in ps
        place = abs(p / len(arts[u.article].paragraphs) - q / len(arts[v.article].paragraphs))
        bonus = CONTEXT_BONUS * max(float(near), 1 - place / CONTEXT_POSITION)
        if bonus > 0 and score + bonus >= THRESHOLD:
            if shared and isinstance(shared[0], _Unit):
                shared = _shared_terms(*shared)
            out[(i, j)] = (round(min(100.0, score + bonus), 1), shared)
    return out


def _to_pairs(scores: dict, units: list[_Unit], kind: PairKind) -> list[TextPair]:
    """TextPairs in corpus order, their terms shown as written in the first passage."""
    pairs = []
    for (i, j), (score, shared) in scores.items():
        if units[i].article > units[j].article:
            i, j = j, i
        u, v = units[i], units[j]
        words = tuple(dict.fromkeys(u.shown.get(t) or v.shown.get(t) or t for t in shared))
        pairs.append(TextPair(u.ref, v.ref, score, words, kind, "engine", u.text, v.text))
    return pairs


# --- user anchors, wire copy -------------------------------------------------------------------

def _apply_links(corpus: Corpus, pairs: list[TextPair], links: Sequence[Link]) -> list[TextPair]:
    """The user's decisions win: same=True forces a pair (score 100), same=False removes it.

    A "not the same" decision on two paragraphs also removes the sentence
    pairs between them: the user has said those paragraphs tell different facts.
    Without links the pairs stand as they are (a thousand articles' pairs cost a second
    of keys to find nothing).
    """
    if not links:
        return pairs
    def key(a: Ref, b: Ref) -> frozenset[Ref]:
        return frozenset((a, b))

    removed = {key(link.a, link.b) for link in links if not link.same}
    kept = [p for p in pairs if key(p.a, p.b) not in removed
            and key(p.a.whole_paragraph, p.b.whole_paragraph) not in removed]
    forced = {key(link.a, link.b): link for link in links if link.same}
    kept = [p for p in kept if key(p.a, p.b) not in forced]
    order = {a.id: n for n, a in enumerate(corpus.articles)}
    for link in forced.values():
        a, b = sorted((link.a, link.b), key=lambda r: (order.get(r.article, len(order)), r))
        text_a, text_b = passage_text(corpus, a), passage_text(corpus, b)
        if text_a is None or text_b is None:
            continue  # a stale anchor to a passage that no longer exists
        kind: PairKind = "paragraph" if a.sentence is None and b.sentence is None else "sentence"
        kept.append(TextPair(a, b, 100.0, shared_words(text_a, text_b), kind, "user", text_a, text_b))
    return kept


def shared_words(text_a: str, text_b: str) -> tuple[str, ...]:
    """Up to 8 content terms two passages share, as written in the first (for pairs the
    engine did not score: user anchors and fact pairs)."""
    shown = surface_terms(text_a)
    return tuple(shown[t] for t in sorted(shown.keys() & set(terms(text_b))))[:8]


def passage_text(corpus: Corpus, ref: Ref) -> str | None:
    """The text of a paragraph or sentence reference; None when it no longer exists."""
    try:
        article = corpus.article(ref.article)
        paragraph = article.paragraphs[ref.paragraph]
        return paragraph.text if ref.sentence is None else paragraph.sentences[ref.sentence].text
    except (KeyError, IndexError):
        return None


def is_wire(a: str, b: str) -> bool:
    """Two passages are wire copy when one keeps nearly every word of the other, in order.

    A rewrite reorders and replaces words; a reprint keeps them, perhaps
    trimming a clause or splitting a paragraph.  So: the longest common word
    subsequence covers most of the shorter passage and much of the longer.
    """
    return _same_words(_word_keys(a), _word_keys(b))


def _same_words(wa: Sequence[str], wb: Sequence[str]) -> bool:
    if min(len(wa), len(wb)) < WIRE_MIN_WORDS:
        return False
    common = Indel.similarity(wa, wb) / 2
    return (common >= WIRE_SHORT * min(len(wa), len(wb))
            and common >= WIRE_LONG * max(len(wa), len(wb)))


def _mark_wire(pairs: list[TextPair], words: dict[Ref, tuple[str, ...]]) -> list[TextPair]:
    """Flag wire-copy sentence pairs, and the paragraph pairs that hold one.

    `words` holds each sentence's word keys, already computed for scoring.
    """
    def flagged(p: TextPair) -> TextPair:
        return TextPair(p.a, p.b, p.score, p.terms, p.kind, p.origin, p.a_text, p.b_text, True)

    def wire(p: TextPair) -> bool:
        if p.a in words and p.b in words:
            return _same_words(words[p.a], words[p.b])
        return is_wire(p.a_text, p.b_text)

    out = [flagged(p) if p.kind == "sentence" and wire(p) else p for p in pairs]
    wire_paragraphs = {(p.a.whole_paragraph, p.b.whole_paragraph)
                       for p in out if p.wire}
    return [flagged(p) if p.kind == "paragraph" and not p.wire and (p.a, p.b) in wire_paragraphs
            else p for p in out]


# --- article level ----------------------------------------------------------------------------

_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def date_range(text: str | None) -> tuple[date, date] | None:
    """The first and last day a date such as "2023-03-15", "2024-11" or "2017" can mean."""
    m = _DATE.match(text or "")
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day:
            d = date(year, int(month), int(day))
            return d, d
        if month:
            first = date(year, int(month), 1)
            nxt = date(year + (first.month == 12), first.month % 12 + 1, 1)
            return first, nxt - timedelta(days=1)
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None


def date_gap(a: str | None, b: str | None) -> timedelta | None:
    """Days between two (possibly partial) dates; None when either is unknown."""
    ra, rb = date_range(a), date_range(b)
    if ra is None or rb is None:
        return None
    return max(timedelta(0), rb[0] - ra[1], ra[0] - rb[1])


def _articles(corpus: Corpus, pairs: list[TextPair],
              paragraphs: list[_Unit]) -> tuple[list[ArticleRelation], list[dict]]:
    """Per article pair: how much of each pairs with the other, wire copy, same or other event.

    A small corpus lists every article pair; a large one only the pairs that
    share a passage pair (the others are unrelated), so the list stays linear.
    """
    arts = corpus.articles
    index = {a.id: n for n, a in enumerate(arts)}
    paired: dict[tuple[int, int], tuple[set[int], set[int], list[TextPair]]] = {}
    wire_sentences: dict[tuple[int, int], list[TextPair]] = defaultdict(list)
    for p in pairs:
        if p.a.article not in index or p.b.article not in index:
            continue
        x, y = index[p.a.article], index[p.b.article]
        if p.kind != "paragraph":
            if p.wire:
                wire_sentences[(x, y) if x < y else (y, x)].append(p)
            continue
        first, second, found = paired.setdefault((x, y) if x < y else (y, x), (set(), set(), []))
        (first if x < y else second).add(p.a.paragraph)
        (second if x < y else first).add(p.b.paragraph)
        found.append(p)
    keys = set(paired)
    if len(arts) <= SMALL_CORPUS:
        keys |= {(x, y) for x in range(len(arts)) for y in range(x + 1, len(arts))}
    vocab = _article_terms(len(arts), paragraphs)
    rows: list[ArticleRelation] = []
    edges = []
    for x, y in sorted(keys):
        sa, sb, ps = paired.get((x, y), (set(), set(), []))
        row = _article_row(arts[x], arts[y], sa, sb, ps, wire_sentences.get((x, y), []),
                           _term_similarity(vocab, x, y))
        rows.append(row)
        if row["wire"]:
            edges.append((arts[x].id, arts[y].id, row["wire_sentences"]))
    return rows, _wire_groups(edges)


def _article_terms(n: int, paragraphs: list[_Unit]) -> list[dict[str, float]]:
    """Each article's informative vocabulary, weighted by idf over articles."""
    sets: list[set[str]] = [set() for _ in range(n)]
    for u in paragraphs:
        sets[u.article].update(u.terms)
    df: dict[str, int] = defaultdict(int)
    for terms_ in sets:
        for t in terms_:
            df[t] += 1
    return [{t: math.log((n + 1) / (df[t] + 0.5)) for t in terms_} for terms_ in sets]


def _term_similarity(vocab: list[dict[str, float]], x: int, y: int) -> float:
    """Weighted Jaccard of two articles' vocabularies: shared names and topic words."""
    a, b = vocab[x], vocab[y]
    # fsum: these sums run over sets, in the string hash seed's order; exact sums are the same
    # in every run (a last-bit difference could tip a rounded figure or a threshold).
    shared = math.fsum(a[t] for t in a.keys() & b.keys())
    union = math.fsum(a.values()) + math.fsum(b.values()) - shared
    return shared / union if union else 0.0


def _n_sentences(article: Article) -> int:
    return sum(len(p.sentences) for p in article.paragraphs)


def _article_row(a: Article, b: Article, sa: set[int], sb: set[int], ps: list[TextPair],
                 wire_sentences: list[TextPair], term_similarity: float) -> ArticleRelation:
    share_a = len(sa) / max(1, len(a.paragraphs))
    share_b = len(sb) / max(1, len(b.paragraphs))
    wire_pairs = [p for p in wire_sentences if p.wire]
    wire_n = min(len({p.a for p in wire_pairs}), len({p.b for p in wire_pairs}))
    wire = wire_n >= WIRE_MIN_SENTENCES and wire_n >= WIRE_MIN_SHARE * min(_n_sentences(a),
                                                                            _n_sentences(b))
    relation, why = _relation(a, b, share_a, share_b, len(ps), term_similarity)
    counts: dict[str, float] = defaultdict(float)
    for p in ps:
        for t in p.terms:
            counts[t] += p.score
    return {
        "a": a.id, "b": b.id,
        "a_paired": round(share_a, 3), "b_paired": round(share_b, 3),
        "paragraph_pairs": len(ps),
        "score": round(100 * math.sqrt(share_a * share_b), 1),
        "term_similarity": round(term_similarity, 3),
        "terms": [t for t, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10]],
        "wire": wire, "wire_sentences": wire_n,
        "relation": relation, "why": why,
    }


def _relation(a: Article, b: Article, share_a: float, share_b: float, n_pairs: int,
              term_similarity: float) -> tuple[Relation, str]:
    """"same event", "related event" or "unrelated", with the reason in words.

    Two reports of one event pair a good share of both texts; a different
    event in the same story (an earlier meeting, a later call) shares names and
    background but few facts.  Dates far apart settle it when both are known.
    """
    gap = date_gap(a.date, b.date)
    high, low = max(share_a, share_b), min(share_a, share_b)
    if gap is not None and gap > EVENT_MAX_GAP and (n_pairs or term_similarity >= RELATED_MIN):
        return "related event", f"dates {gap.days} days apart; {n_pairs} passage pairs"
    if n_pairs and high >= SAME_EVENT_MAX and low >= SAME_EVENT_MIN:
        return "same event", f"{high:.0%} and {low:.0%} of the paragraphs pair"
    if n_pairs or term_similarity >= RELATED_MIN:
        return "related event", (f"only {high:.0%} and {low:.0%} of the paragraphs pair; "
                                 f"vocabulary overlap {term_similarity:.2f}")
    return "unrelated", f"no passage pairs; vocabulary overlap {term_similarity:.2f}"


def _wire_groups(edges: list[tuple[str, str, int]]) -> list[dict]:
    """Connected groups of articles linked by wire copy (reprints of one source text)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b, _ in edges:
        parent[find(a)] = find(b)
    groups: dict[str, list[str]] = defaultdict(list)
    for x in list(parent):
        groups[find(x)].append(x)
    return [{"articles": sorted(members),
             "wire_sentences": sum(n for a, b, n in edges if a in members)}
            for members in sorted(groups.values())]
