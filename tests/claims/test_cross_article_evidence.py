"""Two statements of different articles are one claim only on specific shared evidence (evidence.across_unanchored,
issue 12): the words they share must be uncommon in general English (CROSS_ZIPF_TOP less each word's Zipf
frequency), and the more statements the two articles hold (the more pairs they offer for a chance overlap), the
more of it they must share: CROSS_INFO x log2(statements of one article x of the other). Two long articles that
only share their topic words ("renewable energy") stay apart; a restatement that names its subject (a place, a
person) still joins across them; one-statement sources (Emergent's headlines) need nothing more. Fictional names."""

from __future__ import annotations

from collections.abc import Sequence

from claimgraph.claims import evidence, predicates, vectors
from tests.claims.helpers import joined

# Article A: the Kestrel Downs wind farm; article B: a county budget. Ten statements each, about different things.
ARTICLE_A = [
    "Output from the Kestrel Downs turbines fell by a third in the calm spell",                        # 0
    "The county's reliance on renewable energy caused the blackouts",                                 # 1
    "Maintenance crews at Kestrel Downs replaced two cracked blades in August",                        # 2
    "The Varnell ferry crew walked out over unpaid overtime",                                         # 3
    "Kestrel Downs will add a battery store beside the substation",                                   # 4
    "Farmers near the turbines were paid for the access roads",                                       # 5
    "Birdwatchers counted fewer kites along the ridge this spring",                                   # 6
    "The operator blamed a faulty relay for the March shutdown",                                       # 7
    "Noise complaints from Abbotsmere residents have halved since the retrofit",                      # 8
    "The grid operator asked Kestrel Downs to curtail output at night",                               # 9
]
ARTICLE_B = [
    "The Tollbridge county budget sets aside money for new school roofs",                              # 10
    "Councillors promised that renewable energy would power every library",                           # 11
    "Bus fares in Tollbridge will stay frozen for another year",                                      # 12
    "Crew members of the Varnell ferry staged a walkout over overtime pay",                           # 13
    "The Tollbridge treasurer warned that pension costs keep rising",                                 # 14
    "A new cycle lane will link the station to the hospital",                                         # 15
    "Parking charges at the Lindqvist car park doubled in April",                                     # 16
    "The swimming pool on Quarry Street will close for repairs",                                      # 17
    "Street lighting will switch to dimmer lamps after midnight",                                     # 18
    "The budget passed by nine votes to four",                                                        # 19
]
TEXTS = ARTICLE_A + ARTICLE_B
SOURCES = ["kestrel"] * len(ARTICLE_A) + ["tollbridge"] * len(ARTICLE_B)


def claims_of(sources: Sequence[str] | None) -> list[list[int]]:
    """The claims of several statements (inside an article the Kestrel Downs and Tollbridge ones join too)."""
    return joined(TEXTS, sources)


def test_two_long_articles_sharing_only_topic_words_stay_apart_and_a_named_restatement_joins(monkeypatch):
    # "The county's reliance on renewable energy caused the blackouts" and "renewable energy would power every
    # library" share two topic words, rare in these twenty statements but common in English: apart.
    claims = claims_of(SOURCES)
    assert [3, 13] in claims   # the walkout, named in both: one claim across the two articles
    across = [g for g in claims if len({SOURCES[i] for i in g}) > 1]
    assert across == [[3, 13]]
    # Without the test (or without articles, each statement its own source) the topic words join them. The
    # predicates' test across articles (round 8) would keep them apart too ("caused" / "power"): off here, so that
    # this checks the evidence test alone.
    monkeypatch.setattr(evidence, "CROSS_INFO", None)
    monkeypatch.setattr(predicates, "ACROSS", False)
    assert [1, 11] in claims_of(SOURCES)
    monkeypatch.undo()
    assert [1, 11] in claims_of(None)


def test_the_evidence_needed_grows_with_the_statements_of_the_two_articles():
    words, emb, info = vectors.statement_vectors(TEXTS)
    pairs = evidence.np.asarray([[1, 11], [3, 13]])
    assert evidence.across_unanchored(pairs, words, info, SOURCES).tolist() == [True, False]
    # one statement a source (Emergent's headlines): log2(1 x 1) = 0, nothing more needed
    assert evidence.across_unanchored(pairs, words, info, [str(i) for i in range(len(TEXTS))]).tolist() == [False,
                                                                                                           False]
    # the same article: the other tests decide
    assert evidence.across_unanchored(pairs, words, info, ["one"] * len(TEXTS)).tolist() == [False, False]
