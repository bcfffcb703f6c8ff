"""benchmarks/speed.py --component-only times the steps the attributions component really calls: each step's CPU
is caught (none left at zero), the steps fit inside the whole pass, the component finds what `extract` finds, and
the shared pipeline goes back unwrapped afterwards."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from claimgraph.attribution import component
from claimgraph.nlp import DEFAULT_MODEL
from claimgraph.pipeline import Extractor
from claimgraph.records import Article
from tests.conftest import EXAMPLES, REPO


@pytest.fixture(scope="module")
def speed():
    spec = importlib.util.spec_from_file_location("speed", REPO / "benchmarks" / "speed.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_component_only_times_every_step_of_the_component(speed, tmp_path: Path) -> None:
    files = sorted(EXAMPLES.glob("*.txt"))[:4]
    for path in files:
        shutil.copy(path, tmp_path / path.name)
    steps_before = {step: getattr(component, step) for step in speed.COMPONENT_STEPS}

    figures = speed.component_cpu(tmp_path, DEFAULT_MODEL, rounds=2)

    assert all(figures[step] > 0 for step in speed.COMPONENT_STEPS), figures
    assert sum(figures[step] for step in speed.COMPONENT_STEPS) <= figures["component"]
    assert 0 < figures[speed.NETWORK] <= figures["tag"]
    extractor = Extractor(model=DEFAULT_MODEL)
    expected = sum(len(extractor.extract(Article(ref=p.name, text=p.read_text(encoding="utf-8")))) for p in files)
    assert figures["attributions"] == expected > 0
    assert figures["parse"] > 0
    assert {step: getattr(component, step) for step in speed.COMPONENT_STEPS} == steps_before
    assert "predict" not in vars(extractor.component.tagger)
