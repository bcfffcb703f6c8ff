"""The shared helpers: MinHash/LSH (syndication and grouping use the same one) and the shared-data locator."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from claimgraph import minhash
from claimgraph.eval import data as shared

HARBOUR = ("the harbour authority of port ellis will close the northern pier for repairs its director marta "
           "quillon said on tuesday fishermen will be moved to the southern basin").split()


def tokens(words: list[str]) -> set[bytes]:
    return {" ".join(words[i:i + 3]).encode() for i in range(len(words) - 2)}


def test_stored_signature_round_trips_and_refuses_another_layout():
    mh = minhash.signature(tokens(HARBOUR), 128, scheme=minhash.STORED_SCHEME)
    assert minhash.signature([], 128) is None
    data = minhash.to_bytes(mh)
    back = minhash.from_bytes(data, 128)
    assert back is not None and np.array_equal(back.hashvalues, mh.hashvalues) and back.jaccard(mh) == 1.0
    assert minhash.from_bytes(data, 64) is None                      # another size
    assert minhash.from_bytes(b"mh0:" + data[4:], 128) is None        # another layout tag


def test_index_finds_the_best_match_above_the_threshold_with_ties_to_the_smaller_key():
    index = minhash.MinHashIndex(0.6, 128)
    near = HARBOUR[:-2] + ["eastern", "quay"]
    other = "organisers of the vellmoor lantern festival said the parade will follow a new route".split()
    for key, words in (("b-copy", HARBOUR), ("a-copy", HARBOUR), ("other", other)):
        index.insert(key, minhash.signature(tokens(words), 128, scheme=minhash.STORED_SCHEME))
    assert len(index) == 3
    probe = minhash.signature(tokens(near), 128, scheme=minhash.STORED_SCHEME)
    key, score = index.best(probe)
    assert key == "a-copy" and 0.6 <= score < 1.0
    assert index.best(probe, exclude="a-copy")[0] == "b-copy"
    strict = minhash.MinHashIndex(0.99, 128)
    strict.insert("a-copy", minhash.signature(tokens(HARBOUR), 128, scheme=minhash.STORED_SCHEME))
    assert strict.best(probe) is None                                  # a near miss stays apart


def test_lsh_pairs_are_exact_pairs_found_without_comparing_all():
    rng = np.random.default_rng(3)
    base = [frozenset(f"w{x}" for x in rng.choice(400, size=8, replace=False)) for _ in range(60)]
    sets = base + [frozenset(list(s)[:7]) | {"extra"} for s in base]   # each set and a light edit of it
    pairs, scores = minhash.similar_pairs(sets, 0.5, num_perm=64, bands=21, rows=3, window=8, min_size=2)
    exact, exact_scores = minhash.exact_pairs(sets, 0.5, min_size=2)
    found = {tuple(p) for p in pairs.tolist()}
    assert found <= {tuple(p) for p in exact.tolist()} and len(found) >= 0.9 * len(exact)
    assert all(abs(s - minhash.jaccard(sets[i], sets[j])) < 1e-9 for (i, j), s in zip(pairs.tolist(), scores))


def test_shared_data_is_found_from_the_environment_first(tmp_path, monkeypatch):
    monkeypatch.setenv(shared.ENV, str(tmp_path / "shared" / "data"))
    assert shared.shared_dir() == (tmp_path / "shared").resolve()
    assert shared.shared_data_dir("fnc1") == (tmp_path / "shared" / "data" / "fnc1").resolve()
    assert shared.shared_tools_dir("score_fnc.py") == (tmp_path / "shared" / "tools" / "score_fnc.py").resolve()
    monkeypatch.delenv(shared.ENV)
    checkout = Path(__file__).resolve().parents[1]
    assert shared.shared_dir() == checkout.parent / "shared"        # beside the checkout the package runs from
