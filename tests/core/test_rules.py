"""Attribution rules on short fictional texts, through the real spaCy pipeline."""

from __future__ import annotations

from claimgraph.records import Article


def extract(extractor, text):
    return [a.to_json("t") for a in extractor.extract(Article(ref="t", text=text))]


def test_quote_before_and_after_cue_with_curly_and_straight_marks(extractor):
    text = ("Mara Vell, the mayor of Port Ellis, said: “The bridge will reopen in May.”\n"
            "\"The crews worked all winter on the harbor repairs,\" said Tomas Reyes.")
    preds = extract(extractor, text)
    assert [p["kind"] for p in preds] == ["direct", "direct"]
    assert preds[0]["speaker"]["name"] == "Mara Vell" and preds[0]["content"] == "The bridge will reopen in May."
    assert preds[1]["speaker"]["name"] == "Tomas Reyes"


def test_quote_spanning_paragraphs_continues_without_a_new_cue(extractor):
    # The cue clause after the first quotation ends its sentence and the next paragraph opens with a quotation:
    # one statement in two spans, as PolNeAR marks it (round 8; a cue before the first quotation still gives a
    # continuation of its own: tests/attribution/test_direct_quotes.py).
    text = ("\"The ferry will run until June,\" Ilse Marr told the Northgate Tribune.\n\n"
            "\"After that, the evening crossings end for good.\"")
    preds = extract(extractor, text)
    assert len(preds) == 1 and preds[0]["speaker"]["name"] == "Ilse Marr"
    assert [text[s:e] for s, e in preds[0]["content_spans"]] == ["The ferry will run until June,",
                                                                 "After that, the evening crossings end for good."]
    assert preds[0]["via"] == ["Northgate Tribune"]


def test_according_to_and_indirect_speech(extractor):
    text = ("According to the harbor authority, the cranes were idle for a week. "
            "Owen Talbot said that the port lost money.")
    preds = extract(extractor, text)
    kinds = {p["kind"]: p for p in preds}
    assert kinds["according_to"]["content"] == "the cranes were idle for a week"
    assert kinds["indirect"]["content"] == "that the port lost money"
    assert kinds["indirect"]["speaker"]["name"] == "Owen Talbot"


def test_negated_and_hedged_cues_are_flagged(extractor):
    preds = extract(extractor, "Officials reportedly denied the harbor plan. "
                               "Talbot did not say that the port would close.")
    flags = {p["cue"]: p["flags"] for p in preds}
    assert "hedged" in flags["denied"]
    assert "negated" in flags["say"]


def test_anonymous_sources(extractor):
    preds = extract(extractor, "A source said the ferry contract was cancelled.")
    assert preds[0]["speaker"]["type"] == "anonymous"


def test_a_bare_object_is_a_side_taken_or_what_is_denied(extractor):
    # "supported Vell" is a side taken (PolNeAR marks the one supported as what the subject holds: round 8, 136 of
    # 209 such finds right on train), an assertion; "denied the harbor plan" names what is denied. Neither is more.
    preds = extract(extractor, "Reyes supported Vell. Officials denied the harbor plan. Reyes would support Vell.")
    assert [(p["cue"], p["cue_class"], p["content"]) for p in preds] == [("supported", "assert", "Vell"),
                                                                          ("denied", "dispute", "the harbor plan")]


def test_affiliation_named_by_description_resolves_to_the_organisation(extractor):
    text = ("The Kestrel Ferry Company confirmed that it will end its evening crossings in June. "
            "Ilse Marr, a spokeswoman for the company, said the boats carried few passengers.")
    marr = [p["speaker"] for p in extract(extractor, text) if p["speaker"]["name"] == "Ilse Marr"]
    assert marr and marr[0]["role"] == "spokeswoman" and marr[0]["affiliation"] == "Kestrel Ferry Company"


def test_long_article_is_parsed_in_pieces_with_offsets_into_the_whole_text(extractor, monkeypatch):
    import claimgraph.nlp as nlp_module

    monkeypatch.setattr(nlp_module, "CHUNK_CHARS", 400)
    paragraph = ("The harbor board met on Tuesday to review the budget for the coming year. "
                 "Members heard from the port engineers about the cranes and the ferry slips.\n\n")
    quote = '"The bridge will reopen in May," said Mara Vell, the mayor of Port Ellis.\n\n'
    text = paragraph * 6 + quote + paragraph * 3 + quote
    preds = extract(extractor, text)
    starts = [p["content_spans"][0][0] for p in preds if p["speaker"] and p["speaker"]["name"] == "Mara Vell"]
    assert len(starts) == 2 and starts[0] > 800
    for p in preds:
        s, e = p["content_spans"][0]
        assert text[s:e] == p["content"]


def test_calling_a_claim_untrue_or_misleading_disputes_it_but_calling_it_costly_does_not(extractor):
    text = ("Other councillors called the memo misleading. Ilse Marr described the ferry report as inaccurate. "
            "Owen Talbot called the harbor plan costly.")
    classes = {p["cue"] + " " + p["content"].split()[-1]: p["cue_class"] for p in extract(extractor, text)}
    assert classes["called misleading"] == "dispute"
    assert classes["described inaccurate"] == "dispute"
    assert classes["called costly"] == "report"
