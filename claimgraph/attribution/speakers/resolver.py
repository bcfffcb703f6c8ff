"""Speakers inside one article: from a source mention to an identity with type, role and affiliation.

"White House press secretary Sean Spicer" gives the person Sean Spicer, role "press secretary", affiliation
"White House"; later "Spicer" and "He" resolve to him, "the ministry" to the Russian Defense Ministry named
earlier, "the statement" to the last speaker that is not an outlet, "other officials" to an anonymous source.
Across articles the store merges identities on the normalised full name and type, never on a surname alone.
"""

from __future__ import annotations

import itertools
import os
import re
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from claimgraph.attribution.cues import STATEMENT_NOUNS, lexicon
from claimgraph.attribution.found import Found, doc_text, mention_span, relative_antecedent, subtree_span, trim
from claimgraph.attribution.quotes import find_quotes
# TITLES: titles before a name are its role, not part of it ("Councillor Tomas Reyes" is Tomas Reyes, role councillor).
from claimgraph.attribution.speaker_types import (HONORIFICS, ORG_NOUNS, PERSON_NOUNS, TITLES, TypeEvidence, first_name_gender, first_names,
                                                  looks_like_full_name, person_noun)
from claimgraph.records import Article, Attribution, Speaker, normalise_name

PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"they", "them"}
SELF_PRONOUNS = {"i", "we", "me", "us"}
ANONYMOUS_HEADS = {"official", "officials", "source", "sources", "aide", "aides", "spokesman", "spokeswoman",
                   "spokesperson", "diplomat", "diplomats", "analyst", "analysts", "expert", "experts", "people",
                   "person", "witness", "witnesses", "resident", "residents", "insider", "insiders", "observer",
                   "observers", "critic", "critics", "supporter", "supporters", "staffer", "staffers", "member",
                   "members", "lawmaker", "lawmakers", "adviser", "advisers", "advisor", "advisors", "someone"}
# Plural heads that describe people who may speak ("experts", "residents"): what "they" may point back to.
PEOPLE = ANONYMOUS_HEADS | {"expert", "official", "resident", "analyst", "critic", "worker", "voter", "scientist",
                            "researcher", "economist", "lawmaker", "teacher", "doctor", "parent", "student",
                            "investor", "leader", "activist", "protester", "campaigner", "academic", "farmer"}
# Quantifiers standing for part of a group named just before ("some", "others"), with the word that says so.
QUANTIFIERS = {"some": "some", "others": "other", "many": "many", "most": "most", "several": "several"}
# Shares of a group ("one in five", "21 per cent", "a third"): part of the people described just before.
SHARES = {"half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "cent", "percent"}
DETERMINERS = {"the", "a", "an"}
INDEFINITE = {"a", "an", "some", "other", "several", "many", "two", "three", "few", "one", "another"}
# Heads that name a person by office ("the city's mayor"): a person known by role, not an organisation.
ROLE_HEADS = TITLES | {"spokesperson", "officer", "lawyer", "attorney", "prosecutor", "manager", "ceo", "founder",
                       "leader", "head", "analyst", "researcher", "economist", "scientist", "doctor", "mp", "mep",
                       "lawmaker", "executive"}
# One role under three words: "the spokesperson" is the spokesman named earlier.
SAME_ROLE = {"spokesman": "spokes", "spokeswoman": "spokes", "spokesperson": "spokes"}


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


def _description_name(tokens: list[Token]) -> str:
    """'The doctor' → 'doctor', 'Tory MPs' stays: a description's name without its determiner, lower-cased
    unless it starts with a proper noun."""
    words = list(tokens)
    while words and (words[0].lower_ in DETERMINERS or words[0].tag_ == "PRP$" or words[0].is_punct):
        words = words[1:]
    while words and words[-1].is_punct:
        words = words[:-1]
    text = _strip_det(_text(words))
    if words and words[0].pos_ != "PROPN" and words[0].ent_type_ not in NAMED_ENTITIES:
        text = text[:1].lower() + text[1:]
    return text


def _strip_det(text: str) -> str:
    words = text.split()
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    text = " ".join(words)
    return text[:-2] if text.endswith(("'s", "’s")) else text


# Mention parts that are not the speaker's name: relative and participial clauses, appositions ("Mara Vell, the
# mayor of Port Ellis" is Mara Vell; the apposition gives her role), clauses joined on.
CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "parataxis", "conj", "cc", "appos"}
NAMED_DEPS = CLAUSE_DEPS - {"appos"}  # where a name may still stand: "A spokesman, Eric Pahon, said"
MAX_ALIAS_WORDS = 8
PLACES = {"GPE", "LOC", "FAC", "NORP"}
NAMED_ENTITIES = PLACES | {"PERSON", "ORG"}
IT_WINDOW = 600
# Relative pronouns, demonstratives, quantifiers and the second person name nobody; "it" is resolved below.
NEVER_IDENTITIES = {"you", "who", "whom", "which", "that", "this", "these", "those", "what", "whoever", "one",
                    "ones", "some", "others", "other", "many", "few", "several", "all", "both", "each", "any",
                    "anyone", "anybody", "everyone", "everybody", "someone", "somebody", "none", "nobody", "no one",
                    "there", "here", "it", "its", "my", "your", "our", "their", "his", "her", "they", "them",
                    "itself", "themselves", "most", "more", "such", "another"}


def _is_pronoun(mention: str) -> bool:
    lower = mention.lower()
    return lower in PERSON_PRONOUNS or lower in GROUP_PRONOUNS or lower in SELF_PRONOUNS or lower in NEVER_IDENTITIES


def core_tokens(mention: Span, drop: set[str] = CLAUSE_DEPS) -> list[Token]:
    """The mention's words that name the speaker: from the head outwards, stopping at a clause, an apposition or a
    dash, so that an alias is never a clause ("The Harbor Council - which considers … - said": the Council)."""
    root = mention.root
    name = _entity_of(root)  # "The National Oceanic and Atmospheric Administration": one name, "and" and all

    def kept(token: Token) -> bool:
        if name is not None and name[0] <= token.i < name[1]:
            return True
        while token.i != root.i and mention.start <= token.i < mention.end:
            if token.dep_ in drop or token.text in {"—", "–", "(", ")", "“", "”", '"'} or _spaced_hyphen(token):
                return False
            if token.ent_type_ in {"DATE", "TIME"} and token.dep_ == "npadvmod" and token.head.i == root.i < token.i \
                    or token.dep_ == "prep" and any(c.ent_type_ in {"DATE", "TIME"} for c in token.children):
                return False  # "Microsoft in 2017 announced …", "a poll today": when, not who
            if token.head.i == token.i:
                return False  # another sentence's root inside the mention: its words are not the speaker's name
            token = token.head
        return True

    start = end = root.i - mention.start
    while start > 0 and kept(mention[start - 1]):
        start -= 1
    while end + 1 < len(mention) and kept(mention[end + 1]):
        end += 1
    tokens = [t for t in mention[start:end + 1]]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    if len([t for t in tokens if not t.is_punct]) > MAX_ALIAS_WORDS:
        tokens = [t for t in tokens if t.i <= root.i][-MAX_ALIAS_WORDS:]
    return tokens


def _entity_of(token: Token) -> tuple[int, int] | None:
    """The token range of the organisation or person name that `token` is part of, if any."""
    if token.ent_type_ not in {"ORG", "PERSON"}:
        return None
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and token.ent_iob_ != "B" and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def _spaced_hyphen(token: Token) -> bool:
    """' - ' between words is a dash; the hyphen of "Waller-Bridge" is part of the name."""
    return token.text == "-" and (bool(token.whitespace_) or token.i == 0 or bool(token.doc[token.i - 1].whitespace_))


QUANTITY_NOUNS = {"string", "number", "handful", "couple", "series", "host", "majority", "minority", "dozen",
                  "dozens", "hundreds", "thousands", "scores", "lot", "lots", "raft", "slew", "chorus", "band"}
WH_WORDS = {"how", "what", "why", "whether", "where", "when", "whatever", "however"}
# Local broadcasters named by network or call sign and channel ("ABC13", "NBC 4", "KTLA 5"): outlets.
CALL_SIGN = re.compile(r"^(?:ABC|NBC|CBS|FOX|Fox|CW|PBS|[KW][A-Z]{2,3})\s?\d{1,2}$")
# A newspaper's or broadcaster's name by its last word ("South Florida Sun Sentinel", "Euro News").
OUTLET_WORDS = {"times", "post", "journal", "herald", "tribune", "chronicle", "gazette", "sentinel", "news",
                "examiner", "inquirer", "courier", "dispatch", "bulletin", "telegraph", "observer", "mirror"}
OUTLET_DESCRIPTORS = {"news", "agency", "newspaper", "website", "network", "broadcaster", "channel", "magazine",
                      "wire", "service", "paper", "daily", "tabloid", "station"}


# Counts that never name anyone on their own ("the host", "the couple", "the band" do: PolNeAR train).
BARE_COUNTS = {"number", "handful", "majority", "minority", "dozen", "dozens", "hundreds", "thousands", "scores",
               "lot", "lots", "raft", "slew", "string", "series"}


def _bare_count(mention: Span, root: Token) -> bool:
    """'A growing number are touting …', 'a handful said …': a quantity noun with no 'of' and no name of its own
    (issue 9, realweb round 3: "growing number" was a speaker)."""
    return root.lower_ in BARE_COUNTS and not any(c.dep_ in {"prep", "appos", "compound"} or c.pos_ == "PROPN"
                                                     for c in root.children)


def _outlet_name(alias: str) -> str | None:
    """The outlet a mention names: on the outlet list as written, or less a descriptor after it ("the Associated
    Press news agency"), or a broadcaster's call sign and channel ("ABC13"); None where it names none."""
    name = _strip_det(alias)
    if is_outlet(name):
        return name
    words = name.split()
    while len(words) > 1 and words[-1].lower() in OUTLET_DESCRIPTORS:
        words = words[:-1]
        if is_outlet(" ".join(words)):
            return " ".join(words)
    return name if CALL_SIGN.match(name) else None


def _attached(ent: Span, root: Token) -> bool:
    """The entity hangs off the mention's head through a preposition or a possessive ("a spokesperson for
    OpenAI", "Vell's lawyer"): it names someone else than the speaker."""
    token = ent.root
    while token.i != root.i and token.head.i != token.i:
        if token.dep_ in {"pobj", "prep", "pcomp"} or token.dep_ == "poss" and person_noun(token.head):
            return True  # "Vell's lawyer" is not Vell; "Trump's tweet" stands for Trump
        token = token.head
    return False


GENDERED = {"mr": "m", "ms": "f", "mrs": "f", "miss": "f"}
GENDERED_NOUNS = {"actress": "f", "spokeswoman": "f", "chairwoman": "f", "businesswoman": "f", "congresswoman": "f",
                  "councilwoman": "f", "mother": "f", "wife": "f", "daughter": "f", "actor": "m", "spokesman": "m",
                  "chairman": "m", "businessman": "m", "congressman": "m", "councilman": "m", "father": "m",
                  "husband": "m", "son": "m"}
YEAR_OLD = re.compile(r"^[Tt]he \d{1,3}-year-old$")
# Nouns by which copy names again a person it has just named ("the actress", "the billionaire"); not the words
# that bring in someone new ("the man", "a customer", "the victim").
KNOWN_AS = {"actress", "actor", "singer", "star", "billionaire", "millionaire", "businessman", "businesswoman",
            "politician", "entrepreneur", "author", "novelist", "comedian", "musician", "artist", "presenter",
            "player", "striker", "goalkeeper", "chef", "veteran", "campaigner", "activist", "founder", "rapper",
            "musician", "director", "filmmaker", "broadcaster", "tycoon", "magnate", "philanthropist"}


def _named_inside(name: str) -> tuple[str, str] | None:
    """(role, person) where a name read as one organisation is a role and a person's full name ("Harbor Lights
    supporter Ilse Marr"); None otherwise."""
    words = name.split()
    for i in range(len(words) - 2, 0, -1):
        if words[i].islower() and words[i] in PERSON_NOUNS and looks_like_full_name(" ".join(words[i + 1:])):
            return " ".join(words[:i + 1]), " ".join(words[i + 1:])
    return None


def _gender_fits(name: str, gender: str | None) -> bool:
    """A pronoun's gender ('m', 'f', or None) fits a name unless the lexicon knows its first name as the other's."""
    known = first_name_gender(name) if gender and len(name.split()) > 1 else None  # "Price" is no first name
    return known is None or known == gender


def _identity_fits(name: str, gender: str | None) -> bool:
    """As `_gender_fits`, for the name of an identity: one the article names by one word only ("Meghan", "Harry";
    a surname read alone has taken the full name already) is a first name, and its gender counts."""
    if len(name.split()) == 1 and gender:
        known = first_name_gender(name)
        return known is None or known == gender
    return _gender_fits(name, gender)


def _text(tokens: list[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def _no_identity(tokens: list[Token]) -> bool:
    """A mention of function words only ("that", "some", "others", "’s"): it names nobody."""
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    return not any(any(ch.isalpha() for ch in t.text) for t in words) or _text(words).lower() in NEVER_IDENTITIES or all(
        t.lower_ in NEVER_IDENTITIES or t.lower_ in DETERMINERS or t.pos_ in {"PRON", "DET"} or
        (t.is_stop and t.pos_ not in {"NOUN", "PROPN"}) for t in words)


CAPTION_WORDS = {"image", "caption", "photo", "picture", "video", "media", "credit", "getty", "images", "playback"}


def _without_caption(mention: Span) -> Span | None:
    """'Image caption Mara Vell said …': the caption words a page puts before a caption are not the speaker."""
    skip = 0
    while skip < len(mention) and (mention[skip].lower_ in CAPTION_WORDS or mention[skip].is_punct):
        skip += 1
    if skip == 0 or not any(t.lower_ in {"caption", "credit"} or t.text == ":" for t in mention[:skip]):
        return mention  # "Video obtained from the salon shows …" is no caption
    return mention[skip:] if skip < len(mention) else None


def _page_furniture(mention: Span) -> bool:
    """A dateline ("PORT ELLIS (AP) —") or a byline ("By Owen Talbot") read as a mention: not a source."""
    text = doc_text(mention.doc)
    before = text[text.rfind("\n", 0, mention.start_char) + 1:mention.start_char].strip()
    if before.lower() == "by":
        return True
    words = [t for t in mention if t.is_alpha]
    after = mention.doc[mention.end:mention.end + 1]
    shouting = bool(words) and all(t.text.isupper() and len(t.text) > 1 for t in words)
    return shouting and not before and (any(t.text == "(" for t in mention) or (len(after) and after[0].text in {
        "(", "—", "–", "-"}))


def _describes(token: Token, at: int) -> bool:
    """`token` lies in a relative clause or apposition on the noun phrase that starts at character `at`."""
    return any(a.dep_ in {"relcl", "appos", "acl"} and a.head.left_edge.idx <= at <= a.head.idx
               for a in [token, *token.ancestors])


def _subordinate(ent: Span, mention: Span) -> bool:
    """A name in a phrase on a noun ("her interview with Winfrey") or inside a relative clause ("rebukes that
    outweighed even Diana's interview") that does not hold the mention: not whom the next "he"/"she" is about."""
    root = ent.root
    if root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.pos_ in {"NOUN", "PROPN"}:
        return True
    return any(a.dep_ == "relcl" and not a.left_edge.i <= mention.start <= a.right_edge.i
               for a in [root, *root.ancestors])


class SpeakerResolver:
    """Resolves source mentions in text order, remembering who has been named in this article."""

    def __init__(self, doc: Doc | None = None) -> None:
        self.known: list[Speaker] = []  # in order of last mention
        self.doc = doc  # where "he" and "she" may also be someone named who has not spoken yet
        self.at: dict[str, int] = {}  # speaker key -> offset of its latest mention
        self.renamed: dict[str, str] = {}  # key -> the key of the name it took later ("Microsoft Corp" → Microsoft)
        self.ents: list[Span] = list(doc.ents) if doc is not None else []  # read once: Doc.ents builds new spans
        self.evidence = TypeEvidence(doc, self.ents) if doc is not None else None  # person or organisation
        # One-word names set beside a person noun that the recogniser missed ("the guard, Hadvar").
        self.beside = [t.i for t in doc if t.dep_ == "appos" and t.pos_ == "PROPN" and t.ent_type_ != "PERSON"
                       and person_noun(t.head)] if doc is not None else []
        # Where statements stand (quotes, contents: character ranges) and the cues' words (token indices), set by
        # `resolve_speakers`: a name inside a statement, or the one a cue addresses, is not whom "he"/"she" points at.
        self.reported: list[tuple[int, int]] = []
        self.cues: set[int] = set()

    def type_of(self, name: str) -> str | None:
        """'person' or 'organization' where the article's evidence says so (speaker_types), else None."""
        return self.evidence.type_of(name) if self.evidence is not None else None

    def _remember(self, speaker: Speaker, mention: str) -> Speaker | None:
        if not any(ch.isalnum() for ch in speaker.name):
            return None  # no identity without a name (the "’s" of "Let’s" once made an organisation "")
        mention = mention.strip()
        # "He" is how the text points at Sean Spicer, not another name of his: a pronoun is kept as the statement's
        # source_span, never as an alias (across articles "he" would otherwise join every man's aliases).
        alias = () if _is_pronoun(mention) else (mention,)
        for i, known in enumerate(self.known):
            if known.key == speaker.key or _same_body(known, speaker):
                aliases = tuple(dict.fromkeys(known.aliases + alias))
                # "Microsoft Corp" and "Microsoft": the name the text uses without the suffix.
                name = min(known.name, speaker.name, key=len) if known.key != speaker.key else known.name
                merged = Speaker(name, known.type, known.role or speaker.role,
                                 known.affiliation or speaker.affiliation, aliases)
                if merged.key != known.key:
                    self.renamed[known.key] = merged.key  # statements given the longer name take the shorter
                del self.known[i]
                self.known.append(merged)
                return merged
        speaker = Speaker(speaker.name, speaker.type, speaker.role, speaker.affiliation, alias)
        self.known.append(speaker)
        return speaker

    def latest(self, types: set[str], exclude_outlets: bool = False) -> Speaker | None:
        for known in reversed(self.known):
            if known.type in types and not (exclude_outlets and known.type == "news_outlet"):
                return known
        return None

    def _by_last_word(self, word: str, types: set[str]) -> Speaker | None:
        """The identity named earlier whose name ends with `word` ("Vell" → Mara Vell, "ministry" → the Ministry)."""
        for known in reversed(self.known):
            if known.type in types and known.name.split() and known.name.split()[-1].lower() == word.lower():
                return known
        return None

    def _named_person(self, surname: str, mention: Span) -> Speaker | None:
        """The person named in full before `mention` whose last word is `surname`, spoken yet or not."""
        if self.doc is None:
            return None
        named: dict[str, Span] = {}
        for ent in self.ents:
            if ent.end_char > mention.start_char:
                break
            if ent.label_ == "PERSON" or ent.label_ == "ORG" and self.type_of(_strip_det(ent.text)) == "person":
                words = _strip_det(ent.text).split()
                while len(words) > 2 and words[-1].lower().strip(".,") in POSTNOMINALS | GENERATIONS:
                    words = words[:-1]  # "Neil Ford QC" is Ford
                if len(words) > 1 and words[-1].lower() == surname.lower():
                    named.setdefault(normalise_name(" ".join(words)), ent)
        # "Mr Anderson" is not Zoe Anderson: the honorific's gender rules out a first name of the other's.
        words = mention.doc[max(mention.start - 1, 0):mention.end]
        honorific = next((t.lower_.rstrip(".") for t in words if t.lower_.rstrip(".") in GENDERED), None)
        named = {k: e for k, e in named.items() if _gender_fits(_strip_det(e.text), GENDERED.get(honorific))}
        if not named:
            return None
        # Several people of one surname ("Mark Meadows", later "Debbie Meadows"): the surname alone is, by the
        # convention of news copy, the one introduced first.
        ent = next(iter(named.values()))
        return self._person(_titled(ent), ent, [ent], ent.text)

    def _by_role(self, head: str, words: list[str] | None = None) -> Speaker | None:
        """'the mayor' after 'Mara Vell, the mayor of Port Ellis': the person named earlier with that role; every
        word of a longer role must be in theirs ("the International Trade Secretary" is not the Environment
        Secretary)."""
        wanted = {SAME_ROLE.get(w, w) for w in (words or [head.lower()])} | {SAME_ROLE.get(head.lower(), head.lower())}
        for known in reversed(self.known):
            if known.type == "person" and known.role and wanted <= {
                    SAME_ROLE.get(w, w) for w in known.role.lower().split()}:
                return known
        return None

    def _named_with_role(self, head: Token, mention: Span) -> Speaker | None:
        """'The spokesperson said' after 'hired a new spokesperson, Dana Welk' (or 'Dana Welk, a spokeswoman',
        'spokesman Eric Pahon'): the last person named with that role before the mention, spoken yet or not."""
        if self.doc is None:
            return None
        role = SAME_ROLE.get(head.lower_, head.lower_)
        for ent in reversed([e for e in self.ents if e.label_ in {"PERSON", "ORG"}
                             and e.end_char <= mention.start_char and len(e) > 1]):
            root = ent.root
            near = [c for c in root.children if c.dep_ in {"appos", "compound"} and c.i < ent.start or (
                c.dep_ == "appos")] + ([root.head] if root.dep_ == "appos" else [])
            if any(SAME_ROLE.get(t.lower_, t.lower_) == role for t in near) and (
                    self.type_of(_strip_det(ent.text)) != "organization"):
                person = self._person(ent, ent, [ent], ent.text)
                return person if person is not None and person.type == "person" else None
        return None

    def _subject_before(self, mention: Span, core: list[Token]) -> Speaker | None:
        """'Mara Vell … . The former mayor said …', '… said the 48-year-old': the person who is the subject in the
        sentence before the mention or in its own sentence before it, where that is one person only (two people
        named there, or none, and nobody is taken); a gendered noun ("the actress") must fit the first name."""
        if self.doc is None:
            return None
        sent = mention.sent
        start = mention.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        people = [e for e in self.ents if start <= e.start and e.end <= mention.start and (
            e.label_ == "PERSON" and self._a_person(e) or e.label_ == "ORG" and self.type_of(e.text) == "person")]
        doc = mention.doc
        for token in doc[start:mention.start]:
            if token.dep_ in SUBJECTS and token.pos_ == "PROPN" and not token.ent_type_:
                first = token.i  # "Ilse Marr won …", a name the recogniser missed: a first name and a surname
                while first > start and doc[first - 1].pos_ == "PROPN" and doc[first - 1].head.i == token.i:
                    first -= 1
                if looks_like_full_name(doc[first:token.i + 1].text):
                    people.append(doc[first:token.i + 1])
        subjects = [e for e in people if e.root.dep_ in SUBJECTS]
        names = {normalise_name(_strip_det(e.text)).split()[-1] for e in people}
        if len(subjects) < 1 or len(names) != 1:
            return None
        person = self._person(subjects[-1], subjects[-1], [subjects[-1]], subjects[-1].text)
        gender = GENDERED_NOUNS.get(core[-1].lower_)
        if person is None or person.type != "person" or not _gender_fits(person.name, gender):
            return None
        # A role of theirs that the description's title words do not fit ("Environment Secretary Piet Varn said …
        # The International Trade Secretary said"): someone else.
        words = {t.lower_ for t in core if t.lower_ not in DETERMINERS and not t.is_punct and t.lower_ not in {
            "former", "ex", "-"}}
        if person.role and core[-1].lower_ in ROLE_HEADS and not words <= set(person.role.lower().split()):
            return None
        return person

    def _named_nearby(self, known: Speaker, mention: Span) -> bool:
        """`known` is named in the mention's sentence or the one before ("Microsoft Corp said … Microsoft’s goal
        … , it said"), by its name less a company suffix."""
        start = mention.sent.start
        if start > 0:
            start = mention.doc[start - 1].sent.start
        text = mention.doc[start:mention.start].text
        names = {_short_name(n) for n in (known.name, *known.aliases)}
        return any(n and re.search(rf"\b{re.escape(n)}\b", text) for n in names)

    def _people_before(self, mention: Span) -> Speaker | None:
        """The last group of people described in the mention's sentence or the one before ("some of the state's
        energy experts", "local residents"), as an anonymous source of this article; None where there is none."""
        sent = mention.sent
        start = sent.start
        if start > 0:
            start = mention.doc[start - 1].sent.start
        heads = [t for t in mention.doc[start:mention.start] if t.tag_ == "NNS" and t.lemma_.lower() in PEOPLE]
        if not heads:
            return None
        words = [heads[-1]]  # with the words right before it that describe it ("energy experts")
        while words[0].i > start and mention.doc[words[0].i - 1].head.i == words[-1].i and mention.doc[
                words[0].i - 1].dep_ in {"compound", "amod"}:
            words.insert(0, mention.doc[words[0].i - 1])
        name = _description_name(words)
        return Speaker(name, "anonymous") if name else None

    def _counted_before(self, mention: Span, text: str) -> Speaker | None:
        """'A growing number are touting …' with no 'of': the people just described are counted ("AI
        researchers"), or nobody (a count is never an identity; the source span stays)."""
        people = self._people_before(mention)
        return self._remember(people, text) if people is not None else None

    def resolve(self, mention: Span) -> Speaker | None:
        speaker = self._resolve(mention)
        if speaker is not None:
            self.at[speaker.key] = mention.start_char
        return speaker

    def _last_person(self, mention: Span) -> Speaker | None:
        """'he'/'she': the person last named before the mention, whether as a speaker or not ("Soon after Ilse
        Price was elected, she said …"); number and gender are not checked."""
        found = self.latest({"person"})
        # "a spokesperson for the association said … he said": a source known by a singular role counts as a person.
        role = next((k for k in reversed(self.known) if k.type == "anonymous" and k.role), None)
        if role is not None and (found is None or self.at.get(role.key, -1) > self.at.get(found.key, -1)):
            found = role
        at = self.at.get(found.key, -1) if found is not None else -1
        if self.doc is None:
            return found
        named = [e for e in self.ents if e.label_ == "PERSON" and e.end_char <= mention.start_char
                 and e.start_char > at and e.root.tag_ not in {"NNS", "NNPS"} and self._a_person(e)]
        # "I pick the guard, Hadvar. He suggests …": a name set beside a person noun, which the recogniser missed.
        named += [self.doc[i:i + 1] for i in self.beside if at < self.doc[i].idx and i < mention.start]
        named.sort(key=lambda span: span.start)
        gender = {"he": "m", "him": "m", "she": "f", "her": "f"}.get(mention.text.strip().lower())
        if found is not None and _identity_fits(found.name, gender):
            # "…," said King, who resigned from Meadows' office … He said …': a name inside the clause that
            # describes the last speaker is not who the next "he" is; nor one inside what was just said or quoted
            # ("Vell said the order came from Ilse Marr. … she added"), nor the one a cue addresses ("Vell told
            # Ilse Marr that … . …, she said").
            named = [e for e in named if not _describes(e.root, at) and not self._in_statement(e, mention)
                     and not (e.root.dep_ in {"dobj", "dative"} and e.root.head.i in self.cues)
                     and not _subordinate(e, mention)]
        # The pronoun's gender rules out a first name the lexicon knows as the other's only ("Tomas Brand … She
        # said" is not Tomas Brand).
        named = [e for e in named if _gender_fits(_strip_det(e.text), gender)]
        if named:
            ent = named[-1]
            person = self._person(ent, ent, [ent], ent.text)
            if person is not None and person.type == "person" and _identity_fits(person.name, gender):
                self.at[person.key] = ent.start_char
                return person
        if found is not None and not _identity_fits(found.name, gender):
            # "Evan Sparks … Sasha Luccioni … Sparks says … she says": the last person whose first name does not
            # rule the pronoun out, or nobody.
            found = next((k for k in reversed(self.known) if k.type == "person" and k.key != found.key
                          and _identity_fits(k.name, gender)), None)
        return found

    def _in_statement(self, ent: Span, mention: Span) -> bool:
        """`ent` lies inside a quote or a statement's content that does not hold `mention` itself."""
        return any(a <= ent.start_char and ent.end_char <= b and not a <= mention.start_char < b
                   for a, b in self.reported)

    def _a_person(self, ent: Span) -> bool:
        """A PERSON entity that may be who "he"/"she" points at: not a name used as a modifier ("his Ring
        camera", "the Copperfield location"), not a name the article shows to be an organisation."""
        if ent.root.dep_ in {"compound", "nmod", "amod"} and ent.root.head.pos_ == "NOUN":
            return False
        name = _strip_det(ent.text)
        if self.type_of(name) == "organization":
            return False
        # One word the recogniser calls a person ("Skyrim") needs more: a first name, or a title or role beside it.
        return len(name.split()) > 1 or name in first_names() or (
            self.evidence is not None and self.evidence.scores(name)[0] >= 3)

    def _resolve(self, mention: Span) -> Speaker | None:
        text = mention.text.strip()
        lower = text.lower()
        if not text or not len(mention):
            return None
        if lower in PERSON_PRONOUNS:
            found = self._last_person(mention)
            return self._remember(found, text) if found else None
        if lower in GROUP_PRONOUNS:
            found = self.latest({"anonymous", "organization", "unknown"})
            if found is None or mention.start_char - self.at.get(found.key, -IT_WINDOW) >= IT_WINDOW:
                # "… left some of the state's energy experts bewildered. They said …": the people just described.
                found = self._people_before(mention) or found
            return self._remember(found, text) if found else None
        if lower == "it":
            # "The company said … It added …": the organisation (or the report, the statement) that spoke last, if
            # it spoke in the last few sentences (IT_WINDOW characters); else nobody.
            bodies = [k for k in reversed(self.known) if k.type in {"organization", "news_outlet"} or (
                k.type == "anonymous" and k.name.split()[-1].lower() in STATEMENT_NOUNS)]
            if bodies and mention.start_char - self.at.get(bodies[0].key, -IT_WINDOW) < IT_WINDOW:
                return self._remember(bodies[0], text)
            # Else one that spoke earlier and is named again just before ("Microsoft’s goal … , it said").
            named = next((k for k in bodies if self._named_nearby(k, mention)), None)
            return self._remember(named, text) if named else None
        if lower in SELF_PRONOUNS:
            return None  # resolved by the caller from the enclosing quote
        if lower in {"which", "who", "that"} and mention.root.head.dep_ == "relcl":
            # "… a Mail on Sunday poll which shows that …": the relative's antecedent is the source.
            noun = relative_antecedent(mention.root.head.head, mention.root)
            if noun.pos_ in {"NOUN", "PROPN"} and noun.ent_type_ not in {"DATE", "TIME"} and noun.i < mention.start:
                # The antecedent's words before the relative clause ("a string of Tory MPs who said …").
                words = [t for t in noun.subtree if t.i < mention.root.head.left_edge.i and not t.is_space]
                while words and words[-1].is_punct:
                    words.pop()
                return self._resolve(mention.doc[words[0].i:words[-1].i + 1] if words
                                     else mention.doc[noun.left_edge.i:noun.i + 1])
            return None
        if lower in QUANTIFIERS:
            # "On a forum for teachers, some wrote …", "One academic told … Others reported …": part of the people
            # just described, an anonymous source of this article ("some teachers", "other academics").
            if lower == "others":
                # The rest of a group a source was just taken from ("some teachers", "one academic"), or nobody.
                part = next((k for k in reversed(self.known) if k.type == "anonymous" and k.name.split()[0] in {
                    "some", "one", "many", "most", "several"} and len(k.name.split()) > 1), None)
                recent = part is not None and mention.start_char - self.at.get(part.key, -IT_WINDOW) < IT_WINDOW
                people = _plural(" ".join(part.name.split()[1:])) if recent else None
            else:
                found = self._people_before(mention)
                people = found.name if found is not None else None
            if people is None:
                return None
            return self._remember(Speaker(f"{QUANTIFIERS[lower]} {people}", "anonymous"), text)
        mention = _without_caption(mention)
        if mention is None or _page_furniture(mention):
            return None
        first, last = _entity_of(mention[0]), _entity_of(mention[-1])
        if first is not None and first[0] < mention.start or last is not None and last[1] > mention.end:
            # A mention that cuts a name ("Space Research" of "National Institute for Space Research"): the name,
            # unless the recogniser ran it into punctuation or a cue ("Obama Says …" in a headline).
            wider = mention.doc[min(first[0] if first else mention.start, mention.start):max(
                last[1] if last else mention.end, mention.end)]
            extra = [t for t in wider if not mention.start <= t.i < mention.end]
            if not any(t.is_punct or t.lower_ in lexicon() or t.lemma_.lower() in lexicon() or
                       t.lower_.rstrip("s") in lexicon() for t in extra):
                mention = wider
        if mention[0].lower_ in WH_WORDS:
            return None  # "… to predict how much energy AI consumes": a clause, not a speaker
        root = mention.root
        if root.pos_ in {"DET", "PRON"} or root.lower_ in NEVER_IDENTITIES:
            # "Another, Pelco, announced …": the name set beside the function word is the speaker.
            named = next((c for c in root.children if c.dep_ in {"appos", "npadvmod"} and c.pos_ == "PROPN"), None)
            if named is not None:
                mention = mention.doc[named.left_edge.i:named.right_edge.i + 1]
        if root.lower_ in QUANTITY_NOUNS:
            # "a string of Tory MPs", "a number of residents": the people counted speak, not the count.
            of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            counted = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if counted is not None and counted.right_edge.i < mention.end:
                return self._resolve(mention.doc[counted.left_edge.i:counted.i + 1])
            if _bare_count(mention, root):
                return self._counted_before(mention, text)
        if (root.pos_ == "NUM" or root.lower_ in SHARES) and not any(c.dep_ == "prep" and c.lower_ == "of" for c in
                                                                      root.children):
            # "Only one in five (21 per cent) thought …" after "68 per cent of people believed …": a share of the
            # people just described, an anonymous source of this article ("one in five people"); nobody where no
            # group of people was described.
            people = self._people_before(mention)
            words = list(itertools.takewhile(lambda t: not t.is_punct, mention))
            share = [t.text for t in words if t.pos_ == "NUM" or t.lower_ in SHARES | {"in", "out", "of", "per", "a"}]
            if people is not None and share:
                of = " of " if share[-1].lower() in SHARES else " "  # "73 percent of registered voters"
                return self._remember(Speaker(f"{' '.join(share)}{of}{people.name}", "anonymous"), text)
            # Else as any description ("Twelve percent indicated …": anonymous), or nobody ("one in five").
        core = core_tokens(mention)
        if _no_identity(core):
            return None
        alias = _text(core)
        named = [t for t in core_tokens(mention, NAMED_DEPS)]
        every = self.ents if self.doc is not None else list(mention.ents)  # Span.ents rebuilds the Doc's: read once
        ents = [e for e in every if named and named[0].i <= e.start and e.end <= named[-1].i + 1]
        # A plural head ("Tory MPs") is a group, whatever the entity recogniser says; a name after a preposition
        # or a possessive is not the speaker ("a spokesperson for OpenAI", "Vell's lawyer"), nor one the article
        # shows to be an organisation.
        people = [e for e in ents if e.label_ == "PERSON" and (
                  e.root.tag_ not in {"NNS", "NNPS"} or looks_like_full_name(_strip_det(e.text)))
                  and not _attached(e, mention.root) and self.type_of(_strip_det(e.text)) != "organization"]
        # The name the mention is about first ("Harbor Lights supporter Ilse Marr": Ilse Marr).
        person = next((e for e in people if e.start <= mention.root.i < e.end), None) or next(
            (e for e in people if e.start >= core[0].i and e.end <= core[-1].i + 1), None) or next(iter(people), None)
        if person is not None:
            if not core[0].i <= person.start < core[-1].i + 1:
                alias = person.text  # "A spokesman, Eric Pahon, said": the name is the mention of him
            return self._person(mention, person, ents, alias)
        return self._description(mention, core, ents, alias)

    def _description(self, mention: Span, core: list[Token], ents: list[Span], alias: str) -> Speaker | None:
        """A mention without a person's name: an organisation, an outlet, a statement, or an anonymous source."""
        root = mention.root
        head = root.lemma_.lower()
        words = [t for t in core if not t.is_punct and t.lower_ not in {"'s", "’s"}]
        if len(words) == 1 and words[0].text[:1].isupper() and words[0].is_alpha:
            # A surname alone ("Meadows has not ruled out …", "Bloomberg said" in an article about Michael
            # Bloomberg) is the person named in full before it, as a speaker or not, even where it is also an
            # outlet's name or the tagger took it for a plural noun.
            known = self._by_last_word(words[0].text, {"person"}) or self._named_person(words[0].text, mention)
            if known is not None:
                return self._remember(known, alias)
        outlet = _outlet_name(alias)
        if outlet is not None:  # "The Economist", "the Associated Press news agency", "ABC13"
            return self._remember(Speaker(outlet, "news_outlet"), alias)
        # "the Conservative MP", "the International Trade Secretary" (which the recogniser may read as a body).
        titled = core[0].lower_ in DETERMINERS and root.tag_ in {"NN", "NNP"} and not any(
            e.label_ == "PERSON" for e in ents)
        if root.lower_ in ROLE_HEADS and (titled or not any(t.pos_ == "PROPN" for t in core if t.i < root.i)):
            known = self._by_role(root.lower_, [t.lower_ for t in core if t.i <= root.i and t.lower_ not in DETERMINERS
                                                 and not t.is_punct])
            if known is None and core[0].lower_ == "the" and len(core) == 2:
                known = self._named_with_role(root, mention)  # "the spokesperson": the one named earlier
            if known is None and core[0].lower_ == "the":
                known = self._subject_before(mention, core)  # "Vell … The former mayor said"
            if known is not None and core[0].lower_ == "the":
                return self._remember(known, alias)
            # "a doctor", "the city's mayor" without a name: an anonymous source of this article.
            # Named by its role, with the organisation it names as affiliation ("a spokesperson for the HEA",
            # "a spokesperson for OpenAI" where the recogniser took OpenAI for a person).
            affiliation = next((_strip_det(e.text) for e in ents if e.start > root.i and (e.label_ == "ORG" or (
                e.label_ == "PERSON" and self.type_of(_strip_det(e.text)) == "organization"))), None)
            # The whole description is the name, so that two spokespeople of different bodies stay two.
            return self._remember(Speaker(_description_name(core), "anonymous", root.lower_, affiliation), alias)
        if core[0].lower_ == "the" and not any(t.pos_ == "PROPN" for t in core) and (
                YEAR_OLD.match(_text(core)) or root.lower_ in KNOWN_AS):
            # "the 48-year-old", "the actress": the one person the sentence before (or this one) is about.
            known = self._subject_before(mention, core)
            if known is not None:
                return self._remember(known, alias)
        # An entity all in lower case ("the harbor board") is the recogniser's guess at a description, not a name.
        org = next((e for e in ents if (e.label_ in {"ORG", "NORP", "GPE", "FAC"} and len(e) > 1 or e.label_ == "ORG")
                    and any(t.text[:1].isupper() and t.lower_ not in DETERMINERS for t in e)), None)
        # A proper noun in lower case ("the harbor board") is the tagger's guess, not a name.
        root_named = (root.pos_ == "PROPN" and not root.text[:1].islower()) or (
            org is not None and org.start <= root.i < org.end)
        people_noun = root.lower_.endswith("s") and root.lower_[:-1] in PERSON_NOUNS  # "MPs", however tagged
        if root_named and (root.tag_ in {"NNS", "NNPS"} or people_noun) and (
                org is None or org.label_ == "NORP" or people_noun) and not is_outlet(alias) and (
                root.ent_type_ != "PERSON"):
            root_named = False  # "Tory MPs", "Wary Republicans in the state": a group described, not a body named
        if root_named and len(core) == 1 and not root.ent_type_ and root.is_sent_start and re.search(
                rf"(?<![\w-]){re.escape(root.lower_)}(?![\w-])", doc_text(mention.doc)):
            root_named = False  # "Video obtained from the salon shows …" (and "the video" later): a common noun
        if core[-1].pos_ == "NOUN" and core[-1].lower_ in STATEMENT_NOUNS and core[-1].i > root.i:
            # "a Mail on Sunday poll", parsed with the paper as head: the poll speaks, a description.
            return self._remember(Speaker(_description_name(core), "anonymous"), alias)
        if root_named:
            name = _strip_det(org.text if org is not None and len(org) >= len(core) - 1 else alias)
            if org is not None and org.end <= root.i and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in
                                                             mention.doc[org.end:root.i + 1]):
                # "The California Independent System Operator": the recogniser stopped short of the head.
                name = _strip_det(mention.doc[org.start:root.i + 1].text)
            if len(name.split()) == 1:
                # A surname alone ("Korotchenko") is the person named in full earlier, if there is one, as a
                # speaker or not ("Usman Hasib runs the salon … Hasib said").
                known = self._by_last_word(name, {"person"}) or self._named_person(name, mention)
                if known is not None:
                    return self._remember(known, alias)
            kind = "news_outlet" if is_outlet(name) or (
                len(name.split()) > 1 and name.split()[-1].lower() in OUTLET_WORDS) else "organization"
            evidence = self.type_of(name) if kind != "news_outlet" else None
            if evidence == "person":
                # "Ilan Moss scoffed", "Gustavo Faleiros, an editor at …": a person the recogniser took for a body,
                # with the title and apposition a person's name gets.
                span = org if org is not None and org.start <= root.i < org.end else mention.doc[
                    core[0].i:core[-1].i + 1]
                return self._person(mention, span, ents, alias)
            inner = _named_inside(name)
            if inner is not None:
                # "Harbor Lights supporter Ilse Marr" read as one organisation: the person after the role noun.
                return self._remember(Speaker(inner[1], "person", inner[0]), alias)
            if evidence == "organization":
                return self._remember(Speaker(name, "organization"), alias)
            if org is None and kind != "news_outlet" and self.doc is not None and any(
                    e.label_ == "PERSON" and normalise_name(e.text) == normalise_name(name) for e in self.ents):
                # A name the recogniser missed here ("Ilse Marr:" opening a transcript line) and took for a
                # person elsewhere in the article.
                return self._remember(Speaker(name, "person"), alias)
            role, words = _split_role(name.split())
            if role and len(words) <= 3 and kind != "news_outlet" and all(w[:1].isupper() for w in words):
                # "Ex-Environment Secretary THERESA VILLIERS says", "Mr Malone:": a title before a name is a
                # person's; a surname alone is the person named in full earlier where there is one.
                known = None
                if len(words) == 1:
                    known = self._by_last_word(words[0], {"person"}) or self._named_person(words[0], mention)
                return self._remember(known or Speaker(_unshout(" ".join(words)), "person", role), alias)
            if org is None and kind != "news_outlet" and root.ent_type_ in {"", "PERSON"}:
                # A lone capitalised word no recogniser placed: a person when tagged so, else nobody knows.
                kind = "person" if root.ent_type_ == "PERSON" else ("unknown" if len(core) == 1 else "organization")
            return self._remember(Speaker(name, kind), alias)
        if head in STATEMENT_NOUNS and core[0].lower_ == "the" and len(core) == 2:
            # "the statement": the document of the last speaker named (not an outlet relaying it).
            found = self.latest({"organization", "person", "anonymous"}, exclude_outlets=True)
            if found is not None and not (found.type == "anonymous" and found.name.split()[-1] in STATEMENT_NOUNS):
                return self._remember(found, alias)
        # A description ("the ministry", "the department") is the organisation named earlier with that head word.
        if core[0].lower_ == "the":
            known = self._by_last_word(root.lower_, {"organization", "news_outlet"})
            if known is not None:
                return self._remember(known, alias)
        # "officials at the Northgate Port Authority", "a company", "the letter": described, not named. Anonymous
        # (the store keeps these per article), with the organisation named in the mention as affiliation.
        affiliation = next((_strip_det(e.text) for e in ents if e.label_ == "ORG" and e.start > root.i), None)
        words = [t for t in core if t.i <= root.i] or core
        return self._remember(Speaker(_description_name(words), "anonymous", None, affiliation), alias)

    def _affiliation(self, pobj: Token) -> str | None:
        """The organisation an apposition names ("a spokeswoman for the company", "an editor at InfoAmazonia"):
        an organisation named in the text, or the one named earlier with that head word; a description that
        names none ("a local school") is no affiliation."""
        if pobj.ent_type_ == "GPE":
            return None
        named = next((c for c in pobj.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > pobj.i), None)
        if named is not None and pobj.pos_ == "NOUN":
            # "an editor at the environmental news group InfoAmazonia": the body's name, not its description.
            return _strip_det(_text([t for t in named.subtree if t.i <= named.i and t.i > pobj.i]))
        for ent in pobj.doc.ents:
            if ent.label_ in {"ORG", "FAC"} and ent.start <= pobj.i < ent.end:
                return _strip_det(ent.text)
        if pobj.pos_ == "PROPN":
            words = [t for t in pobj.subtree if t.i <= pobj.i]
            kind = [k for k, t in enumerate(words[:-1]) if t.lower_ in ORG_NOUNS and t.text.islower() and words[
                k + 1].pos_ == "PROPN"]
            if kind:  # "the environmental news group Amazonwatch": the name after what kind of body it is
                words = words[kind[-1] + 1:]
            return _strip_det(_text(words))
        named = [t for t in pobj.subtree if t.i <= pobj.i]
        if any(t.ent_type_ == "ORG" and t.pos_ == "PROPN" for t in named):
            # "a key member of the White House's coronavirus task force": a body named by its owner.
            return _strip_det(_text(named))
        known = self._by_last_word(pobj.text, {"organization", "news_outlet"})
        return known.name if known is not None else None

    def _person(self, mention: Span, person: Span, ents: list[Span], alias: str) -> Speaker | None:
        doc, end = mention.doc, person.end
        while end < mention.end and doc[end].pos_ == "PROPN" and doc[end - 1].dep_ == "compound" and (
                doc[end - 1].head.i >= end):
            end += 1  # "Secretary TOMAS REYES": the recogniser took one word of a name in capitals
        person = doc[person.start:end]
        while len(person) > 1 and person[0].tag_ in {"VBG", "VBN", "VB", "VBD", "IN", "DT", "RB"}:
            person = person[1:]  # "Taking Archie to …": the recogniser took the verb into the name
        name = person.text[:-2] if person.text.endswith(("'s", "’s")) else person.text
        affiliation = None
        role, words = _split_role(name.split())
        while len(words) > 2 and words[-1].lower().strip(".,") in POSTNOMINALS:
            words = words[:-1]  # "Neil Ford QC": the letters after a name are no part of it
        name = _unshout(" ".join(words))
        if role in HONORIFICS:
            role = None  # "Mrs Marr": an honorific, no role
        inner = _named_inside(name)
        if inner is not None:  # "Harbor Lights supporter Ilse Marr" taken as one name: the role as written
            role, name = inner
        before = [t for t in mention if t.i < person.start and not t.is_punct]
        # "Transport Secretary Grant Shapps": a minister's portfolio is part of the title, not an organisation.
        orgs = [e for e in ents if e.label_ == "ORG" and e.start < person.start and not _portfolio(e, person)]
        if orgs:
            affiliation = _strip_det(orgs[0].text)
        # Title words right before the name ("press secretary Sean Spicer"), never a quoted title ("“Harbor
        # Lights” actress Ilse Marr": actress) nor words of an organisation.
        quoted = _quoted_token_ids(mention)
        title = [t for t in before if t.pos_ in {"NOUN", "PROPN"} and t.i not in quoted and not any(
            o.start <= t.i < o.end for o in orgs) and t.dep_ in {"compound", "nmod", "amod", "appos"}
            and t.ent_type_ not in PLACES]  # "San Diego engineer Bill Powers": an engineer, not a "Diego engineer"
        if title:
            first = title[0].i  # with the words joined on before it: "Ex-harbour secretary", "former minister"
            while first > mention.start and doc[first - 1].i not in quoted and doc[first - 1].ent_type_ not in (
                    NAMED_ENTITIES) and (doc[first - 1].text in {"-", "–"} and not doc[first - 1].whitespace_ or (
                    doc[first - 1].pos_ in {"ADJ", "NOUN"} and doc[first - 1].dep_ in {"amod", "compound"}
                    and first - 1 <= doc[first - 1].head.i <= person.end)):
                first -= 1
            words = [t for t in before if first <= t.i < title[0].i] + title
            kept = {t.i for t in words}
            run = doc[first:words[-1].i + 1]
            contiguous = all(t.i in kept or t.text in {"-", "–"} for t in run)
            role = _role_of(list(run) if contiguous else words)
        if person.root.dep_ == "appos" and person.root.head.pos_ == "NOUN" and person.root.head.i < person.start:
            role = person.root.head.lower_  # "“Harbor Lights” actress Ilse Marr": the noun the name stands beside
        appos = next((c for c in person.root.children if c.dep_ == "appos" and not _in_brackets(c)), None)
        if appos is not None and (role is None or role.rstrip(".") in TITLES) and appos.pos_ in {"NOUN", "PROPN"}:
            # "Jo Grady, the UCU general secretary": role "general secretary", affiliation UCU; "a San Diego
            # engineer" is an engineer; "the Labour MP for Newcastle Central" an MP of Labour.
            first = appos.i  # the words right before the noun that describe it
            while first > person.end and (doc[first - 1].dep_ in {"compound", "amod", "nmod"} or doc[
                    first - 1].text == "-" and not doc[first - 1].whitespace_):
                first -= 1
            lefts = [t for t in doc[first:appos.i] if t.text != "-"]
            body = [t for t in lefts if t.ent_type_ == "ORG" and t.pos_ == "PROPN"]
            lefts = [t for t in lefts if t.ent_type_ not in PLACES | {"ORG"} and t.lower_ not in EVALUATIVE]
            role = _role_of(lefts + [appos])
            if body and not _portfolio(doc[body[0].i:body[-1].i + 1], appos):
                affiliation = _strip_det(" ".join(t.text for t in body))
            for prep in appos.children:
                if prep.dep_ == "prep" and prep.lower_ in {"at", "of", "for", "with", "from"} and not (
                        appos.lower_ in LEGISLATORS and prep.lower_ == "for"):  # "MP for Newcastle Central": a seat
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            affiliation = self._affiliation(pobj) or affiliation
        if len(name.split()) == 1:
            # "Mr Malone" after "Thomas Malone" was named, as a speaker or not; "Judge Ford" gives him his title.
            known = self._by_last_word(name, {"person"}) or self._named_person(name, mention)
            if known is not None:
                if role and not known.role and role not in HONORIFICS:
                    known = replace(known, role=role)
                return self._remember(known, alias)
        if self.type_of(name) == "organization":
            # A body the recogniser took for a person ("OpenAI declined …" after "a spokesperson for OpenAI").
            return self._remember(Speaker(name, "news_outlet" if is_outlet(name) else "organization"), alias)
        return self._remember(Speaker(name, "person", role, affiliation), alias)


def _same_body(known: Speaker, speaker: Speaker) -> bool:
    """'Microsoft' and 'Microsoft Corp' in one article: one organisation, named with and without its suffix."""
    return known.type == speaker.type and known.type in {"organization", "news_outlet"} and normalise_name(
        _short_name(known.name)) == normalise_name(_short_name(speaker.name))


def _titled(ent: Span) -> Span:
    """A name with the title words right before it ("Rep. Mark Walker"), where the role is read from."""
    start = ent.start
    while start > ent.sent.start and ent.doc[start - 1].dep_ in {"compound", "nmod", "amod"} and (
            start <= ent.doc[start - 1].head.i < ent.end) and not ent.doc[start - 1].is_punct and ent.doc[
            start - 1].lower_ not in {"honour", "honor", "excellency", "majesty", "highness", "worship"}:
        start -= 1  # "International Trade Secretary Liz Truss", "Health secretary Matt Hancock"
    return ent.doc[start:ent.end]


# Letters after a name ("QC", "Jr."): no part of the name a surname points at.
POSTNOMINALS = {"qc", "kc", "mp", "msp", "mep", "obe", "cbe", "mbe", "kbe", "dbe", "phd"}
GENERATIONS = {"jr", "sr", "ii", "iii", "iv"}  # part of the name, but not the surname ("Biden" of "… Biden Jr.")
COMPANY_SUFFIXES = {"corp", "corporation", "inc", "ltd", "llc", "plc", "co", "group", "company", "ag", "sa", "gmbh"}


def _short_name(name: str) -> str:
    """'Microsoft Corp.' → 'Microsoft', 'The Kestrel Ferry Company' → 'Kestrel Ferry': how the text names it again."""
    words = _strip_det(name).split()
    while len(words) > 1 and words[-1].lower().strip(".,") in COMPANY_SUFFIXES:
        words = words[:-1]
    return " ".join(words)


def _split_role(words: list[str]) -> tuple[str | None, list[str]]:
    """Title words before a name are its role, not part of it: "Councillor Tomas Reyes", "Ex-environment
    secretary Theresa Villiers" (a title, a longer word in lower case, an "ex-" or "former" before the
    capitalised name); the name keeps at least one word."""
    role: list[str] = []
    while len(words) > 1 and (words[0].lower().rstrip(".") in TITLES or words[0].lower().startswith(("ex-", "former"))
                              or (words[0][:1].islower() and len(words[0]) > 3)):  # not "van", "de", "al"
        plain = words[0].lower().rstrip(".")
        role.append(ABBREVIATED.get(plain, plain))
        words = words[1:]
    return (" ".join(role) or None), words


def _plural(noun: str) -> str:
    """'academic' → 'academics' (a description's head in the plural; one already plural stays)."""
    if noun.endswith("s"):
        return noun
    return noun + ("es" if noun.endswith(("sh", "ch", "x")) else "s")


def _role_text(role: str) -> str:
    """A role as a reader writes it in running text: lower case, acronyms kept ("CEO"), abbreviated titles
    written out ("Sen." → senator)."""
    return " ".join(w if w.isupper() and len(w) <= 4 and w.isalpha() else ABBREVIATED.get(
        w.lower().rstrip("."), w.lower()) for w in role.split())


def _role_of(tokens: list[Token]) -> str | None:
    """A role from the words of the text: title words in lower case ("press secretary"), a proper noun inside it
    as written ("Elizabeth Warren supporter", "Labour MP"), acronyms kept."""
    words = []
    for token in tokens:
        plain = token.lower_.rstrip(".")
        proper = token.pos_ == "PROPN" and token.text[:1].isupper() and plain not in TITLES | PORTFOLIOS | (
            PERSON_NOUNS) | ROLE_WORDS and token.ent_type_ in NAMED_ENTITIES
        words.append(token.text_with_ws if proper else _role_text(token.text) + token.whitespace_)
    return "".join(words).strip() or None


# Abbreviated titles, written out in a role ("Sen. Ilse Marr": senator).
ABBREVIATED = {"sen": "senator", "rep": "representative", "gov": "governor", "gen": "general", "col": "colonel",
               "lt": "lieutenant", "sgt": "sergeant", "capt": "captain", "cpl": "corporal", "adm": "admiral",
               "maj": "major", "supt": "superintendent", "insp": "inspector", "det": "detective",
               "cllr": "councillor", "pres": "president", "atty": "attorney", "amb": "ambassador"}
# A minister's portfolio before "Secretary"/"Minister" ("Transport Secretary", "Justice Minister"): part of the
# title, which the recogniser often takes for an organisation.
PORTFOLIOS = {"transport", "justice", "health", "education", "environment", "defence", "defense", "home",
              "foreign", "interior", "energy", "culture", "housing", "trade", "business", "treasury", "finance",
              "work", "pensions", "agriculture", "communities", "digital", "brexit", "climate",
              "security", "immigration", "equalities", "transportation", "commerce", "veterans"}
# Words of a title that a page may capitalise ("Managing Director", "Prime Minister"): written in lower case.
ROLE_WORDS = {"managing", "vice", "senior", "junior", "assistant", "associate", "acting", "interim", "executive",
              "principal", "lead", "general", "shadow", "first", "high", "special", "national", "regional", "local",
              "global", "technical", "operating", "financial", "editorial", "creative", "press", "prime", "attorney",
              "solicitor", "district", "state", "federal", "county", "city", "chief", "former", "deputy", "officer",
              "counsel", "affairs", "relations", "communications", "policy", "research", "development", "sales",
              "marketing", "operations", "public", "international", "digital", "news", "political", "legal"}
# Members of a legislature: "for" after them names a seat, not a body ("the Labour MP for Newcastle Central").
LEGISLATORS = {"mp", "mep", "msp", "mla", "ms", "td", "senator", "representative", "congressman", "congresswoman",
               "assemblyman", "assemblywoman", "councillor", "councilor", "delegate"}
# Words of praise that are no part of a role ("a key member of the task force").
EVALUATIVE = {"current", "then", "now", "key", "top", "leading", "prominent", "senior", "longtime", "long-time", "veteran", "noted",
              "well-known", "respected", "influential", "powerful", "outspoken", "vocal", "fellow"}


def _portfolio(words, title) -> bool:
    """'Transport' in "Transport Secretary Grant Shapps": portfolio words right before a minister's title."""
    doc = title.doc
    after = doc[words.end] if words.end < len(doc) else None
    return all(t.lower_ in PORTFOLIOS or t.lower_ == "and" for t in words) and after is not None and (
        after.lower_.rstrip(".") in {"secretary", "minister", "spokesman", "spokeswoman", "spokesperson",
                                     "commissioner", "czar", "tsar"})


def _in_brackets(token: Token) -> bool:
    """A word between brackets ("Rep. Mark Walker (R-N.C.)"): a note on the name, not a role."""
    doc = token.doc
    left = next((t for t in reversed(doc[token.sent.start:token.i]) if t.text in {"(", ")", "[", "]"}), None)
    return left is not None and left.text in {"(", "["}


def _unshout(name: str) -> str:
    """A name written in capitals ("THERESA VILLIERS", a page's heading) as a reader writes it."""
    return name.title() if name.isupper() and sum(ch.isalpha() for ch in name) > 3 else name


def _quoted_token_ids(mention: Span) -> set[int]:
    """Tokens between quote marks inside a mention (a show's or a book's title)."""
    ids: set[int] = set()
    inside = False
    for token in mention:
        if token.text in {"“", "”", '"', "‘", "’"} and token.is_punct:
            inside = token.text in {"“", "‘"} or (token.text == '"' and not inside)
            continue
        if inside:
            ids.add(token.i)
    return ids


# -- the whole article's sources, in text order -------------------------------------------------------------------

# The writer's own voice: "I find the pace too swift", "we found that …" outside any quotation, the pronoun the
# subject of the cue itself. The article's author where its byline names one person (`with_byline`), else an
# anonymous identity of the article (never merged across articles, like every description).
WRITER_PRONOUNS = {"i", "we"}
# Sourceless evidentials whose judgement is the writer's own ("voters seemed to agree"); a passive belief ("is
# expected to", "is widely assumed") is held by people the text does not name, and stays without a speaker.
JUDGEMENT_CUES = {"seem", "appear"}
WRITER = Speaker("writer", "anonymous", "writer")
# Modals by which the writer puts a thought to the reader ("you might say", "you could argue").
SUPPOSING = {"might", "may", "could", "would"}
SUBJECTS = {"nsubj", "nsubjpass"}


def resolve_speakers(found: list[Found], doc: Doc) -> None:
    """Every source of one Doc to its identity, in text order (the Found records are updated in place).

    Continuations take the speaker of the quote they continue; "I"/"we" inside a statement are its speaker's;
    "I"/"we" outside any quotation as the cue's subject are the writer's; "you" in a labelled interview line is the
    other party of a two-party interview ("The Economist: You say that …" is what Thomas Malone says); the rest
    goes through `SpeakerResolver`.
    """
    resolver = SpeakerResolver(doc)
    quotes = [(q.start, q.end) for q in find_quotes(doc_text(doc))]
    resolver.reported = quotes + [span for item in found for span in item.content]
    resolver.cues = {item.cue.root.i for item in found if item.cue is not None}
    labels = [item for item in found if _is_label_line(item)]
    addressed: list[Found] = []
    fragment: Found | None = None  # the last subjectless fragment ("Explaining why he …") and its speaker
    for item in found:
        if isinstance(item.speaker, Found):  # a continuation: the speaker of the quote it continues
            item.source = item.source or item.speaker.source  # where that speaker is named
            item.speaker = item.speaker.speaker
            continue
        asked = False
        if item.source is None:
            item.source = _implied_source(item)
            # "Asked if …, Vell said": Vell answers and is the speaker, but the question's source (who asked) is
            # not named: the attribution keeps no source mention (PolNeAR marks none).
            asked = item.source is not None and item.cue.root.tag_ == "VBN"
        if item.source is None and _is_fragment(item):
            # "Explaining why he won’t release …." standing alone: the explainer is whom the text is about, the
            # subject of the sentence before (or of the fragment before, in a run of them).
            sent = item.cue.root.sent
            between = sent.doc[fragment.cue.root.sent.end:sent.start] if fragment is not None else None
            if between is not None and all(t.is_space for t in between) and fragment.speaker is not None:
                item.source, item.speaker = fragment.source, fragment.speaker
            else:
                item.source = _subject_of_sentence_before(sent)
                item.speaker = resolver.resolve(item.source) if item.source is not None else None
            fragment = item
            continue
        if item.source is not None:
            item.source = _conjunct_subject(item) or item.source
        if item.source is None:
            if item.cue is not None and (item.cue.root.lemma_.lower() in JUDGEMENT_CUES or _raised_belief(item)) \
                    and not _quoted(item, quotes):
                # "The feature appears to use …": the judgement of whoever is speaking there, the writer outside
                # anyone's statement.
                item.speaker = item.parent.speaker if item.parent is not None else WRITER
            continue
        mention = item.source.text.strip().lower()
        if mention in SELF_PRONOUNS and item.parent is not None and (
                item.parent.speaker is not None or item.parent.kind == "direct"):
            item.speaker = item.parent.speaker  # "I think" inside a quote: the quote's speaker
            continue
        if mention == "you" and any(item.parent is label for label in labels):
            addressed.append(item)
            continue
        if mention in WRITER_PRONOUNS and _writer_voice(item, quotes) or mention == "you" and _writer_voice(
                item, quotes) and _supposing(item):
            # "You might call this a measure of social intelligence": the writer's suggestion to the reader.
            item.speaker = WRITER  # not remembered: "they" and "the statement" never point at the writer
            continue
        if _writers_inference(item, mention) and not _quoted(item, quotes):
            item.speaker = WRITER  # "This suggests the toolmakers were …": the writer drawing a conclusion
            continue
        item.speaker = resolver.resolve(item.source)
        if asked:
            item.source = None
    if resolver.renamed:
        final = {known.key: known for known in resolver.known}
        for item in found:
            key = item.speaker.key if isinstance(item.speaker, Speaker) else None
            while key in resolver.renamed:
                key = resolver.renamed[key]
            if key is not None and key in final and key != item.speaker.key:
                item.speaker = final[key]
    for item in addressed:
        asking = item.parent.speaker if item.parent is not None else None
        parties = {label.speaker.key: label.speaker for label in labels if isinstance(label.speaker, Speaker)}
        others = [sp for key, sp in parties.items() if not (isinstance(asking, Speaker) and key == asking.key)]
        if isinstance(asking, Speaker) and len(parties) == 2 and len(others) == 1:
            item.speaker = others[0]


# Verbs whose passive subject is the speaker of the "saying" hung on them ("Vell was quoted as saying …").
PASSIVE_HEARD = {"quote", "hear", "record", "film", "overhear", "report"}
NO_SUBJECT = {"there", "it", "this", "that", "which", "who", "what"}


def _implied_source(item: Found) -> Span | None:
    """The source a reader reads where the rules found none: the passive subject of "was quoted as saying" and
    "could be heard saying" ("Mara Vell was quoted as saying that …"), and the subject of the verb whose object a
    nominal cue is ("The letter demands assurances that …"). None where there is no such subject."""
    if item.cue is None or not len(item.cue) or item.kind == "continuation":
        return None
    cue = item.cue.root
    subject = None
    if cue.lemma_.lower() == "say":
        token = cue
        for _ in range(3):
            if token.dep_ not in {"pcomp", "prep", "advcl", "xcomp", "acl"} or token.head.i == token.i:
                break
            token = token.head
            if token.lemma_.lower() in PASSIVE_HEARD and token.tag_ == "VBN":
                subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
                break
    elif cue.pos_ == "NOUN" and cue.dep_ == "dobj" and cue.head.pos_ == "VERB":
        subject = next((c for c in cue.head.children if c.dep_ == "nsubj"), None)
    if subject is None and cue.tag_ in {"VBN", "VBG"} and cue.dep_ == "advcl" and not any(
            c.dep_ in SUBJECTS for c in cue.children):
        # "Asked if the plan matters to her, Vell said it does", "Explaining the delay, the council said …": the
        # participle's unspoken subject is that of the clause it hangs on.
        subject = next((c for c in cue.head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in NO_SUBJECT or subject.pos_ == "PRON" and subject.lower_ not in {
            "he", "she", "they"}:
        return None
    start, end = mention_span(subject, cue)
    return subject.doc.char_span(start, end, alignment_mode="expand")


def _supposing(item: Found) -> bool:
    """'You might call this …': a modal after "you", in a sentence that asks nothing ("Or would you think she
    …?" is a question, not the writer's thought)."""
    cue, you = item.cue.root, item.source.root
    return not cue.sent.text.rstrip().rstrip("\"'’”").endswith("?") and any(
        c.tag_ == "MD" and c.lower_ in SUPPOSING and c.i > you.i for c in cue.children)


def _is_fragment(item: Found) -> bool:
    """A sentence that is only a participle and what it says ("Explaining why he won’t release …."): the cue
    opens its sentence, is its root and has no subject."""
    if item.cue is None or not len(item.cue) or item.kind == "continuation":
        return False
    cue = item.cue.root
    opening = next((t for t in cue.sent if not t.is_punct and not t.is_space), None)
    # The parser may hang the participle on a later verb of the fragment ("Explaining why he argued that frisking
    # them was …"): a head without a nominal subject leaves it subjectless still.
    alone = cue.dep_ == "ROOT" or cue.dep_ == "advcl" and not any(c.dep_ in SUBJECTS for c in cue.head.children)
    return (alone and cue.tag_ in {"VBG", "VBN"} and opening is not None and opening.i == cue.i
            and not any(c.dep_ in SUBJECTS | {"expl", "csubj"} for c in cue.children))


def _subject_of_sentence_before(sent: Span) -> Span | None:
    """The subject of the sentence before `sent` where it is a name or "he"/"she" (whom a fragment that follows
    goes on about); None for anything else ("it", "this", a description)."""
    if sent.start == 0:
        return None
    before = sent.doc[sent.start - 1].sent
    subject = next((c for c in before.root.children if c.dep_ == "nsubj"), None)
    if subject is None or not (subject.pos_ == "PROPN" or subject.lower_ in {"he", "she"}):
        return None
    start, end = subtree_span(subject) if subject.pos_ == "PROPN" else (subject.idx, subject.idx + len(subject))
    return sent.doc.char_span(*trim(sent.doc, start, end), alignment_mode="expand")


def _conjunct_subject(item: Found) -> Span | None:
    """'we've made it to Port Ellis, and Tamsin's uncle welcomes us, coos at our story, and says …': a verb joined
    on without a subject of its own speaks for the subject of the nearest clause before it in the same row, not
    for the first clause's; None where the mention already is that subject."""
    if item.cue is None or not len(item.cue) or not len(item.source):
        return None
    cue, source = item.cue.root, item.source.root
    if cue.dep_ != "conj" or source.dep_ not in SUBJECTS or source.head.i != cue.head.i or any(
            c.dep_ in SUBJECTS for c in cue.children):
        return None
    nearer = [s for verb in cue.head.children if verb.dep_ == "conj" and source.i < verb.i < cue.i
              for s in verb.children if s.dep_ in SUBJECTS and source.i < s.i < cue.i]
    if not nearer or nearer[-1].pos_ == "PRON" and nearer[-1].lower_ not in {"he", "she", "they"}:
        return None
    subject = nearer[-1]  # with the words before it that belong to it ("Tamsin's uncle"), not its appositions
    return cue.doc[subject.left_edge.i:subject.i + 1]


def _is_label_line(item: Found) -> bool:
    """A transcript line's statement (labels.speaker_labels): the cue is the colon right after the label."""
    return (item.cue is not None and item.cue.text == ":" and item.source is not None
            and item.cue.start_char == item.source.end_char)


# "The port is expected to reopen", "is widely believed to …": a belief raised to the subject with nobody named;
# outside anyone's statement the writer reports it (as "the feature appears to …").
RAISED_BELIEFS = {"expect", "assume", "believe", "think", "consider"}
# "This suggests …", "That shows …": a demonstrative pointing back at what the writer just set out.
INFERRING = {"suggest", "show", "indicate", "mean", "imply", "demonstrate", "prove"}
DEMONSTRATIVES = {"this", "that", "these", "those"}


def _raised_belief(item: Found) -> bool:
    cue = item.cue.root
    return (item.cue_class == "think" and cue.lemma_.lower() in RAISED_BELIEFS
            and any(c.dep_ == "auxpass" for c in cue.children) and not any(c.dep_ == "agent" for c in cue.children))


def _writers_inference(item: Found, mention: str) -> bool:
    """'This suggests the toolmakers were dedicated': the demonstrative source stands for the facts the writer
    has just given, outside anyone's statement; the inference is the writer's."""
    return (mention in DEMONSTRATIVES and item.parent is None and item.cue is not None
            and item.cue.root.lemma_.lower() in INFERRING and item.source is not None and len(item.source) == 1)


def _quoted(item: Found, quotes: list[tuple[int, int]]) -> bool:
    at = item.cue.start_char if item.cue is not None else item.content[0][0]
    return any(start <= at < end for start, end in quotes)


def _writer_voice(item: Found, quotes: list[tuple[int, int]]) -> bool:
    """'I'/'we' outside any quotation and nested in no one's statement, the subject of the cue's own verb."""
    if (item.parent is not None and item.parent.speaker is not None) or item.cue is None or not len(item.source):
        return False  # nested in a statement of someone's: theirs
    at = item.source.start_char
    if any(start <= at < end for start, end in quotes):
        return False
    subject = item.source.root
    return subject.dep_ in SUBJECTS and subject.head.i == item.cue.root.i


# Words of a byline that name no person: outlets, desks, the letters page, a date the reader took along.
NOT_PERSON_WORDS = {"news", "press", "staff", "times", "media", "letters", "letter", "editorial", "editors", "editor",
                    "board", "desk", "team", "agency", "agencies", "newsroom", "online", "reporters", "reporter",
                    "correspondent", "wire", "wires", "service", "services", "associated", "group", "network",
                    "january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december", "contributors", "contributor", "opinion", "the"}
NAME_WORD = re.compile(r"^[A-Z][\w'’.-]*$|^[A-Z]\.?$")


def byline_person(article: Article) -> str | None:
    """The one person the article's byline (`author`, as the reader found it) names, or None: several authors,
    an outlet ("The Economist", "Reuters"), a desk ("Letters") or junk ("CBS News February") name no one."""
    author = (article.author or "").strip()
    if not author:
        return None
    parts = [re.sub(r"^[Bb]y\s+", "", p).strip() for p in re.split(r";|,|&|\band\b|\n", author)]
    publisher = normalise_name(article.publisher or "")
    people = [p for p in parts if p and _person_name(p) and normalise_name(p) != publisher]
    return people[0] if len(set(people)) == 1 else None


def _person_name(text: str) -> bool:
    words = text.split()
    return (2 <= len(words) <= 4 and all(NAME_WORD.match(w) for w in words) and not is_outlet(text)
            and not any(w.lower().strip(".") in NOT_PERSON_WORDS for w in words)
            and not any(ch.isdigit() for ch in text) and not text.isupper())


def with_byline(article: Article, attributions: list[Attribution]) -> list[Attribution]:
    """The writer's statements (`WRITER`) given to the byline's person where there is one."""
    name = byline_person(article)
    if name is None or not any(a.speaker == WRITER for a in attributions):
        return attributions
    author = Speaker(name, "person", "writer")
    return [replace(a, speaker=author) if a.speaker == WRITER else a for a in attributions]
