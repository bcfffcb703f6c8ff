"""Commands for archives on Spark: `spark extract` (Parquet out) and `load` (Parquet into a database).

pyspark (the `[spark]` extra) is imported inside `spark extract`, so `claimgraph --help` stays fast; `load` reads
Parquet with pyarrow and needs no JVM.
"""

from __future__ import annotations

import json
import os
import sys

import click

from claimgraph.cli import cli
from claimgraph.cli.options import learned_option, model_option, open_store, speech_only_option, tagger_gate_option
from claimgraph.cli.output import escape_controls

db_option = click.option("--db", "db", default="claimgraph.db", show_default=True, metavar="PATH|URL",
                         envvar="CLAIMGRAPH_DB", show_envvar=True,
                         help="SQLite file (created if absent) or a database URL such as postgresql+psycopg://…")


@cli.group()
def spark() -> None:
    """Run claimgraph on Apache Spark (pip install 'claimgraph[spark]'; needs Java 17).

    \b
    Examples:
      claimgraph spark extract crawl/ --out run/ --master local[4]
      claimgraph spark group run/ --compare
      claimgraph load run/ --db claimgraph.db
    """


def spark_session(master: str, app: str = "claimgraph", **conf: str):
    """A SparkSession whose Python workers run this interpreter (claimgraph must be installed where they run);
    `conf`: further Spark settings (spark.driver.memory, …)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise click.ClickException("pyspark is not installed: pip install 'claimgraph[spark]'") from exc
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = (SparkSession.builder.master(master).appName(app)
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.parquet.compression.codec", "zstd"))
    for key, value in conf.items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


@spark.command("extract")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Folder for the Parquet datasets.")
@click.option("--master", default="local[*]", show_default=True, help="Spark master URL (spark://…, yarn, k8s://…).")
@click.option("--columns", metavar="FIELD=COLUMN,…",
              help="Column mapping for Parquet, CSV and JSON Lines, e.g. text=body,title=headline.")
@click.option("--partitions", type=click.IntRange(min=1), default=None,
              help="Partitions to extract in (default: Spark's default parallelism).")
@model_option
@learned_option
@tagger_gate_option
@speech_only_option
def spark_extract(inputs: tuple[str, ...], out: str, master: str, columns: str | None, partitions: int | None,
                  model: str, learned: bool, gate: str | None, speech_only: bool) -> None:
    """Extract attributions from INPUTS on Spark and write Parquet datasets under --out.

    INPUTS are what `extract` takes (files, folders, URLs; .txt, .html, .jsonl, .csv, feeds, WARC) plus Parquet
    files or dataset folders ending in .parquet with a text column. Datasets: articles, appearances,
    attributions (extract's JSON fields), speakers, failures. A bad input is a row of `failures`, never a failed
    job; the summary goes to stdout as one JSON object. A rerun replaces the datasets.

    \b
    Examples:
      claimgraph spark extract crawl/ --out run/
      claimgraph spark extract news.parquet --columns text=body --out run/ --master spark://host:7077
      claimgraph load run/ --db claimgraph.db
    """
    from claimgraph.ingest.tabular import parse_columns
    from claimgraph.spark.job import Settings, run_extract

    try:
        mapping = parse_columns(columns) or None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--columns") from exc
    session = spark_session(master)
    try:
        counts = run_extract(session, inputs, out, Settings(model, learned, speech_only, mapping, gate), partitions)
    finally:
        session.stop()
    click.echo(json.dumps(counts))


@spark.command("group")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--master", default="local[*]", show_default=True, help="Spark master URL.")
@click.option("--compare", is_flag=True, help="Group on one machine too and print the pairwise agreement.")
@click.option("--semantic", is_flag=True,
              help="Claims by the semantic step of link-claims (words and embeddings), not by words alone.")
def spark_group(folder: str, master: str, compare: bool, semantic: bool) -> None:
    """Group a `spark extract` run: syndicated copies (datasets `stories`) and claims (`claims`), by MinHash LSH
    (with --semantic, claims by words and embeddings as link-claims groups them).

    \b
    Examples:
      claimgraph spark group run/ --compare
      claimgraph spark group run/ --semantic --compare
    """
    from claimgraph.spark.grouping import group_run

    session = spark_session(master)
    try:
        report = group_run(session, folder, compare, semantic)
    finally:
        session.stop()
    click.echo(json.dumps(report))


@cli.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@db_option
def load(folder: str, db: str) -> None:
    """Load a `spark extract` output folder into the database, so `serve` and the CLI work on it.

    Loading twice changes nothing; a load that was stopped is finished by running it again. Claims are marked
    out of date: `claimgraph link-claims` groups the loaded statements. Exit 1 when an article could not be stored.

    \b
    Examples:
      claimgraph load run/ --db claimgraph.db
      claimgraph load run/ --db postgresql+psycopg://user@host/claimgraph
    """
    from claimgraph.spark.load import load_run

    with open_store(db) as store:
        report = load_run(folder, store)
    for ref, reason in report.errors:
        click.echo(f"error: {escape_controls(str(ref))}: {escape_controls(reason)}", err=True)
    click.echo(json.dumps(report.as_dict()))
    if report.errors:
        sys.exit(1)
