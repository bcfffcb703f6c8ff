"""Function words that stand for someone: pronouns, relatives, quantifiers, and a display name signing a post.

"he"/"she" go to the person last named whose first name fits (a name inside a statement, a clause describing
someone else or the one a cue addresses is skipped), else to the one person described just before; "they" to the
last group or body, or the people just described; "it" to the body that spoke in the last few sentences or is
named again just before; "which/who/that" to the relative clause's antecedent (the name after "those of"); "some",
"others" to part of a group just described, "another" to one more of the kind of person that spoke just before.
Each step returns PASS (memory.py) for a mention that is not its own, None where it names nobody. Steps of
`SpeakerResolver` (resolver.py), which passes itself as `resolve` for the spans they stand for.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimgraph.attribution.cues import STATEMENT_NOUNS
from claimgraph.attribution.found import relative_antecedent
from claimgraph.attribution.speaker_types import ORG_NOUNS, PERSON_NOUNS
from claimgraph.attribution.speakers.memory import IT_WINDOW, PASS, ArticleMemory, Pass, Resolve
from claimgraph.attribution.speakers.mentions import GROUP_PRONOUNS, PERSON_PRONOUNS, SELF_PRONOUNS, strip_det
from claimgraph.attribution.speakers.names import gender_fits, identity_fits, lower_case_signer, plural
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
from claimgraph.attribution.speakers.persons import resolve_person
from claimgraph.records import Speaker

# Quantifiers standing for part of a group named just before ("some", "others"), with the word that says so.
QUANTIFIERS = {"some": "some", "others": "other", "many": "many", "most": "most", "several": "several"}


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


def pronoun(memory: ArticleMemory, mention: Span, text: str, resolve: Resolve) -> Speaker | None | Pass:
    """'he'/'she' to the person last named, 'they' to the last group or body, 'it' to the body that spoke last;
    'I'/'we' to nobody here. PASS for any other mention."""
    lower = text.lower()
    if lower in PERSON_PRONOUNS or lower == "his":  # "his admission that …": the one who admits
        found = _last_person(memory, mention, resolve)
        return memory.remember(found, text) if found else None
    if lower in GROUP_PRONOUNS:
        found = memory.latest({"anonymous", "organization", "unknown", "news_outlet"})
        if found is not None and found.type == "news_outlet" and (
                found is not memory.known[-1] or _plural_since(memory, found, mention)):
            # "The Daily Ledger reported … They said …": the outlet where it spoke last and nothing plural
            # was named since ("… took it to the reps, they refused", "some media outlets. They added"); else
            # the group or body before it, as before outlets were read.
            found = memory.latest({"anonymous", "organization", "unknown"})
        if found is None or mention.start_char - memory.at.get(found.key, -IT_WINDOW) >= IT_WINDOW:
            # "… left some of the state's energy experts bewildered. They said …": the people just described.
            found = people_before(mention) or found
        return memory.remember(found, text) if found else None
    if lower == "it":
        return _last_body(memory, mention, text, resolve)
    if lower in SELF_PRONOUNS:
        return None  # resolved by the caller from the enclosing quote
    return PASS


def _last_person(memory: ArticleMemory, mention: Span, resolve: Resolve) -> Speaker | None:
    """'he'/'she': the person last named before the mention, whether as a speaker or not ("Soon after Ilse
    Price was elected, she said …"); number and gender are not checked."""
    # A person known by one word that nothing shows to be a person ("According to Kestrava, …", a news site the
    # recogniser called a person, then "she told Harbor Radio"): a pronoun skips it for the person before
    # (FNC-1 design and check: 2 he/she records each went to such a site). A name that is a verb's subject
    # somewhere counts ("Vell said …. She then asked …": PolNeAR train lost one such "she" to a full name without
    # this).
    found = next((k for k in reversed(memory.known) if k.type == "person" and (
        memory.doc is None or memory.may_be_named_person(k.name) or _ever_subject(memory, k.name))), None)
    # "a spokesperson for the association said … he said": a source known by a singular role counts as a person.
    role = next((k for k in reversed(memory.known) if k.type == "anonymous" and k.role), None)
    if role is not None and (found is None or memory.at.get(role.key, -1) > memory.at.get(found.key, -1)):
        found = role
    at = memory.at.get(found.key, -1) if found is not None else -1
    if memory.doc is None:
        return found
    named = [e for e in memory.ents if e.label_ == "PERSON" and e.end_char <= mention.start_char
             and e.start_char > at and e.root.tag_ not in {"NNS", "NNPS"} and (
                 memory.may_be_person(e) or _subject_just_before(memory, e, mention))]
    # "I pick the guard, Hadvar. He suggests …": a name set beside a person noun, which the recogniser missed.
    named += [memory.doc[i:i + 1] for i in memory.beside if at < memory.doc[i].idx and i < mention.start]
    named.sort(key=lambda span: span.start)
    gender = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}.get(mention.text.strip().lower())
    if found is not None and identity_fits(found.name, gender, memory.genders):
        # "…," said King, who resigned from Meadows' office … He said …': a name inside the clause that
        # describes the last speaker is not who the next "he" is; nor one inside what was just said or quoted
        # ("Vell said the order came from Ilse Marr. … she added"), nor the one a cue addresses ("Vell told
        # Ilse Marr that … . …, she said").
        named = [e for e in named if not describes(e.root, at) and not memory.in_statement(e, mention)
                 and not (e.root.dep_ in {"dobj", "dative"} and e.root.head.i in memory.cues)
                 and not subordinate(e, mention) and not fronted_phrase(e, mention)]
    # The pronoun's gender rules out a first name the lexicon knows as the other's only ("Tomas Brand … She
    # said" is not Tomas Brand).
    named = [e for e in named if gender_fits(strip_det(e.text), gender, memory.genders)]
    if named:
        ent = named[-1]
        person = resolve_person(memory, ent, ent, [ent], ent.text)
        if person is not None and person.type == "person" and identity_fits(person.name, gender, memory.genders):
            memory.at[person.key] = ent.start_char
            return person
    if found is not None and not identity_fits(found.name, gender, memory.genders):
        # "Evan Sparks … Sasha Luccioni … Sparks says … she says": the last person whose first name does not
        # rule the pronoun out, or nobody.
        found = next((k for k in reversed(memory.known) if k.type == "person" and k.key != found.key
                      and identity_fits(k.name, gender, memory.genders)), None)
    if found is None and mention.root.head.i in memory.cues:
        # "The nun, who came to Port Ellis …, belonged to an order … . She says …": nobody named, the one person
        # described as the subject just before (an anonymous source of this article); not the "he" of another
        # verb ("He was stunned to be told …": the one told).
        head = person_described_before(mention, gender, memory.reported, set(memory.described))
        if head is not None and head.pos_ == "PRON":
            return memory.described.get(head.i)
        if head is not None:
            found = resolve(memory.doc[head.left_edge.i:head.i + 1])
            if found is not None:
                memory.described[mention.start] = found
    return found


def _ever_subject(memory: ArticleMemory, name: str) -> bool:
    """`name` is, somewhere in the article, a person's name the recogniser found as a verb's subject."""
    return any(e.label_ == "PERSON" and e.root.dep_ in {"nsubj", "nsubjpass"} and strip_det(e.text) == name
               for e in memory.ents)


def _subject_just_before(memory: ArticleMemory, ent: Span, mention: Span) -> bool:
    """A name of one word the recogniser calls a person that is the subject of a verb in the pronoun's sentence or
    the one before, outside any statement ("Tesfaye gave an interview … in which he claimed …", "Tesfaye talks
    about … . … he said"): whom the pronoun may be, though it is no first name and has no title beside it (FNC-1 design:
    such a surname lost to a full name paragraphs back)."""
    verb = ent.root.head  # the sentence's own verb, not one of a clause inside it ("she believes Marr is right":
    # PolNeAR dev gave the next quote of the one who believes to the one believed without this)
    main = verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT"
    return ent.root.dep_ in {"nsubj", "nsubjpass"} and verb.pos_ in {"VERB", "AUX"} and main and \
        ent.start >= from_sentence_before(mention) and not memory.in_statement(ent, mention) and \
        memory.type_of(strip_det(ent.text)) != "organization"


def _last_body(memory: ArticleMemory, mention: Span, text: str, resolve: Resolve) -> Speaker | None:
    """'it'. "The company said … It added …": the organisation (or the report, the statement) that spoke last, if
    it spoke in the last few sentences (IT_WINDOW characters); else nobody."""
    # An unnamed body counts ("Iraq's government insisted … . It said …"), as a statement does; by the head of its
    # description ("the leader of the group" is no body).
    bodies = [k for k in reversed(memory.known) if k.type in {"organization", "news_outlet"} or (
        k.type == "anonymous" and _head_word(k.name) in STATEMENT_NOUNS | ORG_NOUNS)]
    if bodies and mention.start_char - memory.at.get(bodies[0].key, -IT_WINDOW) < IT_WINDOW:
        return memory.remember(bodies[0], text)
    # Else one that spoke earlier and is named again just before ("Microsoft’s goal … , it said").
    named = next((k for k in bodies if named_nearby(k, mention)), None)
    if named is not None:
        return memory.remember(named, text)
    if memory.doc is None or mention.root.head.i not in memory.cues:
        return None  # "It came as the mayor announced …": the "it" of another verb does not speak
    # Else the one body (or statement) the subject just before names ("Harbor News Service was among the
    # first … . It said …").
    subject = body_described_before(mention, memory.reported, set(memory.described), STATEMENT_NOUNS)
    if subject is not None and subject[0].lower_ == "it":
        return memory.described.get(subject.start)
    found = resolve(subject) if subject is not None else None
    if found is not None and found.type in {"organization", "news_outlet", "anonymous"}:
        memory.described[mention.start] = found
        return memory.remember(found, text)
    return None


def _head_word(description: str) -> str:
    """The head of an unnamed source's description, in lower case: its last word before an "of" ("leader of the
    extremist group": leader), else its last word."""
    words = description.lower().split()
    if "of" in words[1:]:
        words = words[:words.index("of", 1)]
    return words[-1] if words else ""


def _plural_since(memory: ArticleMemory, known: Speaker, mention: Span) -> bool:
    """Whether a plural noun stands between the latest mention of `known` and `mention` (whom a "they" may
    be), or `known` is named only after it ("… doctors told him …, the Ledger reported")."""
    at = memory.at.get(known.key, 0)
    return memory.doc is None or at > mention.start_char or any(
        t.tag_ in {"NNS", "NNPS"} and at <= t.idx for t in memory.doc[:mention.start])


def signed_post(memory: ArticleMemory, mention: Span, text: str) -> Speaker | None | Pass:
    """A display name in lower case signing an embedded post (`lower_case_signer`); PASS for any other."""
    signer = lower_case_signer(mention)
    if signer is not None:
        return memory.remember(signer, text)
    return PASS


def relative(mention: Span, text: str, resolve: Resolve) -> Speaker | None | Pass:
    """'which'/'who'/'that' opening a relative clause: its antecedent, or nobody; PASS for any other mention."""
    if text.lower() in {"which", "who", "that"} and (mention.root.head.dep_ == "relcl" or (
            before_date := _noun_before_date(mention.root)) is not None):
        # "… a Mail on Sunday poll which shows that …": the relative's antecedent is the source.
        noun = relative_antecedent(mention.root.head.head, mention.root) if mention.root.head.dep_ == "relcl" \
            else before_date
        if noun.ent_type_ in {"DATE", "TIME"}:
            # "saw a dermatologist on Monday, who told him …": the date is when, the noun before it who.
            noun = _noun_before_date(mention.root) or noun
        noun = _owner_of_demonstrative(noun)
        if noun.pos_ in {"NOUN", "PROPN"} and noun.ent_type_ not in {"DATE", "TIME"} and noun.i < mention.start:
            # The antecedent's words before the relative clause ("a string of Tory MPs who said …").
            words = [t for t in noun.subtree if t.i < mention.root.head.left_edge.i and not t.is_space]
            while words and words[-1].is_punct:
                words.pop()
            return resolve(mention.doc[words[0].i:words[-1].i + 1] if words
                                 else mention.doc[noun.left_edge.i:noun.i + 1])
        return None
    return PASS


def _owner_of_demonstrative(noun: Token) -> Token:
    """The name a demonstrative's "of" gives where the parser hung a relative clause on the demonstrative ("the
    figures match those of the Harbor Monitoring Group, which said …": the group said it, "those" are its figures);
    else `noun` itself."""
    if noun.pos_ != "PRON" or noun.lower_ not in {"those", "that", "these", "this"}:
        return noun
    return next((obj for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
                 for obj in prep.children if obj.dep_ == "pobj" and obj.pos_ in {"NOUN", "PROPN"}), noun)


def quantified(memory: ArticleMemory, mention: Span, text: str) -> Speaker | None | Pass:
    """'some', 'others', 'many' alone: part of a group of people, 'another' one more of the source just before, or
    nobody; PASS for any other mention."""
    lower = text.lower()
    if lower == "another":
        single = _one_more(memory, mention)
        return memory.remember(single, text) if single is not None else None
    if lower in QUANTIFIERS:
        # "On a forum for teachers, some wrote …", "One academic told … Others reported …": part of the people
        # just described, an anonymous source of this article ("some teachers", "other academics").
        if lower == "others":
            people = _rest_of_group(memory, mention)
        else:
            found = people_before(mention)
            people = found.name if found is not None else None
        if people is None:
            return None
        return memory.remember(Speaker(f"{QUANTIFIERS[lower]} {people}", "anonymous"), text)
    return PASS


# Words that open one source's description and say only that it is one ("one Twitter user", "a source").
ONE_OF = {"one", "a", "an"}


def _one_more(memory: ArticleMemory, mention: Span) -> Speaker | None:
    """'Another': one more of the kind of person that spoke just before ("… sick minds," one Twitter user wrote.
    Another posted …": another Twitter user); nobody where the last source is named, several, a thing, the writer,
    or spoke too long ago."""
    if not memory.known:
        return None
    last = memory.known[-1]
    words = last.name.split()
    recent = mention.start_char - memory.at.get(last.key, -IT_WINDOW) < IT_WINDOW
    if last.type != "anonymous" or last.role == "writer" or not recent or not words or words[-1].endswith("s"):
        return None  # a plural ("Forum posts claim …. Another reported …"): another what is not said
    head = _head_word(last.name)
    if head not in PERSON_NOUNS and not head.endswith(("er", "or", "ist", "ian")):
        return None  # one more person, not one more of a thing named last ("an attack … . Another said")
    if words[0].lower() in ONE_OF:
        words = words[1:]
    return Speaker(" ".join(["another", *words]), "anonymous") if words else None


def _rest_of_group(memory: ArticleMemory, mention: Span) -> str | None:
    """'Others': the rest of a group a source was just taken from ("some teachers", "one academic"), or nobody."""
    part = next((k for k in reversed(memory.known) if k.type == "anonymous" and k.name.split()[0] in {
        "some", "one", "many", "most", "several"} and len(k.name.split()) > 1), None)
    recent = part is not None and mention.start_char - memory.at.get(part.key, -IT_WINDOW) < IT_WINDOW
    return plural(" ".join(part.name.split()[1:])) if recent else None
