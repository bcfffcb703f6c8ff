"""The FNC-1 score, macro-F1 and per-class F1, computed exactly as ../shared/tools/score_fnc.py does.

Each pair earns 0.25 when related/unrelated is right and 0.75 more when a related pair's exact stance is right;
the score is reported as a percentage of the best possible. Rounding matches the reference scorer, so numbers
can be compared digit for digit (tests/claims/test_stance_model.py runs both on the same predictions).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

LABELS: tuple[str, ...] = ("agree", "disagree", "discuss", "unrelated")


def _row(r: Any) -> tuple[str, str, str]:
    """(Headline, Body ID, stance) from a CSV dict, a (headline, body_id, stance) tuple or a Pair."""
    if isinstance(r, Mapping):
        return r["Headline"], str(r["Body ID"]), str(r["Stance"]).strip().lower()
    if hasattr(r, "headline"):
        return r.headline, str(r.body_id), str(r.stance).strip().lower()
    h, b, s = r
    return h, str(b), str(s).strip().lower()


def score(gold_rows: Iterable[Any], pred_rows: Iterable[Any]) -> dict[str, Any]:
    """Score predicted rows against gold rows, pair by pair in row order.

    Rows are dicts with `Headline`, `Body ID`, `Stance` (as csv.DictReader gives them), 3-tuples or `Pair`s.
    Returns {"fnc_pct", "macro_f1", "f1": {label: f1}, "n"}; raises ValueError when the rows do not line up.
    """
    gold = [_row(r) for r in gold_rows]
    pred = [_row(r) for r in pred_rows]
    if len(gold) != len(pred) or any(g[:2] != p[:2] for g, p in zip(gold, pred)):
        raise ValueError("prediction rows do not line up with the gold rows")
    return score_labels([g[2] for g in gold], [p[2] for p in pred])


def score_labels(gold: Sequence[str], pred: Sequence[str]) -> dict[str, Any]:
    """The same figures from two aligned label lists (no row check)."""
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold labels but {len(pred)} predictions")
    total = best = 0.0
    conf = {(a, b): 0 for a in LABELS for b in LABELS}
    for g, p in zip(gold, pred):
        conf[(g, p)] = conf.get((g, p), 0) + 1
        best += 0.25 if g == "unrelated" else 1.0
        if (g == "unrelated") == (p == "unrelated"):
            total += 0.25
            if g != "unrelated" and g == p:
                total += 0.75
    f1 = {}
    for c in LABELS:
        tp = conf[(c, c)]
        fp = sum(conf[(o, c)] for o in LABELS if o != c)
        fn = sum(conf[(c, o)] for o in LABELS if o != c)
        f1[c] = round(2 * tp / (2 * tp + fp + fn), 4) if tp else 0.0
    # The reference divides by `best` unguarded; an empty input would crash it, here it scores 0.
    return {"fnc_pct": round(100 * total / best, 2) if best else 0.0, "macro_f1": round(sum(f1.values()) / 4, 4),
            "f1": f1, "n": len(gold)}


def confusion(gold: Sequence[str], pred: Sequence[str]) -> dict[str, dict[str, int]]:
    """gold label -> predicted label -> count, for printing where the errors are."""
    table = {g: {p: 0 for p in LABELS} for g in LABELS}
    for g, p in zip(gold, pred):
        table[g][p] += 1
    return table
