"""The data of the speakers list and of one speaker: identity, aliases, what they said about which claims with what
stance, over time (corrections applied: a statement given to this speaker by a correction counts here, one taken
away does not)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select

from claimgraph.store import corrections as stored
from claimgraph.store import schema as t
from claimgraph.store.sql import Store
from claimgraph.web.claim_views import store_rows
from claimgraph.web.ledger import corrected_records, merged_into, page

SPEAKER_FIELDS = ("id", "name", "type", "role", "affiliation", "aliases", "statements")


def speakers_data(store: Store, name: str | None = None, type_: str | None = None, offset: int = 0,
                  limit: int = 50) -> dict[str, Any]:
    rows = [{k: r[k] for k in SPEAKER_FIELDS} for r in store.speakers(name=name, type=type_)]
    result = page(rows, offset, limit)
    result["total"] = len(rows)
    return result


def speaker_data(store: Store, speaker_id: str) -> dict[str, Any] | None:
    """`GET /api/v1/speakers/{id}`: the identity and its statements grouped by claim, with stance and date."""
    with store.engine.connect() as conn:
        row = conn.execute(select(t.speakers).where(t.speakers.c.id == speaker_id)).first()
        if row is None:
            return None
        own = [r.id for r in conn.execute(select(t.attributions.c.id).where(t.attributions.c.speaker_id == speaker_id))]
    merged = stored.merges(store)
    merged_from = sorted(sid for sid in merged if (merged_into(merged, sid) or {}).get("id") == speaker_id)
    if merged_from:
        with store.engine.connect() as conn:
            own += [r.id for r in conn.execute(select(t.attributions.c.id)
                                               .where(t.attributions.c.speaker_id.in_(merged_from)))]
    ids = sorted(set(own) | set(stored.corrected_to_speaker(store, row.name)))
    records = [r for r in corrected_records(store, store_rows(store, ids))
               if (r["speaker"] or {}).get("name", "").lower() == row.name.lower() or
               (r["speaker"] or {}).get("id") == speaker_id]
    with store.engine.connect() as conn:
        voices = {v.attribution_id: v for v in conn.execute(
            select(t.voices.c.attribution_id, t.voices.c.claim_id, t.voices.c.stance, t.claims.c.gist)
            .join(t.claims, t.voices.c.claim_id == t.claims.c.id)
            .where(t.voices.c.attribution_id.in_([r["id"] for r in records])))}
    in_force = stored.overlay(stored.corrections(store, [r["id"] for r in records]))
    by_claim: dict[str, dict[str, Any]] = {}
    unlinked, timeline = [], []
    for r in sorted(records, key=lambda r: (r["published"] or "", r["id"])):
        fields, voice = in_force.get(r["id"], {}), voices.get(r["id"])
        stance = fields.get("stance") or (voice.stance if voice else None)
        statement = {"attribution": r["id"], "article": r["article"], "date": r["published"], "cue": r["cue"],
                     "cue_class": r["cue_class"], "words": r["content"], "stance": stance, "wrong": r["wrong"],
                     "flags": r["flags"], "outlet": r["publisher"]}
        claim_id = fields.get("claim") or (voice.claim_id if voice else None)
        if claim_id:
            group = by_claim.setdefault(claim_id, {"claim": claim_id, "gist": voice.gist if voice else None,
                                                   "statements": []})
            group["statements"].append(statement)
        else:
            unlinked.append(statement)
        timeline.append({"date": r["published"], "stance": stance or r["cue_class"], "attribution": r["id"]})
    return {"id": row.id, "name": row.name, "type": row.type, "role": row.role, "affiliation": row.affiliation,
            "affiliation_id": row.affiliation_id, "aliases": row.aliases, "statements": len(records),
            "claims": list(by_claim.values()), "unlinked": unlinked, "timeline": timeline,
            "merged_into": merged_into(merged, speaker_id), "merged_from": merged_from,
            "stances": _stance_counts(timeline)}


def _stance_counts(timeline: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """Statements per date and stance: what the page's plot draws."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for point in timeline:
        counts[(point["date"] or "undated")[:10]][point["stance"] or "report"] += 1
    return {day: dict(v) for day, v in sorted(counts.items())}
