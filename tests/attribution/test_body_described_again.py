"""A body named again by a noun ("the company", "the paper", "the group"), through the real pipeline on fictional
sentences: the one body of that kind named just before, else an anonymous description, never a place, a body of
another kind, or a body the noun does not describe ("Ilse Marr's company")."""

from __future__ import annotations

import pytest

from tests.conftest import by_cue, extract


@pytest.mark.parametrize("text, cue, name, kind", [
    # A company named in the sentence: "the company" is it.
    ("When Kestrelnet Inc unveiled its router in May, the company said it would ship in June.", "said",
     "Kestrelnet Inc", "organization"),
    # A newspaper named in the sentence before, as a speaker.
    ("The Harbor Times reported on Sunday that the pier would close. The paper said repairs would take a year.",
     "said", "Harbor Times", "news_outlet"),
    # A company is no newspaper: the outlet named beside it is not "the company".
    ("The Harbor Times interviewed workers at Kestrelnet Inc on Friday. The company said the plant would close.",
     "said", "Kestrelnet Inc", "organization"),
])
def test_the_noun_is_the_one_body_of_its_kind_named_just_before(extractor, text, cue, name, kind):
    speaker = by_cue(extract(extractor, text), cue).speaker
    assert speaker is not None and (speaker.name, speaker.type) == (name, kind)


def test_the_paper_is_the_outlet_named_last_not_the_one_that_spoke_before(extractor):
    text = ("The Harbor Times said the pier would close. The Velder Post has obtained emails from the council. "
            "The newspaper wrote that the council had known for a year.")
    speaker = by_cue(extract(extractor, text), "wrote").speaker
    assert speaker is not None and speaker.name == "Velder Post"


@pytest.mark.parametrize("text", [
    # Two companies named just before: a reader cannot tell which.
    "Kestrelnet Inc signed a deal with Orvane Corp on Monday. The company said the deal would close in May.",
    # The noun describes another one just before: Ilse Marr's company is not Kestrelnet.
    "Ilse Marr's company fired her after a dispute with Kestrelnet Inc. The company said she had broken its rules.",
])
def test_the_noun_stays_a_description_where_no_one_body_fits(extractor, text):
    speaker = by_cue(extract(extractor, text), "said").speaker
    assert speaker is not None and (speaker.name, speaker.type) == ("company", "anonymous")
