"""Claims and voices in the store: load statements, write a linking run, read claims back with provenance.

Functions take a `Store`; nothing here changes the schema (tables `claims` and `voices`). A linking run replaces
all claims and voices in one transaction, so readers see the old set or the new one, never half of each.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, select

from claimgraph.claims import provenance
from claimgraph.claims.references import find_reference
from claimgraph.claims.link import LinkedClaim, link_statements, outlet_names
from claimgraph.claims.statement import Statement, position_of
from claimgraph.records import Attribution, Speaker
from claimgraph.store import schema as t
from claimgraph.store.sql import Store, now

STANCES = ("assert", "dispute", "support", "report")


@dataclass
class LinkReport:
    statements: int = 0
    claims: int = 0
    voices: int = 0
    shared: int = 0   # claims with statements from more than one article

    def as_dict(self) -> dict[str, int]:
        return {"statements": self.statements, "claims": self.claims, "voices": self.voices, "shared": self.shared}


# -- loading ------------------------------------------------------------------------------------------------------

def appearances(store: Store, article_ids: Iterable[str] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Every appearance (place and date a story was seen) by article id."""
    query = select(t.appearances)
    if article_ids is not None:
        query = query.where(t.appearances.c.article_id.in_(list(article_ids)))
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with store.engine.connect() as conn:
        for row in conn.execute(query.order_by(t.appearances.c.id)):
            out[row.article_id].append(dict(row._mapping))
    return out


def load_statements(store: Store, article_ids: Iterable[str] | None = None
                    ) -> tuple[list[Statement], dict[str, list[dict[str, Any]]]]:
    """Every stored attribution as a Statement (all articles, or those given), and the articles' appearances."""
    ids = None if article_ids is None else sorted(set(article_ids))
    seen = appearances(store, ids)
    a, s, ar = t.attributions, t.speakers, t.articles
    query = (select(a, s.c.name.label("sp_name"), s.c.type.label("sp_type"), s.c.role.label("sp_role"),
                    s.c.affiliation.label("sp_affiliation"), s.c.aliases.label("sp_aliases"),
                    ar.c.publisher, ar.c.published)
             .select_from(a.join(ar, a.c.article_id == ar.c.id).outerjoin(s, a.c.speaker_id == s.c.id))
             .order_by(a.c.article_id, a.c.sentence_start, a.c.cue_start, a.c.id))
    text_query = select(ar.c.id, ar.c.text)
    if ids is not None:
        query = query.where(a.c.article_id.in_(ids))
        text_query = text_query.where(ar.c.id.in_(ids))
    statements: list[Statement] = []
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
        wanted = {r.article_id for r in rows}
        texts = {r.id: r.text for r in conn.execute(text_query) if r.id in wanted}
    for r in rows:
        attribution = _attribution(r)
        copies = seen.get(r.article_id, [])
        dated = sorted((c for c in copies if c.get("published")), key=lambda c: c["published"])
        published = min([d for d in [r.published, dated[0]["published"] if dated else None] if d], default=None)
        outlet = dated[0]["outlet"] if dated and dated[0]["published"] == published and dated[0]["outlet"] \
            else r.publisher
        text = texts.get(r.article_id, "")
        statements.append(Statement(
            attribution, r.article_id, position=position_of(attribution), published=published, outlet=outlet,
            publisher=r.publisher, mention=r.source_text,
            sentence=text[r.sentence_start:r.sentence_end] if r.sentence_start is not None else None))
    return statements, seen


def _attribution(r: Any) -> Attribution:
    speaker = None
    if r.sp_name:
        speaker = Speaker(r.sp_name, r.sp_type or "unknown", r.sp_role, r.sp_affiliation, tuple(r.sp_aliases or ()))
    span = lambda x, y: (x, y) if x is not None and y is not None else None  # noqa: E731
    return Attribution(
        id=r.id, kind=r.kind, speaker=speaker, source_span=span(r.source_start, r.source_end), cue=r.cue,
        cue_span=span(r.cue_start, r.cue_end), cue_class=r.cue_class, content=r.content,
        content_spans=tuple(tuple(x) for x in (r.content_spans or ())),
        sentence=(r.sentence_start or 0, r.sentence_end or 0), via=tuple(r.via or ()), parent=r.parent_id,
        flags=tuple(r.flags or ()), confidence=r.confidence, method=r.method or "rules")


# -- writing ------------------------------------------------------------------------------------------------------

def save_claims(store: Store, claims: list[LinkedClaim]) -> int:
    """Replace all claims and voices with these (one transaction); returns the number of voices written."""
    stamp = now()
    claim_rows = [{"id": c.id, "gist": c.gist, "first_seen": c.first_seen, "updated_at": stamp} for c in claims]
    voice_rows = [{"claim_id": c.id, "attribution_id": s.id, "stance": c.stances[s.id], "score": c.scores.get(s.id)}
                  for c in claims for s, _ in c.members]
    with store._write() as conn:
        conn.execute(delete(t.voices))
        conn.execute(delete(t.claims))
        for start in range(0, len(claim_rows), 5000):
            conn.execute(insert(t.claims), claim_rows[start:start + 5000])
        for start in range(0, len(voice_rows), 5000):
            conn.execute(insert(t.voices), voice_rows[start:start + 5000])
    return len(voice_rows)


def link_claims(store: Store, threshold: float | None = None) -> LinkReport:
    """Recompute claims over the whole database: group, stance, gist, first appearance; store them."""
    statements, seen = load_statements(store)
    kwargs = {"threshold": threshold} if threshold is not None else {}
    claims = link_statements(statements, appearances=seen, **kwargs)
    voices = save_claims(store, claims)
    return LinkReport(statements=len([s for s in statements if s.attribution.content]), claims=len(claims),
                      voices=voices, shared=sum(1 for c in claims if len({s.article_id for s, _ in c.members}) > 1))


# -- reading ------------------------------------------------------------------------------------------------------

def _voice_rows(store: Store, claim_ids: list[str] | None = None) -> list[Any]:
    v, a, s, ar = t.voices, t.attributions, t.speakers, t.articles
    query = (select(v.c.claim_id, v.c.attribution_id, v.c.stance, a.c.article_id, a.c.via,
                    s.c.name.label("speaker"), s.c.type.label("speaker_type"), ar.c.publisher)
             .select_from(v.join(a, v.c.attribution_id == a.c.id).join(ar, a.c.article_id == ar.c.id)
                          .outerjoin(s, a.c.speaker_id == s.c.id)))
    if claim_ids is not None:
        query = query.where(v.c.claim_id.in_(claim_ids))
    with store.engine.connect() as conn:
        return conn.execute(query).all()


def list_claims(store: Store, limit: int | None = None, search: str | None = None) -> list[dict[str, Any]]:
    """Claims with their counts of voices by stance, speakers and outlets; most disputed first."""
    with store.engine.connect() as conn:
        query = select(t.claims)
        if search:
            query = query.where(t.claims.c.gist.ilike(f"%{search}%"))
        claims = {r.id: dict(r._mapping) for r in conn.execute(query)}
    seen = appearances(store)
    stats: dict[str, dict[str, Any]] = {cid: {"stances": Counter(), "speakers": set(), "outlets": set(),
                                              "articles": set()} for cid in claims}
    for r in _voice_rows(store):
        if r.claim_id not in stats:
            continue
        st = stats[r.claim_id]
        st["stances"][r.stance] += 1
        if r.speaker:
            st["speakers"].add(r.speaker)
        st["articles"].add(r.article_id)
        st["outlets"].update(x for x in [r.publisher, *(r.via or ())] if x)
        st["outlets"].update(c["outlet"] for c in seen.get(r.article_id, []) if c.get("outlet"))
        if r.speaker_type == "news_outlet" and r.speaker:
            st["outlets"].add(r.speaker)
    rows = []
    for cid, claim in claims.items():
        st = stats[cid]
        rows.append({"id": cid, "gist": claim["gist"], "first_seen": claim["first_seen"],
                     **{f"{k}s": st["stances"].get(k, 0) for k in STANCES},
                     "voices": sum(st["stances"].values()), "speakers": len(st["speakers"]),
                     "outlets": len(st["outlets"]), "articles": len(st["articles"])})
    rows.sort(key=lambda r: (-r["disputes"], -r["asserts"], -r["voices"], r["first_seen"] or "9999", r["id"]))
    return rows[:limit] if limit else rows


def resolve_claim_id(store: Store, prefix: str) -> list[str]:
    with store.engine.connect() as conn:
        return [r.id for r in conn.execute(select(t.claims.c.id).where(t.claims.c.id.like(f"{prefix}%")).limit(5))]


def claim_detail(store: Store, claim_id: str) -> dict[str, Any] | None:
    """One claim: gist, first appearance, voices grouped by stance, outlet chains, outlets and timeline."""
    with store.engine.connect() as conn:
        claim = conn.execute(select(t.claims).where(t.claims.c.id == claim_id)).first()
        if claim is None:
            return None
        voices = {r.attribution_id: r for r in conn.execute(select(t.voices).where(t.voices.c.claim_id == claim_id))}
        article_ids = {r.article_id for r in conn.execute(
            select(t.attributions.c.article_id).where(t.attributions.c.id.in_(list(voices))))}
    statements, seen = load_statements(store, article_ids)
    parents = {s.id: s.attribution for s in statements}
    members = sorted((s for s in statements if s.id in voices), key=Statement.sort_key)
    stances = {s.id: voices[s.id].stance for s in members}
    names = outlet_names(statements)
    by_stance: dict[str, list[dict[str, Any]]] = {k: [] for k in STANCES}
    for s in members:
        a = s.attribution
        by_stance.setdefault(stances[s.id], []).append({
            "attribution": s.id, "stance": stances[s.id], "speaker": s.speaker_name,
            "speaker_type": a.speaker.type if a.speaker else None, "outlet": s.outlet or s.publisher,
            "date": s.published, "words": a.content, "cue": a.cue, "article": s.article_id,
            "score": voices[s.id].score, "chain": " <- ".join(provenance.chain(s, parents))})
    restating = [s for s in members if find_reference(s.attribution.content) is None] or members
    first = provenance.first_appearance(restating, stances, seen)
    if first and claim.first_seen and first["date"] != claim.first_seen:
        first["date"] = claim.first_seen   # the linking run's date is the one of record
    return {"id": claim.id, "gist": claim.gist, "first_seen": claim.first_seen, "first_appearance": first,
            "counts": {k: len(v) for k, v in by_stance.items()}, "voices": by_stance,
            "chains": provenance.chains(members, parents),
            "outlets": provenance.outlets(members, parents, seen, names),
            "timeline": provenance.timeline(members, stances, seen)}
