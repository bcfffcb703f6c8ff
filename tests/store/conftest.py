"""A real PostgreSQL server for the store's tests, started here in a temporary folder and stopped afterwards.

Needs the server binaries (Debian's `postgresql` package: initdb and pg_ctl, found on PATH or in
/usr/lib/postgresql/NN/bin, the newest NN first) and, when the tests run as root, the `postgres` system user to run
them (PostgreSQL refuses to run as root). Where either is missing, or the server does not start, the PostgreSQL
tests are skipped with that reason, except in CI (CI set: .ci/run installs the server), where they fail; the
SQLite tests always run.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.conftest import free_port, skip_or_fail


def _binary(name: str) -> str | None:
    """PATH first, then Debian's versioned folders (not on PATH), highest version (compared as numbers) first."""
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=_version)
    return shutil.which(name) or (found[-1] if found else None)


def _version(path: str) -> tuple[int, ...]:
    folder = Path(path).parents[1].name  # /usr/lib/postgresql/15/bin/initdb -> "15"
    return tuple(int(part) for part in folder.split(".") if part.isdigit())


def _unavailable(reason: str) -> None:
    skip_or_fail(f"PostgreSQL unavailable: {reason}")


@pytest.fixture(scope="session")
def postgres_url():
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("psycopg is not installed (pip install 'claimgraph[postgres]')")
    initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
    if not initdb or not pg_ctl:
        _unavailable("PostgreSQL server binaries (initdb, pg_ctl) are not installed "
                     "(Debian: apt-get install postgresql)")
    as_user: list[str] = []
    if os.geteuid() == 0:
        if subprocess.run(["id", "postgres"], capture_output=True, check=False).returncode != 0:
            _unavailable("running as root and there is no `postgres` user to run the server")
        as_user = ["runuser", "-u", "postgres", "--"]
    root = Path(tempfile.mkdtemp(prefix="claimgraph-pg-"))
    data, sock = root / "data", root / "sock"
    sock.mkdir()
    if as_user:
        shutil.chown(root, "postgres")
        shutil.chown(sock, "postgres")
    port = free_port()
    try:
        subprocess.run(as_user + [initdb, "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8"],
                       check=True, capture_output=True, text=True)
        subprocess.run(as_user + [pg_ctl, "-D", str(data), "-w", "-l", str(root / "log"), "-o",
                                  f"-p {port} -k {sock} -c listen_addresses=''", "start"],
                       check=True, capture_output=True, text=True)
    except subprocess.CalledProcessError as exc:
        log = (root / "log").read_text(errors="replace")[-2000:] if (root / "log").exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        _unavailable(f"the server did not start ({Path(exc.cmd[len(as_user)]).name} exit {exc.returncode}): "
                     f"{(exc.stderr or '').strip()[-2000:]} {log}".strip())
    try:
        yield f"postgresql+psycopg://postgres@/postgres?host={sock}&port={port}"
    finally:
        subprocess.run(as_user + [pg_ctl, "-D", str(data), "-m", "fast", "stop"], capture_output=True, check=False)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture()
def fresh_postgres_url(postgres_url):
    """A new, empty database on the session's server, so that a test's rows and schema are its own."""
    import uuid

    import sqlalchemy as sa

    name = "t_" + uuid.uuid4().hex[:12]
    admin = sa.create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    assert "@/postgres?" in postgres_url
    return postgres_url.replace("@/postgres?", f"@/{name}?")


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db(request, tmp_path):
    """The same test on a SQLite file and on a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "claimgraph.db")
    return request.getfixturevalue("fresh_postgres_url")
