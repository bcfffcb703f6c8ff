"""The English rule lemmatizer, same lemmas, a fraction of its first-pass time.

spaCy's rule lemmatizer (mode "rule") looks each candidate form up in `lemma_index`, whose tables are Python lists
(57,528 verbs' forms, 20,993 nouns', …): `form in index` scans the list, and on a process's first texts, before
its cache fills, that scan is most of the lemmatizer's time (on the 150 FNC-1 bodies of the speed benchmark,
about as long as the parser). Its cache also skips every token that returns early (a singular noun, an
infinitive, a positive adjective: most tokens), which are worked out again each time.

`speed_up_lemmatizer` makes a pipeline's stock `EnglishLemmatizer` an instance of `FastEnglishLemmatizer`, which
(a) keeps the lemma of every (ORTH, POS, MORPH) it has worked out, early returns included, (b) works a new one out
with spaCy's own steps in spaCy's own order, the index looked up in a set, and (c) reads and writes the Doc's
columns in one `to_array`/`from_array` each. The lemma is a function of the token's text, POS and morphology
alone (spaCy's cache is keyed on the same three), so every lemma comes out as the stock component's
(tests/core/test_fast_lemmatizer.py compares them token by token on real parses).
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.tokens import Doc, Token


class FastEnglishLemmatizer(EnglishLemmatizer):
    """EnglishLemmatizer whose rule mode reads whole columns and looks the index up in sets (module docstring).
    A module-level class, so that a pipeline holding it still pickles (spawned `nlp.pipe` workers)."""

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        error_handler = self.get_error_handler()
        try:
            n = len(doc)
            if not n:
                return doc
            columns = doc.to_array([ORTH, POS, MORPH, LEMMA])
            lemmas = columns[:, 3].copy()
            todo = range(n) if self.overwrite else (lemmas == 0).nonzero()[0].tolist()
            known = self._known()
            orths, poses, morphs = columns[:, 0].tolist(), columns[:, 1].tolist(), columns[:, 2].tolist()
            for i in todo:
                key = (orths[i], poses[i], morphs[i])
                lemma = known.get(key)
                if lemma is None:
                    lemma = known[key] = self.vocab.strings.add(self._rule_lemma(doc[i]))
                lemmas[i] = lemma
            if todo:
                doc.from_array([LEMMA], lemmas)
            return doc
        except Exception as e:  # as the stock __call__: the pipeline's error handler decides
            error_handler(self.name, self, [doc], e)

    def _known(self) -> dict[tuple[int, int, int], int]:
        """(ORTH, POS, MORPH) -> lemma hash, for this lemmatizer's tables (emptied when they are replaced)."""
        tables = id(self.lookups)
        if getattr(self, "_known_for", None) != tables:
            self._known_lemmas: dict[tuple[int, int, int], int] = {}
            self._index_sets: dict[str, frozenset[str]] = {}
            self._known_for = tables
        return self._known_lemmas

    def _index(self, univ_pos: str) -> frozenset[str]:
        found = self._index_sets.get(univ_pos)
        if found is None:
            found = self._index_sets[univ_pos] = frozenset(
                self.lookups.get_table("lemma_index", {}).get(univ_pos, {}))
        return found

    def _rule_lemma(self, token: Token) -> str:
        """spaCy 3.8's `Lemmatizer.rule_lemmatize(token)[0]`, step by step, with the index as a set (membership is
        all it is asked)."""
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space"):
            return self.rule_lemmatize(token)[0]  # the stock path (it warns on a missing POS)
        if self.is_base_form(token):
            return string.lower()
        index_table = self.lookups.get_table("lemma_index", {})
        exc_table = self.lookups.get_table("lemma_exc", {})
        rules_table = self.lookups.get_table("lemma_rules", {})
        if not any((index_table.get(univ_pos), exc_table.get(univ_pos), rules_table.get(univ_pos))):
            return string if univ_pos == "propn" else string.lower()
        index = self._index(univ_pos)
        exceptions = exc_table.get(univ_pos, {})
        rules = rules_table.get(univ_pos, {})
        orig = string
        string = string.lower()
        forms: list[str] = []
        oov_forms: list[str] = []
        for old, new in rules:
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    pass
                elif form in index or not form.isalpha():
                    if form in index:
                        forms.insert(0, form)
                    else:
                        forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(string, []):
            if form not in forms:
                forms.insert(0, form)
        if not forms:
            forms.extend(oov_forms)
        if not forms:
            forms.append(orig)
        return forms[0]


def speed_up_lemmatizer(nlp: Any, name: str = "lemmatizer") -> bool:
    """Make `nlp`'s stock English rule lemmatizer a FastEnglishLemmatizer (the same object, tables and settings);
    False, and nothing changed, where the pipeline has no such component."""
    if name not in nlp.pipe_names:
        return False
    component = nlp.get_pipe(name)
    if type(component) is not EnglishLemmatizer or component.mode != "rule":
        return False
    component.__class__ = FastEnglishLemmatizer
    return True


__all__ = ["FastEnglishLemmatizer", "speed_up_lemmatizer"]
