"""Corrections as training data: every corrected attribution as a JSONL-contract record with the corrected values
in place (speaker, cue class), plus `wrong`, the `stance` and `claim` in force, and the `corrections` history."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import select

from claimgraph.store import corrections as stored
from claimgraph.store import schema as t
from claimgraph.store.sql import Store
from claimgraph.web.claim_views import store_rows
from claimgraph.web.ledger import corrected_records, public_correction


def corrected_attributions(store: Store) -> Iterator[dict[str, Any]]:
    history = stored.history(store)
    if not history:
        return
    records = {r["id"]: r for r in corrected_records(store, store_rows(store, sorted(history)))}
    with store.engine.connect() as conn:
        voices = {v.attribution_id: v for v in conn.execute(
            select(t.voices).where(t.voices.c.attribution_id.in_(sorted(history))))}
    for attribution_id in sorted(history):
        changes = history[attribution_id]
        fields = stored.overlay(changes).get(attribution_id, {})
        voice = voices.get(attribution_id)
        record = records.get(attribution_id) or {"id": attribution_id, "stale": True}
        record["stance"] = fields.get("stance") or (voice.stance if voice else None)
        record["claim"] = fields.get("claim") or (voice.claim_id if voice else None)
        record["corrections"] = [public_correction(c) for c in changes]
        yield record
