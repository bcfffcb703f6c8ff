"""A negation disputes a claim only when it denies what the claim says (issue 12 item 3), read on real parses of
fictional sentences: on real pages a claim grouped by its subject held statements that negate something else ("it
doesn't take a genius to figure out how this happened" beside "what might happen at the Oscars"), and each was
labelled a dispute. A negated restatement of the same proposition still disputes it."""

from __future__ import annotations

import pytest

from claimgraph.claims.grouping import content_stems
from claimgraph.claims.stance import assign, denies
from claimgraph.claims.statement import Statement
from claimgraph.records import Article

TEXT = ("Mayor Ilsa Marrow said the Kessel dam will be finished by June. "
        "Engineer Tomas Brand said the Kessel dam will not be finished by June. "
        "Councillor Orla Penn said it doesn't take an expert to see what happened at the dam. "
        "Vell Hastings, a farmer, said: \"No, not really.\"")


@pytest.fixture(scope="module")
def statements(extractor):
    article = Article(ref="kessel", text=TEXT, published="2026-01-05", publisher="Kessel Courier")
    found = [a for a in extractor.extract(article) if a.content]
    return {a.speaker.name.split()[-1] if a.speaker else "": Statement(a, "kessel", position=a.sentence[0],
                                                                       published="2026-01-05")
            for a in found}


def test_the_parse_gives_four_statements(statements):
    assert {"Marrow", "Brand", "Penn", "Hastings"} <= set(statements)


def test_a_negated_restatement_disputes_but_a_negation_about_something_else_does_not(statements):
    members = [(statements[k], "restate") for k in ("Marrow", "Brand", "Penn")]
    stances = assign(members, known_outlets=set())
    assert stances[statements["Marrow"].id] == "assert"
    assert stances[statements["Brand"].id] == "dispute"          # "will not be finished by June"
    assert stances[statements["Penn"].id] == "assert"            # her negation is about an expert, not the dam's date


def test_a_bare_no_disputes_what_it_answers(statements):
    members = [(statements[k], "restate") for k in ("Marrow", "Hastings")]
    stances = assign(members, known_outlets=set())
    assert stances[statements["Hastings"].id] == "dispute"


def test_one_shared_word_is_a_subject_not_a_proposition(statements):
    claimed = [content_stems(statements["Marrow"].attribution.content)]
    assert denies(statements["Brand"], claimed)
    assert not denies(statements["Penn"], claimed)     # shares only "dam"


def test_a_denial_cue_needs_only_half_the_words(extractor):
    text = ("The council memo said the repairs will cost twice the original estimate. "
            "Treasurer Ansel Reyes denied that the costs had doubled.")
    found = [a for a in extractor.extract(Article(ref="memo", text=text, published="2026-01-05")) if a.content]
    memo, reyes = sorted(found, key=lambda a: a.sentence[0])
    assert reyes.cue_class == "dispute"
    claimed = [content_stems(memo.content)]
    assert denies(Statement(reyes, "memo", position=reyes.sentence[0], published="2026-01-05"), claimed)


def test_words_held_whole_in_the_same_speakers_longer_statement_give_one_voice(extractor):
    """Provenance (item 4): a partial quote nested in the same speaker's statement is one voice, not two."""
    from claimgraph.claims import link_statements

    text = ("Prosecutor Ilsa Marrow said she would review all 41 Kessel cases before the spring.\n\n"
            "\u201cAll 41 Kessel cases before the spring,\u201d Marrow said.\n\n"
            "Councillor Orla Penn said the council would review all 41 Kessel cases before the spring.")
    found = [a for a in extractor.extract(Article(ref="kessel2", text=text, published="2026-01-05")) if a.content]
    members = [Statement(a, "kessel2", position=a.sentence[0], published="2026-01-05") for a in found]
    voices = [v for c in link_statements(members) for v in c.voices]
    speakers = sorted(v.speaker.name.split()[-1] for v in voices if v.speaker)
    assert len([a for a in found if a.speaker and a.speaker.name.endswith("Marrow")]) == 2   # the parse gives two
    assert speakers.count("Marrow") == 1 and "Penn" in speakers


def test_the_gist_is_a_proposition_not_a_question_word_fragment(extractor):
    """A claim's gist (item 3): 'why the Kessel bridge had closed' is no proposition; the statement that asserts it
    is."""
    from claimgraph.claims.gist import gist

    text = ("Councillor Ilsa Marrow asked why the Kessel bridge had closed.\n\n"
            "Engineer Tomas Brand said the Kessel bridge had closed on Monday.")
    found = [a for a in extractor.extract(Article(ref="bridge", text=text, published="2026-01-05")) if a.content]
    members = [Statement(a, "bridge", position=a.sentence[0], published="2026-01-05") for a in found]
    assert [m.attribution.content.split()[0] for m in members] == ["why", "the"]
    assert gist(members, {m.id: "assert" for m in members}).startswith("The Kessel bridge had closed")
