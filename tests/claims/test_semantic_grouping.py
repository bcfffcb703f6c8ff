"""The semantic step of claim grouping (claims.semantic, run by group_statements and link-claims): paraphrases join,
opposite statements about one subject stay one claim, unrelated ones stay apart (the k-means cells above
semantic.EXACT_MAX: tests/claims/test_cells.py). Fictional places throughout."""

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
