"""Source mentions (`source_span`; found.py `cue_subject`, speakers/implied.py): which words of the sentence an
attribution gives as its source, when the parse hangs the subject elsewhere or names none; the speaker identity
behind the mention is checked where a rule could move it. Fictional sentences through the real parse, rules only (or
the whole `extractor`, where a test takes it); each finding test fails without the rule it names."""

from __future__ import annotations

import pytest

from tests.conftest import by_cue, extract, misparsed_hyphened_name, source_of, span_text, speaker_name


@pytest.mark.parametrize("text, cue, mention, speaker", [
    ("The ferry board heard from Mara Vell, who said the harbor fees would double next year.", "said", "who",
     "Mara Vell"),
    ("Dock workers who say the new cranes are unsafe marched to the Port Ellis town hall.", "say", "who",
     "dock workers"),
    ("The plan was backed by the Harbor Trust, which argued that the pier would pay for itself.", "argued",
     "which", "Harbor Trust"),
])
def test_a_relative_is_the_mention_and_its_antecedent_the_speaker(rules, text, cue, mention, speaker):
    found = by_cue(extract(rules, text), cue)
    assert source_of(found, text) == mention
    assert found.speaker is not None and found.speaker.name.lower().removeprefix("the ") == speaker.lower()


@pytest.mark.parametrize("text, cue, mention", [
    # The parser hangs the second cue on a verb inside what was said; it is the speaker's next act.
    ("Mara Vell said the harbor board did not know what the repairs would cost, and accused the council of "
     "hiding the bills.", "accused", "Mara Vell"),
    ("Tomas Brand argued that a toll would keep the bridge open, saying the town could not pay for it otherwise.",
     "saying", "Tomas Brand"),
    # Conjoined to a cue of its own inside the complement: that cue's subject speaks.
    ("Mara Vell said the harbor board denied the report and claimed it was false.", "claimed", "the harbor board"),
])
def test_a_subjectless_cue_inside_a_complement_is_the_outer_speakers_next_act(rules, text, cue, mention):
    assert source_of(by_cue(extract(rules, text), cue), text) == mention


@pytest.mark.parametrize("text, cue, mention", [
    # The parser hangs the name on the phrase before it; the apposition after the name stands between.
    ("Alarmed by the unrest in Port Ellis, Governor Ansel Marr, the minority leader, said that he spoke with the "
     "mayor on Tuesday.", "said", "Governor Ansel Marr, the minority leader"),
    # No subject attached at all: the noun phrase right before the finite cue stands where its subject stands.
    ("About 4 in 10 say they want the ferry fares cut.", "say", "About 4 in 10"),
    ("Large majorities of harbor workers going to the polls on Tuesday said they back the new pier.", "said",
     "Large majorities of harbor workers"),
])
def test_a_finite_cue_the_parse_left_without_subject_takes_the_phrase_before_it(rules, text, cue, mention):
    assert source_of(by_cue(extract(rules, text), cue), text) == mention


@pytest.mark.parametrize("text, cue, mention", [
    ("The Harbor Trust issued a statement saying the pier would reopen in May.", "saying", "The Harbor Trust"),
    ("Mayor Ilse Marr's office put out a release describing the toll as a fair price.", "describing",
     "Mayor Ilse Marr's office"),
    # Not the issuer: a text by someone else that the subject reads or cites.
    ("Mara Vell read aloud a letter saying the ferry fares would rise.", "saying", "a letter"),
])
def test_a_text_issued_by_the_subject_is_the_subjects_statement(rules, text, cue, mention):
    assert source_of(by_cue(extract(rules, text), cue), text) == mention


def test_asked_names_no_source_but_the_one_who_answers_speaks(extractor):
    text = "Asked if the ferry plan matters to her, Mara Vell said it does."
    found = by_cue(extract(extractor, text), "Asked")
    assert found.source_span is None and found.speaker is None  # who asked is not said (Vell is the one asked)
    assert by_cue(extract(extractor, text), "said").speaker.name == "Mara Vell"


@pytest.mark.parametrize("text, cue, mention", [
    ("Port Ellis (AFP) – Ilse Marr has taken a swipe at her rival, saying the ferry plan is a mistake.", "saying",
     "Ilse Marr"),
    ("QUILLMOOR (Reuters) - Tomas Brand said he was unlikely to back the ferry plan.", "said", "Tomas Brand"),
    ("Talks fail.\nQUILLMOOR COVE, N.S. - Tomas Brand continued his attack on the ferry board, questioning whether "
     "it could pay.", "questioning", "Tomas Brand"),
])
def test_a_dateline_is_never_the_source(rules, text, cue, mention):
    found = by_cue(extract(rules, text), cue)
    assert source_of(found, text) == mention
    assert found.speaker is not None and found.speaker.name == mention


@pytest.mark.parametrize("text, cue, mention", [
    ("Mara Vell says in a statement that the ferry will run all winter.", "statement", "Mara Vell"),
    ("The harbor board backed away from a suggestion that it might raise the fares.", "suggestion",
     "The harbor board"),
    # A circumstance, not the subject's own statement.
    ("Despite complaints that the pier is unsafe, the harbor board reopened it on Monday.", "complaints", None),
])
def test_a_statement_noun_in_a_verbs_phrase_is_that_verbs_subjects(rules, text, cue, mention):
    assert source_of(by_cue(extract(rules, text), cue), text) == mention


def test_the_name_before_a_set_off_relative_clause_is_the_subject(rules):
    # The parse makes "who sits …" a clause of "said" with the name as its subject.
    text = "Tomas Brand, meanwhile, who sits at zero such endorsements, said that fact speaks volumes about the race."
    assert source_of(by_cue(extract(rules, text), "said"), text) == "Tomas Brand"


@pytest.mark.parametrize("text, cue, mention", [
    # A causative's object is the infinitive's subject.
    ("The harbor vote led Mayor Ilse Marr to declare that the ferry would run all winter.", "declare",
     "Mayor Ilse Marr"),
    # Not a causative: the subject acts.
    ("The council used the meeting to say that the pier would reopen.", "say", "The council"),
])
def test_the_object_of_a_causative_is_the_infinitives_speaker(rules, text, cue, mention):
    assert source_of(by_cue(extract(rules, text), cue), text) == mention


@pytest.mark.parametrize("text, cue, mention", [
    ("Mara Vell was asked by host Ansel Marr whether the ferry would run in winter.", "asked", "host Ansel Marr"),
    ("Asked by Tomas Brand if the pier was safe, Mara Vell said it was.", "Asked", "Tomas Brand"),
])
def test_a_passive_cue_with_a_by_phrase_names_its_agent(rules, text, cue, mention):
    assert source_of(by_cue(extract(rules, text), cue), text) == mention


@pytest.mark.parametrize("text, mention", [
    # The interview is the named subject's own.
    ("In an interview with the Quillmoor Gazette over the weekend, Mara Vell laughed off the attack on her ferry "
     "plan.", "Mara Vell"),
    # A poll speaks for itself.
    ("In a new Harbor Institute poll, Mara Vell leads the race for mayor by six points.",
     "a new Harbor Institute poll"),
])
def test_a_fronted_interview_is_its_named_subjects(rules, text, mention):
    assert source_of(by_cue(extract(rules, text), "In"), text) == mention


@pytest.mark.parametrize("text, cue, mention", [
    # a gerund in a phrase on a noun or adjective: the one whose history, addition or eagerness it is
    ("In addition to stating that the harbor fees were too high, Mara Vell has vowed to cut them.", "stating",
     "Mara Vell"),
    ("Tomas Brand has a long history of blaming others for the ferry's delays.", "blaming", "Tomas Brand"),
    ("Mara Vell has been the most aggressive on the council in denouncing the new toll on the bridge.",
     "denouncing", "Mara Vell"),
    # a passive verb the phrase hangs on: the one it is about acted, not its agent
    ("Councillor Vell was suspended for two weeks after slamming the harbor board for its vote on the toll.",
     "slamming", "Councillor Vell"),
])
def test_a_gerund_in_a_phrase_is_its_owners(rules, text, cue, mention):
    assert source_of(by_cue(extract(rules, text), cue), text) == mention


def test_an_impersonal_owner_names_nobody(rules):
    text = "That is not the same as saying a judge born in Port Ellis cannot be impartial about the harbor."
    found = [a for a in extract(rules, text) if a.cue == "saying"]
    assert all(source_of(a, text) is None for a in found)


@pytest.mark.parametrize("text", [
    # the parser tags these participles as past tenses; as with "Asked whether …", nobody is named as asking
    "Asked what a firm plan for the pier looks like, Devine replied: “We are a long way off.”",
    "“Nobody did it better,” Mara Vell said on the Harbor Hour last month when asked what her husband would do "
    "on the council.",
])
def test_asked_read_as_a_past_tense_names_no_asker(rules, text):
    found = by_cue(extract(rules, text), "asked" if "when asked" in text else "Asked")
    assert source_of(found, text) is None


# --- the subject nearest the verb --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, cue, source", [
    ("The vote put her ahead of her rivals, particularly councillors Jonas Feld and Lina Dorr, who many feel need a "
     "strong showing on Tuesday to keep their campaigns afloat.", "feel", "many"),
    ("She gave 5,000 pages of emails to the harbor board, which she said represented all her work emails.",
     "said", "she"),
    ("They are also focused on the board's cuts to the ferry service, which they say left the island without a "
     "winter crossing.", "say", "they"),
])
def test_the_subject_of_a_relative_clause_is_its_own_not_the_relative(rules, text, cue, source):
    assert source_of(rules, text, cue) == source


def test_a_relative_that_is_the_subject_stays_the_source(rules):
    text = "The harbor board, which said the tolls would fall, met on Monday."
    assert source_of(rules, text, "said") == "which"


# --- an "it" that stands for nobody ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, cue", [
    ("It's easy to criticize the length of the harbor board's meetings.", "criticize"),
    ("It is difficult to predict how the strike will affect the ferry timetable.", "predict"),
    ("For those focused on tolls, it's worth pointing out that the ferry broke the record for crossings in May.",
     "pointing"),
])
def test_an_it_that_stands_for_nobody_is_no_source(rules, text, cue):
    assert source_of(rules, text, cue) is None


def test_an_it_that_stands_for_a_body_stays_the_source(rules):
    text = "The harbor board met on Monday. It said the ferry tolls would fall in May."
    assert source_of(rules, text, "said") == "It"


# --- a cue joined to a clause inside another verb ----------------------------------------------------------------

def test_a_cue_joined_inside_a_forecast_is_the_forecasters(rules):
    text = "Mayor Tarn Vell forecast that the ferry would soon return and praised the harbor crews for their work."
    assert source_of(rules, text, "praised") == "Mayor Tarn Vell"


# --- the one prompted to speak -----------------------------------------------------------------------------------

def test_the_one_prompted_to_say_is_the_source(rules):
    text = "The hall was so quiet that Mayor Tarn Vell was prompted to say, “I cannot believe how calm it has been.”"
    assert source_of(rules, text, "say") == "Mayor Tarn Vell"


# --- an infinitive of purpose ------------------------------------------------------------------------------------

def test_an_infinitive_of_purpose_speaks_for_the_verbs_subject(rules):
    text = ("Mayor Tarn Vell on Friday held an impromptu press briefing to brag that the ferry tolls have fallen "
            "below five dollars.")
    assert source_of(rules, text, "brag") == "Mayor Tarn Vell"


def test_an_infinitive_anyone_may_take_up_is_nobodys(rules):
    text = "In recent years, Mayor Tarn Vell has supplied ample reasons to question her judgment."
    assert source_of(rules, text, "question") is None


# --- a name set off with its description -------------------------------------------------------------------------

@pytest.mark.parametrize("text, source", [
    ("Jonas Feld, a Harwick, Marrow, pastor helping to organize the boycott, said he and other pastors were "
     "alarmed about the toll rises.", "Jonas Feld"),
    ("In a statement to the Gazette, her senior policy adviser, Jonas Feld, said: “Mayor Vell believes that the "
     "ferry is essential.”", "Jonas Feld"),
])
def test_a_name_set_off_with_its_description_is_the_source(rules, text, source):
    assert source_of(rules, text, "said") == source


def test_a_name_inside_what_was_said_is_not_taken(rules):
    text = "“The ferry will sail, Jonas Feld, the captain, knows it,” said the harbor master."
    assert source_of(rules, text, "said") == "the harbor master"


# --- a text's relative "that" as the subject of its cue: the text's issuer ------------------------------------------

@pytest.mark.parametrize("text, cue, source", [
    ("Councillor Tarn Vell released a video on Monday that said the harbor tolls would fall in May.", "said",
     "Councillor Tarn Vell"),
    ("The Quillmoor council issued a statement that accused the ferry board of hiding the costs.", "accused",
     "The Quillmoor council"),
])
def test_a_texts_relative_is_its_issuers(rules, text, cue, source):
    assert source_of(rules, text, cue) == source


def test_quote_heard_said_by_the_passive_subject(rules):
    # '“…,” the man could be heard saying': the man speaks; the identity is not "man could be heard"
    text = "“My brother is parking the van,” the man could be heard saying on the shop's camera."
    a = by_cue(extract(rules, text), "saying")
    assert text[a.source_span[0]:a.source_span[1]] == "the man"
    assert speaker_name(a) == "man"


def test_a_subject_before_an_aside_is_the_cues_subject(rules):
    """'King Tomar II, visibly shaken …, has vowed to …': the parser hangs the subject on the aside's participle
    (a clausal subject); the noun before the comma is who vowed (`found._subject_before_aside`)."""
    text = ("Velmar's King Tomar II, visibly shaken and angered over the death of one of his kingdom's pilots, has "
            "vowed to exact revenge on the rebels.\n")
    vow = by_cue(extract(rules, text), "vowed")
    assert span_text(text, vow.source_span) == "Velmar's King Tomar II"


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


@pytest.mark.parametrize("text, mention, via", [
    ("The article quoted the Vellmark Health Agency as saying millions of ferries were unsafe because of rust.",
     "the Vellmark Health Agency", "article"),
    ("The Kestrel Gazette quoted a port official as saying the ferries would resume on Friday.", "a port official",
     "Kestrel Gazette"),
    ("The Dunmore Ledger cited the Orla Ministry of Ports as saying that the levy had been cancelled.",
     "the Orla Ministry of Ports", "Dunmore Ledger"),
    ("Mara Vell was quoted by the Kestrel Gazette as saying that the ferry would sail on time.", "Mara Vell",
     "Kestrel Gazette"),
])
def test_the_one_quoted_as_saying_speaks_and_the_one_quoting_is_the_channel(rules, text, mention, via):
    """'X quoted Y as saying …' ('cited …', passive 'Y was quoted by X as saying …'): Y said it, X passed it on
    (speech.py `quoted_as`); "cited" is no cue of its own there, whose object would hold Y and the statement."""
    found = extract(rules, text)
    saying = by_cue(found, "saying")
    assert span_text(text, saying.source_span) == mention
    assert list(saying.via) == [via]
    assert not [a for a in found if a.cue == "cited"]


@pytest.mark.parametrize("text, cue, mention", [
    # A thing or a quality the infinitive hangs on names nobody; the subject of the verb that has it speaks.
    ("Dov Ketter had the nerve to tell me the whole harbor was safe.", "tell", "Dov Ketter"),
    ("Mara Vell wrote to the harbor board in order to say that the pier was unsafe.", "say", "Mara Vell"),
    ("Shoppers in Kestrel face no honest labelling to tell them what is in the snacks.", "tell", None),
])
def test_an_infinitive_on_a_thing_takes_no_thing_as_its_speaker(rules, text, cue, mention):
    """'… the nerve to tell me …', 'no honest labelling to tell them …' (speech.py `_noun_speaker`): the noun the
    infinitive hangs on is its source only where it names someone; the one who has the nerve tells."""
    found = by_cue(extract(rules, text), cue)
    assert span_text(text, found.source_span) == mention


@pytest.mark.parametrize("text, outer", [
    ("Mara Vell, a nutritionist in Kestrel, said shops face a flood of sugary snacks and no honest labelling to "
     "tell us what we are really eating.", "said"),
    # Through a participle on the noun: "snacks promoted without clear labelling to tell us …".
    ("Kestrel shops are full of a flood of salty snacks promoted without clear labelling to tell us what we're "
     "really eating, Mara Vell said.", "said"),
])
def test_a_purpose_of_a_thing_inside_a_statement_is_no_nested_statement(rules, text, outer):
    """'… a flood of sugary snacks … to tell us what …': no nested find with "labelling" or "snacks" (a thing) as
    its speaker; the nutritionist's statement stays."""
    found = extract(rules, text)
    assert [a.cue for a in found] == [outer]
    assert speaker_name(found[0]) == "Mara Vell"


@pytest.mark.parametrize("text, cue", [
    ("It remains difficult to predict how the harbor council will vote on the new pier.", "predict"),
    ("Moreover, it’s so difficult to predict the tides that the harbor board doesn’t publish them until May.",
     "predict"),
])
def test_an_expletive_it_before_a_clause_set_after_it_is_no_source(rules, text, cue):
    found = by_cue(extract(rules, text), cue)
    assert found.source_span is None and found.speaker is None


def test_an_expletive_it_gives_no_source_to_a_cue_on_its_verb(rules):
    text = ("Considering that Kestrel Ferries promised the boat by summer, it would seem that the yards are loose "
            "about their dates.")
    assert all(source_of(a, text) != "it" for a in extract(rules, text))


@pytest.mark.parametrize("text, cue, mention", [
    # The frame after the quote is joined by "but" to the verb the quote hangs from: that verb's subject speaks.
    ('In the battle against the rebels, the Velmora ministry told the Harbor Gazette on Monday that it had "not yet '
     'conducted any strikes against targeted villages", but refused to rule out the possibility that it was using '
     'drones for surveillance.', "refused", "the Velmora ministry"),
    # Joined by "and" to a verb inside the quote (the parse's misreading): the verb above it with a subject before
    # the quote ("rejected"), never the "and".
    ('Talking to the Harbor Gazette, Mayor Dorn rejected the claims: "We have no credible evidence of that" and '
     'urging residents to "stay calm."', "urging", "Mayor Dorn"),
])
def test_a_conjunction_after_a_quote_is_no_source(rules, text, cue, mention):
    found = [a for a in extract(rules, text) if a.cue == cue]
    assert found and all(source_of(a, text) == mention for a in found)


def test_a_mention_cut_inside_a_hyphened_name_is_made_whole():
    """'… spokesman Tarek al-Benhadi warned': the parse (as on an FNC-1 body) set the name's "al" in apposition to
    "spokesman", its subject, and gave "Benhadi" alone as the subject; the mention is the title and the name whole."""
    from spacy.tokens import Doc

    from claimgraph.attribution.cue_sources import whole_mention

    doc = misparsed_hyphened_name()
    cut = doc[7]
    start, end = whole_mention(doc, cut.idx, cut.idx + len(cut))
    assert doc.text[start:end] == "Velmora civil defense spokesman Tarek al-Benhadi"
    # A word joined by a hyphen to a common noun ("e-mail") is no name cut short.
    mail = Doc(doc.vocab, words=["An", "e", "-", "mail", "said", "so"], spaces=[True, False, False, True, True, False],
               heads=[3, 3, 3, 4, 4, 4], deps=["det", "compound", "punct", "nsubj", "ROOT", "advmod"],
               pos=["DET", "NOUN", "PUNCT", "NOUN", "VERB", "ADV"])
    assert whole_mention(mail, mail[3].idx, mail[3].idx + 4) == (mail[3].idx, mail[3].idx + 4)


def test_a_mention_cut_before_a_names_hyphen_is_made_whole(rules):
    """'“…,” al-Tavani said': the parse gave "al" alone as the subject (FNC-1 design: "al" for al-Bredi and
    al-Jabbouri); the source is the name whole."""
    text = '"I felt suffocated," al-Tavani said. "I was throwing up and could not breathe."'
    assert source_of(by_cue(extract(rules, text), "said"), text) == "al-Tavani"
