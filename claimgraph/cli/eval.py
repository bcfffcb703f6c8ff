"""`claimgraph eval`: measure extraction against annotated corpora, beside a baseline, with the errors to fix next."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from claimgraph.cli import cli
from claimgraph.cli.options import tagger_gate_option

if TYPE_CHECKING:  # the evaluation modules load spaCy: imported inside the command, not for `--help`
    from claimgraph.eval.polnear import ErrorExample, PolnearResult


@cli.group("eval")
def eval_group() -> None:
    """Score attribution extraction against annotated corpora.

    \b
    Example:
      claimgraph eval polnear --data ../shared/data/polnear --split dev
    """


@eval_group.command("polnear")
@click.option("--data", "data", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="The PolNeAR folder, holding SPLIT/text, SPLIT/attributions (and usually metadata.tsv).")
@click.option("--split", default="dev", show_default=True, help="Split folder under --data.")
@click.option("--metadata", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="metadata.tsv (annotator to score against, publishers). Default: found beside or in the split; "
                   "without one, the first .ann by name and the publisher from the file name.")
@click.option("--limit", type=click.IntRange(min=1), help="Only the first N articles by name (figures then differ "
                                                           "from the whole split's).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="A readable report, or one JSON object.")
@click.option("--errors", "n_errors", type=click.IntRange(min=0), default=0, show_default=True,
              help="Show the N largest misses and N largest false finds of claimgraph.")
@click.option("--predictions-out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write claimgraph's predictions here as JSONL (the baseline's go to NAME.textacy.jsonl beside).")
@click.option("--processes", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes for parsing.")
@click.option("--model", default=None, help="spaCy pipeline to parse with (default: claimgraph's default).")
@click.option("--baseline/--no-baseline", default=True, show_default=True, help="Run textacy's baseline too.")
@click.option("--learned/--rules-only", "learned", default=True, show_default=True,
              help="Score with the learned tagger beside the rules, or the rules alone.")
@tagger_gate_option
def polnear(data: Path, split: str, metadata: Path | None, limit: int | None, fmt: str, n_errors: int,
            predictions_out: Path | None, processes: int, model: str | None, baseline: bool, learned: bool,
            gate: str | None) -> None:
    """Score claimgraph and textacy's direct-quotation baseline on a PolNeAR split.

    Figures follow shared/data/README.md and equal shared/tools/score_polnear.py on the same predictions.

    \b
    Example:
      claimgraph eval polnear --data ../shared/data/polnear --split dev --errors 10
    """
    split_dir = data / split
    missing = [d for d in (split_dir / "text", split_dir / "attributions") if not d.is_dir()]
    if missing:
        raise click.BadParameter(f"{missing[0]} is not a folder: a split holds text/ and attributions/",
                                 param_hint="--data/--split")
    import importlib.util

    if baseline and importlib.util.find_spec("textacy") is None:  # an extra: the default install leaves it out
        raise click.ClickException("the textacy baseline is not installed: pip install 'claimgraph[eval]' "
                                   "(or pass --no-baseline to score claimgraph alone)")
    from claimgraph.errors import ModelError
    from claimgraph.eval.polnear import default_metadata, evaluate
    from claimgraph.pipeline import Extractor

    try:
        extractor = (Extractor(model=model, learned=learned, gate=gate) if model
                     else Extractor(learned=learned, gate=gate))
    except ModelError as exc:
        raise click.ClickException(str(exc)) from exc
    result = evaluate(split_dir, metadata or default_metadata(split_dir), extractor=extractor, baseline=baseline,
                      limit=limit, n_process=processes, errors=n_errors, progress=True,
                      predictions_out=predictions_out)
    for system in result.systems.values():
        for line in system.failures[:10]:
            click.echo(f"warning: {system.name}: {line}", err=True)
        if len(system.failures) > 10:
            click.echo(f"warning: {system.name}: {len(system.failures) - 10} more failures", err=True)
        for note in system.notes:
            click.echo(f"note: {system.name}: {note}", err=True)
    if fmt == "json":
        click.echo(json.dumps(result.to_json(), ensure_ascii=False))
    else:
        click.echo(render_text(result))


def render_text(result: PolnearResult) -> str:
    """Metric rows x system columns, speed, per-publisher rows, then the error examples."""
    from claimgraph.eval.polnear import FIGURES

    names = list(result.systems)
    width = max(12, *(len(n) for n in names))
    lines = [f"PolNeAR {result.split}: {result.articles} articles, {result.words:,} words, "
             f"data sha256 {result.data_sha256[:12]}",
             "", f"{'metric':<20}" + "".join(f"{n:>{width + 2}}" for n in names)]
    figures = {n: s.score.overall.to_json() for n, s in result.systems.items()}
    for row in ("gold", "pred", *FIGURES):
        cells = [figures[n][row] for n in names]
        lines.append(f"{row:<20}" + "".join(f"{_cell(c):>{width + 2}}" for c in cells))
    lines.append(f"{'words/second':<20}" + "".join(f"{s.words_per_second:>{width + 2},.0f}"
                                                  for s in result.systems.values()))
    lines.append(f"(parse alone: {result.parse_words_per_second:,.0f} words/second, {result.parse_seconds:.1f} s; "
                 "each system's figure is parse + its extraction)")

    publishers = sorted({p for s in result.systems.values() for p in s.score.by_publisher})
    lines += ["", "by publisher: content_partial_f1 / end_to_end_f1",
              f"{'publisher':<20}{'gold':>6}" + "".join(f"{n:>{width + 6}}" for n in names)]
    for pub in publishers:
        first = result.systems[names[0]].score.by_publisher[pub].to_json()
        cells = []
        for n in names:
            m = result.systems[n].score.by_publisher[pub].to_json()
            cells.append(f"{m['content_partial_f1']:.3f} / {m['end_to_end_f1']:.3f}")
        lines.append(f"{pub:<20}{first['gold']:>6}" + "".join(f"{c:>{width + 6}}" for c in cells))

    if result.errors is not None:
        lines += _render_errors("misses (gold with no partial match, largest first)", result.errors["misses"])
        lines += _render_errors("false finds (predictions matching nothing, largest first)",
                                result.errors["false_finds"])
    return "\n".join(lines)


def _cell(value: float | int) -> str:
    return f"{value:.4f}" if isinstance(value, float) else str(value)


def _short(text: str | None, limit: int) -> str:
    if text is None:
        return "-"
    text = " ".join(text.split())  # one line per field, whatever the article's line breaks
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _render_errors(title: str, examples: list[ErrorExample]) -> list[str]:
    lines = ["", f"{title}: {len(examples)}"]
    for i, e in enumerate(examples, 1):
        lines += [f"{i:>3}. {e.article} ({e.size} words)",
                  f"     sentence: {_short(e.sentence, 400)}",
                  f"     source:   {_short(e.source, 120)}",
                  f"     cue:      {_short(e.cue, 120)}",
                  f"     content:  {_short(e.content, 300)}"]
    if not examples:
        lines.append("     (none)")
    return lines


@eval_group.command("emergent")
@click.option("--data", "data", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="A folder holding emergent.csv (the layout of ../shared/data/emergent).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="A table beside the baselines, or one JSON object (keys in shared/decisions.md).")
@click.option("--cv", is_flag=True, help="Stance figures by 5-fold cross-validation split by claim (a model trained "
                                         "on the other folds scores each held-out fold) instead of the shipped model.")
def emergent(data: Path, fmt: str, cv: bool) -> None:
    """Group Emergent's headlines into claims and read each one's stance toward its claim, beside baselines.

    Nothing is trained on --data without --cv: it scores the shipped grouping settings and stance model.

    \b
    Example:
      claimgraph eval emergent --data ../shared/data/emergent --cv
    """
    from claimgraph.eval.emergent import cross_validate, evaluate, read_emergent, render_table

    try:
        rows = read_emergent(data)
    except (OSError, ValueError, KeyError) as exc:
        raise click.ClickException(str(exc)) from exc
    if not rows:
        raise click.ClickException(f"{data}/emergent.csv holds no rows")
    result = cross_validate(rows) if cv else evaluate(rows)
    click.echo(json.dumps(result, ensure_ascii=False) if fmt == "json" else render_table(result))
