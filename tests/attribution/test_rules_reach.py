"""Rules that find more reported speech with the right boundaries (issue 9: PolNeAR misses and overruns), on
fictional sentences through the real parse, rules only."""

from __future__ import annotations

import pytest

from tests.conftest import cues_found, extract


def test_a_fronted_phrase_is_not_the_content_when_a_complement_follows_the_cue(rules):
    text = ("In a statement released shortly after the harbor board suspended its ferry plan, Talbot said he is "
            "certain the port will reopen in May.")
    found = cues_found(rules, text)
    assert found["said"].content == "he is certain the port will reopen in May"


def test_a_quote_whose_sentence_goes_on_after_the_cue_keeps_the_rest(rules):
    text = "“Only you, Mara,” she said, would use a harsh ruling to praise the harbor board."
    found = cues_found(rules, text)
    assert found["said"].content_spans[1:] and found["said"].content.endswith("to praise the harbor board")
    assert found["said"].kind == "mixed"


@pytest.mark.parametrize("text", [
    "“We will win the vote,” said Mara Vell, the mayor of Port Ellis, who spoke on Friday.",
    "“We will win the vote,” Vell said, and the crowd in Port Ellis cheered.",
    "“We will win the vote,” Vell said, not even mentioning the ferry.",
])
def test_what_follows_the_cue_clause_about_the_speaker_is_not_said(rules, text):
    found = cues_found(rules, text)
    assert found["said"].content == "We will win the vote,"


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
    "It seems that the ferry will be late.",  # no raised subject: the expletive is nobody's content
])
def test_appearing_somewhere_is_no_evidential(rules, text):
    assert [a.cue for a in extract(rules, text) if a.cue in {"appeared", "seems"}] == []


@pytest.mark.parametrize("text,cue,source,content,cue_class", [
    ("Talbot's claim that the port lost money in June was false.", "claim", "Talbot", "the port lost money in June",
     "assert"),
    ("Officials voiced fears that the Port Ellis bridge would close in winter.", "fears", "Officials",
     "the Port Ellis bridge would close in winter", "think"),
])
def test_a_statement_or_belief_noun_with_a_that_clause_is_an_attribution(rules, text, cue, source, content,
                                                                          cue_class):
    found = cues_found(rules, text)
    assert found[cue].content == content
    assert found[cue].cue_class == cue_class
    assert source in text[slice(*found[cue].source_span)]


def test_the_fact_that_is_nobodys_statement(rules):
    assert extract(rules, "The fact that the port lost money in June surprised nobody in Port Ellis.") == []


def test_a_poll_named_with_in_is_the_source_of_its_clause(rules):
    text = "In the new Harbor Institute poll, 40 percent of voters back Mara Vell for mayor."
    found = cues_found(rules, text)
    assert found["In"].kind == "according_to"
    assert text[slice(*found["In"].source_span)] == "the new Harbor Institute poll"
    assert found["In"].content == "40 percent of voters back Mara Vell for mayor"


def test_in_a_statement_leaves_the_attribution_to_its_cue(rules):
    found = extract(rules, "In a statement, the Port Ellis ministry said the ferry was late again.")
    assert [a.cue for a in found] == ["said"]


def test_a_title_line_with_a_named_source_is_what_it_said(rules):
    text = "Owen Talbot: Ferry fares will rise in May.\n\nThe harbor board met on Tuesday in Port Ellis."
    found = cues_found(rules, text)
    assert found[":"].content == "Ferry fares will rise in May"
    assert text[slice(*found[":"].source_span)] == "Owen Talbot"


@pytest.mark.parametrize("title", ["The Latest: Vell wins the harbor vote in Port Ellis.",
                                   "Breaking: Vell wins the harbor vote in Port Ellis.",
                                   "Owen Talbot: 1,769."])
def test_a_title_label_without_a_source_is_no_attribution(rules, title):
    assert extract(rules, title + "\n\nThe harbor board met on Tuesday in Port Ellis.") == []


@pytest.mark.parametrize("text", [
    "At a rally that night, Vell called Talbot, a former county chairman, onto the stage.",
    "A group of comedians is performing a popular play called “Sons of Vell” in Port Ellis.",
])
def test_calling_someone_up_or_a_name_is_not_speech(rules, text):
    assert [a.cue for a in extract(rules, text) if a.cue == "called"] == []


def test_the_speakers_next_act_is_not_part_of_what_was_said(rules):
    text = ("Councillor Owen Talbot said the ferry plan would cost the town a fortune, and called Vell "
            "“the worst mayor Port Ellis ever had.”")
    found = cues_found(rules, text)
    assert found["said"].content == "the ferry plan would cost the town a fortune"
    assert text[slice(*found["called"].source_span)] == "Councillor Owen Talbot"


def test_a_verb_in_another_tense_without_its_own_subject_is_not_said(rules):
    text = "Mara Vell said she admires the ferry crews and highlighted their work through the winter storms."
    assert cues_found(rules, text)["said"].content == "she admires the ferry crews"


def test_a_quote_after_a_named_colon_is_that_persons(rules):
    text = "What that means for the harbor. More from Owen Talbot: “The county is a starting point for the vote.”"
    found = cues_found(rules, text)
    assert found[":"].content == "The county is a starting point for the vote."
    assert text[slice(*found[":"].source_span)] == "Owen Talbot"


@pytest.mark.parametrize("text", [
    "Vell garnered most of the convention’s pledged delegates after winning primaries in Port Ellis on Tuesday.",
    "Vell met the harbor board in order to show the ferry plan had broad support in Port Ellis.",
])
def test_adjectives_and_purposes_are_not_cues(rules, text):
    assert [a.cue for a in extract(rules, text) if a.cue in {"pledged", "show"}] == []


def test_an_object_content_stops_before_the_cues_own_conjunct(rules):
    text = "Mara Vell called the ferry plan “reckless,” and the harbor board has since dropped the plan entirely."
    assert cues_found(rules, text)["called"].content == "the ferry plan “reckless,”"


def test_a_question_asked_is_its_askers(rules):
    found = cues_found(rules, "Owen Talbot asked the mayor if she had been preparing for the harbor vote.")
    assert found["asked"].content == "if she had been preparing for the harbor vote"


def test_asked_whether_keeps_the_question_without_naming_who_asked(rules):
    text = "Asked on Monday whether Talbot would hold a cabinet post, Mara Vell shook her head."
    found = cues_found(rules, text)
    assert found["Asked"].content == "whether Talbot would hold a cabinet post"
    assert found["Asked"].source_span is None  # Vell was asked; she is not the one asking


def test_asked_why_then_said_is_only_the_answer(rules):
    found = extract(rules, "Asked why the ferry was late, Mara Vell said the crews were ill.")
    assert [a.cue for a in found] == ["said"]
