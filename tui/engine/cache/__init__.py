"""A disk cache of finished analyses, so a second launch on the same corpus skips the engine.

An entry is the pickled `Analysis`, named by a hash of everything the result
depends on: the package version, the engine's own source files, every
article's path and bytes (`Article.sha256`), the case file's bytes and
what was read from it, the
corpus's skipped files and warnings, and the user's links and side fixes
passed to `analyse`.  Change any of them and the key changes: the cache can
save time, never change a result.

The folder is `platformdirs.user_cache_dir("reconcile")`, or
`RECONCILE_CACHE_DIR`; `RECONCILE_NO_CACHE=1` turns the cache off.  Entries
are written atomically (temporary file, then `os.replace`); an entry that
cannot be read or unpickled is treated as a miss and rewritten, never an
error.  Only the newest `KEEP` entries are kept.

Unpickling runs code, and a cache folder can be shared or planted, so every
entry starts with an HMAC-SHA256 of its bytes under a per-user key kept
outside the cache (`cache.key` in the user's data folder, mode 0600).  An
entry whose MAC does not verify is never unpickled; without a usable key the
cache is off.

An entry holds the analysis as two pickles, the part the reader's first
paint needs (corpus, attributions, facts) and the pairs: the reader's engine
child sends the first as soon as it is read and the pairs after it, so a
large corpus shows its disputes before the pairs are unpickled (`split`,
`load_parts`).  A second kind of entry (`.corpus`) holds a loaded corpus,
named by a hash of the folder's listing and every file's bytes
(`corpus_key`): a warm launch on a large folder skips reading and cleaning
it.  A third (`.link`) names the analysis entry of a corpus key and a notes
file's bytes, so that a warm launch finds the analysis without unpickling the
corpus to compute its key.

Modules: `entries` (the signed files, the key, pruning), `keys` (what an entry is
named by), `analyses` (an analysis in two parts, and the engine run through the cache),
`corpora` (loaded corpora and the links from a corpus and notes file to an analysis).
"""

from __future__ import annotations

from .analyses import (analyse_cached, analyse_then_keep, analysed_parts, cached_parts, join, load, load_parts, split,
                       store)
from .corpora import load_corpus_entry, load_link, store_corpus, store_link
from .entries import CORPUS_SUFFIX, KEEP, LINK_SUFFIX, SUFFIX, cache_dir, prune
from .keys import cache_key, corpus_key, link_key

__all__ = ["CORPUS_SUFFIX", "KEEP", "LINK_SUFFIX", "SUFFIX", "analyse_cached", "analyse_then_keep", "analysed_parts",
           "cache_dir", "cache_key", "cached_parts", "corpus_key", "join", "link_key", "load",
           "load_corpus_entry", "load_link", "load_parts", "prune", "split", "store",
           "store_corpus", "store_link"]
