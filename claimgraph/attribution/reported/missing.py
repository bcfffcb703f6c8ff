"""When the parse gives a cue no content: a reported clause before a closing cue whose verb the parser misread
(`misparsed_before`: "…, but it is under pressure, said the company's chief executive"), the paragraph a cue
introduces with a colon (`next_paragraph`: "In a speech last July, he said:" and the words below), and a speech cue
standing without its words ("the ministry said.": `missing_content`, flagged `content_missing`)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from claimgraph.attribution.found import doc_text, trim
from claimgraph.attribution.marks import OPEN
from claimgraph.attribution.reported.common import after_dateline, has_quote, paragraph_below, too_short
from claimgraph.attribution.reported.introduced import post_from
from claimgraph.nlp.signatures import SIGNATURE


def misparsed_before(doc: Doc, cue: Token) -> tuple[tuple[int, int], Token] | None:
    """'Those who take on heavy debt struggle, even with a good job, he said.', '… signals "the beginning of the
    end" for the union, said Geert Wilders, founder of …', '… is hanging on, but it is under pressure, said the
    company's chief executive': the reported clause's verb read as a noun (or the cue read as its conjunct) leaves
    the cue no complement; the words before the comma that opens the closing cue clause ("he said", "said X, …")
    are what was said. Returns the content and the cue clause's subject."""
    sent = cue.sent
    as_reported = _as_reported(doc, cue)
    if as_reported is not None:
        return as_reported
    if cue.lemma_.lower() not in SPEECH_CUES or cue.dep_ not in {"ROOT", "conj"} or any(
            c.dep_ in {"ccomp", "xcomp", "dobj", "advcl", "oprd", "dative", "neg"} for c in cue.children):
        return None  # speech verbs only: "…, Vell complained" closes a description as often as a statement
    subjects = [c for c in cue.children if c.dep_ == "nsubj"]
    after = next((c for c in subjects if c.i > cue.i), None)  # "said Geert Wilders"
    before = next((c for c in subjects if c.right_edge.i == cue.i - 1), None)  # "he said"
    if cue.dep_ == "conj" and (after is None or cue.head.i > cue.i):
        return None  # "…, and he said …" is a clause of its own; only the inverted "…, said X" closes the sentence
    subject = after if after is not None else before
    if subject is None:
        return None
    first = cue.i if subject is after else subject.left_edge.i
    if first - 1 <= sent.start or doc[first - 1].text != ",":
        return None
    own = {cue.i} | {t.i for c in cue.children if c.i >= first for t in c.subtree}
    if any(t.i >= first and t.i not in own and not t.is_punct and not t.is_space for t in sent):
        return None  # words after the comma that are not the cue clause's
    last = [t for t in sent if not t.is_space][-1]
    if last.text not in {".", "!", "?"} or any(t.text in {":", ";"} or t.text in OPEN for t in sent if t.i > cue.i):
        return None  # "In a speech last July, he said: …": the cue opens what follows
    words = [t for t in sent if t.i < first - 1 and not t.is_space]
    if sum(t.is_alpha for t in words) < 6 or has_quote(doc, words[0].idx, words[0].idx + 1):
        return None  # a short fragment ("Or maybe Jeb Bush, says …"); a quote opening the sentence is the quote path's
    if words[0].pos_ in {"ADP", "SCONJ"} and not any(
            t.tag_ in {"VBZ", "VBD", "VBP", "MD"} and t.dep_ not in {"relcl", "acl"} for t in words):
        return None  # "In a message posted in May, Vell said …": a fronted phrase, not what was said
    start, end = after_dateline(doc, trim(doc, words[0].idx, words[-1].idx + len(words[-1])))
    return ((start, end), subject) if end > start else None


# Verbs of reporting that an "as" clause sets beside a statement ("As the Herald reported, …").
AS_REPORTED = {"report", "say", "note", "write", "announce", "reveal", "explain", "state", "confirm", "mention",
               "tell"}


def _as_reported(doc: Doc, cue: Token) -> tuple[tuple[int, int], Token] | None:
    """'As previously reported by the Herald, the eels are not harmless', 'As the Herald reported last week, …',
    '…, as Vell told reporters.': an "as" clause set off by a comma credits the clause it hangs on to its subject
    (or its "by" agent); that clause, less the "as" clause, is what was said (FNC-1 sample B; PolNeAR train: 6 new
    finds, all 6 gold with the right source, and 3 records' content cut to the clause, all 3 still gold)."""
    if cue.lemma_.lower() not in AS_REPORTED or cue.dep_ != "advcl" or cue.head.pos_ not in {"VERB", "AUX"}:
        return None
    mark = next((c for c in cue.children if c.dep_ == "mark"), None)
    if mark is None or mark.lower_ != "as" or mark.i != cue.left_edge.i or any(
            c.dep_ in {"ccomp", "xcomp", "dobj", "neg", "advcl", "oprd"} for c in cue.children):
        return None  # "as he said he would": the clause has its own object
    first, last = cue.left_edge.i, cue.right_edge.i
    comma_after = last + 1 < len(doc) and doc[last + 1].text == ","
    comma_before = first > 0 and doc[first - 1].text == ","
    if not (first == cue.sent.start and comma_after or comma_before):
        return None  # set off by a comma, fronted or trailing
    agent = next((c for c in cue.children if c.dep_ == "agent"), None)
    subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if subject is None and agent is not None:
        subject = next((c for c in agent.children if c.dep_ == "pobj"), None)
    if subject is None or subject.lower_ in {"it", "this", "that", "which", "what", "i", "we", "you"}:
        return None  # "As I mentioned above, …": the writer pointing back, not a source (PolNeAR train: the one
        # "as" clause of the writer's lost the "according to" record of the same clause)
    head = cue.head
    words = [t for t in head.subtree if not (first <= t.i <= last) and not t.is_space]
    stop = next((t.i for t in words if t.i > head.i and t.text == ";"), None)  # the clause, not the next one
    words = [t for t in words if stop is None or t.i < stop]
    while words and words[0].is_punct:
        words = words[1:]
    if sum(t.is_alpha for t in words) < 4 or any(first <= t.i <= last for t in words):
        return None
    start, end = trim(doc, words[0].idx, words[-1].idx + len(words[-1]))
    if any(words[0].i < t.i < words[-1].i and not t.is_space for t in doc[first:last + 1]):
        return None  # the "as" clause inside the statement: not one span
    return ((start, end), subject) if end > start else None


# Cues that are flagged `content_missing` when they stand without their words ("the ministry said.").
SPEECH_CUES = {"say", "tell", "note", "add", "assert", "claim", "state", "explain", "insist", "argue", "stress",
               "remark", "write", "declare", "warn", "reply", "comment"}


def missing_content(doc: Doc, cue: Token) -> bool:
    """'the ministry said.' alone: a cue with a subject and nothing said, its sentence holding no quote."""
    sent = cue.sent
    if cue.lemma_.lower() not in SPEECH_CUES or any(c.dep_ == "neg" for c in cue.children):
        return False
    if cue.dep_ != "ROOT" or not any(c.dep_ == "nsubj" for c in cue.children):
        return False
    if any(c.dep_ in {"ccomp", "dobj", "xcomp", "advcl", "oprd", "dative"} for c in cue.children):
        return False
    if has_quote(doc, sent.start_char, sent.end_char):
        return False
    # Only the subject, adverbials and punctuation may stand in the sentence besides the cue.
    return len([t for t in sent if t.is_alpha]) <= 8


# Cues that introduce a post rather than speech ("Vell tweeted Monday:", "posted this on Facebook:", "pointed out on
# Twitter:"): the lexicon's, left out of SPEECH_CUES because a bare "Vell tweeted." is no missing statement.
POST_CUES = {"tweet", "post", "point"}
# What a post cue's object may be where the paragraph below is the post ("posted this tweet:", "tweeting the
# following:"); another object is what was posted ("tweeted the transcript of the exchange for context:", PolNeAR
# train: the one such find was the writer's own paragraph below, the post itself not in the text).
POINTED = {"following", "this", "tweet", "post", "message", "statement", "note"}


def _introduces(cue: Token) -> bool:
    """A speech cue with its own subject ('he said:'), or a cue of posting ('tweeting the following:' hangs on the
    clause that names who tweets: the caller has found that subject) whose object, if any, points below."""
    lemma = cue.lemma_.lower()
    if lemma == "point":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in cue.children)
    if lemma in POST_CUES:
        return all({c.lower_, c.lemma_.lower()} & POINTED for c in cue.children if c.dep_ == "dobj")
    return lemma in SPEECH_CUES and any(c.dep_ in {"nsubj", "nsubjpass"} for c in cue.children)


# An embedded post's markup in PolNeAR's texts: '<tweet tweet-author="@x" …>the post<tweet/>'; its text is the post.
TWEET_MARKUP = re.compile(r"<tweet\b[^>\n]*>(?P<post>[^<\n]+)(?:<tweet/>|</tweet>)")


def _under(token: Token, cue: Token) -> bool:
    """`token` is the cue or hangs below it in the parse: a word of the cue's own clause."""
    return token.i == cue.i or any(h.i == cue.i for h in token.ancestors)


def _post_in_markup(doc: Doc, start: int) -> tuple[int, int] | None:
    """The post's words inside an embedded tweet's markup that opens at `start`; None for empty markup
    ('<tweet tweet-id="…"><tweet/>') or markup of another kind."""
    m = TWEET_MARKUP.match(doc_text(doc), start)
    if m is None:
        return None
    post_start, post_end = m.span("post")
    sign = SIGNATURE.search(doc_text(doc), post_start, post_end)  # "… — Vell (@vell) May 2, 2016"
    return trim(doc, post_start, sign.start("dash") if sign else post_end)


def next_paragraph(doc: Doc, cue: Token) -> tuple[int, int] | None:
    """'In a speech last July, he said:' closing its paragraph, 'Dr. Ward stated:', 'He told his audience, to rowdy
    applause:': a speech cue whose clause ends in a colon at the end of its paragraph introduces the next paragraph,
    which is what was said (PolNeAR train: 15 of 16 such cues are gold, the content the paragraph below). So do
    'Vell tweeted Monday:', 'tweeting the following:' and 'as Vell pointed out on Twitter:' (`_introduces`), and an
    embedded tweet's markup below gives the post's words, as does a signed post below (all its lines). Not a
    paragraph of other markup."""
    if not _introduces(cue):
        return None
    colon = next((t for t in doc[cue.i + 1:] if t.text in {":", ".", "!", "?", ";"} or "\n" in t.text), None)
    if colon is None or colon.text != ":":
        return None  # the clause ends first, or its paragraph does
    if any(not t.is_punct and not t.is_space and not _under(t, cue) for t in doc[cue.i + 1:colon.i]):
        return None  # "as a reporter noted, he did not fill the hall:": the colon ends another clause, which is
        # what was said (PolNeAR train: the one such find took the tweet below instead of the gold clause)
    below = paragraph_below(doc, colon)
    if below is None:
        return None  # words on the colon's own line ("he said: the plan …") are the parse's to read
    text = doc_text(doc)
    # A signed post below is its words, all its lines, without the signature (`introduced.post_from`).
    content = _post_in_markup(doc, below[0]) if text[below[0]] == "<" else trim(doc, *(post_from(text, below[0])
                                                                                       or below))
    return content if content is not None and content[1] > content[0] and not too_short(doc, content) else None
