"""The evidence tests of `link-claims` between two statements the candidate step paired (claims.semantic,
claims.anchors), given each statement's article: across two articles (`across_unanchored`: specific stems shared,
the more the more statements the two articles hold; the collection's subject counting less, `subject_weights`; a
name counting once, `name_columns`), inside one (`inside_unanchored`), and words quoted verbatim (`verbatim`,
`verbatim_pairs`), which keep or add a pair whatever the other tests say. `evidenced` applies them all, with the
predicates test (claims.predicates), as `link-claims` and the Spark job both take them. A word's specific
information is read from claims.vectors' Zipf frequencies.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy import sparse

from claimgraph.claims import anchors, vectors

# Two statements of different articles (link-claims passes each statement's article) are candidates only when the
# words they share are specific in general English, and the more statements the two articles hold, the more so
# (`across_unanchored`, issue 12, session 8): each shared stem counts CROSS_ZIPF_TOP less its Zipf frequency (at
# least 0: a name 6, "outage" 2.9, "renewable" 2.1, "energy" 0.8, "happen" 0.8), and they must reach CROSS_INFO x
# log2(statements of one article x statements of the other). Two articles of 16 statements offer 256 pairs, and
# two of them sharing a pair of topic words ("renewable energy", "global temperatures", "coronavirus cases") by
# chance is likely: they need 4, one name or several uncommon words. One-statement sources (Emergent's headlines,
# a brief) need nothing more (log2 1 = 0). Whole stems only: a coarse stem of 4 letters meets unrelated common
# words ("releases" / "relentless", "county" / "councillors"). Inside one article the other tests decide. On the
# 31 real pages (492 statements) claims across articles 11 -> 2 (docs/claims.md, "Claims across articles on real
# pages"); Emergent with each headline its own article unchanged by construction. None: no such test.
CROSS_ZIPF_TOP = 6.0
CROSS_INFO: float | None = 0.5
# The collection's subject (issue 12, session 10, PolNeAR's coverage of the 2016 conventions): a stem that many of
# the articles being linked hold ("Trump", "Clinton", "nominee", "convention", "Sanders") is specific in general
# English but says nothing about which of the collection's propositions a statement states; two statements of
# different articles that share only such stems ("defeat GOP nominee Donald Trump" / "reject Donald J. Trump, the
# Republican nominee") are no restatement. In `across_unanchored` a stem held by statements of at least SUBJECT_MIN
# articles counts its specific information times log2(articles / articles holding it) / log2(1 / SUBJECT_SHARE), at
# most 1: in SUBJECT_SHARE of the articles or fewer it counts whole, in all of them nothing. A ledger of a few
# articles on one story is left alone (fewer than SUBJECT_MIN articles hold any stem: there the story's words are
# its claim's, the fictional corpus's four articles on one leak), and so are one-statement sources (log2 1 = 0
# needed). None: no such discount.
SUBJECT_MIN: int | None = 10
SUBJECT_SHARE = 0.1
# Names count once (issue 12, session 10): two statements that share a name ("Bernie Sanders", "Ted Cruz", "Melania
# Trump") are about the same person, not for that the same proposition, and a full name's words would count twice
# ("Bernie" 2.0 + "Sanders" 2.0 passed the 3.5 two articles of a dozen statements need). In `across_unanchored`, of
# the stems a pair shares that are names (`name_columns`: written capitalised inside a sentence in at least
# NAME_SHARE of their occurrences in the statements linked), only the most specific counts; the rest of the evidence
# must come from what is said. None: names count like other words.
NAME_SHARE: float | None = 0.5
NAME_PART = 0.5
# Words quoted verbatim (issue 12, session 10): two statements that share a run of QUOTE_RUN or more words as written
# (stop words included: "there has never been a man or a woman") carry the same quote, whatever the evidence tests
# say of the words' specificity: a pair the candidate step found (`semantic.candidate_pairs`) and the evidence tests
# would drop is kept (`verbatim`). One outlet's long article and another's set against each other need a lot of
# specific words (CROSS_INFO x log2 of their statements multiplied), and the same quote in both can fall short of it
# when its names are the collection's subject. None: off.
QUOTE_RUN: int | None = 8
QUOTE_HOLDERS = 20   # a run more statements than this hold is boilerplate (a slogan, a standing line), no quote
# The same evidence inside one article (`inside_unanchored`, issue 12, session 9): two statements of one article that
# the semantic step would join (the article's own rules, claims.references, tie restatements without it) must share
# specific stems (CROSS_ZIPF_TOP less their Zipf frequency, as above) of at least INSIDE_INFO x log2(statements of
# the article): the test across two articles with the article set against itself (0.5 x log2(k x k)). Every statement
# of an article shares its subject ("Covid-19", "carbon emissions", "food standards", "collective intelligence"), and
# an article of k statements offers k^2 / 2 pairs, so two of them sharing two topic words by chance is likely: an
# interview's answers about one subject, a question and its answer, a report's figures and a reaction to them. A
# statement of at most anchors.SHORT_TERMS stems is left to `anchors.anchored`'s short clause (its meaning decides:
# "the costs had doubled" and "the repairs will cost twice the estimate"). None: no such test.
INSIDE_INFO: float | None = 1.0
INSIDE_SHORT_FREE = True
# ... and at least INSIDE_SHARE of the less informative statement's own specific information. 0.4 until session 13;
# 0.5 since, multi-voice claims changed (siblings split : right joins lost), read by hand: the first 24 real pages
# 2 : 0 (the Government's food standards / Kate Dalmeny's; two Neanderthal findings), PolNeAR train 2016-07-18..31
# 2 : 0, dev 6 : 2 (lost: Axelrod's "He really should" left his call that Dean apologize; a report of the Florida
# black-vote push left its restatements); the demo ledger (15 claims) and Emergent join-cv (0.9313) unchanged.
INSIDE_SHARE = 0.5


def across_unanchored(pairs: np.ndarray, words: sparse.csr_matrix, info: np.ndarray,
                      sources: Sequence[Any] | None, names: np.ndarray | None = None) -> np.ndarray:
    """Which candidate pairs (rows of `pairs`, i < j) are of two different articles (`sources`) and share too
    little that is specific in general English for the number of statements of the two articles: the stems both
    hold, each CROSS_ZIPF_TOP less its Zipf frequency (`info`: vectors.statement_vectors' columns' information, ZIPF_TOP
    less the Zipf frequency), below CROSS_INFO x log2(statements of one article x of the other). A stem many of the
    articles hold counts less (`subject_weights`); of the names among the stems (`names`: one flag a column of
    `words`, `name_columns`; None: no name is told apart) only the most specific counts. All False without sources
    or with the test off."""
    if sources is None or CROSS_INFO is None or not len(pairs):
        return np.zeros(len(pairs), dtype=bool)
    return _across(pairs, info, *_evidence(words, info, sources), names)


def inside_unanchored(pairs: np.ndarray, words: sparse.csr_matrix, info: np.ndarray,
                      sources: Sequence[Any] | None) -> np.ndarray:
    """Which candidate pairs (rows of `pairs`) are of one article (`sources`) and share too little that is specific
    in general English for the number of statements of that article: the stems both hold, each CROSS_ZIPF_TOP less
    its Zipf frequency, below INSIDE_INFO x log2(statements of the article); a pair with a statement of at most
    SHORT_TERMS stems is left to `anchors.anchored`. All False without sources or with the test off."""
    if sources is None or INSIDE_INFO is None or not len(pairs):
        return np.zeros(len(pairs), dtype=bool)
    return _inside(pairs, info, *_evidence(words, info, sources))


def unanchored(pairs: np.ndarray, words: sparse.csr_matrix, info: np.ndarray,
               sources: Sequence[Any] | None, names: np.ndarray | None = None) -> np.ndarray:
    """The candidate pairs the evidence tests drop: `across_unanchored` (two articles, with `names`) or
    `inside_unanchored` (one), on one preparation of what both read."""
    out = np.zeros(len(pairs), dtype=bool)
    if sources is None or not len(pairs) or (CROSS_INFO is None and INSIDE_INFO is None):
        return out
    evidence = _evidence(words, info, sources)
    if CROSS_INFO is not None:
        out |= _across(pairs, info, *evidence, names)
    if INSIDE_INFO is not None:
        out |= _inside(pairs, info, *evidence)
    return out


def _evidence(words: sparse.csr_matrix, info: np.ndarray, sources: Sequence[Any]):
    """What both evidence tests read: each statement's article as a code, which stems each statement holds, and
    each stem's specific information (CROSS_ZIPF_TOP less its Zipf frequency, at least 0; stems only, no coarse
    stems)."""
    codes = anchors.source_codes(sources)
    present = (words != 0).astype(np.float32).tocsr()
    specific = np.maximum(info[:, 0] - np.float32(vectors.ZIPF_TOP - CROSS_ZIPF_TOP), 0.0)
    return codes, present, specific


def _across(pairs: np.ndarray, info: np.ndarray, codes: np.ndarray, present: sparse.csr_matrix,
            specific: np.ndarray, names: np.ndarray | None = None) -> np.ndarray:
    out = np.zeros(len(pairs), dtype=bool)
    across = np.flatnonzero(codes[pairs[:, 0]] != codes[pairs[:, 1]])
    if not len(across):
        return out
    a, b = pairs[across, 0], pairs[across, 1]
    count = np.bincount(codes)   # statements of each article
    need = CROSS_INFO * np.log2(count[codes[a]].astype(np.float64) * count[codes[b]])
    weighted = specific * subject_weights(present, codes)
    both = present[a].multiply(present[b]).tocsr()
    if names is None or NAME_SHARE is None or not names.any():
        shared = np.asarray(both @ weighted).ravel()
    else:   # names count once: the most specific of those shared, beside all the other words
        name = np.zeros(len(weighted), dtype=np.float32)
        name[: len(names)] = names
        shared = (np.asarray(both @ (weighted * (1 - name))).ravel()
                  + np.minimum((both @ sparse.diags(weighted * name)).max(axis=1).toarray().ravel(), NAME_PART * need))
    out[across] = shared < need
    return out


def evidenced(texts: Sequence[str], pairs: np.ndarray, scores: np.ndarray, words: sparse.csr_matrix,
              emb: np.ndarray, info: np.ndarray, sources: Sequence[Any] | None,
              bar: float, predicates: Sequence[Any] | None = None,
              tied: Sequence[int] | np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The candidate pairs (and their similarities) that the evidence tests keep, as `link-claims` and the Spark job
    both take them: a pair `unanchored` drops (too little specific shared across or inside articles; a name counting
    once, `name_columns`) or that `predicates.uncorresponding` drops (two articles' statements that predicate
    different things: siblings of one story; the same of two statements of one article that its own rules did not
    join, `tied`: each statement's group after those rules)
    stays when the two share words quoted verbatim (`verbatim`), and the same quote in two articles (`verbatim_pairs`)
    is a candidate in any case, at the link `bar` at least (taken after the stronger pairs). `words`, `emb`, `info`
    as vectors.statement_vectors gives them; `predicates`: each statement's predicates as extraction recorded them
    (nlp.predicates.PredicateWords, None where not recorded: those statements are parsed)."""
    from claimgraph.claims.predicates import uncorresponding  # parses what was not recorded

    names = name_columns(texts) if sources is not None and len(pairs) else None
    drop = unanchored(pairs, words, info, sources, names)
    drop[~drop] = uncorresponding(texts, pairs[~drop], sources, tied, predicates)
    drop[drop] &= ~verbatim(texts, pairs[drop])
    pairs, scores = pairs[~drop], scores[~drop]
    quoted = verbatim_pairs(texts, sources)
    if len(quoted):
        known = set(map(tuple, pairs.tolist()))
        quoted = np.asarray([p for p in quoted.tolist() if tuple(p) not in known], dtype=np.int64).reshape(-1, 2)
    if len(quoted):
        sims = (np.asarray(words[quoted[:, 0]].multiply(words[quoted[:, 1]]).sum(axis=1)).ravel()
                + np.einsum("ij,ij->i", emb[quoted[:, 0]], emb[quoted[:, 1]]))
        pairs = np.concatenate([pairs, quoted])
        scores = np.concatenate([scores, np.maximum(sims, bar).astype(scores.dtype)])
    return pairs, scores


def verbatim(texts: Sequence[str], pairs: np.ndarray) -> np.ndarray:
    """Which pairs (rows of `pairs`, positions in `texts`) share a run of QUOTE_RUN or more words as written
    (grouping.words: lower-cased, stop words kept); all False when QUOTE_RUN is None."""
    out = np.zeros(len(pairs), dtype=bool)
    if QUOTE_RUN is None or not len(pairs):
        return out
    runs: dict[int, set[tuple[str, ...]]] = {}

    def of(i: int) -> set[tuple[str, ...]]:
        if i not in runs:
            runs[i] = _runs(texts[i])
        return runs[i]

    for k, (a, b) in enumerate(pairs.tolist()):
        out[k] = not of(a).isdisjoint(of(b))
    return out


def _runs(text: str | None) -> set[tuple[str, ...]]:
    """The runs of QUOTE_RUN words in a statement as written (grouping.words: lower-cased, stop words kept)."""
    from claimgraph.claims.grouping import words as tokens

    w = tokens(text or "")
    return {tuple(w[k:k + QUOTE_RUN]) for k in range(len(w) - QUOTE_RUN + 1)}


def verbatim_pairs(texts: Sequence[str], sources: Sequence[Any] | None) -> np.ndarray:
    """The pairs (i < j, rows) of statements of different articles (`sources`) that share a run of QUOTE_RUN or more
    words as written: the same quote carried by two outlets, found by the words themselves (a sort of the runs'
    hashes, no comparison of all pairs), so that a short quote ("I cannot believe how civil it's been up here") or one
    the candidate step keeps below its neighbours still joins. A run more than QUOTE_HOLDERS statements hold counts
    for none. Empty without sources or with QUOTE_RUN None."""
    empty = np.zeros((0, 2), dtype=np.int64)
    if QUOTE_RUN is None or sources is None or len(texts) < 2:
        return empty
    hashes, owners = [], []
    for i, text in enumerate(texts):
        runs = {hash(run) for run in _runs(text)}
        hashes.extend(runs)
        owners.extend([i] * len(runs))
    if not hashes:
        return empty
    hashes_a, owners_a = np.asarray(hashes, dtype=np.int64), np.asarray(owners, dtype=np.int64)
    order = np.argsort(hashes_a, kind="stable")
    hashes_a, owners_a = hashes_a[order], owners_a[order]
    starts = np.flatnonzero(np.r_[True, hashes_a[1:] != hashes_a[:-1]])
    ends = np.r_[starts[1:], len(hashes_a)]
    codes = anchors.source_codes(sources)
    found = set()
    for lo, hi in zip(starts.tolist(), ends.tolist()):
        if 1 < hi - lo <= QUOTE_HOLDERS:
            members = owners_a[lo:hi].tolist()
            for x in members:
                for y in members:
                    if x < y and codes[x] != codes[y]:
                        found.add((x, y))
    return np.asarray(sorted(found), dtype=np.int64).reshape(-1, 2)


def name_columns(texts: Sequence[str]) -> np.ndarray:
    """Which stem columns of these statements' word rows (statement_vectors, word_rows; stems first, in their sorted
    order) are names: stems written capitalised in at least NAME_SHARE of their occurrences inside a sentence in these
    statements (a statement's or sentence's first word, or one after an opening quote or bracket, tells nothing and
    is not counted; a stem seen only there is no name)."""
    from claimgraph.claims.grouping import CLITIC, STOP, THOUSANDS, stem

    terms, _ = vectors._terms(texts)
    vocabulary = sorted({t for ts in terms for t in ts})
    capital: dict[str, int] = {}
    seen: dict[str, int] = {}
    for text in texts:
        text = THOUSANDS.sub("", (text or "").replace("\u2019", "'"))
        for m in _CASED_WORD.finditer(text):
            before = text[:m.start()].rstrip()
            if _opens(before):   # a sentence's first word is capitalised whatever it is: it tells nothing
                continue
            for part in m.group().split("-"):
                word = CLITIC.sub("", part.lower()).strip(".")
                if len(word) < 2 or word in STOP or word.endswith("n't"):
                    continue
                s = stem(word)
                seen[s] = seen.get(s, 0) + 1
                if part[:1].isupper():
                    capital[s] = capital.get(s, 0) + 1
    share = 1.0 if NAME_SHARE is None else NAME_SHARE
    return np.asarray([seen.get(t, 0) > 0 and capital.get(t, 0) >= share * seen[t] for t in vocabulary], dtype=bool)


_CASED_WORD = re.compile(r"[A-Za-z0-9]+(?:[.'-][A-Za-z0-9]+)*")


def _opens(before: str) -> bool:
    """Whether a word after `before` (the text before it, right-stripped) opens a sentence, a quote or a bracket
    (an apostrophe right after a letter is a possessive, "Sanders' Jewish faith", no opening quote)."""
    if not before or before[-1] in ".!?:;\"“‘(…":
        return True
    return before[-1] == "'" and (len(before) == 1 or not before[-2].isalnum())


def subject_weights(present: sparse.csr_matrix, codes: np.ndarray) -> np.ndarray:
    """For each stem (column of `present`, the 0/1 word rows; `codes`: each statement's article), the share of its
    specific information it keeps across articles: 1, less for the collection's subject (SUBJECT_MIN or more
    articles hold it): log2(articles / articles holding it) / log2(1 / SUBJECT_SHARE), between 0 and 1."""
    weights = np.ones(present.shape[1], dtype=np.float32)
    if SUBJECT_MIN is None or not len(codes):
        return weights
    articles = int(codes.max()) + 1
    by_source = sparse.csr_matrix((np.ones(len(codes), dtype=np.float32), (codes, np.arange(len(codes)))),
                                  shape=(articles, len(codes)))
    held = np.asarray(((by_source @ present) > 0).sum(axis=0)).ravel()   # articles holding each stem
    subject = held >= SUBJECT_MIN
    weights[subject] = np.clip(np.log2(articles / held[subject]) / np.log2(1 / SUBJECT_SHARE), 0.0, 1.0)
    return weights


def _inside(pairs: np.ndarray, info: np.ndarray, codes: np.ndarray, present: sparse.csr_matrix,
            specific: np.ndarray) -> np.ndarray:
    out = np.zeros(len(pairs), dtype=bool)
    inside = np.flatnonzero(codes[pairs[:, 0]] == codes[pairs[:, 1]])
    if not len(inside):
        return out
    a, b = pairs[inside, 0], pairs[inside, 1]
    if INSIDE_SHORT_FREE:
        stems = np.asarray(present @ info[:, 2]).ravel()   # the count of each statement's stems
        long = (stems[a] > anchors.SHORT_TERMS) & (stems[b] > anchors.SHORT_TERMS)
        inside, a, b = inside[long], a[long], b[long]
    shared = np.asarray(present[a].multiply(present[b]).tocsr() @ specific).ravel()
    own = np.asarray(present @ specific).ravel()
    count = np.bincount(codes)
    out[inside] = ((shared < INSIDE_INFO * np.log2(count[codes[a]].astype(np.float64)))
                   | (shared < INSIDE_SHARE * np.minimum(own[a], own[b])))
    return out
