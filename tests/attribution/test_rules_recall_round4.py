"""Rules of the fourth PolNeAR recall round (issue 9): the lemmatizer's "hop" for "hopes", intentions as cues
("refused to", "plans to", "wants to", "threatened to"), and noun-phrase objects of six reporting verbs ("recalled
the long winter"). Fictional sentences through the real parse, rules only; each positive case fails without its rule,
the negative ones guard the rule's limits."""

from __future__ import annotations

import pytest

from tests.conftest import extract, only_by_cue

# -- "hopes", "hoping", "hoped": the lemmatizer says "hop" -------------------------------------------------------------

@pytest.mark.parametrize("text, cue, content", [
    ("Mara Vell hopes the new ferry will bring tourists back to the island.", "hopes",
     "the new ferry will bring tourists back to the island"),
    ("The harbor board is hoping to reopen the old pier before the summer season.", "hoping",
     "to reopen the old pier before the summer season"),
])
def test_hope_is_a_cue_whatever_its_lemma(rules, text, cue, content):
    found = only_by_cue(extract(rules, text), cue)
    assert found.content == content and found.cue_class == "think"


def test_hopping_is_no_hope(rules):
    assert extract(rules, "The children were hopping across the wet stones of the old pier.") == []


# -- intentions -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, cue, content, speaker", [
    ("Ansel Marr wants to close the old pier before the winter storms.", "wants",
     "to close the old pier before the winter storms", "Ansel Marr"),
    ("Ansel Marr threatened to sue the harbor board over the closure.", "threatened",
     "to sue the harbor board over the closure", "Ansel Marr"),
    ("The harbor board refused to publish the inspection report on the pier.", "refused",
     "to publish the inspection report on the pier", None),
    ("Mara Vell plans to run for mayor of Northgate next spring.", "plans", "to run for mayor of Northgate next spring",
     "Mara Vell"),
])
def test_an_intention_is_found(rules, text, cue, content, speaker):
    found = only_by_cue(extract(rules, text), cue)
    assert found.content == content
    if speaker is not None:
        assert found.speaker is not None and found.speaker.name == speaker


def test_trying_is_no_intention_cue(rules):
    # "try" was right a fifth of the time on PolNeAR train: left out of the lexicon.
    assert extract(rules, "Ansel Marr tried to open the rusted gate of the old pier.") == []


def test_the_writers_own_want_is_no_statement(rules):
    # a belief or intention class: "I want", "we want" hedge the writer's own sentence, as "I think" does
    assert extract(rules, "We want to see the old pier open again by the summer.") == []


def test_knowing_is_no_cue(rules):
    # "know" was right two times in three on PolNeAR train, but none of its three finds on the real pages was a
    # statement (a hypothetical "someone who knows …", "no one knows …", "let me know"): left out of the lexicon.
    assert extract(rules, "Anyone who knows the harbor well can find the old pier at night.") == []


# -- a noun phrase said, noted, recalled ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, cue, content", [
    ("Mara Vell recalled the long winter when the ferry stopped running.", "recalled",
     "the long winter when the ferry stopped running"),
    ("The inspectors noted the poor state of the pier's wooden supports.", "noted",
     "the poor state of the pier's wooden supports"),
    ("Ansel Marr stressed the importance of the ferry for island families.", "stressed",
     "the importance of the ferry for island families"),
])
def test_a_reporting_verb_takes_a_noun_phrase_object(rules, text, cue, content):
    assert only_by_cue(extract(rules, text), cue).content == content

