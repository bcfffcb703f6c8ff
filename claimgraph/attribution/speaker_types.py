"""A name's type on the evidence a reader uses: person or organisation, whatever spaCy's small NER guessed.

The small English NER model labels many unfamiliar names wrongly: "Ilan Moss scoffed" an organisation, "OpenAI"
(in "a spokesperson for OpenAI") a person. A reader decides on evidence, and so does `TypeEvidence.type_of`, from
the whole article, strongest first:

- person: a title or honorific before the name or its surname ("Mr Moss", "Dr Fauci", "Superintendent Ann Orr"),
  a role noun beside it ("Ilan Moss, a pilot", "actress Alex Borstein"), "he"/"she"/"his"/"her" after it as the
  subject ("Moss said he …"); a first name from the lexicon followed by a capitalised surname (medium);
- organisation: a name on the outlet list ("Boston Globe") or the organisation list (`known_organization`: "Boko
  Haram", "Isis"), an organisation word ending the name ("… Group",
  "… Ministry", "… Inc"), an organisation noun beside it ("Pelco, a camera maker"), the name where a body is named
  ("researchers at OpenAI", "the CEO of Kestrelnet", "Microsoft President Brad Smith", "a spokesperson for
  OpenAI"), "its" after it as the subject;
- the NER labels of the name's mentions in the article, weakest.

A name the article calls a place's is a body, the government that a country or a capital stands for, before the
scores (`_a_place`): a word for a place before it ("the capital Velmark", "the city of Velmark"), or a place's label
after "in"/"from" or "Town, X" where the recogniser calls it a place more often than a person; not a full name,
someone's surname, a titled name, nor one a "he" follows.

A name the article calls a group's decides before the scores, unless a title stands before it: a group's noun right
before or beside it ("the militant group Al Shabab", "Al Dashir, the group"), after it ("the Boko Haram group",
"Velmar Haram militants"), or an Arabic group word opening it ("Jabhat Ansar al-Din"); "Al" as a first name and a
"he" after it (often someone else's) do not outweigh what the article says.

The first-name lexicon (`claimgraph/data/first_names.tsv`, 180 KB, shipped) holds the first names of Faker's
person providers (MIT licence, a well-kept package): about 19,000 names in Latin script from its locales, with their
gender where Faker lists them for one only. `scripts/make_first_names.py` writes it from Faker's public provider
lists; Faker is not needed at run time, and nothing is downloaded.

The words for people and their titles live here too (`TITLES`, `HONORIFICS`, `PERSON_NOUNS`, the role lexicon
`ROLE_ENDS` and its parts), for the speakers stage and for the rules that read a role noun alike.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from claimgraph.attribution.found import doc_text

FIRST_NAMES = Path(__file__).resolve().parent.parent / "data" / "first_names.tsv"
# Armed groups and international bodies the recogniser reads as people ("Boko Haram said", "Isis claimed"): FNC-1
# bodies of the seventeenth session typed 16 such speakers person, 10 of them "Isis" (one name a line, shipped).
ORGANIZATIONS = "organizations.txt"  # in claimgraph/data, beside outlets.txt

# Honorifics and titles of nobility before a name: evidence of a person wherever they stand ("Mr Moss", "Lord
# Sugar"); the latter stay part of the name ("Prince Harry").
NOBLE = {"sir", "dame", "lord", "lady", "prince", "princess", "duke", "duchess", "king", "queen", "pope"}
HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "rev"} | NOBLE
# Titles before a name: a person's (evidence where they stand right before the full name), and a role rather than
# part of the name ("Superintendent Ann Orr": Ann Orr, role superintendent).
TITLES = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "rev", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt",
    "cpl", "adm", "maj", "supt", "insp", "det", "president", "senator", "representative", "governor", "mayor",
    "councillor", "councilor", "minister", "secretary", "judge", "justice", "chairman", "chairwoman",
    "commissioner", "ambassador", "general", "colonel", "sheriff", "chief", "director", "professor", "spokesman",
    "spokeswoman", "premier", "chancellor", "superintendent", "inspector", "detective", "sergeant", "captain",
    "lieutenant", "constable", "congressman", "congresswoman", "councilman", "councilwoman", "assemblyman",
    "assemblywoman", "pastor", "bishop", "archbishop", "rabbi", "imam", "coach", "deputy", "trooper", "abbess",
    "abbot", "vicar", "chaplain"}
# Nouns that say what a person is ("a pilot", "the chief executive"), beside a name or as a role.
PERSON_NOUNS = {
    "official", "source", "aide", "spokesman", "spokeswoman", "spokesperson", "diplomat", "analyst", "expert",
    "person", "witness", "resident", "insider", "observer", "critic", "supporter", "staffer", "member", "lawmaker",
    "adviser", "advisor", "officer", "lawyer", "attorney", "prosecutor", "manager", "ceo", "cfo", "coo", "cto",
    "founder", "co-founder", "cofounder", "leader", "head", "researcher", "economist", "scientist", "doctor",
    "worker", "voter", "teacher", "parent", "student", "investor", "activist", "protester", "campaigner",
    "academic", "farmer", "pilot", "skipper", "captain", "fisherman", "nurse", "engineer", "consultant",
    "historian", "astronomer", "actor", "actress", "singer", "writer", "author", "journalist", "reporter",
    "editor", "partner", "owner", "chef", "father", "mother", "son", "daughter", "wife", "husband", "brother",
    "sister", "uncle", "aunt", "cousin", "grandmother", "grandfather", "widow", "veteran", "professor",
    "lecturer", "coach", "player", "striker", "goalkeeper", "defender", "midfielder", "candidate", "nominee",
    "executive", "president", "vice-president", "chairman", "chairwoman", "chair", "director", "secretary",
    "minister", "senator", "governor", "mayor", "judge", "commissioner", "ambassador", "councillor", "councilor",
    "sheriff", "chief", "premier", "chancellor", "superintendent", "detective", "inspector", "sergeant",
    "lieutenant", "colonel", "general", "employee", "presenter", "host", "anchor", "columnist", "correspondent",
    "commentator", "blogger", "designer", "architect", "artist", "musician", "comedian", "novelist", "poet",
    "photographer", "filmmaker", "entrepreneur", "billionaire", "millionaire", "politician", "mp", "mep",
    "user", "customer", "patient", "victim", "survivor", "man", "woman", "boy", "girl", "mum", "mom", "dad",
    "grandson", "granddaughter", "friend", "neighbour", "neighbor", "colleague", "volunteer", "organiser",
    "organizer", "physician", "surgeon", "radioastronomer", "postdoc", "fellow", "deputy", "agent", "broker",
    "trader", "banker", "accountant", "plumber", "driver", "guard", "soldier", "commander", "firefighter",
    "paramedic", "priest", "pastor", "bishop", "rabbi", "imam", "athlete", "runner", "cyclist", "swimmer", "boxer",
    "envoy", "negotiator", "mediator"}
# Nouns that say what a body is ("a research firm", "a camera maker", "the platform").
ORG_NOUNS = {
    "firm", "company", "startup", "start-up", "maker", "manufacturer", "provider", "group", "organization",
    "organisation", "agency", "charity", "nonprofit", "non-profit", "tank", "institute", "institution", "body",
    "platform", "app", "site", "website", "network", "service", "retailer", "chain", "giant", "publisher",
    "operator", "broadcaster", "newspaper", "outlet", "station", "channel", "label", "studio", "brand", "bank",
    "lender", "insurer", "carrier", "airline", "utility", "regulator", "watchdog", "union", "party", "coalition",
    "campaign", "club", "team", "school", "university", "college", "hospital", "department", "ministry",
    "office", "magazine", "tabloid", "weekly", "business", "venture", "consultancy", "supplier", "conglomerate",
    "subsidiary", "unit", "division", "association", "foundation", "fund", "trust", "society", "lobby",
    "distributor", "developer", "council", "committee", "commission", "authority", "board", "court",
    "government", "administration", "bureau", "centre", "center", "database", "project", "initiative",
    "programme", "program", "alliance", "federation", "league", "church", "exchange", "marketplace", "forum",
    "journal", "publication", "observatory", "laboratory", "lab", "museum", "library"}
# Words that end the name of a body ("Rhodium Group", "Harbor Ministry", "Kestrel Ferry Company").
ORG_WORDS = {
    "corp", "corporation", "inc", "incorporated", "ltd", "limited", "llc", "llp", "plc", "co", "group", "company",
    "ag", "sa", "gmbh", "nv", "bv", "ministry", "department", "agency", "authority", "council", "commission",
    "committee", "university", "college", "institute", "institution", "school", "academy", "association",
    "union", "federation", "foundation", "society", "party", "police", "court", "bank", "office", "service",
    "services", "board", "army", "navy", "forces", "force", "government", "administration", "bureau", "center",
    "centre", "hospital", "trust", "fund", "network", "club", "league", "organisation", "organization",
    "airlines", "airways", "systems", "technologies", "technology", "labs", "laboratory", "laboratories",
    "partners", "holdings", "capital", "press", "news", "times", "post", "journal", "daily", "television",
    "radio", "tv", "media", "studios", "games", "records", "operator", "database", "observatory", "programme",
    "program", "project", "initiative", "alliance", "coalition", "campaign", "church", "team", "parliament",
    "congress", "senate", "assembly", "cabinet", "tribunal", "inquiry", "pac", "industries", "motors",
    "pharmaceuticals", "energy", "insurance", "ventures", "entertainment", "museum", "library", "magazine",
    "gazette", "herald", "tribune", "chronicle", "sentinel", "ai", "house", "hall", "palace", "street", "camp",
    "front", "brigade", "brigades", "movement", "militia"}
# Role nouns after which "of"/"at"/"with" names the body they serve ("the CEO of Kestrelnet", "an editor at X"),
# and before which a body's name stands ("Kestrelnet CEO Tomas Brand").
SERVING = {"ceo", "cfo", "coo", "cto", "founder", "co-founder", "cofounder", "chairman", "chairwoman", "chair",
           "president", "director", "head", "chief", "executive", "spokesman", "spokeswoman", "spokesperson",
           "member", "members", "employee", "employees", "staff", "owner", "editor", "researcher", "researchers",
           "analyst", "analysts", "official", "officials", "engineer", "engineers", "partner", "manager",
           "scientist", "scientists", "economist", "economists", "lawyer", "lawyers", "worker", "workers",
           "professor", "fellow", "shareholders", "investors"}
SPOKES = {"spokesman", "spokeswoman", "spokesperson"}
# Nouns for the armed members of a group ("Velmar Haram militants", "an Ostrand fighter"): a name set before them is
# a group's, never a person's (a person has "supporters", not "fighters").
GROUP_MEMBERS = {"militant", "fighter", "insurgent", "rebel", "jihadist", "gunman", "gunmen"}
# Nouns after which a name is a group's ("the Velmar Haram group", "the Ostrand movement"); not "administration" or
# "campaign", which follow a person's name ("the Obama administration").
GROUP_HEADS = {"group", "movement", "militia", "organization", "organisation", "faction", "network", "sect"}
# Arabic words that open the names of armed and political groups ("Jabhat al-Nusra": front, "Jaish al-…": army,
# "Ansar al-…": supporters of), set before "al-": a group's name, never a person's.
GROUP_NAME_OPENERS = {"jabhat", "jaish", "harakat", "hizb", "kataib", "liwa", "ansar", "tahrir", "ahrar"}
# Heads that name a person by office ("the city's mayor"): a person known by role, not an organisation.
ROLE_HEADS = TITLES | {"spokesperson", "officer", "lawyer", "attorney", "prosecutor", "manager", "ceo", "founder",
                       "leader", "head", "analyst", "researcher", "economist", "scientist", "doctor", "mp", "mep",
                       "lawmaker", "executive", "pro"}
# Titles the recogniser tags as names, which no other list holds ("PM Ilse Marr", "Air Chief Marshal Ilse Marr").
PROPER_TITLES = {"pm", "cardinal", "sheikh", "emir", "archdeacon", "marshal", "brigadier", "commodore", "counsel",
                 "solicitor", "da", "vp", "svp", "evp"}
# Abbreviated titles, written out in a role ("Sen. Ilse Marr": senator).
ABBREVIATED = {"sen": "senator", "rep": "representative", "gov": "governor", "gen": "general", "col": "colonel",
               "lt": "lieutenant", "sgt": "sergeant", "capt": "captain", "cpl": "corporal", "adm": "admiral",
               "maj": "major", "supt": "superintendent", "insp": "inspector", "det": "detective",
               "cllr": "councillor", "pres": "president", "atty": "attorney", "amb": "ambassador"}
# Members of a legislature: "for" after them names a seat, not a body ("the Labour MP for Newcastle Central").
LEGISLATORS = {"mp", "mep", "msp", "mla", "ms", "td", "senator", "representative", "congressman", "congresswoman",
               "assemblyman", "assemblywoman", "councillor", "councilor", "delegate"}
# The words a role may end in whatever their parse (`speakers/roles._role_head`): titles, role nouns, legislators'
# titles and the abbreviated titles written out; one set, not a union built for every word asked. Here, beside the
# other words for people, because the rules read it too (`reported/evidential`: "the chief of the firm X, who …").
ROLE_ENDS = TITLES | HONORIFICS | ROLE_HEADS | LEGISLATORS | PROPER_TITLES | set(ABBREVIATED.values())
PERSON_PRONOUNS = {"he", "she", "his", "her", "him"}
TITLE_BEFORE = re.compile(r"([A-Z][a-z]{1,13})\.?\s+$")
NAME_WORD = re.compile(r"^[A-Z][a-zà-öø-ÿ'’-]+$")
INITIAL = re.compile(r"^[A-Z]\.$")


def _plain(word: str) -> str:
    return word.lower().strip(".,’'")


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """First name -> 'm', 'f' or '' (either, or Faker does not say), read once from FIRST_NAMES."""
    names: dict[str, str] = {}
    with FIRST_NAMES.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.startswith("#"):
                name, _, gender = line.rstrip("\n").partition("\t")
                names[name] = gender
    return names


@lru_cache(maxsize=1)
def organization_keys() -> frozenset[str]:
    """The shipped organisation list, plus a user's file named by CLAIMGRAPH_ORGANIZATIONS."""
    return frozenset(_organization_key(name) for name in listed_names(ORGANIZATIONS, "CLAIMGRAPH_ORGANIZATIONS"))


def listed_names(shipped: str, user_variable: str) -> list[str]:
    """The names of a list shipped in claimgraph/data (one a line; "#" opens a comment line), then those of a user's
    file named by the environment variable `user_variable`, where it names a file: the outlet and organisation
    lists, each compared by its own key."""
    lines = resources.files("claimgraph.data").joinpath(shipped).read_text(encoding="utf-8").splitlines()
    user = os.environ.get(user_variable)
    if user and Path(user).is_file():
        lines += Path(user).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def _organization_key(name: str) -> str:
    """A name as the organisation list is compared: lower case, a hyphen or an apostrophe read as a space, no
    leading "the" ("al-Shabab" is Al Shabab, "the Taliban" Taliban)."""
    words = re.sub(r"[-'’]", " ", name).lower().split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def known_organization(name: str) -> bool:
    """A name on the shipped organisation list (`ORGANIZATIONS`): a body's, wherever it stands."""
    return _organization_key(name) in organization_keys()


def first_name_gender(name: str) -> str | None:
    """'m' or 'f' where the lexicon knows the name's first word as that gender only, else None."""
    words = name.split()
    return (first_names().get(words[0]) or None) if words else None


def looks_like_full_name(name: str) -> bool:
    """A first name from the lexicon and one to three capitalised words or initials after it, the last not an
    organisation's word ("Ilan Moss", "Gustavo Faleiros", "Michael R. Bloomberg"; not "Georgia Power Company")."""
    words = name.split()
    return (2 <= len(words) <= 4 and words[0] in first_names()
            and all(NAME_WORD.match(w) or INITIAL.match(w) for w in words[1:])
            and bool(NAME_WORD.match(words[-1])) and _plain(words[-1]) not in ORG_WORDS)


def person_noun(token: Token) -> bool:
    lower, lemma = token.lower_, token.lemma_.lower()
    return token.pos_ in {"NOUN", "PROPN"} and lower not in ORG_NOUNS and lemma not in ORG_NOUNS and (
        lower in PERSON_NOUNS or lemma in PERSON_NOUNS or lower.endswith(("ist", "ian", "person"))
        or (lower.endswith(("man", "woman")) and len(lower) > 5))


def org_noun(token: Token) -> bool:
    return token.pos_ in {"NOUN", "PROPN"} and (token.lower_ in ORG_NOUNS or token.lemma_.lower() in ORG_NOUNS)


def name_key(name: str) -> str:
    """A name as compared inside one article: no possessive, no leading 'the', lower case."""
    text = name[:-2] if name.endswith(("'s", "’s")) else name
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words).lower()


class TypeEvidence:
    """The evidence one article gives about the names in it; `type_of` is decided once per name."""

    def __init__(self, doc: Doc, ents: list[Span] | None = None) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.cache: dict[str, str | None] = {}
        self.scored: dict[str, tuple[float, float]] = {}
        self.labels: dict[str, list[str]] = {}
        for ent in doc.ents if ents is None else ents:
            self.labels.setdefault(name_key(ent.text), []).append(ent.label_)

    def type_of(self, name: str) -> str | None:
        """'person', 'organization', or None where the article's evidence is even (the caller keeps its guess)."""
        key = name_key(name)
        if key not in self.cache and (_outlet(name) or known_organization(name)) \
                and not self._surname_of_someone(name):
            # A name on the outlet or organisation list is a body's whatever "he" follows it ("El Velder reported …
            # he"): it is a person's only as someone's surname here ("Bloomberg" after "Michael Bloomberg").
            self.cache[key] = "organization"
        if key not in self.cache and self._called_a_group(name) and not self._titled(name):
            # "the militant group Al Shabab", "the Boko Haram group", "Jabhat Ansar al-Din": the article says the
            # name is a group's, which outweighs a "he" after it (often someone else's) and a first name ("Al").
            self.cache[key] = "organization"
        if key not in self.cache and self._a_place(name):
            # "in Karak, Velmark" … "Velmark said": a country or a city speaks for its government, a body, whatever
            # the recogniser's PERSON or a first name ("Jordan") says.
            self.cache[key] = "organization"
        if key not in self.cache:
            person, organisation = self.scores(name)
            self.cache[key] = ("person" if person > organisation else
                               "organization" if organisation > person else None)
        return self.cache[key]

    def scores(self, name: str) -> tuple[float, float]:
        """(person, organisation): 3 for strong evidence of each, 2 for the first-name lexicon, and the share of
        the name's entity mentions labelled PERSON or ORG."""
        name = name[:-2] if name.endswith(("'s", "’s")) else name
        if name not in self.scored:
            self.scored[name] = self._scores(name)
        return self.scored[name]

    def _scores(self, name: str) -> tuple[float, float]:
        strong_person, strong_org = self._context(name)
        person, organisation = 3.0 * strong_person, 3.0 * strong_org
        words = name.split()
        if len(words) > 1 and _plain(words[-1]) in ORG_WORDS:
            organisation += 3
        if (_outlet(name) or known_organization(name)) and not self._surname_of_someone(name):
            # "Boston Globe said", "Boko Haram said", which the recogniser may read as a person; not "Bloomberg"
            # where the article names Michael Bloomberg.
            organisation += 3
        if looks_like_full_name(name):
            person += 2
        labels = self.labels.get(name_key(name), [])
        if labels:
            person += labels.count("PERSON") / len(labels)
            organisation += labels.count("ORG") / len(labels)
        return person, organisation

    def _surname_of_someone(self, name: str, first_named: bool = False) -> bool:
        """Whether a person the recogniser found in the article has a name ending with `name` (`first_named`: one
        that opens on a first name, so that a headline's "Spurs Jordan" is no one's)."""
        key = name_key(name)
        return any(other.endswith(" " + key) and "PERSON" in labels and (
            not first_named or other.split()[0].capitalize() in first_names()) for other, labels in self.labels.items())

    def _titled(self, name: str) -> bool:
        """"Mr Moss", "Dr. Anthony Fauci", "Superintendent Ann Orr": an honorific right before the name or its
        last word, a title right before the full name, somewhere in the article."""
        words = name.split()
        if not words:  # a mention of punctuation alone (the fuzz test's); the place test asks about it too
            return False
        for words_named, titles in (([words[-1]], HONORIFICS), (words, HONORIFICS | TITLES | NOBLE)):
            for at in _occurrences(self.text, " ".join(words_named)):
                before = TITLE_BEFORE.findall(self.text, max(0, at - 20), at)
                if before and before[0].lower() in titles:
                    return True
        return False

    def _called_a_group(self, name: str) -> bool:
        """Whether the article calls the name a group's: an Arabic group word opens it ("Jabhat …", "Ansar
        al-…"), a group's noun stands right before it or it is set beside one ("militant group Al Shabab", "the
        group, Velmar Haram"), or it names the group of the noun after it ("the Boko Haram group", "Velmar Haram
        militants")."""
        words = name.split()
        if len(words) > 1 and words[0].lower() in GROUP_NAME_OPENERS and any(
                w.lower().startswith(("al-", "al ")) or w.lower() == "al" for w in words[1:]):
            return True
        for at in _occurrences(self.text, name):
            span = self.doc.char_span(at, at + len(name), alignment_mode="expand")
            if span is None or not len(span):
                continue
            root = span.root
            before = self.doc[span.start - 1] if span.start > 0 else None
            after = self.doc[span.end] if span.end < len(self.doc) else None
            # "the group Ilse Marr founded met …": the name is the subject of a clause on the noun, whatever the
            # parse made of it; not "The militant group Boko Haram has agreed", where the parse may make the noun
            # and the name both subjects of the verb.
            in_clause = after is not None and after.tag_ in {"VBD", "VBZ", "VBP"} and after.lemma_ not in {
                "be", "have", "do"} and after.head.i > after.i and after.head.pos_ in {"VERB", "AUX"}
            if before is not None and before.lower_ in GROUP_HEADS and not in_clause and (
                    before.head.i in range(span.start, span.end) or before.head.i == root.head.i != root.i):
                return True
            # "the group, Velmar Haram": the noun right before the name (not "the group The Sugarhill Gang, Big
            # Bank Hank", a member set after the group's own name, which the parse may hang on the noun)
            if root.dep_ == "appos" and root.head.lower_ in GROUP_HEADS and span.start - 2 <= root.head.i < (
                    span.start) and not in_clause:
                return True
            if any(child.dep_ == "appos" and child.lower_ in GROUP_HEADS and span.end <= child.left_edge.i <= (
                    span.end + 1) for child in root.children):  # "Al Dashir, the group, …", not a later apposition's
                return True
            head = root.head
            if root.dep_ in {"compound", "nmod"} and head.i >= span.end and head.pos_ == "NOUN" and (
                    head.lower_ in GROUP_HEADS or head.lemma_.lower() in GROUP_MEMBERS or head.lower_ in GROUP_MEMBERS):
                return True
        return False

    def _a_place(self, name: str) -> bool:
        """Whether the article calls the name a place's and nothing says it is a person's: a word for a place
        before it ("the capital Velmark", "the city of Velmark"), or the recogniser labels it a place where a
        preposition of place or a place before a comma leads to it ("in Velmark", "in Karak, Velmark"); not a
        full name, someone's surname, a titled name, nor one a "he" follows or a role noun stands beside."""
        if looks_like_full_name(name) or self._surname_of_someone(name, first_named=True) or self._titled(name):
            return False
        labels = self.labels.get(name_key(name), [])
        # A place's label after "in"/"from" counts where the recogniser calls the name a place more often than a
        # person ("a letter from Obama to Putin" labelled Obama a place once).
        mostly_a_place = labels.count("GPE") + labels.count("LOC") > labels.count("PERSON")
        placed = False
        for at in _occurrences(self.text, name):
            span = self.doc.char_span(at, at + len(name), alignment_mode="expand")
            if span is None or not len(span) or span.start == 0:
                continue
            placed = placed or _placed(span, mostly_a_place)
        return placed and not self._context(name)[0]

    def _context(self, name: str) -> tuple[bool, bool]:
        """Strong evidence around the name's mentions in the article: (person, organisation)."""
        words = name.split()
        if not words or not any(ch.isalpha() for ch in name):
            return False, False
        person, organisation = self._titled(name), False
        for at in _occurrences(self.text, name):
            span = self.doc.char_span(at, at + len(name), alignment_mode="expand")
            if span is None or not len(span):
                continue
            p, o = _around(span)
            person, organisation = person or p, organisation or o
            if person and organisation:
                break
        return person, organisation


# Words for a place that say the name after them, or after their "of", is a place's ("the capital Velmark", "the
# city of Velmark"; "the Velmark region" is a region, not Velmark): here for a speaker's type, in persons.py for an
# affiliation ("the border town of Kestrova" is no body). found.PLACE_NOUNS stays apart: it holds nouns for where
# something is (a room, a store, a market), whose "of" names no place ("the office of the mayor").
PLACE_WORDS = {"capital", "city", "town", "village", "hamlet", "suburb", "neighbourhood", "neighborhood", "province",
               "region", "county", "district", "municipality", "country", "nation", "state", "island", "port",
               "kingdom", "republic", "emirate"}
PLACE_PREPOSITIONS = {"in", "from", "near", "to", "across", "outside", "inside", "into", "throughout"}


def _placed(span: Span, mostly_a_place: bool) -> bool:
    """One mention of a name set where a place stands: after a word for a place ("the capital Velmark", "the city
    of Velmark"), or labelled a place by the recogniser (here, and in the article more often than a person) after a
    preposition of place or a place and a comma ("in Velmark", "Karak, Velmark"), not as an owner ("in Velmark's
    view")."""
    doc = span.doc
    before = doc[span.start - 1]
    if before.lower_ in PLACE_WORDS and before.is_lower and before.pos_ == "NOUN":
        return True
    if before.lower_ == "of" and span.start >= 2 and doc[span.start - 2].lower_ in PLACE_WORDS and doc[
            span.start - 2].is_lower:
        return True
    owned = span.end < len(doc) and doc[span.end].tag_ == "POS"
    labelled = mostly_a_place and all(t.ent_type_ in {"GPE", "LOC"} for t in span)
    if not labelled or owned:
        return False
    return before.lower_ in PLACE_PREPOSITIONS or before.text == "," and span.start >= 2 and doc[
        span.start - 2].ent_type_ in {"GPE", "LOC"}


def _outlet(name: str) -> bool:
    """A name on the outlet list: a body (imported here, as the names module reads this one's lexicons)."""
    from claimgraph.attribution.speakers.names import is_outlet
    return is_outlet(name)


def _occurrences(text: str, name: str):
    """Where `name` stands in `text` as whole words (str.find: a regex per name cost more than the rest)."""
    at = text.find(name)
    while at >= 0 and name:
        end = at + len(name)
        if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "-")) and (
                end == len(text) or not (text[end].isalnum() or text[end] == "-")):
            yield at
        at = text.find(name, at + 1)


def _around(span: Span) -> tuple[bool, bool]:
    """What the words around one mention of a name say it is: (person, organisation)."""
    doc = span.doc
    root = span.root
    inside = {t.i for t in span}
    person = organisation = False
    # "Ilan Moss, a pilot" / "Pelco, a camera maker": an apposition's noun.
    for child in root.children:
        if child.dep_ == "appos" and child.i not in inside:
            person = person or person_noun(child)
            organisation = organisation or org_noun(child)
    # "a new spokesperson, Dana Welk" / "a research firm, Rhodium": the name is the apposition.
    if root.dep_ == "appos" and root.head.i not in inside:
        person = person or person_noun(root.head)
        organisation = organisation or org_noun(root.head)
    # "actress Alex Borstein", "Chief Executive Satya Nadella": a role noun right before the name; "terror group
    # Velmar Haram", "news site Xendan": a body's noun (a group the recogniser or a "he" after it took for a person).
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.head.i in inside and before.dep_ in {"compound", "amod", "nmod"}:
        person = person or person_noun(before)
        organisation = organisation or org_noun(before)
    # "Al Shabab, which recently threatened …": a thing's relative pronoun (a person's is "who").
    if any(child.dep_ == "relcl" and child.i >= span.end and any(
            grand.lower_ == "which" and grand.dep_ in {"nsubj", "nsubjpass"} and grand.i < child.i
            for grand in child.children) for child in root.children):
        organisation = True
    # "researchers at OpenAI", "the CEO of Kestrelnet", "an analyst with Rhodium", "a spokesperson for OpenAI".
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        prep, holder = root.head.lower_, root.head.head
        if prep in {"at", "of", "with"} and holder.lower_ in SERVING or (
                prep == "for" and holder.lower_ in SPOKES and not looks_like_full_name(span.text)):
            organisation = True
    # "Microsoft President Brad Smith", "Kestrelnet CEO Tomas Brand", "OpenAI's spokesperson".
    if root.dep_ in {"compound", "nmod", "poss"} and root.head.lower_ in SERVING - {"partner", "member", "members"}:
        organisation = True
    # "Velmar Haram militants said", "an Ostrand fighter": the group its fighters belong to.
    if root.dep_ in {"compound", "nmod"} and root.head.i not in inside and root.head.pos_ == "NOUN" and (
            root.head.lemma_.lower() in GROUP_MEMBERS or root.head.lower_ in GROUP_MEMBERS):
        organisation = True
    # "the Pentagon", "The Army": a name with "the" right before it is a body's; a person's takes a title between
    # ("the Rev. Ilse Marr"), or is a title itself ("the Pope"), or a word for what one is ("the Marine", "the
    # Democrat", which the recogniser labels a group). A "he" after it is then someone else.
    if before is not None and before.lower_ == "the" and before.head.i in inside and span[0].pos_ == "PROPN" and (
            _plain(span[0].text) not in TITLES | HONORIFICS) and span[0].ent_type_ != "NORP" and not person_noun(
            span[0]) and root.dep_ not in {"compound", "nmod", "amod"}:  # "The Father"; "the Ostrand suspect"
        return person, True
    # "Moss said he would …", "Pelco said its …": the first personal pronoun after the subject ("it" is no
    # evidence: "Moss said it was late").
    if root.dep_ in {"nsubj", "nsubjpass"}:
        for token in doc[span.end:min(span.end + 30, len(doc))]:
            if token.is_sent_start:
                break
            if token.ent_type_ in {"PERSON", "ORG"} or token.pos_ == "PROPN":
                break
            if token.lower_ in PERSON_PRONOUNS and (token.pos_ == "PRON" or token.tag_ == "PRP$"):
                person = True
                break
            if token.lower_ == "its":
                organisation = True
                break
    return person, organisation
