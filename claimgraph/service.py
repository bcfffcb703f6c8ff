"""Ingestion as a library call: read inputs, skip what is stored, extract, store; one report at the end.

The CLI's `ingest` and `watch` and the web layer call `ingest_articles`; nothing here prints. A bad input becomes
one `Failure` naming it and the batch goes on; each article is stored in its own transaction, so an interrupted
run keeps everything stored before the interruption, and a rerun skips it (same text, same id).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from claimgraph import EXTRACTOR_VERSION
from claimgraph.errors import InputError, StoreError
from claimgraph.pipeline import Extractor
from claimgraph.records import Appearance, Article
from claimgraph.store import Store


@dataclass
class Failure:
    source: str
    reason: str


@dataclass
class IngestReport:
    read: int = 0
    stored: int = 0
    duplicate: int = 0  # the same text was stored already (this run or an earlier one)
    syndicated: int = 0  # a near-duplicate of a stored story: kept as another appearance of it
    skipped: int = 0
    attributions: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def as_dict(self) -> dict:
        return {"read": self.read, "stored": self.stored, "duplicate": self.duplicate,
                "syndicated": self.syndicated, "skipped": self.skipped, "failed": self.failed,
                "attributions": self.attributions,
                "failures": [{"source": f.source, "reason": f.reason} for f in self.failures]}


def appearance_of(article: Article, article_id: str | None = None) -> Appearance:
    return Appearance(article_id or article.id, article.ref, article.publisher, article.url, article.published,
                      article.title)


def ingest_articles(items: Iterable[Article | InputError], store: Store, extractor: Extractor,
                    n_process: int = 1, on_progress: Callable[[str], None] | None = None,
                    syndication: "object | None" = None) -> IngestReport:
    """Store every new article of `items` with its attributions; report what happened to each input.

    `syndication`, when given, is a near-duplicate index with `match(article) -> (article_id, similarity) | None`
    and `add(article)`: a match is stored as another appearance of the earlier story, not extracted again.
    """
    report = IngestReport()
    seen_in_batch: set[str] = set()
    signatures: dict[str, bytes] = {}
    # Copies of a story whose original is still waiting in the extractor's batch: stored once it is saved
    # (an appearance must point at a stored article).
    deferred: list[tuple[Appearance, float | None]] = []

    def add_appearance(appearance: Appearance, similarity: float | None) -> None:
        if appearance.article_id in seen_in_batch and not store.article_exists(appearance.article_id):
            deferred.append((appearance, similarity))
        else:
            store.add_appearance(appearance, similarity=similarity)

    def new_articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, InputError):
                report.failures.append(Failure(item.source, item.reason))
                _record_failure(store, item.source, item.reason)
                if on_progress:
                    on_progress(item.source)
                continue
            report.read += 1
            if item.id in seen_in_batch or store.article_exists(item.id):
                report.duplicate += 1
                add_appearance(appearance_of(item), None)
            elif syndication is not None and (match := syndication.match(item)) is not None:
                original_id, similarity = match
                report.syndicated += 1
                add_appearance(appearance_of(item, original_id), similarity)
            else:
                if syndication is not None:
                    # Indexed now, not after extraction, so that a copy later in this same run finds it.
                    signatures[item.id] = syndication.add(item)
                seen_in_batch.add(item.id)
                yield item
                continue
            if on_progress:
                on_progress(item.ref)

    for extracted in extractor.extract_many(new_articles(), n_process=n_process):
        article = extracted.article
        try:
            stored = store.save_article(article, extracted.attributions, EXTRACTOR_VERSION,
                                        signature=signatures.pop(article.id, None))
        except StoreError as exc:
            report.failures.append(Failure(article.ref, str(exc)))
            stored = None
        if stored:
            report.stored += 1
            report.attributions += len(extracted.attributions)
        elif stored is False:
            report.duplicate += 1
        if on_progress:
            on_progress(article.ref)
    for appearance, similarity in deferred:
        try:
            store.add_appearance(appearance, similarity=similarity)
        except StoreError as exc:
            report.failures.append(Failure(appearance.source, str(exc)))
    return report


def _record_failure(store: Store, source: str, reason: str) -> None:
    try:
        store.record_failure(source, reason)
    except StoreError:
        pass  # the failure is still reported to the user; the store's own fault surfaces on the next write


def reextract(store: Store, extractor: Extractor, everything: bool = False, n_process: int = 1,
              on_progress: Callable[[str], None] | None = None) -> int:
    """Redo the attributions of stored articles extracted by another extractor version (or all); returns count."""
    articles = store.articles(outdated_for=None if everything else EXTRACTOR_VERSION)
    done = 0
    for extracted in extractor.extract_many(articles, n_process=n_process):
        store.replace_attributions(extracted.article, extracted.attributions, EXTRACTOR_VERSION)
        done += 1
        if on_progress:
            on_progress(extracted.article.ref)
    return done
