"""Rules of the sixth PolNeAR recall round (issue 9), each a construction rather than a word: a verb of taking a side
with its object ("the union endorsed Vell", `attitude` → `taken_side`), and a headline's verb in a title line
("Talbot Slams Ferry Levy", `title_line` → `headline`). Fictional sentences through the real
parse, rules only; each positive case fails without its rule, the negative ones are similar sentences the rule must
not take."""

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


# -- a headline's verb: "Talbot Slams Ferry Levy" -------------------------------------------------------------------

BODY = "\n\nThe harbor board met on Tuesday in Port Ellis to discuss the ferry.\n"


@pytest.mark.parametrize("title, cue, source, content, cue_class", [
    ("Talbot Slams Ferry Levy", "Slams", "Talbot", "Ferry Levy", "dispute"),
    # the content stops at a second headline verb
    ("Mara Vell Backs Harbor Plan And Denounces Toll", "Backs", "Mara Vell", "Harbor Plan", "assert"),
])
def test_a_headline_verb_reports_the_name_before_it(rules, title, cue, source, content, cue_class):
    text = title + BODY
    found = only_by_cue(extract(rules, text), cue)
    assert found.content == content
    assert span_text(text, found.source_span) == source
    assert found.cue_class == cue_class


@pytest.mark.parametrize("title", [
    "How Talbot Thinks About The Ferry",  # a question word before the verb: no name says it
    "Talbot Buys Ferry For Harbor",  # a verb of doing
])
def test_a_headline_without_a_name_and_a_cue_verb_reports_nothing(rules, title):
    assert extract(rules, title + BODY) == []
