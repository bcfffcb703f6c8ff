"""HTML pages: the main text and metadata (title, author, date, site name, canonical URL) with trafilatura.

Navigation, boilerplate and reader comments are left out. The article's text is the extracted main text with its
paragraphs separated by blank lines; when it starts with the headline, `body_start` points past it. A page with
no article text (an index page, a login wall) is one clear error, not an empty article.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import trafilatura
from lxml import html as lxml_html

from claimgraph.errors import InputError
from claimgraph.ingest.decode import decode_text
from claimgraph.ingest.fetch import MAX_BYTES
from claimgraph.records import Article

# Fewer characters of main text than this is a page without an article (a teaser, a cookie wall, a 404 page).
MIN_TEXT_CHARS = 80
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode_html(data: bytes, ref: str, declared: str | None = None) -> tuple[str, str]:
    """Decode a page: the charset the server or the page declares, else UTF-8 with a Windows-1252 fallback."""
    if not data.strip():
        raise InputError(ref, "empty page: no HTML to read")
    if not declared and (m := _META_CHARSET.search(data[:4096])):
        declared = m.group(1).decode("ascii")
    if declared and declared.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            text = data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; fall back to detection below
        else:
            if "\x00" not in text[:8192]:
                return text, declared.lower()
    return decode_text(data, ref)


def article_from_html(data: bytes | str, ref: str, url: str | None = None, charset: str | None = None,
                      published: str | None = None, meta: dict | None = None) -> Article:
    """One Article from one page; `url` is where it was fetched (the canonical URL from the page wins)."""
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            raise InputError(ref, f"document too large ({len(data) / 2**20:.1f} MiB; the limit is "
                                  f"{MAX_BYTES / 2**20:.0f} MiB)")
        page, encoding = decode_html(data, ref, charset)
    else:
        page, encoding = data, "utf-8"
    if not page.strip():
        raise InputError(ref, "empty page: no HTML to read")
    try:
        doc = trafilatura.bare_extraction(page, url=url, with_metadata=True, include_comments=False,
                                          include_tables=True, deduplicate=False)
    except Exception as exc:  # trafilatura raises assorted lxml and parser errors on broken markup
        raise InputError(ref, f"cannot parse the HTML ({type(exc).__name__}: {exc})") from None
    raw_text = (doc.text or "") if doc is not None else ""
    if len(raw_text.strip()) < MIN_TEXT_CHARS:
        raise InputError(ref, "no article text found in the page (only navigation, boilerplate or too short)")
    paragraphs = [p.strip() for p in raw_text.split("\n") if p.strip()]
    text = "\n\n".join(paragraphs)
    title = (doc.title or "").strip() or None
    body_start = 0
    if title and paragraphs and paragraphs[0] == title and len(paragraphs) > 1:
        body_start = len(paragraphs[0]) + 2  # the headline is kept in the text (offsets stay true) but skipped
    canonical = doc.url or url
    details = dict(meta or {})
    if url and canonical != url:
        details["fetched_url"] = url
    if encoding != "utf-8":
        details["encoding"] = encoding
    if doc.description:
        details["description"] = doc.description
    return Article(ref=ref, text=text, title=title, publisher=doc.sitename or _host(canonical),
                   published=doc.date or published, url=canonical, author=doc.author, body_start=body_start,
                   meta=details)


def html_fragment_text(fragment: str) -> str:
    """Plain text of a feed entry's HTML content: paragraphs and line breaks become blank lines."""
    if "<" not in fragment:
        return "\n\n".join(p.strip() for p in fragment.split("\n") if p.strip())
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises ParserError on empty or broken fragments
        return ""
    for element in list(root.iter("script", "style")):
        element.drop_tree()
    for element in root.iter("br", "p", "div", "li", "h1", "h2", "h3", "h4", "blockquote"):
        element.tail = "\n" + (element.tail or "")
        if element.tag != "br":
            element.text = "\n" + (element.text or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n\n".join(line for line in lines if line)


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def read_html_file(path: Path, ref: str) -> Article:
    size = path.stat().st_size
    if size > MAX_BYTES:
        # Checked before reading so that a huge file costs nothing.
        raise InputError(ref, f"document too large ({size / 2**20:.1f} MiB; the limit is {MAX_BYTES / 2**20:.0f} MiB)")
    return article_from_html(path.read_bytes(), ref)
