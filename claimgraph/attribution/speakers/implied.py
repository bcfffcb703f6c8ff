"""Sources a reader reads where the rules found none, or where the rules' source is the wrong clause's.

The passive subject of "was quoted as saying" and "could be heard saying"; the subject of the verb whose object a
nominal cue is ("The letter demands …"); the subject an active participle leans on ("Explaining the delay, the
council said", never the one a passive "Asked if …," was put to); the subject of the sentence before a subjectless
fragment ("Explaining why he …"); the nearer subject of a verb joined on in a row ("…, and Tamsin's uncle welcomes
us, coos at our story, and says …"). Each returns a span of the parse, or None.
"""

from __future__ import annotations

from spacy.tokens import Span

from claimgraph.attribution.found import Found, mention_span, subtree_span, trim
from claimgraph.attribution.speakers.mentions import SUBJECTS

# Verbs whose passive subject is the speaker of the "saying" hung on them ("Vell was quoted as saying …").
PASSIVE_HEARD = {"quote", "hear", "record", "film", "overhear", "report"}
NO_SUBJECT = {"there", "it", "this", "that", "which", "who", "what"}


def _implied_source(item: Found) -> Span | None:
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


def _is_fragment(item: Found) -> bool:
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


def _subject_of_sentence_before(sent: Span) -> Span | None:
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


def _conjunct_subject(item: Found) -> Span | None:
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
