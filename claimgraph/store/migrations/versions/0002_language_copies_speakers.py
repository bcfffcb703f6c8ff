"""Language of each article; statements only a near-duplicate copy carries; order-independent speaker merging.

- `articles.language`: the detected language (a non-English article is stored without attributions).
- `appearances.text` and `attributions.appearance_id`: a copy within the syndication threshold that still differs
  keeps its own text, and the statements it adds point at that appearance (offsets into its text).
- `attributions.speaker_type`, `speaker_role`, `speaker_affiliation`: the speaker as each article describes it,
  from which the speaker record's values are recomputed on each write (so they do not depend on which article was
  stored first).
- Speaker keys: one identity per normalised name whatever its type (the type is decided on evidence); anonymous
  descriptions become one identity per article. Existing rows are re-keyed and merged here.
- `store_state`: facts that must survive a crash (claims need relinking).

Revision ID: 0002
Revises: 0001
"""
import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# A frozen copy of the rules at the time of this migration (the package's may change later).
TYPE_RANK = {"news_outlet": 4, "organization": 3, "person": 2, "unknown": 1}


def _normalise(name: str) -> str:
    words = name.lower().replace("\u2019", "'").split()
    if words and words[0] in {"the", "a", "an"}:
        words = words[1:]
    return " ".join(w.strip(".,;:'\"") for w in words)


def _speaker_id(key: str) -> str:
    return "sp_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def upgrade() -> None:
    op.add_column("articles", sa.Column("language", sa.String(16)))
    op.add_column("appearances", sa.Column("text", sa.Text))
    op.add_column("attributions", sa.Column("speaker_type", sa.String(16)))
    op.add_column("attributions", sa.Column("speaker_role", sa.Text))
    op.add_column("attributions", sa.Column("speaker_affiliation", sa.Text))
    if op.get_bind().dialect.name == "sqlite":
        # SQLite adds a column with its reference in place; Alembic's batch mode would rebuild the table, and
        # dropping the old one (foreign keys on) would cascade into voices.
        op.execute("ALTER TABLE attributions ADD COLUMN appearance_id INTEGER REFERENCES appearances (id)")
    else:
        op.add_column("attributions", sa.Column("appearance_id", sa.Integer, sa.ForeignKey("appearances.id")))
    op.create_index("ix_attributions_appearance", "attributions", ["appearance_id"])
    op.create_table("store_state", sa.Column("key", sa.String(64), primary_key=True),
                    sa.Column("value", sa.Text, nullable=False))
    _rekey_speakers(op.get_bind())


def _rekey_speakers(conn) -> None:
    """Move every speaker to its new key: named ones merged per name, anonymous ones split per article."""
    meta = sa.MetaData()
    speakers = sa.Table("speakers", meta, autoload_with=conn)
    attributions = sa.Table("attributions", meta, autoload_with=conn)
    rows = conn.execute(sa.select(speakers).order_by(speakers.c.id)).all()
    for row in rows:  # the evidence each article gave, as well as it is known (the merged record's values)
        conn.execute(sa.update(attributions).where(attributions.c.speaker_id == row.id).values(
            speaker_type=row.type, speaker_role=row.role, speaker_affiliation=row.affiliation))
    targets: dict[str, dict] = {}  # new id -> merged row
    moves: list[tuple[str, str, str | None]] = []  # (old id, new id, article id or None for all)
    for row in rows:
        if row.type == "anonymous":
            articles = conn.execute(sa.select(attributions.c.article_id).distinct()
                                    .where(attributions.c.speaker_id == row.id)).scalars().all()
            for article_id in sorted(articles):
                key = f"anonymous:{article_id}:{_normalise(row.name)}"
                _merge_into(targets, key, row)
                moves.append((row.id, _speaker_id(key), article_id))
            continue
        key = _normalise(row.name)
        _merge_into(targets, key, row)
        moves.append((row.id, _speaker_id(key), None))
    conn.execute(sa.update(speakers).values(affiliation_id=None))
    for old_id, new_id, article_id in moves:
        if new_id not in {r.id for r in rows} or old_id != new_id:
            target = targets[new_id]
            if not conn.execute(sa.select(speakers.c.id).where(speakers.c.id == new_id)).first():
                conn.execute(sa.insert(speakers).values(**target))
        where = attributions.c.speaker_id == old_id
        if article_id is not None:
            where = sa.and_(where, attributions.c.article_id == article_id)
        conn.execute(sa.update(attributions).where(where).values(speaker_id=new_id))
    keep = set(targets)
    for row in rows:
        if row.id not in keep:
            conn.execute(sa.delete(speakers).where(speakers.c.id == row.id))
    for new_id, target in targets.items():
        conn.execute(sa.update(speakers).where(speakers.c.id == new_id).values(
            {k: v for k, v in target.items() if k != "id"}))


def _merge_into(targets: dict[str, dict], key: str, row) -> None:
    sid = _speaker_id(key)
    merged = targets.get(sid)
    if merged is None:
        targets[sid] = dict(id=sid, key=key, name=row.name, type=row.type, role=row.role,
                            affiliation=row.affiliation, affiliation_id=None, aliases=sorted(row.aliases or []))
        return
    if TYPE_RANK.get(row.type, 0) > TYPE_RANK.get(merged["type"], 0):
        merged["type"] = row.type
    merged["aliases"] = sorted({*merged["aliases"], *(row.aliases or [])})
    merged["role"] = merged["role"] or row.role
    merged["affiliation"] = merged["affiliation"] or row.affiliation


def downgrade() -> None:
    op.drop_table("store_state")
    op.drop_index("ix_attributions_appearance", "attributions")
    with op.batch_alter_table("attributions") as batch:
        batch.drop_column("appearance_id")
    with op.batch_alter_table("attributions") as batch:
        for column in ("speaker_type", "speaker_role", "speaker_affiliation"):
            batch.drop_column(column)
    for table, column in (("appearances", "text"), ("articles", "language")):
        with op.batch_alter_table(table) as batch:
            batch.drop_column(column)
