"""Where a reported content stops, once `clauses` has found it: within the cue's paragraph, before a trailing relative
clause, at the closing mark of a quotation it runs into, at a single-quote closing (British copy), before "— while
others said …" or a final "even as …", before a participle, before the cue's own next conjunct ("announced … and
then persuaded …"), over a second "that". Each takes the span (or None) and returns it, shortened or unchanged, so
the steps chain."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from claimgraph.attribution.cues import cue_for
from claimgraph.attribution.found import doc_text, trim
from claimgraph.attribution.marks import WORD, Quote
from claimgraph.attribution.reported.clauses import trailing_frame
from claimgraph.attribution.reported.common import DASHES, MIN_CONTENT_WORDS, after_dateline, has_quote


def within_paragraph(doc: Doc, cue: Token, content: tuple[int, int] | None) -> tuple[int, int] | None:
    """A reported content stays in the cue's paragraph: a headline's "Says …" does not run on into the next line;
    nor does it hold the paragraph's dateline ("TOKYO — …": `common.after_dateline`)."""
    if content is None:
        return None
    start, end = after_dateline(doc, content)
    text = doc_text(doc)
    breaks = [i for i in range(start, end) if text[i] == "\n" and not _hard_wrap(doc, i)]
    if not breaks:
        return start, end
    if cue.idx < start:
        cut = trim(doc, start, breaks[0])
    else:
        cut = trim(doc, breaks[-1] + 1, end)
    return cut if cut[1] > cut[0] else (start, end)


# Words a line of its own (a headline, a caption) cannot end on: a line ending on one was wrapped mid-sentence.
WRAPPED_AFTER = {"DT", "IN", "CC", "TO", "PRP$", "POS"}


def _hard_wrap(doc: Doc, newline: int) -> bool:
    """A single line break inside a sentence of text wrapped at a fixed width ("said she had contacted fighters over
    the\nInternet before …"): the line ends on a word that cannot end one (a determiner, a preposition, a
    conjunction), the next line holds words, and the parser kept both lines in one sentence."""
    text = doc_text(doc)
    if newline + 1 >= len(text) or text[newline + 1].isspace() or newline == 0 or text[newline - 1].isspace():
        return False
    before = doc.char_span(newline - 1, newline, alignment_mode="expand")
    after = doc.char_span(newline + 1, newline + 2, alignment_mode="expand")
    if before is None or after is None or not len(before) or not len(after):
        return False
    word, following = before[-1], after[0]
    return word.tag_ in WRAPPED_AFTER and word.text.isalpha() and word.sent == following.sent


TRAILING = {"who", "which", "where", "whose", "whom"}


def before_trailing_clause(doc: Doc, cue: Token, content: tuple[int, int] | None) -> tuple[int, int] | None:
    """Content stops before a trailing non-restrictive relative clause about one of its nouns: in "said the trip was
    worthwhile, where he trails in most polls" the relative clause is the writer's aside, not what was said."""
    if content is None:
        return None
    start, end = content
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 4:
        return content
    for token in span:
        if token.i <= cue.i or token.i - 1 <= span.start:
            continue
        # Not an apposition ("…, Lonnie, and other friends", "in Port Ellis, Tarnshire", "Vell, the harbor
        # master"): on PolNeAR train the cut was wrong 22 times and right 6 (a name, a place's state, "both …").
        if token.dep_ == "relcl":
            clause = token
        elif token.lower_ in TRAILING and token.head.dep_ == "relcl" and token.head.left_edge.i == token.i:
            clause = token.head
        else:
            continue
        if doc[token.i - 1].text != "," or clause.left_edge.i != token.i:
            continue
        if clause.right_edge.i < span.end - 2 and not (clause.dep_ == "relcl" and _aside_runs_on(clause, span)):
            continue
        if has_quote(doc, token.idx, end):
            continue
        cut = trim(doc, start, doc[token.i - 1].idx)
        if len(WORD.findall(doc_text(doc)[cut[0]:cut[1]])) >= MIN_CONTENT_WORDS:
            return cut
    return _before_summing_up(doc, cue, content)


def _aside_runs_on(clause: Token, span: Span) -> bool:
    """A trailing relative clause whose end the parser hung on the content's verb ("… from Vell, who held a rally in
    Tarn on Wednesday, drawing 1,100 people", "… and Ilan Moss, who was his deputy then and is now the harbor
    master"): the rest goes on after a comma or "and", no word of it is the verb that governs the clause's noun or
    hangs on that noun ("Moss, who had resigned, is now back" goes on with what was said), and what hangs on the
    verbs above is a participle or a conjunct."""
    doc, noun = clause.doc, clause.head
    if clause.right_edge.i + 1 >= len(doc) or doc[clause.right_edge.i + 1].text not in {",", "and", "—", "–"}:
        return False
    above = {t.i for t in noun.ancestors}
    rest = [t for t in span if t.i > clause.right_edge.i and not t.is_punct and not t.is_space]
    if any(t.i in above or t.head.i == noun.i for t in rest):
        return False
    # what hangs on the verb above is a participle or a conjunct (the aside's own end), not the verb's own
    # complement ("to put Tarn, which …, in play", "to form a task force, which …, to crack down on …")
    return all(t.dep_ in {"conj", "cc"} or t.dep_ == "advcl" and t.tag_ == "VBG"
               for t in rest if t.head.i in above)


SET_OFF = {",", "—", "–", "--"}


def _before_summing_up(doc: Doc, cue: Token, content: tuple[int, int]) -> tuple[int, int]:
    """Content stops before a trailing noun phrase set off by a comma or a dash that sums up or glosses what came
    before: "announced it would cut 300 jobs, a move that could hurt the town", "said she was encouraged by the plan
    — a modest boost for Marr", "vowed to repeal the Tarn Act, a law that …". The writer's comment, not what was
    said; PolNeAR leaves it out. An indefinite phrase only ("a", "an"): "…, the mayor of Port Ellis" may be the
    speaker's own words. The parser reads it as an apposition, or as one more object of a verb whose own words came
    before the comma (`_second_object`)."""
    span = _content_tokens(doc, content)
    if span is None or len(span) < 4:
        return content
    words = None  # the span's words, read where a phrase may sum up
    for token in span:
        if token.i <= cue.i or token.i - 1 <= span.start or token.lower_ not in {"a", "an"} or token.dep_ != "det":
            continue
        if doc[token.i - 1].text not in SET_OFF:
            continue
        phrase = token.head  # the phrase's noun, climbing while the phrase still starts at the article
        while phrase.head.i != phrase.i and phrase.head.i > token.i and phrase.head.left_edge.i == token.i:
            phrase = phrase.head
        if not (phrase.dep_ in {"appos", "npadvmod"} or _second_object(phrase, token)) \
                or phrase.pos_ not in {"NOUN", "PROPN"} or phrase.head.i > token.i:
            continue
        if any(c.dep_ == "conj" and any(g.dep_ == "det" for g in c.children) for c in phrase.children):
            # "destroyed two piers near Tarn, a ferry shed and a fuel dock": the next items of a list, each with
            # its own article; not one phrase's two words ("a banker and former official", "an individual or group")
            continue
        if words is None:
            words = [t for t in span if not t.is_punct and not t.is_space]
        if phrase.right_edge.i < words[-1].i or has_quote(doc, token.idx, content[1]):
            continue  # it must run to the content's end, and a quoted phrase is the speaker's
        cut = trim(doc, content[0], token.idx)
        if len(WORD.findall(doc_text(doc)[cut[0]:cut[1]])) >= MIN_CONTENT_WORDS:
            return cut
    return content


# What fills a verb's place after it: a phrase set off after one of these is no object of the verb's own.
FILLED = {"dobj", "dative", "attr", "oprd", "prep", "advmod", "npadvmod", "ccomp", "xcomp"}


def _second_object(phrase: Token, article: Token) -> bool:
    """'would pay “slightly more” in taxes, an acknowledgment that …', 'dismissed the labels altogether, a sentiment
    …': a noun phrase set off after the verb's own words, which the parser reads as one more object (or leaves
    unlabelled), sums up like an apposition."""
    if phrase.dep_ not in {"dobj", "dep"}:
        return False
    return any(c.dep_ in FILLED and c.i < article.i - 1 for c in phrase.head.children if c.i > phrase.head.i)


def to_closing_mark(doc: Doc, content: tuple[int, int] | None, marks: list[Quote]) -> tuple[int, int] | None:
    """A content that stops inside a quotation (the parse ended the clause at a comma within it) runs on to the
    closing mark: what is quoted is said as a whole."""
    if content is None:
        return None
    start, end = content
    for q in marks:
        if start <= q.start < end < q.end and q.closed and "\n" not in doc_text(doc)[end:q.end]:
            return start, q.end
    return content


SINGLE_CLOSE = re.compile(r"[.!?,]['’](?=\s|$)")


def to_single_closing(doc: Doc, content: tuple[int, int] | None) -> tuple[int, int] | None:
    """A content that opens with a single quote mark after the cue's colon or comma (British copy: "said: 'The
    Lords picked up where we left off. The Government still has …'") runs on to the mark that closes it in the
    same paragraph: a sentence end or comma right before a single mark, then a space (an apostrophe stands inside
    a word or after a plural's s, never after a period). The parse ends such a content at its first sentence."""
    if content is None:
        return None
    start, end = content
    text = doc_text(doc)
    if start < 2 or text[start - 1] not in "'‘" or not text[:start - 1].rstrip(" ").endswith((":", ",")):
        return content
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    close = SINGLE_CLOSE.search(text, max(start, end - 1), line_end)
    if close is None or close.start() + 1 <= end:
        return content
    return trim(doc, start, close.start() + 1, keep_final_period=True)


CONTRAST = {"while", "whereas"}


def before_contrast(doc: Doc, cue: Token, content: tuple[int, int] | None) -> tuple[int, int] | None:
    """Content stops before a contrast clause in which someone else says something ("some wrote that students
    shouldn't be monitored — while others said footage helped …", "Vell said the plan would save money, while Brand
    argued …"): the parser hangs it on the content's verb, but it is the writer's, joining two statements. So too
    a final clause of "even as" with a subject of its own ("said he would back the nominee, even as he has taken
    shots at Marr"), whatever its verb (`_even_as`), and a clause joined by "but" whose named subject says
    something of its own ("confirmed the cottage belongs to Marlow but police have not confirmed …":
    `_joined_statement`)."""
    tokens = _content_tokens(doc, content)
    if tokens is None:
        return content
    for token in tokens:
        if token.i > cue.i + 1 and token.dep_ == "cc" and (joined := _joined_statement(token, tokens)) is not None:
            cut = trim(doc, content[0], joined.idx)
            if len(WORD.findall(doc_text(doc)[cut[0]:cut[1]])) >= MIN_CONTENT_WORDS:
                return cut
        if token.i <= cue.i or token.dep_ != "mark":
            continue
        clause = token.head
        if clause.dep_ != "advcl":
            continue
        if not any(c.dep_ == "nsubj" and c.i > token.i for c in clause.children):
            continue
        first = _even_as(token)
        if first is not None:
            # it runs to the content's end, after a few words of what was said
            if clause.right_edge.i < tokens[-1].i - 1 or first.i <= tokens.start + 2:
                continue
        elif token.lower_ not in CONTRAST or cue_for(clause) is None:
            continue
        end = (first or token).idx
        text = doc_text(doc)
        while end > content[0] and (text[end - 1].isspace() or text[end - 1] in DASHES):
            end -= 1  # '… being watched — while others said …'
        cut = trim(doc, content[0], end)
        if cut[1] > cut[0]:
            return cut
    return content


# Only "but": it sets the second statement against the first, the writer's contrast. After "and" the conjunct's
# verb of saying is as often part of what was said ("said Tarn had announced a ceasefire and the government had
# responded", "said the policy would be put into writing and a video would be shown to crews": FNC-1 check bodies,
# 5 such cuts wrong, 0 right).
JOINERS = {"but"}


def _joined_statement(cc: Token, tokens: Span) -> Token | None:
    """The "but" (or the comma before it) that joins a statement of someone else's to a content: the conjunct
    after it is a cue verb with a subject of its own, a noun phrase and not a pronoun that may stand for the speaker
    ("confirmed the cottage belongs to Marlow but police have not confirmed …", "said Vell was building a harbor
    wall but no sign of one was ever found"), and it runs to the content's end. None otherwise."""
    if cc.lower_ not in JOINERS or cc.i + 1 >= len(cc.doc):
        return None
    # the verb joined across it (the parser may hang the "but" on the first clause's object instead of its verb)
    verb = next((t for t in tokens if t.i > cc.i and t.dep_ == "conj" and t.head.i < cc.i), None)
    if verb is None or verb.pos_ not in {"VERB", "AUX"} or cue_for(verb) is None:
        return None
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < verb.i), None)
    if subject is None or subject.pos_ == "PRON" or subject.left_edge.i != cc.i + 1:
        return None
    if verb.right_edge.i < tokens[-1].i - 1 or has_quote(cc.doc, cc.idx, tokens[-1].idx + len(tokens[-1])):
        return None
    doc = cc.doc
    return doc[cc.i - 1] if cc.i > 0 and doc[cc.i - 1].text == "," else cc


def _even_as(mark: Token) -> Token | None:
    """The "even" of "even as" opening a clause ("…, even as he has taken frequent shots at Marr"), or None. Like
    "while", it sets a concurrent fact beside what was said: the writer's juxtaposition. Not "even if" (a condition
    the speaker sets: on PolNeAR train cutting it lost 7 exact matches and won none), nor "though", "although",
    "even though" (cut: 11 exact matches won, 10 lost)."""
    doc = mark.doc
    if mark.lower_ == "as" and mark.i > 0 and doc[mark.i - 1].lower_ == "even":
        return doc[mark.i - 1]
    return None


def before_participle(doc: Doc, cue: Token, content: tuple[int, int] | None) -> tuple[int, int] | None:
    """Content stops where a trailing participial cue clause starts: in "criticized the plan, saying it would
    cost too much" the plan is what was criticized, and ", saying …" is its own attribution by the same source. So
    too where the content ends on a quotation whose closing mark follows the comma ('said the tolls were “far too
    high,” adding that …'): the comma inside the quotation sets the participle off all the same."""
    if content is None:
        return None
    start, end = content
    for token in doc.char_span(start, end, alignment_mode="expand") or ():
        if not (token.i > cue.i and token.tag_ == "VBG" and token.dep_ in {"advcl", "conj", "xcomp", "acl"}
                and cue_for(token) is not None):
            continue
        # the comma may stand before an adverb of the participle's own (", recently telling an aide that …"), or
        # inside the quotation the content ends on ('… were “far too high,” saying …')
        first = token if _set_off_before(token) is not None else token.left_edge
        comma = _set_off_before(first)
        if comma is not None and _dashed_aside(comma, token, end):
            continue
        if first.i > cue.i + 1 and all(t.dep_ == "advmod" for t in doc[first.i:token.i]) and comma is not None:
            closing = doc[first.i - 1]
            cut = trim(doc, start, closing.idx + len(closing) if closing.i > comma.i else comma.idx)
            return cut if cut[1] > cut[0] else content
    return content


CLOSING_MARKS = {"”", "’", '"', "'", "''"}


def _dashed_aside(dash: Token, participle: Token, end: int) -> bool:
    """'added that if half of the buyers purchase a band — assuming 8 million are sold — the range would add …': a
    participle between a pair of dashes, with the content going on after the second, is an aside inside what was
    said, not the speaker's next act; the content runs over it (FNC-1 design: contents cut before the first of a
    pair of dashes left a clause without its main verb)."""
    doc = dash.doc
    after = participle.right_edge.i + 1
    return dash.text in {"—", "–"} and after + 1 < len(doc) and doc[after].text == dash.text \
        and doc[after + 1].idx < end


def _set_off_before(first: Token) -> Token | None:
    """The comma or dash that sets off a phrase opening at `first`, itself right before it or before the closing
    quotation marks right before it; None where none does."""
    doc = first.doc
    at = first.i - 1
    if at > 0 and doc[at].text in CLOSING_MARKS and not doc[at].whitespace_:
        return None  # a straight mark glued to the word after it opens a quotation: ', "saying goodbye …"'
    while at > 0 and doc[at].text in CLOSING_MARKS and doc[at - 1].text in CLOSING_MARKS | {","}:
        at -= 1
    return doc[at] if at >= 0 and doc[at].text in {",", "—", "–"} else None


def before_according(doc: Doc, cue: Token, content: tuple[int, int] | None) -> tuple[int, int] | None:
    """Content stops before a trailing "…, according to X" set off by a comma or a dash: in "Vell told aides the
    plan was dead, according to two people in the room" the phrase is the writer's sourcing of the whole report (an
    attribution of its own, `according.according_to`), not part of what Vell said. So too before a trailing frame
    ("Vell said the pier will close, the Tarnville Courier reports": `clauses.trailing_frame`). Not inside a
    quotation: there the speaker names a source ("“the driver fired, according to the police”")."""
    tokens = _content_tokens(doc, content)
    if tokens is None:
        return content
    for token in tokens:
        if token.i > cue.i + 1 and (frame := trailing_frame(token)) is not None and frame.i > tokens.start \
                and not has_quote(doc, content[0], content[1]):
            # "said there was a link, the Courier reports": the writer's sourcing of the whole report, like
            # "according to" (the frame is an attribution of its own, `clauses.parenthetical`)
            cut = trim(doc, content[0], frame.idx)
            if len(WORD.findall(doc_text(doc)[cut[0]:cut[1]])) >= MIN_CONTENT_WORDS:
                return cut
        if token.i <= cue.i + 1 or token.lower_ != "according" or doc[token.i - 1].text not in SET_OFF:
            continue
        if token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to" or has_quote(doc, content[0], content[1]) \
                or "''" in doc_text(doc)[content[0]:content[1]]:
            continue  # '' is the quotation mark of some copy ("the report says the company ''reports …''")
        cut = trim(doc, content[0], doc[token.i - 1].idx)
        if len(WORD.findall(doc_text(doc)[cut[0]:cut[1]])) >= MIN_CONTENT_WORDS:
            return cut
    return content


def _content_tokens(doc: Doc, content: tuple[int, int] | None) -> Span | None:
    """The tokens a content's characters cover (None for no content or one that covers no token)."""
    if content is None:
        return None
    span = doc.char_span(*content, alignment_mode="expand")
    return span if span is not None and len(span) else None


def before_own_conjunct(doc: Doc, cue: Token, content: tuple[int, int] | None) -> tuple[int, int] | None:
    """Content stops before a verb the cue's subject did next: in "Vell said the plan would cost money and called
    it a mistake" (or "… said she admires him and praised his plan") the second verb is Vell's own act, not part
    of what she said. The parser often hangs it on the content's verb; it shows by having no subject of its own
    and being a cue itself, or by taking the cue's past tense where the content's verb is in another tense."""
    span = _content_tokens(doc, content)
    if span is None:
        return content
    root = span.root
    present = root.tag_ in {"VBZ", "VBP"} or any(c.tag_ == "MD" for c in root.children)
    for token in root.children:
        if token.dep_ != "conj" or token.pos_ != "VERB" or not span.start <= token.i < span.end:
            continue
        if any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in token.children):
            continue
        if not (_said_next(cue, root, token) or (token.tag_ == "VBD" and cue.tag_ == "VBD" and present)
                or _tensed_after_untensed(cue, root, token)):
            continue
        if token.tag_ == "VB" and root.tag_ == "VB" and any(c.tag_ == "MD" for c in root.children) \
                and not any(c.dep_ in {"aux", "neg"} for c in token.children):
            continue  # "will align with … and add Tarn to the list": the modal's second verb, still said
        if token.tag_ == root.tag_ != cue.tag_ and token.tag_ in {"VBD", "VBZ", "VBP"}:
            continue  # "says the two met in a meetup group and decided to co-host the show": the content's tense
        cc = next((c for c in root.children if c.dep_ == "cc" and c.i < token.i and c.i > root.i), None)
        cut_at = cc.i if cc is not None else token.i
        cut = trim(doc, content[0], doc[cut_at].idx)
        return cut if cut[1] > cut[0] else content
    return content


def _said_next(cue: Token, root: Token, verb: Token) -> bool:
    """The conjunct is a cue of its own, so the speaker's next act: "said she admires him and praised his plan".
    Not a verb of thinking or wanting in the content's own tense, which goes on telling of the content's subject
    ("said she was tired of the pier and wanted a mayor who …", "told us the candidate knew of it and thought the
    criticism a badge of honor"): the speaker would not be said to want or think in the middle of a report."""
    entry = cue_for(verb)
    if entry is None:
        return False
    return not (entry.cue_class == "think" and verb.tag_ == root.tag_ and cue.lemma_ != verb.lemma_)


def _tensed_after_untensed(cue: Token, root: Token, verb: Token) -> bool:
    """'vowed to keep the pier open and celebrated the ruling', 'proposed that more ferries be left in Tarn, and
    pushed to …': a verb in the cue's own tense joined to a content whose verb has none (an infinitive, a
    subjunctive) cannot go on with what was said; it is the speaker's next act."""
    # untensed by its own words ("to", a bare "be"), not a past participle with none, which is as often a past
    # tense the tagger misread ("told us editors spotted a rat … and notified …": FNC-1 check bodies, 2 such)
    auxiliaries = [c for c in root.children if c.dep_ in {"aux", "auxpass"}]
    return verb.tag_ == cue.tag_ and verb.tag_ in {"VBD", "VBZ"} and root.tag_ in {"VB", "VBN"} and bool(
        auxiliaries) and all(c.tag_ in {"TO", "VB"} for c in auxiliaries)


def over_second_that(doc: Doc, cue: Token, content: tuple[int, int] | None) -> tuple[int, int] | None:
    """A second that-clause joined to the cue ("said the border must be secured, but that he would not support
    mass deportation", "… and that he'll try …") is said too: the parser hangs it on the cue as a conjunct. So is
    the rest of a list of infinitives (`_over_infinitive_list`)."""
    span = _content_tokens(doc, content)
    if span is None:
        return content
    if (listed := _over_infinitive_list(cue, span)) is not None:
        return content[0], trim(doc, content[0], listed)[1]
    last = span.end
    for c in cue.children:
        if c.dep_ != "conj" or c.i < last or c.sent != cue.sent:
            continue
        cc = [g for g in cue.children if g.dep_ == "cc" and last <= g.i < c.i]
        if not cc or cc[-1].lower_ not in {"but", "and"}:
            continue
        if not any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            continue
        toks = [t for t in c.subtree if not t.is_space]
        return content[0], trim(doc, content[0], toks[-1].idx + len(toks[-1]))[1]
    return content


LIST_JOINERS = {",", "and", "or"}


def _over_infinitive_list(cue: Token, span: Span) -> int | None:
    """Where a content "to …" goes on over the rest of its list of bare verbs, the end of the list's last verb
    ("pledged to repair the pier, fix the ferry schedule and ensure …"): the parser hangs "fix" on the cue as its
    conjunct or adverbial clause (tagging it at times a present tense), "ensure" on "fix", but a bare verb cannot be
    the speaker's next act, which takes the cue's tense. None when the content is no infinitive or nothing
    follows it so."""
    doc = cue.doc
    verb = span.root
    if span[0].tag_ != "TO" or verb.dep_ != "xcomp" or verb.head.i != cue.i or verb.tag_ != "VB":
        return None
    end = None
    last = span.end
    heads = {cue.i}  # the cue and the list's verbs so far: the parser hangs each next verb on one of them
    while True:
        after = last
        while after < len(doc) and doc[after].text in LIST_JOINERS:
            after += 1
        if after == last or after >= len(doc):
            return end
        nxt = doc[after]
        if nxt.head.i not in heads or nxt.dep_ not in {"conj", "advcl"} or nxt.tag_ not in {"VB", "VBP"} \
                or nxt.left_edge.i != nxt.i or any(g.dep_ in {"nsubj", "nsubjpass"} for g in nxt.children):
            return end
        heads.add(nxt.i)
        # the verb and its own words, not what is joined to it (the next verb, or a clause of the speaker's)
        own = [nxt] + [t for c in nxt.children if c.i > nxt.i and c.dep_ not in {"conj", "cc", "punct"}
                       for t in c.subtree]
        final = max(own, key=lambda t: t.i)
        last = final.i + 1
        end = final.idx + len(final)
