"""Feed polling state for `watch`: each feed's validators (ETag, Last-Modified) and every entry already handled.

Functions over a `Store` rather than methods on it, so that the Store class stays about articles and attributions.
An entry is "seen" once it was stored (or found to be a copy of a stored story); a failed entry is tried again on
later polls until it has failed `MAX_ENTRY_ATTEMPTS` times (the `failures` table counts the attempts).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, insert, select, update

from claimgraph.store import schema as t
from claimgraph.store.sql import Store, now

MAX_ENTRY_ATTEMPTS = 3
DONE = "done"
FAILED = "failed"


@dataclass(frozen=True)
class FeedState:
    url: str
    etag: str | None
    modified: str | None
    last_polled: str | None
    last_status: str | None


def get_feed_state(store: Store, url: str) -> FeedState | None:
    with store.engine.connect() as conn:
        row = conn.execute(select(t.feeds).where(t.feeds.c.url == url)).first()
    return FeedState(row.url, row.etag, row.modified, row.last_polled, row.last_status) if row else None


def save_feed_state(store: Store, url: str, etag: str | None, modified: str | None, status: str) -> None:
    """Remember a poll; saved only after its entries were handled, so a poll cut short is redone in full."""
    values = dict(etag=etag, modified=modified, last_polled=now(), last_status=status)

    def work(conn) -> None:  # run again if another `watch` inserted the row meanwhile
        if conn.execute(select(t.feeds.c.url).where(t.feeds.c.url == url)).first():
            conn.execute(update(t.feeds).where(t.feeds.c.url == url).values(**values))
        else:
            conn.execute(insert(t.feeds).values(url=url, **values))

    store._write_retrying(work)


def entry_seen(store: Store, feed_url: str, entry_key: str, source: str | None = None) -> bool:
    """True when the entry needs no more work: handled, or failed `MAX_ENTRY_ATTEMPTS` times (as `source`)."""
    with store.engine.connect() as conn:
        row = conn.execute(select(t.feed_entries.c.status).where(and_(
            t.feed_entries.c.feed_url == feed_url, t.feed_entries.c.entry_key == entry_key))).first()
        if row is None or row.status == DONE:
            return row is not None
        if source is None:
            return False
        attempts = conn.execute(select(t.failures.c.attempts).where(t.failures.c.source == source)).scalar()
        return (attempts or 0) >= MAX_ENTRY_ATTEMPTS


def mark_entry(store: Store, feed_url: str, entry_key: str, status: str, article_id: str | None = None,
               error: str | None = None) -> None:
    """Record what became of an entry (`done` with its article id, or `failed` with the reason)."""
    where = and_(t.feed_entries.c.feed_url == feed_url, t.feed_entries.c.entry_key == entry_key)
    values = dict(status=status, article_id=article_id, error=error, seen_at=now())

    def work(conn) -> None:  # run again if another `watch` inserted the row meanwhile
        if conn.execute(select(t.feed_entries.c.status).where(where)).first():
            conn.execute(update(t.feed_entries).where(where).values(**values))
        else:
            conn.execute(insert(t.feed_entries).values(feed_url=feed_url, entry_key=entry_key, **values))

    store._write_retrying(work)


def feed_entry_counts(store: Store, feed_url: str) -> dict[str, int]:
    """How many entries of a feed are done and failed (the tests read what a poll recorded through it)."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(t.feed_entries.c.status).where(t.feed_entries.c.feed_url == feed_url)).all()
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.status] = counts.get(row.status, 0) + 1
    return counts
