"""Stance toward the claim (claims.toward_claim): the claim context (the other statements of the claim) enters the
features, a model trained with it saves and loads to the same predictions, and the shipped model reads hedges,
denials and questions toward a gist. Fictional places throughout."""

from __future__ import annotations

import numpy as np
import pytest

from claimgraph.claims import toward_claim as tc

GIST = "The Veldoria dam will be demolished in spring"
CLAIM_A = ["Veldoria dam to be demolished in spring",
           "Officials deny Veldoria dam will be demolished",
           "Veldoria dam reportedly set to be demolished in spring"]
CLAIM_B = ["Giant catfish caught in Lake Orvane"]


def test_context_is_the_mean_of_the_claims_other_statements():
    texts = CLAIM_A + CLAIM_B
    gists = [GIST] * 3 + ["A giant catfish was caught in Lake Orvane"]
    hand = np.asarray([tc.hand_features(t, g) for t, g in zip(texts, gists)])
    around = tc.claim_context(hand, ["A", "A", "A", "B"])
    assert np.allclose(around[0], (hand[1] + hand[2]) / 2)
    assert np.allclose(around[1], (hand[0] + hand[2]) / 2)
    assert not around[3].any()   # a claim of one statement has no context
    denials = tc.HAND.index("denials")
    assert around[0][denials] > 0 and around[1][denials] == 0   # the denial is context for the others only


def test_groups_default_to_the_gist_and_change_the_features():
    model = tc.load_model()
    texts, gists = CLAIM_A, [GIST] * 3
    by_gist = model.features(texts, gists).toarray()
    explicit = model.features(texts, gists, ["A", "A", "A"]).toarray()
    apart = model.features(texts, gists, ["A", "B", "C"]).toarray()
    assert np.allclose(by_gist, explicit)
    assert not np.allclose(explicit, apart)


def test_a_trained_model_saves_and_loads_to_the_same_predictions(tmp_path):
    texts = CLAIM_A * 3 + ["Is the Veldoria dam really going to be demolished?",
                           "Veldoria council denies the dam demolition rumour is true",
                           "Veldoria dam will be demolished in spring, council confirms"] * 2
    labels = ["assert", "dispute", "report"] * 3 + ["report", "dispute", "assert"] * 2
    groups = [f"c{i // 3}" for i in range(len(texts))]
    model = tc.fit(texts, [GIST] * len(texts), labels, groups)
    model.save(tmp_path / "m")
    loaded = tc.TowardClaimModel.load(tmp_path / "m")
    first = model.predict(texts, [GIST] * len(texts), groups)
    assert loaded.predict(texts, [GIST] * len(texts), groups) == first
    assert first.count("dispute") >= 4   # it learnt the denials, not one class


@pytest.mark.parametrize("text, expected", [
    ("Veldoria officials deny the dam will be demolished, calling the report a hoax", "dispute"),
    ("Veldoria dam reportedly to be demolished, unconfirmed reports claim", "report"),
])
def test_shipped_model_reads_denials_and_hedges_toward_the_gist(text, expected):
    assert tc.predict([text], [GIST]) == [expected]


def test_link_claims_reads_the_words_toward_the_claim_as_the_model_does():
    """claims.stance (what link-claims runs) uses the same lexicons for a restatement's own words: a denial frame
    disputes, "is said to" or a question withholds (report), plain words assert; a hedge on the cue alone does not
    change the speaker's stance."""
    from claimgraph.claims.stance import assign
    from claimgraph.claims.statement import Statement
    from claimgraph.records import Attribution, Speaker

    def statement(n: int, words: str, flags: tuple[str, ...] = ()) -> Statement:
        a = Attribution(id=f"a{n}", kind="indirect", speaker=Speaker(f"Ilsa Marrow {n}", "person"),
                        source_span=(0, 5), cue="said", cue_span=(6, 10), cue_class="assert", content=words,
                        content_spans=((11, 60),), sentence=(0, 60), flags=flags)
        return Statement(a, f"art{n}", position=0, published=f"2026-01-0{n + 1}", outlet=f"Outlet {n}")

    members = [statement(0, "the Veldoria dam will be demolished in spring"),
               statement(1, "the Veldoria dam is said to be demolished in spring"),
               statement(2, "the Veldoria dam demolition story is a hoax"),
               statement(3, "will the Veldoria dam be demolished in spring?"),
               statement(4, "the Veldoria dam will be demolished in spring", flags=("hedged",))]
    stances = assign([(s, "restate") for s in members], known_outlets=set())
    assert stances == {"a0": "assert", "a1": "report", "a2": "dispute", "a3": "report", "a4": "assert"}
    assert tc.content_signal("Veldoria dam demolition debunked") == "dispute"
    assert tc.content_signal(None) is None


def test_meaning_features_mark_the_statement_that_strays_from_its_claim():
    """The meaning features (real static embeddings): the statement less the gist, its cosine to the gist and to the
    claim's other statements, and both as z-scores within the claim; a claim of one has no others."""
    from claimgraph.claims.embeddings import embed

    texts = CLAIM_A + ["Lake Orvane fishermen celebrate a record season"] + CLAIM_B
    gists = [GIST] * 4 + ["A giant catfish was caught in Lake Orvane"]
    groups = ["A"] * 4 + ["B"]
    meaning = tc.meaning_features(texts, gists, groups)
    dim = embed(["dam"]).shape[1]
    assert meaning.shape == (5, dim + len(tc.MEANING))
    assert np.allclose(meaning[:, :dim], embed(texts) - embed(gists), atol=1e-5)
    col = {name: dim + k for k, name in enumerate(tc.MEANING)}
    strays = int(np.argmin(meaning[:4, col["cos_others_within"]]))
    assert strays == 3 and meaning[3, col["cos_gist"]] < min(meaning[:3, col["cos_gist"]])
    assert meaning[4, col["cos_others"]] == 0 and meaning[4, col["cos_gist_within"]] == 0


def test_a_model_of_other_features_is_refused_not_misread(tmp_path):
    texts = CLAIM_A * 2
    model = tc.fit(texts, [GIST] * 6, ["assert", "dispute", "report"] * 2, ["a"] * 3 + ["b"] * 3)
    model.save(tmp_path / "m")
    meta = (tmp_path / "m" / "vocab.json").read_text(encoding="utf-8")
    (tmp_path / "m" / "vocab.json").write_text(meta.replace('"cos_gist", ', ""), encoding="utf-8")
    with pytest.raises(ValueError, match="retrain"):
        tc.TowardClaimModel.load(tmp_path / "m")


def test_house_style_of_the_statement_and_of_its_claim_enter_the_features():
    """style_features reads Title Case, all-capital shouts and length; the model's last columns are the
    statement's style and the mean style of its claim's other statements."""
    title = tc.style_features("Veldoria Dam To Be Demolished In Spring")
    shout = tc.style_features("Veldoria dam to be demolished in SPRING, council SAYS")
    col = {name: k for k, name in enumerate(tc.STYLE)}
    assert title[col["title_case"]] == 1.0 and shout[col["title_case"]] == 0.0
    assert title[col["all_caps"]] == 0.0 and shout[col["all_caps"]] == pytest.approx(2 / 3)
    assert shout[col["length"]] == pytest.approx(9 / 20)
    assert title[col["length"]] == pytest.approx(7 / 20)
    texts = ["Veldoria Dam To Be Demolished In Spring", "Veldoria dam to be demolished in SPRING, council SAYS",
             "Veldoria dam demolition planned for spring"]
    features = tc.load_model().features(texts, [GIST] * 3, ["A", "A", "A"]).toarray()
    k = len(tc.STYLE)
    assert np.allclose(features[:, -2 * k:-k], [tc.style_features(t) for t in texts])
    assert np.allclose(features[0, -k:], (np.array(shout) + tc.style_features(texts[2])) / 2)


def test_the_tfidf_columns_are_made_zero_one_for_nb_lr_and_the_dense_ones_kept():
    model = tc.load_model()
    X = model.features(CLAIM_A, [GIST] * 3, ["A", "A", "A"])
    binary = tc._binary_words(X, model.n_words).toarray()
    dense = X.toarray()
    words = dense[:, :model.n_words]
    assert (words > 0).any() and not np.isin(words[words > 0], [1.0]).all()   # real TF-IDF weights before
    assert np.array_equal(binary[:, :model.n_words], (words != 0).astype(float))
    assert np.array_equal(binary[:, model.n_words:], dense[:, model.n_words:])


def test_the_prediction_blends_the_three_linear_models_as_the_weights_say():
    """probabilities = (1 - svm_weight) x ((1 - nb_weight) x LR + nb_weight x NB-LR) + svm_weight x SVM, each part
    recomputed here from the shipped arrays; each part is a real model (it reads the denial as a dispute), and
    the blend is not any one part alone."""
    model = tc.load_model()
    texts = ["Veldoria officials deny the dam will be demolished, calling the report a hoax",
             "Veldoria dam reportedly to be demolished, unconfirmed reports claim",
             "Veldoria dam to be demolished in spring"]
    X = model.features(texts, [GIST] * 3, ["A", "A", "A"])
    dense = X.toarray()

    def softmax(s):
        e = np.exp(s - s.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    lr = softmax(dense @ model.coef.T + model.intercept)
    nb = 1 / (1 + np.exp(-(tc._binary_words(X, model.n_words).toarray() @ model.nb_coef.T + model.nb_intercept)))
    nb /= nb.sum(axis=1, keepdims=True)
    svm = softmax(tc.SVM_TEMPERATURE * (dense @ model.svm_coef.T + model.svm_intercept))
    assert (model.nb_weight, model.svm_weight) == (tc.SHIPPED.nb_weight, tc.SHIPPED.svm_weight)
    blend = (1 - model.svm_weight) * ((1 - model.nb_weight) * lr + model.nb_weight * nb) + model.svm_weight * svm
    got = model.probabilities(X)
    assert np.allclose(got, blend, atol=1e-5) and np.allclose(got.sum(axis=1), 1.0)
    for part in (lr, nb, svm):
        assert not np.allclose(got, part, atol=1e-3)
        assert tc.CLASSES[int(part[0].argmax())] == "dispute"


def test_a_model_saved_without_the_second_and_third_models_is_refused(tmp_path):
    texts = CLAIM_A * 2
    model = tc.fit(texts, [GIST] * 6, ["assert", "dispute", "report"] * 2, ["a"] * 3 + ["b"] * 3)
    assert model.nb_coef.shape == model.svm_coef.shape == model.coef.shape
    model.save(tmp_path / "m")
    meta = (tmp_path / "m" / "vocab.json").read_text(encoding="utf-8")
    (tmp_path / "m" / "vocab.json").write_text(meta.replace(', "svm"]', "]"), encoding="utf-8")
    with pytest.raises(ValueError, match="retrain"):
        tc.TowardClaimModel.load(tmp_path / "m")


def test_settings_train_what_they_say_and_the_blend_weights_travel_with_the_model(tmp_path):
    """LR_ONLY (blend weights 0) predicts by its logistic regression alone; "sqrt" class weights train another LR
    than balanced ones; a saved model keeps its blend weights."""
    texts = CLAIM_A * 3 + ["Is the Veldoria dam really going to be demolished?",
                           "Veldoria council denies the dam demolition rumour is true",
                           "Veldoria dam will be demolished in spring, council confirms"] * 2
    labels = ["assert", "dispute", "report"] * 3 + ["report", "dispute", "assert"] * 2
    labels[0] = labels[3] = "report"   # unequal classes, so that the class weights differ
    groups = [f"c{i // 3}" for i in range(len(texts))]
    gists = [GIST] * len(texts)
    only = tc.fit(texts, gists, labels, groups, tc.LR_ONLY)
    X = only.features(texts, gists, groups)
    assert np.allclose(only.probabilities(X).sum(axis=1), 1.0)
    lr = np.asarray(X @ only.coef.T) + only.intercept
    assert only.predict(texts, gists, groups) == [tc.CLASSES[k] for k in lr.argmax(axis=1)]
    sqrt = tc.fit(texts, gists, labels, groups, tc.Settings(class_weight="sqrt", nb_weight=0.0, svm_weight=0.0))
    assert not np.allclose(sqrt.coef, only.coef)
    only.save(tmp_path / "m")
    loaded = tc.TowardClaimModel.load(tmp_path / "m")
    assert (loaded.nb_weight, loaded.svm_weight) == (0.0, 0.0)
    assert np.allclose(loaded.probabilities(X), only.probabilities(X), atol=1e-5)
