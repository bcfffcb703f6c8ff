"""Stance of a news article towards a headline claim (FNC-1 labels: agree, disagree, discuss, unrelated).

Library use, with the model shipped in the package (loaded lazily, once):

    >>> from claimgraph.claims.stance_model import predict_stance
    >>> label, proba = predict_stance("Mayor of Veldoria resigns", "The mayor of Veldoria denied on Monday ...")
    >>> label, round(sum(proba.values()), 6)  # doctest: +SKIP
    ('disagree', 1.0)

Training and evaluation (what `claimgraph stance train|eval|predict` run) are here too; the pieces live in
`claimgraph.claims.fnc` (data, features, forest, model).
"""

from __future__ import annotations

import csv
import time
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from claimgraph.claims.fnc.data import LABELS, FncDataError, Pair, check_bodies, read_bodies, read_pairs, split_by_body
from claimgraph.claims.fnc.features import FeatureSpace
from claimgraph.claims.fnc.model import StanceModel, cosine_baseline, featurise, official_like_baseline, train
from claimgraph.eval.fnc import confusion, score_labels

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models" / "fnc_stance"
DEFAULT_DEV_FRACTION = 0.2
DEFAULT_SEED = 0

__all__ = ["LABELS", "MODEL_DIR", "FncDataError", "StanceModel", "load_model", "predict_stance", "predict_stances",
           "predict_files", "train_and_evaluate", "evaluate"]


@lru_cache(maxsize=4)
def load_model(directory: str | Path | None = None) -> StanceModel:
    """The stance model in `directory` (default: the one shipped in the package), loaded once per directory."""
    return StanceModel.load(Path(directory) if directory else MODEL_DIR)


def predict_stances(pairs: Iterable[tuple[str, str]], model: StanceModel | None = None
                    ) -> list[tuple[str, dict[str, float]]]:
    """(label, {label: probability}) for each (headline, body) pair, in order.

    Probabilities are P(related) x P(stance | related) and P(unrelated); the label is decided stage by stage
    (see `StanceModel.decide`), so it is not always the largest of the four probabilities.
    """
    pairs = [(h or "", b or "") for h, b in pairs]
    if not pairs:
        return []
    labels, proba = (model or load_model()).predict(pairs)
    return [(lab, {c: float(p) for c, p in zip(LABELS, row)}) for lab, row in zip(labels, proba)]


def predict_stance(headline: str, body: str, model: StanceModel | None = None) -> tuple[str, dict[str, float]]:
    """Stance of one article body towards one headline: (label, {label: probability})."""
    return predict_stances([(headline, body)], model)[0]


def predict_files(stances_csv: Path, bodies_csv: Path, out_csv: Path, model_dir: Path | None = None) -> int:
    """Read FNC-1-layout CSVs (Stance column optional), write `Headline,Body ID,Stance` in input order."""
    pairs = read_pairs(stances_csv)
    bodies = read_bodies(bodies_csv)
    check_bodies(pairs, bodies, bodies_csv)
    model = load_model(model_dir)
    labels = model.decide(model.predict_proba([(p.headline, bodies[p.body_id]) for p in pairs])) if pairs else []
    out_csv = Path(out_csv)
    out_csv.parent.mkdir(parents=True, exist_ok=True)
    with out_csv.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Headline", "Body ID", "Stance"])
        w.writerows([p.headline, p.body_id, lab] for p, lab in zip(pairs, labels))
    return len(pairs)


# ----- training and evaluation ------------------------------------------------------------------------------
def _read_fnc(data_dir: Path) -> tuple[list[Pair], dict[str, str]]:
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise FncDataError(f"{data_dir}: no such directory (expected train_bodies.csv and train_stances.csv)")
    bodies = read_bodies(data_dir / "train_bodies.csv")
    pairs = read_pairs(data_dir / "train_stances.csv", require_stance=True)
    check_bodies(pairs, bodies, data_dir / "train_bodies.csv")
    return pairs, bodies


def _dev_report(model: StanceModel, train_pairs: Sequence[Pair], dev_pairs: Sequence[Pair],
                X_train: np.ndarray, X_dev: np.ndarray, seed: int) -> dict[str, Any]:
    """Model and baselines scored on the same dev pairs, in one run."""
    gold = [p.stance for p in dev_pairs]
    y_train = [p.stance for p in train_pairs]
    pred = model.decide(model.predict_proba([], X=X_dev)) if len(X_dev) else []
    systems = {
        "model": pred,
        "baseline_official_like": official_like_baseline(X_train, y_train, X_dev, seed),
        "baseline_tfidf_cosine": cosine_baseline(X_train, y_train, X_dev),
    }
    return {"n_dev_pairs": len(dev_pairs), "n_dev_bodies": len({p.body_id for p in dev_pairs}),
            "scores": {k: score_labels(gold, v) for k, v in systems.items()},
            "confusion_model": confusion(gold, pred)}


def train_and_evaluate(data_dir: Path, out_dir: Path | None = None, dev_fraction: float = DEFAULT_DEV_FRACTION,
                       seed: int = DEFAULT_SEED, log: Callable[[str], None] = lambda _m: None) -> dict[str, Any]:
    """Train on FNC-1 minus a dev split held out by Body ID, score it with the baselines, write the model.

    With dev_fraction 0 the model is trained on every pair and nothing is scored. The model written is the one
    trained without the dev bodies, so the figures printed are those of the shipped model.
    """
    t0 = time.perf_counter()
    pairs, bodies = _read_fnc(data_dir)
    train_pairs, dev_pairs = split_by_body(pairs, dev_fraction, seed)
    log(f"{len(train_pairs)} training pairs, {len(dev_pairs)} dev pairs "
        f"({len({p.body_id for p in dev_pairs})} bodies held out, seed {seed})")
    used = sorted({p.body_id for p in train_pairs}, key=lambda b: (len(b), b))
    space = FeatureSpace.fit([bodies[b] for b in used], [p.headline for p in train_pairs])
    X_train = featurise(space, train_pairs, bodies)
    X_dev = featurise(space, dev_pairs, bodies)
    log(f"features: {X_train.shape[1]} per pair, vocabulary {len(space.vocabulary)} terms "
        f"({time.perf_counter() - t0:.0f}s)")
    model = train(train_pairs, bodies, seed, X=X_train, space=space)
    log(f"trained both stages ({time.perf_counter() - t0:.0f}s)")
    report: dict[str, Any] = {"dev_fraction": dev_fraction, "split_seed": seed}
    if dev_pairs:
        report.update(_dev_report(model, train_pairs, dev_pairs, X_train, X_dev, seed))
    report["train_seconds"] = round(time.perf_counter() - t0, 1)
    model.meta.update({"dev_fraction": dev_fraction, "split_seed": seed,
                       "dev_scores": report.get("scores", {})})
    model.save(Path(out_dir) if out_dir else MODEL_DIR)
    load_model.cache_clear()
    return report


def evaluate(data_dir: Path, model_dir: Path | None = None, dev_fraction: float | None = None,
             seed: int | None = None) -> dict[str, Any]:
    """Score a trained model on its dev split (by default the split it was trained without) plus the baselines."""
    model = load_model(model_dir)
    dev_fraction = model.meta.get("dev_fraction", DEFAULT_DEV_FRACTION) if dev_fraction is None else dev_fraction
    seed = model.meta.get("split_seed", DEFAULT_SEED) if seed is None else seed
    pairs, bodies = _read_fnc(data_dir)
    train_pairs, dev_pairs = split_by_body(pairs, dev_fraction, seed)
    if not dev_pairs:
        raise FncDataError("the dev split is empty: use a --dev-fraction above 0")
    X_train = featurise(model.features, train_pairs, bodies)
    X_dev = featurise(model.features, dev_pairs, bodies)
    report = {"dev_fraction": dev_fraction, "split_seed": seed,
              **_dev_report(model, train_pairs, dev_pairs, X_train, X_dev, seed)}
    if (dev_fraction, seed) != (model.meta.get("dev_fraction"), model.meta.get("split_seed")):
        report["warning"] = ("this split differs from the one the model was trained without: dev bodies may have "
                             "been seen in training, so the figures are optimistic")
    return report
