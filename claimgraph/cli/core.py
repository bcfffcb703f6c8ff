"""Core commands: ingest, extract, attributions, speakers, reextract. Each is argument handling over the library."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from typing import Any

import click
from tqdm import tqdm

from claimgraph.cli import cli
from claimgraph.errors import ClaimgraphError, InputError
from claimgraph.nlp import DEFAULT_MODEL
from claimgraph.store import DEFAULT_DB

EXIT_SOME_FAILED = 1

db_option = click.option("--db", "db", default=DEFAULT_DB, show_default=True, metavar="PATH|URL",
                         help="SQLite file (created if absent) or a database URL such as postgresql://…")
model_option = click.option("--model", default=DEFAULT_MODEL, show_default=True,
                            help="Name or path of an installed spaCy pipeline (never downloaded).")
def _use_outlets(_ctx: click.Context, _param: click.Parameter, path: str | None) -> str | None:
    if path:
        import os

        from claimgraph.attribution.speakers import outlet_names

        # Through the environment so that parsing processes (--processes N) see the same list.
        os.environ["CLAIMGRAPH_OUTLETS"] = path
        outlet_names.cache_clear()
    return path


outlets_option = click.option("--outlets", type=click.Path(exists=True, dir_okay=False), expose_value=False,
                              callback=_use_outlets, is_eager=True,
                              help="A file of extra news-outlet names, one a line (added to the shipped list).")
learned_option = click.option("--learned/--rules-only", "learned", default=True, show_default=True,
                              help="Run the trained tagger beside the rules (--rules-only is faster, finds less).")
processes_option = click.option("--processes", "-p", default=1, show_default=True, type=click.IntRange(1, 64),
                                help="Parse on N cores.")
format_option = click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table",
                             show_default=True, help="A readable table, JSON Lines, or CSV.")


def _extractor(model: str, learned: bool = True):
    from claimgraph.pipeline import Extractor

    try:
        return Extractor(model=model, learned=learned)
    except ClaimgraphError as exc:
        raise click.ClickException(str(exc)) from exc


def _store(db: str):
    from claimgraph.store import Store

    try:
        return Store.open(db)
    except ClaimgraphError as exc:
        raise click.ClickException(str(exc)) from exc


def _progress(total: int | None, desc: str) -> tqdm:
    return tqdm(total=total, desc=desc, unit="doc", file=sys.stderr, disable=None, dynamic_ncols=True)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@model_option
@learned_option
@outlets_option
@processes_option
@click.option("--syndication/--no-syndication", default=True, show_default=True,
              help="Store near-duplicate copies (wire stories on several sites) as appearances of one story.")
@click.option("--threshold", default=None, type=click.FloatRange(0, 1),
              help="Similarity (Jaccard over word shingles) above which two texts are one story.")
@click.option("--columns", metavar="FIELD=COLUMN,…",
              help="Column mapping for CSV and JSON Lines, e.g. text=body,title=headline (README: Inputs).")
@click.option("--allow-private", is_flag=True, help="Allow fetching URLs on loopback and private addresses.")
@click.option("--link-claims/--no-link-claims", "link", default=True, show_default=True,
              help="Regroup the database's statements into claims after storing (see `claimgraph link-claims`).")
@click.option("--json-summary", is_flag=True, help="Print the end-of-run summary as one JSON object.")
def ingest(paths: tuple[str, ...], db: str, model: str, learned: bool, processes: int, syndication: bool,
           threshold: float | None, columns: str | None, allow_private: bool, link: bool,
           json_summary: bool) -> None:
    """Read articles, find their attributions, and store them.

    PATHS are files or folders (read recursively): .txt, .jsonl, and the other formats listed in the README.
    Ingesting the same input twice changes nothing; a bad file is named on stderr and the rest goes on.

    \b
    Examples:
      claimgraph ingest examples/
      claimgraph ingest --db news.db feed-dump.jsonl articles/
    """
    from claimgraph.ingest import ReadOptions, read_inputs
    from claimgraph.ingest.tabular import parse_columns
    from claimgraph.service import ingest_articles

    try:
        options = ReadOptions(columns=parse_columns(columns) or None, allow_private=allow_private)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--columns") from exc
    store = _store(db)
    extractor = _extractor(model, learned)
    index = None
    if syndication:
        from claimgraph.ingest.syndication import SyndicationIndex

        index = SyndicationIndex.load(store, **({"threshold": threshold} if threshold is not None else {}))
    bar = _progress(None, "ingest")
    report = ingest_articles(read_inputs(paths, options), store, extractor, n_process=processes,
                             on_progress=lambda _ref: bar.update(1), syndication=index)
    bar.close()
    options.close()
    report.skipped += options.skipped_count
    for source, reason in options.skipped:
        click.echo(f"skipped: {source}: {reason}", err=True)
    for failure in report.failures:
        click.echo(f"error: {failure.source}: {failure.reason}", err=True)
    if link and report.stored:
        from claimgraph.service_claims import link_claims

        linked = link_claims(store)
        report_claims = getattr(linked, "claims", None)
    else:
        report_claims = None
    if json_summary:
        click.echo(json.dumps(report.as_dict()))
    else:
        click.echo(f"read {report.read}, stored {report.stored} ({report.attributions} attributions), "
                   f"duplicate {report.duplicate}, syndicated {report.syndicated}, skipped {report.skipped}, "
                   f"failed {report.failed}" + (f", {report_claims} claims" if report_claims is not None else "")
                   + f"  -> {db}")
    if report.failures:
        sys.exit(EXIT_SOME_FAILED)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@model_option
@learned_option
@outlets_option
@processes_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True)
def extract(paths: tuple[str, ...], model: str, learned: bool, processes: int, fmt: str) -> None:
    """Print every attribution in the articles at PATHS; stores nothing.

    One JSON object per attribution (README "JSON fields"), character offsets into the article's text as read.

    \b
    Example:
      claimgraph extract examples/harbor-bridge.txt --format jsonl | jq .speaker.name
    """
    from claimgraph.ingest import read_inputs

    extractor = _extractor(model, learned)
    failures: list[InputError] = []

    def articles():
        for item in read_inputs(paths):
            if isinstance(item, InputError):
                failures.append(item)
                click.echo(f"error: {item}", err=True)
            else:
                yield item

    for extracted in extractor.extract_many(articles(), n_process=processes):
        rows = [a.to_json(extracted.article.ref) for a in extracted.attributions]
        if fmt == "jsonl":
            for row in rows:
                click.echo(json.dumps(row, ensure_ascii=False))
        else:
            _print_table(_flatten(rows), ["speaker", "cue", "cue_class", "kind", "content"])
    if failures:
        sys.exit(EXIT_SOME_FAILED)


@cli.command()
@db_option
@click.option("--speaker", help="Speaker name (substring, any case) or id.")
@click.option("--article", help="Article id, or a substring of the path/URL it was read from.")
@click.option("--cue-class", type=click.Choice(["assert", "dispute", "confirm", "report", "think", "relay"]))
@click.option("--outlet", help="Publisher, appearance outlet or channel (`via`), substring.")
@click.option("--since", metavar="YYYY-MM-DD", help="Articles published on or after this date.")
@click.option("--until", metavar="YYYY-MM-DD", help="Articles published on or before this date.")
@click.option("--search", help="Words that the content contains.")
@click.option("--limit", type=int, default=None)
@format_option
def attributions(db: str, speaker: str | None, article: str | None, cue_class: str | None, outlet: str | None,
                 since: str | None, until: str | None, search: str | None, limit: int | None, fmt: str) -> None:
    """List stored attributions: who said what, with which cue, in which article.

    \b
    Examples:
      claimgraph attributions --speaker spicer
      claimgraph attributions --cue-class dispute --format jsonl
    """
    store = _store(db)
    rows = store.attributions(speaker=speaker, article=article, cue_class=cue_class, outlet=outlet, since=since,
                              until=until, search=search, limit=limit)
    records = [_stored_json(r) for r in rows]
    _emit(records, fmt, ["speaker", "cue", "cue_class", "kind", "published", "content"])


@cli.command()
@db_option
@click.option("--name", help="Name substring.")
@click.option("--type", "type_", type=click.Choice(["person", "organization", "news_outlet", "anonymous", "unknown"]))
@format_option
def speakers(db: str, name: str | None, type_: str | None, fmt: str) -> None:
    """List speakers, most quoted first, with their role, affiliation and aliases."""
    store = _store(db)
    rows = [{"id": r["id"], "name": r["name"], "type": r["type"], "role": r["role"],
             "affiliation": r["affiliation"], "statements": r["statements"], "aliases": r["aliases"]}
            for r in store.speakers(name=name, type=type_)]
    _emit(rows, fmt, ["name", "type", "role", "affiliation", "statements"])


@cli.command()
@db_option
@model_option
@processes_option
@click.option("--all", "everything", is_flag=True, help="Redo every article, not only those of older versions.")
def reextract(db: str, model: str, processes: int, everything: bool) -> None:
    """Redo the attributions of stored articles after the extractor changed, then regroup claims.

    Articles extracted by the current extractor version are skipped unless --all is given.
    """
    from claimgraph.service import reextract as redo

    store = _store(db)
    bar = _progress(None, "reextract")
    done = redo(store, _extractor(model), everything=everything, n_process=processes,
                on_progress=lambda _ref: bar.update(1))
    bar.close()
    if done:
        from claimgraph.service_claims import link_claims

        link_claims(store)  # voices pointed at the replaced attributions: regroup
    click.echo(f"re-extracted {done} articles")


@cli.command()
@db_option
def status(db: str) -> None:
    """Counts of what the database holds, and inputs that failed."""
    store = _store(db)
    for name, count in store.counts().items():
        click.echo(f"{name:13} {count}")
    for failure in store.failures():
        click.echo(f"failed: {failure['source']}: {failure['reason']} (tries: {failure['attempts']}, "
                   f"last {failure['failed_at']})")


# -- output helpers ----------------------------------------------------------------------------------------------

def _stored_json(row: dict[str, Any]) -> dict[str, Any]:
    speaker = None
    if row.get("speaker_name"):
        speaker = {"name": row["speaker_name"], "type": row["speaker_type"], "role": row["speaker_role"],
                   "affiliation": row["speaker_affiliation"]}
    return {
        "article": row["article_id"], "id": row["id"], "kind": row["kind"], "speaker": speaker,
        "source_span": [row["source_start"], row["source_end"]] if row["source_start"] is not None else None,
        "cue": row["cue"], "cue_span": [row["cue_start"], row["cue_end"]] if row["cue_start"] is not None else None,
        "cue_class": row["cue_class"], "content": row["content"], "content_spans": row["content_spans"],
        "via": row["via"], "parent": row["parent_id"], "flags": row["flags"],
        "sentence": [row["sentence_start"], row["sentence_end"]], "confidence": row["confidence"],
        "method": row["method"], "extractor": row["extractor_version"],
        "publisher": row["publisher"], "published": row["published"], "title": row["title"],
    }


def _flatten(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    flat = []
    for row in rows:
        speaker = row.get("speaker") or {}
        flat.append({**row, "speaker": speaker.get("name") or "", "content": row.get("content") or
                     ("[" + ", ".join(row.get("flags") or []) + "]")})
    return flat


def _emit(rows: list[dict[str, Any]], fmt: str, columns: list[str]) -> None:
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    elif fmt == "csv":
        flat = _flatten(rows)
        writer = csv.DictWriter(sys.stdout, fieldnames=list(flat[0]) if flat else columns, extrasaction="ignore")
        writer.writeheader()
        for row in flat:
            writer.writerow({k: json.dumps(v) if isinstance(v, (list, dict)) else v for k, v in row.items()})
    else:
        _print_table(_flatten(rows), columns)


def _print_table(rows: list[dict[str, Any]], columns: list[str]) -> None:
    if not rows:
        click.echo("(nothing found)")
        return
    widths = {"content": 70, "speaker": 26, "name": 26, "affiliation": 24, "role": 24}
    def cell(value: Any, col: str) -> str:
        text = " ".join(str(value if value is not None else "").split())
        limit = widths.get(col, 16)
        return text if len(text) <= limit else text[:limit - 1] + "…"
    sizes = {c: max(len(c), *(len(cell(r.get(c), c)) for r in rows)) for c in columns}
    click.echo("  ".join(c.upper().ljust(sizes[c]) for c in columns))
    for row in rows:
        click.echo("  ".join(cell(row.get(c), c).ljust(sizes[c]) for c in columns))
