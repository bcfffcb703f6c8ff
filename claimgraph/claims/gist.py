"""A claim's gist: a short readable sentence drawn from its statements, not written anew.

The gist is the most central asserting restatement (the highest mean word overlap with the claim's other
restatements), preferring third-person reported words over first-person quotes, statements that do not open with
an anaphor ("such cooperation …", "it …"), whole propositions over fragments (opening with a question word or a
relative, or with a verb without its subject), and ones of moderate length; then tidied: a leading "according to X,"
and a leading date are cut (a leading "that" only as a complementizer: "That is untrue" keeps it), double quote marks
and the final comma go, a single quote mark or bracket with no partner goes from either edge, and it is cut at
MAX_WORDS words. Words that are a noun phrase rather than a clause ("openness to cooperating with Russia …") are
prefixed with speaker and cue. Reported words that are no sentence without the verb that governs them get it back
from their sentence, as written: a small clause ("called the memo misleading"), an object with its infinitive
("urged the board to delay …", "showed it to be …"), a bare infinitive ("declined to comment"), a subject and
infinitive split by a verb the extractor left out ("the station … to need" is "the station, however, appears to
need"), a reported question ("told the council how …"), a verb without its subject, "ever" without the denial that
licenses it. The frame is the sentence from the source (when the cue stands between source and words) or from the
sentence's start (at most FRAME_WORDS words before the words), else "speaker cue words", else the words as they are.
Quotes (kind "direct") are the speaker's own words and are left as they are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimgraph.claims.grouping import STOP, content_stems, has_negation, jaccard, words
from claimgraph.claims.statement import Statement
from claimgraph.records import Attribution

MAX_WORDS = 30
ANAPHORS = frozenset("such this that these those it he she they his her its their there".split())
FIRST_PERSON = frozenset("i we me us my our i'm we're i've we've".split())
LEADING = re.compile(r"^\s*(?:according to [^,]{1,60},\s*|that\s+|(?:on\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|"
                     r"sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?,\s*)", re.I)
# a clause has one of these; words without any are a noun phrase ("openness to cooperating with Russia …")
FINITE = frozenset("is are was were has have had will would can could should may might must does did do "
                   "isn't aren't wasn't won't am".split())
DENIAL_WORDS = frozenset("deny denies denied false fake hoax debunked myth untrue rumour rumours rumor rumors".split())
# words that open a fragment, not a proposition: a question word or relative ("who … to have timed retirements",
# "which … scared the man off"), a verb without its subject ("are far more strained"). An infinitive ("to run 60
# dump trucks a day", what a plan proposes) is the proposition of its cue and is not penalised.
FRAGMENT_OPENERS = frozenset("who whom whose which what how why whether are is was were".split())
QUOTES = str.maketrans({c: "" for c in "\"“”"})
MODALS = frozenset("will would can could should may might must shall won't wouldn't can't couldn't shouldn't "
                   "doesn't don't didn't hasn't haven't hadn't weren't".split())
SUBJECT_WORDS = frozenset("i we you he she they".split())
SUBJECT = re.compile(r"^(?:i|we|you|he|she|it|they)(?:['\u2019][a-z]+)?\b", re.I)
OBJECT_PRONOUNS = frozenset("him them us me whom".split())
# words that open a clause of their own, before any "to" ("if temperatures continue to rise …")
CLAUSE_OPENERS = frozenset("i we you he she they there where if when while although though because as since "
                           "unless once until but and so".split())
# cues that report a clause, not an object with an infinitive ("said corporations need to …")
SAYING = frozenset("say says said saying add adds added adding note notes noted noting explain explains explained "
                   "write writes wrote argue argues argued claim claims claimed insist insists insisted report reports "
                   "reported state states stated warn warns warned tell tells told think thinks thought believe "
                   "believes believed".split())
FRAME_WORDS = 15
MANDATIVE = "mandative"             # why words need their frame, when "speaker cue words" would not give it
# words whose verb the extractor left out between a subject and its infinitive ("the feature … to use")
RAISED = re.compile(r"\u2026 (?:not )?to \w")
# cues whose object takes a small clause: "called the memo misleading", "found him guilty"
SMALL_CLAUSE_CUES = frozenset("call calls called calling find finds found finding consider considers considered "
                              "deem deems deemed label labels labelled labeled brand brands branded declare declares "
                              "declared judge judges judged pronounce pronounced".split())
# cues whose clause takes a subjunctive, a bare verb that reads as an error alone ("suggested she stay home")
MANDATIVE_CUES = frozenset("suggest suggests suggested ask asks asked insist insists insisted demand demands demanded "
                           "recommend recommends recommended request requests requested propose proposes proposed "
                           "require requires required".split())
WH_OPENERS = frozenset("who whom whose which what how why whether".split())
DETERMINERS = frozenset("the a an this that these those his her its their our my your some any every each".split())
PREPOSITION_NOUNS = frozenset("approach road way answer key response reply access return due according next close "
                              "similar".split())
# a single quote mark that closes (after a word, before a space, punctuation or the end), one that opens
CLOSING = re.compile(r"(?<=[\w.,!?])['\u2019](?=[\s.,;:!?)]|$)")
OPENING = re.compile(r"(?:^|(?<=[\s(\[]))['\u2018](?=\w)")


def score(statement: Statement, others: list[Statement], stance: str) -> float:
    a = statement.attribution
    tokens = words(a.content or "")
    if not tokens:
        return -10.0
    central = sum(jaccard(statement.stems, o.stems) for o in others) / len(others) if others else 0.0
    value = central
    value += 0.5 if stance == "assert" else 0.3 if stance == "report" else 0.0
    opener = _opener(tokens)
    value -= 0.6 if opener in ANAPHORS else 0.0
    value -= 0.4 if FIRST_PERSON & set(tokens) else 0.0
    value -= 0.3 if has_negation(a.content) else 0.0
    value += 0.2 if a.kind in ("indirect", "according_to") else 0.0
    value -= 0.3 if len(tokens) < 5 else 0.01 * max(0, len(tokens) - 25)
    value -= 0.4 if opener in FRAGMENT_OPENERS else 0.0
    return value


def _opener(tokens: list[str]) -> str:
    """The word a statement's clause opens with: past a leading complementiser "that" ("that Marlow's levy is
    legal"), which is no anaphor. On PolNeAR train 1,985 of 13,886 stored contents open with "that", 1,935 of them
    not followed by a finite verb or modal ("that is untrue": the pronoun, which stays), as `_clean` reads it. The
    gists that change read about as often better as worse (dev 12 of 108: 4 better, 2 worse; train, the first 20 of
    88 of 1,055: 6 and 6): the misreading goes, the gist's quality stays."""
    if tokens[0] == "that" and len(tokens) > 1 and not _opens_with_verb(" ".join(tokens[1:2])):
        return tokens[1]
    return tokens[0]


def tidy(statement: Statement) -> str:
    a = statement.attribution
    text = _clean(a.content or "")
    if _noun_phrase(text, a) and a.speaker and a.cue:
        text = f"{a.speaker.name} {a.cue} {text}"
    elif need := _needs_its_frame(text, a, statement.sentence):
        # words that only read as a sentence with the verb that governs them ("called the memo misleading", "urged
        # victims to avoid attack", "appears … to use"): the statement as its sentence has it, else with its
        # speaker and cue in front, else as they are
        opener = words(text)[0]
        framed = _as_written(statement, from_sentence_start=opener not in WH_OPENERS)
        if framed:
            text = _clean(framed)
        elif a.speaker and a.cue and _cue_reads(a) and opener not in FINITE | MODALS | WH_OPENERS \
                and need is not MANDATIVE:                          # a subjunctive's subject is no speaker
            lower = words(text)[:1] and words(text)[0] in STOP
            text = f"{a.speaker.name} {a.cue} {text[:1].lower() + text[1:] if lower else text}"
    text = _trim_edges(text)
    parts = text.split(" ")
    if len(parts) > MAX_WORDS:
        text = " ".join(parts[:MAX_WORDS]).rstrip(",;:") + " …"
    lead = len(text) - len(text.lstrip("'\u2018\u2019"))
    return text[:lead] + text[lead:lead + 1].upper() + text[lead + 1:]


def _clean(text: str) -> str:
    """Double quote marks out, a leading "according to X,", "that" or date cut, spaces and edge commas tidied."""
    text = text.translate(QUOTES).strip()
    while True:
        cut = LEADING.sub("", text, count=1)
        # "that" is cut as a complementizer ("that the plant will close"), not as a subject ("That is untrue")
        if cut == text or (text[:4].lower() == "that" and _opens_with_verb(cut)):
            break
        text = cut
    return re.sub(r"\s+", " ", text).strip(" ,;:")


def _opens_with_verb(text: str) -> bool:
    tokens = words(text)
    return bool(tokens) and (tokens[0] in FINITE or tokens[0] in MODALS)


def _noun_phrase(text: str, a: Attribution) -> bool:
    """Words that are a noun phrase rather than a clause ("openness to cooperating with Russia …"): lower case, no
    function word first, no finite word; not a clause with a pronoun subject ("he'd be affected"), not the words of
    "according to X" (a clause of their own)."""
    tokens = words(text)
    return bool(tokens) and tokens[0] not in STOP and text[:1].islower() and not FINITE & set(tokens) \
        and not SUBJECT.match(text) and _cue_reads(a) and not (RAISED.search(text) and _cue_inside(a))


def _cue_reads(a: Attribution) -> bool:
    """Whether "speaker cue words" reads as a sentence: not for "according to" or a colon."""
    cue = (a.cue or "").strip().lower()
    return a.kind != "according_to" and not cue.startswith("according") and cue[:1].isalpha()


def _needs_its_frame(text: str, a: Attribution, sentence: str | None = None) -> bool | str:
    """Whether reported words read as a broken fragment without the verb that governs them. A quote is the
    speaker's own words and is left as it is."""
    tokens = words(text)
    if a.kind == "direct" or not tokens or text.rstrip(" \"'\u201d\u2019").endswith("?"):
        return False
    first = tokens[0]
    if RAISED.search(text) and _cue_inside(a):                      # "the feature … to use" (cue "appears" left out)
        return True
    if first in OBJECT_PRONOUNS or first == "to":                 # "him guilty of …", "to cut its emissions …"
        return True
    if first in FINITE or first in MODALS:                          # "are far more strained" (subject left out)
        return True
    if SUBJECT.match(text) and ((len(tokens) > 1 and tokens[1] == "ever") or _pronoun_clause(text, a)):
        return True                             # "(denies) he ever said any of that", "(didn't think) he'd be affected"
    finite_at = next((i for i, w in enumerate(tokens) if w in FINITE or w in MODALS), len(tokens))
    cue = (a.cue or "").lower().split(" ")[-1]
    to_at = next((i for i, w in enumerate(tokens[:9]) if w == "to" and i + 1 < len(tokens)), None)
    pronoun_subject = bool(SUBJECT.match(text)) and first != "it"          # "it" may be an object: "showed it to be"
    if to_at and to_at < finite_at and first not in CLAUSE_OPENERS | WH_OPENERS and not pronoun_subject \
            and not _to_is_preposition(tokens, to_at) and ("\u2026" in text.split(" to ")[0] or cue not in SAYING):
        return True                                                 # "victims to avoid attack", "it to be 50,000 …"
    if cue in MANDATIVE_CUES and finite_at == len(tokens) and _gap_after_cue(a, sentence) in ([], ["that"]):
        return MANDATIVE                                            # "(suggested) she stay home"
    if cue in SMALL_CLAUSE_CUES and finite_at == len(tokens) and _cue_right_before(a):
        return True                                                 # "(called) the memo misleading"
    return first in WH_OPENERS and _cue_before(a)                   # "(shows) how the software is warping …"


def _pronoun_clause(text: str, a: Attribution) -> bool:
    """A clause opening with a contracted pronoun and no other finite word ("he'd be affected"), which "speaker cue
    words" would garble ("X think he'd be affected")."""
    tokens = words(text)
    return text[:1].islower() and "'" in tokens[0] and not FINITE & set(tokens) and _cue_reads(a)


def _to_is_preposition(tokens: list[str], i: int) -> bool:
    """ "to" before a determiner, a number or a pronoun object is a preposition ("the road to the sea")."""
    nxt = tokens[i + 1]
    return nxt in DETERMINERS or nxt[:1].isdigit() or nxt in OBJECT_PRONOUNS or nxt.endswith("ing") \
        or tokens[i - 1] in PREPOSITION_NOUNS


def _cue_inside(a: Attribution) -> bool:
    """The cue between the first and the last stretch of the words ("the feature | appears | to use")."""
    return bool(a.cue_span and len(a.content_spans) > 1 and min(s[0] for s in a.content_spans) < a.cue_span[0]
                and a.cue_span[1] <= max(s[1] for s in a.content_spans))


def _gap_after_cue(a: Attribution, sentence: str | None) -> list[str] | None:
    """The words between the cue and the words it reports ("asked that …": ["that"]), None when not known."""
    if not (sentence and a.cue_span and a.content_spans and a.cue_span[1] <= a.content_spans[0][0]):
        return None
    s0 = a.sentence[0]
    return words(sentence[a.cue_span[1] - s0:a.content_spans[0][0] - s0])


def _cue_right_before(a: Attribution) -> bool:
    """The cue just before the words: "called the memo misleading", not "calls for a better system"."""
    return bool(a.cue_span and a.content_spans and 0 <= a.content_spans[0][0] - a.cue_span[1] <= 1)


def _cue_before(a: Attribution) -> bool:
    return bool(a.cue_span and a.content_spans and a.cue_span[1] <= a.content_spans[0][0])


def _as_written(statement: Statement, from_sentence_start: bool = True) -> str | None:
    """The statement's words as its sentence has them: from its source when the cue stands between the source and
    the words ("Researchers urged victims to …"), else from the sentence's start when the cue is before the words,
    else the words' own stretch with what the extractor left out of it ("the feature … to use" is "the feature
    appears to use"); at most FRAME_WORDS words before the words. None when none of these fits."""
    a = statement.attribution
    sentence = statement.sentence
    if not sentence or not a.content_spans:
        return None
    s0 = a.sentence[0]
    begin = min(s[0] for s in a.content_spans) - s0
    end = max(s[1] for s in a.content_spans) - s0
    if begin < 0 or end > len(sentence) or begin >= end or words(sentence[begin:end])[:1] != words(a.content or "")[:1]:
        return None                                                 # the offsets do not fit this sentence
    cue = (a.cue_span[0] - s0, a.cue_span[1] - s0) if a.cue_span else None
    src = (a.source_span[0] - s0, a.source_span[1] - s0) if a.source_span else None
    if cue and begin < cue[0] and cue[1] <= end and len(a.content_spans) > 1:
        filled = sentence[begin:end]                                # the cue inside the words: "X appears to …"
        return filled if len(words(filled)) - len(words(a.content or "")) <= 4 else None
    if cue and src and 0 <= src[0] and src[1] <= cue[0] and cue[1] <= begin \
            and not set(words(sentence[src[0]:src[1]])[:1]) & (WH_OPENERS | {"that"}):   # not "who", "that" (relatives)
        start = src[0]
    elif from_sentence_start and cue and 0 <= cue[0] and cue[1] <= begin and not (src and 0 <= src[0] < begin):
        start = 0
    else:
        return None
    if len(sentence[start:begin].split()) > FRAME_WORDS:
        return None
    return sentence[start:end]


def _trim_edges(text: str) -> str:
    """A bracket or a single quote mark at an edge with no partner inside goes ("'British people have …")."""
    if text[:1] == "(" and ")" not in text:
        text = text[1:]
    if text[-1:] == ")" and "(" not in text:
        text = text[:-1]
    return _trim_quote_marks(text.strip())


def _trim_quote_marks(text: str) -> str:
    """A single quote mark or apostrophe at an edge with no partner inside goes ("'British people have …")."""
    if text[:1] in "'\u2018\u2019" and not CLOSING.search(text[1:]):
        text = text[1:].lstrip()
    if text[-1:] in "'\u2019" and text[-2:-1].lower() != "s" and not OPENING.search(text[:-1]):
        text = text[:-1].rstrip()
    return text


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
