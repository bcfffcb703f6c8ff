"""Sources on PolNeAR (issue 9, round 6): where a statement's source mention (`source_span`) was the wrong words or
none, though the sentence names who speaks. Fictional sentences through the real parse (the rules alone); each test
fails without its fix:
- two subjects on one verb, or a relative clause whose own subject follows the relative: the subject nearest the
  verb (found.py `cue_subject`);
- an "it" that stands for nobody ("It's easy to criticize …"): no source (speakers/implied.py `_dummy_it`);
- a cue joined to a clause inside a verb that is no cue ("forecast that … would …, and praised"): the outer verb's
  subject (found.py `_outer_conjunct`);
- "was prompted to say": the one prompted (found.py `cue_subject`);
- an infinitive of purpose hung on an object ("held a briefing to brag …"): the subject of the verb holding it
  (found.py `cue_subject`);
- a name set off by commas with its description, the parse hanging it elsewhere ("Jonas Feld, a Harwick pastor
  …, said"): the name (speakers/implied.py `_apposed_name`);
- a bare "Asked why …," before the answerer's clause: no source mention, the answerer the speaker
  (speakers/implied.py `_asked_participle`).
"""

from __future__ import annotations

import pytest

from tests.conftest import extract


def source_of(extractor, text: str, cue: str) -> str | None:
    """The source mention, as written, of the attribution whose cue is `cue`."""
    found = [a for a in extract(extractor, text) if a.cue == cue]
    assert len(found) == 1, [(a.cue, a.content) for a in extract(extractor, text)]
    span = found[0].source_span
    return text[span[0]:span[1]] if span else None


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


def test_the_one_asked_to_say_is_not_made_the_source(rules):
    text = "Mayor Tarn Vell was asked to say whether the ferry tolls were too high."
    assert source_of(rules, text, "say") is None


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


# --- "Asked why …," -------------------------------------------------------------------------------------------------

def test_a_bare_asked_has_no_source_and_the_answerer_speaks(extractor):
    text = ("Asked why the board didn’t follow the council’s demand, in the same budget bill, that the board’s report "
            "include specific sites and costs, Welk said the report was late.")
    asked = [a for a in extract(extractor, text) if a.cue == "Asked"]
    assert len(asked) == 1, [(a.cue, a.content) for a in extract(extractor, text)]
    assert asked[0].source_span is None and asked[0].speaker is not None and asked[0].speaker.name == "Welk"
