"""Grouping statements into claims at scale: word shingles, MinHash signatures, LSH banding, union-find.

A statement's shingles are its content words, lower-cased, without stop words or negation ("is not coordinating"
and "is coordinating" are statements of the same proposition with opposite stances), and stemmed by a light
suffix strip plus truncation to six letters, so that "cooperation"/"cooperating" and "Russia"/"Russian" meet.

Signatures are datasketch MinHashes: each distinct shingle is hashed once (`MinHash.bulk` over singletons) and a
statement's signature is the element-wise minimum over its shingles — the same values `MinHash.update_batch` gives,
computed for many statements at once with numpy. LSH splits each signature into `BANDS` bands of `ROWS` values;
statements that agree on a whole band become candidates, and a candidate pair is linked when its estimated, then
exact, Jaccard similarity reaches the threshold. Cost grows with the number of statements and candidate pairs, not
with all pairs: see benchmarks/claims_cost.py and docs/claims.md.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

NUM_PERM = 64
BANDS, ROWS = 21, 3          # P(candidate) = 1-(1-J^3)^21: 0.75 at J=0.4, 0.94 at J=0.5, 0.16 at J=0.2
THRESHOLD = 0.4              # Jaccard of stemmed content words for two statements of one proposition
WINDOW = 8                   # in a big LSH bucket each member is compared with its 8 neighbours, not all members
MIN_SHINGLES = 2             # statements with fewer content words are too unspecific to group across articles
SEED = 1
GUARD = 0.75                 # two groups join only if their representatives reach 0.75 x THRESHOLD (no drift)

NEGATORS = frozenset({"not", "no", "never", "n't", "nt", "nobody", "nothing", "none", "neither", "nor",
                      "without", "cannot"})
# Reporting verbs and fillers that say nothing about the proposition itself.
EXTRA_STOP = frozenset({"said", "says", "say", "told", "according", "reportedly", "also", "just", "really",
                        "sure", "think", "believe", "probably", "s", "t", "mr", "ms", "mrs", "dr"})
STOP = frozenset(ENGLISH_STOP_WORDS) | NEGATORS | EXTRA_STOP
WORD = re.compile(r"[a-z0-9]+(?:[.'\u2019-][a-z0-9]+)*")
CLITIC = re.compile(r"'(s|ll|re|ve|d|m)$")
SUFFIXES = ("ations", "ation", "ings", "ing", "ions", "ion", "ies", "ied", "ed", "es", "s", "ly")


def words(text: str) -> list[str]:
    """Lower-cased word tokens (keeps "u.s.", "syria-based", "don't" whole)."""
    return WORD.findall(text.lower().replace("\u2019", "'"))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A light stem: possessive and one common suffix stripped, then at most six letters."""
    if word.endswith("'s"):
        word = word[:-2]
    if word.isdigit():
        return word
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[: -len(suffix)]
            break
    return word[:6]


def content_stems(text: str | None) -> frozenset[str]:
    """The stemmed content words of a statement, the set grouping compares (empty for no text)."""
    if not text:
        return frozenset()
    out = set()
    for w in words(text):
        if w.endswith("n't"):
            continue
        for part in w.split("-"):
            part = CLITIC.sub("", part).strip(".")
            if len(part) > 1 and part not in STOP:
                out.add(stem(part))
    return frozenset(out)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def has_negation(text: str | None) -> bool:
    """Whether a statement negates its predicate ("is not coordinating", "no evidence", "never happened")."""
    if not text:
        return False
    tokens = words(text)
    for i, w in enumerate(tokens):
        if w in NEGATORS or w.endswith("n't"):
            if w == "not" and i + 1 < len(tokens) and tokens[i + 1] == "only":
                continue
            return True
    return False


class UnionFind:
    """Disjoint sets over 0..n-1 with path halving and union by size."""

    def __init__(self, n: int):
        self.parent = list(range(n))
        self.size = [1] * n

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a == b:
            return
        if self.size[a] < self.size[b]:
            a, b = b, a
        self.parent[b] = a
        self.size[a] += self.size[b]


# -- signatures ---------------------------------------------------------------------------------------------------

def vocabulary(sets: Sequence[frozenset[str]]) -> tuple[dict[str, int], sp.csr_matrix]:
    """Shingle ids and the statements x shingles incidence matrix (CSR, one row per statement)."""
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


def token_signatures(vocab: dict[str, int], num_perm: int = NUM_PERM, seed: int = SEED) -> np.ndarray:
    """One datasketch MinHash per distinct shingle (the MinHash of the singleton set), rows in vocabulary order."""
    from datasketch import MinHash

    tokens = sorted(vocab, key=vocab.__getitem__)
    if not tokens:
        return np.zeros((0, num_perm), dtype=np.uint64)
    hashes = MinHash.bulk([[t.encode("utf-8")] for t in tokens], num_perm=num_perm, seed=seed)
    return np.vstack([m.hashvalues for m in hashes])


def signatures(matrix: sp.csr_matrix, token_sigs: np.ndarray, chunk: int = 50_000) -> np.ndarray:
    """Each statement's MinHash: the minimum of its shingles' singleton MinHashes (equal to update_batch)."""
    n = matrix.shape[0]
    num_perm = token_sigs.shape[1] if token_sigs.size else NUM_PERM
    out = np.full((n, num_perm), np.iinfo(token_sigs.dtype if token_sigs.size else np.uint64).max,
                  dtype=token_sigs.dtype if token_sigs.size else np.uint64)
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


# -- LSH ----------------------------------------------------------------------------------------------------------

def candidate_pairs(sigs: np.ndarray, active: np.ndarray, bands: int = BANDS, rows: int = ROWS,
                    window: int = WINDOW) -> np.ndarray:
    """Pairs (i < j) of active statements that share at least one LSH band, as an (m, 2) array, deduplicated."""
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
    if not kept:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0)
    return np.concatenate(kept), np.concatenate(scores)


def lsh_links(sets: Sequence[frozenset[str]], threshold: float = THRESHOLD,
              num_perm: int = NUM_PERM) -> tuple[np.ndarray, np.ndarray]:
    """Linked statement pairs (and their Jaccard) among `sets`, found through MinHash LSH."""
    vocab, matrix = vocabulary(sets)
    sigs = signatures(matrix, token_signatures(vocab, num_perm))
    active = np.diff(matrix.indptr) >= MIN_SHINGLES
    pairs = candidate_pairs(sigs, active)
    return verify(pairs, sigs, matrix, threshold)


def all_pairs_links(sets: Sequence[frozenset[str]], threshold: float = THRESHOLD,
                    block: int = 2000, max_blocks: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The quadratic baseline: exact Jaccard of every pair (sparse products by blocks of rows)."""
    _, matrix = vocabulary(sets)
    sizes = np.diff(matrix.indptr).astype(np.float64)
    active = sizes >= MIN_SHINGLES
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
    if not kept:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0)
    return np.concatenate(kept), np.concatenate(scores)


def components(n: int, pairs: np.ndarray) -> np.ndarray:
    """Connected-component label of each of n statements, given linked pairs."""
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    graph = sp.coo_matrix((np.ones(len(pairs), dtype=np.int8), (pairs[:, 0], pairs[:, 1])), shape=(n, n))
    return connected_components(graph, directed=False)[1]


def guarded_union(uf: UnionFind, pairs: np.ndarray, scores: np.ndarray, sets: Sequence[frozenset[str]],
                  index: Sequence[int] | None = None, threshold: float = THRESHOLD, guard: float = GUARD) -> None:
    """Union linked pairs, strongest first, unless it would chain two groups whose first statements (their
    representatives: the earliest, lowest index) share too little (Jaccard < guard x threshold). Plain connected
    components drift: A~B, B~C, C~D … until unrelated statements share a claim; the guard stops the drift.
    `index` maps pair positions to uf positions (identity when None); `sets` is indexed like the pairs."""
    order = np.argsort(-scores, kind="stable")
    limit = guard * threshold
    rep: dict[int, int] = {}
    for k in order.tolist():
        a, b = int(pairs[k, 0]), int(pairs[k, 1])
        ia, ib = (a, b) if index is None else (index[a], index[b])
        ra, rb = uf.find(ia), uf.find(ib)
        if ra == rb:
            continue
        pa, pb = rep.get(ra, a), rep.get(rb, b)
        if (pa != a or pb != b) and jaccard(sets[pa], sets[pb]) < limit:
            continue
        uf.union(ia, ib)
        rep[uf.find(ia)] = min(pa, pb)


def group(sets: Sequence[frozenset[str]], threshold: float = THRESHOLD) -> np.ndarray:
    """Claim labels for statements given as shingle sets (LSH path): equal labels, one proposition."""
    pairs, scores = lsh_links(sets, threshold)
    uf = UnionFind(len(sets))
    guarded_union(uf, pairs, scores, sets, threshold=threshold)
    return np.asarray([uf.find(i) for i in range(len(sets))])
