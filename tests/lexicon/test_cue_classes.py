"""Every row of the cue lexicon (claimgraph/data/cues.tsv), exercised through the extractor.

The file is read as it is; for each row a fictional sentence is built from the row's lemma and the complement it
takes, extracted with the default `Extractor`, and the class given to that cue is compared with `EXPECTED`: the
class each lemma was reviewed to have (README "Cue classes"). `EXPECTED` is kept here, apart from the file, on
purpose: a test that took the expected class from the file itself could not notice a lemma moved to the wrong class
("reject" filed under report). Re-classing a lemma on purpose means editing both; adding one means giving it its
class here (`test_every_lemma_has_a_reviewed_class` says so).
"""

from __future__ import annotations

from importlib import resources
from typing import NamedTuple

import pytest

from claimgraph.records import Article

CLASSES = ("assert", "dispute", "confirm", "report", "think", "relay")
EXPECTED: dict[str, str] = {
    lemma: cue_class
    for cue_class, lemmas in {
        "report": "say tell add note state explain write remark comment recall reply respond answer continue mention "
                  "describe call announce report indicate suggest disclose reveal predict warn ask tweet post testify "
                  "show find cite point complain joke quip caution lament remind inform express signal hint retort "
                  "exclaim clarify recount confide highlight decline voice",
        "assert": "declare claim assert insist maintain argue allege contend stress emphasize promise vow pledge "
                  "boast urge assure imply reiterate propose praise proclaim brag tout emphasise rule applaud commend "
                  "congratulate laud threaten",
        "dispute": "deny dismiss reject refute dispute rebut contradict criticize question doubt blame accuse charge "
                   "mock blast slam denounce decry condemn counter criticise bemoan deride chide scold rebuke "
                   "ridicule fault lambast excoriate castigate berate disparage assail refuse",
        "confirm": "confirm acknowledge admit concede agree verify corroborate concur recognize",
        "think": "think believe consider feel expect suspect hope fear worry estimate conclude speculate guess assume "
                 "realize anticipate plan want seek decide intend aim",
        "relay": "learn",
    }.items()
    for lemma in lemmas.split()
}

# The verb form each template uses: the simple past, irregular ones spelled out. "hope" keeps a plural subject: the
# small English pipeline lemmatises "hoped" and "hopes" as "hop", which `cues.cue_for` mends (test below).
FORMS = {"say": "said", "tell": "told", "write": "wrote", "think": "thought", "feel": "felt", "find": "found",
         "admit": "admitted", "rebut": "rebutted", "hope": "hope", "quip": "quipped", "slam": "slammed",
         "concur": "concurred", "brag": "bragged", "plan": "planned", "seek": "sought"}
SPEAKER = "Councillor Ottilie Brannock"
TEMPLATES = {  # by the complement the row says carries the content
    "clause": SPEAKER + " {verb} that the Quorrin bridge was unsafe.",
    "both": SPEAKER + " {verb} that the Quorrin bridge was unsafe.",
    "object": SPEAKER + " {verb} the harbour board's plan for the Quorrin bridge.",
}
SENTENCES = {  # where no template fits
    "hope": "Residents of Veldoria {verb} that the Quorrin bridge will reopen.",
    "point": SPEAKER + " {verb} out that the Quorrin bridge was unsafe.",
    "remind": SPEAKER + " {verb} residents that the Quorrin bridge was unsafe.",
    "inform": SPEAKER + " {verb} residents that the Quorrin bridge was unsafe.",
    "assure": SPEAKER + " {verb} residents that the Quorrin bridge was safe.",
    "decline": SPEAKER + " {verb} to comment on the harbour board's plan for the Quorrin bridge.",
    "voice": SPEAKER + " {verb} concern about the harbour board's plan for the Quorrin bridge.",  # a stance voiced
    # intentions and refusals take an infinitive: what is intended or refused is the content (round 4)
    **{lemma: SPEAKER + " {verb} to close the Quorrin bridge for the winter." for lemma in
       ("plan", "want", "seek", "decide", "intend", "aim", "threaten", "refuse")},
}


def sentence_for(row: Row) -> str:
    return SENTENCES.get(row.lemma, TEMPLATES[row.takes]).format(verb=past(row.lemma))


class Row(NamedTuple):
    lemma: str
    cue_class: str
    takes: str


def lexicon_rows() -> list[Row]:
    """The rows of the shipped lexicon file, read as the package reads it (comments and blank lines skipped)."""
    text = resources.files("claimgraph.data").joinpath("cues.tsv").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            lemma, cue_class, takes, *_ = line.split("\t")
            rows.append(Row(lemma, cue_class, takes))
    return rows


def past(lemma: str) -> str:
    if lemma in FORMS:
        return FORMS[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + "ed"


ROWS = lexicon_rows()


@pytest.fixture(scope="module")
def classes_found(extractor) -> dict[str, list[tuple[str | None, str]]]:
    """(cue, class) of every attribution found in each row's sentence, by lemma; one batch for the whole file."""
    articles = [Article(ref=row.lemma, text=sentence_for(row)) for row in ROWS]
    return {done.article.ref: [(a.cue, a.cue_class) for a in done.attributions]
            for done in extractor.extract_many(articles)}


def test_every_class_is_in_the_file() -> None:
    assert {row.cue_class for row in ROWS} == set(CLASSES)
    assert all(row.takes in TEMPLATES for row in ROWS), [row for row in ROWS if row.takes not in TEMPLATES]


def test_every_lemma_has_a_reviewed_class() -> None:
    lemmas = [row.lemma for row in ROWS]
    assert len(lemmas) == len(set(lemmas)), "a lemma is listed twice in cues.tsv"
    assert set(lemmas) == set(EXPECTED), (
        f"cues.tsv and this test disagree on which lemmas exist: new {sorted(set(lemmas) - set(EXPECTED))}, "
        f"gone {sorted(set(EXPECTED) - set(lemmas))}; give a new lemma its class in EXPECTED")


@pytest.mark.parametrize("row", ROWS, ids=[row.lemma for row in ROWS])
def test_row_gives_its_reviewed_class(row: Row, classes_found) -> None:
    verb = past(row.lemma)
    found = [cls for cue, cls in classes_found[row.lemma] if cue and verb in cue.split()]
    sentence = sentence_for(row)
    assert found, f"no attribution with the cue {verb!r} in {sentence!r}: {classes_found[row.lemma]}"
    assert found[0] == EXPECTED[row.lemma], (
        f"{sentence!r}: {row.lemma!r} gives {found[0]!r}, reviewed as {EXPECTED[row.lemma]!r} "
        f"(cues.tsv files it under {row.cue_class!r})")


@pytest.mark.parametrize("complement,cue_class", [("the plan rubbish", "dispute"), ("the plan a hoax", "dispute"),
                                                   ("the plan a good start", "report")])
def test_call_is_a_dispute_only_with_a_dismissive_complement(extractor, complement, cue_class) -> None:
    text = f"{SPEAKER} called {complement}."
    [found] = [a for a in extractor.extract(Article(ref="call", text=text)) if a.cue == "called"]
    assert found.cue_class == cue_class


def test_hoped_is_a_thinking_cue(extractor) -> None:
    text = f"{SPEAKER} hoped that the Quorrin bridge would reopen."
    found = [a.cue_class for a in extractor.extract(Article(ref="hoped", text=text)) if a.cue == "hoped"]
    assert found == ["think"]
