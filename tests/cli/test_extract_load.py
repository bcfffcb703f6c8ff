"""`extract` holds Python's cyclic collector off while it imports and loads the pipeline, then freezes what that
made (cli/core.py `_long_lived`): once per process, the thresholds put back, and the same output as the library's
plain path."""

import gc
import json
import subprocess
import sys
from pathlib import Path

import pytest

import claimgraph.cli.core as core
from claimgraph.ingest import read_inputs
from claimgraph.pipeline import Extractor
from tests.conftest import EXAMPLES

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def fresh(monkeypatch):
    monkeypatch.setattr(core, "_held_once", False)
    before = gc.get_threshold()
    yield
    gc.unfreeze()  # the test process's objects go back to the collector
    gc.set_threshold(*before)


def test_the_first_load_is_frozen_and_the_thresholds_come_back(fresh):
    before = gc.get_threshold()
    frozen = gc.get_freeze_count()
    with core._long_lived():
        assert gc.get_threshold()[0] == core.HOLD_THRESHOLD
        made = [[k] for k in range(5_000)]  # containers: tracked by the collector
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() >= frozen + len(made)
    assert all(gc.is_tracked(m) for m in made[:10])
    count = gc.get_freeze_count()
    with core._long_lived():  # once per process: a second load changes nothing
        assert gc.get_threshold() == before
        more = [[k] for k in range(1_000)]
    assert gc.get_freeze_count() == count and more


def test_the_thresholds_come_back_after_an_error(fresh):
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), core._long_lived():
        raise RuntimeError("the pipeline did not load")
    assert gc.get_threshold() == before


def test_extract_prints_what_the_library_finds():
    paths = [str(p) for p in sorted(EXAMPLES.glob("*.txt"))]
    out = subprocess.run([sys.executable, "-m", "claimgraph", "extract", *paths, "--format", "jsonl"],
                         capture_output=True, text=True, check=True, cwd=REPO).stdout
    extractor = Extractor()
    expected = [json.dumps(a.to_json(e.article.ref), ensure_ascii=False)
                for e in extractor.extract_many(read_inputs(paths)) for a in e.attributions]
    assert out.splitlines() == expected and len(expected) > 20
