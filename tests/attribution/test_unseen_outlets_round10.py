"""Issue 9, round 10: errors found judging FNC-1 bodies from outlets the rules were never tuned on (sample A).
Fictional sentences through the real parse, rules only; each test fails without the rule it names."""

from __future__ import annotations

from tests.conftest import by_cue, extract, span_text


def test_a_name_in_a_phrase_before_the_pronoun_is_not_the_pronoun(rules):
    """'Quoting a film led by Bram Kessel, he said …': the phrase tells what "he" did, so Kessel is someone else;
    "he" is the king who spoke just before (`nearby._fronted_phrase`)."""
    text = ("King Tomar said they will pursue the army until it runs out of fuel. Quoting lines from the 'Dustwind,' "
            "a movie led by American actor Bram Kessel, he said the death of one of Velmar's sons will call for the "
            "death of his killers.")
    said = [a for a in extract(rules, text) if a.cue == "said"]
    assert [a.speaker.name for a in said] == ["Tomar", "Tomar"]


def test_a_name_that_is_a_subject_before_the_pronoun_may_be_the_pronoun(rules):
    """'After Brandt spoke, he said …': the name is a subject, and the pronoun may well be that person."""
    text = "Tomas Brandt met Ilse Marr on Monday. After Brandt spoke, he said the levy would stay."
    assert by_cue(extract(rules, text), "said").speaker.name == "Tomas Brandt"


def test_a_proper_name_set_after_a_description_is_the_speaker(rules):
    """'according to fact-checking site Veritoo.com': the site's name, not the anonymous "fact-checking site"
    (`mentions._name_after_description`)."""
    text = "A memorial page sparked the rumors, according to fact-checking site Veritoo.com.\n"
    speaker = by_cue(extract(rules, text), "according to").speaker
    assert (speaker.name, speaker.type) == ("Veritoo.com", "organization")


def test_an_apposition_after_a_comma_keeps_its_description(rules):
    """'The harbor board, …' and a plain description stay as they were: only a name right after the noun moves."""
    text = "The harbor board said the levy was fair."
    assert by_cue(extract(rules, text), "said").speaker.name == "harbor board"


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


def test_a_subject_before_an_aside_is_the_cues_subject(rules):
    """'King Tomar II, visibly shaken …, has vowed to …': the parser hangs the subject on the aside's participle
    (a clausal subject); the noun before the comma is who vowed (`found._subject_before_aside`)."""
    text = ("Velmar's King Tomar II, visibly shaken and angered over the death of one of his kingdom's pilots, has "
            "vowed to exact revenge on the rebels.\n")
    vow = by_cue(extract(rules, text), "vowed")
    assert span_text(text, vow.source_span) == "Velmar's King Tomar II"


def test_a_possessor_before_a_name_is_not_the_speaker(rules):
    """'Velmar's King Tomar II': the possessor (which the recogniser reads as a person) is not the one who vowed
    (`mentions._attached`)."""
    text = ("Velmar's King Tomar II, visibly shaken and angered over the death of one of his kingdom's pilots, has "
            "vowed to exact revenge on the rebels.\n")
    assert by_cue(extract(rules, text), "vowed").speaker.name != "Velmar"


def test_a_topic_named_before_the_pronoun_may_be_the_pronoun(rules):
    """'As for Brandt, he said …': the phrase names whom the sentence is about, and "he" is Brandt."""
    text = ("Tomas Brandt met voters in Tarn on Monday. “We will win,” Kel Dorn said. As for Tomas Brandt, he said he "
            "was not worried about the vote.")
    assert [a.speaker.name for a in extract(rules, text) if a.cue == "said"] == ["Kel Dorn", "Tomas Brandt"]
