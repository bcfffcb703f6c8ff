"""The tagger's trimmed encoder (attribution/learned/trimmed.py) changes how the scores are computed, never what:
every score bit for bit the stock encoder's, on real parses (pieces of many lengths, batched and alone, empty and
shorter than a window), the weights and their serialisation unchanged."""

from __future__ import annotations

import json

import numpy
import pytest

from claimgraph.attribution.learned import MODEL_DIR, _restore, build_tagger
from claimgraph.attribution.learned.trimmed import _piece_rows, _rows_read, _trimmed_forward, trim_encoder
from claimgraph.nlp import DEFAULT_MODEL, load_pipeline
from tests.conftest import EXAMPLES

EXAMPLE_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(DEFAULT_MODEL)


@pytest.fixture(scope="module")
def tagger(nlp):
    tagger = build_tagger(nlp)
    if tagger is None:
        pytest.skip("no tagger shipped")
    return tagger


def _stock_tagger(nlp, name="stock_tagger"):
    """The shipped tagger as `_restore` loads it, before `build_tagger` trims it."""
    spec = json.loads((MODEL_DIR / "config.json").read_text(encoding="utf-8"))
    return _restore(nlp.create_pipe(spec["factory"], name=name, config=spec["config"]), MODEL_DIR, spec)


@pytest.fixture(scope="module")
def stock(nlp, tagger):
    return _stock_tagger(nlp)


def _node(model, forward):
    return next((node for node in model.walk() if node._func is forward), None)


@pytest.fixture(scope="module")
def pieces(nlp):
    """Docs of many lengths: whole articles, sentences, a one-word doc, an empty one."""
    docs = list(nlp.pipe(EXAMPLE_TEXTS))
    sentences = [sent.as_doc() for doc in docs for sent in doc.sents][:60]
    return docs, sentences + [nlp("Yes."), nlp(""), nlp("He said so, she said.")]


def test_build_tagger_trims_its_encoder(tagger, stock):
    assert _node(tagger.model, _trimmed_forward) is not None
    assert _node(stock.model, _trimmed_forward) is None


@pytest.mark.parametrize("batch", ["articles", "sentences", "one_by_one"])
def test_scores_identical_to_the_stock_tagger(tagger, stock, pieces, batch):
    docs, sentences = pieces
    batches = {"articles": [docs], "sentences": [sentences, sentences[::-1]],
               "one_by_one": [[doc] for doc in sentences[:20]] + [[sentences[-2]], [sentences[-1]]]}[batch]
    for docs_in_batch in batches:
        trimmed = tagger.model.predict(docs_in_batch)
        expected = stock.model.predict(docs_in_batch)
        assert len(trimmed) == len(expected)
        for a, b in zip(trimmed, expected):
            assert a.shape == b.shape and a.dtype == b.dtype
            assert numpy.array_equal(a, b)


def test_serialisation_unchanged(nlp, tagger, stock):
    assert stock.model.to_bytes() == tagger.model.to_bytes()
    again = _stock_tagger(nlp, "stock_tagger_2")
    assert trim_encoder(again.model)
    assert again.model.to_bytes() == tagger.model.to_bytes()


def test_training_runs_the_stock_forward(tagger):
    encoder = _node(tagger.model, _trimmed_forward)
    _scores, backprop = encoder([numpy.ones((4, 96), dtype="float32")], is_train=True)
    assert callable(backprop)


def test_rows_read():
    # two pieces of 3 and 5 rows (an empty one between leaves no padding), 12 padding rows around each
    pieces = _piece_rows([3, 0, 5], 12)
    assert len(pieces) == 3 + 5 + 3 * 12
    assert pieces.nonzero()[0].tolist() == [12, 13, 14] + list(range(27, 32))
    masks = _rows_read(pieces, [3, 3, 3, 3])
    assert masks[-1].tolist() == pieces.tolist()  # the last layer: the pieces' own rows
    assert masks[-2].nonzero()[0].tolist() == list(range(9, 18)) + list(range(24, 35))  # within 3 of them
    assert masks[0].sum() == len(pieces) - 2 * 3  # within 9: all but the outer padding's far rows
