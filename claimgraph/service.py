"""The library's use cases over records and the store: ingest, reextract, relink claims, poll feeds.

The CLI's `ingest` and `watch` and the web layer call these; nothing here prints. A bad input becomes one `Failure`
naming it and its error, and the batch goes on (exceptions are caught at the article boundary: reading, extracting,
storing). Each article is stored in its own transaction, so an interrupted run keeps everything stored before the
interruption, and a rerun skips it (same text, same id) and retries what failed.
"""

from __future__ import annotations

import itertools
import os
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from claimgraph import EXTRACTOR_VERSION
from claimgraph.errors import InputError
from claimgraph.records import Appearance, Article, Attribution, normalise_name

if TYPE_CHECKING:
    from claimgraph.ingest.feeds import Fetcher
    from claimgraph.pipeline import Extracted, Extractor
    from claimgraph.store import Store

# Set while attributions have changed since claims were last linked (a value per run, so that a link that started
# before another run's change does not clear that run's mark). A killed run leaves it set: the next run relinks.
CLAIMS_STALE = "claims_stale"


@dataclass
class Failure:
    source: str
    reason: str  # "ErrorClass: message" for an unexpected error; the reader's own words for an input error


@dataclass
class IngestReport:
    read: int = 0
    stored: int = 0
    duplicate: int = 0  # the same text was stored already (this run, an earlier one, or another writer)
    syndicated: int = 0  # a near-duplicate of a stored story: kept as another appearance of it
    copy_statements: int = 0  # statements only a near-duplicate copy carries, kept with its appearance
    not_english: int = 0  # stored with their language and no attributions (no pipeline for that language)
    skipped: int = 0
    attributions: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def as_dict(self) -> dict:
        return {"read": self.read, "stored": self.stored, "duplicate": self.duplicate,
                "syndicated": self.syndicated, "copy_statements": self.copy_statements,
                "not_english": self.not_english, "skipped": self.skipped, "failed": self.failed,
                "attributions": self.attributions,
                "failures": [{"source": f.source, "reason": f.reason} for f in self.failures]}

    def add(self, other: IngestReport) -> None:
        for name in ("read", "stored", "duplicate", "syndicated", "copy_statements", "not_english", "skipped",
                     "attributions"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.failures.extend(other.failures)


def appearance_of(article: Article, article_id: str | None = None) -> Appearance:
    return Appearance(article_id or article.id, article.ref, article.publisher, article.url, article.published,
                      article.title)


def describe(exc: BaseException) -> str:
    """An unexpected error as one line that names its class ("IndexError: list index out of range")."""
    if isinstance(exc, InputError):
        return exc.reason
    message = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def ingest_articles(items: Iterable[Article | InputError], store: Store, extractor: Extractor,
                    n_process: int = 1, on_progress: Callable[[str], None] | None = None,
                    syndication: object | None = None,
                    on_failure: Callable[[Failure], None] | None = None) -> IngestReport:
    """Store every new article of `items` with its attributions; report what happened to each input.

    `syndication`, when given, is a near-duplicate index with `match(article) -> (article_id, similarity) | None`
    and `add(article) -> signature`: a match is another appearance of the earlier story; it is extracted too, and
    the statements it carries that the stored story lacks are kept with that appearance.
    `on_failure` is called with each failure as it happens (the CLI prints it at once).
    """
    if n_process > 1:
        _workers_die_with_parent()
    run = _IngestRun(store, on_progress, syndication, on_failure)
    for outcome in extract_safely(extractor, run.new_articles(items), n_process):
        if isinstance(outcome, BrokenArticle):
            run.fail(outcome.article.ref, outcome.error)
        elif outcome.article.id in run.copies:
            run.store_copy(outcome)
        else:
            run.store_article(outcome)
        run.progress(outcome.article.ref)
    run.flush_deferred()
    return run.report


@dataclass
class BrokenArticle:
    """An article whose extraction raised (found by `extract_safely`)."""

    article: Article
    error: BaseException


def extract_safely(extractor: Extractor, articles: Iterator[Article],
                   n_process: int = 1) -> Iterator[Extracted | BrokenArticle]:
    """`extractor.extract_many` over `articles`, in order; an article whose extraction raises comes out as a
    `BrokenArticle`.

    Extraction runs batched; when the batch raises, the articles it held are extracted again one at a time to find
    the culprit, and batching resumes with the rest.
    """
    in_flight: list[Article] = []

    def feed() -> Iterator[Article]:
        for article in articles:
            in_flight.append(article)
            yield article

    source = feed()
    while True:
        try:
            for extracted in extractor.extract_many(source, n_process=n_process):
                in_flight.remove(extracted.article)
                yield extracted
            return
        except Exception:  # noqa: BLE001 - one article's fault must not end the batch
            stuck = list(in_flight)
            in_flight.clear()
            if not stuck:
                raise  # not an article's fault (the extractor cannot run at all): retrying would loop
        for article in stuck:
            yield _extract_one(extractor, article)


def _extract_one(extractor: Extractor, article: Article) -> Extracted | BrokenArticle:
    try:
        return next(iter(extractor.extract_many([article])))
    except Exception as exc:  # noqa: BLE001 - named in the report, the batch goes on
        return BrokenArticle(article, exc)


class _IngestRun:
    """One `ingest_articles` call: what is new, what is a copy, what failed; each step a method."""

    def __init__(self, store: Store, on_progress: Callable[[str], None] | None, syndication: Any,
                 on_failure: Callable[[Failure], None] | None):
        self.store = store
        self.on_progress, self.syndication, self.on_failure = on_progress, syndication, on_failure
        self.report = IngestReport()
        self.seen_in_batch: set[str] = set()
        self.signatures: dict[str, bytes] = {}
        self.copies: dict[str, tuple[str, float]] = {}  # copy's id -> (stored story's id, similarity)
        self.marked_stale = False
        # Exact copies of a story whose original is still waiting in the extractor's batch: stored once it is
        # saved (an appearance must point at a stored article).
        self.deferred: list[tuple[Appearance, float | None]] = []

    def progress(self, ref: str) -> None:
        if self.on_progress:
            self.on_progress(ref)

    def fail(self, source: str, error: BaseException | str) -> None:
        failure = Failure(source, error if isinstance(error, str) else describe(error))
        self.report.failures.append(failure)
        try:
            self.store.record_failure(failure.source, failure.reason)
        except Exception:  # noqa: BLE001 - still reported to the user; the store's fault shows on the next write
            pass
        if self.on_failure:
            self.on_failure(failure)

    def new_articles(self, items: Iterable[Article | InputError]) -> Iterator[Article]:
        """The articles to extract: new stories and differing copies; everything else is settled here."""
        iterator = iter(items)
        while True:
            try:
                item = next(iterator)
            except StopIteration:
                return
            except Exception as exc:  # noqa: BLE001 - a reader that raises instead of yielding an InputError
                self.fail(getattr(exc, "source", None) or "(input)", exc)
                return
            try:
                if self._triage(item):
                    yield item
                    continue
            except Exception as exc:  # noqa: BLE001
                self.fail(getattr(item, "ref", None) or getattr(item, "source", "(input)"), exc)
            self.progress(getattr(item, "ref", None) or getattr(item, "source", ""))

    def _triage(self, item: Article | InputError) -> bool:
        """True when `item` must be extracted; otherwise it is counted (failure, duplicate, known copy) here."""
        if isinstance(item, InputError):
            self.fail(item.source, item.reason)
            return False
        self.report.read += 1
        if item.id in self.seen_in_batch or self.store.article_exists(item.id):
            self.report.duplicate += 1
            self._add_appearance(appearance_of(item), None)
            return False
        match = self.syndication.match(item) if self.syndication is not None else None
        if match is not None:
            original_id, similarity = match
            self.report.syndicated += 1
            if self.store.appearance_exists(original_id, item.ref):
                return False  # this copy was handled by an earlier run
            self.copies[item.id] = (original_id, similarity)
            return True
        if self.syndication is not None:
            # Indexed now, not after extraction, so that a copy later in this same run finds it.
            self.signatures[item.id] = self.syndication.add(item)
        self.seen_in_batch.add(item.id)
        return True

    def _add_appearance(self, appearance: Appearance, similarity: float | None) -> None:
        if appearance.article_id in self.seen_in_batch and not self.store.article_exists(appearance.article_id):
            self.deferred.append((appearance, similarity))
        else:
            self.store.add_appearance(appearance, similarity=similarity)

    def _mark_claims_stale(self) -> None:
        if not self.marked_stale:
            mark_claims_stale(self.store)
            self.marked_stale = True

    def store_article(self, extracted: Extracted) -> None:
        article = extracted.article
        try:
            self._mark_claims_stale()
            stored = self.store.save_article(article, extracted.attributions, EXTRACTOR_VERSION,
                                             signature=self.signatures.pop(article.id, None),
                                             language=extracted.language)
        except Exception as exc:  # noqa: BLE001 - named in the report, the batch goes on
            self.fail(article.ref, exc)
            return
        if not stored:
            self.report.duplicate += 1  # another writer stored the same text first
            return
        self.report.stored += 1
        self.report.attributions += len(extracted.attributions)
        if extracted.skipped_language:
            self.report.not_english += 1

    def store_copy(self, extracted: Extracted) -> None:
        """A near-duplicate copy: another appearance of the stored story, with the statements only it carries."""
        copy = extracted.article
        original_id, similarity = self.copies.pop(copy.id)
        try:
            extra = statements_only_in_copy(self.store.statement_keys(original_id), extracted.attributions)
            if extra:
                self._mark_claims_stale()
            self.store.add_appearance(appearance_of(copy, original_id), similarity=similarity, text=copy.text,
                                      attributions=extra, extractor_version=EXTRACTOR_VERSION)
        except Exception as exc:  # noqa: BLE001
            self.fail(copy.ref, exc)
            return
        self.report.copy_statements += len(extra)

    def flush_deferred(self) -> None:
        for appearance, similarity in self.deferred:
            try:
                self.store.add_appearance(appearance, similarity=similarity)
            except Exception as exc:  # noqa: BLE001
                self.fail(appearance.source, exc)


def statement_key(attribution: Attribution) -> tuple:
    """What makes two statements the same across copies of a story: who, how (cue class) and the words."""
    speaker = normalise_name(attribution.speaker.name) if attribution.speaker else None
    return speaker, attribution.cue_class, " ".join((attribution.content or "").split()).lower()


def statements_only_in_copy(canonical: set[tuple], attributions: list[Attribution]) -> list[Attribution]:
    """The copy's statements the canonical text lacks; a parent that is not kept is dropped from its child."""
    extra = [a for a in attributions if statement_key(a) not in canonical]
    kept = {a.id for a in extra}
    return [a if a.parent is None or a.parent in kept else replace(a, parent=None) for a in extra]


def mark_claims_stale(store: Store) -> None:
    store.set_state(CLAIMS_STALE, uuid.uuid4().hex)


def claims_stale(store: Store) -> bool:
    return store.get_state(CLAIMS_STALE) is not None


def relink_claims(store: Store, threshold: float | None = None) -> Any:
    """Recompute claims from the stored attributions and clear the stale mark (unless another run set it anew)."""
    from claimgraph.errors import StoreError
    from claimgraph.service_claims import link_claims
    from claimgraph.store.sql import WRITE_ATTEMPTS, lost_a_race

    mark = store.get_state(CLAIMS_STALE)
    for attempt in range(WRITE_ATTEMPTS):
        try:
            report = link_claims(store, grouping_threshold=threshold)
            break
        except StoreError as exc:
            # Another process relinked at the same moment (PostgreSQL: its new claims collide with ours):
            # linking recomputes everything, so doing it again gives the same ledger.
            if attempt + 1 == WRITE_ATTEMPTS or not lost_a_race(exc.__cause__):
                raise
    if mark is not None:
        store.set_state(CLAIMS_STALE, None, only_if=mark)
    return report


def reextract(store: Store, extractor: Extractor, everything: bool = False, n_process: int = 1,
              on_progress: Callable[[str], None] | None = None,
              on_failure: Callable[[Failure], None] | None = None) -> int:
    """Redo the attributions of stored articles extracted by another extractor version (or all); returns count.

    Crash-safe: each article is redone in one transaction (its voices kept where its statements come back; no
    claim is left without a voice), and claims are marked stale first, so that a run killed at any point is
    finished by the next one: it redoes the articles still outdated, and the caller relinks (`relink_claims`)
    while `claims_stale(store)`. With `everything`, a killed run starts over (the articles carry no mark of it).
    """
    if n_process > 1:
        _workers_die_with_parent()
    articles = iter(store.articles(outdated_for=None if everything else EXTRACTOR_VERSION))
    first = next(articles, None)
    if first is None:
        return 0
    mark_claims_stale(store)
    done = 0
    for outcome in extract_safely(extractor, itertools.chain([first], articles), n_process):
        ref = outcome.article.ref
        try:
            if isinstance(outcome, BrokenArticle):
                raise outcome.error
            store.replace_attributions(outcome.article, outcome.attributions, EXTRACTOR_VERSION,
                                       language=outcome.language)
            _reextract_copies(store, extractor, outcome.article.id)
            done += 1
        except Exception as exc:  # noqa: BLE001 - the article keeps its old attributions; named, the run goes on
            if on_failure:
                on_failure(Failure(ref, describe(exc)))
        if on_progress:
            on_progress(ref)
    return done


def _reextract_copies(store: Store, extractor: Extractor, article_id: str) -> None:
    """Redo the statements that the story's near-duplicate copies add to it, as ingest first found them: each copy
    extracted again and compared with the story's statements and the other copies' (`statements_only_in_copy`)."""
    for appearance_id, copy in store.copies_with_text(article_id):
        extra = statements_only_in_copy(store.statement_keys(article_id, but_copy=appearance_id),
                                        list(extractor.extract(copy)))
        store.replace_copy_attributions(article_id, appearance_id, copy.text, extra, EXTRACTOR_VERSION)


def watch_once(store: Store, feed_urls: Iterable[str], extractor: Extractor, fetcher: Fetcher,
               syndication: object | None = None,
               on_progress: Callable[[str], None] | None = None,
               on_failure: Callable[[Failure], None] | None = None) -> IngestReport:
    """One poll of every feed: ingest the new entries; returns the poll's report.

    Entries go to `ingest_articles` one at a time: a poll brings a handful of entries, and an entry counts as
    handled (not fetched again) only once the service has stored it or recorded its failure.
    """
    from claimgraph.store.feeds import save_feed_state

    tracker = _EntryTracker(store)
    validators: dict[str, tuple[str | None, str | None, str]] = {}

    def progress(ref: str) -> None:
        tracker.handled(ref)
        if on_progress:
            on_progress(ref)

    total = IngestReport()
    for url in feed_urls:
        for item in _poll_feed(store, url, fetcher, tracker, validators):
            total.add(ingest_articles([item], store, extractor, on_progress=progress, syndication=syndication,
                                      on_failure=on_failure))
    for url, (etag, modified, status) in validators.items():
        save_feed_state(store, url, etag, modified, status)
    return total


class _EntryTracker:
    """Which feed entry each yielded item came from, so that it is marked in the store once it is handled."""

    def __init__(self, store: Store):
        self.store = store
        self.expected: dict[str, list[tuple[str, str, Article | InputError]]] = {}

    def expect(self, ref: str, feed_url: str, key: str, item: Article | InputError) -> None:
        self.expected.setdefault(ref, []).append((feed_url, key, item))

    def handled(self, ref: str) -> None:
        from claimgraph.store.feeds import DONE, FAILED, mark_entry

        for feed_url, key, item in self.expected.pop(ref, []):
            if isinstance(item, InputError):
                mark_entry(self.store, feed_url, key, FAILED, error=item.reason)
            else:
                mark_entry(self.store, feed_url, key, DONE, article_id=item.id)


def _poll_feed(store: Store, url: str, fetcher: Fetcher, tracker: _EntryTracker,
               validators: dict[str, tuple[str | None, str | None, str]]) -> Iterator[Article | InputError]:
    """The entries of one feed not handled before (a conditional request with the last poll's validators)."""
    from claimgraph.ingest.feeds import entry_article, parse_feed
    from claimgraph.ingest.jsonfeed import looks_like_json_feed, parse_json_feed
    from claimgraph.store.feeds import entry_seen, get_feed_state

    state = get_feed_state(store, url)
    etag, modified = (state.etag, state.modified) if state else (None, None)
    try:
        answer = fetcher.fetch(url, etag=etag, modified=modified)
        if answer.not_modified:
            validators[url] = (etag, modified, "not modified")
            return
        json_feed = looks_like_json_feed(answer.content_type, answer.content)
        feed = (parse_json_feed if json_feed else parse_feed)(answer.content, url)
    except InputError as exc:
        validators[url] = (etag, modified, f"failed: {exc.reason}")
        yield exc
        return
    new = 0
    for entry in feed.entries:
        ref = feed.entry_ref(entry)
        if entry_seen(store, url, entry.key, ref):
            continue
        new += 1
        item = entry_article(entry, feed, fetcher)
        tracker.expect(ref, url, entry.key, item)
        yield item
    status = f"ok: {new} new of {len(feed.entries)}"
    if (fault := feed.fault_error()) is not None:
        # A feed that is malformed but still gave entries is read, with a warning kept in its state (`status`),
        # as `ingest` does: failing the poll would count every entry it did read as lost.
        status += f"; warning: {fault.reason}"
    validators[url] = (answer.etag, answer.modified, status)


_FORK_HOOK_SET = False


def _workers_die_with_parent() -> None:
    """Make parser worker processes (forked by spaCy for `n_process` > 1) die when this process dies.

    Without it a `kill -9` of `ingest -p 2` leaves the workers (hundreds of MB each) running until they notice
    their queue is gone. Linux only (prctl PR_SET_PDEATHSIG); elsewhere a no-op.
    """
    global _FORK_HOOK_SET
    if _FORK_HOOK_SET or not hasattr(os, "register_at_fork"):
        return
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        if not hasattr(libc, "prctl"):
            return
    except OSError:
        return
    pr_set_pdeathsig = 1

    def in_child() -> None:
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL)

    os.register_at_fork(after_in_child=in_child)
    _FORK_HOOK_SET = True
