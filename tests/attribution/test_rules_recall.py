"""Rules of the sixth pass on PolNeAR train (issue 9): recall where the rules cut a statement short or read it
wrongly. Fictional sentences through the real parse, rules only."""

from __future__ import annotations

import pytest

from tests.conftest import cues_found, extract


@pytest.mark.parametrize("text, tail", [
    ("Mara Vell believes there are no good options for the harbor, but that sometimes the lesser of two evils "
     "will have to do.", "but that sometimes the lesser of two evils will have to do"),
    ("Talbot and Vell think the council advanced this agenda, but that there is still more to do.",
     "but that there is still more to do"),
])
def test_a_second_that_clause_joined_to_the_cue_is_said_too(rules, text, tail):
    (found,) = cues_found(rules, text).values()
    assert found.content.endswith(tail)


def test_a_conjoined_verb_without_that_is_not_pulled_into_the_content(rules):
    found = cues_found(rules, "Mara Vell said the ferry would run again in May and left the harbor office at noon.")
    assert "left the harbor" not in found["said"].content


def test_a_cue_after_an_apposition_is_not_a_parenthetical(rules):
    # The comma before "wrote" closes the apposition inside its subject: "wrote" is what Kiedis said, not a cue
    # reporting the sentence around it.
    text = ("Speaking on a radio show last week, Ansel Marr said his band and its producer, a man called Danger "
            "Moss, wrote a dozen new songs for the upcoming album.")
    found = cues_found(rules, text)
    assert found["said"].content.startswith("his band and its producer")
    assert "wrote" not in found or "Marr said" not in found["wrote"].content


def test_a_quotation_inside_a_reported_statement_is_no_continuation_of_an_earlier_quote(rules):
    text = ('"We will reopen the harbor in May," Mara Vell said.\n\nAnsel Marr said in an e-mail that the mayor "has '
            'to contend with the suggestion that the council sat on the report until after the vote. But she also '
            'has the chance to make reforms that will make a real difference."')
    found = extract(rules, text)
    assert [a.cue for a in found] == ["said", "said"]
    assert found[1].kind == "mixed" and found[1].content.endswith('make a real difference."')
    assert not any("continuation" in a.flags for a in found)


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


@pytest.mark.parametrize("text, cue, content", [
    ("Mara Vell asked the harbor board to reopen the old ferry pier before the summer.", "asked",
     "the harbor board to reopen the old ferry pier before the summer"),
    ("Ansel Marr called on the council and the mayor to release the report.", "called",
     "the council and the mayor to release the report"),
    ("Talbot is calling for the port authority to take a stronger role in the dispute.", "calling",
     "the port authority to take a stronger role in the dispute"),
])
def test_a_request_is_its_object_and_infinitive(rules, text, cue, content):
    found = cues_found(rules, text)
    assert found[cue].content == content
    assert found[cue].source_span is not None


def test_telling_someone_to_go_is_left_out(rules):
    assert "told" not in cues_found(rules, "Mara Vell told Ansel Marr to get on a plane and go home.")


def test_a_that_clause_the_parser_hangs_on_a_phrase_of_time_is_the_content(rules):
    text = ("The harbor office also said for the first time that some emails between Vell and Marr have been "
            "located and will be withheld from the public.")
    found = cues_found(rules, text)
    assert "some emails between Vell and Marr have been located" in found["said"].content


def test_a_quote_resumed_after_a_cue_clause_with_a_relative_clause_joins_the_first(rules):
    text = ("''You are going to see a variety of tactics at the harbor,'' said Elsa Moor, 32, a former ferry clerk "
            "who said she planned to demonstrate. ''I personally don't like being arrested. But it's essential that "
            "we speak our minds.''")
    found = extract(rules, text)
    assert len(found[0].content_spans) == 2 and found[0].content.endswith("we speak our minds.")
    assert not any("continuation" in a.flags for a in found)


def test_a_quote_inside_the_relative_clause_stays_its_own(rules):
    text = ('"Mara Vell is a dictator in the making," said Ansel Marr, who said there were "too many disturbing '
            'things for me to dismiss about the harbor plan."')
    found = extract(rules, text)
    assert found[0].content == "Mara Vell is a dictator in the making,"
    assert found[1].content.startswith('there were "too many disturbing things')


def test_a_title_whose_name_the_article_names_below_is_its_statement(rules):
    text = ("Marr: Ferry Fares Must Rise Before The Summer Season.\n\nOn Wednesday the harbor master Ansel Marr told "
            "the council the boats were running at a loss.")
    found = extract(rules, text)
    assert found[0].cue == ":" and found[0].content.startswith("Ferry Fares Must Rise")


def test_a_title_whose_name_the_article_never_names_is_no_statement(rules):
    text = "Harbor: Ferry Fares Rose Before The Summer Season.\n\nThe boats were running at a loss, the report shows."
    assert ":" not in cues_found(rules, text)


@pytest.mark.parametrize("text, cue, content", [
    ("Mara Vell also accuses it of stealing harbor jobs from Port Ellis.", "accuses",
     "it of stealing harbor jobs from Port Ellis"),
    ("The ferry union has criticized him for not doing more to keep the old pier open.", "criticized",
     "him for not doing more to keep the old pier open"),
])
def test_a_pronoun_object_with_its_grounds_is_the_content(rules, text, cue, content):
    assert cues_found(rules, text)[cue].content == content


def test_a_bare_pronoun_object_is_still_no_statement(rules):
    assert "praised" not in cues_found(rules, "Mara Vell praised him at the harbor yesterday.")
