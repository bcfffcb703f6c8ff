"""The cue or frame of one direct quotation: what says whose words it holds.

The parser attaches closing marks to the next sentence and makes "said" a clause of "I think" inside the quote, so a
cue is looked for in the words right after the closing mark (", Spicer said.": `_cue_after`) or right before the
opening one ("Spicer said: “…”": `_cue_before`). Frames name a speaker without a cue of the lexicon: a finite verb
after or before the quote ("Vell yelled.", "He demurred:"), a written frame ("read the notice", "begins the
captain"), a reported clause ending in a colon, a name and a colon ("More from Jones:"), a noun naming what was said
("her reaction:"), a dash signature ("― Sonya Herridge"). Each returns the cue token, or the frame and the speaker as
written, or None; `quotes.direct_quotes` tries them in its order (step 1 of the order of work in
claimgraph/attribution/__init__.py's docstring). Depends on marks.py and cue_sources.py.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from claimgraph.attribution.cue_sources import NOT_SPEAKERS, after_short_title, span_chars, speaker_mention
from claimgraph.attribution.cues import cue_for
from claimgraph.attribution.found import doc_text, trim
from claimgraph.attribution.marks import CLOSE, OPEN, WORD, Quote, ends_clause, ends_inside

# Cue words that open a quote right after them, without a comma or colon ('she said “…”'); not "told", whose next
# quoted words are as often a title ('told “CBS Mornings” that …'). The participles too ('released a statement saying
# “the murder is shocking.”'): without them the reported clause took the quotation as indirect speech.
BARE_FRAMES = {"said", "says", "say", "added", "saying", "adding", "stated"}
WINDOW = 25  # tokens after a closing mark (or before an opening one) searched for the cue


def _tokens_between(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="contract") if end > start else None


def cue_after(doc: Doc, quote: Quote, used: set[int]) -> Token | None:
    """The first cue verb after a closing mark, before the sentence (or the next quote) ends."""
    covering = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if covering is None:
        return None
    i = covering.end
    seen = 0
    while i < len(doc) and seen < WINDOW:
        token = doc[i]
        if token.idx >= quote.end:
            seen += 1
            if token.text == "." and after_short_title(doc, token):
                i += 1
                continue
            if token.text in OPEN and (name_end := _quoted_name_end(doc, token)) is not None:
                i = name_end  # 'a commenter named “Tidewatch” wrote': a quoted name, not the next quotation
                continue
            if token.text in {".", "!", "?", "''"} or "\n" in token.text or token.text in OPEN:
                return None
            if cue_for(token) and token.i not in used and token.lemma_ != "think" and token.dep_ != "relcl":
                if _own_statement_after_full_stop(doc, quote, token):
                    return None
                return token  # not a relative clause's verb: '”, a resident who tweeted about it, said.'
        i += 1
    return None


def _quoted_name_end(doc: Doc, mark: Token) -> int | None:
    """'“…?” a commenter named “4npower” wrote.': a name of one to three words in marks after "named" (or "called",
    "dubbed") inside the cue clause: the index of the token after its closing mark."""
    text = doc_text(doc)
    close = text.find(OPEN[mark.text], mark.idx + 1, mark.idx + 40)
    if close < 0 or "\n" in text[mark.idx:close]:
        return None
    inner = text[mark.idx + 1:close].rstrip(",")
    words = WORD.findall(inner)
    previous = doc[mark.i - 1] if mark.i > 0 else None
    if not 1 <= len(words) <= 3 or any(c in inner for c in ".!?,") or previous is None \
            or previous.lower_ not in {"named", "called", "dubbed", "nicknamed"}:
        return None
    after = doc.char_span(close, close + 1, alignment_mode="expand")
    return after.end if after is not None else None


def _own_statement_after_full_stop(doc: Doc, quote: Quote, cue: Token) -> bool:
    """'“… that is my wheelhouse.” He said, twice, that he was going to …', '… paths!” He added that …': a quote
    that ends its sentence inside the marks, then a cue with a clause of its own: the cue starts a new statement,
    not the quote's attribution."""
    if not ends_inside(doc_text(doc), quote):
        return False
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        # '“… the first unit.” However as noted on the Zephyr website, there is a note …': an "as" clause after a
        # finished quote sets up the sentence it opens, not the quote before (issue 9, FNC-1 sample A).
        return True
    # 'He added, “…”' too: the cue opens the next quotation, whose own attribution it is. And '“… out of
    # business.” The union will likely sit out the election, Phil Smith told POLITICO.': the next sentence is
    # the cue's own reported clause, before it.
    return any(c.dep_ in {"ccomp", "xcomp"} and (c.i > cue.i or c.left_edge.idx >= quote.end) for c in cue.children)


def _clause_after(doc: Doc, quote: Quote) -> list[Token] | None:
    """The words after a quotation's closing mark up to the end of their clause (a full stop, "!", "?", ";", a line
    break or another quote mark): where a frame after the quotation stands. None where no token starts there."""
    text = doc_text(doc)
    tail = doc.char_span(quote.end, min(len(text), quote.end + 200), alignment_mode="contract")
    if tail is None:
        return None
    words: list[Token] = []
    for token in tail:
        if token.text in {".", "!", "?", ";"} or "\n" in token.text or token.text in OPEN or token.text in CLOSE:
            break
        words.append(token)
    return words


def frame_verb_after(doc: Doc, quote: Quote, used: set[int]) -> Token | None:
    """'“France will always be France,” an angry Hollande retaliated.', '“Out, out!” Vell yelled.': a quote that
    ends with a comma, a question or an exclamation mark inside its marks, then a short clause of a subject and a
    finite verb with no object or clause of its own ending the sentence: the verb is how the words were said,
    whether or not the lexicon knows it."""
    text = doc_text(doc)
    if not text[quote.inner[0]:quote.inner[1]].rstrip().endswith((",", "?", "!")) or not quote.closed:
        return None
    words = _clause_after(doc, quote)
    if words is None:
        return None
    verbs = [t for t in words if t.tag_ in {"VBD", "VBZ"} and t.pos_ == "VERB" and t.i not in used]
    if not words or len(words) > 10 or len(verbs) != 1:
        return None
    verb = verbs[0]
    if verb.dep_ == "relcl" or any(c.dep_ in {"dobj", "ccomp", "xcomp", "attr", "acomp", "dative"} and c.i > verb.i
                                   for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i < words[0].i or subject.lower_ in {"it", "this", "that", "there"}:
        return None
    return verb


def frame_verb_before(doc: Doc, quote: Quote, used: set[int]) -> Token | None:
    """'He demurred: “Whichever one I'm in.”', 'Vell returned to her familiar lines: “…”': a clause ending in a colon
    that opens the quote, its finite verb with a subject a few words before the colon: the quote is what that
    subject said, whether or not the lexicon knows the verb."""
    text = doc_text(doc)
    before = text[:quote.start].rstrip(" \t")
    if not before.endswith((":", ",")) or "\n" in text[len(before):quote.start]:
        return None
    colon = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if colon is None or colon.start == 0:
        return None
    clause = []
    for token in reversed(doc[max(0, colon.start - 9):colon.start]):
        if token.text in {".", "!", "?", ";", ":"} or "\n" in token.text or token.text in OPEN or token.text in CLOSE:
            break
        clause.insert(0, token)
    verbs = [t for t in clause if t.tag_ in {"VBD", "VBZ", "VBP"} and t.pos_ == "VERB"]
    if len(verbs) != 1 or verbs[0].i in used or verbs[0].dep_ in {"relcl", "acl"}:
        return None
    verb = verbs[0]
    if any(c.dep_ in {"acomp", "attr"} for c in verb.children):
        return None  # 'the lack of perspective just got worse: “…”': a state described, not words said
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in {"it", "this", "that", "there", "which", "what"}:
        return None
    return verb


# Verbs that give written words or words said first, outside the cue lexicon: a row there would make "read" and


# "begin" cues of reported speech everywhere ("I read that …", "began to cry"). After a quotation only.
WRITTEN_FRAMES = {"read", "begin"}
# What one begins ("the mayor begins her letter"): a piece of writing or speech, whose first words the quotation is.
OPENED_PIECES = {"letter", "post", "note", "statement", "speech", "message", "email", "column", "essay", "blog",
                 "tweet", "remarks", "address", "story", "article", "video", "book"}


def written_frame_after(doc: Doc, quote: Quote, used: set[int]) -> Token | None:
    """'“…,” read the notice on the gate.', '“…,” the About Us page reads at the bottom.', '“…,” begins the captain.',
    '“…,” the harbour master begins her letter.': a quotation ending in a comma, then a clause that ends the sentence
    whose first verb is "read" or "begin": the words are what the notice (or the one beginning) said. The verb, or
    None where it takes a clause or an infinitive ("began to cry") or its object is no piece of writing or speech
    ("began the meeting") unless it comes right after the mark (inverted: "begins the captain")."""
    text = doc_text(doc)
    if not text[quote.inner[0]:quote.inner[1]].rstrip().endswith(",") or not quote.closed:
        return None
    words = _clause_after(doc, quote)
    if words is None:
        return None
    verbs = [t for t in words if t.pos_ in {"VERB", "AUX"}]
    if not words or len(words) > 14 or not verbs or verbs[0].lemma_.lower() not in WRITTEN_FRAMES:
        return None
    verb = verbs[0]
    inverted = verb.i == words[0].i  # the parse may read an inverted verb as a bare one ('," read the notice')
    if verb.i in used or verb.tag_ not in {"VBD", "VBZ", "VBP", *(["VB"] if inverted else [])} or verb.dep_ in {
            "relcl", "acl"} or any(c.dep_ in {"ccomp", "xcomp"} and c.i > verb.i for c in verb.children):
        return None  # the quotation before is often parsed as the verb's clause: only one after it counts
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not inverted:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.i < words[0].i or subject.lower_ in NOT_SPEAKERS:
            return None
        if verb.lemma_.lower() == "begin" and not any(o.lemma_.lower() in OPENED_PIECES for o in objects):
            return None  # '“…,” she began the meeting': something done, not words said
        if verb.lemma_.lower() == "read" and objects:
            return None  # '“…,” she read the report': the report's words or hers, which the clause leaves open
    return verb


def colon_after_reported_clause(doc: Doc, quote: Quote, used: set[int]) -> tuple[Span, Span] | None:
    """'Vell, who ran the port, told the Times on Monday that there was one thing left to say: “…”', 'A guard told
    the paper the worst problem had to do with the weather: “…”': the colon that opens the quotation (on its line)
    ends a reported clause of a finite cue verb with a subject before it: the quotation is that subject's words.
    A cue inside the clause ("left to say") or its verb ("had") names no speaker of its own. The cue and the speaker
    as written, or None (a colon right after the cue, 'Vell said: “…”', is `_cue_before`'s)."""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, quote.start) + 1
    before = text[line_start:quote.start].rstrip(" \t")
    if not before.endswith(":"):
        return None
    colon = doc.char_span(line_start + len(before) - 1, line_start + len(before), alignment_mode="expand")
    if colon is None or colon.start == 0:
        return None
    last = doc[colon.start - 1]
    climbed_clause = False
    for token in [last, *last.ancestors]:
        if token.idx < line_start:
            return None
        entry = cue_for(token)
        if entry is not None and not climbed_clause and not any(c.dep_ == "aux" and c.lower_ == "to"
                                                                for c in token.children):
            return None  # 'He said: “…”', 'his source told him: “…”', '…, saying: “…”': the colon is that cue's own
        if entry is not None and climbed_clause:
            break  # ("one thing left to say:" is not)
        climbed_clause = climbed_clause or token.dep_ == "ccomp"
    else:
        return None
    cue = token
    if entry.cue_class == "think":
        return None  # 'the board decided the pier would close: “…”': a thought, whose words the quotation is not
    finite = cue.tag_ in {"VBD", "VBZ", "VBP"} or any(c.tag_ == "MD" for c in cue.children)
    if cue.i in used or not finite or cue.dep_ in {"relcl", "acl", "advcl", "ccomp", "xcomp"}:
        return None
    subject = next((c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i), None)
    if subject is None or subject.lower_ in NOT_SPEAKERS or subject.pos_ not in {"PROPN", "NOUN", "PRON"}:
        return None
    span = doc.char_span(cue.idx, quote.start, alignment_mode="contract")
    if span is None or any(t.text in OPEN or t.text in CLOSE or t.text in {".", "!", "?"} for t in span):
        return None  # another quotation or sentence between the cue and the colon
    source = speaker_mention(doc, cue)
    return (doc[cue.i:cue.i + 1], source) if source is not None else None


def cue_before(doc: Doc, quote: Quote, used: set[int]) -> Token | None:
    """A cue ending the words before an opening mark: "Vell said:" or "Vell told reporters,"."""
    line_start = doc_text(doc).rfind("\n", 0, quote.start) + 1
    if not doc_text(doc)[line_start:quote.start].strip():
        # The quote opens its paragraph: the cue may end the paragraph before ("The Times reports:", "he added,").
        before = doc_text(doc)[:line_start].rstrip()
        if before.endswith((":", ",")):
            line_start = before.rfind("\n") + 1
    span = _tokens_between(doc, line_start, quote.start)
    if span is None or not len(span):
        return None
    tail = [t for t in span if not t.is_space]
    if tail and tail[-1].lower_ in BARE_FRAMES and cue_for(tail[-1]) and tail[-1].i not in used and ends_clause(
            doc_text(doc), quote):
        # 'she said “that was the last time … .”' with no comma: the quote is what was said, when it ends the
        # sentence ('said “most people in politics” can't be trusted' is a mixed quote, the reported clause's)
        return tail[-1]
    if not tail or tail[-1].text not in {":", ",", ";"}:
        return None  # "he added; “…”": a semicolon typed for the colon
    titled: set[int] = set()  # the words of a quoted title in the addressee, counted as one
    window = tail[-WINDOW:]
    k = len(window) - 1
    while k >= 0:
        token = window[k]
        if token.text in CLOSE and (opening := _quoted_title_start(doc, token)) is not None:
            # 'Scott told “CBS This Morning” co-host Gayle King, “…”': a programme's name in marks, not a quotation
            titled |= {t.i for t in window if opening.i < t.i < token.i}
            k -= token.i - opening.i + 1
            continue
        if token.text in {".", "!", "?"} or token.text in CLOSE:
            return None
        if cue_for(token) and token.i not in used:
            # Only adverbs, the addressee and punctuation may stand between the cue and the quote.
            between = [t for t in tail if t.i > token.i and not t.is_punct and t.i not in titled
                       and not _hyphen_joined(t)]
            if len(between) <= 4:  # a title's words left out: the addressee it names ("… co-host Gayle King")
                return token
            return None
        k -= 1
    return None


def _hyphen_joined(token: Token) -> bool:
    """The second part of a hyphenated word ("host" in "co-host"): one word with the part before it."""
    return token.i > 1 and token.doc[token.i - 1].text == "-" and not token.doc[token.i - 2].whitespace_


def _quoted_title_start(doc: Doc, closing: Token) -> Token | None:
    """The opening mark of a title of one to four capitalised words in marks that `closing` ends, inside a cue clause
    ('told “CBS This Morning” co-host …'); None for anything else a closing mark may end."""
    for back in range(2, 7):
        if closing.i - back < 0:
            return None
        opening = doc[closing.i - back]
        if opening.text in OPEN:
            words = [t for t in doc[opening.i + 1:closing.i]]
            if all(t.is_title or t.is_upper or t.text in {"&", "'s", "’s"} for t in words):
                return opening
            return None
        if opening.text in CLOSE or opening.is_punct and opening.text not in {"&"}:
            return None
    return None


def named_colon(doc: Doc, quote: Quote) -> tuple[Span, Span] | None:
    """'More from Jones: “…”', 'Mark Blumenthal and Jon Cohen: “…”': a person or organisation named right before a
    colon that opens the quote, with no verb between them (a cue verb there is `_cue_before`'s)."""
    text = doc_text(doc)
    before = text[:quote.start].rstrip(" \t")
    if not before.endswith(":"):
        return None
    colon_at = len(before) - 1
    colon = doc.char_span(colon_at, colon_at + 1, alignment_mode="expand")
    if colon is None or not len(colon) or colon.start == 0:
        return None
    names: list[Token] = []
    i = colon.start - 1
    while i >= 0 and (doc[i].ent_type_ in {"PERSON", "ORG"} or (names and doc[i].lower_ == "and")) \
            and "\n" not in doc[i].text:
        names.insert(0, doc[i])
        i -= 1
    if not names or names[0].lower_ == "and" or names[-1].ent_type_ not in {"PERSON", "ORG"}:
        return None
    if i >= 0 and doc[i].pos_ in {"VERB", "AUX"}:
        return None
    source = doc[names[0].i:names[-1].i + 1]
    return colon, source


# Nouns that name what someone said or wrote, introducing a quotation after a colon ("her reaction: “…”"); a set of
# their own, not cues.STATEMENT_NOUNS (the documents a source may be: "the report", "the filing").
FRAME_NOUNS = {"caption", "warning", "reply", "response", "reaction", "message", "statement", "statements",
               "words", "note", "answer", "comment", "explanation", "remark", "tweet", "post", "plea", "appeal",
               "promise", "vow", "threat", "slogan"}


def noun_frame(doc: Doc, quote: Quote) -> tuple[Span, Span] | None:
    """'This was Lana's reaction: ‘…’', 'posted a picture of his son with the caption: “That's my boy.”', 'Horner
    makes statements such as: “…”': a noun naming what was said ends the words before the colon (or comma) that opens
    the quotation, in its line or ending the paragraph above; the speaker is whose the noun is (its possessor) or the
    subject of the verb it is the object of ("posted … with the caption", "makes statements"). The noun and the
    speaker as written, or None where no speaker is named ("with one warning:") or only a pronoun does ("his
    reply:": the speakers step resolved two of two such wrongly on FNC-1 bodies)."""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, quote.start) + 1
    before = text[:quote.start].rstrip()
    if not text[line_start:quote.start].strip():
        before = text[:line_start].rstrip()  # the quotation opens its paragraph: the frame ends the one above
        if before.endswith("."):
            return _statement_issued_above(doc, len(before) - 1)
    if not before.endswith((":", ",")):
        return None
    mark = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if mark is None or mark.start < 2:
        return None
    noun = doc[mark.start - 1]
    if noun.lower_ == "as" and doc[mark.start - 2].lower_ == "such":  # "statements such as:"
        noun = doc[mark.start - 3] if mark.start >= 3 else noun
    if noun.pos_ != "NOUN" or noun.lower_ not in FRAME_NOUNS:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        chars = span_chars(owner)
        source = doc.char_span(*trim(doc, *chars), alignment_mode="expand") if chars is not None else None
    else:
        head = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "with" else noun.head
        if noun.dep_ not in {"pobj", "dobj"} or head.pos_ != "VERB" or head.i == noun.i or any(
                c.dep_ in {"nummod", "det"} and c.lower_ in {"one", "another"} for c in noun.children):
            return None
        subject = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None and subject.lower_ == "who" and head.dep_ == "relcl" \
                and head.head.pos_ in {"PROPN", "NOUN"}:
            # '… Instagram user gtorious, who posted another photo … with the caption, “…”': whom "who" stands for
            antecedent = head.head
            return doc[noun.i:noun.i + 1], doc[antecedent.left_edge.i:antecedent.i + 1]
        if subject is None or subject.lower_ in NOT_SPEAKERS:
            return None
        source = speaker_mention(doc, head)
    if source is None or not any(t.is_alpha for t in source) or all(t.pos_ == "PRON" for t in source if t.is_alpha):
        return None  # "his reply:", "he makes statements such as:": whom the pronoun means is too often misread
    return doc[noun.i:noun.i + 1], source


ISSUING_VERBS = {"issue", "release", "give", "post", "send", "publish"}  # "… issued a statement." before a quotation
ISSUED_NOUNS = {"statement", "message", "note", "tweet", "post"}


def _statement_issued_above(doc: Doc, stop_at: int) -> tuple[Span, Span] | None:
    """'The actor's representatives issued a statement about the hoax.¶¶"He joins the long list …"': a quotation
    that opens its paragraph, with no cue of its own, after a paragraph whose last sentence says someone issued (or
    released, posted) a statement or a message: the quotation is that statement, its speaker the verb's subject.
    None where the subject is only a pronoun or names nobody."""
    stop = doc.char_span(stop_at, stop_at + 1, alignment_mode="expand")
    if stop is None or not len(stop):
        return None
    verb = stop[0].sent.root
    noun = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in ISSUED_NOUNS), None)
    if verb.lemma_.lower() not in ISSUING_VERBS or verb.pos_ != "VERB" or noun is None:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in NOT_SPEAKERS:
        return None
    source = speaker_mention(doc, verb)
    if source is None or not any(t.is_alpha for t in source) or all(t.pos_ == "PRON" for t in source if t.is_alpha):
        return None
    return doc[noun.i:noun.i + 1], source


SIGNATURE = re.compile(r"[ \t]*(?P<dash>[―—–])[ \t]*(?P<name>[A-Z][\w.'’ -]{1,60}?)[ \t.]*(?:\n|$)")


# A quotation standing as its own paragraph, signed on the line below: '"…"' then '- Mara Vell.' or '—Ilan Moss,
# Port Ellis.' (a hyphen too: at a line's start it is no word's), the name up to a comma and a short description.
SIGNATURE_BELOW = re.compile(r"[ \t.]*\n(?:[ \t]*\n)?[ \t]*(?P<dash>[-―—–])[ \t]*(?P<name>[A-Z][\w.'’ -]{1,60}?)"
                             r"(?:,[^\n]{1,80}?)?[ \t.]*(?:\n|$)")


def _names_someone(name: Span) -> bool:
    """A person's or an organisation's name, or proper nouns only ("- Clinton." on its own line, which the tagger
    gives no entity type)."""
    return any(t.ent_type_ in {"PERSON", "ORG"} for t in name) or all(t.pos_ == "PROPN" for t in name if t.is_alpha)


def dash_signature(doc: Doc, quote: Quote) -> tuple[Span, Span] | None:
    """'“…” ― Sonya Herridge': a quote signed with a dash and a name at the end of its line; or, for a quotation
    that is a paragraph of its own, on the line below it (`SIGNATURE_BELOW`, `_names_someone`)."""
    text = doc_text(doc)
    m = SIGNATURE.match(text, quote.end)
    if m is None and (quote.start == 0 or text[quote.start - 1] == "\n"):
        m = SIGNATURE_BELOW.match(text, quote.end)
        name = doc.char_span(m.start("name"), m.end("name")) if m is not None else None
        if name is None or not _names_someone(name):
            return None  # no name, or one the tokenizer glued to its dash ("-Marks"): no clean source span
    if m is None:
        return None
    dash = doc.char_span(m.start("dash"), m.end("dash"), alignment_mode="expand")
    source = doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
    return (dash, source) if dash is not None and source is not None else None
