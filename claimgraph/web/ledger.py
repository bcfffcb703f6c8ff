"""What every view shares: stored attributions as JSONL-contract records with corrections laid over them, and
cursor pagination.

A record keeps the contract's names (`id`, `article`, `kind`, `speaker`, `source_span`, `cue`, `cue_span`,
`cue_class`, `content`, `content_spans`, `via`, `parent`, `flags`, `sentence`, `confidence`, `method`,
`extractor`) and adds `wrong` (a person marked it wrong), `corrected` (field -> the value the machine gave) and,
where asked for, `history` (every correction, oldest first).
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable
from typing import Any

from claimgraph.store import corrections as stored
from claimgraph.store.sql import Store


class BadCursor(ValueError):
    """A cursor that this server did not hand out."""


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"o:{offset}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        kind, _, value = raw.partition(":")
        offset = int(value)
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise BadCursor(cursor) from exc
    if kind != "o" or offset < 0:
        raise BadCursor(cursor)
    return offset


def page(items: list[Any], offset: int, limit: int) -> dict[str, Any]:
    """One page of `items` (already cut to at most offset + limit + 1) with the cursor of the next, or null."""
    chunk = items[offset:offset + limit]
    more = len(items) > offset + limit
    return {"items": chunk, "next": encode_cursor(offset + limit) if more else None}


def _span(start: int | None, end: int | None) -> list[int] | None:
    return [start, end] if start is not None and end is not None else None


def attribution_record(row: dict[str, Any]) -> dict[str, Any]:
    """A row of `Store.attributions()` as a JSONL-contract record (plus the article's publisher, date, title)."""
    speaker = None
    if row.get("speaker_name"):
        speaker = {"id": row.get("speaker_id"), "name": row["speaker_name"], "type": row.get("speaker_type"),
                   "role": row.get("speaker_role"), "affiliation": row.get("speaker_affiliation")}
    return {
        "article": row["article_id"], "id": row["id"], "kind": row["kind"], "speaker": speaker,
        "source_span": _span(row.get("source_start"), row.get("source_end")), "source_text": row.get("source_text"),
        "cue": row["cue"], "cue_span": _span(row.get("cue_start"), row.get("cue_end")),
        "cue_class": row["cue_class"], "content": row["content"], "content_spans": row["content_spans"] or [],
        "via": row["via"] or [], "parent": row["parent_id"], "flags": row["flags"] or [],
        "sentence": _span(row.get("sentence_start"), row.get("sentence_end")), "confidence": row["confidence"],
        "method": row["method"], "extractor": row["extractor_version"],
        "publisher": row.get("publisher"), "published": row.get("published"), "title": row.get("title"),
        "wrong": False, "corrected": {},
    }


def apply_corrections(record: dict[str, Any], in_force: dict[str, Any]) -> dict[str, Any]:
    """Lay the corrections in force for one attribution over its record (speaker, cue class, wrong)."""
    if "speaker" in in_force and isinstance(in_force["speaker"], dict):
        record["corrected"].setdefault("speaker", record["speaker"])
        after = in_force["speaker"]
        record["speaker"] = {"id": after.get("id"), "name": after.get("name"), "type": after.get("type") or "unknown",
                             "role": after.get("role"), "affiliation": after.get("affiliation")}
    if "cue_class" in in_force:
        record["corrected"]["cue_class"] = record["cue_class"]
        record["cue_class"] = in_force["cue_class"]
    if in_force.get("wrong"):
        record["corrected"]["wrong"] = False
        record["wrong"] = True
    return record


def corrected_records(store: Store, rows: Iterable[dict[str, Any]], with_history: bool = False
                      ) -> list[dict[str, Any]]:
    """Rows of `Store.attributions()` as records with every correction in force applied."""
    records = [attribution_record(r) for r in rows]
    history = stored.history(store, [r["id"] for r in records]) if records else {}
    merged = stored.merges(store) if records else {}
    for record in records:
        changes = history.get(record["id"], [])
        into = merged_into(merged, (record["speaker"] or {}).get("id"))
        if into:
            record["corrected"]["speaker"] = record["speaker"]
            record["speaker"] = {k: into.get(k) for k in ("id", "name", "type", "role", "affiliation")}
        apply_corrections(record, stored.overlay(changes).get(record["id"], {}))
        if with_history:
            record["history"] = [public_correction(c) for c in changes]
    return records


def merged_into(merged: dict[str, dict[str, Any]], speaker_id: str | None) -> dict[str, Any] | None:
    """The speaker a merged speaker now reads as (following merges of merges; a cycle stops where it closes)."""
    target, seen = None, set()
    while speaker_id in merged and speaker_id not in seen:
        seen.add(speaker_id)
        target = merged[speaker_id]
        speaker_id = target.get("id")
    return target


def public_correction(row: dict[str, Any]) -> dict[str, Any]:
    return {"id": row["id"], "attribution": row["attribution_id"], "field": row["field"], "before": row["before"],
            "after": row["after"], "by": row["author"], "at": row["created_at"], "note": row["note"]}
