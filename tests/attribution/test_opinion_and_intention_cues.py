"""Opinion, evaluation and intention cues: "seen as", stance adjectives, praise and blame, "hopes" whatever its lemma,
"plans to"/"refused to", and praise named by a noun (reported/nominal.py). Fictional sentences through the real
parse, rules only; each finding test fails without the rule it names."""

from __future__ import annotations

import pytest

from tests.conftest import cues_found, extract, one, only_by_cue, span_text


def _cues(found: list) -> list[str]:
    return [a.cue for a in found]


@pytest.mark.parametrize("text, source, content", [
    ("The Tarn mayor endorses Vell - but also has praise for Ilan Moss.", "The Tarn mayor", "Ilan Moss"),
    ("Mara Vell had no such praise for the ferry board.", "Mara Vell", "the ferry board"),
    ("Ilan Moss's praise for the harbor crews was loud.", "Ilan Moss's", "the harbor crews"),
])
def test_praise_for_someone_is_said_of_them(rules, text, source, content):
    """'has praise for Ilan Moss': said of Moss, as "praised Moss" is (`nominal.praise_for`)."""
    found = [a for a in extract(rules, text) if a.cue == "praise for"]
    assert [(span_text(text, a.source_span), a.content) for a in found] == [(source, content)]


def test_praise_drawn_names_no_praiser(rules):
    """'drew praise for her speech': the subject is the one praised; who praised is not said."""
    text = "Mara Vell drew praise for her speech in Port Ellis."
    assert not [a for a in extract(rules, text) if a.cue == "praise for"]


@pytest.mark.parametrize("text, cue, content", [
    ("Mara Vell also accuses it of stealing harbor jobs from Port Ellis.", "accuses",
     "it of stealing harbor jobs from Port Ellis"),
    ("The ferry union has criticized him for not doing more to keep the old pier open.", "criticized",
     "him for not doing more to keep the old pier open"),
])
def test_a_pronoun_object_with_its_grounds_is_the_content(rules, text, cue, content):
    assert cues_found(rules, text)[cue].content == content


def test_a_bare_pronoun_object_is_still_no_statement(rules):
    assert "praised" not in cues_found(rules, "Mara Vell praised him at the harbor yesterday.")


@pytest.mark.parametrize("text, cue, source, content", [
    ("Harbor Democrats see Mara Vell as the candidate most likely to reopen the ferry pier.", "see",
     "Harbor Democrats", "Mara Vell as the candidate most likely to reopen the ferry pier"),
    ("The port union regards the new timetable as a betrayal of the island towns.", "regards",
     "The port union", "the new timetable as a betrayal of the island towns"),
])
def test_seeing_something_as_something_is_an_opinion(rules, text, cue, source, content):
    found = cues_found(rules, text)[cue]
    assert found.content == content
    assert text[found.source_span[0]:found.source_span[1]] == source
    assert found.cue_class == "think"


def test_a_passive_seen_as_has_the_thing_and_the_as_phrase_as_content(rules):
    text = "The staffing change at the harbor office was widely viewed as a demotion for Ansel Marr."
    found = cues_found(rules, text)["viewed"]
    assert found.content_spans and len(found.content_spans) == 2
    assert found.content.startswith("The staffing change at the harbor office")
    assert found.content.endswith("as a demotion for Ansel Marr")


@pytest.mark.parametrize("text, cue, thing, verdict", [
    ("The rollout of the ferry timetable was widely criticized as sloppy and costly for the island towns.",
     "criticized", "The rollout of the ferry timetable", "as sloppy and costly for the island towns"),
    ("The harbor operation was billed as humanitarian, but it closed the Tarn pier for a year.", "billed",
     "The harbor operation", "as humanitarian"),
])
def test_a_passive_verdict_with_as_is_an_opinion_of_the_thing(rules, text, cue, thing, verdict):
    """'was widely criticized as sloppy': the verdict of people the sentence does not name (`seen_as`,
    VERDICT_AS), the thing judged and the "as" phrase its two spans, no source."""
    found = cues_found(rules, text)[cue]
    assert [text[s:e] for s, e in found.content_spans] == [thing, verdict]
    assert found.source_span is None


@pytest.mark.parametrize("text, cue", [
    ("Ilse Marr has been cast as the lead in the Tarn harbor play.", "cast"),  # a role, not a verdict
    ("Owen Talbot was dismissed as harbor manager on Friday.", "dismissed"),  # a firing
])
def test_a_passive_role_with_as_is_no_verdict(rules, text, cue):
    assert cue not in cues_found(rules, text)


def test_an_active_verdict_with_as_stays_the_speakers_statement(rules):
    text = "Mara Vell described the pier as unsafe for the summer crowds."
    found = cues_found(rules, text)["described"]
    assert found.content == "the pier as unsafe for the summer crowds"
    assert text[slice(*found.source_span)] == "Mara Vell"


def test_seeing_without_as_is_perception(rules):
    assert "saw" not in cues_found(rules, "Mara Vell saw the ferry leave the harbor at noon.")


@pytest.mark.parametrize("text, cue, source, content", [
    ("Mara Vell has long been critical of the harbor board's new ferry timetable.", "critical", "Mara Vell",
     "the harbor board's new ferry timetable"),
    ("The island growers remain worried that the new tariffs will close the ferry route.", "worried",
     "The island growers", "that the new tariffs will close the ferry route"),
])
def test_a_stance_adjective_is_an_opinion_of_its_subject(rules, text, cue, source, content):
    found = cues_found(rules, text)[cue]
    assert found.content == content
    assert text[found.source_span[0]:found.source_span[1]] == source
    assert found.cue_class == "think"


def test_a_stance_adjective_inside_a_statement_is_not_a_second_one(rules):
    found = cues_found(rules, "Ansel Marr said he was worried that the ferry would stop running in May.")
    assert "worried" not in found and "said" in found


def test_seeing_as_inside_a_statement_is_not_a_second_one(rules):
    found = cues_found(rules, "Ansel Marr told the harbor staff that he viewed Mara Vell as a real threat to the port.")
    assert "viewed" not in found and "told" in found


def test_a_critic_or_supporter_of_something_holds_a_stance_on_it(rules):
    text = "Mara Vell has been an outspoken critic of the harbor board's ferry timetable."
    found = cues_found(rules, text)["critic"]
    assert found.content == "the harbor board's ferry timetable"
    assert text[found.source_span[0]:found.source_span[1]] == "Mara Vell"


# -- an evaluative verb's two-word object is the verdict it passes ---------------------------------------------------

@pytest.mark.parametrize("text, cue, content, cls", [
    ("Ansel Marr praised her effort.", "praised", "her effort", "assert"),
    ("The harbor board blasted the timetable.", "blasted", "the timetable", "dispute"),
    ("Mara Vell called Marr “reckless.”", "called", "Marr “reckless.”", None),
])
def test_an_evaluative_verb_with_a_short_object_is_found(rules, text, cue, content, cls):
    found = extract(rules, text)
    assert _cues(found) == [cue]
    assert found[0].content == content
    assert cls is None or found[0].cue_class == cls


@pytest.mark.parametrize("text", [
    "Ansel Marr called the ferry office.",  # a phone call: no "called X Y"
    "Mara Vell criticized it.",  # a pronoun alone, with no grounds
    "Mara Vell announced her resignation.",  # not an evaluative verb: two words stay too few
])
def test_a_short_object_without_a_verdict_is_not(rules, text):
    assert extract(rules, text) == []


@pytest.mark.parametrize("text, cue, source, content", [
    ("In a video posted online, Ilse Marr criticized Talbot and challenged him to a debate.", "criticized",
     "Ilse Marr", "Talbot"),
    ("Senator Quell blasted Rubeck and defended Ostrand.", "blasted", "Senator Quell", "Rubeck"),
])
def test_an_evaluative_verb_with_a_name_alone_is_a_verdict_on_it(rules, text, cue, source, content):
    """'criticized Talbot': the verdict is passed on the one named, a stance like "endorsed Vell"
    (`speech._judged_by_name`)."""
    found = only_by_cue(extract(rules, text), cue)
    assert found.content == content
    assert span_text(text, found.source_span) == source


@pytest.mark.parametrize("text", [
    "Owen Talbot declined to criticize Vell at the harbor meeting.",  # a verdict refused, not passed
    "Owen Talbot did not blame Vell for the late ferry.",  # negated: no verdict (and a clause, not a name alone)
    "Mara Vell called Talbot at the harbor office on Monday.",  # a phone call, not a verdict
    "Mara Vell criticized him at the harbor meeting.",  # a pronoun: whom is not said
])
def test_a_name_alone_without_a_stated_verdict_is_none(rules, text):
    assert not [a for a in extract(rules, text) if a.content in {"Vell", "Talbot", "him"}]


# -- praise and blame said of someone are cues -------------------------------------------------------------------------

@pytest.mark.parametrize("text, cue, content, cls", [
    ("The harbor board applauded the new ferry timetable on Monday.", "applauded", "the new ferry timetable on Monday",
     "assert"),
    ("Mara Vell bemoaned that the ferry would close in May.", "bemoaned", "that the ferry would close in May",
     "dispute"),
    ("Ansel Marr chided the council for its long delays.", "chided", "the council for its long delays", "dispute"),
])
def test_praise_and_blame_are_statements(rules, text, cue, content, cls):
    found = extract(rules, text)
    assert _cues(found) == [cue]
    assert found[0].content == content and found[0].cue_class == cls


def test_knocking_is_not_blaming(rules):
    assert extract(rules, "Owen Talbot knocked on the harbor office door twice before noon.") == []


# -- "hopes", "hoping", "hoped": the lemmatizer says "hop" -------------------------------------------------------------

@pytest.mark.parametrize("text, cue, content", [
    ("Mara Vell hopes the new ferry will bring tourists back to the island.", "hopes",
     "the new ferry will bring tourists back to the island"),
    ("The harbor board is hoping to reopen the old pier before the summer season.", "hoping",
     "to reopen the old pier before the summer season"),
])
def test_hope_is_a_cue_whatever_its_lemma(rules, text, cue, content):
    found = only_by_cue(extract(rules, text), cue)
    assert found.content == content and found.cue_class == "think"


def test_hopping_is_no_hope(rules):
    assert extract(rules, "The children were hopping across the wet stones of the old pier.") == []


# -- intentions -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, cue, content, speaker", [
    ("Ansel Marr wants to close the old pier before the winter storms.", "wants",
     "to close the old pier before the winter storms", "Ansel Marr"),
    ("Ansel Marr threatened to sue the harbor board over the closure.", "threatened",
     "to sue the harbor board over the closure", "Ansel Marr"),
    ("The harbor board refused to publish the inspection report on the pier.", "refused",
     "to publish the inspection report on the pier", None),
    ("Mara Vell plans to run for mayor of Northgate next spring.", "plans", "to run for mayor of Northgate next spring",
     "Mara Vell"),
])
def test_an_intention_is_found(rules, text, cue, content, speaker):
    found = only_by_cue(extract(rules, text), cue)
    assert found.content == content
    if speaker is not None:
        assert found.speaker is not None and found.speaker.name == speaker


def test_trying_is_no_intention_cue(rules):
    # "try" was right a fifth of the time on PolNeAR train: left out of the lexicon.
    assert extract(rules, "Ansel Marr tried to open the rusted gate of the old pier.") == []


def test_hopes_is_a_thinking_cue_whatever_the_lemma(rules):
    text = "Ilse Marr hopes that the Tarn ferry will soon move from the old pier to a new terminal."
    found = one(extract(rules, text), "hopes")
    assert found.content == "that the Tarn ferry will soon move from the old pier to a new terminal"
    assert found.speaker.name == "Ilse Marr"


@pytest.mark.parametrize("text", [
    "The kiosk will join the harbor market as one of several ferry kiosks that Tarn Ferries plans to open throughout "
    "Norland.",
    "Regardless, Vell Productions did what they wanted to do and created a buzz on the internet.",
])
def test_an_intention_whose_object_stands_before_it_states_nothing(rules, text):
    """'kiosks that Tarn Ferries plans to open', 'did what they wanted to do': the infinitive's object is the
    relative or question word before the cue and little else follows; no content is left to report."""
    assert not any(a.cue in {"plans", "wanted"} for a in extract(rules, text))


def test_an_intention_with_its_object_before_it_and_words_after_is_kept(rules):
    """Kept, from the infinitive on: PolNeAR marks "which" and "to do primarily …" apart, leaving out the source
    and the cue between them."""
    text = "Mrs. Vell needs to raise revenue, which she plans to do primarily through a tax increase on the harbor."
    assert one(extract(rules, text), "plans").content == "to do primarily through a tax increase on the harbor"


@pytest.mark.parametrize("text, cue, content, speaker", [
    ("The ferry is something that Mara Vell hopes to rebuild with money from the harbor levy next spring.", "hopes",
     "to rebuild with money from the harbor levy next spring", "Mara Vell"),
    ("That is the route which the council expects to close after the storms of last winter.", "expects",
     "to close after the storms of last winter", "council"),
])
def test_an_intention_content_holds_neither_its_source_nor_its_cue(rules, text, cue, content, speaker):
    """'something that Mara Vell hopes to rebuild …': the infinitive's object stands before the source and the
    cue; the content starts after the cue."""
    found = one(extract(rules, text), cue)
    assert found.content == content
    assert found.speaker.name == speaker
