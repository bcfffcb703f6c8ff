"""The command line's contract: fast to start, one name per option, usage errors (exit 2) for what cannot be right,
filters that mean what they say, progress and failures as they happen, and output safe for its reader.

Most cases read a small ledger written through the store from hand-made records (fictional names), so that they
need no language pipeline; the few that extract use the real one.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import get_args

import click
import pytest
from click.testing import CliRunner

from claimgraph.cli import cli
from claimgraph.store import Store
from tests.cli.ledger import write_ledger
from tests.conftest import REFERENCE

READING_COMMANDS = [["attributions"], ["speakers"], ["claims"], ["claim", "cl_0"], ["status"], ["link-claims"],
                    ["reextract"], ["export-graph", "--out", "graph.graphml"], ["token", "list"],
                    ["corrections", "export"]]
HEAVY_MODULES = ("spacy", "sklearn", "trafilatura", "sqlalchemy", "numpy", "datasketch", "networkx")

# -- a small ledger (tests/cli/ledger.py) ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def ledger(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("ledger") / "ledger.db")
    write_ledger(path)
    return path


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def rows(runner: CliRunner, *args: str) -> list[dict]:
    result = runner.invoke(cli, [*args, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def speakers_of(found: list[dict]) -> set[str]:
    return {(r["speaker"] or {}).get("name") if "speaker" in r else r["name"] for r in found}


# -- startup -------------------------------------------------------------------------------------------------------

def test_importing_the_command_line_loads_no_heavy_library():
    code = f"import sys, claimgraph.cli; print([m for m in {HEAVY_MODULES!r} if m in sys.modules])"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(loaded.replace("'", '"')) == []


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["ingest", "--help"], ["status", "--help"]])
def test_help_and_version_answer_without_loading_the_pipeline(args):
    code = ("import sys\nfrom claimgraph.cli import cli\ntry:\n    cli(sys.argv[1:])\nexcept SystemExit as e:\n"
            f"    assert not e.code, e.code\nprint('loaded', [m for m in {HEAVY_MODULES!r} if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "loaded []"


def _all_commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, command in group.commands.items():
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from _all_commands(command, (*prefix, name))


@pytest.mark.parametrize("path,command", list(_all_commands(cli)),
                         ids=lambda v: " ".join(v) if isinstance(v, tuple) else "")
def test_every_command_and_option_has_help_and_an_example(path, command):
    assert command.help and len(command.help) > 20, f"{path} has no help text"
    assert "Example" in command.help, f"{path}: its help shows no example"
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden:
            assert param.help, f"{' '.join(path)} {param.opts[0]} has no help text"


def test_defaults_mirror_the_library():
    from claimgraph.claims.semantic import LINK, LINK_BASE, LINK_GROWTH
    from claimgraph.cli import options
    from claimgraph.ingest.syndication import DEFAULT_THRESHOLD
    from claimgraph.nlp import DEFAULT_MODEL
    from claimgraph.records import CueClass, SpeakerType
    from claimgraph.store import DEFAULT_DB

    assert (options.DEFAULT_DB, options.DEFAULT_MODEL) == (DEFAULT_DB, DEFAULT_MODEL)
    assert (options.DEFAULT_SYNDICATION_THRESHOLD, options.DEFAULT_GROUPING_THRESHOLD) == (DEFAULT_THRESHOLD, LINK)
    assert (options.LINK_BASE, options.LINK_GROWTH) == (LINK_BASE, LINK_GROWTH)
    assert set(options.CUE_CLASSES) == set(get_args(CueClass))
    assert set(options.SPEAKER_TYPES) == set(get_args(SpeakerType))


# -- names and ranges ----------------------------------------------------------------------------------------------

def test_no_option_is_called_threshold_alone():
    for path, command in _all_commands(cli):
        for param in command.params:
            assert "--threshold" not in getattr(param, "opts", []), f"{' '.join(path)} still has --threshold"


@pytest.mark.parametrize("args", [
    ["ingest", "x.txt", "--syndication-threshold", "0"],
    ["ingest", "x.txt", "--syndication-threshold", "1.5"],
    ["ingest", "x.txt", "--threshold", "0.5"],
    ["watch", "https://news.example/rss", "--syndication-threshold", "0"],
    ["link-claims", "--grouping-threshold", "0"],
    ["link-claims", "--threshold", "0.5"],
])
def test_thresholds_are_named_for_what_they_are_and_checked(runner, tmp_path, args):
    result = runner.invoke(cli, [*args, "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


# -- the database --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("args", READING_COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_reading_commands_refuse_a_database_that_does_not_exist(runner, tmp_path, args):
    missing = tmp_path / "mistyped.db"
    result = runner.invoke(cli, [*args, "--db", str(missing)])
    assert result.exit_code == 2, result.output
    assert "no database at" in result.output and "mistyped.db" in result.output
    assert not missing.exists()


@pytest.mark.parametrize("url", ["foo://somewhere/db", "postgresql+nodriver://user@host/db",
                                 "sqlite:////no/such/folder/x.db"])
def test_a_bad_database_url_is_a_usage_error(runner, url):
    result = runner.invoke(cli, ["status", "--db", url])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


def test_claimgraph_db_is_read_by_every_db_option(runner, ledger, tmp_path, monkeypatch):
    for path, command in _all_commands(cli):
        for param in command.params:
            if "--db" in getattr(param, "opts", []):
                assert param.envvar == "CLAIMGRAPH_DB", f"{' '.join(path)} --db ignores CLAIMGRAPH_DB"
    monkeypatch.setenv("CLAIMGRAPH_DB", ledger)
    status = json.loads(runner.invoke(cli, ["status", "--format", "json"]).stdout)
    assert status["articles"] == 3
    monkeypatch.setenv("CLAIMGRAPH_DB", str(tmp_path / "elsewhere.db"))
    result = runner.invoke(cli, ["speakers"])
    assert result.exit_code == 2 and "elsewhere.db" in result.output


def test_status_json_is_one_object_of_counts(runner, ledger):
    result = runner.invoke(cli, ["status", "--db", ledger, "--format", "json"])
    status = json.loads(result.stdout)
    assert {k: status[k] for k in ("articles", "attributions", "claims", "failures")} == {
        "articles": 3, "attributions": 9, "claims": 0, "failures": 0}
    assert status["appearances"] == 3 and status["speakers"] == 7 and status["failed_inputs"] == []
    assert status["claims_stale"] is False


def test_status_says_when_claims_are_out_of_date(runner, ledger, tmp_path):
    import shutil

    from claimgraph.service import mark_claims_stale

    db = str(tmp_path / "stale.db")
    shutil.copy(ledger, db)
    with Store.open(db) as store:
        mark_claims_stale(store)
    assert json.loads(runner.invoke(cli, ["status", "--db", db, "--format", "json"]).stdout)["claims_stale"] is True
    assert "out of date: run `claimgraph link-claims`" in runner.invoke(cli, ["status", "--db", db]).stdout
    assert runner.invoke(cli, ["link-claims", "--db", db]).exit_code == 0
    assert json.loads(runner.invoke(cli, ["status", "--db", db, "--format", "json"]).stdout)["claims_stale"] is False


# -- filters -------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("command", ["attributions", "speakers", "claims"])
@pytest.mark.parametrize("limit", ["0", "-1", "x"])
def test_limit_must_be_positive(runner, ledger, command, limit):
    assert runner.invoke(cli, [command, "--db", ledger, "--limit", limit]).exit_code == 2


@pytest.mark.parametrize("command", ["attributions", "speakers"])
def test_limit_limits(runner, ledger, command):
    assert len(rows(runner, command, "--db", ledger, "--limit", "2")) == 2


@pytest.mark.parametrize("option,value", [("--since", "not-a-date"), ("--until", "2031-13-45"), ("--since", "5 May")])
def test_a_date_that_is_not_one_is_a_usage_error(runner, ledger, option, value):
    result = runner.invoke(cli, ["attributions", "--db", ledger, option, value])
    assert result.exit_code == 2 and "not a date" in result.output


def test_date_filters(runner, ledger):
    assert speakers_of(rows(runner, "attributions", "--db", ledger, "--since", "2031-04-01")) == {"Owen Talbot"}
    assert "Owen Talbot" not in speakers_of(rows(runner, "attributions", "--db", ledger, "--until", "2031-03-31"))


@pytest.mark.parametrize("query,expected", [
    ("vell", {"Mara Vell"}),  # a whole word of one name before a part of another ("Vellmore")
    ("mara vell", {"Mara Vell"}),
    ("ellmo", {"Vellmore Council"}),  # no whole-word match: any part of a name
    ("%", {"50% Club"}),  # LIKE wildcards are plain characters
    ("_", {"Dock_7 Union"}),
    ("nobody", set()),
])
def test_speaker_matches_whole_words_first_and_wildcards_literally(runner, ledger, query, expected):
    assert speakers_of(rows(runner, "attributions", "--db", ledger, "--speaker", query)) == expected
    assert speakers_of(rows(runner, "speakers", "--db", ledger, "--name", query)) == expected


@pytest.mark.parametrize("article", ["news.example/port-ellis", "port-ellis-bridge.txt", "Port-Ellis/BRIDGE"])
def test_article_matches_url_path_and_id(runner, ledger, article):
    assert {r["title"] for r in rows(runner, "attributions", "--db", ledger, "--article", article)} == {"Bridge"}


def test_article_matches_its_id_and_percent_is_literal(runner, ledger):
    some = rows(runner, "attributions", "--db", ledger, "--limit", "1")[0]
    assert {r["article"] for r in rows(runner, "attributions", "--db", ledger, "--article", some["article"])} == {
        some["article"]}
    assert rows(runner, "attributions", "--db", ledger, "--article", "%") == []


def test_speech_only_leaves_out_beliefs_in_the_store_and_the_commands(runner, ledger):
    everything = rows(runner, "attributions", "--db", ledger)
    said = rows(runner, "attributions", "--db", ledger, "--speech-only")
    assert {r["cue_class"] for r in everything} - {r["cue_class"] for r in said} == {"think"}
    assert len(everything) - len(said) == 1
    assert "Dock_7 Union" in speakers_of(rows(runner, "speakers", "--db", ledger))
    assert "Dock_7 Union" not in speakers_of(rows(runner, "speakers", "--db", ledger, "--speech-only"))
    with Store.open(ledger) as store:
        assert len(store.attributions(speech_only=True)) == len(said)


def test_extract_speech_only_leaves_out_beliefs(runner, tmp_path):
    article = tmp_path / "belief.txt"
    article.write_text("Mara Vell believes the harbor bridge will reopen in May. "
                       "Owen Talbot said the ferry will stop in June.", encoding="utf-8")
    everything = rows(runner, "extract", str(article))
    said = rows(runner, "extract", str(article), "--speech-only")
    assert "think" in {r["cue_class"] for r in everything}
    assert said and "think" not in {r["cue_class"] for r in said}


def test_attributions_are_sorted_totally(runner, ledger):
    found = rows(runner, "attributions", "--db", ledger)
    # newest first, undated last; then article, sentence, cue (none first), id
    def key(r):
        return (r["published"] is None, "" if r["published"] is None else "".join(chr(0x10FFFF - ord(c))
                for c in r["published"]), r["article"], r["sentence"][0],
                -1 if r["cue_span"] is None else r["cue_span"][0], r["id"])
    assert found == sorted(found, key=key)
    tied = [r["id"] for r in found if r["id"] in ("at_aaaa", "at_zzzz")]
    assert tied == ["at_aaaa", "at_zzzz"]


# -- output safe for its reader ------------------------------------------------------------------------------------

@pytest.mark.parametrize("command,column,dangerous", [
    ("attributions", "content", "=SUM(A1:A9) counts the boats"),
    ("attributions", "content", "-5 degrees froze the deck"),
    ("speakers", "name", "@Harbor Watch"),
])
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(runner, ledger, command, column, dangerous):
    import csv
    import io

    result = runner.invoke(cli, [command, "--db", ledger, "--format", "csv"])
    cells = [row[column] for row in csv.DictReader(io.StringIO(result.stdout))]
    assert "'" + dangerous in cells and dangerous not in cells


@pytest.mark.parametrize("value,expected", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("plain", "plain"), (" =x", " =x"), (5, 5), (["=a"], '["=a"]'),
])
def test_csv_cell_rule(value, expected):
    from claimgraph.cli.output import csv_cell

    assert csv_cell(value) == expected


def test_table_output_sends_no_control_characters(runner, ledger):
    table = runner.invoke(cli, ["attributions", "--db", ledger]).stdout
    assert not any(c in table for c in "\x1b\x07\x9b\x9d")
    assert "The ferry stops in June" in table


@pytest.mark.parametrize("text,expected", [
    ("\x1b]0;pwned\x07\x1b[2JThe ferry", "The ferry"),
    ("a \x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\ b", "a link b"),
    ("x\x9b31my\u202e", "xy"),
    ("line\nbreak\ttab", "line break tab"),
])
def test_strip_controls(text, expected):
    from claimgraph.cli.output import strip_controls

    assert strip_controls(text) == expected


def test_table_dates_are_not_cut(runner, ledger):
    assert "2031-03-05T09:30:00+00:00" in runner.invoke(cli, ["attributions", "--db", ledger]).stdout


def test_file_names_cannot_forge_lines(runner, tmp_path):
    forged = str(tmp_path / "nope\nerror: all good\x1b[2J.txt")
    result = runner.invoke(cli, ["ingest", forged, "--db", str(tmp_path / "t.db"), "--no-link-claims"])
    assert result.exit_code == 1
    assert not any(line.startswith("error: all good") for line in result.stderr.splitlines())
    assert "\x1b" not in result.stderr and "\\nerror: all good\\x1b[2J.txt" in result.stderr


# -- inputs, progress, failures ------------------------------------------------------------------------------------

def test_unknown_input_types_are_counted_and_named(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Owen Talbot said the ferry will stop in June.", encoding="utf-8")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    result = runner.invoke(cli, ["ingest", str(folder), "--db", str(tmp_path / "t.db"), "--json-summary",
                                 "--no-link-claims"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout.splitlines()[-1])
    assert sorted(summary["unsupported"]) == [str(folder / "notes.docx"), str(folder / "scan.pdf")]
    assert "unsupported: 2 file(s)" in result.stderr and "notes.docx" in result.stderr


def test_progress_lines_when_stderr_is_not_a_terminal_and_failures_as_they_happen(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMGRAPH_PROGRESS_SECONDS", "0")
    bad = tmp_path / "a-binary.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    good = tmp_path / "b-good.txt"
    good.write_text("Owen Talbot said the ferry will stop in June.", encoding="utf-8")
    result = runner.invoke(cli, ["ingest", str(bad), str(good), "--db", str(tmp_path / "t.db"), "--no-link-claims"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    error = next(i for i, line in enumerate(lines) if line.startswith("error:") and "a-binary.txt" in line)
    last_progress = max(i for i, line in enumerate(lines) if line.startswith("ingest: 2 inputs"))
    assert error < last_progress  # printed when it happened, not after the run
    assert lines[-1].startswith("read 1, stored 1") and "failed 1" in lines[-1]
    assert sum(1 for line in lines if "a-binary.txt" in line) == 1  # named once


def test_heartbeat_for_steps_without_a_count(monkeypatch, capsys):
    import time

    from claimgraph.cli.progress import Heartbeat

    monkeypatch.setenv("CLAIMGRAPH_PROGRESS_SECONDS", "0.05")
    with Heartbeat("link-claims"):
        time.sleep(0.3)
    assert "link-claims: working" in capsys.readouterr().err


def test_reference_article_round_trip_keeps_working(runner, tmp_path):
    db = str(tmp_path / "r.db")
    assert runner.invoke(cli, ["ingest", str(REFERENCE), "--db", db]).exit_code == 0
    assert runner.invoke(cli, ["link-claims", "--db", db, "--grouping-threshold", "0.5"]).exit_code == 0
    claims = runner.invoke(cli, ["claims", "--db", db, "--format", "csv", "--limit", "3"])
    assert claims.exit_code == 0 and len(claims.stdout.splitlines()) == 4


def test_a_file_that_is_not_a_database_is_a_usage_error(runner, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n" * 100, encoding="utf-8")
    result = runner.invoke(cli, ["status", "--db", str(notes)])
    assert result.exit_code == 2 and "notes.txt" in result.output and "Traceback" not in result.output


def test_claim_views_send_no_control_characters(runner, ledger, tmp_path):
    import shutil

    db = str(tmp_path / "linked.db")
    shutil.copy(ledger, db)
    assert runner.invoke(cli, ["link-claims", "--db", db]).exit_code == 0
    listed = runner.invoke(cli, ["claims", "--db", db])
    assert listed.exit_code == 0 and "ferry" in listed.stdout
    ferry = next(r for r in rows(runner, "claims", "--db", db) if "ferry" in (r["gist"] or ""))
    shown = runner.invoke(cli, ["claim", ferry["id"], "--db", db])
    assert shown.exit_code == 0 and "Owen Talbot" in shown.stdout
    for text in (listed.stdout, shown.stdout):
        assert not any(c in text for c in "\x1b\x07\x9b\x9d")
    # --speech-only counts no belief: the claim only Dock_7 Union believes is left out, the others stay.
    everything = {r["gist"]: r["voices"] for r in rows(runner, "claims", "--db", db)}
    said = {r["gist"]: r["voices"] for r in rows(runner, "claims", "--db", db, "--speech-only")}
    belief = [g for g in everything if "take a year" in g]
    assert belief and not set(belief) & set(said) and set(said) == set(everything) - set(belief)
    assert rows(runner, "claims", "--db", db, "--search", "%") == []


def test_a_library_error_ends_a_command_as_one_line_not_a_traceback(runner, ledger, monkeypatch):
    from claimgraph.errors import StoreError

    def broken(_self):
        raise StoreError("ledger.db: cannot read (disk I/O error)")

    monkeypatch.setattr(Store, "counts", broken)
    result = runner.invoke(cli, ["status", "--db", ledger])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert "Error: ledger.db: cannot read (disk I/O error)" in result.output


def test_a_failed_claim_link_after_ingest_is_named_and_the_summary_still_printed(runner, tmp_path, monkeypatch):
    import claimgraph.service as service
    from claimgraph.errors import StoreError

    def broken(_store, threshold=None):
        raise StoreError("t.db: cannot write (another writer linked first)")

    monkeypatch.setattr(service, "relink_claims", broken)
    good = tmp_path / "good.txt"
    good.write_text("Owen Talbot said the ferry will stop in June.", encoding="utf-8")
    result = runner.invoke(cli, ["ingest", str(good), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert "error: link-claims: t.db: cannot write (another writer linked first)" in result.stderr
    assert result.stdout.splitlines()[-1].startswith("read 1, stored 1")
