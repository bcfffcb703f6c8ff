"""A quotation framed by a clause whose verb the cue lexicon does not know (issue 9, fifth pass): '“…,” Vell
retaliated.', 'Vell demurred: “…”', 'Vell yelled, “…”'. The frame makes the verb the cue and its subject the source
instead of leaving the quote a continuation of the previous speaker's. Fictional sentences, real parses, rules only."""

from __future__ import annotations

import pytest

from tests.conftest import by_cue, extract


@pytest.mark.parametrize("text, cue, source, content", [
    ("“The port is no longer the port,” he claimed. “The port will always be the port,” an angry Ansel Marr "
     "retaliated. “It never gives up.”", "retaliated", "an angry Ansel Marr", "The port will always be the port"),
    ("Asked which harbor was her favorite, Mara Vell demurred: “Whichever one I'm in at the moment.”", "demurred",
     "Mara Vell", "Whichever one I'm in at the moment"),
    ("As the ferry was led away, Mayor Tomas Brand yelled, “Out, out, out!”", "yelled", "Mayor Tomas Brand",
     "Out, out, out"),
])
def test_a_framing_verb_outside_the_lexicon_is_the_quotes_cue(rules, text, cue, source, content):
    found = by_cue(extract(rules, text), cue)
    assert found.kind == "direct"
    assert text[found.source_span[0]:found.source_span[1]] == source
    assert found.content.startswith(content)


def test_a_quote_after_a_clause_with_an_object_is_no_frame(rules):
    # "won the vote" takes an object: the quote that follows is not how the vote was won.
    text = "“We kept the ferry,” Mara Vell said. The council won the vote on Monday. “It was close.”"
    assert "won" not in [a.cue for a in extract(rules, text)]


@pytest.mark.parametrize("text, cue, source, content", [
    ('"The ferry will sail at noon and the crew will be paid," read the notice on the harbour gate.', "read",
     "the notice on the harbour gate", "The ferry will sail at noon and the crew will be paid"),
    ('"Tarrow is a town of fishers and we keep its pier open all year," the About Us page reads at the bottom.',
     "reads", "the About Us page", "Tarrow is a town of fishers"),
    ('"This is the last ferry to leave Dunmore before the storm," begins the captain.', "begins", "the captain",
     "This is the last ferry to leave Dunmore"),
    ('"Many of you have asked why the ferry stopped running last winter," the harbour master begins her letter.',
     "begins", "the harbour master", "Many of you have asked why the ferry stopped"),
])
def test_read_and_begin_after_a_quotation_frame_it(rules, text, cue, source, content):
    """A notice "reads" its words and a speaker "begins" a letter with them: neither verb is in the cue lexicon
    (a row would make "I read that …" and "began to cry" reported speech), so only a quotation before them takes
    them as its frame."""
    found = by_cue(extract(rules, text), cue)
    assert found.kind == "direct"
    assert text[found.source_span[0]:found.source_span[1]] == source
    assert found.content.startswith(content)


@pytest.mark.parametrize("text", [
    '"We will open the new pier in the spring," Mara Vell began the meeting.',
    '"The council has approved the harbour fees for the year," Ilan Moss read the report aloud.',
    '"Nobody told us the ferry had stopped running," she began to cry.',
])
def test_read_and_begin_with_another_object_or_clause_frame_nothing(rules, text):
    # Beginning a meeting or reading a report out is something done; what the quotation is stays open.
    assert not {"began", "read"} & {a.cue for a in extract(rules, text)}
