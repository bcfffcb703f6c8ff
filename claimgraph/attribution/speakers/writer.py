"""The writer's own voice: statements that no one in the article holds are the writer's (`WRITER`).

"I"/"we" outside any quotation as the subject of the cue itself ("we found that …"); "you" with a modal that puts
a thought to the reader ("You might call this …"); a sourceless evidential ("voters seemed to agree") or a belief
raised to the subject with nobody named ("The port is expected to reopen"), outside anyone's statement; a
demonstrative that sums up what the writer has just set out ("This suggests …"). `WRITER` is an anonymous identity
of the article, never remembered by the resolver ("they" and "the statement" never point at the writer) and never
merged across articles; byline.py gives it to the byline's person where there is one.
"""

from __future__ import annotations

from claimgraph.attribution.found import Found
from claimgraph.attribution.speakers.mentions import SUBJECTS
from claimgraph.records import Speaker

# The writer's own voice: "I find the pace too swift", "we found that …" outside any quotation, the pronoun the
# subject of the cue itself. The article's author where its byline names one person (`with_byline`), else an
# anonymous identity of the article (never merged across articles, like every description).
WRITER_PRONOUNS = {"i", "we"}
# Sourceless evidentials whose judgement is the writer's own ("voters seemed to agree"); a passive belief ("is
# widely assumed", "is believed to") is held by people the text does not name, and stays without a speaker, all
# but the writer's forecast (`FORECASTS`).
JUDGEMENT_CUES = {"seem", "appear"}
WRITER = Speaker("writer", "anonymous", "writer")
# Modals by which the writer puts a thought to the reader ("you might say", "you could argue").
SUPPOSING = {"might", "may", "could", "would"}


def supposing(item: Found) -> bool:
    """'You might call this …': a modal after "you", in a sentence that asks nothing ("Or would you think she
    …?" is a question, not the writer's thought)."""
    cue, you = item.cue.root, item.source.root
    return not cue.sent.text.rstrip().rstrip("\"'’”").endswith("?") and any(
        c.tag_ == "MD" and c.lower_ in SUPPOSING and c.i > you.i for c in cue.children)


# "The port is expected to reopen", "is widely believed to …": a belief raised to the subject with nobody named;
# outside anyone's statement the writer reports it (as "the feature appears to …").
RAISED_BELIEFS = {"expect", "assume", "believe", "think", "consider"}
# "This suggests …", "That shows …": a demonstrative pointing back at what the writer just set out.
INFERRING = {"suggest", "show", "indicate", "mean", "imply", "demonstrate", "prove"}
DEMONSTRATIVES = {"this", "that", "these", "those"}


# Of those, the one that is a forecast the writer makes ("The port is expected to reopen in May": judged the
# writer's on the held-out realweb pages); "is believed / thought / assumed / considered to" tells a belief that
# unnamed others hold ("The boat is believed to have sunk": police, searchers), which a reader gives nobody (FNC-1
# sample D: "is believed to" given to the writer, judged wrong).
FORECASTS = {"expect"}


def writers_forecast(item: Found) -> bool:
    """A raised belief (`raised_belief`) that is the writer's own forecast: "is expected to"."""
    return raised_belief(item) and item.cue.root.lemma_.lower() in FORECASTS


def raised_belief(item: Found) -> bool:
    cue = item.cue.root
    return (item.cue_class == "think" and cue.lemma_.lower() in RAISED_BELIEFS
            and any(c.dep_ == "auxpass" for c in cue.children) and not any(c.dep_ == "agent" for c in cue.children))


def writers_inference(item: Found, mention: str) -> bool:
    """'This suggests the toolmakers were dedicated': the demonstrative source stands for the facts the writer
    has just given, outside anyone's statement; the inference is the writer's."""
    return (mention in DEMONSTRATIVES and item.parent is None and item.cue is not None
            and item.cue.root.lemma_.lower() in INFERRING and item.source is not None and len(item.source) == 1)


def quoted(item: Found, quotes: list[tuple[int, int]]) -> bool:
    at = item.cue.start_char if item.cue is not None else item.content[0][0]
    return any(start <= at < end for start, end in quotes)


def writer_voice(item: Found, quotes: list[tuple[int, int]]) -> bool:
    """'I'/'we' outside any quotation and nested in no one's statement, the subject of the cue's own verb."""
    if (item.parent is not None and item.parent.speaker is not None) or item.cue is None or not len(item.source):
        return False  # nested in a statement of someone's: theirs
    at = item.source.start_char
    if any(start <= at < end for start, end in quotes):
        return False
    subject = item.source.root
    return subject.dep_ in SUBJECTS and subject.head.i == item.cue.root.i
