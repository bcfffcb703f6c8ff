"""RSS 0.9x/1.0/2.0 and Atom feeds with feedparser: each entry's linked page fetched and extracted.

When the linked page cannot be had (a 404, a timeout, robots.txt, a page without article text) the entry's own
content (or summary) is used instead, and `meta["from_feed"]` says why. Polling feeds for `watch` (what is new
since the last poll, ingesting it) is orchestration and lives in `claimgraph.service.watch_once`.
"""

from __future__ import annotations

import calendar
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import feedparser

from claimgraph.errors import InputError
from claimgraph.ingest.fetch import Fetcher
from claimgraph.ingest.html import article_from_html, html_fragment_text
from claimgraph.ingest.limits import read_capped
from claimgraph.records import Article

if TYPE_CHECKING:
    from claimgraph.ingest import ReadOptions

FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"}
FEED_SUMMARY = "feed-summary"  # genre of an article made of a feed entry's own content, not its linked page
MIN_ENTRY_TEXT = 20  # characters of an entry's own content below which it cannot stand in for the page
# feedparser's "bozo" warnings that do not mean a broken feed (a wrong declared charset, a text/plain server).
_BENIGN = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


@dataclass(frozen=True)
class FeedEntry:
    key: str  # what identifies the entry across polls: its id (guid), else its link, else a hash of its text
    link: str | None
    title: str | None
    published: str | None
    author: str | None
    content: str  # the entry's own content or summary, as plain text


@dataclass(frozen=True)
class ParsedFeed:
    url: str
    title: str | None
    entries: list[FeedEntry]
    fault: str | None = None  # a feed that is not well-formed: what feedparser recovered, and why it is broken

    def fault_error(self) -> InputError | None:
        return InputError(self.url, f"malformed feed: {self.fault}; {len(self.entries)} entries recovered") \
            if self.fault else None

    def entry_ref(self, entry: FeedEntry) -> str:
        """What the article of an entry is called: its link, else the feed URL and the entry's key."""
        return entry.link or f"{self.url}#{entry.key}"


def looks_like_feed(content_type: str, content: bytes) -> bool:
    """A feed by its declared type, or, for servers that say text/plain or nothing, by its first element."""
    declared = content_type.split(";")[0].strip().lower()
    if declared in FEED_TYPES:
        return True
    head = content[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return declared in ("", "text/plain", "application/octet-stream") and any(
        tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def _iso(parsed: Any) -> str | None:
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC).isoformat().replace("+00:00", "Z")


def _entry(raw: Any) -> FeedEntry:
    contents = raw.get("content") or []
    html = contents[0].get("value", "") if contents else raw.get("summary", "")
    text = html_fragment_text(html or "")
    link = raw.get("link") or None
    key = raw.get("id") or link or hashlib.sha1(f"{raw.get('title')}|{text}".encode()).hexdigest()
    return FeedEntry(key=key, link=link, title=(raw.get("title") or "").strip() or None,
                     published=_iso(raw.get("published_parsed") or raw.get("updated_parsed")),
                     author=raw.get("author") or None, content=text)


def parse_feed(data: bytes, ref: str) -> ParsedFeed:
    """Parse RSS or Atom bytes; InputError naming `ref` for something that is not a feed or is broken."""
    if not data.strip():
        raise InputError(ref, "empty feed: nothing to read")
    parsed = feedparser.parse(data)  # bytes, never a str: feedparser would take a str for a URL or a file name
    if not parsed.entries and (parsed.bozo or not parsed.version):
        why = parsed.get("bozo_exception")
        detail = f" ({str(why).strip() or type(why).__name__})" if why else ""
        raise InputError(ref, f"malformed feed: not valid RSS or Atom{detail}")
    title = (parsed.feed.get("title") or "").strip() or None
    entries = [_entry(raw) for raw in parsed.entries]
    fault = None
    why = parsed.get("bozo_exception")
    if parsed.bozo and not isinstance(why, _BENIGN):
        # Broken XML (often a feed cut off in transfer): keep the entries that carry something to read.
        fault = str(why).strip() or type(why).__name__
        entries = [e for e in entries if e.link or len(e.content) >= MIN_ENTRY_TEXT]
    return ParsedFeed(ref, title, entries, fault)


def _from_entry(entry: FeedEntry, feed: ParsedFeed, ref: str, why: str | None) -> Article | InputError:
    if len(entry.content) < MIN_ENTRY_TEXT:
        reason = f"{why}; the entry has no content of its own" if why else "the entry has no content of its own"
        return InputError(ref, reason)
    # The title stays metadata: the text is the entry's content as given, marked as the feed's summary (genre), so
    # that it is never taken for the page's full text.
    return Article(ref=ref, text=entry.content, title=entry.title, publisher=feed.title,
                   published=entry.published, url=entry.link, author=entry.author, genre=FEED_SUMMARY,
                   meta={"feed": feed.url, "from_feed": why or "not fetched"})


def entry_article(entry: FeedEntry, feed: ParsedFeed, fetcher: Fetcher | None) -> Article | InputError:
    """The entry's linked page as an article; its own content when the page cannot be had or is not fetched."""
    ref = feed.entry_ref(entry)
    if fetcher is None or not entry.link:
        return _from_entry(entry, feed, ref, None if fetcher is None else "the entry has no link")
    try:
        page = fetcher.fetch(entry.link)
        article = article_from_html(page.content, ref, url=page.url, charset=page.charset,
                                    meta={"feed": feed.url})
    except InputError as exc:
        return _from_entry(entry, feed, ref, f"page not read: {exc.reason}")
    # The feed's date and author are what the publisher declared for this entry; the page's are guesses.
    return replace(article, published=entry.published or article.published, author=article.author or entry.author,
                   title=article.title or entry.title, publisher=article.publisher or feed.title)


def feed_articles(data: bytes, ref: str, fetcher: Fetcher | None,
                  warn: Callable[[str, str], None] | None = None) -> Iterator[Article | InputError]:
    """The articles of an RSS or Atom feed's entries (see `entries_articles`)."""
    yield from entries_articles(parse_feed(data, ref), fetcher, warn)


def entries_articles(feed: ParsedFeed, fetcher: Fetcher | None,
                     warn: Callable[[str, str], None] | None = None) -> Iterator[Article | InputError]:
    """The articles of a parsed feed's entries (RSS, Atom or JSON Feed). A malformed feed that still yields entries
    is a warning (`warn(ref, what)`), not a failure: its entries were read; without `warn` the fault is yielded."""
    for entry in feed.entries:
        yield entry_article(entry, feed, fetcher)
    if (fault := feed.fault_error()) is not None:
        if warn is not None and feed.entries:
            warn(fault.source, fault.reason)
        else:
            yield fault


def read_feed_file(path: Path, ref: str, options: ReadOptions | None = None) -> Iterator[Article | InputError]:
    """A feed saved as a file (at most 10 MiB); its entries' pages are fetched unless `options.fetch_links` is off."""
    fetcher = options.get_fetcher() if options is not None and options.fetch_links else None
    data = read_capped(path, ref, what="feed")
    yield from feed_articles(data, ref, fetcher, options.warn if options is not None else None)
