"""Migration 0002 on a database written by 0001: speakers re-keyed (one per name, anonymous per article), nothing
lost."""

from __future__ import annotations

import sqlalchemy as sa

from claimgraph.store import Store
from claimgraph.store.sql import speaker_id
from tests.store.migrations import upgrade_to


def _speaker(sid: str, name: str, type_: str, role: str | None = None) -> dict:
    return dict(id=sid, key=f"{type_}:{name.lower()}", name=name, type=type_, role=role, affiliation=None,
                affiliation_id=None, aliases=[name])


def _attribution(at_id: str, article_id: str, sid: str) -> dict:
    return dict(id=at_id, article_id=article_id, kind="indirect", speaker_id=sid, cue_class="report",
                content="x", content_spans=[], via=[], flags=[])


def test_0002_merges_one_name_of_several_types_and_splits_anonymous_sources(any_db):
    store = Store.open(any_db, migrate=False)
    upgrade_to(store.engine, "0001")
    meta = sa.MetaData()
    meta.reflect(store.engine)
    articles, speakers, attributions = (meta.tables[n] for n in ("articles", "speakers", "attributions"))
    with store.engine.begin() as conn:
        for aid in ("a1", "a2"):
            conn.execute(articles.insert().values(id=aid, content_hash=aid * 8, text="t", body_start=0,
                                                  created_at="2031-01-01"))
        conn.execute(speakers.insert(), [_speaker("s_person", "Harbor Wire", "person", role="desk"),
                                         _speaker("s_outlet", "Harbor Wire", "news_outlet"),
                                         _speaker("s_anon", "officials", "anonymous")])
        conn.execute(attributions.insert(), [_attribution("t1", "a1", "s_person"), _attribution("t2", "a2", "s_outlet"),
                                             _attribution("t3", "a1", "s_anon"), _attribution("t4", "a2", "s_anon")])
    store.migrate()
    rows = {r["name"] + "/" + r["type"]: r for r in store.speakers()}
    assert set(rows) == {"Harbor Wire/news_outlet", "officials/anonymous"}
    wire = rows["Harbor Wire/news_outlet"]
    assert wire["id"] == speaker_id("harbor wire") and wire["statements"] == 2 and wire["role"] == "desk"
    with store.engine.connect() as conn:
        anonymous = conn.execute(sa.select(speakers.c.id).where(speakers.c.type == "anonymous")).scalars().all()
        by_article = dict(conn.execute(sa.select(attributions.c.article_id, attributions.c.speaker_id)
                                       .where(attributions.c.id.in_(["t3", "t4"]))).all())
    assert len(anonymous) == 2 and by_article["a1"] != by_article["a2"]
    assert store.counts()["attributions"] == 4
