"""Rules of the fifth PolNeAR recall round (issue 9): a sourceless "reportedly" (the decisions' hedged report),
"whom/what X described as Y", "…, records show." asides the parser misreads, and a quote's cue search that stops at
a next sentence with a clause of its own before its cue, "…, he said." closing a clause the parser misread, and
"In a poll, she led …". Fictional sentences through the real parse, rules only; each positive case fails
without its rule, the negative ones guard the rule's limits."""

from __future__ import annotations

import pytest

from tests.conftest import extract, only_by_cue

# -- "reportedly": a report whose source the sentence does not name --------------------------------------------------

@pytest.mark.parametrize("text, content", [
    ("The ferry reportedly carried twice its allowed load on Sunday.",
     "The ferry reportedly carried twice its allowed load on Sunday"),
    # a fronted clause is the writer's setting, not the report
    ("When the vote was called, the delegates reportedly erupted in a chorus of booing.",
     "the delegates reportedly erupted in a chorus of booing"),
    # a trailing participle clause is the writer's comment (PolNeAR's spans stop before it)
    ("The Harbor Fund has reportedly hired 100 guards, leaving the board fearful of a strike.",
     "The Harbor Fund has reportedly hired 100 guards"),
    # a second verb of the same subject is part of the report
    ("The Harbor Fund has reportedly looked at the old pier and passed.",
     "The Harbor Fund has reportedly looked at the old pier and passed"),
])
def test_reportedly_reports_its_clause(rules, text, content):
    found = only_by_cue(extract(rules, text), "reportedly")
    assert found.content == content
    assert found.speaker is None and found.source_span is None
    assert "hedged" in found.flags and found.cue_class == "report"


def test_reportedly_on_a_speech_cue_stays_with_that_cue(rules):
    found = extract(rules, "Ansel Marr reportedly said the pier would close before the winter.")
    assert [a.cue for a in found] == ["said"]
    assert found[0].content == "the pier would close before the winter" and "hedged" in found[0].flags


def test_a_conjoined_clause_with_its_own_subject_is_not_reported(rules):
    found = only_by_cue(extract(rules, "The ferry reportedly carried twice its allowed load, and the board fears a "
                                "backlash from the island."), "reportedly")
    assert found.content == "The ferry reportedly carried twice its allowed load"


# -- "whom X described as Y": PolNeAR marks the whole relative clause --------------------------------------------------

@pytest.mark.parametrize("text, content", [
    ('Observers walked with the marchers, whom Ansel Marr described as "peaceful," along the whole route.',
     'whom Ansel Marr described as "peaceful,"'),
    ('The listing was pulled before bidding began on what Ansel Marr described as a "piece of harbor history."',
     'what Ansel Marr described as a "piece of harbor history."'),
])
def test_a_relative_described_as_is_found(rules, text, content):
    found = only_by_cue(extract(rules, text), "described")
    assert found.content == content
    assert found.speaker is not None and found.speaker.name == "Ansel Marr"


def test_describe_with_its_object_after_it_is_unchanged(rules):
    text = "Mara Vell described the old pier as unsafe for the summer crowds."
    found = only_by_cue(extract(rules, text), "described")
    assert found.content == "the old pier as unsafe for the summer crowds"


# -- "…, records show.": an evidence aside the parser misread ----------------------------------------------------------

@pytest.mark.parametrize("text, content, source", [
    # "records show" read as a compound noun; the clause after "and" is the writer's
    ("The ferry was insured at a value of $35 million in 2011, records show, and the harbor board says it is worth "
     "less now.", ["The ferry was insured at a value of $35 million in 2011"], "records"),
    # "show" hung as the complement of "fundraising"
    ("Ansel Marr had to lend his campaign thousands of dollars last month, fundraising documents show.",
     ["Ansel Marr had to lend his campaign thousands of dollars last month"], "fundraising documents"),
    # set off in the middle: both sides are what the records show
    ("During the same stretch, harbor records show, the ferry has sailed roughly 216 hours.",
     ["During the same stretch", "the ferry has sailed roughly 216 hours"], "harbor records"),
])
def test_an_evidence_aside_reports_its_sentence(rules, text, content, source):
    found = only_by_cue(extract(rules, text), "show")
    assert [text[s:e] for s, e in found.content_spans] == content
    assert text[found.source_span[0]:found.source_span[1]] == source


# -- a quote ending its sentence, then a cue whose own clause comes before it ---------------------------------------

def test_the_next_sentences_cue_with_its_clause_before_it_does_not_take_the_quote(rules):
    text = ('Ansel Marr spoke at the old pier. "We are going to close a lot of piers and put fishermen out of '
            'business." The guild will likely sit out the vote altogether, guild director Phil Brenn told the Gazette.')
    found = only_by_cue(extract(rules, text), "told")
    assert found.content == "The guild will likely sit out the vote altogether"
    assert found.speaker is not None and found.speaker.name == "Phil Brenn"


# -- "…, he said." after a clause the parser misread ------------------------------------------------------------------

@pytest.mark.parametrize("text, content, speaker", [
    # "struggle" read as a noun: the clause has no verb, the cue no complement
    ('Those who take on heavy harbor debt struggle, even with a "good" job, Ansel Marr said.',
     'Those who take on heavy harbor debt struggle, even with a "good" job', "Ansel Marr"),
    # "signals" read as a noun, the subject after the cue
    ('The rejection of the ferry treaty signals "the beginning of the end" for the guild, said Mara Vell, founder of '
     'the Harbor Party.', 'The rejection of the ferry treaty signals "the beginning of the end" for the guild',
     "Mara Vell"),
])
def test_a_closing_cue_clause_reports_the_misparsed_words_before_it(rules, text, content, speaker):
    found = only_by_cue(extract(rules, text), "said")
    assert found.content == content
    assert found.speaker is not None and found.speaker.name == speaker


def test_a_cue_alone_keeps_its_content_missing(rules):
    found = only_by_cue(extract(rules, "The harbor ministry said."), "said")
    assert found.content is None and "content_missing" in found.flags


# -- "In a poll, she led …": a pronoun subject is the poll's finding ------------------------------------------------

def test_a_poll_finding_with_a_pronoun_subject(rules):
    found = only_by_cue(extract(rules, "In an early-October Harbor Gazette poll, she led Ansel Marr 56 percent to 32 "
                                "percent."), "In")
    assert found.content == "she led Ansel Marr 56 percent to 32 percent"


def test_an_interview_with_a_pronoun_subject_is_what_he_did(rules):
    assert extract(rules, "In an interview with the Gazette, he spoke of the old pier at length.") == []
