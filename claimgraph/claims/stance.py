"""Stance of each statement towards its claim: assert, dispute, support or report.

Rules, first match wins (docs/claims.md "Stance rules"):

* a verdict in the words: "propaganda", "rubbish", "false", "baseless" … -> dispute; "accurate", "true",
  "confirmed" … about a claim (a reference statement) -> support; a negation just before a verdict turns it
  over ("not accurate" -> dispute);
* a reference with a dispute cue ("denying the Russian assertion") -> dispute, a confirm cue -> support;
* a negated cue ("not ready to … suggest", "did not deny") withholds the words -> report;
* the words themselves, read as `claims.toward_claim` reads a headline toward its claim: a denial frame ("hoax",
  "debunked", "denied") -> dispute; a hedge that withholds them ("X is said to …", a question) -> report;
* a restatement whose polarity differs from the claim's ("is not coordinating" against "is coordinating"; a dispute
  cue counts as a negation, and so does a word that is another restatement's with a negating prefix, "is illegal"
  against "is entirely legal": `prefix_negated`) -> dispute, when it says the same thing: at least half of its
  content words (or of the other's, the shorter's), and two or more unless a denial cue names its target, are those
  of a statement of the claim's polarity ("it doesn't take a genius to figure out how this happened" is no denial of
  "what might happen at the Oscars"; a negation about something else disputes nothing);
* a news outlet (type news_outlet, or a name seen as an outlet in `via` or as a publisher) -> report: an outlet
  relays, the original speaker asserts (Tass reports, the Russian Defense Ministry asserts);
* a confirm cue by someone other than the claim's first speaker -> support;
* otherwise a restatement asserts; a reference without a verdict takes its speaker's stance elsewhere in the
  claim in the same article, else report; an elaboration without its own signal takes the reference's stance.
"""

from __future__ import annotations

import re

from claimgraph.claims.grouping import (
    has_negation,
    is_negator,
    negated_base,
    opposed_stems,
    stem,
    word_parts,
    words,
)
from claimgraph.claims.statement import Statement
from claimgraph.claims.toward_claim import content_signal
from claimgraph.records import normalise_name

DISPUTE_WORDS = frozenset("""propaganda rubbish false falsehood falsehoods untrue baseless groundless nonsense
fabricated fabrication fabrications fake lie lies lying misleading unfounded absurd ridiculous hoax disinformation
misinformation wrong incorrect inaccurate bogus myth smear slander fiction fantasy""".split())
SUPPORT_WORDS = frozenset("""accurate true correct confirmed credible reliable valid verified genuine authentic
trustworthy right""".split())


def verdict(text: str | None, reference: bool) -> str | None:
    """dispute / support from verdict words (support only about a claim named by a reference), else None."""
    if not text:
        return None
    tokens = words(text)
    for i, w in enumerate(tokens):
        negated = any(is_negator(t) for t in tokens[max(0, i - 3):i])
        if w in DISPUTE_WORDS:
            return "support" if negated and reference else "dispute"
        if w in SUPPORT_WORDS and (reference or w == "confirmed"):
            if w == "right" and not reference:
                continue
            return "dispute" if negated else "support"
    return None


Turned = dict[str, frozenset[str]]   # statement id -> the stems of the words its prefixed words negate


def prefix_negated(restatements: list[Statement]) -> Turned:
    """The restatements that say another's word with a negating prefix ("illegal" where another says "legal";
    grouping.negated_base), each with the stems so negated: such a word negates as "not" does (issue 12: the levy
    said illegal in one outlet and legal in another is one claim, the contradiction no agreement)."""
    turned: Turned = {}
    for s in restatements:
        tokens = word_parts(s.attribution.content or "")
        if not any(negated_base(t) for t in tokens):
            continue
        bases = frozenset().union(*(opposed_stems(tokens, o.stems) for o in restatements if o is not s))
        if bases:
            turned[s.id] = bases
    return turned


def negative_words(statement: Statement, turned: Turned | None = None) -> bool:
    """Whether a statement's words negate its proposition: a negator XOR a prefix negating another's word."""
    return has_negation(statement.attribution.content) ^ (statement.id in (turned or {}))


def holds_negative(statement: Statement, turned: Turned | None = None) -> bool:
    """Whether the speaker holds the negative of the words' proposition (negated words XOR a denial)."""
    return negative_words(statement, turned) ^ (statement.attribution.cue_class == "dispute")


def claim_polarity(restatements: list[Statement], turned: Turned | None = None) -> bool:
    """A claim is positive ("cooperation is underway") when any of its restatements says it without negation."""
    return all(negative_words(s, turned) for s in restatements) if restatements else False


SAME_WORDS = 0.5   # share of the shorter statement's content words that a denial must share with what it denies


def denies(statement: Statement, claimed: list[frozenset[str]], negated: frozenset[str] = frozenset()) -> bool:
    """Whether a statement of the opposite polarity says the same thing as one of the claim's statements (`claimed`:
    their content stems): at least SAME_WORDS of the shorter one's content words are shared, and at least two (one
    shared word is a shared subject, not a shared proposition: "that's not going to happen on its own") unless the
    cue itself denies ("denied that the costs had doubled" against "will cost twice the original estimate"). A
    statement of no content word of its own ("No, not really") denies whatever it stands with. `negated`: the stems its
    prefixed words negate ("illegal" says "legal", negated), shared as words of its own."""
    mine = statement.stems | negated
    if not mine:
        return True
    explicit = statement.attribution.cue_class == "dispute"   # "denied that the costs had doubled" names its target
    return any(len(mine & other) >= max(1 if explicit else 2, SAME_WORDS * min(len(mine), len(other)))
               for other in claimed if other)


def speaker_is_outlet(statement: Statement, known_outlets: set[str]) -> bool:
    """Whether the statement's speaker is a news outlet: typed so, or a name these statements show as an outlet."""
    speaker = statement.attribution.speaker
    if speaker is None:
        return False
    return speaker.type == "news_outlet" or normalise_name(speaker.name) in known_outlets


def own_stance(statement: Statement, role: str, polarity: bool, first_speaker: str | None,
               known_outlets: set[str], claimed: list[frozenset[str]] | None = None,
               turned: Turned | None = None) -> str | None:
    """The stance a statement shows by itself; None for a reference with no verdict (decided from context)."""
    a = statement.attribution
    reference = role == "refer"
    found = verdict(a.content, reference)
    if reference:
        if a.cue_class == "dispute" and found != "support":
            return "dispute"
        if found:
            return found
        return "support" if a.cue_class == "confirm" else None
    if found == "dispute":
        return "dispute"
    if "negated" in a.flags:
        return "report"  # "not ready to suggest X", "did not deny X": words withheld, neither said nor denied
    signal = content_signal(a.content)   # the stance-toward-claim lexicons (claims.toward_claim, Emergent)
    if signal:
        return signal    # "reports that X are a hoax" -> dispute; "X is said to …", "is X …?" -> report
    negated = (turned or {}).get(statement.id, frozenset())
    if holds_negative(statement, turned) != polarity and (claimed is None or denies(statement, claimed, negated)):
        return "dispute"
    if speaker_is_outlet(statement, known_outlets):
        return "report"
    speaker_key = a.speaker.key if a.speaker else None
    if a.cue_class == "confirm" and speaker_key != first_speaker:
        return "support"
    if found == "support" and speaker_key != first_speaker:
        return "support"
    return "assert"


def assign(members: list[tuple[Statement, str]], known_outlets: set[str],
           elaborates: dict[str, str] | None = None) -> dict[str, str]:
    """Stance of every member (statement, role) of one claim, by attribution id."""
    elaborates = elaborates or {}
    restatements = sorted((s for s, role in members if role != "refer"), key=Statement.sort_key)
    turned = prefix_negated(restatements)
    polarity = claim_polarity(restatements, turned)
    first = next((s for s in restatements if negative_words(s, turned) == polarity), None)
    first_speaker = first.attribution.speaker.key if first and first.attribution.speaker else None
    claimed = [s.stems for s in restatements if holds_negative(s, turned) == polarity]
    stances: dict[str, str | None] = {s.id: own_stance(s, role, polarity, first_speaker, known_outlets, claimed,
                                                       turned)
                                      for s, role in members}
    by_id = {s.id: s for s, _ in members}
    for s, role in members:
        if role == "elaborate" and stances[s.id] == "assert":
            summary = stances.get(elaborates.get(s.id, ""))
            if summary in ("dispute", "support"):
                stances[s.id] = summary
    for s, _role in members:
        if stances[s.id] is not None:
            continue
        same = [stances[o.id] for o in by_id.values() if o.id != s.id and o.article_id == s.article_id
                and o.attribution.speaker and s.attribution.speaker
                and o.attribution.speaker.key == s.attribution.speaker.key and stances[o.id]]
        stances[s.id] = same[0] if same else "report"
    return same_words_same_stance(members, {k: v or "report" for k, v in stances.items()})


COPY_MIN_WORDS = 8   # a quote one outlet prints whole inside another's longer cut of it: at least this many words
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019]*\s+")


def _sentences(text: str) -> str:
    """The words of a statement as stems, its sentences marked off by '|' (to match whole sentences only)."""
    return " | ".join(" ".join(stem(w) for w in words(part)) for part in SENTENCE_END.split(text.strip()) if part)


def same_words_same_stance(members: list[tuple[Statement, str]], stances: dict[str, str]) -> dict[str, str]:
    """The same words from the same speaker carry one stance in every outlet that repeats them: the stance most of
    the copies got, ties going to the earliest copy's (an outlet's framing differs, the speaker's words do not).
    Copies are the same words, or (issue 12, PolNeAR) whole sentences of COPY_MIN_WORDS or more words that another
    copy holds whole among its sentences, word for word up to suffixes ("… being a big beneficiary of the law." and
    "… of the laws. But I'm working for you now. I'm not working for Trump."): one outlet quoting more of a speech
    does not turn the speaker around; a word more in the same sentence is other words."""
    copies: dict[tuple[str, str], list[Statement]] = {}
    for s, _role in members:
        a = s.attribution
        if a.speaker and a.content:
            copies.setdefault((a.speaker.key, _sentences(a.content)), []).append(s)
    keys = sorted(copies, key=lambda k: (k[0], -len(k[1])))   # by speaker, longest words first
    for n, (speaker, text) in enumerate(keys):                  # a cut another copy holds whole joins that copy
        if len(text.replace("|", " ").split()) >= COPY_MIN_WORDS and (speaker, text) in copies:
            for longer in keys[:n]:
                if longer[0] == speaker and longer in copies and f"| {text} |" in f"| {longer[1]} |":
                    copies[longer].extend(copies.pop((speaker, text)))
                    break
    for group in copies.values():
        if len({stances[s.id] for s in group}) > 1:
            group.sort(key=Statement.sort_key)
            counts = {v: sum(stances[s.id] == v for s in group) for v in {stances[s.id] for s in group}}
            top = max(counts.values())
            chosen = next(stances[s.id] for s in group if counts[stances[s.id]] == top)
            for s in group:
                stances[s.id] = chosen
    return stances
