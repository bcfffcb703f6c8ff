"""The semantic step's statement vectors: the word half (terms, stems, Zipf frequencies, weighted TF-IDF) beside the
meaning half (claims.embeddings).

Each statement is a unit vector made of two halves: its TF-IDF row (words, IDF fitted on the statements being
grouped) and its static sentence embedding, so that the cosine of two statements is

    WORDS x cos(TF-IDF) + (1 - WORDS) x cos(embedding)

`statement_vectors` gives both halves, weighted, and the information of each word column (how common its words are
in general English: `zipf`, `term_info`), which the candidate tests read (claims.anchors, claims.evidence).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy import sparse

from claimgraph.claims import embeddings

# WORDS, IDF_POWER, PREFIX and PREFIX_WEIGHT: chosen by cross-validation by claim on Emergent, with the link
# (claims.semantic, the comment above LINK: the batches and the B-cubed figures).
WORDS = 0.9         # weight of the word half beside the embeddings
IDF_POWER = 2.0     # a word's weight: TF x IDF^IDF_POWER
PREFIX = 4          # letters of the coarse stem
PREFIX_WEIGHT = 0.5  # weight of the coarse stems in the word half
MIN_WORDS = 2       # a statement of fewer content words ("the deal") is too unspecific to join
ANAPHORIC_MIN = 3   # … and of fewer than this when it opens on an anaphor ("such cooperation with Assad")
ANAPHORS = frozenset("such this these those it its they their them he she his her".split())
# When a statement happened is no part of which proposition it states: in a small collection "on Friday" is a rare,
# heavy word, and two unrelated statements sharing it ("a visit to the Pentagon on Friday", "the boats are full
# every Friday") were one claim. Names of days and months, and days relative to today, weigh nothing here.
CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays
    fridays saturdays sundays january february april june july august september october november december
    today yesterday tomorrow tonight weekend""".split())
# How common a word is in general English (for the anchor test, claims.anchors: how specific the words two
# statements share are). A word's information is ZIPF_TOP less its Zipf frequency (wordfreq: log10 of its frequency per
# billion words of English; "the" 7.7, "lack" 4.9, "deforestation" 3.1, "Sotloff" 1.3, a name never seen 0), at
# least 0; a term's is that of the commonest word written that stems to it in the statements grouped (the table,
# ZIPF_FILE, 0.7 MB, is wordfreq's, taken once by scripts/make_word_zipf.py: the same figures as the wordfreq package
# itself, without its 57 MB of data for 40 languages). A figure ("100,000", "2020") says little on its own:
# NUMBER_ZIPF.
ZIPF_TOP = 8.0
ZIPF_FILE = Path(__file__).resolve().parent.parent / "data" / "word_zipf.tsv.gz"   # 173k words, from wordfreq
ZIPF_FLOOR = 1.5    # words rarer than this are left out of ZIPF_FILE (Zipf 0: as rare as a name never seen)
NUMBER_ZIPF = 5.0


def statement_vectors(texts: Sequence[str]) -> tuple[sparse.csr_matrix, np.ndarray, np.ndarray]:
    """The two weighted halves of each statement's vector, word rows (sparse) and embeddings (dense), and the
    information of each column of the word rows (`term_info`, for `anchors.anchored`).

    The word half is the TF-IDF of the statement's stemmed content words with each weight raised by IDF_POWER - 1
    more powers of its IDF (rare words, the names and things a rumour is about, weigh more than common ones), next to
    the same of their first PREFIX letters (a coarser stem: "behead"/"beheaded"/"beheading", "Sotloff"/"Sotlof"
    meet), each unit length, their sum weighted PREFIX_WEIGHT : 1 - PREFIX_WEIGHT and normalised again."""
    terms, zipfs = _terms(texts)
    short = _too_short(texts, terms)
    words, info = _word_half(terms, short, zipfs)
    emb = embeddings.embed(texts) * np.float32(np.sqrt(1 - WORDS))
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
    """The word rows and, for `anchors.anchored`, three values for each of their columns: its information (`term_info`)
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
