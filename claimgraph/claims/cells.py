"""Cells of the semantic step above semantic.EXACT_MAX statements: a two-level k-means over the static embeddings,
so that only statements in one cell are compared and the cost grows linearly with n (about n x PROBES x CELL / 2
pairs), not as n^2."""

from __future__ import annotations

import numpy as np

PROBES = 2          # fine cells each statement joins
CELL = 1_000        # statements per fine k-means cell
SAMPLE = 50_000     # statements k-means is fitted on, per level


def cells(emb: np.ndarray, seed: int = 0) -> list[np.ndarray]:
    """Members of each cell of a two-level k-means over the embeddings, cells of about CELL statements: each
    statement goes to its nearest of sqrt(n / CELL) coarse centres, then, inside that coarse cell, joins its PROBES
    nearest fine centres (one per CELL members). K-means is fitted on at most SAMPLE statements per level, so the
    cost grows linearly with n (the pairs compared: about n x PROBES x CELL / 2)."""
    live = np.flatnonzero(np.any(emb != 0, axis=1))    # too-short statements (zero vectors) join nothing
    coarse_k = max(1, int(np.ceil(np.sqrt(len(live) / CELL))))
    top = nearest(emb[live], centres(emb[live], coarse_k, seed), 1)[:, 0]
    out: list[np.ndarray] = []
    for c in range(coarse_k):
        members = live[top == c]
        if len(members) <= 2 * CELL:
            if len(members) > 1:
                out.append(members)
            continue
        k = int(np.ceil(len(members) / CELL))
        near = nearest(emb[members], centres(emb[members], k, seed), min(PROBES, k))
        order = np.argsort(near.ravel(), kind="stable")
        cell_of = near.ravel()[order]
        statement = members[order // near.shape[1]]
        bounds = np.searchsorted(cell_of, np.arange(k + 1))
        out.extend(statement[bounds[f]:bounds[f + 1]] for f in range(k) if bounds[f + 1] - bounds[f] > 1)
    return out


def centres(x: np.ndarray, k: int, seed: int) -> np.ndarray:
    """K-means centres of the rows of x (mini-batch, fitted on at most SAMPLE rows drawn with `seed`)."""
    from sklearn.cluster import MiniBatchKMeans

    if k <= 1 or len(x) <= k:
        return x[:max(1, min(k, len(x)))].astype(np.float32) if k > 1 else x.mean(axis=0, keepdims=True)
    if len(x) > SAMPLE:
        x = x[np.random.default_rng(seed).choice(len(x), SAMPLE, replace=False)]
    km = MiniBatchKMeans(n_clusters=k, random_state=seed, batch_size=4096, n_init=1, max_iter=10).fit(x)
    return km.cluster_centers_.astype(np.float32)


def nearest(x: np.ndarray, centres: np.ndarray, probes: int) -> np.ndarray:
    """The `probes` nearest centres (by dot product) of each row of x, in blocks of 50,000 rows."""
    out = np.empty((len(x), probes), dtype=np.int64)
    for start in range(0, len(x), 50_000):
        scores = x[start:start + 50_000] @ centres.T
        out[start:start + 50_000] = np.argsort(-scores, axis=1)[:, :probes]
    return out
