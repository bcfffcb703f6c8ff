"""A claim's gist reads as a sentence: a fictional article ingested and linked for real (spaCy parse, SQLite store,
`link-claims`), each gist checked against the fragment it was before the fix it names (issue 12)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from claimgraph.claims.gist import tidy
from claimgraph.claims.statement import Statement
from claimgraph.cli import cli
from claimgraph.records import Attribution, Speaker

ARTICLE = "\n".join([
    "Valdren Gazette",
    "Harbor council splits over Kessel dredging memo",
    "The Valdren harbor council met on Tuesday to discuss the dredging of the Kessel channel. Two "
    "aldermen reportedly called the dredging plan reckless.",
    "A jury found him guilty of the Orlin warehouse fire after a week of testimony.",
    "Fishermen urged the harbor board to delay the dredging until the herring season ends.",
    "Lab tests showed the sediment to be heavily contaminated with tin.",
    "The Tidewater ferry company, according to its filings, plans to sell its two oldest boats next "
    "spring.",
    "The new pump station, however, appears to need a second generator before the winter storms.",
    "The Kessel mill owners told the council how the channel had silted up within a single winter.",
    "Councillor Ines Marrow said the budget would not cover the extra dredging, adding that the "
    "port would need a loan from the province.",
    '"That is simply untrue," Marrow said of the memo.',
    "Mayor Tomas Reikkinen now denies he ever promised the fishermen a new quay.",
    "According to the harbor master, tugboats in the channel burn twice the diesel of a ferry.",
    "The Orlin shipyard declined to comment on the dispute.",
    "The harbor master asked them to moor outside the breakwater during the works.",
    "After the vote, Alderman Petra Soll suggested she resign from the ethics panel.",
    "The fishermen's union asked that the council refrain from issuing new trawling permits.",
]) + "\n"


@pytest.fixture(scope="module")
def gists(tmp_path_factory) -> list[str]:
    root = tmp_path_factory.mktemp("gists")
    (root / "news").mkdir()
    (root / "news" / "valdren-gazette.txt").write_text(ARTICLE, encoding="utf-8")
    db = str(root / "g.db")
    runner = CliRunner()
    for args in (["ingest", str(root / "news"), "--db", db], ["link-claims", "--db", db],
                 ["claims", "--db", db, "--format", "jsonl", "--limit", "100"]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, result.output
    return [json.loads(line)["gist"] for line in result.output.splitlines()]


def test_small_clause_keeps_its_verb(gists):
    # "called the plan reckless": without "called" the words have no verb ("The dredging plan reckless"). (A memo
    # would be a document the claims layer resolves as a reference: tests/claims/test_document_reference.py.)
    assert "Two aldermen reportedly called the dredging plan reckless" in gists
    assert "A jury found him guilty of the Orlin warehouse fire" in gists
    assert not any(g.startswith(("The dredging plan reckless", "Him guilty")) for g in gists)


def test_object_and_infinitive_keep_the_verb_that_governs_them(gists):
    assert "Fishermen urged the harbor board to delay the dredging until the herring season ends" in gists
    assert "Lab tests showed the sediment to be heavily contaminated with tin" in gists
    assert "The harbor master asked them to moor outside the breakwater during the works" in gists
    assert not any(g.startswith(("The harbor board to", "The sediment to", "Them to")) for g in gists)


def test_bare_infinitive_gets_its_subject_and_verb(gists):
    assert "The Orlin shipyard declined to comment on the dispute" in gists
    assert "To comment on the dispute" not in gists


def test_words_split_by_their_verb_are_joined_as_written(gists):
    # "The new pump station … to need" (the extractor left "appears" out of the words)
    assert "The new pump station, however, appears to need a second generator before the winter storms" in gists
    assert "The Tidewater ferry company, according to its filings, plans to sell its two oldest boats next spring" \
        in gists
    assert not any("\u2026" in g for g in gists)


def test_reported_question_keeps_its_reporting_clause(gists):
    assert "The Kessel mill owners told the council how the channel had silted up within a single winter" in gists
    assert "How the channel had silted up within a single winter" not in gists


def test_that_as_a_subject_is_not_cut(gists):
    # "that" is cut as a complementizer only: "That is simply untrue" is not "Is simply untrue"
    assert "That is simply untrue" in gists
    assert "Is simply untrue" not in gists


def test_negative_polarity_words_keep_their_licence(gists):
    # "he ever promised …" is not English without the "denies" that licenses "ever"
    assert "Mayor Tomas Reikkinen now denies he ever promised the fishermen a new quay" in gists


def test_according_to_is_not_put_in_front_as_a_verb(gists):
    assert "Tugboats in the channel burn twice the diesel of a ferry" in gists
    assert not any("According to tugboats" in g for g in gists)


def test_subjunctive_keeps_the_cue_that_calls_for_it(gists):
    # "suggested she resign", "asked that the council refrain": a bare verb that reads as an error alone
    assert "Alderman Petra Soll suggested she resign from the ethics panel" in gists
    assert any(g.endswith("asked that the council refrain from issuing new trawling permits") for g in gists)
    assert not any(g.startswith(("She resign", "The council refrain")) for g in gists)


def test_whole_clauses_stay_as_they_were(gists):
    assert "The budget would not cover the extra dredging" in gists
    assert "The port would need a loan from the province" in gists


def _statement(content: str, sentence: str) -> Statement:
    start = sentence.index(content)
    cue = sentence.index("said")
    attribution = Attribution(id="a1", kind="indirect", speaker=Speaker("Ines Marrow", "person"),
                              source_span=(0, 6), cue="said", cue_span=(cue, cue + 4), cue_class="say",
                              content=content, content_spans=((start, start + len(content)),),
                              sentence=(0, len(sentence)))
    return Statement(attribution, "art1", sentence=sentence)


def test_unpartnered_quote_marks_at_the_edges_go():
    # an opening quote mark whose partner the words lost ("said last night: 'Valdren families …")
    sentence = "Marrow said last night: 'Valdren families expect the channel to stay open all year.'"
    assert tidy(_statement("'Valdren families expect the channel to stay open all year", sentence)) == \
        "Valdren families expect the channel to stay open all year"
    # a closing one without its opening mark
    assert tidy(_statement("Valdren families expect the channel to stay open all year.'", sentence)) == \
        "Valdren families expect the channel to stay open all year."
    # partnered marks stay ("'lower-standard' fish …"), and the first letter inside them is the capital
    sentence = "Marrow said 'lower-standard' fish will not be sold at the Valdren market."
    assert tidy(_statement("'lower-standard' fish will not be sold at the Valdren market", sentence)) == \
        "'Lower-standard' fish will not be sold at the Valdren market"
