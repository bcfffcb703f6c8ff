"""The `speechmarks` gate: speechfirm, less the quoted additions whose content is no quotation its cue reports
(learned/gate.py `unquoted`), read from real parses of fictional sentences."""

from __future__ import annotations

import pytest

from claimgraph.attribution.learned.gate import GATES, unquoted
from claimgraph.attribution.marks import find_quotes, with_single_quotes


@pytest.fixture(scope="module")
def nlp():
    from claimgraph.nlp import load_pipeline

    return load_pipeline()


def _segments(text: str, contents: list[str]) -> list[tuple[int, int]]:
    return [(text.index(words), text.index(words) + len(words)) for words in contents]


def _reason(nlp, text: str, cue: str, contents: list[str]) -> str | None:
    doc = nlp(text)
    cue_at = text.index(cue)
    return unquoted(doc, with_single_quotes(text, find_quotes(text)), doc.char_span(cue_at, cue_at + len(cue)),
                    _segments(text, contents))


RUNS_ON = ("“The ferry is late,” Mara Vell wrote. “The pier is closed.” Mayor Dov Ketter then explained what was "
           "wrong with the plan to the Kestrel Gazette.")
RUNS_ON_CONTENT = ["“The ferry is late,”", "“The pier is closed.” Mayor Dov Ketter then explained what was wrong "
                   "with the plan to the Kestrel Gazette"]


@pytest.mark.parametrize("text, cue, contents, reason", [
    # The writer's own sentence after the closing mark: the tagger ran on past the quote.
    (RUNS_ON, "wrote", RUNS_ON_CONTENT, "runs_on"),
    # A mark that opens a quote beyond the content: no word of the content is quoted.
    ("No, said Orla Tennet, who lives in Kestrel and sailed to the rally in Dunmore. \"The ferry was late,\" she "
     "added.", "said", ["Kestrel and sailed to the rally in Dunmore. \""], "stray"),
    # A headline in capitals over the quote.
    ("KESTREL ENDS FERRY TAX “The council voted on Friday to end the tax on the ferry.”", "ENDS",
     ["FERRY TAX “The council voted on Friday to end the tax on the ferry.”"], "headline"),
    # Quotations: nothing against them, over several sentences, across paragraphs or in single marks.
    ("“The ferry is late. The pier is closed,” Mara Vell wrote.", "wrote",
     ["“The ferry is late. The pier is closed,”"], None),
    ("“The ferry is late,” Mara Vell wrote. “The pier is closed.”\n\nMayor Dov Ketter agreed.", "wrote",
     ["“The ferry is late,”", "“The pier is closed.”"], None),
    ("Mara Vell said that the pier was “a disgrace to Kestrel” and that the ferry would sail.", "said",
     ["that the pier was “a disgrace to Kestrel” and that the ferry would sail"], None),
    # A quote opened with one style of mark and closed with another: the marks around each word still tell.
    ("\"The claims are false,'' said the mayor's lawyer, Ilsa Marr, in a statement. \"They are unsourced and "
     "ridiculous.\"", "said", ["\"The claims are false,''", "\"They are unsourced and ridiculous"], None),
    ("Tova Brenn said the council had answered ‘Never, not while I am mayor,’ and left the hall.”", "said",
     ["the council had answered ‘Never, not while I am mayor,’ and left the hall.”"], None),
])
def test_unquoted_reads_the_marks_and_the_parse(nlp, text, cue, contents, reason) -> None:
    assert _reason(nlp, text, cue, contents) == reason


def _kept(nlp, gate, text: str, cue: str, source: str, contents: list[str]) -> bool:
    """Whether `gate` keeps the tagger's quoted addition (nothing found by the rules around it), through the
    extractor's merge (`complete`, as the attributions component calls it)."""
    from claimgraph.attribution import complete
    from claimgraph.attribution.found import TEXT_KEY
    from claimgraph.attribution.learned.group import Candidate

    doc = nlp(text)
    doc.user_data[TEXT_KEY] = doc.text
    segments = _segments(text, contents)
    cue_span, source_span = _segments(text, [cue, source])
    items = complete(doc, [], [Candidate(tuple(segments), cue_span, source_span, 0.95)], gate)
    return any(item.method == "learned" and item.content == segments for item in items)


def test_speechmarks_refuses_a_quote_run_on_into_the_next_sentence(nlp) -> None:
    """speechfirm keeps it (a source, a cue of its own in the quote's sentence); speechmarks does not."""
    assert _kept(nlp, GATES["speechfirm"], RUNS_ON, "wrote", "Mara Vell", RUNS_ON_CONTENT)
    assert not _kept(nlp, GATES["speechmarks"], RUNS_ON, "wrote", "Mara Vell", RUNS_ON_CONTENT)


def test_speechmarks_keeps_a_quotation(nlp) -> None:
    text = "“The ferry is late. The pier is closed,” Mara Vell wrote."
    args = ("wrote", "Mara Vell", ["“The ferry is late. The pier is closed,”"])
    assert _kept(nlp, GATES["speechfirm"], text, *args)
    assert _kept(nlp, GATES["speechmarks"], text, *args)


def test_speechmarks_reads_no_indirect_addition() -> None:
    """The quoted refusals leave indirect additions to speechfirm's rules."""
    gate = GATES["speechmarks"]
    assert gate.admits("indirect", 0.95, True, True, "report", "named", clause=True, unquoted="runs_on")
    assert not gate.admits("mixed", 0.95, True, True, "report", "named", unquoted="stray")
    assert gate.admits("mixed", 0.95, True, True, "report", "named")
