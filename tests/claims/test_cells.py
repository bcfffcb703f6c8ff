"""The k-means cells of the semantic step above semantic.EXACT_MAX statements (claims.cells): the pairs found inside
cells are pairs the exact path finds, every statement with a vector is in a cell, and the pairs compared are a small
part of all pairs. Fictional places throughout."""

from __future__ import annotations

import numpy as np

from claimgraph.claims import cells, semantic

TEXTS = [
    "The Orvane bridge repair costs have doubled, the council says",
    "Orvane bridge repairs will cost twice the council's estimate",
    "Council says Orvane bridge repair bill doubles",
    "The Kessel paper mill will close in March",
    "The Kessel paper mill will not close in March, owners insist",
    "Heavy snow expected across the Dunmere valley this weekend",
    "A rare white stag was photographed near Tessel forest",
]


def test_cells_find_the_pairs_the_exact_path_finds(monkeypatch):
    texts = [f"The {place} reservoir level fell by {n} metres in {month}" for place in ("Orvane", "Kessel", "Tessel")
             for n, month in ((2, "May"), (3, "June"))] + TEXTS
    words, emb = semantic.statement_vectors(texts)
    exact = {tuple(p) for p in semantic.candidate_pairs(words, emb)[0].tolist()}
    monkeypatch.setattr(semantic, "EXACT_MAX", 4)
    monkeypatch.setattr(cells, "PROBES", 3)
    found = {tuple(p) for p in semantic.candidate_pairs(words, emb)[0].tolist()}
    assert exact and found <= exact and len(found) >= 0.6 * len(exact)


def test_large_path_compares_statements_inside_bounded_cells_only(monkeypatch):
    """Above EXACT_MAX, candidates come from two-level k-means cells of about CELL statements: every statement with
    a vector is in a cell, too-short ones (zero vectors) in none, and the pairs compared grow with n x CELL, not n^2."""
    places = ["Orvane", "Kessel", "Tessel", "Dunmere", "Veldoria", "Karsk", "Marlow", "Port Ellis"]
    things = ["reservoir level fell", "bridge toll rose", "ferry fare doubled", "school roof leaked",
              "library hours were cut"]
    texts = [f"The {p} {t} by {n} percent in {m}" for p in places for t in things for n in (2, 5, 9)
             for m in ("May", "June")] + ["such cooperation"] * 5
    words, emb = semantic.statement_vectors(texts)
    monkeypatch.setattr(cells, "CELL", 10)
    found = cells.cells(emb)
    seen = set(np.concatenate(found).tolist())
    live = set(np.flatnonzero(np.any(emb != 0, axis=1)).tolist())
    assert seen == live and not seen & set(range(len(texts) - 5, len(texts)))
    compared = sum(len(c) * (len(c) - 1) // 2 for c in found)
    assert compared < 0.2 * len(live) * (len(live) - 1) // 2
