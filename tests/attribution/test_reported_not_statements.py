"""Lines that read like attributions but state nothing (issue 9: the speakerless statements left on real pages).
Fictional sentences through the real parse; each rule was measured on PolNeAR train (no matched pair lost)."""

from __future__ import annotations

import pytest

from tests.conftest import extract


def cues(found) -> list[str]:
    return [a.cue for a in found]


@pytest.mark.parametrize("text, cue", [
    # an instruction to the reader
    ("To urge your councillor to vote for the harbor plan and back the Port Ellis Gazette's Save Our Pier "
     "campaign, click this blue box and paste in their email address from the list below.", "urge"),
    ("To urge your councillor to vote for the harbor plan, click this blue box and paste in their address.",
     "urge"),
    # a way to say something, which nobody says
    ("Is there any objective way to say that some harbors are busier than others?", "say"),
    # a measure that predicts, not a forecast
    ("There is a single statistical factor for a crew that predicts how well the crew will do on a wide range "
     "of tasks.", "predicts"),
    # a name
    ("Because this factor is called seamanship for sailors, we gave every crew the same test.", "called"),
])
def test_not_a_statement(rules, text, cue):
    assert cue not in cues(extract(rules, text))


@pytest.mark.parametrize("text, cue", [
    # what the rules keep beside them (PolNeAR marks these)
    ("Mara Vell said that the harbor fees would double next year.", "said"),
    ("Tomas Brand went out of his way to say that the pier was safe.", "say"),
    ("The study found that the harbor fees had doubled since 2010.", "found"),
    ("Forecasters at the Port Ellis Weather Office predicted that the storm would reach the coast by Friday.",
     "predicted"),
    ("The mayor has been called a friend of the fishermen by Tomas Brand.", "called"),
    ("To show that the pier is safe, the council said it would publish the survey.", "said"),
])
def test_statements_beside_them_stay(rules, text, cue):
    assert cue in cues(extract(rules, text))


def test_a_thing_predicted_by_a_measure_is_no_forecast(rules):
    """The tagger's find on a real page ('a factor … that was mostly predicted by the average intelligence'): the
    learned candidates pass the same check (attribution._from_candidate), so it is tested on the cue itself."""
    from claimgraph.attribution.reported import not_a_statement

    doc = rules.nlp("We looked for a factor for crews that was mostly predicted by the average skill of the crew "
                    "members, the better the sailors, the better the crew.")
    assert not_a_statement(next(t for t in doc if t.lower_ == "predicted"))
    doc = rules.nlp("Forecasters predicted that the storm would reach the coast by Friday.")
    assert not not_a_statement(next(t for t in doc if t.lower_ == "predicted"))


def test_a_clause_after_a_dash_is_not_what_was_found(rules):
    """'The tool was found on … beach—carbon dating showed …' (a real page gave 'carbon dating showed …' as the
    finding): the clause set off by the dash is a sentence of its own; a that-clause finding stays one."""
    from claimgraph.attribution.reported import found_thing

    doc = rules.nlp("The tool was found on Vellmar beach near Port Ellis prior to the arrival of modern humans—carbon "
                    "dating showed it to be approximately 50,000 years old.")
    assert found_thing(next(t for t in doc if t.lower_ == "found"))
    doc = rules.nlp("The survey found that the harbor fees had doubled since 2010.")
    assert not found_thing(next(t for t in doc if t.lower_ == "found"))
