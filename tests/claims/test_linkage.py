"""semantic.average_linkage against the plain loop it replaced (kept here as `reference_linkage`): on the same
candidate pairs, similarities, word rows and embeddings both give the same claims (labels equal up to renaming), on
news-like synthetic statements (benchmarks/claims_cost.py's generator, seeded: real English words, fictional names)
through the exact path and through the blocks of rare words, with and without the cohesion test, and on the fixed
texts of the other claim tests. Fictional names throughout."""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

import numpy as np
import pytest
from scipy import sparse

from claimgraph.claims import semantic, vectors
from tests.claims.test_semantic_grouping import TEXTS

REPO = Path(__file__).resolve().parents[2]
FIXED = TEXTS + [
    "The Kessel mill will close in March, its owners said",
    "Kessel paper mill to shut in March",
    "The Kessel mill was sold to a Brantor group",
    "A Brantor group bought the Kessel paper mill",
    "The Kessel mill sale to Brantor was confirmed",
    "The costs had doubled",
    "Such cooperation with Vardell",
]


def reference_linkage(n: int, pairs: np.ndarray, sims: np.ndarray, words: sparse.csr_matrix,
                      emb: np.ndarray) -> np.ndarray:
    """average_linkage as it was before it was made fast (commit 6a96c51): one pass over the pairs strongest first,
    a dict of summed terms made for every group as it grows."""
    link, cohesion_min = semantic.link_for(n), semantic.COHESION   # the link for n statements, as average_linkage
    parent = list(range(n))
    size = [1] * n
    word_sum: dict[int, dict[int, float]] = {}
    emb_sum: dict[int, np.ndarray] = {}
    own = np.asarray(words.multiply(words).sum(axis=1)).ravel() + np.einsum("ij,ij->i", emb, emb)
    square = own.tolist()
    selves = own.tolist()
    refused: set[tuple[int, int, int, int]] = set()

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def terms(i: int) -> dict[int, float]:
        if i not in word_sum:
            lo, hi = words.indptr[i], words.indptr[i + 1]
            word_sum[i] = dict(zip(words.indices[lo:hi].tolist(), words.data[lo:hi].tolist()))
        return word_sum[i]

    def cohesion(g: int) -> float:
        return (square[g] - selves[g]) / (size[g] * (size[g] - 1))

    for k in np.argsort(-sims, kind="stable").tolist():
        a, b = find(int(pairs[k, 0])), find(int(pairs[k, 1]))
        if a == b:
            continue
        cross = float(sims[k])
        if size[a] > 1 or size[b] > 1:
            key = (a, size[a], b, size[b]) if a < b else (b, size[b], a, size[a])
            if key in refused:
                continue
            wa, wb = terms(a), terms(b)
            small, big = (wa, wb) if len(wa) < len(wb) else (wb, wa)
            cross = sum(v * big.get(t, 0.0) for t, v in small.items())
            cross += float(emb_sum.get(a, emb[a]) @ emb_sum.get(b, emb[b]))
            average = cross / (size[a] * size[b])
            refuse = average < link or bool(cohesion_min and size[a] > 1 and size[b] > 1
                                            and average < cohesion_min * min(cohesion(a), cohesion(b)))
            if refuse and average >= link and semantic.JOIN_P is not None:   # the learned join test (session 7)
                big, small = (a, b) if size[a] >= size[b] else (b, a)
                features = semantic.join_features(average, cohesion(big), cohesion(small), size[big], size[small],
                                                  float(sims[k]), n)
                refuse = semantic.join_probability(features) < semantic.JOIN_P
            if refuse:
                refused.add(key)
                continue
        if size[a] < size[b]:
            a, b = b, a
        wa, wb = terms(a), terms(b)
        for t, v in wb.items():
            wa[t] = wa.get(t, 0.0) + v
        emb_sum[a] = emb_sum.get(a, emb[a]) + emb_sum.pop(b, emb[b])
        del word_sum[b]
        square[a] += square[b] + 2 * cross
        selves[a] += selves[b]
        parent[b] = a
        size[a] += size[b]
    return np.asarray([find(i) for i in range(n)])


def same_partition(x: np.ndarray, y: np.ndarray) -> bool:
    """Equal labels up to renaming: each label of x goes with one label of y and back."""
    _, a = np.unique(x, return_inverse=True)
    _, b = np.unique(y, return_inverse=True)
    both = np.unique(a.astype(np.int64) * (b.max() + 1) + b)
    return len(both) == a.max() + 1 == b.max() + 1


@lru_cache(maxsize=1)
def synthetic_texts(n: int = 4000) -> tuple[str, ...]:
    spec = importlib.util.spec_from_file_location("claims_cost", REPO / "benchmarks" / "claims_cost.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    texts, _ = module.synthetic(n, seed=11)
    return tuple(texts)


def both_ways(texts, monkeypatch, exact_max: int | None = None, cohesion: float | None = None):
    if exact_max is not None:
        monkeypatch.setattr(semantic, "EXACT_MAX", exact_max)
    if cohesion is not None:
        monkeypatch.setattr(semantic, "COHESION", cohesion)
    words, emb, info = vectors.statement_vectors(list(texts))
    pairs, sims = semantic.candidate_pairs(words, emb, info)
    n = len(texts)
    return pairs, semantic.average_linkage(n, pairs, sims, words, emb), reference_linkage(n, pairs, sims, words, emb)


@pytest.mark.parametrize(("exact_max", "cohesion"), [(None, None), (1, None), (None, 0.0), (1, 0.8)],
                         ids=["exact", "blocks", "exact-no-cohesion", "blocks-strict-cohesion"])
def test_same_claims_as_the_plain_loop_on_synthetic_news(monkeypatch, exact_max, cohesion):
    texts = synthetic_texts()
    pairs, fast, slow = both_ways(texts, monkeypatch, exact_max, cohesion)
    assert same_partition(fast, slow)
    # the set exercises every case: many pairs, groups that grow past single statements, and groups refused
    joined = fast[pairs[:, 0]] == fast[pairs[:, 1]]
    sizes = np.bincount(np.unique(fast, return_inverse=True)[1])
    assert len(pairs) > 5_000 and sizes.max() >= 8 and (sizes == 1).sum() > 0
    assert (~joined).sum() > 100   # candidate pairs left in two claims: the tests refused them


def test_same_claims_as_the_plain_loop_on_the_fixed_texts(monkeypatch):
    for cohesion in (None, 0.0):
        pairs, fast, slow = both_ways(FIXED, monkeypatch, cohesion=cohesion)
        assert same_partition(fast, slow)
        assert len(np.unique(fast)) < len(FIXED)


def test_a_different_grouping_is_told_apart():
    """same_partition is no rubber stamp: one statement moved to another claim, or two claims merged, differ."""
    labels = np.asarray([0, 0, 1, 1, 2])
    assert same_partition(labels, np.asarray([7, 7, 3, 3, 9]))
    assert not same_partition(labels, np.asarray([0, 1, 1, 1, 2]))
    assert not same_partition(labels, np.asarray([0, 0, 0, 0, 2]))
