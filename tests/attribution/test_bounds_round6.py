"""Content bounds, round 6 (issue 9, PolNeAR train): where a reported content stops and starts, as PolNeAR marks it.
Fictional sentences through the real parse, rules only; each test fails without the rule it names."""

from __future__ import annotations

import pytest

from claimgraph.records import Article
from tests.conftest import cues_found


@pytest.mark.parametrize("text, cue, content", [
    ("The ferry board announced it would cut 300 jobs at the pier, a move that could hurt the town of Port Ellis.",
     "announced", "it would cut 300 jobs at the pier"),
    ("Mara Vell said she was encouraged by the harbor plan — a modest boost for the council since 2009.",
     "said", "she was encouraged by the harbor plan"),
    ("Ilan Moss vowed to repeal the Tarn Harbor Act, a law that bars night ferries from the bay.",
     "vowed", "to repeal the Tarn Harbor Act"),
])
def test_a_trailing_phrase_that_sums_up_the_content_is_the_writers(rules, text, cue, content):
    """', a move that …', '— a modest boost for …': an indefinite noun phrase set off at the content's end glosses
    what was said; PolNeAR leaves it out of the content."""
    assert cues_found(rules, text)[cue].content == content


@pytest.mark.parametrize("text, cue, content", [
    # a definite apposition names someone the speaker spoke of: it stays
    ("Mara Vell said she had met Ilan Moss, the harbor master of Port Ellis.",
     "said", "she had met Ilan Moss, the harbor master of Port Ellis"),
    # a quoted phrase is the speaker's own words
    ('Mara Vell said the council would close the pier, a "sad day" for the whole town of Port Ellis.',
     "said", 'the council would close the pier, a "sad day" for the whole town of Port Ellis'),
])
def test_a_phrase_that_is_said_stays_in_the_content(rules, text, cue, content):
    assert cues_found(rules, text)[cue].content == content


def test_a_second_verb_in_the_contents_tense_is_still_said(rules):
    """'says the two met … and decided …': the second verb takes the content's past, not the cue's present, so it
    goes on with what was said; the speaker's own next act takes the cue's tense ('said … and called …')."""
    text = "Ilan Moss says the two captains met at a harbor meeting in Tarn and decided to share the ferry."
    assert cues_found(rules, text)["says"].content == (
        "the two captains met at a harbor meeting in Tarn and decided to share the ferry")


def test_the_speakers_next_act_in_the_cues_tense_is_still_cut(rules):
    text = "Mara Vell said the ferry plan would cost the town too much money and called it a mistake."
    assert cues_found(rules, text)["said"].content == "the ferry plan would cost the town too much money"


@pytest.mark.parametrize("text, cue, content", [
    ("Talbot said that the ferry would run again in May.", "said", "that the ferry would run again in May"),
    ("Ilan Moss asked whether the pier would reopen before the storm season.", "asked",
     "whether the pier would reopen before the storm season"),
])
def test_the_complementizer_after_the_cue_is_part_of_the_content(rules, text, cue, content):
    """PolNeAR's contents start with their 'that', 'whether' or 'if' (2,655 of 2,702 on train)."""
    assert cues_found(rules, text)[cue].content == content


def test_a_clause_without_a_complementizer_starts_at_its_first_word(rules):
    assert cues_found(rules, "Talbot said the ferry would run again in May.")["said"].content == (
        "the ferry would run again in May")


def test_a_trailing_relative_clause_stops_the_content_though_the_parse_hangs_its_end_elsewhere(rules):
    """', who held a rally …, drawing 1,100 people': the parser hangs the participle on the content's verb, so the
    relative clause seems not to reach the content's end; the aside still starts at 'who'."""
    text = ("Voters in Tarn said they had heard nothing to pull them away from Ilan Moss, who held a rally in Port "
            "Ellis on Wednesday, drawing 1,100 people.")
    assert cues_found(rules, text)["said"].content == "they had heard nothing to pull them away from Ilan Moss"


def test_a_relative_clause_before_the_contents_verb_stays(rules):
    text = "Talbot said Ilan Moss, who had resigned in May, is now back at the harbor."
    assert cues_found(rules, text)["said"].content == "Ilan Moss, who had resigned in May, is now back at the harbor"


def test_a_quotation_after_a_sentence_with_a_few_quoted_words_goes_on_with_its_statement(rules):
    """'Yet Vell is also a “change agent,” Moss said. “That is exactly …”': the quotation has no cue of its own and
    follows the cue clause of a sentence that embeds a few quoted words: one statement by Moss, in two spans."""
    text = ("Yet Vell is also a “change agent,” Ilan Moss said. “That is exactly what people in Tarn want right now, "
            "so he is well placed for the harbor vote.”")
    found = rules.extract(Article(text=text, ref="t"))
    assert len(found) == 1
    statement = found[0]
    assert statement.cue == "said" and statement.speaker is not None and statement.speaker.name == "Ilan Moss"
    assert statement.content.startswith("Yet Vell is also a “change agent,”")
    assert statement.content.endswith("well placed for the harbor vote.")
    assert "continuation" not in statement.flags


def test_a_quotation_after_an_indirect_sentence_is_not_joined(rules):
    text = ("Ilan Moss said the ferry would be late again. “That is exactly what people in Tarn feared all along, "
            "and nobody listened to them.”")
    said = cues_found(rules, text)["said"]
    assert said.content == "the ferry would be late again"


def test_a_trailing_participial_cue_after_its_own_adverb_is_its_own_statement(rules):
    """', recently telling one aide that …': the comma stands before the participle's adverb; the participle is
    still the same speaker's next statement, not part of what she expressed."""
    text = ("Mara Vell expressed frustration about her first debate with Ilan Moss later this month, recently telling "
            "one aide that she is unsure which Moss will show up.")
    found = cues_found(rules, text)
    assert found["expressed"].content == "frustration about her first debate with Ilan Moss later this month"
    assert found["telling"].content.endswith("she is unsure which Moss will show up")
