"""Headline and sports idiom is not a claim (issues 9 and 12): "claim", "deny", "pledge" or "concede" whose object is a
thing won, kept or withheld (a prize, a place in a table, a score, a life, a permission) reports a result, not a
statement; `cues.is_result_not_statement` reads the construction (the object's head and the words naming it with it,
no clause, no noun of a proposition or of speech). Fictional sentences through the real parse and the default
pipeline; each refused case fails without the construction test (the old word list let it through), the kept ones
are claims the test must leave alone."""

from __future__ import annotations

import pytest

from claimgraph.attribution.cues import is_result_not_statement
from tests.conftest import extract


def _cue(extractor, text: str, word: str):
    doc = extractor.nlp.make_doc(text)
    for name, proc in extractor.nlp.pipeline:
        if name != "attributions":
            doc = proc(doc)
    return next(t for t in doc if t.text == word)


# -- refused: the object, or a word naming it, is a thing won or withheld --------------------------------------------

@pytest.mark.parametrize("text", [
    "Striker Oskar Brandt claims golden boot.",  # a prize named by its modifier ("golden")
    "Dorr claimed the yellow jersey on the climb to Kessel.",  # a prize outside the old list ("jersey")
    "Rovers denied late winner.",  # a headline: a score withheld ("winner")
    "Harlow were denied a late winner by the referee.",  # the passive of the same
    "The harbor council denied the permit for the tower on Marr Street.",  # a permission ("permit")
    "Vell took the Marrow primary, claiming 41 percent of the vote.",  # a count won, no clause
    "The harbor fire claimed twelve boats on Sunday.",  # a count lost
])
def test_a_thing_won_or_withheld_is_no_claim(extractor, text):
    assert extract(extractor, text) == []


# -- kept: a clause, a noun of a proposition or of speech -----------------------------------------------------------

@pytest.mark.parametrize("text, cue, content, cue_class", [
    ("Vell claimed that the vote was rigged.", "claimed", "that the vote was rigged", "assert"),
    ("The ministry denied the report.", "denied", "the report", "dispute"),
    ("The ministry denied any wrongdoing.", "denied", "any wrongdoing", "dispute"),
    ("Vell claimed 300 ballots had been forged in Marrow.", "claimed", "300 ballots had been forged in Marrow",
     "assert"),  # a count inside a clause is a claim
    ("Vell claimed responsibility for the attack on the depot.", "claimed",
     "responsibility for the attack on the depot", "assert"),
])
def test_a_claim_or_a_denial_of_one_is_kept(extractor, text, cue, content, cue_class):
    found = [a for a in extract(extractor, text) if a.cue == cue]
    assert len(found) == 1, [(a.cue, a.content) for a in extract(extractor, text)]
    assert found[0].content == content
    assert found[0].cue_class == cue_class


@pytest.mark.parametrize("text, word", [
    ("Vell claimed fraud.", "claimed"),  # a noun of a proposition
    ("Vell claimed that the vote for the title was rigged.", "claimed"),  # a clause, even holding a prize word
    ("Talbot denied the report about the medal.", "denied"),  # a noun of speech, even about a prize
    ("Vell claimed victory in the Marrow primary.", "claimed"),  # that one won: PolNeAR marks it
    ("The rebels sought to deny Vell the nomination.", "deny"),
])
def test_the_construction_test_leaves_propositions_alone(extractor, text, word):
    assert not is_result_not_statement(_cue(extractor, text, word), None)
