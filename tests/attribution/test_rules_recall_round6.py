"""Rules of the sixth PolNeAR recall round (issue 9), each a construction rather than a word: a verb of taking a side
with its object ("the union endorsed Vell", `attitude` → `taken_side`). Fictional sentences through the real
parse, rules only; each positive case fails without its rule, the negative ones are similar sentences the rule must
not take."""

from __future__ import annotations

import pytest

from tests.conftest import extract


def _one(found: list, cue: str):
    hits = [a for a in found if a.cue == cue]
    assert len(hits) == 1, [(a.cue, a.content) for a in found]
    return hits[0]


def _text(text: str, span) -> str | None:
    return text[span[0]:span[1]] if span else None


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
    found = _one(extract(rules, text), cue)
    assert found.content == content
    assert _text(text, found.source_span) == source
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

