"""Shared CLI options agree with the library defaults they restate."""
from __future__ import annotations

from click.testing import CliRunner

from claimgraph.cli import cli
from claimgraph.cli.options import URL_DEADLINE
from claimgraph.ingest.fetch import DEFAULT_DEADLINE


def test_url_deadline_default_is_the_fetchers():
    assert URL_DEADLINE == DEFAULT_DEADLINE


def test_ingest_and_watch_offer_the_same_fetch_and_syndication_options():
    runner = CliRunner()
    for command in ("ingest", "watch"):
        shown = runner.invoke(cli, [command, "--help"]).output
        for flag in ("--allow-private", "--allow-host", "--url-deadline", "--syndication / --no-syndication"):
            assert flag in shown, (command, flag)
