"""The attribute ruler's matching, vectorised: the same matches as spaCy's Matcher, a fraction of its time.

A stock English pipeline's `attribute_ruler` (about 180 patterns: a tag map from TAG to POS and morphology, and
exceptions keyed on LOWER, TAG, DEP and IS_SPACE, a few of two tokens) runs spaCy's general Matcher over every
token; on news text that costs about as much as the parser. Its patterns are plain token constraints (a value,
IN, NOT_IN, REGEX), so each can be tested on whole columns of `Doc.to_array` at once. `speed_up_attribute_ruler`
gives the ruler this matcher where every pattern is of that kind (otherwise it leaves the ruler alone); the
ruler's own `set_annotations` still writes the attributes, from the same matches in the same order, so POS,
morphology, lemma and the rest come out identical (tests/core/test_fast_ruler.py compares them token by token).
"""

from __future__ import annotations

import re
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

COLUMNS = {"LOWER": LOWER, "TAG": TAG, "DEP": DEP, "IS_SPACE": IS_SPACE}
ORDER = list(COLUMNS)
SEARCHED_SIZE = 1_000_000  # a REGEX constraint's answers kept (per string hash), emptied past this many


class Unsupported(ValueError):
    """A pattern this matcher does not replicate exactly (the stock Matcher stays)."""


class _Constraint:
    """One attribute of one pattern token, tested on the attribute's hash (or boolean) as the Matcher tests it."""

    def __init__(self, strings: Any, attr: str, value: Any):
        if attr not in COLUMNS:
            raise Unsupported(attr)
        self.column = ORDER.index(attr)
        self.regex: re.Pattern | None = None
        self.negate = False
        self.values: frozenset[int] = frozenset()
        self.searched: dict[int, bool] = {}  # a REGEX's answer per string hash (`_searched`)
        if attr == "IS_SPACE":
            if not isinstance(value, bool):
                raise Unsupported(f"IS_SPACE {value!r}")
            self.values = frozenset([int(value)])
        elif isinstance(value, str):
            self.values = frozenset([strings.add(value)])
        elif isinstance(value, dict) and len(value) == 1:
            (op, arg), = value.items()
            if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
                self.values = frozenset(strings.add(v) for v in arg)
                self.negate = op == "NOT_IN"
            elif op == "REGEX" and isinstance(arg, str):
                self.regex = re.compile(arg)  # the Matcher searches the attribute's string
            else:
                raise Unsupported(f"{attr} {value!r}")
        else:
            raise Unsupported(f"{attr} {value!r}")

    def hashes(self, present: Any, strings: Any) -> list[int]:
        """The values among `present` (a column's distinct values in the Doc) that pass (not for NOT_IN)."""
        if self.regex is not None:
            return [h for h in present if self._searched(h, strings)]
        return [h for h in self.values if h in present]

    def passes(self, value: int, strings: Any) -> bool:
        if self.regex is not None:
            return self._searched(value, strings)
        return (value in self.values) != self.negate

    def _searched(self, value: int, strings: Any) -> bool:
        """Whether the regex finds the string of `value` (a hash: the same string's in every Doc), searched once
        per string: a REGEX anchor is tried on each Doc's every distinct word, most of them seen in earlier Docs."""
        hit = self.searched.get(value)
        if hit is None:
            if len(self.searched) > SEARCHED_SIZE:
                self.searched.clear()
            hit = self.searched[value] = bool(self.regex.search(strings[value]))
        return hit


class VectorMatcher:
    """`AttributeRuler.match` for patterns of plain token constraints: the same (attr_id, match_id, start, end)
    tuples, sorted the same way (later rules overwrite earlier ones).

    Per Doc, each column's positions are grouped by value once; a pattern's candidates come from the positions of
    the values one of its positive constraints admits (a TAG, a LOWER, IN, a REGEX over the Doc's distinct
    values), and only those candidates are tested against the pattern's other constraints."""

    def __init__(self, ruler: Any):
        self.ruler = ruler
        self.strings = ruler.vocab.strings
        # per rule: (attr_id, match_id, alternatives); an alternative is (length, anchor offset, anchor, others)
        self.rules: list[tuple[int, int, list[tuple[int, int, _Constraint | None, list[tuple[int, _Constraint]]]]]] = []
        for attr_id in range(len(ruler.attrs)):
            key = str(attr_id)
            _, alternatives = ruler.matcher.get(key)
            compiled = []
            for pattern in alternatives:
                if not pattern or any(not isinstance(token, dict) or not token or "OP" in token for token in pattern):
                    raise Unsupported(f"pattern {pattern!r}")
                constraints = [(offset, _Constraint(self.strings, a, v))
                               for offset, token in enumerate(pattern) for a, v in token.items()]
                # The most selective positive constraint: a word (LOWER) before a tag, a tag before a dependency.
                anchors = sorted(((o, c) for o, c in constraints if not c.negate),
                                 key=lambda item: (item[1].column, item[1].regex is not None))
                anchor_offset, anchor = anchors[0] if anchors else (0, None)
                others = [(o, c) for o, c in constraints if c is not anchor]
                compiled.append((len(pattern), anchor_offset, anchor, others))
            self.rules.append((attr_id, self.strings.add(key), compiled))
        self.size = len(ruler.attrs)
        # Most alternatives are anchored on a few values (a word, a tag) that a Doc mostly lacks: index them by
        # column and value, so that a Doc visits only the alternatives whose anchor value it holds. The others
        # (anchored on a REGEX, or on nothing positive) are tried on every Doc.
        self.by_value: list[dict[int, list[tuple[int, tuple]]]] = [{} for _ in ORDER]
        self.scanned: list[tuple[int, tuple]] = []
        for k, (_, _, compiled) in enumerate(self.rules):
            for alternative in compiled:
                anchor = alternative[2]
                if anchor is None or anchor.regex is not None:
                    self.scanned.append((k, alternative))
                    continue
                for value in anchor.values:
                    self.by_value[anchor.column].setdefault(value, []).append((k, alternative))

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        n = len(doc)
        if not n:
            return []
        table = doc.to_array([COLUMNS[a] for a in ORDER])
        columns = [table[:, k].tolist() for k in range(len(ORDER))]
        positions: list[dict[int, list[int]]] = []
        for column in columns:
            where: dict[int, list[int]] = {}
            for i, value in enumerate(column):
                where.setdefault(value, []).append(i)
            positions.append(where)
        strings = self.strings
        spans: dict[int, set[int]] = {}  # per rule, its matches' starts and lengths; the Matcher reports each once
        for column, index in enumerate(self.by_value):
            where = positions[column]
            for value in where:
                for k, alternative in index.get(value, ()):
                    _add(spans.setdefault(k, set()), alternative, where[value], n, columns, strings)
        for k, alternative in self.scanned:
            anchor = alternative[2]  # without one, every position (its offset is 0)
            at = range(n - alternative[0] + 1) if anchor is None else [
                i for h in anchor.hashes(positions[anchor.column], strings) for i in positions[anchor.column][h]]
            _add(spans.setdefault(k, set()), alternative, at, n, columns, strings)
        # The ruler's order, (attr_id, match_id, start, end) ascending, without sorting the tuples: a rule's
        # attr_id is its index k (one match_id each), and within a rule a code's order is (start, end)'s.
        matches = []
        for k in sorted(spans):
            attr_id, match_id, _ = self.rules[k]
            matches += [(attr_id, match_id, code // 1_000_000, code // 1_000_000 + code % 1_000_000)
                        for code in sorted(spans[k])]
        return matches


def _add(spans: set[int], alternative: tuple, at: Any, n: int, columns: list[list[int]], strings: Any) -> None:
    """The matches of one alternative among the candidate positions `at` of its anchor token, each as
    start * 1_000_000 + length, into `spans`."""
    length, anchor_offset, _, others = alternative
    if not others and length == 1:  # one token, its own anchor (offset 0): every candidate position matches
        spans.update([i * 1_000_000 + 1 for i in at])
        return
    starts = [i - anchor_offset for i in at]
    last = n - length
    if not others:
        spans.update(start * 1_000_000 + length for start in starts if 0 <= start <= last)
        return
    for start in starts:
        if 0 <= start <= last and all(c.passes(columns[c.column][start + o], strings) for o, c in others):
            spans.add(start * 1_000_000 + length)


def speed_up_attribute_ruler(nlp: Any, name: str = "attribute_ruler") -> bool:
    """Give `nlp`'s attribute ruler the vectorised matcher; False (and nothing changed) where the pipeline has no
    such ruler or one of its patterns is of a kind VectorMatcher does not replicate."""
    from spacy.pipeline import AttributeRuler

    if name not in nlp.pipe_names or not isinstance(nlp.get_pipe(name), AttributeRuler):
        return False
    ruler = nlp.get_pipe(name)
    try:
        matcher = VectorMatcher(ruler)
    except Unsupported:
        return False
    ruler.match = _Match(ruler, matcher)
    ruler.set_annotations = _SetAnnotations(ruler)
    return True


class _Match:
    """The ruler's `match`: the vectorised matcher, or the stock Matcher once patterns were added after it was built.
    A module-level class, so that the ruler still pickles (`nlp.pipe(n_process=2)` where processes are spawned)."""

    def __init__(self, ruler: Any, matcher: VectorMatcher):
        self.ruler, self.matcher = ruler, matcher

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        if len(self.ruler.attrs) != self.matcher.size:
            return type(self.ruler).match(self.ruler, doc)
        return self.matcher(doc)


class _SetAnnotations:
    """The ruler's `set_annotations` without its per-match Span: spaCy's code builds `Span(doc, start, end)` for
    every match and indexes it twice to reach the one token it writes; here that token is `doc[start + index]`
    (`doc[end + index]` for a negative index) and `set_token_attrs` writes it, the same call with the same
    attributes, match after match in the same order, so every write lands as spaCy's would. A match whose index
    falls outside it goes to spaCy's code from there on, which raises its error (E1001)."""

    def __init__(self, ruler: Any):
        self.ruler = ruler

    def __call__(self, doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
        attrs, indices = self.ruler.attrs, self.ruler.indices
        for k, (attr_id, _, start, end) in enumerate(matches):
            index = indices[attr_id]
            i = (start if index >= 0 else end) + index
            if not start <= i < end:
                type(self.ruler).set_annotations(self.ruler, doc, matches[k:])
                return
            set_token_attrs(doc[i], attrs[attr_id])


__all__ = ["VectorMatcher", "speed_up_attribute_ruler"]
