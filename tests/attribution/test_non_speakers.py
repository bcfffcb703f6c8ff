"""Speakers a journalist would reject: a print page's label ("(Page B1, Jan. 15)"), a media label ("Video obtained
from … shows") and a plural noun that is no word for people are no identities; "officials" and "critics" stay.
Fictional sentences through the real pipeline."""

from __future__ import annotations

import pytest

from claimgraph.attribution.speakers import SpeakerResolver
from tests.conftest import by_cue, extract


def _resolve(extractor, text: str, mention: str):
    doc = extractor.nlp(text)
    start = text.index(mention)
    span = doc.char_span(start, start + len(mention))
    assert span is not None
    return SpeakerResolver(doc).resolve(span)


@pytest.mark.parametrize("text, mention", [
    ("The letter “Is the harbor vote headed to a recount?” (Page B1, Jan. 15) regarding “the confusion” helps "
     "me understand why people doubt the count.", "Page B1"),
    ("The story on the ferry fares (Section A4, March 2) says the fares will rise.", "Section A4"),
    ("As the report on page 12 says, the ferry will run all winter.", "page 12"),
])
def test_a_print_pages_label_is_no_speaker(extractor, text, mention):
    assert _resolve(extractor, text, mention) is None


@pytest.mark.parametrize("text, mention", [
    ("Video obtained from the harbor office shows the skipper leaving the pier at about 10:41 a.m. Tuesday. "
     "The skipper said the video was taken out of context.", "Video"),
    ("Footage shared by the ferry crew shows the gate left open.", "Footage"),
    ("The photo shows the mayor at the pier.", "The photo"),
])
def test_a_media_label_is_no_speaker(extractor, text, mention):
    assert _resolve(extractor, text, mention) is None


def test_signs_that_say_are_not_an_identity(extractor):
    text = "Mara Vell already hung signs in some locations that say dogs aren't allowed beyond the gate."
    found = by_cue(extract(extractor, text), "say")
    assert found.speaker is None


@pytest.mark.parametrize("text, cue, name", [
    ("Officials said the ferry would run all winter.", "said", "officials"),
    ("Critics say the harbor toll is too high.", "say", "critics"),
    ("Residents who said the pier was unsafe met the mayor on Tuesday.", "said", "residents"),
])
def test_people_named_by_a_plural_stay_sources(extractor, text, cue, name):
    found = by_cue(extract(extractor, text), cue)
    assert found.speaker is not None and found.speaker.name.lower() == name
