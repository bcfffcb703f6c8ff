"""Quotations without a cue of their own (issue 9, round 7, PolNeAR train): whose they are.

A quotation with no cue after or before it was read as a continuation of the quote before it, keeping that quote's
speaker. PolNeAR names a new source where the text does:
- the quotation stands inside a sentence whose clause before the opening mark has a finite verb (or one made
  finite by its auxiliary) and a subject ('Another resident said he hoped …: “…”', 'the dockworkers chanted, “…”',
  'Moss has since apologized for …: “…”'): that subject (quotes.py
  `_own_sentence_subject`);
- the quotation opens right after a sentence holding another speaker's statement ('Moss said the ferry would run in
  May. “…”'): that statement's source and speaker (speakers/article.py `_said_just_before`).
Fictional sentences through the real parse (the rules alone); each test but the last fails without its rule.
"""

from __future__ import annotations

import pytest

from tests.conftest import extract

OPENING = '"The pier is safe," Mara Vell said. "We have checked it twice."\n\n'


def quote_of(extractor, text: str, content: str):
    """The attribution whose content is `content`, with its source mention as written."""
    found = [a for a in extract(extractor, text) if a.content == content]
    assert len(found) == 1, [(a.cue, a.content) for a in extract(extractor, text)]
    span = found[0].source_span
    return found[0], (text[span[0]:span[1]] if span else None)


@pytest.mark.parametrize("sentence, content, source", [
    ('Another resident said he hoped the ferry would run again: "That way I can visit my sister in Tarn."',
     "That way I can visit my sister in Tarn.", "Another resident"),
    ('As Vell spoke, the dockworkers chanted, "Open the pier!"', "Open the pier!", "the dockworkers"),
    ('Later, Ilan Moss offered his thanks to the crew -- "They did a fine job on the ferry this year."',
     "They did a fine job on the ferry this year.", "Ilan Moss"),
    # a verb made finite by its auxiliary, the clause ending in a colon
    ('Ilan Moss has since apologized for what happened at the pier: "I should have waited for the inspectors."',
     "I should have waited for the inspectors.", "Ilan Moss"),
])
def test_a_quotation_inside_a_sentence_with_its_own_subject_is_that_subjects(rules, sentence, content, source):
    found, mention = quote_of(rules, OPENING + sentence, content)
    assert mention == source
    assert found.speaker is not None and found.speaker.name != "Mara Vell"
    assert "continuation" not in found.flags


def test_a_quotation_after_another_speakers_statement_goes_on_with_it(rules):
    text = OPENING + 'Ilan Moss said the ferry would run again in May. "The town cannot wait much longer for it."'
    found, mention = quote_of(rules, text, "The town cannot wait much longer for it.")
    assert mention == "Ilan Moss"
    assert found.speaker.name == "Ilan Moss"


def test_a_quotation_after_the_same_speakers_cue_clause_stays_a_continuation(rules):
    """The right reading kept: a new paragraph that only goes on quoting is still the last speaker's. (The cue
    stands before the first quotation: with the cue clause after it ending the paragraph, the next paragraph's
    quotation joins the statement as a second span, round 8, test_quotes_round8.py.)"""
    text = ('Mara Vell said at the meeting in Tarn: "The pier is safe."\n\n'
            '"We have checked it twice, and the board has found nothing wrong."')
    found, mention = quote_of(rules, text, "We have checked it twice, and the board has found nothing wrong.")
    assert "continuation" in found.flags
    assert mention == "Mara Vell" and found.speaker.name == "Mara Vell"
