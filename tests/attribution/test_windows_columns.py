"""The tagger's windows (learned/windows.py) read from the Doc's columns give what the per-token reading gave:
per sentence a quote mark, a quotation left open from before (closed at a paragraph break), a cue verb or
"according"; on real parses of the examples, the reference article and a text made to hold each case."""

import pytest

from claimgraph.attribution.cues import lexicon
from claimgraph.attribution.learned.gate import GATES
from claimgraph.attribution.learned.windows import CLOSING, OPENING, TOGGLING, can_hold, windows
from claimgraph.nlp import load_pipeline
from tests.conftest import EXAMPLES

CASES = ("“The pier is ready,” Mara Vell said. Gulls circled. \"It will hold,\" she added.\n\n"
         "“A quotation opened here runs on\n\nBut a paragraph later it is closed. According to the board, the "
         "ferry sails on Friday. The harbour master announced a delay. The state said nothing. A report came.\n"
         "«Nous verrons» wrote Ilan Moss. ''Odd marks'' and ``others`` too. Officials CLAIMED the toll was fair.")


def per_token(sentences, cues=True):
    """The reading the columns replaced: token by token."""
    lemmas = (lexicon() if cues is True else cues) if cues else {}
    out, inside = [], False
    for sent in sentences:
        hit = inside
        for token in sent:
            text = token.text
            if any(c in text for c in OPENING + CLOSING + TOGGLING):
                hit = True
                for c in text:
                    inside = True if c in OPENING else False if c in CLOSING else (not inside) if c == TOGGLING \
                        else inside
            elif cues and not hit and ((token.pos_ == "VERB" and token.lemma_.lower() in lemmas)
                                       or token.lower_ == "according"):
                hit = True
            if "\n\n" in token.whitespace_ or (token.is_space and "\n\n" in token.text):
                inside = False
        out.append(hit)
    return out


@pytest.fixture(scope="module")
def docs():
    texts = [CASES] + [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    return list(load_pipeline().pipe(texts))


def test_the_same_sentences_as_the_per_token_reading(docs):
    settings = [True, False, set(), GATES["speechclause"].cue_lemmas, GATES["quoted90"].cue_lemmas, {"announce"}]
    hits = 0
    for doc in docs:
        sentences = list(doc.sents)
        for cues in settings:
            got = can_hold(sentences, cues)
            assert got == per_token(sentences, cues), (doc.text[:40], cues)
            hits += sum(got)
        assert can_hold(sentences[1::2]) == per_token(sentences[1::2])  # any spans of the Doc, in order
    assert hits > 50
    first = list(docs[0].sents)
    # quote marks; the quotation left open is closed by the paragraph break; "according" and "announced" with
    # cues; "said" is no cue in this set; '' and `` are no double quote marks to the windows
    assert can_hold(first, {"announce"}) == [True, False, True, True, False, True, True, False, False, True, False,
                                             False]
    assert can_hold(first, set()) == [True, False, True, True, False, False, False, False, False, True, False,
                                      False]


def test_windows_leave_out_what_the_rules_cover(docs):
    doc = docs[0]
    everything = windows(doc, cues={"announce"})
    assert everything[0][0] == 0
    covered = [(0, doc[everything[0][1] - 1].idx)]  # the rules hold the first window's sentences
    assert windows(doc, covered, cues={"announce"}) == everything[1:]
