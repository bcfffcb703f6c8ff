"""Speakers a reader would accept (issue 9, item 2), through the real pipeline on fictional sentences.

Each test names one behaviour and fails without it: function words are never identities, descriptions are
anonymous, aliases are mentions without clauses, and lines that are not prose give no sources.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from claimgraph.attribution.speakers.names import genders_said
from claimgraph.records import Article
from tests.conftest import by_cue, extract


@pytest.mark.parametrize("text, cue, mention", [
    ("Some said the harbor vote was rigged, while the council met again on Friday.", "said", "Some"),
    ("Most of the crews left early, and others said the ferry plan would fail next year.", "said", "others"),
    ("You say that the harbor can pay for the new cranes on its own.", "say", "You"),
])
def test_a_quantifier_or_second_person_is_no_identity_but_its_mention_is_kept(extractor, text, cue, mention):
    found = by_cue(extract(extractor, text), cue)
    assert found.speaker is None
    start, end = found.source_span
    assert text[start:end] == mention


def test_a_relative_pronoun_resolves_to_its_antecedent(extractor):
    text = "Harbor pilots who said the channel was too shallow met the mayor on Tuesday."
    found = by_cue(extract(extractor, text), "said")
    assert found.speaker is not None and found.speaker.name.lower() == "harbor pilots"
    # The mention as written is the relative (PolNeAR marks "who"), as "he" is in "he said".
    assert text[found.source_span[0]:found.source_span[1]] == "who"


def test_which_after_those_of_a_body_is_that_body(extractor):
    """ "… match those of the Harbor Monitoring Group, which said …": the parser hangs the clause on "those" (the
    group's figures); the group said it (FNC-1 design: "those of the … Observatory …, which said", no speaker)."""
    text = ("Their claims would appear to correspond with those of the Harbor Monitoring Group for Civil Rights, which "
            "said the militants had seized at least one cache.")
    found = by_cue(extract(extractor, text), "said")
    assert found.speaker is not None and found.speaker.name == "Harbor Monitoring Group for Civil Rights"


def test_it_resolves_to_the_unnamed_body_that_just_spoke(extractor):
    """ "Kestrovia's government later insisted … . It said …": a body described, not named, counts for "it" as a
    named one does (FNC-1 design: "Iraq's government … It said", no speaker)."""
    text = ("Officials in Velmora detained a woman at the border on Tuesday. But Kestrovia's government later insisted "
            "the woman was not a spy. The border crossing was closed on Wednesday. It said the arrest had been a "
            "mistake.")
    found = by_cue(extract(extractor, text), "said")
    assert found.speaker is not None and found.speaker.name == "Kestrovia's government"


def test_an_unnamed_body_for_it_is_read_by_the_head_of_its_description():
    # "the leader of the Velmoran rebel group" is a person, no body that "it" may be (FNC-1 check: "it announced"
    # given to such a leader once an unnamed body counted by its last word).
    from claimgraph.attribution.speakers.anaphora import _head_word

    assert _head_word("leader of the Velmoran rebel group") == "leader"
    assert _head_word("Kestrovia's government") == "government"


def test_that_said_is_not_an_attribution(extractor):
    text = "That said, the ferry software leaves its files unencrypted when the name is short."
    assert extract(extractor, text) == []


def test_lets_never_makes_a_nameless_identity(extractor):
    # The "’s" of "Let’s" once became an organisation with an empty name, and the next surname lookup crashed.
    text = ("Let’s hope we see more of the harbor festival next year, said Mara Vell. "
            "Vell added that the stalls would stay open late.")
    found = extract(extractor, text)
    assert all(a.speaker is None or a.speaker.name.strip() for a in found)
    assert by_cue(found, "added").speaker.name == "Mara Vell"


def test_he_resolves_to_the_last_person_named_even_one_who_has_not_spoken(extractor):
    text = "Soon after Ms. Ilse Price was elected, she said she would seek to remove all the old rules."
    found = by_cue(extract(extractor, text), "said")
    assert found.speaker is not None and found.speaker.name == "Ilse Price"


def test_it_resolves_to_the_organisation_that_just_spoke(extractor):
    text = "The Kestrel Ferry Company said it would cut crossings. It added that the boats were old."
    found = by_cue(extract(extractor, text), "added")
    assert found.speaker is not None and found.speaker.name == "Kestrel Ferry Company"


@pytest.mark.parametrize("text, cue, body", [
    ("Harbor News Service was among the first outlets to set the record straight. It said in an article on Friday "
     "that the error stemmed from a headline.", "said", "Harbor News Service"),
    ("The council said it would continue talks with the rebels. It hopes the group will free more of the hostages "
     "this week.", "hopes", "council"),
])
def test_it_with_no_body_speaking_just_before_is_the_body_that_is_the_subject_just_before(extractor, text, cue, body):
    found = by_cue(extract(extractor, text), cue)
    assert found.speaker is not None and found.speaker.name == body


@pytest.mark.parametrize("text, cue", [
    ("Unlike the militias, the Kestrel Front has so far focused on seizing land. It came as Mayor Dale Moss on "
     "Monday announced that the troops had recaptured the dam.", "announced"),  # the "it" of another verb
    ("One image shows the boy holding a rifle so large that it threatens to topple him over.", "threatens"),
    ("The Kestrel Front has yet to comment on the arrest, but the Velder Brigade, despite a feud with the Front, "
     "issued a statement of condemnation. It described the arrest as evidence of weakness.", "described"),
    ("The Harbor Wire has released new audio tonight in the ferry case, and it reportedly confirms the captain left "
     "the bridge.", "confirms"),  # the clip, more likely than the outlet
])
def test_it_takes_no_subject_that_is_not_one_body(extractor, text, cue):
    found = [a for a in extract(extractor, text) if a.cue == cue]
    assert all(a.speaker is None or a.speaker.type == "person" for a in found)


def test_a_description_without_a_name_is_anonymous_and_the_mayor_is_the_mayor_named_earlier(extractor):
    text = ("A doctor said the clinic in Port Ellis was full. "
            "Mara Vell, the mayor of Port Ellis, said the bridge would reopen. "
            "The mayor added that the crews had worked all winter.")
    found = extract(extractor, text)
    doctor = by_cue(found, "said").speaker
    assert doctor.type == "anonymous" and doctor.name == "doctor"
    assert by_cue(found, "added").speaker.name == "Mara Vell"


def test_officials_at_an_organisation_are_anonymous_with_that_affiliation(extractor):
    text = "Officials at the Northgate Port Authority said the cranes had been idle for a week."
    speaker = by_cue(extract(extractor, text), "said").speaker
    assert speaker.type == "anonymous" and speaker.affiliation == "Northgate Port Authority"


def test_an_alias_is_the_mention_without_its_relative_clause(extractor):
    text = ("The Harbor Council - which considers the plan from Tomas Reyes a waste of money - said the vote "
            "would be held in May.")
    speaker = by_cue(extract(extractor, text), "said").speaker
    assert speaker.name == "Harbor Council" and speaker.aliases == ("The Harbor Council",)


def test_aliases_never_run_past_eight_words(extractor):
    text = ("Owen Talbot, a harbor engineer who has spent twenty years repairing the cranes and ferry slips of "
            "Port Ellis, said the new crane would arrive in June.")
    speaker = by_cue(extract(extractor, text), "said").speaker
    assert speaker.name == "Owen Talbot"
    assert all(len(alias.split()) <= 8 for alias in speaker.aliases)


def test_a_mark_standing_alone_counts_as_a_word_of_an_alias(extractor):
    # Found by a fuzz campaign: eight words and a lone "»" made an alias of nine words.
    text = "ferry gull as already warm » tide ferry x. saying: fell mayor board’"
    for attribution in extract(extractor, text):
        if attribution.speaker is not None:
            assert all(len(alias.split()) <= 8 for alias in attribution.speaker.aliases), attribution.speaker


def test_a_quoted_title_before_a_name_is_not_the_speaker(extractor):
    text = "“Harbor Lights” actress Ilse Marr said the show would return in the autumn."
    speaker = by_cue(extract(extractor, text), "said").speaker
    assert speaker.name == "Ilse Marr" and speaker.type == "person" and speaker.role == "actress"


def test_a_plural_group_is_not_a_person(extractor):
    text = "Tory MPs who said the harbor plan was flawed met on Tuesday."
    speaker = by_cue(extract(extractor, text), "said").speaker
    assert speaker is not None and speaker.type == "anonymous"


def test_a_quote_is_not_attributed_to_a_relative_clause_inside_its_cue(extractor):
    text = ("“The city is full of smoke and ashes,” Ilse Marr, a Port Ellis resident who tweeted about the "
            "smoke, said.")
    found = extract(extractor, text)
    assert [a.cue for a in found if a.kind == "direct"] == ["said"]
    assert found[0].speaker.name == "Ilse Marr"


def test_a_subject_inside_the_quote_is_not_the_speaker(extractor):
    text = "“The first I heard anything about it was late Tuesday evening,” said Vell, who resigned from the board."
    found = by_cue(extract(extractor, text), "said")
    assert text[found.source_span[0]:found.source_span[1]].startswith("Vell")


def test_a_reporting_verb_after_the_clause_names_its_source(extractor):
    text = "The province declared a state of emergency over the fires, reported Northgate News. Fire season began."
    found = by_cue(extract(extractor, text), "reported")
    assert found.speaker.name == "Northgate News"
    assert found.content == "The province declared a state of emergency over the fires"
    assert not any(a.cue == "declared" for a in extract(extractor, text))


@pytest.mark.parametrize("text, cue", [
    ("PORT ELLIS (AP) — said the bridge would reopen, officials told reporters on Monday.", "said"),
    ("By Owen Talbot said the harbor would close for the winter.", "said"),
])
def test_datelines_and_bylines_are_not_sources(extractor, text, cue):
    assert by_cue(extract(extractor, text), cue).speaker is None


def test_caption_words_are_not_part_of_the_speaker(extractor):
    speaker = by_cue(extract(extractor, "Image caption Mara Vell said the bridge would reopen in May"), "said").speaker
    assert speaker.name == "Mara Vell" and speaker.role is None and speaker.aliases == ("Mara Vell",)


def test_a_lower_case_description_is_anonymous_not_an_organisation(extractor):
    speaker = by_cue(extract(extractor, "The harbor board said the ferry lost money in June."), "said").speaker
    assert speaker.type == "anonymous" and speaker.name == "harbor board"


def test_a_name_right_before_its_cue_is_the_subject_when_the_parse_hangs_it_elsewhere(extractor):
    text = ("Speaking from a stage at Kestrel’s headquarters in Northgate, Vellmont, Chief Executive Mara Vell said "
            "that corporations need to create profitable solutions.")
    speaker = by_cue(extract(extractor, text), "said").speaker
    assert speaker is not None and speaker.name == "Mara Vell"


def test_a_surname_is_the_person_named_in_full_earlier_even_one_who_had_not_spoken(extractor):
    text = 'The salon owner\'s son, Usman Hasib, runs the business now. "They just walked out," Hasib said.'
    speaker = by_cue(extract(extractor, text), "said").speaker
    assert speaker.name == "Usman Hasib" and speaker.type == "person"


def test_a_place_before_a_title_is_not_part_of_the_role(extractor):
    speaker = by_cue(extract(extractor, "San Diego engineer Bill Powers said the grid had plenty of power."),
                     "said").speaker
    assert speaker.name == "Bill Powers" and speaker.role == "engineer"


def test_a_hyphenated_name_stays_whole(extractor):
    speaker = by_cue(extract(extractor, "“It has been the most beautiful dream,” Waller-Bridge said."), "said").speaker
    assert speaker.name == "Waller-Bridge"


def test_he_after_a_spokesperson_is_that_spokesperson(extractor):
    text = ("Jo Grady, the union general secretary, said students would be shocked. A spokesperson for the Harbor "
            "Employers’ Association (HEA) said its members had cut contracts. “Our own analysis shows progress,” "
            "he said.")
    found = extract(extractor, text)
    spokesperson = found[1].speaker
    assert spokesperson.type == "anonymous" and spokesperson.affiliation == "Harbor Employers’ Association"
    assert found[2].speaker.key == spokesperson.key


def test_a_pronoun_resolves_but_is_never_an_alias(extractor):
    text = ('Ferry captain Ilse Marr said the crossing would reopen in May. "We are ready," she told the council. '
            'She added that the new pier was safe.')
    found = extract(extractor, text)
    by_pronoun = [a for a in found if a.source_span and text[a.source_span[0]:a.source_span[1]].lower() == "she"]
    assert by_pronoun and all(a.speaker is not None and a.speaker.name == "Ilse Marr" for a in by_pronoun)
    aliases = {alias for a in found if a.speaker is not None for alias in a.speaker.aliases}
    assert "Ilse Marr" in aliases and not aliases & {"she", "She"}


def test_an_acronym_spelt_like_a_function_word_is_the_body_it_names(extractor):
    text = '"No cases were found in the port," the WHO said in a statement on Friday.'
    found = by_cue(extract(extractor, text), "said")
    assert found.speaker is not None and (found.speaker.name, found.speaker.type) == ("WHO", "organization")


@pytest.mark.parametrize("text, cue, antecedent", [
    ("The rumor was fuelled by a TV report late last month that said the mayor was ill.", "said", "TV report"),
    ("Mara Vell saw a dermatologist on Monday, who told her that the rash was rare.", "told", "dermatologist"),
])
def test_a_relative_after_a_date_stands_for_the_noun_before_the_date(extractor, text, cue, antecedent):
    found = by_cue(extract(extractor, text), cue)
    assert found.speaker is not None and found.speaker.name == antecedent


def test_he_or_she_with_nobody_named_is_the_one_person_described_as_the_subject_just_before(extractor):
    text = ("The nun, who came to Port Ellis from the south, belonged to an order in the valley. "
            "She says she had no idea she was pregnant.")
    found = by_cue(extract(extractor, text), "says")
    assert found.speaker is not None and (found.speaker.name, found.speaker.type) == ("nun", "anonymous")
    assert text[found.source_span[0]:found.source_span[1]] == "She"
    # The same pronoun as the subject in between stands for the same one.
    text = ("The dedicated owner took his goldfish to a vet. Shocked at the cost, he refused to give the vet the "
            "go-ahead. He said the fee was absurd.")
    found = extract(extractor, text)
    assert by_cue(found, "said").speaker is not None and by_cue(found, "said").speaker.name == "dedicated owner"


@pytest.mark.parametrize("text", [
    "The harbor council met on Tuesday. She said the vote on the pier was close.",  # a body, not a person
    "The old fisherman left the harbor at dawn. She said the catch was poor this year.",  # his gender, not hers
    "The nun met Mara Vell at the harbor in the morning. She said the ferry was late again.",  # a name is there
])
def test_he_or_she_takes_no_description_that_does_not_fit(extractor, text):
    found = by_cue(extract(extractor, text), "said")
    assert found.speaker is None or found.speaker.name != "nun" and found.speaker.type != "anonymous"


def test_his_before_a_statement_noun_is_the_person_named(extractor):
    text = "The club benched Dale Moss following his admission that he hit a fan with a stick."
    found = by_cue(extract(extractor, text), "admission")
    assert found.speaker is not None and found.speaker.name == "Dale Moss"


def test_a_title_alone_is_the_one_source_described_by_that_title_before_or_after(extractor):
    text = ('The sisters arrived in June. But the abbess denied: "No sister gave birth to a child." Two convents stand '
            'in the valley. The Mother Abbess of the monastery of St. Velda explained that the nun is not cloistered. '
            'Later the abbess said the bells were rung at noon.')
    found = extract(extractor, text)
    names = {a.cue: a.speaker.name if a.speaker else None for a in found}
    assert names["denied"] == names["explained"] == names["said"] == "Mother Abbess"
    # Two sources of one title stay two, and "the spokesman" is neither.
    text = ("A spokesman for the harbor board said fees would rise. A spokesman for the ferry company said fares "
            "would fall. The spokesman said the boats were old.")
    speakers = [a.speaker.name for a in extract(extractor, text) if a.cue == "said"]
    assert len(set(speakers)) == 3
    # A description the parse cut to its head word is not the title alone.
    text = ("A spokesperson and self-proclaimed secretary general for the Kestrel Front confirmed to the Gazette that "
            "the hostages will be freed on Monday. Later a government spokesperson said the talks had ended.")
    found = extract(extractor, text)
    assert by_cue(found, "confirmed").speaker.name != by_cue(found, "said").speaker.name


def test_a_mention_running_over_two_sentences_ends(extractor):
    """A source mention that takes in another sentence's root once sent `core_tokens` round that root for ever (a
    whole batch of real articles hung on it); the other sentence's words are no part of the name."""
    import signal

    from claimgraph.attribution.speakers import core_tokens

    doc = extractor.nlp("Harbor pilots met on Tuesday. The council said the channel was too shallow.")
    second = list(doc.sents)[1]
    mention = doc[0:second.root.i + 1]
    previous = signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(TimeoutError("core_tokens hung")))
    signal.alarm(20)
    try:
        tokens = core_tokens(mention)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    # The other sentence's words are left out, and so is "on Tuesday" (when, not who).
    assert [t.text for t in tokens] == ["Harbor", "pilots", "met"]


# -- the writer's voice, interviews, "they" and "it" a reader resolves, titles (issue 9 item 2, real pages) -----

def test_the_writers_own_i_is_the_byline_person_else_an_anonymous_writer_of_the_article(extractor):
    text = ("We found that most riders disliked the new ferry timetable. “It works,” said Mara Vell, “and we found "
            "that riders agree.” The timetable seems to confuse tourists. They want us to believe the ferry is on "
            "time.")
    signed = extractor.extract(Article(ref="r", text=text, author="By Owen Talbot", publisher="Port Ellis Gazette"))
    writer = by_cue(signed, "found").speaker
    assert writer is not None and (writer.name, writer.type, writer.role) == ("Owen Talbot", "person", "writer")
    assert by_cue(signed, "seems").speaker == writer  # a sourceless judgement in the writer's own prose
    assert by_cue(signed, "said").speaker.name == "Mara Vell"
    assert all(a.speaker is None or a.speaker.name == "Mara Vell" for a in signed if a.parent)  # "we" in her quote
    assert all(a.speaker != writer for a in signed if a.cue == "believe")  # "us" is no subject of the cue
    for author in (None, "Letters", "Port Ellis Gazette", "Owen Talbot; Ilse Marr", "Gazette Staff"):
        unsigned = extractor.extract(Article(ref="r", text=text, author=author, publisher="Port Ellis Gazette"))
        speaker = by_cue(unsigned, "found").speaker
        assert (speaker.name, speaker.type) == ("writer", "anonymous"), author


def test_a_title_case_interview_gives_each_line_to_its_speaker_and_you_to_the_other_party(extractor):
    text = ("Owen Talbot has run the Kestrel ferry for twenty years. Ilse Marr asked him four questions.\n\n"
            "Ilse Marr: You say that the ferry loses money every winter. Why keep it?\n\n"
            "Owen Talbot: Because the island needs it. I think the council will pay its share.\n\n"
            "Ilse Marr: You argue that the fares should fall. How?\n\n"
            "Owen Talbot: We found that half the riders are pensioners.\n\n"
            "Ilse Marr: What next?\n\n"
            "Mr Talbot: A new boat in May.\n")
    found = extract(extractor, text)
    lines = [a for a in found if a.cue == ":"]
    assert [a.speaker.name for a in lines] == ["Ilse Marr", "Owen Talbot"] * 3
    assert by_cue(found, "say").speaker.name == "Owen Talbot"  # asked by Ilse Marr: "you" is the other party
    assert by_cue(found, "argue").speaker.name == "Owen Talbot"
    assert all(a.speaker.type == "person" for a in lines)
    # "We found …" in Talbot's own line is Talbot again ("we" inside a statement is its speaker's), so it is no
    # second statement nested in his line; were "we" read as the writer's, it would stand as one.
    assert not any(a.cue == "found" for a in found)


@pytest.mark.parametrize("text", [
    "Photo: The harbor at dawn.\n\nUpdate: The council said the ferry would run on Monday.\n",
    "Mara Vell: 1,769.\n\nOwen Talbot: 1,501.\n\nVell: 547.\n\nTalbot: 46.\n\nMara Vell: 2,316 votes.\n\n"
    "Owen Talbot: 1,812 votes.\n",  # a tally is no interview
])
def test_a_one_off_title_case_label_or_a_tally_is_no_speaker(extractor, text):
    assert all(a.cue != ":" for a in extract(extractor, text))


def test_they_resolves_to_the_people_just_described(extractor):
    text = ("The rolling blackouts left some of the state’s energy experts bewildered. They said that the utilities "
            "had plenty of power available.")
    speaker = by_cue(extract(extractor, text), "said").speaker
    assert speaker is not None and (speaker.name, speaker.type) == ("energy experts", "anonymous")


def test_it_resolves_to_the_report_that_just_spoke(extractor):
    text = ("The report by the Harbor Workers Union claims that wages fell by a tenth. It says the council must "
            "publish what it pays its casual staff.")
    found = extract(extractor, text)
    report = by_cue(found, "claims").speaker
    assert report is not None and report.name == "report"
    assert by_cue(found, "says").speaker == report


def test_it_resolves_to_the_organisation_named_in_its_sentence_though_it_spoke_long_before(extractor):
    filler = " ".join(f"Ferry crossing number {i} left the harbor on time and reached the island." for i in range(12))
    text = (f"Kestrel Ferries said on Thursday that it would add two boats. {filler} "
            "Kestrel Ferries’ goal to cut fuel use by 2030 covers every boat it runs, it said.")
    said = [a for a in extract(extractor, text) if a.cue == "said"]
    assert said[-1].speaker is not None and said[-1].speaker.name == "Kestrel Ferries"


@pytest.mark.parametrize("text", [
    "Ex-harbour secretary Tomas Reyes says the pier will be safe by May.",
    "Ex-Harbour Secretary TOMAS REYES says the pier will be safe by May.",
])
def test_a_title_before_a_name_is_the_role_of_a_person(extractor, text):
    speaker = by_cue(extract(extractor, text), "says").speaker
    assert (speaker.name, speaker.type, speaker.role) == ("Tomas Reyes", "person", "ex-harbour secretary")


@pytest.mark.parametrize("text, cue, name", [
    ("On an online forum for teachers, some wrote that students should not be watched in class.", "wrote",
     "some teachers"),
    ("One academic told the authors that she had no contract, leaving students unhappy. Others reported "
     "supervisors taking credit for research.", "reported", "other academics"),  # the rest of that group
    # "another": one more of the kind of source that spoke just before (FNC-1 design and check: "one Twitter user
    # wrote. Another posted …", "One user said …, while another said …", nobody)
    ("The ruling provoked swift replies from Velmoran readers. “They are afraid of snow,” one Twitter user wrote. "
     "Another said the cleric had never seen a snowman.", "said", "another Twitter user"),
])
def test_a_quantifier_is_part_of_the_people_just_described(extractor, text, cue, name):
    speaker = by_cue(extract(extractor, text), cue).speaker
    assert speaker is not None and (speaker.name, speaker.type) == (name, "anonymous")


def test_another_after_several_or_a_named_source_names_nobody(extractor):
    # "Forum posts claim … . Another reported …": another what, the text does not say; nor after a named person,
    # nor after a thing (FNC-1 check: "another attack" for "Another said" after an official declined).
    for text in ("Forum posts claim that a reset deleted their files. Another reported that his account was locked.",
                 "Mara Vell said the pier would close. Another said it would stay open.",
                 "The harbour report said the pier would close. Another said it would stay open."):
        found = [a for a in extract(extractor, text) if a.source_span and
                 text[a.source_span[0]:a.source_span[1]] == "Another"]
        assert len(found) == 1 and found[0].speaker is None


def test_a_bare_relative_source_is_its_antecedent(extractor):
    text = ("The letter argues that riders care deeply, a point emphasised by a Port Ellis Gazette poll which shows "
            "that most riders want the ferry kept.")
    from claimgraph.attribution.speakers import SpeakerResolver

    doc = extractor.nlp(text)
    which = next(t for t in doc if t.lower_ == "which")  # the mention as a rule may leave it: the relative alone
    speaker = SpeakerResolver(doc).resolve(doc[which.i:which.i + 1])
    assert speaker is not None and speaker.name == "Port Ellis Gazette poll" and speaker.type == "anonymous"


# -- sources a reader resolves on real pages, roles as a reader writes them (issue 9 item 2, fifth session) -------

def test_the_one_asked_is_not_the_speaker_of_an_asked_if_clause(extractor):
    # Vell answers ("said it does"); the question was put to her by someone the text does not name
    text = "Asked if the ferry plan matters to her, Mara Vell said it does."
    found = by_cue(extract(extractor, text), "Asked")
    assert found.speaker is None


def test_a_run_of_subjectless_fragments_goes_on_about_the_subject_before(extractor):
    text = ("Mayor Tomas Reyes has had a hard week, and his office has had to do a lot of explaining. "
            "Explaining why he closed the harbor to fishing boats in May. "
            "Explaining why he argued that the ferry fares were too low.")
    fragments = [a for a in extract(extractor, text) if a.cue == "Explaining"]
    assert len(fragments) == 2
    assert all(a.speaker is not None and a.speaker.name == "Tomas Reyes" for a in fragments)


def test_a_fragment_after_a_sentence_about_nobody_named_keeps_no_speaker(extractor):
    text = "The week was hard for the harbor office. Explaining why the pier closed in May."
    assert by_cue(extract(extractor, text), "Explaining").speaker is None


def test_a_verb_joined_on_without_a_subject_speaks_for_the_nearest_subject_before_it(extractor):
    text = ("Soon, though, we've made it to Port Ellis, and Tamsin's uncle welcomes us, coos at our story, "
            "and says we're welcome to everything he has.")
    found = by_cue(extract(extractor, text), "says")
    assert found.speaker is not None and found.speaker.name == "Tamsin's uncle"
    assert text[found.source_span[0]:found.source_span[1]] == "Tamsin's uncle"


def test_a_share_is_part_of_the_people_just_described_and_nobody_without_them(extractor):
    text = ("A Kestrel poll of 2,000 voters found that 68 per cent of people wanted the harbor kept open. "
            "Only one in five (21 per cent) thought that closing it was acceptable.")
    found = by_cue(extract(extractor, text), "thought")
    assert found.speaker is not None and (found.speaker.name, found.speaker.type) == (
        "one in five people", "anonymous")
    alone = "The harbor board met on Monday. Only one in five (21 per cent) thought that closing it was acceptable."
    assert by_cue(extract(extractor, alone), "thought").speaker is None


def test_you_with_might_in_the_writers_prose_is_the_writer_but_a_plain_you_is_nobody(extractor):
    text = ("Most of us have met smart people who get nothing done. "
            "You might call this a failure of social skill, and we found that such groups did worse.")
    found = by_cue(extract(extractor, text), "call")
    assert found.speaker is not None and found.speaker.role == "writer"
    plain = "You say that the harbor can pay for the new cranes on its own."
    assert by_cue(extract(extractor, plain), "say").speaker is None


@pytest.mark.parametrize("text, cue, name, role, affiliation", [
    # A proper noun inside a role keeps its capitals; title words are lower case.
    ("Harbor Lights supporter Ilse Marr told reporters she believes the stakes are higher.", "told",
     "Ilse Marr", "Harbor Lights supporter", None),
    # Abbreviated titles written out; a bracketed party-and-state note is no role.
    ("Sen. Mara Vell said the vote was rigged.", "said", "Mara Vell", "senator", None),
    ("Rep. Tomas Reyes (R-N.C.) said he would retire.", "said", "Tomas Reyes", "representative", None),
    # A minister's portfolio is part of the title, not an organisation.
    ("Transport Secretary Owen Talbot said on Thursday that the ferry would stop.", "said", "Owen Talbot",
     "transport secretary", None),
    # An apposition's words before the noun: title words to the role, a body's name to the affiliation, a place
    # and a word of praise to neither.
    ("Jo Venn, the UCU general secretary, said students would be shocked.", "said", "Jo Venn",
     "general secretary", "UCU"),
    ("“They set it up like this,” said Piet Varn, a San Diego engineer who provides testimony.", "said",
     "Piet Varn", "engineer", None),
    ("Kenneth Orr, a Port Ellis high school student, says he supports the cameras.", "says", "Kenneth Orr",
     "high school student", None),
    ("Dr Tomas Brand, a key member of the White House's harbor task force, told NBC News that the port would "
     "reopen.", "told", "Tomas Brand", "member", "White House's harbor task force"),
    ("Tomas Brand, the Managing Director of Kestrelnet, said the cables were cut.", "said", "Tomas Brand",
     "managing director", "Kestrelnet"),
])
def test_roles_are_written_as_a_reader_writes_them(extractor, text, cue, name, role, affiliation):
    speaker = by_cue(extract(extractor, text), cue).speaker
    assert speaker is not None
    assert (speaker.name, speaker.type, speaker.role, speaker.affiliation) == (
        name, "person", role, affiliation)


@pytest.mark.parametrize("text, cue, name, kind", [
    # "and" inside a body's name is part of it.
    ("The Northgate Oceanic and Atmospheric Administration recently stated that the year was hot.", "stated",
     "Northgate Oceanic and Atmospheric Administration", "organization"),
    # The recogniser stops short of the head word: the name runs on to it.
    ("The Kestrel Independent System Operator, the nonprofit entity that controls the grid, said the blackouts "
     "were needed.", "said", "Kestrel Independent System Operator", "organization"),
    # When is not who.
    ("Kestrelnet in 2017 announced that it would sell cloud services to Port Ellis.", "announced", "Kestrelnet",
     None),
    # A paper's poll parsed with the paper as head: the poll speaks.
    ("The public cares – a point emphasised by a Harbor Gazette poll today which shows "
     "that an overwhelming majority of voters want our high food standards protected.", "shows",
     "Harbor Gazette poll", "anonymous"),
])
def test_a_name_is_the_whole_name_and_no_more(extractor, text, cue, name, kind):
    speaker = by_cue(extract(extractor, text), cue).speaker
    assert speaker is not None and speaker.name == name
    assert kind is None or speaker.type == kind


@pytest.mark.parametrize("text", [
    "Kestrelnet said it would invest a billion dollars in the harbor. Later, Kestrelnet Corp said on Thursday that "
    "it aims to remove more carbon than it emits.",
    "Kestrelnet Corp said on Thursday that it aims to remove more carbon. Later, Kestrelnet said it would invest a "
    "billion dollars in the harbor.",
])
def test_a_body_named_with_and_without_its_company_suffix_is_one_identity(extractor, text):
    found = extract(extractor, text)
    assert len(found) == 2
    assert {a.speaker.key for a in found if a.speaker is not None} == {"organization:kestrelnet"}


@pytest.mark.parametrize("text, role", [
    ("They might have been able to save Rep. Tomas Reyes (R-N.C.), according to people who have spoken with "
     "lawmakers. Reyes said he would retire.", "representative"),
    ("The move comes as International Trade Secretary Tomas Reyes faces growing pressure. Reyes said the deal was "
     "fair.", "international trade secretary"),
    ("Health secretary Tomas Reyes was forced onto the defensive. Reyes said the fines were fair.",
     "health secretary"),
])
def test_a_surname_takes_the_title_of_the_full_name_named_earlier(extractor, text, role):
    speaker = by_cue(extract(extractor, text), "said").speaker
    assert (speaker.name, speaker.role) == ("Tomas Reyes", role)


def test_a_bare_share_with_no_group_before_it_stays_a_description(extractor):
    # "Twelve percent indicated …" in poll copy: anonymous, as before; "63 percent" after "registered voters" is
    # that share of them.
    text = ("Only 52 percent of registered voters agreed that the harbor was safe. However, 63 percent said the "
            "pier was too old.")
    assert by_cue(extract(extractor, text), "said").speaker.name == "63 percent of registered voters"
    alone = "The board met on Monday. Twelve percent said they were not sure about the pier."
    speaker = by_cue(extract(extractor, alone), "said").speaker
    assert speaker is not None and speaker.type == "anonymous"


def test_a_title_before_a_surname_is_the_role_of_the_person_named_in_full(extractor):
    # Letters after the name ("QC") are no part of it.
    text = ("His Honour Judge Owen Talbot QC sentenced the plumber to three years. Judge Talbot said the plumber "
            "had shown remorse.")
    judge = by_cue(extract(extractor, text), "said").speaker
    assert (judge.name, judge.role) == ("Owen Talbot", "judge")
    text = "Sarah Marsh wrote the report last year. Mrs Marsh said the pipes were old."
    marsh = by_cue(extract(extractor, text), "said").speaker
    assert (marsh.name, marsh.role) == ("Sarah Marsh", None)  # an honorific is no role


@pytest.mark.parametrize("text, affiliation", [
    ("Ilse Marr, an editor at the environmental news group Amazonwatch, said in an email that the air was bad.",
     "Amazonwatch"),
    ("Eric Pahon, a spokesman at the Pentagon, said the strikes had stopped.", "Pentagon"),
])
def test_the_affiliation_is_the_bodys_name_not_what_kind_of_body_it_is(extractor, text, affiliation):
    assert by_cue(extract(extractor, text), "said").speaker.affiliation == affiliation


def test_they_after_an_outlet_that_spoke_last_is_that_outlet(extractor):
    # FNC-1 design ("iGen.fr also suggests … They claim …"): "they" went to no one, as outlets were never read;
    # people described after the outlet, or a person who spoke after it, are still who "they" are.
    outlet = "The Boston Globe reported on Monday that the mayor of Quillmoor had resigned. "
    speaker = by_cue(extract(extractor, outlet + "They said the council would meet on Friday."), "said").speaker
    assert speaker is not None and speaker.name == "Boston Globe"
    text = outlet + "Residents were angry. They said the council would meet on Friday."
    speaker = by_cue(extract(extractor, text), "said").speaker
    assert speaker is not None and speaker.name == "residents"
    # FNC-1 design: plural nouns named since the outlet spoke, not among the people the rules know, are who
    # "they" may be ("took it to the customer-service reps …, they refused", "some Arab media outlets. They added").
    text = outlet + "Some Velmar media outlets were angry. They added that the council should meet on Friday."
    speaker = by_cue(extract(extractor, text), "added").speaker
    assert speaker is None or speaker.name != "Boston Globe"
    # FNC-1 check: an outlet named only after the "they" ("… they told him …, NT News reported") is not who they are.
    text = ("When he first went to the clinic on Sunday they told him it was an insect bite, the Boston Globe "
            "reported.")
    speaker = by_cue(extract(extractor, text), "told").speaker
    assert speaker is None or speaker.name != "Boston Globe"
    # FNC-1 design ("They claim …, so don't expect …"): one "they" with two cues is the outlet for both.
    text = ("The Boston Globe also suggests that the ferry will rank low on the repair scale. They claim the only "
            "thing on the ferry that will be user-replaceable is the hull, so don’t expect to be able to repair a "
            "ferry the way you would a normal boat.")
    attributions = extract(extractor, text)
    for cue in ("claim", "expect"):
        speaker = by_cue(attributions, cue).speaker
        assert speaker is not None and speaker.name == "Boston Globe"


def test_an_honorific_genders_a_name_before_the_first_name_list(extractor):
    """The first-name list knows "Jess" as a man's name only; an honorific the article gives the person comes first
    (FNC-1 check: "Jess Smith … Miss Smith said … She wrote", no speaker)."""
    text = ("Friends of Miss Harlow cheered at the harbor. Jess Harlow made the reveal at college on Friday. Later she "
            "wrote that the role had been a secret for years.")
    found = by_cue(extract(extractor, text), "wrote")
    assert found.speaker is not None and found.speaker.name == "Jess Harlow"


@pytest.mark.parametrize("text", [
    # Without the article's word, the list still rules the pronoun out; a "her" in the name's clause is no word.
    "Jess Harlow made the reveal at college on Friday. Later she wrote that the role had been a secret for years.",
    "Jess Harlow praised her courage at college on Friday. Later she wrote that the role had been a secret for years.",
])
def test_without_an_honorific_the_first_name_list_still_rules_a_pronoun_out(extractor, text):
    assert by_cue(extract(extractor, text), "wrote").speaker is None


def test_a_surname_of_two_people_named_in_full_takes_no_honorifics_gender(extractor):
    doc = extractor.nlp("Jess Harlow and Anji Harlow sailed at dawn. Mrs Harlow said the boat was old.")
    assert "harlow" not in genders_said(list(doc.ents))


def test_a_person_entity_that_is_only_a_determiner_gives_no_gender(extractor):
    # The recogniser can label a lone "The" PERSON on a broken page; it names nobody and must not raise.
    doc = extractor.nlp("The ferry left at dawn. Miss Harlow said the boat was old.")
    doc.ents = [Span(doc, 0, 1, label="PERSON")] + [e for e in doc.ents if e.start > 0]
    assert genders_said(list(doc.ents)).get("the") is None


def test_a_representative_is_the_congressman_named_again(extractor):
    """ "Rep." is a representative, whom copy names again as "the congressman" (FNC-1 design: "Rep. Duncan Hunter
    … the congressman said", an anonymous congressman)."""
    text = ('"The harbor must stay open," Rep. Ilan Moss said on Monday. The mayor disagreed. Later the congressman '
            'said the vote was close.')
    found = [a for a in extract(extractor, text) if a.cue == "said"]
    assert [a.speaker.name if a.speaker else None for a in found] == ["Ilan Moss", "Ilan Moss"]


def test_rep_before_a_name_that_has_not_spoken_is_the_congressman_named_again(extractor):
    text = ('The bill was drafted by Rep. Ilan Moss, who chairs the harbor panel. The mayor disagreed with it. "The '
            'harbor must stay open," the congressman said.')
    found = by_cue(extract(extractor, text), "said")
    assert found.speaker is not None and found.speaker.name == "Ilan Moss"


def test_a_person_resolved_by_a_role_keeps_the_role_on_all_statements(extractor):
    """ "Ilan Moss said … The congressman said": Moss, named without a role, is the congressman; the role is kept
    on him, on the statement made before it was learned too (descriptions._role_holder, article.py)."""
    text = "Ilan Moss said the bridge would open next spring. The congressman said the funds were already approved."
    found = [a for a in extract(extractor, text) if a.cue == "said"]
    assert [(a.speaker.name, a.speaker.role) for a in found] == [("Ilan Moss", "congressman")] * 2


def test_the_president_is_the_one_named_with_the_title_before_a_one_word_name(extractor):
    """ "met President Vell … the president said": a one-word name counts after its title written as one
    (descriptions._named_with_role; FNC-1 design: "President Obama … the president said" was anonymous)."""
    text = 'The envoy met President Vell on Tuesday. "We grieve with you," the president said.'
    found = by_cue(extract(extractor, text), "said")
    assert (found.speaker.name, found.speaker.role) == ("Vell", "president")


def test_a_description_is_not_the_subject_before_where_that_person_is_named_after_it(extractor):
    """ "Ivo Marr said … The doctor told Marr …": the doctor is someone Marr met, not Marr, and Marr takes no
    role "doctor" (FNC-1 check: a Bali traveller became "the doctor")."""
    text = ("Ivo Marr said he first noticed the mark on his arm in Velmar. The doctor told Marr he had been bitten "
            "by an insect.")
    found = [a for a in extract(extractor, text) if a.cue in {"said", "told"}]
    assert all(a.speaker.role != "doctor" for a in found if a.speaker is not None and a.speaker.name == "Ivo Marr")
    assert by_cue(found, "told").speaker is None or by_cue(found, "told").speaker.name != "Ivo Marr"


@pytest.mark.parametrize("text, cue", [
    ('Tova Brenn moved to Velmark in 2006. According to Kestrava, the former pilot served two years in the army. '
     '"They are good people," she told Harbor Radio.', "told"),
    ("Tova Brenn moved to Velmark in 2006. According to Kestrava, the former pilot served two years in the army. "
     "Harbor Radio aired an interview with the pilot in which she said she would stay.", "said"),
])
def test_he_or_she_skips_a_one_word_name_nothing_shows_to_be_a_person(extractor, text, cue):
    # "Kestrava", a site the recogniser calls a person, is no first name and has no title: the pronoun is the
    # person named before it.
    found = by_cue(extract(extractor, text), cue)
    assert found.speaker is not None and found.speaker.name == "Tova Brenn"


@pytest.mark.parametrize("text, cue, mention", [
    ("Ilse Marr moved to Velmark in 2006. Marr's family confirmed on Tuesday that she was safe.", "confirmed",
     "Marr's family"),
    ("The trawler captain Ivo Marr was arrested. Marr's allies said the charges against him were false.", "said",
     "Marr's allies"),
    ("The singer Tova Brenn cancelled the tour. Brenn's rep said she was resting at home.", "said", "Brenn's rep"),
])
def test_the_family_or_allies_of_someone_are_not_that_person(extractor, text, cue, mention):
    found = by_cue(extract(extractor, text), cue)
    assert text[found.source_span[0]:found.source_span[1]] == mention
    assert found.speaker is not None and found.speaker.type == "anonymous"


def test_he_or_she_may_be_a_one_word_name_that_is_the_subject_just_before(extractor):
    # "Tesfaye", no first name and untitled, is the subject of the pronoun's own sentence: not the adviser named
    # in the sentence before.
    text = ("Ivo Marr, an adviser to the harbor council, said talks had begun. Tesfaye gave an interview to Harbor "
            "Radio in which he claimed to speak for the rebels.")
    found = by_cue(extract(extractor, text), "claimed")
    assert found.speaker is not None and found.speaker.name == "Tesfaye"
