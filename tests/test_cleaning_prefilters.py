"""The cleaner's keyword prefilters skip no match (issue 11's speed work).

Each pattern of the web-boilerplate lexicon that is scanned only when a text holds one of its
keys must hold that key in every match; a key that a form does not require would let that
form's matches through unseen.
"""

from __future__ import annotations

import pytest

from tui.engine.text import boilerplate as b
from tui.engine.text import furniture as f


def test_each_notice_form_holds_its_key() -> None:
    for key, form in b.NOTICE.forms:
        assert key == key.casefold() and key in form.lower().replace("\\", ""), (key, form)


def test_each_claim_word_holds_a_key() -> None:
    for word in f._CLAIM_WORDS:
        assert any(key in word for key in f._CLAIM.keys), word


def test_a_page_of_latin_letters_has_no_line_in_another_script() -> None:
    from tui.engine.text.neighbours import other_script_lines
    assert other_script_lines(["Ferry “runs” aground – café", None, "Port: 3 ships"]) == set()
    assert other_script_lines(["Ferry runs aground off the cape today", "Паром сел на мель"]) == {1}


def test_a_prefilter_gives_the_patterns_own_answer() -> None:
    """On lines that match and lines that only share a key, the keyed search answers as the
    bare pattern would; a line without a key is not scanned at all."""
    lines = ["Are you already a subscriber? Click to log in!", "We use cookies to improve your visit",
             "Sign up for our daily newsletter", "The app was updated on Monday, the ministry said.",
             "The harbour master said the ferry left on time.", "© 2025 Bay Wire", "Total views 866"]
    lines += ["Jane Doe, centre, and John Roe (right) on Monday", "Leave a comment", "Comments are closed",
              "“We will not stop,” he said.", "The minister denies it, according to the ministry.",
              "IE 11 is not supported.", "(News story updated with new figures)", "The story was updated on Monday",
              "Join our news channel today", "3 min read", "Here are the latest updates on the grounding:",
              "Harbour Herald is part of the Coastal Division of Coastal Media PLC", "Auto Publish Powered By :"]
    for keyed in (b.NOTICE, b.CAPTION, b.CAPTION_PHRASE, b.CAPTION_ACTION, b.CAPTION_POSITION, b.CAPTION_DAY,
                  b.COMMENT_FORM, f._CLAIM):
        for line in lines:
            assert bool(keyed.search(line)) == bool(keyed.pattern.search(line)), (keyed.keys, line)
    slow = b.KeyedPattern.with_keys(r"never(?<=x)", ("zzz",))
    assert slow.search("no key here") is None


def test_the_key_gate_finds_a_key_wherever_a_key_by_key_test_does() -> None:
    """`holds_key` scans for all keys at once (speed); it answers as testing each key in turn
    does, for keys inside others, keys at a line's ends and keys of symbols."""
    keyed = b.KeyedPattern.with_keys(r"x", ("say", "said", "says", "©", "stat", "state department", "“"))
    lines = ["", "sa", "says", "they said", "statement", "the state", "© 2025", "“quoted", "nothing here",
             "essay", "s a i d"]
    for line in lines:
        assert keyed.holds_key(line) == any(key in line for key in keyed.keys), line
    for pattern in (b.NOTICE, f._CLAIM, b.CAPTION_DAY):
        for line in ["we use cookies here", "the minister said so", "photo taken on monday", "plain words"]:
            assert pattern.holds_key(line) == any(key in line for key in pattern.keys), line
    assert not b.KeyedPattern.with_keys(r"\w", ()).holds_key("any text")   # no keys: nothing is scanned


def test_a_line_is_judged_once_per_text() -> None:
    """label_reason and is_claim remember their answers (a line is judged from several places)."""
    f.label_reason.cache_clear()
    for _ in range(3):
        f.label_reason("Sign up for our daily newsletter")
    assert f.label_reason.cache_info().hits == 2
    assert isinstance(f.words("a b"), tuple)   # shared from the cache: immutable


def test_the_factored_word_alternation_matches_what_the_plain_one_does() -> None:
    """word_alternation factors the claim words by prefix (speed); it finds what "a|b|c" finds."""
    import re

    plain = re.compile(r"\b(?:" + "|".join(f._CLAIM_WORDS) + r")\b", re.I)
    factored = re.compile(r"\b" + b.word_alternation(f._CLAIM_WORDS) + r"\b", re.I)
    for line in ("He said so.", "She says", "The saying goes", "so-called experts", "According to the log",
                 "The statement stated nothing", "warnings were issued", "They warn", "states of emergency"):
        assert bool(plain.search(line)) == bool(factored.search(line)), line
    assert b.word_alternation(("said", "says", "say")) == "sa(?:id|y(?:s)?)"


def test_a_newsletter_pitch_of_any_length_is_a_notice() -> None:
    """"Sign up for <the site's newsletter> and get the latest on ...": the site talking to its
    reader, whatever the newsletter is called; a sentence that starts with "Signs" is not one."""
    assert f.label_reason("Sign up for Harbour Weekly and get the latest on what is happening "
                          "along the coast and in the towns around it.") == "site notice or advertisement"
    assert f.label_reason("Sign-ups for the militia rose sharply after the harbour was shelled.") is None


def test_the_terms_for_reusing_a_sites_text_are_a_notice() -> None:
    """A site's terms for quoting it ("when citing materials, a link to the website is
    mandatory") talk to the reader about the site, not about the story."""
    assert f.label_reason("While citing and using any materials on the internet, links to the website "
                          "harbour.example not lower than the first paragraph are mandatory.") == \
        "site notice or advertisement"
    assert f.label_reason("The court said using the leaked materials as evidence was lawful.") is None


def test_markdown_blocks_are_read_without_the_inline_rules() -> None:
    """The cleaner reads markdown-it's block tokens only: the inline rules are off (40% of the
    parse), and the block tokens are those of the full CommonMark parser."""
    from markdown_it import MarkdownIt

    from tui.engine.text.markdown import _markdown
    assert "inline" not in _markdown().get_active_rules()["core"]
    text = ("# A *ferry* runs aground\n\nThe [harbour](http://x.test) master said &amp; **denied** it.\n"
            "Second line of `it`.\n\n- one\n- two\n\n> quoted <b>x</b>\n\n    code\n\n---\n\n"
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n<div>html</div>\n\n1. first\n2. second\n")

    def blocks(md: MarkdownIt) -> list[tuple]:
        return [(t.type, t.map, t.content, t.markup, t.level) for t in md.parse(text)]
    assert blocks(_markdown()) == blocks(MarkdownIt("commonmark"))


@pytest.mark.parametrize("line", ["Follow topic:", "Related Topics:", "Adjust font size:", "No comments.",
                                  '3 thoughts on "Ferry grounding: operator blames steering"'])
def test_a_pages_topic_font_and_comment_controls_are_navigation(line: str) -> None:
    """A topic to follow, the font's size, an empty or counted comment box: controls of the
    page, never a line of the article (but "No comments were made by the ministry" is one)."""
    assert f.label_reason(line) == "navigation label"
    assert f.label_reason("No comments were made by the harbour office about the ferry.") is None
