"""Words and tests the modules of `reported` share: the fewest words a content needs (`MIN_CONTENT_WORDS`,
`too_short`), the dashes, the subject relations, the verbs of instruction, the nouns of evidence, whether a span
holds a quotation mark (`has_quote`: mixed, not indirect), a content that is one quotation in single marks
(`single_quoted`: direct), a that-clause's span with its "that" (`that_clause`), the paragraph below a colon
that closes its own (`paragraph_below`), a content less the dateline that opens its paragraph
(`after_dateline`) and a phrase's characters without the punctuation it ends on (`words_span`)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from claimgraph.attribution.cues import cue_for
from claimgraph.attribution.found import doc_text, subtree_span, trim
from claimgraph.attribution.marks import CLOSE, OPEN, WORD
from claimgraph.nlp.datelines import PLACE_DATELINE

# Verbs that take an instruction, not a statement, in "told X to …": not attributions.
DIRECTIVE = {"tell", "ask", "order", "urge", "warn", "remind", "caution", "inform", "rule"}
MIN_CONTENT_WORDS = 3
DASHES = {"—", "–", "--", "-"}


def words_span(doc: Doc, words: list[Token]) -> tuple[int, int] | None:
    """The characters of a phrase's `words` without the punctuation they end on, a closing quotation mark kept (the
    close of a quoted word: the “story”); None where nothing is left. `words` loses those tokens too, so a caller
    can count what stays."""
    while words and words[-1].is_punct and not words[-1].is_quote:
        words.pop()
    return trim(doc, words[0].idx, words[-1].idx + len(words[-1])) if words else None


def has_quote(doc: Doc, start: int, end: int) -> bool:
    return any(ch in OPEN or ch in CLOSE for ch in doc_text(doc)[start:end])


def under_cue(token: Token) -> bool:
    """Whether `token` stands inside another cue's words ("aides said the message was that …", "said she
    congratulated Vell"): that statement holds it, and it is no statement of its own."""
    return any(cue_for(a) is not None for a in token.ancestors)


def act_stated(verb: Token) -> bool:
    """Whether `verb` states its act as done: not the bare form, a modal, "to" or a negation ("would back", "to
    support", "did not call for")."""
    return verb.tag_ != "VB" and not any(
        c.dep_ == "neg" or c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to") for c in verb.children)


OPENING_SINGLE = "'‘"
CLOSING_SINGLE = "'’"


def _closes_single(text: str, at: int) -> bool:
    """A single mark at `at` closes a quotation: after the quotation's own comma, full stop, "?" or "!" ("…go,' she
    wrote"), or before the cue clause's comma or the sentence's full stop ("…police'."), and never before a letter;
    an apostrophe stands inside a word ("Tarn's") or after a plural's s ("the 90s' records")."""
    if not 0 < at < len(text) or text[at] not in CLOSING_SINGLE:
        return False
    after = text[at + 1:at + 2]
    if after.isalnum():
        return False
    return text[at - 1] in ",.?!" or after in {",", "."} and text[at + 2:at + 3] in {"", " ", "\n"}


def single_quoted(doc: Doc, content: tuple[int, int]) -> tuple[int, int] | None:
    """The words inside the marks where a content is exactly one quotation in single marks (British copy: "'Brian
    Tarn has to go,' she wrote", "He said: 'We are both crying for them.'"): a direct quote, not reported speech.
    None otherwise. The opening mark is the content's first character or right before it, at a paragraph start or
    after a space or a colon; the closing mark (`_closes_single`) is the content's last character or right after it
    (after the comma the parse left out: "…control,' said the source"), or, with none, the paragraph's end where
    the quotation runs on below (`_goes_on_below`); no quotation closes between them. As with
    double marks, the words inside keep their final comma or full stop."""
    start, end = content
    text = doc_text(doc)
    if text[start:start + 1] and text[start] in OPENING_SINGLE:
        opening = start
    elif start > 0 and text[start - 1] in OPENING_SINGLE:
        opening = start - 1
    else:
        return None
    if opening > 0 and not (text[opening - 1].isspace() or text[opening - 1] == ":"):
        return None
    if _closes_single(text, end - 1):
        closing = end - 1
    elif _closes_single(text, end):
        closing = end
    elif text[end:end + 1] in {",", ".", "?", "!"} and _closes_single(text, end + 1):
        closing = end + 1
    elif _goes_on_below(text, end):
        closing = end + 1  # the paragraph's end, its full stop kept
    else:
        return None
    if closing - opening < 3 or any(_closes_single(text, i) for i in range(opening + 2, closing)):
        return None  # two quotations, the cue's words between them ("'…,' he said, '…'"), are not one
    if INNER_OPENING.search(text, opening + 1, closing) is not None \
            and INNER_CLOSING.search(text, opening + 1, closing) is not None:
        return None  # "said 'the boats' were late … 'all of them.'": a few quoted words, then more, not one quotation
    return opening + 1, closing


def _goes_on_below(text: str, end: int) -> bool:
    """A quotation that runs on into the next paragraph has no closing mark at its own paragraph's end, and the next
    paragraph opens with a mark ("He said: 'We work in shifts.¶'At first no one noticed.'"): a content that ends
    with its paragraph's final full stop, "?" or "!" and a next paragraph that opens so ends one quotation. A
    content the parse ended before its paragraph does not (its quotation goes on)."""
    if text[end:end + 1] not in {".", "?", "!"} or text[end + 1:end + 2] != "\n":
        return False
    below = text[end + 1:].lstrip()
    return below[:1] in OPENING_SINGLE and below[:1] != ""


# A single mark that opens quoted words inside a content (after a space, before a letter) and one that may close
# them (after a letter, before no letter): both inside, it holds quoted words of its own; "in '08" alone, or
# "Williams' aircraft" alone, is an apostrophe.
INNER_OPENING = re.compile(r"(?<=\s)['‘](?=\w)")
INNER_CLOSING = re.compile(r"(?<=\w)['’](?!\w)")


SUBJECTS = {"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"}

# What a poll, a study or a record shows ("a new poll shows Vell with an 8-point lead") is a finding even as a
# noun phrase; a person "showing respect" or "signs of irritation" is doing, not saying.
EVIDENCE = {"poll", "survey", "study", "data", "record", "result", "figure", "statistic", "analysis",
            "report", "research", "document", "video", "footage", "search", "tally", "count", "census", "filing",
            "sample", "estimate", "projection", "map", "chart", "graph", "photo", "image", "evidence", "test"}


def that_clause(doc: Doc, clause: Token) -> tuple[int, int]:
    """The character span of a reported clause with its "that": the content of 'fears that …', 'is confident that
    …'. The "that" is part of the content, as PolNeAR marks it and as a speech cue's clause keeps it
    (`clauses.content_of`): on PolNeAR train 2,371 of the 2,401 gold contents after a "that" begin with it."""
    return trim(doc, *subtree_span(clause))


def too_short(doc: Doc, content: tuple[int, int]) -> bool:
    """Fewer than MIN_CONTENT_WORDS words: too little to be a statement."""
    return len(WORD.findall(doc_text(doc)[content[0]:content[1]])) < MIN_CONTENT_WORDS


def paragraph_below(doc: Doc, colon: Token) -> tuple[int, int] | None:
    """The character range of the paragraph below a colon that closes its paragraph ("he said:", "According to X:"),
    untrimmed, so that a caller can see whether it opens with markup; None where words follow on the colon's own
    line (the parse's to read) or nothing follows."""
    text = doc_text(doc)
    after = colon.idx + 1
    start = len(text) - len(text[after:].lstrip())
    if "\n" not in text[after:start] or start >= len(text):
        return None
    end = text.find("\n", start)
    return start, len(text) if end < 0 else end


def after_dateline(doc: Doc, content: tuple[int, int] | None) -> tuple[int, int] | None:
    """A content that opens its paragraph with a dateline ("WASHINGTON (AP) — Airstrikes killed …", "TOKYO — Kim
    has been …") starts after the dash: the dateline is the writer's, where the story was filed, not what was said
    (FNC-1 design, 5 such contents). Unchanged where none opens it or nothing would be left."""
    if content is None:
        return None
    start, end = content
    text = doc_text(doc)
    if start > 0 and text[start - 1] != "\n":
        return content
    m = PLACE_DATELINE.match(text, start, end)
    if m is None or m.end() >= end or m.group().endswith("-") and m.group()[-2:-1].isalnum():
        return content  # a hyphen inside a word ("KTRN-7 broadcast …") is no dateline's dash (FNC-1 check, 1)
    cut = trim(doc, m.end(), end)
    return cut if cut[1] > cut[0] and not too_short(doc, cut) else content
