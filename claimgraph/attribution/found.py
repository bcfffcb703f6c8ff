"""The working record of the rule components, before speakers are resolved and ids assigned.

Offsets here are character offsets into the Doc; `claimgraph.attribution.extract_attributions` shifts them into the
article's text and turns each `Found` into a frozen `Attribution`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from claimgraph.nlp.datelines import PLACE_DATELINE

PUNCT_EDGES = set(" \n\t,;:—–-")
# Dependencies climbed from a cue to the verb whose subject speaks ("…, adding that …").
CLIMB = {"advcl", "xcomp", "conj", "acl", "pcomp", "relcl", "ccomp", "advmod", "acomp"}
MAX_CLIMB = 6
TEXT_KEY = "claimgraph_text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, computed once: spaCy rebuilds the string from every token on each access, which made the
    rules cost more than the parse itself."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


@dataclass
class Found:
    kind: str
    cue: Span | None
    source: Span | None
    content: list[tuple[int, int]]
    cue_class: str
    sentence: tuple[int, int]
    via: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    confidence: float = 0.8
    quote_index: int | None = None  # for direct quotes: which quote (continuations point back to it)
    parent: Found | None = None
    speaker: object | None = None  # filled by speaker resolution
    method: str = "rules"

    @property
    def content_spans(self) -> tuple[tuple[int, int], ...]:
        return tuple(self.content)

    @property
    def cue_span(self) -> tuple[int, int] | None:
        return (self.cue.start_char, self.cue.end_char) if self.cue is not None else None


# A nested find whose content is at least this share of its holder's content restates the holder's statement.
SWALLOWED_SHARE = 1 / 3
# Verbs of saying: a nested find with one of these is a second voice ("Oprah told … Harry had said …"), kept.
SAYING = {"say", "tell", "add", "state", "write", "tweet", "reply", "respond", "explain", "insist", "argue", "claim",
          "predict", "warn", "announce", "declare", "testify", "recall", "remark", "note"}
# Speaker types with a name of their own (not "51 percent", "the witness", "one message").
NAMED = {"person", "organization", "news_outlet"}


def swallowed(item: Found) -> bool:
    """'A senator said Republicans had agreed to hold votes', 'Top advisers said he had rejected the idea', 'Fauci told
    the Today show the final number …': a nested find whose words lie inside its holder's content and make up a
    third of it or more, with a cue that is no verb of saying, is an event the holder reports (or a misread word of
    the holder's statement), not a second statement. PolNeAR marks the holder and not the inner find: on train
    (default, at 5f74036) 160 such finds, 27 of them matched to gold, 130 near misses inside the holder's gold span, 3
    overlapping no gold (83% wrong); dev 38, 5 right.
    Kept: a second voice ("Oprah told the host Harry had said …": a verb of saying; PolNeAR leaves these unmarked
    too, 12 right of 91 on train, but on the real pages they were real statements), and a statement an outlet
    relays ("Tass reports that the ministry said …", the chain `via` reads; decisions.md).
    Inside an "according to" account a verb of saying whose speaker has no name ("According to the poll, 51 percent
    said …", "…, the witness said, according to the report") is the account's own words too: PolNeAR marks the
    account and not the find (round 8: on train 11 such finds left out, 1 of them right; dev 1, not right). A named
    speaker's statement stays ("According to a blog post, the Norland Institute predicts …", realweb round 3: on
    train 14 such finds, 1 right, but the speaker is what a reader asks for), and so does an outlet's account."""
    holder = item.parent
    if holder is None or not item.content or not holder.content:
        return False
    if getattr(holder.speaker, "type", None) == "news_outlet":
        return False
    start, end = item.content[0][0], item.content[-1][1]
    if not (holder.content[0][0] <= start and end <= holder.content[-1][1]):
        return False
    if item.cue is not None and item.cue.root.lemma_.lower() in SAYING:
        return holder.kind == "according_to" and getattr(item.speaker, "type", None) not in NAMED
    size = sum(e - s for s, e in item.content)
    return size >= SWALLOWED_SHARE * sum(e - s for s, e in holder.content)


def trim(doc: Doc, start: int, end: int, keep_final_period: bool = False) -> tuple[int, int]:
    """Shrink a character range so it neither starts nor ends with spaces or clause punctuation."""
    text = doc_text(doc)
    while start < end and (text[start] in PUNCT_EDGES):
        start += 1
    while end > start and (text[end - 1] in PUNCT_EDGES or (not keep_final_period and text[end - 1] == ".")):
        # Keep a period that belongs to an abbreviation ("U.S.", "Jan.").
        if text[end - 1] == "." and end - 2 >= start and text[end - 2].isupper() and (
                end - 3 < start or not text[end - 3].isalpha() or text[end - 3] == "."):
            break
        end -= 1
    return start, end


def subtree_span(token: Token, exclude: set[int] = frozenset()) -> tuple[int, int]:
    """Character range of a token's subtree, optionally leaving out the subtrees of some children."""
    if exclude:  # a token in an excluded subtree is one of them or lies under one: its ancestors walked once
        tokens = [t for t in token.subtree if not (t.i in exclude or any(a.i in exclude for a in t.ancestors))]
    else:
        tokens = list(token.subtree)
    if not tokens:
        return token.idx, token.idx + len(token)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def mention_span(subject: Token, cue: Token) -> tuple[int, int]:
    """The source mention: the subject's subtree, less the cue's clause when the cue hangs inside it
    ("a Donald Trump tweet attacking …"), and never a dateline ("PORT ELLIS (AP) — …")."""
    return _after_dateline(subject.doc, *_mention_span(subject, cue), cue)


def _mention_span(subject: Token, cue: Token) -> tuple[int, int]:
    if subject.i == cue.i - 1 and _subject_hung_before(cue) == subject:
        first = subject.doc[_phrase_start(subject, cue.sent.start)]
        return first.idx, subject.idx + len(subject)  # "local TV", not the phrase the parser hung it in
    if cue.i in {t.i for t in subject.subtree}:
        if cue.left_edge.i > subject.i:
            # "Tory MPs who said …", "a tweet attacking …": the words before the cue's clause; the subject's
            # subtree may hold the whole sentence when the parse makes it the root.
            kept = [t for t in subject.subtree if t.i < cue.left_edge.i and not t.is_space]
            if kept:
                return kept[0].idx, kept[-1].idx + len(kept[-1])
        return subtree_span(subject, exclude={cue.i})
    return subtree_span(subject)


def _after_dateline(doc: Doc, start: int, end: int, cue: Token) -> tuple[int, int]:
    """A mention that starts with a paragraph's dateline: the words after the dash (up to the cue where the
    mention is the dateline alone, the parse having made the place the subject)."""
    text = doc_text(doc)
    if start > 0 and text[start - 1] != "\n":
        return start, end
    m = PLACE_DATELINE.match(text, start)
    if m is None:
        return start, end
    if m.end() < end:
        return m.end(), end
    after = doc.char_span(m.end(), cue.idx, alignment_mode="contract") if m.end() < cue.idx else None
    words = []
    for token in after or ():
        if token.pos_ in {"VERB", "AUX"} or token.is_punct:
            break  # the noun phrase after the dash, not the clause it opens
        words.append(token)
    if words:
        return trim(doc, words[0].idx, words[-1].idx + len(words[-1]))
    return start, end


def _dateline_subject(verb: Token) -> bool:
    """The verb's first subject opens a paragraph's dateline ("QUILLMOOR COVE, N.S. - Tomas Brand continued …"):
    `_after_dateline` takes the name after the dash from it."""
    first = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if first is None:
        return False
    text, start = doc_text(verb.doc), first.left_edge.idx
    return (start == 0 or text[start - 1] == "\n") and PLACE_DATELINE.match(text, start) is not None


def _under(token: Token, ancestor_i: int) -> bool:
    return any(a.i == ancestor_i for a in token.ancestors)


def sentence_of(doc: Doc, *char_ranges: tuple[int, int]) -> tuple[int, int]:
    """The span of the sentence or sentences covering all ranges."""
    starts, ends = [], []
    for start, end in char_ranges:
        first = doc.char_span(start, max(start + 1, end), alignment_mode="expand")
        if first is None or not len(first):
            continue
        starts.append(first[0].sent.start_char)
        ends.append(first[-1].sent.end_char)
    if not starts:
        return (0, len(doc_text(doc)))
    return min(starts), max(ends)


def _subject_before_aside(verb: Token) -> Token | None:
    """'King Tomar II, visibly shaken over the pilot's death, has vowed to …': the parser took the participle of the
    aside for the verb's clausal subject and hung the real subject on it; the subject is the noun before the comma
    (issue 9, FNC-1 sample A: the king's vow had no source)."""
    aside = next((c for c in verb.children if c.dep_ == "csubj" and c.i < verb.i and c.tag_ in {"VBN", "VBG", "JJ"}),
                 None)
    if aside is None:
        return None
    subject = next((c for c in aside.children if c.dep_ == "nsubj" and c.i < aside.i), None)
    if subject is None or subject.right_edge.i + 1 >= aside.i or verb.doc[subject.right_edge.i + 1].text != ",":
        return None
    return subject


NOUN_PHRASE_TAGS = {"DT", "JJ", "JJS", "NN", "NNS", "NNP", "NNPS", "PRP$", "POS", "CD"}


def _subject_hung_before(cue: Token) -> Token | None:
    """'The area was placed in lockdown and local TV reported that …': the parser hung the noun phrase after "and"
    on the clause before (here inside "in lockdown") and left the joined cue without a subject; the phrase between
    "and" and the cue is its subject (FNC-1 sample B: local TV's report had no source; PolNeAR train: 1 change,
    right)."""
    doc = cue.doc
    if cue.dep_ != "conj" or cue.tag_ not in {"VBD", "VBZ", "VBP"} or any(
            c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in cue.children):
        return None
    noun = doc[cue.i - 1] if cue.i > 0 else None
    if noun is None or noun.tag_ not in {"NN", "NNS", "NNP", "NNPS"} or noun.dep_ in {"nsubj", "nsubjpass"}:
        return None
    first = _phrase_start(noun, cue.sent.start)
    if any(t.ent_type_ in {"DATE", "TIME"} for t in doc[first:noun.i + 1]):
        return None  # "… — and last June stirred controversy": when, not who (PolNeAR train: the one wrong find)
    return noun if first > cue.sent.start and doc[first - 1].lower_ == "and" else None


def _phrase_start(noun: Token, floor: int) -> int:
    """The first token of the run of determiners, adjectives and nouns that ends at `noun`."""
    first = noun.i
    while first > floor and noun.doc[first - 1].tag_ in NOUN_PHRASE_TAGS:
        first -= 1
    return first


def cue_subject(cue: Token) -> tuple[Token | None, list[Token]]:
    """The cue's subject, climbing through the verbs it hangs from; also the chain climbed (for negation)."""
    chain: list[Token] = []
    token = cue
    inverted = inverted_subject(cue)
    if inverted is not None:
        return inverted, [cue]
    misjoined = _subject_hung_before(cue)
    if misjoined is not None:
        return misjoined, [cue]
    for _ in range(MAX_CLIMB):
        chain.append(token)
        # Two subjects on one verb: a place read as one ("Speaking in Salem, New Hampshire, Trump went …") or a
        # relative the clause's object ("…, which she said represented …", "who many feel need …"): the nearer,
        # unless a preposition stands right before it ("The plan to fill the quarry …, with soil … proposes").
        nearest = [c for c in token.children if c.dep_ == "nsubj" and c.i < token.i][-1:]
        nearest = [c for c in nearest if c.left_edge.tag_ != "IN" and (
            c.left_edge.i == 0 or c.doc[c.left_edge.i - 1].tag_ != "IN") and not _dateline_subject(token)]
        for child in nearest + list(token.children):
            if child.dep_ == "nsubj":
                # "Tory MPs who said …": the mention is "who", as "he" is in "he said" (PolNeAR marks the
                # relative); the speaker is its antecedent, which speaker resolution reads from the relative clause.
                return child, chain
            if child.dep_ == "nsubjpass":
                if len(chain) > 1 and chain[-2].dep_ == "xcomp" and token.lemma_.lower() in CAUSATIVE \
                        and agent_of(token) is None:
                    return child, chain  # "Vell was prompted to say …": the one prompted says it
                return agent_of(token), chain  # "Vell was asked by the host whether …": the host asks
        aside = _subject_before_aside(token)
        if aside is not None:
            return aside, chain
        if token.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            # A causative's object is the infinitive's subject: "the victory led Priebus to declare …", "that
            # prompted Rubio to call …", "leaving some to question …" (not "used the speech to refute …", where the
            # subject acts, nor "asked readers to guess", an instruction).
            obj = next((c for c in token.head.children if c.dep_ == "dobj" and c.i < token.i), None)
            if obj is not None and obj.pos_ in {"NOUN", "PROPN", "PRON"} and token.head.lemma_.lower() in CAUSATIVE:
                return obj, chain
        if token.dep_ == "acl" and token.head.pos_ in {"NOUN", "PROPN"}:
            # "a Donald Trump tweet attacking …": the noun it modifies speaks; "the council issued a statement
            # saying …": the one who issued it.
            return issuing_subject(token.head) or token.head, chain
        if token.dep_ == "pcomp" and token.head.dep_ == "prep" and token.head.head is not token.head:
            token = token.head.head  # "After denying the rumours, Talbot announced …": Talbot denied them
            if token.pos_ in {"NOUN", "ADJ"} and not any(c.dep_ == "nsubj" for c in token.children):
                # "In addition to stating that …, Clinton has vowed", "has a long history of blaming others",
                # "has been the most aggressive in denouncing …": the one whose history or addition it is.
                owner = _owner_of_phrase(token)
                if owner is None:
                    break
                if owner.dep_ == "poss":
                    return owner, chain
                subject = next((c for c in owner.children if c.dep_ == "nsubj"), None)
                if subject is not None and subject.lower_ in IMPERSONAL:
                    break  # "That's not the same as saying …": nobody says it
                token = owner
            passive = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
            if passive is not None and _someone(passive):
                # "she was suspended after slamming Republicans", "Mrs. Clinton is hemmed in by her record in
                # addition to worrying that …": the one the passive is about did it, not its agent
                return passive, chain
            continue
        if token.dep_ == "relcl" and token.head.dep_ in {"dobj", "pobj", "attr"} and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in token.children) \
                and token.head.lemma_.lower() not in OPEN_INFINITIVE:
            # An infinitive of purpose hung on an object: "held a briefing to brag …", "pointed to a case to
            # say …", "was the first to say …": the subject of the verb holding the object acts (not "gave
            # ample reasons to question …", anyone's to take).
            verb = token.head.head.head if token.head.dep_ == "pobj" else token.head.head
            if verb.pos_ in {"VERB", "AUX"}:
                token = verb
                continue
        if token.dep_ not in CLIMB or token.head is token:
            break
        token = _outer_conjunct(token) or token.head
    return _subject_before_relative(cue) or _name_before(cue), chain


IMPERSONAL = {"that", "this", "it", "there", "which", "what"}
PERSON_WORDS = {"man", "woman", "boy", "girl", "person", "people", "customer", "resident", "witness", "driver",
                "worker", "employee", "officer", "neighbor", "neighbour", "caller", "passenger", "student", "child"}


def _someone_or_person(token: Token) -> bool:
    """`_someone`, or a common noun for a person ("a man", "the driver")."""
    return _someone(token) or token.lemma_.lower() in PERSON_WORDS


# Nouns for places: "some Republicans in the state who …", "signs in some locations that say …": a relative clause
# the parser hangs on a place inside a locative phrase is about the noun that phrase hangs on. Apart from
# speaker_types.PLACE_WORDS (the words that call the name after them a place): a room, a store or a market is where
# something is, yet "the office of the mayor" names no place.
PLACE_NOUNS = {"state", "city", "country", "area", "region", "district", "location", "town", "county", "village",
               "neighborhood", "neighbourhood", "province", "place", "site", "nation", "capital", "suburb", "street",
               "room", "building", "store", "shop", "office", "school", "house", "home", "world", "community",
               "valley", "island", "port", "harbor", "harbour", "territory", "borough", "parish", "zone", "camp",
               "market", "hospital", "prison", "church", "park"}
LOCATIVE = {"in", "at", "across", "around", "throughout", "from", "near", "inside", "outside", "within"}


def relative_antecedent(noun: Token, relative: Token) -> Token:
    """The noun a relative pronoun stands for, where the parser hung its clause on `noun`: a place inside a
    locative phrase ("Republicans in the state who suspect …") gives the noun the phrase hangs on, for "who" any
    place, for "that"/"which" a common noun of place (a named state, "Texas, which said …", can speak)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in LOCATIVE:
        return noun
    # The phrase hangs on the noun, or on the verb whose object ends right before it ("roiled some Republicans
    # in the state who …", "hung signs in some locations that say …").
    owner = prep.head if prep.head.pos_ in {"NOUN", "PROPN"} else next(
        (c for c in prep.head.children if c.dep_ == "dobj" and c.right_edge.i == prep.i - 1), None)
    if owner is None or owner.i >= noun.i or owner.pos_ not in {"NOUN", "PROPN"}:
        return noun
    place = noun.lemma_.lower() in PLACE_NOUNS and noun.pos_ == "NOUN"
    if relative.lower_ == "who":
        place = place or noun.ent_type_ in {"GPE", "LOC", "FAC"}
    return owner if place else noun


def _someone(token: Token) -> bool:
    """A person or a body: a name, a personal pronoun, or a noun the recogniser names (not "hostility")."""
    return (token.pos_ == "PROPN" or token.pos_ == "PRON" and token.lower_ not in IMPERSONAL
            or token.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"})


def _owner_of_phrase(word: Token) -> Token | None:
    """The possessor of a noun ("Trump's history of …") or the verb whose object, complement or prepositional
    phrase holds a noun or adjective ("has a long history of …", "In addition to …, Clinton vowed", "was the most
    aggressive in …"): the verb, for its subject to be read; None where nothing holds it."""
    owner = next((c for c in word.children if c.dep_ == "poss"), None)
    if owner is not None and owner.pos_ in {"PROPN", "PRON", "NOUN"}:
        return owner
    token = word
    for _ in range(3):
        if token.pos_ in {"VERB", "AUX"}:
            return token
        if token.dep_ not in {"dobj", "pobj", "attr", "acomp", "prep", "amod", "advmod"} or token.head is token:
            return None
        token = token.head
    return token if token.pos_ in {"VERB", "AUX"} else None


# Verbs whose subject is the author of the text they take as object: "issued a statement saying …", "put out a
# release", "sent out an email", "ran an ad". Not "read", "cited", "received", "pointed to": a text by someone else.
ISSUING = {"issue", "release", "put", "send", "email", "post", "publish", "fire", "file", "pass", "approve", "adopt",
           "plant", "blast", "circulate", "distribute", "air", "run", "launch", "unveil", "deliver", "make", "give",
           "write", "tweet", "draft", "sign", "submit", "present", "offer", "provide", "produce", "broadcast"}


def issuing_subject(noun: Token) -> Token | None:
    """The subject of the verb that issued `noun` (a statement, a release, an ad), where `noun` is its object."""
    if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in ISSUING or noun.head.pos_ not in {"VERB", "AUX"}:
        return None
    subject, _ = cue_subject(noun.head)
    return subject


# Nouns whose infinitive anyone may take up ("reasons to question", "a chance to say"): no one's act in particular.
OPEN_INFINITIVE = {"reason", "chance", "opportunity", "time", "way", "right", "ground", "cause", "need", "room",
                   "incentive", "license", "licence", "excuse", "invitation", "permission"}
CAUSATIVE = {"lead", "prompt", "cause", "force", "leave", "require", "drive", "spur", "move", "inspire", "compel",
             "provoke", "trigger", "get"}


def agent_of(verb: Token) -> Token | None:
    """The 'by' phrase of a passive verb: "was asked by host Ansel Marr" gives "Marr"; None without one."""
    return next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)


def _outer_conjunct(token: Token) -> Token | None:
    """'Paul said the plan would give money away, and called him …': the parser hangs "called" on "give" inside
    what was said; a past-tense cue verb without a subject, conjoined to a complement in another tense, is the
    speaker's next act: its subject is the outer cue's."""
    from claimgraph.attribution.cues import cue_for

    head = token.head
    if token.dep_ == "conj" and token.tag_ == "VBG" and head.tag_ != "VBG" and head.dep_ == "ccomp" \
            and head.head.tag_ == "VBG" and head.head.i < head.i and cue_for(head.head) is not None:
        return head.head  # "acknowledging that Vell had … but warning that …": the two participles are the pair
    if token.dep_ != "conj" or head.dep_ != "ccomp" or head.head.i == head.i:
        return outer_cue(token)
    present = head.tag_ in {"VBZ", "VBP"} or any(c.tag_ == "MD" for c in head.children)
    # The tenses tell, whether or not the outer verb is a cue ("Putin forecast that the economy would rebound and
    # praised …": Putin praised).
    if token.tag_ == "VBD" and head.head.tag_ == "VBD" and present:
        return head.head
    return outer_cue(token)


def outer_cue(token: Token) -> Token | None:
    """'Farage said the warning showed that the President did not know …, and accused Number 10 of …', 'Vell argued
    that a levy would keep ferries running, saying …': a subjectless cue conjoined to (or a participle hung on) a
    verb deep inside another cue's complement, where that verb is no cue of its own, is the outer speaker's next
    act. Returns the outer cue; None where the parse gives no such reading."""
    from claimgraph.attribution.cues import cue_for

    if cue_for(token) is None or any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in token.children):
        return None
    if not (token.dep_ == "conj" or (token.dep_ == "advcl" and token.tag_ == "VBG")):
        return None
    head = token.head
    if token.dep_ == "advcl" and token.i > 0 and token.doc[token.i - 1].text not in {",", "—", "–", "--"} \
            and not any(c.dep_ == "mark" for c in token.children) \
            and any(c.dep_ == "nsubj" and _someone_or_person(c) for c in head.children):
        return None  # "the owner said a man came in saying he was …": the man says it, as he came in
    if cue_for(head) is not None or head.i > token.i:
        return None  # "Vell denied it and claimed …": the subject of the cue it is conjoined to speaks
    x = head
    for _ in range(5):
        if x.dep_ == "ccomp" and x.head.i < x.i and cue_for(x.head) is not None and any(
                c.dep_ == "nsubj" for c in x.head.children):
            return x.head
        if x.head.i == x.i or x.dep_ not in {"ccomp", "conj", "acomp", "acl", "advcl", "xcomp", "relcl", "pcomp",
                                             "prep", "pobj", "dobj", "attr"}:
            return None
        x = x.head
    return None


def _subject_before_relative(cue: Token) -> Token | None:
    """'Tomas Brand, meanwhile, who sits at zero endorsements, said …' parsed with the relative clause as a clause of
    the cue and the name as its subject: the noun before the set-off relative clause is the cue's subject."""
    if cue.tag_ not in {"VBD", "VBZ", "VBP"} or any(c.dep_ in {"nsubj", "nsubjpass"} for c in cue.children):
        return None
    doc = cue.doc
    if cue.i == 0 or doc[cue.i - 1].text != ",":
        return None
    for clause in cue.children:
        if clause.i > cue.i or clause.dep_ not in {"ccomp", "advcl", "parataxis", "csubj"}:
            continue
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]
        noun = next((c for c in subjects if c.pos_ in {"NOUN", "PROPN"} and c.left_edge.i == clause.left_edge.i),
                    None)
        relative = next((t for t in clause.subtree if t.lower_ in {"who", "which"} and t.tag_ in {"WP", "WDT"}
                         and noun is not None and t.i > noun.i and doc[t.i - 1].text == ","), None)
        if noun is not None and relative is not None:
            return noun
    return None


def _name_before(cue: Token) -> Token | None:
    """'…, Chief Executive Satya Nadella said that …' parsed with the name hanging from the phrase before it: a
    person or organisation named right before a finite cue is its subject."""
    doc = cue.doc
    i = cue.i - 1
    while i >= 0 and doc[i].pos_ == "ADV":
        i -= 1
    if i > 1 and doc[i].text == ",":
        # "…, Senator Harry Reid, the minority leader, said …": the name before its apposition.
        appos = next((a for a in [doc[i - 1], *doc[i - 1].ancestors] if a.dep_ == "appos"), None)
        if appos is not None and appos.right_edge.i == i - 1 and appos.head.i < appos.left_edge.i \
                and doc[appos.left_edge.i - 1].text == ",":
            i = appos.head.i
    if i < 0 or cue.tag_ not in {"VBD", "VBZ", "VBP"}:
        return None
    if doc[i].ent_type_ not in {"PERSON", "ORG"}:
        return _phrase_before(cue)
    return doc[i] if doc[i].dep_ in {"pobj", "conj", "appos", "npadvmod", "dobj", "nmod"} else None


def _phrase_before(cue: Token) -> Token | None:
    """A finite cue that opens its clause with no subject the parser attached ('About 4 in 10 say …', 'Large
    majorities of voters going to the polls said …' read as a clausal subject, '…, 67 percent, say …'): the noun
    phrase that ends right before it, in the same sentence, stands where its subject stands."""
    doc = cue.doc
    if cue.dep_ not in {"ROOT", "dep"} or any(c.dep_ in {"nsubj", "nsubjpass", "expl", "dobj"} and c.i < cue.i
                                               for c in cue.children):
        return None
    csubj = next((c for c in cue.children if c.dep_ == "csubj" and c.i < cue.i), None)
    if csubj is not None:
        noun = next((c for c in csubj.children if c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN"}), None)
        return noun if noun is not None and noun.i == noun.sent.start + (doc[noun.sent.start].dep_ in {
            "det", "amod", "compound", "nummod"}) else None
    i = cue.i - 1
    while i >= cue.sent.start and (doc[i].pos_ == "ADV" or doc[i].text == "," or doc[i].ent_type_ == "DATE"):
        i -= 1
    if i < cue.sent.start or doc[i].pos_ not in {"NOUN", "PROPN", "NUM"} or doc[i].i <= cue.sent.start:
        return None
    # Only nouns before it in the clause: "voters in Ohio, 67 percent," not "the plan would fail, voters".
    if any(t.pos_ in {"VERB", "AUX"} for t in doc[cue.sent.start:cue.i]):
        return None
    return doc[i]


def inverted_subject(cue: Token) -> Token | None:
    """'…, reported Northgate News.': a reporting verb after a comma with the name after it."""
    doc = cue.doc
    if cue.i == 0 or doc[cue.i - 1].text != "," or cue.lemma_.lower() not in {"say", "report", "write", "add"}:
        return None
    after = next((c for c in cue.children if c.i > cue.i and c.dep_ in {"dobj", "nsubj", "npadvmod", "attr"}), None)
    if after is not None and after.pos_ == "PROPN" and after.i == cue.right_edge.i - (doc[cue.right_edge.i].is_punct):
        return after
    return None
