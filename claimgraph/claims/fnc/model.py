"""The two-stage FNC-1 stance model: related vs unrelated, then agree / disagree / discuss for related pairs.

Two stages because the two decisions need different evidence (lexical overlap for relatedness, cue words and
their position for stance) and because the stance stage can then be weighted for the rare `disagree` class
without disturbing the relatedness decision, which carries a quarter of every pair's FNC score.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from claimgraph.claims.fnc.data import LABELS, STANCES, Pair
from claimgraph.claims.fnc.features import FeatureSpace
from claimgraph.claims.fnc.forest import Forest

FORMAT_VERSION = 1
# Stage-2 class weight = (largest class count / class count) ** power. 0.75 sits between no weighting and full
# inverse frequency: it lifts `disagree` recall (macro-F1) without flooding `discuss` pairs with false disagrees.
# Picked after comparing four weightings on the dev split (unweighted gave macro-F1 0.68, this about 0.70), so
# the dev figures are slightly optimistic about this one choice; nothing else was tuned on dev.
CLASS_WEIGHT_POWER = 0.75
RELATED_PARAMS = dict(max_iter=300, learning_rate=0.1, max_leaf_nodes=31)
STANCE_PARAMS = dict(max_iter=400, learning_rate=0.08, max_leaf_nodes=31, l2_regularization=1.0)
# The official FNC-1 baseline used word overlap, refuting words, polarity and n-gram hits; these are our
# columns closest to it, for a baseline trained in the same run.
BASELINE_FEATURES = ("jaccard", "uni_in_body", "uni_in_lead", "bi_in_body", "char_in_body", "char_in_lead",
                     "h_refute_parity", "b_refute_parity") + tuple(
    f"h_cue_{w}" for w in ("fake", "fraud", "hoax", "false", "deny", "denies", "not", "despite", "nope", "doubt",
                            "debunk", "refute", "retract"))


def _hgb(seed: int, **params: Any):
    from sklearn.ensemble import HistGradientBoostingClassifier

    # No early stopping: it would carve a random validation set out and make results depend on it.
    return HistGradientBoostingClassifier(early_stopping=False, random_state=seed, **params)


def _fit(clf, X: np.ndarray, y: np.ndarray, weight: np.ndarray | None = None):
    from threadpoolctl import threadpool_limits

    # One thread: the machine is shared, and a fixed summation order keeps retraining bit-for-bit reproducible.
    with threadpool_limits(limits=1):
        return clf.fit(X, y, sample_weight=weight)


def stance_weights(y: np.ndarray, power: float = CLASS_WEIGHT_POWER) -> np.ndarray:
    """Per-sample weights for the stance stage (labels are indices into STANCES)."""
    counts = np.bincount(y, minlength=len(STANCES)).astype(float)
    per_class = (counts.max() / np.maximum(counts, 1.0)) ** power
    return per_class[y]


@dataclass
class StanceModel:
    """Featuriser plus the two boosted-tree stages; `meta` records how it was trained and what it scored."""

    features: FeatureSpace
    related: Forest
    stance: Forest
    meta: dict[str, Any] = field(default_factory=dict)

    # ----- prediction --------------------------------------------------------------------------------------
    def predict_proba(self, pairs: Sequence[tuple[str, str]], X: np.ndarray | None = None) -> np.ndarray:
        """P(label) for (headline, body) pairs, columns in LABELS order: P(related) x P(stance | related)."""
        X = self.features.transform(pairs) if X is None else X
        p_rel = self.related.predict_proba(X)[:, 1]
        p_st = self.stance.predict_proba(X)
        return np.column_stack([p_rel[:, None] * p_st, 1.0 - p_rel])

    @staticmethod
    def decide(proba: np.ndarray) -> list[str]:
        """Labels stage by stage: unrelated when P(related) < 0.5, else the most likely stance.

        This can differ from the argmax over the four joint probabilities (e.g. P(related)=0.6 split three
        ways), and it is the rule the FNC score rewards: relatedness first, then the stance.
        """
        p_rel = 1.0 - proba[:, 3]
        stance = proba[:, :3].argmax(axis=1)
        return [LABELS[s] if r >= 0.5 else "unrelated" for r, s in zip(p_rel, stance)]

    def predict(self, pairs: Sequence[tuple[str, str]]) -> tuple[list[str], np.ndarray]:
        proba = self.predict_proba(pairs)
        return self.decide(proba), proba

    # ----- persistence -------------------------------------------------------------------------------------
    def save(self, directory: Path) -> None:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        self.features.save(directory)
        self.related.save(directory / "related.npz")
        self.stance.save(directory / "stance.npz")
        meta = {"format_version": FORMAT_VERSION, "labels": list(LABELS), "features": FeatureSpace.names(),
                **self.meta}
        (directory / "meta.json").write_text(json.dumps(meta, indent=2) + "\n")

    @classmethod
    def load(cls, directory: Path) -> StanceModel:
        directory = Path(directory)
        meta_path = directory / "meta.json"
        if not meta_path.is_file():
            raise FileNotFoundError(f"{directory}: no stance model here (meta.json missing); "
                                    "run `claimgraph stance train`")
        meta = json.loads(meta_path.read_text())
        if meta.get("format_version") != FORMAT_VERSION or meta.get("features") != FeatureSpace.names():
            raise ValueError(f"{directory}: model was written by another version of the features; retrain it")
        return cls(FeatureSpace.load(directory), Forest.load(directory / "related.npz"),
                   Forest.load(directory / "stance.npz"), meta)


def featurise(space: FeatureSpace, pairs: Sequence[Pair], bodies: dict[str, str]) -> np.ndarray:
    return space.transform([(p.headline, bodies[p.body_id]) for p in pairs])


def train(pairs: Sequence[Pair], bodies: dict[str, str], seed: int = 0,
          X: np.ndarray | None = None, space: FeatureSpace | None = None) -> StanceModel:
    """Fit the vocabulary on the training bodies and headlines, then both stages. Deterministic for a seed."""
    t0 = time.perf_counter()
    if space is None:
        used = sorted({p.body_id for p in pairs}, key=lambda b: (len(b), b))
        space = FeatureSpace.fit([bodies[b] for b in used], [p.headline for p in pairs])
    X = featurise(space, pairs, bodies) if X is None else X
    y = np.array([LABELS.index(p.stance) for p in pairs])
    related = _fit(_hgb(seed, **RELATED_PARAMS), X, (y != 3).astype(int))
    mask = y != 3
    stance = _fit(_hgb(seed, **STANCE_PARAMS), X[mask], y[mask], stance_weights(y[mask]))
    meta = {"seed": seed, "n_train_pairs": len(pairs), "class_weight_power": CLASS_WEIGHT_POWER,
            "related_params": RELATED_PARAMS, "stance_params": STANCE_PARAMS,
            "fit_seconds": round(time.perf_counter() - t0, 1)}
    return StanceModel(space, Forest.from_sklearn(related), Forest.from_sklearn(stance), meta)


# ----- baselines, trained and scored in the same run as the model ------------------------------------------
def cosine_baseline(X_train: np.ndarray, y_train: Sequence[str], X_dev: np.ndarray) -> list[str]:
    """Unrelated below a TF-IDF cosine threshold (best on train), else `discuss`, the commonest stance."""
    col = FeatureSpace.names().index("cos_body")
    related = np.array([y != "unrelated" for y in y_train])
    grid = np.unique(np.round(X_train[:, col], 3))
    acc = [((X_train[:, col] >= t) == related).mean() for t in grid]
    t = grid[int(np.argmax(acc))]
    return ["discuss" if c >= t else "unrelated" for c in X_dev[:, col]]


def official_like_baseline(X_train: np.ndarray, y_train: Sequence[str], X_dev: np.ndarray, seed: int = 0) -> list[str]:
    """One boosted classifier over the official-baseline-like columns, no class weights (as FNC-1 shipped it)."""
    names = FeatureSpace.names()
    cols = [names.index(n) for n in BASELINE_FEATURES]
    clf = _fit(_hgb(seed, max_iter=200, learning_rate=0.1), X_train[:, cols], np.array(y_train))
    return list(clf.predict(X_dev[:, cols]))
