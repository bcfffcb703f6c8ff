"""`claimgraph stance ...`: train, evaluate and apply the FNC-1 article stance model."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from claimgraph.cli import cli
from claimgraph.eval.data import shared_data_dir

SHARED_FNC1 = "shared/data/fnc1 beside the checkout, or $CLAIMGRAPH_SHARED_DATA/fnc1"

_DATA_HELP = "FNC-1 folder with train_bodies.csv and train_stances.csv."
_SYSTEM_NAMES = {"model": "model (two-stage boosted trees)", "baseline_official_like": "baseline: official-like",
                 "baseline_tfidf_cosine": "baseline: TF-IDF cosine"}


def _model_dir_default() -> str:
    from claimgraph.claims.stance_model import MODEL_DIR

    return str(MODEL_DIR)


def _print_report(report: dict[str, Any]) -> None:
    from claimgraph.eval.fnc import LABELS

    click.echo(f"dev split: {report['dev_fraction']:.0%} of bodies held out (seed {report['split_seed']}): "
               f"{report['n_dev_bodies']} bodies, {report['n_dev_pairs']} pairs")
    head = f"{'system':34} {'FNC %':>7} {'macro-F1':>9} " + " ".join(f"{c:>9}" for c in LABELS)
    click.echo(head)
    click.echo("-" * len(head))
    for key, s in report["scores"].items():
        click.echo(f"{_SYSTEM_NAMES.get(key, key):34} {s['fnc_pct']:7.2f} {s['macro_f1']:9.4f} "
                   + " ".join(f"{s['f1'][c]:9.4f}" for c in LABELS))
    click.echo("\nmodel confusion (rows gold, columns predicted):")
    click.echo(f"{'':10}" + "".join(f"{c:>10}" for c in LABELS))
    for g, row in report["confusion_model"].items():
        click.echo(f"{g:10}" + "".join(f"{row[c]:10d}" for c in LABELS))
    if report.get("warning"):
        click.echo(f"\nwarning: {report['warning']}", err=True)


def _run(fn, *args, **kwargs):
    """Turn data problems into a clean one-line error naming the file."""
    from claimgraph.claims.fnc.data import FncDataError

    try:
        return fn(*args, **kwargs)
    except (FncDataError, FileNotFoundError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc


@cli.group()
def stance() -> None:
    """Stance of a news article towards a headline claim: agree, disagree, discuss or unrelated.

    The model is trained on the Fake News Challenge (FNC-1) data and ships inside the package, so `predict`
    works right after install. `train` rebuilds it from the data (fixed seeds, about 1.5 minutes on one core,
    as the README measured).

    \b
    Examples:
      claimgraph stance predict --stances pairs.csv --bodies bodies.csv --out stances.csv
      claimgraph stance train --data ../shared/data/fnc1      # rebuild the shipped model, print dev scores
      claimgraph stance eval  --data ../shared/data/fnc1      # score the shipped model on its dev split
    """


@stance.command()
@click.option("--data", "data_dir", type=click.Path(path_type=Path), default=lambda: shared_data_dir("fnc1"),
              show_default=SHARED_FNC1, help=_DATA_HELP)
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=None,
              help="Where to write the model  [default: the model folder inside the package]")
@click.option("--dev-fraction", type=click.FloatRange(0.0, 0.9), default=0.2, show_default=True,
              help="Share of bodies (not pairs) held out for scoring; 0 trains on everything and scores nothing.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the dev split and the trees.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def train(data_dir: Path, out_dir: Path | None, dev_fraction: float, seed: int, as_json: bool) -> None:
    """Train the stance model on FNC-1 and print its dev scores next to two baselines.

    Bodies are split into train and dev by Body ID, so no article is in both (as in the competition). The
    model written is the one trained without the dev bodies: the printed figures are the shipped model's.

    \b
    Examples:
      claimgraph stance train                                   # defaults: ../shared/data/fnc1, 20% dev
      claimgraph stance train --out /tmp/stance --seed 1        # try another split, keep the shipped model
      claimgraph stance train --dev-fraction 0 --out /tmp/all   # train on every pair, no scores
    """
    from claimgraph.claims.stance_model import train_and_evaluate

    target = out_dir or Path(_model_dir_default())
    log = (lambda m: None) if as_json else (lambda m: click.echo(m, err=True))
    report = _run(train_and_evaluate, data_dir, target, dev_fraction, seed, log)
    if as_json:
        click.echo(json.dumps(report, indent=2))
        return
    if "scores" in report:
        _print_report(report)
    click.echo(f"\nmodel written to {target} in {report['train_seconds']:.0f}s", err=True)


@stance.command("eval")
@click.option("--data", "data_dir", type=click.Path(path_type=Path), default=lambda: shared_data_dir("fnc1"),
              show_default=SHARED_FNC1, help=_DATA_HELP)
@click.option("--model", "model_dir", type=click.Path(path_type=Path), default=None,
              help="Model folder  [default: the shipped model]")
@click.option("--dev-fraction", type=click.FloatRange(0.01, 0.9), default=None,
              help="Override the dev split (default: the split the model was trained without).")
@click.option("--seed", type=int, default=None, help="Override the split seed.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def eval_(data_dir: Path, model_dir: Path | None, dev_fraction: float | None, seed: int | None,
          as_json: bool) -> None:
    """Score a trained model on its FNC-1 dev split: FNC score %, macro-F1 and per-class F1, with baselines.

    The baselines (a TF-IDF cosine threshold, and boosted trees over official-baseline-like features) are
    trained on the same training pairs in the same run, so the rows are directly comparable.

    \b
    Example:
      claimgraph stance eval --data ../shared/data/fnc1
    """
    from claimgraph.claims.stance_model import evaluate

    report = _run(evaluate, data_dir, model_dir, dev_fraction, seed)
    if as_json:
        click.echo(json.dumps(report, indent=2))
    else:
        _print_report(report)


@stance.command()
@click.option("--stances", "stances_csv", type=click.Path(path_type=Path), required=True,
              help="CSV with Headline,Body ID (a Stance column, if present, is ignored).")
@click.option("--bodies", "bodies_csv", type=click.Path(path_type=Path), required=True,
              help="CSV with Body ID,articleBody.")
@click.option("--out", "out_csv", type=click.Path(path_type=Path), required=True,
              help="Where to write Headline,Body ID,Stance (same rows, same order).")
@click.option("--model", "model_dir", type=click.Path(path_type=Path), default=None,
              help="Model folder  [default: the shipped model]")
def predict(stances_csv: Path, bodies_csv: Path, out_csv: Path, model_dir: Path | None) -> None:
    """Label each headline/body pair of FNC-1-layout files and write them in the input's row order.

    The output can be scored with ../shared/tools/score_fnc.py GOLD.csv OUT.csv.

    \b
    Example:
      claimgraph stance predict --stances test_stances_unlabeled.csv --bodies test_bodies.csv --out pred.csv
    """
    from claimgraph.claims.stance_model import predict_files

    n = _run(predict_files, stances_csv, bodies_csv, out_csv, model_dir)
    click.echo(f"{n} pairs labelled -> {out_csv}", err=True)
