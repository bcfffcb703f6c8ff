"""Roles and titles: the words before or beside a name that say what someone is.

"White House press secretary Sean Spicer" is Sean Spicer, role "press secretary"; a title is the role, never part
of the name (`_split_role`, `_role_of`); abbreviated titles are written out ("Sen." → senator); a minister's
portfolio belongs to the title, not to an organisation ("Transport Secretary": `_portfolio`); words of praise
("a key member") and a legislator's seat ("MP for Newcastle Central") are no role; "the spokesperson" is one role
under three words (`SAME_ROLE`), by which an earlier speaker is found again.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

# TITLES: titles before a name are its role, not part of it ("Councillor Tomas Reyes" is Tomas Reyes, role councillor).
from claimgraph.attribution.speaker_types import PERSON_NOUNS, TITLES
from claimgraph.attribution.speakers.mentions import NAMED_ENTITIES

# Heads that name a person by office ("the city's mayor"): a person known by role, not an organisation.
ROLE_HEADS = TITLES | {"spokesperson", "officer", "lawyer", "attorney", "prosecutor", "manager", "ceo", "founder",
                       "leader", "head", "analyst", "researcher", "economist", "scientist", "doctor", "mp", "mep",
                       "lawmaker", "executive"}
# One role under three words: "the spokesperson" is the spokesman named earlier.
SAME_ROLE = {"spokesman": "spokes", "spokeswoman": "spokes", "spokesperson": "spokes"}


def _titled(ent: Span) -> Span:
    """A name with the title words right before it ("Rep. Mark Walker"), where the role is read from."""
    start = ent.start
    while start > ent.sent.start and ent.doc[start - 1].dep_ in {"compound", "nmod", "amod"} and (
            start <= ent.doc[start - 1].head.i < ent.end) and not ent.doc[start - 1].is_punct and ent.doc[
            start - 1].lower_ not in {"honour", "honor", "excellency", "majesty", "highness", "worship"}:
        start -= 1  # "International Trade Secretary Liz Truss", "Health secretary Matt Hancock"
    return ent.doc[start:ent.end]


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
EVALUATIVE = {"current", "then", "now", "key", "top", "leading", "prominent", "senior", "longtime", "long-time",
              "veteran", "noted", "well-known", "respected", "influential", "powerful", "outspoken", "vocal", "fellow"}


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
