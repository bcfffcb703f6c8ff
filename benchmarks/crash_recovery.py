"""What kill -9 leaves behind, and whether a rerun repairs it: `ingest`, `reextract`, `link-claims`, `ingest -p 2`.

usage: python benchmarks/crash_recovery.py [--articles 40] [--workers-only]

A corpus of fictional stories (tests/service/corpus.py) is ingested once without interruption: that database is the
baseline. Then each command is killed with SIGKILL at several points (when the database shows N articles stored or
redone; for link-claims, a few seconds after start), and for each kill it prints: SQLite's integrity check, foreign
key violations, claims without voices, the row counts; then the same after a rerun of the command, and whether the
rerun's claims, voices and attributions are identical to the baseline's. Last, `ingest -p 2` is killed while its
parser workers run, with and without the parent-death hook (claimgraph.service._workers_die_with_parent), and it
prints how long the workers outlive their parent (capped at 60 s).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "service"))
from corpus import write_corpus  # noqa: E402
from test_crash_safety import _alive, _children  # noqa: E402


def claimgraph(*args: str, code: str | None = None) -> subprocess.Popen:
    prefix = ["-c", code] if code else ["-m", "claimgraph"]
    # Output to /dev/null when workers may outlive the process: they would hold a pipe open, and reading it hang.
    out = subprocess.DEVNULL if code else subprocess.PIPE
    return subprocess.Popen([sys.executable, *prefix, *args], stdout=out, stderr=out, text=True)


def count(db: Path, sql: str) -> int:
    with sqlite3.connect(db, timeout=30) as conn:
        return conn.execute(sql).fetchone()[0]


def state(db: Path) -> str:
    with sqlite3.connect(db, timeout=30) as conn:
        check = conn.execute("pragma integrity_check").fetchone()[0]
        fk = len(conn.execute("pragma foreign_key_check").fetchall())
        rows = {t: conn.execute(f"select count(*) from {t}").fetchone()[0]
                for t in ("articles", "attributions", "claims", "voices")}
        empty = conn.execute("select count(*) from claims where id not in (select claim_id from voices)").fetchone()[0]
    return f"integrity {check}, fk violations {fk}, claims without voices {empty}, " + ", ".join(
        f"{k} {v}" for k, v in rows.items())


def ledger(db: Path) -> tuple:
    with sqlite3.connect(db) as conn:
        return (sorted(conn.execute("select claim_id, attribution_id, stance from voices")),
                sorted(conn.execute("select id, speaker_id, content from attributions")))


def kill_when(process: subprocess.Popen, db: Path, sql: str, at_least: int) -> bool:
    while process.poll() is None:
        try:
            if db.exists() and count(db, sql) >= at_least:
                break
        except sqlite3.OperationalError:
            pass
        time.sleep(0.02)
    running = process.poll() is None
    process.send_signal(signal.SIGKILL)
    process.communicate()
    return running


def rerun_and_report(label: str, db: Path, clean: Path, running: bool, *args: str) -> None:
    before = state(db)
    claimgraph(*args).communicate()
    print(f"{label} (still running when killed: {running})\n  after the kill: {before}\n"
          f"  after a rerun:  {state(db)}; identical to the uninterrupted run: {ledger(db) == ledger(clean)}")


def kills(root: Path, corpus: Path, clean: Path, n: int) -> None:
    for at in (n // 4, n):  # while storing; after the last article (claims being linked)
        db = root / f"ingest-{at}.db"
        running = kill_when(claimgraph("ingest", str(corpus), "--db", str(db)), db, "select count(*) from articles", at)
        rerun_and_report(f"ingest killed at {at} articles stored", db, clean, running, "ingest", str(corpus),
                         "--db", str(db))
    for at in (1, n // 2, n):  # after the first article, halfway, all redone (claims being relinked)
        db = root / f"reextract-{at}.db"
        shutil.copy(clean, db)
        with sqlite3.connect(db) as conn:
            conn.execute("update articles set extractor_version = 'old'")
        running = kill_when(claimgraph("reextract", "--db", str(db)), db,
                            "select count(*) from articles where extractor_version != 'old'", at)
        rerun_and_report(f"reextract killed at {at} articles redone", db, clean, running, "reextract", "--db", str(db))
    for delay in (3.5, 4.5, 5.5):
        db = root / f"link-{delay}.db"
        shutil.copy(clean, db)
        with sqlite3.connect(db) as conn:
            conn.execute("delete from voices")
            conn.execute("delete from claims")
        process = claimgraph("link-claims", "--db", str(db))
        time.sleep(delay)
        running = process.poll() is None
        process.send_signal(signal.SIGKILL)
        process.communicate()
        rerun_and_report(f"link-claims killed {delay} s after start", db, clean, running,
                         "link-claims", "--db", str(db))


def workers(root: Path, corpus: Path, hook: bool) -> None:
    code = ("import sys, claimgraph.service as s\n" + ("" if hook else "s._workers_die_with_parent = lambda: None\n")
            + "from claimgraph.cli import main\nsys.argv = ['claimgraph'] + sys.argv[1:]\nmain()")
    process = claimgraph("ingest", str(corpus), "--db", str(root / f"workers-{hook}.db"), "-p", "2", code=code)
    found: list[int] = []
    while len(found) < 2 and process.poll() is None:
        found = _children(process.pid)
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    start = time.monotonic()
    while any(_alive(pid) for pid in found) and time.monotonic() - start < 60:
        time.sleep(0.1)
    left = [pid for pid in found if _alive(pid)]
    print(f"ingest -p 2 killed, parent-death hook {'on' if hook else 'off'}: {len(found)} workers, "
          f"{len(left)} still alive after {time.monotonic() - start:.1f} s")
    for pid in left:
        os.kill(pid, signal.SIGKILL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--workers-only", action="store_true", help="only the `ingest -p 2` measurement")
    options = parser.parse_args()
    n = options.articles
    with tempfile.TemporaryDirectory(prefix="claimgraph-crash-") as tmp:
        root = Path(tmp)
        corpus = write_corpus(root / "corpus", n)
        if not options.workers_only:
            clean = root / "clean.db"
            claimgraph("ingest", str(corpus), "--db", str(clean)).communicate()
            print(f"uninterrupted ingest of {n} articles: {state(clean)}")
            kills(root, corpus, clean, n)
        for hook in (False, True):
            workers(root, corpus, hook)


if __name__ == "__main__":
    main()
