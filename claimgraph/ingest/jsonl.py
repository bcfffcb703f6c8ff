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
from claimgraph.ingest.decode import decode_text
from claimgraph.ingest.tabular import article_from_row, resolve_columns
from claimgraph.records import Article

if TYPE_CHECKING:
    from claimgraph.ingest import ReadOptions


def article_from_record(record: dict, ref: str, columns: Mapping[str, str] | None = None) -> Article:
    """One Article from one JSON object; `columns` is a user mapping (field -> key) over the defaults."""
    return article_from_row(record, resolve_columns(record.keys(), columns), ref)


def read_jsonl_file(path: Path, ref: str, options: "ReadOptions | None" = None) -> Iterator[Article | InputError]:
    text, _ = decode_text(path.read_bytes(), ref)
    columns = options.columns if options else None
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{ref}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(record, dict):
            yield InputError(where, "a JSON Lines article must be an object")
            continue
        try:
            yield article_from_record(record, where, columns)
        except InputError as exc:
            yield exc
