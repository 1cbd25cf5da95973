"""Facts: grouping, statuses with their evidence, stable ids, pinned facts, export."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from conftest import write
from tui.engine.analysis import analyse
from tui.engine.export.jsondoc import to_document
from tui.engine.facts import build_facts
from tui.engine.facts.aspects import tag
from tui.engine.facts.titles import NARROWER_MAX
from tui.engine.facts.units import Unit, content_terms
from tui.engine.text.loading import load_corpus
from tui.engine.model import Corpus, Fact, Ref

CASE = """
[[sides]]
id = "a"
name = "Arland"
actors = [{ name = "Maria Olsen", aliases = ["Olsen"] }, "Arland"]

[[sides]]
id = "b"
name = "Borovia"
actors = [{ name = "Ivan Petrov", aliases = ["Petrov"] }, "Borovia"]

[[facts]]
title = "Escort"
terms = ["escort"]
"""
PROSE = ("The night began quietly in the harbour, where the patrol ship had been moored for a week "
         "while its crew waited for orders from the capital.\n\n")


def _corpus(tmp_path: Path, **articles: str) -> Corpus:
    for name, text in articles.items():
        write(tmp_path, f"{name}.txt", PROSE + text)
    write(tmp_path, "reconcile.toml", CASE)
    return load_corpus(tmp_path)


def _containing(facts: tuple[Fact, ...], words: str) -> Fact:
    hits = [f for f in facts if any(words in a.text for a in f.accounts) and not f.id.startswith("pin-")]
    assert hits, words
    return hits[0]


def test_a_denial_of_the_other_sides_claim_is_a_dispute(tmp_path: Path) -> None:
    corpus = _corpus(
        tmp_path,
        one="Olsen said the patrol ship was rammed by a Borovian frigate near the lighthouse.\n\n"
            "Borovia denied that its frigate rammed the patrol ship.\n",
        two="Petrov said the frigate never came near the patrol ship or the lighthouse.\n")
    fact = _containing(analyse(corpus).facts, "rammed by a Borovian frigate")
    assert fact.status == "disputed"
    assert {a.side for a in fact.accounts} == {"a", "b"}
    assert any("denied" in str(e) for e in fact.evidence)


def test_a_different_explanation_links_the_answer_to_what_it_answers(tmp_path: Path) -> None:
    corpus = _corpus(
        tmp_path,
        one="Olsen said the frigate fired warning shots across the bow of the trawler.\n\n"
            "Petrov offered a different explanation. He said the frigate carried out a routine "
            "gunnery exercise far from the trawler.\n")
    fact = _containing(analyse(corpus).facts, "warning shots")
    assert fact.status == "disputed"
    assert any("routine gunnery exercise" in a.text for a in fact.accounts if a.side == "b")
    assert any("different explanation" in str(e) for e in fact.evidence)


def test_incompatible_causes_of_one_outcome_are_one_dispute(tmp_path: Path) -> None:
    """Two sides explain the same loss (sank / sinking) by different causes."""
    corpus = _corpus(
        tmp_path,
        one="Olsen said the patrol boat sank after a Borovian frigate rammed its hull.\n",
        two="The weather was calm over the strait that evening, according to the harbour master.\n\n"
            "According to Petrov, the boat's engine caught fire, resulting in its sinking near the shoal.\n")
    fact = _containing(analyse(corpus).facts, "rammed its hull")
    assert fact.status == "disputed"
    assert any("engine caught fire" in a.text for a in fact.accounts if a.side == "b")
    causes = [e.words for e in fact.evidence if e.kind == "cause"]
    assert "cause: rammed its hull ↔ boat's engine caught fire" in causes \
        or "cause: boat's engine caught fire ↔ rammed its hull" in causes


def test_titles_are_questions_and_positions_are_the_accounts_words(seeds: Corpus) -> None:
    """A fact of an aspect is titled by a neutral question; each side's position, and the
    title of a fact outside the aspects, is made of the accounts' own words."""
    root = Path(__file__).resolve().parent / "corpora"
    word = re.compile(r"[^\W_]+")
    for corpus in (seeds, load_corpus(root / "hormuz"), load_corpus(root / "hainan")):
        for fact in analyse(corpus).facts:
            if fact.id.startswith("pin-"):
                continue   # the case file's own title
            longest = NARROWER_MAX if fact.title.startswith("On “") else 70
            assert fact.title and fact.title != "Untitled" and len(fact.title) <= longest, fact.title
            known = {w.casefold() for a in fact.accounts for w in word.findall(a.text)}
            if fact.aspect == "other":
                assert {w.casefold() for w in word.findall(fact.title)} <= known, fact.title
            else:
                assert fact.title == fact.question and fact.title.endswith("?"), fact.title
            for side, text in fact.positions:
                assert text and {w.casefold() for w in word.findall(text)} <= known, (side, text)


def test_a_cause_dispute_shows_both_causes(seeds: Corpus) -> None:
    fact = _containing(analyse(seeds).facts, "sharp maneuver")
    assert fact.status == "disputed"
    assert dict(fact.positions) == {"us": "struck its propeller", "ru": "sharp maneuver"}
    assert "cause: struck its propeller ↔ sharp maneuver" in [str(e) for e in fact.evidence]
    assert any(a.side == "us" and "struck its propeller" in a.text for a in fact.accounts)


def test_the_same_cause_or_a_different_outcome_is_no_cause_dispute(tmp_path: Path) -> None:
    corpus = _corpus(
        tmp_path,
        one="Olsen said the patrol boat sank after a storm broke its mast near the shoal.\n\n"
            "Olsen said two sailors were injured after the boat struck a reef.\n",
        two="Petrov said the patrol boat sank after a storm broke its mast near the shoal.\n\n"
            "Petrov said the harbour closed because the crane collapsed onto the pier.\n")
    facts = analyse(corpus).facts
    assert not any(e.kind == "cause" for f in facts for e in f.evidence)
    assert _containing(facts, "storm broke its mast").status == "agreed"


def test_two_unrelated_losses_are_no_cause_dispute(tmp_path: Path) -> None:
    """Same kind of outcome, opposite sides, different causes, but nothing in common."""
    corpus = _corpus(
        tmp_path,
        one="Olsen said the patrol boat sank after a frigate rammed its hull off the cape.\n",
        two="Petrov said a cargo plane crashed because its engine failed over the desert.\n")
    facts = analyse(corpus).facts
    assert not any(e.kind == "cause" for f in facts for e in f.evidence)


def test_both_sides_telling_the_same_thing_agree(tmp_path: Path) -> None:
    corpus = _corpus(
        tmp_path,
        one="Olsen said the two navies agreed to open a hotline for incidents at sea next month.\n",
        two="Petrov said the two navies agreed to open a hotline for incidents at sea next month.\n")
    fact = _containing(analyse(corpus).facts, "hotline")
    assert fact.status == "agreed"
    assert fact.evidence == ()


def test_pinned_facts_become_facts(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, one="Olsen said the trawler sailed without an escort that night.\n")
    pinned = [f for f in analyse(corpus).facts if f.title == "Escort"]
    assert len(pinned) == 1 and pinned[0].accounts[0].side == "a"


def test_seed_card_disputes_have_both_sides(seeds: Corpus) -> None:
    facts = analyse(seeds).facts
    for words in ("struck its propeller", "international airspace", "dangerous and reckless"):
        fact = _containing(facts, words)
        assert fact.status == "disputed", words
        assert {a.side for a in fact.accounts} >= {"us", "ru"}, words
        assert fact.evidence and fact.title


def test_ids_are_stable_and_ranks_run_from_one(seeds: Corpus) -> None:
    first, second = analyse(seeds).facts, analyse(load_corpus(seeds.path)).facts
    assert [f.id for f in first] == [f.id for f in second]
    assert len({f.id for f in first}) == len(first)
    assert [f.rank for f in first] == list(range(1, len(first) + 1))
    statuses = [f.status for f in first]
    assert statuses == sorted(statuses, key=["disputed", "agreed", "one-sided"].index)


def test_fact_building_is_fast(seeds: Corpus) -> None:
    analysis = analyse(seeds)
    start = time.perf_counter()
    build_facts(seeds, analysis.pairs, analysis.attributions)
    assert time.perf_counter() - start < 1.0


def test_export_lists_facts_with_accounts(seeds: Corpus) -> None:
    doc = to_document(analyse(seeds))
    assert doc["facts"]
    fact = doc["facts"][0]
    assert set(fact) >= {"id", "title", "status", "rank", "evidence", "accounts"}
    account = fact["accounts"][0]
    assert set(account) >= {"side", "article", "paragraph", "sentence", "text", "speaker", "inferred"}


def test_fact_building_scales(tmp_path: Path) -> None:
    """Sparse similarity and a heap keep long corpora fast (was cubic)."""
    import shutil
    root = Path(__file__).resolve().parent
    sources = [*(root.parent / "seeds").glob("*.txt"), *(root / "corpora").glob("*/0*")]
    for copy in range(6):
        for source in sources:
            shutil.copy(source, tmp_path / f"{copy}_{source.name}")
    shutil.copy(root.parent / "seeds" / "reconcile.toml", tmp_path / "reconcile.toml")
    corpus = load_corpus(tmp_path)
    analysis = analyse(corpus)
    start = time.perf_counter()
    facts = build_facts(corpus, analysis.pairs, analysis.attributions)
    assert time.perf_counter() - start < 3.0
    assert any(f.status == "disputed" for f in facts)


def test_two_clauses_of_one_sentence_in_one_fact_are_one_account(tmp_path):
    """Issue 13: a sentence cut at ", who" whose two clauses both joined one fact was shown
    twice in a pane; it is one account spanning both clauses, its text the exact source."""
    from conftest import write
    from tui.engine.facts import _accounts
    from tui.engine.facts.units import Unit
    from tui.engine.text.loading import load_corpus
    from tui.engine.model import Ref

    text = "On Monday former captain Ivo Brenn, who had been jailed for spying, was found ill.\n"
    write(tmp_path, "a.txt", text)
    corpus = load_corpus(tmp_path)
    ref = Ref("a.txt", 0, 0)
    cut = text.index(", who")
    first = Unit(0, ref, text[:cut], 0, cut, "a", "Olsen", False)
    second = Unit(1, ref, text[cut + 2:].strip(), cut + 2, len(text) - 1, "a", "Olsen", False)
    other = Unit(2, ref, text[:cut], 0, cut, "b", None, False)
    [one, two] = _accounts([second, first, other], corpus)
    assert (one.start, one.end, one.side) == (0, len(text) - 1, "a")
    assert one.text == text.strip() and two.side == "b"


def test_a_who_clause_is_the_words_of_the_speaker_before_it(tmp_path):
    """'Petrov accused Arland of lying, a claim rejected by Olsen, who accused Borovia of
    inventing a pretext': the 'who' clause is Olsen's (side a), not Petrov's."""
    from tui.engine.claims.sides import matcher_for
    from tui.engine.facts.units import _clauses
    from tui.engine.model import Attribution, Ref
    corpus = _corpus(tmp_path, a="The ship sailed.")
    text = ("Petrov accused Arland of lying, a claim that was rejected by Olsen, "
            "who accused Borovia of inventing a pretext for more strikes.")
    who = Attribution(Ref("a.txt", 0, 0), "Petrov", "b", None)
    sides = [clause[2] for clause in _clauses(text, who, matcher_for(corpus.sides))]
    assert sides == ["b", "a", "a"]


def test_a_usual_flight_against_a_hostile_course_is_a_dispute(tmp_path: Path) -> None:
    """Once each, one side calls the flight usual and the other says it flew like a hostile
    target: not agreement (lexicons.ANTONYMS)."""
    corpus = _corpus(
        tmp_path,
        one="Olsen said it was a usual flight that left in accordance with the rules of the airport.\n",
        two="Petrov said the plane flew toward a base in a way that resembled a hostile target, "
            "against the rules.\n")
    fact = _containing(analyse(corpus).facts, "usual flight")
    assert fact.status == "disputed"


def test_a_later_days_several_articles_follow_the_story_up(tmp_path: Path) -> None:
    """Three articles of one day a year after the story (an inquiry's report) are the
    story's own; one article from years before is another event's, background."""
    from tui.engine.facts import _other_event_articles
    dates = {"a1": "2024-05-02", "a2": "2024-05-02", "a3": "2024-05-03", "a4": "2024-05-04",
             "b1": "2025-08-10", "b2": "2025-08-10", "b3": "2025-08-11", "old": "2019-01-05"}
    for name, date in dates.items():
        write(tmp_path, f"{name}.md", f'+++\ndate = "{date}"\n+++\n\n' + PROSE + "The ship sailed.\n")
    assert _other_event_articles(load_corpus(tmp_path)) == {"old.md"}


def test_an_argument_that_names_another_year_stays_in_the_dispute(tmp_path: Path) -> None:
    """'the 2012 agreement settled the boundary' is one side's argument about today's
    boundary, in the same question as the other side's claim, not background of its own."""
    texts = {"one": "Olsen said the 2012 agreement had settled the boundary, so the road was illegal.\n",
             "two": "Petrov said the boundary was settled long ago and the road on its territory was legal.\n"}
    for name, text in texts.items():
        write(tmp_path, f"{name}.md", '+++\ndate = "2024-06-01"\n+++\n\n' + PROSE + text)
    write(tmp_path, "reconcile.toml", CASE)
    fact = _containing(analyse(load_corpus(tmp_path)).facts, "2012 agreement")
    assert {a.side for a in fact.accounts} == {"a", "b"} and not fact.background


def test_a_story_of_strikes_is_not_named_for_the_drones_in_it() -> None:
    """Questions name the craft the story happens to ("Where was the drone?"), unless far
    more articles tell an act (strikes) than name the craft: then they stay bare."""
    from types import SimpleNamespace

    from tui.engine.facts.titles import incident_object
    from tui.engine.text.textnorm import term

    def units(spec: dict[str, str]) -> list:
        return [SimpleNamespace(terms={term(w): w for w in words.split()}, ref=SimpleNamespace(article=a))
                for a, words in spec.items()]

    strikes = {f"{k}.md": "strikes" + (" drones" if k < 4 else "") for k in range(8)}
    assert incident_object(units(strikes)) is None
    craft = {f"{k}.md": "drone" + (" strike" if k < 3 else "") for k in range(6)}
    assert incident_object(units(craft)) == "drone"


def test_a_sides_named_speakers_come_before_its_inferred_narration(seeds: Corpus) -> None:
    """Within each side, the accounts whose speaker the text names come first, and a side's
    position is read from them: an outlet's own narration given to a side is shown after."""
    for fact in analyse(seeds).facts:
        for side in {a.side for a in fact.accounts}:
            flags = [a.inferred for a in fact.accounts if a.side == side]
            assert flags == sorted(flags), (fact.title, side)


@pytest.mark.parametrize("one, two, title", [
    # the damage, apart from who rammed whom, which every collision sentence also answers
    ("Olsen said the patrol ship suffered structural damage and a hole in its deck.",
     "Petrov said the collision left only a minor scrape on the patrol ship.", "damaged, and how badly"),
    ("Olsen said the warship came within 50 metres of the patrol ship.",
     "Petrov said the warship kept a safe distance from the patrol ship.", "How close"),
    # what each side demands, apart from where the troops stand
    ("Olsen said Borovia must withdraw its troops unconditionally before any talks.",
     "Petrov urged both armies to withdraw at the same time.", "What does each side demand"),
    ("Olsen said the crew of the patrol ship were being held incommunicado.",
     "Petrov said the crew had been shown every hospitality in the port.", "What became of the people"),
])
def test_questions_of_their_own(tmp_path: Path, one: str, two: str, title: str) -> None:
    """How badly something was damaged ("a hole in the deck" against "a scrape"), how close the
    two came ("within 50 metres" against "a safe distance"), what each side demands, what became
    of the people on board: each one question whose two answers meet, not folded into "who did
    what"."""
    fact = _containing(analyse(_corpus(tmp_path, one=one + "\n", two=two + "\n")).facts, one.split(" ", 3)[3][:30])
    assert title in fact.title and any(two[:30] in a.text for a in fact.accounts)


def test_a_depth_in_metres_does_not_ask_how_close() -> None:
    assert "distance" not in dict(tag("The wreck lies in waters 1,500 metres deep."))


def test_a_distress_call_answers_whether_permission_was_asked() -> None:
    """"The pilot declared a mayday" answers the same question as "landed without permission":
    signals given or not."""
    assert "warning" in dict(tag("The pilot declared a mayday before landing."))
    assert "warning" in dict(tag("The plane landed without permission."))


@pytest.mark.parametrize("sentence, aspect", [
    ("The relief convoy set out after prior coordination with the army.", "warning"),
    ("Olsen said there was no need for coordination of its movement.", "warning"),
    ("Arland said it would act should Borovia not release the seized tanker.", "crew"),
    ("Petrov said the ship could be released only after a court hearing.", "crew"),
    ("Olsen said residents of the river towns must evacuate at once.", "evacuation"),
    ("Petrov said no large-scale evacuation of the towns was needed.", "evacuation"),
    ("Petrov called the raid on the depot an act of terrorism.", "conduct"),
    ("Olsen called the raid an act of terror.", "conduct"),
    ("Olsen said the crew's safety had been put at risk by the manoeuvre.", "conduct"),
    ("Petrov said the patrol upheld the freedom of navigation in the strait.", "conduct"),
    ("Olsen called the ministry's reaction out of all proportion.", "response"),
    ("Petrov said the fire at the depot was under control.", "outcome"),
    ("Petrov said no civilians were harmed in the raid.", "toll"),
    ("Olsen said the raid was meant to destabilize the region.", "intent"),
    ("Petrov said the frigate remained afloat after the blast.", "damage"),
    ("Olsen said the frigate sank in the storm that night.", "damage"),
    ("Petrov said the CCTV from the port showed no one near the crane.", "evidence"),
    ("Olsen said the harbour cameras had been switched off.", "evidence"),
])
def test_words_that_ask_a_question_without_its_usual_words(sentence: str, aspect: str) -> None:
    """Each side's version in its own words, and the question they share: coordination (or
    none needed) is whether notice was given; a release is what became of what was held;
    whether people had to evacuate is a question of its own; terror, terrorism and safety
    ask whether it was lawful, as "legitimate" does; a reaction is a response; "under
    control" says how it ended; people harmed are a toll; an aim to destabilize is a motive;
    a ship afloat or sunk tells how badly it was damaged; cameras are evidence."""
    assert aspect in dict(tag(sentence))


def test_an_accusation_called_a_distraction_answers_why() -> None:
    """"They want to distract attention from their own strikes" gives a motive, as "a pretext"
    or "propaganda" does: the question of intent."""
    assert "intent" in dict(tag("Petrov said the accusations were meant to distract attention from the strikes."))


def test_a_building_beyond_repair_or_left_intact_answers_how_badly_it_was_damaged() -> None:
    """"The building cannot be restored" and "not even the windows were shattered" answer the
    question that "damaged" asks."""
    assert "damage" in dict(tag("The headquarters building cannot be restored."))
    assert "damage" in dict(tag("Not even the windows were shattered, the governor said."))


def test_a_safe_zone_is_a_place_not_a_verdict_on_safety() -> None:
    """"declared a safe area", "outside the humanitarian zone": both sides say where a strike
    fell (one question), where "safe" had made one of them ask whether it was lawful and safe."""
    one = dict(tag("The strike hit tents in an area the army had declared a safe area."))
    assert "where" in one and "conduct" not in one
    assert "where" in dict(tag("The strike was a kilometre outside the humanitarian area."))
    assert "conduct" in dict(tag("The crew said the intercept was safe and professional."))


def test_suspects_and_innocence_answer_who_is_responsible() -> None:
    """"Two diplomats are wanted for questioning" and "police pinned the suspicion on us", "release
    the innocent citizens": the police's suspects and the accused's innocence answer one
    question, who did it."""
    for text in ("Two more people, including a diplomat, are wanted for questioning.",
                 "Police had pinned the suspicion on us, the envoy said.",
                 "The embassy demanded the release of the innocent citizens."):
        assert "blame" in dict(tag(text)), text


def _clause(n: int, text: str, side: str) -> Unit:
    return Unit(n, Ref("a.txt", n, 0), text, 0, len(text), side, None, False, terms=content_terms(text))


def test_a_narrower_question_is_not_about_a_word_that_frames_speech_or_dates_it():
    """Both sides 'detailed' things and spoke 'on Thursday'; the narrower question is about the
    patrol's route, the rarer word that says what they disagree on."""
    from tui.engine.facts.questions import Question, anchored
    texts = [("The statement detailed the patrol route near the reef on Thursday.", "a"),
             ("The ministry detailed how the patrol route crossed the reef on Thursday.", "b"),
             ("Officials gave details of the escort on Thursday.", "a"),
             ("The navy gave details of the patrol route on Thursday.", "b"),
             ("The fleet kept away from the shoal.", "a"), ("The fleet kept away from the shoal.", "b"),
             ("Crews were safe and well.", "a"), ("Crews were safe and well.", "b"),
             ("Talks would resume soon.", "a"), ("Talks would resume soon.", "b")]
    units = [_clause(n, t, s) for n, (t, s) in enumerate(texts)]
    idf = {t: 3.0 if t.startswith(("detail", "thursday")) else 2.0 if t == "patrol" else 1.0
           for u in units for t in u.terms}
    subs = anchored(Question("where", list(range(len(units)))), units, idf)
    assert subs and subs[0].anchor == "patrol"


def test_a_large_question_holds_a_narrower_question_for_each_disagreement_in_it():
    """Forty clauses of "what happened" hold two disagreements both sides speak to (the
    route, the escort): each gets its narrower question, so one broad fact does not stand
    for both; a third word whose clauses are mostly the first's makes none."""
    from tui.engine.facts.questions import Question, anchored
    texts = [("The patrol route crossed the reef at dawn.", "a"), ("The patrol route never crossed the reef.", "b"),
             ("Its route ran along the reef.", "a"), ("No route ran near the reef.", "b"),
             ("The escort fired flares.", "a"), ("The escort fired no flares.", "b"),
             ("An escort shadowed the boats.", "a"), ("No escort shadowed the boats.", "b")]
    texts += [("Crews were safe and well.", "a"), ("Talks would resume soon.", "b")] * 16
    units = [_clause(n, t, s) for n, (t, s) in enumerate(texts)]
    idf = {t: 3.0 if t == "rout" else 2.5 if t == "escort" else 2.8 if t == "reef" else 1.0
           for u in units for t in u.terms}
    subs = anchored(Question("action", list(range(len(units)))), units, idf)
    assert [q.anchor for q in subs] == ["route", "escort"]


def test_a_narrower_questions_title_leads_with_its_word_and_the_neighbour_its_clauses_share():
    """'territory' alone repeats 'whose territory was it?': the title says 'Borovian territory',
    first, so a clipped line still tells the narrower question from the broad one."""
    from tui.engine.facts.titles import narrower
    units = [_clause(0, "The jet never entered Borovian territory.", "a"),
             _clause(1, "It flew deep into Borovian territory at night.", "b"),
             _clause(2, "The territory is disputed.", "b")]
    asked = "Where was the jet, and whose territory was it?"
    assert narrower(asked, "territory", units) == f"On “Borovian territory”, {asked[0].lower()}{asked[1:]}"
    assert narrower(asked, "night", units).startswith("On “night”,")   # no neighbour two clauses share
    assert narrower("What became of the people on board, and how are they treated?", "territory",
                    units).startswith("On “territory”,")   # the phrase would make the line too long


def test_a_warning_received_is_a_warning_whatever_follows_it():
    """'X warned that ...' reports a threat, but 'Moscow was warned about the raid' (or 'was not
    warned of it') says whether a warning was given: the warnings question."""
    assert "warning" not in dict(tag("The minister warned that the strike would come soon."))
    assert "warning" in dict(tag("Maintains that the capital was warned about the raid in time."))
    assert "warning" in dict(tag("The crew was not warned of the strike."))


_ELSEWHERE = ("Olsen said the talks on fishing quotas would resume in the spring.\n\n"
              "Petrov said the new ferry line to the islands opens next month.\n")


@pytest.mark.parametrize("claim, answer", [
    ("Olsen said two drones were launched from Borovia towards the arms depot at Kolbasna.",
     "Petrov dismissed the reports of drones over Kolbasna as an attempt to drag Borovia into the war."),
    ("Olsen said two drones from Borovia attacked the arms depot at Kolbasna.",
     "Petrov called the allegations of drones over Kolbasna a lie meant to drag Borovia into the war."),
])
def test_an_answer_alone_in_its_article_answers_the_claim_it_is_most_like_elsewhere(
        tmp_path: Path, claim: str, answer: str) -> None:
    """A side's statement on its own page that rejects ("Petrov dismissed the reports of drones")
    or names what the other side alleges ("called the allegations ... a lie") answers that side's
    claim told in another article: the two stand in one disputed fact, whatever aspect each one's
    own words ask."""
    corpus = _corpus(tmp_path, one=claim + "\n\n" + _ELSEWHERE, two=answer + "\n")
    fact = _containing(analyse(corpus).facts, claim[len("Olsen said "):][:30])
    assert fact.status == "disputed"
    assert any(answer[:30] in a.text for a in fact.accounts)


def test_a_claim_that_asks_no_aspect_meets_its_denial_in_the_denials_question(tmp_path: Path) -> None:
    """"X rejected the allegations that gunmen had been stationed at the clinic" answers "the
    clinic was used as a base for gunmen", whose words ask no aspect (no question of who did
    what, where, or why): the claim joins the question its denial asks, so the two meet in one
    disputed fact rather than a one-sided fact each."""
    claim = "Petrov said the clinic in Kolbasna was used as a base for gunmen."
    answer = "Olsen rejected the allegations that gunmen had been stationed at the clinic in Kolbasna."
    corpus = _corpus(tmp_path, one=claim + "\n\n" + _ELSEWHERE, two=answer + "\n")
    assert not tag(claim[len("Petrov said "):])
    fact = _containing(analyse(corpus).facts, "was used as a base for gunmen")
    assert fact.status == "disputed"
    assert any(answer[:30] in a.text for a in fact.accounts)


def test_a_sides_position_is_what_it_says_not_who_says_it(tmp_path: Path) -> None:
    """'..., Maria Olsen told reporters': the position shown for a side is the words of its claim,
    not its speaker's name or the verb that reports it (a trailing attribution is no opening frame)."""
    corpus = _corpus(
        tmp_path,
        one="The frigate opened fire on the patrol boat without warning, Maria Olsen told reporters.\n",
        two="The patrol boat was on a routine patrol and fired nothing, Ivan Petrov told journalists.\n")
    fact = _containing(analyse(corpus).facts, "opened fire on the patrol boat")
    for side, words in fact.positions:
        assert not {"Olsen", "Petrov", "told", "reporters", "journalists"} & set(words.split()), (side, words)
