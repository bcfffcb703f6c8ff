"""Grouping tagged spans into attributions (`Candidate`s).

The tagger marks SOURCE, CUE and CONTENT runs independently; an attribution ties them together. Rules:
0. A content run that stops inside a phrase is completed to the end of that phrase (`complete_content`; on dev
   +3 points of partial and +9 of exact content F1 with an early checkpoint).
1. Each content run links to the nearest cue run that does not overlap it: same sentence first, then a sentence
   next to the content, by token distance (news puts the cue right beside the quote: "..., he said").
2. All contents linked to one cue form one attribution with several content spans: PolNeAR annotates
   "“A,” he said, “B.”" as one attribution whose content has two fragments. (Merging only within the cue's
   sentence, and keeping contents of the next sentence apart, was worse on dev: 0.680 vs 0.686 partial F1.)
3. A cue links to the nearest source run in its own sentence, never inside the attribution's own content; among
   those, one joined to the cue by a dependency arc wins. (Looking one sentence further was worse on dev, even on
   gold labels: end-to-end 0.896 vs 0.924; most attributions whose source is not in the cue's sentence have no
   source at all.) Where the tagger marked no source, the cue's subject phrase (nsubj/poss/agent) stands in
   (+1.3 points of source agreement on dev).
4. A content with no cue nearby is still an attribution ("According to ..." contents whose cue was missed), with
   the nearest source of its sentence if any. Cues and sources without content are dropped: there is nothing to
   attribute.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy
from spacy.tokens import Doc

from claimgraph.attribution.learned.bio import LABELS, tags_to_runs

Span = tuple[int, int]
Run = tuple[int, int]  # token indices [start, end)


@dataclass(frozen=True)
class Candidate:
    """An attribution found by the learned tagger; char offsets into the whole article."""

    content_spans: tuple[Span, ...]
    cue_span: Span | None
    source_span: Span | None
    confidence: float


def _gap(a: Run, b: Run) -> int:
    """Tokens strictly between two runs (0 when adjacent or overlapping)."""
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


def _overlaps(a: Run, b: Run) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class _Sentences:
    """Token -> sentence number, so that 'same' and 'neighbouring' sentence are cheap to ask."""

    def __init__(self, doc: Doc):
        self.of = numpy.zeros(len(doc), dtype="int32")
        if len(doc) and doc.has_annotation("SENT_START"):
            for n, sent in enumerate(doc.sents):
                self.of[sent.start:sent.end] = n

    def range(self, run: Run) -> tuple[int, int]:
        return int(self.of[run[0]]), int(self.of[run[1] - 1])

    def distance(self, a: Run, b: Run) -> int:
        """0 if the runs share a sentence, else how many sentence steps apart their nearest edges are."""
        (a0, a1), (b0, b1) = self.range(a), self.range(b)
        if a0 <= b1 and b0 <= a1:
            return 0
        return b0 - a1 if b0 > a1 else a0 - b1


def _linked(doc: Doc, a: Run, b: Run) -> bool:
    """True when a dependency arc joins the two runs (the cue's subject, "according to X", "X's claim")."""
    return any(a[0] <= doc[k].head.i < a[1] for k in range(*b)) or any(b[0] <= doc[k].head.i < b[1]
                                                                      for k in range(*a))


def _nearest(target: Run, options: list[Run], sents: _Sentences, max_sent: int, avoid: list[Run],
             doc: Doc | None = None) -> int | None:
    """Index of the option nearest `target`, or None beyond `max_sent` sentences.

    Nearest means: same sentence first, then (when `doc` is given, i.e. for sources) joined to the target by a
    dependency arc, then the fewest tokens between; ties keep the earlier option.
    """
    best, best_key = None, None
    for k, opt in enumerate(options):
        if any(_overlaps(opt, a) for a in avoid):
            continue
        dist = sents.distance(target, opt)
        if dist > max_sent:
            continue
        unlinked = 0 if doc is None or _linked(doc, target, opt) else 1
        key = (dist, unlinked, _gap(target, opt))
        if best_key is None or key < best_key:
            best, best_key = k, key
    return best


def complete_content(doc: Doc, run: Run, blocked: list[Run], extend_left: bool = False) -> Run:
    """Extend a content run that stops inside a clause to the end of its syntactic phrase.

    The tagger often stops a long indirect content early ("that Trump remains | ahead in the polls"). The run's
    top token (its head lies outside the run) heads the phrase the content stands for, so the run is extended to
    that token's right edge, inside the sentence and short of any other tagged run.
    """
    i, j = run
    # A run followed by punctuation (or the end of the doc) already ends where a phrase can end: keep it. Gold
    # contents end like that, and extending them anyway cost 7 points of exact F1 on gold labels.
    if not doc.has_annotation("DEP") or j >= len(doc) or doc[j].is_punct or doc[j].is_space:
        return run
    tops = [doc[k] for k in range(i, j) if not (i <= doc[k].head.i < j) or doc[k].head.i == k]
    if not tops:
        return run
    top = max(tops, key=lambda t: t.right_edge.i - t.left_edge.i)
    end = max(j, top.right_edge.i + 1)
    sent_end = doc[j - 1].sent.end
    end = min(end, sent_end)
    for b in blocked:
        if b[0] >= j and b[0] < end:
            end = b[0]
    start = i
    if extend_left:
        start = min(i, max(top.left_edge.i, doc[i].sent.start))
        for b in blocked:
            if b[1] <= i and b[1] > start:
                start = b[1]
    return start, end


SUBJECT_DEPS = {"nsubj", "poss", "agent"}


def _subject(doc: Doc, cue: Run, avoid: list[Run]) -> Run | None:
    """The cue's grammatical subject ("Trump is questioning", "Trump's claim", "by Trump") where the tagger
    marked no source: PolNeAR sources are almost always that phrase, and the tagger misses some of them."""
    if not doc.has_annotation("DEP"):
        return None
    for k in range(*cue):
        for child in doc[k].children:
            if child.dep_ in SUBJECT_DEPS and not (cue[0] <= child.i < cue[1]):
                if child.dep_ == "agent":  # "by X": the source is the object of "by"
                    child = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if child is None:
                        continue
                run = (child.left_edge.i, child.right_edge.i + 1)
                if child.pos_ in ("PRON", "PROPN", "NOUN") and not any(_overlaps(run, a) for a in avoid + [cue]):
                    return run
    return None


def group_runs(doc: Doc, tags: list[str], probs: numpy.ndarray | None, offset: int = 0, *,
               max_cue_sent: int = 1, max_source_sent: int = 0, complete: bool = True, extend_left: bool = False,
               link_sources: bool = True, subject_fallback: bool = True) -> list[Candidate]:
    """Candidates from one doc's BIO labels (see the module docstring for the rules).

    The keyword switches exist for ablations; the defaults are the choices measured best on dev.
    """
    runs = tags_to_runs(tags)
    contents = [(i, j) for r, i, j in runs if r == "CONTENT"]
    cues = [(i, j) for r, i, j in runs if r == "CUE"]
    sources = [(i, j) for r, i, j in runs if r == "SOURCE"]
    if complete:
        others = [(i, j) for _, i, j in runs]
        contents = [complete_content(doc, c, others, extend_left) for c in contents]
    sents = _Sentences(doc)

    by_cue: dict[int | None, list[Run]] = {}
    loose: list[Run] = []
    for content in contents:
        k = _nearest(content, cues, sents, max_cue_sent, avoid=[content])
        if k is None:
            loose.append(content)
        else:
            by_cue.setdefault(k, []).append(content)

    def char_span(run: Run) -> Span:
        first, last = doc[run[0]], doc[run[1] - 1]
        return first.idx + offset, last.idx + len(last) + offset

    def confidence(runs_: list[Run]) -> float:
        if probs is None or not len(probs):
            return 1.0
        idx = numpy.concatenate([numpy.arange(i, j) for i, j in runs_])
        return float(probs[idx].max(axis=1).mean())

    out = []
    for k, content_runs in by_cue.items():
        cue = cues[k]
        s = _nearest(cue, sources, sents, max_source_sent, avoid=content_runs,
                     doc=doc if link_sources and doc.has_annotation("DEP") else None)
        source = sources[s] if s is not None else (_subject(doc, cue, content_runs) if subject_fallback else None)
        out.append(Candidate(tuple(char_span(r) for r in sorted(content_runs)), char_span(cue),
                             char_span(source) if source is not None else None, confidence(content_runs + [cue])))
    for content in loose:
        s = _nearest(content, sources, sents, 0, avoid=[content])
        out.append(Candidate((char_span(content),), None, char_span(sources[s]) if s is not None else None,
                             confidence([content])))
    out.sort(key=lambda c: c.content_spans[0])
    return out


def candidates_from_doc(doc: Doc, offset: int = 0) -> list[Candidate]:
    """Candidates from a doc the tagger component has annotated (`doc._.attr_tags`); [] if it has not."""
    tags = doc._.attr_tags
    if tags is None:
        return []
    return group_runs(doc, tags, doc._.attr_probs, offset)


__all__ = ["Candidate", "LABELS", "candidates_from_doc", "group_runs"]
