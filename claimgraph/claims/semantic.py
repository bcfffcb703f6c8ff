"""The semantic step of claim grouping: statements compared by words and by meaning, joined by average linkage.

Each statement is a unit vector of two halves, words and meaning (claims.vectors.statement_vectors: weighted TF-IDF
of its stems beside claims.embeddings' static embedding); the similarity of two is their dot product.

Candidates: the pairs that share stemmed content words (meaning alone never links two statements: static vectors
of rare or unknown words lie close together), enough of them specific ones (claims.anchors.anchored: how common a
word is in general English, not only in the statements grouped, decides how specific it is) and reach LINK (among
the NEIGHBOURS strongest of either of their statements, whatever its place in the input), found exactly by blocked
matrix products up to EXACT_MAX statements; above that, inside blocks of each statement's rarest words
(claims.cells), so that cost grows as n, not n^2.
`link-claims` then asks the pairs for evidence across or inside articles (claims.evidence.evidenced).
Joining: candidate pairs strongest first; two groups join when the average similarity of all their cross pairs
reaches LINK (the mean of the group vectors' dot product, which is exactly average linkage on cosine, kept as
running sums) and, for two groups of several statements, COHESION x the looser group's own average similarity
(sibling claims about one subject stay apart); a join that test refuses goes ahead when the learned join model
says the two groups are one claim (JOIN_P). Before joining, a candidate pair whose two statements' neighbourhoods (each
one's SNN_K strongest candidates) share too little (SNN_SHARE, `neighbourly`) is dropped: it lies across two sibling
claims of a dense subject.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy import sparse

from claimgraph.claims import anchors
from claimgraph.claims.cells import block_pairs, nth_strongest

# Settings chosen by cross-validation by claim on Emergent's shared split at five batch sizes (eval/emergent.py
# tune_grouping: every union of the 5 folds grouped as one batch, 337 to 1,685 headlines; held out, each fold's
# headlines in the batches that hold it, settings chosen on the other folds' batches: B-cubed F1 0.934 / 0.911 /
# 0.895 / 0.888 / 0.881 from one fold to the whole split, against 0.926 / 0.904 / 0.887 / 0.872 / 0.851 for one link
# at every size, the last pass's). LINK_GROWTH 0.01 and COHESION 0.5 were chosen with it; the rest in earlier passes.
# The settings tried with them live with the code that reads them: WORDS, IDF_POWER and PREFIX_WEIGHT in
# claims.vectors, CENTRE in claims.embeddings.
LINK = 0.125        # average cosine at which two groups of statements are one claim, up to LINK_BASE statements
LINK_BASE = 300     # … above, the link rises by LINK_GROWTH for each doubling of the statements grouped together
LINK_GROWTH = 0.01  # (link_for: more statements hold more sibling claims about each subject)
EXACT_MAX = 20_000  # up to this many statements every pair is compared (blocked); above, claims.cells
BLOCK = 2_000
NEIGHBOURS = 10     # candidate pairs kept per statement and block (the strongest)
COHESION = 0.5      # two groups (2+ statements each) join only at COHESION x the looser one's own average similarity
# A learned second look at the joins the cohesion test refuses (issue 12, session 7). A logistic regression over
# JOIN_FEATURES of a join (`join_features`), trained on the joins average linkage attempts on Emergent's shared split
# (label: the two groups' commonest claims are the same; `python -m claimgraph.eval.emergent DIR join`), gives the
# probability that two groups are one claim; a join the cohesion test refuses goes ahead when it is at least JOIN_P.
# Sibling groups that only the cohesion test kept apart stay apart when the model also says no; two halves of one
# claim that each grew tight (the same story told in two wordings) join. Held out (models trained on the other
# folds' batches, three splits by claim), mean B-cubed of every batch of 1-5 folds rose by 0.0004 / 0.0025 / 0.0041 /
# 0.0034 / 0.0038 (docs/claims.md, "A learned join test"). JOIN_P None: off.
JOIN_DIR = Path(__file__).resolve().parent.parent / "data" / "models" / "claim_join"
JOIN_P: float | None = 0.5
JOIN_FEATURES = ("average", "cohesion_a", "cohesion_b", "single_a", "single_b", "log2_size_a", "log2_size_b",
                 "average_over_looser", "average_over_tighter", "pair", "log2_n_over_base")
JOIN_MODEL: tuple[np.ndarray, float] | None = None   # (weights, intercept) in place of JOIN_DIR's (eval: CV)
# Shared nearest neighbours (issue 12, session 19): a candidate pair joins nothing unless at least SNN_SHARE of the
# two statements' strongest candidates are the same statements (`shared_neighbours`: each statement's SNN_K
# strongest, itself counted among its own, over 1 + the fewer such candidates of the two, at most SNN_K). A sibling
# claim about a dense subject (the Apple Watch's price beside its launch date) has its own restatements for
# neighbours, so a pair across two siblings shares few of them, while restatements of one claim share many; a
# statement of few candidates (a sparse subject) is judged on those few, so it needs no more than before. This is
# what the rising link (link_for) does for the whole collection, done for each pair's neighbourhood. Measured by
# cross-validation by claim on Emergent (GroupKFold, B-cubed F1 held out by batch of 1-5 folds; per held-out fold,
# among SNN_K 5 / 7 / 10 x SNN_SHARE 0.3-0.7 and off, the best on the other folds' batches, join model retrained on
# them): 0.9359 / 0.9185 / 0.9087 / 0.9040 / 0.8952 against 0.9313 / 0.9137 / 0.9035 / 0.8968 / 0.8920 without;
# the folds chose SNN_K 7, SNN_SHARE 0.4 or 0.5. SNN_K 5 ships: with 7 the whole split grouped in its file order
# (`claimgraph eval emergent`, shipped join model) fell 0.8931 -> 0.8929 (0.8961 in the folds' order: the
# neighbourhoods came from the candidate step's strongest later partners, which depended on the order, as the
# exact path kept them before session 21: `candidate_pairs`); with 5 it
# rose to 0.8971, and held out (the shipped join model's features, trained per fold without this test) it scored
# 0.9325 / 0.9172 / 0.9061 / 0.9027 / 0.8975 (retrained with it 0.9302 / 0.9175 / 0.9050 / 0.9019 / 0.8975).
# Cost (benchmarks/claims_cost.py --methods semantic, shared machine, against f155a31's parent): 1M statements
# 308 s CPU in all (382 before; linkage 39 s, 149 before: fewer pairs, no giant chains), peak 4,059 MB (the same),
# pairwise P/R 0.700 / 0.922 (0.078 / 0.950); 100k 22 s CPU (22), P/R 0.860 / 0.990 (0.394 / 0.996). None: off.
SNN_K = 5
SNN_SHARE: float | None = 0.4
SNN_CHUNK = 1 << 20   # pairs compared at once (SNN_K + 1)^2 bytes each


def _parts(present: sparse.csr_matrix, info: np.ndarray,
           anchor: sparse.csr_matrix | None = None) -> tuple[list[sparse.csr_matrix], list[np.ndarray]]:
    """For each column of `info` (stems' information, coarse stems', stems' count): the 0/1 word rows weighted by
    it over `anchor`'s entries (`anchor_rows`; all when None), to multiply by the other side's `anchor` (the
    information both statements share), and each statement's own information, of all its terms."""
    informed = [((present if anchor is None else anchor) @ sparse.diags(info[:, k])).tocsr()
                for k in range(info.shape[1])]
    return informed, [np.asarray(present @ info[:, k]).ravel() for k in range(info.shape[1])]


def join_features(average: float, cohesion_a: float, cohesion_b: float, size_a: int, size_b: int, pair: float,
                  n: int) -> list[float]:
    """JOIN_FEATURES of a join of group a (the bigger, or the first of two of one size) with group b: their average
    cross similarity, each one's cohesion (the average similarity of its own pairs; 1 for a single statement),
    whether each is a single statement, log2 of each size, the average over the looser and over the tighter
    cohesion, the similarity of the candidate pair that brought them together and log2(n / LINK_BASE), at least 0."""
    lo, hi = min(cohesion_a, cohesion_b), max(cohesion_a, cohesion_b)
    return [average, cohesion_a, cohesion_b, float(size_a == 1), float(size_b == 1), float(np.log2(size_a)),
            float(np.log2(size_b)), average / max(lo, 1e-6), average / max(hi, 1e-6), pair,
            max(0.0, float(np.log2(max(n, 1) / LINK_BASE)))]


@lru_cache(maxsize=1)
def _join_file() -> tuple[np.ndarray, float]:
    with np.load(JOIN_DIR / "weights.npz", allow_pickle=False) as saved:
        if tuple(saved["features"].tolist()) != JOIN_FEATURES:
            raise ValueError(f"{JOIN_DIR}: weights for other features; retrain it (python -m claimgraph.eval.emergent "
                             "DIR join)")
        return saved["weights"].astype(np.float64), float(saved["intercept"])


def join_probability(features: Sequence[float]) -> float:
    """The learned probability that a join (`join_features`) puts one claim together (JOIN_MODEL, else JOIN_DIR)."""
    weights, intercept = JOIN_MODEL if JOIN_MODEL is not None else _join_file()
    z = float(np.dot(weights, np.asarray(features, dtype=np.float64))) + intercept
    return 1.0 / (1.0 + float(np.exp(-z)))


def link_for(n: int, link: float | None = None) -> float:
    """The link for n statements grouped together: `link` (LINK when None) up to LINK_BASE statements, plus
    LINK_GROWTH for each doubling above. A bigger collection holds more sibling claims about each subject (the
    Apple Watch's price, its launch date, its battery), whose shared subject words put them above a bar that keeps
    them apart in a small batch; the bar rises slowly (log n) as siblings multiply. LINK_GROWTH was chosen with
    LINK by cross-validation by claim on Emergent at batch sizes from one fold to the whole split
    (eval/emergent.py tune_grouping)."""
    base = LINK if link is None else float(link)
    return base + LINK_GROWTH * max(0.0, float(np.log2(max(n, 1) / LINK_BASE)))


def _similarities(rows: np.ndarray, cols: np.ndarray, words: sparse.csr_matrix, present: sparse.csr_matrix,
                  informed: Sequence[sparse.csr_matrix], own: Sequence[np.ndarray], emb: np.ndarray,
                  anchor: sparse.csr_matrix, full: sparse.csr_matrix | None = None) -> np.ndarray:
    """The similarity of each of `rows` to each of `cols` (word dot + embedding dot), 0 where the pair may not be a
    candidate: no word shared, not `anchored`, or one word apart (`present`: the word rows as 0/1, to count the terms
    a pair shares; `informed` and `own`: `_parts`, for `anchored`, over the entries of `anchor`; `full`: the rows
    weighted by their stems' information over all entries, when `anchor` has fewer). Every test is symmetric, and
    the sparse products sum the terms in the order of their columns, so a pair's value is the same either way round
    (the exact step computes each pair once: `_block_candidates`)."""
    shared = (words[rows] @ words[cols].T).toarray()
    meaning = emb[rows] @ emb[cols].T
    sims = np.where(shared > 0, shared + meaning, 0.0)   # meaning alone never links: a word shared
    if anchors.ANCHOR_INFO is not None:   # specific words shared
        shared_info = [(m[rows] @ anchor[cols].T).toarray() for m in informed]
        whole = None if full is None else (full[rows] @ present[cols].T).toarray()
        sims = np.where(anchors.anchored(shared_info, [o[rows][:, None] for o in own], [o[cols][None, :] for o in own],
                                 meaning, whole=whole), sims, 0.0)
    if anchors.ONE_WORD_MEANING is not None:
        shared_terms = (present[rows] @ present[cols].T).toarray()
        sims = np.where(anchors.one_word_apart(shared_terms, meaning), 0.0, sims)
    return sims


def _block_candidates(rows: np.ndarray, cols: np.ndarray, sims: np.ndarray,
                      link: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Of one block of the upper triangle (`rows` all before `cols`, or the same statements, whose pairs j <= i are
    ignored), the pairs (i, j, similarity) at or above `link` that are among the NEIGHBOURS strongest of their row
    or of their column inside the block (ties all kept). A pair among a statement's NEIGHBOURS strongest of all the
    collection is among them in every block, so these hold every pair `candidate_pairs` keeps, at most
    2 x NEIGHBOURS per statement and block."""
    if rows[0] == cols[0]:
        sims = np.triu(sims, k=1)   # a pair once, and a statement is not its own neighbour
    a, b = np.nonzero(sims >= link)
    value = sims[a, b]
    strong = (value >= nth_strongest(a, value, NEIGHBOURS, len(rows))[a]) | \
             (value >= nth_strongest(b, value, NEIGHBOURS, len(cols))[b])
    return rows[a[strong]], cols[b[strong]], value[strong]


def candidate_pairs(words: sparse.csr_matrix, emb: np.ndarray, info: np.ndarray, link: float | None = None,
                    anchor: sparse.csr_matrix | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Every pair at or above `link` (link_for(n) when None; exact up to EXACT_MAX statements, inside blocks of rare
    words above) that is `anchored` (`info`: the information of each column of `words`, from statement_vectors;
    `anchor`: the entries that count for it, `anchor_rows`, all when None), sorted (i < j, by i then j).

    Exact path: a pair is kept when it is among the NEIGHBOURS strongest of either of its statements, among all the
    others (ties all kept), so the pairs do not depend on the input order. (Each statement's strongest among the
    statements after it in the input, as before session 21, made Emergent's whole split read B-cubed F1 0.8955 to
    0.9018 over its file order and four shuffles; either's strongest reads 0.8975 in every order.) Each pair is
    computed once, in the blocks of the upper triangle: each block gives the strongest of its rows and of its
    columns (`_block_candidates`), and a pair is kept when it reaches the NEIGHBOURS-th strongest of either
    statement among those (which are its NEIGHBOURS-th strongest of all), ranked among the pairs that reach the link
    only. Every block of rows against all columns, each row cut at its NEIGHBOURS-th strongest by a dense partition
    (session 21's first form, the same pairs and similarities) took 14.0 s CPU at 10,000 generated statements in
    articles of 15; this takes 2.7 s (docs/claims.md, "Twenty-first session: the exact step's cost")."""
    n = emb.shape[0]
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0, dtype=np.float32)
    link = link_for(n) if link is None else link
    if n > EXACT_MAX:   # blocks by each statement's rarest words (claims.cells): no product of all pairs
        return block_pairs(words, emb, info, link, NEIGHBOURS, anchor)
    present = (words != 0).astype(np.float32).tocsr()
    anchor = present if anchor is None else anchor
    informed, own = _parts(present, info, anchor)
    full = None if anchor is present else (present @ sparse.diags(info[:, 0])).tocsr()
    found = []
    for start in range(0, n, BLOCK):
        rows = np.arange(start, min(start + BLOCK, n))
        for after in range(start, n, BLOCK):
            cols = np.arange(after, min(after + BLOCK, n))
            sims = _similarities(rows, cols, words, present, informed, own, emb, anchor, full)
            found.append(_block_candidates(rows, cols, sims, link))
    first, second, sims = (np.concatenate(part) for part in zip(*found))
    bar = nth_strongest(np.concatenate([first, second]), np.concatenate([sims, sims]), NEIGHBOURS, n)
    keep = (sims >= bar[first]) | (sims >= bar[second])
    first, second, sims = first[keep], second[keep], sims[keep]
    o = np.lexsort((second, first))   # each pair is in one block: sorted, as callers and ties of linkage read them
    return np.stack([first[o], second[o]], axis=1).astype(np.int64), sims[o].astype(np.float32)


def shared_neighbours(n: int, pairs: np.ndarray, sims: np.ndarray, k: int) -> np.ndarray:
    """For each candidate pair (i, j), the share of the two statements' neighbourhoods that is the same statements:
    each statement's neighbourhood is itself and its k strongest candidates (among `pairs`, either side), and the
    count of statements in both is divided by 1 + the fewer candidates of the two, at most k (so two statements that
    are each other's only candidate share all). Cost n x k (a sort of the pairs, then (k + 1)^2 comparisons a pair),
    no product of all pairs."""
    if not len(pairs):
        return np.zeros(0)
    node = np.concatenate([pairs[:, 0], pairs[:, 1]])
    other = np.concatenate([pairs[:, 1], pairs[:, 0]])
    order = np.lexsort((-np.concatenate([sims, sims]).astype(np.float64), node))
    node, other = node[order], other[order]
    rank = np.arange(len(node)) - np.searchsorted(node, node, side="left")
    top = rank < k
    near = np.full((n, k + 1), -1, dtype=np.int64)   # itself, then its k strongest candidates (-1: none)
    near[:, 0] = np.arange(n)
    near[node[top], rank[top] + 1] = other[top]
    degree = np.minimum(np.bincount(node, minlength=n), k)
    out = np.empty(len(pairs))
    for start in range(0, len(pairs), SNN_CHUNK):
        a, b = pairs[start:start + SNN_CHUNK, 0], pairs[start:start + SNN_CHUNK, 1]
        na, nb = near[a], near[b]
        same = ((na[:, :, None] == nb[:, None, :]) & (na[:, :, None] >= 0)).sum(axis=(1, 2))
        out[start:start + SNN_CHUNK] = same / (1.0 + np.minimum(degree[a], degree[b]))
    return out


def neighbourly(n: int, pairs: np.ndarray, sims: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The candidate pairs (and their similarities) whose two statements' neighbourhoods share at least SNN_SHARE
    (`shared_neighbours`), all when SNN_SHARE is None: what average linkage joins, after the evidence tests
    (link_restatements, the Spark job and eval.emergent's join examples all take them so)."""
    if SNN_SHARE is None or not len(pairs):
        return pairs, sims
    keep = shared_neighbours(n, pairs, sims, SNN_K) >= SNN_SHARE
    return pairs[keep], sims[keep]


def average_linkage(n: int, pairs: np.ndarray, sims: np.ndarray, words: sparse.csr_matrix,
                    emb: np.ndarray, link: float | None = None,
                    together: Sequence[tuple[int, int]] = (),
                    trace: list[tuple[int, int, list[float], bool]] | None = None) -> np.ndarray:
    """Claim labels: candidate pairs strongest first; two groups join when their average cross similarity (the dot
    product of their summed vectors over the product of their sizes) reaches `link` (link_for(n) when None) and, when
    COHESION and both groups hold more than one statement, reaches COHESION x the cohesion of the looser of the two
    (the average similarity of its own pairs): two tight groups about one subject (sibling claims) stay apart though
    their common words put them above LINK, while a single statement (a paraphrase) may still join a tight group of
    copies of one quote. Word sums are dicts (a statement holds a handful of terms: a dict lookup
    costs less than a sparse-matrix call); a group's squared norm and its members' own are running sums.

    Cost: a join only notes the absorbed group under the absorbing one; a group's word and embedding sums are
    folded from those notes, in the order of the joins (so every sum is added up exactly as if it had been made at
    each join), only when a test needs them. Two single statements (most joins) need no sum at all: their cross
    similarity is the pair's own. Pairs are read in chunks of plain Python numbers, strongest first.

    `together`: pairs of statements already known to be one claim (link-claims: the article's own rules tied them),
    joined first with no test, so that the averages and the cohesion test see the whole claim: a statement that is
    close to one restatement of a claim but not to the rest of it does not pull the two claims together."""
    from itertools import repeat
    from operator import mul

    link = link_for(n) if link is None else link
    parent = list(range(n))
    size = [1] * n
    joined: dict[int, list[int]] = {}   # a group's absorbed groups not yet folded into its sums, in join order
    word_sum: dict[int, dict[int, float]] = {}    # a group's summed TF-IDF terms, made when first needed
    emb_sum: dict[int, np.ndarray] = {}
    own = np.asarray(words.multiply(words).sum(axis=1)).ravel() + np.einsum("ij,ij->i", emb, emb)
    square = own.tolist()      # |sum of a group's vectors|^2
    selves = own.tolist()      # the sum of its members' |vector|^2
    refused: set[tuple[int, int, int, int]] = set()   # (root, size, root, size) of pairs of groups that failed
    indptr, indices, data = words.indptr, words.indices, words.data

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def sums(g: int) -> tuple[dict[int, float], np.ndarray]:
        w = word_sum.get(g)
        if w is None:
            lo, hi = indptr[g], indptr[g + 1]
            w = word_sum[g] = dict(zip(indices[lo:hi].tolist(), data[lo:hi].tolist()))
        e = emb_sum.get(g, emb[g])
        pending = joined.pop(g, None)
        if pending:
            for c in pending:   # c is no root any more: its sums are final
                wc, ec = sums(c)
                for t, v in wc.items():
                    w[t] = w.get(t, 0.0) + v
                e = e + ec
                del word_sum[c]
                emb_sum.pop(c, None)
            emb_sum[g] = e
        return w, e

    def join(a: int, b: int, cross: float) -> None:
        if size[a] < size[b]:
            a, b = b, a
        joined.setdefault(a, []).append(b)
        square[a] += square[b] + 2 * cross
        selves[a] += selves[b]
        parent[b] = a
        size[a] += size[b]

    def cohesion(g: int) -> float:   # the average similarity of a group's own pairs (1 for a single statement)
        return (square[g] - selves[g]) / (size[g] * (size[g] - 1)) if size[g] > 1 else 1.0

    def cross_of(a: int, b: int) -> float:   # the dot product of two groups' summed vectors
        wa, ea = sums(a)
        wb, eb = sums(b)
        small, big = (wa, wb) if len(wa) < len(wb) else (wb, wa)
        return sum(map(mul, small.values(), map(big.get, small.keys(), repeat(0.0)))) + float(ea @ eb)

    for i, j in together:
        a, b = find(i), find(j)
        if a != b:
            join(a, b, cross_of(a, b))

    order = np.argsort(-sims, kind="stable")
    for start in range(0, len(order), 1 << 20):
        part = order[start:start + (1 << 20)]
        for i, j, cross in zip(pairs[part, 0].tolist(), pairs[part, 1].tolist(), sims[part].tolist()):
            a = i if parent[i] == i else find(i)
            b = j if parent[j] == j else find(j)
            if a == b:
                continue
            sa, sb = size[a], size[b]
            if sa > 1 or sb > 1:   # else two single statements: their similarity is the pair's own, >= link
                key = (a, sa, b, sb) if a < b else (b, sb, a, sa)
                if key in refused and trace is None:   # these two groups, unchanged since (a group only grows), were
                    continue                                  # refused already (a trace counts each candidate pair)
                pair, cross = cross, cross_of(a, b)
                average = cross / (sa * sb)
                if average < link:
                    refused.add(key)
                    continue
                refuse = bool(COHESION and sa > 1 and sb > 1
                              and average < COHESION * min(cohesion(a), cohesion(b)))
                if (refuse and JOIN_P is not None) or trace is not None:   # the learned second look
                    big, small = (a, b) if sa >= sb else (b, a)
                    features = join_features(average, cohesion(big), cohesion(small), size[big], size[small], pair, n)
                    if refuse and JOIN_P is not None:
                        refuse = join_probability(features) < JOIN_P
                    if trace is not None:
                        trace.append((big, small, features, not refuse))
                if refuse:
                    refused.add(key)
                    continue
            elif trace is not None:
                trace.append((a, b, join_features(cross, 1.0, 1.0, 1, 1, cross, n), True))
            join(a, b, cross)
    return np.asarray([find(i) for i in range(n)])
