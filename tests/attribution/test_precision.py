"""Rules that stay precise on real pages (issue 9, items 3 and 5), on fictional sentences through the real parse."""

from __future__ import annotations

import pytest

from claimgraph.records import Article


def extract(extractor, text):
    return extractor.extract(Article(ref="t", text=text))


@pytest.mark.parametrize("line", [
    "READ MORE: Mayor says the Port Ellis bridge will reopen in May",
    "Related: Harbor board says the ferry lost money again",
    "Watch: Vell tells the council that the cranes are idle",
    "EXCLUSIVE HARBOR: Officials say the channel is too shallow for ferries",
])
def test_link_and_label_lines_are_never_attributions(extractor, line):
    text = f"The harbor board met on Tuesday.\n\n{line}\n\nOwen Talbot said the port lost money in June."
    found = extract(extractor, text)
    assert [a.cue for a in found] == ["said"]


def test_a_transcript_keeps_its_speaker_labels(extractor):
    text = ("VELL: The bridge will reopen in May, and the crews will work all winter.\n"
            "TALBOT: The port lost money in June, and the cranes were idle.\n")
    found = extract(extractor, text)
    assert [a.speaker.name for a in found if a.cue == ":"] == ["VELL", "TALBOT"]


def test_content_stops_at_a_trailing_participial_clause_which_is_its_own_attribution(extractor):
    text = "The mayor criticized the ferry plan, saying it would cost the town too much money."
    found = {a.cue: a for a in extract(extractor, text)}
    assert found["criticized"].content == "the ferry plan"
    assert found["saying"].content == "it would cost the town too much money"
    assert found["saying"].source_span == found["criticized"].source_span


@pytest.mark.parametrize("text", [
    "Ilse Marr claims gold in the harbor regatta on Sunday.",
    "The court denied bail to the captain of the ferry.",
    "Divers found the wreck lying on its side near the harbor mouth.",
    "Vell called the police while on her way to the harbor.",
    "Mara Vell called the Northgate Harbor Office about the ferry on Friday.",
])
def test_results_and_things_found_are_not_statements(extractor, text):
    assert extract(extractor, text) == []


def test_a_finding_is_still_a_statement(extractor):
    text = "The harbor study found that the ferry lost money. Talbot denied that the ferry lost money."
    assert [a.cue for a in extract(extractor, text)] == ["found", "denied"]


def test_a_repeated_paragraph_gives_one_attribution(extractor):
    paragraph = "The harbor board met on Tuesday. Mara Vell said the bridge would reopen in May."
    text = "\n\n".join([paragraph] * 3)
    found = extract(extractor, text)
    assert len(found) == 1 and found[0].content_spans[0][0] < len(paragraph)


def test_two_statements_with_the_same_cue_are_both_kept(extractor):
    text = "Mara Vell said the bridge would reopen in May. Mara Vell said the ferry would stop in June."
    assert len(extract(extractor, text)) == 2


@pytest.mark.parametrize("text, verb, narrative", [
    ("Mara Vell made plans to meet the harbor board on Friday.", "made", True),
    ("Reyes was named captain of the harbor team on Tuesday.", "named", True),
    ("Mara Vell made the following comment about the ferry.", "made", False),
    ("Mara Vell said the ferry would stop in June.", "said", False),
])
def test_verbs_of_doing_are_not_cues_for_the_tagger(extractor, text, verb, narrative):
    from claimgraph.attribution.cues import is_narrative

    doc = extractor.nlp(text)
    assert is_narrative(next(t for t in doc if t.text == verb)) is narrative


def test_the_one_asked_is_not_the_one_asking(extractor):
    text = "Asked why she called the group the Harbor Crew, Vell said it was a joke among the ferry crews."
    cues = [a.cue for a in extract(extractor, text)]
    assert "Asked" not in cues and "said" in cues
