"""Transcript lines (`speaker_lines`): a line that starts with its speaker's name ("Corvin: The levy will …") is what
that speaker said; an interview's "Q:"/"A:" and labels that name nobody are not taken. Fictional sentences through
the real parse, rules only (or the whole `extractor`, where a test takes it); each finding test fails without the
rule it names."""

from __future__ import annotations

import pytest

from tests.conftest import extract

OPENING = ("Harbor panel weighs ferry levy\n\nThe panel met on Tuesday in Port Ellis, where the host Dana Corvin "
           "spoke with the councillor Mara Vell about fares.\n\n")


def _colon_lines(found: list, text: str) -> list[tuple[str | None, str | None]]:
    return [(text[a.source_span[0]:a.source_span[1]] if a.source_span else None, a.content)
            for a in found if a.cue == ":"]


def test_a_transcript_line_is_what_its_labelled_speaker_said(rules):
    text = OPENING + ("Corvin: The levy will double the fares of every commuter by May.\n\n"
                      "Vell: The harbor board should wait a full year before any new toll.\n")
    assert _colon_lines(extract(rules, text), text) == [
        ("Corvin", "The levy will double the fares of every commuter by May"),
        ("Vell", "The harbor board should wait a full year before any new toll")]


def test_an_interview_question_and_answer_are_not_taken_as_lines(rules):
    # PolNeAR marks an interview's "Q:"/"A:" lines in one interview and the cues inside them in others
    text = OPENING + ("Q: What did the harbor board decide about the ferry?\n\n"
                      "A: It voted to keep the old schedule for another winter.\n")
    assert _colon_lines(extract(rules, text), text) == []


@pytest.mark.parametrize("line", [
    "Update: The harbor board meets again next week in Port Ellis.",  # a section label, not a speaker
    "Background: Ferries have crossed the harbor at Port Ellis since the old bridge fell.",
    "Weather: Rain is expected across the harbor on Friday and Saturday.",  # a label that names no person
    "Corvin: Fares rise today.",  # too short to be a turn
    "Vell: Survive to May.",  # a list's heading after a name, not a turn
])
def test_a_label_that_names_no_speaker_or_a_short_line_is_not_taken(rules, line):
    text = OPENING + line + "\n"
    assert _colon_lines(extract(rules, text), text) == []


@pytest.mark.parametrize("line", [
    "Arrest: An unnamed man was arrested for crossing the cordon as the harbor guards searched the pier",
    "Overwhelmed: Dana Corvin becomes emotional as the councillors applaud her on Thursday at the pier",
    "Victim: Tomas Brell, 24, was standing guard at the pier when he was hurt in the storm",
    "Hunt: A diver searches the water near the old pier in Port Ellis after the storm",
])
def test_a_one_word_caption_label_the_parse_takes_for_a_person_is_no_speaker(rules, line):
    # The parse tags these labels PERSON at the head of their own line; no person of that name is in the prose.
    text = OPENING + line + "\n"
    assert _colon_lines(extract(rules, text), text) == []


def test_a_transcript_keeps_its_speaker_labels(extractor):
    text = ("VELL: The bridge will reopen in May, and the crews will work all winter.\n"
            "TALBOT: The port lost money in June, and the cranes were idle.\n")
    found = extract(extractor, text)
    assert [a.speaker.name for a in found if a.cue == ":"] == ["VELL", "TALBOT"]


def test_photo_captions_that_open_on_a_word_of_their_own_are_no_transcript(rules):
    # Two labels of two lines each, like an interview's, but neither word names anyone in the article.
    text = ("Port Ellis honours its harbor guard\n\nThe council met on Thursday to thank the guard who stopped the "
            "intruder at the pier.\n\n"
            "Grateful: The harbor master shakes hands with the guard at the end of the long ceremony\n\n"
            "Grateful: He thanked the guard for stopping the intruder and ending the night of fear\n\n"
            "Honoured: Flowers with a card for the guard can be seen at the foot of the old lighthouse\n\n"
            "Honoured: A flag flies at half staff on top of the harbor office on Thursday morning\n")
    assert _colon_lines(extract(rules, text), text) == []


def test_all_caps_headlines_of_linked_stories_are_no_transcript(extractor):
    # A tabloid page's block of linked stories: all-caps labels, each line a headline that ends on a word (one may end
    # on a question), none a turn of talk.
    text = ("Port Ellis ferry crew rescues two kayakers\n\n"
            "The crew of the harbor ferry pulled two kayakers from the water on Sunday, the harbor master said.\n\n"
            "HARBOR FEES: Is this the end for the Port Ellis ferry?\n\n"
            "STORM DAMAGE: Pier lights fail as gale sweeps the bay\n\n"
            "RESCUE: Coastguard praises ferry crew after night search\n\n"
            "ROMP: A screenshot of the viral video of the pier [CEN]\n")
    assert _colon_lines(extract(extractor, text), text) == []


def test_a_fact_checks_verdict_labels_are_the_writers_prose(extractor):
    # "FACT: …" lines are no speaker's turns, but what is reported in them stays.
    text = ("Did Port Ellis sell its ferry?\n\n"
            "FACT: The council never voted on the ferry. The harbor master said the ferry stays in service.\n\n"
            "FACT: The sale story began on a blog. Mara Vell told the Port Ellis Courier that the post was a joke.\n")
    found = extract(extractor, text)
    assert _colon_lines(found, text) == []
    assert sorted(a.cue for a in found) == ["said", "told"]


def test_a_transcript_label_after_a_blank_line_is_its_speakers_name_alone(extractor):
    text = ("VELL: The bridge will reopen in May, and the crews will work all winter.\n\n"
            "TALBOT: The port lost money in June, and the cranes were idle.\n\n"
            "VELL: The harbor board will meet again in March to set the fares.\n")
    found = [a for a in extract(extractor, text) if a.cue == ":"]
    assert [text[a.source_span[0]:a.source_span[1]] for a in found] == ["VELL", "TALBOT", "VELL"]
