"""Claims across articles: statements of one proposition grouped, each voice with its stance, and provenance.

    >>> from claimgraph.store import Store
    >>> from claimgraph.claims import link_claims
    >>> with Store.open("claimgraph.db") as store:      # doctest: +SKIP
    ...     report = link_claims(store)                  # recompute claims over the whole database
    ...     report.claims, report.voices

Modules: `grouping` (shingles, MinHash LSH, union-find), `references` (links inside one article: nesting, noun
references, elaboration), `stance` (assert / dispute / support / report), `gist`, `provenance` (first appearance,
outlet chains, timeline), `link` (ties them together), `graph` (GraphML / JSON export). See docs/claims.md.
"""

from __future__ import annotations

from claimgraph.claims.link import LinkedClaim, claim_id, link_statements
from claimgraph.claims.statement import Statement

__all__ = ["LinkedClaim", "Statement", "claim_id", "link_claims", "link_statements"]


def link_claims(store, threshold: float | None = None):
    """Recompute every claim and voice in the store from its attributions (one transaction); returns a report."""
    from claimgraph.store.claims import link_claims as _link

    return _link(store, threshold=threshold)
