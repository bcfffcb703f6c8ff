"""Headline/body pair features: relatedness (TF-IDF cosine, n-gram and name overlap, BM25) and stance cues.

The only fitted state is a bounded TF-IDF vocabulary (terms and their IDF), stored as JSON + .npy, never a
pickled vectorizer. Work is shared per body and per headline, so the ~50k FNC-1 pairs featurise in well under
a minute on one core.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.preprocessing import normalize

from claimgraph.claims.fnc import text as T

LEAD_SENTENCES = 3   # a news body states its stance early; the lead gets its own features
TOP_SENTENCES = 3    # the body sentences closest to the headline, where a refutation usually sits
BM25_K1, BM25_B = 1.2, 0.75


def _analyzer(doc: str) -> list[str]:
    toks = T.tokens(doc)
    return toks + [f"{a} {b}" for a, b in zip(toks, toks[1:])]


@dataclass
class _Body:
    """Per-body work done once, whatever the number of headlines paired with it."""

    vec: sp.csr_matrix           # TF-IDF of the whole body (1 x V)
    lead: sp.csr_matrix          # TF-IDF of the first sentences (1 x V)
    sents: sp.csr_matrix         # TF-IDF of each sentence (S x V)
    uni: set[str]
    lead_uni: set[str]
    bi: set[tuple[str, str]]
    tf: Counter
    chars: set[str]
    lead_chars: set[str]
    sent_lex: np.ndarray         # lexicon counts per sentence (S x groups)
    lex: np.ndarray              # lexicon counts of the body
    cues: np.ndarray             # single cue-word counts of the body
    n_tokens: int


@dataclass
class FeatureSpace:
    """The fitted vocabulary and the pair featuriser built on it."""

    vocabulary: list[str]
    idf: np.ndarray
    avg_body_len: float
    _cv: CountVectorizer | None = field(default=None, repr=False)

    # ----- fitting and persistence -------------------------------------------------------------------------
    @classmethod
    def fit(cls, bodies: Iterable[str], headlines: Iterable[str], max_terms: int = 30000) -> FeatureSpace:
        """Learn a vocabulary of at most `max_terms` uni/bigrams (min df 2) and their smoothed IDF."""
        bodies, headlines = list(bodies), list(dict.fromkeys(headlines))
        cv = CountVectorizer(analyzer=_analyzer, min_df=2, max_features=max_terms, dtype=np.float32)
        counts = cv.fit_transform(bodies + headlines)
        df = np.bincount(counts.indices, minlength=counts.shape[1])
        idf = np.log((1 + counts.shape[0]) / (1 + df)) + 1.0
        vocab = sorted(cv.vocabulary_, key=cv.vocabulary_.get)
        avg = float(np.mean([len(T.tokens(b)) for b in bodies])) if bodies else 1.0
        return cls(vocab, idf.astype(np.float32), avg)

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "vocabulary.json").write_text(
            json.dumps({"terms": self.vocabulary, "avg_body_len": self.avg_body_len}, ensure_ascii=False)
        )
        np.save(directory / "idf.npy", self.idf, allow_pickle=False)

    @classmethod
    def load(cls, directory: Path) -> FeatureSpace:
        meta = json.loads((directory / "vocabulary.json").read_text())
        return cls(meta["terms"], np.load(directory / "idf.npy", allow_pickle=False), meta["avg_body_len"])

    # ----- vectors -----------------------------------------------------------------------------------------
    def tfidf(self, docs: Sequence[str]) -> sp.csr_matrix:
        """L2-normalised TF-IDF rows for `docs` over the fixed vocabulary."""
        if self._cv is None:
            # A CountVectorizer with a given vocabulary needs no fitting, so nothing fitted is ever pickled.
            self._cv = CountVectorizer(analyzer=_analyzer, vocabulary={t: i for i, t in enumerate(self.vocabulary)},
                                       dtype=np.float32)
        counts = self._cv.transform(docs)
        counts.data = 1.0 + np.log(counts.data)  # sublinear tf: a word repeated 20 times is not 20x the evidence
        return normalize(counts @ sp.diags(self.idf), norm="l2", copy=False).tocsr()

    def _idf_of(self, term: str) -> float:
        if not hasattr(self, "_idf_map"):
            self._idf_map = {t: float(i) for t, i in zip(self.vocabulary, self.idf) if " " not in t}
            self._idf_max = float(self.idf.max()) if len(self.idf) else 1.0
        return self._idf_map.get(term, self._idf_max)  # unseen words are rare words

    def _body(self, text: str) -> _Body:
        sents = T.sentences(text)
        lead = " ".join(sents[:LEAD_SENTENCES])
        mats = self.tfidf([text, lead] + sents)
        toks = T.tokens(text)
        lead_toks = T.tokens(lead)
        return _Body(
            vec=mats[0], lead=mats[1], sents=mats[2:], uni=set(toks), lead_uni=set(lead_toks),
            bi=set(zip(toks, toks[1:])), tf=Counter(toks), chars=T.char_grams(text), lead_chars=T.char_grams(lead),
            sent_lex=np.array([T.lexicon_counts(s) for s in sents], dtype=np.float32),
            lex=np.array(T.lexicon_counts(text), dtype=np.float32),
            cues=np.array(T.cue_counts(text), dtype=np.float32), n_tokens=max(len(toks), 1),
        )

    # ----- features ----------------------------------------------------------------------------------------
    @staticmethod
    def names() -> list[str]:
        rel = ["cos_body", "cos_lead", "sent_cos_max", "sent_cos_top", "sent_best_pos", "uni_in_body",
               "uni_in_lead", "bi_in_body", "jaccard", "char_in_body", "char_in_lead", "caps_in_body", "caps_n",
               "bm25", "bm25_norm", "h_tokens", "b_tokens_log", "b_sents_log"]
        groups = list(T.LEXICONS)
        lex = ([f"h_{g}" for g in groups] + [f"b_{g}_rate" for g in groups] + [f"lead_{g}" for g in groups]
               + [f"top_{g}" for g in groups] + [f"b_{g}_sent_frac" for g in groups])
        cues = [f"h_cue_{w}" for w in T.CUE_WORDS] + [f"b_cue_{w}" for w in T.CUE_WORDS]
        return rel + lex + cues + ["h_refute_parity", "b_refute_parity"]

    def transform(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Feature matrix (n_pairs x len(names())) for (headline, body text) pairs, in input order."""
        out = np.zeros((len(pairs), len(self.names())), dtype=np.float32)
        if not pairs:
            return out
        heads = list(dict.fromkeys(h for h, _ in pairs))
        h_index = {h: i for i, h in enumerate(heads)}
        h_vecs = self.tfidf(heads)
        h_info = []
        for h in heads:
            toks = T.tokens(h)
            h_info.append((toks, set(toks), set(zip(toks, toks[1:])), T.char_grams(h), T.capitalised(h),
                           T.lexicon_counts(h), T.cue_counts(h)))
        by_body: dict[str, list[int]] = {}
        for i, (_, b) in enumerate(pairs):
            by_body.setdefault(b, []).append(i)
        for body_text, rows in by_body.items():
            body = self._body(body_text)
            hi = [h_index[pairs[r][0]] for r in rows]
            hv = h_vecs[hi]
            cos_body = (hv @ body.vec.T).toarray().ravel()
            cos_lead = (hv @ body.lead.T).toarray().ravel()
            sent_cos = (hv @ body.sents.T).toarray()  # rows x S
            for k, r in enumerate(rows):
                out[r] = self._pair(h_info[hi[k]], body, cos_body[k], cos_lead[k], sent_cos[k])
        return out

    def _pair(self, h, body: _Body, cos_body: float, cos_lead: float, sent_cos: np.ndarray) -> list[float]:
        toks, uni, bi, chars, caps, h_lex, h_cues = h
        n_s = len(sent_cos)
        order = np.argsort(-sent_cos, kind="stable")[:TOP_SENTENCES]
        frac = lambda a, b: len(a & b) / len(a) if a else 0.0  # noqa: E731 - tiny local helper
        bm25 = 0.0
        norm = 0.0
        for t in uni:
            idf = self._idf_of(t)
            tf = body.tf.get(t, 0)
            bm25 += idf * tf * (BM25_K1 + 1) / (
                tf + BM25_K1 * (1 - BM25_B + BM25_B * body.n_tokens / self.avg_body_len))
            norm += idf * (BM25_K1 + 1)
        # Names come lower-cased but unstemmed; body words are stemmed, so try both forms.
        caps_hit = sum(1 for c in caps if c in body.uni or T.stem(c) in body.uni) / len(caps) if caps else 0.0
        rel = [cos_body, cos_lead, float(sent_cos.max()), float(sent_cos[order].mean()),
               float(order[0]) / n_s, frac(uni, body.uni), frac(uni, body.lead_uni), frac(bi, body.bi),
               len(uni & body.uni) / len(uni | body.uni) if uni else 0.0, frac(chars, body.chars),
               frac(chars, body.lead_chars), caps_hit, float(len(caps)), bm25, bm25 / norm if norm else 0.0,
               float(len(toks)), math.log(body.n_tokens), math.log(n_s)]
        lead_lex = body.sent_lex[:LEAD_SENTENCES].sum(0)
        top_lex = body.sent_lex[order].sum(0)
        sent_frac = (body.sent_lex > 0).mean(0)
        stance = np.concatenate([h_lex, body.lex / n_s, lead_lex, top_lex, sent_frac, h_cues, body.cues,
                                 [h_lex[0] % 2, body.lex[0] % 2]])
        return rel + stance.tolist()
