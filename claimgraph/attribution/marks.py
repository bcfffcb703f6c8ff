"""Quote marks: pairing the marks of a text into `Quote` records, and a quote's shape read from its characters.

Quote marks are read from the characters, not the parse: the parser attaches closing marks to the next sentence.
Double marks (curly, straight, guillemets, and '' as some archives write them) are paired by `find_quotes`; British
copy's quotations in single marks are read apart from the apostrophes around them (`find_single_quotes`,
`with_single_quotes`). `is_direct`, `_ends_inside` and `_ends_clause` say from the characters alone whether a quote
stands as a clause of its own and whether it ends its sentence.

In the order of work (claimgraph/attribution/__init__.py's docstring) the marks are read once per parsed piece,
before step 1: the quote steps (quotes.py, frames.py, continuations.py) and reported speech (reported/) read them.
This module depends on no other attribution module; the others may import it, never the other way round.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN = {"“": "”", '"': '"', "«": "»"}
CLOSE = {"”", '"', "»"}
WORD = re.compile(r"\w+")
MARKS = re.compile("[\"“”«»\n]|''")  # the characters find_quotes acts on
# Before an opening mark, these characters mean the quote starts a clause of its own (a direct quote);
# a letter there means the quote is embedded in a clause ("called it "rubbish"": a mixed quote).
CLAUSE_START = set(".:,;—–-(\n") | CLOSE
MIN_DIRECT_WORDS = 3
EMBEDDING_WORDS = {"that", "as", "of", "the", "a", "an", "and", "or", "to", "was", "is", "be", "been", "with", "by",
                   "for", "about", "called", "call", "calling", "described", "like", "than", "its", "his", "her",
                   "their", "our", "this"}


@dataclass(frozen=True)
class Quote:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark (or the line end, for an unclosed quote)
    inner: tuple[int, int]  # the quoted words without the marks
    closed: bool = True  # False when the paragraph ended first (the next paragraph may reopen the same quote)


def find_quotes(text: str) -> list[Quote]:
    """Pair quote marks; a quote left open at a line break ends there (the next paragraph may reopen it).

    Marks: curly double quotes, straight double quotes, guillemets, and two apostrophes ('') as some papers
    (and their archives) write them.
    """
    quotes: list[Quote] = []
    open_at: int | None = None
    open_len = 1
    closer = ""
    i = 0
    while (next_mark := MARKS.search(text, i)) is not None:  # other characters step by one and change nothing
        i = next_mark.start()
        ch = text[i]
        mark = "''" if text.startswith("''", i) else ch
        width = len(mark)
        if open_at is None:
            if mark == "''" and _looks_opening(text, i, width):
                open_at, open_len, closer = i, 2, "''"
            elif ch in OPEN and _looks_opening(text, i, 1):
                open_at, open_len, closer = i, 1, OPEN[ch]
            elif ch == "”" and (i == 0 or text[i - 1] == "\n"):
                open_at, open_len, closer = i, 1, "”"  # a paragraph opened with the wrong curly mark
        elif mark == closer or (closer != "''" and (ch == closer or (ch in CLOSE and closer == '"')
                                                     or (closer == "”" and _stray_close(text, i)))):
            width = len(closer) if mark == closer else 1
            quotes.append(Quote(open_at, i + width, (open_at + open_len, i)))
            open_at = None
            if mark == '"' and _closed_twice(text, i):
                open_at, open_len, closer = i, 1, "”"
        elif ch == "\n":
            if i - open_at > open_len:
                quotes.append(Quote(open_at, i, (open_at + open_len, i), closed=False))
            open_at = None
        i += width
    if open_at is not None and len(text) - open_at > open_len:
        quotes.append(Quote(open_at, len(text), (open_at + open_len, len(text)), closed=False))
    return quotes


SINGLE_OPEN = "'‘"
SINGLE_CLOSE = "'’"
SINGLE_MARK = re.compile("['‘’\n]")
OPENS_AFTER = set(" \t\n(:—–-\"“")  # what may stand before a single mark that opens a quotation


def find_single_quotes(text: str, marks: list[Quote]) -> list[Quote]:
    """British copy's quotations in single marks ("'We saw something,' Nor said.", "He said: 'I put him down.'"),
    outside the double-mark quotes `marks`. A mark opens after a space, a colon or a dash and before a capital
    (any letter where it opens its paragraph, a quotation going on below); it closes after the quotation's own
    comma, full stop, "?" or "!", or after a letter where no such closing follows on the line ("… for the rest of
    them'."; "the soldiers' faces" inside a quotation is an apostrophe when the quotation closes later). Closed
    after a letter, it holds four words or more and no colon follows ("'Guru in bling': …" labels a caption). Marks
    that open inside an open quotation nest ("… your 'war story' to …"). A quotation left open at its paragraph's end
    that ends a sentence there is kept unclosed, as `find_quotes` keeps one: the next paragraph may reopen it."""
    inside = [(q.start, q.end) for q in marks]
    quotes: list[Quote] = []
    line_start = 0
    for line in text.split("\n"):
        events = [m.start() + line_start for m in SINGLE_MARK.finditer(line)]
        events = [i for i in events if not any(s <= i < e for s, e in inside) and text[i - 1:i] != "'"
                  and text[i + 1:i + 2] != "'"]  # '' is a double mark (find_quotes)
        closers = [i for i in events if _closes_after_punct(text, i)]
        open_at: int | None = None
        depth = 0
        for i in events:
            if open_at is None:
                if _opens_single(text, i):
                    open_at, depth = i, 0
                continue
            if _opens_single(text, i) and text[i - 1] != ":":
                depth += 1
            elif text[i] in SINGLE_CLOSE and not text[i - 1].isspace() and not text[i + 1:i + 2].isalnum():
                if depth:
                    depth -= 1
                elif i in closers or not any(c > i for c in closers):
                    if (i in closers or (len(WORD.findall(text[open_at:i])) >= 4 and text[i + 1:i + 2] != ":")) \
                            and not _crosshead(text, open_at, i + 1):
                        quotes.append(Quote(open_at, i + 1, (open_at + 1, i)))
                    open_at = None
        line_end = line_start + len(line)
        if open_at is not None and text[open_at + 1:line_end].rstrip().endswith((".", "!", "?")):
            quotes.append(Quote(open_at, line_end, (open_at + 1, line_end), closed=False))
        line_start = line_end + 1
    return quotes


TITLE_SMALL_WORDS = {"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with",
                     "from", "as", "t", "s"}  # "Isn't" splits into "Isn" and "t"


def _crosshead(text: str, start: int, end: int) -> bool:
    """"'Legend in the Coal Fields.'" alone on its line: a subheading that quotes its section, in title case (every
    word but the small ones capitalised), not someone's words ("'Brian Tarn has to go.'" is)."""
    if text[start - 1:start] not in {"", "\n"} or text[end:].split("\n", 1)[0].strip():
        return False
    words = [w for w in WORD.findall(text[start:end]) if w.lower() not in TITLE_SMALL_WORDS]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def _opens_single(text: str, i: int) -> bool:
    if text[i] not in SINGLE_OPEN or (i > 0 and text[i - 1] not in OPENS_AFTER):
        return False
    following = text[i + 1:i + 2]
    return following.isupper() or (following.isalpha() and (i == 0 or text[i - 1] == "\n"))


def _closes_after_punct(text: str, i: int) -> bool:
    return text[i] in SINGLE_CLOSE and i > 0 and text[i - 1] in ",.?!…" and not text[i + 1:i + 2].isalnum()


def _stray_close(text: str, i: int) -> bool:
    """A curly quotation closed with the wrong mark ('“… here,“ said Vell', '“… for her," Vell said'): a straight
    or opening mark after a word or punctuation and before a space, punctuation or the line end."""
    if text[i] not in {'"', "“"} or i == 0 or text[i - 1].isspace():
        return False
    return i + 1 >= len(text) or text[i + 1].isspace() or text[i + 1] in ".,;:!?)—–-"


def _closed_twice(text: str, i: int) -> bool:
    """'"There was no likeness at all."This is making me laugh.”': a quotation closed twice, with a straight mark after
    its first sentence and a curly one after its second, a copy-editing fault (FNC-1 check sample D, 1 of 100
    records: the second sentence was read as the writer's). The straight mark at `i` also opens the second sentence
    where a capital follows it with no space (a closing mark is followed by a space or punctuation) and the next mark
    on the line is a curly closing one, which nothing else would pair. On the 655 FNC-1 design bodies and PolNeAR
    train the shape is absent (7 straight closings followed by a capital, none of them by a curly closing)."""
    if i + 1 >= len(text) or not text[i + 1].isupper():
        return False
    following = MARKS.search(text, i + 1)
    return following is not None and following.group() == "”"


def _looks_opening(text: str, i: int, width: int = 1) -> bool:
    if text[i] in "“«":
        return True
    # A straight mark opens when followed by a word character (or ellipsis) rather than a space.
    return i + width < len(text) and not text[i + width].isspace()


def is_direct(text: str, quote: Quote) -> bool:
    """A quote that stands as a clause of its own, not a few words embedded in someone else's sentence."""
    words = len(WORD.findall(text[quote.inner[0]:quote.inner[1]]))
    before = text[:quote.start].rstrip(" \t")
    starts_clause = not before or before[-1] in CLAUSE_START or before.endswith((" said", " says", " told", " added"))
    previous_word = before.rsplit(None, 1)[-1].lower() if before.strip() else ""
    embedded = previous_word in EMBEDDING_WORDS  # 'sends a message that "…"': part of a reported clause
    return words >= MIN_DIRECT_WORDS and (starts_clause or (words >= 8 and not embedded))


def ends_inside(text: str, quote: Quote) -> bool:
    """The quoted words end their sentence inside the marks ('… my wheelhouse.”', '… paths!”')."""
    return text[quote.inner[0]:quote.inner[1]].rstrip().endswith((".", "!", "?"))


def ends_clause(text: str, quote: Quote) -> bool:
    """The quoted words end a sentence: a final mark inside the quote, or a period, line end or text end after it."""
    rest = text[quote.end:].lstrip(" \t")
    return ends_inside(text, quote) or not rest or rest[0] in "\n.!?"


def with_single_quotes(text: str, marks: list[Quote]) -> list[Quote]:
    """The double-mark quotes and British copy's quotes in single marks, in text order. Read by the quote steps only,
    where each must be direct to count (reported speech reads single marks around a content itself, and a single
    mark inside its content is mostly an apostrophe)."""
    return sorted([*marks, *find_single_quotes(text, marks)], key=lambda quote: quote.start)
