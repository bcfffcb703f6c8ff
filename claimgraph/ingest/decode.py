"""Bytes to text, with one clear error for what is not text."""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from typing import BinaryIO

from claimgraph.errors import InputError
from claimgraph.ingest.limits import MAX_LINE_BYTES, capped_lines

# Control characters other than tab, newline, carriage return and form feed: a file full of them is not text.
_CONTROL = set(range(0, 9)) | {11} | set(range(14, 32))


# Byte-order marks, longest first (UTF-32's little-endian mark starts with UTF-16's).
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark at the start of `data` declares (the codec drops the mark), or None."""
    return next((name for bom, name in BOMS if data.startswith(bom)), None)


def decode_text(data: bytes, source: str) -> tuple[str, str]:
    """Decode bytes: by their byte-order mark (UTF-8, UTF-16, UTF-32; the mark is not part of the text), else as
    UTF-8, falling back to Windows-1252; return (text, encoding).

    Raises InputError for binary data and for input that is empty or only whitespace.
    """
    if (declared := bom_encoding(data)) is not None:
        try:
            text = data.decode(declared)
        except UnicodeDecodeError as exc:
            raise InputError(source, f"not valid {declared.upper()} though it starts with its byte-order mark "
                                     f"({exc.reason} at byte {exc.start})") from None
        if not text.strip():
            raise InputError(source, "empty input: no text to read")
        return text, declared.removesuffix("-sig")
    if not data.strip():
        raise InputError(source, "empty input: no text to read")
    _check_sample(data[:8192], source)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        # Mixed or legacy encodings: cp1252 maps almost every byte; what it cannot map is not news text.
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        raise InputError(source, f"not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) "
                                 "nor Windows-1252") from None


def _check_sample(sample: bytes, source: str) -> None:
    if b"\x00" in sample or sum(b in _CONTROL for b in sample) > 0.05 * len(sample):
        raise InputError(source, "binary data, not text (is it an image, PDF or archive?)")


def decoded_lines(stream: BinaryIO, source: str, limit: int = MAX_LINE_BYTES) -> Iterator[tuple[int, str | None]]:
    """(line number, line with its end) of a text stream, read a line at a time; None for a line over `limit`.

    A byte-order mark decides the encoding (and is dropped); otherwise each line is UTF-8, or Windows-1252 when it
    is not. Raises InputError for binary data.
    """
    head = stream.read(8192)
    stream.seek(0)
    declared = bom_encoding(head)
    if declared in ("utf-16", "utf-32"):
        text = io.TextIOWrapper(stream, encoding=declared, errors="replace", newline="")
        number = 0
        while line := text.readline(limit + 1):
            number += 1
            if len(line) > limit and not line.endswith("\n"):
                while (rest := text.readline(65536)) and not rest.endswith("\n"):
                    pass
                yield number, None
            else:
                yield number, line
        return
    _check_sample(head, source)
    for number, raw in capped_lines(stream, limit):
        if raw is None:
            yield number, None
            continue
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
        try:
            yield number, raw.decode("utf-8")
        except UnicodeDecodeError:
            yield number, raw.decode("cp1252", errors="replace")
