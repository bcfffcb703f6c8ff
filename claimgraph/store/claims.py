"""Claims and voices in the store: the statements claim linking reads, the claims it returns, and the read queries.

The store persists, it does not decide: linking, stance and provenance live in `claimgraph.claims`, and
`claimgraph.service_claims` ties the two together. `ClaimLedger` is the part of `Store` that reads and writes
the tables `claims` and `voices`; saving a linking run replaces all claims and voices in one transaction, so
readers see the old set or the new one, never half of each. `list_claims` and `resolve_claim_id` answer the CLI's
and the web layer's queries.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, delete, insert, select

from claimgraph.nlp.predicates import decode as decode_predicates
from claimgraph.records import STANCES, Appearance, Attribution, Claim, Speaker, StoredAttribution, Voice
from claimgraph.store import schema as t

if TYPE_CHECKING:
    from claimgraph.store.sql import Store

BATCH = 5000   # rows per INSERT


class ClaimLedger:
    """The claims half of `Store` (mixed into it): load statements, save claims and voices, load one claim.

    It uses the Store's `engine` for reads and its `_write()` transaction for the one write."""

    engine: Engine

    def load_appearances(self, article_ids: Iterable[str] | None = None) -> dict[str, list[Appearance]]:
        """Every appearance (place and date a story was seen) by article id, first recorded first."""
        query = select(t.appearances)
        if article_ids is not None:
            query = query.where(t.appearances.c.article_id.in_(list(article_ids)))
        out: dict[str, list[Appearance]] = defaultdict(list)
        with self.engine.connect() as conn:
            for row in conn.execute(query.order_by(t.appearances.c.id)):
                out[row.article_id].append(Appearance(row.article_id, row.source, row.outlet, row.url,
                                                      row.published, row.title))
        return out

    def load_statements(self, article_ids: Iterable[str] | None = None
                        ) -> tuple[list[StoredAttribution], dict[str, list[Appearance]]]:
        """Every stored attribution with its article's facts (all articles, or those given), and the appearances."""
        ids = None if article_ids is None else sorted(set(article_ids))
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
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
            wanted = {r.article_id for r in rows}
            texts = {r.id: r.text for r in conn.execute(text_query) if r.id in wanted}
        stored = [StoredAttribution(
            _attribution(r), r.article_id, publisher=r.publisher, published=r.published, mention=r.source_text,
            sentence=texts.get(r.article_id, "")[r.sentence_start:r.sentence_end]
            if r.sentence_start is not None else None) for r in rows]
        return stored, self.load_appearances(ids)

    def save_claims(self, claims: Sequence[Claim]) -> int:
        """Replace all claims and voices with these (one transaction); returns the number of voices written."""
        from claimgraph.store.sql import now

        stamp = now()
        claim_rows = [{"id": c.id, "gist": c.gist, "first_seen": c.first_seen, "updated_at": stamp} for c in claims]
        voice_rows = [{"claim_id": c.id, "attribution_id": v.attribution_id, "stance": v.stance, "score": v.score}
                      for c in claims for v in c.voices]
        with self._write() as conn:
            conn.execute(delete(t.voices))
            conn.execute(delete(t.claims))
            for table, rows in ((t.claims, claim_rows), (t.voices, voice_rows)):
                for start in range(0, len(rows), BATCH):
                    conn.execute(insert(table), rows[start:start + BATCH])
        return len(voice_rows)

    def load_claim(self, claim_id: str) -> Claim | None:
        """One stored claim with its voices (stance, score, article); None when there is no such claim."""
        v, a = t.voices, t.attributions
        with self.engine.connect() as conn:
            row = conn.execute(select(t.claims).where(t.claims.c.id == claim_id)).first()
            if row is None:
                return None
            voices = conn.execute(select(v, a.c.article_id).select_from(v.join(a, v.c.attribution_id == a.c.id))
                                  .where(v.c.claim_id == claim_id).order_by(v.c.attribution_id)).all()
        return Claim(row.id, row.gist, row.first_seen, tuple(
            Voice(claim_id, r.attribution_id, r.stance, score=r.score, article_id=r.article_id) for r in voices))


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
        flags=tuple(r.flags or ()), confidence=r.confidence, method=r.method or "rules",
        predicates=decode_predicates(r.predicates))


# -- read queries (the CLI and the web layer) ---------------------------------------------------------------------

def _voice_rows(store: Store, speech_only: bool = False) -> list[Any]:
    v, a, s, ar = t.voices, t.attributions, t.speakers, t.articles
    query = (select(v.c.claim_id, v.c.stance, a.c.article_id, a.c.via, s.c.name.label("speaker"),
                    s.c.type.label("speaker_type"), ar.c.publisher)
             .select_from(v.join(a, v.c.attribution_id == a.c.id).join(ar, a.c.article_id == ar.c.id)
                          .outerjoin(s, a.c.speaker_id == s.c.id)))
    if speech_only:
        query = query.where(a.c.cue_class != "think")
    with store.engine.connect() as conn:
        return conn.execute(query).all()


def list_claims(store: Store, limit: int | None = None, search: str | None = None,
                speech_only: bool = False) -> list[dict[str, Any]]:
    """Claims with their counts of voices by stance, speakers and outlets; most disputed first.

    `search` matches the gist in any case (% and _ literal); `speech_only` counts no `think` voice and leaves out
    the claims that only beliefs hold."""
    from claimgraph.store.sql import contains

    with store.engine.connect() as conn:
        query = select(t.claims)
        if search:
            query = query.where(contains(t.claims.c.gist, search))
        claims = {r.id: dict(r._mapping) for r in conn.execute(query)}
    seen = store.load_appearances()
    stats: dict[str, dict[str, Any]] = {cid: {"stances": Counter(), "speakers": set(), "outlets": set(),
                                              "articles": set()} for cid in claims}
    for r in _voice_rows(store, speech_only):
        if r.claim_id not in stats:
            continue
        st = stats[r.claim_id]
        st["stances"][r.stance] += 1
        if r.speaker:
            st["speakers"].add(r.speaker)
        st["articles"].add(r.article_id)
        st["outlets"].update(x for x in [r.publisher, *(r.via or ())] if x)
        st["outlets"].update(c.outlet for c in seen.get(r.article_id, []) if c.outlet)
        if r.speaker_type == "news_outlet" and r.speaker:
            st["outlets"].add(r.speaker)
    rows = []
    for cid, claim in claims.items():
        st = stats[cid]
        rows.append({"id": cid, "gist": claim["gist"], "first_seen": claim["first_seen"],
                     **{f"{k}s": st["stances"].get(k, 0) for k in STANCES},
                     "voices": sum(st["stances"].values()), "speakers": len(st["speakers"]),
                     "outlets": len(st["outlets"]), "articles": len(st["articles"])})
    if speech_only:
        rows = [r for r in rows if r["voices"]]
    rows.sort(key=lambda r: (-r["disputes"], -r["asserts"], -r["voices"], r["first_seen"] or "9999", r["id"]))
    return rows[:limit] if limit else rows


def resolve_claim_id(store: Store, prefix: str) -> list[str]:
    """The ids (at most five) that start with `prefix`."""
    with store.engine.connect() as conn:
        return [r.id for r in conn.execute(select(t.claims.c.id).where(t.claims.c.id.like(f"{prefix}%")).limit(5))]
