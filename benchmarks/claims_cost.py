"""Cost of grouping statements into claims: MinHash LSH, the semantic step (embedding time included) and the
all-pairs baseline, at 10k, 100k and 1M.

Synthetic statements: propositions of 6-9 content words drawn from a Zipf-like vocabulary, each restated 1-8 times
with paraphrase noise (a word dropped or swapped, filler and stop words added, sometimes negated). Every size runs in
a fresh subprocess so that peak memory is its own. The LSH path is the one `link-claims` runs (content words ->
datasketch MinHash signatures -> LSH bands -> exact Jaccard check -> guarded union); the baseline computes
the exact Jaccard of every pair (sparse products by blocks of rows) — where a full run would take too long, a few
blocks are timed and the total extrapolated (marked "est."). Grouping quality against the known propositions is
printed as pairwise precision / recall. "semantic" is `group_statements` as `link-claims` runs it now (static
embeddings, TF-IDF, candidate pairs exact up to 20k statements and in k-means cells above, average linkage); its
P/R on these made-up words measures little (the embeddings know no such words): Emergent measures its quality.

    .venv/bin/python benchmarks/claims_cost.py                 # 10k, 100k, 1M
    .venv/bin/python benchmarks/claims_cost.py --sizes 10000 100000 --baseline-max 20000
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time

import numpy as np

FILLER = "the a of to in and that it is was for on with as by at from officials said reportedly".split()


def synthetic(n: int, seed: int = 7) -> tuple[list[str], np.ndarray]:
    rng = np.random.default_rng(seed)
    syllables = ["ka", "lo", "mi", "ru", "ten", "var", "os", "bel", "dra", "nix", "sul", "ore", "vin", "tas", "pem"]
    vocab_size = 60_000
    parts = rng.integers(0, len(syllables), size=(vocab_size, 4))
    vocab = ["".join(syllables[p] for p in row[: 2 + i % 3]) + str(i % 97) for i, row in enumerate(parts)]
    weights = 1.0 / np.arange(1, vocab_size + 1) ** 0.8
    cdf = np.cumsum(weights / weights.sum())
    draw = lambda k: np.minimum(np.searchsorted(cdf, rng.random(k)), vocab_size - 1)  # noqa: E731
    texts: list[str] = []
    labels: list[int] = []
    prop = 0
    while len(texts) < n:
        words = list(dict.fromkeys(draw(int(rng.integers(6, 10))).tolist()))
        for _ in range(min(int(rng.integers(1, 9)), n - len(texts))):
            w = list(words)
            if rng.random() < 0.6:
                w.pop(int(rng.integers(len(w))))
            if rng.random() < 0.3:
                w[int(rng.integers(len(w)))] = int(draw(1)[0])
            tokens = [vocab[i] for i in w] + list(rng.choice(FILLER, size=int(rng.integers(2, 6))))
            if rng.random() < 0.2:
                tokens.append("not")
            rng.shuffle(tokens)
            texts.append(" ".join(tokens))
            labels.append(prop)
        prop += 1
    return texts, np.asarray(labels)


def pair_quality(labels: np.ndarray, found: np.ndarray) -> tuple[float, float]:
    """Pairwise precision and recall of found components against true propositions."""
    def pairs(lab: np.ndarray) -> int:
        _, counts = np.unique(lab, return_counts=True)
        return int((counts * (counts - 1) // 2).sum())
    joint = labels.astype(np.int64) * (int(found.max()) + 1) + found
    both = pairs(joint)
    return both / max(pairs(found), 1), both / max(pairs(labels), 1)


def run_one(n: int, method: str, baseline_max: int) -> dict:
    from claimgraph.claims import grouping as g

    texts, labels = synthetic(n)
    rss_data = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    sets = [g.content_stems(t) for t in texts] if method != "semantic" else []
    if method == "lsh":
        labels_found = g.group(sets)
        estimated = False
    elif method == "semantic":   # what link-claims runs now: embeddings, TF-IDF, candidates, average linkage
        labels_found = g.group_statements(texts)
        estimated = False
    else:
        block = 2000
        blocks = None if n <= baseline_max else 2
        pairs, scores = g.all_pairs_links(sets, block=block, max_blocks=blocks)
        estimated = blocks is not None
        uf = g.UnionFind(n)
        g.guarded_union(uf, pairs, scores, sets)   # the same clustering over every pair
        labels_found = np.asarray([uf.find(i) for i in range(n)])
    seconds = time.perf_counter() - start
    if estimated:
        seconds = seconds * (n / (2 * 2000))    # each block of rows costs about the same: n/2000 blocks in all
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = {"n": n, "method": method, "seconds": seconds, "estimated": estimated,
              "peak_mb": peak / 1024, "grouping_mb": max(0, peak - rss_data) / 1024,
              "claims": int(len(np.unique(labels_found)))}
    if not estimated:
        result["precision"], result["recall"] = pair_quality(labels, labels_found)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--baseline-max", type=int, default=10_000,
                        help="largest size at which the all-pairs baseline runs in full (above: extrapolated)")
    parser.add_argument("--methods", nargs="+", default=["lsh", "semantic", "all-pairs"],
                        choices=["lsh", "semantic", "all-pairs"], help="which to run (the table shows '-' for the rest)")
    parser.add_argument("--one", nargs=2, metavar=("N", "METHOD"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(int(args.one[0]), args.one[1], args.baseline_max)))
        return
    rows = []
    for n in args.sizes:
        for method in ("lsh", "semantic", "all-pairs"):
            if method not in args.methods:
                rows.append({"n": n, "method": method, "skipped": True, "not_run": True})
                continue
            if method == "all-pairs" and n > 100 * args.baseline_max:
                rows.append({"n": n, "method": method, "skipped": True})
                continue
            out = subprocess.run([sys.executable, __file__, "--one", str(n), method, "--baseline-max",
                                  str(args.baseline_max)], capture_output=True, text=True, check=True)
            rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
            print(f"  done {n} {method}", file=sys.stderr)
    by = {(r["n"], r["method"]): r for r in rows}
    print(f"{'statements':>10} | {'LSH s':>8} {'LSH MB':>7} {'P/R':>11} | {'sem. s':>8} {'sem. MB':>7} {'P/R':>11} "
          f"| {'all-pairs s':>14} {'MB':>6} {'P/R':>11}")

    def cells(r: dict) -> str:
        if r.get("skipped"):
            return f"{'-':>8} {'-':>7} {'-':>11}"
        pr = f"{r['precision']:.3f}/{r['recall']:.3f}" if "precision" in r else "-"
        return f"{r['seconds']:>8.1f} {r['grouping_mb']:>7.0f} {pr:>11}"

    for n in args.sizes:
        lsh, sem, base = by[(n, "lsh")], by[(n, "semantic")], by[(n, "all-pairs")]
        pr = lambda r: f"{r['precision']:.3f}/{r['recall']:.3f}" if "precision" in r else "-"  # noqa: E731
        done = [r for r in rows if r["method"] == "all-pairs" and not r.get("skipped")]
        if base.get("not_run") or (base.get("skipped") and not done):
            base_text = f"{'-':>14} {'-':>6} {'-':>11}"
        elif base.get("skipped"):
            last = max(done, key=lambda r: r["n"])
            est = last["seconds"] * (n / last["n"]) ** 2
            base_text = f"{'~%.0f est.' % est:>14} {'-':>6} {'-':>11}"
        else:
            secs = f"{base['seconds']:.1f}" + (" est." if base["estimated"] else "")
            base_text = f"{secs:>14} {base['grouping_mb']:>6.0f} {pr(base):>11}"
        print(f"{n:>10} | {cells(lsh)} | {cells(sem)} | {base_text}")
    print("\nMB: peak resident memory added by grouping (above the process holding the statements).")


if __name__ == "__main__":
    main()
