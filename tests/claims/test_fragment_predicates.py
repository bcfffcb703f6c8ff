"""Issue 12: a content that is a fragment under "accused X of", "blamed X for", "criticised X over" ("the Harbour
Board of sabotaging the ferry plan") predicates what X is said to have done, not only X: the gerund after its
"of"/"for"/"over"/"about" (claimgraph.nlp.predicates). Before, its parse headed the noun only, and
the predicates test kept it apart from its paraphrase "the Harbour Board sabotaged the ferry plan". Fictional names
and places; every sentence is parsed by the real pipeline."""

from __future__ import annotations

from claimgraph.claims.predicates import corresponding, parse_predicates
from claimgraph.nlp import load_pipeline
from claimgraph.nlp.predicates import predicate_words
from tests.conftest import extract, only_by_cue

FRAGMENT = "the Harbour Board of sabotaging the Tobrenne ferry plan"
PARAPHRASE = "the Harbour Board sabotaged the Tobrenne ferry plan"


def test_an_accused_fragment_records_its_gerund_as_head_verb_and_its_object(extractor):
    found = extract(extractor, f"Councillor Brenn Ashdown accused {FRAGMENT} on Tuesday.")
    words = only_by_cue(found, "accused").predicates
    assert words is not None
    assert "sabotage" in words.heads and "sabotage" in words.verbs and "plan" in words.objects


def test_a_fragment_parsed_alone_corresponds_with_its_paraphrase():
    fragment, paraphrase, sibling = parse_predicates([FRAGMENT, PARAPHRASE,
                                                      "the Harbour Board praised the Tobrenne ferry plan"])
    assert corresponding(fragment, paraphrase)
    assert not corresponding(fragment, sibling)


def test_a_noun_naming_an_act_is_not_predicated():
    # Only a gerund: a noun after the preposition ("her handling", "the government") was tried and accepted no pair.
    words = predicate_words(load_pipeline()("Mayor Ilse Quarrow over her handling of the Velmora flood"))
    assert "handling" not in words.heads and not words.verbs


def test_only_that_shape_gains_a_predicate():
    nlp = load_pipeline()
    # a clause predicates its verb, not the gerund inside its subject
    assert "build" not in predicate_words(nlp("the cost of building the Velmora bridge will double")).heads
    # a preposition outside the four, and a plain noun after "of", add nothing
    assert predicate_words(nlp("the Harbour Board with its new ferries")).heads == ("board",)
    assert predicate_words(nlp("the mayor of Tobrenne")).heads == ("mayor",)
