"""Helpers for the UI tests: a hand-built Analysis over the real seeds corpus.

The UI is tested against the engine's *types*, not its current output, so
these tests keep working (and keep their snapshots) while the engine changes.
The real `analyse` output is exercised separately.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.engine.model import Account, Analysis, Attribution, Corpus, Evidence, Fact, Pair, Ref

A0, A1, A2 = "000_7f4c5cce0065053c.txt", "001_7c66d4f0f52cdbbc.txt", "002_da9a1b498ebd98ed.txt"


def account(corpus: Corpus, side: str | None, ref: Ref, speaker: str | None,
            inferred: bool = False) -> Account:
    text = corpus.article(ref.article).sentence(ref.paragraph, ref.sentence).text
    return Account(side, ref, text, speaker, inferred)


def fixture_analysis(corpus: Corpus) -> Analysis:
    """Five facts of the sample (three disputes, one agreed, one one-sided) and a few pairs."""
    def acc(side, article, p, s, speaker, inferred=False):
        return account(corpus, side, Ref(article, p, s), speaker, inferred)

    facts = (
        Fact("f-collision", "Collision or sharp maneuver", "disputed", 1,
             (Evidence("cue", "struck its propeller ↔ entered a sharp maneuver"),
              Evidence("cue", "denial: did not come in contact")),
             (acc("us", A1, 3, 0, "The US military"),
              acc("us", A2, 5, 0, None, inferred=True),
              acc("ru", A0, 3, 2, "Moscow"))),
        Fact("f-transponder", "Transponder / airspace", "disputed", 2,
             (Evidence("cue", "international airspace ↔ approached the state border with its transponder off"),),
             (acc("us", A0, 2, 2, "Secretary Austin"),
              acc("ru", A0, 3, 1, "Russia’s Defense Ministry"))),
        Fact("f-intercept", "Conduct of the intercept", "disputed", 3,
             (Evidence("cue", "dangerous and reckless ↔ did not employ air weapons"),),
             (acc("us", A0, 2, 1, "The U.S. side"),
              acc("us", A1, 9, 0, "Milley"),
              acc("ru", A0, 3, 1, "Russia’s Defense Ministry"),
              acc(None, A1, 8, 0, None))),
        Fact("f-call", "Austin and Shoigu spoke", "agreed", 4,
             (Evidence("cue", "both report the call"),),
             (acc("us", A1, 1, 0, None, inferred=True),
              acc("ru", A0, 1, 0, "The Kremlin"))),
        Fact("f-video", "Video evidence of the contact", "one-sided", 5,
             (Evidence("cue", "only the US side speaks to this"),),
             (acc("us", A2, 15, 1, "Milley"),)),
    )
    pairs = (
        Pair(Ref(A1, 3, 0), Ref(A2, 5, 0), 78.0, ("propeller", "struck"), "sentence"),
        Pair(Ref(A1, 9, 0), Ref(A2, 13, 0), 91.0, ("intercept", "intentional"), "sentence"),
        Pair(Ref(A1, 8), Ref(A2, 12), 70.0, ("questions", "crash"), "paragraph"),
        Pair(Ref(A1, 1), Ref(A2, 1), 60.0, ("Shoigu",), "paragraph"),
        Pair(Ref(A1, 0), Ref(A2, 14), 55.0, ("counterpart",), "paragraph"),
        Pair(Ref(A0, 2, 2), Ref(A1, 3, 0), 62.0, ("international", "airspace"), "sentence"),
    )
    attributions = {a.ref: Attribution(a.ref, a.speaker, a.side, inferred=a.inferred)
                    for f in facts for a in f.accounts}
    return Analysis(corpus, pairs, (), attributions, facts)


@pytest.fixture(autouse=True)
def _private_config(tmp_path_factory, monkeypatch):
    """Never read or write the real user's config in tests."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("RECONCILE_CONFIG_DIR", str(folder))
    yield Path(folder)


def private_config_env(folder: Path) -> dict[str, str]:
    return {**os.environ, "RECONCILE_CONFIG_DIR": str(folder)}


def screen_text(app) -> str:
    """What the terminal shows right now, as plain text lines."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(seg.text for seg in strip) for strip in strips)


async def settle(pilot) -> None:
    """Wait until the engine's worker and pending messages are done."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def sync(test):
    """Run an async test with asyncio.run (no async pytest plugin is a dependency)."""
    import asyncio
    import functools

    @functools.wraps(test)
    def wrapper(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return wrapper
