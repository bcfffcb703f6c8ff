"""Commands of the web layer: serve, token create/list/revoke, corrections export.

FastAPI and uvicorn (the `[web]` extra) are imported inside `serve`, so `claimgraph --help` stays fast and the
token and export commands work without them.
"""

from __future__ import annotations

import errno
import json

import click

from claimgraph.cli import cli
from claimgraph.cli.options import db_option as checked_db_option
from claimgraph.errors import StoreError

# `serve` and `token create` take --db as given (a SQLite file is created if absent; a bad one fails when opened).
db_option = click.option("--db", "db", default="claimgraph.db", show_default=True, metavar="PATH|URL",
                         envvar="CLAIMGRAPH_DB", show_envvar=True,
                         help="SQLite file (created if absent) or a database URL such as postgresql+psycopg://…")
# Commands that only read refuse a database that does not exist (a mistyped --db), as every reading command does.
reading_db_option = checked_db_option(reads_only=True)


def _store(db: str):
    from claimgraph.store import Store

    try:
        return Store.open(db)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


def _check_listen(host: str, port: int) -> None:
    """A usage error (exit 2) naming the address when serve could not listen there (a port another server holds),
    before anything is opened or announced; bound as uvicorn binds (SO_REUSEADDR), then released for it."""
    import socket

    if port == 0:
        return
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((host, port))
    except OSError as exc:
        from claimgraph.cli.output import quote_name

        reason = "in use (another server?): stop it or choose another --port" if exc.errno == errno.EADDRINUSE \
            else f"not possible ({exc.strerror or exc})"
        raise click.BadParameter(f"listening on {quote_name(host)}:{port} is {reason}", param_hint="'--host' / "
                                 "'--port'") from exc


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: every one).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--private", is_flag=True, help="Reading needs a token too (by default reads are open).")
@click.option("--allow-private", is_flag=True,
              help="Let ingest by URL fetch loopback, private and link-local addresses (refused by default).")
@click.option("--writes-per-minute", default=30, show_default=True, type=click.IntRange(1),
              help="Corrections accepted per token per minute (counted in each worker process).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Server processes (each with its own connections); more serve more clients at once.")
def serve(db: str, host: str, port: int, private: bool, allow_private: bool, writes_per_minute: int,
          workers: int) -> None:
    """Serve the ledger: web pages and the JSON API (/api/v1, /openapi.json).

    Reads are open unless --private; corrections need a token (`claimgraph token create NAME`).

    \b
    Examples:
      claimgraph serve                          # http://127.0.0.1:8000/
      claimgraph serve --db postgresql+psycopg://news@db/claimgraph --host 0.0.0.0 --private
    """
    try:
        import uvicorn

        from claimgraph.web.app import create_app
    except ModuleNotFoundError as exc:
        raise click.ClickException(f"{exc.name} is missing: pip install 'claimgraph[web]'") from exc
    from pathlib import Path

    from claimgraph.cli.options import sqlite_file

    _check_listen(host, port)
    from claimgraph.cli.output import quote_name

    file = sqlite_file(db)
    if file is not None and not Path(file).exists():   # a mistyped --db would otherwise serve an empty ledger silently
        click.echo(f"claimgraph: no database at {quote_name(file)}: created an empty one, so the pages will be empty "
                   f"(ingest into it, or check --db and $CLAIMGRAPH_DB)", err=True)
    store = _store(db)
    from claimgraph.store.search import refresh_index

    refresh_index(store)
    settings = {"private": private, "allow_private": allow_private, "writes_per_minute": writes_per_minute}
    click.echo(f"claimgraph: serving {db} on http://{host}:{port}/ (JSON under /api/v1, Ctrl-C stops)", err=True)
    if workers == 1:
        uvicorn.run(create_app(store, **settings), host=host, port=port, log_level="warning")
        return
    import os

    store.close()   # each worker process opens its own (uvicorn starts them from an import string)
    os.environ["CLAIMGRAPH_SERVE"] = json.dumps({"db": db, **settings})
    uvicorn.run("claimgraph.web.app:app_from_environment", factory=True, host=host, port=port, workers=workers,
                log_level="warning")


@cli.group()
def token() -> None:
    """API tokens: what writing (corrections) and reading a --private server need.

    \b
    Example:
      claimgraph token create desk-editor && claimgraph token list
    """


@token.command("create")
@db_option
@click.argument("name")
def token_create(db: str, name: str) -> None:
    """Create a token for NAME and print it (shown once; only a hash is stored).

    \b
    Example:
      claimgraph token create desk-editor
    """
    from claimgraph.web.tokens import create_token

    click.echo(create_token(_store(db), name))


@token.command("list")
@reading_db_option
def token_list(db: str) -> None:
    """List tokens (ids and names; secrets are never stored).

    \b
    Example:
      claimgraph token list --db news.db
    """
    from claimgraph.store.corrections import list_tokens

    for row in list_tokens(_store(db)):
        state = f"revoked {row['revoked_at']}" if row["revoked_at"] else "active"
        click.echo(f"{row['id']}  {row['name']}  created {row['created_at']}  {state}")


@token.command("revoke")
@reading_db_option
@click.argument("token_id")
def token_revoke(db: str, token_id: str) -> None:
    """Revoke a token by its id (the 12 characters after `cg_`).

    \b
    Example:
      claimgraph token revoke 3f9a1c07b2de
    """
    from claimgraph.store.corrections import revoke_token

    if not revoke_token(_store(db), token_id):
        raise click.ClickException(f"no active token {token_id}")
    click.echo(f"revoked {token_id}")


@cli.group()
def corrections() -> None:
    """Corrections people made through the web pages or the API.

    \b
    Example:
      claimgraph corrections export --out corrections.jsonl
    """


@corrections.command("export")
@reading_db_option
@click.option("--out", type=click.File("w", encoding="utf-8"), default="-", show_default=True,
              help="The JSONL file to write.")
def corrections_export(db: str, out) -> None:
    """Write every corrected attribution as training data: one JSONL-contract object a line, corrected values
    in place, with `wrong`, `stance`, `claim` and the full `corrections` history (who, when, before, after).

    \b
    Example:
      claimgraph corrections export --out corrections.jsonl
    """
    from claimgraph.web.export import corrected_attributions

    count = 0
    for record in corrected_attributions(_store(db)):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    click.echo(f"{count} corrected attributions", err=True)
