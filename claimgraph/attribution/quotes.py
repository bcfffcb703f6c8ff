"""Direct quotes: every quotation that stands as a clause of its own, with its cue and speaker (`direct_quotes`,
step 1 of the order of work in claimgraph/attribution/__init__.py's docstring).

For each direct quotation (marks.py) the cue is looked for after the closing mark, then before the opening one,
then among the frames (frames.py); a quotation with none goes on with the statement before it or stands in a
sentence of its own (continuations.py). The words a sentence goes on with around the quotation and its cue clause
make a mixed statement (`_sentence_goes_on`, `_words_before_cue_clause`, `_subject_before_quote`), and a quotation
said first before "Downey continued, “…”" joins the one after it (`_said_before_going_on`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimgraph.attribution.continuations import (
    after_mixed_statement,
    continues,
    cue_clause_ends_sentence,
    goes_on_past_labels,
    own_sentence_subject,
    plain_words,
    same_utterance,
    sentence_start,
    thing_before_colon,
)
from claimgraph.attribution.cue_sources import after_short_title, channel, speaker_mention
from claimgraph.attribution.cues import classify, cue_for
from claimgraph.attribution.found import Found, doc_text, sentence_of, trim
from claimgraph.attribution.frames import (
    colon_after_reported_clause,
    cue_after,
    cue_before,
    dash_signature,
    frame_verb_after,
    frame_verb_before,
    named_colon,
    noun_frame,
    written_frame_after,
)
from claimgraph.attribution.marks import CLOSE, OPEN, SINGLE_OPEN, WORD, Quote, ends_inside, is_direct
from claimgraph.attribution.unsaid import unsaid

GOING_ON = {"continue", "add"}  # cue verbs that say their subject spoke before ("Downey continued, “…”")


def _said_before_going_on(doc: Doc, marks: list[Quote], qi: int, cue: Token, found: list[Found]
                          ) -> tuple[int, int] | None:
    """'“We thought at first he was lost. …” Downey continued, “There's no better feeling …”': a cue clause that
    opens the next quotation and says its subject goes on ("continued", "added", "went on") follows a quotation
    that ended its sentence in the same paragraph and that no statement holds yet: that quotation is what the
    subject said first (one statement, the earlier words its first span). The quotation's words, or None."""
    if qi == 0 or not (cue.lemma_ in GOING_ON or (cue.lemma_ == "go" and any(
            c.dep_ == "prt" and c.lower_ == "on" for c in cue.children))):
        return None
    text = doc_text(doc)
    before, quote = marks[qi - 1], marks[qi]
    gap = text[before.end:quote.start]
    if not before.closed or not is_direct(text, before) or not ends_inside(text, before) or "\n" in gap \
            or any(c in gap for c in {*OPEN, *CLOSE, *SINGLE_OPEN}) or len(WORD.findall(gap)) > 8 \
            or not before.end <= cue.idx < quote.start:
        return None
    if any(s < before.inner[1] and before.inner[0] < e for item in found for s, e in item.content):
        return None  # already a statement's words (a continuation of the quotation before it, say)
    inner = trim(doc, *before.inner, keep_final_period=True)
    return inner if inner[1] > inner[0] else None


def direct_quotes(doc: Doc, used: set[int], marks: list[Quote]) -> list[Found]:
    """Every direct quote with its cue and speaker mention; continued quotes keep the previous speaker, unless the
    quote stands in a sentence with a subject of its own (`_own_sentence_subject`). `marks`: the quotes of both
    kinds (`with_single_quotes`)."""
    text = doc_text(doc)
    found: list[Found] = []
    last: Found | None = None
    previous_quote: Quote | None = None
    previous_index = -1
    for qi, quote in enumerate(marks):
        if not is_direct(text, quote):
            continue
        inner = trim(doc, *quote.inner, keep_final_period=True)
        inner = (quote.inner[0], quote.inner[1]) if inner[1] <= inner[0] else (inner[0], quote.inner[1])
        cue = cue_after(doc, quote, used)
        after = quote.end
        # 'Vell told the Times there was one thing left to say: “…”': the reporting cue's subject, read before
        # `_cue_before`, whose cue ending the words before the colon ("to say") would give "one thing".
        signed = colon_after_reported_clause(doc, quote, used) if cue is None else None
        if cue is None and signed is None:
            cue = cue_before(doc, quote, used)
            after = None
        if cue is None and signed is None:
            signed = dash_signature(doc, quote)
        if cue is None and signed is None:
            signed = named_colon(doc, quote)
        if cue is None and signed is None:
            cue = frame_verb_after(doc, quote, used) or written_frame_after(doc, quote, used)
            after = quote.end
            if cue is None:
                cue, after = frame_verb_before(doc, quote, used), None
            if cue is None:
                signed = noun_frame(doc, quote)
        if cue is not None and unsaid(cue):
            previous_quote, previous_index = quote, qi
            continue  # '“…” helps me see why voters might question …': a cue that says nothing (unsaid.py)
        if signed is not None:
            dash, source = signed
            item = Found(kind="direct", cue=dash, source=source, content=[inner], cue_class="report",
                         sentence=sentence_of(doc, inner, (source.start_char, source.end_char)), confidence=0.8,
                         quote_index=qi)
            found.append(item)
            last = item
            previous_quote, previous_index = quote, qi
            continue
        if cue is not None:
            used.add(cue.i)
            source = speaker_mention(doc, cue, after)
            content = doc.char_span(*inner, alignment_mode="expand")
            # '“Only you,” she said, would use …': the words after the cue clause are said too (a mixed quote).
            rest = _sentence_goes_on(doc, quote, cue) if after is not None else None
            if rest is None and after is not None:
                rest = _words_before_cue_clause(doc, quote, cue, source)
            lead = _subject_before_quote(doc, quote, used) if after is not None else None
            # '“A.” Downey continued, “B.”': the quotation before the frame is the same speaker's, said first.
            said_first = _said_before_going_on(doc, marks, qi, cue, found) if after is None else None
            item = Found(kind="mixed" if rest or lead else "direct", cue=doc[cue.i:cue.i + 1], source=source,
                         content=([said_first] if said_first else []) + ([lead] if lead else []) + [inner]
                         + ([rest] if rest else []),
                         cue_class=classify(cue_for(cue), content) if cue_for(cue) else "report",
                         sentence=sentence_of(doc, *([said_first] if said_first else []), inner,
                                              (cue.idx, cue.idx + len(cue))),
                         via=channel(doc, cue), confidence=0.9, quote_index=qi)
            found.append(item)
            last = item
        elif (joined := after_mixed_statement(doc, marks, qi, used)) is not None:
            mixed_cue, lead = joined
            used.add(mixed_cue.i)
            item = Found(kind="mixed", cue=doc[mixed_cue.i:mixed_cue.i + 1], source=speaker_mention(doc, mixed_cue),
                         content=[lead, inner],
                         cue_class=classify(cue_for(mixed_cue), None) if cue_for(mixed_cue) else "report",
                         sentence=sentence_of(doc, lead, inner), via=channel(doc, mixed_cue), confidence=0.8,
                         quote_index=qi)
            found.append(item)
            last = item
        elif last is not None and (continues(doc, last, quote) or (
                last.quote_index == previous_index and goes_on_past_labels(text, previous_quote, quote))):
            if last.quote_index == previous_index and (same_utterance(doc, quote, previous_quote)
                                                       or cue_clause_ends_sentence(doc, last, previous_quote, quote)):
                # '"A," she said. "B."' or a quote reopened in the next paragraph: one statement, several spans.
                _join(doc, last, inner, qi)
                previous_quote, previous_index = quote, qi
                continue
            if thing_before_colon(doc, quote):
                previous_quote, previous_index = quote, qi
                continue  # the quotation is whatever a thing's clause introduces, nobody's that the text names
            own = own_sentence_subject(doc, quote)
            item = Found(kind="direct", cue=None, source=own, content=[inner], cue_class=last.cue_class,
                         sentence=sentence_of(doc, inner), flags=[] if own is not None else ["continuation"],
                         confidence=0.6, quote_index=qi, parent=None)
            if own is None:
                item.speaker = last  # resolved to the same speaker as the quote it continues
            found.append(item)
            last = item
        previous_quote, previous_index = quote, qi
    return found


def _join(doc: Doc, statement: Found, inner: tuple[int, int], qi: int) -> None:
    """Add a quotation's words to a statement as one more content span (PolNeAR marks the pieces of one
    statement as one attribution with several spans)."""
    statement.content.append(inner)
    statement.sentence = (min(statement.sentence[0], sentence_of(doc, inner)[0]),
                          max(statement.sentence[1], sentence_of(doc, inner)[1]))
    statement.quote_index = qi


RELATIVE_STARTS = {"who", "which", "whose", "whom", "where", "when", "while", "and", "but", "as", "because", "though",
                   "although", "before", "after", "in", "at", "on", "during", "referring", "adding", "saying"}


def _sentence_goes_on(doc: Doc, quote: Quote, cue: Token) -> tuple[int, int] | None:
    """'“Only you, Dinesh,” she said, would use the occasion …': the quoted words end with a comma and the
    sentence goes on after the cue clause with the rest of what was said (a verb without a subject of its own, or a
    that-clause): the rest is a second span of the same statement. Appositions and relative clauses about the
    speaker ('said Vell, the mayor, …', '…, who runs …') are not."""
    text = doc_text(doc)
    if not text[quote.inner[0]:quote.inner[1]].rstrip().endswith(","):
        return None
    sent = cue.sent
    i = cue.i + 1  # the speaker is named before the cue ('she said,'), never after it ('said Vell, a …,')
    if i >= sent.end - 1 or doc[i].text != "," or not any(t.dep_ == "nsubj" and t.i < cue.i for t in cue.children):
        return None
    rest = [t for t in doc[i + 1:sent.end] if not t.is_space]
    if not rest or not rest[0].is_lower or rest[0].lower_ in RELATIVE_STARTS or rest[0].tag_ == "VBG":
        return None
    if any(t.text in OPEN or t.text in CLOSE or cue_for(t) is not None for t in rest[:1]):
        return None
    # What was said goes on: a that-clause, or a finite verb whose subject stands inside the quote.
    inside = {t.i for t in rest}
    heads = [t for t in rest if (t.head.i not in inside or t.head.i == t.i) and not t.is_punct]
    finite = len(heads) == 1 and heads[0].pos_ in {"VERB", "AUX"} and heads[0].tag_ != "VBG" and (
        heads[0].tag_ in {"VBD", "VBZ", "VBP"} or any(c.tag_ == "MD" for c in heads[0].children))
    if rest[0].lower_ != "that" and not (finite and not any(
            c.dep_ in {"nsubj", "nsubjpass", "expl"} and c.i > i for c in heads[0].children)):
        return None
    start, end = trim(doc, rest[0].idx, rest[-1].idx + len(rest[-1]))
    return (start, end) if end > start else None


def _words_before_cue_clause(doc: Doc, quote: Quote, cue: Token, source: Span | None) -> tuple[int, int] | None:
    """'“We don't teach anything” against homosexuality in the meetings, he said.', '“There's a sense of stability
    now,” and donations began to pick up again, Gilbert said.': words between the closing mark and the cue clause
    go on with what was said (a second span of the same statement)."""
    text = doc_text(doc)
    if ends_inside(text, quote):
        return None  # the quoted sentence ended: what follows is another one
    clause = min(cue.idx, source.start_char) if source is not None else cue.idx
    gap = text[quote.end:clause]
    if "\n" in gap or any(c in gap for c in OPEN) or any(c in gap for c in CLOSE) or not WORD.search(gap) \
            or len(WORD.findall(gap)) > 25:
        return None
    start, end = trim(doc, quote.end, clause)
    if end <= start or not WORD.search(text[start:end]) or _title_before_name(doc, quote.end, clause):
        return None
    return start, end


def _title_before_name(doc: Doc, start: int, end: int) -> bool:
    """'“…,” Cumbria Sgt. Gill Cherry told …', '“…,” Cpl. Tarn's aunt told …': the words before the subject the
    parse gives the cue are a place and a short title written before the name (the speakers step reads a mention
    that opens with one as a name "Sgt" or "Cpl"), not more of what was said."""
    words = [t for t in doc.char_span(start, end, alignment_mode="contract") or [] if not t.is_space]
    return any(after_short_title(doc, t) for t in words) and all(
        t.is_title or t.text[:1].isdigit() or t.text in {".", ","} for t in words)


def _subject_before_quote(doc: Doc, quote: Quote, used: set[int]) -> tuple[int, int] | None:
    """'The party, attended by hundreds every year, “allows us to get our message out,” said Coleman': a quote that
    opens in lower case goes on with the words its sentence began with (the first span of a mixed statement)."""
    text = doc_text(doc)
    first = text[quote.inner[0]:quote.inner[1]].lstrip()[:1]
    if not first.islower():
        return None
    start = sentence_start(doc, quote.start)
    if start is None or not plain_words(text[start:quote.start]):
        return None
    span = doc.char_span(start, quote.start, alignment_mode="contract")
    if span is None or any(cue_for(t) is not None or t.i in used for t in span):
        return None  # 'Vell said, “…”' is the cue's own clause
    start, end = trim(doc, start, quote.start)
    return (start, end) if end > start else None
