"""Full-text search over the ledger: one API, FTS5 on SQLite and a tsvector on PostgreSQL (table `search_index`,
migrations 0003 and 0004).

Four kinds of document are indexed: `article` (title; text, publisher and outlets), `attribution` (speaker; the
words, cue and channels), `speaker` (name; aliases, role, affiliation) and `claim` (gist; the voices' words, the
speakers' names and aliases, the outlets). The index is derived data: `refresh_index` updates it when what it was
built from has changed (per kind, a fingerprint of counts and the last linking run, kept in `store_state`), so
`ingest`, `reextract` and `link-claims` need not know it exists.

Updates are incremental, so that an index of 10,000 articles follows an ingest that is writing without being
rebuilt: new articles, statements and speakers are added and vanished ones removed (by id); the speakers of new
statements are rewritten (their aliases grow), and so are the articles and claims whose articles gained an
appearance (a syndicated copy names another outlet). Claims are rebuilt whole after a linking run (it rewrites them
all). What an incremental update does not see: a statement re-extracted with the same spans keeps its id and its
indexed words, and a claim's words keep the speaker aliases of its last rebuild, until a forced refresh
(`refresh_index(store, force=True)`) or the next linking run.

On SQLite each kind's documents have rowids in a range of their own (`_BASE`), so that a search of one kind is a
rowid range inside the FTS5 query rather than a filter that reads every match's stored row, and a side table
(`search_index_refs`: kind, ref and the document's rowid, `doc`) finds a document by its ref without scanning the index.
"""

from __future__ import annotations

import logging
import re
import threading
import time
import weakref
from collections import OrderedDict, defaultdict
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, select, text

from claimgraph.store import schema as t
from claimgraph.store.sql import Store

KINDS = ("claim", "speaker", "article", "attribution")
_WORD = re.compile(r"\w+", re.UNICODE)
_CHUNK = 2000
_BASE = {kind: (i + 1) << 40 for i, kind in enumerate(KINDS)}   # SQLite rowids of each kind: [base, base + 2**40)
_STATE_KEY = "search_index:"   # store_state rows: "search_index:KIND" -> fingerprint, "search_index:appearance" -> id
FRESH_S = 1.0   # the web layer looks for changes at most this often per process (seconds)
RESULTS = 1000  # searches whose results are kept per process, for as long as the index they came from
_rebuilding = threading.Lock()
_checked: weakref.WeakKeyDictionary[Store, float] = weakref.WeakKeyDictionary()
# Per store: the index's state as this process last saw it (None: not looked at), and results found in that state.
_generation: weakref.WeakKeyDictionary[Store, str] = weakref.WeakKeyDictionary()
_results: weakref.WeakKeyDictionary[Store, OrderedDict[tuple, list]] = weakref.WeakKeyDictionary()
_results_lock = threading.Lock()
_following: weakref.WeakSet[Store] = weakref.WeakSet()   # stores whose index a background thread is looking at
log = logging.getLogger(__name__)


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
    s = t.store_state
    rows = conn.execute(select(s.c.key, s.c.value).where(s.c.key.like(_STATE_KEY + "%")))
    return {r.key.removeprefix(_STATE_KEY): r.value for r in rows}


def refresh_index(store: Store, force: bool = False, max_age: float | None = None,
                  elsewhere: Callable[[], Future | None] | None = None) -> bool:
    """Bring the index up to date with the ledger; True when anything was rewritten.

    With `max_age` (seconds; the web layer passes FRESH_S), the request path never refreshes: a process that looked
    less than that long ago does nothing, else the look (and the refresh it may need) runs in a background thread,
    one at a time, and searches meanwhile read the index and the kept results as they stand; only the first look of
    a process is made in place (the index may never have been built). So a search sees another process's writes
    within FRESH_S plus one refresh (under 2 s while an ingest stores a few articles a second), and a server's own
    ingest at once (it refreshes without `max_age`). One refresh at a time: a lock in this process, and on
    PostgreSQL a transaction-scoped advisory lock for other processes, each followed by a second look.

    `elsewhere` (the web layer's): starts that background look and refresh in another process (one that opened the
    same database) and gives its future, or None; when it is done this process takes note of the index's state
    (one read of `store_state`). Without it, or when it gives None, a thread of this process does it.
    """
    if max_age is not None and not force:
        now = time.monotonic()
        with _results_lock:
            if now - _checked.get(store, -1e9) < max_age or store in _following:
                return False
            first = store not in _generation
            if not first:
                _following.add(store)
        if first:
            return _refresh_now(store, False)
        future = None
        if elsewhere is not None:
            try:
                future = elsewhere()
            except Exception:
                log.exception("refreshing the search index in another process")
        if future is not None:
            ref = weakref.ref(store)
            future.add_done_callback(lambda f: _followed(ref, f))
            return False
        threading.Thread(target=_follow, args=(weakref.ref(store),), name="claimgraph-search-index",
                         daemon=True).start()
        return False
    return _refresh_now(store, force)


def _follow(ref: weakref.ref[Store]) -> None:
    """One background look at the index (and refresh when the ledger changed)."""
    store = ref()
    if store is None:
        return
    try:
        _refresh_now(store, False)
    except Exception:   # the index stays as it was; the next look tries again
        log.exception("refreshing the search index")
        _checked[store] = time.monotonic()
    finally:
        with _results_lock:
            _following.discard(store)


def _followed(ref: weakref.ref[Store], future: Future) -> None:
    """After another process looked at the index (and refreshed it): note the index's state as it left it."""
    store = ref()
    if store is None:
        return
    try:
        if future.exception() is not None:
            log.error("refreshing the search index: %r", future.exception())
        with store.engine.connect() as conn:
            _seen(store, _built_from(conn))
    except Exception:
        log.exception("reading the search index's state")
    finally:
        _checked[store] = time.monotonic()
        with _results_lock:
            _following.discard(store)


def refresh_in_place(store: Store) -> bool:
    """One look at the index and the refresh it may need, here and now (what another process runs)."""
    return _refresh_now(store, False)


def _refresh_now(store: Store, force: bool) -> bool:
    now = time.monotonic()
    with store.engine.connect() as conn:
        current, built = fingerprints(conn), _built_from(conn)
    if not force and all(built.get(k) == v for k, v in current.items()):
        _seen(store, built)
        _checked[store] = now
        return False
    with _rebuilding:
        with store._write() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(72010003)"))
            current, built = fingerprints(conn), _built_from(conn)
            stale = [k for k in KINDS if force or built.get(k) != current[k]]
            if stale:
                _refresh(conn, stale, built, force)
            seen = conn.execute(select(func.max(t.appearances.c.id))).scalar()
            states = {**{k: current[k] for k in stale}, "appearance": str(seen or 0)}
            s = t.store_state
            conn.execute(delete(s).where(s.c.key.in_([_STATE_KEY + k for k in states])))
            conn.execute(insert(s), [{"key": _STATE_KEY + k, "value": v} for k, v in states.items()])
        _seen(store, {**built, **states}, rebuilt=force)
        _checked[store] = time.monotonic()
        return bool(stale)


def _seen(store: Store, state: dict[str, str], rebuilt: bool = False) -> None:
    """Note the index's state as read now: results kept from another state (or before a rebuild) are dropped."""
    generation = repr(sorted(state.items()))
    with _results_lock:
        if rebuilt or _generation.get(store) != generation:
            _generation[store] = generation
            _results.pop(store, None)


def _refresh(conn: Any, stale: list[str], built: dict[str, str], force: bool) -> None:
    """Update the stale kinds; statements first, since the speakers of new statements are rewritten."""
    since = int(built.get("appearance") or 0)
    seen_again = {r.article_id for r in conn.execute(
        select(t.appearances.c.article_id).where(t.appearances.c.id > since))} if since and not force else set()
    new_statements: list[str] = []
    if "attribution" in stale:
        new_statements = _sync_by_id(conn, "attribution", t.attributions, _attribution_docs, force)
    if "article" in stale:
        new = _sync_by_id(conn, "article", t.articles, _article_docs, force)
        _rewrite(conn, "article", sorted(seen_again - set(new)), _article_docs)
    if "speaker" in stale:
        if force or "speaker" not in built:
            _remove(conn, "speaker", None)
            _insert(conn, "speaker", _speaker_docs(conn, None))
        else:
            new = _sync_by_id(conn, "speaker", t.speakers, _speaker_docs, False)
            touched = set()
            for start in range(0, len(new_statements), 500):
                chunk = new_statements[start:start + 500]
                touched |= {r.speaker_id for r in conn.execute(
                    select(t.attributions.c.speaker_id).where(t.attributions.c.id.in_(chunk))) if r.speaker_id}
            _rewrite(conn, "speaker", sorted(touched - set(new)), _speaker_docs)
    if "claim" in stale:
        before, now = built.get("claim", "").split("|"), fingerprints(conn)["claim"].split("|")
        if force or before[:3] != now[:3]:   # claims, voices or the linking run changed: a new set of claims
            _remove(conn, "claim", None)
            _insert(conn, "claim", _claim_docs(conn, None))
        elif seen_again:
            v, a = t.voices, t.attributions
            claims = sorted({r.claim_id for r in conn.execute(
                select(v.c.claim_id).select_from(v.join(a, v.c.attribution_id == a.c.id))
                .where(a.c.article_id.in_(sorted(seen_again))))})
            _rewrite(conn, "claim", claims, _claim_docs)


# -- documents by ref ----------------------------------------------------------------------------------------------

def _rowids(kind: str) -> tuple[int, int]:
    """The SQLite rowids of one kind's documents: [lo, hi)."""
    return _BASE[kind], _BASE[kind] + (1 << 40)


def _sqlite(conn: Any) -> bool:
    return conn.dialect.name == "sqlite"


def _refs_table(conn: Any) -> str:
    return "search_index_refs" if _sqlite(conn) else "search_index"


def _remove(conn: Any, kind: str, refs: list[str] | None) -> None:
    """Drop documents of one kind (all of them when `refs` is None)."""
    if _sqlite(conn):
        if refs is None:
            lo, hi = _rowids(kind)
            conn.execute(text("DELETE FROM search_index WHERE rowid >= :lo AND rowid < :hi"), {"lo": lo, "hi": hi})
            conn.execute(text("DELETE FROM search_index_refs WHERE kind = :k"), {"k": kind})
            return
        docs = text("DELETE FROM search_index WHERE rowid IN (SELECT doc FROM search_index_refs WHERE kind = :k "
                    "AND ref IN :refs)").bindparams(bindparam("refs", expanding=True))
        gone = text("DELETE FROM search_index_refs WHERE kind = :k AND ref IN :refs").bindparams(
            bindparam("refs", expanding=True))
        for start in range(0, len(refs), 500):
            chunk = {"k": kind, "refs": refs[start:start + 500]}
            conn.execute(docs, chunk)
            conn.execute(gone, chunk)
        return
    s = t.search_index
    if refs is None:
        conn.execute(delete(s).where(s.c.kind == kind))
        return
    for start in range(0, len(refs), 500):
        conn.execute(delete(s).where(s.c.kind == kind, s.c.ref.in_(refs[start:start + 500])))


def _insert(conn: Any, kind: str, documents: list[dict[str, Any]]) -> None:
    if not documents:
        return
    if _sqlite(conn):
        lo, hi = _rowids(kind)
        last = conn.execute(text("SELECT rowid FROM search_index WHERE rowid >= :lo AND rowid < :hi "
                                 "ORDER BY rowid DESC LIMIT 1"), {"lo": lo, "hi": hi}).scalar()
        first = (last or lo - 1) + 1
        rows = [{"rowid": first + i, **d} for i, d in enumerate(documents)]
        for start in range(0, len(rows), _CHUNK):
            chunk = rows[start:start + _CHUNK]
            conn.execute(text("INSERT INTO search_index (rowid, kind, ref, title, body) "
                              "VALUES (:rowid, :kind, :ref, :title, :body)"), chunk)
            conn.execute(text("INSERT INTO search_index_refs (kind, ref, doc) VALUES (:kind, :ref, :rowid)"),
                         [{"kind": r["kind"], "ref": r["ref"], "rowid": r["rowid"]} for r in chunk])
        return
    for start in range(0, len(documents), _CHUNK):
        conn.execute(insert(t.search_index), documents[start:start + _CHUNK])


def _rewrite(conn: Any, kind: str, refs: list[str], build: Any) -> None:
    """Rebuild the documents of these refs (those that still exist)."""
    for start in range(0, len(refs), 500):
        chunk = refs[start:start + 500]
        _remove(conn, kind, chunk)
        _insert(conn, kind, build(conn, chunk))


def _sync_by_id(conn: Any, kind: str, table: Any, build: Any, force: bool) -> list[str]:
    """Add the documents of new rows and drop those of vanished ones (all of them when forced); the new ids.

    Both differences are anti-joins in the database (indexed on either side), so that a few new rows among 100,000
    cost a pass over two indexes rather than two sets of every id in Python."""
    if force:
        _remove(conn, kind, None)
    refs, name = _refs_table(conn), table.name
    new = sorted(r[0] for r in conn.execute(text(
        f"SELECT id FROM {name} x WHERE NOT EXISTS (SELECT 1 FROM {refs} s WHERE s.kind = :k AND s.ref = x.id)"),
        {"k": kind}))
    # Rows that vanished, counted before they are looked for: indexed = still there + vanished, and still there =
    # rows - new.
    indexed = conn.execute(text(f"SELECT count(*) FROM {refs} WHERE kind = :k"), {"k": kind}).scalar_one()
    rows = conn.execute(select(func.count()).select_from(table)).scalar_one()
    if indexed > rows - len(new):
        gone = [r[0] for r in conn.execute(text(
            f"SELECT ref FROM {refs} s WHERE s.kind = :k AND NOT EXISTS (SELECT 1 FROM {name} x WHERE x.id = s.ref)"),
            {"k": kind})]
        _remove(conn, kind, sorted(gone))
    for start in range(0, len(new), 500):
        _insert(conn, kind, build(conn, new[start:start + 500]))
    return new


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


def _speaker_docs(conn: Any, ids: list[str] | None) -> list[dict[str, Any]]:
    sp = t.speakers
    query = select(sp.c.id, sp.c.name, sp.c.aliases, sp.c.role, sp.c.affiliation)
    rows = conn.execute(query if ids is None else query.where(sp.c.id.in_(ids)))
    return [{"kind": "speaker", "ref": r.id, "title": r.name,
             "body": " ".join([*(r.aliases or []), r.role or "", r.affiliation or ""])} for r in rows]


def _attribution_docs(conn: Any, ids: list[str]) -> list[dict[str, Any]]:
    a, sp = t.attributions, t.speakers
    rows = conn.execute(select(a.c.id, a.c.content, a.c.cue, a.c.via, sp.c.name)
                        .select_from(a.outerjoin(sp, a.c.speaker_id == sp.c.id)).where(a.c.id.in_(ids)))
    return [{"kind": "attribution", "ref": r.id, "title": r.name or "",
             "body": " ".join([r.content or "", r.cue or "", *(r.via or [])])} for r in rows]


def _claim_docs(conn: Any, ids: list[str] | None) -> list[dict[str, Any]]:
    v, a, sp, ar, ap = t.voices, t.attributions, t.speakers, t.articles, t.appearances
    query = (select(v.c.claim_id, a.c.content, a.c.via, a.c.article_id, sp.c.name, sp.c.aliases, ar.c.publisher)
             .select_from(v.join(a, v.c.attribution_id == a.c.id).join(ar, a.c.article_id == ar.c.id)
                          .outerjoin(sp, a.c.speaker_id == sp.c.id)))
    claims = select(t.claims.c.id, t.claims.c.gist)
    outlets_of = select(ap.c.article_id, ap.c.outlet)
    if ids is not None:
        query, claims = query.where(v.c.claim_id.in_(ids)), claims.where(t.claims.c.id.in_(ids))
        outlets_of = outlets_of.where(ap.c.article_id.in_(
            select(a.c.article_id).select_from(v.join(a, v.c.attribution_id == a.c.id))
            .where(v.c.claim_id.in_(ids))))
    outlets: dict[str, set[str]] = defaultdict(set)
    for r in conn.execute(outlets_of):
        if r.outlet:
            outlets[r.article_id].add(r.outlet)
    words: dict[str, list[str]] = defaultdict(list)
    for r in conn.execute(query):
        words[r.claim_id] += [r.content or "", r.name or "", *(r.aliases or []), *(r.via or []), r.publisher or "",
                              *sorted(outlets[r.article_id])]
    return [{"kind": "claim", "ref": r.id, "title": r.gist,
             "body": " ".join(dict.fromkeys(w for w in words[r.id] if w))} for r in conn.execute(claims)]


# -- searching ------------------------------------------------------------------------------------------------------

def search(store: Store, q: str, kinds: tuple[str, ...] = KINDS, limit: int = 50,
           offset: int = 0) -> list[dict[str, Any]]:
    """Documents matching every word of `q` (as a prefix), best first: kind, ref, title and a snippet."""
    words = query_words(q)
    kinds = tuple(k for k in KINDS if k in kinds)
    if not words or not kinds:
        return []
    # Results are kept while the index stays as `refresh_index` last saw it in this process (a caller that never
    # refreshes gets no keeping); a refresh that finds the index changed drops them.
    key = (tuple(words), kinds, limit, offset)
    with _results_lock:
        generation = _generation.get(store)
        kept = _results.get(store, {}).get(key) if generation else None
    if kept is not None:
        return [dict(hit) for hit in kept]
    if store.engine.dialect.name == "sqlite":
        rows = _search_sqlite(store, words, kinds, limit, offset)
    else:
        rows = _search_postgres(store, words, kinds, limit, offset)
    hits = [{"kind": r.kind, "ref": r.ref, "title": r.title, "snippet": snippet(r.body or "", words)} for r in rows]
    if generation:
        with _results_lock:
            if _generation.get(store) == generation:
                found = _results.setdefault(store, OrderedDict())
                found[key] = [dict(hit) for hit in hits]
                while len(found) > RESULTS:
                    found.popitem(last=False)
    return hits


def _search_sqlite(store: Store, words: list[str], kinds: tuple[str, ...], limit: int, offset: int) -> list[Any]:
    # Each word quoted (FTS5 string syntax, quotes doubled) and matched as a prefix; all words must match. The best
    # rowids are found first, ranked from the index alone (bm25 reads no stored row), and only they are read; a
    # kind is a rowid range. Ties go by rowid (the order documents were indexed in).
    match = " AND ".join('"' + w.replace('"', '""') + '"*' for w in words)
    ranges = "" if len(kinds) == len(KINDS) else " AND (" + " OR ".join(
        "(rowid >= {} AND rowid < {})".format(*_rowids(k)) for k in kinds) + ")"
    sql = text("SELECT s.kind, s.ref, s.title, s.body FROM (SELECT rowid AS doc, bm25(search_index, 0, 0, 4.0, 1.0) "
               f"AS score FROM search_index WHERE search_index MATCH :match{ranges} ORDER BY score, doc "
               "LIMIT :limit OFFSET :offset) best JOIN search_index s ON s.rowid = best.doc ORDER BY best.score, "
               "best.doc")
    with store.engine.connect() as conn:
        return conn.execute(sql, {"match": match, "limit": limit, "offset": offset}).all()


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
