"""Issue 12: opposite statements about one thing ("the levy is illegal" / "the levy is entirely legal") are one claim
whose voices take opposite stances, not two claims, nor one claim of two assenting voices. A predicate that is the
other's with a negating prefix corresponds (claims.predicates) and reads as a negation (claims.stance,
claims.toward_claim). Fictional articles, real parses, a real SQLite file."""

from __future__ import annotations

from claimgraph.claims.grouping import prefix_opposite
from claimgraph.claims.predicates import corresponding, parse_predicates
from claimgraph.claims.toward_claim import hand_features
from claimgraph.records import Article
from tests.conftest import linked_claims

ARTICLES = [
    Article(ref="gazette", publisher="Marlow Gazette", published="2031-04-02", title="Levy row in Marlow",
            text="Levy row in Marlow\n\nMARLOW - The harbour levy that the Marlow council passed in March is illegal, "
                 "councillor Petra Orrin said on Tuesday.\n\nOrrin said the council had ignored its own rules. The "
                 "council will meet again on Friday."),
    Article(ref="courier", publisher="Dunmore Courier", published="2031-04-03", title="Moorings for Dunmore",
            text="Moorings for Dunmore\n\nMarlow's new harbour levy is entirely legal, Mayor Tomas Vell "
                 "said on Wednesday.\n\nVell said the money would pay for new moorings. Fishermen have asked "
                 "for the moorings for years."),
]


def test_a_thing_said_legal_in_one_outlet_and_illegal_in_another_is_one_claim_of_opposite_stances(tmp_path,
                                                                                                  extractor):
    claims = linked_claims(tmp_path / "levy.db", extractor, ARTICLES)
    levy = [c for c in claims if any("levy" in (v.words or "") for v in c.voices)]
    assert len(levy) == 1
    stances = {v.speaker.name if v.speaker else None: v.stance for v in levy[0].voices}
    assert stances == {"Petra Orrin": "dispute", "Tomas Vell": "assert"}   # "illegal": "legal" negated
    assert levy[0].gist.endswith("levy is entirely legal")   # the proposition the voices stand toward


def test_a_prefixed_opposite_corresponds_and_a_false_prefix_does_not():
    legal, illegal, count, discount = parse_predicates(
        ["The Dunmore levy is legal.", "The Dunmore levy is illegal.", "The Dunmore shop will count the coins.",
         "The Dunmore shop will discount the coins."])
    assert corresponding(legal, illegal)
    assert not corresponding(count, discount)   # "dis-" here negates nothing
    assert prefix_opposite("illegal", "legal") and prefix_opposite("unlikely", "likely")
    assert prefix_opposite("disagree", "agree") and prefix_opposite("unsafe", "safe")
    # a prefix-like start whose remainder is no word ("interest", "industry"), is shorter than four letters
    # ("unit" / "it"), or is no negation ("inform" / "form", "discount" / "count")
    for word, rest in (("interest", "rest"), ("industry", "dustry"), ("unit", "it"), ("inform", "form"),
                       ("discount", "count"), ("impose", "pose")):
        assert not prefix_opposite(word, rest), (word, rest)


def test_a_prefixed_opposite_counts_as_a_negation_against_the_gist():
    negation_only_one_side = 0
    gist = "The Dunmore harbour levy is legal"
    assert hand_features("The Dunmore harbour levy is illegal", gist)[negation_only_one_side] == 1.0
    assert hand_features("The Dunmore harbour levy is not illegal", gist)[negation_only_one_side] == 0.0
    assert hand_features("The Dunmore harbour levy is legal", gist)[negation_only_one_side] == 0.0
