"""The caps on every read, and the few helpers that enforce them, so that no input costs unbounded memory or time.

A reader never reads a file or an answer whole without a cap: files are checked to be regular files before they are
opened (a FIFO or a device would block or never end), their size is checked before reading, line-based inputs are
streamed with a cap per line, and compressed data is decompressed in bounded steps so that a bomb is refused before
its decoded size passes the cap. An input over a cap is one clear error naming it and the cap; nothing is truncated
silently (a truncated text would lose statements and shift what its offsets mean).

    cap                    value        applies to
    MAX_TEXT_CHARS         1,000,000    one article's text, from every reader (spaCy's own default max_length)
    MAX_DOCUMENT_BYTES     10 MiB       .html/.htm files, .txt files, feed files, a fetched page or feed, a WARC
                                        record's body, a decompressed .html.gz (checked while decoding)
    MAX_LINE_BYTES         16 MiB       one JSON Lines line, one physical CSV line (files themselves are streamed)
    MAX_FIELD_CHARS        4,000,000    one CSV field (the csv module's field limit)
    MAX_ROBOTS_BYTES       512 KiB      robots.txt (streamed; what follows is ignored, as the major crawlers do)
"""

from __future__ import annotations

import os
import stat
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from claimgraph.errors import InputError

MAX_TEXT_CHARS = 1_000_000
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
MAX_LINE_BYTES = 16 * 1024 * 1024
MAX_FIELD_CHARS = 4_000_000
MAX_ROBOTS_BYTES = 512 * 1024
_STEP = 64 * 1024  # bytes handed to or taken from a decompressor at a time


def mib(size: int) -> str:
    return f"{size / 2**20:.1f} MiB" if size < 2**20 or size % 2**20 else f"{size // 2**20} MiB"


def too_large(ref: str, what: str, size: int | None, limit: int, at_least: bool = False) -> InputError:
    shown = f" ({'more than ' if at_least else ''}{mib(size)})" if size is not None else ""
    return InputError(ref, f"{what} too large{shown}; the limit is {mib(limit)}")


def check_text(text: str, ref: str) -> None:
    """An article's text must fit the parser's budget; a longer one is refused whole rather than cut."""
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(ref, f"text too long ({len(text):,} characters; the limit is {MAX_TEXT_CHARS:,} per "
                              "article: split the input)")


def regular_file_size(path: Path, ref: str) -> int:
    """The size of a regular file; InputError for a FIFO, a device or a socket (never opened) or a stat failure."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise InputError(ref, f"cannot read: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError(ref, "not a regular file (a FIFO, device or socket is never read)")
    return info.st_size


def open_regular(path: Path, ref: str) -> BinaryIO:
    """Open a regular file for reading without blocking on a FIFO swapped in after the check."""
    regular_file_size(path, ref)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise InputError(ref, "not a regular file (a FIFO, device or socket is never read)")
    return os.fdopen(fd, "rb")


def read_capped(path: Path, ref: str, limit: int = MAX_DOCUMENT_BYTES, what: str = "file") -> bytes:
    """A regular file's bytes, refused (before reading) when over `limit`."""
    size = regular_file_size(path, ref)
    if size > limit:
        raise too_large(ref, what, size, limit)
    with open_regular(path, ref) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:  # the file grew after the check
        raise too_large(ref, what, len(data), limit, at_least=True)
    return data


class BoundedDecoder:
    """Decode gzip/deflate in bounded steps: refuses as soon as the decoded size would pass `limit`.

    It reads a gzip or a zlib header (wbits 47); raw deflate without a header is not read.
    """

    def __init__(self, ref: str, limit: int, what: str = "decompressed document"):
        self.ref, self.limit, self.what = ref, limit, what
        self._inflate = zlib.decompressobj(47)
        self.size = 0

    def feed(self, data: bytes) -> bytes:
        out: list[bytes] = []
        pending = data
        while pending:
            budget = self.limit - self.size + 1
            piece = self._inflate.decompress(pending, min(budget, _STEP))
            self._take(piece, out)
            pending = self._inflate.unconsumed_tail
            if self._inflate.eof and self._inflate.unused_data:
                # Another gzip member follows (concatenated members are one stream in gzip's sense).
                pending = self._inflate.unused_data + pending
                self._inflate = zlib.decompressobj(47)
        return b"".join(out)

    def _take(self, piece: bytes, out: list[bytes]) -> None:
        self.size += len(piece)
        if self.size > self.limit:
            raise too_large(self.ref, self.what, self.size, self.limit, at_least=True)
        out.append(piece)

    def finish(self) -> bytes:
        out: list[bytes] = []
        self._take(self._inflate.flush(), out)
        if not self._inflate.eof:
            raise InputError(self.ref, "truncated compressed data (the stream ends early)")
        return b"".join(out)


def gunzip_file(path: Path, ref: str, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """A gzip file's decoded bytes, read and decoded in steps; refused once the decoded size passes `limit`."""
    regular_file_size(path, ref)
    decoder = BoundedDecoder(ref, limit)
    out: list[bytes] = []
    try:
        with open_regular(path, ref) as stream:
            while chunk := stream.read(_STEP):
                out.append(decoder.feed(chunk))
    except zlib.error as exc:
        raise InputError(ref, f"corrupt gzip data ({exc})") from None
    out.append(decoder.finish())
    return b"".join(out)


def capped_lines(stream: BinaryIO, limit: int = MAX_LINE_BYTES) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line bytes) from a binary stream; None for a line over `limit`, which is skipped unread."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(_STEP)) and not rest.endswith(b"\n"):
                pass  # drain the rest of the long line without keeping it
            yield number, None
            continue
        yield number, line
