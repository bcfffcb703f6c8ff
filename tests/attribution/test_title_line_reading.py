"""The title line's rules read only what they need (issue 9, speed; the twelfth session): `headline` walks the
tokens of the Doc's first line, not the whole Doc, and `speaker_lines` reads the Doc's PERSON words only where a
line's label asks for them. The finds are the same: each reading is compared with the one it replaced, on real
parses of fictional articles."""

from __future__ import annotations

import pytest

from claimgraph.attribution.reported.according import headline, speaker_lines
from claimgraph.nlp import DEFAULT_MODEL, load_pipeline

HEADLINE = ("Talbot Slams Ferry Levy As Unfair To Islanders\n\n"
            "PORT ELLIS — Councillor Dana Talbot said on Monday that the new ferry levy would hurt families on "
            "the islands. \"It is a tax on living here,\" she said.\n\nMayor Ilse Marr defended the levy.\n")
TRANSCRIPT = ("Harbor board meets on fares\n\n"
              "The board of Port Ellis met on Tuesday. Councillor Dana Talbot spoke first.\n"
              "Talbot: We cannot ask the islanders to pay twice for the same crossing.\n"
              "The board voted later that evening.\n")
NO_LABELS = ("Harbor board meets on fares\n\nThe board of Port Ellis met on Tuesday and voted on the levy. "
             "Councillor Dana Talbot spoke first, and Mayor Ilse Marr closed the meeting.\n")


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(DEFAULT_MODEL)


class _NoWalk:
    """A Doc that refuses to be walked token by token (everything else as the Doc it wraps)."""

    def __init__(self, doc):
        self._doc = doc

    def __getattr__(self, name):
        return getattr(self._doc, name)

    def __getitem__(self, key):
        return self._doc[key]

    def __len__(self):
        return len(self._doc)

    def __iter__(self):
        raise AssertionError("the whole Doc was walked")


def _key(found):
    return None if found is None else (found.kind, found.cue.text, found.source.text if found.source else None,
                                       found.content, found.cue_class, found.sentence)


def _first_line_before(doc):
    """headline's first line as read before: every token of the Doc tested against the line's end."""
    end = doc.text.find("\n")
    end = len(doc.text) if end < 0 else end
    return [t.i for t in doc if t.idx < end and not t.is_space]


def test_headline_finds_the_title_verb_reading_the_first_line(nlp):
    doc = nlp(HEADLINE)
    found = headline(doc)
    assert found is not None and found.cue.text == "Slams" and found.source.text == "Talbot"
    assert doc.text[slice(*found.content[0])] == "Ferry Levy As Unfair To Islanders"


class _FirstLineOnly(_NoWalk):
    """A Doc walked at most one token past its first line."""

    def __iter__(self):
        end = self._doc.text.find("\n")
        for token in self._doc:
            yield token
            if token.idx >= end:
                break
        else:
            return
        raise AssertionError("walked past the first line")


def test_headline_stops_at_the_first_line(nlp):
    doc = nlp(HEADLINE)
    # the walk stops at the line's end (a generator abandoned there raises nothing)
    assert _key(headline(_FirstLineOnly(doc))) == _key(headline(doc))


def test_headline_line_is_the_one_read_before(nlp):
    for text in (HEADLINE, TRANSCRIPT, NO_LABELS, "Talbot Slams Ferry Levy", "\nTalbot said so.\n"):
        doc = nlp(text)
        end = doc.text.find("\n")
        end = len(doc.text) if end < 0 else end
        from itertools import takewhile

        first_line = takewhile(lambda t, end=end: t.idx < end, doc)
        assert [t.i for t in first_line if not t.is_space] == _first_line_before(doc)


def test_speaker_line_still_needs_a_person_label(nlp):
    doc = nlp(TRANSCRIPT)
    found = speaker_lines(doc)
    assert [(f.source.text, doc.text[slice(*f.content[0])]) for f in found] == [
        ("Talbot", "We cannot ask the islanders to pay twice for the same crossing")]
    # a label that is no PERSON in the parse is refused, as before: the PERSON words are still read when needed
    assert speaker_lines(nlp(TRANSCRIPT.replace("Dana Talbot", "the clerk").replace("Talbot:", "Harbor:"))) == []


def test_speaker_lines_do_not_walk_the_doc_without_a_label(nlp):
    doc = nlp(NO_LABELS)
    assert speaker_lines(_NoWalk(doc)) == []  # fails if the PERSON words are read up front
