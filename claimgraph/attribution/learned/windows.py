"""Where the tagger runs: around the sentences that can hold an attribution, not over every token.

The tagger's CNN costs more than the rules (issue 9, "speed stays"), and most sentences of a news article hold no
attribution. The gate (gate.py) keeps quoted additions (a quote mark marks the content) and, in the gates that
keep any, indirect ones with some cues (the default: speech verbs). So the tagger only needs the sentences with a
double quote mark, a sentence inside an open quotation, or a verb whose lemma is one of the gate's cue lemmas
(`Gate.cue_lemmas`; "according" too); of those only the ones the rules' finds leave mostly uncovered: a candidate
overlapping a rule content is dropped (merge.py), so tagging there is wasted. On PolNeAR dev that is 26% of the
tokens with the default gate, 11% with quotes alone (`quoted90`), 27% with every lexicon cue (`shipped`). Each
run of such sentences is tagged as its own Doc (`Span.as_doc` keeps the parse and entities the tagger reads); every
other token is O. Where the windows cover most of a Doc anyway, the whole Doc is tagged in one piece.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import numpy
from spacy.attrs import ENT_IOB, HEAD, LEMMA, LOWER, ORTH, POS, SPACY
from spacy.parts_of_speech import VERB as VERB_POS
from spacy.tokens import Doc

from claimgraph.attribution.cues import lexicon
from claimgraph.attribution.learned.stack import KEY as RULES_KEY
from claimgraph.attribution.learned.stack import attach, reads_rules

SCOPES = ("windows", "all")
CONTEXT = 0  # sentences kept on each side of a sentence that can hold an attribution
WHOLE_DOC_SHARE = 0.85  # windows covering more of the Doc than this: tag the whole Doc (slicing would cost more)
COVERED_SHARE = 0.5  # a sentence at least this much inside the rules' contents is not tagged
OPENING, CLOSING, TOGGLING = "“«", "”»", '"'


def can_hold(sentences: Sequence, cues: bool | Collection[str] = True) -> list[bool]:
    """Per sentence: a double quote mark, inside an open quotation, or a verb with a cue lemma ("the state" and
    "a report" are no cues): with `cues` True any of the lexicon's, with a set of lemmas one of those (a gate's
    `cue_lemmas`), with False or an empty set none; "according" always with `cues`.

    `sentences` are spans of one Doc, in order; the quotation state runs on from one to the next. Read from the
    Doc's columns: only the tokens that can change the answer (quote marks, paragraph breaks, cue verbs) are
    visited, each kind of token (ORTH, LEMMA) looked at once."""
    if not len(sentences):
        return []
    doc = sentences[0].doc
    lemmas = (lexicon() if cues is True else cues) if cues else {}
    marks, breaks, cue_at = _events(doc, lemmas, bool(cues))
    out = []
    inside = False
    for sent in sentences:
        start, end = sent.start, sent.end
        hit = inside
        for i in marks[numpy.searchsorted(marks, start):numpy.searchsorted(marks, end)].tolist():
            if i in breaks:  # news reopens a quotation in each paragraph without closing the last
                inside = False
                continue
            hit = True
            for c in doc[i].text:
                inside = True if c in OPENING else False if c in CLOSING else (not inside) if c == TOGGLING \
                    else inside
        if not hit and cues:
            hit = bool(cue_at[start:end].any())
        out.append(hit)
    return out


# Per token text (ORTH hash: the same string hashes alike in every Vocab): 1 a double quote mark in it, 2 a
# paragraph break (whitespace holding "\n\n"), 0 neither; and per lemma hash its lowercase string. Kept across
# Docs, since most of a Doc's words were seen in the ones before; emptied past CACHE_SIZE entries.
_KINDS: dict[int, int] = {}
_LOWER: dict[int, str] = {}
CACHE_SIZE = 1_000_000
_QUOTE_CHARS = OPENING + CLOSING + TOGGLING


def _kind(text: str) -> int:
    if any(c in text for c in _QUOTE_CHARS):
        return 1
    return 2 if "\n\n" in text and text.isspace() else 0


def _events(doc: Doc, lemmas: Collection[str], cues: bool) -> tuple[numpy.ndarray, set[int], numpy.ndarray]:
    """The positions of tokens with a double quote mark or a paragraph break (a space token holding "\n\n"), in
    order; which of them are breaks; and per token whether it is a cue (a verb with a lemma in `lemmas`, or
    "according")."""
    n = len(doc)
    columns = doc.to_array([ORTH, POS, LEMMA, LOWER])
    strings = doc.vocab.strings
    for cache in (_KINDS, _LOWER):
        if len(cache) > CACHE_SIZE:
            cache.clear()
    marked, breaking = [], []
    for orth in set(columns[:, 0].tolist()):
        kind = _KINDS.get(orth)
        if kind is None:
            kind = _KINDS[orth] = _kind(strings[orth])
        if kind:
            (marked if kind == 1 else breaking).append(orth)
    marks = numpy.flatnonzero(numpy.isin(columns[:, 0], marked + breaking)) if marked or breaking \
        else numpy.zeros(0, dtype="int64")
    breaks = set(numpy.flatnonzero(numpy.isin(columns[:, 0], breaking)).tolist()) if breaking else set()
    if not cues:
        return marks, breaks, numpy.zeros(n, dtype=bool)
    verbs = columns[:, 1] == VERB_POS
    cue_lemmas = []
    for lemma in set(columns[verbs, 2].tolist()):
        lower = _LOWER.get(lemma)
        if lower is None:
            lower = _LOWER[lemma] = strings[lemma].lower()
        if lower in lemmas:
            cue_lemmas.append(lemma)
    cue_at = columns[:, 3] == strings["according"]
    if cue_lemmas:
        cue_at |= verbs & numpy.isin(columns[:, 2], cue_lemmas)
    return marks, breaks, cue_at


def windows(doc: Doc, covered: Sequence[tuple[int, int]] = (), cues: bool | Collection[str] = True
            ) -> list[tuple[int, int]]:
    """Token ranges [start, end) to tag: runs of sentences that can hold an attribution, with their context,
    leaving out sentences mostly inside `covered` (char spans: the rules' contents, where any candidate of the
    tagger would be dropped by merge.py anyway)."""
    if not len(doc) or not doc.has_annotation("SENT_START"):
        return [(0, len(doc))]
    sentences = list(doc.sents)
    hits = can_hold(sentences, cues)
    if covered:
        inside = numpy.zeros(len(doc), dtype=bool)
        for start, end in covered:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                inside[span.start:span.end] = True
        counts = numpy.concatenate([[0], numpy.cumsum(inside)])
        # the share of each sentence's tokens inside: the same float as inside[start:end].mean()
        hits = [hit and float(counts[sent.end] - counts[sent.start]) / (sent.end - sent.start) < COVERED_SHARE
                for hit, sent in zip(hits, sentences)]
    keep = [any(hits[max(0, k - CONTEXT):k + CONTEXT + 1]) for k in range(len(sentences))]
    ranges: list[tuple[int, int]] = []
    for sent, kept in zip(sentences, keep):
        if not kept:
            continue
        if ranges and ranges[-1][1] == sent.start:
            ranges[-1] = (ranges[-1][0], sent.end)
        else:
            ranges.append((sent.start, sent.end))
    return ranges


def tag(tagger, docs: list[Doc], scope: str = "windows",
        covered: Sequence[Sequence[tuple[int, int]]] | None = None, cues: bool | Collection[str] = True,
        rules: Sequence[Sequence] | None = None) -> None:
    """Annotate `docs` with the tagger (`doc._.attr_tags`/`attr_probs`), over windows or (scope "all") whole;
    `covered` gives per doc the char spans the rules already hold, `cues` the cue lemmas whose sentences are tagged
    too (the gate's `cue_lemmas`: a gate that keeps no indirect additions needs only the quotes; see `can_hold`).
    `rules` gives per doc the rules' finds: a stacked tagger (stack.py) reads them as features, on each piece the
    slice of its Doc's; where `covered` is not given, it is their contents."""
    if rules is not None and covered is None:
        covered = [[s for item in found for s in item.content] for found in rules]
    stacked = rules is not None and reads_rules(tagger)
    if stacked:
        for doc, found in zip(docs, rules):
            attach(doc, found)
    try:
        _tag(tagger, docs, scope, covered, cues, stacked)
    finally:
        if stacked:  # the columns are an input of this call only: Docs handed back carry no arrays
            for doc in docs:
                doc.user_data.pop(RULES_KEY, None)


def piece_doc(doc: Doc, start: int, end: int, head: tuple, array: numpy.ndarray,
              ents: Sequence[tuple[int, int]]) -> Doc:
    """`doc[start:end].as_doc(array_head=head, array=array)` as far as the tagger reads it (every token attribute,
    entity, sentence start and hook the same; tests/attribution/test_piece_doc.py compares them), without what
    as_doc adds for other readers: the span's mean vector and the Doc's categories, and without reading the whole
    Doc's entities twice per piece. `array` is the Doc's `to_array(head)` (its rows start:end are rewritten, as
    as_doc rewrites them), `ents` the Doc's entities as (start, end) token offsets, in order."""
    strings = doc.vocab.strings
    rows = array[start:end]
    words = [strings[orth] for orth in rows[:, head.index(ORTH)].tolist()]
    piece = Doc(doc.vocab, words=words, spaces=(rows[:, head.index(SPACY)] != 0).tolist())
    # as_doc rewires the heads that point out of the piece (token by token); a piece of whole sentences has none
    heads = numpy.arange(len(rows)) + rows[:, head.index(HEAD)].view("int64")
    if len(rows) and (heads.min() < 0 or heads.max() >= len(rows)):
        doc[start:end]._fix_dep_copy(head, rows)
    if len(rows) > 0 and ENT_IOB in head:  # an entity begun before the piece begins at its first token
        iob = head.index(ENT_IOB)
        if rows[0][iob] == 1:
            rows[0][iob] = 3
    piece.from_array(head, rows)
    # An entity cut by either edge of the piece is left unannotated there, as as_doc leaves it.
    inside = {(s, e) for s, e in ents if s >= start and e <= end}
    piece_ents = piece.ents
    if len(piece_ents) > 0:
        if (piece_ents[0].start + start, piece_ents[0].end + start) not in inside:
            piece.set_ents([], missing=[piece_ents[0]], default="unmodified")
        if (piece_ents[-1].start + start, piece_ents[-1].end + start) not in inside:
            piece.set_ents([], missing=[piece_ents[-1]], default="unmodified")
    piece.noun_chunks_iterator = doc.noun_chunks_iterator
    piece.user_hooks = doc.user_hooks
    piece.user_span_hooks = doc.user_span_hooks
    piece.user_token_hooks = doc.user_token_hooks
    piece.tensor = doc.tensor[start:end]
    return piece


def _tag(tagger, docs: list[Doc], scope: str, covered, cues, stacked: bool) -> None:
    if scope == "all":
        tagger.set_annotations(docs, tagger.predict(docs))
        return
    pieces: list[Doc] = []
    plans: list[list[tuple[int, int, int]]] = []  # per doc: (start, end, index into pieces)
    for k, doc in enumerate(docs):
        ranges = windows(doc, covered[k] if covered else (), cues)
        if sum(e - s for s, e in ranges) > WHOLE_DOC_SHARE * len(doc):
            ranges = [(0, len(doc))]
        plans.append([(s, e, len(pieces) + k) for k, (s, e) in enumerate(ranges)])
        # Each piece is built from the whole Doc's columns and entities, read once per Doc, not once per piece
        # (each piece rewrites only its own rows of the copy, and the pieces do not overlap).
        columns = None
        for s, e in ranges:
            if (s, e) == (0, len(doc)):
                piece = doc
            else:
                if columns is None:
                    head = Doc._get_array_attrs()
                    columns = (head, doc.to_array(head), [(ent.start, ent.end) for ent in doc.ents])
                piece = piece_doc(doc, s, e, *columns)
            if stacked and piece is not doc:
                piece.user_data[RULES_KEY] = doc.user_data[RULES_KEY][s:e]
            pieces.append(piece)
    scores = tagger.predict(pieces) if pieces else []
    n_labels = len(tagger.labels)
    for doc, plan in zip(docs, plans):
        full = numpy.zeros((len(doc), n_labels), dtype="float32")
        full[:, 0] = 1.0  # O (LABELS[0]) wherever the tagger did not run
        for start, end, k in plan:
            full[start:end] = scores[k]
        tagger.set_window_annotations(doc, full, [(start, end) for start, end, _ in plan])


__all__ = ["SCOPES", "can_hold", "piece_doc", "tag", "windows"]
