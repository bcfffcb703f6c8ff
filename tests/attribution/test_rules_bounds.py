"""Rules of the fourth pass on PolNeAR train (issue 9): a refusal to comment, quotations closed with the wrong mark,
a cue after a comma parsed as a conjunct, and content boundaries (a paragraph, a trailing aside, a quotation cut
short). Fictional sentences through the real parse, rules only."""

from __future__ import annotations

import pytest

from claimgraph.records import Article
from tests.conftest import cues_found


def test_declined_to_comment_is_an_attribution_with_its_infinitive_as_content(rules):
    found = cues_found(rules, "The Port Ellis harbor board declined to comment on the ferry plan.")
    assert found["declined"].content.startswith("to comment")
    assert found["declined"].source_span is not None


def test_declining_to_do_something_else_is_not_speech(rules):
    assert "declined" not in cues_found(rules, "Mara Vell declined to run for mayor of Port Ellis again.")


@pytest.mark.parametrize("text", [
    '“We will reopen the harbor in May and the ferry will run again," Mara Vell said.',
    "“We will reopen the harbor in May and the ferry will run again,“ said Mara Vell.",
])
def test_a_curly_quotation_closed_with_the_wrong_mark_is_a_direct_quote(rules, text):
    found = cues_found(rules, text)
    assert found["said"].kind == "direct"
    assert found["said"].content.startswith("We will reopen the harbor in May")
    assert found["said"].speaker is not None and found["said"].speaker.name == "Mara Vell"


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


def test_a_headline_content_does_not_run_into_the_next_paragraph(rules):
    text = ("Talbot Says Ferry Fares Will Not Rise Next Year\n"
            "Mara Vell, who runs the Port Ellis harbor board, spoke to reporters on Friday.")
    for item in rules.extract(Article(ref="t", text=text)):
        assert all("\n" not in text[s:e] for s, e in item.content_spans)


def test_a_quote_resumed_after_a_long_cue_clause_is_one_statement(rules):
    text = ('"I cannot support the ferry plan," said Mara Vell, the mayor of Port Ellis, becoming the first member '
            'of the harbor board running for re-election to break with the chairman of the board. "After much '
            'thought, I have concluded that the plan costs too much."')
    found = [a for a in rules.extract(Article(ref="t", text=text)) if a.kind in {"direct", "mixed"}]
    assert len(found) == 1 and len(found[0].content_spans) == 2
    assert found[0].content.endswith("costs too much.")
