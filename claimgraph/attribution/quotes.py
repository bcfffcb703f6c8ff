"""Direct quotes: finding quote marks, their cue and speaker, and quotes that continue without a cue.

Quote marks are read from the characters, not the parse: the parser attaches closing marks to the next sentence
and makes "said" a clause of "I think" inside the quote, so a cue is looked for in the words right after the
closing mark (", Spicer said.") or right before the opening one ("Spicer said: “…”"). British copy's quotations in
single marks are read here too (`find_single_quotes`), apart from the apostrophes around them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from claimgraph.attribution.cues import classify, cue_for, lexicon
from claimgraph.attribution.found import Found, cue_subject, doc_text, sentence_of, trim
from claimgraph.attribution.speaker_types import org_noun, person_noun
from claimgraph.attribution.unsaid import unsaid

OPEN = {"“": "”", '"': '"', "«": "»"}
CLOSE = {"”", '"', "»"}
WORD = re.compile(r"\w+")
MARKS = re.compile("[\"“”«»\n]|''")  # the characters find_quotes acts on
# Before an opening mark, these characters mean the quote starts a clause of its own (a direct quote);
# a letter there means the quote is embedded in a clause ("called it "rubbish"": a mixed quote).
CLAUSE_START = set(".:,;—–-(\n") | CLOSE
MIN_DIRECT_WORDS = 3
# Cue words that open a quote right after them, without a comma or colon ('she said “…”'); not "told", whose next
# quoted words are as often a title ('told “CBS Mornings” that …').
BARE_FRAMES = {"said", "says", "added"}
EMBEDDING_WORDS = {"that", "as", "of", "the", "a", "an", "and", "or", "to", "was", "is", "be", "been", "with", "by",
                   "for", "about", "called", "call", "calling", "described", "like", "than", "its", "his", "her",
                   "their", "our", "this"}
MAX_GAP_WORDS = 60  # a long cue clause ('," said Vell, the mayor, becoming the first …. "') still joins
WINDOW = 25  # tokens after a closing mark (or before an opening one) searched for the cue


@dataclass(frozen=True)
class Quote:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark (or the line end, for an unclosed quote)
    inner: tuple[int, int]  # the quoted words without the marks
    closed: bool = True  # False when the paragraph ended first (the next paragraph may reopen the same quote)


def find_quotes(text: str) -> list[Quote]:
    """Pair quote marks; a quote left open at a line break ends there (the next paragraph may reopen it).

    Marks: curly double quotes, straight double quotes, guillemets, and two apostrophes ('') as some papers
    (and their archives) write them.
    """
    quotes: list[Quote] = []
    open_at: int | None = None
    open_len = 1
    closer = ""
    i = 0
    while (next_mark := MARKS.search(text, i)) is not None:  # other characters step by one and change nothing
        i = next_mark.start()
        ch = text[i]
        mark = "''" if text.startswith("''", i) else ch
        width = len(mark)
        if open_at is None:
            if mark == "''" and _looks_opening(text, i, width):
                open_at, open_len, closer = i, 2, "''"
            elif ch in OPEN and _looks_opening(text, i, 1):
                open_at, open_len, closer = i, 1, OPEN[ch]
            elif ch == "”" and (i == 0 or text[i - 1] == "\n"):
                open_at, open_len, closer = i, 1, "”"  # a paragraph opened with the wrong curly mark
        elif mark == closer or (closer != "''" and (ch == closer or (ch in CLOSE and closer == '"')
                                                     or (closer == "”" and _stray_close(text, i)))):
            width = len(closer) if mark == closer else 1
            quotes.append(Quote(open_at, i + width, (open_at + open_len, i)))
            open_at = None
        elif ch == "\n":
            if i - open_at > open_len:
                quotes.append(Quote(open_at, i, (open_at + open_len, i), closed=False))
            open_at = None
        i += width
    if open_at is not None and len(text) - open_at > open_len:
        quotes.append(Quote(open_at, len(text), (open_at + open_len, len(text)), closed=False))
    return quotes


SINGLE_OPEN = "'‘"
SINGLE_CLOSE = "'’"
SINGLE_MARK = re.compile("['‘’\n]")
OPENS_AFTER = set(" \t\n(:—–-\"“")  # what may stand before a single mark that opens a quotation


def find_single_quotes(text: str, marks: list[Quote]) -> list[Quote]:
    """British copy's quotations in single marks ("'We saw something,' Nor said.", "He said: 'I put him down.'"),
    outside the double-mark quotes `marks`. A mark opens after a space, a colon or a dash and before a capital
    (any letter where it opens its paragraph, a quotation going on below); it closes after the quotation's own
    comma, full stop, "?" or "!", or after a letter where no such closing follows on the line ("… for the rest of
    them'."; "the soldiers' faces" inside a quotation is an apostrophe when the quotation closes later). Closed
    after a letter, it holds four words or more and no colon follows ("'Guru in bling': …" labels a caption). Marks
    that open inside an open quotation nest ("… your 'war story' to …"). A quotation left open at its paragraph's end
    that ends a sentence there is kept unclosed, as `find_quotes` keeps one: the next paragraph may reopen it."""
    inside = [(q.start, q.end) for q in marks]
    quotes: list[Quote] = []
    line_start = 0
    for line in text.split("\n"):
        events = [m.start() + line_start for m in SINGLE_MARK.finditer(line)]
        events = [i for i in events if not any(s <= i < e for s, e in inside) and text[i - 1:i] != "'"
                  and text[i + 1:i + 2] != "'"]  # '' is a double mark (find_quotes)
        closers = [i for i in events if _closes_after_punct(text, i)]
        open_at: int | None = None
        depth = 0
        for i in events:
            if open_at is None:
                if _opens_single(text, i):
                    open_at, depth = i, 0
                continue
            if _opens_single(text, i) and text[i - 1] != ":":
                depth += 1
            elif text[i] in SINGLE_CLOSE and not text[i - 1].isspace() and not text[i + 1:i + 2].isalnum():
                if depth:
                    depth -= 1
                elif i in closers or not any(c > i for c in closers):
                    if (i in closers or (len(WORD.findall(text[open_at:i])) >= 4 and text[i + 1:i + 2] != ":")) \
                            and not _crosshead(text, open_at, i + 1):
                        quotes.append(Quote(open_at, i + 1, (open_at + 1, i)))
                    open_at = None
        line_end = line_start + len(line)
        if open_at is not None and text[open_at + 1:line_end].rstrip().endswith((".", "!", "?")):
            quotes.append(Quote(open_at, line_end, (open_at + 1, line_end), closed=False))
        line_start = line_end + 1
    return quotes


TITLE_SMALL_WORDS = {"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with",
                     "from", "as", "t", "s"}  # "Isn't" splits into "Isn" and "t"


def _crosshead(text: str, start: int, end: int) -> bool:
    """"'Legend in the Coal Fields.'" alone on its line: a subheading that quotes its section, in title case (every
    word but the small ones capitalised), not someone's words ("'Brian Tarn has to go.'" is)."""
    if text[start - 1:start] not in {"", "\n"} or text[end:].split("\n", 1)[0].strip():
        return False
    words = [w for w in WORD.findall(text[start:end]) if w.lower() not in TITLE_SMALL_WORDS]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def _opens_single(text: str, i: int) -> bool:
    if text[i] not in SINGLE_OPEN or (i > 0 and text[i - 1] not in OPENS_AFTER):
        return False
    following = text[i + 1:i + 2]
    return following.isupper() or (following.isalpha() and (i == 0 or text[i - 1] == "\n"))


def _closes_after_punct(text: str, i: int) -> bool:
    return text[i] in SINGLE_CLOSE and i > 0 and text[i - 1] in ",.?!…" and not text[i + 1:i + 2].isalnum()


def _stray_close(text: str, i: int) -> bool:
    """A curly quotation closed with the wrong mark ('“… here,“ said Vell', '“… for her," Vell said'): a straight
    or opening mark after a word or punctuation and before a space, punctuation or the line end."""
    if text[i] not in {'"', "“"} or i == 0 or text[i - 1].isspace():
        return False
    return i + 1 >= len(text) or text[i + 1].isspace() or text[i + 1] in ".,;:!?)—–-"


def _looks_opening(text: str, i: int, width: int = 1) -> bool:
    if text[i] in "“«":
        return True
    # A straight mark opens when followed by a word character (or ellipsis) rather than a space.
    return i + width < len(text) and not text[i + width].isspace()


def is_direct(text: str, quote: Quote) -> bool:
    """A quote that stands as a clause of its own, not a few words embedded in someone else's sentence."""
    words = len(WORD.findall(text[quote.inner[0]:quote.inner[1]]))
    before = text[:quote.start].rstrip(" \t")
    starts_clause = not before or before[-1] in CLAUSE_START or before.endswith((" said", " says", " told", " added"))
    previous_word = before.rsplit(None, 1)[-1].lower() if before.strip() else ""
    embedded = previous_word in EMBEDDING_WORDS  # 'sends a message that "…"': part of a reported clause
    return words >= MIN_DIRECT_WORDS and (starts_clause or (words >= 8 and not embedded))


def _tokens_between(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="contract") if end > start else None


def _cue_after(doc: Doc, quote: Quote, used: set[int]) -> Token | None:
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
            if token.text in {".", "!", "?", "''"} or "\n" in token.text or token.text in OPEN:
                return None
            if cue_for(token) and token.i not in used and token.lemma_ != "think" and token.dep_ != "relcl":
                if _own_statement_after_full_stop(doc, quote, token):
                    return None
                return token  # not a relative clause's verb: '”, a resident who tweeted about it, said.'
        i += 1
    return None


def _ends_inside(text: str, quote: Quote) -> bool:
    """The quoted words end their sentence inside the marks ('… my wheelhouse.”', '… paths!”')."""
    return text[quote.inner[0]:quote.inner[1]].rstrip().endswith((".", "!", "?"))


def _own_statement_after_full_stop(doc: Doc, quote: Quote, cue: Token) -> bool:
    """'“… that is my wheelhouse.” He said, twice, that he was going to …', '… paths!” He added that …': a quote
    that ends its sentence inside the marks, then a cue with a clause of its own: the cue starts a new statement,
    not the quote's attribution."""
    if not _ends_inside(doc_text(doc), quote):
        return False
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        # '“… the first unit.” However as noted on the Zephyr website, there is a note …': an "as" clause after a
        # finished quote sets up the sentence it opens, not the quote before (issue 9, FNC-1 sample A).
        return True
    # 'He added, “…”' too: the cue opens the next quotation, whose own attribution it is. And '“… out of
    # business.” The union will likely sit out the election, Phil Smith told POLITICO.': the next sentence is
    # the cue's own reported clause, before it.
    return any(c.dep_ in {"ccomp", "xcomp"} and (c.i > cue.i or c.left_edge.idx >= quote.end) for c in cue.children)


def _frame_verb_after(doc: Doc, quote: Quote, used: set[int]) -> Token | None:
    """'“France will always be France,” an angry Hollande retaliated.', '“Out, out!” Vell yelled.': a quote that
    ends with a comma, a question or an exclamation mark inside its marks, then a short clause of a subject and a
    finite verb with no object or clause of its own ending the sentence: the verb is how the words were said,
    whether or not the lexicon knows it."""
    text = doc_text(doc)
    if not text[quote.inner[0]:quote.inner[1]].rstrip().endswith((",", "?", "!")) or not quote.closed:
        return None
    tail = doc.char_span(quote.end, min(len(text), quote.end + 200), alignment_mode="contract")
    if tail is None:
        return None
    words: list[Token] = []
    for token in tail:
        if token.text in {".", "!", "?", ";"} or "\n" in token.text or token.text in OPEN or token.text in CLOSE:
            break
        words.append(token)
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


def _frame_verb_before(doc: Doc, quote: Quote, used: set[int]) -> Token | None:
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


def _written_frame_after(doc: Doc, quote: Quote, used: set[int]) -> Token | None:
    """'“…,” read the notice on the gate.', '“…,” the About Us page reads at the bottom.', '“…,” begins the captain.',
    '“…,” the harbour master begins her letter.': a quotation ending in a comma, then a clause that ends the sentence
    whose first verb is "read" or "begin": the words are what the notice (or the one beginning) said. The verb, or
    None where it takes a clause or an infinitive ("began to cry") or its object is no piece of writing or speech
    ("began the meeting") unless it comes right after the mark (inverted: "begins the captain")."""
    text = doc_text(doc)
    if not text[quote.inner[0]:quote.inner[1]].rstrip().endswith(",") or not quote.closed:
        return None
    tail = doc.char_span(quote.end, min(len(text), quote.end + 200), alignment_mode="contract")
    if tail is None:
        return None
    words: list[Token] = []
    for token in tail:
        if token.text in {".", "!", "?", ";"} or "\n" in token.text or token.text in OPEN or token.text in CLOSE:
            break
        words.append(token)
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


def _colon_after_reported_clause(doc: Doc, quote: Quote, used: set[int]) -> tuple[Span, Span] | None:
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


def _cue_before(doc: Doc, quote: Quote, used: set[int]) -> Token | None:
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
    if tail and tail[-1].lower_ in BARE_FRAMES and cue_for(tail[-1]) and tail[-1].i not in used and _ends_clause(
            doc_text(doc), quote):
        # 'she said “that was the last time … .”' with no comma: the quote is what was said, when it ends the
        # sentence ('said “most people in politics” can't be trusted' is a mixed quote, the reported clause's)
        return tail[-1]
    if not tail or tail[-1].text not in {":", ",", ";"}:
        return None  # "he added; “…”": a semicolon typed for the colon
    for token in reversed(tail[-WINDOW:]):
        if token.text in {".", "!", "?"} or token.text in CLOSE:
            return None
        if cue_for(token) and token.i not in used:
            # Only adverbs, the addressee and punctuation may stand between the cue and the quote.
            between = [t for t in tail if t.i > token.i and not t.is_punct]
            if len(between) <= 4:
                return token
            return None
    return None


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
    if not before.closed or not is_direct(text, before) or not _ends_inside(text, before) or "\n" in gap \
            or any(c in gap for c in {*OPEN, *CLOSE, *SINGLE_OPEN}) or len(WORD.findall(gap)) > 8 \
            or not before.end <= cue.idx < quote.start:
        return None
    if any(s < before.inner[1] and before.inner[0] < e for item in found for s, e in item.content):
        return None  # already a statement's words (a continuation of the quotation before it, say)
    inner = trim(doc, *before.inner, keep_final_period=True)
    return inner if inner[1] > inner[0] else None


def _ends_clause(text: str, quote: Quote) -> bool:
    """The quoted words end a sentence: a final mark inside the quote, or a period, line end or text end after it."""
    rest = text[quote.end:].lstrip(" \t")
    return _ends_inside(text, quote) or not rest or rest[0] in "\n.!?"


def _named_colon(doc: Doc, quote: Quote) -> tuple[Span, Span] | None:
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


def _noun_frame(doc: Doc, quote: Quote) -> tuple[Span, Span] | None:
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
        chars = _span_chars(owner)
        source = doc.char_span(*trim(doc, *chars), alignment_mode="expand") if chars is not None else None
    else:
        head = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "with" else noun.head
        if noun.dep_ not in {"pobj", "dobj"} or head.pos_ != "VERB" or head.i == noun.i or any(
                c.dep_ in {"nummod", "det"} and c.lower_ in {"one", "another"} for c in noun.children):
            return None
        subject = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None or subject.lower_ in NOT_SPEAKERS:
            return None
        source = speaker_mention(doc, head)
    if source is None or not any(t.is_alpha for t in source) or all(t.pos_ == "PRON" for t in source if t.is_alpha):
        return None  # "his reply:", "he makes statements such as:": whom the pronoun means is too often misread
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


def _dash_signature(doc: Doc, quote: Quote) -> tuple[Span, Span] | None:
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


PERCEIVED = {"hear", "overhear", "see", "film", "record", "catch", "videotape", "tape"}


def speaker_mention(doc: Doc, cue: Token, after: int | None = None) -> Span | None:
    """The cue's subject as written, with its appositions ("Eric Pahon, a spokesman at the Pentagon")."""
    subjects = [c for c in cue.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects and cue.i + 1 < len(doc) and doc[cue.i + 1].lower_ == cue.lower_:
        subjects = [c for c in doc[cue.i + 1].children if c.dep_ == "nsubj"]
    if not subjects and cue.dep_ == "xcomp" and cue.head.lemma_.lower() in PERCEIVED:
        # '“…,” the man could be heard saying': the one heard (or seen, filmed) saying it, not the hearer
        subjects = [c for c in cue.head.children if c.dep_ == "nsubjpass"]
    if not subjects and cue.dep_ in {"advcl", "conj", "xcomp", "pcomp"}:
        climbed, _ = cue_subject(cue)  # "…, adding: “…”": the subject of the verb it hangs from
        subjects = [climbed] if climbed is not None else []
    if after is not None:
        # A subject inside the quote is the parse reading the quote as the clause ('“The first I heard …,” said
        # King'): the speaker is named after the closing mark.
        subjects = [s for s in subjects if s.idx >= after]
    if subjects:
        chars = _span_chars(subjects[0])
        if chars is None:
            return None  # a subject of quote marks alone ("Reyes’ » denied"): nobody is named
        start, end = trim(doc, *chars)
        return doc.char_span(start, end, alignment_mode="expand")
    if after is None:
        return _name_right_before(doc, cue)
    # "…,” said Mara Vell, the mayor." with no parse link: the words between the mark and the cue, or after it.
    between = doc.char_span(after, cue.idx, alignment_mode="contract")
    if between is not None and any(t.is_alpha for t in between):
        start, end = trim(doc, between.start_char, between.end_char)
        return doc.char_span(start, end, alignment_mode="expand")
    sent_end = cue.sent.end_char
    rest = doc.char_span(cue.idx + len(cue), sent_end, alignment_mode="contract")
    if rest is not None and len(rest):
        start, end = trim(doc, rest.start_char, rest.end_char)
        return doc.char_span(start, end, alignment_mode="expand") if end > start else None
    return None


def _name_right_before(doc: Doc, cue: Token) -> Span | None:
    """'… Rep. Paul Ryan (R-WI) said “…”' where the parse gave the cue no subject: the name of a person or body
    that ends right before it (a bracketed party and state between them aside)."""
    i = cue.i - 1
    if i >= 0 and doc[i].text == ")":
        while i >= 0 and doc[i].text != "(" and cue.i - i < 8:
            i -= 1
        i -= 1
    if i < 0 or doc[i].ent_type_ not in {"PERSON", "ORG"}:
        return None
    ent = next((e for e in doc.ents if e.start <= i < e.end), None)
    return ent if ent is not None and ent.end == i + 1 else None


def _span_chars(token: Token) -> tuple[int, int] | None:
    tokens = list(token.subtree)
    # A subject's subtree can swallow a following quote when the parse is off; stop at a quote mark.
    kept = [t for t in tokens if t.text not in OPEN and t.text not in CLOSE]
    contiguous = [t for t in kept if abs(t.i - token.i) <= 25]
    # '“…,” Vell, the mayor, said': the comma before the closing mark hangs on the subject too.
    while len(contiguous) > 1 and contiguous[0].is_punct and contiguous[0].i < token.i:
        contiguous = contiguous[1:]
    if not contiguous:
        return None  # the subject and all it holds are quote marks (found by the fuzz test)
    return contiguous[0].idx, contiguous[-1].idx + len(contiguous[-1])


def channel(doc: Doc, cue: Token) -> list[str]:
    """The channel a statement went through: "told Defense News", "in an interview with Tidewater Radio"."""
    via: list[str] = []
    cues = [cue] + ([doc[cue.i + 1]] if cue.i + 1 < len(doc) and doc[cue.i + 1].lower_ == cue.lower_ else [])
    for c in cues:
        if c.lemma_ in {"tell", "write"}:
            for child in c.children:
                if child.dep_ in {"dobj", "dative"} and child.pos_ in {"PROPN", "NOUN"}:
                    via.append(_np_text(child))
        for prep in c.children:
            if prep.dep_ == "prep" and prep.lower_ in {"in", "during"}:
                for pobj in prep.children:
                    if pobj.lemma_ in {"interview", "statement", "post", "tweet", "broadcast"}:
                        for p2 in pobj.children:
                            if p2.dep_ == "prep" and p2.lower_ in {"with", "on", "to"}:
                                via += [_np_text(o) for o in p2.children if o.dep_ == "pobj"]
    return via


def _np_text(token: Token) -> str:
    words = [t for t in token.subtree if t.dep_ not in {"det", "punct"} or t.i > token.i]
    text = " ".join(t.text for t in words if not t.is_punct)
    return text


def with_single_quotes(text: str, marks: list[Quote]) -> list[Quote]:
    """The double-mark quotes and British copy's quotes in single marks, in text order. Read by the quote steps only,
    where each must be direct to count (reported speech reads single marks around a content itself, and a single
    mark inside its content is mostly an apostrophe)."""
    return sorted([*marks, *find_single_quotes(text, marks)], key=lambda quote: quote.start)


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
        cue = _cue_after(doc, quote, used)
        after = quote.end
        # 'Vell told the Times there was one thing left to say: “…”': the reporting cue's subject, read before
        # `_cue_before`, whose cue ending the words before the colon ("to say") would give "one thing".
        signed = _colon_after_reported_clause(doc, quote, used) if cue is None else None
        if cue is None and signed is None:
            cue = _cue_before(doc, quote, used)
            after = None
        if cue is None and signed is None:
            signed = _dash_signature(doc, quote)
        if cue is None and signed is None:
            signed = _named_colon(doc, quote)
        if cue is None and signed is None:
            cue = _frame_verb_after(doc, quote, used) or _written_frame_after(doc, quote, used)
            after = quote.end
            if cue is None:
                cue, after = _frame_verb_before(doc, quote, used), None
            if cue is None:
                signed = _noun_frame(doc, quote)
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
        elif (joined := _after_mixed_statement(doc, marks, qi, used)) is not None:
            mixed_cue, lead = joined
            used.add(mixed_cue.i)
            item = Found(kind="mixed", cue=doc[mixed_cue.i:mixed_cue.i + 1], source=speaker_mention(doc, mixed_cue),
                         content=[lead, inner],
                         cue_class=classify(cue_for(mixed_cue), None) if cue_for(mixed_cue) else "report",
                         sentence=sentence_of(doc, lead, inner), via=channel(doc, mixed_cue), confidence=0.8,
                         quote_index=qi)
            found.append(item)
            last = item
        elif last is not None and (_continues(doc, last, quote) or (
                last.quote_index == previous_index and _goes_on_past_labels(text, previous_quote, quote))):
            if last.quote_index == previous_index and (_same_utterance(doc, quote, previous_quote)
                                                       or _cue_clause_ends_sentence(doc, last, previous_quote, quote)):
                # '"A," she said. "B."' or a quote reopened in the next paragraph: one statement, several spans.
                _join(doc, last, inner, qi)
                previous_quote, previous_index = quote, qi
                continue
            if _thing_before_colon(doc, quote):
                previous_quote, previous_index = quote, qi
                continue  # the quotation is whatever a thing's clause introduces, nobody's that the text names
            own = _own_sentence_subject(doc, quote)
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


SAID_AFTER_WORDS = 4  # '” another replies', '” a second guard says': the cue follows the quotation closely


NOT_SPEAKERS = {"it", "this", "that", "there", "which", "what", "who", "these", "those", "they"}


def _own_sentence_subject(doc: Doc, quote: Quote) -> Span | None:
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


def _thing_before_colon(doc: Doc, quote: Quote) -> bool:
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
    start = _sentence_start(doc, quote.start)
    if start is None:
        return None
    line_start = text.rfind("\n", 0, quote.start) + 1
    before = text[line_start:quote.start].rstrip(" \t")
    if not WORD.search(text[start:quote.start]) and before.endswith(":"):
        # 'Vell has since apologized for what happened: “…”': the parse starts a sentence at the quote; the
        # clause is the one the colon ends.
        colon = _sentence_start(doc, line_start + len(before) - 1)
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


def _after_mixed_statement(doc: Doc, marks: list[Quote], qi: int, used: set[int]
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
    cue = _cue_after(doc, embedded, used)
    if cue is None or cue.idx >= quote.start:
        return None
    start = _sentence_start(doc, embedded.start)
    if start is None or not _plain_words(text[start:embedded.start]):
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
        if not is_direct(text, quote) or not _ends_clause(text, quote) \
                or WORD.search(text[quote.end:sentence_of(doc, (quote.start, quote.end))[1]]) \
                or any(s < quote.inner[1] and quote.inner[0] < e for s, e in held):
            continue  # words after it in its sentence may be its cue clause ('“…,” Bary raps.', '“…!” laughed Vell')
        start = _sentence_start(doc, quote.start)
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
    if _ends_inside(text, quote):
        return None  # the quoted sentence ended: what follows is another one
    clause = min(cue.idx, source.start_char) if source is not None else cue.idx
    gap = text[quote.end:clause]
    if "\n" in gap or any(c in gap for c in OPEN) or any(c in gap for c in CLOSE) or not WORD.search(gap) \
            or len(WORD.findall(gap)) > 25:
        return None
    start, end = trim(doc, quote.end, clause)
    return (start, end) if end > start and WORD.search(text[start:end]) else None


def _sentence_start(doc: Doc, at: int) -> int | None:
    """Where the sentence holding the character at `at` starts, never before its line (the parse may run a sentence
    over a line break); None where no token covers it."""
    token = doc.char_span(at, at + 1, alignment_mode="expand")
    if token is None:
        return None
    return max(token[0].sent.start_char, doc_text(doc).rfind("\n", 0, at) + 1)


def _plain_words(lead: str) -> bool:
    """Whether the words a sentence opens with before a quotation are words and hold no quotation mark."""
    return bool(WORD.search(lead)) and not any(c in lead for c in OPEN) and not any(c in lead for c in CLOSE)


def _subject_before_quote(doc: Doc, quote: Quote, used: set[int]) -> tuple[int, int] | None:
    """'The party, attended by hundreds every year, “allows us to get our message out,” said Coleman': a quote that
    opens in lower case goes on with the words its sentence began with (the first span of a mixed statement)."""
    text = doc_text(doc)
    first = text[quote.inner[0]:quote.inner[1]].lstrip()[:1]
    if not first.islower():
        return None
    start = _sentence_start(doc, quote.start)
    if start is None or not _plain_words(text[start:quote.start]):
        return None
    span = doc.char_span(start, quote.start, alignment_mode="contract")
    if span is None or any(cue_for(t) is not None or t.i in used for t in span):
        return None  # 'Vell said, “…”' is the cue's own clause
    start, end = trim(doc, start, quote.start)
    return (start, end) if end > start else None


def _same_utterance(doc: Doc, quote: Quote, previous: Quote | None) -> bool:
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


def _cue_clause_ends_sentence(doc: Doc, statement: Found, previous: Quote | None, quote: Quote) -> bool:
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


def _goes_on_past_labels(text: str, previous_quote: Quote | None, quote: Quote) -> bool:
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


def _continues(doc: Doc, previous: Found, quote: Quote) -> bool:
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
