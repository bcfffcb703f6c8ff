"""The text of a page nested too deeply for lxml (libxml2 stops at 256 levels): read flat, block by block.

trafilatura parses with lxml, which drops everything below its depth limit, so a page wrapped in thousands of
`<div>`s would lose its article. Python's own HTMLParser reads tags as events, with no depth limit; it is used
only for such pages, and only for their text (no boilerplate removal: a page that deep is not a normal page).
"""

from __future__ import annotations

from html.parser import HTMLParser

DEEP_NESTING = 200  # levels past which lxml may have lost text and the flat reading is tried
_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article", "tr"}
_SKIPPED = {"title", "script", "style", "noscript", "template", "nav", "header", "footer", "aside"}
_VOID = {"br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}


class _FlatReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = self.max_depth = 0
        self.skipping = 0
        self.paragraphs: list[list[str]] = [[]]

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag not in _VOID:
            self.depth += 1
            self.max_depth = max(self.max_depth, self.depth)
        if tag in _SKIPPED:
            self.skipping += 1
        if tag in _BLOCKS and self.paragraphs[-1]:
            self.paragraphs.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID:
            self.depth = max(0, self.depth - 1)
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        if tag in _BLOCKS and self.paragraphs[-1]:
            self.paragraphs.append([])

    def handle_data(self, data: str) -> None:
        if not self.skipping and data.strip():
            self.paragraphs[-1].append(data)


def deep_page_text(page: str) -> str | None:
    """The text of `page` read flat when it nests deeper than DEEP_NESTING levels; None for a normal page."""
    reader = _FlatReader()
    reader.feed(page)
    reader.close()
    if reader.max_depth <= DEEP_NESTING:
        return None
    lines = (" ".join("".join(parts).split()) for parts in reader.paragraphs)
    return "\n\n".join(line for line in lines if line)
