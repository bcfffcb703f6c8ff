"""Speakers a journalist would reject: a print page's label ("(Page B1, Jan. 15)") and a media label ("Photo: …")
are no identities; a clip or a thing named as the subject ("Video obtained from … shows", "Tests found") is an
anonymous description; "officials" and "critics" stay.
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


@pytest.mark.parametrize("text, mention, name", [
    ("Video obtained from the harbor office shows the skipper leaving the pier at about 10:41 a.m. Tuesday. "
     "The skipper said the video was taken out of context.", "Video", "video"),
    ("Footage shared by the ferry crew shows the gate left open.", "Footage", "footage"),
    ("The photo shows the mayor at the pier.", "The photo", "photo"),
])
def test_a_clip_that_shows_is_an_anonymous_description(extractor, text, mention, name):
    # the thing named as the source, never a person (issue R2B: "Video shows …" had no speaker)
    speaker = _resolve(extractor, text, mention)
    assert speaker is not None and (speaker.name, speaker.type) == (name, "anonymous")


def test_a_media_label_is_no_speaker(extractor):
    text = "Photo: The skipper leaves the pier on Tuesday."
    assert _resolve(extractor, text, "Photo") is None


@pytest.mark.parametrize("text, cue, name", [
    ("Mara Vell already hung signs in some locations that say dogs aren't allowed beyond the gate.", "say", "signs"),
    ("Tests found traces of fuel on the skipper's jacket.", "found", "tests"),
    ("Regulations state that the gate must stay shut.", "state", "regulations"),
])
def test_things_named_as_the_source_are_anonymous_descriptions(extractor, text, cue, name):
    speaker = by_cue(extract(extractor, text), cue).speaker
    assert speaker is not None and (speaker.name.lower(), speaker.type) == (name, "anonymous")


def test_a_letter_after_a_clip_is_not_the_clips(extractor):
    # a thing is not remembered as one who spoke: "the letter" is not the video's
    text = ("Video shows the skipper leaving the pier. The letter said the skipper had been warned.")
    speaker = by_cue(extract(extractor, text), "said").speaker
    assert speaker is None or speaker.name != "video"


@pytest.mark.parametrize("text, cue, name", [
    ("Officials said the ferry would run all winter.", "said", "officials"),
    ("Critics say the harbor toll is too high.", "say", "critics"),
    ("Residents who said the pier was unsafe met the mayor on Tuesday.", "said", "residents"),
])
def test_people_named_by_a_plural_stay_sources(extractor, text, cue, name):
    found = by_cue(extract(extractor, text), cue)
    assert found.speaker is not None and found.speaker.name.lower() == name

