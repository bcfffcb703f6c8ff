"""MinHash signatures and LSH: one implementation for syndicated copies (ingest) and claim grouping (claims).

Both estimate the Jaccard similarity of token sets with datasketch MinHashes and find candidates with LSH rather
than comparing all pairs; each caller chooses its tokens, signature size and threshold:

* one text at a time (`ingest/syndication.py`): `signature(tokens)`, `to_bytes`/`from_bytes` for the stored
  signature, and `MinHashIndex`, the best stored match at or above a threshold (datasketch `MinHashLSH`);
* many sets at once (`claims/grouping.py`): `similar_pairs(sets, threshold)` — one singleton MinHash per distinct
  token (`MinHash.bulk`), each set's signature the element-wise minimum over its tokens (the values
  `MinHash.update_batch` gives, computed for all sets with numpy), LSH bands over sorted keys, then exact Jaccard;
  `exact_pairs` is the all-pairs baseline it is measured against (benchmarks/claims_cost.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import scipy.sparse as sp
from datasketch import MinHash, MinHashLSH

SEED = 1
# A stored signature: a tag naming the layout, then the hash values as little-endian uint32 (datasketch's
# "affine32" scheme). The tag lets a later layout be told apart instead of silently compared.
STORED_SCHEME = "affine32"
_TAG = b"mh1:"


def signature(tokens: Iterable[bytes], num_perm: int, scheme: str | None = None) -> MinHash | None:
    """The MinHash of a token set; None for an empty set (it can match nothing)."""
    tokens = list(tokens)
    if not tokens:
        return None
    mh = MinHash(num_perm=num_perm, seed=SEED, scheme=scheme)
    mh.update_batch(tokens)
    return mh


def empty_signature(num_perm: int) -> MinHash:
    return MinHash(num_perm=num_perm, seed=SEED, scheme=STORED_SCHEME)


def to_bytes(mh: MinHash) -> bytes:
    """A signature of the stored layout (`STORED_SCHEME`) as bytes."""
    return _TAG + mh.hashvalues.astype("<u4").tobytes()


def from_bytes(data: bytes, num_perm: int) -> MinHash | None:
    """The MinHash stored by `to_bytes`, or None for a signature of another layout or size."""
    if not data.startswith(_TAG) or len(data) != len(_TAG) + 4 * num_perm:
        return None
    values = np.frombuffer(data[len(_TAG):], dtype="<u4").astype(np.uint32)
    return MinHash(num_perm=num_perm, hashvalues=values, scheme=STORED_SCHEME)


class MinHashIndex:
    """Keyed signatures with LSH lookup of the most similar one at or above `threshold`."""

    def __init__(self, threshold: float, num_perm: int):
        self.threshold = threshold
        # Bands tuned for a slightly lower threshold so that candidates near the threshold are not missed; each
        # candidate is then checked against the threshold with its own similarity estimate.
        self._lsh = MinHashLSH(threshold=max(0.05, threshold - 0.1), num_perm=num_perm)
        self._signatures: dict[str, MinHash] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def insert(self, key: str, mh: MinHash) -> None:
        if key not in self._signatures:
            self._lsh.insert(key, mh)
            self._signatures[key] = mh

    def best(self, mh: MinHash, exclude: str | None = None) -> tuple[str, float] | None:
        """The most similar key (estimated Jaccard >= threshold) and its similarity; ties go to the smaller key,
        so that the answer does not depend on the order of a set."""
        found: tuple[str, float] | None = None
        for candidate in self._lsh.query(mh):
            if candidate == exclude:
                continue
            score = float(mh.jaccard(self._signatures[candidate]))
            if score >= self.threshold and (found is None or score > found[1] or
                                            (score == found[1] and candidate < found[0])):
                found = (candidate, score)
        return found


# -- many sets at once ----------------------------------------------------------------------------------------------

def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Exact Jaccard similarity of two sets (0 when either is empty)."""
    return len(a & b) / len(a | b) if a and b else 0.0


def incidence(sets: Sequence[frozenset[str]]) -> tuple[dict[str, int], sp.csr_matrix]:
    """Token ids and the sets x tokens incidence matrix (CSR, one row per set)."""
    vocab: dict[str, int] = {}
    indptr = [0]
    indices: list[int] = []
    for s in sets:
        for token in s:
            indices.append(vocab.setdefault(token, len(vocab)))
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    matrix = sp.csr_matrix((data, np.asarray(indices, dtype=np.int64), np.asarray(indptr, dtype=np.int64)),
                           shape=(len(sets), max(len(vocab), 1)))
    return vocab, matrix


def token_signatures(vocab: dict[str, int], num_perm: int) -> np.ndarray:
    """One datasketch MinHash per distinct token (the MinHash of the singleton set), rows in vocabulary order."""
    tokens = sorted(vocab, key=vocab.__getitem__)
    if not tokens:
        return np.zeros((0, num_perm), dtype=np.uint64)
    hashes = MinHash.bulk([[t.encode("utf-8")] for t in tokens], num_perm=num_perm, seed=SEED)
    return np.vstack([m.hashvalues for m in hashes])


def set_signatures(matrix: sp.csr_matrix, token_sigs: np.ndarray, num_perm: int,
                   chunk: int = 50_000) -> np.ndarray:
    """Each set's MinHash: the minimum of its tokens' singleton MinHashes (equal to update_batch)."""
    n = matrix.shape[0]
    dtype = token_sigs.dtype if token_sigs.size else np.uint64
    out = np.full((n, token_sigs.shape[1] if token_sigs.size else num_perm), np.iinfo(dtype).max, dtype=dtype)
    indptr, indices = matrix.indptr, matrix.indices
    for start in range(0, n, chunk):
        stop = min(n, start + chunk)
        lo, hi = indptr[start], indptr[stop]
        if hi == lo:
            continue
        lengths = np.diff(indptr[start:stop + 1])
        nonempty = np.nonzero(lengths)[0]
        gathered = token_sigs[indices[lo:hi]]
        offsets = (indptr[start:stop] - lo)[nonempty]
        out[start + nonempty] = np.minimum.reduceat(gathered, offsets, axis=0)
    return out


def candidate_pairs(sigs: np.ndarray, active: np.ndarray, bands: int, rows: int, window: int) -> np.ndarray:
    """Pairs (i < j) of active sets that share at least one LSH band, as an (m, 2) array, deduplicated. In a big
    bucket each member is compared with its `window` neighbours in key order, not with all members."""
    idx = np.nonzero(active)[0]
    if len(idx) < 2:
        return np.zeros((0, 2), dtype=np.int64)
    rng = np.random.RandomState(SEED)
    mult = rng.randint(1, 2**62, size=rows, dtype=np.int64).astype(np.uint64) | np.uint64(1)
    found = []
    for band in range(bands):
        block = sigs[idx, band * rows:(band + 1) * rows].astype(np.uint64)
        with np.errstate(over="ignore"):
            keys = (block * mult).sum(axis=1, dtype=np.uint64) + np.uint64(band)
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        for d in range(1, window + 1):
            same = np.nonzero(sorted_keys[d:] == sorted_keys[:-d])[0]
            if not len(same):
                break
            a, b = idx[order[same]], idx[order[same + d]]
            found.append(np.stack([np.minimum(a, b), np.maximum(a, b)], axis=1))
    if not found:
        return np.zeros((0, 2), dtype=np.int64)
    pairs = np.concatenate(found)
    code = np.unique(pairs[:, 0].astype(np.int64) * len(sigs) + pairs[:, 1])
    return np.stack([code // len(sigs), code % len(sigs)], axis=1)


def verify(pairs: np.ndarray, sigs: np.ndarray, matrix: sp.csr_matrix, threshold: float,
           chunk: int = 1_000_000) -> tuple[np.ndarray, np.ndarray]:
    """Keep the pairs whose exact Jaccard reaches the threshold (a signature estimate screens them first)."""
    kept, scores = [], []
    sizes = np.diff(matrix.indptr)
    for start in range(0, len(pairs), chunk):
        part = pairs[start:start + chunk]
        estimate = (sigs[part[:, 0]] == sigs[part[:, 1]]).mean(axis=1)
        part = part[estimate >= threshold - 0.2]
        if not len(part):
            continue
        inter = np.asarray(matrix[part[:, 0]].multiply(matrix[part[:, 1]]).sum(axis=1)).ravel()
        union = sizes[part[:, 0]] + sizes[part[:, 1]] - inter
        score = np.where(union > 0, inter / np.maximum(union, 1), 0.0)
        keep = score >= threshold
        kept.append(part[keep])
        scores.append(score[keep])
    return _joined(kept, scores)


def similar_pairs(sets: Sequence[frozenset[str]], threshold: float, num_perm: int, bands: int, rows: int,
                  window: int, min_size: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of sets (of at least `min_size` tokens) whose Jaccard reaches `threshold`, and that Jaccard, found
    through MinHash LSH: P(candidate) = 1 - (1 - J^rows)^bands."""
    vocab, matrix = incidence(sets)
    sigs = set_signatures(matrix, token_signatures(vocab, num_perm), num_perm)
    active = np.diff(matrix.indptr) >= min_size
    return verify(candidate_pairs(sigs, active, bands, rows, window), sigs, matrix, threshold)


def exact_pairs(sets: Sequence[frozenset[str]], threshold: float, min_size: int = 1, block: int = 2000,
                max_blocks: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The quadratic baseline of `similar_pairs`: exact Jaccard of every pair (sparse products by blocks of rows)."""
    _, matrix = incidence(sets)
    sizes = np.diff(matrix.indptr).astype(np.float64)
    active = sizes >= min_size
    t = matrix.T.tocsc()
    kept, scores = [], []
    for n_block, start in enumerate(range(0, matrix.shape[0], block)):
        if max_blocks is not None and n_block >= max_blocks:
            break
        inter = (matrix[start:start + block] @ t).tocoo()
        i, j = inter.row + start, inter.col
        mask = (i < j) & active[i] & active[j]
        i, j, v = i[mask], j[mask], inter.data[mask]
        score = v / (sizes[i] + sizes[j] - v)
        keep = score >= threshold
        kept.append(np.stack([i[keep], j[keep]], axis=1))
        scores.append(score[keep])
    pairs, found = _joined(kept, scores)
    # in (i, j) order, as `similar_pairs` gives them: the sparse product's order follows the token ids, which
    # follow set iteration order (Python's string hashing), so ties among equal scores would differ run to run
    order = np.lexsort((pairs[:, 1], pairs[:, 0]))
    return pairs[order], found[order]


def _joined(kept: list[np.ndarray], scores: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    if not kept:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0)
    return np.concatenate(kept), np.concatenate(scores)
