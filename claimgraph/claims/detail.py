"""One stored claim in full, as `claim` and the web page show it: voices by stance, first appearance, outlet chains,
outlets and timeline, worked out from the claim's statements (and their articles' other statements, for chains)."""

from __future__ import annotations

from typing import Any

from claimgraph.claims import provenance
from claimgraph.claims.link import outlets_seen, voice_of
from claimgraph.claims.references import find_reference
from claimgraph.claims.statement import Statement
from claimgraph.records import STANCES, Claim, Voice


def describe(claim: Claim, statements: list[Statement], appearances: provenance.Appearances) -> dict[str, Any]:
    """The claim's detail. `claim.voices` are its stored voices (stance and score); `statements` every statement of
    the articles carrying it; `appearances` those articles' appearances."""
    stored = {v.attribution_id: v for v in claim.voices}
    parents = {s.id: s.attribution for s in statements}
    members = sorted((s for s in statements if s.id in stored), key=Statement.sort_key)
    stances = {s.id: stored[s.id].stance for s in members}
    by_stance: dict[str, list[dict[str, Any]]] = {k: [] for k in STANCES}
    for s in members:
        voice = _voice(s, stored[s.id])
        by_stance.setdefault(voice.stance, []).append(
            {**voice.to_json(), "chain": " <- ".join(provenance.chain(s, parents))})
    restating = [s for s in members if find_reference(s.attribution.content) is None] or members
    first = provenance.first_appearance(restating, stances, appearances)
    if first and claim.first_seen and first["date"] != claim.first_seen:
        first["date"] = claim.first_seen   # the linking run's date is the one of record
    return {"id": claim.id, "gist": claim.gist, "first_seen": claim.first_seen, "first_appearance": first,
            "counts": {k: len(v) for k, v in by_stance.items()}, "voices": by_stance,
            "chains": provenance.chains(members, parents),
            "outlets": provenance.outlets(members, parents, appearances, outlets_seen(statements)),
            "timeline": provenance.timeline(members, stances, appearances)}


def _voice(statement: Statement, stored: Voice) -> Voice:
    return voice_of(statement, stored.claim_id, stored.stance, stored.role, stored.score)
