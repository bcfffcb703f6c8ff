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
import io
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimgraph.errors import InputError
from claimgraph.ingest.decode import decode_text
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

# Articles are long: the csv module's default field limit (128 KiB) would reject a long feature as an error.
csv.field_size_limit(2**31 - 1)


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


def read_csv_file(path: Path, ref: str, options: "ReadOptions | None" = None) -> Iterator[Article | InputError]:
    """Each row an article; a row without text is one error naming FILE:LINE, and the other rows go on."""
    text, _ = decode_text(path.read_bytes(), ref)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    user = options.columns if options else None
    columns = resolve_columns(header, user)
    if "text" not in columns:
        wanted = f"the column {user['text']!r}" if user and "text" in user else "a text, body or content column"
        raise InputError(ref, f"no text column: looked for {wanted} among {', '.join(header) or '(no header)'}; "
                              "map one with --columns text=NAME")
    start = reader.line_num + 1  # rows with line breaks in a field span lines: name the line a row starts on
    try:
        for row in reader:
            where = f"{ref}:{start}"
            start = reader.line_num + 1
            try:
                yield article_from_row(row, columns, where)
            except InputError as exc:
                yield exc
    except csv.Error as exc:
        yield InputError(f"{ref}:{start}", f"malformed CSV ({exc}); the rows before it were read")
