"""Who a cue names and through what: the cue's subject as written (`speaker_mention`, with its appositions) and the
channel a statement went through (`channel`: "told Defense News", "in an interview with Tidewater Radio").
A mention the parse cut inside a hyphened name or after a short title's stop is made whole (`whole_mention`: reported
speech uses it too); a conjunction between a quote and the cue after it is no source ('“…”, but refused …': the
subject of the verb it joins, or nobody).

Read by the quote steps (frames.py, continuations.py, quotes.py: step 1 of the order of work in
claimgraph/attribution/__init__.py's docstring) and by reported speech (step 2); turning a mention into an identity
is the speakers step's (speakers/, step 4). Among the quote modules it depends on marks.py only.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimgraph.attribution.found import cue_subject, trim
from claimgraph.attribution.marks import CLOSE, OPEN
from claimgraph.attribution.speaker_types import ABBREVIATED

PERCEIVED = {"hear", "overhear", "see", "film", "record", "catch", "videotape", "tape"}
# Subjects that name nobody who could have said the words ("it read: …", "which told …").
NOT_SPEAKERS = {"it", "this", "that", "there", "which", "what", "who", "these", "those", "they"}
# Ranks and titles written short before a name ('," Cumbria Sgt. Gill Cherry told …'), whose full stop the tokenizer
# splits off: that stop ends no sentence. speaker_types.ABBREVIATED holds those the speakers step spells out as a
# role ("sgt" -> "sergeant"); `whole_mention` widens a mention only over those.
SHORT_TITLES = {"sgt", "lt", "col", "capt", "cpl", "cmdr", "cdr", "maj", "gen", "adm", "brig", "pvt", "pfc", "spc",
                "det", "insp", "supt", "const", "sen", "rep", "gov", "prof", "rev", "atty"}


def after_short_title(doc: Doc, stop: Token) -> bool:
    """The full stop of a short title before a name or a number ("Sgt. Gill Cherry", "Sgt. 1st Class …")."""
    if stop.text != "." or stop.i == 0 or stop.i + 1 >= len(doc) \
            or stop.idx != doc[stop.i - 1].idx + len(doc[stop.i - 1]):
        return False
    following = doc[stop.i + 1]
    return doc[stop.i - 1].lower_ in SHORT_TITLES and (following.is_title or following.text[:1].isdigit())


HYPHENS = {"-", "‐", "‑"}
# Coordinators that join the cue to a verb before the quote ('…”, but refused …'): they name nobody.
COORDINATORS = {"and", "but", "so", "nor", "or", "yet"}
TITLE_WORD_POS = {"NOUN", "PROPN", "ADJ", "DET", "NUM"}


def _glued(left: Token, right: Token) -> bool:
    return left.idx + len(left) == right.idx


def whole_mention(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A mention the parse cut inside a name written with a hyphen ("… spokesman Muhammad al-Midana said" gave
    "Midana", '“…,” al-Bredi said' gave "al": a word after the hyphen is made whole whatever its case) or after a
    short title's full stop ("police spokesman Sgt. Ivo Marr said" gave "Ivo Marr"; "Sgt. 1st Class Ivo Marr" is the
    roles' to mend): the words before the cut that describe it, back to the first word that neither modifies nor is
    modified by the words kept. Any other mention is returned as it is."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return start, end
    kept = {t.i for t in span}
    first, crossed = span[0].i, False
    i = first - 1
    while i >= 0 and first - i < 12:
        token = doc[i]
        if token.text in HYPHENS and i >= 1 and _glued(doc[i - 1], token) and _glued(token, doc[i + 1]) \
                and doc[i - 1].is_alpha and doc[i + 1].is_title and i + 1 == first:  # a name's, not "e-mail"
            first, crossed = i - 1, True
        elif after_short_title(doc, token) and i + 1 == first and doc[i - 1].lower_ in ABBREVIATED \
                and i >= 2 and doc[i - 2].is_lower and not any(t.tag_ == "POS" for t in span):
            # the title with its stop, after a role noun ("police spokesman Sgt."); not one the speakers step
            # cannot read ("Brig. Gen. …" would be named "Brig"), nor one after a body's name ("Velmora SPCA Insp."
            # became one organisation), nor before someone's relative ("Cpl. Cirillo's aunt" is no corporal)
            first, crossed = i - 1, True
        elif token.pos_ in TITLE_WORD_POS and i + 1 == first and (
                token.head.i in kept or any(doc[k].head.i == i for k in kept)):
            first = i
        else:
            break
        kept.update(range(first, span[0].i))
        i = first - 1
    last = span[-1].i
    while last + 2 < len(doc) and doc[last + 1].text in HYPHENS and _glued(doc[last], doc[last + 1]) \
            and _glued(doc[last + 1], doc[last + 2]) and doc[last].is_alpha and doc[last + 2].is_alpha:
        last, crossed = last + 2, True  # '“…,” al-Jabbouri said' cut to "al", "according to e-mails" to "e"
    if not crossed:
        return start, end
    return doc[first].idx, max(end, doc[last].idx + len(doc[last]))


def speaker_mention(doc: Doc, cue: Token, after: int | None = None) -> Span | None:
    """The cue's subject as written, with its appositions ("Eric Pahon, a spokesman at the Pentagon")."""
    subjects = [c for c in cue.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects and cue.i + 1 < len(doc) and doc[cue.i + 1].lower_ == cue.lower_:
        subjects = [c for c in doc[cue.i + 1].children if c.dep_ == "nsubj"]
    if not subjects and cue.dep_ == "xcomp" and cue.head.lemma_.lower() in PERCEIVED:
        # '“…,” the man could be heard saying': the one heard (or seen, filmed) saying it, not the hearer
        subjects = [c for c in cue.head.children if c.dep_ == "nsubjpass"]
    if not subjects and (cue.dep_ in {"advcl", "conj", "xcomp", "pcomp"}
                         or cue.dep_ == "acl" and cue.tag_ == "VBG" and after is None):
        # "…, adding: “…”": the subject of the verb it hangs from; "released a statement saying “…”": the releaser
        # (a participle after a quote hangs on a noun of the sentence that goes on: "…,” crediting the crew, who
        # posted photos of the car mentioning a prank")
        climbed, _ = cue_subject(cue)
        subjects = [climbed] if climbed is not None else []
    parsed = subjects
    if after is not None:
        # A subject inside the quote is the parse reading the quote as the clause ('“The first I heard …,” said
        # King'): the speaker is named after the closing mark.
        subjects = [s for s in subjects if s.idx >= after]
    if subjects:
        return _subject_mention(doc, subjects[0])
    if after is None:
        return _name_right_before(doc, cue)
    # "…,” said Mara Vell, the mayor." with no parse link: the words between the mark and the cue, or after it.
    between = doc.char_span(after, cue.idx, alignment_mode="contract")
    words = [t for t in between if t.is_alpha] if between is not None else []
    if words and all(t.text in COORDINATORS for t in words):  # not the surname in '“…,” So said'
        # '… told the Gazette that “…”, but refused to …': the cue is joined to a verb before the quote, whose
        # subject says it; a subject inside the quote is the parse's misreading ('Dorn dismissed it: “We have
        # no …” and calling on …', the cue hung on "have"): the nearest verb above the cue with a subject before
        # the quote; else nobody is named.
        before_quote = [s for s in parsed if s.idx < after and _opening_mark_between(doc, s, after)]
        subject = before_quote[0] if before_quote else _subject_above_quote(doc, cue, after)
        return _subject_mention(doc, subject) if subject is not None else None
    if words:
        start, end = trim(doc, between.start_char, between.end_char)
        return doc.char_span(start, end, alignment_mode="expand")
    sent_end = cue.sent.end_char
    rest = doc.char_span(cue.idx + len(cue), sent_end, alignment_mode="contract")
    if rest is not None and len(rest):
        start, end = trim(doc, rest.start_char, rest.end_char)
        return doc.char_span(start, end, alignment_mode="expand") if end > start else None
    return None


def _subject_mention(doc: Doc, subject: Token) -> Span | None:
    chars = span_chars(subject)
    if chars is None:
        return None  # a subject of quote marks alone ("Reyes’ » denied"): nobody is named
    start, end = whole_mention(doc, *trim(doc, *chars))
    return doc.char_span(start, end, alignment_mode="expand")


def _subject_above_quote(doc: Doc, cue: Token, closing: int) -> Token | None:
    """The subject of the nearest verb above the cue whose subject stands before the quote ending at `closing`."""
    verb = cue
    for _ in range(6):
        if verb.head.i == verb.i:
            return None
        verb = verb.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.idx < closing and _opening_mark_between(doc, subject, closing):
            return subject
    return None


def _opening_mark_between(doc: Doc, subject: Token, closing: int) -> bool:
    """Whether a quotation opens after the subject and before the closing mark ending at `closing`: the subject
    stands before the quote, not inside it."""
    for token in doc[subject.i + 1:]:
        if token.idx + len(token) >= closing:
            return False
        if token.text in OPEN:
            return True
    return False


def _name_right_before(doc: Doc, cue: Token) -> Span | None:
    """'… Rep. Paul Ryan (R-WI) said “…”' where the parse gave the cue no subject: the name of a person or body
    that ends right before it (a bracketed party and state between them aside)."""
    i = cue.i - 1
    if i >= 0 and doc[i].text == ")":
        while i >= 0 and doc[i].text != "(" and cue.i - i < 8:
            i -= 1
        i -= 1
    if i < 0 or doc[i].ent_type_ not in {"PERSON", "ORG"}:
        return None
    ent = next((e for e in doc.ents if e.start <= i < e.end), None)
    return ent if ent is not None and ent.end == i + 1 else None


def span_chars(token: Token) -> tuple[int, int] | None:
    tokens = list(token.subtree)
    # A subject's subtree can swallow a following quote when the parse is off; stop at a quote mark.
    kept = [t for t in tokens if t.text not in OPEN and t.text not in CLOSE]
    contiguous = [t for t in kept if abs(t.i - token.i) <= 25]
    # '“…,” Vell, the mayor, said': the comma before the closing mark hangs on the subject too.
    while len(contiguous) > 1 and contiguous[0].is_punct and contiguous[0].i < token.i:
        contiguous = contiguous[1:]
    if not contiguous:
        return None  # the subject and all it holds are quote marks (found by the fuzz test)
    return contiguous[0].idx, contiguous[-1].idx + len(contiguous[-1])


def channel(doc: Doc, cue: Token) -> list[str]:
    """The channel a statement went through: "told Defense News", "in an interview with Tidewater Radio"."""
    via: list[str] = []
    cues = [cue] + ([doc[cue.i + 1]] if cue.i + 1 < len(doc) and doc[cue.i + 1].lower_ == cue.lower_ else [])
    for c in cues:
        if c.lemma_ in {"tell", "write"}:
            for child in c.children:
                if child.dep_ in {"dobj", "dative"} and child.pos_ in {"PROPN", "NOUN"}:
                    via.append(_np_text(child))
        for prep in c.children:
            if prep.dep_ == "prep" and prep.lower_ in {"in", "during"}:
                for pobj in prep.children:
                    if pobj.lemma_ in {"interview", "statement", "post", "tweet", "broadcast"}:
                        for p2 in pobj.children:
                            if p2.dep_ == "prep" and p2.lower_ in {"with", "on", "to"}:
                                via += [_np_text(o) for o in p2.children if o.dep_ == "pobj"]
    return via


def _np_text(token: Token) -> str:
    words = [t for t in token.subtree if t.dep_ not in {"det", "punct"} or t.i > token.i]
    text = " ".join(t.text for t in words if not t.is_punct)
    return text
