"""The Spark job: inputs -> Article records -> attributions, with the same readers and Extractor as `extract`.

Where inputs are read: the driver only lists them (folders walked in sorted order, as `extract` walks them); each
file or URL is read by an executor with the readers of `claimgraph.ingest`, so a WARC of gigabytes never passes
through the driver. A Parquet input (a file or a dataset folder ending in .parquet) is read by Spark itself and each
row becomes an Article through the same column mapping as CSV and JSON Lines (`--columns`). Read articles are then
spread over `partitions` (one WARC holds thousands of articles: without it, one core would parse them all).

Extraction runs in `mapPartitions`: one Extractor per executor Python process (cached in `_EXTRACTORS`; Spark reuses
its Python workers), fed the partition's articles in batches through `service.extract_safely`, which names the
article whose extraction raised. Every input or record that fails becomes a `failures` row; nothing raised by one
record reaches Spark, so a bad input never fails the job.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimgraph.errors import InputError
from claimgraph.records import Article
from claimgraph.spark import parquet

_EXTRACTORS: dict[tuple, Any] = {}  # settings -> Extractor, one per executor Python process


@dataclass(frozen=True)
class Settings:
    """What every executor's Extractor and readers are built from (sent to the executors with the tasks)."""

    model: str
    learned: bool = True
    speech_only: bool = False
    columns: dict[str, str] | None = None  # field -> column, as `--columns`
    gate: str | None = None  # which tagger additions to keep, as `--tagger-gate` (None: the default gate)


@dataclass
class Plan:
    """The inputs as the driver lists them: files and URLs for executors, Parquet for Spark, and what failed."""

    readable: list[str] = field(default_factory=list)
    parquet: list[str] = field(default_factory=list)
    failures: list[dict[str, Any]] = field(default_factory=list)


def is_parquet(path: str) -> bool:
    return path.lower().rstrip("/").endswith(".parquet")


def plan_inputs(inputs: Iterable[str]) -> Plan:
    """List every input as `extract` would (folders recursively, sorted); Parquet found in folders is read too."""
    from claimgraph.ingest import iter_files
    from claimgraph.ingest.fetch import is_url

    plan = Plan()
    for raw in inputs:
        if is_url(raw) or (is_parquet(raw) and Path(raw).exists()):
            (plan.readable if is_url(raw) else plan.parquet).append(raw)
            continue
        unsupported: list[str] = []
        for item in iter_files([raw], unsupported):
            if isinstance(item, InputError):
                plan.failures.append(parquet.failure_row(item.source, "read", item.reason))
            else:
                plan.readable.append(str(item))
        for path in unsupported:
            if is_parquet(path):
                plan.parquet.append(path)
            else:
                plan.failures.append(parquet.failure_row(path, "unsupported", "no reader for this type of file"))
    return plan


def read_input(source: str, settings: Settings) -> Iterator[tuple[str, Any]]:
    """One file or URL read by the ingest readers: ("article", Article) and ("failure", row) items."""
    from claimgraph.ingest import ReadOptions, read_inputs

    options = ReadOptions(columns=settings.columns)
    try:
        for item in read_inputs([source], options):
            if isinstance(item, InputError):
                yield "failure", parquet.failure_row(item.source, "read", item.reason)
            else:
                yield "article", item
    except Exception as exc:  # noqa: BLE001 - a reader that raises instead of yielding an error: named, job goes on
        yield "failure", parquet.failure_row(source, "read", _describe(exc))
    finally:
        options.close()
    for skipped, reason in options.skipped:
        yield "failure", parquet.failure_row(skipped, "skipped", reason)


def article_from_parquet_row(indexed: tuple[Any, int], source: str, names: list[str],
                             settings: Settings) -> tuple[str, Any]:
    """One row of a Parquet input as an Article (ref: its id or url column, else SOURCE#ROW)."""
    from claimgraph.ingest.tabular import article_from_row, resolve_columns

    row, index = indexed
    ref = f"{source}#{index + 1}"
    try:
        return "article", article_from_row(row.asDict(), resolve_columns(names, settings.columns), ref)
    except InputError as exc:
        return "failure", parquet.failure_row(exc.source, "read", exc.reason)
    except Exception as exc:  # noqa: BLE001
        return "failure", parquet.failure_row(ref, "read", _describe(exc))


def _describe(exc: BaseException) -> str:
    from claimgraph.service import describe

    return describe(exc)


def _extractor(settings: Settings):
    key = (settings.model, settings.learned, settings.speech_only, settings.gate)
    if key not in _EXTRACTORS:
        from claimgraph.pipeline import Extractor

        _EXTRACTORS[key] = Extractor(model=settings.model, learned=settings.learned,
                                     speech_only=settings.speech_only, gate=settings.gate)
    return _EXTRACTORS[key]


def extract_partition(items: Iterable[tuple[str, Any]], settings: Settings) -> Iterator[tuple[str, dict]]:
    """A partition's articles through one Extractor, in batches; yields (dataset, row) pairs."""
    from claimgraph.service import extract_safely

    passed: list[dict] = []  # failures met on the way, yielded after the articles

    def articles() -> Iterator[Article]:
        for kind, value in items:
            if kind == "article":
                yield value
            else:
                passed.append(value)

    source = articles()
    try:
        for outcome in extract_safely(_extractor(settings), source):
            yield from _rows_of(outcome)
    except Exception as exc:  # noqa: BLE001 - the extractor cannot run here (no pipeline): every article is named
        error = f"cannot extract: {_describe(exc)}"
        for article in source:
            yield "failures", parquet.failure_row(article.ref, "extract", error)
    yield from (("failures", row) for row in passed)


def _rows_of(outcome: Any) -> list[tuple[str, dict]]:
    """The rows of one extracted article, or its failure row (an error while making rows is the article's too)."""
    from claimgraph.service import BrokenArticle

    article = outcome.article
    if isinstance(outcome, BrokenArticle):
        return [("failures", parquet.failure_row(article.ref, "extract", _describe(outcome.error)))]
    try:
        rows = [("articles", parquet.article_row(article, outcome.language, outcome.skipped_language)),
                ("appearances", parquet.appearance_row(article))]
        rows += [("attributions", parquet.attribution_row(a, article)) for a in outcome.attributions]
    except Exception as exc:  # noqa: BLE001
        return [("failures", parquet.failure_row(article.ref, "extract", _describe(exc)))]
    return rows


def read_items(spark: Any, plan: Plan, settings: Settings, partitions: int):
    """One RDD of ("article", Article) and ("failure", row) items from every planned input, spread evenly."""
    sc = spark.sparkContext
    rdds = []
    if plan.readable:
        rdds.append(sc.parallelize(plan.readable, min(len(plan.readable), partitions * 4))
                    .flatMap(lambda source: read_input(source, settings)))
    for source in plan.parquet:
        frame = spark.read.parquet(source)
        names = frame.columns
        rdds.append(frame.rdd.zipWithIndex()
                    .map(lambda indexed, s=source, n=names: article_from_parquet_row(indexed, s, n, settings)))
    if plan.failures:
        rdds.append(sc.parallelize([("failure", row) for row in plan.failures], 1))
    if not rdds:
        return sc.emptyRDD()
    return sc.union(rdds).repartition(partitions)


def run_extract(spark: Any, inputs: Iterable[str], out: str | Path, settings: Settings,
                partitions: int | None = None) -> dict[str, int]:
    """Extract every input and write the five Parquet datasets under `out` (replacing a previous run's);
    returns the number of rows of each dataset."""
    from pyspark import StorageLevel

    from claimgraph.spark.speakers import merge_speakers

    partitions = partitions or spark.sparkContext.defaultParallelism
    items = read_items(spark, plan_inputs(inputs), settings, partitions)
    records = items.mapPartitions(lambda part: extract_partition(part, settings))
    records.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        of = {name: records.filter(lambda r, n=name: r[0] == n).map(lambda r: r[1]) for name in parquet.DATASETS}
        # The same text read from two inputs is one article with two appearances (as in the store).
        tables = {
            "articles": of["articles"].keyBy(lambda r: r["id"])
                                      .reduceByKey(lambda a, b: a if a["ref"] <= b["ref"] else b).values(),
            "appearances": of["appearances"].keyBy(lambda r: (r["article_id"], r["source"]))
                                            .reduceByKey(lambda a, b: a).values(),
            "attributions": of["attributions"],
            "speakers": merge_speakers(of["attributions"]),
            "failures": of["failures"],
        }
        counts = {}
        for name, rows in tables.items():
            frame = spark.createDataFrame(rows.map(lambda r, n=name: parquet.as_tuple(n, r)),
                                          parquet.spark_schema(name))
            frame.write.mode("overwrite").parquet(str(Path(out) / name))
            counts[name] = spark.read.parquet(str(Path(out) / name)).count()
        return counts
    finally:
        records.unpersist()
