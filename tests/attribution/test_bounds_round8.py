"""Content bounds, round 8 (PolNeAR train): a final "even as …" clause is the writer's, not what was said.
Fictional sentences through the real parse, rules only; each test fails without the rule it names."""

from __future__ import annotations

import pytest

from tests.conftest import cues_found


@pytest.mark.parametrize("text, cue, content", [
    ("Mara Vell said that she will back the harbor plan, even as she has taken frequent shots at its authors.",
     "said", "that she will back the harbor plan"),
    ("Ilan Moss says the ferry fares must stay low even as the council raises the pier fees again.",
     "says", "the ferry fares must stay low"),
])
def test_a_final_even_as_clause_is_the_writers(rules, text, cue, content):
    """'…, even as she has taken frequent shots at …': a concurrent fact the writer sets beside what was said
    (`bounds._even_as`); PolNeAR leaves it out of the content."""
    assert cues_found(rules, text)[cue].content == content


@pytest.mark.parametrize("text, cue, content", [
    # "even if" is a condition the speaker sets: it stays
    ("Mara Vell said she will stay in the race for the harbor seat, even if she loses the vote in Port Ellis.",
     "said", "she will stay in the race for the harbor seat, even if she loses the vote in Port Ellis"),
    # an "even as" clause with words of what was said after it is no final aside
    ("Ilan Moss said that even as the fares rise, the ferry will keep its night runs to Tarn.",
     "said", "that even as the fares rise, the ferry will keep its night runs to Tarn"),
])
def test_a_condition_or_an_inner_even_as_stays_in_the_content(rules, text, cue, content):
    assert cues_found(rules, text)[cue].content == content
