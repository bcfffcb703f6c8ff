"""Initial schema: articles and their appearances, speakers, attributions, claims and voices, feed state, failures.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("title", sa.Text), sa.Column("publisher", sa.Text), sa.Column("published", sa.String(32)),
        sa.Column("url", sa.Text), sa.Column("author", sa.Text), sa.Column("genre", sa.String(64)),
        sa.Column("body_start", sa.Integer, nullable=False), sa.Column("meta", sa.JSON),
        sa.Column("extractor_version", sa.String(32)), sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "appearances",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("source", sa.Text, nullable=False), sa.Column("outlet", sa.Text), sa.Column("url", sa.Text),
        sa.Column("published", sa.String(32)), sa.Column("title", sa.Text), sa.Column("similarity", sa.Float),
        sa.Column("seen_at", sa.String(32), nullable=False),
        sa.UniqueConstraint("article_id", "source", name="uq_appearance_source"),
    )
    op.create_table(
        "article_signatures",
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("minhash", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "speakers",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("key", sa.Text, nullable=False, unique=True),
        sa.Column("name", sa.Text, nullable=False), sa.Column("type", sa.String(16), nullable=False),
        sa.Column("role", sa.Text), sa.Column("affiliation", sa.Text),
        sa.Column("affiliation_id", sa.String(32), sa.ForeignKey("speakers.id", ondelete="SET NULL")),
        sa.Column("aliases", sa.JSON, nullable=False),
    )
    op.create_table(
        "attributions",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("speaker_id", sa.String(32), sa.ForeignKey("speakers.id", ondelete="SET NULL")),
        sa.Column("source_text", sa.Text), sa.Column("source_start", sa.Integer), sa.Column("source_end", sa.Integer),
        sa.Column("cue", sa.Text), sa.Column("cue_start", sa.Integer), sa.Column("cue_end", sa.Integer),
        sa.Column("cue_class", sa.String(16), nullable=False),
        sa.Column("content", sa.Text), sa.Column("content_spans", sa.JSON, nullable=False),
        sa.Column("via", sa.JSON, nullable=False), sa.Column("parent_id", sa.String(32)),
        sa.Column("flags", sa.JSON, nullable=False),
        sa.Column("sentence_start", sa.Integer), sa.Column("sentence_end", sa.Integer),
        sa.Column("confidence", sa.Float), sa.Column("method", sa.String(16)),
        sa.Column("extractor_version", sa.String(32)),
    )
    op.create_index("ix_attributions_article", "attributions", ["article_id"])
    op.create_index("ix_attributions_speaker", "attributions", ["speaker_id"])
    op.create_index("ix_attributions_cue_class", "attributions", ["cue_class"])
    op.create_table(
        "claims",
        sa.Column("id", sa.String(32), primary_key=True), sa.Column("gist", sa.Text, nullable=False),
        sa.Column("first_seen", sa.String(32)), sa.Column("updated_at", sa.String(32)),
    )
    op.create_table(
        "voices",
        sa.Column("claim_id", sa.String(32), sa.ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("attribution_id", sa.String(32), sa.ForeignKey("attributions.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("stance", sa.String(16), nullable=False), sa.Column("score", sa.Float),
    )
    op.create_index("ix_voices_attribution", "voices", ["attribution_id"])
    op.create_table(
        "feeds",
        sa.Column("url", sa.Text, primary_key=True), sa.Column("etag", sa.Text), sa.Column("modified", sa.Text),
        sa.Column("last_polled", sa.String(32)), sa.Column("last_status", sa.Text),
    )
    op.create_table(
        "feed_entries",
        sa.Column("feed_url", sa.Text, primary_key=True), sa.Column("entry_key", sa.Text, primary_key=True),
        sa.Column("article_id", sa.String(32)), sa.Column("status", sa.String(16), nullable=False),
        sa.Column("error", sa.Text), sa.Column("seen_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "failures",
        sa.Column("source", sa.Text, primary_key=True), sa.Column("reason", sa.Text, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False), sa.Column("failed_at", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    for table in ("failures", "feed_entries", "feeds", "voices", "claims", "attributions", "speakers",
                  "article_signatures", "appearances", "articles"):
        op.drop_table(table)
