"""A claim noun that points back to no claim of the article is no voice of one (issue 12, twenty-first session).

On the 24 real pages, 7 of 15 sibling claims of several voices were joined by a noun reference. Two kinds are fixed
here: an indefinite or bare claim noun that names no one ("said a report should have been filed", "after denying
merger rumors") introduces a report, it does not point to one, yet it took the previous claim of another
speaker; and a reference whose modifier says only what the claim is about ("the study of comets beyond the belt",
"the reporting of the fire") joined the speaker's next, unrelated quote. A reference that names whose claim it
is still resolves. Fictional town, shop, observatory and people."""

from __future__ import annotations

import pytest

from claimgraph.claims.references import find_reference
from claimgraph.records import Article
from claimgraph.service import ingest_articles
from claimgraph.service_claims import claim_detail, link_claims, list_claims
from claimgraph.store import Store

SHOP = """Harrowby barber says deputies ignored his complaint

"They came in, asked two questions and left before writing anything down," said Odran Pell, who owns the shop.

The Harrowby County Sheriff's Office said a report should have been filed.

The shop will reopen on Monday with a new lock, Pell said.
"""

OBSERVATORY = """Marrowdale dish to search for distant comets

Ilsa Vantree says she is particularly excited about the study of comets beyond the Kuiper belt.

"The new receiver lets us hear the faintest pulsars in the southern sky," says Vantree.

The observatory's director, Bram Oakes, said the dish would open to visiting students in the spring.
"""

PIER = """Harbour board rejects council's pier figures

According to the Marrow Council, the pier repairs will cost twice the original estimate.

The harbour board dismissed the council's claim.

"The pier is sound and the costs have not doubled," said Lena Roke, a spokeswoman for the harbour board.
"""


def _claims(tmp_path_factory, extractor, name, text):
    db = tmp_path_factory.mktemp(name) / "l.db"
    with Store.open(db) as store:
        ingest_articles([Article(ref=f"{name}.txt", text=text, publisher="Harrowby Gazette",
                                 published="2031-05-02")], store, extractor)
        link_claims(store)
        return [claim_detail(store, row["id"]) for row in list_claims(store)]


def _words(claim):
    return [v["words"] or "" for vs in claim["voices"].values() for v in vs]


def _claim_of(claims, phrase):
    return next(c for c in claims if any(phrase in w for w in _words(c)))


def test_pointing_and_named():
    assert not find_reference("a report should have been filed").pointing
    assert not find_reference("merger rumors in the spring of 2029").pointing
    assert find_reference("to discuss this story").pointing
    assert find_reference("denying the Russian assertion").named
    assert find_reference("information released by the Russian Defense Ministry accurate").named
    assert find_reference("the ministry's claim").named
    assert not find_reference("he is excited about the study of comets beyond the Kuiper belt").named
    assert not find_reference("the reporting of the fire was a turning point").named


@pytest.fixture(scope="module")
def shop(tmp_path_factory, extractor):
    return _claims(tmp_path_factory, extractor, "shop", SHOP)


@pytest.fixture(scope="module")
def observatory(tmp_path_factory, extractor):
    return _claims(tmp_path_factory, extractor, "observatory", OBSERVATORY)


@pytest.fixture(scope="module")
def pier(tmp_path_factory, extractor):
    return _claims(tmp_path_factory, extractor, "pier", PIER)


def test_an_indefinite_report_is_no_voice_of_the_owners_account(shop):
    account = _claim_of(shop, "asked two questions")
    assert not any("should have been filed" in w for w in _words(account)), _words(account)


def test_the_study_of_something_does_not_take_the_speakers_next_quote(observatory):
    receiver = _claim_of(observatory, "faintest pulsars")
    assert not any("study of comets" in w for w in _words(receiver)), _words(receiver)


def test_a_reference_that_names_the_claims_owner_still_resolves(pier):
    cost = _claim_of(pier, "twice the original estimate")
    assert any("council's claim" in w for w in _words(cost)), _words(cost)
