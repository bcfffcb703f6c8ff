"""The tagger's decoding (learned/viterbi.py) gives the labels of the plain numpy recurrence it replaced, on random
scores, long runs of certain O (what the tagger writes outside its windows), ties and whitespace; and on the
shipped model's transitions."""

import numpy
import pytest

from claimgraph.attribution.learned import MODEL_DIR
from claimgraph.attribution.learned.bio import LABELS
from claimgraph.attribution.learned.viterbi import _B, _I, decode, load_transitions


def reference_viterbi(emit, trans):
    n, k = emit.shape
    score = trans[-1] + emit[0]
    back = numpy.zeros((n, k), dtype="int64")
    for t in range(1, n):
        cand = score[:, None] + trans[:-1]
        back[t] = cand.argmax(axis=0)
        score = cand.max(axis=0) + emit[t]
    path = [int(score.argmax())]
    for t in range(n - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    return path[::-1]


def reference_decode(probs, transitions, weight=1.0, skip=None, o_bias=0.0):
    n = len(probs)
    keep = [i for i in range(n) if not (skip is not None and skip[i])]
    out = [0] * n
    if not keep:
        return out
    p = probs[keep]
    role_p = numpy.concatenate([p[:, :1], p[:, _B] + p[:, _I]], axis=1)
    log_p = numpy.log(numpy.clip(role_p, 1e-9, 1.0))
    log_p[:, 0] -= o_bias
    roles = list(log_p.argmax(axis=1)) if transitions is None or weight == 0 else reference_viterbi(
        log_p, weight * transitions)
    prev_role = 0
    for pos, (i, role) in enumerate(zip(keep, roles)):
        if role == 0:
            out[i] = 0
        else:
            b, inside = _B[role - 1], _I[role - 1]
            out[i] = b if prev_role != role or p[pos, b] > p[pos, inside] else inside
        prev_role = role
    for prev_i, next_i in zip(keep, keep[1:]):
        if next_i - prev_i > 1 and LABELS[out[next_i]].startswith("I-"):
            for i in range(prev_i + 1, next_i):
                out[i] = out[next_i]
    return out


def shipped_transitions():
    loaded = load_transitions(MODEL_DIR / "transitions.json")
    if loaded is None:
        pytest.skip("no shipped tagger")
    return loaded


def random_scores(rng, n):
    scores = rng.dirichlet(numpy.full(len(LABELS), 0.3), size=n).astype("float32")
    for _ in range(3):  # runs of certain O, as outside the tagger's windows
        start = int(rng.integers(0, n))
        scores[start:start + int(rng.integers(1, 60))] = numpy.eye(len(LABELS), dtype="float32")[0]
    scores[rng.integers(0, n, size=n // 10)] = numpy.float32(1 / len(LABELS))  # exact ties
    return scores


def test_decode_matches_the_numpy_recurrence_on_random_scores():
    matrix, weight, o_bias = shipped_transitions()
    rng = numpy.random.default_rng(7)
    for trial in range(200):
        n = int(rng.integers(1, 300))
        scores = random_scores(rng, n)
        skip = rng.random(n) < 0.15
        flat = numpy.zeros_like(matrix)  # every transition alike: ties between previous states everywhere
        for args in ((matrix, weight, skip, o_bias), (matrix, 1.0, None, 0.0), (None, 1.0, skip, o_bias),
                     (flat, 1.0, skip, 0.0)):
            assert decode(scores, *args) == reference_decode(scores, *args), trial


def test_decode_of_nothing_and_of_whitespace_only():
    matrix, weight, o_bias = shipped_transitions()
    empty = numpy.zeros((0, len(LABELS)), dtype="float32")
    assert decode(empty, matrix, weight, skip=None, o_bias=o_bias) == []
    spaces = random_scores(numpy.random.default_rng(1), 5)
    assert decode(spaces, matrix, weight, skip=numpy.ones(5, dtype=bool), o_bias=o_bias) == [0] * 5


def test_decoding_around_the_windows_gives_the_whole_documents_labels():
    """decode_ranges (what the windowed tagger runs) against decode of the whole document: random scores inside
    random ranges, certain O outside them, whitespace anywhere (also whole gaps of it between two ranges), ties."""
    from claimgraph.attribution.learned.viterbi import decode_ranges

    matrix, weight, o_bias = shipped_transitions()
    rng = numpy.random.default_rng(11)
    certain_o = numpy.eye(len(LABELS), dtype="float32")[0]
    checked = 0
    for trial in range(300):
        n = int(rng.integers(1, 400))
        cuts = sorted(set(rng.integers(0, n + 1, size=int(rng.integers(0, 9))).tolist()))
        ranges = [(a, b) for a, b in zip(cuts[::2], cuts[1::2]) if b > a]
        inside = random_scores(rng, n)
        scores = numpy.tile(certain_o, (n, 1))
        for a, b in ranges:
            scores[a:b] = inside[a:b]
        skip = rng.random(n) < 0.15
        for a, b in zip(ranges, ranges[1:]):
            if rng.random() < 0.3:
                skip[a[1]:b[0]] = True  # only whitespace between two windows: decoded as one
        for args in ((matrix, weight, skip, o_bias), (matrix, 1.0, None, 0.0), (None, 1.0, skip, o_bias),
                     (matrix, weight, skip, 2.0)):
            assert decode_ranges(scores, ranges, *args) == decode(scores, *args), trial
            checked += 1
    assert checked == 1200
    # Transitions whose spread could outweigh the floor emission: the whole document is decoded.
    steep = matrix * 10
    scores = numpy.tile(certain_o, (40, 1))
    scores[10:20] = random_scores(rng, 10)
    assert decode_ranges(scores, [(10, 20)], steep, 1.0) == decode(scores, steep, 1.0)
