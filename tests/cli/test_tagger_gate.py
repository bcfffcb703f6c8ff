"""`--tagger-gate` chooses which of the tagger's additions `extract` keeps, and names only gates that exist."""

from __future__ import annotations

import json

from click.testing import CliRunner

from claimgraph.cli import cli
from tests.mutations.test_tagger_additions import BETWEEN_THE_FLOORS


def _contents(path, *options: str) -> list[str]:
    result = CliRunner().invoke(cli, ["extract", str(path), "--format", "jsonl", *options])
    assert result.exit_code == 0, result.output
    return [json.loads(line)["content"] or "" for line in result.output.splitlines() if line.startswith("{")]


def test_the_gate_named_on_the_command_line_reaches_the_extractor(tmp_path) -> None:
    path = tmp_path / "unsure.txt"
    path.write_text(BETWEEN_THE_FLOORS, encoding="utf-8")
    # The tagger adds the clerk's quote at about 0.86: under the default floor for quoted additions (0.9), over the
    # release's floor (0.75) that the "shipped" gate keeps; the rules do not find it.
    assert not any("Ask the council" in c for c in _contents(path))
    assert not any("Ask the council" in c for c in _contents(path, "--rules-only"))
    assert any("Ask the council" in c for c in _contents(path, "--tagger-gate", "shipped"))


def test_an_unknown_gate_is_a_usage_error(tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Harbour row\n\nThe pier is closed, the council said.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path), "--tagger-gate", "wide-open"])
    assert result.exit_code == 2
    assert "quoted90" in result.output and "shipped" in result.output
