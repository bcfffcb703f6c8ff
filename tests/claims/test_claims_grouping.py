"""Content words, datasketch-equal signatures, and LSH links against the exact all-pairs baseline."""

from __future__ import annotations

import numpy as np
from datasketch import MinHash

from claimgraph import minhash
from claimgraph.claims import grouping as g


def test_shingles_drop_negation_and_stem():
    assert g.content_stems("The Department of Defense is not coordinating airstrikes") == \
        g.content_stems("the department of defense is coordinating airstrike")
    assert g.stem("cooperation") == g.stem("cooperating") and g.stem("russian")[:5] == g.stem("russia")[:5]
    assert g.has_negation("is not coordinating") and not g.has_negation("not only this")


def test_signatures_equal_datasketch():
    sets = [g.content_stems(t) for t in ("The Kessel reservoir is leaking into the aquifer", "water levels are safe")]
    vocab, matrix = minhash.incidence(sets)
    sigs = minhash.set_signatures(matrix, minhash.token_signatures(vocab, g.NUM_PERM), g.NUM_PERM)
    for s, row in zip(sets, sigs):
        m = MinHash(num_perm=g.NUM_PERM, seed=minhash.SEED)
        m.update_batch([t.encode("utf-8") for t in s])
        assert np.array_equal(m.hashvalues, row)


def test_lsh_finds_what_all_pairs_finds():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from claims_cost import pair_quality, synthetic

    texts, labels = synthetic(3000)
    sets = [g.content_stems(t) for t in texts]
    lsh = {tuple(p) for p in g.lsh_links(sets)[0].tolist()}
    exact = {tuple(p) for p in g.all_pairs_links(sets)[0].tolist()}
    assert lsh <= exact and len(lsh) >= 0.85 * len(exact)
    precision, recall = pair_quality(labels, g.group(sets))
    assert precision > 0.9 and recall > 0.9
