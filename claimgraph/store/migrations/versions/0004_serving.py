"""Serving a large ledger: the search index's bookkeeping moves out of the index, one index for the claims' version.

- SQLite: the FTS5 table `search_index` is created anew (empty; the next `refresh_index` fills it) with each kind's
  documents in a rowid range of its own, and `search_index_refs` (kind, ref -> rowid) finds a document by its ref
  without scanning the index. PostgreSQL keeps its table (its (kind, ref) index does that already) and loses the
  fingerprint rows it kept there.
- The fingerprints of what the index was built from live in `store_state` ("search_index:KIND").
- `ix_claims_updated_at`: the newest linking run, read by every freshness check of the index, from an index.
- `ix_articles_extractor_version`: how many articles each extractor version produced, counted from an index (a
  cached claim page is checked against it: a re-extraction moves the counts).
- `ix_speakers_lower_name`: a speaker asked for by whole name (any case) without reading every speaker.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_claims_updated_at", "claims", ["updated_at"])
    op.create_index("ix_articles_extractor_version", "articles", ["extractor_version"])
    op.create_index("ix_speakers_lower_name", "speakers", [sa.text("lower(name)")])
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE search_index")
        op.execute("CREATE VIRTUAL TABLE search_index USING fts5(kind UNINDEXED, ref UNINDEXED, title, body, "
                   "tokenize = 'unicode61 remove_diacritics 2')")
        op.create_table("search_index_refs", sa.Column("kind", sa.String(16), primary_key=True),
                        sa.Column("ref", sa.String(32), primary_key=True),
                        sa.Column("doc", sa.Integer, nullable=False))
    else:
        op.execute("DELETE FROM search_index WHERE kind = 'state'")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.drop_table("search_index_refs")
    op.execute("DELETE FROM store_state WHERE key LIKE 'search_index:%'")
    op.drop_index("ix_speakers_lower_name", "speakers")
    op.drop_index("ix_articles_extractor_version", "articles")
    op.drop_index("ix_claims_updated_at", "claims")
