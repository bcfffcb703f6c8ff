"""Syndicated copies: the same wire story, lightly edited, on several sites, recognised with MinHash LSH.

An article's body (from `body_start`, so headlines and datelines that each site rewrites do not count) is
lower-cased, split into words, and cut into overlapping 5-word shingles; a 128-permutation MinHash of that set
estimates the Jaccard similarity of two articles. `match` finds the stored story most similar to a new article and
returns it when the similarity reaches `threshold`; the service then stores the new article as another appearance
(outlet, URL, date) of that story, not as a story of its own: it is extracted too, and only the statements the
stored story lacks are kept, with that appearance (`service.statements_only_in_copy`).

The threshold is a setting (`--syndication-threshold`). Its default, 0.6, is chosen on `benchmarks/syndication.py`:
there precision is 1.0 at every threshold from 0.5 to 0.9, while recall of lightly edited copies (a byline and a
footer added, a sentence dropped, a few words changed) falls from 0.79 at 0.6 to 0.60 at 0.8, because 5-word
shingles make short articles lose similarity fast. Lower values join more heavily rewritten copies at a growing
risk of joining two stories that share long passages (the same statement quoted in full, a standard paragraph).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from datasketch import MinHash

from claimgraph.minhash import STORED_SCHEME, MinHashIndex, empty_signature, from_bytes, signature, to_bytes
from claimgraph.records import Article

if TYPE_CHECKING:
    from claimgraph.store import Store

DEFAULT_THRESHOLD = 0.6
NUM_PERM = 128
SHINGLE_WORDS = 5
_WORD = re.compile(r"\w+(?:['’]\w+)*")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The set of `size`-word shingles of `text`, lower-cased, punctuation dropped (a short text: itself whole)."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def minhash_of(text: str, num_perm: int = NUM_PERM, size: int = SHINGLE_WORDS) -> MinHash | None:
    """The MinHash of a text's shingles (the stored layout); None for a text without words (it can match nothing)."""
    return signature(shingles(text, size), num_perm, scheme=STORED_SCHEME)


class SyndicationIndex:
    """Near-duplicate lookup over stored stories; the `syndication` hook of `service.ingest_articles`.

    `threshold` is the estimated Jaccard similarity of 5-word shingle sets at or above which a new article is a
    copy of a stored story (default 0.6; see the module docstring and docs/ingest.md for the measured trade-off).
    """

    def __init__(self, threshold: float = DEFAULT_THRESHOLD, num_perm: int = NUM_PERM,
                 shingle_words: int = SHINGLE_WORDS):
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"the syndication threshold must be in (0, 1], not {threshold}")
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle_words = shingle_words
        self._index = MinHashIndex(threshold, num_perm)
        self._pending: dict[str, MinHash | None] = {}  # computed by `match`, reused by `add` for the same article

    @classmethod
    def load(cls, store: Store, threshold: float = DEFAULT_THRESHOLD) -> SyndicationIndex:
        """An index over every signature in the store's `article_signatures` (stories from earlier runs)."""
        from sqlalchemy import select

        from claimgraph.store import schema as t

        index = cls(threshold)
        with store.engine.connect() as conn:
            for row in conn.execute(select(t.article_signatures.c.article_id, t.article_signatures.c.minhash)):
                mh = from_bytes(bytes(row.minhash), index.num_perm)
                if mh is not None:  # another layout: that story is simply not matched against
                    index._index.insert(row.article_id, mh)
        return index

    def __len__(self) -> int:
        return len(self._index)

    def _minhash(self, article: Article) -> MinHash | None:
        if article.id in self._pending:
            return self._pending[article.id]
        mh = minhash_of(article.text[article.body_start:] or article.text, self.num_perm, self.shingle_words)
        if len(self._pending) > 1024:  # articles matched but never added (copies, failures): forget them
            self._pending.clear()
        self._pending[article.id] = mh
        return mh

    def similarity(self, a: Article, b: Article) -> float:
        """Estimated Jaccard similarity of two articles' shingle sets."""
        ma, mb = self._minhash(a), self._minhash(b)
        return float(ma.jaccard(mb)) if ma is not None and mb is not None else 0.0

    def match(self, article: Article) -> tuple[str, float] | None:
        """The stored story this article is a copy of, with the similarity; None when it is a story of its own."""
        mh = self._minhash(article)
        best = self._index.best(mh, exclude=article.id) if mh is not None else None
        return (best[0], round(best[1], 4)) if best else None

    def add(self, article: Article) -> bytes:
        """Index a stored story; returns its signature for `article_signatures`."""
        mh = self._minhash(article)
        self._pending.pop(article.id, None)
        if mh is None:  # a text without words: a signature is stored, but it is never matched
            return to_bytes(empty_signature(self.num_perm))
        self._index.insert(article.id, mh)
        return to_bytes(mh)
