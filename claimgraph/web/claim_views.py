"""The data of the claims list and of one claim, corrections applied: the JSON API returns it, the pages render it.

Built on the claims layer's read queries (`list_claims`, `claim_detail`, `resolve_claim_id`); a correction of a
voice's stance moves it to another column, a statement marked wrong leaves the columns (listed apart), a statement
moved to another claim leaves this one and joins that one.

One claim's data is cached per process (`cached_claim`) and checked on every request against what could have
changed it, in one prepared statement over indexes (`_look`): the claim's row (a linking run rewrites it) and the
newest correction (any change there is computed again before answering: a user who corrected sees it), the newest
appearance and how many lie in the window below it (each new story or copy), and the articles per extractor version
(a re-extraction; counted at most once a second per process, `VERSIONS_S`, so it is seen within a second). When a
story or copy was stored since: a new copy of one of its articles, or a changed name, type, role or affiliation of a
speaker of its articles, makes it stale; the stale data is served while it is computed again in the background
(one computation per claim, in the serving process's worker process, `background`, so that a claim of a thousand
voices does not hold this process's interpreter lock; this process only keeps the result), and the next request
gets the new data. A new statement by one of its speakers that
changes none of those fields leaves it alone. A re-extraction with an unchanged extractor version shows once claims
are linked again (`reextract` relinks).

The ranked claims list (`ranked_claims`: the home page and `GET /api/v1/claims`; `list_claims` counts every
claim's voices, 1.7 s at 10,000 articles) is kept per process and looked at again at most every LIST_S seconds: a
change shows within LIST_S plus one background computation; corrections are laid over it on every request.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
import weakref
from collections import Counter, OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select, text

from claimgraph.service_claims import STANCES, claim_detail, list_claims, resolve_claim_id
from claimgraph.store import corrections as stored
from claimgraph.store import schema as t
from claimgraph.store.search import matching_refs
from claimgraph.store.sql import Store
from claimgraph.web import background
from claimgraph.web.ledger import corrected_records, page

SORTS = ("contested", "recent")


def _voice_facts(store: Store) -> dict[str, list[Any]]:
    """Per claim: its voices' speaker, publisher, via and stance (for the list's filters)."""
    v, a, sp, ar = t.voices, t.attributions, t.speakers, t.articles
    query = (select(v.c.claim_id, v.c.attribution_id, v.c.stance, a.c.speaker_id, a.c.via, sp.c.name,
                    sp.c.aliases, ar.c.publisher, a.c.article_id)
             .select_from(v.join(a, v.c.attribution_id == a.c.id).join(ar, a.c.article_id == ar.c.id)
                          .outerjoin(sp, a.c.speaker_id == sp.c.id)))
    facts: dict[str, list[Any]] = {}
    with store.engine.connect() as conn:
        for r in conn.execute(query):
            facts.setdefault(r.claim_id, []).append(r)
        outlets = {}
        for r in conn.execute(select(t.appearances.c.article_id, t.appearances.c.outlet)):
            outlets.setdefault(r.article_id, set()).add((r.outlet or "").lower())
    for rows in facts.values():
        for i, r in enumerate(rows):
            rows[i] = (r, outlets.get(r.article_id, set()))
    return facts


def _corrected_counts(store: Store, rows: list[dict[str, Any]]) -> None:
    """Adjust each listed claim's counts by the stance, wrong and move corrections in force (the rows they touch are
    replaced by adjusted copies: the kept list is shared)."""
    in_force = stored.overlay(stored.corrections(store))
    if not in_force:
        return
    with store.engine.connect() as conn:
        voices = conn.execute(select(t.voices).where(t.voices.c.attribution_id.in_(list(in_force)))).all()
    touched = {v.claim_id for v in voices} | {f.get("claim") for f in in_force.values() if f.get("claim")}
    by_id = {}
    for i, r in enumerate(rows):
        if r["id"] in touched:
            rows[i] = by_id[r["id"]] = dict(r)
    for voice in voices:
        fields = in_force[voice.attribution_id]
        source = by_id.get(voice.claim_id)
        if source:
            source[f"{voice.stance}s"] -= 1
            source["voices"] -= 1
        if fields.get("wrong"):
            continue
        target = by_id.get(fields.get("claim") or voice.claim_id)
        stance = fields.get("stance") or voice.stance
        if target and stance in STANCES:
            target[f"{stance}s"] += 1
            target["voices"] += 1


LIST_S = 10.0   # a process looks at most this often whether the ranked claims list needs computing again (seconds)


@dataclass
class _Ranked:
    """The claims list as `list_claims` ranks it (most contested first) and most recent first, with the state of
    the ledger it was computed from and when that state was last looked at."""

    mark: tuple
    looked: float
    contested: list[dict[str, Any]]
    recent: list[dict[str, Any]]


_ranked_lists: weakref.WeakKeyDictionary[Store, _Ranked] = weakref.WeakKeyDictionary()
_ranking: weakref.WeakKeyDictionary[Store, threading.Thread] = weakref.WeakKeyDictionary()
_ranked_lock = threading.Lock()


def _list_mark(store: Store) -> tuple:
    """What the claims list is computed from, read from indexes: the newest linking run (it rewrites claims and
    voices), the number of claims, the newest appearance (a new copy adds an outlet, a new story a speaker)."""
    c, ap = t.claims, t.appearances
    with store.engine.connect() as conn:
        return tuple(conn.execute(select(select(func.max(c.c.updated_at)).scalar_subquery(),
                                         select(func.count()).select_from(c).scalar_subquery(),
                                         select(func.max(ap.c.id)).scalar_subquery())).one())


def _rank(store: Store) -> _Ranked:
    mark = _list_mark(store)   # read before: a write in between makes the next look compute again
    contested = list_claims(store)
    recent = sorted(contested, key=lambda r: (r["first_seen"] or "", r["id"]), reverse=True)
    ranked = _Ranked(mark, time.monotonic(), contested, recent)
    with _ranked_lock:
        _ranked_lists[store] = ranked
    return ranked


def _rank_in_background(ref: weakref.ref[Store]) -> None:
    store = ref()
    try:
        if store is not None:
            _rank(store)
    except Exception:   # the kept list stays; the next look tries again
        log.exception("ranking claims again")
    finally:
        with _ranked_lock:
            if store is not None:
                _ranking.pop(store, None)


def ranked_claims(store: Store) -> _Ranked:
    """The ranked claims list of this process. Computed in the request only the first time (about 1.7 s at 10,000
    articles); after that the kept list is answered, and at most every LIST_S seconds a request looks (one indexed
    statement) whether the ledger changed since, and if so starts one background computation: the list shows a
    change within LIST_S plus one computation. Corrections are laid over it on every request (`claims_data`)."""
    with _ranked_lock:
        ranked = _ranked_lists.get(store)
    if ranked is None:
        return _rank(store)
    now = time.monotonic()
    if now - ranked.looked >= LIST_S:
        ranked.looked = now
        if _list_mark(store) != ranked.mark:
            with _ranked_lock:
                if store not in _ranking:
                    thread = threading.Thread(target=_rank_in_background, args=(weakref.ref(store),), daemon=True,
                                              name="claimgraph-ranking")
                    _ranking[store] = thread
                    thread.start()
    return ranked


def wait_for_ranking(store: Store, timeout: float = 60.0) -> None:
    """Wait until a background computation of the claims list is done (tests, benchmarks)."""
    with _ranked_lock:
        thread = _ranking.get(store)
    if thread is not None:
        thread.join(timeout)


def _matches(facts: list[Any], speaker: str | None, outlet: str | None, stance: str | None) -> bool:
    def one(r: Any, outlets: set[str]) -> bool:
        if speaker:
            names = [(r.name or "").lower(), *((x or "").lower() for x in (r.aliases or []))]
            if r.speaker_id != speaker and not any(speaker.lower() in n for n in names):
                return False
        if outlet:
            places = {(r.publisher or "").lower(), *outlets, *((x or "").lower() for x in (r.via or []))}
            if not any(outlet.lower() in p for p in places):
                return False
        return not stance or r.stance == stance

    return any(one(r, outlets) for r, outlets in facts)


def claims_data(store: Store, q: str | None = None, speaker: str | None = None, outlet: str | None = None,
                stance: str | None = None, since: str | None = None, until: str | None = None,
                sort: str = "contested", offset: int = 0, limit: int = 50) -> dict[str, Any]:
    """Claims filtered and sorted, one page: the home page's list and `GET /api/v1/claims`."""
    ranked = ranked_claims(store)
    rows = list(ranked.recent if sort == "recent" else ranked.contested)
    _corrected_counts(store, rows)
    if q:
        rank = {ref: i for i, ref in enumerate(matching_refs(store, q, "claim"))}
        rows = [r for r in rows if r["id"] in rank]
        if sort != "recent":
            rows.sort(key=lambda r: (-r["disputes"], -r["asserts"], rank[r["id"]]))
    if speaker or outlet or stance:
        facts = _voice_facts(store)
        rows = [r for r in rows if _matches(facts.get(r["id"], []), speaker, outlet, stance)]
    if since:
        rows = [r for r in rows if (r["first_seen"] or "") >= since]
    if until:
        rows = [r for r in rows if r["first_seen"] and r["first_seen"] <= until + "\uffff"]
    result = page(rows, offset, limit)
    result["total"] = len(rows)
    return result


def find_claim(store: Store, claim_id: str) -> str | None:
    """The full id of a claim given by id or unique prefix."""
    with store.engine.connect() as conn:   # a full id (what links carry) by the primary key, before any prefix scan
        if conn.execute(select(t.claims.c.id).where(t.claims.c.id == claim_id)).first():
            return claim_id
    found = resolve_claim_id(store, claim_id)
    if claim_id in found:
        return claim_id
    return found[0] if len(found) == 1 else None


CACHE_SIZE = 2000   # claims per process
WINDOW = 64         # appearance ids below the newest seen that a late commit may still fill (PostgreSQL sequences)
SHOWN = ("name", "type", "role", "affiliation")   # what a claim shows of its voices' speakers


@dataclass
class _Kept:
    """One claim's data as computed, with what it was computed from."""

    state: tuple             # the claim's row, the newest correction, the articles' extractor versions
    appearance: int          # the newest appearance id when it was computed ...
    window: frozenset        # ... and the ids just below it that existed then
    articles: frozenset      # the claim's articles
    speakers: dict           # the speakers of its articles' statements: id -> their shown fields (SHOWN) then
    data: dict[str, Any]
    serial: int = 0          # names this computation (the rendered page's cache key)


_caches: weakref.WeakKeyDictionary[Store, OrderedDict[str, _Kept]] = weakref.WeakKeyDictionary()
_cache_lock = threading.Lock()
_serials = itertools.count(1)
# Claims being computed again off the request path (single flight per claim): by this process's worker process
# (`background`), or by one thread where there is none.
_pending: weakref.WeakKeyDictionary[Store, dict[str, Future]] = weakref.WeakKeyDictionary()
_worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="claimgraph-claims")
REST_S = 2.0   # the longest rest of the background worker after a computation (seconds)
log = logging.getLogger(__name__)


VERSIONS_S = 1.0   # how long a process trusts its count of articles per extractor version (seconds)
_versions: weakref.WeakKeyDictionary[Store, tuple[float, tuple]] = weakref.WeakKeyDictionary()


def extractor_versions(conn: Any, store: Store) -> tuple:
    """How many articles each extractor version produced (a re-extraction moves them), counted from an index at
    most once a second per process and shared by every claim's check in between."""
    now = time.monotonic()
    held = _versions.get(store)
    if held is not None and now - held[0] < VERSIONS_S:
        return held[1]
    ar = t.articles
    versions = tuple(tuple(v) for v in conn.execute(
        select(ar.c.extractor_version, func.count()).group_by(ar.c.extractor_version)
        .order_by(ar.c.extractor_version)).all())
    _versions[store] = (now, versions)
    return versions


# Plain SQL, the same on SQLite and PostgreSQL, made once (no statement is built per request).
_LOOK = text("SELECT gist, first_seen, updated_at, (SELECT max(id) FROM corrections), (SELECT max(id) FROM "
             "appearances), (SELECT count(*) FROM appearances WHERE id > :low) FROM claims WHERE id = :claim")


def _look(conn: Any, store: Store, claim_id: str, low: int) -> tuple[tuple, int, int] | None:
    """One indexed statement that says whether a kept claim may still hold: the claim's row (a linking run rewrites
    it), the newest correction (corrections are few; a merge or a move reaches beyond the statement corrected), the
    newest appearance and how many appearances have an id above `low` (a new story or copy shows in them); with the
    articles per extractor version (`extractor_versions`). None when there is no such claim."""
    row = conn.execute(_LOOK, {"claim": claim_id, "low": low}).first()
    if row is None:
        return None
    return (tuple(row[:3]), row[3], extractor_versions(conn, store)), row[4] or 0, row[5]


def _state(conn: Any, claim_id: str, store: Store) -> tuple | None:
    """What any change to a claim shows in (see `_look`)."""
    claim = conn.execute(select(t.claims.c.gist, t.claims.c.first_seen, t.claims.c.updated_at)
                         .where(t.claims.c.id == claim_id)).first()
    if claim is None:
        return None
    corrected = conn.execute(select(func.max(t.corrections.c.id))).scalar()
    return tuple(claim), corrected, extractor_versions(conn, store)


def _same(kept: tuple, now: tuple) -> bool:
    """Whether nothing but new articles came between two states: the claim's row and the newest correction are
    unchanged, and no extractor version lost articles (a re-extraction moves them to another version; a new story
    only adds to one, and is looked at through its appearance)."""
    if kept[:2] != now[:2]:
        return False
    counts = dict(now[2])
    return all(counts.get(version, 0) >= n for version, n in kept[2])


def _appearances_since(conn: Any, low: int) -> list[Any]:
    ap = t.appearances
    return conn.execute(select(ap.c.id, ap.c.article_id).where(ap.c.id > low)).all()


def _touched(conn: Any, appearances: list[Any]) -> tuple[set[str], set[str]]:
    """The articles these appearances belong to, and the speakers of the statements stored with them (a new story's
    statements, or those a copy added): the only speaker records such a write changes."""
    a = t.attributions
    articles = sorted({r.article_id for r in appearances})
    ids = sorted(r.id for r in appearances)
    speakers: set[str] = set()
    for start in range(0, max(len(ids), len(articles)), 500):
        speakers |= {r.speaker_id for r in conn.execute(select(a.c.speaker_id).where(
            or_(a.c.article_id.in_(articles[start:start + 500]), a.c.appearance_id.in_(ids[start:start + 500]))))
            if r.speaker_id}
    return set(articles), speakers


def _shown(conn: Any, speaker_ids: Any) -> dict[str, tuple]:
    """The fields a claim page shows of these speakers, as stored now."""
    sp = t.speakers
    ordered = sorted(speaker_ids)
    shown: dict[str, tuple] = {}
    for start in range(0, len(ordered), 500):
        chunk = ordered[start:start + 500]
        for r in conn.execute(select(sp.c.id, *(sp.c[f] for f in SHOWN)).where(sp.c.id.in_(chunk))):
            shown[r.id] = tuple(r)[1:]
    return shown


def _still_valid(conn: Any, kept: _Kept) -> tuple[bool, int, frozenset]:
    """Whether the data kept for a claim still holds after the appearances stored since it was computed, and the
    newest appearance id and window it holds for. A new story or copy makes it stale only when it is a copy of one
    of the claim's articles (another outlet) or when it changed what the claim shows of one of its voices' speakers
    (name, type, role, affiliation; of its voices and of whom they relay in its articles): a new statement by
    such a speaker that leaves those fields alone does not."""
    since = _appearances_since(conn, kept.appearance - WINDOW)
    newest = max([r.id for r in since], default=kept.appearance)
    fresh = [r for r in since if r.id > kept.appearance or r.id not in kept.window]
    window = frozenset(r.id for r in since if r.id > newest - WINDOW)
    if not fresh:
        return True, newest, window
    articles, speakers = _touched(conn, fresh)
    if articles & kept.articles:
        return False, newest, window
    common = speakers & kept.speakers.keys()
    if common and _shown(conn, common) != {s: kept.speakers[s] for s in common}:
        return False, newest, window
    return True, newest, window


def cached_claim(store: Store, claim_id: str) -> tuple[dict[str, Any] | None, str | None]:
    """`claim_data` and a version of it (for page caches), from this process's cache while it still holds.

    Every request checks, from indexes: the claim's row, the newest correction and the articles per extractor
    version. When one of them changed (a linking run, a correction, a re-extraction: writes a user of this server
    makes, who must see them) the data is computed again before answering. Otherwise the appearances stored since
    the data was computed are looked at (each new story or copy): when one is a new copy of one of the claim's
    articles, or changed a shown field of one of its voices' speakers, the kept data is served as it is and
    computed again in the background (in the worker process; one computation per claim at a time); the next request
    after it finished gets the new data. What is read before the data is computed, so a write in between makes the next
    request compute it again, never keeps it stale. The data is shared: callers must not change it."""
    with _cache_lock:
        kept = _caches.get(store, {}).get(claim_id)
    with store.engine.connect() as conn:
        looked = _look(conn, store, claim_id, kept.appearance - WINDOW if kept is not None else 0)
        if looked is None:
            return None, None
        state, newest, above = looked
        if kept is not None and _same(kept.state, state):
            if newest == kept.appearance and above == len(kept.window):
                valid, window = True, kept.window   # nothing stored since the last look
            else:
                valid, newest, window = _still_valid(conn, kept)
            if valid:
                with _cache_lock:
                    kept.appearance, kept.window, kept.state = newest, window, state
            else:
                _revalidate(store, claim_id)
            return kept.data, _version(kept)
    kept = _compute(store, claim_id)
    return (kept.data, _version(kept)) if kept else (None, None)


def _revalidate(store: Store, claim_id: str) -> None:
    """Compute a claim's data again in the background unless that is already under way: in this process's worker
    process (`background`), which returns the data for this process to keep; in a thread where there is none."""
    with _cache_lock:
        pending = _pending.setdefault(store, {})
        if claim_id in pending:
            return
        done: Future = Future()
        pending[claim_id] = done
    ref = weakref.ref(store)
    try:
        future = background.submit(store, _computed_in_worker, claim_id)
    except Exception:   # no worker could start: a thread does it
        log.exception("starting the background worker process")
        future = None
    if future is None:
        _worker.submit(_recompute, ref, claim_id, done)
    else:
        future.add_done_callback(lambda f: _swap_in(ref, claim_id, f, done))


def _computed_in_worker(store: Store, claim_id: str) -> _Kept | None:
    """In the worker process: a claim's data with what it was computed from (the extractor versions counted now)."""
    _versions.pop(store, None)
    return _computed(store, claim_id)


def _swap_in(ref: weakref.ref[Store], claim_id: str, future: Future, done: Future) -> None:
    """In this process, when the worker answered: keep what it computed (the next request gets it)."""
    store = ref()
    try:
        if store is not None and not future.cancelled():   # cancelled: the server is shutting down
            if future.exception() is not None:   # the kept data stays; the next request that finds it stale tries again
                log.error("computing claim %s again: %r", claim_id, future.exception())
                background.broken(store, future)
            else:
                kept = future.result()
                if kept is not None:
                    _keep(store, claim_id, kept)
    finally:
        if store is not None:
            with _cache_lock:
                _pending.get(store, {}).pop(claim_id, None)
        done.set_result(None)


def _recompute(ref: weakref.ref[Store], claim_id: str, done: Future) -> None:
    """The same in a thread of this process (a database in memory only, or no worker process)."""
    store = ref()
    if store is None:
        done.set_result(None)
        return
    began = time.monotonic()
    try:
        _compute(store, claim_id)
    except Exception:   # the kept data stays; the next request that finds it stale tries again
        log.exception("computing claim %s again", claim_id)
    finally:
        with _cache_lock:
            _pending.get(store, {}).pop(claim_id, None)
        done.set_result(None)
    # The thread rests as long as it worked before taking the next claim: it holds the GIL at most about half the
    # time, so that the requests of this process are not left waiting behind it.
    time.sleep(min(time.monotonic() - began, REST_S))


def wait_for_revalidation(store: Store, timeout: float = 60.0) -> None:
    """Wait until the claims being computed again in the background are done and kept (tests, benchmarks)."""
    with _cache_lock:
        futures = list(_pending.get(store, {}).values())
    for future in futures:
        future.result(timeout=timeout)


def _compute(store: Store, claim_id: str) -> _Kept | None:
    """Compute a claim's data and keep it, with what it was computed from (read before it)."""
    kept = _computed(store, claim_id)
    return _keep(store, claim_id, kept) if kept is not None else None


def _computed(store: Store, claim_id: str) -> _Kept | None:
    """A claim's data with what it was computed from (read before it); plain data, so a worker process can return
    it."""
    with store.engine.connect() as conn:
        state = _state(conn, claim_id, store)
        if state is None:
            return None
        newest = conn.execute(select(func.max(t.appearances.c.id))).scalar() or 0
        window = frozenset(r.id for r in _appearances_since(conn, newest - WINDOW))
    data = claim_data(store, claim_id)
    if data is None:
        return None
    everyone = [v for col in data["voices"].values() for v in col] + data["wrong"] + data["moved_out"]
    articles = frozenset(v["article"] for v in everyone if v.get("article"))
    with store.engine.connect() as conn:
        # Its voices' speakers and those of the other statements in its articles (an outlet chain names whom a
        # voice relays).
        ids = {v["speaker_id"] for v in everyone if v.get("speaker_id")}
        ordered = sorted(articles)
        for start in range(0, len(ordered), 500):
            ids |= {r.speaker_id for r in conn.execute(select(t.attributions.c.speaker_id).where(
                t.attributions.c.article_id.in_(ordered[start:start + 500])).distinct()) if r.speaker_id}
        speakers = _shown(conn, ids)
        # Read after the data: a speaker that a story stored since `newest` touched may have changed in between, so
        # its fields count as unknown (the next check that sees that story finds a difference and computes again).
        later = [r for r in _appearances_since(conn, newest - WINDOW) if r.id > newest or r.id not in window]
        if later:
            for speaker in _touched(conn, later)[1] & speakers.keys():
                speakers[speaker] = None
    return _Kept(state, newest, window, articles, speakers, data)


def _keep(store: Store, claim_id: str, kept: _Kept) -> _Kept:
    """Keep a claim's computed data in this process's cache, under a new serial."""
    kept.serial = next(_serials)
    with _cache_lock:
        cache = _caches.setdefault(store, OrderedDict())
        cache[claim_id] = kept
        cache.move_to_end(claim_id)
        while len(cache) > CACHE_SIZE:
            cache.popitem(last=False)
    return kept


def _version(kept: _Kept) -> str:
    """Names one computation of a claim's data (for caches of what is made from it, such as the rendered page)."""
    return str(kept.serial)


def claim_data(store: Store, claim_id: str) -> dict[str, Any] | None:
    """One claim: gist, voices by stance (corrections applied, each with its history), provenance."""
    detail = claim_detail(store, claim_id)
    if detail is None:
        return None
    voices = [v for column in detail["voices"].values() for v in column]
    moved_in = _moved_in(store, claim_id, {v["attribution"] for v in voices})
    ids = [v["attribution"] for v in voices] + [r["id"] for r in moved_in]
    records = {r["id"]: r for r in corrected_records(store, store_rows(store, ids), with_history=True)}
    in_force = stored.overlay(stored.corrections(store, ids))
    columns: dict[str, list[dict[str, Any]]] = {k: [] for k in STANCES}
    wrong, moved_out = [], []
    for voice in voices + [_voice_of(r) for r in moved_in]:
        record = records.get(voice["attribution"])
        fields = in_force.get(voice["attribution"], {})
        voice = _corrected_voice(voice, record, fields)
        if fields.get("claim") and fields["claim"] != claim_id:
            moved_out.append(voice)
        elif voice["wrong"]:
            wrong.append(voice)
        else:
            columns.setdefault(voice["stance"], []).append(voice)
    detail["voices"] = columns
    detail["counts"] = {k: len(v) for k, v in columns.items()}
    _recount_timeline(detail["timeline"], columns)
    # The longest chains first: the path a claim travelled (EIRNS <- Tass <- ministry) before its one-step quotes.
    detail["chains"].sort(key=lambda c: (-len(c["chain"]), -c["statements"], c["text"]))
    detail["wrong"], detail["moved_out"] = wrong, moved_out
    return detail


def _recount_timeline(timeline: list[dict[str, Any]], columns: dict[str, list[dict[str, Any]]]) -> None:
    """Each timeline entry's stance counts as corrected (a voice moved to another column counts there)."""
    for entry in timeline:
        if entry.get("article"):
            entry["stances"] = dict(Counter(v["stance"] for col in columns.values() for v in col
                                            if v["article"] == entry["article"]))


def _corrected_voice(voice: dict[str, Any], record: dict[str, Any] | None, fields: dict[str, Any]) -> dict[str, Any]:
    voice = dict(voice)
    voice["corrected"] = {}
    if "stance" in fields and fields["stance"] in STANCES:
        voice["corrected"]["stance"] = voice["stance"]
        voice["stance"] = fields["stance"]
    if record is not None:
        speaker = record["speaker"] or {}
        if "speaker" in record["corrected"]:
            voice["corrected"]["speaker"] = voice["speaker"]
        voice["speaker"], voice["speaker_type"] = speaker.get("name"), speaker.get("type")
        voice["speaker_id"] = speaker.get("id")
        voice["role"], voice["affiliation"] = speaker.get("role"), speaker.get("affiliation")
        voice["cue_class"] = record["cue_class"]
        voice["history"] = record.get("history", [])
    voice["wrong"] = bool(fields.get("wrong"))
    return voice


def _moved_in(store: Store, claim_id: str, present: set[str]) -> list[dict[str, Any]]:
    """Attributions a correction moved into this claim (and not moved on since)."""
    in_force = stored.overlay(stored.corrections(store))
    ids = [aid for aid, fields in in_force.items() if fields.get("claim") == claim_id and aid not in present]
    return corrected_records(store, store_rows(store, ids)) if ids else []


def _voice_of(record: dict[str, Any]) -> dict[str, Any]:
    speaker = record["speaker"] or {}
    return {"attribution": record["id"], "stance": "report", "speaker": speaker.get("name"),
            "speaker_type": speaker.get("type"), "outlet": record["publisher"], "date": record["published"],
            "words": record["content"], "cue": record["cue"], "article": record["article"], "score": None,
            "chain": " <- ".join([x for x in [record["publisher"], *record["via"], speaker.get("name")] if x])}


def store_rows(store: Store, attribution_ids: list[str]) -> list[dict[str, Any]]:
    """Rows shaped as `Store.attributions()` gives them, for these ids only (one indexed query, not a filter scan).

    The speaker's role and affiliation are those the article gives, else the identity's, as in `Store.attributions`.
    """
    if not attribution_ids:
        return []
    a, sp, ar = t.attributions, t.speakers, t.articles
    described = {"speaker_type", "speaker_role", "speaker_affiliation"}
    query = (select(*(c for c in a.c if c.name not in described), sp.c.name.label("speaker_name"),
                    sp.c.type.label("speaker_type"), func.coalesce(a.c.speaker_role, sp.c.role).label("speaker_role"),
                    func.coalesce(a.c.speaker_affiliation, sp.c.affiliation).label("speaker_affiliation"),
                    ar.c.title, ar.c.publisher, ar.c.published)
             .select_from(a.join(ar, a.c.article_id == ar.c.id).outerjoin(sp, a.c.speaker_id == sp.c.id))
             .where(a.c.id.in_(sorted(set(attribution_ids)))))
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]

