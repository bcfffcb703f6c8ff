"""Inside one article, claims are propositions, not the article's subject (issue 12, session 9). On real pages every
statement of an article shares its subject ("carbon emissions", "Covid-19", "food standards"), and an article of k
statements offers k^2 / 2 pairs: two that share two topic words by chance were one claim (an interview's answers, a
report's figures and a reaction to them). The semantic step now asks of two statements of one article the evidence
it asks of two articles (`evidence.inside_unanchored`: specific stems, CROSS_ZIPF_TOP less their Zipf frequency,
at least INSIDE_INFO x log2(statements of the article) and INSIDE_SHARE of the less informative statement's own);
the article's own rules no longer tie two statements of one speaker through two shared words
(`references.SAME_SPEAKER_MIN`), nor resolve a reference whose modifier names no speaker of the article to the
statement before it (`references.NAMED_ONLY`). Fictional companies, places and people."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from claimgraph.claims import evidence, predicates, references, vectors
from claimgraph.claims.statement import Statement
from claimgraph.records import Attribution, Speaker
from tests.claims.helpers import joined

# One article of twelve statements about a fictional bakery chain: 0 and 3 are one proposition (the 2035 target);
# 1 and 2 are other things about its carbon emissions. Six statements of another article beside it.
BREVIK = [
    "Brevik Foods will halve its carbon emissions by 2035",               # 0
    "Drivers pay a fee on their carbon emissions",                        # 1
    "Carbon emissions from the ovens rose",                               # 2
    "Brevik Foods plans to cut its carbon emissions in half by 2035",     # 3
    "The new sourdough line sold out within a week",
    "Three hundred drivers joined the union in the spring",
    "Flour prices have doubled since the harvest failed",
    "The Harlow site will hire forty apprentices",
    "Shoppers complained about the smaller loaves",
    "The chain closed its Quarry Street cafe in January",
    "A rival offered to buy the company twice",
    "The board approved a dividend of four pence",
]
FERRY = [
    "The Tollbridge ferry will run an extra crossing on Sundays",
    "Lindqvist Marine won the contract to repaint the hull",
    "Fares on the ferry will stay frozen until March",
    "The harbour master warned of fog on the estuary",
    "A new ticket office opened beside the slipway",
    "The crew asked for a second lifeboat drill each month",
]
TEXTS = BREVIK + FERRY
SOURCES = ["brevik"] * len(BREVIK) + ["ferry"] * len(FERRY)


def claims_of(sources: Sequence[str] | None) -> list[list[int]]:
    return joined(TEXTS, sources)


def test_statements_sharing_only_the_articles_subject_stay_apart_and_a_restatement_joins(monkeypatch):
    # the evidence test alone: "will halve" / "plans to cut … in half" is a paraphrase whose predicates the parse
    # does not match, which the predicates test inside one article (round 12) splits as it does across two
    monkeypatch.setattr(predicates, "INSIDE", False)
    assert claims_of(SOURCES) == [[0, 3]]
    # without the test (or without articles: Emergent's headlines) "carbon emissions" makes one claim of four
    monkeypatch.setattr(evidence, "INSIDE_INFO", None)
    assert claims_of(SOURCES) == [[0, 1, 2, 3]]
    monkeypatch.undo()
    assert claims_of(None) == [[0, 1, 2, 3]]


def test_the_evidence_inside_an_article_grows_with_it_and_leaves_one_statement_sources_alone(monkeypatch):
    words, _, info = vectors.statement_vectors(TEXTS)
    pairs = np.asarray([[0, 1], [0, 3], [1, 2]])
    assert evidence.inside_unanchored(pairs, words, info, SOURCES).tolist() == [True, False, True]
    small = ["a"] * 8 + ["b"] * 10
    # the shipped share refuses the siblings 0 / 1 and 1 / 2 even in a small article: "carbon emissions" is under
    # half of what either statement of each pair says on its own
    assert evidence.inside_unanchored(pairs, words, info, small).tolist() == [True, False, True]
    # the evidence alone (the share as it was until session 13): a small article offers few pairs, and "carbon
    # emissions" (3.4) reaches log2(8) = 3
    monkeypatch.setattr(evidence, "INSIDE_SHARE", 0.4)
    assert evidence.inside_unanchored(pairs, words, info, small).tolist() == [False, False, False]
    monkeypatch.undo()
    # one statement a source (eval emergent): no pair is inside an article
    singles = [str(i) for i in range(len(TEXTS))]
    assert not evidence.inside_unanchored(pairs, words, info, singles).any()
    assert not evidence.unanchored(pairs, words, info, singles).any()


def test_two_long_statements_sharing_a_small_part_of_what_they_say_are_not_one_claim(monkeypatch):
    # the evidence is enough for the article's size, but it is under INSIDE_SHARE of the less informative one's own
    texts = ["The Fenwick financial crisis was precipitated by pressure on banks to stop redlining poor borrowers",
             "Ostrow fought redlining as mayor and his platform focuses on boosting Fenwick homeownership"]
    words, _, info = vectors.statement_vectors(texts)
    pair = np.asarray([[0, 1]])
    assert evidence.inside_unanchored(pair, words, info, ["one", "one"]).tolist() == [True]
    monkeypatch.setattr(evidence, "INSIDE_SHARE", 0.0)
    assert evidence.inside_unanchored(pair, words, info, ["one", "one"]).tolist() == [False]


def test_a_statement_of_two_stems_is_left_to_its_meaning():
    texts = BREVIK + ["The costs had doubled", "The repairs at Harlow will cost twice the estimate"]
    words, _, info = vectors.statement_vectors(texts)
    pairs = np.asarray([[len(BREVIK), len(BREVIK) + 1]])
    assert not evidence.inside_unanchored(pairs, words, info, ["brevik"] * len(texts)).any()


def _statement(n: int, words: str, speaker: str, mention: str | None = None) -> Statement:
    a = Attribution(id=f"s{n}", kind="indirect", speaker=Speaker(speaker, "person"), source_span=(0, 5), cue="said",
                    cue_span=(6, 10), cue_class="assert", content=words, content_spans=((11, 11 + len(words)),),
                    sentence=(0, 11 + len(words)))
    return Statement(a, "harwick", position=n * 100, published="2031-02-01", mention=mention)


def test_one_speaker_sharing_two_words_is_not_restating():
    statements = [_statement(0, "she was scared for her staff and told them not to confront the man", "Ada Quill"),
                  _statement(1, "which scared the man off", "Ada Quill"),
                  _statement(2, "the salon will post new signs at the door", "Ada Quill")]
    assert not references.link_article(statements).restate   # "scared", "man": two stems, no rule
    statements[1] = _statement(1, "she told her staff not to confront the man", "Ada Quill")
    assert [r for *_, r in references.link_article(statements).restate] == ["same-speaker"]


def test_a_reference_naming_nobody_here_is_not_resolved_to_the_statement_before_it():
    statements = [_statement(0, "the Harwick school board is weighing a camera system for 200,000 pounds",
                             "Harwick school board"),
                  _statement(1, "it will offer schools a Lystra version of the software", "Corvane")]
    links = references.link_article(statements)
    assert 1 in links.references and 1 not in links.refers
    # with no modifier ("the story") the reference still goes to the latest claim of another speaker
    statements[1] = _statement(1, "she saw the story", "Corvane")
    assert references.link_article(statements).refers == {1: 0}
