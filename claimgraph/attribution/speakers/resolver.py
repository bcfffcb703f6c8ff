"""`SpeakerResolver`: one article's memory of who has been named, and the decisions that need it.

Mentions come in text order. "he"/"she" go to the person last named whose first name fits; "they" to the last
group or body; "it" to the body that spoke in the last few sentences; a surname, a role ("the mayor") or a
description ("the ministry", "the 48-year-old") to the one named earlier, unless it holds its role for someone else
("the family spokesperson": `_serves_someone`); a name to a person with role, title and affiliation (roles.py), an
outlet (names.py), an organisation or an anonymous source. An affiliation names a body: not a place the article
calls one (`_a_place`), a name cut at "and", an outlet spoken to (`_addressed`) or one ended by a comma before the
name (`_names_a_body`). Each identity is remembered
with the aliases the text used; "Microsoft Corp" and "Microsoft" are one, under the shorter name (`renamed`).
What one mention says on its own is in mentions.py, what the text around it says in nearby.py, names and roles as
copy writes them in names.py and roles.py; this module keeps what needs the article's memory.

`_resolve` tries its steps in order; the first that decides decides (a step returns PASS to leave the mention to
the next, None where it names nobody): a pronoun (`_pronoun`), a lower-case post signer (`_signed_post`), a
relative "which/who/that" (`_relative`), a quantifier "some/others" (`_quantified`); then, the mention stripped of a
caption and widened to a name it cuts, an account handle after a role (`_account_handle`), a name apposed after a
description (`_apposed_name`), a quantity noun "a string of" (`_counted_people`), a share "one in five"
(`_share_of_people`); last the core words to a person (`_person`) or a description (`_description`: a surname, an
outlet, a role `_role_holder`, a named head `_proper_name`, else `_described`).
"""

from __future__ import annotations

import enum
import itertools
import re
from dataclasses import replace

from spacy.attrs import DEP
from spacy.tokens import Doc, Span, Token

from claimgraph.attribution.cues import STATEMENT_NOUNS
from claimgraph.attribution.found import doc_text, relative_antecedent
from claimgraph.attribution.speaker_types import (
    HONORIFICS,
    LEGISLATORS,
    NOBLE,
    ORG_NOUNS,
    ROLE_HEADS,
    TITLES,
    TypeEvidence,
    first_names,
    known_organization,
    looks_like_full_name,
    name_key,
    person_noun,
)
from claimgraph.attribution.speakers.mentions import (
    DETERMINERS,
    GROUP_PRONOUNS,
    NAMED_DEPS,
    PERSON_PRONOUNS,
    PLACES,
    SELF_PRONOUNS,
    SUBJECTS,
    attached,
    bare_count,
    bare_plural_thing,
    before_dash,
    closeness,
    core_tokens,
    description_name,
    is_pronoun,
    name_after_description,
    name_beside_function_word,
    no_identity,
    noun_before_clause,
    page_furniture,
    strip_det,
    tokens_text,
    widened_to_entity,
    without_caption,
)
from claimgraph.attribution.speakers.names import (
    GENDERED,
    GENDERED_NOUNS,
    GENERATIONS,
    OUTLET_WORDS,
    POSTNOMINALS,
    body_name,
    full_name_after_role,
    gender_fits,
    handle_after_role,
    hyphened_particle,
    identity_fits,
    is_outlet,
    lower_case_signer,
    name_with_s,
    named_head,
    named_inside,
    outlet_name,
    owned_name,
    plural,
    same_body,
    surname_key,
    unshout,
)
from claimgraph.attribution.speakers.nearby import (
    body_described_before,
    describes,
    from_sentence_before,
    fronted_phrase,
    named_nearby,
    people_before,
    person_described_before,
    subordinate,
)
from claimgraph.attribution.speakers.roles import (
    EVALUATIVE,
    PORTFOLIOS,
    ROLE_WORDS,
    SAME_ROLE,
    body_before_title,
    body_kind,
    date_or_tag,
    in_brackets,
    person_name,
    portfolio_before_title,
    portfolio_of,
    role_of,
    split_role,
    title_words,
    with_title_words,
    without_courtesy,
    words_before,
)
from claimgraph.records import Speaker, normalise_name

# Quantifiers standing for part of a group named just before ("some", "others"), with the word that says so.
QUANTIFIERS = {"some": "some", "others": "other", "many": "many", "most": "most", "several": "several"}
# Shares of a group ("one in five", "21 per cent", "a third"): part of the people described just before.
SHARES = {"half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "cent", "percent"}

IT_WINDOW = 600

QUANTITY_NOUNS = {"string", "number", "handful", "couple", "series", "host", "majority", "minority", "dozen",
                  "dozens", "hundreds", "thousands", "scores", "lot", "lots", "raft", "slew", "chorus", "band"}
WH_WORDS = {"how", "what", "why", "whether", "where", "when", "whatever", "however"}

# What an outlet publishes: "the report" after "9to5Mac reported" is the outlet's, not the last source it quoted.
OUTLET_DOCUMENTS = {"report", "story", "article"}
YEAR_OLD = re.compile(r"^[Tt]he \d{1,3}-year-old$")
# Nouns by which copy names again a person it has just named ("the actress", "the billionaire"); not the words
# that bring in someone new ("the man", "a customer", "the victim").
KNOWN_AS = {"actress", "actor", "singer", "star", "billionaire", "millionaire", "businessman", "businesswoman",
            "politician", "entrepreneur", "author", "novelist", "comedian", "musician", "artist", "presenter",
            "player", "striker", "goalkeeper", "chef", "veteran", "campaigner", "activist", "founder", "rapper",
            "director", "filmmaker", "broadcaster", "tycoon", "magnate", "philanthropist"}



# Last words of a name cut short ("The Social Network and"): no body's name.
CUT_ENDS = {"and", "or", "of", "the", "for", "&", "in", "at", "to"}
# What a place is called ("the border town of Kestrova"): the name after "of" is a place, no body.
PLACE_NOUNS = {"town", "city", "village", "province", "region", "county", "district", "suburb", "island",
               "municipality", "neighbourhood", "neighborhood", "hamlet"}
# Those for whom an agent speaks ("the family spokesperson", "the spokesperson for the Marr family").
PRINCIPALS = {"family", "families", "parents", "relatives", "estate"}


def _noun_before_date(relative: Token) -> Token | None:
    """The noun right before a date or time that stands between it and a relative pronoun, where the parser took the
    date for the antecedent or hung the clause on the verb ("a TV report late last month that said …", "a
    dermatologist on Monday, who told him …"); None where no date stands there."""
    doc = relative.doc
    at = relative.i - 1
    while at >= 0 and doc[at].is_punct:
        at -= 1
    if at < 0 or doc[at].ent_type_ not in {"DATE", "TIME"}:
        return None
    while at >= 0 and doc[at].ent_type_ in {"DATE", "TIME"}:
        at -= 1
    if at >= 0 and doc[at].pos_ == "ADP":
        at -= 1  # "on Monday", "in June"
    if at < 0 or doc[at].pos_ not in {"NOUN", "PROPN"} or doc[at].ent_type_ in {"DATE", "TIME"}:
        return None
    return doc[at]


def _names_a_body(org: Span) -> bool:
    """An organisation the recogniser found before a name that may be the person's body: not one ended by a comma
    ("According to the Harbor Wire, Marr's mother, Ilse Marr": the outlet's phrase ends there), nor one word that is
    an adjective or says only what kind of body it is ("Dental receptionist Ilse Marr", "Agency spokesman …")."""
    doc = org.doc
    if org.end < len(doc) and doc[org.end].text == ",":
        return False
    return not (len(org) == 1 and (org[0].tag_ == "JJ" or org[0].lower_ in ORG_NOUNS))


def _addressed(org: Span, root: Token) -> bool:
    """An organisation the source speaks to, not one it belongs to ("Marr's publicist to the Harbor Wire"): "to"
    between it and the mention's head."""
    head = org.root
    while head.i != root.i and head.head.i != head.i:
        head = head.head
        if head.dep_ == "prep" and head.lower_ == "to":
            return True
    return False


def _serves_someone(root: Token, core: list[Token]) -> bool:
    """A role held for someone else ("the family spokesperson", "the spokesperson for the Brenn family", "the
    victim's lawyer"): never the person the sentence before is about."""
    return any(t.lower_ in PRINCIPALS or t.tag_ == "POS" for t in core if t.i < root.i) or any(
        c.dep_ == "prep" and c.lower_ == "for" for c in root.children)


# Heads of a description that name a member of a body, whose name may stand before them ("a Harbor Guard official").
MEMBER_HEADS = {"source", "official", "insider", "fighter", "militant", "employee", "staffer", "officer",
                "representative", "spokesman", "spokeswoman", "spokesperson", "commander", "agent"}


class Pass(enum.Enum):
    """What a step of `SpeakerResolver._resolve` returns where the case is not its own: the next step decides.
    (None is a decision: the mention names nobody.)"""

    PASS = "pass"


PASS = Pass.PASS


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
        # (appositions found on the DEP column, not token by token: most tokens are none)
        appositions = (doc.to_array(DEP) == doc.vocab.strings["appos"]).nonzero()[0].tolist() if doc else []
        self.beside = [t.i for t in (doc[i] for i in appositions) if t.pos_ == "PROPN" and t.ent_type_ != "PERSON"
                       and person_noun(t.head)]
        # Where statements stand (quotes, contents: character ranges) and the cues' words (token indices), set by
        # `resolve_speakers`: a name inside a statement, or the one a cue addresses, is not whom "he"/"she" points at.
        self.reported: list[tuple[int, int]] = []
        self.cues: set[int] = set()
        self.resolving: set[tuple[int, int]] = set()  # token ranges of the mentions being resolved (`_resolve`)
        self.described: dict[int, Speaker] = {}  # a "he"/"she" (token index) -> the one described it stood for

    def type_of(self, name: str) -> str | None:
        """'person' or 'organization' where the article's evidence says so (speaker_types), else None."""
        return self.evidence.type_of(name) if self.evidence is not None else None

    def _remember(self, speaker: Speaker, mention: str) -> Speaker | None:
        if not any(ch.isalnum() for ch in speaker.name):
            return None  # no identity without a name (the "’s" of "Let’s" once made an organisation "")
        mention = mention.strip()
        # "He" is how the text points at Sean Spicer, not another name of his: a pronoun is kept as the statement's
        # source_span, never as an alias (across articles "he" would otherwise join every man's aliases).
        alias = () if is_pronoun(mention) else (mention,)
        for i, known in enumerate(self.known):
            if known.key == speaker.key or same_body(known, speaker):
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
        """The identity named earlier whose name ends with `word` ("Vell" → Mara Vell, "ministry" → the Ministry);
        a body also by a mention of it ("the KCNA news agency" … "the agency")."""
        for known in reversed(self.known):
            if known.type in types and known.name.split() and surname_key(known.name.split()[-1]) == surname_key(
                    word):  # "Badri" is Ali al-Badri
                return known
            if known.type in types and "person" not in types and any(
                    alias.split()[-1].lower() == word.lower() for alias in known.aliases if alias.split()):
                return known
        return None

    def _surname(self, word: str, mention: Span) -> Speaker | None:
        """A surname alone ("Vell", "Mr Malone"): the person who spoke under a name ending with it, else the one
        named in full before the mention without speaking yet; None where there is neither. "The Beacon" is no
        surname: the body named earlier with that last word ("the Velder Free Beacon"), where there is one."""
        if len(mention) and mention[0].lower_ == "the":
            body = self._by_last_word(word, {"organization", "news_outlet"}) or self._named_body(word, mention)
            if body is not None:
                return body
        return self._by_last_word(word, {"person"}) or self._named_person(word, mention)

    def _named_body(self, word: str, mention: Span) -> Speaker | None:
        """The organisation named before `mention` (as a speaker or not) whose last word is `word`: "The Beacon"
        after "told the Velder Free Beacon"; None where there is none, or it is a person's name."""
        for ent in reversed([e for e in self.ents if e.end_char <= mention.start_char and e.label_ == "ORG"]):
            name = body_name(strip_det(ent.text))
            if len(name.split()) > 1 and name.split()[-1].lower() == word.lower() and (
                    self.type_of(name) != "person"):
                return Speaker(name, "news_outlet" if is_outlet(name) else "organization")
        return None

    def _named_person(self, surname: str, mention: Span) -> Speaker | None:
        """The person named in full before `mention` whose last word is `surname`, spoken yet or not."""
        if self.doc is None:
            return None
        named: dict[str, Span] = {}
        for ent in self.ents:
            if ent.end_char > mention.start_char:
                break
            if ent.label_ == "PERSON" or ent.label_ == "ORG" and self.type_of(strip_det(ent.text)) == "person":
                words = strip_det(owned_name(ent)[0].text).split()  # "told Harbor Wire Brenn was …": no Brenn
                while len(words) > 2 and words[-1].lower().strip(".,") in POSTNOMINALS | GENERATIONS:
                    words = words[:-1]  # "Neil Ford QC" is Ford
                if len(words) > 1 and surname_key(words[-1]) == surname_key(surname):
                    named.setdefault(normalise_name(" ".join(words)), ent)
        # "Mr Anderson" is not Zoe Anderson: the honorific's gender rules out a first name of the other's.
        words = mention.doc[max(mention.start - 1, 0):mention.end]
        honorific = next((t.lower_.rstrip(".") for t in words if t.lower_.rstrip(".") in GENDERED), None)
        named = {k: e for k, e in named.items() if gender_fits(strip_det(e.text), GENDERED.get(honorific))}
        if not named:
            return None
        # Several people of one surname ("Mark Meadows", later "Debbie Meadows"): the surname alone is, by the
        # convention of news copy, the one introduced first.
        ent = next(iter(named.values()))
        return self._person(with_title_words(ent), ent, [ent], ent.text)

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
                    self.type_of(strip_det(ent.text)) != "organization"):
                person = self._person(ent, ent, [ent], ent.text)
                return person if person is not None and person.type == "person" else None
        return None

    def _subject_before(self, mention: Span, core: list[Token]) -> Speaker | None:
        """'Mara Vell … . The former mayor said …', '… said the 48-year-old': the person who is the subject in the
        sentence before the mention or in its own sentence before it, where that is one person only (two people
        named there, or none, and nobody is taken); a gendered noun ("the actress") must fit the first name."""
        if self.doc is None:
            return None
        start = from_sentence_before(mention)
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
        names = {normalise_name(strip_det(e.text)).split()[-1] for e in people}
        if len(subjects) < 1 or len(names) != 1:
            return None
        person = self._person(subjects[-1], subjects[-1], [subjects[-1]], subjects[-1].text)
        gender = GENDERED_NOUNS.get(core[-1].lower_)
        if person is None or person.type != "person" or not gender_fits(person.name, gender):
            return None
        # A role of theirs that the description's title words do not fit ("Environment Secretary Piet Varn said …
        # The International Trade Secretary said"): someone else.
        words = {t.lower_ for t in core if t.lower_ not in DETERMINERS and not t.is_punct and t.lower_ not in {
            "former", "ex", "-"}}
        if person.role and core[-1].lower_ in ROLE_HEADS and not words <= set(person.role.lower().split()):
            return None
        return person

    def _counted_before(self, mention: Span, text: str) -> Speaker | None:
        """'A growing number are touting …' with no 'of': the people just described are counted ("AI
        researchers"), or nobody (a count is never an identity; the source span stays)."""
        people = people_before(mention)
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
        gender = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}.get(mention.text.strip().lower())
        if found is not None and identity_fits(found.name, gender):
            # "…," said King, who resigned from Meadows' office … He said …': a name inside the clause that
            # describes the last speaker is not who the next "he" is; nor one inside what was just said or quoted
            # ("Vell said the order came from Ilse Marr. … she added"), nor the one a cue addresses ("Vell told
            # Ilse Marr that … . …, she said").
            named = [e for e in named if not describes(e.root, at) and not self._in_statement(e, mention)
                     and not (e.root.dep_ in {"dobj", "dative"} and e.root.head.i in self.cues)
                     and not subordinate(e, mention) and not fronted_phrase(e, mention)]
        # The pronoun's gender rules out a first name the lexicon knows as the other's only ("Tomas Brand … She
        # said" is not Tomas Brand).
        named = [e for e in named if gender_fits(strip_det(e.text), gender)]
        if named:
            ent = named[-1]
            person = self._person(ent, ent, [ent], ent.text)
            if person is not None and person.type == "person" and identity_fits(person.name, gender):
                self.at[person.key] = ent.start_char
                return person
        if found is not None and not identity_fits(found.name, gender):
            # "Evan Sparks … Sasha Luccioni … Sparks says … she says": the last person whose first name does not
            # rule the pronoun out, or nobody.
            found = next((k for k in reversed(self.known) if k.type == "person" and k.key != found.key
                          and identity_fits(k.name, gender)), None)
        if found is None and mention.root.head.i in self.cues:
            # "The nun, who came to Port Ellis …, belonged to an order … . She says …": nobody named, the one person
            # described as the subject just before (an anonymous source of this article); not the "he" of another
            # verb ("He was stunned to be told …": the one told).
            head = person_described_before(mention, gender, self.reported, set(self.described))
            if head is not None and head.pos_ == "PRON":
                return self.described.get(head.i)
            if head is not None:
                found = self._resolve(self.doc[head.left_edge.i:head.i + 1])
                if found is not None:
                    self.described[mention.start] = found
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
        name = strip_det(ent.text)
        if self.type_of(name) == "organization":
            return False
        # One word the recogniser calls a person ("Skyrim") needs more: a first name, or a title or role beside it.
        return len(name.split()) > 1 or name in first_names() or (
            self.evidence is not None and self.evidence.scores(name)[0] >= 3)

    def _resolve(self, mention: Span) -> Speaker | None:
        """`_steps`, unless a step led back to a mention being resolved: an apposed name that the entity widening
        turns into its description again (a parse of scraped fragments looped until the stack ran out; fuzz test)."""
        where = (mention.start, mention.end)
        if where in self.resolving:
            return None
        self.resolving.add(where)
        try:
            return self._steps(mention)
        finally:
            self.resolving.discard(where)

    def _steps(self, mention: Span) -> Speaker | None:
        """The cases in order, the first that decides deciding (a step returns PASS to leave it to the next): what
        a function word stands for, then the mention made the span that names, then who or what that span names."""
        text = mention.text.strip()
        if not text or not len(mention):
            return None
        for step in (self._pronoun, self._signed_post, self._relative, self._quantified):
            found = step(mention, text)
            if found is not PASS:
                return found
        mention = without_caption(mention)
        if mention is None or page_furniture(mention):
            return None
        mention = noun_before_clause(widened_to_entity(mention))
        if mention[0].lower_ in WH_WORDS:
            return None  # "… to predict how much energy AI consumes": a clause, not a speaker
        root = mention.root  # the steps below read this head even where the mention gives way to a name beside it
        mention = name_beside_function_word(mention)
        for step in (self._account_handle, self._apposed_name, self._counted_people, self._share_of_people):
            found = step(mention, root, text)
            if found is not PASS:
                return found
        return self._person_or_description(mention)

    def _pronoun(self, mention: Span, text: str) -> Speaker | None | Pass:
        """'he'/'she' to the person last named, 'they' to the last group or body, 'it' to the body that spoke last;
        'I'/'we' to nobody here. PASS for any other mention."""
        lower = text.lower()
        if lower in PERSON_PRONOUNS or lower == "his":  # "his admission that …": the one who admits
            found = self._last_person(mention)
            return self._remember(found, text) if found else None
        if lower in GROUP_PRONOUNS:
            found = self.latest({"anonymous", "organization", "unknown", "news_outlet"})
            if found is not None and found.type == "news_outlet" and (
                    found is not self.known[-1] or self._plural_since(found, mention)):
                # "The Daily Ledger reported … They said …": the outlet where it spoke last and nothing plural
                # was named since ("… took it to the reps, they refused", "some media outlets. They added"); else
                # the group or body before it, as before outlets were read.
                found = self.latest({"anonymous", "organization", "unknown"})
            if found is None or mention.start_char - self.at.get(found.key, -IT_WINDOW) >= IT_WINDOW:
                # "… left some of the state's energy experts bewildered. They said …": the people just described.
                found = people_before(mention) or found
            return self._remember(found, text) if found else None
        if lower == "it":
            return self._last_body(mention, text)
        if lower in SELF_PRONOUNS:
            return None  # resolved by the caller from the enclosing quote
        return PASS

    def _plural_since(self, known: Speaker, mention: Span) -> bool:
        """Whether a plural noun stands between the latest mention of `known` and `mention` (whom a "they" may
        be), or `known` is named only after it ("… doctors told him …, the Ledger reported")."""
        at = self.at.get(known.key, 0)
        return self.doc is None or at > mention.start_char or any(
            t.tag_ in {"NNS", "NNPS"} and at <= t.idx for t in self.doc[:mention.start])

    def _last_body(self, mention: Span, text: str) -> Speaker | None:
        """'it'. "The company said … It added …": the organisation (or the report, the statement) that spoke last, if
        it spoke in the last few sentences (IT_WINDOW characters); else nobody."""
        bodies = [k for k in reversed(self.known) if k.type in {"organization", "news_outlet"} or (
            k.type == "anonymous" and k.name.split()[-1].lower() in STATEMENT_NOUNS)]
        if bodies and mention.start_char - self.at.get(bodies[0].key, -IT_WINDOW) < IT_WINDOW:
            return self._remember(bodies[0], text)
        # Else one that spoke earlier and is named again just before ("Microsoft’s goal … , it said").
        named = next((k for k in bodies if named_nearby(k, mention)), None)
        if named is not None:
            return self._remember(named, text)
        if self.doc is None or mention.root.head.i not in self.cues:
            return None  # "It came as the mayor announced …": the "it" of another verb does not speak
        # Else the one body (or statement) the subject just before names ("Harbor News Service was among the
        # first … . It said …").
        subject = body_described_before(mention, self.reported, set(self.described), STATEMENT_NOUNS)
        if subject is not None and subject[0].lower_ == "it":
            return self.described.get(subject.start)
        found = self._resolve(subject) if subject is not None else None
        if found is not None and found.type in {"organization", "news_outlet", "anonymous"}:
            self.described[mention.start] = found
            return self._remember(found, text)
        return None

    def _signed_post(self, mention: Span, text: str) -> Speaker | None | Pass:
        """A display name in lower case signing an embedded post (`lower_case_signer`); PASS for any other."""
        signer = lower_case_signer(mention)
        if signer is not None:
            return self._remember(signer, text)
        return PASS

    def _relative(self, mention: Span, text: str) -> Speaker | None | Pass:
        """'which'/'who'/'that' opening a relative clause: its antecedent, or nobody; PASS for any other mention."""
        if text.lower() in {"which", "who", "that"} and (mention.root.head.dep_ == "relcl" or (
                before_date := _noun_before_date(mention.root)) is not None):
            # "… a Mail on Sunday poll which shows that …": the relative's antecedent is the source.
            noun = relative_antecedent(mention.root.head.head, mention.root) if mention.root.head.dep_ == "relcl" \
                else before_date
            if noun.ent_type_ in {"DATE", "TIME"}:
                # "saw a dermatologist on Monday, who told him …": the date is when, the noun before it who.
                noun = _noun_before_date(mention.root) or noun
            if noun.pos_ in {"NOUN", "PROPN"} and noun.ent_type_ not in {"DATE", "TIME"} and noun.i < mention.start:
                # The antecedent's words before the relative clause ("a string of Tory MPs who said …").
                words = [t for t in noun.subtree if t.i < mention.root.head.left_edge.i and not t.is_space]
                while words and words[-1].is_punct:
                    words.pop()
                return self._resolve(mention.doc[words[0].i:words[-1].i + 1] if words
                                     else mention.doc[noun.left_edge.i:noun.i + 1])
            return None
        return PASS

    def _quantified(self, mention: Span, text: str) -> Speaker | None | Pass:
        """'some', 'others', 'many' alone: part of a group of people, or nobody; PASS for any other mention."""
        lower = text.lower()
        if lower in QUANTIFIERS:
            # "On a forum for teachers, some wrote …", "One academic told … Others reported …": part of the people
            # just described, an anonymous source of this article ("some teachers", "other academics").
            if lower == "others":
                people = self._rest_of_group(mention)
            else:
                found = people_before(mention)
                people = found.name if found is not None else None
            if people is None:
                return None
            return self._remember(Speaker(f"{QUANTIFIERS[lower]} {people}", "anonymous"), text)
        return PASS

    def _rest_of_group(self, mention: Span) -> str | None:
        """'Others': the rest of a group a source was just taken from ("some teachers", "one academic"), or nobody."""
        part = next((k for k in reversed(self.known) if k.type == "anonymous" and k.name.split()[0] in {
            "some", "one", "many", "most", "several"} and len(k.name.split()) > 1), None)
        recent = part is not None and mention.start_char - self.at.get(part.key, -IT_WINDOW) < IT_WINDOW
        return plural(" ".join(part.name.split()[1:])) if recent else None

    def _account_handle(self, mention: Span, root: Token, text: str) -> Speaker | None | Pass:
        """'Twitter user MAbiga6 replies': the account's handle is the person (`handle_after_role`); else PASS."""
        handle = handle_after_role(root)
        if handle is not None:
            return self._remember(Speaker(root.text, "person", handle), text)
        return PASS

    def _apposed_name(self, mention: Span, root: Token, text: str) -> Speaker | None | Pass:
        """A name set after a description inside the mention (`name_after_description`) is resolved in its place;
        else PASS."""
        apposed = name_after_description(root)
        if apposed is not None and apposed.right_edge.i < mention.end:
            return self._resolve(mention.doc[apposed.left_edge.i:apposed.right_edge.i + 1])
        return PASS

    def _counted_people(self, mention: Span, root: Token, text: str) -> Speaker | None | Pass:
        """A quantity noun ("a string of", "a number of"): the people it counts, or with no "of" the people just
        described (`_counted_before`); PASS for any other head."""
        if root.lower_ in QUANTITY_NOUNS:
            # "a string of Tory MPs", "a number of residents": the people counted speak, not the count.
            of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            counted = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if counted is not None and counted.right_edge.i < mention.end:
                return self._resolve(mention.doc[counted.left_edge.i:counted.i + 1])
            if bare_count(root):
                return self._counted_before(mention, text)
        return PASS

    def _share_of_people(self, mention: Span, root: Token, text: str) -> Speaker | None | Pass:
        """A number or share with no "of" ("one in five", "21 per cent"): part of the people just described; PASS
        where none were, so that the mention is read as any description."""
        if (root.pos_ == "NUM" or root.lower_ in SHARES) and not any(c.dep_ == "prep" and c.lower_ == "of" for c in
                                                                      root.children):
            # "Only one in five (21 per cent) thought …" after "68 per cent of people believed …": a share of the
            # people just described, an anonymous source of this article ("one in five people"); nobody where no
            # group of people was described.
            people = people_before(mention)
            words = list(itertools.takewhile(lambda t: not t.is_punct, mention))
            share = [t.text for t in words if t.pos_ == "NUM" or t.lower_ in SHARES | {"in", "out", "of", "per", "a"}]
            if people is not None and share:
                of = " of " if share[-1].lower() in SHARES else " "  # "73 percent of registered voters"
                return self._remember(Speaker(f"{' '.join(share)}{of}{people.name}", "anonymous"), text)
            # Else as any description ("Twelve percent indicated …": anonymous), or nobody ("one in five").
        return PASS

    def _person_or_description(self, mention: Span) -> Speaker | None:
        """The mention's core words: the person it names (`_person`), else what it describes (`_description`)."""
        core = core_tokens(mention)
        if no_identity(core):
            return self._name_like_function_word(mention, core)
        alias = tokens_text(core)
        named = [t for t in core_tokens(mention, NAMED_DEPS)]
        every = self.ents if self.doc is not None else list(mention.ents)  # Span.ents rebuilds the Doc's: read once
        ents = [e for e in every if named and named[0].i <= e.start and e.end <= named[-1].i + 1]
        person = self._person_named(mention, core, ents)
        if person is not None:
            if not core[0].i <= person.start < core[-1].i + 1:
                alias = person.text  # "A spokesman, Eric Pahon, said": the name is the mention of him
            return self._person(mention, person, ents, alias)
        return self._description(mention, core, ents, alias)

    def _name_like_function_word(self, mention: Span, core: list[Token]) -> Speaker | None:
        """An acronym spelt like a function word ("the WHO said"): the body the recogniser names in capitals; else
        None, as for any function word."""
        words = [t for t in core if not t.is_punct and t.lower_ not in DETERMINERS]
        if len(words) == 1 and words[0].is_alpha and len(words[0]) > 1 and words[0].text.isupper() \
                and words[0].ent_type_ == "ORG":
            return self._remember(Speaker(words[0].text, "organization"), tokens_text(core))
        return None

    def _person_named(self, mention: Span, core: list[Token], ents: list[Span]) -> Span | None:
        """The person's name among the mention's entities that the mention is about, or None."""
        # A plural head ("Tory MPs") is a group, whatever the entity recogniser says; a name after a preposition
        # or a possessive is not the speaker ("a spokesperson for OpenAI", "Vell's lawyer"), nor one the article
        # shows to be an organisation.
        people = [e for e in ents if e.label_ == "PERSON" and (
                  e.root.tag_ not in {"NNS", "NNPS"} or looks_like_full_name(strip_det(e.text)))
                  and not attached(e, mention.root) and self.type_of(strip_det(e.text)) != "organization"]
        # The name the mention is about first ("Harbor Lights supporter Ilse Marr": Ilse Marr).
        return next((e for e in people if e.start <= mention.root.i < e.end), None) or next(
            (e for e in people if e.start >= core[0].i and e.end <= core[-1].i + 1), None) or next(iter(people), None)

    def _description(self, mention: Span, core: list[Token], ents: list[Span], alias: str) -> Speaker | None:
        """A mention without a person's name, in order: a surname alone, an outlet, a role ("the mayor"), a known
        person described ("the actress"), a statement ("a poll"), a named body, else a described source."""
        root = mention.root
        words = [t for t in core if not t.is_punct and t.lower_ not in {"'s", "’s"}]
        if len(words) == 1 and words[0].text[:1].isupper() and words[0].is_alpha:
            # A surname alone ("Meadows has not ruled out …", "Bloomberg said" in an article about Michael
            # Bloomberg) is the person named in full before it, as a speaker or not, even where it is also an
            # outlet's name or the tagger took it for a plural noun.
            known = self._surname(words[0].text, mention)
            if known is not None:
                return self._remember(known, alias)
        outlet = outlet_name(alias)
        documents = [k for k, t in enumerate(core) if t.lower_ in OUTLET_DOCUMENTS]
        if outlet is None and documents:
            # "The Harbor Wire report", "Harbor Wire's story", "a report by Harbor Wire": the outlet's own report is
            # the outlet's word (not "an interview with Harbor Wire": the one interviewed speaks).
            at = documents[0]
            before = [t for t in core[:at] if t.lower_ not in {"'s", "’s"}]
            after = core[at + 2:] if at + 2 < len(core) and core[at + 1].lower_ in {"by", "in", "from"} else []
            outlet = (outlet_name(tokens_text(before)) if before else None) or (
                outlet_name(tokens_text(after)) if after else None)
        if outlet is not None:  # "The Economist", "the Associated Press news agency", "ABC13"
            return self._remember(Speaker(outlet, "news_outlet"), alias)
        if known_organization(strip_det(alias)):
            # "al-Shabab", "the Taliban": a body on the organisation list, whose lower-case particle or article the
            # steps below would read as a description ("al").
            return self._remember(Speaker(strip_det(alias), "organization"), alias)
        if root.lower_ in NOBLE and core[0].lower_ in DETERMINERS and not any(
                t.pos_ == "PROPN" and t.i != root.i for t in core):
            # "the new King", "The Queen": the person named with that title before, else one described; a title
            # of nobility alone is no body's name (FNC-1 design: "the new King" an organisation). No role: a "she"
            # after "the duchess" stays the person named (realweb, cnn royal: "she" was the anonymous duchess).
            known = self._titled_before(root.lower_, mention)
            return self._remember(known or Speaker(description_name(core), "anonymous"), alias)
        # "the Conservative MP", "the International Trade Secretary" (which the recogniser may read as a body).
        titled = core[0].lower_ in DETERMINERS and root.tag_ in {"NN", "NNP"} and not any(
            e.label_ == "PERSON" for e in ents)
        if root.lower_ in ROLE_HEADS and (titled or not any(t.pos_ == "PROPN" for t in core if t.i < root.i)):
            return self._role_holder(mention, core, ents, alias)
        if core[0].lower_ == "the" and not any(t.pos_ == "PROPN" for t in core) and (
                YEAR_OLD.match(tokens_text(core)) or root.lower_ in KNOWN_AS):
            # "the 48-year-old", "the actress": the one person the sentence before (or this one) is about.
            known = self._subject_before(mention, core)
            if known is not None:
                return self._remember(known, alias)
        org, root_named = named_head(mention, core, ents, alias)
        if core[-1].pos_ == "NOUN" and core[-1].lower_ in STATEMENT_NOUNS and core[-1].i > root.i:
            # "a Mail on Sunday poll", parsed with the paper as head: the poll speaks, a description.
            return self._remember(Speaker(description_name(core), "anonymous"), alias)
        if root_named:
            return self._proper_name(mention, core, ents, alias, org)
        return self._described(mention, core, ents, alias)

    def _titled_before(self, title: str, mention: Span) -> Speaker | None:
        """The person named before `mention` with a title of nobility ("King Tomar II" … "the King"), as a speaker
        or not: the one named last where that was in the last few sentences ("… the new Saudi King Salman … the new
        King"), else the one named first, whom the story is about ("Pope Francis" over a past "Pope Paul VI", as a
        surname alone is the one introduced first); None where there is none."""
        doc = mention.doc
        named: list[Span] = []
        for token in doc[:mention.start]:
            if token.lower_ == title and token.text[:1].isupper() and token.i + 1 < mention.start and (
                    doc[token.i + 1].pos_ == "PROPN"):
                end = token.i + 1
                while end < mention.start and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
                    end += 1
                named.append(doc[token.i:end])
        if not named:
            return None
        span = named[-1] if mention.start_char - named[-1].end_char < IT_WINDOW else named[0]
        # The name alone: what stands beside a mention describes that one ("… King Salman and the President at
        # Riyadh, the capital", which the parser may hang on the name); the person where they spoke already.
        name = person_name(span, span)[1]
        return next((k for k in reversed(self.known) if k.type == "person" and normalise_name(name).endswith(
            normalise_name(k.name))), None) or Speaker(name, "person")

    def _role_holder(self, mention: Span, core: list[Token], ents: list[Span], alias: str) -> Speaker | None:
        """A description by a role ("the mayor", "a spokesperson for the HEA"): the person named earlier with it,
        else an anonymous source named by the description."""
        root = mention.root
        known = self._by_role(root.lower_, [t.lower_ for t in core if t.i <= root.i and t.lower_ not in DETERMINERS
                                             and not t.is_punct])
        if known is None and core[0].lower_ == "the" and len(core) == 2:
            known = self._named_with_role(root, mention)  # "the spokesperson": the one named earlier
        if known is None and core[0].lower_ == "the" and len(core) == 2:
            # "The Mother Abbess … explained … the abbess said": the one source described earlier by that role.
            known = self._one_described_as(root.lower_)
        if known is None and core[0].lower_ == "the" and not _serves_someone(root, core):
            # "Vell … The former mayor said"; not "the man's attorney" or "the family spokesperson", who serve others.
            known = self._subject_before(mention, core)
        if known is not None and core[0].lower_ == "the":
            return self._remember(known, alias)
        # "a doctor", "the city's mayor" without a name: an anonymous source of this article.
        # Named by its role, with the organisation it names as affiliation ("a spokesperson for the HEA",
        # "a spokesperson for OpenAI" where the recogniser took OpenAI for a person).
        affiliation = next((strip_det(e.text) for e in ents if e.start > root.i and not _addressed(e, root) and (
            e.label_ == "ORG" or e.label_ == "PERSON" and self.type_of(strip_det(e.text)) == "organization")), None)
        # The whole description is the name, so that two spokespeople of different bodies stay two; the role is the
        # head with the title words right before it ("the vice president of the union", "the Pentagon's press
        # secretary": vice president, press secretary); a word in capitals is a name ("a Vice spokesman": the
        # outlet's, "a Homeland Security spokesman") or of a title the head alone stands for ("the International
        # Trade Secretary": secretary), no title word.
        first, doc = root.i, mention.doc
        while first > core[0].i and doc[first - 1].lower_ in ROLE_WORDS | PORTFOLIOS and doc[first - 1].dep_ in {
                "compound", "amod"} and (doc[first - 1].text.islower() or doc[first - 1].is_sent_start):
            first -= 1  # "Former head of …" capitalised by its place
        role = " ".join(t.lower_ for t in doc[first:root.i + 1])
        affiliation = affiliation or self._body_before_head(core, root)
        # "But the abbess denied … . The Mother Abbess of the monastery explained": the title alone, met first, is
        # the one now described in full (its statements take the fuller name), where only one was met so.
        titled_only = self._one_described_as(root.lower_, title_only=True)
        speaker = self._remember(Speaker(description_name(core), "anonymous", role, self._body_named(affiliation)),
                                 alias)
        if speaker is not None and titled_only is not None and titled_only.key != speaker.key:
            self.renamed[titled_only.key] = speaker.key
            self.known = [k for k in self.known if k.key != titled_only.key]
        return speaker

    def _one_described_as(self, head: str, title_only: bool = False) -> Speaker | None:
        """The one anonymous source of this article whose role ends with `head` ("abbess" for "the Mother Abbess";
        with `title_only`, one written as "the" and that word only, "the abbess", not a description the parse cut
        short: "A spokesperson and self-proclaimed secretary general for …"); None where there are none or several
        (two spokespeople of different bodies stay two)."""
        role = SAME_ROLE.get(head, head)
        same = [k for k in self.known if k.type == "anonymous" and k.role and SAME_ROLE.get(
            k.role.split()[-1], k.role.split()[-1]) == role and (not title_only or k.name.lower() == head and all(
                len(a.split()) == 2 and a.split()[0].lower() == "the" for a in k.aliases))]
        return same[0] if len(same) == 1 else None

    def _body_before_head(self, core: list[Token], root: Token) -> str | None:
        """'a Harbor Guard official', 'an al Shabab source': the body named in the words right before a member's
        head, where the name is a body's (an organisation entity, the organisation or outlet list, or the article's
        evidence); not a people or a place ("a South Korean official"), nor a service one uses ("a Twitter user":
        the head is no member's)."""
        if root.lemma_.lower() not in MEMBER_HEADS and root.lower_ not in ROLE_HEADS:
            return None
        words: list[Token] = []
        for token in reversed([t for t in core if t.i < root.i]):
            if token.dep_ != "compound" or not (token.text[:1].isupper() or token.lower_ in {"al", "el"}):
                break
            words.insert(0, token)
        if not words:
            return None
        doc, first = root.doc, words[0].i
        if first >= 2 and hyphened_particle(doc[first - 2]) and doc[first - 2] in core:
            words = [doc[first - 2], doc[first - 1]] + words  # "al-Qaida militants": the particle is the name's
        name = tokens_text(words)
        if known_organization(name) or outlet_name(name) is not None:
            return name  # on a list, whatever the recogniser calls it ("an Islamic State fighter": a people)
        while words and (words[-1].lower_ in ROLE_WORDS | TITLES | MEMBER_HEADS or root.lower_ in {
                "secretary", "minister"} and words[-1].lower_ in PORTFOLIOS):
            words = words[:-1]  # "Home Secretary", "Deputy Official Spokesman": words of the title, no body
        if not words:
            return None
        name = tokens_text(words)
        if any(t.ent_type_ in {"NORP", "GPE", "LOC"} for t in words):
            return None  # "a South Korean official", "a Pyongyang watcher": a people or a place, no body
        written = rf"\b(?!of\b)[a-z]+,? {re.escape(name)}\b(?! [A-Z])"  # after a lower-case word, ending a name
        if words[0].is_sent_start and not re.search(written, doc_text(doc)):
            # "Security officials said": the capital is the sentence's, unless the article writes it so elsewhere
            # as a name of its own (not inside a longer one: "the Ministry of Health", "Health Organization").
            return None
        return name if all(t.ent_type_ == "ORG" for t in words) or self.type_of(name) == "organization" else None

    def _proper_name(self, mention: Span, core: list[Token], ents: list[Span], alias: str,
                     org: Span | None) -> Speaker | None:
        """A mention whose head is a name (`named_head`): a person named earlier by surname, an outlet, a person
        the recogniser took for a body, an organisation, or one word nobody has placed."""
        root = mention.root
        name = strip_det(org.text if org is not None and len(org) >= len(core) - 1 else alias)
        if org is not None and org.end <= root.i and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in
                                                         mention.doc[org.end:root.i + 1]):
            # "The California Independent System Operator": the recogniser stopped short of the head.
            name = strip_det(mention.doc[org.start:root.i + 1].text)
        if self.doc is not None:
            name = name_with_s(name, alias, self.evidence.text)  # "McDonald’s", never written without its "’s"
        if len(name.split()) == 1:
            # A surname alone ("Korotchenko") is the person named in full earlier, if there is one, as a
            # speaker or not ("Usman Hasib runs the salon … Hasib said").
            known = self._surname(name, mention)
            if known is not None:
                return self._remember(known, alias)
        body = body_name(name)  # "the Britain-based Syrian Observatory", "the Velder monitoring group"
        kind = "news_outlet" if is_outlet(name) or is_outlet(body) or (
            len(body.split()) > 1 and body.split()[-1].lower() in OUTLET_WORDS) else "organization"
        evidence = self.type_of(name) if kind != "news_outlet" else None
        if evidence == "person":
            # "Ilan Moss scoffed", "Gustavo Faleiros, an editor at …": a person the recogniser took for a body,
            # with the title and apposition a person's name gets.
            span = org if org is not None and org.start <= root.i < org.end else mention.doc[
                core[0].i:core[-1].i + 1]
            return self._person(mention, span, ents, alias)
        named = mention.doc[core[0].i:core[-1].i + 1]
        owned, owner = owned_name(named) if kind != "news_outlet" else (named, None)
        if owner is not None and not any(t.like_num for t in owned) and (
                looks_like_full_name(owned.text) or self.type_of(owned.text) == "person" or (
                is_outlet(owner) and full_name_after_role(owned.text.split(), known_first_name=False))):
            # "According to Harbor Wire's Tova Brenn", which the recogniser read as a body: the person, of it (a
            # name after an outlet's possessive is its reporter's, whatever the first name).
            return self._person(mention, named, ents, alias)
        inner = named_inside(name)
        if inner is not None:
            # "Harbor Lights supporter Ilse Marr" read as one organisation: the person after the role noun; "film
            # industry magazine Velder" is the magazine (`body_kind`).
            kind = body_kind(inner[0])
            return self._remember(Speaker(inner[1], kind or "person", None if kind else inner[0]), alias)
        if body != name:
            # No person's name in it: the body's name without the words that describe it, which may say what kind
            # of body it is ("film industry publication Ravenel", "the Velder monitoring group").
            known = self._surname(body, mention) if len(body.split()) == 1 else None
            if known is not None:
                return self._remember(known, alias)  # "fan websites DeJesus": Ana DeJesus, named before
            at = name.find(body)
            said = body_kind(name[:at].strip()) or body_kind(name[at + len(body):].strip()) if at >= 0 else None
            if said is not None:
                return self._remember(Speaker(body, "news_outlet" if kind == "news_outlet" else said), alias)
            name = body
        if evidence == "organization":
            return self._remember(Speaker(name, "organization"), alias)
        if org is None and kind != "news_outlet" and self.doc is not None and any(
                e.label_ == "PERSON" and normalise_name(e.text) == normalise_name(name) for e in self.ents):
            # A name the recogniser missed here ("Ilse Marr:" opening a transcript line) and took for a
            # person elsewhere in the article.
            return self._remember(Speaker(name, "person"), alias)
        role, words = split_role(name.split())
        if role and len(words) <= 3 and kind != "news_outlet" and all(w[:1].isupper() for w in words):
            # "Ex-Environment Secretary THERESA VILLIERS says", "Mr Malone:": a title before a name is a
            # person's; a surname alone is the person named in full earlier where there is one. A body's kind is no
            # title: "film industry magazine Velder reports" is the magazine (`body_kind`).
            if body_kind(role) is not None:
                return self._remember(Speaker(" ".join(words), body_kind(role)), alias)
            known = None
            if len(words) == 1:
                known = self._surname(words[0], mention)
            return self._remember(known or Speaker(unshout(" ".join(words)), "person", without_courtesy(role)),
                                  alias)
        if org is None and kind != "news_outlet" and root.ent_type_ in {"", "PERSON"}:
            # A lone capitalised word no recogniser placed: a person when tagged so, else nobody knows.
            kind = "person" if root.ent_type_ == "PERSON" else ("unknown" if len(core) == 1 else "organization")
        return self._remember(Speaker(name, kind), alias)

    def _described(self, mention: Span, core: list[Token], ents: list[Span], alias: str) -> Speaker | None:
        """Described, not named: a statement of the last speaker, a body named earlier by its head word, an
        anonymous source, or nobody where the words describe things."""
        root = mention.root
        head = root.lemma_.lower()
        if head in STATEMENT_NOUNS and core[0].lower_ == "the" and len(core) == 2:
            # "the statement": the document of the last speaker named (not an outlet relaying it).
            # An outlet's own document ("9to5Mac reported … the report said") is the outlet's.
            found = self.latest({"organization", "person", "anonymous"} | (
                {"news_outlet"} if head in OUTLET_DOCUMENTS else set()), exclude_outlets=head not in OUTLET_DOCUMENTS)
            if found is not None and not (found.type == "anonymous" and found.name.split()[-1] in STATEMENT_NOUNS):
                return self._remember(found, alias)
        # A description ("the ministry", "the department") is the organisation named earlier with that head word;
        # "the source" the source described earlier ("a source close to the council").
        if core[0].lower_ == "the":
            known = self._by_last_word(root.lower_, {"organization", "news_outlet"})
            if known is None and len(core) == 2:
                known = next((k for k in reversed(self.known) if k.type == "anonymous" and len(k.name.split()) > 2
                              and k.name.split()[0] == root.lower_), None)
            if known is not None:
                return self._remember(known, alias)
        # "officials at the Northgate Port Authority", "a company", "the letter": described, not named. Anonymous
        # (the store keeps these per article), with the organisation named in the mention as affiliation.
        affiliation = next((strip_det(e.text) for e in ents if e.label_ == "ORG" and e.start > root.i
                            and not _addressed(e, root)), None) or self._body_before_head(core, root)
        words = [t for t in core if t.i <= root.i] or core
        close = closeness(root)
        if close is not None:
            # "a source close to the council", "sources familiar with the plans": who they are close to is part of
            # the description, so that two sources of one article close to different bodies stay two.
            words = [t for t in core if t.i <= close.right_edge.i]
        if bare_plural_thing([t for t in words if not t.is_punct]) and not any(
                t.pos_ == "PROPN" or t.ent_type_ for t in mention if t.i > root.i):  # "Data published by OpenAI"
            return None  # "signs in some locations that say …", "Tests show …": things, not an identity
        return self._remember(Speaker(description_name(words), "anonymous", None, self._body_named(affiliation)),
                              alias)

    def _body_named(self, affiliation: str | None, name: str | None = None) -> str | None:
        """`affiliation` where it may name a body; None where it is the speaker itself ("Velder Post" typed a person
        with itself as its body) or names a person the article shows to be one: named in full ("the wife of the
        president, Daniel Ortega"; not a name the recogniser also tags as a body, "Boko Haram leader …"), at the end
        after a noun or a title ("son of the late drummer Ilse Marr", "First Lady Ilse Marr"; not "Keller Williams
        Greater Cleveland West"), or by the surname of one named in full ("Woodard's brother, Allen" after "Jeremy
        Woodard", which the recogniser may tag as a body)."""
        if affiliation is None or name is not None and normalise_name(affiliation) == normalise_name(name):
            return None
        key, words = normalise_name(affiliation), affiliation.split()
        if words[-1].lower() in CUT_ENDS:
            return None  # "scriptwriter of The Social Network and The West Wing": a name cut at its "and"
        labels = self.evidence.labels.get(name_key(affiliation), []) if self.evidence is not None else []
        if labels.count("GPE") + labels.count("LOC") > labels.count("ORG") or self._a_place(affiliation):
            return None  # "Harbor Town district chief Ilse Marr", "a student from Harbor Town": a place elsewhere
        for ent in self.ents:
            if ent.label_ != "PERSON" or self.type_of(strip_det(ent.text)) != "person":
                continue  # the recogniser's PERSON alone is weak ("Boko Haram", "Marine Corps")
            person = normalise_name(strip_det(ent.text))
            before = words[-len(person.split()) - 1] if len(words) > len(person.split()) else ""
            apposed = key.endswith(" " + person) and (before.islower() or before.lower().rstrip(".") in TITLES | (
                HONORIFICS))
            surname = len(key.split()) == 1 and len(person.split()) > 1 and person.split()[-1] == key
            if key == person and "ORG" not in labels or apposed or surname:
                return None
        return affiliation

    def _a_place(self, name: str) -> bool:
        """Whether the article calls `name` a place ("the border town of Kestrova"), whatever the recogniser says."""
        if self.doc is None:
            return False
        last = name.split()[-1]
        return any(t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in PLACE_NOUNS
                   and self.doc[t.left_edge.i:t.i + 1].text.endswith(name) for t in self.doc if t.text == last)

    def _affiliation(self, pobj: Token) -> str | None:
        """The organisation an apposition names ("a spokeswoman for the company", "an editor at InfoAmazonia"):
        an organisation named in the text, or the one named earlier with that head word; a description that
        names none ("a local school") is no affiliation."""
        if pobj.ent_type_ == "GPE":
            return None
        named = next((c for c in pobj.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > pobj.i), None)
        if named is not None and pobj.pos_ == "NOUN":
            # "an editor at the environmental news group InfoAmazonia": the body's name, not its description.
            return strip_det(tokens_text([t for t in named.subtree if t.i <= named.i and t.i > pobj.i]))
        for ent in pobj.doc.ents:
            if ent.label_ in {"ORG", "FAC"} and ent.start <= pobj.i < ent.end:
                return strip_det(ent.text)
        if pobj.pos_ == "PROPN":
            words = [t for t in pobj.subtree if t.i <= pobj.i]
            kind = [k for k, t in enumerate(words[:-1]) if t.lower_ in ORG_NOUNS and t.text.islower() and words[
                k + 1].pos_ == "PROPN"]
            if kind:  # "the environmental news group Amazonwatch": the name after what kind of body it is
                words = words[kind[-1] + 1:]
            return strip_det(tokens_text(words))
        named = [t for t in pobj.subtree if t.i <= pobj.i]
        if any(t.ent_type_ == "ORG" and t.pos_ == "PROPN" for t in named):
            # "a key member of the White House's coronavirus task force": a body named by its owner.
            return strip_det(tokens_text(named))
        known = self._by_last_word(pobj.text, {"organization", "news_outlet"})
        return known.name if known is not None else None

    def _person(self, mention: Span, person: Span, ents: list[Span], alias: str) -> Speaker | None:
        """The person a name in the mention names: the name less its title and letters (`person_name`), the role
        the words before or beside it give, the organisation named before it as affiliation; one word is the person
        named in full earlier, and a name the article shows to be a body is that body."""
        whole = before_dash(person)
        person, owner = owned_name(whole)  # "Harbor Wire's Tova Brenn": Tova Brenn, of Harbor Wire
        person, name, role = person_name(mention, person)
        affiliation = None
        before = words_before(mention, person)
        if owner is not None:  # the owner's words are its name, not the person's title ("Harbor Wire's Tova Brenn")
            cut = max([t.i for t in before if t.tag_ == "POS"] + [person.start - 1 if person.start > whole.start
                                                                   else -1])
            before = [t for t in before if t.i > cut]
        # "Transport Secretary Grant Shapps": a minister's portfolio is part of the title, not an organisation.
        # "Secretary of State Ilse Marr": the portfolio after "of" is part of the title too.
        portfolios = [p for p in (portfolio_of(t) for t in before) if p is not None]
        before = [t for t in before if not any(p.start <= t.i < p.end for p in portfolios)]
        orgs = [body_before_title(e) for e in ents if e.label_ == "ORG" and e.start < person.start]
        orgs = [e for e in orgs if not portfolio_before_title(e, person)
                and not any(p.start <= e.start and e.end <= p.end for p in portfolios) and _names_a_body(e)]
        if orgs:
            affiliation = strip_det(orgs[0].text)
        affiliation = owner or affiliation  # not the body the recogniser ran the name into ("Comcast's Jo Vell")
        title = title_words(mention, person, before, orgs)
        if title is not None:
            portfolio = portfolio_of(title[-1])
            role = without_courtesy(role_of(title + (list(portfolio) if portfolio is not None else [])))
        head = person.root.head
        if person.root.dep_ == "appos" and head.pos_ == "NOUN" and head.i < person.start and not date_or_tag(head):
            # "“Harbor Lights” actress Ilse Marr": the noun the name stands beside, with the lower-case words of
            # its title ("the Pentagon press secretary, Tova Brenn": press secretary)
            first = head.i
            while first > head.sent.start and person.doc[first - 1].head.i == head.i and person.doc[
                    first - 1].dep_ in {"compound", "amod"} and person.doc[first - 1].pos_ in {"NOUN", "ADJ"} and (
                    person.doc[first - 1].is_lower and not person.doc[first - 1].ent_type_) and person.doc[
                    first - 1].lower_ not in EVALUATIVE:
                first -= 1
            role = role_of(list(person.doc[first:head.i + 1]))
        role, affiliation = self._apposed_role(person, role, affiliation)
        if body_kind(role) is not None:
            # "Velder Post, a local newspaper, reported": the kind of body beside the name makes it that body's.
            return self._remember(Speaker(name, body_kind(role)), alias)
        if len(name.split()) == 1:
            # "Mr Malone" after "Thomas Malone" was named, as a speaker or not; "Judge Ford" gives him his title.
            known = self._surname(name, mention)
            if known is not None:
                if role and not known.role and role not in HONORIFICS:
                    known = replace(known, role=role)
                return self._remember(known, alias)
        if self.type_of(name) == "organization" and owner is None:
            # A body the recogniser took for a person ("OpenAI declined …" after "a spokesperson for OpenAI"); not
            # the name after an owner's possessive, which the recogniser's labels ran into the owner's.
            return self._remember(Speaker(name, "news_outlet" if is_outlet(name) else "organization"), alias)
        return self._remember(Speaker(name, "person", role, self._body_named(affiliation, name)), alias)

    def _apposed_role(self, person: Span, role: str | None,
                      affiliation: str | None) -> tuple[str | None, str | None]:
        """The role and organisation a description set after the name gives, where the words before it gave no role
        or only a title; else `role` and `affiliation` as they were."""
        doc = person.doc
        appos = next((c for c in person.root.children if c.dep_ == "appos" and not in_brackets(c)), None)
        if appos is not None and date_or_tag(appos):
            appos = None  # a post's signature: its date, and past it the next post's words ("2014The seam")
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
            # An apposition that is no role ("Vell, a Republican from Utah", "Vell, R-Calif.") leaves the title.
            portfolio = portfolio_of(appos)  # "the secretary of state": part of the title, no organisation
            role = role_of(lefts + [appos] + (list(portfolio) if portfolio is not None else [])) or role
            if body and not portfolio_before_title(doc[body[0].i:body[-1].i + 1], appos):
                affiliation = strip_det(" ".join(t.text for t in body))
            for prep in appos.children if portfolio is None else ():
                if prep.dep_ == "prep" and prep.lower_ in {"at", "of", "for", "with", "from"} and not (
                        appos.lower_ in LEGISLATORS and prep.lower_ == "for"):  # "MP for Newcastle Central": a seat
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            affiliation = self._affiliation(pobj) or affiliation
        return role, affiliation
