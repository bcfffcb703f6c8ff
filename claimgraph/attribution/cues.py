"""The cue lexicon and its classes; the lexicon itself is the data file claimgraph/data/cues.tsv.

Cue classes (README "Cue classes"): assert, dispute, confirm, report, think, relay. A cue's class can be refined by
its content: "called the claim propaganda" dismisses, so "call" with a dismissive complement is `dispute`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

# Dismissive words that turn a neutral "call"/"describe" into a dispute.
# Words that judge a claim untrue or unfit to trust ("called the memo misleading", "described the report as
# inaccurate"); not mere disapproval ("called the plan costly"), which says nothing of the claim's truth.
DISMISSIVE = {"propaganda", "rubbish", "nonsense", "lie", "lies", "false", "fake", "hoax", "baseless", "absurd",
              "ridiculous", "fabrication", "untrue", "groundless", "misinformation", "disinformation", "garbage",
              "misleading", "inaccurate", "incorrect", "wrong", "unfounded", "bogus", "fiction", "fabricated",
              "erroneous", "distorted", "smear", "unsubstantiated", "debunked"}
# Nouns that name a statement: "the ministry's statement", "according to the report".
STATEMENT_NOUNS = {"statement", "report", "announcement", "release", "communique", "document", "letter", "memo",
                   "post", "tweet", "interview", "testimony", "filing", "study", "survey", "poll", "analysis"}
# Nouns of the words said, which a verb of saying again takes ("echoed the criticism", "repeated her pledge":
# reported/speech.py's ECHOING). Not STATEMENT_NOUNS, which name the document or occasion that holds words and so may
# be a source ("the report said"); only "statement" is both. Not SPEECH_OBJECTS either, whose "case", "joke",
# "speech", "plea" … can be repeated without being said again ("repeated the speech" to another hall); the two lists
# were tuned on different finds (SPEECH_OBJECTS: objects read as propositions; this one: PolNeAR train's 11 echoes).
SAID_THINGS = frozenset({"claim", "criticism", "call", "line", "charge", "sentiment", "comment", "remark", "concern",
                         "message", "argument", "accusation", "complaint", "warning", "promise", "pledge", "view",
                         "point", "assertion", "statement", "demand", "question", "refrain", "theme", "mantra",
                         "talking", "allegation", "praise"})
# What a verb of claiming or denying can take that is no claim (sports, election and procedure copy): the thing won,
# kept or withheld, in small classes, read from the object's head and its compound and adjective modifiers ("claims
# the Marrow Cup", "the yellow jersey", "golden boot"). A result, not a statement: "Vell claims gold", "the late goal
# is denied", "denied bail", "pledged delegates", "the crash claimed three lives".
PRIZES = {"gold", "golden", "silver", "bronze", "medal", "title", "crown", "trophy", "championship",
          "cup", "prize", "award", "jersey", "belt", "boot", "pennant", "shield", "plate", "laurel", "glory", "spoils",
          "record", "treble", "double", "mantle", "throne", "scalp"}
PLACES = {"seat", "lead", "place", "spot", "berth", "pole", "stage", "podium", "final", "slot", "summit"}
SCORES = {"point", "goal", "penalty", "try", "winner", "equaliser", "equalizer", "wicket", "possession", "touchdown",
          "delegate", "delegates", "state", "states"}
LIVES = {"life", "lives", "victim", "victims"}
# Leave to go, enter or stay: "denied bail", "was denied entry", "denied him a visa".
# Not "licence": PolNeAR marks "denying marriage licenses to same-sex couples" (2 of 2 on train).
PERMISSIONS = {"bail", "parole", "access", "entry", "permission", "visa", "permit"}
# Not "victory", "win", "nomination", "momentum": "claimed victory", "claim the nomination" say that one won, and
# PolNeAR marks them (of 15 such finds on train 7 matched gold, 8 did not: short of wrong two times in three).
# What one claims as one's due ("cannot claim ignorance", "claimed asylum"); not "credit", which PolNeAR marks
# ("claimed credit for the attacks").
DUES = {"ignorance", "asylum", "benefit", "compensation", "damages", "expenses", "refund", "immunity", "exemption",
        "allowance", "ownership"}
NOT_PROPOSITIONS = PRIZES | PLACES | SCORES | LIVES | PERMISSIONS | DUES
# The verbs that read so: "claim", "deny", "pledge" (delegates), "concede" (a goal); "win" for a lexicon that has it.
RESULT_VERBS = {"claim", "deny", "win", "pledge", "concede"}
# Nouns of a proposition or of speech: an object of "claim"/"deny" that is a claim ("denied the report", "claimed
# fraud", "denied any wrongdoing", "claimed responsibility for the attack"), never a result.
PROPOSITION_NOUNS = {"allegation", "accusation", "charge", "claim", "report", "rumour", "rumor", "story", "notion",
                     "idea", "suggestion", "assertion", "fraud", "wrongdoing", "responsibility", "credit",
                     "involvement", "role", "link", "knowledge", "existence", "truth", "fact", "account",
                     "statement", "comment", "remark", "guilt", "innocence", "bias", "cheating",
                     "racism", "abuse", "misconduct", "corruption", "plagiarism", "affair", "relationship"}

# Verbs of doing, not saying, that a statistical tagger reads as cues out of domain ("discovered … slumped", "was
# named", "met"): never speech. Narrow on purpose: "made the following comment", "planned to …" and "left little
# doubt that …" are attributions in PolNeAR (a wider list cost 0.001 partial F1 on dev).
NARRATIVE = {"name", "meet", "discover", "appoint", "elect", "hire", "arrive", "kill", "die", "score", "beat",
             "arrest", "spot", "catch", "slump"}
# "made plans to meet" is doing; "made the following comment" is saying: what is made decides.
SPEECH_OBJECTS = {"comment", "comments", "remark", "remarks", "statement", "claim", "case", "point", "promise",
                  "pledge", "argument", "accusation", "allegation", "threat", "joke", "announcement", "speech",
                  "appeal", "plea", "admission", "prediction", "suggestion", "observation", "assertion"}


@dataclass(frozen=True)
class Cue:
    lemma: str
    cue_class: str
    takes: str  # "clause", "object" or "both"


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Cue]:
    entries: dict[str, Cue] = {}
    text = resources.files("claimgraph.data").joinpath("cues.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, cue_class, takes, *_ = line.split("\t")
        entries[lemma] = Cue(lemma, cue_class, takes)
    return entries


# The lemmatizer's lemma for "hopes", "hoping", "hoped" (never "hopped"), which `cue_for` reads as "hope".
MISREAD_HOPE = "hop"


@lru_cache(maxsize=1)
def cue_lemmas() -> frozenset[str]:
    """The lower-cased lemmas `cue_for` can find an entry for: the lexicon's and MISREAD_HOPE. A token whose lemma is
    none of them is no cue (reported_speech reads the set to skip the cue's work)."""
    return frozenset(lexicon()) | {MISREAD_HOPE}


def cue_for(token: Token) -> Cue | None:
    """The lexicon entry for a verb token, or None when it is not a speech, thought or claim verb."""
    if token.pos_ not in {"VERB", "AUX"} and token.tag_ not in {"VBD", "VBZ", "VBP", "VBG", "VBN", "VB"}:
        return None
    lemma = token.lemma_.lower()
    if lemma == MISREAD_HOPE and token.lower_.startswith(("hope", "hoping")):
        lemma = "hope"  # "hopes", "hoping", "hoped" (never "hopped")
    return lexicon().get(lemma)


def classify(cue: Cue, content: Span | None) -> str:
    """The cue's class, refined by its content (an outlet's reports become `relay` once speakers are known)."""
    if cue.lemma in {"call", "describe", "label", "brand"} and content is not None:
        if any(t.lower_ in DISMISSIVE for t in content):
            return "dispute"
    return cue.cue_class


# Heads that count what their "of" phrase names ("thousands of lives", "hundreds of victims").
COUNTS = {"thousand", "hundred", "dozen", "million", "billion", "score", "number"}


def _object_words(head: Token) -> list[Token]:
    """The object's head and the words that name it with it: compounds and adjectives ("Marrow Cup", "yellow
    jersey"), and for a count the thing counted ("has claimed thousands of lives": a toll, nothing said)."""
    words = [head] + [c for c in head.children if c.dep_ in {"compound", "amod"}]
    if head.like_num or head.lemma_.lower() in COUNTS:
        words += [g for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                  for g in p.children if g.dep_ == "pobj"]
    return words


def _proposition(head: Token) -> bool:
    lemma = head.lemma_.lower()
    return lemma in PROPOSITION_NOUNS or lemma in STATEMENT_NOUNS or lemma in SPEECH_OBJECTS or head.lower_ in \
        SPEECH_OBJECTS or any(c.dep_ in {"ccomp", "acl", "relcl"} and c.pos_ in {"VERB", "AUX"}
                               for c in head.children)


def is_result_not_statement(cue: Token, content: Span | None) -> bool:
    """A verb of claiming or denying whose object is a thing won, kept or withheld, not a claim: the construction,
    not the verb, decides. Never where the verb takes a clause ("claimed that …", "claimed to have …", "denies it
    was …") or its object is a noun of a proposition or of speech ("claimed fraud", "denied the report").

    Refused: the object (direct, passive subject, second object, or the content's head) or a word naming it is a
    prize, a place, a score, a life, a permission or a due ("claims the Marrow Cup", "claim top spot", "Rovers denied
    late winner", "the crash claimed three lives", "was denied bail")."""
    if cue.lemma_.lower() not in RESULT_VERBS:
        return False
    if any(c.dep_ in {"ccomp", "xcomp", "csubjpass"} for c in cue.children):
        return False
    heads = [c for c in cue.children if c.dep_ in {"dobj", "nsubjpass", "dative", "oprd"}]
    if content is not None and len(content):
        heads.append(content.root)
    if any(_proposition(h) for h in heads):
        return False
    if any(w.lemma_.lower() in NOT_PROPOSITIONS or w.lower_ in NOT_PROPOSITIONS
           for h in heads for w in _object_words(h)):
        return True
    # A count won: "claiming 41 percent of the vote", "the crash claimed three lives" (a claim counts in a clause).
    return cue.lemma_.lower() == "claim" and any(c.dep_ == "nummod" for o in cue.children if o.dep_ == "dobj"
                                                 for c in o.children)


def is_narrative(cue: Token) -> bool:
    """A verb of doing read as a cue: NARRATIVE, or "make" with an object that is not a speech noun."""
    lemma = cue.lemma_.lower()
    if lemma == "make":
        objects = [c for c in cue.children if c.dep_ == "dobj"]
        return bool(objects) and not any(o.lemma_.lower() in SPEECH_OBJECTS or o.lower_ in SPEECH_OBJECTS
                                         for o in objects)
    return lemma in NARRATIVE
