"""Pairing's tunables: thresholds, shares and limits, in one place.

The other modules read them as `tuning.NAME` at call time, so a test or a bench can change one
for a run (monkeypatch `tui.engine.pairing.tuning`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta


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


#: From this many probing units on, the probes run in a process pool (when the machine has
#: more than one core and can fork); below it the pool's start costs more than it saves.
POOL_MIN_PROBES = 5000
