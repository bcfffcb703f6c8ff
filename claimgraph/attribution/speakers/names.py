"""Names as news copy writes them, apart from any one article's memory.

Outlets: the shipped list (plus a user's file named by CLAIMGRAPH_OUTLETS), a name less a descriptor ("the
Associated Press news agency"), a broadcaster's call sign ("ABC13"), a paper by its last word ("Sun Sentinel").
One organisation named with and without its company suffix ("Microsoft Corp", "Microsoft": `_same_body`); letters
after a name ("QC") and generations ("Jr.") that a surname skips; a name in capitals as a reader writes it; whether a
pronoun's or an honorific's gender fits a first name (`_gender_fits`, `_identity_fits`); a role and a full name
the recogniser read as one organisation ("Harbor Lights supporter Ilse Marr": `_named_inside`).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from claimgraph.attribution.speaker_types import PERSON_NOUNS, first_name_gender, looks_like_full_name
from claimgraph.attribution.speakers.mentions import _strip_det
from claimgraph.records import Speaker, normalise_name


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


# Local broadcasters named by network or call sign and channel ("ABC13", "NBC 4", "KTLA 5"): outlets.
CALL_SIGN = re.compile(r"^(?:ABC|NBC|CBS|FOX|Fox|CW|PBS|[KW][A-Z]{2,3})\s?\d{1,2}$")
# A newspaper's or broadcaster's name by its last word ("South Florida Sun Sentinel", "Euro News").
OUTLET_WORDS = {"times", "post", "journal", "herald", "tribune", "chronicle", "gazette", "sentinel", "news",
                "examiner", "inquirer", "courier", "dispatch", "bulletin", "telegraph", "observer", "mirror"}
OUTLET_DESCRIPTORS = {"news", "agency", "newspaper", "website", "network", "broadcaster", "channel", "magazine",
                      "wire", "service", "paper", "daily", "tabloid", "station"}


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


GENDERED = {"mr": "m", "ms": "f", "mrs": "f", "miss": "f"}
GENDERED_NOUNS = {"actress": "f", "spokeswoman": "f", "chairwoman": "f", "businesswoman": "f", "congresswoman": "f",
                  "councilwoman": "f", "mother": "f", "wife": "f", "daughter": "f", "actor": "m", "spokesman": "m",
                  "chairman": "m", "businessman": "m", "congressman": "m", "councilman": "m", "father": "m",
                  "husband": "m", "son": "m"}


def _named_inside(name: str) -> tuple[str, str] | None:
    """(role, person) where a name read as one organisation is a role and a person's full name ("Harbor Lights
    supporter Ilse Marr"); None otherwise."""
    words = name.split()
    for i in range(len(words) - 2, 0, -1):
        if words[i].islower() and words[i] in PERSON_NOUNS and looks_like_full_name(" ".join(words[i + 1:])):
            return " ".join(words[:i + 1]), " ".join(words[i + 1:])
    return None


# An account's handle: letters and digits with at least one digit ("MAbiga6", "@harbor_88").
HANDLE = re.compile(r"^@?[A-Za-z][A-Za-z_]*\d[A-Za-z0-9_]*$")


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


def _same_body(known: Speaker, speaker: Speaker) -> bool:
    """'Microsoft' and 'Microsoft Corp' in one article: one organisation, named with and without its suffix."""
    return known.type == speaker.type and known.type in {"organization", "news_outlet"} and normalise_name(
        _short_name(known.name)) == normalise_name(_short_name(speaker.name))


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


def _plural(noun: str) -> str:
    """'academic' → 'academics' (a description's head in the plural; one already plural stays)."""
    if noun.endswith("s"):
        return noun
    return noun + ("es" if noun.endswith(("sh", "ch", "x")) else "s")


def _unshout(name: str) -> str:
    """A name written in capitals ("THERESA VILLIERS", a page's heading) as a reader writes it."""
    return name.title() if name.isupper() and sum(ch.isalpha() for ch in name) > 3 else name
