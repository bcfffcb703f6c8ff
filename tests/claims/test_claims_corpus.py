"""A small fictional multi-article corpus, stored through the real Store: one claim relayed, denied, repeated,
supported and syndicated; a second claim by the same speaker kept apart. Also the builder other tests import."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.records import Appearance, Article, Attribution, Speaker, attribution_id
from claimgraph.service_claims import claim_detail, link_claims, list_claims
from claimgraph.store import Store

MINISTRY = Speaker("Valdren Ministry of Water", "organization", aliases=("the ministry",))
WIRE = Speaker("Valdren Wire", "news_outlet")
AUTHORITY = Speaker("Kessel Dam Authority", "organization", aliases=("the authority",))
REIKKINEN = Speaker("Tomas Reikkinen", "person", "spokesman", "Kessel Dam Authority", ("Reikkinen",))
VANCE = Speaker("Orla Vance", "person", "minister", "Valdren Ministry of Water", ("Vance",))
MARROW = Speaker("Ines Marrow", "person", "hydrologist", "Calder University")
FARMERS = Speaker("farmers near Brannock", "anonymous")

# (ref, publisher, date, text, [(key, speaker, mention, cue, cue_class, content, kind, parent key)])
ARTICLES = [
    ("valdren-wire/kessel-leak", "Valdren Wire", "2024-03-05",
     "The Valdren Ministry of Water said that the Kessel Dam reservoir is leaking into the Brannock aquifer. "
     "The ministry also said it will open a new water treatment plant in Dunmore next spring.",
     [("leak", MINISTRY, "The Valdren Ministry of Water", "said", "report",
       "the Kessel Dam reservoir is leaking into the Brannock aquifer", "indirect", None),
      ("plant", MINISTRY, "The ministry", "said", "report",
       "it will open a new water treatment plant in Dunmore next spring", "indirect", None)]),
    ("harbor-ledger/wells", "Harbor Ledger", "2024-03-06",
     "Valdren Wire reports that, according to the ministry, the Kessel Dam reservoir is leaking into the Brannock "
     "aquifer. Farmers near Brannock said their wells taste of silt.",
     [("relay", WIRE, "Valdren Wire", "reports", "relay",
       "according to the ministry, the Kessel Dam reservoir is leaking into the Brannock aquifer", "indirect", None),
      ("inner", MINISTRY, "the ministry", "according to", "relay",
       "the Kessel Dam reservoir is leaking into the Brannock aquifer", "according_to", "relay"),
      ("silt", FARMERS, "Farmers near Brannock", "said", "report", "their wells taste of silt", "indirect", None)]),
    ("coastline-courier/denial", "Coastline Courier", "2024-03-07",
     "The Kessel Dam Authority dismissed the ministry's claim as baseless. \"The reservoir is not leaking into the "
     "Brannock aquifer,\" Tomas Reikkinen, a spokesman for the authority, told the Courier. Reikkinen said water "
     "levels at the dam are within safe limits.",
     [("dismiss", AUTHORITY, "The Kessel Dam Authority", "dismissed", "dispute", "the ministry's claim as baseless",
       "indirect", None),
      ("deny", REIKKINEN, "Tomas Reikkinen, a spokesman for the authority", "told", "report",
       "The reservoir is not leaking into the Brannock aquifer,", "direct", None),
      ("levels", REIKKINEN, "Reikkinen", "said", "report", "water levels at the dam are within safe limits",
       "indirect", None)]),
    ("eastmarch-post/vance", "Eastmarch Post", "2024-03-09",
     "Minister Orla Vance said the Kessel reservoir has been leaking into the Brannock aquifer for weeks. Vance said "
     "the ministry will open the Dunmore water treatment plant next spring. Ines Marrow, a hydrologist at Calder "
     "University, said the ministry's figures on the leak are accurate.",
     [("repeat", VANCE, "Minister Orla Vance", "said", "report",
       "the Kessel reservoir has been leaking into the Brannock aquifer for weeks", "indirect", None),
      ("plant2", VANCE, "Vance", "said", "report",
       "the ministry will open the Dunmore water treatment plant next spring", "indirect", None),
      ("accurate", MARROW, "Ines Marrow, a hydrologist at Calder University", "said", "report",
       "the ministry's figures on the leak are accurate", "indirect", None)]),
]
# Syndicated copies: (article ref, source, outlet, date). The wire story ran in Northgate Daily a day before the
# wire's own dated copy; the Vance story was picked up by Harbor Ledger.
COPIES = [("valdren-wire/kessel-leak", "northgate-daily/reservoir", "Northgate Daily", "2024-03-04"),
          ("eastmarch-post/vance", "harbor-ledger/vance-copy", "Harbor Ledger", "2024-03-10")]
# What a reader says each statement does, by claim.
EXPECTED = {
    "leak": {"leak": "assert", "relay": "report", "inner": "assert", "dismiss": "dispute", "deny": "dispute",
             "repeat": "assert", "accurate": "support"},
    "plant": {"plant": "assert", "plant2": "assert"},
}


def build_corpus() -> list[tuple[Article, list[Attribution], dict[str, str]]]:
    """The articles as records, with attributions whose spans point into their text; key -> attribution id."""
    out = []
    for ref, publisher, date, text, specs in ARTICLES:
        article = Article(ref=ref, text=text, title=text.split(".")[0], publisher=publisher, published=date,
                          url=f"https://example.invalid/{ref}")
        ids: dict[str, str] = {}
        records = []
        cursor = 0
        for key, speaker, mention, cue, cue_class, content, kind, parent in specs:
            start = text.index(content, cursor if kind != "according_to" else 0)
            content_span = (start, start + len(content))
            m = text.index(mention, max(0, cursor - 200) if kind != "according_to" else 0)
            c = text.index(cue, m if kind != "according_to" else 0)
            sentence = (text.rfind(". ", 0, min(m, start)) + 2 if text.rfind(". ", 0, min(m, start)) >= 0 else 0,
                        text.find(". ", max(c, content_span[1]) - 1) + 1 or len(text))
            aid = attribution_id(article.hash, (c, c + len(cue)), (content_span,), kind)
            ids[key] = aid
            records.append(Attribution(
                id=aid, kind=kind, speaker=speaker, source_span=(m, m + len(mention)), cue=cue,
                cue_span=(c, c + len(cue)), cue_class=cue_class, content=content, content_spans=(content_span,),
                sentence=sentence, parent=ids.get(parent) if parent else None,
                flags=("nested",) if parent else ()))
            cursor = sentence[0]
        out.append((article, records, ids))
    return out


def store_corpus(db: Path) -> dict[str, str]:
    """Store the corpus (and its syndicated copies) in a fresh database; key -> attribution id."""
    ids: dict[str, str] = {}
    with Store.open(db) as store:
        by_ref = {}
        for article, records, keys in build_corpus():
            store.save_article(article, records, "test")
            by_ref[article.ref] = article
            ids.update(keys)
        for ref, source, outlet, date in COPIES:
            store.add_appearance(Appearance(by_ref[ref].id, source, outlet, f"https://example.invalid/{source}",
                                            date, by_ref[ref].title), similarity=0.96)
    return ids


@pytest.fixture()
def corpus_db(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    db = tmp_path / "claims.db"
    ids = store_corpus(db)
    with Store.open(db) as store:
        link_claims(store)
    return db, ids


def _voices(detail: dict) -> list[dict]:
    return [v for vs in detail["voices"].values() for v in vs]


def _claim_of(store: Store, attribution: str) -> dict:
    for row in list_claims(store):
        detail = claim_detail(store, row["id"])
        if any(v["attribution"] == attribution for v in _voices(detail)):
            return detail
    raise AssertionError(f"{attribution} is in no claim")


def test_grouping_keeps_one_claim_per_proposition(corpus_db):
    db, ids = corpus_db
    with Store.open(db) as store:
        for name, expected in EXPECTED.items():
            detail = _claim_of(store, ids[name])
            found = {v["attribution"] for v in _voices(detail)}
            assert found == {ids[k] for k in expected}, name
        assert _claim_of(store, ids["silt"])["id"] != _claim_of(store, ids["levels"])["id"]


def test_stances(corpus_db):
    db, ids = corpus_db
    with Store.open(db) as store:
        for name, expected in EXPECTED.items():
            detail = _claim_of(store, ids[name])
            got = {v["attribution"]: v["stance"] for v in _voices(detail)}
            assert got == {ids[k]: stance for k, stance in expected.items()}, name


def test_first_appearance_counts_syndicated_copies(corpus_db):
    db, ids = corpus_db
    with Store.open(db) as store:
        detail = _claim_of(store, ids["leak"])
        first = detail["first_appearance"]
        assert (first["date"], first["outlet"], first["speaker"]) == \
            ("2024-03-04", "Northgate Daily", "Valdren Ministry of Water")
        assert detail["first_seen"] == "2024-03-04"
        dates = [row["date"] for row in detail["timeline"]]
        assert dates == sorted(dates) and dates[0] == "2024-03-04" and dates[-1] == "2024-03-10"
        assert {row["outlet"] for row in detail["timeline"]} >= {"Northgate Daily", "Valdren Wire", "Harbor Ledger",
                                                                "Coastline Courier", "Eastmarch Post"}


def test_outlet_chain(corpus_db):
    db, ids = corpus_db
    with Store.open(db) as store:
        detail = _claim_of(store, ids["leak"])
        chains = {c["text"] for c in detail["chains"]}
        assert "Harbor Ledger <- Valdren Wire <- Valdren Ministry of Water" in chains
        assert "Valdren Wire" in detail["outlets"] and "Northgate Daily" in detail["outlets"]


def test_most_disputed_first_and_counts(corpus_db):
    db, ids = corpus_db
    with Store.open(db) as store:
        rows = list_claims(store)
        top = rows[0]
        assert top["id"] == _claim_of(store, ids["leak"])["id"]
        assert (top["asserts"], top["disputes"], top["supports"], top["reports"]) == (3, 2, 1, 1)
        assert top["articles"] == 4 and top["outlets"] >= 5


def test_ids_are_stable_when_statements_join(tmp_path):
    """Relinking after a new article keeps the claim's id (derived from its earliest statement)."""
    db = tmp_path / "grow.db"
    corpus = build_corpus()
    with Store.open(db) as store:
        for article, records, _ in corpus[:2]:
            store.save_article(article, records, "test")
        link_claims(store)
        before = {r["gist"]: r["id"] for r in list_claims(store)}
        for article, records, _ in corpus[2:]:
            store.save_article(article, records, "test")
        link_claims(store)
        leak_id = _claim_of(store, corpus[0][2]["leak"])["id"]
        assert leak_id in before.values()
        report = link_claims(store)  # a rerun changes nothing
        assert _claim_of(store, corpus[0][2]["leak"])["id"] == leak_id and report.claims == len(list_claims(store))
