"""Sequence decoding of the tagger's per-token probabilities into BIO labels.

The tagger scores each token on its own, so a long content comes out choppy ("I I O I I"), and a content cut in
pieces no longer matches its gold span (the scorer needs half of the larger span to overlap). Decoding in two
steps fixes most of that:
1. Roles (O, SOURCE, CUE, CONTENT) by Viterbi over the summed B+I probability of each role, with role-bigram
   transitions estimated on the training labels and scaled by `weight` (tuned on dev; 0 = per-token argmax).
   Summing B and I matters: an undertrained tagger often puts the first token of a span on I, and a strict BIO
   Viterbi then drops the whole span (measured on dev: fewer predictions and lower F1).
2. Inside a run of one role, a token whose B probability beats its I probability starts a new span, so two
   adjacent contents (or a source list) stay apart.
Whitespace tokens are skipped and inherit the role around them, so "...\\n\\n..." does not cut a span.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy

from claimgraph.attribution.learned.bio import LABELS, ROLES

ROLE_STATES = ("O",) + ROLES
# Column indices of each role's B and I labels in LABELS (O has only itself).
_B = [LABELS.index(f"B-{r}") for r in ROLES]
_I = [LABELS.index(f"I-{r}") for r in ROLES]


def _role_of(tag: str) -> int:
    return 0 if tag == "O" else ROLE_STATES.index(tag[2:])


def estimate_transitions(tag_sequences: Iterable[Sequence[str]], smoothing: float = 1.0) -> numpy.ndarray:
    """log P(next role | previous role) from gold label sequences; the last row is the start of a document."""
    k = len(ROLE_STATES)
    counts = numpy.full((k + 1, k), smoothing)
    for tags in tag_sequences:
        prev = k
        for tag in tags:
            counts[prev, _role_of(tag)] += 1
            prev = _role_of(tag)
    return numpy.log(counts / counts.sum(axis=1, keepdims=True))


def decode(probs: numpy.ndarray, transitions: numpy.ndarray | None, weight: float = 1.0,
           skip: Sequence[bool] | None = None, o_bias: float = 0.0) -> list[int]:
    """Label ids (indices into LABELS) for one doc; see the module docstring.

    `o_bias` is subtracted from the log-probability of O: above 0 it trades precision for recall (the tagger
    under-predicts spans; tuned on dev). `skip` (per token, e.g. `doc.to_array(IS_SPACE)`) marks whitespace.
    """
    n = len(probs)
    keep = numpy.arange(n) if skip is None else numpy.flatnonzero(~numpy.asarray(skip, dtype=bool))
    out = numpy.zeros(n, dtype="int64")
    if not len(keep):
        return out.tolist()
    p = probs[keep]
    role_p = numpy.concatenate([p[:, :1], p[:, _B] + p[:, _I]], axis=1)
    log_p = numpy.log(numpy.clip(role_p, 1e-9, 1.0))
    log_p[:, 0] -= o_bias
    if transitions is None or weight == 0:
        roles = log_p.argmax(axis=1)
    else:
        roles = numpy.asarray(_viterbi(log_p, weight * transitions), dtype="int64")
    # A token of a role starts a span where the role changes or where its B probability beats its I probability.
    previous = numpy.concatenate([[0], roles[:-1]])
    b_col = numpy.asarray([0] + _B)[roles]
    i_col = numpy.asarray([0] + _I)[roles]
    rows = numpy.arange(len(keep))
    starts = (previous != roles) | (p[rows, b_col] > p[rows, i_col])
    out[keep] = numpy.where(roles == 0, 0, numpy.where(starts, b_col, i_col))
    inside_labels = {k for k, label in enumerate(LABELS) if label.startswith("I-")}
    for gap in numpy.flatnonzero(numpy.diff(keep) > 1):  # whitespace inside one span takes the span's I label
        prev_i, next_i = int(keep[gap]), int(keep[gap + 1])
        if int(out[next_i]) in inside_labels:
            out[prev_i + 1:next_i] = out[next_i]
    return out.tolist()


# log of the probability floor decode() clips to: the emission of a role the tagger gave probability 0
_FLOOR = float(numpy.log(numpy.float64(1e-9)))


def decode_ranges(probs: numpy.ndarray, ranges: Sequence[tuple[int, int]], transitions: numpy.ndarray | None,
                  weight: float = 1.0, skip: Sequence[bool] | None = None, o_bias: float = 0.0) -> list[int]:
    """decode() of a doc whose rows outside `ranges` (token [start, end), ascending) are O with probability 1, as
    the windowed tagger leaves them (windows.py): the same labels, decoded only around the ranges.

    Why it is the same: on such a row every other role has the floor emission log(1e-9) = -20.7, far below what
    the transitions can give back (at most 2 x weight x their spread: 3.5 with the shipped ones), so the best path
    takes O there and every backpointer after it points to O. The path then falls apart at each such row: each
    range is decoded from the certain-O row before it (else from the document's start) to the one after it (else
    to the end). The sums inside differ from the whole-document run by a constant, so only an exact tie between
    two paths could decide differently. Where the bound does not hold, the whole document is decoded."""
    n = len(probs)
    if transitions is None or weight == 0 or not n:
        return decode(probs, transitions, weight, skip, o_bias)
    spread = float(weight * (transitions.max() - transitions.min()))
    if 2 * spread + o_bias >= -_FLOOR:
        return decode(probs, transitions, weight, skip, o_bias)
    real = numpy.arange(n) if skip is None else numpy.flatnonzero(~numpy.asarray(skip, dtype=bool))
    out = [0] * n
    segments: list[list[int]] = []
    for start, end in ranges:
        before = numpy.searchsorted(real, start) - 1  # the last real token before the range
        after = numpy.searchsorted(real, end)  # the first real token after it
        low = int(real[before]) if before >= 0 else 0
        high = int(real[after]) + 1 if after < len(real) else n
        if segments and low < segments[-1][1]:
            segments[-1][1] = max(segments[-1][1], high)
        else:
            segments.append([low, high])
    for low, high in segments:
        out[low:high] = decode(probs[low:high], transitions, weight,
                               None if skip is None else skip[low:high], o_bias)
    return out


def _viterbi(emit: numpy.ndarray, trans: numpy.ndarray) -> list[int]:
    """Best state path; trans rows are previous states plus a start row, columns next states.

    Plain Python floats over the few states: the same float64 sums and the same first-best tie rule as the numpy
    recurrence (score[:, None] + trans, argmax/max over previous states), several times faster at four states.
    """
    n, k = emit.shape
    rows = emit.tolist()  # float32 -> float: exact, as numpy's float32 + float64 promotion is
    table = trans.tolist()
    start, steps = table[-1], [list(column) for column in zip(*table[:-1])]  # steps[next][previous]
    score = [s + e for s, e in zip(start, rows[0])]
    back: list[list[int]] = []
    states = range(k)
    for t in range(1, n):
        emit_t = rows[t]
        new, pointers = [], []
        for j in states:
            column = steps[j]
            best, arg = score[0] + column[0], 0
            for i in range(1, k):
                value = score[i] + column[i]
                if value > best:
                    best, arg = value, i
            new.append(best + emit_t[j])
            pointers.append(arg)
        score = new
        back.append(pointers)
    state = max(states, key=lambda j: (score[j], -j))  # the first of equal best scores, as argmax
    path = [state]
    for pointers in reversed(back):
        state = pointers[state]
        path.append(state)
    return path[::-1]


def save_transitions(path: Path, transitions: numpy.ndarray, weight: float, o_bias: float = 0.0) -> None:
    path.write_text(json.dumps({"states": list(ROLE_STATES), "weight": weight, "o_bias": o_bias,
                                "log_p": transitions.round(5).tolist()}, indent=1))


def load_transitions(path: Path) -> tuple[numpy.ndarray, float, float] | None:
    """(log transition matrix, weight, o_bias) as saved by training; None where the file is absent."""
    if not path.exists():
        return None
    data = json.loads(path.read_text())
    return numpy.asarray(data["log_p"], dtype="float64"), float(data["weight"]), float(data.get("o_bias", 0.0))
