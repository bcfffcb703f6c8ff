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
