"""The semantic step of claim grouping (claims.semantic, run by group_statements and link-claims): paraphrases join,
opposite statements about one subject stay one claim, unrelated ones stay apart, and the k-means candidate path
finds the pairs the exact path finds. Fictional places throughout."""

from __future__ import annotations

import numpy as np

from claimgraph.claims import semantic
from claimgraph.claims.grouping import group_statements

TEXTS = [
    "The Orvane bridge repair costs have doubled, the council says",           # 0  } one claim: paraphrases
    "Orvane bridge repairs will cost twice the council's estimate",             # 1  }
    "Council says Orvane bridge repair bill doubles",                           # 2  }
    "The Kessel paper mill will close in March",                                # 3  } one claim, opposite stances
    "The Kessel paper mill will not close in March, owners insist",             # 4  }
    "Heavy snow expected across the Dunmere valley this weekend",               # 5  unrelated
    "A rare white stag was photographed near Tessel forest",                    # 6  unrelated
]


def test_paraphrases_join_and_opposites_stay_one_claim_and_unrelated_stay_apart():
    labels = group_statements(TEXTS).tolist()
    assert labels[0] == labels[1] == labels[2]
    assert labels[3] == labels[4]
    assert len({labels[0], labels[3], labels[5], labels[6]}) == 4


def test_embeddings_are_unit_rows_from_the_shipped_model():
    emb = semantic.embed(["The Kessel paper mill will close", "Kessel mill to shut its doors"])
    assert emb.shape == (2, 64) and np.allclose(np.linalg.norm(emb, axis=1), 1.0, atol=1e-3)
    other = semantic.embed(["A rare white stag was photographed"])[0]
    assert float(emb[0] @ emb[1]) > float(emb[0] @ other)


def test_too_short_statements_never_join():
    labels = group_statements(["such cooperation", "such cooperation"]).tolist()
    assert labels[0] != labels[1]


def test_cells_find_the_pairs_the_exact_path_finds(monkeypatch):
    texts = [f"The {place} reservoir level fell by {n} metres in {month}" for place in ("Orvane", "Kessel", "Tessel")
             for n, month in ((2, "May"), (3, "June"))] + TEXTS
    words, emb = semantic.statement_vectors(texts)
    exact = {tuple(p) for p in semantic.candidate_pairs(words, emb)[0].tolist()}
    monkeypatch.setattr(semantic, "EXACT_MAX", 4)
    monkeypatch.setattr(semantic, "PROBES", 3)
    cells = {tuple(p) for p in semantic.candidate_pairs(words, emb)[0].tolist()}
    assert exact and cells <= exact and len(cells) >= 0.6 * len(exact)


def test_large_path_compares_statements_inside_bounded_cells_only(monkeypatch):
    """Above EXACT_MAX, candidates come from two-level k-means cells of about CELL statements: every statement with
    a vector is in a cell, too-short ones (zero vectors) in none, and the pairs compared grow with n x CELL, not n^2."""
    places = ["Orvane", "Kessel", "Tessel", "Dunmere", "Veldoria", "Karsk", "Marlow", "Port Ellis"]
    things = ["reservoir level fell", "bridge toll rose", "ferry fare doubled", "school roof leaked",
              "library hours were cut"]
    texts = [f"The {p} {t} by {n} percent in {m}" for p in places for t in things for n in (2, 5, 9)
             for m in ("May", "June")] + ["such cooperation"] * 5
    words, emb = semantic.statement_vectors(texts)
    monkeypatch.setattr(semantic, "CELL", 10)
    cells = semantic._cells(emb)
    seen = set(np.concatenate(cells).tolist())
    live = set(np.flatnonzero(np.any(emb != 0, axis=1)).tolist())
    assert seen == live and not seen & set(range(len(texts) - 5, len(texts)))
    compared = sum(len(c) * (len(c) - 1) // 2 for c in cells)
    assert compared < 0.2 * len(live) * (len(live) - 1) // 2
