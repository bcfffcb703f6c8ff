"""Grouping statements into claims at scale: content words, MinHash LSH (claimgraph.minhash), union-find.

A statement's content words are its words lower-cased, without stop words or negation ("is not coordinating" and
"is coordinating" are statements of the same proposition with opposite stances), and stemmed by a light suffix
strip plus truncation to six letters, so that "cooperation"/"cooperating" and "Russia"/"Russian" meet.

Two statements are linked when the Jaccard similarity of their content-word sets reaches the threshold; the
candidates come from MinHash LSH over all statements at once (`claimgraph.minhash.similar_pairs`, with the
signature size and bands below), so cost grows with the number of statements and candidate pairs, not with all
pairs: see benchmarks/claims_cost.py and docs/claims.md. Linked pairs are joined by a guarded union-find.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from claimgraph.minhash import exact_pairs, jaccard, similar_pairs

NUM_PERM = 64
BANDS, ROWS = 21, 3          # P(candidate) = 1-(1-J^3)^21: 0.75 at J=0.4, 0.94 at J=0.5, 0.16 at J=0.2
THRESHOLD = 0.4              # Jaccard of stemmed content words for two statements of one proposition
WINDOW = 8                   # in a big LSH bucket each member is compared with its 8 neighbours, not all members
MIN_WORDS = 2                # statements with fewer content words are too unspecific to group across articles
GUARD = 0.75                 # two groups join only if their representatives reach 0.75 x THRESHOLD (no drift)

NEGATORS = frozenset({"not", "no", "never", "n't", "nt", "nobody", "nothing", "none", "neither", "nor",
                      "without", "cannot"})
# Reporting verbs and fillers that say nothing about the proposition itself.
EXTRA_STOP = frozenset({"said", "says", "say", "told", "according", "reportedly", "also", "just", "really",
                        "sure", "think", "believe", "probably", "s", "t", "mr", "ms", "mrs", "dr"})
STOP = frozenset(ENGLISH_STOP_WORDS) | NEGATORS | EXTRA_STOP
WORD = re.compile(r"[a-z0-9]+(?:[.'\u2019-][a-z0-9]+)*")
THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")   # the comma of "4,999"
CLITIC = re.compile(r"'(s|ll|re|ve|d|m)$")
SUFFIXES = ("ations", "ation", "ings", "ing", "ions", "ion", "ies", "ied", "ed", "es", "s", "ly")


def words(text: str) -> list[str]:
    """Lower-cased word tokens (keeps "u.s.", "syria-based", "don't" whole, and a figure: "4,999" is "4999", not
    "4" and "999", so that "5,000" and "100,000 apps" share no "000")."""
    return WORD.findall(THOUSANDS.sub("", text.lower().replace("\u2019", "'")))


# Words whose final s is no plural's: "-ss" ("press"), "-us" ("virus" / "viruses", "focus" / "focused", "campus")
# and "-ias" ("bias" / "biased": PolNeAR train lost a right join to "bia" / "bias"; "-ias" plurals, "militias",
# "phobias", still meet their singular through the six-letter truncation). Other -as words cannot keep it: "areas",
# "ideas", "eras" are plurals. Nor -is words: "Saudis", "Iraqis", "taxis" are plurals, and keeping it ("ISIS", 207
# Emergent headlines; "crisis", "Paris") lowered Emergent join-cv's first column 0.9313 -> 0.9275.
OWN_S = ("ss", "us", "ias")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A light stem: possessive and one common suffix stripped (none from a word of OWN_S), then at most six
    letters."""
    if word.endswith("'s"):
        word = word[:-2]
    if word.isdigit():
        return word
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith(OWN_S):
            word = word[: -len(suffix)]
            break
    return word[:6]


def word_parts(text: str) -> list[str]:
    """Words with hyphenated compounds split ("fake-news" -> "fake", "news")."""
    return [part for w in words(text) for part in w.split("-") if part]


def content_stems(text: str | None) -> frozenset[str]:
    """The stemmed content words of a statement, the set grouping compares (empty for no text)."""
    return frozenset(s for s, _ in stem_forms(text))


def stem_forms(text: str | None) -> list[tuple[str, str]]:
    """Each content word of a statement as (its stem, the word as written, lower-cased), in text order."""
    if not text:
        return []
    out = []
    for w in words(text):
        if w.endswith("n't"):
            continue
        for part in w.split("-"):
            part = CLITIC.sub("", part).strip(".")
            if len(part) > 1 and part not in STOP:
                out.append((stem(part), part))
    return out


def is_negator(word: str) -> bool:
    """"not", "never", "no" … and any contracted negation ("isn't", "don't")."""
    return word in NEGATORS or word.endswith("n't")


def has_negation(text: str | None) -> bool:
    """Whether a statement negates its predicate ("is not coordinating", "no evidence", "never happened")."""
    if not text:
        return False
    tokens = words(text)
    for i, w in enumerate(tokens):
        if is_negator(w):
            if w == "not" and i + 1 < len(tokens) and tokens[i + 1] == "only":
                continue
            return True
    return False


# Negating prefixes (issue 12: "the levy is illegal" / "the levy is entirely legal" are one proposition, opposite
# stances). A word is its base negated only when the base is a real English word (Zipf >= PREFIX_BASE_ZIPF) of
# PREFIX_BASE_MIN letters or more: "interest" ("terest"), "industry" ("dustry"), "unit" ("it") are no negations.
# in-/im-/il-/ir- negate adjectives: their base must end as one (ADJECTIVE_ENDS, five letters or more), since
# "inform", "impose", "import", "income", "impress", "invent" are verbs and nouns of their own. dis- starts far more
# words than it negates ("discount", "discover", "display", "dismiss", "discharge", "disease"): only the bases of
# DIS_BASES, whose dis- form is their opposite. And a negation is rarer than its base (illegal 4.7 / legal 5.1,
# unlikely 4.3 / likely 5.2, of 31 such pairs all but unlawful / lawful): "immigrant" (11 of PolNeAR train's refused
# pairs), "independent" are words of their own.
NEGATING_PREFIXES = ("non", "dis", "un", "in", "im", "il", "ir")
PREFIX_BASE_MIN = 4
PREFIX_BASE_ZIPF = 3.0
ADJECTIVE_ENDS = ("able", "ible", "al", "ar", "ate", "ent", "ant", "ect", "ete", "ive", "ure", "ic", "id", "ite",
                  "ed", "ful")
DIS_BASES = frozenset("""agree agreement approve approval like trust honest honesty loyal loyalty obey respect qualify
qualified credit believe belief continue connect allow own appear able order orderly regard honor honour satisfy
satisfied similar proportionate favor favour""".split())


@lru_cache(maxsize=50_000)
def negated_base(word: str) -> str | None:
    """The word a negating prefix turns over in this one ("illegal" -> "legal", "unlikely" -> "likely",
    "disagree" -> "agree"), None for a word that is no such negation ("discount", "interest", "unit")."""
    from claimgraph.claims.vectors import zipf

    for prefix in NEGATING_PREFIXES:
        base = word[len(prefix):]
        if not word.startswith(prefix) or len(base) < PREFIX_BASE_MIN or zipf(base) < PREFIX_BASE_ZIPF:
            continue
        if zipf(word) >= zipf(base):
            return None    # a negation is rarer than what it negates: "immigrant" / "migrant" is none
        if prefix == "dis" and stem(base) not in _dis_stems():
            return None
        if prefix in ("in", "im", "il", "ir") and (len(base) < 5 or not base.endswith(ADJECTIVE_ENDS)):
            return None
        return base
    return None


@lru_cache(maxsize=1)
def _dis_stems() -> frozenset[str]:
    """DIS_BASES and the stems of their inflections ("agreed", "agrees": "agre")."""
    return frozenset(stem(form) for b in DIS_BASES for form in (b, b + "s", b + "d", b + "ed", b + "ing")) | DIS_BASES


def prefix_opposite(word: str, other: str) -> bool:
    """Whether `word` is `other` with a negating prefix (`negated_base`), up to suffixes: "illegal" / "legal",
    "unlikely" / "likely", "disagreed" / "agreed"."""
    base = negated_base(word)
    return base is not None and stem(base) == stem(other) and stem(word) != stem(other)


def opposed_stems(mine: Sequence[str], theirs: frozenset[str]) -> frozenset[str]:
    """The stems of `theirs` (another statement's stems) that a word of `mine` negates by its prefix ("illegal"
    against a statement that says "legal"), where that statement does not say the prefixed word itself."""
    out = set()
    for word in mine:
        base = negated_base(word)
        if base is not None and stem(base) in theirs and stem(word) not in theirs:
            out.add(stem(base))
    return frozenset(out)


class UnionFind:
    """Disjoint sets over 0..n-1 with path halving and union by size."""

    def __init__(self, n: int):
        self.parent = list(range(n))
        self.size = [1] * n

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a == b:
            return
        if self.size[a] < self.size[b]:
            a, b = b, a
        self.parent[b] = a
        self.size[a] += self.size[b]


def lsh_links(sets: Sequence[frozenset[str]], threshold: float = THRESHOLD) -> tuple[np.ndarray, np.ndarray]:
    """Linked statement pairs (and their Jaccard) among content-word sets, found through MinHash LSH."""
    return similar_pairs(sets, threshold, NUM_PERM, BANDS, ROWS, WINDOW, min_size=MIN_WORDS)


def all_pairs_links(sets: Sequence[frozenset[str]], threshold: float = THRESHOLD,
                    block: int = 2000, max_blocks: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The quadratic baseline of `lsh_links`: exact Jaccard of every pair."""
    return exact_pairs(sets, threshold, min_size=MIN_WORDS, block=block, max_blocks=max_blocks)


def guarded_union(uf: UnionFind, pairs: np.ndarray, scores: np.ndarray, sets: Sequence[frozenset[str]],
                  index: Sequence[int] | None = None, threshold: float = THRESHOLD, guard: float = GUARD) -> None:
    """Union linked pairs, strongest first, unless it would chain two groups whose first statements (their
    representatives: the earliest, lowest index) share too little (Jaccard < guard x threshold). Plain connected
    components drift: A~B, B~C, C~D … until unrelated statements share a claim; the guard stops the drift.
    `index` maps pair positions to uf positions (identity when None); `sets` is indexed like the pairs."""
    order = np.argsort(-scores, kind="stable")
    limit = guard * threshold
    rep: dict[int, int] = {}
    for k in order.tolist():
        a, b = int(pairs[k, 0]), int(pairs[k, 1])
        ia, ib = (a, b) if index is None else (index[a], index[b])
        ra, rb = uf.find(ia), uf.find(ib)
        if ra == rb:
            continue
        pa, pb = rep.get(ra, a), rep.get(rb, b)
        if (pa != a or pb != b) and jaccard(sets[pa], sets[pb]) < limit:
            continue
        uf.union(ia, ib)
        rep[uf.find(ia)] = min(pa, pb)


def group(sets: Sequence[frozenset[str]], threshold: float = THRESHOLD) -> np.ndarray:
    """Claim labels for statements given as content-word sets (LSH path): equal labels, one proposition."""
    pairs, scores = lsh_links(sets, threshold)
    uf = UnionFind(len(sets))
    guarded_union(uf, pairs, scores, sets, threshold=threshold)
    return np.asarray([uf.find(i) for i in range(len(sets))])


def link_restatements(uf: UnionFind, texts: Sequence[str], index: Sequence[int] | None = None,
                      link: float | None = None, sources: Sequence[Any] | None = None,
                      predicates: Sequence[Any] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The cross-article step of `link-claims`: restatements grouped by the semantic step (claims.semantic: words
    and embeddings, average linkage; above semantic.EXACT_MAX statements the candidates come from blocks of rare
    words, claims.cells) and unioned into `uf` (positions through `index`). `link` is the similarity at which two
    groups are one claim in a collection of up to semantic.LINK_BASE statements (semantic.LINK when None); it rises
    with the number of statements (semantic.link_for). `sources`: each statement's article, whose subject words do
    not anchor its pairs (anchors.anchor_rows); `predicates`: each statement's as extraction recorded them
    (evidence.evidenced). Returns the pairs that joined and their similarity.

    The statements are grouped in their canonical order (claims.canonical: a hash of each one's text and source),
    not in the order given, so the same statements in any order give the same claims."""
    from claimgraph.claims.canonical import canonical_order

    order = canonical_order(texts, sources)
    pairs, scores = _link_in_order(uf, [texts[i] for i in order],
                                   [int(i) if index is None else index[i] for i in order], link,
                                   None if sources is None else [sources[i] for i in order],
                                   None if predicates is None else [predicates[i] for i in order])
    return order[pairs].reshape(-1, 2), scores


def _link_in_order(uf: UnionFind, texts: Sequence[str], index: Sequence[int], link: float | None,
                   sources: Sequence[Any] | None, predicates: Sequence[Any] | None) -> tuple[np.ndarray, np.ndarray]:
    """`link_restatements` over statements in the order given (pairs as positions in it)."""
    from claimgraph.claims import anchors, evidence, semantic, vectors  # the embeddings: only when grouping

    bar = semantic.link_for(len(texts), link)
    words, emb, info = vectors.statement_vectors(texts)
    pairs, scores = semantic.candidate_pairs(words, emb, info, bar, anchors.anchor_rows(words, sources))
    roots = [uf.find(index[i]) for i in range(len(texts))]
    pairs, scores = evidence.evidenced(texts, pairs, scores, words, emb, info, sources, bar, predicates, tied=roots)
    pairs, scores = semantic.neighbourly(len(texts), pairs, scores)   # pairs across sibling claims dropped
    first: dict[int, int] = {}   # statements `uf` already holds in one claim (an article's rules) start as one group
    together = []
    for i, root in enumerate(roots):
        if root in first:
            together.append((first[root], i))
        else:
            first[root] = i
    labels = semantic.average_linkage(len(texts), pairs, scores, words, emb, bar, together)
    for i, label in enumerate(labels.tolist()):
        if label != i:
            uf.union(index[i], index[label])
    joined = labels[pairs[:, 0]] == labels[pairs[:, 1]] if len(pairs) else np.zeros(0, dtype=bool)
    return pairs[joined], scores[joined]


def group_statements(texts: Sequence[str], link: float | None = None, sources: Sequence[Any] | None = None,
                     predicates: Sequence[Any] | None = None) -> np.ndarray:
    """Claim labels for plain statements (equal labels, one claim), by the grouping `link-claims` runs (`link`,
    `sources`, each statement's article, and `predicates`: as in `link_restatements`)."""
    uf = UnionFind(len(texts))
    link_restatements(uf, texts, link=link, sources=sources, predicates=predicates)
    return np.asarray([uf.find(i) for i in range(len(texts))])
