"""Experiments of issue 12's seventh session on claim grouping (docs/claims.md, "A learned join test, and what was
tried before it"): the ideas that were dropped, kept so that their figures can be made again. What ships (the
learned join test) is measured by `python -m claimgraph.eval.emergent DIR join-cv`, not here.

    python scripts/grouping_experiments.py ../shared/data/emergent pairs     # learned pair similarity (~5 min)
    python scripts/grouping_experiments.py ../shared/data/emergent ceiling   # … over every word-sharing pair
    python scripts/grouping_experiments.py ../shared/data/emergent refine    # refinement after linkage

Every union of the 5 folds (GroupKFold by claim) is grouped as one batch, as tune_grouping does; "held out" is a
fold's headlines in the batches that hold it, with anything learned or chosen on the batches without it.
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

import numpy as np
from scipy import sparse

from claimgraph.claims import semantic, vectors
from claimgraph.claims.grouping import group_statements
from claimgraph.eval.emergent import bcubed, claim_folds, fold_batches, read_emergent

CANDIDATE_LINK = 0.08   # candidates below the shipped link too, each statement's 10 strongest


def batches(rows):
    parts, gold = claim_folds(rows), np.array([r.claim_id for r in rows])
    out = []
    for batch in fold_batches():
        idx = np.concatenate([parts[f] for f in batch])
        texts = [rows[i].headline for i in idx]
        words, emb, info = vectors.statement_vectors(texts)
        pairs, sims = semantic.candidate_pairs(words, emb, info, CANDIDATE_LINK)
        at = np.cumsum([0] + [len(parts[f]) for f in batch])
        d = {"batch": batch, "n": len(texts), "words": words, "emb": emb, "info": info, "pairs": pairs,
             "sims": sims.astype(np.float64), "gold": list(gold[idx]), "base": group_statements(texts),
             "items": [np.arange(at[m], at[m + 1]) for m in range(len(batch))]}
        d["X"] = features(d)
        d["y"] = (gold[idx][pairs[:, 0]] == gold[idx][pairs[:, 1]]).astype(int)
        w = words
        d["S"] = (w @ w.T).toarray().astype(np.float64) + emb @ emb.T
        out.append(d)
    return out


def features(d, pairs=None):
    """15 features of each pair: cosines, information shared (semantic's Zipf table), unshared, sizes, n."""
    words, emb, info = d["words"], d["emb"], d["info"]
    pairs = d["pairs"] if pairs is None else pairs
    i, j = pairs[:, 0], pairs[:, 1]
    present = (words != 0).astype(np.float32).tocsr()
    own = np.asarray(present @ info)
    both = words[i].multiply(words[j]).tocsr()
    wdot = np.asarray(both.sum(axis=1)).ravel() / vectors.WORDS
    edot = np.einsum("ij,ij->i", emb[i], emb[j]) / (1 - vectors.WORDS)
    bp = (both != 0).astype(np.float32)
    sh = np.asarray(bp @ info)
    s0, s1, cnt = sh[:, 0], sh[:, 1], sh[:, 2]
    oa, ob = own[i], own[j]
    eps = 1e-6
    lo0, hi0, lo1 = np.minimum(oa[:, 0], ob[:, 0]), np.maximum(oa[:, 0], ob[:, 0]), np.minimum(oa[:, 1], ob[:, 1])
    na, nb = oa[:, 2], ob[:, 2]
    ua, ub = oa[:, 0] - s0, ob[:, 0] - s0
    stem_info = sparse.diags(info[:, 0]).tocsr()
    una, unb = (present[i] - bp).tocsr(), (present[j] - bp).tocsr()
    ma = np.asarray((una @ stem_info).max(axis=1).todense()).ravel()
    mb = np.asarray((unb @ stem_info).max(axis=1).todense()).ravel()
    return np.stack([wdot, edot, wdot * edot, s0 / 10, s0 / np.maximum(lo0, eps), s0 / np.maximum(hi0, eps),
                     s1 / np.maximum(lo1, eps), cnt, cnt / np.maximum(na + nb - cnt, eps),
                     np.maximum(ua, ub) / 10, np.minimum(ua, ub) / 10, np.maximum(ma, mb) / 8,
                     np.minimum(ma, mb) / 8, np.minimum(na, nb) / np.maximum(np.maximum(na, nb), eps),
                     np.full(len(i), np.log2(max(d["n"], 1) / 300))], axis=1).astype(np.float64)


def fit(xs, ys):
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    x, y = np.concatenate(xs), np.concatenate(ys)
    scaler = StandardScaler().fit(x)
    model = LogisticRegression(max_iter=3000).fit(scaler.transform(x), y)
    return lambda z: model.decision_function(scaler.transform(z))


def _root(parent, x):
    """The root of x in a parent array, halving the path (as grouping.UnionFind.find; the linkages below choose
    which root survives a join themselves, so they keep the bare array)."""
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def linkage(d, S, pairs, order_by, admit, link, cohesion=0.5, delta=None):
    """Single-pass average linkage as semantic.average_linkage, dense: S the pair similarity of every two statements;
    pairs tried in the order of `order_by` (descending) where `admit`; `delta` (pairs) added to S's cross sums."""
    n = d["n"]
    nbr = [dict() for _ in range(n)]
    if delta is not None:
        for (a, b), v in zip(pairs.tolist(), delta.tolist()):
            nbr[a][b] = nbr[a].get(b, 0.0) + v
            nbr[b][a] = nbr[b].get(a, 0.0) + v
    keep = np.flatnonzero(admit)
    members = {i: [i] for i in range(n)}
    parent, inside = list(range(n)), [0.0] * n
    find = partial(_root, parent)

    for k in keep[np.argsort(-order_by[keep], kind="stable")].tolist():
        a, b = find(int(pairs[k, 0])), find(int(pairs[k, 1]))
        if a == b:
            continue
        sa, sb = len(members[a]), len(members[b])
        cross = S[np.ix_(members[a], members[b])].sum() + nbr[a].get(b, 0.0)
        average = cross / (sa * sb)
        if average < link or (cohesion and sa > 1 and sb > 1 and average < cohesion * min(
                inside[a] / (sa * (sa - 1) / 2), inside[b] / (sb * (sb - 1) / 2))):
            continue
        if len(nbr[a]) < len(nbr[b]):
            a, b = b, a
        nbr[a].pop(b, None)
        nbr[b].pop(a, None)
        for c, v in nbr[b].items():
            nbr[a][c] = nbr[a].get(c, 0.0) + v
            nbr[c][a] = nbr[c].get(a, 0.0) + nbr[c].pop(b)
        nbr[b] = {}
        members[a] = members[a] + members.pop(b)
        inside[a] += inside[b] + cross
        parent[b] = a
    return np.asarray([find(x) for x in range(n)])


def nested(B, fitter, grid, run):
    """For each fold: fitter(training batches), the setting of `grid` best on the training batches (mean over sizes
    of the mean B-cubed of each batch), scored on the fold's headlines in the batches that hold it."""
    held = []
    for k in range(5):
        train = [d for d in B if k not in d["batch"]]
        model = fitter(train)

        def train_score(s, model=model, train=train):
            return np.mean([np.mean([bcubed(d["gold"], run(d, model, s))[2] for d in train if len(d["batch"]) == z])
                            for z in range(1, 5)])

        best = max(grid, key=train_score)
        held.append([np.mean([bcubed(d["gold"], run(d, model, best), d["items"][d["batch"].index(k)])[2]
                              for d in B if len(d["batch"]) == z and k in d["batch"]]) for z in range(1, 6)])
        print(f"  fold {k}: chose {best}", flush=True)
    return np.round(np.mean(held, axis=0), 4).tolist()


def sparse_p(d, p, t, cohesion):
    """Average linkage over the pairs' probabilities, pairs not among the candidates 0."""
    S = np.zeros((d["n"], d["n"]))
    S[d["pairs"][:, 0], d["pairs"][:, 1]] = p
    S[d["pairs"][:, 1], d["pairs"][:, 0]] = p
    return linkage(d, S, d["pairs"], p, p >= t, t, cohesion)


def pairs_experiment(B):
    from sklearn.metrics import roc_auc_score

    def fitter(train):
        return fit([d["X"] for d in train], [d["y"] for d in train])

    for k in range(5):
        score = fitter([d for d in B if k not in d["batch"]])
        mine = [np.isin(d["pairs"], d["items"][d["batch"].index(k)]).any(axis=1) if k in d["batch"] else None
                for d in B]
        y = np.concatenate([d["y"][m] for d, m in zip(B, mine) if m is not None])
        cos = np.concatenate([d["sims"][m] for d, m in zip(B, mine) if m is not None])
        z = np.concatenate([score(d["X"][m]) for d, m in zip(B, mine) if m is not None])
        print(f"fold {k}: pair ROC AUC cosine {roc_auc_score(y, cos):.3f}, learned {roc_auc_score(y, z):.3f}")
    sig = lambda z: 1 / (1 + np.exp(-z))   # noqa: E731
    print("probability as the linkage similarity:",
          nested(B, fitter, [(t, c) for t in (0.3, 0.4, 0.5, 0.6, 0.7) for c in (0.0, 0.5)],
                 lambda d, m, s: sparse_p(d, sig(m(d["X"])), *s)))

    def gated(d, m, s):
        p, link = sig(m(d["X"])), semantic.link_for(d["n"])
        tp, tg, by_p = s
        admit = (d["sims"] >= link) & (p >= tp)
        if not tg:
            return linkage(d, d["S"], d["pairs"], p if by_p else d["sims"], admit, link)
        return veto(d, p, admit, link, tg)

    grid = ([(0.0, 0.0, False), (0.0, 0.0, True)] + [(tp, 0.0, bp) for tp in (0.3, 0.5, 0.7) for bp in (True, False)]
            + [(0.0, tg, False) for tg in (0.4, 0.5, 0.6, 0.7)])
    print("cosine linkage, pairs ordered / gated / vetoed by the probability:", nested(B, fitter, grid, gated))

    def fitter2(train):
        one = fit([d["sims"][:, None] for d in train], [d["y"] for d in train])
        return fitter(train), one

    def corrected(d, m, lam):
        delta = lam * (sig(m[0](d["X"])) - sig(m[1](d["sims"][:, None])))
        link = semantic.link_for(d["n"])
        s2 = d["sims"] + delta
        return linkage(d, d["S"], d["pairs"], s2, s2 >= link, link, delta=delta)

    print("cosine corrected by lambda x (p - p(cosine)):", nested(B, fitter2, [0.0, 0.05, 0.1, 0.2, 0.3], corrected))


def veto(d, p, admit, link, tg):
    """Cosine average linkage with a join refused when the mean probability of its known cross pairs is below tg."""
    n, pairs = d["n"], d["pairs"]
    known: dict[int, dict[int, float]] = {}
    for (a, b), v in zip(pairs.tolist(), p.tolist()):
        known.setdefault(a, {})[b] = v
        known.setdefault(b, {})[a] = v
    members = {i: [i] for i in range(n)}
    parent, inside = list(range(n)), [0.0] * n
    find = partial(_root, parent)

    keep = np.flatnonzero(admit)
    for k in keep[np.argsort(-d["sims"][keep], kind="stable")].tolist():
        a, b = find(int(pairs[k, 0])), find(int(pairs[k, 1]))
        if a == b:
            continue
        A, Bm = members[a], members[b]
        sa, sb = len(A), len(Bm)
        cross = d["S"][np.ix_(A, Bm)].sum()
        average = cross / (sa * sb)
        if average < link or (sa > 1 and sb > 1 and average < 0.5 * min(inside[a] / (sa * (sa - 1) / 2),
                                                                          inside[b] / (sb * (sb - 1) / 2))):
            continue
        if sa > 1 or sb > 1:
            small, other = (A, b) if sa <= sb else (Bm, a)
            vals = [known[x][y] for x in small for y in known.get(x, {}) if find(y) == other]
            if vals and np.mean(vals) < tg:
                continue
        if sa < sb:
            a, b = b, a
        members[a] = members[a] + members.pop(b)
        inside[a] += inside[b] + cross
        parent[b] = a
    return np.asarray([find(x) for x in range(n)])


def ceiling_experiment(B):
    """The whole split: the probability of every word-sharing pair (a model trained on those pairs of the other
    folds), dense average linkage, threshold and cohesion best on the held-out fold itself (an upper bound)."""
    d = B[-1]
    present = (d["words"] != 0).astype(np.float32).tocsr()
    co = sparse.triu(present @ present.T, k=1).tocoo()
    pairs = np.stack([co.row, co.col], axis=1).astype(np.int64)
    x = features(d, pairs)
    gold = np.array(d["gold"])
    y = (gold[co.row] == gold[co.col]).astype(int)
    fold = np.zeros(d["n"], dtype=int)
    for k, items in enumerate(d["items"]):
        fold[items] = k
    print(f"{len(pairs)} word-sharing pairs")
    for k in range(5):
        train = (fold[co.row] != k) & (fold[co.col] != k)
        p = 1 / (1 + np.exp(-fit([x[train]], [y[train]])(x)))
        S = np.zeros((d["n"], d["n"]))
        S[co.row, co.col] = p
        S[co.col, co.row] = p
        best = max(bcubed(d["gold"], linkage(d, S, pairs, p, p >= t, t, c), d["items"][k])[2]
                   for t in (0.1, 0.15, 0.2, 0.3, 0.4) for c in (0.0, 0.5))
        print(f"fold {k}: best {best:.4f}, shipped {bcubed(d['gold'], d['base'], d['items'][k])[2]:.4f}")


def refine_once(S, lab, link, margin, who):
    n = len(lab)
    groups, inv = np.unique(lab, return_inverse=True)
    onehot = np.zeros((n, len(groups)))
    onehot[np.arange(n), inv] = 1
    sums, sizes = S @ onehot, onehot.sum(axis=0)
    own = sums[np.arange(n), inv] - S[np.arange(n), np.arange(n)]
    single = sizes[inv] == 1
    own_average = np.where(single, link, own / np.maximum(sizes[inv] - 1, 1))
    average = sums / np.maximum(sizes, 1)
    average[np.arange(n), inv] = -np.inf
    best = np.argmax(average, axis=1)
    value = average[np.arange(n), best]
    move = (value >= link + margin) & (value > own_average + margin) & (S[np.arange(n), np.arange(n)] > 0)
    if who == "single statements":
        move &= single
    return np.where(move, groups[best], lab)


def refine_experiment(B):
    for who, margin, rounds in (("all", 0.0, 1), ("all", 0.0, 2), ("all", 0.05, 1), ("single statements", 0.05, 1)):
        by = []
        for z in range(1, 6):
            scores = []
            for d in (d for d in B if len(d["batch"]) == z):
                lab = d["base"]
                for _ in range(rounds):
                    lab = refine_once(d["S"], lab, semantic.link_for(d["n"]), margin, who)
                scores.append(bcubed(d["gold"], lab)[2])
            by.append(round(float(np.mean(scores)), 4))
        print(f"refinement, {who} moving, margin {margin}, {rounds} round(s): {by}")


if __name__ == "__main__":
    semantic.JOIN_P = None   # measured against the grouping before the learned join test, as in docs/claims.md
    rows = read_emergent(Path(sys.argv[1]))
    B = batches(rows)
    print("shipped, mean B-cubed of every batch by size:",
          [round(float(np.mean([bcubed(d["gold"], d["base"])[2] for d in B if len(d["batch"]) == z])), 4)
           for z in range(1, 6)])
    {"pairs": pairs_experiment, "ceiling": ceiling_experiment, "refine": refine_experiment}[sys.argv[2]](B)
