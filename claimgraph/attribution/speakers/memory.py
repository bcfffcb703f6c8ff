"""`ArticleMemory`: who one article has named so far, and the lookups the resolver's steps make in it.

Each identity is remembered in order of last mention with the aliases the text used (`remember`); "Microsoft Corp"
and "Microsoft" are one, under the shorter name (`renamed`). The lookups: the last of some types (`latest`), one
whose name ends with a word (`by_last_word`: "Vell", "the ministry"), a body named before a mention without speaking
(`body_named_before`), a person by role (`by_role`: "the mayor"), the one anonymous source of a role
(`one_described_as`: "the abbess"), and which entities may be whom "he"/"she" points at (`may_be_person`,
`in_statement`). Also what a step returns where the case is not its own (`PASS`) and how it resolves another span
(`Resolve`). The steps themselves are in anaphora.py, descriptions.py and persons.py; resolver.py runs them.
"""

from __future__ import annotations

import enum
from collections.abc import Callable

from spacy.attrs import DEP
from spacy.tokens import Doc, Span

from claimgraph.attribution.speaker_types import TypeEvidence, first_names, person_noun
from claimgraph.attribution.speakers.mentions import is_pronoun, strip_det
from claimgraph.attribution.speakers.names import body_name, genders_said, is_outlet, same_body, surname_key
from claimgraph.attribution.speakers.roles import SAME_ROLE
from claimgraph.records import Speaker

# How far back, in characters, a source counts as just named: "it" and "they" point at one that spoke so
# recently, "others" at a group a source was just taken from, "the King" at the one named so lately.
IT_WINDOW = 600


class Pass(enum.Enum):
    """What a step of `SpeakerResolver._resolve` returns where the case is not its own: the next step decides.
    (None is a decision: the mention names nobody.)"""

    PASS = "pass"


PASS = Pass.PASS

# How a step resolves another span of the mention's text (an antecedent, a name beside it) in its place.
Resolve = Callable[[Span], Speaker | None]


class ArticleMemory:
    """Who this article has named so far, in order of last mention, with the lookups the steps make."""

    def __init__(self, doc: Doc | None = None) -> None:
        self.known: list[Speaker] = []  # in order of last mention
        self.doc = doc  # where "he" and "she" may also be someone named who has not spoken yet
        self.at: dict[str, int] = {}  # speaker key -> offset of its latest mention
        self.renamed: dict[str, str] = {}  # key -> the key of the name it took later ("Microsoft Corp" → Microsoft)
        self.ents: list[Span] = list(doc.ents) if doc is not None else []  # read once: Doc.ents builds new spans
        self.evidence = TypeEvidence(doc, self.ents) if doc is not None else None  # person or organisation
        self.genders = genders_said(self.ents)  # a surname -> the gender the article gives it ("Miss Smith")
        # One-word names set beside a person noun that the recogniser missed ("the guard, Hadvar").
        # (appositions found on the DEP column, not token by token: most tokens are none)
        appositions = (doc.to_array(DEP) == doc.vocab.strings["appos"]).nonzero()[0].tolist() if doc else []
        self.beside = [t.i for t in (doc[i] for i in appositions) if t.pos_ == "PROPN" and t.ent_type_ != "PERSON"
                       and person_noun(t.head)]
        # Where statements stand (quotes, contents: character ranges) and the cues' words (token indices), set by
        # `resolve_speakers`: a name inside a statement, or the one a cue addresses, is not whom "he"/"she" points at.
        self.reported: list[tuple[int, int]] = []
        self.cues: set[int] = set()
        self.described: dict[int, Speaker] = {}  # a "he"/"she" (token index) -> the one described it stood for

    def type_of(self, name: str) -> str | None:
        """'person' or 'organization' where the article's evidence says so (speaker_types), else None."""
        return self.evidence.type_of(name) if self.evidence is not None else None

    def remember(self, speaker: Speaker, mention: str) -> Speaker | None:
        """`speaker`, as mentioned by `mention`, made the latest named: merged with the one it is already known as
        (its aliases joined); None where it has no name."""
        if not any(ch.isalnum() for ch in speaker.name):
            return None  # no identity without a name (the "’s" of "Let’s" once made an organisation "")
        mention = mention.strip()
        # "He" is how the text points at Sean Spicer, not another name of his: a pronoun is kept as the statement's
        # source_span, never as an alias (across articles "he" would otherwise join every man's aliases).
        alias = () if is_pronoun(mention) else (mention,)
        for i, known in enumerate(self.known):
            if known.key == speaker.key or same_body(known, speaker):
                aliases = tuple(dict.fromkeys(known.aliases + alias))
                # "Microsoft Corp" and "Microsoft": the name the text uses without the suffix.
                name = min(known.name, speaker.name, key=len) if known.key != speaker.key else known.name
                merged = Speaker(name, known.type, known.role or speaker.role,
                                 known.affiliation or speaker.affiliation, aliases)
                if merged.key != known.key:
                    self.renamed[known.key] = merged.key  # statements given the longer name take the shorter
                del self.known[i]
                self.known.append(merged)
                return merged
        speaker = Speaker(speaker.name, speaker.type, speaker.role, speaker.affiliation, alias)
        self.known.append(speaker)
        return speaker

    def latest(self, types: set[str], exclude_outlets: bool = False) -> Speaker | None:
        """The identity of one of `types` named last, or None."""
        for known in reversed(self.known):
            if known.type in types and not (exclude_outlets and known.type == "news_outlet"):
                return known
        return None

    def by_last_word(self, word: str, types: set[str]) -> Speaker | None:
        """The identity named earlier whose name ends with `word` ("Vell" → Mara Vell, "ministry" → the Ministry);
        a body also by a mention of it ("the KCNA news agency" … "the agency")."""
        for known in reversed(self.known):
            if known.type in types and known.name.split() and surname_key(known.name.split()[-1]) == surname_key(
                    word):  # "Badri" is Ali al-Badri
                return known
            if known.type in types and "person" not in types and any(
                    alias.split()[-1].lower() == word.lower() for alias in known.aliases if alias.split()):
                return known
        return None

    def body_named_before(self, word: str, mention: Span) -> Speaker | None:
        """The organisation named before `mention` (as a speaker or not) whose last word is `word`: "The Beacon"
        after "told the Velder Free Beacon"; None where there is none, or it is a person's name."""
        for ent in reversed([e for e in self.ents if e.end_char <= mention.start_char and e.label_ == "ORG"]):
            name = body_name(strip_det(ent.text))
            if len(name.split()) > 1 and name.split()[-1].lower() == word.lower() and (
                    self.type_of(name) != "person"):
                return Speaker(name, "news_outlet" if is_outlet(name) else "organization")
        return None

    def by_role(self, head: str, words: list[str] | None = None) -> Speaker | None:
        """'the mayor' after 'Mara Vell, the mayor of Port Ellis': the person named earlier with that role; every
        word of a longer role must be in theirs ("the International Trade Secretary" is not the Environment
        Secretary)."""
        wanted = {SAME_ROLE.get(w, w) for w in (words or [head.lower()])} | {SAME_ROLE.get(head.lower(), head.lower())}
        for known in reversed(self.known):
            if known.type == "person" and known.role and wanted <= {
                    SAME_ROLE.get(w, w) for w in known.role.lower().split()}:
                return known
        return None

    def one_described_as(self, head: str, title_only: bool = False) -> Speaker | None:
        """The one anonymous source of this article whose role ends with `head` ("abbess" for "the Mother Abbess";
        with `title_only`, one written as "the" and that word only, "the abbess", not a description the parse cut
        short: "A spokesperson and self-proclaimed secretary general for …"); None where there are none or several
        (two spokespeople of different bodies stay two)."""
        role = SAME_ROLE.get(head, head)
        same = [k for k in self.known if k.type == "anonymous" and k.role and SAME_ROLE.get(
            k.role.split()[-1], k.role.split()[-1]) == role and (not title_only or k.name.lower() == head and all(
                len(a.split()) == 2 and a.split()[0].lower() == "the" for a in k.aliases))]
        return same[0] if len(same) == 1 else None

    def in_statement(self, ent: Span, mention: Span) -> bool:
        """`ent` lies inside a quote or a statement's content that does not hold `mention` itself."""
        return any(a <= ent.start_char and ent.end_char <= b and not a <= mention.start_char < b
                   for a, b in self.reported)

    def may_be_person(self, ent: Span) -> bool:
        """A PERSON entity that may be who "he"/"she" points at: not a name used as a modifier ("his Ring
        camera", "the Copperfield location"), not a name the article shows to be an organisation."""
        if ent.root.dep_ in {"compound", "nmod", "amod"} and ent.root.head.pos_ == "NOUN":
            return False
        return self.may_be_named_person(strip_det(ent.text))

    def may_be_named_person(self, name: str) -> bool:
        """A name that may be a person's for "he"/"she": not one the article shows to be an organisation's, and one
        word only where it is a first name or has a title or role beside it (a surname alone has taken the full
        name already)."""
        if self.type_of(name) == "organization":
            return False
        # One word the recogniser calls a person ("Skyrim") needs more: a first name, or a title or role beside it.
        return len(name.split()) > 1 or name in first_names() or (
            self.evidence is not None and self.evidence.scores(name)[0] >= 3)
