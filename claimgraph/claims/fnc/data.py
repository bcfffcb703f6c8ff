"""Reading FNC-1 files and splitting them by article body.

The FNC-1 layout is two CSV files: bodies (`Body ID,articleBody`) and stance pairs (`Headline,Body ID[,Stance]`).
The data itself is third-party and is only ever read from where it lives (e.g. ../shared/data/fnc1); nothing
here copies it.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np

LABELS: tuple[str, ...] = ("agree", "disagree", "discuss", "unrelated")
STANCES: tuple[str, ...] = LABELS[:3]  # the labels of a related pair


class FncDataError(ValueError):
    """A missing or malformed FNC-1 file; the message names the file."""


@dataclass(frozen=True)
class Pair:
    """One headline/body pair; `stance` is None where the file has no Stance column."""

    headline: str
    body_id: str
    stance: str | None = None


def _read_csv(path: Path, required: tuple[str, ...]) -> list[dict[str, str]]:
    path = Path(path)
    if not path.is_file():
        raise FncDataError(f"{path}: no such file")
    try:
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            header = [h.strip() for h in (reader.fieldnames or [])]
            missing = [c for c in required if c not in header]
            if missing:
                raise FncDataError(f"{path}: missing column(s) {', '.join(missing)} "
                                   f"(header: {', '.join(header) or 'empty'})")
            # Normalise header whitespace so "Body ID " still works.
            return [{(k or "").strip(): (v or "") for k, v in row.items()} for row in reader]
    except (UnicodeDecodeError, csv.Error) as exc:
        raise FncDataError(f"{path}: not a readable UTF-8 CSV file ({exc})") from exc


def read_bodies(path: Path) -> dict[str, str]:
    """Body ID -> article text."""
    return {r["Body ID"].strip(): r["articleBody"] for r in _read_csv(path, ("Body ID", "articleBody"))}


def read_pairs(path: Path, require_stance: bool = False) -> list[Pair]:
    """Stance pairs in file order; the Stance column is optional unless `require_stance`."""
    cols = ("Headline", "Body ID", "Stance") if require_stance else ("Headline", "Body ID")
    rows = _read_csv(path, cols)
    pairs = []
    for i, r in enumerate(rows, start=2):  # line 1 is the header
        stance = r.get("Stance", "").strip().lower() or None
        if stance is not None and stance not in LABELS:
            raise FncDataError(f"{path}: line {i}: unknown stance {stance!r} (expected one of {', '.join(LABELS)})")
        if require_stance and stance is None:
            raise FncDataError(f"{path}: line {i}: empty Stance")
        pairs.append(Pair(r["Headline"], r["Body ID"].strip(), stance))
    return pairs


def check_bodies(pairs: list[Pair], bodies: dict[str, str], bodies_path: Path) -> None:
    """Fail early, naming the file, when a pair points at a body that is not there."""
    missing = sorted({p.body_id for p in pairs} - bodies.keys())
    if missing:
        shown = ", ".join(missing[:5]) + (" ..." if len(missing) > 5 else "")
        raise FncDataError(f"{bodies_path}: {len(missing)} Body ID(s) used by the stances file are missing: {shown}")


def split_by_body(pairs: list[Pair], dev_fraction: float, seed: int) -> tuple[list[Pair], list[Pair]]:
    """Hold out a fraction of the bodies (not of the pairs) so no body is in both parts, as FNC-1 did."""
    ids = sorted({p.body_id for p in pairs}, key=lambda b: (len(b), b))
    rng = np.random.RandomState(seed)
    n_dev = int(round(dev_fraction * len(ids)))
    dev_ids = set(np.asarray(ids)[rng.permutation(len(ids))[:n_dev]].tolist())
    return [p for p in pairs if p.body_id not in dev_ids], [p for p in pairs if p.body_id in dev_ids]
