"""Named persons and bodies: a name in a mention to a person with role, title and affiliation, or to a body.

A name less its title and letters is a person (`resolve_person`), with the role the words before or beside it give
(roles.py) and the organisation named before it or in an apposition after it as affiliation; one word is the person
named in full earlier (`by_surname`: "Vell", "Mr Malone"; a person who spoke, else one named without speaking). A
mention headed by a name (`resolve_proper_name`) is a person named earlier by surname, an outlet, a person the
recogniser took for a body, an organisation, or one word nobody has placed. An affiliation names a body
(`body_affiliation`): not a place the article calls one, a name cut at "and", a person the article names, or one
ended by a comma before the name. Steps of `SpeakerResolver` (resolver.py) over the article's memory (memory.py).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.attrs import ORTH
from spacy.tokens import Span, Token

from claimgraph.attribution.speaker_types import (
    HONORIFICS,
    LEGISLATORS,
    ORG_NOUNS,
    PLACE_WORDS,
    TITLES,
    looks_like_full_name,
    name_key,
)
from claimgraph.attribution.speakers.memory import ArticleMemory
from claimgraph.attribution.speakers.mentions import PLACES, before_dash, strip_det, tokens_text
from claimgraph.attribution.speakers.names import (
    GENDERED,
    GENERATIONS,
    OUTLET_WORDS,
    POSTNOMINALS,
    body_name,
    full_name_after_role,
    gender_fits,
    is_outlet,
    name_with_s,
    named_inside,
    owned_name,
    surname_key,
    unshout,
)
from claimgraph.attribution.speakers.roles import (
    EVALUATIVE,
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

# Last words of a name cut short ("The Social Network and"): no body's name.
CUT_ENDS = {"and", "or", "of", "the", "for", "&", "in", "at", "to"}


def _names_a_body(org: Span) -> bool:
    """An organisation the recogniser found before a name that may be the person's body: not one ended by a comma
    ("According to the Harbor Wire, Marr's mother, Ilse Marr": the outlet's phrase ends there), nor one word that is
    an adjective or says only what kind of body it is ("Dental receptionist Ilse Marr", "Agency spokesman …")."""
    doc = org.doc
    if org.end < len(doc) and doc[org.end].text == ",":
        return False
    return not (len(org) == 1 and (org[0].tag_ == "JJ" or org[0].lower_ in ORG_NOUNS))


def by_surname(memory: ArticleMemory, word: str, mention: Span) -> Speaker | None:
    """A surname alone ("Vell", "Mr Malone"): the person who spoke under a name ending with it, else the one
    named in full before the mention without speaking yet; None where there is neither. "The Beacon" is no
    surname: the body named earlier with that last word ("the Velder Free Beacon"), where there is one."""
    if len(mention) and mention[0].lower_ == "the":
        body = memory.by_last_word(word, {"organization", "news_outlet"}) or memory.body_named_before(word, mention)
        if body is not None:
            return body
    return memory.by_last_word(word, {"person"}) or _person_named_before(memory, word, mention)


def _person_named_before(memory: ArticleMemory, surname: str, mention: Span) -> Speaker | None:
    """The person named in full before `mention` whose last word is `surname`, spoken yet or not."""
    if memory.doc is None:
        return None
    named: dict[str, Span] = {}
    for ent in memory.ents:
        if ent.end_char > mention.start_char:
            break
        if ent.label_ == "PERSON" or ent.label_ == "ORG" and memory.type_of(strip_det(ent.text)) == "person":
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
    return resolve_person(memory, with_title_words(ent), ent, [ent], ent.text)


def resolve_person(memory: ArticleMemory, mention: Span, person: Span, ents: list[Span], alias: str) -> Speaker | None:
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
    role, affiliation = _apposed_role(memory, person, role, affiliation)
    if body_kind(role) is not None:
        # "Velder Post, a local newspaper, reported": the kind of body beside the name makes it that body's.
        return memory.remember(Speaker(name, body_kind(role)), alias)
    if len(name.split()) == 1:
        # "Mr Malone" after "Thomas Malone" was named, as a speaker or not; "Judge Ford" gives him his title.
        known = by_surname(memory, name, mention)
        if known is not None:
            if role and not known.role and role not in HONORIFICS:
                known = replace(known, role=role)
            return memory.remember(known, alias)
    if memory.type_of(name) == "organization" and owner is None:
        # A body the recogniser took for a person ("OpenAI declined …" after "a spokesperson for OpenAI"); not
        # the name after an owner's possessive, which the recogniser's labels ran into the owner's.
        return memory.remember(Speaker(name, "news_outlet" if is_outlet(name) else "organization"), alias)
    return memory.remember(Speaker(name, "person", role, body_affiliation(memory, affiliation, name)), alias)


def _apposed_role(memory: ArticleMemory, person: Span, role: str | None,
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
                        affiliation = _affiliation_of(memory, pobj) or affiliation
    return role, affiliation


def _affiliation_of(memory: ArticleMemory, pobj: Token) -> str | None:
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
    known = memory.by_last_word(pobj.text, {"organization", "news_outlet"})
    return known.name if known is not None else None


def body_affiliation(memory: ArticleMemory, affiliation: str | None, name: str | None = None) -> str | None:
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
    labels = memory.evidence.labels.get(name_key(affiliation), []) if memory.evidence is not None else []
    if labels.count("GPE") + labels.count("LOC") > labels.count("ORG") or _called_a_place(memory, affiliation):
        return None  # "Harbor Town district chief Ilse Marr", "a student from Harbor Town": a place elsewhere
    for ent in memory.ents:
        if ent.label_ != "PERSON" or memory.type_of(strip_det(ent.text)) != "person":
            continue  # the recogniser's PERSON alone is weak ("Boko Haram", "Marine Corps")
        person = normalise_name(strip_det(ent.text))
        before = words[-len(person.split()) - 1] if len(words) > len(person.split()) else ""
        apposed = key.endswith(" " + person) and (before.islower() or before.lower().rstrip(".") in TITLES | (
            HONORIFICS))
        surname = len(key.split()) == 1 and len(person.split()) > 1 and person.split()[-1] == key
        if key == person and "ORG" not in labels or apposed or surname:
            return None
    return affiliation


def _called_a_place(memory: ArticleMemory, name: str) -> bool:
    """Whether the article calls `name` a place ("the border town of Kestrova"), whatever the recogniser says."""
    if memory.doc is None:
        return False
    doc = memory.doc
    # the name's last word found on the ORTH column, not token by token: asked for many names, it is few tokens
    last = (doc.to_array(ORTH) == doc.vocab.strings[name.split()[-1]]).nonzero()[0].tolist()
    return any(t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in PLACE_WORDS
               and doc[t.left_edge.i:t.i + 1].text.endswith(name) for t in (doc[i] for i in last))


def resolve_proper_name(memory: ArticleMemory, mention: Span, core: list[Token], ents: list[Span], alias: str,
                 org: Span | None) -> Speaker | None:
    """A mention whose head is a name (`named_head`): a person named earlier by surname, an outlet, a person
    the recogniser took for a body, an organisation, or one word nobody has placed."""
    root = mention.root
    name = strip_det(org.text if org is not None and len(org) >= len(core) - 1 else alias)
    if org is not None and org.end <= root.i and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in
                                                     mention.doc[org.end:root.i + 1]):
        # "The California Independent System Operator": the recogniser stopped short of the head.
        name = strip_det(mention.doc[org.start:root.i + 1].text)
    if memory.doc is not None:
        name = name_with_s(name, alias, memory.evidence.text)  # "McDonald’s", never written without its "’s"
    if len(name.split()) == 1:
        # A surname alone ("Korotchenko") is the person named in full earlier, if there is one, as a
        # speaker or not ("Usman Hasib runs the salon … Hasib said").
        known = by_surname(memory, name, mention)
        if known is not None:
            return memory.remember(known, alias)
    body = body_name(name)  # "the Britain-based Syrian Observatory", "the Velder monitoring group"
    kind = "news_outlet" if is_outlet(name) or is_outlet(body) or (
        len(body.split()) > 1 and body.split()[-1].lower() in OUTLET_WORDS) else "organization"
    evidence = memory.type_of(name) if kind != "news_outlet" else None
    if evidence == "person":
        # "Ilan Moss scoffed", "Gustavo Faleiros, an editor at …": a person the recogniser took for a body,
        # with the title and apposition a person's name gets.
        span = org if org is not None and org.start <= root.i < org.end else mention.doc[
            core[0].i:core[-1].i + 1]
        return resolve_person(memory, mention, span, ents, alias)
    named = mention.doc[core[0].i:core[-1].i + 1]
    owned, owner = owned_name(named) if kind != "news_outlet" else (named, None)
    if owner is not None and not any(t.like_num for t in owned) and (
            looks_like_full_name(owned.text) or memory.type_of(owned.text) == "person" or (
            is_outlet(owner) and full_name_after_role(owned.text.split(), known_first_name=False))):
        # "According to Harbor Wire's Tova Brenn", which the recogniser read as a body: the person, of it (a
        # name after an outlet's possessive is its reporter's, whatever the first name).
        return resolve_person(memory, mention, named, ents, alias)
    inner = named_inside(name)
    if inner is not None:
        # "Harbor Lights supporter Ilse Marr" read as one organisation: the person after the role noun; "film
        # industry magazine Velder" is the magazine (`body_kind`).
        kind = body_kind(inner[0])
        return memory.remember(Speaker(inner[1], kind or "person", None if kind else inner[0]), alias)
    if body != name:
        # No person's name in it: the body's name without the words that describe it, which may say what kind
        # of body it is ("film industry publication Ravenel", "the Velder monitoring group").
        known = by_surname(memory, body, mention) if len(body.split()) == 1 else None
        if known is not None:
            return memory.remember(known, alias)  # "fan websites DeJesus": Ana DeJesus, named before
        at = name.find(body)
        said = body_kind(name[:at].strip()) or body_kind(name[at + len(body):].strip()) if at >= 0 else None
        if said is not None:
            return memory.remember(Speaker(body, "news_outlet" if kind == "news_outlet" else said), alias)
        name = body
    if evidence == "organization":
        return memory.remember(Speaker(name, "organization"), alias)
    if org is None and kind != "news_outlet" and memory.doc is not None and any(
            e.label_ == "PERSON" and normalise_name(e.text) == normalise_name(name) for e in memory.ents):
        # A name the recogniser missed here ("Ilse Marr:" opening a transcript line) and took for a
        # person elsewhere in the article.
        return memory.remember(Speaker(name, "person"), alias)
    role, words = split_role(name.split())
    if role and len(words) <= 3 and kind != "news_outlet" and all(w[:1].isupper() for w in words):
        # "Ex-Environment Secretary THERESA VILLIERS says", "Mr Malone:": a title before a name is a
        # person's; a surname alone is the person named in full earlier where there is one. A body's kind is no
        # title: "film industry magazine Velder reports" is the magazine (`body_kind`).
        if body_kind(role) is not None:
            return memory.remember(Speaker(" ".join(words), body_kind(role)), alias)
        known = None
        if len(words) == 1:
            known = by_surname(memory, words[0], mention)
        return memory.remember(known or Speaker(unshout(" ".join(words)), "person", without_courtesy(role)),
                              alias)
    if org is None and kind != "news_outlet" and root.ent_type_ in {"", "PERSON"}:
        # A lone capitalised word no recogniser placed: a person when tagged so, else nobody knows.
        kind = "person" if root.ent_type_ == "PERSON" else ("unknown" if len(core) == 1 else "organization")
    return memory.remember(Speaker(name, kind), alias)
