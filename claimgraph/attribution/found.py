"""The working record of the rule components, before speakers are resolved and ids assigned.

Offsets here are character offsets into the Doc; `claimgraph.attribution.extract_attributions` shifts them into the
article's text and turns each `Found` into a frozen `Attribution`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

PUNCT_EDGES = set(" \n\t,;:—–-")
TEXT_KEY = "claimgraph_text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, computed once: spaCy rebuilds the string from every token on each access, which made the
    rules cost more than the parse itself."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


@dataclass
class Found:
    kind: str
    cue: Span | None
    source: Span | None
    content: list[tuple[int, int]]
    cue_class: str
    sentence: tuple[int, int]
    via: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    confidence: float = 0.8
    quote_index: int | None = None  # for direct quotes: which quote (continuations point back to it)
    parent: "Found | None" = None
    speaker: object | None = None  # filled by speaker resolution
    method: str = "rules"

    @property
    def content_spans(self) -> tuple[tuple[int, int], ...]:
        return tuple(self.content)

    @property
    def cue_span(self) -> tuple[int, int] | None:
        return (self.cue.start_char, self.cue.end_char) if self.cue is not None else None


def trim(doc: Doc, start: int, end: int, keep_final_period: bool = False) -> tuple[int, int]:
    """Shrink a character range so it neither starts nor ends with spaces or clause punctuation."""
    text = doc_text(doc)
    while start < end and (text[start] in PUNCT_EDGES):
        start += 1
    while end > start and (text[end - 1] in PUNCT_EDGES or (not keep_final_period and text[end - 1] == ".")):
        # Keep a period that belongs to an abbreviation ("U.S.", "Jan.").
        if text[end - 1] == "." and end - 2 >= start and text[end - 2].isupper() and (
                end - 3 < start or not text[end - 3].isalpha() or text[end - 3] == "."):
            break
        end -= 1
    return start, end


def subtree_span(token: Token, exclude: set[int] = frozenset()) -> tuple[int, int]:
    """Character range of a token's subtree, optionally leaving out the subtrees of some children."""
    tokens = [t for t in token.subtree if not any(t.i == x or _under(t, x) for x in exclude)]
    if not tokens:
        return token.idx, token.idx + len(token)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def mention_span(subject: Token, cue: Token) -> tuple[int, int]:
    """The source mention: the subject's subtree, less the cue's clause when the cue hangs inside it
    ("a Donald Trump tweet attacking …")."""
    if cue.i in {t.i for t in subject.subtree}:
        return subtree_span(subject, exclude={cue.i})
    return subtree_span(subject)


def _under(token: Token, ancestor_i: int) -> bool:
    return any(a.i == ancestor_i for a in token.ancestors)


def sentence_of(doc: Doc, *char_ranges: tuple[int, int]) -> tuple[int, int]:
    """The span of the sentence or sentences covering all ranges."""
    starts, ends = [], []
    for start, end in char_ranges:
        first = doc.char_span(start, max(start + 1, end), alignment_mode="expand")
        if first is None or not len(first):
            continue
        starts.append(first[0].sent.start_char)
        ends.append(first[-1].sent.end_char)
    if not starts:
        return (0, len(doc_text(doc)))
    return min(starts), max(ends)
