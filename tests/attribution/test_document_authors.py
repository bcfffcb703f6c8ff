"""Whose document "the letter", "the statement", "the report" is (speakers/documents.py): the one author the article
names with it before, else an anonymous description of the article, never the last speaker. Fictional sentences
through the real parse and the whole extractor."""

from __future__ import annotations

import pytest

from tests.conftest import extract


@pytest.mark.parametrize("text, cue, name", [
    # The author sends the letter; someone else speaks between it and "the letter said".
    ("Mayor Ivo Marr sent a letter to the harbor board on Monday. Councillor Lena Dorr said she had not read it. "
     "The letter said the ferry would stop in June.", "said", "Ivo Marr"),
    # Released by a body that never speaks itself.
    ("In a statement released by the Velder Ferry Company, a spokesman said the route would close. Harbor master "
     "Ana Ruiz said she was surprised. The statement added that fares would rise.", "added",
     "Velder Ferry Company"),
    # Speaking in the statement names its author.
    ("The Port Ellis council said in a statement that the pier was safe. Tomas Brand, a diver, said he doubted it. "
     "The statement said repairs had been finished in May.", "said", "Port Ellis council"),
    # Named with another document's noun, and no "statement" before.
    ("In a memo on Monday, the Velder Harbor Authority announced that the pier would close. Tomas Brand, a diver, "
     "said he doubted it. According to the statement, repairs would begin in May.", "According to",
     "Velder Harbor Authority"),
    # A spokesman gives the statement for the body he speaks for (speakers/documents.py: AGENTS).
    ("The Velder Ferry Company cut two routes last week. A spokesman for the Velder Ferry Company gave a statement "
     "to reporters on Monday. The statement said the ferries would resume service.", "said",
     "Velder Ferry Company"),
])
def test_the_document_is_its_one_named_authors(extractor, text, cue, name):
    speaker = [f for f in extract(extractor, text) if f.cue == cue][-1].speaker
    assert speaker is not None and speaker.name.removeprefix("the ") == name


@pytest.mark.parametrize("text, cue, head", [
    # Two authors of letters: which one's is unknown.
    ("Mayor Ivo Marr sent a letter to the board. Councillor Lena Dorr wrote a letter to the ferry company. "
     "The letter said the pier would close.", "said", "letter"),
    # A report by no one named, then a person who speaks of it.
    ("According to a report, the pier will close in June. Mayor Ivo Marr said he had not seen it. "
     "The report said the repairs would cost two million crowns.", "said", "report"),
    # A document that only looks like an outlet's is not the outlet's (LOOK_ALIKE).
    ("The mayor of Port Ellis spoke on Monday. A fake site designed to look like a KVLT News report claimed the "
     "mayor had resigned. The report said she would leave office in May.", "said", "report"),
    ("The mayor of Port Ellis spoke on Monday. A hoax page imitating a KVLT News report spread on Monday. The "
     "report said the mayor would leave office in May.", "said", "report"),
])
def test_a_document_without_one_named_author_stays_a_description(extractor, text, cue, head):
    speaker = [f for f in extract(extractor, text) if f.cue == cue][-1].speaker
    assert speaker is not None and (speaker.name, speaker.type) == (head, "anonymous")


def test_a_document_carried_as_is_still_its_outlets(extractor):
    """The look-alike rule's counterpart: a page that carries the outlet's report (no "like", no "imitating")."""
    text = ("The mayor of Port Ellis spoke on Monday. A page carried a KVLT News report on Monday. The report said "
            "the mayor would leave office in May.")
    speaker = [f for f in extract(extractor, text) if f.cue == "said"][-1].speaker
    assert speaker is not None and speaker.name == "KVLT News"
