"""Merging rule attributions with the learned tagger's candidates.

    merged = merge(rule_attrs, candidates)

Semantics, deliberately simple:
- Every rule attribution is kept, unchanged and in its order: rules are precise and carry speaker, cue class and
  flags that a candidate lacks.
- A candidate whose content overlaps (shares at least one character with) any rule attribution's content is
  dropped: the rules already found that statement, and two records for one statement would double count it.
- Save one that stands inside a longer rule content with a cue of its own (`_nested_inside`): "In August, Tarn
  declared a state of emergency, the Courier reported" — the Courier's content holds the sentence, and the tagger's
  "declared" is a second voice inside it, as the rules' own nested finds are.
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


def _inside(inner: Iterable[Span], outer: Iterable[Span]) -> bool:
    """Whether every span of `inner` lies within one span of `outer`, and `outer` is longer."""
    inner, outer = list(inner), list(outer)
    longer = sum(e - s for s, e in outer) > sum(e - s for s, e in inner)
    return longer and all(any(s2 <= s1 and e1 <= e2 for s2, e2 in outer) for s1, e1 in inner)


def _nested_inside(candidate: Candidate, rules: list[tuple[tuple[Span, ...], Span | None]]) -> bool:
    """A candidate with a cue whose content and cue lie inside every rule content it overlaps, each longer, and
    whose cue is no rule attribution's: a statement inside a statement, which the rules did not read."""
    if candidate.cue_span is None:
        return False
    cue = tuple(candidate.cue_span)
    if any(rule_cue is not None and _overlap([cue], [rule_cue]) for _, rule_cue in rules):
        return False
    holders = [spans for spans, _ in rules if _overlap(candidate.content_spans, spans)]
    return bool(holders) and all(_inside(list(candidate.content_spans) + [cue], spans) for spans in holders)


def merge(rule_attrs: Sequence[R], candidates: Sequence[Candidate]) -> list[R | Candidate]:
    """Rule attributions, then the candidates whose content overlaps no rule content, or stands nested inside the
    rule contents it overlaps with a cue of its own (see module docstring)."""
    rules = [(tuple(tuple(s) for s in r.content_spans), _cue_of(r)) for r in rule_attrs]
    added: list[Any] = [c for c in candidates
                        if not any(_overlap(c.content_spans, spans) for spans, _ in rules) or _nested_inside(c, rules)]
    return list(rule_attrs) + added


def _cue_of(rule: Any) -> Span | None:
    cue = getattr(rule, "cue_span", None)
    return tuple(cue) if cue is not None else None


__all__ = ["merge"]
