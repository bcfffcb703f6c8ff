"""What the store keeps, on SQLite and on a real PostgreSQL: round trips, speaker merge rules, schema drift."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from claimgraph.records import Appearance, Article, Attribution, Speaker
from claimgraph.store import Store
from claimgraph.store import schema as t

TEXT = "Mara Vell said the ferry runs again. Officials said the pier is safe."


def statement(at_id: str, speaker: Speaker | None, content: str = "the ferry runs again", **extra) -> Attribution:
    fields = dict(id=at_id, kind="indirect", speaker=speaker, source_span=(0, 9), cue="said", cue_span=(10, 14),
                  cue_class="report", content=content, content_spans=((15, 35),), sentence=(0, 36))
    return Attribution(**{**fields, **extra})


def article(ref: str, tail: str = "") -> Article:
    return Article(ref=ref, text=TEXT + tail, publisher="Harbor Wire", published="2031-03-04")


def test_a_statement_without_speaker_keeps_its_source_mention(any_db):
    store = Store.open(any_db)
    store.save_article(article("a"), [statement("at_1", None)], "1")
    (row,) = store.attributions()
    assert row["speaker_id"] is None and row["speaker_name"] is None
    assert row["source_text"] == "Mara Vell" and row["content"] == "the ferry runs again"


def test_a_learned_statement_keeps_its_method_and_confidence(any_db):
    store = Store.open(any_db)
    learned = statement("at_1", Speaker("Mara Vell", "person"), method="learned", confidence=0.81)
    store.save_article(article("a"), [learned, statement("at_2", Speaker("Ines Duarte", "person"), "the pier")],
                       "1")
    rows = {r["id"]: r for r in store.attributions()}
    assert set(rows) == {"at_1", "at_2"}
    assert rows["at_1"]["method"] == "learned" and rows["at_1"]["confidence"] == pytest.approx(0.81)
    assert rows["at_2"]["method"] == "rules"


def test_identical_statements_of_one_article_are_stored_once(any_db):
    store = Store.open(any_db)
    vell = Speaker("Mara Vell", "person")
    repeated = [statement("at_1", vell), statement("at_2", vell, source_span=(40, 49)),
                statement("at_3", vell, content="the pier is safe")]
    store.save_article(article("a"), repeated, "1")
    assert sorted(r["id"] for r in store.attributions()) == ["at_1", "at_3"]


def test_anonymous_sources_are_per_article_identities(any_db):
    store = Store.open(any_db)
    officials = Speaker("officials", "anonymous")
    store.save_article(article("a"), [statement("at_1", officials)], "1")
    store.save_article(article("b", " Two."), [statement("at_2", officials)], "1")
    store.save_article(article("c", " Three."), [statement("at_3", Speaker("Mara Vell", "person")),
                                                  statement("at_4", Speaker("Mara Vell", "person"), "x")], "1")
    anonymous = [s for s in store.speakers() if s["type"] == "anonymous"]
    assert len(anonymous) == 2 and all(s["statements"] == 1 for s in anonymous)
    assert [s["statements"] for s in store.speakers() if s["name"] == "Mara Vell"] == [2]


def test_one_name_has_one_type_decided_by_the_strongest_evidence(any_db):
    store = Store.open(any_db)
    store.save_article(article("a"), [statement("at_1", Speaker("Harbor Wire", "person"))], "1")
    store.save_article(article("b", " Two."), [statement("at_2", Speaker("Harbor Wire", "news_outlet"))], "1")
    store.save_article(article("c", " Three."), [statement("at_3", Speaker("harbor wire", "organization"))], "1")
    (row,) = store.speakers()
    assert row["type"] == "news_outlet" and row["statements"] == 3 and row["name"] == "Harbor Wire"


MENTIONS = [
    ("a", Speaker("Mara Vell", "person", role="mayor", affiliation="Eskerby Council", aliases=("Vell",))),
    ("b", Speaker("Mara Vell", "person", role="former mayor", affiliation="Tidewater Party")),
    ("c", Speaker("Mara Vell", "person", role="mayor", affiliation="Eskerby Council")),
    ("d", Speaker("Mara Vell", "unknown", aliases=("she",))),
]


def _store_in_order(db: str, order: list[int]) -> dict:
    store = Store.open(db)
    for i in order:
        ref, speaker = MENTIONS[i]
        store.save_article(article(ref, " " + ref), [statement(f"at_{ref}", speaker)], "1")
    (row,) = [r for r in store.speakers() if r["name"] == "Mara Vell"]
    return {k: row[k] for k in ("id", "name", "type", "role", "affiliation", "aliases", "statements")}


def test_speaker_merge_does_not_depend_on_the_order_articles_came_in(tmp_path):
    forward = _store_in_order(str(tmp_path / "forward.db"), [0, 1, 2, 3])
    backward = _store_in_order(str(tmp_path / "backward.db"), [3, 1, 2, 0])
    shuffled = _store_in_order(str(tmp_path / "shuffled.db"), [1, 3, 0, 2])
    assert forward == backward == shuffled
    # The most frequent value wins (two articles say "mayor" of the Council, one "former mayor").
    assert forward["role"] == "mayor" and forward["affiliation"] == "Eskerby Council"
    assert forward["type"] == "person" and {"Vell", "she", "Mara Vell"} <= set(forward["aliases"])


def test_a_differing_copy_keeps_the_statements_only_it_carries(any_db):
    store = Store.open(any_db)
    original = article("wire.txt")
    store.save_article(original, [statement("at_1", Speaker("Mara Vell", "person"))], "1")
    copy_text = TEXT.replace("Officials", "Ines Duarte")
    extra = statement("at_copy", Speaker("Ines Duarte", "person"), "the pier is safe",
                      source_span=(37, 48), content_spans=((54, 70),))
    appearance = Appearance(original.id, "copy.txt", "Tidewater Daily")
    assert store.add_appearance(appearance, 0.9, text=copy_text, attributions=[extra], extractor_version="1")
    assert not store.add_appearance(appearance, 0.9, text=copy_text, attributions=[extra], extractor_version="1")
    rows = {r["id"]: r for r in store.attributions()}
    assert set(rows) == {"at_1", "at_copy"} and rows["at_copy"]["source_text"] == "Ines Duarte"
    with store.engine.connect() as conn:
        (appearance_text,) = conn.execute(sa.select(t.appearances.c.text).where(
            t.appearances.c.id == rows["at_copy"]["appearance_id"])).one()
    assert appearance_text == copy_text and rows["at_1"]["appearance_id"] is None


def _drift(engine: sa.Engine) -> list:
    def include(obj, name, type_, reflected, compare_to) -> bool:
        # The full-text index is declared in schema.py with only the columns both databases share (an FTS5
        # virtual table on SQLite, a generated tsvector column on PostgreSQL): the migration owns its shape.
        table = obj if type_ == "table" else getattr(obj, "table", None)
        return not (name or "").startswith("search_index") and not (
            table is not None and str(getattr(table, "name", "")).startswith("search_index"))

    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include, "compare_type": True})
        return compare_metadata(context, t.metadata)


def test_migrations_build_exactly_the_schema_that_schema_py_declares(any_db):
    store = Store.open(any_db)
    assert _drift(store.engine) == []


def test_the_drift_check_sees_a_dropped_unique_constraint(fresh_postgres_url):
    store = Store.open(fresh_postgres_url)
    with store.engine.begin() as conn:
        conn.execute(sa.text("ALTER TABLE appearances DROP CONSTRAINT uq_appearance_source"))
    assert [(op, getattr(obj, "name", None)) for op, obj, *_ in _drift(store.engine)] == [
        ("add_constraint", "uq_appearance_source")]


def test_aliases_of_every_statement_of_an_article_are_kept(any_db):
    store = Store.open(any_db)
    store.save_article(article("a"), [statement("at_1", Speaker("Mara Vell", "person", aliases=("Vell",))),
                                      statement("at_2", Speaker("Mara Vell", "person", aliases=("the mayor",)), "x")],
                       "1")
    (row,) = store.speakers()
    assert {"Vell", "the mayor", "Mara Vell"} <= set(row["aliases"])


def test_attributions_come_in_one_total_order_on_every_database(any_db):
    store = Store.open(any_db)
    vell = Speaker("Mara Vell", "person")
    # Inserted in reverse id order, equal on every other sort key (article, sentence, cue start), cues missing.
    tied = [statement(f"at_{c}", vell, f"words {c}", cue=None, cue_span=None) for c in "dcba"]
    store.save_article(article("a"), tied, "1")
    store.save_article(Article(ref="undated", text=TEXT + " Undated."), [statement("at_z", vell, "late")], "1")
    assert [r["id"] for r in store.attributions()] == ["at_a", "at_b", "at_c", "at_d", "at_z"]


def test_redoing_an_article_keeps_the_voices_of_statements_that_come_back(any_db):
    store = Store.open(any_db)
    original = article("a")
    vell, duarte = Speaker("Mara Vell", "person"), Speaker("Ines Duarte", "person")
    store.save_article(original, [statement("at_1", vell), statement("at_2", duarte, "the pier")], "1")
    with store.engine.begin() as conn:
        conn.execute(t.claims.insert(), [dict(id="cl_1", gist="ferry"), dict(id="cl_2", gist="pier")])
        conn.execute(t.voices.insert(), [dict(claim_id="cl_1", attribution_id="at_1", stance="assert"),
                                         dict(claim_id="cl_2", attribution_id="at_2", stance="assert")])
    # The new extractor finds at_1 again (with other words) and no longer at_2.
    store.replace_attributions(original, [statement("at_1", vell, "the ferry runs again soon")], "2")
    with store.engine.connect() as conn:
        voices = conn.execute(sa.select(t.voices.c.claim_id, t.voices.c.attribution_id)).all()
        claims = conn.execute(sa.select(t.claims.c.id)).scalars().all()
    assert voices == [("cl_1", "at_1")] and claims == ["cl_1"]  # no claim is left without voices
    (row,) = store.attributions()
    assert row["content"] == "the ferry runs again soon" and row["extractor_version"] == "2"
    assert [s["name"] for s in store.speakers() if s["statements"]] == ["Mara Vell"]
