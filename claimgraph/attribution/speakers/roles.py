"""Roles and titles: the words before or beside a name that say what someone is.

"White House press secretary Sean Spicer" is Sean Spicer, role "press secretary"; a title is the role, never part
of the name (`split_role`, `role_of`); abbreviated titles are written out ("Sen." → senator); a minister's
portfolio belongs to the title, not to an organisation ("Transport Secretary": `portfolio_before_title`); words of
praise ("a key member") and a legislator's seat ("MP for Newcastle Central") are no role; "the spokesperson" is one
role under three words (`SAME_ROLE`), by which an earlier speaker is found again. A role ends in a word a role ends in
(`_role_head`: no plural, not even of a person noun, verb, bare adjective, name, "woman", or a word for what is
said or for a name, `NO_ROLE_NOUNS`), drops an honorific after it ("tycoon Sir …") and "the late", is whole at
its hyphens (`_whole_words`: "co-chair", "27-year-old mechanic"), and takes a minister's portfolio after "of"
into the title (`portfolio_of`). A relative is no role ("his son Ivo", "Foley's mother, Diane": `KIN`), a cleric's
capitalised title is ("Father Ivo Kell"); title words the recogniser ran into the body before them are the title's
("Pentagon Press Secretary": `body_before_title`); a capitalised title whose "of" runs on to the name is the role
whole ("Velder Senior Vice President of Marketing Ilse Marr": `_title_of_before`), and a role keeps the lower-case
words that describe its first word ("civil defense services spokesman": `_with_modifiers`); a soldier's rank keeps its
grade ("Sgt. 1st Class": `_rank_before`), and a short title the recogniser took for a name goes with the name after
its stop ("spokesman Sgt. Ivo Marr": `person_name`).
A person's name in a mention made whole, its title split off (`person_name`); the words before it that may be a
role (`words_before`, `title_words`).
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from claimgraph.attribution.cues import STATEMENT_NOUNS
from claimgraph.attribution.found import doc_text

# TITLES: titles before a name are its role, not part of it ("Councillor Tomas Reyes" is Tomas Reyes, role councillor).
from claimgraph.attribution.speaker_types import (
    ABBREVIATED,
    HONORIFICS,
    PERSON_NOUNS,
    ROLE_ENDS,
    TITLES,
    first_names,
    person_noun,
)
from claimgraph.attribution.speakers.mentions import NAMED_ENTITIES, PLACES, after_title_of, quoted_token_ids
from claimgraph.attribution.speakers.names import POSTNOMINALS, named_inside, unshout

# One role under several words: "the spokesperson" is the spokesman named earlier, "the congressman" the
# representative, whether the role was read written out ("Rep. Ilan Moss said …": representative) or is the
# abbreviated title before a name that has not spoken ("drafted by Rep. Ilan Moss"). ("Sen." is left out: on
# PolNeAR train "the senator" then took a senator named in passing over the one the sentence before is about.)
ORDINAL = re.compile(r"\d+(st|nd|rd|th)$")
SAME_ROLE = {"spokesman": "spokes", "spokeswoman": "spokes", "spokesperson": "spokes",
             "congressman": "congress", "congresswoman": "congress", "representative": "congress", "rep": "congress",
             "rep.": "congress"}


def with_title_words(ent: Span) -> Span:
    """A name with the title words right before it ("Rep. Mark Walker"), where the role is read from."""
    start = ent.start
    while start > ent.sent.start and ent.doc[start - 1].dep_ in {"compound", "nmod", "amod"} and (
            start <= ent.doc[start - 1].head.i < ent.end) and not ent.doc[start - 1].is_punct and ent.doc[
            start - 1].lower_ not in {"honour", "honor", "excellency", "majesty", "highness", "worship"}:
        start -= 1  # "International Trade Secretary Liz Truss", "Health secretary Matt Hancock"
        doc = ent.doc
        if start - 2 >= ent.sent.start and doc[start - 1].text in {"-", "–"} and not doc[start - 1].whitespace_ \
                and not doc[start - 2].whitespace_ and doc[start - 2].is_title and doc[start].is_title and not (
                doc[start].ent_type_ or doc[start - 2].ent_type_):
            # "Secretary-General Ilan Moss": a capitalised title is whole at its hyphen, not "General" (PolNeAR
            # dev: Ban Ki-moon's role "general" where his surname alone spoke); not "Harbor-born engineer", nor a
            # body's name ("former Hewlett-Packard CEO": PolNeAR train, the body ran into the role)
            start -= 2
    return ent.doc[start:ent.end]


def split_role(words: list[str]) -> tuple[str | None, list[str]]:
    """Title words before a name are its role, not part of it: "Councillor Tomas Reyes", "Ex-environment
    secretary Theresa Villiers" (a title, a longer word in lower case, an "ex-" or "former" before the
    capitalised name); the name keeps at least one word."""
    role: list[str] = []
    while len(words) > 1 and (words[0].lower().rstrip(".") in TITLES or words[0].lower().startswith(("ex-", "former"))
                              or (words[0][:1].islower() and len(words[0]) > 3)):  # not "van", "de", "al"
        plain = words[0].lower().rstrip(".")
        role.append(ABBREVIATED.get(plain, plain))
        words = words[1:]
        if len(words) > 2 and _grade(words[0], words[1]):
            role += [words[0].lower(), "class"]  # "Sgt. 1st Class Ivo Marr": the rank's grade is the title's
            words = words[2:]
    return (" ".join(role) or None), words


def _role_text(role: str) -> str:
    """A role as a reader writes it in running text: lower case, acronyms kept ("CEO"), abbreviated titles
    written out ("Sen." → senator)."""
    return " ".join(w if w.isupper() and len(w) <= 4 and w.isalpha() else ABBREVIATED.get(
        w.lower().rstrip("."), w.lower()) for w in role.split())


def role_of(tokens: list[Token]) -> str | None:
    """A role from the words of the text: title words in lower case ("press secretary"), a proper noun inside it
    as written ("Elizabeth Warren supporter", "Labour MP"), acronyms kept; the lower-case words that describe its
    first word kept (`_with_modifiers`: "civil defense services spokesman"); a word cut at its hyphen made whole
    again (`_whole_words`); None where the words end in no word a role ends in (`_role_head`)."""
    tokens = _rank_before(_whole_words(_with_modifiers(tokens)))
    of = next((k for k, t in enumerate(tokens) if t.lower_ == "of"), None)  # "secretary of state" (`portfolio_of`)
    while of is None and len(tokens) > 1 and tokens[-1].pos_ == "PROPN" and not _role_head(tokens[-1]):
        tokens = tokens[:-1]  # "Sgt Gill Cherry" with the first name left in the title: sergeant
    if len(tokens) > 1 and tokens[0].lower_ == "late":
        tokens = tokens[1:]  # "the late Dr. Ilse Marr": that she has died, no part of what she was
    while len(tokens) > 1 and tokens[0].lower_ in PRAISE and tokens[0].text.islower():
        tokens = tokens[1:]  # "his esteemed colleague": the writer's regard, not what the colleague is
    addressed = len(tokens)  # "tycoon Sir Ilse Marr": how to address him, after what he is; not "First Lady"
    while of is None and addressed > 1 and tokens[addressed - 1].lower_.rstrip(".") in HONORIFICS:
        addressed -= 1
    if addressed < len(tokens) and _role_head(tokens[addressed - 1]):
        tokens = tokens[:addressed]
    if not tokens or of == 0 or not _role_head(tokens[(of or len(tokens)) - 1]) and not any(
            _role_head(t) for t in _hyphen_run(tokens[:of])):  # "sergeant-at-arms", "editor-in-chief"
        return None
    if _kin(tokens[(of or len(tokens)) - 1]):
        return None
    words = []
    for k, token in enumerate(tokens):
        plain = token.lower_.rstrip(".")
        proper = token.pos_ == "PROPN" and token.text[:1].isupper() and plain not in TITLES | PORTFOLIOS | (
            PERSON_NOUNS) | ROLE_WORDS and token.ent_type_ in NAMED_ENTITIES and not (
            token.i == tokens[-1].i and _role_head(token))  # "County Coroner", tagged a person: "county coroner"
        # a word kept apart from the next one by a stop dropped ("Sgt" before "1st"): the space after the stop
        apart = k + 1 < len(tokens) and " " in doc_text(token.doc)[token.idx + len(token):tokens[k + 1].idx]
        space = token.whitespace_ or (" " if apart else "")
        words.append(token.text + space if proper else _role_text(token.text) + space)
    return "".join(words).strip() or None


# Nouns that say only that someone is a person ("a 31-year-old woman", "a local man"): no role.
PLAIN_PEOPLE = {"man", "woman", "men", "women", "boy", "girl", "person", "people", "guy"}
# Nouns for what is said or written, and for a name itself, which a parse may set beside a name: no role ("the
# artist that goes by the name Ilse Marr", "this story about … — Ilse Marr (@imarr)", "a post by Ilse Marr").
NO_ROLE_NOUNS = STATEMENT_NOUNS | {"name", "nickname", "pseudonym", "story", "article", "headline", "comment"}
# Endings of nouns for who does something ("coroner", "curator", "consultant"): a role written in capitals.
AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "eer")


# Words for whose relative someone is ("his son Ivo", "Foley's father, John", "the victim's mother"): a relation to
# another person, not what one is; a role "father" on its own, read across articles, says nothing true. Written with
# a capital before a name they are a cleric's title ("Father Ivo Marr", "Sister Rosella"), which stays a role.
KIN = {"father", "mother", "son", "daughter", "wife", "husband", "brother", "sister", "uncle", "aunt", "cousin",
       "grandmother", "grandfather", "grandson", "granddaughter", "nephew", "niece", "mum", "mom", "dad", "widow",
       "widower", "stepfather", "stepmother", "stepson", "stepdaughter", "fiancé", "fiancée", "fiance", "fiancee",
       "girlfriend", "boyfriend", "friend", "sibling", "twin", "grandma", "grandpa", "granny", "stepdad", "stepmum"}


def _rank_before(tokens: list[Token]) -> list[Token]:
    """'Sgt. 1st Class Ivo Marr' cut after the ordinal: the rank's title and grade before "Class" are the role's
    ("sergeant 1st class"), never "class" alone."""
    if not tokens or tokens[0].lower_ != "class" or tokens[0].i < 3:
        return tokens
    doc, at = tokens[0].doc, tokens[0].i
    ordinal, stop, title = doc[at - 1], doc[at - 2], doc[at - 3]
    if _grade(ordinal.text, tokens[0].text) and stop.text == "." and title.lower_ in ABBREVIATED:
        return [title, ordinal] + tokens
    return tokens


def _grade(ordinal: str, word: str) -> bool:
    """A soldier's grade after the rank ("1st Class" of "Sgt. 1st Class"), read in a whole mention (`split_role`)
    and where the recogniser cut the name after the ordinal (`_rank_before`): the grade is the title's."""
    return bool(ORDINAL.match(ordinal)) and word.lower() == "class"


def _kin(token: Token) -> bool:
    """A word for a relative written as one, in lower case (a capital makes "Father", "Sister" a cleric's title)."""
    return token.lower_ in KIN and not token.text[:1].isupper()


def _role_head(token: Token) -> bool:
    """Whether a role may end in `token`: a title or a word that says what someone is, a common noun in the
    singular, or a title written in capitals that is in no name ("County Coroner Ilse Marr", "Marr, Curator of
    Spiders"); never a verb or an adjective alone ("a statement refuting …", "delighted"), a plural ("Harbor
    residents Ilse Marr", "infested with rodents and editor Ilse Marr": several people or things, not what one
    person is), a noun that says only that someone is a person ("a local man"), nor a name ("Ilse Marr, R-Calif.",
    "a Republican", "According to Velder, Marr, 65"; "Kesh Varro" with its first name cut off, name "Varro")."""
    plain = token.lower_.rstrip(".")
    if plain in PLAIN_PEOPLE | NO_ROLE_NOUNS:
        return False
    if token.tag_ in {"NNS", "NNPS"} and plain not in ROLE_ENDS:
        return False  # "Adelaide residents Ilse Marr", "Harbor Lights members …": a person noun, but several people
    if plain in ROLE_ENDS or person_noun(token):
        return True
    doc = token.doc
    cut_name = token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "B" and doc[token.i + 1].ent_type_ == (
        "PERSON") and (token.i + 2 == len(doc) or doc[token.i + 2].ent_iob_ != "I")
    # An agent noun ("Coroner", "Curator", "Coordinator", which the recogniser may take into a body's name:
    # "National Coordinator for Reproductive Health"), or a sentence's first word, capitalised by its place, before
    # a name whole without it ("Waitress Ilse Marr said"); not a place, a body or a word of either ("Korea",
    # "Watch", "Police"), nor a participle ("Delighted").
    whole_name_after = token.i + 2 < len(doc) and doc[token.i + 1].ent_iob_ == "B" and doc[
        token.i + 2].ent_iob_ == "I"
    # (The recogniser may also tag the title as a person of its own before the name: "County Coroner" "Ilse Marr".)
    own_entity = token.ent_type_ in {"", "ORG"} or token.ent_type_ == "PERSON" and whole_name_after
    capitalised = token.pos_ == "PROPN" and token.tag_ == "NNP" and not cut_name and token.text not in (
        first_names()) and (plain.endswith(AGENT_ENDINGS) and own_entity or (
            token.is_sent_start and whole_name_after and not token.ent_type_ and not plain.endswith(("ed", "ing"))))
    return (token.pos_ == "NOUN" and token.tag_ != "NNS") or capitalised


def _with_modifiers(tokens: list[Token]) -> list[Token]:
    """The role's words with the lower-case words right before them that describe one of them: "civil defense"
    hangs on "services", not on the head "spokesman", and a caller that took the head's own modifiers only cut the
    role at its first word ("services spokesman"). Not words of praise or of a name."""
    if not tokens:
        return tokens
    doc, tokens = tokens[0].doc, list(tokens)
    inside = {t.i for t in tokens}
    while tokens[0].i > 0:
        left = doc[tokens[0].i - 1]
        if not (left.is_lower and left.is_alpha and left.pos_ in {"NOUN", "ADJ"} and left.dep_ in {
                "compound", "amod"} and left.head.i in inside and left.head.i != tokens[-1].i and not left.ent_type_
                and left.lower_ not in EVALUATIVE | PRAISE | {"late"}):
            break
        tokens.insert(0, left)
        inside.add(left.i)
    return tokens


def _hyphen_run(tokens: list[Token]) -> list[Token]:
    """The words of the last word in `tokens` written with hyphens ("sergeant-at-arms"); none where it has none."""
    run: list[Token] = []
    for token in reversed(tokens):
        if run and not (token.text in {"-", "–"} and not token.whitespace_ or run[-1].text in {"-", "–"} and not (
                token.whitespace_)):
            break
        run.append(token)
    return [t for t in run if t.is_alpha] if len(run) > 1 else []


def _whole_words(tokens: list[Token]) -> list[Token]:
    """The role's words made whole at their hyphens: a word cut at its hyphen runs on to the words joined after it
    ("co-chair", "vice-president", "ex-head", where the parse took the part before the hyphen for the noun); a word
    whose part before the hyphen was left out is no role word ("Canadian-born resident", "27-year-old mechanic":
    resident, mechanic; not "then-" or "ex-"); no hyphen opens a role ("then-Harbor Secretary")."""
    if not tokens:
        return tokens
    doc = tokens[0].doc

    def joined(left: Token, hyphen: Token) -> bool:  # "left-right" written without spaces
        return hyphen.text in {"-", "–"} and not left.whitespace_ and not hyphen.whitespace_

    tokens = list(tokens)
    while tokens[-1].i + 2 < len(doc) and joined(tokens[-1], doc[tokens[-1].i + 1]) and doc[tokens[-1].i + 2].is_alpha:
        tokens += [doc[tokens[-1].i + 1], doc[tokens[-1].i + 2]]
    kept = {t.i for t in tokens}
    while len(tokens) > 1 and (tokens[0].text in {"-", "–"} or tokens[0].i > 1 and joined(
            doc[tokens[0].i - 2], doc[tokens[0].i - 1]) and tokens[0].i - 2 not in kept and doc[
            tokens[0].i - 2].lower_ not in EVALUATIVE | {"ex"}):
        tokens = tokens[1:]
    return tokens


# A minister's portfolio before "Secretary"/"Minister" ("Transport Secretary", "Justice Minister"): part of the
# title, which the recogniser often takes for an organisation.
PORTFOLIOS = {"transport", "justice", "health", "education", "environment", "defence", "defense", "home",
              "foreign", "interior", "energy", "culture", "housing", "trade", "business", "treasury", "finance",
              "work", "pensions", "agriculture", "communities", "digital", "brexit", "climate",
              "security", "immigration", "equalities", "transportation", "commerce", "veterans", "affairs", "homeland",
              "state", "national", "public", "safety"}
# Words of a title that a page may capitalise ("Managing Director", "Prime Minister"): written in lower case.
ROLE_WORDS = {"managing", "vice", "senior", "junior", "assistant", "associate", "acting", "interim", "executive",
              "principal", "lead", "general", "shadow", "first", "high", "special", "national", "regional", "local",
              "global", "technical", "operating", "financial", "editorial", "creative", "press", "prime", "attorney",
              "solicitor", "district", "state", "federal", "county", "city", "chief", "former", "deputy", "officer",
              "counsel", "affairs", "relations", "communications", "policy", "research", "development", "sales",
              "marketing", "operations", "public", "international", "digital", "news", "political", "legal"}
# Words of praise that are no part of a role ("a key member of the task force").
EVALUATIVE = {"current", "then", "now", "key", "top", "leading", "prominent", "senior", "longtime", "long-time",
              "veteran", "noted", "well-known", "respected", "influential", "powerful", "outspoken", "vocal", "fellow"}

# Words of regard before a role ("his esteemed colleague", "the great artist"): no part of what one is.
PRAISE = {"esteemed", "great", "beloved", "famous", "celebrated", "renowned", "legendary", "acclaimed", "talented",
          "brilliant", "distinguished", "illustrious", "revered", "iconic", "popular", "dear", "good"}


def portfolio_before_title(words, title) -> bool:
    """'Transport' in "Transport Secretary Grant Shapps": portfolio words right before a minister's title."""
    doc = title.doc
    after = doc[words.end] if words.end < len(doc) else None
    return all(t.lower_ in PORTFOLIOS or t.lower_ == "and" for t in words) and after is not None and (
        after.lower_.rstrip(".") in {"secretary", "minister", "spokesman", "spokeswoman", "spokesperson",
                                     "commissioner", "czar", "tsar"})


def portfolio_of(title: Token) -> Span | None:
    """'of State' in "Secretary of State Ilse Marr", "Marr, the minister of veterans affairs": the portfolio a
    minister's title names right after "of" (portfolio words only, no determiner): part of the title, never the
    organisation the person works for (FNC-1 design bodies: 11 speakers with "State", "Homeland Security" or
    "Veterans Affairs" as affiliation)."""
    doc = title.doc
    if title.lower_ not in {"secretary", "minister"} or title.i + 2 >= len(doc) or doc[title.i + 1].lower_ != "of":
        return None
    of = doc[title.i + 1]
    end = of.i + 1  # the portfolio's words as written (the parse may hang "Security" of "Homeland Security" elsewhere)
    while end < len(doc) and (doc[end].lower_ in PORTFOLIOS or doc[end].lower_ == "and" and end > of.i + 1):
        end += 1
    # The portfolio's words run to the end of the phrase or to the name ("of Housing and Public Works" is not all
    # portfolio words: no portfolio).
    runs_on = end < len(doc) and doc[end].pos_ in {"NOUN", "PROPN"} and doc[end].ent_type_ != "PERSON"
    if of.head.i != title.i or end == of.i + 1 or doc[end - 1].lower_ == "and" or runs_on or not any(
            c.dep_ == "pobj" and c.i < end for c in of.children):
        return None
    return doc[of.i:end]


# A scraped post's signature runs its date and the post's hashtag into the name's apposition: "#seamgate— Ana
# Ruiz (@aruiz) October 6, 2014". Neither is a role (FNC-1 design bodies: 18 speakers with a month as role, 2 with
# a hashtag, all such signatures).
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"}


# Words that open a title and never end a body's name ("Press Secretary", "Vice President", "Deputy Director"): the
# recogniser runs them into the body's name before the title ("Pentagon Press" "Secretary Tova Brenn").
TITLE_OPENERS = {"press", "vice", "deputy", "senior", "assistant", "associate", "managing", "communications",
                 "executive", "chief"}


def body_before_title(org: Span) -> Span:
    """The body's name in an organisation the recogniser ran into the title after it: "Pentagon Press Secretary
    Tova Brenn" is Tova Brenn, press secretary of the Pentagon, not secretary of "Pentagon Press"."""
    doc = org.doc
    while len(org) > 1 and org.end < len(doc) and org[-1].lower_ in TITLE_OPENERS and doc[
            org.end].lower_.rstrip(".") in ROLE_ENDS | TITLE_OPENERS:  # "Nortel Labs Senior" "Vice President"
        org = doc[org.start:org.end - 1]
    return org


def date_or_tag(token: Token) -> bool:
    """A date ("October 6, 2014") or a hashtag ("#seamgate"): what a post's signature sets beside a name, no
    role."""
    doc = token.doc
    hashtag = token.text.startswith("#") or (token.i > 0 and doc[token.i - 1].text == "#" and not doc[
        token.i - 1].whitespace_)
    month = token.lower_ in MONTHS and token.text[:1].isupper()
    return hashtag or month or token.ent_type_ in {"DATE", "TIME"}


# What kind of body a name is, said beside it ("Velder Post, a local newspaper", "Ostrana, a clothing company"):
# the name is that body's, never a person's, whatever the recogniser says (FNC-1 design bodies: 12 bodies typed
# person with such a role, 6 newspapers and magazines, 3 armed or watchdog groups, 3 companies and firms; the kind
# said after the name in 8, before it in 4). Only nouns never said of a person: "team", "office" or "party" may end
# a person's role.
OUTLET_KINDS = {"newspaper", "magazine", "publication", "tabloid", "weekly", "broadcaster", "website"}
BODY_KINDS = OUTLET_KINDS | {"company", "firm", "group", "organization", "organisation", "agency", "registry",
                             "startup", "start-up", "nonprofit", "non-profit", "charity", "watchdog", "conglomerate"}


def body_kind(role: str | None) -> str | None:
    """The speaker type a role that says what kind of body a name is gives ("local newspaper": news_outlet,
    "militant group": organization), else None."""
    head = role.split()[-1].lower() if role else None
    if head not in BODY_KINDS:
        return None
    return "news_outlet" if head in OUTLET_KINDS else "organization"


# Courtesy titles say how to address someone, not what they are: "Mr Kim", "Miss Bethell" have no role ("Dr",
# a profession's title, stays). FNC-1 design bodies: 4 speakers with role "mr", "mr." or "miss", 9 statements.
COURTESY = {"mr", "mrs", "ms", "miss", "mx"}


def without_courtesy(role: str | None) -> str | None:
    """The role, or None where it is only a courtesy title ("mr.", "Miss")."""
    return None if role is not None and role.lower().rstrip(".") in COURTESY else role


def in_brackets(token: Token) -> bool:
    """A word between brackets ("Rep. Mark Walker (R-N.C.)"): a note on the name, not a role."""
    doc = token.doc
    left = next((t for t in reversed(doc[token.sent.start:token.i]) if t.text in {"(", ")", "[", "]"}), None)
    return left is not None and left.text in {"(", "["}


def person_name(mention: Span, person: Span) -> tuple[Span, str, str | None]:
    """A person's name in a mention as the recogniser found it, made whole: its span, the name without the title
    before it or the letters after it, and that title as role (an honorific is none)."""
    doc, end = mention.doc, person.end
    while end < mention.end and doc[end].pos_ == "PROPN" and doc[end - 1].dep_ == "compound" and (
            doc[end - 1].head.i >= end):
        end += 1  # "Secretary TOMAS REYES": the recogniser took one word of a name in capitals
    if len(person) == 1 and person[0].lower_ in ABBREVIATED and end + 1 < len(doc) and doc[end].text == "." \
            and doc[end].idx == person.end_char and doc[end + 1].ent_iob_ == "B" \
            and doc[end + 1].ent_type_ == "PERSON":
        # "police spokesman Sgt. Ivo Marr": the recogniser took the short title for a name of its own, and the
        # parse may end the sentence at its stop (the mention then ends there too); the name after the stop is the
        # one the title goes with (and becomes the role of)
        end += 2
        while end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].ent_type_ == "PERSON":
            end += 1
    person = doc[person.start:end]
    while len(person) > 1 and person[0].tag_ in {"VBG", "VBN", "VB", "VBD", "IN", "DT", "RB"}:
        person = person[1:]  # "Taking Archie to …": the recogniser took the verb into the name
    name = person.text[:-2] if person.text.endswith(("'s", "’s")) else person.text
    role, words = split_role(name.split())
    while len(words) > 2 and words[-1].lower().strip(".,") in POSTNOMINALS:
        words = words[:-1]  # "Neil Ford QC": the letters after a name are no part of it
    name = unshout(" ".join(words))
    if role in HONORIFICS:
        role = None  # "Mrs Marr": an honorific, no role
    inner = named_inside(name)
    if inner is not None:  # "Harbor Lights supporter Ilse Marr" taken as one name: the role as written
        role, name = inner
    return person, name, role


def words_before(mention: Span, person: Span) -> list[Token]:
    """The words of the mention before a person's name that may say what the person is (no punctuation)."""
    doc = mention.doc
    before = [t for t in mention if t.i < person.start and not t.is_punct]
    joined = [t.i for t in before if t.dep_ == "cc" and t.lower_ in {"and", "or"} and t.i > mention.start
              and doc[t.i - 1].pos_ == "PROPN" and not t.ent_type_]  # not the "and" of a body's name
    if joined:
        # "both Cooke and meteor expert Ilse Marr": a name before the last "and" is the other speaker, never
        # this one's role or body (FNC-1 sample B: role "Cooke expert"; PolNeAR train: 3 roles changed, all 3
        # right). Not two roles of one person ("journalist and author Hiro Aida": the noun before "and").
        before = [t for t in before if t.i > joined[-1]]
    return before


def title_words(mention: Span, person: Span, before: list[Token], orgs: list[Span]) -> list[Token] | None:
    """The words of the title right before a person's name, which `role_of` reads; None where there is none."""
    doc = mention.doc
    title_of = _title_of_before(mention, person, orgs)
    if title_of is not None:
        return title_of
    # Title words right before the name ("press secretary Sean Spicer"), never a quoted title ("“Harbor
    # Lights” actress Ilse Marr": actress) nor words of an organisation.
    quoted = quoted_token_ids(mention)
    # (a word the tagger could not class right before the name is the title's head: "golf pro Ivo Marr", whose
    # role "golf" alone would be a sport, not what he is; a noun right before it that the parse made the subject,
    # the name's first word its apposition, is the title too: "spokesman Ivo al-Marr warned", FNC-1 design)
    title = [t for t in before if (t.pos_ in {"NOUN", "PROPN"} or t.pos_ == "X" and t.i == person.start - 1 and (
        t.is_lower and t.is_alpha)) and t.i not in quoted and not any(
        o.start <= t.i < o.end for o in orgs) and (t.dep_ in {"compound", "nmod", "amod", "appos"} or (
            t.i == person.start - 1 and any(p.dep_ == "appos" and p.head.i == t.i for p in person)))
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
        return list(run) if contiguous else words
    return None


def _title_of_before(mention: Span, person: Span, orgs: list[Span]) -> list[Token] | None:
    """"Velder Senior Vice President of Retail and Online Stores Ilse Marr": a capitalised title whose "of" runs to
    the name set beside it is the role whole ("senior vice president of Retail and Online Stores"), without the
    body named before it (the affiliation); None where the name stands otherwise."""
    doc = mention.doc
    head = after_title_of(person)
    if head is None or not mention.start <= head.i:
        return None
    first = head.i  # the title's words before its head, up to the body's name ("Velder", tagged or not)
    while first > mention.start and doc[first - 1].dep_ == "compound" and first - 1 < doc[first - 1].head.i <= (
            head.i) and doc[first - 1].ent_type_ not in PLACES | {"PERSON"} and not any(
            o.start <= first - 1 < o.end for o in orgs) and doc[first - 1].lower_ in ROLE_WORDS | TITLES:
        first -= 1
    return list(doc[first:person.start])
