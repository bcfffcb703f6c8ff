"""`claimgraph watch FEED…`: poll feeds at an interval and ingest what is new; resumes where it left off."""

from __future__ import annotations

import time

import click

from claimgraph.cli import cli
from claimgraph.cli.core import FailurePrinter
from claimgraph.cli.options import (
    db_option,
    fetch_options,
    learned_option,
    model_option,
    open_store,
    syndication_threshold_option,
)
from claimgraph.cli.output import quote_name


def _print_report(report, poll: int, failures: FailurePrinter) -> None:
    """One summary line per poll on stdout; each failure not yet printed as it happened, on stderr."""
    for failure in report.failures:
        failures(failure)
    counts = report.as_dict()
    line = ", ".join(f"{counts[k]} {k}" for k in ("read", "stored", "duplicate", "syndicated", "skipped", "failed"))
    click.echo(f"poll {poll}: {line}; {report.attributions} attributions")


@cli.command()
@click.argument("feeds", nargs=-1, required=True)
@db_option(reads_only=False)
@model_option
@learned_option
@click.option("--interval", type=click.FloatRange(min=0), default=900, show_default=True,
              help="Seconds between polls.")
@click.option("--once", is_flag=True, help="Poll once and stop (for cron).")
@click.option("--max-polls", type=click.IntRange(min=1), help="Stop after N polls.")
@click.option("--delay", type=click.FloatRange(min=0), default=1.0, show_default=True,
              help="Seconds between two requests to the same host.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=10.0, show_default=True,
              help="Seconds before a request is given up (it is retried twice).")
@fetch_options
@syndication_threshold_option
@click.option("--syndication/--no-syndication", default=True, show_default=True,
              help="Store near-duplicate copies (wire stories on several sites) as appearances of one story.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
def watch(feeds: tuple[str, ...], db: str, model: str, learned: bool, interval: float, once: bool,
          max_polls: int | None, delay: float, timeout: float, allow_private: bool, allow_hosts: tuple[str, ...],
          url_deadline: float, syndication_threshold: float | None, syndication: bool,
          progress: bool | None) -> None:
    """Poll RSS or Atom FEEDS (URLs) and ingest each new entry's article.

    Each entry's linked page is fetched and extracted (its own content is used when the page cannot be had).
    Feeds are asked conditionally (ETag, If-Modified-Since); entries already stored are not fetched again, and
    the state lives in the database, so a stopped `watch` resumes where it left off. Stop it with Ctrl-C.

    \b
    Examples:
      claimgraph watch https://news.example/rss.xml --interval 600
      claimgraph watch https://news.example/atom.xml --once      # from cron
    """
    from claimgraph.errors import ClaimgraphError
    from claimgraph.ingest.fetch import Fetcher, is_url
    from claimgraph.ingest.syndication import SyndicationIndex
    from claimgraph.pipeline import Extractor

    bad = [f for f in feeds if not is_url(f)]
    if bad:
        raise click.BadParameter(f"{quote_name(bad[0])} is not an http(s) URL (to read a saved feed file, use "
                                 "`ingest`)", param_hint="FEEDS")
    polls = 1 if once else max_polls
    store = open_store(db)
    try:
        extractor = Extractor(model=model, learned=learned)
        threshold = {"threshold": syndication_threshold} if syndication_threshold is not None else {}
        index = SyndicationIndex.load(store, **threshold) if syndication else None
    except ClaimgraphError as exc:
        raise click.ClickException(str(exc)) from exc
    fetcher = Fetcher(timeout=timeout, delay=delay, allow_private=allow_private, allow_hosts=allow_hosts,
                      deadline=url_deadline)
    try:
        failed = _poll(store, feeds, extractor, fetcher, index, polls, interval, progress)
    except ClaimgraphError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        fetcher.close()
        store.close()
    if failed:
        raise SystemExit(1)


def _poll(store, feeds, extractor, fetcher, syndication, polls: int | None, interval: float,
          progress: bool | None) -> int:
    """Poll until `polls` are done (forever when None) or Ctrl-C; returns how many inputs failed in all."""
    from tqdm import tqdm

    from claimgraph.service import watch_once

    failed = poll = 0
    try:
        while polls is None or poll < polls:
            poll += 1
            with tqdm(desc=f"poll {poll}", unit=" entries", disable=None if progress is None else not progress,
                      leave=False) as bar:
                failures = FailurePrinter()  # one per poll: a feed failing again is named again
                report = watch_once(store, feeds, extractor, fetcher, syndication,
                                    on_progress=lambda _ref: bar.update(), on_failure=failures)
            failed += report.failed
            _print_report(report, poll, failures)
            if polls is None or poll < polls:
                time.sleep(interval)
    except KeyboardInterrupt:
        click.echo(f"stopped after {poll} poll(s); the next `watch` resumes from here", err=True)
    return failed
