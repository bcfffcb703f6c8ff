"""The Store: one class over SQLAlchemy Core, for SQLite (the default, embedded) and PostgreSQL.

Every write is one transaction (an interrupted run loses nothing already committed, and never leaves half an
article). Writing the same article twice changes nothing: articles are keyed by content hash, attributions by
stable ids, appearances by (article, source).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, Text, and_, create_engine, event, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.exc import DatabaseError as SADatabaseError

from claimgraph.errors import StoreError
from claimgraph.records import Appearance, Article, Attribution, Speaker
from claimgraph.store import schema as t
from claimgraph.store.claims import ClaimLedger

MIGRATIONS = Path(__file__).parent / "migrations"


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def database_url(db: str | Path) -> str:
    """A path becomes a SQLite URL; a URL (postgresql://…, sqlite:///…) is used as given."""
    text = str(db)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser()}"


def speaker_id(key: str) -> str:
    return "sp_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _sqlite_pragmas(busy_timeout_ms: int):
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # WAL lets reading commands work while `ingest` or `watch` writes; busy_timeout waits out a short lock
        # instead of failing at once; foreign keys are off by default in SQLite.
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    return on_connect


class Store(ClaimLedger):
    """The ledger: articles, appearances, speakers, attributions, claims. Open with `Store.open(db)`."""

    def __init__(self, engine: Engine, label: str):
        self.engine = engine
        self.label = label

    @classmethod
    def open(cls, db: str | Path, migrate: bool = True, busy_timeout_ms: int = 10_000) -> "Store":
        url = database_url(db)
        label = str(db)
        if url.startswith("sqlite:///"):
            path = Path(url.removeprefix("sqlite:///"))
            if str(path) != ":memory:" and not path.parent.exists():
                raise StoreError(f"{label}: the folder {path.parent} does not exist")
        try:
            engine = create_engine(url, future=True)
        except Exception as exc:  # bad URL, missing driver
            raise StoreError(f"{label}: cannot open the database ({exc})") from exc
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas(busy_timeout_ms))
        store = cls(engine, label)
        if migrate:
            store.migrate()
        return store

    def migrate(self) -> None:
        """Bring the schema to the newest migration (a no-op when it is current)."""
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        try:
            with self.engine.begin() as conn:
                config.attributes["connection"] = conn
                command.upgrade(config, "head")
        except (OperationalError, SADatabaseError) as exc:
            raise StoreError(f"{self.label}: cannot open or migrate the database ({exc.orig})") from exc

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------------------------

    def article_exists(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(t.articles.c.id).where(t.articles.c.id == article_id)).first() is not None

    def add_appearance(self, appearance: Appearance, similarity: float | None = None) -> bool:
        """Record another place a stored story was seen; False when it was already recorded."""
        with self._write() as conn:
            return self._insert_appearance(conn, appearance, similarity)

    def save_article(self, article: Article, attributions: Iterable[Attribution], extractor_version: str,
                     appearance: Appearance | None = None, signature: bytes | None = None) -> bool:
        """Store an article, its attributions and speakers in one transaction. False when it was already stored."""
        attributions = list(attributions)
        with self._write() as conn:
            if conn.execute(select(t.articles.c.id).where(t.articles.c.id == article.id)).first():
                if appearance:
                    self._insert_appearance(conn, appearance, None)
                return False
            conn.execute(insert(t.articles).values(
                id=article.id, content_hash=article.hash, text=article.text, title=article.title,
                publisher=article.publisher, published=article.published, url=article.url, author=article.author,
                genre=article.genre, body_start=article.body_start, meta=article.meta or None,
                extractor_version=extractor_version, created_at=now()))
            if signature is not None:
                conn.execute(insert(t.article_signatures).values(article_id=article.id, minhash=signature))
            self._insert_appearance(conn, appearance or Appearance(
                article.id, article.ref, article.publisher, article.url, article.published, article.title), None)
            self._insert_attributions(conn, article, attributions, extractor_version)
            conn.execute(t.failures.delete().where(t.failures.c.source == article.ref))
            return True

    def replace_attributions(self, article: Article, attributions: Iterable[Attribution],
                             extractor_version: str) -> None:
        """Redo one stored article's attributions (after the extractor changed); claims' voices on them go too."""
        with self._write() as conn:
            conn.execute(t.attributions.delete().where(t.attributions.c.article_id == article.id))
            conn.execute(update(t.articles).where(t.articles.c.id == article.id)
                         .values(extractor_version=extractor_version))
            self._insert_attributions(conn, article, list(attributions), extractor_version)

    def record_failure(self, source: str, reason: str) -> None:
        with self._write() as conn:
            row = conn.execute(select(t.failures.c.attempts).where(t.failures.c.source == source)).first()
            if row:
                conn.execute(update(t.failures).where(t.failures.c.source == source)
                             .values(reason=reason, attempts=row.attempts + 1, failed_at=now()))
            else:
                conn.execute(insert(t.failures).values(source=source, reason=reason, attempts=1, failed_at=now()))

    def _write(self):
        """A write transaction; a locked or vanished database becomes one StoreError naming it."""
        return _WriteTransaction(self)

    def _insert_appearance(self, conn: Any, appearance: Appearance, similarity: float | None) -> bool:
        exists = conn.execute(select(t.appearances.c.id).where(and_(
            t.appearances.c.article_id == appearance.article_id, t.appearances.c.source == appearance.source))).first()
        if exists:
            return False
        conn.execute(insert(t.appearances).values(
            article_id=appearance.article_id, source=appearance.source, outlet=appearance.outlet, url=appearance.url,
            published=appearance.published, title=appearance.title, similarity=similarity, seen_at=now()))
        return True

    def _upsert_speaker(self, conn: Any, speaker: Speaker) -> str:
        sid = speaker_id(speaker.key)
        row = conn.execute(select(t.speakers).where(t.speakers.c.id == sid)).first()
        aliases = sorted({*speaker.aliases, speaker.name})
        affiliation_id = None
        if speaker.affiliation:
            org = Speaker(speaker.affiliation, "organization")
            if conn.execute(select(t.speakers.c.id).where(t.speakers.c.id == speaker_id(org.key))).first():
                affiliation_id = speaker_id(org.key)
        if row is None:
            conn.execute(insert(t.speakers).values(
                id=sid, key=speaker.key, name=speaker.name, type=speaker.type, role=speaker.role,
                affiliation=speaker.affiliation, affiliation_id=affiliation_id, aliases=aliases))
        else:
            merged = sorted({*row.aliases, *aliases})
            changes: dict[str, Any] = {}
            if merged != sorted(row.aliases):
                changes["aliases"] = merged
            if speaker.role and not row.role:
                changes["role"] = speaker.role
            if speaker.affiliation and not row.affiliation:
                changes["affiliation"] = speaker.affiliation
                changes["affiliation_id"] = affiliation_id
            if changes:
                conn.execute(update(t.speakers).where(t.speakers.c.id == sid).values(**changes))
        return sid

    def _insert_attributions(self, conn: Any, article: Article, attributions: list[Attribution],
                             extractor_version: str) -> None:
        rows = []
        for a in attributions:
            sid = self._upsert_speaker(conn, a.speaker) if a.speaker else None
            rows.append(dict(
                id=a.id, article_id=article.id, kind=a.kind, speaker_id=sid,
                source_text=article.text[a.source_span[0]:a.source_span[1]] if a.source_span else None,
                source_start=a.source_span[0] if a.source_span else None,
                source_end=a.source_span[1] if a.source_span else None,
                cue=a.cue, cue_start=a.cue_span[0] if a.cue_span else None,
                cue_end=a.cue_span[1] if a.cue_span else None, cue_class=a.cue_class, content=a.content,
                content_spans=[list(s) for s in a.content_spans], via=list(a.via), parent_id=a.parent,
                flags=list(a.flags), sentence_start=a.sentence[0], sentence_end=a.sentence[1],
                confidence=a.confidence, method=a.method, extractor_version=extractor_version))
        if rows:
            conn.execute(insert(t.attributions), rows)

    # -- reading ---------------------------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                    for name, table in (("articles", t.articles), ("appearances", t.appearances),
                                        ("speakers", t.speakers), ("attributions", t.attributions),
                                        ("claims", t.claims), ("failures", t.failures))}

    def failures(self) -> list[dict[str, Any]]:
        """Inputs that failed and have not been stored since, newest first."""
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(select(t.failures).order_by(t.failures.c.failed_at.desc()))]

    def articles(self, outdated_for: str | None = None) -> Iterator[Article]:
        """Stored articles (all, or those extracted with a version other than `outdated_for`)."""
        query = select(t.articles).order_by(t.articles.c.created_at, t.articles.c.id)
        if outdated_for:
            query = query.where(or_(t.articles.c.extractor_version.is_(None),
                                    t.articles.c.extractor_version != outdated_for))
        with self.engine.connect() as conn:
            for row in conn.execute(query):
                yield Article(ref=row.id, text=row.text, title=row.title, publisher=row.publisher,
                              published=row.published, url=row.url, author=row.author, genre=row.genre,
                              body_start=row.body_start, meta=row.meta or {})

    def attributions(self, speaker: str | None = None, article: str | None = None, cue_class: str | None = None,
                     outlet: str | None = None, since: str | None = None, until: str | None = None,
                     search: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Stored attributions joined with their speaker and article, filtered; newest articles first."""
        a, s, ar = t.attributions, t.speakers, t.articles
        query = (select(a, s.c.name.label("speaker_name"), s.c.type.label("speaker_type"),
                        s.c.role.label("speaker_role"), s.c.affiliation.label("speaker_affiliation"),
                        ar.c.title, ar.c.publisher, ar.c.published)
                 .select_from(a.join(ar, a.c.article_id == ar.c.id).outerjoin(s, a.c.speaker_id == s.c.id)))
        if speaker:
            query = query.where(or_(s.c.name.ilike(f"%{speaker}%"), s.c.id == speaker))
        if article:
            source_match = select(t.appearances.c.article_id).where(t.appearances.c.source.ilike(f"%{article}%"))
            query = query.where(or_(a.c.article_id == article, a.c.article_id.in_(source_match)))
        if cue_class:
            query = query.where(a.c.cue_class == cue_class)
        if outlet:
            outlet_match = select(t.appearances.c.article_id).where(t.appearances.c.outlet.ilike(f"%{outlet}%"))
            query = query.where(or_(ar.c.publisher.ilike(f"%{outlet}%"), a.c.article_id.in_(outlet_match),
                                    a.c.via.cast(Text).ilike(f"%{outlet}%")))
        if since:
            query = query.where(ar.c.published >= since)
        if until:
            query = query.where(ar.c.published <= until + "\uffff")
        if search:
            query = query.where(a.c.content.ilike(f"%{search}%"))
        query = query.order_by(ar.c.published.desc(), a.c.article_id, a.c.sentence_start, a.c.cue_start)
        if limit:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    def speakers(self, name: str | None = None, type: str | None = None) -> list[dict[str, Any]]:
        """Speakers with the number of statements attributed to each, most quoted first."""
        n = func.count(t.attributions.c.id).label("statements")
        query = (select(t.speakers, n).select_from(
            t.speakers.outerjoin(t.attributions, t.attributions.c.speaker_id == t.speakers.c.id))
            .group_by(t.speakers.c.id).order_by(n.desc(), t.speakers.c.name))
        if name:
            query = query.where(t.speakers.c.name.ilike(f"%{name}%"))
        if type:
            query = query.where(t.speakers.c.type == type)
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]


class _WriteTransaction:
    """`with store._write() as conn:` — BEGIN … COMMIT, with database faults turned into StoreError."""

    def __init__(self, store: Store):
        self.store = store
        self._ctx = None

    def __enter__(self) -> Any:
        try:
            self._ctx = self.store.engine.begin()
            return self._ctx.__enter__()
        except (OperationalError, SADatabaseError) as exc:
            raise StoreError(f"{self.store.label}: cannot write ({exc.orig})") from exc

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> bool:
        try:
            self._ctx.__exit__(exc_type, exc, tb)
        except (OperationalError, SADatabaseError, IntegrityError) as error:
            raise StoreError(f"{self.store.label}: cannot write ({error.orig})") from error
        if isinstance(exc, (OperationalError, SADatabaseError)):
            raise StoreError(f"{self.store.label}: cannot write ({exc.orig})") from exc
        return False
