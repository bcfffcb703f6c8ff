"""Each statement's predicates as extraction read them from its article's parse (issue 12: claim linking's cost).

- `attributions.predicates`: compact JSON, three lists of lemmas (claimgraph.nlp.predicates.encode), so that
  `link-claims` need not parse every statement of a pair across articles again. Nullable: rows stored before this
  revision keep None, and linking parses those statements as it did (a `reextract` records them).

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("attributions", sa.Column("predicates", sa.Text))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite (3.35+) drops a plain column in place; batch mode would rebuild the table and cascade into voices.
        op.execute("ALTER TABLE attributions DROP COLUMN predicates")
    else:
        op.drop_column("attributions", "predicates")
