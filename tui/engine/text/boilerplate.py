"""A lexicon of web boilerplate: the words every news site puts around an article.

Comment forms, read-more trailers, navigation labels, teasers for other stories,
site notices and photo captions and credits, each in the forms pages use.  These
are phrases of the web, not of any one site or story; `furniture` combines them
with shape and position.
"""

from __future__ import annotations

import re
from functools import cached_property

# A month, written out or cut short ("Sept", "Feb."), in a lower-cased or case-blind pattern.
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"

class KeyedPattern:
    """A pattern of many alternatives, each holding a literal key that every match of it
    contains: `search` scans with the pattern only a text that holds one of the keys.  A long
    alternation costs ~0.1 ms a line to scan; most lines hold none of its keys.  Built from
    (key, form) pairs, it scans a text only with the forms whose key the text holds (a
    line that says "updated" is not scanned for a cookie banner's forty other phrasings)."""

    def __init__(self, forms: tuple[tuple[str, str], ...], flags: int = re.I) -> None:
        self.forms = forms
        self.flags = flags
        self.keys = tuple(key for key, _ in forms)
        self._each = tuple((key, re.compile(form, flags)) for key, form in forms)

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """The whole alternation, compiled when first asked for: `search` scans keyed forms one
        by one, and compiling the notices' ~6,000 characters cost every start ~20 ms of CPU."""
        return re.compile("|".join(form for _, form in self.forms), self.flags)

    @classmethod
    def with_keys(cls, pattern: str, keys: tuple[str, ...], flags: int = re.I) -> KeyedPattern:
        """A pattern whose every match holds one of `keys` (lower case), which are tried first."""
        keyed = cls((), flags)
        keyed.keys, keyed.pattern = keys, re.compile(pattern, flags)
        return keyed

    @cached_property
    def _gate(self) -> re.Pattern[str] | None:
        """One literal alternation of the keys (compiled when first asked for): a scan in C that
        branches on each letter once, where testing a hundred keys one by one (`key in text`)
        read a long line a hundred times (a third of cleaning's time went to these tests)."""
        return re.compile(word_alternation(self.keys)) if self.keys else None

    def holds_key(self, low: str) -> bool:
        """Whether the case-folded text holds one of the keys (as a substring)."""
        gate = self._gate
        return gate is not None and gate.search(low) is not None

    def search(self, text: str) -> re.Match[str] | None:
        """A match of the pattern in the text (for keyed forms, of the first form that matches), or None."""
        low = text.casefold()
        if not self.holds_key(low):
            return None
        if self._each:
            return next((m for key, form in self._each if key in low and (m := form.search(text))), None)
        return self.pattern.search(text)


def word_alternation(phrases: frozenset[str] | tuple[str, ...]) -> str:
    """A regex alternation of literal phrases, factored by their shared prefixes ("sa(?:id|ys?)"):
    the engine tries a hundred plain alternatives one by one at every position of a line, a
    factored one branches on each letter once."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return _alternation(trie)


def _alternation(node: dict) -> str:
    branches = [re.escape(char) + _alternation(child) if char else "" for char, child in sorted(node.items())]
    if len(branches) == 1:
        return branches[0]
    optional = "" in branches
    body = "|".join(b for b in branches if b)
    return f"(?:{body})?" if optional else f"(?:{body})"


COMMENT_FORM = KeyedPattern.with_keys(
    r"leave a (?:reply|comment)|your email address will not be published|required fields are marked"
    r"|post (?:a )?comment|comments? (?:are )?closed|log in to comment|cancel reply"
    r"|please enter your (?:comment|name|email)|you have entered an incorrect email|save my name, email"
    r"|^\W*comments?\s*:$|enter the (?:\w+ )?(?:letters|characters|code|words) (?:that )?you see"
    r"|there are no comments(?: yet)?[.!]?\s*(?:$|be the first)|be the first to (?:add a |post a |leave a )?comment",
    ("comment", "leave a", "will not be published", "required fields", "cancel reply", "please enter your",
     "incorrect email", "save my name", "you see"))
# A teaser for another story: "Also read: ...", "READ: ...", "WATCH: ...", "Outlet Exclusive: ...",
# "War news live: ..." (a live blog's link),
# "Backgrounder: ..." (an agency's background piece, linked from the article).
TEASER = re.compile(
    r"^(?:also read|read also|read more|read next|up next|read|you can read|see also|related|watch(?: live| now| video)?"
    r"|listen|just in"
    r"|next|previous|prev|(?:next|previous) (?:story|article|post)"
    r"|breaking(?: news)?|backgrounder|factbox|explainer|[\w' ]{1,30}? (?:exclusive|live))\s*[:|–—-]\s*\S"
    r"|^(?:also read|read also|read|see also|watch)\s{2,}\S", re.I)   # the separator lost: "Read  Headline"
# A related-stories label glued to the teasers it heads, the separator sometimes lost ("Related coverage
# Headline Site - First lines...", "RELATED:HeadlineHeadline"): a line that opens so links elsewhere,
# however long the teasers run (their headlines and cut first lines).
RELATED_TEASER = re.compile(
    r"^(?:related|also read|read also|see also|read more|more on this)\s*[:|–—]\s*\S"
    r"|^(?:related (?:coverage|stories|articles|news|reading|content|posts|links)|also read|read also|see also)"
    r"\s+(?-i:[A-Z\d\"“‘'])", re.I)
# Site notices, promotions and advertising in their usual words: (key, form) pairs.
NOTICE = KeyedPattern((
    ("attention", r"^attention (?:editors?|news desks?)\b"), ("editor", r"^editor'?s note\s*:"),
    ("note to editors", r"^note to editors\b"), ("dear reader", r"dear reader"),
    ("online ad", r"online ads? (?:enable|help)"), ("blocker", r"ad ?blocker"),
    ("please upgrade", r"please upgrade"), ("app", r"(?:download|get) (?:the|our) (?:new )?[\w' ]{0,25}\bapp\b"),
    ("already a subscriber", r"are you already a subscriber"),
    ("click", r"click (?:here )?to (?:log ?in|subscribe|read|watch)"),
    ("generated", r"this is (?:an? )?ai[- ]generated"), ("developing story", r"(?:this is|this) (?:a )?developing story"),
    ("this story", r"this story (?:has been|was|is being) updated"), ("more details", r"more details (?:soon|to follow)"),
    ("get the facts", r"get the facts behind the news"), ("text size", r"^text size\b"), ("alert sign", r"^alert sign\b"),
    ("camera icon", r"^camera icon\b"), ("views today", r"views today"), ("total views", r"total views"),
    ("sign up for", r"sign up for (?:our|the)\b"), ("sign up", r"^sign up (?:for|to|now)\b"),
    # the terms for reusing the site's text: "... links to the website ... are mandatory"
    ("materials", r"^(?:when|while|if|for) (?:citing|quoting|using|reprinting|reproducing|republishing)\b"
                  r"[^.]{0,40}\bmaterials\b"),
    ("mandatory", r"\b(?:hyper)?links? to\b[^.]{0,80}\b(?:is|are) (?:mandatory|required|obligatory)\b"),
    ("advertisement", r"^advertisement\b"),
    ("support us", r"support us\b"), ("every contribution", r"every contribution"),
    ("support", r"^support (?:the |our )?[\w'’ ]{2,40}!$|\bsupport independent (?:journalism|reporting|media|news)\b"),
    ("to play or pause", r"\bto play or pause\b"),
    ("donation", r"make a (?:charitable )?donation"), ("donate", r"\bdonate\b"), ("miss out", r"don'?t miss out"),
    ("watch", r"^watch (?:the latest|more)\b"), ("newsletter", r"newsletter"),
    ("is to", r"^our (?:goal|mission) is to\b"), ("original text is in", r"original text is in"),
    ("copyright", r"^\[?copyright\b"), ("©", r"^©"), ("skip to", r"skip to (?:main )?content"),
    ("you are replying to", r"you are replying to"), ("last updated on", r"last updated on"),
    ("please view the main text", r"please view the main text"), ("we use cookies", r"we use cookies"),
    ("cookie", r"cookie (?:policy|settings|preferences)"), ("cookies", r"accept (?:all )?cookies"),
    ("copyright", r"all copyright (?:resides|belongs)\b"), ("registered office", r"registered office is\b"),
    ("registered in", r"registered in england(?: and wales)?\b"),
    ("by", r"this (?:site|website) is (?:operated|owned|run) by\b"),
    ("accept all", r"^accept all\b"), ("manage", r"manage (?:your )?(?:cookie|privacy) (?:settings|preferences)"),
    # the browser, the site's plugins, the story's revision note, the outlet's channels, a live blog's intro
    ("is not supported", r"^(?:ie|internet explorer)\s?\d* is not supported"), ("browser", r"\bon another browser\b"),
    ("browser", r"\b(?:upgrade|update) your browser\b"), ("browser", r"\byour browser (?:is|does) not\b"),
    ("powered by", r"^powered by\b|\bpowered by\s*:?\s*$"),
    ("updated", r"^\(\s*(?:[\w-]+ ){0,2}(?:story|article|report|news|post|text)s? (?:has been |was |is being )?updated\b"),
    ("follow our", r"\bfollow our\b[\w'@ ]{0,60}\b(?:channel|page|account|feed)s?\b"),
    ("for the latest", r"^for the latest (?:headlines|news|updates)\b"),
    ("the latest", r"^here (?:are|is) the latest (?:updates|developments)\b"),
    # the site's own state and owner: "Site is under construction", "X is part of the Y Division of Z PLC"
    ("under construction", r"\b(?:site|page|website) is under construction\b"),
    ("is not installed", r"\b(?:module|plugin|widget|extension) is not installed\b"),
    ("view this", r"^view this (?:article|page|story) in\b"),
    ("plc", r"\bis (?:a )?part of (?:the )?[\w&'’ ]{1,60}\bplc\b"), ("ltd", r"\bis (?:a )?part of (?:the )?[\w&'’ ]{1,60}\bltd\b"),
    # the wire's and the publisher's own lines: credits, reprint notes, standards, age and revision notes
    ("reporting by", r"^\(?(?:additional )?reporting by\b"), ("writing by", r"^\(?writing by\b"),
    ("editing by", r"^\(?editing by\b"),
    ("originally", r"\b(?:was )?originally (?:published|appeared) (?:on|in|at|by)\b"),
    ("rights reserved", r"\ball rights reserved\b"), ("our standards", r"^our standards\s*:"),
    ("continues below", r"\b(?:story|article) continues below\b"),
    ("this article is more than", r"^this article is more than \w+ (?:years?|months?) old\b"),
    ("last modified", r"^last modified on\b"), ("join our", r"^join our\b[\w' ]{0,40}\b(?:channel|community|group)\b"),
    ("min read", r"^\d{1,2} min read(?:\s*$|\s*[|·•-]?\s*(?:last )?(?:updated|published|posted)\b)"),
    # how to cite or reuse the page's text, and the terms of its reuse
    ("cite", r"^(?:to |how to )?cite this (?:article|page|story|report)\b|^please cite\b"),
    ("reproduc", r"\breproduction\b[^.]{0,60}\b(?:prohibited|forbidden|not (?:permitted|allowed)|without (?:prior )?"
                r"(?:written )?permission)"),
    ("may not be", r"\bmay not be (?:published|reproduced|copied|republished|redistributed|rewritten)\b"
                   r"[^.]{0,60}\b(?:broadcast|redistributed|rewritten|permission)"),
    # the opinion page's disclaimer: "The views expressed are the author's own"
    ("expressed", r"\b(?:views|opinions) expressed (?:in this (?:article|piece|column)|here|above|are)\b"
                  r"[^.]{0,60}\b(?:author|writer|personal|own)\b"),
    ("necessarily", r"\bdo(?:es)? not necessarily (?:reflect|represent) the (?:views|opinions?|position|policy)\b"),
    # the reader asked for corrections and tips, stopped by a paywall, or told of a player
    ("typo", r"\b(?:found|spotted|see) an? typo\b[^.]{0,20}\?"), ("error", r"\b(?:found|spotted|see) an error\b[^.]{0,20}\?"),
    ("mistake", r"\b(?:found|spotted|see) a mistake\b[^.]{0,20}\?"),
    ("tip", r"^(?:have|got) an? (?:news )?tip\b[^.]{0,30}\?"), ("story", r"^(?:have|got) an? (?:news )?story\s*\?"),
    ("free article", r"\bfree articles?\b[^.]{0,40}\b(?:limit|left|remaining)\b"),
    ("reached your", r"\breached your (?:\w+ )?limit\b"),
    ("is loading", r"^(?:video |audio |media )?player is loading\b"),
    ("association with", r"^(?:produced|published|presented) in association with\b"),
    ("partnership with", r"^(?:produced|published|presented) in partnership with\b"),
    ("follow", r"\bfollow (?:him|her|them|me) (?:on|at)\b"),
    # the site's account, paywall and appeals to its readers
    ("account", r"\b(?:already have|create|don'?t have|do not have) an? (?:free )?account\b"),
    ("continue reading", r"\bto continue reading\b"), ("readers like you", r"\breaders like you\b"),
    ("consider", r"\bplease consider (?:donating|supporting|subscribing|a donation)\b|^consider supporting\b"),
    ("your ", r"\byour (?:support|donation|contribution|subscription)s? (?:makes?|allows?|helps?|keeps?|means?)\b"
              r"[^.]{0,40}\b(?:us|our|difference|journalism|reporting)\b"),
    ("paywall", r"\b(?:with|behind|without|no) (?:a |our )?paywalls?\b"),
    ("like this", r"\bbloggers? like this\b"),   # a blog platform's "like" widget
    ("our ", r"^(?:join |register for |sign up for )?our (?:next|upcoming) (?:webinar|livestream|online event)\b"),
    ("notifications", r"\bnotifications can be (?:managed|changed|turned off)\b"
                      r"|^(?:allow|enable|turn on) (?:push |browser )?notifications\b"),
    ("latest", r"^get (?:the )?latest (?:news|updates|headlines)\b"), ("google news", r"\bgoogle news\b"),
    ("edited by", r"^\(?edited by\b|\|\s*edited by\b"),
    ("by", r"^(?:view |see )?(?:all )?(?:posts|articles|stories) by\b"),
    ("hear from you", r"\bwe(?:'d| would)? (?:want|love|like) to hear from you\b"),
    ("browser", r"\bnot supported (?:in|by) your browser\b"),
    ("catch", r"^catch (?:all )?the (?:latest )?[\w ]{0,20}\bnews\b"),
    # the story's own history: where it first ran, its print edition, its corrections
    ("appeared", r"^this (?:article|story|piece|report) (?:first|originally) appeared\b"),
    ("version of this", r"^a version of this (?:article|story) (?:appeared|appears|was published)\b"),
    ("earlier version", r"\ban earlier version of this (?:article|story|report)\b"),
    # the wire's credit line, the story's state, the player's and the widget's messages, the site's invitations
    ("editing by", r"^\(?(?:reported|reporting|written|writing) by\b[^.]{0,80}\bediting by\b"),
    ("check back", r"\bcheck back (?:later |soon )?for (?:updates|more)\b"),
    ("breaking news story", r"^this is a breaking news story\b"), ("more to follow", r"^more to follow\b"),
    ("idea", r"^(?:have|got) an? (?:news |story )?idea\b[^.]{0,30}\?"),
    ("went wrong", r"^(?:oops[,!.]? )?something went wrong\b"),
    ("available", r"^(?:this|the) (?:video|content|page|article|post|tweet|media|stream) is (?:no longer |not )available\b"
                  r"|^(?:this|the) (?:video|content|page|article|post|tweet|media|stream) is (?:currently )?unavailable\b"),
    ("loading", r"^loading (?:tweet|video|post|comments|content|player|gallery)s?\s*(?:\.\.\.|…)?$"
                r"|^loading (?:\w+ ){0,2}comments\b"),
    ("shared by", r"^an? (?:post|photo|video|reel) shared by\b"),
    ("visit our", r"\bvisit our (?:website|site|homepage|web ?page)\b"),
    ("reading", r"^\d[\d,]* (?:people|readers|others) (?:are )?reading (?:this|now)\b"),
    ("follow", r"^follow [\w.'’ -]{2,40} on (?:twitter|x|facebook|instagram|telegram|threads|bluesky)\b"),
    # the outlet's channel offered to the reader: "Read urgent news about ... on the channel X on Telegram."
    ("telegram", r"^(?:read|follow|join|subscribe to)\b[^.]{0,150}\bon (?:the |our )?(?:channel [^.]{1,40} on )?telegram\b"),
    ("disclaimer", r"^disclaimer\s*:"),
    # the reader asked to correct the text, share it, or read more elsewhere; a wire's share in the report
    ("correction", r"\bto (?:suggest|report|request) a correction\b"), ("ctrl", r"\bctrl\s*\+\s*enter\b"),
    ("share this", r"\bshare this (?:post|article|story|page|video)\b"),
    ("a message from", r"^a message from (?:the )?[\w'’ ]{2,40}:?$"),
    ("contributed", r"\bcontributed (?:reporting|to (?:this|the) (?:report|article|story))\b"),
    ("read", r"\bread (?:our|the full|this|the) (?:article|story|report|piece|material|explainer)\b"
             r"(?: (?:on|at|in) [\w.'’ -]{2,40})?\.?$"),
    # the outlet introducing its own summary: "Here's what we know", "X has summarized what is known so far"
    ("know", r"^here(?:'s|’s| is) what we know\b|^[\w/.'’ -]{2,40} (?:has|have) (?:summari[sz]ed|compiled|gathered)"
             r" what (?:is|was) known\b"),
    # the site's footer links: "Terms of use. Privacy policy."
    ("privacy policy", r"\bterms of (?:use|service)\b.{0,40}\bprivacy policy\b|\bprivacy policy\b.{0,40}\bterms of (?:use|service)\b"),
    # a footnote on a name's legal status, as some states' media must print: "* Included in the register of foreign agents"
    ("*", r"^\*+\s*(?:included|recogni[sz]ed|designated|listed|declared|banned|outlawed)\b"
          r"|^\*+\s*[^*]{0,80}\b(?:foreign agents?|undesirable organi[sz]ation|(?:extremist|terrorist) (?:organi[sz]ation|group)"
          r"|(?:banned|prohibited|outlawed) in (?:the )?russia)\b"),
    ("having", r"\blet us know if you(?:'re| are) having (?:issues|problems|trouble) with (?:commenting|comments)\b"),
    ("accessed", r"\b(?:website|site) (?:can|may) (?:also )?be accessed (?:at|via|through)\b"),
    ("about the", r"^about the (?:author|writer)\b"), ("you are here", r"^you are here\s*:"),
    # the site's app and club offered to the reader, its affiliate note, its contacts for the story
    ("home", r"\badd (?:it )?to (?:your )?home ?screen\b"), ("install", r"^tap to install\b|\binstall (?:our|the) app\b"),
    ("faster", r"^get (?:the |our )?news faster\b"), ("steps", r"^in (?:two|three|\d) (?:easy|simple|quick) steps\s*:?$"),
    ("unlock", r"^unlock (?:exclusive|premium|full|unlimited)\b"),
    ("join", r"^join (?:the|our) [\w'’ -]{1,40}\b(?:club|membership)\b"),
    ("commission", r"\bwe (?:may )?(?:earn|receive) an? (?:small )?(?:affiliate )?commission\b"),
    ("to contact the", r"^to contact the (?:reporters?|editors?|authors?|writers?)\b"),
    ("by", r"^(?:story|text|report) by [\w.'’ -]{2,40}\.?$"),
))
# A syndication line naming the agency a page reprints: "Central News Agency of X via Island News Service (INS)".
SYNDICATION = re.compile(r"^[^.!?:]{0,60}\b(?:news )?(?:agency|service|wire)\b[^.!?:]{0,40}\bvia\b[^.!?:]{2,60}$"
                         r"|^[^.!?:]{2,60}\bvia\b[^.!?:]{0,40}\b(?:news )?(?:agency|service|wire)\b[^.!?:]{0,20}$", re.I)
# A date label opening a header line: "date 2023-02-05 Headline", "Published: 2022-04-08 Headline".
LEADING_DATE = re.compile(r"^(?:(?:date|published|updated|posted)\s*:?\s*)?(?:\d{4}-\d{2}(?:-\d{2})?"
                          r"|\d{1,2}/\d{1,2}/\d{2,4})\s+(?=\w)", re.I)
# A photo caption or credit: "Photo: AFP", "(AP Photo/...)", "Credit: PA", or a label in capitals
# before the caption's sentence ("WATER CANNON. A ship uses ...").
CAPTION = KeyedPattern.with_keys(
    r"(?:^|[\s(|])(?:photo|image|picture|file photo|video|credit|courtesy|photograph)(?: credit)?\s*"
    r"(?::|/|by\b)\s*\S|^image (?:source|caption),\s*\S|^(?:image |photo |picture )?caption\s*:\s*\S"
    # "Source: AFP", not a claim's source ("Source: X in an interview with Y", "Source: X at a council meeting")
    r"|^source\s*:\s*(?![^.]{0,80}\b(?:interview|statement|briefing|press conference|speech|address|told|said|says"
    r"|wrote|comments?|meeting|session|hearing|debate|summit)\b)\S",
    ("photo", "image", "picture", "video", "credit", "courtesy", "source", "caption"))
# "Source: the ministry's evening briefing", "Source: X, a source in the security service": the
# paper's line naming where a claim comes from (a lower-case word past the name), which keeps the
# claim's provenance; "Source: AFP", "Source: Rossa Primavera News Agency", "Source: X and agencies"
# credit a picture or a feed.
SOURCE_OF_CLAIM = re.compile(r"^(?i:source)\s*:\s*(?=\S)"
                             r"(?=[^.|]{0,80}?\s(?!(?:of|the|and|de|via|for|on|in|at|by|agencies)\b)[a-z][a-z’'-]{2,}\b)")
# A caption's opening words: "In this image taken from video, ...", "File photo of ...", "Pictured: ...",
# "This aerial photo taken on <date> shows ...", or the picture viewer's buttons glued before it ("Expand Close ...").
CAPTION_OPEN = re.compile(
    r"^(?:expand close \S|in this (?:[\w-]+ ){0,2}?(?:image|photo|picture|handout|video|file)|(?:an? )?file (?:photo|image|picture) "
    r"(?:of|shows)\b|this (?:[\w-]+ ){0,2}?(?:image|photo|picture) (?:taken|shot)\b|pictured\b"
    r"|this (?:[\w-]+ ){0,2}?(?:image|photo|picture|handout) (?:released|provided|obtained|distributed) by [^.]{1,80}\bshows\b"
    r"|(?:a )?screen ?(?:shot|grab) (?:from|of|taken from) (?:a |the )?(?:video|footage|broadcast|social media)"
    r"|(?:an? )?(?:general|aerial|drone|wide|close-up) view (?:of|shows)\b"
    r"|(?:an?|the) (?:still(?: image)?|screen ?grab|video grab)(?: taken)?(?: from [\w ]{1,30}?)? shows\b)", re.I)
# A picture agency's caption dateline, place and date in capitals before a colon: "HARBOUR CITY, NORTHLAND –
# MAY 3: The mayor speaks ...".  (A story's dateline has no dash between place and date, "NEW TOWN, MAY 3:",
# or puts the agency after the date, "NEW TOWN, May 3 (Agency) -".)
PICTURE_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*, [A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)* [–—-] "
    r"(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*\.? \d{1,2}(?:, \d{4})?: \S")
# Where people stand in the picture: "Jane Doe, centre, ...", "..., second left,", "(center)".
CAPTION_POSITION = KeyedPattern.with_keys(
    r",\s(?:(?:second|third|far|back|front|top|bottom)\s)?(?:left|right|centre|center)(?:\s(?:to|from)\s(?:left|right))?,"
    r"|\((?:(?:second|far)\s)?(?:left|right|centre|center)\)", ("left", "right", "centre", "center"))
# The same place written as a wire's letter after a name: "Jane Doe (R) leaves ...", "(2nd L)", "(L-R)".
CAPTION_POSITION_LETTER = re.compile(r"[A-Za-z.]\s\((?:\d(?:st|nd|rd|th)\s)?[LRC]\)|\((?:L-R|R-L|L to R|R to L)\)")
# What a picture shows, told in the present tense of caption-writing ("X speaks during a press
# conference ... on Jan. 8"): news prose tells dated events in the past tense.
_ACTIONS = ("speaks", "gestures", "looks on", "listens", "attend", "arrives", "greets", "delivers", "shakes hands",
            "smiles", "reacts", "gather", "drifts", "expresses", "inspects", "mourn", "pray", "stands", "seen", "shown",
            "treated", "pictured", "escorted", "carried", "stand guard")
CAPTION_ACTION = KeyedPattern.with_keys(
    r"(?<!\bwho )(?<!\bwhich )(?<!\bthat )(?<!\bto )(?<!\bnot )"
    r"\b(?:speaks|gestures|looks on|listens|attends?|arrives|greets|delivers|shakes hands|smiles|reacts"
    r"|gathers?|drifts|expresses|inspects|mourns?|prays?|stands|stand guard|(?:is|are) (?:seen|shown|treated|pictured"
    r"|escorted|carried))\b(?![-’'])", _ACTIONS, flags=0)
# A date a caption gives its picture: "on Jan. 8", "Feb. 4, 2023", "on Monday", "last Thursday".
CAPTION_DAY = KeyedPattern.with_keys(
    rf"\b{MONTH}\.?\s+\d{{1,2}}\b"
    rf"|\b\d{{1,2}}\s+{MONTH}\b"
    r"|\b(?:on|last)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\b",
    ("day", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))
CAPTION_LABEL = re.compile(r"^[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+)*\. [A-Z]")
TRAILER = re.compile(
    r"^\(?(?:read (?:the )?(?:full|more|original|whole)\b.*|continue reading\b.*|click here\b.*"
    r"|share (?:this|on)\b.*|subscribe\b.*|sign up\b.*|follow us\b.*|download (?:our|the) app\b.*)$",
    re.I,
)
NAV_LABEL = re.compile(
    r"^(?:most (?:popular|read|viewed)|load more|see (?:all|more)\b.*|related(?: articles| stories| posts| news)?"
    r"|newsletters?|advertisement|close|menu|share|comments?|trending(?: now)?|top stories|more from\b.*"
    r"|link copied|copy link|short (?:link|url)\s*:?|loading(?:\.\.\.|…)?|please wait(?:\.\.\.|…)?|like this|like loading(?:\.\.\.|…)?"
    r"|search(?: for)?|(?:share|print|e-?mail)(?: it| this)?|suggest (?:it |this )?to a friend|(?:adjust |change )?font size"
    r"|follow(?: this)? topics?|related topics|no comments\.?|\d+ (?:thoughts?|responses?|replies) (?:on|to)\b.*"
    r"|(?:updated|published|posted) (?:at|on)|sort(?: by)?|no (?:stories|results|articles|posts) found\.?"
    r"|close (?:this )?(?:search )?(?:box|window|menu)\.?"   # a line of one control (its colon stripped)
    r"|related (?:materials|content|links|videos)"
    r"|recommended|sponsored|you may also like|previous|next|skip to content|back to top"
    r"|key (?:developments|points|events)|latest developments|live updates|you might also like"
    r"|privacy policy|terms of (?:use|service)|contact us|about us|(?:tags|topics|filed under)\s*:.*)$",
    re.I,
)
# A heading of the box of other stories below an article ("Most popular", "Latest stories", "Comments (3)").
OTHER_STORIES = re.compile(
    r"^(?:most (?:popular|read|viewed|shared)|latest(?: stories| news| articles)?|must read|more (?:stories|news)"
    r"|more from\b.*|related(?: articles| stories| posts| news| readings?)?|you may also like|recommended(?: for you)?"
    r"|you (?:may|might) also (?:like|be interested in|want to read)|(?:we )?recommend(?:ed)? for you"
    r"|top stories|trending(?: now)?|editor'?s picks?|in other news|don'?t miss|comments?(?: \(\d+\))?"
    r"|check also|see also|also read|read also|read more|more on this(?: story)?|related coverage"
    r"|\d+ comments?)$", re.I)
# A caption describing its picture: "... is seen in this still image taken from video Tuesday".
CAPTION_PHRASE = KeyedPattern.with_keys(
    r"\b(?:is|are|was|were) (?:seen|pictured|shown|photographed) (?:in|on) (?:this|a|the) (?:[\w-]+ ){0,3}?"
    r"(?:image|photo|photograph|picture|video|handout|screen ?grab|still|footage)\b"
    r"|\b(?:image|photo|picture|screen ?grab|footage|still) (?:taken|released|obtained|provided|grabbed) from\b"
    r"|\bin this (?:[\w-]+ ){0,2}?(?:image|photo|picture|slide|handout|video|file) (?:provided|released|taken|obtained)"
    r" by\b"
    # a picture's alt text: "A damaged building and vehicles are shown."
    r"|^[^.!?“”\"]{3,80}\b(?:is|are) (?:shown|pictured)\.?$",
    ("seen", "pictured", "shown", "photographed", "from", "in this"))
# The outlet's line naming its source: "This is reported by Outlet with reference to Agency".
SOURCE_LINE = re.compile(r"^(?:this (?:is|was) )?reported by\s+\S+(?:\s+\S+){0,3}?\s+(?:with reference to|citing"
                         r"|referring to)\s+\S", re.I)
# A credit closing a caption or standing after its last sentence: "Picture by Jane Doe, PA Wire",
# "PHOTO: FILE", "Credit: PA", "REUTERS/Jane Doe", "Pic for representation", "Representational image".
# A full stop that closes an initial or a rank in a credit's name ("Jane C. Doe", "Master Sgt. Doe"), not a sentence.
_INITIAL = r"(?-i:(?<=\b[A-Z])\.|(?<=\b[A-Z][a-z])\.|(?<=\b[A-Z][a-z]{2})\.)"
_AGENCIES = r"AFP|AP|Reuters|UPI|ANI|PTI|IANS|TASS|Xinhua|dpa|EFE|EPA|PA(?: Wire)?|Getty(?: Images)?"
CREDIT = re.compile(
    r"(?:photo|image|picture|file photo|photograph|credit|courtesy)(?: credit)?\s*(?::|/|by\b)\s*(?:[^.!?]|" + _INITIAL + r"){1,60}"
    r"|\b(?:pic|photo|image|picture)s? (?:used )?for representation(?:al purposes?)?(?: only)?"
    r"|\brepresenta(?:tional|tive) (?:pic|photo|image|picture)s?\b"
    r"|\b(?:" + _AGENCIES + r")/[A-Z][^.!?]{1,40}", re.I)
# Credits of other forms that close a caption after its last sentence: a parenthesised credit
# ("(Jane Doe/Bay Wire)", "(Bay News photo by Jane Doe)", "[Ministry via Agency]", "[Wire Photo]"), a picture agency's line
# ("-/AFP via Getty Images"), or a source pair of names ("Rescue Team/Twitter").  The pattern's
# text: it is matched only at a caption's end (captions), compiled there once.
CREDIT_TAIL = (
    r"\((?:[^()]{0,40}\b(?i:photo|image|picture|file|courtesy|credit|handout)\b[^()]{0,80}"
    r"|(?:[^()/.!?]|" + _INITIAL + r"){2,60}/[^()!?]{2,60}|(?:" + _AGENCIES + r")\s*:\s*[^()!?]{2,60})\)"
    r"|\[(?:[^\[\]]{0,60}\b(?i:via|photo|image|picture|file|courtesy|credit|handout)\b[^\[\]]{0,60}"
    r"|[^\[\]/.!?]{2,40}/[^\[\]!?]{2,60})\]"
    r"|(?<!\w)[-–—/\s]*(?:(?:[\w.]+ ){0,2}[\w.]+/)?(?:[\w.]+ ){0,3}via (?:Getty Images|" + _AGENCIES + r")"
    r"|(?<![\w.])[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3} ?/ ?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}"
    # an agency alone in brackets closing a caption without its full stop: "... over the sea [Reuters]"
    r"|(?<![.!?”\"’]\s)\[(?:" + _AGENCIES + r"|Anadolu|Al Jazeera)\]"   # (after a full stop, a wire's paragraph tag)
    # the credit as a source: "... in the capital. Source: AFP"
    r"|(?<=[.!?] )Source: (?:" + _AGENCIES + r")"
    # the copyright sign before the picture's owner: "... in the harbour © Jane Doe"
    r"|©\s*[A-Z][^©.!?]{1,40}")
# An agency's sign-off ("... - Reuters"): a caption's credit when the text dates its picture,
# the end of a wire story otherwise.
AGENCY_SIGNOFF = re.compile(r"[-–—/]\s*(?:" + _AGENCIES + r")\s*$")
# A breadcrumb trail (use with .match): "Home > World > ", "Home » News » " (the last segment is the page's headline).
BREADCRUMB = re.compile(r"(?:home ?page|home)\s*(?:[>»›|/]\s*[^>»›|/]{1,40}?\s*)*[>»›|/]\s*(?=\S)", re.I)
# A date anywhere in a line: "June 16, 2020", "16 June 2020", "2020-06-16", "16/06/2020".
DATE_ANYWHERE = re.compile(
    rf"\b(?:\d{{1,2}}\s+)?{MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\b\d{{1,2}},?\s+{MONTH}\.?,?\s+\d{{4}}"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b",
    re.I,
)
# A date in another language's month names (a page's dateline left in its own language).
FOREIGN_DATE = re.compile(
    r"\b\d{1,2}\.?\s+(?:de\s+)?(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre"
    r"|novembre|décembre|decembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre"
    r"|diciembre|januar|februar|märz|juni|juli|oktober|dezember|gennaio|febbraio|aprile|maggio|giugno|luglio"
    r"|settembre|ottobre|dicembre|ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık"
    r"|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
    r"\s+(?:de\s+)?\d{4}", re.I)
# A caption dated at its end, after a comma: "A ferry lists after ..., Mar. 3, 2025."
# (news prose dates an event with "on" and its weekday: "..., on Tuesday, Dec. 9, 2008."; only a
# picture's description ends on its bare date).
# A full date, month first ("Mar. 3, 2025") or day first ("3 March 2025"), for patterns anchored at a line's end.
FULL_DATE_MONTH_FIRST = MONTH + r"\.?\s+\d{1,2},?\s+\d{4}"
FULL_DATE_DAY_FIRST = r"\d{1,2}\s+" + MONTH + r"\.?,?\s+\d{4}"
CAPTION_DATED_END = re.compile(
    rf"(?<!day),\s+(?:{FULL_DATE_MONTH_FIRST}|{FULL_DATE_DAY_FIRST})\.\s*$", re.I)
# A source alone in parentheses after a caption's last sentence: "... where the ferry ran aground. (Coast
# Guard Command)", "... off the cape. (Xinhua)", "(File)": a body that hands out pictures, or an agency
# (an outlet's tag, "(CNN News Article)", closes prose too).
NAMED_CREDIT = re.compile(r"[.!?][\"”’]?\s*\((?:the )?(?P<name>[A-Z][\w.'’&-]*(?:\s(?:of|for|and|the|[A-Z][\w.'’&-]*)){0,6})\)$")
CREDIT_SOURCES = frozenset("""department ministry agency office service command navy army force forces guard
police handout pool file afp ap reuters upi ani pti ians tass xinhua dpa efe epa getty screengrab screenshot""".split())
# A credit line alone under its picture: "Regional Task Force / release", "Coast Guard/Handout",
# "(Harbour Navy/Petty Officer 2nd Class Jane Doe)".
# Or the courtesy alone: "Photo courtesy of the Coast Guard", "Courtesy of X".
CREDIT_LINE = re.compile(r"^[^/.!?]{2,80}\s?/\s?(?:release|handout|file|pool|supplied|courtesy)$"
                         r"|^\((?:[A-Z][\w.'’-]*\s?){1,4}/\s?(?:[A-Z0-9][\w.'’-]*\s?){1,8}\)$"
                         r"|^(?:(?:file )?(?:photo|image|picture|video)s?\s+)?courtesy\s+(?:of\s+)?[^.!?]{2,60}$", re.I)
# A link to a recording: "(Audio AIFF or WAV sound)", "(QuickTime, Real or Windows Media)", "Watch the interview".
MEDIA_LINK = re.compile(r"\((?:audio|video)\b[^()]{0,40}\)\s*$|^\(?(?:quicktime|realplayer|windows media)\b", re.I)
WATCH_LINK = re.compile(r"^(?:watch|listen to) (?:the|our|this|a|an|live|now|video|more)\b", re.I)
# An embedded social-media post: its picture link, and the signature under its text ("— Name (@handle) date").
POST_LINK = re.compile(r"\bpic\.twitter\.com/\w")
POST_SIGNATURE = re.compile(r"^[—–-]\s*[^()\n]{1,60}\(@\w{1,30}\)")
