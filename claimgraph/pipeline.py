"""The library's main entry: parse articles and find their attributions.

`Extractor` ties the stages together: nlp (parse, in pieces for long texts) -> attribution (rules, then the
learned tagger where it is installed, merged) -> speakers (resolution inside the article). It stores nothing;
`claimgraph.service` adds the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language

from claimgraph.attribution import extract_attributions
from claimgraph.nlp import DEFAULT_MODEL, load_pipeline, parse_chunks
from claimgraph.records import Article, Attribution


@dataclass
class Extracted:
    article: Article
    attributions: list[Attribution]
    language: str | None = None  # detected (claimgraph.nlp.language); None when the text is too short to tell
    skipped_language: bool = False  # another language than the pipeline's: not extracted (no attributions)


class Extractor:
    """Finds every attribution in articles. One instance loads the pipeline once; reuse it."""

    def __init__(self, model: str = DEFAULT_MODEL, nlp: Language | None = None, learned: bool = True):
        self.nlp = nlp if nlp is not None else load_pipeline(model)
        self.learned = False
        if learned:
            from claimgraph.attribution.learned import load_tagger

            # Adds the trained component after the pipeline's own (None where no model is installed).
            self.learned = load_tagger(self.nlp) is not None

    def extract(self, article: Article) -> list[Attribution]:
        return next(self.extract_many([article])).attributions

    def extract_many(self, articles: Iterable[Article], n_process: int = 1, batch_size: int = 16) -> Iterator[Extracted]:
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

        # The pipeline is shared (cached by name): a rules-only extractor skips a tagger another one added.
        skip = [] if self.learned else [name for name in self.nlp.pipe_names if name == "attribution_tagger"]
        for pieces in parse_chunks(self.nlp, texts(), n_process=n_process, batch_size=batch_size, disable=skip):
            article, language = buffered.pop(0)
            if is_foreign(language, self.nlp.lang):
                yield Extracted(article, [], language, skipped_language=True)
            else:
                yield Extracted(article, self.extract_parsed(article, pieces), language)

    def extract_parsed(self, article: Article, pieces: list) -> list[Attribution]:
        """Attributions of an article already parsed by `self.nlp`, as (offset, Doc) pieces."""
        return extract_attributions(article, pieces, learned=self.learned)
