"""Speakers inside one article: from a source mention to an identity with type, role and affiliation.

"White House press secretary Sean Spicer" gives the person Sean Spicer, role "press secretary", affiliation
"White House"; later "Spicer" and "He" resolve to him, "the ministry" to the Russian Defense Ministry named
earlier, "the statement" to the last speaker that is not an outlet, "other officials" to an anonymous source.
Across articles the store merges identities on the normalised full name and type, never on a surname alone.
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Span

from claimgraph.attribution.cues import STATEMENT_NOUNS
from claimgraph.records import Speaker, normalise_name

PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"they", "them"}
SELF_PRONOUNS = {"i", "we", "me", "us"}
ANONYMOUS_HEADS = {"official", "officials", "source", "sources", "aide", "aides", "spokesman", "spokeswoman",
                   "spokesperson", "diplomat", "diplomats", "analyst", "analysts", "expert", "experts", "people",
                   "person", "witness", "witnesses", "resident", "residents", "insider", "insiders", "observer",
                   "observers", "critic", "critics", "supporter", "supporters", "staffer", "staffers", "member",
                   "members", "lawmaker", "lawmakers", "adviser", "advisers", "advisor", "advisors", "someone"}
DETERMINERS = {"the", "a", "an"}
INDEFINITE = {"a", "an", "some", "other", "several", "many", "two", "three", "few", "one", "another"}
# Titles before a name are its role, not part of it: "Councillor Tomas Reyes" is Tomas Reyes, role councillor.
TITLES = {"mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "president",
          "senator", "representative", "governor", "mayor", "councillor", "councilor", "minister", "secretary",
          "judge", "justice", "chairman", "chairwoman", "commissioner", "ambassador", "general", "colonel",
          "sheriff", "chief", "director", "professor", "spokesman", "spokeswoman", "premier", "chancellor"}
# Heads that name a person by office ("the city's mayor"): a person known by role, not an organisation.
ROLE_HEADS = TITLES | {"spokesperson", "officer", "lawyer", "attorney", "prosecutor", "manager", "ceo", "founder",
                       "leader", "head", "analyst", "researcher", "economist", "scientist", "doctor"}


@lru_cache(maxsize=1)
def outlet_names() -> frozenset[str]:
    """The shipped outlet list, plus a user's file named by CLAIMGRAPH_OUTLETS."""
    lines = resources.files("claimgraph.data").joinpath("outlets.txt").read_text(encoding="utf-8").splitlines()
    user = os.environ.get("CLAIMGRAPH_OUTLETS")
    if user and Path(user).is_file():
        lines += Path(user).read_text(encoding="utf-8").splitlines()
    return frozenset(normalise_name(x) for x in lines if x.strip() and not x.startswith("#"))


def is_outlet(name: str) -> bool:
    return normalise_name(name) in outlet_names()


def _strip_det(text: str) -> str:
    words = text.split()
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    text = " ".join(words)
    return text[:-2] if text.endswith(("'s", "’s")) else text


class SpeakerResolver:
    """Resolves source mentions in text order, remembering who has been named in this article."""

    def __init__(self) -> None:
        self.known: list[Speaker] = []  # in order of last mention

    def _remember(self, speaker: Speaker, mention: str) -> Speaker:
        for i, known in enumerate(self.known):
            if known.key == speaker.key:
                aliases = tuple(dict.fromkeys(known.aliases + (mention,)))
                merged = Speaker(known.name, known.type, known.role or speaker.role,
                                 known.affiliation or speaker.affiliation, aliases)
                del self.known[i]
                self.known.append(merged)
                return merged
        speaker = Speaker(speaker.name, speaker.type, speaker.role, speaker.affiliation, (mention,))
        self.known.append(speaker)
        return speaker

    def latest(self, types: set[str], exclude_outlets: bool = False) -> Speaker | None:
        for known in reversed(self.known):
            if known.type in types and not (exclude_outlets and known.type == "news_outlet"):
                return known
        return None

    def resolve(self, mention: Span) -> Speaker | None:
        text = mention.text.strip()
        lower = text.lower()
        if not text:
            return None
        if lower in PERSON_PRONOUNS:
            found = self.latest({"person"})
            return self._remember(found, text) if found else None
        if lower in GROUP_PRONOUNS:
            found = self.latest({"anonymous", "organization", "unknown"})
            return self._remember(found, text) if found else None
        if lower in SELF_PRONOUNS:
            return None  # resolved by the caller from the enclosing quote
        ents = mention.ents  # spaCy scans the whole Doc's entities for each access: once per mention
        person = next((e for e in ents if e.label_ == "PERSON"), None)
        if person is not None:
            return self._person(mention, person, ents)
        root = mention.root
        if root.lower_ in ROLE_HEADS and not any(t.pos_ == "PROPN" for t in mention if t.i != root.i):
            name = _strip_det(text)
            return self._remember(Speaker(name[0].lower() + name[1:], "person", root.lower_), text)
        org = next((e for e in ents if e.label_ in {"ORG", "NORP", "GPE", "FAC"} and len(e) > 1
                    or e.label_ == "ORG"), None)
        if root.pos_ == "PROPN" or org is not None:
            name = _strip_det(org.text if org is not None and len(org) >= len(mention) - 1 else text)
            if len(name.split()) == 1:
                # A surname alone ("Korotchenko") is the person named in full earlier, if there is one.
                for known in reversed(self.known):
                    if known.type == "person" and known.name.split()[-1].lower() == name.lower():
                        return self._remember(known, text)
            kind = "news_outlet" if is_outlet(name) else "organization"
            if org is None and kind != "news_outlet" and root.ent_type_ in {"", "PERSON"}:
                kind = "person" if root.ent_type_ == "PERSON" else "organization"
            return self._remember(Speaker(name, kind), text)
        head = root.lemma_.lower()
        if head in STATEMENT_NOUNS and len(mention) == 2 and mention[0].lower_ == "the":
            # "the statement": the document of the last speaker named (not an outlet relaying it).
            found = self.latest({"organization", "person", "anonymous"}, exclude_outlets=True)
            return self._remember(found, text) if found else None
        first = mention[0].lower_
        if (root.lower_ in ANONYMOUS_HEADS or head in ANONYMOUS_HEADS or root.tag_ == "NNS"
                or first in INDEFINITE) and head not in STATEMENT_NOUNS:
            name = _strip_det(text)
            name = name[0].lower() + name[1:] if name else name
            return self._remember(Speaker(name, "anonymous"), text)
        # A description ("the ministry", "the department") is the organisation named earlier with that head word.
        for known in reversed(self.known):
            if known.type in {"organization", "news_outlet"} and known.name.split()[-1].lower() == root.lower_:
                return self._remember(known, text)
        return self._remember(Speaker(_strip_det(text), "unknown"), text)

    def _organisation(self, description: str) -> str:
        """'the company' is the organisation named earlier with that head word ("Kestrel Ferry Company")."""
        if description[:1].islower():
            for known in reversed(self.known):
                if known.type == "organization" and known.name.split()[-1].lower() == description.split()[-1]:
                    return known.name
        return description

    def _person(self, mention: Span, person: Span, ents: list[Span]) -> Speaker:
        name = person.text[:-2] if person.text.endswith(("'s", "’s")) else person.text
        role = affiliation = None
        words = name.split()
        while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
            role = (role + " " if role else "") + words.pop(0).lower().rstrip(".")
        name = " ".join(words)
        before = [t for t in mention if t.i < person.start and not t.is_punct]
        orgs = [e for e in ents if e.label_ == "ORG" and e.start < person.start]
        if orgs:
            affiliation = _strip_det(orgs[0].text)
        title = [t.text for t in before if t.pos_ in {"NOUN", "PROPN"} and not any(
            o.start <= t.i < o.end for o in orgs) and t.dep_ in {"compound", "nmod", "amod"} | {"appos"}]
        if title:
            role = " ".join(title)
        appos = next((c for c in person.root.children if c.dep_ == "appos"), None)
        if appos is not None and (role is None or role in TITLES):
            role_words = [t.text for t in appos.lefts if t.dep_ == "compound"] + [appos.text]
            role = " ".join(role_words)
            for prep in appos.children:
                if prep.dep_ == "prep" and prep.lower_ in {"at", "of", "for", "with", "from"}:
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj" and pobj.ent_type_ != "GPE":
                            affiliation = self._organisation(_strip_det(" ".join(t.text for t in pobj.subtree)))
        if len(name.split()) == 1:
            for known in reversed(self.known):
                if known.type == "person" and known.name.split()[-1].lower() == name.lower():
                    return self._remember(known, mention.text)
        return self._remember(Speaker(name, "person", role, affiliation), mention.text)
