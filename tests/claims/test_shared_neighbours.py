"""The shared-neighbours test before average linkage (claims.semantic.neighbourly, SNN_SHARE): a candidate pair
across two sibling claims, each with its own restatements for neighbours, joins nothing; restatements of one claim,
and a pair of statements that are each other's only candidates, still join."""

import numpy as np
from scipy import sparse

from claimgraph.claims import semantic


def _two_siblings() -> tuple[np.ndarray, np.ndarray]:
    """Statements 0-7 restate one claim (the Kessel mill's closing), 8-15 a sibling (its sale): every pair inside
    each at 0.9, and one pair across them (0, 8) the strongest of all, at 0.95; 16 and 17 only each other's."""
    pairs, sims = [], []
    for block in (range(0, 8), range(8, 16)):
        for i in block:
            for j in block:
                if i < j:
                    pairs.append((i, j))
                    sims.append(0.9)
    pairs += [(0, 8), (16, 17)]
    sims += [0.95, 0.5]
    return np.asarray(pairs, dtype=np.int64), np.asarray(sims, dtype=np.float32)


def test_a_pair_across_two_siblings_shares_few_neighbours():
    pairs, sims = _two_siblings()
    share = dict(zip(map(tuple, pairs.tolist()), semantic.shared_neighbours(18, pairs, sims, 7).tolist()))
    assert share[(0, 8)] < 0.4 <= share[(1, 2)]    # 0 and 8 share only each other; 1 and 2 most of theirs
    assert share[(16, 17)] == 1.0                   # a sparse pair is judged on what it has: itself


def test_the_siblings_stay_apart_only_with_the_shared_neighbours_test(monkeypatch):
    pairs, sims = _two_siblings()
    words = sparse.csr_matrix(np.repeat([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]], [8, 8, 2], axis=0))
    emb = np.zeros((18, 4))
    monkeypatch.setattr(semantic, "JOIN_P", None)
    labels = semantic.average_linkage(18, *semantic.neighbourly(18, pairs, sims), words, emb, link=0.125).tolist()
    assert len(set(labels[:8])) == 1 and len(set(labels[8:16])) == 1 and labels[0] != labels[8]
    assert labels[16] == labels[17]
    monkeypatch.setattr(semantic, "SNN_SHARE", None)
    merged = semantic.average_linkage(18, *semantic.neighbourly(18, pairs, sims), words, emb, link=0.125).tolist()
    assert merged[0] == merged[8], "without the test the strongest pair joins them: the example tests nothing"
