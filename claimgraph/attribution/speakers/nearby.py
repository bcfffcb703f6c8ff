"""What the text just before a mention offers the resolver, read from the parse alone.

The group of people just described ("local residents", "some of the state's energy experts"), which "they",
"some", "others" and "one in five" stand for (`people_before`); whether a body that spoke earlier is named again
just before an "it" ("Microsoft’s goal … , it said": `named_nearby`); and the names a "he"/"she" does not point at
although they come last: one inside a clause that describes someone else (`describes`), one in a phrase on a noun
or inside a relative clause (`subordinate`), one in a phrase set before the pronoun on its own verb
(`fronted_phrase`). The resolver keeps the memory of who spoke (memory.py); these do not.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from claimgraph.attribution.speaker_types import org_noun, person_noun
from claimgraph.attribution.speakers.mentions import MEDIA_LABELS, description_name
from claimgraph.attribution.speakers.names import GENDERED_NOUNS, short_name
from claimgraph.records import Speaker

ANONYMOUS_HEADS = {"official", "officials", "source", "sources", "aide", "aides", "spokesman", "spokeswoman",
                   "spokesperson", "diplomat", "diplomats", "analyst", "analysts", "expert", "experts", "people",
                   "person", "witness", "witnesses", "resident", "residents", "insider", "insiders", "observer",
                   "observers", "critic", "critics", "supporter", "supporters", "staffer", "staffers", "member",
                   "members", "lawmaker", "lawmakers", "adviser", "advisers", "advisor", "advisors", "someone"}
# Plural heads that describe people who may speak ("experts", "residents"): what "they" may point back to.
PEOPLE = ANONYMOUS_HEADS | {"expert", "official", "resident", "analyst", "critic", "worker", "voter", "scientist",
                            "researcher", "economist", "lawmaker", "teacher", "doctor", "parent", "student",
                            "investor", "leader", "activist", "protester", "campaigner", "academic", "farmer"}


def describes(token: Token, at: int) -> bool:
    """`token` lies in a relative clause or apposition on the noun phrase that starts at character `at`."""
    return any(a.dep_ in {"relcl", "appos", "acl"} and a.head.left_edge.idx <= at <= a.head.idx
               for a in [token, *token.ancestors])


def subordinate(ent: Span, mention: Span) -> bool:
    """A name in a phrase on a noun ("her interview with Winfrey") or inside a relative clause ("rebukes that
    outweighed even Diana's interview") that does not hold the mention: not whom the next "he"/"she" is about."""
    root = ent.root
    if root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.pos_ in {"NOUN", "PROPN"}:
        return True
    return any(a.dep_ == "relcl" and not a.left_edge.i <= mention.start <= a.right_edge.i
               for a in [root, *root.ancestors])


# On the way from a name up to the verb, these make the name a subject (or a possessor, "After Vell's speech, he
# said") that a following "he"/"she" may well point back to.
SUBJECT_LIKE = {"nsubj", "nsubjpass", "poss", "csubj"}
# Phrases that name the topic the pronoun then picks up ("As for Trump, he said …" is Trump speaking): a name in
# them may well be the pronoun's.
TOPIC_OPENERS = (("as", "for"), ("as", "to"), ("regarding",), ("concerning",), ("about",))


def fronted_phrase(ent: Span, mention: Span) -> bool:
    """A name inside a phrase set before the pronoun on the pronoun's own verb, where the name is nobody's subject
    ("Quoting a film led by Bram Kessel, he said …", "In an interview with Ilse Marr, he said …"): the phrase tells
    what the pronoun's person did or where, so the name is someone else (not "After Marr spoke, she said …", where
    the name is a subject, nor "After Marr's speech, she said …", nor a topic: "As for Marr, she said …")."""
    subject = mention.root
    if subject.dep_ not in {"nsubj", "nsubjpass"} or ent.end > mention.start:
        return False
    verb = subject.head
    token = ent.root
    while token.head.i != verb.i:
        if token.dep_ in SUBJECT_LIKE or token.head.i == token.i:
            return False
        token = token.head
    # `token` is the verb's dependent that holds the name: it must lie wholly before the pronoun, in its sentence,
    # and not name a topic.
    words = tuple(t.lower_ for t in mention.doc[token.left_edge.i:token.left_edge.i + 2])
    if any(words[:len(opener)] == opener for opener in TOPIC_OPENERS):
        return False
    return token.dep_ not in SUBJECT_LIKE and token.i != verb.i and token.right_edge.i < subject.i and \
        token.left_edge.i >= subject.sent.start


def from_sentence_before(mention: Span) -> int:
    """Where the sentence before the mention's starts (a token index; the mention's own where it is the first):
    how far back "they", "it" and "the actress" look for whom they stand for."""
    sent = mention.sent
    return mention.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start


# Person nouns of one gender beyond names.py's titles ("the nun … She says"): who a "he"/"she" cannot be.
GENDERED_PEOPLE = {"man": "m", "woman": "f", "boy": "m", "girl": "f", "nun": "f", "monk": "m", "priest": "m",
                   "girlfriend": "f", "boyfriend": "m", "sister": "f", "brother": "m", "widow": "f", "widower": "m",
                   "grandmother": "f", "grandfather": "m", "mum": "f", "mom": "f", "dad": "m", "lady": "f",
                   "gentleman": "m", "guy": "m", "abbess": "f", "waitress": "f", "waiter": "m", "schoolgirl": "f",
                   "schoolboy": "m", "uncle": "m", "aunt": "f", "niece": "f", "nephew": "m"}


def person_described_before(mention: Span, gender: str | None, ranges: list[tuple[int, int]],
                            read: set[int]) -> Token | None:
    """The head of the last description of one person ("The nun", "A Utah man", "the student who wrote …") that is
    a subject in the mention's sentence before it or in the sentence before, for a "he"/"she" where no person is
    named: a singular person noun whose gender, where the noun has one, fits. The same pronoun as a subject between
    them stands for the same one ("A man was rushed … after he drank …, he said"): the pronoun, where the resolver
    has read it (its index in `read`), else the subject before it. None where a name stands there (the pronoun may
    be that person, whom the resolver did not take) or the nearest subject is no such description ("The council
    met. She said …"); subjects inside the quotes and contents of `ranges` are not counted."""
    doc = mention.doc
    start = from_sentence_before(mention)
    if any(t.ent_type_ == "PERSON" for t in doc[start:mention.start]):
        return None
    pronoun = mention.text.strip().lower()
    for head in reversed([t for t in doc[start:mention.start] if t.dep_ in {"nsubj", "nsubjpass"}
                          and t.tag_ not in {"WP", "WDT"}
                          and not any(a <= t.idx < b and not a <= mention.start_char < b for a, b in ranges)]):
        if head.lower_ == pronoun:
            if head.i in read:
                return head
            continue
        noun_gender = GENDERED_PEOPLE.get(head.lower_) or GENDERED_NOUNS.get(head.lower_) or (
            "f" if head.lower_.endswith("woman") else "m" if head.lower_.endswith("man") else None)  # "fisherman"
        if head.pos_ != "NOUN" or head.tag_ != "NN" or not (person_noun(head) or noun_gender) or (
                gender is not None and noun_gender is not None and noun_gender != gender):
            return None
        return head
    return None


def body_described_before(mention: Span, ranges: list[tuple[int, int]], read: set[int],
                          statement_nouns: frozenset[str] | set[str]) -> Span | None:
    """What an "it" with no body that spoke just before stands for: the subject nearest before it, in its sentence
    or the one before, where that is one body ("Harbor News Service was among the first … . It said …": a
    singular name the recogniser calls an organisation, a body's noun, "the government") or a statement ("The
    article recounted … . It cited …"), with no other body named after it; another "it" there, where the resolver
    has read it (index in `read`), for the same one. None where the nearest subject is anything else (a person, a
    thing, a plural): a wrong body is worse than none. Subjects inside the quotes and contents of `ranges` are not
    counted."""
    doc = mention.doc
    start = from_sentence_before(mention)
    subjects = [t for t in doc[start:mention.start] if t.dep_ in {"nsubj", "nsubjpass"} and t.tag_ not in {
        "WP", "WDT"} and not any(a <= t.idx < b and not a <= mention.start_char < b for a, b in ranges)]
    if not subjects:
        return None
    head = subjects[-1]
    if head.lower_ == "it":
        return doc[head.i:head.i + 1] if head.i in read else None
    if head.tag_ not in {"NN", "NNP"} or any(t.ent_type_ == "ORG" or t.tag_ == "NN" and org_noun(t)
                                             for t in doc[head.i + 1:mention.start]):
        return None  # "The IS group has yet to comment, but Al-Nusra … issued a statement. It described …": not one
    if any(t.lower_ in MEDIA_LABELS for t in doc[start:mention.start]):
        return None  # "The Harbor Wire has released new audio, and it confirms …": the clip, more likely
    if head.ent_type_ == "ORG":
        first = head.i
        while first > start and doc[first - 1].ent_type_ == "ORG" and doc[first].ent_iob_ != "B":
            first -= 1
        return doc[first:head.i + 1]
    if org_noun(head) or head.lower_ in statement_nouns:
        return doc[head.left_edge.i:head.i + 1]
    return None


def people_before(mention: Span) -> Speaker | None:
    """The last group of people described in the mention's sentence or the one before ("some of the state's
    energy experts", "local residents"), as an anonymous source of this article; None where there is none."""
    start = from_sentence_before(mention)
    heads = [t for t in mention.doc[start:mention.start] if t.tag_ == "NNS" and t.lemma_.lower() in PEOPLE]
    if not heads:
        return None
    words = [heads[-1]]  # with the words right before it that describe it ("energy experts")
    while words[0].i > start and mention.doc[words[0].i - 1].head.i == words[-1].i and mention.doc[
            words[0].i - 1].dep_ in {"compound", "amod"}:
        words.insert(0, mention.doc[words[0].i - 1])
    name = description_name(words)
    return Speaker(name, "anonymous") if name else None


def named_nearby(known: Speaker, mention: Span) -> bool:
    """`known` is named in the mention's sentence or the one before ("Microsoft Corp said … Microsoft’s goal
    … , it said"), by its name less a company suffix."""
    start = from_sentence_before(mention)
    text = mention.doc[start:mention.start].text
    names = {short_name(n) for n in (known.name, *known.aliases)}
    return any(n and re.search(rf"\b{re.escape(n)}\b", text) for n in names)
