"""Speech acts whose content is a phrase of the verb (reported/speech.py `speech_act`): "Vell apologized to the crews
for the delay", "Marr laid out her plan for the pier", "the council outlined a proposal to …". Fictional sentences
through the real parse, rules only; each finding test fails without the rule, each near miss with a looser one."""

from __future__ import annotations

from tests.conftest import extract
from tests.conftest import finds_with_cue as _with_cue


def test_an_apology_gives_what_it_is_for(rules):
    text = "On Tuesday, Mayor Ansel Vell apologized to the ferry crews for the long delay at the Quillmoor pier.\n"
    assert _with_cue(extract(rules, text), text, "apologized") == [
        ("apologized", "Mayor Ansel Vell", "the long delay at the Quillmoor pier")]


def test_an_apology_refused_is_still_a_statement(rules):
    text = "Tomas Brand did not apologize for his remarks about the harbor board of Quillmoor.\n"
    assert _with_cue(extract(rules, text), text, "apologize for") == [
        ("apologize for", "Tomas Brand", "his remarks about the harbor board of Quillmoor")]


def test_an_apology_to_come_or_for_a_pronoun_is_none(rules):
    text = ("Tomas Brand would apologize for the delay at the pier if asked.\n\n"
            "Mira Dunn apologized for that in Quillmoor on Monday.\n")
    assert _with_cue(extract(rules, text), text, "apologize") == []
    assert _with_cue(extract(rules, text), text, "apologized") == []


def test_a_plan_laid_out_is_what_was_set_out(rules):
    text = "At the fair on Saturday, Ansel Marr laid out her plan for the Quillmoor harbor.\n"
    assert _with_cue(extract(rules, text), text, "laid") == [
        ("laid", "Ansel Marr", "her plan for the Quillmoor harbor")]


def test_outlined_gives_its_object(rules):
    text = "On Monday, the Quillmoor council outlined a proposal to close the old ferry pier.\n"
    assert _with_cue(extract(rules, text), text, "outlined") == [
        ("outlined", "the Quillmoor council", "a proposal to close the old ferry pier")]


def test_laid_without_out_or_laying_out_money_says_nothing(rules):
    text = ("Ansel Marr laid the groundwork for a new ferry in Quillmoor.\n\n"
            "Families in Quillmoor are already laying out money for the new ferry passes.\n")
    assert _with_cue(extract(rules, text), text, "laid") == []
    assert _with_cue(extract(rules, text), text, "laying") == []


def test_a_plan_outlined_in_the_passive_names_no_speaker_as_subject(rules):
    text = "A plan to close the old ferry pier was outlined in the Quillmoor council's letter.\n"
    assert _with_cue(extract(rules, text), text, "outlined") == []


def test_words_said_again_give_the_statement_named(rules):
    text = "At the harbor meeting, Councillor Tomas Brand echoed the criticism of the Quillmoor ferry levy.\n"
    assert _with_cue(extract(rules, text), text, "echoed") == [
        ("echoed", "Councillor Tomas Brand", "the criticism of the Quillmoor ferry levy")]


def test_echoing_or_repeating_a_thing_that_is_no_statement_says_nothing(rules):
    text = ("The new ferry horn echoed the old harbor song of Quillmoor.\n\n"
            "Mira Dunn repeated the water test at the Quillmoor pier on Monday.\n")
    assert _with_cue(extract(rules, text), text, "echoed") == []
    assert _with_cue(extract(rules, text), text, "repeated") == []
