"""Gradient-boosted trees as plain arrays: export a fitted HistGradientBoostingClassifier, predict with numpy.

Why not pickle the classifier: a pickle ties the shipped model to the exact scikit-learn version that wrote it
(and executes code on load). The fitted trees are just node tables, so they are stored in an .npz file and
walked here; the result matches `predict_proba` to float precision (a test checks it).

`from_sklearn` reads scikit-learn's private attributes (`_predictors`, each predictor's `nodes` table,
`_baseline_prediction`), which carry no compatibility promise. That is only at training time (prediction uses
the arrays alone), so the choice is a pinned, tested range rather than owning a boosting implementation:
pyproject.toml pins scikit-learn>=1.4,<1.10, each of 1.4.2 to 1.9.1 checked against `predict_proba`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

_FIELDS = ("feature", "threshold", "left", "right", "is_leaf", "missing_left", "value", "roots", "tree_class",
           "baseline", "classes")


@dataclass
class Forest:
    """All trees of one boosted classifier, node tables concatenated (child indices are global)."""

    feature: np.ndarray       # int32, split feature per node
    threshold: np.ndarray     # float64, go left when x <= threshold
    left: np.ndarray          # int32
    right: np.ndarray         # int32
    is_leaf: np.ndarray       # bool
    missing_left: np.ndarray  # bool, where NaN goes
    value: np.ndarray         # float64, leaf raw score
    roots: np.ndarray         # int32, root node of each tree
    tree_class: np.ndarray    # int32, which raw-score column each tree adds to
    baseline: np.ndarray      # float64, initial raw score per column
    classes: np.ndarray       # the class labels, in predict_proba column order

    @classmethod
    def from_sklearn(cls, clf) -> Forest:
        """Copy the trees out of a fitted HistGradientBoostingClassifier (numeric features only)."""
        parts: dict[str, list[np.ndarray]] = {k: [] for k in ("feature", "threshold", "left", "right", "is_leaf",
                                                               "missing_left", "value")}
        roots, tree_class, offset = [], [], 0
        for per_iteration in clf._predictors:
            for k, tree in enumerate(per_iteration):
                nodes = tree.nodes
                if nodes["is_categorical"].any():
                    raise ValueError("categorical splits are not supported")
                parts["feature"].append(nodes["feature_idx"].astype(np.int32))
                parts["threshold"].append(nodes["num_threshold"].astype(np.float64))
                parts["left"].append(nodes["left"].astype(np.int32) + offset)
                parts["right"].append(nodes["right"].astype(np.int32) + offset)
                parts["is_leaf"].append(nodes["is_leaf"].astype(bool))
                parts["missing_left"].append(nodes["missing_go_to_left"].astype(bool))
                parts["value"].append(nodes["value"].astype(np.float64))
                roots.append(offset)
                tree_class.append(k)
                offset += len(nodes)
        arrays = {k: np.concatenate(v) for k, v in parts.items()}
        return cls(**arrays, roots=np.array(roots, np.int32), tree_class=np.array(tree_class, np.int32),
                   baseline=np.asarray(clf._baseline_prediction, np.float64).ravel(),
                   classes=np.asarray(clf.classes_))

    def save(self, path: Path) -> None:
        np.savez_compressed(path, **{k: getattr(self, k) for k in _FIELDS})

    @classmethod
    def load(cls, path: Path) -> Forest:
        with np.load(path, allow_pickle=False) as z:
            return cls(**{k: z[k] for k in _FIELDS})

    def raw(self, X: np.ndarray, chunk: int = 2048) -> np.ndarray:
        """Raw scores (n x columns): baseline plus the leaf value each tree assigns."""
        X = np.asarray(X, dtype=np.float64)
        n_cols = len(self.baseline)
        out = np.tile(self.baseline, (len(X), 1))
        onehot = np.zeros((len(self.roots), n_cols))
        onehot[np.arange(len(self.roots)), self.tree_class] = 1.0
        for start in range(0, len(X), chunk):
            x = X[start : start + chunk]
            rows = np.arange(len(x))[:, None]
            idx = np.tile(self.roots, (len(x), 1))  # every sample at every tree's root
            while True:
                leaf = self.is_leaf[idx]
                if leaf.all():
                    break
                v = x[rows, self.feature[idx]]
                go_left = np.where(np.isnan(v), self.missing_left[idx], v <= self.threshold[idx])
                idx = np.where(leaf, idx, np.where(go_left, self.left[idx], self.right[idx]))
            out[start : start + chunk] += self.value[idx] @ onehot
        return out

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """Class probabilities, columns in `classes` order (sigmoid for two classes, softmax otherwise)."""
        raw = self.raw(X)
        if raw.shape[1] == 1:
            p = 1.0 / (1.0 + np.exp(-raw[:, 0]))
            return np.column_stack([1.0 - p, p])
        raw -= raw.max(axis=1, keepdims=True)
        e = np.exp(raw)
        return e / e.sum(axis=1, keepdims=True)
