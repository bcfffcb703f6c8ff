"""Claims across articles: statements of one proposition grouped, each voice with its stance, and provenance.

This layer decides and never touches the store: it takes `Statement`s (stored attributions with their articles'
facts) and returns `Claim` records. `claimgraph.service_claims` loads, links and saves:

    >>> from claimgraph.store import Store
    >>> from claimgraph.service_claims import link_claims
    >>> with Store.open("claimgraph.db") as store:      # doctest: +SKIP
    ...     report = link_claims(store)                  # recompute claims over the whole database
    ...     report.claims, report.voices

Modules: `grouping` (content words, LSH grouping, union-find), `references` (links inside one article: nesting,
noun references, elaboration), `stance` (assert / dispute / support / report), `gist`, `provenance` (first
appearance, outlet chains, timeline), `link` (ties them together), `detail` (one claim in full), `graph` (GraphML /
JSON export). The semantic step of grouping: `semantic` (candidate pairs, average linkage, the learned join test)
over `vectors` (the word half and the statement vectors) and `embeddings` (the meaning half), `anchors` (which pairs
may be candidates), `cells` (candidates of large collections) and `evidence` (what link-claims asks of a pair across
or inside articles). See docs/claims.md.
"""

from __future__ import annotations

from claimgraph.claims.link import claim_id, link_statements
from claimgraph.claims.statement import Statement, statements_of

__all__ = ["Statement", "claim_id", "link_statements", "statements_of"]
