"""Attribution: from parsed text to `Attribution` records.

Order of work for one parsed piece of an article:
1. `quotes.direct_quotes` — quote marks with a cue after or before them, and cue-less continuations;
2. `reported.reported_speech` — indirect and mixed speech, "according to", cues whose words are missing;
3. `speakers.SpeakerResolver` — each source mention to an identity, in text order;
4. nesting — an attribution whose cue lies inside another's content is its child; an outlet that relays a
   statement becomes the child's `via` too, so the chain (EIRNS ← Tass ← ministry) reads either way.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from claimgraph.attribution.found import Found
from claimgraph.attribution.labels import speaker_labels
from claimgraph.attribution.quotes import direct_quotes
from claimgraph.attribution.reported import reported_speech
from claimgraph.attribution.speakers import SELF_PRONOUNS, SpeakerResolver
from claimgraph.records import Article, Attribution, Speaker, attribution_id


def find_in_doc(doc: Doc) -> list[Found]:
    """The rule components over one Doc: every attribution found, in text order, speakers resolved."""
    used: set[int] = set()
    quotes = direct_quotes(doc, used)
    labelled = speaker_labels(doc)
    # A labelled transcript line is one statement: quotes and cues inside it are not statements of their own.
    inside = [(s, e) for item in labelled for s, e in item.content]
    quotes = [q for q in quotes if not any(s <= q.content[0][0] < e for s, e in inside)]
    found = sorted(labelled + quotes + reported_speech(doc, used, quotes), key=_position)
    _nest(found)
    _resolve_speakers(found)
    _relay(found)
    return found


def _position(item: Found) -> int:
    return min([s for s, _ in item.content] + ([item.cue.start_char] if item.cue is not None else []))


def _nest(found: list[Found]) -> None:
    """Parent = the attribution with the smallest content holding this one's cue (or, cue-less, its content)."""
    for item in found:
        anchor = item.cue.start_char if item.cue is not None else item.content[0][0]
        holders = [other for other in found
                   if other is not item and other.content != item.content
                   and any(s <= anchor < e for s, e in other.content)]
        if holders:
            item.parent = min(holders, key=lambda o: sum(e - s for s, e in o.content))


def _resolve_speakers(found: list[Found]) -> None:
    resolver = SpeakerResolver()
    for item in found:
        if isinstance(item.speaker, Found):  # a continuation: the speaker of the quote it continues
            item.speaker = item.speaker.speaker
            continue
        if item.source is None:
            continue
        if item.source.text.strip().lower() in SELF_PRONOUNS and item.parent is not None:
            item.speaker = item.parent.speaker  # "I think" inside a quote: the quote's speaker
            continue
        item.speaker = resolver.resolve(item.source)


def _relay(found: list[Found]) -> None:
    """An outlet that reports what another said: the child carries the outlet as `via`, the outlet's cue is relay."""
    for item in found:
        parent = item.parent
        if parent is None or not isinstance(parent.speaker, Speaker) or parent.speaker.type != "news_outlet":
            continue
        if parent.cue_class in {"report", "relay"}:
            parent.cue_class = "relay"
        if parent.speaker.name not in item.via:
            item.via.append(parent.speaker.name)


def extract_attributions(article: Article, pieces: list[tuple[int, Doc]], learned: bool = True) -> list[Attribution]:
    """All attributions of one article, from its parsed pieces (offset into the article text, Doc)."""
    results: list[Attribution] = []
    for offset, doc in pieces:
        found = find_in_doc(doc)
        ids = {id(item): _id(article, item, offset) for item in found}
        for item in found:
            results.append(_to_record(article, item, offset, ids))
    return results


def _shift(span: tuple[int, int] | None, offset: int) -> tuple[int, int] | None:
    return (span[0] + offset, span[1] + offset) if span is not None else None


def _id(article: Article, item: Found, offset: int) -> str:
    spans = tuple(_shift(s, offset) for s in item.content)
    return attribution_id(article.hash, _shift(item.cue_span, offset), spans, item.kind)


def _to_record(article: Article, item: Found, offset: int, ids: dict[int, str]) -> Attribution:
    spans = tuple(_shift(s, offset) for s in item.content)
    content = " … ".join(article.text[s:e] for s, e in spans) if spans else None
    speaker = item.speaker if isinstance(item.speaker, Speaker) else None
    source_span = _shift((item.source.start_char, item.source.end_char), offset) if item.source is not None else None
    return Attribution(
        id=ids[id(item)], kind=item.kind, speaker=speaker, source_span=source_span,
        cue=item.cue.text if item.cue is not None else None, cue_span=_shift(item.cue_span, offset),
        cue_class=item.cue_class, content=content, content_spans=spans,
        sentence=_shift(item.sentence, offset), via=tuple(item.via),
        parent=ids.get(id(item.parent)) if item.parent is not None else None,
        flags=tuple(dict.fromkeys(item.flags + (["nested"] if item.parent is not None else []))),
        confidence=item.confidence, method="rules")


__all__ = ["extract_attributions", "find_in_doc", "replace"]
