"""The library's main entry: parse articles and find their attributions.

`Extractor` ties the stages together: nlp (parse, in pieces for long texts) -> the attributions component (rules,
then the learned tagger where it is installed, merged; speakers resolved inside the article). It stores nothing;
`claimgraph.service` adds the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.language import Language

from claimgraph.attribution.component import COMPONENT, AttributionsComponent
from claimgraph.attribution.learned.gate import DEFAULT as DEFAULT_GATE
from claimgraph.attribution.speakers import with_byline
from claimgraph.deadline import DEFAULT_ARTICLE_TIMEOUT
from claimgraph.nlp import DEFAULT_MODEL, load_pipeline, parse_chunks
from claimgraph.records import Article, Attribution, Span, attribution_id


@dataclass
class Extracted:
    article: Article
    attributions: list[Attribution]
    language: str | None = None  # detected (claimgraph.nlp.language); None when the text is too short to tell
    skipped_language: bool = False  # another language than the pipeline's: not extracted (no attributions)


class Extractor:
    """Finds every attribution in articles. One instance loads the pipeline once; reuse it.

    A thin wrapper over the `claimgraph_attributions` spaCy component (attribution/component.py): it adds the
    component to the pipeline where it is missing (which prepares a user's own `nlp` as `load_pipeline` does),
    cuts long articles into pieces and gives each piece's records the article's offsets and ids.
    `speech_only` leaves out the `think` cue class; `gate` names which of the tagger's additions to keep
    (attribution/learned/gate.py; the default keeps quoted ones only, "shipped" the release's wider gate).
    `article_timeout` is the seconds one article's extraction may take (0: none; claimgraph/deadline.py): past it
    the article raises `ExtractionTimeout`, which `service.extract_safely` records as that article's failure.
    """

    def __init__(self, model: str = DEFAULT_MODEL, nlp: Language | None = None, learned: bool = True,
                 speech_only: bool = False, gate: str | None = None,
                 article_timeout: float | None = DEFAULT_ARTICLE_TIMEOUT):
        self.nlp = nlp if nlp is not None else load_pipeline(model)
        if COMPONENT not in self.nlp.pipe_names:
            self.nlp.add_pipe(COMPONENT, config={"learned": learned, "speech_only": speech_only})
        self.component: AttributionsComponent = self.nlp.get_pipe(COMPONENT)
        # The pipeline is shared (cached by name): this extractor's settings go with each call, not the component.
        self.learned = learned and self.component.tagger is not None
        self.speech_only = speech_only
        self.settings = {"learned": self.learned, "speech_only": speech_only, "gate": gate or DEFAULT_GATE.name,
                         "article_timeout": article_timeout or 0}

    def extract(self, article: Article) -> list[Attribution]:
        return next(self.extract_many([article])).attributions

    def extract_many(self, articles: Iterable[Article], n_process: int = 1,
                     batch_size: int = 16) -> Iterator[Extracted]:
        """Yield each article with its attributions, in input order; `n_process` > 1 parses on several cores."""
        from claimgraph.nlp.language import detect_language, is_foreign

        buffered: list[tuple[Article, str | None]] = []

        def texts() -> Iterator[str]:
            for article in articles:
                language = detect_language(article.text)
                buffered.append((article, language))
                # A text in another language is not parsed (the rules would read it as English): an empty
                # placeholder keeps the parser's output in step with the input order.
                yield "" if is_foreign(language, self.nlp.lang) else article.text

        # Docs carrying records do not travel between processes: with workers, the component runs here.
        in_pipe = n_process == 1
        parsed = parse_chunks(self.nlp, texts(), n_process=n_process, batch_size=batch_size,
                              disable=[] if in_pipe else [COMPONENT],
                              component_cfg={COMPONENT: self.settings} if in_pipe else None)
        for pieces in parsed:
            article, language = buffered.pop(0)
            if is_foreign(language, self.nlp.lang):
                yield Extracted(article, [], language, skipped_language=True)
            else:
                yield Extracted(article, self.extract_parsed(article, pieces), language)

    def extract_parsed(self, article: Article, pieces: list) -> list[Attribution]:
        """Attributions of an article parsed by `self.nlp`, as (offset, Doc) pieces; pieces parsed without the
        component go through it now."""
        fresh = [doc for _, doc in pieces if doc._.attributions is None]
        if fresh:
            list(self.component.pipe(fresh, **self.settings))
        # The writer's own "I"/"we" is the byline's person where the reader found one (the Doc knows no byline).
        return with_byline(article, [record for offset, doc in pieces
                                     for record in rebase(doc._.attributions, article, offset)])


def rebase(attributions: list[Attribution], article: Article, offset: int) -> list[Attribution]:
    """A piece's records (offsets and ids of the piece) as records of the whole article."""
    def shift(span: Span | None) -> Span | None:
        return (span[0] + offset, span[1] + offset) if span is not None else None

    ids = {a.id: attribution_id(article.hash, shift(a.cue_span), tuple(shift(s) for s in a.content_spans), a.kind)
           for a in attributions}
    return [replace(a, id=ids[a.id], parent=ids.get(a.parent) if a.parent else None,
                    source_span=shift(a.source_span), cue_span=shift(a.cue_span),
                    content_spans=tuple(shift(s) for s in a.content_spans), sentence=shift(a.sentence))
            for a in attributions]
