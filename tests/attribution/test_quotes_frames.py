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
