"""One machine against Spark local mode on the same articles: words per second of whole processes.

The articles: the PolNeAR texts (train and dev) then FNC-1 training bodies from ../shared/data, N in all (default
2,000), written as one JSON Lines file in a temporary folder (the data stays outside the repository). Each command
runs as its own process, timed whole (start-up and pipeline load included), in this order:

    extract -p 1            the one-process CLI (the baseline)
    extract -p 2
    spark extract local[1]  one core, one partition
    spark extract local[2]  two cores, two partitions
    tiny: extract and spark extract local[1] on one short article: the fixed cost of each (start-up, JVM, pipeline)

It prints one JSON object: seconds, words per second, the ratios, and whether the Spark run's attribution ids equal
extract's. The machine's load average is printed beside, since shared machines slow every run alike.

    .venv/bin/python benchmarks/spark.py [--n 2000] [--data ../shared/data]

With `--grouping 10000,50000` it times grouping instead, in this process: syndicated copies among the same bodies
(Spark MinHashLSH against the ingest path's SyndicationIndex) and claims among the first N sentences of those
bodies standing in for statements (Spark MinHashLSH + the guard against claims.grouping.group on one machine,
whose pairs come from its own banded LSH), with the pairwise P/R of Spark's grouping against the one-machine one.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
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


def timed(command: list[str], stdout=subprocess.DEVNULL) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=False, stdout=stdout, stderr=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - start


def spark_ids(out: Path) -> set[str]:
    import pyarrow.dataset as ds

    return set(ds.dataset(str(out / "attributions"), format="parquet").to_table(columns=["id"])["id"].to_pylist())


def sentences(bodies: list[str]) -> list[str]:
    import re

    found = [s.strip() for body in bodies for s in re.split(r"(?<=[.!?])\s+", body)]
    return [s for s in found if len(s.split()) >= 6]


def grouping(data: Path, sizes: list[int]) -> dict:
    from claimgraph.claims.grouping import content_stems, group
    from claimgraph.cli.spark import spark_session
    from claimgraph.spark.grouping import group_claims, group_stories, one_machine_stories, pairwise_agreement

    bodies = [a["text"] for a in articles(data, 10**6)]
    spark = spark_session("local[2]")
    spark.sparkContext.setLogLevel("ERROR")
    report: dict = {"load_before": os.getloadavg()[0]}
    start = time.perf_counter()
    ours = group_stories(spark, bodies)
    middle = time.perf_counter()
    theirs = one_machine_stories(bodies)
    report["stories"] = {"articles": len(bodies), "spark_s": round(middle - start, 1),
                         "one_machine_s": round(time.perf_counter() - middle, 1),
                         **pairwise_agreement(ours.tolist(), theirs.tolist())}
    statements = sentences(bodies)
    for size in sizes:
        texts = statements[:size]
        start = time.perf_counter()
        ours = group_claims(spark, texts)
        middle = time.perf_counter()
        theirs = group([content_stems(t) for t in texts])
        report[f"claims_{len(texts)}"] = {"spark_s": round(middle - start, 1),
                                          "one_machine_s": round(time.perf_counter() - middle, 1),
                                          **pairwise_agreement(ours.tolist(), theirs.tolist())}
    report["load_after"] = os.getloadavg()[0]
    spark.stop()
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--grouping", help="statement counts, comma-separated: time grouping instead")
    args = parser.parse_args()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    if args.grouping:
        print(json.dumps(grouping(args.data, [int(n) for n in args.grouping.split(",")]), indent=1))
        return
    chosen = articles(args.data, args.n)
    words = sum(len(a["text"].split()) for a in chosen)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus, tiny = folder / "corpus.jsonl", folder / "tiny.jsonl"
        corpus.write_text("".join(json.dumps(a) + "\n" for a in chosen), encoding="utf-8")
        tiny.write_text(json.dumps({"id": "tiny", "text": "The mayor said the bridge would open."}) + "\n")
        seconds: dict[str, float] = {"load_before": os.getloadavg()[0]}
        with open(folder / "p1.jsonl", "w") as out:
            seconds["extract_p1"] = timed([*CLAIMGRAPH, "extract", str(corpus), "-p", "1"], stdout=out)
        seconds["extract_p2"] = timed([*CLAIMGRAPH, "extract", str(corpus), "-p", "2"])
        for cores in (1, 2):
            seconds[f"spark_local{cores}"] = timed([*CLAIMGRAPH, "spark", "extract", str(corpus), "--out",
                                                    str(folder / f"run{cores}"), "--master", f"local[{cores}]",
                                                    "--partitions", str(cores)])
        seconds["tiny_extract"] = timed([*CLAIMGRAPH, "extract", str(tiny)])
        seconds["tiny_spark_local1"] = timed([*CLAIMGRAPH, "spark", "extract", str(tiny), "--out",
                                              str(folder / "tiny"), "--master", "local[1]", "--partitions", "1"])
        seconds["load_after"] = os.getloadavg()[0]
        one = {json.loads(line)["id"] for line in open(folder / "p1.jsonl") if line.strip()}
        same = {cores: spark_ids(folder / f"run{cores}") == one for cores in (1, 2)}
    rate = {k: round(words / v, 1) for k, v in seconds.items() if not k.startswith(("load", "tiny"))}
    print(json.dumps({
        "articles": len(chosen), "words": words, "seconds": {k: round(v, 1) for k, v in seconds.items()},
        "words_per_s": rate,
        "ratios": {"spark_local1_vs_extract_p1": round(rate["spark_local1"] / rate["extract_p1"], 3),
                   "spark_local2_vs_local1": round(rate["spark_local2"] / rate["spark_local1"], 3),
                   "extract_p2_vs_p1": round(rate["extract_p2"] / rate["extract_p1"], 3)},
        "same_attribution_ids_as_extract_p1": {f"local[{c}]": v for c, v in same.items()},
        "cpu_count": os.cpu_count(),
    }, indent=1))


if __name__ == "__main__":
    main()
