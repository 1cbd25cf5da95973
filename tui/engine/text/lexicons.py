"""General word lists for attribution and dispute detection.

Everything here is ordinary English news vocabulary or a world gazetteer:
reporting verbs, denial and negation words, contrast cues, and countries with
their demonyms and capitals.  No names of people or of any one story's actors
belong here; those live in a corpus's case file.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# Inflected forms of verbs that introduce what someone asserts.  Plain plural
# forms ("analysts note") are included; bare "claim"/"report" are not, since
# they are mostly nouns.
REPORTING_VERBS = frozenset("""
said says say stated states told tells claimed claims denied denies deny described describes
reported reports asserted asserts accused accuses warned warns warn suggested suggests insisted
insists insist confirmed confirms framed frames emphasized emphasised emphasizes emphasises
emphasize noted notes note added adds indicated indicates remarked remarks explained explains
announced announces argued argues argue acknowledged acknowledges admitted admits maintained
maintains contended contends contend alleged alleges rejected rejects dismissed dismisses
refuted refutes disputed disputes detailed details stressed stresses cautioned cautions declared
declares elaborated elaborate characterized characterised wrote writes tweeted posted responded
replied countered protested condemned condemns blamed blames mentioned outlined urged urges vowed
pledged predicted estimated disclosed revealed insisted assured assures threatened threatens
called calls demanded demands reads read reiterated reiterates underlined underlines informed informs
believes believed believe slammed slams lambasted lambasts criticised criticized criticises criticizes
denounced denounces commented claim labeled labelled labels branded clarified clarifies confessed
""".split())

# The words that make a line a claim wherever it stands on a page (the cleaner never drops it as
# furniture): the reporting verbs, less those a page's furniture uses in other senses ("Read more",
# "Editor's note", "Posted May 25", "More details", "the alleged spy") or that name an act as often
# as speech ("Navy Threatens War", "a threatened species"), plus the verbs of headlines ("X slams
# Y", "X vows ...", "X complained ...", an act told in the outlet's voice: "X rams Y", "X shoots
# down Y", "X and Y collide", a cause: "Blast caused by Y", and a belief told with its clause:
# "Minister worried that Y ...") and "according to".  One list with REPORTING_VERBS, not a second copy.
NOT_CLAIMS_ALONE = frozenset("read reads note notes posted details detailed alleged threatened threatens commented claim"
                             .split())
HEADLINE_CLAIM_WORDS = frozenset("""vows regrets defends proves reveals rams rammed hits shoots
downs downed bumped bumps collided collides collide complained complains""".split()) | {"according to", "caused by"} | {
    f"{verb} that" for verb in "worried fears feared suspects suspected concerned convinced".split()}
CLAIM_WORDS = (REPORTING_VERBS - NOT_CLAIMS_ALONE) | HEADLINE_CLAIM_WORDS

# Participles of reporting verbs ("..., saying X"): they frame a claim, never name it.
REPORTING_PARTICIPLES = frozenset("""
saying adding noting claiming insisting stressing telling describing accusing arguing warning
stating explaining asserting alleging calling suggesting emphasizing emphasising
""".split())

# Multi-word reporting phrases; the first word is matched like a verb.
REPORTING_PHRASES = (
    r"pushed back", r"push back", r"pushes back", r"ruled out", r"rules out",
    r"declined to", r"called for", r"calls for", r"made clear", r"left open",
    r"pointed out", r"points out", r"point out", r"called on", r"calls on", r"is calling on",
    r"is convinced", r"was convinced", r"are convinced",
    r"brushed off", r"brushes off", r"shrugged off", r"rule out",
    # an answer, only with what it answers ("hit back that ..."): "hit back" alone is a strike
    r"hit back that", r"hits back that", r"fired back that", r"fires back that", r"shot back that",
)

# A statement delivered as a noun: "offered a different explanation".
SPEECH_ACT = (
    r"(?:offered|gave|issued|released|provided|put forward|published)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:explanation|account|version|statement|warning|assurance|denial|response|assessment|"
    r"readout|briefing|communiqu[eé]|release|video|footage|image|photo|photograph|audio|recording)s?\b"
)

# Verbs by which one side rejects the other's claim; such a sentence belongs
# to the rejecting side.
REJECTION_VERBS = frozenset("""
denied denies deny rejected rejects reject dismissed dismisses dismiss refuted refutes refute
disputed disputes dispute contradicted contradicts countered counters
""".split()) | {"pushed back", "push back", "pushes back", "brushed off", "brushes off", "shrugged off"}

# Subjects that refer back to the last speaker of the article.
PRONOUNS = frozenset("he she it they we him her them".split())   # the last three as "quoted him as saying"
# Nouns that can head a speaker phrase without a name ("the ministry", "officials").
SPEAKER_NOUNS = frozenset("""
official officials spokesman spokeswoman spokesperson spokespeople ministry minister office
statement statements government military army navy command embassy department agency source
sources analyst analysts observer observers expert experts diplomat diplomats side president
secretary general chairman commander leader leaders authorities administration kremlin
pentagon council committee media newspaper outlet report readout communique commentary officer officers
ambassador envoy premier chief staff forces spokespeople representative representatives
service guard spox aide aides adviser advisers advisor advisors head director governor mayor
chairwoman chairperson commission force
""".split())
# Speaker phrases whose side must come from the previous speaker.
GENERIC_HEADS = frozenset("""
statement statements ministry office source sources official officials side spokesman
spokeswoman spokesperson readout communique commentary release
""".split())
# The roles a person is named by ("Defence Minister X", "said military spokesman X", "Russia's
# ambassador to Malaysia, X"): a name that follows one is a person's, speaking in that role.
PERSON_ROLES = frozenset("""
officer counterpart minister official spokesman spokeswoman spokesperson general chief diplomat envoy
ambassador president secretary commander leader admiral pilot captain director adviser advisor head
governor premier aide mayor representative chairman chairwoman chairperson
""".split())
PERSON_ROLE_PATTERN = "|".join(sorted(PERSON_ROLES))   # the roles as one regex alternation
PERSON_ROLE = re.compile(rf"\b(?:{PERSON_ROLE_PATTERN})\b", re.I)   # a role anywhere in a phrase
# Heads of a speaker phrase that names a role, not a person ("the ambassador",
# "the foreign ministry", "the country's defence minister"): who it is comes
# from an earlier speaker in the article, or the case file, with that role.
ROLE_HEADS = frozenset("""
ambassador envoy minister ministry president premier spokesman spokeswoman spokesperson commander
chief general admiral secretary diplomat embassy government administration navy army military
service guard office department agency council committee command leader chancellor head director governor mayor
""".split())
# The last words of a body's or a role's name, which no person's surname is ("National Defence
# Commission", "External Affairs Minister"): the speaker nouns, the role heads and more.
BODY_HEADS = SPEAKER_NOUNS | ROLE_HEADS | frozenset("""
commission bureau authority directorate assembly parliament senate congress court institute
centre center headquarters coalition alliance organisation organization group police coastguard
""".split())
# Words that open an adverbial or connective phrase, not a subject.
LEADING_NOISE = frozenset("""
but and yet however meanwhile although though even while whereas so also still then earlier later as
""".split())
ADVERBIAL_OPENERS = frozenset("""
on in at after before despite since during earlier later asked most last when while as by
for following amid over under according however meanwhile but and yet
back separately of elsewhere overnight today yesterday tonight speaking from with without
""".split())
AUXILIARIES = frozenset("""
has have had also further later repeatedly since already strongly previously earlier not did does
do would will could may might had been publicly again firmly flatly sharply quickly immediately
initially separately then too once twice first neither either outright
""".split())
PASSIVE = frozenset("was were been is are being be".split())

# Words of hostility (a regular expression, case-insensitive): a party that names another in
# such a sentence speaks against it.  "Lie" is hostile as a falsehood, not as a place or a
# posture ("the bodies lying in the street", "the island lies off the coast").
HOSTILE = (r"(?i)\b(?:accus\w*|condemn\w*|blam\w*|denounc\w*|criticis\w*|criticiz\w*|"
           r"sanction\w*|hijack\w*|violat\w*|illegal\w*|aggress\w*|provocat\w*|provok\w*|"
           r"(?:lie|lies|lying)(?!\s+(?:in|on|at|near|off|within|along|across|around|beside|between|under|"
           r"below|beneath|outside|inside|next|dead|low|idle|ahead|behind|beyond|flat|wounded|injured|\d))|false\w*|groundless|baseless|unfounded|deni\w*|deny|reject\w*|"
           r"dismiss\w*|unacceptable|not acceptable|untenable|exaggerat\w*|unilateral\w*|breach\w*|"
           r"debunk\w*|outrage\w*|reckless|irresponsible|hostile|piracy|terror\w*|"
           r"demand\w*|must|genocid\w*|barbar\w*|atrocit\w*|massacre\w*|war crimes?|vicious|brutal\w*)\b")
# What every word of HOSTILE holds, in lower case: a text whose lower case holds none of them is
# not hostile (`placement._hostile` scans only the others with the long pattern; a test keeps
# the two lists together).
HOSTILE_KEYS = ("accus", "condemn", "blam", "denounc", "critici", "sanction", "hijack", "violat", "illegal",
                "aggress", "provoca", "provok", "lie", "lying", "false", "groundless", "baseless", "unfounded",
                "deni", "deny", "reject", "dismiss", "acceptable", "untenable", "exaggerat", "unilateral",
                "breach", "debunk", "outrage", "reckless", "irresponsible", "hostile", "piracy", "terror",
                "demand", "must", "genocid", "barbar", "atrocit", "massacre", "war crime", "vicious", "brutal")

# The narrower words of one party answering another (denying, rejecting, accusing it): side
# inference weighs what a party says about another in them double.  Demands, sanctions and
# "must" are left out: third states say them of a side they do not oppose.
ANSWERING = (r"(?i)\b(?:accus\w*|blam\w*|deni\w*|deny|reject\w*|dismiss\w*|condemn\w*|"
             r"provocat\w*|lie|lies|false\w*|groundless|baseless|fabricat\w*|violat\w*|absurd\w*|"
             r"preposterous|nonsense|ridiculous|disinformation|propaganda|slander\w*|smear\w*)\b")

# Labels a page sets over a section ("Background:", "Details:"): they name no speaker.
SECTION_LABELS = ("background", "context", "details", "timeline", "recap", "summary", "explainer", "analysis", "quote")
# Labels that call the claim after them false ("Fake: X shelled the school").
DEBUNK_LABELS = ("fake", "myth", "hoax", "disinformation")
# The press as a speaker ("Israeli media reported", "state television said"): a regular expression.
PRESS = r"media|press|newspapers?|papers?|outlets?|television|tv|broadcasters?|websites?|radio|channels?"

WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = frozenset("""january february march april may june july august september october november
december jan feb mar apr jun jul aug sep sept oct nov dec""".split())

# Words that signal that one account contradicts another.
DENIAL = frozenset("""
denied denies deny denial rejected rejects reject dismissed dismisses refuted refutes disputed
disputes contradicted contradicts false falsely baseless unfounded untrue lie lies fabricated
countered pushed
""".split())
NEGATION = frozenset("""
no not never neither nor none nothing without n't didn’t didn't don't doesn't wasn't weren't
isn't aren't cannot
""".split())
CONTRAST = (
    r"(?:a|an)\s+(?:different|contrasting|conflicting|opposing|alternative)\s+"
    r"(?:explanation|account|version|narrative|picture|story)",
    r"contrary to", r"on the other hand", r"disputed", r"contradict\w*", r"pushed back",
)
# Contrast words that count only when they open a sentence or clause.
CONTRAST_OPENERS = (r"however", r"but", r"yet", r"instead", r"whereas", r"by contrast", r"in contrast")
HEDGES = frozenset("""
claim claims claimed alleged allegedly purported purportedly reportedly supposedly so-called
""".split())
# General antonym pairs that make two accounts incompatible.
ANTONYMS = (
    ("international", "national"), ("international", "territorial"), ("international", "sovereign"),
    ("international", "state"), ("intentional", "accidental"), ("intentional", "unintentional"),
    ("dangerous", "routine"), ("dangerous", "safe"), ("aggressive", "routine"),
    ("aggressive", "professional"), ("reckless", "routine"), ("unsafe", "safe"),
    ("unprofessional", "professional"), ("legal", "illegal"), ("lawful", "unlawful"),
    ("provoke", "defensive"), ("deliberate", "accidental"), ("attack", "accident"),
    ("violated", "international"), ("intruded", "international"), ("inside", "outside"),
    ("territorial", "neutral"), ("violated", "neutral"),
    ("hostile", "usual"), ("hostile", "normal"), ("hostile", "routine"), ("unusual", "usual"),
    ("abnormal", "normal"), ("suspicious", "normal"), ("suspicious", "usual"),
    # what the object was: a military or spying craft against a civilian one
    ("military", "civilian"), ("spy", "civilian"), ("spy", "research"), ("spy", "weather"),
    ("surveillance", "civilian"), ("surveillance", "research"), ("surveillance", "weather"),
    ("intelligence", "research"), ("intelligence", "civilian"), ("reconnaissance", "civilian"),
    ("espionage", "research"), ("military", "humanitarian"), ("military", "commercial"),
    ("weapons", "humanitarian"), ("weapons", "supplies"), ("warship", "fishing"),
    ("deliberate", "mistake"), ("intentional", "mistake"),
)

class Country(NamedTuple):
    """A state (or a party, below) as news names it."""

    name: str                     # canonical name
    id: str                       # short id, used as a side's id
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str                  # "" where none stands for it


def _people(name: str, id: str, names: tuple[str, ...], demonyms: tuple[str, ...], capital: str) -> Country:
    """A country whose demonyms that name a person are also read in the plural ("the Greeks
    said", "Malaysians"); those that are adjectives only ("British", "Chinese", "Polish",
    "Dutch", "Swiss") take no s."""
    plurals = (d + "s" for d in demonyms if not d.endswith(("ese", "sh", "ch", "ss", "s")))
    return Country(name, id, names, tuple(dict.fromkeys((*demonyms, *plurals))), capital)


# Countries: (canonical name, short id, names, demonyms, capital).  A small
# gazetteer so sides can be inferred from speakers without a case file; the
# names include seats of government that news uses for the state (the Kremlin,
# the White House, Downing Street).
COUNTRIES: tuple[Country, ...] = tuple(_people(*c) for c in (
    ("United States", "us", ("United States", "U.S.", "US", "USA", "America", "U.S.A.", "White House",
                             "Pentagon", "State Department"),
     ("American", "Americans"), "Washington"),
    ("Russia", "ru", ("Russia", "Russian Federation", "Kremlin"), ("Russian", "Russians"), "Moscow"),
    ("China", "cn", ("China", "People's Republic of China", "PRC", "PLA", "People's Liberation Army"), ("Chinese",), "Beijing"),
    ("Iran", "ir", ("Iran", "Islamic Republic", "IRGC"), ("Iranian", "Iranians"), "Tehran"),
    ("Ukraine", "ua", ("Ukraine", "Kiev"), ("Ukrainian", "Ukrainians"), "Kyiv"),
    ("United Kingdom", "uk", ("United Kingdom", "Britain", "UK", "U.K.", "Downing Street", "Whitehall"),
     ("British", "Britons"), "London"),
    ("France", "fr", ("France",), ("French",), "Paris"),
    ("Germany", "de", ("Germany",), ("German", "Germans"), "Berlin"),
    ("Israel", "il", ("Israel",), ("Israeli", "Israelis"), "Jerusalem"),
    ("Turkey", "tr", ("Turkey", "Türkiye"), ("Turkish", "Turks"), "Ankara"),
    ("Syria", "sy", ("Syria",), ("Syrian", "Syrians"), "Damascus"),
    ("India", "in", ("India",), ("Indian",), "New Delhi"),
    ("Pakistan", "pk", ("Pakistan",), ("Pakistani",), "Islamabad"),
    ("Japan", "jp", ("Japan",), ("Japanese",), "Tokyo"),
    ("North Korea", "kp", ("North Korea", "DPRK", "N. Korea", "N.Korea", "KPA", "Korean People's Army"), ("North Korean",), "Pyongyang"),
    ("South Korea", "kr", ("South Korea", "S. Korea", "S.Korea"), ("South Korean",), "Seoul"),
    ("Taiwan", "tw", ("Taiwan",), ("Taiwanese",), "Taipei"),
    ("Greece", "gr", ("Greece", "Hellenic Republic"), ("Greek", "Hellenic"), "Athens"),
    ("Poland", "pl", ("Poland",), ("Polish",), "Warsaw"),
    ("Belarus", "by", ("Belarus",), ("Belarusian",), "Minsk"),
    ("Georgia", "ge", ("Georgia",), ("Georgian",), "Tbilisi"),
    ("Armenia", "am", ("Armenia",), ("Armenian", "Armenians"), "Yerevan"),
    ("Azerbaijan", "az", ("Azerbaijan",), ("Azerbaijani",), "Baku"),
    ("Saudi Arabia", "sa", ("Saudi Arabia",), ("Saudi", "Saudis"), "Riyadh"),
    ("Iraq", "iq", ("Iraq",), ("Iraqi", "Iraqis"), "Baghdad"),
    ("Egypt", "eg", ("Egypt",), ("Egyptian",), "Cairo"),
    ("Venezuela", "ve", ("Venezuela",), ("Venezuelan", "Venezuelans"), "Caracas"),
    ("Philippines", "ph", ("Philippines",), ("Philippine", "Filipino"), "Manila"),
    ("Vietnam", "vn", ("Vietnam",), ("Vietnamese",), "Hanoi"),
    ("Canada", "ca", ("Canada",), ("Canadian",), "Ottawa"),
    ("Australia", "au", ("Australia",), ("Australian",), "Canberra"),
    ("Serbia", "rs", ("Serbia",), ("Serbian", "Serb", "Serbs"), "Belgrade"),
    ("Kosovo", "xk", ("Kosovo",), ("Kosovar",), "Pristina"),
    ("Ethiopia", "et", ("Ethiopia",), ("Ethiopian",), "Addis Ababa"),
    ("Sudan", "sd", ("Sudan",), ("Sudanese",), "Khartoum"),
    ("Lebanon", "lb", ("Lebanon",), ("Lebanese",), "Beirut"),
    ("Qatar", "qa", ("Qatar",), ("Qatari",), "Doha"),
    ("Cuba", "cu", ("Cuba",), ("Cuban",), "Havana"),
    ("Mexico", "mx", ("Mexico",), ("Mexican",), "Mexico City"),
    ("Colombia", "co", ("Colombia",), ("Colombian",), "Bogota"),
    ("Palestine", "ps", ("Palestine", "Palestinian Authority", "State of Palestine", "Gaza"), ("Palestinian", "Palestinians"),
     "Ramallah"),
    ("Netherlands", "nl", ("Netherlands", "Holland"), ("Dutch",), "The Hague"),
    ("Lithuania", "lt", ("Lithuania",), ("Lithuanian",), "Vilnius"),
    ("Latvia", "lv", ("Latvia",), ("Latvian",), "Riga"),
    ("Estonia", "ee", ("Estonia",), ("Estonian",), "Tallinn"),
    ("Finland", "fi", ("Finland",), ("Finnish", "Finns"), "Helsinki"),
    ("Sweden", "se", ("Sweden",), ("Swedish", "Swedes"), "Stockholm"),
    ("Norway", "no", ("Norway",), ("Norwegian",), "Oslo"),
    ("Denmark", "dk", ("Denmark",), ("Danish", "Danes"), "Copenhagen"),
    ("Romania", "ro", ("Romania",), ("Romanian",), "Bucharest"),
    ("Moldova", "md", ("Moldova",), ("Moldovan",), "Chisinau"),
    ("Hungary", "hu", ("Hungary",), ("Hungarian",), "Budapest"),
    ("Italy", "it", ("Italy",), ("Italian",), "Rome"),
    ("Spain", "es", ("Spain",), ("Spanish", "Spaniards"), "Madrid"),
    ("Cyprus", "cy", ("Cyprus",), ("Cypriot",), "Nicosia"),
    ("Jordan", "jo", ("Jordan",), ("Jordanian",), "Amman"),
    ("Yemen", "ye", ("Yemen",), ("Yemeni",), "Sanaa"),
    ("United Arab Emirates", "ae", ("United Arab Emirates", "UAE"), ("Emirati",), "Abu Dhabi"),
    ("Kuwait", "kw", ("Kuwait",), ("Kuwaiti",), "Kuwait City"),
    ("Bahrain", "bh", ("Bahrain",), ("Bahraini",), "Manama"),
    ("Oman", "om", ("Oman",), ("Omani",), "Muscat"),
    ("Libya", "ly", ("Libya",), ("Libyan",), "Tripoli"),
    ("Algeria", "dz", ("Algeria",), ("Algerian",), "Algiers"),
    ("Morocco", "ma", ("Morocco",), ("Moroccan",), "Rabat"),
    ("Afghanistan", "af", ("Afghanistan",), ("Afghan",), "Kabul"),
    ("Bangladesh", "bd", ("Bangladesh",), ("Bangladeshi",), "Dhaka"),
    ("Myanmar", "mm", ("Myanmar", "Burma"), ("Burmese",), "Naypyidaw"),
    ("Thailand", "th", ("Thailand",), ("Thai",), "Bangkok"),
    ("Cambodia", "kh", ("Cambodia",), ("Cambodian",), "Phnom Penh"),
    ("Malaysia", "my", ("Malaysia",), ("Malaysian",), "Kuala Lumpur"),
    ("Indonesia", "id", ("Indonesia",), ("Indonesian",), "Jakarta"),
    ("Kazakhstan", "kz", ("Kazakhstan",), ("Kazakh",), "Astana"),
    ("Nigeria", "ng", ("Nigeria",), ("Nigerian",), "Abuja"),
    ("Rwanda", "rw", ("Rwanda",), ("Rwandan",), "Kigali"),
    ("Congo", "cd", ("Democratic Republic of the Congo", "DR Congo", "DRC", "Congo"), ("Congolese",), "Kinshasa"),
    ("Eritrea", "er", ("Eritrea",), ("Eritrean",), "Asmara"),
    ("Somalia", "so", ("Somalia",), ("Somali",), "Mogadishu"),
    ("Kenya", "ke", ("Kenya",), ("Kenyan",), "Nairobi"),
    ("Mali", "ml", ("Mali",), ("Malian",), "Bamako"),
    ("Brazil", "br", ("Brazil",), ("Brazilian",), "Brasilia"),
    ("Argentina", "ar", ("Argentina",), ("Argentine", "Argentinian"), "Buenos Aires"),
    ("Chile", "cl", ("Chile",), ("Chilean",), "Santiago"),
    ("Peru", "pe", ("Peru",), ("Peruvian",), "Lima"),
    ("Bolivia", "bo", ("Bolivia",), ("Bolivian",), "La Paz"),
    ("Nicaragua", "ni", ("Nicaragua",), ("Nicaraguan",), "Managua"),
    ("Bhutan", "bt", ("Bhutan",), ("Bhutanese",), "Thimphu"),
    ("Nepal", "np", ("Nepal",), ("Nepali", "Nepalese"), "Kathmandu"),
    ("Sri Lanka", "lk", ("Sri Lanka",), ("Sri Lankan",), "Colombo"),
    ("Mongolia", "mn", ("Mongolia",), ("Mongolian",), "Ulaanbaatar"),
    ("Singapore", "sg", ("Singapore",), ("Singaporean",), ""),
    ("New Zealand", "nz", ("New Zealand",), (), "Wellington"),
    ("South Africa", "za", ("South Africa",), ("South African",), "Pretoria"),
    ("Switzerland", "ch", ("Switzerland",), ("Swiss",), "Bern"),
    ("Austria", "at", ("Austria",), ("Austrian",), "Vienna"),
    ("Belgium", "be", ("Belgium",), ("Belgian",), ""),
    ("Portugal", "pt", ("Portugal",), ("Portuguese",), "Lisbon"),
    ("Ireland", "ie", ("Ireland",), ("Irish",), "Dublin"),
    ("Czech Republic", "cz", ("Czech Republic", "Czechia"), ("Czech",), "Prague"),
    ("Slovakia", "sk", ("Slovakia",), ("Slovak",), "Bratislava"),
    ("Bulgaria", "bg", ("Bulgaria",), ("Bulgarian",), "Sofia"),
    ("Croatia", "hr", ("Croatia",), ("Croatian",), "Zagreb"),
    ("Bosnia and Herzegovina", "ba", ("Bosnia and Herzegovina", "Bosnia"), ("Bosnian",), "Sarajevo"),
    ("Montenegro", "me", ("Montenegro",), ("Montenegrin",), "Podgorica"),
    ("Albania", "al", ("Albania",), ("Albanian",), "Tirana"),
    ("North Macedonia", "mk", ("North Macedonia",), ("Macedonian",), "Skopje"),
    ("Tunisia", "tn", ("Tunisia",), ("Tunisian",), "Tunis"),
    ("Tajikistan", "tj", ("Tajikistan",), ("Tajik",), "Dushanbe"),
    ("Kyrgyzstan", "kg", ("Kyrgyzstan",), ("Kyrgyz",), "Bishkek"),
    ("Uzbekistan", "uz", ("Uzbekistan",), ("Uzbek",), "Tashkent"),
    ("Turkmenistan", "tm", ("Turkmenistan",), ("Turkmen",), "Ashgabat"),
    ("Laos", "la", ("Laos",), ("Lao", "Laotian"), "Vientiane"),
    # The rest of the world's states, so that zero-config can name either side of any
    # two-state dispute (capitals that are common words, "Malé", "Victoria", are left out).
    ("Guyana", "gy", ("Guyana",), ("Guyanese",), "Georgetown"),
    ("Suriname", "sr", ("Suriname",), ("Surinamese",), "Paramaribo"),
    ("Ecuador", "ec", ("Ecuador",), ("Ecuadorian", "Ecuadorean"), "Quito"),
    ("Paraguay", "py", ("Paraguay",), ("Paraguayan",), "Asuncion"),
    ("Uruguay", "uy", ("Uruguay",), ("Uruguayan",), "Montevideo"),
    ("Panama", "pa", ("Panama",), ("Panamanian",), "Panama City"),
    ("Costa Rica", "cr", ("Costa Rica",), ("Costa Rican",), "San Jose"),
    ("Honduras", "hn", ("Honduras",), ("Honduran",), "Tegucigalpa"),
    ("El Salvador", "sv", ("El Salvador",), ("Salvadoran", "Salvadorean"), "San Salvador"),
    ("Guatemala", "gt", ("Guatemala",), ("Guatemalan",), "Guatemala City"),
    ("Belize", "bz", ("Belize",), ("Belizean",), "Belmopan"),
    ("Haiti", "ht", ("Haiti",), ("Haitian",), "Port-au-Prince"),
    ("Dominican Republic", "do", ("Dominican Republic",), (), "Santo Domingo"),
    ("Jamaica", "jm", ("Jamaica",), ("Jamaican",), "Kingston"),
    ("Trinidad and Tobago", "tt", ("Trinidad and Tobago", "Trinidad"), ("Trinidadian",), "Port of Spain"),
    ("Barbados", "bb", ("Barbados",), ("Barbadian",), "Bridgetown"),
    ("Bahamas", "bs", ("Bahamas",), ("Bahamian",), "Nassau"),
    ("Iceland", "is", ("Iceland",), ("Icelandic",), "Reykjavik"),
    ("Luxembourg", "lu", ("Luxembourg",), (), ""),
    ("Malta", "mt", ("Malta",), ("Maltese",), "Valletta"),
    ("Slovenia", "si", ("Slovenia",), ("Slovenian",), "Ljubljana"),
    ("Vatican", "va", ("Vatican", "Holy See"), (), ""),
    ("Brunei", "bn", ("Brunei",), ("Bruneian",), "Bandar Seri Begawan"),
    ("Timor-Leste", "tl", ("Timor-Leste", "East Timor"), ("Timorese",), "Dili"),
    ("Maldives", "mv", ("Maldives",), ("Maldivian",), ""),
    ("Papua New Guinea", "pg", ("Papua New Guinea",), (), "Port Moresby"),
    ("Fiji", "fj", ("Fiji",), ("Fijian",), "Suva"),
    ("Solomon Islands", "sb", ("Solomon Islands",), (), "Honiara"),
    ("Vanuatu", "vu", ("Vanuatu",), (), "Port Vila"),
    ("Samoa", "ws", ("Samoa",), ("Samoan",), "Apia"),
    ("Tonga", "to", ("Tonga",), ("Tongan",), ""),
    ("Palau", "pw", ("Palau",), ("Palauan",), "Ngerulmud"),
    ("Niger", "ne", ("Niger",), ("Nigerien",), "Niamey"),
    ("Chad", "td", ("Chad",), ("Chadian",), "N'Djamena"),
    ("Burkina Faso", "bf", ("Burkina Faso",), ("Burkinabe",), "Ouagadougou"),
    ("Cameroon", "cm", ("Cameroon",), ("Cameroonian",), "Yaounde"),
    ("Ghana", "gh", ("Ghana",), ("Ghanaian",), "Accra"),
    ("Ivory Coast", "ci", ("Ivory Coast", "Cote d'Ivoire"), ("Ivorian",), "Yamoussoukro"),
    ("Senegal", "sn", ("Senegal",), ("Senegalese",), "Dakar"),
    ("Guinea", "gn", ("Guinea",), ("Guinean",), "Conakry"),
    ("Guinea-Bissau", "gw", ("Guinea-Bissau",), (), "Bissau"),
    ("Sierra Leone", "sl", ("Sierra Leone",), ("Sierra Leonean",), "Freetown"),
    ("Liberia", "lr", ("Liberia",), ("Liberian",), "Monrovia"),
    ("Togo", "tg", ("Togo",), ("Togolese",), "Lome"),
    ("Benin", "bj", ("Benin",), ("Beninese",), "Porto-Novo"),
    ("Gabon", "ga", ("Gabon",), ("Gabonese",), "Libreville"),
    ("Equatorial Guinea", "gq", ("Equatorial Guinea",), (), "Malabo"),
    ("Republic of the Congo", "cg", ("Republic of the Congo", "Congo-Brazzaville"), (), "Brazzaville"),
    ("Central African Republic", "cf", ("Central African Republic",), (), "Bangui"),
    ("South Sudan", "ss", ("South Sudan",), ("South Sudanese",), "Juba"),
    ("Uganda", "ug", ("Uganda",), ("Ugandan",), "Kampala"),
    ("Tanzania", "tz", ("Tanzania",), ("Tanzanian",), "Dodoma"),
    ("Burundi", "bi", ("Burundi",), ("Burundian",), "Gitega"),
    ("Mozambique", "mz", ("Mozambique",), ("Mozambican",), "Maputo"),
    ("Zambia", "zm", ("Zambia",), ("Zambian",), "Lusaka"),
    ("Zimbabwe", "zw", ("Zimbabwe",), ("Zimbabwean",), "Harare"),
    ("Malawi", "mw", ("Malawi",), ("Malawian",), "Lilongwe"),
    ("Madagascar", "mg", ("Madagascar",), ("Malagasy",), "Antananarivo"),
    ("Angola", "ao", ("Angola",), ("Angolan",), "Luanda"),
    ("Namibia", "na", ("Namibia",), ("Namibian",), "Windhoek"),
    ("Botswana", "bw", ("Botswana",), (), "Gaborone"),
    ("Lesotho", "ls", ("Lesotho",), (), "Maseru"),
    ("Eswatini", "sz", ("Eswatini", "Swaziland"), (), "Mbabane"),
    ("Djibouti", "dj", ("Djibouti",), ("Djiboutian",), ""),
    ("Mauritania", "mr", ("Mauritania",), ("Mauritanian",), "Nouakchott"),
    ("Gambia", "gm", ("Gambia",), ("Gambian",), "Banjul"),
    ("Cape Verde", "cv", ("Cape Verde", "Cabo Verde"), (), "Praia"),
    ("Comoros", "km", ("Comoros",), (), "Moroni"),
    ("Mauritius", "mu", ("Mauritius",), ("Mauritian",), "Port Louis"),
    ("Seychelles", "sc", ("Seychelles",), (), ""),
))
# Parties that are not states but take sides in such disputes: movements and
# blocs, with the names news gives them (same shape as COUNTRIES; no capital
# where none stands for them).
PARTIES: tuple[Country, ...] = tuple(Country(*c) for c in (
    ("Hamas", "hamas", ("Hamas",), (), ""),
    ("Hezbollah", "hezbollah", ("Hezbollah", "Hizbollah", "Hizballah"), (), ""),
    ("Houthis", "houthis", ("Houthis", "Houthi", "Ansar Allah", "Ansarallah"), (), ""),
    ("Taliban", "taliban", ("Taliban",), (), ""),
    ("Islamic Jihad", "pij", ("Islamic Jihad",), (), ""),
    ("European Union", "eu", ("European Union", "EU", "E.U."), ("European",), "Brussels"),
    ("NATO", "nato", ("NATO", "Nato", "North Atlantic Treaty Organization", "North Atlantic Alliance"), (), ""),
    # De facto states: they speak for themselves, often beside a patron state.
    ("Nagorno-Karabakh", "nk", ("Nagorno-Karabakh", "Artsakh", "Karabakh"), ("Karabakh",), "Stepanakert"),
    ("Transnistria", "pmr", ("Transnistria", "Pridnestrovie"), ("Transnistrian",), "Tiraspol"),
    ("Abkhazia", "abk", ("Abkhazia",), ("Abkhaz", "Abkhazian"), "Sukhumi"),
    ("South Ossetia", "sos", ("South Ossetia",), ("South Ossetian",), "Tskhinvali"),
    ("Donetsk People's Republic", "dpr", ("Donetsk People's Republic", "DPR", "DNR"), (), ""),
    ("Luhansk People's Republic", "lpr", ("Luhansk People's Republic", "Lugansk People's Republic", "LPR", "LNR"),
     (), ""),
    ("Northern Cyprus", "trnc", ("Northern Cyprus", "TRNC", "Turkish Republic of Northern Cyprus"), (), ""),
    ("Polisario Front", "polisario", ("Polisario Front", "Polisario", "Sahrawi Arab Democratic Republic"), (),
     ""),
))
# State news agencies and broadcasters, by the gazetteer id of the state that runs them: a
# page from one narrates in that state's terms even where its name names no country.
STATE_MEDIA = {
    "kp": ("KCNA", "Korean Central News Agency", "Rodong Sinmun", "Uriminzokkiri"),
    "cn": ("Xinhua", "People's Daily", "Global Times", "CGTN", "CCTV", "China Daily", "China.org.cn",
           "China News Service", "PLA Daily", "China Military Online"),
    "ru": ("TASS", "RIA Novosti", "Sputnik", "RT", "Rossiyskaya Gazeta", "Zvezda", "Channel One", "Rossiya 24"),
    "ir": ("IRNA", "Press TV", "PressTV", "Tasnim", "Fars News", "Mehr News", "IRIB", "Tehran Times"),
    "sy": ("SANA",),
    "tr": ("Anadolu", "TRT"),
    "by": ("BelTA",),
    "ua": ("Ukrinform",),
    "vn": ("Vietnam News Agency", "VNA"),
    "ph": ("Philippine News Agency",),
    "az": ("Azertac", "AZERTAC"),
    "am": ("Armenpress",),
    "rs": ("Tanjug",),
    "pk": ("Associated Press of Pakistan", "Radio Pakistan"),
    "sa": ("Saudi Press Agency",),
    "dz": ("Algérie Presse Service", "Algerie Presse Service", "APS", "ENTV"),
    "ma": ("Maghreb Arab Press",),
    "qa": ("Qatar News Agency",),
    "ae": ("Emirates News Agency",),
    "kw": ("Kuwait News Agency", "KUNA"),
    "iq": ("Iraqi News Agency",),
    "ps": ("WAFA",),
    "my": ("Bernama",),
    "id": ("Antara",),
    "kh": ("Agence Kampuchea Presse",),
    "kz": ("Kazinform",),
    "tj": ("Khovar",),
    "kg": ("Kabar",),
    "cu": ("Prensa Latina", "Granma"),
    "ve": ("Venezolana de Televisión", "VTV"),
    "in": ("Doordarshan", "All India Radio", "DD News"),
    "mm": ("Global New Light of Myanmar",),
    "et": ("Ethiopian News Agency",),
}
# Everything a side can be named after: states first, then other parties.
GAZETTEER = COUNTRIES + PARTIES
# Blocs and the gazetteer's states that belong to them: a bloc speaks with its
# members against a third party (the EU and Lithuania against Belarus).
BLOCS = {
    "eu": frozenset("fr de pl lt lv ee fi se dk ro hu it es cy nl gr".split()),
    "nato": frozenset("us uk fr de pl lt lv ee fi se dk ro hu it es nl gr tr no ca".split()),
}
# De facto states and the state that backs them: the patron's side speaks with them.
PATRONS = {"nk": "am", "dpr": "ru", "lpr": "ru", "abk": "ru", "sos": "ru", "pmr": "ru", "trnc": "tr",
           "polisario": "dz"}

# Movements and the state they hold ground in, which their own media names them by ("the Yemeni
# Armed Forces" in the Houthis' statements): when that state is no side of the corpus, its names
# speak for the movement's side.
HOMES = {"houthis": "ye", "hamas": "ps", "pij": "ps", "hezbollah": "lb", "taliban": "af"}

# Causal connectors.  Forward ones put the cause before and the outcome after
# ("X, resulting in its crash"); backward ones the outcome before and the cause
# after ("it was ditched after X").  "when" and a bare "by" are left out: they
# as often give the time or the means as the cause.
CAUSAL_FORWARD = (
    r"resulting in", r"resulted in", r"results in", r"culminat(?:ed|ing|es) in", r"led to",
    r"leading to", r"leads to", r"causing", r"which caused", r"forcing",
)
CAUSAL_BACKWARD = (
    r"after", r"because of", r"because", r"due to", r"owing to", r"as a result of", r"following",
    r"caused by", r"triggered by",
)
# Outcome words, each with the outcome it names, so "ditched", "crash" and
# "downed" are one outcome: the loss of the craft or vessel.
OUTCOMES = {
    **dict.fromkeys("""crash crashed crashes crashing ditched ditch ditching downed downing sank sunk sink
                    sinking shootdown loss lost destroyed destruction wrecked""".split(), "loss"),
    **dict.fromkeys("killed died death deaths dead fatalities".split(), "death"),
    **dict.fromkeys("injured injuries wounded".split(), "injury"),
}
# Multi-word outcomes, matched before single words.
OUTCOME_PHRASES = {r"shot down": "loss", r"brought down": "loss", r"fell into": "loss"}

# Acts one craft or force does to another, by kind: two sides' acts of one kind with
# swapped actors tell the same act two ways.
ACTS = {
    "contact": "ram rams rammed ramming collide collided collides colliding bump bumps bumped bumping "
               "strike strikes struck striking hit hits hitting crash crashed crashes veer veered veering "
               "swerve swerved swerving sideswiped cut",
    "fire": "fire fires fired firing shoot shoots shot shooting attack attacks attacked attacking shell "
            "shelled shelling bomb bombed bombing launch launched launching",
    "intrusion": "enter entered entering intrude intruded intruding violate violated violating cross "
                 "crossed crossing approach approached approaching",
    "pursuit": "block blocked blocking chase chased chasing harass harassed harassing intercept "
               "intercepted intercepting tail tailed tailing",
}
