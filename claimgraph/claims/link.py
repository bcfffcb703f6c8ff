"""Linking statements into claims: the article rules, then LSH across articles, then stance, gist and date.

`link_statements` is pure (statements in, `Claim` records out); `claimgraph.service_claims.link_claims(store)` loads
the statements from the store, calls it and saves what it returns. A claim's id is derived from its earliest
restatement's attribution id (earliest appearance date, then article, then position): it stays the same when later
statements join, whatever order articles were read in.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

from claimgraph.claims import gist as gist_mod
from claimgraph.claims import provenance
from claimgraph.claims.grouping import UnionFind, link_restatements, words
from claimgraph.claims.references import link_article, modifier_matches, speaker_words
from claimgraph.claims.stance import assign as assign_stances
from claimgraph.claims.statement import Statement
from claimgraph.records import Claim, Voice, normalise_name

# A reference resolved inside its article is a surer link than one matched to a claim elsewhere by its modifier.
REFERENCE_SCORE = 0.8
UNRESOLVED_REFERENCE_SCORE = 0.6


def claim_id(attribution_id: str) -> str:
    return "cl_" + hashlib.sha1(attribution_id.encode("utf-8")).hexdigest()[:16]


def outlets_seen(statements: list[Statement]) -> set[str]:
    """Names these statements show as outlets: publishers, appearance outlets, `via`, speakers typed news_outlet."""
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


@dataclass
class _Linking:
    """The state of one linking run over statements in earliest-first order (indices into `statements`)."""

    statements: list[Statement]
    uf: UnionFind
    role: list[str]
    score: list[float]
    elaborates: dict[str, str] = field(default_factory=dict)       # elaboration id -> the reference's id
    unresolved: list[tuple[int, list[str]]] = field(default_factory=list)   # (reference, its modifier words)

    @classmethod
    def start(cls, statements: list[Statement]) -> _Linking:
        n = len(statements)
        return cls(statements, UnionFind(n), ["restate"] * n, [1.0] * n)

    def groups(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.statements)):
            out[self.uf.find(i)].append(i)
        return out


def link_statements(statements: list[Statement], threshold: float | None = None,
                    appearances: provenance.Appearances | None = None) -> list[Claim]:
    """Group statements (of any number of articles) into claims with stances, gists and first appearance.

    `threshold` is the semantic step's link (`link-claims --grouping-threshold`): the average similarity of two
    groups of statements (0.9 x the cosine of their stemmed, IDF-weighted words + 0.1 x that of their embeddings) at
    which they are one claim, in a collection of up to claims.semantic.LINK_BASE statements; above, it rises by
    LINK_GROWTH per doubling (claims.semantic.link_for). None: claims.semantic.LINK. Higher splits claims finer."""
    statements = sorted((s for s in statements if s.attribution.content), key=Statement.sort_key)
    state = _Linking.start(statements)
    _link_inside_articles(state)
    _link_across_articles(state, threshold)
    groups = state.groups()
    _attach_unresolved(state, groups)
    known_outlets = outlets_seen(statements)
    claims = [c for members in groups.values() if (c := _claim(state, members, known_outlets, appearances))]
    claims.sort(key=lambda c: (c.first_seen or "9999", c.id))
    return claims


def _link_inside_articles(state: _Linking) -> None:
    """Each article's own rules (references.link_article): nesting, statement nouns, references, elaboration."""
    statements = state.statements
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(statements):
        by_article[s.article_id].append(i)
    for idx in by_article.values():
        idx.sort(key=lambda i: (statements[i].position, statements[i].id))
        links = link_article([statements[i] for i in idx])
        for a, b, _rule in links.restate:
            state.uf.union(idx[a], idx[b])
        for r, target in links.refers.items():
            state.role[idx[r]], state.score[idx[r]] = "refer", REFERENCE_SCORE
            state.uf.union(idx[r], idx[target])
        for r, modifier in links.unresolved.items():
            state.role[idx[r]], state.score[idx[r]] = "refer", UNRESOLVED_REFERENCE_SCORE
            state.unresolved.append((idx[r], modifier))
        for e, r in links.elaborates.items():
            state.role[idx[e]] = "elaborate"
            state.elaborates[statements[idx[e]].id] = statements[idx[r]].id


def _link_across_articles(state: _Linking, link: float | None = None) -> None:
    """The restatements grouped (across articles, and across speakers inside one) by `link_restatements`."""
    plain = [i for i, role in enumerate(state.role) if role != "refer"]
    texts = [state.statements[i].attribution.content or "" for i in plain]
    pairs, sims = link_restatements(state.uf, texts, index=plain, link=link,
                                    sources=[state.statements[i].article_id for i in plain],
                                    predicates=[state.statements[i].attribution.predicates for i in plain])
    best: dict[int, float] = {}
    for (a, b), sim in zip(pairs.tolist(), sims.tolist()):
        i, j = plain[a], plain[b]
        if state.uf.find(i) == state.uf.find(j):
            for k in (i, j):
                best[k] = max(best.get(k, 0.0), sim)
    for k, sim in best.items():
        state.score[k] = sim   # the best similarity that tied it to its claim


def _attach_unresolved(state: _Linking, groups: dict[int, list[int]]) -> None:
    """A reference its article could not resolve joins the latest earlier claim whose speakers its modifier names."""
    statements, role = state.statements, state.role
    for r, modifier in state.unresolved:
        if len(groups.get(state.uf.find(r), ())) > 1 or not modifier:
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


def _claim(state: _Linking, members: list[int], known_outlets: set[str],
           appearances: provenance.Appearances | None) -> Claim | None:
    """One group as a Claim record; None for a group of references to nothing we hold."""
    statements = state.statements
    members = _one_per_repeat(statements, members)
    restating = [statements[i] for i in members if state.role[i] != "refer"]
    if not restating:
        return None
    stances = assign_stances([(statements[i], state.role[i]) for i in members], known_outlets, state.elaborates)
    cid = claim_id(min(restating, key=Statement.sort_key).id)
    first = provenance.first_appearance(restating, stances, appearances)
    voices = tuple(voice_of(statements[i], cid, stances[statements[i].id], state.role[i], round(state.score[i], 3))
                   for i in members)
    return Claim(id=cid, gist=gist_mod.gist(restating, stances), first_seen=first["date"] if first else None,
                 voices=voices, first_appearance=first)


def _one_per_repeat(statements: list[Statement], members: list[int]) -> list[int]:
    """A paragraph repeated on one page (a pull quote, a page that prints its text twice) gives one voice: of the
    members with the same article, speaker and words, the first in the article stays; so does one whose words hold
    the other's whole ('she would "seek to remove all 41 cases …"' and 'seek to remove all 41 cases …')."""
    said: dict[tuple[str, str], list[str]] = defaultdict(list)
    tokens = {i: words(statements[i].attribution.content or "") for i in members}
    kept = []
    for i in sorted(members, key=lambda i: (statements[i].article_id, -len(tokens[i]), statements[i].position, i)):
        a = statements[i].attribution
        key, text = (statements[i].article_id, a.speaker.key if a.speaker else ""), " ".join(tokens[i])
        if any(f" {text} " in f" {other} " for other in said[key]):
            continue
        said[key].append(text)
        kept.append(i)
    return sorted(kept)


def voice_of(statement: Statement, claim: str, stance: str, role: str | None = None,
             score: float | None = None) -> Voice:
    """A statement's voice in a claim."""
    a = statement.attribution
    return Voice(claim_id=claim, attribution_id=a.id, stance=stance, role=role, score=score,
                 article_id=statement.article_id, speaker=a.speaker, outlet=statement.outlet or statement.publisher,
                 published=statement.published, words=a.content, cue=a.cue)
