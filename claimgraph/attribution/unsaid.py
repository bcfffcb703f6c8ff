"""Cue words that report no statement: a deliberation, a skill, a hypothetical, a wished-for belief, a source
cited (issue 9, realweb precision round 3; the development pages of docs/realweb_heldout.md).

Each check reads the cue's own parse only (its lemma, modal, complements and subject), so that it holds on copy of
any publisher: "considers how …" is thinking about, not thinking that; "computers learn to recognise faces" is a
skill; "why voters might question the count" and "signals that would reveal the waves" say what could happen;
"they want us to believe that …" is a belief wished on others; "Citing a survey, the agency said …" names where the
statement comes from (the statement is the agency's, found by its own cue); "the lines show what statisticians
call the standard error" shows a name. Round 11 (FNC-1 bodies, docs/fnc1_judged.md): "video allegedly showing …" is a
scene the writer doubts, "It is hard to believe that …" and "there is nothing to suggest …" the writer's own words,
"you might want to …" the reader's choice offered.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.attribution.found import doc_text

WH = {"how", "what", "whether", "which", "who", "when", "where", "why", "if"}
# Deliberating: "consider how …", "considers triggering quarantine" (a that-clause or "considers X a threat" is an
# opinion and stays).
DELIBERATING = {"consider"}
# Acquiring: "learn to recognise", "allow scientists to learn about"; "learned that …" (news heard) stays.
ACQUIRING = {"learn"}
POSSIBLE = {"might", "could", "would", "may"}
# Verbs that put a belief on someone else as a wish: "they want us to believe that …".
WISHING = {"want", "wish", "like", "love"}
PERSONS = {"PERSON", "ORG", "NORP", "GPE"}


def _modal(cue: Token) -> str | None:
    return next((c.lower_ for c in cue.children if c.dep_ == "aux" and c.tag_ == "MD"), None)


def _clause(cue: Token) -> bool:
    """A finite or that-clause complement: a proposition the cue could report."""
    for c in cue.children:
        if c.dep_ not in {"ccomp", "advcl"} or c.i < cue.i:
            continue
        if c.left_edge.lower_ in WH:
            continue
        if any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children) or c.tag_ in {"VBD", "VBZ", "VBP", "MD"} \
                or any(g.dep_ in {"aux", "auxpass"} and g.tag_ in {"MD", "VBD", "VBZ", "VBP"} for g in c.children):
            return True
    return False


def deliberation(cue: Token) -> bool:
    """'set out to consider how groups think': weighing a question, no opinion held (a that-clause, or an object with
    its predicate, stays; so does "is considering closing the port", a course weighed, which PolNeAR marks: 7 of 9
    such finds on train)."""
    if cue.lemma_.lower() not in DELIBERATING or _clause(cue):
        return False
    if any(c.dep_ in {"oprd", "acomp"} for c in cue.children):
        return False  # "considers the plan reckless"
    comps = [c for c in cue.children if c.i > cue.i and c.dep_ in {"ccomp", "xcomp", "dobj", "advcl", "pcomp"}]
    return any(c.left_edge.lower_ in WH for c in comps)


def skill(cue: Token) -> bool:
    """'as machines learn to read maps', 'could let pilots learn about the storm': acquiring a skill or news, said
    by no one; 'learned that …' stays (what a reporter heard, relayed)."""
    if cue.lemma_.lower() not in ACQUIRING or _clause(cue):
        return False
    return any(c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
               or c.dep_ == "prep" and c.lower_ in {"about", "of"} for c in cue.children if c.i > cue.i)


def _person(noun: Token) -> bool:
    return noun.ent_type_ in PERSONS or noun.pos_ in {"PROPN", "PRON"} and noun.lower_ not in {"that", "which", "it"}


def hypothetical(cue: Token) -> bool:
    """'helps me see why voters might question the count' (a wh-clause's possibility) and 'ripples that would
    reveal a passing wave' (a thing that could show something, under a modal): what could be said or shown, not
    what was."""
    modal = _modal(cue)
    if modal not in POSSIBLE:
        return False
    if modal in {"might", "could"} and any(c.dep_ == "advmod" and c.lower_ in {"why", "how"} and c.i < cue.i
                                           for c in cue.children):
        return True
    subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ not in {"that", "which"} or cue.dep_ != "relcl":
        return False
    return not _person(cue.head) and cue.head.lemma_.lower() not in {"people", "official", "expert", "researcher",
                                                                      "scientist", "analyst"}


def wished(cue: Token) -> bool:
    """'they want us to believe that they can forecast it': a belief someone wishes others held, nobody's own."""
    if cue.dep_ not in {"xcomp", "ccomp"} or cue.head.lemma_.lower() not in WISHING:
        return False
    # "want us to believe": the parser makes "us" the object of "want" or the subject of "believe".
    told = [c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i] + [
        c for c in cue.head.children if c.dep_ == "dobj" and c.i < cue.i]
    return bool(told) and any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children)


def cited(cue: Token) -> bool:
    """'Citing figures from the survey, the agency said …': set before the statement, the cited source is named, the
    statement is the agency's own (found by its own cue). After it ("…, he said, citing low growth") the reasons
    given are a statement PolNeAR marks (22 of 24 on train), as is "Vell, citing …, said" (4 of 4); a cited clause
    stays."""
    opening = next((t for t in cue.sent if not t.is_punct and not t.is_space), None)
    return cue.lemma_.lower() == "cite" and cue.tag_ == "VBG" and cue.dep_ in {"advcl", "xcomp"} \
        and cue == opening and not _clause(cue)


NAMING = {"call", "dub", "term"}
SHOWING = {"show", "reveal", "indicate", "display"}


def _naming(cue: Token) -> bool:
    """'what statisticians call the standard error': a relative object and its name."""
    return cue.lemma_.lower() in NAMING and any(c.dep_ == "oprd" for c in cue.children) and any(
        c.dep_ == "dobj" and c.tag_ in {"WDT", "WP"} and c.i < cue.i for c in cue.children)


def named(cue: Token) -> bool:
    """'the lines show what statisticians call the standard error': what is shown is only a term. (The naming itself,
    "what he calls the cartel", is often a judgement PolNeAR marks: 20 of 33 such finds on train; it stays.)"""
    if cue.lemma_.lower() not in SHOWING:
        return False  # "dismissed what she called a witch hunt": the dismissal is said
    comps = [c for c in cue.children if c.dep_ in {"ccomp", "dobj"} and c.i > cue.i]
    return len(comps) == 1 and _naming(comps[0])


def determiner_read_as_that(cue: Token) -> bool:
    """'Evidence confirming that thesis is now everywhere': in a sentence whose only verb is the one after "that",
    "that thesis" is a noun phrase, the subject of the sentence's own verb; the participle takes it as its object,
    nobody confirms a clause (realweb round 3). "Reports saying that the deal is off" keeps its clause (the word
    after "that" is no bare noun)."""
    if cue.dep_ != "acl" or cue.tag_ != "VBG" or cue.head.dep_ != "ROOT" or cue.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    for clause in (c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i):
        mark = next((g for g in clause.children if g.dep_ == "mark" and g.lower_ == "that"), None)
        subject = next((g for g in clause.children if g.dep_ == "nsubj"), None)
        if mark is not None and subject is not None and subject.i == mark.i + 1 == clause.i - 1 \
                and subject.tag_ in {"NN", "NNS"} and not any(True for _ in subject.children):
            return True
    return False


# What pictures a scene: "video allegedly showing the two …".
PICTURES = {"video", "footage", "photo", "photograph", "picture", "image", "clip", "film", "tape", "camera",
            "screenshot", "recording", "snapshot", "selfie", "cctv", "livestream", "pic", "still"}
PICTURING = {"show", "reveal", "depict", "display", "capture"}
# The writer's doubt about what the picture shows: "allegedly showed", "purportedly showing".
DOUBTED = {"allegedly", "purportedly", "supposedly"}


def _pictured_by(cue: Token) -> Token | None:
    """The subject of a showing verb: its own, or the noun a participle hangs on ("a video showing …")."""
    subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if subject is None and cue.dep_ == "acl":
        subject = cue.head
    return subject


def scene_shown(cue: Token) -> bool:
    """'went viral after video allegedly showing the two having sex leaked': a scene the writer doubts a picture
    shows, nobody's statement. Only with the doubt: what a video plainly shows PolNeAR marks as the video's own
    report ("News footage … showed the truck's windshield riddled", "The video shows Sherman outlining …"):
    refusing every picture's scene removed 9 finds on PolNeAR train, 8 of them matched to gold; with the doubt,
    none on train, 2 in FNC-1 sample B."""
    if cue.lemma_.lower() not in PICTURING or not any(c.dep_ == "advmod" and c.lower_ in DOUBTED
                                                       for c in cue.children):
        return False
    subject = _pictured_by(cue)
    return subject is not None and subject.lemma_.lower() in PICTURES


# Framings a writer opens with: "It is hard to believe that …", "it is easy to imagine …".
INCREDULOUS = {"believe", "imagine"}
FRAMES = {"hard", "difficult", "easy", "impossible", "tough"}


def beyond_belief(cue: Token) -> bool:
    """'It is almost hard to believe that catfish can get that big!': the writer's wonder, no one's belief (no such
    find on PolNeAR train; 1 in FNC-1 sample B)."""
    if cue.lemma_.lower() not in INCREDULOUS or cue.dep_ != "xcomp":
        return False
    frame = cue.head
    framed = frame.lemma_.lower() in FRAMES or any(c.dep_ == "acomp" and c.lemma_.lower() in FRAMES
                                                   for c in frame.children)
    return framed and any(c.dep_ in {"nsubj", "expl"} and c.lower_ == "it" for c in frame.children)


# What could bear out a statement, said to be missing: "there is nothing to suggest …", "little to indicate …".
NONE_FOUND = {"nothing", "little"}


def nothing_to_suggest(cue: Token) -> bool:
    """'there is nothing to suggest the incident is terror related': no one suggests it (no such find on PolNeAR
    train; 1 in FNC-1 sample B)."""
    return cue.dep_ in {"relcl", "acl"} and cue.head.lower_ in NONE_FOUND and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in cue.children)


READERS_MAYBE = {"would", "might", "could", "may", "should"}


def readers_own(cue: Token) -> bool:
    """'Would you want to see one in person?', 'you might want to avoid the menu': the writer's "you" wishing under a
    modal is the reader's choice offered, nobody's wish reported. Only a wish: "Do you think …?", "you might be
    asking", "You could say …" PolNeAR often marks (any "you" with a modal or a question mark: 8 finds on train, 5
    matched); a wish alone removes 1 find on train, not matched, and 3 in FNC-1 samples A and B. Not inside
    quotation marks (a speaker's "you" is the speaker's statement)."""
    if cue.lemma_.lower() not in WISHING or not any(c.dep_ == "nsubj" and c.lower_ == "you" for c in cue.children):
        return False
    text = doc_text(cue.doc)
    before = text[text.rfind("\n", 0, cue.idx) + 1:cue.idx]  # the paragraph so far: a quote may run sentences
    if before.count("\u201c") > before.count("\u201d") or before.count('"') % 2:
        return False
    return any(c.dep_ == "aux" and c.lower_ in READERS_MAYBE for c in cue.children)


def unsaid(cue: Token) -> bool:
    """Any of the above: the cue word reports no statement."""
    return deliberation(cue) or skill(cue) or hypothetical(cue) or wished(cue) or cited(cue) or named(cue) \
        or determiner_read_as_that(cue) or scene_shown(cue) or beyond_belief(cue) or nothing_to_suggest(cue) \
        or readers_own(cue)


__all__ = ["unsaid"]
