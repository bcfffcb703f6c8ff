"""The trainable spaCy component: a BIO tagger over its own small CNN tok2vec.

Why its own tok2vec: the shipped en_core_web_sm pipeline stays frozen (the rule extractor depends on its tags and
parse), and the component only reads what that pipeline already wrote: TAG, DEP and ENT_TYPE are hashed into the
embedding next to the word's NORM/PREFIX/SUFFIX/SHAPE. The CNN (depth 4, window 3) sees +-12 tokens: on dev
(same grouping and decoding), window 1 (+-4 tokens) reached 0.655 partial content F1 / 0.540 end-to-end, window 2
0.686 / 0.570, window 3 the best (its figures are in the model's meta.json). Even +-12 tokens is too little to
know whether a token sits inside a long quotation, so a parameter-free layer adds document-level features (inside
a double quote, quote mark, sentence and paragraph edges) that the attribution boundaries depend on.

The component subclasses spaCy's Tagger for training and serialisation, but never writes `token.tag_`: labels and
their probabilities go to `doc._.attr_tags` / `doc._.attr_probs` so the PTB tags stay intact for everyone else.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.pipeline import Tagger
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Config, HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array

from claimgraph.attribution.learned.bio import LABELS
from claimgraph.attribution.learned.stack import LAYER as RULE_LAYER
from claimgraph.attribution.learned.stack import RULE_FEATURES, features_of
from claimgraph.attribution.learned.viterbi import decode, decode_ranges

DOC_FEATURES = 8  # width of the document-level feature vector, see doc_features()

OPEN_QUOTES = {"“", "«"}
CLOSE_QUOTES = {"”", "»"}
TOGGLE_QUOTES = {'"', "''", "``"}

if not Doc.has_extension("attr_tags"):
    Doc.set_extension("attr_tags", default=None)
    Doc.set_extension("attr_probs", default=None)


def doc_features(doc: Doc) -> numpy.ndarray:
    """Per-token features no local window can see: quote state and sentence/paragraph edges.

    Columns: inside a double quote, opening quote, closing quote, sentence start, sentence end, paragraph start,
    paragraph end, position in sentence (0..1). A quote left open at a paragraph break is closed there, since news
    style reopens multi-paragraph quotes without closing them. Whitespace tokens get only the position.

    Read from the Doc's columns; only quote marks and paragraph ends are visited one by one (the quote state runs
    through them). tests/attribution/test_doc_features.py holds the token-by-token reading it replaced."""
    n = len(doc)
    out = numpy.zeros((n, DOC_FEATURES), dtype="float32")
    if not n:
        return out
    columns = doc.to_array([ORTH, IS_SPACE, SENT_START])
    orths = columns[:, 0]
    real = columns[:, 1] == 0
    starts = columns[:, 2] == 1
    starts[0] = True
    kinds = numpy.zeros(n, dtype="int8")  # 1 opening, 2 closing, 3 toggling quote; 0 none
    newline = numpy.zeros(n, dtype=bool)  # "\n" in the token's text (its whitespace is at most a space)
    strings = doc.vocab.strings
    for orth in set(orths.tolist()):
        text = strings[orth]
        kind = 1 if text in OPEN_QUOTES else 2 if text in CLOSE_QUOTES else 3 if text in TOGGLE_QUOTES else 0
        if kind or "\n" in text:
            where = orths == orth
            kinds[where] = kind
            newline[where] = "\n" in text
    index = numpy.arange(n)
    real_at = numpy.flatnonzero(real)
    following = numpy.searchsorted(real_at, index, side="right")  # the next real token after each token
    nxt = numpy.append(real_at, n)[following]  # n where none follows
    last = nxt == n
    before_next = numpy.where(last, 0, nxt - 1)
    out[:, 3] = real & starts
    out[:, 4] = real & (last | starts[numpy.minimum(nxt, n - 1)])
    out[:, 5] = real & ((index == 0) | numpy.concatenate([[False], newline[:-1]]))
    ends = real & (last | newline[before_next])
    out[:, 6] = ends
    # The quote state changes only at quote marks and paragraph ends: walk those, fill the runs between.
    inside = False
    previous = 0
    for i in numpy.flatnonzero(real & ((kinds > 0) | ends)).tolist():
        if inside:
            out[previous:i, 0] = real[previous:i]
        kind = kinds[i]
        if kind == 1 or (kind == 3 and not inside):
            out[i, 1] = 1.0
            inside = True
        elif kind == 2 or (kind == 3 and inside):
            out[i, 2] = 1.0
            out[i, 0] = 1.0
            inside = False
        if inside:
            out[i, 0] = 1.0
        if ends[i]:
            inside = False
        previous = i + 1
    if inside:
        out[previous:, 0] = real[previous:]
    # Relative position inside the sentence: contents tend to take the end, sources the start.
    if doc.has_annotation("SENT_START"):
        if "sents" in doc.user_hooks:
            for sent in doc.sents:
                length = max(len(sent) - 1, 1)
                for k, t in enumerate(sent):
                    out[t.i, 7] = k / length
        else:
            first = numpy.flatnonzero(starts)
            sentence = numpy.cumsum(starts) - 1
            bounds = numpy.append(first, n)
            lengths = numpy.maximum(bounds[1:] - bounds[:-1] - 1, 1)
            out[:, 7] = (index - first[sentence]) / lengths[sentence]
    return out


def _features_forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[list[Any], Any]:
    outputs = [model.ops.asarray2f(doc_features(doc)) for doc in docs]
    return outputs, lambda d_outputs: []  # no parameters, nothing to backpropagate into


@registry.architectures("claimgraph.DocFeatures.v1")
def build_doc_features() -> Model:
    return Model("claimgraph_doc_features", _features_forward, dims={"nO": DOC_FEATURES})


@registry.architectures("claimgraph.AttributionTok2Vec.v1")
def build_attribution_tok2vec(embed: Model, encode: Model, width: int) -> Model:
    """embed (hashed token attributes) ++ doc features -> Maxout back to `width` -> CNN encoder."""
    mix = with_array(Maxout(nO=width, nI=width + DOC_FEATURES, nP=3, normalize=True))
    model = chain(concatenate(embed, build_doc_features()), mix, encode)
    model.set_dim("nO", width)
    return model


def _rule_features_forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[list[Any], Any]:
    outputs = [model.ops.asarray2f(features_of(doc)) for doc in docs]
    return outputs, lambda d_outputs: []


@registry.architectures("claimgraph.RuleFeatures.v1")
def build_rule_features() -> Model:
    """The rules' finds per token (stack.py), parameter-free like the document features."""
    return Model(RULE_LAYER, _rule_features_forward, dims={"nO": RULE_FEATURES})


@registry.architectures("claimgraph.StackedTok2Vec.v1")
def build_stacked_tok2vec(embed: Model, encode: Model, width: int) -> Model:
    """AttributionTok2Vec.v1 with the rules' finds as input too (stacking, stack.py): embed ++ doc features ++
    rule features -> Maxout back to `width` -> CNN encoder."""
    mix = with_array(Maxout(nO=width, nI=width + DOC_FEATURES + RULE_FEATURES, nP=3, normalize=True))
    model = chain(concatenate(embed, build_doc_features(), build_rule_features()), mix, encode)
    model.set_dim("nO", width)
    return model


def _token_drop_forward(model: Model, X, is_train: bool):
    rate = model.attrs["rate"]
    if not is_train or rate <= 0.0 or not len(X):
        return X, lambda dY: dY
    keep = (model.ops.xp.random.uniform(0.0, 1.0, (X.shape[0], 1)) >= rate).astype(X.dtype) / (1.0 - rate)
    return X * keep, lambda dY: dY * keep


def token_drop(rate: float) -> Model:
    """While training, zero a token's whole vector with probability `rate` (the others scaled up to match); the
    identity at run time."""
    return Model("token_drop", _token_drop_forward, attrs={"rate": rate})


@registry.architectures("claimgraph.LexDropHashEmbed.v1")
def build_lexdrop_hash_embed(width: int, attrs: list[str], rows: list[int], drop_attrs: list[str],
                             rate: float) -> Model:
    """spaCy's MultiHashEmbed.v2 (same tables, seeds and mixing layer), except that the tables of `drop_attrs`
    (the word and its affixes) lose a token's vector with probability `rate` while training, each table on its
    own: the tagger has to lean on what carries over to other publishers' copy (tags, dependencies, entity types,
    shape) rather than on the words one publisher uses. At run time nothing is dropped: the same cost as
    MultiHashEmbed.v2."""
    from spacy.ml.featureextractor import FeatureExtractor

    embeddings = []
    for index, attr in enumerate(attrs):
        table = HashEmbed(width, rows[index], column=index, seed=8 + index, dropout=0.0)
        embeddings.append(chain(table, token_drop(rate)) if attr in drop_attrs else table)
    mix = with_array(Maxout(width, width * len(embeddings), nP=3, dropout=0.0, normalize=True))
    return chain(FeatureExtractor(attrs), list2ragged(), with_array(concatenate(*embeddings)), mix, ragged2list())


LEXDROP_EMBED = {"@architectures": "claimgraph.LexDropHashEmbed.v1", "drop_attrs": ["NORM", "PREFIX", "SUFFIX"]}


DEFAULT_MODEL_CONFIG = """
[model]
@architectures = "spacy.Tagger.v2"
nO = null
normalize = false

[model.tok2vec]
@architectures = "claimgraph.AttributionTok2Vec.v1"
width = 96

[model.tok2vec.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = 96
attrs = ["NORM", "PREFIX", "SUFFIX", "SHAPE", "TAG", "DEP", "ENT_TYPE"]
rows = [5000, 1000, 2500, 2500, 300, 200, 100]
include_static_vectors = false

[model.tok2vec.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 96
depth = 4
window_size = 3
maxout_pieces = 3
"""


def _as_probabilities(scores: numpy.ndarray) -> numpy.ndarray:
    """Softmax over labels unless the rows already are probabilities: spacy.Tagger.v2 with normalize = false
    (the default, cheaper in training) outputs logits at inference time."""
    if not len(scores) or numpy.allclose(scores.sum(axis=1), 1.0, atol=1e-3):
        return scores
    exp = numpy.exp(scores - scores.max(axis=1, keepdims=True))
    return exp / exp.sum(axis=1, keepdims=True)


class AttributionTagger(Tagger):
    """spaCy Tagger that keeps its labels off `token.tag_` (see module docstring)."""

    def predict(self, docs: list[Doc]) -> list[numpy.ndarray]:
        """Softmax scores per doc (tokens x labels), not argmax ids: set_annotations keeps the probabilities."""
        if not any(len(doc) for doc in docs):
            return [numpy.zeros((len(doc), len(self.labels)), dtype="float32") for doc in docs]
        scores = [self.model.ops.to_numpy(s) for s in self.model.predict(docs)]
        return [_as_probabilities(s) for s in scores]

    # (log transition matrix, weight, o_bias) for decoding (viterbi.py), set by load_tagger from the model folder;
    # None means per-token argmax.
    transitions: tuple[numpy.ndarray, float, float] | None = None
    # {"factory", "config"} as saved in the model folder's config.json (set by learned.build_tagger).
    spec: dict[str, Any] | None = None

    def set_annotations(self, docs: list[Doc], scores: list[numpy.ndarray]) -> None:
        labels = self.labels
        for doc, doc_scores in zip(docs, scores):
            if self.transitions is not None and tuple(labels) == LABELS:
                matrix, weight, o_bias = self.transitions
                spaces = doc.to_array(IS_SPACE) if len(doc) else None
                ids = decode(doc_scores, matrix, weight, skip=spaces, o_bias=o_bias)
            else:
                ids = list(doc_scores.argmax(axis=1)) if len(doc_scores) else []
            doc._.attr_tags = [labels[i] for i in ids]
            doc._.attr_probs = doc_scores

    def set_window_annotations(self, doc: Doc, scores: numpy.ndarray, ranges: list[tuple[int, int]]) -> None:
        """set_annotations of one Doc tagged only on `ranges` (token [start, end)), its other rows O with
        probability 1 (windows.py): the same labels, decoded only around the ranges (viterbi.decode_ranges)."""
        labels = self.labels
        if self.transitions is None or tuple(labels) != LABELS:
            self.set_annotations([doc], [scores])
            return
        matrix, weight, o_bias = self.transitions
        spaces = doc.to_array(IS_SPACE) if len(doc) else None
        ids = decode_ranges(scores, ranges, matrix, weight, skip=spaces, o_bias=o_bias)
        doc._.attr_tags = [labels[i] for i in ids]
        doc._.attr_probs = scores


@Language.factory(
    "claimgraph_attribution_tagger",
    default_config={"model": Config().from_str(DEFAULT_MODEL_CONFIG)["model"], "overwrite": False, "scorer": None,
                    "neg_prefix": "!", "label_smoothing": 0.0},
)
def make_attribution_tagger(nlp: Language, name: str, model: Model, overwrite: bool, scorer: Any,
                            neg_prefix: str, label_smoothing: float) -> AttributionTagger:
    return AttributionTagger(nlp.vocab, model, name, overwrite=overwrite, scorer=scorer, neg_prefix=neg_prefix,
                             label_smoothing=label_smoothing)
