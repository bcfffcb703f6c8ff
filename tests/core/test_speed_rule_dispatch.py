"""`reported_speech` asks its rules only of the tokens some rule can fire on (`speech._rule_tokens`), read from each
rule's own set of words or lemmas. That skipping changes how the rules are run, never what they find: here every rule
is asked of every token of fictional sentences that reach each of them, and of the bundled examples, and what fires
must lie in the rule's set; the finds with the skipping equal the finds with every token asked."""

from __future__ import annotations

import pytest

from claimgraph.attribution import rule_finds
from claimgraph.attribution.cues import cue_for, cue_lemmas
from claimgraph.attribution.found import TEXT_KEY
from claimgraph.attribution.reported import speech
from claimgraph.attribution.reported.according import ACCORDING_WORDS, IN_WORDS, according_to, in_source
from claimgraph.attribution.reported.evidential import (
    ATTITUDE_LEMMAS,
    EVIDENTIAL_LEMMAS,
    MADE_CLEAR_LEMMAS,
    REGARDING,
    REPORTEDLY,
    SHOWING,
    attitude,
    evidence_aside,
    evidential,
    made_clear,
    reportedly,
    seen_as,
)
from claimgraph.attribution.reported.nominal import NOMINAL_WORDS, PRAISE_LEMMAS, misread_verb, nominal, praise_for
from claimgraph.nlp import DEFAULT_MODEL, load_pipeline
from tests.conftest import EXAMPLES

NONE: frozenset[str] = frozenset()
# Each rule: the lower-cased lemmas and the lower-cased words it can fire on. `according_to` and `in_source` are
# asked only of their word (the dispatch tests it, with the parse), so they are not asked of every token here.
PHRASE_RULES = {
    "according_to": (according_to, NONE, ACCORDING_WORDS),
    "in_source": (in_source, NONE, IN_WORDS),
}
RULES = {
    "nominal": (nominal, NOMINAL_WORDS, NOMINAL_WORDS),
    "praise_for": (praise_for, PRAISE_LEMMAS, NONE),
    "misread_verb": (misread_verb, cue_lemmas(), NONE),
    "evidential": (evidential, EVIDENTIAL_LEMMAS, NONE),
    "seen_as": (seen_as, REGARDING, NONE),
    "attitude": (attitude, ATTITUDE_LEMMAS, NONE),
    "made_clear": (made_clear, MADE_CLEAR_LEMMAS, NONE),
    "reportedly": (reportedly, NONE, REPORTEDLY),
    "evidence_aside": (evidence_aside, NONE, SHOWING),
    "topic_of_talk": (speech.topic_of_talk, speech.TOPIC_LEMMAS, NONE),
    "cue_for": (lambda doc, token: cue_for(token), cue_lemmas(), NONE),
}

# Fictional sentences, at least one for each rule.
SENTENCES = [
    "According to the harbor board, fares will rise in May. Fares will rise, according to Ilse Marr.",
    "In a new Harbor Institute poll, most voters back the levy on the ferries.",
    "Talbot's claim that the port lost money was false. Officials voiced fears that the bridge would close.",
    "Vell has praise for the ferry crews of Port Ellis.",
    "The new regulations state that venues must not open after midnight in the valley.",
    "The ferry seems to be late again. The port is expected to reopen next week.",
    "Voters see Vell as a uniter of the valley. The move was viewed as a demotion by the crews.",
    "Vell has been critical of the harbor plan. The union endorsed Vell for mayor. Marr is a longtime critic of "
    "the levy.",
    "Vell made clear that she will run again for the harbor board.",
    "The ferry reportedly carried twice its load across the bay last winter.",
    "The ferry was insured for $35 million in 2011, records show, and it sailed every day.",
    "\u201cWe have to wake up the valley,\u201d Tomas Brand said, referring to the farm voters of Quillmoor.",
    "Vell spoke about the budget on Monday. Marr was asked about the levy at the meeting.",
    "Talbot said that fares will rise in May. Marr hopes the bridge will open soon, and Brand denied the report.",
]


@pytest.fixture(scope="module")
def docs():
    nlp = load_pipeline(DEFAULT_MODEL)
    texts = SENTENCES + [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    return [nlp(text) for text in texts]


def test_every_rule_fires_only_on_its_set(docs):
    fired = {name: 0 for name in RULES}
    for doc in docs:
        for token in doc:
            for name, (rule, lemmas, words) in RULES.items():
                if rule(doc, token) is not None:
                    fired[name] += 1
                    assert token.lemma_.lower() in lemmas or token.lower_ in words, (name, token.text, token.lemma_)
        doc.user_data.pop(TEXT_KEY, None)
    assert all(fired.values()), f"rules the sentences never reach: {[n for n, k in fired.items() if not k]}"


def test_dispatch_covers_every_rule_set():
    lemmas, words = speech._triggers()
    for name, (_, rule_lemmas, rule_words) in {**PHRASE_RULES, **RULES}.items():
        assert rule_lemmas <= lemmas and rule_words <= words, name


def _finds(docs) -> list[str]:
    out = []
    for doc in docs:
        for f in rule_finds(doc):
            out.append(repr((f.kind, f.cue and (f.cue.start_char, f.cue.end_char),
                             f.source and (f.source.start_char, f.source.end_char), f.content, f.cue_class,
                             f.sentence, f.via, f.flags, f.confidence, f.quote_index)))
        doc.user_data.pop(TEXT_KEY, None)
    return out


def test_skipping_finds_what_asking_every_token_finds(docs, monkeypatch):
    skipping = _finds(docs)
    assert sum(len(speech._rule_tokens(doc)) for doc in docs) < sum(len(doc) for doc in docs) / 3
    monkeypatch.setattr(speech, "_rule_tokens", lambda doc: list(range(len(doc))))
    assert _finds(docs) == skipping
    assert len(skipping) >= len(SENTENCES)
