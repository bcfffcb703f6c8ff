"""Sibling claims inside one article (issue 12): an article's statements about its story share the story's
words while each says something else about it. Inside one article, as across two, two statements that only words
and embeddings bring together are one claim when what they predicate corresponds (`predicates.inside_uncorresponding`);
what the article's own rules join (claims.references) is left to them, and so are statements whose parse cannot say
what they predicate (`predicates.readable`). Fictional names and places only; every sentence is parsed by the real
pipeline.
"""

from __future__ import annotations

import numpy as np
import pytest

from claimgraph.claims import predicates
from claimgraph.claims.link import link_statements
from claimgraph.claims.predicates import inside_uncorresponding, parse_predicates, readable
from tests.claims.helpers import joined
from tests.claims.test_inside_article_evidence import _statement

# Two quotes of one harbour master about one crane: what will happen to it, and what it does now.
CRANE = ["The Quellmoor crane must be replaced before the winter storms",
         "The Quellmoor crane still lifts forty containers every single day"]
# The council's news, and the mayor's quote that says it again.
LIBRARY = ["The Brackwater council will close the Marsh Lane library in June",
           "We will close the Marsh Lane library in June because the roof is failing"]


def test_two_sibling_quotes_of_one_speaker_in_one_article_are_two_claims(monkeypatch):
    quotes = [_statement(0, CRANE[0], "Maren Tolliver"), _statement(1, CRANE[1], "Maren Tolliver")]
    claims = link_statements(quotes)
    assert sorted(len(c.voices) for c in claims) == [1, 1]
    # the crane's words joined them before the test applied inside an article
    monkeypatch.setattr(predicates, "INSIDE", False)
    assert [len(c.voices) for c in link_statements(quotes)] == [2]


def test_a_restatement_inside_the_article_stays_one_claim():
    lede, quote = _statement(0, LIBRARY[0], "Brackwater council"), _statement(1, LIBRARY[1], "Odile Farrant")
    (claim,) = link_statements([lede, quote])
    assert {v.attribution_id for v in claim.voices} == {"s0", "s1"}
    assert joined(LIBRARY, sources=["gazette", "gazette"]) == [[0, 1]]


def test_only_pairs_of_one_article_that_its_rules_did_not_join_are_tested(monkeypatch):
    pair = np.asarray([[0, 1]])
    assert inside_uncorresponding(CRANE, pair, ["gazette", "gazette"]).tolist() == [True]
    # the article's own rules put them in one group: left to those rules
    assert inside_uncorresponding(CRANE, pair, ["gazette", "gazette"], tied=[7, 7]).tolist() == [False]
    assert inside_uncorresponding(CRANE, pair, ["gazette", "gazette"], tied=[7, 8]).tolist() == [True]
    # two articles: the test across them (across_uncorresponding) decides, not this one
    assert inside_uncorresponding(CRANE, pair, ["gazette", "courier"]).tolist() == [False]
    assert not inside_uncorresponding(CRANE, pair, None).any()
    monkeypatch.setattr(predicates, "INSIDE", False)
    assert not inside_uncorresponding(CRANE, pair, ["gazette", "gazette"]).any()


@pytest.mark.parametrize("text", [
    "how his Quellmoor neighbour became a citizen",             # "become": a light verb, no predicate read
    "Harbour Crane At Quellmoor Will Be Scrapped After Storms",  # Title Case: parsed as a string of names
    "the crane had rusted",                                       # two content words: its meaning decides
], ids=["no-predicate", "title-case", "short"])
def test_a_statement_whose_parse_cannot_say_what_it_predicates_is_left_to_its_words(text):
    (said,) = parse_predicates([text])
    assert not readable(text, said)
    texts = [CRANE[1], text]
    assert inside_uncorresponding(texts, np.asarray([[0, 1]]), ["gazette", "gazette"]).tolist() == [False]


def test_a_plain_statement_is_readable():
    (said,) = parse_predicates([CRANE[0]])
    assert readable(CRANE[0], said) and "replac" in said.heads
