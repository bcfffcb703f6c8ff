"""Merging rule attributions with the learned tagger's candidates.

    merged = merge(rule_attrs, candidates)

Semantics, deliberately simple:
- Every rule attribution is kept, unchanged and in its order: rules are precise and carry speaker, cue class and
  flags that a candidate lacks.
- A candidate whose content overlaps (shares at least one character with) any rule attribution's content is
  dropped: the rules already found that statement, and two records for one statement would double count it.
- The other candidates are added after the rule attributions, in their order (sorted by position by the tagger).
  The caller turns them into `Attribution` records (method "learned", confidence from the candidate).

Anything with a `content_spans` attribute (a sequence of (start, end) char offsets into the article) works as a rule
attribution, so this module depends on neither the rule code nor the records.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Protocol, TypeVar

from claimgraph.attribution.learned.group import Candidate

Span = tuple[int, int]


class HasContent(Protocol):
    content_spans: Sequence[Span]


R = TypeVar("R", bound=HasContent)


def _overlap(a: Iterable[Span], b: Iterable[Span]) -> bool:
    b = list(b)
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def merge(rule_attrs: Sequence[R], candidates: Sequence[Candidate]) -> list[R | Candidate]:
    """Rule attributions, then the candidates whose content overlaps no rule content (see module docstring)."""
    rule_spans = [tuple(tuple(s) for s in r.content_spans) for r in rule_attrs]
    added: list[Any] = [c for c in candidates
                        if not any(_overlap(c.content_spans, spans) for spans in rule_spans)]
    return list(rule_attrs) + added


__all__ = ["merge"]
