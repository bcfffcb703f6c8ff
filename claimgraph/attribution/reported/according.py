"""Sources named by a phrase, not by a verb: "according to X" (`according_to`, with an inner speaker the parser hung on
the source), "in a Harbor Institute poll, …" and "in Vell's view" (`in_source`), and a title line "Vell: Ferry fares
will rise" (`title_line`; "The Latest: …" is none) or "Vell Slams Ferry Levy" (`headline`); a transcript's line
"Vell: …" in the body (`speaker_lines`)."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import takewhile

from spacy.tokens import Doc, Token

from claimgraph.attribution.cues import cue_for, is_result_not_statement
from claimgraph.attribution.found import Found, doc_text, sentence_of, subtree_span, trim
from claimgraph.attribution.marks import WORD
from claimgraph.attribution.reported.bounds import before_participle
from claimgraph.attribution.reported.common import MIN_CONTENT_WORDS, after_dateline, has_quote, paragraph_below
from claimgraph.attribution.reported.evidential import made_clear


def _inner_speaker(doc: Doc, pobj: Token, verb: Token) -> Token | None:
    """'According to a blog post for InfoAmazonia, Brazil's space institute predicts that …': the parser hangs the
    inner speaker on the source as an apposition and leaves the verb after it without a subject; the apposition is
    that verb's subject, not part of the source (realweb round 3)."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.i < pobj.i or any(
            c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in verb.children):
        return None
    return next((t for t in pobj.subtree if t.dep_ == "appos" and t.right_edge.i + 1 == verb.i
                 and doc[t.left_edge.i - 1].text == ","), None)


def _paragraph_below(doc: Doc, pobj: Token) -> tuple[int, int] | None:
    """'According to the Gazette's Ilse Marr:' closing its paragraph: the paragraph below (a block quote, or a
    paragraph opening with the quotation) is what the source says, as for a speech cue ending in a colon
    (`missing.next_paragraph`; FNC-1 sample B: one such block quote missed)."""
    last = max((t.i for t in pobj.subtree if not (t.is_punct or t.is_space)), default=None)
    if last is None:
        return None  # a source of punctuation alone ("according to »"): nothing to read below
    colon = doc[last + 1] if last + 1 < len(doc) else None
    if colon is None or colon.text != ":":
        return None
    below = paragraph_below(doc, colon)
    text = doc_text(doc)
    if below is None or text[below[0]] == "<":
        return None  # markup below is no statement
    content = trim(doc, *below)
    words = len(WORD.findall(text[content[0]:content[1]]))
    return content if content[1] > content[0] and words > MIN_CONTENT_WORDS else None


def _describes_source(after: list[Token], phrase_end: int, head: Token) -> bool:
    """'…, according to an interview his sister gave to Harbor Radio', '…, according to Ada Brenn, writing for the
    Ledger', "That's according to filings through March 3 that the campaign is submitting": the words after the
    source that the parser hung on the clause, not on the source, are the source's own description (a relative
    clause without its 'that', a participle set off after the name closing the sentence), not what was said. The
    clause's own verb is never among them ("According to the Gazette the board will meet"), and words set off by a
    comma that are no participle carry the clause on ("The board, according to the Gazette, will meet")."""
    words = [t for t in after if not t.is_punct]
    if not words or any(t.i == head.i for t in after):
        return False
    if after[0].i == phrase_end + 1 and not after[0].is_punct:
        return True  # straight on from the source, no comma between
    participle = words[0]
    return after[0].text == "," and participle.tag_ in {"VBG", "VBN"} and participle.head.i == head.i \
        and not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in participle.children) \
        and all(t.i in {s.i for s in participle.subtree} for t in words)


def _part_said(doc: Doc, phrase: Token, part: list[Token]) -> tuple[int, int] | None:
    """The characters of the clause's words on one side of a source phrase (`phrase`, its first word), or None where
    punctuation alone stands there. They stop where reported speech's would: before a participle cue of their own
    ("…, suggesting …"), an attribution of its own by the same source. Nor do they hold the dateline that opens
    the paragraph ("PORT ELLIS (AP) — …, according to …": `common.after_dateline`, which the cues' contents had and
    this phrase's lacked; PolNeAR train, 3 such contents)."""
    start, end = trim(doc, part[0].idx, part[-1].idx + len(part[-1]))
    return before_participle(doc, phrase, after_dateline(doc, (start, end))) if end > start else None


# The word `according_to` is asked of ("according", before "to"), and `in_source`'s ("in", a preposition):
# `reported_speech` tests them.
ACCORDING_WORDS = frozenset({"according"})
IN_WORDS = frozenset({"in"})


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
    # Climb to the clause the phrase modifies, but not past the clause a cue governs ("reports that …"), nor past a
    # conjunct clause the phrase opens ("…, but according to the report the chip will come from Harbor Labs": the
    # report says the second clause, not the writer's first; a conjunct with its own subject, not in '"…," according
    # to a Ledger feature about him', where the parser made "feature" a verb).
    while head.dep_ not in {"ROOT", "ccomp"} and head.head is not head and steps < 4 and not cue_for(head.head) \
            and not (head.dep_ == "conj" and head.left_edge.i == token.i and any(
                c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in head.children)):
        head, steps = head.head, steps + 1
    phrase = {token.i, to.i} | {t.i for t in pobj.subtree}
    source_tail: list[Token] = []  # words of the source the parser hung elsewhere
    inner = _inner_speaker(doc, pobj, token.head)
    if inner is not None:
        phrase -= {t.i for t in inner.subtree} | {inner.left_edge.i - 1}
    clause = [t for t in head.subtree if t.i not in phrase and not t.is_space]
    before = [t for t in clause if t.i < token.i]
    after = [t for t in clause if t.i > max(phrase)]
    if not before and head.dep_ == "conj" and token.i > 0 and doc[token.i - 1].text == "," and after \
            and after[0].i == max(phrase) + 1 and not after[0].is_punct:
        # "Tarn was on the ferry, according to an interview his sister gave to Harbor Radio": the source's
        # relative clause read as a conjunct of the sentence, the phrase hung on it; the sentence before is what
        # the interview says, and the relative clause is the source's.
        phrase |= {t.i for t in after}
        source_tail = [t for t in after if not t.is_punct]
        head = head.head
        clause = [t for t in head.subtree if t.i not in phrase and not t.is_space]
        before = [t for t in clause if t.i < token.i]
        after = [t for t in clause if t.i > max(phrase)]
    if _describes_source(after, max(phrase), head):
        after = []
    spans = [said for part in (before, after) if part and any(t.is_alpha and not t.is_stop for t in part)
             and (said := _part_said(doc, token, part)) is not None]
    if not spans:
        below = _paragraph_below(doc, pobj)
        if below is None:
            return None
        spans = [below]
    source_start, source_end = trim(doc, *subtree_span(pobj))
    if source_tail:
        source_end = source_tail[-1].idx + len(source_tail[-1])
    if inner is not None:
        source_start, source_end = trim(doc, source_start, doc[inner.left_edge.i - 1].idx)
    return Found(kind="according_to", cue=doc[token.i:to.i + 1],
                 source=doc.char_span(source_start, source_end, alignment_mode="expand"), content=spans,
                 cue_class="report", sentence=sentence_of(doc, *spans, (token.idx, to.idx + 2)), confidence=0.85)


# "In the new Harbor Institute poll, 40 percent back Vell": a document the clause comes from, read like
# "according to".
IN_SOURCES = {"poll", "survey", "statement", "study", "report", "interview", "letter", "memo", "post", "tweet",
              "filing", "analysis", "release", "speech", "editorial", "column", "op-ed", "essay", "words",
              "remarks", "testimony", "lawsuit", "complaint", "ruling", "opinion", "indictment", "affidavit"}

VIEWS = {"view", "eyes", "estimation", "judgment", "judgement", "opinion", "mind", "telling", "words"}


def in_source(doc: Doc, token: Token) -> Found | None:
    """'In a Harbor Institute poll, Vell leads by six points': the clause the phrase modifies is what the poll
    (or statement, letter, interview …) says. Not where the clause has a cue of its own ("In a statement, the
    ministry said …": that cue is the attribution)."""
    pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
    head = token.head
    # "In Vell's view, …", "…, in their eyes": someone's view, wherever the phrase stands.
    owner = next((c for c in pobj.children if c.dep_ == "poss" and c.lower_ not in {"my", "our", "its"}), None) \
        if pobj is not None and pobj.lemma_.lower() in VIEWS and not any(
            c.lower_ == "right" for c in pobj.children) else None  # "who in their right mind …": no one's view
    if pobj is None or (pobj.lemma_.lower() not in IN_SOURCES and owner is None) or (
            head.pos_ not in {"VERB", "AUX"} and head.dep_ != "ROOT"):
        return None
    # Fronted only ("In a poll, …"): a trailing "in several polls" or "in an ABC interview" qualifies the clause
    # more often than it sources it (a third right on PolNeAR train).
    before = [t for t in token.sent if t.i < token.i and not t.is_punct and not t.is_space]
    if before and owner is None and not all(
            t.dep_ == "cc" or t.lower_ in {"but", "and", "yet", "still", "meanwhile"} for t in before):
        return None
    if token.i > head.i or made_clear(doc, head) is not None or any(
            cue_for(t) is not None or t.lower_ == "according" for t in head.subtree
            if t.i > max(x.i for x in token.subtree)):
        return None  # "In a statement, the ministry said …" (or "…, saying"): that cue is the attribution
    if pobj.lemma_.lower() not in {"poll", "survey"} and any(
            c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in {"i", "we", "he", "she", "they"} for c in head.children):
        return None  # "In an interview, he spoke of …": what he did, not what the interview says ("In a poll, she
        # led by six" is the poll's)
    phrase = {t.i for t in token.subtree}
    # "In a poll last month, …", "In his statement Saturday, …": the words before the comma that closes the fronted
    # phrase, which the parser hung on the verb, say when the poll or statement was, not what it says.
    comma = next((t for t in token.sent if t.i > max(phrase) and t.text == ","), None)
    if comma is not None and comma.i < head.i and not any(
            t.dep_ in {"nsubj", "nsubjpass"} and t.head.i == head.i for t in doc[max(phrase) + 1:comma.i]):
        phrase |= set(range(max(phrase) + 1, comma.i + 1))
    clause = [t for t in head.subtree if t.i not in phrase and not t.is_space]
    parts = ([t for t in clause if t.i < token.i], [t for t in clause if t.i > max(phrase)])
    spans = [said for part in parts if part and sum(t.is_alpha for t in part) >= 2
             and (said := _part_said(doc, token, part)) is not None]
    if not spans or sum(len(WORD.findall(doc_text(doc)[s:e])) for s, e in spans) < MIN_CONTENT_WORDS + 1:
        return None
    source = doc.char_span(*trim(doc, *subtree_span(owner if owner is not None else pobj)), alignment_mode="expand")
    named = next((c for c in head.children if c.dep_ == "nsubj" and c.i > max(phrase) and (
        c.ent_type_ in {"PERSON", "ORG"} or c.pos_ == "PROPN")), None)
    if named is not None and owner is None and pobj.lemma_.lower() not in {"poll", "survey", "study", "report",
                                                                            "analysis"}:
        # "In an interview with the Gazette, Vell laughed off the attack": the interview (statement, post) is the
        # named subject's own; a poll or a study speaks for itself.
        source = doc.char_span(*trim(doc, *subtree_span(named)), alignment_mode="expand")
    return Found(kind="according_to", cue=doc[token.i:token.i + 1], source=source, content=spans,
                 cue_class="report", sentence=sentence_of(doc, *spans), confidence=0.6)


# A headline "Vell: Ferry fares will rise" gives what a named source said; "The Latest: …", "Breaking: …" do not.
TITLE = re.compile(r"(?:[A-Z]+ [–—-] )?(?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):[ \t]+(?P<content>\S[^\n]*)")
# "Vell to harbor board: Fares will rise", "Marr on the levy: 'It is theft'", "Vell at the convention: …": a name,
# whom or what it spoke to, of or at, then its words (PolNeAR train: 4 such title lines, all gold, none found).
ADDRESSED = re.compile(r"(?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}) (?:[Tt]o|[Oo]n|[Aa]t) [^:\n]{1,80}:[ \t]+"
                       r"(?P<content>\S[^\n]*)")
SOURCE_WORDS = {"poll", "report", "survey", "study", "sources", "officials", "experts", "analysts", "insiders",
                "historians", "police", "newspaper", "court", "judge", "prosecutors", "ap", "reuters"}
NOT_TITLE_SOURCES = {"latest", "breaking", "wow", "look", "revealed", "watch", "exclusive", "bombshell", "update",
                     "boom", "busted", "leaked", "notice", "byline", "video", "photos", "opinion", "analysis",
                     "editorial", "review", "live", "correction", "explainer", "listen", "read", "more", "related",
                     "email", "daily", "guide", "rankings", "circle"}


def _named_below(doc: Doc, name) -> bool:
    """A title's name the parser did not read as an entity ('Gingrich: Trump Must Decide …', a surname in title
    case) that the article names as a person or an organisation further down ('Newt Gingrich said …')."""
    last = name[-1]
    return any(t.text == last.text and t.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} for t in doc[name.end + 1:])


# Verbs a headline reports with besides the lexicon's cues, in their -s form ("Vell Backs Ferry Levy", "Marr rips
# harbor board"): taking a side, attacking or defending one.
HEADLINE_VERBS = {"endorse", "oppose", "prefer", "back", "defend", "attack", "support", "champion", "hail", "urge",
                  "warn", "rip", "knock", "bash", "thank"}


NAME_JOINS = {"the", "of", "and", "'s", "’s", "&", ".", "-"}


@lru_cache(maxsize=8192)  # of the word alone: asked of each word of every first line
def _headline_verb(word: str) -> str | None:
    """'Slams', 'endorses', 'Denies': the -s form of a cue verb (the lexicon's, an evaluative verb, a headline
    verb), read from the word itself (a title-case headline is parsed as a string of names); its class, else None."""
    from claimgraph.attribution.cues import lexicon
    from claimgraph.attribution.reported.statements import EVALUATIVE

    w = word.lower()
    stems = ([w[:-3] + "y"] if w.endswith("ies") else []) + ([w[:-2]] if w.endswith("es") else []) + (
        [w[:-1]] if w.endswith("s") and not w.endswith("ss") else [])
    for stem in stems:
        if stem in lexicon():
            return lexicon()[stem].cue_class
        if stem in EVALUATIVE or stem in HEADLINE_VERBS:
            return "assert"
    return None


def headline(doc: Doc) -> Found | None:
    """'Talbot Slams Ferry Levy', 'Marr endorses Vell for mayor; …' as a Doc's first line: a name (words in title
    case) before the line's first cue verb in its -s form, not read as a common noun ("RNC rules clash erupts"); the
    words after the verb, to the end of the line or a ';' or ':', are what the name said (PolNeAR train: 67 of 85
    right)."""
    text = doc_text(doc)
    end = text.find("\n")
    end = len(text) if end < 0 else end
    # the first line's tokens: the walk stops at the line's end (tokens run in text order), not the Doc's
    line = [t for t in takewhile(lambda t: t.idx < end, doc) if not t.is_space]
    verb = next((t for t in line if _headline_verb(t.text) is not None), None)
    if verb is None or verb.i == 0 or verb.pos_ == "NOUN" or verb.sent.start != 0:
        return None
    before = [t for t in line if t.i < verb.i]
    if not before or any(not (t.text[:1].isupper() and not t.is_stop or t.lower_ in NAME_JOINS) for t in before) \
            or before[0].lower_ in NAME_JOINS:
        return None  # a name before the verb and nothing else ("How Vell Thinks …", "Vell Is Hinging On …")
    after = [t for t in line if t.i > verb.i]
    # to the end of the line, a ';' or ':', or a second headline verb ("Backs Vell And Denounces Marr", "hints at
    # a shakeup, then takes it back")
    stop = next((k for k, t in enumerate(after) if t.text in {";", ":"} or k + 1 < len(after) and (
        t.lower_ in {"and", ",", "then"} and (_headline_verb(after[k + 1].text) is not None
                                              or after[k + 1].lower_ == "then"))),
        len(after))
    after = after[:stop]
    while after and after[-1].is_punct:
        after.pop()
    if not any(t.is_alpha and not t.is_stop for t in after):
        return None  # "Talbot opposes it.": nothing said
    content = trim(doc, after[0].idx, after[-1].idx + len(after[-1]))
    source = doc.char_span(before[0].idx, before[-1].idx + len(before[-1]), alignment_mode="expand")
    if content[1] <= content[0] or source is None or is_result_not_statement(
            verb, doc.char_span(*content, alignment_mode="expand")):
        return None  # "Marr claims gold in the regatta": a prize won
    return Found(kind="mixed" if has_quote(doc, *content) else "indirect", cue=doc[verb.i:verb.i + 1],
                 source=source, content=[content], cue_class=_headline_verb(verb.text) or "report",
                 sentence=sentence_of(doc, content), confidence=0.6)


def title_line(doc: Doc) -> Found | None:
    """'Talbot: Ferry fares will rise in May' or 'Talbot to harbor board: …' as a Doc's first line (an article's
    title): the name is a person or an organisation (or a poll, a report), the rest of the line what it said; else a
    headline's verb (`headline`)."""
    text = doc_text(doc)
    m = TITLE.match(text) or ADDRESSED.match(text)
    if m is None or m.group("name").isupper() or "\n" in m.group(0)[:m.start("content")]:
        return headline(doc)
    words = m.group("name").lower().replace("’", "'").split()
    if any(w.strip(".'") in NOT_TITLE_SOURCES for w in words):
        return None
    content = trim(doc, m.start("content"), m.end("content"))
    if len([w for w in WORD.findall(text[content[0]:content[1]]) if w.isalpha()]) < MIN_CONTENT_WORDS:
        return None
    name = doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
    at = text.rindex(":", 0, m.start("content"))  # after the name, or after whom it spoke to
    colon = doc.char_span(at, at + 1, alignment_mode="expand")
    if name is None or colon is None or not len(name):
        return None
    if not (name[-1].ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or words[-1] in SOURCE_WORDS
            or _named_below(doc, name)):
        return None
    return Found(kind="mixed" if has_quote(doc, *content) else "indirect", cue=colon, source=name,
                 content=[content], cue_class="report", sentence=sentence_of(doc, content), confidence=0.6)


# A transcript's line "Matthews: Well, speculation is bad.": a speaker's name at the start of a line in the body,
# the rest of the line what the speaker said. Not an interview's "Q: …" / "A: …": PolNeAR marks those lines in one
# interview and the cues inside them in two others (train: 14 of 39 matched gold, under the scorer's half-overlap).
# Section labels of a page, never a speaker ("Background: Schools are …", which a tagger may read as a name).
LINE_LABELS = {"note", "editor's", "photo", "source", "credit", "caption", "update", "background", "context",
               "details", "summary", "flashback"}
# A turn has five words or more (PolNeAR train: of the shorter lines half were right, most a list's headings).
LINE_WORDS = 5
SPEAKER_LINE = re.compile(r"(?m)^(?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}):[ \t]+(?P<content>\S[^\n]*)")


def speaker_lines(doc: Doc) -> list[Found]:
    """A line below the first that starts with a speaker's label and a colon: a person's name (the label's last word
    a person in the parse, here or further in the text: 'Lopez' after 'Luciana Lopez'; a one-word label a person
    outside the labels, so a caption's 'Arrest:' is none), not a section label ('Update:', 'Photo:'); the rest of
    the line, of five words or more, is what the label's speaker said. Where two labels open two lines each,
    labels.py's `speaker_labels` reads the transcript."""
    text = doc_text(doc)
    first = text.find("\n")
    if first < 0:
        return []
    from claimgraph.attribution.labels import transcript_labels

    transcript: set[int] | None = None  # a transcript's lines (labels.py reads them), read at the first label line
    people: set[str] | None = None  # the PERSON tokens' words, read only where a label needs them
    people_in_prose: set[str] = set()  # those not inside a line's label
    found = []
    for m in SPEAKER_LINE.finditer(text, first):
        label = m.group("name")
        if transcript is None:
            transcript = {t.start("name") for t in transcript_labels(text)}
        if m.start("name") in transcript:
            continue
        words = label.lower().replace("’", "'").split()
        if label.isupper() or any(w.strip(".'") in NOT_TITLE_SOURCES | LINE_LABELS for w in words):
            continue
        if people is None:
            people = {t.text for t in doc if t.ent_type_ == "PERSON"}
            labels = [(line.start("name"), line.end("name")) for line in SPEAKER_LINE.finditer(text)]
            # A one-word caption label ("Arrest: …", "Overwhelmed: …") is often parsed as a person at the head of
            # its own line: only a person named in the prose below the labels is a speaker.
            people_in_prose = {t.text for t in doc if t.ent_type_ == "PERSON"
                               and not any(start <= t.idx < end for start, end in labels)}
        if label.split()[-1] not in (people if " " in label else people_in_prose):
            continue
        content = trim(doc, m.start("content"), m.end("content"))
        if len([w for w in WORD.findall(text[content[0]:content[1]]) if w.isalpha()]) < LINE_WORDS:
            continue  # "Vell: Survive to May" (a list of plans): too short to be a turn
        name = doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
        colon = doc.char_span(m.end("name"), m.end("name") + 1, alignment_mode="expand")
        if name is None or colon is None or not len(name):
            continue
        found.append(Found(kind="mixed" if has_quote(doc, *content) else "indirect", cue=colon, source=name,
                           content=[content], cue_class="assert", sentence=sentence_of(doc, content),
                           confidence=0.6))
    return found
