"""Errors of the development pages of docs/realweb_heldout.md (issue 9, realweb precision round 3), each fixed as a
pattern of English copy (claimgraph/attribution/unsaid.py, reported.py, speakers/) and checked on PolNeAR train
(no fall). Fictional sentences through the real parse; each test fails without its rule."""

from __future__ import annotations

import pytest

from tests.conftest import extract


def cues(found) -> list[str]:
    return [(a.cue or "").lower() for a in found]


def one(found, cue: str):
    hits = [a for a in found if (a.cue or "").lower() == cue]
    assert len(hits) == 1, [(a.cue, a.content) for a in found]
    return hits[0]


@pytest.mark.parametrize("text, cue", [
    # weighing a question or a course: no opinion held
    ("The harbor board set out to consider how crews solve problems at sea.", "consider"),
    # acquiring a skill
    ("As computers learn to recognize ships in fog, the cost of power grows.", "learn"),
    # a possibility in a wh-clause, and a thing that would show something
    ("The article helps me understand why people might question the results of the ferry vote.", "question"),
    (("The letter “Is Tarn headed to a recount?” (Page B1, Jan. 15) regarding “voters confusion about everything "
     "from the results of certain races to the future of the ferry vote” helps me understand why people might "
     "question election results."), "question"),
    ("The dish could detect ripples that would reveal the passing of long waves through the cloud.", "reveal"),
    # a belief wished on others
    ("They want us to believe they can predict harbor temperatures for the next century.", "believe"),
    # a picture showing only a name
    ("The vertical lines show what statisticians call the standard error of the estimate for each crew.", "show"),
])
def test_a_cue_that_reports_no_statement_is_left_out(rules, text, cue):
    assert cue not in cues(extract(rules, text)), [(a.cue, a.content) for a in extract(rules, text)]


@pytest.mark.parametrize("text, cue", [
    ("The harbor board considers the new timetable reckless and costly.", "considers"),  # an opinion
    ("Tarn is considering issuing fines to drivers who block the pier.", "considering"),  # a course weighed
    ("The crowd cheered as they learned their candidate had won the ferry vote.", "learned"),  # news relayed
    ("“It is a sign of anger,” Vell said, citing low growth and the rising cost of ferry fares.", "citing"),
    ("Ms Vell, citing “the quiet magic of the harbor,” said the ferry could win back riders.", "citing"),
    ("Vell dismissed what she called a witch hunt by the council.", "dismissed"),  # a dispute
    ("Vell railed against what she calls the harbor cartel.", "calls"),  # a name that judges
])
def test_an_opinion_or_a_statement_of_the_same_words_stays(rules, text, cue):
    assert cue in cues(extract(rules, text)), [(a.cue, a.content) for a in extract(rules, text)]


def test_a_statement_beside_a_name_shown_stays(rules):
    found = extract(rules, "Vell dismissed what she called a witch hunt by the council, and said the pier would stay "
                           "open.")
    assert {"dismissed", "said"} <= set(cues(found))


def test_a_cited_source_is_no_statement_but_the_note_is(rules):
    found = extract(rules, "Citing the Norland Fire Database, the agency noted that 400 fires had burned this month.")
    assert "citing" not in cues(found)
    assert one(found, "noted").content == "that 400 fires had burned this month"


def test_a_second_verb_under_the_same_modal_is_still_said(rules):
    text = ("Mayor Ilse Marr said the ferry would run. She added that Norland will also align with the other "
            "provinces and add Vell Island and Tarn to the list of exempt places.")
    assert one(extract(rules, text), "added").content.endswith("add Vell Island and Tarn to the list of exempt places")


def test_a_quoted_word_read_as_the_clause_verb_does_not_cut_the_predicate(rules):
    text = "The Courier: You argue that crews of people “hyperconnected” with radios are smarter than machines."
    assert one(extract(rules, text), "argue").content.endswith("are smarter than machines")


def test_a_relative_before_the_cue_is_not_part_of_the_content(rules):
    text = ("We looked at a number of factors that earlier research suggested might have predicted how effective a "
            "crew would be.")
    assert one(extract(rules, text), "suggested").content == "might have predicted how effective a crew would be"


@pytest.mark.parametrize("text, cue, content", [
    # the parser hangs the last words on the cue as its object
    (("Researchers are warning of a new kind of ransomware being spread via links in online forums and SMS "
     "messages."), "warning", "a new kind of ransomware being spread via links in online forums and SMS messages"),
    ("Mr Brill used his speech to warn against a one-size-fits-all approach to the ferry timetable.", "warn",
     "a one-size-fits-all approach to the ferry timetable"),
])
def test_the_danger_warned_of_is_the_content(rules, text, cue, content):
    assert one(extract(rules, text), cue).content == content


@pytest.mark.parametrize("text, cue", [
    # a belief raised to its subject with nobody named, and an inference from what the writer just set out
    (("Tarn Observatory has passed its tests, and the Norland government is expected to give the dish the final "
     "green light next month."), "expected"),
    (("The tool was found on the beach near Tarn. This suggests the toolmakers were quite dedicated to making such "
     "tools."), "suggests"),
])
def test_the_writers_own_judgement_is_the_writers(rules, text, cue):
    found = one(extract(rules, text), cue)
    assert found.speaker is not None and found.speaker.role == "writer"


def test_a_demonstrative_inside_someones_statement_is_not_the_writer(rules):
    text = "Dr Ana Vell said the tool was found on the beach. “This suggests the toolmakers were dedicated,” she said."
    assert all(a.speaker is None or a.speaker.role != "writer" for a in extract(rules, text))


# Round 3 continued (H5): the kinds H2 left on the development pages.

def test_a_noun_phrase_after_that_is_no_clause_confirmed(rules):
    # "that thesis" is the subject of the sentence's only verb; nobody confirms anything
    assert "confirming" not in cues(extract(rules, "Evidence confirming that thesis is now everywhere in Tarn."))


def test_a_participle_with_a_real_that_clause_stays(rules):
    found = extract(rules, "Reports saying that the ferry is late were everywhere in Tarn on Monday.")
    assert "saying" in cues(found)


def test_a_count_with_no_noun_is_no_speaker(rules):
    found = one(extract(rules, "A growing number are touting the new radar as a cure for the fog at Tarn."),
                "touting")
    assert found.speaker is None or "number" not in found.speaker.name.lower()
    assert found.source_span is not None  # the mention stays, only the identity is left out


def test_a_count_of_a_named_group_is_the_group(rules):
    found = one(extract(rules, "A growing number of harbor pilots are touting the new radar as a cure for fog."),
                "touting")
    assert found.speaker is not None and "pilot" in found.speaker.name.lower()


def test_the_inner_speaker_after_according_to_is_not_the_source(rules):
    text = ("According to a blog post for the Tarn Courier, the Norland Institute for Harbor Research predicts that "
            "rainfall on the coast will be far below normal in the next three months.")
    found = extract(rules, text)
    outer = one(found, "according to")
    assert text[slice(*outer.source_span)] == "a blog post for the Tarn Courier"
    assert outer.content.startswith("the Norland Institute for Harbor Research predicts")
    assert one(found, "predicts").speaker.name == "Norland Institute for Harbor Research"


@pytest.mark.parametrize("text, cue, content", [
    ("That said, I believe that the seeds of doubt this vote might have cast are very troubling.", "believe",
     "that the seeds of doubt this vote might have cast are very troubling"),
    ("We expect that future research will shed more light on the ferry crews of Tarn.", "expect",
     "that future research will shed more light on the ferry crews of Tarn"),
])
def test_the_writers_own_belief_with_that_is_the_writers(rules, text, cue, content):
    found = one(extract(rules, text), cue)
    assert found.content == content
    assert found.speaker is not None and found.speaker.role == "writer"


def test_a_bare_i_think_still_hedges(rules):
    assert "think" not in cues(extract(rules, "I think the ferry will be late again on Monday morning."))


def test_hopes_is_a_thinking_cue_whatever_the_lemma(rules):
    text = "Ilse Marr hopes that the Tarn ferry will soon move from the old pier to a new terminal."
    found = one(extract(rules, text), "hopes")
    assert found.content == "that the Tarn ferry will soon move from the old pier to a new terminal"
    assert found.speaker.name == "Ilse Marr"


@pytest.mark.parametrize("text", [
    "The host said the ferry to Tarn would be late again on Monday morning.",
    "The couple worried that the ferry to Tarn would be late again on Monday.",
])
def test_a_noun_that_can_name_someone_stays_a_speaker(rules, text):
    assert all(a.speaker is not None for a in extract(rules, text))
