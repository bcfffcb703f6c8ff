"""`claimgraph load`: a Spark run's Parquet into SQLite and PostgreSQL through the Store; a second load changes
nothing, and a load stopped half way is finished by running it again."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from spark_corpus import EXAMPLES

from claimgraph.cli import cli
from claimgraph.nlp import DEFAULT_MODEL
from claimgraph.spark import job
from claimgraph.spark.load import load_run, read_rows
from claimgraph.store import Store


@pytest.fixture(scope="module")
def run_dir(spark, tmp_path_factory):
    out = tmp_path_factory.mktemp("examples-run")
    job.run_extract(spark, [str(EXAMPLES)], out, job.Settings(DEFAULT_MODEL))
    return out


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "loaded.db")
    return request.getfixturevalue("fresh_postgres_url")


def _snapshot(store: Store) -> tuple:
    """What a load must not change the second time: the counts, and every statement with its speaker."""
    rows = store.attributions()
    return store.counts(), sorted((r["id"], r["speaker_id"], r["speaker_name"], r["parent_id"]) for r in rows)


def test_load_is_idempotent_and_holds_the_run(run_dir, db):
    with Store.open(db) as store:
        first = load_run(run_dir, store)
        after_first = _snapshot(store)
        second = load_run(run_dir, store)
        assert _snapshot(store) == after_first
    parquet_ids = {r["id"] for r in read_rows(run_dir, "attributions")}
    assert first.articles == 4 and first.attributions == len(parquet_ids) and not first.errors
    assert {row[0] for row in after_first[1]} == parquet_ids
    assert after_first[0]["speakers"] == len(list(read_rows(run_dir, "speakers")))  # the same merge
    assert second.as_dict() == {"articles": 0, "already": 4, "appearances": 0, "attributions": 0, "failures": 0,
                                "errors": 0}


def test_a_stopped_load_is_finished_by_running_it_again(run_dir, tmp_path):
    class Stop(Exception):
        pass

    def stop_after_one(_ref: str) -> None:
        raise Stop

    with Store.open(str(tmp_path / "whole.db")) as store:
        load_run(run_dir, store)
        whole = _snapshot(store)
    with Store.open(str(tmp_path / "resumed.db")) as store:
        with pytest.raises(Stop):
            load_run(run_dir, store, on_progress=stop_after_one)
        assert store.counts()["articles"] == 1
        report = load_run(run_dir, store)
        assert report.articles == 3 and report.already == 1
        assert _snapshot(store) == whole


def test_load_command_then_the_cli_reads_the_loaded_database(run_dir, tmp_path):
    db = str(tmp_path / "cli.db")
    loaded = CliRunner().invoke(cli, ["load", str(run_dir), "--db", db])
    assert loaded.exit_code == 0, loaded.output
    assert json.loads(loaded.stdout)["articles"] == 4
    listed = CliRunner().invoke(cli, ["attributions", "--db", db, "--format", "jsonl"])
    assert listed.exit_code == 0
    assert {json.loads(line)["id"] for line in listed.stdout.splitlines()} == \
        {r["id"] for r in read_rows(run_dir, "attributions")}
