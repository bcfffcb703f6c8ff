"""The claim graph for other tools: speakers, claims and outlets as nodes; stances and relays as edges.

Nodes carry `kind` (speaker, claim, outlet) and a label; edges: speaker -> claim with `stance` (assert, dispute,
support, report) and the words, outlet -> claim `carried` (the outlet published or syndicated a statement of it),
outlet -> outlet/speaker `relayed` along each outlet chain (EIRNS -> Tass -> Russian Defense Ministry).
GraphML (for Gephi, yEd, Cytoscape) through networkx, or plain JSON. Built from what the read queries give
(`list_claims` rows and claim details); `claimgraph.service_claims.export_graph` reads them from the store.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx


def build_graph(claims: Iterable[tuple[dict[str, Any], dict[str, Any]]]) -> nx.MultiDiGraph:
    """The graph of claims given as (list_claims row, claim detail) pairs."""
    graph = nx.MultiDiGraph()
    for row, detail in claims:
        cid = f"claim:{row['id']}"
        graph.add_node(cid, kind="claim", label=detail["gist"], first_seen=detail["first_seen"] or "",
                       disputes=row["disputes"], asserts=row["asserts"])
        for voices in detail["voices"].values():
            for v in voices:
                kind = "outlet" if v["speaker_type"] == "news_outlet" else "speaker"
                sid = f"{kind}:{v['speaker'] or 'unknown'}"
                graph.add_node(sid, kind=kind, label=v["speaker"] or "unknown")
                graph.add_edge(sid, cid, kind="stance", stance=v["stance"], words=v["words"] or "",
                               date=v["date"] or "", attribution=v["attribution"])
        for copy in detail["timeline"]:
            if copy["outlet"]:
                oid = f"outlet:{copy['outlet']}"
                graph.add_node(oid, kind="outlet", label=copy["outlet"])
                graph.add_edge(oid, cid, kind="carried", date=copy["date"] or "",
                               syndicated=bool(copy["syndicated"]))
        for chain in detail["chains"]:
            names = chain["chain"]
            for a, b in zip(names, names[1:]):
                na = f"outlet:{a}" if graph.nodes.get(f"outlet:{a}") or a in detail["outlets"] else f"speaker:{a}"
                nb = f"outlet:{b}" if b in detail["outlets"] else f"speaker:{b}"
                for node, name in ((na, a), (nb, b)):
                    if node not in graph:
                        graph.add_node(node, kind=node.split(":", 1)[0], label=name)
                graph.add_edge(na, nb, kind="relayed", claim=row["id"])
    return graph


def as_json(graph: nx.MultiDiGraph) -> dict[str, Any]:
    return {"nodes": [{"id": n, **attrs} for n, attrs in graph.nodes(data=True)],
            "edges": [{"source": a, "target": b, **attrs} for a, b, attrs in graph.edges(data=True)]}


def write_graph(graph: nx.MultiDiGraph, out: str | Path, fmt: str = "graphml") -> tuple[int, int]:
    """Write the graph to `out` as GraphML or JSON; returns (nodes, edges)."""
    if fmt == "graphml":
        nx.write_graphml(graph, str(out))
    else:
        Path(out).write_text(json.dumps(as_json(graph), ensure_ascii=False, indent=1), encoding="utf-8")
    return graph.number_of_nodes(), graph.number_of_edges()
