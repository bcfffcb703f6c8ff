"""Linking statements into claims: the article rules, then LSH across articles, then stance, gist and date.

`link_statements` is pure (statements in, claims out); `claimgraph.claims.link_claims(store)` wraps it with the
store. A claim's id is derived from its earliest restatement's attribution id (earliest appearance date, then
article, then position): it stays the same when later statements join, whatever order articles were read in.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from claimgraph.claims import gist as gist_mod
from claimgraph.claims import provenance, stance
from claimgraph.claims.grouping import THRESHOLD, UnionFind, guarded_union, lsh_links
from claimgraph.claims.references import link_article, modifier_matches, speaker_words
from claimgraph.claims.statement import Statement
from claimgraph.records import normalise_name


def claim_id(attribution_id: str) -> str:
    return "cl_" + hashlib.sha1(attribution_id.encode("utf-8")).hexdigest()[:16]


@dataclass
class LinkedClaim:
    """One claim as linking found it: its statements with role, stance and link score."""

    id: str
    gist: str
    first_seen: str | None
    first: dict[str, Any] | None
    members: list[tuple[Statement, str]]            # (statement, role) with role in restate/refer/elaborate
    stances: dict[str, str]
    scores: dict[str, float] = field(default_factory=dict)

    @property
    def restatements(self) -> list[Statement]:
        return [s for s, role in self.members if role != "refer"]


def outlet_names(statements: list[Statement]) -> set[str]:
    """Names seen as outlets: publishers, appearance outlets, `via` entries, speakers typed news_outlet."""
    names: set[str] = set()
    for s in statements:
        a = s.attribution
        names.update(normalise_name(v) for v in a.via)
        for value in (s.publisher, s.outlet):
            if value:
                names.add(normalise_name(value))
        if a.speaker and a.speaker.type == "news_outlet":
            names.add(normalise_name(a.speaker.name))
    return names


def link_statements(statements: list[Statement], threshold: float = THRESHOLD,
                    appearances: dict[str, list[dict[str, Any]]] | None = None) -> list[LinkedClaim]:
    """Group statements (of any number of articles) into claims with stances, gists and first appearance."""
    statements = [s for s in statements if s.attribution.content]
    statements.sort(key=Statement.sort_key)
    n = len(statements)
    uf = UnionFind(n)
    role = ["restate"] * n
    score = [1.0] * n
    elaborates: dict[str, str] = {}
    unresolved: list[tuple[int, list[str]]] = []
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(statements):
        by_article[s.article_id].append(i)

    for idx in by_article.values():
        idx.sort(key=lambda i: (statements[i].position, statements[i].id))
        local = [statements[i] for i in idx]
        links = link_article(local)
        for a, b, _rule in links.restate:
            uf.union(idx[a], idx[b])
        for r, target in links.refers.items():
            role[idx[r]] = "refer"
            score[idx[r]] = 0.8
            uf.union(idx[r], idx[target])
        for r in links.unresolved:
            role[idx[r]] = "refer"
            score[idx[r]] = 0.6
            unresolved.append((idx[r], links.unresolved[r]))
        for e, r in links.elaborates.items():
            role[idx[e]] = "elaborate"
            elaborates[statements[idx[e]].id] = statements[idx[r]].id

    # across articles (and across speakers inside one): MinHash LSH over the restatements' words
    plain = [i for i in range(n) if role[i] != "refer"]
    pairs, sims = lsh_links([statements[i].shingles for i in plain], threshold)
    guarded_union(uf, pairs, sims, [statements[i].shingles for i in plain], index=plain, threshold=threshold)
    best: dict[int, float] = {}
    for (a, b), sim in zip(pairs.tolist(), sims.tolist()):
        i, j = plain[a], plain[b]
        if uf.find(i) == uf.find(j):
            for k in (i, j):
                best[k] = max(best.get(k, 0.0), sim)
    for k, sim in best.items():
        score[k] = sim   # the best word overlap that tied it to its claim

    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[uf.find(i)].append(i)

    # a reference its article could not resolve: the latest earlier claim whose speakers its modifier names
    for r, modifier in unresolved:
        if len(groups.get(uf.find(r), ())) > 1 or not modifier:
            continue
        best = None
        for root, members in groups.items():
            speakers = set().union(*(speaker_words(statements[i]) for i in members if role[i] != "refer"))
            first = min((statements[i].sort_key() for i in members if role[i] != "refer"), default=None)
            if first and first <= statements[r].sort_key() and modifier_matches(modifier, speakers):
                if best is None or first > best[0]:
                    best = (first, root)
        if best:
            groups[best[1]].append(r)
            groups.pop(r, None)

    known_outlets = outlet_names(statements)
    claims = []
    for members in groups.values():
        restating = [statements[i] for i in members if role[i] != "refer"]
        if not restating:
            continue  # a reference to nothing we hold
        pairs_ = [(statements[i], role[i]) for i in members]
        stances = stance.assign(pairs_, known_outlets, elaborates)
        anchor = min(restating, key=Statement.sort_key)
        first = provenance.first_appearance(restating, stances, appearances)
        claims.append(LinkedClaim(
            id=claim_id(anchor.id), gist=gist_mod.gist(restating, stances),
            first_seen=first["date"] if first else None, first=first, members=pairs_, stances=stances,
            scores={statements[i].id: round(score[i], 3) for i in members}))
    claims.sort(key=lambda c: (c.first_seen or "9999", c.id))
    return claims
