"""Candidate pairs: blocking on an inverted index of informative terms, a cheap shared-weight
filter, then the score; in a process pool for a large corpus; reprinted copies scored once."""

from __future__ import annotations

import os
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from ..environment import turned_off
from ..model import Article
from . import tuning
from .articles import date_gap, date_range
from .tuning import Progress
from .units import Unit, idf_weights, prepare, score_against, score_units, shared_terms


def pair_units(units: list[Unit], stage: str, report: Progress, far: set[tuple[int, int]],
               keep: list[Unit] | None = None, stats: dict | None = None,
               band: dict | None = None) -> dict[tuple[int, int], tuple[float, tuple[str, ...]]]:
    """Score the candidate pairs the inverted index finds; keep those at the threshold.

    Returns {(i, j): (score, shared terms)} with i < j (indices into `units`).
    With `keep`, only pairs with at least one side in `keep` are considered
    (the others come from the sentence level).  `stats`, when given, receives
    the number of candidates scored (the benchmark reports it).  `band`, when
    given, receives the candidates of same-date articles scoring from
    tuning.CONTEXT_FLOOR up to the threshold (for the article-context pass).
    """
    idf, df = idf_weights(units)
    prepare(units, idf)
    keep_ids = {id(u) for u in keep} if keep is not None else set()
    probes = range(len(units)) if keep is None else [n for n, u in enumerate(units) if id(u) in keep_ids]
    groups, later = _copies(units)
    if later:
        probes = [n for n in probes if n not in later]
    postings = _postings(units, df, later)
    # scores under every figure they are compared with need no exact value (`score_units`)
    below = min(tuning.THRESHOLD, tuning.CONTEXT_FLOOR) if band is not None else tuning.THRESHOLD
    job = _Job(units, idf, postings, [tuning.MIN_SHARED * u.weight for u in units], set(probes), set(groups),
               keep is None, below)
    out: dict[tuple[int, int], tuple[float, tuple[str, ...]]] = {}
    scored = limited = 0
    art = job.art
    for j, (count, found) in _probe_all(job, probes, stage, report):
        v, aj = units[j], art[j]
        scored += count
        for i, score in found:
            u = units[i]
            if i in groups or j in groups:   # the same score for every copy of either text
                limited += _spread(units, groups.get(i, [i]), groups.get(j, [j]), score, idf, far, out, band)
            elif score >= tuning.THRESHOLD + (tuning.OTHER_EVENT_MARGIN if (aj, art[i]) in far else 0):
                out[(i, j) if i < j else (j, i)] = (score, shared_terms(u, v, idf))
            elif band is not None and score >= tuning.CONTEXT_FLOOR and (aj, art[i]) not in far:
                band[(i, j) if i < j else (j, i)] = (score, (u, v, idf))  # terms when promoted
    for first, group in groups.items():   # the copies of one text with each other
        if keep is None or id(units[first]) in keep_ids:
            scored += 1
            score = score_units(units[first], units[group[1]], idf, below)
            limited += _spread(units, group, group, score, idf, far, out, band)
    if stats is not None:
        stats[stage] = {"units": len(units), "candidates": scored, "pairs": len(out),
                        "copies_limited": limited}
    return out


@dataclass
class _Job:
    """What every probe reads: the prepared units, idf, the inverted index, each unit's floor
    of shared rare weight (tuning.MIN_SHARED of its own), the probing units and the copy groups'
    first units.  `ordered`: every unit probes, so each pair is counted from its later unit.
    `below`: the lowest score the caller tells from another (see `score_units`)."""

    units: list[Unit]
    idf: dict[str, float]
    postings: dict[str, list[int]]
    floor: list[float]
    probing: set[int]
    copied: set[int]
    ordered: bool
    below: float = 0.0
    art: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.art = [u.article for u in self.units]


def _probe(job: _Job, j: int) -> tuple[int, list[tuple[int, float]]]:
    """How many candidates of unit j pass the cheap filter, and those of them the caller
    records, each with its pair score: a score under `job.below` between two texts that are
    no copy group's first is recorded nowhere, so it is not sent back (nine in ten).

    The filter sums the idf of the blocking terms j shares with each unit before any
    rapidfuzz call: a pair sharing less than tuning.MIN_SHARED of both passages' weight is not
    scored (a pair of one article is scored only when either text is a copy group's).
    """
    idf, postings, units = job.idf, job.postings, job.units
    acc: dict[int, float] | None = None
    for t in units[j].terms:
        plist = postings.get(t)
        if plist is None:
            continue
        w = idf[t]
        if job.ordered:   # postings are in unit order: the earlier units are a prefix
            prefix = plist[:bisect_left(plist, j)]
            if acc is None:   # the first term's sums: 0.0 + w is w, made in C
                if prefix:
                    acc = dict.fromkeys(prefix, w)
                continue
            get = acc.get
            for i in prefix:
                acc[i] = get(i, 0.0) + w
        else:
            if acc is None:
                acc = {}
            get, probing = acc.get, job.probing
            for i in plist:
                if i != j and not (i > j and i in probing):
                    acc[i] = get(i, 0.0) + w
    if not acc:
        return 0, []
    art, floor, copied, below = job.art, job.floor, job.copied, job.below
    aj, fj, j_copied = art[j], floor[j], j in job.copied
    found = [i for i, rare in acc.items()
             if not ((rare < fj and rare < floor[i]) or (art[i] == aj and not (j_copied or i in copied)))]
    scores = score_against(units[j], map(units.__getitem__, found), idf, below)
    return len(found), [(i, score) for i, score in zip(found, scores)
                        if score >= below or j_copied or i in copied]


#: The job the pool's forked workers read (set just before the fork, cleared after).
_POOL_JOB: _Job | None = None


def _probe_all(job: _Job, probes: Sequence[int], stage: str,
               report: Progress) -> Iterator[tuple[int, tuple[int, list[tuple[int, float]]]]]:
    """(j, `_probe`'s count and scored candidates) for each probe, in probe order, in a
    process pool for a large corpus.

    Why a pool: the probes (summing shared rare weight, then rapidfuzz) are most of
    pairing's time and each reads only the prepared units, so forked workers share them
    without copying.  The caller records the results in probe order, so the pairs are the
    same as in one process.  `RECONCILE_NO_POOL=1` keeps it in one process.
    """
    global _POOL_JOB
    total, done = len(probes), 0
    workers = min(4, os.cpu_count() or 1)
    if total >= tuning.POOL_MIN_PROBES and workers > 1 and not turned_off("pool"):
        import multiprocessing   # a large corpus only: the pool's modules cost a small one's start ~25 ms
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

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


def _probe_chunk(chunk: list[int]) -> list[tuple[int, list[tuple[int, float]]]]:
    """In a forked worker: the probes of one chunk, read from the job the parent set."""
    assert _POOL_JOB is not None
    return [_probe(_POOL_JOB, j) for j in chunk]


def _copies(units: list[Unit]) -> tuple[dict[int, list[int]], set[int]]:
    """Texts found in tuning.COPIES_MIN articles or more (reprints, wire copy): first unit -> every
    unit with that text (itself first), and the set of the later ones."""
    by_text: dict[str, list[int]] = {}
    for n, u in enumerate(units):
        by_text.setdefault(u.text, []).append(n)
    groups = {g[0]: g for g in by_text.values()
              if len(g) > 1 and len({units[n].article for n in g}) >= tuning.COPIES_MIN}
    return groups, {n for g in groups.values() for n in g[1:]}


def _spread(units: list[Unit], left: list[int], right: list[int], score: float, idf: dict[str, float],
            far: set[tuple[int, int]], out: dict, band: dict | None) -> int:
    """Record one score for every pair of a copy of one text and a copy of another (or of
    the same), in different articles: what scoring each pair would have found.

    Past tuning.MAX_COPY_PAIRS pairs, only the first copies pair with each other (and, for one
    text, every copy with its first): returns 1 when it came to that, else 0.
    """
    limited = 0
    if len(out) >= tuning.MAX_COPY_PAIRS and (len(left) > 1 or len(right) > 1):
        limited = 1
        left, right = ([left[0]], right) if left is right else ([left[0]], [right[0]])
    shared: tuple[str, ...] | None = None
    for i in left:
        for j in right:
            ai, aj = units[i].article, units[j].article
            if i == j or ai == aj:
                continue
            key = (i, j) if i < j else (j, i)
            if score >= tuning.THRESHOLD + (tuning.OTHER_EVENT_MARGIN if (ai, aj) in far else 0):
                if shared is None:
                    shared = shared_terms(units[i], units[j], idf)
                out[key] = (score, shared)
            elif band is not None and score >= tuning.CONTEXT_FLOOR and (ai, aj) not in far:
                band[key] = (score, (units[i], units[j], idf))
    return limited


def _postings(units: list[Unit], df: dict[str, int],
              skip: set[int] | frozenset[int] = frozenset()) -> dict[str, list[int]]:
    """Inverted index: informative term -> units holding it, in unit order.

    Terms held by more than tuning.MAX_DF_SHARE of the units (and tuning.MIN_DF_CAP) are
    left out: they would make every passage a candidate for every other.
    The units in `skip` (later copies of a reprinted text) are left out too.
    """
    cap = max(tuning.MIN_DF_CAP, int(tuning.MAX_DF_SHARE * len(units)))
    postings: dict[str, list[int]] = defaultdict(list)
    for n, u in enumerate(units):
        if n in skip:
            continue
        for t in u.terms:
            if df[t] <= cap:
                postings[t].append(n)
    return postings


def far_apart(articles: Sequence[Article]) -> set[tuple[int, int]]:
    """Article index pairs (both orders) whose dates say they report different events."""
    ranges = [(n, a.date) for n, a in enumerate(articles) if date_range(a.date)]
    out: set[tuple[int, int]] = set()
    for x, (i, di) in enumerate(ranges):
        for j, dj in ranges[x + 1:]:
            gap = date_gap(di, dj)
            if gap is not None and gap > tuning.EVENT_MAX_GAP:
                out.update(((i, j), (j, i)))
    return out
