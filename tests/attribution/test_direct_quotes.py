"""Direct quotations (attribution/quotes.py): whose a quotation is (its own cue, a continuation of the quote before, a
new subject, a signature on the line below), and which quoted pieces make one statement. Fictional sentences through
the real parse, rules only; each finding test fails without the rule it names."""

from __future__ import annotations

import pytest

from claimgraph.records import Article
from tests.conftest import by_cue, cues_found, extract, only_by_cue, speaker_name

OPENING = '"The pier is safe," Mara Vell said. "We have checked it twice."\n\n'


def quote_of(extractor, text: str, content: str):
    """The attribution whose content is `content`, with its source mention as written."""
    found = [a for a in extract(extractor, text) if a.content == content]
    assert len(found) == 1, [(a.cue, a.content) for a in extract(extractor, text)]
    span = found[0].source_span
    return found[0], (text[span[0]:span[1]] if span else None)


def quoted(extractor, text: str):
    return [a for a in extract(extractor, text) if a.kind in {"direct", "mixed"}]


def pieces(extractor, text: str) -> list[str]:
    """The content spans, as written, of the one quoted statement found in `text`."""
    found = quoted(extractor, text)
    assert len(found) == 1, [(a.cue, a.content_spans) for a in found]
    return [text[s:e] for s, e in found[0].content_spans]


def _cues(found: list) -> list[str]:
    return [a.cue for a in found]


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


@pytest.mark.parametrize("sentence, content, source", [
    ('Another resident said he hoped the ferry would run again: "That way I can visit my sister in Tarn."',
     "That way I can visit my sister in Tarn.", "Another resident"),
    ('As Vell spoke, the dockworkers chanted, "Open the pier!"', "Open the pier!", "the dockworkers"),
    ('Later, Ilan Moss offered his thanks to the crew -- "They did a fine job on the ferry this year."',
     "They did a fine job on the ferry this year.", "Ilan Moss"),
    # a verb made finite by its auxiliary, the clause ending in a colon
    ('Ilan Moss has since apologized for what happened at the pier: "I should have waited for the inspectors."',
     "I should have waited for the inspectors.", "Ilan Moss"),
])
def test_a_quotation_inside_a_sentence_with_its_own_subject_is_that_subjects(rules, sentence, content, source):
    found, mention = quote_of(rules, OPENING + sentence, content)
    assert mention == source
    assert found.speaker is not None and found.speaker.name != "Mara Vell"
    assert "continuation" not in found.flags


def test_a_quotation_after_another_speakers_statement_goes_on_with_it(rules):
    text = OPENING + 'Ilan Moss said the ferry would run again in May. "The town cannot wait much longer for it."'
    found, mention = quote_of(rules, text, "The town cannot wait much longer for it.")
    assert mention == "Ilan Moss"
    assert found.speaker.name == "Ilan Moss"


def test_a_quotation_after_the_same_speakers_cue_clause_stays_a_continuation(rules):
    """The right reading kept: a new paragraph that only goes on quoting is still the last speaker's. (The cue
    stands before the first quotation: with the cue clause after it ending the paragraph, the next paragraph's
    quotation joins the statement as a second span, round 8,
    test_a_quotation_opening_the_sentence_or_paragraph_after_the_cue_clause_is_one_statement.)"""
    text = ('Mara Vell said at the meeting in Tarn: "The pier is safe."\n\n'
            '"We have checked it twice, and the board has found nothing wrong."')
    found, mention = quote_of(rules, text, "We have checked it twice, and the board has found nothing wrong.")
    assert "continuation" in found.flags
    assert mention == "Mara Vell" and found.speaker.name == "Mara Vell"


@pytest.mark.parametrize("text", [
    '"The bridge will open in May," Mayor Tolla Vesk said at the town hall.\n\n"We are ready for the crowds."',
    '"The harbour is the heart of Tarn," said Ilan Moss, the harbour master.\n\n'
    '"We will need a second pier before long, and the council knows it."',
])
def test_a_quotation_opening_the_sentence_or_paragraph_after_the_cue_clause_is_one_statement(rules, text):
    spans = pieces(rules, text)
    assert spans[0].startswith(("The bridge", "The harbour")) and spans[-1].startswith(("We are", "We will"))


def test_a_quotation_after_a_cue_before_the_first_one_stays_a_continuation(rules):
    """The right reading kept: the first quotation's cue stands before it, so no cue clause ends its paragraph; the
    next paragraph's quotation is a continuation of its own
    (test_a_quotation_after_the_same_speakers_cue_clause_stays_a_continuation)."""
    text = 'Mayor Tolla Vesk said at the town hall: "The bridge will open in May."\n\n"We are ready for the crowds."'
    found = quoted(rules, text)
    assert len(found) == 2, [(a.cue, a.content_spans) for a in found]
    assert "continuation" in found[1].flags


def test_a_quotation_after_a_second_reported_clause_stays_a_continuation(rules):
    """'“A,” Spicer said, adding that … on Friday. “B.”' (the reference article's a4): two finds, as before."""
    text = ('"The bridge will open in May," Mayor Tolla Vesk said, adding that the council would vote on Friday. '
            '"At that time, we will know the cost."')
    found = quoted(rules, text)
    assert len(found) == 2, [(a.cue, a.content_spans) for a in found]
    assert "continuation" in found[1].flags


def test_a_quotation_followed_by_its_own_verb_of_saying_is_not_the_previous_statement_going_on(rules):
    # "replies" is parsed as a noun here, so no rule makes it the second quotation's cue; still, a verb of saying
    # right after the quotation says that someone else speaks (quotes._said_after, found on a real page).
    text = '"Could the tide turn?" a ferryman says.\n\n"Tides don\'t sink harbours," another replies. Fair enough.'
    found = quoted(rules, text)
    assert [len(a.content_spans) for a in found] == [1, 1], [(a.cue, a.content_spans) for a in found]


@pytest.mark.parametrize("signature, speaker", [
    ("- Mara Vell.", "Mara Vell"),
    ("- Vell.", "Vell"),
    ("—Ilan Moss, Port Ellis.", "Ilan Moss"),
])
def test_a_quotation_signed_on_the_line_below(rules, signature, speaker):
    """'"…"' over '- Mara Vell.': the name below a quotation paragraph is its speaker
    (`quotes.SIGNATURE_BELOW`)."""
    text = ("The fact-checkers looked at three claims from the harbor debate.\n\n"
            "\"The ferry levy has doubled since the council took office in Port Ellis.\"\n\n"
            f"{signature}\n\nThe levy rose by a third, not by half, according to the council's own figures.")
    found = [a for a in extract(rules, text) if a.kind == "direct"]
    assert [(a.content, a.cue, a.speaker.name if a.speaker else None) for a in found] == [
        ("The ferry levy has doubled since the council took office in Port Ellis.", signature.lstrip()[0], speaker)]


def test_a_line_below_that_names_no_one_signs_nothing(rules):
    text = ("The fact-checkers looked at the harbor debate.\n\n"
            "\"The ferry levy has doubled since the council took office in Port Ellis.\"\n\n"
            "- the old figures.\n\nThe levy rose by a third.")
    assert not [a for a in extract(rules, text) if a.kind == "direct" and a.cue == "-"]


def test_a_signature_glued_to_its_dash_is_left(rules):
    """'-Mara Vell.': the tokenizer makes one word of dash and name, so no clean source span; left out."""
    text = ("The fact-checkers looked at the harbor debate.\n\n"
            "\"The ferry levy has doubled since the council took office in Port Ellis.\"\n\n"
            "-Mara Vell.\n\nThe levy rose by a third.")
    assert not [a for a in extract(rules, text) if a.kind == "direct" and a.speaker
                and a.speaker.name.startswith("-")]


def test_a_quotation_inside_a_reported_statement_is_no_continuation_of_an_earlier_quote(rules):
    text = ('"We will reopen the harbor in May," Mara Vell said.\n\nAnsel Marr said in an e-mail that the mayor "has '
            'to contend with the suggestion that the council sat on the report until after the vote. But she also '
            'has the chance to make reforms that will make a real difference."')
    found = extract(rules, text)
    assert [a.cue for a in found] == ["said", "said"]
    assert found[1].kind == "mixed" and found[1].content.endswith('make a real difference."')
    assert not any("continuation" in a.flags for a in found)


def test_a_quote_resumed_after_a_cue_clause_with_a_relative_clause_joins_the_first(rules):
    text = ("''You are going to see a variety of tactics at the harbor,'' said Elsa Moor, 32, a former ferry clerk "
            "who said she planned to demonstrate. ''I personally don't like being arrested. But it's essential that "
            "we speak our minds.''")
    found = extract(rules, text)
    assert len(found[0].content_spans) == 2 and found[0].content.endswith("we speak our minds.")
    assert not any("continuation" in a.flags for a in found)


def test_a_quote_inside_the_relative_clause_stays_its_own(rules):
    text = ('"Mara Vell is a dictator in the making," said Ansel Marr, who said there were "too many disturbing '
            'things for me to dismiss about the harbor plan."')
    found = extract(rules, text)
    assert found[0].content == "Mara Vell is a dictator in the making,"
    assert found[1].content.startswith('there were "too many disturbing things')


# -- a quote resumed after a cue clause with abbreviations is the same statement --------------------------------------

@pytest.mark.parametrize("text", [
    "“The pier should be at the very top of the list,” said Sen. Ansel Marr (D-Harb.). “If Vell wins, there is a "
    "clear mandate to act on the ferry.”",
    "\"He is going to be a major influence on Vell,\" said Owen Talbot, a strategist for the U.S. Chamber of "
    "Commerce and a longtime friend. \"They are close in age. He brings a level of calm to the harbor office.\"",
])
def test_periods_of_abbreviations_do_not_end_the_cue_clause(rules, text):
    found = extract(rules, text)
    assert _cues(found) == ["said"]
    assert len(found[0].content_spans) == 2
    assert found[0].content.endswith(("act on the ferry.", "the harbor office."))


# -- a cue after a quote's full stop that has a clause of its own starts a new statement -----------------------------

def test_a_cue_with_its_own_clause_after_a_full_stop_is_not_the_quotes(rules):
    text = ("“Our jobs are leaving the island,” Ansel Marr said. “Jobs are my wheelhouse.” He said, twice, that he "
            "would go back to work on Wednesday morning.")
    found = extract(rules, text)
    assert [a.content for a in found] == ["Our jobs are leaving the island, … Jobs are my wheelhouse.",
                                          "that he would go back to work on Wednesday morning"]
    assert all(a.speaker.name == "Ansel Marr" for a in found)


def test_a_cue_after_a_quote_ending_with_a_comma_is_still_the_quotes(rules):
    found = extract(rules, "“The ferry is late again,” Mara Vell said that morning.")
    assert _cues(found) == ["said"] and found[0].content == "The ferry is late again,"


# -- words between a quote and its cue clause go on with what was said ------------------------------------------------

@pytest.mark.parametrize("text, tail", [
    ("“We don't teach anything” against the ferry in the meetings, Ansel Marr said.",
     "against the ferry in the meetings"),
    ("“There is a sense of calm now,” and donations began to pick up again last week, Mara Vell said.",
     "and donations began to pick up again last week"),
])
def test_words_after_the_closing_mark_before_the_cue_are_said_too(rules, text, tail):
    found = extract(rules, text)
    assert _cues(found) == ["said"]
    assert len(found[0].content_spans) == 2 and found[0].content.endswith(tail)
    assert found[0].kind == "mixed"


def test_a_quoted_sentence_ended_by_a_full_stop_takes_no_words_after_it(rules):
    text = "“The ferry is late again.” On Monday the pier was closed, Mara Vell said."
    assert all(len(a.content_spans) == 1 for a in extract(rules, text))


def test_the_source_after_a_quote_starts_at_the_name(rules):
    text = "“The ferry is late,” Vell, the mayor, said on Monday."
    found = extract(rules, text)
    assert _cues(found) == ["said"]
    assert text[found[0].source_span[0]:found[0].source_span[1]] == "Vell, the mayor"


def test_a_quote_opening_in_lower_case_goes_on_with_the_words_before_it(rules):
    text = ("The ferry party, attended by hundreds of islanders every year, “allows us to get our message out,” said "
            "Owen Talbot, the union's spokesman.")
    found = extract(rules, text)
    assert _cues(found) == ["said"] and found[0].kind == "mixed"
    assert found[0].content.startswith("The ferry party, attended by hundreds of islanders every year")
    assert found[0].content.endswith("allows us to get our message out,")


def test_a_cue_before_a_quote_is_no_part_of_its_content(rules):
    found = extract(rules, "Mara Vell said on Monday, “the ferry will run again in May.”")
    assert all("Mara Vell" not in (a.content or "") for a in found)


# -- a quote ending its sentence, then a cue whose own clause comes before it ---------------------------------------

def test_the_next_sentences_cue_with_its_clause_before_it_does_not_take_the_quote(rules):
    text = ('Ansel Marr spoke at the old pier. "We are going to close a lot of piers and put fishermen out of '
            'business." The guild will likely sit out the vote altogether, guild director Phil Brenn told the Gazette.')
    found = only_by_cue(extract(rules, text), "told")
    assert found.content == "The guild will likely sit out the vote altogether"
    assert found.speaker is not None and found.speaker.name == "Phil Brenn"


def test_a_quote_whose_sentence_goes_on_after_the_cue_keeps_the_rest(rules):
    text = "“Only you, Mara,” she said, would use a harsh ruling to praise the harbor board."
    found = cues_found(rules, text)
    assert found["said"].content_spans[1:] and found["said"].content.endswith("to praise the harbor board")
    assert found["said"].kind == "mixed"


def test_a_quote_after_a_named_colon_is_that_persons(rules):
    text = "What that means for the harbor. More from Owen Talbot: “The county is a starting point for the vote.”"
    found = cues_found(rules, text)
    assert found[":"].content == "The county is a starting point for the vote."
    assert text[slice(*found[":"].source_span)] == "Owen Talbot"


@pytest.mark.parametrize("text", [
    '“We will reopen the harbor in May and the ferry will run again," Mara Vell said.',
    "“We will reopen the harbor in May and the ferry will run again,“ said Mara Vell.",
])
def test_a_curly_quotation_closed_with_the_wrong_mark_is_a_direct_quote(rules, text):
    found = cues_found(rules, text)
    assert found["said"].kind == "direct"
    assert found["said"].content.startswith("We will reopen the harbor in May")
    assert found["said"].speaker is not None and found["said"].speaker.name == "Mara Vell"


def test_a_quote_resumed_after_a_long_cue_clause_is_one_statement(rules):
    text = ('"I cannot support the ferry plan," said Mara Vell, the mayor of Port Ellis, becoming the first member '
            'of the harbor board running for re-election to break with the chairman of the board. "After much '
            'thought, I have concluded that the plan costs too much."')
    found = [a for a in rules.extract(Article(ref="t", text=text)) if a.kind in {"direct", "mixed"}]
    assert len(found) == 1 and len(found[0].content_spans) == 2
    assert found[0].content.endswith("costs too much.")


def test_quote_after_a_cue_and_a_semicolon_is_direct(rules):
    # "he added; “…”": a semicolon typed for the colon opens the quote, which is his whole
    text = ("Speaking through an interpreter, Ilan Moss added; “It is true that the season is long. But what "
            "happened tonight is that these players were cheered by their own town.”")
    a = by_cue(extract(rules, text), "added")
    assert a.kind == "direct"
    assert "cheered by their own town" in a.content


def test_quote_right_after_said_without_a_comma_is_its_own(rules):
    # 'she said "that was the last time …"' with no comma or colon: the quote is hers, not a continuation of the
    # quote before.
    text = ("\"They don't get to leave,\" Tomas Brand said of the crew. When Ilse Marr joined the board, she said "
            "\"that was the last time I saw my own desk. All of it gets turned over.\"")
    found = extract(rules, text)
    a = next(a for a in found if a.content and "the last time" in a.content)
    assert a.cue == "said" and "continuation" not in a.flags
    assert speaker_name(a) == "Ilse Marr"


@pytest.mark.parametrize("text", [
    "Mayor Dana Corvin released a statement saying \"the closure of the pier is shocking and needless.\"",
    "The harbor master spoke on Sunday. And Dana Corvin mocked the harbor board, saying \"Are the mayor and all "
    "her allies unable to come down to the pier?\"",
])
def test_a_quote_right_after_saying_is_a_direct_quote_of_its_subject(rules, text):
    # 'released a statement saying "…"' with no comma: the quotation is what was said, a direct quote (the reported
    # clause took it for indirect speech), its speaker the one who released the statement.
    a = by_cue(extract(rules, text), "saying")
    assert a.kind == "direct" and speaker_name(a) == "Dana Corvin"


@pytest.mark.parametrize("text, speaker", [
    ("Asked why she named the club the Harbor Crew, Mara Vell told \"Port Ellis Mornings\" co-host Dana Corvin, "
     "\"Because if you do not do right by the town, you have to reckon with us.\"", "Mara Vell"),
    ("The mayor, Dana Corvin, told \"The Courier\" on Sunday: \"We will not sell the ferry to anyone.\"",
     "Dana Corvin"),
])
def test_a_programmes_name_in_marks_before_the_quote_is_no_quotation(rules, text, speaker):
    # 'told “CBS This Morning” co-host Gayle King, “…”': the title's marks do not end the cue clause, the quotation
    # after the comma is what the subject told.
    a = by_cue(extract(rules, text), "told")
    assert a.kind == "direct" and a.content.startswith(("Because", "We will")) and speaker_name(a) == speaker


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


def test_an_as_clause_after_a_finished_quote_is_not_its_attribution(rules):
    """'“… the first unit.” However as noted on the Zephyr website, there is …': the "as" clause opens the next
    sentence; the quote before it gets no source from it (`quotes._own_statement_after_full_stop`)."""
    text = ("“I just went to the store and bought a new Zephyr phone. It weighs 173.5 grams, a whopping 0.8 grams "
            "more than the first unit.” However as noted on the Zephyr website, there is a small note that reads, "
            "“Size and weight vary by configuration and manufacturing process.”")
    assert not [a for a in extract(rules, text) if a.cue == "noted"]


def test_a_quote_said_as_an_aside_keeps_its_cue(rules):
    """'“…,” as Vell told the harbor meeting': a quote ending with a comma keeps the "as" clause after it as its
    attribution (only a quote that ends its sentence inside the marks loses it)."""
    text = "“We will not sell the ferry, whatever the council says,” as Vell told the harbor meeting on Monday."
    assert by_cue(extract(rules, text), "told").content.startswith("We will not sell the ferry")


@pytest.mark.parametrize("text, content, cue, speaker", [
    ("Critics wasted no time.\n\n'Brian Tarn has to go,' Edda Morrow, the founder of Harbour Watch, wrote.",
     "Brian Tarn has to go,", "wrote", "Edda Morrow"),
    ("The ferry sank in March.\n\n‘We are both crying for them,’ Nell Ashby told the Vellport Courier.",
     "We are both crying for them,", "told", "Nell Ashby"),
    ("The ferry sank in March.\n\n'Olin is definitely a hero,' said Nell Ashby, his sister. 'We are relieved.'",
     # the quotation after the cue clause goes on with the statement, as with double marks (test_single_mark_quotes)
     "Olin is definitely a hero, … We are relieved.", "said", "Nell Ashby"),
    ("The ferry sank in March.\n\nFerry worker Olin Pask said: 'The boats were late every single day this winter.'",
     "The boats were late every single day this winter.", "said", "Olin Pask"),
    ("The ferry sank in March.\n\nFerry worker Olin Pask said: 'We work in shifts and the harbour is open all night."
     "\n\n'At first no one noticed the boat had gone.'",
     "We work in shifts and the harbour is open all night. … At first no one noticed the boat had gone.", "said",
     "Olin Pask"),
])
def test_a_whole_quotation_in_single_marks_is_a_direct_quote(rules, text, content, cue, speaker):
    """British copy quotes in single marks: a content that is exactly one such quotation is a direct quote, its
    words inside the marks (with their final comma or full stop, as with double marks), its cue and speaker as
    found; not reported speech with the marks inside it. A quotation running on into the next paragraph has no
    closing mark at its paragraph's end; the next paragraph opens with one, and both pieces are the statement."""
    found = only_by_cue(extract(rules, text), cue)
    assert (found.kind, found.content, speaker_name(found)) == ("direct", content, speaker)


@pytest.mark.parametrize("text, cue", [
    ("Olin Pask said the council had ignored the 90s' records and Tarn's own warnings for years.", "said"),
    ("Olin Pask said 'the boats' were late and the council had ignored every warning, 'all of them.'", "said"),
])
def test_apostrophes_and_a_few_words_in_single_marks_leave_reported_speech(rules, text, cue):
    """An apostrophe ("Tarn's", "the 90s'") is no quotation mark, and a content holding a few words in single marks
    is not one whole quotation: both stay reported speech."""
    assert only_by_cue(extract(rules, text), cue).kind == "indirect"


@pytest.mark.parametrize("text", [
    "“We thought at first he was lost at sea. It was a long night for all of us.” Harbourmaster Orla Penn continued, "
    "“There is no better feeling than bringing a crew home.”",
    "Ilan Moss spoke at the pier. “The ferry will run again in May, and the fares will stay as they are.” Ilan Moss "
    "added: “We are ready for the summer.”",
    "“The ferry will run again in May, and the fares will stay as they are.” Ilan Moss went on, “We are ready for "
    "the summer.”",
])
def test_a_quotation_before_a_going_on_frame_is_the_same_speakers_first_words(rules, text):
    """'“A.” Downey continued, “B.”': the cue says its subject spoke before, and the quotation before it, in the same
    paragraph, is held by no statement: one statement, the earlier quotation its first span."""
    found = quoted(rules, text)
    assert len(found) == 1, [(a.cue, a.content_spans) for a in found]
    first, second = [text[s:e] for s, e in found[0].content_spans]
    assert first.startswith(("We thought", "The ferry")) and second.startswith(("There is", "We are"))
    assert found[0].speaker.name in {"Orla Penn", "Ilan Moss"}


def test_a_quotation_held_by_its_own_statement_is_not_taken_by_the_next_speakers_going_on(rules):
    text = ("“The pier is safe,” Mara Vell said. “We have checked it twice this week.” Ilan Moss added, “The ferry "
            "will run again in May.”")
    found = quoted(rules, text)
    vell = [a for a in found if a.speaker is not None and a.speaker.name == "Mara Vell"]
    assert vell and any("We have checked it twice this week." in (a.content or "") for a in vell), \
        [(a.cue, a.content_spans) for a in found]
    moss = [a for a in found if a.speaker is not None and a.speaker.name == "Ilan Moss"]
    assert [a.content for a in moss] == ["The ferry will run again in May."]


@pytest.mark.parametrize("text, speaker", [
    ("The pier closed on Monday.\n\nTobin Marsh said that the photographs showed the drone was unarmed. "
     "\"The evidence thus far suggests that the drone is only taking pictures of the town.\"", "Tobin Marsh"),
    ("The pier closed on Monday.\n\nAccording to Mara Vell, the harbour master, the blurring is not real.\n\n"
     "\"The harbour television has been showing the whole ceremony and nowhere is anything blurred.\"", "Mara Vell"),
])
def test_a_quotation_right_after_a_reported_statement_goes_on_with_its_speaker(rules, text, speaker):
    """No direct quote before: the cue-less quotation opening the sentence or paragraph right after a reported
    statement with a named source is that source's (a continuation), not nobody's."""
    found = quoted(rules, text)
    assert len(found) == 1, [(a.cue, a.content_spans) for a in found]
    assert "continuation" in found[0].flags and found[0].speaker is not None and found[0].speaker.name == speaker


def test_the_quotation_after_a_continuation_of_a_reported_statement_goes_on_too(rules):
    text = ("According to Mara Vell, the harbour master, the blurring is not real.\n\n"
            "\"The harbour television has been showing the whole ceremony and nowhere is anything blurred.\"\n\n"
            "\"We saw it all from the pier, and nobody hid anything from the crowd.\"")
    found = quoted(rules, text)
    assert [a.speaker.name if a.speaker else None for a in found] == ["Mara Vell", "Mara Vell"], \
        [(a.cue, a.content_spans) for a in found]


@pytest.mark.parametrize("text", [
    # two speakers in the sentence before: whose the quotation is cannot be told
    "Ilan Moss said the ferry was late, and Mara Vell said the pier was shut. \"Nobody told us anything about it "
    "at all, and we waited for hours.\"",
    # the writer's own sentence between
    "Ilan Moss said the ferry was late. The pier closed at noon. \"Nobody told us anything about it at all, and we "
    "waited for hours.\"",
])
def test_a_quotation_after_an_unclear_or_distant_statement_is_given_to_nobody(rules, text):
    assert all(a.speaker is None for a in quoted(rules, text)), \
        [(a.cue, a.speaker.name if a.speaker else None) for a in quoted(rules, text)]


@pytest.mark.parametrize("text", [
    "Ilan Moss said the ferry was late. “Give me the pier and the boats, and I will sail them all,” Tobin Marsh raps.",
    # a quotation that ends its sentence inside the marks, then its cue clause
    "Ilan Moss said the office was clean. \"They are rats, all of them!\" giggled the editor, Mara Vell.",
])
def test_a_quotation_with_words_after_it_does_not_go_on_with_the_statement_before(rules, text):
    """The words after the quotation in its sentence are its own cue clause, whatever the verb."""
    assert all(a.speaker is None or a.speaker.name != "Ilan Moss" for a in quoted(rules, text)), \
        [(a.cue, a.speaker.name if a.speaker else None, a.content) for a in quoted(rules, text)]


@pytest.mark.parametrize("frame, cue, speaker", [
    ("To this, the cleric Orvan Tesh replied in the negative, saying,", "saying", "Orvan Tesh"),
    ("While noting his ruling, Orvan Tesh added,", "added", "Orvan Tesh"),
])
def test_a_cue_ending_the_paragraph_above_with_a_comma_introduces_the_quotation(rules, frame, cue, speaker):
    """'…, saying,¶¶“…”': the paragraph above ends with its cue and a comma, as with a colon."""
    text = (f"The imam was asked about snowmen. {frame}\n\n"
            "“It is not permitted to make a statue out of snow, even in play.”")
    found = by_cue(extract(rules, text), cue)
    assert found.content == "It is not permitted to make a statue out of snow, even in play."
    assert speaker_name(found) == speaker


@pytest.mark.parametrize("text, cue, speaker", [
    ("When Orla Penn learned the baby was a boy, she was angry. This was Orla Penn's reaction: “I was in shock, I "
     "started crying at the thought of it.”", "reaction", "Orla Penn"),
    ("Tobin Marsh, a fighter from Corrow, posted a picture of his son holding a flag, with the caption: “That is my "
     "boy, and he is ready.”", "caption", "Tobin Marsh"),
])
def test_a_noun_naming_what_was_said_introduces_the_quotation(rules, text, cue, speaker):
    """'her reaction: “…”', 'with the caption: “…”': the noun before the colon is the cue, its possessor or the
    subject of the verb it is the object of the speaker."""
    found = by_cue(extract(rules, text), cue)
    assert found.kind == "direct" and speaker_name(found) == speaker


@pytest.mark.parametrize("text, speaker", [
    ('The owner of the ferry appears to be Tarnside user oldsalt, who posted another photo of his boat last night '
     'with the caption, "Oops I think we fooled the whole harbor and the video has not aired yet."',
     "oldsalt"),  # a lower-case account name after "user" is the person, "Tarnside user" the role
    ('The boat belongs to Orla Brenn, who sent a picture of it to her brother with the message: "The ferry is mine now '
     'and it is never going back to the company."', "Orla Brenn"),
])
def test_a_noun_frame_in_a_relative_clause_is_said_by_whom_who_stands_for(rules, text, speaker):
    """'… Instagram user gtorious, who posted another photo … with the caption, “…”': the verb's subject is "who",
    the speaker the name it stands for."""
    found = [a for a in quoted(rules, text) if a.cue in {"caption", "message"}]
    assert len(found) == 1 and speaker_name(found[0]) == speaker, [(a.cue, a.content) for a in quoted(rules, text)]


@pytest.mark.parametrize("text", [
    "The fighters can be heard vowing to take the town, with one warning: “We will enter the city and free it from the "
    "unbelievers.”",
    # a pronoun only: whom it means is left to no guess
    "Tobin Marsh met Ilan Moss at the pier. This was his reaction: “I was in shock, I started crying at the thought of "
    "it.”",
])
def test_a_noun_frame_with_nobody_named_gives_the_quotation_no_speaker(rules, text):
    assert all(a.speaker is None or a.cue not in {"warning", "reaction"} for a in extract(rules, text))


@pytest.mark.parametrize("text, speaker, content", [
    ("Mara Vell, who has run the port of Dunmore for a decade, told the Harbor Times on Monday that there was one "
     'thing left to say: "The ferry will sail whatever the council decides."', "Mara Vell",
     "The ferry will sail whatever the council decides."),
    ("A dock worker told the Harbor Times the worst problem facing the crews had to do with the weather: "
     '"Nobody can unload a boat in a gale like the one last week."', "dock worker",
     "Nobody can unload a boat in a gale like the one last week."),
    ("Ilan Moss wrote in his newsletter that the council had finally made up its mind about the pier: "
     "'It will be rebuilt in stone before the winter storms.'", "Ilan Moss",
     "It will be rebuilt in stone before the winter storms."),
])
def test_a_colon_ending_a_reported_clause_gives_its_speaker_the_quotation(rules, text, speaker, content):
    """The colon that opens the quotation ends the clause a cue reports: the quotation is the cue's subject's, not
    that of a verb inside the clause ("one thing left to say", "the worst problem had to do with")."""
    found = [a for a in extract(rules, text) if a.content == content]
    assert len(found) == 1
    assert speaker_name(found[0]) == speaker


@pytest.mark.parametrize("text, content_end", [
    ('Port director Ilan Moss said the harbour is "fully staffed" and is "taking on new pilots from the three '
     'northern towns this spring."', "this spring.\""),
    ('The harbour office reported that the pier was "not safe for heavy trucks," and was closing to lorries until '
     '"the engineers have finished their survey."', "their survey.\""),
    ('Ilan Moss makes statements such as: "The pier will outlive us all", and that "Dunmore is the finest harbour '
     'in the north."', "in the north."),
])
def test_a_second_quoted_predicate_goes_on_with_the_statement(rules, text, content_end):
    """'said the harbour is “fully staffed” and is “taking on …”': the quotation after "and" and a predicate with no
    subject of its own is the same statement's; its content runs to the second quotation's end."""
    found = [a for a in quoted(rules, text) if a.cue in {"said", "reported", "makes"}]
    assert len(found) == 1
    assert text[found[0].content_spans[-1][0]:found[0].content_spans[-1][1]].endswith(content_end)


def test_a_quotation_after_and_with_a_subject_of_its_own_is_not_joined(rules):
    # "the crew boarded" has a subject: the writer's narration, not more of what Vell said.
    text = ('Mara Vell said the ferry was "ready to sail," and the crew boarded "in good spirits that morning."')
    said = by_cue(extract(rules, text), "said")
    assert "good spirits" not in said.content


@pytest.mark.parametrize("text, last_words", [
    ('Inspector Mara Vell said: "The dog was found tied to the railing at Dunmore station.\n\n"We traced the owner '
     "through the microchip, who told us he had sold the dog last spring.\n\n'Cruel incident'\n\n\"Unfortunately he "
     'could not tell us the name of the person who bought the dog."', "the person who bought the dog."),
    ("The harbour master, Ilan Moss, said: 'The pier was built in the last century and has never failed us.\n\n"
     "MORE: Tarrow ferry sails again after the long winter\n\nMORE: Dunmore council votes on the new harbour fees\n\n"
     "'It will stand for another hundred years if the council pays for the repairs.'", "pays for the repairs."),
    ('Ilan Moss said: "The nets came up empty for the third week in a row.\n\nPictured: the Dunmore pier at low '
     'tide\n\n"We will try the northern banks once the weather turns."', "once the weather turns."),
])
def test_an_open_quotation_goes_on_past_label_lines(rules, text, last_words):
    """A quotation left open at its paragraph's end goes on below a caption, a crosshead or "MORE:" links: the
    paragraph after them is the same statement's last span."""
    assert pieces(rules, text)[-1].endswith(last_words)


def test_an_open_quotation_does_not_go_on_past_running_text(rules):
    # A sentence of the writer's between: the quotation below may be anyone's, and stays unattributed to Moss.
    text = ('Ilan Moss said: "The nets came up empty for the third week in a row.\n\nThe fleet stayed in port on '
            'Tuesday while the storm passed over the bay.\n\n"We will try the northern banks once the weather turns."')
    said = by_cue(extract(rules, text), "said")
    assert "northern banks" not in said.content


def test_a_quotation_after_a_clause_about_a_thing_is_not_the_things(rules):
    """'The timing of the repairs comes after …: “…”': the clause before the colon has a subject, but no one who
    speaks and no speech verb; the quotation is not the timing's words."""
    text = ('Mara Vell told the Harbor Times the worst problem facing the crews had to do with the weather: "Nobody '
            'can unload a boat in a gale."\n\nThe timing of the repairs comes after the council launched an online '
            'campaign advertising the new harbour fees to all the fishers of the town: "Build it once, build it '
            'right, and build it before the storms."')
    assert not [a for a in extract(rules, text) if speaker_name(a) == "timing"]


def test_an_open_quotation_nobody_was_given_does_not_carry_the_speaker_before_past_labels(rules):
    # The open quotation below Moss's is the stowaway's (no cue names her): the one past the caption is not Moss's.
    text = ("Ilan Moss added: 'She was a paying passenger, even if an odd one.'\n\nThe stowaway decided she had had "
            "enough when the reporters came aboard.\n\n'I decided the best thing to do would be to go home to Tarrow."
            "\n\nPictured: the stowaway on the pier at Dunmore\n\n'I had already told my boss I was off sick, so I "
            "phoned him and said I was leaving.'")
    assert not [a for a in extract(rules, text) if a.content.startswith("I had already told")
                and speaker_name(a) == "Ilan Moss"]


@pytest.mark.parametrize("text, cue, speaker", [
    ('Colonel Said Varno, chief of the harbour police in Dunmore, told the Harbor Times: "More than 40 boats were '
     'sunk and 80 families are in shelters."', "told", "Said Varno"),
    ("Ilan Moss argued that the crew chose the pier because it was closest to the town, saying: 'When people see "
     "you getting all this work they want to bring you down.'", "saying", "Ilan Moss"),
])
def test_a_cue_that_ends_the_clause_before_the_colon_keeps_the_quotation(rules, text, cue, speaker):
    # The colon is the nearer cue's own: the clause it hangs in is not read as the quotation's frame.
    found = [a for a in quoted(rules, text) if a.content_spans[-1][1] >= len(text) - 3]
    assert len(found) == 1 and found[0].cue == cue
    assert speaker in text[found[0].source_span[0]:found[0].source_span[1]] or speaker_name(found[0]) == speaker


@pytest.mark.parametrize("text, speaker", [
    ('"We are treating the two fires as linked," Port Ellis Sgt. Ivo Keel told the Courier.', "Ivo Keel"),
    ("'He was actually on my ferry and we came in behind the other boat,' Sgt. 1st Class Orrin Tal, the engineer on "
     "the ferry that carried them, wrote on Facebook after the Courier ran the story.", "Orrin Tal"),
    ('"The channel stays closed until Friday," Tarn Harbor Police Capt. Lena Morrow said.', "Lena Morrow"),
])
def test_a_short_title_before_the_speakers_name_ends_no_sentence(rules, text, speaker):
    """'“…,” Cumbria Sgt. Gill Cherry told the Daily Mirror.': the tokenizer splits the title's full stop off, which
    ended the search for the cue after the quotation; the place and title before the name are no words of the
    quotation's."""
    found = quoted(rules, text)
    assert len(found) == 1 and found[0].kind == "direct", [(a.kind, a.cue, a.content_spans) for a in found]
    assert len(found[0].content_spans) == 1 and speaker_name(found[0]) == speaker


STATEMENT = '"The ferry is in the dock. Nobody was hurt and nothing sank."'


@pytest.mark.parametrize("above, speaker", [
    ("The harbor master's office issued a statement about the rumor.", "harbor master's office"),
    ("The Tarn Ferry Company released a short statement on Tuesday.", "Tarn Ferry Company"),
])
def test_a_statement_issued_in_the_paragraph_above_is_the_quotation(rules, above, speaker):
    """'The actor's representatives issued a statement about the hoax.¶¶"He joins the long list …"': the quotation
    opens its paragraph with no cue of its own; the statement issued just above is what it is."""
    text = f"The ferry was said to have sunk.\n\n{above}\n\n{STATEMENT}"
    found = [a for a in quoted(rules, text) if a.content.startswith("The ferry is in the dock")]
    assert len(found) == 1 and found[0].cue == "statement", [(a.cue, a.content) for a in quoted(rules, text)]
    assert speaker_name(found[0]) == speaker


@pytest.mark.parametrize("above", [
    "She issued a statement about the rumor.",  # a pronoun only: whom it means is left to no guess
    "The harbor master's office issued a statement about the rumor. Then the mayor spoke.",  # not the last sentence
])
def test_a_statement_above_names_no_speaker_without_a_named_subject_right_before(rules, above):
    text = f"The ferry was said to have sunk.\n\n{above}\n\n{STATEMENT}"
    assert all(a.cue != "statement" for a in extract(rules, text))


@pytest.mark.parametrize("text", [
    "“Nobody could even stop the divers from entering the dock. You think they could stop some rats?” a commenter "
    "named “Tidewatch” wrote.",
    '"The ferry will never sail again on this timetable," a forum user dubbed "Old Salt" wrote on Sunday.',
])
def test_a_quoted_name_in_the_cue_clause_does_not_end_the_search_for_the_cue(rules, text):
    """'“…?” a commenter named “4npower” wrote.': the name's marks are no next quotation; the cue after it is the
    quotation's."""
    found = [a for a in quoted(rules, text) if a.cue == "wrote"]
    assert len(found) == 1 and found[0].kind == "direct", [(a.cue, a.content) for a in quoted(rules, text)]


def test_a_quotation_closed_twice_keeps_its_second_sentence(rules):
    """'"… twice."This is making me laugh …”': a straight closing mark after the first sentence, a curly one after
    the second, no space after the first (marks._closed_twice): both sentences are the speaker's."""
    text = ('"There was no likeness at all between the two faces," said Ada Brisk, a ferry captain. "I asked the '
            'sculptor twice."This is making me laugh so hard right now.”')
    said = by_cue(extract(rules, text), "said")
    assert said.content.endswith("This is making me laugh so hard right now.")


@pytest.mark.parametrize("text, quoted", [
    ('Brisk wrote: "The statue looks nothing like the mayor."It is a different man.” She left.',
     ['"The statue looks nothing like the mayor."', '"It is a different man.”']),
    # a curly opening next: the straight mark only closes
    ('Brisk said "No."Then “yes” came later.', ['"No."', '“yes”']),
    # a space after the straight mark: an ordinary closing
    ('"Ferries are late," Vell said. "Fix them." Later “all” of them came.', ['"Ferries are late,"', '"Fix them."',
                                                                         '“all”']),
])
def test_a_straight_closing_reopens_only_before_a_lone_curly_closing(text, quoted):
    from claimgraph.attribution.marks import find_quotes

    assert [text[q.start:q.end] for q in find_quotes(text)] == quoted
