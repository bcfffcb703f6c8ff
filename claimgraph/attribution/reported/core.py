"""Reported speech: indirect and mixed quotes, "according to X", and cues whose words are missing.

Each cue verb of the lexicon (claimgraph/data/cues.tsv) not already taken by a direct quote is read through its
dependents: a clausal complement ("said that …") or, for cues that take one, an object ("denied the report") is
the content; the subject, or the subject of the verb it hangs from ("…, adding that …"), is the source.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.attrs import IDX
from spacy.tokens import Doc, Span, Token

from claimgraph.attribution.cues import classify, cue_for, is_result_not_statement
from claimgraph.attribution.found import (Found, agent_of, cue_subject, doc_text, mention_span,
                                         relative_antecedent, sentence_of, subtree_span, trim)
from claimgraph.attribution.quotes import CLOSE, OPEN, WORD, Quote, channel
from claimgraph.attribution.unsaid import unsaid

HEDGES = {"reportedly", "allegedly", "apparently", "purportedly", "supposedly"}
NEGATIONS = {"not", "n't", "n\u2019t", "never", "no"}  # "n\u2019t": the typographic apostrophe of web copy
# Verbs that take an instruction, not a statement, in "told X to …": not attributions.
DIRECTIVE = {"tell", "ask", "order", "urge", "warn", "remind", "caution", "inform", "rule"}
MIN_CONTENT_WORDS = 3
DASHES = {"—", "–", "--", "-"}


def is_idiom(cue: Token, subject: Token | None) -> bool:
    """Cue words that report nobody: "That said, …" (a concession), "Let’s hope …" (an exhortation)."""
    if subject is None:
        return False
    if subject.lower_ == "that" and cue.lower_ == "said" and cue.i + 1 < len(cue.doc) and cue.nbor().text == ",":
        return True
    return subject.lower_ in {"'s", "’s"} and subject.head.lemma_.lower() == "let"


def _has_quote(doc: Doc, start: int, end: int) -> bool:
    return any(ch in OPEN or ch in CLOSE for ch in doc_text(doc)[start:end])


def _misparsed_before(doc: Doc, cue: Token) -> tuple[tuple[int, int], Token] | None:
    """'Those who take on heavy debt struggle, even with a good job, he said.', '… signals "the beginning of the
    end" for the union, said Geert Wilders, founder of …', '… is hanging on, but it is under pressure, said the
    company's chief executive': the reported clause's verb read as a noun (or the cue read as its conjunct) leaves
    the cue no complement; the words before the comma that opens the closing cue clause ("he said", "said X, …")
    are what was said. Returns the content and the cue clause's subject."""
    sent = cue.sent
    if cue.lemma_.lower() not in SPEECH_CUES or cue.dep_ not in {"ROOT", "conj"} or any(
            c.dep_ in {"ccomp", "xcomp", "dobj", "advcl", "oprd", "dative", "neg"} for c in cue.children):
        return None  # speech verbs only: "…, Vell complained" closes a description as often as a statement
    subjects = [c for c in cue.children if c.dep_ == "nsubj"]
    after = next((c for c in subjects if c.i > cue.i), None)  # "said Geert Wilders"
    before = next((c for c in subjects if c.right_edge.i == cue.i - 1), None)  # "he said"
    if cue.dep_ == "conj" and (after is None or cue.head.i > cue.i):
        return None  # "…, and he said …" is a clause of its own; only the inverted "…, said X" closes the sentence
    subject = after if after is not None else before
    if subject is None:
        return None
    first = cue.i if subject is after else subject.left_edge.i
    if first - 1 <= sent.start or doc[first - 1].text != ",":
        return None
    own = {cue.i} | {t.i for c in cue.children if c.i >= first for t in c.subtree}
    if any(t.i >= first and t.i not in own and not t.is_punct and not t.is_space for t in sent):
        return None  # words after the comma that are not the cue clause's
    last = [t for t in sent if not t.is_space][-1]
    if last.text not in {".", "!", "?"} or any(t.text in {":", ";"} or t.text in OPEN for t in sent if t.i > cue.i):
        return None  # "In a speech last July, he said: …": the cue opens what follows
    words = [t for t in sent if t.i < first - 1 and not t.is_space]
    if sum(t.is_alpha for t in words) < 6 or _has_quote(doc, words[0].idx, words[0].idx + 1):
        return None  # a short fragment ("Or maybe Jeb Bush, says …"); a quote opening the sentence is the quote path's
    if words[0].pos_ in {"ADP", "SCONJ"} and not any(
            t.tag_ in {"VBZ", "VBD", "VBP", "MD"} and t.dep_ not in {"relcl", "acl"} for t in words):
        return None  # "In a message posted in May, Vell said …": a fronted phrase, not what was said
    start, end = trim(doc, words[0].idx, words[-1].idx + len(words[-1]))
    return ((start, end), subject) if end > start else None


def _parenthetical(doc: Doc, cue: Token) -> list[tuple[int, int]]:
    """'The plan, Graham said, is dead.': the cue hangs in the clause it reports; the clause minus the cue is said."""
    cue_part = {t.i for t in cue.subtree}
    clause = [t for t in cue.head.subtree if t.i not in cue_part and not t.is_space]
    spans = []
    for part in ([t for t in clause if t.i < cue.left_edge.i], [t for t in clause if t.i > cue.right_edge.i]):
        if any(t.is_alpha for t in part):
            start, end = trim(doc, part[0].idx, part[-1].idx + len(part[-1]))
            if end > start:
                spans.append((start, end))
    return spans


WH_WORDS = {"how", "what", "whether", "which", "who", "when", "where", "why", "if"}


def _imperative(verb: Token) -> bool:
    """A bare verb heading its sentence with no subject: "click this box", "paste in their address"."""
    return verb.tag_ == "VB" and not any(c.dep_ in {"nsubj", "nsubjpass", "expl", "aux", "auxpass"}
                                         for c in verb.children)


PERSON_NOUNS = {"expert", "analyst", "economist", "forecaster", "pollster", "scientist", "researcher", "official",
                "people", "observer", "strategist"}


def _person_antecedent(relative: Token) -> bool:
    """'who'-like use of 'that': the noun it hangs on is a person or a named body."""
    noun = relative.head.head if relative.head.dep_ in {"relcl", "acl"} else None
    return noun is not None and (noun.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}
                                 or noun.lemma_.lower() in PERSON_NOUNS)


def not_a_statement(cue: Token) -> bool:
    """Cue words that state nothing: an instruction to the reader ("To urge your MP to vote …, click this box"),
    a way or chance to say something ("any objective way to say that …"), "predicts how well …" or "was predicted
    by …" (a measure that forecasts, not a forecast made), "this factor is called intelligence" (a name)."""
    if unsaid(cue):
        return True  # a deliberation, a skill, a hypothetical, a wished belief, a source cited (unsaid.py)
    lemma = cue.lemma_.lower()
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children)
    if infinitive and cue.sent[0].head == cue and any(
            _imperative(v) for v in [cue.head, *cue.children] if v != cue and v.dep_ in {"ROOT", "conj"}):
        return True  # "To urge your MP to vote …, click this box": what the reader can do, not a statement
    if infinitive and cue.dep_ in {"relcl", "acl"} and cue.head.pos_ == "NOUN" \
            and cue.head.dep_ == "attr" and any(c.dep_ == "expl" for c in cue.head.head.children):
        return True  # "Is there any way to say …", "There are better ways to express …": nobody says it
    if lemma == "predict":
        if any(c.dep_ == "nsubjpass" for c in cue.children) and not any(c.dep_ == "ccomp" for c in cue.children):
            return True  # "a factor that was predicted by the members' intelligence": a thing predicted
        # "a factor that predicts how well the group will do": a measure, not a forecaster ("it is hard to
        # predict how …", with nobody named, PolNeAR marks)
        subject, _ = cue_subject(cue)
        clauses = [c for c in cue.children if c.dep_ in {"ccomp", "dobj"}]
        if clauses and all(c.left_edge.lower_ in WH_WORDS for c in clauses) and subject is not None and (
                subject.lower_ in {"that", "which"} and not _person_antecedent(subject)
                or subject.pos_ == "NOUN" and not subject.ent_type_ and subject.lemma_.lower() not in PERSON_NOUNS):
            return True
    if lemma == "call":
        # "this factor is called intelligence": a name ("has been called a liar", "being called …" PolNeAR marks)
        deps = {(c.dep_, c.lower_) for c in cue.children}
        return bool(deps & {("auxpass", w) for w in ("is", "are", "was", "were")}) and any(
            d == "oprd" for d, _ in deps) and not any(d == "agent" for d, _ in deps)
    return False


def found_thing(cue: Token) -> bool:
    """'The tool was found on the beach', 'divers found the wreck lying on its side': finding a thing, not a
    finding. A finding is a finite clause ("the study found that the drug works", "… found there had been …") or
    a judgement ("finds the pitch compelling")."""
    if cue.lemma_.lower() not in {"find", "discover"}:
        return False
    # A clause set off by a dash is a sentence of its own ("The tool was found on the beach—carbon dating showed
    # it to be …"), not what was found.
    clauses = [c for c in cue.children if c.dep_ in {"ccomp", "advcl", "xcomp", "oprd"} and not (
        c.i > cue.i and c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].text in DASHES)]
    if any(c.tag_ in {"VBD", "VBZ", "VBP", "MD"} or any(g.dep_ in {"aux", "auxpass", "mark"} for g in c.children)
           for c in clauses):
        return False
    passive = any(c.dep_ == "nsubjpass" for c in cue.children)
    # A participle complement placed somewhere ("the wreck lying on its side", "the driver slumped over the
    # wheel") is a thing found; one without a place is often a judgement the parser tags as a participle ("finds
    # the pitch compelling", which PolNeAR annotates).
    return passive and not clauses or any(c.tag_ in {"VBN", "VBG"} and any(g.dep_ == "prep" for g in c.children)
                                          for c in clauses)


PHONED = {"police", "ambulance", "office", "hotline", "lifeline", "number", "helpline", "line", "friend",
          "mother", "father", "family", "doctor", "lawyer"}


def _not_speech(cue: Token) -> bool:
    """A cue word used for something else: "called the police" (a telephone call: one object, a person, an
    organisation or a line, and no second one as in "called the claim propaganda"), "a play called …" (a name),
    "called Vell onto the stage"; "Asked why …, Vell said"
    (the one asked answers: the question is no statement of hers)."""
    lemma = cue.lemma_.lower()
    if lemma == "ask":
        return False  # "Asked whether …, Vell said": the question is kept, with nobody named as asking it
    if lemma != "call":
        return False
    if cue.dep_ == "acl" or (cue.i > 0 and cue.doc[cue.i - 1].lower_ in {"so", "so-"}):
        return True  # "a play called …", "the so-called …": a name, not a statement
    preps = {c.lower_ for c in cue.children if c.dep_ in {"prep", "prt", "advmod"}}
    if preps & {"onto", "into", "up", "back", "off"} or ("to" in preps and not any(
            c.dep_ in {"oprd", "ccomp"} for c in cue.children)):
        return True  # "called Vell onto the stage", "called her back"
    if any(c.dep_ in {"oprd", "ccomp", "xcomp"} and c.tag_ != "VBG" for c in cue.children):
        return False  # "called the claim propaganda"; not a participle ("called the office asking questions")
    # "called the sheriff's office asking questions", parsed with the office as the participle's subject
    objects = [c for c in cue.children if c.dep_ == "dobj"] + [
        g for c in cue.children if c.dep_ == "ccomp" and c.tag_ == "VBG" for g in c.children if g.dep_ == "nsubj"]
    return bool(objects) and (objects[0].lemma_.lower() in PHONED or objects[0].pos_ == "PROPN"
                              or objects[0].ent_type_ in {"PERSON", "ORG", "GPE"})


SUBJECTS = {"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"}


def _subjectless_clause(cue: Token) -> bool:
    """'Meadows' retirement — revealed just 30 hours before the deadline — has roiled …': a participle set off as
    a modifier, parsed as the main verb with the sentence's predicate as its complement. A reported clause has a
    subject of its own ("said he would", "said it was"); a finite complement without one, where no relative or
    question word took its subject away ("the vote, which he said was rigged"), is no reported clause. Only
    between dashes: without them, any subjectless complement lost 28 matched pairs on PolNeAR train."""
    comps = [c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i]
    if not comps or cue.dep_ in {"relcl", "acl"}:
        return False
    comp = comps[0]
    finite = comp.tag_ in {"VBD", "VBZ", "VBP"} or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBD", "VBZ", "VBP", "MD"} for c in comp.children)
    if not finite or any(c.dep_ in SUBJECTS for c in comp.children):
        return False
    if any(t.tag_ in {"WDT", "WP", "WP$"} for t in cue.sent if t.i < comp.i):
        return False
    doc = cue.doc
    if not (cue.i > 0 and doc[cue.i - 1].text in DASHES and comp.left_edge.i > 0
            and doc[comp.left_edge.i - 1].text in DASHES):
        return False  # only the set-off phrase: "X — revealed …  — has roiled …"
    return not any(ch in OPEN or ch in CLOSE for ch in doc_text(cue.doc)[cue.idx:comp.idx])


# Verbs that say their infinitive did not happen: "failed to tell the employer that …", "omitted to mention …".
UNDONE = {"fail", "omit", "neglect", "forget"}
INDEFINITE = {"someone", "anyone", "anybody", "somebody", "whoever", "everyone", "everybody"}


def _undone(cue: Token) -> bool:
    """'a £50 fine if they fail to tell their bosses that …', 'someone who omitted to mention that …': a speech act
    not done, in a condition or said of anyone at all, is a rule's case, not a statement ("Vell failed to mention
    the attack", said of someone named, PolNeAR marks)."""
    verb = cue.head
    if cue.dep_ != "xcomp" or verb.lemma_.lower() not in UNDONE:
        return False
    if any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "when", "whenever"} for c in verb.children):
        return True
    return verb.dep_ == "relcl" and verb.head.lower_ in INDEFINITE


def _parenthetical_cue(token: Token) -> bool:
    """'…, reported Northgate News.', '…, Vell said.' parsed as a complement: a cue after a comma, with nothing
    of its own after it but its subject."""
    return (token.dep_ == "ccomp" and token.i > token.head.i and token.i > 0 and token.doc[token.i - 1].text == ","
            and cue_for(token) is not None and not any(c.dep_ in {"ccomp", "mark"} for c in token.children)
            and not any(c.dep_ in {"nsubj", "nsubjpass"} and c.i < token.i for c in token.children))


# "declined to comment": cues whose content is the speech act withheld (a short infinitive PolNeAR annotates).
# "refused to …" was right 10 of 15 times on PolNeAR train, "declined to …" 43 of 48.
DECLINING = {"decline"}
WITHHELD = {"comment", "discuss", "elaborate", "answer", "respond", "speak", "specify", "address", "talk",
            "confirm", "identify", "name", "disclose", "provide", "detail", "explain", "reply"}


def _first_own(own: set[int], obj: Token) -> int:
    """Where the cue's own conjunct starts after its object ("announced a resignation … and then persuaded …"):
    the object content stops there, and the sentence's final period, which hangs on the cue, does not carry it
    past the conjunct."""
    cue = obj.head
    # A verb in the cue's own tense ("announced … and then persuaded"), or a cue ("called X Y and said …"); not a
    # verb the parser took out of the object ("touted her proposals to invest …, expand … and enable …") or a noun
    # ("questioned Trump's values and his readiness").
    acts = [c for c in cue.children if c.dep_ == "conj" and c.i > obj.i and c.pos_ == "VERB" and (
        c.tag_ == cue.tag_ or cue_for(c) is not None)]
    if not acts:
        return 10 ** 9
    cc = [c.i for c in cue.children if c.dep_ == "cc" and obj.i < c.i < acts[0].i]
    return min([acts[0].left_edge.i, *cc])


RELATIVES = {"what", "which", "whom", "who"}


def _described_as(doc: Doc, cue: Token) -> tuple[int, int] | None:
    """'the marchers, whom he described as “peaceful,”', 'what Marr described as a “piece of history”': the
    relative object stands before the verb, its description after it; PolNeAR marks the whole relative clause,
    from the relative word to the end of the "as" phrase."""
    if cue.lemma_.lower() != "describe":
        return None
    relative = next((c for c in cue.children if c.dep_ == "dobj" and c.i < cue.i and c.lower_ in RELATIVES), None)
    phrase = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > cue.i
                   and any(g.dep_ in {"pobj", "pcomp", "amod", "acomp"} for g in c.children)), None)
    if relative is None or phrase is None:
        return None
    last = [t for t in phrase.subtree if not t.is_space][-1]
    return _extend_over_quote(doc, *trim(doc, relative.idx, last.idx + len(last)), keep_period_in_quote=True)


def _content_of(doc: Doc, cue: Token, lexeme) -> tuple[int, int] | None:
    # A reporting verb after a comma is a parenthetical of its own ("declared an emergency, reported Northgate
    # News"), not the content of this cue.
    complements = [c for c in cue.children if c.dep_ == "ccomp" and not _parenthetical_cue(c)]
    if _parenthetical_cue(cue):
        return None  # what it reports is the clause it hangs from (`_parenthetical`)
    if not complements and lexeme.takes in {"clause", "both"}:
        # "reports that according to …, the command received …": the parser sometimes hangs a that-clause as advcl,
        # or on the addressee ("reminded residents that …").
        # A question: "asked the mayor if she …", "asked whether …".
        marks = {"that", "if", "whether"} if lexeme.lemma == "ask" else {"that"}
        complements = [c for c in cue.children if c.dep_ == "advcl" and c.i > cue.i and any(
            g.dep_ == "mark" and g.lower_ in marks for g in c.children)]
        complements += [c for o in cue.children if o.dep_ in {"dobj", "dative"} and o.i > cue.i
                        for c in o.children if c.dep_ in {"acl", "relcl", "ccomp"} and any(
                            g.dep_ == "mark" and g.lower_ == "that" and g.i == o.i + 1 for g in c.children)]
        if not complements:
            complements = _that_clause_on_phrase(cue)
        if not complements:
            complements = _that_clause_below(cue)
    if complements:
        # "In a statement released after …, Cruz said he is certain …": a fronted phrase the parser hangs on the
        # cue as a second complement is no content when a complement follows the cue.
        comp = next((c for c in complements if c.i > cue.i), complements[0])
        skip = {g.i for g in comp.children if g.dep_ == "mark" and g.lower_ in {"that", "whether", "if"}}
        # "has hinted before that …" parsed with both words as the clause's marks: neither is said.
        skip |= {g.i for g in comp.children if g.dep_ == "mark" and skip and g.i < min(skip) and g.i > cue.i}
        start, end = _clause_bounds(cue, comp, *subtree_span(comp, exclude=skip))
        return _extend_over_quote(doc, *trim(doc, start, end))
    if (answer := _answer(cue)) is not None:
        return trim(doc, *subtree_span(answer))
    if lexeme.lemma in DECLINING:
        # "declined to comment": the refusal to speak is the statement, its infinitive the content.
        return next((trim(doc, *subtree_span(c)) for c in cue.children if c.dep_ == "xcomp"
                     and c.lemma_.lower() in WITHHELD), None)
    if (demand := _demanded(doc, cue, lexeme)) is not None:
        return demand
    if (warning := _warned_of(doc, cue, lexeme)) is not None:
        return warning
    if lexeme.lemma == "call":
        # "called for an inquiry": the demand is the content.
        for prep in cue.children:
            if prep.dep_ == "prep" and prep.lower_ == "for":
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return trim(doc, *subtree_span(pobj))
    # The cue's own conjuncts ("called X Y and asserted that …") and trailing participles ("…, referring to …")
    # are not what the object content holds.
    own = {t.i for c in cue.children if c.dep_ in {"conj", "cc"} or (
        c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > 0 and cue.doc[c.i - 1].text == ",") for t in c.subtree}
    if lexeme.lemma in {"call", "describe", "label", "brand"}:
        objects = [c for c in cue.children if c.dep_ in {"dobj", "oprd"} and c.i > cue.i]
        if not objects and (described := _described_as(doc, cue)) is not None:
            return described
        if objects:
            start = objects[0].left_edge.idx
            stop = _first_own(own, objects[0])
            end = max((t.idx + len(t) for t in cue.subtree if cue.i < t.i < stop and not t.is_space and t.i not in own),
                      default=objects[0].right_edge.idx + len(objects[0].right_edge))
            start, end = trim(doc, start, end)
            return _extend_over_quote(doc, start, end, keep_period_in_quote=True)
        return None
    xcomps = [c for c in cue.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}]
    if xcomps and lexeme.lemma not in DIRECTIVE and lexeme.lemma != "continue":
        return trim(doc, *subtree_span(xcomps[0]))
    if lexeme.takes in {"object", "both"} or _evidence_shows(cue):
        # An object before its verb is a parse gone wrong, not reported content.
        # A pronoun object is content only with what it is blamed or praised for: "accuses it of stealing jobs",
        # "criticized him for not doing more".
        grounds = any(c.dep_ == "prep" and c.lower_ in {"for", "of", "as", "over"} and c.i > cue.i
                      for c in cue.children)
        objects = [c for c in cue.children if c.dep_ == "dobj" and (c.pos_ != "PRON" or grounds) and c.i > cue.i]
        if objects:
            # The object and what follows it in the cue's clause: the parser often hangs the object's modifiers
            # ("openness to cooperating … to fight ISIS") on the verb instead; not the cue's own conjuncts
            # ("praised Vell and said …").
            stop = _first_own(own, objects[0])
            end = max((t.idx + len(t) for t in cue.subtree if cue.i < t.i < stop and not t.is_space and t.i not in own),
                      default=objects[0].right_edge.idx + len(objects[0].right_edge))
            return _extend_over_quote(doc, *trim(doc, objects[0].left_edge.idx, end))
    return None


def _clause_bounds(cue: Token, comp: Token, start: int, end: int) -> tuple[int, int]:
    """The reported clause's characters, two misparses mended. "factors that earlier research suggested might
    predict …": the relative pronoun, taken as the clause's subject, stands before the source and the cue, so the
    content starts after the cue. 'argues that groups of people “hyperconnected” with machines are smarter': the
    quoted word read as the clause's verb leaves the real predicate a second complement of the cue, subjectless
    and finite, right after it; the content runs over it."""
    doc = cue.doc
    if comp.left_edge.i < cue.i and comp.left_edge.tag_ == "WDT" and cue.i + 1 < comp.right_edge.i:
        start = doc[cue.i + 1].idx
    later = [c for c in cue.children if c.dep_ == "ccomp" and c.i > comp.right_edge.i
             and c.left_edge.i <= comp.right_edge.i + 2 and c.tag_ in {"VBD", "VBZ", "VBP"}
             and not any(g.dep_ in SUBJECTS for g in c.children)]
    if later and any(g.dep_ in SUBJECTS for g in comp.children):
        last = [t for t in later[0].subtree if not t.is_space][-1]
        end = max(end, last.idx + len(last))
    return start, end


EVALUATIVE = {"praise", "criticize", "criticise", "blast", "slam", "denounce", "decry", "condemn", "mock", "call",
              "reject", "deny", "dismiss", "question", "tout", "blame", "accuse", "applaud", "commend", "congratulate",
              "laud", "deride", "chide", "scold", "rebuke", "ridicule", "fault", "lambast", "excoriate", "castigate",
              "berate", "disparage", "assail"}


def _judged(cue: Token, lexeme, content: tuple[int, int]) -> bool:
    """'praised her effort', 'blasted the deal', 'called Trump “unhinged”': an evaluative verb's two-word object is
    the verdict it passes (a noun phrase with a noun or a quoted word; not a pronoun alone)."""
    if lexeme.lemma not in EVALUATIVE:
        return False
    if lexeme.lemma == "call" and not any(c.dep_ == "oprd" for c in cue.children):
        return False  # "called snap elections", "too close to call": only "called X Y" names a verdict
    words = WORD.findall(doc_text(cue.doc)[content[0]:content[1]])
    return len(words) == 2


ANSWERS = {"yes", "no", "so", "same", "otherwise"}


def _answer(cue: Token) -> Token | None:
    """'72 percent said yes', 'half said so', 'three-quarters said the same of Vell': a short answer right after
    "say" is what was said, however few its words (polls and votes in PolNeAR)."""
    if cue.lemma_.lower() != "say" or any(c.dep_ == "ccomp" for c in cue.children):
        return None
    doc = cue.doc
    for i in (cue.i + 1, cue.i + 2):
        if i >= len(doc):
            return None
        word = doc[i]
        if word.head.i == cue.i and word.lower_ in ANSWERS and (
                word.lower_ != "same" and i == cue.i + 1 and word.dep_ in {"intj", "advmod", "dobj"}
                or word.lower_ == "same" and word.dep_ == "dobj" and doc[cue.i + 1].lower_ == "the"):
            if i + 1 < len(doc) and (word.lower_ == "so" and doc[i + 1].lower_ in {"that", "far", "much", "many"}
                                     or word.lower_ == "no" and doc[i + 1].lower_ == "to"):
                return None  # "said so far", "so that", "said no to the war" (what is refused): not an answer
            return word
    return None


# What a poll, a study or a record shows ("a new poll shows Vell with an 8-point lead") is a finding even as a
# noun phrase; a person "showing respect" or "signs of irritation" is doing, not saying.
EVIDENCE = {"poll", "survey", "study", "data", "record", "result", "figure", "statistic", "analysis",
            "report", "research", "document", "video", "footage", "search", "tally", "count", "census", "filing",
            "sample", "estimate", "projection", "map", "chart", "graph", "photo", "image", "evidence", "test"}


def _evidence_shows(cue: Token) -> bool:
    if cue.lemma_.lower() not in {"show", "find"}:
        return False
    subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lemma_.lower() in EVIDENCE


# When or where something was said: "said for the first time that …", "argued for the second consecutive debate
# that …", "told reporters at a rally that …".
OCCASIONS = {"time", "debate", "interview", "rally", "event", "hearing", "conference", "briefing", "appearance",
             "meeting", "speech", "remarks", "session", "forum", "town", "dinner", "luncheon", "breakfast",
             "convention", "stop", "visit", "broadcast", "show", "program", "podcast", "radio", "television"}


def _that_clause_on_phrase(cue: Token) -> list[Token]:
    """'said for the first time that some emails have been located', 'told reporters on Tuesday that …': the
    parser hangs the that-clause on the phrase between the cue and it as a relative clause; "that" is no relative
    pronoun there when the clause has a subject of its own."""
    out = []
    for prep in cue.children:
        if prep.dep_ not in {"prep", "npadvmod"} or prep.i < cue.i:
            continue
        nouns = [prep] if prep.dep_ == "npadvmod" else [c for c in prep.children if c.dep_ == "pobj"]
        for noun in nouns:
            if noun.ent_type_ not in {"DATE", "TIME"} and noun.lemma_.lower() not in OCCASIONS:
                continue  # "responded to accusations that …", "says in a statement that …": another statement's
            for c in noun.children:
                first = c.left_edge
                if c.dep_ in {"relcl", "acl"} and first.lower_ == "that" and first.dep_ in {"mark", "advmod"} and any(
                        g.dep_ in {"nsubj", "nsubjpass"} and g.i != first.i for g in c.children):
                    out.append(c)
    return out


def _that_clause_below(cue: Token) -> list[Token]:
    """'has hinted before that her health suffered', 'said in a statement after the recording became public that the
    comments do not reflect …': the parser hangs the cue's that-clause on "before", or on the verb of a clause of
    time between them, which takes no that-clause of its own (no cue, no "it" subject: "after it became clear that"
    is that verb's). The clause has a subject of its own and follows the cue."""
    for child in cue.children:
        if child.i < cue.i:
            continue
        if child.dep_ == "prep" and child.lower_ in {"before", "previously"}:
            heads = [child]
        elif child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in {"after", "when", "before", "since", "once"}
                                           for g in child.children):
            subject = next((g for g in child.children if g.dep_ in {"nsubj", "nsubjpass", "expl"}), None)
            if cue_for(child) is not None or subject is None or subject.lower_ in {"it", "this", "that", "there"}:
                continue
            heads = [child]
        else:
            continue
        for head in heads:
            for c in head.children:
                first = c.left_edge
                if c.dep_ in {"pcomp", "advcl", "ccomp"} and c.i > head.i and first.lower_ == "that" and \
                        first.dep_ == "mark" and any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children):
                    return [c]
    return []


def _demanded(doc: Doc, cue: Token, lexeme) -> tuple[int, int] | None:
    """A request and whom it asks: "asked the council to reopen the pier", "urged Marr not to back down", "called on
    the board to resign" (the object and its infinitive), "is calling for the state to take a stronger role" (the
    clause after "for"). "told Marr to go home" is left out: right 7 times in 18 on PolNeAR train."""
    if lexeme.lemma not in DIRECTIVE and lexeme.lemma != "call" or lexeme.lemma == "tell" or any(
            c.dep_ == "prt" for c in cue.children):
        return None  # "urges me on to do whatever I can": spurring on, not a request
    after = [c for c in cue.children if c.i > cue.i]
    if lexeme.lemma == "call":
        for c in after:
            if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "for" and g.i == c.left_edge.i
                                         for g in c.children):
                return trim(doc, c.left_edge.idx + len(c.left_edge), c.right_edge.idx + len(c.right_edge))
        objects = [p for c in after if c.dep_ == "prep" and c.lower_ in {"on", "for"} for p in c.children
                   if p.dep_ == "pobj"]
    else:
        objects = [c for c in after if c.dep_ in {"dobj", "dative"}]
    infinitive = next((c for c in after if c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to"
                                                                       for g in c.children)), None)
    if infinitive is None or not objects or objects[0].i > infinitive.i:
        return None
    return trim(doc, objects[0].left_edge.idx, infinitive.right_edge.idx + len(infinitive.right_edge))


WARNING = {"warn", "caution"}


def _warned_of(doc: Doc, cue: Token, lexeme) -> tuple[int, int] | None:
    """'Researchers are warning of a new kind of ransomware', 'used the speech to warn against a one-size-fits-all
    approach': the danger warned of is what was said (a that-clause, where there is one, was taken before)."""
    if lexeme.lemma not in WARNING:
        return None
    prep = next((c for c in cue.children if c.dep_ == "prep" and c.i > cue.i and c.lower_ in {"of", "against", "about"}
                 and any(g.dep_ in {"pobj", "pcomp"} for g in c.children)), None)
    if prep is None:
        return None
    # An object after it is the danger's own last words, which the parser hung on the cue ("… forums and SMS
    # messages").
    words = [t for t in prep.subtree if t.i > prep.i and not t.is_space] + [
        t for c in cue.children if c.dep_ == "dobj" and c.i > prep.i for t in c.subtree if not t.is_space]
    return trim(doc, words[0].idx, max(t.idx + len(t) for t in words))


def _within_paragraph(doc: Doc, cue: Token, content: tuple[int, int] | None) -> tuple[int, int] | None:
    """A reported content stays in the cue's paragraph: a headline's "Says …" does not run on into the next line."""
    if content is None:
        return None
    start, end = content
    text = doc_text(doc)
    if "\n" not in text[start:end]:
        return content
    if cue.idx < start:
        cut = trim(doc, start, text.index("\n", start))
    else:
        cut = trim(doc, text.rindex("\n", start, end) + 1, end)
    return cut if cut[1] > cut[0] else content


TRAILING = {"who", "which", "where", "whose", "whom"}


def _before_trailing_clause(doc: Doc, cue: Token, content: tuple[int, int] | None) -> tuple[int, int] | None:
    """Content stops before a trailing non-restrictive clause about one of its nouns: in "said the trip was
    worthwhile, where he trails in most polls" the relative clause is the writer's aside, not what was said."""
    if content is None:
        return None
    start, end = content
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 4:
        return content
    for token in span:
        if token.i <= cue.i or token.i == 0 or doc[token.i - 1].text != "," or token.i - 1 <= span.start:
            continue
        if token.dep_ == "relcl" or token.dep_ == "appos":
            clause = token
        elif token.lower_ in TRAILING and token.head.dep_ == "relcl" and token.head.left_edge.i == token.i:
            clause = token.head
        else:
            continue
        if clause.left_edge.i != token.i or clause.right_edge.i < span.end - 2:
            continue
        if _has_quote(doc, token.idx, end):
            continue
        cut = trim(doc, start, doc[token.i - 1].idx)
        if len(WORD.findall(doc_text(doc)[cut[0]:cut[1]])) >= MIN_CONTENT_WORDS:
            return cut
    return content


def _to_closing_mark(doc: Doc, content: tuple[int, int] | None, marks: list[Quote]) -> tuple[int, int] | None:
    """A content that stops inside a quotation (the parse ended the clause at a comma within it) runs on to the
    closing mark: what is quoted is said as a whole."""
    if content is None:
        return None
    start, end = content
    for q in marks:
        if start <= q.start < end < q.end and q.closed and "\n" not in doc_text(doc)[end:q.end]:
            return start, q.end
    return content


SINGLE_CLOSE = re.compile(r"[.!?,]['’](?=\s|$)")


def _to_single_closing(doc: Doc, content: tuple[int, int] | None) -> tuple[int, int] | None:
    """A content that opens with a single quote mark after the cue's colon or comma (British copy: "said: 'The
    Lords picked up where we left off. The Government still has …'") runs on to the mark that closes it in the
    same paragraph: a sentence end or comma right before a single mark, then a space (an apostrophe stands inside
    a word or after a plural's s, never after a period). The parse ends such a content at its first sentence."""
    if content is None:
        return None
    start, end = content
    text = doc_text(doc)
    if start < 2 or text[start - 1] not in "'‘" or not text[:start - 1].rstrip(" ").endswith((":", ",")):
        return content
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    close = SINGLE_CLOSE.search(text, max(start, end - 1), line_end)
    if close is None or close.start() + 1 <= end:
        return content
    return trim(doc, start, close.start() + 1, keep_final_period=True)


CONTRAST = {"while", "whereas"}


def _before_contrast(doc: Doc, cue: Token, content: tuple[int, int] | None) -> tuple[int, int] | None:
    """Content stops before a contrast clause in which someone else says something ("some wrote that students
    shouldn't be monitored — while others said footage helped …", "Vell said the plan would save money, while Brand
    argued …"): the parser hangs it on the content's verb, but it is the writer's, joining two statements."""
    tokens = _content_tokens(doc, content)
    if tokens is None:
        return content
    for token in tokens:
        clause = token.head
        if token.i <= cue.i or token.lower_ not in CONTRAST or token.dep_ != "mark" or clause.dep_ != "advcl":
            continue
        if cue_for(clause) is None or not any(c.dep_ == "nsubj" and c.i > token.i for c in clause.children):
            continue
        end = token.idx
        text = doc_text(doc)
        while end > content[0] and (text[end - 1].isspace() or text[end - 1] in DASHES):
            end -= 1  # '… being watched — while others said …'
        cut = trim(doc, content[0], end)
        if cut[1] > cut[0]:
            return cut
    return content


def _before_participle(doc: Doc, cue: Token, content: tuple[int, int] | None) -> tuple[int, int] | None:
    """Content stops where a trailing participial cue clause starts: in "criticized the plan, saying it would
    cost too much" the plan is what was criticized, and ", saying …" is its own attribution by the same source."""
    if content is None:
        return None
    start, end = content
    for token in doc.char_span(start, end, alignment_mode="expand") or ():
        if (token.i > cue.i and token.tag_ == "VBG" and token.dep_ in {"advcl", "conj", "xcomp"}
                and token.i > 0 and doc[token.i - 1].text in {",", "—", "–"} and cue_for(token) is not None):
            cut = trim(doc, start, doc[token.i - 1].idx)
            return cut if cut[1] > cut[0] else content
    return content


def _content_tokens(doc: Doc, content: tuple[int, int] | None) -> Span | None:
    """The tokens a content's characters cover (None for no content or one that covers no token)."""
    if content is None:
        return None
    span = doc.char_span(*content, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _before_own_conjunct(doc: Doc, cue: Token, content: tuple[int, int] | None) -> tuple[int, int] | None:
    """Content stops before a verb the cue's subject did next: in "Vell said the plan would cost money and called
    it a mistake" (or "… said she admires him and praised his plan") the second verb is Vell's own act, not part
    of what she said. The parser often hangs it on the content's verb; it shows by having no subject of its own
    and being a cue itself, or by taking the cue's past tense where the content's verb is in another tense."""
    span = _content_tokens(doc, content)
    if span is None:
        return content
    root = span.root
    present = root.tag_ in {"VBZ", "VBP"} or any(c.tag_ == "MD" for c in root.children)
    for token in root.children:
        if token.dep_ != "conj" or token.pos_ != "VERB" or not span.start <= token.i < span.end:
            continue
        if any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in token.children):
            continue
        if not (cue_for(token) is not None or (token.tag_ == "VBD" and cue.tag_ == "VBD" and present)):
            continue
        if token.tag_ == "VB" and root.tag_ == "VB" and any(c.tag_ == "MD" for c in root.children) \
                and not any(c.dep_ in {"aux", "neg"} for c in token.children):
            continue  # "will align with … and add Tarn to the list": the modal's second verb, still said
        cc = next((c for c in root.children if c.dep_ == "cc" and c.i < token.i and c.i > root.i), None)
        cut_at = cc.i if cc is not None else token.i
        cut = trim(doc, content[0], doc[cut_at].idx)
        return cut if cut[1] > cut[0] else content
    return content


def _over_second_that(doc: Doc, cue: Token, content: tuple[int, int] | None) -> tuple[int, int] | None:
    """A second that-clause joined to the cue ("said the border must be secured, but that he would not support
    mass deportation", "… and that he'll try …") is said too: the parser hangs it on the cue as a conjunct."""
    span = _content_tokens(doc, content)
    if span is None:
        return content
    last = span.end
    for c in cue.children:
        if c.dep_ != "conj" or c.i < last or c.sent != cue.sent:
            continue
        cc = [g for g in cue.children if g.dep_ == "cc" and last <= g.i < c.i]
        if not cc or cc[-1].lower_ not in {"but", "and"}:
            continue
        if not any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            continue
        toks = [t for t in c.subtree if not t.is_space]
        return content[0], trim(doc, content[0], toks[-1].idx + len(toks[-1]))[1]
    return content


def _extend_over_quote(doc: Doc, start: int, end: int, keep_period_in_quote: bool = False) -> tuple[int, int]:
    """A content ending inside a quote ('…even "rubbish."') takes the closing mark (and its period) with it."""
    text = doc_text(doc)
    inside = text[start:end]
    opens = sum(inside.count(c) for c in "“«") + inside.count('"')
    closes = sum(inside.count(c) for c in "”»")
    unbalanced = (inside.count('"') % 2 == 1) or opens - inside.count('"') > closes
    if unbalanced or keep_period_in_quote:
        j = end
        while j < len(text) and text[j] in ".,!?" and j - end < 2:
            j += 1
        if j < len(text) and text[j] in CLOSE:
            return start, j + 1
    return start, end


# Cues that are flagged `content_missing` when they stand without their words ("the ministry said.").
SPEECH_CUES = {"say", "tell", "note", "add", "assert", "claim", "state", "explain", "insist", "argue", "stress",
               "remark", "write", "declare", "warn", "reply", "comment"}


def _missing_content(doc: Doc, cue: Token) -> bool:
    """'the ministry said.' alone: a cue with a subject and nothing said, its sentence holding no quote."""
    sent = cue.sent
    if cue.lemma_.lower() not in SPEECH_CUES or any(c.dep_ == "neg" for c in cue.children):
        return False
    if cue.dep_ != "ROOT" or not any(c.dep_ == "nsubj" for c in cue.children):
        return False
    if any(c.dep_ in {"ccomp", "dobj", "xcomp", "advcl", "oprd", "dative"} for c in cue.children):
        return False
    if _has_quote(doc, sent.start_char, sent.end_char):
        return False
    # Only the subject, adverbials and punctuation may stand in the sentence besides the cue.
    return len([t for t in sent if t.is_alpha]) <= 8


def _inner_speaker(doc: Doc, pobj: Token, verb: Token) -> Token | None:
    """'According to a blog post for InfoAmazonia, Brazil's space institute predicts that …': the parser hangs the
    inner speaker on the source as an apposition and leaves the verb after it without a subject; the apposition is
    that verb's subject, not part of the source (realweb round 3)."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.i < pobj.i or any(
            c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in verb.children):
        return None
    return next((t for t in pobj.subtree if t.dep_ == "appos" and t.right_edge.i + 1 == verb.i
                 and doc[t.left_edge.i - 1].text == ","), None)


def according_to(doc: Doc, token: Token) -> Found | None:
    """'according to X, …' and '…, according to X.': X is the source, the rest of the clause the content."""
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    head = token.head
    steps = 0
    # Climb to the clause the phrase modifies, but not past the clause a cue governs ("reports that …").
    while head.dep_ not in {"ROOT", "ccomp"} and head.head is not head and steps < 4 and not cue_for(head.head):
        head, steps = head.head, steps + 1
    phrase = {token.i, to.i} | {t.i for t in pobj.subtree}
    inner = _inner_speaker(doc, pobj, token.head)
    if inner is not None:
        phrase -= {t.i for t in inner.subtree} | {inner.left_edge.i - 1}
    clause = [t for t in head.subtree if t.i not in phrase and not t.is_space]
    before = [t for t in clause if t.i < token.i]
    after = [t for t in clause if t.i > max(phrase)]
    spans = []
    for part in (before, after):
        if part and any(t.is_alpha and not t.is_stop for t in part):
            start, end = trim(doc, part[0].idx, part[-1].idx + len(part[-1]))
            if end > start:
                spans.append((start, end))
    if not spans:
        return None
    source_start, source_end = trim(doc, *subtree_span(pobj))
    if inner is not None:
        source_start, source_end = trim(doc, source_start, doc[inner.left_edge.i - 1].idx)
    return Found(kind="according_to", cue=doc[token.i:to.i + 1],
                 source=doc.char_span(source_start, source_end, alignment_mode="expand"), content=spans,
                 cue_class="report", sentence=sentence_of(doc, *spans, (token.idx, to.idx + 2)), confidence=0.85)


# "X seems to …", "X appears ready": an evidential with the writer's (or nobody's) judgement, no named source.
SEEM = {"seem", "appear"}
# "X is expected to …", "X is widely assumed to be …": a passive belief verb raising its subject; the belief is
# held by people the sentence does not name (or named with "by").
RAISING = {"expect", "assume", "believe", "think", "know", "consider", "rumor", "rumour", "say", "report",
           "estimate", "predict", "project", "understand", "thought", "allege", "reckon", "deem", "fear"}
SPEECH_RAISING = {"say", "report", "allege", "rumor", "rumour"}


def evidential(doc: Doc, token: Token) -> Found | None:
    """'The ferry seems to be late', 'the port is expected to reopen': the subject and the complement are the
    content (two spans), the verb the cue, no source unless a 'by' phrase names one ("is expected by analysts")."""
    lemma = token.lemma_.lower()
    if lemma not in SEEM and lemma not in RAISING:
        return None  # (before the children are read: most tokens are neither)
    passive = any(c.dep_ == "auxpass" for c in token.children)
    if not ((lemma in SEEM and token.pos_ in {"VERB", "AUX"}) or (lemma in RAISING and passive)):
        return None
    subjects = [c for c in token.children if c.dep_ in ({"nsubjpass"} if passive else {"nsubj"})]
    # Not "it seems", "I seem to …" (the writer's hedge) or a bare relative ("that seems to offer …"): a reader gets
    # nothing from them.
    if not subjects or subjects[0].lower_ in {"it", "there", "i", "we", "you"} or subjects[0].i > token.i or (
            lemma in SEEM and subjects[0].lower_ in {"what", "that", "which", "this"}):
        return None
    # "appears to have", "seemed unperturbed", "is expected to win": an infinitive or a predicate adjective.
    comps = [c for c in token.children if c.i > token.i and (
        (c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"} and any(g.dep_ == "aux" and g.lower_ == "to"
                                                                  for g in c.children))
        or (lemma in SEEM and c.dep_ in {"oprd", "acomp"} and c.pos_ == "ADJ"))]
    if not comps:
        return None
    subject = trim(doc, *subtree_span(subjects[0]))
    if lemma in SEEM and subjects[0].lower_ == "who" and token.dep_ == "relcl":
        # "a Scott Meadows, who appears to be the brother of …": the relative stands for its antecedent, whose
        # words (before the relative clause) are the content's subject.
        noun = relative_antecedent(token.head, subjects[0])
        words = [t for t in noun.subtree if t.i < token.left_edge.i and not t.is_space]
        while words and words[-1].is_punct:
            words.pop()
        if not words:
            return None
        subject = trim(doc, words[0].idx, words[-1].idx + len(words[-1]))
    content = trim(doc, *subtree_span(comps[0]))
    if content[1] <= content[0] or subject[1] <= subject[0]:
        return None
    agent = agent_of(token)
    source = doc.char_span(*trim(doc, *subtree_span(agent)), alignment_mode="expand") if agent is not None else None
    speech = lemma in SPEECH_RAISING
    return Found(kind="indirect", cue=doc[token.i:token.i + 1], source=source, content=[subject, content],
                 cue_class="report" if speech else "think", sentence=sentence_of(doc, subject, content),
                 flags=["hedged"] if speech else [], confidence=0.6)


REPORTEDLY = {"reportedly"}


def reportedly(doc: Doc, token: Token) -> Found | None:
    """'The ferry reportedly carried twice its load': a report whose source the sentence does not name (the
    decisions' hedged "reportedly"). The clause the adverb stands in is the content, the adverb the cue, no source.
    Not where the clause's verb is itself a cue ("reportedly said …": that cue is the attribution, flagged hedged)."""
    if token.lower_ not in REPORTEDLY or token.dep_ != "advmod":
        return None
    head = token.head
    if head.pos_ not in {"VERB", "AUX"} or cue_for(head) is not None:
        return None
    if any(cue_for(t) is not None and t.i != head.i and t.dep_ in {"xcomp", "ccomp"} for t in head.children):
        return None  # "reportedly wants to …", "reportedly told …": a cue below takes it
    subject = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < token.i), None)
    if subject is None:
        return None
    # The clause from its subject on ("When the vote was called, delegates reportedly …": the fronted clause is
    # the writer's setting) to the end of its predicate: not a trailing clause ("…, leaving progressives fearful",
    # "… as it nears the end of …") or a conjoined clause with a subject of its own ("looked at Twitter and
    # passed" is one report).
    drop = {t.i for c in head.children if c.i > head.i and (
        c.dep_ in {"advcl", "parataxis"} or c.dep_ == "conj" and any(g.dep_ in SUBJECTS for g in c.children))
        for t in c.subtree}
    drop |= {c.i for c in head.children if c.dep_ == "cc" and any(c.i < i for i in drop)}
    words = [t for t in head.subtree if t.i not in drop and t.i >= subject.left_edge.i and not t.is_space]
    while words and words[-1].is_punct:
        words.pop()
    if not words:
        return None
    content = trim(doc, words[0].idx, words[-1].idx + len(words[-1]))
    if content[1] <= content[0] or len(WORD.findall(doc_text(doc)[content[0]:content[1]])) < MIN_CONTENT_WORDS + 1:
        return None
    return Found(kind="indirect", cue=doc[token.i:token.i + 1], source=None, content=[content], cue_class="report",
                 sentence=sentence_of(doc, content), flags=["hedged"], confidence=0.6)


SHOWING = {"show", "shows", "showed", "found", "finds", "indicate", "indicates", "indicated"}


def evidence_aside(doc: Doc, token: Token) -> Found | None:
    """'The ferry was insured for $35 million in 2011, records show, and …', '…, fundraising documents show.',
    'During the same stretch, harbor records show, the ferry has sailed …': what records (documents, a poll) show,
    set off by commas, where the parser took "records show" for a compound noun or hung the verb on another word.
    The sentence around the aside is the content; a following clause with "and"/"but" is the writer's."""
    if token.lower_ not in SHOWING or token.i + 1 >= len(doc) or doc[token.i + 1].text not in {",", "."}:
        return None
    noun = doc[token.i - 1] if token.i > 0 else None
    if noun is None or noun.lemma_.lower() not in EVIDENCE or noun.tag_ not in {"NNS", "NN"} or (
            noun.head.i == token.i and noun.dep_ == "nsubj" and not (token.dep_ == "ccomp" and token.head.tag_ == "VBG")):
        return None  # parsed as subject and verb: the cue path reads it (not "…, fundraising documents show" hung
        # as the complement of "fundraising")
    sent = token.sent
    start = noun.i
    while start - 1 > sent.start and doc[start - 1].text != "," and token.i - start < 8:
        start -= 1
    if start - 1 < sent.start or doc[start - 1].text != ",":
        return None
    before = [t for t in sent if t.i < start - 1 and not t.is_space]
    after = [t for t in sent if t.i > token.i + 1 and not t.is_space]
    if after and after[0].lower_ in {"and", "but"}:
        after = []  # "…, records show, and aviation experts say …": a statement of the writer's own
    spans = []
    for part in (before, after):
        if part and sum(t.is_alpha for t in part) >= 2:
            span = trim(doc, part[0].idx, part[-1].idx + len(part[-1]))
            if span[1] > span[0]:
                spans.append(span)
    if not spans or sum(len(WORD.findall(doc_text(doc)[a:b])) for a, b in spans) < MIN_CONTENT_WORDS + 1:
        return None
    source = doc.char_span(doc[start].idx, noun.idx + len(noun), alignment_mode="expand")
    return Found(kind="indirect", cue=doc[token.i:token.i + 1], source=source, content=spans, cue_class="report",
                 sentence=sentence_of(doc, *spans), confidence=0.6)


# Verbs of regarding: "Democrats see Vell as an agent of decline", "the change was viewed as a demotion" state an
# opinion of the thing seen, its "as" phrase the opinion (PolNeAR marks both; "see" alone is perception).
REGARDING = {"see", "view", "regard", "perceive"}


def seen_as(doc: Doc, token: Token) -> Found | None:
    """'Voters see Vell as a uniter': the object and its "as" phrase are the content, the subject the source;
    passive 'the move was seen as a demotion': the passive subject and the "as" phrase (two spans), the source a
    'by' phrase or none."""
    if token.lemma_.lower() not in REGARDING or token.pos_ != "VERB":
        return None
    as_phrase = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > token.i
                      and any(g.dep_ in {"pobj", "pcomp"} for g in c.children)), None)
    if as_phrase is None or any(cue_for(a) is not None for a in token.ancestors):
        return None  # "told aides that he viewed Sanders as a threat": an opinion inside a statement
    passive = any(c.dep_ == "auxpass" for c in token.children)
    tail = trim(doc, *subtree_span(as_phrase))
    if passive:
        thing = next((c for c in token.children if c.dep_ == "nsubjpass" and c.i < token.i), None)
        if thing is None or thing.lower_ in {"it", "that", "which", "who", "this", "there"}:
            return None
        content = [trim(doc, *subtree_span(thing)), tail]
        agent = agent_of(token)
        source = doc.char_span(*trim(doc, *subtree_span(agent)), alignment_mode="expand") if agent is not None \
            else None
    else:
        thing = next((c for c in token.children if c.dep_ == "dobj" and token.i < c.i < as_phrase.i), None)
        subject, _ = cue_subject(token)
        if thing is None or subject is None:
            return None
        content = [trim(doc, thing.left_edge.idx, tail[1])]
        source = doc.char_span(*trim(doc, *mention_span(subject, token)), alignment_mode="expand")
    if any(e <= s for s, e in content):
        return None
    return Found(kind="mixed" if _has_quote(doc, content[0][0], content[-1][1]) else "indirect",
                 cue=doc[token.i:token.i + 1], source=source, content=content, cue_class="think",
                 sentence=sentence_of(doc, *content), confidence=0.6)


# Adjectives of a stance a person takes: "Vell is critical of the plan", "Marr was confident that …".
ATTITUDES = {"critical", "skeptical", "sceptical", "wary", "leery", "proud", "worried", "concerned", "hopeful",
             "optimistic", "pessimistic", "confident", "sure", "certain", "convinced", "adamant", "aware", "upbeat",
             "angry", "nervous", "anxious", "afraid", "fearful", "doubtful", "unsure", "uncertain", "supportive",
             "dismissive", "cynical", "enthusiastic", "insistent", "positive", "glad", "happy", "unhappy", "upset",
             "furious", "outraged", "frustrated", "disappointed", "pleased", "satisfied", "dissatisfied"}
# "Vell has been an outspoken critic of the plan", "is a longtime supporter of Marr": one who holds a stance (not
# "backer": an investor as often, "Bill Gates is a backer of Carbon Engineering" on realweb).
HOLDERS = {"critic", "supporter", "proponent", "opponent", "advocate", "defender", "champion", "skeptic",
           "sceptic", "detractor"}
ATTITUDE_PREPS = {"of", "about", "over", "with", "on", "toward", "towards"}
COPULAS = {"be", "remain", "seem", "appear", "become", "grow", "sound", "feel"}


def attitude(doc: Doc, token: Token) -> Found | None:
    """'Vell has been critical of the harbor plan', 'Marr is confident that the ferry will run': a predicate
    adjective of stance with a person's subject; the that-clause or the of/about phrase is the content."""
    holder = token.pos_ == "NOUN" and token.dep_ == "attr" and token.lemma_.lower() in HOLDERS
    if not holder and (token.lemma_.lower() not in ATTITUDES or token.pos_ != "ADJ"
                       or token.dep_ not in {"acomp", "oprd"}) or token.head.lemma_.lower() not in COPULAS:
        return None
    verb = token.head
    if any(cue_for(a) is not None for a in verb.ancestors):
        return None  # "said he was confident that …": a belief inside a statement, which PolNeAR does not mark
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None:
        subject, _ = cue_subject(verb)
    if subject is None or subject.lower_ in {"it", "there", "this", "that", "i", "we", "you"}:
        return None
    clause = next((c for c in list(token.children) + list(verb.children) if c.dep_ in {"ccomp", "advcl"}
                   and c.i > token.i and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
    if clause is None:
        clause = next((c for c in token.children if c.dep_ == "ccomp" and c.i > token.i), None)
    if clause is not None:
        content = _that_clause(doc, clause)
    else:
        prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in ATTITUDE_PREPS and c.i > token.i),
                    None)
        obj = next((g for g in prep.children if g.dep_ in {"pobj", "pcomp"}), None) if prep is not None else None
        if obj is None:
            return None
        content = trim(doc, *subtree_span(obj))
    if content[1] <= content[0]:
        return None
    source = doc.char_span(*trim(doc, *mention_span(subject, verb)), alignment_mode="expand")
    return Found(kind="mixed" if _has_quote(doc, *content) else "indirect", cue=doc[token.i:token.i + 1],
                 source=source, content=[content], cue_class="think", sentence=sentence_of(doc, content),
                 confidence=0.6)


def _that_clause(doc: Doc, clause: Token) -> tuple[int, int]:
    """The character span of a reported clause without its "that": the content of 'fears that …'."""
    skip = {g.i for g in clause.children if g.dep_ == "mark" and g.lower_ == "that"}
    return trim(doc, *subtree_span(clause, exclude=skip))


def _too_short(doc: Doc, content: tuple[int, int]) -> bool:
    """Fewer than MIN_CONTENT_WORDS words: too little to be a statement."""
    return len(WORD.findall(doc_text(doc)[content[0]:content[1]])) < MIN_CONTENT_WORDS


def made_clear(doc: Doc, token: Token) -> Found | None:
    """'Vell made clear that she will run', 'has made it clear that …', 'made the case that …', 'made the point
    that …': the clause after "clear" (or the noun) is what the subject of "make" said."""
    if token.lemma_.lower() != "make" or token.pos_ not in {"VERB", "AUX"} or _undone(token):
        return None  # "failed to make clear that …": nothing was said
    said = next((c for c in token.children if c.i > token.i and (
        c.lower_ == "clear" and c.dep_ in {"ccomp", "oprd", "acomp", "dobj", "xcomp"}
        or c.dep_ == "dobj" and c.lemma_.lower() in {"case", "point"})), None)
    if said is None:
        return None
    clause = next((c for c in list(said.children) + list(token.children) if c.i > said.i and c.pos_ in {"VERB", "AUX"}
                   and c.dep_ in {"ccomp", "advcl", "acl", "relcl", "csubj"} and any(g.dep_ in {"nsubj", "nsubjpass"}
                                                                              for g in c.children)), None)
    if clause is None:
        return None
    tokens = [t for t in clause.subtree if not t.is_space]
    # A that-clause ("made the case that …", "made it clear to the council that …"), or a clause right after
    # "clear" ("made clear he will run"); not a clause of time or contrast ("made a good case for her, while …").
    if tokens and tokens[0].lower_ == "that" and tokens[0].i <= said.i + 8:
        tokens = tokens[1:]
    elif not (said.lower_ == "clear" and tokens and tokens[0].i == said.i + 1 and tokens[0].dep_ != "mark"):
        return None
    if not tokens:
        return None
    content = trim(doc, tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
    if _too_short(doc, content):
        return None
    subject, _ = cue_subject(token)
    if subject is None or subject.lower_ in {"it", "this", "that", "there"}:
        return None
    source = doc.char_span(*trim(doc, *mention_span(subject, token)), alignment_mode="expand")
    return Found(kind="mixed" if _has_quote(doc, *content) else "indirect", cue=doc[token.i:token.i + 1],
                 source=source, content=[content], cue_class="assert", sentence=sentence_of(doc, content),
                 confidence=0.6)


# Nouns that name a statement or a belief and take a that-clause: "Vell's claim that …", "fears that …". The
# class follows the noun (a belief is `think`, so that --speech-only leaves it out). "the fact that" is no one's;
# "the idea/notion/theory that", "allegations that", "charges that" were right less than half the time on
# PolNeAR train (no one's, or a source the sentence does not give).
NOMINAL_CUES = {"claim": "assert", "assertion": "assert", "argument": "assert",
                "contention": "assert", "insistence": "assert", "promise": "assert", "pledge": "assert",
                "vow": "assert", "accusation": "dispute", "complaint": "dispute",
                "denial": "dispute", "statement": "report", "announcement": "report", "warning": "report",
                "suggestion": "report", "prediction": "report", "report": "report", "reports": "report",
                "admission": "confirm", "acknowledgment": "confirm", "assurance": "assert", "message": "report",
                "rumor": "report", "rumour": "report", "speculation": "think", "fear": "think", "hope": "think",
                "belief": "think", "concern": "think", "worry": "think", "view": "think", "sense": "think",
                "expectation": "think", "conviction": "think", "suspicion": "think", "impression": "think",
                "perception": "think", "assumption": "think", "doubt": "dispute"}
# Verbs whose object noun is the subject's own statement: "Vell made the claim that …", "voiced fears that …".
MAKING = {"make", "voice", "express", "repeat", "raise", "issue", "reiterate", "renew", "air", "echo", "share",
          "offer", "stand", "have", "hold", "double"}


CIRCUMSTANCE = {"despite", "amid", "amidst", "of", "over", "after", "following", "before", "since", "among", "about",
                "because", "given", "without", "against"}


def nominal(doc: Doc, token: Token) -> Found | None:
    """'Talbot's claim that the port lost money', 'officials voiced fears that the bridge would close': a
    statement or belief noun with a that-clause. The source is the possessor, a 'by'/'from' phrase, or the subject
    of a verb that makes the noun its object ("made the claim"); else none."""
    cue_class = NOMINAL_CUES.get(token.lemma_.lower()) or NOMINAL_CUES.get(token.lower_)
    if cue_class is None or token.pos_ != "NOUN":
        return None
    # The that-clause right after the noun ("fears that …", "claim made last week that …" is too far).
    clause = next((c for c in token.children if c.dep_ in {"acl", "ccomp", "appos"} and c.i > token.i
                   and c.pos_ in {"VERB", "AUX"} and any(g.dep_ == "mark" and g.lower_ == "that" and g.i <= token.i + 2
                                                         for g in c.children)), None)
    if clause is None:
        return None
    content = _that_clause(doc, clause)
    if _too_short(doc, content):
        return None
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is None:
        owner = next((g for c in token.children if c.dep_ == "prep" and c.lower_ in {"by", "from"} and c.i < clause.i
                      for g in c.children if g.dep_ == "pobj"), None)
    if owner is None and token.dep_ == "dobj" and token.head.lemma_.lower() in MAKING:
        owner = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
    if owner is not None and owner.lower_ in {"it", "its", "that", "this", "which", "who"}:
        owner = None
    if owner is None and (token.dep_ == "dobj" and token.head.lemma_.lower() in MAKING or token.dep_ == "pobj"
                          and token.head.dep_ == "prep" and token.head.lower_ not in CIRCUMSTANCE):
        # "says in a statement that …", "backed away from a suggestion that …", "in hopes that …", "…, repeating
        # a false claim that …": a statement or belief noun nobody owns in its own words, in a phrase of a verb (or
        # the object of a verb of making it), is that verb's subject's; not "despite complaints that …", "amid
        # reports that …": a circumstance.
        verb = token.head.head if token.dep_ == "pobj" else token.head
        if verb.pos_ == "ADV" and verb.dep_ == "advmod":
            verb = verb.head  # "backed away from a suggestion that …"
        if verb.pos_ in {"VERB", "AUX"} and verb.i != token.i:
            owner, _ = cue_subject(verb)
            if owner is not None and owner.lower_ in {"it", "its", "this", "there"}:
                owner = None
    if owner is not None and owner.pos_ == "PRON" and owner.lower_ in {"my", "our", "i", "we"}:
        owner = None  # the writer's own: "our fear that …" is the speaker's hedge
    source = doc.char_span(*trim(doc, *subtree_span(owner)), alignment_mode="expand") if owner is not None else None
    return Found(kind="mixed" if _has_quote(doc, *content) else "indirect", cue=doc[token.i:token.i + 1],
                 source=source, content=[content], cue_class=cue_class, sentence=sentence_of(doc, content),
                 confidence=0.6)


def misread_verb(doc: Doc, token: Token) -> Found | None:
    """'The new regulations state that venues must not …': a cue verb the tagger read as a noun, heading a sentence
    that has no verb of its own, with the noun phrase before it hung on it and a that-clause after it. A
    plural noun before a bare form ("regulations state", "critics claim") or a name before an -s form ("Marlow
    Council states that") is a subject and its verb."""
    from claimgraph.attribution.cues import lexicon

    lexeme = lexicon().get(token.lemma_.lower())
    if token.dep_ != "ROOT" or token.pos_ != "NOUN" or lexeme is None or token.i == 0:
        return None
    before = doc[token.i - 1]
    if before.head.i != token.i or before.dep_ not in {"compound", "nmod", "amod", "nsubj"}:
        return None
    if not (before.tag_ in {"NNS", "NNPS"} and token.tag_ == "NN"
            or before.pos_ == "PROPN" and token.tag_ == "NNS" and token.lower_.endswith("s")):
        return None
    clause = next((c for c in token.children if c.i > token.i and c.pos_ in {"VERB", "AUX"} and any(
        g.dep_ == "mark" and g.lower_ == "that" and g.tag_ == "IN" and g.i == token.i + 1 for g in c.children)), None)
    if clause is None:
        return None
    content = _that_clause(doc, clause)
    if _too_short(doc, content):
        return None
    source = doc.char_span(*trim(doc, token.left_edge.idx, before.idx + len(before)), alignment_mode="expand")
    content_span = doc.char_span(*content, alignment_mode="expand")
    return Found(kind="mixed" if _has_quote(doc, *content) else "indirect", cue=doc[token.i:token.i + 1],
                 source=source, content=[content], cue_class=classify(lexeme, content_span),
                 sentence=sentence_of(doc, content), confidence=0.6)


# "In the new Harbor Institute poll, 40 percent back Vell": a document the clause comes from, read like
# "according to".
IN_SOURCES = {"poll", "survey", "statement", "study", "report", "interview", "letter", "memo", "post", "tweet",
              "filing", "analysis", "release", "speech", "editorial", "column", "op-ed", "essay", "words",
              "remarks", "testimony", "lawsuit", "complaint", "ruling", "opinion", "indictment", "affidavit"}


VIEWS = {"view", "eyes", "estimation", "judgment", "judgement", "opinion", "mind", "telling", "words"}


def in_source(doc: Doc, token: Token) -> Found | None:
    """'In a Harbor Institute poll, Vell leads by six points': the clause the phrase modifies is what the poll
    (or statement, letter, interview …) says. Not where the clause has a cue of its own ("In a statement, the
    ministry said …": that cue is the attribution)."""
    pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
    head = token.head
    # "In Vell's view, …", "…, in their eyes": someone's view, wherever the phrase stands.
    owner = next((c for c in pobj.children if c.dep_ == "poss" and c.lower_ not in {"my", "our", "its"}), None) \
        if pobj is not None and pobj.lemma_.lower() in VIEWS and not any(
            c.lower_ == "right" for c in pobj.children) else None  # "who in their right mind …": no one's view
    if pobj is None or (pobj.lemma_.lower() not in IN_SOURCES and owner is None) or (
            head.pos_ not in {"VERB", "AUX"} and head.dep_ != "ROOT"):
        return None
    # Fronted only ("In a poll, …"): a trailing "in several polls" or "in an ABC interview" qualifies the clause
    # more often than it sources it (a third right on PolNeAR train).
    before = [t for t in token.sent if t.i < token.i and not t.is_punct and not t.is_space]
    if before and owner is None and not all(t.dep_ == "cc" or t.lower_ in {"but", "and", "yet", "still", "meanwhile"} for t in before):
        return None
    if token.i > head.i or made_clear(doc, head) is not None or any(
            cue_for(t) is not None or t.lower_ == "according" for t in head.subtree
            if t.i > max(x.i for x in token.subtree)):
        return None  # "In a statement, the ministry said …" (or "…, saying"): that cue is the attribution
    if pobj.lemma_.lower() not in {"poll", "survey"} and any(
            c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in {"i", "we", "he", "she", "they"} for c in head.children):
        return None  # "In an interview, he spoke of …": what he did, not what the interview says ("In a poll, she
        # led by six" is the poll's)
    phrase = {t.i for t in token.subtree}
    clause = [t for t in head.subtree if t.i not in phrase and not t.is_space]
    spans = []
    for part in ([t for t in clause if t.i < token.i], [t for t in clause if t.i > max(phrase)]):
        if part and sum(t.is_alpha for t in part) >= 2:
            start, end = trim(doc, part[0].idx, part[-1].idx + len(part[-1]))
            if end > start:
                spans.append((start, end))
    if not spans or sum(len(WORD.findall(doc_text(doc)[s:e])) for s, e in spans) < MIN_CONTENT_WORDS + 1:
        return None
    source = doc.char_span(*trim(doc, *subtree_span(owner if owner is not None else pobj)), alignment_mode="expand")
    named = next((c for c in head.children if c.dep_ == "nsubj" and c.i > max(phrase) and (
        c.ent_type_ in {"PERSON", "ORG"} or c.pos_ == "PROPN")), None)
    if named is not None and owner is None and pobj.lemma_.lower() not in {"poll", "survey", "study", "report",
                                                                            "analysis"}:
        # "In an interview with the Gazette, Vell laughed off the attack": the interview (statement, post) is the
        # named subject's own; a poll or a study speaks for itself.
        source = doc.char_span(*trim(doc, *subtree_span(named)), alignment_mode="expand")
    return Found(kind="according_to", cue=doc[token.i:token.i + 1], source=source, content=spans,
                 cue_class="report", sentence=sentence_of(doc, *spans), confidence=0.6)


# A headline "Vell: Ferry fares will rise" gives what a named source said; "The Latest: …", "Breaking: …" do not.
TITLE = re.compile(r"(?:[A-Z]+ [–—-] )?(?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):[ \t]+(?P<content>\S[^\n]*)")
SOURCE_WORDS = {"poll", "report", "survey", "study", "sources", "officials", "experts", "analysts", "insiders",
                "historians", "police", "newspaper", "court", "judge", "prosecutors", "ap", "reuters"}
NOT_TITLE_SOURCES = {"latest", "breaking", "wow", "look", "revealed", "watch", "exclusive", "bombshell", "update",
                     "boom", "busted", "leaked", "notice", "byline", "video", "photos", "opinion", "analysis",
                     "editorial", "review", "live", "correction", "explainer", "listen", "read", "more", "related",
                     "email", "daily", "guide", "rankings", "circle"}


def _named_below(doc: Doc, name) -> bool:
    """A title's name the parser did not read as an entity ('Gingrich: Trump Must Decide …', a surname in title
    case) that the article names as a person or an organisation further down ('Newt Gingrich said …')."""
    last = name[-1]
    return any(t.text == last.text and t.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} for t in doc[name.end + 1:])


def title_line(doc: Doc) -> Found | None:
    """'Talbot: Ferry fares will rise in May' as a Doc's first line (an article's title): the name is a person or an
    organisation (or a poll, a report), the rest of the line what it said."""
    text = doc_text(doc)
    m = TITLE.match(text)
    if m is None or m.group("name").isupper() or "\n" in m.group(0)[:m.start("content")]:
        return None
    words = m.group("name").lower().replace("’", "'").split()
    if any(w.strip(".'") in NOT_TITLE_SOURCES for w in words):
        return None
    content = trim(doc, m.start("content"), m.end("content"))
    if len([w for w in WORD.findall(text[content[0]:content[1]]) if w.isalpha()]) < MIN_CONTENT_WORDS:
        return None
    name = doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
    colon = doc.char_span(m.end("name"), m.end("name") + 1, alignment_mode="expand")
    if name is None or colon is None or not len(name):
        return None
    if not (name[-1].ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or words[-1] in SOURCE_WORDS
            or _named_below(doc, name)):
        return None
    return Found(kind="mixed" if _has_quote(doc, *content) else "indirect", cue=colon, source=name,
                 content=[content], cue_class="report", sentence=sentence_of(doc, content), confidence=0.6)


def _cue_flags(cue: Token, chain: list[Token]) -> list[str]:
    """'did not say' is negated; 'reportedly said', 'is said to' hedged."""
    flags = []
    if any(c.lower_ in NEGATIONS and c.dep_ == "neg" for link in chain for c in link.children):
        flags.append("negated")
    if any(c.lower_ in HEDGES for link in chain for c in link.children) or cue.dep_ == "auxpass":
        flags.append("hedged")
    return flags


def _owned_belief(cue: Token) -> bool:
    """'I believe that the count is wrong', 'We expect that future work will …' outside any quote: a writer's
    belief set out with its 'that', which a reader takes as said (a letter, an essay, a book excerpt); a bare
    "I think" still hedges (realweb round 3)."""
    if not any(c.dep_ == "nsubj" and c.lower_ in {"i", "we"} for c in cue.children):
        return False  # "I continue to believe that …", "I remember feeling that …": the outer verb is the cue
    return any(c.dep_ == "ccomp" and c.i > cue.i and any(g.dep_ == "mark" and g.lower_ == "that" and g.i == cue.i + 1
                                                        for g in c.children) for c in cue.children)


def reported_speech(doc: Doc, used: set[int], quotes: list[Found], marks: list[Quote]) -> list[Found]:
    found: list[Found] = []
    quoted = [(f.content[0][0], f.content[0][1]) for f in quotes]
    # A cue inside quoted words ("'… I believe the acts were …,' she said") belongs to the quote: the quoted
    # speaker's own hedges are not separate statements (PolNeAR does not mark them).
    text = doc_text(doc)
    inside_quotes = [q.inner for q in marks if len(WORD.findall(text[q.inner[0]:q.inner[1]])) >= 6]
    # the tokens that start inside them (s <= token.idx < e), found once on the tokens' offsets
    offsets = doc.to_array(IDX).tolist() if inside_quotes else []
    quoted_tokens = {i for s, e in inside_quotes for i in range(bisect_left(offsets, s), bisect_left(offsets, e))}
    for token in doc:
        if token.i in used or token.i in quoted_tokens:
            continue
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            if (item := according_to(doc, token)) is not None:
                found.append(item)
            continue
        if token.lower_ == "in" and token.dep_ == "prep":
            if (item := in_source(doc, token)) is not None:
                found.append(item)
            continue
        if token.pos_ == "NOUN" and (item := nominal(doc, token) or misread_verb(doc, token)) is not None:
            found.append(item)
            used.add(token.i)
            continue
        if (item := evidential(doc, token) or seen_as(doc, token) or attitude(doc, token)
                     or made_clear(doc, token) or reportedly(doc, token) or evidence_aside(doc, token)) is not None:
            found.append(item)
            used.add(token.i)
            continue
        lexeme = cue_for(token)
        if lexeme is None or token.dep_ == "amod":
            continue  # "pledged delegates", "the reported figure": an adjective, not a cue
        if lexeme.lemma == "show" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            continue  # "in order to show there was no conflict": a purpose; polls and studies show (finite)
        if token.i > 0 and doc[token.i - 1].lower_ == token.lower_:
            continue  # the second of a doubled word ("told told") is a typo, not a second cue
        subject, chain = cue_subject(token)
        if is_idiom(token, subject):
            continue
        if lexeme.lemma == "ask" and token.dep_ == "advcl" and (token.tag_ == "VBN" or token.tag_ == "VBD" and not any(
                c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)):
            # "Asked on Monday whether …, Vell shook her head": the one asked answers; who asked is not said.
            # A participle with a wh-question ("Asked what …") is dropped as before (kept: 14 more finds on train,
            # 9 right, precision -0.0002); the parser's past tense for the same participle ("Asked what a firm
            # commitment looks like, Devine replied", "when asked how …") was kept, and stays, without a source.
            if token.tag_ == "VBN" and not any(
                    c.dep_ in {"ccomp", "advcl"} and any(g.dep_ == "mark" and g.lower_ in {"whether", "if"}
                                                         for g in c.children) for c in token.children):
                continue
            subject = agent_of(token)  # "Asked by the host whether …": the host asks; else nobody named
        if _subjectless_clause(token) or _undone(token):
            continue  # a set-off participle read as the main verb; "failed to tell …": nothing was said
        if lexeme.cue_class == "think" and subject is not None and subject.lower_ in {"i", "we"} \
                and not _owned_belief(token):
            continue  # "I think" hedges the speaker's own sentence; PolNeAR rarely marks it, the fixture optional
        content = _before_own_conjunct(doc, token, _before_participle(doc, token, _over_second_that(
            doc, token, _content_of(doc, token, lexeme))))
        content = _to_closing_mark(doc, _before_trailing_clause(doc, token, _within_paragraph(doc, token, content)),
                                   marks)
        content = _before_contrast(doc, token, _to_single_closing(doc, content))
        extra: list[tuple[int, int]] = []
        if content is None and (token.dep_ == "parataxis" or _parenthetical_cue(token)) and lexeme.takes != "object" \
                and subject is not None:
            parts = _parenthetical(doc, token)
            if parts:
                content, extra = parts[0], parts[1:]
        if content is None and lexeme.takes != "object" and lexeme.cue_class != "think" and (
                misparsed := _misparsed_before(doc, token)) is not None:
            content, subject = misparsed
        flags: list[str] = []
        if content is None:
            if lexeme.cue_class == "think" or not _missing_content(doc, token):
                continue
            flags.append("content_missing")
            spans: list[tuple[int, int]] = []
        else:
            if any(qs <= content[0] and content[1] <= qe + 1 for qs, qe in quoted):
                continue  # the content is a direct quote already attributed
            if lexeme.cue_class == "think" and subject is None:
                continue
            if len(WORD.findall(doc_text(doc)[content[0]:content[1]])) < MIN_CONTENT_WORDS and not extra \
                    and lexeme.lemma not in DECLINING and _answer(token) is None and not _judged(token, lexeme, content):
                continue  # "attacked Machado", "support Clinton": an object, rarely a statement (a quarter on dev)
            spans = [content] + extra
        flags += _cue_flags(token, chain)
        source = None
        if subject is not None:
            source = doc.char_span(*trim(doc, *mention_span(subject, token)), alignment_mode="expand")
        kind = "mixed" if spans and _has_quote(doc, *spans[0]) else "indirect"
        content_span = doc.char_span(*spans[0], alignment_mode="expand") if spans else None
        if is_result_not_statement(token, content_span) or found_thing(token) or _not_speech(token) \
                or not_a_statement(token):
            continue
        found.append(Found(kind=kind, cue=doc[token.i:token.i + 1], source=source, content=spans,
                           cue_class=classify(lexeme, content_span),
                           sentence=sentence_of(doc, *(spans or [(token.idx, token.idx + len(token))])),
                           via=channel(doc, token), flags=flags,
                           confidence=0.75 if spans else 0.6))
        used.add(token.i)
    if (title := title_line(doc)) is not None and not any(
            s < title.content[0][1] and title.content[0][0] < e for item in found for s, e in item.content):
        found.append(title)
    return found


__all__ = ["according_to", "cue_subject", "reported_speech"]
