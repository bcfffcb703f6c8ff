"""Rules of the second recall round on PolNeAR train (issue 9): kinds of missed statements the parse shows plainly.
Fictional sentences through the real parse, rules only."""

from __future__ import annotations

import pytest

from tests.conftest import cues_found
from tests.conftest import extract as extract_all


@pytest.mark.parametrize("text, cue, source, content", [
    ("Harbor Democrats see Mara Vell as the candidate most likely to reopen the ferry pier.", "see",
     "Harbor Democrats", "Mara Vell as the candidate most likely to reopen the ferry pier"),
    ("The port union regards the new timetable as a betrayal of the island towns.", "regards",
     "The port union", "the new timetable as a betrayal of the island towns"),
])
def test_seeing_something_as_something_is_an_opinion(rules, text, cue, source, content):
    found = cues_found(rules, text)[cue]
    assert found.content == content
    assert text[found.source_span[0]:found.source_span[1]] == source
    assert found.cue_class == "think"


def test_a_passive_seen_as_has_the_thing_and_the_as_phrase_as_content(rules):
    text = "The staffing change at the harbor office was widely viewed as a demotion for Ansel Marr."
    found = cues_found(rules, text)["viewed"]
    assert found.content_spans and len(found.content_spans) == 2
    assert found.content.startswith("The staffing change at the harbor office")
    assert found.content.endswith("as a demotion for Ansel Marr")


def test_seeing_without_as_is_perception(rules):
    assert "saw" not in cues_found(rules, "Mara Vell saw the ferry leave the harbor at noon.")


@pytest.mark.parametrize("text, cue, source, content", [
    ("Mara Vell has long been critical of the harbor board's new ferry timetable.", "critical", "Mara Vell",
     "the harbor board's new ferry timetable"),
    ("The island growers remain worried that the new tariffs will close the ferry route.", "worried",
     "The island growers", "the new tariffs will close the ferry route"),
])
def test_a_stance_adjective_is_an_opinion_of_its_subject(rules, text, cue, source, content):
    found = cues_found(rules, text)[cue]
    assert found.content == content
    assert text[found.source_span[0]:found.source_span[1]] == source
    assert found.cue_class == "think"


def test_a_stance_adjective_inside_a_statement_is_not_a_second_one(rules):
    found = cues_found(rules, "Ansel Marr said he was worried that the ferry would stop running in May.")
    assert "worried" not in found and "said" in found


def test_seeing_as_inside_a_statement_is_not_a_second_one(rules):
    found = cues_found(rules, "Ansel Marr told the harbor staff that he viewed Mara Vell as a real threat to the port.")
    assert "viewed" not in found and "told" in found


@pytest.mark.parametrize("text, content", [
    ("Mara Vell made it clear on Tuesday that she will not give up the harbor seat.",
     "she will not give up the harbor seat"),
    ("Ansel Marr has made clear he will fight the ferry closure in court.", "he will fight the ferry closure in court"),
    ("Talbot tried to make the case that the port cannot survive another winter.",
     "the port cannot survive another winter"),
])
def test_making_clear_or_making_the_case_is_a_statement(rules, text, content):
    found = [a for a in cues_found(rules, text).values() if a.cue.startswith("made") or a.cue == "make"]
    assert len(found) == 1 and found[0].content == content and found[0].source_span is not None


def test_making_a_case_for_someone_is_not_a_that_clause(rules):
    found = cues_found(rules, "The former mayor made a good case for Vell, while other voters stayed with Marr.")
    assert "made" not in found


@pytest.mark.parametrize("text, cue, content", [
    ("Asked if Vell is ready to lead the harbor board, 72 percent of the island voters said yes.", "said", "yes"),
    ("Six in 10 island voters say Marr is honest, and three-quarters said the same of Vell.", "said",
     "the same of Vell"),
])
def test_a_short_answer_after_say_is_what_was_said(rules, text, cue, content):
    found = cues_found(rules, text)[cue]
    assert found.content == content and found.source_span is not None


def test_saying_no_to_something_is_not_the_answer_no(rules):
    found = cues_found(rules, "Mara Vell said no to the ferry closure.")
    assert "said" not in found or found["said"].content != "no"


def test_a_critic_or_supporter_of_something_holds_a_stance_on_it(rules):
    text = "Mara Vell has been an outspoken critic of the harbor board's ferry timetable."
    found = cues_found(rules, text)["critic"]
    assert found.content == "the harbor board's ferry timetable"
    assert text[found.source_span[0]:found.source_span[1]] == "Mara Vell"


def test_in_someones_view_is_their_view_before_the_verb(rules):
    text = "The ferry, in Ansel Marr's view, will never pay for itself unless the harbor board raises the fares."
    found = [a for a in extract_all(rules, text) if a.cue == "in"]
    assert len(found) == 1
    assert text[found[0].source_span[0]:found[0].source_span[1]] == "Ansel Marr's"
    assert found[0].content.startswith("The ferry") and "will never pay for itself" in found[0].content


def test_in_ones_right_mind_is_no_view(rules):
    assert not [a for a in extract_all(rules, "Who in their right mind would take the night ferry to Port Ellis?")
                if a.cue.lower() == "in"]
