"""WARC and ARC web archives (plain, gzip per record, or gzip over the whole file) with warcio.

Each HTML response record becomes an article: its ref and URL are the record's target URI; its date is the page's
own publication date where the page gives one, else the capture date (WARC-Date). Requests, metadata, redirects,
error answers and non-HTML bodies are skipped and counted (in `ReadOptions.skipped`, which the CLI adds to the
summary). A record's body is read up to 10 MiB (a bigger one is an error naming the file and its offset).

No silent loss: warcio reads a cut-off archive quietly (a short last record, a gzip member without its end, a
partial header), so every record is checked once it has been read through: its body has its declared length, its
gzip member ended, and (plain WARC) the blank lines that close it are there; and the whole file must have been read.
A truncated or corrupt record is one error naming the file and the byte offset where that record starts; the
complete records before it are read.
"""

from __future__ import annotations

import gzip
import os
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from claimgraph.errors import InputError
from claimgraph.ingest.html import article_from_html
from claimgraph.ingest.limits import MAX_DOCUMENT_BYTES, open_regular, too_large
from claimgraph.records import Article

if TYPE_CHECKING:
    from claimgraph.ingest import ReadOptions

HTML_TYPES = ("text/html", "application/xhtml+xml")


class _Fault(Exception):
    """A record that is cut off or corrupt; `offset` is where it starts (in the file, or in the decoded stream)."""

    def __init__(self, offset: int, why: str):
        super().__init__(why)
        self.offset, self.why = offset, why


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


def _charset(record) -> str | None:
    for part in (record.http_headers.get_header("Content-Type") or "").split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def _check_complete(records: ArchiveIterator, record, start: int, stream: IO[bytes], plain_warc: bool) -> None:
    """Read `record` through and raise _Fault when it was cut off: no declared length, a short body, an unended gzip
    member, or (plain WARC) no blank lines closing it."""
    if record.format == "warc" and not record.rec_headers.get_header("Content-Length"):
        raise _Fault(start, "the record's header is cut off (no Content-Length)")
    records.read_to_end()
    if getattr(record.raw_stream, "limit", 0):
        raise _Fault(start, f"the record ends {record.raw_stream.limit} bytes short of its declared length")
    decompressor = records.reader.decompressor if records.reader else None
    if decompressor is not None and not decompressor.eof:
        raise _Fault(start, "the record's gzip member is cut off")
    if decompressor is None and plain_warc:
        offset, length = records.member_info
        closing = os.pread(stream.fileno(), records.offset - (offset + length), offset + length)
        if closing.count(b"\n") < 2 or not closing.endswith(b"\n"):  # a WARC record ends with two line ends
            raise _Fault(start, "the record is cut off (its closing blank lines are missing)")


def _body(record, number: int, ref: str) -> tuple[str, bytes]:
    uri = record.rec_headers.get_header("WARC-Target-URI") or record.rec_headers.get_header("uri") \
        or f"{ref}#record-{number}"
    body = record.content_stream().read(MAX_DOCUMENT_BYTES + 1)
    if len(body) > MAX_DOCUMENT_BYTES:
        raise too_large(uri, "record body", len(body), MAX_DOCUMENT_BYTES, at_least=True)
    return uri, body


def _article(record, uri: str, body: bytes, number: int, ref: str) -> Article:
    captured = record.rec_headers.get_header("WARC-Date") or record.rec_headers.get_header("archive-date")
    published = captured[:10] if captured and "-" in captured[:10] else None
    return article_from_html(body, uri, url=uri, charset=_charset(record), published=published,
                             meta={"warc": ref, "warc_record": number, "captured": captured})


def _records(stream: IO[bytes], ref: str, skipped: Counter[str], done: list[int],
             size: int | None) -> Iterator[Article | InputError]:
    """The articles of the archive in `stream`; `done[0]` counts the records handled (those already handled by an
    earlier pass are passed over); `size` is the stream's length when it can be checked that all was read.

    A record is checked complete before its article is made, so that a cut-off page is never stored."""
    plain_warc = size is not None and stream.read(8).lstrip().startswith(b"WARC/")  # closed by blank lines
    stream.seek(0)
    records = ArchiveIterator(stream, arc2warc=True)
    number = 0
    while (record := _next_record(records)) is not None:
        number += 1
        start = records.offset
        reason = _skip_reason(record) if number > done[0] else "already read"
        try:
            uri, body = _body(record, number, ref) if reason is None else ("", b"")
        except InputError as exc:
            reason, failure = "too large", InputError(exc.source, f"{exc.reason} (record {number} at offset "
                                                                  f"{start} of {ref})")
        _check_complete(records, record, start, stream, plain_warc)
        done[0] = max(done[0], number)
        if reason == "too large":
            yield failure
        elif reason is not None:
            skipped[reason] += reason != "already read"
        else:
            yield from _page(record, uri, body, number, ref, start, skipped)
    if size is not None and records.offset < size:
        raise _Fault(records.offset, f"{size - records.offset} bytes after record {number} could not be read as "
                                     "a record")


def _next_record(records: ArchiveIterator):
    """The next record, None at the end; _Fault naming where it starts when it cannot be parsed (a header cut off
    or garbage where a record should begin: the archive starts as one, so the fault is the archive's)."""
    start = records.offset  # the previous record was read through: this is where the next one begins
    try:
        return next(records)
    except StopIteration:
        return None
    except _Fault:
        raise
    except Exception as exc:  # warcio raises ArchiveLoadFailed, and assorted errors on a header cut mid-line
        raise _Fault(start, f"no readable record here ({str(exc).strip()[:120] or type(exc).__name__})") from None


def _page(record, uri: str, body: bytes, number: int, ref: str, start: int,
          skipped: Counter[str]) -> Iterator[Article | InputError]:
    try:
        yield _article(record, uri, body, number, ref)
    except InputError as exc:
        if "no article text" in exc.reason:
            skipped["HTML page without article text"] += 1  # index and tag pages: normal in a crawl
        else:
            yield InputError(exc.source, f"{exc.reason} (record {number} at offset {start} of {ref})")


class _WholeGzip(gzip.GzipFile):
    """A whole-file gzip whose early end is a fault: warcio takes an EOFError for the archive's normal end."""

    _ended_early = False

    def read(self, size: int = -1) -> bytes:
        """Like GzipFile.read, but what was decoded before the data ends is returned first, the fault next time."""
        if self._ended_early:
            raise _Fault(self.tell(), "the gzip data ends early (offset in the decompressed archive)")
        out: list[bytes] = []
        wanted = size if size >= 0 else float("inf")
        while wanted > 0:
            try:
                chunk = super().read1(int(min(wanted, 65536)))
            except EOFError:
                self._ended_early = True
                if out:
                    break
                raise _Fault(self.tell(), "the gzip data ends early (offset in the decompressed archive)") from None
            if not chunk:
                break
            out.append(chunk)
            wanted -= len(chunk)
        return b"".join(out)

    def readline(self, size: int = -1) -> bytes:
        try:
            return super().readline(size)
        except EOFError:
            raise _Fault(self.tell(), "the gzip data ends early (offset in the decompressed archive)") from None


def _one_gzip_member(stream: IO[bytes]) -> bool:
    """Whether the gzip data in `stream` is one member (a whole file compressed at once); decoded in steps and
    thrown away, so that memory stays bounded; the stream is rewound."""
    inflate = zlib.decompressobj(31)
    try:
        while not inflate.eof and (chunk := stream.read(65536)):
            inflate.decompress(chunk, 65536)
            while inflate.unconsumed_tail and not inflate.eof:
                inflate.decompress(inflate.unconsumed_tail, 65536)
        ended_at_end = not inflate.unused_data and not stream.read(1)
    except zlib.error:
        ended_at_end = False  # corrupt: the per-record reading names the record
    stream.seek(0)
    return ended_at_end


def read_warc_file(path: Path, ref: str, options: ReadOptions | None = None) -> Iterator[Article | InputError]:
    skipped: Counter[str] = Counter()
    done = [0]  # records handled
    try:
        with open_regular(path, ref) as stream:
            size = path.stat().st_size
            head = stream.read(8)
            stream.seek(0)
            # warcio reads almost anything as some kind of record; a WARC starts with its version, an ARC with
            # "filedesc://", and either may be gzip-compressed.
            if not (head.startswith(b"\x1f\x8b") or head.lstrip().startswith((b"WARC/", b"filedesc"))):
                raise InputError(ref, "not a WARC or ARC file (it starts with neither WARC/, filedesc:// nor "
                                      "gzip's magic)")
            if head.startswith(b"\x1f\x8b") and _one_gzip_member(stream):
                # gzip over the whole file rather than per record: read through one decompressor (offsets are then
                # those of the decompressed archive).
                with _WholeGzip(fileobj=stream) as whole:
                    yield from _records(whole, ref, skipped, done, None)
            else:
                yield from _records(stream, ref, skipped, done, size)
    except InputError as exc:
        yield exc
    except _Fault as fault:
        yield InputError(ref, f"truncated or corrupt WARC at byte offset {fault.offset}: {fault.why}; the "
                              "complete records before it were read")
    except ArchiveLoadFailed as exc:
        yield InputError(ref, f"not a readable WARC or ARC ({str(exc).strip() or type(exc).__name__})")
    except (EOFError, zlib.error, gzip.BadGzipFile, ValueError) as exc:
        yield InputError(ref, f"truncated or corrupt WARC ({exc or type(exc).__name__}); the records before it "
                              "were read")
    finally:
        if options is not None:
            options.skipped.extend((ref, f"{n} × {reason}") for reason, n in sorted(skipped.items()))
