"""What a statement predicates, read from its parse: the proposition-level test of a join across two articles.

Two articles on one story share its words ("pneumonia", "the email scandal", "delegates") in statements that say
different things about it: "the email scandal should give voters pause" and "the email scandal was dealt with
appropriately" are siblings of one story, not one proposition. What tells them apart is what each says of the
story's things: its predicates. A statement's predicates are the heads of its clauses (the root of each sentence and
the clauses under it: complements, adverbial and relative clauses, their conjuncts), where

- a copula or auxiliary ("was", "is") predicates nothing itself: its complement does ("extremely careless", "an
  issue"); a nominal root predicates itself ("her resignation from her post", "the complete repeal of Obamacare");
- a verb with an open complement ("refuse to define", "trying to second-guess") predicates through that
  complement: the catenative verb says how, not what.

Each predicate is kept as its lemma's stem (claims.grouping.stem), so that a verb meets its nominalisation
("resign" / "resignation", "apologized" / "apology"), and only when it is a content word (grouping.STOP). A verb's
direct object that is a noun can carry the predicate instead of the verb ("staged a walkout" / "walked out", "want
a ban" / "ban"): a verb of one statement meets a noun object of the other by their coarse stems (semantic.PREFIX
letters: "walk" / "walkout"). Two statements of different articles are one proposition only when their predicates
correspond (`corresponding`). Words quoted verbatim (semantic.verbatim) need no such test, and statements of one
article are left to the article's rules and the evidence test inside it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from claimgraph.claims.grouping import STOP, stem
from claimgraph.claims.semantic import PREFIX, source_codes

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

# The test across articles (issue 12, round 8), read by hand as docs/claims_across_outlets.md does (right / mixed /
# wrong claims spanning articles): PolNeAR train 2016-07-18..31, the design sample, 7/1/5 -> 7/1/3; train
# 2016-03-01..15 19/1/9 -> 19/2/2; dev 4/1/11 -> 4/1/5. On the 31 real pages claims across articles 2 -> 0; Emergent
# (no articles) and the demo ledger unchanged. False: no such test.
ACROSS = True
# Dependencies that make a token the head of a clause (spaCy's English labels); a conjunct heads one when the
# token it is conjoined to does ("resigned and left"; not "Clinton and her team").
CLAUSES = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "parataxis"})
COMPLEMENTS = frozenset({"attr", "acomp", "oprd"})   # through which a copula or auxiliary predicates
PREDICATING = frozenset({"VERB", "ADJ", "NOUN", "PROPN"})   # parts of speech that can state something


class Predicates(NamedTuple):
    """What one statement predicates."""

    heads: frozenset[str]     # the stems of its clauses' predicates
    verbs: frozenset[str]     # the coarse stems of the verbs among them
    objects: frozenset[str]   # the coarse stems of the noun objects of its clauses' verbs


def predicates_of(doc: Doc) -> Predicates:
    """What a parsed statement predicates (module doc)."""
    heads: set[str] = set()
    verbs: set[str] = set()
    objects: set[str] = set()
    for token in doc:
        if not _heads_clause(token):
            continue
        said = _predicates(token)
        heads.update(_stems(said))
        if token.pos_ == "VERB":
            verbs.update(s[:PREFIX] for s in _stems(t for t in said if t is token))
            objects.update(s[:PREFIX] for s in _stems(c for c in token.children
                                                      if c.dep_ == "dobj" and c.pos_ == "NOUN"))
    return Predicates(frozenset(heads), frozenset(verbs), frozenset(objects))


def _heads_clause(token: Token) -> bool:
    if token.dep_ == "conj":
        return _heads_clause(token.head)
    return token.dep_ in CLAUSES


def _predicates(token: Token) -> list[Token]:
    """What a clause head predicates: its complements for a copula or auxiliary, nothing of its own for a
    catenative verb (its open complement is a clause head and predicates), else itself."""
    if token.pos_ == "AUX":
        return [c for c in token.children if c.dep_ in COMPLEMENTS]
    if any(c.dep_ == "xcomp" for c in token.children):
        return []
    return [token]


def _stems(tokens: Iterable[Token]) -> list[str]:
    """The stems of the content words among these tokens' lemmas."""
    out = []
    for t in tokens:
        lemma = t.lemma_.lower()
        if t.pos_ in PREDICATING and lemma.isalpha() and len(lemma) > 1 and lemma not in STOP:
            out.append(stem(lemma))
    return out


def corresponding(a: Predicates, b: Predicates) -> bool:
    """Whether two statements predicate the same thing: a predicate in common, or a verb of one that is the noun
    object of a verb of the other. A statement whose parse shows no predicate corresponds to none."""
    return not (a.heads.isdisjoint(b.heads) and a.verbs.isdisjoint(b.objects) and b.verbs.isdisjoint(a.objects))


def parse_predicates(texts: Sequence[str], nlp: Language | None = None) -> list[Predicates]:
    """`predicates_of` each text, parsed by `nlp` (claimgraph's default pipeline when None, without its entity
    recogniser, which the test does not read)."""
    if nlp is None:
        from claimgraph.nlp import load_pipeline

        nlp = load_pipeline()
    off = [name for name in ("ner",) if name in nlp.pipe_names]
    return [predicates_of(doc) for doc in nlp.pipe(list(texts), disable=off, batch_size=256)]


def across_uncorresponding(texts: Sequence[str], pairs: np.ndarray, sources: Sequence[Any] | None) -> np.ndarray:
    """Which candidate pairs (rows of `pairs`, positions in `texts`) are of two different articles (`sources`) and
    do not predicate the same thing (`corresponding`). Only the statements of such pairs are parsed. All False
    without sources or with ACROSS off."""
    out = np.zeros(len(pairs), dtype=bool)
    if not ACROSS or sources is None or not len(pairs):
        return out
    codes = source_codes(sources)
    across = np.flatnonzero(codes[pairs[:, 0]] != codes[pairs[:, 1]])
    if not len(across):
        return out
    needed = np.unique(pairs[across]).tolist()
    said = dict(zip(needed, parse_predicates([texts[i] or "" for i in needed])))
    for k in across.tolist():
        out[k] = not corresponding(said[int(pairs[k, 0])], said[int(pairs[k, 1])])
    return out
