"""Fixtures of the attribution tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def rules(extractor):
    """The rules alone (`--rules-only`) over the session's loaded pipeline: what a rule test checks is its rule, not
    what the learned tagger adds."""
    from claimgraph.pipeline import Extractor

    return Extractor(nlp=extractor.nlp, learned=False)
