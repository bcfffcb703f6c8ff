"""The tagger's CNN encoder at run time without the rows no tagged token reads: the same scores, bit for bit.

spaCy's MaxoutWindowEncoder joins the pieces of a batch into one array with `pad` (12) zero rows around each piece,
so that pieces do not see each other, and runs its residual window layers (4, each reading ±3 rows) over every row.
A token's output reads rows within 3 of it at the last layer's input, within 6 at the one before, and so on: the
last layer needs only the pieces' own rows, the third only the rows within 3 of them; and in the first layer a
padding row whose window holds only padding has the output of an all-zero window, the same for all. Over the 150
FNC-1 bodies of benchmarks/speed.py (513 pieces, 17,955 tokens) that leaves 84,132 of the encoder's 96,924 rows
to compute: the tagger's network 1.94 -> 1.76 and 2.00 -> 1.83 s CPU (two runs on the shared machine, each the
median of 9, alternating).

`trim_encoder` swaps the encoder's forward for one that computes each layer only on the rows later layers read.
Each row's arithmetic is the one the stock forward does (the same `seq2col` over the whole array, then the same
maxout, layer norm and residual sum on those rows: a matrix product's row and a row's mean and variance do not
depend on the other rows), so every score is the same (tests/core/test_speed_trimmed_encoder.py). Training
(`is_train`) and any other layout run the stock forward; the weights and what `to_disk` writes are unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy
from thinc.api import Model
from thinc.layers.with_array import forward as with_array_forward


def trim_encoder(model: Model) -> bool:
    """Give every window encoder in `model` the trimmed forward (in place); whether one was found."""
    encoders = [node for node in model.walk() if _window_blocks(node) is not None]
    for encoder in encoders:  # the same name, layers, dimensions and attributes: the same weights and bytes
        model.replace_node(encoder, Model(encoder.name, _trimmed_forward, init=encoder.init,
                                          layers=list(encoder.layers), attrs=dict(encoder.attrs),
                                          dims={name: encoder.maybe_get_dim(name) for name in encoder.dim_names}))
    return bool(encoders)


def _window_blocks(node: Model) -> list[tuple[int, list[Model]]] | None:
    """(window, the layers after the window) of each residual block of a padded `with_array` over
    `residual(expand_window >> …)` blocks, as spaCy's MaxoutWindowEncoder builds it; None for any other node."""
    if not node.name.startswith("with_array(") or node.attrs.get("pad", 0) <= 0 or len(node.layers) != 1:
        return None
    body = node.layers[0]  # one block, or a chain of them (thinc's clone)
    blocks = body.layers if body.layers and all(b.name.startswith("residual(") for b in body.layers) else [body]
    found = []
    for block in blocks:
        if not block.name.startswith("residual(") or len(block.layers) != 1:
            return None
        inner = block.layers[0].layers
        if len(inner) < 2 or inner[0].name != "expand_window":
            return None
        found.append((int(inner[0].attrs["window_size"]), list(inner[1:])))
    return found


def _trimmed_forward(model: Model, Xs: Any, is_train: bool) -> tuple[Any, Callable]:
    blocks = _window_blocks(model)
    lengths = [len(x) for x in Xs] if isinstance(Xs, list) else []
    if is_train or blocks is None or not any(lengths) or not all(isinstance(x, numpy.ndarray) for x in Xs):
        return with_array_forward(model, Xs, is_train)  # training, another layout, or arrays on a GPU
    pad = model.attrs["pad"]
    X = model.ops.flatten(Xs, pad=pad)
    pieces = _piece_rows(lengths, pad)
    for k, ((window, layers), rows) in enumerate(zip(blocks, _rows_read(pieces, [w for w, _ in blocks]))):
        columns = model.ops.seq2col(X, window)  # as expand_window reads the whole array
        out = X.copy()  # rows not computed keep the previous layer's values: no row computed later reads them
        if k == 0:
            # The first layer reads the padding's zero rows as they are: a row whose window holds only those has
            # the output of an all-zero window, computed once.
            blank = rows & ~_widened(pieces, window)
            rows = rows & ~blank
            if blank.any():
                out[blank] = X[blank] + _predict(layers, numpy.zeros_like(columns[:1]))
        if rows.all():
            out = X + _predict(layers, columns)
        else:
            out[rows] = X[rows] + _predict(layers, columns[rows])
        X = out

    def backprop(_dY: Any) -> Any:
        raise NotImplementedError("the trimmed encoder only predicts (training runs the stock forward)")

    return model.ops.unflatten(X, model.ops.asarray1i(lengths), pad=pad), backprop


def _predict(layers: list[Model], X: Any) -> Any:
    for layer in layers:
        X = layer.predict(X)
    return X


def _piece_rows(lengths: list[int], pad: int) -> numpy.ndarray:
    """The pieces' own rows in `ops.flatten(…, pad=pad)`'s array (which leaves empty pieces out, padding too)."""
    rows = numpy.zeros(sum(lengths) + pad * (sum(1 for n in lengths if n) + 1), dtype=bool)
    start = pad
    for n in lengths:
        if n:
            rows[start:start + n] = True
            start += n + pad
    return rows


def _rows_read(pieces: numpy.ndarray, windows: list[int]) -> list[numpy.ndarray]:
    """Per layer, the rows whose output a piece's token reads in the end: the last layer's are the pieces' own
    rows, each earlier layer's those within the next layer's window of them."""
    masks = [pieces]
    for window in reversed(windows[1:]):
        masks.append(_widened(masks[-1], window))
    return masks[::-1]


def _widened(mask: numpy.ndarray, window: int) -> numpy.ndarray:
    """Rows within `window` of a True row."""
    counts = numpy.concatenate([[0], numpy.cumsum(mask)])
    index = numpy.arange(len(mask))
    return counts[numpy.minimum(index + window + 1, len(mask))] - counts[numpy.maximum(index - window, 0)] > 0
