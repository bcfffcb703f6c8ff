"""JSON Lines: one article an object per line, its keys mapped to fields as CSV columns are (see `tabular`).

By default `text` (or `body`, `content`), `title` (`headline`), `url` (`link`), `publisher` (`outlet`,
`source`), `published` (`date`), `author` and `id`; `--columns` maps others.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from claimgraph.errors import InputError
from claimgraph.ingest.decode import decoded_lines
from claimgraph.ingest.limits import MAX_LINE_BYTES, open_regular, too_large
from claimgraph.ingest.tabular import article_from_row, resolve_columns
from claimgraph.records import Article

if TYPE_CHECKING:
    from claimgraph.ingest import ReadOptions


def article_from_record(record: dict, ref: str, columns: Mapping[str, str] | None = None) -> Article:
    """One Article from one JSON object; `columns` is a user mapping (field -> key) over the defaults."""
    return article_from_row(record, resolve_columns(record.keys(), columns), ref)


def read_jsonl_file(path: Path, ref: str, options: ReadOptions | None = None) -> Iterator[Article | InputError]:
    """Streamed a line at a time: a bad line (not JSON, not an object, over 16 MiB) is one error naming FILE:LINE."""
    columns = options.columns if options else None
    empty = True
    with open_regular(path, ref) as stream:
        for lineno, line in decoded_lines(stream, ref):
            where = f"{ref}:{lineno}"
            if line is None:
                empty = False
                yield too_large(where, "line", None, MAX_LINE_BYTES)
                continue
            if not line.strip():
                continue
            empty = False
            yield _line_article(line, where, columns)
    if empty:
        raise InputError(ref, "empty input: no text to read")


def _line_article(line: str, where: str, columns: Mapping[str, str] | None) -> Article | InputError:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(where, f"not valid JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(record, dict):
        return InputError(where, "a JSON Lines article must be an object")
    try:
        return article_from_record(record, where, columns)
    except InputError as exc:
        return exc
