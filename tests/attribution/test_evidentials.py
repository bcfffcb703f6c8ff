"""Evidentials (reported/evidential.py): "reportedly", "seems", "appears", "records show" and what a poll shows: what
they report, and the look-alikes that report nothing. Fictional sentences through the real parse, rules only; each
finding test fails without the rule it names."""

from __future__ import annotations

import pytest

from tests.conftest import by_cue, cues, cues_found, extract, only_by_cue


@pytest.mark.parametrize("text, cue, content", [
    ("A new harbor poll shows Mara Vell with an eight-point lead over Ansel Marr.", "shows",
     "Mara Vell with an eight-point lead over Ansel Marr"),
    ("A survey by the ferry union in March found Talbot with a lead of 48 percent to 41 percent.", "found",
     "Talbot with a lead of 48 percent to 41 percent"),
])
def test_what_a_poll_shows_as_a_noun_phrase_is_its_finding(rules, text, cue, content):
    found = cues_found(rules, text)
    assert found[cue].content == content
    assert found[cue].source_span is not None


@pytest.mark.parametrize("text", [
    "Mara Vell showed remarkable stamina on the campaign trail in Port Ellis last week.",
    "The harbor staff are showing signs of irritation with the new ferry timetable.",
])
def test_a_person_showing_something_is_not_a_finding(rules, text):
    assert "showed" not in cues_found(rules, text) and "showing" not in cues_found(rules, text)


# -- "reportedly": a report whose source the sentence does not name --------------------------------------------------

@pytest.mark.parametrize("text, content", [
    ("The ferry reportedly carried twice its allowed load on Sunday.",
     "The ferry reportedly carried twice its allowed load on Sunday"),
    # a fronted clause is the writer's setting, not the report
    ("When the vote was called, the delegates reportedly erupted in a chorus of booing.",
     "the delegates reportedly erupted in a chorus of booing"),
    # a trailing participle clause is the writer's comment (PolNeAR's spans stop before it)
    ("The Harbor Fund has reportedly hired 100 guards, leaving the board fearful of a strike.",
     "The Harbor Fund has reportedly hired 100 guards"),
    # a second verb of the same subject is part of the report
    ("The Harbor Fund has reportedly looked at the old pier and passed.",
     "The Harbor Fund has reportedly looked at the old pier and passed"),
])
def test_reportedly_reports_its_clause(rules, text, content):
    found = only_by_cue(extract(rules, text), "reportedly")
    assert found.content == content
    assert found.speaker is None and found.source_span is None
    assert "hedged" in found.flags and found.cue_class == "report"


def test_reportedly_on_a_speech_cue_stays_with_that_cue(rules):
    found = extract(rules, "Ansel Marr reportedly said the pier would close before the winter.")
    assert [a.cue for a in found] == ["said"]
    assert found[0].content == "the pier would close before the winter" and "hedged" in found[0].flags


def test_a_conjoined_clause_with_its_own_subject_is_not_reported(rules):
    found = only_by_cue(extract(rules, "The ferry reportedly carried twice its allowed load, and the board fears a "
                                "backlash from the island."), "reportedly")
    assert found.content == "The ferry reportedly carried twice its allowed load"


# -- "…, records show.": an evidence aside the parser misread ----------------------------------------------------------

@pytest.mark.parametrize("text, content, source", [
    # "records show" read as a compound noun; the clause after "and" is the writer's
    ("The ferry was insured at a value of $35 million in 2011, records show, and the harbor board says it is worth "
     "less now.", ["The ferry was insured at a value of $35 million in 2011"], "records"),
    # "show" hung as the complement of "fundraising"
    ("Ansel Marr had to lend his campaign thousands of dollars last month, fundraising documents show.",
     ["Ansel Marr had to lend his campaign thousands of dollars last month"], "fundraising documents"),
    # set off in the middle: both sides are what the records show
    ("During the same stretch, harbor records show, the ferry has sailed roughly 216 hours.",
     ["During the same stretch", "the ferry has sailed roughly 216 hours"], "harbor records"),
])
def test_an_evidence_aside_reports_its_sentence(rules, text, content, source):
    found = only_by_cue(extract(rules, text), "show")
    assert [text[s:e] for s, e in found.content_spans] == content
    assert text[found.source_span[0]:found.source_span[1]] == source


# -- a state that seems so: "seemed poised", "seemed like a formality", "seemed as if …" -------------------------

@pytest.mark.parametrize("text, cue, content", [
    ("Mara Vell seemed poised to win the vote.", "seemed", ["Mara Vell", "poised to win the vote"]),
    ("The vote in Port Ellis seemed like a formality.", "seemed", ["The vote in Port Ellis", "like a formality"]),
    ("The harbor board seemed as if it would never agree.", "seemed",
     ["The harbor board", "as if it would never agree"]),
])
def test_a_seeming_state_gives_subject_and_state(rules, text, cue, content):
    found = only_by_cue(extract(rules, text), cue)
    assert found.source_span is None  # nobody named
    assert [text[s:e] for s, e in found.content_spans] == content
    assert found.cue_class == "think"


@pytest.mark.parametrize("text", [
    "Mara Vell appeared at the harbor in a borrowed coat.",  # appearing somewhere
    "That seemed like a good plan to the crew.",  # a bare pronoun: nothing for a reader
])
def test_no_seeming_state(rules, text):
    assert not [a for a in extract(rules, text) if a.cue in {"appeared", "seemed"}]


@pytest.mark.parametrize("text,cue,content", [
    ("The harbor ferry seems to be running late again.", "seems", ["The harbor ferry", "to be running late again"]),
    ("The Port Ellis bridge is widely expected to reopen in May.", "expected",
     ["The Port Ellis bridge", "to reopen in May"]),
    ("Vell's supporters seemed equally unperturbed.", "seemed", ["Vell's supporters", "equally unperturbed"]),
])
def test_an_evidential_without_a_source_gives_subject_and_complement(rules, text, cue, content):
    found = cues_found(rules, text)
    assert found[cue].source_span is None  # nobody named: the speaker, if any, is the writer
    assert [text[s:e] for s, e in found[cue].content_spans] == content
    assert found[cue].cue_class == "think"  # a judgement, not speech: --speech-only leaves it out


@pytest.mark.parametrize("text", [
    "Mara Vell appeared on television in Port Ellis on Friday.",
])
def test_appearing_somewhere_is_no_evidential(rules, text):
    assert [a.cue for a in extract(rules, text) if a.cue in {"appeared", "seems"}] == []


def test_evidential_on_a_relative_takes_its_antecedent(rules):
    # "a Scott Meadows, who appears to be the brother of …": the content's subject is the person, not 'who'
    text = ("Online records show the campaign website was registered in October by a Tomas Verey, who appears "
            "to be the brother of the harbor master.")
    a = by_cue(extract(rules, text), "appears")
    assert a.content.startswith("a Tomas Verey")
    assert "who" not in a.content.split()


def test_a_seeming_over_a_cue_word_is_not_the_writers_report(rules):
    """'one forum user seems to indicate': the infinitive is a cue word; the writer's 'seems' over it is no
    evidential of its own (`evidential._seems_to_say`)."""
    text = "However, the Zephyr company might have fixed the hinge, one forum user seems to indicate.\n"
    assert "seems" not in cues(rules, text)


def test_a_seeming_foreseen_is_the_writers_forecast(rules):
    """'before they'll seem truly functional': a look foreseen with 'will' (`evidential._seeming_to_come`)."""
    text = ("As a paradigm, smartwatches still have quite a few kinks that need working out before they'll seem "
            "truly functional.\n")
    assert "seem" not in cues(rules, text)


def test_a_seeming_now_stays(rules):
    """'The ferry seems to be late again': the evidential PolNeAR marks stays."""
    text = "The Quillmoor ferry seems to be late again this morning.\n"
    assert "seems" in cues(rules, text)


@pytest.mark.parametrize("text, cue, content", [
    # a fronted "where" is no part of what is expected
    ("The town, where the mill is expected to close next year, lost 300 jobs.", "expected",
     ["the mill", "to close next year"]),
    ("Vell has paid $300,000 for a plot of land in another gated community where she is expected to build a large "
     "home.", "expected", ["she", "to build a large home"]),
    # "which"/"who" stand for their antecedent
    ("Vet Ansel Marr treated the carp, which was believed to be two years old.", "believed",
     ["the carp", "to be two years old"]),
    ("Hwang Tarro, who is believed to be around 65 years old, led the delegation.", "believed",
     ["Hwang Tarro", "to be around 65 years old"]),
    # "who" hung on a thing in the person's description stands for the person
    ("The masked man with a Tarn accent, who is said to be known as Harbor Jack, was seen in the video.", "said",
     ["The masked man with a Tarn accent", "to be known as Harbor Jack"]),
    ('"They live larger," said Tam Reed, the chief executive of the consulting firm Harbor Media, who is known to '
     'throw his own lavish dinners.', "known",
     ["Tam Reed, the chief executive of the consulting firm Harbor Media", "to throw his own lavish dinners"]),
    # not through "of" from a thing: the last noun is the one meant
    ("There was no word on the fate of other hostages who were believed to have been held with Mr. Talbot.",
     "believed", ["other hostages", "to have been held with Mr. Talbot"]),
    ("The camera showed the back of the weather man, who appeared to be relieving himself in the snow.", "appeared",
     ["the weather man", "to be relieving himself in the snow"]),
])
def test_an_evidential_in_a_relative_clause_holds_no_relative(rules, text, cue, content):
    """'the town, where the mill is expected to close': the content is what is expected of the mill, not the
    relative clause holding its own cue (`evidential._complement_span`)."""
    found = only_by_cue(extract(rules, text), cue)
    assert [text[s:e] for s, e in found.content_spans] == content


@pytest.mark.parametrize("text, cue", [
    ("Vell reacted with the venomous bile that the rest of her harbor blog seems to follow.", "seems"),
    ("Talbot bought the barge that the harbor board was expected to sell next spring.", "expected"),
])
def test_an_evidential_done_to_its_antecedent_is_no_content(rules, text, cue):
    """'the bile that her blog seems to follow': the thing followed is the antecedent, outside the content; the
    seeming says nothing a reader can hold."""
    assert cue not in cues(rules, text)


@pytest.mark.parametrize("text, content", [
    ("The suspect, who was reportedly born and raised in Tarn, has a long criminal past.",
     ["The suspect", "was reportedly born and raised in Tarn"]),
    ("The teacher, who reportedly also served as a ferry pilot in Pellmark, was arrested.",
     ["The teacher", "reportedly also served as a ferry pilot in Pellmark"]),
])
def test_reportedly_in_a_relative_clause_reports_of_the_antecedent(rules, text, content):
    """'The suspect, who was reportedly born in Tarn': the report is of the suspect, not of 'who'."""
    found = only_by_cue(extract(rules, text), "reportedly")
    assert [text[s:e] for s, e in found.content_spans] == content


@pytest.mark.parametrize("text, cue", [
    ("It is striking how excited Vell seems to be about it.", "seems"),
    ("Nobody knows whether the pier is expected to reopen in May.", "expected"),
    ("If the ferry seems to be late, call the harbor office.", "seems"),
])
def test_a_seeming_asked_or_exclaimed_is_no_claim(rules, text, cue):
    """'how excited Vell seems to be', 'whether the pier is expected to reopen': a question word before the
    subject makes the clause a question or a wonder (`evidential._asked_or_exclaimed`), no claim."""
    assert cue not in cues_found(rules, text)


@pytest.mark.parametrize("text, cue, content", [
    # a condition of its own before the subject: the expectation still stands
    ("If Osric Vell is elected, the losing side in the harbor dispute could be expected to take the case to the "
     "high court.", "expected", "the losing side in the harbor dispute … to take the case to the high court"),
    # "why" takes its clause as true
    ("In this climate, you can see why the Tarn board can seem like just another lobby with an agenda.", "seem",
     "the Tarn board … like just another lobby with an agenda"),
])
def test_a_seeming_beside_a_question_word_not_its_own_stays(rules, text, cue, content):
    assert " … ".join(text[s:e] for s, e in only_by_cue(extract(rules, text), cue).content_spans) == content


@pytest.mark.parametrize("text,cue,source,content", [
    ("The meeting was first reported by the Port Ellis Gazette.", "reported", "Port Ellis Gazette", "The meeting"),
    ("Her death was confirmed by the Harbor Society, the group she founded in 1975.", "confirmed", "Harbor Society",
     "Her death"),
    ("Instead, the “story” was first reported by the Tarnville Monitor, a paper based in Port Ellis.", "reported",
     "Tarnville Monitor", "the “story”"),
])
def test_a_passive_made_known_by_someone_reports_its_subject(rules, text, cue, source, content):
    """'X was first reported by the Gazette': the "by" phrase is the source, the subject what was made known
    (`evidential._made_known_by`)."""
    found = only_by_cue(extract(rules, text), cue)
    assert found.content == content
    assert source in text[slice(*found.source_span)]


@pytest.mark.parametrize("text", [
    "The story, which was first reported by the Gazette, spread across Port Ellis.",  # a relative: the story's
    "It was reported by the Tarnville Courier on Monday.",  # a pronoun names nothing
])
def test_a_passive_made_known_with_a_pronoun_subject_reports_nothing_of_it(rules, text):
    assert all(a.content not in {"which", "It"} for a in extract(rules, text))


# -- "it seems/appears (that) …": how things look, set after an "it" that stands for nothing ------------------------

@pytest.mark.parametrize("text, cue, content", [
    ("It appears, though, that the Quillmoor ferry strike wasn't dull to everyone.", "appears",
     "that the Quillmoor ferry strike wasn't dull to everyone"),
    ("Although the count is not final, it seems the Harbor Party has far too many delegates.", "seems",
     "the Harbor Party has far too many delegates"),
    # the judgement before the clause is part of what seems so
    ("It now seems inevitable that Tarn Vell will run for the harbor seat.", "seems",
     "inevitable that Tarn Vell will run for the harbor seat"),
    ("It may seem surprising that a post by Osric Marr went unnoticed in the screening.", "seem",
     "surprising that a post by Osric Marr went unnoticed in the screening"),
    ("It appears as though the ferry crews of Port Ellis will be paid by Friday.", "appears",
     "as though the ferry crews of Port Ellis will be paid by Friday"),
])
def test_it_seems_that_reports_the_clause_with_no_source(rules, text, cue, content):
    """'It appears that …': the clause (with a judgement before it) is what seems so, to nobody named
    (`evidential._it_seems`)."""
    found = only_by_cue(extract(rules, text), cue)
    assert found.content == content
    assert found.source_span is None


@pytest.mark.parametrize("text, cue", [
    ("It seems likely, though the harbor board has not said so.", "seems"),  # a bare judgement: no clause
    ("The ferry fleet of Port Ellis appeared to hold off the storm.", "appeared"),  # not an "it": the old rule's
    ("A clumsy phrase made it appear as though the Tarn ferry would stop running.", "appear"),  # a wording's effect
])
def test_it_seems_without_a_clause_of_its_own_is_no_find_of_that_rule(rules, text, cue):
    assert all(a.content is None or not a.content.startswith(("as though", "likely")) for a in
               extract(rules, text) if a.cue == cue)


@pytest.mark.parametrize("text, cue, complement", [
    # a trailing relative clause about a noun of the complement is the writer's aside
    ("The harbor board is expected to approve the Tarn ferry contract, which was signed by Ansel Marr in 2019.",
     "expected", "to approve the Tarn ferry contract"),
    ("It seems that the ferry crews will strike in May, while the harbor board says no talks are planned.",
     "seems", "that the ferry crews will strike in May"),
])
def test_what_seems_so_stops_where_a_statement_would(rules, text, cue, complement):
    """What seems so or is expected goes through the bounds a reported statement does (`evidential._cut_as_said`):
    it stops before a trailing relative clause or a contrast clause of someone else's."""
    found = by_cue(extract(rules, text), cue)
    assert text[slice(*found.content_spans[-1])] == complement
