"""Spark in local mode for the Spark tests: one session for the whole run (local[2], UI off, bound to 127.0.0.1,
few shuffle partitions). Without pyspark or Java the tests skip, except under CI=true, where they fail."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from tests.conftest import skip_or_fail
from tests.store.conftest import fresh_postgres_url, postgres_url  # noqa: F401 - fixtures for the load tests

sys.path.insert(0, str(Path(__file__).parents[1] / "ingest"))  # the ingest tests' fictional pages


def _unavailable(reason: str) -> None:
    skip_or_fail(f"{reason} (CI installs it: .ci/run)")


@pytest.fixture(scope="session")
def spark():
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        _unavailable("pyspark is not installed (pip install 'claimgraph[spark]')")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        _unavailable("no Java for Spark (apt-get install openjdk-17-jre-headless)")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (SparkSession.builder.master("local[2]").appName("claimgraph-tests")
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.driver.bindAddress", "127.0.0.1")
               .config("spark.driver.host", "127.0.0.1")
               .config("spark.sql.shuffle.partitions", "2")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
