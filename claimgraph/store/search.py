"""Full-text search over the ledger: one API, FTS5 on SQLite and a tsvector on PostgreSQL (table `search_index`,
migration 0003).

Four kinds of document are indexed: `article` (title; text, publisher and outlets), `attribution` (speaker; the
words, cue and channels), `speaker` (name; aliases, role, affiliation) and `claim` (gist; the voices' words, the
speakers' names and aliases, the outlets). The index is derived data: `refresh_index` rebuilds it when what it was
built from has changed (a fingerprint of counts and the last linking run, kept as a row of the index itself), so
`ingest`, `reextract` and `link-claims` need not know it exists.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, select, text

from claimgraph.store import schema as t
from claimgraph.store.sql import Store

KINDS = ("claim", "speaker", "article", "attribution")
_STATE = ("state", "fingerprint")
_WORD = re.compile(r"\w+", re.UNICODE)
_CHUNK = 2000


def query_words(q: str | None) -> list[str]:
    """The words of a user's query (punctuation and operators dropped, so no query syntax reaches the engine)."""
    return [w.lower() for w in _WORD.findall(q or "")][:12]


def fingerprint(store: Store) -> str:
    """What the index was built from: row counts and the newest claim update (a linking run rewrites claims)."""
    with store.engine.connect() as conn:
        counts = [conn.execute(select(func.count()).select_from(table)).scalar_one()
                  for table in (t.articles, t.attributions, t.speakers, t.claims, t.voices, t.appearances)]
        newest = conn.execute(select(func.max(t.claims.c.updated_at))).scalar_one()
    return "|".join(map(str, counts)) + f"|{newest}"


def refresh_index(store: Store, force: bool = False) -> bool:
    """Rebuild the index when the ledger changed since it was built; True when it was rebuilt."""
    current = fingerprint(store)
    s = t.search_index
    with store.engine.connect() as conn:
        built = conn.execute(select(s.c.body).where(s.c.kind == _STATE[0], s.c.ref == _STATE[1])).scalar()
    if built == current and not force:
        return False
    documents = _documents(store)
    with store._write() as conn:
        conn.execute(delete(s))
        for start in range(0, len(documents), _CHUNK):
            conn.execute(insert(s), documents[start:start + _CHUNK])
        conn.execute(insert(s).values(kind=_STATE[0], ref=_STATE[1], title=None, body=current))
    return True


def _documents(store: Store) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        docs = _article_docs(conn) + _speaker_docs(conn)
        docs += _attribution_docs(conn) + _claim_docs(conn)
    return docs


def _article_docs(conn: Any) -> list[dict[str, Any]]:
    outlets: dict[str, set[str]] = defaultdict(set)
    for r in conn.execute(select(t.appearances.c.article_id, t.appearances.c.outlet)):
        if r.outlet:
            outlets[r.article_id].add(r.outlet)
    rows = conn.execute(select(t.articles.c.id, t.articles.c.title, t.articles.c.text, t.articles.c.publisher))
    return [{"kind": "article", "ref": r.id, "title": r.title or "",
             "body": " ".join([r.publisher or "", *sorted(outlets[r.id]), r.text])} for r in rows]


def _speaker_docs(conn: Any) -> list[dict[str, Any]]:
    sp = t.speakers
    rows = conn.execute(select(sp.c.id, sp.c.name, sp.c.aliases, sp.c.role, sp.c.affiliation))
    return [{"kind": "speaker", "ref": r.id, "title": r.name,
             "body": " ".join([*(r.aliases or []), r.role or "", r.affiliation or ""])} for r in rows]


def _attribution_docs(conn: Any) -> list[dict[str, Any]]:
    a, sp = t.attributions, t.speakers
    rows = conn.execute(select(a.c.id, a.c.content, a.c.cue, a.c.via, sp.c.name)
                        .select_from(a.outerjoin(sp, a.c.speaker_id == sp.c.id)))
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
