"""The database schema, as SQLAlchemy Core tables: one schema for SQLite and PostgreSQL.

Designed from the start for a story seen in many places (`articles` holds each distinct text once, `appearances`
every file, URL or syndicated copy it was seen as) and for claims (`claims` and `voices` link attributions across
articles). Changes go through a new Alembic migration in `migrations/versions/`, never by editing an old one.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
)

metadata = MetaData()

articles = Table(
    "articles", metadata,
    Column("id", String(32), primary_key=True),           # content-hash prefix: the same text is the same article
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("text", Text, nullable=False),                  # exactly as read: every stored offset points into it
    Column("title", Text), Column("publisher", Text), Column("published", String(32)), Column("url", Text),
    Column("author", Text), Column("genre", String(64)), Column("body_start", Integer, nullable=False, default=0),
    Column("meta", JSON), Column("extractor_version", String(32)), Column("created_at", String(32), nullable=False),
    Column("language", String(16)),                        # ISO 639-1 code from the detector; None when unknown
)

# Every place a story was seen: the file or URL it was read from, syndicated copies on other sites, feed entries.
appearances = Table(
    "appearances", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("source", Text, nullable=False), Column("outlet", Text), Column("url", Text),
    Column("published", String(32)), Column("title", Text), Column("similarity", Float),
    Column("seen_at", String(32), nullable=False),
    # A near-duplicate copy whose text differs from the canonical one keeps its own text: the statements it adds
    # (attributions with this appearance_id) have offsets into it. None for exact copies and first appearances.
    Column("text", Text),
    UniqueConstraint("article_id", "source", name="uq_appearance_source"),
)

# MinHash signatures for near-duplicate (syndicated copy) detection across runs.
article_signatures = Table(
    "article_signatures", metadata,
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("minhash", LargeBinary, nullable=False),
)

speakers = Table(
    "speakers", metadata,
    Column("id", String(32), primary_key=True),
    Column("key", Text, nullable=False, unique=True),      # what identities merge on: speaker_merge.speaker_key
    Column("name", Text, nullable=False), Column("type", String(16), nullable=False),
    Column("role", Text), Column("affiliation", Text),
    Column("affiliation_id", String(32), ForeignKey("speakers.id", ondelete="SET NULL")),
    Column("aliases", JSON, nullable=False),
)

attributions = Table(
    "attributions", metadata,
    Column("id", String(32), primary_key=True),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("speaker_id", String(32), ForeignKey("speakers.id", ondelete="SET NULL")),
    Column("source_text", Text), Column("source_start", Integer), Column("source_end", Integer),
    Column("cue", Text), Column("cue_start", Integer), Column("cue_end", Integer),
    Column("cue_class", String(16), nullable=False),
    Column("content", Text), Column("content_spans", JSON, nullable=False),
    Column("via", JSON, nullable=False), Column("parent_id", String(32)), Column("flags", JSON, nullable=False),
    Column("sentence_start", Integer), Column("sentence_end", Integer),
    Column("confidence", Float), Column("method", String(16)), Column("extractor_version", String(32)),
    # Set for a statement only a near-duplicate copy carries (offsets into that appearance's text), else None.
    Column("appearance_id", Integer, ForeignKey("appearances.id")),
    # The speaker as this article describes it: the evidence from which the speaker record's type, role and
    # affiliation are recomputed on every write, so that they do not depend on the order articles were stored in.
    Column("speaker_type", String(16)), Column("speaker_role", Text), Column("speaker_affiliation", Text),
    # What the content predicates, as extraction read it from the article's parse (nlp.predicates.encode: JSON
    # lemmas), for claim linking; None for rows stored before migration 0005 (linking parses those).
    Column("predicates", Text),
)
Index("ix_attributions_article", attributions.c.article_id)
Index("ix_attributions_speaker", attributions.c.speaker_id)
Index("ix_attributions_cue_class", attributions.c.cue_class)
Index("ix_attributions_appearance", attributions.c.appearance_id)

claims = Table(
    "claims", metadata,
    Column("id", String(32), primary_key=True),            # derived from the claim's earliest statement: stable
    Column("gist", Text, nullable=False), Column("first_seen", String(32)), Column("updated_at", String(32)),
)
Index("ix_claims_updated_at", claims.c.updated_at)   # the newest linking run (migration 0004)
Index("ix_articles_extractor_version", articles.c.extractor_version)   # articles per version, counted (0004)
Index("ix_speakers_lower_name", func.lower(speakers.c.name))   # a whole name, any case (migration 0004)

voices = Table(
    "voices", metadata,
    Column("claim_id", String(32), ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    Column("attribution_id", String(32), ForeignKey("attributions.id", ondelete="CASCADE"), primary_key=True),
    Column("stance", String(16), nullable=False), Column("score", Float),
)
Index("ix_voices_attribution", voices.c.attribution_id)

# Feed polling state, so that `watch` resumes where it left off.
feeds = Table(
    "feeds", metadata,
    Column("url", Text, primary_key=True), Column("etag", Text), Column("modified", Text),
    Column("last_polled", String(32)), Column("last_status", Text),
)
feed_entries = Table(
    "feed_entries", metadata,
    Column("feed_url", Text, primary_key=True), Column("entry_key", Text, primary_key=True),
    Column("article_id", String(32)), Column("status", String(16), nullable=False), Column("error", Text),
    Column("seen_at", String(32), nullable=False),
)

# Inputs that failed, so that a rerun can pick them up and a user can list them.
failures = Table(
    "failures", metadata,
    Column("source", Text, primary_key=True), Column("reason", Text, nullable=False),
    Column("attempts", Integer, nullable=False, default=1), Column("failed_at", String(32), nullable=False),
)

# Small facts about the whole store that must survive a crash, e.g. "claims_stale": attributions changed since
# claims were last linked (set before re-extracting or storing, cleared after linking), so a rerun repairs.
store_state = Table(
    "store_state", metadata,
    Column("key", String(64), primary_key=True), Column("value", Text, nullable=False),
)

# API tokens for the web layer (migration 0003): only a SHA-256 of the secret is kept.
tokens = Table(
    "tokens", metadata,
    Column("id", String(16), primary_key=True), Column("name", Text, nullable=False),
    Column("secret_hash", String(64), nullable=False), Column("created_at", String(32), nullable=False),
    Column("revoked_at", String(32)),
)

# Corrections by people, an overlay applied on read (migration 0003). Keyed by the attribution's stable id, with no
# foreign key, so that they survive `reextract` and re-linking; the newest row per (attribution, field) wins.
corrections = Table(
    "corrections", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("attribution_id", String(32), nullable=False), Column("field", String(16), nullable=False),
    Column("before", JSON), Column("after", JSON), Column("author", Text, nullable=False), Column("note", Text),
    Column("created_at", String(32), nullable=False),
)
Index("ix_corrections_attribution", corrections.c.attribution_id)

# The full-text index (migration 0003): an FTS5 virtual table on SQLite, a table with a generated tsvector column on
# PostgreSQL. Declared here with the columns both share; claimgraph/store/search.py fills and queries it.
search_index = Table(
    "search_index", metadata,
    Column("kind", String(16), nullable=False), Column("ref", String(32), nullable=False),
    Column("title", Text), Column("body", Text),
)
