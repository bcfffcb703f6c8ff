"""Emergent's grouping with each headline its own outlet's article (issue 12, session 17): `eval.emergent.grouped`
and `join_examples` with the headlines' predicates (`headline_predicates`, read from their parse) group them as
`link-claims` groups statements of different articles, the predicates test across articles included; without
predicates they group as the shipped figures do. Fictional names and places only; headlines parsed by the real
pipeline."""

from __future__ import annotations

from claimgraph.eval import emergent

SIBLINGS = ["the Velmora dam scandal should worry voters before the election",
            "the Velmora dam scandal was handled properly by the regional board"]
RESIGNS = ["Mayor Ilse Quarrow will resign her post after the harvest festival in Tobrenne",
           "the resignation of Mayor Ilse Quarrow from her post after the harvest festival in Tobrenne"]


def test_sibling_headlines_split_when_each_is_its_own_article():
    said = emergent.headline_predicates(SIBLINGS)
    assert len(set(emergent.grouped(SIBLINGS).tolist())) == 1           # one batch, no articles: joined
    assert len(set(emergent.grouped(SIBLINGS, said).tolist())) == 2     # two outlets, "worry" / "handle": apart


def test_a_restatement_still_joins_when_each_is_its_own_article():
    assert len(set(emergent.grouped(RESIGNS, emergent.headline_predicates(RESIGNS)).tolist())) == 1


def test_join_examples_read_the_pairs_the_predicates_test_keeps():
    """The siblings' join is an example of the shipped grouping; with their predicates they are no candidates, so
    the join model is trained on what that grouping would attempt."""
    texts = SIBLINGS + RESIGNS
    gold = ["worry", "handled", "resign", "resign"]
    _, y = emergent.join_examples(texts, gold)
    _, y_said = emergent.join_examples(texts, gold, emergent.headline_predicates(texts))
    assert 0 in y.tolist() and y_said.tolist() == [1]
