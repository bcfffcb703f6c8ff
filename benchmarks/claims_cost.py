"""Cost of grouping statements into claims: MinHash LSH, the semantic step (embedding time included) and the
all-pairs baseline, at 10k, 100k and 1M.

Synthetic statements shaped like news (`synthetic`): real English words (the shipped embeddings' vocabulary) in
topics, fictional names, figures; Zipf-popular topics, names and words, no word in every statement; each
proposition restated 1-8 times with paraphrase noise (a word dropped or swapped for another of its topic, stop
words and a reporting frame added, sometimes negated). Every size runs in a fresh subprocess so that peak memory is
its own. Each statement also carries its predicates as extraction records them (claimgraph.nlp.predicates, read
at extraction from the article's parse, so that `link-claims` need not parse): see `with_predicates`. The LSH path
is the one `link-claims` runs (content words -> datasketch MinHash signatures -> LSH bands ->
exact Jaccard check -> guarded union); the baseline computes the exact Jaccard of every pair (sparse products by
blocks of rows) — where a full run would take too long, a few blocks are timed and the total extrapolated (marked
"est."). Grouping quality against the known propositions is printed as pairwise precision / recall. "semantic" is
`group_statements` as `link-claims` runs it (stems, TF-IDF word rows, static embeddings, candidate pairs: exact up
to semantic.EXACT_MAX statements, blocks of rare words above (claims/cells.py); average linkage), with the time of
each stage and the peak memory (ru_maxrss) of its process.
`--per-article K` puts the statements in articles of K, so that the tests across articles run (the evidence test
and the predicates test, claims.predicates, on the recorded predicates); `--unrecorded` passes no predicates, so
that those pairs' statements are parsed by the spaCy pipeline (link-claims on rows stored before they were recorded).
`--vs-exact N` groups N statements both ways (blocks and the exact path) and prints how far they agree.
`--shuffle SEED` gives the statements in a seeded random order: as generated, each proposition's copies are
consecutive, which a rule bound to the input order can use (the exact path keeps each statement's strongest later
partners); the blocks above semantic.EXACT_MAX are order-free, so their figures do not change with it.

    .venv/bin/python benchmarks/claims_cost.py                 # 10k, 100k, 1M
    .venv/bin/python benchmarks/claims_cost.py --sizes 10000 100000 --baseline-max 20000
    .venv/bin/python benchmarks/claims_cost.py --sizes 1000000 --methods lsh semantic
    .venv/bin/python benchmarks/claims_cost.py --vs-exact 20000
    .venv/bin/python benchmarks/claims_cost.py --sizes 1000000 --methods semantic --shuffle 5
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time

import numpy as np

from claimgraph.nlp.predicates import PredicateWords

FILLER = "the a of to in and that it is was for on with as by at from".split()
FRAMES = ["officials said", "according to reports", "sources say", "it was reported", "a spokesman said",
          "reportedly", "the agency said", "witnesses said", ""]
TOPIC_WORDS = 300    # words of one topic
SYLLABLES = ["ka", "lo", "mi", "ru", "ten", "var", "os", "bel", "dra", "nix", "sul", "ore", "vin", "tas", "pem",
             "mar", "del", "ist", "an", "quo", "zel", "bra", "hen", "tor", "ul"]


def _real_words() -> list[str]:
    """English words the embeddings know: the whole-word entries of the shipped model's vocabulary (about 20,000,
    roughly in order of frequency), without stop words."""
    import re

    from claimgraph.claims import embeddings
    from claimgraph.claims.grouping import STOP

    vocab = json.loads((embeddings.EMBED_DIR / "tokenizer.json").read_text())["model"]["vocab"]
    return [w for w in sorted(vocab, key=vocab.get) if re.fullmatch("[a-z]{4,}", w) and w not in STOP]


def synthetic(n: int, seed: int = 7) -> tuple[list[str], np.ndarray]:
    """n statements of known propositions, shaped like news rather than like random words (`with_predicates`)."""
    texts, labels, _ = with_predicates(n, seed)
    return texts, labels


def with_predicates(n: int, seed: int = 7) -> tuple[list[str], np.ndarray, list[PredicateWords]]:
    """n statements of known propositions, shaped like news rather than like random words, with the predicates
    extraction would record for each.

    Topics: about 2 sqrt(n) of them (a bigger collection covers more stories, as Heaps' law has it), each with
    TOPIC_WORDS real English words (drawn so that frequent words sit in many topics) weighted Zipf-like inside the
    topic, and a cast of 30 fictional names; names come from a pool of 30 sqrt(n), Zipf-popular across topics. A
    proposition is a topic (Zipf-popular), 1-2 names (mostly of the topic's cast), 4-7 topic words and in 40% a
    figure. It is restated 1-8 times: a content word dropped (60%), one swapped for another word of its topic
    (30%), a reporting frame and 2-4 stop words added, negated in 20%. Sibling propositions (same topic and names,
    other words or figure) are the hard cases, as in real corpora; no word is in every statement.

    Predicates (the third list; nlp.predicates.PredicateWords, as extraction records them): a proposition's
    first content word is its predicate (a head, and a verb) and its second the verb's object. Restatements keep
    them, but the paraphrase noise reaches them: a dropped predicate word passes the predicate to the next word
    left, a swapped one makes the word swapped in the predicate, and in 15% the parse reads one more of the
    statement's words as a head (the parse of real statements differs in such details). Siblings predicate their
    own first word, so that the test splits some of them, as it does on news. The words are not verbs and nouns
    of a real parse: the benchmark measures the cost of the test, not its judgement."""
    rng = np.random.default_rng(seed)
    real = np.asarray(_real_words())
    n_topics = max(50, int(2 * np.sqrt(n)))
    n_names = max(2_000, int(30 * np.sqrt(n)))
    names: dict[str, None] = {}
    while len(names) < n_names:
        syllables = rng.integers(0, len(SYLLABLES), int(rng.integers(2, 5)))
        names["".join(SYLLABLES[s] for s in syllables).capitalize()] = None
    name = np.asarray(list(names))
    cdf = lambda m, s: np.cumsum(1.0 / np.arange(1, m + 1) ** s) / np.sum(1.0 / np.arange(1, m + 1) ** s)  # noqa: E731
    draw = lambda c, shape: np.minimum(np.searchsorted(c, rng.random(shape)), len(c) - 1)  # noqa: E731
    word_cdf, name_cdf = cdf(len(real), 0.5), cdf(n_names, 1.0)
    topic_cdf, in_topic = cdf(n_topics, 0.8), cdf(TOPIC_WORDS, 0.8)
    topic_words = np.stack([rng.choice(len(real), TOPIC_WORDS, replace=False, p=np.diff(word_cdf, prepend=0))
                            for _ in range(n_topics)])
    topic_cast = draw(name_cdf, (n_topics, 30))
    m = n // 2 + 10                                       # more propositions than can be needed
    topic = draw(topic_cdf, m)
    cast = topic_cast[topic[:, None], rng.integers(0, 30, (m, 2))]
    who = np.where(rng.random((m, 2)) < 0.8, cast, draw(name_cdf, (m, 2)))
    n_who, n_what = rng.integers(1, 3, m), rng.integers(4, 8, m)
    what = topic_words[topic[:, None], draw(in_topic, (m, 7))]
    figure = np.where(rng.random(m) < 0.4, rng.integers(2, 1000, m), 0)
    copies = rng.integers(1, 9, m)
    swap = topic_words[topic, draw(in_topic, m)]           # the word a paraphrase swaps in
    small = random.Random(seed)                            # per-statement choices: the stdlib draws faster
    texts: list[str] = []
    labels: list[int] = []
    said: list[PredicateWords] = []
    prop = 0
    while len(texts) < n:
        base = list(dict.fromkeys(real[what[prop, :n_what[prop]]].tolist()))
        people = list(dict.fromkeys(name[who[prop, :n_who[prop]]].tolist()))
        tail = [str(figure[prop])] if figure[prop] else []
        for _ in range(min(int(copies[prop]), n - len(texts))):
            w = list(base)
            if small.random() < 0.6 and len(w) > 2:
                w.pop(small.randrange(len(w)))
            if small.random() < 0.3:
                w[small.randrange(len(w))] = str(real[swap[prop]])
            said.append(_predicates(w, small))
            tokens = w + small.choices(FILLER, k=small.randint(2, 4)) + (["not"] if small.random() < 0.2 else [])
            small.shuffle(tokens)
            texts.append(" ".join(people + tokens + tail + [small.choice(FRAMES)]).strip())
            labels.append(prop)
        prop += 1
    return texts, np.asarray(labels), said


def _predicates(w: list[str], small: random.Random) -> PredicateWords:
    """A restatement's predicates (`with_predicates`): its first content word left as head and verb, its second as the
    verb's object, and in 15% one more of its words read as a head."""
    heads = [w[0]] + ([small.choice(w)] if small.random() < 0.15 else [])
    return PredicateWords(tuple(dict.fromkeys(heads)), (w[0],), tuple(w[1:2]))


def statements(n: int, seed: int = 7) -> tuple[list[str], np.ndarray, list[PredicateWords]]:
    """`with_predicates(n, seed)`, kept in the temporary folder after the first call (generating 1M takes ~40 s, and
    each method runs in its own process)."""
    import pickle
    import tempfile
    from pathlib import Path

    path = Path(tempfile.gettempdir()) / f"claimgraph_claims_cost_{n}_{seed}_v3.pkl"
    if path.exists():
        with path.open("rb") as f:
            return pickle.load(f)   # noqa: S301 (written by this benchmark)
    out = with_predicates(n, seed)
    tmp = path.with_suffix(f".{os.getpid()}")
    with tmp.open("wb") as f:
        pickle.dump(out, f, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)
    return out


def pair_quality(labels: np.ndarray, found: np.ndarray) -> tuple[float, float]:
    """Pairwise precision and recall of found components against true propositions."""
    def pairs(lab: np.ndarray) -> int:
        _, counts = np.unique(lab, return_counts=True)
        return int((counts * (counts - 1) // 2).sum())
    joint = labels.astype(np.int64) * (int(found.max()) + 1) + found
    both = pairs(joint)
    return both / max(pairs(found), 1), both / max(pairs(labels), 1)


STAGES = [("vectors", "statement_vectors", "vectors"), ("embeddings", "embed", "embedding"),
          ("semantic", "candidate_pairs", "candidates"), ("grouping", "lsh_links", "MinHash pairs"),
          ("predicates", "uncorresponding", "predicates test"), ("semantic", "average_linkage", "linkage")]


def _timed(stages: dict) -> None:
    """Wrap the semantic step's stages (module functions, looked up at call time) to add up their seconds."""
    import functools
    import importlib

    for module, name, label in STAGES:
        mod = importlib.import_module(f"claimgraph.claims.{module}")
        inner = getattr(mod, name)

        @functools.wraps(inner)
        def timed(*args, _inner=inner, _label=label, **kwargs):  # noqa: ANN002, ANN003, ANN202
            start = time.perf_counter()
            try:
                return _inner(*args, **kwargs)
            finally:
                stages[_label] = stages.get(_label, 0.0) + time.perf_counter() - start
                print(f"  {_label}: {time.perf_counter() - start:.1f} s, CPU so far {time.process_time():.0f} s, peak "
                      f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB",
                      file=sys.stderr, flush=True)
        setattr(mod, name, timed)


def run_one(n: int, method: str, baseline_max: int, per_article: int = 0, unrecorded: bool = False,
            shuffle: int | None = None) -> dict:
    from claimgraph.claims import grouping as g

    texts, labels, said = statements(n)
    if shuffle is not None:   # the copies of a proposition are consecutive as generated: an order-bound rule gains
        order = np.random.default_rng(shuffle).permutation(n)
        texts, labels, said = [texts[i] for i in order], labels[order], [said[i] for i in order]
    # `--per-article K`: the statements in articles of K, drawn at random, passed as `link-claims` passes them (the
    # cross-article evidence test, evidence.across_unanchored, then runs); 0: no articles, as `eval emergent`.
    sources = ([f"a{i // per_article}" for i in np.random.default_rng(3).permutation(n)] if per_article else None)
    stages: dict[str, float] = {}
    if method == "semantic":
        from claimgraph.claims import embeddings, semantic

        embeddings._model()   # loading the embeddings (~0.1 s) is not grouping
        _timed(stages)
    rss_data = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start, cpu = time.perf_counter(), time.process_time()
    sets = [g.content_stems(t) for t in texts] if method != "semantic" else []
    if method == "lsh":
        labels_found = g.group(sets)
        estimated = False
    elif method == "semantic":   # what link-claims runs: stems, TF-IDF, embeddings, candidates, average linkage
        labels_found = g.group_statements(texts, sources=sources, predicates=None if unrecorded else said)
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
    result = {"n": n, "method": method, "seconds": seconds, "cpu_seconds": time.process_time() - cpu,
              "estimated": estimated,
              "peak_mb": peak / 1024, "grouping_mb": max(0, peak - rss_data) / 1024,
              "claims": int(len(np.unique(labels_found)))}
    if stages:
        result["stages"] = {k: round(v, 1) for k, v in stages.items()}
    if method == "semantic":   # the link at this many statements (it rises with n: semantic.link_for)
        result["link"] = round(semantic.link_for(n), 4)
    if not estimated:
        result["precision"], result["recall"] = pair_quality(labels, labels_found)
    return result


def vs_exact(n: int) -> dict:
    """N statements grouped by the semantic step through the blocks (as above EXACT_MAX) and through the exact
    path (every pair): the share of the exact candidate pairs the blocks find, and the pairwise precision / recall
    of the blocked grouping against the exact one (and of each against the propositions)."""
    from claimgraph.claims import semantic, vectors

    texts, labels, _ = statements(n)
    words, emb, info = vectors.statement_vectors(texts)
    out = {"n": n}
    found = {}
    for path, limit in (("exact", 10**12), ("blocks", 1)):
        semantic.EXACT_MAX = limit
        start = time.perf_counter()
        pairs, sims = semantic.candidate_pairs(words, emb, info)
        out[f"{path}_candidates_s"] = round(time.perf_counter() - start, 1)
        found[path] = (pairs, semantic.average_linkage(n, pairs, sims, words, emb))
        out[f"{path}_pairs"] = len(pairs)
        out[f"{path}_vs_truth"] = [round(x, 4) for x in pair_quality(labels, found[path][1])]
    exact = set((found["exact"][0][:, 0] * n + found["exact"][0][:, 1]).tolist())
    blocks = set((found["blocks"][0][:, 0] * n + found["blocks"][0][:, 1]).tolist())
    out["exact_pairs_found"] = round(len(exact & blocks) / max(len(exact), 1), 4)
    out["blocks_vs_exact"] = [round(x, 4) for x in pair_quality(found["exact"][1], found["blocks"][1])]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--baseline-max", type=int, default=10_000,
                        help="largest size at which the all-pairs baseline runs in full (above: extrapolated)")
    parser.add_argument("--methods", nargs="+", default=["lsh", "semantic", "all-pairs"],
                        choices=["lsh", "semantic", "all-pairs"],
                        help="which to run (the table shows '-' for the rest)")
    parser.add_argument("--one", nargs=2, metavar=("N", "METHOD"), help=argparse.SUPPRESS)
    parser.add_argument("--per-article", type=int, default=0, metavar="K",
                        help="semantic: put the statements in articles of K (at random) as link-claims passes them")
    parser.add_argument("--unrecorded", action="store_true",
                        help="semantic: no recorded predicates "
                             "(the predicates test parses, as before issue 12's remedy)")
    parser.add_argument("--vs-exact", type=int, metavar="N", help="blocks against the exact path on N statements")
    parser.add_argument("--shuffle", type=int, metavar="SEED",
                        help="statements in a random order (seeded) instead of each proposition's copies together")
    args = parser.parse_args()
    if args.vs_exact:
        print(json.dumps(vs_exact(args.vs_exact)))
        return
    if args.one:
        print(json.dumps(run_one(int(args.one[0]), args.one[1], args.baseline_max, args.per_article,
                                 args.unrecorded, args.shuffle)))
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
                                  str(args.baseline_max), "--per-article", str(args.per_article)]
                                 + (["--unrecorded"] if args.unrecorded else [])
                                 + (["--shuffle", str(args.shuffle)] if args.shuffle is not None else []),
                                 capture_output=True, text=True,
                                 check=True)
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
            base_text = f"{f'~{est:.0f} est.':>14} {'-':>6} {'-':>11}"
        else:
            secs = f"{base['seconds']:.1f}" + (" est." if base["estimated"] else "")
            base_text = f"{secs:>14} {base['grouping_mb']:>6.0f} {pr(base):>11}"
        print(f"{n:>10} | {cells(lsh)} | {cells(sem)} | {base_text}")
    print("\nMB: peak resident memory added by grouping (above the process holding the statements).")
    for n in args.sizes:
        sem = by[(n, "semantic")]
        if sem.get("stages"):
            stages = dict(sem["stages"])
            stages["stems, TF-IDF rows"] = round(stages.pop("vectors", 0.0) - stages.get("embedding", 0.0), 1)
            rest = sem["seconds"] - sum(stages.values())
            print(f"semantic at {n}: " + ", ".join(f"{k} {v:.1f} s" for k, v in stages.items())
                  + f", the rest {rest:.1f} s (CPU time {sem['cpu_seconds']:.0f} s in all); "
                  f"peak {sem['peak_mb']:,.0f} MB (the whole process, ru_maxrss); link {sem.get('link', '-')}, "
                  f"{sem['claims']:,} claims")


if __name__ == "__main__":
    main()
