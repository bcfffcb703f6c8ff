"""Plain-text articles: an optional ` date YYYY-MM-DD |` header, an optional genre line, a title, a dateline.

The text is kept whole and exactly as read; the header lines only fill in metadata and `body_start`.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from claimgraph.ingest.decode import decode_text
from claimgraph.nlp.datelines import DATELINE
from claimgraph.records import Article

HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s*\|\s*$")
GENRE = re.compile(r"^(PRESS RELEASE|NEWS RELEASE|OPINION|EDITORIAL|ANALYSIS|COMMENTARY|INTERVIEW|STATEMENT)\s*$")
MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}


def parse_dateline_date(raw: str, fallback_year: int | None) -> str | None:
    m = re.match(r"([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})(?:,\s*(\d{4}))?", raw)
    if not m or m.group(1).lower() not in MONTHS:
        return None
    year = int(m.group(3)) if m.group(3) else fallback_year
    if year is None:
        return None
    try:
        return datetime(year, MONTHS[m.group(1).lower()], int(m.group(2))).date().isoformat()
    except ValueError:
        return None


def parse_text_article(text: str, ref: str) -> Article:
    """Read the optional header lines of a plain-text article; offsets stay those of `text`."""
    published = genre = title = publisher = None
    pos = 0
    lines = text.splitlines(keepends=True)
    i = 0
    if i < len(lines) and (m := HEADER.match(lines[i])):
        published = m.group(1)
        pos += len(lines[i])
        i += 1
    if i < len(lines) and GENRE.match(lines[i].strip()):
        genre = lines[i].strip().lower()
        pos += len(lines[i])
        i += 1
    # A title is a short first line with more text after it (PolNeAR: the title, then a blank line).
    if i < len(lines) - 1 and 0 < len(lines[i].strip()) <= 200 and not DATELINE.match(lines[i]):
        title = lines[i].strip()
        pos += len(lines[i])
        i += 1
    if i < len(lines) and (m := DATELINE.match(lines[i])):
        publisher = m.group("pub").strip()
        year = int(published[:4]) if published else None
        published = parse_dateline_date(m.group("date"), year) or published
        pos += m.end()
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return Article(ref=ref, text=text, title=title, publisher=publisher, published=published, genre=genre,
                   body_start=pos)


def read_text_file(path: Path, ref: str) -> Article:
    text, encoding = decode_text(path.read_bytes(), ref)
    article = parse_text_article(text, ref)
    if encoding != "utf-8":
        article.meta["encoding"] = encoding
    return article
