"""The learned join test (semantic.JOIN_P, issue 12 session 7): a join that the cohesion test refuses goes ahead when a
logistic regression over the join's features, trained on Emergent's shared split (`python -m claimgraph.eval.emergent
DIR join`), says the two groups are one claim. Fictional statements; the shipped weights file; the training command
on a small file of the Emergent layout."""

from __future__ import annotations

import csv

import numpy as np

from claimgraph.claims import semantic, vectors
from claimgraph.claims.grouping import group_statements
from claimgraph.eval import emergent

ONE_WAY = ["Varnell ferry fares will double in June", "Varnell ferry fares to double from June",
           "Fares on the Varnell ferry set to double in June"]
OTHER_WAY = ["Varnell ferry tickets will cost twice as much this summer, operator says",
             "Operator says a Varnell ferry ticket will soon cost twice as much",
             "Varnell ferry ticket prices to be twice as much, operator confirms"]
UNRELATED = ["Heavy snow expected across the Dunmere valley this weekend",
             "A rare white stag was photographed near Tessel forest", "Marlow library hours cut from April",
             "Karsk reservoir level fell by two metres", "Veldoria rail strike called off"]


def test_two_wordings_of_one_claim_join_when_the_model_says_so(monkeypatch):
    """Each wording is a tight group; across them the words differ (fares double / tickets cost twice as much), so the
    average cross similarity is under half of either group's own: the cohesion test alone keeps them apart. The
    learned test joins them; the unrelated statements stay alone either way."""
    texts = ONE_WAY + OTHER_WAY + UNRELATED
    labels = group_statements(texts).tolist()
    assert len(set(labels[:6])) == 1
    assert len(set(labels[6:])) == len(UNRELATED) and not set(labels[6:]) & set(labels[:6])

    trace: list = []
    words, emb, info = vectors.statement_vectors(texts)
    link = semantic.link_for(len(texts))
    pairs, sims = semantic.candidate_pairs(words, emb, info, link)
    semantic.average_linkage(len(texts), pairs, sims, words, emb, link, trace=trace)
    rescued = [f for _, _, f, joined in trace if joined and f[3] == f[4] == 0.0
               and f[0] < semantic.COHESION * min(f[1], f[2])]
    assert len(rescued) == 1 and semantic.join_probability(rescued[0]) >= semantic.JOIN_P

    monkeypatch.setattr(semantic, "JOIN_P", None)   # the cohesion test alone
    off = group_statements(texts).tolist()
    assert len(set(off[:3])) == 1 and len(set(off[3:6])) == 1 and off[0] != off[3]


def test_shipped_weights_are_small_named_arrays():
    path = semantic.JOIN_DIR / "weights.npz"
    assert path.stat().st_size < 4096
    with np.load(path, allow_pickle=False) as saved:
        assert tuple(saved["features"].tolist()) == semantic.JOIN_FEATURES
        assert saved["weights"].shape == (len(semantic.JOIN_FEATURES),) and np.isfinite(saved["weights"]).all()
        assert np.isfinite(float(saved["intercept"]))


def test_join_examples_label_joins_by_the_gold_claims():
    """Every join attempt is an example; joining two wordings of one gold claim is labelled 1, and with two gold
    claims told apart in the gold, that join is labelled 0."""
    texts = ONE_WAY + OTHER_WAY + UNRELATED
    x, y = emergent.join_examples(texts, ["fares"] * 6 + [f"u{i}" for i in range(len(UNRELATED))])
    assert x.shape == (len(y), len(semantic.JOIN_FEATURES)) and len(y) >= 5 and y.all()
    x2, y2 = emergent.join_examples(texts, ["fares"] * 3 + ["tickets"] * 3 + [f"u{i}" for i in range(len(UNRELATED))])
    assert np.array_equal(x, x2) and y2.sum() == len(y2) - 1


def test_the_training_command_writes_a_model_that_groups(tmp_path, monkeypatch):
    """train_join on a small file of Emergent's layout (fictional claims) writes weights that load and group."""
    claims = {
        "c1": ONE_WAY + OTHER_WAY[:1], "c2": ["Kessel mill will close in March", "Kessel mill to close in March",
                                              "Owners say Kessel mill closes in March"],
        "c3": ["Kessel mill sold to Orvane timber firm", "Orvane timber firm buys Kessel mill"],
        "c4": ["Veldoria rail strike called off", "Rail unions in Veldoria call off the strike"],
        "c5": ["Karsk reservoir level fell by two metres", "Karsk reservoir two metres lower after dry spring"],
        "c6": ["A rare white stag was photographed near Tessel forest", "White stag seen near Tessel forest"],
        "c7": ["New Varnell ferry timetable from June", "Varnell ferry timetable to change in June",
               "Varnell ferry timetable changes in June"],   # a sibling of c1: its joins are the examples of 0
    }
    with (tmp_path / "emergent.csv").open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["claimId", "claimHeadline", "articleId", "articleHeadline", "articleHeadlineStance"])
        for c, heads in claims.items():
            for k, h in enumerate(heads):
                out.writerow([c, heads[0], f"{c}-{k}", h, "for"])
    rows = emergent.read_emergent(tmp_path)
    report = emergent.train_join(rows, out=tmp_path / "model")
    assert report["examples"] > 0 and 0 < report["one_claim"] < 1
    with np.load(tmp_path / "model" / "weights.npz", allow_pickle=False) as saved:
        model = saved["weights"], float(saved["intercept"])
    assert model[0].shape == (len(semantic.JOIN_FEATURES),)
    monkeypatch.setattr(semantic, "JOIN_MODEL", model)
    labels = group_statements([r.headline for r in rows]).tolist()
    assert len(set(labels)) <= len(rows) - 3   # restatements still join
