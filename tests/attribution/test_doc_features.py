"""The tagger's document features (learned/model.py doc_features), read from the Doc's columns, are the ones the
token-by-token reading gave: on real parses of the examples and a text made for the quote and paragraph cases,
whole and cut into the pieces the windowed tagger tags (Span.as_doc), and on a Doc without a parse."""

import numpy
import pytest
import spacy

from claimgraph.attribution.learned.model import CLOSE_QUOTES, DOC_FEATURES, OPEN_QUOTES, TOGGLE_QUOTES, doc_features
from claimgraph.attribution.learned.windows import windows
from claimgraph.nlp import load_pipeline
from tests.conftest import EXAMPLES

CASES = ("“The pier is ready,” Mara Vell said.  \"It will hold,\" she added.\n\n“A quotation opened here runs "
         "on\n\nBut a paragraph later it is closed. «Nous verrons» wrote Ilan Moss, ''odd marks'' and ``others``."
         "\n \n\"Unclosed at the end")


def per_token(doc):
    """The reading the columns replaced."""
    n = len(doc)
    out = numpy.zeros((n, DOC_FEATURES), dtype="float32")
    inside = False
    sent_starts = [t.is_sent_start is True or t.i == 0 for t in doc] if n else []
    next_real = [n] * n
    following = n
    for k in range(n - 1, -1, -1):
        next_real[k] = following
        if not doc[k].is_space:
            following = k
    for t in doc:
        text = t.text
        if t.is_space:
            continue
        if text in OPEN_QUOTES or (text in TOGGLE_QUOTES and not inside):
            out[t.i, 1] = 1.0
            inside = True
        elif text in CLOSE_QUOTES or (text in TOGGLE_QUOTES and inside):
            out[t.i, 2] = 1.0
            out[t.i, 0] = 1.0
            inside = False
        if inside:
            out[t.i, 0] = 1.0
        if sent_starts[t.i]:
            out[t.i, 3] = 1.0
        nxt = next_real[t.i]
        if nxt == n or sent_starts[nxt]:
            out[t.i, 4] = 1.0
        if t.i == 0 or "\n" in doc[t.i - 1].text_with_ws:
            out[t.i, 5] = 1.0
        if nxt == n or "\n" in doc[nxt - 1].text_with_ws or "\n" in t.whitespace_:
            out[t.i, 6] = 1.0
            inside = False
    for sent in doc.sents if n and doc.has_annotation("SENT_START") else ():
        length = max(len(sent) - 1, 1)
        for k, t in enumerate(sent):
            out[t.i, 7] = k / length
    return out


@pytest.fixture(scope="module")
def docs():
    texts = [CASES] + [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    return list(load_pipeline().pipe(texts))


def test_the_same_features_on_whole_docs_and_their_pieces(docs):
    pieces = 0
    for doc in docs:
        assert numpy.array_equal(doc_features(doc), per_token(doc)), doc.text[:40]
        for start, end in windows(doc) + [(0, 1), (len(doc) - 3, len(doc))]:
            piece = doc[start:end].as_doc()
            assert numpy.array_equal(doc_features(piece), per_token(piece)), piece.text[:40]
            pieces += 1
    assert pieces > 10
    features = doc_features(docs[0])
    assert features[:, 1].sum() >= 4 and features[:, 2].sum() >= 3 and features[:, 0].sum() > 20
    assert features[-1, 0] == 1.0  # the last quotation never closes


def test_a_doc_without_a_parse_and_an_empty_one():
    nlp = spacy.blank("en")
    for text in (CASES, "", "\n\n", '"'):
        doc = nlp(text)
        assert numpy.array_equal(doc_features(doc), per_token(doc)), repr(text)
