"""The Store: one class over SQLAlchemy Core, for SQLite (the default, embedded) and PostgreSQL.

Every write is one transaction (an interrupted run loses nothing already committed, and never leaves half an
article). Writing the same article twice changes nothing: articles are keyed by content hash, attributions by
stable ids, appearances by (article, source).
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import replace as with_fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, Text, and_, create_engine, delete, event, func, insert, or_, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import IntegrityError, OperationalError

from claimgraph.errors import StoreError
from claimgraph.nlp.predicates import encode as encode_predicates
from claimgraph.records import Appearance, Article, Attribution, Speaker, normalise_name
from claimgraph.speaker_merge import display_name, merged_type, preferred, speaker_key
from claimgraph.store import schema as t
from claimgraph.store.claims import ClaimLedger

MIGRATIONS = Path(__file__).parent / "migrations"
# A write that lost a race with another writer (a row it checked for was inserted meanwhile, a deadlock between two
# PostgreSQL transactions) is run again from the start: the second time it sees the other's row and does nothing.
WRITE_ATTEMPTS = 4


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def database_url(db: str | Path) -> str:
    """A path becomes a SQLite URL; a URL (postgresql://…, sqlite:///…) is used as given."""
    text = str(db)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser()}"


def speaker_id(key: str) -> str:
    return "sp_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def lost_a_race(exc: BaseException | None) -> bool:
    """A fault another writer caused (duplicate key, deadlock, serialisation): the write may simply run again."""
    if isinstance(exc, IntegrityError):
        return True
    code = getattr(getattr(exc, "orig", None), "sqlstate", None)
    return code in {"40P01", "40001"}


def _sqlite_pragmas(busy_timeout_ms: int):
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # WAL lets reading commands work while `ingest` or `watch` writes; busy_timeout waits out a short lock
        # instead of failing at once; foreign keys are off by default in SQLite.
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()
        # Transactions are begun by `_sqlite_begin` (below), not by the driver.
        dbapi_connection.isolation_level = None

    return on_connect


def _sqlite_begin(conn: Any) -> None:
    # A write takes the write lock at BEGIN (IMMEDIATE): a deferred transaction that read first and then tries to
    # write fails at once ("database is locked", no busy wait) when another writer committed in between.
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("claimgraph_write") else "BEGIN")


class Store(ClaimLedger):
    """The ledger: articles, appearances, speakers, attributions, claims. Open with `Store.open(db)`."""

    def __init__(self, engine: Engine, label: str):
        self.engine = engine
        self.label = label

    @classmethod
    def open(cls, db: str | Path, migrate: bool = True, busy_timeout_ms: int = 60_000) -> Store:
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
            event.listen(engine, "begin", _sqlite_begin)
        store = cls(engine, label)
        if migrate:
            store.migrate(wait_s=busy_timeout_ms / 1000)
        return store

    def migrate(self, wait_s: float = 60.0) -> None:
        """Bring the schema to the newest migration (a no-op when it is current).

        Two processes opening a new SQLite file at once can meet in a lock SQLite refuses at once instead of
        waiting (one switching the file to WAL while the other commits): that is retried until `wait_s` has
        passed, so the second opener waits as it would for any other write."""
        deadline = time.monotonic() + wait_s
        while True:
            try:
                return self._migrate_once()
            except OperationalError as exc:
                if "locked" not in str(exc.orig) or time.monotonic() > deadline:
                    raise StoreError(f"{self.label}: cannot open or migrate the database ({exc.orig})") from exc
                time.sleep(0.1)
            except SADatabaseError as exc:
                raise StoreError(f"{self.label}: cannot open or migrate the database ({exc.orig})") from exc

    def _migrate_once(self) -> None:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with self._write_engine().begin() as conn:
            if conn.dialect.name == "postgresql":  # two processes opening a new database at once
                conn.execute(text("SELECT pg_advisory_xact_lock(720021)"))
            config.attributes["connection"] = conn
            command.upgrade(config, "head")

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------------------------

    def article_exists(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(t.articles.c.id).where(t.articles.c.id == article_id)).first() is not None

    def appearance_exists(self, article_id: str, source: str) -> bool:
        """True when `source` is already recorded as an appearance of the stored story `article_id`."""
        with self.engine.connect() as conn:
            return conn.execute(select(t.appearances.c.id).where(and_(
                t.appearances.c.article_id == article_id, t.appearances.c.source == source))).first() is not None

    def statement_keys(self, article_id: str, but_copy: int | None = None) -> set[tuple[str | None, str, str]]:
        """(normalised speaker name, cue class, words) of every statement stored for a story, copies' included
        (except those of the copy `but_copy`, an appearance id: what that copy is compared with when it is redone)."""
        a, s = t.attributions, t.speakers
        query = (select(s.c.name, a.c.cue_class, a.c.content).select_from(a.outerjoin(s, a.c.speaker_id == s.c.id))
                 .where(a.c.article_id == article_id))
        if but_copy is not None:
            query = query.where(or_(a.c.appearance_id.is_(None), a.c.appearance_id != but_copy))
        with self.engine.connect() as conn:
            return {(normalise_name(name) if name else None, cue_class, " ".join((content or "").split()).lower())
                    for name, cue_class, content in conn.execute(query)}

    def add_appearance(self, appearance: Appearance, similarity: float | None = None, text: str | None = None,
                       attributions: Iterable[Attribution] = (), extractor_version: str | None = None) -> bool:
        """Record another place a stored story was seen; False when it was already recorded.

        A near-duplicate copy that carries statements the canonical text lacks gives its own `text` and those
        `attributions` (offsets into `text`): they are stored pointing at this appearance, in the same transaction.
        """
        attributions = list(attributions)

        def work(conn: Any) -> bool:
            appearance_id = self._insert_appearance(conn, appearance, similarity, text if attributions else None)
            if appearance_id is None:
                return False
            if attributions:
                self._insert_attributions(conn, appearance.article_id, text or "", attributions,
                                          extractor_version, appearance_id)
            return True

        return self._write_retrying(work)

    def save_article(self, article: Article, attributions: Iterable[Attribution], extractor_version: str,
                     appearance: Appearance | None = None, signature: bytes | None = None,
                     language: str | None = None) -> bool:
        """Store an article, its attributions and speakers in one transaction. False when it was already stored
        (by this process or, concurrently, by another: a duplicate, never a failure)."""
        attributions = list(attributions)
        first = appearance or Appearance(article.id, article.ref, article.publisher, article.url, article.published,
                                         article.title)

        def work(conn: Any) -> bool:
            if conn.execute(select(t.articles.c.id).where(t.articles.c.id == article.id)).first():
                self._insert_appearance(conn, first, None)
                return False
            conn.execute(insert(t.articles).values(
                id=article.id, content_hash=article.hash, text=article.text, title=article.title,
                publisher=article.publisher, published=article.published, url=article.url, author=article.author,
                genre=article.genre, body_start=article.body_start, meta=article.meta or None,
                extractor_version=extractor_version, created_at=now(), language=language))
            if signature is not None:
                conn.execute(insert(t.article_signatures).values(article_id=article.id, minhash=signature))
            self._insert_appearance(conn, first, None)
            self._insert_attributions(conn, article.id, article.text, attributions, extractor_version)
            conn.execute(t.failures.delete().where(t.failures.c.source == article.ref))
            return True

        return self._write_retrying(work)

    def replace_attributions(self, article: Article, attributions: Iterable[Attribution],
                             extractor_version: str, language: str | None = None) -> None:
        """Redo one stored article's attributions (after the extractor changed), in one transaction.

        Rows whose stable id comes back are updated in place, so their claim voices stay; voices of statements
        that are gone go with them, and a claim left with no voice goes too (never a claim without voices).
        Statements that a near-duplicate copy added (appearance_id set) are not touched.
        """
        attributions = list(attributions)

        def work(conn: Any) -> None:
            a = t.attributions
            conn.execute(update(t.articles).where(t.articles.c.id == article.id)
                         .values(extractor_version=extractor_version, language=language))
            self._replace_rows(conn, and_(a.c.article_id == article.id, a.c.appearance_id.is_(None)), article.id,
                               article.text, attributions, extractor_version)

        self._write_retrying(work)

    def copies_with_text(self, article_id: str) -> list[tuple[int, Article]]:
        """The near-duplicate copies of a stored story that keep their own text (they carry statements the story
        lacks), each as (appearance id, the copy as an Article), in the order they were seen."""
        p = t.appearances
        query = (select(p).where(and_(p.c.article_id == article_id, p.c.text.is_not(None))).order_by(p.c.id))
        with self.engine.connect() as conn:
            return [(row.id, Article(ref=row.source, text=row.text, title=row.title, publisher=row.outlet,
                                     published=row.published, url=row.url)) for row in conn.execute(query)]

    def replace_copy_attributions(self, article_id: str, appearance_id: int, text: str,
                                  attributions: Iterable[Attribution], extractor_version: str) -> None:
        """Redo the statements a near-duplicate copy adds to its story (offsets into the copy's `text`), in one
        transaction, as `replace_attributions` does for the story's own: rows whose id comes back keep their
        voices, the others go, and a claim left with no voice goes too."""
        attributions = list(attributions)
        self._write_retrying(lambda conn: self._replace_rows(
            conn, t.attributions.c.appearance_id == appearance_id, article_id, text, attributions, extractor_version,
            appearance_id))

    def _replace_rows(self, conn: Any, rows: Any, article_id: str, text: str, attributions: list[Attribution],
                      extractor_version: str, appearance_id: int | None = None) -> None:
        """Replace the attribution `rows` (a condition) by `attributions`: rows whose id comes back are updated in
        place (their voices stay), the others go with their voices, and a claim left with no voice goes too."""
        a = t.attributions
        old = conn.execute(select(a.c.id, a.c.speaker_id).where(rows)).all()
        kept = {x.id for x in attributions}
        gone = [row.id for row in old if row.id not in kept]
        if gone:
            conn.execute(delete(a).where(a.c.id.in_(gone)))
        self._insert_attributions(conn, article_id, text, attributions, extractor_version, appearance_id,
                                  replace={row.id for row in old} - set(gone),
                                  also_recompute={row.speaker_id for row in old if row.speaker_id})
        conn.execute(delete(t.claims).where(~t.claims.c.id.in_(select(t.voices.c.claim_id))))

    def record_failure(self, source: str, reason: str) -> None:
        def work(conn: Any) -> None:
            row = conn.execute(select(t.failures.c.attempts).where(t.failures.c.source == source)).first()
            if row:
                conn.execute(update(t.failures).where(t.failures.c.source == source)
                             .values(reason=reason, attempts=row.attempts + 1, failed_at=now()))
            else:
                conn.execute(insert(t.failures).values(source=source, reason=reason, attempts=1, failed_at=now()))

        self._write_retrying(work)

    def get_state(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(t.store_state.c.value).where(t.store_state.c.key == key)).scalar()

    def set_state(self, key: str, value: str | None, only_if: str | None = None) -> None:
        """Set (or, with None, clear) a store-wide fact; with `only_if`, only while it still holds that value."""
        def work(conn: Any) -> None:
            current = conn.execute(select(t.store_state.c.value).where(t.store_state.c.key == key)).scalar()
            if only_if is not None and current != only_if:
                return
            conn.execute(delete(t.store_state).where(t.store_state.c.key == key))
            if value is not None:
                conn.execute(insert(t.store_state).values(key=key, value=value))

        self._write_retrying(work)

    def _write(self):
        """A write transaction; a locked or vanished database becomes one StoreError naming it."""
        return _WriteTransaction(self)

    def _write_engine(self) -> Engine:
        return self.engine.execution_options(claimgraph_write=True)

    def _write_retrying(self, work: Any) -> Any:
        """Run `work(conn)` in a write transaction, again from the start when it lost a race with another writer."""
        for attempt in range(WRITE_ATTEMPTS):
            try:
                with self._write() as conn:
                    return work(conn)
            except StoreError as exc:
                if attempt + 1 == WRITE_ATTEMPTS or not lost_a_race(exc.__cause__):
                    raise
        raise AssertionError("unreachable")

    def _insert_appearance(self, conn: Any, appearance: Appearance, similarity: float | None,
                           text: str | None = None) -> int | None:
        """The new appearance's id, or None when (article, source) was already recorded."""
        exists = conn.execute(select(t.appearances.c.id).where(and_(
            t.appearances.c.article_id == appearance.article_id, t.appearances.c.source == appearance.source))).first()
        if exists:
            return None
        result = conn.execute(insert(t.appearances).values(
            article_id=appearance.article_id, source=appearance.source, outlet=appearance.outlet, url=appearance.url,
            published=appearance.published, title=appearance.title, similarity=similarity, seen_at=now(),
            text=text).returning(t.appearances.c.id))
        return result.scalar_one()

    def _lock_speaker(self, conn: Any, key: str, speaker: Speaker) -> str:
        """Make sure the speaker's row exists and hold it until commit (concurrent writers merge one at a time)."""
        sid = speaker_id(key)
        dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
        conn.execute(dialect.insert(t.speakers).values(
            id=sid, key=key, name=speaker.name, type=speaker.type, aliases=[]).on_conflict_do_nothing())
        row = conn.execute(select(t.speakers.c.aliases, t.speakers.c.name).where(t.speakers.c.id == sid)
                           .with_for_update()).first()
        merged = sorted({*row.aliases, *speaker.aliases, speaker.name})
        name = display_name(merged, speaker.name)  # from every spelling seen, not the first one stored
        if merged != sorted(row.aliases) or name != row.name:
            conn.execute(update(t.speakers).where(t.speakers.c.id == sid).values(aliases=merged, name=name))
        return sid

    def _recompute_speaker(self, conn: Any, sid: str) -> None:
        """Type, role, affiliation and display name from the evidence of every statement now stored for `sid`."""
        a = t.attributions

        def tally(column: Any) -> list[tuple[str, int]]:
            return [(v, n) for v, n in conn.execute(select(column, func.count()).where(a.c.speaker_id == sid)
                                                    .group_by(column)).all() if v]

        type_ = merged_type(tally(a.c.speaker_type))
        if type_ is None:
            return  # no statement left: the record keeps what it had
        role, affiliation = preferred(tally(a.c.speaker_role)), preferred(tally(a.c.speaker_affiliation))
        affiliation_id = None
        if affiliation:
            org = speaker_id(normalise_name(affiliation))
            if org != sid and conn.execute(select(t.speakers.c.id).where(t.speakers.c.id == org)).first():
                affiliation_id = org
        conn.execute(update(t.speakers).where(t.speakers.c.id == sid).values(
            type=type_, role=role, affiliation=affiliation, affiliation_id=affiliation_id))

    def _insert_attributions(self, conn: Any, article_id: str, text: str, attributions: list[Attribution],
                             extractor_version: str | None, appearance_id: int | None = None,
                             replace: set[str] = frozenset(), also_recompute: set[str] = frozenset()) -> None:
        """Insert (or, for ids in `replace`, update) attributions; then recompute every speaker they touch."""
        unique, parents = _dedupe(attributions)
        keys = {a.id: speaker_key(a.speaker, article_id) for a in unique if a.speaker}
        mentions: dict[str, Speaker] = {}  # per key, with the aliases of every statement of this article
        for a in unique:
            if a.speaker:
                seen = mentions.get(keys[a.id])
                mentions[keys[a.id]] = a.speaker if seen is None else with_fields(
                    seen, aliases=tuple(dict.fromkeys((*seen.aliases, *a.speaker.aliases, a.speaker.name))))
        # Speaker rows are locked in key order, so two writers never wait on each other in a cycle.
        sids = {key: self._lock_speaker(conn, key, mentions[key]) for key in sorted(mentions)}
        rows = [_attribution_row(a, article_id, text, sids.get(keys.get(a.id, "")), parents.get(a.parent, a.parent),
                                 extractor_version, appearance_id) for a in unique]
        new_rows = [r for r in rows if r["id"] not in replace]
        for row in rows:
            if row["id"] in replace:
                conn.execute(update(t.attributions).where(t.attributions.c.id == row["id"]).values(**row))
        if new_rows:
            conn.execute(insert(t.attributions), new_rows)
        for sid in sorted({*sids.values(), *also_recompute}):
            self._recompute_speaker(conn, sid)

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
                     search: str | None = None, limit: int | None = None,
                     speech_only: bool = False) -> list[dict[str, Any]]:
        """Stored attributions joined with their speaker and article, filtered; newest articles first.

        Text filters match any case, with % and _ taken literally. `speaker` is an id or a name (whole words
        first, see `speaker_ids`); `article` an id or part of a path or URL; `speech_only` leaves out the
        `think` class. The order is total (published, article, sentence, cue, id), the same on every database.
        """
        a, s, ar = t.attributions, t.speakers, t.articles
        described = {"speaker_type", "speaker_role", "speaker_affiliation"}  # as the article describes the speaker
        # The identity's name and type; the role and affiliation the article gives, else the identity's.
        query = (select(*(c for c in a.c if c.name not in described), s.c.name.label("speaker_name"),
                        s.c.type.label("speaker_type"),
                        func.coalesce(a.c.speaker_role, s.c.role).label("speaker_role"),
                        func.coalesce(a.c.speaker_affiliation, s.c.affiliation).label("speaker_affiliation"),
                        ar.c.title, ar.c.publisher, ar.c.published)
                 .select_from(a.join(ar, a.c.article_id == ar.c.id).outerjoin(s, a.c.speaker_id == s.c.id)))
        if speaker:
            query = query.where(self._speaker_condition(a.c.speaker_id, speaker))
        if article:
            ap = t.appearances
            seen_at = select(ap.c.article_id).where(or_(contains(ap.c.source, article), contains(ap.c.url, article)))
            query = query.where(or_(a.c.article_id == article, contains(ar.c.url, article),
                                    a.c.article_id.in_(seen_at)))
        if cue_class:
            query = query.where(a.c.cue_class == cue_class)
        if speech_only:
            query = query.where(a.c.cue_class != "think")
        if outlet:
            outlet_match = select(t.appearances.c.article_id).where(contains(t.appearances.c.outlet, outlet))
            query = query.where(or_(contains(ar.c.publisher, outlet), a.c.article_id.in_(outlet_match),
                                    contains(a.c.via.cast(Text), outlet)))
        if since:
            query = query.where(ar.c.published >= since)
        if until:
            query = query.where(ar.c.published <= until + "\uffff")
        if search:
            query = query.where(contains(a.c.content, search))
        # NULLS placed explicitly: SQLite and PostgreSQL disagree by default; the id breaks every remaining tie.
        query = query.order_by(ar.c.published.desc().nulls_last(), a.c.article_id, a.c.sentence_start.nulls_first(),
                               a.c.cue_start.nulls_first(), a.c.id)
        if limit:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    def speakers(self, name: str | None = None, type: str | None = None, limit: int | None = None,
                 speech_only: bool = False) -> list[dict[str, Any]]:
        """Speakers with the number of statements attributed to each, most quoted first.

        `name` matches as in `speaker_ids`; with `speech_only` the count leaves out the `think` class and speakers
        with nothing said are left out.
        """
        at = t.attributions
        joined = at.c.speaker_id == t.speakers.c.id
        if speech_only:
            joined = and_(joined, at.c.cue_class != "think")
        n = func.count(at.c.id).label("statements")
        query = (select(t.speakers, n).select_from(t.speakers.outerjoin(at, joined))
                 .group_by(t.speakers.c.id).order_by(n.desc(), t.speakers.c.name, t.speakers.c.id))
        if name:
            query = query.where(self._speaker_condition(t.speakers.c.id, name))
        if type:
            query = query.where(t.speakers.c.type == type)
        if speech_only:
            query = query.having(n > 0)
        if limit:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    def speaker_ids(self, text: str) -> list[str]:
        """The speakers a user means by `text`: that id; else the names equal to it; else the names holding it as
        whole words ("it" is not "Citizenship"); else the names containing it. Any case; % and _ are literal."""
        s, text = t.speakers, " ".join(text.split())
        with self.engine.connect() as conn:
            # The id or the whole name first, from indexes (the primary key, ix_speakers_lower_name): a name taken
            # from a page or a list is found without reading every speaker. (A name equal only under Unicode case
            # folding, "ß" for "ss", is not looked for once an exact one is found.)
            exact = conn.execute(select(s.c.id, s.c.name).where(
                or_(s.c.id == text, func.lower(s.c.name) == func.lower(text)))).all()
            if any(_name_match_tier(text, r.name) == 0 or r.id == text for r in exact):
                candidates = [(r.id, r.name) for r in exact]
            else:
                rows = conn.execute(select(s.c.id, s.c.name).where(or_(s.c.id == text, contains(s.c.name, text))))
                candidates = [(r.id, r.name) for r in rows]
        if any(sid == text for sid, _ in candidates):
            return [text]
        tiers: dict[int, list[str]] = {}
        for sid, name in candidates:
            tier = _name_match_tier(text, name)
            if tier is not None:
                tiers.setdefault(tier, []).append(sid)
        return sorted(tiers[min(tiers)]) if tiers else []

    def _speaker_condition(self, column: Any, text: str) -> Any:
        return column.in_(self.speaker_ids(text))


def _like_pattern(text: str) -> str:
    """`%text%` for LIKE, with the wildcards in `text` escaped: "%" and "_" match themselves."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def contains(column: Any, text: str) -> Any:
    """Case-insensitive "column contains text", the same on SQLite and PostgreSQL."""
    return column.ilike(_like_pattern(text), escape="\\")


def _name_match_tier(query: str, name: str) -> int | None:
    """0 the whole name, 1 whole words of it, 2 any part of it, None no match (any case, spaces normalised)."""
    wanted, name = " ".join(query.split()).casefold(), " ".join(name.split()).casefold()
    if not wanted:
        return None
    if name == wanted:
        return 0
    if re.search(rf"(?<!\w){re.escape(wanted)}(?!\w)", name):
        return 1
    return 2 if wanted in name else None


class _WriteTransaction:
    """`with store._write() as conn:` — BEGIN … COMMIT, with database faults turned into StoreError."""

    def __init__(self, store: Store):
        self.store = store
        self._ctx = None

    def __enter__(self) -> Any:
        try:
            self._ctx = self.store._write_engine().begin()
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


def _dedupe(attributions: list[Attribution]) -> tuple[list[Attribution], dict[str, str]]:
    """Identical statements of one article (a paragraph repeated on the page) stored once: the same speaker, cue,
    kind and words. Returns the first of each and, for the others, the id that stands for them (for `parent`)."""
    first: dict[tuple, str] = {}
    unique: list[Attribution] = []
    standing_for: dict[str, str] = {}
    for a in attributions:
        if a.id in first.values():
            continue  # the same id twice: one row
        parent = standing_for.get(a.parent, a.parent) if a.parent else None
        same = (normalise_name(a.speaker.name) if a.speaker else None, (a.cue or "").lower(), a.cue_class, a.kind,
                " ".join((a.content or "").split()), parent)
        if same in first:
            standing_for[a.id] = first[same]
            continue
        first[same] = a.id
        unique.append(a)
    return unique, standing_for


def _attribution_row(a: Attribution, article_id: str, text: str, sid: str | None, parent: str | None,
                     extractor_version: str | None, appearance_id: int | None) -> dict[str, Any]:
    source, cue = a.source_span, a.cue_span
    return dict(
        id=a.id, article_id=article_id, kind=a.kind, speaker_id=sid,
        source_text=text[source[0]:source[1]] if source else None,
        source_start=source[0] if source else None, source_end=source[1] if source else None,
        cue=a.cue, cue_start=cue[0] if cue else None, cue_end=cue[1] if cue else None, cue_class=a.cue_class,
        content=a.content, content_spans=[list(sp) for sp in a.content_spans], via=list(a.via), parent_id=parent,
        flags=list(a.flags), sentence_start=a.sentence[0], sentence_end=a.sentence[1], confidence=a.confidence,
        method=a.method, extractor_version=extractor_version, appearance_id=appearance_id,
        speaker_type=a.speaker.type if a.speaker else None, speaker_role=a.speaker.role if a.speaker else None,
        speaker_affiliation=a.speaker.affiliation if a.speaker else None,
        predicates=encode_predicates(a.predicates))
