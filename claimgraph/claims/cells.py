"""Candidate pairs of the semantic step above semantic.EXACT_MAX statements, found without comparing all pairs.

A pair can reach the semantic step's link only by sharing words, and the words that make a pair similar are the
rare ones, which carry most of a statement's weight (TF x IDF^p). So each statement is put in a block for each of
its SIGNATURE heaviest word-half entries (of those that another statement has) and for each pair of them, and
compared only inside its blocks: with every member of a small block, with its next WINDOW members (ordered by a
MinHash of their signatures, so statements that share most of it sit side by side) in a big one. The pairs
compared grow as n x SIGNATURE^2 x WINDOW at most, not n^2; each distinct pair is scored exactly (words and
embeddings), those below the link are dropped, and each statement keeps its strongest among the statements that
come after it by their words (`top_per_statement`; the exact path keeps the strongest of either statement of a pair,
which here measured a lower synthetic precision at 1M). Blocks, windows and what is kept depend on the statements'
words, not on their order in the input.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

from claimgraph.claims import anchors

SIGNATURE = 4       # a statement's heaviest word-half entries (its rarest words and stems) it is blocked by
WINDOW = 24         # in a block (one entry's statements), each statement meets its next WINDOW (all in a small one)
CHUNK = 400_000     # pairs scored at once


def block_pairs(words: sparse.csr_matrix, emb: np.ndarray, info: np.ndarray, link: float,
                neighbours: int, anchor: sparse.csr_matrix | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j) sharing a word whose similarity (word dot + embedding dot) reaches `link` and that are
    anchors.anchored (`info`: the information of each column of `words`), among the `neighbours` strongest of the
    one of the two that comes first by its words (`top_per_statement`), found inside blocks (`candidates`) and
    scored in chunks of CHUNK."""
    n = words.shape[0]
    info = info.astype(np.float32)
    present = (words != 0).astype(np.float32).tocsr()
    anchor = present if anchor is None else anchor.tocsr()   # the entries shared information counts (anchor_rows)
    own = present @ info   # each statement's information, by part (stems, coarse stems, count of stems)
    content = content_order(words)
    key = candidates(words, content)
    found_pairs, found_sims = [np.zeros((0, 2), dtype=np.int64)], [np.zeros(0, dtype=np.float32)]
    for start in range(0, len(key), CHUNK):
        k = key[start:start + CHUNK]
        i, j = k // n, k % n
        both = words[i].multiply(words[j]).tocsr()   # the terms both hold (weights are positive)
        sims = np.asarray(both.sum(axis=1)).ravel()
        shared = sims > 0    # meaning alone never links
        meaning = np.einsum("ij,ij->i", emb[i], emb[j])
        sims = sims + meaning
        good = shared & (sims >= link)
        good &= ~anchors.one_word_apart(both.getnnz(axis=1), meaning)   # one word shared: meanings must agree
        shared_info = anchor[i].multiply(anchor[j]).tocsr() @ info    # specific words shared
        whole = (both != 0).astype(np.float32) @ info[:, 0]          # … and all words shared (short statements)
        good &= anchors.anchored(shared_info.T, own[i].T, own[j].T, meaning, whole=whole)
        found_pairs.append(np.stack([i[good], j[good]], axis=1))
        found_sims.append(sims[good].astype(np.float32))
    return top_per_statement(np.concatenate(found_pairs), np.concatenate(found_sims), neighbours, content)


def candidates(words: sparse.csr_matrix, content: np.ndarray | None = None) -> np.ndarray:
    """The distinct pairs compared, as i x n + j (i < j), sorted: the statements' blocks and windows (`content`:
    `content_order(words)`, computed here where the caller has not)."""
    n, m = words.shape
    lengths = np.diff(words.indptr)
    row = np.repeat(np.arange(n, dtype=np.int64), lengths)
    shared = np.bincount(words.indices, minlength=m)[words.indices] > 1   # an entry of one statement pairs nothing
    # each row's entries, those another statement shares first, heaviest first
    order = np.argsort(row * 3.0 + (1.0 - words.data.astype(np.float64)) + ~shared, kind="stable")
    rank = np.arange(len(order)) - np.repeat(words.indptr[:-1], lengths)
    pick = order[(rank < SIGNATURE) & shared[order]]    # by row, heaviest first
    term, member = words.indices[pick].astype(np.int64), row[pick]
    minhash = np.full(n, m, dtype=np.int64)          # a MinHash of each statement's signature: statements that share
    shuffled = np.random.default_rng(1).permutation(m)   # most of it sit side by side in a block
    np.minimum.at(minhash, member, shuffled[term])
    block, inside = [term], [member]
    for d in range(1, SIGNATURE):                    # the pairs of signature entries: blocks of statements that share
        same = np.flatnonzero(member[:-d] == member[d:])     # two rare words, small where one word's block is big
        lo, hi = np.minimum(term[same], term[same + d]), np.maximum(term[same], term[same + d])
        block.append(m + lo * m + hi)
        inside.append(member[same])
    block_ids, dense = np.unique(np.concatenate(block), return_inverse=True)
    member = np.concatenate(inside)
    del block, inside, block_ids
    # statements of one MinHash (near-copies) in the order of their words, not of the input: a window over them
    # then meets the same statements whatever the order (those of the same words are alike to every third one)
    content = content_order(words) if content is None else content
    o = np.lexsort((content[member], minhash[member], dense))
    term, member = dense[o], member[o]
    key = np.zeros(0, dtype=np.int64)
    batch: list[np.ndarray] = []
    for d in range(1, WINDOW + 2):
        same = np.flatnonzero(term[:-d] == term[d:]) if d <= WINDOW else np.zeros(0, dtype=np.int64)
        if len(same):
            a, b = member[same], member[same + d]
            batch.append(_distinct(np.minimum(a, b) * n + np.maximum(a, b)))
        if batch and (not len(same) or sum(map(len, batch)) > len(key) + len(term)):   # merged as they come: the
            key = _distinct(np.concatenate([key, *batch]))      # same pair met in several blocks is kept once
            batch = []
        if not len(same):
            break
    return key


def _distinct(keys: np.ndarray) -> np.ndarray:
    keys = np.sort(keys)
    return keys[np.r_[True, keys[1:] != keys[:-1]]] if len(keys) else keys


def content_order(words: sparse.csr_matrix) -> np.ndarray:
    """A number for each statement from its words alone (a random projection of its word row): statements of the
    same words get the same one, others almost surely differ, whatever their place in the input."""
    return words.astype(np.float64) @ np.random.default_rng(2).random(words.shape[1])


def top_per_statement(pairs: np.ndarray, sims: np.ndarray, neighbours: int,
                      content: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Of the pairs (i, j), those among the `neighbours` strongest of the statement of the two that comes first by
    its words (`content`: content_order), as the exact path once kept each row's strongest among the later statements;
    a pair of two statements of the same words counts for both. A pair is kept when its similarity reaches the
    `neighbours`-th strongest of its owner's pairs (all of them when it has fewer; ties all kept). Who owns it depends
    on the two statements' words, not on which comes first in the input, so a collection groups the same in any
    order (keeping the strongest of either statement did too, with a lower synthetic precision at 1M: section
    "Twentieth session" of docs/claims.md)."""
    if not len(pairs):
        return pairs, sims
    first, second = pairs[:, 0], pairs[:, 1]
    same = content[first] == content[second]
    owner = np.where(content[first] <= content[second], first, second)
    bar = nth_strongest(np.concatenate([owner, second[same]]), np.concatenate([sims, sims[same]]), neighbours,
                         int(pairs.max()) + 1)
    keep = (sims >= bar[owner]) | (same & (sims >= bar[second]))
    return pairs[keep], sims[keep]


def nth_strongest(node: np.ndarray, strength: np.ndarray, nth: int, n: int) -> np.ndarray:
    """Each statement's `nth` strongest of the similarities listed against it (`node`), -inf when it has fewer."""
    strength = strength.astype(np.float64)
    o = np.lexsort((-strength, node))
    node, strength = node[o], strength[o]
    rank = np.arange(len(node)) - np.searchsorted(node, node, side="left")
    bar = np.full(n, -np.inf)
    bar[node[rank == nth - 1]] = strength[rank == nth - 1]
    return bar
