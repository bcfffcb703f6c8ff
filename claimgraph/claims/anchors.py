"""Which pairs of statements may be candidates of the semantic step (claims.semantic.candidate_pairs, claims.cells,
spark.semantic): the words they share must be specific ones (`anchored`: how common a word is in general English,
not only in the statements grouped, decides how specific it is; an article's subject words, `anchor_rows`, may count
for nothing), and two that share one word only must agree in meaning too (`one_word_apart`). Meaning alone never
links two statements: static vectors of rare or unknown words lie close together.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy import sparse

from claimgraph.claims import vectors

# Two statements that share one word ("favorite", "email", "dark") are one claim only when their meanings agree too:
# centred embedding cosine at least this (None: no such test). On 31 real pages (../shared/data/realweb, 525
# statements) claims spanning two articles fell 69 -> 46 at 0.4, 44 at 0.5; Emergent mean B-cubed of every batch of
# 1 / 3 / 5 folds 0.9322 / 0.8972 / 0.8848 without, 0.9328 / 0.8984 / 0.8855 at 0.4.
ONE_WORD_MEANING: float | None = 0.4
ONE_WORD_TERMS = 3  # "at most one word": fewer shared terms of the word half than this (a word shared whole is two
#                     terms, its stem and its coarse stem; one shared by its coarse stem alone, one)
# How specific the words two statements share are, judged by how common they are in general English and not only in the
# statements being grouped: the word half's IDF is fitted on those, so in a small collection a word seen once ("lack",
# "happen", "girl", "crisis") weighs like a name, and on 31 real pages statements that shared one such word were one
# claim. A word's information is claims.vectors.ZIPF_TOP less its Zipf frequency (claims.vectors: the table). Two
# statements are candidates only when the terms they share carry ANCHOR_INFO and ANCHOR_SHARE of the information of the
# less informative statement's terms: they share what is specific in what they say, not one generic word (`anchored`). A
# statement of SHORT_TERMS content words or fewer ("the costs had doubled") holds too little information to share
# ANCHOR_INFO: it is anchored by ANCHOR_SHARE of its own and a meaning that agrees (centred embedding cosine >=
# SHORT_MEANING; the demo's paraphrase of "the repairs will cost twice the original estimate", 0.62). Chosen on
# Emergent's five batch sizes with the 31 real pages beside them (README "Claims on real rumours"): Emergent mean
# B-cubed of every batch of 1-5 folds 0.9328 / 0.9121 / 0.8984 / 0.8916 / 0.8855 without, 0.9331 / 0.9123 / 0.8994 /
# 0.8936 / 0.8894 with; realweb claims across articles 45 -> 13 (10 without the short-statement clause, which loses the
# demo's pair).
ANCHOR_INFO: float | None = 6.0   # None: no anchor test
ANCHOR_SHARE = 0.3
SHORT_TERMS = 2
SHORT_MEANING = 0.6
# Inside one article the words of its subject ("Amazonas", "superminds", "food standards") are in many statements
# that say different things about it: in the anchor test a term that TOPIC_MIN or more statements of the same
# article hold (link-claims passes each statement's article; `anchor_rows`) counts in what a pair of those statements
# shares for nothing (it still counts in each one's own information): two statements of one article, or of two
# articles on one subject, must share specific words beyond that subject. A collection without articles (eval
# emergent: one headline each) is unchanged. The two-word clause (`anchored`'s `whole`) counts the subject too: its
# two words are the subject, the meaning decides. On the 31 real pages (519 statements) multi-voice claims 80 -> 51,
# read by hand one proposition in 19 of 80 -> 24 of 51 (wrong ones 61 -> 27); TOPIC_MIN 2 (no two statements of
# one article could share a topical word) 38 claims but loses the restatements inside an article; 4: 73.
# OFF by default: a proposition an article restates three times (the demo's "Port Ellis Bridge Will Reopen In May",
# its lede and the mayor's quote) makes its own words the "subject", so the restatements it exists to join fall apart
# (the demo ledger went from 14 claims to 19: the bridge, the repairs and the Mattis claims split). Set it to 3 for
# collections of many statements per article where that trade is worth it.
TOPIC_MIN: int | None = None   # None: no such test


def source_codes(sources: Sequence[Any]) -> np.ndarray:
    """Each statement's article (`sources`, any values compared as strings) as a small integer code."""
    return np.unique(np.asarray([str(x) for x in sources]), return_inverse=True)[1]


def anchor_rows(words: sparse.csr_matrix, sources: Sequence[Any] | None = None) -> sparse.csr_matrix:
    """The entries of the word rows that count in the anchor test, as 0/1: all of them, less (with `sources`, each
    statement's article) those of a term that TOPIC_MIN or more statements of the statement's article hold (the
    article's subject)."""
    present = (words != 0).astype(np.float32).tocsr()
    if sources is None or TOPIC_MIN is None:
        return present
    codes = source_codes(sources)
    by_source = sparse.csr_matrix((np.ones(len(codes), dtype=np.float32), (codes, np.arange(len(codes)))),
                                  shape=(int(codes.max()) + 1 if len(codes) else 0, len(codes)))
    held = (by_source @ present).tocsr()             # per article, how many of its statements hold each term
    topical = (held >= TOPIC_MIN).astype(np.float32)
    mask = present.multiply(topical[codes]).tocsr()  # a statement's entries that are its article's subject
    out = (present - mask).tocsr()
    out.eliminate_zeros()
    return out


def anchored(shared: Sequence[Any], own_a: Sequence[Any], own_b: Sequence[Any], meaning: Any,
             least: Any = np.minimum, whole: Any = None) -> Any:
    """Which pairs share enough specific words to be candidates. One value of each of `shared`, `own_a`, `own_b`
    for each column of `info` (statement_vectors): the information of the terms both statements hold (`shared`)
    and of all each one holds (`own_a`, `own_b`), by stems, by coarse stems, and the count of stems. A pair is
    anchored by its stems or by its coarse stems when what they share carries at least ANCHOR_INFO and at least
    ANCHOR_SHARE x the less informative statement's own; or, when one of the two has at most SHORT_TERMS stems
    ("the costs had doubled"), by ANCHOR_SHARE of its stems' information and a meaning (the weighted embedding
    dot) of SHORT_MEANING. `whole`: the information of the stems both hold counting an
    article's subject words too (`anchor_rows`; `shared`'s when None), for that short statement: its two words are
    the subject, and the meaning decides. Arrays, or Spark columns with least=F.least (spark.semantic)."""
    if ANCHOR_INFO is None:
        return shared[0] >= 0
    (stems, coarse, _), (stems_a, coarse_a, count_a), (stems_b, coarse_b, count_b) = shared, own_a, own_b
    out = None
    for s, a, b in ((stems, stems_a, stems_b), (coarse, coarse_a, coarse_b)):
        part = (s >= ANCHOR_INFO) & (s >= least(a, b) * ANCHOR_SHARE)
        out = part if out is None else out | part
    whole = stems if whole is None else whole
    short = ((least(count_a, count_b) <= SHORT_TERMS) & (whole > 0)
             & (whole >= least(stems_a, stems_b) * ANCHOR_SHARE) & (meaning >= SHORT_MEANING * (1 - vectors.WORDS)))
    return out | short


def one_word_apart(shared_terms: np.ndarray, meaning: np.ndarray) -> np.ndarray:
    """Which pairs the one-word test keeps apart: fewer than ONE_WORD_TERMS terms of the word half shared and
    meanings (the weighted embedding dot) that do not agree (ONE_WORD_MEANING); none when the test is off."""
    if ONE_WORD_MEANING is None:
        return np.zeros(np.shape(meaning), dtype=bool)
    return (shared_terms < ONE_WORD_TERMS) & (meaning < ONE_WORD_MEANING * (1 - vectors.WORDS))
