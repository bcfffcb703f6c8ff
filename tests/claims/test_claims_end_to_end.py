"""The reference article through the real Extractor and Store, then link_claims: the two gold claims come out."""

from __future__ import annotations

import pytest

from claimgraph.service_claims import claim_detail, link_claims, list_claims
from claimgraph.store import Store


@pytest.fixture(scope="module")
def linked(tmp_path_factory, extractor):
    from claimgraph.ingest import read_inputs
    from claimgraph.service import ingest_articles
    from tests.conftest import REFERENCE

    db = tmp_path_factory.mktemp("e2e") / "claims.db"
    with Store.open(db) as store:
        report = ingest_articles(read_inputs([REFERENCE]), store, extractor)
        assert report.stored == 1
        link_claims(store)
        yield [claim_detail(store, row["id"]) for row in list_claims(store)]


def _speakers(detail, stance):
    return {v["speaker"] for v in detail["voices"][stance]}


def test_coordination_claim_end_to_end(linked):
    c1 = linked[0]   # most disputed first
    assert "Russian Defense Ministry" in _speakers(c1, "assert")
    assert "Tass" in _speakers(c1, "report") and "Tass" not in _speakers(c1, "assert")
    assert {"Pentagon", "Eric Pahon", "other officials"} <= _speakers(c1, "dispute")
    assert "Igor Korotchenko" in _speakers(c1, "support")
    assert c1["first_seen"] == "2017-01-23"
    assert any(c["text"].endswith("Tass <- Russian Defense Ministry") for c in c1["chains"])


def test_openness_claim_end_to_end(linked):
    c2 = next(d for d in linked if any("openness" in (v["words"] or "") for v in d["voices"]["assert"]))
    assert {"Trump Administration", "Sean Spicer"} <= _speakers(c2, "assert")
    assert not c2["voices"]["dispute"]
