"""Furniture that shows itself by whom it talks to or about: the reader, or the page itself.

A news article talks about the world, in the third person.  The page around it talks about
itself ("This site uses ...", "This post is for subscribers only", "this feature is currently
unavailable") and to its reader about the site ("when you subscribe", "your comment data",
"updates on your device").  New sites word these notices their own way, so a list of their
phrases never catches up; the grammar they share does: the page's own noun as the subject
of a sentence, or the reader's pronoun beside a word of the web.  Lines that are nothing but
an address or the page's markup, or open with a widget's pictograph, are furniture by
shape.  These tests run after the claim test: a line that reports what someone said stays.
"""

from __future__ import annotations

import re
import unicodedata

from .tokens import words

MAX_WORDS = 30   # a notice's length; a paragraph that mentions "your" or "this site" is text
# The page's own nouns, as a sentence's subject: "this site uses", "this post is", "our website has".
# (Not "this video" or "this photo": the article discusses the footage it reports on.)
_PAGE_SUBJECT = re.compile(
    r"\b(?:this|our) (?:web ?site|site|web ?page|page|post|story|article|feature|content|newsletter)"
    r"(?: (?:is|was|has|uses|contains|requires|may|will|cannot|can't|does|includes|relies))\b", re.I)
# The reader addressed about the site: a second-person pronoun and a word of the site's dealings with
# its readers, in one line (not "app" or "device": a review of a phone addresses its reader too).
# "please" asks the reader as "you" names them ("please first agree to the privacy policy").
_READER = re.compile(r"\b(?:you|your|you're|you've|please)\b", re.I)
_WEB_WORDS = re.compile(
    r"\b(?:subscrib\w*|sign (?:in|up)|log ?in|newsletter|push notifications?|inbox|comment data"
    r"|e-?mail address|cookies|ad ?blocker|privacy policy|terms of (?:use|service)|text-to-speech|javascript"
    r"|(?:the )?latest (?:news|developments|updates|headlines))\b", re.I)
# A line of addresses and markup, not words: URLs, paths, XPath, a date label before them.
_ADDRESS_TOKEN = re.compile(r"^(?:https?://\S+|www\.\S+|/\S*/\S*|\S*\[@\S*|@\w+|\d{4}-\d{2}-\d{2}|date:?|url:?)$", re.I)
_HAS_ADDRESS = re.compile(r"https?://|www\.|/\S*/", re.I)
# A line that opens with an HTML element (`<a href=...><img src=...>`): the page's source printed as text.
_MARKUP = re.compile(r"^</?(?:a|img|iframe|div|span|figure|figcaption|picture|source|video|script|blockquote|p|br)\b[^<>]*>",
                     re.I)
# A line that opens as the page's script printed as text: `$.get(...`, `$(".x").html(`, `var x = ...`,
# `document.write(`, `function (data) {`.
_SCRIPT = re.compile(r"^(?:\$\.?[\w$]*\(|(?:var|let|const)\s+[\w$]+\s*=|function\s*[\w$]*\s*\(|(?:document|window)\.\w+)")
# The page's note on its author, who opens it by name in the present tense: "Jane Doe is a senior
# correspondent at X covering ...", "Jane Doe has covered shipping for X since 2010", "Jane Doe writes about".
_AUTHOR_NAME = r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3} "
_BEAT = r"(?:correspondent|reporter|journalist|editor|writer|columnist|contributor|producer|analyst|publisher)\b"
_AUTHOR_BOX = re.compile(
    _AUTHOR_NAME + r"(?:is|has been) (?:an? |the )?(?:[\w&-]+ ){0,3}?" + _BEAT + r"(?: (?:&|and) " + _BEAT + r")?"
    r" (?:at|for|with|of|based|covering|who covers)\b"
    r"|" + _AUTHOR_NAME + r"has (?:covered|reported on|written about) [^.]{1,60}\b(?:for|since)\b"
    r"|" + _AUTHOR_NAME + r"(?:writes|reports) (?:about|on) "
    r"|" + _AUTHOR_NAME + r"covers [^.]{1,60}\b(?:for|at) (?:the )?[A-Z]")
AUTHOR_BOX_WORDS = 40


def page_talk_reason(text: str) -> str | None:
    """Why a line that reports no claim is the page's talk rather than the article's, or None.
    Each test first looks for its key word in the lower-cased line ("this", "our", "you"): most
    lines hold none, and the patterns then cost nothing."""
    line = text.strip()
    if not line or len(words(line)) > MAX_WORDS:
        return None
    low = line.lower()
    if ("this " in low or "our " in low) and _PAGE_SUBJECT.search(line):
        return "site notice (the page speaks of itself)"
    if ("you" in low or "please" in low) and _READER.search(line) and _WEB_WORDS.search(line):
        return "site notice (the page speaks to its reader about the site)"
    if _opens_with_pictograph(line):
        return "widget (a line opening with an icon)"
    if len(words(line)) <= AUTHOR_BOX_WORDS and _AUTHOR_BOX.match(line):
        return "author's note (the page speaks of its writer: a name, then their beat in the present tense)"
    return None


def address_reason(text: str) -> str | None:
    """A line of nothing but web addresses and markup (a date label may stand before them), or
    the page's script: no word of it is the article's, though a URL's slug may spell a claim
    ("x-tells-y-that") and a script quotes strings."""
    line = text.strip()
    if _SCRIPT.match(line) and "(" in line:
        return "the page's script printed as text"
    return "web address or page markup (no words of the article)" \
        if _only_addresses(line) or (line.startswith("<") and _MARKUP.match(line)) else None


def _only_addresses(line: str) -> bool:
    if "/" not in line and "www." not in line:
        return False   # no address at all (most lines): no token to test
    tokens = line.split()
    return all(_ADDRESS_TOKEN.match(t) for t in tokens) and bool(_HAS_ADDRESS.search(line))


def _opens_with_pictograph(line: str) -> bool:
    """A line opening with an emoji or a pictograph (🎙️ ▶ 📷): a player's or a widget's label;
    news prose opens with a word, a quotation mark or a bullet (punctuation, not a symbol)."""
    return unicodedata.category(line[0]) == "So"
