"""Claims as library calls: load statements from the store, link them (claims layer), save the claims; read back.

The claims layer (`claimgraph.claims`) decides and never touches the store; the store (`claimgraph.store`)
persists and never decides. These use cases sit on both, for the CLI, the web layer and Spark:

* `link_claims(store)`: recompute every claim and voice from the stored attributions (one transaction);
* `claim_detail(store, claim_id)`: one claim in full (voices by stance, first appearance, chains, timeline);
* `list_claims(store, limit, search)` and `resolve_claim_id(store, prefix)`: the store's read queries;
* `export_graph(store, out, fmt, limit)`: the claim graph as GraphML or JSON.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from claimgraph.claims.detail import describe
from claimgraph.claims.link import link_statements
from claimgraph.claims.statement import statements_of
from claimgraph.records import STANCES
from claimgraph.store.claims import list_claims, resolve_claim_id
from claimgraph.store.sql import Store

__all__ = ["STANCES", "LinkReport", "claim_detail", "export_graph", "link_claims", "list_claims",
           "resolve_claim_id"]


@dataclass
class LinkReport:
    statements: int = 0
    claims: int = 0
    voices: int = 0
    shared: int = 0   # claims with statements from more than one article

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def link_claims(store: Store, grouping_threshold: float | None = None) -> LinkReport:
    """Recompute claims over the whole database: group, stance, gist, first appearance; store them.

    `grouping_threshold` is the semantic step's link (`claimgraph.claims.link.link_statements`; default
    `claimgraph.claims.semantic.LINK`, rising with the number of statements: `semantic.link_for`)."""
    stored, appearances = store.load_statements()
    statements = statements_of(stored, appearances)
    claims = link_statements(statements, grouping_threshold, appearances=appearances)
    voices = store.save_claims(claims)
    return LinkReport(statements=sum(1 for s in statements if s.attribution.content), claims=len(claims),
                      voices=voices, shared=sum(1 for c in claims if len(c.article_ids) > 1))


def claim_detail(store: Store, claim_id: str) -> dict[str, Any] | None:
    """One claim: gist, first appearance, voices grouped by stance, outlet chains, outlets and timeline."""
    claim = store.load_claim(claim_id)
    if claim is None:
        return None
    stored, appearances = store.load_statements(claim.article_ids)
    return describe(claim, statements_of(stored, appearances), appearances)


def export_graph(store: Store, out: str | Path, fmt: str = "graphml", limit: int | None = None) -> tuple[int, int]:
    """Write the claim graph (the `limit` most disputed claims, or all) to `out`; returns (nodes, edges)."""
    from claimgraph.claims.graph import build_graph, write_graph  # networkx only for this command

    rows = list_claims(store, limit=limit)
    details = ((row, claim_detail(store, row["id"])) for row in rows)
    return write_graph(build_graph((row, detail) for row, detail in details if detail is not None), out, fmt)
