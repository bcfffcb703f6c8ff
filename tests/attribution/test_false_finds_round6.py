"""False finds on PolNeAR (issue 9, round 6): constructions whose finds PolNeAR train leaves unmarked most of the
time, each refused, and a similar sentence whose reading is kept. Fictional sentences through the real parse; each
refusal test fails without its rule (reported/statements.py `writers_aside` and `naming_order`)."""

from __future__ import annotations

import pytest

from tests.conftest import extract


def found(extractor, text: str) -> list[tuple[str, str | None]]:
    return [((a.cue or "").lower(), a.content) for a in extract(extractor, text)]


def cues(extractor, text: str) -> list[str]:
    return [cue for cue, _ in found(extractor, text)]


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
    ("The harbor board was quick to say that the ferry would sail late.", "say", "the ferry would sail late"),
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
