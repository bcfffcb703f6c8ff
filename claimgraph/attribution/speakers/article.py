"""One article's sources to identities, in text order (`resolve_speakers`).

Each Found goes to the quote it continues, to the statement it stands in ("I think" inside a quote), to the writer
(writer.py), to the other party of a two-party interview, or to the `SpeakerResolver` (resolver.py) with the
source a reader reads where the rules found none (implied.py); at the end every statement takes the name its
speaker took last ("Microsoft Corp" → "Microsoft").
"""

from __future__ import annotations

from spacy.tokens import Doc

from claimgraph.attribution.found import Found, doc_text
from claimgraph.attribution.marks import find_quotes
from claimgraph.attribution.speaker_types import HONORIFICS, ROLE_ENDS
from claimgraph.attribution.speakers.implied import (
    apposed_name,
    asked_participle,
    conjunct_subject,
    dummy_it,
    implied_source,
    is_fragment,
    issuer_of_relative,
    subject_of_sentence_before,
    trailing_participle_speaker,
)
from claimgraph.attribution.speakers.mentions import SELF_PRONOUNS
from claimgraph.attribution.speakers.resolver import SpeakerResolver
from claimgraph.attribution.speakers.writer import (
    JUDGEMENT_CUES,
    WRITER,
    WRITER_PRONOUNS,
    quoted,
    raised_belief,
    supposing,
    writer_voice,
    writers_forecast,
    writers_inference,
)
from claimgraph.records import Speaker


def resolve_speakers(found: list[Found], doc: Doc) -> None:
    """Every source of one Doc to its identity, in text order (the Found records are updated in place).

    Continuations take the speaker of the quote they continue; "I"/"we" inside a statement are its speaker's;
    "I"/"we" outside any quotation as the cue's subject are the writer's; "you" in a labelled interview line is the
    other party of a two-party interview ("The Economist: You say that …" is what Thomas Malone says); the rest
    goes through `SpeakerResolver`.
    """
    resolver = SpeakerResolver(doc)
    quotes = [(q.start, q.end) for q in find_quotes(doc_text(doc))]
    resolver.reported = quotes + [span for item in found for span in item.content]
    resolver.cues = {item.cue.root.i for item in found if item.cue is not None}
    labels = [item for item in found if _is_label_line(item)]
    addressed: list[Found] = []
    fragment: Found | None = None  # the last subjectless fragment ("Explaining why he …") and its speaker
    statement: Found | None = None  # the last statement outside any other, with a cue of its own
    for item in found:
        if isinstance(item.speaker, Found) and (said := _said_just_before(item, statement, doc)) is not None:
            # '“…,” Vell said. ¶ Moss said the ferry would run in May. “The town cannot wait.”': the cue-less
            # quotation goes on with the statement right before it, not with the quote before that.
            item.source, item.speaker = said.source, said.speaker
            continue
        if item.parent is None and item.cue is not None and not isinstance(item.speaker, Found):
            statement = item
        if isinstance(item.speaker, Found):  # a continuation: the speaker of the quote it continues
            item.source = item.source or item.speaker.source  # where that speaker is named
            item.speaker = item.speaker.speaker
            continue
        asked = asked_participle(item) and item.parent is None  # nested, a sourceless find would go
        if item.source is None:
            item.source = implied_source(item)
            # "Asked if …, Vell said": Vell answers and is the speaker, but the question's source (who asked) is
            # not named: the attribution keeps no source mention (PolNeAR marks none).
            asked = asked or item.source is not None and item.cue.root.tag_ == "VBN"
        if item.source is None:
            item.source = apposed_name(item)  # "Jeffrey Salkin, a rabbi in Hollywood, said …" misparsed
        if item.source is None and is_fragment(item):
            # "Explaining why he won’t release …." standing alone: the explainer is whom the text is about, the
            # subject of the sentence before (or of the fragment before, in a run of them).
            sent = item.cue.root.sent
            between = sent.doc[fragment.cue.root.sent.end:sent.start] if fragment is not None else None
            if between is not None and all(t.is_space for t in between) and fragment.speaker is not None:
                item.source, item.speaker = fragment.source, fragment.speaker
            else:
                item.source = subject_of_sentence_before(sent)
                item.speaker = resolver.resolve(item.source) if item.source is not None else None
            fragment = item
            continue
        if item.source is not None and dummy_it(item):
            item.source = None  # "It's easy to criticize …": an "it" that stands for nobody
        if item.source is not None:
            item.source = (conjunct_subject(item) or trailing_participle_speaker(item) or issuer_of_relative(item)
                           or item.source)
        if item.source is None:
            if item.cue is not None and (item.cue.root.lemma_.lower() in JUDGEMENT_CUES or raised_belief(item)) \
                    and not quoted(item, quotes):
                # "The feature appears to use …": the judgement of whoever is speaking there, the writer outside
                # anyone's statement.
                if item.parent is not None:
                    item.speaker = item.parent.speaker
                elif item.cue.root.lemma_.lower() in JUDGEMENT_CUES or writers_forecast(item):
                    item.speaker = WRITER  # "is believed to" outside anyone's statement: unnamed others, nobody
            continue
        mention = item.source.text.strip().lower()
        if mention in SELF_PRONOUNS and item.parent is not None and (
                item.parent.speaker is not None or item.parent.kind == "direct"):
            item.speaker = item.parent.speaker  # "I think" inside a quote: the quote's speaker
            continue
        if mention == "you" and any(item.parent is label for label in labels):
            addressed.append(item)
            continue
        if mention in WRITER_PRONOUNS and writer_voice(item, quotes) or mention == "you" and writer_voice(
                item, quotes) and supposing(item):
            # "You might call this a measure of social intelligence": the writer's suggestion to the reader.
            item.speaker = WRITER  # not remembered: "they" and "the statement" never point at the writer
            continue
        if writers_inference(item, mention) and not quoted(item, quotes):
            item.speaker = WRITER  # "This suggests the toolmakers were …": the writer drawing a conclusion
            continue
        item.speaker = resolver.resolve(item.source)
        if asked:
            item.source = None
    final = {known.key: known for known in resolver.known}
    for item in found:
        key = item.speaker.key if isinstance(item.speaker, Speaker) else None
        while key in resolver.renamed:
            key = resolver.renamed[key]
        if key is not None and key in final and (key != item.speaker.key or _office(final[key].role) and not (
                item.speaker.role)):
            # A longer name taken later, or an office learned later ("Ilan Moss said … the congressman said"): every
            # statement of the person carries it.
            item.speaker = final[key]
    for item in addressed:
        asking = item.parent.speaker if item.parent is not None else None
        parties = {label.speaker.key: label.speaker for label in labels if isinstance(label.speaker, Speaker)}
        others = [sp for key, sp in parties.items() if not (isinstance(asking, Speaker) and key == asking.key)]
        if isinstance(asking, Speaker) and len(parties) == 2 and len(others) == 1:
            item.speaker = others[0]


def _office(role: str | None) -> bool:
    """A role that names an office or a trade ("congressman", "prime minister", "analyst"), not where someone is
    from or lives ("a native of Sturtevant", "a resident of …", "schoolboy"), which an apposition gives as role too:
    given to every statement of the person, those read worse (FNC-1 design: 3 articles)."""
    return role is not None and role.split()[-1].split("-")[-1] in ROLE_ENDS - HONORIFICS  # "security guard mr"


def _said_just_before(item: Found, statement: Found | None, doc: Doc) -> Found | None:
    """The statement whose sentence ends right before a continuation's quotation, when that statement comes after
    the quote the continuation was joined to and has a source of its own; None otherwise."""
    if statement is None or statement is item.speaker or statement.source is None or statement.speaker is None:
        return None
    continued = item.speaker
    if statement.sentence[0] < max(e for _, e in continued.content):
        return None
    if statement.sentence[1] > item.content[0][0]:
        return None
    between = doc_text(doc)[statement.sentence[1]:item.content[0][0]]
    return statement if not between.strip(" \t\n\"“”'") else None


def _is_label_line(item: Found) -> bool:
    """A transcript line's statement (labels.speaker_labels): the cue is the colon right after the label."""
    return (item.cue is not None and item.cue.text == ":" and item.source is not None
            and item.cue.start_char == item.source.end_char)
