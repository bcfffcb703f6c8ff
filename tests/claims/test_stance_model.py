"""The FNC-1 stance model: CLI predict, the scorer against the reference, errors, tree export, a tiny train.

All texts here are fictional (made-up towns and people); the FNC-1 data is never copied into tests.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from claimgraph.claims.fnc.data import Pair, split_by_body
from claimgraph.claims.fnc.forest import Forest
from claimgraph.claims.stance_model import LABELS, predict_stance, predict_stances
from claimgraph.cli import cli
from claimgraph.eval.fnc import score

REPO = Path(__file__).resolve().parents[2]
REFERENCE_SCORER = next((p for p in (REPO.parent / "shared" / "tools" / "score_fnc.py",
                                     Path("/work/shared/tools/score_fnc.py")) if p.is_file()), None)

BODIES = {
    "11": "The mayor of Veldoria, Ottilie Brannock, resigned on Tuesday after a vote in the town council. "
          "Brannock confirmed her resignation in an official statement and thanked the residents of Veldoria.",
    "27": "Reports that a giant eel was seen in Lake Quorrin are a hoax, officials said. The photo is fake and "
          "the lake warden denied that any eel had been found. Experts debunked the viral claim.",
    "35": "A bakery in Pemberly Cross reportedly baked the longest baguette ever, according to local sources. "
          "The claim could not be verified and the bakery has not commented on the rumour.",
}
PAIRS = [
    ("Veldoria mayor Ottilie Brannock resigns", "11", "agree"),
    ("Giant eel spotted in Lake Quorrin", "27", "disagree"),
    ("Pemberly Cross bakery bakes record baguette", "35", "discuss"),
    ("Giant eel spotted in Lake Quorrin", "11", "unrelated"),
    ("Veldoria mayor Ottilie Brannock resigns", "35", "unrelated"),
]


def _write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    return {
        "bodies": _write(tmp_path / "bodies.csv", ["Body ID", "articleBody"], [[k, v] for k, v in BODIES.items()]),
        "unlabelled": _write(tmp_path / "stances.csv", ["Headline", "Body ID"], [[h, b] for h, b, _ in PAIRS]),
        "gold": _write(tmp_path / "gold.csv", ["Headline", "Body ID", "Stance"], [list(p) for p in PAIRS]),
    }


def _read(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def test_predict_keeps_row_order_without_stance_column(files, tmp_path):
    out = tmp_path / "pred.csv"
    result = CliRunner().invoke(cli, ["stance", "predict", "--stances", str(files["unlabelled"]),
                                      "--bodies", str(files["bodies"]), "--out", str(out)])
    assert result.exit_code == 0, result.output
    header, rows = _read(out)
    assert header == ["Headline", "Body ID", "Stance"]
    assert [r[:2] for r in rows] == [[h, b] for h, b, _ in PAIRS]
    assert all(r[2] in LABELS for r in rows)


def test_predict_accepts_a_stance_column_and_its_output_scores(files, tmp_path):
    out = tmp_path / "pred.csv"
    result = CliRunner().invoke(cli, ["stance", "predict", "--stances", str(files["gold"]),
                                      "--bodies", str(files["bodies"]), "--out", str(out)])
    assert result.exit_code == 0, result.output
    with files["gold"].open(encoding="utf-8") as g, out.open(encoding="utf-8") as p:
        figures = score(csv.DictReader(g), csv.DictReader(p))
    assert figures["n"] == len(PAIRS)


@pytest.mark.parametrize("which,header", [("stances", ["Headline", "Body"]), ("bodies", ["Body ID", "text"])])
def test_missing_column_is_a_clear_error_naming_the_file(files, tmp_path, which, header):
    bad = _write(tmp_path / f"bad_{which}.csv", header, [["x", "y"]])
    args = {"stances": str(files["unlabelled"]), "bodies": str(files["bodies"]), which: str(bad)}
    result = CliRunner().invoke(cli, ["stance", "predict", "--stances", args["stances"], "--bodies", args["bodies"],
                                      "--out", str(tmp_path / "o.csv")])
    assert result.exit_code == 1
    assert "bad_" + which + ".csv" in result.output and "missing column" in result.output


def test_missing_file_and_missing_body_are_clear_errors(files, tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["stance", "predict", "--stances", str(tmp_path / "nope.csv"),
                                 "--bodies", str(files["bodies"]), "--out", str(tmp_path / "o.csv")])
    assert result.exit_code == 1 and "nope.csv" in result.output
    orphan = _write(tmp_path / "orphan.csv", ["Headline", "Body ID"], [["Quorrin eel returns", "999"]])
    result = runner.invoke(cli, ["stance", "predict", "--stances", str(orphan), "--bodies", str(files["bodies"]),
                                 "--out", str(tmp_path / "o.csv")])
    assert result.exit_code == 1 and "999" in result.output and "bodies.csv" in result.output


@pytest.mark.skipif(REFERENCE_SCORER is None, reason="../shared/tools/score_fnc.py is not available here")
def test_scorer_equals_the_reference(tmp_path):
    rng = np.random.RandomState(7)
    gold = [(f"Fictional headline {i} about Lake Quorrin", str(i % 13), LABELS[rng.choice(4, p=[.1, .05, .2, .65])])
            for i in range(400)]
    # Mostly right, with every kind of mistake somewhere.
    pred = [(h, b, s if rng.rand() < 0.7 else LABELS[rng.randint(4)]) for h, b, s in gold]
    gold_csv = _write(tmp_path / "gold.csv", ["Headline", "Body ID", "Stance"], [list(r) for r in gold])
    pred_csv = _write(tmp_path / "pred.csv", ["Headline", "Body ID", "Stance"], [list(r) for r in pred])
    ref = subprocess.run([sys.executable, str(REFERENCE_SCORER), str(gold_csv), str(pred_csv)],
                         capture_output=True, text=True, check=True)
    assert score(gold, pred) == json.loads(ref.stdout)


def test_scorer_rejects_misaligned_rows():
    with pytest.raises(ValueError):
        score([("A", "1", "agree")], [("B", "1", "agree")])


def test_library_prediction_gives_label_and_probabilities():
    label, proba = predict_stance(PAIRS[1][0], BODIES["27"])
    assert label in LABELS and set(proba) == set(LABELS)
    assert sum(proba.values()) == pytest.approx(1.0)
    batch = predict_stances([(h, BODIES[b]) for h, b, _ in PAIRS])
    assert len(batch) == len(PAIRS) and batch[1][0] == label
    assert batch[1][1] == pytest.approx(proba)  # batching may change the last float digit
    assert predict_stances([]) == []


def test_exported_trees_match_sklearn():
    from sklearn.ensemble import HistGradientBoostingClassifier

    rng = np.random.RandomState(0)
    X = rng.rand(300, 5)
    for y in ((X[:, 0] > 0.5).astype(int), (X[:, 1] * 3).astype(int)):  # binary and 3-class
        clf = HistGradientBoostingClassifier(max_iter=20, random_state=0).fit(X, y)
        Xt = rng.rand(50, 5)
        np.testing.assert_allclose(Forest.from_sklearn(clf).predict_proba(Xt), clf.predict_proba(Xt), atol=1e-9)


def test_split_by_body_keeps_each_body_on_one_side():
    pairs = [Pair(f"h{i}", str(i % 20), "agree") for i in range(100)]
    train, dev = split_by_body(pairs, 0.2, seed=3)
    assert {p.body_id for p in train}.isdisjoint({p.body_id for p in dev})
    assert len({p.body_id for p in dev}) == 4 and len(train) + len(dev) == 100
    assert split_by_body(pairs, 0.2, seed=3) == (train, dev)


def test_tiny_train_writes_a_loadable_model(files, tmp_path):
    # Fictional pairs repeated so both stages see every class; checks train -> save -> load -> predict only.
    data = tmp_path / "fnc"
    data.mkdir()
    (data / "train_bodies.csv").write_bytes(files["bodies"].read_bytes())
    _write(data / "train_stances.csv", ["Headline", "Body ID", "Stance"], [list(p) for p in PAIRS] * 4)
    out = tmp_path / "model"
    result = CliRunner().invoke(cli, ["stance", "train", "--data", str(data), "--out", str(out),
                                      "--dev-fraction", "0"])
    assert result.exit_code == 0, result.output
    assert (out / "meta.json").is_file() and not list(out.glob("*.pkl"))
    pred = tmp_path / "pred.csv"
    result = CliRunner().invoke(cli, ["stance", "predict", "--stances", str(files["unlabelled"]), "--bodies",
                                      str(files["bodies"]), "--out", str(pred), "--model", str(out)])
    assert result.exit_code == 0, result.output
    assert len(_read(pred)[1]) == len(PAIRS)
