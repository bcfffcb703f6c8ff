"""A statement that judges a document the article cites as a source ("Other councillors called the memo
misleading" after "according to a council memo, …") is a voice of the claim that document makes, with its stance:
who disputes it is what claimgraph exists to show. Before, "memo" was no claim noun and the judgement stood alone as
a claim whose gist was "The memo misleading". Fictional town, council and people."""

from __future__ import annotations

import pytest

from claimgraph.records import Article
from claimgraph.service import ingest_articles
from claimgraph.service_claims import claim_detail, link_claims, list_claims
from claimgraph.store import Store

TEXT = """Harrowby ferry pier repairs to cost more, memo says

According to a council memo, the pier repairs will cost twice the original estimate.

Tomas Brell, who chairs the harbour committee, denied that the costs had doubled.

Other councillors called the memo misleading.

The ferry will keep running while the work goes on, the operator said.
"""


@pytest.fixture(scope="module")
def claims(tmp_path_factory, extractor):
    db = tmp_path_factory.mktemp("memo") / "l.db"
    with Store.open(db) as store:
        ingest_articles([Article(ref="memo.txt", text=TEXT, publisher="Harrowby Gazette", published="2031-05-02")],
                        store, extractor)
        link_claims(store)
        yield [claim_detail(store, row["id"]) for row in list_claims(store)]


def _voices(detail, stance):
    return [(v["speaker"], v["words"]) for v in detail["voices"][stance]]


def test_calling_the_cited_memo_misleading_disputes_the_memos_claim(claims):
    cost = next(c for c in claims if any("twice the original estimate" in (v["words"] or "")
                                         for v in c["voices"]["assert"]))
    disputes = _voices(cost, "dispute")
    assert any(speaker == "Other councillors" and "misleading" in words for speaker, words in disputes), disputes
    # The judgement is no claim of its own.
    assert not any(c["gist"].lower().startswith("the memo misleading") for c in claims)


def test_a_statement_about_something_else_stays_apart(claims):
    ferry = next(c for c in claims if any("keep running" in (v["words"] or "") for vs in c["voices"].values()
                                          for v in vs))
    assert not any("misleading" in (v["words"] or "") for vs in ferry["voices"].values() for v in vs)
