"""The reference article through the real Extractor and Store, then link_claims: the two gold claims come out."""

from __future__ import annotations

import pytest

from claimgraph.records import normalise_name
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
    """Speakers' identities (normalised names: the store shows the longest spelling seen, "The Pentagon")."""
    return {normalise_name(v["speaker"]) for v in detail["voices"][stance] if v["speaker"]}


def _names(*names):
    return {normalise_name(n) for n in names}


def test_coordination_claim_end_to_end(linked):
    c1 = linked[0]   # most disputed first
    assert _names("Russian Defense Ministry") <= _speakers(c1, "assert")
    assert _names("Tass") <= _speakers(c1, "report") and not _names("Tass") & _speakers(c1, "assert")
    assert _names("Pentagon", "Eric Pahon", "other officials") <= _speakers(c1, "dispute")
    assert _names("Igor Korotchenko") <= _speakers(c1, "support")
    assert c1["first_seen"] == "2017-01-23"
    assert any([normalise_name(n) for n in c["chain"]][-2:] == ["tass", "russian defense ministry"]
               for c in c1["chains"])


def test_openness_claim_end_to_end(linked):
    c2 = next(d for d in linked if any("openness" in (v["words"] or "") for v in d["voices"]["assert"]))
    assert _names("Trump Administration", "Sean Spicer") <= _speakers(c2, "assert")
    assert not c2["voices"]["dispute"]
