"""The accuracy gate: claimgraph's PolNeAR dev figures must stay at or above tests/eval_floors.json.

Runs the whole dev split (84 articles, a few minutes of CPU) through the library. Skipped where the shared data is
absent; fails, without running, when the data is not the data the floors were pinned on. Re-pin with
`python -m claimgraph.eval.gate --update` (lowering a floor needs `--allow-lower`).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimgraph.eval import gate


def _polnear() -> Path | None:
    # The repository's sibling shared/ (or $CLAIMGRAPH_SHARED_DATA), as gate.locate_polnear finds it.
    env = os.environ.get("CLAIMGRAPH_SHARED_DATA")
    default = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"
    for cand in ([Path(env) / "polnear", Path(env)] if env else []) + [default]:
        if (cand / gate.SPLIT / "text").is_dir():
            return cand
    return None


def test_floors_file_is_well_formed() -> None:
    pinned = gate.load_floors()
    assert set(gate.GATED) <= set(pinned["floors"]), "tests/eval_floors.json lacks a gated figure"
    assert len(pinned["data"]["sha256"]) == 64
    assert 0 <= pinned["tolerance"] < 0.05


@pytest.mark.gate
def test_polnear_dev_figures_stay_above_floors() -> None:
    polnear = _polnear()
    if polnear is None:
        pytest.skip("PolNeAR data absent: no ../shared/data/polnear/dev and no $CLAIMGRAPH_SHARED_DATA")
    pinned = gate.load_floors()
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
