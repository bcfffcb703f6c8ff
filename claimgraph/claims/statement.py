"""The unit of claim linking: one attribution with the article facts that grouping, stance and provenance need."""

from __future__ import annotations

from dataclasses import dataclass, field

from claimgraph.claims.grouping import content_stems
from claimgraph.records import Appearance, Attribution, StoredAttribution

ROLES = ("restate", "refer", "elaborate")


@dataclass
class Statement:
    """An attribution in its article: where it stands, when and where the article first appeared."""

    attribution: Attribution
    article_id: str
    position: int = 0                 # order inside the article (sentence start, then cue start)
    published: str | None = None      # the earliest date the article appeared (all syndicated copies counted)
    outlet: str | None = None         # the outlet of that earliest appearance (else the article's publisher)
    publisher: str | None = None      # the article's own publisher: the outermost link of its outlet chain
    mention: str | None = None        # the source as written ("the statement", "he")
    sentence: str | None = None       # the sentence it stands in, for relative dates ("yesterday")
    stems: frozenset[str] = field(default=frozenset(), init=False)   # its content words, for grouping

    def __post_init__(self) -> None:
        self.stems = content_stems(self.attribution.content)

    @property
    def id(self) -> str:
        return self.attribution.id

    @property
    def speaker_name(self) -> str | None:
        return self.attribution.speaker.name if self.attribution.speaker else None

    def sort_key(self) -> tuple[str, str, int, str]:
        """Earliest first: appearance date, then article, then position in the article."""
        return (self.published or "9999", self.article_id, self.position, self.id)


def position_of(attribution: Attribution) -> int:
    """Where an attribution starts in its article: its first content, cue or source offset."""
    starts = [s[0] for s in attribution.content_spans]
    starts += [span[0] for span in (attribution.cue_span, attribution.source_span) if span]
    return min(starts) if starts else attribution.sentence[0]


def statements_of(stored: list[StoredAttribution],
                  appearances: dict[str, list[Appearance]] | None = None) -> list[Statement]:
    """Stored attributions as Statements, each dated by its article's earliest appearance (syndicated copies too)."""
    appearances = appearances or {}
    return [_statement(row, appearances.get(row.article_id, [])) for row in stored]


def _statement(row: StoredAttribution, copies: list[Appearance]) -> Statement:
    dated = sorted((c for c in copies if c.published), key=lambda c: c.published or "")
    earliest = dated[0] if dated else None
    published = min([d for d in (row.published, earliest.published if earliest else None) if d], default=None)
    # the earliest copy's outlet when that copy is the first appearance, else the article's own publisher
    outlet = earliest.outlet if earliest and earliest.published == published and earliest.outlet else row.publisher
    return Statement(row.attribution, row.article_id, position=position_of(row.attribution), published=published,
                     outlet=outlet, publisher=row.publisher, mention=row.mention, sentence=row.sentence)
