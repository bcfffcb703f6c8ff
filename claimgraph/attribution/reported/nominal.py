"""Statements named by a noun: "Vell's claim that …", "voiced fears that …", "despite warnings that …" (`nominal`, the
class following the noun), or as the subject of "is that …" ("Vell's response was that …": `_stated_as`), praise
someone has for someone ("had praise for Moss": `praise_for`), and a cue verb the tagger read as a noun ("The new
regulations state that …": `misread_verb`)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimgraph.attribution.cues import classify
from claimgraph.attribution.found import Found, cue_subject, sentence_of, subtree_span, trim
from claimgraph.attribution.reported.common import has_quote, that_clause, too_short, under_cue, words_span

# Nouns that name a statement or a belief and take a that-clause: "Vell's claim that …", "fears that …". The
# class follows the noun (a belief is `think`, so that --speech-only leaves it out). "the fact that" is no one's;
# "the idea/notion/theory that", "allegations that", "charges that" were right less than half the time on
# PolNeAR train (no one's, or a source the sentence does not give).
NOMINAL_CUES = {"claim": "assert", "assertion": "assert", "argument": "assert",
                "contention": "assert", "insistence": "assert", "promise": "assert", "pledge": "assert",
                "vow": "assert", "accusation": "dispute", "complaint": "dispute",
                "denial": "dispute", "statement": "report", "announcement": "report", "warning": "report",
                "suggestion": "report", "prediction": "report", "report": "report", "reports": "report",
                "admission": "confirm", "acknowledgment": "confirm", "assurance": "assert", "message": "report",
                "rumor": "report", "rumour": "report", "speculation": "think", "fear": "think", "hope": "think",
                "belief": "think", "concern": "think", "worry": "think", "view": "think", "sense": "think",
                "expectation": "think", "conviction": "think", "suspicion": "think", "impression": "think",
                "perception": "think", "assumption": "think", "doubt": "dispute"}
# Nouns of an answer or a case made that name a statement only as the subject of "is that …" ("Rubio's response
# was that …", "The defense has been that …"): with a clause of their own they are as often no one's ("the point
# that …", "in response that …").
STATED_AS = {"response": "report", "answer": "report", "explanation": "report", "point": "assert",
             "defense": "assert", "defence": "assert", "message": "report", "idea": "think", "position": "assert",
             "pitch": "assert", "excuse": "assert", "reasoning": "assert", "thinking": "think"}
# Nouns of an undertaking or a demand whose content is an infinitive: "Vell's pledge to close the pier", "his call to
# ban the ferries". Only with an owner named as the possessor: "a promise to give $1 million" is no one's, "efforts
# to", "decision to", "plan to" are deeds or intentions, not statements (PolNeAR train: decision 11 of 37 marked,
# plan 5 of 34, effort 2 of 30; these 11 of 17).
PLEDGED_TO = {"promise": "assert", "pledge": "assert", "vow": "assert", "threat": "assert", "call": "report"}
# The nouns `nominal` fires on, as a lower-cased lemma or word; `reported_speech` reads the set to skip the call.
NOMINAL_WORDS = frozenset(NOMINAL_CUES) | frozenset(STATED_AS) | frozenset(PLEDGED_TO)
# Verbs whose object noun is the subject's own statement: "Vell made the claim that …", "voiced fears that …".
MAKING = {"make", "voice", "express", "repeat", "raise", "issue", "reiterate", "renew", "air", "echo", "share",
          "offer", "stand", "have", "hold", "double"}

CIRCUMSTANCE = {"despite", "amid", "amidst", "of", "over", "after", "following", "before", "since", "among", "about",
                "because", "given", "without", "against"}


def nominal(doc: Doc, token: Token) -> Found | None:
    """'Talbot's claim that the port lost money', 'officials voiced fears that the bridge would close': a
    statement or belief noun with a that-clause. The source is the possessor, a 'by'/'from' phrase, or the subject
    of a verb that makes the noun its object ("made the claim"); else none."""
    if token.pos_ == "NOUN" and token.lemma_.lower() in PLEDGED_TO and (pledge := _pledged_to(doc, token)):
        return pledge
    if token.pos_ == "NOUN" and token.lemma_.lower() == "call" and (demand := _call_for(doc, token)):
        return demand
    cue_class = NOMINAL_CUES.get(token.lemma_.lower()) or NOMINAL_CUES.get(token.lower_)
    if cue_class is None and token.pos_ == "NOUN":
        cue_class = STATED_AS.get(token.lemma_.lower()) or STATED_AS.get(token.lower_)
        if cue_class is not None:
            return _stated_as(doc, token, cue_class)
    if cue_class is None or token.pos_ != "NOUN":
        return None
    # The that-clause right after the noun ("fears that …", "claim made last week that …" is too far).
    clause = next((c for c in token.children if c.dep_ in {"acl", "ccomp", "appos"} and c.i > token.i
                   and c.pos_ in {"VERB", "AUX"} and any(g.dep_ == "mark" and g.lower_ == "that" and g.i <= token.i + 2
                                                         for g in c.children)), None)
    if clause is None:
        return _stated_as(doc, token, cue_class)
    content = that_clause(doc, clause)
    if too_short(doc, content):
        return None
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is None:
        owner = next((g for c in token.children if c.dep_ == "prep" and c.lower_ in {"by", "from"} and c.i < clause.i
                      for g in c.children if g.dep_ == "pobj"), None)
    if owner is None and token.dep_ == "dobj" and token.head.lemma_.lower() in MAKING:
        owner = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
    if owner is not None and owner.lower_ in {"it", "its", "that", "this", "which", "who"}:
        owner = None
    if owner is None and (token.dep_ == "dobj" and token.head.lemma_.lower() in MAKING or token.dep_ == "pobj"
                          and token.head.dep_ == "prep" and token.head.lower_ not in CIRCUMSTANCE):
        # "says in a statement that …", "backed away from a suggestion that …", "in hopes that …", "…, repeating
        # a false claim that …": a statement or belief noun nobody owns in its own words, in a phrase of a verb (or
        # the object of a verb of making it), is that verb's subject's; not "despite complaints that …", "amid
        # reports that …": a circumstance.
        verb = token.head.head if token.dep_ == "pobj" else token.head
        if verb.pos_ == "ADV" and verb.dep_ == "advmod":
            verb = verb.head  # "backed away from a suggestion that …"
        if verb.pos_ in {"VERB", "AUX"} and verb.i != token.i:
            owner, _ = cue_subject(verb)
            if owner is not None and owner.lower_ in {"it", "its", "this", "there"}:
                owner = None
    if owner is not None and owner.pos_ == "PRON" and owner.lower_ in {"my", "our", "i", "we"}:
        owner = None  # the writer's own: "our fear that …" is the speaker's hedge
    source = doc.char_span(*trim(doc, *subtree_span(owner)), alignment_mode="expand") if owner is not None else None
    return Found(kind="mixed" if has_quote(doc, *content) else "indirect", cue=doc[token.i:token.i + 1],
                 source=source, content=[content], cue_class=cue_class, sentence=sentence_of(doc, content),
                 confidence=0.6)


def _pledged_to(doc: Doc, token: Token) -> Found | None:
    """'Vell's pledge to close the pier', 'his repeated promise to build a ferry', 'Marr's call to ban the barges':
    an undertaking or a demand with its infinitive (the "to" included, as PolNeAR marks it) and a possessor who made
    it; the infinitive starts within three words of the noun ("Tarn's pledge last month to …"). Not the writer's
    "my" / "our", nor "its" / "whose", whose owner the words do not name."""
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is None or owner.lower_ in {"my", "our", "its", "whose"}:
        return None
    verb = next((c for c in token.children if c.dep_ in {"acl", "relcl"} and c.i > token.i and c.pos_ == "VERB"), None)
    to = next((g for g in verb.children if g.dep_ == "aux" and g.lower_ == "to"), None) if verb is not None else None
    if to is None or to.i - token.i > 3 or to.i > verb.i:
        return None
    content = words_span(doc, [t for t in verb.subtree if t.i >= to.i and not t.is_space])
    if content is None or too_short(doc, content):
        return None
    source = doc.char_span(*trim(doc, *subtree_span(owner)), alignment_mode="expand")
    return Found(kind="mixed" if has_quote(doc, *content) else "indirect", cue=doc[token.i:token.i + 1],
                 source=source, content=[content], cue_class=PLEDGED_TO[token.lemma_.lower()],
                 sentence=sentence_of(doc, content), confidence=0.6)


def _call_for(doc: Doc, token: Token) -> Found | None:
    """'Tull's call for a special prosecutor', 'Harbor Party calls for a recount', 'made an unprompted call for an
    end to the levy': a demand made, the phrase after "for" its content (the noun and "for" the cue, as PolNeAR marks
    it), and who made it named: the possessor (not "my", "our", "its", "whose"), a party or group word before the
    noun, or the subject of a verb of making it. Not a call of another kind ("wake-up call", "roll call"), nor one
    no one is said to make ("calls for a boycott grew"). PolNeAR train: 6 finds, 6 gold (inside another statement
    too: 14, 9; the outer statement's gold lost once)."""
    if any(c.dep_ == "compound" for c in token.children) or doc[token.i - 1].lower_ in {"wake", "-"} \
            or under_cue(token):
        return None  # (under a cue: "pointed to Vell's call for …" is that statement's)
    prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "for" and c.i == token.i + 1), None)
    demand = next((g for g in prep.children if g.dep_ in {"pobj", "pcomp"}), None) if prep is not None else None
    if demand is None or demand.pos_ == "PRON":
        return None
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is None:
        owner = next((c for c in token.children if c.dep_ in {"amod", "nmod"} and c.i < token.i
                      and (c.pos_ == "PROPN" or c.ent_type_ in {"NORP", "ORG"})), None)
    if owner is None and token.dep_ == "dobj" and token.head.lemma_.lower() in MAKING:
        owner, _ = cue_subject(token.head)
    if owner is None or owner.lower_ in {"my", "our", "its", "whose", "it", "this", "that", "which", "there"}:
        return None
    words = [t for t in demand.subtree if not t.is_space]
    content = words_span(doc, words)
    if content is None or len(words) < 2:
        return None
    source = doc.char_span(*trim(doc, *subtree_span(owner)), alignment_mode="expand")
    return Found(kind="mixed" if has_quote(doc, *content) else "indirect", cue=doc[token.i:prep.i + 1],
                 source=source, content=[content], cue_class="report", sentence=sentence_of(doc, content),
                 confidence=0.6)


def _stated_as(doc: Doc, token: Token, cue_class: str) -> Found | None:
    """'Their fear is that the vote comes too late', 'Rubio's response was that the code is unfair', 'The defense has
    been that the mayor never saw the contracts': a statement or belief noun as the subject of "be", whose
    that-clause is what it holds. The source is the possessor (none for "the", "one", "another"). Not the writer's
    "my" / "our", nor a "point" nobody owns; not under another cue ("aides said the message was that …": that
    statement holds it). PolNeAR train: 14 finds, 13 gold (6 of them in place of a looser find of the same gold);
    dev none; FNC-1 design bodies 1, right."""
    verb = token.head
    if token.dep_ != "nsubj" or verb.lemma_.lower() != "be" or verb.i < token.i or verb.i - token.i > 3:
        return None
    # the clause right after the copula (a comma between allowed): "is that …", "has been, that …"
    clause = next((c for c in verb.children if c.dep_ in {"ccomp", "attr", "advcl"} and c.i > verb.i
                   and c.pos_ in {"VERB", "AUX"} and any(g.dep_ == "mark" and g.lower_ == "that"
                                                         and g.i <= verb.i + 2 for g in c.children)), None)
    if clause is None or under_cue(verb):
        return None
    # the copula's words from the "that" on (kept, as `common.that_clause` keeps it): the parser hangs part of a
    # long clause on the copula ("was that Vell is, in fact, appealing to …" gives "appealing" to "was")
    that = next(g for g in clause.children if g.dep_ == "mark" and g.lower_ == "that")
    content = words_span(doc, [t for t in verb.subtree if t.i >= that.i and not t.is_space])
    if content is None or too_short(doc, content):
        return None
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is not None and owner.lower_ in {"my", "our"} or owner is None and token.lemma_.lower() == "point":
        # "My prediction is that …", "The important takeaway point is that …": the writer's own voice, no one
        # reported (FNC-1 design bodies: 2 such finds, both wrong; PolNeAR train 1, an interview's answer)
        return None
    if owner is not None and owner.lower_ in {"its", "whose"}:
        owner = None
    source = doc.char_span(*trim(doc, *subtree_span(owner)), alignment_mode="expand") if owner is not None else None
    return Found(kind="mixed" if has_quote(doc, *content) else "indirect", cue=doc[token.i:token.i + 1],
                 source=source, content=[content], cue_class=cue_class, sentence=sentence_of(doc, content),
                 confidence=0.6)


# The lower-cased lemmas `praise_for` fires on; `reported_speech` reads the set to skip the call.
PRAISE_LEMMAS = frozenset({"praise"})


def praise_for(doc: Doc, token: Token) -> Found | None:
    """'Vell has praise for the ferry crews', 'both are quick to offer praise for the harbor staff', 'had no such
    praise for Moss': praise someone has or offers is said of the one it is for, as the verb "praised" is (PolNeAR
    marks it: 4 of the 4 on train, none on dev). The source is the possessor ("Vell's praise for …") or the subject
    of the verb of having or offering it; where neither is named ("drew praise for her speech": the praised one is
    the subject) there is no find."""
    if token.lemma_.lower() not in PRAISE_LEMMAS or token.pos_ != "NOUN":
        return None
    prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "for"), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if pobj is None:
        return None
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is None:
        verb = next((a for a in token.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        if verb is not None and verb.lemma_.lower() in MAKING:
            owner, _ = cue_subject(verb)
    if owner is None or owner.lower_ in {"it", "its", "that", "this", "which", "there"}:
        return None
    content = trim(doc, *subtree_span(pobj))
    source = doc.char_span(*trim(doc, *subtree_span(owner)), alignment_mode="expand")
    return Found(kind="mixed" if has_quote(doc, *content) else "indirect", cue=doc[token.i:prep.i + 1],
                 source=source, content=[content], cue_class="assert", sentence=sentence_of(doc, content),
                 confidence=0.6)


def misread_verb(doc: Doc, token: Token) -> Found | None:
    """'The new regulations state that venues must not …': a cue verb the tagger read as a noun, heading a sentence
    that has no verb of its own, with the noun phrase before it hung on it and a that-clause after it. A
    plural noun before a bare form ("regulations state", "critics claim") or a name before an -s form ("Marlow
    Council states that") is a subject and its verb."""
    from claimgraph.attribution.cues import lexicon

    lexeme = lexicon().get(token.lemma_.lower())
    if token.dep_ != "ROOT" or token.pos_ != "NOUN" or lexeme is None or token.i == 0:
        return None
    before = doc[token.i - 1]
    if before.head.i != token.i or before.dep_ not in {"compound", "nmod", "amod", "nsubj"}:
        return None
    if not (before.tag_ in {"NNS", "NNPS"} and token.tag_ == "NN"
            or before.pos_ == "PROPN" and token.tag_ == "NNS" and token.lower_.endswith("s")):
        return None
    clause = next((c for c in token.children if c.i > token.i and c.pos_ in {"VERB", "AUX"} and any(
        g.dep_ == "mark" and g.lower_ == "that" and g.tag_ == "IN" and g.i == token.i + 1 for g in c.children)), None)
    if clause is None:
        return None
    content = that_clause(doc, clause)
    if too_short(doc, content):
        return None
    source = doc.char_span(*trim(doc, token.left_edge.idx, before.idx + len(before)), alignment_mode="expand")
    content_span = doc.char_span(*content, alignment_mode="expand")
    return Found(kind="mixed" if has_quote(doc, *content) else "indirect", cue=doc[token.i:token.i + 1],
                 source=source, content=[content], cue_class=classify(lexeme, content_span),
                 sentence=sentence_of(doc, content), confidence=0.6)
