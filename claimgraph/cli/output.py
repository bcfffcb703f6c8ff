"""Printing what strangers wrote without letting it attack the reader.

Article text, titles and file names come from whoever published them. Three rules keep them harmless:
- a table (a terminal) never receives control characters: escape sequences (clear screen, window title, OSC 8
  hyperlinks) and other non-printable characters are removed;
- a message naming a file or URL quotes it when it holds a newline, ESC or another non-printable character, so a
  file name cannot forge a line such as "error: …";
- a CSV cell that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) is
  prefixed with an apostrophe (OWASP's rule for CSV injection).
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterable
from typing import Any

import click

# ESC-introduced sequences: CSI (ESC [ … final), OSC / DCS / APC / PM / SOS strings (ended by BEL or ESC \), and the
# two-character escapes; the 8-bit C1 forms of CSI (0x9b) and OSC (0x9d) the same.
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"
)
_KEEP_FORMAT = {"\u200c", "\u200d"}  # zero-width (non-)joiners shape some scripts and emoji: harmless, keep them
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def strip_controls(text: str) -> str:
    """Text for a terminal: escape sequences removed, whitespace runs (line breaks, tabs) made one space, every other
    non-printable character (C0, C1, bidi overrides) removed."""
    text = _ESCAPES.sub("", text)
    text = " ".join(text.split())
    return "".join(c for c in text if c.isprintable() or c in _KEEP_FORMAT)


def escape_controls(text: str) -> str:
    """Non-printable characters shown as escapes (a newline as \\n, ESC as \\x1b), everything else kept."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def quote_name(name: str) -> str:
    """A file name or URL for a message: as is when it is printable, else quoted with its controls escaped."""
    return name if name.isprintable() else repr(name)


def csv_cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet shows as text: lists and objects as JSON, formula starts neutralised."""
    if isinstance(value, (list, dict)):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_csv(rows: Iterable[dict[str, Any]], fields: list[str], header: bool = True) -> None:
    """Rows as CSV on stdout with a header of `fields` (extra keys ignored), every cell through `csv_cell`."""
    writer = csv.DictWriter(sys.stdout, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
    if header:
        writer.writeheader()
    for row in rows:
        writer.writerow({k: csv_cell(row.get(k)) for k in fields})


def write_jsonl(rows: Iterable[dict[str, Any]]) -> None:
    for row in rows:
        click.echo(json.dumps(row, ensure_ascii=False))


DATE_COLUMNS = {"published", "first_seen", "date"}  # never cut: a clipped date reads as another date
WIDTHS = {"content": 70, "gist": 70, "speaker": 26, "name": 26, "affiliation": 24, "role": 24, "title": 40}


def table_cell(value: Any, column: str) -> str:
    text = strip_controls(str(value if value is not None else ""))
    if column in DATE_COLUMNS:
        return text
    limit = WIDTHS.get(column, 16)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def print_table(rows: list[dict[str, Any]], columns: list[str]) -> None:
    """A fixed-width table on stdout, every cell cleaned of control characters; "(nothing found)" when empty."""
    if not rows:
        click.echo("(nothing found)")
        return
    cells = [{c: table_cell(r.get(c), c) for c in columns} for r in rows]
    sizes = {c: max(len(c), *(len(r[c]) for r in cells)) for c in columns}
    click.echo("  ".join(c.upper().ljust(sizes[c]) for c in columns).rstrip())
    for row in cells:
        click.echo("  ".join(row[c].ljust(sizes[c]) for c in columns).rstrip())
