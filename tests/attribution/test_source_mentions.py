"""Source mentions (`source_span`, found.py `cue_subject`, speakers/implied.py): which words of the sentence an
attribution gives as its source when the parse hangs the subject elsewhere or names none.
Fictional sentences through the real parse, rules only; each finding test fails without the rule it names (most were
measured on PolNeAR train, the realweb pages of docs/realweb_judged.md or the FNC-1 bodies of docs/fnc1_judged.md)."""

from __future__ import annotations

import pytest

from tests.conftest import by_cue, extract, source_of, span_text, speaker_name

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
