"""Transcripts: "WALLACE: Let's start with …" — a speaker label opens the line, the rest of the line is said.

Only read as speech where an article has at least two such lines (an interview or debate transcript), so that
one-off labels ("CORRECTION:", "UPDATE:") are not taken for speakers.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from claimgraph.attribution.found import Found, doc_text, sentence_of, trim

LABEL = re.compile(r"^[\"“]?(?P<name>(?:MR\.|MRS\.|MS\.|DR\.|SEN\.|REP\.|GOV\.)?\s?[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):\s+(?=\S)",
                   re.MULTILINE)
NOT_SPEAKERS = {"CORRECTION", "UPDATE", "BYLINE", "EMAIL", "LOOK", "EXCLUSIVE", "PREVIOUSLY", "NOTE", "EDITOR'S NOTE",
                "WATCH", "READ", "RELATED", "SOURCE", "SOURCES", "PHOTO", "VIDEO", "BREAKING", "Q", "A", "FIX IS IN",
                "SHORT READS", "STAT OF THE WEEK", "BUSTED", "HUFFPOLLSTER"}


def speaker_labels(doc: Doc) -> list[Found]:
    text = doc_text(doc)
    matches = [m for m in LABEL.finditer(text) if m.group("name").strip() not in NOT_SPEAKERS]
    if len(matches) < 2:
        return []
    found = []
    for m in matches:
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        start, end = trim(doc, m.end(), line_end, keep_final_period=True)
        name_start = m.start("name")
        name_end = m.end("name")
        source = doc.char_span(name_start, name_end, alignment_mode="expand")
        colon = doc.char_span(name_end, name_end + 1, alignment_mode="expand")
        if source is None or colon is None or end <= start:
            continue
        found.append(Found(kind="direct", cue=colon, source=source, content=[(start, end)], cue_class="report",
                           sentence=sentence_of(doc, (start, end)), confidence=0.7))
    return found
