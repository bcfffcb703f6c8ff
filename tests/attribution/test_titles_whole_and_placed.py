"""Roles a reader would accept, through the real pipeline on fictional sentences.

Each test names one behaviour and fails without it: a compound title written in capitals is the whole title ("the
Prime Minister" is prime minister, not "minister"; "Secretary-General Ilan Moss", named so and later by his surname
alone, is secretary-general, not "general"); a place before a role ("the Kestria senator") is only the holder of that
role the article ties to that place, never the senator named last.
"""

from __future__ import annotations

import pytest

from tests.conftest import extract


def _said(attributions: list) -> list:
    return [a for a in attributions if a.cue == "said"]


@pytest.mark.parametrize("text, role", [
    ('Ilan Moss visited the harbor on Monday. "We will rebuild," the Prime Minister said.', "prime minister"),
    ("Tova Brenn opened the inquiry. The Attorney General said the charges would stand.", "attorney general"),
    ("Tova Brenn opened the clinic. The Surgeon General said the water was safe.", "surgeon general"),
    ("Ilan Moss toured the port. The Lieutenant Governor said the budget was balanced.", "lieutenant governor"),
    ("Ilan Moss toured the port. The Vice President said the ferry would run.", "vice president"),
])
def test_a_title_written_in_capitals_is_kept_whole(rules, text, role):
    found = _said(extract(rules, text))[-1]
    assert found.speaker is not None and found.speaker.role == role


def test_a_hyphenated_title_before_a_name_is_whole_where_the_surname_speaks(rules):
    text = 'Secretary-General Ilan Moss toured the port on Monday. "We will rebuild," Moss said.'
    found = _said(extract(rules, text))[-1]
    assert found.speaker.name == "Ilan Moss" and found.speaker.role == "secretary-general"


@pytest.mark.parametrize("named", [
    "Sen. Ilan Moss of Kestria",
    "Kestria Sen. Ilan Moss",
    "Sen. Ilan Moss (D-Kes.)",
])
def test_a_place_before_a_role_is_the_holder_tied_to_that_place(rules, named):
    text = (f"{named} said the bill would pass. Sen. Tova Brenn said the vote was close. "
            '"We will win," the Kestria senator said.')
    found = _said(extract(rules, text))[-1]
    assert found.speaker.name == "Ilan Moss"


def test_a_place_before_a_role_is_no_other_holder_of_the_role(rules):
    """Read as "the senator" it went to the senator named last (PolNeAR train); with nobody tied to the place and
    nobody the subject just before, it stays the description."""
    text = ("Sen. Ilan Moss said the bill would pass on Monday. The harbor board met on Tuesday. "
            '"We will win," the Kestria senator said.')
    found = _said(extract(rules, text))[-1]
    assert found.speaker.type == "anonymous" and found.speaker.role == "senator"
