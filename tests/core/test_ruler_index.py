"""The vectorised attribute ruler (nlp/ruler.py) visits, per Doc, only the pattern alternatives whose anchor value
(a word, a tag) the Doc holds (issue 9, speed; the twelfth session): the same matches as the stock Matcher, on a
fictional text that reaches the two-token, DEP, IS_SPACE and regex rules. tests/core/test_fast_ruler.py compares
every token's attributes on real text."""

import pytest
import spacy

from claimgraph.nlp import DEFAULT_MODEL, load_pipeline
from claimgraph.nlp.ruler import VectorMatcher

TEXT = ("Dana Talbot ain't gonna sail, y'all. Let's go to Port Ellis, c'mon!  Nothin' doing.\n\nThere is a ferry. "
        "Mayor Ilse Marr gave it to you and me, and they got ta leave; she gets it.\n")


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(DEFAULT_MODEL)


def test_most_alternatives_are_indexed_by_their_anchor_value(nlp):
    matcher = nlp.get_pipe("attribute_ruler").match.matcher
    indexed = sum(len(entries) for index in matcher.by_value for entries in index.values())
    assert indexed >= 150 and len(matcher.scanned) <= 5  # a regex or two; the rest by a word, a tag, a dependency


def test_indexed_matching_gives_the_stock_matches(nlp):
    stock = spacy.load(DEFAULT_MODEL)
    ruler = stock.get_pipe("attribute_ruler")
    doc = stock.make_doc(TEXT)
    for name, component in stock.pipeline:
        if name == "attribute_ruler":
            break
        doc = component(doc)
    assert VectorMatcher(ruler)(doc) == sorted(ruler.match(doc))
