"""Quotations in single marks, as British copy writes them (attribution/quotes.py `find_single_quotes`): a quotation of
two sentences before its cue, one after a colon, one that goes on in the next paragraph or after the cue clause, and
an apostrophe inside one; scare quotes and possessives stay no quotation. Fictional sentences through the real parse,
rules only; each finding test fails without the single-mark reading."""

from __future__ import annotations

import pytest

from tests.conftest import extract


def quoted(rules, text: str) -> list:
    return [a for a in extract(rules, text) if a.kind in {"direct", "mixed"}]


def spans_of(attribution, text: str) -> list[str]:
    return [text[s:e] for s, e in attribution.content_spans]


@pytest.mark.parametrize("text, words, speaker", [
    # two sentences before the cue: the parse gives "said" only the second as its clause, too short to count
    ("Ferries stopped at the quay on Monday.\n\n'There was a landslide near Corrow. We saw it,' Tamsin Ebbe said.",
     ["There was a landslide near Corrow. We saw it,"], "Tamsin Ebbe"),
    # a colon frame opening a quotation of two sentences
    ("The harbourmaster, Orla Penn, said: 'We had no warning at all. The tide came in fast.'",
     ["We had no warning at all. The tide came in fast."], "Orla Penn"),
    # an apostrophe of a plural inside the quotation does not close it
    ("'We saw the sailors' faces when the boats came in, and nobody spoke,' Orla Penn said.",
     ["We saw the sailors' faces when the boats came in, and nobody spoke,"], "Orla Penn"),
])
def test_a_quotation_in_single_marks_is_its_speakers(rules, text, words, speaker):
    found = quoted(rules, text)
    assert len(found) == 1, [(a.cue, spans_of(a, text)) for a in found]
    assert found[0].kind == "direct" and spans_of(found[0], text) == words
    assert found[0].speaker is not None and found[0].speaker.name == speaker


def test_a_single_mark_quotation_after_the_cue_clause_goes_on_with_the_statement(rules):
    """"'A,' said Ilan Moss, who lives in Corrow. 'B.'": the second quotation is the same statement, as with double
    marks."""
    text = ("'Mass arrests have started, and everyone is being held,' said Ilan Moss, who lives in Corrow. "
            "'They even searched the barns along the river road.'")
    found = quoted(rules, text)
    assert len(found) == 1, [(a.cue, spans_of(a, text)) for a in found]
    assert spans_of(found[0], text)[-1] == "They even searched the barns along the river road."
    assert found[0].speaker.name == "Ilan Moss"


def test_a_single_mark_quotation_going_on_in_the_next_paragraph_is_one_statement(rules):
    """A quotation left open at its paragraph's end and reopened below: one statement by the same speaker."""
    text = ("Waitress Bette Calloway said: 'We work in shifts here, so we see a lot of people.\n\n"
            "'Then we noticed she had not left the table for three days.'")
    found = quoted(rules, text)
    assert len(found) == 1, [(a.cue, spans_of(a, text)) for a in found]
    assert spans_of(found[0], text) == ["We work in shifts here, so we see a lot of people.",
                                        "Then we noticed she had not left the table for three days."]
    assert "Bette Calloway" in found[0].speaker.name


@pytest.mark.parametrize("text", [
    "Orla Penn called the levy 'a tax on the tide and nothing more' at the meeting in Corrow.",
    "The sailors' union met the owners' agents at the Corrow hall on Monday to talk about pay.",
])
def test_scare_quotes_and_possessives_are_no_quotation(rules, text):
    assert all(a.kind != "direct" for a in extract(rules, text))


def test_a_captions_label_in_single_marks_is_no_quotation(rules):
    """"'Guru of the pier': Tolla Vesk is …": words in single marks without a sentence's mark, before a colon, label
    the caption after them."""
    text = "'Guru of the pier': Tolla Vesk is being probed by the Corrow police over alleged thefts from the harbour."
    assert not quoted(rules, text)


@pytest.mark.parametrize("text", [
    "And the mood in Corrow just got worse: 'Nobody knows when the ferry will sail again, and the pier is shut.'",
    'And the mood in Corrow just got worse: "Nobody knows when the ferry will sail again, and the pier is shut."',
])
def test_a_colon_after_a_state_described_names_no_speaker(rules, text):
    """A clause before the colon that describes a state ("got worse") has a subject who said nothing."""
    assert all(a.source_span is None or "mood" not in text[a.source_span[0]:a.source_span[1]]
               for a in extract(rules, text))


@pytest.mark.parametrize("heading", ["'Legend in the Harbour Towns.'", "'Ferries Aren't the Villain.'"])
def test_a_subheading_in_single_marks_continues_nobodys_quotation(rules, heading):
    """A title-case line in single marks between sections heads the section; it is not the last speaker's words."""
    text = (f'"These are strange days," said Tobin Marsh, a lawyer in Corrow. "I am skeptical the plan will work."'
            f"\n\n{heading}\n\nThe ferry company filed for bankruptcy in the spring, and the pier closed.")
    assert not [a for a in quoted(rules, text) if heading.strip("'") in (a.content or "")]
