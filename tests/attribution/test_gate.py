"""The tagger's gate and windows: which additions are kept, read from real parses of fictional sentences."""

from __future__ import annotations

import pytest

from claimgraph.attribution.learned.gate import DEFAULT, GATES, SPEECH_CLASSES, Gate, source_kind


@pytest.fixture(scope="module")
def nlp():
    from claimgraph.nlp import load_pipeline

    return load_pipeline()


def _subject(doc, cue: str):
    """The grammatical subject of the cue verb, as the extractor takes a source it has to find itself."""
    from claimgraph.attribution.found import mention_span, trim
    from claimgraph.attribution.reported import cue_subject

    verb = next(t for t in doc if t.text == cue)
    subject, _ = cue_subject(verb)
    return None if subject is None else doc.char_span(*trim(doc, *mention_span(subject, verb)),
                                                      alignment_mode="expand")


def test_source_kind_reads_the_parse(nlp) -> None:
    doc = nlp("Mara Vell said the ferry would sail. He said the pier was closed. The spokesman said it "
              "would pay. Officials said the fog would lift.")
    kinds = [source_kind(_subject(sent.as_doc(), "said")) for sent in doc.sents]
    assert kinds == ["named", "pronoun", "described", "described"], kinds
    assert source_kind(None) == "none"


def test_speech_gate_keeps_reported_speech_with_a_source_only() -> None:
    speech = Gate("test", indirect_cue_classes=SPEECH_CLASSES, indirect_sources=frozenset({"pronoun", "named",
                                                                                          "described"}))
    assert speech.admits("indirect", 0.8, True, True, "report", "named")
    assert speech.admits("indirect", 0.8, True, True, "dispute", "pronoun")
    assert speech.admits("according_to", 0.8, True, True, None, "described")  # "according to": speech
    assert not speech.admits("indirect", 0.99, True, True, "think", "named")  # a belief
    assert not speech.admits("indirect", 0.99, True, False, None, "named")  # "wants", "plans": not in the lexicon
    assert not speech.admits("indirect", 0.99, False, True, "report", "none")  # nobody said it
    assert not speech.admits("indirect", 0.7, True, True, "report", "named")  # below the floor
    assert speech.admits("direct", 0.8, True, False, None, "named")  # quoted additions: the quoted floor only
    named = Gate("test", indirect_cue_classes=SPEECH_CLASSES, indirect_sources=frozenset({"named", "described"}))
    assert not named.admits("indirect", 0.9, True, True, "report", "pronoun")
    # Callers that do not say what the source is: a found source counts as named, a missing one as none.
    assert speech.admits("indirect", 0.8, True, True, "report") and not speech.admits("indirect", 0.9, False, True,
                                                                                     "report")


def test_every_named_gate_reads_the_kind() -> None:
    assert GATES["shipped"].admits("indirect", 0.8, True, False, "think", "none")
    assert not GATES["quoted90"].admits("indirect", 0.99, True, True, "report", "named")
    assert DEFAULT.name in GATES


def test_cue_lemmas_follow_the_gate() -> None:
    from claimgraph.attribution.cues import lexicon

    assert GATES["quoted90"].cue_lemmas == frozenset()
    assert GATES["shipped"].cue_lemmas == frozenset(lexicon())
    speech = Gate("test", indirect_cue_classes=SPEECH_CLASSES).cue_lemmas
    assert "say" in speech and "deny" in speech and "think" not in speech and "believe" not in speech


def test_windows_tag_only_the_cues_the_gate_can_keep(nlp) -> None:
    from claimgraph.attribution.learned.windows import windows

    # "state" and "report" are cue lemmas, but as nouns no cue: the third sentence is not tagged.
    doc = nlp("The pier opened in May. Tova Brenn believes the ferry is unsafe. The state report counted three "
              "wrecks. Mara Vell denied that the ferry was late.")
    sents = list(doc.sents)
    assert len(sents) == 4

    def tagged(cues):
        return {k for k, sent in enumerate(sents) for s, e in windows(doc, cues=cues)
                if s <= sent.start and sent.end <= e}

    assert tagged(True) == {1, 3}
    assert tagged(Gate("test", indirect_cue_classes=SPEECH_CLASSES).cue_lemmas) == {3}
    assert tagged(GATES["quoted90"].cue_lemmas) == set()


def test_is_clause_wants_a_finite_verb(nlp) -> None:
    from claimgraph.attribution.learned.gate import is_clause

    text = "Mara Vell asked about the new ferry. She said the pier will reopen in May."
    doc = nlp(text)

    def seg(words: str) -> list[tuple[int, int]]:
        return [(text.index(words), text.index(words) + len(words))]

    assert not is_clause(doc, seg("the new ferry"))
    assert is_clause(doc, seg("the pier will reopen in May"))
    assert is_clause(doc, seg("the new") + seg("the pier will reopen"))  # any segment


def test_the_default_keeps_reported_speech_only_as_a_statement() -> None:
    """The default (`speechclause`): quoted additions at 0.9, indirect ones only with a speech cue, a source and a
    finite verb in the content (README 'Out of domain' for why)."""
    assert DEFAULT.name == "speechclause"
    assert DEFAULT.admits("indirect", 0.8, True, True, "report", "pronoun", clause=True)
    assert not DEFAULT.admits("indirect", 0.8, True, True, "report", "named", clause=False)  # "asked about the bill"
    assert not DEFAULT.admits("indirect", 0.95, True, True, "think", "named", clause=True)
    assert not DEFAULT.admits("direct", 0.85, True, True, "report", "named", clause=True)
    assert DEFAULT.admits("mixed", 0.92, True, False)
