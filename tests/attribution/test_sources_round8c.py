"""Sources on PolNeAR (round 8c). A subjectless participle set off by a comma after a reported clause ("Vell said
he plans to …, insisting that …") goes on with the one who reports that clause, though the parser hangs it on the
nearest verb inside the clause (speakers/implied.py `_trailing_participle_speaker`). Fictional sentences through
the real parse (the rules alone); each test fails without the rule. A text's relative "that"/"which" as its cue's
subject, the text the object of a verb that issues it ("released a video that said …"): the issuer
(speakers/implied.py `_issuer_of_relative`).
"""

from __future__ import annotations

import pytest

from tests.attribution.test_sources_round6 import source_of


@pytest.mark.parametrize("text, cue, source", [
    ("Mayor Tarn Vell said he plans to unveil a ferry budget after the holidays, insisting that the harbor board is "
     "too worried about the tolls.", "insisting", "Mayor Tarn Vell"),
])
def test_a_trailing_participle_is_the_reporters(rules, text, cue, source):
    assert source_of(rules, text, cue) == source


def test_a_participle_after_a_set_off_cue_keeps_that_cues_subject(rules):
    # "…," Dorr added, saying: the parser may hang "added" inside the first clause; Dorr still says it
    text = "Moss cannot say that \"from her view,\" Lina Dorr added, saying it should be up to the harbor board."
    assert source_of(rules, text, "saying") == "Lina Dorr"


def test_a_participle_with_no_outer_cue_keeps_its_subject(rules):
    # no cue reports the clause the participle hangs on: its own subject stays
    text = "The harbor board rejected the ferry plan on Monday, saying the tolls were too high."
    assert source_of(rules, text, "saying") == "The harbor board"


# --- a text's relative "that" as the subject of its cue: the text's issuer ------------------------------------------

@pytest.mark.parametrize("text, cue, source", [
    ("Councillor Tarn Vell released a video on Monday that said the harbor tolls would fall in May.", "said",
     "Councillor Tarn Vell"),
    ("The Quillmoor council issued a statement that accused the ferry board of hiding the costs.", "accused",
     "The Quillmoor council"),
])
def test_a_texts_relative_is_its_issuers(rules, text, cue, source):
    assert source_of(rules, text, cue) == source
