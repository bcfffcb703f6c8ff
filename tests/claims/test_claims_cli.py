"""The claim commands through click's CliRunner, on the fictional corpus stored in a temporary database."""

from __future__ import annotations

import json

import networkx as nx
from click.testing import CliRunner
from test_claims_corpus import store_corpus

from claimgraph.cli import cli

STANCES = {"assert", "dispute", "support", "report"}


def _linked(tmp_path):
    db = tmp_path / "cli.db"
    ids = store_corpus(db)
    result = CliRunner().invoke(cli, ["link-claims", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "claims 4" in result.output
    return db, ids


def test_claims_jsonl_most_disputed_first(tmp_path):
    db, _ = _linked(tmp_path)
    result = CliRunner().invoke(cli, ["claims", "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) == 4 and all(r["id"].startswith("cl_") for r in rows)
    assert rows[0]["disputes"] == 2 and rows[0]["asserts"] == 3 and rows[0]["outlets"] >= 5
    assert [r["disputes"] for r in rows] == sorted((r["disputes"] for r in rows), reverse=True)
    limited = CliRunner().invoke(cli, ["claims", "--db", str(db), "--format", "jsonl", "--limit", "1"])
    assert len(limited.output.splitlines()) == 1
    table = CliRunner().invoke(cli, ["claims", "--db", str(db)])
    assert "aquifer" in table.output and "dispute" in table.output
    csv_out = CliRunner().invoke(cli, ["claims", "--db", str(db), "--format", "csv"])
    assert csv_out.output.splitlines()[0].startswith("id,gist,first_seen,asserts,disputes")


def test_claim_jsonl_voices(tmp_path):
    db, ids = _linked(tmp_path)
    top = json.loads(CliRunner().invoke(cli, ["claims", "--db", str(db), "--format", "jsonl"]).output.splitlines()[0])
    result = CliRunner().invoke(cli, ["claim", top["id"][:10], "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    detail = json.loads(result.output)
    assert detail["id"] == top["id"]
    voices = [v for vs in detail["voices"].values() for v in vs]
    assert all(v["stance"] in STANCES and "speaker" in v and "words" in v and "date" in v and "outlet" in v
               for v in voices)
    assert {v["speaker"] for v in detail["voices"]["dispute"]} == {"Kessel Dam Authority", "Tomas Reikkinen"}
    assert detail["first_appearance"]["outlet"] == "Northgate Daily"
    text = CliRunner().invoke(cli, ["claim", top["id"], "--db", str(db)])
    assert "DISPUTE (2)" in text.output and "Harbor Ledger <- Valdren Wire <- Valdren Ministry of Water" in text.output
    missing = CliRunner().invoke(cli, ["claim", "cl_nope", "--db", str(db)])
    assert missing.exit_code != 0 and "no claim" in missing.output


def test_export_graph(tmp_path):
    db, _ = _linked(tmp_path)
    out = tmp_path / "g.graphml"
    result = CliRunner().invoke(cli, ["export-graph", "--db", str(db), "--format", "graphml", "--out", str(out)])
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(out)
    kinds = {attrs["kind"] for _, attrs in graph.nodes(data=True)}
    assert kinds == {"speaker", "claim", "outlet"}
    stances = {attrs.get("stance") for _, _, attrs in graph.edges(data=True) if attrs.get("kind") == "stance"}
    assert stances == STANCES
    out_json = tmp_path / "g.json"
    CliRunner().invoke(cli, ["export-graph", "--db", str(db), "--format", "json", "--out", str(out_json)])
    data = json.loads(out_json.read_text())
    assert data["nodes"] and data["edges"]


def test_every_claim_command_has_help_with_an_example():
    for name in ("claims", "claim", "link-claims", "export-graph"):
        result = CliRunner().invoke(cli, [name, "--help"])
        assert result.exit_code == 0 and "Example:" in result.output and "--db" in result.output
