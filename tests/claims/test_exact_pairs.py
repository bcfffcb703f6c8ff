"""The exact candidate step computes each pair once (the upper triangle of blocks) and keeps the same pairs as
comparing every statement with all the others: a pair is kept when it is among the NEIGHBOURS strongest of either of
its statements, ties all kept (claims.semantic.candidate_pairs, session 21). The reference here is that rule written
out: each block of rows against every column, each row's NEIGHBOURS-th strongest as its bar."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from claimgraph.claims import anchors, semantic, vectors
from tests.claims.test_linkage import synthetic_texts
from tests.conftest import require, shared_path


def every_row_against_all(words: sparse.csr_matrix, emb: np.ndarray, info: np.ndarray,
                          anchor: sparse.csr_matrix | None = None, rows_at_once: int = 500) -> dict:
    """{(i, j): similarity} of the pairs among the NEIGHBOURS strongest of either statement, by each statement's
    row against all the columns."""
    n = emb.shape[0]
    link = semantic.link_for(n)
    present = (words != 0).astype(np.float32).tocsr()
    anchor = present if anchor is None else anchor
    informed, own = semantic._parts(present, info, anchor)
    full = None if anchor is present else (present @ sparse.diags(info[:, 0])).tocsr()
    everyone = np.arange(n)
    kept, value = set(), {}
    for start in range(0, n, rows_at_once):
        rows = everyone[start:start + rows_at_once]
        sims = semantic._similarities(rows, everyone, words, present, informed, own, emb, anchor, full)
        sims[rows[:, None] == everyone[None, :]] = 0.0   # not its own neighbour
        cut = np.partition(sims, -semantic.NEIGHBOURS, axis=1)[:, -semantic.NEIGHBOURS][:, None]
        for a, b in zip(*np.nonzero((sims >= cut) & (sims >= link))):
            kept.add((min(int(rows[a]), int(b)), max(int(rows[a]), int(b))))
        for a, b in zip(*np.nonzero((sims >= link) & (rows[:, None] < everyone[None, :]))):
            value[int(rows[a]), int(b)] = np.float32(sims[a, b])   # (i, j) as row i computes it
    return {pair: value[pair] for pair in kept}


def upper_triangle(words, emb, info, anchor=None) -> dict:
    pairs, sims = semantic.candidate_pairs(words, emb, info, anchor=anchor)
    assert (pairs[:, 0] < pairs[:, 1]).all()
    assert (np.diff(pairs[:, 0] * len(emb) + pairs[:, 1]) > 0).all()   # sorted, each pair once
    return {(int(i), int(j)): float(s) for (i, j), s in zip(pairs.tolist(), sims.tolist())}


def assert_same_pairs(words, emb, info, anchor=None) -> None:
    found = upper_triangle(words, emb, info, anchor)
    reference = every_row_against_all(words, emb, info, anchor)
    assert len(reference) > emb.shape[0] // 2   # many pairs: the rule had work to do
    assert found.keys() == reference.keys()
    # the same similarity: to the last bits in one block; across blocks the embedding product of another shape of
    # matrices may round its sum otherwise (as it did between two rows' computations of one pair before)
    one_block = emb.shape[0] <= semantic.BLOCK
    assert all(np.float32(found[pair]) == value if one_block else abs(found[pair] - value) <= 1e-6
               for pair, value in reference.items())


@pytest.fixture(scope="module")
def emergent_fold():
    """One fold of Emergent's shared split (GroupKFold by claim: 337 headlines) and each headline's article."""
    from claimgraph.eval.emergent import claim_folds, read_emergent

    rows = read_emergent(require(shared_path("data", "emergent"), "Emergent's shared split"))
    fold = claim_folds(rows)[0]
    return [rows[i].headline for i in fold], [rows[i].article_id for i in fold]


@pytest.mark.parametrize("block", [semantic.BLOCK, 100, 37], ids=["one-block", "blocks-100", "blocks-37"])
def test_emergent_fold_pairs_are_those_of_every_row_against_all(emergent_fold, monkeypatch, block):
    texts, articles = emergent_fold
    monkeypatch.setattr(semantic, "BLOCK", block)
    words, emb, info = vectors.statement_vectors(texts)
    assert_same_pairs(words, emb, info)
    assert_same_pairs(words, emb, info, anchors.anchor_rows(words, articles))   # as link-claims calls it


def test_generated_statements_pairs_are_those_of_every_row_against_all(monkeypatch):
    """4,000 news-like generated statements (fictional names), restated 1-8 times: dense neighbourhoods where the
    NEIGHBOURS-th strongest cuts, in blocks of 700 (the last one short)."""
    monkeypatch.setattr(semantic, "BLOCK", 700)
    words, emb, info = vectors.statement_vectors(list(synthetic_texts()))
    assert_same_pairs(words, emb, info)


def test_ties_with_the_nth_strongest_are_all_kept(monkeypatch):
    """Twelve copies of one statement: each has eleven partners of one similarity, more than NEIGHBOURS (10), and
    the rule keeps every pair tied with the tenth strongest, in one block or split over several."""
    texts = ["The Orvane ferry will stop sailing to Kessel island in March"] * 12
    words, emb, info = vectors.statement_vectors(texts)
    for block in (semantic.BLOCK, 5):
        monkeypatch.setattr(semantic, "BLOCK", block)
        assert len(upper_triangle(words, emb, info)) == 12 * 11 // 2
