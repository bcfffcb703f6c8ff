"""Whose document "the statement", "the letter", "the report" is: the one author the article names with it.

"The Pentagon said in a statement … "the statement said"", "Mayor Ivo Marr sent a letter … The letter said",
"a statement from the Velder Ferry Company", "9to5Mac reported … the report said": each earlier mention of a document
with the same head word names its author (the subject of a verb of issuing it or speaking in it, the body after
"from"/"by", the owner before it, the subject of the verb the noun names). Where the article's earlier documents of
that word name exactly one author, and that author has been named as a speaker, "the statement" is theirs (a mention
naming none, "according to a report", counts for no one); else None, and the document stays an anonymous
description of its article, or, for an outlet's report, the outlet that spoke last (descriptions.py). The last
speaker is no evidence (FNC-1 design: "the report" went to "one close acquaintance", "the statement" to "about 300
kilometers").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimgraph.attribution.cues import STATEMENT_NOUNS
from claimgraph.attribution.speakers.memory import ArticleMemory
from claimgraph.attribution.speakers.mentions import strip_det
from claimgraph.attribution.speakers.names import is_outlet
from claimgraph.records import Speaker

# Verbs whose subject is the author of the document they take as object ("Marr sent a letter", "the company issued
# a statement"); not "read" (a hostage reads a statement others wrote) nor "obtain" or "see".
ISSUING_VERBS = {"send", "write", "issue", "release", "file", "give", "post", "publish", "put", "sign", "email",
                 "tweet", "pen", "submit", "deliver", "make"}
# Prepositions that name a document's author after it ("a statement from the ministry", "a letter by Marr").
AUTHOR_PREPOSITIONS = {"from", "by"}
# Those who issue a body's documents for it: "a spokesman for the Velder Ferry Company gave a statement" is the
# company's statement, the body after "for"/"of" (FNC-1 design: "a rep for Comcast gave a statement" went to no one).
AGENTS = {"spokesman", "spokeswoman", "spokesperson", "representative", "rep", "spokespeople"}
# Words by which a document only looks like another's: "a fake site designed to look like a Harbor Wire report" is
# no report of the Harbor Wire (FNC-1 check: a hoax site "designed to look like an MSNBC report" gave MSNBC its
# report twice).
LOOK_ALIKE = {"like", "imitate", "mimic", "resemble", "mock", "spoof", "impersonate", "copy", "ape"}


def document_author(memory: ArticleMemory, mention: Span, head: str) -> Speaker | None:
    """The one speaker named as author of the documents called `head` before `mention`, else of the documents
    someone spoke in or issued, where none is called so ("In an announcement, the ministry claimed … according to
    the statement"; not "Apple's announcement … The report speculates"); None where none is named, one names an
    author not known as one speaker, or they name more than one."""
    # Not "the National Report", nor "intelligence reports": documents of one author.
    before = [t for t in mention.doc[:mention.start] if t.pos_ in {"NOUN", "VERB"} and t.tag_ != "NNS"]
    same = [t for t in before if t.lemma_.lower() == head]
    if same:
        named = [_subject(t) if t.pos_ == "VERB" else _owner(t) or _issuer(t) for t in same]  # "9to5Mac reported"
    else:
        named = [_issuer(t) for t in before if t.pos_ == "NOUN" and t.lemma_.lower() in STATEMENT_NOUNS]
    authors: dict[str, Speaker] = {}
    for author in named:
        if author is None:
            continue  # "according to a report", "the statement said" again: no author named here
        speaker = _known(memory, author)
        if speaker is None or any(c.dep_ == "conj" for c in author.children):
            return None  # "he said in a statement", "The Harbor Times and the Wire reported": not one speaker
        authors[speaker.key] = speaker
    return next(iter(authors.values())) if len(authors) == 1 else None


def _owner(noun: Token) -> Token | None:
    """The author named on a document's noun: its owner, the body after "from"/"by" or after "released by", the
    outlet it ran in ("a report in the Harbor Times"); none for a document that only looks like another's."""
    if _look_alike(noun):
        return None
    for child in noun.children:
        if child.dep_ == "poss" or child.dep_ == "compound" and child.pos_ == "PROPN":
            return child  # "the pope's statement", "a NASA statement"
        if child.dep_ == "prep" and child.lower_ in AUTHOR_PREPOSITIONS:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
        if child.dep_ == "prep" and child.lower_ == "in":
            # "a report in the Harbor Times": the outlet that ran it, not a place or a month ("a report in May")
            place = next((c for c in child.children if c.dep_ == "pobj"), None)
            if place is not None and place.pos_ == "PROPN" and is_outlet(_entity_text(place)):
                return place
        if child.dep_ == "acl" and child.lemma_.lower() in ISSUING_VERBS:
            # "a statement released by the Velder Ferry Company"
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    return None


def _issuer(noun: Token) -> Token | None:
    """The subject of the verb that issues a document or speaks in it ("Marr sent a letter", "The Pentagon said in
    a statement", "In a statement, Marr said")."""
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() in ISSUING_VERBS:
        return _subject(verb)
    if noun.dep_ == "pobj" and verb.lower_ == "in" and verb.head.pos_ == "VERB":
        return _subject(verb.head)
    return None


def _subject(verb: Token) -> Token | None:
    """The verb's subject; for an agent who speaks for a body ("a spokesman for the Velder Ferry Company gave a
    statement"), the body."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in AGENTS:
        for prep in (c for c in subject.children if c.dep_ == "prep" and c.lower_ in {"for", "of"}):
            body = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if body is not None and body.pos_ == "PROPN":
                return body
    return subject


def _look_alike(noun: Token) -> bool:
    """A document named only as what something looks like or imitates ("designed to look like a Harbor Wire
    report", "mimicking a Harbor Wire report"): the noun's head, or the head of its preposition, is such a word."""
    head = noun.head
    if noun.dep_ == "pobj":
        if head.lower_ == "like":
            return True
        head = head.head
    return noun.dep_ in {"dobj", "pobj"} and head.lemma_.lower() in LOOK_ALIKE


def _entity_text(token: Token) -> str:
    """The words of the entity `token` stands in, else its own."""
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return strip_det(ent.text) if ent is not None else token.text


def _known(memory: ArticleMemory, author: Token) -> Speaker | None:
    """The speaker named earlier whom the author's head word names ("Pentagon", "Marr", "the family"), else the
    person or body the recogniser names there ("released by the Velder Ferry Company"); None for a pronoun or a
    description of no one known."""
    if author.pos_ not in {"PROPN", "NOUN"}:
        return None
    known = memory.by_last_word(author.text, {"person", "organization", "news_outlet", "anonymous"})
    ent = next((e for e in memory.ents if e.start <= author.i < e.end and e.label_ in {"PERSON", "ORG"}), None)
    if known is not None or ent is None:
        return known
    name = strip_det(ent.text)
    kind = "person" if ent.label_ == "PERSON" else "news_outlet" if is_outlet(name) else "organization"
    return Speaker(name, kind)
