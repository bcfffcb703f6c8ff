"""Errors found by judging 8 more real web pages by hand (issue 9, round 2; docs/realweb_judged.md "Round 2"), each
fixed as a pattern of English news copy and checked on PolNeAR train (rules only) and dev: no fall. Fictional
sentences through the real parse."""

from __future__ import annotations

import pytest

from tests.conftest import extract


def speaker_name(a) -> str | None:
    return a.speaker.name if a.speaker is not None else None


def said_by(found, text: str, words: str) -> str | None:
    """The speaker of the one attribution whose content holds `words`."""
    hits = [a for a in found if a.content and words in a.content]
    assert len(hits) == 1, [(a.cue, a.content) for a in found]
    return speaker_name(hits[0])


def test_he_is_not_a_one_word_name_of_the_other_gender(rules):
    # An interview round-up names its people by first name only ("Harry", "Meghan"): "he" is not the woman named
    # last, though the name stands alone.
    text = ("Oskar and Greta gave their first interview on Sunday. Oskar said the harbour had been their home for "
            "years, and that he first met Greta there. \"I was lost, but I didn't know I was lost,\" he said.")
    assert said_by(extract(rules, text), text, "I was lost") == "Oskar"


@pytest.mark.parametrize("text, words, speaker", [
    # a name inside the content just reported
    ("Mara Vell said the order to close the pier came from Ilse Marr. \"It was right at the beginning,\" she "
     "added.", "right at the beginning", "Mara Vell"),
    # a name inside a quote
    ("Turning to the council, Tomas Brand said: \"I respect Kasper Lind, but we are on different paths.\" He added "
     "that the vote would come in June.", "the vote would come in June", "Tomas Brand"),
    # a name inside the statement itself, before its cue
    ("Tomas Brand said the ferry would run again in May. Taking Oskar out on the water is his favourite pastime, "
     "he said.", "his favourite pastime", "Tomas Brand"),
])
def test_pronoun_is_not_a_name_inside_a_statement(rules, text, words, speaker):
    assert said_by(extract(rules, text), text, words) == speaker


def test_pronoun_is_not_the_one_a_cue_addressed(rules):
    # "Meghan told Winfrey that …. …, she said": the one told is not who speaks next.
    text = ("Greta Lind told Ilse Marr that the harbour office had warned her twice. \"I just picked up the phone "
            "and called the mayor,\" she said.")
    assert said_by(extract(rules, text), text, "picked up the phone") == "Greta Lind"


def test_a_name_in_plain_narrative_is_still_who_she_is(rules):
    # The rule it must not break: a person named outside any statement is whom the next pronoun points at.
    text = ("Tomas Brand said the vote was close. Soon after Ilse Marr was elected, she said the ferry would stay.")
    assert said_by(extract(rules, text), text, "the ferry would stay") == "Ilse Marr"


def test_quote_right_after_said_without_a_comma_is_its_own(rules):
    # 'she said "that was the last time …"' with no comma or colon: the quote is hers, not a continuation of the
    # quote before.
    text = ("\"They don't get to leave,\" Tomas Brand said of the crew. When Ilse Marr joined the board, she said "
            "\"that was the last time I saw my own desk. All of it gets turned over.\"")
    found = extract(rules, text)
    a = next(a for a in found if a.content and "the last time" in a.content)
    assert a.cue == "said" and "continuation" not in a.flags
    assert speaker_name(a) == "Ilse Marr"


def test_a_cue_with_its_own_clause_after_a_finished_quote_does_not_frame_it(rules):
    # '… Harry said: "… paths." He added that …': the quote ended its sentence, and "added" has a clause of its
    # own: the quote is framed by "said" before it, and "He added that …" is a second statement.
    text = ("Turning to the council, Tomas Brand said: \"I respect Kasper Lind, but we are on different paths.\" He "
            "added that the vote would come in June.")
    found = extract(rules, text)
    quote = next(a for a in found if a.content and "different paths" in a.content)
    assert quote.cue == "said" and speaker_name(quote) == "Tomas Brand"
    added = next(a for a in found if a.cue == "added")
    assert "vote would come in June" in added.content and "paths" not in added.content


@pytest.mark.parametrize("text, cue, tail", [
    ("Mr Halloran, chairman of the harbour committee, said: 'The board picked up where we left off last spring, "
     "raising concerns about the ferry. The council still has a chance to act on this.'", "said",
     "The council still has a chance to act on this."),
    ("But last night, the ministry came out fighting, insisting: 'Our pledge could not be clearer – we will not "
     "cut the ferry service.'", "insisting", "we will not cut the ferry service."),
])
def test_single_quoted_statement_after_a_colon_runs_to_its_closing_mark(rules, text, cue, tail):
    # British copy quotes with single marks: the content is the whole quotation, not its first sentence or clause.
    a = next(a for a in extract(rules, text) if a.cue == cue)
    assert a.content.endswith(tail)


def test_apostrophes_do_not_close_a_single_quoted_statement(rules):
    text = ("Ms Varn said: 'The farmers' union has not been consulted. We expect better.' The next day, the "
            "minister's office disagreed.")
    a = next(a for a in extract(rules, text) if a.cue == "said")
    assert a.content.endswith("We expect better.") and "next day" not in a.content


@pytest.mark.parametrize("text, cue, end, other", [
    ("On an online forum for parents, some wrote that the harbour should stay closed — or even that they felt unsafe "
     "on the water — while others said the new pier helped them.", "wrote", "unsafe on the water", "said"),
    ("Mara Vell said the ferry plan would save money, while Tomas Brand argued that it would cost jobs.", "said",
     "would save money", "argued"),
])
def test_content_stops_before_a_contrast_with_another_speaker(rules, text, cue, end, other):
    found = extract(rules, text)
    a = next(a for a in found if a.cue == cue)
    assert a.content.endswith(end)
    assert any(b.cue == other for b in found)  # the other statement stays, its own


def test_a_while_clause_of_time_inside_the_content_stays(rules):
    text = "Mara Vell said the ferry would run while the bridge was closed for repairs."
    a = next(a for a in extract(rules, text) if a.cue == "said")
    assert a.content.endswith("closed for repairs")



@pytest.mark.parametrize("text, cue, content", [
    # the that-clause hung on the verb of a clause of time between the cue and it
    ("Tomas Brand said in a statement after the recording became public that the remarks do not reflect his "
     "views on the ferry.", "said", "that the remarks do not reflect his views on the ferry"),
    # the that-clause hung on "before"
    ("The harbour master has hinted before that her crew was unhappy with the new timetable.", "hinted",
     "that her crew was unhappy with the new timetable"),
])
def test_that_clause_hung_below_the_cue_is_its_content(rules, text, cue, content):
    a = next(a for a in extract(rules, text) if a.cue == cue)
    assert a.content == content


def test_that_clause_of_an_it_clause_between_is_not_the_cues(rules):
    # "after it became clear that …": the that-clause is the it-clause's, not what Vell said
    text = "Mara Vell spoke to the crew after it became clear that the ferry would stop in May."
    assert not any(a.content and "ferry would stop" in a.content for a in extract(rules, text))


def test_made_clear_with_the_clause_parsed_as_its_subject(rules):
    text = ("The storm was heavily covered in the media at the time, and the couple made clear that it was a "
            "decisive factor in their decision to move.")
    a = next(a for a in extract(rules, text) if a.cue == "made")
    assert a.content.startswith("it was a decisive factor")


def test_she_is_not_a_name_in_a_phrase_on_a_noun_or_in_a_relative_clause(rules):
    # 'Meghan's admission … rebukes that outweighed even Princess Diana's interview … during her interview with
    # Winfrey she spoke … She revealed that …': "she" is the woman the text is about, not the names set in a
    # phrase on a noun or in a relative clause.
    text = ("Greta Lind said the harbour office had ignored her letters. Both Greta and Oskar spoke with candour, in "
            "remarks that outweighed even Ilse Marr's famous speech. During her interview with Dana Welk, she spoke "
            "for the first time. She revealed that the ferry had nearly sunk twice.")
    assert said_by(extract(rules, text), text, "nearly sunk twice") == "Greta Lind"


@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_a_negated_cue_is_flagged_whatever_the_apostrophe(rules, apostrophe):
    # Web copy writes "didn’t" with a typographic apostrophe; the parse splits it off as "n’t" all the same, and the
    # record must say the cue is negated, or the content reads as the opposite of what was said.
    text = (f"Tomas Brill, the harbour master, didn{apostrophe}t think the ferry would be affected by the new "
            "timetable, according to people who spoke with him.")
    found = [a for a in extract(rules, text) if a.cue == "think"]
    assert found and all("negated" in a.flags for a in found), [(a.cue, a.content, a.flags) for a in found]
