"""Quotations with no cue of their own, and whose words they go on with.

During step 1 of the order of work (claimgraph/attribution/__init__.py's docstring) `quotes.direct_quotes` asks
here whether a cue-less quotation goes on with the statement before it (the same utterance, a cue clause that ended
the sentence, label lines between, the next sentence or paragraph: `_continues`), stands in a sentence whose own
subject said it (`_own_sentence_subject`), or goes on with a sentence that embeds a few quoted words
(`_after_mixed_statement`). After reported speech (step 2): `inside_statements` drops the cue-less quotes that lie
inside a statement's words, and `after_statements` adds the quotations that go on with a reported statement (and
stretches a statement over a second quoted predicate). Depends on marks.py, cue_sources.py and frames.py; quotes.py
depends on it, never the other way round.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from claimgraph.attribution.cue_sources import NOT_SPEAKERS, speaker_mention
from claimgraph.attribution.cues import cue_for, lexicon
from claimgraph.attribution.found import Found, doc_text, sentence_of, trim
from claimgraph.attribution.frames import cue_after
from claimgraph.attribution.marks import CLOSE, OPEN, WORD, Quote, ends_clause, is_direct
from claimgraph.attribution.speaker_types import org_noun, person_noun

MAX_GAP_WORDS = 60  # a long cue clause ('," said Vell, the mayor, becoming the first …. "') still joins
SAID_AFTER_WORDS = 4  # '” another replies', '” a second guard says': the cue follows the quotation closely


def own_sentence_subject(doc: Doc, quote: Quote) -> Span | None:
    """'Corker said he and his partners were “meticulous” about ensuring “…”', 'Trump also embraced enhanced
    interrogation techniques -- “…”', 'Another said he hoped …: “…”': a cue-less quote that stands inside a
    sentence of its own whose clause before the opening mark has a finite verb and a subject: the quote is what
    that subject said (PolNeAR names it), not a continuation of the quote before. The subject as written, or
    None where the quote opens its sentence."""
    clause = _own_clause(doc, quote)
    if clause is None:
        return None
    verb, subject = clause
    if subject.lower_ in NOT_SPEAKERS or subject.pos_ not in {"PROPN", "NOUN", "PRON"}:
        return None
    return speaker_mention(doc, verb)


def thing_before_colon(doc: Doc, quote: Quote) -> bool:
    """'The timing of the move comes after Vogue launched a campaign for its offices: “…”': the colon that opens the
    quotation ends a clause of its own whose subject is a thing (no word for a person or a body) and whose verb says
    nothing: the quotation is no continuation of the speaker before, and the clause names nobody who said it."""
    clause = _own_clause(doc, quote)
    if clause is None or not doc_text(doc)[:quote.start].rstrip(" \t").endswith(":"):
        return False
    verb, subject = clause
    return subject.pos_ == "NOUN" and cue_for(verb) is None and not person_noun(subject) and not org_noun(subject)


def _own_clause(doc: Doc, quote: Quote) -> tuple[Token, Token] | None:
    """The finite verb of the clause before a cue-less quote in its sentence (`_own_sentence_subject`), and its
    subject; None where the quote opens its sentence."""
    text = doc_text(doc)
    start = sentence_start(doc, quote.start)
    if start is None:
        return None
    line_start = text.rfind("\n", 0, quote.start) + 1
    before = text[line_start:quote.start].rstrip(" \t")
    if not WORD.search(text[start:quote.start]) and before.endswith(":"):
        # 'Vell has since apologized for what happened: “…”': the parse starts a sentence at the quote; the
        # clause is the one the colon ends.
        colon = sentence_start(doc, line_start + len(before) - 1)
        start = start if colon is None else colon
    span = doc.char_span(start, quote.start, alignment_mode="contract")
    if span is None or not WORD.search(text[start:quote.start]):
        return None
    verbs = [t for t in span if t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"relcl", "acl", "advcl", "aux", "auxpass"}
             and (t.tag_ in {"VBD", "VBZ", "VBP"} or any(c.dep_ in {"aux", "auxpass"} and c.tag_ in {
                 "MD", "VBD", "VBZ", "VBP"} for c in t.children))
             and any(c.dep_ == "nsubj" and c.i >= span.start for c in t.children)]
    if not verbs:
        return None
    verb = next((t for t in verbs if t.dep_ == "ROOT"), verbs[0])
    return verb, next(c for c in verb.children if c.dep_ == "nsubj")


CUE_CLAUSE = re.compile(r"\s*,?\s*(?:[\w.'’-]+\s+){1,5}$")


def after_mixed_statement(doc: Doc, marks: list[Quote], qi: int, used: set[int]
                           ) -> tuple[Token, tuple[int, int]] | None:
    """'Yet Vell is also a “change agent,” Moss said. “That’s exactly what people want …”': a quotation with no cue
    of its own right after a sentence that embeds a few quoted words and ends with its cue clause goes on with that
    statement (PolNeAR marks one attribution, the sentence's words and the quotation). The cue and the sentence's
    words before the cue clause, or None."""
    if qi == 0:
        return None
    text = doc_text(doc)
    quote, embedded = marks[qi], marks[qi - 1]
    if is_direct(text, embedded) or not embedded.closed:
        return None
    gap = text[embedded.end:quote.start]
    if "\n" in gap or not gap.rstrip().endswith(".") or not CUE_CLAUSE.match(gap.rstrip()[:-1] + " "):
        return None
    cue = cue_after(doc, embedded, used)
    if cue is None or cue.idx >= quote.start:
        return None
    start = sentence_start(doc, embedded.start)
    if start is None or not plain_words(text[start:embedded.start]):
        return None
    lead = trim(doc, start, embedded.end, keep_final_period=True)
    return (cue, lead) if lead[1] > lead[0] else None


def inside_statements(quotes: list[Found], statements: list[Found]) -> list[Found]:
    """The quotes less the cue-less ones that lie inside another statement's content: in 'Axelrod said that the
    mayor "has to contend with … . But he also has …"' the quotation is what the mixed statement says, not a
    continuation of an earlier quote."""
    spans = [(s, e) for item in statements for s, e in item.content]
    return [q for q in quotes if q.cue is not None or not any(
        s <= q.content[0][0] and q.content[-1][1] <= e for s, e in spans)]


def after_statements(doc: Doc, marks: list[Quote], quotes: list[Found], statements: list[Found]) -> list[Found]:
    """'Mr Stein said the photographs showed an unarmed drone. “The evidence thus far suggests …”', 'According to
    Vell, the film is real.¶¶“We have shown the whole ceremony …”': a quotation with no cue of its own that opens
    its sentence right after a reported statement whose source is named (in the same paragraph or the next, nothing
    but the statement's sentence before it), and that no statement holds, goes on with that statement: a
    continuation whose speaker is the statement's, as a quotation after a direct quote is (`direct_quotes`; the
    speakers step reads the same order in `_said_just_before`). A quotation after such a continuation goes on in
    turn. `marks`: the quotes of both kinds (`with_single_quotes`). The continuations, in text order."""
    text = doc_text(doc)
    _join_second_quoted_predicates(doc, marks, [*quotes, *statements])
    held = [span for item in [*quotes, *statements] for span in item.content]
    quoted = [(quote.start, quote.end) for quote in marks]
    # Statements whose words are no other statement's ("Vell said Moss told her …" goes on with Vell) and that are
    # nobody's quoted words ("'I told work I was off sick,' …": the quotation after is not the inner teller's).
    reported = [item for item in statements if item.kind != "direct" and item.content and item.source is not None
                and item.cue is not None and not any(s <= item.cue.start_char < e for other in statements
                                                     if other is not item for s, e in other.content)
                and not any(s <= item.cue.start_char < e for s, e in quoted)]
    added: list[Found] = []
    for qi, quote in enumerate(marks):
        if not is_direct(text, quote) or not ends_clause(text, quote) \
                or WORD.search(text[quote.end:sentence_of(doc, (quote.start, quote.end))[1]]) \
                or any(s < quote.inner[1] and quote.inner[0] < e for s, e in held):
            continue  # words after it in its sentence may be its cue clause ('“…,” Bary raps.', '“…!” laughed Vell')
        start = sentence_start(doc, quote.start)
        opening = text[text.rfind("\n", 0, quote.start) + 1:quote.start].rstrip()
        if start is None or WORD.search(text[start:quote.start]) or (opening and opening[-1] not in ".!?”\"'’"):
            continue  # a quotation inside a sentence of its own (`_own_sentence_subject` reads those) or a frame's
        before = [item for item in [*reported, *added] if item.sentence[1] <= quote.start]
        if not before:
            continue
        last = max(before, key=lambda item: item.sentence[1])
        gap = text[last.sentence[1]:quote.start]
        same_sentence = [item for item in reported if item.sentence == last.sentence]
        if gap.strip(" \t\n\"“”'’") or gap.count("\n") > 2 or (last in reported and len(
                {item.source.text.lower() for item in same_sentence}) > 1):
            continue  # words between, a paragraph between, or two speakers in the sentence before
        inner = trim(doc, *quote.inner, keep_final_period=True)
        inner = (quote.inner[0], quote.inner[1]) if inner[1] <= inner[0] else (inner[0], quote.inner[1])
        item = Found(kind="direct", cue=None, source=None, content=[inner], cue_class=last.cue_class,
                     sentence=sentence_of(doc, inner), flags=["continuation"], confidence=0.6, quote_index=qi)
        item.speaker = last  # resolved to the same speaker as the statement it continues
        added.append(item)
        held.append(inner)
    return added


# Between a statement's words and a second quotation of the same statement: "and" (or "but") and a predicate's
# first words with no subject of their own ('is “heavily engaged” and is “enhancing …”', '… and to disrupt its
# ability “to …”'), or "and that" ('statements such as: “A”, and that “B.”').
SECOND_PREDICATE = re.compile(r"[\"”’']?\s*,?\s*(?:and|but)\s+(?P<rest>(?:[\w'’-]+\s+){0,5})$")
PREDICATE_STARTS = {"VBZ", "VBD", "VBP", "MD", "TO", "VB", "RB"}


def _join_second_quoted_predicates(doc: Doc, marks: list[Quote], statements: list[Found]) -> None:
    """'Moss said the harbour is “fully staffed” and is “taking on new pilots …”': a quotation that no statement
    holds, in the sentence of a statement whose words end right before it with "and" and a predicate that shares
    their subject (a verb, "to", or "that" first, no cue among the words between): the statement goes on to the
    quotation's end (its last span is stretched, as PolNeAR marks the whole clause; a direct quote's gets the
    quotation's words as a span of its own). The quotation opens in lower case or after "and that" (a capital
    after a verb is mostly a title: 'and starred in “Harbour Lights”')."""
    text = doc_text(doc)
    for quote in marks:
        words = text[quote.inner[0]:quote.inner[1]]
        if not quote.closed or len(WORD.findall(words)) < 2 or any(
                s < quote.inner[1] and quote.inner[0] < e for item in statements for s, e in item.content):
            continue
        for item in statements:
            if not item.content or item.cue is None:
                continue
            last_start, last_end = item.content[-1]
            gap = text[last_end:quote.start]
            match = SECOND_PREDICATE.match(gap)
            if match is None or "\n" in gap or not (item.sentence[0] <= quote.start < item.sentence[1] or (
                    sentence_of(doc, (quote.start, quote.end))[0] <= last_end)):
                continue
            span = doc.char_span(last_end, quote.start, alignment_mode="contract")
            rest = [t for t in span if t.is_alpha][1:] if span is not None else []
            if not rest or rest[0].tag_ not in PREDICATE_STARTS and rest[0].lower_ != "that" or any(
                    cue_for(t) is not None or t.lemma_.lower() in lexicon() for t in rest):
                continue
            if not (words.lstrip()[:1].islower() or rest[0].lower_ == "that" and len(rest) == 1):
                continue
            if item.kind == "direct":  # a quotation's words alone: the second one is a span of its own
                inner = trim(doc, *quote.inner, keep_final_period=True)
                item.content.append(inner if inner[1] > inner[0] else quote.inner)
            else:
                item.content[-1] = (last_start, quote.end)
            item.sentence = (item.sentence[0], max(item.sentence[1], sentence_of(doc, (quote.start, quote.end))[1]))
            break


def sentence_start(doc: Doc, at: int) -> int | None:
    """Where the sentence holding the character at `at` starts, never before its line (the parse may run a sentence
    over a line break); None where no token covers it."""
    token = doc.char_span(at, at + 1, alignment_mode="expand")
    if token is None:
        return None
    return max(token[0].sent.start_char, doc_text(doc).rfind("\n", 0, at) + 1)


def plain_words(lead: str) -> bool:
    """Whether the words a sentence opens with before a quotation are words and hold no quotation mark."""
    return bool(WORD.search(lead)) and not any(c in lead for c in OPEN) and not any(c in lead for c in CLOSE)


def same_utterance(doc: Doc, quote: Quote, previous: Quote | None) -> bool:
    """A cue-less quote is part of the previous statement when it stands in the same paragraph, or when the
    previous quote ran to the end of its paragraph without a closing mark (the convention for a quote that goes
    on in the next paragraph). A quote in a new paragraph after a closed one is a continuation of its own."""
    if previous is None:
        return False
    gap = doc_text(doc)[previous.end:quote.start]
    # Only the cue clause may stand between ('," said Vell, the mayor. "'); another cue means the writer moved
    # on ('," Spicer said, adding that … on Friday. "At that time, …"') and the quote continues on its own.
    if not previous.closed:
        return True
    if "\n" in gap:
        return False
    span = doc.char_span(previous.end, quote.start, alignment_mode="contract")
    # A cue inside a relative clause about the speaker or a noun ('," said Arnold, who said she planned to
    # demonstrate. "', '," Marr said in a documentary that showed …') is part of the cue clause, when the
    # relative clause ends before the quote ('," said Beck, who said there were "too many …"': that quote is the
    # relative clause's own).
    cues = [t for t in span if cue_for(t) and not any(a.dep_ in {"relcl", "acl"} and a.right_edge.idx < quote.start
                                                      for a in [t, *t.ancestors])] if span is not None else []
    return len(cues) <= 1 and len(WORD.findall(gap)) <= MAX_GAP_WORDS


def cue_clause_ends_sentence(doc: Doc, statement: Found, previous: Quote | None, quote: Quote) -> bool:
    """'“A,” Vell said at the pier.¶¶“B.”', '“A,” said Vell. “B.”': the statement's quotation closed, its cue
    clause after the closing mark ended the sentence (and perhaps the paragraph), and the quotation opens the next
    sentence or the next paragraph: the writer goes on quoting the same statement (PolNeAR marks both pieces as one
    attribution far more often than two)."""
    if previous is None or not previous.closed or statement.cue is None or statement.cue.start_char < previous.end:
        return False  # no cue after the closing mark ('Vell said: “A.”¶¶“B.”' stays a continuation)
    if max(e for _, e in statement.content) > previous.end:
        return False  # the statement's words go on after the quotation (a mixed quote)
    clause, _, rest = doc_text(doc)[previous.end:quote.start].partition("\n")
    if rest.strip() or rest.count("\n") > 1:
        return False  # the quotation opens the very next paragraph
    return statement.cue.end_char <= previous.end + len(clause) and clause.rstrip().endswith((".", "!", "?")) \
        and not any(c in clause for c in {*OPEN, *CLOSE}) and not _second_report(doc, statement, quote) \
        and not _said_after(doc, quote)


def _said_after(doc: Doc, quote: Quote) -> bool:
    """'“Tides don't sink harbours,” another replies.': right after the quotation, in its own sentence, a word of
    the speech lexicon (by lemma, whatever part of speech the parser gave it: "replies" is read as a noun there),
    whoever its subject is: another statement, not the previous one going on."""
    end = sentence_of(doc, (quote.start, quote.end))[1]
    span = doc.char_span(quote.end, end, alignment_mode="contract") if end > quote.end else None
    return span is not None and any(t.lemma_.lower() in lexicon() for t in span[:SAID_AFTER_WORDS])


def _second_report(doc: Doc, statement: Found, quote: Quote) -> bool:
    """'“A,” Spicer said, adding that Trump would discuss it on Friday. “B.”': between the statement's words and the
    quotation a cue other than the statement's own reports a clause of its own; the writer moved on to a second
    statement, and the quotation is not simply the first one going on (it stays a continuation)."""
    span = doc.char_span(max(e for _, e in statement.content), quote.start, alignment_mode="contract")
    own = statement.cue.root.i if statement.cue is not None else None
    return span is not None and any(t.i != own and cue_for(t) is not None and any(
        c.dep_ == "ccomp" for c in t.children) for t in span)


LABEL_HEAD = re.compile(r"^[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,2}\s*:\s+\S")  # "MORE: …", "Heroic: …"
MAX_LABEL_LINES = 3
MAX_LABEL_WORDS = 30


def _label_line(line: str) -> bool:
    """A line that is no running text: a caption, a crosshead or a link to another story ("MORE: Would you …?",
    "Pooch passing through: Kai was found tied to a railing", "‘Cruel incident’"): short, and either headed by a
    word or two and a colon, or ending in no sentence mark. A line ending in a colon or comma introduces words below
    it (another frame), and one that opens a double-mark quotation is another quotation."""
    words = WORD.findall(line)
    stripped = line.strip().rstrip("\"”’'")
    if not words or len(words) > MAX_LABEL_WORDS or any(mark in line for mark in OPEN) or not stripped:
        return False
    if stripped[-1] in ":,;":
        return False
    return bool(LABEL_HEAD.match(line.strip())) or stripped[-1] not in ".!?"


def goes_on_past_labels(text: str, previous_quote: Quote | None, quote: Quote) -> bool:
    """'Taylor said: “The dog is micro-chipped.¶“We contacted the owner.¶‘Cruel incident’¶“Unfortunately …”': the
    quotation before was left open at its paragraph's end (the convention for one that goes on) and only a few label
    lines stand between it and the paragraph this quotation opens: the same quotation goes on below them (where the
    open one is the previous statement's own, which `direct_quotes` checks)."""
    if previous_quote is None or previous_quote.closed or quote.start < previous_quote.end:
        return False
    if text[text.rfind("\n", 0, quote.start) + 1:quote.start].strip():
        return False  # the quotation opens no paragraph of its own
    lines = [line for line in text[previous_quote.end:quote.start].split("\n") if line.strip()]
    return 0 < len(lines) <= MAX_LABEL_LINES and all(_label_line(line) for line in lines)


def continues(doc: Doc, previous: Found, quote: Quote) -> bool:
    """A cue-less quote continues the previous one when it opens within the next sentence or paragraph."""
    prev_end = max(e for _, e in previous.content)
    gap = doc_text(doc)[prev_end:quote.start]
    if gap.count("\n\n") > 1 or len(gap) > 400:
        return False
    # Sentence ends, not the periods of abbreviations ('," said Sen. Ansel Marr (D-Conn.). "', 'U.S.'): the
    # tokenizer keeps those inside their word.
    span = doc.char_span(prev_end, quote.start, alignment_mode="contract")
    if span is None:
        return gap.count(".") + gap.count("!") + gap.count("?") <= 2
    return sum(1 for t in span if t.text in {".", "!", "?"} or t.text.strip(".!?") == "" and t.is_punct) <= 2
