"""The attribution list of one speaker (`GET /api/v1/attributions?speaker=NAME`, the list a speaker's page and most
readers ask for), kept encoded per process and checked on every request against what could change it.

What a page of a speaker's statements is made from, read in one connection from indexes: the speakers the name
means (`Store.speaker_ids`, looked up again whenever an article, a copy or a correction was stored since), how many
statements those speakers have (a new statement of theirs, or one removed, changes it), their shown fields (name,
type, role, affiliation), the newest correction (a merge or a correction of one of the listed statements) and the
articles per extractor version (a re-extraction; counted at most once a second per process). While all of these
hold, the kept page is the page a computation would give; a new statement by someone else leaves it alone.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from typing import Any

from sqlalchemy import bindparam, text

from claimgraph.store.sql import Store
from claimgraph.web.claim_views import extractor_versions

KEPT = 2000   # pages kept per process
_ids: weakref.WeakKeyDictionary[Store, dict[str, tuple[tuple, list[str]]]] = weakref.WeakKeyDictionary()
_pages: weakref.WeakKeyDictionary[Store, OrderedDict[tuple, tuple]] = weakref.WeakKeyDictionary()
_lock = threading.Lock()
# Plain SQL, the same on SQLite and PostgreSQL, made once (no statement is built per request).
_MARK = text("SELECT (SELECT max(id) FROM appearances), (SELECT max(id) FROM corrections)")
_SAID = text("SELECT count(*) FROM attributions WHERE speaker_id IN :ids").bindparams(
    bindparam("ids", expanding=True))
_SHOWN = text("SELECT id, name, type, role, affiliation FROM speakers WHERE id IN :ids ORDER BY id").bindparams(
    bindparam("ids", expanding=True))


def speaker_state(store: Store, speaker: str) -> tuple:
    """What one speaker's attribution list is made from (see the module's text), from indexes."""
    with store.engine.connect() as conn:
        mark = tuple(conn.execute(_MARK).one())
        with _lock:
            held = _ids.setdefault(store, {}).get(speaker)
        if held is None or held[0] != mark:
            ids = sorted(store.speaker_ids(speaker))
            with _lock:
                known = _ids[store]
                if len(known) >= KEPT:
                    known.clear()
                known[speaker] = (mark, ids)
        else:
            ids = held[1]
        if not ids:
            return mark[1], (), 0, (), extractor_versions(conn, store)
        said = conn.execute(_SAID, {"ids": ids}).scalar_one()
        shown = tuple(tuple(r) for r in conn.execute(_SHOWN, {"ids": ids}))
        return mark[1], tuple(ids), said, shown, extractor_versions(conn, store)


def kept_page(store: Store, key: tuple, state: tuple) -> tuple | None:
    """The encoded page kept for `key` (the request's parameters) if it was made in this state."""
    with _lock:
        held = _pages.get(store, {}).get(key)
    return held[1] if held is not None and held[0] == state else None


def keep_page(store: Store, key: tuple, state: tuple, encoded: tuple) -> None:
    """Keep an encoded page made from what was read as `state` before it was made (a write in between makes the
    next request's state differ: it is made again, never kept stale)."""
    with _lock:
        pages = _pages.setdefault(store, OrderedDict())
        pages[key] = (state, encoded)
        pages.move_to_end(key)
        while len(pages) > KEPT:
            pages.popitem(last=False)


def rows_for(store: Store, speaker: str, ids: tuple, limit: int) -> list[dict[str, Any]]:
    """The statements of the speakers the name means, newest articles first (`Store.attributions`' order)."""
    return store.attributions(speaker=ids[0] if len(ids) == 1 else speaker, limit=limit)
