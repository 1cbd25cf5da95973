"""Pairs the facts stage finds: one side's accounts of one fact in different articles.

Why: pairing works on shared words, and a rewrite can tell the same claim in
other words ("Russia has denied that it caused the incident" against a
ministry's own account of a sharp manoeuvre and a crash).  The facts stage
groups clauses into facts with more evidence than a word overlap - denial
and contrast links, causes of one outcome, the answers one side gives the
other - and attributes every account to a side.  Two accounts of one fact
from the same side, in different articles, tell the same claim: the reader's
compare view and the export should align them too.

These pairs come after the facts and feed nothing back (data still flows
corpus -> pairs -> claims -> facts); they carry `origin` "fact" and the
pairing THRESHOLD as their score, since their evidence is the facts stage's,
not a word overlap.  A user's "not the same" decision on two sentences, or on
their paragraphs, keeps them from pairing here.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from .model import Account, Corpus, Fact, Link, Pair, PairKind, Ref, TextPair
from .pairing import THRESHOLD, passage_text, shared_words
from .text.textnorm import terms


# Each account is paired with its closest few same-side accounts of the fact, never all of
# them: a fact of a thousand look-alike accounts made half a million pairs (4 GB, 2 minutes).
PER_ACCOUNT = 4


def fact_pairs(corpus: Corpus, facts: Sequence[Fact], pairs: Sequence[Pair],
               links: Sequence[Link] = ()) -> list[Pair]:
    """Sentence and paragraph pairs between same-side accounts of one fact not already paired."""
    seen = {_key(p.a, p.b) for p in pairs}
    seen |= {_key(link.a, link.b) for link in links}
    refused = {frozenset((link.a, link.b)) for link in links if not link.same}
    order = {a.id: n for n, a in enumerate(corpus.articles)}
    out: list[Pair] = []
    for fact in facts:
        for x, a in enumerate(fact.accounts):
            for b in _closest(a, fact.accounts[x + 1:], refused):
                first, second = sorted((a.ref, b.ref), key=lambda r: (order[r.article], r))
                out.extend(_new_pairs(corpus, first, second, seen))
    return out


def _closest(a: Account, later: Sequence[Account],
             refused: set[frozenset[Ref]]) -> list[Account]:
    """The PER_ACCOUNT later accounts telling a's claim that share most words with it, in order."""
    close = [(shared, y) for y, b in enumerate(later)
             if (shared := _same_claim(a, b)) and not _refused(a.ref, b.ref, refused)]
    return [later[y] for _, y in sorted(close, key=lambda c: (-c[0], c[1]))[:PER_ACCOUNT]]


def _refused(a: Ref, b: Ref, refused: set[frozenset[Ref]]) -> bool:
    """The user said these two sentences, or their paragraphs, tell different facts."""
    return (frozenset((a, b)) in refused
            or frozenset((a.whole_paragraph, b.whole_paragraph)) in refused)


def _same_claim(a: Account, b: Account) -> int:
    """How many content terms two accounts share when both read (not inferred) as one side's,
    in two articles, saying one thing; else 0.

    A fact is a question; one side's answers to it in two articles tell the same
    claim only when they share most of their words (the shorter's content terms).
    """
    if not (a.side is not None and a.side == b.side and not a.inferred and not b.inferred
            and a.ref.article != b.ref.article):
        return 0
    ta, tb = _terms(a.text), _terms(b.text)
    shared = len(ta & tb)
    return shared if shared >= max(2, _SHARE * min(len(ta), len(tb))) else 0


_SHARE = 0.35


@lru_cache(maxsize=65536)
def _terms(text: str) -> frozenset[str]:
    return frozenset(terms(text))


def _key(a: Ref, b: Ref) -> frozenset[tuple[str, int, int | None]]:
    """Two places, either order, as plain tuples: hashed in C (the Refs' dataclass __hash__
    ran in Python for every pair of the corpus: 4 million pairs at 10,000 articles)."""
    return frozenset(((a.article, a.paragraph, a.sentence), (b.article, b.paragraph, b.sentence)))


def _new_pairs(corpus: Corpus, a: Ref, b: Ref, seen: set[frozenset[tuple[str, int, int | None]]]) -> list[Pair]:
    """The sentence pair and the paragraph pair of two accounts, each unless already known."""
    out: list[Pair] = []
    both: tuple[tuple[PairKind, Ref, Ref], ...] = (("sentence", a, b),
                                                  ("paragraph", a.whole_paragraph, b.whole_paragraph))
    for kind, ra, rb in both:
        key = _key(ra, rb)
        text_a, text_b = passage_text(corpus, ra), passage_text(corpus, rb)
        if key in seen or text_a is None or text_b is None:
            continue
        seen.add(key)
        out.append(TextPair(ra, rb, THRESHOLD, shared_words(text_a, text_b), kind, "fact", text_a, text_b))
    return out
