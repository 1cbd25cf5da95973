"""Normalisation for matching only: the text shown is never changed.

Two accounts of one fact rarely spell it the same way: "Behaviour" and
"behavior", "1,200 metres" and "1,200 meters", curly and straight quotes,
"U.S." and "US", "declassify" and "declassifying".  Everything here maps such
variants onto one matching key so that pairing and word differences compare
meanings, not typography.  Nothing here knows any article, name or outlet.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Typography that varies between outlets and means nothing for matching.
_PLAIN = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u00a0": " ", "\u202f": " ", "\u2009": " ",
}
_TYPOGRAPHY = re.compile("[" + re.escape("".join(_PLAIN)) + "]")

# Function words plus the verbs of reporting that every news sentence carries:
# they say nothing about which fact a passage tells.
STOP_WORDS = frozenset("""
a about above after again against all almost also although am among an and another any are
around as at be became because been before being below between both but by can could did do
does doing done down during each either else even ever every few for from further had has have
having he her here hers herself him himself his how however i if in into is it its itself just
least less like made make many may me might more most much must my myself near neither no nor
not now of off often on once one only or other others our ours ourselves out over own per
perhaps quite rather really same several shall she should since so some still such than that
the their theirs them themselves then there these they this those though through thus to too
toward towards under until up upon us very via was we were what whatever when where whether
which while who whom whose why will with within without would yet you your yours yourself
yourselves mr mrs ms
say says said saying tell tells told telling according added add adds report reported reports
reportedly statement stated also already ago new news way week weeks day days year years time
times two three four five six seven eight nine ten first last later earlier get got going go
goes went well back even many much another since want wanted including include includes
""".split())

# British spellings whose US form is not reached by the general rules below.
_SPELLING = {
    "defence": "defense", "offence": "offense", "licence": "license", "pretence": "pretense",
    "programme": "program", "programmes": "programs", "grey": "gray", "aluminium": "aluminum",
    "tyre": "tire", "tyres": "tires", "manoeuvre": "maneuver", "manoeuvres": "maneuvers",
    "manoeuvred": "maneuvered", "manoeuvring": "maneuvering", "sceptical": "skeptical",
    "cheque": "check", "kerb": "curb", "plough": "plow", "storey": "story", "practise": "practice",
    "jewellery": "jewelry", "enrol": "enroll", "fulfil": "fulfill", "paediatric": "pediatric",
    "anaesthetic": "anesthetic", "oestrogen": "estrogen", "foetus": "fetus", "mould": "mold",
    "moult": "molt", "towards": "toward", "amongst": "among", "whilst": "while",
}

_SPELLING_RULES = (
    (re.compile(r"^(\w{3,})our(s|ed|ing|ite|ites|able|er|ers)?$"), r"\1or\2"),  # behaviour
    (re.compile(r"^(\w+)tre(s|d)?$"), r"\1ter\2"),                              # metre, theatre
    (re.compile(r"^(\w{3,})ogue(s)?$"), r"\1og\2"),                            # dialogue
    (re.compile(r"^(\w{2,})yse(s|d)?$"), r"\1yze\2"),                          # analyse
    (re.compile(r"^(\w{3,})is(e|es|ed|ing|ation|ations)$"), r"\1iz\2"),        # organise
)

# Irregular English verb forms, so "spoke" meets "speak" and "struck" meets "strike".
_IRREGULAR = {
    "spoke": "speak", "spoken": "speak", "struck": "strike", "met": "meet", "took": "take",
    "taken": "take", "gave": "give", "given": "give", "sank": "sink", "sunk": "sink", "flew": "fly",
    "flown": "fly", "fell": "fall", "fallen": "fall", "led": "lead", "brought": "bring", "meant": "mean",
    "shot": "shoot", "held": "hold", "began": "begin", "begun": "begin", "came": "come", "saw": "see",
    "seen": "see", "knew": "know", "known": "know", "found": "find", "sent": "send", "sought": "seek",
    "thought": "think", "caught": "catch", "fought": "fight", "won": "win", "lost": "lose",
    "wrote": "write", "written": "write", "stood": "stand", "ran": "run", "broke": "break",
    "broken": "break", "chose": "choose", "chosen": "choose", "drove": "drive", "driven": "drive",
    "hit": "hit", "kept": "keep", "paid": "pay", "sold": "sell", "bought": "buy", "built": "build",
    "rose": "rise", "risen": "rise", "threw": "throw", "thrown": "throw", "spent": "spend",
    "died": "die", "dying": "die", "killed": "kill", "men": "man", "women": "woman",
    "children": "child", "people": "person",
}

# A few paraphrases so common in news that outlets swap them freely: the
# verbs of talking, a nationality and its country, an aircraft and its
# acronym.  General English, never a name from any article.
_SYNONYMS = {
    "talk": "speak", "call": "speak", "phone": "speak", "conversation": "speak", "converse": "speak",
    "discuss": "speak", "discussion": "speak", "spok": "speak",
    "denial": "deny", "reject": "deny", "refute": "deny", "dismiss": "deny",
    "american": "us", "usa": "us", "british": "uk", "britain": "uk",
    "uav": "drone", "dron": "drone", "warplan": "fighter", "jet": "fighter",
    "kill": "die", "dead": "die", "death": "die",
}

_ACRONYM_DOTS = re.compile(r"\b((?:[A-Za-z]\.){2,})")
_TOKEN = re.compile(r"[^\W_]+(?:[.,'][^\W_]+)*", re.UNICODE)
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*$")


def normalise(text: str) -> str:
    """Typography-neutral text of the same length as `text` (quotes, dashes, spaces).

    Keeping the length lets callers map matches back to spans in the shown text.  A
    search for the few characters concerned, not `str.translate`: that looks every
    character of a text with one curly quote up in its table (7x slower on the sample).
    An ASCII text holds none of them but the backtick (a test checks): most texts (nineteen
    sentences in twenty of the ECB+ articles) are returned as they are, unscanned.
    """
    if text.isascii() and "`" not in text:
        return text
    return _TYPOGRAPHY.sub(_plain, text)


def _plain(match: re.Match[str]) -> str:
    return _PLAIN[match.group()]


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Word tokens of the shown text with their character spans (punctuation is dropped)."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(normalise(text))]


def token_words(text: str) -> list[str]:
    """The words of `tokens` without their spans, found in C (pairing asks for 30,000
    passages' words at a thousand articles)."""
    return _TOKEN.findall(normalise(text))


@lru_cache(maxsize=200_000)
def spell_us(word: str) -> str:
    """The US spelling of a lower-case word, so "behaviour" meets "behavior"."""
    if word in _SPELLING:
        return _SPELLING[word]
    for pattern, repl in _SPELLING_RULES:
        if pattern.match(word):
            return pattern.sub(repl, word)
    return word


def stem(word: str) -> str:
    """A light suffix stripper: inflections only, applied the same way to both sides.

    Final "e" and doubled letters are dropped everywhere, so "declare" and
    "declared", "call" and "called" reach the same key.
    """
    if len(word) <= 3 or word.isdigit():
        return word
    for suffix, repl, min_len in (("ies", "y", 5), ("sses", "ss", 5), ("ations", "at", 7),
                                  ("ation", "at", 6), ("ingly", "", 7), ("edly", "", 6),
                                  ("ings", "", 6), ("ing", "", 5), ("ed", "", 4), ("ly", "", 5)):
        if word.endswith(suffix) and len(word) >= min_len:
            word = word[: len(word) - len(suffix)] + repl
            break
    else:
        if word.endswith("es") and len(word) > 4 and word[-3] in "sxz" or word.endswith(("ches", "shes")):
            word = word[:-2]
        elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
            word = word[:-1]
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and not word[-1].isdigit():
        word = word[:-1]
    return word


@lru_cache(maxsize=200_000)
def word_key(token: str) -> str:
    """The matching key of one token for word differences: case, spelling, typography."""
    if _NUMBER.match(token):
        return token.replace(",", "")
    return spell_us(token.casefold().replace("'", "")) if "'" in token else spell_us(token.casefold())


@lru_cache(maxsize=200_000)
def term(token: str) -> str | None:
    """The matching term of one token, or None for a stop word.

    An all-capitals token ("US", "NATO") is an acronym, never the stop word it
    may spell; numbers lose their thousands separators ("1,200" -> "1200").
    """
    if _NUMBER.match(token):
        return token.replace(",", "")
    if token.endswith(("'s", "'S")):
        token = token[:-2]
    acronym = len(token) >= 2 and token.isupper()
    word = token.casefold().replace("'", "")
    if not acronym and (word in STOP_WORDS or len(word) < 2):
        return None
    word = _IRREGULAR.get(word, word)
    stemmed = stem(spell_us(word))
    return _SYNONYMS.get(stemmed, stemmed)


_NAME_GLUE = re.compile(r"^(?:[\s\-]*|\s+(?:of|the|of the|de|al|for|and)\s+)$")
_GLUE_WORDS = frozenset({"of", "the", "de", "al", "for", "and"})
#: Weight of the words of a multi-word name other than its last (head) word.
NAME_MODIFIER = 0.4


def terms(text: str) -> list[str]:
    """The content terms of a passage, in order (duplicates kept)."""
    return [t for t, _ in weighted_terms(text)]


def weighted_terms(text: str) -> list[tuple[str, float]]:
    """Content terms with a factor that counts a multi-word name about once (see `scan`)."""
    return [(t, f) for t, f, _ in scan(text)]


def scan(text: str) -> list[tuple[str, float, str]]:
    """Content terms, each with its weight factor and the word as written (see `_scan`)."""
    return list(_scan(text))


@lru_cache(maxsize=65536)
def _scan(text: str) -> tuple[tuple[str, float, str], ...]:
    """Content terms, each with its weight factor and the word as written.

    The factor counts a multi-word name about once: "Chairman of the Joint Chiefs of Staff General Mark Milley" is one
    person: sharing it is one piece of evidence, not eight.  In a run of
    capitalised words only the last (the head: the surname, "Ministry",
    "Sea") keeps full weight; the others get NAME_MODIFIER.
    """
    text = normalise(text)
    if text.count(".") >= 2:   # an acronym's dots ("U.S.") are two at least
        text = _ACRONYM_DOTS.sub(_undotted, text)
    out: list[tuple[str, float, str]] = []
    run: list[tuple[str, float, str]] = []
    last_end = -1
    # the tokens and the gaps between them in one call (`_TOKEN`'s matches, with no match
    # object to ask for each token's text and place): a token's place is the lengths before it
    parts = _TOKEN_SPLIT.split(text)
    end = len(parts[0])
    for k in range(1, len(parts), 2):
        tok = parts[k]
        start, end = end, end + len(tok)
        capital = tok[:1].isupper()
        if not capital and tok in _GLUE_WORDS and run:
            pass  # "of", "the" inside a name: decided by the next word
        else:
            if run and not (capital and ((gap := text[last_end:start]) == " " or _NAME_GLUE.match(gap))):
                _close(run, out)
                run = []
            t = term(tok)
            if capital:
                if t is not None:
                    run.append((t, 1.0, tok))
                last_end = end
            elif t is not None:
                out.append((t, 1.0, tok))
        end += len(parts[k + 1])
    _close(run, out)
    return tuple(out)


_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})", _TOKEN.flags)


def _undotted(match: re.Match[str]) -> str:
    return match.group().replace(".", "")


def surface_terms(text: str) -> dict[str, str]:
    """Each content term of a passage -> the word as first written there ("surveillance").

    Matching keys are stems ("surveillanc"); the reader and the export show
    the words a person wrote.
    """
    text = _ACRONYM_DOTS.sub(lambda m: m.group().replace(".", ""), normalise(text))
    out: dict[str, str] = {}
    for m in _TOKEN.finditer(text):
        t = term(m.group())
        if t is not None and t not in out:
            word = m.group()
            out[t] = word[:-2] if word.endswith(("'s", "'S")) else word
    return out


def _close(run: list[tuple[str, float, str]], out: list[tuple[str, float, str]]) -> None:
    out.extend((t, NAME_MODIFIER, w) for t, _, w in run[:-1])
    out.extend(run[-1:])


def is_number(t: str) -> bool:
    """True for a numeric term: numbers are strong evidence that two passages match."""
    return t[:1].isdigit()
