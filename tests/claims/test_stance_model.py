"""The FNC-1 stance model: CLI predict, the scorer against the reference, errors, tree export, a tiny train.

All texts here are fictional (made-up towns and people); the FNC-1 data is never copied into tests.
"""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from claimgraph.claims.fnc.data import Pair, split_by_body
from claimgraph.claims.fnc.forest import Forest
from claimgraph.claims.stance_model import LABELS, MODEL_DIR, predict_stance, predict_stances
from claimgraph.cli import cli
from claimgraph.eval.fnc import score
from tests.conftest import require, shared_path

DATA = Path(__file__).parent / "data"
# Fictional headline/body pairs with the shipped model's label and that label's probability, pinned from the
# shipped model (tests/claims/data/stance_pinned.csv; regenerate only when the model is retrained on purpose).
PINNED_PAIRS, PINNED_BODIES = DATA / "stance_pinned.csv", DATA / "stance_bodies.csv"

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


def test_scorer_equals_the_reference(tmp_path):
    reference_scorer = require(shared_path("tools", "score_fnc.py"), "the reference FNC-1 scorer")
    rng = np.random.RandomState(7)
    gold = [(f"Fictional headline {i} about Lake Quorrin", str(i % 13), LABELS[rng.choice(4, p=[.1, .05, .2, .65])])
            for i in range(400)]
    # Mostly right, with every kind of mistake somewhere.
    pred = [(h, b, s if rng.rand() < 0.7 else LABELS[rng.randint(4)]) for h, b, s in gold]
    gold_csv = _write(tmp_path / "gold.csv", ["Headline", "Body ID", "Stance"], [list(r) for r in gold])
    pred_csv = _write(tmp_path / "pred.csv", ["Headline", "Body ID", "Stance"], [list(r) for r in pred])
    ref = subprocess.run([sys.executable, str(reference_scorer), str(gold_csv), str(pred_csv)],
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


def _pinned() -> tuple[list[tuple[str, str, str, float]], dict[str, str]]:
    with PINNED_PAIRS.open(encoding="utf-8", newline="") as f:
        rows = [(r["Headline"], r["Body ID"], r["Stance"], float(r["Probability"])) for r in csv.DictReader(f)]
    with PINNED_BODIES.open(encoding="utf-8", newline="") as f:
        bodies = {r["Body ID"]: r["articleBody"] for r in csv.DictReader(f)}
    return rows, bodies


def test_shipped_model_gives_the_pinned_predictions():
    # Catches a model loaded wrongly (its IDF weights left out moves 3 of the 24 labels and one probability
    # by 0.46), not only a crash; the tolerance only absorbs floating-point noise across numpy versions.
    rows, bodies = _pinned()
    got = predict_stances([(h, bodies[b]) for h, b, _, _ in rows])
    assert [label for label, _ in got] == [label for _, _, label, _ in rows]
    for (headline, _, label, p), (_, proba) in zip(rows, got):
        assert proba[label] == pytest.approx(p, abs=0.002), headline


def _predict_cli(tmp_path: Path, *model: str) -> list[str]:
    out = tmp_path / f"pred{len(list(tmp_path.glob('pred*.csv')))}.csv"
    result = CliRunner().invoke(cli, ["stance", "predict", "--stances", str(PINNED_PAIRS), "--bodies",
                                      str(PINNED_BODIES), "--out", str(out), *model])
    assert result.exit_code == 0, result.output
    return [row[2] for row in _read(out)[1]]


def test_predict_uses_the_model_given(tmp_path):
    pinned = [label for _, _, label, _ in _pinned()[0]]
    assert _predict_cli(tmp_path) == pinned
    copy = tmp_path / "model"
    shutil.copytree(MODEL_DIR, copy)
    assert _predict_cli(tmp_path, "--model", str(copy)) == pinned
    # The same model with every term weighted alike (another folder: models are cached by folder) gives other
    # labels, so the folder given is the one read.
    altered = tmp_path / "model-flat-idf"
    shutil.copytree(MODEL_DIR, altered)
    np.save(altered / "idf.npy", np.ones_like(np.load(altered / "idf.npy")))
    assert _predict_cli(tmp_path, "--model", str(altered)) != pinned
    broken = tmp_path / "model-no-meta"
    shutil.copytree(MODEL_DIR, broken)
    (broken / "meta.json").unlink()
    result = CliRunner().invoke(cli, ["stance", "predict", "--stances", str(PINNED_PAIRS), "--bodies",
                                      str(PINNED_BODIES), "--out", str(tmp_path / "x.csv"), "--model", str(broken)])
    assert result.exit_code == 1 and "meta.json" in result.output
