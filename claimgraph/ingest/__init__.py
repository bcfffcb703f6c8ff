"""Readers: each turns one kind of input into `Article` records with the text kept exactly as read.

`read_inputs` walks paths (folders recursively) and URLs, and yields an `Article` or an `InputError` per input, so
that one bad file never stops a batch. Adding an input format means one reader module and one line in `READERS`.
A URL is fetched (politely: see `fetch`) and read as a feed or as an HTML page according to what it answers.
"""

from __future__ import annotations

import inspect
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from claimgraph.errors import InputError
from claimgraph.ingest.jsonl import read_jsonl_file
from claimgraph.ingest.limits import MAX_DOCUMENT_BYTES, check_text, regular_file_size, too_large
from claimgraph.ingest.tabular import read_csv_file
from claimgraph.ingest.text import read_text_file
from claimgraph.records import Article

if TYPE_CHECKING:
    from claimgraph.ingest.fetch import Fetcher

Reader = Callable[..., "Article | Iterable[Article | InputError]"]

# The HTML, feed, WARC and URL readers import trafilatura, lxml, feedparser, warcio and httpx (a few tenths of a
# second), which a run over text files never needs: they are imported when the first such input comes.
URL_DEADLINE = 60.0  # = fetch.DEFAULT_DEADLINE (tests/ingest/test_lazy_readers.py), not imported for the reason above


def _on_first_use(module: str, name: str) -> Reader:
    """The reader `name` of `claimgraph.ingest.<module>`, imported when it is first called."""
    def reader(path: Path, ref: str, options: ReadOptions | None = None):
        real = getattr(import_module(f"claimgraph.ingest.{module}"), name)
        return real(path, ref, options=options) if _takes_options(real) else real(path, ref)

    reader.__name__ = reader.__qualname__ = name
    return reader


read_html_file = _on_first_use("html", "read_html_file")
read_html_gz_file = _on_first_use("html", "read_html_gz_file")
read_feed_file = _on_first_use("feeds", "read_feed_file")
read_json_feed_file = _on_first_use("jsonfeed", "read_json_feed_file")
read_warc_file = _on_first_use("warc", "read_warc_file")

# Suffix -> reader. A reader returns one Article or yields several (Article or InputError). A reader that takes an
# `options` parameter is given the run's ReadOptions (column mapping, fetcher, skip counts).
READERS: dict[str, Reader] = {
    ".txt": read_text_file,
    ".text": read_text_file,
    ".jsonl": read_jsonl_file,
    ".ndjson": read_jsonl_file,
    ".csv": read_csv_file,
    ".html": read_html_file,
    ".htm": read_html_file,
    ".rss": read_feed_file,
    ".atom": read_feed_file,
    ".rdf": read_feed_file,
    ".xml": read_feed_file,
    ".html.gz": read_html_gz_file,
    ".htm.gz": read_html_gz_file,
    ".json": read_json_feed_file,
    ".warc": read_warc_file,
    ".warc.gz": read_warc_file,
    ".arc": read_warc_file,
    ".arc.gz": read_warc_file,
}


# Readers that read a file whole are refused bigger files before they open them (the others stream, or cap their
# own reads: HTML, feeds, gzip; see `limits`).
WHOLE_FILE_CAPS = {".txt": MAX_DOCUMENT_BYTES, ".text": MAX_DOCUMENT_BYTES}


@dataclass
class ReadOptions:
    """What a run's readers share: the CSV/JSONL column mapping, one polite fetcher, and what they skipped."""

    columns: dict[str, str] | None = None  # field -> column, from `--columns text=body,title=headline`
    allow_private: bool = False  # fetch from loopback/private addresses (`--allow-private`)
    fetch_links: bool = True  # fetch the page each feed entry links to (else use the entry's own content)
    fetcher: Fetcher | None = None  # made on first use when not given
    url_deadline: float = URL_DEADLINE  # seconds one URL may take, robots.txt, redirects and retries included
    allow_hosts: tuple[str, ...] = ()  # hosts fetched whatever their address (`--allow-host`), metadata ones too
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (input, reason): not articles, not errors
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (input, what): read, but not cleanly
    unsupported: list[str] = field(default_factory=list)  # files met in a folder walk whose type has no reader

    def get_fetcher(self) -> Fetcher:
        if self.fetcher is None:
            from claimgraph.ingest.fetch import Fetcher

            self.fetcher = Fetcher(allow_private=self.allow_private, deadline=self.url_deadline,
                                   allow_hosts=self.allow_hosts)
        return self.fetcher

    def warn(self, source: str, what: str) -> None:
        self.warnings.append((source, what))

    @property
    def skipped_count(self) -> int:
        """How many records were skipped (a WARC's "3 × request record" counts 3)."""
        total = 0
        for _, reason in self.skipped:
            number, sep, _ = reason.partition(" × ")
            total += int(number) if sep and number.isdigit() else 1
        return total

    def close(self) -> None:
        if self.fetcher is not None:
            self.fetcher.close()

# Files a folder walk passes over without complaint (hidden files, our own databases, the gold files of fixtures).
SKIP_SUFFIXES = {".db", ".db-wal", ".db-shm", ".gold.json", ".ann", ".md", ".tsv"}


def _suffix(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(".gz") and len(path.suffixes) > 1:
        return "".join(path.suffixes[-2:]).lower()
    return path.suffix.lower()


def _walk(folder: Path, found: list[Path | InputError]) -> None:
    """Every entry under `folder` (symlinks to folders not followed); a folder that cannot be listed is an error."""
    try:
        with os.scandir(folder) as entries:
            children = list(entries)
    except OSError as exc:
        found.append(InputError(str(folder), f"cannot read the folder: {exc.strerror or exc}"))
        return
    for entry in children:
        try:
            if entry.is_dir(follow_symlinks=False):
                _walk(Path(entry.path), found)
            else:
                found.append(Path(entry.path))
        except OSError as exc:
            found.append(InputError(entry.path, f"cannot read: {exc.strerror or exc}"))


def _sort_key(item: Path | InputError) -> tuple[str, ...]:
    return Path(item.source).parts if isinstance(item, InputError) else item.parts


def iter_files(paths: Iterable[str | Path], unsupported: list[str] | None = None) -> Iterator[Path | InputError]:
    """Expand folders recursively (sorted, so runs are repeatable); name missing and unreadable paths as errors.

    Inside a folder, a file of no known type is listed in `unsupported` (when given); a FIFO, device or socket is
    an error, never opened; hidden files and the SKIP_SUFFIXES files pass without a word.
    """
    for raw in paths:
        path = Path(raw)
        try:
            info = os.stat(path)
        except FileNotFoundError:
            yield InputError(str(raw), "no such file or folder")
            continue
        except OSError as exc:
            yield InputError(str(raw), f"cannot read: {exc.strerror or exc}")
            continue
        if not stat.S_ISDIR(info.st_mode):
            yield path  # a non-regular file given directly is refused by read_path, before it is opened
            continue
        found: list[Path | InputError] = []
        _walk(path, found)
        for child in sorted(found, key=_sort_key):
            if isinstance(child, InputError):
                yield child
            elif child.name.startswith(".") or any(child.name.lower().endswith(s) for s in SKIP_SUFFIXES):
                continue
            elif _suffix(child) in READERS:
                yield child
            elif not child.is_file() and not child.is_symlink():
                yield InputError(str(child), "not a regular file (a FIFO, device or socket is never read)")
            elif unsupported is not None:
                unsupported.append(str(child))


def _bounded(item: Article | InputError) -> Article | InputError:
    """Every reader's article goes through the same text cap, so that no single input can hold the parser."""
    if isinstance(item, Article):
        try:
            check_text(item.text, item.ref)
        except InputError as exc:
            return exc
    return item


@cache
def _takes_options(reader: Reader) -> bool:
    return "options" in inspect.signature(reader).parameters


def read_path(path: Path, ref: str | None = None, options: ReadOptions | None = None) -> Iterator[Article | InputError]:
    ref = ref or str(path)
    reader = READERS.get(_suffix(path))
    if reader is None:
        yield InputError(ref, f"unknown input type {_suffix(path) or '(no suffix)'}; "
                              f"known: {', '.join(sorted(READERS))}")
        return
    try:
        size = regular_file_size(path, ref)  # a FIFO or a device is refused here, before any reader opens it
        if size > WHOLE_FILE_CAPS.get(_suffix(path), size):
            raise too_large(ref, "file", size, WHOLE_FILE_CAPS[_suffix(path)])
        result = reader(path, ref, options=options) if _takes_options(reader) else reader(path, ref)
        if isinstance(result, Article):
            yield _bounded(result)
        else:
            yield from (_bounded(item) for item in result)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(ref, f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # a library fault on one odd input (a parser bug) must not stop the batch
        yield InputError(ref, f"cannot read ({type(exc).__name__}: {exc})")


def read_url(url: str, options: ReadOptions) -> Iterator[Article | InputError]:
    """A URL: a feed (by content type or first element) yields its entries' articles, a page its article."""
    from claimgraph.ingest.feeds import feed_articles, looks_like_feed
    from claimgraph.ingest.html import article_from_html
    from claimgraph.ingest.jsonfeed import json_feed_articles, looks_like_json_feed

    try:
        answer = options.get_fetcher().fetch(url)
        fetcher = options.get_fetcher() if options.fetch_links else None
        if looks_like_json_feed(answer.content_type, answer.content):
            yield from (_bounded(item) for item in json_feed_articles(answer.content, url, fetcher, options.warn))
            return
        if looks_like_feed(answer.content_type, answer.content):
            yield from (_bounded(item) for item in feed_articles(answer.content, url, fetcher, options.warn))
            return
        kind = answer.content_type.split(";")[0].strip().lower()
        if kind and kind not in ("text/html", "application/xhtml+xml", "text/plain"):
            raise InputError(url, f"not an HTML page or a feed (content type {kind})")
        yield _bounded(article_from_html(answer.content, url, url=answer.url, charset=answer.charset))
    except InputError as exc:
        yield exc


def read_inputs(paths: Iterable[str | Path], options: ReadOptions | None = None) -> Iterator[Article | InputError]:
    """Every article under `paths` (files, folders, http(s) URLs), or an InputError naming the input that failed."""
    own = options is None
    options = options or ReadOptions()
    try:
        for raw in paths:
            if isinstance(raw, str) and "://" in raw[:8]:  # every URL has it there (is_url's own test follows)
                from claimgraph.ingest.fetch import is_url

                if is_url(raw):
                    yield from read_url(raw, options)
                    continue
            for item in iter_files([raw], options.unsupported):
                if isinstance(item, InputError):
                    yield item
                else:
                    yield from read_path(item, options=options)
    finally:
        if own:
            options.close()
