"""Finds inside or repeating another (attribution/found.py `swallowed`, attribution/__init__.py): a nested find that
restates its holder is left out, a second voice, a relayed statement or a belief standing alone stays; a repeated
paragraph gives one attribution, two statements with the same cue give two. Fictional sentences through the real
parse, rules only (or the whole `extractor`, where a test takes it); each finding test fails without the rule it
names."""

from __future__ import annotations

import pytest

from tests.conftest import extract, found


def _cues(found: list) -> list[str]:
    return [a.cue for a in found]


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


def test_a_second_voice_inside_a_plain_statement_stays(rules):
    got = found(rules, "Lina Dorr told the host that Mayor Vell had said the ferry tolls would fall in May.")
    assert ("said", "the ferry tolls would fall in May") in got, got


# -- a nested find that restates its holder is no second statement ---------------------------------------------------

@pytest.mark.parametrize("text, outer, inner", [
    # the holder's own speaker again ("she" is Mara Vell)
    ("Mara Vell said she believes the ferry will run again in May.", "said", "believes"),
    ("Mara Vell told reporters that she had warned the harbor board that the pier would close.", "told", "warned"),
    # no source at all: part of what the holder says
    ("Ansel Marr said the ferry is expected to run again in May.", "said", "expected"),
    ("Mara Vell said it was announced last week that the pier would close.", "said", "announced"),
    # a belief the holder ascribes to others: nobody is reported saying anything
    ("Mara Vell said island voters believe the new timetable is unfair.", "said", "believe"),
])
def test_a_nested_restatement_is_left_out(rules, text, outer, inner):
    found = extract(rules, text)
    assert _cues(found) == [outer]
    assert found[0].parent is None and "nested" not in found[0].flags


@pytest.mark.parametrize("text, outer, inner, inner_speaker", [
    ("The Northgate Gazette reported that Ansel Marr said the ferry would stop in May.", "reported", "said",
     "Ansel Marr"),
    ("Mara Vell said Ansel Marr had told her the pier would close.", "said", "told", "Ansel Marr"),
])
def test_a_statement_by_another_speaker_stays_nested(rules, text, outer, inner, inner_speaker):
    found = {a.cue: a for a in extract(rules, text)}
    assert set(found) == {outer, inner}
    assert found[inner].parent == found[outer].id and "nested" in found[inner].flags
    assert found[inner].speaker.name == inner_speaker


def test_a_belief_standing_alone_stays(rules):
    found = extract(rules, "Mara Vell believes the ferry will run again in May.")
    assert _cues(found) == ["believes"] and found[0].cue_class == "think"


def test_a_repeated_paragraph_gives_one_attribution(extractor):
    paragraph = "The harbor board met on Tuesday. Mara Vell said the bridge would reopen in May."
    text = "\n\n".join([paragraph] * 3)
    found = extract(extractor, text)
    assert len(found) == 1 and found[0].content_spans[0][0] < len(paragraph)


def test_two_statements_with_the_same_cue_are_both_kept(extractor):
    text = "Mara Vell said the bridge would reopen in May. Mara Vell said the ferry would stop in June."
    assert len(extract(extractor, text)) == 2
