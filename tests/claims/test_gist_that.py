"""A claim's gist: a content opening with the complementiser "that" ("that Marlow's harbour levy is entirely legal",
as extraction stores the words of "argued that …") is no anaphor, and is not marked down as one; the pronoun "that"
("That is untrue") still is (claims.gist). Fictional sentences, extracted by the real pipeline."""

from __future__ import annotations

from claimgraph.claims.gist import gist, score
from claimgraph.claims.statement import Statement
from claimgraph.records import Article

TEXT = ("Councillor Petra Orrin argued that Marlow's harbour levy is entirely legal. "
        '"The levy is legal under the charter," Mayor Tomas Vell said. '
        '"That is legal under the charter," Harbour master Ines Brack said.')


def _statements(extractor) -> dict[str, Statement]:
    found = extractor.extract(Article(ref="marlow", text=TEXT))
    return {a.content.rstrip(","): Statement(a, "marlow", position=n) for n, a in enumerate(found)}


def test_a_leading_complementiser_that_is_no_anaphor(extractor):
    statements = _statements(extractor)
    argued = statements["that Marlow's harbour levy is entirely legal"]
    quoted = statements["The levy is legal under the charter"]
    assert gist([quoted, argued], {}) == "Marlow's harbour levy is entirely legal"
    assert score(argued, [quoted], "assert") > score(quoted, [argued], "assert")


def test_the_pronoun_that_is_still_an_anaphor(extractor):
    statements = _statements(extractor)
    quoted = statements["The levy is legal under the charter"]
    pronoun = statements["That is legal under the charter"]
    assert score(pronoun, [quoted], "assert") < score(quoted, [pronoun], "assert") - 0.5
