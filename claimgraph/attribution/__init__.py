"""Attribution: from parsed text to `Attribution` records (rules in this package, a learned tagger beside them)."""

from __future__ import annotations

from spacy.tokens import Doc

from claimgraph.records import Article, Attribution


def extract_attributions(article: Article, pieces: list[tuple[int, Doc]], learned: bool = True) -> list[Attribution]:
    """All attributions of one article, from its parsed pieces (offset into the article text, Doc)."""
    return []  # filled in by the rule components (work in progress)
