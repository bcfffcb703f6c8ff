"""`eval emergent` on a small fictional Emergent-layout CSV: the metrics against hand-computed values, the JSON keys
of decisions.md, folds split by claim, and the baselines beside the system in one run."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.cli import cli
from claimgraph.eval.emergent import (
    bcubed,
    claim_folds,
    cross_validate,
    read_emergent,
    shuffled_claim_folds,
    stance_scores,
    tune_stance,
)

ROWS = [  # claimId, claimHeadline, articleHeadline, stance: fictional rumours about fictional places
    ("A", "The Veldoria dam will be demolished in spring", "Veldoria dam to be demolished in spring", "for"),
    ("A", "The Veldoria dam will be demolished in spring", "Officials deny Veldoria dam will be demolished",
     "against"),
    ("A", "The Veldoria dam will be demolished in spring", "Veldoria dam reportedly set to be demolished in spring",
     "observing"),
    ("B", "A giant catfish was caught in Lake Orvane", "Giant catfish caught in Lake Orvane", "for"),
    ("B", "A giant catfish was caught in Lake Orvane", "Angler catches giant catfish in Lake Orvane", "for"),
    ("C", "Marlow Station will close next year", "Marlow Station will close next year, council says", "for"),
    ("C", "Marlow Station will close next year", "Is Marlow Station really going to close next year?",
     "observing"),
]
KEYS = {"bcubed_p", "bcubed_r", "bcubed_f1", "ari", "stance_accuracy", "stance_macro_f1", "e2e_stance_accuracy",
        "e2e_stance_macro_f1", "n", "claims", "baselines"}


def write_csv(folder: Path, rows=ROWS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "emergent.csv").open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["claimId", "claimHeadline", "articleId", "articleHeadline", "articleHeadlineStance"])
        for n, (cid, claim, headline, stance) in enumerate(rows):
            out.writerow([cid, claim, f"art{n}", headline, stance])
    return folder


def test_bcubed_against_hand_computed_values():
    gold = ["A", "A", "A", "B", "B", "C", "C"]
    # A and B merged: A's items P=3/5 R=1, B's P=2/5 R=1, C's P=R=1 -> P=4.6/7, R=1
    p, r, f1 = bcubed(gold, [1, 1, 1, 1, 1, 2, 2])
    assert p == pytest.approx(4.6 / 7) and r == pytest.approx(1.0)
    assert f1 == pytest.approx(2 * (4.6 / 7) / (4.6 / 7 + 1))
    # A split {a1,a2} {a3} with a3 put with B: P = R = 17/21
    p, r, f1 = bcubed(gold, [1, 1, 2, 2, 2, 3, 3])
    assert (p, r, f1) == pytest.approx((17 / 21, 17 / 21, 17 / 21))
    assert bcubed(gold, list(range(7)))[0] == 1.0 and bcubed(gold, list(range(7)))[1] == pytest.approx(
        (1 / 3 * 3 + 1 / 2 * 2 + 1 / 2 * 2) / 7)


def test_stance_scores_against_hand_computed_values():
    s = stance_scores(["assert", "assert", "dispute", "report"], ["assert", "report", "dispute", "report"])
    assert s["accuracy"] == pytest.approx(0.75)
    assert s["per_class_f1"] == pytest.approx({"assert": 2 / 3, "dispute": 1.0, "report": 2 / 3})
    assert s["macro_f1"] == pytest.approx(7 / 9)


def test_stances_are_mapped_and_a_bad_label_is_named(tmp_path):
    rows = read_emergent(write_csv(tmp_path / "ok"))
    assert [r.stance for r in rows] == ["assert", "dispute", "report", "assert", "assert", "assert", "report"]
    with pytest.raises(ValueError, match="emergent.csv:2"):
        read_emergent(write_csv(tmp_path / "bad", [("A", "x", "y", "maybe")]))


def test_folds_keep_each_claim_whole_and_cover_every_row(tmp_path):
    more = ROWS + [(cid + "2", claim, headline.replace("Veldoria", "Karsk").replace("Orvane", "Tessel")
                    .replace("Marlow", "Dunmere"), stance) for cid, claim, headline, stance in ROWS]
    rows = read_emergent(write_csv(tmp_path, more))
    folds = claim_folds(rows, folds=3)
    seen = sorted(i for fold in folds for i in fold.tolist())
    assert seen == list(range(len(rows)))
    for fold in folds:
        claims = {rows[i].claim_id for i in fold}
        assert all(rows[j].claim_id not in claims for other in folds if other is not fold for j in other)
    result = cross_validate(rows, folds=3)
    assert result["cv"] == {**result["cv"], "folds": 3, "split_by": "claim"}
    assert 0.0 <= result["stance_accuracy"] <= 1.0 and result["n"] == 14


def test_json_has_the_decided_keys_and_the_baselines(tmp_path):
    result = CliRunner().invoke(cli, ["eval", "emergent", "--data", str(write_csv(tmp_path)), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert KEYS <= set(data)
    assert data["n"] == 7
    majority = data["baselines"]["majority_stance"]
    assert majority["label"] == "assert" and majority["accuracy"] == pytest.approx(4 / 7)
    tfidf = data["baselines"]["tfidf_average_linkage"]
    assert tfidf["threshold_chosen_on"] == "the scored data" and 0 < tfidf["bcubed_f1"] <= 1


def test_table_names_the_baselines(tmp_path):
    result = CliRunner().invoke(cli, ["eval", "emergent", "--data", str(write_csv(tmp_path))])
    assert result.exit_code == 0, result.output
    assert "TF-IDF average linkage" in result.output and "majority class (assert)" in result.output


def test_missing_csv_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(cli, ["eval", "emergent", "--data", str(tmp_path)])
    assert result.exit_code != 0 and "emergent.csv" in result.output


PLACES = [("Veldoria", "Orvane", "Marlow"), ("Karsk", "Tessel", "Dunmere"), ("Brisa", "Hollen", "Quarry Vale"),
          ("Ostrel", "Lindmoor", "Pellham")]


def test_stance_settings_are_chosen_inside_the_training_folds(tmp_path):
    """tune_stance: shuffled folds keep claims whole, cover every row and differ by seed; each outer fold of each
    split chooses one setting of the grid by its inner CV, and the nested figures are a real scoring."""
    from claimgraph.claims import toward_claim as tc

    more = [(f"{cid}{k}", claim.replace("Veldoria", a).replace("Orvane", b).replace("Marlow", c),
             headline.replace("Veldoria", a).replace("Orvane", b).replace("Marlow", c), stance)
            for k, (a, b, c) in enumerate(PLACES) for cid, claim, headline, stance in ROWS]
    rows = read_emergent(write_csv(tmp_path, more))
    one, other = shuffled_claim_folds(rows, 1, folds=3), shuffled_claim_folds(rows, 2, folds=3)
    assert sorted(i for f in one for i in f.tolist()) == list(range(len(rows)))
    for fold in one:
        claims = {rows[i].claim_id for i in fold}
        assert all(rows[j].claim_id not in claims for f in one if f is not fold for j in f)
    assert [f.tolist() for f in one] != [f.tolist() for f in other]
    grid = (tc.LR_ONLY, tc.SHIPPED)
    result = tune_stance(rows, grid, seeds=(None, 1), folds=3, inner=2)
    assert result["outer_folds"] == 6 and len(result["splits"]) == 2
    assert result["best_on_inner"] in result["grid"] and len(result["mean_inner_accuracy"]) == 2
    for split in result["splits"]:
        assert len(split["chosen"]) == 3 and all(c in result["grid"] for c in split["chosen"])
        assert 0.0 <= split["nested"]["accuracy"] <= 1.0
        if all(c == split["chosen"][0] for c in split["chosen"]):   # one setting chosen throughout: its figures
            assert split["nested"] == split["by_setting"][result["grid"].index(split["chosen"][0])]
    assert result["inner_above_first"][0] == 0   # the first setting never beats itself
