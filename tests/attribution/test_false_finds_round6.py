"""False finds on PolNeAR (issue 9, round 6): constructions whose finds PolNeAR train leaves unmarked most of the
time, each refused, and a similar sentence whose reading is kept. Fictional sentences through the real parse; each
refusal test fails without its rule (claimgraph/attribution/found.py `swallowed`, reported/statements.py
`writers_aside` and `naming_order`)."""

from __future__ import annotations

import pytest

from tests.conftest import extract


def found(extractor, text: str) -> list[tuple[str, str | None]]:
    return [((a.cue or "").lower(), a.content) for a in extract(extractor, text)]


def cues(extractor, text: str) -> list[str]:
    return [cue for cue, _ in found(extractor, text)]


# --- a nested find that is most of its holder's statement ---------------------------------------------------------

def test_a_nested_find_that_restates_its_holder_is_left_out(rules):
    text = "Mayor Tarn Vell said the harbor board had agreed to lower the ferry tolls."
    got = found(rules, text)
    assert got == [("said", "the harbor board had agreed to lower the ferry tolls")], got


def test_a_nested_find_that_is_a_small_part_of_its_holder_stays(rules):
    attributions = extract(rules, "Mayor Tarn Vell said the harbor board had rejected the plan.")
    nested = [a for a in attributions if a.cue == "rejected"]
    assert len(nested) == 1 and nested[0].content == "the plan" and "nested" in nested[0].flags, \
        [(a.cue, a.content, a.flags) for a in attributions]


def test_a_second_voice_inside_a_statement_stays_nested(rules):
    attributions = extract(rules, "Lina Dorr told the host that Mayor Vell had said the ferry tolls would fall in "
                                  "May.")
    inner = [a for a in attributions if a.cue == "said"]
    assert len(inner) == 1 and inner[0].content == "the ferry tolls would fall in May" \
        and "nested" in inner[0].flags, [(a.cue, a.content, a.flags) for a in attributions]


def test_a_statement_an_outlet_relays_stays_nested(rules):
    attributions = extract(rules, "The Harbor Gazette reported that the ministry said the ferry tolls would fall "
                                  "in May.")
    by_cue = {a.cue: a for a in attributions}
    assert set(by_cue) == {"reported", "said"}, [(a.cue, a.content) for a in attributions]
    inner = by_cue["said"]
    assert inner.content == "the ferry tolls would fall in May"
    assert inner.parent == by_cue["reported"].id and inner.via == ("Harbor Gazette",), (inner.parent, inner.via)


# --- the writer's own framing -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "It is safe to say that the ferry will sail late this winter.",
    "It's fair to say that one reason for the delay is the storm over the strait.",
    "It is too soon to say whether the new harbor plan will work.",
    "It is worth noting that the harbor was closed for most of May.",
    "It goes without saying that the new tolls are unpopular on the island.",
    "By some standards one could say that the port of Dunmere is run poorly.",
])
def test_the_writers_framing_is_no_statement(rules, text):
    assert not [c for c in cues(rules, text) if c in {"say", "saying", "noting"}], found(rules, text)


@pytest.mark.parametrize("text, cue, content", [
    ("It said the ferry would sail late this winter.", "said", "the ferry would sail late this winter"),
    ("The harbor board was quick to say that the ferry would sail late.", "say", "that the ferry would sail late"),
    ("Tarn Vell said it is safe to say that the ferry will sail late.", "said",
     "it is safe to say that the ferry will sail late"),
])
def test_a_speaker_who_says_it_stays(rules, text, cue, content):
    assert (cue, content) in found(rules, text), found(rules, text)


# --- an order to name a thing ----------------------------------------------------------------------------------------

def test_call_it_a_name_is_no_statement(rules):
    assert "call" not in cues(rules, "Call it a harbor fetish."), found(rules, "Call it a harbor fetish.")


def test_someone_who_calls_it_a_name_stays(rules):
    assert ("called", "it a harbor fetish") in found(rules, "Tarn Vell called it a harbor fetish."), \
        found(rules, "Tarn Vell called it a harbor fetish.")
