"""A new user's first hour: defects met by following the README in order on the bundled examples and on the 31 real
pages, each pinned here so that it stays fixed (fictional names; real parses, real SQLite files, a real server).

- A statement nobody is named as saying ("there is growing fear that …": 9 of the 513 on the real pages) crashed
  `attributions` (table and CSV) and `extract --format csv|table` with an AttributeError traceback.
- `claim ID` printed "first seen 2017-01-23("yesterday" …)": the space before the bracket was clipped away.
- `claim ID` wrote a voice nobody is named for as "? — outlet" and "said by ?"; the claim's page says "unknown
  speaker".
- `export-graph --limit` said "Show the first N rows only"; it keeps the N most disputed claims.
- `serve --db mistyped.db` created an empty database and served empty pages without a word.
- `serve --port N` with N taken printed "serving … on http://127.0.0.1:N/", then uvicorn's error, and exit 3.
- `attributions --since 2021-03` was "not a date", while the API's `since=2021-03` is the month.
- `ingest examples/` said 34 attributions while `status` counted 35: the statement only a syndicated copy carries
  was stored and not counted.
"""

from __future__ import annotations

import csv
import io
import json
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.cli import cli
from claimgraph.records import Article, Attribution, Speaker
from claimgraph.store import Store
from tests.cli.ledger import write_ledger
from tests.conftest import EXAMPLES, REFERENCE, free_port

# The last paragraph's fear is nobody's: the rules find it with no source (speaker null in the JSON).
PIER = """Harrowby council votes to close the old ferry pier

The Harrowby council voted on Tuesday to close the old ferry pier at the end of the month.

Asked why the pier could not be repaired, Tomas Reyes said, "The survey from last spring leaves us no choice."

As more islanders commute by car, there is growing fear that the closure will cut the quay off in winter.
"""


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def ok(result) -> str:
    assert result.exit_code == 0, (result.output, result.exception)
    return result.stdout


def test_extract_prints_a_statement_with_no_speaker_in_every_format(runner, tmp_path):
    article = tmp_path / "pier.txt"
    article.write_text(PIER, encoding="utf-8")
    found = [json.loads(line) for line in
             ok(runner.invoke(cli, ["extract", str(article), "--rules-only", "--format", "jsonl"])).splitlines()]
    nobodys = [r for r in found if r["speaker"] is None]
    assert nobodys, f"the article no longer yields a statement without a speaker: {found}"
    rows = list(csv.DictReader(io.StringIO(ok(runner.invoke(cli, ["extract", str(article), "--rules-only",
                                                                  "--format", "csv"])))))
    assert [r["id"] for r in rows] == [r["id"] for r in found]
    by_id = {r["id"]: r for r in rows}
    for statement in nobodys:
        assert by_id[statement["id"]]["speaker"] == ""
        assert by_id[statement["id"]]["content"] == statement["content"]
    table = ok(runner.invoke(cli, ["extract", str(article), "--rules-only", "--format", "table"]))
    assert all(statement["cue"] in table for statement in nobodys)


def _store_nobodys_fear(db: str) -> None:
    """An article with a statement nobody is named for ("there is growing fear that …") and one by Ilse Marr."""
    text = "Quillmoor. There is growing fear that the ferry will stop, and Ilse Marr said the boats are empty."
    fear, said = text.index("the ferry will stop"), text.index("the boats are empty")
    nobody = Attribution(id="at_nobody", kind="indirect", speaker=None, source_span=None, cue="fear",
                         cue_span=(text.index("fear"), text.index("fear") + 4), cue_class="think",
                         content="the ferry will stop", content_spans=((fear, fear + 19),), sentence=(11, len(text)))
    marr = Attribution(id="at_marr", kind="indirect", speaker=Speaker("Ilse Marr", "person"),
                       source_span=(text.index("Ilse"), text.index("Ilse") + 9), cue="said",
                       cue_span=(text.index(" said") + 1, text.index(" said") + 5), cue_class="report",
                       content="the boats are empty", content_spans=((said, said + 19),), sentence=(11, len(text)))
    with Store.open(db) as store:
        store.save_article(Article("quillmoor.txt", text, title="Ferry", publisher="Quillmoor Post",
                                   published="2031-04-11"), [nobody, marr], "test")


def test_stored_statement_with_no_speaker_lists_as_table_csv_and_jsonl(runner, tmp_path):
    db = str(tmp_path / "ledger.db")
    _store_nobodys_fear(db)
    stored = [json.loads(line) for line in
              ok(runner.invoke(cli, ["attributions", "--db", db, "--format", "jsonl"])).splitlines()]
    assert {r["id"]: r["speaker"] for r in stored}["at_nobody"] is None
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(ok(runner.invoke(
        cli, ["attributions", "--db", db, "--format", "csv"]))))}
    assert rows["at_nobody"]["speaker"] == "" and rows["at_nobody"]["content"] == "the ferry will stop"
    assert rows["at_marr"]["speaker"] == "Ilse Marr"
    table = ok(runner.invoke(cli, ["attributions", "--db", db]))
    assert "the ferry will stop" in table and "Ilse Marr" in table


def test_claim_prints_a_space_before_the_words_that_dated_its_first_appearance(runner, tmp_path):
    db = str(tmp_path / "reference.db")
    ok(runner.invoke(cli, ["ingest", str(REFERENCE), "--db", db, "--rules-only"]))
    claims = [json.loads(line) for line in
              ok(runner.invoke(cli, ["claims", "--db", db, "--format", "jsonl"])).splitlines()]
    dated = []
    for claim in claims:
        detail = json.loads(ok(runner.invoke(cli, ["claim", claim["id"], "--db", db, "--format", "jsonl"])))
        if (detail["first_appearance"] or {}).get("said"):
            dated.append((claim["id"], detail))
    assert dated, "no claim of the reference article is dated by words such as 'yesterday'"
    for ident, detail in dated:
        second = ok(runner.invoke(cli, ["claim", ident, "--db", db])).splitlines()[1]
        first = detail["first_appearance"]
        assert second.startswith(f"first seen {detail['first_seen']} (\"{first['said']}\" in an article of "
                                 f"{first['published']}) in "), second


def test_export_graph_limit_says_it_keeps_the_most_disputed_claims(runner, tmp_path):
    text = ok(runner.invoke(cli, ["export-graph", "--help"]))
    assert "most disputed claims" in " ".join(text.split())
    assert "Show the first N rows only" not in " ".join(text.split())


def _serve_stderr(db: Path) -> str:
    """What `claimgraph serve --db DB` says on stderr until it is listening (then it is stopped)."""
    pytest.importorskip("uvicorn")
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "claimgraph", "serve", "--db", str(db), "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    lines = []
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            line = process.stderr.readline()
            if not line:
                break
            lines.append(line)
            if "serving" in line:
                break
    finally:
        process.terminate()
        process.wait(timeout=30)
        process.stderr.close()
    assert any("serving" in line for line in lines), lines
    return "".join(lines)


def test_serve_says_when_it_creates_the_database_it_was_given(tmp_path):
    missing = tmp_path / "ledgr.db"          # a mistyped --db
    said = _serve_stderr(missing)
    assert re.search(r"no database at .*ledgr\.db: created an empty one", said), said
    assert said.index("no database at") < said.index("serving")
    assert "no database at" not in _serve_stderr(missing)     # the second time it exists: nothing to say


def test_since_and_until_take_a_month_or_a_year_as_the_api_does(runner, tmp_path):
    db = str(tmp_path / "ledger.db")
    write_ledger(db)     # Mara Vell on 2031-03-05T09:30, Owen Talbot on 2031-04-11, Ilse Marr undated

    def speakers(*args: str) -> set[str]:
        found = ok(runner.invoke(cli, ["attributions", "--db", db, *args, "--format", "jsonl"])).splitlines()
        return {json.loads(line)["speaker"]["name"] for line in found}

    assert speakers("--since", "2031-04") == {"Owen Talbot"}
    assert "Mara Vell" in speakers("--until", "2031-03") and "Owen Talbot" not in speakers("--until", "2031-03")
    assert {"Mara Vell", "Owen Talbot"} <= speakers("--since", "2031", "--until", "2031")
    assert speakers("--since", "2032") == set()
    for wrong in ("2031-13", "2031-3", "31-03"):
        result = runner.invoke(cli, ["attributions", "--db", db, "--since", wrong])
        assert result.exit_code == 2 and "not a date" in result.output, (wrong, result.output)


def test_serve_on_a_port_in_use_is_a_usage_error_that_names_it(tmp_path):
    pytest.importorskip("uvicorn")
    db = tmp_path / "ledger.db"
    write_ledger(str(db))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "claimgraph", "serve", "--db", str(db), "--port", str(port)],
                                capture_output=True, text=True, timeout=120)
    assert result.returncode == 2, result.stderr
    assert f"127.0.0.1:{port} is in use" in result.stderr
    assert "serving" not in result.stderr


def test_claim_names_a_voice_without_a_speaker_as_the_page_does(runner, tmp_path):
    db = str(tmp_path / "ledger.db")
    _store_nobodys_fear(db)
    ok(runner.invoke(cli, ["link-claims", "--db", db]))
    claims = [json.loads(line) for line in ok(runner.invoke(cli, ["claims", "--db", db, "--format", "jsonl"]))
              .splitlines()]
    fear = [c for c in claims if "ferry will stop" in c["gist"].lower()]
    assert len(fear) == 1, claims
    text = ok(runner.invoke(cli, ["claim", fear[0]["id"], "--db", db]))
    assert "  unknown speaker — Quillmoor Post, 2031-04-11" in text.splitlines(), text
    assert "said by an unknown speaker" in text.splitlines()[1]
    assert "?" not in text


def test_ingest_summary_counts_the_statements_only_a_syndicated_copy_carries(runner, tmp_path):
    # examples/ holds the bridge story and an updated wire copy of it with one more quote: the copy is an appearance
    # of the stored story and its extra statement is stored with it, so the summary must count it as status does.
    db = str(tmp_path / "l.db")
    out = runner.invoke(cli, ["ingest", str(EXAMPLES), "--db", db, "--no-link-claims"])
    assert out.exit_code == 0, out.output
    summary = next(line for line in out.output.splitlines() if line.startswith("read "))
    stored = int(re.search(r"stored \d+ \((\d+) attributions\)", summary).group(1))
    in_copies = int(re.search(r"\(\+(\d+) attributions only a copy carries\)", summary).group(1))
    assert in_copies >= 1
    status = json.loads(runner.invoke(cli, ["status", "--db", db, "--format", "json"]).output)
    assert stored + in_copies == status["attributions"]
