"""A sentence-boundary component that runs before the parser: line breaks are evidence of their own.

The parser joins a headline, a dateline and the first sentence into one sentence, and joins a short line such as
"the ministry said." to the sentence above it (making "said" a clause of the wrong verb). A line break after
sentence-final punctuation or a closing quote, a blank line, or the end of a short line (a title, a dateline)
starts a new sentence here; the parser respects boundaries set before it runs.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import IDX, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.nlp.datelines import DATELINE

FINAL = set('.?!:;"”’|)')
SHORT_LINE = 90  # characters: titles and header lines are shorter than a wrapped line of prose
NEWLINE = re.compile("\n")
TEXT_KEY = "claimgraph_text"  # where the rules look for the text first (attribution/found.py, doc_text)


@Language.component("claimgraph_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    text = doc.user_data.get(TEXT_KEY)
    if text is None:  # spaCy joins every token's text on each `doc.text`: once here, kept for the rules
        text = doc.user_data[TEXT_KEY] = doc.text
    # A dateline ("Jan. 24, 2017 (EIRNS)—") ends where the first sentence of the body begins.
    for line_start in [0] + [i + 1 for i, ch in enumerate(text[:2000]) if ch == "\n"]:
        if m := DATELINE.match(text[line_start:line_start + 200]):
            body = line_start + m.end()
            first = doc.char_span(body, body + 1, alignment_mode="expand")
            if first is not None and first.start > 0 and first[0].idx == body:
                first[0].is_sent_start = True
            break
    # Only a token after one holding a line break can start a line (spaCy's trailing whitespace is a single space,
    # so every "\n" is inside a token): find those tokens from the text instead of visiting every token.
    if "\n" not in text or len(doc) < 2:
        return doc
    starts = doc.to_array(IDX)
    holders = {int(k) for k in numpy.searchsorted(starts, [m.start() for m in NEWLINE.finditer(text)], "right") - 1}
    spaces = doc.to_array(IS_SPACE)
    new_starts = []
    for i in sorted(k + 1 for k in holders if k + 1 < len(doc)):
        if spaces[i]:
            continue
        idx = int(starts[i])
        # Find the text before this token's line: the line just ended (its end without trailing whitespace).
        line_end = text.rfind("\n", 0, idx)
        before_end = line_end
        while before_end > 0 and text[before_end - 1].isspace():
            before_end -= 1
        if before_end <= 0:
            continue
        line_start = text.rfind("\n", 0, before_end) + 1
        blank_line = text.count("\n", before_end, idx) > 1
        if blank_line or text[before_end - 1] in FINAL or before_end - line_start < SHORT_LINE:
            new_starts.append(i)
    if new_starts:
        if doc.has_annotation("DEP"):
            doc[new_starts[0]].is_sent_start = True  # spaCy refuses (E043): boundaries go before the parser
        # All at once: each `token.is_sent_start = True` scans the Doc for a parse first.
        column = doc.to_array(SENT_START)
        column[new_starts] = 1
        doc.from_array([SENT_START], column)
    return doc


def add_line_breaks(nlp: Language) -> None:
    """Insert the component before the parser (once; a second call is harmless)."""
    if "claimgraph_line_breaks" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe("claimgraph_line_breaks", before=before) if before else nlp.add_pipe("claimgraph_line_breaks")
