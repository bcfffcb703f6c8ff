"""Participles: a trailing participle set off after a reported clause ("…, insisting that …") is its own statement and
the reporter's (speakers/implied.py `trailing_participle_speaker`); it ends the content before it; one without a
comma has its own subject. Fictional sentences through the real parse, rules only (or the whole `extractor`, where a
test takes it); each finding test fails without the rule it names."""

from __future__ import annotations

import pytest

from tests.conftest import by_cue, cues_found, extract, source_of, speaker_name


def test_a_trailing_participial_cue_after_its_own_adverb_is_its_own_statement(rules):
    """', recently telling one aide that …': the comma stands before the participle's adverb; the participle is
    still the same speaker's next statement, not part of what she expressed."""
    text = ("Mara Vell expressed frustration about her first debate with Ilan Moss later this month, recently telling "
            "one aide that she is unsure which Moss will show up.")
    found = cues_found(rules, text)
    assert found["expressed"].content == "frustration about her first debate with Ilan Moss later this month"
    assert found["telling"].content.endswith("she is unsure which Moss will show up")


@pytest.mark.parametrize("text, cue, source", [
    ("Mayor Tarn Vell said he plans to unveil a ferry budget after the holidays, insisting that the harbor board is "
     "too worried about the tolls.", "insisting", "Mayor Tarn Vell"),
])
def test_a_trailing_participle_is_the_reporters(rules, text, cue, source):
    assert source_of(rules, text, cue) == source


def test_a_participle_after_a_set_off_cue_keeps_that_cues_subject(rules):
    # "…," Dorr added, saying: the parser may hang "added" inside the first clause; Dorr still says it
    text = "Moss cannot say that \"from her view,\" Lina Dorr added, saying it should be up to the harbor board."
    assert source_of(rules, text, "saying") == "Lina Dorr"


def test_a_participle_with_no_outer_cue_keeps_its_subject(rules):
    # no cue reports the clause the participle hangs on: its own subject stays
    text = "The harbor board rejected the ferry plan on Monday, saying the tolls were too high."
    assert source_of(rules, text, "saying") == "The harbor board"


def test_participle_without_comma_belongs_to_its_own_subject(rules):
    # "the owner said a man came in saying he was waiting …": the man says it as he comes in
    text = "On Tuesday, the owner said a man came in saying he was waiting for his girlfriend."
    a = by_cue(extract(rules, text), "saying")
    assert speaker_name(a) == "man"


def test_a_set_off_participle_after_a_clause_is_still_the_outer_speaker(rules):
    # the rule above leaves ", saying …" to the outer speaker, as before
    text = "Vell argued that a levy would keep the ferries running, saying the harbor could not wait."
    a = by_cue(extract(rules, text), "saying")
    assert speaker_name(a) is not None and "Vell" in speaker_name(a)


def test_content_stops_at_a_trailing_participial_clause_which_is_its_own_attribution(extractor):
    text = "The mayor criticized the ferry plan, saying it would cost the town too much money."
    found = {a.cue: a for a in extract(extractor, text)}
    assert found["criticized"].content == "the ferry plan"
    assert found["saying"].content == "it would cost the town too much money"
    assert found["saying"].source_span == found["criticized"].source_span


@pytest.mark.parametrize("text, cue, content, participle, said", [
    ("Mara Vell said the pier tolls were “far too high for families,” saying the council had ignored the fishermen "
     "of Port Ellis.", "said", "the pier tolls were “far too high for families,”", "saying",
     "the council had ignored the fishermen of Port Ellis"),
    ('Ilan Moss called the ferry levy a "slow tax on the harbor," adding that the board would vote on it again in '
     "March.", "called", 'the ferry levy a "slow tax on the harbor,"', "adding",
     "that the board would vote on it again in March"),
])
def test_a_trailing_participle_after_a_closing_quotation_mark_ends_the_content(rules, text, cue, content, participle,
                                                                               said):
    """'… were “far too high,” saying …': the comma that sets the participle off stands inside the quotation the
    content ends on; the participle is still the same speaker's next statement, not part of the first."""
    found = cues_found(rules, text)
    assert found[cue].content == content
    assert found[participle].content == said
