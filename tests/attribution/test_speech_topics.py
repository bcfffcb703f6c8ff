"""What a speaker's words were about (reported/speech.py `topic_of_talk`): "…, Vell said, referring to the farm voters",
"Marr spoke about the levy", "Vell was asked about the levy". Fictional sentences through the real parse, rules only;
each finding test fails without the rule it names."""

from __future__ import annotations

from tests.conftest import extract
from tests.conftest import finds_with_cue as _with_cue


def test_referring_to_after_a_quote_gives_what_the_words_were_about(rules):
    text = "“We have to wake up the valley,” Tomas Brand said, referring to the farm voters of Quillmoor.\n"
    assert _with_cue(extract(rules, text), text, "referring to") == [
        ("referring to", "Tomas Brand", "the farm voters of Quillmoor")]


def test_referring_to_a_name_leaves_out_its_description(rules):
    # PolNeAR's content is the name, not "Mira Dunn, her chief of staff at the time"
    text = "“She called me first,” Ansel Vell said, referring to Mira Dunn, her chief of staff at the time.\n"
    assert _with_cue(extract(rules, text), text, "referring to") == [("referring to", "Ansel Vell", "Mira Dunn")]


def test_referring_to_without_a_speech_verb_is_no_attribution(rules):
    text = "Tomas Brand walked north through the valley, referring to the old map of Quillmoor.\n"
    assert _with_cue(extract(rules, text), text, "referring to") == []


def test_spoke_about_gives_the_topic_of_the_talk(rules):
    text = "At the fair on Saturday, Ansel Marr spoke about the harbor levy and its costs for families.\n"
    assert _with_cue(extract(rules, text), text, "spoke about") == [
        ("spoke about", "Ansel Marr", "the harbor levy and its costs for families")]


def test_speaking_about_in_an_idiom_with_it_is_nobody_talking(rules):
    text = "When it comes to speaking about the harbor levy, the board of Quillmoor stays quiet.\n"
    assert _with_cue(extract(rules, text), text, "speaking about") == []


def test_was_asked_about_gives_the_question_s_topic_without_an_asker(rules):
    text = "At a town hall in Quillmoor last week, Mayor Vell was asked about the harbor levy and its cost.\n"
    assert _with_cue(extract(rules, text), text, "asked about") == [
        ("asked about", None, "the harbor levy and its cost")]


def test_asked_with_a_clause_is_left_to_the_question_reader(rules):
    # "was asked whether …": the question itself is the content, not a topic phrase
    text = "Mayor Vell was asked at the town hall whether the harbor levy would rise in May.\n"
    assert _with_cue(extract(rules, text), text, "asked about") == []
