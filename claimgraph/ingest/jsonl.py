"""JSON Lines: one article an object with `id`, `url`, `title`, `publisher`, `published`, `text`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from claimgraph.errors import InputError
from claimgraph.ingest.decode import decode_text
from claimgraph.records import Article


def article_from_record(record: dict, ref: str) -> Article:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(ref, "no `text` field, or it is empty")
    return Article(
        ref=str(record.get("id") or record.get("url") or ref),
        text=text,
        title=record.get("title"),
        publisher=record.get("publisher") or record.get("outlet"),
        published=record.get("published") or record.get("date"),
        url=record.get("url"),
        author=record.get("author"),
    )


def read_jsonl_file(path: Path, ref: str) -> Iterator[Article | InputError]:
    text, _ = decode_text(path.read_bytes(), ref)
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
            yield article_from_record(record, where)
        except InputError as exc:
            yield exc
