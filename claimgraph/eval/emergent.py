"""`claimgraph eval emergent`: claim grouping and stance toward the claim, scored on Emergent's headlines.

Each headline of DIR/emergent.csv is one statement. Grouping: all headlines are grouped into claims, without the
claim ids, by `claims.grouping.group_statements` (the code `link-claims` runs), and scored against `claimId` by
B-cubed precision / recall / F1 and the adjusted Rand index. Stance: each headline's stance toward its gold claim
(the claim's headline as gist; for -> assert, against -> dispute, observing -> report) by the shipped model
(`claims.toward_claim`), and toward the claim it was grouped into (that group's gist, end to end).

Nothing is trained on DIR: it scores the shipped settings and model. Beside them, in the same run: TF-IDF +
average-linkage agglomerative grouping at the threshold best on DIR itself (chosen on the data it scores, an upper
bound for that baseline) and the majority-class stance (of DIR, again an upper bound). `cross_validate` gives the
figures of a model trained on the other folds and scored on the held-out one (folds split by claim).
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from claimgraph.claims import toward_claim
from claimgraph.claims.gist import group_gists
from claimgraph.claims.grouping import group_statements

TFIDF_THRESHOLDS = tuple(round(0.5 + 0.05 * i, 2) for i in range(10))   # cosine distances tried: 0.50 … 0.95
FOLDS = 5


@dataclass(frozen=True)
class Row:
    claim_id: str
    claim: str          # the journalists' wording of the claim: its gist
    article_id: str
    headline: str
    stance: str         # assert / dispute / report


def read_emergent(directory: Path) -> list[Row]:
    """The rows of DIR/emergent.csv, stances mapped to claimgraph's; a row with an unknown stance is an error."""
    path = Path(directory) / "emergent.csv"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no emergent.csv in {directory}")
    rows = []
    with path.open(encoding="utf-8", newline="") as f:
        for n, r in enumerate(csv.DictReader(f), start=2):
            stance = toward_claim.EMERGENT_LABELS.get((r.get("articleHeadlineStance") or "").strip())
            if stance is None:
                raise ValueError(f"{path}:{n}: stance {r.get('articleHeadlineStance')!r} is not for/against/observing")
            rows.append(Row(r["claimId"], r["claimHeadline"], r["articleId"], r["articleHeadline"], stance))
    return rows


def bcubed(gold: Sequence[str], pred: Sequence[Any],
           items: Sequence[int] | None = None) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering (Bagga & Baldwin): per item, averaged over items. With
    `items`, averaged over those only, each item's cluster taken in the whole clustering (so the other statements
    grouped with them count against precision): a held-out fold's headlines in a batch with others."""
    if not gold:
        return 0.0, 0.0, 0.0
    by_gold: dict[Any, set[int]] = defaultdict(set)
    by_pred: dict[Any, set[int]] = defaultdict(set)
    for i, (g, p) in enumerate(zip(gold, pred)):
        by_gold[g].add(i)
        by_pred[p].add(i)
    items = range(len(gold)) if items is None else items
    p_sum = r_sum = 0.0
    for i in items:
        shared = len(by_gold[gold[i]] & by_pred[pred[i]])
        p_sum += shared / len(by_pred[pred[i]])
        r_sum += shared / len(by_gold[gold[i]])
    precision, recall = p_sum / len(items), r_sum / len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def stance_scores(gold: Sequence[str], pred: Sequence[str]) -> dict[str, Any]:
    """Accuracy, macro-F1 over the three stances, and each stance's F1."""
    per_class = {}
    for c in toward_claim.CLASSES:
        tp = sum(g == c and p == c for g, p in zip(gold, pred))
        fp = sum(g != c and p == c for g, p in zip(gold, pred))
        fn = sum(g == c and p != c for g, p in zip(gold, pred))
        per_class[c] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    accuracy = sum(g == p for g, p in zip(gold, pred)) / len(gold) if gold else 0.0
    return {"accuracy": accuracy, "macro_f1": sum(per_class.values()) / len(per_class), "per_class_f1": per_class}


def grouping_scores(gold: Sequence[str], labels: Sequence[Any]) -> dict[str, Any]:
    from sklearn.metrics import adjusted_rand_score

    p, r, f1 = bcubed(gold, labels)
    return {"bcubed_p": p, "bcubed_r": r, "bcubed_f1": f1, "ari": float(adjusted_rand_score(gold, labels)),
            "claims": len(set(labels))}


def tfidf_average_linkage(texts: Sequence[str], gold: Sequence[str]) -> dict[str, Any]:
    """The baseline: TF-IDF cosine, average-linkage agglomerative clustering, best threshold on these data."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts).toarray()
    best: dict[str, Any] | None = None
    for threshold in TFIDF_THRESHOLDS:
        labels = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                         distance_threshold=threshold).fit_predict(matrix)
        scores = {**grouping_scores(gold, labels), "threshold": threshold, "threshold_chosen_on": "the scored data"}
        if best is None or scores["bcubed_f1"] > best["bcubed_f1"]:
            best = scores
    assert best is not None
    return best


def end_to_end(rows: Sequence[Row], labels: Sequence[Any], model: toward_claim.TowardClaimModel) -> list[str]:
    """Each headline's stance toward the gist of the claim it was grouped into."""
    gists = group_gists([r.headline for r in rows], labels)
    return model.predict([r.headline for r in rows], [gists[i] for i in range(len(rows))], list(labels))


def evaluate(rows: Sequence[Row], model: toward_claim.TowardClaimModel | None = None) -> dict[str, Any]:
    """The system's figures (shipped grouping and stance model) beside the baselines, on these rows."""
    model = model or toward_claim.load_model()
    texts, gold_claims = [r.headline for r in rows], [r.claim_id for r in rows]
    gold_stance = [r.stance for r in rows]
    labels = group_statements(texts)
    grouping = grouping_scores(gold_claims, labels)
    given = stance_scores(gold_stance, model.predict(texts, [r.claim for r in rows], gold_claims))
    e2e = stance_scores(gold_stance, end_to_end(rows, labels, model))
    majority = Counter(gold_stance).most_common(1)[0][0]
    return {"n": len(rows), "gold_claims": len(set(gold_claims)), **grouping,
            "stance_accuracy": given["accuracy"], "stance_macro_f1": given["macro_f1"],
            "stance_per_class_f1": given["per_class_f1"],
            "e2e_stance_accuracy": e2e["accuracy"], "e2e_stance_macro_f1": e2e["macro_f1"],
            "e2e_stance_per_class_f1": e2e["per_class_f1"],
            "baselines": {"tfidf_average_linkage": tfidf_average_linkage(texts, gold_claims),
                          "majority_stance": {"label": majority,
                                              **stance_scores(gold_stance, [majority] * len(rows))}}}


def claim_folds(rows: Sequence[Row], folds: int = FOLDS) -> list[np.ndarray]:
    """Row indices of each fold; a claim's rows all fall in one fold (sklearn's GroupKFold: deterministic)."""
    from sklearn.model_selection import GroupKFold

    groups = [r.claim_id for r in rows]
    return [test for _, test in GroupKFold(n_splits=folds).split(np.zeros(len(rows)), groups=groups)]


def cross_validate(rows: Sequence[Row], folds: int = FOLDS) -> dict[str, Any]:
    """Stance figures with a model trained on the other folds (by claim); grouping as `evaluate` (nothing trained).
    Each held-out fold is grouped on its own for the end-to-end stance, as a user's batch would be."""
    result = evaluate(rows)   # grouping and baselines: nothing in them is trained on the rows
    gold = [r.stance for r in rows]
    given: list[str] = [""] * len(rows)
    e2e: list[str] = [""] * len(rows)
    for test in claim_folds(rows, folds):
        held = set(test.tolist())
        train = [r for i, r in enumerate(rows) if i not in held]
        model = toward_claim.fit([r.headline for r in train], [r.claim for r in train], [r.stance for r in train],
                                 [r.claim_id for r in train])
        part = [rows[i] for i in test]
        for i, label in zip(test, model.predict([r.headline for r in part], [r.claim for r in part],
                                                [r.claim_id for r in part])):
            given[i] = label
        for i, label in zip(test, end_to_end(part, group_statements([r.headline for r in part]), model)):
            e2e[i] = label
    g, e = stance_scores(gold, given), stance_scores(gold, e2e)
    result["baselines"]["headline_only_lr"] = {**stance_scores(gold, headline_only(rows, folds)),
                                               "note": "TF-IDF of the headline alone, same folds"}
    result.update({"stance_accuracy": g["accuracy"], "stance_macro_f1": g["macro_f1"],
                   "stance_per_class_f1": g["per_class_f1"], "e2e_stance_accuracy": e["accuracy"],
                   "e2e_stance_macro_f1": e["macro_f1"], "e2e_stance_per_class_f1": e["per_class_f1"],
                   "cv": {"folds": folds, "split_by": "claim",
                          "note": "stance: trained on the other folds, scored on the held-out fold; grouping: "
                                  "shipped settings (nothing trained)"}})
    return result


def shuffled_claim_folds(rows: Sequence[Row], seed: int, folds: int = FOLDS) -> list[np.ndarray]:
    """Row indices of each fold, claims dealt round-robin after a seeded shuffle of the sorted claim ids (another
    split by claim beside GroupKFold's, to see how much a figure owes to one split)."""
    claims = sorted({r.claim_id for r in rows})
    np.random.RandomState(seed).shuffle(claims)
    fold_of = {c: k % folds for k, c in enumerate(claims)}
    return [np.array([i for i, r in enumerate(rows) if fold_of[r.claim_id] == f]) for f in range(folds)]


def _stance_fold(rows: Sequence[Row], train: Sequence[int], test: Sequence[int],
                 settings: toward_claim.Settings) -> list[str]:
    model = toward_claim.fit([rows[i].headline for i in train], [rows[i].claim for i in train],
                             [rows[i].stance for i in train], [rows[i].claim_id for i in train], settings)
    return model.predict([rows[i].headline for i in test], [rows[i].claim for i in test],
                         [rows[i].claim_id for i in test])


def tune_stance(rows: Sequence[Row], grid: Sequence[toward_claim.Settings] = toward_claim.SETTINGS_GRID,
                seeds: Sequence[int | None] = (None, 1, 2), folds: int = FOLDS, inner: int = 4) -> dict[str, Any]:
    """The stance model's settings chosen by nested cross-validation by claim. For each split (None: GroupKFold,
    else `shuffled_claim_folds` with that seed) and each outer fold, every setting is scored by an inner
    `inner`-fold GroupKFold over the training folds only; the best inner accuracy (ties to the first in `grid`)
    is trained on all training folds and scored on the held-out fold. Reports, per split, each setting's held-out
    figures and the nested figures (the chosen settings' held-out predictions), and over all outer folds each
    setting's mean inner accuracy and how often it beat the grid's first setting: the one to ship is the best mean
    inner accuracy, chosen without any held-out fold."""
    from sklearn.model_selection import GroupKFold

    grid = list(grid)
    gold = np.array([r.stance for r in rows])
    inner_acc: list[list[float]] = [[] for _ in grid]
    splits = []
    for seed in seeds:
        parts = claim_folds(rows, folds) if seed is None else shuffled_claim_folds(rows, seed, folds)
        fixed = [np.empty(len(rows), dtype=object) for _ in grid]
        nested = np.empty(len(rows), dtype=object)
        chosen = []
        for test in parts:
            held = set(test.tolist())
            train = np.array([i for i in range(len(rows)) if i not in held])
            inner_parts = [train[t] for _, t in GroupKFold(n_splits=inner).split(
                np.zeros(len(train)), groups=[rows[i].claim_id for i in train])]
            accs = []
            for s, settings in enumerate(grid):
                pred = np.empty(len(rows), dtype=object)
                for it in inner_parts:
                    out = set(it.tolist())
                    pred[it] = _stance_fold(rows, [i for i in train if i not in out], it, settings)
                accs.append(float(np.mean(pred[train] == gold[train])))
                inner_acc[s].append(accs[-1])
                fixed[s][test] = _stance_fold(rows, train, test, settings)
            best = int(np.argmax(accs))
            chosen.append(best)
            nested[test] = fixed[best][test]
        splits.append({"split": "GroupKFold" if seed is None else f"claims shuffled, seed {seed}",
                       "chosen": [asdict(grid[b]) for b in chosen],
                       "nested": stance_scores(list(gold), list(nested)),
                       "by_setting": [stance_scores(list(gold), list(f)) for f in fixed]})
    means = [float(np.mean(a)) for a in inner_acc]
    best = int(np.argmax(means))
    return {"grid": [asdict(g) for g in grid], "splits": splits, "mean_inner_accuracy": means,
            "inner_above_first": [sum(a > b for a, b in zip(acc, inner_acc[0])) for acc in inner_acc],
            "outer_folds": len(inner_acc[0]), "best_on_inner": asdict(grid[best])}


def headline_only(rows: Sequence[Row], folds: int = FOLDS) -> list[str]:
    """The stance baseline of the issue: logistic regression over the headline's TF-IDF alone (no claim), by the
    same folds."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    pred = [""] * len(rows)
    for test in claim_folds(rows, folds):
        held = set(test.tolist())
        train = [r for i, r in enumerate(rows) if i not in held]
        vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True).fit([r.headline for r in train])
        lr = LogisticRegression(max_iter=2000, random_state=toward_claim.SEED)
        lr.fit(vec.transform([r.headline for r in train]), [r.stance for r in train])
        for i, label in zip(test, lr.predict(vec.transform([rows[i].headline for i in test]))):
            pred[i] = str(label)
    return pred


def render_table(result: dict[str, Any]) -> str:
    """The system beside the baselines, one metric a row."""
    tfidf, majority = result["baselines"]["tfidf_average_linkage"], result["baselines"]["majority_stance"]
    mode = f"{result['cv']['folds']}-fold cross-validation by claim" if "cv" in result else "shipped model"
    lines = [f"Emergent: {result['n']} headlines, {result['gold_claims']} gold claims (stance: {mode})", "",
             f"{'metric':<28}{'claimgraph':>12}{'baseline':>12}  baseline"]

    def row(name: str, ours: float | int, theirs: float | int | str, which: str) -> None:
        cell = f"{theirs:>12.4f}" if isinstance(theirs, float) else f"{theirs!s:>12}"
        ours_cell = f"{ours:>12.4f}" if isinstance(ours, float) else f"{ours:>12}"
        lines.append(f"{name:<28}{ours_cell}{cell}  {which}")

    tfidf_name = f"TF-IDF average linkage @ {tfidf['threshold']} (best on these data)"
    for key in ("bcubed_p", "bcubed_r", "bcubed_f1", "ari", "claims"):
        row(key, result[key], tfidf[key], tfidf_name)
    maj = f"majority class ({majority['label']})"
    row("stance_accuracy", result["stance_accuracy"], majority["accuracy"], maj)
    row("stance_macro_f1", result["stance_macro_f1"], majority["macro_f1"], maj)
    for c, v in result["stance_per_class_f1"].items():
        row(f"stance_f1_{c}", v, majority["per_class_f1"][c], maj)
    row("e2e_stance_accuracy", result["e2e_stance_accuracy"], majority["accuracy"], maj)
    row("e2e_stance_macro_f1", result["e2e_stance_macro_f1"], majority["macro_f1"], maj)
    if "headline_only_lr" in result["baselines"]:
        lr = result["baselines"]["headline_only_lr"]
        row("stance_accuracy", result["stance_accuracy"], lr["accuracy"], "headline-only LR (same folds)")
        row("stance_macro_f1", result["stance_macro_f1"], lr["macro_f1"], "headline-only LR (same folds)")
    return "\n".join(lines)


# The grouping settings tried by `tune_grouping` (claims.vectors' IDF_POWER, PREFIX_WEIGHT, WORDS; claims.semantic's
# LINK, LINK_GROWTH, COHESION; claims.embeddings' CENTRE).
GROUPING_GRID = tuple({"IDF_POWER": 2.0, "PREFIX_WEIGHT": 0.5, "WORDS": 0.9, "LINK": link, "LINK_GROWTH": growth,
                       "CENTRE": True, "COHESION": cohesion}
                      for link in (0.125, 0.135, 0.15) for growth in (0.0, 0.005, 0.01, 0.015, 0.02)
                      for cohesion in (0.4, 0.5, 0.6))
# LINK not below 0.125: at 0.1 the demo ledger (examples/, a few dozen statements: the link at LINK_BASE and below)
# merges the reference article's two gold claims, the Trump administration's openness and the Russian ministry's
# coordination (docs/claims.md).
PREVIOUS_GROUPING = {"IDF_POWER": 2.0, "PREFIX_WEIGHT": 0.5, "WORDS": 0.9, "LINK": 0.125, "LINK_GROWTH": 0.0,
                     "CENTRE": True, "COHESION": 0.4}   # the last pass's: one link at every size


def fold_batches(folds: int = FOLDS) -> list[tuple[int, ...]]:
    """Every union of folds grouped as one batch: each fold alone, every 2, 3, 4 and all of them (tune_grouping)."""
    from itertools import combinations

    return [c for size in range(1, folds + 1) for c in combinations(range(folds), size)]


def tune_grouping(rows: Sequence[Row], grid: Sequence[dict[str, Any]] = GROUPING_GRID,
                  folds: int = FOLDS) -> dict[str, Any]:
    """Grouping settings chosen by cross-validation by claim, at several batch sizes. Every setting groups every
    union of folds as one batch: each fold alone (about 45 claims, 340 headlines, the size of the held-back split),
    every two, three and four folds together, and the whole split. For each held-out fold, the setting with the
    best mean B-cubed F1 over the batch sizes, among batches of the other folds only, is scored on the batches
    that hold the fold, over the fold's headlines (its clusters taken in the whole batch, so statements of other
    folds grouped with them count against it): at each size, nothing of the held-out fold chose the setting. What
    ships is the setting best over all batches. Sets the settings in their modules (claims.semantic, vectors,
    embeddings) while it runs and restores them."""
    from claimgraph.claims import embeddings, semantic, vectors

    grid = list(grid)
    if PREVIOUS_GROUPING not in grid:
        grid.append(PREVIOUS_GROUPING)
    home = {k: next(m for m in (semantic, vectors, embeddings) if hasattr(m, k)) for k in grid[0]}   # its module
    saved = {k: getattr(home[k], k) for k in grid[0]}
    parts = claim_folds(rows, folds)
    batches = fold_batches(folds)
    gold = [r.claim_id for r in rows]

    def grouped(setting: dict[str, Any]) -> list[tuple[list[str], np.ndarray, list[np.ndarray]]]:
        for k, v in setting.items():
            setattr(home[k], k, v)
        out = []
        for batch in batches:
            idx = np.concatenate([parts[f] for f in batch])
            labels = group_statements([rows[i].headline for i in idx])
            at = np.cumsum([0] + [len(parts[f]) for f in batch])
            out.append(([gold[i] for i in idx], labels, [np.arange(at[m], at[m + 1]) for m in range(len(batch))]))
        return out

    try:
        # score[s][b][m]: setting s, batch b, the b-th batch's m-th fold's headlines; whole[s][b]: all its headlines
        score, whole = [], []
        for setting in grid:
            runs = grouped(setting)
            score.append([[bcubed(g, lab, items)[2] for items in folds_in] for g, lab, folds_in in runs])
            whole.append([bcubed(g, lab)[2] for g, lab, _ in runs])
    finally:
        for k, v in saved.items():
            setattr(home[k], k, v)
    sizes = range(1, folds + 1)

    def train(s: int, held: int | None) -> float:   # mean over sizes of the mean B-cubed of batches without `held`
        return float(np.mean([np.mean([whole[s][b] for b, batch in enumerate(batches)
                                       if len(batch) == size and held not in batch])
                              for size in sizes if any(len(c) == size and held not in c for c in batches)]))

    def test(s: int, held: int, size: int) -> float:   # the held-out fold's headlines, in the batches that hold it
        return float(np.mean([score[s][b][batch.index(held)] for b, batch in enumerate(batches)
                              if len(batch) == size and held in batch]))

    previous = grid.index(PREVIOUS_GROUPING)
    out = []
    for k in range(folds):
        best = max(range(len(grid)), key=lambda s: train(s, k))
        out.append({"chosen": grid[best], "train_f1": train(best, k),
                    "test_f1_by_size": [test(best, k, size) for size in sizes],
                    "previous_test_f1_by_size": [test(previous, k, size) for size in sizes],
                    "claims": len({gold[i] for i in parts[k]}), "headlines": len(parts[k])})
    shipped = max(range(len(grid)), key=lambda s: train(s, None))

    def by_size(s: int) -> list[float]:
        return [float(np.mean([whole[s][b] for b, batch in enumerate(batches) if len(batch) == size]))
                for size in sizes]

    return {"batch_sizes_in_folds": list(sizes),
            "batch_headlines": [float(np.mean([sum(len(parts[f]) for f in c) for c in batches if len(c) == size]))
                                for size in sizes],
            "held_out_f1_by_size": [float(np.mean([o["test_f1_by_size"][i] for o in out])) for i in range(folds)],
            "previous_held_out_f1_by_size": [float(np.mean([o["previous_test_f1_by_size"][i] for o in out]))
                                             for i in range(folds)],
            "folds": out, "previous": PREVIOUS_GROUPING, "best_on_all": grid[shipped],
            "best_on_all_f1_by_size": by_size(shipped), "previous_f1_by_size": by_size(previous),
            "grid_size": len(grid)}


def headline_predicates(texts: Sequence[str]) -> list[Any]:
    """What each headline predicates (nlp.predicates.PredicateWords), read from its parse by the pipeline extraction
    runs (its entity recogniser off, as claims.predicates.parse_predicates): what extraction would record for an
    article whose one statement is the headline."""
    from claimgraph.nlp import load_pipeline
    from claimgraph.nlp.predicates import predicate_words

    nlp = load_pipeline()
    off = [name for name in ("ner",) if name in nlp.pipe_names]
    return [predicate_words(doc) for doc in nlp.pipe(list(texts), disable=off, batch_size=256)]


# Measured (session 17, `join-cv-predicates`, GroupKFold, B-cubed F1 by batch of 1..5 folds): 0.5877 / 0.5827 /
# 0.5778 / 0.5750 / 0.5726 against 0.9313 / 0.9137 / 0.9035 / 0.8968 / 0.8920 as shipped (with the articles but
# without the predicates test: the same five). Recall falls to about 0.42: a headline says its claim in a verb of its
# own ("dies" / "found dead" / "passed away"), and a Title Case headline parses as a string of names; of the
# candidate pairs of the whole split the test refuses 70% of those of one claim and 81% of siblings. Softer forms,
# measured with scratch switches and not shipped (each loses more than 0.001 at three folds): the test only where both
# headlines are `predicates.readable` 0.9078 / 0.8995 / 0.8898 / 0.8841 / 0.8794; a pair's similarity less 0.05 where
# no predicate of either is among the other's coarse stems 0.9342 / 0.9138 / 0.9013 / 0.8971 / 0.8934; the share of
# such pairs between two groups as a join feature, or subtracted from their average, lost at one to three folds.
def grouped(texts: Sequence[str], predicates: Sequence[Any] | None = None) -> np.ndarray:
    """`group_statements` of these headlines: as one article's statements with no article passed (`predicates`
    None: the shipped figures), or each headline its own outlet's article with its `predicates` (as `link-claims`
    groups statements of different articles: the predicates test across articles applies)."""
    if predicates is None:
        return group_statements(texts)
    return group_statements(texts, sources=list(range(len(texts))), predicates=predicates)


def join_examples(texts: Sequence[str], gold: Sequence[str],
                  predicates: Sequence[Any] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The joins average linkage attempts when it groups these statements as one batch (those whose average reaches
    the link: semantic.join_features, by the shipped rules) and whether each puts one claim together (the two
    groups' commonest gold claims are the same): what the learned join test (semantic.JOIN_P) is trained on. With
    `predicates` (`headline_predicates`), each statement is its own article and the candidate pairs are those the
    evidence tests keep (evidence.evidenced: the predicates test across articles), as `grouped` groups them."""
    from claimgraph.claims import evidence, semantic, vectors
    from claimgraph.claims.canonical import canonical_order

    order = canonical_order(texts)   # as link_restatements orders them (each headline its own source or none)
    texts, gold = [texts[i] for i in order], [gold[i] for i in order]
    predicates = None if predicates is None else [predicates[i] for i in order]
    trace: list[tuple[int, int, list[float], bool]] = []
    words, emb, info = vectors.statement_vectors(texts)
    link = semantic.link_for(len(texts))
    pairs, sims = semantic.candidate_pairs(words, emb, info, link)
    if predicates is not None:
        pairs, sims = evidence.evidenced(texts, pairs, sims, words, emb, info, list(range(len(texts))), link,
                                         predicates)
    pairs, sims = semantic.neighbourly(len(texts), pairs, sims)   # as link_restatements groups them
    semantic.average_linkage(len(texts), pairs, sims, words, emb, link, trace=trace)
    members = {i: Counter([gold[i]]) for i in range(len(texts))}
    x, y = [], []
    for big, small, features, joined in trace:
        x.append(features)
        y.append(members[big].most_common(1)[0][0] == members[small].most_common(1)[0][0])
        if joined:
            members[big].update(members.pop(small))
    return np.asarray(x, dtype=np.float64).reshape(-1, len(semantic.JOIN_FEATURES)), np.asarray(y, dtype=int)


def fit_join(examples: Sequence[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, float]:
    """A logistic regression (C = 1, standardised features, seed 0) over join examples, as weights and intercept on
    the unscaled features."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    x = np.concatenate([e[0] for e in examples])
    y = np.concatenate([e[1] for e in examples])
    scaler = StandardScaler().fit(x)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    model = LogisticRegression(C=1.0, max_iter=5000, random_state=0).fit((x - scaler.mean_) / scale, y)
    weights = model.coef_[0] / scale
    return weights, float(model.intercept_[0] - np.dot(weights, scaler.mean_))


def train_join(rows: Sequence[Row], out: Path | None = None, folds: int = FOLDS) -> dict[str, Any]:
    """The shipped join model: trained on the join examples of every batch of the folds of these rows (the shared
    split: 31 batches, from each fold alone to the whole split), with the cohesion test alone deciding (JOIN_P off),
    written as arrays (weights.npz: weights, intercept, features; no pickle) to `out` (semantic.JOIN_DIR)."""
    from claimgraph.claims import semantic

    parts = claim_folds(rows, folds)
    saved = semantic.JOIN_P
    semantic.JOIN_P = None
    try:
        examples = []
        for batch in fold_batches(folds):
            idx = np.concatenate([parts[f] for f in batch])
            examples.append(join_examples([rows[i].headline for i in idx], [rows[i].claim_id for i in idx]))
    finally:
        semantic.JOIN_P = saved
    weights, intercept = fit_join(examples)
    out = Path(out or semantic.JOIN_DIR)
    out.mkdir(parents=True, exist_ok=True)
    np.savez(out / "weights.npz", weights=weights, intercept=np.float64(intercept),
             features=np.asarray(semantic.JOIN_FEATURES))
    return {"examples": int(sum(len(e[1]) for e in examples)),
            "one_claim": float(np.mean(np.concatenate([e[1] for e in examples]))),
            "weights": dict(zip(semantic.JOIN_FEATURES, weights.round(4).tolist())), "intercept": intercept,
            "written": str(out / "weights.npz")}


def cross_validate_join(rows: Sequence[Row], seeds: Sequence[int | None] = (None, 1, 2),
                        folds: int = FOLDS, predicates: Sequence[Any] | None = None) -> dict[str, Any]:
    """The learned join test held out, beside the shipped grouping without it, by batch size, for each split by
    claim (None: GroupKFold, else shuffled_claim_folds with that seed). For each held-out fold a join model is
    trained on the batches of the other folds only (their join examples, with the test off) and the fold's headlines
    are scored in every batch that holds it (as tune_grouping's held-out figures); JOIN_P stays as set. With
    `predicates` (each row's, `headline_predicates`), every headline is its own article (`grouped`), for training
    and scoring alike."""
    from claimgraph.claims import semantic

    saved_p, saved_model = semantic.JOIN_P, semantic.JOIN_MODEL
    gold = [r.claim_id for r in rows]
    batches = fold_batches(folds)
    out = []
    try:
        for seed in seeds:
            parts = claim_folds(rows, folds) if seed is None else shuffled_claim_folds(rows, seed, folds)
            index = [np.concatenate([parts[f] for f in batch]) for batch in batches]
            at = [np.cumsum([0] + [len(parts[f]) for f in batch]) for batch in batches]
            said = [None if predicates is None else [predicates[i] for i in idx] for idx in index]
            semantic.JOIN_P = None
            examples = [join_examples([rows[i].headline for i in idx], [gold[i] for i in idx], p)
                        for idx, p in zip(index, said)]
            without = [grouped([rows[i].headline for i in idx], p) for idx, p in zip(index, said)]
            semantic.JOIN_P = saved_p
            held = np.zeros((folds, folds))
            before = np.zeros((folds, folds))
            for k in range(folds):
                semantic.JOIN_MODEL = fit_join([e for e, b in zip(examples, batches) if k not in b])
                scores: dict[int, list[float]] = defaultdict(list)
                base: dict[int, list[float]] = defaultdict(list)
                for b, batch in enumerate(batches):
                    if k not in batch:
                        continue
                    m = batch.index(k)
                    items = np.arange(at[b][m], at[b][m + 1])
                    g = [gold[i] for i in index[b]]
                    scores[len(batch)].append(bcubed(g, grouped([rows[i].headline for i in index[b]], said[b]),
                                                     items)[2])
                    base[len(batch)].append(bcubed(g, without[b], items)[2])
                held[k] = [np.mean(scores[size]) for size in range(1, folds + 1)]
                before[k] = [np.mean(base[size]) for size in range(1, folds + 1)]
            out.append({"split": "GroupKFold" if seed is None else f"claims shuffled, seed {seed}",
                        "held_out_f1_by_size": held.mean(axis=0).round(4).tolist(),
                        "without_f1_by_size": before.mean(axis=0).round(4).tolist(),
                        "by_fold": held.round(4).tolist(), "by_fold_without": before.round(4).tolist()})
    finally:
        semantic.JOIN_P, semantic.JOIN_MODEL = saved_p, saved_model
    mean = np.mean([o["held_out_f1_by_size"] for o in out], axis=0)
    mean_without = np.mean([o["without_f1_by_size"] for o in out], axis=0)
    return {"join_p": saved_p, "splits": out, "mean_held_out_f1_by_size": mean.round(4).tolist(),
            "mean_without_f1_by_size": mean_without.round(4).tolist(),
            "gain_by_size": (mean - mean_without).round(4).tolist()}


if __name__ == "__main__":
    # python -m claimgraph.eval.emergent DIR [join | join-cv | join-cv-predicates]: grouping settings by folds;
    # `join` trains and writes the learned join test, `join-cv` scores it held out, `join-cv-predicates` the same
    # with each headline its own article and the predicates test across articles (issue 12, session 17)
    import json
    import sys

    data = read_emergent(Path(sys.argv[1]))
    command = sys.argv[2] if len(sys.argv) > 2 else "tune"
    if command == "join":
        print(json.dumps(train_join(data), indent=1))
    elif command == "join-cv":
        print(json.dumps(cross_validate_join(data), indent=1))
    elif command == "join-cv-predicates":   # each headline its own article, its predicates from its parse
        print(json.dumps(cross_validate_join(data, predicates=headline_predicates([r.headline for r in data])),
                         indent=1))
    else:
        print(json.dumps(tune_grouping(data), indent=1))
