"""The seams of claim linking: claims/ decides and never imports the store, the store persists Claim records and
reads them back, and the records' JSON is what `claim --format jsonl` prints. Fictional corpus, real SQLite."""

from __future__ import annotations

import ast
import json
from pathlib import Path

from click.testing import CliRunner
from test_claims_corpus import build_corpus, store_corpus

from claimgraph.claims import link_statements, statements_of
from claimgraph.cli import cli
from claimgraph.records import Appearance, Claim, Speaker, StoredAttribution, Voice
from claimgraph.service_claims import claim_detail, link_claims, list_claims
from claimgraph.store import Store

PACKAGE = Path(__file__).resolve().parents[2] / "claimgraph"


def imported_modules(folder: Path) -> dict[str, set[str]]:
    """Every claimgraph module imported by each file under `folder` (top-level and inside functions)."""
    found: dict[str, set[str]] = {}
    for path in folder.rglob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
            elif isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
        found[str(path.relative_to(PACKAGE))] = {n for n in names if n.startswith("claimgraph")}
    return found


def test_claims_never_import_the_store_and_the_store_never_imports_claims():
    backwards = {f: sorted(m for m in mods if m.startswith(("claimgraph.store", "claimgraph.service")))
                 for f, mods in imported_modules(PACKAGE / "claims").items()}
    assert not {f: m for f, m in backwards.items() if m}
    deciding = {f: sorted(m for m in mods if m.startswith(("claimgraph.claims", "claimgraph.service")))
                for f, mods in imported_modules(PACKAGE / "store").items()}
    assert not {f: m for f, m in deciding.items() if m}


def test_linking_returns_claim_records_the_store_saves_and_reads_back(tmp_path):
    ids = store_corpus(tmp_path / "seams.db")
    with Store.open(tmp_path / "seams.db") as store:
        stored, appearances = store.load_statements()
        assert all(isinstance(s, StoredAttribution) for s in stored) and len(stored) == len(ids)
        claims = link_statements(statements_of(stored, appearances), appearances=appearances)
        assert all(isinstance(c, Claim) and all(isinstance(v, Voice) for v in c.voices) for c in claims)
        leak = next(c for c in claims if ids["leak"] in c.stances)
        roles = {v.attribution_id: v.role for v in leak.voices}
        assert roles[ids["dismiss"]] == "refer" and roles[ids["leak"]] == "restate"
        assert store.save_claims(claims) == sum(len(c.voices) for c in claims)
        back = store.load_claim(leak.id)
        assert back is not None and (back.id, back.gist, back.first_seen) == (leak.id, leak.gist, leak.first_seen)
        assert back.stances == leak.stances
        assert {v.attribution_id: v.score for v in back.voices} == {v.attribution_id: v.score for v in leak.voices}
        assert back.article_ids == leak.article_ids and len(back.article_ids) == 4
        assert store.load_claim("cl_none") is None


def test_a_statement_is_dated_by_its_articles_earliest_copy():
    article, records, keys = build_corpus()[0]
    row = StoredAttribution(records[0], article.id, publisher="Valdren Wire", published="2024-03-05")
    later = Appearance(article.id, "later-copy", "Harbor Ledger", published="2024-03-08")
    earlier = Appearance(article.id, "earlier-copy", "Northgate Daily", published="2024-03-04")
    alone, = statements_of([row])
    assert (alone.published, alone.outlet, alone.publisher) == ("2024-03-05", "Valdren Wire", "Valdren Wire")
    copied, = statements_of([row], {article.id: [later, earlier]})
    assert (copied.published, copied.outlet, copied.publisher) == ("2024-03-04", "Northgate Daily", "Valdren Wire")
    undated, = statements_of([row], {article.id: [Appearance(article.id, "x", "Undated Post")]})
    assert (undated.published, undated.outlet) == ("2024-03-05", "Valdren Wire")


def test_voice_and_claim_json_is_what_the_claim_command_prints(tmp_path):
    store_corpus(tmp_path / "json.db")
    with Store.open(tmp_path / "json.db") as store:
        report = link_claims(store)
        top = list_claims(store)[0]
        detail = claim_detail(store, top["id"])
    assert report.claims == 4 and report.shared >= 1
    printed = json.loads(CliRunner().invoke(cli, ["claim", top["id"], "--db", str(tmp_path / "json.db"),
                                                  "--format", "jsonl"]).output)
    assert printed == json.loads(json.dumps(detail))
    speaker = Speaker("Orla Vance", "person", "minister")
    voice = Voice("cl_1", "at_1", "assert", role="restate", score=0.5, article_id="ar", speaker=speaker,
                  outlet="Eastmarch Post", published="2024-03-09", words="the reservoir is leaking", cue="said")
    as_json = voice.to_json()
    some_voice = next(v for vs in detail["voices"].values() for v in vs)
    assert set(as_json) == set(some_voice) - {"chain"}
    assert (as_json["speaker"], as_json["speaker_type"], as_json["date"]) == ("Orla Vance", "person", "2024-03-09")
    claim = Claim("cl_1", "The reservoir is leaking", "2024-03-09", (voice,), {"date": "2024-03-09"})
    assert claim.to_json() == {"id": "cl_1", "gist": "The reservoir is leaking", "first_seen": "2024-03-09",
                               "first_appearance": {"date": "2024-03-09"}, "voices": [as_json]}
    assert claim.stances == {"at_1": "assert"} and claim.article_ids == {"ar"}
