"""Title lines (reported/according.py `title_line`, `headline`): "Talbot Slams Ferry Levy", "Vell to harbor board: …":
what a title line with a named source reports, and the labels that report nothing. Fictional sentences through the
real parse, rules only; each finding test fails without the rule it names."""

from __future__ import annotations

import pytest

from claimgraph.records import Article
from tests.conftest import cues_found, extract, only_by_cue, span_text
from tests.conftest import finds_with_cue as _with_cue

BODY = "\n\nThe harbor board met on Tuesday in Port Ellis to discuss the ferry.\n"


def test_a_title_whose_name_the_article_names_below_is_its_statement(rules):
    text = ("Marr: Ferry Fares Must Rise Before The Summer Season.\n\nOn Wednesday the harbor master Ansel Marr told "
            "the council the boats were running at a loss.")
    found = extract(rules, text)
    assert found[0].cue == ":" and found[0].content.startswith("Ferry Fares Must Rise")


def test_a_title_whose_name_the_article_never_names_is_no_statement(rules):
    text = "Harbor: Ferry Fares Rose Before The Summer Season.\n\nThe boats were running at a loss, the report shows."
    assert ":" not in cues_found(rules, text)


# -- a headline's verb: "Talbot Slams Ferry Levy" -------------------------------------------------------------------

@pytest.mark.parametrize("title, cue, source, content, cue_class", [
    ("Talbot Slams Ferry Levy", "Slams", "Talbot", "Ferry Levy", "dispute"),
    # the content stops at a second headline verb
    ("Mara Vell Backs Harbor Plan And Denounces Toll", "Backs", "Mara Vell", "Harbor Plan", "assert"),
])
def test_a_headline_verb_reports_the_name_before_it(rules, title, cue, source, content, cue_class):
    text = title + BODY
    found = only_by_cue(extract(rules, text), cue)
    assert found.content == content
    assert span_text(text, found.source_span) == source
    assert found.cue_class == cue_class


@pytest.mark.parametrize("title", [
    "How Talbot Thinks About The Ferry",  # a question word before the verb: no name says it
    "Talbot Buys Ferry For Harbor",  # a verb of doing
])
def test_a_headline_without_a_name_and_a_cue_verb_reports_nothing(rules, title):
    assert extract(rules, title + BODY) == []


def test_a_title_line_naming_whom_its_source_spoke_to(rules):
    text = ("Vell to harbor board: Fares will rise again in May.\n\n"
            "QUILLMOOR — Mayor Ansel Vell told the harbor board on Monday that fares would rise.\n")
    assert _with_cue(extract(rules, text), text, ":") == [(":", "Vell", "Fares will rise again in May")]


def test_a_title_line_whose_words_before_the_colon_name_nobody(rules):
    text = ("A Quiet Plan to Save the Harbor: Buy Boats, Sell Nets.\n\n"
            "QUILLMOOR — The harbor board met on Monday and talked about fares.\n")
    assert _with_cue(extract(rules, text), text, ":") == []


def test_a_title_line_with_a_named_source_is_what_it_said(rules):
    text = "Owen Talbot: Ferry fares will rise in May.\n\nThe harbor board met on Tuesday in Port Ellis."
    found = cues_found(rules, text)
    assert found[":"].content == "Ferry fares will rise in May"
    assert text[slice(*found[":"].source_span)] == "Owen Talbot"


@pytest.mark.parametrize("title", ["The Latest: Vell wins the harbor vote in Port Ellis.",
                                   "Breaking: Vell wins the harbor vote in Port Ellis.",
                                   "Owen Talbot: 1,769."])
def test_a_title_label_without_a_source_is_no_attribution(rules, title):
    assert extract(rules, title + "\n\nThe harbor board met on Tuesday in Port Ellis.") == []


def test_a_headline_content_does_not_run_into_the_next_paragraph(rules):
    text = ("Talbot Says Ferry Fares Will Not Rise Next Year\n"
            "Mara Vell, who runs the Port Ellis harbor board, spoke to reporters on Friday.")
    for item in rules.extract(Article(ref="t", text=text)):
        assert all("\n" not in text[s:e] for s, e in item.content_spans)


@pytest.mark.parametrize("title", ["Revealed: The Harbor Board Has Been Hiding THIS From Tarn Voters.",
                                   "Confirmed: Vell Will Leave The Port Ellis Harbor Board In May."])
def test_a_cue_word_labelling_its_headline_is_no_attribution(rules, title):
    """'Revealed: …' at the head of its line: a label on the headline, nobody revealing anything
    (`speech._label_word`)."""
    assert extract(rules, title + BODY) == []
