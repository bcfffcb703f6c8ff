"""Attribution: from parsed text to `Attribution` records.

Order of work for one parsed piece of an article:
1. `quotes.direct_quotes` — quote marks (`marks.py`, read once for steps 1 and 2) with a cue after or before
   them or a frame (`frames.py`), and cue-less continuations (`continuations.py`);
2. `reported.reported_speech` — indirect and mixed speech, "according to", cues whose words are missing; then
   `continuations.after_statements` — quotations that go on with a reported statement;
3. the learned tagger (`learned/`, where its model is installed) adds what the rules missed: its candidates whose
   content overlaps no rule content (`merge.py`);
4. `speakers.resolve_speakers` — each source mention to an identity, in text order (the writer's own "I"/"we"
   to the byline's person where `with_byline` is given the article);
5. nesting — an attribution whose cue lies inside another's content is its child; an outlet that relays a
   statement becomes the child's `via` too, so the chain (EIRNS ← Tass ← ministry) reads either way.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from claimgraph.attribution.continuations import after_statements, inside_statements
from claimgraph.attribution.cues import is_narrative, is_result_not_statement, lexicon
from claimgraph.attribution.found import TEXT_KEY, Found, doc_text, mention_span, sentence_of, swallowed, trim
from claimgraph.attribution.labels import label_lines, speaker_labels
from claimgraph.attribution.learned.gate import DEFAULT as DEFAULT_GATE
from claimgraph.attribution.learned.gate import (
    QUOTED_KINDS,
    Gate,
    cue_above,
    is_clause,
    loose_content,
    opens_clause,
    shares_cue,
    source_kind,
    unquoted,
)
from claimgraph.attribution.learned.stage2 import features as stage2_features
from claimgraph.attribution.marks import find_quotes, with_single_quotes
from claimgraph.attribution.merge import merge
from claimgraph.attribution.quotes import direct_quotes
from claimgraph.attribution.reported import cue_subject, found_thing, not_a_statement, reported_speech
from claimgraph.attribution.speakers import resolve_speakers, with_byline
from claimgraph.nlp.predicates import content_tokens, predicate_words
from claimgraph.records import Article, Attribution, Speaker, attribution_id

WORDS = re.compile(r"\w+")


def find_in_doc(doc: Doc, candidates: list | None = None, gate: Gate | None = None) -> list[Found]:
    """Every attribution in one Doc, in text order, speakers resolved: the rules' finds, then the learned
    tagger's `candidates` (char offsets into this Doc) that the rules did not find and `gate` admits
    (learned/gate.py; its DEFAULT where None)."""
    return complete(doc, rule_finds(doc), candidates, gate)


def rule_finds(doc: Doc) -> list[Found]:
    """The rules' finds in one Doc, before the tagger's are merged (the attributions component tags only what
    these leave uncovered)."""
    used: set[int] = set()
    marks = find_quotes(doc_text(doc))  # quote marks, read once for both rule components
    # The quote steps read British single marks too; reported speech reads them around a content itself.
    quoted = with_single_quotes(doc_text(doc), marks)
    quotes = direct_quotes(doc, used, quoted)
    labelled = speaker_labels(doc)
    # A labelled transcript line is one statement: quotes and cues inside it are not statements of their own.
    inside = [(s, e) for item in labelled for s, e in item.content]
    quotes = [q for q in quotes if not any(s <= q.content[0][0] < e for s, e in inside)]
    reported = reported_speech(doc, used, quotes, marks)
    quotes = inside_statements(quotes, reported)
    return labelled + quotes + reported + after_statements(doc, quoted, quotes, reported)


def complete(doc: Doc, found: list[Found], candidates: list | None = None, gate: Gate | None = None) -> list[Found]:
    """The rules' finds with the admitted candidates added, in text order, nested, speakers resolved, relays."""
    if candidates:
        gate = gate or DEFAULT_GATE
        cues = [(item.cue.start_char, item.cue.end_char) for item in found if item.cue is not None and item.content]
        text = doc_text(doc)
        quotes = with_single_quotes(text, find_quotes(text)) if gate.quoted_firm else ()
        found = [item if isinstance(item, Found) else _from_candidate(doc, item, gate, cues, quotes)
                 for item in merge(found, candidates)]
        found = [item for item in found if item is not None]
    found = _outside_label_lines(doc, found)
    found.sort(key=_position)
    _nest(found)
    resolve_speakers(found, doc)
    found = _without_inner_restatements(found)
    _relay(found)
    doc.user_data.pop(TEXT_KEY, None)
    return found


def _from_candidate(doc: Doc, candidate, gate: Gate, rule_cues=(), quotes=()) -> Found | None:
    """A learned candidate as a working record: kind from the quote marks, cue class from the lexicon, and the
    cue's grammatical subject as source where the tagger found none; None where the gate refuses it (`rule_cues`:
    the char offsets of the cues of the rules' finds with a content, `quotes` the text's quotes, double and single
    marks, which the gate may read)."""
    text = doc_text(doc)
    content = [tuple(span) for span in candidate.content_spans]
    cue = doc.char_span(*candidate.cue_span, alignment_mode="expand") if candidate.cue_span else None
    source = doc.char_span(*candidate.source_span, alignment_mode="expand") if candidate.source_span else None
    if source is None and cue is not None and len(cue):
        subject, _ = cue_subject(cue.root)
        if subject is not None:
            source = doc.char_span(*trim(doc, *mention_span(subject, cue.root)), alignment_mode="expand")
    if cue is None or not len(cue):
        return None  # without a cue a candidate is right a quarter of the time on dev
    content_span = doc.char_span(*content[0], alignment_mode="expand")
    if is_narrative(cue.root) or is_result_not_statement(cue.root, content_span) or found_thing(cue.root) \
            or not_a_statement(cue.root):
        return None  # "made plans to meet", "was named", "claims gold": doing, not saying
    start, end = content[0][0], content[-1][1]
    quoted = start > 0 and text[start - 1] in "\"“'" or text[start:start + 1] in {'"', "“"}
    kind = "direct" if quoted else ("mixed" if any(c in text[start:end] for c in "\"“”") else "indirect")
    entry = lexicon().get(cue.root.lemma_.lower())
    if kind == "indirect" and cue.root.lower_ == "according":
        kind = "according_to"
    lexicon_cue = entry is not None or kind == "according_to"
    if not gate.admits(kind, float(candidate.confidence), source is not None, lexicon_cue,
                       entry.cue_class if entry else None, source_kind(source), is_clause(doc, content),
                       lambda: stage2_features(doc, kind, float(candidate.confidence), cue, source, content,
                                               entry.cue_class if entry else None),
                       cue_above(text, (cue.start_char, cue.end_char), content),
                       shares_cue((cue.start_char, cue.end_char), rule_cues),
                       opens_clause(doc, content) if gate.indirect_opens_clause else None,
                       loose_content(doc, cue, content) if gate.indirect_firm else None,
                       unquoted(doc, quotes, cue, content) if gate.quoted_firm and kind in QUOTED_KINDS else None):
        return None
    return Found(kind=kind, cue=cue, source=source, content=content,
                 cue_class=entry.cue_class if entry else "report",
                 sentence=sentence_of(doc, *content), confidence=round(float(candidate.confidence), 3),
                 method="learned")


def _outside_label_lines(doc: Doc, found: list[Found]) -> list[Found]:
    """Drop what stands on a link or label line ("READ MORE: Mayor says …"), whichever method found it."""
    lines = label_lines(doc)
    if not lines:
        return found
    return [item for item in found if not any(s <= _position(item) < e for s, e in lines)]


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


def _inner_restatement(item: Found) -> bool:
    """A nested find that adds no second voice to the statement holding it: the holder's own speaker again ("Vell
    said she believes the plan will fail"), no source at all ("said the vote is expected to pass"), or a belief the
    holder ascribes to someone ("Vell said voters fear the plan"; nobody is reported saying anything). A statement
    by another speaker inside it ("Tass reports that the ministry said …") stays, with the holder as its parent."""
    parent = item.parent
    if parent is None:
        return False
    same = (isinstance(item.speaker, Speaker) and isinstance(parent.speaker, Speaker)
            and item.speaker.key == parent.speaker.key)
    return same or item.source is None or item.cue_class == "think" or swallowed(item)


def _without_inner_restatements(found: list[Found]) -> list[Found]:
    """Leave out the nested finds that restate their holder (`_inner_restatement`); the rest are nested again.
    PolNeAR never marks them (on train, rules only: 384 such finds, 43 of them right, where the holder missed its
    gold span), and a reader sees the holder's statement once."""
    kept = [item for item in found if not _inner_restatement(item)]
    if len(kept) == len(found):
        return found
    for item in kept:
        item.parent = None
    _nest(kept)
    return kept


def _relay(found: list[Found]) -> None:
    """An outlet that reports what another said: the child carries the outlet as `via`, the outlet's cue is relay."""
    for item in found:
        if isinstance(item.speaker, Speaker) and item.speaker.type == "news_outlet" and item.cue_class == "report":
            item.cue_class = "relay"  # "The Gazette reports that …": an outlet passing news on
    for item in found:
        parent = item.parent
        if parent is None or not isinstance(parent.speaker, Speaker) or parent.speaker.type != "news_outlet":
            continue
        if parent.cue_class in {"report", "relay"}:
            parent.cue_class = "relay"
        if parent.speaker.name not in item.via:
            item.via.append(parent.speaker.name)


def extract_attributions(article: Article, pieces: list[tuple[int, Doc]], learned: bool = True,
                         gate: Gate | None = None) -> list[Attribution]:
    """All attributions of one article, from its parsed pieces (offset into the article text, Doc)."""
    results: list[Attribution] = []
    for offset, doc in pieces:
        candidates = None
        if learned:
            from claimgraph.attribution.learned import learned_candidates

            # The tagger's spans are article offsets; this piece's rules work in the piece's own offsets.
            candidates = [_shift_candidate(c, -offset) for c in learned_candidates(doc, offset)]
        found = find_in_doc(doc, candidates, gate)
        results += records_of(article, found, offset, doc)
    return with_byline(article, results)


def records_of(article: Article, found: list[Found], offset: int = 0, doc: Doc | None = None) -> list[Attribution]:
    """Records of what `find_in_doc` found in a piece of `article` that starts at char `offset`; `doc`, that
    piece's parse, gives each record's predicates (none recorded without it)."""
    ids = {id(item): _id(article, item, offset) for item in found}
    return _once([_to_record(article, item, offset, ids, doc) for item in found])


def _once(results: list[Attribution]) -> list[Attribution]:
    """One record per statement: a paragraph a page repeats (three times, on some sites) gives the same speaker,
    cue and content words again at other offsets. Keep the first; a repeat's children point to the first's id
    instead (the repeat's own children are repeats too, and go the same way)."""
    kept: list[Attribution] = []
    first: dict[tuple, str] = {}
    replaced: dict[str, str] = {}
    for item in results:
        who = item.speaker.key if item.speaker is not None else None
        key = (who, (item.cue or "").lower(), item.kind, tuple(WORDS.findall((item.content or "").lower())))
        if key in first and key[3]:  # a cue without its words ("the ministry said.") is no repeat of another
            replaced[item.id] = first[key]
            continue
        first.setdefault(key, item.id)
        kept.append(item)
    if not replaced:
        return kept
    return [replace(item, parent=replaced.get(item.parent, item.parent)) if item.parent else item for item in kept]


def _shift_candidate(candidate, delta: int):
    return replace(candidate, content_spans=tuple(_shift(s, delta) for s in candidate.content_spans),
                   cue_span=_shift(candidate.cue_span, delta), source_span=_shift(candidate.source_span, delta))


def _shift(span: tuple[int, int] | None, offset: int) -> tuple[int, int] | None:
    return (span[0] + offset, span[1] + offset) if span is not None else None


def _id(article: Article, item: Found, offset: int) -> str:
    spans = tuple(_shift(s, offset) for s in item.content)
    return attribution_id(article.hash, _shift(item.cue_span, offset), spans, item.kind)


def _to_record(article: Article, item: Found, offset: int, ids: dict[int, str], doc: Doc | None = None
               ) -> Attribution:
    spans = tuple(_shift(s, offset) for s in item.content)
    content = " … ".join(article.text[s:e] for s, e in spans) if spans else None
    speaker = item.speaker if isinstance(item.speaker, Speaker) else None
    # A source that trimmed away to nothing ("PORT ELLIS (AP) — , . said": the subject is a full stop) is no source.
    has_source = item.source is not None and item.source.end_char > item.source.start_char
    source_span = _shift((item.source.start_char, item.source.end_char), offset) if has_source else None
    return Attribution(
        id=ids[id(item)], kind=item.kind, speaker=speaker, source_span=source_span,
        cue=item.cue.text if item.cue is not None else None, cue_span=_shift(item.cue_span, offset),
        cue_class=item.cue_class, content=content, content_spans=spans,
        sentence=_shift(item.sentence, offset), via=tuple(item.via),
        parent=ids.get(id(item.parent)) if item.parent is not None else None,
        flags=tuple(dict.fromkeys(item.flags + (["nested"] if item.parent is not None else []))),
        confidence=item.confidence, method=item.method,
        # read from the piece's own parse, so that claim linking need not parse the statement again (issue 12)
        predicates=predicate_words(content_tokens(doc, item.content)) if doc is not None and item.content else None)


__all__ = ["complete", "extract_attributions", "find_in_doc", "records_of", "rule_finds"]
