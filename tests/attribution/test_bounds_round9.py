"""Content bounds, round 9 (PolNeAR train): a trailing "…, according to X" is the writer's sourcing, not what was
said. Fictional sentences through the real parse, rules only; each test fails without the rule it names."""

from __future__ import annotations

import pytest

from tests.conftest import cues_found, extract


@pytest.mark.parametrize("text, cue, content", [
    ("Vell announced that she had hired a new harbor manager, according to the Port Ellis Courier.",
     "announced", "that she had hired a new harbor manager"),
    ("Ilan Moss argued that the levy hurt farmers more than anyone, according to notes from the meeting.",
     "argued", "that the levy hurt farmers more than anyone"),
    ("Ilan Moss said the harbor vote had been moved to June, according to the Tarn Gazette.",
     "said", "the harbor vote had been moved to June"),
])
def test_a_trailing_according_to_is_the_writers_sourcing(rules, text, cue, content):
    """'…, according to two aides': the writer's sourcing of the whole report (`bounds._before_according`)."""
    assert cues_found(rules, text)[cue].content == content


def test_the_according_to_phrase_is_its_own_attribution(rules):
    found = cues_found(rules, "Vell announced that she had hired a new harbor manager, according to the Port Ellis "
                              "Courier.")
    assert found["according to"].content.endswith("that she had hired a new harbor manager")


@pytest.mark.parametrize("text", [
    'Mara Vell said that "the driver fired on the crowd, according to the harbor police."',
    "The audit says the firm ''reports having 98 offices in Tarn, according to its own website.''",
])
def test_according_to_inside_a_quotation_stays(rules, text):
    """The speaker's own sourcing, inside the quotation marks (two apostrophes in some copy)."""
    content = next(a.content for a in extract(rules, text) if a.cue in {"said", "says"})
    assert "according to" in content
