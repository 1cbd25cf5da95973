"""The engine's data: frozen records with exact character spans into source files.

Every record that carries text also carries the `start`/`end` offsets of that
text in the decoded source file, so any claim shown by the reader can be traced
to the character.  `text` is always `display_text(source[start:end])`: the
source slice with hard-wrapped line breaks joined by one space and nothing
else changed (quotes are never altered).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal, TypedDict

#: A fact's status (tui.engine.facts.status decides it).
Status = Literal["disputed", "agreed", "one-sided"]
#: What a pair joins, and who found it (see `Pair`).
PairKind = Literal["sentence", "paragraph"]
PairOrigin = Literal["engine", "fact", "user"]
#: The user's word on a fact: confirmed or dismissed, or a dispute they made.
Reviewed = Literal["confirmed", "dismissed", "made"]
#: How two articles relate (pairing's article table).
Relation = Literal["same event", "related event", "unrelated"]
#: Why a fact is disputed (see `Evidence`); "user": the user's own decision.
EvidenceKind = Literal["denial", "answer", "cue", "cause", "roles", "negation", "contested", "numbers", "values",
                       "judgement", "user"]

_LINE_BREAK = re.compile(r"[^\S\r\n]*(?:\r\n?|\n)[^\S\r\n]*")   # \r alone: old Mac files


def path_text(path: Path | str) -> str:
    """A file name as valid text: bytes that are not UTF-8 (kept by Python as surrogates)
    become '\\xe9', so ids, exports and notes stay valid UTF-8 and still name one file."""
    text = str(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def display_text(raw: str) -> str:
    """Join hard-wrapped lines of a source slice; change nothing else."""
    if "\n" not in raw and "\r" not in raw:   # most slices: no line break to scan for
        return raw
    return _LINE_BREAK.sub(" ", raw)


def source_offsets(raw: str, base: int) -> list[int]:
    """Source offset of every character of display_text(raw), plus its end.

    `raw` is the source slice starting at `base`; a joined line break (with
    the spaces around it) is one character in the shown text.
    """
    if "\n" not in raw and "\r" not in raw:   # no line break: one offset a character
        return list(range(base, base + len(raw) + 1))
    out: list[int] = []
    i = 0
    for m in _LINE_BREAK.finditer(raw):
        out.extend(range(base + i, base + m.start()))
        out.append(base + m.start())
        i = m.end()
    out.extend(range(base + i, base + len(raw) + 1))
    return out


@dataclass(frozen=True)
class Sentence:
    """One sentence of a paragraph; `index` counts within the paragraph."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of article text after cleaning.

    `source` is a per-paragraph source tag such as "(Source: TASS)": recorded
    here (with its span) and kept out of the paragraph's claim text.
    """

    index: int
    start: int
    end: int
    text: str
    sentences: tuple[Sentence, ...]
    source: str | None = None
    source_span: tuple[int, int] | None = None


@dataclass(frozen=True)
class Dropped:
    """A piece of the file that is not article text, and why it was removed."""

    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True)
class Article:
    """One article file, cleaned and segmented.

    `id` is the file name relative to the corpus folder (stable, readable);
    `source_text` is the whole decoded file that every span points into.
    """

    id: str
    path: Path
    title: str | None
    outlet: str | None
    date: str | None
    paragraphs: tuple[Paragraph, ...]
    dropped: tuple[Dropped, ...]
    source_text: str
    sha256: str
    warnings: tuple[str, ...] = ()
    url: str | None = None   # where the page was published (front matter), if known

    def sentence(self, paragraph: int, sentence: int) -> Sentence:
        return self.paragraphs[paragraph].sentences[sentence]


@dataclass(frozen=True)
class Actor:
    """A person or body whose statements belong to a side; aliases match too."""

    name: str
    aliases: tuple[str, ...] = ()
    learned: bool = False   # found in the texts, not named by the user: it names no role

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Side:
    """One party to the dispute, e.g. a government, with its actors."""

    id: str
    name: str
    actors: tuple[Actor, ...] = ()
    inferred: bool = False


@dataclass(frozen=True)
class ArticleMeta:
    """Metadata for one article given by the case file (overrides the text)."""

    file: str
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class PinnedFact:
    """A fact the user wants tracked: a title and the terms that find it."""

    title: str
    terms: tuple[str, ...]


@dataclass(frozen=True)
class Case:
    """The contents of a corpus's `reconcile.toml` (all parts optional)."""

    title: str | None = None
    sides: tuple[Side, ...] = ()
    articles: tuple[ArticleMeta, ...] = ()
    pinned: tuple[PinnedFact, ...] = ()
    path: Path | None = None

    def meta_for(self, file: str) -> ArticleMeta | None:
        return next((m for m in self.articles if m.file == file), None)


@dataclass(frozen=True)
class Skipped:
    """A file in the corpus folder that was not loaded, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class Corpus:
    """A loaded folder of articles with its case file."""

    path: Path
    title: str
    case: Case
    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...] = ()
    warnings: tuple[str, ...] = ()
    follow_links: bool = False   # links out of the folder were read (the user asked)

    @property
    def sides(self) -> tuple[Side, ...]:
        return self.case.sides

    def article(self, article_id: str) -> Article:
        return self._by_id[article_id]

    @cached_property
    def _by_id(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}


@dataclass(frozen=True, order=True)
class Ref:
    """A place in the corpus: an article, a paragraph and optionally a sentence."""

    article: str
    paragraph: int
    sentence: int | None = None

    @property
    def whole_paragraph(self) -> Ref:
        """The paragraph this place is in (itself when it names no sentence)."""
        return self if self.sentence is None else Ref(self.article, self.paragraph)


@dataclass(frozen=True)
class Pair:
    """Two passages in different articles that tell the same fact.

    `score` is 0..100; `terms` are the informative terms both share; `kind`
    is "sentence" or "paragraph"; `origin` says who found the pair: "engine"
    (pairing, on shared words), "fact" (the facts stage: one side's accounts
    of one fact) or "user" (pinned in the notes file).
    """

    a: Ref
    b: Ref
    score: float
    terms: tuple[str, ...] = ()
    kind: PairKind = "sentence"
    origin: PairOrigin = "engine"


@dataclass(frozen=True)
class TextPair(Pair):
    """A Pair that also carries both texts, so word differences can be computed on demand.

    Computing word differences for every pair of a large corpus would cost
    more than the pairing itself; the export asks for them only when written.
    Defined here, not in pairing, so that reading a cached or forked analysis
    needs no pairing code (nor rapidfuzz).
    """

    a_text: str = field(default="", compare=False, repr=False)
    b_text: str = field(default="", compare=False, repr=False)
    wire: bool = False


@dataclass(frozen=True)
class Attribution:
    """Who asserts a sentence: the speaker phrase and the side it belongs to.

    `inferred` is true when the side was taken from a paired sentence in
    another article rather than read from this sentence's own attribution.
    """

    ref: Ref
    speaker: str | None
    side: str | None
    speaker_span: tuple[int, int] | None = None
    inferred: bool = False


@dataclass(frozen=True)
class Account:
    """One side's version of a fact, as told in one sentence of one article.

    `text` is the clause (`start`/`end`: its span in the source file; None for
    a whole sentence found by a pinned fact's terms).  `reported_by` names the
    side whose sentence reports this claim of the other's ("X rejected Y's
    claim that ..."): evidence of Y's version, never a quote of Y.  `reprints`: the same
    sentence in the reprints of its article, which are analysed once, as it.
    """

    side: str | None
    ref: Ref
    text: str
    speaker: str | None
    inferred: bool = False
    start: int | None = None
    end: int | None = None
    reported_by: str | None = None
    reprints: tuple[Ref, ...] = ()   # the same sentence in the reprints of its article


@dataclass(frozen=True)
class Reprint:
    """An article whose text is (nearly) all one earlier article's: analysed once, as that
    original (see `tui.engine.pairing.reprints`).  `share`: how much of the reprint's words
    the original holds in order; `covers`: how much of the original's the reprint holds."""

    article: str
    original: str
    share: float
    covers: float


@dataclass(frozen=True)
class Evidence:
    """One reason a fact is disputed, as the reader shows it (`str`): its kind, its words,
    and for a denial the side that denies, so no stage parses the text back."""

    kind: EvidenceKind
    words: str
    side: str | None = None

    def __str__(self) -> str:
        return f"{self.words} ({self.side})" if self.kind == "denial" and self.side else self.words

    def named(self, names: Mapping[str, str]) -> str:
        """'denied (ru)' -> 'denied (Russia)': the engine names sides by id, users by name."""
        name = names.get(self.side) if self.kind == "denial" and self.side else None
        return f"{self.words} ({name})" if name else str(self)


@dataclass(frozen=True)
class Fact:
    """A fact of the story with each side's accounts and whether they dispute it.

    `status` is "disputed", "agreed" or "one-sided"; `evidence` lists the
    words or signals that set the status, so the reader can show why.
    `question` is the neutral question the fact answers (the title, for facts
    of the engine) and `positions` each side's answer in its own words;
    `aspect` names the kind of question ("where", "action", ...); `background`
    marks a fact about other events than the corpus's own.  `review` and
    `engine_title` come from the user's decisions (see `tui.engine.reviews`).
    """

    id: str
    title: str
    status: Status
    rank: int
    evidence: tuple[Evidence, ...]
    accounts: tuple[Account, ...]
    question: str = ""
    positions: tuple[tuple[str, str], ...] = ()
    aspect: str | None = None
    background: bool = False
    review: Reviewed | None = None  # the user's word: "confirmed", "dismissed", or "made" by them
    engine_title: str | None = None  # the engine's title when the user renamed the fact


@dataclass(frozen=True)
class Link:
    """A user's pairing decision from the notes file: `same` or not the same fact."""

    a: Ref
    b: Ref
    same: bool


@dataclass(frozen=True)
class SideFix:
    """A user's side correction: a sentence (ref) or a speaker moved to `side`."""

    side: str | None
    ref: Ref | None = None
    speaker: str | None = None


class ArticleRelation(TypedDict):
    """Two articles compared as wholes (pairing's article table, exported as is): the shares
    of their paragraphs that pair, how alike their vocabularies are, wire copy, and the
    relation with its reason in words."""

    a: str
    b: str
    a_paired: float
    b_paired: float
    paragraph_pairs: int
    score: float
    term_similarity: float
    terms: list[str]
    wire: bool
    wire_sentences: int
    relation: Relation
    why: str


@dataclass(frozen=True)
class Analysis:
    """Everything the engine derives from a corpus, in data-flow order."""

    corpus: Corpus
    pairs: tuple[Pair, ...] = ()
    article_similarity: tuple[ArticleRelation, ...] = ()
    attributions: dict[Ref, Attribution] = field(default_factory=dict)
    facts: tuple[Fact, ...] = ()
    warnings: tuple[str, ...] = ()   # limits the engine reached, and what it did (one line each)
    reprints: tuple[Reprint, ...] = ()   # articles analysed as their original (not paired)
