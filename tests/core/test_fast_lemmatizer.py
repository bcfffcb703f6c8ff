"""The lemmatizer as `extract` runs it (nlp/lemmatizer.py: lemmas kept per text, POS and morphology, the index
looked up in sets) gives the stock EnglishLemmatizer's lemma on every token of real parses: the examples, the
reference article and FNC-1 bodies where the shared data is there."""

import pickle

import pytest
import spacy
from spacy.attrs import LEMMA, MORPH, ORTH, POS, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer

from claimgraph.nlp import DEFAULT_MODEL, load_pipeline, prepare_pipeline
from claimgraph.nlp.lemmatizer import FastEnglishLemmatizer, speed_up_lemmatizer
from tests.core.test_fast_ruler import CRAFTED, texts

# Forms the index decides ("bitten" -> "bite" is an exception, "ferries" -> "ferry" a rule whose form is in the
# index, "zorbles" a form it is not in), a proper noun, an inflected adjective, numbers and punctuation.
LEMMA_CASES = ("The ferries were bitten by zorbles; Ilan Moss's boats sailed faster and the harbours' "
               "newest cranes lifted 4,200 crates on 3 Oct. Children ran, geese flew, she'd gone.\n\n")


@pytest.fixture(scope="module")
def parsed():
    """Each text parsed once without the lemmatizer, so that both lemmatizers start from the same Doc."""
    nlp = spacy.load(DEFAULT_MODEL)
    prepare_pipeline(nlp)
    with nlp.select_pipes(disable=["lemmatizer"]):
        return nlp, list(nlp.pipe([LEMMA_CASES, CRAFTED] + texts()))


def test_the_same_lemma_on_every_token(parsed):
    nlp, docs = parsed
    stock = nlp.get_pipe("lemmatizer")
    fast = pickle.loads(pickle.dumps(stock))  # a copy with its own cache
    assert type(fast) is EnglishLemmatizer and fast.mode == "rule"
    fast.__class__ = FastEnglishLemmatizer
    attrs = [ORTH, TAG, POS, MORPH, LEMMA]
    tokens = 0
    for doc in docs:
        expected, got = stock(doc.copy()), fast(doc.copy())
        assert [t.lemma_ for t in got] == [t.lemma_ for t in expected], doc.text[:60]
        assert (got.to_array(attrs) == expected.to_array(attrs)).all(), doc.text[:60]
        tokens += len(doc)
    assert tokens > 1000
    first = fast(docs[0].copy())
    assert [t.lemma_ for t in first][:7] == ["the", "ferry", "be", "bite", "by", "zorble", ";"]


def test_lemmas_set_before_it_are_kept(parsed):
    """The attribute ruler may set a lemma (overwrite is off): the lemmatizer leaves it, as the stock one does."""
    nlp, _ = parsed
    fast = pickle.loads(pickle.dumps(nlp.get_pipe("lemmatizer")))
    fast.__class__ = FastEnglishLemmatizer
    with nlp.select_pipes(disable=["lemmatizer"]):
        doc = nlp("The ferries were late.")
    doc[1].lemma_ = "boat"
    assert [t.lemma_ for t in fast(doc)] == ["the", "boat", "be", "late", "."]


def test_the_loaded_pipeline_has_it_and_still_pickles():
    nlp = load_pipeline(DEFAULT_MODEL)  # what extract runs
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert type(lemmatizer) is FastEnglishLemmatizer
    copy = pickle.loads(pickle.dumps(lemmatizer))  # spawned `nlp.pipe(n_process=2)` workers get a pickled pipeline
    assert type(copy) is FastEnglishLemmatizer
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser", "attribute_ruler"]):
        doc = nlp("The geese flew over the harbours.")
    expected = [t.lemma_ for t in EnglishLemmatizer.__call__(lemmatizer, doc.copy())]  # spaCy's own code
    assert [t.lemma_ for t in copy(doc)] == expected == ["the", "goose", "fly", "over", "the", "harbour", "."]


def test_other_lemmatizers_are_left_alone():
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert not speed_up_lemmatizer(nlp)
    assert type(nlp.get_pipe("lemmatizer")) is not FastEnglishLemmatizer
    assert not speed_up_lemmatizer(spacy.blank("en"))  # no lemmatizer at all
