"""Stance of a statement toward a claim it was grouped with: assert, dispute or report.

Three linear models over the same features, their probabilities averaged (a logistic regression, NB-LR and a
linear SVM; `Settings`, chosen by nested cross-validation by claim: `eval.emergent.tune_stance`). The features:
(1) hand features of the statement read against the claim's gist: negation on one
side only, hedging ("reportedly", "is said to", "may", "claims"), denial frames ("denies", "false", "hoax",
"debunked"), questions ("Is X …?"), confirmation ("confirms", "officially") and word overlap with the gist;
(2) TF-IDF of the statement's words; (3) TF-IDF of the words the statement adds to the gist (the difference, where
"hoax", "denies", "rumour" show up); (4) the claim context (the mean hand features of the claim's other
statements); (5) meaning: the statement's static embedding less the gist's, and its cosine to the gist and to the
claim's other statements, also as z-scores within the claim (`meaning_features`); (6) the headline's house style
(`style_features`: share of title-case words, all-capital words, length) and the claim's mean of it (which
kind of outlet carries the claim). Trained on Emergent's shared
split (headline -> claim) with a fixed seed by

    python -m claimgraph.claims.toward_claim --data ../shared/data/emergent

and shipped as plain arrays in claimgraph/data/models/emergent_stance/ (vocabularies as JSON, weights as .npz; no
pickles). The model is not trained on FNC-1, whose figures it must never produce, and the FNC-1 model
(`stance_model`) is not used here.

    >>> from claimgraph.claims.toward_claim import predict
    >>> predict(["Veldoria mayor denies resignation rumours"], ["Veldoria's mayor resigns"])  # doctest: +SKIP
    ['dispute']
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.svm import LinearSVC

from claimgraph.claims.grouping import (
    content_stems,
    is_negator,
    opposed_stems,
    stem,
    word_parts,
    words,
)

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models" / "emergent_stance"
CLASSES = ("assert", "dispute", "report")
EMERGENT_LABELS = {"for": "assert", "against": "dispute", "observing": "report"}
SEED = 0
C = 1.0
HAND_SCALE = 1.0   # the hand features' weight beside TF-IDF rows of unit length
CONTEXT_SCALE = 1.0   # the claim context's weight (chosen by 5-fold cross-validation by claim: 0.5, 1, 2 tried)
EMBED_SCALE = 1.0     # the meaning features' weight (claims.embeddings' static embeddings; see meaning_features)
STYLE_SCALE = 1.0     # the house-style features' weight, the statement's and its claim's (0.5 and 2 no better)
# Two more linear models over the same features, averaged with the logistic regression's probabilities (see `fit`):
# NB-LR (per stance, a binary LR over the TF-IDF columns made 0/1 and scaled by their naive-Bayes log-count ratio,
# beside the dense features) and a linear SVM (its decision values through a softmax at SVM_TEMPERATURE). Blend:
# (1 - svm_weight) x ((1 - nb_weight) x LR + nb_weight x NB-LR) + svm_weight x SVM, the weights kept in the model.
NB_ALPHA = 1.0
SVM_C = 0.1
SVM_TEMPERATURE = 2.0


@dataclass(frozen=True)
class Settings:
    """What `fit` trains: the logistic regressions' C, the multi-class LR's class weights ("balanced", or "sqrt":
    their square root; NB-LR's binary LRs and the SVM stay balanced) and the blend's weights of NB-LR and the SVM."""

    C: float = C
    class_weight: str = "balanced"
    nb_weight: float = 0.2
    svm_weight: float = 0.3


# The settings `tune_stance` (claimgraph.eval.emergent) chooses among, by cross-validation by claim inside the
# training folds; SHIPPED had the best mean inner accuracy over 15 outer folds (three 5-fold splits) and was above
# the LR alone (LR_ONLY, the last pass's model) in 13 of 15 (docs/claims.md, "Measurement log").
LR_ONLY = Settings(nb_weight=0.0, svm_weight=0.0)
SETTINGS_GRID = (LR_ONLY, Settings(C=0.7, nb_weight=0.0, svm_weight=0.0),
                 Settings(class_weight="sqrt", nb_weight=0.0, svm_weight=0.0),
                 Settings(nb_weight=0.3, svm_weight=0.0), Settings(nb_weight=0.0, svm_weight=0.3),
                 Settings(class_weight="sqrt", nb_weight=0.0, svm_weight=0.3), Settings(nb_weight=0.2, svm_weight=0.3))
SHIPPED = Settings(nb_weight=0.2, svm_weight=0.3)

def _stemmed(words_: frozenset[str]) -> frozenset[str]:
    return frozenset(stem(w) for w in words_)


HEDGES = frozenset("""reportedly allegedly apparently purportedly supposedly may might could rumour rumours rumor
rumors rumoured rumored claims claim claimed report reports reported says said according possibly possible
unconfirmed unverified appears seems suggests suggest speculation speculate speculated whether believed""".split())
DENIALS = frozenset("""deny denies denied denial false fake hoax hoaxes debunk debunked debunks myth untrue satire
satirical rubbish nonsense bogus lie lies wrong refute refutes refuted dismiss dismisses dismissed rejects rejected
fabricated baseless nope isn't not no never doesn't didn't won't hasn't""".split())
HEDGES |= frozenset("claiming seemingly feared suspected alleged unclear emerge emerges details forecast".split())
CONFIRMS = frozenset("""confirms confirmed confirm official officially finally revealed reveals announces announced
proves proof yes indeed""".split())
HEDGE_STEMS, DENIAL_STEMS, CONFIRM_STEMS = _stemmed(HEDGES), _stemmed(DENIALS), _stemmed(CONFIRMS)
QUESTION_OPENERS = frozenset("is are was were did does do could can will would has have should why how".split())
SAID_TO = re.compile(r"\b(?:is|are|was|were)\s+(?:said|thought|believed|rumou?red|alleged|reported)\s+to\b", re.I)
HAND = ("negation_only_one_side", "negated", "hedges", "denials", "confirms", "question", "question_opener",
        "said_to", "overlap", "gist_coverage", "quote")


def hand_features(text: str, gist: str) -> list[float]:
    """The hand features of one statement against its claim's gist, in the order of HAND (lexicons matched on
    stems: "claiming", "claimed" and "claims" all hedge)."""
    tokens, gist_tokens = word_parts(text), word_parts(gist)
    stems = [stem(t) for t in tokens]
    mine, theirs = content_stems(text), content_stems(gist)
    # A word that is the gist's with a negating prefix ("illegal" against "legal") negates as "not" does (issue 12)
    negated = any(is_negator(t) for t in tokens) != bool(opposed_stems(tokens, theirs))
    gist_negated = any(is_negator(t) for t in gist_tokens) != bool(opposed_stems(gist_tokens, mine))
    overlap = len(mine & theirs) / len(mine | theirs) if mine | theirs else 0.0
    return [float(negated != gist_negated), float(negated),
            float(sum(t in HEDGE_STEMS for t in stems)), float(sum(t in DENIAL_STEMS for t in stems)),
            float(sum(t in CONFIRM_STEMS for t in stems)), float(text.rstrip(" \"'”’").endswith("?")),
            float(bool(tokens) and tokens[0] in QUESTION_OPENERS), float(bool(SAID_TO.search(text))),
            overlap, len(mine & theirs) / len(theirs) if theirs else 0.0,
            float(any(q in text for q in "\"“”'‘’"))]


# Denial frames that turn a restatement against its claim ("the hoax that …", "debunked reports that …"), and the
# hedges that withhold it ("X is said to …", a question): the words the model leans on most, shared with link-claims.
DENIAL_FRAMES = frozenset("""deny denies denied denial debunk debunked debunks hoax hoaxes refute refutes refuted
satire satirical myth""".split())


def content_signal(text: str | None) -> str | None:
    """The stance a statement's own words show toward the claim they restate, by the lexicons of this model:
    "dispute" for a denial frame in the words, "report" for a hedge that withholds them ("is said to", a
    question), else None. `claims.stance` uses it for the voices of `link-claims`: the hedge of the words, not of
    the cue (a speaker who "reportedly said" X still asserts X; an outlet that reports is a relay already)."""
    if not text:
        return None
    tokens = word_parts(text)
    if any(t in DENIAL_FRAMES for t in tokens):
        return "dispute"
    if SAID_TO.search(text) or text.rstrip(" \"'”’.").endswith("?"):
        return "report"
    return None


def claim_context(hand: np.ndarray, groups: Sequence[object]) -> np.ndarray:
    """Each statement's claim context: the mean hand features of the other statements of its claim (zeros for a
    claim of one). How the claim's other headlines hedge, deny or ask tells an unconfirmed rumour, which outlets
    mostly report, from an established fact, which they assert."""
    sums: dict[object, np.ndarray] = {}
    counts: dict[object, int] = {}
    for row, g in zip(hand, groups):
        sums[g] = sums.get(g, 0) + row
        counts[g] = counts.get(g, 0) + 1
    out = np.zeros_like(hand, dtype=np.float64)
    for k, (row, g) in enumerate(zip(hand, groups)):
        if counts[g] > 1:
            out[k] = (sums[g] - row) / (counts[g] - 1)
    return out


def _by_group(groups: Sequence[object]) -> dict[object, list[int]]:
    members: dict[object, list[int]] = {}
    for k, g in enumerate(groups):
        members.setdefault(g, []).append(k)
    return members


def _within(values: np.ndarray, members: dict[object, list[int]]) -> np.ndarray:
    """Each value as a z-score among its claim's statements (0 for a claim of one)."""
    out = np.zeros(len(values))
    for ks in members.values():
        if len(ks) > 1:
            v = values[ks]
            out[ks] = (v - v.mean()) / (v.std() + 1e-6)
    return out


MEANING = ("cos_gist", "cos_others", "cos_gist_within", "cos_others_within")


def meaning_features(texts: Sequence[str], gists: Sequence[str], groups: Sequence[object]) -> np.ndarray:
    """What the statement says beyond its claim, by meaning, and where it sits among the claim's statements: the
    statement's embedding less the gist's (claims.embeddings' static model2vec embeddings, no torch), then MEANING:
    cosine to the gist, cosine to the centroid of the claim's other statements, both as z-scores within the claim
    (the headline that strays from what the others say)."""
    from claimgraph.claims.embeddings import embed

    mine = embed(list(texts)).astype(np.float64)
    unique = sorted(set(gists))
    index = {g: k for k, g in enumerate(unique)}
    theirs = embed(unique).astype(np.float64)[[index[g] for g in gists]]
    members = _by_group(groups)
    others = np.zeros_like(mine)
    for ks in members.values():
        if len(ks) > 1:
            total = mine[ks].sum(axis=0)
            for k in ks:
                v = total - mine[k]
                others[k] = v / (np.linalg.norm(v) or 1.0)
    cos_gist, cos_others = (mine * theirs).sum(axis=1), (mine * others).sum(axis=1)
    return np.hstack([mine - theirs, np.c_[cos_gist, cos_others, _within(cos_gist, members),
                                          _within(cos_others, members)]])


STYLE = ("title_case_share", "title_case", "all_caps", "length")
_STYLE_WORDS = re.compile(r"[^\W\d_][\w'’]*")


def style_features(text: str) -> list[float]:
    """The headline's house style, in the order of STYLE: the share of its words that open with a capital, whether
    most do (Title Case, the wire and tech press) or few (sentence case, the British tabloids), all-capital words
    ("SCOTLAND", "20 YEARS": a tabloid's shout; up to 3) and length (words / 20). On Emergent's shared split,
    sentence-case headlines assert more often than Title Case ones (49% against 44%) and dispute less (13% against
    20%), and those with a word in capitals report more (41% against 37%); the claim's mean style says which kind
    of outlet carried the claim."""
    found = _STYLE_WORDS.findall(text)
    n = max(len(found), 1)
    title = sum(w[0].isupper() for w in found) / n
    caps = sum(len(w) > 2 and w.isupper() for w in found)
    return [title, float(title > 0.8), min(caps, 3) / 3, len(found) / 20]


def added_words(text: str, gist: str) -> str:
    """The statement's words that the gist lacks: what the statement says about the claim."""
    known = set(words(gist))
    return " ".join(t for t in words(text) if t not in known)


@dataclass
class TowardClaimModel:
    """Two TF-IDF vocabularies (statement, added words) and three linear models over them and the dense features:
    a logistic regression (`coef`), NB-LR (`nb_coef`: one binary LR per stance over the TF-IDF columns made 0/1,
    the naive-Bayes ratio folded into its weights) and a linear SVM (`svm_coef`), blended by `nb_weight` and
    `svm_weight`."""

    text_vocab: dict[str, int]
    text_idf: np.ndarray
    added_vocab: dict[str, int]
    added_idf: np.ndarray
    coef: np.ndarray          # (classes, features)
    intercept: np.ndarray     # (classes,)
    nb_coef: np.ndarray       # (classes, features): over the 0/1 TF-IDF columns and the dense features
    nb_intercept: np.ndarray  # (classes,)
    svm_coef: np.ndarray      # (classes, features)
    svm_intercept: np.ndarray  # (classes,)
    nb_weight: float = SHIPPED.nb_weight
    svm_weight: float = SHIPPED.svm_weight
    classes: tuple[str, ...] = CLASSES

    @property
    def n_words(self) -> int:
        """The number of TF-IDF columns (statement and added words), the first columns of `features`."""
        return len(self.text_vocab) + len(self.added_vocab)

    def features(self, texts: Sequence[str], gists: Sequence[str],
                 groups: Sequence[object] | None = None) -> sparse.csr_matrix:
        text = _vectoriser(self.text_vocab, self.text_idf).transform(texts)
        added = _vectoriser(self.added_vocab, self.added_idf).transform(
            [added_words(t, g) for t, g in zip(texts, gists)])
        hand = np.asarray([hand_features(t, g) for t, g in zip(texts, gists)]).reshape(-1, len(HAND))
        groups = list(gists) if groups is None else list(groups)
        around = claim_context(hand, groups)
        meaning = meaning_features(texts, gists, groups)
        style = np.asarray([style_features(t) for t in texts]).reshape(-1, len(STYLE))
        return sparse.hstack([text, added, sparse.csr_matrix(HAND_SCALE * hand),
                              sparse.csr_matrix(CONTEXT_SCALE * around),
                              sparse.csr_matrix(EMBED_SCALE * meaning),
                              sparse.csr_matrix(STYLE_SCALE * np.hstack([style, claim_context(style, groups)]))
                              ]).tocsr()

    def predict(self, texts: Sequence[str], gists: Sequence[str],
                groups: Sequence[object] | None = None) -> list[str]:
        """Each statement's stance toward its claim (`gists[i]`); `groups[i]` names the claim, so that the claim's
        other statements give the context features (by default statements with the same gist are one claim)."""
        if not texts:
            return []
        return [self.classes[i] for i in self.probabilities(self.features(texts, gists, groups)).argmax(axis=1)]

    def probabilities(self, X: sparse.csr_matrix) -> np.ndarray:
        """The blended class probabilities of feature rows (columns in the order of `classes`)."""
        lr = _softmax(np.asarray(X @ self.coef.T) + self.intercept)
        nb = 1.0 / (1.0 + np.exp(-(np.asarray(_binary_words(X, self.n_words) @ self.nb_coef.T) + self.nb_intercept)))
        nb /= nb.sum(axis=1, keepdims=True)
        svm = _softmax(SVM_TEMPERATURE * (np.asarray(X @ self.svm_coef.T) + self.svm_intercept))
        return (1 - self.svm_weight) * ((1 - self.nb_weight) * lr + self.nb_weight * nb) + self.svm_weight * svm

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "vocab.json").write_text(json.dumps({"text": self.text_vocab, "added": self.added_vocab,
                                                          "classes": list(self.classes), "hand": list(HAND),
                                                          "meaning": list(MEANING), "style": list(STYLE),
                                                          "models": list(MODELS),
                                                          "blend": {"nb": self.nb_weight, "svm": self.svm_weight}},
                                                         sort_keys=True), encoding="utf-8")
        np.savez_compressed(directory / "weights.npz", text_idf=self.text_idf.astype(np.float32),
                            added_idf=self.added_idf.astype(np.float32),
                            **{name: getattr(self, name).astype(np.float32) for name in ARRAYS})

    @classmethod
    def load(cls, directory: Path) -> TowardClaimModel:
        meta = json.loads((directory / "vocab.json").read_text(encoding="utf-8"))
        if ((meta.get("hand"), meta.get("meaning"), meta.get("style"), meta.get("models"))
                != (list(HAND), list(MEANING), list(STYLE), list(MODELS))):
            raise ValueError(f"{directory}: a stance model of other features; retrain it "
                             "(python -m claimgraph.claims.toward_claim --data DIR)")
        with np.load(directory / "weights.npz", allow_pickle=False) as arrays:
            return cls(meta["text"], arrays["text_idf"], meta["added"], arrays["added_idf"],
                       *(arrays[name] for name in ARRAYS), nb_weight=float(meta["blend"]["nb"]),
                       svm_weight=float(meta["blend"]["svm"]), classes=tuple(meta["classes"]))


MODELS = ("lr", "nb_lr", "svm")
ARRAYS = ("coef", "intercept", "nb_coef", "nb_intercept", "svm_coef", "svm_intercept")


def _softmax(scores: np.ndarray) -> np.ndarray:
    e = np.exp(scores - scores.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def _binary_words(X: sparse.csr_matrix, n_words: int) -> sparse.csr_matrix:
    """The feature rows with the TF-IDF columns (the first n_words) made 0/1, the dense features as they are."""
    X = sparse.csr_matrix(X, dtype=np.float64, copy=True)
    X.eliminate_zeros()
    X.data[X.indices < n_words] = 1.0
    return X


def _new_vectoriser() -> TfidfVectorizer:
    return TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, token_pattern=r"(?u)\b\w+\b|\?")


def _vectoriser(vocab: dict[str, int], idf: np.ndarray) -> TfidfVectorizer:
    vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b\w+\b|\?",
                          vocabulary=vocab)
    vec.idf_ = np.asarray(idf, dtype=np.float64)
    return vec


def fit(texts: Sequence[str], gists: Sequence[str], labels: Sequence[str],
        groups: Sequence[object] | None = None, settings: Settings = SHIPPED) -> TowardClaimModel:
    """Train on statements, their claims' gists and stances (assert / dispute / report); `groups` names each
    statement's claim (by default its gist); deterministic."""
    text_vec = _new_vectoriser().fit(texts)
    added = [added_words(t, g) for t, g in zip(texts, gists)]
    added_vec = _new_vectoriser().fit(added)
    empty = np.zeros((0, 0))
    model = TowardClaimModel({k: int(v) for k, v in text_vec.vocabulary_.items()}, text_vec.idf_,
                             {k: int(v) for k, v in added_vec.vocabulary_.items()}, added_vec.idf_,
                             *([empty] * len(ARRAYS)), nb_weight=settings.nb_weight,
                             svm_weight=settings.svm_weight)
    X = model.features(texts, gists, groups)
    y = np.asarray(labels)
    weights: str | dict[str, float] = "balanced"
    if settings.class_weight == "sqrt":
        weights = {c: float(np.sqrt(len(y) / (len(CLASSES) * max(int((y == c).sum()), 1)))) for c in CLASSES}
    lr = LogisticRegression(C=settings.C, max_iter=3000, class_weight=weights, random_state=SEED).fit(X, y)
    order = [list(lr.classes_).index(c) for c in CLASSES]
    model.coef, model.intercept = lr.coef_[order], lr.intercept_[order]
    # NB-LR: per stance, the log-count ratio of each TF-IDF column (present in this stance's statements against the
    # others', smoothed by NB_ALPHA) scales the 0/1 column; a binary LR over those and the dense features.
    binary = _binary_words(X, model.n_words)
    present = (X[:, :model.n_words] != 0).astype(np.float64)
    nb_coef, nb_intercept = [], []
    for c in CLASSES:
        p = NB_ALPHA + np.asarray(present[y == c].sum(axis=0)).ravel()
        q = NB_ALPHA + np.asarray(present[y != c].sum(axis=0)).ravel()
        ratio = np.concatenate([np.log((p / p.sum()) / (q / q.sum())), np.ones(X.shape[1] - model.n_words)])
        one = LogisticRegression(C=settings.C, max_iter=3000, class_weight="balanced", random_state=SEED)
        one.fit(binary @ sparse.diags(ratio), y == c)
        nb_coef.append(one.coef_[0] * ratio)
        nb_intercept.append(one.intercept_[0])
    model.nb_coef, model.nb_intercept = np.asarray(nb_coef), np.asarray(nb_intercept)
    svm = LinearSVC(C=SVM_C, class_weight="balanced", random_state=SEED, max_iter=20000).fit(X, y)
    order = [list(svm.classes_).index(c) for c in CLASSES]
    model.svm_coef, model.svm_intercept = svm.coef_[order], svm.intercept_[order]
    return model


@lru_cache(maxsize=2)
def load_model(directory: str | None = None) -> TowardClaimModel:
    """The shipped model (or one saved in `directory`), loaded once."""
    return TowardClaimModel.load(Path(directory) if directory else MODEL_DIR)


def predict(texts: Sequence[str], gists: Sequence[str], model: TowardClaimModel | None = None,
            groups: Sequence[object] | None = None) -> list[str]:
    """Each statement's stance toward the claim whose gist stands beside it (`groups`: see TowardClaimModel)."""
    return (model or load_model()).predict(list(texts), list(gists), None if groups is None else list(groups))


def main(argv: Sequence[str] | None = None) -> int:
    """Train on DIR/emergent.csv (every row) and write the model into the package (or --out); with --select,
    print the nested cross-validation that chooses the settings (eval.emergent.tune_stance) and write nothing."""
    import argparse

    from claimgraph.eval.emergent import read_emergent, tune_stance

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--data", type=Path, required=True, help="folder holding emergent.csv")
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument("--select", action="store_true", help="choose the settings by nested CV by claim (JSON)")
    args = parser.parse_args(argv)
    rows = read_emergent(args.data)
    if args.select:
        print(json.dumps(tune_stance(rows), indent=1))
        return 0
    model = fit([r.headline for r in rows], [r.claim for r in rows], [r.stance for r in rows],
                [r.claim_id for r in rows])
    model.save(args.out)
    print(f"trained on {len(rows)} headlines; wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
