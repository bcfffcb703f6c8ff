"""Claim commands: claims, claim, link-claims, export-graph. Each is argument handling over
claimgraph.service_claims."""

from __future__ import annotations

import json
from typing import Any

import click

from claimgraph.cli import cli
from claimgraph.cli.options import (
    db_option,
    format_option,
    grouping_threshold_option,
    limit_option,
    open_store,
    speech_only_option,
)
from claimgraph.cli.output import quote_name, strip_controls, write_csv
from claimgraph.cli.progress import Heartbeat

CSV_FIELDS = ["id", "gist", "first_seen", "asserts", "disputes", "supports", "reports", "voices", "speakers",
              "outlets", "articles"]


def _clip(text: Any, width: int) -> str:
    """Article words for the terminal: control characters out, one line, at most `width` characters."""
    text = strip_controls("" if text is None else str(text))
    return text if len(text) <= width else text[: width - 1] + "…"


@cli.command("link-claims")
@db_option(reads_only=True)
@grouping_threshold_option
def link_claims_command(db: str, grouping_threshold: float | None) -> None:
    """Group every stored statement into claims, with each voice's stance.

    Recomputes claims over the whole database (run it after `ingest`): statements of the same proposition, from
    any article and any speaker, become one claim; each statement is a voice that asserts, disputes, supports or
    reports it. A claim keeps its id as new statements join (the id comes from its earliest statement).

    \b
    Example:
      claimgraph ingest examples/ && claimgraph link-claims
      claimgraph link-claims --db news.db --grouping-threshold 0.5
    """
    from claimgraph.errors import ClaimgraphError
    from claimgraph.service import relink_claims

    with open_store(db) as store, Heartbeat("link-claims"):
        try:
            # Through the service, which also clears the "claims out of date" mark that ingest and reextract set.
            report = relink_claims(store, threshold=grouping_threshold)
        except ClaimgraphError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"statements {report.statements}  claims {report.claims}  voices {report.voices}  "
               f"across articles {report.shared}  -> {quote_name(db)}")


@cli.command("claims")
@db_option(reads_only=True)
@format_option()
@limit_option
@click.option("--search", default=None, help="Only claims whose gist contains these words.")
@speech_only_option
def claims_command(db: str, fmt: str, limit: int | None, search: str | None, speech_only: bool) -> None:
    """List claims, most disputed first.

    Each claim with its counts of asserting, disputing, supporting and reporting voices, the outlets it passed
    through, the day it first appeared, and its gist. `claimgraph claim ID` shows one claim in full.

    \b
    Example:
      claimgraph claims --limit 10
      claimgraph claims --format jsonl | jq 'select(.disputes > 0) | .gist'
      claimgraph claims --search aquifer --format csv > aquifer.csv
      claimgraph claims --speech-only          # voices that said something, not beliefs
    """
    from claimgraph.service_claims import list_claims

    with open_store(db) as store, Heartbeat("claims"):
        rows = list_claims(store, limit=limit, search=search, speech_only=speech_only)
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    elif fmt == "csv":
        write_csv(rows, CSV_FIELDS)
    else:
        if not rows:
            click.echo("no claims yet: run `claimgraph link-claims` after `claimgraph ingest`", err=True)
            return
        click.echo(f"{'id':<19} {'assert':>6} {'dispute':>7} {'support':>7} {'report':>6} {'outlets':>7} "
                   f"{'first seen':<10}  gist")
        for r in rows:
            click.echo(f"{r['id']:<19} {r['asserts']:>6} {r['disputes']:>7} {r['supports']:>7} {r['reports']:>6} "
                       f"{r['outlets']:>7} {(r['first_seen'] or '')[:10]:<10}  {_clip(r['gist'], 70)}")


@cli.command("claim")
@click.argument("claim_id")
@db_option(reads_only=True)
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text", show_default=True,
              help="Readable text, or one JSON object (claim with voices, chains and timeline).")
def claim_command(claim_id: str, db: str, fmt: str) -> None:
    """Show one claim: its voices by stance, first appearance, outlet chains, timeline.

    Each voice with its speaker, outlet, date and words. CLAIM_ID may be a unique prefix of the id.

    \b
    Example:
      claimgraph claim cl_6f11328a
      claimgraph claim cl_6f11328a --format jsonl | jq '.voices.dispute[].speaker'
    """
    from claimgraph.service_claims import claim_detail, resolve_claim_id

    with open_store(db) as store:
        matches = resolve_claim_id(store, claim_id)
        if len(matches) != 1:
            raise click.ClickException(f"no claim {quote_name(claim_id)}" if not matches else
                                       f"{quote_name(claim_id)} is ambiguous: {', '.join(matches)} …")
        detail = claim_detail(store, matches[0])
    if fmt == "jsonl":
        click.echo(json.dumps(detail, ensure_ascii=False))
        return
    click.echo(f"{detail['id']}  {_clip(detail['gist'], 1000)}")
    first = detail["first_appearance"] or {}
    said = ""
    if first.get("said"):   # clipped inside the brackets: _clip strips the space that must stand before them
        said = " (" + _clip(f"\"{first['said']}\" in an article of {first['published']}", 1000) + ")"
    outlet, speaker = first.get("outlet") or "an unknown outlet", first.get("speaker") or "an unknown speaker"
    click.echo(f"first seen {detail['first_seen'] or '?'}{said} in {_clip(outlet, 80)}, said by {_clip(speaker, 80)}")
    for stance in ("assert", "dispute", "support", "report"):
        voices = detail["voices"].get(stance) or []
        if not voices:
            continue
        click.echo(f"\n{stance.upper()} ({len(voices)})")
        for v in voices:
            who, where = v["speaker"] or "unknown speaker", v["outlet"] or "unknown outlet"   # as the claim's page
            click.echo(f"  {_clip(who, 80)} — {_clip(where, 80)}, {(v['date'] or '?')[:10]}")
            click.echo(f"      \"{_clip(v['words'], 110)}\"")
    if detail["chains"]:
        click.echo("\nCHAINS")
        for c in detail["chains"]:
            click.echo(f"  {_clip(c['text'], 300)}  ({c['statements']})")
    click.echo("\nTIMELINE")
    for row in detail["timeline"]:
        mark = " (syndicated copy)" if row["syndicated"] else ""
        stances = ", ".join(f"{k} {n}" for k, n in sorted(row["stances"].items()))
        click.echo(f"  {(row['date'] or '?')[:10]}  {_clip(row['outlet'] or row['source'], 120)}{mark}: {stances}")


@cli.command("export-graph")
@db_option(reads_only=True)
@click.option("--format", "fmt", type=click.Choice(["graphml", "json"]), default="graphml", show_default=True,
              help="GraphML (Gephi, yEd, Cytoscape) or JSON (nodes and edges).")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, writable=True),
              help="The file to write.")
@click.option("--limit", "-n", type=click.IntRange(min=1), default=None,
              help="Only the N most disputed claims, with their speakers and outlets (N ≥ 1; all by default).")
def export_graph_command(db: str, fmt: str, out: str, limit: int | None) -> None:
    """Write the claim graph: speakers, claims and outlets, with stance and relay edges.

    Speaker -> claim edges carry the stance (assert, dispute, support, report) and the words; outlet -> claim
    edges mark where a claim was carried (syndicated copies too); relay edges follow each outlet chain.

    \b
    Example:
      claimgraph export-graph --format graphml --out claims.graphml
      claimgraph export-graph --format json --out claims.json --limit 50
    """
    from claimgraph.service_claims import export_graph

    with open_store(db) as store, Heartbeat("export-graph"):
        nodes, edges = export_graph(store, out, fmt, limit)
    click.echo(f"{nodes} nodes, {edges} edges -> {quote_name(out)}")
