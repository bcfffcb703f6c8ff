"""The attribute ruler's vectorised matching (nlp/ruler.py) gives the stock Matcher's matches and, through the
ruler's own set_annotations, the same token attributes, on real text: the reference article, the examples and
FNC-1 bodies where the shared data is there."""

import csv
import sys

import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

from claimgraph.nlp import DEFAULT_MODEL, load_pipeline, prepare_pipeline
from claimgraph.nlp.ruler import VectorMatcher, speed_up_attribute_ruler
from tests.conftest import EXAMPLES, shared_path

# Every kind of pattern the shipped ruler holds: two-token rules ("gonna", "y'all", "let's", "ain't", "c'mon"),
# regexes ("nothin'"), DEP rules (objects "it"/"you"/"i", expletive "there is", auxiliaries), IS_SPACE.
CRAFTED = ("I ain't gonna do it, y'all. Let's go, c'mon!  Nothin' doing.\n\nThere is a boat. She gave it to you "
           "and me, and they got ta leave; he gets it. Whether or not it is, I'd have had it done.\n")


def texts() -> list[str]:
    found = [CRAFTED] + [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    bodies = shared_path("data", "fnc1", "train_bodies.csv")
    if bodies.exists():
        # The csv module's field limit is process-wide (the CSV reader sets its own cap): raise it for this file
        # only, then put it back.
        before = csv.field_size_limit(sys.maxsize)
        try:
            with open(bodies, encoding="utf-8", newline="") as f:
                found += [row["articleBody"] for _, row in zip(range(40), csv.DictReader(f))]
        finally:
            csv.field_size_limit(before)
    return found


@pytest.fixture(scope="module")
def stock():
    return spacy.load(DEFAULT_MODEL)


def test_same_matches_as_the_stock_matcher(stock):
    ruler = stock.get_pipe("attribute_ruler")
    vector = VectorMatcher(ruler)
    with stock.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        docs = list(stock.pipe(texts()))
    assert sum(len(ruler.match(doc)) for doc in docs) > 1000
    for doc in docs:
        assert vector(doc) == ruler.match(doc), doc.text[:60]


def test_regex_answers_kept_across_docs_give_the_same_matches(stock, monkeypatch):
    """A REGEX constraint keeps its answer per string hash from Doc to Doc (ruler._Constraint._searched): the
    matches are the stock Matcher's with the answers kept, and with them emptied at every new string."""
    from claimgraph.nlp import ruler as module

    ruler = stock.get_pipe("attribute_ruler")
    with stock.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        docs = list(stock.pipe(texts()))
    expected = [ruler.match(doc) for doc in docs]
    kept = VectorMatcher(ruler)
    assert [kept(doc) for doc in docs] == expected
    regexes = [c for _, _, compiled in kept.rules for alternative in compiled
               for c in [alternative[2]] + [c for _, c in alternative[3]] if c is not None and c.regex is not None]
    assert regexes and any(c.searched for c in regexes)  # the shipped ruler has REGEX patterns ("nothin'")
    assert [kept(doc) for doc in docs] == expected  # a second pass reads only kept answers
    monkeypatch.setattr(module, "SEARCHED_SIZE", 0)
    emptied = VectorMatcher(ruler)
    assert [emptied(doc) for doc in docs] == expected


def test_the_loaded_pipeline_annotates_as_the_stock_one():
    assert "match" in vars(load_pipeline(DEFAULT_MODEL).get_pipe("attribute_ruler"))  # what extract runs
    fast, stock = spacy.load(DEFAULT_MODEL), spacy.load(DEFAULT_MODEL)
    for nlp in (fast, stock):
        prepare_pipeline(nlp)  # the same tokenizer and boundaries; only the ruler's matching differs
    assert speed_up_attribute_ruler(fast)
    assert "match" not in vars(stock.get_pipe("attribute_ruler")) and stock.pipe_names == fast.pipe_names
    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD, SENT_START, ENT_IOB, ENT_TYPE]
    for got, expected in zip(fast.pipe(texts()), stock.pipe(texts())):
        assert (got.to_array(attrs) == expected.to_array(attrs)).all(), got.text[:60]


def test_a_ruler_with_patterns_it_cannot_replicate_keeps_the_stock_matcher():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"LEMMA": "very"})
    assert not speed_up_attribute_ruler(nlp)
    assert "match" not in vars(ruler)


def test_patterns_added_later_are_still_applied(stock):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "ferry"}]], {"LEMMA": "boat"})
    assert speed_up_attribute_ruler(nlp)
    ruler.add([[{"LOWER": "harbour"}]], {"LEMMA": "port"})
    doc = nlp("The ferry left the harbour.")
    assert [t.lemma_ for t in doc][1:5] == ["boat", "", "", "port"]


def test_the_ruler_still_pickles_with_its_matcher():
    """`nlp.pipe(n_process=2)` pickles the components where processes are spawned (macOS, Windows)."""
    import pickle

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "ferry"}]], {"LEMMA": "boat"})
    assert speed_up_attribute_ruler(nlp)
    copy = pickle.loads(pickle.dumps(ruler))
    doc = nlp.make_doc("The ferry left.")
    assert copy.match(doc) == ruler.match(doc) and len(ruler.match(doc)) == 1
