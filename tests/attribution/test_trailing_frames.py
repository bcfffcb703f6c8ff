"""Trailing frames (reported/clauses.py `trailing_frame`, `parenthetical_cue`; bounds.py `before_according`): a
cue after a comma that closes its sentence ("…, the Tarnville Courier reports.", "…, reported the Daily Harbinger.")
is the writer's sourcing of the clause before it: that clause is the frame's content, and no cue's content inside it
runs on into the frame. Fictional sentences through the real parse, rules only; each finding test fails without the
rule it names."""

from __future__ import annotations

import pytest

from tests.conftest import extract, one, speaker_name


@pytest.mark.parametrize("text, cue, speaker, content", [
    # the frame's subject after the comma, the frame hung on the inner cue as its complement
    ("Marshal Ortega said there was a connection between the burial site and the flood, the Tarnville Courier "
     "reports.", "reports", "Tarnville Courier",
     "Marshal Ortega said there was a connection between the burial site and the flood"),
    ("An alliance of harbor and fishing groups has backed the levy and said the fees would help the town, the Tarn "
     "Gazette reported today.", "reported", "Tarn Gazette",
     "An alliance of harbor and fishing groups has backed the levy and said the fees would help the town"),
    # an inverted frame the parse took for a conjunct with its object
    ("Furious residents want to know why the pier was closed without warning, reported the Tarnville Courier.",
     "reported", "Tarnville Courier", "Furious residents want to know why the pier was closed without warning"),
    # a frame over two joined clauses reports both
    ("At least 25 rebels were killed in clashes near the river and five farmers were killed in fighting elsewhere "
     "in the valley, a military source and residents said on Monday.", "said", "military source",
     "At least 25 rebels were killed in clashes near the river and five farmers were killed in fighting elsewhere "
     "in the valley"),
    # hung on a participle set off by a comma: the sentence before the frame is still all reported
    ('On Saturday, an online forum posted a message from a pro-Tarn contributor, claiming a "Norland soldier" was '
     'captured in Vell by Tarn forces, the Harbor Monitor Group reported.', "reported", "Harbor Monitor Group",
     'On Saturday, an online forum posted a message from a pro-Tarn contributor, claiming a "Norland soldier" was '
     'captured in Vell by Tarn forces'),
])
def test_a_trailing_frame_reports_the_clause_before_it(rules, text, cue, speaker, content):
    found = one(extract(rules, text), cue)
    assert speaker_name(found) == speaker
    assert found.content == content


@pytest.mark.parametrize("text, cue, content", [
    ("Lena Vosk said the ferry had been cancelled twice since May, the Northgate Herald reports.", "said",
     "the ferry had been cancelled twice since May"),
    ("An alliance of harbor and fishing groups has backed the levy and said the fees would help the town, the Tarn "
     "Gazette reported today.", "said", "the fees would help the town"),
])
def test_a_content_stops_before_a_trailing_frame(rules, text, cue, content):
    assert one(extract(rules, text), cue).content == content


@pytest.mark.parametrize("text, cue, speaker, content", [
    # a perfect the parser tags as a participle: the frame still reports the whole sentence before it
    ('The author, known only as Lena, said in her blog that she was ready to have a child but because of her "bad '
     'experiences with men" she had an abortion when she discovered the baby\'s sex, the Tarn Metro has reported.',
     "reported", "Tarn Metro",
     'The author, known only as Lena, said in her blog that she was ready to have a child but because of her "bad '
     'experiences with men" she had an abortion when she discovered the baby\'s sex'),
    # the one told after "told" is the frame's own
    ("All five crew members are being watched closely right now, but the belief is there is no current threat, one "
     "official told the Courier.", "told", "one official",
     "All five crew members are being watched closely right now, but the belief is there is no current threat"),
])
def test_a_perfect_or_telling_frame_reports_the_whole_sentence_before_it(rules, text, cue, speaker, content):
    """'…, the Tarn Metro has reported.', '…, one official told the Courier.': frames too; read as an ordinary
    cue they reported only the last clause before them."""
    found = one(extract(rules, text), cue)
    assert speaker_name(found) == speaker
    assert found.content == content


def test_a_content_runs_over_the_clause_the_parser_hung_on_the_frame(rules):
    """'said … that she was ready … but because … she had an abortion …, the Tarn Metro has reported': the parse
    hangs the second part of what she said on the frame; it is still hers."""
    text = ('The author, known only as Lena, said in her blog that she was ready to have a child but because of her '
            '"bad experiences with men" she had an abortion when she discovered the baby\'s sex, the Tarn Metro has '
            'reported.')
    assert one(extract(rules, text), "said").content == (
        'that she was ready to have a child but because of her "bad experiences with men" she had an abortion when '
        "she discovered the baby's sex")


def test_a_telling_frame_with_what_was_told_after_it_is_no_frame(rules):
    """'…, Mara Vell told the council the plan was dead': what she told follows the one told; the cue reports it."""
    text = "Ferries will stop at Vell Island, Mara Vell told the council the plan was dead."
    assert one(extract(rules, text), "told").content == "the plan was dead"
