"""Running systems for an evaluation: claimgraph and textacy's direct-quotation baseline over the same parses.

Each article is parsed once; claimgraph's extraction and textacy's `direct_quotations` then read the same `Doc`
objects, so the comparison is of the extraction rules alone and the timings split cleanly into parse time (shared)
and each system's own time. Both systems' output is the `extract --format jsonl` contract, scored the same way.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Token

from claimgraph.attribution.component import COMPONENT
from claimgraph.ingest.text import parse_text_article
from claimgraph.nlp import parse_chunks
from claimgraph.records import Article, Attribution, Speaker, attribution_id

if TYPE_CHECKING:
    from claimgraph.eval.polnear import GoldArticle
    from claimgraph.pipeline import Extractor

WORD = re.compile(r"\w+")  # words for words/second: the scorer's tokens


@dataclass
class SystemRun:
    """One system's predictions (JSON contract dicts) and the seconds its extraction took (parse excluded)."""

    predictions: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)  # "ARTICLE: error" where extraction raised
    notes: list[str] = field(default_factory=list)  # what the reader of the figures should know


@dataclass
class Run:
    words: int
    parse_seconds: float
    systems: dict[str, SystemRun]
    sentences: dict[str, list[tuple[int, int]]]  # article name -> sentence character spans, for error reports


# --- textacy ------------------------------------------------------------------------------------------------------

def _token_span(tokens: Sequence[Token], offset: int) -> tuple[int, int]:
    # textacy's speaker/cue are token lists that may skip tokens; the contract has one span, so take their extent.
    return offset + min(t.idx for t in tokens), offset + max(t.idx + len(t) for t in tokens)


def textacy_attributions(article: Article, pieces: Sequence[tuple[int, Doc]]) -> tuple[list[Attribution], int]:
    """textacy's direct quotations of an article as `Attribution`s; also how many pieces textacy refused.

    textacy raises ValueError for a text with an odd number of quotation marks (it will not guess which one is
    unclosed); such a piece yields nothing, which is how the baseline behaves when used as documented.
    """
    from textacy.extract.triples import direct_quotations

    out: list[Attribution] = []
    refused = 0
    for offset, doc in pieces:
        try:
            triples = list(direct_quotations(doc))
        except ValueError:
            refused += 1
            continue
        for t in triples:
            content_span = (offset + t.content.start_char, offset + t.content.end_char)
            source_span = _token_span(t.speaker, offset)
            cue_span = _token_span(t.cue, offset)
            # The sentence the quotation opens in (a quotation may run over several).
            sent = doc[t.content.start].sent
            out.append(Attribution(
                id=attribution_id(article.hash, cue_span, (content_span,), "direct"),
                kind="direct",
                speaker=Speaker(name=article.text[source_span[0]:source_span[1]]),
                source_span=source_span,
                cue=" ".join(tok.text for tok in t.cue),
                cue_span=cue_span,
                cue_class="unknown",
                content=t.content.text,
                content_spans=(content_span,),
                sentence=(offset + sent.start_char, offset + sent.end_char),
                method="textacy",
            ))
    return out, refused


# --- running -------------------------------------------------------------------------------------------------------

def _timed(it: Iterator[Any]) -> Iterator[tuple[Any, float]]:
    """Each item of a generator with the seconds spent producing it (the parser works inside `next`)."""
    while True:
        t0 = time.perf_counter()
        try:
            item = next(it)
        except StopIteration:
            return
        yield item, time.perf_counter() - t0


def to_article(gold: GoldArticle) -> Article:
    """The Article that `claimgraph extract` would build from the file, with the text exactly as scored."""
    return parse_text_article(gold.text, str(gold.text_path))


def run_systems(golds: Sequence[GoldArticle], extractor: Extractor | None = None, baseline: bool = True,
                n_process: int = 1, batch_size: int = 16, progress: bool = False) -> Run:
    """Parse every article once and run claimgraph (and textacy) on the parses, timing each part."""
    if extractor is None:
        from claimgraph.pipeline import Extractor
        extractor = Extractor()
    articles = [to_article(g) for g in golds]
    names = [g.name for g in golds]
    words = sum(len(WORD.findall(a.text)) for a in articles)
    systems = {"claimgraph": SystemRun()}
    if baseline:
        systems["textacy"] = SystemRun()
    sentences: dict[str, list[tuple[int, int]]] = {}
    refused = 0
    parse_seconds = 0.0

    # The same parsing call as Extractor.extract_many, so that claimgraph sees exactly the Docs it would see; the
    # attributions component is left out of the parse and run below, so that its time is claimgraph's own.
    parses = parse_chunks(extractor.nlp, (a.text for a in articles), n_process=n_process, batch_size=batch_size,
                          disable=[COMPONENT])
    bar = _progress(len(articles), progress)
    for (article, name), (pieces, seconds) in zip(zip(articles, names), _timed(parses)):
        parse_seconds += seconds
        sentences[name] = [(off + s.start_char, off + s.end_char) for off, doc in pieces for s in doc.sents]

        t0 = time.perf_counter()
        try:
            found = extractor.extract_parsed(article, pieces)
            systems["claimgraph"].predictions += [a.to_json(article.ref) for a in found]
        except Exception as exc:  # one article's failure must not hide the figures of the other 83
            systems["claimgraph"].failures.append(f"{name}: {type(exc).__name__}: {exc}")
        systems["claimgraph"].seconds += time.perf_counter() - t0

        if baseline:
            t0 = time.perf_counter()
            found, n = textacy_attributions(article, pieces)
            refused += n
            systems["textacy"].predictions += [a.to_json(article.ref) for a in found]
            systems["textacy"].seconds += time.perf_counter() - t0
        bar.update(1)
    bar.close()
    if baseline and refused:
        systems["textacy"].notes.append(f"{refused} parsed text(s) refused (odd number of quotation marks)")
    return Run(words, parse_seconds, systems, sentences)


def _progress(total: int, enabled: bool) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, unit="article", file=sys.stderr, disable=not enabled, desc="eval")
