"""The `speechfirm` gate: speechquote, less the indirect additions whose content is not what their cue reports
(learned/gate.py `loose_content`), read from real parses of fictional sentences."""

from __future__ import annotations

import pytest

from claimgraph.attribution.learned.gate import GATES, loose_content


@pytest.fixture(scope="module")
def nlp():
    from claimgraph.nlp import load_pipeline

    return load_pipeline()


def _reason(nlp, text: str, cue: str, content: str) -> str | None:
    doc = nlp(text)
    start = text.index(content)
    cue_at = text.index(cue)
    return loose_content(doc, doc.char_span(cue_at, cue_at + len(cue)), [(start, start + len(content))])


@pytest.mark.parametrize("text, cue, content, reason", [
    # After an inverted cue, the words after the speaker's name describe the speaker.
    ("\"The ferry will sail on time,\" said Tova Brenn, a pollster in Kestrel, who attended the rally.", "said",
     "in Kestrel, who attended the rally.", "speaker"),
    # A conjunction other than that / if / whether: why or when the speaker spoke.
    ("The pier was safe, Mara Vell said on Friday, because she understands the harbor.", "said",
     "because she understands the harbor", "circumstance"),
    ("The levy is unfair, Ilsa Marr said as hundreds of dockworkers moved through the square.", "said",
     "as hundreds of dockworkers moved through the square", "circumstance"),
    # Past the cue's sentence.
    ("Orla Tennet declined that offer. She has since left the council.", "declined",
     "that offer. She has since left the council", "beyond"),
    # A passive cue: its subject was spoken to, not speaking.
    ("Dov Ketter was not asked to speak at the harbor festival.", "asked", "to speak at the harbor festival",
     "passive"),
    # What the cue reports: nothing against it.
    ("Mara Vell said that the pier will close in May.", "said", "that the pier will close in May", None),
    ("Lorin Ashby suggested the council would only offer conditional support.", "suggested",
     "the council would only offer conditional support", None),
    ("Halvard Brisk has often complained about not getting enough credit for the new pier.", "complained",
     "about not getting enough credit for the new pier", None),
])
def test_loose_content_reads_the_parse(nlp, text, cue, content, reason) -> None:
    assert _reason(nlp, text, cue, content) == reason


def _kept(nlp, gate, text: str, cue: str, source: str, content: str) -> bool:
    """Whether `gate` keeps the tagger's indirect addition (nothing found by the rules around it), through the
    extractor's merge (`complete`, as the attributions component calls it)."""
    from claimgraph.attribution import complete
    from claimgraph.attribution.found import TEXT_KEY
    from claimgraph.attribution.learned.group import Candidate

    doc = nlp(text)
    doc.user_data[TEXT_KEY] = doc.text

    def span(words: str) -> tuple[int, int]:
        return text.index(words), text.index(words) + len(words)

    items = complete(doc, [], [Candidate((span(content),), span(cue), span(source), 0.9)], gate)
    return any(item.method == "learned" and item.content == [span(content)] for item in items)


def test_speechfirm_keeps_a_reported_clause(nlp) -> None:
    text = "Lorin Ashby suggested the council would only offer conditional support."
    args = ("suggested", "Lorin Ashby", "the council would only offer conditional support")
    assert _kept(nlp, GATES["speechquote"], text, *args)
    assert _kept(nlp, GATES["speechfirm"], text, *args)


def test_speechfirm_refuses_the_reason_the_speaker_spoke(nlp) -> None:
    """speechquote keeps it (a speech verb, a source, a finite verb in the content); speechfirm does not."""
    text = "The pier was safe, Mara Vell said on Friday, because she understands the harbor."
    args = ("said", "Mara Vell", "because she understands the harbor")
    assert _kept(nlp, GATES["speechquote"], text, *args)
    assert not _kept(nlp, GATES["speechfirm"], text, *args)


def test_speechquoted_keeps_no_indirect_addition() -> None:
    gate = GATES["speechquoted"]
    assert not gate.admits("indirect", 0.99, True, True, "report", "named", clause=True)
    assert gate.admits("direct", 0.95, True, True, "report", "named", cue_above=False, rule_cue=False)
    assert not gate.admits("direct", 0.95, False, True, "report", "none")  # speechquote's quoted rules


def _kept_beside_rules(nlp, gate, text: str, cue: str, source: str, content: str) -> bool:
    """Whether `gate` keeps the tagger's indirect addition beside what the rules find in `text` (`rule_finds`,
    then `complete`, as the attributions component calls them)."""
    from claimgraph.attribution import complete, rule_finds
    from claimgraph.attribution.found import TEXT_KEY
    from claimgraph.attribution.learned.group import Candidate

    doc = nlp(text)
    doc.user_data[TEXT_KEY] = doc.text

    def span(words: str) -> tuple[int, int]:
        return text.index(words), text.index(words) + len(words)

    found = rule_finds(doc)
    assert any(item.cue is not None and item.cue.start_char == span(cue)[0] for item in found)  # the shared cue
    items = complete(doc, found, [Candidate((span(content),), span(cue), span(source), 0.9)], gate)
    return any(item.method == "learned" and item.content == [span(content)] for item in items)


@pytest.mark.parametrize("text, cue, source, content", [
    # Part of the source, no clause of its own.
    ("According to a lawyer for a woman who lives near the Kestrel pier, the tape holds eleven shots fired in the "
     "night.", "According", "a lawyer", "woman who lives near the Kestrel pier"),
    # The writer's own clause before "but according to …", begun partway.
    ("The record for a Kestrel ferry crossing is nine hours, but according to the Dunmore Ledger, Mara Vell may "
     "have set a record for the fastest crossing.", "according", "the Dunmore Ledger",
     "a Kestrel ferry crossing is nine hours"),
])
def test_speechfirm_refuses_a_second_content_of_a_rule_finds_cue_partway_into_a_clause(nlp, text, cue, source,
                                                                                    content) -> None:
    """The rules hold what "according to" reports; the tagger's second content for the same cue, one that does not
    begin its clause, is refused (speechfirm12 kept it)."""
    args = (cue, source, content)
    assert _kept_beside_rules(nlp, GATES["speechfirm12"], text, *args)
    assert not _kept_beside_rules(nlp, GATES["speechfirm"], text, *args)


def test_speechfirm_reads_opens_only_beside_a_rule_finds_cue() -> None:
    gate = GATES["speechfirm"]
    args = ("indirect", 0.8, True, True, "report", "named")
    assert not gate.admits(*args, clause=True, rule_cue=True, opens=False)
    assert gate.admits(*args, clause=True, rule_cue=True, opens=True)  # "The source added that the arrests …"
    assert gate.admits(*args, clause=True, rule_cue=False, opens=False)  # speechopen's, not speechfirm's
    assert GATES["speechfirm12"].admits(*args, clause=True, rule_cue=True, opens=False)
    assert gate.admits("mixed", 0.95, True, True, "report", "named", rule_cue=True, opens=False)  # quoted: as before
