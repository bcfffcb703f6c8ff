"""Stacking: the rules' finds as an input of the learned tagger.

The rules run before the tagger (component.py), so what they found is known when the tagger runs: per token,
whether a rule find puts it in a source, a cue, or a content (quoted: direct or mixed; indirect: indirect or
according_to), whether it starts such a span, and whether the rule's cue is of the `think` class. A tagger built
with `stack` (model.py `claimgraph.StackedTok2Vec.v1`) reads these RULE_FEATURES columns beside its own embeddings
and document features, so that it can learn where the rules are weak and how its finds relate to theirs.

The columns ride on the Doc in `doc.user_data[KEY]` (an array, one row per token): `attach` writes them from
`rule_finds(doc)`, the same call for training examples (train.py, over the cached parses) and at run time
(windows.py `tag`, which slices them onto the pieces it tags). A Doc without them reads zeros.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy
from spacy.tokens import Doc

KEY = "claimgraph_rule_features"
RULE_FEATURES = 6  # source, cue, content quoted, content indirect, a rule span starts here, think-class cue
QUOTED = {"direct", "mixed"}
LAYER = "claimgraph_rule_features"


def rule_features(doc: Doc, found: Iterable) -> numpy.ndarray:
    """The RULE_FEATURES columns of `doc` from the rules' finds (attribution/found.py `Found`: cue and source are
    token spans, contents char spans)."""
    out = numpy.zeros((len(doc), RULE_FEATURES), dtype="float32")
    for item in found:
        column = 2 if item.kind in QUOTED else 3
        for start, end in item.content:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span):
                out[span.start:span.end, column] = 1.0
                out[span.start, 4] = 1.0
        for column, span in ((0, item.source), (1, item.cue)):
            if span is not None and len(span):
                out[span.start:span.end, column] = 1.0
                out[span.start, 4] = 1.0
                if column == 1 and item.cue_class == "think":
                    out[span.start:span.end, 5] = 1.0
    return out


def attach(doc: Doc, found: Iterable) -> numpy.ndarray:
    """Write the rules' columns onto `doc` (user_data[KEY]) and return them."""
    features = rule_features(doc, found)
    doc.user_data[KEY] = features
    return features


def features_of(doc: Doc) -> numpy.ndarray:
    """The columns `attach` wrote, or zeros (a Doc the rules have not been run on)."""
    features = doc.user_data.get(KEY)
    if features is None or len(features) != len(doc):
        return numpy.zeros((len(doc), RULE_FEATURES), dtype="float32")
    return features


def reads_rules(tagger) -> bool:
    """Whether the tagger's model has the rule-features layer (a stacked tagger)."""
    cached = getattr(tagger, "_reads_rules", None)
    if cached is None:
        cached = any(node.name == LAYER for node in tagger.model.walk())
        tagger._reads_rules = cached
    return cached


__all__ = ["KEY", "RULE_FEATURES", "attach", "features_of", "reads_rules", "rule_features"]
