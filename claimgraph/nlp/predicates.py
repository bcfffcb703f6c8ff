"""What a statement predicates, as its parse shows it: the lemmas of its clauses' predicates.

Claim linking asks of two statements of different articles whether they predicate the same thing
(claimgraph.claims.predicates: its module doc says why and how). The parse-reading half of that test lives here, so
that extraction, which already holds each article's parse, records it on every attribution (`Attribution.predicates`)
and linking need not parse the statement again. What is recorded is what the parse says, in lemmas: which words head
the statement's clauses and predicate (`heads`), which of those are verbs (`verbs`), and the noun objects of its
clauses' verbs (`objects`). Stop words, stems and coarse stems are the claims layer's choice
(`claims.predicates.predicates_from`), made at link time: stored lemmas stay valid when that choice is retuned.

The statement may be a whole Doc (its text parsed alone, as link time does for statements stored without
predicates) or its content span(s) in the article's Doc. In the article a content span is a clause under a cue
("Vell said [the plan will fail]"): a token whose head lies outside the statement heads it as the root of the
statement's own parse would, and only children inside the statement count (a copula's complement, an open
complement, a verb's object). The two readings differ on about one statement in ten, mostly fragments (a title, a
noun phrase under "called"), where the article's parse is the better one: PolNeAR dev 157 of 1,566 statements, the
real pages 44 of 513, with the same claims on both; PolNeAR train's claims across articles 289 -> 295 (7 before
only, 13 after only, mostly the same large clusters with a voice more or less).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple, Union

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Dependencies that make a token the head of a clause (spaCy's English labels); a conjunct heads one when the
# token it is conjoined to does ("resigned and left"; not "Clinton and her team").
CLAUSES = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "parataxis"})
COMPLEMENTS = frozenset({"attr", "acomp", "oprd"})   # through which a copula or auxiliary predicates
PREDICATING = frozenset({"VERB", "ADJ", "NOUN", "PROPN"})   # parts of speech that can state something
# A fragment under "accused X of", "blamed X for", "criticised X over" ("the DNC of sabotaging the campaign") is a
# noun whose preposition holds what the voice says X did: the gerund after it predicates (`_fragment_predicates`).
# Of the 72 pairs the predicates test refused on the design sample (PolNeAR train 2016-07-18..31 and 25 real pages),
# 4 of the 9 paraphrases were such fragments, which predicated only their noun.
# Read with it, of the 1,809 pairs refused on all of train 63 hold such a fragment and 6 are accepted: 4 one
# proposition ("Clinton for accepting campaign donations ..." / "Clinton has accepted millions in campaign
# donations"), 2 siblings; the rest of the 63 say it in another verb ("sabotaging" / "undercut"). PolNeAR dev: 3
# accepted (2 one proposition, 1 arguable), its claims unchanged. All 6 and 3 came by a gerund; a noun naming an act
# ("for the destruction of …") was tried too, accepted none and could misfire ("for the government"): not kept.
FRAGMENT_PREPOSITIONS = frozenset({"of", "for", "over", "about"})

Statement = Union["Doc", "Span", Sequence["Token"]]


class PredicateWords(NamedTuple):
    """What one statement predicates, as lemmas (lower-cased, alphabetic, two letters or more; text order, once)."""

    heads: tuple[str, ...]     # its clauses' predicates
    verbs: tuple[str, ...]     # the verbs among them
    objects: tuple[str, ...]   # the noun objects of its clauses' verbs


def predicate_words(statement: Statement) -> PredicateWords:
    """What a parsed statement predicates: a Doc, a Span, or the tokens of its content spans in their Doc."""
    tokens = list(statement)
    inside = {t.i for t in tokens}
    heads: list[str] = []
    verbs: list[str] = []
    objects: list[str] = []
    for token in tokens:
        if not _heads_clause(token, inside):
            continue
        said = _predicates(token, inside)
        heads += _lemmas(said)
        if token.pos_ == "VERB":
            verbs += _lemmas(t for t in said if t is token)
            objects += _lemmas(c for c in token.children
                               if c.i in inside and c.dep_ == "dobj" and c.pos_ == "NOUN")
    for act in _fragment_predicates(tokens, inside):   # a gerund: a head and a verb, its noun object an object
        heads += _lemmas([act])
        verbs += _lemmas([act])
        objects += _lemmas(c for c in act.children if c.i in inside and c.dep_ == "dobj" and c.pos_ == "NOUN")
    return PredicateWords(_once(heads), _once(verbs), _once(objects))


def _fragment_predicates(tokens: list[Token], inside: set[int]) -> list[Token]:
    """What a fragment "X of V-ing" predicates besides X (FRAGMENT_PREPOSITIONS): the gerund that an
    "of"/"for"/"over"/"about" holds, where that preposition hangs from the statement's noun root
    (its own parse) or from the cue outside it (the article's parse: "accused [the DNC] [of sabotaging ...]")."""
    roots = [t for t in tokens if t.head.i == t.i or t.head.i not in inside]
    nouns = {t.i for t in roots if t.pos_ in {"NOUN", "PROPN"}}
    if not nouns or any(t.pos_ in {"VERB", "AUX"} for t in roots):
        return []   # a clause, not a fragment
    preps = [t for t in tokens if t.dep_ == "prep" and t.lower_ in FRAGMENT_PREPOSITIONS
             and (t.head.i in nouns or t.head.i not in inside)]
    return [c for p in preps for c in p.children
            if c.i in inside and c.dep_ == "pcomp" and c.pos_ == "VERB" and c.tag_ == "VBG"]


def _heads_clause(token: Token, inside: set[int]) -> bool:
    if token.head.i == token.i or token.head.i not in inside:
        return True   # the statement's own root (in its article: what the cue's clause holds)
    if token.dep_ == "conj":
        return _heads_clause(token.head, inside)
    return token.dep_ in CLAUSES


def _predicates(token: Token, inside: set[int]) -> list[Token]:
    """What a clause head predicates: its complements for a copula or auxiliary, nothing of its own for a
    catenative verb (its open complement is a clause head and predicates), else itself."""
    children = [c for c in token.children if c.i in inside]
    if token.pos_ == "AUX":
        return [c for c in children if c.dep_ in COMPLEMENTS]
    if any(c.dep_ == "xcomp" for c in children):
        return []
    return [token]


def _lemmas(tokens: Iterable[Token]) -> list[str]:
    """The lemmas that can state something among these tokens (the claims layer leaves out its stop words)."""
    out = []
    for t in tokens:
        lemma = t.lemma_.lower()
        if t.pos_ in PREDICATING and lemma.isalpha() and len(lemma) > 1:
            out.append(lemma)
    return out


def _once(words: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(words))


def content_tokens(doc: Doc, spans: Iterable[tuple[int, int]]) -> list[Token]:
    """The tokens of a statement's content spans (char offsets into `doc`), each span widened to whole tokens."""
    out: list[Token] = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            out += list(span)
    return out


def encode(words: PredicateWords | None) -> str | None:
    """The stored form: compact JSON, three lists of lemmas (None stays None: not recorded)."""
    if words is None:
        return None
    return json.dumps([list(words.heads), list(words.verbs), list(words.objects)], separators=(",", ":"))


def decode(text: str | None) -> PredicateWords | None:
    """`encode` undone; None for a statement stored without predicates (by a version before they were recorded)."""
    if not text:
        return None
    heads, verbs, objects = json.loads(text)
    return PredicateWords(tuple(heads), tuple(verbs), tuple(objects))
