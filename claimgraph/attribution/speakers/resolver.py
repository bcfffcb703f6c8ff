"""`SpeakerResolver`: one article's source mentions to identities, in text order, by steps tried in order.

Mentions come in text order. "he"/"she" go to the person last named whose first name fits; "they" to the last
group or body; "it" to the body that spoke in the last few sentences (anaphora.py); a surname, a role ("the mayor")
or a description ("the ministry", "the 48-year-old") to the one named earlier (descriptions.py); a name to a person
with role, title and affiliation, an outlet, an organisation or an anonymous source (persons.py). What the article
has named so far, and the lookups in it, are `ArticleMemory` (memory.py), which the resolver extends. What one
mention says on its own is in mentions.py, what the text around it says in nearby.py, names and roles as copy
writes them in names.py and roles.py.

`_resolve` tries its steps in order; the first that decides decides (a step returns PASS to leave the mention to
the next, None where it names nobody): a pronoun (`pronoun`), a lower-case post signer (`signed_post`), a relative
"which/who/that" (`relative`), a quantifier "some/others" (`quantified`); then, the mention stripped of a caption
and widened to a name it cuts, an account handle after a role (`_account_handle`), a name apposed after a
description (`_apposed_name`), a quantity noun "a string of" (`_counted_people`), a share "one in five"
(`_share_of_people`); last the core words to a person (`resolve_person`) or a description (`resolve_description`:
a surname, an outlet, a role, a named head `resolve_proper_name`, else a described source).
"""

from __future__ import annotations

import itertools

from spacy.tokens import Doc, Span, Token

from claimgraph.attribution.speaker_types import looks_like_full_name
from claimgraph.attribution.speakers.anaphora import pronoun, quantified, relative, signed_post
from claimgraph.attribution.speakers.descriptions import resolve_description
from claimgraph.attribution.speakers.memory import PASS, ArticleMemory, Pass
from claimgraph.attribution.speakers.mentions import (
    DETERMINERS,
    NAMED_DEPS,
    attached,
    bare_count,
    core_tokens,
    name_after_description,
    name_beside_function_word,
    name_set_off,
    no_identity,
    noun_before_clause,
    page_furniture,
    pronoun_joined,
    strip_det,
    tokens_text,
    widened_to_entity,
    without_caption,
)
from claimgraph.attribution.speakers.names import account_named_again, handle_after_role
from claimgraph.attribution.speakers.nearby import people_before
from claimgraph.attribution.speakers.persons import body_affiliation, resolve_person
from claimgraph.records import Speaker

# Shares of a group ("one in five", "21 per cent", "a third"): part of the people described just before.
SHARES = {"half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "cent", "percent"}

QUANTITY_NOUNS = {"string", "number", "handful", "couple", "series", "host", "majority", "minority", "dozen",
                  "dozens", "hundreds", "thousands", "scores", "lot", "lots", "raft", "slew", "chorus", "band"}
WH_WORDS = {"how", "what", "why", "whether", "where", "when", "whatever", "however"}


class SpeakerResolver(ArticleMemory):
    """Resolves source mentions in text order, remembering who has been named in this article."""

    def __init__(self, doc: Doc | None = None) -> None:
        super().__init__(doc)
        self.resolving: set[tuple[int, int]] = set()  # token ranges of the mentions being resolved (`_resolve`)

    def resolve(self, mention: Span) -> Speaker | None:
        speaker = self._resolve(mention)
        if speaker is not None:
            self.at[speaker.key] = mention.start_char
        return speaker

    def _resolve(self, mention: Span) -> Speaker | None:
        """`_steps`, unless a step led back to a mention being resolved: an apposed name that the entity widening
        turns into its description again (a parse of scraped fragments looped until the stack ran out; fuzz test)."""
        where = (mention.start, mention.end)
        if where in self.resolving:
            return None
        self.resolving.add(where)
        try:
            return self._steps(mention)
        finally:
            self.resolving.discard(where)

    def _steps(self, mention: Span) -> Speaker | None:
        """The cases in order, the first that decides deciding (a step returns PASS to leave it to the next): what
        a function word stands for, then the mention made the span that names, then who or what that span names."""
        text = mention.text.strip()
        if not text or not len(mention):
            return None
        first = pronoun_joined(mention)
        if first is not None:
            # "She and her aides vowed …", "he and other challengers complained": the pronoun, as the first of
            # any joined names is the speaker ("Ana Torv and Ben Maro said": Ana Torv); the core words stop at
            # the "and", leaving the pronoun alone, which named nobody (PolNeAR train: 7 such mentions without
            # a speaker).
            return self._resolve(first)
        # What a function word stands for (anaphora.py); each step in turn, while the ones before it pass.
        found = pronoun(self, mention, text, self._resolve)
        if found is PASS:
            found = signed_post(self, mention, text)
        if found is PASS:
            found = relative(mention, text, self._resolve)
        if found is PASS:
            found = quantified(self, mention, text)
        if found is not PASS:
            return found
        mention = without_caption(mention)
        if mention is None or page_furniture(mention):
            return None
        mention = noun_before_clause(widened_to_entity(mention))
        if mention[0].lower_ in WH_WORDS:
            return None  # "… to predict how much energy AI consumes": a clause, not a speaker
        root = mention.root  # the steps below read this head even where the mention gives way to a name beside it
        mention = name_beside_function_word(mention)
        for step in (self._account_handle, self._apposed_name, self._counted_people, self._share_of_people):
            found = step(mention, root, text)
            if found is not PASS:
                return found
        return self._person_or_description(mention)

    def _body_named(self, affiliation: str | None, name: str | None = None) -> str | None:
        """`body_affiliation` (persons.py) over this article's memory, for callers that hold the resolver."""
        return body_affiliation(self, affiliation, name)

    def _account_handle(self, mention: Span, root: Token, text: str) -> Speaker | None | Pass:
        """'Twitter user MAbiga6 replies': the account's handle is the person (`handle_after_role`), and so is the
        handle in lower case named again alone (`account_named_again`); else PASS."""
        handle = handle_after_role(root)
        if handle is not None:
            return self.remember(Speaker(handle[0], "person", handle[1]), text)
        again = account_named_again(self.known, text)
        if again is not None:
            return self.remember(again, text)
        return PASS

    def _apposed_name(self, mention: Span, root: Token, text: str) -> Speaker | None | Pass:
        """A name set after a description inside the mention (`name_after_description`), or set off by a comma at
        its end (`name_set_off`), is resolved in its place; else PASS."""
        apposed = name_after_description(root)
        if apposed is not None and apposed.right_edge.i < mention.end:
            return self._resolve(mention.doc[apposed.left_edge.i:apposed.right_edge.i + 1])
        set_off = name_set_off(mention, root)  # "A member of the council, Ivo Marr": the name, not "member"
        if set_off is not None:
            return self._resolve(set_off)
        return PASS

    def _counted_people(self, mention: Span, root: Token, text: str) -> Speaker | None | Pass:
        """A quantity noun ("a string of", "a number of"): the people it counts, or with no "of" the people just
        described (`_counted_before`); PASS for any other head."""
        if root.lower_ in QUANTITY_NOUNS:
            # "a string of Tory MPs", "a number of residents": the people counted speak, not the count.
            of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            counted = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if counted is not None and counted.right_edge.i < mention.end:
                return self._resolve(mention.doc[counted.left_edge.i:counted.i + 1])
            if bare_count(root):
                return self._counted_before(mention, text)
        return PASS

    def _share_of_people(self, mention: Span, root: Token, text: str) -> Speaker | None | Pass:
        """A number or share with no "of" ("one in five", "21 per cent"): part of the people just described; PASS
        where none were, so that the mention is read as any description."""
        if (root.pos_ == "NUM" or root.lower_ in SHARES) and not any(c.dep_ == "prep" and c.lower_ == "of" for c in
                                                                      root.children):
            # "Only one in five (21 per cent) thought …" after "68 per cent of people believed …": a share of the
            # people just described, an anonymous source of this article ("one in five people"); nobody where no
            # group of people was described.
            people = people_before(mention)
            words = list(itertools.takewhile(lambda t: not t.is_punct, mention))
            share = [t.text for t in words if t.pos_ == "NUM" or t.lower_ in SHARES | {"in", "out", "of", "per", "a"}]
            if people is not None and share:
                of = " of " if share[-1].lower() in SHARES else " "  # "73 percent of registered voters"
                return self.remember(Speaker(f"{' '.join(share)}{of}{people.name}", "anonymous"), text)
            # Else as any description ("Twelve percent indicated …": anonymous), or nobody ("one in five").
        return PASS

    def _counted_before(self, mention: Span, text: str) -> Speaker | None:
        """'A growing number are touting …' with no 'of': the people just described are counted ("AI
        researchers"), or nobody (a count is never an identity; the source span stays)."""
        people = people_before(mention)
        return self.remember(people, text) if people is not None else None

    def _person_or_description(self, mention: Span) -> Speaker | None:
        """The mention's core words: the person it names (`resolve_person`), else what it describes
        (`resolve_description`)."""
        core = core_tokens(mention)
        if no_identity(core):
            return self._name_like_function_word(mention, core)
        alias = tokens_text(core)
        named = [t for t in core_tokens(mention, NAMED_DEPS)]
        every = self.ents if self.doc is not None else list(mention.ents)  # Span.ents rebuilds the Doc's: read once
        ents = [e for e in every if named and named[0].i <= e.start and e.end <= named[-1].i + 1]
        person = self._person_named(mention, core, ents)
        if person is not None:
            if not core[0].i <= person.start < core[-1].i + 1:
                alias = person.text  # "A spokesman, Eric Pahon, said": the name is the mention of him
            return resolve_person(self, mention, person, ents, alias)
        return resolve_description(self, mention, core, ents, alias)

    def _name_like_function_word(self, mention: Span, core: list[Token]) -> Speaker | None:
        """An acronym spelt like a function word ("the WHO said"): the body the recogniser names in capitals; else
        None, as for any function word."""
        words = [t for t in core if not t.is_punct and t.lower_ not in DETERMINERS]
        if len(words) == 1 and words[0].is_alpha and len(words[0]) > 1 and words[0].text.isupper() \
                and words[0].ent_type_ == "ORG":
            return self.remember(Speaker(words[0].text, "organization"), tokens_text(core))
        return None

    def _person_named(self, mention: Span, core: list[Token], ents: list[Span]) -> Span | None:
        """The person's name among the mention's entities that the mention is about, or None."""
        # A plural head ("Tory MPs") is a group, whatever the entity recogniser says; a name after a preposition
        # or a possessive is not the speaker ("a spokesperson for OpenAI", "Vell's lawyer"), nor one the article
        # shows to be an organisation.
        people = [e for e in ents if e.label_ == "PERSON" and (
                  e.root.tag_ not in {"NNS", "NNPS"} or looks_like_full_name(strip_det(e.text)))
                  and not attached(e, mention.root) and self.type_of(strip_det(e.text)) != "organization"]
        # The name the mention is about first ("Harbor Lights supporter Ilse Marr": Ilse Marr).
        return next((e for e in people if e.start <= mention.root.i < e.end), None) or next(
            (e for e in people if e.start >= core[0].i and e.end <= core[-1].i + 1), None) or next(iter(people), None)
