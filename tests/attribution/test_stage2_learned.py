"""The learned tagger's second stage (stage2.py) and its training-time word dropout (model.py), on real parses of
fictional sentences and the shipped model files."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy
import pytest

from claimgraph.attribution.learned.gate import DEFAULT, GATES, Gate
from claimgraph.attribution.learned.stage2 import NAMES, USED, Stage2, features

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def nlp():
    from claimgraph.nlp import load_pipeline

    return load_pipeline()


def _seg(text: str, words: str) -> list[tuple[int, int]]:
    return [(text.index(words), text.index(words) + len(words))]


def _x(doc, text, kind, confidence, cue_words, source_words, content_words, cue_class):
    cue = doc.char_span(*_seg(text, cue_words)[0])
    source = doc.char_span(*_seg(text, source_words)[0]) if source_words else None
    return dict(zip(NAMES, features(doc, kind, confidence, cue, source, _seg(text, content_words), cue_class)))


def test_features_read_the_parse(nlp) -> None:
    text = "Mara Vell said the ferry will sail on Monday. He asked about the pier."
    doc = nlp(text)
    said = _x(doc, text, "indirect", 0.9, "said", "Mara Vell", "the ferry will sail on Monday", "report")
    assert said["clause"] == 1.0 and said["source=named"] == 1.0 and said["cue_class=report"] == 1.0
    assert said["cue_governs_content"] == 1.0 and said["cue_before_content"] == 1.0 and said["same_sentence"] == 1.0
    assert said["kind=indirect"] == 1.0 and said["cue_tag=VBD"] == 1.0
    asked = _x(doc, text, "indirect", 0.6, "asked", "He", "the pier", None)
    assert asked["clause"] == 0.0 and asked["source=pronoun"] == 1.0 and asked["cue_class=none"] == 1.0
    assert asked["logit_confidence"] < said["logit_confidence"]
    assert asked["content_log_tokens"] < said["content_log_tokens"]
    nobody = _x(doc, text, "direct", 0.9, "said", None, "the ferry will sail", "report")
    assert nobody["source=none"] == 1.0 and nobody["kind=direct"] == 1.0


def _spec(weight: dict[str, float], threshold: float) -> dict:
    weights = [weight.get(name, 0.0) for name in NAMES]
    return {"names": list(NAMES), "mean": [0.0] * len(NAMES), "scale": [1.0] * len(NAMES),
            "weights": {"quoted": weights, "indirect": weights}, "intercept": {"quoted": 0.0, "indirect": 0.0},
            "threshold": {"quoted": threshold, "indirect": threshold}}


def test_stage2_model_thresholds_its_probability() -> None:
    model = Stage2(_spec({"source=none": -4.0, "clause": 2.0}, 0.7))
    x = numpy.zeros(len(NAMES))
    x[NAMES.index("clause")] = 1.0
    assert model.probability("quoted", x) == pytest.approx(1 / (1 + numpy.exp(-2.0)))
    assert model.admits("quoted", x)
    x[NAMES.index("source=none")] = 1.0
    assert not model.admits("quoted", x)
    with pytest.raises(ValueError):
        Stage2({**_spec({}, 0.5), "names": list(NAMES[:-1])})


def test_a_gate_with_a_second_stage_asks_it_for_its_kinds(tmp_path: Path) -> None:
    path = tmp_path / "stage2.json"
    path.write_text(json.dumps(_spec({"clause": 2.0}, 0.7)))
    gate = Gate("test", 0.0, 0.0, indirect=False, stage2=str(path), stage2_groups=frozenset({"quoted"}))
    clause, phrase = numpy.zeros(len(NAMES)), numpy.zeros(len(NAMES))
    clause[NAMES.index("clause")] = 1.0
    assert gate.admits("direct", 0.3, True, False, features=lambda: clause)  # the model, not a confidence floor
    assert not gate.admits("mixed", 0.99, True, False, features=lambda: phrase)
    assert not gate.admits("direct", 0.99, True, False)  # a caller that gives no features gets nothing
    assert not gate.admits("indirect", 0.99, True, True, "report", "named", True, lambda: clause)  # indirect: off
    missing = Gate("test", stage2=str(tmp_path / "none.json"))
    assert not missing.admits("direct", 0.99, True, True, features=lambda: clause)


def test_shipped_second_stage_loads_and_the_stage2_gate_keeps_speechclause_for_indirect() -> None:
    gate = GATES["stage2"]
    model = gate.second_stage()
    assert model is not None, "claimgraph/data/models/attribution_tagger/stage2.json is shipped"
    used = [NAMES.index(n) for n in NAMES if n not in USED]
    assert not numpy.any(numpy.array(model.weights["quoted"])[used])  # only the chosen features weigh
    assert 0.0 < model.threshold["quoted"] < 1.0
    for args in [("indirect", 0.8, True, True, "report", "pronoun", True),
                 ("indirect", 0.8, True, True, "report", "named", False),
                 ("indirect", 0.95, True, True, "think", "named", True)]:
        assert gate.admits(*args, features=lambda: numpy.array(model.mean)) == DEFAULT.admits(*args)


def test_extraction_through_the_stage2_gate(nlp) -> None:
    """A quote only the tagger finds goes through the second stage in the extractor's own path."""
    from claimgraph.attribution import complete, rule_finds
    from claimgraph.attribution.cues import lexicon
    from claimgraph.attribution.found import TEXT_KEY
    from claimgraph.attribution.learned import build_tagger, learned_candidates
    from claimgraph.attribution.learned.windows import tag

    text = ("The council met on Tuesday to discuss the harbour. \u201cThe ferry will not sail until the pier is "
            "mended,\u201d scoffed Tova Brenn, who runs the boatyard in Port Alder.")
    doc = nlp(text)
    doc.user_data[TEXT_KEY] = text
    found = rule_finds(doc)
    tag(build_tagger(nlp), [doc], covered=[[s for item in found for s in item.content]],
        cues=GATES["stage2"].cue_lemmas)
    candidates = learned_candidates(doc)
    assert candidates, "the shipped tagger finds the quote"
    kept = complete(doc, list(found), candidates, GATES["stage2"])
    model = GATES["stage2"].second_stage()
    learned = [item for item in kept if item.method == "learned"]
    assert [item.kind for item in learned] == ["direct"]  # the scoffed quote, kept by the shipped second stage
    for item in learned:  # what it kept, the model admitted
        entry = lexicon().get(item.cue.root.lemma_.lower())
        x = features(doc, item.kind, item.confidence, item.cue, item.source, item.content,
                     entry.cue_class if entry else None)
        assert model.probability("quoted", x) >= model.threshold["quoted"] - 0.01


def test_token_drop_drops_whole_vectors_only_while_training() -> None:
    from claimgraph.attribution.learned.model import token_drop

    layer = token_drop(0.5)
    layer.initialize()
    X = numpy.ones((2000, 8), dtype="float32")
    Y, backprop = layer(X, is_train=True)
    rows = Y.sum(axis=1)
    assert set(numpy.unique(rows)) <= {0.0, 16.0}  # a row is dropped whole or scaled by 1 / (1 - rate)
    assert 0.4 < (rows == 0).mean() < 0.6
    assert numpy.array_equal(backprop(numpy.ones_like(X)) == 0, Y == 0)
    assert numpy.array_equal(layer.predict(X), X)


def test_lexdrop_tagger_trains_saves_and_predicts_the_same(nlp, tmp_path: Path) -> None:
    """A tagger whose word/affix tables drop tokens while training: trains, saves, reloads, and at run time gives
    the same scores twice (nothing is dropped)."""
    from spacy.tokens import Doc
    from spacy.training import Example

    from claimgraph.attribution.learned import build_tagger
    from claimgraph.attribution.learned.train import fit, new_component, save_model

    text = "\u201cThe pier is closed,\u201d said Mara Vell. Tova Brenn said the ferry will sail."
    doc = nlp(text)
    tags = ["O"] * len(doc)
    for k, t in enumerate(doc):
        if t.text in {"The", "pier", "is", "closed"} and t.i < 6:
            tags[k] = "B-CONTENT" if t.text == "The" else "I-CONTENT"
        elif t.text == "said":
            tags[k] = "B-CUE"
    ref = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc], tags=tags)
    examples = [Example(doc, ref)]
    name = "lexdrop_test"
    component, transitions = new_component(nlp, examples, name=name, lex_drop=0.5)
    try:
        fit(component, examples, epochs=2, log=lambda m: None)
        save_model(nlp, tmp_path, transitions, 0.3, 0.0, {}, name=name)
    finally:
        nlp.remove_pipe(name)
    spec = json.loads((tmp_path / "config.json").read_text())
    assert spec["config"]["model"]["tok2vec"]["embed"]["@architectures"] == "claimgraph.LexDropHashEmbed.v1"
    tagger = build_tagger(nlp, tmp_path)
    first, second = tagger.predict([doc]), tagger.predict([doc])
    assert numpy.allclose(first[0], second[0]) and first[0].shape == (len(doc), len(tagger.labels))


def test_stage2_threshold_keeps_as_many_as_the_precision_allows() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import lopo
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    probs = [(0.95, True), (0.9, True), (0.85, True), (0.8, True), (0.75, True), (0.7, False), (0.6, True),
             (0.5, False), (0.4, False)]
    assert lopo.stage2_threshold(probs, 0.85) == 0.6  # 6 of 7 right
    assert lopo.stage2_threshold(probs, 0.99) == 0.75  # the first five
    assert lopo.stage2_threshold(probs[:3], 0.5) == 1.01  # fewer than five: none
