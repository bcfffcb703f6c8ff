"""Taken sides (reported/speech.py `taken_side`): "the union endorsed Vell", "defended Vell as a moderate": the side is
what the subject holds; verbs that as often say something else count only where the clause states the side. Fictional
sentences through the real parse, rules only; each finding test fails without the rule it names."""

from __future__ import annotations

import pytest

from tests.conftest import extract, only_by_cue, span_text

# -- a side taken: "endorsed X", "opposes X", "prefer X" ---------------------------------------------------------------

@pytest.mark.parametrize("text, cue, source, content, cue_class", [
    ("The harbor workers' union endorsed Mara Vell for mayor on Tuesday.", "endorsed", "The harbor workers' union",
     "Mara Vell", "assert"),
    ("Councillor Talbot opposes the new ferry levy.", "opposes", "Councillor Talbot", "the new ferry levy",
     "dispute"),
    ("Most voters in Port Ellis prefer Talbot to his rival.", "prefer", "Most voters in Port Ellis", "Talbot",
     "assert"),
])
def test_a_side_taken_is_what_its_subject_holds(rules, text, cue, source, content, cue_class):
    found = only_by_cue(extract(rules, text), cue)
    assert found.content == content
    assert span_text(text, found.source_span) == source
    assert found.cue_class == cue_class


@pytest.mark.parametrize("text", [
    "The budget was endorsed by the council.",  # a passive: the thing endorsed is the subject, no side named
    "Talbot opposes it.",  # a pronoun: the side is not in the sentence
    "The harbor board will back the ferry into the dock.",  # a verb outside the class ("back", "support")
])
def test_no_side_taken_without_a_named_side(rules, text):
    assert extract(rules, text) == []


def test_a_side_taken_inside_a_statement_is_the_statement(rules):
    text = "Talbot said the union had endorsed Vell."
    found = extract(rules, text)
    assert [a.cue for a in found] == ["said"]
    assert found[0].content == "the union had endorsed Vell"


# -- a side stated: "backed X", "defended X as Y", "a group backing X" ---------------------------------------------

@pytest.mark.parametrize("text, cue, source, content, cue_class", [
    ("The harbor workers' union backed Mara Vell in the primary.", "backed", "The harbor workers' union",
     "Mara Vell", "assert"),
    ("Councillor Talbot supports the new ferry levy.", "supports", "Councillor Talbot", "the new ferry levy",
     "assert"),
    ("Mayor Ilsa Marr defended the ferry levy as a fair price for the island.", "defended", "Mayor Ilsa Marr",
     "the ferry levy as a fair price for the island", "assert"),
    ("Talbot attacked Dorn Pike for the closure of the port.", "attacked", "Talbot",
     "Dorn Pike for the closure of the port", "dispute"),
])
def test_a_side_stated_is_what_its_subject_holds(rules, text, cue, source, content, cue_class):
    found = only_by_cue(extract(rules, text), cue)
    assert found.content == content
    assert span_text(text, found.source_span) == source
    assert found.cue_class == cue_class


def test_a_side_set_off_by_a_comma_stops_at_the_name(rules):
    text = "Talbot backed Dorn Pike, the harbor master of Port Ellis."
    assert only_by_cue(extract(rules, text), "backed").content == "Dorn Pike"


def test_a_group_backing_a_candidate_holds_the_side(rules):
    text = "A new group backing Mara Vell spent heavily on radio in Port Ellis."
    found = only_by_cue(extract(rules, text), "backing")
    assert found.content == "Mara Vell"
    assert span_text(text, found.source_span) == "A new group"


@pytest.mark.parametrize("text", [
    "The harbor board would back Mara Vell.",  # a side that might be taken
    "Councillor Talbot did not support the ferry levy.",  # a side refused
    "The ferry crew wants to support the islanders.",  # an infinitive: the bare form
    "Councillor Talbot backed her.",  # a pronoun: the side is not in the sentence
])
def test_no_side_stated(rules, text):
    assert not [a for a in extract(rules, text) if a.cue in {"back", "support", "supported", "backed"}]


def test_a_side_phrase_stays_off_a_siding_verb(rules):
    # "endorsed Vell for mayor": PolNeAR marks the one endorsed, not the office (round 6)
    text = "The harbor workers' union endorsed Mara Vell for mayor on Tuesday."
    assert only_by_cue(extract(rules, text), "endorsed").content == "Mara Vell"


def test_a_statement_set_off_in_the_side_phrase_stays_its_own(rules):
    text = "Talbot attacked the harbor board for the closures, which he said would cost the island dearly."
    found = extract(rules, text)
    assert only_by_cue(found, "attacked").content == "the harbor board for the closures"
    assert only_by_cue(found, "said").content == "would cost the island dearly"


def test_a_cue_inside_the_side_stays_its_own(rules):
    text = "Talbot defended his position of closing the harbor by citing a survey of the ferry riders."
    found = extract(rules, text)
    assert only_by_cue(found, "defended").content == "his position of closing the harbor"


def test_a_cue_modifying_the_side_is_part_of_it(rules):
    text = "Talbot defended ferry riders accused of fare dodging in Port Ellis."
    assert only_by_cue(extract(rules, text), "defended").content == "ferry riders accused of fare dodging in Port Ellis"


def test_a_cue_in_the_side_phrase_is_the_grounds(rules):
    # "attacked X for not answering …": the verb's own "for" phrase is kept whole (PolNeAR marks the grounds)
    text = "Talbot attacked Dorn Pike for not answering the question about the ferry."
    found = only_by_cue(extract(rules, text), "attacked")
    assert found.content == "Dorn Pike for not answering the question about the ferry"


# -- a deed of force is no side: "attacked the mall", "defended the town" -----------------------------------------

@pytest.mark.parametrize("text, cue", [
    ("Under Garn's orders, the group attacked the upscale Westgate Mall in Dunmore, killing at least 67 people.",
     "attacked"),  # a building
    ("Gunmen from Tarsia attacked an army patrol near the border on Tuesday.", "attacked"),  # a body of troops
    ("The masked man first attacked a woman after she sneezed in Harlow town centre on Monday.", "attacked"),
    ("Fighters surrounded Kessel, attacking the largely Tarsian town from three sides.", "attacking"),  # a place
    ("Militia fighters defended the town against the rebels for a week.", "defended"),
])
def test_a_deed_of_force_takes_no_side(rules, text, cue):
    """'attacked the mall': an object that is a place, a thing or people met in the flesh makes the verb an assault
    (`evidential._met_by_force`), no statement."""
    assert cue not in [a.cue for a in extract(rules, text)]


@pytest.mark.parametrize("text, cue, content", [
    ("Senator Vell attacked the harbor levy on Tuesday.", "attacked", "the harbor levy"),  # a view or a deed
    ("Vell has defended her decision to close the pier.", "defended", "her decision to close the pier"),
])
def test_a_side_against_a_view_stays(rules, text, cue, content):
    assert only_by_cue(extract(rules, text), cue).content == content


@pytest.mark.parametrize("text, cue, content", [
    ("Moss supports his 2013 amendments to radically expand the ferry service.", "supports",
     "his 2013 amendments to radically expand the ferry service"),
    ("Vell defended his call to raise the harbor wage to 15 dollars an hour.", "defended",
     "his call to raise the harbor wage to 15 dollars an hour"),
    # after a person the infinitive is what the person is backed for, not the side
    ("The harbor union endorsed Mara Vell to help spread the word.", "endorsed", "Mara Vell"),
])
def test_an_infinitive_after_a_thing_backed_belongs_to_the_side(rules, text, cue, content):
    """'supports the amendments to expand …': the parser hangs the thing's infinitive on the verb
    (`evidential._side_span`)."""
    assert only_by_cue(extract(rules, text), cue).content == content
