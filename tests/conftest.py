"""Shared fixtures: the reference article (bundled in examples/), one loaded pipeline per test session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
REFERENCE = EXAMPLES / "eirns-2017-01-24-us-russia-syria.txt"
REFERENCE_GOLD = Path(__file__).parent / "core" / "data" / "eirns-2017-01-24-us-russia-syria.gold.json"


@pytest.fixture(scope="session")
def extractor():
    from claimgraph.pipeline import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def reference_gold() -> dict:
    return json.loads(REFERENCE_GOLD.read_text(encoding="utf-8"))


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "claimgraph.db"
