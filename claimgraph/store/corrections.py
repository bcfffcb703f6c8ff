"""Tokens and corrections in the store (tables of migration 0003). The store keeps them; the web layer decides.

A correction is one row: which attribution (by its stable id), which field (`speaker`, `stance`, `cue_class`,
`wrong`, `claim`), the value before and after, who made it and when. A merge of two speakers is a row of field
`merge` whose subject (the `attribution_id` column) is the merged speaker's id and whose `after` is the speaker it
was merged into (merging a speaker into itself takes a merge back). Nothing in the ledger's own tables changes:
readers lay the newest correction per (attribution, field) over what the extractor and the linking run stored, so
corrections survive `reextract` and `link-claims`, and the history is never lost.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import insert, select, update

from claimgraph.store import schema as t
from claimgraph.store.sql import Store, now

FIELDS = ("speaker", "stance", "cue_class", "wrong", "claim", "merge")


# -- tokens -------------------------------------------------------------------------------------------------------

def add_token(store: Store, token_id: str, name: str, secret_hash: str) -> None:
    with store._write() as conn:
        conn.execute(insert(t.tokens).values(id=token_id, name=name, secret_hash=secret_hash, created_at=now()))


def token_record(store: Store, token_id: str) -> dict[str, Any] | None:
    """The stored token with this id, unless it was revoked."""
    with store.engine.connect() as conn:
        row = conn.execute(select(t.tokens).where(t.tokens.c.id == token_id, t.tokens.c.revoked_at.is_(None))).first()
    return dict(row._mapping) if row else None


def list_tokens(store: Store) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        query = select(t.tokens.c.id, t.tokens.c.name, t.tokens.c.created_at, t.tokens.c.revoked_at)
        return [dict(r._mapping) for r in conn.execute(query.order_by(t.tokens.c.created_at, t.tokens.c.id))]


def revoke_token(store: Store, token_id: str) -> bool:
    with store._write() as conn:
        done = conn.execute(update(t.tokens).where(t.tokens.c.id == token_id, t.tokens.c.revoked_at.is_(None))
                            .values(revoked_at=now()))
        return done.rowcount > 0


# -- corrections --------------------------------------------------------------------------------------------------

def add_correction(store: Store, attribution_id: str, field: str, before: Any, after: Any, author: str,
                   note: str | None = None) -> dict[str, Any]:
    if field not in FIELDS:
        raise ValueError(f"unknown correction field {field!r} (one of {', '.join(FIELDS)})")
    row = {"attribution_id": attribution_id, "field": field, "before": before, "after": after, "author": author,
           "note": note, "created_at": now()}
    with store._write() as conn:
        result = conn.execute(insert(t.corrections).values(**row))
        row["id"] = result.inserted_primary_key[0]
    return row


def corrections(store: Store, attribution_ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Corrections (all, or those of these attributions), oldest first."""
    query = select(t.corrections).order_by(t.corrections.c.id)
    if attribution_ids is not None:
        query = query.where(t.corrections.c.attribution_id.in_(list(attribution_ids)))
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def history(store: Store, attribution_ids: Iterable[str] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Corrections grouped by attribution id, oldest first."""
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in corrections(store, attribution_ids):
        out[row["attribution_id"]].append(row)
    return dict(out)


def overlay(rows: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The values in force: the newest correction per (attribution, field)."""
    current: dict[str, dict[str, Any]] = defaultdict(dict)
    for row in sorted(rows, key=lambda r: r["id"]):
        current[row["attribution_id"]][row["field"]] = row["after"]
    return dict(current)


def merges(store: Store) -> dict[str, dict[str, Any]]:
    """Speaker id -> the speaker record it is merged into now (merges taken back left out)."""
    with store.engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(
            select(t.corrections).where(t.corrections.c.field == "merge").order_by(t.corrections.c.id))]
    in_force = {sid: fields["merge"] for sid, fields in overlay(rows).items()}
    return {sid: into for sid, into in in_force.items() if isinstance(into, dict) and into.get("id") != sid}


def corrected_to_speaker(store: Store, name: str) -> list[str]:
    """Attribution ids whose speaker a correction set to this name (any case), in force or not."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(t.corrections).where(t.corrections.c.field == "speaker")).all()
    return sorted({r.attribution_id for r in rows
                   if isinstance(r.after, dict) and (r.after.get("name") or "").lower() == name.lower()})
