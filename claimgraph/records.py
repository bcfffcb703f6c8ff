"""Typed records that the pipeline's stages hand each other.

Data flows one way: ingest yields `Article`s, attribution yields `Attribution`s (each with a `Speaker`), the store
keeps them with `Appearance`s (where and when a story was seen), and claims link `Voice`s into `Claim`s. Records are
frozen: a stage that needs to change one makes a new one with `dataclasses.replace`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from claimgraph.version import EXTRACTOR_VERSION

if TYPE_CHECKING:
    from claimgraph.nlp.predicates import PredicateWords

Span = tuple[int, int]

AttributionKind = Literal["direct", "indirect", "mixed", "according_to"]
SpeakerType = Literal["person", "organization", "news_outlet", "anonymous", "unknown"]
# Cue classes: see claimgraph/data/cues.tsv for the lexicon and README "Cue classes" for the definitions.
CueClass = Literal["assert", "dispute", "confirm", "report", "think", "relay", "unknown"]
Stance = Literal["assert", "dispute", "support", "report"]
STANCES: tuple[Stance, ...] = ("assert", "dispute", "support", "report")


def content_hash(text: str) -> str:
    """The identity of an article's text: sha256 of the text as read (hex)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Article:
    """One article, its text exactly as read so that every character offset points into it."""

    ref: str  # the path, URL or id as the user gave it; `extract` echoes it as "article"
    text: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or datetime, the most precise one found
    url: str | None = None
    author: str | None = None
    genre: str | None = None
    body_start: int = 0  # offset where the body begins (after header, genre, title and dateline)
    meta: dict[str, Any] = field(default_factory=dict, compare=False)

    @cached_property  # once per Article: every attribution id hashes it (frozen, so the text never changes)
    def hash(self) -> str:
        return content_hash(self.text)

    @property
    def id(self) -> str:
        """Stable article id: a prefix of the content hash (the same text is the same article)."""
        return self.hash[:16]


@dataclass(frozen=True)
class Speaker:
    """An identity that says things: a person, a body, an outlet, or an anonymous source."""

    name: str
    type: SpeakerType = "unknown"
    role: str | None = None
    affiliation: str | None = None
    aliases: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """What mentions of one identity share within an article: the normalised full name and type (never a surname
        alone). Across articles the store merges on `speaker_merge.speaker_key` instead (the name, whatever the
        type)."""
        return f"{self.type}:{normalise_name(self.name)}"

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type, "role": self.role, "affiliation": self.affiliation}


def normalise_name(name: str) -> str:
    words = name.lower().replace("’", "'").split()
    if words and words[0] in {"the", "a", "an"}:
        words = words[1:]
    return " ".join(w.strip(".,;:'\"") for w in words)


@dataclass(frozen=True)
class Attribution:
    """One attributed statement: who (source/speaker), through which words (cue), said what (content)."""

    id: str
    kind: AttributionKind
    speaker: Speaker | None
    source_span: Span | None
    cue: str | None
    cue_span: Span | None
    cue_class: CueClass
    content: str | None
    content_spans: tuple[Span, ...]
    sentence: Span
    via: tuple[str, ...] = ()
    parent: str | None = None
    flags: tuple[str, ...] = ()
    confidence: float | None = None
    method: str = "rules"
    # What the content predicates, read from the article's parse at extraction (claimgraph.nlp.predicates), so that
    # claim linking need not parse it again; None where not recorded (rows stored before it was). Not part of the
    # `extract` JSON contract, nor of a record's equality: it is derived from the content and the parse.
    predicates: PredicateWords | None = field(default=None, compare=False, repr=False)

    def to_json(self, article_ref: str) -> dict[str, Any]:
        """The `extract --format jsonl` contract (README "JSON fields")."""
        return {
            "article": article_ref,
            "id": self.id,
            "kind": self.kind,
            "speaker": self.speaker.to_json() if self.speaker else None,
            "source_span": list(self.source_span) if self.source_span else None,
            "cue": self.cue,
            "cue_span": list(self.cue_span) if self.cue_span else None,
            "cue_class": self.cue_class,
            "content": self.content,
            "content_spans": [list(s) for s in self.content_spans],
            "via": list(self.via),
            "parent": self.parent,
            "flags": list(self.flags),
            "sentence": list(self.sentence),
            "confidence": self.confidence,
            "method": self.method,
            "extractor": EXTRACTOR_VERSION,
        }


def attribution_id(article_hash: str, cue_span: Span | None, content_spans: tuple[Span, ...], kind: str) -> str:
    """Stable id from the article's content hash and the attribution's spans (never row numbers or time)."""
    key = f"{article_hash}|{cue_span}|{content_spans}|{kind}"
    return "at_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Appearance:
    """One place and time a story was seen: a file, a URL, a feed entry, a syndicated copy."""

    article_id: str
    source: str  # path or URL as read
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class StoredAttribution:
    """An attribution as the store holds it, with the facts of its article that claim linking needs."""

    attribution: Attribution
    article_id: str
    publisher: str | None = None      # the article's own publisher
    published: str | None = None      # the article's own date (its appearances may be earlier)
    mention: str | None = None        # the source as written ("the statement", "he")
    sentence: str | None = None       # the sentence it stands in, for relative dates ("yesterday")


VoiceRole = Literal["restate", "refer", "elaborate"]


@dataclass(frozen=True)
class Voice:
    """One attribution's stance towards a claim: it restates the claim, refers to it, or elaborates a reference."""

    claim_id: str
    attribution_id: str
    stance: Stance
    role: VoiceRole | None = None     # as linking found it (not stored: None for voices read back)
    score: float | None = None        # the link's strength: word overlap, or a reference's fixed weight
    article_id: str | None = None
    speaker: Speaker | None = None
    outlet: str | None = None         # where the statement first appeared (else its article's publisher)
    published: str | None = None
    words: str | None = None
    cue: str | None = None

    def to_json(self) -> dict[str, Any]:
        """A voice as `claim --format jsonl` gives it (README "Claims, stance and provenance")."""
        return {"attribution": self.attribution_id, "stance": self.stance,
                "speaker": self.speaker.name if self.speaker else None,
                "speaker_type": self.speaker.type if self.speaker else None, "outlet": self.outlet,
                "date": self.published, "words": self.words, "cue": self.cue, "article": self.article_id,
                "score": self.score}


@dataclass(frozen=True)
class Claim:
    """A proposition and everyone who asserts, disputes, supports or reports it; what claim linking returns."""

    id: str
    gist: str
    first_seen: str | None = None
    voices: tuple[Voice, ...] = ()
    # date, outlet, speaker, attribution and the relative-date phrase ("said") of the earliest appearance
    first_appearance: dict[str, Any] | None = field(default=None, compare=False)

    @property
    def stances(self) -> dict[str, str]:
        """Each voice's stance by attribution id."""
        return {v.attribution_id: v.stance for v in self.voices}

    @property
    def article_ids(self) -> set[str]:
        return {v.article_id for v in self.voices if v.article_id}

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "gist": self.gist, "first_seen": self.first_seen,
                "first_appearance": self.first_appearance, "voices": [v.to_json() for v in self.voices]}
