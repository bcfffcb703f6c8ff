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
    from claimgraph.claims.semantic import embed

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
