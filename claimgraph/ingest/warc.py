"""WARC web archives (plain or gzip) with warcio: each HTML response record becomes an article.

The article's ref and URL are the record's target URI; its date is the page's own publication date where the page
gives one, else the capture date (WARC-Date). Requests, metadata, redirects, error answers and non-HTML bodies are
skipped and counted (in `ReadOptions.skipped`, which the CLI adds to the summary). A truncated or corrupt archive
yields the articles before the fault and then one error naming the file and the record where it broke.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from claimgraph.errors import InputError
from claimgraph.ingest.html import article_from_html
from claimgraph.records import Article

if TYPE_CHECKING:
    from claimgraph.ingest import ReadOptions

HTML_TYPES = ("text/html", "application/xhtml+xml")


class _Truncated(Exception):
    """A record whose body ends before its declared length: the archive was cut off."""


def _skip_reason(record) -> str | None:
    """Why a record is not an article, or None when it is an HTML page to read."""
    if record.rec_type != "response":
        return f"{record.rec_type} record"
    if record.http_headers is None:
        return "response without HTTP headers"
    status = record.http_headers.get_statuscode() or ""
    if not status.startswith("2"):
        return f"HTTP {status} response"
    content_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if content_type not in HTML_TYPES:
        return f"{content_type or 'untyped'} response"
    return None


def _read_body(record) -> bytes:
    body = record.content_stream().read()
    # warcio reads a cut-off record silently; the raw stream's unread limit says that bytes are missing.
    remaining = getattr(record.raw_stream, "limit", 0)
    if remaining:
        raise _Truncated(f"record ends {remaining} bytes short of its declared length")
    return body


def _charset(record) -> str | None:
    for part in (record.http_headers.get_header("Content-Type") or "").split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def read_warc_file(path: Path, ref: str, options: "ReadOptions | None" = None) -> Iterator[Article | InputError]:
    skipped: Counter[str] = Counter()
    number = 0
    try:
        with path.open("rb") as stream:
            size = path.stat().st_size
            head = stream.read(8)
            stream.seek(0)
            # warcio reads almost anything as some kind of record; a WARC starts with its version or gzip magic.
            if not (head.startswith(b"\x1f\x8b") or head.lstrip().startswith(b"WARC/")):
                raise InputError(ref, "not a WARC file (it starts neither with WARC/ nor with gzip's magic)")
            records = ArchiveIterator(stream)
            for record in records:
                number += 1
                reason = _skip_reason(record)
                if reason:
                    skipped[reason] += 1
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or f"{ref}#record-{number}"
                captured = record.rec_headers.get_header("WARC-Date")
                body = _read_body(record)
                try:
                    yield article_from_html(body, uri, url=uri, charset=_charset(record),
                                            published=captured[:10] if captured else None,
                                            meta={"warc": ref, "warc_record": number, "captured": captured})
                except InputError as exc:
                    if "no article text" in exc.reason:
                        skipped["HTML page without article text"] += 1  # index and tag pages: normal in a crawl
                    else:
                        yield exc
            # warcio ends quietly when a gzip member or a record header is cut off: bytes left unread mean that.
            if records.offset < size:
                raise _Truncated(f"{size - records.offset} bytes after record {number} could not be read")
    except InputError as exc:
        yield exc
    except ArchiveLoadFailed as exc:
        what = "not a WARC file" if number == 0 else f"corrupt WARC after {number - 1} records"
        yield InputError(ref, f"{what} ({str(exc).strip() or type(exc).__name__})")
    except (_Truncated, EOFError, zlib.error, ValueError) as exc:
        yield InputError(ref, f"truncated or corrupt WARC at record {number}: {exc or type(exc).__name__}; "
                              "the records before it were read")
    finally:
        if options is not None:
            options.skipped.extend((ref, f"{n} × {reason}") for reason, n in sorted(skipped.items()))
