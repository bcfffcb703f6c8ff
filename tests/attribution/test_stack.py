"""Stacking (learned/stack.py): the rules' finds as an input of the tagger, the same in training and at run time."""

from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.tokens import Doc
from spacy.training import Example

from claimgraph.attribution import rule_finds
from claimgraph.attribution.found import TEXT_KEY
from claimgraph.attribution.learned.stack import KEY, RULE_FEATURES, features_of, reads_rules, rule_features

# Fictional: a quote the rules find, an indirect statement they find, and sentences they leave alone.
TEXT = ("“The ferry will sail on Friday,” Mara Vell said.\n\n"
        "Ilan Moss told reporters at the harbour office that the fog would lift by noon.\n\n"
        "Gulls circled the harbour. The pilots were calm, a deckhand reckoned, and the tide was high.")


@pytest.fixture(scope="module")
def nlp():
    from claimgraph.nlp import DEFAULT_MODEL, prepare_pipeline

    pipeline = spacy.load(DEFAULT_MODEL)  # a private copy: the tests add a tagger to it
    prepare_pipeline(pipeline)
    return pipeline


def _ruled(doc: Doc) -> list:
    doc.user_data[TEXT_KEY] = doc.text
    try:
        return rule_finds(doc)
    finally:
        doc.user_data.pop(TEXT_KEY, None)


def _tokens(doc: Doc, needle: str) -> range:
    start = TEXT.index(needle)
    span = doc.char_span(start, start + len(needle))
    return range(span.start, span.end)


def test_rule_features_mark_the_rules_spans_by_role_and_kind(nlp) -> None:
    doc = nlp(TEXT)
    found = _ruled(doc)
    features = rule_features(doc, found)
    assert features.shape == (len(doc), RULE_FEATURES)
    quote = _tokens(doc, "The ferry will sail on Friday")
    assert all(features[i, 2] == 1 and features[i, 3] == 0 for i in quote)  # quoted content
    assert all(features[i, 0] == 1 for i in _tokens(doc, "Mara Vell"))  # source
    assert all(features[i, 1] == 1 for i in _tokens(doc, "said"))  # cue
    assert all(features[i, 3] == 1 and features[i, 2] == 0 for i in _tokens(doc, "the fog would lift by noon"))
    assert features[_tokens(doc, "Mara")[0], 4] == 1 and features[_tokens(doc, "Vell")[0], 4] == 0  # span starts
    assert not features[_tokens(doc, "Gulls circled the harbour")].any()  # no rule find there
    assert not features_of(doc).any()  # nothing attached yet: zeros
    assert features_of(doc).shape == features.shape


@pytest.fixture(scope="module")
def stacked(nlp):
    """An untrained stacked tagger (its weights are random: what matters is what it reads)."""
    from claimgraph.attribution.learned.bio import LABELS
    from claimgraph.attribution.learned.train import new_component

    doc = nlp(TEXT)
    ref = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
              tags=[LABELS[0]] * len(doc))
    component, _ = new_component(nlp, [Example(doc, ref)], name="stacked_test", stack=True)
    nlp.remove_pipe("stacked_test")
    softmax = component.model.get_ref("softmax")  # zero at first: give it weights so that its output varies
    softmax.set_param("W", numpy.random.default_rng(17).normal(0, 1, softmax.get_param("W").shape).astype("float32"))
    return component


def test_stacked_tagger_reads_the_rules_columns(nlp, stacked) -> None:
    from claimgraph.attribution.learned import build_tagger
    from claimgraph.attribution.learned.stack import attach

    assert reads_rules(stacked)
    shipped = build_tagger(nlp)
    if shipped is not None:
        assert not reads_rules(shipped)  # the shipped tagger predates stacking: it reads no rule columns
    doc = nlp(TEXT)
    blind = stacked.predict([doc])[0]
    attach(doc, _ruled(doc))
    seeing = stacked.predict([doc])[0]
    quote = _tokens(doc, "The ferry will sail on Friday")
    assert not numpy.allclose(blind[quote.start:quote.stop], seeing[quote.start:quote.stop])


def test_tag_gives_each_window_the_slice_of_its_docs_columns(nlp, stacked) -> None:
    """At run time the tagger reads, in each window it tags, the columns of the whole Doc's rule finds; the Doc
    handed back carries no array."""
    from claimgraph.attribution.learned.stack import attach
    from claimgraph.attribution.learned.windows import tag, windows

    doc = nlp(TEXT)
    found = _ruled(doc)
    covered = [s for item in found for s in item.content]
    ranges = windows(doc, covered)
    assert ranges and all(e - s < len(doc) for s, e in ranges)  # windows, not the whole Doc
    tag(stacked, [doc], "windows", rules=[found])
    assert KEY not in doc.user_data
    expected = attach(doc, found)
    for s, e in ranges:
        piece = doc[s:e].as_doc()
        piece.user_data[KEY] = expected[s:e]
        assert numpy.allclose(doc._.attr_probs[s:e], stacked.predict([piece])[0], atol=1e-5)
        piece.user_data.pop(KEY)
        assert not numpy.allclose(doc._.attr_probs[s:e], stacked.predict([piece])[0], atol=1e-5)


def test_training_examples_carry_the_rules_columns_of_run_time(nlp, tmp_path) -> None:
    """make_examples(stack=True) attaches what the component computes before tagging: the same rule_finds over
    the same parse."""
    from claimgraph.attribution.learned.train import make_examples
    from claimgraph.eval.polnear import GoldArticle

    doc = nlp(TEXT)
    article = GoldArticle(name="harbour", publisher="fictional", text=TEXT, attributions=(),
                          text_path=tmp_path / "harbour.txt", ann_path=tmp_path / "harbour.ann")
    [example] = make_examples([doc], [article], stack=True)
    assert example.predicted is doc
    fresh = nlp(TEXT)
    assert numpy.array_equal(features_of(doc), rule_features(fresh, _ruled(fresh)))
    assert features_of(doc).any()


def test_a_saved_stacked_tagger_loads_stacked(nlp, tmp_path) -> None:
    """Saved by the training code (save_model) and read back as the component reads it (build_tagger): still a
    stacked tagger, with the same weights."""
    from claimgraph.attribution.learned import build_tagger
    from claimgraph.attribution.learned.bio import LABELS
    from claimgraph.attribution.learned.stack import attach
    from claimgraph.attribution.learned.train import new_component, save_model

    doc = nlp(TEXT)
    ref = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
              tags=[LABELS[0]] * len(doc))
    component, transitions = new_component(nlp, [Example(doc, ref)], name="saved_test", stack=True)
    save_model(nlp, tmp_path / "stacked", transitions, 0.3, 0.0, {}, name="saved_test")
    nlp.remove_pipe("saved_test")
    loaded = build_tagger(nlp, tmp_path / "stacked")
    assert reads_rules(loaded)
    attach(doc, _ruled(doc))
    assert numpy.allclose(loaded.model.get_ref("tok2vec").predict([doc])[0],
                          component.model.get_ref("tok2vec").predict([doc])[0], atol=1e-5)
