"""The same Store on a real PostgreSQL server: schema, migrations, idempotent writes, queries."""

from __future__ import annotations

from sqlalchemy import text

from claimgraph.records import Appearance, Article, Attribution, Speaker
from claimgraph.store import Store


def attribution(article: Article, at_id: str, name: str) -> Attribution:
    return Attribution(id=at_id, kind="direct", speaker=Speaker(name, "person", role="mayor"), source_span=(0, 4),
                       cue="said", cue_span=(5, 9), cue_class="report", content="the bridge reopens",
                       content_spans=((10, 28),), sentence=(0, 28), via=("Harbor Wire",), flags=("nested",))


def test_postgres_store_round_trip(postgres_url):
    store = Store.open(postgres_url)
    with store.engine.begin() as conn:  # a clean slate: the server lives for the whole test session
        conn.execute(text("TRUNCATE articles, speakers CASCADE"))
    article = Article(ref="a.txt", text="Vell said the bridge reopens.", publisher="Harbor Wire",
                      published="2031-03-04")
    assert store.save_article(article, [attribution(article, "at_pg1", "Mara Vell")], "1") is True
    assert store.save_article(article, [attribution(article, "at_pg1", "Mara Vell")], "1") is False
    store.add_appearance(Appearance(article.id, "copy.html", "Tidewater Daily", published="2031-03-05"))
    counts = store.counts()
    assert counts["articles"] == 1 and counts["attributions"] == 1 and counts["appearances"] == 2
    rows = store.attributions(speaker="vell", outlet="harbor", search="bridge")
    assert len(rows) == 1 and rows[0]["speaker_name"] == "Mara Vell" and rows[0]["via"] == ["Harbor Wire"]
    assert store.speakers()[0]["role"] == "mayor"
    # Opening again runs the migrations as a no-op.
    assert Store.open(postgres_url).counts() == counts
