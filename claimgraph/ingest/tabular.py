"""Tables of articles: CSV files, and the column mapping that CSV and JSON Lines share.

The mapping says which column (CSV) or key (JSON Lines) fills which article field. By default a field takes the
first column whose name, ignoring case, is one of its names below; `--columns text=body,title=headline` maps a
field to a column by name, overriding the defaults for that field.

    field       default column names, first found wins
    text        text, body, content          (required)
    title       title, headline
    url         url, link
    publisher   publisher, outlet, source
    published   published, date
    author      author, byline
    id          id                            (the article's ref; else the url; else FILE:LINE)
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimgraph.errors import InputError
from claimgraph.ingest.decode import decoded_lines
from claimgraph.ingest.limits import MAX_FIELD_CHARS, MAX_LINE_BYTES, open_regular, too_large
from claimgraph.records import Article

if TYPE_CHECKING:
    from claimgraph.ingest import ReadOptions

DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "publisher": ("publisher", "outlet", "source"),
    "published": ("published", "date"),
    "author": ("author", "byline"),
    "id": ("id",),
}

# Articles are long: the csv module's default field limit (128 KiB) would reject a long feature; this one is the
# documented cap (limits.MAX_FIELD_CHARS), so that a runaway field is an error naming its line.
csv.field_size_limit(MAX_FIELD_CHARS)


def parse_columns(spec: str | None) -> dict[str, str]:
    """`"text=body,title=headline"` -> {"text": "body", "title": "headline"}; ValueError with a clear message."""
    mapping: dict[str, str] = {}
    for part in (spec or "").split(","):
        if not part.strip():
            continue
        field, sep, column = part.partition("=")
        field, column = field.strip().lower(), column.strip()
        if not sep or not column:
            raise ValueError(f"bad column mapping {part.strip()!r}: write FIELD=COLUMN, e.g. text=body")
        if field not in DEFAULT_COLUMNS:
            raise ValueError(f"unknown field {field!r} in the column mapping; fields: {', '.join(DEFAULT_COLUMNS)}")
        mapping[field] = column
    return mapping


def resolve_columns(names: Iterable[str], user: Mapping[str, str] | None = None) -> dict[str, str]:
    """Field -> the column that fills it, among `names` (a CSV header or a JSON object's keys)."""
    by_lower: dict[str, str] = {}
    for name in names:
        by_lower.setdefault(str(name).strip().lower(), name)
    resolved: dict[str, str] = {}
    for field, candidates in DEFAULT_COLUMNS.items():
        wanted = (user[field],) if user and field in user else candidates
        for candidate in wanted:
            if candidate.lower() in by_lower:
                resolved[field] = by_lower[candidate.lower()]
                break
    return resolved


def _value(row: Mapping[str, Any], column: str | None) -> str | None:
    if column is None:
        return None
    value = row.get(column)
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    return text.strip() or None


def article_from_row(row: Mapping[str, Any], columns: Mapping[str, str], ref: str) -> Article:
    """One Article from one row or record, through a resolved mapping; the text is kept exactly as given."""
    column = columns.get("text")
    text = row.get(column) if column else None
    if not isinstance(text, str) or not text.strip():
        if column is None:
            raise InputError(ref, "no text column (looked for: text, body, content; map one with --columns "
                                  "text=NAME)")
        raise InputError(ref, f"the text column {column!r} is empty")
    url = _value(row, columns.get("url"))
    return Article(
        ref=_value(row, columns.get("id")) or url or ref,
        text=text,
        title=_value(row, columns.get("title")),
        publisher=_value(row, columns.get("publisher")),
        published=_value(row, columns.get("published")),
        url=url,
        author=_value(row, columns.get("author")),
    )


def read_csv_file(path: Path, ref: str, options: ReadOptions | None = None) -> Iterator[Article | InputError]:
    """Each row an article, streamed; a bad row (no text, more or fewer fields than the header, a field over the
    limit) is one error naming FILE:LINE and the other rows go on. A quote left open, or a physical line over
    16 MiB, ends the file with an error naming the line where the row began (the rows before it were read)."""
    with open_regular(path, ref) as stream:
        lines = _CsvLines(stream, ref)
        # The field limit is process-wide and other code may change it: set the documented cap for each file read.
        csv.field_size_limit(MAX_FIELD_CHARS)
        reader = csv.reader(lines, strict=True)
        header = _header(reader, ref)
        user = options.columns if options else None
        columns = resolve_columns(header, user)
        if "text" not in columns:
            wanted = f"the column {user['text']!r}" if user and "text" in user else "a text, body or content column"
            raise InputError(ref, f"no text column: looked for {wanted} among {', '.join(header) or '(no header)'}; "
                                  "map one with --columns text=NAME")
        yield from _rows(reader, lines, header, columns, ref)


class _CsvLines:
    """The decoded lines the csv module reads; remembers the line a row starts on, stops at an over-long line."""

    def __init__(self, stream, ref: str):
        self._lines = decoded_lines(stream, ref)
        self.ref = ref
        self.number = 0

    def __iter__(self) -> _CsvLines:
        return self

    def __next__(self) -> str:
        self.number, line = next(self._lines)
        if line is None:
            raise too_large(f"{self.ref}:{self.number}", "line", None, MAX_LINE_BYTES)
        return line


def _header(reader, ref: str) -> list[str]:
    try:
        return next(reader, [])
    except csv.Error as exc:
        raise InputError(f"{ref}:1", f"malformed CSV header ({exc})") from None


def _rows(reader, lines: _CsvLines, header: list[str], columns: dict[str, str],
          ref: str) -> Iterator[Article | InputError]:
    while True:
        start = lines.number + 1  # a row with line breaks in a field spans lines: name the line it starts on
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "end of data" in str(exc):
                yield InputError(f"{ref}:{start}", "malformed CSV (a quoted field is never closed: the rest of "
                                                   "the file would be one field); the rows before it were read")
                return
            if "field larger" in str(exc):  # the reader stopped inside the field: what follows cannot be trusted
                yield InputError(f"{ref}:{start}", f"a CSV field longer than {MAX_FIELD_CHARS:,} characters (the "
                                                   "limit); the rows before it were read")
                return
            end = lines.number
            span = f"line {start}" if end <= start else f"lines {start}-{end}"
            yield InputError(f"{ref}:{start}", f"malformed CSV ({exc}); {span} not read (a quote left open swallows "
                                               "the lines after it)")
            continue
        if not values:
            continue
        where = f"{ref}:{start}"
        if len(values) != len(header):
            yield InputError(where, f"the row has {len(values)} fields, the header {len(header)} (a stray quote "
                                    "or separator?)")
            continue
        try:
            yield article_from_row(dict(zip(header, values)), columns, where)
        except InputError as exc:
            yield exc
