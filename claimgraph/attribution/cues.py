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
# Objects that make "claim", "deny" or "win" a result, not a statement: sports and procedure copy ("Vell claims
# gold", "the late goal is denied", "denied bail").
NOT_PROPOSITIONS = {"gold", "silver", "bronze", "medal", "title", "victory", "win", "crown", "trophy", "championship",
                    "cup", "prize", "seat", "lead", "place", "spot", "berth", "pole", "point", "goal", "penalty",
                    "try", "bail", "access", "entry", "permission", "visa", "life", "scalp", "record", "treble",
                    "double", "stage", "podium", "final", "wicket", "possession", "equaliser", "equalizer",
                    "nomination", "momentum", "mantle", "delegate", "delegates", "state", "states", "throne",
                    # what one claims as one's due ("cannot claim ignorance", "claimed asylum"); not "credit",
                    # which PolNeAR marks ("claimed credit for the attacks")
                    "ignorance", "asylum", "benefit", "compensation", "damages", "expenses", "refund", "immunity",
                    "exemption", "allowance", "ownership"}
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


def cue_for(token: Token) -> Cue | None:
    """The lexicon entry for a verb token, or None when it is not a speech, thought or claim verb."""
    if token.pos_ not in {"VERB", "AUX"} and token.tag_ not in {"VBD", "VBZ", "VBP", "VBG", "VBN", "VB"}:
        return None
    lemma = token.lemma_.lower()
    if lemma == "hop" and token.lower_.startswith(("hope", "hoping")):
        lemma = "hope"  # the lemmatizer's "hop" for "hopes", "hoping", "hoped" (never "hopped")
    return lexicon().get(lemma)


def classify(cue: Cue, content: Span | None) -> str:
    """The cue's class, refined by its content (an outlet's reports become `relay` once speakers are known)."""
    if cue.lemma in {"call", "describe", "label", "brand"} and content is not None:
        if any(t.lower_ in DISMISSIVE for t in content):
            return "dispute"
    return cue.cue_class


def is_result_not_statement(cue: Token, content: Span | None) -> bool:
    """'claims gold', 'goal is denied', 'denied bail', 'pledged delegates': the cue's object is a prize, a permission
    or a count of delegates, not a claim."""
    if cue.lemma_.lower() not in {"claim", "deny", "win", "pledge"}:
        return False
    heads = [c for c in cue.children if c.dep_ in {"dobj", "nsubjpass", "dative"}]
    if content is not None and len(content):
        heads.append(content.root)
    return any(h.lemma_.lower() in NOT_PROPOSITIONS for h in heads) and not any(
        c.dep_ == "ccomp" for c in cue.children)


def is_narrative(cue: Token) -> bool:
    """A verb of doing read as a cue: NARRATIVE, or "make" with an object that is not a speech noun."""
    lemma = cue.lemma_.lower()
    if lemma == "make":
        objects = [c for c in cue.children if c.dep_ == "dobj"]
        return bool(objects) and not any(o.lemma_.lower() in SPEECH_OBJECTS or o.lower_ in SPEECH_OBJECTS
                                         for o in objects)
    return lemma in NARRATIVE
