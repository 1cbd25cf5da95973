"""Facts: the questions an incident raises, each side's answers, and which are disputed.

The stages, one module each:

- `units`: every clause of a sentence with a side becomes a claim with its
  speaker, side and exact source span;
- `aspects` and `questions`: claims are grouped by the question they answer
  (where it was, what it was, who did what, warnings, toll, evidence, blame,
  lawfulness, intent, response, demands, the people held, how close, damage,
  evacuation, outcome), so two sides' versions in different
  words meet; answers ("denied the allegation") join what they answer;
- `status`: disputed, agreed or one-sided, with the evidence;
- `titles`: a neutral question and each side's position in its own words;
- `ranking` (here): the incident's own disputes first, another event's (articles dated a
  year away) last.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta

from ..claims.sides import country_names, matcher_for
from ..text.lexicons import GAZETTEER
from ..model import Account, Article, Attribution, Corpus, Evidence, Fact, Pair, Ref, Status, display_text
from ..parallel import in_two
from ..pairing import date_gap, date_range
from ..text.textnorm import normalise, term
from .causes import cause_answers, cause_phrases
from .aspects import tag
from .questions import Answer, Question, anchored, ask, idf_of
from .roles import role_positions
from .status import decide
from .titles import incident_object, narrower, position, question
from .units import DENIAL_RE, Unit, acts_of, build_units

__all__ = ["build_facts"]

#: From this many articles, the clauses and then the facts are made in two processes (`in_two`):
#: each article's clauses and each question's fact are made on their own.
TWO_PROCESSES_FROM = 200


def build_facts(corpus: Corpus, pairs: Sequence[Pair],
                attributions: dict[Ref, Attribution]) -> tuple[Fact, ...]:
    """The corpus's facts, disputes first by rank."""
    matcher = matcher_for(corpus.sides)
    skip = _name_terms(corpus)
    two = len(corpus.articles) >= TWO_PROCESSES_FROM
    units = in_two(corpus.articles, lambda part: _tagged(build_units(replace(corpus, articles=tuple(part)),
                                                                      attributions, matcher, skip)), two,
                   weight=lambda article: _sided_sentences(article, attributions))
    for n, u in enumerate(units):   # numbered in each half's own list
        u.index = n
    elsewhere = _other_event_articles(corpus)
    for u in units:
        u.background = u.ref.article in elsewhere
    idf = idf_of(corpus, units)
    questions, answers = ask(corpus, units, idf, lambda: cause_answers(units, skip, idf))
    obj = incident_object(units)
    questions = questions + _narrower(questions, units, idf)
    facts = in_two(questions, lambda part: [f for q in part if (f := _fact(q, units, answers, idf, obj, skip, corpus))
                                            and (not q.anchor or f.status == "disputed")], two,
                   weight=lambda q: len(q.members))
    return _rank(facts + _pinned(corpus, attributions))


def _tagged(units: list[Unit]) -> list[Unit]:
    """The units with the aspects their words ask (`aspects.tag`), read here, in the two
    processes that make the clauses, rather than all of them after (`ask`), in one."""
    for u in units:
        u.tags = tag(u.text)
    return units


def _sided_sentences(article: Article, attributions: dict[Ref, Attribution]) -> int:
    """The article's sentences that have a side: only they make clauses (`build_units`), so
    they weigh its share of the work."""
    return sum(1 for p in article.paragraphs for s in p.sentences
               if (who := attributions.get(Ref(article.id, p.index, s.index))) is not None and who.side)


def _narrower(questions: list[Question], units: list[Unit], idf: dict[str, float]) -> list[Question]:
    """The large questions' narrower questions (`questions.anchored`), each once and none
    that another question already is."""
    seen = {tuple(q.members) for q in questions}
    out = []
    for q in questions:
        for sub in anchored(q, units, idf):
            if tuple(sub.members) not in seen:
                seen.add(tuple(sub.members))
                out.append(sub)
    return out


def _name_terms(corpus: Corpus) -> frozenset[str]:
    """Names of actors and countries: they say who speaks, not what happened."""
    names = [n for s in corpus.sides for a in s.actors for n in a.names]
    names += [n for c in GAZETTEER for n in country_names(c)]
    return frozenset(t for n in names for w in re.findall(r"[^\W_]+", normalise(n)) if (t := term(w)))


def _fact(q: Question, units: list[Unit], answers: list[Answer], idf: dict[str, float],
          obj: str | None, skip: frozenset[str], corpus: Corpus) -> Fact | None:
    status, evidence = decide(q.aspect, units, q.members, answers)
    if len(q.members) < 2 and status != "disputed":
        return None
    members = set(q.members)
    linked = {i for a in answers if a.u in members and a.v in members for i in (a.u, a.v)}
    group = sorted((units[i] for i in q.members),
                   key=lambda u: (u.side or "", u.inferred, -_relevance(u, q.aspect, linked), u.ref, u.start))
    order = {s.id: k for k, s in enumerate(corpus.sides)}
    sides = sorted({u.side for u in group if u.side}, key=lambda s: (order.get(s, len(order)), s))
    causes = cause_phrases(answers, units, members, skip) if q.aspect in _CAUSAL else {}
    if any(e.kind == "roles" for e in evidence):   # who did it, each side's way
        a, b = sorted(sides)[:2]
        roles = role_positions(a, acts_of([u for u in group if u.side == a]),
                               b, acts_of([u for u in group if u.side == b]))
        causes = {**roles, **causes}
    positions = tuple(
        (side, causes.get(side) or position([u for u in group if u.side == side][:_POSITION_FROM], q.aspect,
                                            idf, {t for u in group if u.side != side for t in u.terms}))
        for side in sides)
    background = sum(u.background for u in group) * 2 > len(group)
    title = question(q.aspect, obj, group, idf)
    if q.anchor:   # the narrower question: "On “international law”, was it lawful and safe?"
        title = narrower(title, q.anchor, group)
    fact_id = "f-" + hashlib.sha1("\n".join([q.aspect, *sorted(
        re.sub(r"\W+", " ", normalise(u.text).lower()).strip() for u in group)]).encode()).hexdigest()[:10]
    return Fact(fact_id, title, status, 0, tuple(evidence[:_EVIDENCE_SHOWN]),
                _accounts(group, corpus), title, positions, q.aspect, background)


_POSITION_FROM = 3   # a side's position is read from its most relevant accounts
_CAUSAL = frozenset({"action", "outcome", "other"})   # questions a cause answers
_EVIDENCE_SHOWN = 6  # the strongest reasons a dispute is one, for the reader to take in


def _relevance(u: Unit, aspect: str, linked: set[int]) -> float:
    """How squarely a clause answers the question: its words that ask it, an explicit
    answer or cause inside the question, and less for a clause about another event."""
    return len(u.aspects.get(aspect, ())) + (1.5 if u.index in linked else 0.0) - (2.0 if u.background else 0.0)


def _account(u: Unit) -> Account:
    return Account(u.side, u.ref, u.text, u.speaker, u.inferred, u.start, u.end, u.reported_by)


def _accounts(group: list[Unit], corpus: Corpus) -> tuple[Account, ...]:
    """One account per sentence and side: two clauses of one sentence in one fact (cut at
    "while", ", which", a semicolon) are one account spanning both, not the same sentence
    shown twice in a pane."""
    out: list[Account] = []
    where: dict[tuple[Ref, str | None, str | None], int] = {}
    for u in group:
        k = where.setdefault((u.ref, u.side, u.reported_by), len(out))
        if k == len(out):
            out.append(_account(u))
        elif (first := out[k]).start is not None and first.end is not None and u.start is not None \
                and u.end is not None:
            start, end = min(first.start, u.start), max(first.end, u.end)
            source = corpus.article(u.ref.article).source_text
            out[k] = replace(first, text=display_text(source[start:end]), start=start, end=end)
    return tuple(out)


_OTHER_EVENT = timedelta(days=365)


def _other_event_articles(corpus: Corpus) -> set[str]:
    """Articles dated a year or more from the corpus's middle date: another event's story
    (an earlier meeting, a later call), whose disputes are background to this one's.  Three
    or more such articles within a month of each other follow the story up (an inquiry's
    report a year on, told by several outlets at once): they are the story, not background."""
    dated = sorted((a.date, a.id) for a in corpus.articles if date_range(a.date))
    if len(dated) < 3:
        return set()
    middle = dated[len(dated) // 2][0]
    other = [(d, i) for d, i in dated if (gap := date_gap(d, middle)) is not None and gap >= _OTHER_EVENT]
    return {i for d, i in other if len([e for e, _ in other if _near(d, e)]) < _FOLLOW_UP}


_FOLLOW_UP = 3                   # articles of one later day that follow the story up
_FOLLOW_UP_DAYS = timedelta(days=30)


def _near(a: str | None, b: str | None) -> bool:
    gap = date_gap(a, b)
    return gap is not None and gap <= _FOLLOW_UP_DAYS


def _pinned(corpus: Corpus, attributions: dict[Ref, Attribution]) -> list[Fact]:
    """The case file's pinned facts: every sentence that uses one of the terms."""
    out = []
    for pin in corpus.case.pinned:
        terms = [re.compile(rf"(?<!\w){re.escape(t)}(?!\w)", re.I) for t in pin.terms or (pin.title,)]
        accounts = []
        for article in corpus.articles:
            for paragraph in article.paragraphs:
                for sentence in paragraph.sentences:
                    if any(t.search(sentence.text) for t in terms):
                        ref = Ref(article.id, paragraph.index, sentence.index)
                        who = attributions.get(ref) or Attribution(ref, None, None)
                        accounts.append(Account(who.side, ref, sentence.text, who.speaker, who.inferred))
        sides = {a.side for a in accounts if a.side}
        evidence = tuple(dict.fromkeys(
            Evidence("denial", m.group(0).lower(), a.side) for a in accounts if a.side
            for m in DENIAL_RE.finditer(normalise(a.text))))
        status: Status = "disputed" if evidence else "agreed" if len(sides) > 1 else "one-sided"
        out.append(Fact("pin-" + hashlib.sha1(pin.title.encode()).hexdigest()[:10], pin.title,
                        status, 0, evidence, tuple(accounts), pin.title))
    return out


_STATUS_ORDER = {"disputed": 0, "agreed": 1, "one-sided": 2}
_DIRECT = ("(", "not ", "no ", "never ")


def _direct(e: Evidence) -> bool:
    """A side denying in its own words, or words negated outright: the strongest contradiction."""
    return (e.kind == "denial" and e.side is not None) or e.words.startswith(_DIRECT)


def _rank(facts: list[Fact]) -> tuple[Fact, ...]:
    """Most central first: disputes, the story's own before background, then how many
    articles carry the fact, how many sides speak, and how directly they contradict."""
    def key(f: Fact) -> tuple:
        articles = len({a.ref.article for a in f.accounts})
        sides = len({a.side for a in f.accounts if a.side})
        direct = any(_direct(e) for e in f.evidence)
        weight = 2 * articles + sides + (2 if direct else 1 if f.evidence else 0)
        return (_STATUS_ORDER[f.status], f.background, -weight, -len(f.accounts), f.id)
    return tuple(replace(f, rank=i + 1) for i, f in enumerate(sorted(facts, key=key)))
