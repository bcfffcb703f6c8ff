"""Claims across outlets (issue 12, session 10, from PolNeAR's 2016 coverage: seven publishers on the same weeks'
events). In a collection where every article is about the same people, the words they all share say which story a
statement belongs to, not which proposition it states:

* the collection's subject counts less as evidence across articles (`evidence.subject_weights`): a stem that many
  of the articles hold ("Trump", "Clinton", "nominee") is no sign that two statements of two articles are one claim;
* names count once (`evidence.name_columns`, `NAME_SHARE`, `NAME_PART`): two statements that share a person's name
  ("Bernie Sanders", "Ted Cruz") are about the same person, not for that the same proposition;
* words quoted verbatim (`evidence.verbatim`, `evidence.verbatim_pairs`, `QUOTE_RUN`): the same quote carried by two
  outlets is one claim, however common its words;
* one stance for one speaker's words, also when one outlet prints a longer cut of the quote
  (`stance.same_words_same_stance`).

Fictional names, places and outlets; the ledger test ingests fictional articles through the real extractor and store.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from claimgraph.claims import evidence, vectors
from claimgraph.claims.stance import same_words_same_stance
from claimgraph.claims.statement import Statement
from claimgraph.records import Attribution, Speaker
from tests.claims.helpers import joined

# Twelve articles, each of three statements; "brannock" (written lower-case here, so that no name rule applies: a
# project's code word) is in every article: the collection's subject. Statements 0 and 3 share only it.
THINGS = ["scheme will lose the vote in Dunmere", "budget is balanced this year", "pylons will be painted green",
          "engineers walked out over unpaid overtime", "tunnel opens in June", "critics want a referendum",
          "depot will be sold to a haulier", "grant was cut by a third", "station roof leaks in the rain",
          "lorries will use the bypass at night", "quarry will stay shut until autumn", "orchard will be replanted"]
OTHERS = ["parking fees will double in April", "the ferry timetable changes next week",
          "school roofs will be mended over the summer", "the library opens late on Thursdays",
          "the swimming pool closes for repairs", "bus fares stay frozen for another year",
          "a cycle lane will link the station to the hospital", "street lamps will switch to dimmer bulbs",
          "the market moves to the quay for the summer", "the council will sell the old depot",
          "the harbour tax will rise by a tenth", "a new bridge is planned for the estuary"]
SUBJECT = [[f"the brannock {thing}", OTHERS[k], OTHERS[(k + 5) % len(OTHERS)]] for k, thing in enumerate(THINGS)]


def test_the_collections_subject_is_no_evidence_across_articles(monkeypatch):
    texts = [t for article in SUBJECT for t in article]
    sources = [f"a{k}" for k, article in enumerate(SUBJECT) for _ in article]
    words, _emb, info = vectors.statement_vectors(texts)
    present = (words != 0).astype(np.float32).tocsr()
    pairs = np.asarray([[0, 3], [0, 6]])
    monkeypatch.setattr(evidence, "NAME_SHARE", None)
    # "brannock" is held by all 12 articles: it counts nothing, and the pairs that share only it are dropped
    assert evidence.subject_weights(present, np.unique(sources, return_inverse=True)[1]).min() == 0.0
    assert evidence.across_unanchored(pairs, words, info, sources).tolist() == [True, True]
    # without the discount a word unknown to general English (information 6) was enough for them
    monkeypatch.setattr(evidence, "SUBJECT_MIN", None)
    assert evidence.across_unanchored(pairs, words, info, sources).tolist() == [False, False]
    # a ledger where fewer than SUBJECT_MIN articles hold a word (a few articles on one story) is left as it was
    monkeypatch.setattr(evidence, "SUBJECT_MIN", 10)
    few = [s if s in {f"a{k}" for k in range(9)} else "a0" for s in sources]
    assert evidence.subject_weights(present, np.unique(few, return_inverse=True)[1]).min() == 1.0


# Two articles of eight statements: a pair sharing only a full name, another the name and what is said.
NAMES_A = ["Councillor Tamsin Verrow will lose her seat in Dunmere", "Tamsin Verrow will resign from the harbour board",
           "parking fees will double in April", "the ferry timetable changes next week",
           "school roofs will be mended over the summer", "the library opens late on Thursdays",
           "the swimming pool closes for repairs", "bus fares stay frozen for another year"]
NAMES_B = ["Tamsin Verrow praised the new Kestrel library", "Tamsin Verrow is resigning from the harbour board",
           "a cycle lane will link the station to the hospital", "street lamps will switch to dimmer bulbs",
           "the market moves to the quay for the summer", "the council will sell the old depot",
           "the harbour tax will rise by a tenth", "a new bridge is planned for the estuary"]


def test_a_shared_name_counts_once_and_cannot_carry_a_pair_alone():
    texts = NAMES_A + NAMES_B
    sources = ["a"] * len(NAMES_A) + ["b"] * len(NAMES_B)
    words, _emb, info = vectors.statement_vectors(texts)
    names = evidence.name_columns(texts)
    vocabulary = sorted({t for ts in vectors._terms(texts)[0] for t in ts})
    flagged = {t for t, f in zip(vocabulary, names) if f}
    assert {"tamsin", "verrow", "kestre", "dunmer"} <= flagged and not flagged & {"harbour", "resign", "library"}
    pairs = np.asarray([[0, 8], [1, 9]])   # only "Tamsin Verrow" shared; the name and her resignation
    assert evidence.across_unanchored(pairs, words, info, sources, names).tolist() == [True, False]
    # a name unknown to general English counts 6 a word: the two words of one name were enough before
    assert evidence.across_unanchored(pairs, words, info, sources).tolist() == [False, False]


def test_the_same_quote_in_two_outlets_joins_whatever_its_words():
    # a short quote of common words, in two long articles: the evidence test alone keeps it apart
    quote = "So far, I cannot believe how calm it has been up here."
    a = [quote] + NAMES_A[2:]
    b = ["I cannot believe how calm it has been up here," ] + NAMES_B[2:]
    texts, sources = a + b, ["a"] * len(a) + ["b"] * len(b)
    assert evidence.verbatim_pairs(texts, sources).tolist() == [[0, len(a)]]
    assert evidence.verbatim_pairs(texts, ["one"] * len(texts)).tolist() == []   # inside an article: other rules
    assert [0, len(a)] in joined(texts, sources)
    old = evidence.QUOTE_RUN
    try:
        evidence.QUOTE_RUN = None
        assert [0, len(a)] not in joined(texts, sources)
    finally:
        evidence.QUOTE_RUN = old
    # a run that more than QUOTE_HOLDERS statements hold is boilerplate, no quote
    many = [f"{quote} Item {k}." for k in range(evidence.QUOTE_HOLDERS + 1)]
    assert evidence.verbatim_pairs(many, [str(k) for k in range(len(many))]).tolist() == []


def _said(article: str, published: str, words: str, flags: tuple[str, ...] = ()) -> Statement:
    a = Attribution(id=f"{article}-a", kind="direct", speaker=Speaker("Tamsin Verrow", "person"), source_span=(0, 5),
                    cue="said", cue_span=(6, 10), cue_class="assert", content=words,
                    content_spans=((11, 11 + len(words)),), sentence=(0, 11 + len(words)), flags=flags)
    return Statement(a, article, position=0, published=published, outlet=f"Outlet {article}")


def test_a_longer_cut_of_one_speakers_quote_keeps_its_stance():
    short = _said("one", "2031-05-02",
                  "The unfairness of the harbour tax is unbelievable, and I have said so for years.")
    longer = _said("two", "2031-05-03", "The unfairness of the harbour taxes is unbelievable, and I have said so for "
                   "years. But I am not working for the board now.")
    stances = same_words_same_stance([(short, "restate"), (longer, "restate")],
                                     {short.id: "assert", longer.id: "dispute"})
    assert stances == {short.id: "assert", longer.id: "assert"}   # a tie: the earliest copy's
    # a few words another quote holds are no copy of it
    brief = _said("three", "2031-05-01", "the harbour tax")
    stances = same_words_same_stance([(brief, "restate"), (longer, "restate")],
                                     {brief.id: "report", longer.id: "dispute"})
    assert stances == {brief.id: "report", longer.id: "dispute"}


ARTICLES = [
    ("varnell-herald", "Varnell Herald", "2031-05-02",
     ('Councillor Tamsin Verrow said that the Ashby mill would close before the winter. '
     '"We will close the Ashby mill before the winter and no worker will lose a single week of pay," Verrow told '
     'reporters in Dunmere. Pellam Hart, who leads the opposition, said Tamsin Verrow would lose Dunmere in the '
     'spring.')),
    ("dunmere-post", "Dunmere Post", "2031-05-03",
     ('Speaking at a rally, Verrow repeated her promise. "We will close the Ashby mill before the winter and no '
     'worker will lose a single week of pay," Verrow said. Her budget for Dunmere schools was balanced, she said.')),
    ("kestrel-daily", "Kestrel Daily", "2031-05-04",
     ('Tamsin Verrow said the Kestrel library would open late on Thursdays. The harbour board said ferry fares '
     'would stay frozen for another year. Her agent, Orla Penn, said Dunmere had elected Tamsin Verrow three '
     'times.')),
]


@pytest.fixture(scope="module")
def ledger(tmp_path_factory, extractor):
    from claimgraph.ingest import read_inputs
    from claimgraph.service import ingest_articles
    from claimgraph.service_claims import claim_detail, link_claims, list_claims
    from claimgraph.store import Store

    folder = tmp_path_factory.mktemp("outlets")
    feed = folder / "articles.jsonl"
    feed.write_text("".join(json.dumps({"id": i, "url": f"https://example.invalid/{i}", "title": i, "publisher": p,
                                        "published": d, "text": t}) + "\n" for i, p, d, t in ARTICLES),
                    encoding="utf-8")
    with Store.open(folder / "claims.db") as store:
        report = ingest_articles(read_inputs([feed]), store, extractor)
        assert report.stored == len(ARTICLES)
        link_claims(store)
        yield [claim_detail(store, row["id"]) for row in list_claims(store, limit=1000)]


def _voices(detail):
    return [v for stance in detail["voices"].values() for v in stance]


def test_a_quote_carried_by_two_outlets_is_one_claim_with_both_outlets_and_its_first_appearance(ledger):
    mill = [d for d in ledger if any("Ashby mill" in (v["words"] or "") and "worker" in (v["words"] or "")
                                     for v in _voices(d))]
    assert len(mill) == 1
    claim = mill[0]
    quoted = [v for v in _voices(claim) if "worker" in (v["words"] or "")]
    assert {v["outlet"] for v in quoted} == {"Varnell Herald", "Dunmere Post"}
    assert len({v["stance"] for v in quoted}) == 1
    assert claim["first_seen"] == "2031-05-02" and claim["first_appearance"]["outlet"] == "Varnell Herald"
    # what else Verrow or others said about her is not that claim
    said = " ".join(v["words"] or "" for v in _voices(claim))
    assert "library" not in said and "spring" not in said and "schools" not in said


def test_two_outlets_statements_that_share_only_names_are_two_claims(ledger):
    # "Tamsin Verrow would lose Dunmere in the spring" (Hart) and "Dunmere had elected Tamsin Verrow three times"
    # (her agent): three words unknown to general English in common, all of them names
    def claim_of(words):
        return next(d["id"] for d in ledger if any(words in (v["words"] or "") for v in _voices(d)))

    assert claim_of("would lose Dunmere") != claim_of("elected Tamsin Verrow")
