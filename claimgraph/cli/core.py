"""Core commands: ingest, extract, attributions, speakers, reextract, status. Argument handling over the library.

Only click and the CLI's own helpers are imported at module level; the pipeline, the store and the readers are
imported inside the commands that use them, so that `claimgraph --help` answers at once.
"""

from __future__ import annotations

import gc
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import PurePath
from typing import Any

import click

from claimgraph.cli import cli
from claimgraph.cli.options import (
    CUE_CLASSES,
    SPEAKER_TYPES,
    date_option,
    db_option,
    fetch_options,
    format_option,
    learned_option,
    limit_option,
    model_option,
    open_store,
    processes_option,
    speech_only_option,
    syndication_threshold_option,
    tagger_gate_option,
)
from claimgraph.cli.output import escape_controls, print_table, quote_name, write_csv, write_jsonl
from claimgraph.cli.progress import Heartbeat, Progress
from claimgraph.deadline import DEFAULT_ARTICLE_TIMEOUT

EXIT_SOME_FAILED = 1
SHOW_UNSUPPORTED = 10  # names of unsupported files printed before "… and N more"


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


article_timeout_option = click.option(
    "--article-timeout", type=click.FloatRange(min=0), default=DEFAULT_ARTICLE_TIMEOUT, show_default=True,
    metavar="SECONDS",
    envvar="CLAIMGRAPH_ARTICLE_TIMEOUT",
    help="Seconds the extraction of one article may take; past it the article fails (ExtractionTimeout), named, "
         "and the rest goes on. 0: no limit.")


# Python's cyclic collector runs every 700 new objects and, every tenth and hundredth time, walks all the older
# ones again: while `extract` imports spaCy and loads the pipeline (a few hundred thousand objects that live as long
# as the process) that is about 0.3 s of a 150-article run (the same in a plain `spacy.load`). So the first load of
# a process holds the collector off and then leaves what it made out of later passes (gc.freeze); the objects stay
# as they are (nothing is freed early or changed, only not walked), and a load cycle's garbage, if any, is kept.
HOLD_THRESHOLD = 1_000_000
_held_once = False


@contextmanager
def _long_lived() -> Iterator[None]:
    """Objects made inside live as long as the process: the cyclic collector waits, then leaves them out (once per
    process; later calls, as in tests that run many commands in one process, change nothing)."""
    global _held_once
    if _held_once:
        yield
        return
    _held_once = True
    old = gc.get_threshold()
    gc.set_threshold(HOLD_THRESHOLD, *old[1:])
    try:
        yield
    finally:
        gc.freeze()
        gc.set_threshold(*old)


def _extractor(model: str, learned: bool = True, speech_only: bool = False, gate: str | None = None,
               article_timeout: float | None = None):
    """The Extractor; a pipeline that cannot be loaded is one clear error."""
    from claimgraph.errors import ClaimgraphError
    from claimgraph.pipeline import Extractor

    timeout = DEFAULT_ARTICLE_TIMEOUT if article_timeout is None else article_timeout
    try:
        return Extractor(model=model, learned=learned, speech_only=speech_only, gate=gate, article_timeout=timeout)
    except ClaimgraphError as exc:
        raise click.ClickException(escape_controls(str(exc))) from exc


def echo_failure(source: str, reason: str, prefix: str = "error") -> None:
    """One failure on stderr as it happens, its input quoted when the name holds control characters."""
    click.echo(f"{prefix}: {quote_name(str(source))}: {escape_controls(str(reason))}", err=True)


class FailurePrinter:
    """Prints each failure once, when it happens (read errors as they pass, store errors through the service's
    `on_failure`), and at the end those the library reported only in its report."""

    def __init__(self) -> None:
        self.printed: set[tuple[str, str]] = set()

    def __call__(self, failure: Any, reason: str | None = None) -> None:
        source, why = (failure, reason) if reason is not None else (failure.source, failure.reason)
        if (str(source), str(why)) not in self.printed:
            self.printed.add((str(source), str(why)))
            echo_failure(source, why)

    def watch(self, items: Iterable[Any]) -> Iterator[Any]:
        from claimgraph.errors import InputError

        for item in items:
            if isinstance(item, InputError):
                self(item.source, item.reason)
            yield item


def _echo_unsupported(names: list[str]) -> None:
    if not names:
        return
    kinds = Counter(PurePath(n).suffix.lower() or "(no suffix)" for n in names)
    click.echo(f"unsupported: {len(names)} file(s) of a type claimgraph does not read ("
               + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) + ")", err=True)
    for name in names[:SHOW_UNSUPPORTED]:
        click.echo(f"unsupported: {quote_name(name)}", err=True)
    if len(names) > SHOW_UNSUPPORTED:
        click.echo(f"unsupported: … and {len(names) - SHOW_UNSUPPORTED} more", err=True)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option(reads_only=False)
@model_option
@learned_option
@tagger_gate_option
@outlets_option
@processes_option
@article_timeout_option
@click.option("--syndication/--no-syndication", default=True, show_default=True,
              help="Store near-duplicate copies (wire stories on several sites) as appearances of one story.")
@syndication_threshold_option
@click.option("--columns", metavar="FIELD=COLUMN,…",
              help="Column mapping for CSV and JSON Lines, e.g. text=body,title=headline (README: Inputs).")
@fetch_options
@click.option("--fetch/--no-fetch", "fetch_links", default=True, show_default=True,
              help="Fetch each feed entry's page (--no-fetch: store the entry's own content, marked feed-summary).")
@click.option("--link-claims/--no-link-claims", "link", default=True, show_default=True,
              help="Regroup the database's statements into claims after storing (see `claimgraph link-claims`).")
@click.option("--json-summary", is_flag=True, help="Print the end-of-run summary as one JSON object.")
def ingest(paths: tuple[str, ...], db: str, model: str, learned: bool, gate: str | None, processes: int,
           article_timeout: float, syndication: bool,
           syndication_threshold: float | None, columns: str | None, allow_private: bool, allow_hosts: tuple[str, ...],
           url_deadline: float, fetch_links: bool, link: bool, json_summary: bool) -> None:
    """Read articles, find their attributions, and store them.

    PATHS are files, folders (read recursively) or http(s) URLs: .txt, .jsonl, .csv, .html, feeds, WARC (README:
    Inputs). Ingesting the same input twice changes nothing; each bad input is named on stderr as it happens and
    the rest goes on (exit 1 when any failed). Files of a type claimgraph does not read are counted and named.

    \b
    Examples:
      claimgraph ingest examples/
      claimgraph ingest --db news.db feed-dump.jsonl articles/
      CLAIMGRAPH_DB=news.db claimgraph ingest --syndication-threshold 0.8 wire/
    """
    from claimgraph.ingest import ReadOptions, read_inputs
    from claimgraph.ingest.tabular import parse_columns

    try:
        options = ReadOptions(columns=parse_columns(columns) or None, allow_private=allow_private,
                              allow_hosts=allow_hosts, url_deadline=url_deadline, fetch_links=fetch_links)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--columns") from exc
    store = open_store(db)
    extractor = _extractor(model, learned, gate=gate, article_timeout=article_timeout)
    index = None
    if syndication:
        from claimgraph.ingest.syndication import SyndicationIndex

        kwargs = {"threshold": syndication_threshold} if syndication_threshold is not None else {}
        index = SyndicationIndex.load(store, **kwargs)
    failures = FailurePrinter()
    report = _run_ingest(failures.watch(read_inputs(paths, options)), store, extractor, processes, index, failures)
    options.close()
    report.skipped += options.skipped_count
    for source, reason in options.skipped:
        echo_failure(source, reason, prefix="skipped")
    for source, reason in options.warnings:  # read, but not cleanly (a malformed feed that still gave entries)
        echo_failure(source, reason, prefix="warning")
    for failure in report.failures:
        failures(failure)  # those the library did not report as they happened
    unsupported = list(options.unsupported)
    _echo_unsupported(unsupported)
    relink = link and (report.stored or _claims_stale(store))
    claims = _link_after_ingest(store) if relink else None
    _print_ingest_summary(report, unsupported, claims, db, json_summary)
    if report.failures or (relink and claims is None):
        sys.exit(EXIT_SOME_FAILED)


def _print_ingest_summary(report: Any, unsupported: list[str], claims: int | None, db: str, as_json: bool) -> None:
    """The run's one summary line on stdout (or one JSON object)."""
    if as_json:
        click.echo(json.dumps({**report.as_dict(), "unsupported": unsupported}, ensure_ascii=False))
        return
    click.echo(f"read {report.read}, stored {report.stored} ({report.attributions} attributions), "
               f"duplicate {report.duplicate}, syndicated {report.syndicated}"
               # A copy's own statements are stored too (with its appearance): say so, or the line undercounts.
               + (f" (+{report.copy_statements} attributions only a copy carries)" if report.copy_statements else "")
               + f", skipped {report.skipped}, "
               f"unsupported {len(unsupported)}, failed {report.failed}"
               + (f", {claims} claims" if claims is not None else "")
               + (f"; {report.not_english} not English, stored without attributions"
                  if getattr(report, "not_english", 0) else "") + f"  -> {quote_name(db)}")


def _run_ingest(items: Iterable[Any], store: Any, extractor: Any, processes: int, index: Any,
                failures: FailurePrinter) -> Any:
    from claimgraph.service import ingest_articles

    with Progress("ingest", "inputs") as progress:
        return ingest_articles(items, store, extractor, n_process=processes, syndication=index,
                               on_progress=lambda _ref: progress.update(), on_failure=failures)


def _link_after_ingest(store: Any) -> int | None:
    """Regroup claims (clearing the store's "claims stale" mark); a failure is named and left for the next run,
    which finds the mark still set and links again. None when linking failed."""
    from claimgraph.errors import ClaimgraphError
    from claimgraph.service import relink_claims

    try:
        with Heartbeat("link-claims"):
            linked = relink_claims(store)
    except ClaimgraphError as exc:
        echo_failure("link-claims", f"{exc} (claims stay marked out of date; `claimgraph link-claims` retries)")
        return None
    return getattr(linked, "claims", None)


def _claims_stale(store: Any) -> bool:
    """A run killed between storing and linking (or a reextract) left claims to relink: this run does it."""
    from claimgraph.service import claims_stale

    return claims_stale(store)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@model_option
@learned_option
@tagger_gate_option
@outlets_option
@processes_option
@article_timeout_option
@speech_only_option
@format_option(("jsonl", "table", "csv"), default="jsonl")
def extract(paths: tuple[str, ...], model: str, learned: bool, gate: str | None, processes: int,
            article_timeout: float, speech_only: bool, fmt: str) -> None:
    """Print every attribution in the articles at PATHS; stores nothing.

    One JSON object per attribution (README "JSON fields"), character offsets into the article's text as read.

    \b
    Examples:
      claimgraph extract examples/harbor-bridge.txt --format jsonl | jq .speaker.name
      claimgraph extract article.html --speech-only --format table
    """
    with _long_lived():
        from claimgraph.ingest import ReadOptions, read_inputs
        from claimgraph.service import BrokenArticle, describe, extract_safely

        extractor = _extractor(model, learned, speech_only, gate, article_timeout)
    options = ReadOptions()
    failures = FailurePrinter()
    articles = (item for item in failures.watch(read_inputs(paths, options)) if not _is_error(item))
    columns = ["speaker", "cue", "cue_class", "kind", "content"]
    csv_fields: list[str] = []
    for extracted in extract_safely(extractor, articles, n_process=processes):
        if isinstance(extracted, BrokenArticle):  # this article's extraction raised: named, the rest goes on
            failures(extracted.article.ref, describe(extracted.error))
            continue
        if extracted.skipped_language:
            click.echo(f"note: {quote_name(extracted.article.ref)}: written in {extracted.language!r}, not extracted "
                       f"with the {extractor.nlp.lang!r} pipeline (--model names a pipeline for that language)",
                       err=True)
        rows = [a.to_json(extracted.article.ref) for a in extracted.attributions]
        if fmt == "csv" and rows:
            header = not csv_fields
            csv_fields = csv_fields or list(flatten(rows)[0])
            write_csv(flatten(rows), csv_fields, header=header)
        elif fmt != "csv":
            _emit(rows, fmt, columns)
    options.close()
    for source, reason in options.skipped:
        echo_failure(source, reason, prefix="skipped")
    _echo_unsupported(list(options.unsupported))
    if failures.printed:
        sys.exit(EXIT_SOME_FAILED)


def _is_error(item: Any) -> bool:
    from claimgraph.errors import InputError

    return isinstance(item, InputError)


@cli.command()
@db_option(reads_only=True)
@click.option("--speaker", help="Speaker id, or name: whole words first (\"spicer\"), else any part of it.")
@click.option("--article", help="Article id, or part of the path or URL it was read from.")
@click.option("--cue-class", type=click.Choice(CUE_CLASSES), help="Only this class of cue (README: Cue classes).")
@click.option("--outlet", help="Publisher, appearance outlet or channel (`via`), any part of it.")
@date_option("--since", "Articles published on or after this date.")
@date_option("--until", "Articles published on or before this date.")
@click.option("--search", help="Words that the content contains.")
@speech_only_option
@limit_option
@format_option()
def attributions(db: str, speaker: str | None, article: str | None, cue_class: str | None, outlet: str | None,
                 since: str | None, until: str | None, search: str | None, speech_only: bool, limit: int | None,
                 fmt: str) -> None:
    """List stored attributions: who said what, with which cue, in which article.

    Newest articles first, then in reading order. Text filters match any case; % and _ are plain characters.

    \b
    Examples:
      claimgraph attributions --speaker spicer
      claimgraph attributions --cue-class dispute --since 2017-01-01 --format jsonl
      claimgraph attributions --speech-only --format csv > said.csv
    """
    with open_store(db) as store:
        rows = store.attributions(speaker=speaker, article=article, cue_class=cue_class, outlet=outlet,
                                  since=since, until=until, search=search, limit=limit, speech_only=speech_only)
    _emit([stored_json(r) for r in rows], fmt, ["speaker", "cue", "cue_class", "kind", "published", "content"])


@cli.command()
@db_option(reads_only=True)
@click.option("--name", help="Speaker name: whole words first, else any part of it.")
@click.option("--type", "type_", type=click.Choice(SPEAKER_TYPES), help="Only speakers of this type.")
@speech_only_option
@limit_option
@format_option()
def speakers(db: str, name: str | None, type_: str | None, speech_only: bool, limit: int | None, fmt: str) -> None:
    """List speakers, most quoted first, with their role, affiliation and aliases.

    \b
    Examples:
      claimgraph speakers --limit 20
      claimgraph speakers --type organization --format csv > organisations.csv
      claimgraph speakers --name pahon --format jsonl | jq .aliases
    """
    with open_store(db) as store:
        found = store.speakers(name=name, type=type_, limit=limit, speech_only=speech_only)
    rows = [{"id": r["id"], "name": r["name"], "type": r["type"], "role": r["role"],
             "affiliation": r["affiliation"], "statements": r["statements"], "aliases": r["aliases"]}
            for r in found]
    _emit(rows, fmt, ["name", "type", "role", "affiliation", "statements"])


@cli.command()
@db_option(reads_only=True)
@model_option
@learned_option
@tagger_gate_option
@processes_option
@article_timeout_option
@click.option("--all", "everything", is_flag=True, help="Redo every article, not only those of older versions.")
def reextract(db: str, model: str, learned: bool, gate: str | None, processes: int, article_timeout: float,
              everything: bool) -> None:
    """Redo the attributions of stored articles after the extractor changed, then regroup claims.

    Articles extracted by the current extractor version are skipped unless --all is given.

    \b
    Examples:
      claimgraph reextract                 # after upgrading claimgraph
      claimgraph reextract --all -p 4      # redo everything on 4 cores
    """
    from claimgraph.service import reextract as redo

    store = open_store(db)
    extractor = _extractor(model, learned, gate=gate, article_timeout=article_timeout)
    failures = FailurePrinter()
    with Progress("reextract") as progress:
        done = redo(store, extractor, everything=everything, n_process=processes,
                    on_progress=lambda _ref: progress.update(), on_failure=failures)
    linked = True
    if done or _claims_stale(store):
        linked = _link_after_ingest(store) is not None  # voices pointed at the replaced attributions: regroup
    store.close()
    click.echo(f"re-extracted {done} articles" + (f", failed {len(failures.printed)}" if failures.printed else ""))
    if failures.printed or not linked:
        sys.exit(EXIT_SOME_FAILED)


@cli.command()
@db_option(reads_only=True)
@format_option(("text", "json"), default="text")
def status(db: str, fmt: str) -> None:
    """Counts of what the database holds, and the inputs that failed.

    `--format json` prints one object: the counts (articles, appearances, attributions, speakers, claims,
    failures), `claims_stale` (statements changed since claims were last grouped: run `link-claims`) and
    `failed_inputs`, each with its source, reason, tries and time.

    \b
    Examples:
      claimgraph status --db news.db
      claimgraph status --format json | jq .attributions
    """
    with open_store(db) as store:
        counts = store.counts()
        failed = store.failures()
        stale = _claims_stale(store)
    if fmt == "json":
        click.echo(json.dumps({**counts, "claims_stale": stale, "failed_inputs": failed}, ensure_ascii=False,
                              default=str))
        return
    for name, count in counts.items():
        click.echo(f"{name:13} {count}" + (" (out of date: run `claimgraph link-claims`)"
                                            if name == "claims" and stale else ""))
    for failure in failed:
        click.echo(f"failed: {quote_name(str(failure['source']))}: {escape_controls(str(failure['reason']))} "
                   f"(tries: {failure['attempts']}, last {failure['failed_at']})")


# -- output helpers ----------------------------------------------------------------------------------------------

def stored_json(row: dict[str, Any]) -> dict[str, Any]:
    """A stored attribution row as the `extract` JSON contract, with its article's publisher, date and title."""
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


def flatten(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows for a table or CSV: the speaker as its name, missing content as its flags in brackets."""
    flat = []
    for row in rows:
        speaker = row.get("speaker") if isinstance(row.get("speaker"), dict) else None
        flat.append({**row, **({"speaker": (speaker or {}).get("name") or ""} if speaker or "speaker" in row else {}),
                     **({"content": row.get("content") or "[" + ", ".join(row.get("flags") or []) + "]"}
                        if "content" in row else {})})
    return flat


def _emit(rows: list[dict[str, Any]], fmt: str, columns: list[str]) -> None:
    if fmt == "jsonl":
        write_jsonl(rows)
    elif fmt == "csv":
        flat = flatten(rows)
        write_csv(flat, list(flat[0]) if flat else columns)
    else:
        print_table(flatten(rows), columns)
