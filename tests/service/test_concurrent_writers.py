"""Two `claimgraph ingest` processes over the same files at once, on SQLite and on a real PostgreSQL: a row the
other writer stored first is a duplicate, never a failure, and every article is stored exactly once."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from corpus import write_corpus

from claimgraph.store import Store

ARTICLES = 30


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_two_ingest_runs_at_once_report_no_false_failures(backend, tmp_path, request):
    db = str(tmp_path / "shared.db") if backend == "sqlite" else request.getfixturevalue("fresh_postgres_url")
    corpus = write_corpus(tmp_path / "corpus", ARTICLES)
    command = [sys.executable, "-m", "claimgraph", "ingest", str(corpus), "--db", db, "--json-summary"]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [run.communicate(timeout=600) for run in runs]
    summaries = []
    for run, (out, err) in zip(runs, outputs):
        assert run.returncode == 0, err
        summaries.append(json.loads(out.strip().splitlines()[-1]))
    assert [s["failed"] for s in summaries] == [0, 0], [s["failures"] for s in summaries]
    assert sum(s["stored"] for s in summaries) == ARTICLES
    assert all(s["stored"] + s["duplicate"] == ARTICLES for s in summaries)
    counts = Store.open(db).counts()
    assert counts["articles"] == ARTICLES and counts["appearances"] == ARTICLES and counts["failures"] == 0
    assert counts["attributions"] == sum(s["attributions"] for s in summaries)


def test_several_processes_opening_a_new_sqlite_file_at_once_all_succeed(tmp_path):
    """Opening a new file migrates it and switches it to WAL; processes doing that at once can meet in a lock
    SQLite refuses without waiting (seen in 1 of 120 openings before the retry): each must wait its turn."""
    for round_ in range(5):
        db = tmp_path / f"new-{round_}.db"
        code = f"from claimgraph.store import Store; Store.open({str(db)!r}).close()"
        opening = [subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE, text=True)
                   for _ in range(6)]
        errors = [p.communicate(timeout=120)[1] for p in opening]
        assert [p.returncode for p in opening] == [0] * 6, errors
        assert Store.open(db).counts()["articles"] == 0
