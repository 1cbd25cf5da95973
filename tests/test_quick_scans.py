"""Quicker scans find what the plain patterns find (issue 14's speed work).

Hostility is scanned only in texts that hold one of its words' keys, the reporting verbs are
one factored alternation, and "according to" and "quoted as saying" are looked for only in
texts that hold those words: each gives the answer of the pattern it stands in for.
"""

from __future__ import annotations

import re

from tui.engine.claims import speech
from tui.engine.text.lexicons import HOSTILE, HOSTILE_KEYS, REPORTING_PHRASES, REPORTING_VERBS

LINES = [
    "The ministry denied the report, calling it a provocation.",
    "“We reject these baseless claims,” the spokesman said on Monday.",
    "According to the coast guard, the ferry ran aground at dawn.",
    "The captain was quoted as saying the engine had failed.",
    "Officials have pushed back on the account, and the navy ruled out sabotage.",
    "They lie in wait near the harbour.",
    "The harbour master says it was an accident; the union blames the owners.",
    "WAR CRIMES were alleged by the opposition, which condemned the SANCTIONS.",
    "A quiet day at the port: ships left on time.",
    "Moscow denıed it",          # a dotless i, which a case-blind "i" matches
    "ſanctions were announced",  # a long s
]


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a `(?i)\\b(?:a|b|...)\\b` pattern, a nested group expanded."""
    body = pattern[len(r"(?i)\b(?:"):-len(r")\b")]
    out, depth, start = [], 0, 0
    for i, char in enumerate(body):
        depth += char == "(" and body[i - 1:i] != "\\"
        depth -= char == ")" and body[i - 1:i] != "\\"
        if char == "|" and depth == 0:
            out.append(body[start:i])
            start = i + 1
    out.append(body[start:])
    expanded = []
    for alt in out:
        if alt.startswith("(?:"):
            expanded += alt[3:alt.index(")")].split("|")
        else:
            expanded.append(alt)
    return expanded


def _literal_start(form: str) -> str:
    """The letters a form opens with, less one that a quantifier makes optional."""
    run = re.match(r"[a-z ]*", form).group(0)
    return run[:-1] if form[len(run):len(run) + 1] in ("?", "*") else run


def test_every_word_of_hostility_holds_a_key() -> None:
    forms = _alternatives(HOSTILE)
    assert len(forms) > 40
    for form in forms:
        assert any(key in _literal_start(form) for key in HOSTILE_KEYS), form


def test_the_hostility_prefilter_gives_the_patterns_own_answer() -> None:
    plain = re.compile(HOSTILE)
    for line in LINES:
        assert speech.hostile(line) == bool(plain.search(line)), line
    assert speech.hostile("Moscow denıed it") and speech.hostile("ſanctions were announced")
    assert not speech.hostile("A quiet day at the port: ships left on time.")


def test_the_factored_reporting_verbs_match_as_the_longest_first_alternation_does() -> None:
    longest_first = re.compile(r"(?<![\w'’-])(" + "|".join(sorted([*REPORTING_PHRASES, *REPORTING_VERBS],
                                                                      key=len, reverse=True)) + r")(?![\w'’-])")
    for line in LINES + ["He says so", "She said-so", "calls for calm", "is calling on them", "denies", "deny"]:
        assert [(m.span(), m.group(1)) for m in speech._VERB.finditer(line)] == \
            [(m.span(), m.group(1)) for m in longest_first.finditer(line)], line


def test_according_to_and_quoted_as_are_found_where_they_are_written() -> None:
    claims = speech._find_claims("According to the coast guard, the ferry ran aground at dawn.", None)
    assert [c.verb for c in claims] == ["according to"]
    claims = speech._find_claims("Minister Jane Doe was quoted as saying the engine had failed.", None)
    assert [(c.speaker, c.verb) for c in claims] == [("Minister Jane Doe", "quoted")]
    claims = speech._find_claims("State TV quoted the ministry spokesman Jane Doe as saying the ship sank.", None)
    assert [(c.speaker, c.verb) for c in claims] == [("the ministry spokesman Jane Doe", "quoted")]
    assert list(speech._scan(speech._ACCORDING, "ccording to", "nothing to see")) == []


def test_normalising_skips_ascii_texts_and_gives_what_translation_gives() -> None:
    """`normalise` (typography) and the sides' `normalise` (apostrophes, diacritics) return an
    ASCII text as it is: their maps hold no ASCII character but the backtick, which is mapped."""
    from tui.engine.claims import sides
    from tui.engine.text import textnorm

    assert [char for char in textnorm._PLAIN if char.isascii()] == ["`"]
    assert not [code for code in sides._APOS if code < 128]
    texts = ["plain words", "it`s", "“Quoted” — dashed\u00a0space ‘x’ «y» \u2212 1", "Vučić’s café", "",
             "".join(textnorm._PLAIN) + " `end`"]
    for text in texts:
        assert textnorm.normalise(text) == text.translate(str.maketrans(textnorm._PLAIN)), text
        assert sides.normalise(text) == text.translate(sides._APOS), text


def test_a_slice_without_a_line_break_is_shown_and_offset_as_it_is() -> None:
    """`display_text` and `source_offsets` skip the line-break scan when there is none."""
    from tui.engine.model import _LINE_BREAK, display_text, source_offsets

    for raw in ["plain words", "", "a\nb", "a  \r\n  b", "x\ry", "tab\tkept"]:
        assert display_text(raw) == _LINE_BREAK.sub(" ", raw), raw
        offsets = source_offsets(raw, 7)
        assert len(offsets) == len(display_text(raw)) + 1 and offsets[0] == 7
    assert source_offsets("abc", 10) == [10, 11, 12, 13]
    assert source_offsets("a\nb", 0) == [0, 1, 2, 3]


def _mandatory_runs(pattern: str) -> list[str]:
    """The runs of literal characters at the top level of a pattern that every match holds
    (read from Python's own parse of it)."""
    from re import _parser   # type: ignore[attr-defined]

    runs, run = [], ""
    for op, arg in _parser.parse(pattern):
        if str(op) == "LITERAL":
            run += chr(arg)
            continue
        if str(op) in ("MAX_REPEAT", "MIN_REPEAT") and arg[0] >= 1 and len(arg[2]) == 1 \
                and str(arg[2][0][0]) == "LITERAL":
            run += chr(arg[2][0][1])   # "s+": one "s" at least
        runs.append(run)
        run = ""
    return [*runs, run]


def test_each_aspect_phrase_is_scanned_only_where_its_key_is_and_every_match_holds_the_key() -> None:
    from tui.engine.facts import aspects

    assert aspects.literal_key(r"play(?:ing)? with fire") == " with fire"
    assert aspects.literal_key(r"water cannons?") == "water cannon"
    assert aspects.literal_key(r"right to self-defen[cs]e") == "right to self-defen"
    assert aspects.literal_key(r"(?:no|any) response") == " response"
    assert aspects.literal_key(r"\bcloser\b") == "closer"
    assert aspects.literal_key(r"a|b") == "" and aspects.literal_key(r"x{2}y") == "y"
    for _, pattern, key in aspects._PHRASES:
        assert any(key in run for run in _mandatory_runs(pattern.pattern)), (pattern.pattern, key)
    assert aspects.tag("They stabbed us in the back and played with fire, at a range within 3 km of the coast.")


def _scan_by_matches(text: str) -> tuple:
    """`textnorm._scan` as it was written before it read tokens and gaps in one split."""
    from tui.engine.text import textnorm as t

    text = t._ACRONYM_DOTS.sub(lambda m: m.group().replace(".", ""), t.normalise(text))
    out: list = []
    run: list = []
    last_end = -1
    for m in t._TOKEN.finditer(text):
        tok = m.group()
        capital = tok[:1].isupper()
        if not capital and tok in t._GLUE_WORDS and run:
            continue
        if run and not (capital and t._NAME_GLUE.match(text[last_end:m.start()])):
            t._close(run, out)
            run = []
        term = t.term(tok)
        if capital:
            if term is not None:
                run.append((term, 1.0, tok))
            last_end = m.end()
        elif term is not None:
            out.append((term, 1.0, tok))
    t._close(run, out)
    return tuple(out)


def test_scanning_terms_from_one_split_gives_what_the_matches_gave() -> None:
    from tui.engine.text.textnorm import _scan

    for text in ["U.S. and U.K. forces met the U.N.'s envoy.", "Chairman of the Joint Chiefs of Staff General "
                 "Jane Doe said", "Jean-Luc de la Cruz al-Harbi and  the\tBay Port Authority", "", "...",
                 "it's 1,200.5 km", "x_y __ z", "Über Straße of the Río", "The The the", "A.B. of C.D.",
                 LINES[0], LINES[4], LINES[7]]:
        assert _scan.__wrapped__(text) == _scan_by_matches(text), text
