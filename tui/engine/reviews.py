"""The user's word on the engine's facts, applied to them: confirmed, dismissed, renamed.

Why here and not in the engine's passes: a review changes nothing the engine reads (no
pairing, no side); it marks and names the engine's result.  So the reader applies a
review at once, without a new analysis, and every export applies the same function.
A review finds its fact by id, or, when a later engine run gave the fact another id,
by the sentence it was anchored to (the fact's first account when the user decided).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from .model import Account, Analysis, Fact, Ref
from .notes import FactReview, NoteStore, UserFact, ref_of


def apply_reviews(analysis: Analysis, store: NoteStore) -> Analysis:
    """The analysis with the user's facts first and the store's reviews applied to every
    fact (the export's and the reader's one way to do it)."""
    if not (store.reviews or store.user_facts):
        return analysis
    corpus = analysis.corpus
    made = tuple(fact for fact in (_made(analysis, f) for f in store.user_facts) if fact)
    return replace(analysis, facts=reviewed(made + analysis.facts, store.reviews,
                                            lambda review: ref_of(review.anchor, corpus)))


def _made(analysis: Analysis, fact: UserFact) -> Fact | None:
    """A user's dispute as a fact: its passages as accounts (each with the side the engine
    read for it), or None when fewer than two of them can still be placed."""
    refs = [ref for ref in (ref_of(a, analysis.corpus) for a in fact.anchors) if ref]
    if len(refs) < 2:
        return None
    accounts = []
    for ref in refs:
        said = analysis.attributions.get(ref)
        paragraph = analysis.corpus.article(ref.article).paragraphs[ref.paragraph]
        text = paragraph.sentences[ref.sentence].text if ref.sentence is not None else paragraph.text
        accounts.append(Account(said.side if said else None, ref, text,
                                said.speaker if said else None, bool(said and said.inferred)))
    return Fact(f"user-{fact.id[:8]}", fact.title, "disputed", 0, ("made by the user",),
                tuple(accounts), question=fact.title, review="made")


def reviewed(facts: Sequence[Fact], reviews: Iterable[FactReview],
             place: Callable[[FactReview], Ref | None]) -> tuple[Fact, ...]:
    """`facts` with each review's verdict (`Fact.review`) and title applied.

    `place` gives a review's anchored sentence in the current corpus (None when it
    cannot be placed); a review whose fact is gone either way applies to nothing.
    """
    by_id = {f.id: f for f in facts}
    # A sentence can be an account of several facts: the fact it opens wins (the review
    # anchored the fact's first account), else the first fact, in rank order, holding it.
    by_ref: dict[Ref, str] = {}
    for f in facts:
        if f.accounts:
            by_ref.setdefault(f.accounts[0].ref, f.id)
    for f in facts:
        for account in f.accounts:
            by_ref.setdefault(account.ref, f.id)
    decided: dict[str, FactReview] = {}
    for review in reviews:
        fact_id = review.fact if review.fact in by_id else by_ref.get(place(review))
        if fact_id is not None:
            decided[fact_id] = review
    return tuple(_apply(f, decided[f.id]) if f.id in decided else f for f in facts)


def _apply(fact: Fact, review: FactReview) -> Fact:
    return replace(fact, review=review.verdict, title=review.title or fact.title,
                   engine_title=fact.title if review.title else None)
