"""Which words a cue verb reports (`content_of`): its clausal complement ("said that …"), for cues that take one its
object ("denied the report"), a that-clause the parser hung below a phrase or a noun ("said at a rally that …",
"has hinted before that …"), an instruction's clause, "warned of …", "described as …", an answer ("said yes"), and
the clause around a parenthetical cue ("The plan, Graham said, is dead"). It decides where a content starts and
which of the parse's nodes it is; `bounds` then decides where it stops."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimgraph.attribution.cues import cue_for
from claimgraph.attribution.found import doc_text, inverted_subject, subtree_span, trim
from claimgraph.attribution.marks import CLOSE
from claimgraph.attribution.reported.common import DIRECTIVE, EVIDENCE, SUBJECTS, after_dateline, too_short


def parenthetical(doc: Doc, cue: Token) -> list[tuple[int, int]]:
    """'The plan, Graham said, is dead.': the cue hangs in the clause it reports; the clause minus the cue is said.
    A trailing frame ("…, the Tarnville Courier reports.") leaves out only its own words: the clause the parser
    hung below it, before the comma, is part of what it reports."""
    frame = trailing_frame(cue)
    if frame is None:
        cue_part, first = {t.i for t in cue.subtree}, cue.left_edge.i
        clause = [t for t in cue.head.subtree if t.i not in cue_part and not t.is_space]
    else:
        # the whole sentence before it, wherever the parser hung the frame: "25 were killed … and five civilians
        # were killed …, residents said", "a forum posted a message …, claiming …, the Tarn Monitor reported"
        cue_part, first = set(range(frame.i, cue.right_edge.i + 1)), frame.i
        clause = [t for t in cue.sent if t.i < first and not t.is_space]
    spans = []
    for part in ([t for t in clause if t.i < first], [t for t in clause if t.i > cue.right_edge.i]):
        if any(t.is_alpha for t in part):
            start, end = trim(doc, part[0].idx, part[-1].idx + len(part[-1]))
            if end > start:
                spans.append(after_dateline(doc, (start, end)))  # "TOKYO — …, the Courier reported."
    return spans


def parenthetical_cue(token: Token) -> bool:
    """'…, reported Northgate News.', '…, Vell said.' parsed as a complement: a cue after a comma, with nothing
    of its own after it but its subject. So too the same inverted cue parsed as a conjunct of the verb before
    ("Parents demand to know why, reported the Daily Harbinger.") and a trailing frame with its subject before it
    ("…, the Tarnville Courier reports.": `trailing_frame`)."""
    if token.i == 0 or token.i <= token.head.i or cue_for(token) is None:
        return False
    if trailing_frame(token) is not None:
        return True
    if token.doc[token.i - 1].text != ",":
        return False
    if token.dep_ == "conj":
        return inverted_subject(token) is not None
    return (token.dep_ == "ccomp" and not any(c.dep_ in {"ccomp", "mark"} for c in token.children)
            and not any(c.dep_ in {"nsubj", "nsubjpass"} and c.i < token.i for c in token.children))


# What may follow a trailing frame's verb in its own words: when it reported ("…, the Courier reported on Monday").
FRAME_TAIL_ENTS = {"DATE", "TIME"}
# Frame verbs whose object is the one told, not what was said: "…, one official told the Courier."
TELLING = {"tell"}


def trailing_frame(token: Token) -> Token | None:
    """The comma that opens a trailing frame, or None: 'Residents reported hearing a boom, the Tarnville Courier
    reports.', 'Vell said the pier will close, the Courier reports.' A finite cue whose subject follows a comma,
    hung on a verb before it (the parser's complement or conjunct), with nothing after it but when it spoke, whom
    it told and the sentence's end, is the writer's sourcing of the clause before: not part of that clause's
    content (FNC-1 design bodies: "…, the Associated Press reports" read as what residents reported; "…, the Metro
    has reported.", "…, one official told CNN." read as reporting only the last clause)."""
    doc = token.doc
    # finite, or a perfect ("…, the Tarn Metro has reported.", which the parser tags as a participle)
    finite = token.tag_ in {"VBD", "VBZ", "VBP"} or token.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in token.children)
    if token.dep_ not in {"ccomp", "conj"} or token.i <= token.head.i or not finite:
        return None
    subject = next((c for c in token.children if c.dep_ == "nsubj" and c.i < token.i), None)
    if subject is None or subject.left_edge.i == 0 or doc[subject.left_edge.i - 1].text != ",":
        return None
    if any(t.dep_ not in {"advmod", "aux"} for t in doc[subject.right_edge.i + 1:token.i]):
        return None  # "…, the Courier also reports", "…, the Courier has reported"; not a clause between
    # the one told ("…, one official told the Courier", "… told reporters on Monday") is the frame's own too
    told = {t.i for c in token.children if c.dep_ in {"dobj", "dative"} and c.i > token.i
            and token.lemma_.lower() in TELLING for t in c.subtree}
    after = [t for t in token.subtree if t.i > token.i and not t.is_punct and not t.is_space and t.i not in told]
    if any(t.ent_type_ not in FRAME_TAIL_ENTS and not (t.dep_ == "prep" and t.lower_ in {"on", "in"}) for t in after):
        return None
    end = token.right_edge.i + 1
    if end < len(doc) and not (doc[end].is_space or doc[end].text in {".", "!", "?"}):
        return None  # the sentence goes on after it: not a frame closing it
    return doc[subject.left_edge.i - 1]


# "declined to comment": cues whose content is the speech act withheld (a short infinitive PolNeAR annotates).
# "refused to …" was right 10 of 15 times on PolNeAR train, "declined to …" 43 of 48.
DECLINING = {"decline"}
WITHHELD = {"comment", "discuss", "elaborate", "answer", "respond", "speak", "specify", "address", "talk",
            "confirm", "identify", "name", "disclose", "provide", "detail", "explain", "reply"}


def _first_own(own: set[int], obj: Token) -> int:
    """Where the cue's own conjunct or "by" phrase starts after its object ("announced a resignation … and then
    persuaded …"): the object content stops there, and the sentence's final period, which hangs on the cue, does
    not carry it past the conjunct."""
    cue = obj.head
    # A passive cue's "by" phrase after the object is its source, not what was said ('has been called “rubbish”
    # by Brand's publicist': FNC-1 design, the content held its source).
    agents = [c.i for c in cue.children if c.dep_ == "agent" and c.i > obj.i]
    # A verb in the cue's own tense ("announced … and then persuaded"), or a cue ("called X Y and said …"); not a
    # verb the parser took out of the object ("touted her proposals to invest …, expand … and enable …") or a noun
    # ("questioned Trump's values and his readiness").
    acts = [c for c in cue.children if c.dep_ == "conj" and c.i > obj.i and c.pos_ == "VERB" and (
        c.tag_ == cue.tag_ or cue_for(c) is not None)]
    if not acts:
        return min(agents, default=10 ** 9)
    cc = [c.i for c in cue.children if c.dep_ == "cc" and obj.i < c.i < acts[0].i]
    return min([acts[0].left_edge.i, *cc, *agents])


def _before_occasion(cue: Token, obj: Token, stop: int) -> int:
    """Where an object content stops before a phrase of when or where it was said, hung on the cue after the object
    ("criticized the board during a debate", "praised the plan at a rally"): the speaker's occasion, not what was
    said (`_occasion`). Not where fewer than MIN_CONTENT_WORDS words of the object would be left ("revealed the
    truce at the close of a meeting"): a span a phrase too long is better than a statement dropped."""
    first = min((c.left_edge.i for c in cue.children if obj.right_edge.i < c.i < stop and _occasion(c)), default=stop)
    if first >= stop:
        return stop
    last = cue.doc[first - 1]
    return stop if too_short(cue.doc, (obj.left_edge.idx, last.idx + len(last))) else first


# Prepositions that, hung on the cue after its object, say when it was said ("criticized the board during a debate");
# "at" and "on" only with an occasion (`OCCASIONS`, `MEDIA`): "praised the plan at a rally", "blamed Vell on
# Twitter". Left out, as PolNeAR's contents hold them as often as not (train, object contents cut before them:
# "in" 3 matched more and 13 fewer, "after" 2 and 4, "through" 2 and 2, "because"/"when"/"while" clauses 0 and 7,
# a bare date 0 and 2); nor "on" a date, which as often dates the thing said ("announced his candidacy for the
# elections on Feb. 14": FNC-1 check bodies, 3 of 5 such cuts wrong).
WHEN_PREPOSITIONS = {"during", "before"}
PLACE_PREPOSITIONS = {"at", "on"}
# Where words go out: "in a tweet", "on Twitter", "on the condition of anonymity", "on the campaign trail".
MEDIA = {"tweet", "twitter", "facebook", "instagram", "page", "post", "statement", "letter", "video", "release",
         "trail", "condition", "occasion", "occasions", "website", "blog", "column", "remarks", "address"}


def _occasion(child: Token) -> bool:
    """Whether `child`, a word hung on the cue after its object, opens a phrase of when or where it was said
    (`WHEN_PREPOSITIONS`, `PLACE_PREPOSITIONS`, a clause of "before")."""
    if child.dep_ == "prep":
        if child.lower_ in WHEN_PREPOSITIONS:
            return True
        if child.lower_ not in PLACE_PREPOSITIONS:
            return False
        nouns = [g for g in child.children if g.dep_ == "pobj"]
        # "at the start of his speech", "on the eve of the convention": the occasion is the "of" phrase's noun
        nouns += [p for n in nouns for c in n.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in c.children if p.dep_ == "pobj"]
        return any(n.lemma_.lower() in OCCASIONS or n.lemma_.lower() in MEDIA for n in nouns)
    if child.dep_ == "advcl":
        first = child.left_edge
        return first.lower_ in WHEN_PREPOSITIONS and first.dep_ in {"mark", "advmod"}
    return False


RELATIVES = {"what", "which", "whom", "who"}


def _described_as(doc: Doc, cue: Token) -> tuple[int, int] | None:
    """'the marchers, whom he described as “peaceful,”', 'what Marr described as a “piece of history”': the
    relative object stands before the verb, its description after it; PolNeAR marks the whole relative clause,
    from the relative word to the end of the "as" phrase."""
    if cue.lemma_.lower() != "describe":
        return None
    relative = next((c for c in cue.children if c.dep_ == "dobj" and c.i < cue.i and c.lower_ in RELATIVES), None)
    phrase = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > cue.i
                   and any(g.dep_ in {"pobj", "pcomp", "amod", "acomp"} for g in c.children)), None)
    if relative is None or phrase is None:
        return None
    last = [t for t in phrase.subtree if not t.is_space][-1]
    return _extend_over_quote(doc, *trim(doc, relative.idx, last.idx + len(last)), keep_period_in_quote=True)


# Words that join a clause to the next and cannot end a content: "denied that the absence is health-related and
# a state official said …" leaves the "and" in the first clause's subtree when the parser hangs the second clause
# on the cue.
JOINING = {"and", "but", "or", "nor", "yet"}


def content_of(doc: Doc, cue: Token, lexeme) -> tuple[int, int] | None:
    """The words `cue` reports (`_parsed_content`), less a joining word left dangling at their end ("confirmed the
    house belongs to Marlow but", "refused to let go and")."""
    content = _parsed_content(doc, cue, lexeme)
    if content is None:
        return None
    span = doc.char_span(*content, alignment_mode="expand")
    if span is None or len(span) < 2:
        return content
    last = len(span) - 1
    while last > 0 and (span[last].is_punct and span[last].text in {",", ";"} or span[last].lower_ in JOINING
                        and span[last].dep_ == "cc"):
        last -= 1
    if last == len(span) - 1:
        return content
    cut = trim(doc, content[0], span[last].idx + len(span[last]))
    # not where the cut leaves too few words to keep ("refused to comment but …"): a span a word too long is
    # better than a statement dropped
    return cut if cut[1] > cut[0] and not too_short(doc, cut) else content


def _parsed_content(doc: Doc, cue: Token, lexeme) -> tuple[int, int] | None:
    # A reporting verb after a comma is a parenthetical of its own ("declared an emergency, reported Northgate
    # News"), not the content of this cue; a trailing frame ("said there was a link, the Courier reports") holds
    # below it the clause this cue reports.
    complements, framed = [], []
    for c in cue.children:
        if c.dep_ != "ccomp" or _clause_past_aside(cue, c):
            continue
        if trailing_frame(c) is not None:
            framed = [g for g in c.children if g.dep_ == "ccomp" and g.i < c.i]
            complements += framed
        elif not parenthetical_cue(c):
            complements.append(c)
    if parenthetical_cue(cue):
        return None  # what it reports is the clause it hangs from (`parenthetical`)
    if not complements and lexeme.takes in {"clause", "both"}:
        complements = [g for c in cue.children if c.dep_ == "advcl" for g in c.children if _clause_past_aside(c, g)]
    if not complements and lexeme.takes in {"clause", "both"}:
        # "reports that according to …, the command received …": the parser sometimes hangs a that-clause as advcl,
        # or on the addressee ("reminded residents that …").
        # A question: "asked the mayor if she …", "asked whether …".
        marks = {"that", "if", "whether"} if lexeme.lemma == "ask" else {"that"}
        complements = [c for c in cue.children if c.dep_ == "advcl" and c.i > cue.i and any(
            g.dep_ == "mark" and g.lower_ in marks for g in c.children)]
        complements += [c for o in cue.children if o.dep_ in {"dobj", "dative"} and o.i > cue.i
                        for c in o.children if c.dep_ in {"acl", "relcl", "ccomp"} and any(
                            g.dep_ == "mark" and g.lower_ == "that" and g.i == o.i + 1 for g in c.children)]
        if not complements:
            complements = _that_clause_on_phrase(cue)
        if not complements:
            complements = _that_clause_below(cue)
    if complements:
        # "In a statement released after …, Cruz said he is certain …": a fronted phrase the parser hangs on the
        # cue as a second complement is no content when a complement follows the cue.
        comp = next((c for c in complements if c.i > cue.i), complements[0])
        # The complementizer after the cue is part of the content, as PolNeAR marks it: "said that the pier …",
        # "asked whether …" (on train 2,655 of the 2,702 gold contents that follow one start with it). One before
        # the cue is not the cue's ("that", a relative pronoun read as the clause's mark).
        marks = {g.i for g in comp.children if g.dep_ == "mark" and g.lower_ in {"that", "whether", "if"}}
        skip = {i for i in marks if i < cue.i}
        # "has hinted before that …" parsed with both words as the clause's marks: "before" is not said.
        skip |= {g.i for g in comp.children if g.dep_ == "mark" and marks and g.i < min(marks) and g.i > cue.i}
        start, end = _clause_bounds(cue, comp, *subtree_span(comp, exclude=skip))
        end = max(end, _listed_clauses_end(comp, complements))
        if framed and framed[-1].i > comp.i:
            # "said that she was ready to move but … she had left, the Metro has reported": the parser hung the
            # clause's last part on the frame after it; it is still said
            end = max(end, subtree_span(framed[-1])[1])
        return _extend_over_quote(doc, *trim(doc, start, end))
    if (answer := short_answer(cue)) is not None:
        return trim(doc, *subtree_span(answer))
    if lexeme.lemma in DECLINING:
        # "declined to comment": the refusal to speak is the statement, its infinitive the content.
        return next((trim(doc, *subtree_span(c)) for c in cue.children if c.dep_ == "xcomp"
                     and c.lemma_.lower() in WITHHELD), None)
    if (demand := _demanded(doc, cue, lexeme)) is not None:
        return demand
    if (warning := _warned_of(doc, cue, lexeme)) is not None:
        return warning
    if lexeme.lemma == "call":
        # "called for an inquiry": the demand is the content.
        for prep in cue.children:
            if prep.dep_ == "prep" and prep.lower_ == "for":
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return trim(doc, *subtree_span(pobj))
    # The cue's own conjuncts ("called X Y and asserted that …") and trailing participles ("…, referring to …")
    # are not what the object content holds.
    own = {t.i for c in cue.children if c.dep_ in {"conj", "cc"} or (
        c.dep_ == "advcl" and c.tag_ == "VBG" and c.left_edge.i > 0 and cue.doc[c.left_edge.i - 1].text == ","
    ) or _clause_past_aside(cue, c) for t in c.subtree}
    if lexeme.lemma in {"call", "describe", "label", "brand"}:
        objects = [c for c in cue.children if c.dep_ in {"dobj", "oprd"} and c.i > cue.i]
        if not objects and (described := _described_as(doc, cue)) is not None:
            return described
        if objects:
            start = objects[0].left_edge.idx
            stop = _first_own(own, objects[0])
            end = max((t.idx + len(t) for t in cue.subtree if cue.i < t.i < stop and not t.is_space and t.i not in own),
                      default=objects[0].right_edge.idx + len(objects[0].right_edge))
            start, end = trim(doc, start, end)
            return _extend_over_quote(doc, start, end, keep_period_in_quote=True)
        return None
    xcomps = [c for c in cue.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}]
    if xcomps and lexeme.lemma not in DIRECTIVE and lexeme.lemma != "continue":
        if xcomps[0].left_edge.i < cue.i and _bare_infinitive(xcomps[0]):
            # "stores that Tarn Ferries plans to open", "did what they wanted to do": the infinitive's object is a
            # relative or question word before the cue, and the infinitive says little else: nothing is stated
            return None
        start, end = subtree_span(xcomps[0])
        if xcomps[0].left_edge.i < cue.i:
            # "which she plans to do primarily through …", "a secret that Tarnmart wants to be …" (its "that" read
            # as the infinitive's object): words before the cue would put the source and the cue in the content
            # (PolNeAR marks "which" and "to do primarily through …" apart, without them)
            start = doc[cue.i + 1].idx
        return trim(doc, start, end)
    if lexeme.takes in {"object", "both"} or _evidence_shows(cue):
        # An object before its verb is a parse gone wrong, not reported content.
        # A pronoun object is content only with what it is blamed or praised for: "accuses it of stealing jobs",
        # "criticized him for not doing more".
        grounds = any(c.dep_ == "prep" and c.lower_ in {"for", "of", "as", "over"} and c.i > cue.i
                      for c in cue.children)
        objects = [c for c in cue.children if c.dep_ == "dobj" and (c.pos_ != "PRON" or grounds) and c.i > cue.i]
        if objects:
            # The object and what follows it in the cue's clause: the parser often hangs the object's modifiers
            # ("openness to cooperating … to fight ISIS") on the verb instead; not the cue's own conjuncts
            # ("praised Vell and said …").
            stop = _before_occasion(cue, objects[0], _first_own(own, objects[0]))
            end = max((t.idx + len(t) for t in cue.subtree if cue.i < t.i < stop and not t.is_space and t.i not in own),
                      default=objects[0].right_edge.idx + len(objects[0].right_edge))
            return _extend_over_quote(doc, *trim(doc, objects[0].left_edge.idx, end))
    return None


# The fewest words after an infinitive whose object stands before the cue for it to state something: "which she
# plans to do primarily through a tax increase on the rich", "what many expect to be his softball interview" (PolNeAR
# marks both), not "what they wanted to do", "stores that Tarn Ferries plans to open throughout Norland".
INFINITIVE_WORDS = 3


def _bare_infinitive(verb: Token) -> bool:
    """Whether fewer than INFINITIVE_WORDS words of `verb`'s subtree follow it."""
    return sum(1 for t in verb.subtree if t.i > verb.i and t.is_alpha) < INFINITIVE_WORDS


# The relative words that may stand as a reported clause's subject before its source and cue: "which", "that"
# (WDT), "who", "whom", "what" (WP; the floor of MIN_CONTENT_WORDS is theirs, the WDT rule was set without it).
RELATIVE_TAGS = {"WDT", "WP"}


def _clause_bounds(cue: Token, comp: Token, start: int, end: int) -> tuple[int, int]:
    """The reported clause's characters, two misparses mended. "factors that earlier research suggested might
    predict …", "Oren Dask, who the harbor board said was the smugglers' envoy": the relative pronoun, taken as the
    clause's subject, stands before the source and the cue, so the content starts after the cue (a content that
    held them held its own source: FNC-1 design, 4 such; PolNeAR marks the pronoun and the predicate apart, "who
    … has been unfair to him"). Not where fewer than MIN_CONTENT_WORDS words would be left ("who he said was
    armed", WP only): a span with the pronoun is better than a statement dropped. 'argues that groups of people
    “hyperconnected” with machines are smarter': the quoted word read as the clause's verb leaves the real
    predicate a second complement of the cue, subjectless and finite, right after it; the content runs over it."""
    doc = cue.doc
    relative = comp.left_edge
    if relative.i < cue.i and relative.tag_ in RELATIVE_TAGS and cue.i + 1 < comp.right_edge.i and not (
            relative.tag_ == "WP" and too_short(doc, (doc[cue.i + 1].idx, end))):
        start = doc[cue.i + 1].idx
    # "the governor said many of the bodies at the site appeared to …": the clause's subject hung on the cue as
    # a second subject after it, while the cue has its own before it and the clause none; the content starts at
    # that subject (not without it: "appeared to have been buried" says nothing of what).
    stray = next((c for c in cue.children if c.dep_ in {"nsubj", "nsubjpass"} and cue.i < c.i < comp.left_edge.i),
                 None)
    if stray is not None and comp.i > cue.i and not any(g.dep_ in SUBJECTS for g in comp.children) and any(
            c.dep_ in SUBJECTS and c.i < cue.i for c in cue.children):
        start = min(start, stray.left_edge.idx)
    if comp.i > cue.i and not any(g.dep_ in SUBJECTS or g.dep_ == "mark" for g in comp.children):
        # "told Gawker the worst dilemma had to do with fashion", "told Time magazine the Harbor Guard were in
        # control": the clause's subject read as the cue's second object, after the one told; the content starts
        # at it (without it the content has no subject: FNC-1 design, 2 such).
        objects = [c for c in cue.children if c.dep_ in {"dobj", "dative"} and cue.i < c.i < comp.left_edge.i]
        if len(objects) > 1:
            start = min(start, objects[-1].left_edge.idx)
    ending = next((doc[c.left_edge.i - 1] for c in comp.children if c.dep_ in {"nsubj", "nsubjpass"}
                   and c.left_edge.i > cue.i + 1 and doc[c.left_edge.i - 1].tag_ == "POS"), None)
    if ending is not None and ending.head.left_edge.i > cue.i and ending.i + 1 < len(doc) and \
            doc[ending.i + 1].idx == start:
        # "told media outlet Tarnvale the sailors’ symptoms were …": the subject's possessor hung on the one told;
        # the subject does not start right after a possessive ending, it starts at its possessor
        start = ending.head.left_edge.idx
    if cue.lemma_.lower() in LISTENING:
        start = _after_listener(doc, start, end)
    start = _after_opening_aside(cue, comp, start)
    later = [c for c in cue.children if c.dep_ == "ccomp" and c.i > comp.right_edge.i
             and c.left_edge.i <= comp.right_edge.i + 2 and c.tag_ in {"VBD", "VBZ", "VBP"}
             and not any(g.dep_ in SUBJECTS for g in c.children)]
    if later and any(g.dep_ in SUBJECTS for g in comp.children):
        last = [t for t in later[0].subtree if not t.is_space][-1]
        end = max(end, last.idx + len(last))
    return start, end


def _set_off(aside: Token, closing: int) -> bool:
    """Whether a participle phrase stands between commas, the closing one at token `closing`: "…, citing unnamed
    sources, …"."""
    doc = aside.doc
    return aside.tag_ == "VBG" and aside.left_edge.i == aside.i and aside.i > 0 and doc[aside.i - 1].text == "," \
        and closing < len(doc) and doc[closing].text == ","


def _clause_past_aside(aside: Token, clause: Token) -> bool:
    """'Officials said, citing internal records, that the pier would close': the parser hangs the that-clause on the
    participle set off after the cue ("citing"), whose own words end at the comma before "that"; the clause is the
    cue's, the participle's words only the aside (FNC-1 check sample D, 2 of 100 records: the statement read as
    what was cited, or opening with the aside). Read only where the participle hangs, between commas, on a cue
    right before it, and the clause, marked by "that", starts after the aside's closing comma."""
    if aside.dep_ != "advcl" or clause.dep_ != "ccomp" or clause.left_edge.lower_ != "that" or aside.head.i > aside.i \
            or not _set_off(aside, clause.left_edge.i - 1) or cue_for(aside.head) is None:
        return False
    before = [t for t in aside.doc[aside.head.i + 1:aside.i - 1] if not t.is_space]
    return all(t.head.i == aside.head.i or t.head in before for t in before)


def _after_opening_aside(cue: Token, comp: Token, start: int) -> int:
    """'The council said Friday, citing unnamed sources, the plan had been dropped': a participle set off between
    commas opening the reported clause, right after the cue, is the writer's note of where the words came from, not
    what was said; the content starts after its closing comma (FNC-1 check sample D). Not a phrase after "that"
    ("said that, facing a deficit, the town would …"), which is the statement's own."""
    doc = cue.doc
    aside = next((c for c in comp.children if c.dep_ == "advcl" and c.left_edge.idx == start
                  and _set_off(c, c.right_edge.i + 1)), None)
    if aside is None or aside.i < cue.i or any(not (t.is_space or t.is_punct) and t.head.i != cue.i
                                               and t.head.head.i != cue.i for t in doc[cue.i + 1:aside.i]):
        return start
    after = doc[aside.right_edge.i + 2].idx if aside.right_edge.i + 2 < len(doc) else start
    return after if not too_short(doc, (after, comp.right_edge.idx + len(comp.right_edge))) else start


# What may stand between two clauses of one list the parser hung on the cue apart: "said the pier would close, the
# ferry would stop and …", "learned how they think, how they organize …".
CLAUSE_JOINERS = {",", ";", "and", "or"}


def _listed_clauses_end(comp: Token, complements: list[Token]) -> int:
    """Where a content runs to over the rest of a list of clauses ("said he had been flooded with mail, some of it
    naming Vell", "learned how they think and how they operate, how they organize …", "said that she had seen the
    letters, and that talk of a split masked …"): the parser hangs each next clause on the cue as a complement of its
    own, so the content stopped at the first comma (PolNeAR marks the list as one content). A next complement counts
    where only a comma (or a semicolon), with "and" or "or", stands between it and the clause before, and it is no
    cue of its own, nor the writer's aside (`_aside_opening`). The content's end where nothing follows so."""
    doc = comp.doc
    words = [t for t in comp.subtree if not t.is_punct and not t.is_space]
    last = words[-1] if words else comp
    end = last.idx + len(last)
    for c in sorted((c for c in complements if c.i > comp.i), key=lambda t: t.i):
        own = [t for t in c.subtree if not t.is_punct and not t.is_space]
        if not own or own[0].i <= last.i or cue_for(c) is not None or _aside_opening(own[0]):
            break
        gap = [t for t in doc[last.i + 1:own[0].i] if not t.is_space]
        if not any(t.text in {",", ";"} for t in gap) or any(t.lower_ not in CLAUSE_JOINERS for t in gap):
            break
        last = own[-1]
        end = last.idx + len(last)
    return end


# A word opening the writer's contrast with what was said: "…, however this time the number has dropped".
WRITERS_CONTRAST = {"however"}


def _aside_opening(first: Token) -> bool:
    """Whether a "complement" after a comma opens as the writer's aside, not the next clause of what was said: a
    relative clause ("…, which will hold the first primary"), a phrase summing up ("…, a swipe at the rallies": so
    `bounds._before_summing_up` cuts it where the parser hangs it on the content) or a contrast of the writer's
    (PolNeAR train: the three shapes were the three contents run on too far)."""
    return first.tag_ in RELATIVE_TAGS or first.lower_ in {"a", "an"} and first.dep_ == "det" \
        or first.lower_ in WRITERS_CONTRAST


# Cues whose first object is the one told: "told Harbor Radio the ferry …", "assured Kestrel News the pier …".
LISTENING = {"tell", "inform", "assure", "remind", "notify", "advise", "reassure", "warn", "promise"}
# Words that open a noun phrase: a name before one in the same phrase is no part of it.
PHRASE_OPENERS = {"the", "a", "an", "his", "her", "its", "their", "our", "my", "this", "these", "those"}


def _after_listener(doc: Doc, start: int, end: int) -> int:
    """'told media outlet Xendan the fighters’ symptoms were …', 'told KTRN Radio Tarnleeds the message … was lost': the
    parser hung the name of the one told on the clause's subject (or read its last word as the clause's verb), so
    the content opened with it (FNC-1 design, 2 such). A run of capitalized words at the content's start, right
    before a word that opens a noun phrase, is the listener's name: the content starts at that word."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return start
    names = 0
    # a name's words (capitalized or in capitals: "KTRN"): proper nouns, or a word of a named entity the tagger read
    # as a verb ("Tarnleeds"); not a headline's capitalized verb ("Told Harbor Board Was a Bad Idea")
    while names < len(span) - 1 and (span[names].is_title or span[names].is_upper) and \
            span[names].lower_ not in PHRASE_OPENERS and (
            span[names].tag_ in {"NNP", "NNPS"} or span[names].ent_type_ and span[names].is_alpha):
        names += 1
    if names == 0 or span[names].lower_ not in PHRASE_OPENERS or span[names].is_title:
        return start  # "Kestrel Harbor is closed", "Vell the Younger …", "The ferry": no listener before it
    return span[names].idx if not too_short(doc, (span[names].idx, end)) else start


ANSWERS = {"yes", "no", "so", "same", "otherwise"}


def short_answer(cue: Token) -> Token | None:
    """'72 percent said yes', 'half said so', 'three-quarters said the same of Vell': a short answer right after
    "say" is what was said, however few its words (polls and votes in PolNeAR)."""
    if cue.lemma_.lower() != "say" or any(c.dep_ == "ccomp" for c in cue.children):
        return None
    doc = cue.doc
    for i in (cue.i + 1, cue.i + 2):
        if i >= len(doc):
            return None
        word = doc[i]
        if word.head.i == cue.i and word.lower_ in ANSWERS and (
                word.lower_ != "same" and i == cue.i + 1 and word.dep_ in {"intj", "advmod", "dobj"}
                or word.lower_ == "same" and word.dep_ == "dobj" and doc[cue.i + 1].lower_ == "the"):
            if i + 1 < len(doc) and (word.lower_ == "so" and doc[i + 1].lower_ in {"that", "far", "much", "many"}
                                     or word.lower_ == "no" and doc[i + 1].lower_ == "to"):
                return None  # "said so far", "so that", "said no to the war" (what is refused): not an answer
            return word
    return None


def _evidence_shows(cue: Token) -> bool:
    if cue.lemma_.lower() not in {"show", "find"}:
        return False
    subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lemma_.lower() in EVIDENCE


# When or where something was said: "said for the first time that …", "argued for the second consecutive debate
# that …", "told reporters at a rally that …".
OCCASIONS = {"time", "debate", "interview", "rally", "event", "hearing", "conference", "briefing", "appearance",
             "meeting", "speech", "remarks", "session", "forum", "town", "dinner", "luncheon", "breakfast",
             "convention", "stop", "visit", "broadcast", "show", "program", "podcast", "radio", "television"}


def _that_clause_on_phrase(cue: Token) -> list[Token]:
    """'said for the first time that some emails have been located', 'told reporters on Tuesday that …': the
    parser hangs the that-clause on the phrase between the cue and it as a relative clause; "that" is no relative
    pronoun there when the clause has a subject of its own."""
    out = []
    for prep in cue.children:
        if prep.dep_ not in {"prep", "npadvmod"} or prep.i < cue.i:
            continue
        nouns = [prep] if prep.dep_ == "npadvmod" else [c for c in prep.children if c.dep_ == "pobj"]
        for noun in nouns:
            if noun.ent_type_ not in {"DATE", "TIME"} and noun.lemma_.lower() not in OCCASIONS:
                continue  # "responded to accusations that …", "says in a statement that …": another statement's
            for c in noun.children:
                first = c.left_edge
                if c.dep_ in {"relcl", "acl"} and first.lower_ == "that" and first.dep_ in {"mark", "advmod"} and any(
                        g.dep_ in {"nsubj", "nsubjpass"} and g.i != first.i for g in c.children):
                    out.append(c)
    return out


def _that_clause_below(cue: Token) -> list[Token]:
    """'has hinted before that her health suffered', 'said in a statement after the recording became public that the
    comments do not reflect …': the parser hangs the cue's that-clause on "before", or on the verb of a clause of
    time between them, which takes no that-clause of its own (no cue, no "it" subject: "after it became clear that"
    is that verb's). The clause has a subject of its own and follows the cue."""
    for child in cue.children:
        if child.i < cue.i:
            continue
        if child.dep_ == "prep" and child.lower_ in {"before", "previously"}:
            heads = [child]
        elif child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in {"after", "when", "before", "since", "once"}
                                           for g in child.children):
            subject = next((g for g in child.children if g.dep_ in {"nsubj", "nsubjpass", "expl"}), None)
            if cue_for(child) is not None or subject is None or subject.lower_ in {"it", "this", "that", "there"}:
                continue
            heads = [child]
        else:
            continue
        for head in heads:
            for c in head.children:
                first = c.left_edge
                if c.dep_ in {"pcomp", "advcl", "ccomp"} and c.i > head.i and first.lower_ == "that" and \
                        first.dep_ == "mark" and any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children):
                    return [c]
    return []


def _demanded(doc: Doc, cue: Token, lexeme) -> tuple[int, int] | None:
    """A request and whom it asks: "asked the council to reopen the pier", "urged Marr not to back down", "called on
    the board to resign" (the object and its infinitive), "is calling for the state to take a stronger role" (the
    clause after "for"). "told Marr to go home" is left out: right 7 times in 18 on PolNeAR train."""
    if lexeme.lemma not in DIRECTIVE and lexeme.lemma != "call" or lexeme.lemma == "tell" or any(
            c.dep_ == "prt" for c in cue.children):
        return None  # "urges me on to do whatever I can": spurring on, not a request
    after = [c for c in cue.children if c.i > cue.i]
    if lexeme.lemma == "call":
        for c in after:
            if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "for" and g.i == c.left_edge.i
                                         for g in c.children):
                return trim(doc, c.left_edge.idx + len(c.left_edge), c.right_edge.idx + len(c.right_edge))
        objects = [p for c in after if c.dep_ == "prep" and c.lower_ in {"on", "for"} for p in c.children
                   if p.dep_ == "pobj"]
    else:
        objects = [c for c in after if c.dep_ in {"dobj", "dative"}]
    infinitive = next((c for c in after if c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to"
                                                                       for g in c.children)), None)
    if infinitive is None or not objects or objects[0].i > infinitive.i:
        return None
    return trim(doc, objects[0].left_edge.idx, infinitive.right_edge.idx + len(infinitive.right_edge))


WARNING = {"warn", "caution"}


def _warned_of(doc: Doc, cue: Token, lexeme) -> tuple[int, int] | None:
    """'Researchers are warning of a new kind of ransomware', 'used the speech to warn against a one-size-fits-all
    approach': the danger warned of is what was said (a that-clause, where there is one, was taken before)."""
    if lexeme.lemma not in WARNING:
        return None
    prep = next((c for c in cue.children if c.dep_ == "prep" and c.i > cue.i and c.lower_ in {"of", "against", "about"}
                 and any(g.dep_ in {"pobj", "pcomp"} for g in c.children)), None)
    if prep is None:
        return None
    # An object after it is the danger's own last words, which the parser hung on the cue ("… forums and SMS
    # messages").
    words = [t for t in prep.subtree if t.i > prep.i and not t.is_space] + [
        t for c in cue.children if c.dep_ == "dobj" and c.i > prep.i for t in c.subtree if not t.is_space]
    return trim(doc, words[0].idx, max(t.idx + len(t) for t in words))


def _extend_over_quote(doc: Doc, start: int, end: int, keep_period_in_quote: bool = False) -> tuple[int, int]:
    """A content ending inside a quote ('…even "rubbish."') takes the closing mark (and its period) with it."""
    text = doc_text(doc)
    inside = text[start:end]
    opens = sum(inside.count(c) for c in "“«") + inside.count('"')
    closes = sum(inside.count(c) for c in "”»")
    unbalanced = (inside.count('"') % 2 == 1) or opens - inside.count('"') > closes
    if unbalanced or keep_period_in_quote:
        j = end
        while j < len(text) and text[j] in ".,!?" and j - end < 2:
            j += 1
        if j < len(text) and text[j] in CLOSE:
            return start, j + 1
    return start, end
