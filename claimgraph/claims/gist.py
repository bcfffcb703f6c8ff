"""A claim's gist: a short readable sentence drawn from its statements, not written anew.

The gist is the most central asserting restatement (the highest mean word overlap with the claim's other
restatements), preferring third-person reported words over first-person quotes, statements that do not open with
an anaphor ("such cooperation …", "it …"), whole propositions over fragments (opening with a question word or a
relative, or with a verb without its subject), and ones of moderate length; then tidied: a leading "according to X,"
and a leading date are cut, quote marks and the final comma go, and it is cut at MAX_WORDS words. Words that are a
noun phrase rather than a clause ("openness to cooperating with Russia …") are prefixed with speaker and cue.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimgraph.claims.grouping import STOP, content_stems, has_negation, jaccard, words
from claimgraph.claims.statement import Statement

MAX_WORDS = 30
ANAPHORS = frozenset("such this that these those it he she they his her its their there".split())
FIRST_PERSON = frozenset("i we me us my our i'm we're i've we've".split())
LEADING = re.compile(r"^\s*(?:according to [^,]{1,60},\s*|that\s+|(?:on\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|"
                     r"sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?,\s*)", re.I)
# a clause has one of these; words without any are a noun phrase ("openness to cooperating with Russia …")
FINITE = frozenset("is are was were has have had will would can could should may might must does did do "
                   "isn't aren't wasn't won't".split())
DENIAL_WORDS = frozenset("deny denies denied false fake hoax debunked myth untrue rumour rumours rumor rumors".split())
# words that open a fragment, not a proposition: a question word or relative ("who … to have timed retirements",
# "which … scared the man off"), a verb without its subject ("are far more strained"). An infinitive ("to run 60
# dump trucks a day", what a plan proposes) is the proposition of its cue and is not penalised.
FRAGMENT_OPENERS = frozenset("who whom whose which what how why whether are is was were".split())
QUOTES = str.maketrans({c: "" for c in "\"“”"})


def score(statement: Statement, others: list[Statement], stance: str) -> float:
    a = statement.attribution
    tokens = words(a.content or "")
    if not tokens:
        return -10.0
    central = sum(jaccard(statement.stems, o.stems) for o in others) / len(others) if others else 0.0
    value = central
    value += 0.5 if stance == "assert" else 0.3 if stance == "report" else 0.0
    value -= 0.6 if tokens[0] in ANAPHORS else 0.0
    value -= 0.4 if FIRST_PERSON & set(tokens) else 0.0
    value -= 0.3 if has_negation(a.content) else 0.0
    value += 0.2 if a.kind in ("indirect", "according_to") else 0.0
    value -= 0.3 if len(tokens) < 5 else 0.01 * max(0, len(tokens) - 25)
    value -= 0.4 if tokens[0] in FRAGMENT_OPENERS else 0.0
    return value


def tidy(statement: Statement) -> str:
    a = statement.attribution
    text = (a.content or "").translate(QUOTES).strip()
    while True:
        cut = LEADING.sub("", text, count=1)
        if cut == text:
            break
        text = cut
    text = re.sub(r"\s+", " ", text).strip(" ,;:")
    tokens = words(text)
    if tokens and tokens[0] not in STOP and text[:1].islower() and a.speaker and a.cue \
            and not FINITE & set(tokens):
        text = f"{a.speaker.name} {a.cue} {text}"
    parts = text.split(" ")
    if len(parts) > MAX_WORDS:
        text = " ".join(parts[:MAX_WORDS]).rstrip(",;:") + " …"
    return text[:1].upper() + text[1:]


def gist(restatements: list[Statement], stances: dict[str, str]) -> str:
    """The gist of a claim from its restatements (with their stances)."""
    if not restatements:
        return ""
    best = max(restatements, key=lambda s: (score(s, [o for o in restatements if o is not s],
                                                  stances.get(s.id, "assert")), -s.position))
    return tidy(best)


def plain_gist(texts: list[str]) -> str:
    """The gist of a claim given as plain statements: the most central one that asserts (no negation, no denial
    word, no question), else the most central. A claim's gist is the proposition asserted, not a denial of it."""
    if not texts:
        return ""
    sets = [content_stems(t) for t in texts]

    def central(i: int) -> float:
        others = [jaccard(sets[i], s) for j, s in enumerate(sets) if j != i]
        return sum(others) / len(others) if others else 0.0

    def asserting(i: int) -> bool:
        text = texts[i]
        return not (has_negation(text) or DENIAL_WORDS & set(words(text)) or text.rstrip(" \"'”’").endswith("?"))

    return texts[max(range(len(texts)), key=lambda i: (asserting(i), central(i), -i))]


def group_gists(texts: list[str], labels: Sequence[object]) -> list[str]:
    """Each statement's claim gist, for statements grouped by `labels` (one label, one claim)."""
    members: dict[object, list[int]] = {}
    for i, label in enumerate(labels):
        members.setdefault(label, []).append(i)
    gists = {label: plain_gist([texts[i] for i in idx]) for label, idx in members.items()}
    return [gists[label] for label in labels]
