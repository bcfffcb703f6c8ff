"""Questions asked ("asked whether …", "asked why …, she said …", "was asked to say"): the question is its asker's, and
the one asked is neither its asker nor a source of it. Fictional sentences through the real parse, rules only (or the
whole `extractor`, where a test takes it); each finding test fails without the rule it names."""

from __future__ import annotations

from tests.conftest import by_cue, cues_found, extract, source_of


def test_the_one_asked_to_say_is_not_made_the_source(rules):
    text = "Mayor Tarn Vell was asked to say whether the ferry tolls were too high."
    assert source_of(rules, text, "say") is None


# --- "Asked why …," -------------------------------------------------------------------------------------------------

def test_a_bare_asked_has_no_source_and_the_answerer_speaks(extractor):
    text = ("Asked why the board didn’t follow the council’s demand, in the same budget bill, that the board’s report "
            "include specific sites and costs, Welk said the report was late.")
    asked = [a for a in extract(extractor, text) if a.cue == "Asked"]
    assert len(asked) == 1, [(a.cue, a.content) for a in extract(extractor, text)]
    assert asked[0].source_span is None and asked[0].speaker is not None and asked[0].speaker.name == "Welk"


def test_a_question_asked_is_its_askers(rules):
    found = cues_found(rules, "Owen Talbot asked the mayor if she had been preparing for the harbor vote.")
    assert found["asked"].content == "if she had been preparing for the harbor vote"


def test_asked_whether_keeps_the_question_without_naming_who_asked(rules):
    text = "Asked on Monday whether Talbot would hold a cabinet post, Mara Vell shook her head."
    found = cues_found(rules, text)
    assert found["Asked"].content == "whether Talbot would hold a cabinet post"
    assert found["Asked"].source_span is None  # Vell was asked; she is not the one asking


def test_asked_why_then_said_is_only_the_answer(rules):
    found = extract(rules, "Asked why the ferry was late, Mara Vell said the crews were ill.")
    assert [a.cue for a in found] == ["said"]


def test_the_one_asked_if_is_not_the_asker(extractor):
    text = "Asked if the ferry plan matters to her, Mara Vell said it does."
    found = by_cue(extract(extractor, text), "Asked")
    assert found.source_span is None and found.speaker is None  # who asked is not said
    assert by_cue(extract(extractor, text), "said").speaker.name == "Mara Vell"  # she answers


def test_the_one_asked_is_not_the_one_asking(extractor):
    text = "Asked why she called the group the Harbor Crew, Vell said it was a joke among the ferry crews."
    cues = [a.cue for a in extract(extractor, text)]
    assert "Asked" not in cues and "said" in cues
