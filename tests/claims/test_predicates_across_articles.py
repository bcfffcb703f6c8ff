"""Claims across outlets (issue 12): two articles on one story share its words in statements that say
different things about it (siblings, not one proposition). Across articles two statements join only when what they
predicate corresponds, read from their parse (claims.predicates): a predicate in common ("resign" / "resignation"),
or a verb of one that is the noun object of the other ("walked out" / "staged a walkout"). Fictional names and
places only; every sentence is parsed by the real pipeline.
"""

from __future__ import annotations

import numpy as np
import pytest

from claimgraph.claims import predicates
from claimgraph.claims.predicates import across_uncorresponding, corresponding, parse_predicates
from tests.claims.helpers import joined

SIBLINGS = ["the Velmora dam scandal should worry voters before the election",
            "the Velmora dam scandal was handled properly by the regional board"]
FEVER = ["Governor Tessa Brunwick will recover fully from the Harlow fever",
         "Governor Tessa Brunwick stayed at home with the Harlow fever this week"]
RESIGNS = ["Mayor Ilse Quarrow will resign her post after the harvest festival in Tobrenne",
           "the resignation of Mayor Ilse Quarrow from her post after the harvest festival in Tobrenne"]
WALKOUT = ["dockers at Pellmouth walked out over unpaid overtime on the quays",
           "Pellmouth dockers staged a walkout over unpaid overtime on the quays"]


@pytest.mark.parametrize("texts", [SIBLINGS, FEVER], ids=["scandal", "fever"])
def test_siblings_of_one_story_stay_apart_across_articles(monkeypatch, texts):
    # "should worry voters" / "was handled properly": the story's words in common, different predicates
    assert joined(texts, sources=["gazette", "courier"]) == []
    # without the predicate test the story's words joined them across the two articles (inside one article the
    # same test applies since round 12: tests/claims/test_predicates_inside_article.py)
    monkeypatch.setattr(predicates, "ACROSS", False)
    assert joined(texts, sources=["gazette", "courier"]) == [[0, 1]]
    monkeypatch.setattr(predicates, "INSIDE", False)
    assert joined(texts, sources=["gazette", "gazette"]) == [[0, 1]]


@pytest.mark.parametrize("texts", [RESIGNS, WALKOUT], ids=["nominalised", "light-verb"])
def test_a_restatement_in_other_words_still_joins_across_articles(texts):
    assert joined(texts, sources=["gazette", "courier"]) == [[0, 1]]


def test_a_verb_meets_its_nominalisation_by_stem():
    verb, noun = parse_predicates(RESIGNS)
    assert "resign" in verb.heads and "resign" in noun.heads
    assert corresponding(verb, noun)


def test_a_verb_meets_the_noun_object_of_a_light_verb():
    walked, staged = parse_predicates(WALKOUT)
    assert walked.heads.isdisjoint(staged.heads)   # "walk" / "stage": no predicate in common
    assert "walk" in staged.objects                 # … but "a walkout" is what "staged" states
    assert corresponding(walked, staged) and corresponding(staged, walked)


def test_a_copula_predicates_through_its_complement_and_a_catenative_verb_through_its_complement():
    (careless,) = parse_predicates(["the Brenmoor council was extremely careless with the flood reserve money"])
    assert careless.heads == frozenset({"carele"})
    (trying,) = parse_predicates(["the Harwick panel is trying to overturn the ferry ruling"])
    assert "overtu" in trying.heads and "try" not in trying.heads


def test_only_pairs_of_two_articles_are_tested():
    texts = SIBLINGS + RESIGNS
    pairs = np.asarray([[0, 1], [2, 3]])
    assert across_uncorresponding(texts, pairs, ["a", "b", "a", "b"]).tolist() == [True, False]
    assert across_uncorresponding(texts, pairs, ["a", "a", "b", "b"]).tolist() == [False, False]
    assert across_uncorresponding(texts, pairs, None).tolist() == [False, False]   # Emergent: no articles


def test_a_quote_carried_verbatim_joins_whatever_its_parse():
    # the same eight words and more in two outlets: one claim, though one outlet's cut adds a clause of its own
    texts = ["we will not sell the Ashcombe orchard to any developer while I am mayor",
             "Ashcombe's mayor said the town was proud, adding: we will not sell the Ashcombe orchard to any "
             "developer while I am mayor"]
    assert joined(texts, sources=["gazette", "courier"]) == [[0, 1]]
