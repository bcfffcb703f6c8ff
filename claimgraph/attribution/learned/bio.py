"""BIO projection: attribution char spans <-> one label per spaCy token.

Labels: O, B-/I-SOURCE, B-/I-CUE, B-/I-CONTENT. A token carries one label, so overlapping spans must be projected.
In PolNeAR nesting is rare (18 of ~19,800 train attributions overlap another's content, and no cue lies inside
another content) because annotators carve nested attributions apart. The projection keeps the OUTERMOST content
(longest fragments first, a later fragment never overwrites an earlier one), then writes sources and cues over
it (inner cues/sources win, so a nested attribution keeps its cue and source; its content is lost). Each content
fragment is its own B...I run, so a quote split by "he said" yields two runs that grouping re-joins.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Doc

Span = tuple[int, int]
ROLES = ("SOURCE", "CUE", "CONTENT")
LABELS = ("O",) + tuple(f"{p}-{r}" for r in ROLES for p in ("B", "I"))


def token_range(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Token indices [i, j) covering the char span (expanded to whole tokens); None if it covers no token."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    # Leading/trailing whitespace tokens never belong to a span.
    i, j = span.start, span.end
    while i < j and doc[i].is_space:
        i += 1
    while j > i and doc[j - 1].is_space:
        j -= 1
    return (i, j) if i < j else None


def spans_to_tags(doc: Doc, spans: Iterable[tuple[str, Span]]) -> list[str]:
    """One BIO label per token from (role, char span) pairs; see the module docstring for overlaps."""
    tags = ["O"] * len(doc)
    spans = list(spans)
    contents = sorted((s for r, s in spans if r == "CONTENT"), key=lambda s: s[0] - s[1])  # longest first
    for start, end in contents:
        rng = token_range(doc, start, end)
        if rng is None or any(tags[k] != "O" for k in range(*rng)):
            continue  # overlaps an outer content: keep the outer one
        _write(tags, rng, "CONTENT")
    for role in ("SOURCE", "CUE"):
        for start, end in (s for r, s in spans if r == role):
            rng = token_range(doc, start, end)
            if rng is not None and not any(tags[k].endswith(("SOURCE", "CUE")) for k in range(*rng)):
                _write(tags, rng, role)
    # A content run cut by an inner cue/source resumes with a fresh B so that runs stay well formed.
    for k in range(1, len(tags)):
        if tags[k].startswith("I-") and tags[k - 1][2:] != tags[k][2:]:
            tags[k] = "B-" + tags[k][2:]
    if tags and tags[0].startswith("I-"):
        tags[0] = "B-" + tags[0][2:]
    return tags


def _write(tags: list[str], rng: tuple[int, int], role: str) -> None:
    i, j = rng
    tags[i] = f"B-{role}"
    for k in range(i + 1, j):
        tags[k] = f"I-{role}"


def tags_to_runs(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """(role, first token, end token) runs from BIO labels; a stray I- starts a run (lenient decoding)."""
    runs: list[tuple[str, int, int]] = []
    role, start = None, 0
    for k, tag in enumerate(list(tags) + ["O"]):
        prefix, _, this = tag.partition("-")
        if role is not None and (prefix != "I" or this != role):
            runs.append((role, start, k))
            role = None
        if prefix in ("B", "I") and role is None:
            role, start = this, k
    return runs


def runs_to_char_spans(doc: Doc, runs: Iterable[tuple[str, int, int]]) -> list[tuple[str, Span]]:
    """Token runs -> (role, char span) with whitespace tokens trimmed off the edges."""
    out = []
    for role, i, j in runs:
        while i < j and doc[i].is_space:
            i += 1
        while j > i and doc[j - 1].is_space:
            j -= 1
        if i < j:
            out.append((role, (doc[i].idx, doc[j - 1].idx + len(doc[j - 1]))))
    return out
