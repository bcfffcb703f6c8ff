"""Which cue verbs say nothing, though they have a clause or an object: an idiom ("said goodbye"), a question or an
order ("told them to leave", "asked how …"), a thing found rather than said, a phone call, a participle set off by
dashes read as the main verb, speech not done ("failed to tell …"); and which short objects are still a statement
because the verb judges them ("praised the plan": `judged`). Each returns a yes or no; `speech.reported_speech` drops
the cue on a yes."""

from __future__ import annotations

import re

from spacy.tokens import Token

from claimgraph.attribution.found import cue_subject, doc_text
from claimgraph.attribution.marks import CLOSE, OPEN, WORD
from claimgraph.attribution.reported.common import DASHES, SUBJECTS
from claimgraph.attribution.reported.nominal import NOMINAL_CUES
from claimgraph.attribution.unsaid import unsaid


def is_idiom(cue: Token, subject: Token | None) -> bool:
    """Cue words that report nobody: "That said, …" (a concession), "Let’s hope …" (an exhortation)."""
    if subject is None:
        return False
    if subject.lower_ == "that" and cue.lower_ == "said" and cue.i + 1 < len(cue.doc) and cue.nbor().text == ",":
        return True
    return subject.lower_ in {"'s", "’s"} and subject.head.lemma_.lower() == "let"


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


OPEN_REMARKS = {"say", "note"}
# The words of a writer's framing: "safe to say", "too soon to say", "worth noting" ("it was quick to say", an
# organisation's haste, is a statement).
FRAMING = {"safe", "fair", "accurate", "true", "hard", "difficult", "impossible", "soon", "early", "premature", "worth",
           "important", "interesting", "notable", "needless", "enough"}
MAYBE = {"could", "might", "would", "can"}


def writers_aside(cue: Token) -> bool:
    """'It is safe to say that …', 'It is too soon to say whether …', 'It is worth noting that …', 'It goes without
    saying that …', 'one could say …': the writer's own framing of a sentence, nobody reported saying it. On PolNeAR
    train (default, at 5f74036) 6 such finds, 1 matched to gold ("It is important to note that …"), 5 overlapping no
    gold; "It said the ferry would sail late" (an organisation speaking) stays."""
    if cue.lemma_.lower() not in OPEN_REMARKS:
        return False
    if any(c.dep_ == "nsubj" and c.lower_ == "one" for c in cue.children) and any(
            c.dep_ == "aux" and c.lower_ in MAYBE for c in cue.children):
        return True  # "one could say …": anybody might
    if cue.dep_ not in {"xcomp", "pcomp"}:
        return False
    frame = cue.head
    if frame.pos_ in {"ADJ", "ADV"}:  # "safe to say", "worth noting", "too soon to say"
        if frame.lemma_.lower() not in FRAMING:
            return False
        while frame.dep_ in {"acomp", "advmod"} and frame.head is not frame and frame.pos_ in {"ADJ", "ADV"}:
            frame = frame.head
    elif frame.dep_ == "prep" and frame.lower_ == "without":  # "goes without saying"
        frame = frame.head
    elif not any(c.dep_ in {"acomp", "advmod"} and c.lemma_.lower() in FRAMING and c.i < cue.i
                 for c in frame.children):
        return False  # "It is safe to say": the parser may hang the infinitive on "is", beside "safe"
    return frame.lemma_.lower() in {"be", "go"} and any(
        c.dep_ in {"nsubj", "expl"} and c.lower_ == "it" for c in frame.children)


def naming_order(cue: Token) -> bool:
    """'Call it viral fundraising.': an order to the reader to name a thing, the writer's label, not a statement
    reported. On PolNeAR train 3 such finds, none matched to gold; "Call the board's bluff" (no name given) is left
    to the other rules."""
    if cue.lemma_.lower() != "call" or cue.dep_ != "ROOT" or cue.tag_ != "VB":
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass", "aux"} for c in cue.children):
        return False
    return any(c.dep_ == "dobj" and c.lower_ in {"it", "this", "that", "them"} for c in cue.children) and any(
        c.dep_ == "oprd" for c in cue.children)


# Nouns of a means or a power to do something: a cue in an infinitive hung on one ("the ability to confirm
# cases", "the technology available to confirm a case") is what could be done, not what anybody said.
CAPACITIES = {"ability", "capability", "capacity", "technology", "means", "power", "tool", "equipment",
              "facility", "expertise", "resource", "skill"}


def _means_to(cue: Token) -> bool:
    """An infinitive cue hung on a noun of CAPACITIES ("the ability to confirm"), or on an adjective that noun
    holds ("the technology available to confirm", parsed as a small clause with the noun its subject)."""
    owner = cue.head
    if cue.dep_ in {"relcl", "acl"}:
        return owner.lemma_.lower() in CAPACITIES
    if cue.dep_ != "xcomp" or owner.pos_ != "ADJ":
        return False
    nouns = [owner.head] if owner.dep_ == "amod" else [c for c in owner.children if c.dep_ == "nsubj"]
    return any(n.lemma_.lower() in CAPACITIES for n in nouns)


# What one voices that is a stance ("voiced concern", "voiced his disapproval"); "voiced the ferry in the film" is a
# part played. An object with its own complement ("voiced the frustration of many", "the desire to run") states
# what the stance is about and passes without the list.
VOICED = {"concern", "support", "opposition", "frustration", "confidence", "doubt", "disapproval", "approval", "desire",
          "view", "opinion", "objection", "anger", "outrage", "criticism", "skepticism", "scepticism", "optimism",
          "hope", "fear", "worry", "regret", "dismay", "displeasure", "sympathy", "solidarity", "alarm",
          "reservation", "misgiving", "dissent", "preference", "interest", "praise", "unease", "disappointment",
          "suspicion", "belief", "wish", "complaint", "grievance", "reluctance"}
STANCE_PREPS = {"of", "about", "over", "for", "on", "with", "toward", "towards", "against", "at"}


def _part_voiced(cue: Token) -> bool:
    """'Marr voiced the ferry in the film': the verb "voice" whose object is no stance (VOICED) and says of nothing
    what it is about: a part played, not a statement. Also yes where the object is a statement or belief noun with
    its own clause, which `nominal` reads."""
    obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    if obj.lemma_.lower() in NOMINAL_CUES and any(c.dep_ in {"acl", "ccomp", "appos"} for c in obj.children):
        return True  # "voiced fears that …": the noun's own find (`nominal`) holds what was feared
    return obj.lemma_.lower() not in VOICED and not any(
        c.dep_ in {"acl", "relcl", "ccomp"} or c.dep_ == "prep" and c.lower_ in STANCE_PREPS for c in obj.children)


def not_a_statement(cue: Token) -> bool:
    """Cue words that state nothing: an instruction to the reader ("To urge your MP to vote …, click this box"),
    a way or chance to say something ("any objective way to say that …"), a means to ("the ability to confirm
    cases": CAPACITIES), "predicts how well …" or "was predicted
    by …" (a measure that forecasts, not a forecast made), "this factor is called intelligence" (a name)."""
    if unsaid(cue):
        return True  # a deliberation, a skill, a hypothetical, a wished belief, a source cited (unsaid.py)
    if writers_aside(cue) or naming_order(cue):
        return True  # "it is safe to say …", "Call it a fetish.": the writer's framing, nobody reported
    lemma = cue.lemma_.lower()
    if lemma == "voice" and _part_voiced(cue):
        return True  # "voiced the ferry in the film": a part played
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children)
    if infinitive and cue.sent[0].head == cue and any(
            _imperative(v) for v in [cue.head, *cue.children] if v != cue and v.dep_ in {"ROOT", "conj"}):
        return True  # "To urge your MP to vote …, click this box": what the reader can do, not a statement
    if infinitive and cue.dep_ in {"relcl", "acl"} and cue.head.pos_ == "NOUN" \
            and cue.head.dep_ == "attr" and any(c.dep_ == "expl" for c in cue.head.head.children):
        return True  # "Is there any way to say …", "There are better ways to express …": nobody says it
    if infinitive and _means_to(cue):
        return True  # "the laboratory has the ability to confirm cases", "lacks the technology to confirm …"
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


REFLEXIVES = {"himself", "herself", "themselves", "itself", "myself", "ourselves", "yourself", "yourselves"}


def found_thing(cue: Token) -> bool:
    """'The tool was found on the beach', 'divers found the wreck lying on its side': finding a thing, not a
    finding. A finding is a finite clause ("the study found that the drug works", "… found there had been …") or
    a judgement ("finds the pitch compelling")."""
    if cue.lemma_.lower() not in {"find", "discover"}:
        return False
    if cue.i + 1 < len(cue.doc) and cue.nbor().lower_ in REFLEXIVES:
        return True  # "found himself jobless", "found herself one of the most popular girls": a state come to
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
          "mother", "father", "family", "doctor", "lawyer",
          # one's own people at home and at work ("a company rep called his boss and told on him")
          "boss", "employer", "manager", "supervisor", "wife", "husband", "son", "daughter", "brother", "sister",
          "parent", "mom", "dad", "girlfriend", "boyfriend", "landlord", "neighbor", "neighbour"}


def not_speech(cue: Token) -> bool:
    """A cue word used for something else: "called the police" (a telephone call: one object, a person, an
    organisation or a line, and no second one as in "called the claim propaganda"), "a play called …" (a name),
    "called Vell onto the stage"; "Asked why …, Vell said" (the one asked answers: the question is no statement of
    hers). ("claimed thousands of lives", a toll, is `cues.is_result_not_statement`'s.)"""
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
    # "called his boss" parsed as a name given with no one named: the lone name is the one phoned
    # ("have called the collector 'The Whisperer'", quoted, is a name given after all)
    lone = [c for c in cue.children if c.dep_ == "oprd" and not _quoted(c)] if not any(
        c.dep_ in {"dobj", "dative", "nsubjpass", "ccomp", "xcomp"} for c in cue.children) else []
    if not lone and any(c.dep_ in {"oprd", "ccomp", "xcomp"} and c.tag_ != "VBG" for c in cue.children):
        return False  # "called the claim propaganda"; not a participle ("called the office asking questions")
    # "called the sheriff's office asking questions", parsed with the office as the participle's subject
    objects = [c for c in cue.children if c.dep_ == "dobj"] + lone + [
        g for c in cue.children if c.dep_ == "ccomp" and c.tag_ == "VBG" for g in c.children if g.dep_ == "nsubj"]
    if objects and _quoted(objects[0]):
        return False  # "calls his son “a good friend of Tarn”": the quoted words are what he calls him
    return bool(objects) and (objects[0].lemma_.lower() in PHONED or objects[0].pos_ == "PROPN"
                              or objects[0].ent_type_ in {"PERSON", "ORG", "GPE"})


def _quoted(token: Token) -> bool:
    """Whether a quotation mark stands among the words of `token`'s subtree."""
    first, last = token.left_edge, token.right_edge
    words = doc_text(token.doc)[first.idx:last.idx + len(last)]
    # a single mark opening a word, not the apostrophe of "his boss's"
    return any(ch in OPEN or ch in CLOSE for ch in words) or re.search(r"(?:^|\s)['‘]", words) is not None


def subjectless_clause(cue: Token) -> bool:
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
    doc = cue.doc
    if not (cue.i > 0 and doc[cue.i - 1].text in DASHES and comp.left_edge.i > 0
            and doc[comp.left_edge.i - 1].text in DASHES):
        return False  # only the set-off phrase: "X — revealed …  — has roiled …"
    if any(t.tag_ in {"WDT", "WP", "WP$"} for t in cue.sent if t.i < comp.i):
        return False
    return not any(ch in OPEN or ch in CLOSE for ch in doc_text(cue.doc)[cue.idx:comp.idx])


# Verbs that say their infinitive did not happen: "failed to tell the employer that …", "omitted to mention …".
UNDONE = {"fail", "omit", "neglect", "forget"}
INDEFINITE = {"someone", "anyone", "anybody", "somebody", "whoever", "everyone", "everybody"}


def undone(cue: Token) -> bool:
    """'a £50 fine if they fail to tell their bosses that …', 'someone who omitted to mention that …': a speech act
    not done, in a condition or said of anyone at all, is a rule's case, not a statement ("Vell failed to mention
    the attack", said of someone named, PolNeAR marks)."""
    verb = cue.head
    if cue.dep_ != "xcomp" or verb.lemma_.lower() not in UNDONE:
        return False
    if any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "when", "whenever"} for c in verb.children):
        return True
    return verb.dep_ == "relcl" and verb.head.lower_ in INDEFINITE


EVALUATIVE = {"praise", "criticize", "criticise", "blast", "slam", "denounce", "decry", "condemn", "mock", "call",
              "reject", "deny", "dismiss", "question", "tout", "blame", "accuse", "applaud", "commend", "congratulate",
              "laud", "deride", "chide", "scold", "rebuke", "ridicule", "fault", "lambast", "excoriate", "castigate",
              "berate", "disparage", "assail"}


def judged(cue: Token, lexeme, content: tuple[int, int]) -> bool:
    """'praised her effort', 'blasted the deal', 'called Trump “unhinged”': an evaluative verb's two-word object is
    the verdict it passes (a noun phrase with a noun or a quoted word; not a pronoun alone); so is one quoted word
    ('was called “rubbish” by …')."""
    if lexeme.lemma not in EVALUATIVE:
        return False
    if lexeme.lemma == "call" and not any(c.dep_ == "oprd" for c in cue.children):
        return False  # "called snap elections", "too close to call": only "called X Y" names a verdict
    text = doc_text(cue.doc)[content[0]:content[1]]
    words = WORD.findall(text)
    # a passive cue's verdict alone, its "by" phrase the source ('has been called “rubbish” by the publicist'):
    # one quoted word; without the "by" phrase one quoted word is a name ('which may be called "Jobs"', 'what
    # Tarnmart is calling "glances"': FNC-1 check, 2 such finds, both names)
    return len(words) == 2 or len(words) == 1 and text[:1] in OPEN and text.rstrip(".,")[-1:] in CLOSE and any(
        c.dep_ == "agent" for c in cue.children)
