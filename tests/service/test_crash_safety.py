"""kill -9 at several points of `ingest` and `reextract` (real subprocesses, a real SQLite file): every kill leaves a
sound database (no claim without voices, no dangling row), and a rerun finishes the work: the claims and voices
come out exactly as after an uninterrupted run."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from corpus import write_corpus

ARTICLES = 40


def claimgraph(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "claimgraph", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def run(*args: str) -> str:
    process = claimgraph(*args)
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    return out


def query(db: Path, sql: str) -> int:
    with sqlite3.connect(db, timeout=30) as conn:
        return conn.execute(sql).fetchone()[0]


def kill_when(process: subprocess.Popen, db: Path, sql: str, at_least: int) -> int:
    """SIGKILL `process` as soon as `sql` counts `at_least` (polled), or when it exits by itself; returns the count."""
    deadline = time.monotonic() + 300
    seen = 0
    while process.poll() is None and time.monotonic() < deadline:
        try:
            seen = query(db, sql) if db.exists() else 0
        except sqlite3.OperationalError:
            seen = 0  # the schema is still being created
        if seen >= at_least:
            break
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    return seen


def assert_sound(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert query(db, "select count(*) from claims where id not in (select claim_id from voices)") == 0
    assert query(db, "select count(*) from voices where attribution_id not in (select id from attributions)") == 0
    assert query(db, "select count(*) from attributions where article_id not in (select id from articles)") == 0


def ledger(db: Path) -> tuple:
    with sqlite3.connect(db) as conn:
        voices = sorted(conn.execute("select claim_id, attribution_id, stance from voices").fetchall())
        attributions = sorted(conn.execute("select id, speaker_id, content from attributions").fetchall())
    return voices, attributions


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("crash")
    corpus = write_corpus(root / "corpus", ARTICLES)
    db = root / "baseline.db"
    run("ingest", str(corpus), "--db", str(db))
    assert query(db, "select count(*) from articles") == ARTICLES and query(db, "select count(*) from voices") > 20
    return corpus, db


def test_kill_during_reextract_leaves_a_sound_database_and_a_rerun_repairs_it(baseline, tmp_path):
    corpus, clean = baseline
    db = tmp_path / "reextract.db"
    shutil.copy(clean, db)
    with sqlite3.connect(db) as conn:  # as after an upgrade: every article extracted by an older version
        conn.execute("update articles set extractor_version = 'old'")
    redone = "select count(*) from articles where extractor_version != 'old'"
    # Killed after the first article, in the middle, and once all are redone (while claims are relinked).
    for at_least in (1, ARTICLES // 2, ARTICLES):
        kill_when(claimgraph("reextract", "--db", str(db)), db, redone, at_least)
        assert_sound(db)
    out = run("reextract", "--db", str(db))
    assert out.strip().endswith("articles")
    assert_sound(db)
    assert query(db, "select count(*) from store_state") == 0  # claims relinked, the mark cleared
    assert ledger(db) == ledger(clean)


def test_kill_during_ingest_leaves_a_sound_database_and_a_rerun_repairs_it(baseline, tmp_path):
    corpus, clean = baseline
    db = tmp_path / "ingest.db"
    stored = "select count(*) from articles"
    for at_least in (ARTICLES // 4, ARTICLES):  # while storing; after the last article (linking claims)
        kill_when(claimgraph("ingest", str(corpus), "--db", str(db)), db, stored, at_least)
        assert_sound(db)
    run("ingest", str(corpus), "--db", str(db))
    assert_sound(db)
    assert ledger(db) == ledger(clean)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal is Linux's (prctl)")
def test_killing_a_parallel_ingest_takes_its_workers_with_it(baseline, tmp_path):
    corpus, _ = baseline
    process = claimgraph("ingest", str(corpus), "--db", str(tmp_path / "p.db"), "--processes", "2")
    workers: list[int] = []
    deadline = time.monotonic() + 120
    while len(workers) < 2 and process.poll() is None and time.monotonic() < deadline:
        workers = _children(process.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, "the parser workers never started"
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    deadline = time.monotonic() + 30  # generous: the point is that they go, not how fast
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers)


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has exited (its parent is gone, init reaps it)
