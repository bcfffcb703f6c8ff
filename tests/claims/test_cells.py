"""Candidate pairs of the semantic step above semantic.EXACT_MAX statements (claims.cells): found inside blocks of
the statements' rarest words, they are pairs the exact path finds (restatements all), a big block is compared only
through a window, restatements meet even inside it, and too-short statements meet nothing. Fictional places and
made-up words throughout."""

from __future__ import annotations

import numpy as np

from claimgraph.claims import cells, semantic, vectors
from claimgraph.claims.grouping import group_statements
from tests.claims.test_linkage import same_partition, synthetic_texts
from tests.claims.test_semantic_grouping import TEXTS

SYLLABLES = ["ba", "ke", "lo", "mu", "ri", "sa", "te", "vo", "zu", "pi", "do", "fa", "gu", "ha", "ji", "ku", "ly",
             "ne", "wo", "xe", "ca", "pe", "ro", "ti", "qu", "yo"]


def made_up(i: int) -> str:
    """A made-up word whose first four letters (the coarse stem) are its own: 676 of them."""
    return SYLLABLES[i % 26] + SYLLABLES[i // 26 % 26] + "n"


def pair_set(pairs: np.ndarray) -> set[tuple[int, int]]:
    return {tuple(p) for p in pairs.tolist()}


def test_blocks_find_restatements_and_only_pairs_the_exact_path_finds(monkeypatch):
    """Blocks are built on each statement's rarest words: every pair of restatements (they share those) is found,
    and nothing the exact path would not find; pairs that share only words common in these few statements
    ("reservoir level fell") may be missed, which is the approximation."""
    texts = TEXTS + [f"The {place} reservoir level fell by {n} metres in {month}"
                     for place in ("Orvane", "Kessel", "Tessel") for n, month in ((2, "May"), (3, "June"))]
    words, emb, info = vectors.statement_vectors(texts)
    exact = pair_set(semantic.candidate_pairs(words, emb, info)[0])
    monkeypatch.setattr(semantic, "EXACT_MAX", 4)
    found = pair_set(semantic.candidate_pairs(words, emb, info)[0])
    restated = {(0, 1), (0, 2), (1, 2), (3, 4)}
    assert restated <= exact and restated <= found <= exact


def test_grouping_above_exact_max_agrees_with_the_exact_path(monkeypatch):
    exact = group_statements(TEXTS)
    monkeypatch.setattr(semantic, "EXACT_MAX", 2)
    blocked = group_statements(TEXTS)
    same = lambda labels: {(i, j) for i in range(len(labels)) for j in range(i) if labels[i] == labels[j]}  # noqa: E731
    assert same(exact) == same(blocked) and same(exact)


def test_too_short_statements_are_in_no_pair():
    texts = TEXTS + ["such cooperation", "such cooperation"]
    words, emb, info = vectors.statement_vectors(texts)
    n = len(texts)
    compared = {(k // n, k % n) for k in cells.candidates(words).tolist()}
    assert compared and not {i for pair in compared for i in pair} & {n - 2, n - 1}


def test_a_big_block_is_compared_through_a_window_and_restatements_still_meet(monkeypatch):
    """300 statements share two words ("Orvane harbour") and each has two words of its own; statements 10 and 250
    say the same thing. With every entry in the signature, the shared words make blocks of 300: a window of 5
    compares about n x 5 pairs per block instead of all n^2 / 2, and the two restatements still meet (in the small
    block of their own words)."""
    n = 300
    own = [(made_up(2 * i), made_up(2 * i + 1)) for i in range(n)]
    own[250] = own[10]
    texts = [f"Orvane harbour {a} {b}" for a, b in own]
    words, emb, info = vectors.statement_vectors(texts)
    monkeypatch.setattr(cells, "SIGNATURE", 8)
    monkeypatch.setattr(cells, "WINDOW", 1_000)
    everything = len(cells.candidates(words))
    monkeypatch.setattr(cells, "WINDOW", 5)
    windowed = cells.candidates(words)
    assert everything > 0.9 * n * (n - 1) / 2
    assert len(windowed) < 0.1 * n * (n - 1) / 2
    assert 10 * n + 250 in set(windowed.tolist())
    pairs, sims = cells.block_pairs(words, emb, info, semantic.LINK, semantic.NEIGHBOURS)
    assert (10, 250) in pair_set(pairs) and sims.min() >= semantic.LINK


def test_each_pair_is_kept_when_among_the_strongest_of_the_statement_first_by_its_words():
    """Statements whose words come in the order 0, 1, 2, 3: 0 owns three pairs and keeps its two strongest (0.9,
    0.7), so (0, 1) goes, as the exact path drops it; numbered the other way round, the same pairs are kept. Two
    statements of the same words (0 and 1 below) both own their pair: (0, 1) is among 1's two strongest."""
    pairs = np.asarray([[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]])
    sims = np.asarray([0.5, 0.9, 0.7, 0.3, 0.4, 0.8], dtype=np.float32)
    content = np.asarray([0.1, 0.2, 0.3, 0.4])
    kept, kept_sims = cells.top_per_statement(pairs, sims, 2, content)
    assert pair_set(kept) == {(0, 2), (0, 3), (1, 2), (1, 3), (2, 3)}
    assert dict(zip(map(tuple, kept.tolist()), kept_sims.tolist()))[(0, 2)] == np.float32(0.9)
    flipped = 3 - pairs[:, ::-1]   # the same pairs with the statements numbered the other way round
    again, _ = cells.top_per_statement(flipped, sims, 2, content[::-1])
    assert pair_set(3 - again[:, ::-1]) == pair_set(kept)
    same_words, _ = cells.top_per_statement(pairs, sims, 2, np.asarray([0.1, 0.1, 0.3, 0.4]))
    assert pair_set(same_words) == {(0, 1), (0, 2), (0, 3), (1, 3), (2, 3)}


def compared_in_order(texts: list[str], order: np.ndarray) -> set[tuple[int, int]]:
    """The pairs the blocks compare with the statements given in `order`, numbered as in `texts`."""
    words, _, _ = vectors.statement_vectors([texts[i] for i in order])
    n = len(texts)
    keys = cells.candidates(words)
    return {tuple(sorted(pair)) for pair in zip(order[keys // n].tolist(), order[keys % n].tolist())}


def test_a_window_meets_the_same_statements_in_any_input_order(monkeypatch):
    """300 statements share "Orvane harbour"; in its big block many have one MinHash (that of a shared word), and
    among those the window must follow their words, not the input order."""
    texts = [f"Orvane harbour {made_up(2 * i)} {made_up(2 * i + 1)}" for i in range(300)]
    monkeypatch.setattr(cells, "WINDOW", 5)
    given = compared_in_order(texts, np.arange(len(texts)))
    assert given == compared_in_order(texts, np.random.default_rng(3).permutation(len(texts)))


def test_blocks_keep_the_same_pairs_and_claims_in_any_input_order(monkeypatch):
    """Above EXACT_MAX the candidate pairs come from blocks; which pairs they keep must not depend on which of two
    statements comes first, so 4,000 seeded news-like statements (fictional names) give the same candidate pairs and
    group into the same claims shuffled."""
    monkeypatch.setattr(semantic, "EXACT_MAX", 1)
    texts = list(synthetic_texts())
    order = np.random.default_rng(3).permutation(len(texts))

    def candidates_and_claims(given: list[str]) -> tuple[np.ndarray, np.ndarray]:
        words, emb, info = vectors.statement_vectors(given)
        return semantic.candidate_pairs(words, emb, info)[0], group_statements(given)

    pairs, labels = candidates_and_claims(texts)
    shuffled_pairs, shuffled = candidates_and_claims([texts[i] for i in order])
    assert pair_set(pairs) == {tuple(sorted(p)) for p in order[shuffled_pairs].tolist()}
    back = np.empty_like(shuffled)
    back[order] = shuffled
    assert same_partition(labels, back)
    assert len(set(labels.tolist())) < 0.8 * len(texts)   # many statements joined: the order had room to matter
