""""According to X", "in X's view", "in a poll" and "as reported by X" (reported/according.py, missing.py): what the
phrase credits, to whom, and the finds inside such an account that are not read twice. Fictional sentences through
the real parse, rules only; each finding test fails without the rule it names."""

from __future__ import annotations

import pytest

from tests.conftest import by_cue, cues_found, extract, found, one, only_by_cue
from tests.conftest import extract as extract_all


@pytest.mark.parametrize("text, cue, content", [
    ("Vell announced that she had hired a new harbor manager, according to the Port Ellis Courier.",
     "announced", "that she had hired a new harbor manager"),
    ("Ilan Moss argued that the levy hurt farmers more than anyone, according to notes from the meeting.",
     "argued", "that the levy hurt farmers more than anyone"),
    ("Ilan Moss said the harbor vote had been moved to June, according to the Tarn Gazette.",
     "said", "the harbor vote had been moved to June"),
])
def test_a_trailing_according_to_is_the_writers_sourcing(rules, text, cue, content):
    """'…, according to two aides': the writer's sourcing of the whole report (`bounds.before_according`)."""
    assert cues_found(rules, text)[cue].content == content


def test_the_according_to_phrase_is_its_own_attribution(rules):
    found = cues_found(rules, "Vell announced that she had hired a new harbor manager, according to the Port Ellis "
                              "Courier.")
    assert found["according to"].content.endswith("that she had hired a new harbor manager")


@pytest.mark.parametrize("text", [
    'Mara Vell said that "the driver fired on the crowd, according to the harbor police."',
    "The audit says the firm ''reports having 98 offices in Tarn, according to its own website.''",
])
def test_according_to_inside_a_quotation_stays(rules, text):
    """The speaker's own sourcing, inside the quotation marks (two apostrophes in some copy)."""
    content = next(a.content for a in extract(rules, text) if a.cue in {"said", "says"})
    assert "according to" in content


def test_an_unnamed_speaker_inside_an_according_to_account_is_not_read_twice(rules):
    got = found(rules, "According to the harbor log, the captain said the ferry had left on time.")
    assert got == [("according to", "the captain said the ferry had left on time")], got


def test_a_share_of_voters_inside_an_according_to_account_is_not_read_twice(rules):
    got = found(rules, "According to the poll, 51 percent of voters in Tarnwick said they would back Mayor Vell.")
    assert got == [("according to", "51 percent of voters in Tarnwick said they would back Mayor Vell")], got


def test_a_named_speaker_inside_an_according_to_account_stays(rules):
    attributions = extract(rules, "According to the harbor log, Captain Ilse Marrow said the ferry had left on time.")
    inner = [a for a in attributions if a.cue == "said"]
    assert len(inner) == 1 and inner[0].content == "the ferry had left on time", \
        [(a.cue, a.content, a.speaker) for a in attributions]


def test_a_statement_an_according_to_outlet_relays_stays(rules):
    """An outlet's account keeps its relayed statement (the chain `via` reads), as "The Gazette reported that the
    ministry said …" does."""
    attributions = extract(rules, "According to the Harbor Gazette, the ministry said the ferry tolls would fall in "
                                  "May.")
    assert [a.cue.lower() for a in attributions] == ["according to", "said"], \
        [(a.cue, a.content, a.speaker) for a in attributions]


def test_in_someones_view_is_their_view_before_the_verb(rules):
    text = "The ferry, in Ansel Marr's view, will never pay for itself unless the harbor board raises the fares."
    found = [a for a in extract_all(rules, text) if a.cue == "in"]
    assert len(found) == 1
    assert text[found[0].source_span[0]:found[0].source_span[1]] == "Ansel Marr's"
    assert found[0].content.startswith("The ferry") and "will never pay for itself" in found[0].content


def test_in_ones_right_mind_is_no_view(rules):
    assert not [a for a in extract_all(rules, "Who in their right mind would take the night ferry to Port Ellis?")
                if a.cue.lower() == "in"]


# -- "In a poll, she led …": a pronoun subject is the poll's finding ------------------------------------------------

def test_a_poll_finding_with_a_pronoun_subject(rules):
    found = only_by_cue(extract(rules, "In an early-October Harbor Gazette poll, she led Ansel Marr 56 percent to 32 "
                                "percent."), "In")
    assert found.content == "she led Ansel Marr 56 percent to 32 percent"


def test_an_interview_with_a_pronoun_subject_is_what_he_did(rules):
    assert extract(rules, "In an interview with the Gazette, he spoke of the old pier at length.") == []


def test_a_poll_named_with_in_is_the_source_of_its_clause(rules):
    text = "In the new Harbor Institute poll, 40 percent of voters back Mara Vell for mayor."
    found = cues_found(rules, text)
    assert found["In"].kind == "according_to"
    assert text[slice(*found["In"].source_span)] == "the new Harbor Institute poll"
    assert found["In"].content == "40 percent of voters back Mara Vell for mayor"


def test_in_a_statement_leaves_the_attribution_to_its_cue(rules):
    found = extract(rules, "In a statement, the Port Ellis ministry said the ferry was late again.")
    assert [a.cue for a in found] == ["said"]


def test_the_inner_speaker_after_according_to_is_not_the_source(rules):
    text = ("According to a blog post for the Tarn Courier, the Norland Institute for Harbor Research predicts that "
            "rainfall on the coast will be far below normal in the next three months.")
    found = extract(rules, text)
    outer = one(found, "according to")
    assert text[slice(*outer.source_span)] == "a blog post for the Tarn Courier"
    assert outer.content.startswith("the Norland Institute for Harbor Research predicts")
    assert one(found, "predicts").speaker.name == "Norland Institute for Harbor Research"


def test_a_clip_named_after_according_to_is_the_source(rules):
    """'According to the video, …': the clip is the source (an anonymous identity of the article), not a page's
    media label (`mentions._according_to_object`)."""
    text = "Ilse Marr was seen near the pier. According to the video, Marr's fate depends on the next vote."
    speaker = by_cue(extract(rules, text), "According to").speaker
    assert speaker is not None and (speaker.name, speaker.type) == ("video", "anonymous")


def test_according_to_a_source_over_a_block_quote_takes_the_paragraph_below(rules):
    """'According to the Dunmore Gazette's Ilse Marr:' closing its paragraph: the paragraph below is what the
    source says (`according._paragraph_below`)."""
    text = ("The clip ends there. According to the Dunmore Gazette's Ilse Marr:\n\n"
            "The ferry has not sailed on time since March, and the council has no plan to fix it.\n\n"
            "The council met on Monday.")
    found = by_cue(extract(rules, text), "According to")
    assert found.content == "The ferry has not sailed on time since March, and the council has no plan to fix it"


def test_as_reported_by_an_outlet_credits_the_clause_to_it(rules):
    """'As previously reported by the Dunmore Herald, …': the clause the "as" clause hangs on is what the outlet
    reported (`missing._as_reported`)."""
    text = ("As previously reported by the Dunmore Herald, these eels are not exactly harmless; this is not the "
            "type of fish you would want to meet.")
    found = by_cue(extract(rules, text), "reported")
    assert found.content == "these eels are not exactly harmless"
    assert found.speaker.name == "Dunmore Herald"


def test_an_as_clause_with_an_object_of_its_own_is_no_report_of_the_clause(rules):
    """'She left as she said she would': the "as" clause has its own complement and credits nothing else."""
    text = "Mara Vell left the harbor board in May, as she said she would."
    assert not any(a.content and a.content.startswith("Mara Vell left") for a in extract(rules, text))


def test_the_writer_pointing_back_with_as_is_no_source(rules):
    """'As I mentioned above, …, according to Harborpoll.': the writer's own "as" clause credits nothing, and the
    clause stays the poll's (`missing._as_reported` leaves first-person subjects)."""
    text = ("As I mentioned above, Vell got more than 13 million votes in the primary process - 13.3 million to be "
            "exact - according to HarborPoll.")
    found = [a for a in extract(rules, text) if a.content and "13 million votes" in a.content]
    assert [a.cue for a in found] == ["according to"]


@pytest.mark.parametrize("text", ["according to »", "According to »:\n\nThe ferry leaves at noon from Port Ellis."])
def test_a_source_of_punctuation_alone_is_read_without_an_exception(rules, text):
    """'according to »' (a source that is only a mark, as a scrape can leave it): the paragraph-below step found no
    word to end the source on and raised, which lost the whole article's attributions (found by the fuzz test)."""
    assert all(a.content is None or a.content in text for a in extract(rules, text))


@pytest.mark.parametrize("text, content", [
    ("The Quillmoor Foundation received as much as $2 million in payments, according to Ada Brenn, writing for the "
     "Kestrel Ledger.", "The Quillmoor Foundation received as much as $2 million in payments"),
    ("The harbor board met twice in secret, according to the Tarn Gazette, citing two former members.",
     "The harbor board met twice in secret"),
])
def test_a_participle_set_off_after_a_trailing_source_describes_the_source(rules, text, content):
    """'…, according to Ada Brenn, writing for the Ledger': the participle after the source is the source's own
    description, not part of what it says (`according._describes_source`; PolNeAR train: the gold source holds it)."""
    assert one(extract(rules, text), "according to").content == content


def test_a_relative_clause_of_the_source_read_as_a_conjunct_stays_with_the_source(rules):
    """'…, according to an interview his sister gave to Harbor Radio': the parser reads the source's relative
    clause as a conjunct of the sentence with the phrase hung on it; the sentence before is what the interview
    says, and the relative clause belongs to the source (PolNeAR train: the gold source is the sister)."""
    text = ("Tarn is believed to have been on the ferry, according to an interview his sister Mira Tarn gave to "
            "Harbor Radio.")
    found = one(extract(rules, text), "according to")
    assert found.content == "Tarn is believed to have been on the ferry"
    assert text[slice(*found.source_span)] == "an interview his sister Mira Tarn gave to Harbor Radio"


@pytest.mark.parametrize("text, content", [
    ("According to the Gazette the harbor board will meet on Monday.", "the harbor board will meet on Monday"),
    ("The harbor board, according to the Gazette, will meet on Monday.", "The harbor board … will meet on Monday"),
    # The phrase opens the second of two clauses: the report says that one, not the writer's first.
    ("The parts of the watch are being made by several different firms, but according to today's report the main "
     "chip will be coming from Harbor Labs.", "the main chip will be coming from Harbor Labs"),
    # Not where the parser made the source's noun a conjunct of the sentence ("feature").
    ('Vell later "taught reading and writing to inmates at the Tarn County Sheriff\'s Boot Camp in Kestrel," '
     "according to a Kestrel Journalism Review feature about him.", 'Vell later "taught reading and writing to '
     'inmates at the Tarn County Sheriff\'s Boot Camp in Kestrel,"'),
])
def test_the_clause_after_the_source_stays_where_it_holds_the_verb(rules, text, content):
    assert one(extract(rules, text), "according to").content == content


@pytest.mark.parametrize("text, content", [
    ("In a Kestrel Ledger poll last month, Vell had a 10-point lead over Marr in the river wards.",
     "Vell had a 10-point lead over Marr in the river wards"),
    ("In his statement Saturday, Vell went further in trying to hold the harbor board accountable.",
     "Vell went further in trying to hold the harbor board accountable"),
])
def test_a_fronted_in_phrase_runs_to_its_comma(rules, text, content):
    """'In a poll last month, …': the words before the comma closing the fronted phrase, hung on the verb by the
    parser, say when the poll was, not what it says (`in_source`; PolNeAR train: the gold content starts after
    the comma)."""
    assert one(extract(rules, text), "in").content == content


@pytest.mark.parametrize("text, content", [
    ("According to the harbor board, the old pier at Port Ellis will close in May, suggesting that the ferry will "
     "stop running.", "the old pier at Port Ellis will close in May"),
    ("According to the harbor board, the ferry fares will rise in June, adding that the old pier will close.",
     "the ferry fares will rise in June"),
])
def test_the_content_after_according_to_stops_before_a_participle_cue(rules, text, content):
    """A trailing participle cue ("…, suggesting …") is an attribution of its own, as after "said"
    (`bounds.before_participle`)."""
    assert one(extract(rules, text), "according to").content == content


def test_the_paragraphs_dateline_is_no_part_of_what_the_source_says(rules):
    """'BRANTHOLM (Reuters) — …, according to …': the dateline says where the story was filed (common.after_dateline,
    as for a cue's content)."""
    found = cues_found(rules, "BRANTHOLM (Reuters) — The harbour will stay shut until June, according to the port's "
                              "director.")
    assert found["according to"].content == "The harbour will stay shut until June"
