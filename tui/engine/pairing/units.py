"""Passages prepared for matching (content terms, idf weights) and the pair score."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from ..model import Article, Ref
from ..text.textnorm import is_number, scan, token_words, word_key


@dataclass
class Unit:
    """One passage (sentence or paragraph) prepared for matching."""

    ref: Ref
    article: int
    text: str
    terms: dict[str, float]
    key: str = ""
    weight: float = 0.0
    words: tuple[str, ...] = ()
    shown: dict[str, str] = field(default_factory=dict)
    codes: str | tuple[str, ...] = ()   # `words`, one character a word (set by `prepare`)


def make_unit(ref: Ref, article: int, text: str) -> Unit:
    """A unit with term -> weight factor (the largest over the term's occurrences)
    and term -> the word as first written."""
    factors, shown = _scanned(text)
    return Unit(ref, article, text, dict(factors), words=word_keys(text), shown=dict(shown))


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
def word_keys(text: str) -> tuple[str, ...]:
    return tuple(map(word_key, token_words(text)))


def units_of(articles: Sequence[Article], kind: str) -> list[Unit]:
    """Every sentence or every paragraph of the corpus, with its content terms."""
    units = []
    for ai, article in enumerate(articles):
        for p in article.paragraphs:
            if kind == "paragraph":
                units.append(make_unit(Ref(article.id, p.index), ai, p.text))
            else:
                units.extend(make_unit(Ref(article.id, p.index, s.index), ai, s.text)
                             for s in p.sentences)
    return units


def all_units(articles: Sequence[Article]) -> tuple[list[Unit], list[Unit]]:
    """Every sentence and every paragraph, in the order of `units_of`, made in one pass so that
    a one-sentence paragraph (most of them in wire-style news) is scanned once: its sentence
    follows it while the scan is still in the caches."""
    sentences: list[Unit] = []
    paragraphs: list[Unit] = []
    for ai, article in enumerate(articles):
        for p in article.paragraphs:
            paragraphs.append(make_unit(Ref(article.id, p.index), ai, p.text))
            sentences.extend(make_unit(Ref(article.id, p.index, s.index), ai, s.text) for s in p.sentences)
    return sentences, paragraphs


def idf_weights(units: Iterable[Unit]) -> tuple[dict[str, float], dict[str, int]]:
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


def prepare(units: list[Unit], idf: dict[str, float]) -> None:
    """Each unit's weight, term key and word codes (see `_word_codes`)."""
    for u in units:
        u.weight = sum(idf[t] * f for t, f in u.terms.items()) or 1e-9
        u.key = " ".join(sorted(u.terms))
    _word_codes(units)


#: One character per distinct word, from here on (the surrogates skipped: not valid alone).
_FIRST_CODE = 0x100
_SURROGATES = range(0xD800, 0xE000)


def _word_codes(units: list[Unit]) -> None:
    """Each unit's words as a string of one character per distinct word of the level.

    Why: rapidfuzz's Indel on two such strings gives the figure it gives on the word tuples
    (the same equalities, one per word), but reads strings 2-3x faster than tuples of
    Python strings, whose elements it hashes on every call (a quarter of a million calls at
    a thousand articles).  Past the last code point the words stay tuples.
    """
    vocabulary = dict.fromkeys(w for u in units for w in u.words)
    if len(vocabulary) > 0x110000 - _FIRST_CODE - len(_SURROGATES):
        for u in units:
            u.codes = u.words
        return
    points = (n if n < _SURROGATES.start else n + len(_SURROGATES)
              for n in range(_FIRST_CODE, _FIRST_CODE + len(vocabulary)))
    code = dict(zip(vocabulary, map(chr, points)))
    lookup = code.__getitem__
    for u in units:
        u.codes = "".join(map(lookup, u.words))


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
    return _finish(*_weighed(shared, weight_a, weight_b), fuzzy, surface)


def _weighed(shared: float, weight_a: float, weight_b: float) -> tuple[float, float]:
    """The parts of the score the shared weight decides: dice and coverage (weighted), and
    the evidence factor (see `score_pair`)."""
    dice = 2 * shared / (weight_a + weight_b)
    cover = shared / min(weight_a, weight_b)
    evidence = 1 - math.exp(-shared / 7.0)
    return 0.35 * dice + 0.3 * cover, 0.35 + 0.65 * evidence


def _finish(weighed: float, evidence: float, fuzzy: float, surface: float) -> float:
    """The score from `_weighed`'s parts and the surface figures: the same float operations,
    in the same order, as the one expression it was, so every score is the same."""
    raw = weighed + 0.15 * fuzzy / 100 + 0.2 * surface
    return round(100 * min(1.0, raw * evidence * 1.25), 1)


def score_units(u: Unit, v: Unit, idf: dict[str, float], below: float = 0.0) -> float:
    """The pair score of two prepared units (see `score_pair`).

    With `below`: a pair that stays under it even with a perfect fuzzy score is not given to
    rapidfuzz's token_set_ratio, and that upper bound (under `below`, and at least the score)
    is returned instead; so every comparison with `below` or more comes out the same.  Each
    float operation only grows with `fuzzy`, so the bound is exact.
    """
    return score_against(v, [u], idf, below)[0]


def score_against(v: Unit, us: Iterable[Unit], idf: dict[str, float], below: float = 0.0) -> list[float]:
    """`score_units(u, v, idf, below)` for each u of `us`, in order.

    Why one loop: a probe scores its candidates against one unit, a quarter of a million
    pairs at a thousand articles; `score_pair`'s arithmetic is written out here, in the same
    float operations and order (`min(1.0, x)` as a comparison: the same value), with what
    is v's read once."""
    b, codes, size, wb, key = v.terms, v.codes, len(v.words), v.weight, v.key
    similarity, ratio, exp = Indel.similarity, fuzz.token_set_ratio, math.exp
    out = []
    for u in us:
        weight = sum(idf[t] * (f if f < b[t] else b[t]) for t, f in u.terms.items() if t in b)
        n = len(u.words)
        n = n if n < size else size
        surface = similarity(u.codes, codes) / 2 / (n if n > 1 else 1)
        wa = u.weight
        weighed = 0.35 * (2 * weight / (wa + wb)) + 0.3 * (weight / (wa if wa < wb else wb))
        evidence = 0.35 + 0.65 * (1 - exp(-weight / 7.0))
        if below:
            fuzzy = 100.0
            raw = (weighed + 0.15 * fuzzy / 100 + 0.2 * surface) * evidence * 1.25
            bound = round(100 * (raw if raw < 1.0 else 1.0), 1)
            if bound < below:
                out.append(bound)
                continue
        fuzzy = ratio(u.key, key)
        raw = (weighed + 0.15 * fuzzy / 100 + 0.2 * surface) * evidence * 1.25
        out.append(round(100 * (raw if raw < 1.0 else 1.0), 1))
    return out


def shared_terms(u: Unit, v: Unit, idf: dict[str, float]) -> tuple[str, ...]:
    """The most informative terms two units share, rarest first (shown with the pair)."""
    return tuple(sorted(u.terms.keys() & v.terms.keys(), key=lambda t: (-idf[t], t))[:8])
