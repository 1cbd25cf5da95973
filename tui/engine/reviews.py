"""The user's word on the engine's facts, applied to them: disputes they made, facts merged
and accounts moved, then each fact confirmed, dismissed or renamed.

Why here and not in the engine's passes: a review changes nothing the engine reads (no
pairing, no side); it marks and names the engine's result.  So the reader applies a
review at once, without a new analysis, and every export applies the same function.
A review finds its fact by id, or, when a later engine run gave the fact another id,
by the sentence it was anchored to (the fact's first account when the user decided).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from .anchors import Anchor
from .model import Account, Analysis, Evidence, Fact, Ref
from .notes import NEW_FACT, FactReview, Move, NoteStore, UserFact, ref_of


def apply_reviews(analysis: Analysis, store: NoteStore) -> Analysis:
    """The analysis with the user's facts first and the store's reviews applied to every
    fact (the export's and the reader's one way to do it)."""
    if not (store.reviews or store.user_facts or store.moves):
        return analysis
    corpus = analysis.corpus
    made = tuple(fact for fact in (_made(analysis, f) for f in store.user_facts) if fact)

    def place(anchor: Anchor | None) -> Ref | None:
        return ref_of(anchor, corpus)

    return replace(analysis, facts=reviewed(regrouped(made + analysis.facts, store.moves, place),
                                            store.reviews, place))


def made_id(fact: UserFact) -> str:
    """The id of the fact a user made: the reader jumps to it once made."""
    return f"user-{fact.id[:8]}"


def split_id(move: Move) -> str:
    """The id of the fact an account was split off into: later moves, and the reader, find it."""
    return f"split-{move.id[:8]}"


def regrouped(facts: Sequence[Fact], moves: Iterable[Move],
              place: Callable[[Anchor | None], Ref | None]) -> tuple[Fact, ...]:
    """`facts` with each move applied in order: a fact merged into another (its accounts
    join, it goes), or one account moved (out of every fact holding it, into the target).
    A move whose facts or sentence cannot be found applies to nothing; a fact left with no
    account goes."""
    out = list(facts)
    for move in moves:
        if move.into == NEW_FACT and move.account is not None:
            out = _split(out, move, place(move.account))
            continue
        into = _find(out, move.into, place(move.into_anchor))
        if into is None:
            continue
        if move.account is None:
            merged = _find(out, move.fact, place(move.fact_anchor))
            if merged is None or merged is into:
                continue
            taken, note = merged.accounts, Evidence("user", "merged by the user")
            out = [f for f in out if f is not merged]
        else:
            ref = place(move.account)
            taken = tuple(a for a in (_account(out, ref),) if a is not None)
            if not taken:
                continue
            note = Evidence("user", "an account moved here by the user")
            out = [f if f is into else _without(f, ref) for f in out]
        held = {a.ref for a in into.accounts}
        grown = replace(into, accounts=into.accounts + tuple(a for a in taken if a.ref not in held),
                        evidence=into.evidence + (note,))
        out = [grown if f is into else f for f in out if f.accounts]
    return tuple(out)


def _split(facts: list[Fact], move: Move, ref: Ref | None) -> list[Fact]:
    """The account at `ref` taken out of its facts into a fact of its own, right after the
    first fact that held it (its id, split-<move>, lets later moves join it)."""
    account = _account(facts, ref)
    if account is None:
        return facts
    source = next(f for f in facts if account in f.accounts)
    alone = replace(source, id=split_id(move), status="one-sided", rank=source.rank, accounts=(account,),
                    evidence=(Evidence("user", "split off by the user"),), positions=(),
                    title=f"{source.title} (split)", review=None, engine_title=None)
    out = [_without(f, ref) for f in facts]
    out.insert(facts.index(source) + 1, alone)
    return [f for f in out if f.accounts]


def _without(fact: Fact, ref: Ref | None) -> Fact:
    return replace(fact, accounts=tuple(a for a in fact.accounts if a.ref != ref))


def _find(facts: Sequence[Fact], fact_id: str | None, ref: Ref | None) -> Fact | None:
    """A fact by id, else the fact its anchored sentence opens, else the first holding it."""
    for fact in facts:
        if fact.id == fact_id:
            return fact
    opening = next((f for f in facts if f.accounts and f.accounts[0].ref == ref), None)
    return opening or next((f for f in facts if any(a.ref == ref for a in f.accounts)), None)


def _account(facts: Sequence[Fact], ref: Ref | None) -> Account | None:
    return next((a for f in facts for a in f.accounts if a.ref == ref), None)


def _made(analysis: Analysis, fact: UserFact) -> Fact | None:
    """A user's dispute as a fact: its passages as accounts (each with the side the engine
    read for it), or None when fewer than two of them can still be placed."""
    from .pairing import passage_text  # only made disputes need it: the reader spares rapidfuzz

    placed = [(ref, passage_text(analysis.corpus, ref))
              for ref in (ref_of(a, analysis.corpus) for a in fact.anchors) if ref]
    if len(placed) < 2:
        return None
    accounts = []
    for ref, text in placed:
        said = analysis.attributions.get(ref)
        accounts.append(Account(said.side if said else None, ref, text or "",
                                said.speaker if said else None, bool(said and said.inferred)))
    return Fact(made_id(fact), fact.title, "disputed", 0, (Evidence("user", "made by the user"),),
                tuple(accounts), question=fact.title, review="made")


def reviewed(facts: Sequence[Fact], reviews: Iterable[FactReview],
             place: Callable[[Anchor | None], Ref | None]) -> tuple[Fact, ...]:
    """`facts` with each review's verdict (`Fact.review`) and title applied.

    `place` gives an anchored sentence in the current corpus (None when it cannot be
    placed); a review whose fact is gone either way applies to nothing.
    """
    decided: dict[str, FactReview] = {}
    for review in reviews:
        fact = _find(facts, review.fact, place(review.anchor))
        if fact is not None:
            decided[fact.id] = review
    return tuple(_apply(f, decided[f.id]) if f.id in decided else f for f in facts)


def _apply(fact: Fact, review: FactReview) -> Fact:
    # a dispute the user made stays theirs when they rename it (its review holds no verdict)
    return replace(fact, review=review.verdict or fact.review, title=review.title or fact.title,
                   engine_title=fact.title if review.title else None)
