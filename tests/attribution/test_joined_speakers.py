"""Speakers of joined mentions and of sourceless beliefs (FNC-1 sample D's wrong speakers), through the real pipeline
on fictional sentences.

Each test names one behaviour and fails without it: two modifiers joined before a head make one description ("Current
and former officials", not "former officials"); a pronoun joined to more names is resolved as the pronoun ("She and
her aides": the woman named before, not nobody); a belief raised to its subject with nobody named ("is believed to")
is nobody's, while a forecast ("is expected to") stays the writer's.
"""

from __future__ import annotations

import pytest

from tests.conftest import by_cue, extract


@pytest.mark.parametrize("text, name", [
    ("Current and former harbor officials said the dredging contract had been rigged from the start.",
     "current and former harbor officials"),
    ("On Friday, Velmoran and Ostrish scientists said the comet would pass close to the harbor.",
     "Velmoran and Ostrish scientists"),
    ("Border Police and Harbor Authority sources said the comet would pass close to the harbor next spring.",
     "Border Police and Harbor Authority sources"),
])
def test_two_modifiers_joined_before_the_head_stay_in_the_speaker(rules, text, name):
    found = by_cue(extract(rules, text), "said")
    assert found.speaker is not None and found.speaker.name == name


def test_the_first_of_two_joined_names_is_the_speaker(rules):
    """'Ana Torv and Ben Maro said': one identity per record, the first named (the source span holds both)."""
    text = "Ana Torv and Ben Maro said the harbor would close on Friday."
    found = by_cue(extract(rules, text), "said")
    assert found.speaker is not None and found.speaker.name == "Ana Torv"
    assert text[found.source_span[0]:found.source_span[1]] == "Ana Torv and Ben Maro"


def test_a_pronoun_joined_to_more_names_is_resolved_as_the_pronoun(rules):
    text = ("Tova Brenn was elected mayor of Port Ellis in May. She and her aides said the ferry would run again by "
            "the summer.")
    found = by_cue(extract(rules, text), "said")
    assert found.speaker is not None and found.speaker.name == "Tova Brenn"
    assert text[found.source_span[0]:found.source_span[1]] == "She and her aides"


def test_a_sourceless_belief_is_nobodys_but_a_forecast_is_the_writers(rules):
    believed = by_cue(extract(rules, "The ferry is believed to have sunk near the Kestrel lighthouse on Friday."),
                      "believed")
    assert believed.source_span is None and believed.speaker is None
    expected = by_cue(extract(rules, "The ferry is expected to return to the Kestrel lighthouse on Friday."),
                      "expected")
    assert expected.speaker is not None and expected.speaker.role == "writer"

