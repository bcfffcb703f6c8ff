"""`spark extract` in local mode gives what `claimgraph extract` gives on the same inputs (attributions with the
same ids and fields, order aside), names every bad input in `failures` without failing the job, and merges
speakers with the store's key."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from spark_corpus import write_inputs, write_parquet

from claimgraph.cli import cli
from claimgraph.nlp import DEFAULT_MODEL
from claimgraph.spark import job, parquet


def _rows(folder, dataset):
    import pyarrow.dataset as ds

    return ds.dataset(str(folder / dataset), format="parquet").to_table().to_pylist()


def _canonical(row: dict) -> str:
    return json.dumps({k: row[k] for k in parquet.CONTRACT_FIELDS}, sort_keys=True)


@pytest.fixture(scope="module")
def spark_run(spark, tmp_path_factory):
    folder = tmp_path_factory.mktemp("inputs")
    inputs = write_inputs(folder)
    write_parquet(folder / "table.parquet")
    out = tmp_path_factory.mktemp("run")
    counts = job.run_extract(spark, [*inputs, str(folder / "table.parquet")], out, job.Settings(DEFAULT_MODEL))
    return inputs, folder, out, counts


@pytest.fixture(scope="module")
def one_machine(spark_run):
    inputs = spark_run[0]
    result = CliRunner().invoke(cli, ["extract", *inputs, "--format", "jsonl"])
    assert result.exit_code == 1, result.output  # some inputs are bad on purpose
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    named = {line.split(": ")[1] for line in result.stderr.splitlines() if line.startswith(("error: ", "skipped: "))}
    return rows, named


def test_attributions_equal_one_machine_extract(spark_run, one_machine):
    _, folder, out, _ = spark_run
    spark_rows = [r for r in _rows(out, "attributions") if not r["article"].startswith(str(folder / "table"))]
    expected, _ = one_machine
    assert len(expected) > 40
    assert sorted(map(_canonical, spark_rows)) == sorted(map(_canonical, expected))


def test_parquet_rows_are_extracted_like_the_same_articles(spark_run):
    from claimgraph.ingest.tabular import article_from_row, resolve_columns
    from claimgraph.pipeline import Extractor

    _, folder, out, _ = spark_run
    source = str(folder / "table.parquet")
    got = [r for r in _rows(out, "attributions") if r["article"].startswith(source)]
    import pyarrow.parquet as pq

    table = pq.read_table(source).to_pylist()
    extractor = Extractor()
    expected = []
    for index, row in enumerate(table[:2]):
        article = article_from_row(row, resolve_columns(row), f"{source}#{index + 1}")
        expected += [a.to_json(article.ref) for a in extractor.extract(article)]
    assert expected and sorted(map(_canonical, got)) == sorted(map(_canonical, expected))


def test_every_bad_input_is_a_failures_row_and_the_rest_is_extracted(spark_run, one_machine):
    _, folder, out, counts = spark_run
    failures = _rows(out, "failures")
    named = {r["input"] for r in failures}
    _, named_by_extract = one_machine
    assert named_by_extract <= named  # the same inputs named as `extract` names
    assert {str(folder / "missing.txt"), str(folder / "cut.warc"), str(folder / "table.parquet") + "#3"} <= named
    assert any(n.startswith(str(folder / "wire.jsonl")) for n in named)
    assert all(r["error"] and r["stage"] in {"read", "skipped", "extract", "unsupported"} for r in failures)
    refs = {r["ref"] for r in _rows(out, "articles")}
    assert "https://gazette.example/bridge" in refs and "wire-1" in refs  # good records beside bad ones
    assert counts["failures"] == len(failures)


def test_speakers_are_merged_on_the_store_key(spark_run):
    from claimgraph.records import Speaker
    from claimgraph.store.sql import speaker_key

    out = spark_run[2]
    speakers = _rows(out, "speakers")
    attributions = [r for r in _rows(out, "attributions") if r["speaker"]]
    assert len({s["key"] for s in speakers}) == len(speakers)
    assert sum(s["statements"] for s in speakers) == len(attributions)
    for row in attributions:
        assert row["speaker_key"] == speaker_key(Speaker(row["speaker"]["name"], row["speaker"]["type"]),
                                                 row["article_id"])
    anonymous = [s for s in speakers if s["type"] == "anonymous"]
    assert all(s["articles"] == 1 for s in anonymous)  # an anonymous source is one of its article only


def test_a_parquet_text_column_is_mapped_like_ingest_columns(spark, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"copy": ["The mayor said the bridge would open."], "slug": ["bridge-1"]}),
                   tmp_path / "t.parquet")
    plan = job.plan_inputs([str(tmp_path)])
    assert plan.parquet == [str(tmp_path / "t.parquet")]
    mapped = job.read_items(spark, plan, job.Settings(DEFAULT_MODEL, columns={"text": "copy", "id": "slug"}), 1)
    unmapped = job.read_items(spark, plan, job.Settings(DEFAULT_MODEL), 1)
    [(kind, article)] = mapped.collect()
    assert kind == "article" and article.ref == "bridge-1" and article.text.startswith("The mayor")
    [(kind, failure)] = unmapped.collect()
    assert kind == "failure" and "no text column" in failure["error"]


def test_spark_extract_command_writes_the_datasets_and_prints_their_counts(tmp_path):
    import subprocess
    import sys

    from spark_corpus import EXAMPLES

    done = subprocess.run([sys.executable, "-m", "claimgraph", "spark", "extract", str(EXAMPLES), "--out",
                           str(tmp_path / "run"), "--master", "local[1]"], capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    counts = json.loads(done.stdout)
    assert set(counts) == set(parquet.DATASETS)
    expected = CliRunner().invoke(cli, ["extract", str(EXAMPLES), "--format", "jsonl"])
    ids = {json.loads(line)["id"] for line in expected.stdout.splitlines() if line.strip()}
    assert counts["attributions"] == len(ids) and counts["failures"] == 0
    assert {r["id"] for r in _rows(tmp_path / "run", "attributions")} == ids


def test_spark_group_writes_stories_and_claims_that_agree_with_one_machine(spark, spark_run):
    from claimgraph.spark.grouping import group_run

    out = spark_run[2]
    statements = {r["id"] for r in _rows(out, "attributions") if r["content"]}
    for semantic in (False, True):
        report = group_run(spark, str(out), compare=True, semantic=semantic)
        claims = _rows(out, "claims")
        assert {r["attribution_id"] for r in claims} == statements and len(claims) == len(statements)
        assert {r["claim"] for r in claims} <= statements
        assert report["claims"] < report["statements"] == len(statements)
        assert report["claims_agreement"]["precision"] == report["claims_agreement"]["recall"] == 1.0, report
        stories = {r["article_id"]: r["story"] for r in _rows(out, "stories")}
        assert len(stories) == report["articles"] and report["stories"] < report["articles"]  # the wire copy
        assert report["stories_agreement"]["recall"] == 1.0
