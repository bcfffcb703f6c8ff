"""Rules of the eighth PolNeAR recall round (H4): the verbs of taking a side that as often say something else
("support", "back", "defend", "attack": `taken_side`'s BACKING), read where the clause states the side taken, with
the phrase PolNeAR keeps with the side ("defended Vell as a moderate"); and what a SEEM verb says its subject seems
beyond an adjective ("seemed poised to win", "seemed like a formality": `evidential`'s `_seeming`). Fictional
sentences through the real parse, rules only; each positive case fails without its rule, the negative ones are similar
sentences it must not take."""

from __future__ import annotations

import pytest

from tests.conftest import extract, only_by_cue, span_text

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
