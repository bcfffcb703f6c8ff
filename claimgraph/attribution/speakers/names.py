"""Names as news copy writes them, apart from any one article's memory.

Outlets: the shipped list (plus a user's file named by CLAIMGRAPH_OUTLETS), a name less a descriptor ("the
Associated Press news agency"), a broadcaster's call sign ("ABC13"), a paper by its last word ("Sun Sentinel").
One organisation named with and without its company suffix ("Microsoft Corp", "Microsoft": `same_body`); letters
after a name ("QC") and generations ("Jr.") that a surname skips; a name in capitals as a reader writes it; whether a
pronoun's or an honorific's gender fits a first name (`gender_fits`, `identity_fits`); a role and a full name
the recogniser read as one organisation or one person ("Harbor Lights supporter Ilse Marr", "Rapper Ilse Marr":
`named_inside`); a body's name without the words that describe it ("the Britain-based Syrian Observatory …", "…
monitoring group": `body_name`); a common noun in lower case is no masthead ("a hoax e-mail"). Names as a page
sets them: an account's handle after a role noun ("Twitter user MAbiga6": `handle_after_role`), a display name in
lower case signing an embedded post (`lower_case_signer`); whether a description's head is a name rather than a
group described or a common noun (`named_head`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span, Token

from claimgraph.attribution.cues import STATEMENT_NOUNS
from claimgraph.attribution.found import doc_text
from claimgraph.attribution.speaker_types import (
    NAME_WORD,
    ORG_NOUNS,
    ORG_WORDS,
    PERSON_NOUNS,
    TITLES,
    first_name_gender,
    first_names,
    listed_names,
    looks_like_full_name,
)
from claimgraph.attribution.speakers.mentions import DETERMINERS, strip_det
from claimgraph.nlp.signatures import SIGNATURE_DASHES, SIGNED_HANDLE
from claimgraph.records import Speaker, normalise_name


@lru_cache(maxsize=1)
def outlet_names() -> frozenset[str]:
    """The shipped outlet list, plus a user's file named by CLAIMGRAPH_OUTLETS."""
    return frozenset(_outlet_key(name) for name in listed_names("outlets.txt", "CLAIMGRAPH_OUTLETS"))


# A site's domain after its name ("Huzlers.com", "Hip Hop Wired.com"): the site as the list names it.
DOMAIN_ENDINGS = (".com", ".net", ".org", ".co.uk")


def _outlet_key(name: str) -> str:
    """A name as the outlet list is compared: as `normalise_name`, a hyphen read as a space ("al-Jazeera" is Al
    Jazeera, "Washington Free-Beacon" the Washington Free Beacon)."""
    return normalise_name(name).replace("-", " ")


def is_outlet(name: str) -> bool:
    key = _outlet_key(name)
    if key in outlet_names():
        return True
    domain = next((end for end in DOMAIN_ENDINGS if key.endswith(end)), None)
    return domain is not None and key[:-len(domain)] in outlet_names()


# Local broadcasters named by network or call sign and channel ("ABC13", "NBC 4", "KTLA 5", "KCTV-5", "KSHB -41")
# or by call sign and "-TV" ("KDSK-TV"): outlets. A call sign alone is not enough: "WHO" is no station.
CALL_SIGN = re.compile(r"^(?:ABC|NBC|CBS|FOX|Fox|CW|PBS|[KW][A-Z]{2,3})(?:\s?-?\s?\d{1,2}|-TV(?:\s?\d{1,2})?)$")
# A newspaper's or broadcaster's name by its last word ("South Florida Sun Sentinel", "Euro News").
OUTLET_WORDS = {"times", "post", "journal", "herald", "tribune", "chronicle", "gazette", "sentinel", "news",
                "examiner", "inquirer", "courier", "dispatch", "bulletin", "telegraph", "observer", "mirror"}
OUTLET_DESCRIPTORS = {"news", "agency", "newspaper", "website", "network", "broadcaster", "channel", "magazine",
                      "wire", "service", "paper", "daily", "tabloid", "station"}


def outlet_name(alias: str) -> str | None:
    """The outlet a mention names: on the outlet list as written, or less a descriptor after it ("the Associated
    Press news agency"), or a broadcaster's call sign and channel ("ABC13"); None where it names none."""
    name = strip_det(alias)
    if not any(ch.isupper() or ch.isdigit() for ch in name):
        return None  # "a hoax e-mail": a common noun, though "The Mail" is a paper's name
    if is_outlet(name):
        return name
    words = body_name(name).split()
    if len(words) > 1 and words[0].endswith(("'s", "’s")) and is_outlet(" ".join(words[1:])):
        return " ".join(words[1:])  # "Britain's Harbor Wire": the outlet of a country, not the country's
    if is_outlet(" ".join(words)):
        return " ".join(words)  # "the Kestrel-based Harbor Wire", "respected local newspaper Harbor Wire"
    while len(words) > 1 and words[-1].lower() in OUTLET_DESCRIPTORS:
        words = words[:-1]
        if is_outlet(" ".join(words)):
            return " ".join(words)
    return name if CALL_SIGN.match(name) else None


# Words a body's name may hold in lower case ("Department of Homeland Security", "al Sabaah"): no description.
NAME_PARTICLES = {"of", "for", "and", "the", "in", "on", "at", "to", "de", "du", "des", "del", "della", "la", "le",
                  "el", "al", "da", "di", "van", "von", "der", "den", "bin", "ibn", "y", "&"}
POSSESSIVES = {"his", "her", "its", "their", "our", "my", "your"}
GENERIC_MEDIA = {"tv", "radio", "media", "press", "television"}
# Words that say a thing only passes for the body it names ("a fake Harbor Wire site", "the impostor website").
NOT_THE_BODY = {"fake", "impostor", "imposter", "parody", "spoof", "bogus", "hoax", "copycat", "counterfeit",
                "imitation", "satirical", "satire", "fraudulent", "phony", "phoney", "sham"}
# Words that join a name to another phrase, never part of a description before a name ("… from Keighley").
LINKS = {"from", "by", "with", "as", "who", "which", "that", "about", "into", "after", "before", "near", "over",
         "under", "between", "against", "like", "than", "via", "says", "said"}
# "Britain-based", "state-run", "Arabic-language": an adjective of where or how a body works, no part of its name.
BODY_ADJECTIVE = re.compile(r"^[\w.’']+-(?:based|run|owned|backed|funded|controlled|affiliated|language|linked)$")


def body_name(name: str) -> str:
    """A body's name without the description a sentence set around it ("the Britain-based Syrian Observatory for
    Human Rights", "respected Kestrel newspaper Harbor Wire", "the Velder Observatory monitoring group"): the
    capitalised name alone; the name as it was where no capitalised word would be left."""
    words = name.split()
    if any(w.lower() in NOT_THE_BODY for w in words):
        return name  # "a fake Harbor Wire site" is not Harbor Wire
    if len(words) > 1 and words[-1] in ORG_NOUNS | OUTLET_DESCRIPTORS:
        end = len(words)
        while end > 1 and words[end - 1].islower() and words[end - 1] not in NAME_PARTICLES:
            end -= 1  # "… monitoring group", "… news agency", "… daily"
        if any(w[:1].isupper() for w in words[:end]) and not words[end - 1].islower():
            words = words[:end]
    # The description before the name: its last lower-case word or "-based" adjective, with no particle of a name
    # before it ("Department of state …" is a name) and no possessive pronoun ("her Facebook" is her page).
    start = 0
    for i, word in enumerate(words[:-1]):
        if word.lower() in NAME_PARTICLES | POSSESSIVES or word in LINKS:
            break  # "Mr Abdulla, from Keighley": not a description of Keighley
        if (word.islower() and word.replace("-", "").isalpha()) or BODY_ADJECTIVE.match(word):  # "pro-government"
            start = i + 1
    rest = words[start:]
    if start and any(w[:1].isupper() for w in rest) and rest[0].lower() not in (NAME_PARTICLES | LINKS) - {
            "al", "el"} and " ".join(rest).lower() not in ORG_NOUNS | OUTLET_DESCRIPTORS | GENERIC_MEDIA and (
            words[start - 1].lower() not in (PERSON_NOUNS | TITLES) - {"official"}):
        # Not "state TV" → "TV", a description all through; "state prosecutor Inaky Blanco" is a role and a person
        # ("official" before a name is the adjective: "the official KCNA").
        words = rest
    return " ".join(words)


GENDERED = {"mr": "m", "ms": "f", "mrs": "f", "miss": "f"}
GENDERED_NOUNS = {"actress": "f", "spokeswoman": "f", "chairwoman": "f", "businesswoman": "f", "congresswoman": "f",
                  "councilwoman": "f", "mother": "f", "wife": "f", "daughter": "f", "actor": "m", "spokesman": "m",
                  "chairman": "m", "businessman": "m", "congressman": "m", "councilman": "m", "father": "m",
                  "husband": "m", "son": "m"}


def named_inside(name: str) -> tuple[str, str] | None:
    """(role, person) where a name read as one organisation or one person is a role and a person's full name
    ("Harbor Lights supporter Ilse Marr", "Rapper Ilse Marr"); None otherwise."""
    words = name.split()
    for i in range(len(words) - 2, -1, -1):
        if words[i].islower() and i > 0 and words[i] in PERSON_NOUNS and full_name_after_role(
                words[i + 1:], known_first_name=False):  # "CBI spokesperson Kanchan Prasad"
            return " ".join(words[:i + 1]), " ".join(words[i + 1:])
        role = _capitalised_role(words[i], first=i == 0)
        if role and full_name_after_role(words[i + 1:], known_first_name=role == "ending"):
            return " ".join(words[:i] + [words[i].lower()]), " ".join(words[i + 1:])
    return None


def owned_name(person: Span) -> tuple[Span, str | None]:
    """A person's name as the recogniser ran it together with its owner: after an owner's possessive ("Harbor
    Wire's Tova Brenn", "Velmar's King Tomar"), or after an outlet's name ("told Harbor Wire Brenn was …"): the
    person's words and the owner; the name and None where it holds no owner."""
    doc = person.doc
    for token in person[1:-2]:
        # Two words at least after it, no number: "Tova's Instagram", "the Harbor Wire's Page Six" are no people.
        if token.tag_ == "POS" and doc[token.i + 1].text[:1].isupper() and not any(
                t.like_num for t in doc[token.i + 1:person.end]):
            return doc[token.i + 1:person.end], strip_det(doc[person.start:token.i].text)
    for end in range(person.end - 1, person.start, -1):
        owner = doc[person.start:end]
        # Not a first name that is also an outlet's ("Sky Brown", "Fox Mulder"), nor an outlet's local edition
        # ("CBS Detroit").
        rest = doc[end:person.end]
        if is_outlet(owner.text) and owner[0].text not in first_names() and (
                rest[0].text in first_names() or looks_like_full_name(rest.text)):
            return doc[end:person.end], strip_det(owner.text)
    # "Harbor Wire's Tova Brenn" with the name alone recognised: the owner hung on it, a body (not a person's
    # "Vell's lawyer", nor a place's "Velmar's Tomas Brand").
    poss = next((c for c in person.root.children if c.dep_ == "poss" and c.i < person.start), None)
    if poss is not None and (poss.text[:1].isupper() or is_outlet(poss.text)) and poss.ent_type_ not in {
            "PERSON", "GPE", "LOC", "NORP"}:  # (an outlet's name may open with a digit: "9to5Mac's Mark Gurman")
        return person, strip_det(doc[poss.left_edge.i:poss.i + 1].text)
    return person, None


def name_with_s(name: str, mention: str, text: str) -> str:
    """'McDonald’s said …': a body's name that ends in "'s" (a shop's, a firm's) where the article never writes it
    without: the name as written, not a possessive cut to a surname ("Vell's said" after "Mara Vell" stays Vell)."""
    mention = mention.strip()
    if not mention.endswith(("'s", "’s")) or name.endswith(("'s", "’s")) or not name:
        return name
    if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])(?!['’]s(?!\w))", text):
        return name
    return name + mention[-2:]


# Ranks that go on a title ("Air Chief Marshal Badeh"): the title's, not the first word of a name.
RANKS = {"marshal", "admiral", "major", "brigadier", "commodore", "corporal", "private", "vice", "rear", "field",
         "air", "staff", "first", "second"}
# Words that end a noun for what a person is or does ("Rapper", "Screenwriter", "Novelist", "Schoolgirl").
ROLE_ENDINGS = ("er", "ist", "boy", "girl")


def _capitalised_role(word: str, first: bool) -> str | None:
    """'noun' or 'ending' where a capitalised word says what a person is, set before a name as the sentence's first
    word or a title ("Mum Ana Ruiz, 29, said", "… Council Spokesperson Dana Welk": a person noun; "Rapper Ilse Marr
    said": a person noun's ending), not a first name; else None. Away from the name's start only a person noun
    counts: a word ending "-er" there may be a surname's."""
    lower = word.lower()
    if not NAME_WORD.match(word) or word in first_names() or word.isupper():
        return None
    if lower in PERSON_NOUNS:
        return "noun"
    return "ending" if first and len(lower) > 5 and lower.endswith(ROLE_ENDINGS) else None


def full_name_after_role(words: list[str], known_first_name: bool) -> bool:
    """Two or three words of a person's name after a role noun ("Ilse Marr", "Meng Xiangyan"), not a body's name
    ("Media Group", an outlet) nor more of a title ("Deputy General Counsel"). After a word that only ends like a
    person noun the first name must be the lexicon's: "Velder Free Beacon" is a place's paper."""
    name = " ".join(words)
    return (looks_like_full_name(name) or not known_first_name and 2 <= len(words) <= 3 and all(
        NAME_WORD.match(w) for w in words)) and words[-1].lower().strip(".,") not in ORG_WORDS and (
        not is_outlet(name)) and not any(w.lower().strip(".") in PERSON_NOUNS | TITLES | RANKS for w in words)


# An account's handle: letters and digits with at least one digit ("MAbiga6", "@harbor_88").
HANDLE = re.compile(r"^@?[A-Za-z][A-Za-z_]*\d[A-Za-z0-9_]*$")


def gender_fits(name: str, gender: str | None, said: dict[str, str] | None = None) -> bool:
    """A pronoun's gender ('m', 'f', or None) fits a name unless the lexicon knows its first name as the other's
    and the article does not give the name the pronoun's gender itself (`said`, from `genders_said`)."""
    known = first_name_gender(name) if gender and len(name.split()) > 1 else None  # "Price" is no first name
    return known is None or known == gender or _gender_said(name, said) == gender


def identity_fits(name: str, gender: str | None, said: dict[str, str] | None = None) -> bool:
    """As `gender_fits`, for the name of an identity: one the article names by one word only ("Meghan", "Harry";
    a surname read alone has taken the full name already) is a first name, and its gender counts."""
    if len(name.split()) == 1 and gender:
        known = first_name_gender(name)
        return known is None or known == gender or _gender_said(name, said) == gender
    return gender_fits(name, gender, said)


def _gender_said(name: str, said: dict[str, str] | None) -> str | None:
    """The gender the article gives `name`: by the name as written, else by its surname."""
    words = strip_det(name).split()
    if not said or not words:
        return None
    return said.get(" ".join(words).lower()) or said.get(surname_key(words[-1]))


def genders_said(ents: list[Span]) -> dict[str, str]:
    """The gender the article itself gives a person by an honorific ("Miss Smith", "Mrs. Clinton"), by the name as
    written in lower case and, where the article names one person of that surname in full, by the surname
    (`surname_key`). It lets a pronoun take a name whose first name the lexicon knows as the other gender's only
    ("Jess" is a woman's name too, "Clinton" a surname), never rules one out; a name given both is left out. (A
    "his"/"her" in the name's own clause is no such evidence: "Vell criticized her record" is someone else's.)"""
    found: dict[str, set[str]] = {}
    full_names: dict[str, set[str]] = {}  # surname -> the full names of that surname
    for ent in ents:
        words = strip_det(ent.text).split() if ent.label_ == "PERSON" else []
        if not words:
            continue  # not a person, or a "person" that is only a determiner ("The" on a broken page)
        surname = surname_key(words[-1])
        if len(words) > 1 and words[0].lower().rstrip(".") not in GENDERED:
            full_names.setdefault(surname, set()).add(" ".join(words).lower())
        before = ent.doc[ent.start - 1].lower_.rstrip(".") if ent.start > 0 else ""
        gender = GENDERED.get(words[0].lower().rstrip(".")) or GENDERED.get(before)
        if gender:
            found.setdefault(" ".join(words).lower(), set()).add(gender)
            found.setdefault(surname, set()).add(gender)
    # "Mrs Smith" beside Jess Smith and Anji Smith is either: a surname stands for one person only.
    return {key: next(iter(genders)) for key, genders in found.items()
            if len(genders) == 1 and len(full_names.get(key, ())) <= 1}


def same_body(known: Speaker, speaker: Speaker) -> bool:
    """'Microsoft' and 'Microsoft Corp' in one article: one organisation, named with and without its suffix."""
    return known.type == speaker.type and known.type in {"organization", "news_outlet"} and normalise_name(
        short_name(known.name)) == normalise_name(short_name(speaker.name))


# The article an Arabic surname may carry ("Ali al-Badri" … "Badri said"): no part of the surname as copy repeats it.
SURNAME_ARTICLES = ("al-", "el-", "ul-", "as-", "ash-", "ad-", "an-", "ar-", "at-", "az-")


def surname_key(word: str) -> str:
    """A surname as compared: lower case, without the Arabic article ("al-Badri" and "Badri" are one surname)."""
    lower = word.lower().strip(".,")
    for article in SURNAME_ARTICLES:
        if lower.startswith(article) and len(lower) > len(article) + 1:
            return lower[len(article):]
    return lower


# Letters after a name ("QC", "Jr."): no part of the name a surname points at.
POSTNOMINALS = {"qc", "kc", "mp", "msp", "mep", "obe", "cbe", "mbe", "kbe", "dbe", "phd"}
GENERATIONS = {"jr", "sr", "ii", "iii", "iv"}  # part of the name, but not the surname ("Biden" of "… Biden Jr.")
COMPANY_SUFFIXES = {"corp", "corporation", "inc", "ltd", "llc", "plc", "co", "group", "company", "ag", "sa", "gmbh"}


def short_name(name: str) -> str:
    """'Microsoft Corp.' → 'Microsoft', 'The Kestrel Ferry Company' → 'Kestrel Ferry': how the text names it again."""
    words = strip_det(name).split()
    while len(words) > 1 and words[-1].lower().strip(".,") in COMPANY_SUFFIXES:
        words = words[:-1]
    return " ".join(words)


def plural(noun: str) -> str:
    """'academic' → 'academics' (a description's head in the plural; one already plural stays)."""
    if noun.endswith("s"):
        return noun
    return noun + ("es" if noun.endswith(("sh", "ch", "x")) else "s")


def unshout(name: str) -> str:
    """A name written in capitals ("THERESA VILLIERS", a page's heading) as a reader writes it."""
    return name.title() if name.isupper() and sum(ch.isalpha() for ch in name) > 3 else name


# Nouns for whoever holds an account ("Redditor doctorkuddles", "Instagram user gtorious"): a word in lower case
# right after one is the account's name, as no word of running prose stands there (FNC-1 design: four such names
# were anonymous "Redditor doctorkuddles" or "User fryd", and their later mentions nobody).
ACCOUNT_NOUNS = {"user", "redditor", "commenter", "username", "poster", "tweeter", "instagrammer", "youtuber"}
# An account's name in lower case: letters, digits, underscores and stops, no space ("doctorkuddles", "fryd_").
LOWER_HANDLE = re.compile(r"^[a-z][a-z0-9_.]{2,}$")
# What a holder's noun modifies in prose ("user comments suggest …", "a user review says …"): no account's name.
ACCOUNT_THINGS = STATEMENT_NOUNS | {"comment", "review", "rating", "feedback", "account", "name", "data", "base",
                                    "interface", "group", "forum", "profile", "page"}


def handle_after_role(root: Token) -> tuple[str, str] | None:
    """'Twitter user MAbiga6 replies': an account's handle right after a role noun is the one who posts, whatever
    the recogniser made of the words before it ("Twitter" as a person); the words before are its role (FNC-1
    sample A: the speaker was "Twitter"). Also a name in lower case after a noun for an account's holder
    ("Redditor doctorkuddles says", "User fryd_ commented": `ACCOUNT_NOUNS`). The handle and the role, or None."""
    doc = root.doc
    start = root.i
    while start > 0 and not doc[start - 1].whitespace_ and (doc[start - 1].is_alpha or doc[start - 1].text == "_"
                                                            or doc[start - 1].like_num):
        start -= 1  # "fryd_": the tokeniser splits the underscore off the name
    handle = doc[start:root.i + 1].text
    if start == 0:
        return None
    noun = doc[start - 1]
    # A name the tagger reads as a plural ("doctorkuddles") is one where its verb agrees with one ("says"), never
    # where the words are prose ("user comments suggest").
    one = root.tag_ not in {"NNS", "NNPS"} or root.head.tag_ == "VBZ" and root.dep_ == "nsubj"
    lower = bool(LOWER_HANDLE.match(handle)) and noun.lower_ in ACCOUNT_NOUNS and one and (
        root.lemma_.lower() not in ACCOUNT_THINGS and root.lower_ not in ACCOUNT_THINGS)
    handled = HANDLE.match(handle) and noun.lower_ in PERSON_NOUNS and root.tag_ not in {"NNS", "NNPS"}
    if not (handled or lower) or not start <= noun.head.i <= root.i:
        return None
    # The words before as a role, its nouns in lower case ("User fryd_" opening a sentence: "user").
    words = [t.lower_ if t.lower_ in ACCOUNT_NOUNS else t.text for t in doc[noun.left_edge.i:start]
             if t.lower_ not in DETERMINERS and not t.is_punct]
    return (handle, " ".join(words)) if words else None


def account_named_again(known: list[Speaker], mention: str) -> Speaker | None:
    """'doctorkuddles further says …': an account's name in lower case, alone, that the article gave earlier after
    its role noun (`handle_after_role`): that account's holder; None for any other mention."""
    if not LOWER_HANDLE.match(mention):
        return None
    return next((k for k in reversed(known) if k.type == "person" and k.name == mention), None)


# How far before a signature's display name its dash may stand (the dash, spaces, a line break).
SIGNATURE_GAP = 8


def lower_case_signer(mention: Span) -> Speaker | None:
    """'— pizza underground (@pizzaund) May 3, 2016': an account's display name in lower case, signing a post, is
    the speaker's whole name; the parse reads it as a description and names it by a noun of it (FNC-1 train: "pizza"
    for "pizza underground" twice, "chan" for "brenda chan", nobody for "patricelatimes"). A person where it is two
    or three words and the first a first name ("brenda chan"); else an account the page does not say the kind of."""
    text = doc_text(mention.doc)
    name = " ".join(mention.text.split())
    if not any(c.islower() for c in name) or any(c.isupper() for c in name):
        return None  # a name with capitals is the recogniser's to read; so is one in a script without case
    # The few characters before the name, not the whole text before it: this is asked of every lower-case mention.
    before = text[max(0, mention.start_char - SIGNATURE_GAP):mention.start_char]
    if not before.rstrip().endswith(SIGNATURE_DASHES) or not SIGNED_HANDLE.match(text, mention.end_char):
        return None
    parts = name.split()
    person = 2 <= len(parts) <= 3 and parts[0].capitalize() in first_names()
    return Speaker(name, "person" if person else "unknown")


def hyphened_particle(token: Token) -> bool:
    """The lower-case article "al" or "el" hyphened to the word after it ("al-Dovan", which the tokeniser splits into
    "al", "-", "Dovan"): part of that name."""
    doc = token.doc
    return token.lower_ in {"al", "el"} and not token.whitespace_ and token.i + 2 < len(doc) and (
        doc[token.i + 1].text == "-" and not doc[token.i + 1].whitespace_)


def _particle_of_name(token: Token) -> bool:
    """The particle that opens a name ("the group al-Dovan", parsed with "al" as head): the head of a name, not a
    description called "al"."""
    return hyphened_particle(token) and token.doc[token.i + 2].text[:1].isupper()


def named_head(mention: Span, core: list[Token], ents: list[Span], alias: str) -> tuple[Span | None, bool]:
    """Whether a description's head is a name (a body or a person named) rather than a group described or a common
    noun; with the organisation entity of the mention, where there is one."""
    root = mention.root
    # An entity all in lower case ("the harbor board") is the recogniser's guess at a description, not a name.
    org = next((e for e in ents if (e.label_ in {"ORG", "NORP", "GPE", "FAC"} and len(e) > 1 or e.label_ == "ORG")
                and any(t.text[:1].isupper() and t.lower_ not in DETERMINERS for t in e)), None)
    # A proper noun in lower case ("the harbor board") is the tagger's guess, not a name.
    root_named = (root.pos_ == "PROPN" and not root.text[:1].islower()) or (
        org is not None and org.start <= root.i < org.end) or _particle_of_name(root)
    people_noun = root.lower_.endswith("s") and root.lower_[:-1] in PERSON_NOUNS  # "MPs", however tagged
    if root_named and (root.tag_ in {"NNS", "NNPS"} or people_noun) and (
            org is None or org.label_ == "NORP" or people_noun) and not is_outlet(alias) and (
            root.ent_type_ != "PERSON"):
        root_named = False  # "Tory MPs", "Wary Republicans in the state": a group described, not a body named
    if root_named and len(core) == 1 and not root.ent_type_ and root.is_sent_start and re.search(
            rf"(?<![\w-]){re.escape(root.lower_)}(?![\w-])", doc_text(mention.doc)):
        root_named = False  # "Video obtained from the salon shows …" (and "the video" later): a common noun
    return org, root_named
