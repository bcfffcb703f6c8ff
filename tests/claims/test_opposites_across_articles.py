"""Issue 12: a statement and its denial in two other outlets are one claim whose voices take opposite stances, not
two claims (the predicates test across articles lets them meet: "approved the levy" / "never approved the levy"
predicate the same thing). Fictional articles, real parses, a real SQLite file."""

from __future__ import annotations

from claimgraph.records import Article
from tests.conftest import linked_claims

ARTICLES = [
    Article(ref="post", publisher="Harrowby Post", published="2031-03-02",
            text="The ferry levy has divided Harrowby for months.\n\nThe Harrowby council approved the ferry levy on "
                 "Tuesday, council spokeswoman Mara Vell said.\n\nFerry operators had lobbied for the levy since the "
                 "autumn."),
    Article(ref="daily", publisher="Kestrel Daily", published="2031-03-03",
            text="Opposition councillor Tomas Brek said the Harrowby council never approved the ferry levy.\n\n"
                 "Traders said they would protest at the harbour on Friday."),
    Article(ref="gazette", publisher="Vell Gazette", published="2031-03-04",
            text="The ferry levy was not approved by the Harrowby council, according to Tomas Brek.\n\nThe harbour "
                 "master declined to comment."),
]


def test_a_statement_and_its_denials_in_other_outlets_are_one_claim_of_opposite_stances(tmp_path, extractor):
    claims = linked_claims(tmp_path / "levy.db", extractor, ARTICLES)
    levy = [c for c in claims if any("levy" in (v.words or "") for v in c.voices)]
    assert len(levy) == 1
    stances = {v.speaker.name if v.speaker else None: v.stance for v in levy[0].voices}
    assert stances.get("Mara Vell") == "assert"
    assert stances.get("Tomas Brek") == "dispute"
    assert len({v.article_id for v in levy[0].voices}) == 3
