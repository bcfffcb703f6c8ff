"""A second look at each of the tagger's additions: is this one right? (A small classifier over its shape.)

The tagger's confidence says how sure it is of its labels, not whether the attribution it groups from them is one
that holds on copy from other publishers. This model reads what an addition is: its kind, the tagger's confidence,
the cue (lexicon class, part of speech, how it hangs in the parse), the source (none, pronoun, described, named),
the content (a clause or a noun phrase, how long, whether the cue governs it, whether it starts with "that") and
where it stands in its sentence, and gives the probability that the addition matches a gold attribution.

It is trained only on out-of-fold additions: those that the leave-one-publisher-out taggers (benchmarks/lopo.py,
each trained without the publisher it tags) made on their held-out publisher, so what it learns is what holds out
of domain, not what the shipped tagger got right on copy it was trained on. Its thresholds, one per kind, are
chosen by leave-one-publisher-out over those folds, and its own out-of-domain figure comes from nested LOPO
(benchmarks/lopo.py `stage2`): for each publisher the model and its thresholds are fitted on the other six.

Logistic regression: the weights are a JSON file (`stage2.json` in the tagger's folder), applied with numpy; no
training library is needed at run time.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

import numpy

CUE_CLASSES = ("report", "assert", "dispute", "confirm", "relay", "think")
SOURCE_KINDS = ("none", "pronoun", "described", "named")
KINDS = ("direct", "mixed", "indirect", "according_to")
CUE_TAGS = ("VBD", "VBZ", "VBP", "VBN", "VBG", "VB")
CONTENT_DEPS = ("ccomp", "xcomp", "dobj", "pobj", "advcl", "conj", "ROOT", "nsubj")
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})

NAMES = (["bias", "confidence", "logit_confidence"] + [f"kind={k}" for k in KINDS]
         + [f"cue_class={c}" for c in CUE_CLASSES + ("none",)] + [f"cue_tag={t}" for t in CUE_TAGS + ("other",)]
         + [f"source={s}" for s in SOURCE_KINDS]
         + ["cue_verb", "cue_noun", "cue_root_dep", "cue_negated", "cue_words",
            "clause", "content_that", "content_log_tokens", "content_pieces", "content_root_verb", "content_propn",
            "cue_governs_content", "cue_before_content", "log_gap", "content_sentence_start", "content_to_end",
            "sentence_log_tokens", "same_sentence", "content_question", "content_digits"]
         + [f"content_dep={d}" for d in CONTENT_DEPS + ("other",)])

# The features the model weighs (the others are computed and left at weight 0): a few that carry over between
# publishers; with every feature the out-of-fold ranking was worse (AUC 0.56 against 0.61 for indirect additions).
USED = frozenset(["logit_confidence", "source=none", "source=pronoun", "clause", "content_log_tokens",
                  "content_propn", "cue_class=report", "cue_class=assert", "cue_class=dispute", "cue_class=confirm",
                  "cue_class=relay", "cue_class=think", "cue_governs_content", "same_sentence", "cue_words",
                  "content_dep=other", "content_digits", "sentence_log_tokens"])


def _span(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def features(doc, kind: str, confidence: float, cue, source, content, cue_class: str | None) -> numpy.ndarray:
    """The feature vector of one addition (names: NAMES): `cue`/`source` spaCy Spans or None, `content` char
    segments into `doc`, `cue_class` the lexicon class of the cue's lemma (None outside the lexicon)."""
    x = dict.fromkeys(NAMES, 0.0)
    x["bias"] = 1.0
    c = min(max(float(confidence), 1e-4), 1 - 1e-4)
    x["confidence"] = c
    x["logit_confidence"] = math.log(c / (1 - c))
    x[f"kind={kind if kind in KINDS else 'indirect'}"] = 1.0
    x[f"cue_class={cue_class if cue_class in CUE_CLASSES else 'none'}"] = 1.0
    pieces = [s for s in (_span(doc, a, b) for a, b in content) if s is not None]
    tokens = [t for s in pieces for t in s if not t.is_space and not t.is_punct]
    x[f"source={_source_kind(source)}"] = 1.0
    if cue is not None:
        root = cue.root
        x[f"cue_tag={root.tag_ if root.tag_ in CUE_TAGS else 'other'}"] = 1.0
        x["cue_verb"] = float(root.pos_ == "VERB")
        x["cue_noun"] = float(root.pos_ == "NOUN")
        x["cue_root_dep"] = float(root.dep_ == "ROOT")
        x["cue_negated"] = float(any(t.dep_ == "neg" for t in root.children))
        x["cue_words"] = float(len(cue))
        content_tokens = {t.i for s in pieces for t in s}
        x["cue_governs_content"] = float(any(t.head.i == root.i and t.i != root.i for s in pieces for t in s)
                                         or any(t.i in content_tokens for t in root.children))
        if pieces:
            x["cue_before_content"] = float(cue.start < pieces[0].start)
            gap = max(0, pieces[0].start - cue.end, cue.start - pieces[-1].end)
            x["log_gap"] = math.log1p(gap)
            x["same_sentence"] = float(cue.sent.start == pieces[0].sent.start)
    x["clause"] = float(any(t.tag_ in FINITE_TAGS for t in tokens))
    x["content_log_tokens"] = math.log1p(len(tokens))
    x["content_pieces"] = float(len(pieces))
    x["content_propn"] = sum(t.pos_ == "PROPN" for t in tokens) / max(len(tokens), 1)
    x["content_digits"] = float(any(t.like_num for t in tokens))
    if pieces:
        first = pieces[0]
        x["content_that"] = float(first[0].lower_ == "that")
        root = first.root
        x["content_root_verb"] = float(root.pos_ in {"VERB", "AUX"})
        x[f"content_dep={root.dep_ if root.dep_ in CONTENT_DEPS else 'other'}"] = 1.0
        sent = first.sent
        x["content_sentence_start"] = float(first.start <= sent.start + 1)
        x["content_to_end"] = (pieces[-1].end - sent.start) / max(len(sent), 1)
        x["sentence_log_tokens"] = math.log1p(len(sent))
        x["content_question"] = float(any(t.text == "?" for s in pieces for t in s))
    return numpy.array([x[n] for n in NAMES], dtype="float64")


def _source_kind(span) -> str:
    if span is None or not len(span):
        return "none"
    if span.root.pos_ == "PRON":
        return "pronoun"
    return "named" if any(t.pos_ == "PROPN" or t.ent_type_ for t in span) else "described"


class Stage2:
    """Weights (over NAMES, standardised by `mean`/`scale`) and a threshold per kind group (quoted, indirect)."""

    def __init__(self, spec: dict):
        if list(spec["names"]) != list(NAMES):
            raise ValueError("stage2 model was trained on other features")
        self.spec = spec
        self.mean = numpy.array(spec["mean"])
        self.scale = numpy.array(spec["scale"])
        self.weights = {group: numpy.array(w) for group, w in spec["weights"].items()}
        self.intercept = dict(spec["intercept"])
        self.threshold = dict(spec["threshold"])

    def probability(self, group: str, x: numpy.ndarray) -> float:
        z = float((x - self.mean) / self.scale @ self.weights[group]) + self.intercept[group]
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def admits(self, group: str, x: numpy.ndarray) -> bool:
        return self.probability(group, x) >= self.threshold[group]

    def to_disk(self, path: Path) -> None:
        path.write_text(json.dumps(self.spec, indent=1), encoding="utf-8")


@lru_cache(maxsize=4)
def load(path: str) -> Stage2 | None:
    """The model at `path` (a stage2.json), None where there is none."""
    p = Path(path)
    if not p.exists():
        return None
    return Stage2(json.loads(p.read_text(encoding="utf-8")))


__all__ = ["NAMES", "USED", "Stage2", "features", "load"]
