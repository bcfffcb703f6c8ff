"""The store alone: no spaCy, a real SQLite file in a temporary folder."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory

from claimgraph.errors import StoreError
from claimgraph.records import Appearance, Article, Attribution, Speaker
from claimgraph.store import Store
from claimgraph.store.sql import MIGRATIONS


def attribution(article: Article, name: str) -> Attribution:
    return Attribution(id=f"at_{name}", kind="indirect", speaker=Speaker(name, "person"), source_span=(0, 4),
                       cue="said", cue_span=(5, 9), cue_class="report", content="x", content_spans=((10, 11),),
                       sentence=(0, len(article.text)))


def test_same_article_twice_is_stored_once_with_both_appearances(db_path):
    store = Store.open(db_path)
    article = Article(ref="a.txt", text="Vell said x.", publisher="Harbor Wire")
    assert store.save_article(article, [attribution(article, "Mara Vell")], "1") is True
    assert store.save_article(Article(ref="copy.txt", text=article.text), [attribution(article, "Mara Vell")],
                              "1", appearance=Appearance(article.id, "copy.txt", "Tidewater Daily")) is False
    counts = store.counts()
    assert counts["articles"] == 1 and counts["attributions"] == 1 and counts["appearances"] == 2


def test_speakers_merge_on_full_name_and_keep_aliases(db_path):
    store = Store.open(db_path)
    a = Article(ref="a", text="Vell said x. one")
    b = Article(ref="b", text="Vell said x. two")
    store.save_article(a, [Attribution(**{**attribution(a, "Mara Vell").__dict__, "id": "at_1",
                                          "speaker": Speaker("Mara Vell", "person", aliases=("Vell",))})], "1")
    store.save_article(b, [Attribution(**{**attribution(b, "Mara Vell").__dict__, "id": "at_2",
                                          "speaker": Speaker("Mara Vell", "person", role="mayor",
                                                             aliases=("she",))})], "1")
    (row,) = store.speakers()
    assert row["statements"] == 2 and row["role"] == "mayor" and {"Vell", "she"} <= set(row["aliases"])


def test_reopening_keeps_what_was_stored_and_schema_is_versioned(db_path):
    store = Store.open(db_path)
    article = Article(ref="a", text="Vell said x.")
    store.save_article(article, [attribution(article, "Mara Vell")], "1")
    store.close()
    assert Store.open(db_path).counts()["attributions"] == 1
    with sqlite3.connect(db_path) as conn:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        head = ScriptDirectory.from_config(config).get_current_head()
        assert conn.execute("select version_num from alembic_version").fetchone()[0] == head
        assert conn.execute("pragma journal_mode").fetchone()[0] == "wal"


def test_failed_write_leaves_earlier_articles(db_path):
    store = Store.open(db_path)
    first = Article(ref="a", text="Vell said x.")
    store.save_article(first, [attribution(first, "Mara Vell")], "1")
    second = Article(ref="b", text="Reyes said y.")
    good = attribution(second, "Tomas Reyes")
    broken = replace(attribution(second, "Ines Duarte"), cue_class=None)  # NOT NULL: fails after the first rows
    with pytest.raises(StoreError):
        store.save_article(second, [good, broken], "1")
    counts = store.counts()
    assert counts["articles"] == 1 and counts["attributions"] == 1


def test_locked_database_is_one_clear_error_and_a_rerun_stores_it(db_path, tmp_path):
    from claimgraph.service import ingest_articles

    store = Store.open(db_path, busy_timeout_ms=100)
    first = Article(ref="a", text="Vell said x.")
    store.save_article(first, [attribution(first, "Mara Vell")], "1")
    blocker = sqlite3.connect(db_path, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")  # another program holds the write lock
    second = Article(ref="b.txt", text="Reyes said y.")

    class NoExtraction:  # the store is under test here, not spaCy
        def extract_many(self, articles, n_process=1):
            from claimgraph.pipeline import Extracted
            return (Extracted(a, [attribution(a, "Tomas Reyes")]) for a in articles)

    report = ingest_articles([second], store, NoExtraction())
    assert report.stored == 0 and report.failures[0].source == "b.txt"
    assert "locked" in report.failures[0].reason
    blocker.rollback()
    blocker.close()
    assert store.counts()["articles"] == 1  # what was stored stays stored
    assert ingest_articles([second], store, NoExtraction()).stored == 1
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(tmp_path / "missing-folder" / "x.db")
