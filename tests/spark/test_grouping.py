"""Grouping with Spark's MinHashLSH: a lightly edited copy joins its story, restatements join one claim, unrelated
texts stay apart, and the agreement with the one-machine grouping is measured pair by pair."""

from __future__ import annotations

from ingest_samples import BRIDGE, FESTIVAL, HARBOUR

from claimgraph.claims.grouping import content_stems, group
from claimgraph.spark.grouping import group_claims, group_stories, one_machine_stories, pairwise_agreement

COPY = "By Ana Velt, Coast Wire\n\n" + HARBOUR.replace(" Traders along the quay said they hoped the timetable "
                                                        "would hold this time.", "") + "\n\nCopyright Coast Wire."


def test_a_copy_joins_its_story_and_other_stories_stay_apart(spark):
    texts = [HARBOUR, FESTIVAL, COPY, BRIDGE, HARBOUR]
    labels = group_stories(spark, texts).tolist()
    assert labels[0] == labels[2] == labels[4]
    assert len({labels[0], labels[1], labels[3]}) == 3
    agreement = pairwise_agreement(labels, one_machine_stories(texts).tolist())
    assert agreement["pairs_spark"] == 3 and agreement["precision"] == agreement["recall"] == 1.0


def test_restatements_join_one_claim_as_on_one_machine(spark):
    texts = ["the northern pier will close for three weeks of repairs",
             "the northern pier would close for three weeks for repairs",
             "the parade will follow a new route through the old market",
             "the lantern parade follows a new route through the old market",
             "lorries heavier than twelve tonnes will be barred from the bridge",
             "said"]
    labels = group_claims(spark, texts).tolist()
    assert labels[0] == labels[1] and labels[2] == labels[3]
    assert len({labels[0], labels[2], labels[4], labels[5]}) == 4
    one = group([content_stems(t) for t in texts]).tolist()
    assert pairwise_agreement(labels, one)["pairs_both"] == 2


def test_pairwise_agreement_counts_pairs():
    # ours: {0,1,2} {3}; theirs: {0,1} {2,3}: ours has 3 pairs, theirs 2, both share (0,1)
    assert pairwise_agreement([0, 0, 0, 3], [0, 0, 2, 2]) == {
        "pairs_spark": 3, "pairs_one_machine": 2, "pairs_both": 1, "precision": 0.3333, "recall": 0.5}


def _restatements(propositions: int = 40, copies: int = 5) -> tuple[list[str], list[int]]:
    """Fictional propositions of seven made-up content words, each restated with one word swapped."""
    import random

    rng = random.Random(3)
    syllables = ["ka", "lo", "mi", "ru", "ten", "var", "bel", "dra", "nix", "sul"]
    vocab = sorted({"".join(rng.choice(syllables) for _ in range(3)) + str(i) for i in range(400)})
    texts, truth = [], []
    for p in range(propositions):
        words = rng.sample(vocab, 7)
        for _ in range(copies):
            restated = list(words)
            restated[rng.randrange(7)] = rng.choice(vocab)
            texts.append("the council said " + " ".join(restated))
            truth.append(p)
    return texts, truth


def test_banded_pairs_find_every_pair_above_the_threshold_with_its_exact_jaccard(spark):
    from claimgraph.minhash import exact_pairs
    from claimgraph.spark.grouping import banded_pairs

    texts, _ = _restatements()
    sets = [content_stems(t) for t in texts]
    pairs, scores = banded_pairs(spark, [sorted(s) for s in sets], 0.5, min_size=2)
    exact, exact_scores = exact_pairs(sets, 0.5, min_size=2)
    found = {tuple(p): s for p, s in zip(pairs.tolist(), scores.tolist())}
    assert len(exact) > 300 and set(found) == {tuple(p) for p in exact.tolist()}
    assert all(abs(found[tuple(p)] - s) < 1e-9 for p, s in zip(exact.tolist(), exact_scores.tolist()))


def test_a_big_bucket_pairs_each_member_with_its_window_of_next_members(spark):
    from claimgraph.spark.grouping import banded_pairs

    same = [["pier", "harbour", "repair"]] * 10   # ten equal sets: one bucket in every band
    pairs, scores = banded_pairs(spark, same, 0.4, window=1)
    assert pairs.tolist() == [[i, i + 1] for i in range(9)] and set(scores.tolist()) == {1.0}
    assert len(banded_pairs(spark, same, 0.4, window=9)[0]) == 45


def test_banded_and_one_hash_table_grouping_agree_with_one_machine_on_restatements(spark):
    texts, truth = _restatements()
    one = group([content_stems(t) for t in texts]).tolist()
    for lsh in ("banded", "tables"):
        labels = group_claims(spark, texts, lsh=lsh).tolist()
        agreement = pairwise_agreement(labels, one)
        assert agreement["precision"] == agreement["recall"] == 1.0, (lsh, agreement)
        assert pairwise_agreement(labels, truth)["recall"] == 1.0


PARAPHRASES = [
    "the northern pier will close for three weeks of repairs next month",
    "repairs will shut the northern pier for three weeks from next month",
    "the harbour board says the northern pier closes for three weeks of repair work",
    "the lantern parade will follow a new route through the old market this year",
    "this year the lantern parade takes a new route through the old market",
    "lorries heavier than twelve tonnes will be barred from the river bridge",
    "the river bridge will be closed to lorries over twelve tonnes",
    "the council has not approved the budget for the new library",
    "the council approved the budget for the new library on tuesday",
    "ferry fares to the islands rise by a tenth in spring",
    "said so",
    "the mayor of Velt said nothing",
]


def test_the_semantic_step_on_spark_groups_as_link_claims_does(spark):
    from claimgraph.claims.grouping import group_statements
    from claimgraph.spark.semantic import group_claims_semantic

    made_up, truth = _restatements(20, 4)
    for texts in (PARAPHRASES, made_up + PARAPHRASES):
        ours, one = group_claims_semantic(spark, texts).tolist(), group_statements(texts).tolist()
        agreement = pairwise_agreement(ours, one)
        assert agreement["pairs_both"] >= 5 and agreement["precision"] == agreement["recall"] == 1.0, agreement
    labels = group_claims_semantic(spark, made_up).tolist()
    assert pairwise_agreement(labels, truth) == pairwise_agreement(group_statements(made_up).tolist(), truth)


def test_the_semantic_step_skips_pairs_that_share_only_common_words_below_the_lsh_threshold(spark, monkeypatch):
    from claimgraph.spark import semantic

    texts = ["the northern pier will close for three weeks of repairs",
             "the northern pier might close soon, officials fear, after storms"]
    pairs, _, _, _ = semantic.semantic_pairs(spark, texts)
    assert pairs.tolist() == [[0, 1]]
    monkeypatch.setattr(semantic, "RARE", 1)   # every shared word now counts as common: LSH alone (Jaccard < 0.4)
    pairs, _, _, _ = semantic.semantic_pairs(spark, texts)
    assert pairs.tolist() == []


def test_the_semantic_step_on_spark_pairs_only_statements_that_share_specific_words(spark, monkeypatch):
    """anchors.anchored on Spark as on one machine: the patients and the builders share only common English ("need
    more time") and are no pair, the two Varnholt statements are; without the anchor test the first pair is found."""
    from claimgraph.claims import anchors
    from claimgraph.spark.semantic import semantic_pairs
    from tests.claims.test_semantic_grouping import COMMON_ONLY

    pairs = semantic_pairs(spark, COMMON_ONLY)[0].tolist()
    assert [2, 3] in pairs and [0, 1] not in pairs
    monkeypatch.setattr(anchors, "ANCHOR_INFO", None)
    assert [0, 1] in semantic_pairs(spark, COMMON_ONLY)[0].tolist()


def test_the_semantic_step_on_spark_leaves_an_articles_subject_words_out_of_what_pairs_share(spark, monkeypatch):
    """anchors.anchor_rows on Spark as on one machine: given each statement's article, the four statements on the
    Varnell ferry pair only where they share more than the ferry (the crew's walkout, twice); without the articles
    the timetable and the paint pair with the crew too."""
    from claimgraph.claims import anchors, vectors
    from claimgraph.claims import semantic as one_machine
    from claimgraph.spark.semantic import group_claims_semantic, semantic_pairs
    from tests.claims.test_semantic_grouping import ONE_SUBJECT, ONE_SUBJECT_ARTICLES

    monkeypatch.setattr(anchors, "TOPIC_MIN", 3)   # off by default (claims.anchors): the path is tested on
    words, emb, info = vectors.statement_vectors(ONE_SUBJECT)
    exact = one_machine.candidate_pairs(words, emb, info,
                                        anchor=anchors.anchor_rows(words, ONE_SUBJECT_ARTICLES))[0].tolist()
    assert semantic_pairs(spark, ONE_SUBJECT, ONE_SUBJECT_ARTICLES)[0].tolist() == exact == [[0, 3]]
    assert [0, 1] in semantic_pairs(spark, ONE_SUBJECT)[0].tolist()
    labels = group_claims_semantic(spark, ONE_SUBJECT, ONE_SUBJECT_ARTICLES).tolist()
    assert labels[0] == labels[3] and len(set(labels)) == 5


def test_the_semantic_step_on_spark_asks_two_long_articles_for_specific_shared_words(spark):
    """evidence.across_unanchored (tests/claims/test_cross_article_evidence.py) on Spark's pairs too."""
    from claimgraph.claims.grouping import group_statements
    from claimgraph.spark.semantic import group_claims_semantic
    from tests.claims.test_cross_article_evidence import SOURCES, TEXTS

    ours = group_claims_semantic(spark, TEXTS, SOURCES).tolist()
    assert ours[1] != ours[11] and ours[3] == ours[13]
    assert pairwise_agreement(ours, group_statements(TEXTS, sources=SOURCES).tolist())["precision"] == 1.0



def test_the_semantic_step_on_spark_asks_one_article_for_specific_shared_words(spark, monkeypatch):
    """evidence.inside_unanchored (tests/claims/test_inside_article_evidence.py) on Spark's pairs too: the bakery
    article's statements that share only "carbon emissions" stay apart, its 2035 target restated joins (the evidence
    test alone: the predicates test inside an article, off here, splits "will halve" / "plans to cut … in half")."""
    from claimgraph.claims import predicates
    from claimgraph.claims.grouping import group_statements
    from claimgraph.spark.semantic import group_claims_semantic
    from tests.claims.test_inside_article_evidence import SOURCES, TEXTS

    monkeypatch.setattr(predicates, "INSIDE", False)
    ours = group_claims_semantic(spark, TEXTS, SOURCES).tolist()
    assert ours[0] == ours[3] and len({ours[0], ours[1], ours[2]}) == 3
    assert len(set(ours)) == len(TEXTS) - 1
    assert pairwise_agreement(ours, group_statements(TEXTS, sources=SOURCES).tolist())["precision"] == 1.0


def test_the_semantic_step_on_spark_takes_link_claims_evidence_tests_across_articles(spark):
    """With each statement's article given, Spark keeps and adds the pairs `link-claims` does
    (claims.evidence.evidenced): the same quote carried by two outlets joins however common its words, and names count
    once as evidence."""
    from claimgraph.claims.grouping import group_statements
    from claimgraph.spark.semantic import group_claims_semantic
    from tests.claims.test_across_outlets import NAMES_A, NAMES_B

    a = ["So far, I cannot believe how calm it has been up here."] + NAMES_A[2:]
    b = ["I cannot believe how calm it has been up here,"] + NAMES_B[2:]
    texts, sources = a + b, ["a"] * len(a) + ["b"] * len(b)
    ours = group_claims_semantic(spark, texts, sources).tolist()
    assert _partition(ours) == _partition(group_statements(texts, sources=sources).tolist())
    assert ours[0] == ours[len(a)]   # the quote, in both outlets
    texts, sources = NAMES_A + NAMES_B, ["a"] * len(NAMES_A) + ["b"] * len(NAMES_B)
    ours = group_claims_semantic(spark, texts, sources).tolist()
    assert _partition(ours) == _partition(group_statements(texts, sources=sources).tolist())


def _partition(labels: list[int]) -> list[int]:
    """Labels renamed by first appearance: two groupings into the same claims compare equal."""
    first: dict[int, int] = {}
    return [first.setdefault(label, len(first)) for label in labels]


def test_the_semantic_step_on_spark_groups_shuffled_statements_as_one_machine_groups_them_in_order(spark):
    """Claims do not depend on the input's order (session 21): one fold of Emergent's shared split (337 headlines),
    shuffled, grouped by Spark as one machine groups it in file order (a pair is among the strongest of either of
    its statements, and both group the statements in their canonical order, claims.canonical)."""
    import numpy as np

    from claimgraph.claims.grouping import group_statements
    from claimgraph.eval.emergent import claim_folds, read_emergent
    from claimgraph.spark.semantic import group_claims_semantic
    from tests.claims.test_linkage import same_partition
    from tests.conftest import require, shared_path

    rows = read_emergent(require(shared_path("data", "emergent"), "Emergent's shared split"))
    texts = [rows[i].headline for i in claim_folds(rows)[0]]
    order = np.random.default_rng(1).permutation(len(texts))
    shuffled = group_claims_semantic(spark, [texts[i] for i in order])
    labels = np.empty(len(texts), dtype=np.int64)
    labels[order] = shuffled
    one = group_statements(texts)
    assert len(set(one.tolist())) < len(texts) and same_partition(labels, one)
