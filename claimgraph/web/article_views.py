"""The data of one article (text exactly as stored, every attribution with its spans, corrections applied) and the
marked-up pieces the page renders it in.

The page never builds HTML from the text: `segments` cuts the text at every span boundary into plain pieces, each
with the attributions and roles (source, cue, content) that cover it; the template escapes each piece.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from claimgraph.store import corrections as stored
from claimgraph.store import schema as t
from claimgraph.store.sql import Store
from claimgraph.web.ledger import corrected_records

ROLES = ("source", "cue", "content")


def article_data(store: Store, article_id: str) -> dict[str, Any] | None:
    """`GET /api/v1/articles/{id}`: the article, where it appeared, and its attributions with spans."""
    ar = t.articles
    with store.engine.connect() as conn:
        row = conn.execute(select(ar.c.id, ar.c.title, ar.c.publisher, ar.c.published, ar.c.url, ar.c.author,
                                  ar.c.genre, ar.c.text, ar.c.extractor_version).where(ar.c.id == article_id)).first()
        if row is None:
            return None
        seen = conn.execute(select(t.appearances.c.source, t.appearances.c.outlet, t.appearances.c.url,
                                   t.appearances.c.published, t.appearances.c.title)
                            .where(t.appearances.c.article_id == article_id).order_by(t.appearances.c.id)).all()
        claims = conn.execute(select(t.voices.c.attribution_id, t.voices.c.claim_id, t.voices.c.stance)
                              .join(t.attributions, t.voices.c.attribution_id == t.attributions.c.id)
                              .where(t.attributions.c.article_id == article_id)).all()
    rows = [r for r in store.attributions(article=article_id) if r["article_id"] == article_id]
    records = corrected_records(store, rows, with_history=True)
    voice_of = {c.attribution_id: {"claim": c.claim_id, "stance": c.stance} for c in claims}
    in_force = stored.overlay(stored.corrections(store, [r["id"] for r in records])) if records else {}
    for record in records:
        record["claim"] = _corrected_voice(voice_of.get(record["id"]), in_force.get(record["id"], {}))
    records.sort(key=lambda r: (_first_offset(r), r["id"]))
    article = dict(row._mapping)
    article["appearances"] = [dict(s._mapping) for s in seen]
    article["attributions"] = records
    return article


def _corrected_voice(voice: dict[str, Any] | None, fields: dict[str, Any]) -> dict[str, Any] | None:
    """The claim and stance a statement has once corrections (a move, a stance) are laid over the linking run's."""
    if fields.get("claim"):
        voice = {"claim": fields["claim"], "stance": (voice or {}).get("stance") or "report"}
    if voice and fields.get("stance"):
        voice = {**voice, "stance": fields["stance"]}
    return voice


def _first_offset(record: dict[str, Any]) -> int:
    starts = [s[0] for s in [record["source_span"], record["cue_span"], *record["content_spans"]] if s]
    return min(starts, default=(record["sentence"] or [0])[0])


def segments(text: str, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The text cut at every span boundary: [{"text", "marks": {role: [attribution ids]}, "depth"}] in order.

    `depth` counts the contents covering a piece: 2 or more is a nested chain (a relayed statement inside an
    outlet's report). A cue whose words are missing is listed under "missing".
    """
    spans: list[tuple[int, int, str, str]] = []
    for r in records:
        if r["source_span"]:
            spans.append((*r["source_span"], "source", r["id"]))
        if r["cue_span"]:
            spans.append((*r["cue_span"], "cue", r["id"]))
            if "content_missing" in r["flags"]:
                spans.append((*r["cue_span"], "missing", r["id"]))
        for start, end in r["content_spans"]:
            spans.append((start, end, "content", r["id"]))
    spans = [(max(0, s), min(len(text), e), role, aid) for s, e, role, aid in spans if s < e]
    cuts = sorted({0, len(text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    pieces = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        marks: dict[str, list[str]] = {}
        for s, e, role, aid in spans:
            if s <= start and end <= e:
                marks.setdefault(role, []).append(aid)
        pieces.append({"text": text[start:end], "start": start, "marks": marks,
                       "depth": len(marks.get("content", []))})
    return pieces
