"""Transcripts: "WALLACE: Let's start with …" — a speaker label opens the line, the rest of the line is said.

Only read as speech where an article has at least two such lines (an interview or debate transcript), so that
one-off labels ("CORRECTION:", "UPDATE:") are not taken for speakers.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from claimgraph.attribution.found import Found, doc_text, sentence_of, trim

LABEL = re.compile(r"^[\"“]?(?P<name>(?:MR\.|MRS\.|MS\.|DR\.|SEN\.|REP\.|GOV\.)?"
                   r"\s?[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):\s+(?=\S)",
                   re.MULTILINE)
NOT_SPEAKERS = {"CORRECTION", "UPDATE", "BYLINE", "EMAIL", "LOOK", "EXCLUSIVE", "PREVIOUSLY", "NOTE", "EDITOR'S NOTE",
                "WATCH", "READ", "RELATED", "SOURCE", "SOURCES", "PHOTO", "VIDEO", "BREAKING", "Q", "A", "FIX IS IN",
                "SHORT READS", "STAT OF THE WEEK", "BUSTED", "HUFFPOLLSTER",
                # a page's section words ("STORY: …", "NEWS: …"); the writer's notes (`WRITERS_NOTES`) below
                "STORY", "NEWS", "PHOTOS", "VIDEOS", "IMAGE"}
# The end of a turn of talk: a transcript line is a sentence, or breaks off ("WALLACE: But, Senator —"). An all-caps
# label before a line that ends on a word ("SYRIAN WAR: 10 points to help understand what's going on", "ROMP: A
# screenshot of the viral video [CEN]") heads a link to another story or a photo caption of a tabloid page.
TURN_END = re.compile(r"[.?!…\"“”'‘’)—–:;,-][ \t]*$")


# Link and section lines of web pages ("READ MORE: Mayor says …", "Related: …", "Watch: …"): a headline of another
# page, never a statement of this one, whatever the case they are written in.
LINK_LINE = re.compile(r"^[ \t]*(?:read more|read also|also read|more|related(?: content| stories| articles)?|"
                       r"watch(?: now)?|listen|see also|see more|photos?|video|gallery|sign up|subscribe|"
                       r"click here|recommended|trending|must read|don[’']t miss|follow us|advertisement|"
                       r"sponsored|top stories|latest)[ \t]*[:|»›>]", re.IGNORECASE | re.MULTILINE)


# An interview written in title case ("The Economist: What do you mean …", "Mr Malone: Groups don’t always …"): a
# name of capitalised words opening a line. Read as a transcript only where two labels open two lines or more each
# (the interviewer's and the interviewee's), so that a one-off "Photo: …" or "Update: …" is no speaker.
TITLE_LABEL = re.compile(r"^(?P<name>(?:(?:Mr|Mrs|Ms|Dr|Prof)\.? )?(?:The )?[A-Z][\w'’.-]*[a-z][\w'’.-]*"
                         r"(?: [A-Z][\w'’.-]+){0,2}):[ \t]+(?=\S)", re.MULTILINE)
MIN_TITLE_LINES = 2
# The writer's own notes ("UPDATE: The harbor board has confirmed …", "EDITOR'S NOTE: …"): a label that opens a line
# of the article's prose, not a headline of another page, so what is said in the line stays.
WRITERS_NOTES = {"UPDATE", "UPDATED", "EARLIER", "NOTE", "CORRECTION", "CLARIFICATION", "EDITOR'S NOTE",
                 "EDITOR’S NOTE",
                 # a fact check's own verdicts ("FACT: That blogger never said …"): the writer's prose
                 "FACT", "FICTION", "MYTH", "CLAIM", "VERDICT"}
NOT_SPEAKERS |= WRITERS_NOTES
MIN_UTTERANCE_WORDS = 5


def _utterance(text: str, start: int) -> bool:
    """The rest of a title-case label's line reads as something said (five words or more), not a figure or a
    tally ("Clinton: 2,203 delegates")."""
    end = text.find("\n", start)
    return len(re.findall(r"[^\W\d_]+", text[start:len(text) if end < 0 else end])) >= MIN_UTTERANCE_WORDS


def _named_elsewhere(text: str, name: str, label_starts: set[int]) -> bool:
    """A one-word title-case label is a speaker's name only where the article names that speaker outside its label
    lines too ("… spoke with the councillor Mara Vell" before "Vell: …"). Photo captions of some tabloids open on a
    word of their own ("Thankful: He thanked the guard …", "Remembered: Flowers …"), two lines each, and are no
    interview: the word is written nowhere else."""
    return any(m.start() not in label_starts for m in re.finditer(rf"\b{re.escape(name)}\b", text))


def _turn(text: str, start: int) -> bool:
    """The rest of an all-caps label's line ends as a turn of talk does (`TURN_END`), not as a headline."""
    end = text.find("\n", start)
    return TURN_END.search(text[start:len(text) if end < 0 else end]) is not None


def transcript_labels(text: str) -> list[re.Match]:
    matches = [m for m in LABEL.finditer(text) if m.group("name").strip() not in NOT_SPEAKERS]
    # Two turns at least, and more turns than other lines: a block of linked headlines may hold one that ends on a
    # question or a quote ("FUNDING CUTS: Is this the end for our ABC?"), a transcript's lines nearly all end as turns.
    turns = sum(_turn(text, m.end()) for m in matches)
    matches = matches if turns >= 2 and 2 * turns > len(matches) else []
    titled = [m for m in TITLE_LABEL.finditer(text) if m.group("name").upper() not in NOT_SPEAKERS
              and not LINK_LINE.match(text, m.start())]
    label_starts = {m.start() for m in titled}
    titled = [m for m in titled if " " in m.group("name") or _named_elsewhere(text, m.group("name"), label_starts)]
    counts: dict[str, int] = {}
    for m in titled:  # what makes it an interview: lines that say something ("What next?" then counts as well)
        if _utterance(text, m.end()):
            counts[m.group("name")] = counts.get(m.group("name"), 0) + 1
    if sum(n >= MIN_TITLE_LINES for n in counts.values()) >= 2:
        matches = sorted(matches + titled, key=lambda m: m.start())
    return matches


def label_lines(doc: Doc) -> list[tuple[int, int]]:
    """Lines that are labels, not prose: link lines ("READ MORE: …", "Related: …") and all-caps "LABEL: …"
    lines outside a transcript, but for the writer's notes (`WRITERS_NOTES`: "UPDATE: …"). Nothing found in them is
    an attribution (on the trust issue's out-of-domain set 81 such lines were predicted, 79 wrongly)."""
    text = doc_text(doc)
    transcript = {m.start() for m in transcript_labels(text)}
    starts = {m.start() for m in LINK_LINE.finditer(text)}
    # From the label's first letter: LABEL's optional space may take the line break before it.
    starts |= {m.start() + len(m.group(0)) - len(m.group(0).lstrip()) for m in LABEL.finditer(text)
               if m.start() not in transcript and m.group("name").strip() not in WRITERS_NOTES}
    lines = []
    for start in sorted(starts):
        end = text.find("\n", start)
        lines.append((start, len(text) if end < 0 else end))
    return lines


def speaker_labels(doc: Doc) -> list[Found]:
    text = doc_text(doc)
    matches = transcript_labels(text)
    if not matches:
        return []
    found = []
    for m in matches:
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        start, end = trim(doc, m.end(), line_end, keep_final_period=True)
        name_end = m.end("name")
        # LABEL's optional space may take the blank line before the label: the name starts at its first letter
        name_start = name_end - len(m.group("name").lstrip())
        source = doc.char_span(name_start, name_end, alignment_mode="expand")
        colon = doc.char_span(name_end, name_end + 1, alignment_mode="expand")
        if source is None or colon is None or end <= start:
            continue
        found.append(Found(kind="direct", cue=colon, source=source, content=[(start, end)], cue_class="report",
                           sentence=sentence_of(doc, (start, end)), confidence=0.7))
    return found
