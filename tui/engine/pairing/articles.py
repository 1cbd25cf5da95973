"""Article pairs: how much of each pairs with the other, same or related event, wire groups."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from datetime import date, timedelta
from functools import lru_cache

from ..model import Article, ArticleRelation, Corpus, Relation, TextPair
from . import tuning
from .units import Unit


_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


@lru_cache(maxsize=4096)
def date_range(text: str | None) -> tuple[date, date] | None:
    """The first and last day a date such as "2023-03-15", "2024-11" or "2017" can mean.

    Cached: article pairs ask for the same few dates tens of thousands of times."""
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


def article_rows(corpus: Corpus, pairs: list[TextPair],
                 paragraphs: list[Unit]) -> tuple[list[ArticleRelation], list[dict]]:
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
    if len(arts) <= tuning.SMALL_CORPUS:
        keys |= {(x, y) for x in range(len(arts)) for y in range(x + 1, len(arts))}
    vocab = _article_terms(len(arts), paragraphs)
    totals = [math.fsum(terms_.values()) for terms_ in vocab]   # once per article, not per pair
    # Reprints have one vocabulary (a term weighs the same in every article): their similarity
    # with another article is computed once, for the first article with that vocabulary.
    by_vocabulary: dict[frozenset[str], int] = {}
    same = [by_vocabulary.setdefault(frozenset(terms_), n) for n, terms_ in enumerate(vocab)]
    similar: dict[tuple[int, int], float] = {}
    rows: list[ArticleRelation] = []
    edges = []
    for x, y in sorted(keys):
        sa, sb, ps = paired.get((x, y), (set(), set(), []))
        key = (same[x], same[y]) if same[x] <= same[y] else (same[y], same[x])
        if key not in similar:
            similar[key] = _term_similarity(vocab, totals, *key)
        row = _article_row(arts[x], arts[y], sa, sb, ps, wire_sentences.get((x, y), []), similar[key])
        rows.append(row)
        if row["wire"]:
            edges.append((arts[x].id, arts[y].id, row["wire_sentences"]))
    return rows, _wire_groups(edges)


def _article_terms(n: int, paragraphs: list[Unit]) -> list[dict[str, float]]:
    """Each article's informative vocabulary, weighted by idf over articles."""
    sets: list[set[str]] = [set() for _ in range(n)]
    for u in paragraphs:
        sets[u.article].update(u.terms)
    df: dict[str, int] = defaultdict(int)
    for terms_ in sets:
        for t in terms_:
            df[t] += 1
    return [{t: math.log((n + 1) / (df[t] + 0.5)) for t in terms_} for terms_ in sets]


def _term_similarity(vocab: list[dict[str, float]], totals: list[float], x: int, y: int) -> float:
    """Weighted Jaccard of two articles' vocabularies: shared names and topic words.

    `totals` holds each article's math.fsum of its weights.  A term weighs the same in every
    article, and fsum is exact, so the shared sum is the same whatever the order it runs in
    (sets run in the string hash seed's order: a last-bit difference could tip a rounded
    figure or a threshold)."""
    a, b = vocab[x], vocab[y]
    shared = math.fsum(map(a.__getitem__, a.keys() & b.keys()))
    union = totals[x] + totals[y] - shared
    return shared / union if union else 0.0


def _n_sentences(article: Article) -> int:
    return sum(len(p.sentences) for p in article.paragraphs)


def _article_row(a: Article, b: Article, sa: set[int], sb: set[int], ps: list[TextPair],
                 wire_sentences: list[TextPair], term_similarity: float) -> ArticleRelation:
    share_a = len(sa) / max(1, len(a.paragraphs))
    share_b = len(sb) / max(1, len(b.paragraphs))
    wire_pairs = [p for p in wire_sentences if p.wire]
    wire_n = min(len({p.a for p in wire_pairs}), len({p.b for p in wire_pairs}))
    wire = wire_n >= tuning.WIRE_MIN_SENTENCES and wire_n >= tuning.WIRE_MIN_SHARE * min(_n_sentences(a),
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
    if gap is not None and gap > tuning.EVENT_MAX_GAP and (n_pairs or term_similarity >= tuning.RELATED_MIN):
        return "related event", f"dates {gap.days} days apart; {n_pairs} passage pairs"
    if n_pairs and high >= tuning.SAME_EVENT_MAX and low >= tuning.SAME_EVENT_MIN:
        return "same event", f"{high:.0%} and {low:.0%} of the paragraphs pair"
    if n_pairs or term_similarity >= tuning.RELATED_MIN:
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
    counts: dict[str, int] = defaultdict(int)   # per group in one pass (was every edge per group)
    for a, _, n in edges:
        counts[find(a)] += n
    return [{"articles": sorted(members), "wire_sentences": counts[find(members[0])]}
            for members in sorted(groups.values())]
