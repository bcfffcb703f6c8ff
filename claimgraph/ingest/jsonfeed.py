"""JSON Feed (https://jsonfeed.org, versions 1 and 1.1): each item read as an RSS or Atom entry is.

An item's `url` is fetched and extracted like a feed entry's link; its `content_text` (or `content_html`, else
`summary`) stands in when the page cannot be had or fetching is off, marked as a feed summary.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimgraph.errors import InputError
from claimgraph.ingest.feeds import FeedEntry, ParsedFeed, entries_articles
from claimgraph.ingest.fetch import Fetcher
from claimgraph.ingest.html import html_fragment_text
from claimgraph.ingest.limits import read_capped
from claimgraph.records import Article

if TYPE_CHECKING:
    from claimgraph.ingest import ReadOptions

VERSION_PREFIX = "https://jsonfeed.org/version/1"
JSON_TYPES = {"application/feed+json", "application/json"}


def looks_like_json_feed(content_type: str, content: bytes) -> bool:
    """A JSON Feed by its declared type and a `version` of jsonfeed.org near the start."""
    declared = content_type.split(";")[0].strip().lower()
    head = content[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return declared in JSON_TYPES | {"", "text/plain"} and head.startswith(b"{") and b"jsonfeed.org/version/1" in head


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _item_entry(item: dict) -> FeedEntry:
    if _text(item.get("content_text")):
        content = html_fragment_text(_text(item.get("content_text")).replace("<", "&lt;"))
    else:
        content = html_fragment_text(_text(item.get("content_html")) or _text(item.get("summary")))
    link = _text(item.get("url")) or _text(item.get("external_url")) or None
    authors = item.get("authors") or ([item["author"]] if isinstance(item.get("author"), dict) else [])
    author = next((_text(a.get("name")) for a in authors if isinstance(a, dict) and _text(a.get("name"))), None)
    key = _text(str(item.get("id", ""))) or link or hashlib.sha1(f"{item.get('title')}|{content}".encode()).hexdigest()
    return FeedEntry(key=key, link=link, title=_text(item.get("title")) or None,
                     published=_text(item.get("date_published")) or _text(item.get("date_modified")) or None,
                     author=author, content=content)


def parse_json_feed(data: bytes, ref: str) -> ParsedFeed:
    """A JSON Feed's items as feed entries; InputError naming `ref` for what is not one."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(ref, f"not a JSON Feed (not valid UTF-8 JSON: {exc})") from None
    version = document.get("version") if isinstance(document, dict) else None
    if not isinstance(version, str) or not version.startswith(VERSION_PREFIX):
        raise InputError(ref, f"not a JSON Feed (its version is not {VERSION_PREFIX}…); .json files are read only "
                              "as JSON Feeds")
    items = document.get("items")
    if not isinstance(items, list):
        raise InputError(ref, "malformed JSON Feed: no list of items")
    entries = [_item_entry(item) for item in items if isinstance(item, dict)]
    fault = None if len(entries) == len(items) else f"{len(items) - len(entries)} items are not objects"
    return ParsedFeed(ref, _text(document.get("title")) or None, entries, fault)


def json_feed_articles(data: bytes, ref: str, fetcher: Fetcher | None,
                       warn: Callable[[str, str], None] | None = None) -> Iterator[Article | InputError]:
    yield from entries_articles(parse_json_feed(data, ref), fetcher, warn)


def read_json_feed_file(path: Path, ref: str, options: ReadOptions | None = None) -> Iterator[Article | InputError]:
    """A JSON Feed saved as a `.json` file (at most 10 MiB)."""
    fetcher = options.get_fetcher() if options is not None and options.fetch_links else None
    data = read_capped(path, ref, what="feed")
    yield from json_feed_articles(data, ref, fetcher, options.warn if options is not None else None)
