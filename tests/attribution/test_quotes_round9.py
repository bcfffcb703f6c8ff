"""Direct quotes, round 9 (PolNeAR train): a quotation standing as its own paragraph, signed on the line below
("- Mara Vell."). Fictional text through the real parse, rules only; each test fails without the rule it names."""

from __future__ import annotations

import pytest

from tests.conftest import extract


@pytest.mark.parametrize("signature, speaker", [
    ("- Mara Vell.", "Mara Vell"),
    ("- Vell.", "Vell"),
    ("—Ilan Moss, Port Ellis.", "Ilan Moss"),
])
def test_a_quotation_signed_on_the_line_below(rules, signature, speaker):
    """'"…"' over '- Mara Vell.': the name below a quotation paragraph is its speaker
    (`quotes.SIGNATURE_BELOW`)."""
    text = ("The fact-checkers looked at three claims from the harbor debate.\n\n"
            "\"The ferry levy has doubled since the council took office in Port Ellis.\"\n\n"
            f"{signature}\n\nThe levy rose by a third, not by half, according to the council's own figures.")
    found = [a for a in extract(rules, text) if a.kind == "direct"]
    assert [(a.content, a.cue, a.speaker.name if a.speaker else None) for a in found] == [
        ("The ferry levy has doubled since the council took office in Port Ellis.", signature.lstrip()[0], speaker)]


def test_a_line_below_that_names_no_one_signs_nothing(rules):
    text = ("The fact-checkers looked at the harbor debate.\n\n"
            "\"The ferry levy has doubled since the council took office in Port Ellis.\"\n\n"
            "- the old figures.\n\nThe levy rose by a third.")
    assert not [a for a in extract(rules, text) if a.kind == "direct" and a.cue == "-"]


def test_a_signature_glued_to_its_dash_is_left(rules):
    """'-Mara Vell.': the tokenizer makes one word of dash and name, so no clean source span; left out."""
    text = ("The fact-checkers looked at the harbor debate.\n\n"
            "\"The ferry levy has doubled since the council took office in Port Ellis.\"\n\n"
            "-Mara Vell.\n\nThe levy rose by a third.")
    assert not [a for a in extract(rules, text) if a.kind == "direct" and a.speaker
                and a.speaker.name.startswith("-")]
