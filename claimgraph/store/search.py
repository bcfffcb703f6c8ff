"""Full-text search over the ledger: one API, FTS5 on SQLite and a tsvector on PostgreSQL (table `search_index`,
migration 0003).

Four kinds of document are indexed: `article` (title; text, publisher and outlets), `attribution` (speaker; the
words, cue and channels), `speaker` (name; aliases, role, affiliation) and `claim` (gist; the voices' words, the
speakers' names and aliases, the outlets). The index is derived data: `refresh_index` updates it when what it was
built from has changed (per kind, a fingerprint of counts and the last linking run, kept as rows of the index
itself), so `ingest`, `reextract` and `link-claims` need not know it exists. An attribution re-extracted with the
same spans keeps its id and its indexed words until a forced refresh (`refresh_index(store, force=True)`).
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, select, text

from claimgraph.store import schema as t
from claimgraph.store.sql import Store

KINDS = ("claim", "speaker", "article", "attribution")
_STATE = "state"   # rows of this kind hold each kind's fingerprint (ref: the kind)
_WORD = re.compile(r"\w+", re.UNICODE)
_CHUNK = 2000
_rebuilding = threading.Lock()


def query_words(q: str | None) -> list[str]:
    """The words of a user's query (punctuation and operators dropped, so no query syntax reaches the engine)."""
    return [w.lower() for w in _WORD.findall(q or "")][:12]


def fingerprints(conn: Any) -> dict[str, str]:
    """Per kind, what its documents were built from: row counts, and the newest linking run for claims."""
    def count(table: Any) -> int:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()

    articles, attributions, speakers, appearances = (count(t.articles), count(t.attributions), count(t.speakers),
                                                     count(t.appearances))
    newest_claims = conn.execute(select(func.max(t.claims.c.updated_at))).scalar_one()
    return {"article": f"{articles}|{appearances}", "attribution": f"{attributions}|{speakers}",
            "speaker": f"{speakers}|{attributions}",   # aliases grow as statements arrive
            "claim": f"{count(t.claims)}|{count(t.voices)}|{newest_claims}|{appearances}"}


def _built_from(conn: Any) -> dict[str, str]:
    s = t.search_index
    rows = conn.execute(select(s.c.ref, s.c.body).where(s.c.kind == _STATE))
    return {r.ref: r.body for r in rows}


def refresh_index(store: Store, force: bool = False) -> bool:
    """Bring the index up to date with the ledger; True when anything was rewritten.

    Articles and attributions are updated by id (new ones added, vanished ones removed), speakers and claims
    rebuilt whole, each only when its fingerprint changed. One refresh at a time: a lock in this process, and on
    PostgreSQL a transaction-scoped advisory lock for other processes, each followed by a second look."""
    with store.engine.connect() as conn:
        current, built = fingerprints(conn), _built_from(conn)
    if not force and all(built.get(k) == v for k, v in current.items()):
        return False
    with _rebuilding, store._write() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(72010003)"))
        current, built = fingerprints(conn), _built_from(conn)
        stale = [k for k in KINDS if force or built.get(k) != current[k]]
        for kind in stale:
            _REFRESH[kind](conn, force)
        s = t.search_index
        conn.execute(delete(s).where(s.c.kind == _STATE, s.c.ref.in_(stale)))
        conn.execute(insert(s), [{"kind": _STATE, "ref": k, "title": None, "body": current[k]} for k in stale])
    return bool(stale)


def _insert(conn: Any, documents: list[dict[str, Any]]) -> None:
    for start in range(0, len(documents), _CHUNK):
        conn.execute(insert(t.search_index), documents[start:start + _CHUNK])


def _replace_kind(kind: str, build: Any) -> Any:
    def refresh(conn: Any, _force: bool) -> None:
        conn.execute(delete(t.search_index).where(t.search_index.c.kind == kind))
        _insert(conn, build(conn))

    return refresh


def _by_id(kind: str, table: Any, build: Any) -> Any:
    """Add the documents of new rows and drop those of vanished ones (all of them when forced)."""
    def refresh(conn: Any, force: bool) -> None:
        s = t.search_index
        if force:
            conn.execute(delete(s).where(s.c.kind == kind))
        have = {r.ref for r in conn.execute(select(s.c.ref).where(s.c.kind == kind))}
        ids = {r.id for r in conn.execute(select(table.c.id))}
        gone = sorted(have - ids)
        for start in range(0, len(gone), 500):
            conn.execute(delete(s).where(s.c.kind == kind, s.c.ref.in_(gone[start:start + 500])))
        new = sorted(ids - have)
        for start in range(0, len(new), 500):
            _insert(conn, build(conn, new[start:start + 500]))

    return refresh


def _article_docs(conn: Any, ids: list[str]) -> list[dict[str, Any]]:
    outlets: dict[str, set[str]] = defaultdict(set)
    ap = t.appearances
    for r in conn.execute(select(ap.c.article_id, ap.c.outlet).where(ap.c.article_id.in_(ids))):
        if r.outlet:
            outlets[r.article_id].add(r.outlet)
    rows = conn.execute(select(t.articles.c.id, t.articles.c.title, t.articles.c.text, t.articles.c.publisher)
                        .where(t.articles.c.id.in_(ids)))
    return [{"kind": "article", "ref": r.id, "title": r.title or "",
             "body": " ".join([r.publisher or "", *sorted(outlets[r.id]), r.text])} for r in rows]


def _speaker_docs(conn: Any) -> list[dict[str, Any]]:
    sp = t.speakers
    rows = conn.execute(select(sp.c.id, sp.c.name, sp.c.aliases, sp.c.role, sp.c.affiliation))
    return [{"kind": "speaker", "ref": r.id, "title": r.name,
             "body": " ".join([*(r.aliases or []), r.role or "", r.affiliation or ""])} for r in rows]


def _attribution_docs(conn: Any, ids: list[str]) -> list[dict[str, Any]]:
    a, sp = t.attributions, t.speakers
    rows = conn.execute(select(a.c.id, a.c.content, a.c.cue, a.c.via, sp.c.name)
                        .select_from(a.outerjoin(sp, a.c.speaker_id == sp.c.id)).where(a.c.id.in_(ids)))
    return [{"kind": "attribution", "ref": r.id, "title": r.name or "",
             "body": " ".join([r.content or "", r.cue or "", *(r.via or [])])} for r in rows]


def _claim_docs(conn: Any) -> list[dict[str, Any]]:
    v, a, sp, ar = t.voices, t.attributions, t.speakers, t.articles
    outlets: dict[str, set[str]] = defaultdict(set)
    for r in conn.execute(select(t.appearances.c.article_id, t.appearances.c.outlet)):
        if r.outlet:
            outlets[r.article_id].add(r.outlet)
    words: dict[str, list[str]] = defaultdict(list)
    query = (select(v.c.claim_id, a.c.content, a.c.via, a.c.article_id, sp.c.name, sp.c.aliases, ar.c.publisher)
             .select_from(v.join(a, v.c.attribution_id == a.c.id).join(ar, a.c.article_id == ar.c.id)
                          .outerjoin(sp, a.c.speaker_id == sp.c.id)))
    for r in conn.execute(query):
        words[r.claim_id] += [r.content or "", r.name or "", *(r.aliases or []), *(r.via or []), r.publisher or "",
                              *sorted(outlets[r.article_id])]
    rows = conn.execute(select(t.claims.c.id, t.claims.c.gist))
    return [{"kind": "claim", "ref": r.id, "title": r.gist,
             "body": " ".join(dict.fromkeys(w for w in words[r.id] if w))} for r in rows]


_REFRESH = {"article": _by_id("article", t.articles, _article_docs),
            "attribution": _by_id("attribution", t.attributions, _attribution_docs),
            "speaker": _replace_kind("speaker", _speaker_docs), "claim": _replace_kind("claim", _claim_docs)}


def search(store: Store, q: str, kinds: tuple[str, ...] = KINDS, limit: int = 50,
           offset: int = 0) -> list[dict[str, Any]]:
    """Documents matching every word of `q` (as a prefix), best first: kind, ref, title and a snippet."""
    words = query_words(q)
    kinds = tuple(k for k in kinds if k in KINDS)
    if not words or not kinds:
        return []
    if store.engine.dialect.name == "sqlite":
        rows = _search_sqlite(store, words, kinds, limit, offset)
    else:
        rows = _search_postgres(store, words, kinds, limit, offset)
    return [{"kind": r.kind, "ref": r.ref, "title": r.title, "snippet": snippet(r.body or "", words)} for r in rows]


def _search_sqlite(store: Store, words: list[str], kinds: tuple[str, ...], limit: int, offset: int) -> list[Any]:
    # Each word quoted (FTS5 string syntax, quotes doubled) and matched as a prefix; all words must match.
    match = " AND ".join('"' + w.replace('"', '""') + '"*' for w in words)
    sql = text("SELECT kind, ref, title, body FROM search_index WHERE search_index MATCH :match "
               "AND kind IN :kinds ORDER BY bm25(search_index, 0, 0, 4.0, 1.0), ref LIMIT :limit OFFSET :offset"
               ).bindparams(bindparam("kinds", expanding=True))
    with store.engine.connect() as conn:
        return conn.execute(sql, {"match": match, "kinds": list(kinds), "limit": limit, "offset": offset}).all()


def _search_postgres(store: Store, words: list[str], kinds: tuple[str, ...], limit: int, offset: int) -> list[Any]:
    # The words reach to_tsquery as `w:*` joined by `&`; they hold only word characters, so no syntax gets in.
    tsquery = " & ".join(f"{w}:*" for w in words)
    sql = text("SELECT kind, ref, title, body FROM search_index, to_tsquery('simple', :q) query "
               "WHERE tsv @@ query AND kind IN :kinds ORDER BY ts_rank(tsv, query) DESC, ref "
               "LIMIT :limit OFFSET :offset").bindparams(bindparam("kinds", expanding=True))
    with store.engine.connect() as conn:
        return conn.execute(sql, {"q": tsquery, "kinds": list(kinds), "limit": limit, "offset": offset}).all()


def matching_refs(store: Store, q: str, kind: str, limit: int = 10_000) -> list[str]:
    """Ids of one kind of document matching `q`, best first (used to filter claims by `q`)."""
    return [hit["ref"] for hit in search(store, q, (kind,), limit=limit)]


def snippet(body: str, words: list[str], width: int = 200) -> str:
    """A window of the body around the first word found (plain text; the page escapes and marks it)."""
    lowered = body.lower()
    found = [i for i in (lowered.find(w) for w in words) if i >= 0]
    start = max(0, min(found) - width // 3) if found else 0
    piece = " ".join(body[start:start + width].split())
    return ("…" if start else "") + piece + ("…" if start + width < len(body) else "")
