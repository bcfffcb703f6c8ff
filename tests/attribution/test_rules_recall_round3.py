"""Rules of the third PolNeAR round (issue 9): precision first (nested finds PolNeAR never marks, contents that run
on past what was said), then kinds of missed statements. Fictional sentences through the real parse, rules only."""

from __future__ import annotations

import pytest

from tests.conftest import extract


def _cues(found: list) -> list[str]:
    return [a.cue for a in found]


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


# -- a quote resumed after a cue clause with abbreviations is the same statement --------------------------------------

@pytest.mark.parametrize("text", [
    "“The pier should be at the very top of the list,” said Sen. Ansel Marr (D-Harb.). “If Vell wins, there is a "
    "clear mandate to act on the ferry.”",
    "\"He is going to be a major influence on Vell,\" said Owen Talbot, a strategist for the U.S. Chamber of "
    "Commerce and a longtime friend. \"They are close in age. He brings a level of calm to the harbor office.\"",
])
def test_periods_of_abbreviations_do_not_end_the_cue_clause(rules, text):
    found = extract(rules, text)
    assert _cues(found) == ["said"]
    assert len(found[0].content_spans) == 2
    assert found[0].content.endswith(("act on the ferry.", "the harbor office."))


# -- an evaluative verb's two-word object is the verdict it passes ---------------------------------------------------

@pytest.mark.parametrize("text, cue, content, cls", [
    ("Ansel Marr praised her effort.", "praised", "her effort", "assert"),
    ("The harbor board blasted the timetable.", "blasted", "the timetable", "dispute"),
    ("Mara Vell called Marr “reckless.”", "called", "Marr “reckless.”", None),
])
def test_an_evaluative_verb_with_a_short_object_is_found(rules, text, cue, content, cls):
    found = extract(rules, text)
    assert _cues(found) == [cue]
    assert found[0].content == content
    assert cls is None or found[0].cue_class == cls


@pytest.mark.parametrize("text", [
    "Ansel Marr called the ferry office.",  # a phone call: no "called X Y"
    "Mara Vell criticized it.",  # a pronoun alone, with no grounds
    "Mara Vell announced her resignation.",  # not an evaluative verb: two words stay too few
])
def test_a_short_object_without_a_verdict_is_not(rules, text):
    assert extract(rules, text) == []


# -- a cue after a quote's full stop that has a clause of its own starts a new statement -----------------------------

def test_a_cue_with_its_own_clause_after_a_full_stop_is_not_the_quotes(rules):
    text = ("“Our jobs are leaving the island,” Ansel Marr said. “Jobs are my wheelhouse.” He said, twice, that he "
            "would go back to work on Wednesday morning.")
    found = extract(rules, text)
    assert [a.content for a in found] == ["Our jobs are leaving the island, … Jobs are my wheelhouse.",
                                          "that he would go back to work on Wednesday morning"]
    assert all(a.speaker.name == "Ansel Marr" for a in found)


def test_a_cue_after_a_quote_ending_with_a_comma_is_still_the_quotes(rules):
    found = extract(rules, "“The ferry is late again,” Mara Vell said that morning.")
    assert _cues(found) == ["said"] and found[0].content == "The ferry is late again,"


# -- words between a quote and its cue clause go on with what was said ------------------------------------------------

@pytest.mark.parametrize("text, tail", [
    ("“We don't teach anything” against the ferry in the meetings, Ansel Marr said.",
     "against the ferry in the meetings"),
    ("“There is a sense of calm now,” and donations began to pick up again last week, Mara Vell said.",
     "and donations began to pick up again last week"),
])
def test_words_after_the_closing_mark_before_the_cue_are_said_too(rules, text, tail):
    found = extract(rules, text)
    assert _cues(found) == ["said"]
    assert len(found[0].content_spans) == 2 and found[0].content.endswith(tail)
    assert found[0].kind == "mixed"


def test_a_quoted_sentence_ended_by_a_full_stop_takes_no_words_after_it(rules):
    text = "“The ferry is late again.” On Monday the pier was closed, Mara Vell said."
    assert all(len(a.content_spans) == 1 for a in extract(rules, text))


def test_the_source_after_a_quote_starts_at_the_name(rules):
    text = "“The ferry is late,” Vell, the mayor, said on Monday."
    found = extract(rules, text)
    assert _cues(found) == ["said"]
    assert text[found[0].source_span[0]:found[0].source_span[1]] == "Vell, the mayor"


def test_a_quote_opening_in_lower_case_goes_on_with_the_words_before_it(rules):
    text = ("The ferry party, attended by hundreds of islanders every year, “allows us to get our message out,” said "
            "Owen Talbot, the union's spokesman.")
    found = extract(rules, text)
    assert _cues(found) == ["said"] and found[0].kind == "mixed"
    assert found[0].content.startswith("The ferry party, attended by hundreds of islanders every year")
    assert found[0].content.endswith("allows us to get our message out,")


def test_a_cue_before_a_quote_is_no_part_of_its_content(rules):
    found = extract(rules, "Mara Vell said on Monday, “the ferry will run again in May.”")
    assert all("Mara Vell" not in (a.content or "") for a in found)


# -- praise and blame said of someone are cues -------------------------------------------------------------------------

@pytest.mark.parametrize("text, cue, content, cls", [
    ("The harbor board applauded the new ferry timetable on Monday.", "applauded", "the new ferry timetable on Monday",
     "assert"),
    ("Mara Vell bemoaned that the ferry would close in May.", "bemoaned", "that the ferry would close in May",
     "dispute"),
    ("Ansel Marr chided the council for its long delays.", "chided", "the council for its long delays", "dispute"),
])
def test_praise_and_blame_are_statements(rules, text, cue, content, cls):
    found = extract(rules, text)
    assert _cues(found) == [cue]
    assert found[0].content == content and found[0].cue_class == cls


def test_knocking_is_not_blaming(rules):
    assert extract(rules, "Owen Talbot knocked on the harbor office door twice before noon.") == []
