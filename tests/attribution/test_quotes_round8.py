"""Direct quotations split around their cue (round 8, PolNeAR train): one statement, several content spans.

PolNeAR marks '"A," Vell said at the pier.¶¶"B."' and '"A," Vell said. "B."' as one attribution whose content is
both quoted pieces. A cue-less quotation now joins the quoted statement before it as one more span when that
statement's cue clause after its closing mark ended the sentence and the quotation opens the next sentence or the
next paragraph (quotes.py `_cue_clause_ends_sentence`); the new paragraph used to make it a continuation of its
own. Not where a cue between reports a clause of its own ('Vell said, adding that the council would vote on
Friday. "B."', the reference article's a4): the writer moved on to a second statement (`_second_report`).
Fictional sentences through the real parse (the rules alone); each test fails without its rule (the two
continuation tests pin the readings kept).
"""

from __future__ import annotations

import pytest

from tests.conftest import extract


def quoted(extractor, text: str):
    return [a for a in extract(extractor, text) if a.kind in {"direct", "mixed"}]


def pieces(extractor, text: str) -> list[str]:
    """The content spans, as written, of the one quoted statement found in `text`."""
    found = quoted(extractor, text)
    assert len(found) == 1, [(a.cue, a.content_spans) for a in found]
    return [text[s:e] for s, e in found[0].content_spans]


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
    next paragraph's quotation is a continuation of its own (test_quotes_round7.py)."""
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
