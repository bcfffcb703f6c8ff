"""Bytes to text, with one clear error for what is not text."""

from __future__ import annotations

from claimgraph.errors import InputError

# Control characters other than tab, newline, carriage return and form feed: a file full of them is not text.
_CONTROL = set(range(0, 9)) | {11} | set(range(14, 32))


def decode_text(data: bytes, source: str) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), falling back to Windows-1252; return (text, encoding).

    Raises InputError for binary data and for input that is empty or only whitespace.
    """
    if not data.strip():
        raise InputError(source, "empty input: no text to read")
    sample = data[:8192]
    if b"\x00" in sample or sum(b in _CONTROL for b in sample) > 0.05 * len(sample):
        raise InputError(source, "binary data, not text (is it an image, PDF or archive?)")
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
