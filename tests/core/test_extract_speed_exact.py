"""The ninth session's speed work changes how `extract` computes, never what: each faster reading is compared here
with the reading it replaced (kept in this file where it is code), on real parses of real files and on crafted or
random inputs that reach every branch."""

from __future__ import annotations

import random

import pytest
import spacy

from claimgraph.attribution.found import TEXT_KEY
from claimgraph.attribution.marks import Quote, find_quotes
from claimgraph.attribution.speaker_types import person_noun
from claimgraph.attribution.speakers import SpeakerResolver
from claimgraph.nlp import (
    CHUNK_CHARS,
    DEFAULT_MODEL,
    load_pipeline,
    parse_chunks,
    prepare_pipeline,
)
from claimgraph.nlp.language import MIN_LETTERS, _has_letters, detect_language
from claimgraph.nlp.ruler import _SetAnnotations, speed_up_attribute_ruler
from tests.conftest import EXAMPLES

EXAMPLE_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
APPOSITIONS = ("I pick the guard, Hadvar. He suggests we go north. The captain, Rolla, said the gate would hold, "
               "and the mayor, Ilse Marr, agreed. Their neighbour, Pelco, announced a bridge.\n")


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(DEFAULT_MODEL)


def _find_quotes_by_character(text: str) -> list[Quote]:
    """find_quotes as it was before the ninth session: every character visited."""
    from claimgraph.attribution.marks import CLOSE, OPEN, _looks_opening, _stray_close

    quotes: list[Quote] = []
    open_at: int | None = None
    open_len = 1
    closer = ""
    i = 0
    while i < len(text):
        ch = text[i]
        mark = "''" if text.startswith("''", i) else ch
        width = len(mark)
        if open_at is None:
            if mark == "''" and _looks_opening(text, i, width):
                open_at, open_len, closer = i, 2, "''"
            elif ch in OPEN and _looks_opening(text, i, 1):
                open_at, open_len, closer = i, 1, OPEN[ch]
            elif ch == "”" and (i == 0 or text[i - 1] == "\n"):
                open_at, open_len, closer = i, 1, "”"
        elif mark == closer or (closer != "''" and (ch == closer or (ch in CLOSE and closer == '"')
                                                     or (closer == "”" and _stray_close(text, i)))):
            width = len(closer) if mark == closer else 1
            quotes.append(Quote(open_at, i + width, (open_at + open_len, i)))
            open_at = None
        elif ch == "\n":
            if i - open_at > open_len:
                quotes.append(Quote(open_at, i, (open_at + open_len, i), closed=False))
            open_at = None
        i += width
    if open_at is not None and len(text) - open_at > open_len:
        quotes.append(Quote(open_at, len(text), (open_at + open_len, len(text)), closed=False))
    return quotes


def test_find_quotes_pairs_the_marks_the_character_walk_paired():
    rng = random.Random(9)
    pieces = list("ab '\"“”«».,:\n") + ["''", "'''", " said “", "”, she said. "]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(20_000)]
    texts += EXAMPLE_TEXTS
    assert sum(len(_find_quotes_by_character(t)) for t in texts) > 10_000
    for text in texts:
        assert find_quotes(text) == _find_quotes_by_character(text), repr(text)


def test_each_piece_keeps_the_text_it_was_parsed_from(nlp):
    joined = "\n\n".join(EXAMPLE_TEXTS) + "\n\n"
    long_text = joined * (CHUNK_CHARS // len(joined) + 2)  # over CHUNK_CHARS: cut into pieces at paragraph breaks
    # (without the attributions component, which drops the text once its rules are done with it)
    parsed = list(parse_chunks(nlp, EXAMPLE_TEXTS + [long_text], batch_size=2,
                               disable=[name for name in nlp.pipe_names if name == "claimgraph_attributions"]))
    assert len(parsed[-1]) > 1
    for text, pieces in zip(EXAMPLE_TEXTS + [long_text], parsed):
        for offset, doc in pieces:
            assert doc.user_data[TEXT_KEY] == doc.text == text[offset:offset + len(doc.text)]
        assert "".join(doc.text for _, doc in pieces) == text


def test_the_dash_infix_is_set_once_and_splits():
    fresh = spacy.load(DEFAULT_MODEL)
    stock = fresh.tokenizer.infix_finditer
    prepare_pipeline(fresh)
    ours = fresh.tokenizer.infix_finditer
    assert ours != stock
    prepare_pipeline(fresh)  # as the attributions component does on the pipeline load_pipeline prepared
    assert fresh.tokenizer.infix_finditer is ours  # not set again (each set reloads the special cases)
    assert "—" in [t.text for t in fresh("Jan. 24, 2017 (EIRNS)—The ministry said so.")]
    assert [t.text for t in fresh("I'm gonna go, don't wait.")] == \
        [t.text for t in spacy.load(DEFAULT_MODEL)("I'm gonna go, don't wait.")]


def _ruler_pipeline():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "ferry"}]], {"LEMMA": "boat", "POS": "NOUN"})
    ruler.add([[{"LOWER": "the"}, {"LOWER": "harbour"}]], {"LEMMA": "port"}, index=-1)
    ruler.add([[{"LOWER": "the"}, {"LOWER": "harbour"}]], {"MORPH": "Definite=Def"}, index=0)
    ruler.add([[{"LOWER": "harbour"}]], {"LEMMA": "haven"})  # a later rule overwrites the lemma above
    ruler.add([[{"LOWER": "left"}, {"LOWER": "the"}]], {"LEMMA": "leave", "TAG": "VBD"}, index=-2)
    return nlp, ruler


def test_the_ruler_writes_each_match_as_spacy_writes_it(nlp):
    fast, fast_ruler = _ruler_pipeline()
    stock, _ = _ruler_pipeline()
    assert speed_up_attribute_ruler(fast) and isinstance(vars(fast_ruler)["set_annotations"], _SetAnnotations)
    text = "The ferry left the harbour, and the harbour saw the ferry leave the harbour."
    got, expected = fast(text), stock(text)
    rows = [(t.lemma_, t.pos_, t.tag_, str(t.morph)) for t in got]
    assert rows == [(t.lemma_, t.pos_, t.tag_, str(t.morph)) for t in expected]
    assert rows[2][:3] == ("leave", "", "VBD") and rows[3][3] == "Definite=Def" and rows[4][0] == "haven"
    # what extract runs
    assert isinstance(vars(nlp.get_pipe("attribute_ruler"))["set_annotations"], _SetAnnotations)


def test_an_index_outside_the_match_raises_spacys_error():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "ferry"}]], {"LEMMA": "boat"}, index=1)
    assert speed_up_attribute_ruler(nlp)
    with pytest.raises(ValueError, match="E1001"):
        nlp("The ferry left.")


def test_appositions_read_from_the_column_are_the_ones_read_token_by_token(nlp):
    docs = [nlp(t) for t in EXAMPLE_TEXTS + [APPOSITIONS]]
    found = 0
    for doc in docs:
        by_token = [t.i for t in doc if t.dep_ == "appos" and t.pos_ == "PROPN" and t.ent_type_ != "PERSON"
                    and person_noun(t.head)]
        assert SpeakerResolver(doc).beside == by_token
        found += len(by_token)
    assert found >= 1
    assert SpeakerResolver(nlp("")).beside == [] and SpeakerResolver(None).beside == []


def test_a_cue_inside_a_long_quote_belongs_to_the_quote(nlp):
    from claimgraph.pipeline import Extractor
    from claimgraph.records import Article

    extractor = Extractor(nlp=nlp, learned=False)
    quoted = '"Marr made clear that the ferry would run on time and nobody listened," Vell said.\n'
    plain = "Marr made clear that the ferry would run on time. Vell said that nobody listened to her.\n"
    first, second = (extractor.extract(Article(ref="q", text=t)) for t in (quoted, plain))
    assert [a.cue for a in first] == ["said"]
    assert "made" in [a.cue for a in second]  # the same words outside quote marks: Marr's statement


def test_enough_letters_is_counted_as_before():
    rng = random.Random(3)
    for _ in range(5_000):
        sample = "".join(rng.choice("ab1 _é²½\n") for _ in range(rng.randint(0, 90)))
        assert _has_letters(sample, MIN_LETTERS) == (sum(ch.isalpha() for ch in sample) >= MIN_LETTERS)
    assert detect_language("a" * (MIN_LETTERS - 1) + " 123") is None
    assert detect_language(EXAMPLE_TEXTS[0]) == "en"
