"""The accuracy gate: claimgraph's PolNeAR dev figures must stay at or above tests/eval_floors.json.

Runs the whole dev split (84 articles, a few minutes of CPU) through the library. Where the shared data is absent
it is skipped, except in CI (CI set), where it fails: a gate that skips there gates nothing. It fails, without
running, when the data is not the data the floors were pinned on. Re-pin with
`python -m claimgraph.eval.gate --update` (lowering a floor needs `--allow-lower`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph.eval import gate
from tests.conftest import require, shared_path

FLOORS = Path(__file__).resolve().parent / "eval_floors.json"


def test_floors_file_is_well_formed() -> None:
    pinned = gate.load_floors(FLOORS)
    assert set(gate.GATED) <= set(pinned["floors"]), "tests/eval_floors.json lacks a gated figure"
    assert len(pinned["data"]["sha256"]) == 64
    assert 0 <= pinned["tolerance"] < 0.05


@pytest.mark.gate
def test_polnear_dev_figures_stay_above_floors() -> None:
    polnear = gate.locate_polnear()
    if polnear is None:  # skips outside CI, fails in CI, naming the path it looked for
        require(shared_path("data", "polnear", gate.SPLIT, "text"), "the PolNeAR dev split")
    pinned = gate.load_floors(FLOORS)
    sha256, n = gate.split_hash(polnear)
    problem = gate.hash_problem(pinned, sha256)
    if problem:
        pytest.fail(f"{polnear / gate.SPLIT} ({n} articles): {problem}")

    measured = gate.measure(polnear)
    failures = gate.below_floor(pinned, measured.figures)
    assert not failures, "PolNeAR dev figures fell below their floors:\n" + "\n".join(failures)


def test_repin_raises_freely_but_lowers_only_when_allowed() -> None:
    pinned = {"data": {"sha256": "0" * 64}, "tolerance": 0.005, "floors": {k: 0.5 for k in gate.GATED}}
    higher = gate.Measured({k: 0.6 for k in gate.GATED}, "0" * 64, 3)
    assert gate.repin(pinned, higher, allow_lower=False)["floors"]["cue_agree"] == 0.6
    lower = gate.Measured({**higher.figures, "source_agree": 0.4}, "0" * 64, 3)
    with pytest.raises(ValueError, match="source_agree"):
        gate.repin(pinned, lower, allow_lower=False)
    assert gate.repin(pinned, lower, allow_lower=True)["floors"]["source_agree"] == 0.4
    # Within the tolerance passes, beyond it fails.
    assert not gate.below_floor(pinned, {k: 0.496 for k in gate.GATED})
    assert gate.below_floor(pinned, {k: 0.49 for k in gate.GATED})
    assert "floors are for other data" in gate.hash_problem(pinned, "1" * 64)


def test_floors_are_found_from_the_checkout_or_the_environment(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv(gate.FLOORS_ENV, raising=False)
    assert gate.default_floors_path() == FLOORS  # pytest runs inside the checkout
    checkout = tmp_path / "checkout"
    (checkout / "tests").mkdir(parents=True)
    (checkout / "pyproject.toml").write_text("[project]\nname = 'claimgraph'\n", encoding="utf-8")
    (checkout / "tests" / "eval_floors.json").write_text(json.dumps({"floors": {}}), encoding="utf-8")
    (checkout / "docs").mkdir()
    assert gate.repo_root(checkout / "docs") == checkout.resolve()
    assert gate.repo_root(tmp_path) is None  # outside any checkout (as an installed wheel is)
    monkeypatch.setenv(gate.FLOORS_ENV, str(tmp_path / "floors.json"))
    assert gate.default_floors_path() == tmp_path / "floors.json"


def test_gate_command_without_a_floors_file_says_how_to_give_one(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.delenv(gate.FLOORS_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(gate, "repo_root", lambda start=None: None)  # as from an installed wheel
    assert gate.main(["--data", str(tmp_path)]) == 2
    assert "--floors" in capsys.readouterr().err


@pytest.mark.parametrize("ci,outcome", [("true", pytest.fail.Exception), ("", pytest.skip.Exception)])
def test_absent_shared_data_fails_in_ci_and_skips_elsewhere(tmp_path, monkeypatch, ci, outcome) -> None:
    monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome, match="absent"):
        require(tmp_path / "polnear" / "dev" / "text", "the PolNeAR dev split")
    assert require(tmp_path, "a folder that exists") == tmp_path
