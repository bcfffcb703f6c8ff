"""Links inside one article: restatements that share no words, and noun references to a claim.

Words alone miss that "such cooperation is already underway" (the ministry) and "according to the statement, … target
information was received" (Tass quoting the ministry) state one proposition. Inside an article the structure says
so; these rules, in this order, link statements of one article:

1. nesting: a child attribution and its parent restate the same thing (Tass <- ministry);
2. a source named by a statement noun ("according to the statement", "the announcement said") restates that
   speaker's previous statement in the article;
3. a quoted fragment of one statement ('openness … "or anyone else"') found in another's words, when it carries a
   claim or the two predicate the same thing (a name, "top secret" in a long quote, joined siblings);
4. the same speaker restating with a looser word overlap than across speakers, predicating the same thing (one
   writer's findings about one study share its words);
5. noun references ("denying the Russian assertion", "the Russian claim propaganda", "the Pentagon denials",
   "information released by the Russian Defense Ministry … accurate"): a short statement built on a claim noun is
   linked to the claim it names — the modifier ("Russian", "the ministry's", "released by …") matched against the
   speakers of the article's statements, else the statement whose source is that document ("the memo" after
   "according to a council memo"), else the most recent claim of another speaker. Only a definite or modified
   noun points back ("a report should have been filed" does not: `Reference.pointing`). It is a voice of that
   claim, not a restatement: it gives no words to grouping or to the gist;
6. elaboration: the quote that follows a reference, by the same speaker or one affiliated with it ("The Pentagon
   denied …" then "'…,' said Eric Pahon, a spokesman at the Pentagon") joins the referenced claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimgraph.claims.grouping import STOP, UnionFind, content_stems, jaccard, words
from claimgraph.claims.statement import Statement
from claimgraph.records import normalise_name

if TYPE_CHECKING:
    from claimgraph.claims.predicates import Predicates  # read lazily: it loads the semantic step's arrays

SAME_SPEAKER_THRESHOLD = 0.3
SAME_SPEAKER_MIN = 3     # … sharing at least this many stems: two ("scared", "man") are the story, not a restatement
SAME_SPEAKER_PREDICATES = True   # … and predicating the same thing (`_predicate_the_same`)
NAMED_ONLY = True        # a reference whose modifier names no speaker of the article resolves to nothing in it
MAX_OTHER_WORDS = 4      # a reference statement says little besides the claim noun and its verdict
CLAIM_NOUNS = frozenset("""assertion assertions claim claims allegation allegations statement statements report
reports reporting denial denials information account accounts announcement announcements accusation accusations
charge charges story stories version remarks comments rumor rumors rumour rumours suggestion suggestions data figures
narrative assessment findings rejection dismissal rebuttal memo memos document documents study studies survey
surveys poll polls filing filings""".split())
DETERMINERS = frozenset("the a an this that these those its their his her such".split())
# Only these point back to one claim already made. Why (issue 12, twenty-first session, the 24 real pages: of 31
# claims of several voices, 7 of the 15 sibling claims were joined by a reference; docs/claims.md, "Twenty-first
# session: claims of several voices on real pages"): an indefinite or bare claim noun that names no one introduces a
# report rather than pointing to one (a sheriff's office saying "a report should have been filed" after a shop
# owner's account; a mayor "denying merger rumors" after a columnist's remark), yet the fallback gave each the
# previous claim of another speaker (2 sibling claims of the 24 pages).
DEFINITE = DETERMINERS - {"a", "an", "such"}
BY_VERBS = frozenset("released issued published provided given made put offered presented".split())
STATEMENT_SOURCE = re.compile(r"^(?:the|a|an|this|that|its|their|his|her)?\s*(?:\w+\s)?(?:statement|announcement|"
                              r"report|communiqu[eé]|release|briefing|post|tweet|note|bulletin)s?$", re.I)
CASED_WORD = re.compile(r"[A-Za-z0-9]+(?:[.'-][A-Za-z0-9]+)*")
QUOTE_MARK = re.compile(r"[\"“”]")
# A quoted fragment joins two statements (rule 3) when it carries a claim: FRAGMENT_MIN_STEMS content stems, at
# least FRAGMENT_SHARE of the quoting statement's own (its "being ridiculous", "have been cool" is the claim) or
# FRAGMENT_MIN_WORDS words, and is no name written capitalised where it is found ("La Raza", "Ted Cruz", found in
# another statement about the association or the senator); else when the two predicate the same thing ('that "a
# bomb" had gone off' / "a bomb went off"). Quote marks are paired in order: the words between two quotes
# ('as "kind" with a "great heart"': " with a ") are not a fragment. Issue 12, session 13, multi-voice claims
# changed (siblings split : right joins lost), read by hand: the first 24 real pages 0, PolNeAR train
# 2016-07-18..31 4 : 0 ("top secret" in a long quote and Comey's findings, "la raza", "Ted Cruz", " with a "), dev
# 1 : 1 (Cruz's "pathological liar" list and his "attack my wife", with rule 4's test; "crazy system" is one stem,
# "system" a stop word: Bill Clinton's own quote left the claim that two reports of it still make).
FRAGMENT_MIN_STEMS = 2
FRAGMENT_SHARE = 0.5
FRAGMENT_MIN_WORDS = 3   # … or this many words quoted verbatim ("or anyone else", "on the up and up")
# Verdict words: they judge the claim rather than add to its words.
VERDICT = frozenset("""propaganda rubbish false untrue baseless groundless nonsense fabricated fabrication fake lie lies
misleading unfounded absurd ridiculous hoax disinformation misinformation wrong incorrect inaccurate bogus accurate true
correct confirmed credible reliable valid verified genuine authentic highly even completely totally entirely""".split())


@dataclass
class ArticleLinks:
    """What one article's rules found, as indices into its statements."""

    restate: list[tuple[int, int, str]] = field(default_factory=list)   # (i, j, rule): i and j state one proposition
    refers: dict[int, int] = field(default_factory=dict)                 # reference i -> a statement of its claim
    unresolved: dict[int, list[str]] = field(default_factory=dict)       # reference i -> its modifier words
    elaborates: dict[int, int] = field(default_factory=dict)             # statement i -> the reference it follows
    references: set[int] = field(default_factory=set)


@dataclass
class Reference:
    noun: str
    modifier: list[str]
    rest: frozenset[str] = frozenset()   # its other content words ("the ministry's figures on the leak": leak)
    pointing: bool = True   # definite ("the", "this", "its" …) or modified: it can point back to a claim
    named: bool = True      # a modifier written as a name or a possessive ("the Russian claim", "the ministry's")


def find_reference(content: str | None) -> Reference | None:
    """A claim noun heading a short statement ("the Russian claim propaganda"), with its modifier words."""
    if not content:
        return None
    cased = CASED_WORD.findall(content.replace("\u2019", "'"))
    tokens = [w.lower() for w in cased]
    for i, token in enumerate(tokens):
        if token not in CLAIM_NOUNS or (i + 1 < len(tokens) and tokens[i + 1] == "that"):
            continue
        modifier, determined, definite = [], False, False
        for k in range(i - 1, max(-1, i - 5), -1):
            prev = tokens[k]
            if prev in DETERMINERS:
                determined, definite = True, prev in DEFINITE
                break
            if prev in STOP and not prev.endswith("'s"):
                break
            modifier.append(k)
        # without a determiner only a name or a possessive is a modifier ("We consider information …")
        named = any(cased[k][0].isupper() or tokens[k].endswith("'s") for k in modifier)
        definite = definite or any(tokens[k].endswith("'s") for k in modifier)   # "the ministry's", "Reyes's"
        modifier = [tokens[k] for k in modifier if determined or cased[k][0].isupper() or tokens[k].endswith("'s")]
        after = tokens[i + 1:i + 8]
        if after and (after[0] in BY_VERBS and len(after) > 1 and after[1] in ("by", "from")
                      or after[0] in ("from", "of", "by")):
            start = 2 if after[0] in BY_VERBS else 1
            before = len(modifier)
            for k, nxt in enumerate(after[start:], start=i + 1 + start):
                if nxt in ("the",):
                    continue
                if nxt in STOP:
                    break
                # named when the phrase opens on a name ("released by the Russian Defense Ministry"), not when
                # it opens on what the claim is about ("the study of comets beyond the Kuiper belt")
                named = named or (cased[k][0].isupper() and len(modifier) == before)
                modifier.append(nxt)
        phrase = content_stems(" ".join([token, *modifier]))
        other = content_stems(content) - phrase - content_stems(" ".join(VERDICT))
        if len(other) <= MAX_OTHER_WORDS:
            return Reference(token, [m.removesuffix("'s") for m in modifier], other,
                             pointing=definite or bool(modifier), named=named)
    return None


def speaker_words(statement: Statement) -> set[str]:
    sp = statement.attribution.speaker
    if sp is None:
        return set()
    names = [sp.name, *sp.aliases, sp.affiliation or ""]
    return {w.removesuffix("'s") for n in names for w in words(n) if w not in STOP and len(w) > 2}


def modifier_matches(modifier: list[str], names: set[str]) -> bool:
    """"Russian" names the Russian Defense Ministry; "ministry's" too; "Pentagon" the Pentagon."""
    for m in modifier:
        if m in STOP or len(m) < 3:
            continue
        for n in names:
            if m == n or (len(m) >= 5 and len(n) >= 5 and m[:5] == n[:5]):
                return True
    return False


def affiliated(a: Statement, b: Statement) -> bool:
    """Same speaker, or one speaks for the other (Eric Pahon, affiliation Pentagon, for the Pentagon)."""
    sa, sb = a.attribution.speaker, b.attribution.speaker
    if sa is None or sb is None:
        return False
    if sa.key == sb.key:
        return True
    na, nb = normalise_name(sa.name), normalise_name(sb.name)
    fa = normalise_name(sa.affiliation) if sa.affiliation else None
    fb = normalise_name(sb.affiliation) if sb.affiliation else None
    return fa == nb or fb == na or (fa is not None and fa == fb)


class _Restatements:
    """Restatement links found so far inside one article, and the groups they make (for rule 6)."""

    def __init__(self, links: ArticleLinks, n: int):
        self.links = links
        self.groups = UnionFind(n)

    def add(self, i: int, j: int, rule: str) -> None:
        self.links.restate.append((i, j, rule))
        self.groups.union(i, j)

    def alone(self, i: int) -> bool:
        return self.groups.size[self.groups.find(i)] == 1


def link_article(statements: list[Statement]) -> ArticleLinks:
    """Apply the rules above to one article's statements (given in text order)."""
    links = ArticleLinks()
    restate = _Restatements(links, len(statements))
    # 5 first (detection only): references do not take part in the restatement rules.
    found = {i: find_reference(s.attribution.content) for i, s in enumerate(statements)}
    links.references = {i for i, r in found.items() if r is not None}
    plain = [i for i, s in enumerate(statements) if s.attribution.content and i not in links.references]
    _link_nested(statements, plain, restate)
    _link_statement_sources(statements, plain, restate)
    _link_quoted_fragments(statements, plain, restate)
    _link_same_speaker(statements, plain, restate)
    _resolve_references(statements, found, plain, links)
    _link_elaborations(statements, plain, restate)
    return links


def _link_nested(statements: list[Statement], plain: list[int], restate: _Restatements) -> None:
    """1. A child attribution and its parent restate the same thing (both with words, neither a reference)."""
    index = {s.id: i for i, s in enumerate(statements)}
    eligible = set(plain)
    for i, s in enumerate(statements):
        j = index.get(s.attribution.parent or "")
        if j is not None and i in eligible and j in eligible:
            restate.add(i, j, "nested")


def _link_statement_sources(statements: list[Statement], plain: list[int], restate: _Restatements) -> None:
    """2. A statement noun as the source ("according to the statement") restates the speaker's previous one."""
    for i in plain:
        mention = (statements[i].mention or "").strip()
        if mention and STATEMENT_SOURCE.match(mention):
            for j in reversed(plain[:plain.index(i)]):
                if _same_speaker(statements[i], statements[j]):
                    restate.add(i, j, "statement-source")
                    break


def _link_quoted_fragments(statements: list[Statement], plain: list[int], restate: _Restatements) -> None:
    """3. A quoted fragment of one statement found in another's words, when it carries a claim (`_telling`) or the
    two predicate the same thing ('that "a bomb" had gone off' / "a bomb went off in New York")."""
    said: dict[int, Predicates | None] = {}
    for i in plain:
        for fragment in quoted_fragments(statements[i].attribution.content or ""):
            needle = _flat(fragment)
            if len(needle.split()) < 2:
                continue
            for j in plain:
                other = statements[j].attribution.content or ""
                if j != i and f" {needle} " in f" {_flat(other)} " and \
                        (_telling(fragment, statements[i], other) or _predicate_the_same(statements, i, j, said)):
                    restate.add(i, j, "quoted-fragment")


def quoted_fragments(text: str) -> list[str]:
    """The words between each opening quote mark and its closing one, taken in pairs: the words between one quote's
    close and the next one's opening ('as "kind" with a "great heart"': " with a ") are not quoted."""
    marks = [m.start() for m in QUOTE_MARK.finditer(text)]
    pairs = zip(marks[0::2], marks[1::2])
    return [text[a + 1:b] for a, b in pairs if b - a - 1 >= 6]


def _telling(fragment: str, quoting: Statement, found_in: str) -> bool:
    """Whether a quoted fragment carries a claim: FRAGMENT_MIN_STEMS content words, or FRAGMENT_MIN_WORDS words, or
    most of the quoting statement's (FRAGMENT_SHARE); and, unless it is most of the quoting statement, no name
    written capitalised where it is found."""
    stems = content_stems(fragment)
    if len(stems) < FRAGMENT_MIN_STEMS and len(stems) < FRAGMENT_SHARE * len(quoting.stems) \
            and len(words(fragment)) < FRAGMENT_MIN_WORDS:
        return False
    return len(stems) >= FRAGMENT_SHARE * len(quoting.stems) or not _written_as_name(fragment, found_in)


def _written_as_name(fragment: str, text: str) -> bool:
    """Whether every word of the fragment is capitalised where the text holds it ("La Raza Lawyers")."""
    tokens = CASED_WORD.findall(fragment.replace("\u2019", "'"))
    if not tokens:
        return False
    found = re.search(r"\W+".join(re.escape(t) for t in tokens), text.replace("\u2019", "'"), re.I)
    return found is not None and all(w[0].isupper() or w[0].isdigit() for w in CASED_WORD.findall(found.group()))


def _link_same_speaker(statements: list[Statement], plain: list[int], restate: _Restatements) -> None:
    """4. The same speaker restating, with a looser word overlap than across speakers, and predicating the same
    thing where both parses say what they predicate (`_predicate_the_same`), unless one's words stand whole in the
    other's (`_held_whole`)."""
    said: dict[int, Predicates | None] = {}
    for a, i in enumerate(plain):
        for j in plain[a + 1:]:
            if _same_speaker(statements[i], statements[j]) and \
                    len(statements[i].stems & statements[j].stems) >= SAME_SPEAKER_MIN and \
                    jaccard(statements[i].stems, statements[j].stems) >= SAME_SPEAKER_THRESHOLD and \
                    (not SAME_SPEAKER_PREDICATES or _held_whole(statements[i], statements[j])
                     or _predicate_the_same(statements, i, j, said)):
                restate.add(i, j, "same-speaker")


def _held_whole(a: Statement, b: Statement) -> bool:
    """Whether one statement's words stand whole in the other's: the speaker's quote and the sentence that reports
    it ('"All 41 Kessel cases before the spring"' in "she would review all 41 Kessel cases before the spring"),
    whose cut-off words predicate nothing of their own."""
    flat_a, flat_b = f" {_flat(a.attribution.content or '')} ", f" {_flat(b.attribution.content or '')} "
    return flat_a in flat_b or flat_b in flat_a


def _predicate_the_same(statements: list[Statement], i: int, j: int, said: dict[int, Predicates | None]) -> bool:
    """Whether two statements predicate the same thing (claims.predicates.corresponding); True where either parse
    cannot say (claims.predicates.readable) or extraction recorded no predicates (linking parses nothing here), as
    before the test.
    For rule 4: one writer's findings share the study's words ("a group's collective intelligence was significantly
    correlated with the proportion of women" / "our new factor for groups collective intelligence"), and officials'
    "270 people have been resettled under the Central American Minors program" / "other efforts to supplement the
    Central American Minors program will be expanded". Issue 12, session 13, multi-voice claims changed (siblings
    split : right joins lost), read by hand: the first 24 real pages 1 : 0 (the writer's, 4 findings -> 3 claims),
    PolNeAR train 2016-07-18..31 1 : 0 (the officials'), dev 2 : 1 (Clinton's "self-centered message" / "strongman
    approach", Cruz's; lost: '"unhinged" a Donald Trump tweet', whose parse heads "tweet"); the rule's right joins
    ("a work horse, not a show horse") kept. SAME_SPEAKER_PREDICATES False: rule 4 without the test."""
    from claimgraph.claims.predicates import corresponding

    a, b = _readable_predicates(statements[i], i, said), _readable_predicates(statements[j], j, said)
    return a is None or b is None or corresponding(a, b)


def _readable_predicates(statement: Statement, i: int, said: dict[int, Predicates | None]) -> Predicates | None:
    """A statement's predicates as extraction recorded them, when its parse says what it predicates; else None
    (`said` keeps each statement's answer)."""
    if i not in said:
        from claimgraph.claims.predicates import readable_recorded

        said[i] = readable_recorded(statement.attribution.content or "", statement.attribution.predicates)
    return said[i]


def _resolve_references(statements: list[Statement], found: dict[int, Reference | None], plain: list[int],
                        links: ArticleLinks) -> None:
    """5. Each reference to the claim it names, in text order (it may name an earlier reference: "the Pentagon
    denials"); what no statement of the article resolves is left to linking across articles."""
    for i in sorted(links.references):
        ref = found[i]
        assert ref is not None
        if not ref.pointing:
            links.unresolved[i] = ref.modifier   # "a report should have been taken": no claim of this article
            continue
        target = _resolve(i, ref, statements, links)
        # The next statement only for a reference that names whose claim it is, or names nothing: one whose modifier
        # says only what the claim is about ("excited about the study of comets beyond the belt", "the reporting of
        # the fire was a turning point") is no dismissal of someone's claim answered by the next quote (twenty-first
        # session, the 24 real pages: 2 such references joined the speaker's next, unrelated quote).
        if (target is None and (ref.named or not ref.modifier) and i + 1 in plain
                and affiliated(statements[i], statements[i + 1])):
            # "X dismissed the ministry's claim. 'It is not leaking,' said X's spokesman." Tried and not shipped
            # (issue 12, session 13): only another, affiliated speaker's next statement. Of the claims it changed
            # (siblings split : right joins lost : arguable), the 24 real pages and PolNeAR train 2016-07-18..31 2 : 0 :
            # 1 ("the study of planets outside the Solar System" / "No exoplanets have yet been detected"), dev 1 : 2 :
            # 0 ("Pence's performance should boost Trump's poll numbers", a claim read as a reference, lost its quote).
            target = i + 1
        if target is None:
            links.unresolved[i] = ref.modifier
        else:
            links.refers[i] = target


def _link_elaborations(statements: list[Statement], plain: list[int], restate: _Restatements) -> None:
    """6. The statement right after a resolved reference, by the same or an affiliated speaker and not yet linked
    to anything, elaborates the referenced claim."""
    links = restate.links
    eligible = set(plain)
    for i, target in links.refers.items():
        j = i + 1
        if j < len(statements) and j in eligible and restate.alone(j) and affiliated(statements[i], statements[j]):
            links.elaborates[j] = i
            restate.add(j, target, "elaboration")


def _resolve(i: int, ref: Reference, statements: list[Statement], links: ArticleLinks) -> int | None:
    def settled(j: int) -> int | None:
        # a statement of a claim: itself, or for a reference the statement it refers to
        if j in links.references:
            return links.refers.get(j)
        return j if statements[j].attribution.content else None

    order = [*range(i - 1, -1, -1), *range(i + 1, len(statements))]   # preceding first, nearest first
    if ref.modifier:
        # the named speaker's statements; among them the one sharing most words with the reference, then nearest
        words_of_ref = ref.rest
        for prefer_plain in (True, False):
            best = None
            for rank, j in enumerate(order):
                if (j in links.references) == prefer_plain or j > i and j in links.references:
                    continue
                target = settled(j)
                if target is not None and modifier_matches(ref.modifier, speaker_words(statements[j])):
                    key = (len(words_of_ref & statements[target].stems), -rank)
                    if best is None or key > best[0]:
                        best = (key, target)
            if best is not None:
                return best[1]
        if NAMED_ONLY and any(m not in STOP and len(m) > 2 for m in ref.modifier):
            return None   # it names someone no statement here is by ("an IBM version"): nothing of this article
    for j in order:
        # the document that is itself a source here: "called the memo misleading" after "according to a council memo"
        if (j not in links.references and _document_nouns(ref.noun) & speaker_words(statements[j])
                and settled(j) is not None):
            return settled(j)
    for j in range(i - 1, -1, -1):
        if not _same_speaker(statements[i], statements[j]) and settled(j) is not None:
            return settled(j)
    return None


def _document_nouns(noun: str) -> set[str]:
    """The noun in both numbers, as a source may name it ("the memos" after "according to a memo")."""
    if noun.endswith("ies"):
        return {noun, noun[:-3] + "y"}
    if noun.endswith("s"):
        return {noun, noun[:-1]}
    if noun.endswith("y") and noun[-2:-1] not in set("aeiou"):
        return {noun, noun[:-1] + "ies"}
    return {noun, noun + "s"}


def _same_speaker(a: Statement, b: Statement) -> bool:
    sa, sb = a.attribution.speaker, b.attribution.speaker
    return sa is not None and sb is not None and sa.key == sb.key


def _flat(text: str) -> str:
    return " ".join(words(text))
