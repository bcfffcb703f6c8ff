"""Issue 12: each statement's predicates (read at extraction from its article's parse) are stored with it and read
back for claim linking; a database written before migration 0005 migrates, and linking parses its statements as it
did. Real database files (SQLite, and PostgreSQL where a server can be started), fictional articles.
"""

from __future__ import annotations

import sqlalchemy as sa

from claimgraph.claims import predicates
from claimgraph.records import Article
from claimgraph.service_claims import link_claims
from claimgraph.store import Store
from claimgraph.store.sql import _attribution_row
from tests.store.migrations import upgrade_to

# Two outlets restate one proposition; a third article says something else of the same story.
GAZETTE = "Councillor Brenn Ashdown said the Velmora dam scandal should worry voters before the election."
COURIER = "Aldermen told the Courier that the Velmora dam scandal should worry voters before the coming election."
HERALD = "Councillor Brenn Ashdown said the Velmora dam scandal was handled properly by the regional board."


def _articles() -> list[Article]:
    return [Article(ref=name, text=text, publisher=name, published=f"2031-05-0{i + 1}")
            for i, (name, text) in enumerate((("gazette", GAZETTE), ("courier", COURIER), ("herald", HERALD)))]



def _claims_across(store: Store) -> list[set[str]]:
    """The articles of each claim that spans several (by publisher)."""
    stored, _ = store.load_statements()
    publisher = {s.attribution.id: s.publisher for s in stored}
    with store.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT claim_id, attribution_id FROM voices")).all()
    claims: dict[str, set[str]] = {}
    for claim, attribution in rows:
        claims.setdefault(claim, set()).add(publisher[attribution])
    return sorted((c for c in claims.values() if len(c) > 1), key=sorted)


def test_predicates_round_trip_through_the_store(any_db, extractor):
    with Store.open(any_db) as store:
        extracted = {}
        for article in _articles():
            found = extractor.extract(article)
            extracted.update({a.id: a.predicates for a in found})
            store.save_article(article, found, "test")
        stored, _ = store.load_statements()
    assert stored and all(s.attribution.predicates is not None for s in stored)
    assert {s.attribution.id: s.attribution.predicates for s in stored} == \
        {k: v for k, v in extracted.items() if k in {s.attribution.id for s in stored}}


def test_linking_stored_statements_does_not_parse(any_db, extractor, monkeypatch):
    with Store.open(any_db) as store:
        for article in _articles():
            store.save_article(article, extractor.extract(article), "test")
        monkeypatch.setattr(predicates, "parse_predicates", _no_parsing)
        link_claims(store)
        assert _claims_across(store) == [{"courier", "gazette"}]


def test_a_database_of_the_previous_schema_migrates_and_links_by_parsing(any_db, extractor, monkeypatch):
    store = Store.open(any_db, migrate=False)
    upgrade_to(store.engine, "0004")
    meta = sa.MetaData()
    meta.reflect(store.engine)
    assert "predicates" not in meta.tables["attributions"].c
    with store.engine.begin() as conn:   # rows as the previous version wrote them: no predicates
        for article in _articles():
            conn.execute(meta.tables["articles"].insert().values(
                id=article.id, content_hash=article.hash, text=article.text, publisher=article.publisher,
                published=article.published, body_start=0, created_at="2031-05-01"))
            for a in extractor.extract(article):
                row = _attribution_row(a, article.id, article.text, None, a.parent, "old", None)
                assert row.pop("predicates") is not None
                conn.execute(meta.tables["attributions"].insert().values(**row))
    store.close()
    parsed = []
    real = predicates.parse_predicates
    monkeypatch.setattr(predicates, "parse_predicates", lambda texts, nlp=None: parsed.extend(texts) or real(texts))
    with Store.open(any_db) as store:   # migrates to head
        stored, _ = store.load_statements()
        assert stored and all(s.attribution.predicates is None for s in stored)
        link_claims(store)
        assert _claims_across(store) == [{"courier", "gazette"}]
    assert parsed   # the statements stored without predicates were parsed, as before


def _no_parsing(*_args, **_kwargs):
    raise AssertionError("linking parsed a statement whose predicates were stored")
