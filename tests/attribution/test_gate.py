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
    """The default (`speechmarks`: speechfirm, less quoted additions that are no quotation, test_speechmarks_gate.py):
    quoted additions at 0.9 with a source, indirect ones only with a speech cue, a
    source, a finite verb in the content (docs/out_of_domain.md for why) and nothing loose about the content
    (test_speechfirm_gate.py); `speechopen` also wants the content to begin its clause."""
    assert DEFAULT.name == "speechmarks"
    assert not DEFAULT.admits("indirect", 0.8, True, True, "report", "named", clause=True, loose="circumstance")
    assert GATES["speechquote"].admits("indirect", 0.8, True, True, "report", "named", clause=True,
                                       loose="circumstance")
    assert DEFAULT.admits("indirect", 0.8, True, True, "report", "named", clause=True, opens=False)
    assert not GATES["speechopen"].admits("indirect", 0.8, True, True, "report", "named", clause=True, opens=False)
    assert GATES["speechopen"].admits("indirect", 0.8, True, True, "report", "named", clause=True, opens=True)
    assert DEFAULT.admits("indirect", 0.8, True, True, "report", "pronoun", clause=True)
    assert not DEFAULT.admits("indirect", 0.8, True, True, "report", "named", clause=False)  # "asked about the bill"
    assert not DEFAULT.admits("indirect", 0.95, True, True, "think", "named", clause=True)
    assert not DEFAULT.admits("direct", 0.85, True, True, "report", "named", clause=True)
    assert DEFAULT.admits("mixed", 0.92, True, False)
    assert not DEFAULT.admits("mixed", 0.92, False, False)  # a quote nobody is given as saying
    assert not DEFAULT.admits("direct", 0.95, True, True, "report", "named", cue_above=True)
    assert not DEFAULT.admits("direct", 0.95, True, True, "report", "named", rule_cue=True)
    assert DEFAULT.admits("mixed", 0.95, True, True, "report", "named", rule_cue=True)  # "called it “a mess”"
    # The quoted refinements leave the indirect additions alone.
    assert DEFAULT.admits("indirect", 0.8, True, True, "report", "named", clause=True, cue_above=True, rule_cue=True)


def test_cue_above_and_shares_cue_read_offsets() -> None:
    from claimgraph.attribution.learned.gate import cue_above, shares_cue

    text = "Transcript as follows:\n\n\"We sail at noon.\"\n\n\"Ready,\" Vell said.\nAnd as Brenn noted, it rained."
    follows = (text.index("follows"), text.index("follows") + 7)
    quote = [(text.index("We sail"), text.index("noon.") + 5)]
    said = (text.index("said"), text.index("said") + 4)
    ready = [(text.index("Ready"), text.index("Ready") + 5)]
    noted = (text.index("noted"), text.index("noted") + 5)
    assert cue_above(text, follows, quote)  # a line above introduces the block quote
    assert not cue_above(text, said, ready)  # the cue after its quote, in its paragraph
    assert not cue_above(text, noted, ready)  # a cue in the next paragraph looks back: not a line above
    assert cue_above(text, None, quote) is None and cue_above(text, said, []) is None
    assert shares_cue(said, [(said[0], said[1] + 1)]) and not shares_cue(said, [follows])
    assert shares_cue(None, [said]) is None


# A fictional article: the rules find Brenn's announcement (indirect) and the "writing" block quote; the four
# quoted additions below stand for what the tagger adds where the rules found nothing.
# The writer's sentence between Brenn's announcement and the quotation keeps the quotation the rules' no continuation
# (quotes.after_statements), so that the tagger's addition of it is what the gates decide on.
HARBOR = ("Tova Brenn announced on Monday a lawsuit against the Northgate ferry company. The ferry still sails at "
          "night. \"We are seeking an order that stops the night sailings until the pier is repaired.\"\n\n"
          "The transcript of the harbor master's remarks reads as follows:\n\n"
          "\"The pier has been unsafe for years, and the council knew it long before the storm.\"\n\n"
          "Then came the chant of \"Hold the line!\" from the dock.\n\n"
          "The dockworkers chanted \"Fix the pier now!\" outside the council hall.\n")


def _harbor_additions(nlp, gate) -> dict[str, str | None]:
    """The tagger's quoted additions that `gate` keeps in HARBOR, through the extractor's merge (`complete`, as the
    attributions component calls it): content -> the source's words (None where nobody is given)."""
    from claimgraph.attribution import complete, rule_finds
    from claimgraph.attribution.found import TEXT_KEY
    from claimgraph.attribution.learned.group import Candidate

    doc = nlp(HARBOR)

    def span(words: str) -> tuple[int, int]:
        return HARBOR.index(words), HARBOR.index(words) + len(words)

    candidates = [
        # The second half of Brenn's announcement: its cue is the rules' cue.
        Candidate((span("We are seeking an order that stops the night sailings until the pier is repaired."),),
                  span("announced"), span("Tova Brenn"), 0.95),
        # A block quote under a line that introduces it.
        Candidate((span("The pier has been unsafe for years, and the council knew it long before the storm."),),
                  span("reads"), span("The transcript of the harbor master's remarks"), 0.95),
        # A chant nobody is given as chanting.
        Candidate((span("Hold the line!"),), span("chant"), None, 0.95),
        # A quote with its own cue and a source, in its paragraph: kept by every gate below.
        Candidate((span("Fix the pier now!"),), span("chanted"), span("The dockworkers"), 0.95),
    ]
    doc.user_data[TEXT_KEY] = doc.text
    found = rule_finds(doc)
    assert [HARBOR[s:e] for item in found for s, e in item.content if item.kind == "indirect"] == [
        "a lawsuit against the Northgate ferry company"]  # the rules hold "announced" with a content of its own
    items = complete(doc, found, candidates, gate)
    return {HARBOR[s:e]: (item.source.text if item.source is not None else None)
            for item in items if item.method == "learned" for s, e in item.content}


def test_speechquote_refuses_the_quoted_additions_that_are_no_statement_of_their_own(nlp) -> None:
    """speechclause keeps all four quoted additions; each refinement of speechquote refuses its own one, and
    speechquote keeps only the dockworkers' chant."""
    everything = _harbor_additions(nlp, GATES["speechclause"])
    assert set(everything) == {
        "We are seeking an order that stops the night sailings until the pier is repaired.",
        "The pier has been unsafe for years, and the council knew it long before the storm.",
        "Hold the line!", "Fix the pier now!"}, everything
    assert everything["Hold the line!"] is None  # no source: not the cue's subject either
    base = {"min_confidence_quoted": 0.9}
    one_by_one = {
        "quoted_needs_source": "Hold the line!",
        "quoted_cue_not_above": "The pier has been unsafe for years, and the council knew it long before the storm.",
        "direct_own_cue": "We are seeking an order that stops the night sailings until the pier is repaired.",
    }
    for flag, refused in one_by_one.items():
        kept = _harbor_additions(nlp, Gate(flag, **base, **{flag: True}))
        assert set(kept) == set(everything) - {refused}, (flag, kept)
    assert set(_harbor_additions(nlp, GATES["speechquote"])) == {"Fix the pier now!"}


def test_a_rule_cue_without_words_does_not_refuse_the_quote_that_gives_them(nlp) -> None:
    """The rules flag "commented" with no content; the tagger's quote after it gives the words: that is no second
    statement of a cue the rules hold, so speechquote keeps it."""
    from claimgraph.attribution import complete, rule_finds
    from claimgraph.attribution.found import TEXT_KEY
    from claimgraph.attribution.learned.group import Candidate

    text = "Mara Vell commented on the pier. \"It has to be rebuilt before the winter storms.\""
    doc = nlp(text)
    doc.user_data[TEXT_KEY] = doc.text
    found = rule_finds(doc)
    assert [(item.cue.text, item.content) for item in found] == [("commented", [])]
    words = "It has to be rebuilt before the winter storms."
    quote = Candidate(((text.index(words), text.index(words) + len(words)),),
                      (text.index("commented"), text.index("commented") + 9), (0, 9), 0.95)
    items = complete(doc, found, [quote], GATES["speechquote"])
    assert [text[s:e] for item in items if item.method == "learned" for s, e in item.content] == [words]


def test_opens_clause_reads_where_the_content_begins(nlp) -> None:
    """An indirect addition's content begins its clause (that / whether, a wh-word, the finite verb's subject), or
    begins partway into one or after it, which the default gate refuses."""
    from claimgraph.attribution.learned.gate import opens_clause

    text = ("Mayor Tolla Vesk said that the pier will close. Vesk said the council will vote in May. "
            "Vesk said in Kestrel, where the ferry docks, it was cold. Vesk explained how the levy works.")
    doc = nlp(text)

    def seg(words: str) -> list[tuple[int, int]]:
        start = text.index(words)
        return [(start, start + len(words))]

    assert opens_clause(doc, seg("that the pier will close"))
    assert opens_clause(doc, seg("the council will vote in May"))
    assert opens_clause(doc, seg("how the levy works"))
    assert not opens_clause(doc, seg("in Kestrel, where the ferry docks, it was cold"))
    assert not opens_clause(doc, seg("will vote in May"))
