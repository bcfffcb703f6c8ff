"""A sentence-boundary component that runs before the parser: line breaks are evidence of their own.

The parser joins a headline, a dateline and the first sentence into one sentence, and joins a short line such as
"the ministry said." to the sentence above it (making "said" a clause of the wrong verb). A line break after
sentence-final punctuation or a closing quote, a blank line, or the end of a short line (a title, a dateline)
starts a new sentence here; the parser respects boundaries set before it runs.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.nlp.datelines import DATELINE

FINAL = set('.?!:;"”’|)')
SHORT_LINE = 90  # characters: titles and header lines are shorter than a wrapped line of prose


@Language.component("claimgraph_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    text = doc.text
    # A dateline ("Jan. 24, 2017 (EIRNS)—") ends where the first sentence of the body begins.
    for line_start in [0] + [i + 1 for i, ch in enumerate(text[:2000]) if ch == "\n"]:
        if m := DATELINE.match(text[line_start:line_start + 200]):
            body = line_start + m.end()
            first = doc.char_span(body, body + 1, alignment_mode="expand")
            if first is not None and first.start > 0 and first[0].idx == body:
                first[0].is_sent_start = True
            break
    for i, token in enumerate(doc):
        if i == 0 or "\n" not in doc[i - 1].text_with_ws[-1:] + doc[i - 1].text:
            continue
        if token.is_space:
            continue
        # Find the text before this token's line: the line just ended.
        line_end = text.rfind("\n", 0, token.idx)
        before = text[:line_end].rstrip()
        if not before:
            continue
        line_start = before.rfind("\n") + 1
        prev_line = before[line_start:]
        blank_line = text.count("\n", len(before), token.idx) > 1
        if blank_line or before[-1] in FINAL or len(prev_line) < SHORT_LINE:
            token.is_sent_start = True
    return doc


def add_line_breaks(nlp: Language) -> None:
    """Insert the component before the parser (once; a second call is harmless)."""
    if "claimgraph_line_breaks" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe("claimgraph_line_breaks", before=before) if before else nlp.add_pipe("claimgraph_line_breaks")
