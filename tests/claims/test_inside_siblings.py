"""Siblings joined by an article's own rules (issue 12, session 13): a quoted fragment that carries no claim (a name,
the words between two quotes, "top secret" inside a long quote) and one speaker's statements that share the story's
words while predicating different things ("was correlated with" / "fell in number") made one claim of different
propositions. Fictional names and places only; each statement's predicates are read from a real parse, as
extraction records them.
"""

from __future__ import annotations

import pytest

from claimgraph.claims import references
from claimgraph.claims.link import link_statements
from claimgraph.claims.references import link_article, quoted_fragments
from claimgraph.claims.statement import Statement
from claimgraph.nlp import load_pipeline
from claimgraph.nlp.predicates import predicate_words
from claimgraph.records import Attribution, Speaker


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _statement(nlp, n: int, words: str, speaker: str) -> Statement:
    """A statement of the article "quellmoor" with its predicates as extraction records them (the parse of its
    words)."""
    a = Attribution(id=f"s{n}", kind="indirect", speaker=Speaker(speaker, "person"), source_span=(0, 5), cue="said",
                    cue_span=(6, 10), cue_class="assert", content=words, content_spans=((11, 11 + len(words)),),
                    sentence=(0, 11 + len(words)), predicates=predicate_words(nlp(words)))
    return Statement(a, "quellmoor", position=n * 100, published="2031-04-02")


def _rules(statements: list[Statement]) -> list[tuple[int, int, str]]:
    return sorted(link_article(statements).restate)


def test_the_words_between_two_quotes_are_no_fragment():
    text = 'the mayor as "tireless" and the council "a disgrace to the harbour"'
    assert quoted_fragments(text) == ["tireless", "a disgrace to the harbour"]   # not " and the council "


def test_words_between_two_quotes_do_not_join_another_speaker(nlp):
    statements = [_statement(nlp, 0, 'the mayor as "tireless" and the council "a disgrace to the harbour"',
                             "Bram Oduya"),
                  _statement(nlp, 1, "ferry fares will rise and the council will vote on them in May", "Wenna Lysk")]
    assert _rules(statements) == []


def test_a_quoted_name_does_not_join_what_else_is_said_of_it(nlp):
    club = _statement(nlp, 0, 'a club with "Vell Moran" in its name must be biased against fishermen', "Bram Oduya")
    member = _statement(nlp, 1, "the judge was a member of the Vell Moran Rowing Club for ten years", "Bram Oduya")
    assert _rules([club, member]) == []
    # a fragment that says something still joins the statement it quotes
    quote = _statement(nlp, 2, 'the judge "was a member of the Vell Moran Rowing Club"', "Wenna Lysk")
    assert _rules([member, quote]) == [(1, 0, "quoted-fragment")]


def test_a_short_fragment_joins_when_both_predicate_the_same_thing(nlp):
    # "a storm" is one content word of four; the two say the same of it
    quoted = _statement(nlp, 0, 'that "a storm" had wrecked the pier at Quellmoor', "Bram Oduya")
    quote = _statement(nlp, 1, "I must tell you a storm wrecked the pier at Quellmoor last night", "Bram Oduya")
    other = _statement(nlp, 2, "a storm warning will be issued for Quellmoor on Friday", "Wenna Lysk")
    rules = _rules([quoted, quote, other])
    assert (0, 1, "quoted-fragment") in rules and not any(2 in (i, j) for i, j, _ in rules)


FINDINGS = ["the harbour's tide was correlated with the number of gulls on the old pier",
            "the gulls on the old pier fell in number after the new lights went up"]
RESTATED = ["the pier will close in March for repairs to its deck",
            "the pier is going to close in March while the deck repairs are made"]


def test_one_speakers_sibling_findings_are_not_restatements(nlp, monkeypatch):
    findings = [_statement(nlp, i, text, "Ilse Varga") for i, text in enumerate(FINDINGS)]
    assert _rules(findings) == []
    claims = link_statements(findings)
    assert sorted(len(c.voices) for c in claims) == [1, 1]
    # the rule joined them on the words they share before it read what each predicates
    monkeypatch.setattr(references, "SAME_SPEAKER_PREDICATES", False)
    assert _rules(findings) == [(0, 1, "same-speaker")]
    assert [len(c.voices) for c in link_statements(findings)] == [2]


def test_one_speaker_restating_stays_one_claim(nlp):
    restated = [_statement(nlp, i, text, "Ilse Varga") for i, text in enumerate(RESTATED)]
    assert _rules(restated) == [(0, 1, "same-speaker")]
    assert [len(c.voices) for c in link_statements(restated)] == [2]
