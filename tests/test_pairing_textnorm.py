"""Normalisation for matching: variants meet, stop words go, names count once."""

from __future__ import annotations

from tui.engine.text.textnorm import NAME_MODIFIER, normalise, stem, terms, weighted_terms, word_key


def test_spelling_variants_meet() -> None:
    pairs = [("behaviour", "behavior"), ("defence", "defense"), ("metres", "meters"),
             ("theatres", "theaters"), ("organised", "organized"), ("dialogue", "dialog"),
             ("analyse", "analyze"), ("manoeuvre", "maneuver")]
    for uk, us in pairs:
        assert terms(uk) == terms(us), (uk, us)
        assert word_key(uk) == word_key(us) or uk in ("metres", "theatres", "organised")


def test_inflections_and_irregular_verbs_meet() -> None:
    for a, b in [("declassify", "declassifying"), ("declared", "declare"), ("called", "call"),
                 ("escalation", "escalate"), ("companies", "company"), ("spoke", "speak"),
                 ("struck", "strike"), ("stopped", "stopping")]:
        assert terms(a) == terms(b), (a, b)


def test_stop_words_numbers_and_acronyms() -> None:
    assert terms("It was said that they would be there") == []
    assert terms("1,200 to 1,500") == ["1200", "1500"]
    assert terms("U.S. officials told us") == ["us", "official"]  # the acronym, not the pronoun


def test_typography_keeps_length() -> None:
    text = "“Russia’s” — claim – ‘here’"
    assert len(normalise(text)) == len(text)
    assert normalise(text) == "\"Russia's\" - claim - 'here'"


def test_typography_is_replaced_as_a_character_table_would() -> None:
    """normalise replaces only the typographic characters it finds (faster than str.translate
    on text with a curly quote): each one, next to others and plain text, as the table maps it."""
    from tui.engine.text.textnorm import _PLAIN

    text = "".join(f"a{char}{char}b " for char in _PLAIN) + "plain — ‘x’ é ü 中 «y»\u00a0z"
    assert normalise(text) == text.translate(str.maketrans(_PLAIN))
    assert normalise("nothing to replace") == "nothing to replace"


def test_multi_word_names_count_about_once() -> None:
    weights = dict(weighted_terms("Chairman of the Joint Chiefs of Staff General Mark Milley spoke."))
    assert weights["milley"] == 1.0
    assert weights["chairman"] == weights["mark"] == NAME_MODIFIER
    sentence_start = dict(weighted_terms("Gerasimov spoke. Milley listened."))
    assert sentence_start["gerasimov"] == sentence_start["milley"] == 1.0


def test_stem_is_light() -> None:
    assert stem("news") == "new" or stem("news") == "news"
    assert stem("gas") == "gas" and stem("us") == "us"
