"""HTML pages: the main text and metadata (title, author, date, site name, canonical URL) with trafilatura.

Navigation, boilerplate and reader comments are left out. The article's text is the extracted main text with its
paragraphs separated by blank lines (the lines of one embedded post by a line break alone: `_post_lines`); when it
starts with the headline, `body_start` points past it. A page with no article text (an index page, a login wall) is
one clear error, not an empty article.
"""

from __future__ import annotations

import re
from pathlib import Path

import trafilatura
from lxml import html as lxml_html

from claimgraph.errors import InputError
from claimgraph.ingest.decode import decode_text
from claimgraph.ingest.fetch import MAX_BYTES
from claimgraph.ingest.flat import deep_page_text
from claimgraph.ingest.limits import gunzip_file, read_capped
from claimgraph.ingest.publisher import publisher_name
from claimgraph.nlp.signatures import SIGNATURE_DASHES
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
    doc, raw_text, flat = _main_text(page, url, ref)
    paragraphs = [p.strip() for p in raw_text.split("\n") if p.strip()]
    if not flat and doc is not None:
        paragraphs = _join_posts(paragraphs, _post_lines(doc.body))
    text = "\n\n".join(paragraphs)
    title = ((doc.title if doc is not None else None) or "").strip() or None
    body_start = 0
    if title and paragraphs and paragraphs[0] == title and len(paragraphs) > 1:
        body_start = len(paragraphs[0]) + 2  # the headline is kept in the text (offsets stay true) but skipped
    canonical = (doc.url if doc is not None else None) or url
    details = dict(meta or {})
    if flat:
        details["read_flat"] = "nested too deeply for lxml: text read tag by tag, boilerplate kept"
    if url and canonical != url:
        details["fetched_url"] = url
    if encoding != "utf-8":
        details["encoding"] = encoding
    if doc is not None and doc.description:
        details["description"] = doc.description
    return Article(ref=ref, text=text, title=title,
                   publisher=publisher_name(doc.sitename if doc is not None else None, page, canonical),
                   published=(doc.date if doc is not None else None) or published, url=canonical,
                   author=doc.author if doc is not None else None, body_start=body_start, meta=details)


def _main_text(page: str, url: str | None, ref: str) -> tuple[object | None, str, bool]:
    """(trafilatura's document, the main text, whether it was read flat); InputError when there is no article."""
    try:
        doc = trafilatura.bare_extraction(page, url=url, with_metadata=True, include_comments=False,
                                          include_tables=True, deduplicate=False)
    except Exception as exc:  # trafilatura raises assorted lxml and parser errors on broken markup
        raise InputError(ref, f"cannot parse the HTML ({type(exc).__name__}: {exc})") from None
    raw_text = (doc.text or "") if doc is not None else ""
    if len(raw_text.strip()) >= MIN_TEXT_CHARS:
        return doc, raw_text, False
    flat = deep_page_text(page)  # lxml drops what lies below 256 levels: read such a page without it
    if flat is not None and len(flat) >= MIN_TEXT_CHARS:
        return doc, flat, True
    raise InputError(ref, "no article text found in the page (only navigation, boilerplate or too short)")


def _post_lines(body: object | None) -> list[list[str]]:
    """The lines of each embedded post that has more than one: Twitter's embed is `<blockquote><p>line<br><br>line
    </p>&mdash; Name (@handle) date</blockquote>`, which trafilatura keeps as a `quote` whose `p` has `lb` breaks and
    the signature as its tail. Its text puts every line on a line of its own, which the reader would make paragraphs,
    and the post's first lines would read as the article's (fictional embed: 2 paragraphs, the first lost)."""
    runs = []
    for quote in body.iter("quote") if body is not None else ():
        for para in quote.iter("p"):
            if (para.tail or "").lstrip().startswith(SIGNATURE_DASHES):
                lines = _lines_of(para)
                if len(lines) > 1:
                    runs.append(lines)
    return runs


def _lines_of(para: object) -> list[str]:
    """A paragraph element's text, broken at its `lb` elements, each line's spaces collapsed."""
    parts = [para.text or ""]
    for child in para:
        parts.append("\n" if child.tag == "lb" else "".join(child.itertext()))
        parts.append(child.tail or "")
    return [" ".join(line.split()) for line in "".join(parts).split("\n") if line.strip()]


def _join_posts(paragraphs: list[str], runs: list[list[str]]) -> list[str]:
    """`paragraphs` with each post's lines (a run of `runs` right above its signature) made one paragraph whose lines
    a single line break separates, so that the post stays one block above its signature."""
    if not runs:
        return paragraphs
    spaced = [" ".join(p.split()) for p in paragraphs]
    out, i = [], 0
    while i < len(paragraphs):
        size = next((len(run) for run in runs if spaced[i:i + len(run)] == run and i + len(run) < len(paragraphs)
                     and paragraphs[i + len(run)].startswith(SIGNATURE_DASHES)), 1)
        out.append("\n".join(paragraphs[i:i + size]))
        i += size
    return out


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


def read_html_file(path: Path, ref: str) -> Article:
    # The size is checked before reading so that a huge file costs nothing.
    return article_from_html(read_capped(path, ref, MAX_BYTES, what="document"), ref)


def read_html_gz_file(path: Path, ref: str) -> Article:
    """A page saved gzip-compressed (`.html.gz`): decoded in bounded steps, refused past 10 MiB decoded."""
    return article_from_html(gunzip_file(path, ref, MAX_BYTES), ref)
