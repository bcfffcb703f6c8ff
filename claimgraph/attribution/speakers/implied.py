"""Sources a reader reads where the rules found none, or where the rules' source is the wrong clause's.

The passive subject of "was quoted as saying" and "could be heard saying"; the subject of the verb whose object a
nominal cue is ("The letter demands …"); the subject an active participle leans on ("Explaining the delay, the
council said", never the one a passive "Asked if …," was put to); the subject of the sentence before a subjectless
fragment ("Explaining why he …"); the nearer subject of a verb joined on in a row ("…, and Tamsin's uncle welcomes
us, coos at our story, and says …"). Each returns a span of the parse, or None. `dummy_it` says where the rules'
source is an "it" that stands for nobody ("It is easy to criticize …", "it is assumed that …").
"""

from __future__ import annotations

from spacy.tokens import Span

from claimgraph.attribution.found import Found, issuing_subject, mention_span, subtree_span, trim
from claimgraph.attribution.speakers.mentions import SUBJECTS

# Verbs whose passive subject is the speaker of the "saying" hung on them ("Vell was quoted as saying …").
PASSIVE_HEARD = {"quote", "hear", "record", "film", "overhear", "report"}
NO_SUBJECT = {"there", "it", "this", "that", "which", "who", "what"}


def implied_source(item: Found) -> Span | None:
    """The source a reader reads where the rules found none: the passive subject of "was quoted as saying" and
    "could be heard saying" ("Mara Vell was quoted as saying that …"), and the subject of the verb whose object a
    nominal cue is ("The letter demands assurances that …"). None where there is no such subject."""
    if item.cue is None or not len(item.cue) or item.kind == "continuation":
        return None
    cue = item.cue.root
    subject = None
    if cue.lemma_.lower() == "say":
        token = cue
        for _ in range(3):
            if token.dep_ not in {"pcomp", "prep", "advcl", "xcomp", "acl"} or token.head.i == token.i:
                break
            token = token.head
            if token.lemma_.lower() in PASSIVE_HEARD and token.tag_ == "VBN":
                subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
                break
    elif cue.pos_ == "NOUN" and cue.dep_ == "dobj" and cue.head.pos_ == "VERB":
        subject = next((c for c in cue.head.children if c.dep_ == "nsubj"), None)
    if subject is None and cue.tag_ == "VBG" and cue.dep_ == "advcl" and not any(
            c.dep_ in SUBJECTS for c in cue.children):
        # "Explaining the delay, the council said …": the participle's unspoken subject is that of the clause it
        # hangs on. Not a passive one's: in "Asked if the plan matters to her, Vell said it does" Vell is the one
        # asked, and who asked the question is not said.
        subject = next((c for c in cue.head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in NO_SUBJECT or subject.pos_ == "PRON" and subject.lower_ not in {
            "he", "she", "they"}:
        return None
    start, end = mention_span(subject, cue)
    return subject.doc.char_span(start, end, alignment_mode="expand")


def is_fragment(item: Found) -> bool:
    """A sentence that is only a participle and what it says ("Explaining why he won’t release …."): the cue
    opens its sentence, is its root and has no subject."""
    if item.cue is None or not len(item.cue) or item.kind == "continuation":
        return False
    cue = item.cue.root
    opening = next((t for t in cue.sent if not t.is_punct and not t.is_space), None)
    # The parser may hang the participle on a later verb of the fragment ("Explaining why he argued that frisking
    # them was …"): a head without a nominal subject leaves it subjectless still.
    alone = cue.dep_ == "ROOT" or cue.dep_ == "advcl" and not any(c.dep_ in SUBJECTS for c in cue.head.children)
    return (alone and cue.tag_ in {"VBG", "VBN"} and opening is not None and opening.i == cue.i
            and not any(c.dep_ in SUBJECTS | {"expl", "csubj"} for c in cue.children))


def subject_of_sentence_before(sent: Span) -> Span | None:
    """The subject of the sentence before `sent` where it is a name or "he"/"she" (whom a fragment that follows
    goes on about); None for anything else ("it", "this", a description)."""
    if sent.start == 0:
        return None
    before = sent.doc[sent.start - 1].sent
    subject = next((c for c in before.root.children if c.dep_ == "nsubj"), None)
    if subject is None or not (subject.pos_ == "PROPN" or subject.lower_ in {"he", "she"}):
        return None
    start, end = subtree_span(subject) if subject.pos_ == "PROPN" else (subject.idx, subject.idx + len(subject))
    return sent.doc.char_span(*trim(sent.doc, start, end), alignment_mode="expand")


def conjunct_subject(item: Found) -> Span | None:
    """'we've made it to Port Ellis, and Tamsin's uncle welcomes us, coos at our story, and says …': a verb joined
    on without a subject of its own speaks for the subject of the nearest clause before it in the same row, not
    for the first clause's; None where the mention already is that subject."""
    if item.cue is None or not len(item.cue) or not len(item.source):
        return None
    cue, source = item.cue.root, item.source.root
    if cue.dep_ != "conj" or source.dep_ not in SUBJECTS or source.head.i != cue.head.i or any(
            c.dep_ in SUBJECTS for c in cue.children):
        return None
    nearer = [s for verb in cue.head.children if verb.dep_ == "conj" and source.i < verb.i < cue.i
              for s in verb.children if s.dep_ in SUBJECTS and source.i < s.i < cue.i]
    if not nearer or nearer[-1].pos_ == "PRON" and nearer[-1].lower_ not in {"he", "she", "they"}:
        return None
    subject = nearer[-1]  # with the words before it that belong to it ("Tamsin's uncle"), not its appositions
    return cue.doc[subject.left_edge.i:subject.i + 1]


# Clauses a trailing participle's parse head may sit in, inside what an outer cue reports.
REPORTED_CHAIN = {"ccomp", "conj", "xcomp", "advcl"}


def _after_comma(token) -> bool:
    """A comma right before the token's phrase, past any closing quotation mark ('"… values," stating')."""
    i = token.left_edge.i - 1
    while i >= 0 and token.doc[i].is_quote:
        i -= 1
    return i >= 0 and token.doc[i].text == ","


def _parenthetical_cue(verb) -> bool:
    """A cue set after what it reports, its subject right after a quotation mark or comma ('"…," Vell added',
    which the parser may hang inside an earlier clause): the participle after it goes on with its own subject."""
    from claimgraph.attribution.cues import cue_for

    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    return cue_for(verb) is not None and subject is not None and subject.left_edge.i > 0 and (
        verb.doc[subject.left_edge.i - 1].is_quote or verb.doc[subject.left_edge.i - 1].text == ",")


def trailing_participle_speaker(item: Found) -> Span | None:
    """'Carson said he plans to preview a strategy, insisting that …', 'Trump told Newsmax that Romney "had a crazy
    policy," adding, "…"': a subjectless participle set off by a comma after a reported clause goes on with the
    one who reports that clause, though the parser hangs it on the nearest verb inside it (whose subject is not
    the speaker). The subject of the nearest cue whose complement holds that verb; None where there is none or
    the mention already is that subject."""
    if item.cue is None or not len(item.cue) or item.source is None or not len(item.source):
        return None
    from claimgraph.attribution.cues import cue_for

    cue, source = item.cue.root, item.source.root
    doc = cue.doc
    if cue.tag_ != "VBG" or cue.dep_ != "advcl" or cue.head.i > cue.i or not _after_comma(cue) \
            or any(c.dep_ in SUBJECTS for c in cue.children) or _parenthetical_cue(cue.head):
        return None
    clause = cue.head
    for _ in range(4):
        outer = clause.head
        if clause.dep_ not in REPORTED_CHAIN or outer.i == clause.i:
            return None
        if clause.dep_ == "ccomp" and outer.i < clause.i and cue_for(outer) is not None:
            subject = next((c for c in outer.children if c.dep_ == "nsubj"), None)
            # The rules' mention must be inside what the outer cue reports ('…," Vell added, saying': Vell's own
            # clause, the parenthetical cue's subject, stays).
            if subject is None or subject.i in {t.i for t in item.source} or not clause.is_ancestor(source):
                return None
            return doc.char_span(*mention_span(subject, cue), alignment_mode="expand")
        clause = outer
    return None


def issuer_of_relative(item: Found) -> Span | None:
    """'Tarn Vell released a video that said …', 'the council issued a statement that accused …': a text's relative
    "that"/"which" as the subject of its cue is the text's issuer's (as "a statement saying …" is, found.py
    `issuing_subject`); PolNeAR marks the one who issued it. None where the verb holding the text issues nothing ("the
    polls that show …")."""
    if item.cue is None or not len(item.cue) or item.source is None or len(item.source) != 1:
        return None
    relative, cue = item.source[0], item.cue.root
    if relative.lower_ not in {"that", "which"} or relative.dep_ != "nsubj" or relative.head.i != cue.i \
            or cue.dep_ != "relcl":
        return None
    issuer = issuing_subject(cue.head)
    if issuer is None:
        return None
    return cue.doc.char_span(*mention_span(issuer, cue), alignment_mode="expand")


# Verbs whose dummy "it" heads a gerund ("It means acknowledging that …").
DUMMY_VERBS = {"mean"}
# Raising verbs whose "it" introduces a that-clause ("It seems the campaign will …").
RAISING = {"seem", "appear"}


def dummy_it(item: Found) -> bool:
    """The rules' source is an "it" that stands for nobody (PolNeAR marks no source there): the subject of "be"
    with a complement, the cue an infinitive or gerund that complement frames ("It's easy to criticize …", "it is
    difficult to predict …", "it's worth pointing out …"); of "mean" with a gerund ("It means acknowledging …"); of
    a passive cue with no agent and a clause ("it's assumed the ruling …"); of "seem"/"appear" with a clause ("It
    seems the campaign …"). Not "it" as an organisation's or a document's subject ("It said …", "it reads")."""
    if item.cue is None or not len(item.cue) or item.source is None or len(item.source) != 1:
        return False
    it, cue = item.source[0], item.cue.root
    if it.lower_ != "it" or it.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    head = it.head
    if head.i == cue.i:
        if any(c.dep_ == "agent" for c in cue.children) or not any(c.dep_ == "ccomp" for c in cue.children):
            return False
        passive = it.dep_ == "nsubjpass" or any(c.dep_ == "auxpass" for c in cue.children)
        return passive or cue.lemma_.lower() in RAISING
    if cue.dep_ != "xcomp" or not (cue.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to"
                                                             for c in cue.children)):
        return False
    framing = [c for c in head.children if c.dep_ in {"acomp", "attr"}]
    if head.lemma_.lower() == "be" and framing:
        return cue.head.i == head.i or any(cue.head.i == c.i for c in framing)
    return head.lemma_.lower() in DUMMY_VERBS and cue.tag_ == "VBG" and cue.head.i == head.i


def apposed_name(item: Found) -> Span | None:
    """'Jeffrey Salkin, a Hollywood, Fla., rabbi helping to organize the boycott, said …', '…, her senior policy
    adviser, Jake Sullivan, said …' parsed with the name hung elsewhere (the cue left without a subject): a finite
    cue with no subject, a comma right before it, and before the comma a person's name set off by commas, with its
    description after it or right before it. The name (with a title before it, "Col."); None otherwise."""
    if item.cue is None or not len(item.cue) or item.kind == "continuation":
        return None
    cue = item.cue.root
    finite = cue.tag_ in {"VBD", "VBZ", "VBP"} or cue.tag_ == "VBN" and any(c.dep_ == "aux" for c in cue.children)
    if not finite or any(c.dep_ in SUBJECTS | {"expl", "csubj"} for c in cue.children):
        return None
    doc, start = cue.doc, cue.sent.start
    i = cue.i - 1
    while i > start and doc[i].pos_ == "ADV":
        i -= 1
    if i <= start or doc[i].text != ",":
        return None
    people = [e for e in cue.sent.ents if e.label_ == "PERSON" and e.end <= i]
    if not people:
        return None
    name = None
    if people[-1].end == i and doc[people[-1].start - 1].text == ",":
        name = people[-1]  # "her senior policy adviser, Jake Sullivan, said"
    else:
        for ent in people:
            opening = doc[ent.start - 1] if ent.start > start else None
            while opening is not None and opening.pos_ == "PROPN" and opening.head.i in range(ent.start, ent.end):
                opening = doc[opening.i - 1] if opening.i > start else None  # "Col. Steven H. Warren"
            described = ent.end + 1 < i and doc[ent.end].text == "," and doc[ent.end + 1].pos_ in {
                "DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON"}
            between = doc[ent.end:i]
            if described and (opening is None or opening.text == "," or opening.pos_ in {"CCONJ", "ADV"}) \
                    and len(between) <= 30 and not any(t.is_quote for t in between):
                name = ent
                break
    if name is None:
        return None
    first = name.start
    while first > start and doc[first - 1].pos_ == "PROPN" and doc[first - 1].head.i in range(name.start, name.end):
        first -= 1
    return doc[first:name.end]



def asked_participle(item: Found) -> bool:
    """'Asked why he trailed, Vell said …', 'When asked which quality mattered, …': a bare passive "asked" hung on
    the answerer's clause. Who asked is not said; the answerer is the speaker, and the question has no source
    mention (PolNeAR marks none). Not "Vell was asked …" (its subject is named) nor "asked by the host"."""
    if item.cue is None or not len(item.cue):
        return False
    cue = item.cue.root
    return (cue.lemma_.lower() == "ask" and cue.tag_ == "VBN" and cue.dep_ in {"advcl", "ROOT"}
            and not any(c.dep_ in SUBJECTS | {"auxpass", "aux", "agent", "nsubjpass"} for c in cue.children))
