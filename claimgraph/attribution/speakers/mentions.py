"""The words of one source mention: which of them name the speaker, and which mentions name nobody.

A mention is the span a rule took for the source ("The Harbor Council - which considers … -", "Image caption Mara
Vell", "that"). Its name is the head and the words hung on it, up to a clause, an apposition or a dash
(`core_tokens`), so that an alias is never a clause. Pronouns, relatives, quantifiers and other function words name
nobody on their own (`is_pronoun`, `no_identity`); a caption's label, a dateline or a byline read as a mention is
page furniture, not a source. A mention that cuts a name is widened to it (`widened_to_entity`); one headed by a
function word gives way to the name set beside it (`name_beside_function_word`); a name after a title's "of" is
that title's holder, not someone the title is of (`after_title_of`: "Senior Vice President of Marketing Ilse
Marr"). Nothing here remembers the article: every test reads one span of the parse.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from claimgraph.attribution.cues import STATEMENT_NOUNS, lexicon
from claimgraph.attribution.found import doc_text
from claimgraph.attribution.speaker_types import HONORIFICS, TITLES, first_names, org_noun, person_noun

PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"they", "them"}
SELF_PRONOUNS = {"i", "we", "me", "us"}

DETERMINERS = {"the", "a", "an"}


def description_name(tokens: list[Token]) -> str:
    """'The doctor' → 'doctor', 'Tory MPs' stays: a description's name without its determiner, lower-cased
    unless it starts with a proper noun."""
    words = list(tokens)
    while words and (words[0].lower_ in DETERMINERS or words[0].tag_ == "PRP$" or words[0].is_punct):
        words = words[1:]
    while words and words[-1].is_punct:
        words = words[:-1]
    text = strip_det(tokens_text(words))
    # A word with capitals after its first letter is written as a name and keeps its case ("TV", "ICE spokeswoman",
    # "RealClearPolitics", not "tV", "iCE spokeswoman": PolNeAR train, 26 records of 20 names changed, all 20 now
    # as written).
    if words and words[0].pos_ != "PROPN" and words[0].ent_type_ not in NAMED_ENTITIES and (
            words[0].text[1:] == words[0].text[1:].lower()):
        text = text[:1].lower() + text[1:]
    return text


def strip_det(text: str) -> str:
    words = text.split()
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    text = " ".join(words)
    return text[:-2] if text.endswith(("'s", "’s")) else text


# Mention parts that are not the speaker's name: relative and participial clauses, appositions ("Mara Vell, the
# mayor of Port Ellis" is Mara Vell; the apposition gives her role), clauses joined on.
CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "parataxis", "conj", "cc", "appos"}
NAMED_DEPS = CLAUSE_DEPS - {"appos"}  # where a name may still stand: "A spokesman, Eric Pahon, said"
MAX_ALIAS_WORDS = 8
PLACES = {"GPE", "LOC", "FAC", "NORP"}
NAMED_ENTITIES = PLACES | {"PERSON", "ORG"}

# Relative pronouns, demonstratives, quantifiers and the second person name nobody; "it" is resolved below.
NEVER_IDENTITIES = {"you", "who", "whom", "which", "that", "this", "these", "those", "what", "whoever", "one",
                    "ones", "some", "others", "other", "many", "few", "several", "all", "both", "each", "any",
                    "anyone", "anybody", "everyone", "everybody", "someone", "somebody", "none", "nobody", "no one",
                    "there", "here", "it", "its", "my", "your", "our", "their", "his", "her", "they", "them",
                    "itself", "themselves", "most", "more", "such", "another"}


def is_pronoun(mention: str) -> bool:
    lower = mention.lower()
    return lower in PERSON_PRONOUNS or lower in GROUP_PRONOUNS or lower in SELF_PRONOUNS or lower in NEVER_IDENTITIES


def pronoun_joined(mention: Span) -> Span | None:
    """'She and her aides', 'he and other challengers': a mention that opens with a personal pronoun joined to
    more names; the pronoun, or None."""
    first = mention[0]
    if len(mention) < 3 or first.lower_ not in PERSON_PRONOUNS | GROUP_PRONOUNS or first.pos_ != "PRON" or not any(
            c.dep_ == "conj" and c.i < mention.end for c in first.children):
        return None
    return mention[:1]


def core_tokens(mention: Span, drop: set[str] = CLAUSE_DEPS) -> list[Token]:
    """The mention's words that name the speaker: from the head outwards, stopping at a clause, an apposition or a
    dash, so that an alias is never a clause ("The Harbor Council - which considers … - said": the Council)."""
    root = mention.root
    name = _entity_of(root)  # "The National Oceanic and Atmospheric Administration": one name, "and" and all

    def kept(token: Token) -> bool:
        if name is not None and name[0] <= token.i < name[1]:
            return True
        while token.i != root.i and mention.start <= token.i < mention.end:
            if token.dep_ in {"cc", "conj"} and (token.ent_type_ == "ORG" and _entity_of(token) == _entity_of(
                    token.head) or _joined_modifier(token, root, mention.start)):
                token = token.head  # "of Retail and Online Stores": the "and" of one body's name joins no clause
                continue
            if token.dep_ in drop or token.text in {"(", ")", "“", "”", '"'} or _is_dash(token):
                return False
            if token.ent_type_ in {"DATE", "TIME"} and token.dep_ == "npadvmod" and token.head.i == root.i < token.i \
                    or token.dep_ == "prep" and any(c.ent_type_ in {"DATE", "TIME"} for c in token.children):
                return False  # "Microsoft in 2017 announced …", "a poll today": when, not who
            if token.head.i == token.i:
                return False  # another sentence's root inside the mention: its words are not the speaker's name
            token = token.head
        return True

    start = end = root.i - mention.start
    while start > 0 and kept(mention[start - 1]):
        start -= 1
    while end + 1 < len(mention) and kept(mention[end + 1]):
        end += 1
    tokens = [t for t in mention[start:end + 1]]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    # Words as the alias shows them: a mark standing alone is one ("… warm » ed by d." made an alias of 9). Where
    # names are looked for (appositions kept), a name after a long title's "of" stays ("Velder Senior Vice President
    # of Retail and Online Stores Ilse Marr" cut to 8 words lost the name; any longer mention kept whole gave
    # FNC-1 design bodies as many wrong speakers as right ones: "Kurt Sutter, creator of the hit FX drama" FX).
    titled = "appos" not in drop and any(t.i > root.i and t.ent_iob_ == "B" and t.ent_type_ == "PERSON" and (
        after_title_of(t.doc[t.i:t.i + 1]) is not None) for t in tokens)
    if not titled and len(tokens_text(tokens).split()) > MAX_ALIAS_WORDS:
        tokens = [t for t in tokens if t.i <= root.i][-MAX_ALIAS_WORDS:]
    return tokens


# The words set before a head noun that describe it ("Velmoran officials", "Harbor Department", "former aides").
PREMODIFIERS = {"amod", "compound", "nmod"}


def _joined_modifier(token: Token, root: Token, start: int) -> bool:
    """'Current and former officials', 'Velmoran and Ostrish scientists', 'the Water and Power Department': the
    "and" (or its second word) of two modifiers set before the head, which joins them into one description or name,
    not a clause; the walk from either stopped at it and kept the second modifier alone ("former officials",
    "Power Department"; FNC-1 sample D: one of two joined names kept 2 of 100 records). Not two names ("both The
    Velmar Tribune and Kestrel News": two outlets, not one), nor an adjective with its own adverb ("the figure could
    be much greater and security officials worry": a predicate the parser hung on the noun; FNC-1 design, one each),
    nor a first modifier outside the mention (starting at token `start`: "placed in lockdown and local TV reported":
    "lockdown" hung on "TV" by the parser, the mention "local TV", whose name stays "TV")."""
    first = token.head
    if not (start <= first.i < token.i < root.i and first.dep_ in PREMODIFIERS and first.head.i <= root.i):
        return False
    named = _name_of(root)
    return (named is None or _name_of(first) in {None, named}) and not any(c.dep_ == "advmod" for c in
                                                                            first.children)


def _name_of(token: Token) -> tuple[int, int] | None:
    """The token range of the name of any kind (a body, a person, a place, a work) that `token` is part of."""
    if not token.ent_type_:
        return None
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def _entity_of(token: Token) -> tuple[int, int] | None:
    """The token range of the organisation or person name that `token` is part of, if any."""
    if token.ent_type_ not in {"ORG", "PERSON"}:
        return None
    doc, (start, end) = token.doc, _name_of(token)
    # A dash ends a name the recogniser ran on past it ("Ummi Abdalla - who had lived …" taken as one PERSON).
    dashes = [t.i for t in doc[start:end] if _is_dash(t)]
    start = max([i + 1 for i in dashes if i < token.i], default=start)
    end = min([i for i in dashes if i > token.i], default=end)
    return start, end


def name_after_description(root: Token) -> Token | None:
    """'fact-checking site Veritoo.com', 'the rapper Kel Dorn': a common noun with a proper name set right after it
    (no comma) as its apposition; the noun describes the name, and the name is the speaker (issue 9, FNC-1 sample
    A: "according to fact-checking site Snopes.com" was the anonymous "fact-checking site")."""
    if root.pos_ != "NOUN":
        return None
    return next((c for c in root.children if c.dep_ == "appos" and c.left_edge.i == root.i + 1
                 and c.pos_ == "PROPN" and c.text[:1].isupper()), None)


def name_set_off(mention: Span, root: Token) -> Span | None:
    """'A member of the harbor council, Ivo Marr, said', 'one of the men, Casey Dorn', 'The watchdog group,
    Harbor Watch': a description whose mention ends in a name set off by a comma names that person or body (FNC-1
    design: "A member"; "An adviser"); the name, or None. Not after a plural ("friends of the victim, Tom Hale":
    the name may be the victim's), nor a place ("Rochester, New Hampshire")."""
    if root.pos_ == "PROPN" or root.tag_ in {"NNS", "NNPS"}:
        return None
    words = [t for t in mention if not t.is_space]
    while words and words[-1].is_punct:
        words.pop()
    if not words:
        return None
    last = words[-1]
    ent = next((e for e in mention.doc.ents if e.start <= last.i < e.end), None)
    if ent is None or ent.end != last.i + 1 or ent.start <= mention.start or root.i >= ent.start:
        return None
    person = ent.label_ == "PERSON"
    if not (person or ent.label_ == "ORG" and org_noun(root)) or mention.doc[ent.start - 1].text != ",":
        return None
    return ent


def before_dash(name: Span) -> Span:
    """A name the recogniser ran on past a dash ("Lianne Vell - who dated …"): the words before the dash."""
    dash = next((t.i for t in name[1:] if _is_dash(t)), None)
    return name.doc[name.start:dash] if dash is not None else name


def _is_dash(token: Token) -> bool:
    """An em or en dash, or ' - ' between words; the hyphen of "Waller-Bridge" is part of the name."""
    return token.text in {"—", "–"} or token.text == "-" and (
        bool(token.whitespace_) or token.i == 0 or bool(token.doc[token.i - 1].whitespace_))


# Counts that never name anyone on their own ("the host", "the couple", "the band" do: PolNeAR train).
BARE_COUNTS = {"number", "handful", "majority", "minority", "dozen", "dozens", "hundreds", "thousands", "scores",
               "lot", "lots", "raft", "slew", "string", "series"}


def bare_count(root: Token) -> bool:
    """'A growing number are touting …', 'a handful said …': a quantity noun with no 'of' and no name of its own
    (issue 9, realweb round 3: "growing number" was a speaker)."""
    return root.lower_ in BARE_COUNTS and not any(c.dep_ in {"prep", "appos", "compound"} or c.pos_ == "PROPN"
                                                     for c in root.children)


# People about someone whom a possessive names ("Marr's family", "Vell's allies", "Brenn's rep"), as a person noun's
# head does ("Vell's lawyer"): they speak, not the possessor. By lemma; the person nouns of speaker_types, which
# lack these, are read for roles elsewhere. Not the bodies or words that stand for the possessor ("Vell's campaign",
# "Vell's office", "Vell's remarks"). (FNC-1 design: 3 such records gave the possessor, all now right; PolNeAR
# train: 12, 10 now right.)
CIRCLE = {"family", "relative", "ally", "associate", "confidant", "rival", "kid", "child", "rep", "counsel",
          "entourage", "household", "questioner", "strategist"}


def attached(ent: Span, root: Token) -> bool:
    """The entity hangs off the mention's head through a preposition or a possessive ("a spokesperson for
    OpenAI", "Vell's lawyer"): it names someone else than the speaker."""
    if after_title_of(ent) is not None:
        return False  # "Velder Senior Vice President of Marketing Ilse Marr": the title's holder, not another
    token = ent.root
    while token.i != root.i and token.head.i != token.i:
        if token.dep_ in {"pobj", "prep", "pcomp"} or token.dep_ == "poss" and (
                person_noun(token.head) or token.head.lemma_.lower() in CIRCLE or token.head.lower_ in CIRCLE
                or token.head.i == root.i and _titled_name(root)):
            # "Vell's lawyer" is not Vell, nor is "Velmar's King Tomar II" Velmar (a possessor the recogniser took
            # for a person, before a titled name); "Trump's tweet" stands for Trump, "Fleming's The Fixers" for
            # Fleming.
            return True
        token = token.head
    return False


def after_title_of(name: Span) -> Token | None:
    """The capitalised title whose "of" and the capitalised words of what it is over run straight on to a name
    ("Senior Vice President of Marketing Ilse Marr", "… President of Retail and Online Stores Ilse Marr"): its
    head word, which the parse may take the name for the object of; None where the name stands otherwise ("a
    spokesperson for Ilse Marr", "the wife of the president, Ilse Marr")."""
    doc = name.doc
    between: list[Token] = []
    at = name.start - 1
    while at > name.sent.start and doc[at].lower_ != "of":
        if not (doc[at].text[:1].isupper() and doc[at].pos_ == "PROPN" or doc[at].lower_ == "and" and doc[
                at].ent_type_ == "ORG"):
            return None
        between.insert(0, doc[at])
        at -= 1
    title = doc[at - 1] if at > name.sent.start and doc[at].lower_ == "of" else None
    if title is None or not between or not title.text[:1].isupper() or title.lower_.rstrip(".") not in TITLES | {
            "president", "director", "head", "officer", "manager", "chief"}:
        return None
    return title if doc[at].head.i == title.i else None


def _titled_name(root: Token) -> bool:
    """'King Tomar II', 'Mayor Ilse Marr': a proper name with a title among its words."""
    return root.pos_ == "PROPN" and any(c.dep_ == "compound" and c.lower_.rstrip(".") in TITLES | HONORIFICS
                                        for c in root.children)


def closeness(root: Token) -> Token | None:
    """'a source close to the council', 'sources familiar with the plans': the adjective after a noun for people
    that says whom they are close to (an adjective with its preposition), or None."""
    if not person_noun(root):
        return None
    return next((c for c in root.children if c.dep_ == "amod" and c.i > root.i and c.pos_ == "ADJ" and any(
        p.dep_ == "prep" for p in c.children)), None)


def tokens_text(tokens: list[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def no_identity(tokens: list[Token]) -> bool:
    """A mention of function words only ("that", "some", "others", "’s"): it names nobody."""
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    return (not any(any(ch.isalpha() for ch in t.text) for t in words)
            or tokens_text(words).lower() in NEVER_IDENTITIES
            or all(t.lower_ in NEVER_IDENTITIES or t.lower_ in DETERMINERS or t.pos_ in {"PRON", "DET"} or
                   (t.is_stop and t.pos_ not in {"NOUN", "PROPN"}) for t in words))


CAPTION_WORDS = {"image", "caption", "photo", "picture", "video", "media", "credit", "getty", "images", "playback"}


def without_caption(mention: Span) -> Span | None:
    """'Image caption Mara Vell said …': the caption words a page puts before a caption are not the speaker."""
    skip = 0
    while skip < len(mention) and (mention[skip].lower_ in CAPTION_WORDS or mention[skip].is_punct):
        skip += 1
    if skip == 0 or not any(t.lower_ in {"caption", "credit"} or t.text == ":" for t in mention[:skip]):
        return mention  # "Video obtained from the salon shows …" is no caption
    return mention[skip:] if skip < len(mention) else None


# Labels a page sets on its media ("Video obtained from the salon shows …", "Photo: …"): what a picture or a clip
# shows is the page's, not an identity's.
MEDIA_LABELS = CAPTION_WORDS - {"caption", "credit", "getty", "media"} | {
    "videos", "photos", "photograph", "photographs", "pictures", "footage", "audio", "clip", "clips", "graphic",
    "screenshot", "screengrab"}
# "Page B1", "Section A", "p. 12": where a print page put a story; a reference, never a speaker.
PAGE_LABEL = re.compile(r"^(?:[Pp]age|PAGE|[Pp]g|[Pp]|[Ss]ection|SECTION|[Ss]ec)\.?\s*"
                        r"(?:[A-Z]\d{0,3}[A-Z]?|\d{1,4}[A-Z]?)$")


def _according_to_object(mention: Span) -> bool:
    """'According to the video, …': a clip named as the source of a claim speaks (an anonymous identity of the
    article), unlike a page's label over it ("Video obtained from the salon shows …"; FNC-1 sample B; PolNeAR train:
    2 changes, "according to audio provided to …", both right)."""
    to = mention.root.head
    return mention.root.dep_ == "pobj" and to.lower_ == "to" and to.head.lower_ == "according"


def _media_subject(mention: Span) -> bool:
    """'Video obtained from the salon shows …', 'The footage shows …': a clip or a picture as the subject of a verb
    is the thing named as the source, an anonymous description of the article (a reader wants "video", not
    nothing; realweb: 9 such records without a speaker), unlike a label set over it ("Photo: …")."""
    return mention.root.dep_ in {"nsubj", "nsubjpass"} and mention.root.head.pos_ in {"VERB", "AUX"}


def page_furniture(mention: Span) -> bool:
    """A dateline ("PORT ELLIS (AP) —"), a byline ("By Owen Talbot"), a print page's label ("(Page B1, Jan.
    15)") or a media label ("Photo: …") read as a mention: not a source."""
    # The head and the words before it: what is hung on it after ("obtained from the salon", ", Jan. 15") is not.
    words = [t for t in mention if t.i <= mention.root.i and not t.is_punct and not t.is_space]
    label = words + [t for t in mention[mention.root.i - mention.start + 1:][:1] if t.like_num]  # "page 12"
    if words and PAGE_LABEL.match(" ".join(t.text for t in label)):
        return True
    if words and words[-1].lower_ in MEDIA_LABELS and all(
            t.lower_ in MEDIA_LABELS or t.lower_ in DETERMINERS or t.tag_ == "PRP$" for t in words) and not (
            _according_to_object(mention) or _media_subject(mention)):
        return True
    text = doc_text(mention.doc)
    before = text[text.rfind("\n", 0, mention.start_char) + 1:mention.start_char].strip()
    if before.lower() == "by":
        return True
    words = [t for t in mention if t.is_alpha]
    after = mention.doc[mention.end:mention.end + 1]
    if _caption_label(mention, before, after):
        return True
    shouting = bool(words) and all(t.text.isupper() and len(t.text) > 1 for t in words)
    return shouting and not before and (any(t.text == "(" for t in mention) or (len(after) and after[0].text in {
        "(", "—", "–", "-"}))


def _caption_label(mention: Span, before: str, after: Span) -> bool:
    """'Overwhelmed: Kevin Vell, the sergeant-at-arms, becomes emotional …': one word and a colon opening a line,
    the label a tabloid sets on a picture's caption, not a speaker (FNC-1 design bodies: "Victim", "Thankful",
    "Arrest", "Overwhelmed" as speakers). A name opening a transcript's line ("Ilse:", "VELL:") is one."""
    if before or len(mention) != 1 or not len(after) or after[0].text != ":":
        return False
    word = mention[0]
    if not word.is_alpha or word.text.isupper() or word.text in first_names():
        return False  # "VELL:", "TALBOT:": a transcript's labels are in capitals, a caption's are not
    # Whatever the recogniser made of it ("Overwhelmed" a PERSON, "Thankful" a proper noun): a word the article
    # never writes with a capital inside a sentence is no name ("Vell:" after "Mara Vell spoke" is hers).
    return re.search(rf"[\w,;’'] {re.escape(word.text)}(?![\w-])", doc_text(mention.doc)) is None


# Plural nouns for people that person_noun's titles and suffixes do not cover: who "say" as a group.
PEOPLE_PLURALS = {"men", "women", "children", "kids", "families", "fans", "users", "citizens", "locals", "victims",
                  "authorities", "police", "staff", "crowds", "friends", "neighbours", "neighbors", "colleagues",
                  "relatives", "allies", "rivals", "opponents", "candidates", "participants", "respondents", "clients",
                  "patients", "employees", "teens", "adults", "youths", "elders", "scholars", "pundits", "folks",
                  "people", "others", "many", "some", "both", "all", "most", "few", "several"}
AGENT_ENDINGS = ("ers", "ors", "ees", "ants", "ents", "ists", "ians", "ics", "als", "men", "women", "people")


def bare_plural_thing(words: list[Token]) -> bool:
    """'Hasib hung signs that say men aren't allowed', 'Tests show …': a plural common noun alone, with no
    determiner, no word describing it and no name, that is not a word for people: not an identity. 'Officials
    said', 'critics say', 'researchers found' (people) and 'reports say', 'polls show' (statements) stay sources."""
    if len(words) != 1:
        return False
    word = words[0]
    lower, lemma = word.lower_, word.lemma_.lower()
    return (word.tag_ == "NNS" and word.pos_ == "NOUN" and not word.ent_type_ and not person_noun(word)
            and lower not in PEOPLE_PLURALS and lemma not in STATEMENT_NOUNS and lower.rstrip("s") not in
            STATEMENT_NOUNS and not lower.endswith(AGENT_ENDINGS))


def quoted_token_ids(mention: Span) -> set[int]:
    """Tokens between quote marks inside a mention (a show's or a book's title)."""
    ids: set[int] = set()
    inside = False
    for token in mention:
        if token.text in {"“", "”", '"', "‘", "’"} and token.is_punct:
            inside = token.text in {"“", "‘"} or (token.text == '"' and not inside)
            continue
        if inside:
            ids.add(token.i)
    return ids


SUBJECTS = {"nsubj", "nsubjpass"}


def widened_to_entity(mention: Span) -> Span:
    """The name a mention cuts, where it cuts one; else the mention."""
    first, last = _entity_of(mention[0]), _entity_of(mention[-1])
    if first is not None and first[0] < mention.start or last is not None and last[1] > mention.end:
        # A mention that cuts a name ("Space Research" of "National Institute for Space Research"): the name,
        # unless the recogniser ran it into punctuation or a cue ("Obama Says …" in a headline).
        wider = mention.doc[min(first[0] if first else mention.start, mention.start):max(
            last[1] if last else mention.end, mention.end)]
        extra = [t for t in wider if not mention.start <= t.i < mention.end]
        if not any(t.is_punct and not _joins_word(t) or t.lower_ in lexicon() or t.lemma_.lower() in lexicon() or
                   t.lower_.rstrip("s") in lexicon() for t in extra):
            return wider
    return mention


def _joins_word(token: Token) -> bool:
    """A hyphen written inside one word ("al-Dovan", which the tokeniser splits into three): part of a name, unlike
    punctuation set apart from its words."""
    doc = token.doc
    return (token.text in {"-", "\u2010", "\u2011"} and not token.whitespace_ and 0 < token.i < len(doc) - 1
            and not doc[token.i - 1].whitespace_)


def noun_before_clause(mention: Span) -> Span:
    """'the video streaming application it was recorded on': a source whose relative clause without "that" the
    parser read as a clause of the sentence, so that the mention's head is that clause's verb (with its own
    subject, "it"); the noun phrase before the verb names the source. Else the mention."""
    root = mention.root
    if root.pos_ not in {"VERB", "AUX"} or not any(c.dep_ in {"nsubj", "nsubjpass"} and mention.start <= c.i
                                                   for c in root.children):
        return mention  # no clause of its own: "the Committee to Protect Journalists" is a name
    noun = next((t for t in mention if t.i < root.i and t.pos_ in {"NOUN", "PROPN"}
                 and not mention.start <= t.head.i < mention.end), None)
    end = min(noun.right_edge.i + 1, root.i, mention.end) if noun is not None else mention.start
    return mention.doc[mention.start:end] if end > mention.start else mention


def name_beside_function_word(mention: Span) -> Span:
    """A mention headed by a function word ("another", "one"): the name set beside it, where there is one."""
    root = mention.root
    if root.pos_ in {"DET", "PRON"} or root.lower_ in NEVER_IDENTITIES:
        # "Another, Pelco, announced …": the name set beside the function word is the speaker.
        named = next((c for c in root.children if c.dep_ in {"appos", "npadvmod"} and c.pos_ == "PROPN"), None)
        if named is not None:
            return mention.doc[named.left_edge.i:named.right_edge.i + 1]
    return mention
