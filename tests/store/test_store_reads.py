"""The store's read queries answer the same on SQLite and PostgreSQL: name matching (whole names and words first,
LIKE wildcards literal), the speech-only filter, and one total order of attributions."""

from __future__ import annotations

import pytest

from claimgraph.store import Store
from tests.cli.ledger import write_ledger


@pytest.fixture()
def store(any_db):
    write_ledger(any_db)
    with Store.open(any_db) as opened:
        yield opened


def names(found: list[dict]) -> set[str]:
    return {r.get("speaker_name") or r.get("name") for r in found}


@pytest.mark.parametrize("query,expected", [
    ("vell", {"Mara Vell"}), ("MARA  vell", {"Mara Vell"}), ("ellmo", {"Vellmore Council"}),
    ("%", {"50% Club"}), ("_", {"Dock_7 Union"}), ("%ub", set()), ("\\", set()),
])
def test_speaker_names_match_whole_words_first_and_wildcards_literally(store, query, expected):
    assert names(store.attributions(speaker=query)) == expected
    assert names(store.speakers(name=query)) == expected


def test_a_speaker_id_matches_that_speaker_only(store):
    mara = next(r for r in store.speakers() if r["name"] == "Mara Vell")
    assert names(store.attributions(speaker=mara["id"])) == {"Mara Vell"}


def test_speech_only_leaves_out_the_think_class(store):
    everything, said = store.attributions(), store.attributions(speech_only=True)
    assert [r["cue_class"] for r in everything if r not in said] == ["think"]
    assert "Dock_7 Union" in names(store.speakers()) and "Dock_7 Union" not in names(store.speakers(speech_only=True))


def test_article_filter_matches_url_path_and_id_literally(store):
    bridge = {r["article_id"] for r in store.attributions(article="news.example/port-ellis")}
    assert len(bridge) == 1
    assert {r["article_id"] for r in store.attributions(article="PORT-ELLIS-BRIDGE.TXT")} == bridge
    assert {r["article_id"] for r in store.attributions(article=next(iter(bridge)))} == bridge
    assert store.attributions(article="%") == [] and store.attributions(article="_") == []


def test_attributions_come_in_one_total_order(store):
    found = store.attributions()
    order = [(r["published"], r["id"]) for r in found]
    dated = [p for p, _ in order if p is not None]
    assert dated == sorted(dated, reverse=True) and order[-1][0] is None  # newest first, undated last
    tied = [r["id"] for r in found if r["id"] in ("at_aaaa", "at_zzzz")]
    assert tied == ["at_aaaa", "at_zzzz"]  # the id breaks a tie, whatever order the rows were written in
    assert [r["id"] for r in store.attributions(limit=3)] == [r["id"] for r in found[:3]]
