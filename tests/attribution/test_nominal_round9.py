"""Statements named by a noun, round 9 (PolNeAR train): praise someone has or offers for someone. Fictional
sentences through the real parse, rules only; each test fails without the rule it names."""

from __future__ import annotations

import pytest

from tests.conftest import extract, span_text


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
