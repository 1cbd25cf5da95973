"""Attribution rules, one news-writing form at a time, on small corpora written here."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import write
from tui.engine.analysis import analyse
from tui.engine.claims.attribution import attribute
from tui.engine.claims.speech import find_claims, speaker_phrases
from tui.engine.export.jsondoc import to_document
from tui.engine.text.loading import load_corpus
from tui.engine.model import Attribution, Corpus, Pair, Ref, SideFix
from tui.engine.claims.inference import infer_sides, learn_actors
from tui.engine.claims.sides import SideMatcher

CASE = """
[[sides]]
id = "a"
name = "Arland"
actors = [{ name = "Arland Foreign Ministry", aliases = ["the ministry", "Foreign Ministry"] },
          { name = "Maria Olsen", aliases = ["Olsen"] }, "US"]

[[sides]]
id = "b"
name = "Borovia"
actors = [{ name = "Ivan Petrov", aliases = ["Petrov"] }, "Borovia"]
"""


PROSE = ("The night began quietly in the harbour, where the patrol ship had been moored for a week "
         "while its crew waited for orders from the capital.\n\n")


def _corpus(tmp_path: Path, text: str, case: str = CASE) -> Corpus:
    """A one-article corpus; a prose paragraph first, so the cleaner keeps every line."""
    write(tmp_path, "a.txt", PROSE + text)
    if case:
        write(tmp_path, "reconcile.toml", case)
    return load_corpus(tmp_path)


def _who(corpus: Corpus, snippet: str) -> Attribution:
    attributions = attribute(corpus)
    for article in corpus.articles:
        for p in article.paragraphs:
            for s in p.sentences:
                if snippet in s.text:
                    return attributions[Ref(article.id, p.index, s.index)]
    raise AssertionError(snippet)


@pytest.mark.parametrize("sentence, speaker, side", [
    ("Olsen said the ship left port on time.", "Olsen", "a"),
    ("HARBOR CITY (Reuters) - Petrov said on Saturday the ship never left port.", "Petrov", "b"),
    ("In a statement issued on Sunday Petrov said the ship never left port.", "Petrov", "b"),
    ('On Sunday, Petrov labeled the boarding of the ship as an "act of piracy".', "Petrov", "b"),
    ("On Friday, Borovia released a video saying that the ship never left port.", "Borovia", "b"),
    ("The director of the Office for Borovia, Maria Olsen, said the ship left port on time.",
     "The director of the Office for Borovia, Maria Olsen", "a"),
    ("Petrov branded the boarding of the ship an act of piracy.", "Petrov", "b"),
    ("Olsen later clarified that the ship had left port on time.", "Olsen", "a"),
    ("Petrov confessed that the ship had been boarded by his men.", "Petrov", "b"),
    ("The ship left port on time, Olsen said.", "Olsen", "a"),
    ("“The ship left port on time,” said Petrov.", "Petrov", "b"),
    ("According to Petrov, the ship never left port.", "Petrov", "b"),
    ("Petrov continues to insist that the ship never left port, a news agency reported.", "Petrov", "b"),
    ("But Petrov, in his first comments on the night, insisted the ship never left port.", "Petrov", "b"),
    ("Maria Olsen told reporters that the ship left port on time.", "Maria Olsen", "a"),
    ("Foreign Minister Maria Olsen, speaking in the capital, insisted the ship was unarmed.",
     "Foreign Minister Maria Olsen", "a"),
    ("But the ministry has also denied that the ship was armed.", "the ministry", "a"),
    ("The plan was rejected by Petrov within hours.", "Petrov", "b"),
    ("The details were kept private, as mentioned by Olsen.", "Olsen", "a"),
    ("Borovia offered a different explanation.", "Borovia", "b"),
    ("Borovian officials said the ship was armed.", "Borovian officials", None),
    ("Analysts note that the ship was old.", "Analysts", None),
    ("Back home, the crew's captain, Maria Olsen, said the Borovian frigate had fired first.",
     "the crew's captain, Maria Olsen", "a"),
    ('But Petrov hit back that his crew had come to "help" the ship in distress.', "Petrov", "b"),
    ("The camp was far from the zone and the ministry said it used two small bombs.", "the ministry", "a"),
    # a news site's label before a quotation names its speaker, as 'X said: "..."' does
    ('Quote from Olsen: "The ship never left international waters."', "Olsen", "a"),
    ('Quote from Petrov in response to whether the crew was warned: "They were warned twice."', "Petrov", "b"),
    ('Statement by the Arland Foreign Ministry on the incident: "Our ship was in open water."',
     "the Arland Foreign Ministry", "a"),
    # the subject before a participle phrase between commas, whatever clause that phrase holds
    ("Borovia, commenting on a report that Arland had known of the plan, said on Monday it had no comment.",
     "Borovia", "b"),
    # 'said in a statement, "..."' is no inverted speaker ('..., said X,'): the subject before is
    ('Of the latest incident, Maria Olsen, the head of the navy, said in a statement, "One of the flares struck."',
     "Maria Olsen", "a"),
    # where it was said, between the speaker and the verb, is no part of the speaker
    ("Petrov in an interview with a radio station said the ship never left port.", "Petrov", "b"),
    ("Maria Olsen in a letter to the council on Friday wrote that the ship left port on time.", "Maria Olsen", "a"),
    ("The ministry at a press conference in the capital said the ship was unarmed.", "The ministry", "a"),
    ("Borovia and the Arland Foreign Ministry said the talks would resume.", "Borovia and the Arland Foreign Ministry", "b"),
    ("The Borovian navy hit back at the launch sites overnight.", None, None),
    # an inverted speaker whose title holds initials: "said the senior IDF official"
    ("“There was no provocation,” said the senior US official, explaining the strike.", "the senior US official", "a"),
    # a headline's speaker named after its closing colon; a country there is the topic
    ("The frigate was never in danger: Petrov", "Petrov", "b"),
    ("Three things to know about the clash: Borovia", None, None),
    # a long label before its quotation: "Israel's Communications Minister X: “...”"
    ("Borovia’s Deputy Defence Minister Ivan Petrov: “Anyone who claims the ship fired first is lying.”",
     "Borovia’s Deputy Defence Minister Ivan Petrov", "b"),
    ("Arland media sources, meanwhile, reported quoting Borovian command on the ground that the ship was armed.",
     "Arland media sources", None),
])
def test_forms(tmp_path: Path, sentence: str, speaker: str, side: str | None) -> None:
    who = _who(_corpus(tmp_path, sentence + "\n"), sentence[:20])
    assert who.speaker == speaker
    assert who.side == side


def test_demonyms_map_to_the_side_of_their_country(tmp_path: Path) -> None:
    case = CASE.replace('name = "Borovia"', 'name = "Russia"')
    who = _who(_corpus(tmp_path, "Russian officials said the ship was armed.\n", case), "Russian")
    assert who.side == "b"


@pytest.mark.parametrize("country, sentence", [
    ("South Korea", "S. Korea condemns the statement on the balloons."),   # headlines shorten North and South
    ("Ukraine", "Kiev initially reported that the plane carried missiles."),   # the older spelling of Kyiv
    ("China", "PLA Navy refutes reports of a radar lock."),   # a state's armed forces by their initials
])
def test_a_countrys_other_names_speak_for_it(tmp_path: Path, country: str, sentence: str) -> None:
    """The gazetteer knows a country by the other names news gives it: the speaker is the
    side named for that country."""
    case = CASE.replace('name = "Borovia"', f'name = "{country}"')
    who = _who(_corpus(tmp_path, sentence + "\n", case), sentence[:12])
    assert who.side == "b"


@pytest.mark.parametrize("text", [
    "The incident raised questions about safety at sea.",
    "He has come under pressure over his stated desire to improve relations.",
    "It was revealed that the ship had been armed.",
    "“Olsen said nothing,” the poster read in large letters across the wall.",
])
def test_narration_is_not_attributed(tmp_path: Path, text: str) -> None:
    who = _who(_corpus(tmp_path, text + "\n"), text[:15])
    assert who.side is None


def test_a_statement_named_after_a_sentence_about_one_side_is_the_speaker_befores(tmp_path: Path) -> None:
    """"Borovia continues to use fishing boats as shields, the statement read": the statement is
    the one the speaker before issued (Arland's ministry), not the sentence's subject's."""
    text = ("The Arland Foreign Ministry said the strike hit a radar post.\n\n"
            "Borovia continues to use fishing boats as shields, the statement read.\n")
    assert _who(_corpus(tmp_path, text), "fishing boats").side == "a"


def test_continuations_refer_back_to_the_last_speaker(tmp_path: Path) -> None:
    text = ("The Arland Foreign Ministry offered a different account of the night.\n\n"
            "It reported that the ship had stayed in port. “We have the logs. They are public.”\n\n"
            "“We will publish them,” he added.\n\n"
            "The ministry framed the incident as a provocation.\n")
    corpus = _corpus(tmp_path, text)
    for snippet in ("It reported", "We have the logs", "We will publish", "The ministry framed"):
        assert _who(corpus, snippet).side == "a", snippet


def test_a_quoted_question_is_the_speaker_whose_tag_follows_it(tmp_path: Path) -> None:
    """'“Does Ms. Olsen understand ...?” Petrov responded.': the splitter cuts the tag after the
    question mark, and the quotation opening the paragraph was carried from Olsen, quoted the
    paragraph before; the bare tag gives it back to Petrov."""
    text = ("Olsen said the strike was deliberate, calling it “an outrage.”\n\n"
            "“Does Ms. Olsen understand that a real strike would leave nothing standing?” Petrov responded. "
            "“Nobody would have survived.”\n")
    corpus = _corpus(tmp_path, text)
    assert (_who(corpus, "leave nothing standing").speaker, _who(corpus, "leave nothing standing").side) == (
        "Petrov", "b")
    assert _who(corpus, "the strike was deliberate").side == "a"


def test_the_countrys_body_is_the_country_its_sentence_names_before_it(tmp_path: Path) -> None:
    """'Ships of Borovia escorted the vessel, according to the country's defence ministry': the
    country is Borovia, and 'the ministry' quoted next is the same body."""
    text = ("Ships of Borovia escorted the survey vessel, according to the country’s defence ministry.\n\n"
            "“Protection is provided for the survey vessel,” the ministry said.\n")
    corpus = _corpus(tmp_path, text, CASE.replace('"the ministry", ', ""))
    assert _who(corpus, "Ships of Borovia escorted").side == "b"
    assert _who(corpus, "Protection is provided").side == "b"


def test_a_states_news_agency_speaks_for_its_state(tmp_path: Path) -> None:
    """'The state-run agency, IRNA, reported ...' is Iran's account, as 'Iranian officials said'
    would be; other press stays nobody's."""
    case = ('[[sides]]\nid = "ir"\nname = "Iran"\nactors = ["Iran"]\n\n'
            '[[sides]]\nid = "us"\nname = "United States"\nactors = ["United States"]\n')
    text = ("The state-run agency, IRNA, reported that rescuers had saved all the sailors.\n\n"
            "A local newspaper reported that two sailors were missing.\n")
    corpus = _corpus(tmp_path, text, case)
    assert _who(corpus, "saved all the sailors").side == "ir"
    assert _who(corpus, "two sailors were missing").side is None


def test_a_pronoun_is_not_read_as_a_name_later_in_its_sentence(tmp_path: Path) -> None:
    text = ("Petrov said the frigate stayed in port all night.\n\n"
            "He said the Arland side must bear full responsibility.\n\n"
            "Officials said the logs would be published.\n")
    corpus = _corpus(tmp_path, text)
    assert _who(corpus, "full responsibility").side == "b"
    assert _who(corpus, "logs would be").side == "b"


def test_rejection_belongs_to_the_rejecting_side(tmp_path: Path) -> None:
    text = "Olsen pushed back against Petrov's claim that the ship fired first.\n"
    assert _who(_corpus(tmp_path, text), "pushed back").side == "a"


def test_a_denial_after_the_main_claim_leaves_the_sentence_to_it(tmp_path: Path) -> None:
    """'Petrov accused X, a claim rejected by Olsen', 'Olsen said X, hours after Petrov
    rejected Y': the sentence tells the first speaker's claim; the denial answers it."""
    text = "Petrov accused Arland of lying, a claim that was flatly rejected by Olsen.\n"
    assert _who(_corpus(tmp_path, text), "accused").side == "b"
    text = "Olsen said on Friday the ship was unarmed, hours after Petrov rejected the report.\n"
    assert _who(_corpus(tmp_path, text), "hours after").speaker == "Olsen"


def test_newspaper_reporting_an_official_source_goes_to_the_source(tmp_path: Path) -> None:
    text = "The Gazette reported that, according to Olsen, the ship was unarmed.\n"
    who = _who(_corpus(tmp_path, text), "Gazette")
    assert (who.speaker, who.side) == ("Olsen", "a")


def test_acronyms_match_case_sensitively() -> None:
    matcher = SideMatcher(load_corpus_sides())
    assert matcher.match("US officials")[0] == "a"
    assert matcher.match("they told us") is None


def load_corpus_sides():
    from tui.engine.text.casefile import _build
    import tomllib
    return _build(tomllib.loads(CASE), Path("x"), CASE).sides


def test_speaker_span_points_into_the_source_across_hard_wraps(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, "The ship, which had left the harbour before dawn, was said to be\n"
                               "unarmed and carrying only its crew of forty, Foreign Minister\n"
                               "Maria Olsen said on Tuesday in the capital.\n")
    who = _who(corpus, "unarmed")
    source = corpus.articles[0].source_text
    start, end = who.speaker_span
    assert source[start:end] == "Foreign Minister\nMaria Olsen"
    assert who.speaker == "Foreign Minister Maria Olsen"


def test_verbs_inside_quotes_are_not_attributions() -> None:
    assert [c.speaker for c in find_claims("“As I said, Olsen denied it,” Petrov said.")] == ["Petrov"]


def test_pairs_lend_their_side_marked_inferred(tmp_path: Path) -> None:
    write(tmp_path, "b.txt", PROSE + "Olsen said the ship left port at dawn under escort.\n")
    corpus = _corpus(tmp_path, "The ship left port at dawn under escort.\n")
    pair = Pair(Ref("a.txt", 1, 0), Ref("b.txt", 1, 0), 90.0)
    who = attribute(corpus, [pair])[Ref("a.txt", 1, 0)]
    assert (who.side, who.inferred) == ("a", True)
    low = Pair(Ref("a.txt", 1, 0), Ref("b.txt", 1, 0), 20.0)
    assert attribute(corpus, [low])[Ref("a.txt", 1, 0)].side is None


def test_fixes_apply_last_by_speaker_then_by_sentence(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, "Olsen said the ship left.\n\nOlsen said it came back.\n")
    fixes = [SideFix("b", speaker="olsen"), SideFix(None, ref=Ref("a.txt", 2, 0))]
    out = attribute(corpus, (), fixes)
    assert out[Ref("a.txt", 1, 0)].side == "b"
    assert out[Ref("a.txt", 2, 0)].side is None
    whole = attribute(corpus, (), [SideFix("b", ref=Ref("a.txt", 2))])
    assert whole[Ref("a.txt", 2, 0)].side == "b" and whole[Ref("a.txt", 1, 0)].side == "a"


HORMUZ = Path(__file__).resolve().parent / "corpora" / "hormuz"


def test_without_a_case_file_sides_are_inferred(tmp_path: Path) -> None:
    folder = tmp_path / "hormuz"
    shutil.copytree(HORMUZ, folder, ignore=shutil.ignore_patterns("*.toml"))
    corpus = load_corpus(folder)
    assert corpus.sides == ()
    sides = infer_sides(corpus)
    assert {s.name for s in sides} == {"Iran", "United States"}
    assert all(s.inferred for s in sides)
    analysis = analyse(corpus)
    assert {s.id for s in analysis.corpus.sides} == {"ir", "us"}
    doc = to_document(analysis)
    assert all(s["inferred"] for s in doc["corpus"]["sides"])
    sides_found = {who.side for who in analysis.attributions.values()}
    assert {"ir", "us"} <= sides_found


def test_export_carries_side_and_speaker(seeds: Corpus) -> None:
    doc = to_document(analyse(seeds))
    sentences = [s for a in doc["articles"] for p in a["paragraphs"] for s in p["sentences"]]
    said = [s for s in sentences if s["speaker"]]
    assert len(said) > 50
    assert {s["side"] for s in said} >= {"us", "ru", None}


# Forms found on real coverage (issue 10, class 5), in sentences written here.
@pytest.mark.parametrize("sentence, speaker, side", [
    ("“The frigate never left port,” - said Petrov.", "Petrov", "b"),
    ("“The ship was unarmed” – reads the statement of Arland Foreign Ministry.",
     "the statement of Arland Foreign Ministry", "a"),
    ("The frigate returned to base, reported the press service of Borovia.",
     "the press service of Borovia", "b"),
    ("Its envoy to Borovia, Maria Olsen, said the ship was unarmed.", "Its envoy to Borovia, Maria Olsen", "a"),
    # a headline's "..., says X": X speaks, not the clause before the comma
    ("Arland forces destroy the airbase, says Borovia spox", "Borovia spox", "b"),
    # a modal makes a clause, not a speaker; "X warned to ..." is X being warned
    ("Borovia must report about details of its air defence on that day.", None, None),
    ("Borovia warned to withdraw its troops from the plateau", None, None),
    # coordinated verbs: the clause's subject speaks ("X commented on Y and said that ...")
    ("Standoff: Borovia's Petrov weighed in on the plateau and said that Arland admitted entering it.",
     "Borovia", "b"),
    ("The Arland Foreign Ministry underlined that the boundary was agreed in 2012.",
     "The Arland Foreign Ministry", "a"),
    # an official text named as the speaker: a commentary, a news release
    ("“We reject the accusations,” states the commentary of the Arland Foreign Ministry regarding the raid.",
     "the commentary of the Arland Foreign Ministry", "a"),
    ("Borovia's military issued a news release saying the raid had failed.", "Borovia's military", "b"),
])
def test_real_coverage_forms(tmp_path: Path, sentence: str, speaker: str, side: str | None) -> None:
    who = _who(_corpus(tmp_path, sentence + "\n"), sentence[:20])
    assert (who.speaker, who.side) == (speaker, side)


def test_a_sentence_that_points_back_attributes_the_quote_before_it(tmp_path: Path) -> None:
    text = ("The Borovian frigate fired two warning shots across the bow of the vessel.\n\n"
            "“The crew ignored every signal we sent them.” This was stated by Petrov on Monday.\n")
    corpus = _corpus(tmp_path, text)
    assert _who(corpus, "ignored every signal").side == "b"
    before = _who(corpus, "warning shots")   # narration: at most the article's voice, never Petrov's
    assert before.speaker is None and (before.side is None or before.inferred)


def test_a_quote_paragraph_continues_the_speaker_introduced_with_a_colon(tmp_path: Path) -> None:
    text = ("Petrov told a briefing in the capital:\n\n"
            "“The ship entered our waters without any notice and ignored the patrol.”\n\n"
            "The vessel later sailed north toward the strait.\n")
    corpus = _corpus(tmp_path, text)
    assert _who(corpus, "without any notice").side == "b"
    after = _who(corpus, "sailed north")   # narration: at most the article's voice, never Petrov's words
    assert after.speaker is None and (after.side is None or after.inferred)


def test_a_role_without_a_name_takes_the_side_of_the_last_speaker_with_that_role(tmp_path: Path) -> None:
    case = CASE.replace('"US"]', '"US", "Arland ambassador Jon Berg"]')
    text = ("Borovian ambassador Ivan Petrov said the frigate stayed in port.\n\n"
            "Olsen said the frigate had fired first.\n\n"
            "The ambassador added that the logs would prove it.\n")
    assert _who(_corpus(tmp_path, text, case), "The ambassador added").side == "b"
    text = "Olsen said the frigate had fired first.\n\nThe ambassador said the logs would prove it.\n"
    assert _who(_corpus(tmp_path, text, case), "The ambassador said").side == "a"


def test_sentences_run_together_are_split_and_attributed_each(tmp_path: Path) -> None:
    text = "Petrov said the frigate stayed in port.Olsen said the frigate had fired first.\n"
    corpus = _corpus(tmp_path, text)
    assert _who(corpus, "Petrov said").side == "b"
    assert _who(corpus, "Olsen said").side == "a"


def test_a_press_conference_transcript_gives_each_answer_its_speaker(tmp_path: Path) -> None:
    text = ("Reporter: Olsen said the frigate rammed the boat. What is your comment?\n\n"
            "Ivan Petrov: The boat entered our waters without notice. The crew ignored every signal.\n\n"
            "Q: Will you release the crew?\n\n"
            "A: The crew will be released once the investigation ends.\n")
    corpus = _corpus(tmp_path, text)
    assert _who(corpus, "rammed the boat").side == "a"   # the question reports Olsen
    for snippet in ("entered our waters", "ignored every signal", "will be released"):
        assert (_who(corpus, snippet).speaker, _who(corpus, snippet).side) == ("Ivan Petrov", "b"), snippet
    assert _who(corpus, "Will you release").side is None


def test_an_accusation_names_its_object_not_its_speaker(tmp_path: Path) -> None:
    who = _who(_corpus(tmp_path, "Petrov, in turn, accused Arland of lying about the collision.\n"), "accused")
    assert (who.speaker, who.side) == ("Petrov", "b")


def test_a_long_paragraph_without_full_stops_costs_linear_time():
    """Issue 15 #33: each verb searched the whole paragraph before it (56 KB took 25 s)."""
    import time

    from tui.engine.claims.speech import find_claims

    unit = "officials said the ship moved and the minister said the drone fell and he told reporters that "

    def cost(repeats: int) -> float:   # CPU time: other processes on a loaded machine do not count
        started = time.process_time()
        find_claims(unit * repeats)
        return time.process_time() - started

    cost(50)  # warm the regex cache
    # the best of three: a shared machine's pause must not read as quadratic time
    small, large = min(cost(150) for _ in range(3)), min(cost(600) for _ in range(3))
    assert large < 8 * small, (small, large)   # linear: ~4x; quadratic: ~16x


def test_he_said_colon_is_not_a_dateline(tmp_path: Path) -> None:
    """"He said: The Arland authorities ..." is the last speaker's speech: the side named after
    the colon is not the sentence's subject (the colon made it look like "NEW DELHI: ...")."""
    corpus = _corpus(tmp_path, "Harbor City, June 9 -- Petrov, addressing the conference, said that "
                               "the charges were invented.\n\n"
                               "He said: The Arland Foreign Ministry has tied the case to Borovia from the outset without evidence.\n")
    assert _who(corpus, "He said").side == "b"
    assert _who(corpus, "Harbor City").speaker == "Petrov"


def test_an_official_of_a_body_placed_before_speaks_for_its_side(tmp_path: Path) -> None:
    """"Coast guard spokesman X" after "the Borovia coast guard said": the body the article placed
    gives its side to the official it introduces, and to the surname after."""
    corpus = _corpus(tmp_path, "The Borovia coast guard said the trawler was rammed near the cape.\n\n"
                               "Coast guard spokesman Tomas Berg said the patrol boat ignored three warnings.\n\n"
                               "Berg said the crew was safe.\n")
    assert _who(corpus, "Coast guard spokesman").side == "b"
    assert _who(corpus, "Berg said the crew").side == "b"


def test_a_straight_quote_that_closes_an_earlier_quotation_names_its_speaker_after_it(tmp_path: Path) -> None:
    """'... in any way", said Petrov.' closes a quotation opened sentences before: the
    straight quote closes (it follows a word), so Petrov is the speaker, not quoted text."""
    claims = find_claims('The harbour was not involved in any way", said Petrov.')
    assert [c.speaker for c in claims] == ["Petrov"]


def test_a_quotation_over_several_paragraphs_is_its_closing_speakers(tmp_path: Path) -> None:
    """A quotation opened in one paragraph and closed two paragraphs later with 'said
    Petrov' is Petrov's throughout, though its middle names no one."""
    corpus = _corpus(tmp_path, '"We did not fire first. The patrol ship was far away.\n\n'
                     "Three of our sailors were hurt by the blast.\n\n"
                     'The harbour was not involved in any way", said Petrov.\n')
    assert _who(corpus, "Three of our sailors").speaker == "Petrov"
    assert _who(corpus, "We did not fire first").side == "b"


def test_a_nationality_before_a_noun_that_spells_a_verb_is_no_speaker() -> None:
    """'rival Dutch and Russian claims focus on ...' is a headline about claims: "Russian"
    is the adjective of "claims", not a speaker; "A Russian claims ..." still speaks."""
    assert find_claims("Crash report: rival Dutch and Russian claims focus on missile fragments") == []
    assert [c.speaker for c in find_claims("A Russian claims he saw the jet.")] == ["A Russian"]


@pytest.mark.parametrize("sentence, speakers", [
    ("Foreign Minister Melanie Joly announced that the diplomats had left.",
     ["Foreign Minister Melanie Joly"]),   # a capitalised -ly word is a name, not an adverb
    ("Olsen said the ship was unarmed, hours after Petrov rejected the report.",
     ["Olsen", "Petrov"]),                 # "after" opens a clause: its subject is Petrov alone
    ("The Borovian side believes that the wreckage came from an old missile.", ["The Borovian side"]),
    ("President Olsen is convinced that the missile was not theirs.", ["President Olsen"]),
    ("The military point out that the speculation is groundless.", ["The military"]),
    ('"It was an old missile," Ivan Petrov, an adviser to the maker, said Tuesday during a briefing.',
     ["Ivan Petrov"]),                     # a weekday after "said" is no inverted speaker
    ("Crews accused the navy of firing first, a charge Borovia denies.",
     ["Crews", "Borovia"]),                # what the verb answers, set before its subject, is not the speaker
    ("“They will not stop,” President Anna Berg commented on the attack.", ["President Anna Berg"]),
    ("Survivors claim that the patrol boat pulled the trawler.", ["Survivors"]),   # the plural's present
    ("The claims are rejected by the coast guard and the ministry, who claim no rope was used.",
     ["the coast guard and the ministry"] * 2),   # a passive's agent is what "who" refers to
    ("Borovia's claim that the drone crashed was false.", []),   # "claim" as a noun speaks for no one
    ("The wreck was found at sea, which contradicts the Borovian claim that it sank in port.", []),
])
def test_speaker_phrases_end_and_start_where_names_do(sentence: str, speakers: list[str]) -> None:
    assert [c.speaker for c in find_claims(sentence)] == speakers


def test_a_role_in_an_actors_name_is_no_surname() -> None:
    """An actor called "External Affairs Minister" does not make "Prime Minister X" that
    side's: "Minister" is a role, not a surname."""
    from tui.engine.model import Actor, Side
    sides = (Side("a", "Arland", (Actor("Anna Berg"),)),
             Side("b", "Borovia", (Actor("Ivan Petrov", ("External Affairs Minister",)),)))
    assert SideMatcher(sides).match("Prime Minister Anna Berg")[0] == "a"


def test_a_speaker_label_before_a_colon_speaks_the_next_paragraph(tmp_path: Path) -> None:
    """'Ivan Petrov, official spokesman of the ministry:' on a line of its own, then his
    statement in the next paragraph without a verb of saying: the statement is Petrov's."""
    corpus = _corpus(tmp_path, "Ivan Petrov, official spokesman of the ministry:\n\n"
                     "The strikes were carried out only on targets far from the border.\n")
    who = _who(corpus, "far from the border")
    assert (who.speaker, who.side) == ("Ivan Petrov, official spokesman of the ministry", "b")


def test_when_is_not_part_of_who_speaks() -> None:
    """"Minister Olsen on Thursday told ...", "Borovia earlier this week alleged ...",
    "Last week the navy said ...": the day is when, not who (one person, one surname)."""
    speakers = [c.speaker for t in ("Foreign Minister Maria Olsen on Thursday told the assembly it was false.",
                                    "Borovia earlier this week alleged that the ship had crossed.",
                                    "Last week the navy said the ship was damaged.",
                                    "The Foreign Ministry (MFA) on Wednesday (Feb. 14) condemned the raid.")
                for c in find_claims(t)]
    assert speakers == ["Foreign Minister Maria Olsen", "Borovia", "the navy", "The Foreign Ministry (MFA)"]


@pytest.mark.parametrize("dateline, side", [("", "a"), ("BOROVIA: ", None)])
def test_a_story_filed_from_the_other_sides_capital_does_not_speak_for_the_side_it_quotes(
        tmp_path: Path, dateline: str, side: str | None) -> None:
    """An article that quotes one side's officials narrates in that side's voice, unless its
    dateline puts it in the other side's place: there it quotes them, it is not theirs."""
    write(tmp_path, "a.txt", dateline + "Two soldiers were killed near the border on Monday night, "
          "and the fighting went on until dawn in the hills above the river.\n\n"
          "Olsen said the troops had fired first across the line.\n\n"
          "The Foreign Ministry said the raid had been lawful and necessary.\n\n"
          "Olsen said the operation would go on as long as it was needed.\n")
    write(tmp_path, "reconcile.toml", CASE)
    assert _who(load_corpus(tmp_path), "Two soldiers").side == side


def test_a_third_countrys_un_ambassador_who_denounces_one_side_once_speaks_for_the_other(
        tmp_path: Path) -> None:
    """"British U.N. Ambassador Jane Smith" is Britain's official, not the UN's; one hostile
    sentence of a titled official against Borovia places her with Arland (inferred)."""
    corpus = _corpus(tmp_path, "British U.N. Ambassador Jane Smith denied Britain was in any way involved.\n\n"
                               "“This is a blatant lie from the Borovia propaganda machine,” Smith told reporters.\n")
    who = _who(corpus, "blatant lie")
    assert (who.speaker, who.side, who.inferred) == ("Smith", "a", True)


def test_slammed_and_criticised_report_unless_something_slams_into_something() -> None:
    """"X slammed the rumours that ..." is X's claim; "a shell slammed into the school" is an act."""
    assert [(c.speaker, c.verb) for c in find_claims(
        "Petrov, quoted by local media, slammed the “absurd rumours” that a missile hit the plane.")] == \
        [("Petrov", "slammed")]
    assert [c.verb for c in find_claims("A shell slammed into the school, Olsen said.")] == ["said"]
    assert [c.speaker for c in find_claims("Olsen criticised the decision to sail.")] == ["Olsen"]


def test_a_person_named_by_one_word_keeps_the_side_given_in_full(tmp_path: Path) -> None:
    """"South Korean President Park Min-jun" is the South's; "Park told reporters" later is
    the same person (family name first), not the voice of an article that mostly quotes the North."""
    case = ('[[sides]]\nid = "kr"\nname = "South Korea"\nactors = []\n\n'
            '[[sides]]\nid = "kp"\nname = "North Korea"\nactors = []\n')
    corpus = _corpus(tmp_path, "North Korea's defence commission said the report was a fabrication.\n\n"
                               "Pyongyang said it would send inspectors to check the claim.\n\n"
                               "North Korea's navy said its vessels had been in port all week.\n\n"
                               "South Korean President Park Min-jun said the ship was sunk by a torpedo.\n\n"
                               "“We will take firm measures,” Park told reporters.\n", case)
    assert _who(corpus, "firm measures").side == "kr"


@pytest.mark.parametrize("inferred, side", [(False, "b"), (True, None)])
def test_a_role_comes_from_the_actors_a_user_named_not_from_bodies_learned_from_the_text(
        inferred: bool, side: str | None) -> None:
    """"the army" is Borovia's when the user lists the Borovian Liberation Army; a body that
    zero-config learned from the text makes no role (in Arland's own papers "the army" is Arland's)."""
    from tui.engine.model import Actor, Side
    matcher = SideMatcher((Side("a", "Arland", (Actor("Maria Olsen"),), inferred),
                           Side("b", "Borovia", (Actor("Liberation Army"),), inferred)))
    assert matcher.role_side("army") == side


def test_a_headline_that_names_its_speaker_first_is_that_speakers() -> None:
    """"Foreign Ministry: the ship never entered the zone" is the ministry's claim; a label
    ("Explainer: ...") names no speaker."""
    assert [(c.speaker, c.verb) for c in find_claims("Foreign Ministry: the ship never entered the zone")] == \
        [("Foreign Ministry", ":")]
    assert find_claims("Explainer: why the strait matters to every side") == []


def test_an_office_named_for_what_it_deals_with_is_not_that_places(tmp_path: Path) -> None:
    """"A spokeswoman for the Taiwan Affairs Office" speaks for the government that runs the
    office, not for Taiwan: neither the matcher nor zero-config learning gives her Taiwan."""
    from tui.engine.claims.inference import infer_sides
    from tui.engine.model import Side
    matcher = SideMatcher((Side("tw", "Taiwan"), Side("cn", "China")))
    assert matcher.match("Lin Mei, a spokeswoman for the Taiwan Affairs Office of the State Council") is None
    assert matcher.match("Taiwan's coast guard")[0] == "tw"
    write(tmp_path, "a.txt", PROSE + "Lin Mei, a spokeswoman for the Taiwan Affairs Office, said Taiwan "
          "had treated the fishermen brutally.\n\nTaiwan Coast Guard chief Chen Hao said China's boat "
          "had refused inspection.\n\nChinese Foreign Ministry spokesman Wang Bo said China condemned "
          "the brutal treatment.\n")
    sides = {s.id: [n for a in s.actors for n in a.names] for s in infer_sides(load_corpus(tmp_path))}
    assert not any("Lin" in n for n in sides.get("tw", []))


@pytest.mark.parametrize("speaker, side", [("Russian media", None), ("Russian state media", "b")])
def test_a_countrys_press_is_not_its_government(tmp_path: Path, speaker: str, side: str | None) -> None:
    """"Russian media reported ..." is the press's report, not Russia's claim; a state's own
    media ("Russian state media") speak for it."""
    case = CASE.replace('name = "Borovia"', 'name = "Russia"')
    who = _who(_corpus(tmp_path, f"{speaker} reported that the ship never left port.\n", case), "never left")
    assert (who.speaker, who.side) == (speaker, side)


def test_a_circumstance_amid_a_speakers_words_is_not_whom_they_stand_against(tmp_path: Path) -> None:
    """"X said ... amid international condemnation of Borovia's strike": the condemnation is
    the writer's setting, so X, whom the case never names, is not placed against Borovia."""
    corpus = _corpus(tmp_path, "Harbour director Lena Vik said the port would reopen on Friday, amid "
                     "international condemnation of the Borovian strike.\n\nVik said the cranes were "
                     "working again, amid condemnation of Borovia's strike on the harbour.\n")
    who = _who(corpus, "cranes were working")
    assert (who.speaker, who.side) == ("Vik", None)


def test_a_case_file_that_names_only_the_sides_still_learns_who_speaks_for_them(tmp_path: Path) -> None:
    """A case file naming two countries and none of their people: the people the texts
    introduce with a country ("Indian Defence Minister X") speak for it later by name, as
    they do without a case file; a role word ("the army") still takes no side from them."""
    case = '[[sides]]\nid = "in"\nname = "India"\n\n[[sides]]\nid = "cn"\nname = "China"\n'
    corpus = _corpus(tmp_path, "Indian Defence Minister Arvind Rao said troops held their ground.\n\n"
                     "The Chinese Western Theatre Command said Indian troops crossed the line.\n\n"
                     "Rao told parliament that no soldier had crossed the line.\n", case)
    analysis = analyse(corpus)
    said = {who.speaker: who.side for who in analysis.attributions.values()}
    assert said["Rao"] == "in"
    assert [a.name for s in analysis.corpus.sides for a in s.actors] == []   # the case file is not rewritten
    learned = learn_actors(corpus)
    assert any(a.learned and any("Command" in n for n in a.names) for a in learned[1].actors)
    assert SideMatcher(learned).role_side("command") is None


def test_a_person_one_sides_speakers_denounce_is_placed_with_the_other_side(tmp_path: Path) -> None:
    """"Olsen condemned Kask's accusation": Kask, whom the case never names, is not Arland's
    (Olsen's side); with two sides he speaks for Borovia.  A ministry "of ..." is no person."""
    corpus = _corpus(tmp_path, "President Tomas Kask said the frigate had never left port.\n\n"
                     "Olsen condemned the false accusation made by Kask on Monday.\n")
    assert analyse(corpus).attributions[Ref("a.txt", 1, 0)].side == "b"


@pytest.mark.parametrize("phrase, side", [
    ("Local Borovia-installed official Ivan Sokol", "b"), ("Borovia-backed separatists", "b"),
    ("the Borovia-appointed governor", "b"), ("Borovia-speaking residents", None)])
def test_a_compound_that_aligns_a_speaker_with_a_country_gives_its_side(phrase: str, side: str | None) -> None:
    """"Russian-installed official", "Saudi-led coalition": the compound aligns its noun with the
    country; "Russian-speaking residents" are no one's officials."""
    from tui.engine.model import Actor, Side
    matcher = SideMatcher((Side("a", "Arland"), Side("b", "Borovia", (Actor("Borovia"),))))
    found = matcher.match(phrase)
    assert (found[0] if found else None) == side


def test_an_article_filed_from_a_sides_capital_gives_its_unnamed_officials_that_side(tmp_path: Path) -> None:
    """"BOROGRAD: ... the Foreign Office said": a paper or wire filed from one side's capital
    calls that country's bodies and officials by their title alone."""
    case = CASE.replace('actors = [{ name = "Ivan Petrov", aliases = ["Petrov"] }, "Borovia"]',
                        'actors = ["Borovia", "Borograd"]')
    write(tmp_path, "a.txt", "BOROGRAD: " + PROSE + "The Foreign Office said the frigate had never left "
          "territorial waters.\n\nForeign Minister Ivan Sokol said the crew had acted lawfully.\n")
    write(tmp_path, "reconcile.toml", case)
    said = analyse(load_corpus(tmp_path)).attributions
    assert said[Ref("a.txt", 1, 0)].side == "b"
    assert said[Ref("a.txt", 2, 0)].side == "b"


@pytest.mark.parametrize("sentence, speaker", [
    ("Ivan Petrov was quoted by the state news agency as saying the frigate never left port.", "Ivan Petrov"),
    ("The minister, who spoke in the capital, was quoted on Sunday as saying no shots were fired.", "The minister"),
])
def test_quoted_as_saying_names_who_speaks(sentence: str, speaker: str) -> None:
    """Wire copy's "X was quoted (by Y) as saying ...": X speaks, not the agency that quotes."""
    assert [c.speaker for c in find_claims(sentence)] == [speaker]


@pytest.mark.parametrize("sentence, speaker", [
    ("According to Norwegian reports, two trawlers were damaged in the storm.", "Norwegian reports"),
    ("According to Norwegian media reports, two trawlers were damaged.", "Norwegian media reports"),
    ("According to media reports, two trawlers were damaged in the storm.", None),
    ("According to initial reports, two trawlers were damaged in the storm.", None),
])
def test_according_to_a_countrys_reports_gives_its_account(sentence: str, speaker: str | None) -> None:
    """After "according to", "reports" is a noun: a country's reports are its account; media
    reports, or reports of no one said, are no one's."""
    assert [c.speaker for c in find_claims(sentence)] == ([speaker] if speaker else [])


@pytest.mark.parametrize("sentence, speaker", [
    ("The official who spoke on condition of anonymity said the frigate was hit.", "The official"),
    ("A spokesman for the charity that organised the convoy said the guns were thrown overboard.",
     "A spokesman for the charity"),
    ("Officials said that the navy warned the frigate twice.", "the navy"),
])
def test_a_relative_clause_after_the_subject_is_not_the_speaker(sentence: str, speaker: str) -> None:
    """"The official who spoke on condition of anonymity said": the clause describes the
    speaker; "that the navy warned" is a clause with its own subject."""
    assert speaker in [c.speaker for c in find_claims(sentence)]


def test_a_body_named_by_its_initials_speaks_for_the_side_a_page_spells_it_out_with(tmp_path: Path) -> None:
    """"The IBPF said": a page that writes "the India Border Protection Force" elsewhere says
    whose body the initials are (zero-config knows only countries); initials nobody spells out
    with a side stay nobody's."""
    corpus = _corpus(tmp_path, "Indian Defence Minister Arvind Rao said troops held their ground.\n\n"
                     "The Chinese Western Theatre Command said Indian troops crossed the line.\n\n"
                     "Soldiers of the India Border Protection Force were on patrol that night.\n\n"
                     "The IBPF said no soldier had crossed the line.\n\n"
                     "The WPG said both armies should pull back.\n", case="")
    said = {who.speaker: who.side for who in analyse(corpus).attributions.values()}
    assert said["The IBPF"] == "in"
    assert said["The WPG"] is None


@pytest.mark.parametrize("text, hostile", [
    ("Arland said bodies were lying in the street for weeks.", False),
    ("The island lies off the Borovia coast.", False),
    ("Arland said Borovia was lying about the strike.", True),
    ("Arland called the Borovia statement a lie.", True)])
def test_lying_is_hostile_as_a_falsehood_not_as_a_place(text: str, hostile: bool) -> None:
    """"Bodies lying in the street" accuses no one: it must not place its speaker against
    the side it names."""
    from tui.engine.claims.speech import hostile as _hostile
    assert _hostile(text) is hostile


@pytest.mark.parametrize("sentence, speaker", [
    ("The organisers alleged that the soldiers fired first.", "The organisers"),
    ("Human rights groups accused the army of firing first.", "Human rights groups"),
    ("“According to witnesses, explosions are heard again,” Rogov said.", "Rogov"),
])
def test_people_and_groups_without_an_office_are_speakers(sentence: str, speaker: str) -> None:
    """Organisers, rights groups, witnesses speak for themselves; an "according to" inside a
    quotation is the quoted speaker's source, not the sentence's speaker."""
    assert [c.speaker for c in find_claims(sentence)] == [speaker]


@pytest.mark.parametrize("phrase, side", [("Petrovic", "b"), ("President Ivan Petrovic", "b"),
                                          ("Sveçla", "a"), ("Minister Svecla", "a")])
def test_a_name_matches_with_or_without_its_diacritics(phrase: str, side: str) -> None:
    """One page writes "Vučić", another "Vucic": the same person, the same side."""
    from tui.engine.model import Actor, Side
    matcher = SideMatcher((Side("a", "Arland", (Actor("Leyla Svecla", ("Svecla",)),)),
                           Side("b", "Borovia", (Actor("Ivan Petrović", ("Petrović",)),))))
    found = matcher.match(phrase)
    assert found is not None and found[0] == side


@pytest.mark.parametrize("sentence, speakers", [
    ("Giving details about the clash, Olsen said the frigate was hit.", ["Olsen"]),
    ("Beijing says the frigate was in its waters.", ["Beijing"])])
def test_a_participle_before_a_verb_that_is_also_a_noun_is_no_speaker(sentence: str, speakers: list[str]) -> None:
    """"Giving details about ..., X said": "details" is the participle's object there; a place
    whose name ends the same way ("Beijing says") still speaks."""
    assert [c.speaker for c in find_claims(sentence)] == speakers


@pytest.mark.parametrize("sentence, speaker", [
    ("Syria: We hit the plane at close range with a simple gun.", "Syria"),
    ("Petrov: The frigate never left its own waters.", "Petrov"),
    ("New Delhi: India on Friday said the road was a threat.", "India"),
    ("Crash review: the plane was hit by a missile.", None)])
def test_a_headline_that_names_a_country_or_a_known_person_first_is_theirs(sentence: str, speaker: str | None) -> None:
    """"Syria: we hit the plane ...", "Vucic: ...": a headline's speaker named alone before a
    colon; a capital so written is the paper's dateline, a topic is nobody."""
    from tui.engine.model import Actor, Side
    matcher = SideMatcher((Side("a", "Arland"), Side("b", "Borovia", (Actor("Ivan Petrov", ("Petrov",)),))))
    found = [c.speaker for c in find_claims(sentence, matcher)]
    assert (found[0] if found else None) == speaker


def test_zero_config_knows_every_state_of_the_world(tmp_path: Path) -> None:
    """Two states the small gazetteer once lacked (Guyana) are still the two sides: a dispute
    between any two states must be readable without a case file."""
    corpus = _corpus(tmp_path, "Guyana's foreign minister said the region has always been Guyanese territory.\n\n"
                     "Venezuela's foreign ministry rejected the claim, saying the border award was void.\n\n"
                     "The Guyanese president said Venezuela must respect the court's order.\n", case="")
    assert sorted(s.id for s in infer_sides(corpus)) == ["gy", "ve"]


def test_a_source_line_names_the_speaker_of_the_quotation_labelled_below_it(tmp_path: Path) -> None:
    """A page that sets out its source and quotation as labelled lines ("Source: X in an
    interview with Y", then "Quote: “...”"): the quotation is the source's, and "Quote" is no
    one's name."""
    corpus = _corpus(tmp_path, "Ivan Petrov said on Monday that the patrol ship had been in Borovian waters.\n\n"
                               "Source: Petrov in an interview with Harbour Radio\n\n"
                               "Quote: “The ship was inside our waters and ignored every warning.”\n\n")
    who = _who(corpus, "ignored every warning")
    assert (who.speaker, who.side) == ("Petrov", "b")


def test_an_opening_mark_typed_where_a_quotation_closes_ends_it() -> None:
    """'“Petrov blames us? ... who it is, “he wrote.': the second mark closes the quotation (a
    tag follows it), so "Petrov blames" inside it is quoted words, not a claim of Petrov's."""
    text = "“Petrov blames us for the fire? Everyone knows who set it, “he wrote."
    assert [c.speaker for c in find_claims(text)] == ["he"]


def test_the_clause_reported_before_a_trailing_speaker_is_not_part_of_the_speaker() -> None:
    """'..., may show that Arland is preparing an attack, Ivan Petrov, adviser to ..., said.':
    the part with a finite verb is what was said; the speaker is the name after it."""
    text = ("The strike, which Borovians blame on Arland, may show that Arland is preparing an attack, "
            "Ivan Petrov, adviser to the head of the Office, said.")
    assert [c.speaker for c in find_claims(text)] == ["Ivan Petrov"]


def test_an_agent_keeps_its_head_noun_after_a_capitalised_modifier() -> None:
    """"As reported by the Borovian media, ...": the press, not "the Borovian" (a side's name)."""
    assert [c.speaker for c in find_claims("As reported by the Borovian media, a drone hit the roof.")] == [
        "the Borovian media"]


def test_an_outlet_named_after_its_press_noun_is_the_press_not_its_country(tmp_path: Path) -> None:
    """"..., according to the independent Russian outlet Harbour Times": the press, which speaks
    for no side, however its country is named."""
    case = '[[sides]]\nid = "r"\nname = "Russia"\n\n[[sides]]\nid = "u"\nname = "Ukraine"\n'
    corpus = _corpus(tmp_path, "The missile was shot down before it struck the building, according to the "
                               "independent Russian outlet Harbour Times.\n\n", case)
    assert _who(corpus, "shot down").side is None


def test_a_statement_named_alone_speaks_each_point_of_the_list_below_it(tmp_path: Path) -> None:
    """"Bay Wire (June 3) – Borovia navy's public relations statement about the seizure." and then
    its points as a list: every point is the navy's, though none says "said"."""
    corpus = _corpus(tmp_path, "Bay Wire (June 3) – Borovia navy’s public relations statement about the seizure "
                               "of the tanker.\n\n"
                               "• The tanker struck a Borovian fishing boat and fled the scene.\n\n"
                               "• The navy stopped the tanker after it switched off its transponder.\n\n"
                               "The harbour reopened on Tuesday after the storm passed.\n\n")
    assert _who(corpus, "fled the scene").side == "b"
    assert _who(corpus, "switched off its transponder").side == "b"
    assert _who(corpus, "harbour reopened").speaker is None


def test_the_state_media_named_again_is_the_state_broadcaster_named_before(tmp_path: Path) -> None:
    """"Borovia's state television said ..." then "The state media also claimed ...": the same
    broadcaster, so the same side; and "..., the state television website reported." names a
    speaker too (the press as a speaker phrase)."""
    corpus = _corpus(tmp_path, "Borovia's state television said on Wednesday that 80 sailors had been killed.\n\n"
                               "The state media also claimed that two helicopters were badly damaged.\n\n"
                               "“Ten ships were hit in the attack,” the state television website reported.\n\n")
    assert _who(corpus, "helicopters were badly").side == "b"
    assert (_who(corpus, "Ten ships").speaker, _who(corpus, "Ten ships").side) == ("the state television website", "b")


@pytest.mark.parametrize("sentence, side", [
    ("The opposition says the trucks were burned on the bridge by the guards.", "o"),
    ("Their lawyers said the trucks were burned on the bridge by the guards.", "o"),
    ("The guards say the trucks were burned on the bridge by the opposition.", None),
])
def test_a_party_named_by_its_noun_alone_is_the_side_whose_actor_carries_it(tmp_path: Path, sentence: str,
                                                                             side: str | None) -> None:
    """A case file names "Arlandian opposition" and "opposition lawyers": "the opposition says" and
    "their lawyers said" are theirs, as "the ambassador" is the one side's whose actors name one."""
    case = ('[[sides]]\nid = "g"\nname = "Arland"\nactors = ["Arland", "Arlandian government"]\n\n'
            '[[sides]]\nid = "o"\nname = "Opposition"\nactors = ["Arlandian opposition", "opposition lawyers"]\n')
    corpus = _corpus(tmp_path, sentence + "\n", case)
    assert _who(corpus, sentence[10:40]).side == side


def test_a_body_named_again_by_the_first_words_of_its_name_keeps_its_side(tmp_path: Path) -> None:
    """"The General Staff of the Borovian Navy dismissed ..." then '"...," the General Staff said':
    the same body, so the same side, in a paper named for the other side's capital (which would
    otherwise give a speaker without a side its own)."""
    case = ('[[sides]]\nid = "a"\nname = "Arland"\nactors = ["Arland", "Arlandia"]\n\n'
            '[[sides]]\nid = "b"\nname = "Borovia"\nactors = ["Borovia", "Borovian"]\n')
    write(tmp_path, "a.md", '+++\noutlet = "The Arlandia Times"\n+++\n\n' + PROSE +
          "The General Staff of the Borovian Navy dismissed the reports of a strike on the depot.\n\n"
          "\u201cThe depot was shelled by the other side itself,\u201d the General Staff said.\n")
    write(tmp_path, "reconcile.toml", case)
    corpus = load_corpus(tmp_path)
    assert _who(corpus, "shelled by the other side").side == "b"


@pytest.mark.parametrize("sentence, side", [
    ("A Tass correspondent said the bridge was hit by three drones overnight.", "ru"),
    ("The bridge was hit by three drones overnight, the Tass news agency reported.", "ru"),
    ("Tass said the bridge was hit by three drones overnight.", "ru"),
    ("Doctors at the Tass clinic said the bridge was hit by three drones overnight.", None),
])
def test_a_state_agencys_initials_written_as_a_word_are_the_agency(tmp_path: Path, sentence: str,
                                                                   side: str | None) -> None:
    """British style writes TASS as "Tass": the name alone, or before "news agency" or
    "correspondent", is the state's agency; a clinic or a hospital of that name is not."""
    case = ('[[sides]]\nid = "ru"\nname = "Russia"\nactors = ["Russia"]\n\n'
            '[[sides]]\nid = "ua"\nname = "Ukraine"\nactors = ["Ukraine"]\n')
    corpus = _corpus(tmp_path, sentence + "\n", case)
    assert _who(corpus, "three drones").side == side


def test_unnamed_sources_in_a_sides_own_paper_speak_for_that_side(tmp_path: Path) -> None:
    """A paper named for Borovia's capital quotes "the sources": Borovia's account; the same
    line in another outlet speaks for no one."""
    case = CASE.replace('"Borovia"]', '"Borovia", "Vostok"]')
    write(tmp_path, "reconcile.toml", case)
    write(tmp_path, "one.md", '+++\noutlet = "Vostok Times"\n+++\n\n' + PROSE
          + "The sources said as many as 20 points in the base were hit by the missiles.\n")
    write(tmp_path, "two.md", '+++\noutlet = "Harbour Weekly"\n+++\n\n'
          + "The sources said the fishing fleet would stay in port until the storm had passed.\n")
    analysis = analyse(load_corpus(tmp_path))
    sides = {ref.article: a.side for ref, a in analysis.attributions.items() if a.speaker == "The sources"}
    assert sides == {"one.md": "b", "two.md": None}


def test_a_source_named_inside_what_a_speaker_reports_is_not_the_sentences_speaker(tmp_path: Path) -> None:
    """"Borovia's military intelligence said ... Military intelligence notes that, according to the
    Arland Foreign Ministry, ...": the sentence is intelligence's (Borovia's, by the body named in
    full before), not Arland's; "Military intelligence" is that body named by its head word."""
    corpus = _corpus(tmp_path, "The Military Intelligence of Borovia said the exchange had not taken place.\n\n"
                               "Military intelligence notes that, according to the Arland Foreign Ministry, the plane "
                               "was shot down by a missile.\n\n")
    who = _who(corpus, "shot down by a missile")
    assert (who.speaker, who.side) == ("Military intelligence", "b")


def test_a_source_named_inside_what_the_press_reports_is_the_sentences_speaker(tmp_path: Path) -> None:
    """"The Harbour Herald reported that, according to Ivan Petrov, ...": the paper relays, the
    source it names speaks."""
    corpus = _corpus(tmp_path, "The Harbour Herald reported that, according to Ivan Petrov, the plane was shot "
                               "down by a missile.\n\n")
    assert _who(corpus, "shot down by a missile").side == "b"


def test_the_group_named_again_by_its_kind_is_the_body_named_before(tmp_path: Path) -> None:
    """'Petrov said ...', then '"...," the group said.': the body named before, as
    "the statement" is; "a rights group" is someone new."""
    corpus = _corpus(tmp_path, "Ivan Petrov said on Monday that his divers had reached the wreck.\n\n"
                               "“The work of the divers made it possible to reach the hull,” the group said.\n\n")
    assert _who(corpus, "reach the hull").side == "b"
    assert [c.kind for c in find_claims("A rights group said the divers had not been paid.")] == ["named"]


@pytest.mark.parametrize("sentence, speakers", [
    # a short aside in parentheses is part of the speaker phrase, not a clause of its own
    ("Ivan Petrov, Head of the Coastal Security Service (CSS), said that the crew was safe.",
     ["Ivan Petrov, Head of the Coastal Security Service (CSS)"]),
    # "head" and "director" name an office as "chief" does
    ("The head of the CSS added that eight sailors had been detained.", ["The head of the CSS"]),
    ("The director of the port authority said that the channel was closed.", ["The director of the port authority"]),
    # how often someone said it is not part of the speaker
    ("Borovian Prime Minister Ivan Petrov has several times accused Arland of shelling the port.",
     ["Borovian Prime Minister Ivan Petrov"]),
    ("The ministry has once again rejected the claim.", ["The ministry"]),
    # the person a broadcaster quotes as saying speaks
    ("“The reports are ridiculous,” state TV quoted Foreign Ministry spokesman Ivan Petrov as saying.",
     ["Foreign Ministry spokesman Ivan Petrov"]),
    ("The agency quoted him as saying the ship sank.", ["him"]),
    ("The envoy's claim contradicts previous media reports of the seizure.", []),   # "reports", a noun
    ("Borovian media reports that the ship sank.", ["Borovian media"]),            # "reports that", a verb
    ("Arland has neither confirmed nor denied the strike.", ["Arland"]),           # no clause as a speaker
    ("Arland officials have not outright denied it.", ["Arland officials"]),
    ("As the ministry said, the ship left port.", ["the ministry"]),
])
def test_speaker_phrases_are_names_not_clauses(sentence: str, speakers: list[str]) -> None:
    assert [c.speaker for c in find_claims(sentence)] == speakers


def test_a_sentence_that_adds_to_a_statement_is_its_speakers(tmp_path: Path) -> None:
    """"Petrov confirmed that the admiral was killed. Also, 34 officers were killed ...": the
    added figure is the same statement's, as wires translated from the sides' languages write it."""
    corpus = _corpus(tmp_path, "Ivan Petrov confirmed that the admiral was killed in the strike.\n\n"
                               "Also, 34 officers were killed and another 105 were wounded.\n\n")
    assert _who(corpus, "34 officers").speaker == "Ivan Petrov"


def test_an_untagged_quotation_after_a_report_is_the_reporters(tmp_path: Path) -> None:
    """"Ivan Petrov confirmed that two boats crossed the line." and then a quotation with no tag:
    the quotation is Petrov's, named once for both, as news copy names a source."""
    corpus = _corpus(tmp_path, "Ivan Petrov confirmed that two Arland boats crossed the line.\n\n"
                               "“The crossing took place in the northern channel at night, making it hard to see.”\n\n")
    assert _who(corpus, "northern channel").speaker == "Ivan Petrov"


def test_the_countrys_body_opening_a_sentence_is_the_country_named_last_before_it(tmp_path: Path) -> None:
    """'... near Borovia's border post. The country's security committee said ...': with no country
    before it in its own sentence, 'the country' is the one the sentence before named last, and
    'the committee' that speaks next is that body."""
    text = ("A shootout broke out on the Arland-Borovia border near Borovia’s Kekh border post. "
            "The country’s security committee said that Arland guards had fired without any reason. "
            "Its guards returned fire, the committee noted.\n")
    corpus = _corpus(tmp_path, text)
    assert _who(corpus, "fired without any reason").side == "b"
    assert _who(corpus, "returned fire").side == "b"


def test_informed_reports_speech(tmp_path: Path) -> None:
    """'Petrov informed that nine sites were destroyed': 'informed' reports what its subject says."""
    corpus = _corpus(tmp_path, "Commander Ivan Petrov informed that a total of nine sites were destroyed.\n")
    assert _who(corpus, "nine sites").side == "b"


def test_an_agent_inside_the_reported_clause_is_not_the_speaker(tmp_path: Path) -> None:
    """'It has been claimed that paint used by Borovia was found': Borovia used the paint, it did
    not claim anything; the passive names no speaker."""
    corpus = _corpus(tmp_path, "It has also been claimed that paint used by Borovia was found on the fragments.\n")
    assert _who(corpus, "paint used by").speaker is None


def test_a_bodys_last_word_is_no_surname(tmp_path: Path) -> None:
    """A side's 'National Defence Commission' does not make every 'Commission' that side's, as a
    person's surname would ('the UN Armistice Commission called for a meeting')."""
    case = CASE.replace('"Borovia"]', '"Borovia", "National Defence Commission"]')
    corpus = _corpus(tmp_path, "The UN Armistice Commission called for a meeting with the two armies.\n", case)
    assert _who(corpus, "called for a meeting").side is None


def test_a_statement_header_speaks_the_statement_below_it(tmp_path: Path) -> None:
    """'Statement by Ivan Petrov:' over the full text: each paragraph of the statement is his, up to
    the next label, though none names him."""
    text = ("Statement by Ivan Petrov:\n\n"
            "Tonight our ships returned to port. The frigate never came near the patrol boat.\n\n"
            "We will publish the logs tomorrow.\n\n"
            "Maria Olsen, foreign minister:\n\n"
            "The logs will show the collision.\n")
    corpus = _corpus(tmp_path, text)
    assert _who(corpus, "never came near").side == "b"
    assert _who(corpus, "publish the logs").side == "b"
    assert _who(corpus, "will show the collision").side == "a"


def test_a_double_surname_speaks_by_its_last_part(tmp_path: Path) -> None:
    """A case actor 'Ivan Petrov-Vodkin' is 'Vodkin' when named alone, as news style has it."""
    case = CASE.replace('"Borovia"]', '"Borovia", "Ivan Petrov-Vodkin"]')
    corpus = _corpus(tmp_path, "Vodkin said the frigate stayed in port all night.\n", case)
    assert _who(corpus, "stayed in port").side == "b"


def test_a_report_inside_a_clause_of_time_is_not_the_sentences_speaker(tmp_path: Path) -> None:
    """'Borovia flew balloons of trash south, after it warned of a response': the sentence is the
    narrator's account; the warning in its clause of time does not make it Borovia's claim."""
    corpus = _corpus(tmp_path, "Borovia flew hundreds of balloons carrying trash to Arland on Tuesday, "
                               "after it warned of a tit-for-tat action.\n")
    assert _who(corpus, "balloons carrying trash").speaker is None


def test_a_movement_speaks_by_the_name_of_the_state_it_holds_ground_in(tmp_path: Path) -> None:
    """The Houthis' own statements call their forces 'the Yemeni Armed Forces': with Yemen no side
    of the corpus, the state's names speak for the movement (lexicons.HOMES)."""
    case = ('[[sides]]\nid = "houthis"\nname = "Houthis"\nactors = ["Houthis"]\n\n'
            '[[sides]]\nid = "us"\nname = "United States"\nactors = ["United States"]\n')
    corpus = _corpus(tmp_path, "The Yemeni Armed Forces said they had targeted the ship with missiles.\n", case)
    assert _who(corpus, "targeted the ship").side == "houthis"


@pytest.mark.parametrize("relay", ['AFP reported', 'the agency reported'])
def test_a_quotation_that_names_its_own_speaker_is_theirs_not_the_agencys(tmp_path: Path, relay: str) -> None:
    """Wire copy quoted whole: '"Soldiers shot him at sea, Seoul officials said Thursday,"
    AFP reported.'  The agency only passes the quotation on; its closing tag names the speaker,
    so the sentence is the speaker's (with their side), not the press's, which is no one's."""
    corpus = _corpus(tmp_path, f'"The soldiers fired on the fishing boat without warning, '
                               f'Ivan Petrov said Thursday," {relay}.\n\n'
                               '"We will not answer," the ministry said, AFP reported.\n')
    who = _who(corpus, "without warning")
    assert (who.speaker, who.side) == ("Ivan Petrov", "b")
    assert _who(corpus, "not answer").speaker == "the ministry"


@pytest.mark.parametrize("role", ["defence ministry spokesman", "Borovian army spokesman Lt. Col.",
                                  "UN peacekeeping chief"])
def test_an_inverted_speaker_given_by_role_then_name(tmp_path: Path, role: str) -> None:
    """'"...," said defence ministry spokesman Ivan Petrov.': wire style puts the role, in lower
    case or with a body's initials, between the verb and the name; the whole phrase is the
    speaker (it had found none, leaving the quotation to the press or to no one)."""
    corpus = _corpus(tmp_path, f'"The ship never left port," said {role} Ivan Petrov on Tuesday.\n')
    who = _who(corpus, "never left port")
    assert who.speaker == f"{role} Ivan Petrov" and who.side == "b"


def test_a_body_named_in_full_speaks_by_its_initials(tmp_path: Path) -> None:
    """A case file lists "United Nations" and "Israel Defense Forces"; the texts write "the UN
    peacekeeping chief", "the U.N.", "the IDF": a body's initials are its name too (in capitals
    only: "un" in another language's text is nobody)."""
    case = ('[[sides]]\nid = "un"\nname = "UNIFIL"\nactors = ["UNIFIL", "United Nations"]\n\n'
            '[[sides]]\nid = "il"\nname = "Israel"\nactors = ["Israel Defense Forces"]\n')
    corpus = _corpus(tmp_path, "The UN peacekeeping chief said the positions would be held.\n\n"
                               "The IDF said the soldiers had fired warning shots.\n\n"
                               "The U.N. said two towers were hit.\n", case)
    assert [_who(corpus, s).side for s in ("positions would", "warning shots", "towers were")] == ["un", "il", "un"]


@pytest.mark.parametrize("cites", ["cited a security source claiming", "cited a security source as saying"])
def test_a_state_agency_citing_an_unnamed_source_speaks_for_its_state(tmp_path: Path, cites: str) -> None:
    """"TASS cited a security source claiming that the strike hit a command post": the source
    is nobody anyone can place, and a new one ("a source" refers back to no one), so the
    agency that cites it is the speaker, with its state's side."""
    case = CASE.replace('"Borovia"]', '"Borovia", "Borovian"]')
    corpus = _corpus(tmp_path, "Maria Olsen said the market was full of shoppers.\n\n"
                               f"Borovia's state news agency {cites} that the strike hit a command post.\n", case)
    who = _who(corpus, "command post")
    assert who.speaker == "Borovia's state news agency" and who.side == "b"


def test_a_minister_is_not_placed_by_another_states_ministry_of_the_same_name(tmp_path: Path) -> None:
    """'Borovia's defence ministry said ...', then 'Defence Minister Anna Lind said Borovia
    violated the airspace': a minister holds a post every state has, so the earlier ministry
    does not make her Borovia's (a "Ministry spokesman X" after it still speaks for it)."""
    corpus = _corpus(tmp_path, "Borovia's defence ministry said the jets flew a routine route.\n\n"
                               "Defence Minister Anna Lind said Borovia had violated the airspace again.\n\n"
                               "Ministry spokesman Oleg Ivanov said the flight was planned.\n")
    assert _who(corpus, "violated the airspace").side != "b"
    assert _who(corpus, "flight was planned").side == "b"


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("The border guards said they had arrested 45 people.", "The border guards"),
    ("The foreign ministers said the strike broke the truce.", "The foreign ministers"),
    ("The paper said the ship had been rerouted.", "The paper")])
def test_people_in_a_role_in_the_plural_and_the_paper_are_speakers(tmp_path: Path, sentence: str,
                                                                   speaker: str) -> None:
    """"The guards said", "the foreign ministers said": a role in the plural speaks as in the
    singular ("the guard said"); "the paper said" is the press (no side, but a speaker: the
    sentence is reported, not the narrator's).  "Reports said" stays no one's phrase."""
    corpus = _corpus(tmp_path, sentence + "\n")
    assert _who(corpus, sentence[15:35]).speaker == speaker


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("The head of the Intelligence Directorate of the Ministry of Defence of Borovia Ivan Petrov said "
     "that the bridge would fall.", "The head of the Intelligence Directorate of the Ministry of Defence of Borovia Ivan Petrov"),
    ("- Ivan Petrov said the missile was shot down.", "Ivan Petrov"),
    ('"We saw a house," MP Abbas al-Zamli told reporters after the visit.', "MP Abbas al-Zamli"),
    ("Strikes were carried out near the border, the force said in a statement.", "the force")])
def test_long_titles_bullets_name_particles_and_bodies_are_speakers(tmp_path: Path, sentence: str,
                                                                    speaker: str) -> None:
    """Forms that had found no speaker: a title of bodies joined by "of" longer than twelve
    words, a list's bullet before the name, a name with a lower-case particle ("al-Zamli"), and
    "the force" or "the commission" said."""
    corpus = _corpus(tmp_path, sentence + "\n")
    assert _who(corpus, sentence[20:45]).speaker == speaker


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("The assailant said he fired because no one answered his letters.", "The assailant"),
    ("Another medic said dozens of people had been wounded in the fire.", "Another medic"),
    ("Maritime security company Norhold said the tanker was boarded from a helicopter.",
     "Maritime security company Norhold"),
    ("The owner of the ship told reporters that they had lost contact with the crew.", "The owner of the ship"),
    ("Kelly Marsh, executive editor of the Harbour Gazette, said no evidence had been shown.", "Kelly Marsh"),
    ("Health director-general Dr Tomas Berg had said there was no sign of a heart attack.",
     "Health director-general Dr Tomas Berg"),
    ("A stern-faced Lind said during a visit to the island that the shelling was an invasion.", "A stern-faced Lind"),
    ("24-year-old Omar Haddad told reporters that people were burnt beyond recognition.", "24-year-old Omar Haddad"),
    ("The peacekeeping mission said two of its monitors were hurt near the tower.", "The peacekeeping mission")])
def test_people_named_by_what_they_are_or_do_are_speakers(tmp_path: Path, sentence: str, speaker: str) -> None:
    """Speakers that had been found as no one: a person by what they are ("the assailant", "a
    medic", "the owner of the ship"), a speaker noun before a name ("security company X",
    "director-general Dr X"), a name with its description in apposition (a first name ending in
    -ly is no adverb opening the sentence), an epithet or an age before a name, and a mission."""
    corpus = _corpus(tmp_path, sentence + "\n")
    assert _who(corpus, sentence[20:45]).speaker == speaker


def test_the_body_a_role_is_posted_to_is_no_surname(tmp_path: Path) -> None:
    """"Borovia's Permanent Representative to the Northern League" speaks for Borovia, but the
    league is not a person of Borovia's: its monitoring mission, speaking later, is not placed
    by the surname "League"."""
    corpus = _corpus(tmp_path, "Borovia's Permanent Representative to the Northern League said the strike was staged.\n\n"
                               "The monitoring mission of the Northern League confirmed that Borovia fired the missile.\n")
    assert _who(corpus, "fired the missile").side != "b"


@pytest.mark.parametrize(("sentence", "speaker"), [
    ('The assessment echoed comments from the top commander, Gen. Mark Lund, who told reporters at the base, '
     '"The impacts were close to the barracks."', "Gen. Mark Lund"),
    ("Because of this, in the morning the border army said that it had recorded no violation.", "the border army"),
    ("The state news agency on August 23, 2023 said that the pilot was on the passenger list.",
     "The state news agency"),
    ("This was announced on Tuesday, January 17, by the permanent representative Ivan Petrov.",
     "the permanent representative Ivan Petrov"),
    ("Commenting on the bombing of the tower, Mark Lund, acting general manager of the network, said "
     "the strike was a crime.", "Mark Lund"),
    ('"At least eighty troops were killed in the strike," said an informed source in the guard.',
     "an informed source"),
    ("The drone was brought back to its home base safely, the release added.", "the release")])
def test_speakers_behind_dates_relative_clauses_and_scene_setting(tmp_path: Path, sentence: str, speaker: str) -> None:
    """Speakers that had been found as no one: "X, who told reporters" (X speaks), a time or a
    date between the subject and its verb or before the subject ("in the morning the army said",
    "the agency on August 23, 2023 said", whose comma bounds no clause), a passive's agent after
    a date, a participle setting the scene ("Commenting on X, Y said"), "an informed source"
    (an adjective, not a clause's verb) and "the release added"."""
    corpus = _corpus(tmp_path, sentence + "\n")
    assert _who(corpus, sentence[20:45]).speaker == speaker


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("The strikes were lawful, measured and proportionate, Colonel Omar Haddad, a spokesman for the guard, said.",
     "Colonel Omar Haddad"),
    ("The guard's spokesman, Omar Haddad, on Wednesday claimed that the strikes killed forty people.",
     "The guard's spokesman, Omar Haddad"),
    ('Police chief Omar Haddad echoed the mayor\'s words that the port was "never closed" but added that ships '
     "were delayed.", "Police chief Omar Haddad"),
    ("President Lind summoned the envoy to express her concern, the presidential palace said.",
     "the presidential palace"),
    ("Political scientist Omar Haddad noted that the hotel had been used as a command post.",
     "Political scientist Omar Haddad"),
    ("The security services confirmed that those held had taken part in the protests.", "The security services"),
    ("The opposition says that it was only trying to bring food to the town.", "The opposition")])
def test_speakers_after_a_long_clause_a_time_or_a_quotation_and_more_bodies(tmp_path: Path, sentence: str,
                                                                          speaker: str) -> None:
    """Speakers that had been found as no one: "CLAUSE, X, a spokesman, said." where the clause
    runs over commas without a finite verb, "the spokesman, X, on Wednesday claimed", a name the
    case does not know opening 'X echoed "..." but added', and the palace, the security services,
    the opposition and a scientist by their nouns."""
    corpus = _corpus(tmp_path, sentence + "\n")
    assert _who(corpus, sentence[20:45]).speaker == speaker


def test_a_title_holding_a_sides_name_opens_coordinated_verbs_but_a_participle_does_not(tmp_path: Path) -> None:
    """"The General Staff of Borovia commented on X and stated that ...": the title that
    opens the clause speaks, when it holds a side's name (not only a name at its very start).
    'Speaking at the meeting, an official deplored "..." and said': "Speaking" is no one."""
    corpus = _corpus(tmp_path, "The General Staff of Borovia commented on the strike and stated that the "
                               "hangars held weapons.\n\n"
                               'Speaking at the meeting, a senior official deplored the seizure as "piracy" and said '
                               "the ship must be freed.\n")
    who = _who(corpus, "hangars held weapons")
    assert (who.speaker, who.side) == ("The General Staff of Borovia", "b")
    assert _who(corpus, "ship must be freed").speaker != "Speaking"


@pytest.mark.parametrize(("headline", "speaker", "side"), [
    ("Borovia Says Drone Was Shot Down Over Its Own Waters", "Borovia", "b"),
    ("Arland Tankers Used As Shields In The Harbour, Borovia Claims", "Borovia", "b"),
    ("Petrov Denies Downing The Drone Over The Strait", "Petrov", "b")])
def test_a_title_case_headline_names_its_speaker(tmp_path: Path, headline: str, speaker: str, side: str) -> None:
    """A headline in Title Case capitalises its reporting verb ("X Says ...", "..., X Claims"):
    it is read as the verb it is, so the headline is its speaker's, not the narrator's.  Such a
    headline is left out of choosing the sides without a case file (one headline's speaker had
    made another party a side)."""
    corpus = _corpus(tmp_path, headline + "\n")
    who = _who(corpus, headline[10:35])
    assert (who.speaker, who.side) == (speaker, side)
    assert not [s for s, _ in speaker_phrases(corpus)]


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Three sailors were killed on the coast road, said Wednesday a statement of the presidency.",
     "a statement of the presidency"),
    ('"Explosions were heard near the stage," said Communications and Information minister Jorge Ruiz in a broadcast.',
     "Communications and Information minister Jorge Ruiz"),
    ("The Institute for the Study of War (ISW) noted that satellite imagery confirmed the strike.",
     "The Institute for the Study of War (ISW)"),
    ("Patients were moved to field hospitals after being stabilised, the charity's emergency coordinator Samuel "
     "Jones said.", "the charity's emergency coordinator Samuel Jones")])
def test_speakers_after_a_day_in_a_joined_title_with_initials_and_a_coordinator(tmp_path: Path, sentence: str,
                                                                              speaker: str) -> None:
    """Speakers that had been found as no one: "said Wednesday a statement of X" (the day, then
    the speaker), a role's title joined by "and" ("said Communications and Information minister
    X"), a body's initials in parentheses after its name, and a coordinator."""
    corpus = _corpus(tmp_path, sentence + "\n")
    assert _who(corpus, sentence[20:45]).speaker == speaker


def test_she_after_a_state_and_a_person_is_the_person(tmp_path: Path) -> None:
    """"Borovia claimed ..., but Ms Olsen said this was untrue. / Instead, ..., she said.":
    "she" is the person named last, not the state the sentence before was given to (a state
    is no "she"); "it" would still be the state."""
    corpus = _corpus(tmp_path, "Borovia claimed the tanker rammed a trawler, but Ms Olsen told reporters "
                               "this was untrue.\n\nInstead, the tanker was stopped in open water, she said.\n")
    who = _who(corpus, "she said")
    assert who.speaker == "Ms Olsen" and who.side == "a"


def test_what_a_person_reports_is_no_speaker_of_the_sentence(tmp_path: Path) -> None:
    """"Dr Vale, head of the town's clinic, said ... / He said that the Borovian army knew ... and
    accused it of ...": "He" (Dr Vale, whom no side names) speaks; the army he reports on does
    not, though it has a side and he has none."""
    case = ('[[sides]]\nid = "a"\nname = "Arland"\nactors = ["Arland", "Arlandian"]\n\n'
            '[[sides]]\nid = "b"\nname = "Borovia"\nactors = ["Borovia", "Borovian"]\n')
    corpus = _corpus(tmp_path, "Dr Tomas Vale, head of the town's clinic, said the school was full of families.\n\n"
                               "He said that the Borovian military was aware of the families sheltering inside the school "
                               "and accused the army of fabricating false reports.\n", case)
    assert _who(corpus, "was aware of the families").side != "b"


@pytest.mark.parametrize("pronoun, speaker, side", [("she", "Dendias", "gr"), ("he", "The Turkish military", "tr")])
def test_she_after_a_body_is_the_person_before(tmp_path: Path, pronoun: str, speaker: str, side: str) -> None:
    """"Dendias said ... / The Turkish military claimed ... / '...,' she added": "she" is the person
    who spoke before, not the body that spoke last.  "He" stays with the body: translated prose
    calls a ministry "he"."""
    case = ('[[sides]]\nid = "gr"\nname = "Greece"\nactors = ["Greece", { name = "Nikos Dendias", aliases = ["Dendias"] }]\n\n'
            '[[sides]]\nid = "tr"\nname = "Turkey"\nactors = ["Turkey"]\n')
    corpus = _corpus(tmp_path, "Dendias told parliament the patrol had been attacked.\n\n"
                               "The Turkish military claimed the patrol had crossed the line first.\n\n"
                               f"\u201cNobody crossed anything,\u201d {pronoun} added.\n", case)
    who = _who(corpus, f"{pronoun} added")
    assert who.speaker == speaker and who.side == side


@pytest.mark.parametrize("opening", ["The Turkish side was asked to withdraw", "The Turkish planes tried to",
                                     "Turkey deliberately chose to"])
def test_he_is_no_state_that_opens_his_sentence(tmp_path: Path, opening: str) -> None:
    """"Dendias spoke of the clash. / The Turkish side was asked to ..., he said": "he" is the
    person speaking before, not the state (nor its side or planes) the sentence opens with."""
    case = ('[[sides]]\nid = "gr"\nname = "Greece"\nactors = ["Greece", { name = "Nikos Dendias", aliases = ["Dendias"] }]\n\n'
            '[[sides]]\nid = "tr"\nname = "Turkey"\nactors = ["Turkey"]\n')
    corpus = _corpus(tmp_path, "Dendias told parliament the patrol had been attacked.\n\n"
                               f"{opening} move its ships out of the strait, he said.\n", case)
    who = _who(corpus, "he said")
    assert who.speaker == "Dendias" and who.side == "gr"


@pytest.mark.parametrize("outlet, side", [("China Daily", "cn"), ("South China Morning Post", None),
                                          ("The North Borneo Herald", None)])
def test_a_region_named_after_a_country_is_no_outlet_of_it(outlet: str, side: str | None) -> None:
    """"South China Morning Post" is a Hong Kong paper, not China's own: a compass word before a
    country's name makes it a region's."""
    from tui.engine.claims.placement import _outlet_side
    from tui.engine.model import Actor, Side
    sides = (Side("cn", "China", (Actor("China", ("Chinese",)),)), Side("my", "Malaysia", (Actor("Malaysia", ()),)))
    assert _outlet_side(outlet, SideMatcher(sides)) == side


def test_a_coastguard_spokesman_is_the_coastguards_named_before(tmp_path: Path) -> None:
    """"The Turkish coastguard said ... / ... the coastguard spokesman X said": the spokesman
    speaks for the body the article placed before him (one word, "coastguard", is a body too)."""
    case = ('[[sides]]\nid = "gr"\nname = "Greece"\nactors = ["Greece"]\n\n'
            '[[sides]]\nid = "tr"\nname = "Turkey"\nactors = ["Turkey"]\n')
    corpus = _corpus(tmp_path, "The Turkish coastguard said the boat had entered its waters.\n\n"
                               "“It rammed our ship,” the coastguard spokesman Deniz Kaya said.\n", case)
    who = _who(corpus, "It rammed")
    assert who.speaker == "the coastguard spokesman Deniz Kaya" and who.side == "tr"


@pytest.mark.parametrize("speaker", ["Captain Lin", "Mr. Lin", "Lin"])
def test_a_title_and_one_word_of_a_persons_name_is_that_person(tmp_path: Path, speaker: str) -> None:
    """The case names "Lin Qixing" (family name first); "Captain Lin said ..." is that person,
    as "Lin said" is, whichever word of the name the title comes before."""
    case = ('[[sides]]\nid = "jp"\nname = "Japan"\nactors = ["Japan", "Naoto Kan"]\n\n'
            '[[sides]]\nid = "cn"\nname = "China"\nactors = ["China", "Lin Qixing"]\n')
    corpus = _corpus(tmp_path, f"{speaker} said the boat had done nothing wrong.\n", case)
    who = _who(corpus, "done nothing wrong")
    assert who.side == "cn"


STATE_AND_CHARITY = """
[[sides]]
id = "gr"
name = "Greece"
actors = ["Greece", "Greek coast guard"]

[[sides]]
id = "rescue"
name = "Harbour Rescue"
actors = ["Harbour Rescue", "Anna Vale"]
"""


@pytest.mark.parametrize("organ", ["The police", "The authorities", "The interior ministry"])
def test_a_states_organ_named_alone_is_the_states_against_a_charity(tmp_path: Path, organ: str) -> None:
    """A government against a charity: "the police said ..." is the state's (the charity has no
    police); against another state, or a movement that governs, it stays unplaced."""
    corpus = _corpus(tmp_path, f"{organ} said the rescue boat entered the closed zone.\n\n"
                               "Harbour Rescue said its boat stayed in open water.\n", case=STATE_AND_CHARITY)
    who = _who(corpus, "entered the closed zone")
    assert who.side == "gr" and who.inferred
    two_states = STATE_AND_CHARITY.replace('id = "rescue"\nname = "Harbour Rescue"', 'id = "tr"\nname = "Turkey"')
    corpus = _corpus(tmp_path, f"{organ} said the rescue boat entered the closed zone.\n", case=two_states)
    assert _who(corpus, "entered the closed zone").side is None


def test_a_paper_under_a_sides_country_code_narrates_its_version(tmp_path: Path) -> None:
    """A page published under a side's country code ("...com.gr"), quoting neither side, tells
    that side's version in its own voice: its unattributed sentences take the side, inferred.
    Its speakers keep their own (a paper names the other side's officials too), and a page that
    quotes one side, or sits under no country's code, narrates for no one by it."""
    case = STATE_AND_CHARITY.replace('id = "rescue"\nname = "Harbour Rescue"', 'id = "tr"\nname = "Turkey"')
    write(tmp_path, "reconcile.toml", case)
    for name, url in (("a.md", "https://news.example.com.gr/story/1"), ("b.md", "https://news.example.com/story/1")):
        write(tmp_path, name, f'+++\nurl = "{url}"\n+++\n\n' + PROSE +
              "Two Turkish warships entered the closed zone at dawn and stayed for an hour.\n\n"
              "An unnamed official said the ships had been warned twice.\n")
    attributions = attribute(load_corpus(tmp_path))
    narrated = {ref.article: who for ref, who in attributions.items() if ref.paragraph == 1}
    assert narrated["a.md"].side == "gr" and narrated["a.md"].inferred
    assert narrated["b.md"].side is None
    assert all(who.side is None for ref, who in attributions.items() if who.speaker)
