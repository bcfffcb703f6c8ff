"""Issue 12's cost: extraction records what each statement predicates, read from its article's own parse
(claimgraph.nlp.predicates), and claim linking compares those instead of parsing the statements again. Only
statements without recorded predicates (rows stored by an older version) are parsed. Fictional names and places
only; every sentence is parsed by the real pipeline.
"""

from __future__ import annotations

import numpy as np
import pytest

from claimgraph.claims import predicates
from claimgraph.claims.grouping import group_statements
from claimgraph.claims.predicates import across_uncorresponding, parse_predicates, predicates_from, predicates_of
from claimgraph.nlp import load_pipeline
from claimgraph.nlp.predicates import PredicateWords, content_tokens, decode, encode, predicate_words
from claimgraph.records import Article
from tests.conftest import extract, only_by_cue

RESIGNS = "Mayor Ilse Quarrow will resign her post after the harvest festival in Tobrenne"
SIBLINGS = ["the Velmora dam scandal should worry voters before the election",
            "the Velmora dam scandal was handled properly by the regional board"]


def _no_parsing(*_args, **_kwargs):
    raise AssertionError("linking parsed a statement whose predicates were recorded")


def test_extraction_records_the_contents_predicates_from_the_articles_parse(extractor):
    found = extract(extractor, f"Councillor Brenn Ashdown said {RESIGNS}.")
    said = only_by_cue(found, "said")
    assert said.predicates is not None and "resign" in said.predicates.heads
    # the content read inside its article predicates what the content parsed alone does
    assert predicates_from(said.predicates) == parse_predicates([said.content])[0]
    # not part of the `extract` JSON contract
    assert "predicates" not in said.to_json("t")


def test_a_content_whose_head_lies_outside_it_is_read_as_its_own_root():
    nlp = load_pipeline()
    doc = nlp("Councillor Brenn Ashdown announced the resignation of the Tobrenne harbour master.")
    content = doc.text.index("the resignation")
    tokens = content_tokens(doc, [(content, len(doc.text) - 1)])
    # "resignation" is the object of "announced" in the article: inside the statement it is the root, as in the
    # statement's own parse (a nominal root predicates itself)
    assert predicate_words(tokens).heads[:1] == ("resignation",)
    assert predicates_of(tokens) == predicates_of(nlp(doc.text[content:-1]))


def test_only_children_inside_the_statement_count():
    doc = load_pipeline()("Pellmouth dockers staged a walkout over unpaid overtime.")
    whole = predicate_words(doc)
    assert len(whole.verbs) == 1   # "staged", by the lemmatiser's own lemma
    assert whole.objects == ("walkout",)
    cut = doc.text.index(" a walkout")
    assert predicate_words(content_tokens(doc, [(0, cut)])).objects == ()   # the object is outside this statement


def test_the_stored_form_round_trips():
    words = PredicateWords(("careless",), (), ("bridge",))
    assert decode(encode(words)) == words
    assert encode(None) is None and decode(None) is None


def test_recorded_predicates_are_compared_without_parsing(monkeypatch):
    monkeypatch.setattr(predicates, "parse_predicates", _no_parsing)
    resign = PredicateWords(("resign",), ("resign",), ("post",))
    resignation = PredicateWords(("resignation",), (), ())
    worry = PredicateWords(("worry",), ("worry",), ("voter",))
    pairs = np.asarray([[0, 1], [0, 2]])
    recorded = [resign, resignation, worry]
    assert across_uncorresponding(["", "", ""], pairs, ["a", "b", "c"], recorded).tolist() == [False, True]


def test_a_statement_without_recorded_predicates_is_parsed():
    texts = SIBLINGS
    pairs = np.asarray([[0, 1]])
    recorded = [predicate_words(load_pipeline()(texts[0])), None]
    assert across_uncorresponding(texts, pairs, ["gazette", "courier"], recorded).tolist() == [True]


@pytest.mark.parametrize("by", ["recorded", "parsed"])
def test_grouping_reads_the_recorded_predicates(monkeypatch, by):
    recorded = [predicate_words(doc) for doc in load_pipeline().pipe(SIBLINGS)]
    if by == "recorded":
        monkeypatch.setattr(predicates, "parse_predicates", _no_parsing)
    labels = group_statements(SIBLINGS, sources=["gazette", "courier"],
                              predicates=recorded if by == "recorded" else None)
    assert labels[0] != labels[1]   # siblings of one story, apart across articles either way
    # without the test they join: the recorded predicates are what kept them apart
    monkeypatch.setattr(predicates, "ACROSS", False)
    off = group_statements(SIBLINGS, sources=["gazette", "courier"], predicates=recorded)
    assert off[0] == off[1]


def test_an_article_records_predicates_for_every_statement_with_content(extractor):
    text = ("Mayor Ilse Quarrow said the Velmora dam scandal was handled properly. \"We will rebuild the Tobrenne "
            "bridge,\" the Velmora board told reporters.")
    found = extractor.extract(Article(ref="t", text=text))
    assert found and all(a.predicates is not None for a in found if a.content)


def test_the_spark_attributions_rows_carry_them(extractor):
    from claimgraph.spark import parquet

    article = Article(ref="t", text=f"Councillor Brenn Ashdown said {RESIGNS}.")
    said = only_by_cue(extractor.extract(article), "said")
    row = parquet.attribution_row(said, article)
    assert row["predicates"] == encode(said.predicates)
    assert parquet.attribution_from_row(row).predicates == said.predicates
    assert "predicates" not in parquet.CONTRACT_FIELDS   # the extract contract is unchanged
