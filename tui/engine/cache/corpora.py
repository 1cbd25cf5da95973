"""Loaded corpora in the cache (a warm launch on a large folder skips reading and
cleaning it), and the links from a corpus key and a notes file to an analysis entry (a
warm launch finds the analysis without unpickling the corpus to key it)."""

from __future__ import annotations

import pickle
from pathlib import Path

from ..model import Corpus
from .entries import CORPUS_SUFFIX, LINK_SUFFIX, read_entry, write_entry



def load_corpus_entry(key: str, folder: Path | None = None) -> Corpus | None:
    """The corpus cached under `key` (see `corpus_key`), or None."""
    body = read_entry(f"{key}{CORPUS_SUFFIX}", folder)
    if body is None:
        return None
    try:
        corpus = pickle.loads(body)
    except Exception:
        return None
    return corpus if isinstance(corpus, Corpus) else None


def store_corpus(key: str, corpus: Corpus, folder: Path | None = None) -> bool:
    """Keep a loaded corpus under `key`; False when it could not be written."""
    try:
        body = pickle.dumps(corpus, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:
        return False
    return write_entry(f"{key}{CORPUS_SUFFIX}", body, folder)


def load_link(key: str, folder: Path | None = None) -> str | None:
    """The analysis key the link `key` names, or None."""
    body = read_entry(f"{key}{LINK_SUFFIX}", folder)
    if body is None or len(body) != 64:
        return None
    try:
        return body.decode("ascii")
    except UnicodeDecodeError:
        return None


def store_link(key: str, analysis_key: str, folder: Path | None = None) -> bool:
    return write_entry(f"{key}{LINK_SUFFIX}", analysis_key.encode("ascii"), folder)
