"""The writer's own voice: hedges, judgements, beliefs, framing and words to the reader that the rules must refuse as
someone's statement (attribution/unsaid.py, reported/statements.py), beside similar statements that stay. Fictional
sentences through the real parse, rules only; each finding test fails without the rule it names."""

from __future__ import annotations

import pytest

from tests.conftest import by_cue, cues, extract, found, one

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


def test_the_writers_own_want_is_no_statement(rules):
    # a belief or intention class: "I want", "we want" hedge the writer's own sentence, as "I think" does
    assert extract(rules, "We want to see the old pier open again by the summer.") == []


@pytest.mark.parametrize("text, cue", [
    # a belief raised to its subject with nobody named, and an inference from what the writer just set out
    (("Tarn Observatory has passed its tests, and the Norland government is expected to give the dish the final "
     "green light next month."), "expected"),
    (("The tool was found on the beach near Tarn. This suggests the toolmakers were quite dedicated to making such "
     "tools."), "suggests"),
])
def test_the_writers_own_judgement_is_the_writers(rules, text, cue):
    found = one(extract(rules, text), cue)
    assert found.speaker is not None and found.speaker.role == "writer"


def test_a_demonstrative_inside_someones_statement_is_not_the_writer(rules):
    text = "Dr Ana Vell said the tool was found on the beach. “This suggests the toolmakers were dedicated,” she said."
    assert all(a.speaker is None or a.speaker.role != "writer" for a in extract(rules, text))


@pytest.mark.parametrize("text, cue, content", [
    ("That said, I believe that the seeds of doubt this vote might have cast are very troubling.", "believe",
     "that the seeds of doubt this vote might have cast are very troubling"),
    ("We expect that future research will shed more light on the ferry crews of Tarn.", "expect",
     "that future research will shed more light on the ferry crews of Tarn"),
])
def test_the_writers_own_belief_with_that_is_the_writers(rules, text, cue, content):
    found = one(extract(rules, text), cue)
    assert found.content == content
    assert found.speaker is not None and found.speaker.role == "writer"


def test_a_bare_i_think_still_hedges(rules):
    assert "think" not in cues(extract(rules, "I think the ferry will be late again on Monday morning."))


def test_hard_to_believe_is_the_writers_wonder(rules):
    """'It is almost hard to believe that …' (`unsaid.beyond_belief`)."""
    text = "It is almost hard to believe that the eels of Lake Vorn can get that big!\n"
    assert "believe" not in cues(rules, text)


def test_nothing_to_suggest_is_nobodys_suggestion(rules):
    """'there is nothing to suggest …' (`unsaid.nothing_to_suggest`)."""
    text = "However, there is nothing to suggest the latest incident in Quillmoor is terror related.\n"
    assert "suggest" not in cues(rules, text)


def test_a_question_to_the_reader_is_nobodys_wish(rules):
    """'Would you want to see one in person?' (`unsaid.readers_own`)."""
    text = "The eels of Lake Vorn are not exactly harmless. Would you want to see one of them in person?\n"
    assert "want" not in cues(rules, text)


def test_advice_to_the_reader_is_nobodys_wish(rules):
    """'you might want to avoid the menu' (`unsaid.readers_own`)."""
    text = "If you already use the Zephyr backup feature, you might want to avoid the phone's reset menu.\n"
    assert "want" not in cues(rules, text)


def test_you_inside_a_quote_stays_the_speakers(rules):
    """'“You would want to leave the valley,” Vell said': the speaker's own words, not the writer's aside."""
    text = "“I think you would want to leave the valley before the storm,” Tomas Vell said.\n"
    assert by_cue(extract(rules, text), "said").speaker.name == "Tomas Vell"
