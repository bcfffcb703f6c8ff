"""Content bounds (reported/bounds.py, clauses.py): where a reported content starts and stops as PolNeAR marks it: the
complementizer, trailing asides, relative clauses, the speaker's next act, a contrast with another speaker. Fictional
sentences through the real parse, rules only; each finding test fails without the rule it names."""

from __future__ import annotations

import pytest

from tests.conftest import by_cue, cues_found, extract, one, only_by_cue


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


@pytest.mark.parametrize("text, cue, content", [
    ("Mara Vell said that she will back the harbor plan, even as she has taken frequent shots at its authors.",
     "said", "that she will back the harbor plan"),
    ("Ilan Moss says the ferry fares must stay low even as the council raises the pier fees again.",
     "says", "the ferry fares must stay low"),
])
def test_a_final_even_as_clause_is_the_writers(rules, text, cue, content):
    """'…, even as she has taken frequent shots at …': a concurrent fact the writer sets beside what was said
    (`bounds._even_as`); PolNeAR leaves it out of the content."""
    assert cues_found(rules, text)[cue].content == content


@pytest.mark.parametrize("text, cue, content", [
    # "even if" is a condition the speaker sets: it stays
    ("Mara Vell said she will stay in the race for the harbor seat, even if she loses the vote in Port Ellis.",
     "said", "she will stay in the race for the harbor seat, even if she loses the vote in Port Ellis"),
    # an "even as" clause with words of what was said after it is no final aside
    ("Ilan Moss said that even as the fares rise, the ferry will keep its night runs to Tarn.",
     "said", "that even as the fares rise, the ferry will keep its night runs to Tarn"),
])
def test_a_condition_or_an_inner_even_as_stays_in_the_content(rules, text, cue, content):
    assert cues_found(rules, text)[cue].content == content


@pytest.mark.parametrize("text, tail", [
    ("Mara Vell believes there are no good options for the harbor, but that sometimes the lesser of two evils "
     "will have to do.", "but that sometimes the lesser of two evils will have to do"),
    ("Talbot and Vell think the council advanced this agenda, but that there is still more to do.",
     "but that there is still more to do"),
])
def test_a_second_that_clause_joined_to_the_cue_is_said_too(rules, text, tail):
    (found,) = cues_found(rules, text).values()
    assert found.content.endswith(tail)


def test_a_conjoined_verb_without_that_is_not_pulled_into_the_content(rules):
    found = cues_found(rules, "Mara Vell said the ferry would run again in May and left the harbor office at noon.")
    assert "left the harbor" not in found["said"].content


def test_a_cue_after_an_apposition_is_not_a_parenthetical(rules):
    # The comma before "wrote" closes the apposition inside its subject: "wrote" is what Kiedis said, not a cue
    # reporting the sentence around it.
    text = ("Speaking on a radio show last week, Ansel Marr said his band and its producer, a man called Danger "
            "Moss, wrote a dozen new songs for the upcoming album.")
    found = cues_found(rules, text)
    assert found["said"].content.startswith("his band and its producer")
    assert "wrote" not in found or "Marr said" not in found["wrote"].content


def test_a_that_clause_the_parser_hangs_on_a_phrase_of_time_is_the_content(rules):
    text = ("The harbor office also said for the first time that some emails between Vell and Marr have been "
            "located and will be withheld from the public.")
    found = cues_found(rules, text)
    assert "some emails between Vell and Marr have been located" in found["said"].content


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


def test_a_fronted_phrase_is_not_the_content_when_a_complement_follows_the_cue(rules):
    text = ("In a statement released shortly after the harbor board suspended its ferry plan, Talbot said he is "
            "certain the port will reopen in May.")
    found = cues_found(rules, text)
    assert found["said"].content == "he is certain the port will reopen in May"


@pytest.mark.parametrize("text", [
    "“We will win the vote,” said Mara Vell, the mayor of Port Ellis, who spoke on Friday.",
    "“We will win the vote,” Vell said, and the crowd in Port Ellis cheered.",
    "“We will win the vote,” Vell said, not even mentioning the ferry.",
])
def test_what_follows_the_cue_clause_about_the_speaker_is_not_said(rules, text):
    found = cues_found(rules, text)
    assert found["said"].content == "We will win the vote,"


def test_the_speakers_next_act_is_not_part_of_what_was_said(rules):
    text = ("Councillor Owen Talbot said the ferry plan would cost the town a fortune, and called Vell "
            "“the worst mayor Port Ellis ever had.”")
    found = cues_found(rules, text)
    assert found["said"].content == "the ferry plan would cost the town a fortune"
    assert text[slice(*found["called"].source_span)] == "Councillor Owen Talbot"


def test_a_verb_in_another_tense_without_its_own_subject_is_not_said(rules):
    text = "Mara Vell said she admires the ferry crews and highlighted their work through the winter storms."
    assert cues_found(rules, text)["said"].content == "she admires the ferry crews"


@pytest.mark.parametrize("text, cue, content", [
    ("Mara Vell said she was tired of the ferry delays and wanted a mayor who would fix the Tarn pier.",
     "said", "she was tired of the ferry delays and wanted a mayor who would fix the Tarn pier"),
    ("Ilan Moss told reporters the harbor master knew all about the leak and thought the fuss was overblown.",
     "told", "the harbor master knew all about the leak and thought the fuss was overblown"),
])
def test_a_thought_in_the_contents_tense_goes_on_with_what_was_said(rules, text, cue, content):
    """'said she was tired … and wanted …': a verb of wanting or thinking in the content's own tense, without a
    subject of its own, tells more of the content's subject; the speaker's next act is a verb of saying."""
    assert cues_found(rules, text)[cue].content == content


@pytest.mark.parametrize("text, cue, content", [
    ("The mayor of Tarn pledged to repair the old pier, fix the ferry schedule and ensure the harbor stays open.",
     "pledged", "to repair the old pier, fix the ferry schedule and ensure the harbor stays open"),
    ("Mara Vell vowed to close the Port Ellis landfill, plant a wood on the site or sell it to the harbor board.",
     "vowed", "to close the Port Ellis landfill, plant a wood on the site or sell it to the harbor board"),
    ("Ilan Moss promised to lower the ferry fares, widen the harbor road and build a new pier in Tarn.",
     "promised", "to lower the ferry fares, widen the harbor road and build a new pier in Tarn"),
])
def test_a_list_of_infinitives_is_said_whole(rules, text, cue, content):
    """'pledged to repair …, fix … and ensure …': the parser hangs the bare verbs on the cue, but a bare verb is
    the list's, not the speaker's next act (which takes the cue's tense)."""
    assert cues_found(rules, text)[cue].content == content


def test_an_object_content_stops_before_the_cues_own_conjunct(rules):
    text = "Mara Vell called the ferry plan “reckless,” and the harbor board has since dropped the plan entirely."
    assert cues_found(rules, text)["called"].content == "the ferry plan “reckless,”"


def test_a_content_cut_inside_a_quotation_runs_on_to_the_closing_mark(rules):
    text = ('Talbot added that the harbor would send a "strong message that Port Ellis is a place where people '
            'make mistakes, they serve their time and are welcomed back."')
    found = cues_found(rules, text)
    assert found["added"].content.endswith('are welcomed back."')


def test_a_trailing_relative_clause_is_the_writers_aside(rules):
    text = ("Talbot said the ferry trip was worthwhile for Mara Vell, who trails her rival by double digits in most "
            "polls.")
    found = cues_found(rules, text)
    assert found["said"].content == "the ferry trip was worthwhile for Mara Vell"


def test_a_relative_clause_inside_the_content_stays(rules):
    text = "Talbot said the ferry, which opened in May, would carry more cars to Port Ellis next year."
    found = cues_found(rules, text)
    assert found["said"].content == "the ferry, which opened in May, would carry more cars to Port Ellis next year"


def test_object_content_stops_before_the_cues_own_next_act(rules):
    # "announced a resignation in mid-August and then persuaded the party …": the final period hangs on the cue,
    # and the content used to run over the conjunct to reach it
    text = ("After denying the rumours all summer, Ada Brenn announced a resignation in May and then persuaded "
            "the council to appoint her deputy.")
    a = by_cue(extract(rules, text), "announced")
    assert a.content == "a resignation in May"


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
    assert a.content.startswith("that it was a decisive factor")


def test_a_second_verb_under_the_same_modal_is_still_said(rules):
    text = ("Mayor Ilse Marr said the ferry would run. She added that Norland will also align with the other "
            "provinces and add Vell Island and Tarn to the list of exempt places.")
    assert one(extract(rules, text), "added").content.endswith("add Vell Island and Tarn to the list of exempt places")


def test_a_quoted_word_read_as_the_clause_verb_does_not_cut_the_predicate(rules):
    text = "The Courier: You argue that crews of people “hyperconnected” with radios are smarter than machines."
    assert one(extract(rules, text), "argue").content.endswith("are smarter than machines")


def test_a_relative_before_the_cue_is_not_part_of_the_content(rules):
    text = ("We looked at a number of factors that earlier research suggested might have predicted how effective a "
            "crew would be.")
    assert one(extract(rules, text), "suggested").content == "might have predicted how effective a crew would be"


@pytest.mark.parametrize("text, content", [
    ("Critics doubted the word of Oren Dask, who the harbor board said was the smugglers' envoy in the talks.",
     "was the smugglers' envoy in the talks"),
    ("The envoy met Ilse Marrow, whom the Tarn Courier says could be charged over the ferry fire.",
     "could be charged over the ferry fire"),
])
def test_a_relative_who_before_the_cue_leaves_the_source_out_of_the_content(rules, text, content):
    """', who the harbor board said was …': the relative pronoun stands before the source and the cue; a content
    from the pronoun on would hold its own source and cue."""
    assert one(extract(rules, text), "said" if " said " in text else "says").content == content


def test_a_relative_who_keeps_a_short_predicate_rather_than_dropping_it(rules):
    """Two words after the cue would be too few to keep: the content keeps the pronoun instead of being dropped."""
    text = "Critics doubted Oren Dask, who the harbor board said was armed."
    assert one(extract(rules, text), "said").content == "who the harbor board said was armed"


@pytest.mark.parametrize("text, content", [
    ('A rumor that Tomas Brand tore up a ferry contract has been called "rubbish" by Brand\'s publicist.',
     '"rubbish"'),
    ("The harbor plan was called “a costly folly” by Mara Vell.", "“a costly folly”"),
])
def test_a_passive_cues_by_phrase_is_its_source_not_its_content(rules, text, content):
    """'has been called “rubbish” by the publicist': the "by" phrase names who called it so; the content stops
    before it, and the quoted verdict alone is still a statement."""
    found = one(extract(rules, text), "called")
    assert found.content == content
    assert found.speaker.name in {"Brand's publicist", "Mara Vell"}


@pytest.mark.parametrize("text, cue, content", [
    # the parser hangs the last words on the cue as its object
    (("Researchers are warning of a new kind of ransomware being spread via links in online forums and SMS "
     "messages."), "warning", "a new kind of ransomware being spread via links in online forums and SMS messages"),
    ("Mr Brill used his speech to warn against a one-size-fits-all approach to the ferry timetable.", "warn",
     "a one-size-fits-all approach to the ferry timetable"),
])
def test_the_danger_warned_of_is_the_content(rules, text, cue, content):
    assert one(extract(rules, text), cue).content == content


def test_a_joining_word_left_at_the_contents_end_is_not_said(rules):
    """The parser hangs the next clause ("… and a state official said …") on the cue and leaves its "and" in the
    first clause's words: the content stops before it."""
    text = ("Officials denied that the mayor's absence is health-related and a state official said this week there "
            "were no signs of illness.")
    assert one(extract(rules, text), "denied").content == "that the mayor's absence is health-related"


def test_a_line_wrapped_mid_sentence_does_not_end_the_content(rules):
    """Text wrapped at a fixed width breaks a line after "the": the content runs on to the sentence's end."""
    text = ("According to reports from the border region, Dana Pell said she had contacted the rebels over the\n"
            "Internet before traveling through Vorland to train at one of their camps.")
    assert one(extract(rules, text), "said").content == (
        "she had contacted the rebels over the\nInternet before traveling through Vorland to train at one of their "
        "camps")


@pytest.mark.parametrize("text, cue, content", [
    ("A neighbor has confirmed the cottage belongs to Marlow but police have not confirmed the man's identity at "
     "this time.", "confirmed", "the cottage belongs to Marlow"),
    ("In 2002 Governor Ansel Marr said Tarn was building a harbor wall but no sign of such a wall was ever found.",
     "said", "Tarn was building a harbor wall"),
])
def test_a_clause_set_against_the_content_in_which_someone_else_speaks_is_not_said(rules, text, cue, content):
    """'… but police have not confirmed …': a clause joined by "but" whose own named subject says something is a
    second statement the writer sets against the first, not part of it."""
    assert by_cue(extract(rules, text), cue).content == content


@pytest.mark.parametrize("text, content", [
    ("Vell said taxes would rise next year and the deficit would grow.",
     "taxes would rise next year and the deficit would grow"),
    # after "and" a verb of saying is as often part of what was said
    ("Mr Brill said Tarn had announced a ceasefire on Thursday and the council had responded.",
     "Tarn had announced a ceasefire on Thursday and the council had responded"),
])
def test_a_joined_clause_without_a_statement_set_against_it_is_still_said(rules, text, content):
    assert one(extract(rules, text), "said").content == content


@pytest.mark.parametrize("text", [
    'The crew will get what Tarnmart is calling "glances."',
    'Ilse Marrow is directing the ferry film, which may be called "Harbor."',
])
def test_one_quoted_word_without_a_by_phrase_is_a_name_not_a_verdict(rules, text):
    assert not [a for a in extract(rules, text) if a.cue == "called" or a.cue == "calling"]


@pytest.mark.parametrize("text, cue, content", [
    # the sentence before a closing cue (its end the parse's to decide: "believed", a participle the parser reads
    # as a conjunct in the content's past tense, goes on with it)
    ("SOLBERG (AP) — Tarn police detained a woman and a young boy believed to be the wife and son of the smuggler, "
     "senior officials said Tuesday.", "said",
     "Tarn police detained a woman and a young boy believed to be the wife and son of the smuggler"),
    # the sentence before a trailing frame
    ("OSLOW — Tarn leader Ilse Marrow has been hospitalized after surgery on both ankles, the Courier reported.",
     "reported", "Tarn leader Ilse Marrow has been hospitalized after surgery on both ankles"),
])
def test_a_dateline_opening_the_paragraph_is_not_said(rules, text, cue, content):
    """'SOLBERG (AP) — …, officials said': the dateline says where the story was filed; the content starts after
    its dash."""
    assert one(extract(rules, text), cue).content == content


def test_a_hyphenated_name_opening_the_content_is_no_dateline(rules):
    text = ("KTRN-7 broadcast a story Saturday night about the pier being closed because of a storm but never "
            "mentioned the flood, said Darrin Oake, the station's manager.")
    assert one(extract(rules, text), "said").content.startswith("KTRN-7 broadcast a story")


def test_a_clause_subject_hung_on_the_cue_stays_in_the_content(rules):
    """'the governor said many of the bodies … appeared to …': the parser hangs the clause's subject on the cue
    after it (the cue has its own before it); the content starts at that subject (`clauses._clause_bounds`)."""
    text = ("On Tuesday, the Tarn governor, Ansel Marr, said many of the bodies at the first site appeared to have "
            "been buried for some time, suggesting they belonged to earlier victims.")
    assert only_by_cue(extract(rules, text), "said").content == (
        "many of the bodies at the first site appeared to have been buried for some time")


@pytest.mark.parametrize("text, cue, content", [
    ("Mara Vell praised the harbor plan at a rally in Port Ellis on Monday.", "praised", "the harbor plan"),
    ("Ilan Moss criticized the ferry board during a debate in Tarn.", "criticized", "the ferry board"),
    ("The ferry board denied the smuggling charges before the harbor vote.", "denied", "the smuggling charges"),
    ("Osric Tal touted his recent wins in the harbor primaries at the start of his speech.", "touted",
     "his recent wins in the harbor primaries"),
    ("Ilan Moss blamed the local harbor officials on Twitter.", "blamed", "the local harbor officials"),
])
def test_when_and_where_an_object_was_said_is_not_said(rules, text, cue, content):
    """'praised the plan at a rally on Monday', 'criticized the board during a debate': a phrase of when or where
    it was said hung on the cue after its object is the occasion, not what was said (`clauses._occasion`)."""
    assert only_by_cue(extract(rules, text), cue).content == content


@pytest.mark.parametrize("text, content", [
    ("Vell praised the plan in its budget section.", "the plan in its budget section"),
    # "in" is left to the object: PolNeAR's contents hold it as often as not
    ("Vell praised the harbor plan in a speech to the council.", "the harbor plan in a speech to the council"),
])
def test_a_phrase_hung_on_the_cue_that_is_no_occasion_stays_in_the_object(rules, text, content):
    assert only_by_cue(extract(rules, text), "praised").content == content


@pytest.mark.parametrize("text, cue, content", [
    # a date may date the thing said
    ("Dana Reed formally announced her candidacy for the harbor elections on Feb. 14, 2025 in Port Ellis.",
     "announced", "her candidacy for the harbor elections on Feb. 14, 2025 in Port Ellis"),
    # too few words would be left: a span a phrase too long is better than a statement dropped
    ("Marshal Osric Tarn revealed the truce at the close of a harbor meeting.", "revealed",
     "the truce at the close of a harbor meeting"),
])
def test_an_object_keeps_a_phrase_that_may_be_its_own(rules, text, cue, content):
    assert only_by_cue(extract(rules, text), cue).content == content


def test_a_name_given_keeps_its_own_time(rules):
    """'called it a common ailment during long bids for office': the time belongs to the name given."""
    text = "Vell called it a common ailment during long bids for office."
    assert only_by_cue(extract(rules, text), "called").content == "it a common ailment during long bids for office"


@pytest.mark.parametrize("text, cue, content", [
    # a that-clause: the object before it is no subject of it
    ("Dana Reed tells Harbor Radio’s “Morning Tide” on Friday that “exactly who did it” remains under "
     "investigation.", "tells", "that “exactly who did it” remains under investigation"),
    ("Vell told reporters the ferry will sail on Monday.", "told", "the ferry will sail on Monday"),
])
def test_a_clause_with_its_own_start_keeps_it(rules, text, cue, content):
    assert only_by_cue(extract(rules, text), cue).content == content


@pytest.mark.parametrize("text, content", [
    # the clause's subject read as the cue's second object, after the one told
    ("The deckhand told Gawker the most pressing dilemma facing them had to do with fashion.",
     "the most pressing dilemma facing them had to do with fashion"),
    # the name of the one told hung on the clause's subject
    ("Meanwhile a Kestrel official told media outlet Xendan the fighters’ symptoms were similar to those "
     "experienced by flu sufferers.", "the fighters’ symptoms were similar to those experienced by flu sufferers"),
    # the last word of the name read as the clause's verb
    ("Mr Bream told Harbor Radio Tarnleeds the letter he had kept since his wife's death was lost in December.",
     "the letter he had kept since his wife's death was lost in December"),
    # the clause subject's possessor hung on the one told
    ("Meanwhile a Kestrel official told media outlet Tarnvale the sailors’ symptoms were similar to those of the "
     "flu.", "the sailors’ symptoms were similar to those of the flu"),
])
def test_the_one_told_is_not_in_the_content(rules, text, content):
    """'told Harbor Radio the ferry will sail': the listener is no part of what was said, and the clause keeps its
    own subject however the parser split the two (`clauses._clause_bounds`, `_after_listener`)."""
    assert only_by_cue(extract(rules, text), "told").content == content


def test_an_outlet_in_capitals_told_is_not_in_the_content(rules):
    text = ("Mr Bream told KTRN Radio Tarnleeds the message he had kept since his wife's death from cancer was lost "
            "in December.")
    assert only_by_cue(extract(rules, text), "told").content.startswith("the message he had kept")


@pytest.mark.parametrize("text, cue, content", [
    ("Reed vowed to keep the pier open and celebrated the ruling Monday.", "vowed", "to keep the pier open"),
    ("Reed proposed that more ferries be left in Tarn, and pushed to funnel arms to the harbor guard.", "proposed",
     "that more ferries be left in Tarn"),
    # a tensed content goes on with its second verb, and so does a past the tagger may read as a participle
    ("A source told us editors spotted at least one critter this week under a desk, and immediately notified Mara "
     "Vell.", "told", "editors spotted at least one critter this week under a desk, and immediately notified Mara "
     "Vell"),
    ("Another suspect is Osric Dane, 30, a former smuggler and gang member who The Tarn Courier said converted to the "
     "cause and flew to Kestrel to wage war.", "said", "converted to the cause and flew to Kestrel to wage war"),
    ("Reed said the pier had been closed and reopened in May.", "said", "the pier had been closed and reopened in May"),
])
def test_a_tensed_verb_after_an_untensed_content_is_the_speakers_next_act(rules, text, cue, content):
    """'vowed to keep the pier open and celebrated …': the cue's own tense after an infinitive or a subjunctive
    (`bounds._tensed_after_untensed`)."""
    assert only_by_cue(extract(rules, text), cue).content == content


@pytest.mark.parametrize("text, content", [
    ("The harbor master said he had been flooded with letters, some of them naming Mara Vell.",
     "he had been flooded with letters, some of them naming Mara Vell"),
    ("Ilan Moss said the inquiry had nothing to do with the ferry board, had started after the storm and been halted "
     "in July.", "the inquiry had nothing to do with the ferry board, had started after the storm and been halted in "
                 "July"),
])
def test_a_list_of_clauses_hung_on_the_cue_is_one_content(rules, text, content):
    """'said he had been flooded with letters, some of them naming …': the parser hangs the list's next clause on
    the cue as a complement of its own; the content runs over it (`clauses._listed_clauses_end`)."""
    assert cues_found(rules, text)["said"].content == content


@pytest.mark.parametrize("text, cue, content", [
    ("Mara Vell says Ilan Moss was joined by his wife, Lonnie, and other friends from the harbor.",
     "says", "Ilan Moss was joined by his wife, Lonnie, and other friends from the harbor"),
    ("Mara Vell said the ferry would stop in Port Ellis, Tarnshire.",
     "said", "the ferry would stop in Port Ellis, Tarnshire"),
    ("The harbor board noted that Ilan Moss was seen with Vell, both riding with her and eating with her in Tarnvale.",
     "noted", "that Ilan Moss was seen with Vell, both riding with her and eating with her in Tarnvale"),
])
def test_an_apposition_at_the_contents_end_is_said(rules, text, cue, content):
    """'his wife, Lonnie, and …', 'Port Ellis, Tarnshire': an apposition names or places what the speaker spoke of;
    unlike a trailing relative clause it is no aside of the writer's (`bounds.before_trailing_clause`)."""
    assert cues_found(rules, text)[cue].content == content


@pytest.mark.parametrize("text, cue, content", [
    ('Mara Vell said that some ferry riders would pay "slightly more" in tolls, an acknowledgment that aides to Ilan '
     "Moss quickly praised on the radio.", "said", 'that some ferry riders would pay "slightly more" in tolls'),
    ("Ilan Moss dismissed the harbor labels altogether, a sentiment cheered by the crowd at the pier.",
     "dismissed", "the harbor labels altogether"),
])
def test_a_phrase_summing_up_read_as_one_more_object_is_the_writers(rules, text, cue, content):
    """'would pay “slightly more” in tolls, an acknowledgment that …': the parser reads the phrase set off after the
    verb's own words as a second object (or leaves it unlabelled); it glosses what was said like an apposition."""
    assert cues_found(rules, text)[cue].content == content


@pytest.mark.parametrize("text, cue, content", [
    ("Ilan Moss said the storm destroyed two piers near Port Ellis, a ferry shed and a fuel dock.",
     "said", "the storm destroyed two piers near Port Ellis, a ferry shed and a fuel dock"),
    ("The harbor board said the patrols destroyed smuggling boats near Tarn, a warehouse and a large fuel depot.",
     "said", "the patrols destroyed smuggling boats near Tarn, a warehouse and a large fuel depot"),
])
def test_the_next_items_of_a_list_are_no_phrase_summing_up(rules, text, cue, content):
    """'destroyed two piers near Port Ellis, a ferry shed and a fuel dock': the parser reads the second item as an
    apposition (or one more object) with the third, its own article before it, joined to it; a list goes on with
    what was said."""
    assert cues_found(rules, text)[cue].content == content


def test_a_phrase_of_two_joined_words_still_sums_up(rules):
    """', a banker and former ferry clerk': two words joined inside one indefinite phrase, no list of items."""
    text = "Mara Vell said the harbor board had hired Dara Pell, a banker and former ferry clerk."
    assert cues_found(rules, text)["said"].content == "the harbor board had hired Dara Pell"


@pytest.mark.parametrize("text, content", [
    ("The council said Friday, citing unnamed sources, the plan to rebuild the harbour had been dropped.",
     "the plan to rebuild the harbour had been dropped"),
    ("Rector Ilse Varn said, speaking on condition of anonymity, the college would not reopen in May.",
     "the college would not reopen in May"),
])
def test_a_participle_set_off_before_the_clause_is_no_part_of_it(rules, text, content):
    """'said Friday, citing unnamed sources, the plan …': the aside between the cue and the clause says where the
    words came from; the content starts after its closing comma (clauses._after_opening_aside)."""
    assert cues_found(rules, text)["said"].content == content


def test_a_that_clause_after_a_citing_aside_is_the_cues(rules):
    """'said, citing internal documents, that the bridge …': the parser hangs the that-clause on "citing"; it is
    what was said (clauses._clause_past_aside), and what was cited stops at the aside's comma."""
    found = extract(rules, "Officials in Marrowdale said, citing internal budget documents, that the bridge would "
                           "close in March.")
    assert by_cue(found, "said").content == "that the bridge would close in March"
    assert all("bridge" not in (a.content or "") for a in found if a.cue == "citing")


def test_a_participle_after_that_is_the_statements_own(rules):
    found = cues_found(rules, "The ministry said that, facing a deficit, the town would cut its ferry service.")
    assert found["said"].content == "that, facing a deficit, the town would cut its ferry service"


def test_a_participle_between_dashes_inside_the_content_is_an_aside(rules):
    """'… buy a pass — assuming ten thousand are sold — the fund would gain …': the participle between a pair of
    dashes is an aside inside what was said; the content runs over it (bounds._dashed_aside), where it stopped at
    the first dash and left a clause without its main verb."""
    found = cues_found(rules, "Analyst Bram Tolle added that if half of the ferry riders buy a pass — assuming ten "
                              "thousand passes are sold in May — the harbour fund would gain a million crowns.")
    assert found["added"].content == ("that if half of the ferry riders buy a pass — assuming ten thousand passes are "
                                      "sold in May — the harbour fund would gain a million crowns")


def test_a_participle_between_dashes_where_the_statement_has_ended_is_the_speakers_own(rules):
    found = cues_found(rules, "Ilan Moss said the pier would close — citing the storm damage — and left the hall.")
    assert found["said"].content == "the pier would close"
