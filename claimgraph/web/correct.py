"""Making a correction: check it against what is stored now, record before and after, return the new state.

Shared by the JSON API and the pages' forms (no web framework here). A correction names one attribution by its
stable id and one field:

| field | value | before / after |
|---|---|---|
| `speaker` | a name (an existing speaker of that name is used, with its role and affiliation) | the speaker object |
| `stance` | assert, dispute, support, report (the statement must be a voice of a claim) | the stance |
| `cue_class` | assert, dispute, confirm, report, think, relay | the class |
| `wrong` | true or false (false takes a mark back) | the flag |
| `claim` | the id of another claim the statement belongs to | the claim id |
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from claimgraph.records import STANCES
from claimgraph.store import corrections as stored
from claimgraph.store import schema as t
from claimgraph.store.sql import Store
from claimgraph.web.claim_views import store_rows
from claimgraph.web.ledger import corrected_records, merged_into, public_correction

CUE_CLASSES = ("assert", "dispute", "confirm", "report", "think", "relay")
SPEAKER_TYPES = ("person", "organization", "news_outlet", "anonymous", "unknown")


class CorrectionError(ValueError):
    """A correction that cannot be made (the message says why); `status` is the HTTP status it maps to."""

    def __init__(self, message: str, status: int = 422):
        super().__init__(message)
        self.status = status


def current_record(store: Store, attribution_id: str) -> dict[str, Any]:
    records = corrected_records(store, store_rows(store, [attribution_id]), with_history=True)
    if not records:
        raise CorrectionError(f"no attribution {attribution_id}", status=404)
    return records[0]


def _voice(store: Store, attribution_id: str) -> tuple[str | None, str | None]:
    """(claim id, stance) the statement has now: the linking run's, with corrections in force laid over it."""
    with store.engine.connect() as conn:
        row = conn.execute(select(t.voices.c.claim_id, t.voices.c.stance)
                           .where(t.voices.c.attribution_id == attribution_id)).first()
    fields = stored.overlay(stored.corrections(store, [attribution_id])).get(attribution_id, {})
    claim = fields.get("claim") or (row.claim_id if row else None)
    stance = fields.get("stance") or (row.stance if row else ("report" if claim else None))
    return claim, stance


def _speaker_value(store: Store, name: str, type_: str | None) -> dict[str, Any]:
    name = " ".join(name.split())
    if not name or len(name) > 200:
        raise CorrectionError("a speaker's name is 1 to 200 characters")
    if type_ is not None and type_ not in SPEAKER_TYPES:
        raise CorrectionError(f"speaker type is one of {', '.join(SPEAKER_TYPES)}")
    sp = t.speakers
    query = select(sp).where(func.lower(sp.c.name) == name.lower())
    if type_:
        query = query.where(sp.c.type == type_)
    with store.engine.connect() as conn:
        known = conn.execute(query.order_by(sp.c.id)).first()
    if known:
        return {"id": known.id, "name": known.name, "type": known.type, "role": known.role,
                "affiliation": known.affiliation}
    return {"id": None, "name": name, "type": type_ or "unknown", "role": None, "affiliation": None}


def _before_after(store: Store, record: dict[str, Any], field: str, value: Any,
                  speaker_type: str | None) -> tuple[Any, Any]:
    if field == "speaker":
        if not isinstance(value, str):
            raise CorrectionError("value: the speaker's name")
        return record["speaker"], _speaker_value(store, value, speaker_type)
    if field == "cue_class":
        if value not in CUE_CLASSES:
            raise CorrectionError(f"value: one of {', '.join(CUE_CLASSES)}")
        return record["cue_class"], value
    if field == "wrong":
        if not isinstance(value, bool):
            raise CorrectionError("value: true or false")
        return record["wrong"], value
    claim, stance = _voice(store, record["id"])
    if field == "stance":
        if value not in STANCES:
            raise CorrectionError(f"value: one of {', '.join(STANCES)}")
        if claim is None:
            raise CorrectionError("this statement is not a voice of any claim: move it to a claim first")
        return stance, value
    if field == "claim":
        with store.engine.connect() as conn:
            exists = conn.execute(select(t.claims.c.id).where(t.claims.c.id == value)).first() if isinstance(
                value, str) else None
        if not exists:
            raise CorrectionError("value: the id of a stored claim")
        return claim, value
    raise CorrectionError(f"field: one of {', '.join(stored.FIELDS)}")


def make_correction(store: Store, attribution_id: str, field: str, value: Any, author: str,
                    speaker_type: str | None = None, note: str | None = None) -> dict[str, Any]:
    """Record one correction; returns it with the attribution as it reads now (corrections applied)."""
    record = current_record(store, attribution_id)
    before, after = _before_after(store, record, field, value, speaker_type)
    if note is not None and len(note) > 1000:
        raise CorrectionError("note: at most 1000 characters")
    row = stored.add_correction(store, attribution_id, field, before, after, author, note)
    return {"correction": public_correction(row), "attribution": current_record(store, attribution_id)}


def _speaker_record(store: Store, key: str) -> dict[str, Any] | None:
    """A stored speaker by id, or by exact name (any case) when the name is one speaker's."""
    sp = t.speakers
    with store.engine.connect() as conn:
        row = conn.execute(select(sp).where(sp.c.id == key)).first()
        if row is None:
            found = conn.execute(select(sp).where(func.lower(sp.c.name) == " ".join(key.split()).lower())).all()
            row = found[0] if len(found) == 1 else None
    if row is None:
        return None
    return {"id": row.id, "name": row.name, "type": row.type, "role": row.role, "affiliation": row.affiliation}


def merge_speaker(store: Store, speaker_id: str, into: str, author: str, note: str | None = None) -> dict[str, Any]:
    """Merge one speaker into another (by id or unique name): every statement of it reads as the other's.
    Merging a speaker into itself takes its merge back. Splitting is the other way round: correct the speaker of
    the statements that belong to someone else (field `speaker`)."""
    source = _speaker_record(store, speaker_id)
    if source is None or source["id"] != speaker_id:
        raise CorrectionError(f"no speaker {speaker_id}", status=404)
    target = _speaker_record(store, into)
    if target is None:
        raise CorrectionError("into: the id, or the name, of one stored speaker")
    if merged_into(stored.merges(store), target["id"]) and target["id"] != speaker_id:
        target = merged_into(stored.merges(store), target["id"])
    before = merged_into(stored.merges(store), speaker_id) or source
    row = stored.add_correction(store, speaker_id, "merge", before, target, author, note)
    return {"correction": public_correction(row), "speaker": source, "into": target}
