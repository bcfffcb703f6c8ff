"""Issue 9, round 11 (H1b): speakers and statements missed on FNC-1 bodies from outlets the rules were never tuned on
(samples A and B). Fictional sentences through the real parse, rules only; each test fails without the rule it names."""

from __future__ import annotations

from tests.conftest import by_cue, extract, span_text


def test_a_noun_phrase_after_and_that_the_parser_hung_before_is_the_cue_subject(rules):
    """'… placed in lockdown and local TV reported that …': the parser hangs "local TV" inside "in lockdown" and
    leaves "reported" no subject; the phrase between "and" and the cue is the source (`found._subject_hung_before`)."""
    text = ("The harbor was placed in lockdown and local TV reported that more shots had been heard before the "
            "gunman was caught.")
    found = by_cue(extract(rules, text), "reported")
    assert span_text(text, found.source_span) == "local TV"
    assert (found.speaker.name, found.speaker.type) == ("TV", "anonymous")


def test_a_subject_of_its_own_stays_the_joined_cues_subject(rules):
    """'The mayor met the fishermen and said …': the joined cue's subject is the first verb's, as before."""
    text = "The mayor met the fishermen and said the quay would reopen in May."
    found = by_cue(extract(rules, text), "said")
    assert span_text(text, found.source_span) == "The mayor"


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


def test_words_before_and_in_a_joint_source_are_not_the_second_speakers_role(rules):
    """'…, both Cooke and meteor expert Peter Varnis said': the record keeps one speaker (records hold one per
    statement), and "Cooke" names the other one, not part of Varnis's role (`SpeakerResolver._person`)."""
    text = "The impact left dark fragments behind as evidence, both Cooke and meteor expert Peter Varnis said."
    speaker = by_cue(extract(rules, text), "said").speaker
    assert (speaker.name, speaker.role) == ("Peter Varnis", "expert")


def test_the_writer_pointing_back_with_as_is_no_source(rules):
    """'As I mentioned above, …, according to Harborpoll.': the writer's own "as" clause credits nothing, and the
    clause stays the poll's (`missing._as_reported` leaves first-person subjects)."""
    text = ("As I mentioned above, Vell got more than 13 million votes in the primary process - 13.3 million to be "
            "exact - according to HarborPoll.")
    found = [a for a in extract(rules, text) if a.content and "13 million votes" in a.content]
    assert [a.cue for a in found] == ["according to"]


def test_a_description_written_with_inner_capitals_keeps_its_case(rules):
    """'…, according to an ICE spokeswoman', '…, according to RealClearPolitics': the description's name keeps the
    capitals as written, not "iCE spokeswoman" or "realClearPolitics" (`mentions._description_name`)."""
    text = "The ferry was late, according to an ICE spokeswoman. Vell won by six points, according to HarborPolls."
    names = [a.speaker.name for a in extract(rules, text) if a.cue == "according to"]
    assert names == ["ICE spokeswoman", "HarborPolls"]


def test_two_roles_of_one_person_joined_by_and_keep_the_first(rules):
    """'Japanese journalist and author Hiro Vanda said …': the noun before "and" is a role of the same person, so
    the role stays (only a name before "and" is another speaker)."""
    text = "Japanese journalist and author Hiro Vanda said the vote was close."
    speaker = by_cue(extract(rules, text), "said").speaker
    assert (speaker.name, speaker.role) == ("Hiro Vanda", "journalist")


def test_a_handle_after_a_role_noun_is_the_speaker(rules):
    """'Twitter user Kestrel7 replies, "…"': the account's handle speaks, with "Twitter user" as its role, not
    "Twitter" (which the recogniser may take for a person) (`resolver._handle_after_role`)."""
    text = 'To which Twitter user Kestrel7 replies, "Yes! It was him on the plane, I am sure."'
    speaker = by_cue(extract(rules, text), "replies").speaker
    assert (speaker.name, speaker.type, speaker.role) == ("Kestrel7", "person", "Twitter user")
