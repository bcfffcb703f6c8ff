"""Attributions without a cue verb's own content: evidentials and raised subjects ("X seems to …", "X is expected to …",
"is said to …"), "reportedly", what a poll or a study shows set off as an aside, "Democrats see Vell as …"
(`seen_as`, and a passive verdict: "the plan was widely criticized as …"), a stance adjective, a stance holder or a
side taken ("Vell is critical of …", "a longtime critic of …", "the union endorsed Vell": `attitude`), and "made
clear that …" (`made_clear`)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimgraph.attribution.cues import cue_for
from claimgraph.attribution.found import (
    PLACE_NOUNS,
    Found,
    agent_of,
    cue_subject,
    doc_text,
    mention_span,
    relative_antecedent,
    sentence_of,
    subtree_span,
    trim,
)
from claimgraph.attribution.marks import WORD
from claimgraph.attribution.reported.bounds import (
    before_according,
    before_contrast,
    before_participle,
    before_trailing_clause,
    within_paragraph,
)
from claimgraph.attribution.reported.common import (
    EVIDENCE,
    MIN_CONTENT_WORDS,
    SUBJECTS,
    act_stated,
    has_quote,
    that_clause,
    too_short,
    under_cue,
    words_span,
)
from claimgraph.attribution.reported.statements import undone
from claimgraph.attribution.speaker_types import ROLE_ENDS

# "X seems to …", "X appears ready": an evidential with the writer's (or nobody's) judgement, no named source.
SEEM = {"seem", "appear"}
# "X is expected to …", "X is widely assumed to be …": a passive belief verb raising its subject; the belief is
# held by people the sentence does not name (or named with "by").
RAISING = {"expect", "assume", "believe", "think", "know", "consider", "rumor", "rumour", "say", "report",
           "estimate", "predict", "project", "understand", "thought", "allege", "reckon", "deem", "fear"}
SPEECH_RAISING = {"say", "report", "allege", "rumor", "rumour"}
# Verbs whose passive with a "by" phrase names who made the subject known: "The meeting was first reported by the
# Gazette", "Her death was confirmed by the Harbor Society". Not "claim" ("the seat was claimed by …": a result).
MADE_KNOWN = {"report", "reveal", "disclose", "announce", "confirm", "publish"}
# The lower-cased lemmas `evidential` can fire on, tested first; `reported_speech` reads the same set to skip the call.
EVIDENTIAL_LEMMAS = frozenset(SEEM | RAISING | MADE_KNOWN)


def evidential(doc: Doc, token: Token) -> Found | None:
    """'The ferry seems to be late', 'the port is expected to reopen': the subject and the complement are the
    content (two spans), the verb the cue, no source unless a 'by' phrase names one ("is expected by analysts")."""
    lemma = token.lemma_.lower()
    if lemma not in EVIDENTIAL_LEMMAS:
        return None  # (before the children are read: most tokens are neither)
    passive = any(c.dep_ == "auxpass" for c in token.children)
    if passive and lemma in MADE_KNOWN and (known := _made_known_by(doc, token)) is not None:
        return known
    if not ((lemma in SEEM and token.pos_ in {"VERB", "AUX"}) or (lemma in RAISING and passive)):
        return None
    if lemma in SEEM and (it_seems := _it_seems(doc, token)) is not None:
        return it_seems
    subjects = [c for c in token.children if c.dep_ in ({"nsubjpass"} if passive else {"nsubj"})]
    # Not "it seems", "I seem to …" (the writer's hedge) or a bare relative ("that seems to offer …"): a reader gets
    # nothing from them.
    if not subjects or subjects[0].lower_ in {"it", "there", "i", "we", "you"} or subjects[0].i > token.i or (
            lemma in SEEM and subjects[0].lower_ in {"what", "that", "which", "this"}):
        return None
    # "appears to have", "seemed unperturbed", "is expected to win": an infinitive or a predicate adjective; for
    # SEEM also a state (`_seeming`).
    comps = [c for c in token.children if c.i > token.i and (
        (c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"} and any(g.dep_ == "aux" and g.lower_ == "to"
                                                                  for g in c.children))
        or (lemma in SEEM and (c.dep_ in {"oprd", "acomp"} and c.pos_ == "ADJ" or _seeming(c))))]
    if not comps or lemma in SEEM and (_seems_to_say(token, comps[0]) or _seeming_to_come(token)):
        return None
    if _asked_or_exclaimed(token, subjects[0]):
        return None
    subject = trim(doc, *subtree_span(subjects[0]))
    if token.dep_ == "relcl" and (subjects[0].lower_ == "who" or lemma in RAISING
                                  and subjects[0].lower_ in {"which", "that"}):
        # "a Scott Meadows, who appears to be the brother of …", "the fish, which was believed to be two years
        # old": the relative stands for its antecedent, whose words (before the relative clause) are the content's
        # subject ("that seems to offer …" stays refused above: a bare relative of a seeming).
        antecedent = _antecedent_span(doc, token, subjects[0])
        if antecedent is None:
            return None
        subject = antecedent
    content = _cut_as_said(doc, token, _complement_span(doc, token, comps[0]))
    if content is None or content[1] <= content[0] or subject[1] <= subject[0]:
        return None
    agent = agent_of(token)
    source = doc.char_span(*trim(doc, *subtree_span(agent)), alignment_mode="expand") if agent is not None else None
    speech = lemma in SPEECH_RAISING
    return Found(kind="indirect", cue=doc[token.i:token.i + 1], source=source, content=[subject, content],
                 cue_class="report" if speech else "think", sentence=sentence_of(doc, subject, content),
                 flags=["hedged"] if speech else [], confidence=0.6)


def _it_seems(doc: Doc, token: Token) -> Found | None:
    """'It appears that the pier will close', 'it seems the board has too few members', 'it now seems inevitable
    that Vell will run': an "it" that stands for nothing before a SEEM verb with a clause set after it. The clause
    (with its "that"), or the judgement and the clause it judges, is the content, the verb the cue, no source: how
    things look to the writer or to nobody named. Not a bare judgement ("it seems likely", the clause elsewhere)
    nor an infinitive ("it appeared to hold off the tide": the "it" may be a thing, and a reader gets nothing from
    it), a question or a condition ("whether it seems that …"). PolNeAR train: the gold no prediction touched held
    15 such clauses (10 of 17 marked in the session before)."""
    subject = next((c for c in token.children if c.dep_ in {"nsubj", "expl"} and c.i < token.i), None)
    if subject is None or subject.lower_ != "it" or _asked_or_exclaimed(token, subject):
        return None
    if token.tag_ == "VB" and not any(c.dep_ == "aux" for c in token.children):
        return None  # "made it appear as though …": what a wording made look so, no one's judgement
    after = [c for c in token.children if c.i > token.i and not c.is_punct]
    clause = next((c for c in after if c.dep_ == "ccomp" and c.pos_ in {"VERB", "AUX"} or c.dep_ == "advcl"
                   and [t.lower_ for t in c.subtree][:2] in (["as", "if"], ["as", "though"])), None)
    # "now seems inevitable that …": the judgement before the clause is part of what seems so
    start = next((c for c in after if c.dep_ in {"acomp", "oprd"} and clause is not None and c.i < clause.i), clause)
    if clause is None:
        # "seems inevitable that …", "seems a near certainty that …", "may seem surprising that …": the judgement
        # and the clause hung on it or on the verb
        judgement = next((c for c in after if c.dep_ in {"acomp", "oprd", "attr"}), None)
        if judgement is None:
            return None
        clause = next((c for c in list(judgement.children) + after if c.i > judgement.i and (
            c.dep_ == "ccomp" and c.pos_ in {"VERB", "AUX"} or c.dep_ in {"xcomp", "advcl"} and any(
                g.dep_ == "aux" and g.lower_ == "to" for g in c.children))), None)
        start = judgement
        if clause is None:
            return None
    words = [t for t in doc[start.left_edge.i:clause.right_edge.i + 1] if not t.is_space]
    while words and (words[0].is_punct or words[0].i <= token.i):
        words.pop(0)  # "It appears, though, that …": the clause opens after the verb and its asides
    content = _cut_as_said(doc, token, words_span(doc, words))
    if content is None or too_short(doc, content):
        return None
    return Found(kind="indirect", cue=doc[token.i:token.i + 1], source=None, content=[content], cue_class="think",
                 sentence=sentence_of(doc, content), confidence=0.6)


def _cut_as_said(doc: Doc, cue: Token, content: tuple[int, int] | None) -> tuple[int, int] | None:
    """What seems so or is expected stops where a reported statement's content would (`bounds`): within the cue's
    paragraph, before a trailing relative clause or a phrase summing it up, a contrast clause ("…, while …"),
    a participle cue ("…, saying …") and a trailing "according to"; the writer's words around the evidential are no
    part of what seems so."""
    cut = within_paragraph(doc, cue, content)
    cut = before_participle(doc, cue, before_trailing_clause(doc, cue, cut))
    return before_according(doc, cue, before_contrast(doc, cue, cut))


def _made_known_by(doc: Doc, token: Token) -> Found | None:
    """'The meeting was first reported by the Gazette', 'Her death was confirmed by the Harbor Society': a passive
    verb of making known with its "by" phrase (the source) and a noun subject (the content, what was reported), no
    clause of its own ("was reported by aides to be …" is `evidential`'s) and not inside another cue's words. A
    pronoun or a relative subject ("it", "which") names nothing the content could hold. PolNeAR train: 6 of 7
    such sentences marked."""
    if token.tag_ != "VBN" or under_cue(token) or any(c.dep_ in {"ccomp", "xcomp", "oprd"} for c in token.children):
        return None
    subject = next((c for c in token.children if c.dep_ == "nsubjpass" and c.i < token.i), None)
    agent = next((g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    if subject is None or agent is None or subject.pos_ not in {"NOUN", "PROPN"}:
        return None
    # the subject's words before the verb: the parser can hang a later apposition on it ("Her death was confirmed
    # by the Society, the group she founded")
    words = [t for t in subject.subtree if t.i < token.i and not t.is_space]
    content = words_span(doc, words)
    if content is None or len(WORD.findall(doc_text(doc)[content[0]:content[1]])) < 2:
        return None
    lexeme = cue_for(token)
    source = doc.char_span(*trim(doc, *subtree_span(agent)), alignment_mode="expand")
    return Found(kind="indirect", cue=doc[token.i:token.i + 1], source=source, content=[content],
                 cue_class=lexeme.cue_class if lexeme is not None else "report",
                 sentence=sentence_of(doc, content), confidence=0.6)


def _antecedent_span(doc: Doc, clause: Token, relative: Token) -> tuple[int, int] | None:
    """The words a relative subject stands for, before its clause (`clause`, the relative clause's verb): "the
    fish, which was believed …" gives "the fish". For "who" the parser often hangs the clause on a thing in the
    person's description ("the masked man with a London accent, who …", "Tam Reed, the chief of the firm Harbor
    Media, who …"): a noun that is no person, in an "of"/"with" phrase or an apposition, gives the noun above it."""
    noun = relative_antecedent(clause.head, relative)
    while relative.lower_ == "who" and noun.ent_type_ != "PERSON" and (
            noun.dep_ == "appos" or noun.dep_ == "pobj" and noun.head.head.pos_ in {"NOUN", "PROPN"} and (
                noun.head.lower_ == "with" or noun.head.lower_ == "of"
                and noun.head.head.lemma_.lower() in ROLE_ENDS)):
        # (through "of" only from a role: "the chief of the firm", not "the fate of other hostages", "the back
        # of the weather man", "a collage of pictures of the boy", whose last noun is the one meant)
        noun = noun.head if noun.dep_ == "appos" else noun.head.head
    words = [t for t in noun.subtree if t.i < clause.left_edge.i and not t.is_space]
    while words and (words[0].pos_ == "ADP" or words[0].is_punct):
        words.pop(0)  # "buzzing about 17-year-old Mo Tarr who …": the preposition is the sentence's
    return words_span(doc, words)


def _complement_span(doc: Doc, token: Token, comp: Token) -> tuple[int, int] | None:
    """The complement's words after the cue: in a relative clause the parser hangs the fronted relative word on
    the complement ("the town, where the mill is expected to close", "a home where he is expected to live"), and
    that word and the subject before it are no part of what is expected. None where the complement's object is a
    relative before the cue ("the bile that her blog seems to follow", "the barge that the board was expected to
    sell"): what is expected is done to the antecedent, which the content cannot hold."""
    if token.dep_ == "relcl" and any(c.lower_ in {"that", "which"} and c.dep_ in {"mark", "dobj"}
                                     for c in token.children if c.i < token.i):
        return None  # "the barge that the board was expected to sell": the parser hangs the object on the cue
    words = [t for t in comp.subtree if not t.is_space]
    if words and words[0].i < token.i:
        if any(t.dep_ in {"dobj", "pobj"} and t.i < token.i and t.tag_ in {"WDT", "WP"} or t.lower_ == "that"
               and t.dep_ == "dobj" and t.i < token.i for t in words):
            return None
        return words_span(doc, [t for t in words if t.i > token.i])
    return trim(doc, words[0].idx, words[-1].idx + len(words[-1]))


def _seems_to_say(token: Token, comp: Token) -> bool:
    """'Apple might have fixed the issue, one user seems to indicate.': a seeming set after what is said, over a cue
    word, is the writer's framing of that cue's statement, not a judgement of the subject (a plain "he seemed to
    indicate he knows …" PolNeAR marks: refusing every seeming over a cue word removed 31 finds on train, 20 matched,
    for 12 of the inner cue, 9 matched). The clause said is finite and ends at the comma before the subject: "…
    make that case: Campaigning in Iowa, Clinton seems to have found that …" (train) is no such clause. So narrowed,
    no find on train, 1 in FNC-1 sample A."""
    if comp.dep_ != "xcomp" or cue_for(comp) is None:
        return False
    subject = next((c for c in token.children if c.dep_ == "nsubj" and c.i < token.i), None)
    if subject is None or subject.left_edge.i < 2 or token.doc[subject.left_edge.i - 1].text != ",":
        return False
    return any(c.dep_ == "ccomp" and c.i < token.i and _finite(c) and c.right_edge.i == subject.left_edge.i - 2
               for c in token.children)


# Words that open an indirect question, an exclamation or a condition: "how excited Vell seems to be", "whether the
# pier is expected to reopen", "if the ferry seems late". Not "why": it takes its clause as true ("you can see why
# the board can seem like just another lobby" still says the board seems so).
QUESTION_WORDS = {"how", "what", "whether", "if"}


def _asked_or_exclaimed(token: Token, subject: Token) -> bool:
    """'It is striking how excited Vell seems to be about it', 'nobody knows whether the pier is expected to reopen':
    a question word opening the evidential's own clause, before its subject, makes it a question asked or a wonder
    voiced, no claim that the subject seems or is expected anything. The word hangs on the verb or on its
    complement ("how excited"), not in a clause of its own before it ("If Vell is elected, the board could be
    expected to …" still expects)."""
    return any(t.lower_ in QUESTION_WORDS and t.tag_ in {"WRB", "WP", "WDT", "IN"} and t.i < subject.left_edge.i
               and (t.head.i == token.i or t.head.head.i == token.i and t.head.dep_ in {"acomp", "oprd", "xcomp"})
               for t in token.subtree)


def _finite(verb: Token) -> bool:
    return verb.tag_ in {"VBD", "VBZ", "VBP", "MD"} or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ in {"MD", "VBD", "VBZ", "VBP"} for c in verb.children)


def _seeming_to_come(token: Token) -> bool:
    """'kinks to work out before they'll seem truly functional': a look foreseen ('will', 'would'), the writer's
    forecast, not how the thing seems to anyone now (no such find on PolNeAR train; 1 in FNC-1 sample B)."""
    return any(c.dep_ == "aux" and c.lower_ in {"will", "'ll", "\u2019ll", "would", "'d", "\u2019d"}
               for c in token.children)


def _seeming(comp: Token) -> bool:
    """What a SEEM verb says its subject seems besides an adjective: a participle ("the crew appeared rattled",
    "seemed poised to win"), a likeness ("seemed like a trap") or "as if"/"as though" ("seemed as if it would …").
    Round 8: 16 such finds on train, 11 matched gold (dev: 2 of 3)."""
    if comp.dep_ in {"oprd", "acomp", "xcomp"} and comp.tag_ == "VBN":
        return True
    if comp.dep_ == "prep" and comp.lower_ == "like":
        return True
    words = [t.lower_ for t in comp.subtree][:2]
    return comp.dep_ == "advcl" and words in (["as", "if"], ["as", "though"])


# The words (lower-cased) `reportedly` fires on; `reported_speech` reads the set to skip the call.
REPORTEDLY = frozenset({"reportedly"})


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
    content = words_span(doc, words)
    if content is None or content[1] <= content[0] \
            or len(WORD.findall(doc_text(doc)[content[0]:content[1]])) < MIN_CONTENT_WORDS + 1:
        return None
    spans = [content]
    if head.dep_ == "relcl" and subject.lower_ in {"who", "which", "that"} and len(words) > 1:
        # "The suspect, who was reportedly born in Tarn, …": what is reported is of the antecedent, whose words
        # stand before the relative clause; the relative word is left out of the content.
        antecedent = _antecedent_span(doc, head, subject)
        if antecedent is not None:
            spans = [antecedent, trim(doc, words[1].idx, words[-1].idx + len(words[-1]))]
    return Found(kind="indirect", cue=doc[token.i:token.i + 1], source=None, content=spans, cue_class="report",
                 sentence=sentence_of(doc, *spans), flags=["hedged"], confidence=0.6)


# The words (lower-cased) `evidence_aside` fires on; `reported_speech` reads the set to skip the call.
SHOWING = frozenset({"show", "shows", "showed", "found", "finds", "indicate", "indicates", "indicated"})


def evidence_aside(doc: Doc, token: Token) -> Found | None:
    """'The ferry was insured for $35 million in 2011, records show, and …', '…, fundraising documents show.',
    'During the same stretch, harbor records show, the ferry has sailed …': what records (documents, a poll) show,
    set off by commas, where the parser took "records show" for a compound noun or hung the verb on another word.
    The sentence around the aside is the content; a following clause with "and"/"but" is the writer's."""
    if token.lower_ not in SHOWING or token.i + 1 >= len(doc) or doc[token.i + 1].text not in {",", "."}:
        return None
    noun = doc[token.i - 1] if token.i > 0 else None
    if noun is None or noun.lemma_.lower() not in EVIDENCE or noun.tag_ not in {"NNS", "NN"} or (
            noun.head.i == token.i and noun.dep_ == "nsubj"
            and not (token.dep_ == "ccomp" and token.head.tag_ == "VBG")):
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
SEEING = {"see", "view", "regard", "perceive"}
# Verbs of a verdict or a portrayal whose passive with "as" gives the verdict of people the sentence may not name:
# "the rollout was widely criticized as sloppy", "the operation was billed as humanitarian" (the active voice is
# the lexicon's, or a side taken). Passive only: "Vell described the pier as unsafe" is Vell's statement. Not
# "dismiss": "was dismissed as campaign manager" is a firing (PolNeAR train: 1 of 2 right), nor "cast": "was cast
# as the lead" is a film role (FNC-1 design bodies: 1 of 1). Train: 11 finds, 9 gold (the 2 others right by a
# reader: "mocked as a script-addicted debater"); dev none; FNC-1 design bodies 2, both right.
VERDICT_AS = {"criticize", "criticise", "condemn", "denounce", "praise", "hail", "deride", "decry", "pan", "laud",
              "tout", "mock", "ridicule", "describe", "label", "brand", "bill", "characterize",
              "characterise", "portray", "paint", "attack", "blast"}
# The lower-cased lemmas `seen_as` fires on; `reported_speech` reads the set to skip the call.
REGARDING = frozenset(SEEING | VERDICT_AS)


def seen_as(doc: Doc, token: Token) -> Found | None:
    """'Voters see Vell as a uniter': the object and its "as" phrase are the content, the subject the source;
    passive 'the move was seen as a demotion', 'the rollout was widely criticized as sloppy' (VERDICT_AS): the
    passive subject and the "as" phrase (two spans), the source a 'by' phrase or none."""
    if token.lemma_.lower() not in REGARDING or token.pos_ != "VERB":
        return None
    passive = any(c.dep_ == "auxpass" for c in token.children)
    if not passive and token.lemma_.lower() not in SEEING:
        return None
    # the verdict a noun or, for a verdict verb, an adjective the parser hangs on "as" ("criticized as sloppy")
    verdicts = {"pobj", "pcomp"} | ({"amod", "acomp"} if token.lemma_.lower() not in SEEING else set())
    as_phrase = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > token.i
                      and any(g.dep_ in verdicts for g in c.children)), None)
    if as_phrase is None or under_cue(token):
        return None  # "told aides that he viewed Sanders as a threat": an opinion inside a statement
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
    return Found(kind="mixed" if has_quote(doc, content[0][0], content[-1][1]) else "indirect",
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


# Verbs of taking a side, whose object is the side taken: "the union endorsed Vell", "Marr opposes the levy",
# "most voters prefer Talbot" (PolNeAR marks the object as what the subject holds; right 113 of 144 times on train,
# 9 of 12 on dev). Not "favor", "embrace", "welcome", "champion", "echo": right half the time or less on train (a
# couple welcomes a baby, a tone echoes a campaign).
SIDING = {"endorse", "oppose", "prefer"}
# Verbs of taking a side that as often say something else ("a budget supports a scheme", "would back a winner",
# "attack the problem"): read only where the clause states the side taken (`side_stated`). Right 136 of 209
# such finds on train, 15 of 19 on dev (round 8); most misses are sides PolNeAR did not mark.
BACKING = {"support", "back", "defend", "attack"}
THINGS = {"it", "this", "that", "which", "what"}
# BACKING verbs that are as often deeds of force ("gunmen attacked an army patrol", "troops defended the town"): no
# side is taken where the object is a place or a thing (TARGETS), or for "attack" people met in the flesh (VICTIMS;
# "defended the officers" is as often said in words). FNC-1 design bodies: 7 of 7 "attack" finds were assaults on
# a mall, a town, a patrol, schools or a woman. A side stays where the object is a name, a view or a deed
# ("attacked Vell", "attacked the levy", "defended her position").
FORCE = {"attack", "defend"}
TARGETS = PLACE_NOUNS | {
    "mall", "base", "camp", "convoy", "embassy", "consulate", "compound", "checkpoint", "station", "outpost",
    "barracks", "airport", "bridge", "ship", "boat", "vessel", "tanker", "bus", "train", "car", "truck", "vehicle",
    "plane", "aircraft", "helicopter", "drone", "tank", "border", "mosque", "temple", "synagogue", "college",
    "university", "restaurant", "hotel", "bank", "factory", "plant", "facility", "headquarters", "stronghold"}
VICTIMS = {"patrol", "troop", "soldier", "army", "police", "policeman", "officer", "guard", "civilian", "tourist",
           "passenger", "pedestrian", "worker", "woman", "man", "girl", "boy", "child", "people", "victim",
           "student", "resident", "villager", "family", "crowd", "protester"}
# A phrase of a BACKING verb after the side that PolNeAR keeps with it: "defended Vell as a moderate", "attacked
# Marr for the levy", "defended the plan against critics" (not for SIDING: "endorsed Vell for mayor" marks "Vell").
SIDE_PHRASES = {"as", "for", "against", "over"}
# The lower-cased lemmas `attitude` can fire on (a stance adjective, a holder, a verb of taking a side), tested
# first; `reported_speech` reads the same set to skip the call.
ATTITUDE_LEMMAS = frozenset(ATTITUDES | HOLDERS | SIDING | BACKING)


def side_stated(token: Token, side: Token) -> bool:
    """'The union backed Vell', 'a group backing Marr': a side taken, not one that might be ("would back", "to
    support", the bare form), is refused ("did not back") or is a pronoun whose side the sentence does not name
    ("backed her": PolNeAR marked a fifth of those)."""
    return side.pos_ in {"NOUN", "PROPN"} and act_stated(token)


def _met_by_force(lemma: str, side: Token) -> bool:
    """'attacked the mall', 'attacked an army patrol', 'attacking the largely Kurdish town', 'defended the city':
    the object of a FORCE verb is a building or a place (by the recogniser's type or its head noun, TARGETS) or,
    attacked, people met in the flesh (VICTIMS), so the deed is an assault or a defence, no side taken. A named
    country ("attacked Pellmark") is left a side: leaders attack countries in words as often as armies in arms."""
    noun = side.lemma_.lower()
    return side.ent_type_ in {"FAC", "LOC"} or noun in TARGETS or lemma == "attack" and noun in VICTIMS


def _side_span(doc: Doc, token: Token, side: Token) -> tuple[int, int] | None:
    """The side's words: its subtree, and for a BACKING verb its SIDE_PHRASES phrase, less a relative clause or
    apposition set off by a comma at its end ("Vell, who …", "Marr, the mayor": PolNeAR stops at the name; a cue in
    that clause is a statement of its own)."""
    phrases = [c for c in token.children if c.dep_ == "prep" and c.lower_ in SIDE_PHRASES and c.i > side.i
               and token.lemma_.lower() in BACKING]
    # an infinitive the parser hung on the verb after a side that is a thing belongs to the thing: "supports the
    # amendments to expand the ferry service", "defended his call to raise the harbor wage" (PolNeAR train: 5 more
    # matched); after a person it is what the person is backed for ("endorsed him to help spread the word")
    if side.pos_ == "NOUN":
        phrases += [c for c in token.children if c.dep_ in {"xcomp", "advcl"} and c.i > side.right_edge.i
                    and c.left_edge.lower_ == "to" and c.left_edge.dep_ == "aux"]
    words = [t for top in [side] + phrases for t in top.subtree]
    aside = {t.i for w in words if w.dep_ in {"relcl", "appos"} and w.left_edge.i > 0
             and doc[w.left_edge.i - 1].text == "," for t in w.subtree}
    words = [t for t in words if t.i not in aside and not t.is_space]
    # A cue heading a phrase inside the side ("defended his stance of … by citing a poll") is a statement of its
    # own: the side stops before the phrase (not "people accused of fraud": a modifier).
    cue = next((t for t in side.subtree if t.i > side.i and t.dep_ == "pcomp" and cue_for(t) is not None), None)
    if cue is not None:
        words = [t for t in words if t.i < cue.head.i] or words[:1]
    return words_span(doc, words)


def taken_side(doc: Doc, token: Token) -> Found | None:
    """'The union endorsed Vell for mayor', 'Marr opposes the harbor levy', 'a group backing Vell': a verb of
    taking a side (SIDING, or BACKING where the side is stated), active, with a subject and an object; the object
    is the content, the subject the source. Not inside another cue's words ("said the union had endorsed …": that
    statement holds it)."""
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB" or lemma not in SIDING and lemma not in BACKING:
        return None
    if any(c.dep_ == "auxpass" for c in token.children) or under_cue(token):
        return None
    side = next((c for c in token.children if c.dep_ == "dobj" and c.i > token.i), None)
    if side is None or side.lower_ in THINGS:
        return None  # "opposes it": a side the sentence does not say
    if lemma in BACKING and not side_stated(token, side) or lemma in FORCE and _met_by_force(lemma, side):
        return None
    subject, _ = cue_subject(token)
    if subject is None:
        return None
    content = _side_span(doc, token, side)
    if content is None:
        return None
    return _stance(doc, token, subject, token, content, "dispute" if lemma in {"oppose", "attack"} else "assert")


def attitude(doc: Doc, token: Token) -> Found | None:
    """'Vell has been critical of the harbor plan', 'Marr is confident that the ferry will run': a predicate
    adjective of stance with a person's subject; the that-clause or the of/about phrase is the content. A verb of
    taking a side is a stance too (`taken_side`)."""
    if token.lemma_.lower() not in ATTITUDE_LEMMAS:
        return None
    if token.pos_ == "VERB":
        return taken_side(doc, token)
    holder = token.pos_ == "NOUN" and token.dep_ == "attr" and token.lemma_.lower() in HOLDERS
    if not holder and (token.lemma_.lower() not in ATTITUDES or token.pos_ != "ADJ"
                       or token.dep_ not in {"acomp", "oprd"}) or token.head.lemma_.lower() not in COPULAS:
        return None
    verb = token.head
    if under_cue(verb):
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
        content = that_clause(doc, clause)
    else:
        prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in ATTITUDE_PREPS and c.i > token.i),
                    None)
        obj = next((g for g in prep.children if g.dep_ in {"pobj", "pcomp"}), None) if prep is not None else None
        if obj is None:
            return None
        content = trim(doc, *subtree_span(obj))
    return _stance(doc, token, subject, verb, content, "think")


def _stance(doc: Doc, cue: Token, subject: Token, verb: Token, content: tuple[int, int],
            cue_class: str) -> Found | None:
    """The find of a stance (`taken_side`, `attitude`): `cue` the word of stance, `subject` its holder (its mention
    as `mention_span` draws it from `verb`), `content` the character span held; None where that span is empty."""
    if content[1] <= content[0]:
        return None
    source = doc.char_span(*trim(doc, *mention_span(subject, verb)), alignment_mode="expand")
    return Found(kind="mixed" if has_quote(doc, *content) else "indirect", cue=doc[cue.i:cue.i + 1],
                 source=source, content=[content], cue_class=cue_class, sentence=sentence_of(doc, content),
                 confidence=0.6)


# The lower-cased lemmas `made_clear` fires on; `reported_speech` reads the set to skip the call.
MADE_CLEAR_LEMMAS = frozenset({"make"})


def made_clear(doc: Doc, token: Token) -> Found | None:
    """'Vell made clear that she will run', 'has made it clear that …', 'made the case that …', 'made the point
    that …': the clause after "clear" (or the noun) is what the subject of "make" said."""
    if token.lemma_.lower() not in MADE_CLEAR_LEMMAS or token.pos_ not in {"VERB", "AUX"} or undone(token):
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
    # A that-clause ("made the case that …", "made it clear to the council that …"), its "that" kept as a
    # reported clause's (`common.that_clause`), or a clause right after "clear" ("made clear he will run"); not a
    # clause of time or contrast ("made a good case for her, while …").
    if not (tokens and tokens[0].lower_ == "that" and tokens[0].i <= said.i + 8) and not (
            said.lower_ == "clear" and tokens and tokens[0].i == said.i + 1 and tokens[0].dep_ != "mark"):
        return None
    content = trim(doc, tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
    if too_short(doc, content):
        return None
    subject, _ = cue_subject(token)
    if subject is None or subject.lower_ in {"it", "this", "that", "there"}:
        return None
    source = doc.char_span(*trim(doc, *mention_span(subject, token)), alignment_mode="expand")
    return Found(kind="mixed" if has_quote(doc, *content) else "indirect", cue=doc[token.i:token.i + 1],
                 source=source, content=[content], cue_class="assert", sentence=sentence_of(doc, content),
                 confidence=0.6)
