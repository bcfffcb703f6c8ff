"""The unit of claim linking: one attribution with the article facts that grouping, stance and provenance need."""

from __future__ import annotations

from dataclasses import dataclass, field

from claimgraph.claims.grouping import shingles
from claimgraph.records import Attribution

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
    shingles: frozenset[str] = field(default=frozenset(), init=False)

    def __post_init__(self) -> None:
        self.shingles = shingles(self.attribution.content)

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
