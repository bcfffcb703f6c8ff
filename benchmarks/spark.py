"""One machine against Spark local mode on the same articles: words per second of whole processes.

The articles: the PolNeAR texts (train and dev) then FNC-1 training bodies from ../shared/data, N in all (default
2,000), written as one JSON Lines file in a temporary folder (the data stays outside the repository). Each command
runs as its own process, timed whole (start-up and pipeline load included), in this order:

    extract -p 1            the one-process CLI (the baseline)
    extract -p 2
    spark extract local[1]  one core, one partition
    spark extract local[2]  two cores, two partitions
    tiny: extract and spark extract local[1] on one short article: the fixed cost of each (start-up, JVM, pipeline)

Every stage runs a copy of the claimgraph package taken at the start (others may edit a shared working tree
during a run of 20 minutes). Each stage's seconds, words per second and the load average before and after (shared
machines slow every run alike) are printed as the stage ends and appended to runs/spark_extract_n<N>_<time>.log; at
the end, one JSON object with the ratios and whether each Spark run's attributions equal extract -p 1's field by
field (extract's JSON fields, order aside).

    .venv/bin/python benchmarks/spark.py [--n 2000] [--data ../shared/data]

With `--grouping 10000,100000,1000000` it times claim grouping instead, in this process on one local[2] session
(logged under runs/ too): at each size, statements grouped on one machine (claims.grouping.group: content words,
banded MinHash LSH, guarded union) and on Spark (spark.grouping.group_claims with the banded LSH in Spark SQL, and
up to --tables-max with MinHashLSH's one-hash tables), with the pairwise P/R of Spark's grouping against the
one-machine one and, for synthetic statements, of each against the true propositions. Statements: by default
benchmarks/claims_cost.py's synthetic ones (the figures sit beside that benchmark's); `--statements real` takes the
sentences of the same bodies (6 words or more). Up to --semantic-max statements the semantic step of link-claims
is timed too (claims.grouping.group_statements against spark.semantic). `--stories` adds syndicated copies among
the bodies (Spark MinHashLSH against the ingest path's SyndicationIndex).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLAIMGRAPH = [sys.executable, "-m", "claimgraph"]


def articles(data: Path, n: int) -> list[dict]:
    found = []
    for split in ("train", "dev"):
        for path in sorted((data / "polnear" / split / "text").glob("*.txt")):
            found.append({"id": f"polnear/{split}/{path.stem}", "text": path.read_text(encoding="utf-8")})
    csv.field_size_limit(1 << 24)
    with open(data / "fnc1" / "train_bodies.csv", encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            found.append({"id": f"fnc1/{row['Body ID']}", "text": row["articleBody"]})
    return found[:n]


def timed(command: list[str], stdout=subprocess.DEVNULL, code: Path | None = None) -> float:
    """Seconds of a whole process; with `code`, it runs the claimgraph package copied there (PYTHONPATH, and the
    working folder, since `python -m` looks there first)."""
    env = dict(os.environ, PYTHONPATH=str(code)) if code else None
    start = time.perf_counter()
    subprocess.run(command, check=False, stdout=stdout, stderr=subprocess.DEVNULL, cwd=code or ROOT, env=env)
    return time.perf_counter() - start


def sentences(bodies: list[str]) -> list[str]:
    import re

    found = [s.strip() for body in bodies for s in re.split(r"(?<=[.!?])\s+", body)]
    return [s for s in found if len(s.split()) >= 6]


def grouping(data: Path, sizes: list[int], statements: str, tables_max: int, semantic_max: int, stories: bool,
             log: Log) -> dict:
    """Spark's claim grouping (banded LSH; MinHashLSH's one-hash tables up to `tables_max`) beside the one-machine
    `claims.grouping.group`, and up to `semantic_max` statements the semantic step (spark.semantic beside
    `claims.grouping.group_statements`), each size timed in this process on one local[2] session, figures logged
    as they come."""
    from claimgraph.claims.grouping import content_stems, group, group_statements
    from claimgraph.cli.spark import spark_session
    from claimgraph.spark.grouping import group_claims, group_stories, one_machine_stories, pairwise_agreement
    from claimgraph.spark.semantic import group_claims_semantic

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from claims_cost import synthetic

    bodies = [a["text"] for a in articles(data, 10**6)]
    spark = spark_session("local[2]", **{"spark.driver.memory": "6g", "spark.sql.shuffle.partitions": "8"})
    spark.sparkContext.setLogLevel("ERROR")
    report: dict = {"statements": statements}
    group_claims(spark, sentences(bodies)[:1000])   # warm-up: JIT and Python workers, not timed
    if stories:
        start = time.perf_counter()
        ours = group_stories(spark, bodies)
        middle = time.perf_counter()
        theirs = one_machine_stories(bodies)
        report["stories"] = {"articles": len(bodies), "spark_s": round(middle - start, 1),
                             "one_machine_s": round(time.perf_counter() - middle, 1),
                             **pairwise_agreement(ours.tolist(), theirs.tolist())}
        log(f"stories: {json.dumps(report['stories'])}")
    real = sentences(bodies) if statements == "real" else []
    for size in sizes:
        if statements == "real":
            texts, truth = real[:size], None
        else:
            texts, truth = synthetic(size)
        row: dict = {"statements": len(texts), "load_before": round(os.getloadavg()[0], 2)}
        start = time.perf_counter()
        theirs = group([content_stems(t) for t in texts])
        row["one_machine_s"] = round(time.perf_counter() - start, 1)
        if truth is not None:
            row["one_machine_vs_truth"] = pairwise_agreement(theirs.tolist(), truth.tolist())
        log(f"claims {len(texts)}: one machine {row['one_machine_s']} s")
        for lsh in ("banded", "tables"):
            if lsh == "tables" and len(texts) > tables_max:
                continue
            start = time.perf_counter()
            ours = group_claims(spark, texts, lsh=lsh)
            row[f"spark_{lsh}_s"] = round(time.perf_counter() - start, 1)
            row[f"spark_{lsh}_vs_one_machine"] = pairwise_agreement(ours.tolist(), theirs.tolist())
            if truth is not None:
                row[f"spark_{lsh}_vs_truth"] = pairwise_agreement(ours.tolist(), truth.tolist())
            log(f"claims {len(texts)}: spark {lsh} {row[f'spark_{lsh}_s']} s; against one machine "
                f"{json.dumps(row[f'spark_{lsh}_vs_one_machine'])}")
        if len(texts) <= semantic_max:   # the semantic step of link-claims, one machine and Spark
            start = time.perf_counter()
            theirs = group_statements(texts)
            row["semantic_one_machine_s"] = round(time.perf_counter() - start, 1)
            start = time.perf_counter()
            ours = group_claims_semantic(spark, texts)
            row["semantic_spark_s"] = round(time.perf_counter() - start, 1)
            row["semantic_spark_vs_one_machine"] = pairwise_agreement(ours.tolist(), theirs.tolist())
            if truth is not None:
                row["semantic_one_machine_vs_truth"] = pairwise_agreement(theirs.tolist(), truth.tolist())
                row["semantic_spark_vs_truth"] = pairwise_agreement(ours.tolist(), truth.tolist())
            log(f"claims {len(texts)}: semantic one machine {row['semantic_one_machine_s']} s, spark "
                f"{row['semantic_spark_s']} s; against one machine {json.dumps(row['semantic_spark_vs_one_machine'])}")
        row["load_after"] = round(os.getloadavg()[0], 2)
        report[f"claims_{len(texts)}"] = row
        log(f"claims {len(texts)}: {json.dumps(row)}")
    spark.stop()
    return report


class Log:
    """Each stage's figures printed as they come (flushed) and appended to a log under runs/."""

    def __init__(self, name: str):
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
        self.path = ROOT / "runs" / f"{name}_{stamp}.log"
        self.path.parent.mkdir(exist_ok=True)

    def __call__(self, message: str) -> None:
        line = f"{time.strftime('%H:%M:%S', time.gmtime())} {message}"
        print(line, flush=True)
        with open(self.path, "a", encoding="utf-8") as stream:
            stream.write(line + "\n")


def contract_rows(rows) -> list[str]:
    """Attributions as canonical JSON of extract's fields, sorted: equal lists, equal attributions."""
    from claimgraph.spark.parquet import CONTRACT_FIELDS

    return sorted(json.dumps({k: row[k] for k in CONTRACT_FIELDS}, sort_keys=True) for row in rows)


def spark_rows(out: Path) -> list[dict]:
    import pyarrow.dataset as ds

    return ds.dataset(str(out / "attributions"), format="parquet").to_table().to_pylist()


def extraction(data: Path, n: int, log: Log) -> dict:
    chosen = articles(data, n)
    words = sum(len(a["text"].split()) for a in chosen)
    log(f"{len(chosen)} articles, {words} words; load {os.getloadavg()[0]:.2f}")
    seconds: dict[str, float] = {}
    loads: dict[str, list[float]] = {}

    def stage(name: str, command: list[str], stdout=subprocess.DEVNULL, count: bool = True) -> None:
        before = os.getloadavg()[0]
        seconds[name] = timed(command, stdout=stdout, code=code)
        loads[name] = [round(before, 2), round(os.getloadavg()[0], 2)]
        rate = f", {words / seconds[name]:,.0f} words/s" if count else ""
        log(f"{name}: {seconds[name]:.1f} s{rate}; load {before:.2f} -> {loads[name][1]:.2f}")

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        code = folder / "code"   # every stage runs this copy: a shared working tree may change during the run
        shutil.copytree(ROOT / "claimgraph", code / "claimgraph", ignore=shutil.ignore_patterns("__pycache__"))
        corpus, tiny = folder / "corpus.jsonl", folder / "tiny.jsonl"
        corpus.write_text("".join(json.dumps(a) + "\n" for a in chosen), encoding="utf-8")
        tiny.write_text(json.dumps({"id": "tiny", "text": "The mayor said the bridge would open."}) + "\n")
        with open(folder / "p1.jsonl", "w") as out:
            stage("extract_p1", [*CLAIMGRAPH, "extract", str(corpus), "-p", "1"], stdout=out)
        stage("extract_p2", [*CLAIMGRAPH, "extract", str(corpus), "-p", "2"])
        for cores in (1, 2):
            stage(f"spark_local{cores}", [*CLAIMGRAPH, "spark", "extract", str(corpus), "--out",
                                          str(folder / f"run{cores}"), "--master", f"local[{cores}]",
                                          "--partitions", str(cores)])
        stage("tiny_extract", [*CLAIMGRAPH, "extract", str(tiny)], count=False)
        stage("tiny_spark_local1", [*CLAIMGRAPH, "spark", "extract", str(tiny), "--out", str(folder / "tiny"),
                                    "--master", "local[1]", "--partitions", "1"], count=False)
        one = contract_rows(json.loads(line) for line in open(folder / "p1.jsonl") if line.strip())
        same = {f"local[{c}]": contract_rows(spark_rows(folder / f"run{c}")) == one for c in (1, 2)}
    log(f"attributions: {len(one)} from extract -p 1; equal field by field in Spark: {same}")
    rate = {k: round(words / v, 1) for k, v in seconds.items() if not k.startswith("tiny")}
    return {
        "articles": len(chosen), "words": words, "seconds": {k: round(v, 1) for k, v in seconds.items()},
        "words_per_s": rate, "load_before_after": loads,
        "ratios": {"spark_local1_vs_extract_p1": round(rate["spark_local1"] / rate["extract_p1"], 3),
                   "spark_local2_vs_local1": round(rate["spark_local2"] / rate["spark_local1"], 3),
                   "extract_p2_vs_p1": round(rate["extract_p2"] / rate["extract_p1"], 3)},
        "attributions": len(one), "same_attributions_as_extract_p1": same, "cpu_count": os.cpu_count(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--grouping", help="statement counts, comma-separated: time claim grouping instead")
    parser.add_argument("--statements", choices=("synthetic", "real"), default="synthetic",
                        help="with --grouping: benchmarks/claims_cost.py's synthetic statements (default) or the "
                             "bodies' sentences")
    parser.add_argument("--tables-max", type=int, default=100_000,
                        help="with --grouping: largest size that MinHashLSH's one-hash tables are also timed at")
    parser.add_argument("--semantic-max", type=int, default=0,
                        help="with --grouping: largest size that the semantic step is also timed at")
    parser.add_argument("--stories", action="store_true", help="with --grouping: syndicated copies too")
    args = parser.parse_args()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    if args.grouping:
        log = Log(f"spark_grouping_{args.statements}")
        log(f"benchmarks/spark.py --grouping {args.grouping} --statements {args.statements}; log {log.path}")
        log(json.dumps(grouping(args.data, [int(n) for n in args.grouping.split(",")], args.statements,
                                args.tables_max, args.semantic_max, args.stories, log), indent=1))
        return
    log = Log(f"spark_extract_n{args.n}")
    log(f"benchmarks/spark.py --n {args.n}; log {log.path}")
    log(json.dumps(extraction(args.data, args.n, log), indent=1))


if __name__ == "__main__":
    main()
