"""A canonical order of statements from their content, so that claim grouping is a function of the set of
statements, not of the order they came in.

The semantic step reads its statements in an order in several places: the exact candidate step kept each
statement's strongest partners among the statements after it (semantic.candidate_pairs, before session 21), the
shared-neighbours test and average linkage break ties of similarity by position (semantic.shared_neighbours,
semantic.average_linkage), and evidence tests and the article rules' groups are listed in it. Fed the same
statements in another order (a folder listed differently, a feed, Spark partitions), the claims changed:
Emergent's shared split grouped at once read B-cubed F1 0.8955 to 0.9018 over its file order and four shuffles.
Grouping them in `canonical_order` instead of their input order makes every such choice one of their content
(session 21: one figure for every order).

The order is a stable hash of each statement's text, then its source (the article: two statements of the same
words in different articles), not the texts sorted: a hash scatters statements like a shuffle, and it is the same on
every machine and Python (not `hash`, which is salted per process). The source only orders statements of one text,
so sources that are mere positions (eval.emergent.grouped: each headline its own article) move nothing else.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

import numpy as np


def statement_key(text: str, source: Any = None) -> tuple[bytes, str, str]:
    """A statement's place in the canonical order: the BLAKE2b digest of its text, then the text itself and its
    source (two statements of one text and one source are interchangeable)."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest(), text, "" if source is None else str(source)


def canonical_order(texts: Sequence[str], sources: Sequence[Any] | None = None) -> np.ndarray:
    """The permutation that puts statements (`texts`, with each one's article in `sources` when given) in their
    canonical order: `order[k]` is the input position of the k-th statement. The same set of statements in any input
    order gives the same sequence of (text, source)."""
    keys = [statement_key(t or "", None if sources is None else sources[i]) for i, t in enumerate(texts)]
    return np.asarray(sorted(range(len(texts)), key=keys.__getitem__), dtype=np.int64)
