"""Fixtures of the web layer's tests: ledgers ingested from examples/ (plus a hostile article) by the real CLI, on
SQLite and on the real PostgreSQL that tests/store/conftest.py starts; an in-process client per ledger; a token."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
CLAIMGRAPH = [sys.executable, "-m", "claimgraph"]

# Fictional names; each payload would run a script if the text were ever written into a page unescaped.
HOSTILE = """Kestrel Bay Courier

Harbor plan under fire

Mayor Odile Fenn said "<script>window.__xss = 1; alert(1)</script> is not a plan for the harbor."

The port council denied the report, calling it <img src=x onerror="window.__xss = 2; alert(2)"> nonsense.

"Read <a href="javascript:window.__xss = 3">the budget</a> first," said Tomas Verra, a spokesman for the port.
"""

_spec = importlib.util.spec_from_file_location("claimgraph_tests_store_conftest", REPO / "tests/store/conftest.py")
_store_conftest = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_store_conftest)
postgres_url = _store_conftest.postgres_url   # the same fixture: a real server in a temporary folder


def run_cli(*args: str) -> subprocess.CompletedProcess:
    done = subprocess.run([*CLAIMGRAPH, *args], capture_output=True, text=True, cwd=REPO, timeout=600)
    assert done.returncode == 0, f"claimgraph {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done


def hostile_folder(root: Path) -> Path:
    folder = root / "hostile"
    folder.mkdir(exist_ok=True)
    (folder / "kestrel-bay-harbor.txt").write_text(HOSTILE, encoding="utf-8")
    return folder


@pytest.fixture(name="run_cli")
def run_cli_fixture():
    """`run_cli("ingest", …)`: the real command line in a subprocess; fails the test when it fails."""
    return run_cli


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """One SQLite ledger of examples/ and the hostile article, ingested once; tests copy it."""
    root = tmp_path_factory.mktemp("ledger")
    db = root / "template.db"
    run_cli("ingest", str(EXAMPLES), str(hostile_folder(root)), "--db", str(db))
    return db


@pytest.fixture()
def sqlite_db(sqlite_template: Path, tmp_path: Path) -> str:
    db = tmp_path / "ledger.db"
    shutil.copy(sqlite_template, db)
    return str(db)


@pytest.fixture(scope="session")
def postgres_db(postgres_url: str, tmp_path_factory) -> str:
    """A database of its own on the test server, ingested once by the CLI."""
    import psycopg

    dsn = postgres_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS claimgraph_web")
        conn.execute("CREATE DATABASE claimgraph_web")
    url = postgres_url.replace("@/postgres?", "@/claimgraph_web?")
    run_cli("ingest", str(EXAMPLES), str(hostile_folder(tmp_path_factory.mktemp("pg"))), "--db", url)
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def ledger(request) -> str:
    """The database URL or path of a ledger, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_db")
    url = request.getfixturevalue("postgres_db")
    _clear_corrections(url)
    return url


def _clear_corrections(url: str) -> None:
    # The PostgreSQL ledger is shared by the session's tests: each starts from no corrections and no tokens.
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM corrections"))
        conn.execute(text("DELETE FROM tokens"))
    engine.dispose()


@pytest.fixture()
def store(ledger):
    from claimgraph.store import Store

    opened = Store.open(ledger)
    yield opened
    opened.close()


@pytest.fixture()
def token(store) -> str:
    from claimgraph.web.tokens import create_token

    return create_token(store, "desk-editor")


@pytest.fixture()
def client(store):
    from fastapi.testclient import TestClient

    from claimgraph.web.app import create_app

    with TestClient(create_app(store)) as test_client:
        yield test_client
