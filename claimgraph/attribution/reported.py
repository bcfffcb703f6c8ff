"""Reported speech: indirect and mixed quotes, "according to X", and cues whose words are missing.

Each cue verb of the lexicon (claimgraph/data/cues.tsv) not already taken by a direct quote is read through its
dependents: a clausal complement ("said that …") or, for cues that take one, an object ("denied the report") is
the content; the subject, or the subject of the verb it hangs from ("…, adding that …"), is the source.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimgraph.attribution.cues import classify, cue_for, is_result_not_statement
from claimgraph.attribution.found import Found, cue_subject, doc_text, mention_span, sentence_of, subtree_span, trim
from claimgraph.attribution.quotes import CLOSE, OPEN, WORD, Quote, channel

HEDGES = {"reportedly", "allegedly", "apparently", "purportedly", "supposedly"}
NEGATIONS = {"not", "n't", "never", "no"}
# Verbs that take an instruction, not a statement, in "told X to …": not attributions.
DIRECTIVE = {"tell", "ask", "order", "urge", "warn"}
MIN_CONTENT_WORDS = 3


def is_idiom(cue: Token, subject: Token | None) -> bool:
    """Cue words that report nobody: "That said, …" (a concession), "Let’s hope …" (an exhortation)."""
    if subject is None:
        return False
    if subject.lower_ == "that" and cue.lower_ == "said" and cue.i + 1 < len(cue.doc) and cue.nbor().text == ",":
        return True
    return subject.lower_ in {"'s", "’s"} and subject.head.lemma_.lower() == "let"


def _has_quote(doc: Doc, start: int, end: int) -> bool:
    return any(ch in OPEN or ch in CLOSE for ch in doc_text(doc)[start:end])


def _parenthetical(doc: Doc, cue: Token) -> list[tuple[int, int]]:
    """'The plan, Graham said, is dead.': the cue hangs in the clause it reports; the clause minus the cue is said."""
    cue_part = {t.i for t in cue.subtree}
    clause = [t for t in cue.head.subtree if t.i not in cue_part and not t.is_space]
    spans = []
    for part in ([t for t in clause if t.i < cue.left_edge.i], [t for t in clause if t.i > cue.right_edge.i]):
        if any(t.is_alpha for t in part):
            start, end = trim(doc, part[0].idx, part[-1].idx + len(part[-1]))
            if end > start:
                spans.append((start, end))
    return spans


def found_thing(cue: Token) -> bool:
    """'The tool was found on the beach', 'divers found the wreck lying on its side': finding a thing, not a
    finding. A finding is a finite clause ("the study found that the drug works", "… found there had been …") or
    a judgement ("finds the pitch compelling")."""
    if cue.lemma_.lower() not in {"find", "discover"}:
        return False
    clauses = [c for c in cue.children if c.dep_ in {"ccomp", "advcl", "xcomp", "oprd"}]
    if any(c.tag_ in {"VBD", "VBZ", "VBP", "MD"} or any(g.dep_ in {"aux", "auxpass", "mark"} for g in c.children)
           for c in clauses):
        return False
    passive = any(c.dep_ == "nsubjpass" for c in cue.children)
    # A participle complement placed somewhere ("the wreck lying on its side", "the driver slumped over the
    # wheel") is a thing found; one without a place is often a judgement the parser tags as a participle ("finds
    # the pitch compelling", which PolNeAR annotates).
    return passive and not clauses or any(c.tag_ in {"VBN", "VBG"} and any(g.dep_ == "prep" for g in c.children)
                                          for c in clauses)


PHONED = {"police", "ambulance", "office", "hotline", "lifeline", "number", "helpline", "line", "friend",
          "mother", "father", "family", "doctor", "lawyer"}


def _not_speech(cue: Token) -> bool:
    """A cue word used for something else: "called the police" (a telephone call: one object, a person, an
    organisation or a line, and no second one as in "called the claim propaganda"); "Asked why …, Vell said"
    (the one asked answers: the question is no statement of hers)."""
    lemma = cue.lemma_.lower()
    if lemma == "ask":
        return cue.tag_ == "VBN" and cue.dep_ == "advcl"
    if lemma != "call" or any(c.dep_ in {"oprd", "ccomp", "xcomp"} for c in cue.children):
        return False
    objects = [c for c in cue.children if c.dep_ == "dobj"]
    return bool(objects) and (objects[0].lemma_.lower() in PHONED or objects[0].pos_ == "PROPN"
                              or objects[0].ent_type_ in {"PERSON", "ORG", "GPE"})


def _parenthetical_cue(token: Token) -> bool:
    """'…, reported Northgate News.', '…, Vell said.' parsed as a complement: a cue after a comma, with nothing
    of its own after it but its subject."""
    return (token.dep_ == "ccomp" and token.i > token.head.i and token.i > 0 and token.doc[token.i - 1].text == ","
            and cue_for(token) is not None and not any(c.dep_ in {"ccomp", "mark"} for c in token.children))


def _content_of(doc: Doc, cue: Token, lexeme) -> tuple[int, int] | None:
    # A reporting verb after a comma is a parenthetical of its own ("declared an emergency, reported Northgate
    # News"), not the content of this cue.
    complements = [c for c in cue.children if c.dep_ == "ccomp" and not _parenthetical_cue(c)]
    if _parenthetical_cue(cue):
        return None  # what it reports is the clause it hangs from (`_parenthetical`)
    if not complements and lexeme.takes in {"clause", "both"}:
        # "reports that according to …, the command received …": the parser sometimes hangs a that-clause as advcl.
        complements = [c for c in cue.children if c.dep_ == "advcl" and c.i > cue.i and any(
            g.dep_ == "mark" and g.lower_ == "that" for g in c.children)]
    if complements:
        comp = complements[0]
        skip = {g.i for g in comp.children if g.dep_ == "mark" and g.lower_ in {"that", "whether", "if"}}
        start, end = subtree_span(comp, exclude=skip)
        return _extend_over_quote(doc, *trim(doc, start, end))
    if lexeme.lemma == "call":
        # "called for an inquiry": the demand is the content.
        for prep in cue.children:
            if prep.dep_ == "prep" and prep.lower_ == "for":
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return trim(doc, *subtree_span(pobj))
    if lexeme.lemma in {"call", "describe", "label", "brand"}:
        objects = [c for c in cue.children if c.dep_ in {"dobj", "oprd"} and c.i > cue.i]
        if objects:
            start = objects[0].left_edge.idx
            end = max((t.idx + len(t) for t in cue.subtree if t.i > cue.i and not t.is_space),
                      default=objects[0].right_edge.idx + len(objects[0].right_edge))
            start, end = trim(doc, start, end)
            return _extend_over_quote(doc, start, end, keep_period_in_quote=True)
        return None
    xcomps = [c for c in cue.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}]
    if xcomps and lexeme.lemma not in DIRECTIVE and lexeme.lemma != "continue":
        return trim(doc, *subtree_span(xcomps[0]))
    if lexeme.takes in {"object", "both"}:
        # An object before its verb is a parse gone wrong, not reported content.
        objects = [c for c in cue.children if c.dep_ == "dobj" and c.pos_ not in {"PRON"} and c.i > cue.i]
        if objects:
            # The object and what follows it in the cue's clause: the parser often hangs the object's modifiers
            # ("openness to cooperating … to fight ISIS") on the verb instead.
            end = max((t.idx + len(t) for t in cue.subtree if t.i > cue.i and not t.is_space),
                      default=objects[0].right_edge.idx + len(objects[0].right_edge))
            return _extend_over_quote(doc, *trim(doc, objects[0].left_edge.idx, end))
    return None


def _before_participle(doc: Doc, cue: Token, content: tuple[int, int] | None) -> tuple[int, int] | None:
    """Content stops where a trailing participial cue clause starts: in "criticized the plan, saying it would
    cost too much" the plan is what was criticized, and ", saying …" is its own attribution by the same source."""
    if content is None:
        return None
    start, end = content
    for token in doc.char_span(start, end, alignment_mode="expand") or ():
        if (token.i > cue.i and token.tag_ == "VBG" and token.dep_ in {"advcl", "conj", "xcomp"}
                and token.i > 0 and doc[token.i - 1].text in {",", "—", "–"} and cue_for(token) is not None):
            cut = trim(doc, start, doc[token.i - 1].idx)
            return cut if cut[1] > cut[0] else content
    return content


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


# Cues that are flagged `content_missing` when they stand without their words ("the ministry said.").
SPEECH_CUES = {"say", "tell", "note", "add", "assert", "claim", "state", "explain", "insist", "argue", "stress",
               "remark", "write", "declare", "warn", "reply", "comment"}


def _missing_content(doc: Doc, cue: Token) -> bool:
    """'the ministry said.' alone: a cue with a subject and nothing said, its sentence holding no quote."""
    sent = cue.sent
    if cue.lemma_.lower() not in SPEECH_CUES or any(c.dep_ == "neg" for c in cue.children):
        return False
    if cue.dep_ != "ROOT" or not any(c.dep_ == "nsubj" for c in cue.children):
        return False
    if any(c.dep_ in {"ccomp", "dobj", "xcomp", "advcl", "oprd", "dative"} for c in cue.children):
        return False
    if _has_quote(doc, sent.start_char, sent.end_char):
        return False
    # Only the subject, adverbials and punctuation may stand in the sentence besides the cue.
    return len([t for t in sent if t.is_alpha]) <= 8


def according_to(doc: Doc, token: Token) -> Found | None:
    """'according to X, …' and '…, according to X.': X is the source, the rest of the clause the content."""
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    head = token.head
    steps = 0
    # Climb to the clause the phrase modifies, but not past the clause a cue governs ("reports that …").
    while head.dep_ not in {"ROOT", "ccomp"} and head.head is not head and steps < 4 and not cue_for(head.head):
        head, steps = head.head, steps + 1
    phrase = {token.i, to.i} | {t.i for t in pobj.subtree}
    clause = [t for t in head.subtree if t.i not in phrase and not t.is_space]
    before = [t for t in clause if t.i < token.i]
    after = [t for t in clause if t.i > max(phrase)]
    spans = []
    for part in (before, after):
        if part and any(t.is_alpha and not t.is_stop for t in part):
            start, end = trim(doc, part[0].idx, part[-1].idx + len(part[-1]))
            if end > start:
                spans.append((start, end))
    if not spans:
        return None
    source_start, source_end = trim(doc, *subtree_span(pobj))
    return Found(kind="according_to", cue=doc[token.i:to.i + 1],
                 source=doc.char_span(source_start, source_end, alignment_mode="expand"), content=spans,
                 cue_class="report", sentence=sentence_of(doc, *spans, (token.idx, to.idx + 2)), confidence=0.85)


def _cue_flags(cue: Token, chain: list[Token]) -> list[str]:
    """'did not say' is negated; 'reportedly said', 'is said to' hedged."""
    flags = []
    if any(c.lower_ in NEGATIONS and c.dep_ == "neg" for link in chain for c in link.children):
        flags.append("negated")
    if any(c.lower_ in HEDGES for link in chain for c in link.children) or cue.dep_ == "auxpass":
        flags.append("hedged")
    return flags


def reported_speech(doc: Doc, used: set[int], quotes: list[Found], marks: list[Quote]) -> list[Found]:
    found: list[Found] = []
    quoted = [(f.content[0][0], f.content[0][1]) for f in quotes]
    # A cue inside quoted words ("'… I believe the acts were …,' she said") belongs to the quote: the quoted
    # speaker's own hedges are not separate statements (PolNeAR does not mark them).
    text = doc_text(doc)
    inside_quotes = [q.inner for q in marks if len(WORD.findall(text[q.inner[0]:q.inner[1]])) >= 6]
    for token in doc:
        if token.i in used or any(s <= token.idx < e for s, e in inside_quotes):
            continue
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            if (item := according_to(doc, token)) is not None:
                found.append(item)
            continue
        lexeme = cue_for(token)
        if lexeme is None:
            continue
        if token.i > 0 and doc[token.i - 1].lower_ == token.lower_:
            continue  # the second of a doubled word ("told told") is a typo, not a second cue
        subject, chain = cue_subject(token)
        if is_idiom(token, subject):
            continue
        if lexeme.cue_class == "think" and subject is not None and subject.lower_ in {"i", "we"}:
            continue  # "I think" hedges the speaker's own sentence; PolNeAR rarely marks it, the fixture optional
        content = _before_participle(doc, token, _content_of(doc, token, lexeme))
        extra: list[tuple[int, int]] = []
        if content is None and (token.dep_ == "parataxis" or _parenthetical_cue(token)) and lexeme.takes != "object" \
                and subject is not None:
            parts = _parenthetical(doc, token)
            if parts:
                content, extra = parts[0], parts[1:]
        flags: list[str] = []
        if content is None:
            if lexeme.cue_class == "think" or not _missing_content(doc, token):
                continue
            flags.append("content_missing")
            spans: list[tuple[int, int]] = []
        else:
            if any(qs <= content[0] and content[1] <= qe + 1 for qs, qe in quoted):
                continue  # the content is a direct quote already attributed
            if lexeme.cue_class == "think" and subject is None:
                continue
            if len(WORD.findall(doc_text(doc)[content[0]:content[1]])) < MIN_CONTENT_WORDS and not extra:
                continue  # "attacked Machado", "support Clinton": an object, rarely a statement (a quarter on dev)
            spans = [content] + extra
        flags += _cue_flags(token, chain)
        source = None
        if subject is not None:
            source = doc.char_span(*trim(doc, *mention_span(subject, token)), alignment_mode="expand")
        kind = "mixed" if spans and _has_quote(doc, *spans[0]) else "indirect"
        content_span = doc.char_span(*spans[0], alignment_mode="expand") if spans else None
        if is_result_not_statement(token, content_span) or found_thing(token) or _not_speech(token):
            continue
        found.append(Found(kind=kind, cue=doc[token.i:token.i + 1], source=source, content=spans,
                           cue_class=classify(lexeme, content_span),
                           sentence=sentence_of(doc, *(spans or [(token.idx, token.idx + len(token))])),
                           via=channel(doc, token), flags=flags,
                           confidence=0.75 if spans else 0.6))
        used.add(token.i)
    return found


__all__ = ["according_to", "cue_subject", "reported_speech"]
