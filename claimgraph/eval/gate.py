"""The accuracy quality gate: PolNeAR dev figures must not fall below pinned floors.

tests/eval_floors.json pins the floors, a tolerance, and the sha256 of the data they were measured on (the
floors mean nothing for other data, so a different hash fails loudly rather than comparing). tests/test_eval_gate.py
checks them; this module re-pins them from a fresh run:

    python -m claimgraph.eval.gate                        # check, exit 1 when a figure is below its floor
    python -m claimgraph.eval.gate --update               # re-pin; refuses to lower any floor
    python -m claimgraph.eval.gate --update --allow-lower # re-pin, lowering where the figures fell

The floors file belongs to the repository, not to the installed package: it is `--floors PATH`, else
$CLAIMGRAPH_EVAL_FLOORS, else tests/eval_floors.json in the claimgraph checkout that holds the working directory
(or, for an editable install, this source file).

The gate always scores the whole split: a subset's figures are not comparable with the floors.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from claimgraph.eval.data import shared_data_dir
from claimgraph.eval.polnear import data_hash, default_metadata, evaluate, load_split

GATED = ("content_partial_f1", "end_to_end_f1", "content_exact_f1", "source_agree", "cue_agree")
SPLIT = "dev"
DEFAULT_TOLERANCE = 0.005
FLOORS_ENV = "CLAIMGRAPH_EVAL_FLOORS"
FLOORS_IN_REPO = Path("tests") / "eval_floors.json"


def repo_root(start: Path | None = None) -> Path | None:
    """The claimgraph checkout holding `start` (default: the working directory, then this source file): the
    nearest folder upwards with a pyproject.toml and tests/eval_floors.json. None outside a checkout (an
    installed wheel has no tests/)."""
    starts = [start] if start is not None else [Path.cwd(), Path(__file__).resolve().parent]
    for first in starts:
        for folder in [first.resolve(), *first.resolve().parents]:
            if (folder / "pyproject.toml").is_file() and (folder / FLOORS_IN_REPO).is_file():
                return folder
    return None


def default_floors_path() -> Path | None:
    """$CLAIMGRAPH_EVAL_FLOORS, else tests/eval_floors.json of the checkout (`repo_root`); None when neither."""
    env = os.environ.get(FLOORS_ENV)
    if env:
        return Path(env)
    root = repo_root()
    return root / FLOORS_IN_REPO if root else None


def locate_polnear() -> Path | None:
    """The PolNeAR folder under the shared data (`claimgraph.eval.data.shared_data_dir`); None when it is absent."""
    polnear = shared_data_dir("polnear")
    return polnear if (polnear / SPLIT / "text").is_dir() else None


def split_hash(polnear: Path, split: str = SPLIT) -> tuple[str, int]:
    """(sha256, article count) of a split as the eval reads it; cheap, so it is checked before the slow run."""
    split_dir = polnear / split
    articles = load_split(split_dir, default_metadata(split_dir))
    return data_hash(articles), len(articles)


@dataclass
class Measured:
    figures: dict[str, float]
    sha256: str
    articles: int


def measure(polnear: Path, split: str = SPLIT, n_process: int = 1, progress: bool = False) -> Measured:
    """claimgraph's figures on the whole split, through the library (`Extractor` with its defaults)."""
    split_dir = polnear / split
    result = evaluate(split_dir, default_metadata(split_dir), baseline=False, n_process=n_process,
                      progress=progress)
    system = result.systems["claimgraph"]
    if system.failures:
        # An article whose extraction raised scores as empty; say so, since it lowers the figures.
        print(f"warning: extraction failed on {len(system.failures)} article(s): {system.failures[0]}",
              file=sys.stderr)
    overall = system.score.overall.to_json()
    return Measured({k: overall[k] for k in GATED}, result.data_sha256, result.articles)


def load_floors(path: Path) -> dict[str, Any]:
    """The pinned floors in `path` (see `default_floors_path` for where the repository keeps them)."""
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def hash_problem(pinned: dict[str, Any], sha256: str) -> str | None:
    """A message when the data is not the data the floors were measured on."""
    want = pinned["data"]["sha256"]
    if sha256 == want:
        return None
    return (f"the evaluation data differs from the data the floors were pinned on (sha256 {sha256[:16]}… != "
            f"pinned {want[:16]}…): the floors are for other data. If the corpus changed on purpose, re-pin with "
            f"`python -m claimgraph.eval.gate --update --allow-lower` and review the new floors.")


def below_floor(pinned: dict[str, Any], figures: dict[str, float]) -> list[str]:
    """One message per figure below its floor minus the tolerance."""
    tol = float(pinned.get("tolerance", DEFAULT_TOLERANCE))
    out = []
    for name in GATED:
        floor = float(pinned["floors"][name])
        if figures[name] < floor - tol:
            out.append(f"{name} = {figures[name]:.4f} is below its floor {floor:.4f} (tolerance {tol})")
    return out


def repin(pinned: dict[str, Any] | None, measured: Measured, allow_lower: bool) -> dict[str, Any]:
    """New floors from a fresh run. Raises ValueError naming every floor it would lower, unless allowed."""
    if pinned is not None and not allow_lower:
        lower = [f"{k}: {pinned['floors'][k]} -> {measured.figures[k]}" for k in GATED
                 if measured.figures[k] < float(pinned["floors"].get(k, 0.0))]
        if lower:
            raise ValueError("re-pinning would lower floors (pass --allow-lower to do so on purpose): "
                             + "; ".join(lower))
    tolerance = pinned.get("tolerance", DEFAULT_TOLERANCE) if pinned else DEFAULT_TOLERANCE
    out = {
        "about": "PolNeAR dev floors for tests/test_eval_gate.py; re-pin with `python -m claimgraph.eval.gate "
                 "--update` (lowering needs --allow-lower).",
        "data": {"corpus": "polnear", "split": SPLIT, "articles": measured.articles, "sha256": measured.sha256},
        "tolerance": tolerance,
        "floors": {k: measured.figures[k] for k in GATED},
        "pinned_on": date.today().isoformat(),
    }
    if not any(measured.figures.values()):
        # Zero floors gate nothing; say so in the file so nobody mistakes them for a measurement of quality.
        out["note"] = "pinned while the extractor found no attributions: every floor is 0.0 until re-pinned"
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m claimgraph.eval.gate", description=__doc__.split("\n")[0])
    parser.add_argument("--update", action="store_true", help="re-pin the floors from a fresh run")
    parser.add_argument("--allow-lower", action="store_true", help="with --update: allow lowering floors")
    parser.add_argument("--data", type=Path, help="the PolNeAR folder (default: $CLAIMGRAPH_SHARED_DATA or "
                                                  "../shared/data/polnear)")
    parser.add_argument("--floors", type=Path, default=None,
                        help=f"the floors file (default: ${FLOORS_ENV}, else tests/eval_floors.json of the checkout "
                             "holding the working directory)")
    parser.add_argument("--processes", type=int, default=1, help="processes for parsing")
    args = parser.parse_args(argv)
    if args.allow_lower and not args.update:
        parser.error("--allow-lower only goes with --update")
    args.floors = args.floors or default_floors_path()
    if args.floors is None:
        print(f"error: no floors file: pass --floors PATH, set {FLOORS_ENV}, or run inside the claimgraph checkout",
              file=sys.stderr)
        return 2

    polnear = args.data or locate_polnear()
    if polnear is None or not (polnear / SPLIT / "text").is_dir():
        print(f"error: no PolNeAR {SPLIT} split found (set CLAIMGRAPH_SHARED_DATA or pass --data)", file=sys.stderr)
        return 2
    pinned = load_floors(args.floors) if args.floors.exists() else None
    if pinned is not None and not args.update:
        problem = hash_problem(pinned, split_hash(polnear)[0])
        if problem:
            print(f"error: {problem}", file=sys.stderr)
            return 1

    measured = measure(polnear, n_process=args.processes, progress=True)
    print(json.dumps({"figures": measured.figures, "sha256": measured.sha256}, indent=2))
    if not args.update:
        if pinned is None:
            print(f"error: no floors at {args.floors}; create them with --update", file=sys.stderr)
            return 2
        failures = below_floor(pinned, measured.figures)
        for line in failures:
            print(f"FAIL {line}", file=sys.stderr)
        return 1 if failures else 0

    if pinned is not None and pinned["data"]["sha256"] != measured.sha256:
        print("note: the data changed since the floors were pinned; the comparison below is across data",
              file=sys.stderr)
    try:
        new = repin(pinned, measured, args.allow_lower)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    args.floors.write_text(json.dumps(new, indent=2) + "\n", encoding="utf-8")
    print(f"floors written to {args.floors}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
