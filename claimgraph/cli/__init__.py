"""The command line: each command a few lines over the library. Command groups live one module each."""

from __future__ import annotations

import click

from claimgraph import __version__
from claimgraph.errors import ClaimgraphError


class CommandLine(click.Group):
    """The root group: an error the library raises on purpose (a store that cannot be written, a model that cannot
    be loaded) ends any command as one "Error: …" line with exit status 1, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ClaimgraphError as exc:
            from claimgraph.cli.output import escape_controls

            raise click.ClickException(escape_controls(str(exc))) from exc


@click.group(cls=CommandLine, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="claimgraph")
def cli() -> None:
    """Who said it, who disputes it, and how it reached us.

    claimgraph reads news articles, finds every attributed statement (direct and reported speech, "according
    to", nested chains of outlets), resolves the speakers, and keeps them in a database you can query.

    \b
    Quick start:
      claimgraph ingest examples/            # read articles into ./claimgraph.db
      claimgraph attributions                # who said what
      claimgraph claims                      # who asserts and who disputes each claim
      claimgraph extract article.txt --format jsonl   # no database, JSON Lines out
    """


def _register() -> None:
    # Each module adds its commands to `cli`; imported here so `claimgraph --help` lists them all.
    import importlib

    for name in ("core", "eval", "stance", "claims", "watch", "serve", "spark"):
        try:
            importlib.import_module(f"claimgraph.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"claimgraph.cli.{name}":
                raise


_register()


def main() -> None:
    cli()
