"""Trailing frames (reported/clauses.py `_trailing_frame`, `_parenthetical_cue`; bounds.py `_before_according`): a
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
