"""Descriptions: a mention without a person's name to the one named earlier it describes, or to an anonymous source.

In order (`resolve_description`): a surname alone, an outlet ("The Harbor Wire report"), a body on the organisation
list, a title of nobility ("the King": the person named with it), a role ("the mayor", "a spokesperson for the HEA":
the person named earlier with it, the one source described by it, the subject just before, else an anonymous source
named by the description, unless it holds its role for someone else, "the family spokesperson"), a known person
described ("the actress", "the 48-year-old"), a statement ("a poll"), a named head (persons.py), else a described
source ("the statement" where no one author is named with it, documents.py; "the ministry", "officials at the Port
Authority") with the body named beside its head as affiliation. Steps of `SpeakerResolver` (resolver.py) over the
article's memory (memory.py).
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span, Token

from claimgraph.attribution.cues import STATEMENT_NOUNS
from claimgraph.attribution.found import doc_text
from claimgraph.attribution.speaker_types import (
    ABBREVIATED,
    NOBLE,
    ROLE_HEADS,
    TITLES,
    known_organization,
    looks_like_full_name,
)
from claimgraph.attribution.speakers.documents import document_author
from claimgraph.attribution.speakers.memory import IT_WINDOW, ArticleMemory
from claimgraph.attribution.speakers.mentions import (
    DETERMINERS,
    MEDIA_LABELS,
    PLACES,
    SUBJECTS,
    bare_plural_thing,
    closeness,
    description_name,
    strip_det,
    tokens_text,
)
from claimgraph.attribution.speakers.names import (
    DOMAIN_ENDINGS,
    GENDERED_NOUNS,
    OUTLET_WORDS,
    body_name,
    gender_fits,
    hyphened_particle,
    is_outlet,
    named_head,
    outlet_name,
)
from claimgraph.attribution.speakers.nearby import from_sentence_before
from claimgraph.attribution.speakers.persons import body_affiliation, by_surname, resolve_person, resolve_proper_name
from claimgraph.attribution.speakers.roles import PORTFOLIOS, ROLE_WORDS, SAME_ROLE, person_name
from claimgraph.records import Speaker, normalise_name

# What an outlet publishes: "the report" after "9to5Mac reported" is the outlet's, not the last source it quoted.
OUTLET_DOCUMENTS = {"report", "story", "article"}
# "the 48-year-old", also with words that describe the person before it ("the depressed 26-year-old")
YEAR_OLD = re.compile(r"^[Tt]he (?:[a-z]+ ){0,2}\d{1,3}-year-old$")
# Nouns by which copy names again a person it has just named ("the actress", "the billionaire"); not the words
# that bring in someone new ("the man", "a customer", "the victim").
KNOWN_AS = {"actress", "actor", "singer", "star", "billionaire", "millionaire", "businessman", "businesswoman",
            "politician", "entrepreneur", "author", "novelist", "comedian", "musician", "artist", "presenter",
            "player", "striker", "goalkeeper", "chef", "veteran", "campaigner", "activist", "founder", "rapper",
            "director", "filmmaker", "broadcaster", "tycoon", "magnate", "philanthropist", "moviemaker",
            "screenwriter", "pensioner", "cleric"}


# First words of compound titles that are no title word alone ("Surgeon General", "Lieutenant Governor", "Inspector
# General"), kept before the title's head where it is written in capitals (`_role_holder`).
TITLE_FIRST_WORDS = {"surgeon", "lieutenant", "inspector"}


# Those for whom an agent speaks ("the family spokesperson", "the spokesperson for the Marr family").
PRINCIPALS = {"family", "families", "parents", "relatives", "estate"}


# Heads of a description that name a member of a body, whose name may stand before them ("a Harbor Guard official").
MEMBER_HEADS = {"source", "official", "insider", "fighter", "militant", "employee", "staffer", "officer",
                "representative", "spokesman", "spokeswoman", "spokesperson", "commander", "agent"}


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


def resolve_description(memory: ArticleMemory, mention: Span, core: list[Token], ents: list[Span],
                        alias: str) -> Speaker | None:
    """A mention without a person's name, in order: a surname alone, an outlet, a role ("the mayor"), a known
    person described ("the actress"), a statement ("a poll"), a named body, else a described source."""
    root = mention.root
    words = [t for t in core if not t.is_punct and t.lower_ not in {"'s", "’s"}]
    if len(words) == 1 and words[0].text[:1].isupper() and words[0].is_alpha:
        # A surname alone ("Meadows has not ruled out …", "Bloomberg said" in an article about Michael
        # Bloomberg) is the person named in full before it, as a speaker or not, even where it is also an
        # outlet's name or the tagger took it for a plural noun.
        known = by_surname(memory, words[0].text, mention)
        if known is not None:
            return memory.remember(known, alias)
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
        return memory.remember(Speaker(outlet, "news_outlet"), alias)
    if known_organization(strip_det(alias)):
        # "al-Shabab", "the Taliban": a body on the organisation list, whose lower-case particle or article the
        # steps below would read as a description ("al").
        return memory.remember(Speaker(strip_det(alias), "organization"), alias)
    if root.lower_ in NOBLE and core[0].lower_ in DETERMINERS and not any(
            t.pos_ == "PROPN" and t.i != root.i for t in core):
        # "the new King", "The Queen": the person named with that title before, else one described; a title
        # of nobility alone is no body's name (FNC-1 design: "the new King" an organisation). No role: a "she"
        # after "the duchess" stays the person named (realweb, cnn royal: "she" was the anonymous duchess).
        known = _titled_before(memory, root.lower_, mention)
        return memory.remember(known or Speaker(description_name(core), "anonymous"), alias)
    # "the Conservative MP", "the International Trade Secretary" (which the recogniser may read as a body).
    titled = core[0].lower_ in DETERMINERS and root.tag_ in {"NN", "NNP"} and not any(
        e.label_ == "PERSON" for e in ents)
    if root.lower_ in ROLE_HEADS and (titled or not any(t.pos_ == "PROPN" for t in core if t.i < root.i)):
        return _role_holder(memory, mention, core, ents, alias)
    if core[0].lower_ == "the" and not any(t.pos_ == "PROPN" for t in core) and (
            YEAR_OLD.match(tokens_text(core)) or root.lower_ in KNOWN_AS):
        # "the 48-year-old", "the actress": the one person the sentence before (or this one) is about.
        known = _subject_before(memory, mention, core)
        if known is not None:
            return memory.remember(known, alias)
    org, root_named = named_head(mention, core, ents, alias)
    if core[-1].pos_ == "NOUN" and core[-1].lower_ in STATEMENT_NOUNS and core[-1].i > root.i:
        # "a Mail on Sunday poll", parsed with the paper as head: the poll speaks, a description.
        return memory.remember(Speaker(description_name(core), "anonymous"), alias)
    if root_named:
        return resolve_proper_name(memory, mention, core, ents, alias, org)
    return _described(memory, mention, core, ents, alias)


def _described(memory: ArticleMemory, mention: Span, core: list[Token], ents: list[Span], alias: str) -> Speaker | None:
    """Described, not named: a statement of the last speaker, a body named earlier by its head word, an
    anonymous source, or nobody where the words describe things."""
    root = mention.root
    head = root.lemma_.lower()
    if head in STATEMENT_NOUNS and core[0].lower_ == "the" and len(core) == 2:
        # "the statement": the document of the one author named with it before ("Marr sent a letter … The letter
        # said", "9to5Mac reported … the report said"); else a description of the article, not the last speaker.
        # An outlet's report where no author is named is the outlet that spoke last ("according to the Harbor
        # Wire. The report says").
        author = document_author(memory, mention, head)
        if author is None and head in OUTLET_DOCUMENTS and (last := memory.latest(
                {"organization", "person", "anonymous", "news_outlet"})) is not None and last.type == "news_outlet":
            author = last
        if author is not None:
            return memory.remember(author, alias)
    # A description ("the ministry", "the department") is the organisation named earlier with that head word;
    # "the source" the source described earlier ("a source close to the council").
    if core[0].lower_ == "the":
        known = memory.by_last_word(root.lower_, {"organization", "news_outlet"})
        if known is None and len(core) == 2:
            known = next((k for k in reversed(memory.known) if k.type == "anonymous" and len(k.name.split()) > 2
                          and k.name.split()[0] == root.lower_), None)
        if known is None and len(core) == 2:
            body = _body_just_named(memory, mention, root)
            if body is not None:
                # Remembered under its name only: a later "the paper" is decided again on what was named just
                # before it ("The Harbor Times said … The Velder Post has obtained … The paper wrote").
                return memory.remember(body, body.name)
        if known is not None:
            return memory.remember(known, alias)
    # "officials at the Northgate Port Authority", "a company", "the letter": described, not named. Anonymous
    # (the store keeps these per article), with the organisation named in the mention as affiliation.
    affiliation = next((strip_det(e.text) for e in ents if e.label_ == "ORG" and e.start > root.i
                        and not _addressed(e, root)), None) or _body_before_head(memory, core, root)
    words = [t for t in core if t.i <= root.i] or core
    close = closeness(root)
    if close is not None:
        # "a source close to the council", "sources familiar with the plans": who they are close to is part of
        # the description, so that two sources of one article close to different bodies stay two.
        words = [t for t in core if t.i <= close.right_edge.i]
    name, body = description_name(words), body_affiliation(memory, affiliation)
    if root.lower_ in MEDIA_LABELS or bare_plural_thing([t for t in words if not t.is_punct]):
        # "Video shows …", "Tests found …", "signs that say …": the thing named is the source, kept as a description
        # of the article, but not remembered as one who spoke: a later "the letter" or "it" is no clip's or test's.
        return Speaker(name, "anonymous", None, body, (alias.strip(),))
    return memory.remember(Speaker(name, "anonymous", None, body), alias)


# Nouns by which copy names again a body it has just named ("When Apple unveiled …, the company said", "The Sunday
# Times reported … The paper said"), with the kinds of body each fits (`_body_kind`): a company is no newspaper.
BODY_NOUNS = {"company": {"organization"}, "firm": {"organization"}, "group": {"organization"},
              "organization": {"organization"}, "organisation": {"organization"}, "charity": {"organization"},
              "newspaper": {"news_outlet"}, "paper": {"news_outlet"}, "tabloid": {"news_outlet"},
              "daily": {"news_outlet"}, "magazine": {"news_outlet"}, "publication": {"news_outlet", "site"},
              "outlet": {"news_outlet", "site"}, "site": {"news_outlet", "site"}, "website": {"news_outlet", "site"},
              "blog": {"news_outlet", "site"}}


# Prepositions of place: "the charity's centre in Glasgow", "in northern Syria", which the recogniser may call
# organisations, are where, not who.
WHERE = {"in", "near", "across", "around", "outside", "inside", "throughout", "through"}


def _body_kind(name: str) -> str:
    """What a body's name says it is: an outlet (the outlet list, a newspaper's last word), a site (a domain), else
    an organisation."""
    body = body_name(name)
    if is_outlet(name) or is_outlet(body) or body.split()[-1].lower() in OUTLET_WORDS:
        return "news_outlet"
    return "site" if body.lower().endswith(DOMAIN_ENDINGS) else "organization"


def _body_just_named(memory: ArticleMemory, mention: Span, root: Token) -> Speaker | None:
    """'the company', 'the paper', 'the website': the one body of that kind named in this sentence before the
    mention or in the sentence before (as a speaker or not), else, where no body was named there, the body of that
    kind that spoke last in the last few sentences with no other body or thing speaking since; None where there is
    none, two were named, or the noun describes another one just before ("Conal's company", "a company")."""
    kinds = BODY_NOUNS.get(root.lower_)
    if kinds is None or memory.doc is None or _another_described(mention, root):
        return None
    start = from_sentence_before(mention)
    window = mention.doc[start].idx
    spoke = [(k.name, _body_kind(k.name)) for k in memory.known if k.type in {"organization", "news_outlet"}
             and memory.at.get(k.key, -1) >= window]
    named = _bodies_named(memory, mention, start) + spoke
    known_bodies = _body_names(memory)
    bodies = {normalise_name(owner): (owner, kind) for owner, kind in (
        (_owner(known_bodies, name), kind) for name, kind in named if kind in kinds)}
    if len(bodies) == 1:
        return _as_body(memory, *next(iter(bodies.values())))
    if bodies or named:
        return None
    return _last_body_speaking(memory, mention, kinds)


def _bodies_named(memory: ArticleMemory, mention: Span, start: int) -> list[tuple[str, str]]:
    """The bodies named from token `start` to the mention, with their kinds (`_body_kind`): organisation entities
    (or names the article or the outlet list shows to be bodies) outside anyone's statement, not places ("in
    Glasgow"), and names set beside
    a body noun ("French website Velder.fr", "the Harbor Times newspaper"), of the noun's kind."""
    named = []
    for ent in memory.ents:
        name = strip_det(ent.text)
        if start <= ent.start and ent.end <= mention.start and (
                ent.label_ == "ORG" or memory.type_of(name) == "organization" or is_outlet(name)) and (
                memory.type_of(name) != "person") and not memory.in_statement(ent, mention) and not (
                ent.root.dep_ == "pobj" and ent.root.head.lower_ in WHERE):
            named.append((name, _body_kind(name)))
    for token in mention.doc[start:mention.start]:
        kinds = BODY_NOUNS.get(token.lower_)
        if kinds is None or token.i == mention.root.i:
            continue
        # "website Velder.fr" (a domain the tagger may call a common noun), "the Harbor Times newspaper"
        head = token.head if token.dep_ == "compound" and _written_as_name(token.head) else token
        words = [t for t in head.children if t.dep_ == "compound" and t.pos_ == "PROPN"] + (
            [head] if _written_as_name(head) else [])
        if words:
            kind = "news_outlet" if "news_outlet" in kinds else "organization"
            named.append((tokens_text(sorted(words, key=lambda t: t.i)), kind))
    return named


def _written_as_name(token: Token) -> bool:
    """A proper noun, or a word with a capital inside it ("iGen.fr")."""
    return token.pos_ == "PROPN" or token.pos_ == "NOUN" and any(ch.isupper() for ch in token.text)


def _another_described(mention: Span, root: Token) -> bool:
    """The mention's noun used just before for another one: with a possessive ("Conal's company") or "a" ("a
    company"), in this sentence or the one before."""
    for token in mention.doc[from_sentence_before(mention):mention.start]:
        if token.lower_ == root.lower_ and any(c.dep_ == "poss" and c.lower_ not in {"its", "their"} or (
                c.dep_ == "det" and c.lower_ in {"a", "an", "another"}) for c in token.children):
            return True
    return False


def _last_body_speaking(memory: ArticleMemory, mention: Span, kinds: set[str]) -> Speaker | None:
    """The body of one of `kinds` that spoke last in the last few sentences, where no other body, nor a thing
    described, has spoken since (people may have: "an anonymous source was quoted … , the paper reported")."""
    for known in reversed(memory.known):
        if memory.at.get(known.key, -1) < mention.start_char - IT_WINDOW:
            return None
        if known.type == "person" or known.type == "anonymous" and (known.role or known.name.split()[-1] in (
                MEMBER_HEADS | {"sources"})):
            continue
        return known if known.type in {"organization", "news_outlet"} and _body_kind(known.name) in kinds else None
    return None


def _body_names(memory: ArticleMemory) -> set[str]:
    """The normalised names the article gives bodies: its organisation entities and the bodies that spoke."""
    return {normalise_name(strip_det(e.text)) for e in memory.ents if e.label_ == "ORG"} | {
        normalise_name(k.name) for k in memory.known if k.type in {"organization", "news_outlet"}}


def _owner(bodies: set[str], name: str) -> str:
    """A body's name as compared: the shortest start of it that the article names as a body on its own (`bodies`,
    `_body_names`: "Apple Watch" is Apple's: "the company" after "Apple unveiled its Apple Watch" is Apple)."""
    words = body_name(name).split()
    return next((" ".join(words[:n]) for n in range(1, len(words)) if normalise_name(" ".join(words[:n])) in bodies),
                " ".join(words))


def _as_body(memory: ArticleMemory, name: str, kind: str) -> Speaker | None:
    """The body `name` as the article knows it (spoken before), else a new organisation or outlet."""
    known = next((k for k in reversed(memory.known) if normalise_name(k.name) == normalise_name(name)), None)
    if known is not None:
        return known
    return Speaker(body_name(name), "news_outlet" if kind == "news_outlet" else "organization")


def _role_holder(memory: ArticleMemory, mention: Span, core: list[Token], ents: list[Span],
                 alias: str) -> Speaker | None:
    """A description by a role ("the mayor", "a spokesperson for the HEA"): the person named earlier with it,
    else an anonymous source named by the description."""
    root = mention.root
    place = _place_before(core, root)
    if place and core[0].lower_ == "the":
        # "the Ohio senator": the one holder of that role the article ties to that place ("Ohio Sen. Ilan Moss",
        # "Sen. Ilan Moss of Ohio", "Moss (R-Ohio)"): PolNeAR train, 5 such descriptions now the right person, none
        # wrong; read as "the senator" it went to another senator ("the Vermont senator" to McCain 3 times). Where
        # none is tied, the steps below as before (the subject just before): the description alone lost 6 right
        # ones there ("The Florida senator": Rubio).
        known = _placed_holder(memory, mention, root, place)
        if known is not None:
            return memory.remember(_with_role(known, root.lower_), alias)
    known = memory.by_role(root.lower_, [t.lower_ for t in core if t.i <= root.i and t.lower_ not in DETERMINERS
                                         and not t.is_punct])
    if known is None and core[0].lower_ == "the" and len(core) == 2:
        known = _named_with_role(memory, root, mention)  # "the spokesperson": the one named earlier
    if known is None and core[0].lower_ == "the" and len(core) == 2:
        # "The Mother Abbess … explained … the abbess said": the one source described earlier by that role.
        known = memory.one_described_as(root.lower_)
    if known is None and core[0].lower_ == "the" and not _serves_someone(root, core):
        # "Vell … The former mayor said"; not "the man's attorney" or "the family spokesperson", who serve others.
        known = _subject_before(memory, mention, core)
    # The role the description gives: the head with the title words right before it ("the vice president of the
    # union", "the Pentagon's press secretary": vice president, press secretary); a word in capitals is a name
    # ("a Vice spokesman": the outlet's, "a Homeland Security spokesman") or of a title the head alone stands for
    # ("the International Trade Secretary": secretary), no title word.
    first, doc = root.i, mention.doc
    while first > core[0].i and doc[first - 1].lower_ in ROLE_WORDS | PORTFOLIOS | TITLE_FIRST_WORDS and doc[
            first - 1].dep_ in {"compound", "amod"} and (doc[first - 1].text.islower() or doc[
            first - 1].is_sent_start or doc[first - 1].lower_ in ROLE_WORDS | TITLE_FIRST_WORDS and root.is_title):
        # "Former head of …" capitalised by its place; "the Prime Minister", "the Attorney General", "the Vice
        # President": a title written whole in capitals keeps its title words (FNC-1 check: 5 speakers, all
        # better, Cameron "minister" no more and a second "the Prime Minister" now his), but not a portfolio or a
        # name ("the International Trade Secretary", "a Vice spokesman")
        first -= 1
    if first - 2 >= core[0].i and doc[first - 1].text == "-" and not doc[first - 1].whitespace_ and not (
            doc[first - 2].whitespace_) and doc[first - 2].is_alpha:
        first -= 2  # "the secretary-general": the whole word, not "general" (PolNeAR dev: Ban Ki-moon)
    role = " ".join(t.lower_ for t in doc[first:root.i + 1]).replace(" - ", "-")
    if known is not None and core[0].lower_ == "the":
        return memory.remember(_with_role(known, role), alias)
    # "a doctor", "the city's mayor" without a name: an anonymous source of this article.
    # Named by its role, with the organisation it names as affiliation ("a spokesperson for the HEA",
    # "a spokesperson for OpenAI" where the recogniser took OpenAI for a person).
    affiliation = next((strip_det(e.text) for e in ents if e.start > root.i and not _addressed(e, root) and (
        e.label_ == "ORG" or e.label_ == "PERSON" and memory.type_of(strip_det(e.text)) == "organization")), None)
    # The whole description is the name, so that two spokespeople of different bodies stay two; `role` above.
    affiliation = affiliation or _body_before_head(memory, core, root)
    # "But the abbess denied … . The Mother Abbess of the monastery explained": the title alone, met first, is
    # the one now described in full (its statements take the fuller name), where only one was met so.
    titled_only = memory.one_described_as(root.lower_, title_only=True)
    speaker = memory.remember(Speaker(description_name(core), "anonymous", role, body_affiliation(memory, affiliation)),
                             alias)
    if speaker is not None and titled_only is not None and titled_only.key != speaker.key:
        memory.renamed[titled_only.key] = speaker.key
        memory.known = [k for k in memory.known if k.key != titled_only.key]
    return speaker


def _with_role(known: Speaker, role: str) -> Speaker:
    """A person the description resolved to, with the role it gives where the person was named without one ("Ilan
    Moss said … the congressman said": remembered as congressman; remember keeps a role once known)."""
    return replace(known, role=role) if known.type == "person" and not known.role else known


def _place_before(core: list[Token], root: Token) -> list[Token]:
    """The words of a place or a people right before a role's head ("the Ohio senator", "the New Jersey governor",
    "The French president"); none where the words there are no place's."""
    doc, words = root.doc, []
    at = root.i - 1
    while at >= core[0].i and doc[at].ent_type_ in PLACES and doc[at].pos_ in {"PROPN", "ADJ"}:
        words.insert(0, doc[at])
        at -= 1
    return words if at >= core[0].i and doc[at].lower_ == "the" else []


def _abbreviates(short: str, place: str) -> bool:
    """'Vt.' for Vermont, 'Calif.' for California, 'N.J.' for New Jersey: a state's short form in a legislator's
    party tag ("(I-Vt.)"), its letters in order in the place's name from its first letter, or its initials."""
    short, place = short.replace(".", "").lower(), place.lower()
    if not short or len(short) < 2 and len(place) > 2:
        return False
    if short == "".join(w[0] for w in place.split()):
        return True
    rest = iter(place.replace(" ", ""))
    return short[0] == place[0] and all(ch in rest for ch in short)


def _placed_holder(memory: ArticleMemory, mention: Span, root: Token, place: list[Token]) -> Speaker | None:
    """The one person named before `mention` with the role whose head `root` is ("Sen.", "senator") and tied to
    `place`: the place right before the title ("Ohio Sen. Ilan Moss", "French President Ilan Moss"), "of" the
    place right after the name ("Sen. Ilan Moss of Ohio"), or the party tag after it ("Moss (R-Ohio)", "(R-Oh.)");
    None where there is none or more than one."""
    if memory.doc is None:
        return None
    doc, role = mention.doc, SAME_ROLE.get(root.lower_, root.lower_)
    where = " ".join(t.text for t in place)
    found: dict[str, Span] = {}
    for ent in memory.ents:
        if ent.label_ != "PERSON" or ent.end_char > mention.start_char or len(ent) < 2:
            continue
        title = [t for t in doc[max(ent.sent.start, ent.start - 6):ent.start]]
        roles = {SAME_ROLE.get(w, w) for w in (ABBREVIATED.get(t.lower_.rstrip("."), t.lower_) for t in title)}
        if role not in roles:
            continue
        before = " ".join(t.text for t in title)
        after = doc_text(doc)[ent.end_char:ent.end_char + 40]
        tag = re.match(r"\s*[(,]\s*[A-Z]\.?\s*[-–]\s*([A-Z][A-Za-z. ]*?)[.]?\s*[),]", after)
        tied = re.search(rf"\b{re.escape(where)}\b", before) is not None or re.match(
            rf",?\s+of\s+{re.escape(where)}\b", after) is not None or tag is not None and _abbreviates(
            tag.group(1), where)
        if tied:
            found.setdefault(normalise_name(ent.text).split()[-1], ent)
    if len(found) != 1:
        return None
    ent = next(iter(found.values()))
    person = resolve_person(memory, ent, ent, [ent], ent.text)
    return person if person is not None and person.type == "person" else None


def _titled_before(memory: ArticleMemory, title: str, mention: Span) -> Speaker | None:
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
    return next((k for k in reversed(memory.known) if k.type == "person" and normalise_name(name).endswith(
        normalise_name(k.name))), None) or Speaker(name, "person")


def _named_with_role(memory: ArticleMemory, head: Token, mention: Span) -> Speaker | None:
    """'The spokesperson said' after 'hired a new spokesperson, Dana Welk' (or 'Dana Welk, a spokeswoman',
    'spokesman Eric Pahon'): the last person named with that role before the mention, spoken yet or not."""
    if memory.doc is None:
        return None
    role = SAME_ROLE.get(head.lower_, head.lower_)
    # A one-word name only after its title written as one ("President Vell"): a lone word the recogniser calls a
    # person is often none (FNC-1 design: "the president" after "President Obama" had no one).
    for ent in reversed([e for e in memory.ents if e.label_ in {"PERSON", "ORG"}
                         and e.end_char <= mention.start_char and (len(e) > 1 or e.start > 0 and (
                             e.doc[e.start - 1].lower_ == role and e.doc[e.start - 1].text[:1].isupper()))]):
        root = ent.root
        near = [c for c in root.children if c.dep_ in {"appos", "compound"} and c.i < ent.start or (
            c.dep_ == "appos")] + ([root.head] if root.dep_ == "appos" else [])
        if any(SAME_ROLE.get(t.lower_, t.lower_) == role for t in near) and (
                memory.type_of(strip_det(ent.text)) != "organization"):
            person = resolve_person(memory, ent, ent, [ent], ent.text)
            return person if person is not None and person.type == "person" else None
    return None


def _subject_before(memory: ArticleMemory, mention: Span, core: list[Token]) -> Speaker | None:
    """'Mara Vell … . The former mayor said …', '… said the 48-year-old': the person who is the subject in the
    sentence before the mention or in its own sentence before it, where that is one person only (two people
    named there, or none, and nobody is taken); a gendered noun ("the actress") must fit the first name."""
    if memory.doc is None:
        return None
    start = from_sentence_before(mention)
    people = [e for e in memory.ents if start <= e.start and e.end <= mention.start and (
        e.label_ == "PERSON" and memory.may_be_person(e) or e.label_ == "ORG" and memory.type_of(e.text) == "person")]
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
    if any(t.lower_ in names for t in mention.sent if t.i >= mention.end and t.pos_ == "PROPN"):
        return None  # "The doctor told Thomas he had been bitten": the one named after it is someone else's hearer
    person = resolve_person(memory, subjects[-1], subjects[-1], [subjects[-1]], subjects[-1].text)
    gender = GENDERED_NOUNS.get(core[-1].lower_)
    if person is None or person.type != "person" or not gender_fits(person.name, gender, memory.genders):
        return None
    # A role of theirs that the description's title words do not fit ("Environment Secretary Piet Varn said …
    # The International Trade Secretary said"): someone else.
    words = {t.lower_ for t in core if t.lower_ not in DETERMINERS and not t.is_punct and t.lower_ not in {
        "former", "ex", "-"}}
    if person.role and core[-1].lower_ in ROLE_HEADS and not words <= set(person.role.lower().split()):
        return None
    return person


def _body_before_head(memory: ArticleMemory, core: list[Token], root: Token) -> str | None:
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
    return name if all(t.ent_type_ == "ORG" for t in words) or memory.type_of(name) == "organization" else None
