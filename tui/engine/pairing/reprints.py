"""Reprints: articles whose text is (nearly) all one earlier article's, analysed once.

Why: a reprint tells nothing its original does not, yet pairing it with every partner of its
original multiplies the pairs (ten copies of a story make a hundred times its pairs) and every
later stage walks them.  So a reprint is set aside before pairing: the original is analysed, and
each account the facts take from the original names the same sentence in its reprints
(`Account.reprints`), with the original's speakers copied to it, so nothing is dropped and
the user can still open the reprint.

The test is conservative and general: the original is an earlier article (earliest date, then
id) that shares verbatim sentences with it, and the longest common word sequence of the two
(case and typography aside) holds at least `SHARE` of the reprint's words and `COVERS` of the
original's; and every sentence of the reprint is the original's at its place, verbatim or with
words changed that name no one, count nothing and negate nothing (`_harmless`), or is a short
line (a byline, a credit).  A reprint with a word changed, a byline or a dateline added, or its
last paragraphs trimmed is one; an article quoting a paragraph of another, adding its own
reporting around a copy, or giving one sentence another speaker, is not.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from rapidfuzz.distance import Indel

from ..model import Article, Attribution, Fact, Ref, Reprint
from ..text.lexicons import NEGATION
from ..text.textnorm import normalise
from .articles import date_range

#: Share of the reprint's words its original must hold, in order (one word in ten may differ).
SHARE = 0.9
#: Share of the original's words the reprint must hold: an excerpt is not a reprint.
COVERS = 0.5
#: Two sentences at one place of the alignment are one sentence with a word changed.
SAME_SENTENCE = 0.8
#: Candidate originals tested per article (those sharing the most verbatim text).
CANDIDATES = 3
#: A reprint's line of its own (not in the original) this short is a byline or a credit.
OWN_LINE_WORDS = 6

_WORD = re.compile(r"\w+")


@dataclass
class Reprinted:
    """The reprints found, each original sentence -> the same sentence in its reprints, and
    for a reprint's sentence written exactly as the original's, how far it moved in the file."""

    reprints: list[Reprint] = field(default_factory=list)
    places: dict[Ref, list[Ref]] = field(default_factory=dict)
    moved: dict[Ref, int] = field(default_factory=dict)

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(r.article for r in self.reprints)


@dataclass
class _Text:
    """An article's sentences as lower-case words (and as keys), in reading order."""

    article: Article
    refs: list[Ref]
    words: list[list[str]]   # lower case
    keys: list[str]
    spans: list[tuple[int, str]]   # each sentence's start in the file, and its text

    @property
    def flat(self) -> list[str]:
        return [w for ws in self.words for w in ws]

    def written(self, k: int) -> list[str]:
        """Sentence k's words as written (only near copies are read this way)."""
        return _WORD.findall(normalise(self.spans[k][1]))


def _text(article: Article) -> _Text:
    refs, words, spans = [], [], []
    for p in article.paragraphs:
        for s in p.sentences:
            refs.append(Ref(article.id, p.index, s.index))
            words.append(_WORD.findall(normalise(s.text).lower()))
            spans.append((s.start, s.text))
    return _Text(article, refs, words, [" ".join(ws) for ws in words], spans)


def _order(article: Article) -> tuple:
    """Earliest date first (undated last), then the id: which of two copies is the original."""
    when = date_range(article.date)
    return (0, when[0], article.id) if when else (1, date.min, article.id)


def find_reprints(articles: Sequence[Article], keep: Collection[str] = ()) -> Reprinted:
    """The reprints among `articles` and where their sentences are in them.

    `keep`: article ids never taken as reprints (the user's decisions name them)."""
    found = Reprinted()
    index: dict[str, list[int]] = defaultdict(list)   # sentence key -> originals holding it
    originals: list[_Text] = []
    for article in sorted(articles, key=_order):
        text = _text(article)
        hit = None if article.id in keep else _original(text, originals, index)
        if hit is None:
            for key in dict.fromkeys(k for k in text.keys if k):
                index[key].append(len(originals))
            originals.append(text)
            continue
        original, share, covers, pairs = hit
        found.reprints.append(Reprint(article.id, original.article.id, round(share, 3), round(covers, 3)))
        for i, j in pairs:
            found.places.setdefault(original.refs[i], []).append(text.refs[j])
            if original.spans[i][1] == text.spans[j][1]:
                found.moved[text.refs[j]] = text.spans[j][0] - original.spans[i][0]
    return found


def _original(text: _Text, originals: list[_Text],
              index: dict[str, list[int]]) -> tuple[_Text, float, float, list[tuple[int, int]]] | None:
    """The earlier article this one reprints, with the shares (see the module's test) and
    the sentences aligned (original's, reprint's)."""
    total = sum(len(k) for k in text.keys)
    if not total:
        return None
    shared: dict[int, int] = defaultdict(int)
    for key in dict.fromkeys(k for k in text.keys if k):
        for n in index.get(key, ()):
            shared[n] += len(key)
    best = sorted(shared, key=lambda n: (-shared[n], n))[:CANDIDATES]
    words = text.flat
    for n in best:
        if shared[n] < COVERS * total:   # too little verbatim text for SHARE of the words
            break
        other = originals[n].flat
        common = Indel.similarity(words, other) / 2
        share, covers = common / len(words), common / max(1, len(other))
        if share >= SHARE and covers >= COVERS:
            pairs, faithful = _aligned(originals[n], text)
            if faithful:
                return originals[n], share, covers, pairs
    return None


def _aligned(original: _Text, reprint: _Text) -> tuple[list[tuple[int, int]], bool]:
    """(original sentence, the same sentence in the reprint) by position, and whether every
    sentence of the reprint is one of the original's: aligned verbatim, or in a gap between two
    verbatim runs that holds as many sentences on both sides with a word or two changed
    harmlessly, or a short line of its own."""
    pairs: list[tuple[int, int]] = []
    faithful = True
    i = j = 0
    blocks = [op for op in Indel.opcodes(original.keys, reprint.keys) if op.tag == "equal"]
    for op in [*blocks, None]:
        si, sj = (op.src_start, op.dest_start) if op else (len(original.keys), len(reprint.keys))
        same = si - i == sj - j   # the gap before this run: one sentence for one, in order
        for k in range(sj - j):
            if same and Indel.normalized_similarity(original.words[i + k], reprint.words[j + k]) >= SAME_SENTENCE:
                pairs.append((i + k, j + k))
                faithful = faithful and _harmless(original.written(i + k), reprint.written(j + k))
            else:
                faithful = faithful and len(reprint.words[j + k]) <= OWN_LINE_WORDS
        if op:
            pairs.extend(zip(range(op.src_start, op.src_end), range(op.dest_start, op.dest_end)))
            i, j = op.src_end, op.dest_end
    return pairs, faithful


def _harmless(a: list[str], b: list[str]) -> bool:
    """Two versions of a sentence differ in words that name no one, count nothing and negate
    nothing ("the" for "that", "rains" for "rain"): the same claim by the same speaker."""
    ca, cb = Counter(a), Counter(b)
    return not any(w[:1].isupper() or any(c.isdigit() for c in w) or w.lower() in NEGATION
                   or f"{w.lower()}'t" in NEGATION for w in (ca - cb) + (cb - ca))


def spread(facts: Sequence[Fact], attributions: dict[Ref, Attribution],
           reprinted: Reprinted) -> tuple[tuple[Fact, ...], dict[Ref, Attribution]]:
    """The facts with each account naming its sentence in the reprints, and the attributions
    with the original's speakers copied to the reprints' sentences (their sides in the export;
    a sentence without a speaker gets no side: see below)."""
    places = reprinted.places
    if not places:
        return tuple(facts), attributions
    out = dict(attributions)
    moved = reprinted.moved
    for a, copies in places.items():
        if (who := attributions.get(a)) is None:
            continue
        for b in copies:   # built directly: dataclasses.replace costs more, 100,000s of times
            # a speaker is read from the text; a side given to the article's own narration comes
            # from the original's outlet or pairs, which the reprint does not share: not copied
            out[b] = Attribution(b, who.speaker, who.side, _moved(who.speaker_span, moved.get(b)), who.inferred) \
                if who.speaker is not None else Attribution(b, None, None)
    return tuple(_named(f, places) for f in facts), out


def _named(fact: Fact, places: dict[Ref, list[Ref]]) -> Fact:
    """The fact with its accounts from originals naming their reprints (itself if none)."""
    if not any(a.ref in places for a in fact.accounts):
        return fact
    return replace(fact, accounts=tuple(replace(a, reprints=tuple(places[a.ref])) if a.ref in places else a
                                        for a in fact.accounts))


def _moved(span: tuple[int, int] | None, by: int | None) -> tuple[int, int] | None:
    """The speaker's span in the reprint: moved with its sentence, or none where the sentence
    is not written exactly as the original's (the words could be elsewhere)."""
    return None if span is None or by is None else (span[0] + by, span[1] + by)
