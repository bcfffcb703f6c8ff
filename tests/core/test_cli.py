"""The command line through click's runner, on real files and a real SQLite file in a temporary folder."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest
from click.testing import CliRunner

from claimgraph.cli import cli
from tests.conftest import EXAMPLES, REFERENCE


@pytest.fixture()
def runner():
    return CliRunner()


def counts(db):
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"select count(*) from {t}").fetchone()[0]
                for t in ("articles", "appearances", "speakers", "attributions")}


def test_ingest_twice_changes_nothing(runner, db_path, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, corpus)
    first = runner.invoke(cli, ["ingest", str(corpus), "--db", str(db_path), "--json-summary"])
    assert first.exit_code == 0, first.output
    # The Tidewater copy of the Harbor Wire story, read in the same run, is one story with two appearances.
    assert json.loads(first.stdout.strip().splitlines()[-1])["syndicated"] == 1
    before = counts(db_path)
    assert before["appearances"] == before["articles"] + 1
    assert before["articles"] >= 3 and before["attributions"] > 30
    second = runner.invoke(cli, ["ingest", str(corpus), "--db", str(db_path), "--json-summary"])
    assert second.exit_code == 0
    summary = json.loads(second.stdout.strip().splitlines()[-1])
    assert summary["stored"] == 0 and summary["duplicate"] + summary["syndicated"] == summary["read"]
    assert counts(db_path) == before


def test_bad_file_is_named_and_the_rest_is_stored(runner, db_path, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text('"The harbor will reopen in May," said Mara Vell, the mayor of Port Ellis.', encoding="utf-8")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    result = runner.invoke(cli, ["ingest", str(tmp_path / "missing.txt"), str(binary), str(empty), str(good),
                                 "--db", str(db_path)])
    assert result.exit_code == 1
    assert "photo.txt: binary data" in result.stderr
    assert "empty.txt: empty input" in result.stderr
    assert "missing.txt: no such file" in result.stderr
    assert counts(db_path)["articles"] == 1 and counts(db_path)["attributions"] == 1
    # A rerun stores nothing twice and reports the same failures; `status` lists what failed.
    again = runner.invoke(cli, ["ingest", str(binary), str(good), "--db", str(db_path)])
    assert again.exit_code == 1 and counts(db_path)["articles"] == 1
    status = runner.invoke(cli, ["status", "--db", str(db_path)]).output
    assert "photo.txt: binary data" in status and "tries: 2" in status


def test_legacy_encoding_is_read(runner, db_path, tmp_path):
    path = tmp_path / "cp1252.txt"
    path.write_bytes("“The café will close,” said Ilse Marr.".encode("cp1252"))
    result = runner.invoke(cli, ["extract", str(path)])
    assert result.exit_code == 0
    row = json.loads(result.stdout.splitlines()[0])
    assert row["speaker"]["name"] == "Ilse Marr" and row["content"] == "The café will close,"


def test_extract_prints_the_json_contract(runner):
    result = runner.invoke(cli, ["extract", str(REFERENCE), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) >= 17
    required = {"article", "id", "kind", "speaker", "source_span", "cue", "cue_span", "cue_class", "content",
                "content_spans", "via", "parent", "flags"}
    for row in rows:
        assert required <= set(row) and row["article"] == str(REFERENCE)
        assert row["kind"] in {"direct", "indirect", "mixed", "according_to"}


def test_attributions_filters_and_formats(runner, db_path):
    runner.invoke(cli, ["ingest", str(REFERENCE), "--db", str(db_path)])
    table = runner.invoke(cli, ["attributions", "--db", str(db_path), "--speaker", "spicer"])
    assert table.exit_code == 0 and "Sean Spicer" in table.output and "Pahon" not in table.output
    rows = [json.loads(line) for line in runner.invoke(
        cli, ["attributions", "--db", str(db_path), "--cue-class", "dispute", "--format", "jsonl"]).stdout.splitlines()]
    assert rows and all(r["cue_class"] == "dispute" for r in rows)
    found = runner.invoke(cli, ["attributions", "--db", str(db_path), "--search", "propaganda", "--format", "csv"])
    assert found.stdout.splitlines()[0].startswith("article,") and len(found.stdout.splitlines()) == 2
    assert runner.invoke(cli, ["attributions", "--db", str(db_path), "--outlet", "Defense News"]).output.count(
        "Eric Pahon") == 1


def test_speakers_are_one_record_per_identity(runner, db_path):
    runner.invoke(cli, ["ingest", str(REFERENCE), "--db", str(db_path)])
    rows = [json.loads(line) for line in runner.invoke(
        cli, ["speakers", "--db", str(db_path), "--format", "jsonl"]).stdout.splitlines()]
    spicer = [r for r in rows if "Spicer" in r["name"]]
    assert len(spicer) == 1 and spicer[0]["statements"] >= 5
    assert {"Spicer", "White House press secretary Sean Spicer"} <= set(spicer[0]["aliases"])


def test_every_command_has_help(runner):
    for name, command in cli.commands.items():
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert command.help and len(command.help) > 20, f"{name} has no help text"


def test_database_in_a_missing_folder_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(cli, ["ingest", str(REFERENCE), "--db", str(tmp_path / "nope" / "x.db")])
    assert result.exit_code == 2 and "does not exist" in result.output


def test_processes_give_the_same_output(runner):
    one = runner.invoke(cli, ["extract", str(EXAMPLES)])
    two = runner.invoke(cli, ["extract", str(EXAMPLES), "--processes", "2"])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout and len(one.stdout.splitlines()) > 30


def test_reextract_redoes_articles_of_an_older_extractor(runner, db_path, monkeypatch):
    import claimgraph.service as service

    runner.invoke(cli, ["ingest", str(REFERENCE), "--db", str(db_path)])
    before = counts(db_path)["attributions"]
    assert runner.invoke(cli, ["reextract", "--db", str(db_path)]).output.strip().endswith("re-extracted 0 articles")
    monkeypatch.setattr(service, "EXTRACTOR_VERSION", "99.0")
    result = runner.invoke(cli, ["reextract", "--db", str(db_path)])
    assert result.output.strip().endswith("re-extracted 1 articles")
    assert counts(db_path)["attributions"] == before
    with sqlite3.connect(db_path) as conn:
        assert {v for (v,) in conn.execute("select distinct extractor_version from attributions")} == {"99.0"}


def test_reextract_redoes_the_statements_a_syndicated_copy_adds_too(runner, db_path, monkeypatch):
    """The bundled examples hold a near-duplicate copy that carries a statement the story lacks (stored with that
    appearance): reextract redoes it with the story, keeps its row (and so its voice) and records its predicates."""
    import claimgraph.service as service

    runner.invoke(cli, ["ingest", str(EXAMPLES), "--db", str(db_path)])
    with sqlite3.connect(db_path) as conn:
        conn.execute("update attributions set predicates = null")   # as a version before they were recorded
        copies = conn.execute("select id from attributions where appearance_id is not null").fetchall()
    assert copies
    monkeypatch.setattr(service, "EXTRACTOR_VERSION", "99.0")
    runner.invoke(cli, ["reextract", "--db", str(db_path)])
    with sqlite3.connect(db_path) as conn:
        assert {v for (v,) in conn.execute("select distinct extractor_version from attributions")} == {"99.0"}
        assert conn.execute("select id from attributions where appearance_id is not null").fetchall() == copies
        assert conn.execute("select count(*) from attributions where content is not null and predicates is null"
                            ).fetchone() == (0,)
        assert conn.execute("select count(*) from claims where id not in (select claim_id from voices)"
                            ).fetchone() == (0,)


def test_user_outlet_list_types_a_speaker_as_news_outlet(runner, tmp_path, monkeypatch):
    from claimgraph.attribution.speakers import outlet_names

    monkeypatch.delenv("CLAIMGRAPH_OUTLETS", raising=False)
    article = tmp_path / "a.txt"
    article.write_text("The Quillmoor Harbor Trust reports that the ferry will stop running in June.", encoding="utf-8")
    plain = json.loads(runner.invoke(cli, ["extract", str(article)]).stdout.splitlines()[0])
    assert plain["speaker"]["type"] == "organization"
    outlets = tmp_path / "outlets.txt"
    outlets.write_text("Quillmoor Harbor Trust\n", encoding="utf-8")
    listed = json.loads(runner.invoke(cli, ["extract", str(article), "--outlets", str(outlets)]).stdout.splitlines()[0])
    assert listed["speaker"]["type"] == "news_outlet" and listed["cue_class"] == "relay"
    monkeypatch.delenv("CLAIMGRAPH_OUTLETS", raising=False)
    outlet_names.cache_clear()
