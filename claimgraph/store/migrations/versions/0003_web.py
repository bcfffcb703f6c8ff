"""The web layer's tables: API tokens (hashed), corrections (an overlay keyed by stable attribution ids) and the
full-text index (FTS5 on SQLite, a tsvector column with a GIN index on PostgreSQL; one table name, one API).

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tokens",
        sa.Column("id", sa.String(16), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("secret_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("revoked_at", sa.String(32)),
    )
    # No foreign key to attributions: `reextract` deletes and rewrites attribution rows, and a correction must
    # outlive that (the attribution's id is stable, so the overlay finds it again).
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("attribution_id", sa.String(32), nullable=False),
        sa.Column("field", sa.String(16), nullable=False),
        sa.Column("before", sa.JSON), sa.Column("after", sa.JSON),
        sa.Column("author", sa.Text, nullable=False), sa.Column("note", sa.Text),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_corrections_attribution", "corrections", ["attribution_id"])
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE search_index USING fts5(kind UNINDEXED, ref UNINDEXED, title, body, "
                   "tokenize = 'unicode61 remove_diacritics 2')")
    else:
        op.create_table(
            "search_index",
            sa.Column("kind", sa.String(16), nullable=False), sa.Column("ref", sa.String(32), nullable=False),
            sa.Column("title", sa.Text), sa.Column("body", sa.Text),
        )
        op.execute("ALTER TABLE search_index ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
                   "(setweight(to_tsvector('simple', coalesce(title, '')), 'A') || "
                   "setweight(to_tsvector('simple', coalesce(body, '')), 'B')) STORED")
        op.create_index("ix_search_index_tsv", "search_index", ["tsv"], postgresql_using="gin")
        op.create_index("ix_search_index_ref", "search_index", ["kind", "ref"])


def downgrade() -> None:
    op.drop_table("search_index")
    op.drop_index("ix_corrections_attribution", "corrections")
    op.drop_table("corrections")
    op.drop_table("tokens")
